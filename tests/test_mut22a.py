"""What the twenty-second mutation pass found untested in `_vtimezone`: the calendar's
zones read right at every change of offset (in zones whose rules fall on a weekday range,
a fourth Sunday, a Saturday before the last Sunday, during Ramadan, or that kept a rule
for only two years), in a calendar whose items fall in the 1990s or in the last years
`datetime` can write, the plainest yearly rule for a fourth Sunday, and the
STANDARD / DAYLIGHT labels of a zone whose daylight saving was positive, then negative.

Every zone here is read by vobject from the file alone (see `test_export_zones`), and
compared with the zone's own offsets, to the second.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pendulum
import pytest
from icalendar import Calendar

from followup_rules import Action, Plan
from followup_rules import _calendar as cal
from followup_rules.export import to_ics

from .test_export_zones import NOW, as_utc, read_by_vobject, signed, step


def changes(zone: str, first: int, last: int) -> list[int]:
    """Every instant (POSIX seconds) from *first* to *last* (years, UTC) at which
    *zone* changes its offset: scanned every six hours, then pinned to the second."""
    tz = cal.zone(zone)

    def offset(at: int) -> timedelta | None:
        return datetime.fromtimestamp(at, tz).utcoffset()

    at = int(datetime(first, 1, 1, tzinfo=timezone.utc).timestamp())
    end = int(datetime(last + 1, 1, 1, tzinfo=timezone.utc).timestamp())
    found: list[int] = []
    while at < end:
        probe = at + 6 * 3600
        if offset(probe) != offset(at):
            low, high = at, probe
            while high - low > 1:
                middle = (low + high) // 2
                if offset(middle) == offset(at):
                    low = middle
                else:
                    high = middle
            found.append(high)
        at = probe
    return found


def around_each_change(zone: str, first: int, last: int) -> list[Action]:
    """A step from the last second before each change to the change itself."""
    return [
        step(pendulum.from_timestamp(at - 1, tz=zone), pendulum.from_timestamp(at, tz=zone))
        for at in changes(zone, first, last)
    ]


def read_right(steps: list[Action]) -> None:
    data = to_ics(Plan(steps), signed(), now=NOW)
    read = sorted(as_utc(read_by_vobject(data)).values())
    expected = sorted((cal.utc(item.earliest), cal.utc(item.latest)) for item in steps)
    assert expected == read


class TestEveryChangeIsReadRight:
    @pytest.mark.parametrize(
        "zone",
        [
            "Asia/Jerusalem",  # the last Friday, then the Friday on or after the 23rd
            "America/Nuuk",  # the Saturday before the last Sunday of March, since 2024
            "America/Asuncion",  # a fourth Sunday; a rule kept two years (2000, 2001)
            "Africa/Casablanca",  # Ramadan: no yearly rule, a negative saving since 2018
            "Africa/Cairo",  # stopped in 2015, back in 2023
            "Australia/Lord_Howe",  # half an hour
            "Antarctica/Troll",  # two hours
            "America/Havana",
            "Asia/Tehran",  # fixed dates, stopped in 2022
        ],
    )
    def test_from_2000_to_2034_each_change_is_read_to_the_second(self, zone: str) -> None:
        """A step from the last second before each change to the change itself: each
        end read on the new offset, each start on the old, in every year the file covers."""
        read_right(around_each_change(zone, 2000, 2034))

    def test_a_calendar_of_the_1990s_covers_them(self) -> None:
        """Items only in 1995 (kept from an old file): the zone starts the year before,
        so New York's summer of 1995 is read as summer."""
        steps = [
            *around_each_change("America/New_York", 1995, 1995),
            step(
                pendulum.datetime(1995, 7, 12, 9, tz="America/New_York"),
                pendulum.datetime(1995, 7, 12, 17, tz="America/New_York"),
            ),
        ]
        read_right(steps)

    def test_an_item_kept_from_the_year_9995_is_read_right(self) -> None:
        """An item of the previous file in 9995 (another application's, kept as it is):
        its zone stops at 9998, so that its end (the first of the next year) is still a
        `datetime`, and the summer of 9995 reads as summer."""
        moment = pendulum.datetime(2025, 7, 9, 9, tz="Europe/Berlin")
        other = signed(company="Globex")
        earlier = to_ics(Plan([step(moment, moment.add(hours=8))]), other, now=NOW)
        kept = earlier.replace(b"20250709T", b"99950709T")
        data = to_ics(Plan([]), signed(), now=NOW, previous=kept)
        nine = datetime(9995, 7, 9, 7, tzinfo=timezone.utc)  # 09:00 at +02:00
        assert [(nine, nine + timedelta(hours=8))] == list(as_utc(read_by_vobject(data)).values())


class TestTheRulesAsWritten:
    def test_a_fourth_sunday_is_written_as_one(self) -> None:
        """Paraguay left summer time on the fourth Sunday of March from 2013 to 2024: the
        plainest rule (``BYDAY=4SU``, as New York's ``2SU``), not a range of days."""
        moment = pendulum.datetime(2020, 7, 2, 10, tz="America/Asuncion")
        data = to_ics(Plan([step(moment, moment.add(hours=8))]), signed(), now=NOW)
        zone = Calendar.from_ical(data).subcomponents[0]
        rules = {
            (part.name, part.decoded("DTSTART").year, part["RRULE"].to_ical())
            for part in zone.subcomponents
            if "RRULE" in part
        }
        march = b"FREQ=YEARLY;UNTIL=20240325T030000Z;BYDAY=4SU;BYMONTH=3"
        assert ("STANDARD", 2013, march) in rules

    def test_the_lower_offset_is_standard_before_and_after_a_negative_saving(self) -> None:
        """Casablanca: +01 was summer time until 2018, and is the usual time since (tzdata
        then writes Ramadan's +00 as a negative saving).  Calendars expect the lower offset
        STANDARD and the higher DAYLIGHT: every part to +00 is STANDARD, every part to +01
        DAYLIGHT, in both periods (before the fix, +00 was DAYLIGHT until 2018)."""
        moment = pendulum.datetime(2024, 7, 2, 10, tz="Africa/Casablanca")
        data = to_ics(Plan([step(moment, moment.add(hours=8))]), signed(), now=NOW)
        zone = Calendar.from_ical(data).subcomponents[0]
        parts = {
            (part.decoded("DTSTART").year < 2018, part["TZOFFSETTO"].td, part.name)
            for part in zone.subcomponents
        }
        zero, one = timedelta(0), timedelta(hours=1)
        assert parts == {
            (True, zero, "STANDARD"),
            (True, one, "DAYLIGHT"),
            (False, zero, "STANDARD"),
            (False, one, "DAYLIGHT"),
        }

    def test_a_zone_starting_on_its_higher_offset_labels_it_daylight(self) -> None:
        """Namibia, 1994 to 2017: +02 its usual time, +01 its winter (a negative saving in
        tzdata).  The file starts on 1 January 2000, at +02: that first part is DAYLIGHT
        like every later part to +02, and every part to +01 STANDARD."""
        moment = pendulum.datetime(2016, 7, 2, 10, tz="Africa/Windhoek")
        data = to_ics(Plan([step(moment, moment.add(hours=8))]), signed(), now=NOW)
        zone = Calendar.from_ical(data).subcomponents[0]
        parts = [(part["TZOFFSETTO"].td, part.name) for part in zone.subcomponents]
        one, two = timedelta(hours=1), timedelta(hours=2)
        assert parts[0] == (two, "DAYLIGHT")
        assert set(parts) == {(one, "STANDARD"), (two, "DAYLIGHT")}
