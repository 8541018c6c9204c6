"""Calendar times as the readers people use place them (issue 18, item 6).

A calendar reader builds each zone from the file's own ``VTIMEZONE``: Mozilla's
ical.js (Thunderbird) always, vobject through dateutil, and a CalDAV server
stores the zone as written and serves it to every client.  So these tests read
the files with those parsers, never with one that looks zones up by name:
vobject here (its registry is emptied first and every time it returns must
come from the file), and ical.js under node when it is installed
(``npm install ical.js``; the tests skip otherwise).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time as pytime
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pendulum
import pytest
import vobject
from dateutil.tz import tzutc
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Channel,
    Plan,
    action_ids,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules._vtimezone import observances
from followup_rules.export import to_ics, to_ics_many

from .factories import ANA, interview
from .strategies import interviews

# A plan, a whole calendar with its messages and a parse per example: at most
# 150 examples even in CI (the profile's own number when smaller).
EXPENSIVE = settings(max_examples=min(settings.default.max_examples, 150))
NOW = pendulum.datetime(2026, 7, 1, tz="UTC")
SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ics_times.mjs"
Times = dict[str, tuple[datetime, datetime]]


def signed(**changes: Any) -> Any:
    return interview(
        **{
            "candidate": Candidate("Sam Lee", email="sam@example.com"),
            "decision_by": date(2024, 7, 10),
            **changes,
        }
    )


def read_by_vobject(data: bytes, *, vobjects_own_choice: bool = False) -> Times:
    """Each item's start and end by UID, as vobject places them from the file's zones.

    vobject keeps a registry of zones across files, and skips a file's zone
    that matches UTC over 2000-2020 (it then looks the TZID up by name in
    pytz).  So the registry is emptied, and each of the file's VTIMEZONEs is
    registered as vobject reads it (dateutil's reading of the component);
    with *vobjects_own_choice*, vobject registers them itself.  Either way, a
    time whose zone is not the file's or UTC fails the test.
    """
    registry = vars(vobject.icalendar)["__tzidMap"]
    registry.clear()
    registry["UTC"] = tzutc()
    text = data.decode("utf-8")
    if not vobjects_own_choice:
        for zone in getattr(vobject.readOne(text), "vtimezone_list", []):
            registry[zone.tzid.value] = zone.gettzinfo()
    found: Times = {}
    calendar = vobject.readOne(text)
    for item in calendar.getChildren():
        if item.name not in ("VEVENT", "VTODO"):
            continue
        start = item.dtstart.value
        end = (item.dtend if item.name == "VEVENT" else item.due).value
        for moment in (start, end):
            kind = type(moment.tzinfo).__name__
            assert kind in ("_tzicalvtz", "tzutc"), f"{item.uid.value}: zone from {kind}"
        found[str(item.uid.value)] = (start, end)
    return found


def read_by_icaljs(data: bytes, tmp_path: Path) -> Times:
    """Each item's start and end by UID, as Thunderbird's ical.js places them."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    path = tmp_path / "calendar.ics"
    path.write_bytes(data)
    done = subprocess.run(
        [node, str(SCRIPT), str(path)], capture_output=True, text=True, check=False, timeout=60
    )
    if done.returncode == 3:
        pytest.skip("ical.js is not installed (npm install ical.js)")
    assert done.returncode == 0, done.stderr

    def instant(text: str) -> datetime:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))

    return {
        item["uid"]: (instant(item["start"]), instant(item["end"]))
        for item in json.loads(done.stdout)
    }


def planned(schedule: Plan, iv: Any, history: Any = ()) -> Times:
    """The plan's own instants by step id, to the second (iCalendar's resolution)."""
    return {
        uid: (
            cal.utc(action.earliest).replace(microsecond=0),
            cal.utc(action.latest).replace(microsecond=0),
        )
        for uid, action in zip(action_ids(schedule, iv, history), schedule, strict=True)
    }


def as_utc(times: Times) -> Times:
    return {
        uid: (start.astimezone(timezone.utc), end.astimezone(timezone.utc))
        for uid, (start, end) in times.items()
    }


