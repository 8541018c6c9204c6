"""Work the planner no longer repeats (issue 20, ninth pass): each test fails on the code
before it, and checks that the answers are what the longer road gave."""

from __future__ import annotations

import sys
from datetime import date, datetime, time, timedelta, timezone
from types import FrameType
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import Interviewer, Policy, plan, rules
from followup_rules import _calendar as cal
from followup_rules.events import Outcome
from followup_rules.model import ActionKind, Channel

from .factories import ANA, BO, interview

UTC = timezone.utc
ZONES = ("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "UTC")


def _reference_first_window(
    day: date,
    start: time,
    end: time,
    tz: Any,
    *,
    not_before: datetime | None = None,
    holidays: Any = cal.NO_HOLIDAYS,
    open_from: datetime | None = None,
) -> tuple[datetime, datetime]:
    """`first_window` as it was before this pass: both instants' dates first, always."""
    if not_before is not None:
        day = max(day, cal.local_date(not_before, tz))
    if open_from is not None:
        day = max(day, cal.local_date(open_from, tz))
    day = cal.business_day_on_or_after(day, holidays)
    while True:
        window = cal.window_on(day, start, end, tz)
        if (
            window is not None
            and (not_before is None or window[0] >= not_before)
            and (open_from is None or window[1] >= open_from)
        ):
            if open_from is not None and window[0] < open_from:
                return open_from, window[1]
            return window
        day = cal.add_business_days(day, 1, holidays)


def _reference_first_moment_in_window(
    moment: datetime, start: time, end: time, tz: Any, holidays: Any = cal.NO_HOLIDAYS
) -> datetime:
    moment = cal.utc(moment)
    day = moment.astimezone(tz).date()
    if cal.is_business_day(day, holidays):
        window = cal.window_on(day, start, end, tz)
        if window is not None and window[0] <= moment <= window[1]:
            return moment
    return _reference_first_window(day, start, end, tz, not_before=moment, holidays=holidays)[0]


@pytest.fixture
def no_conversions(monkeypatch: pytest.MonkeyPatch) -> None:
    def refused(moment: datetime, tz: Any) -> date:
        raise AssertionError(f"converted {moment} to {tz}")

    monkeypatch.setattr(cal, "local_date", refused)


class TestTheFirstWindowConvertsNothingItNeedNot:
    """When the first business day's window already opens after *not_before* and closes
    after *open_from*, neither instant is converted to the zone: their dates could not
    move the search past that day.  A check-in's ``open_from`` (the moment rule
    ``patience`` allows) is set on every check-in since spec10."""

    def test_instants_before_the_day(self, no_conversions: None) -> None:
        tz = cal.zone("America/New_York")
        early = datetime(2024, 7, 1, 12, tzinfo=UTC)
        found = cal.first_window(
            date(2024, 7, 9), time(9), time(17), tz, not_before=early, open_from=early
        )
        assert found == (
            datetime(2024, 7, 9, 13, tzinfo=UTC),
            datetime(2024, 7, 9, 21, tzinfo=UTC),
        )

    def test_a_window_cut_at_open_from(self, no_conversions: None) -> None:
        tz = cal.zone("Europe/Berlin")
        cut = datetime(2024, 7, 9, 10, 30, tzinfo=UTC)  # 12:30 in Berlin
        opens, closes = cal.first_window(date(2024, 7, 9), time(9), time(17), tz, open_from=cut)
        assert opens is cut
        assert closes == datetime(2024, 7, 9, 15, tzinfo=UTC)

    def test_a_moment_after_its_day_s_window(self, no_conversions: None) -> None:
        """`first_moment_in_window` of an evening moment: the next business day's
        opening, the moment converted once (by the function itself), not twice."""
        tz = cal.zone("America/New_York")
        friday_evening = datetime(2024, 7, 5, 23, tzinfo=UTC)  # 19:00 in New York
        found = cal.first_moment_in_window(friday_evening, time(9), time(17), tz)
        assert found == datetime(2024, 7, 8, 13, tzinfo=UTC)  # Monday 09:00

    @given(
        st.sampled_from(ZONES),
        st.dates(min_value=date(2011, 1, 1), max_value=date(2028, 12, 31)),
        st.integers(min_value=-4 * 24 * 60, max_value=12 * 24 * 60),
        st.one_of(st.none(), st.integers(min_value=-4 * 24 * 60, max_value=12 * 24 * 60)),
        st.sampled_from([(time(9), time(17)), (time(1, 30), time(2, 30)), (time(0), time(4))]),
    )
    def test_the_same_windows_as_before(
        self,
        name: str,
        day: date,
        minutes: int,
        other: int | None,
        hours: tuple[time, time],
    ) -> None:
        tz = cal.zone(name)
        base = datetime.combine(day, time(0), UTC)
        not_before = base + timedelta(minutes=minutes)
        open_from = None if other is None else base + timedelta(minutes=other)
        for args in (
            {"not_before": not_before, "open_from": open_from},
            {"open_from": not_before},
            {"not_before": not_before},
            {},
        ):
            assert cal.first_window(day, *hours, tz, **args) == _reference_first_window(
                day, *hours, tz, **args
            )
        assert cal.first_moment_in_window(not_before, *hours, tz) == (
            _reference_first_moment_in_window(not_before, *hours, tz)
        )


class TestThankYouWindowsOncePerZone:
    """The thank-you e-mails to interviewers who share a zone share one window, found
    once a plan: its sending moment depends on the interview, the policy and the zone."""

    def test_one_sending_moment_a_zone(self, monkeypatch: pytest.MonkeyPatch) -> None:
        found = rules.sending_moment
        zones: list[object] = []

        def counted(start: datetime, latest: datetime, tz: Any, policy: Policy) -> datetime:
            zones.append(tz)
            return found(start, latest, tz, policy)

        iv = interview(
            interviewers=[
                ANA,
                BO,
                Interviewer("Cy Dane", email="cy@acme.example", requested=("the slides",)),
                Interviewer("Di Eze", email="di@acme.example", timezone="Europe/Berlin"),
            ]
        )
        before = [(a.kind, a.recipient, a.earliest, a.latest, a.suggested) for a in plan(iv)]
        monkeypatch.setattr(rules, "sending_moment", counted)
        after = plan(iv)
        assert [str(zone) for zone in zones] == ["America/New_York", "Europe/Berlin"]
        assert [(a.kind, a.recipient, a.earliest, a.latest, a.suggested) for a in after] == before
        notes = [a for a in after if a.kind is ActionKind.THANK_YOU]
        assert len(notes) == 4
        assert notes[0].suggested != notes[3].suggested  # Berlin's own send window


class TestEnumsHashInC:
    """Kinds, channels and outcomes hash by identity, in C: the planner hashes them in
    sets and keys (the steps done, the kinds that count as follow-ups) dozens of times
    a plan with a history, and `Enum.__hash__` is a Python function."""

    def test_planning_with_a_history_runs_no_enum_hash(self) -> None:
        iv = interview()
        whole = plan(iv)
        history = [action.done() for action in whole][:8]
        seen: list[str] = []

        def watch(frame: FrameType, event: str, arg: object) -> None:
            if event == "call" and frame.f_code.co_name == "__hash__":
                seen.append(frame.f_code.co_filename)

        sys.setprofile(watch)
        try:
            again = plan(iv, history=history)
        finally:
            sys.setprofile(None)
        assert [name for name in seen if name.endswith("enum.py")] == []
        assert len(again) > 0

    @pytest.mark.parametrize("kind", [ActionKind, Channel, Outcome])
    def test_members_still_work_as_keys(self, kind: Any) -> None:
        members = list(kind)
        table = {member: index for index, member in enumerate(members)}
        assert [table[member] for member in members] == list(range(len(members)))
        assert len(set(members)) == len(members)
        assert all(hash(member) == hash(kind[member.name]) for member in members)
        assert all(kind(member.value) in table for member in members)
