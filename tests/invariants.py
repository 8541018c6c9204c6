"""An independent check of the SPEC's invariants on (interview, policy, history, plan).

Written without the library's calendar or state code, so a shared mistake
cannot hide: business days are counted here by walking the calendar, and a
country's weekend comes from the ``holidays`` package directly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone
from functools import cache
from typing import Any

import attrs
import pendulum

from followup_rules import (
    RULES,
    ActionKind,
    Channel,
    Contact,
    Interview,
    Outcome,
    Plan,
    Policy,
    Reply,
    Timeframe,
    Update,
)
from followup_rules.rules import SEEDS

FOLLOW_UPS = {ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST, ActionKind.FEEDBACK_RESPONSE}
STOPS = {Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN}


def _at(moment: datetime) -> datetime:
    """The instant of an aware *moment*, for comparing.

    Two aware datetimes with the same tzinfo compare by wall clock, fold
    ignored (PEP 495): in the hour a DST change repeats, 23:00 after the
    change sorts before 23:45 before it.  Instants compare truly.
    """
    return moment.astimezone(timezone.utc)


@cache
def _country(country: str, subdivision: str | None) -> Any:
    import holidays

    return holidays.country_holidays(country, subdiv=subdivision)


def business(day: date, policy: Policy) -> bool:
    """Not a weekend day of the policy's country (Saturday and Sunday without one), not a holiday.

    The weekend comes from the ``holidays`` package itself: a country's
    weekend days (Friday and Saturday in Israel), except those it works to
    make up for a bridge day.
    """
    if policy.holidays is None:
        return day.weekday() < 5
    country = _country(*policy.holidays)
    if country.is_weekend(day):
        return day in country.weekend_workdays
    return day not in country


def weekend_near(day: date, policy: Policy) -> set[int]:
    """The weekdays off in the seven days from *day*."""
    if policy.holidays is None:
        return {5, 6}
    country = _country(*policy.holidays)
    days = [day + timedelta(days=ahead) for ahead in range(7)]
    return {other.weekday() for other in days if country.is_weekend(other)}


def week_phrase_end(kind: str, said: date, off: set[int]) -> date:
    """The last day of a week phrase said on *said*, on a week with *off* as its weekend.

    A week starts after the weekend: after the day off that the most
    working days follow (Monday after Saturday-Sunday, Sunday in Israel).
    """
    follows = {
        weekday: next(n for n in range(1, 8) if (weekday + n) % 7 in off) - 1 for weekday in off
    }
    starts = (max(follows, key=lambda weekday: (follows[weekday], -weekday)) + 1) % 7
    first = said + timedelta(days=1)
    while first.weekday() != starts:
        first += timedelta(days=1)
    next_week = [first + timedelta(days=n) for n in range(7)]
    working = [day for day in next_week if day.weekday() not in off]
    if kind == "this_week":
        days_left = [said + timedelta(days=n) for n in range((first - said).days)]
        left = [day for day in days_left if day.weekday() not in off]
        return left[-1] if left else working[-1]
    if kind == "early_next_week":
        return working[1] if len(working) > 1 else working[0]
    return working[-1]  # next week, or its end


def plus_business_days(day: date, count: int, policy: Policy) -> date:
    while count:
        day += timedelta(days=1)
        if business(day, policy):
            count -= 1
    return day


def business_days_apart(first: date, second: date, policy: Policy) -> int:
    count, day = 0, first
    while day < second:
        day += timedelta(days=1)
        count += business(day, policy)
    return count


def zone(interview: Interview, person: object) -> str:
    return getattr(person, "timezone", None) or interview.timezone


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


def is_employer_call(interview: Interview, kind: ActionKind, channel: Channel, to: object) -> bool:
    """Every call counts, but one to an agency recruiter who is not also an interviewer."""
    if channel is not Channel.PHONE:
        return False
    recruiter = interview.recruiter
    if recruiter is None or any(
        _key(person.name) == _key(recruiter.name) for person in interview.interviewers
    ):
        return True
    name = getattr(to, "name", to)
    return not (
        kind is ActionKind.RECRUITER_DEBRIEF
        or (isinstance(name, str) and _key(name) == _key(recruiter.name))
    )


def in_time_order(history: Sequence[object]) -> list[object]:
    """The history as it happened: by POSIX timestamp (ties as given), each event once.

    An exact duplicate is the same kind of event at the same instant with
    every other field equal.
    """
    ordered = sorted(history, key=lambda event: event.at.timestamp())  # type: ignore[attr-defined]
    kept: list[object] = []
    for event in ordered:
        twin = any(
            type(other) is type(event)
            and other.at.timestamp() == event.at.timestamp()  # type: ignore[attr-defined]
            and _fields(other) == _fields(event)
            for other in kept
        )
        if not twin:
            kept.append(event)
    return kept


def _fields(event: object) -> dict[str, object]:
    values = attrs.asdict(event, recurse=False)  # type: ignore[arg-type]
    values.pop("at", None)
    return {
        key: value.timestamp() if isinstance(value, datetime) else value
        for key, value in values.items()
    }


def counted_check_ins(interview: Interview, history: Sequence[object]) -> int:
    """Check-ins since the employer's latest answer.

    An out-of-office reply is no answer: it gives nothing back and restarts
    nothing (spec8 finding 5).
    """
    count = 0
    for event in history:
        if isinstance(event, Contact) and event.kind is ActionKind.CHECK_IN:
            count += 1
        elif isinstance(event, (Reply, Update)):
            count = 0
    return count


def contacts_ever(history: Sequence[object]) -> int:
    """Check-ins and feedback requests in the history: every one counts for the lifetime."""
    return sum(
        isinstance(event, Contact)
        and event.kind in (ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST)
        for event in history
    )


def decision_end(decided: object, said: date, policy: Policy) -> date | None:
    """The day a decision date or window ends; a week phrase ends on the country's week."""
    if not isinstance(decided, Timeframe):
        return decided  # type: ignore[return-value]
    off = weekend_near(said, policy)
    week = decided.kind in ("this_week", "next_week", "early_next_week", "end_of_next_week")
    if not week or off == {5, 6} or week_phrase_end(decided.kind, said, {5, 6}) != decided.end:
        return decided.end  # not a week, the usual week, or a window given as dates
    return week_phrase_end(decided.kind, said, off)


