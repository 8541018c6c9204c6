"""A time zone as an iCalendar ``VTIMEZONE`` that every calendar reader reads the same.

A calendar item written ``DTSTART;TZID=Europe/Berlin:20260716T100000`` is
placed by the reader with the file's own ``VTIMEZONE`` of that name: Mozilla's
ical.js (Thunderbird), vobject and CalDAV servers such as Radicale build the
zone from the file, never from their own database.  So the zone must be
written in the form they all understand:

- each change of offset is an observance (``STANDARD`` or ``DAYLIGHT``) with
  its onset (``DTSTART``, local time before the change) and the offsets
  before and after;
- changes that repeat every year by one rule ("second Sunday of March at
  02:00") are one observance with a yearly ``RRULE``; changes that follow no
  rule are one observance each.  No observance lists its onsets as one
  comma-separated ``RDATE``: ical.js and vobject read only the first value
  of such a list, which put 75 of 170 items an hour late;
- the zone covers every year its items fall in (from 2000 on), and some
  years beyond; the last rule is written open-ended (no ``UNTIL``), so an
  item moved later in the calendar app is still read right, 2038 and
  later included;
- a local time that happens twice (01:30 when the clocks go back) is not
  written in local time at all (see `followup_rules.export`).

The observances are worked out from the zone itself (any ``tzinfo``), by
scanning its offsets day by day and pinning each change to the second, so
what the file says is what the library computed with.  Pure: no clock, no
disk beyond the zone data the ``tzinfo`` already holds.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

import attrs

__all__ = ["Observance", "observances"]

_UTC = timezone.utc
_DAY = 86_400
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_State = tuple[timedelta, timedelta, str]  # offset, daylight saving, abbreviation
_DayRule = tuple[str, tuple[int, ...]]  # see _day_rules
Rule = tuple[tuple[str, tuple[str | int, ...]], ...]
"""A yearly ``RRULE`` as its parts, e.g. ``(("FREQ", ("YEARLY",)), ("BYMONTH", (3,)), ...)``."""
_LOOK_AHEAD = 8
"""Years scanned past the last one a calendar uses (see `observances`)."""


@attrs.frozen
class _Change:
    """One change of a zone's offset, name or daylight-saving flag."""

    at: int  # POSIX seconds
    before: timedelta
    after: timedelta
    dst: timedelta
    name: str

    @property
    def onset(self) -> datetime:
        """When it happens, in the local time before it (as ``DTSTART`` is written)."""
        return datetime(1970, 1, 1) + timedelta(seconds=self.at) + self.before


@attrs.frozen
class Observance:
    """One ``STANDARD`` or ``DAYLIGHT`` part of a ``VTIMEZONE``.

    Attributes:
        daylight: a ``DAYLIGHT`` observance (else ``STANDARD``).
        onset: its first onset, local time before it (``DTSTART``).
        offset_from: the offset before each onset (``TZOFFSETFROM``).
        offset_to: the offset from each onset on (``TZOFFSETTO``).
        name: the zone's abbreviation then (``TZNAME``), or None.
        rule: the yearly rule of its onsets (``RRULE`` parts), or None for one onset.
        until: the last onset of a rule that stops, in UTC, or None.
    """

    daylight: bool
    onset: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str | None
    rule: Rule | None = None
    until: datetime | None = None


def _state(tz: tzinfo, at: int) -> _State:
    local = datetime.fromtimestamp(at, tz)
    offset = local.utcoffset()
    if offset is None:  # pragma: no cover - an aware zone always has one
        raise ValueError("time zone gives no UTC offset")
    return offset, local.dst() or timedelta(0), local.tzname() or ""


def _changes(tz: tzinfo, start: int, end: int) -> tuple[_State, list[_Change]]:
    """The zone's state at *start*, and every change from then to *end* (POSIX seconds)."""
    first = state = _state(tz, start)
    found: list[_Change] = []
    at = start
    while at < end:
        probe = min(at + _DAY, end)
        after = _state(tz, probe)
        if after != state:
            low, high = at, probe  # state at low, another at high: pin the change
            while high - low > 1:
                middle = (low + high) // 2
                if _state(tz, middle) == state:
                    low = middle
                else:
                    high = middle
            after = _state(tz, high)
            found.append(_Change(high, state[0], after[0], after[1], after[2]))
            state, at = after, high
        else:
            at = probe
    return first, found


def _day_rules(day: date) -> set[_DayRule]:
    """The yearly rules that give *day*: a weekday and its place in the month.

    ``("2SU", ())`` is the second Sunday, ``("-1SU", ())`` the last, and
    ``("FR", (23, ..., 29))`` the first Friday on or after the 23rd (as
    Israel's rule reads).
    """
    weekday = _WEEKDAYS[day.weekday()]
    last = calendar.monthrange(day.year, day.month)[1]
    rules: set[_DayRule] = set()
    nth = (day.day - 1) // 7 + 1
    if nth <= 4:
        rules.add((f"{nth}{weekday}", ()))
    if day.day > last - 7:
        rules.add((f"-1{weekday}", ()))
    days = 28 if day.month == 2 else last  # February: in every year
    for first in range(max(1, day.day - 6), day.day + 1):
        if first + 6 <= days:
            rules.add((weekday, tuple(range(first, first + 7))))
    return rules


