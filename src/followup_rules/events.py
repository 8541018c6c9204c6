"""What happened after the interview: the history the candidate reports back.

A history is a time-ordered sequence of these events.  `plan()` replays it to
know what is still allowed; `audit()` replays it to judge it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from typing import Any

import attrs

from . import _validate as v
from .errors import InvalidHistory
from .model import ActionKind, Channel, Interviewer, Recruiter
from .timeframe import Timeframe, read_decision

__all__ = ["Contact", "Event", "OutOfOffice", "Outcome", "Reply", "Skip", "Snooze", "Update"]

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


def _message_id(value: Any, fail: Callable[[str], Exception]) -> str | None:
    """An RFC 5322 msg-id, ``<left@right>``; the angle brackets are added when missing."""
    if value is None:
        return None
    text = v.clean_text(value, fail)
    bare = text[1:-1] if text.startswith("<") and text.endswith(">") else text
    if not _MSG_ID.fullmatch(bare):
        raise fail("is not a message id like <1234.5678@mail.example.com>")
    return f"<{bare}>"


_MSG_ID = re.compile(r"[!#$%&'*+/=?^_`{|}~.A-Za-z0-9-]+@[!#$%&'*+/=?^_`{|}~.A-Za-z0-9\[\]:-]+")


@attrs.frozen
class Contact:
    """The candidate contacted someone (or did an in-interview step).

    Attributes:
        at: when (aware datetime).
        channel: how.
        kind: what it was; a check-in unless said otherwise.
        recipient: who, by name (an Interviewer or Recruiter is accepted);
            None means the interview's follow-up contact.
        voicemail: a call that reached voicemail, where a message was left.
        message_id: the ``Message-ID`` of an e-mail sent, so that the next
            draft to that person can reply in the same thread.
        subject: the subject of that e-mail ("Re:" threads the next one).
        answered: for a call, whether the person picked up and they spoke
            (True), nobody answered (False), or unknown (None, the default): a
            later message says "I called you" only when it was answered.
        note: the candidate's own free-text note; no message ever quotes it.
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
    voicemail: bool = attrs.field(
        default=False, kw_only=True, metadata=v.flag("Contact", InvalidHistory)
    )
    message_id: str | None = attrs.field(
        default=None,
        kw_only=True,
        metadata=v.custom("Contact", InvalidHistory, _message_id),
    )
    subject: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Contact", InvalidHistory, optional=True)
    )
    answered: bool | None = attrs.field(
        default=None, kw_only=True, metadata=v.optional_flag("Contact", InvalidHistory)
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Contact", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.answered is not None and self.channel is not Channel.PHONE:
            raise InvalidHistory("Contact.answered", self.answered, "only a call is answered")
        if self.answered and self.voicemail:
            raise InvalidHistory(
                "Contact.answered", True, "a call that reached voicemail was not answered"
            )
        if self.voicemail and self.channel is not Channel.PHONE:
            raise InvalidHistory("Contact.voicemail", True, "only a phone call reaches voicemail")
        if (self.message_id or self.subject) and self.channel is not Channel.EMAIL:
            raise InvalidHistory(
                "Contact.message_id" if self.message_id else "Contact.subject",
                self.message_id or self.subject,
                "only an e-mail has a message id or a subject",
            )


def trusted_contact(
    at: datetime, channel: Channel, kind: ActionKind, recipient: str | None
) -> Contact:
    """A Contact from values the planner made itself, built without re-checking them.

    The planner folds every planned step into its state as a contact; those
    values are already valid, and checking them again was half the cost of
    planning.
    """
    contact = object.__new__(Contact)
    _SET_AT(contact, at)
    _SET_CHANNEL(contact, channel)
    _SET_KIND(contact, kind)
    _SET_RECIPIENT(contact, recipient)
    _SET_VOICEMAIL(contact, False)
    _SET_MESSAGE_ID(contact, None)
    _SET_SUBJECT(contact, None)
    _SET_ANSWERED(contact, None)
    _SET_NOTE(contact, None)
    return contact


# The slot setters of Contact: the planner folds every planned step as one.
(
    _SET_AT,
    _SET_CHANNEL,
    _SET_KIND,
    _SET_RECIPIENT,
    _SET_VOICEMAIL,
    _SET_MESSAGE_ID,
    _SET_SUBJECT,
    _SET_ANSWERED,
    _SET_NOTE,
) = (Contact.__dict__[field.name].__set__ for field in attrs.fields(Contact))


@attrs.frozen
class Reply:
    """A real answer from the employer that carries no decision.

    It restarts the retry gap: the next check-in waits `Policy.min_gap`
    business days from the reply.

    Attributes:
        at: when it came.
        sender: who wrote it, by name (an interviewer or the recruiter; an
            Interviewer or Recruiter is accepted); None means the interview's
            follow-up contact.  Messages thank the person who wrote.
        note: the candidate's own free-text note; no message ever quotes it.
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Reply", InvalidHistory, latest=_LATEST))
    sender: str | None = attrs.field(
        default=None, metadata=v.custom("Reply", InvalidHistory, _recipient)
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Reply", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


@attrs.frozen
class Update:
    """The employer's news: an `Outcome`, with a new decision date when undecided.

    Attributes:
        at: when the candidate heard it.
        outcome: what they said.
        decision_by: with ``UNDECIDED``, the new date they gave (a date, a
            `Timeframe`, or a phrase like ``"in two weeks"`` read from the day
            of the update); it becomes the new deadline (seed 004: the
            timetable is often extended).
        note: the candidate's own free-text note; no message ever quotes it.
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Update", InvalidHistory, latest=_LATEST))
    outcome: Outcome = attrs.field(metadata=v.member("Update", InvalidHistory, Outcome))
    decision_by: date | Timeframe | None = attrs.field(
        default=None, metadata=v.optional_date("Update", InvalidHistory, timeframes=True)
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Update", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.decision_by is None:
            return
        if self.outcome is not Outcome.UNDECIDED:
            raise InvalidHistory(
                "Update.decision_by", self.decision_by, "only an UNDECIDED update has a new date"
            )
        if isinstance(self.decision_by, str):  # a phrase, read from the day of the update
            read = read_decision(
                self.decision_by, self.at.date(), "Update.decision_by", InvalidHistory
            )
            object.__setattr__(self, "decision_by", read)
        if self.decision_date is not None and self.decision_date < self.at.date():
            raise InvalidHistory(
                "Update.decision_by",
                self.decision_by,
                f"is before the update itself on {self.at.date().isoformat()}",
            )

    @property
    def decision_date(self) -> date | None:
        """The new day check-ins count from: `decision_by`, or the end of its window."""
        decided = self.decision_by
        return decided.end if isinstance(decided, Timeframe) else decided


@attrs.frozen
class OutOfOffice:
    """An automatic out-of-office answer to the last message.

    The message was not read, so it does not use up a check-in; the next one
    to that person waits until one business day after *returns_on* (a week
    when no date is given).

    Attributes:
        at: when the auto-reply came.
        returns_on: the day they are back, when the reply says.
        sender: whose auto-reply it is, by name (None: the follow-up
            contact); it holds only the steps to that person.
        note: the candidate's own free-text note; no message ever quotes it.
    """

    at: datetime = attrs.field(
        metadata=v.aware_datetime("OutOfOffice", InvalidHistory, latest=_LATEST)
    )
    returns_on: date | None = attrs.field(
        default=None, metadata=v.optional_date("OutOfOffice", InvalidHistory)
    )
    sender: str | None = attrs.field(
        default=None, metadata=v.custom("OutOfOffice", InvalidHistory, _recipient)
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("OutOfOffice", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.returns_on is not None and self.returns_on < self.at.date():
            raise InvalidHistory(
                "OutOfOffice.returns_on",
                self.returns_on,
                f"is before the auto-reply itself on {self.at.date().isoformat()}",
            )


def _step_id(value: Any, fail: Callable[[str], Exception]) -> str:
    """A stable step id (`AgendaItem.id`, a calendar UID): one line of printable ASCII."""
    text = v.clean_text(value, fail)
    if not text or len(text) > 200 or not text.isascii() or any(c.isspace() for c in text):
        raise fail("is not a step id (see AgendaItem.id): ASCII without spaces")
    return text


@attrs.frozen
class Skip:
    """The candidate decided not to do a planned step.

    A skipped one-time step (a thank-you, a debrief) is gone from the plan; a
    skipped check-in is not sent and counts as no contact: the next check-in
    takes its place, so the number still planned does not change.

    Attributes:
        at: when the candidate decided.
        step: the stable id of the step (`AgendaItem.id`, the calendar UID).
        note: the candidate's own free-text note; no message ever quotes it.
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Skip", InvalidHistory, latest=_LATEST))
    step: str = attrs.field(metadata=v.custom("Skip", InvalidHistory, _step_id))
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Skip", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


@attrs.frozen
class Snooze:
    """The candidate pushed a planned step to later.

    The step is offered in its first allowed window after *until*; every
    limit still holds.

    Attributes:
        at: when the candidate decided.
        step: the stable id of the step (`AgendaItem.id`, the calendar UID).
        until: not before this moment (aware).
        note: the candidate's own free-text note; no message ever quotes it.
    """

    at: datetime = attrs.field(metadata=v.aware_datetime("Snooze", InvalidHistory, latest=_LATEST))
    step: str = attrs.field(metadata=v.custom("Snooze", InvalidHistory, _step_id))
    until: datetime = attrs.field(
        metadata=v.aware_datetime("Snooze", InvalidHistory, latest=_LATEST)
    )
    note: str | None = attrs.field(
        default=None, kw_only=True, metadata=v.text("Snooze", InvalidHistory, optional=True)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.until <= self.at:
            raise InvalidHistory(
                "Snooze.until", self.until, f"must be after the snooze itself ({self.at})"
            )


Event = Contact | Reply | Update | OutOfOffice | Skip | Snooze
"""Any one entry of a history."""

EVENT_TYPES = (Contact, Reply, Update, OutOfOffice, Skip, Snooze)