def current_deadline(
    interview: Interview, history: Sequence[object], policy: Policy
) -> date | None:
    """The decision date in force: the interview's, or the latest new one (a window's end)."""
    deadline = decision_end(interview.decision_by, interview.starts_at.date(), policy)
    for event in history:
        if isinstance(event, Update) and event.decision_by is not None:
            deadline = decision_end(event.decision_by, event.at.date(), policy)
        elif isinstance(event, Update) and event.outcome is Outcome.NEXT_ROUND:
            deadline = None  # the decision it was about is made (rule next-steps)
    return deadline


def next_round_day(interview: Interview, history: Sequence[object]) -> date | None:
    """The day (on the contact's calendar) of the word of a next round in force: the
    latest, unless a new decision date came after it."""
    day = None
    tz = zone(interview, interview.follow_up_contact)
    for event in history:
        if isinstance(event, Update) and event.decision_by is not None:
            day = None
        elif isinstance(event, Update) and event.outcome is Outcome.NEXT_ROUND:
            day = event.at.in_timezone(tz).date()
    return day


def check_all(
    interview: Interview,
    policy: Policy,
    history: Sequence[object],
    plan: Plan,
    now: datetime | None = None,
) -> None:
    """Assert invariants 1-9 for this plan (10 needs replanning: see the tests).

    *history* may be in any order, with duplicates: it is read by instant.
    With *now* (the plan was made as seen from it) nothing is planned before it.
    """
    history = in_time_order(history)
    actions = list(plan)
    contact = interview.follow_up_contact

    # Late is not now: nothing planned before the plan's now; a late step is
    # still in a window of its own, after the one it missed.
    if now is not None:
        for action in actions:
            assert _at(action.earliest) >= _at(now) and _at(action.suggested) >= _at(now), (
                now,
                action,
            )
    last = max((e.at for e in history), default=None)  # type: ignore[attr-defined]
    for action in actions:
        if action.late_since is not None:
            assert _at(action.late_since) < _at(action.earliest), action
            if last is not None:
                assert _at(action.latest) >= _at(last), (last, action)

    # 8: windows, rule ids, sources, aware pendulum datetimes.
    for action in actions:
        for value in (action.earliest, action.suggested, action.latest):
            assert isinstance(value, pendulum.DateTime)
            assert value.utcoffset() is not None
        assert _at(action.earliest) <= _at(action.suggested) <= _at(action.latest), action
        assert action.rule in RULES, action.rule
        assert action.sources, action
        assert set(action.sources) <= set(SEEDS), action.sources

    # 9: sorted by suggested time (and so by window start for equal suggestions).
    keys = [_at(action.suggested) for action in actions]
    assert keys == sorted(keys)

    # 1: calls to the employer, history and plan together.
    past_calls = sum(
        isinstance(e, Contact) and is_employer_call(interview, e.kind, e.channel, e.recipient)
        for e in history
    )
    planned_calls = sum(
        is_employer_call(interview, a.kind, a.channel, a.recipient) for a in actions
    )
    assert planned_calls + past_calls <= max(policy.max_calls, past_calls)
    if past_calls >= policy.max_calls:
        assert planned_calls == 0

    # 2: check-ins, history and plan together: unanswered in a row, and ever.
    check_ins = [a for a in actions if a.kind is ActionKind.CHECK_IN]
    past_check_ins = counted_check_ins(interview, history)
    assert len(check_ins) + past_check_ins <= max(policy.max_check_ins, past_check_ins)
    started = [a for a in actions if a.kind in (ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST)]
    past_contacts = contacts_ever(history)
    assert len(started) + past_contacts <= max(policy.max_contacts_ever, past_contacts)

    # 3: never before the deadline rule allows; after word of a next round (and no
    # new date since), not before the business day after the news (rule next-steps).
    deadline = current_deadline(interview, history, policy)
    news = next_round_day(interview, history)
    for action in check_ins:
        assert action.recipient == contact
        day = action.earliest.in_timezone(zone(interview, contact)).date()
        if news is not None:
            assert day >= plus_business_days(news, 1, policy)
        elif deadline is not None:
            assert day >= plus_business_days(deadline, policy.wait_after_deadline, policy)
        else:
            ended = interview.ends_at.in_timezone(zone(interview, contact)).date()
            assert day >= plus_business_days(ended, policy.wait_without_deadline, policy)

    # 4: follow-up contacts to the employer min_gap business days apart.  A
    # feedback *response* answers the employer, so it is never held back, but
    # every contact the candidate starts keeps the gap from all before it.
    tz = zone(interview, contact)
    earlier = [
        e.at.in_timezone(tz).date()
        for e in history
        if isinstance(e, Contact) and e.kind in FOLLOW_UPS
    ]
    thanked = [
        e.at.in_timezone(tz).date()
        for e in history
        if isinstance(e, Contact) and e.kind is ActionKind.THANK_YOU
    ] + [a.suggested.in_timezone(tz).date() for a in actions if a.kind is ActionKind.THANK_YOU]
    for action in check_ins:  # the thank-you is a contact too (rule patience)
        day = action.earliest.in_timezone(tz).date()
        for sent in thanked:
            assert business_days_apart(sent, day, policy) >= policy.min_gap, (sent, action)
    for action in actions:
        if action.kind not in FOLLOW_UPS:
            continue
        day = action.earliest.in_timezone(tz).date()
        if action.kind is not ActionKind.FEEDBACK_RESPONSE:
            for previous in earlier:
                assert business_days_apart(previous, day, policy) >= policy.min_gap, (
                    previous,
                    action,
                )
        earlier.append(day)

    # 5: calls inside the call window, on a business day, recipient-local.
    for action in actions:
        if action.channel is Channel.PHONE and action.kind is ActionKind.CHECK_IN:
            local_zone = zone(interview, action.recipient)
            for value in (action.earliest, action.suggested, action.latest):
                local = value.in_timezone(local_zone)
                assert business(local.date(), policy), action
                wall = local.time().replace(tzinfo=None)
                assert policy.call_window.start <= wall <= policy.call_window.end, (local, action)
            assert (
                action.earliest.in_timezone(local_zone).date()
                == action.latest.in_timezone(local_zone).date()
            )

    # 6: each thank-you inside its window, or late within its limit.
    for action in actions:
        if action.kind is not ActionKind.THANK_YOU:
            continue
        assert _at(action.earliest) >= _at(interview.ends_at)
        if action.late_since is not None:
            check_late_note(interview, policy, history, action)
            continue
        if action.channel is Channel.EMAIL:
            assert _at(action.latest) <= _at(interview.ends_at + policy.thank_you_within)
        else:
            assert action.channel is Channel.POSTAL
            home = zone(interview, interview.candidate)
            ended = interview.ends_at.in_timezone(home).date()
            mailed = action.suggested.in_timezone(home).date()
            if policy.mail_card_immediately:  # seed 004: on the way home
                assert mailed in (ended, ended + timedelta(days=1)), (mailed, ended)
            else:  # seed 003: the next (business) day
                assert mailed > ended and business(mailed, policy)

    # 7: after an offer, rejection or withdrawal: no check-in, one feedback request at most,
    # until the employer's news that the process goes on (no decision yet, a next round:
    # the loop14 trial), after which check-ins follow that news alone.
    updates = sorted(
        (e for e in history if isinstance(e, Update)), key=lambda e: e.at.astimezone(timezone.utc)
    )
    outcomes = [e.outcome for e in updates]
    ended, reopened = False, None
    for update in updates:
        if update.outcome in STOPS:
            ended, reopened = True, None
        elif update.outcome in (Outcome.UNDECIDED, Outcome.NEXT_ROUND) and ended:
            ended, reopened = False, update.at
    if ended:
        assert not check_ins
    elif reopened is not None:
        assert all(action.earliest > reopened for action in check_ins), (reopened, check_ins)
    if STOPS & set(outcomes):
        asked = sum(
            isinstance(e, Contact) and e.kind is ActionKind.FEEDBACK_REQUEST for e in history
        ) + sum(a.kind is ActionKind.FEEDBACK_REQUEST for a in actions)
        assert asked <= 1
    if policy.ask_feedback_on_rejection is False:
        assert not any(a.kind is ActionKind.FEEDBACK_REQUEST for a in actions)


