"""What happened after the interview: the history the candidate reports back.

A history is a time-ordered sequence of these events.  `plan()` replays it to
know what is still allowed; `audit()` replays it to judge it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from . import _calendar
from . import _validate as v
from .errors import InvalidHistory, InvalidInterview
from .model import ActionKind, Channel, Interviewer, Recruiter
from .timeframe import Timeframe, decision, read_decision

__all__ = ["Contact", "Event", "OutOfOffice", "Outcome", "Reply", "Skip", "Snooze", "Update"]

# The westmost clock (UTC-12:00): the earliest day an instant is on anywhere.
_WEST = timedelta(hours=12)

# An event may happen up to a century past the last interview date (see
# _validate.LATEST_EVENT, `v.event_datetime`), so every step planned from dates
# up to LATEST can be reported done; the dates an event gives (decision,
# return) end at LATEST.


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

    def label(self, locale: str | None = None) -> str:
        """What an app labels this choice with: ``"next round"`` in English, or in *locale*
        (``"de"``, ``"fr_CA"``: any translated locale): ``"nächste Runde"`` in German.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        from ._step_words import label_words, language_named  # the catalogs, when asked

        return label_words(language_named(locale))[f"outcome {self.value}"]

    # Hashed in C, by identity (a member is its only equal): Enum's own __hash__ is
    # Python code, and the planner hashes its kinds, channels and outcomes in sets
    # and keys dozens of times a plan (issue 20, ninth pass).
    __hash__ = object.__hash__


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


def _step_id(value: Any, fail: Callable[[str], Exception]) -> str:
    """A stable step id (`AgendaItem.id`, a calendar UID): one line of printable ASCII."""
    text = v.clean_text(value, fail)
    if not text or len(text) > 200 or not text.isascii() or any(c.isspace() for c in text):
        raise fail("is not a step id: plain characters (ASCII) without spaces")
    return text


if TYPE_CHECKING:

    def _channel(value: Channel | str) -> Channel: ...
    def _kind(value: ActionKind | str) -> ActionKind: ...
    def _person(value: str | Interviewer | Recruiter | None) -> str | None: ...
    def _message_id_field(value: str | None) -> str | None: ...
    def _outcome(value: Outcome | str) -> Outcome: ...
    def _step(value: str) -> str: ...

else:
    _channel = v.converter(v.member_of(Channel))
    _kind = v.converter(v.member_of(ActionKind))
    _person = v.converter(_recipient)
    _message_id_field = v.converter(_message_id)
    _outcome = v.converter(v.member_of(Outcome))
    _step = v.converter(_step_id)


@attrs.frozen
class Contact(v.Checked):
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

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    channel: Channel = attrs.field(converter=_channel)
    kind: ActionKind = attrs.field(default=ActionKind.CHECK_IN, converter=_kind)
    recipient: str | None = attrs.field(default=None, converter=_person)
    voicemail: bool = attrs.field(default=False, kw_only=True, converter=v.flag)
    message_id: str | None = attrs.field(default=None, kw_only=True, converter=_message_id_field)
    subject: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    answered: bool | None = attrs.field(default=None, kw_only=True, converter=v.optional_flag)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)

    def __attrs_post_init__(self) -> None:
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
    # Built as the unfrozen twin, whose slots take plain assignment, then made a Contact:
    # no call a slot (issue 20, eleventh pass; see `_validate.unfrozen_twin`).
    contact: Any = _NEW(_Building)
    contact.at = at
    contact.channel = channel
    contact.kind = kind
    contact.recipient = recipient
    contact.voicemail = False
    contact.message_id = None
    contact.subject = None
    contact.answered = None
    contact.note = None
    contact.__class__ = Contact
    return contact  # type: ignore[no-any-return]


_Building = v.unfrozen_twin(Contact)
"""A `Contact` while `trusted_contact` fills its slots."""
_NEW = object.__new__


