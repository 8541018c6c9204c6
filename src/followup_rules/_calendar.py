"""Business days, local windows and time zones: small pure functions.

Inside the planner every instant is a stdlib ``datetime`` in UTC (tzinfo
``datetime.timezone.utc``): adding to it is absolute time, and comparing two
of them is a plain field comparison, an order of magnitude faster than
pendulum's arithmetic or a comparison across zones.  Local wall clocks use
pendulum's tzinfo objects (``zoneinfo.ZoneInfo`` subclasses).  Only
`to_local` and `to_pendulum` build the pendulum objects the public API hands
out.  Windows are cached by (day, window, zone): a population of interviews
keeps asking about the same few hundred days.
"""

from __future__ import annotations

import re
from collections.abc import Container
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache

import pendulum

from .errors import _did_you_mean, _short_repr

UTC = timezone.utc
_FRIDAY = 4
_SATURDAY = 5
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")
# Offsets written any other way: "GMT+5", "UTC-03:30", "+5", "+0530".
_LOOSE_OFFSET = r"(?i)(UTC|GMT|UT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?"  # refusals only
# Names a zone database may hold that stand for the machine's own setting, or
# for no real place: a plan must not depend on where it runs.
_MACHINE_ZONES = frozenset({"localtime", "posixrules", "factory"})
_MACHINE_PREFIXES = ("posix/", "right/", "systemv/")

NO_HOLIDAYS: frozenset[date] = frozenset()


@lru_cache(maxsize=1)
def iana_names() -> frozenset[str]:
    """Every IANA zone name of the ``tzdata`` package (links included).

    The list that ships with pendulum's ``tzdata`` dependency, not the
    machine's zone directory: that one also holds ``localtime``, ``posix/...``
    and ``right/...``, which differ from machine to machine.
    """
    from importlib.resources import files

    try:  # pendulum's own dependency, read only when a zone is first looked up
        names = set(files("tzdata").joinpath("zones").read_text(encoding="utf-8").split())
    except (ImportError, OSError):  # pragma: no cover - a tzdata without its zone list
        import zoneinfo

        names = set(zoneinfo.available_timezones())
    return frozenset(name for name in names if not _machine_dependent(name))


def _machine_dependent(name: str) -> bool:
    folded = name.casefold()
    return folded in _MACHINE_ZONES or folded.startswith(_MACHINE_PREFIXES)


def zone_key(name: str) -> str:
    """The canonical spelling of the zone called *name*, or a ValueError saying why not.

    Accepted: an IANA name, ``UTC`` (any case) and offsets written ``+HH:MM``.
    Refused: names that depend on the machine (``localtime``, ``posix/...``)
    and offsets written ``GMT+5`` or ``UTC+5``: people read them as five hours
    ahead, while POSIX and the IANA name ``Etc/GMT+5`` mean five hours behind.
    """
    shown = _short_repr(name)
    if name.upper() == "UTC":
        return "UTC"
    match = _OFFSET.fullmatch(name)
    if match is not None:
        if int(match.group(2)) > 23 or int(match.group(3)) > 59:
            raise ValueError(f"offset out of range: {shown}")
        return name
    if name in iana_names():
        return name
    loose = re.fullmatch(_LOOSE_OFFSET, name.strip())
    if loose is not None:
        prefix, sign, hours, minutes = loose.groups()
        offset = f"{sign}{int(hours):02d}:{minutes or '00'}"
        if prefix is None:
            raise ValueError(f"write the offset {shown} as {offset!r}")
        raise ValueError(
            f"{shown} is ambiguous (POSIX and IANA 'Etc/GMT' names read its sign the other "
            f"way): use {offset!r} or an IANA name like 'Asia/Karachi'"
        )
    if _machine_dependent(name):
        raise ValueError(
            f"{shown} is the machine's setting or a placeholder, not a place: "
            "use an IANA name like 'Europe/Paris'"
        )
    close = _did_you_mean(name, _zone_spellings())
    if close is not None:
        raise ValueError(f"unknown time zone {shown}: did you mean {close!r}?")
    raise ValueError(
        f"unknown time zone {shown} (use an IANA name like 'Europe/Paris', 'UTC' "
        "or an offset like '+05:30')"
    )


@lru_cache(maxsize=1)
def _zone_spellings() -> dict[str, str]:
    """Ways people write a zone, each to its IANA name: the name, its city, the city in words."""
    spellings: dict[str, str] = {}
    for name in sorted(iana_names(), key=lambda name: (name.count("/") != 1, len(name), name)):
        city = name.rsplit("/", 1)[-1]
        for spelling in (name, city, city.replace("_", " ")):
            spellings.setdefault(spelling, name)
    return spellings


