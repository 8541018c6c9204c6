"""The calendar helpers (`_calendar`), pinned where the nineteenth mutation pass found them
loose: the business days a limit counts from (with any container of holidays, in any zone,
asked again of the same instant), a country's weekend in the week it changed, the week
that starts after any weekend, and answers that never depend on the machine's own zone."""

from __future__ import annotations

import itertools
import operator
import os
import time as time_module
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone, tzinfo

import pendulum
import pytest

from followup_rules import Policy, parse_timeframe, plan, start_of_day
from followup_rules import _calendar as cal

from .test_loop_mut18b import NoOffset
from .test_weekends import calendar_of, israeli_interview

TOKYO = cal.zone("Asia/Tokyo")
NEW_YORK = cal.zone("America/New_York")


class TestBusinessDaysAfter:
    """The day a limit falls on: *count* business days after the date an instant shows in
    the zone asked, whatever container holds the holidays."""

    # Friday 2026-07-03 20:00 UTC: Saturday 4 July in Tokyo, Friday 3 July in New York.
    FRIDAY_EVENING = datetime(2026, 7, 3, 20, tzinfo=timezone.utc)

    def test_counts_from_the_date_in_the_zone_asked(self) -> None:
        # Tokyo's Saturday: Monday is the first business day after it.
        assert cal.business_days_after(self.FRIDAY_EVENING, TOKYO, 1) == date(2026, 7, 6)
        # New York's Friday: Monday as well, and Tuesday as the second.
        assert cal.business_days_after(self.FRIDAY_EVENING, NEW_YORK, 2) == date(2026, 7, 7)
        # Wednesday 1 July 23:00 UTC is Thursday in Tokyo: Friday, not Thursday.
        late = datetime(2026, 7, 1, 23, tzinfo=timezone.utc)
        assert cal.business_days_after(late, TOKYO, 1) == date(2026, 7, 3)
        assert cal.business_days_after(late, timezone.utc, 1) == date(2026, 7, 2)

    @pytest.mark.parametrize("container", [set, frozenset, list, tuple])
    def test_with_holidays_in_any_container(self, container: type) -> None:
        holidays = container([date(2026, 7, 6)])  # Monday off
        assert cal.business_days_after(self.FRIDAY_EVENING, TOKYO, 1, holidays) == date(2026, 7, 7)
        assert cal.business_days_after(self.FRIDAY_EVENING, TOKYO, 3, holidays) == date(2026, 7, 9)
        late = datetime(2026, 7, 1, 23, tzinfo=timezone.utc)  # Thursday in Tokyo
        assert cal.business_days_after(late, TOKYO, 2, holidays) == date(2026, 7, 7)

    def test_holidays_added_since_are_counted(self) -> None:
        """A container that is not a country's calendar may change between two questions
        about the same instant: the second answer counts the new holiday."""
        holidays: set[date] = set()
        moment = self.FRIDAY_EVENING
        assert cal.business_days_after(moment, NEW_YORK, 1, holidays) == date(2026, 7, 6)
        holidays.add(date(2026, 7, 6))
        assert cal.business_days_after(moment, NEW_YORK, 1, holidays) == date(2026, 7, 7)

    def test_the_same_instant_asked_again_otherwise(self) -> None:
        """One instant object asked in another zone, with another count or on another
        calendar gets its own answer, never the one cached for the first question."""
        moment = self.FRIDAY_EVENING
        israel = calendar_of("IL")
        assert cal.business_days_after(moment, NEW_YORK, 1) == date(2026, 7, 6)
        assert cal.business_days_after(moment, TOKYO, 1) == date(2026, 7, 6)
        late = datetime(2026, 7, 1, 23, tzinfo=timezone.utc)
        assert cal.business_days_after(late, timezone.utc, 1) == date(2026, 7, 2)
        assert cal.business_days_after(late, TOKYO, 1) == date(2026, 7, 3)
        assert cal.business_days_after(late, TOKYO, 3) == date(2026, 7, 7)
        # Israel rests on Friday and Saturday: Thursday in Tokyo, then Sunday.
        assert cal.business_days_after(late, TOKYO, 1, israel) == date(2026, 7, 5)
        assert cal.business_days_after(late, TOKYO, 1) == date(2026, 7, 3)

    def test_a_country_s_weekend(self) -> None:
        """Thursday in Jerusalem: the first business day after it is Sunday."""
        thursday = datetime(2026, 7, 9, 12, tzinfo=timezone.utc)
        israel = calendar_of("IL")
        assert cal.business_days_after(thursday, cal.zone("Asia/Jerusalem"), 1, israel) == date(
            2026, 7, 12
        )

    def test_a_stale_entry_under_a_recycled_id(self) -> None:
        """An entry left by another instant that once had this one's id is not its answer."""
        moment = self.FRIDAY_EVENING
        other = datetime(2000, 1, 1, tzinfo=timezone.utc)
        cal.clear_caches()
        cal._AFTER[id(moment)] = (other, NEW_YORK, 1, cal.NO_HOLIDAYS, date(2000, 1, 3))
        assert cal.business_days_after(moment, NEW_YORK, 1) == date(2026, 7, 6)