def step(start: datetime, end: datetime) -> Action:
    """A hand-made e-mail check-in to Ana in the window *start* to *end*."""
    return Action(
        kind=ActionKind.CHECK_IN,
        channel=Channel.EMAIL,
        recipient=ANA,
        earliest=start,
        latest=end,
        suggested=start,
        rule="retry-gap",
        sources=("004_57c313bf0b59dfd5.txt",),
    )


class TestEveryReaderReadsThePlansTimes:
    """Issue 18: 75 of 170 items were an hour late in ical.js and vobject."""

    def test_new_york_summer_times_are_right_in_vobject(self) -> None:
        """A July plan in New York: every start and end where the plan puts it."""
        iv = signed()
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == as_utc(read_by_vobject(data))

    def test_new_york_summer_times_are_right_in_icaljs(self, tmp_path: Path) -> None:
        """The same plan, read as Thunderbird reads it."""
        iv = signed()
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == read_by_icaljs(data, tmp_path)

    @pytest.mark.parametrize(
        ("zone", "start"),
        [
            ("Australia/Lord_Howe", (2024, 10, 8, 10)),  # 30-minute summer time since 6 October
            ("Australia/Lord_Howe", (2025, 3, 31, 10)),  # ... and on the way out (6 April)
            ("America/Santiago", (2025, 1, 14, 10)),  # the southern summer
            ("Australia/Sydney", (2024, 3, 28, 10)),  # across the April change
            ("Europe/Berlin", (2024, 10, 22, 10)),  # across the October change
            ("Asia/Jerusalem", (2025, 3, 24, 10)),  # Friday before the last Sunday of March
            ("Europe/Dublin", (2024, 7, 2, 10)),  # summer is "standard" time in tzdata
            ("Africa/Cairo", (2024, 10, 28, 10)),  # change at midnight after the last Thursday
        ],
    )
    def test_zones_of_every_kind_are_read_right(
        self, zone: str, start: tuple[int, int, int, int], tmp_path: Path
    ) -> None:
        """Half-hour summer time, southern summers, rules on a Friday or at midnight."""
        iv = signed(starts_at=pendulum.datetime(*start, tz=zone), decision_by=None)
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == as_utc(read_by_vobject(data))
        if shutil.which("node"):
            assert planned(schedule, iv) == read_by_icaljs(data, tmp_path)

    def test_2038_and_later_are_read_right(self, tmp_path: Path) -> None:
        """The zone data used to stop at 2037: a summer of 2040 was read as winter."""
        iv = signed(
            starts_at=pendulum.datetime(2040, 7, 3, 10, tz="Europe/Berlin"),
            decision_by=date(2040, 7, 13),
        )
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == as_utc(read_by_vobject(data))
        assert planned(schedule, iv) == read_by_icaljs(data, tmp_path)

    @pytest.mark.parametrize("zone", ["Europe/London", "Europe/Dublin", "Europe/Lisbon"])
    def test_vobject_takes_the_files_zone_even_where_winter_is_utc(self, zone: str) -> None:
        """vobject takes a zone equal to UTC over 2000-2020 for UTC (and then pytz, wrong
        after 2037): the zone is written from 2000 on, so vobject keeps the file's."""
        iv = signed(starts_at=pendulum.datetime(2040, 7, 3, 10, tz=zone), decision_by=None)
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == as_utc(read_by_vobject(data, vobjects_own_choice=True))

    def test_an_item_moved_years_later_is_still_read_right(self) -> None:
        """The yearly rules are open-ended: a time in 2060 in the same zone reads right."""
        iv = signed()
        moved = step(
            pendulum.datetime(2060, 7, 13, 9, tz="America/New_York"),
            pendulum.datetime(2060, 7, 13, 17, tz="America/New_York"),
        )
        data = to_ics(Plan([moved]), iv, now=NOW)
        (start, end) = next(iter(read_by_vobject(data).values()))
        assert (start, end) == (moved.earliest, moved.latest)

    @given(iv=interviews())
    @EXPENSIVE
    def test_any_interview_in_any_zone_is_read_right(self, iv: Any) -> None:
        """Property: zones on both hemispheres, odd offsets, days around DST changes."""
        schedule = plan(iv)
        data = to_ics(schedule, iv, now=NOW)
        assert planned(schedule, iv) == as_utc(read_by_vobject(data))


