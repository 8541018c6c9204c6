"""Issue 19, fifth round: one test per class of the round-4 cold reads (corpus seed
5151), in every language where the class applies (``words5.md``)."""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    InterviewFormat,
    Outcome,
    OutOfOffice,
    Update,
    parse_timeframe,
    plan,
    render,
)
from followup_rules._languages import language

from .prose import DISJOINT_PANEL, masks, panel_overlap, sentences
from .test_words12 import CLOSES
from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _openings(action: Any, iv: Any, attempts: range) -> list[str]:
    """The first paragraph after the greeting of *action* rendered as each attempt."""
    said = []
    for attempt in attempts:
        again = attrs.evolve(action, facts=attrs.evolve(action.facts, attempt=attempt))
        said.append(render(again, iv).text.split("\n\n")[1])
    return said


# -- class 1a: a call of unknown outcome is a try, not a conversation ------------------------

CALLED_YOU = re.compile(
    r"habe Sie .{0,99}angerufen|bei Ihnen angerufen|hatte ich .{0,99}angerufen|"
    r"vous ai téléphoné|vous ai appelé|Ayant appelé|j’ai appelé|J’ai téléphoné|"
    r"\b(le|la) llamé\b|hablamos por teléfono",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_after_a_call_of_unknown_outcome_the_email_says_the_candidate_tried(code: str) -> None:
    """Class 1a (blocker): nobody is known to have answered the call, so in German and
    French "ich habe Sie angerufen" / "je vous ai téléphoné" read as a conversation;
    no check-in number says "ich habe Sie angerufen".  Nor does it say the call failed
    ("habe ich versucht, Sie telefonisch zu erreichen": the r22 reader counted it
    untrue, words26d): it says the call was made, by its caller alone ("am ... habe ich
    wegen der Stelle angerufen"), as the English "I called on ..." does.  Spanish
    "Llamé por teléfono" was read as true either way (the r4 and r22 readers); only "le
    llamé" (you were called, as if reached) is out."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    assert call.channel is Channel.PHONE
    email = check_ins(plan(iv, history=done_until(whole, call)))[0]
    for opening in _openings(email, iv, range(1, 7)):
        assert not CALLED_YOU.search(opening), opening


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_second_voicemail_after_an_unknown_call_says_the_candidate_tried(code: str) -> None:
    """Class 1a: a second call's voicemail after a call nobody is known to have taken
    does not say "I called you" either, whichever of its wordings comes up."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    after = check_ins(plan(iv, history=done_until(whole, call)))[0]
    previous = after.facts.previous
    assert previous is not None and previous.channel is Channel.PHONE
    for attempt in range(2, 5):
        facts = attrs.evolve(call.facts, previous=previous, attempt=attempt)
        script = render(attrs.evolve(call, facts=facts), iv).text
        assert not CALLED_YOU.search(script), script


# -- class 1b: a window is never turned into a date ----------------------------------------

WINDOWS = ("within a fortnight", "in two weeks", "within 10 days", "in a week")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phrase", WINDOWS)
def test_a_decision_window_is_never_made_a_date(code: str, phrase: str) -> None:
    """Class 1b (blocker): the employer said "within a fortnight"; no message (check-in
    e-mail, call script, voicemail) names the end date the library computed: that date
    was never given. The window is quoted, anchored on the interview ("within two weeks
    of the interview")."""
    base = meeting(decision_by=None)
    window = parse_timeframe(phrase, base.starts_at.date())
    iv = in_language(meeting(decision_by=window), code)
    end = window.end
    whole = plan(iv)
    texts = [render(a, iv).text for a in whole if a.template is not None]
    history = done_until(whole, check_ins(whole)[0])
    texts += [render(a, iv).text for a in plan(iv, history=history) if a.template is not None]
    lang = language(code)
    named = {lang.day(end), lang.day_after_by(end), lang.day(end).split(", ")[-1]}
    for text in texts:
        assert not any(day in text for day in named), (named, text)


# -- class 1c: news through an unknown channel is not a conversation -------------------------

HEARD = re.compile(
    r"\bI heard\b|\bwhen I last heard\b|last in touch|we (last )?spoke|"
    r"habe ich gehört|hörte|letzten Kontakt|als wir .{0,30}sprachen|"
    r"dernier échange|nous avons (échangé|parlé)|on m’a indiqué|"
    r"cuando hablamos|escuché|me indicaron",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [date(2026, 7, 24), None])
def test_undecided_news_is_learned_not_heard_in_a_conversation(
    code: str, new_date: date | None
) -> None:
    """Class 1c (blocker): an `Update` names no sender and no channel, so the check-ins
    after "no decision yet" never say "I heard", "when we were last in touch", "cuando
    hablamos" or "habe ich gehört": they say the candidate learned it on that day."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    history = done_until(whole, call)
    history.append(Update(call.suggested.add(hours=3), Outcome.UNDECIDED, new_date))
    nxt = check_ins(plan(iv, history=history))[0]
    assert nxt.facts.news is Outcome.UNDECIDED
    for opening in _openings(nxt, iv, range(1, 7)):
        assert not HEARD.search(opening), opening


ANA_NO_PHONE = attrs.evolve(ANA, phone=None)


def _gettext(code: str, message: str) -> str:
    """An English sentence of the templates as *code* writes it."""
    words = language(code)
    return words.finish(words.translations.gettext(message))


def _next_round_run(code: str) -> tuple[Any, list[Any]]:
    iv = in_language(
        meeting(interviewers=[attrs.evolve(meeting().interviewers[0], phone=None)]), code
    )
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    steps = check_ins(plan(iv, history=[news]))
    assert len(steps) == 3 and all(step.facts.next_round_on for step in steps)
    return iv, steps


# -- class 1d: no invented availability or commitment ----------------------------------------

COMMITTED = re.compile(
    r"fit in with|whatever (dates|time|you decide)|at short notice|calendar flexible|"
    r"remain available|nach allen Terminen|richte mich gern nach|kurzfristig|"
    r"m’adapter aux dates|m’adapterai|à court terme|"
    r"adaptarme a las fechas|me adaptaré|con poca antelación|"
    # The sixth reads: flexibility and no hurry are stances the candidate never took.
    r"flexible|no rush|nicht eilig|zeitlich flexibel|rien ne presse|souples|"
    r"no hay prisa|flexibilidad",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_next_round_news_no_availability_is_invented(code: str) -> None:
    """Class 1d (blocker): the candidate never said they could fit in with any date for
    weeks; no check-in of a next-round run, whatever its number and whether or not it is
    the last, promises availability ("I can fit in with whatever dates suit you over
    the coming weeks", "nach allen Terminen richten"), nor a stance it never took ("I am
    flexible", "there is no rush on my side": the sixth reads' blockers); an offer to
    help with the planning is what a candidate can stand by."""
    iv, steps = _next_round_run(code)
    for step in steps:
        for attempt in range(1, 8):
            for left in (0, 1):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                text = render(attrs.evolve(step, facts=facts), iv).text
                assert not COMMITTED.search(text), text


# -- class 3: the last note of every unanswered run says it is the last for now -----------

LAST_LINES = (  # words9c class 3: no "last", "reminders" or inbox; the door stays open
    # the first run's close, by the turn (words15), which says it will not press on
    # (words22 class 1: the last note must read as a close)
    *CLOSES,
    "I look forward to hearing more.",  # a later run's, by number (`_last_for_now.txt`)
    "I look forward to your news.",
    "Thank you for reading my note.",  # words28b class 3: presumes nothing
    "I look forward to hearing about the decision.",
    "Please tell me if anything is needed.",
    "Any news of progress is welcome.",
)


def _says_last(text: str, code: str) -> int:
    return sum(_gettext(code, line) in text for line in LAST_LINES)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_after_next_round_news_says_it_is_the_last(code: str) -> None:
    """Class 3: 07.8 ended "I am happy to fit in with whatever you decide."; words7 class
    4: after an invitation to a next round, "this is my last message for now" read as
    an ultimatum (de/fr 2), so no note of that run says it (the last closes warmly)."""
    iv, steps = _next_round_run(code)
    said = [_says_last(render(step, iv).text, code) for step in steps]
    assert said == [0, 0, 0]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_after_an_out_of_office_says_it_is_the_last(code: str) -> None:
    """Class 3: after an out-of-office the run restarts; 10.9, its last note, ended on
    "my interest is undiminished" and nothing more. It says once it is the last for now."""
    iv = in_language(
        meeting(interviewers=[attrs.evolve(meeting().interviewers[0], phone=None)]), code
    )
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27)))
    steps = check_ins(plan(iv, history=history))
    assert steps and steps[-1].facts.final
    said = [_says_last(render(step, iv).text, code) for step in steps]
    assert said[-1] == 1 and sum(said) == 1, said


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_after_undecided_news_says_it_is_the_last(code: str) -> None:
    """Class 3: after "no decision yet" the run's last note says it is the last for now,
    in words other than the first run's close (one person reads both)."""
    iv = in_language(
        meeting(interviewers=[attrs.evolve(meeting().interviewers[0], phone=None)]), code
    )
    whole = plan(iv)
    last = check_ins(whole)[-1]
    history = done_until(whole, last)
    history.append(Update(last.suggested.add(days=1), Outcome.UNDECIDED))
    steps = check_ins(plan(iv, history=history))
    assert steps and steps[-1].facts.final
    texts = [render(step, iv).text for step in (last, *steps)]
    said = [_says_last(text, code) for text in texts]
    assert said[0] == 1 and said[-1] == 1 and sum(said) == 2, said
    assert _gettext(code, LAST_LINES[0]) not in texts[-1]


# -- class 1e and 2: after an offer --------------------------------------------------------

OFFER_WORD = {"en": "offer", "de": "Angebot", "fr": "proposition", "es": "oferta"}
THANKS_FIRST = re.compile(
    r"^(Thank you|vielen Dank|Je vous remercie|Merci|Muchas gracias|Gracias)", re.IGNORECASE
)
HEADLINE = re.compile(
    r"Delighted|Happy news|Mit Freude erhalten|Heureuse nouvelle|Una gran noticia", re.IGNORECASE
)
HESITANT = re.compile(
    r"careful thought|sorgfältig prüfen|toute l’attention|Estudiaré con atención", re.IGNORECASE
)


def _offer_notes(code: str, size: int) -> tuple[Any, list[Any]]:
    people = [ANA, *(attrs.evolve(BO, name=f"Bo Chen{i}", email=f"b{i}@acme.example")
                     for i in range(size - 1))]  # fmt: skip
    iv = in_language(meeting(interviewers=people), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 15, 20, tz=NY), Outcome.OFFER, sender=ANA)
    notes = [a for a in plan(iv, history=[offer]) if a.kind is ActionKind.THANK_YOU]
    return iv, notes


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [2, 4, 8])
def test_after_an_offer_no_note_reads_as_if_nothing_was_decided(code: str, size: int) -> None:
    """Class 1e (blocker): sent the minute the offer is in, a colleague's note that ends
    "It would be a pleasure to work with you." reads as if no decision had been made:
    every note of the panel says the offer came."""
    iv, notes = _offer_notes(code, size)
    assert len(notes) == size
    for note in notes:
        assert OFFER_WORD[code] in render(note, iv).text, render(note, iv).text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_reply_to_an_offer_thanks_for_it_and_closes_properly(code: str) -> None:
    """Class 2: the contact's note thanks for the offer in its first sentence, its
    subject thanks (not a headline: "Happy news", "Heureuse nouvelle"), it ends on the
    details to come and a word of thanks, without hesitancy ("will give them careful
    thought") and without a reply date nobody set."""
    iv, notes = _offer_notes(code, 2)
    message = render(next(n for n in notes if n.recipient == ANA), iv)
    body = message.text.split("\n\n")
    assert THANKS_FIRST.match(body[1]) and OFFER_WORD[code] in body[1].split(".")[0], body[1]
    assert message.subject and THANKS_FIRST.match(message.subject), message.subject
    assert not HEADLINE.search(message.subject)
    assert not HESITANT.search(message.text)
    assert body[-2].endswith(_gettext(code, "Thank you again for this opportunity."))
    assert not re.search(r"\d", body[-2]), body[-2]  # no date invented for the answer


