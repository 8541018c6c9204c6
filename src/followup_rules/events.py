"""What happened after the interview: the history the candidate reports back.

A history is a time-ordered sequence of these events.  `plan()` replays it to
know what is still allowed; `audit()` replays it to judge it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from . import _validate as v
from .errors import InvalidHistory
from .model import ActionKind, Channel, Interviewer, Recruiter

__all__ = ["Contact", "Event", "OutOfOffice", "Outcome", "Reply", "Update"]

# An event may happen up to a century past the last interview date (see
# _validate.LATEST_EVENT), so every step planned from dates up to LATEST can be
# reported done; the dates an event gives (decision, return) end at LATEST.
_LATEST = v.LATEST_EVENT


class Outcome(Enum):
    """What the employer said."""

    UNDECIDED = "undecided"
    """No decision yet; may come with a new decision date."""
    NEXT_ROUND = "next_round"
    """The candidate goes on to another round.  Check-ins go on, asking what the
    next steps are (rule ``next-steps``); plan the round itself as a new Interview."""
    OFFER = "offer"
    REJECTED = "rejected"
    FEEDBACK_REQUESTED = "feedback_requested"
    """The employer asks the candidate for feedback (seed 002)."""
    WITHDRAWN = "withdrawn"
    """The candidate withdrew, or the employer closed the position."""


def _recipient(value: Any, fail: Callable[[str], Exception]) -> str | None:
    if isinstance(value, (Interviewer, Recruiter)):
        return value.name
    return None if value is None else v.clean_text(value, fail)


@attrs.frozen
class Contact:
    """The candidate contacted someone (or did an in-interview step).

    Attributes:
        at: when (aware datetime).
        channel: how.
        kind: what it was; a check-in unless said otherwise.
        recipient: who, by name (an Interviewer or Recruiter is accepted);
            None means the interview's follow-up contact.
    """

    at: datetime = attrs.field(
        metadata=v.aware_datetime("Contact", InvalidHistory, latest=_LATEST)
    )
    channel: Channel = attrs.field(metadata=v.member("Contact", InvalidHistory, Channel))
    kind: ActionKind = attrs.field(
        default=ActionKind.CHECK_IN, metadata=v.member("Contact", InvalidHistory, ActionKind)
    )
    recipient: str | None = attrs.field(
        default=None,
        metadata=v.custom("Contact", InvalidHistory, _recipient),
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


def trusted_contact(
    at: datetime, channel: Channel, kind: ActionKind, recipient: str | None
) -> Contact:
    """A Contact from values the planner made itself, built without re-checking them.

    The planner folds every planned step into its state as a contact; those
    values are already valid, and checking them again was half the cost of
    planning.
    """
    contact = object.__new__(Contact)
    for name, value in (
        ("at", at),
        ("channel", channel),
        ("kind", kind),
        ("recipient", recipient),
    ):
        object.__setattr__(contact, name, value)
    return contact


@attrs.frozen
class Reply:
    """A real answer from the employer that carries no decision.

    It restarts the retry gap: the next check-in waits `Policy.min_gap`
    business days from the reply.
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Reply", InvalidHistory, latest=_LATEST))

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


@attrs.frozen
class Update:
    """The employer's news: an `Outcome`, with a new decision date when undecided.

    Attributes:
        at: when the candidate heard it.
        outcome: what they said.
        decision_by: with ``UNDECIDED``, the new date they gave; it becomes the
            new deadline (seed 003).
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Update", InvalidHistory, latest=_LATEST))
    outcome: Outcome = attrs.field(metadata=v.member("Update", InvalidHistory, Outcome))
    decision_by: date | None = attrs.field(
        default=None, metadata=v.optional_date("Update", InvalidHistory)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.decision_by is None:
            return
        if self.outcome is not Outcome.UNDECIDED:
            raise InvalidHistory(
                "Update.decision_by", self.decision_by, "only an UNDECIDED update has a new date"
            )
        if self.decision_by < self.at.date():
            raise InvalidHistory(
                "Update.decision_by",
                self.decision_by,
                f"is before the update itself on {self.at.date().isoformat()}",
            )


@attrs.frozen
class OutOfOffice:
    """An automatic out-of-office answer to the last message.

    The message was not read, so it does not use up a check-in; the next one
    waits until one business day after *returns_on* (a week when no date is
    given).
    """

    at: datetime = attrs.field(
        metadata=v.aware_datetime("OutOfOffice", InvalidHistory, latest=_LATEST)
    )
    returns_on: date | None = attrs.field(
        default=None, metadata=v.optional_date("OutOfOffice", InvalidHistory)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.returns_on is not None and self.returns_on < self.at.date():
            raise InvalidHistory(
                "OutOfOffice.returns_on",
                self.returns_on,
                f"is before the auto-reply itself on {self.at.date().isoformat()}",
            )


Event = Contact | Reply | Update | OutOfOffice
"""Any one entry of a history."""

EVENT_TYPES = (Contact, Reply, Update, OutOfOffice)