def test_business_days_between_backwards_counts_the_holidays() -> None:
    """Backwards, the count is the forward count negated, holidays included."""
    monday, friday = date(2026, 7, 6), date(2026, 7, 10)
    holidays = {date(2026, 7, 8)}
    assert cal.business_days_between(monday, friday, holidays) == 3
    assert cal.business_days_between(friday, monday, holidays) == -3
    israel = calendar_of("IL")
    sunday, next_sunday = date(2026, 7, 5), date(2026, 7, 12)
    assert cal.business_days_between(next_sunday, sunday, israel) == -5


class TestACountrysCalendar:
    def test_the_weekend_is_the_one_of_the_seven_days_from_the_day_asked(self) -> None:
        """The Emirates moved their weekend from Friday-Saturday to Saturday-Sunday on
        1 January 2022: the week from a day counts the days of that week, no others."""
        emirates = calendar_of("AE")
        assert emirates.weekend(date(2021, 12, 20)) == {4, 5}
        # Sunday 26 December to Saturday 1 January: Friday was still off, Sunday not yet.
        assert emirates.weekend(date(2021, 12, 26)) == {4, 5}
        # Saturday 1 January to Friday 7 January: the new weekend alone.
        assert emirates.weekend(date(2022, 1, 1)) == {5, 6}
        assert emirates.weekend(date(2022, 1, 3)) == {5, 6}

    def test_a_stale_entry_under_a_recycled_id(self) -> None:
        """An answer cached for another calendar that once had this one's id is not taken."""
        israel, other = calendar_of("IL"), calendar_of("HK")
        friday = date(2026, 7, 10)
        cal.clear_caches()
        cal._BUSINESS[friday, id(israel)] = (other, True)
        assert not israel.is_business_day(friday)
        assert not cal.is_business_day(friday, israel)


def _runs_of(weekend: frozenset[int]) -> list[list[int]]:
    """The working weekdays in runs, worked out by walking the week from each day off."""
    if not weekend:
        return [list(range(7))]
    runs = []
    for off in sorted(weekend):
        run = []
        day = (off + 1) % 7
        while day not in weekend:
            run.append(day)
            day = (day + 1) % 7
        if run:
            runs.append((off, run))
    # The week starts with the longest run (on a tie, the one after the earliest day off).
    start = max(range(len(runs)), key=lambda index: (len(runs[index][1]), -runs[index][0]))
    ordered = runs[start:] + runs[:start]
    return [run for _, run in ordered]


ALL_WEEKENDS = [
    frozenset(days) for size in range(7) for days in itertools.combinations(range(7), size)
]


class TestTheWorkingWeek:
    """The week starts after the weekend day followed by the longest run of working days,
    for every weekend a user may give (all 127: any days but all seven)."""

    @pytest.mark.parametrize(
        "weekend", ALL_WEEKENDS, ids=lambda days: "".join(map(str, sorted(days)))
    )
    def test_every_weekend(self, weekend: frozenset[int]) -> None:
        runs = _runs_of(weekend)
        assert cal.working_week_runs(weekend) == runs
        assert cal.week_start(weekend) == runs[0][0]

    @pytest.mark.parametrize(
        ("weekend", "start"),
        [
            ({5, 6}, 0),  # Monday
            ({4, 5}, 6),  # Israel: Sunday
            ({4}, 5),  # Iran: Saturday
            ({4, 6}, 0),  # Brunei: Monday
            ({0, 5}, 1),  # the longest run follows Monday, not Saturday
            ({0, 3, 6}, 1),  # two runs of two: the one after the earlier day off
            (set(), 0),
        ],
    )
    def test_next_week_is_read_from_its_first_day(self, weekend: set[int], start: int) -> None:
        said = date(2026, 7, 8)  # a Wednesday
        frame = parse_timeframe("next week", said, weekend=weekend)
        assert not isinstance(frame, date)
        assert frame.start.weekday() == start
        assert frame.start > said and (frame.start - said).days <= 7


