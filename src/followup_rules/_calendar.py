"""Business days, local windows and time zones: small pure functions.

Inside the planner every instant is a stdlib ``datetime`` in UTC (tzinfo
``datetime.timezone.utc``): adding to it is absolute time, and comparing two
of them is a plain field comparison, an order of magnitude faster than
pendulum's arithmetic or a comparison across zones.  Local wall clocks use
pendulum's tzinfo objects (``zoneinfo.ZoneInfo`` subclasses).  Only
`to_local`, `local_window` and `to_pendulum` build the pendulum objects the
public API hands out.  Windows are cached by (day, window, zone): a population of interviews
keeps asking about the same few hundred days.

Business days are Monday to Friday, counted in closed form, unless a policy
names a country: then they follow that country's weekend and holidays
(`BusinessCalendar`, from the ``holidays`` package).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from functools import lru_cache
from typing import Any, Protocol, SupportsIndex, final

import pendulum

from .errors import _did_you_mean, _short_repr

UTC = timezone.utc
_FRIDAY = 4
_SATURDAY = 5
_SUNDAY = 6
_OFFSET = re.compile(r"([+-])(\d{2}):(\d{2})")
# Offsets written any other way: "GMT+5", "UTC-03:30", "+5", "+0530".
_LOOSE_OFFSET = r"(?i)(UTC|GMT|UT|Z)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?"  # refusals only
# Names a zone database may hold that stand for the machine's own setting, or
# for no real place: a plan must not depend on where it runs.
_MACHINE_ZONES = frozenset({"localtime", "posixrules", "factory"})
_MACHINE_PREFIXES = ("posix/", "right/", "systemv/")

NO_HOLIDAYS: frozenset[date] = frozenset()
WEEKEND = frozenset({_SATURDAY, _SUNDAY})
"""The weekend when no country is named: Saturday and Sunday (weekdays 5 and 6)."""


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


class DateTime(pendulum.DateTime):
    """The library's pendulum DateTime: it compares by instant, even in a repeated hour.

    Python compares two datetimes that share one tzinfo object by their wall
    clocks and ignores ``fold``: in the hour a DST change repeats, 01:50 EDT
    (the first 01:50) sorts after 01:20 EST, half an hour later.  Every
    datetime the library hands out shares its zone's tzinfo, so an interview
    that spans a fall-back hour (America/New_York, or Australia/Lord_Howe's
    half hour) gave steps whose ``earliest <= suggested <= latest`` read
    False, and a plan sorted by its public times came out of order.  This
    subclass compares (and hashes) aware values by their UTC instants, as
    Python already does for two different zones, and wins the comparison
    when the other side is a plain datetime (a subclass's reflected method
    runs first).  Its name, repr and arithmetic (by instant) are pendulum's;
    it pickles and copies with its ``fold``, which pendulum's pickle drops.
    """

    def _instant(self, other: object) -> tuple[datetime, datetime] | None:
        """Both sides as UTC stdlib datetimes, or None when either is no aware datetime
        (a naive one compares as Python's own: by its wall clock, never equal to an aware one)."""
        if not isinstance(other, datetime):
            return None
        if other.tzinfo is None or other.utcoffset() is None:
            return None
        if self.tzinfo is None or self.utcoffset() is None:
            return None
        return utc(self), utc(other)

    def __eq__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__eq__(self, other) if pair is None else pair[0] == pair[1]

    def __ne__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__ne__(self, other) if pair is None else pair[0] != pair[1]

    def __lt__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__lt__(self, other) if pair is None else pair[0] < pair[1]  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__le__(self, other) if pair is None else pair[0] <= pair[1]  # type: ignore[operator]

    def __gt__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__gt__(self, other) if pair is None else pair[0] > pair[1]  # type: ignore[operator]

    def __ge__(self, other: object) -> bool:
        pair = self._instant(other)
        return datetime.__ge__(self, other) if pair is None else pair[0] >= pair[1]  # type: ignore[operator]

    def __hash__(self) -> int:
        if self.tzinfo is None or self.utcoffset() is None:
            return datetime.__hash__(self)  # naive: by its wall clock, as Python does
        return hash(utc(self))

    def astimezone(self, tz: tzinfo | None = None) -> DateTime:
        """The same instant in *tz*, in pendulum's own zone type when *tz* is a stdlib one.

        pendulum's arithmetic knows only its own zones: ``x.astimezone(timezone.utc)
        + timedelta(hours=1)`` on a plain pendulum DateTime drops the zone and gives a
        naive time.  An app that converts a planned time to ``datetime.timezone.utc``
        or a ``ZoneInfo`` and adds to it keeps an aware time here.
        """
        moment = super().astimezone(tz)
        zone = moment.tzinfo
        if zone is None or isinstance(zone, (pendulum.Timezone, pendulum.FixedTimezone)):
            return moment
        key = getattr(zone, "key", None)
        if isinstance(key, str):
            return moment.replace(tzinfo=pendulum.timezone(key))
        offset = zone.utcoffset(moment)
        if offset is None:
            return moment
        named = pendulum.UTC if offset == timedelta(0) and zone.tzname(moment) == "UTC" else None
        return moment.replace(tzinfo=named or pendulum.FixedTimezone(int(offset.total_seconds())))

    def __reduce_ex__(self, protocol: SupportsIndex) -> Any:
        # The stdlib form, fold included: pendulum's own drops the fold, and a
        # moment of a repeated hour would come back from a pickle or a copy as
        # the other one of the two.
        return type(self), datetime.__reduce_ex__(self, 4)[1]


def to_pendulum(moment: datetime) -> pendulum.DateTime:
    """Rebuild an aware stdlib datetime as the library's `DateTime`, same instant and zone."""
    if type(moment) is datetime:
        # The datetime constructor's pickle form: the ten bytes of the wall
        # clock (the fold in the month's top bit) and the tzinfo, as they are.
        # A third of the cost of passing the seven fields, the fold included.
        return DateTime(*moment.__reduce_ex__(4)[1])
    if type(moment) is DateTime:
        return moment
    return DateTime(*_wall_clock(moment), tzinfo=moment.tzinfo, fold=moment.fold)


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
    if type(moment) is not datetime:
        # A subclass (pendulum's): as a stdlib datetime first, same wall clock,
        # fold and zone, through the constructor's pickle form.  A zone reads
        # the offset of a stdlib datetime in C, of a subclass ten times slower.
        moment = datetime(*datetime.__reduce_ex__(moment, 4)[1])
    assert moment.tzinfo is not None  # every datetime here was checked to be aware
    return moment if moment.tzinfo is UTC else moment.astimezone(UTC)


# Small caches keyed by the tzinfo's identity: pendulum's own __hash__ is
# Python code and costs more than the lookup saves.  Each entry keeps its
# tzinfo, and a hit must be that very object, so a recycled id cannot match.
_CACHE_SIZE = 16384
_LOCAL: dict[tuple[int, int], tuple[datetime, tzinfo, pendulum.DateTime]] = {}
_WINDOWS: dict[tuple[date, time, time, int], tuple[tzinfo, tuple[datetime, datetime] | None]] = {}
_BUSINESS: dict[tuple[date, int], tuple[BusinessCalendar, bool]] = {}
_FOLDED: dict[int, tuple[time, time]] = {}
_DAILY: dict[tuple[int, int], tuple[datetime, tzinfo, time, time, datetime]] = {}
_AFTER: dict[int, tuple[datetime, tzinfo, int, object, date]] = {}


def clear_caches() -> None:
    """Forget the cached zones, windows, local times, waking moments and business days.

    Benchmarks and tests call it.  The countries' holiday calendars stay:
    they are data, not answers.
    """
    zone.cache_clear()
    _LOCAL.clear()
    _WINDOWS.clear()
    _BUSINESS.clear()
    _DAILY.clear()
    _AFTER.clear()
    _FOLDED.clear()


def to_local(instant: datetime, tz: tzinfo) -> pendulum.DateTime:
    """The pendulum DateTime a wall clock in *tz* shows at the UTC *instant*.

    Cached by the identity of the instant and the zone: the steps of one
    plan share their instant objects (every in-room step starts and ends
    with the interview; windows come from their own cache), and hashing a
    fresh aware datetime costs as much as the lookup saves.  An equal
    instant that is another object is simply converted again.
    """
    key = (id(instant), id(tz))
    hit = _LOCAL.get(key)
    if hit is not None and hit[0] is instant and hit[1] is tz:
        return hit[2]
    local = to_pendulum(instant.astimezone(tz))
    if len(_LOCAL) >= _CACHE_SIZE:
        _LOCAL.clear()
    _LOCAL[key] = (instant, tz, local)
    return local


def local_window(
    window: tuple[datetime, datetime, datetime], tz: tzinfo
) -> tuple[pendulum.DateTime, pendulum.DateTime, pendulum.DateTime]:
    """A planned window of UTC instants (earliest, latest, suggested) on the wall clock of *tz*.

    What `to_local` gives for each, in one call: the two ends through its
    cache (the steps of a plan share their ends: every in-room step starts
    and ends with the interview), a suggested moment equal to an end as
    that end, any other converted once.  The instants are the planner's
    stdlib UTC datetimes.  Written out rather than calling `to_local` and
    `to_pendulum`: the layers of calls around each conversion cost about a tenth
    of reading every time of a plan (issue 20, fifth pass).
    """
    earliest, latest, suggested = window
    zone_id = id(tz)
    key = (id(earliest), zone_id)
    hit = _LOCAL.get(key)
    if hit is not None and hit[0] is earliest and hit[1] is tz:
        first = hit[2]
    else:
        first = _PENDULUM(*_REDUCE(earliest.astimezone(tz), 4)[1])
        if len(_LOCAL) >= _CACHE_SIZE:
            _LOCAL.clear()
        _LOCAL[key] = (earliest, tz, first)
    key = (id(latest), zone_id)
    hit = _LOCAL.get(key)
    if hit is not None and hit[0] is latest and hit[1] is tz:
        last = hit[2]
    else:
        last = _PENDULUM(*_REDUCE(latest.astimezone(tz), 4)[1])
        if len(_LOCAL) >= _CACHE_SIZE:
            _LOCAL.clear()
        _LOCAL[key] = (latest, tz, last)
    if suggested == earliest:
        return first, last, first
    if suggested == latest:
        return first, last, last
    return first, last, _PENDULUM(*_REDUCE(suggested.astimezone(tz), 4)[1])


_PENDULUM = DateTime
_REDUCE = datetime.__reduce_ex__  # `to_pendulum`'s road, for a stdlib datetime


def local_date(moment: datetime, tz: tzinfo) -> date:
    """The calendar date of *moment* on a wall clock in *tz* (a stdlib date, fast to add to)."""
    if type(moment) is not datetime:  # a pendulum DateTime: its astimezone is Python code
        moment = utc(moment)
    return moment.astimezone(tz).date()  # a stdlib datetime's date is a stdlib date


def local_instant(day: date, wall: time, tz: tzinfo, *, late: bool = False) -> datetime:
    """The UTC instant a wall clock in *tz* shows *wall* on *day*.

    Without *late*, a wall time skipped by a DST change moves forward past the
    gap and an ambiguous one takes its first occurrence.  With *late*, a
    skipped time moves back before the gap and an ambiguous one takes its
    second occurrence: the right choice for the end of a window.
    """
    return datetime.combine(day, _folded(wall) if late else wall, tz).astimezone(UTC)


def _folded(wall: time) -> time:
    """*wall* with ``fold=1``: what `local_instant` combines for the end of a window.

    Cached by the identity of *wall* (a policy's window times, the waking hours),
    like `to_local`: ``replace(fold=1)`` on the datetime, as this module did, took a
    quarter of a window's making, which a plan does about once on a cold cache
    (issue 20, twelfth pass).  ``datetime.combine`` keeps the time's fold.
    """
    hit = _FOLDED.get(id(wall))
    if hit is not None and hit[0] is wall:
        return hit[1]
    folded = wall.replace(fold=1)
    if len(_FOLDED) >= _CACHE_SIZE:
        _FOLDED.clear()
    _FOLDED[id(wall)] = (wall, folded)
    return folded


_ONE_MICROSECOND = timedelta(microseconds=1)
_ONE_DAY = timedelta(days=1)  # made once: timedelta(days=...) costs more than the addition


def day_start(day: date, tz: tzinfo) -> datetime:
    """The first UTC instant whose wall clock in *tz* shows the date *day*.

    Usually local midnight; on a day whose midnight a DST change skips
    (Africa/Cairo, America/Havana, America/Santiago in spring) it is the
    instant of the change, when the clock jumps from 23:59:59 of the day
    before to 01:00.  A wall-clock "midnight" there does not exist, and
    libraries that build it (``start_of("day")``) land on the day before.
    """
    # Midnight read with the offset in force before it: for a midnight skipped
    # by a DST change that is the very instant of the jump, the first of the
    # new date; for a midnight that occurs twice, fold 0 is the first time.
    first = datetime.combine(day, time(0), tz).astimezone(UTC)
    before = (first - _ONE_MICROSECOND).astimezone(tz).date()
    if first.astimezone(tz).date() == day and before < day:
        return first
    # A change that does not fall on midnight itself (23:30 to 00:30): the
    # first instant showing *day* lies within a few hours; bisect for it.  No
    # zone of the tz database has one, a user's own tzinfo may
    # (tests/test_calendar_mut19.py, `Hop`).
    low, high = first - timedelta(hours=6), first + timedelta(hours=6)
    while high - low > _ONE_MICROSECOND:
        middle = low + (high - low) // 2
        if middle.astimezone(tz).date() < day:
            low = middle
        else:
            high = middle
    return high


def day_end(day: date, tz: tzinfo) -> datetime:
    """The last UTC instant (to the microsecond) whose wall clock in *tz* shows *day*."""
    return day_start(day + _ONE_DAY, tz) - _ONE_MICROSECOND


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
    # `local_instant` of the start, and with *late* of the end, written out
    opens = datetime.combine(day, start, tz).astimezone(UTC)
    closes = datetime.combine(day, _folded(end), tz).astimezone(UTC)
    if closes < opens or opens.astimezone(tz).date() != day or closes.astimezone(tz).date() != day:
        return None
    return opens, closes


class HolidaySource(Protocol):
    """What this module reads of a ``holidays`` package calendar (``HolidayBase``)."""

    def __contains__(self, key: object, /) -> bool: ...

    def is_weekend(self, key: date, /) -> bool: ...

    def is_working_day(self, key: date, /) -> bool: ...


@final
class BusinessCalendar:
    """The business days of one country (or subdivision): its own weekend, its public holidays.

    Wraps a ``holidays`` package calendar, which knows each country's weekend
    (Friday and Saturday in Israel, Friday in Iran, Sunday in Hong Kong,
    Friday and Saturday in Kelantan but not in the rest of Malaysia), the
    days it changed (Saturday and Sunday in the United Arab Emirates since
    2022, Friday and Saturday before), and the weekend days a country works
    to make up for a bridge day.  As a ``Container[date]`` it holds the
    public holidays, so it goes wherever this module takes *holidays*; the
    functions then count this country's weekend instead of Saturday and
    Sunday.  Answers are cached by day like the windows (`clear_caches`).

    Attributes:
        code: the country and subdivision as a policy writes them, ``"IL"``
            or ``"MY-03"``.
    """

    __slots__ = ("_source", "code")

    def __init__(self, source: HolidaySource, code: str) -> None:
        self._source = source
        self.code = code

    def __repr__(self) -> str:
        return f"BusinessCalendar({self.code!r})"

    def __contains__(self, day: object) -> bool:
        """Whether *day* is a public holiday (a weekend day is not one)."""
        return day in self._source

    def is_business_day(self, day: date) -> bool:
        """Not a weekend day (unless the country works it) and not a public holiday."""
        key = (day, id(self))
        hit = _BUSINESS.get(key)
        if hit is not None and hit[0] is self:
            return hit[1]
        answer = bool(self._source.is_working_day(day))
        if len(_BUSINESS) >= _CACHE_SIZE:
            _BUSINESS.clear()
        _BUSINESS[key] = (self, answer)
        return answer

    def weekend(self, day: date) -> frozenset[int]:
        """The weekdays (Monday 0 to Sunday 6) of the weekend in the seven days from *day*.

        Countries change their weekend now and then: the answer is the one
        in force on those days.
        """
        start = date(day.year, day.month, day.day)  # a pendulum Date adds slowly
        days = [start + timedelta(days=ahead) for ahead in range(7)]
        return frozenset(each.weekday() for each in days if self._source.is_weekend(each))


@lru_cache(maxsize=64)
def country_calendar(country: str, subdivision: str | None) -> BusinessCalendar:
    """The business days of *country* (and *subdivision*), from the ``holidays`` package.

    Raises:
        ImportError: the optional ``holidays`` package is not installed.
        NotImplementedError: the package knows no such country or subdivision.
    """
    import holidays  # optional extra: imported only when a policy names a country

    source: HolidaySource = holidays.country_holidays(country, subdiv=subdivision)
    return BusinessCalendar(source, country if subdivision is None else f"{country}-{subdivision}")


def weekend_of(holidays: Container[date], day: date) -> frozenset[int]:
    """The weekdays that are the weekend around *day*: Saturday and Sunday, or a country's own."""
    if type(holidays) is BusinessCalendar:
        return holidays.weekend(day)
    return WEEKEND


def _working_week(weekend: frozenset[int]) -> tuple[int, ...]:
    """The working weekdays in the order of the week: from the day after the weekend.

    The week starts after the weekend day followed by the longest run of
    working days: Monday after a Saturday-Sunday weekend, Sunday in Israel,
    Saturday in Iran, Monday in Brunei (Friday and Sunday off).
    """
    if not weekend or len(weekend) == 7:
        return tuple(day for day in range(7) if day not in weekend)

    def run_after(off: int) -> int:
        length = 0
        while (off + length + 1) % 7 not in weekend:
            length += 1
        return length

    first = (max(sorted(weekend), key=run_after) + 1) % 7
    order = [(first + offset) % 7 for offset in range(7)]
    return tuple(day for day in order if day not in weekend)


def week_start(weekend: frozenset[int]) -> int:
    """The weekday a week starts on, given its weekend: Monday, or the day after the weekend."""
    working = _working_week(weekend)
    return working[0] if working else 0


def working_week_runs(weekend: frozenset[int]) -> list[list[int]]:
    """The working weekdays in runs of days that follow one another, in the order of the
    week: ``[[0, 1, 2, 3, 4]]`` for Monday to Friday, ``[[0, 1, 2, 3], [5]]``."""
    runs: list[list[int]] = []
    for day in _working_week(weekend):
        if runs and (runs[-1][-1] + 1) % 7 == day:
            runs[-1].append(day)
        else:
            runs.append([day])
    return runs


def _monday_to_friday(day: date) -> bool:
    return day.weekday() < _SATURDAY


def _business_test(holidays: Container[date]) -> Callable[[date], bool]:
    """The test of a business day on *holidays*' calendar, looked up once for a loop."""
    if holidays is NO_HOLIDAYS:
        return _monday_to_friday
    if type(holidays) is BusinessCalendar:
        return holidays.is_business_day
    return lambda day: day.weekday() < _SATURDAY and day not in holidays


def is_business_day(day: date, holidays: Container[date] = NO_HOLIDAYS) -> bool:
    """Not a weekend day and not a public holiday.

    The weekend is Saturday and Sunday, or a `BusinessCalendar`'s own
    (Friday and Saturday in Israel...); *holidays* is a container of the
    public holidays, or that calendar.
    """
    if holidays is NO_HOLIDAYS:
        return day.weekday() < _SATURDAY
    if type(holidays) is BusinessCalendar:
        return holidays.is_business_day(day)
    return day.weekday() < _SATURDAY and day not in holidays


def business_day_on_or_after(day: date, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """*day* itself if it is a business day, else the next one."""
    if holidays is NO_HOLIDAYS:  # the planner's usual case: no call per day
        while day.weekday() >= _SATURDAY:
            day += _ONE_DAY
        return day
    business = _business_test(holidays)
    while not business(day):
        day += _ONE_DAY
    return day


def add_business_days(day: date, count: int, holidays: Container[date] = NO_HOLIDAYS) -> date:
    """The *count*-th business day after *day* (``count >= 1``); *day* itself is not counted."""
    if holidays is NO_HOLIDAYS and count > 0:
        # Weekends only: whole weeks, then the rest, stepping over one weekend
        # when the rest runs past Friday.  A weekend day counts from its Friday.
        # On ordinals: a timedelta(days=...) costs twice the rest of the sum.
        weekday = day.weekday()
        ordinal = day.toordinal()
        if weekday >= _SATURDAY:
            ordinal -= weekday - _FRIDAY
            weekday = _FRIDAY
        weeks, rest = divmod(count, 5)
        ahead = 7 * weeks + rest + (2 if weekday + rest > _FRIDAY else 0)
        return type(day).fromordinal(ordinal + ahead)
    business = _business_test(holidays)
    while count > 0:
        day += _ONE_DAY
        if business(day):
            count -= 1
    return day


def business_days_after(
    moment: datetime, tz: tzinfo, count: int, holidays: Container[date] = NO_HOLIDAYS
) -> date:
    """The *count*-th business day after the date *moment* shows in *tz* (``count >= 1``):
    ``add_business_days(local_date(moment, tz), count, holidays)``.

    What the limits on a follow-up's day count from (`limits`): the interview's end,
    the last thank-you, the last contact.  Cached by the identity of *moment*, *tz*
    and *holidays*, like `to_local`: a plan asks the same of the same instant for each
    of its check-ins (the interview's end and the thank-you's moment are shared by
    every state of the plan, and a check-in's moment is often a cached window's
    opening, shared plan after plan), where converting it and counting again cost
    a tenth of `plan()` (issue 20, tenth pass).  An equal instant that is another
    object is simply worked out again.  Only the calendars that are data are cached
    (none, or a country's `BusinessCalendar`): any other container may change.

    Keyed by the instant's identity alone, one entry an instant (the limits ask each
    instant in one zone, with one count): a key is then an int, which the garbage
    collector does not track, and an entry one tuple, where a tuple key made a second
    tracked object an entry and a tuple on every call (issue 20, tenth pass: the
    entries a plan adds count towards the next collection like the plan's own objects).
    """
    if holidays is not NO_HOLIDAYS and type(holidays) is not BusinessCalendar:
        return add_business_days(local_date(moment, tz), count, holidays)
    key = id(moment)
    hit = _AFTER.get(key)
    if (
        hit is not None
        and hit[0] is moment
        and hit[1] is tz
        and hit[2] == count
        and hit[3] is holidays
    ):
        return hit[4]
    found = add_business_days(local_date(moment, tz), count, holidays)
    if len(_AFTER) >= _CACHE_SIZE:
        _AFTER.clear()
    _AFTER[key] = (moment, tz, count, holidays, found)
    return found


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
    business = _business_test(holidays)
    count = 0
    day = earlier
    while day < later:
        day += _ONE_DAY
        if business(day):
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
    open_from: datetime | None = None,
) -> tuple[datetime, datetime]:
    """The first business-day window ``[start, end]`` on or after *day*, in UTC.

    With *not_before*, a window that opens before that instant is skipped, so
    the result opens at or after it.  With *open_from*, a window that closes
    before that instant is skipped, and one already open then is cut to start
    at it: what is left of the windows from that moment on (a plan seen from
    *now*).  Every window of a day before the local date of either instant
    ends before it, so the search starts at that date: a history thousands of
    years after the interview costs no more than one a week after it.
    """
    day = business_day_on_or_after(day, holidays)
    # Usually the first business day's window already qualifies.  Its two
    # instants show *day* in *tz*, so neither instant can show a later date
    # then, and the search from their dates below would start on this very
    # day: no need to convert them to *tz* (issue 20, ninth pass).
    found = _qualifying(window_on(day, start, end, tz), not_before, open_from)
    if found is not None:
        return found
    if not_before is not None:
        day = max(day, local_date(not_before, tz))
    if open_from is not None:
        day = max(day, local_date(open_from, tz))
    day = business_day_on_or_after(day, holidays)
    while True:
        found = _qualifying(window_on(day, start, end, tz), not_before, open_from)
        if found is not None:
            return found
        day = add_business_days(day, 1, holidays)


def _qualifying(
    window: tuple[datetime, datetime] | None,
    not_before: datetime | None,
    open_from: datetime | None,
) -> tuple[datetime, datetime] | None:
    """*window* as `first_window` offers it (cut to start at *open_from*), or None when it
    opens before *not_before* or closes before *open_from* (or there is none that day)."""
    if (
        window is None
        or (not_before is not None and window[0] < not_before)
        or (open_from is not None and window[1] < open_from)
    ):
        return None
    if open_from is not None and window[0] < open_from:
        return open_from, window[1]
    return window


def first_moment_daily(moment: datetime, start: time, end: time, tz: tzinfo) -> datetime:
    """The first UTC instant at or after *moment* inside the local ``[start, end]`` of any day."""
    if type(moment) is not datetime or moment.tzinfo is not UTC:  # else `utc` gives it back
        moment = utc(moment)
    day = moment.astimezone(tz).date()
    for _ in range(3):  # a DST change may swallow a day's window, never two
        window = window_on(day, start, end, tz)
        if window is not None and moment <= window[1]:
            return window[0] if window[0] > moment else moment  # `max`, the same object
        day += _ONE_DAY  # not `timedelta(days=...)`, made at each call (issue 20, twelfth pass)
    return moment  # pragma: no cover - three days without the hours


def first_moment_daily_of(moment: datetime, start: time, end: time, tz: tzinfo) -> datetime:
    """`first_moment_daily` of a UTC *moment* that is usually a cached window's opening:
    cached by the identity of *moment*, *tz* and the hours, like `to_local`.

    The e-mails' suggested moment (`rules.awake_suggestion`): a check-in opens at its
    send window's first moment, an instant the window cache (`window_on`) gives
    every plan whose step falls on that day and zone, so the same object comes
    back plan after plan; converting it to the candidate's zone and looking up
    the day's waking hours each time cost about a twentieth of `plan()` (issue
    20, eighth pass).  An equal instant that is another object is simply
    computed again.
    """
    key = (id(moment), id(tz))
    hit = _DAILY.get(key)
    if hit is not None and hit[0] is moment and hit[1] is tz and hit[2] is start and hit[3] is end:
        return hit[4]
    found = first_moment_daily(moment, start, end, tz)
    if len(_DAILY) >= _CACHE_SIZE:
        _DAILY.clear()
    _DAILY[key] = (moment, tz, start, end, found)
    return found


def first_moment_in_window(
    moment: datetime,
    start: time,
    end: time,
    tz: tzinfo,
    holidays: Container[date] = NO_HOLIDAYS,
) -> datetime:
    """The first UTC instant at or after *moment* inside a business-day window."""
    if type(moment) is not datetime or moment.tzinfo is not UTC:  # else `utc` gives it back
        moment = utc(moment)
    day = moment.astimezone(tz).date()
    if day.weekday() < _SATURDAY if holidays is NO_HOLIDAYS else is_business_day(day, holidays):
        window = window_on(day, start, end, tz)
        if window is not None:
            if window[0] <= moment <= window[1]:
                return moment
            if moment > window[1]:
                # Every window of a later day opens after *moment*, which shows *day*:
                # search from the next business day, *moment* not converted again.
                day = add_business_days(day, 1, holidays)
    return first_window(day, start, end, tz, not_before=moment, holidays=holidays)[0]
