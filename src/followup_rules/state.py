"""`FollowupState`: what the history says, folded into one read-only snapshot.

The planner and the auditor replay a history through `advance`; the planner
then keeps folding its own planned actions through the same function, so a
plan and a replanning after doing it are computed by the very same code
(invariant 10).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING, Any

import attrs
import pendulum

from . import _calendar
from . import identity as ids
from ._members import (
    CHANNEL_EMAIL,
    CHANNEL_PHONE,
    KIND_CHECK_IN,
    KIND_FEEDBACK_REQUEST,
    KIND_FEEDBACK_RESPONSE,
    KIND_RECRUITER_DEBRIEF,
    OUTCOME_FEEDBACK_REQUESTED,
    OUTCOME_NEXT_ROUND,
    OUTCOME_REJECTED,
    OUTCOME_UNDECIDED,
)
from ._steps import FOLLOW_UP_KINDS as FOLLOW_UP_KINDS
from ._steps import NOTE_KINDS as NOTE_KINDS
from ._steps import ONE_SHOT_BY_KIND as ONE_SHOT_BY_KIND
from ._steps import ONE_TIME_KINDS, in_order
from ._steps import STARTED_BY_CANDIDATE as STARTED_BY_CANDIDATE
from ._validate import MAX_EVENTS, bounded
from .errors import InvalidHistory, _did_you_mean
from .events import (
    EVENT_TYPES,
    Contact,
    Event,
    Outcome,
    OutOfOffice,
    Reply,
    Skip,
    Snooze,
    Update,
)
from .model import ActionKind, Interview, Interviewer, person_key
from .timeframe import WEEK_KINDS, Timeframe, on_working_week

if TYPE_CHECKING:
    from .action import Action
    from .policy import Policy


__all__ = ["FollowupState"]

THANKS_KINDS = NOTE_KINDS
"""The notes sent right after the interview (rule ``thank-you``)."""

TERMINAL = frozenset({Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN})
"""Outcomes after which no check-in is planned (rule ``stop``)."""

# FOLLOW_UP_KINDS, ONE_SHOT_BY_KIND, STARTED_BY_CANDIDATE and THANKS_KINDS stay
# importable from here (re-exported above); they live in _steps, which the
# step ids share.

_OUT_OF_OFFICE_DEFAULT = timedelta(days=7)
_NOT_A_CONTACT = ONE_SHOT_BY_KIND | {ActionKind.ASK_FOR_CARDS}
"""In-room steps and the debrief: not a contact a later message refers to."""


@attrs.frozen(slots=False)  # a dict of fields: the fold copies it in one C call (`_evolved`)
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
            count against `Policy.max_check_ins`, those answered by an
            out-of-office reply too: an auto-reply is no answer (spec8 finding 5).
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
        next_round_on: the day of the next round, once the news said it is
            arranged: this interview's check-ins are over (rule ``next-steps``).
        outcome: the final outcome (offer, rejection or withdrawal).
        outcome_at: when it came.
        feedback_requested: the candidate already asked for feedback.
        feedback_pending: when the employer asked for feedback not yet given.
        done: the one-time steps already done, as ``(kind, person)`` pairs.
        quiet_until: no follow-up contact before this instant: every thank-you
            window has closed (rule ``patience``).
        thanked_at: the latest thank-you, as sent or else as planned; the
            first check-in keeps `Policy.min_gap` business days from it.
        notes_to: the people (`person_key`) whose thank-you or requested items
            went out (the planner folds a planned note in as sent before the
            steps after it): a later message says the material was sent only
            to them, never to one whose note was missed or skipped.
        closed: the latest check-in was the last one the limits allowed (the
            graceful close), and no news
            has come since.  A plain reply to it does not restart the run:
            the candidate keeps their word.  "No decision yet" earns one more
            check-in (seed 003), itself a close; news of a next round opens a
            new run.
        last_email: the latest e-mail to the follow-up contact person (a
            `Contact`): the thread a new e-mail answers, even when a call
            came after it.
        replied_by: who wrote the latest plain `Reply`, by the name the
            interview gives them, when it was not the follow-up contact
            (None when the contact wrote it, or no reply came).
        skipped_at: when the candidate last skipped a check-in (`Skip`): the
            one that takes its place keeps `Policy.min_gap` business days
            from it, so a dismissed reminder does not come straight back.
        snoozes: the steps the candidate pushed later (`Snooze`), as
            `(step key, until)` pairs (step keys as `identity.step_key`
            reads them), the latest snooze of a step only.
        elsewhere: the latest follow-up contact (UTC) to the same person at
            the same employer in another application of the same candidate
            (`identity.thread_key`), which the gaps keep `Policy.min_gap`
            from as from this one's (``audit_many``, ``agenda_many``); None
            for an application seen alone.

    Instants read in the follow-up contact's own zone with `local` and
    `local_date`: a hook that counts days does so on the recipient's
    calendar, like the planner.
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
    news_by: str | None = None
    previous: Contact | None = None
    hold_until: date | None = None
    out_of_office_at: datetime | None = None
    undecided_at: datetime | None = None
    next_round_at: datetime | None = None
    next_round_on: date | None = None
    outcome: Outcome | None = None
    outcome_at: datetime | None = None
    feedback_requested: bool = False
    feedback_pending: datetime | None = None
    done: frozenset[tuple[ActionKind, str]] = frozenset()
    quiet_until: datetime | None = None
    thanked_at: datetime | None = None
    notes_to: frozenset[str] = frozenset()
    closed: bool = False
    last_email: Contact | None = None
    replied_by: str | None = None
    skipped_at: datetime | None = None
    snoozes: tuple[tuple[ids.StepKey, datetime], ...] = ()
    elsewhere: datetime | None = None
    # The step numbers used by the contacts made and the steps skipped, as
    # step keys: the next step of a kind takes the lowest free one (see
    # `next_key`, which a hook may call whatever the history holds).
    _taken: frozenset[ids.StepKey] = frozenset()
    # The (kind, person) keys of the one-time steps planned for the interview,
    # when known: a Skip or a Snooze of a one-time step must name one of them.
    _one_time: frozenset[tuple[ActionKind, str]] | None = None

    @property
    def zone(self) -> tzinfo:
        """The follow-up contact's time zone: the calendar check-ins are planned on."""
        return self.interview._contact_zone

    def local(self, moment: datetime) -> pendulum.DateTime:
        """*moment* (any of this state's UTC instants) on the follow-up contact's wall clock.

        For example ``state.local(state.last_reply).hour`` in a hook.
        """
        return _calendar.to_pendulum(_calendar.utc(moment).astimezone(self.zone))

    def local_date(self, moment: datetime) -> date:
        """The date *moment* falls on in the follow-up contact's zone (a plain date)."""
        return _calendar.local_date(moment, self.zone)

    def snoozed_until(self, key: ids.StepKey) -> datetime | None:
        """When the step keyed *key* was snoozed to (UTC), or None."""
        if not self.snoozes:
            return None
        for snoozed, until in self.snoozes:
            if snoozed == key:
                return until
        return None

    def next_key(self, kind: ActionKind, name: str | None = None) -> ids.StepKey:
        """The step key the next step of *kind* to *name* (the contact by default) takes."""
        who = person_key(ids.owner(kind, name, self.interview))
        return kind, who, ids.first_free(self._taken, kind, who)

    @property
    def contact(self) -> Interviewer:
        """The interviewer who receives check-ins."""
        return self.interview.follow_up_contact

    @property
    def check_ins_left(self) -> int:
        """Check-ins still allowed (rule ``cap``): unanswered in a row, and ever."""
        policy = self.policy
        # `max(0, min(...))` without the two builtin calls: the planner asks it twice a
        # check-in (issue 20, twelfth pass)
        left = policy.max_check_ins - self.check_ins
        ever = policy.max_contacts_ever - self.contacts_ever
        if ever < left:
            left = ever
        return left if left > 0 else 0

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


