"""Small builders for example-based tests: one realistic interview, varied by keyword."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import pendulum

from followup_rules import ActionKind, Event, FollowupState, Interview, Interviewer, Plan, Policy
from followup_rules.plan import steps_after_interview
from followup_rules.state import THANKS_KINDS, check_history, replay

NY = "America/New_York"
ANA = Interviewer(
    "Ana Ruiz", title="Engineering Manager", email="ana@acme.example", phone="+1 212 555 0142"
)
BO = Interviewer("Bo Chen", title="Staff Engineer", email="bo@acme.example")


def at(year: int, month: int, day: int, hour: int = 0, minute: int = 0, tz: str = NY) -> Any:
    """An aware pendulum datetime (New York unless told otherwise)."""
    return pendulum.datetime(year, month, day, hour, minute, tz=tz)


def interview(**changes: Any) -> Interview:
    """Tuesday 2 July 2024, 14:00-15:00 in New York, with Ana (the contact) and Bo."""
    fields: dict[str, Any] = {
        "starts_at": at(2024, 7, 2, 14),
        "company": "Acme Analytics",
        "role": "Data Engineer",
        "interviewers": [ANA, BO],
    }
    fields.update(changes)
    return Interview(**fields)


def make_state(
    history: Iterable[Event] = (), policy: Policy | None = None, **changes: Any
) -> FollowupState:
    """The state after *history*, as `plan` and `audit` fold it (tenacity's `make_retry_state`).

    The interview is `interview(**changes)`: Tue 2 July 2024, 14:00-15:00 in
    New York, Ana the contact.  Its thank-you notes are the ones the planner
    plans, so that rule ``patience`` waits for them as it does in a plan.
    """
    policy = policy or Policy()
    iv = interview(**changes)
    steps = steps_after_interview(iv, policy)
    notes = [step for step in steps if step.kind in THANKS_KINDS]
    return replay(iv, policy, check_history(iv, history), notes, steps)


def of_kind(plan: Plan, kind: ActionKind) -> list[Any]:
    return [action for action in plan if action.kind is kind]


def day(year: int, month: int, dom: int) -> date:
    return date(year, month, dom)
