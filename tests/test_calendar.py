"""Business days, local windows and DST: the pure calendar helpers."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import InvalidArgument, end_of_day, start_of_day
from followup_rules import _calendar as cal


def test_add_business_days_skips_weekends() -> None:
    """Friday + 1 business day is Monday."""
    assert cal.add_business_days(date(2024, 7, 12), 1) == date(2024, 7, 15)
    assert cal.add_business_days(date(2024, 7, 13), 1) == date(2024, 7, 15)  # from a Saturday


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)),
    st.integers(min_value=0, max_value=40),
)
def test_weekend_arithmetic_matches_counting_day_by_day(start: date, count: int) -> None:
    """The closed-form count without holidays agrees with stepping one day at a time."""
    stepped = start
    left = count
    while left > 0:
        stepped += timedelta(days=1)
        if stepped.weekday() < 5:
            left -= 1
    assert cal.add_business_days(start, count) == stepped
    assert cal.add_business_days(start, count, set()) == stepped  # the general path too


def test_business_days_between_inverts_add() -> None:
    """business_days_between(d, add_business_days(d, n)) == n."""
    for n in range(12):
        start = date(2024, 12, 20)
        assert cal.business_days_between(start, cal.add_business_days(start, n)) == n
    assert cal.business_days_between(date(2024, 7, 15), date(2024, 7, 12)) == -1


def test_holidays_are_skipped() -> None:
    """A holiday container removes days from the count."""
    assert cal.add_business_days(date(2024, 7, 3), 1, {date(2024, 7, 4)}) == date(2024, 7, 5)


def test_window_on_a_spring_forward_day() -> None:
    """A window whose start is skipped by DST opens after the gap, still inside it."""
    tz = cal.zone("America/New_York")
    opens, closes = cal.window_on(date(2024, 3, 10), time(2, 30), time(4), tz)  # type: ignore[misc]
    assert opens.tzinfo is cal.UTC and closes.tzinfo is cal.UTC  # the planner works in UTC
    opens, closes = opens.astimezone(tz), closes.astimezone(tz)
    assert opens.hour == 3 and opens.minute == 30
    assert closes.hour == 4


def test_window_swallowed_by_dst_is_none() -> None:
    """A window entirely inside the DST gap does not exist that day."""
    tz = cal.zone("America/New_York")
    assert cal.window_on(date(2024, 3, 10), time(2, 15), time(2, 45), tz) is None


def test_window_on_a_fall_back_day_is_longer() -> None:
    """On the fall-back day, 01:00-02:00 lasts two real hours."""
    tz = cal.zone("America/New_York")
    opens, closes = cal.window_on(date(2024, 11, 3), time(1), time(2), tz)  # type: ignore[misc]
    assert closes.timestamp() - opens.timestamp() == 2 * 3600  # same tzinfo: '-' is wall time


def test_lord_howe_half_hour_dst() -> None:
    """Lord Howe shifts by 30 minutes; windows stay on the local wall clock."""
    tz = cal.zone("Australia/Lord_Howe")
    opens, _ = cal.first_window(date(2024, 10, 7), time(10), time(11, 30), tz)
    opens = opens.astimezone(tz)
    assert (opens.hour, opens.minute) == (10, 0)
    assert opens.utcoffset() != pendulum.datetime(2024, 7, 1, tz="Australia/Lord_Howe").utcoffset()


def test_fixed_offsets_and_unknown_zones() -> None:
    """'+05:30' is a fixed zone; an unknown name is a ValueError."""
    assert cal.zone("+05:30").utcoffset(None).total_seconds() == 5.5 * 3600  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="unknown"):
        cal.zone("Nowhere/Land")
    with pytest.raises(ValueError, match="range"):
        cal.zone("+25:00")


def test_first_moment_in_window() -> None:
    """Inside the window a moment stays; outside it, the next window opens."""
    tz = cal.zone("Europe/Berlin")
    inside = pendulum.datetime(2024, 7, 3, 9, tz="Europe/Berlin")
    assert cal.first_moment_in_window(inside, time(8), time(17), tz) == inside
    friday_evening = pendulum.datetime(2024, 7, 5, 18, tz="Europe/Berlin")
    assert cal.first_moment_in_window(friday_evening, time(8), time(17), tz) == pendulum.datetime(
        2024, 7, 8, 8, tz="Europe/Berlin"
    )


def test_first_window_takes_a_window_opening_exactly_at_not_before() -> None:
    """not_before is inclusive: a window opening at that very instant is the one."""
    tz = cal.zone("America/New_York")
    opens = cal.local_instant(date(2024, 7, 3), time(10), tz)
    found, _ = cal.first_window(date(2024, 7, 3), time(10), time(11), tz, not_before=opens)
    assert found == opens


def test_first_window_skips_holidays_at_the_start_and_on_the_way() -> None:
    """Starting on a holiday, or moving past a window that opened too soon, skips holidays."""
    tz = cal.zone("America/New_York")
    fourth = {date(2024, 7, 4)}
    found, _ = cal.first_window(date(2024, 7, 4), time(10), time(11), tz, holidays=fourth)
    assert found.astimezone(tz).date() == date(2024, 7, 5)
    late = cal.local_instant(date(2024, 7, 3), time(12), tz)
    found, _ = cal.first_window(
        date(2024, 7, 3), time(10), time(11), tz, not_before=late, holidays=fourth
    )
    assert found.astimezone(tz).date() == date(2024, 7, 5)


def test_window_end_in_a_repeated_hour_takes_the_second_pass() -> None:
    """On the fall-back day a window ending at 01:30 ends at the second 01:30."""
    tz = cal.zone("America/New_York")
    window = cal.window_on(date(2024, 11, 3), time(0, 30), time(1, 30), tz)
    assert window is not None
    opens, closes = window
    assert (closes - opens).total_seconds() == 2 * 3600
    assert closes.astimezone(tz).fold == 1


class TestFirstMomentInWindow:
    """The first instant at or after a moment inside a business-day window."""

    NINE_TO_FIVE = (time(8), time(17))

    def _first(
        self, moment: pendulum.DateTime, zone: str = "America/New_York", **kw: object
    ) -> object:
        tz = cal.zone(zone)
        found = cal.first_moment_in_window(moment, *self.NINE_TO_FIVE, tz, **kw)  # type: ignore[arg-type]
        return pendulum.instance(found).in_tz(zone)

    def test_the_day_is_the_local_one(self) -> None:
        """Monday 08:30 in Tokyo is Sunday in UTC, but Monday is what counts: right away."""
        monday = pendulum.datetime(2024, 7, 8, 8, 30, tz="Asia/Tokyo")
        assert self._first(monday, "Asia/Tokyo") == monday

    def test_weekends_and_holidays_are_skipped(self) -> None:
        """Saturday 10:00 waits for Monday; 4 July 10:00 waits for Friday when it is a holiday."""
        saturday = pendulum.datetime(2024, 7, 6, 10, tz="America/New_York")
        assert self._first(saturday) == pendulum.datetime(2024, 7, 8, 8, tz="America/New_York")
        fourth = pendulum.datetime(2024, 7, 4, 10, tz="America/New_York")
        assert self._first(fourth, holidays={date(2024, 7, 4)}) == pendulum.datetime(
            2024, 7, 5, 8, tz="America/New_York"
        )
        assert self._first(fourth) == fourth

    def test_the_closing_minute_is_still_inside(self) -> None:
        """17:00 sharp is inside a window that ends at 17:00."""
        closing = pendulum.datetime(2024, 7, 3, 17, tz="America/New_York")
        assert self._first(closing) == closing

    def test_after_hours_the_next_business_window(self) -> None:
        """Wednesday evening before a holiday: Friday morning."""
        evening = pendulum.datetime(2024, 7, 3, 18, tz="America/New_York")
        assert self._first(evening, holidays={date(2024, 7, 4)}) == pendulum.datetime(
            2024, 7, 5, 8, tz="America/New_York"
        )


class TestZoneNames:
    """Naming any tzinfo so that `zone` finds it again."""

    def test_iana_zones_by_key_zone_or_name(self) -> None:
        """zoneinfo's key, pytz's zone and dateutil-style names are all read."""
        from datetime import datetime as dt
        from datetime import tzinfo
        from zoneinfo import ZoneInfo

        moment = dt(2024, 7, 1, 12)

        class PytzLike(tzinfo):
            zone = "Asia/Tokyo"

        class NamedLike(tzinfo):
            name = "Europe/Paris"

        class Mixed(tzinfo):
            key = "Not/AZone"  # unknown: the next attribute is tried
            zone = 42  # not a name at all
            name = "Asia/Kolkata"

        assert cal.zone_name(Mixed(), moment) == "Asia/Kolkata"
        assert cal.zone_name(ZoneInfo("Europe/Berlin"), moment) == "Europe/Berlin"
        assert cal.zone_name(PytzLike(), moment) == "Asia/Tokyo"
        assert cal.zone_name(NamedLike(), moment) == "Europe/Paris"

    def test_unknown_names_fall_back_to_the_offset(self) -> None:
        """A name no zone database knows, or none at all, gives the offset at that moment."""
        from datetime import datetime as dt
        from datetime import timedelta as td
        from datetime import tzinfo

        class Odd(tzinfo):
            key = "Not/AZone"
            name = ""

            def utcoffset(self, when: dt | None) -> td:
                # Summer and winter differ, so the moment must be the one asked about.
                return td(hours=-4) if when is not None and when.month == 7 else td(hours=-5)

        assert cal.zone_name(Odd(), dt(2024, 7, 1)) == "-04:00"
        assert cal.zone_name(Odd(), dt(2024, 1, 1)) == "-05:00"
        from datetime import timezone as tz

        assert cal.zone_name(tz(td(hours=5, minutes=45)), dt(2024, 1, 1)) == "+05:45"
        assert cal.zone_name(tz(-td(hours=9, minutes=30)), dt(2024, 1, 1)) == "-09:30"
        assert cal.zone_name(tz(td(0)), dt(2024, 1, 1)) in ("UTC", "+00:00")

    def test_a_zone_without_offset_is_refused(self) -> None:
        """A tzinfo that gives no offset cannot be named."""
        from datetime import datetime as dt
        from datetime import tzinfo

        class Blank(tzinfo):
            def utcoffset(self, when: dt | None) -> None:
                return None

        with pytest.raises(ValueError, match=r"^time zone gives no UTC offset$"):
            cal.zone_name(Blank(), dt(2024, 1, 1))


class TestInstants:
    def test_utc_of_any_aware_datetime(self) -> None:
        """Stdlib or pendulum, any zone: the same instant, in the one UTC tzinfo."""
        from datetime import datetime as dt
        from datetime import timezone as tz
        from zoneinfo import ZoneInfo

        new_york = dt(2024, 7, 2, 15, tzinfo=ZoneInfo("America/New_York"))
        for moment in (new_york, pendulum.instance(new_york), new_york.astimezone(tz.utc)):
            converted = cal.utc(moment)
            assert converted == new_york and converted.tzinfo is tz.utc
            assert type(converted) is dt
            assert (converted.hour, converted.day) == (19, 2)

    def test_the_second_pass_of_a_repeated_hour_survives_as_pendulum(self) -> None:
        """01:30 on the fall-back day, second time round, stays the second one."""
        from datetime import datetime as dt

        tz = cal.zone("America/New_York")
        second = dt(2024, 11, 3, 1, 30, tzinfo=tz, fold=1)
        converted = cal.to_pendulum(second)
        assert isinstance(converted, pendulum.DateTime)
        assert converted.fold == 1 and converted.tzinfo is tz
        assert converted.utcoffset() == second.utcoffset()
        assert (converted.hour, converted.minute) == (1, 30)

    def test_a_window_is_computed_once_per_day_and_zone(self) -> None:
        """Asking twice gives the very same instants; another zone gets its own."""
        berlin, tokyo = cal.zone("Europe/Berlin"), cal.zone("Asia/Tokyo")
        first = cal.window_on(date(2024, 7, 3), time(10), time(11), berlin)
        assert cal.window_on(date(2024, 7, 3), time(10), time(11), tokyo) != first
        assert cal.window_on(date(2024, 7, 3), time(10), time(11), berlin) is first


def test_a_window_squeezed_to_one_instant_by_dst_still_exists() -> None:
    """02:00-03:00 on the spring-forward day: only 03:00 is left, an instant, not nothing."""
    tz = cal.zone("America/New_York")
    window = cal.window_on(date(2024, 3, 10), time(2), time(3), tz)
    assert window is not None
    opens, closes = window
    assert opens == closes and opens.astimezone(tz).hour == 3


class TestWholeDays:
    """Every local day is whole (issue 17), including days whose midnight DST skips."""

    @pytest.mark.parametrize(
        ("day", "where", "field", "problem"),
        [
            (date(2024, 7, 3), None, "where", "a date needs a zone (or an interview)"),
            (
                datetime(2024, 7, 3, 9),
                None,
                "day",
                "must be an aware datetime (with a time zone)",
            ),
            (
                datetime(2024, 7, 3, 9),
                "Europe/Berlin",
                "day",
                "must be an aware datetime (with a time zone)",
            ),
            ("2024-07-03", "Europe/Berlin", "day", "expected a date or an aware datetime"),
        ],
    )
    def test_a_day_that_names_no_local_date_is_refused(
        self, day: object, where: str | None, field: str, problem: str
    ) -> None:
        """start_of_day and end_of_day name the argument at fault and say why."""
        for whole_day in (start_of_day, end_of_day):
            with pytest.raises(InvalidArgument) as caught:
                whole_day(day, where)  # type: ignore[arg-type]
            refused = where if field == "where" else day
            assert (caught.value.field, caught.value.value, caught.value.problem) == (
                field,
                refused,
                problem,
            )

    def test_a_moment_names_its_date_in_the_zone_asked(self) -> None:
        """20:00 in New York is already the next day in Tokyo: that day is the one bounded."""
        evening = pendulum.datetime(2024, 7, 3, 20, tz="America/New_York")
        assert start_of_day(evening, "Asia/Tokyo") == pendulum.datetime(
            2024, 7, 4, tz="Asia/Tokyo"
        )
        assert end_of_day(evening).date() == date(2024, 7, 3)

    @pytest.mark.parametrize(
        ("zone", "day"),
        [
            ("Africa/Cairo", date(2023, 4, 28)),  # 00:00 -> 01:00
            ("America/Havana", date(2024, 3, 10)),  # 00:00 -> 01:00
            ("America/Santiago", date(2024, 9, 8)),  # 24:00 -> 01:00
        ],
    )
    def test_a_day_whose_midnight_is_skipped_starts_at_one(self, zone: str, day: date) -> None:
        """The first instant shows 01:00 of that day; the instant before, the day before."""
        tz = cal.zone(zone)
        first = cal.day_start(day, tz)
        assert (first.astimezone(tz).date(), first.astimezone(tz).hour) == (day, 1)
        assert (first - timedelta(microseconds=1)).astimezone(tz).date() == day - timedelta(days=1)

    @given(
        st.sampled_from(["Africa/Cairo", "America/Havana", "America/Santiago", "Europe/London"]),
        st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
    )
    def test_days_tile_time(self, zone: str, day: date) -> None:
        """A day's end is one microsecond before the next day's start, and shows the day."""
        tz = cal.zone(zone)
        end = cal.day_end(day, tz)
        assert end.astimezone(tz).date() == day
        assert end + timedelta(microseconds=1) == cal.day_start(day + timedelta(days=1), tz)
        assert cal.day_start(day, tz) < end

    def test_end_of_day_takes_in_the_last_hour(self) -> None:
        """Public helper: on Cairo's skipped-midnight day the end is 23:59:59.999999 local."""
        from followup_rules import end_of_day, start_of_day

        moment = pendulum.datetime(2023, 4, 28, 12, tz="Africa/Cairo")
        assert start_of_day(moment).hour == 1
        end = end_of_day(moment)
        assert (end.date(), end.hour, end.minute, end.microsecond) == (
            date(2023, 4, 28),
            23,
            59,
            999999,
        )

    def test_end_of_day_in_another_zone(self) -> None:
        """The end of the candidate's day, whatever zone now was given in."""
        from followup_rules import end_of_day

        now = pendulum.datetime(2024, 7, 11, 9, tz="America/New_York")
        end = end_of_day(now, "Europe/Berlin")
        assert (end.timezone_name, end.date(), end.hour) == (
            "Europe/Berlin",
            date(2024, 7, 11),
            23,
        )

    def test_an_unknown_zone_is_a_typed_error(self) -> None:
        """Bad input: a FollowupError naming the zone."""
        from followup_rules import InvalidArgument, end_of_day

        with pytest.raises(InvalidArgument, match="zone"):
            end_of_day(pendulum.datetime(2024, 7, 11, tz="UTC"), "Mars/Olympus")

    def test_the_agenda_until_the_end_of_day_sees_the_last_hour(self) -> None:
        """`today` on Cairo's skipped-midnight day: a note due from 23:10 is due today (a
        send window open until 23:59: only what can be done by the day's end is due, loop6)."""
        from datetime import time

        from followup_rules import Interview, Policy, TimeWindow, agenda, end_of_day

        now = pendulum.datetime(2023, 4, 28, 12, tz="Africa/Cairo")
        iv = Interview(
            pendulum.datetime(2023, 4, 28, 22, 10, tz="Africa/Cairo"), "A", "B", ["Ana"]
        )
        late = Policy(send_window=TimeWindow(time(7), time(23, 59)))
        today = agenda(iv, now=now, until=end_of_day(now), policy=late)
        assert "thank_you" in [item.action.kind.value for item in today.due]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2090, 1, 1)))
def test_the_next_business_day_without_holidays_is_the_next_weekday(start: date) -> None:
    """Without a calendar, the first business day on or after a day is its first Monday to
    Friday, as the general path (any container of holidays) finds it stepping day by day."""
    found = cal.business_day_on_or_after(start)
    assert found.weekday() < 5 and start <= found <= start + timedelta(days=2)
    assert all((start + timedelta(days=n)).weekday() >= 5 for n in range((found - start).days))
    assert cal.business_day_on_or_after(start, set()) == found
