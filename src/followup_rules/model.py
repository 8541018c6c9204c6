"""The interview and the people around it: frozen, validated at construction."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum
from functools import cached_property
from typing import Any

import attrs
import pendulum

from . import _calendar
from . import _validate as v
from .errors import InvalidInterview

__all__ = [
    "ActionKind",
    "Candidate",
    "Channel",
    "Interview",
    "Interviewer",
    "Recruiter",
]


class Channel(Enum):
    """How a message reaches its recipient."""

    IN_PERSON = "in_person"
    EMAIL = "email"
    PHONE = "phone"
    POSTAL = "postal"

    # Members are singletons compared by identity, so identity hashing is
    # exact; Enum's own __hash__ is Python code the planner calls constantly.
    __hash__ = object.__hash__


class ActionKind(Enum):
    """What an action does; one kind per step of the follow-up."""

    ASK_FOR_CARDS = "ask_for_cards"
    ASK_TIMELINE = "ask_timeline"
    ASK_PERMISSION = "ask_permission"
    CLOSING_STATEMENT = "closing_statement"
    THANK_YOU = "thank_you"
    RECRUITER_DEBRIEF = "recruiter_debrief"
    CHECK_IN = "check_in"
    FEEDBACK_REQUEST = "feedback_request"
    FEEDBACK_RESPONSE = "feedback_response"

    __hash__ = object.__hash__  # as Channel: members are singletons


_OWNER = "Interviewer"
_IV = "Interview"


@attrs.frozen
class Interviewer:
    """Someone who interviewed the candidate.

    Attributes:
        name: the name as printed on their card (it is matched, case-blind,
            against names in the history).
        title: their job title, for the salutation and the thank-you.
        email: their address, from the card.
        phone: their number, from the card.
        preferred_channel: ``EMAIL`` or ``PHONE`` when they said how they like
            to be contacted (seed 004); check-ins then use it.
        timezone: an IANA name; defaults to the interview's own zone.
    """

    name: str = attrs.field(metadata=v.text(_OWNER, InvalidInterview))
    title: str | None = attrs.field(
        default=None, metadata=v.text(_OWNER, InvalidInterview, optional=True)
    )
    email: str | None = attrs.field(default=None, metadata=v.email(_OWNER, InvalidInterview))
    phone: str | None = attrs.field(
        default=None, metadata=v.text(_OWNER, InvalidInterview, optional=True)
    )
    preferred_channel: Channel | None = attrs.field(
        default=None,
        metadata=v.member(
            _OWNER,
            InvalidInterview,
            Channel,
            allowed=(Channel.EMAIL, Channel.PHONE),
            optional=True,
        ),
    )
    timezone: str | None = attrs.field(
        default=None, metadata=v.zone_name(_OWNER, InvalidInterview)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


@attrs.frozen
class Recruiter:
    """An employment-agency recruiter who placed the candidate (seed 000).

    The recruiter is called, not the employer, so the debrief call never counts
    against the employer's call limit.
    """

    name: str = attrs.field(metadata=v.text("Recruiter", InvalidInterview))
    agency: str | None = attrs.field(
        default=None, metadata=v.text("Recruiter", InvalidInterview, optional=True)
    )
    phone: str | None = attrs.field(
        default=None, metadata=v.text("Recruiter", InvalidInterview, optional=True)
    )
    email: str | None = attrs.field(default=None, metadata=v.email("Recruiter", InvalidInterview))

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


@attrs.frozen
class Candidate:
    """The person following up; the messages are signed with these details."""

    name: str = attrs.field(metadata=v.text("Candidate", InvalidInterview))
    email: str | None = attrs.field(default=None, metadata=v.email("Candidate", InvalidInterview))
    phone: str | None = attrs.field(
        default=None, metadata=v.text("Candidate", InvalidInterview, optional=True)
    )
    timezone: str | None = attrs.field(
        default=None, metadata=v.zone_name("Candidate", InvalidInterview)
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)


def _interviewers(value: Any, fail: Callable[[str], Exception]) -> tuple[Interviewer, ...]:
    if isinstance(value, (Interviewer, str)):
        value = (value,)
    people = []
    for item in v.bounded(value, fail, v.MAX_PEOPLE, "interviewers"):
        if isinstance(item, str):
            item = Interviewer(item)
        if not isinstance(item, Interviewer):
            raise fail(f"expected an Interviewer or a name, got {type(item).__name__}")
        people.append(item)
    if not people:
        raise fail("at least one interviewer is needed")
    seen: set[str] = set()
    for person in people:
        key = person.name.casefold()
        if key in seen:
            raise fail(f"{person.name!r} is listed twice")
        seen.add(key)
    return tuple(people)


def _instance_of(kind: type[Any]) -> dict[str, Any]:
    def check(value: Any, fail: Callable[[str], Exception]) -> Any:
        if value is not None and not isinstance(value, kind):
            raise fail(f"expected a {kind.__name__} or None, got {type(value).__name__}")
        return value

    return v.custom(_IV, InvalidInterview, check)


def _contact(value: Any, fail: Callable[[str], Exception]) -> str | None:
    if isinstance(value, Interviewer):
        return value.name
    return None if value is None else v.clean_text(value, fail)


@attrs.frozen
class Interview:
    """One interview and what the candidate learnt in it.

    Attributes:
        starts_at: an aware datetime; its zone is the interview's zone.
        company: the employer's name.
        role: the position applied for.
        interviewers: everyone the candidate met (names are accepted too).
        duration: how long it lasts (a timedelta or seconds; one hour default).
        decision_by: the date the employer said it would decide ("by August
            1st"), or None when no timeframe was given.
        recruiter: the agency recruiter, if one placed the candidate.
        candidate: who follows up; the messages need it for the signature.
        contact: the name of the interviewer who receives check-ins
            (default: the first interviewer).
        topics: things discussed, recalled in the thank-you note.
        missed: things the candidate forgot to mention, added to the note.
        requested: things the employer asked to receive, sent with the note.
        invited_to_call: the employer invited a phone call (seed 000).

    Raises:
        InvalidInterview: naive or unknown zones, no interviewers, duplicates,
            a contact who is not an interviewer, a decision date before the
            interview.
    """

    starts_at: datetime = attrs.field(metadata=v.aware_datetime(_IV, InvalidInterview))
    company: str = attrs.field(metadata=v.text(_IV, InvalidInterview))
    role: str = attrs.field(metadata=v.text(_IV, InvalidInterview))
    interviewers: tuple[Interviewer, ...] = attrs.field(
        metadata=v.custom(_IV, InvalidInterview, _interviewers)
    )
    duration: timedelta = attrs.field(
        default=timedelta(hours=1), metadata=v.duration(_IV, InvalidInterview)
    )
    decision_by: date | None = attrs.field(
        default=None, metadata=v.optional_date(_IV, InvalidInterview)
    )
    recruiter: Recruiter | None = attrs.field(default=None, metadata=_instance_of(Recruiter))
    candidate: Candidate | None = attrs.field(
        default=None, metadata=_instance_of(Candidate), kw_only=True
    )
    contact: str | None = attrs.field(
        default=None,
        metadata=v.custom(_IV, InvalidInterview, _contact),
        kw_only=True,
    )
    topics: tuple[str, ...] = attrs.field(
        default=(), metadata=v.texts(_IV, InvalidInterview), kw_only=True
    )
    missed: tuple[str, ...] = attrs.field(
        default=(), metadata=v.texts(_IV, InvalidInterview), kw_only=True
    )
    requested: tuple[str, ...] = attrs.field(
        default=(), metadata=v.texts(_IV, InvalidInterview), kw_only=True
    )
    invited_to_call: bool = attrs.field(
        default=False, metadata=v.flag(_IV, InvalidInterview), kw_only=True
    )

    def __attrs_post_init__(self) -> None:
        v.check_fields(self)
        if self.contact is not None and self.person(self.contact) is None:
            raise InvalidInterview(
                "Interview.contact", self.contact, "is not one of the interviewers"
            )
        if self.duration > timedelta(hours=24):
            raise InvalidInterview("Interview.duration", self.duration, "must be at most a day")
        if self.decision_by is not None and self.decision_by < self.starts_at.date():
            raise InvalidInterview(
                "Interview.decision_by",
                self.decision_by,
                f"is before the interview on {self.starts_at.date().isoformat()}",
            )

    @cached_property
    def timezone(self) -> str:
        """The interview's zone name (IANA or ``+HH:MM``), taken from `starts_at`."""
        return _calendar.zone_name(self.starts_at.tzinfo, self.starts_at)  # type: ignore[arg-type]

    @cached_property
    def ends_at(self) -> pendulum.DateTime:
        """When the interview ends: `starts_at` plus `duration`, in the interview's zone."""
        return _calendar.to_pendulum(self._utc_span[1].astimezone(self.starts_at.tzinfo))

    @cached_property
    def _utc_span(self) -> tuple[datetime, datetime]:
        """Start and end as plain stdlib UTC datetimes, for fast absolute arithmetic."""
        start = _calendar.utc(self.starts_at)
        return start, start + self.duration

    @property
    def follow_up_contact(self) -> Interviewer:
        """The interviewer who receives check-ins: `contact`, or the first one."""
        if self.contact is None:
            return self.interviewers[0]
        person = self.person(self.contact)
        assert person is not None  # checked at construction
        return person

    def person(self, name: str) -> Interviewer | None:
        """The interviewer called *name* (case-blind, any Unicode normal form), or None."""
        if not isinstance(name, str):
            return None
        wanted = unicodedata.normalize("NFC", name).casefold()
        for person in self.interviewers:
            if person.name.casefold() == wanted:
                return person
        return None

    def zone_of(self, person: Interviewer | Recruiter | Candidate | None) -> tzinfo:
        """The time zone *person* lives by: their own, else the candidate's or the interview's."""
        name = getattr(person, "timezone", None)
        if name is None and isinstance(person, Recruiter) and self.candidate is not None:
            name = self.candidate.timezone
        return self._zone if name is None else _calendar.zone(name)

    @cached_property
    def _zone(self) -> tzinfo:
        return _calendar.zone(self.timezone)
