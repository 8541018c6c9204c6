"""Mutation testing, twenty-second pass (`mut22c`): `state`, `_calendar`, `policy`,
`_validate` as changed since their last pass, and `action`'s moves of a built step.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import Action, ActionKind, Channel, InvalidPolicy, Policy, plan
from followup_rules import _calendar as cal
from followup_rules.facts import Facts

from .factories import ANA, NY, at, interview

NEW_YORK = cal.zone(NY)
UTC = timezone.utc


def hand_built(**changes: Any) -> Action:
    """A check-in to Ana by e-mail, Tuesday 9 July 2024 in New York, 9:00 to 17:00."""
    fields: dict[str, Any] = {
        "kind": ActionKind.CHECK_IN,
        "channel": Channel.EMAIL,
        "recipient": ANA,
        "earliest": at(2024, 7, 9, 9),
        "latest": at(2024, 7, 9, 17),
        "suggested": at(2024, 7, 9, 10),
        "rule": "check-in-after-deadline",
        "sources": ("004_57c313bf0b59dfd5.txt",),
        "template": "check_in_email",
    }
    fields.update(changes)
    return Action(**fields)


# Wednesday 10 July 2024, 9:00, 17:00 and 11:00 in New York (EDT, UTC-4), as UTC instants.
NEXT_DAY = (
    datetime(2024, 7, 10, 13, tzinfo=UTC),
    datetime(2024, 7, 10, 21, tzinfo=UTC),
    datetime(2024, 7, 10, 15, tzinfo=UTC),
)


class TestAStepWhoseTimesAreBuiltIsMovedInItsOwnZone:
    """`Action._moved` and `_with_facts` on a step whose times were already built (by
    hand, or read from a plan): the zone is the one its times carry.  The planner now
    moves only steps it made in the same call, unread; a step read first (a later
    change to the planner, or a rule that reads a time) must move the same way
    (`action`'s `_moved__mutmut_2` to `_4`, `_with_facts__mutmut_2` to `_4`)."""

    def test_a_hand_built_step_moved_to_the_next_day(self) -> None:
        step = hand_built()
        moved = step._moved(NEXT_DAY, step._utc[1])
        assert (moved.earliest, moved.latest, moved.suggested) == (
            at(2024, 7, 10, 9),
            at(2024, 7, 10, 17),
            at(2024, 7, 10, 11),
        )
        assert moved.suggested.timezone_name == NY
        assert moved.late_since == at(2024, 7, 9, 17)
        assert moved.late_since.timezone_name == NY
        assert moved.facts == step.facts

    def test_a_planned_step_read_then_moved(self) -> None:
        step = next(a for a in plan(interview()).actions if a.kind is ActionKind.CHECK_IN)
        read = step.suggested  # builds the three times: the step now carries them
        moved = step._moved(NEXT_DAY, None, Facts(attempt=2))
        assert moved.suggested == at(2024, 7, 10, 11)
        assert moved.suggested.timezone_name == read.timezone_name == NY
        assert moved.late_since is None
        assert moved.facts.attempt == 2

    def test_a_hand_built_step_given_facts(self) -> None:
        step = hand_built()
        given = step._with_facts(Facts(attempt=3))
        assert given.facts.attempt == 3
        assert (given.earliest, given.latest, given.suggested) == (
            step.earliest,
            step.latest,
            step.suggested,
        )
        assert given.latest.timezone_name == NY
        assert given == hand_built(facts=Facts(attempt=3))

    def test_a_planned_step_read_then_given_facts(self) -> None:
        step = plan(interview()).actions[-1]
        before = (step.earliest, step.latest, step.suggested)
        given = step._with_facts(Facts(attempt=4))
        assert (given.earliest, given.latest, given.suggested) == before
        assert given.earliest.timezone_name == before[0].timezone_name
        assert given.facts.attempt == 4


class TestAWallClockOnTheDaysTheClocksChange:
    """`_calendar.local_instant`: a time a fall-back hour repeats is its first occurrence,
    or with *late* (the end of a window) its second; a time a spring-forward gap skips
    moves forward past the gap, or with *late* back before it.  The export's waking
    hours read the default (`_calendar`'s `local_instant__mutmut_1`, `_9`, `_10`)."""

    def test_the_repeated_hour(self) -> None:
        day, wall = date(2024, 11, 3), time(1, 30)
        assert cal.local_instant(day, wall, NEW_YORK) == datetime(2024, 11, 3, 5, 30, tzinfo=UTC)
        assert cal.local_instant(day, wall, NEW_YORK, late=True) == datetime(
            2024, 11, 3, 6, 30, tzinfo=UTC
        )

    def test_the_skipped_hour(self) -> None:
        day, wall = date(2024, 3, 10), time(2, 30)
        assert cal.local_instant(day, wall, NEW_YORK) == datetime(2024, 3, 10, 7, 30, tzinfo=UTC)
        assert cal.local_instant(day, wall, NEW_YORK, late=True) == datetime(
            2024, 3, 10, 6, 30, tzinfo=UTC
        )

    def test_an_ordinary_hour_is_the_same_either_way(self) -> None:
        day, wall = date(2024, 7, 3), time(9)
        nine = datetime(2024, 7, 3, 13, tzinfo=UTC)
        assert cal.local_instant(day, wall, NEW_YORK) == nine
        assert cal.local_instant(day, wall, NEW_YORK, late=True) == nine


class TestTheFoldedEndsOfAWindow:
    """`_calendar._folded`, the cache behind every window's end (issue 20): asked again
    with the same time object it gives back the very time it kept; an entry left by
    another time under a recycled id is not taken (`_folded__mutmut_1` to `_3`, `_6`,
    `_7`)."""

    def test_asked_again_the_very_time_kept(self) -> None:
        end = time(17, 30)
        cal.clear_caches()
        folded = cal._folded(end)
        assert folded == end and folded.fold == 1
        assert cal._folded(end) is folded

    def test_a_stale_entry_under_a_recycled_id(self) -> None:
        end, other = time(1, 30), time(23)
        cal.clear_caches()
        cal._FOLDED[id(end)] = (other, other.replace(fold=1))
        assert cal._folded(end) == end
        assert cal.local_instant(date(2024, 11, 3), end, NEW_YORK, late=True) == datetime(
            2024, 11, 3, 6, 30, tzinfo=UTC
        )
        assert cal.window_on(date(2024, 11, 3), time(0, 30), end, NEW_YORK) == (
            datetime(2024, 11, 3, 4, 30, tzinfo=UTC),
            datetime(2024, 11, 3, 6, 30, tzinfo=UTC),
        )


# Wednesday 3 July 2024, 10:00 in New York, in each form an aware moment may take.
TEN_IN_NEW_YORK = (
    datetime(2024, 7, 3, 14, tzinfo=timezone.utc),
    pendulum.datetime(2024, 7, 3, 10, tz=NY),
    datetime(2024, 7, 3, 16, tzinfo=timezone(timedelta(hours=2))),
    pendulum.DateTime(2024, 7, 3, 14, tzinfo=timezone.utc),
)


class TestTheFirstMomentIsAPlainUtcInstant:
    """`_calendar.first_moment_daily` and `first_moment_in_window` answer a stdlib datetime
    in UTC, the planner's own instants, whatever aware moment they are given: a pendulum
    DateTime in a named zone, a stdlib datetime at a fixed offset, a DateTime in the
    stdlib's UTC (`first_moment_daily__mutmut_1`, `_3` to `_6`, and the same numbers of
    `first_moment_in_window`)."""

    @pytest.mark.parametrize("moment", TEN_IN_NEW_YORK, ids=["utc", "pendulum", "offset", "sub"])
    def test_inside_the_hours_the_moment_itself(self, moment: datetime) -> None:
        for found in (
            cal.first_moment_daily(moment, time(9), time(17), NEW_YORK),
            cal.first_moment_in_window(moment, time(9), time(17), NEW_YORK),
        ):
            assert found == datetime(2024, 7, 3, 14, tzinfo=UTC)
            assert type(found) is datetime and found.tzinfo is UTC

    @pytest.mark.parametrize("moment", TEN_IN_NEW_YORK, ids=["utc", "pendulum", "offset", "sub"])
    def test_before_the_hours_their_opening(self, moment: datetime) -> None:
        for found in (
            cal.first_moment_daily(moment, time(11), time(17), NEW_YORK),
            cal.first_moment_in_window(moment, time(11), time(17), NEW_YORK),
        ):
            assert found == datetime(2024, 7, 3, 15, tzinfo=UTC)
            assert type(found) is datetime and found.tzinfo is UTC

    @pytest.mark.parametrize("moment", TEN_IN_NEW_YORK, ids=["utc", "pendulum", "offset", "sub"])
    def test_after_the_hours_the_next_opening(self, moment: datetime) -> None:
        # Thursday 4 July is a weekday: no holidays are given.
        for found in (
            cal.first_moment_daily(moment, time(7), time(9), NEW_YORK),
            cal.first_moment_in_window(moment, time(7), time(9), NEW_YORK),
        ):
            assert found == datetime(2024, 7, 4, 11, tzinfo=UTC)
            assert type(found) is datetime and found.tzinfo is UTC


class TestAHousePolicyRedefiningSeveralKnobs:
    """`_validate._keep_inherited_checks`: every knob a house policy redefines keeps the
    base's check, whichever way each is written and in whatever order; the house prints,
    and its knobs stay keyword-only as `Policy`'s are, even in a house made with plain
    ``@attrs.frozen`` (`_keep_inherited_checks__mutmut_29`, `_36`, `_64`, `_65`, `_71`)."""

    def test_an_attrs_field_then_a_plain_default(self) -> None:
        @attrs.frozen(kw_only=True)
        class House(Policy):
            min_gap: int = attrs.field(default=5)
            max_calls = 2

        house: Any = House  # mypy's attrs plugin does not read the plain redefinition
        assert (house().min_gap, house().max_calls) == (5, 2)
        for knob, bad in (("min_gap", 0), ("max_calls", -1)):
            with pytest.raises(InvalidPolicy) as caught:
                house(**{knob: bad})
            assert (caught.value.field, caught.value.value) == (f"House.{knob}", bad)

    def test_two_attrs_fields(self) -> None:
        @attrs.frozen(kw_only=True)
        class House(Policy):
            min_gap: int = attrs.field(default=5)
            max_check_ins: int = attrs.field(default=2)

        assert (House().min_gap, House().max_check_ins) == (5, 2)
        with pytest.raises(InvalidPolicy) as caught:
            House(max_check_ins=-1)
        assert (caught.value.field, caught.value.value) == ("House.max_check_ins", -1)

    def test_a_house_made_with_plain_attrs_frozen(self) -> None:
        @attrs.frozen
        class House(Policy):
            min_gap = 7

        made: Any = House  # mypy's attrs plugin does not read the plain redefinition
        assert made().min_gap == 7
        assert "min_gap=7" in repr(made())
        with pytest.raises(TypeError):
            made(3)
        with pytest.raises(InvalidPolicy):
            made(min_gap=0)