@contextmanager
def machine_zone(setting: str) -> Iterator[None]:
    """The machine's own zone set to *setting* (a POSIX ``TZ`` rule) for the block."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = setting
    time_module.tzset()
    try:
        yield
    finally:
        if before is None:
            del os.environ["TZ"]
        else:
            os.environ["TZ"] = before
        time_module.tzset()


def _calendar_answers() -> list[object]:
    """What the calendar helpers and the planner answer, as text, from empty caches."""
    cal.clear_caches()
    havana, cairo, lord_howe = (
        cal.zone(name) for name in ("America/Havana", "Africa/Cairo", "Australia/Lord_Howe")
    )
    instant = datetime(2026, 7, 3, 20, 30, tzinfo=timezone.utc)
    planned = cal.DateTime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1)
    answers: list[object] = [
        cal.utc(planned).isoformat(),
        cal.utc(planned).tzinfo is timezone.utc,
        cal.utc(datetime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK)).isoformat(),
        cal.to_local(instant, TOKYO).isoformat(),
        [
            moment.isoformat()
            for moment in cal.local_window(
                (instant, instant + timedelta(hours=5), instant + timedelta(hours=1)), TOKYO
            )
        ],
        cal.local_date(instant, TOKYO),
        cal.local_date(cal.to_pendulum(instant), NEW_YORK),
        cal.local_instant(date(2024, 11, 3), time(1, 30), NEW_YORK).isoformat(),
        cal.local_instant(date(2024, 11, 3), time(1, 30), NEW_YORK, late=True).isoformat(),
        cal.local_instant(date(2024, 3, 10), time(2, 30), NEW_YORK).isoformat(),
        [
            cal.day_start(day, zone).isoformat()
            for day, zone in (
                (date(2024, 3, 10), havana),
                (date(2024, 4, 26), cairo),
                (date(2026, 7, 3), TOKYO),
                (date(2024, 11, 3), NEW_YORK),
            )
        ],
        [cal.day_end(day, TOKYO).isoformat() for day in (date(2026, 7, 3),)],
        [
            None if window is None else [moment.isoformat() for moment in window]
            for window in (
                cal.window_on(date(2024, 3, 10), time(2), time(3), NEW_YORK),
                cal.window_on(date(2024, 3, 10), time(1, 30), time(2, 30), NEW_YORK),
                cal.window_on(date(2024, 11, 3), time(1), time(1, 30), NEW_YORK),
                cal.window_on(date(2024, 4, 7), time(1, 45), time(2, 15), lord_howe),
                cal.window_on(date(2026, 7, 3), time(0), time(0, 30), TOKYO),
                cal.window_on(date(2026, 7, 3), time(23, 30), time(23, 59), TOKYO),
            )
        ],
        cal.first_moment_daily(instant, time(8), time(18), TOKYO).isoformat(),
        cal.first_moment_daily(instant, time(8), time(18), NEW_YORK).isoformat(),
        cal.first_moment_in_window(instant, time(9), time(17), TOKYO).isoformat(),
        cal.first_moment_in_window(instant, time(9), time(17), NEW_YORK).isoformat(),
        cal.business_days_after(instant, TOKYO, 1),
        planned.astimezone(timezone.utc).isoformat(),
        planned.astimezone(TOKYO).isoformat(),
        (planned.astimezone(timezone.utc) + timedelta(hours=1)).isoformat(),
    ]
    interview = israeli_interview()
    for step in plan(interview, Policy(holidays="IL")):
        answers.append(
            (
                step.kind,
                step.earliest.isoformat(),
                step.latest.isoformat(),
                step.suggested.isoformat(),
            )
        )
    return answers


@pytest.mark.skipif(not hasattr(time_module, "tzset"), reason="the machine's zone is set by tzset")
def test_nothing_depends_on_the_machine_s_own_zone() -> None:
    """The same answers with the machine set to UTC, to Newfoundland's -03:30 (-02:30 in
    summer) and to +13:45: the library converts only into the zones it is given."""
    with machine_zone("UTC0"):
        on_utc = _calendar_answers()
    with machine_zone("NST3:30NDT,M3.2.0,M11.1.0"):
        assert _calendar_answers() == on_utc
    with machine_zone("XXX-13:45"):
        assert _calendar_answers() == on_utc
    cal.clear_caches()


class TestFirstWindow:
    """Tokyo's 9:00-17:00 on Friday 3 July 2026 is 00:00-08:00 UTC; the next business
    day's, Monday 6 July, is 00:00-08:00 UTC on the 6th."""

    FRIDAY = date(2026, 7, 3)
    OPENS = datetime(2026, 7, 3, 0, tzinfo=timezone.utc)
    CLOSES = datetime(2026, 7, 3, 8, tzinfo=timezone.utc)
    MONDAY = (
        datetime(2026, 7, 6, 0, tzinfo=timezone.utc),
        datetime(2026, 7, 6, 8, tzinfo=timezone.utc),
    )

    def window(self, **instants: datetime) -> tuple[datetime, datetime]:
        return cal.first_window(self.FRIDAY, time(9), time(17), TOKYO, **instants)  # type: ignore[arg-type]

    def test_a_window_open_before_not_before_is_skipped(self) -> None:
        """Even while it is still open: the result opens at or after *not_before*."""
        assert self.window(not_before=self.OPENS + timedelta(hours=1)) == self.MONDAY
        assert self.window(not_before=self.OPENS) == (self.OPENS, self.CLOSES)

    def test_a_window_already_open_is_cut_at_open_from(self) -> None:
        middle = self.OPENS + timedelta(hours=3)
        assert self.window(open_from=middle) == (middle, self.CLOSES)

    def test_a_window_closing_at_open_from_is_its_last_instant(self) -> None:
        assert self.window(open_from=self.CLOSES) == (self.CLOSES, self.CLOSES)
        later = self.CLOSES + timedelta(microseconds=1)
        assert self.window(open_from=later) == self.MONDAY


