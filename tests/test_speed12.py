"""Work the planner no longer does (issue 20, twelfth pass): each test of a count fails on
the code before it, and the others check that the answers are what the longer road gave."""

from __future__ import annotations

import enum
import importlib
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_rules import Policy, identity, plan, rules
from followup_rules import _calendar as cal
from followup_rules import _members as members
from followup_rules import policy as policy_module
from followup_rules import state as state_module
from followup_rules.events import Outcome
from followup_rules.facts import CallBasis, Fallback
from followup_rules.model import ActionKind, Channel, InterviewFormat
from followup_rules.state import FollowupState

from .factories import make_state

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
UTC = timezone.utc
ZONES = (
    "America/New_York",
    "Europe/Berlin",
    "Australia/Lord_Howe",  # a half-hour DST change
    "America/Santiago",  # DST at midnight
    "Africa/Cairo",
    "Asia/Tokyo",
)


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The benchmark's script, for its population (as `test_benchmarks` imports it)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench")


@contextmanager
def _member_reads() -> Iterator[Counter[str]]:
    """Count every attribute read through an enum class (`Channel.PHONE`) while it lasts."""
    seen: Counter[str] = Counter()
    plain = type.__getattribute__

    def counting(cls: type, name: str) -> Any:
        seen[f"{plain(cls, '__name__')}.{name}"] += 1
        return plain(cls, name)

    setattr(enum.EnumMeta, "__getattribute__", counting)  # noqa: B010 - a type's own slot
    try:
        yield seen
    finally:
        delattr(enum.EnumMeta, "__getattribute__")


class TestEnumMembersAreGlobals:
    """On CPython 3.11 `EnumType` (`EnumMeta`) has a ``__getattr__``, so every read of a
    member through its class (`Channel.PHONE`) calls `type.__getattribute__` through the
    slot hook (about 150 ns, a plan read 68): the planner's hot paths read globals instead."""

    def test_planning_reads_no_member_through_its_class(self, bench: Any) -> None:
        """Fails on the code before: 68 reads a plan without history."""
        cases = bench.population(80)
        for interview, history in cases:  # every cached property and zone made first
            plan(interview)
            plan(interview, history=history)
        with _member_reads() as seen:
            for interview, history in cases:
                plan(interview)
                plan(interview, history=history)
        assert not seen

    def test_the_counter_sees_a_read_through_the_class(self) -> None:
        """The test above would see one: the counter works."""
        with _member_reads() as seen:
            read = (Channel.PHONE, Channel.EMAIL)
        assert len(read) == 2
        assert seen == {"Channel.PHONE": 1, "Channel.EMAIL": 1}

    def test_the_globals_are_the_members_they_name(self) -> None:
        """One set of constants (`_members`), each named for its member; the planning
        modules import them rather than define their own."""
        prefixes = {
            "KIND_": (ActionKind,),
            "CHANNEL_": (Channel,),
            "BASIS_": (CallBasis,),
            "FALLBACK_": (Fallback,),
            "FORMAT_": (InterviewFormat,),
            "OUTCOME_": (Outcome,),
        }
        constants = {
            name: value for name, value in vars(members).items() if isinstance(value, enum.Enum)
        }
        for name, value in constants.items():
            assert name.endswith("_" + value.name), name
            assert type(value) in prefixes[name[: -len(value.name)]], name
        assert len(constants) >= 23
        planner = importlib.import_module("followup_rules.plan")
        imported = 0
        for module in (rules, state_module, planner, policy_module, identity):
            for name, value in vars(module).items():
                if isinstance(value, enum.Enum) and name.isupper() and name in constants:
                    assert value is constants[name], (module.__name__, name)
                    imported += 1
                elif isinstance(value, enum.Enum):  # no member defined a second time
                    assert not name.lstrip("_").isupper(), (module.__name__, name)
        assert imported >= 30