# -- class 4: panels ---------------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [7, DISJOINT_PANEL])
@pytest.mark.parametrize("news", [None, Outcome.NEXT_ROUND, Outcome.OFFER])
@pytest.mark.parametrize("late", [False, True])
def test_an_ordinary_panel_shares_no_sentence(
    code: str, size: int, news: Outcome | None, late: bool
) -> None:
    """Class 4: in the eight-person superday (14.x) the readers found one opening, one
    closing and one "walk through your dashboards" sentence each in two notes. With an
    eighth wording of every sentence, no two notes of a panel of up to eight share a
    sentence (nor a near-identical one), the part, the topics, fit, missed points and
    requests included; the subject counts as a sentence."""
    people = [
        Interviewer(
            f"Person{n} Lee",
            email=f"p{n}@x.example",
            topics=("OWN",) if n % 2 else (),
            part="the tour" if n % 3 != 2 else None,
            requested=("x",) if n % 4 == 2 else (),
        )
        for n in range(size)
    ]
    iv = in_language(
        meeting(interviewers=people, topics=["DAY"], fit="FIT", missed=["MISSED"]), code
    )
    history = [] if news is None else [Update(pendulum.datetime(2026, 7, 7, 15, 5, tz=NY), news)]
    notes = []
    for action in plan(iv, history=history):
        if action.kind is not ActionKind.THANK_YOU:
            continue
        if late:
            action = action._with_facts(attrs.evolve(action.facts, late=True))
        message = render(action, iv)
        said = set(sentences(message, longer_than=3))
        said.add(message.subject or "")
        notes.append(said)
    assert len(notes) == size
    hidden = masks(iv)
    for one, other in itertools.combinations(notes, 2):
        assert panel_overlap(one, other, code, hidden) == []


