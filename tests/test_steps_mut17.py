"""A history read in order (`_steps.in_order`, what the state fold and the step ids share),
pinned where the seventeenth mutation pass found it loose: which events at one instant are
the same event logged twice, and which are not."""

from __future__ import annotations

import pendulum

from followup_rules import Reply, Skip, Snooze
from followup_rules._steps import in_order

from .factories import at

T = at(2024, 7, 3, 9)


def test_events_of_two_kinds_with_the_same_fields_are_both_kept() -> None:
    reply, skip = Reply(T, "x1"), Skip(T, "x1")
    assert in_order([reply, skip]) == [(0, reply), (1, skip)]
    assert in_order([reply, skip, reply]) == [(0, reply), (1, skip)]


def test_events_at_one_instant_differing_only_in_a_time_are_both_kept() -> None:
    sooner = Snooze(T, "step-1", at(2024, 7, 4, 9))
    later = Snooze(T, "step-1", at(2024, 7, 5, 9))
    same = Snooze(T.in_timezone("Asia/Tokyo"), "step-1", at(2024, 7, 4, 22, tz="Asia/Tokyo"))
    assert in_order([sooner, later]) == [(0, sooner), (1, later)]
    # the same snooze written on another clock is the same event, kept once
    assert in_order([sooner, same, later]) == [(0, sooner), (2, later)]


def test_snoozes_to_the_two_readings_of_an_autumn_hour_are_both_kept() -> None:
    """Two snoozes written at one instant, until 02:30 before and after Berlin's clocks
    go back (the same wall clock, an hour apart): two events, not one written twice.
    (Python compares plain datetimes of one zone by their wall clocks, fold left out;
    an event's times compare by their instants.)"""
    written = pendulum.datetime(2026, 10, 20, 9, tz="Europe/Berlin")
    first = pendulum.datetime(2026, 10, 25, 2, 30, tz="Europe/Berlin", fold=0)
    second = pendulum.datetime(2026, 10, 25, 2, 30, tz="Europe/Berlin", fold=1)
    assert first.utcoffset() != second.utcoffset()
    early, late = Snooze(written, "step-1", first), Snooze(written, "step-1", second)
    assert in_order([early, late]) == [(0, early), (1, late)]
    assert in_order([early, late, early]) == [(0, early), (1, late)]