_DEFAULTS = {field.name: field.default for field in attrs.fields(FollowupState)}
"""Every field at its default: the blank the start state fills in."""


def done_key(kind: ActionKind, person: str | None) -> str:
    """The person part of a one-time step's key: case-blind, blank when any will do."""
    if kind in ONE_SHOT_BY_KIND or person is None:
        return ""
    return person_key(person)


def start(
    interview: Interview,
    policy: Policy,
    thank_yous: Sequence[Action],
    steps: Sequence[Action] | None = None,
) -> FollowupState:
    """The state before anything has happened, given the planned thank-you notes.

    *steps*, the one-time steps planned from the interview (see
    `followup_rules.plan.steps_after_interview`), lets a `Skip` or a `Snooze`
    be checked against them.  The fold keeps the step numbers used either way.
    """
    decision_by, timeframe = _decision(interview.decision_by, interview.starts_at, policy)
    one_time: frozenset[tuple[ActionKind, str]] | None = None
    if steps is not None:
        one_time = frozenset(
            (step.kind, person_key(ids.owner(step.kind, _name(step), interview))) for step in steps
        )
    fields = _DEFAULTS.copy()
    fields.update(
        interview=interview,
        policy=policy,
        decision_by=decision_by,
        timeframe=timeframe,
        quiet_until=max((note._utc[1] for note in thank_yous), default=None),
        thanked_at=max((note._utc[2] for note in thank_yous), default=None),
        _one_time=one_time,
    )
    state = object.__new__(FollowupState)
    object.__setattr__(state, "__dict__", fields)
    return state