class TestEveryZone:
    """Property: any IANA zone, any moment from 1990 to 2070, read right by vobject."""

    @given(
        zone=st.sampled_from(sorted(cal.iana_names())),
        seconds=st.integers(
            int(datetime(1990, 1, 1, tzinfo=timezone.utc).timestamp()),
            int(datetime(2070, 1, 1, tzinfo=timezone.utc).timestamp()),
        ),
        minutes=st.integers(1, 60 * 24 * 3),
    )
    def test_any_zone_any_moment(self, zone: str, seconds: int, minutes: int) -> None:
        start = pendulum.from_timestamp(seconds, tz=zone)
        end = start.add(minutes=minutes)
        iv = signed()
        data = to_ics(Plan([step(start, end)]), iv, now=NOW)
        expected = [(cal.utc(start), cal.utc(end))]
        assert expected == list(as_utc(read_by_vobject(data)).values())


class TestTheZonesAsWritten:
    """What the VTIMEZONE holds: forms every reader understands."""

    def test_no_observance_lists_its_onsets_in_one_rdate(self) -> None:
        """ical.js and vobject read only the first value of a comma-separated RDATE."""
        iv = signed()
        data = to_ics(plan(iv), iv, now=NOW)
        assert b"RDATE" not in data

    def test_each_summer_rule_is_one_yearly_rule(self) -> None:
        """New York: second Sunday of March, first of November, open-ended."""
        found = observances(cal.zone("America/New_York"), [2024])
        rules = {
            (item.daylight, item.rule, item.until) for item in found if item.onset.year >= 2007
        }
        expected = {
            (True, (("FREQ", ("YEARLY",)), ("BYMONTH", (3,)), ("BYDAY", ("2SU",))), None),
            (False, (("FREQ", ("YEARLY",)), ("BYMONTH", (11,)), ("BYDAY", ("1SU",))), None),
        }
        assert expected == rules

    def test_a_rule_on_the_friday_before_the_last_sunday_is_written_as_a_day_range(
        self,
    ) -> None:
        """Israel's spring change is "the Friday on or after the 23rd" (Fri>=23)."""
        found = observances(cal.zone("Asia/Jerusalem"), [2026])
        spring = [item for item in found if item.daylight and item.rule and not item.until]
        expected = (
            ("FREQ", ("YEARLY",)),
            ("BYMONTH", (3,)),
            ("BYDAY", ("FR",)),
            ("BYMONTHDAY", (23, 24, 25, 26, 27, 28, 29)),
        )
        assert [expected] == [item.rule for item in spring]

    def test_a_zone_without_changes_is_one_observance(self) -> None:
        """Tokyo: one STANDARD part, +09:00."""
        found = observances(cal.zone("Asia/Tokyo"), [2026])
        assert [(False, timedelta(hours=9), timedelta(hours=9))] == [
            (item.daylight, item.offset_from, item.offset_to) for item in found
        ]

    def test_negative_summer_time_is_labelled_as_calendars_expect(self) -> None:
        """Dublin's winter is a negative DST in tzdata: written GMT standard, IST daylight."""
        found = observances(cal.zone("Europe/Dublin"), [2026])
        labels = {(item.daylight, item.offset_to) for item in found}
        assert {(False, timedelta(0)), (True, timedelta(hours=1))} == labels

    def test_the_written_vtimezone_is_what_a_calendar_client_parses(self) -> None:
        """New York, as icalendar reads the file: first in it, each part's kind, onset,
        yearly rule (the old ones closed by UNTIL), name and offsets."""
        iv = signed()
        parsed = Calendar.from_ical(to_ics(plan(iv), iv, now=NOW))
        zone = parsed.subcomponents[0]
        assert (zone.name, str(zone["TZID"])) == ("VTIMEZONE", "America/New_York")
        east, summer = timedelta(hours=-5), timedelta(hours=-4)
        parts = [
            (
                part.name,
                part["DTSTART"].dt,
                part["RRULE"].to_ical() if "RRULE" in part else None,
                str(part["TZNAME"]),
                part["TZOFFSETFROM"].td,
                part["TZOFFSETTO"].td,
            )
            for part in zone.subcomponents
        ]
        assert parts == [
            ("STANDARD", datetime(1999, 12, 31, 19), None, "EST", east, east),
            (
                "DAYLIGHT",
                datetime(2000, 4, 2, 2),
                b"FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4",
                "EDT",
                east,
                summer,
            ),
            (
                "STANDARD",
                datetime(2000, 10, 29, 2),
                b"FREQ=YEARLY;UNTIL=20061030T060000Z;BYDAY=-1SU;BYMONTH=10",
                "EST",
                summer,
                east,
            ),
            (
                "DAYLIGHT",
                datetime(2007, 3, 11, 2),
                b"FREQ=YEARLY;BYDAY=2SU;BYMONTH=3",
                "EDT",
                east,
                summer,
            ),
            (
                "STANDARD",
                datetime(2007, 11, 4, 2),
                b"FREQ=YEARLY;BYDAY=1SU;BYMONTH=11",
                "EST",
                summer,
                east,
            ),
        ]

    def test_utc_is_written_as_utc(self) -> None:
        """A UTC interview needs no VTIMEZONE: its times end in Z."""
        iv = signed(starts_at=pendulum.datetime(2024, 7, 2, 14, tz="UTC"))
        data = to_ics(plan(iv), iv, now=NOW)
        assert (b"VTIMEZONE" in data, b"DTSTART:20240702T140000Z" in data) == (False, True)

    def test_a_time_that_happens_twice_is_written_in_utc(self, tmp_path: Path) -> None:
        """01:30 on the night New York's clocks go back happens twice: written as an instant.

        RFC 5545 reads an ambiguous local time as its first occurrence, ical.js
        as its second: in UTC both read the same.
        """
        first = pendulum.datetime(2024, 11, 3, 5, 30, tz="UTC").in_timezone("America/New_York")
        second = pendulum.datetime(2024, 11, 3, 6, 30, tz="UTC").in_timezone("America/New_York")
        iv = signed()
        data = to_ics(Plan([step(first, second)]), iv, now=NOW)
        assert b"DTSTART:20241103T053000Z" in data and b"DUE:20241103T063000Z" in data
        # (compared in UTC: PEP 495 makes a time in the fold unequal to any other zone's)
        expected = [(cal.utc(first), cal.utc(second))]
        assert expected == list(as_utc(read_by_vobject(data)).values())
        if shutil.which("node"):
            assert expected == list(read_by_icaljs(data, tmp_path).values())

    def test_items_kept_from_the_previous_file_keep_a_zone_that_covers_them(self) -> None:
        """Another interview's 2025 items, kept in a 2030 export, are still read right."""
        other = signed(
            company="Globex",
            starts_at=pendulum.datetime(2025, 3, 25, 10, tz="Europe/Berlin"),
            decision_by=None,
        )
        theirs = plan(other)
        earlier = to_ics(theirs, other, now=NOW)
        iv = signed(
            starts_at=pendulum.datetime(2030, 7, 2, 14, tz="America/New_York"), decision_by=None
        )
        data = to_ics(plan(iv), iv, now=NOW, previous=earlier)
        read = as_utc(read_by_vobject(data))
        assert planned(theirs, other) == {uid: read[uid] for uid in planned(theirs, other)}

    def test_a_bad_zone_name_in_the_previous_file_keeps_its_own_vtimezone(self) -> None:
        """A TZID this library does not know (a calendar app's own) keeps the file's VTIMEZONE."""
        iv = signed()
        earlier = to_ics(plan(iv), iv, now=NOW).replace(
            b"America/New_York", b"Eastern Standard Time"
        )
        other = signed(company="Globex")
        data = to_ics(plan(other), other, now=NOW, previous=earlier)
        assert data.count(b"TZID:Eastern Standard Time") == 1

    def test_no_year_to_cover_is_refused(self) -> None:
        """The zone helper needs at least one year."""
        with pytest.raises(ValueError, match="no year"):
            observances(cal.zone("Europe/Berlin"), [])


