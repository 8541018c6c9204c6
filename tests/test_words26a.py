"""Wording round 26 (issue 19), words26a: sentences that claim more than the input says
(the twenty-second blind read, seed 7373, /work/reads/r22pre).

1. Stock opinions of the conversation: en 01.8 "We had a lively discussion about ...",
   03.5 "an engaging discussion", de 02.5 "war sehr lebendig", fr « passionnante », es
   "estimulante": nothing in the input says how the discussion went, so no message
   characterises the conversation, the people, the team or the company, in any
   language, unless the user typed the word.
2. Presumptions: en 11.5 "before they contact you" (what the company will do), fr 11.5
   « J'ai mis en avant … comme principal atout » (what the candidate did in the room,
   which the history records only as "done as suggested"): the recruiter debrief says
   neither, in any language.
3. The late thank-you with no word for its lateness (es 12.5): every note sent after its
   window, on a later day, says so once (the e-mail of what was asked for too), and the
   corpus's late scenario is late in its dates as in its words.
4. Numbers (fr 01.10 "+33 1 55 50 0142", 02.4 "+1 416 …" read aloud in Toronto): French
   shows every French or Belgian number in pairs, and a voicemail to someone in the
   number's own country reads it as they dial it, in every language.
"""

from __future__ import annotations

import re
import sys
from datetime import timedelta

import attrs
import pendulum
import pytest
from babel.messages.pofile import read_po
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Candidate,
    Interview,
    Interviewer,
    Message,
    Policy,
    Recruiter,
    plan,
    render,
)
from followup_rules.messages import WORDINGS

from .prose import masks, sentences
from .strategies import interviews
from .test_corpus_checks import SCRIPTS
from .test_words import LATE
from .test_words25c import LOCALES, _body, _notes
from .test_writing import ANA, BO, NY, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")

# -- 1. no characterisation of the conversation, the people or the company ----------------

CHARACTERISING = {
    "en": r"\b(?:lively|engaging|stimulating|fascinating|inspiring|exciting|impressive|"
    r"insightful|enriching|fruitful|productive|instructive|informative|thought-provoking|"
    r"animated|passionate|vibrant|dynamic)\b",
    "de": r"lebendig|lebhaft|angeregt|anregend|spannend|bereichernd|ergiebig|fruchtbar|"
    r"produktiv|inspirierend|faszinierend|beeindruckend|aufschlussreich|lehrreich|"
    r"mitreißend|leidenschaftlich|dynamisch",
    "fr": r"\banimée?s?\b|passionnante?s?|stimulante?s?|enrichissante?s?|fructueu|"
    r"productive?s?\b|instructive?s?\b|captivante?s?|inspirante?s?|fascinante?s?|"
    r"impressionnante?s?|dynamiques?\b|\bvivante?s?\b",
    "es": r"\banimad[oa]s?\b|estimulantes?|enriquecedor|apasionantes?|fascinantes?|"
    r"fructífer|productiv[oa]s?|inspirador|impresionantes?|dinámic[oa]s?|\bamen[oa]s?\b|"
    r"instructiv[oa]s?",
}
"""Words that say what the conversation, the people, the team or the company were like
(r22 en: "lively", "engaging"; de "lebendig"; fr « animé », « passionnant »; es
"estimulante", "enriquecedor"): an opinion nothing in the input gives.  Courtesy stays
("I enjoyed our discussion", "Thank you for your time")."""


def _characterising(text: str, code: str) -> list[str]:
    return re.findall(CHARACTERISING[code], text, re.IGNORECASE)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_catalog_sentence_characterises_the_conversation(code: str) -> None:
    """Every sentence the library can say, in the English source and each translation."""
    path = (
        LOCALES / "followup_rules.pot"
        if code == "en"
        else LOCALES / code / "LC_MESSAGES" / "followup_rules.po"
    )
    with path.open("rb") as handle:
        catalog = read_po(handle)
    said = []
    for message in catalog:
        if not message.id:
            continue
        texts = message.id if code == "en" else message.string
        said += [texts] if isinstance(texts, str) else list(texts)
    assert [s for s in said if _characterising(s, code)] == []


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_thank_you_characterises_the_conversation(code: str) -> None:
    """r22 en 01.8, 03.5, 04.6, 07.5, 08.5, 14.16, 15.6; de 02.5; fr, es: over every
    wording of a panel's notes (each person in each shape, the 49 lines and the spare one,
    on time and late), no thank-you says what the discussion was like."""
    for _subject, text, hidden in _notes(code):
        body = _body(text, hidden)
        assert _characterising(body, code) == [], body


