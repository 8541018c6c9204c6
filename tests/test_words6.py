"""Issue 19, sixth round: one test per class of the round-5 cold reads (corpus seed
6262), in every language where the class applies (``words6.md``)."""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

import followup_rules
from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    Outcome,
    OutOfOffice,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .prose import COURTESY_WORDS, near_repeat
from .test_words5 import CALLED_YOU, LAST_LINES, THANKS_FIRST, _gettext, _openings
from .test_writing import NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _no_phone(code: str) -> Any:
    """The test interview in *code*, its contact reachable only by e-mail."""
    return in_language(
        meeting(interviewers=[attrs.evolve(meeting().interviewers[0], phone=None)]), code
    )


# -- class 0: near repeats; the note after an out-of-office points to the unread one ------


def _after_out_of_office(code: str) -> tuple[Any, Any, list[Any]]:
    """The first check-in (answered by an out-of-office) and the run that follows it."""
    iv = _no_phone(code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27)))
    return iv, first, check_ins(plan(iv, history=history))


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_note_after_an_out_of_office_names_the_unread_one_by_its_day(code: str) -> None:
    """Class 0: fr "voici où en étaient les choses : mon entretien ... a eu lieu le ...,
    et une réponse était prévue d'ici le ..." restated the check-in the same person had
    just received ("Lors de mon entretien du ..., j'ai compris qu'une décision était
    prévue d'ici le ..."). Every wording of the note after an out-of-office points to
    the earlier note by its day, and says neither the interview's day nor the decision
    date again."""
    iv, first, steps = _after_out_of_office(code)
    lang = language(code)
    note_day = lang.day(first.suggested.date())
    interview_day = lang.day(iv.starts_at.date())
    decision_day = lang.day(date(2026, 7, 15))
    for attempt, opening in zip(range(2, 7), _openings(steps[0], iv, range(2, 7)), strict=True):
        if attempt == 3:
            continue  # a short line that names no day at all
        assert note_day in opening, opening
        assert interview_day not in opening and decision_day not in opening, opening


CHECK_IN_WORDINGS = re.compile(r'_\("((?:[^"\\]|\\.)*)"')


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_two_check_in_wordings_of_different_numbers_nearly_repeat(code: str) -> None:
    """Class 0: Hypothesis found, after a second run of check-ins, en "I remain very
    interested and look forward to the next stage." after "I understand that arranging
    the next round takes time, and I remain very interested.", fr "le poste m'intéresse
    toujours" in two notes, es "¿Tiene ... aproximada ... la decisión?" twice. Each
    check-in number has its own wording and one person may read any two numbers: no
    sentence of one number's wording (past a short courtesy) nearly repeats another's."""
    source = Path(followup_rules.__file__).parent / "templates" / "_check_in_middle.txt"
    wordings: list[tuple[int, str]] = []  # (check-in number or 0 for any, sentence)
    number = 0
    for line in source.read_text(encoding="utf-8").splitlines():
        said_number = re.search(r"attempt (?:<=|==) (\d)", line)
        if said_number:
            number = int(said_number.group(1))
        elif "{%" in line:
            number = 0  # a sentence any check-in may say ("so this will be my last note")
        for english in CHECK_IN_WORDINGS.findall(line):
            said = _gettext(code, english.replace('\\"', '"'))
            wordings.extend(
                (number, s)
                for s in re.split(r"(?<=[.?!])\s+", said)
                if len(s.split()) > COURTESY_WORDS
            )
    for i, (one, first) in enumerate(wordings):
        for other, second in wordings[i + 1 :]:
            if one and one == other:
                continue  # one number's wordings of different news never reach one person
            if first != second:
                assert not near_repeat(first, second, code, ("%(company)s",)), (first, second)


# -- class 1a: a call of unknown outcome is an attempt --------------------------------------

