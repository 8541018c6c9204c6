"""The calendar helpers (`_calendar`), pinned where the eighteenth mutation pass found them
loose: the edges of an offset a user types, the words of a refused zone, and how the
library's `DateTime` compares with other datetimes."""

from __future__ import annotations

import copy
import operator
import pickle
import zoneinfo
from datetime import date, datetime, timedelta, timezone, tzinfo

import pendulum
import pytest

from followup_rules import _calendar as cal

from .test_loop_mut18b import NoOffset


class TestOffsetsAsTyped:
    @pytest.mark.parametrize("typed", ["+23:59", "-23:00", "+00:59", "+05:59"])
    def test_the_last_hour_and_minute_are_accepted(self, typed: str) -> None:
        assert cal.zone_key(typed) == typed
        moment = datetime(2024, 7, 3, 12, tzinfo=cal.zone(typed))
        sign = -1 if typed[0] == "-" else 1
        hours, minutes = int(typed[1:3]), int(typed[4:])
        assert moment.utcoffset() == sign * timedelta(hours=hours, minutes=minutes)

    @pytest.mark.parametrize("typed", ["+24:00", "-24:00", "+05:60", "+00:60"])
    def test_one_past_is_refused(self, typed: str) -> None:
        with pytest.raises(ValueError, match=r"^offset out of range: '[+-]\d\d:\d\d'$"):
            cal.zone_key(typed)


class TestRefusedZonesInWords:
    @pytest.mark.parametrize("name", ["localtime", "posix/Europe/Paris", "Factory"])
    def test_a_machine_setting(self, name: str) -> None:
        with pytest.raises(ValueError, match="machine's setting") as caught:
            cal.zone_key(name)
        assert str(caught.value) == (
            f"{name!r} is the machine's setting or a placeholder, not a place: "
            "use an IANA name like 'Europe/Paris'"
        )

    def test_a_name_like_none(self) -> None:
        with pytest.raises(ValueError, match="unknown time zone") as caught:
            cal.zone_key("Mars/Olympus_Base_Seven")
        assert str(caught.value) == (
            "unknown time zone 'Mars/Olympus_Base_Seven' (use an IANA name like "
            "'Europe/Paris', 'UTC' or an offset like '+05:30')"
        )


NEW_YORK = cal.zone("America/New_York")


class TestDateTimeComparesInstants:
    """01:50 EDT comes before 01:20 EST on the fall-back day (2024-11-03), whatever the
    wall clocks say, against the library's DateTime and a plain datetime alike."""

    first = cal.DateTime(2024, 11, 3, 1, 50, tzinfo=NEW_YORK)  # EDT, 05:50 UTC
    second = cal.DateTime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1)  # EST, 06:20 UTC

    @pytest.mark.parametrize("plain", [False, True])
    def test_in_the_repeated_hour(self, plain: bool) -> None:
        second: datetime = self.second
        if plain:
            second = datetime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1)
        first = self.first
        assert first < second and first <= second
        assert not first > second and not first >= second
        assert first != second and (first == second) is False
        assert second > first and second >= first  # the reflected side as well
        assert (second < first) is False and (second <= first) is False
        same = datetime(2024, 11, 3, 5, 50, tzinfo=timezone.utc)
        assert first == same and (first != same) is False and hash(first) == hash(same)
        assert first <= same and first >= same  # one instant on two clocks
        assert (first < same) is False and (first > same) is False

    def test_a_zone_without_an_offset_is_naive(self) -> None:
        naive_by_its_zone = datetime(2024, 11, 3, 5, 50, tzinfo=NoOffset())
        ours = cal.DateTime(2024, 11, 3, 5, 50, tzinfo=NoOffset())
        assert hash(ours) == hash(naive_by_its_zone) == hash(datetime(2024, 11, 3, 5, 50))
        assert (self.first == naive_by_its_zone) is False and self.first != naive_by_its_zone
        with pytest.raises(TypeError):
            _ = self.first < naive_by_its_zone
        with pytest.raises(TypeError):
            _ = self.first >= naive_by_its_zone