def _name(step: Action) -> str | None:
    return None if step.recipient is None else step.recipient.name


def check_history(interview: Interview, history: Any) -> tuple[Event, ...]:
    """Validate a history against *interview*, and put it in order.

    Events are ordered by their instant (ties keep the given order), so a
    history may be written in any order: an event logged late takes its
    place.  An exact duplicate (the same event at the same instant) counts
    once.

    Raises:
        InvalidHistory: naming the position (as given) and the problem.
    """
    return checked_history(interview, history)[0]


def checked_history(
    interview: Interview, history: Any
) -> tuple[tuple[Event, ...], tuple[int, ...]]:
    """`check_history`, with each event's position in the history as given."""
    events = bounded(
        history,
        lambda problem: InvalidHistory("history", history, problem),
        MAX_EVENTS,
        "events",
    )
    if not events:
        return (), ()
    names = {person_key(person.name) for person in interview.interviewers}
    if interview.recruiter is not None:
        names.add(person_key(interview.recruiter.name))
    for index, event in enumerate(events):
        if not isinstance(event, EVENT_TYPES):
            raise InvalidHistory(
                f"history[{index}]",
                event,
                "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
            )
    ordered = in_order(events)
    first, event = ordered[0]
    # Before the names: a history of another interview (one file shared by mistake,
    # the loop5 trial) is told by its time, not by a name whose fix, a rename, would
    # spoil the other application's history.
    if _calendar.utc(event.at) < interview._utc_span[0]:  # the earliest event is the first
        # both moments in one zone, the event's (the loop8 trial read "before the interview
        # at 2026-11-20T10:00:00+00:00 (got 2026-11-19T23:10:00+11:00)" as a day apart)
        start = interview.starts_at.astimezone(event.at.tzinfo).isoformat()
        raise InvalidHistory(
            f"history[{first}].at", event.at, f"is before the interview at {start}"
        )
    for index, event in enumerate(events):
        person, role = None, ""
        if isinstance(event, Contact):
            person, role = event.recipient, "recipient"
        elif isinstance(event, (Reply, OutOfOffice, Update)):
            person, role = event.sender, "sender"
        if person is not None and person_key(person) not in names:
            news = isinstance(event, (Reply, Update))
            raise InvalidHistory(
                f"history[{index}].{role}", person, _unknown_person(person, interview, news=news)
            )
        if isinstance(event, (Skip, Snooze)):
            # A step id that names no step of this interview (a typo made by hand: the
            # loop14 trial) is refused with the names and times, so a file reader names
            # the file and the entry; whether the step was still planned then is the
            # replay's to say.
            try:
                ids.read_step(event.step, interview)
            except ids.StepIdError as error:
                raise InvalidHistory(f"history[{index}].step", event.step, error.problem) from None
        if isinstance(event, Update) and event.decision_by is not None:
            # a date given is checked on the interview's calendar, as a phrase is read
            zone = interview.starts_at.tzinfo
            decided = event.decision_in(zone) if zone is not None else event.decision_by
            day = decided.end if isinstance(decided, Timeframe) else decided
            said_on = _calendar.local_date(_calendar.utc(event.at), zone or _calendar.UTC)
            # a date typed is the day of whoever wrote it: "by today", logged on 3 January
            # in Los Angeles, is not refused for being 4 January in a Tokyo interview's zone
            said_on = min(said_on, event.at.date())
            if day is not None and day < said_on:
                raise InvalidHistory(
                    f"history[{index}].decision_by",
                    event.decision_by,
                    f"is before the update itself on {said_on.isoformat()}",
                )
    return (
        tuple(event for _, event in ordered),
        tuple(position for position, _ in ordered),
    )


