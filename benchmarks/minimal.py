"""The minimal planner: the default rules, the smallest correct version on the stdlib.

The yardstick of issue 20 for `plan()`: what a careful engineer would write
to plan the default follow-ups of one interview with nothing else to care
about: no validation, no history, no policy but the default, no facts for
the messages, no in-room steps.  It plans

- a thank-you e-mail to each interviewer: due within a day of the end,
  suggested an hour after it, moved into their 08:00-17:00 on a business
  day when that still fits the day, else into their 07:00-22:00; then to the first
  moment of that stretch (or of a later send window before the deadline) in the
  candidate's own 07:00-22:00, when there is one;
- the debrief with an agency recruiter: in the recruiter's business hours
  right after the interview, next business morning when less than half an
  hour of their day is left; four hours to make it, suggested at a quarter
  past the opening;
- three check-ins to the follow-up contact: from a business day after the
  decision date (five after the interview without one), three business days
  after the latest thank-you or check-in, never before every thank-you is
  due; the first by phone in 10:00-11:30 when a call is allowed (an
  invitation or a decision date, and a number) and that window falls in
  07:00-22:00 where the candidate lives, else by e-mail in 08:00-17:00,
  suggested at its first moment in the candidate's 07:00-22:00 when it has one.

Instants are UTC stdlib datetimes (absolute arithmetic, plain comparisons);
each instant is converted to a zone once, for its local date or for the
result.  `tests/test_benchmarks.py` checks it plans what `plan()` plans for
these steps on the benchmark's population, so the ratio compares like with
like.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo

UTC = timezone.utc
SEND_HOURS = (time(8), time(17))
CALL_HOURS = (time(10), time(11, 30))
WAKING_HOURS = (time(7), time(22))
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)

Step = tuple[str, str, datetime, datetime, datetime]
"""kind, recipient's name, then earliest, latest and suggested in the recipient's zone."""


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def add_business_days(day: date, count: int) -> date:
    while count:
        day += DAY
        if day.weekday() < 5:
            count -= 1
    return day


def at(day: date, clock: time, tz: ZoneInfo) -> datetime:
    """The UTC instant a wall clock in *tz* shows *clock* on *day*."""
    return datetime.combine(day, clock, tz).astimezone(UTC)


def first_window(
    day: date, hours: tuple[time, time], tz: ZoneInfo, not_before: datetime | None = None
) -> tuple[datetime, datetime]:
    """The first business-day window on or after *day* that opens at or after *not_before*."""
    if not_before is not None:
        day = max(day, not_before.astimezone(tz).date())
    while day.weekday() >= 5:
        day += DAY
    while True:
        opens = at(day, hours[0], tz)
        if not_before is None or opens >= not_before:
            return opens, at(day, hours[1], tz)
        day = add_business_days(day, 1)


def first_moment(moment: datetime, hours: tuple[time, time], tz: ZoneInfo) -> datetime:
    """The first instant at or after *moment* inside a business-day window."""
    local = moment.astimezone(tz)
    if local.weekday() < 5 and hours[0] <= local.time() <= hours[1]:
        return moment
    return first_window(local.date(), hours, tz, moment)[0]


def first_waking(moment: datetime, tz: ZoneInfo) -> datetime:
    """The first instant at or after *moment* in 07:00-22:00 on *tz*'s clock, any day."""
    local = moment.astimezone(tz)
    if WAKING_HOURS[0] <= local.time() <= WAKING_HOURS[1]:
        return moment
    day = local.date() if local.time() < WAKING_HOURS[0] else local.date() + DAY
    return at(day, WAKING_HOURS[0], tz)


def awake_moment(moment: datetime, latest: datetime, tz: ZoneInfo, own: ZoneInfo) -> datetime:
    """The first instant from *moment* to *latest*, in the recipient's send window (or
    their waking hours of *moment*'s day, when *moment* is outside it) and the candidate's
    07:00-22:00; *moment* when there is none."""
    local = moment.astimezone(tz)
    if local.weekday() < 5 and SEND_HOURS[0] <= local.time() <= SEND_HOURS[1]:
        closes = at(local.date(), SEND_HOURS[1], tz)
    elif WAKING_HOURS[0] <= local.time() <= WAKING_HOURS[1]:
        closes = at(local.date(), WAKING_HOURS[1], tz)
    else:
        closes = moment
    start = moment
    while True:
        closes = min(closes, latest)
        awake = first_waking(start, own)
        if awake <= closes:
            return awake
        if closes >= latest:
            return moment
        start, closes = first_window(local.date(), SEND_HOURS, tz, closes + TICK)
        if start > latest:
            return moment