def test_fixed_offsets_still_read_right(tmp_path: Path) -> None:
    """+05:30 has no VTIMEZONE: its times are UTC instants, read right everywhere."""
    iv = signed(starts_at=pendulum.parse("2024-07-02T14:00:00+05:30"))
    schedule = plan(iv)
    data = to_ics(schedule, iv, now=NOW)
    assert planned(schedule, iv) == as_utc(read_by_vobject(data))
    assert planned(schedule, iv) == read_by_icaljs(data, tmp_path)


def test_many_interviews_in_many_zones(tmp_path: Path) -> None:
    """One calendar for applications in three zones: each item read right."""
    ivs = [
        signed(),
        signed(
            company="Globex",
            starts_at=pendulum.datetime(2024, 10, 1, 9, tz="Australia/Lord_Howe"),
            decision_by=None,
        ),
        signed(
            company="Initech",
            starts_at=pendulum.datetime(2024, 3, 28, 15, tz="Europe/London"),
            decision_by=None,
        ),
    ]
    schedules = [plan(iv, history=()) for iv in ivs]
    data = to_ics_many([(s, iv, ()) for s, iv in zip(schedules, ivs, strict=True)], now=NOW)
    expected: Times = {}
    for schedule, iv in zip(schedules, ivs, strict=True):
        expected.update(planned(schedule, iv))
    assert expected == as_utc(read_by_vobject(data))
    assert expected == read_by_icaljs(data, tmp_path)


