"""Wording round 23c (issue 19): the eighteenth blind read (seed 3939) on the thank-you
e-mail's openers and recaps, the card, the requested items, the recruiter debrief and
the in-room steps.

Each test fails on main before words23c and names the class it answers.
"""

from __future__ import annotations

import re

import pytest

from followup_rules import Interviewer, Recruiter, plan
from followup_rules._languages import language
from followup_rules.messages import default_pack

from .test_messages import by_template, full_interview

RITA = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0100")

# -- 1. the candidate's own words in a briefing written to the candidate -----------------

MINE = {
    "en": ("the link to my portfolio", "my six years of building data pipelines"),
    "de": ("den Link zu meinem Portfolio", "meine sechs Jahre Erfahrung mit Datenpipelines"),
    "fr": ("le lien vers mon portfolio", "mes six années de pipelines de données"),
    "es": ("el enlace a mi portafolio", "mis seis años de experiencia con datos"),
}
YOURS = {
    "en": ("the link to your portfolio", "your six years of building data pipelines"),
    "de": ("den Link zu Ihrem Portfolio", "Ihre sechs Jahre Erfahrung mit Datenpipelines"),
    "fr": ("le lien vers votre portfolio", "vos six années de pipelines de données"),
    "es": ("el enlace a su portafolio", "sus seis años de experiencia con datos"),
}


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_the_debrief_call_says_the_candidates_words_as_theirs(code: str) -> None:
    """r18 en 02.4: "what you were asked to send: two code samples and the link to my
    portfolio;" in a script written to "you".  Whatever the candidate typed in their own
    voice (what was asked, the case for fit, a topic, a part) the call script says as
    theirs: "my" is "your" (Ihr, votre, su), in every language."""
    item, fit = MINE[code]
    iv = full_interview(
        interviewers=[Interviewer("Jamie Fox", email="jamie@example.com")],
        recruiter=RITA,
        requested=(item,),
        fit=fit,
        topics=(f"{item} and {fit}",),
        missed=(),
    )
    text = default_pack(code).render(by_template("recruiter_debrief_call", iv), iv).text
    script = text.split("\n\n\n")[0] if "\n\n\n" in text else text
    mine = re.compile(
        {"en": r"\bmy\b", "de": r"\bmein", "fr": r"\b(mon|ma|mes)\b"}.get(code, r"\bmis?\b")
    )
    talking_points = [line for line in script.splitlines() if line.startswith("- ")]
    assert talking_points
    for line in talking_points:
        assert not mine.search(line), line
    for told in YOURS[code]:
        assert told in text


@pytest.mark.parametrize(
    ("code", "typed"),
    [
        ("en", "the demo I gave"),
        ("de", "die Demo, die ich gezeigt habe"),
        ("fr", "la démo que j’ai faite"),
        ("es", "la demo que yo preparé"),
    ],
)
def test_words_in_the_first_person_are_quoted_not_turned(code: str, typed: str) -> None:
    """A phrase that speaks in the first person otherwise ("the demo I gave") cannot be
    turned word for word without its verb: the briefing quotes it as typed."""
    assert language(code).told_to_candidate(typed) is None
    iv = full_interview(
        interviewers=[Interviewer("Jamie Fox", email="jamie@example.com")],
        recruiter=RITA,
        requested=(typed,),
    )
    text = default_pack(code).render(by_template("recruiter_debrief_call", iv), iv).text
    assert language(code).quote(typed) in text


def test_an_interviewers_your_is_theirs_and_the_candidates_my_is_yours() -> None:
    english = language("en")
    assert english.told_to_candidate("your review of my portfolio") == (
        "their review of your portfolio"
    )
    assert english.told_to_candidate("the demo you gave") is None
    assert english.told_to_candidate("the tour of the lab") == "the tour of the lab"
    assert plan  # the module's plan import is used by later classes
