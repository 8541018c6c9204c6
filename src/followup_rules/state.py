"""`FollowupState`: what the history says, folded into one read-only snapshot.

The planner and the auditor replay a history through `advance`; the planner
then keeps folding its own planned actions through the same function, so a
plan and a replanning after doing it are computed by the very same code
(invariant 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import attrs

from . import _calendar
from ._validate import MAX_EVENTS, bounded
from .errors import InvalidHistory
from .events import (
    EVENT_TYPES,
    Contact,
    Event,
    Outcome,
    OutOfOffice,
    Reply,
    Update,
)
from .model import ActionKind, Channel, Interview, Interviewer, person_key
from .timeframe import WEEK_KINDS, Timeframe, on_working_week

if TYPE_CHECKING:
    from .action import Action
    from .policy import Policy

__all__ = ["FollowupState"]

TERMINAL = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN})
"""Outcomes after which no check-in is planned (rule ``stop``)."""

FOLLOW_UP_KINDS = frozenset(
    {ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST, ActionKind.FEEDBACK_RESPONSE}
)
"""Contacts to the employer after the thank-you, kept `Policy.min_gap` apart."""

STARTED_BY_CANDIDATE = frozenset({ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST})
"""Follow-up contacts the candidate starts: they count against `Policy.max_contacts_ever`."""

THANKS_KINDS = frozenset({ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED})
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

_OUT_OF_OFFICE_DEFAULT = timedelta(days=7)
_NOT_A_CONTACT = ONE_SHOT_BY_KIND | {ActionKind.ASK_FOR_CARDS}
"""In-room steps and the debrief: not a contact a later message refers to."""


@attrs.frozen
class FollowupState:
    """A read-only summary of everything that has happened, for hooks and rules.

    Instants here are stdlib datetimes in UTC, whatever zone the events
    carried: the same moments, cheap to compare and to add to.

    Attributes:
        interview: the interview followed up.
        policy: the policy in force.
        now: the time of the latest event, or None before any.
        decision_by: the current decision date: the interview's, or the newest
            date given with an UNDECIDED update (the end of a window).
        timeframe: the window the current decision date ends, when it was
            given as one ("in a couple of weeks"), else None.
        decision_given_at: when the employer gave the current decision date
            after the interview (a new date), or None for the interview's own.
        check_ins: check-ins made since the employer's latest answer: they
            count against `Policy.max_check_ins` (one answered by an
            out-of-office reply does not).
        check_ins_total: check-ins made in all, answered or not.
        contacts_ever: follow-up contacts the candidate started in all
            (check-ins and the feedback request, out-of-office or not): they
            count against `Policy.max_contacts_ever`.
        calls: phone calls made to the employer (not to an agency recruiter).
        last_contact: the latest follow-up contact to the employer (check-in,
            feedback request or feedback response).
        last_reply: the latest real answer from the employer.
        replied_at: the latest plain `Reply` (an answer without news).
        news: the employer's latest `Update` outcome, and ``news_at`` when.
        previous: the latest contact with the follow-up contact person (a
            `Contact`).  While planning, the notes and steps the plan puts
            before a step are folded in as made, so a step follows exactly
            what will have come before it.
        hold_until: an out-of-office reply holds check-ins until this day.
        out_of_office_at: when the latest out-of-office reply came.
        undecided_at: when the employer last said "no decision yet", while no
            check-in has followed it.
        next_round_at: when the employer said the candidate moves on to another
            round, while no check-in has followed it (rule ``next-steps``).
        outcome: the final outcome (offer, rejection or withdrawal).
        outcome_at: when it came.
        feedback_requested: the candidate already asked for feedback.
        feedback_pending: when the employer asked for feedback not yet given.
        done: the one-time steps already done, as ``(kind, person)`` pairs.
        bounce_refundable: the latest follow-up contact was a check-in that an
            out-of-office reply may still give back.
        quiet_until: no follow-up contact before this instant: every thank-you
            window has closed (rule ``patience``).
        thanked_at: the latest thank-you, as sent or else as planned; the
            first check-in keeps `Policy.min_gap` business days from it.
        closed: the latest check-in was the last one the limits allowed (the
            graceful close, "this will be my last note for now"), and no news
            has come since.  A plain reply to it does not restart the run:
            the candidate keeps their word.  "No decision yet" earns one more
            check-in (seed 003), itself a close; news of a next round opens a
            new run.
        last_email: the latest e-mail to the follow-up contact person (a
            `Contact`): the thread a new e-mail answers, even when a call
            came after it.
    """

    interview: Interview
    policy: Policy
    now: datetime | None = None
    decision_by: date | None = None
    timeframe: Timeframe | None = None
    decision_given_at: datetime | None = None
    check_ins: int = 0
    check_ins_total: int = 0
    contacts_ever: int = 0
    calls: int = 0
    last_contact: datetime | None = None
    last_reply: datetime | None = None
    replied_at: datetime | None = None
    news: Outcome | None = None
    news_at: datetime | None = None
    previous: Contact | None = None
    hold_until: date | None = None
    out_of_office_at: datetime | None = None
    undecided_at: datetime | None = None
    next_round_at: datetime | None = None
    outcome: Outcome | None = None
    outcome_at: datetime | None = None
    feedback_requested: bool = False
    feedback_pending: datetime | None = None
    done: frozenset[tuple[ActionKind, str]] = frozenset()
    bounce_refundable: bool = False
    quiet_until: datetime | None = None
    thanked_at: datetime | None = None
    closed: bool = False
    last_email: Contact | None = None

    @property
    def contact(self) -> Interviewer:
        """The interviewer who receives check-ins."""
        return self.interview.follow_up_contact

    @property
    def check_ins_left(self) -> int:
        """Check-ins still allowed (rule ``cap``): unanswered in a row, and ever."""
        policy = self.policy
        return max(
            0,
            min(
                policy.max_check_ins - self.check_ins,
                policy.max_contacts_ever - self.contacts_ever,
            ),
        )

    @property
    def contacts_left(self) -> int:
        """Follow-up contacts the candidate may still start (`Policy.max_contacts_ever`)."""
        return max(0, self.policy.max_contacts_ever - self.contacts_ever)

    @property
    def calls_left(self) -> int:
        """Calls still allowed by `Policy.max_calls` (rule ``one-call``)."""
        return max(0, self.policy.max_calls - self.calls)

    @property
    def stopped(self) -> bool:
        """An offer, rejection or withdrawal ended the check-ins (rule ``stop``)."""
        return self.outcome in TERMINAL

    def is_done(self, kind: ActionKind, person: str | None = None) -> bool:
        """Whether the one-time step *kind* (to *person*) is already done."""
        return (kind, done_key(kind, person)) in self.done


_FIELDS = tuple(field.name for field in attrs.fields(FollowupState))
_ALL_FIELDS = attrgetter(*_FIELDS)
_POSITION = {name: index for index, name in enumerate(_FIELDS)}


def done_key(kind: ActionKind, person: str | None) -> str:
    """The person part of a one-time step's key: case-blind, blank when any will do."""
    if kind in ONE_SHOT_BY_KIND or person is None:
        return ""
    return person_key(person)