class TestANaiveDateTime:
    """A planned time made naive (pendulum's ``naive()``) compares by its wall clock with
    naive datetimes, as Python's own does, and is never equal to a date."""

    wall = TestDateTimeComparesInstants.first.naive()

    def test_it_stays_the_library_s_type(self) -> None:
        assert type(self.wall) is cal.DateTime and self.wall.tzinfo is None

    def test_against_naive_datetimes(self) -> None:
        wall = self.wall
        before, same, after = (datetime(2024, 11, 3, 1, m) for m in (20, 50, 55))
        assert wall > before and wall >= before and not wall < before and not wall <= before
        assert wall < after and wall <= after and not wall > after and not wall >= after
        assert wall == same and (wall != same) is False and wall <= same and wall >= same
        assert wall != before and (wall == before) is False
        assert hash(wall) == hash(same)

    def test_against_an_aware_datetime(self) -> None:
        aware = datetime(2024, 11, 3, 1, 50, tzinfo=timezone.utc)
        assert (self.wall == aware) is False and self.wall != aware
        with pytest.raises(TypeError):
            _ = self.wall <= aware

    @pytest.mark.parametrize("naive", [False, True])
    def test_never_equal_to_a_date(self, naive: bool) -> None:
        moment = self.wall if naive else TestDateTimeComparesInstants.first
        day = date(2024, 11, 3)
        assert (moment == day) is False and moment != day
        for compare in (operator.lt, operator.le, operator.gt, operator.ge):
            with pytest.raises(TypeError):
                compare(moment, day)


class TestConvertingAPlannedTime:
    """A planned time converted to a stdlib zone comes back in pendulum's own zone of that
    name or offset, so adding to it keeps it aware; pickled or copied it keeps its fold."""

    moment = cal.DateTime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1)  # 06:20 UTC

    @pytest.mark.parametrize(
        ("target", "zone", "shown"),
        [
            (timezone.utc, "Timezone('UTC')", "2024-11-03T07:20:00+00:00"),
            (
                zoneinfo.ZoneInfo("Asia/Tokyo"),
                "Timezone('Asia/Tokyo')",
                "2024-11-03T16:20:00+09:00",
            ),
            (
                timezone(timedelta(hours=5, minutes=30)),
                'FixedTimezone(19800, name="+05:30")',
                "2024-11-03T12:50:00+05:30",
            ),
            (timezone(timedelta(0), "GMT"), 'FixedTimezone(0, name="+00:00")', None),
            (timezone(timedelta(hours=-3), "UTC"), 'FixedTimezone(-10800, name="-03:00")', None),
            (pendulum.timezone("Europe/Paris"), "Timezone('Europe/Paris')", None),
            (pendulum.FixedTimezone(3600), 'FixedTimezone(3600, name="+01:00")', None),
        ],
    )
    def test_into_a_zone(self, target: tzinfo, zone: str, shown: str | None) -> None:
        converted = self.moment.astimezone(target)
        assert type(converted) is cal.DateTime
        assert repr(converted.tzinfo) == zone
        assert converted == self.moment
        later = converted + timedelta(hours=1)
        assert later.tzinfo is not None and later - self.moment == timedelta(hours=1)
        if shown is not None:
            assert later.isoformat() == shown

    def test_a_named_zone_is_the_very_zone_of_that_name(self) -> None:
        assert self.moment.astimezone(timezone.utc).tzinfo is pendulum.UTC
        assert self.moment.astimezone(zoneinfo.ZoneInfo("UTC")).tzinfo == pendulum.UTC

    @pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
    def test_pickled_keeps_the_second_of_the_repeated_hour(self, protocol: int) -> None:
        back = pickle.loads(pickle.dumps(self.moment, protocol))
        assert type(back) is cal.DateTime and back.fold == 1
        assert back.isoformat() == "2024-11-03T01:20:00-05:00"
        assert back == self.moment and back.tzinfo == NEW_YORK

    def test_copied_keeps_it_too(self) -> None:
        for twin in (copy.copy(self.moment), copy.deepcopy(self.moment)):
            assert type(twin) is cal.DateTime and twin.fold == 1
            assert twin.utcoffset() == timedelta(hours=-5)

    def test_hashed_by_instant_when_aware_by_wall_clock_when_naive(self) -> None:
        first = TestDateTimeComparesInstants.first
        assert hash(self.moment) == hash(datetime(2024, 11, 3, 6, 20, tzinfo=timezone.utc))
        assert hash(self.moment) != hash(first)
        assert len({self.moment, self.moment.astimezone(timezone.utc), first}) == 2
        assert hash(self.moment.naive()) == hash(datetime(2024, 11, 3, 1, 20))