class TestConvertingToTheZoneAsked:
    def test_a_named_fixed_offset_keeps_its_name(self) -> None:
        """A planned time converted into pendulum's fixed zone named "EST" is in that very
        zone, and says EST, not a rebuilt "-05:00"."""
        est = pendulum.FixedTimezone(-18000, name="EST")
        planned = cal.DateTime(2024, 7, 3, 9, tzinfo=NEW_YORK)
        converted = planned.astimezone(est)
        assert converted.tzinfo is est
        assert converted.tzname() == "EST"
        assert converted.isoformat() == "2024-07-03T08:00:00-05:00"

    def test_a_window_s_suggested_moment_of_its_own(self) -> None:
        """A suggested moment between the two ends is shown at its own time."""
        opens = datetime(2026, 7, 3, 0, tzinfo=timezone.utc)
        closes, suggested = opens + timedelta(hours=8), opens + timedelta(hours=3)
        shown = cal.local_window((opens, closes, suggested), TOKYO)
        assert [moment.isoformat() for moment in shown] == [
            "2026-07-03T09:00:00+09:00",
            "2026-07-03T17:00:00+09:00",
            "2026-07-03T12:00:00+09:00",
        ]
        shown = cal.local_window((opens, closes, closes), TOKYO)
        assert [moment.hour for moment in shown] == [9, 17, 17]

    def test_a_local_date_is_a_stdlib_date(self) -> None:
        """Of a planned (pendulum) time too: a plain date, whose arithmetic is the stdlib's."""
        planned = cal.DateTime(2026, 7, 3, 20, tzinfo=timezone.utc)
        day = cal.local_date(planned, TOKYO)
        assert type(day) is date and day == date(2026, 7, 4)
        assert type(cal.business_days_after(planned, TOKYO, 1)) is date


class Hop(tzinfo):
    """A zone whose clocks jump from 23:30 to 00:30 on the night of 9 to 10 March 2024
    (UTC until then, an hour ahead after): a change off midnight that moves the date, as
    a user's own tzinfo may have; none of the tz database's does."""

    CHANGE = datetime(2024, 3, 9, 23, 30, tzinfo=timezone.utc)
    GAP = (datetime(2024, 3, 9, 23, 30), datetime(2024, 3, 10, 0, 30))

    def utcoffset(self, dt: datetime | None) -> timedelta:
        if dt is None:
            return timedelta(0)
        wall = dt.replace(tzinfo=None, fold=0)
        if wall < self.GAP[0] or (wall < self.GAP[1] and not dt.fold):
            return timedelta(0)
        return timedelta(hours=1)

    def dst(self, dt: datetime | None) -> timedelta:
        return self.utcoffset(dt)

    def tzname(self, dt: datetime | None) -> str:
        return "HOP"

    def fromutc(self, dt: datetime) -> datetime:
        instant = dt.replace(tzinfo=timezone.utc)
        return dt + (timedelta(0) if instant < self.CHANGE else timedelta(hours=1))


