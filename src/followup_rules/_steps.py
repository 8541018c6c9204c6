"""What the planner, the fold and the step ids share: kinds of steps, and histories in order.

A history is read in the order of its instants, never of its wall clocks nor
of the order it was written in: a forgotten event logged a day late takes
its place, and the same event logged twice counts once.  The state fold
(`followup_rules.state`) and the step ids (`followup_rules.identity`) both
read a history through `in_order`, so they always agree on what came first.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

import attrs

from ._calendar import utc
from .model import ActionKind

__all__ = [
    "FOLLOW_UP_KINDS",
    "IN_ROOM_KINDS",
    "NOTE_KINDS",
    "ONE_SHOT_BY_KIND",
    "ONE_TIME_KINDS",
    "STARTED_BY_CANDIDATE",
    "in_order",
]

FOLLOW_UP_KINDS = frozenset(
    {ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST, ActionKind.FEEDBACK_RESPONSE}
)
"""Contacts to the employer after the thank-you, kept `Policy.min_gap` apart."""

STARTED_BY_CANDIDATE = frozenset({ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST})
"""Follow-up contacts the candidate starts: they count against `Policy.max_contacts_ever`."""

NOTE_KINDS = frozenset({ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED})
"""The notes sent right after the interview (rule ``thank-you``)."""

ONE_SHOT_BY_KIND = frozenset(
    {
        ActionKind.ASK_TIMELINE,
        ActionKind.ASK_PERMISSION,
        ActionKind.CLOSING_STATEMENT,
        ActionKind.RECRUITER_DEBRIEF,
    }
)
"""Steps done once per interview, whoever they were addressed to."""

IN_ROOM_KINDS = frozenset(
    {
        ActionKind.ASK_FOR_CARDS,
        ActionKind.ASK_TIMELINE,
        ActionKind.ASK_PERMISSION,
        ActionKind.CLOSING_STATEMENT,
    }
)
"""The steps of the interview room itself."""

ONE_TIME_KINDS = IN_ROOM_KINDS | NOTE_KINDS | {ActionKind.RECRUITER_DEBRIEF}
"""Steps planned from the interview alone, each done at most once per person."""


def in_order(history: Iterable[Any]) -> list[tuple[int, Any]]:
    """The events of *history* by instant, each with its position in *history*.

    Sorted by the UTC instant (Python compares two datetimes that share a
    tzinfo by their wall clocks, which puts a DST fall-back hour out of
    order); events at the same instant keep their given order.  An exact
    duplicate (the same kind of event, equal in every field, at the same
    instant) is kept once, at its first position.
    """
    events = list(history)
    instants = [utc(event.at) for event in events]
    count = len(events)
    order = sorted(range(count), key=instants.__getitem__)  # stable: ties keep their order
    kept: list[tuple[int, Any]] = []
    start = 0
    while start < count:  # runs of events at one instant: duplicates share it
        instant = instants[order[start]]
        end = start + 1
        while end < count and instants[order[end]] == instant:
            end += 1
        if end == start + 1:
            kept.append((order[start], events[order[start]]))
        else:
            seen: set[Hashable] = set()
            for position in order[start:end]:
                key = _identity(events[position])
                if key not in seen:
                    seen.add(key)
                    kept.append((position, events[position]))
        start = end
    return kept


def _identity(event: Any) -> Hashable:
    """What makes two events of one instant the same: their kind and every field.

    Every field of an event is hashable, and its times compare and hash by their
    instants (`followup_rules._calendar.DateTime`), whatever their zone or fold."""
    return (type(event), *(getattr(event, field.name) for field in attrs.fields(type(event))))
