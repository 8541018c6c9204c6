"""The twenty-second blind read (seed 8585): two sentences counted untrue in all four
languages, each fixed as a class.

- A thin panelist's note spoke of "several" or "each" of "your colleagues" (en 15.6,
  01.8; de, fr, es 03.5) when the panel had one or two other people: the panel line
  needs three colleagues or more.
- A part of the interview was called something the interviewer "arranged" (en 09.6,
  fr « d'organiser », es «que organizara»): the input says only that it was their part.
"""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from followup_rules import ActionKind, Interview, Interviewer, plan, render
from followup_rules._languages import language  # noqa: F401  (the four are importable)

from .test_words25d import _catalog
from .test_writing import SAM

LANGUAGES = ("en", "de", "fr", "es")
COLLEAGUES = {
    "en": ("colleague", "other interviewers", "several of you"),
    "de": ("kolleg", "mitglied der runde", "mehrere von ihnen"),
    "fr": ("collègue", "plusieurs d’entre vous", "plusieurs d'entre vous"),
    "es": ("colega", "varios de ustedes"),
}
NAMES = ("Ana Ruiz", "Bo Chen", "Kim Park", "Lee Wong", "Sol Diaz", "Max Roth")


def _panel(size: int, code: str) -> Interview:
    people = [Interviewer(name, email=f"p{i}@acme.example") for i, name in enumerate(NAMES[:size])]
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        people,
        decision_by=date(2026, 7, 15),
        candidate=SAM.__class__(SAM.name, email=SAM.email, language=code),
    )


def _notes(size: int, code: str) -> list[str]:
    iv = _panel(size, code)
    return [
        render(a, iv).text
        for a in plan(iv)
        if a.kind is ActionKind.THANK_YOU and a.template is not None
    ]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [2, 3])
def test_a_small_panel_is_never_told_of_several_colleagues(code: str, size: int) -> None:
    """With one or two other interviewers, no thank-you speaks of the recipient's
    colleagues as a group ("several", "each of", "your colleagues")."""
    notes = _notes(size, code)
    assert len(notes) == size
    for text in notes:
        body = text.lower()
        assert not [word for word in COLLEAGUES[code] if word in body], text


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_large_panel_may_still_hear_of_them(code: str) -> None:
    """Four people or more: the line stays for thin notes (words26c), true there."""
    notes = _notes(6, code)
    assert any(any(word in text.lower() for word in COLLEAGUES[code]) for text in notes)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_part_line_says_the_interviewer_arranged_it(code: str) -> None:
    """Every wording of a part, with a part given, to many people: none says they
    arranged or organised it."""
    people = [
        Interviewer(name, email=f"p{i}@acme.example", part="the tour of the lab")
        for i, name in enumerate(NAMES)
    ]
    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        people,
        decision_by=date(2026, 7, 15),
        candidate=SAM.__class__(SAM.name, email=SAM.email, language=code),
    )
    for action in plan(iv):
        if action.kind is ActionKind.THANK_YOU and action.template is not None:
            text = render(action, iv).text.lower()
            assert not any(w in text for w in ("arrange", "organis", "organiz", "organi")), text


def test_no_catalog_wording_of_a_part_says_arranged() -> None:
    """Every wording of `_thanks_part.txt`, in the English source and each catalog."""
    found = [
        text
        for code in ("de", "fr", "es")
        for pair in _catalog(code, "_thanks_part.txt")
        for text in pair
        if any(w in text.lower() for w in ("arrange", "organis", "organiz", "organi"))
    ]
    assert found == []