class TestADayThatStartsOffMidnight:
    def test_the_day_starts_when_the_clocks_jump(self) -> None:
        hop = Hop()
        assert cal.day_start(date(2024, 3, 10), hop) == Hop.CHANGE
        assert cal.day_end(date(2024, 3, 9), hop) == Hop.CHANGE - timedelta(microseconds=1)
        start = start_of_day(date(2024, 3, 10), hop)
        assert (start.hour, start.minute, start.day) == (0, 30, 10)
        assert start == Hop.CHANGE
        # The days around it start at midnight.
        assert cal.day_start(date(2024, 3, 9), hop) == datetime(2024, 3, 9, tzinfo=timezone.utc)
        assert cal.day_start(date(2024, 3, 11), hop) == datetime(
            2024, 3, 10, 23, tzinfo=timezone.utc
        )


class TestFirstWindowFromAnInstant:
    def test_searched_from_the_date_the_instant_shows_in_the_zone(self) -> None:
        """Friday 3 July 22:00 in New York is Saturday 02:00 UTC: Friday's 23:00-23:30
        window in New York still opens after it."""
        not_before = datetime(2026, 7, 4, 2, tzinfo=timezone.utc)
        found = cal.first_window(
            date(2026, 7, 2), time(23), time(23, 30), NEW_YORK, not_before=not_before
        )
        assert found == (
            datetime(2026, 7, 4, 3, tzinfo=timezone.utc),
            datetime(2026, 7, 4, 3, 30, tzinfo=timezone.utc),
        )
        found = cal.first_window(
            date(2026, 7, 2), time(23), time(23, 30), NEW_YORK, open_from=not_before
        )
        assert found[0] == datetime(2026, 7, 4, 3, tzinfo=timezone.utc)

    def test_a_holiday_on_the_date_of_the_instant_is_skipped(self) -> None:
        not_before = datetime(2026, 7, 3, 12, tzinfo=timezone.utc)  # Friday, 08:00 in New York
        found = cal.first_window(
            date(2026, 7, 2),
            time(9),
            time(17),
            NEW_YORK,
            not_before=not_before,
            holidays={date(2026, 7, 3)},
        )
        assert found[0] == datetime(2026, 7, 6, 13, tzinfo=timezone.utc)  # Monday 09:00