# -- class 5: spoken text ----------------------------------------------------------------------

LEGAL = re.compile(r"\b(Ltd|GmbH|LLC|Inc|S\.L|SAS)\b")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("company", ["Northwind Freight Ltd.", "Nordlicht Mobility GmbH",
                                     "Acme Analytics, Inc.", "Datos del Sur S.L."])  # fmt: skip
def test_nothing_spoken_has_a_legal_form_or_a_bracket(code: str, company: str) -> None:
    """Class 5: a voicemail, a call script and a talking point are said aloud: nobody
    says "Ltd." or "S.L." on the phone, nor a bracket ("Senior Product Manager (Payments
    Platform)"). Speech says "Northwind Freight" and "the Senior Product Manager
    position"; the written notes keep the role as the user typed it, and name the
    company as typed but for its legal form (seventh round, class 3)."""
    role = "Senior Product Manager, Payments Platform"
    iv = in_language(meeting(company=company, role=role), code)
    whole = plan(iv)
    history = done_until(whole, check_ins(whole)[0])
    spoken = [a for a in [*whole, *plan(iv, history=history)] if a.template is not None]
    assert any(a.channel is Channel.PHONE for a in spoken)
    for action in spoken:
        text = render(action, iv).text
        if action.channel in (Channel.PHONE, Channel.IN_PERSON):
            assert not LEGAL.search(text) and "(Payments Platform)" not in text, text
        elif action.kind is ActionKind.THANK_YOU:
            assert language(code).company_in_text(company) in text, text