TICK = timedelta(microseconds=1)


def on_clock(tz: ZoneInfo, *instants: datetime) -> tuple[datetime, datetime, datetime]:
    """Earliest, latest and suggested on the recipient's clock: one conversion each."""
    earliest, latest, suggested = (instant.astimezone(tz) for instant in instants)
    return earliest, latest, suggested


def plan(interview: Any) -> list[Step]:
    """The default follow-ups of *interview* (a `followup_rules.Interview`), by suggested time."""
    start = interview.starts_at
    home = zone(start.tzinfo.name)
    end = datetime.fromtimestamp(start.timestamp(), UTC) + interview.duration
    steps: list[Step] = []
    own = interview.candidate.timezone if interview.candidate else None
    own_zone = zone(own) if own else home

    thanked = end
    for person in interview.interviewers:
        tz = zone(person.timezone) if person.timezone else home
        aim, latest = end + HOUR, end + 24 * HOUR
        best = first_moment(aim, SEND_HOURS, tz)
        if best > latest:  # no send hours left by the deadline: their waking hours
            best = first_waking(aim, tz)
        suggested = awake_moment(best, latest, tz, own_zone) if best <= latest else aim
        thanked = max(thanked, suggested)
        steps.append(("thank_you", person.name, *on_clock(tz, end, latest, suggested)))
    quiet = end + 24 * HOUR  # every note's window has closed

    recruiter = interview.recruiter
    if recruiter is not None:
        own = interview.candidate.timezone if interview.candidate else None
        tz = zone(own) if own else home
        opens = first_moment(end, SEND_HOURS, tz)
        day = opens.astimezone(tz).date()
        closes = at(day, SEND_HOURS[1], tz)
        if closes - opens < timedelta(minutes=30):
            opens, closes = first_window(add_business_days(day, 1), SEND_HOURS, tz)
        latest = min(opens + 4 * HOUR, closes)
        suggested = min(opens + timedelta(minutes=15), latest)
        steps.append(
            ("recruiter_debrief", recruiter.name, *on_clock(tz, opens, latest, suggested))
        )

    contact = interview.interviewers[0]
    tz = zone(contact.timezone) if contact.timezone else home
    if interview.decision_by is not None:
        floor = add_business_days(interview.decision_by, 1)
    else:
        floor = add_business_days(end.astimezone(tz).date(), 5)
    call = bool(interview.invited_to_call or interview.decision_by is not None) and bool(
        contact.phone
    )
    last, not_before = thanked, quiet
    for _ in range(3):
        day = max(floor, add_business_days(last.astimezone(tz).date(), 3))
        opens, closes = first_window(day, CALL_HOURS if call else SEND_HOURS, tz, not_before)
        phone = call
        if call and at_night(opens, closes, own_zone):
            opens, closes = first_window(day, SEND_HOURS, tz, not_before)
            phone = False
        local = opens.astimezone(tz)
        suggested = local
        if not phone:  # an e-mail: the first moment of it in the candidate's waking hours
            awake = first_waking(opens, own_zone)
            suggested = awake.astimezone(tz) if awake <= closes else local
        steps.append(("check_in", contact.name, local, closes.astimezone(tz), suggested))
        last = not_before = opens
        call = False
    steps.sort(key=lambda step: step[4])
    return steps


def at_night(opens: datetime, closes: datetime, tz: ZoneInfo) -> bool:
    """Whether a call window leaves 07:00-22:00 of the candidate's own day."""
    start, end = opens.astimezone(tz), closes.astimezone(tz)
    return start.date() != end.date() or start.time() < time(7) or end.time() > time(22)


def agrees(interview: Any) -> bool:
    """Whether `plan` here and `followup_rules.plan` plan the same steps for *interview*.

    The honesty check of the benchmark: the same kinds and recipients, and
    the same earliest, latest and suggested moments, instant and wall clock
    (ISO 8601 with the offset), for every step covered here.
    """
    from followup_rules import plan as library_plan

    covered = {"thank_you", "recruiter_debrief", "check_in"}
    theirs = [
        (
            action.kind.value,
            action.recipient.name,
            action.earliest,
            action.latest,
            action.suggested,
        )
        for action in library_plan(interview)
        if action.kind.value in covered and action.recipient is not None
    ]
    return _shown(plan(interview)) == _shown(theirs)


def _shown(steps: list[Step]) -> list[tuple[str, ...]]:
    return sorted(
        (kind, who, *(moment.isoformat() for moment in times)) for kind, who, *times in steps
    )