class TestWindowEnds:
    """A window's end is combined from a ``fold=1`` time made once per time object
    (`_calendar._folded`), not by ``replace(fold=1)`` on each datetime."""

    def test_the_folded_time_is_kept(self) -> None:
        """Fails on the code before (no such cache)."""
        cal.clear_caches()
        end = time(17, 30)
        cal.window_on(date(2026, 3, 9), time(9), end, cal.zone("America/New_York"))
        wall, folded = cal._FOLDED[id(end)]
        assert wall is end
        assert folded == end and folded.fold == 1
        cal.clear_caches()
        assert not cal._FOLDED

    @settings(max_examples=300, deadline=None)
    @given(
        day=st.dates(date(2011, 1, 1), date(2028, 12, 31)),
        minutes=st.integers(0, 24 * 60 - 1),
        name=st.sampled_from(ZONES),
        late=st.booleans(),
    )
    def test_local_instant_is_the_old_formula(
        self, day: date, minutes: int, name: str, late: bool
    ) -> None:
        tz = cal.zone(name)
        wall = time(minutes // 60, minutes % 60)
        aware = datetime.combine(day, wall, tz)
        old = (aware.replace(fold=1) if late else aware).astimezone(UTC)
        assert cal.local_instant(day, wall, tz, late=late) == old

    def test_every_window_around_the_changes_is_the_old_one(self) -> None:
        """Every day of 2026 in zones with odd changes, three windows each, cache emptied."""
        windows = ((time(9), time(17)), (time(0), time(1)), (time(7), time(22)))
        for name in ZONES:
            tz = cal.zone(name)
            day = date(2026, 1, 1)
            while day.year == 2026:
                for start, end in windows:
                    cal.clear_caches()
                    assert cal.window_on(day, start, end, tz) == _old_window(day, start, end, tz)
                day += timedelta(days=1)


def _old_window(day: date, start: time, end: time, tz: tzinfo) -> tuple[datetime, datetime] | None:
    """`_calendar._window` as the code before wrote it."""
    opens = datetime.combine(day, start, tz).astimezone(UTC)
    closes = datetime.combine(day, end, tz).replace(fold=1).astimezone(UTC)
    if closes < opens or opens.astimezone(tz).date() != day or closes.astimezone(tz).date() != day:
        return None
    return opens, closes


class TestFirstMomentDaily:
    """`first_moment_daily` steps a day with a kept timedelta, and keeps `max`'s choice."""

    @settings(max_examples=300, deadline=None)
    @given(
        moment=st.datetimes(datetime(2011, 1, 1), datetime(2028, 12, 31)),
        name=st.sampled_from(ZONES),
        hours=st.sampled_from(((7, 22), (9, 17), (0, 1), (23, 23))),
    )
    def test_it_is_the_old_function(
        self, moment: datetime, name: str, hours: tuple[int, int]
    ) -> None:
        tz = cal.zone(name)
        start, end = time(hours[0]), time(hours[1], 59)
        instant = moment.replace(tzinfo=UTC)
        cal.clear_caches()
        found = cal.first_moment_daily(instant, start, end, tz)
        expected = _old_first_moment_daily(instant, start, end, tz)
        assert found == expected
        # on a tie `max` gave *moment* itself, and so does the new code
        assert (found is instant) == (expected is instant)

    def test_a_moment_at_the_opening_is_given_back_itself(self) -> None:
        tz = cal.zone("Europe/Berlin")
        opening = cal.window_on(date(2026, 3, 10), time(7), time(22), tz)
        assert opening is not None
        moment = opening[0] + timedelta(0)  # equal, another object
        assert moment is not opening[0]
        assert cal.first_moment_daily(moment, time(7), time(22), tz) is moment


def _old_first_moment_daily(moment: datetime, start: time, end: time, tz: tzinfo) -> datetime:
    moment = cal.utc(moment)
    day = moment.astimezone(tz).date()
    for ahead in range(3):
        window = cal.window_on(day + timedelta(days=ahead), start, end, tz)
        if window is not None and moment <= window[1]:
            return max(moment, window[0])
    return moment


class TestCheckInsLeft:
    """`FollowupState.check_ins_left` without the two builtin calls: the same number."""

    @settings(max_examples=200, deadline=None)
    @given(
        max_check_ins=st.integers(1, 10),
        max_contacts_ever=st.integers(1, 40),
        check_ins=st.integers(0, 12),
        contacts_ever=st.integers(0, 45),
    )
    def test_it_is_max_of_zero_and_the_smaller_allowance(
        self, max_check_ins: int, max_contacts_ever: int, check_ins: int, contacts_ever: int
    ) -> None:
        policy = Policy(
            max_check_ins=max_check_ins, max_contacts_ever=max(max_contacts_ever, max_check_ins)
        )
        state: FollowupState = make_state(policy=policy)
        state.__dict__.update(check_ins=check_ins, contacts_ever=contacts_ever)
        expected = max(
            0,
            min(
                policy.max_check_ins - check_ins,
                policy.max_contacts_ever - contacts_ever,
            ),
        )
        assert state.check_ins_left == expected