def test_german_talking_points_ask_after_the_details_in_the_dative() -> None:
    """Class 5: "fragen Sie ... nach die Telefonnummer" (02.1, 03.1) is ungrammatical:
    "nach" takes the dative ("nach der Telefonnummer und der genauen
    Funktionsbezeichnung")."""
    people = [attrs.evolve(BO, phone=None), attrs.evolve(BO, name="Kim Lee", phone=None)]
    iv = in_language(meeting(interviewers=people, format=InterviewFormat.VIDEO), "de")
    said = " ".join(render(a, iv).text for a in plan(iv) if a.channel is Channel.IN_PERSON)
    assert "nach der Telefonnummer" in said, said
    assert not re.search(r"nach die |nach den (Telefon|genauen)|nach das ", said)


# -- class 6: calques and register -------------------------------------------------------------

CALQUES = {
    "en": r"exchange on|I am through|Picking up from|\bkeen\b|enclosed|tell you more about",
    "de": r"Postfach nicht überfüllen|an der Stelle liegt mir|habe ich gehört|"
    r"hatte ich verstanden|gute Zeit|meinem eigenen Gespräch|mehr darüber",
    "fr": r"faire suite par écrit|de nouveau des nouvelles|mon propre entretien|"
    r"N’hésitez pas à penser|à peu près quand|bon moment",
    "es": r"Tal como se pidió|según su petición|Encontré especialmente|Tengo la convicción|"
    r"unos buenos días|Disfruté|mi propia entrevista",
}