@attrs.frozen
class Reply(v.Checked):
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

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    sender: str | None = attrs.field(default=None, converter=_person)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)


@attrs.frozen
class Update(v.Checked):
    """The employer's news: an `Outcome`, with a new decision date when undecided.

    Attributes:
        at: when the candidate heard it.
        outcome: what they said.
        decision_by: with ``UNDECIDED``, the new date they gave (a date, a
            `Timeframe`, or a phrase like ``"in two weeks"`` read from the day
            of the update: here the day *at* is written in; the planner reads
            it again from the day the update came in the interview's zone,
            `decision_in`, as it reads the interview's own); it becomes the
            new deadline (seed 004: the timetable is often extended).  With
            ``NEXT_ROUND``, the day of the next round once it is arranged: this
            interview's check-ins end
            (nothing is left to ask), and the next round is an interview of
            its own, followed up in its own right (rule ``next-steps``).
        sender: who gave the news, by name (an interviewer or the recruiter;
            an Interviewer or Recruiter is accepted).  None means it was not
            recorded: messages then neither thank the person they write to for
            the news nor name anyone, and refer to "the news of <day>".  When it
            is the person a message goes to, the message thanks them for it;
            when it is someone else, it names them.
        note: the candidate's own free-text note; no message ever quotes it.
    """

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    outcome: Outcome = attrs.field(converter=_outcome)
    decision_by: date | Timeframe | None = attrs.field(default=None, converter=decision)
    sender: str | None = attrs.field(default=None, kw_only=True, converter=_person)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)
    # The phrase decision_by was read from ("in two weeks", "tomorrow"), kept to read it
    # again on the interview's calendar (`decision_in`); None for a date or a window given.
    # Used only while it still reads as decision_by (`said`); `_evolve` passes it on.
    _phrase: str | None = attrs.field(default=None, init=False, repr=False, eq=False, hash=False)

    def __attrs_post_init__(self) -> None:
        if self.decision_by is None:
            return
        if self.outcome not in (Outcome.UNDECIDED, Outcome.NEXT_ROUND):
            raise InvalidHistory(
                "Update.decision_by",
                self.decision_by,
                "only an undecided update (a new decision date) or a next-round one (the "
                "day of the next round) has a date",
            )
        if isinstance(self.decision_by, str):  # a phrase, read from the day of the update
            phrase = self.decision_by
            read = read_decision(phrase, self.at.date(), "Update.decision_by", InvalidHistory)
            object.__setattr__(self, "decision_by", read)
            object.__setattr__(self, "_phrase", phrase)
        # A date given is checked against the update's day on every clock: the instant
        # is the same wherever it is written (the interview's day is checked with the
        # history, `decision_in`).
        earliest = (_calendar.utc(self.at) - _WEST).date()
        if self.decision_date is not None and self.decision_date < earliest:
            raise InvalidHistory(
                "Update.decision_by",
                self.decision_by,
                f"is before the update itself on {self.at.date().isoformat()}",
            )

    def decision_in(self, zone: tzinfo) -> date | Timeframe | None:
        """`decision_by` as said on the day the update came in *zone*.

        The planner reads it in the interview's zone, as it reads the
        interview's own `Interview.decision_by` (the loop6 trial: "in two
        weeks" written with the candidate's offset, a day ahead of New York,
        moved the decision a day).  A date given stays as it is; a phrase,
        or a window the parser made from the day *at* is written in, is read
        again from the day in *zone*.
        """
        decided = self.decision_by
        said_on = _calendar.utc(self.at).astimezone(zone).date()
        if decided is None or said_on == self.at.date():
            return decided
        phrase = self.said
        if phrase is None:
            return decided
        return read_decision(phrase, said_on, "Update.decision_by", InvalidHistory)

    @property
    def said(self) -> str | None:
        """The phrase `decision_by` was read from ("in two weeks", "tomorrow"), or None
        when a date or a window of dates was given."""
        decided = self.decision_by
        for phrase in (self._phrase, decided.phrase if isinstance(decided, Timeframe) else None):
            if phrase is not None and self._reads_as(phrase, decided):
                return phrase
        return None

    def _reads_as(self, phrase: str, decided: date | Timeframe | None) -> bool:
        """*phrase* read from the day *at* is written in gives *decided* (a phrase kept
        through attrs.evolve with a new date or time no longer does)."""
        try:
            return read_decision(phrase, self.at.date(), "Update.decision_by") == decided
        except InvalidInterview:  # not a phrase the parser reads ("between ... and ...")
            return False

    @property
    def decision_date(self) -> date | None:
        """The new day check-ins count from: `decision_by`, or the end of its window."""
        decided = self.decision_by
        return decided.end if isinstance(decided, Timeframe) else decided