RENAME_ADVICE = "rename them everywhere at once"
"""How a history naming someone renamed is mended, in words free of any one front end's
(the command line adds its command: `_cli_base`)."""


STRANGER_ADVICE = "news from someone not on it is an update without a sender, naming nobody"
"""How the word of someone the interview does not name is recorded without inventing who
said it (the loop14 trial: refused, the reply was recorded as the contact's, and the next
check-in thanked the contact for a reply they never wrote); the command line names its
options (`_cli_base`)."""


def _unknown_person(name: str, interview: Interview, *, news: bool = False) -> str:
    """Why a name in a history is refused, with the names the interview knows; with
    *news* (the sender of a reply or an update), first how to record the word of someone
    the interview does not name, unless the name is nearly one it does (a typo)."""
    known = [person.name for person in interview.interviewers]
    if interview.recruiter is not None and interview.person(interview.recruiter.name) is None:
        known.append(interview.recruiter.name)
    listed = ", ".join(repr(name) for name in known)
    close = _close_name(name, interview)
    stranger = f"{STRANGER_ADVICE}; " if news and not close else ""
    return (
        f"is not an interviewer or the recruiter of this interview (they are {listed}); "
        f"{stranger}if the person was renamed in the interview, write the new name here too, "
        f"or {RENAME_ADVICE}"
    ) + close


def _close_name(name: str, interview: Interview) -> str:
    """``: did you mean 'Ana Ruiz'?`` when a person of *interview* is called nearly *name*."""
    people = [person.name for person in interview.interviewers]
    if interview.recruiter is not None:
        people.append(interview.recruiter.name)
    close = _did_you_mean(name, people)
    return "" if close is None else f": did you mean {close!r}?"


def is_employer_call(state: FollowupState, event: Contact) -> bool:
    """A phone contact that counts against `Policy.max_calls`.

    Every call counts but one to an agency recruiter (the debrief, or any call
    to them).  A recruiter who also interviewed the candidate is one person
    in two roles and an employer contact: calls to them count, whatever the
    kind of the contact says.
    """
    if event.channel is not CHANNEL_PHONE:
        return False
    interview = state.interview
    recruiter = interview.recruiter
    if recruiter is None or interview.recruiter_interviewed:
        return True
    if event.kind is KIND_RECRUITER_DEBRIEF:
        return False
    return event.recipient is None or person_key(event.recipient) != person_key(recruiter.name)