def start(interview: Interview, policy: Policy, thank_yous: Sequence[Action]) -> FollowupState:
    """The state before anything has happened, given the planned thank-you notes."""
    decision_by, timeframe = _decision(interview.decision_by, interview.starts_at.date(), policy)
    return FollowupState(
        interview=interview,
        policy=policy,
        decision_by=decision_by,
        timeframe=timeframe,
        quiet_until=max((note._utc[1] for note in thank_yous), default=None),
        thanked_at=max((note._utc[2] for note in thank_yous), default=None),
    )


def check_history(interview: Interview, history: Any) -> tuple[Event, ...]:
    """Validate a history against *interview*: typed, in order, not before it.

    Raises:
        InvalidHistory: naming the position and the problem.
    """
    events = bounded(
        history,
        lambda problem: InvalidHistory("history", history, problem),
        MAX_EVENTS,
        "events",
    )
    if not events:
        return events
    names = {person_key(person.name) for person in interview.interviewers}
    if interview.recruiter is not None:
        names.add(person_key(interview.recruiter.name))
    previous: datetime = interview.starts_at
    for index, event in enumerate(events):
        field = f"history[{index}]"
        if not isinstance(event, EVENT_TYPES):
            raise InvalidHistory(
                field, event, "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze"
            )
        if event.at < interview.starts_at:
            raise InvalidHistory(
                f"{field}.at", event.at, f"is before the interview at {interview.starts_at}"
            )
        if event.at < previous:
            raise InvalidHistory(
                f"{field}.at", event.at, f"is earlier than the event before it ({previous})"
            )
        previous = event.at
        if (
            isinstance(event, Contact)
            and event.recipient is not None
            and person_key(event.recipient) not in names
        ):
            raise InvalidHistory(
                f"{field}.recipient",
                event.recipient,
                "is not an interviewer or the recruiter of this interview",
            )
    return events