class Island(tzinfo):
    """A zone as some tzinfo libraries write one: no key, an offset and a name only for a
    given moment (one hour ahead from April to October, UTC the rest of the year)."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None if dt is None else timedelta(hours=4 <= dt.month <= 10)

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None if dt is None else timedelta(0)

    def tzname(self, dt: datetime | None) -> str | None:
        return None if dt is None else ("UTC+1" if 4 <= dt.month <= 10 else "UTC")


class TestAZoneKnownOnlyByItsMoments:
    def test_summer_is_the_offset_of_that_moment(self) -> None:
        moment = cal.DateTime(2024, 7, 3, 9, tzinfo=NEW_YORK)  # 13:00 UTC
        converted = moment.astimezone(Island())
        assert repr(converted.tzinfo) == 'FixedTimezone(3600, name="+01:00")'
        assert converted.hour == 14 and converted == moment

    def test_winter_is_utc_by_its_name(self) -> None:
        moment = cal.DateTime(2024, 1, 3, 9, tzinfo=NEW_YORK)
        assert moment.astimezone(Island()).tzinfo is pendulum.UTC


class TestToPendulum:
    """What `to_pendulum` gives for any aware datetime: the library's DateTime, same
    instant, zone and fold (the second 01:20 of the fall-back day stays the second)."""

    @pytest.mark.parametrize(
        "moment",
        [
            datetime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1),
            pendulum.DateTime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1),
            cal.DateTime(2024, 11, 3, 1, 20, tzinfo=NEW_YORK, fold=1),
        ],
    )
    def test_every_kind_of_datetime(self, moment: datetime) -> None:
        rebuilt = cal.to_pendulum(moment)
        assert type(rebuilt) is cal.DateTime
        assert rebuilt.tzinfo is NEW_YORK and rebuilt.fold == 1
        assert rebuilt.isoformat() == "2024-11-03T01:20:00-05:00"


class TestIdentityCaches:
    """An entry left under a recycled id (another instant, or another zone, that once had
    the same ids) is never taken for the answer."""

    def test_to_local(self) -> None:
        instant = datetime(2024, 7, 3, 13, tzinfo=timezone.utc)
        other = datetime(2000, 1, 1, tzinfo=timezone.utc)
        stale = pendulum.datetime(2000, 1, 1)
        for left in ((other, NEW_YORK, stale), (instant, cal.zone("Asia/Tokyo"), stale)):
            cal.clear_caches()
            cal._LOCAL[id(instant), id(NEW_YORK)] = left
            assert cal.to_local(instant, NEW_YORK).isoformat() == "2024-07-03T09:00:00-04:00"

    def test_local_window(self) -> None:
        opens = datetime(2024, 7, 3, 13, tzinfo=timezone.utc)
        closes = datetime(2024, 7, 3, 21, tzinfo=timezone.utc)
        other = datetime(2000, 1, 1, tzinfo=timezone.utc)
        stale = pendulum.datetime(2000, 1, 1)
        tokyo = cal.zone("Asia/Tokyo")
        for instant in (opens, closes):
            for left in ((other, NEW_YORK, stale), (instant, tokyo, stale)):
                cal.clear_caches()
                cal._LOCAL[id(instant), id(NEW_YORK)] = left
                window = cal.local_window((opens, closes, opens), NEW_YORK)
                assert [moment.hour for moment in window] == [9, 17, 9]