def advance(
    state: FollowupState, event: Event, position: int | None = None, *, owned: bool = False
) -> FollowupState:
    """The state after *event*; pure (the input state is not changed).

    With *owned* (the planner's fold, of a state it made and no one else has seen) the
    state itself is changed and returned: no copy of its fields (issue 20, eleventh pass).

    Raises:
        InvalidHistory: a `Skip` or `Snooze` names no step planned (or
            missed) at that point; the error names ``history[position]``
            when *position* is given, else the event's type.
    """
    at: datetime = event.at
    if type(at) is not datetime or at.tzinfo is not _calendar.UTC:  # not the planner's own
        at = _calendar.utc(at)
    changes: dict[str, Any] = {"now": at}
    if isinstance(event, Contact):
        _contact(state, event, at, changes)
    elif isinstance(event, (Skip, Snooze)):
        field = type(event).__name__ if position is None else f"history[{position}]"
        _skip_or_snooze(state, event, at, changes, field)
    elif isinstance(event, Update):
        changes["last_reply"] = at
        changes["check_ins"] = 0  # an answer: the unanswered run starts again
        changes["news"] = event.outcome
        changes["news_at"] = at
        changes["news_by"] = _spelled(state, event.sender)
        _update(event, at, changes, state.policy, state.interview.starts_at.tzinfo)
        if state.closed:
            _after_close(state, event.outcome, changes)
    elif isinstance(event, Reply):
        changes["last_reply"] = at
        changes["replied_at"] = at
        changes["replied_by"] = _other_than_contact(state, event.sender)
        if not state.closed:  # a reply to the closing note: the candidate keeps their word
            changes["check_ins"] = 0
    elif isinstance(event, OutOfOffice):
        _out_of_office(state, event, at, changes)
    if owned:
        state.__dict__.update(changes)
        return state
    return _evolved(state, changes)


def _evolved(state: FollowupState, changes: dict[str, Any]) -> FollowupState:
    """``attrs.evolve`` without its generic machinery: the planner's hottest call.

    The state's fields are its instance dict, copied and updated in C: a
    plan folds each step it plans, and a copy through ``__init__`` sets the
    35 fields one by one (three times the cost, issue 20).  The fields have
    no converter or validator, so nothing is skipped.
    """
    twin = object.__new__(FollowupState)
    fields = state.__dict__.copy()
    fields.update(changes)
    object.__setattr__(twin, "__dict__", fields)
    return twin


def _after_close(state: FollowupState, outcome: Outcome, changes: dict[str, Any]) -> None:
    """News after the candidate's closing note (rule ``undecided``).

    "No decision yet" earns one more check-in, which closes again (seed 003:
    keep following up while they do not know; seeds 001 and 004: restraint);
    news of a next round opens a new run; other news ends or pauses the run.
    """
    if outcome is OUTCOME_UNDECIDED:
        changes["check_ins"] = max(0, state.policy.max_check_ins - 1)
    elif outcome is OUTCOME_NEXT_ROUND:
        changes["closed"] = False
    else:
        changes.pop("check_ins")  # a feedback request is no answer to the close


def _spelled(state: FollowupState, name: str | None) -> str | None:
    """*name* as the interview spells it (None stays None: not recorded)."""
    if name is None:
        return None
    interview = state.interview
    person = interview.person(name)
    if person is not None:
        return person.name
    recruiter = interview.recruiter
    return recruiter.name if recruiter is not None else name


def _other_than_contact(state: FollowupState, name: str | None) -> str | None:
    """*name* as the interview spells it, or None when it is the follow-up contact."""
    if name is None or person_key(name) == state.interview._contact_key:
        return None
    return _spelled(state, name)


