"""A planned time stays aware through the stdlib conversions an app makes (cal14 F6).

pendulum's arithmetic knows only its own zones: ``x.astimezone(timezone.utc) +
timedelta(hours=1)`` on a plain pendulum DateTime gives a naive time, and the
library's `DateTime` then failed to hash it with a bare ``AssertionError``.  An app
that converts a planned time to ``datetime.timezone.utc``, a fixed offset or a
``ZoneInfo`` and adds to it must get the aware instant it asked for.
"""

from __future__ import annotations

from datetime import timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import plan
from followup_rules._calendar import DateTime

from .factories import interview

STDLIB_ZONES: list[tzinfo] = [
    timezone.utc,
    timezone(timedelta(hours=-3)),
    timezone(timedelta(hours=5, minutes=45)),
    ZoneInfo("America/New_York"),
    ZoneInfo("Australia/Lord_Howe"),
    ZoneInfo("Europe/Berlin"),
]


@given(zone=st.sampled_from(STDLIB_ZONES), hours=st.integers(-2000, 2000))
def test_a_planned_time_in_a_stdlib_zone_adds_as_an_aware_instant(
    zone: tzinfo, hours: int
) -> None:
    for action in plan(interview()):
        moved = action.suggested.astimezone(zone)
        assert moved == action.suggested  # the same instant
        later = moved + timedelta(hours=hours)
        assert later.tzinfo is not None and later.utcoffset() is not None
        assert later - timedelta(hours=hours) == action.suggested
        assert hash(later) == hash(later.in_timezone("UTC"))
        assert moved.utcoffset() == zone.utcoffset(moved.replace(tzinfo=None))


def test_a_named_stdlib_zone_comes_back_as_the_same_pendulum_zone() -> None:
    start = pendulum.datetime(2026, 11, 1, 6, 30, tz="UTC")
    moment = DateTime.instance(start)
    assert type(moment) is DateTime
    moved = moment.astimezone(ZoneInfo("America/New_York"))
    assert moved.timezone_name == "America/New_York"
    assert moved.fold == 1 and moved.hour == 1  # the second 01:30 of the night
    assert (moved + timedelta(minutes=45)).hour == 2


def test_a_naive_library_time_hashes_by_its_wall_clock() -> None:
    naive = DateTime(2026, 7, 1, 9, 0)
    assert hash(naive) == hash(DateTime(2026, 7, 1, 9, 0))
    assert {naive, DateTime(2026, 7, 1, 9, 0)} == {naive}