def _preferred(rules: set[_DayRule]) -> _DayRule:
    """The plainest of rules that give the same days: "2SU", then "-1SU", then a range."""
    return min(rules, key=lambda rule: (len(rule[1]), rule[0].startswith("-"), rule))


def _rule_parts(month: int, rule: _DayRule) -> Rule:
    weekday, days = rule
    parts: list[tuple[str, tuple[str | int, ...]]] = [
        ("FREQ", ("YEARLY",)),
        ("BYMONTH", (month,)),
        ("BYDAY", (weekday,)),
    ]
    if days:
        parts.append(("BYMONTHDAY", days))
    return tuple(parts)


def _runs(changes: Sequence[_Change]) -> list[tuple[list[_Change], set[_DayRule]]]:
    """The changes grouped into yearly runs of one rule, in order of first onset.

    A run is a change that comes back every year at the same wall-clock time,
    in the same month, between the same offsets, on a day one rule gives.
    """
    runs: list[tuple[list[_Change], set[_DayRule]]] = []
    open_runs: dict[tuple[object, ...], int] = {}
    for change in changes:
        onset = change.onset
        key = (
            change.before,
            change.after,
            change.dst,
            change.name,
            onset.month,
            onset.time(),
        )
        rules = _day_rules(onset.date())
        index = open_runs.get(key)
        if index is not None:
            members, common = runs[index]
            if members[-1].onset.year == onset.year - 1 and common & rules:
                members.append(change)
                runs[index] = (members, common & rules)
                continue
        open_runs[key] = len(runs)
        runs.append(([change], rules))
    return runs


def _observances_of(
    first: _State, start: int, changes: Sequence[_Change], last_year: int
) -> tuple[Observance, ...]:
    offset, dst, name = first
    # Europe/Dublin and Africa/Casablanca keep a negative daylight saving
    # time in winter (tzdata's main form).  Calendars expect the usual
    # labels: the lower offset STANDARD, the higher one DAYLIGHT (vobject
    # takes a zone with no DAYLIGHT part that is +00:00 in January for UTC).
    # So an offset with no saving is DAYLIGHT only where a negative saving
    # lowers that same offset: Casablanca's +01 since 2018 (Ramadan +00),
    # not its +00 of the years before, when +01 was its summer time.  Only the
    # changes name those offsets: Dublin is negative again every winter, and
    # Prague, negative only until February 1947, is then labelled as usual.
    lowered = {change.after - change.dst for change in changes if change.dst < timedelta(0)}

    def daylight(saving: timedelta, to: timedelta) -> bool:
        return saving > timedelta(0) or (saving == timedelta(0) and to in lowered)

    onset = datetime(1970, 1, 1) + timedelta(seconds=start) + offset
    found = [Observance(daylight(dst, offset), onset, offset, offset, name or None)]
    for members, rules in _runs(changes):
        head = members[0]
        observance = Observance(
            daylight(head.dst, head.after), head.onset, head.before, head.after, head.name or None
        )
        if len(members) > 1:
            tail = members[-1]
            # A day after the last onset: the same bound whether a reader takes
            # UNTIL as UTC (RFC 5545) or as local time (dateutil, vobject).
            until = datetime.fromtimestamp(tail.at + _DAY, _UTC)
            observance = attrs.evolve(
                observance,
                rule=_rule_parts(head.onset.month, _preferred(rules)),
                until=None if tail.onset.year >= last_year else until,
            )
        found.append(observance)
    return tuple(found)


@lru_cache(maxsize=256)
def _cached(tz: tzinfo, first_year: int, last_year: int) -> tuple[Observance, ...]:
    start = int(datetime(first_year, 1, 1, tzinfo=_UTC).timestamp())
    end = int(datetime(last_year + 1, 1, 1, tzinfo=_UTC).timestamp())
    first, changes = _changes(tz, start, end)
    return _observances_of(first, start, changes, last_year)


def observances(tz: tzinfo, years: Iterable[int]) -> tuple[Observance, ...]:
    """The observances of *tz* for a calendar whose times fall in *years*.

    They cover 2000 (or the year before the first of *years*, if earlier) to
    `_LOOK_AHEAD` years past the last: readers such as vobject compare a zone
    with UTC over 2000-2020 and take one that matches for UTC itself, so
    London's and Dublin's summers must be in the file from 2000 on; and a
    yearly rule is seen in every weekday position before it is written
    open-ended.  The first observance holds the offset in force at the
    start, each later one a change (or a yearly rule of changes).
    """
    wanted = sorted(set(years))
    if not wanted:
        raise ValueError("no year to cover")
    first_year = max(min(wanted[0] - 1, 2000), 1)
    last_year = min(wanted[-1] + _LOOK_AHEAD, 9998)
    return _cached(tz, first_year, last_year)