def _contact(state: FollowupState, event: Contact, at: datetime, changes: dict[str, Any]) -> None:
    kind = event.kind
    interview = state.interview
    taken = state._taken
    who = person_key(ids.owner(kind, event.recipient, interview))
    changes["_taken"] = taken | {(kind, who, ids.first_free(taken, kind, who))}
    if is_employer_call(state, event):
        changes["calls"] = state.calls + 1
    if kind in FOLLOW_UP_KINDS:
        changes["last_contact"] = at
    if kind in STARTED_BY_CANDIDATE:
        changes["contacts_ever"] = state.contacts_ever + 1
    if kind is KIND_CHECK_IN:
        changes["check_ins"] = state.check_ins + 1
        changes["check_ins_total"] = state.check_ins_total + 1
        changes["closed"] = state.check_ins_left <= 1  # the last one allowed: the close
        if state.undecided_at is not None:
            changes["undecided_at"] = None
        if state.next_round_at is not None:
            changes["next_round_at"] = None
    elif kind is KIND_FEEDBACK_REQUEST:
        changes["feedback_requested"] = True
    elif kind is KIND_FEEDBACK_RESPONSE:
        changes["feedback_pending"] = None
        if asks_feedback(state):  # the answer to a rejection asked for feedback too
            changes["feedback_requested"] = True
    else:
        person = event.recipient or state.contact.name
        changes["done"] = state.done | {(kind, done_key(kind, person))}
        if kind in THANKS_KINDS:
            if state.thanked_at is None or at > state.thanked_at:
                changes["thanked_at"] = at
            changes["notes_to"] = state.notes_to | {person_key(person)}
    if kind not in _NOT_A_CONTACT:
        to = event.recipient
        if to is None or person_key(to) == state.interview._contact_key:
            changes["previous"] = event
            if event.channel is CHANNEL_EMAIL:
                changes["last_email"] = event


def _decision(
    decided: date | Timeframe | None, said_on: date, policy: Policy
) -> tuple[date | None, Timeframe | None]:
    """The decision day and window in force, a week phrase read on the policy's country's
    week from the day it was said: *said_on*, or the date a datetime's wall clock shows
    (read only for a week phrase)."""
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
        state.outcome is OUTCOME_REJECTED
        and state.policy.ask_feedback_on_rejection
        and not state.feedback_requested
    )


def _update(
    event: Update, at: datetime, changes: dict[str, Any], policy: Policy, zone: tzinfo | None
) -> None:
    """The news of *event*; a phrase it gives ("in two weeks") is read from the day it came
    in the interview's *zone*, as the interview's own decision date is (the loop6 trial)."""
    outcome = event.outcome
    decided = event.decision_by if zone is None else event.decision_in(zone)
    if outcome is OUTCOME_UNDECIDED:
        changes["undecided_at"] = at
        if decided is not None:
            said_on = at.date() if zone is None else _calendar.local_date(at, zone)
            decision_by, timeframe = _decision(decided, said_on, policy)
            changes["decision_by"] = decision_by
            changes["timeframe"] = timeframe
            changes["decision_given_at"] = at
    elif outcome is OUTCOME_FEEDBACK_REQUESTED:
        changes["feedback_pending"] = at
    elif outcome is OUTCOME_NEXT_ROUND:
        # Good news, not the end: if the next round is not arranged, asking what
        # comes next is welcome (seed 002).  Plan the next round itself as a new
        # Interview once it is scheduled.
        changes["next_round_at"] = at
        # Arranged (its day given): nothing is left to ask, and the round is an
        # interview of its own (the loop5 trial: a second round kept in its own
        # file while the first kept asking when it would take place).
        changes["next_round_on"] = decided.end if isinstance(decided, Timeframe) else decided
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
    """An auto-reply holds the steps to its sender only (check-ins go to the contact).

    It is no answer (spec8 finding 5): the check-in it met still counts against
    `Policy.max_check_ins` (the note waits in their inbox and is read on their
    return), and the run of unanswered check-ins goes on; it only holds the
    next contact until they are back.
    """
    contact = state.interview._contact_key
    sender = contact if event.sender is None else person_key(event.sender)
    if sender != contact:
        return
    policy = state.policy
    tz = state.interview._contact_zone
    back = event.returns_on or _calendar.local_date(at, tz) + _OUT_OF_OFFICE_DEFAULT
    # Their first working day back is for the backlog: one business day after it.
    # A return date on a weekend or holiday means back the next business day.
    first_day_back = _calendar.business_day_on_or_after(back, policy.business_holidays)
    hold = _calendar.add_business_days(first_day_back, 1, policy.business_holidays)
    changes["hold_until"] = hold if state.hold_until is None else max(hold, state.hold_until)
    changes["out_of_office_at"] = at