class TestFirstMomentDaily:
    """The first moment inside the day's waking hours (08:00-18:00 here), at or after."""

    def test_before_inside_at_the_end_and_after_the_hours(self) -> None:
        tokyo_early = datetime(2026, 7, 3, 20, 30, tzinfo=timezone.utc)  # 05:30 on the 4th
        assert cal.first_moment_daily(tokyo_early, time(8), time(18), TOKYO) == datetime(
            2026, 7, 3, 23, tzinfo=timezone.utc
        )
        inside = datetime(2026, 7, 3, 16, 30, tzinfo=timezone.utc)  # 12:30 in New York
        assert cal.first_moment_daily(inside, time(8), time(18), NEW_YORK) == inside
        at_the_end = datetime(2026, 7, 3, 22, tzinfo=timezone.utc)  # 18:00 in New York
        assert cal.first_moment_daily(at_the_end, time(8), time(18), NEW_YORK) == at_the_end
        evening = datetime(2026, 7, 3, 23, tzinfo=timezone.utc)  # 19:00 in New York
        assert cal.first_moment_daily(evening, time(8), time(18), NEW_YORK) == datetime(
            2026, 7, 4, 12, tzinfo=timezone.utc
        )

    def test_a_day_whose_hours_a_change_swallows(self) -> None:
        """New York's 02:00-02:30 does not exist on 10 March 2024: the next day's."""
        night = datetime(2024, 3, 10, 5, tzinfo=timezone.utc)  # 00:00 in New York
        assert cal.first_moment_daily(night, time(2), time(2, 30), NEW_YORK) == datetime(
            2024, 3, 11, 6, tzinfo=timezone.utc
        )

    def test_cached_answers_are_each_question_s_own(self) -> None:
        """One instant asked in two zones, with two sets of hours, and twice (the same hour
        objects, as a policy's): each its own answer; an entry left by another instant
        under a recycled id is not taken."""
        moment = datetime(2026, 7, 3, 20, 30, tzinfo=timezone.utc)
        eight, seven, four_pm, six_pm = time(8), time(7), time(16), time(18)
        tokyo = datetime(2026, 7, 3, 23, tzinfo=timezone.utc)
        cal.clear_caches()
        for _ in range(2):
            assert cal.first_moment_daily_of(moment, eight, six_pm, TOKYO) == tokyo
            assert cal.first_moment_daily_of(moment, eight, six_pm, NEW_YORK) == moment
            assert cal.first_moment_daily_of(moment, seven, six_pm, TOKYO) == datetime(
                2026, 7, 3, 22, tzinfo=timezone.utc
            )
            assert cal.first_moment_daily_of(moment, eight, four_pm, NEW_YORK) == datetime(
                2026, 7, 4, 12, tzinfo=timezone.utc
            )
            assert cal.first_moment_daily_of(moment, eight, six_pm, TOKYO) == tokyo
        cal.clear_caches()
        other = datetime(2000, 1, 1, tzinfo=timezone.utc)
        cal._DAILY[id(moment), id(TOKYO)] = (other, TOKYO, eight, six_pm, other)
        assert cal.first_moment_daily_of(moment, eight, six_pm, TOKYO) == tokyo


def test_a_saturday_is_no_business_day_with_holidays_given_as_a_set() -> None:
    saturday, sunday = date(2026, 7, 4), date(2026, 7, 5)
    holidays = {date(2026, 12, 25)}
    assert not cal.is_business_day(saturday, holidays)
    assert not cal.is_business_day(sunday, holidays)
    assert cal.is_business_day(date(2026, 7, 3), holidays)
    assert not cal.is_business_day(date(2026, 12, 25), holidays)


def test_a_planned_time_in_a_zone_without_an_offset_is_naive_on_the_left_too() -> None:
    """Ours in a zone that gives no offset, against an aware datetime of the same wall
    clock: never equal, never ordered (Python's naive against aware), whatever the machine."""
    ours = cal.DateTime(2024, 11, 3, 5, 50, tzinfo=NoOffset())
    aware = datetime(2024, 11, 3, 5, 50, tzinfo=timezone.utc)
    assert (ours == aware) is False and ours != aware
    for compare in (operator.lt, operator.le, operator.gt, operator.ge):
        with pytest.raises(TypeError):
            compare(ours, aware)


def test_first_moment_daily_of_leaves_an_entry_of_another_zone() -> None:
    """An entry for this instant left by a zone that once had this zone's id is not taken."""
    moment = datetime(2026, 7, 3, 20, 30, tzinfo=timezone.utc)
    eight, six_pm = time(8), time(18)
    cal.clear_caches()
    cal._DAILY[id(moment), id(TOKYO)] = (moment, NEW_YORK, eight, six_pm, moment)
    assert cal.first_moment_daily_of(moment, eight, six_pm, TOKYO) == datetime(
        2026, 7, 3, 23, tzinfo=timezone.utc
    )


def test_the_caches_give_back_the_very_answer_they_kept() -> None:
    """What `plan()`'s speed rests on (issue 20): an instant asked again, the same object,
    gets the answer kept for it, not one worked out afresh."""
    opens = datetime(2026, 7, 3, 0, tzinfo=timezone.utc)
    closes, suggested = opens + timedelta(hours=8), opens + timedelta(hours=3)
    israel = calendar_of("IL")
    cal.clear_caches()
    local = cal.to_local(opens, TOKYO)
    assert cal.to_local(opens, TOKYO) is local
    first = cal.local_window((opens, closes, suggested), TOKYO)
    again = cal.local_window((opens, closes, suggested), TOKYO)
    assert again[0] is first[0] is local and again[1] is first[1]
    assert cal.to_local(closes, TOKYO) is first[1]
    for holidays in (cal.NO_HOLIDAYS, israel):
        day = cal.business_days_after(opens, TOKYO, 2, holidays)
        assert cal.business_days_after(opens, TOKYO, 2, holidays) is day