def test_garbage_times_are_not_hidden(tmp_path: Path) -> None:
    """The readers themselves are checked: a wrong VTIMEZONE offset is caught."""
    iv = signed()
    schedule = plan(iv)
    data = to_ics(schedule, iv, now=NOW).replace(b"TZOFFSETTO:-0400", b"TZOFFSETTO:-0300")
    assert planned(schedule, iv) != as_utc(read_by_vobject(data))


@pytest.mark.parametrize(
    ("reminder", "awake", "trigger"),
    [
        (timedelta(hours=30, minutes=15), (time(0), time(23, 59, 59)), b"-PT30H15M"),
        (timedelta(hours=1, seconds=7), (time(0), time(23, 59, 59)), b"-PT1H7S"),
        (timedelta(minutes=1, seconds=1), (time(0), time(23, 59, 59)), b"-PT1M1S"),
        (timedelta(hours=2), (time(0), time(23, 59, 59)), b"-PT2H"),
        (timedelta(seconds=45), (time(0), time(23, 59, 59)), b"-PT45S"),
        (timedelta(0), (time(0), time(23, 59, 59)), b"PT0S"),
        # 23:30 is after bedtime: the ring moves to 08:00 the next morning, after the start
        (timedelta(0), (time(8), time(22)), b"PT8H30M"),
    ],
)
def test_the_reminders_trigger_is_an_exact_duration(
    reminder: timedelta, awake: tuple[time, time], trigger: bytes
) -> None:
    """What a calendar reads in VALARM's TRIGGER: hours, minutes and seconds, a sign only
    before the start, never nominal days, and a zero shown as ``PT0S``."""
    start = pendulum.datetime(2026, 7, 8, 23, 30, tz="America/New_York")
    iv = signed()
    data = to_ics(
        Plan([step(start, start + timedelta(days=3))]), iv, now=NOW, reminder=reminder, awake=awake
    )
    assert [b"TRIGGER:" + trigger] == [
        line for line in data.split(b"\r\n") if line.startswith(b"TRIGGER")
    ]


@pytest.mark.parametrize("offset", ["+05:30", "-03:00"])
def test_a_fixed_offset_is_written_as_utc_whatever_the_machines_zone(
    offset: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """East or west of Greenwich, a bare offset has no VTIMEZONE: every time ends in Z,
    the same instant, on a machine set to any zone (the library never reads it)."""
    monkeypatch.setenv("TZ", "America/Sao_Paulo")
    pytime.tzset()
    try:
        iv = signed(starts_at=pendulum.parse(f"2024-07-02T14:00:00{offset}"))
        data = to_ics(plan(iv), iv, now=NOW)
    finally:
        monkeypatch.undo()
        pytime.tzset()
    parsed = Calendar.from_ical(data)
    assert "VTIMEZONE" not in [part.name for part in parsed.subcomponents]
    for item in parsed.walk("VTODO"):
        for key in ("DTSTART", "DUE"):
            assert item[key].to_ical().endswith(b"Z"), (key, item[key].to_ical())
