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
"""

from __future__ import annotations

import re
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
    Recruiter,
    plan,
    render,
)

from .prose import masks
from .strategies import interviews
from .test_words25c import LOCALES, _body, _notes
from .test_writing import NY, in_language, meeting

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