_TYPED = ("the lively debate on pricing", "an engaging demo", "la discusión estimulante")


@st.composite
def _typed_interviews(draw: st.DrawFn) -> Interview:
    """A generated interview in one of the four languages, with topics (some of them
    typed with a characterising word: the user's own, which a message may repeat)."""
    iv = draw(interviews())
    topics = draw(st.lists(st.sampled_from(("the roadmap", "on-call", *_TYPED)), max_size=2))
    code = draw(st.sampled_from(LANGUAGES))
    candidate = iv.candidate or Candidate("Sam Lee")
    return attrs.evolve(
        iv, topics=tuple(dict.fromkeys(topics)), candidate=attrs.evolve(candidate, language=code)
    )


@given(_typed_interviews())
@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
def test_no_generated_message_characterises_what_the_input_does_not(iv: Interview) -> None:
    """Every message of a generated plan, in its language: a characterising word comes
    only from what the user typed (set aside with the other typed values)."""
    assert iv.candidate is not None and iv.candidate.language is not None
    code = iv.candidate.language
    hidden = masks(iv)
    for action in plan(iv):
        if action.template is None:
            continue
        text = render(action, iv).text
        for value in hidden:
            text = text.replace(value, " ")
        assert _characterising(text, code) == [], text


# -- 2. the recruiter debrief reports only what the input records ---------------------------

PRESUMED = {
    "en": r"before they|contact you|I presented|the case you made",
    "de": r"bei Ihnen meldet|von dort|hervorgehoben|begründet haben",
    "fr": r"contacte|mis en avant",
    "es": r"pongan en contacto|Destaqué|destacó",
}
"""r22 en 11.5 "before they contact you" (the company's next act, which no history
records); fr 11.5 « J'ai mis en avant … » and the script's "the case you made for your
fit" (what the candidate did in the room: the input has only their own case for fit)."""


def _debriefs(code: str) -> list[str]:
    """The recruiter debrief by e-mail (just after the interview, later that day, on a
    later day) and by phone, with a case for fit, in *code*."""
    texts = []
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@agency.example")
    for hour in (9, 16):
        iv = in_language(
            meeting(
                starts_at=pendulum.datetime(2026, 7, 7, hour, tz=NY),
                recruiter=rita,
                fit="ten years of Go",
                topics=("the roadmap",),
            ),
            code,
        )
        ends = iv.starts_at + iv.duration
        for now in (None, ends + timedelta(hours=3), ends + timedelta(days=1, hours=1)):
            steps = plan(iv, now=now)
            texts += [render(a, iv).text for a in steps if a.kind is ActionKind.RECRUITER_DEBRIEF]
        called = attrs.evolve(iv, recruiter=attrs.evolve(rita, phone="+1 404 555 0199"))
        texts += [
            render(a, called).text for a in plan(called) if a.kind is ActionKind.RECRUITER_DEBRIEF
        ]
    return texts


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_claims_nothing_the_history_does_not_record(code: str) -> None:
    """r22 en 11.5, fr 11.5: the debrief e-mail and call script, in every branch, say
    neither what the company will do nor that the candidate presented their fit."""
    texts = _debriefs(code)
    assert len(texts) >= 4
    for text in texts:
        assert not re.search(PRESUMED[code], text), text


def test_the_debrief_states_the_fit_as_the_candidates_view() -> None:
    """The case for fit is the candidate's own (Interview.fit): said as their view."""
    texts = _debriefs("en")
    assert any("I see my ten years of Go as my main strength for the role." in t for t in texts)
    assert any("- why you fit the role: ten years of Go;" in t for t in texts)


# -- 4. numbers: read aloud as the listener dials them, and French in pairs ----------------

