"""Mutation pass 21 (mut21b): what `template_context`'s second half hands the templates.

The closing line of a thank-you to anyone but the follow-up contact
(`close_wording`): turned by the application, one of its own for each of the first
notes of a panel, and the short courtesy for a later round's note to someone met
before (words26c).
"""

from __future__ import annotations

import itertools
from datetime import date

import pendulum

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Interview,
    Interviewer,
    plan,
    render,
)
from followup_rules.messages import thank_you_turn

NAMES = ("Ana Ruiz", "Bo Chen", "Kim Park", "Dana Whit", "Olu Ade", "Ray Hale", "Lin Wu")
"""Seven panelists: Ana Ruiz, the first, is the follow-up contact."""

LOOKING_AHEAD = {
    "I look forward to hearing from you.",
    "I look forward to news of the next steps.",
    "I look forward to learning how the process unfolds.",
    "Thank you again; I look forward to the next stage.",
    "Please keep me posted on how things move forward.",
    "I would like to stay in touch as the process continues.",
    "When there is news, I would be grateful to hear it.",
}
"""The seven closes of `_thanks_close.txt` a panel's first notes take, in English."""

SPARE = "I look forward to staying in touch."
COURTESY = "Thank you again."


def _interview(company: str, size: int = 2) -> Interview:
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        company,
        "Data Engineer",
        [Interviewer(name, email=f"p{n}@acme.example") for n, name in enumerate(NAMES[:size])],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )


def _closes(interview: Interview, application: Application | None = None) -> dict[str, str]:
    """Each thank-you's last paragraph before the sign-off, by recipient."""
    actions = plan(interview) if application is None else application.plan()
    return {
        action.recipient.name: render(action, interview).text.split("\n\n")[-2]
        for action in actions
        if action.kind is ActionKind.THANK_YOU and action.recipient is not None
    }


def _one_application_a_turn() -> list[Interview]:
    """Seven applications, one for each turn of the wordings (`thank_you_turn`)."""
    found: dict[int, Interview] = {}
    for n in itertools.count():
        interview = _interview(f"Company {n}")
        found.setdefault(thank_you_turn(interview), interview)
        if len(found) == 7:
            return list(found.values())
    raise AssertionError("unreachable")


def test_a_panelists_close_looks_ahead_and_turns_with_the_application() -> None:
    """The same panelist's first-round note, over seven applications: it always ends on
    a line that looks ahead (never the later rounds' "Thank you again."), and the
    seven applications' notes end on the seven closes, each once: a user's notes do
    not all end on the same line."""
    closes = [_closes(interview)["Bo Chen"] for interview in _one_application_a_turn()]
    assert set(closes) == LOOKING_AHEAD


def test_the_first_notes_of_a_panel_each_end_on_a_close_of_their_own() -> None:
    """A panel of seven: the six notes to others than the contact take six different
    closes, all looking ahead, under every turn."""
    for interview in _one_application_a_turn():
        iv = _interview(interview.company, size=7)
        closes = _closes(iv)
        others = [closes[name] for name in NAMES[1:]]
        assert len(set(others)) == 6, others
        assert set(others) <= LOOKING_AHEAD, others


def test_the_eighth_note_of_a_panel_takes_the_spare_close() -> None:
    """The eighth panelist's note (variant 7) ends on the spare close, shared with none."""
    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme",
        "Data Engineer",
        [Interviewer(f"{name} {n}", email=f"p{n}@acme.example") for n, name in enumerate(NAMES)]
        + [Interviewer("Eva Holm", email="eva@acme.example")],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    closes = _closes(iv)
    assert closes["Eva Holm"] == SPARE
    assert list(closes.values()).count(SPARE) == 1


def test_a_later_rounds_note_to_someone_met_before_ends_on_the_courtesy() -> None:
    """A later round: the panelist met before gets "Thank you again." (the close of
    their first note is not said to them twice), whatever the application's turn; the
    contact's note still closes on the decision it awaits."""
    for interview in _one_application_a_turn():
        closes = _closes(interview, Application(interview, met_before={"bo chen": 1}))
        assert closes["Bo Chen"] == COURTESY
        assert closes["Ana Ruiz"].startswith("I look forward to your news")