def _everything(code: str) -> list[str]:
    """Every message of a full plan, after a call, after an out-of-office and after a
    rejection with a request for feedback, in *code*."""
    iv = in_language(
        meeting(
            topics=["the roadmap"],
            fit="six years of data pipelines",
            missed=["my AWS certification"],
            requested=["two references"],
            interviewers=[ANA, attrs.evolve(BO, part="the tour of the lab")],
        ),
        code,
    )
    whole = plan(iv)
    texts = [render(a, iv).text for a in whole if a.template is not None]
    first = check_ins(whole)[0]
    after_call = done_until(whole, first)
    texts += [render(a, iv).text for a in plan(iv, history=after_call) if a.template]
    away = [*after_call, OutOfOffice(first.suggested.add(days=3), date(2026, 7, 27))]
    texts += [render(a, iv).text for a in plan(iv, history=away) if a.template]
    rejected = [
        Update(pendulum.datetime(2026, 7, 9, 10, tz=NY), Outcome.REJECTED),
        Update(pendulum.datetime(2026, 7, 9, 11, tz=NY), Outcome.FEEDBACK_REQUESTED),
    ]
    for action in plan(iv, history=rejected):
        if action.template is not None:
            texts.append(render(action, iv, feedback="FEEDBACK").text)
    return texts


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_calque_the_readers_listed(code: str) -> None:
    """Class 6: the calques and slips of register the r4 readers listed ("exchange on",
    "Picking up from", "Postfach nicht überfüllen", "an der Stelle liegt mir", "mon propre
    entretien", "N'hésitez pas à penser à moi", «Tal como se pidió», «Encontré
    especialmente útil», «Tengo la convicción», "enclosed" in an e-mail, "tell you more"
    about a point never mentioned) appear in no message."""
    pattern = re.compile(CALQUES[code])
    for text in _everything(code):
        assert not pattern.search(text), pattern.search(text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_answer_thanks_and_acknowledges_the_rejection(code: str) -> None:
    """Class 6: the answer to a request for feedback thanks for the invitation (15.6 did
    not) and, after a rejection, says that the candidate is sorry not to have been
    chosen (06.7 never acknowledged it), after the thanks (words20 class 4: r16 read
    "I was sorry ... Thank you for your consideration." as abrupt)."""
    iv = in_language(meeting(), code)
    asked = [  # by Dr. Ruiz herself (words7 class 3: only then is she thanked for asking)
        Update(pendulum.datetime(2026, 7, 9, 11, tz=NY), Outcome.FEEDBACK_REQUESTED, sender=ANA)
    ]
    answer = next(a for a in plan(iv, history=asked) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    opening = render(answer, iv, feedback="FEEDBACK").text.split("\n\n")[1]
    assert THANKS_FIRST.match(opening), opening
    rejected = [Update(pendulum.datetime(2026, 7, 9, 10, tz=NY), Outcome.REJECTED), *asked]
    answer = next(a for a in plan(iv, history=rejected) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    opening = render(answer, iv, feedback="FEEDBACK").text.split("\n\n")[1]
    sorry = {"en": "sorry", "de": "bedau", "fr": "regret", "es": "Lamento"}[code]
    assert THANKS_FIRST.match(opening) and sorry in opening, opening


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_a_voicemail_does_not_greet_a_full_name(code: str) -> None:
    """Class 6: "Guten Tag, Petra Lang, hier spricht ..." (and "Bonjour Dominique
    Bernard") greets a full name aloud, which nobody does; without a title the voicemail
    says whom the message is for: "Guten Tag, hier spricht Sam Lee, diese Nachricht ist
    für Ana Ruiz."."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, honorific=None)]), code)
    call = check_ins(plan(iv))[0]
    assert call.channel is Channel.PHONE
    voicemail = next(p for p in render(call, iv).text.split("\n\n") if p[:1] in '«"\u201e')
    assert not re.search(r"(Guten Tag|Bonjour|Buenos días|Buenas tardes),? Ana Ruiz", voicemail)
    assert "Ana Ruiz" in voicemail or "Ana," in voicemail, voicemail  # Spanish: her first name