COUNTRIES = (
    # how a number is typed, the listener's zone, its code and trunk prefix
    ("+1 {3} 555 {4}", "America/Chicago", "1", ""),
    ("+1 {3} 555 {4}", "America/Toronto", "1", ""),
    ("+44 20 7946 {4}", "Europe/London", "44", "0"),
    ("+61 2 5550 {4}", "Australia/Sydney", "61", "0"),
    ("+33 1 55 50 {4}", "Europe/Paris", "33", "0"),
    ("+32 2 555 {4}", "Europe/Brussels", "32", "0"),
    ("+49 30 5550 {4}", "Europe/Berlin", "49", "0"),
    ("+34 91 555 {4}", "Europe/Madrid", "34", ""),
    ("+52 55 5550 {4}", "America/Mexico_City", "52", ""),
)
"""Numbers of several countries (the r22 corpus's and their neighbours), each with a zone
of its own country."""

ABROAD = {"1": "Europe/Berlin", "44": "America/Chicago", "61": "Europe/London"}
"""A listener in another country, who dials the code."""


def _spoken(text: str) -> str:
    """The voicemail: what a script quotes (in any language's quotation marks)."""
    return " ".join(re.findall(r"[«„“\"](.+?)[»“”\"]", text, re.DOTALL))


def _voicemails(phone: str, zone: str, code: str) -> list[str]:
    """The voicemails of the recruiter debrief call and of a check-in call, the
    candidate's *phone* read to a recruiter and an interviewer in *zone*."""
    sam = Candidate("Sam Lee", email="sam@example.com", phone=phone, timezone=zone, language=code)
    iv = meeting(
        candidate=sam,
        recruiter=Recruiter("Rita Cole", phone="+1 404 555 0199"),
        interviewers=[Interviewer("Ana Ruiz", phone="+1 212 555 0142", timezone=zone)],
    )
    steps = plan(iv)
    calls = [a for a in steps if a.kind is ActionKind.RECRUITER_DEBRIEF]
    calls += [a for a in steps if a.kind is ActionKind.CHECK_IN and a.channel.name == "PHONE"][:1]
    assert len(calls) == 2, [(a.kind, a.channel) for a in steps]
    return [_spoken(render(a, iv).text) for a in calls]


@given(st.sampled_from(COUNTRIES), st.integers(200, 989), st.integers(0, 9999))
@settings(max_examples=20)
def test_a_number_read_aloud_at_home_is_read_as_dialled_there(
    country: tuple[str, str, str, str], area: int, line: int
) -> None:
    """r22 fr 02.4, 09.8 "+1 416 555 0100" read aloud in a Toronto voicemail; en 01.10,
    02.4 "+1 212 555 0100" to a New Yorker, "+61 2 5550 0100" in Sydney: in every
    language, a voicemail to someone in the number's own country reads it without the
    country code (its trunk prefix and digits: "416 555 0100", "02 5550 0100"), twice;
    to someone abroad, with it."""
    typed, zone, code, trunk = country
    phone = typed.replace("{3}", str(area)).replace("{4}", f"{line:04d}")
    national = trunk + re.sub(r"\D", "", phone)[len(code) :]
    for lang in LANGUAGES:
        for said in _voicemails(phone, zone, lang):
            assert f"+{code}" not in said, said
            assert re.sub(r"\D", "", said).count(national) >= 2, said
    abroad = ABROAD.get(code)
    if abroad is not None:
        for said in _voicemails(phone, abroad, "en"):
            assert phone in said, said


_UNPAIRED = re.compile(r"\+3[23](?: \d+)*? \d{3,4}\b(?! \d)")
"""A French or Belgian number whose last group is not a pair ("+33 1 55 50 0142")."""


@given(st.sampled_from(["+33 1 55 50 {4}", "+32 2 555 {4}"]), st.integers(0, 9999))
@settings(max_examples=10)
def test_french_shows_and_reads_every_french_number_in_pairs(typed: str, line: int) -> None:
    """r22 fr 01.10 "Appelez Marc Roy au +33 1 55 50 0142", 04.8 "+32 2 555 0142": the
    number to dial, in the step, in the call's `Message.to` and everywhere a French
    message shows or reads one, is in pairs; the other languages keep it as typed."""
    number = typed.replace("{4}", f"{line:04d}")
    ana = Interviewer("Ana Ruiz", email="ana@acme.example", phone=number)
    rita = Recruiter("Rita Cole", agency="SelecSource", phone=number)
    for lang in ("fr", "fr_BE", "fr_CA"):
        sam = Candidate("Sam Lee", phone=number, language=lang)
        iv = meeting(candidate=sam, recruiter=rita, interviewers=[ana])
        calls = 0
        for action in plan(iv):
            if action.template is None:
                continue
            message = render(action, iv)
            assert not _UNPAIRED.search(message.text), message.text
            assert not _UNPAIRED.search(message.to), message.to
            calls += action.channel.name == "PHONE"
        assert calls >= 2
    english = meeting(candidate=Candidate("Sam Lee", phone=number), recruiter=rita)
    call = next(a for a in plan(english) if a.kind is ActionKind.RECRUITER_DEBRIEF)
    assert number in render(call, english).text


