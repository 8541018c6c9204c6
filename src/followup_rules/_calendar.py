"""Business days, local windows and time zones: small pure functions.

Everything here works on stdlib ``date``/``datetime`` with pendulum's tzinfo
objects (which are ``zoneinfo.ZoneInfo`` subclasses), because stdlib
arithmetic is an order of magnitude faster than pendulum's own; only
`to_pendulum` builds the pendulum objects the public API hands out.
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

import pendulum

UTC = pendulum.UTC
_SATURDAY = 5
_OFFSET = re.compile(r"^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$")

NO_HOLIDAYS: frozenset[date] = frozenset()


@lru_cache(maxsize=1024)
def zone(name: str) -> tzinfo:
    """Return the time zone called *name* (an IANA name, ``UTC`` or ``+HH:MM``).

    Resolved once and cached: pendulum's own lookup costs tens of microseconds.

    Raises:
        ValueError: the name is unknown.
    """
    match = _OFFSET.match(name)
    if match is not None:
        sign, hours, minutes = match.groups()
        seconds = int(hours) * 3600 + int(minutes or 0) * 60
        if seconds >= 24 * 3600:
            raise ValueError(f"offset out of range: {name}")
        return pendulum.timezone(-seconds if sign == "-" else seconds)
    try:
        return pendulum.timezone(name)
    except Exception as error:  # pendulum raises several kinds for bad names
        raise ValueError(f"unknown time zone {name!r}") from error


def zone_name(tz: tzinfo, at: datetime) -> str:
    """Name a tzinfo so that `zone` resolves it again (IANA key or ``+HH:MM``)."""
    for attribute in ("key", "zone", "name"):
        key = getattr(tz, attribute, None)
        if isinstance(key, str) and key:
            try:
                zone(key)
            except ValueError:
                continue
            return key
    offset = tz.utcoffset(at)
    if offset is None:
        raise ValueError("time zone gives no UTC offset")
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def to_pendulum(moment: datetime) -> pendulum.DateTime:
    """Rebuild an aware stdlib datetime as a pendulum DateTime, same instant and zone."""
    if isinstance(moment, pendulum.DateTime):
        return moment
    return pendulum.DateTime(*_wall_clock(moment), tzinfo=moment.tzinfo, fold=moment.fold)


def _wall_clock(moment: datetime) -> tuple[int, int, int, int, int, int, int]:
    """Year to microsecond, as a wall clock shows them."""
    return (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second,
        moment.microsecond,
    )


def utc(moment: datetime) -> datetime:
    """The same instant as a plain stdlib datetime in UTC.

    Arithmetic on it is absolute time and an order of magnitude faster than
    pendulum's own ``+`` (which also reads calendar units); an aware stdlib
    datetime in a named zone would add wall-clock time instead.
    """
    offset = moment.utcoffset()
    assert offset is not None  # every datetime here was checked to be aware
    return (datetime(*_wall_clock(moment)) - offset).replace(tzinfo=timezone.utc)


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of *moment* on a wall clock in *tz* (a stdlib date, fast to add to)."""
    if isinstance(moment, pendulum.DateTime):
        moment = utc(moment)
    local = moment.astimezone(tz)
    return date(local.year, local.month, local.day)


def local_instant(day: date, wall: time, tz: tzinfo, *, late: bool = False) -> datetime:
    """The instant a wall clock in *tz* shows *wall* on *day*.

    Without *late*, a wall time skipped by a DST change moves forward past the
    gap and an ambiguous one takes its first occurrence.  With *late*, a
    skipped time moves back before the gap and an ambiguous one takes its
    second occurrence: the right choice for the end of a window.
    """
    naive = datetime.combine(day, wall)
    aware = naive.replace(tzinfo=tz, fold=1 if late else 0)
    return aware.astimezone(UTC).astimezone(tz)


def window_on(day: date, start: time, end: time, tz: tzinfo) -> tuple[datetime, datetime] | None:
    """The instants of the local window ``[start, end]`` on *day*, or None.

    None when a DST change swallows the whole window.  Both instants show a
    wall time inside ``[start, end]``: a skipped start moves forward, a skipped
    end moves back.
    """
    opens = local_instant(day, start, tz)
    closes = local_instant(day, end, tz, late=True)
    if closes < opens or opens.date() != day or closes.date() != day:
        return None
    return opens, closes


def is_business_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    """Monday to Friday, and not a public holiday."""
    return day.weekday() < _SATURDAY and day not in holidays


def business_day_on_or_after(day: date, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """*day* itself if it is a business day, else the next one."""
    while not is_business_day(day, holidays):
        day += timedelta(days=1)
    return day


def add_business_days(day: date, count: int, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """The *count*-th business day after *day* (``count >= 1``); *day* itself is not counted."""
    while count > 0:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            count -= 1
    return day


def business_days_between(
    earlier: date, later: date, holidays: Container[date] = NO_HOLIDAYS
) -> int:
    """How many business days after *earlier* it is on *later* (0 on the same day).

    The inverse of `add_business_days` for business days:
    ``business_days_between(d, add_business_days(d, n)) == n``.  Negative
    when *later* is before *earlier*.
    """
    if later < earlier:
        return -business_days_between(later, earlier, holidays)
    count = 0
    day = earlier
    while day < later:
        day += timedelta(days=1)
        if is_business_day(day, holidays):
            count += 1
    return count


def first_window(
    day: date,
    start: time,
    end: time,
    tz: tzinfo,
    *,
    not_before: datetime | None = None,
    holidays: Container[date] = NO_HOLIDAYS,
) -> tuple[datetime, datetime]:
    """The first business-day window ``[start, end]`` on or after *day*.

    With *not_before*, a window that opens before that instant is skipped, so
    the result opens at or after it.
    """
    day = business_day_on_or_after(day, holidays)
    while True:
        window = window_on(day, start, end, tz)
        if window is not None and (not_before is None or window[0] >= not_before):
            return window
        day = add_business_days(day, 1, holidays)


def first_moment_in_window(
    moment: datetime,
    start: time,
    end: time,
    tz: tzinfo,
    holidays: Container[date] = NO_HOLIDAYS,
) -> datetime:
    """The first instant at or after *moment* inside a business-day window."""
    day = local_date(moment, tz)
    window = window_on(day, start, end, tz) if is_business_day(day, holidays) else None
    if window is not None and window[0] <= moment <= window[1]:
        return moment.astimezone(tz)
    return first_window(day, start, end, tz, not_before=moment, holidays=holidays)[0]