def is_employer_call(state: FollowupState, event: Contact) -> bool:
    """A phone contact that counts against `Policy.max_calls`.

    Every call counts but one to an agency recruiter (the debrief, or any call
    to them).  A recruiter who also interviewed the candidate is one person
    in two roles and an employer contact: calls to them count, whatever the
    kind of the contact says.
    """
    if event.channel is not Channel.PHONE:
        return False
    interview = state.interview
    recruiter = interview.recruiter
    if recruiter is None or interview.recruiter_interviewed:
        return True
    if event.kind is ActionKind.RECRUITER_DEBRIEF:
        return False
    return event.recipient is None or person_key(event.recipient) != person_key(recruiter.name)


def advance(state: FollowupState, event: Event) -> FollowupState:
    """The state after *event*; pure (the input state is not changed)."""
    at = _calendar.utc(event.at)
    changes: dict[str, Any] = {"now": at}
    if isinstance(event, Contact):
        _contact(state, event, at, changes)
    elif isinstance(event, Update):
        changes["last_reply"] = at
        changes["check_ins"] = 0  # an answer: the unanswered run starts again
        changes["news"] = event.outcome
        changes["news_at"] = at
        changes["bounce_refundable"] = False
        _update(event, at, changes, state.policy)
        if state.closed:
            _after_close(state, event.outcome, changes)
    elif isinstance(event, Reply):
        changes["last_reply"] = at
        changes["replied_at"] = at
        if not state.closed:  # a reply to the closing note: the candidate keeps their word
            changes["check_ins"] = 0
        changes["bounce_refundable"] = False
    elif isinstance(event, OutOfOffice):
        _out_of_office(state, event, at, changes)
    return _evolved(state, changes)


def _evolved(state: FollowupState, changes: dict[str, Any]) -> FollowupState:
    """``attrs.evolve`` without its generic machinery: the planner's hottest call."""
    values = list(_ALL_FIELDS(state))
    for name, value in changes.items():
        values[_POSITION[name]] = value
    return FollowupState(*values)


def _after_close(state: FollowupState, outcome: Outcome, changes: dict[str, Any]) -> None:
    """News after the candidate's closing note (rule ``undecided``).

    "No decision yet" earns one more check-in, which closes again (seed 003:
    keep following up while they do not know; seeds 001 and 004: restraint);
    news of a next round opens a new run; other news ends or pauses the run.
    """
    if outcome is Outcome.UNDECIDED:
        changes["check_ins"] = max(0, state.policy.max_check_ins - 1)
    elif outcome is Outcome.NEXT_ROUND:
        changes["closed"] = False
    else:
        changes.pop("check_ins")  # a feedback request is no answer to the close