def test_quebec_writes_a_north_american_number_with_a_hyphen() -> None:
    """r22 fr G: « au 416 555-0100 » in a Toronto voicemail, and the same grouping in the
    fr_CA signature (with its code there: the reader may be anywhere)."""
    sam = Candidate("Sam Lee", phone="+1 416 555 0100", timezone="America/Toronto")
    iv = meeting(
        starts_at=pendulum.datetime(2026, 7, 7, 14, tz="America/Toronto"),
        candidate=attrs.evolve(sam, language="fr_CA"),
        recruiter=Recruiter("Rita Cole", phone="+1 416 555 0199"),
    )
    steps = [a for a in plan(iv) if a.template is not None]
    call = next(a for a in steps if a.kind is ActionKind.RECRUITER_DEBRIEF)
    text = render(call, iv).text
    assert _spoken(text).count("416 555-0100") == 2, text
    assert "+1 416 555-0199" in text  # the number to dial, written
    note = next(a for a in steps if a.kind is ActionKind.THANK_YOU)
    assert render(note, iv).text.rstrip().endswith("+1 416 555-0100")


# -- 3. a note sent late says so, once ------------------------------------------------------

NOTES = (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED)

OWNED = re.compile(LATE.pattern + r"|only now|que maintenant|hasta ahora|solo ahora", re.I)
"""A sentence that owns a delay (`test_words.LATE`, and "writing only now")."""


def _owned(message: Message) -> list[str]:
    """The sentences of a note that own its delay."""
    return [s for s in sentences(message, 0) if OWNED.search(s)]


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_late_note_owns_its_delay_once(code: str) -> None:
    """r22 es 12.5 (de, en, fr the same): a note sent after its window, on a later day,
    says so once in a few words: the thank-you and card (their opening) and the e-mail
    of what was asked for, beside a card or to someone who gets no note of their own,
    in every wording of its thanks."""
    bo = attrs.evolve(BO, requested=("two code samples",))
    iv = in_language(meeting(interviewers=[ANA, bo], address="1 Main Street"), code)
    now = pendulum.datetime(2026, 7, 8, 20, tz=NY)  # the next evening: every window closed
    seen: set[str] = set()
    for policy in (Policy(), Policy.traditional(), Policy(thank_you_each_interviewer=False)):
        for action in plan(iv, policy, now=now):
            if action.kind not in NOTES:
                continue
            assert action.facts.late, action
            for variant in range(WORDINGS + 1):
                late = action._with_facts(attrs.evolve(action.facts, variant=variant))
                message = render(late, iv)
                assert len(_owned(message)) == 1, message.text
                seen.add(action.template or "")
    assert seen == {"thank_you_email", "thank_you_card", "requested_items_email"}


@pytest.mark.parametrize("seed", [7373, 6262])
def test_the_corpus_late_scenario_is_late_in_its_dates_and_its_words(seed: int) -> None:
    """r22 es 12.5: the corpus said "the notes go out after their window" of a note sent
    two hours after the interview, which rightly read as on time.  Its late scenario now
    has the planner move the notes past their window: each goes on a later day and says
    it is late, once, in all four languages."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    for family, build in corpus.scenarios(seed):
        if family != "late":
            continue
        for lang in LANGUAGES:
            scenario = corpus.play(build(lang), {})
            notes = [item for item in scenario.rendered if item.action.kind in NOTES]
            assert notes, scenario.inputs
            for item in notes:
                assert item.action.facts.late and item.action.late_since is not None
                ends = scenario.interview.starts_at + scenario.interview.duration
                assert item.action.suggested - ends > timedelta(hours=24), item.when
                assert len(_owned(item.message)) == 1, item.message.text