@lru_cache(maxsize=1024)
def zone(name: str) -> tzinfo:
    """Return the time zone called *name* (an IANA name, ``UTC`` or ``+HH:MM``).

    Resolved once and cached: pendulum's own lookup costs tens of microseconds.

    Raises:
        ValueError: the name is unknown, ambiguous or machine-dependent (see
            `zone_key`).
    """
    key = zone_key(name)
    match = _OFFSET.fullmatch(key)
    if match is not None:
        sign, hours, minutes = match.groups()
        seconds = int(hours) * 3600 + int(minutes) * 60
        return pendulum.timezone(-seconds if sign == "-" else seconds)
    try:
        return pendulum.timezone(key)
    except Exception as error:  # pendulum raises several kinds for bad names
        raise ValueError(f"unknown time zone {_short_repr(name)}") from error


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
    m = moment
    if m.fold:
        return pendulum.DateTime(*_wall_clock(m), tzinfo=m.tzinfo, fold=1)
    # Positional arguments only: the common case, and the fold keyword alone
    # costs a third of the call.
    return pendulum.DateTime(
        m.year, m.month, m.day, m.hour, m.minute, m.second, m.microsecond, m.tzinfo
    )


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
    if type(moment) is datetime:
        return moment if moment.tzinfo is UTC else moment.astimezone(UTC)
    offset = moment.utcoffset()
    assert offset is not None  # every datetime here was checked to be aware
    return (datetime(*_wall_clock(moment)) - offset).replace(tzinfo=UTC)


# Small caches keyed by the tzinfo's identity: pendulum's own __hash__ is
# Python code and costs more than the lookup saves.  Each entry keeps its
# tzinfo, and a hit must be that very object, so a recycled id cannot match.
_CACHE_SIZE = 16384
_LOCAL: dict[tuple[datetime, int], tuple[tzinfo, pendulum.DateTime]] = {}
_WINDOWS: dict[tuple[date, time, time, int], tuple[tzinfo, tuple[datetime, datetime] | None]] = {}


def clear_caches() -> None:
    """Forget the cached zones, windows and local times (benchmarks and tests start cold)."""
    zone.cache_clear()
    _LOCAL.clear()
    _WINDOWS.clear()


def to_local(instant: datetime, tz: tzinfo) -> pendulum.DateTime:
    """The pendulum DateTime a wall clock in *tz* shows at the UTC *instant*.

    Cached: the steps of one plan share their instants (every in-person step
    starts and ends with the interview), and pendulum objects are immutable.
    """
    key = (instant, id(tz))
    hit = _LOCAL.get(key)
    if hit is not None and hit[0] is tz:
        return hit[1]
    local = to_pendulum(instant.astimezone(tz))
    if len(_LOCAL) >= _CACHE_SIZE:
        _LOCAL.clear()
    _LOCAL[key] = (tz, local)
    return local


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of *moment* on a wall clock in *tz* (a stdlib date, fast to add to)."""
    return utc(moment).astimezone(tz).date()  # utc() is stdlib, so is this date


def local_instant(day: date, wall: time, tz: tzinfo, *, late: bool = False) -> datetime:
    """The UTC instant a wall clock in *tz* shows *wall* on *day*.

    Without *late*, a wall time skipped by a DST change moves forward past the
    gap and an ambiguous one takes its first occurrence.  With *late*, a
    skipped time moves back before the gap and an ambiguous one takes its
    second occurrence: the right choice for the end of a window.
    """
    aware = datetime.combine(day, wall, tz)
    return (aware.replace(fold=1) if late else aware).astimezone(UTC)


def window_on(day: date, start: time, end: time, tz: tzinfo) -> tuple[datetime, datetime] | None:
    """The UTC instants of the local window ``[start, end]`` on *day*, or None.

    None when a DST change swallows the whole window.  Both instants show a
    wall time inside ``[start, end]`` on *day*: a skipped start moves
    forward, a skipped end moves back.  Cached by day, window and zone.
    """
    key = (day, start, end, id(tz))
    hit = _WINDOWS.get(key)
    if hit is not None and hit[0] is tz:
        return hit[1]
    window = _window(day, start, end, tz)
    if len(_WINDOWS) >= _CACHE_SIZE:
        _WINDOWS.clear()
    _WINDOWS[key] = (tz, window)
    return window


def _window(day: date, start: time, end: time, tz: tzinfo) -> tuple[datetime, datetime] | None:
    opens = local_instant(day, start, tz)
    closes = local_instant(day, end, tz, late=True)
    if closes < opens or opens.astimezone(tz).date() != day or closes.astimezone(tz).date() != day:
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
    if holidays is NO_HOLIDAYS and count > 0:
        # Weekends only: whole weeks, then the rest, stepping over one weekend
        # when the rest runs past Friday.  A weekend day counts from its Friday.
        weekday = day.weekday()
        if weekday >= _SATURDAY:
            day -= timedelta(days=weekday - _FRIDAY)
            weekday = _FRIDAY
        weeks, rest = divmod(count, 5)
        return day + timedelta(days=7 * weeks + rest + (2 if weekday + rest > _FRIDAY else 0))
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
    """The first business-day window ``[start, end]`` on or after *day*, in UTC.

    With *not_before*, a window that opens before that instant is skipped, so
    the result opens at or after it.  Every window of a day before the local
    date of *not_before* opens before it, so the search starts at that date:
    a history thousands of years after the interview costs no more than one
    a week after it.
    """
    if not_before is not None:
        day = max(day, local_date(not_before, tz))
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
    """The first UTC instant at or after *moment* inside a business-day window."""
    moment = utc(moment)
    day = local_date(moment, tz)
    window = window_on(day, start, end, tz) if is_business_day(day, holidays) else None
    if window is not None and window[0] <= moment <= window[1]:
        return moment
    return first_window(day, start, end, tz, not_before=moment, holidays=holidays)[0]
