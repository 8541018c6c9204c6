"""Histories in any order (issue 17): read by instant, never by wall clock; duplicates once."""

from __future__ import annotations

from datetime import date, datetime, timezone

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidHistory,
    OutOfOffice,
    Reply,
    audit,
    plan,
)
from followup_rules.state import check_history

from .factories import at, interview

DECIDED = date(2024, 7, 10)
IV = interview(decision_by=DECIDED)
NOTES = [a.done() for a in plan(IV) if a.kind is ActionKind.THANK_YOU]
CALL = Contact(at(2024, 7, 11, 10, 15), Channel.PHONE)


class TestAnyOrder:
    """`plan()`, `audit()` and the fold take a history in any order."""

    def test_a_forgotten_out_of_office_logged_late_takes_its_place(self) -> None:
        """The auto-reply of 12 July logged after the reply of 15 July: read in its place."""
        away = OutOfOffice(at(2024, 7, 12, 9), date(2024, 7, 19))
        reply = Reply(at(2024, 7, 15, 9))
        in_order = plan(IV, history=[*NOTES, CALL, away, reply])
        assert plan(IV, history=[*NOTES, CALL, reply, away]) == in_order

    @given(st.permutations([*NOTES, CALL, Reply(at(2024, 7, 15, 9))]))
    def test_every_order_plans_alike(self, history: list[object]) -> None:
        """However the events are listed, plan and audit read the same history."""
        expected = plan(IV, history=[*NOTES, CALL, Reply(at(2024, 7, 15, 9))])
        assert plan(IV, history=history) == expected  # type: ignore[arg-type]
        assert audit(IV, history) == []  # type: ignore[arg-type]

    def test_check_history_returns_the_events_in_order(self) -> None:
        """The validated history is sorted by instant; ties keep the given order."""
        first = Contact(at(2024, 7, 3, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        tie = Contact(at(2024, 7, 3, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        later = Reply(at(2024, 7, 4, 9))
        assert check_history(IV, [later, first, tie]) == (first, tie, later)

    def test_an_event_before_the_interview_is_still_refused(self) -> None:
        """Order is free, the interview is still the start."""
        try:
            plan(IV, history=[CALL, Reply(at(2024, 7, 1, 9))])
        except InvalidHistory as error:
            assert error.field == "history[1].at"
        else:  # pragma: no cover - the assertion above is the test
            raise AssertionError("an event before the interview was accepted")


class TestByInstant:
    """Order is the instant's, never the wall clock's (a DST fall-back repeats an hour)."""

    NY = "America/New_York"
    # Sun 3 Nov 2024: 01:00-01:59 happens twice in New York.
    EARLY = pendulum.datetime(2024, 11, 3, 1, 50, tz=NY)  # the first 01:50, EDT: 05:50Z
    LATER = pendulum.datetime(2024, 11, 3, 1, 10, tz=NY).add(hours=1)  # the second 01:10, 06:10Z

    def test_the_repeated_hour_is_read_in_true_order(self) -> None:
        """01:50 EDT then 01:10 EST is 20 minutes forward: kept in that order."""
        assert self.LATER.timestamp() - self.EARLY.timestamp() == 20 * 60
        iv = interview(starts_at=pendulum.datetime(2024, 10, 28, 14, tz=self.NY))
        first = Reply(self.EARLY)
        second = OutOfOffice(self.LATER)
        assert check_history(iv, [first, second]) == (first, second)
        assert check_history(iv, [second, first]) == (first, second)

    def test_one_tzinfo_object_compared_by_instant(self) -> None:
        """Plain datetimes sharing one tzinfo object: Python compares their wall clocks."""
        tz = pendulum.timezone(self.NY)
        first = datetime(2024, 11, 3, 1, 50, tzinfo=tz)  # fold 0: EDT, 05:50Z
        second = datetime(2024, 11, 3, 1, 10, tzinfo=tz, fold=1)  # EST, 06:10Z
        assert second < first  # the trap: wall clock
        iv = interview(starts_at=pendulum.datetime(2024, 10, 28, 14, tz=self.NY))
        events = check_history(iv, [Reply(second), Reply(first, "Ana Ruiz")])
        assert [e.at.astimezone(timezone.utc).hour for e in events] == [5, 6]


class TestDuplicates:
    """The same event logged twice counts once."""

    def test_a_call_logged_twice_is_one_call(self) -> None:
        """Rule one-call: audit finds no second call that never happened."""
        assert audit(IV, [*NOTES, CALL, CALL]) == []

    def test_plan_counts_it_once(self) -> None:
        """Two copies plan exactly as one."""
        assert plan(IV, history=[*NOTES, CALL, CALL]) == plan(IV, history=[*NOTES, CALL])

    def test_the_same_instant_in_another_zone_is_the_same_event(self) -> None:
        """10:15 in New York and 16:15 in Berlin are one instant: one call."""
        berlin = Contact(CALL.at.in_timezone("Europe/Berlin"), Channel.PHONE)
        assert len(check_history(IV, [*NOTES, CALL, berlin])) == 3

    def test_a_different_note_is_another_event(self) -> None:
        """Equal in every field, instant included, is a duplicate; a note makes it another."""
        other = Contact(CALL.at, Channel.PHONE, note="second call, really")
        assert len(check_history(IV, [CALL, other])) == 2
