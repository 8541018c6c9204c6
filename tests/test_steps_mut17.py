"""A history read in order (`_steps.in_order`, what the state fold and the step ids share),
pinned where the seventeenth mutation pass found it loose: which events at one instant are
the same event logged twice, and which are not."""

from __future__ import annotations

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