def _evolve(event: Any, **changes: Any) -> Any:
    """`attrs.evolve`, an `Update` keeping the phrase its decision was read from (a rename
    must not turn "tomorrow" into a date read on the offset *at* is written in)."""
    changed = attrs.evolve(event, **changes)
    if isinstance(event, Update) and isinstance(changed, Update):
        object.__setattr__(changed, "_phrase", event._phrase)
    return changed


@attrs.frozen
class OutOfOffice(v.Checked):
    """An automatic out-of-office answer to the last message.

    The message was not read, so it does not use up a check-in; the next one
    to that person waits until one business day after their first business
    day back (*returns_on*, or the next business day when it is not one; a
    week after the auto-reply when no date is given).

    Attributes:
        at: when the auto-reply came.
        returns_on: the day they are back, when the reply says.
        sender: whose auto-reply it is, by name (None: the follow-up
            contact); it holds only the steps to that person.
        note: the candidate's own free-text note; no message ever quotes it.
    """

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    returns_on: date | None = attrs.field(default=None, converter=v.optional_day)
    sender: str | None = attrs.field(default=None, converter=_person)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.returns_on is not None and self.returns_on < self.at.date():
            raise InvalidHistory(
                "OutOfOffice.returns_on",
                self.returns_on,
                f"is before the auto-reply itself on {self.at.date().isoformat()}",
            )


@attrs.frozen
class Skip(v.Checked):
    """The candidate decided not to do a planned step.

    A skipped one-time step (a thank-you, a debrief) is gone from the plan; a
    skipped check-in is not sent and counts as no contact: the next check-in
    takes its place, so the number still planned does not change.

    Attributes:
        at: when the candidate decided.
        step: the stable id of the step (`AgendaItem.id`, the calendar UID).
        note: the candidate's own free-text note; no message ever quotes it.
    """

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    step: str = attrs.field(converter=_step)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)


@attrs.frozen
class Snooze(v.Checked):
    """The candidate pushed a planned step to later.

    The step is offered in its first allowed window after *until*; every
    limit still holds.

    Attributes:
        at: when the candidate decided.
        step: the stable id of the step (`AgendaItem.id`, the calendar UID).
        until: not before this moment (aware).
        note: the candidate's own free-text note; no message ever quotes it.
    """

    _error = InvalidHistory

    at: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    step: str = attrs.field(converter=_step)
    until: pendulum.DateTime = attrs.field(converter=v.event_datetime)
    note: str | None = attrs.field(default=None, kw_only=True, converter=v.optional_text)

    def __attrs_post_init__(self) -> None:
        if self.until <= self.at:
            itself = self.at.astimezone(self.until.tzinfo).isoformat()  # one zone, until's
            raise InvalidHistory(
                "Snooze.until", self.until, f"must be after the snooze itself ({itself})"
            )


Event = Contact | Reply | Update | OutOfOffice | Skip | Snooze
"""Any one entry of a history."""

EVENT_TYPES = (Contact, Reply, Update, OutOfOffice, Skip, Snooze)