# The twenty-second read (words26d) found every "tried" wording untrue, a failure nobody
# knows: the call is said as made, as the English "I called on ..." says it, by its
# caller alone ("llamé por teléfono", "hice una llamada"), never as reaching the reader
# ("le llamé", CALLED_YOU) nor as a conversation to follow up ("cet appel", "this call").
TRIED_CALL = re.compile(
    CALLED_YOU.pattern + r"|Telefoneé|cet appel\b|this call\b|\bintent[éó]\b|hablamos",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_a_call_of_unknown_outcome_no_language_claims_a_conversation(code: str) -> None:
    """Class 1a (blocker): es «Llamé por teléfono ... y quería retomar el contacto por
    escrito» and fr «pour faire suite à cet appel» read as a call that took place;
    nobody is known to have answered.  Nor did the call fail, as "intenté" says (r22
    es 01.11): every wording says the call was made, and no more."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    email = check_ins(plan(iv, history=done_until(whole, call)))[0]
    for opening in _openings(email, iv, range(1, 7)):
        assert not TRIED_CALL.search(opening), opening


# -- class 1b: no topics, no fit: only thanks, interest and courtesy ------------------------

IMPRESSION = re.compile(
    r"Everything I heard|exactly the kind of work|offene|genau den Aufgaben|Alles, was ich|"
    r"correspond exactement|Tout ce que j’ai entendu|Todo lo que escuché|responde exactamente",
    re.IGNORECASE,
)


def _panel(code: str, size: int, **person: Any) -> tuple[Any, list[Any]]:
    """A panel of *size*, each person as *person* says, and its thank-you steps."""
    people = [
        Interviewer(f"Person{n} Lee", email=f"p{n}@x.example", **person) for n in range(size)
    ]
    iv = in_language(meeting(interviewers=people), code)
    return iv, [action for action in plan(iv) if action.kind is ActionKind.THANK_YOU]


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_note_with_no_topics_nor_fit_claims_no_impression(code: str) -> None:
    """Class 1b (blocker): with nothing recorded of the talk, de "Die Stelle entspricht
    genau den Aufgaben, die ich suche", fr «Tout ce que j'ai entendu n'a fait que renforcer
    ma motivation», de "das offene Gespräch" claim an opinion or a quality of the talk the
    user never gave. Every wording of every note (a panel of eight takes them all) says
    only thanks, interest and courtesy."""
    iv, steps = _panel(code, 8)
    for step in steps:
        text = render(step, iv).text
        assert not IMPRESSION.search(text), text


# -- class 1c: a panelist known only for a part is thanked for that part ---------------------

TALKED = re.compile(
    r"talk(ing)? with me|speaking with me|our conversation|discuss|"
    r"Gespräch über|mit mir .{0,40}sprechen|unser(en)? Austausch|"
    r"échanger avec moi|notre échange|notre conversation|"
    r"hablar conmigo|nuestra conversación",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("late", [False, True])
def test_a_panelist_known_only_for_a_part_is_thanked_for_it(code: str, late: bool) -> None:
    """Class 1c (blocker): fr 09.7 and 10.7 thanked Marc Roy, whose only recorded part
    was «la visite du laboratoire», «d'avoir pris le temps d'échanger avec moi sur le
    poste». Each of the panel's wordings (on time and late) thanks them for their part,
    once, and claims no conversation about the role."""
    iv, steps = _panel(code, 8, part="the lab tour")
    others = [step for step in steps if step.recipient is not iv.follow_up_contact]
    assert len(others) == 7
    for action in others:
        if late:
            action = action._with_facts(attrs.evolve(action.facts, late=True))
        body = render(action, iv).text.split("\n\n", 1)[1]
        assert body.count("the lab tour") == 1, body
        assert not TALKED.search(body.split("\n\n")[0]), body


# -- class 2: the last note's close ----------------------------------------------------------

TAKING_LEAVE = re.compile(
    r"await your reply|leave matters|follow up further|when you are ready|"
    r"bewenden|belasse ich|Dabei belasse|"
    r"attends de vous lire|en reste là|bonne continuation|d’ici là|"
    r"aguardo su contestación|Lo dejo aquí|Me despido",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_close_of_a_last_note_demands_or_takes_leave(code: str) -> None:
    """Class 2: "I will stop here and await your reply", «Je m'arrête ici et attends de
    vous lire», «aguardo su contestación» demand an answer; "I will leave matters
    there", «J'en reste là», "Dabei belasse ich es nun", «Lo dejo aquí», «bonne
    continuation» read as a farewell. Every line that says a note is the last for now,
    and every last note's interest line, only says so, warmly."""
    source = Path(followup_rules.__file__).parent / "templates" / "_check_in_middle.txt"
    lines = list(LAST_LINES) + CHECK_IN_WORDINGS.findall(source.read_text(encoding="utf-8"))
    for line in lines:
        said = _gettext(code, line.replace('\\"', '"'))
        assert not TAKING_LEAVE.search(said), said


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_says_once_that_it_hopes_to_hear(code: str) -> None:
    """Class 2: de "ich freue mich auf Ihre Nachricht ... über eine Nachricht von Ihnen
    freue ich mich jederzeit": two sentences of one close said the same. The first
    run's last note says that it is the last for now once, and hopes to hear at most
    once."""
    iv = _no_phone(code)
    last = check_ins(plan(iv))[-1]
    assert last.facts.final
    text = render(last, iv).text
    hoping = {
        "en": r"hear from you|hearing from you",
        "de": r"freue ich mich|freue mich",
        "fr": r"vos nouvelles|de vous lire",
        "es": r"saber de usted|sus noticias",
    }
    assert len(re.findall(hoping[code], text)) <= 1, text


# -- class 3: after "no decision yet" and after a rejection ---------------------------------

AS_OF = re.compile(r"\bAs of\b|^Stand |\bstand \w+, dem|^Au \w+ \d|\bA fecha del", re.IGNORECASE)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [date(2026, 7, 24), None])
def test_undecided_news_is_not_dated_like_a_report(code: str, new_date: date | None) -> None:
    """Class 3: "As of Thursday 19 November", «Au vendredi 20 novembre», "Stand Freitag,
    dem ..." read as a status report, not a note; every check-in number after "no
    decision yet" says when the candidate learned it."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    history = done_until(whole, call)
    history.append(Update(call.suggested.add(hours=3), Outcome.UNDECIDED, new_date))
    nxt = check_ins(plan(iv, history=history))[0]
    for opening in _openings(nxt, iv, range(1, 7)):
        assert not AS_OF.search(opening), opening


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_request_acknowledges_the_decision(code: str) -> None:
    """Class 3: after a rejection the request for feedback thanked for being considered
    without a word about the decision it answers; it now says first that the candidate
    was sorry to learn it (naming no sender: the decision's is not known), after the
    thanks for being considered (words20 class 4: thanks before regret)."""
    iv = in_language(meeting(), code)
    rejected = [Update(pendulum.datetime(2026, 7, 9, 10, tz=NY), Outcome.REJECTED)]
    request = next(a for a in plan(iv, history=rejected) if a.kind is ActionKind.FEEDBACK_REQUEST)
    opening = render(request, iv).text.split("\n\n")[1]
    said = {"en": "not selected", "de": "nicht ausgewählt", "fr": "pas été retenue",
            "es": "no haya prosperado"}[code]  # fmt: skip
    assert said in opening.split(";")[-1] and THANKS_FIRST.match(opening), opening


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_answer_subject_names_no_request(code: str) -> None:
    """Class 3: "Feedback on the interview process, with a request" read as a bargain;
    the subject of the answer names the feedback only, whether or not it also asks."""
    iv = in_language(meeting(), code)
    asked = [
        Update(pendulum.datetime(2026, 7, 9, 10, tz=NY), Outcome.REJECTED),
        Update(pendulum.datetime(2026, 7, 9, 11, tz=NY), Outcome.FEEDBACK_REQUESTED),
    ]
    answer = next(a for a in plan(iv, history=asked) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    assert answer.facts.asks_feedback
    subject = render(answer, iv, feedback="FEEDBACK").subject or ""
    assert not re.search(r"request|Bitte|demande|petición|solicitud", subject), subject


# -- class 6: every subject names the role -------------------------------------------------

LONG_ROLE = "Responsable des ressources humaines"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_subject_names_the_role_even_a_long_one(code: str) -> None:
    """Class 6: with a long role the shorter subjects dropped it («Point sur ma
    candidature», «Des nouvelles de ma candidature ?», «Toute ma gratitude pour
    l'entretien», «Calendrier de la décision»), so the recipient could not file or find
    the e-mail. Every e-mail of the plan and every check-in number names the role, and
    no subject is cut."""
    person = attrs.evolve(meeting().interviewers[0], phone=None)
    iv = in_language(
        meeting(role=LONG_ROLE, interviewers=[person, meeting().interviewers[1]]), code
    )
    whole = plan(iv)
    first = check_ins(whole)[0]
    steps = [a for a in whole if a.template is not None and a.channel.name == "EMAIL"]
    steps += [attrs.evolve(first, facts=attrs.evolve(first.facts, attempt=n)) for n in range(1, 8)]
    for step in steps:
        subject = render(step, iv).subject or ""
        # ... unless naming it would pass what a phone shows (70 characters, words7 7)
        with_role = language(code).subject_with_role(subject, LONG_ROLE)
        named = LONG_ROLE.casefold() in subject.casefold()
        assert named or len(with_role) > 70, subject
        assert not subject.endswith(("…", "...")), subject


# -- class 4: frames of the case for fit ----------------------------------------------------

FIT = {
    "en": "six years of building data pipelines",
    "de": "sechs Jahre Erfahrung im Aufbau von Datenpipelines",
    "fr": "six années d’expérience dans les pipelines de données",
    "es": "seis años de experiencia en canalizaciones de datos",
}
FORM_LIKE = re.compile(
    r"Mit Blick auf|Das würde ich in die Stelle einbringen|wirksam werden|aufbauen kann",
    re.IGNORECASE,
)
ECHO_STEMS = {
    "en": ("hope", "contribut", "chance"),
    "de": ("hoffe", "beitrag", "chance"),
    "fr": ("espér", "espère", "contribu", "chance", "occasion"),
    "es": ("espero", "aport", "contribu", "oportunidad"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_case_for_fit_frames_a_bare_phrase_without_echo(code: str) -> None:
    """Class 4: around the user's phrase ("sechs Jahre Erfahrung im Aufbau von
    Datenpipelines") the frames said "auf ... im Aufbau ... aufbauen", "Mit Blick auf",
    "Das würde ich in die Stelle einbringen:", "rasch wirksam werden"; and a note said
    "hope ... hope" or "contribute ... contribute" in the interest line and the fit line
    next to it. No wording of a panel of eight does either."""
    people = [Interviewer(f"Person{n} Lee", email=f"p{n}@x.example") for n in range(8)]
    iv = in_language(meeting(interviewers=people, fit=FIT[code]), code)
    for step in plan(iv):
        if step.kind is not ActionKind.THANK_YOU:
            continue
        text = render(step, iv).text
        assert not FORM_LIKE.search(text), text
        paragraph = next((p for p in text.split("\n\n") if FIT[code] in p), None)
        if paragraph is None:  # the interview's fit is in FIT_NOTES notes (words9 class 1)
            continue
        lines = re.split(r"(?<=[.!?])\s+", paragraph)
        for one, two in itertools.pairwise(lines):
            for stem in ECHO_STEMS[code]:
                assert not (stem in one.casefold() and stem in two.casefold()), paragraph


# -- class 7: regional words ---------------------------------------------------------------

REGIONAL = {
    "fr_CA": re.compile(r"tombez sur la messagerie|Bien cordialement"),
    "es_MX": re.compile(r"salta el buzón|hueco"),
    "es_CO": re.compile(r"salta el buzón|hueco"),
}


@pytest.mark.parametrize("locale", sorted(REGIONAL))
def test_regional_french_and_spanish_use_their_own_words(locale: str) -> None:
    """Class 7: a Quebec reader found «Si vous tombez sur la messagerie» (Quebec says «la
    boîte vocale») and «Bien cordialement» (a France-ism: «Cordialement»); a Mexican
    reader «salta el buzón» («entra el buzón de voz») and «hueco». Every message of a
    plan (e-mails, scripts, voicemails) for those regions says it their way."""
    iv = meeting()
    iv = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language=locale))
    whole = plan(iv)
    call = check_ins(whole)[0]
    steps = [*whole, *plan(iv, history=done_until(whole, call))]
    for step in steps:
        if step.template is None:
            continue
        text = render(step, iv).text
        assert not REGIONAL[locale].search(text), text


# -- class 8: the recruiter's concerns line ------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_concerns_line_reads_well_when_filled_with_none(code: str) -> None:
    """Class 8: "Concerns raised in the interview, so that you can address them: none"
    asked the recruiter to address nothing. The line says "if any", so that the answer
    the placeholder invites ("... or none") still makes a sentence.  Ninth round, class
    9: no label at all; the placeholder is the sentence ("[No concerns were raised. /
    They asked about …]"), a paragraph of its own."""
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@selec.example")
    iv = in_language(meeting(recruiter=rita), code)
    debrief = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
    text = render(debrief, iv).text
    mark = render(debrief, iv).placeholders[-1]  # the concerns (words7 class 2)
    line = next(p for p in text.split("\n\n") if mark in p)
    assert line == mark and mark.endswith("]") and mark[-2] in ".…", line


# -- class 5: the legal name once a message --------------------------------------------------

LEGAL_NAMES = {
    "en": "Northwind Freight Ltd.",
    "de": "Nordlicht Mobility GmbH",
    "fr": "Lumière Analytique SAS",
    "es": "Datos del Sur S.L.",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_message_names_the_full_legal_name_at_most_once(code: str) -> None:
    """Class 5: "Northwind Freight Ltd." in two sentences running read as a form; a
    letter names the legal name once and then the company's short name ("Northwind
    Freight"), in every message of a plan, its check-ins after a call included."""
    company = LEGAL_NAMES[code]
    iv = in_language(meeting(company=company), code)
    whole = plan(iv)
    steps = [*whole, *plan(iv, history=done_until(whole, check_ins(whole)[0]))]
    for step in steps:
        if step.template is None:
            continue
        text = render(step, iv).text
        assert text.count(company) <= 1, text
        assert ". ." not in text and ".." not in text.replace("...", ""), text


# -- the one call: the script never sends the candidate back to the phone ---------------

CALL_BACK = re.compile(
    r"call back|call again then|rufen Sie dann wieder|rappelez à ce moment|"
    r"vuelva a llamar entonces",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_call_script_never_asks_for_a_second_call(code: str) -> None:
    """The seventh read (fr, 01.10 and others): "If someone else answers, ask when Ana
    is available, and call back then" contradicted the script's own "Do not call
    again" and the one call of rule one-call (000, 001); a second call would also make
    the next e-mail's "I tried to reach you" wrong. Whoever answers gets the
    candidate's name and number; the only later line about calling is the one that
    forbids it."""
    iv = in_language(meeting(), code)
    call = next(s for s in check_ins(plan(iv)) if s.channel is Channel.PHONE)
    lines = render(call, iv).text.splitlines()
    assert not [line for line in lines[:-1] if CALL_BACK.search(line)], lines