def _skip_or_snooze(
    state: FollowupState, event: Skip | Snooze, at: datetime, changes: dict[str, Any], field: str
) -> None:
    """A step the candidate dismissed (`Skip`) or pushed later (`Snooze`).

    Neither is a contact: nothing counts against a limit.  A skipped
    one-time step is gone; a skipped check-in keeps its number (the next
    one takes its place) and the next one keeps `Policy.min_gap` business
    days from the skip; a skipped feedback request or response is gone.  A
    snooze replaces any earlier snooze of the same step.
    """
    interview = state.interview
    try:
        kind, name, ordinal = ids.read_step(event.step, interview)
    except ids.StepIdError as error:
        raise InvalidHistory(f"{field}.step", event.step, error.problem) from None
    who = person_key(name)
    key = (kind, who, ordinal)
    problem = _not_planned(state, kind, name, who, ordinal)
    if problem is not None:
        raise InvalidHistory(f"{field}.step", event.step, problem)
    snoozes = tuple(pair for pair in state.snoozes if pair[0] != key)
    if isinstance(event, Snooze):
        changes["snoozes"] = (*snoozes, (key, _calendar.utc(event.until)))
        return
    changes["snoozes"] = snoozes
    changes["_taken"] = state._taken | {key}
    if kind is ActionKind.CHECK_IN:
        changes["skipped_at"] = at
    elif kind is ActionKind.FEEDBACK_RESPONSE:
        changes["feedback_pending"] = None
    elif kind in ONE_TIME_KINDS:
        changes["done"] = state.done | {(kind, done_key(kind, name))}


def _not_planned(
    state: FollowupState, kind: ActionKind, name: str, who: str, ordinal: int
) -> str | None:
    """Why the step is neither planned nor missed at this point of the history, or None."""
    taken = state._taken
    if (kind, who, ordinal) in taken or (kind in ONE_TIME_KINDS and state.is_done(kind, name)):
        return "is already done or skipped"
    if kind in ONE_TIME_KINDS:
        if ordinal != 1 or (state._one_time is not None and (kind, who) not in state._one_time):
            return "is not a step planned for this interview"
        return None
    contact = person_key(state.contact.name)
    if who != contact:
        return "is not a step planned for this interview (follow-ups go to the contact)"
    free = ids.free_ordinals(taken, kind, who)
    if kind is ActionKind.CHECK_IN:
        planned = 0 if state.stopped or state.next_round_on else state.check_ins_left
        if ordinal not in [next(free) for _ in range(planned)]:
            return "is not a check-in still planned at that point"
        return None
    if kind is ActionKind.FEEDBACK_RESPONSE:
        if state.feedback_pending is None or ordinal != next(free):
            return "is not an answer to a feedback request still open at that point"
        return None
    policy = state.policy
    if (
        state.outcome is not Outcome.REJECTED
        or not policy.ask_feedback_on_rejection
        or state.feedback_requested
        or state.contacts_left == 0
        or ordinal != next(free)
    ):
        return "is not a feedback request planned at that point"
    return None


def replay(
    interview: Interview,
    policy: Policy,
    history: Iterable[Event],
    thank_yous: Sequence[Action],
    steps: Sequence[Action] | None = None,
    positions: Sequence[int] | None = None,
) -> FollowupState:
    """Fold a validated history (in order: see `check_history`) into a state.

    *positions* are the events' places in the history as the caller gave
    it, to name them in errors.
    """
    history = tuple(history)
    marks = any(isinstance(event, (Skip, Snooze)) for event in history)
    state = start(interview, policy, thank_yous, steps if marks else None)
    for index, event in enumerate(history):
        state = advance(state, event, index if positions is None else positions[index])
    return state