def _contact(state: FollowupState, event: Contact, at: datetime, changes: dict[str, Any]) -> None:
    kind = event.kind
    if is_employer_call(state, event):
        changes["calls"] = state.calls + 1
    if kind in FOLLOW_UP_KINDS:
        changes["last_contact"] = at
        changes["bounce_refundable"] = kind is ActionKind.CHECK_IN
    if kind in STARTED_BY_CANDIDATE:
        changes["contacts_ever"] = state.contacts_ever + 1
    if kind is ActionKind.CHECK_IN:
        changes["check_ins"] = state.check_ins + 1
        changes["check_ins_total"] = state.check_ins_total + 1
        changes["closed"] = state.check_ins_left <= 1  # the last one allowed: the close
        if state.undecided_at is not None:
            changes["undecided_at"] = None
        if state.next_round_at is not None:
            changes["next_round_at"] = None
    elif kind is ActionKind.FEEDBACK_REQUEST:
        changes["feedback_requested"] = True
    elif kind is ActionKind.FEEDBACK_RESPONSE:
        changes["feedback_pending"] = None
        if asks_feedback(state):  # the answer to a rejection asked for feedback too
            changes["feedback_requested"] = True
    else:
        person = event.recipient or state.contact.name
        changes["done"] = state.done | {(kind, done_key(kind, person))}
        if kind in THANKS_KINDS and (state.thanked_at is None or at > state.thanked_at):
            changes["thanked_at"] = at
    if kind not in _NOT_A_CONTACT:
        to = event.recipient
        if to is None or person_key(to) == state.interview._contact_key:
            changes["previous"] = event
            if event.channel is Channel.EMAIL:
                changes["last_email"] = event


def _decision(
    decided: date | Timeframe | None, said_on: date, policy: Policy
) -> tuple[date | None, Timeframe | None]:
    """The decision day and window in force, a week phrase read on the policy's country's week."""
    if not isinstance(decided, Timeframe):
        return decided, None
    holidays = policy.business_holidays
    if decided.kind in WEEK_KINDS and holidays is not _calendar.NO_HOLIDAYS:
        said = date(said_on.year, said_on.month, said_on.day)  # stdlib: fast to add to
        decided = on_working_week(decided, said, _calendar.weekend_of(holidays, said))
    return decided.end, decided


def asks_feedback(state: FollowupState) -> bool:
    """Rule ``feedback-request``: an answer to their request for feedback, after a rejection
    not yet answered by a request of the candidate's own, asks for feedback too (one e-mail)."""
    return (
        state.outcome is Outcome.REJECTED
        and state.policy.ask_feedback_on_rejection
        and not state.feedback_requested
    )


def _update(event: Update, at: datetime, changes: dict[str, Any], policy: Policy) -> None:
    outcome = event.outcome
    if outcome is Outcome.UNDECIDED:
        changes["undecided_at"] = at
        if event.decision_by is not None:
            decision_by, timeframe = _decision(event.decision_by, event.at.date(), policy)
            changes["decision_by"] = decision_by
            changes["timeframe"] = timeframe
            changes["decision_given_at"] = at
    elif outcome is Outcome.FEEDBACK_REQUESTED:
        changes["feedback_pending"] = at
    elif outcome is Outcome.NEXT_ROUND:
        # Good news, not the end: if the next round is not arranged, asking what
        # comes next is welcome (seed 002).  Plan the next round itself as a new
        # Interview once it is scheduled.
        changes["next_round_at"] = at
        changes["undecided_at"] = None
        # The decision the old date was about has been made: from now on the
        # check-ins follow the news (rule ``next-steps``), not that date.
        changes["decision_by"] = None
        changes["timeframe"] = None
        changes["decision_given_at"] = None
    elif outcome in TERMINAL:
        changes["outcome"] = outcome
        changes["outcome_at"] = at


def _out_of_office(
    state: FollowupState, event: OutOfOffice, at: datetime, changes: dict[str, Any]
) -> None:
    policy = state.policy
    tz = state.interview.zone_of(state.contact)
    back = event.returns_on or _calendar.local_date(at, tz) + _OUT_OF_OFFICE_DEFAULT
    hold = _calendar.add_business_days(back, 1, policy.business_holidays)
    changes["hold_until"] = hold if state.hold_until is None else max(hold, state.hold_until)
    changes["out_of_office_at"] = at
    if state.bounce_refundable:
        changes["check_ins"] = max(0, state.check_ins - 1)
        changes["bounce_refundable"] = False


def replay(
    interview: Interview, policy: Policy, history: Iterable[Event], thank_yous: Sequence[Action]
) -> FollowupState:
    """Fold a validated history into a state."""
    state = start(interview, policy, thank_yous)
    for event in history:
        state = advance(state, event)
    return state