def check_late_note(
    interview: Interview, policy: Policy, history: Sequence[object], action: object
) -> None:
    """A thank-you sent late: worth it (the library's own rule ``thank-you``).

    In the recipient's send window on a business day (a mailed card: the
    candidate's), within `thank_you_late_within` business days of the day
    its window closed, not after the decision date, and never after the
    employer's news or reply or a check-in.
    """
    assert policy.thank_you_late_within > 0
    person = action.recipient  # type: ignore[attr-defined]
    postal = action.channel is Channel.POSTAL  # type: ignore[attr-defined]
    tz = zone(interview, interview.candidate if postal else person)
    closed = action.late_since.in_timezone(tz).date()  # type: ignore[attr-defined]
    opens = action.earliest.in_timezone(tz)  # type: ignore[attr-defined]
    closes = action.latest.in_timezone(tz)  # type: ignore[attr-defined]
    assert opens.date() == closes.date() and business(opens.date(), policy), action
    window = policy.send_window
    for moment in (opens, closes):
        assert window.start <= moment.time().replace(tzinfo=None) <= window.end, action
    assert opens.date() <= plus_business_days(closed, policy.thank_you_late_within, policy)
    deadline = current_deadline(interview, history, policy)
    if deadline is not None:
        assert opens.date() <= deadline, (deadline, action)
    for event in history:
        assert not isinstance(event, (Reply, Update)), event
        assert not (isinstance(event, Contact) and event.kind in FOLLOW_UPS), event


def follow_plan(plan: Plan, count: int) -> list[Contact]:
    """The history of doing the first *count* actions exactly as suggested."""
    return [action.done() for action in list(plan)[:count]]


def as_moment(value: datetime) -> pendulum.DateTime:
    return pendulum.instance(value)
