"""Policy: defaults, validation, presets, and extension by subclassing."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    PRESETS,
    ActionKind,
    Channel,
    FollowupState,
    InvalidPolicy,
    Policy,
    Reply,
    TimeWindow,
    plan,
)

from .factories import at, interview, of_kind


class TestDefaults:
    def test_consensus_defaults(self) -> None:
        """Policy() holds the SPEC table's consensus values."""
        policy = Policy()
        assert policy.thank_you_within == timedelta(hours=24)
        assert policy.thank_you_channel is Channel.EMAIL
        assert policy.thank_you_each_interviewer is True
        assert policy.recruiter_debrief_within == timedelta(hours=4)
        assert policy.wait_after_deadline == 1
        assert policy.wait_without_deadline == 5
        assert policy.min_gap == 3
        assert policy.max_check_ins == 3
        assert policy.max_calls == 1
        assert policy.calls_need_invitation is True
        assert policy.call_window == TimeWindow(time(10), time(11, 30))
        assert policy.send_window == TimeWindow(time(8), time(17))
        assert policy.respect_preferred_channel is True
        assert policy.ask_feedback_on_rejection is True
        assert policy.feedback_response_within == 2
        assert policy.holidays is None

    def test_late_steps_defaults(self) -> None:
        """The library's own choices: notes 2, debrief 1, follow-ups 20 business days late."""
        policy = Policy()
        assert policy.thank_you_late_within == 2
        assert policy.recruiter_debrief_late_within == 1
        assert policy.follow_up_late_within == 20

    def test_business_days_accept_whole_day_timedeltas(self) -> None:
        """Waits and gaps are business days: 3 or timedelta(days=3), never 2.5."""
        assert Policy(min_gap=timedelta(days=3)).min_gap == 3
        with pytest.raises(InvalidPolicy, match="whole days"):
            Policy(min_gap=timedelta(hours=36))

    def test_none_means_the_default_policy(self) -> None:
        """plan(interview, None) plans with the consensus."""
        assert plan(interview(), None) == plan(interview())

    def test_durations_refuse_a_bare_number(self) -> None:
        """A bare number has no unit (24 hours or 24 seconds?): refused, naming the field
        and what to pass; a timedelta is the Python form (tests/test_acceptance9.py)."""
        with pytest.raises(
            InvalidPolicy, match=r"thank_you_within = 3600: .*timedelta\(hours=24\)"
        ):
            Policy(thank_you_within=3600)
        assert Policy(thank_you_within=timedelta(hours=1)).thank_you_within == timedelta(hours=1)

    def test_windows_accept_strings(self) -> None:
        """Windows read naturally from config: ("10:00", "11:30") or "10:00-11:30"."""
        assert Policy(call_window="09:00-10:00").call_window == TimeWindow(time(9), time(10))
        assert str(Policy().call_window) == "10:00-11:30"

    def test_a_window_time_is_a_time_of_day(self) -> None:
        """23:59 is the last time of day; 24:00 and 12:60 are refused, quoting what was typed."""
        assert TimeWindow("00:00", "23:59").end == time(23, 59)
        for typed, problem in (
            ("24:00", "'24:00' is not a time of day"),
            ("12:60", "'12:60' is not a time of day"),
            ("10h30", "'10h30' is not a time like '10:30'"),
        ):
            with pytest.raises(InvalidPolicy) as caught:
                TimeWindow("00:00", typed)
            assert (caught.value.field, caught.value.problem) == ("TimeWindow.end", problem)

    def test_a_window_time_is_read_up_to_nineteen_characters(self) -> None:
        """A time padded with spaces is read while under 20 characters; longer text is
        refused unread, naming the field."""
        assert TimeWindow("10:30".center(19), "11:00").start == time(10, 30)
        with pytest.raises(InvalidPolicy) as caught:
            TimeWindow("10:30".center(20), "11:00")
        assert caught.value.field == "TimeWindow.start"
        assert caught.value.problem.endswith("is not a time like '10:30'")

    def test_holidays_accept_country_and_subdivision(self) -> None:
        """Knob holidays: "US", "US-CA" or ("US", "CA")."""
        assert Policy(holidays="us-ca").holidays == ("US", "CA")
        assert Policy(holidays=("DE", None)).holidays == ("DE", None)


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("thank_you_within", timedelta(0)),
        ("thank_you_within", -5),
        ("thank_you_within", timedelta(days=30)),
        ("thank_you_within", "24h"),
        ("thank_you_channel", Channel.PHONE),
        ("recruiter_debrief_within", timedelta(days=3)),
        ("wait_after_deadline", 0),
        ("wait_without_deadline", -1),
        ("min_gap", 0),
        ("min_gap", 2.5),
        ("max_check_ins", -1),
        ("max_calls", -1),
        ("max_calls", True),
        ("calls_need_invitation", "no"),
        ("call_window", ("11:30", "10:00")),
        ("call_window", ("25:00", "26:00")),
        ("send_window", "all day"),
        ("feedback_response_within", 0),
        ("holidays", "Atlantis"),
        ("holidays", 49),
    ],
)
def test_bad_knob_names_field_and_value(field: str, value: Any) -> None:
    """Bad input (SPEC): zero or negative windows, max_calls < 0... -> InvalidPolicy."""
    with pytest.raises(InvalidPolicy) as raised:
        Policy(**{field: value})
    assert raised.value.field == f"Policy.{field}"
    assert isinstance(raised.value, ValueError)


class TestPresets:
    def test_presets_are_named_and_valid(self) -> None:
        """Every preset builds a valid Policy; names are listed in PRESETS."""
        assert set(PRESETS) == {"consensus", "cautious", "persistent", "traditional"}
        for name in PRESETS:
            assert isinstance(Policy.preset(name), Policy)
        assert Policy.preset("consensus") == Policy()

    def test_cautious_never_calls(self) -> None:
        """Cautious (seeds 000, 002): e-mail only, two check-ins, a week apart."""
        iv = interview(decision_by=date(2024, 7, 10), invited_to_call=True)
        check_ins = of_kind(plan(iv, Policy.cautious()), ActionKind.CHECK_IN)
        assert [c.channel for c in check_ins] == [Channel.EMAIL, Channel.EMAIL]

    def test_unknown_preset(self) -> None:
        """An unknown preset name is an InvalidPolicy naming the choices."""
        with pytest.raises(InvalidPolicy, match="cautious"):
            Policy.preset("reckless")


@attrs.frozen(kw_only=True)
class HouseRules(Policy):
    """A team's policy: one more knob, a different default, and two hooks."""

    min_gap: int = 5
    quiet_weekday: int = attrs.field(default=0)  # no check-ins on Mondays

    def check_in_day(self, state: FollowupState, earliest: date) -> date:
        day = earliest
        while day.weekday() == self.quiet_weekday:
            day += timedelta(days=1)
        return day

    def check_in_channel(self, state: FollowupState) -> Channel:
        return Channel.EMAIL if state.check_ins == 0 else Channel.PHONE


class TestSubclassing:
    def test_subclass_changes_defaults_and_adds_fields(self) -> None:
        """Extension by subclassing: new defaults and new fields, still validated."""
        rules = HouseRules()
        assert rules.min_gap == 5 and rules.quiet_weekday == 0
        with pytest.raises(InvalidPolicy):
            HouseRules(max_calls=-1)

    def test_hooks_are_honoured(self) -> None:
        """plan() asks the hooks: no Monday check-ins, e-mail first, then the call."""
        iv = interview(decision_by=date(2024, 7, 12))  # Friday: the first day would be Monday
        check_ins = of_kind(plan(iv, HouseRules()), ActionKind.CHECK_IN)
        assert check_ins[0].earliest.date() == date(2024, 7, 16)
        assert [c.channel for c in check_ins] == [Channel.EMAIL, Channel.PHONE, Channel.EMAIL]
        assert all(c.earliest.weekday() != 0 for c in check_ins)

    def test_hooks_cannot_break_the_limits(self) -> None:
        """A hook asking for an earlier day or a forbidden call is overruled."""

        @attrs.frozen(kw_only=True)
        class Pushy(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return date(2024, 7, 3)  # right after the interview

            def check_in_channel(self, state: FollowupState) -> Channel:
                return Channel.PHONE

        iv = interview()  # no timeframe, no invitation: no call allowed
        check_ins = of_kind(plan(iv, Pushy()), ActionKind.CHECK_IN)
        assert check_ins[0].earliest.date() == date(2024, 7, 9)
        assert {c.channel for c in check_ins} == {Channel.EMAIL}

    def test_a_broken_hook_is_a_policy_error(self) -> None:
        """A hook returning nonsense is reported as InvalidPolicy naming the hook."""

        @attrs.frozen(kw_only=True)
        class Broken(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return "tomorrow"  # type: ignore[return-value]

        with pytest.raises(InvalidPolicy, match="check_in_day"):
            plan(interview(), Broken())

    def test_presets_keep_the_subclass(self) -> None:
        """Presets called on a subclass build the subclass."""
        assert type(HouseRules.cautious()) is HouseRules
        assert type(HouseRules.preset("traditional")) is HouseRules

    def test_thank_you_channel_hook(self) -> None:
        """thank_you_channel_for: a card for the executive, e-mail for the rest."""

        @attrs.frozen(kw_only=True)
        class CardForTheBoss(Policy):
            def thank_you_channel_for(self, interviewer: Any) -> Channel:
                return Channel.POSTAL if interviewer.title == "CTO" else Channel.EMAIL

        from .factories import ANA, BO

        boss = attrs.evolve(BO, title="CTO")
        notes = of_kind(
            plan(interview(interviewers=[ANA, boss]), CardForTheBoss()), ActionKind.THANK_YOU
        )
        assert {n.recipient.name: n.channel for n in notes} == {
            "Ana Ruiz": Channel.EMAIL,
            "Bo Chen": Channel.POSTAL,
        }


class TestHooksReadLocalTimes:
    """Hooks read `FollowupState`'s UTC instants on the recipient's clock (issue 18)."""

    def test_local_and_local_date_use_the_contacts_zone(self) -> None:
        """A reply at 23:30 in Tokyo is the next day in UTC; local_date says Tokyo's day."""
        import pendulum

        from followup_rules import Reply
        from followup_rules.state import check_history, replay

        from .factories import ANA

        tokyo = attrs.evolve(ANA, timezone="Asia/Tokyo")
        iv = interview(interviewers=[tokyo])
        late_evening = pendulum.datetime(2024, 7, 5, 23, 30, tz="Asia/Tokyo")
        state = replay(iv, Policy(), check_history(iv, [Reply(late_evening)]), [])
        assert state.last_reply is not None
        assert state.last_reply.date() == date(2024, 7, 5)  # 14:30 UTC
        assert state.local_date(state.last_reply) == date(2024, 7, 5)
        assert state.local(state.last_reply).hour == 23
        assert state.local(state.last_reply).timezone_name == "Asia/Tokyo"

    def test_a_hook_counting_from_the_local_day(self) -> None:
        """A house rule: wait a week from their reply's local day, as docs/extending.md shows."""

        @attrs.frozen(kw_only=True)
        class WeekAfterReply(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                if state.last_reply is None:
                    return earliest
                return max(earliest, state.local_date(state.last_reply) + timedelta(days=7))

        import pendulum

        from followup_rules import Reply

        reply = Reply(pendulum.datetime(2024, 7, 10, 16, tz="America/New_York"))
        first = of_kind(plan(interview(), WeekAfterReply(), history=[reply]), ActionKind.CHECK_IN)
        assert first[0].earliest.date() == date(2024, 7, 17)


class TestFarFuture:
    """A hook's day far in the future is a policy error, never an overflow."""

    @pytest.mark.parametrize("day", [date(9999, 12, 31), date(9099, 12, 30)])
    def test_a_day_past_what_can_be_recorded(self, day: date) -> None:
        """Year 9999 overflows the calendar; 9099 could never be recorded done."""

        @attrs.frozen(kw_only=True)
        class Someday(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return day

        with pytest.raises(InvalidPolicy) as raised:
            plan(interview(), Someday())
        assert (raised.value.field, raised.value.value) == ("Someday.check_in_day", day)
        assert "within a year of the first allowed day" in raised.value.problem

    def test_a_day_near_the_end_of_the_calendar_is_refused(self) -> None:
        """Within a year, but past what a step could be recorded done at: refused too."""

        @attrs.frozen(kw_only=True)
        class Late(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return date(9099, 12, 1)

        events = [Reply(at(9099, 6, 1, 9))]
        with pytest.raises(InvalidPolicy, match="too far in the future"):
            plan(interview(starts_at=at(9000, 12, 1, 14)), Late(), history=events)

    def test_a_day_too_far_in_the_future_names_the_hook_and_its_day(self) -> None:
        """The refusal names the hook and the day it chose, so the team can fix its rule."""

        @attrs.frozen(kw_only=True)
        class Late(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return date(9099, 12, 1)

        events = [Reply(at(9099, 6, 1, 9))]
        with pytest.raises(InvalidPolicy) as raised:
            plan(interview(starts_at=at(9000, 12, 1, 14)), Late(), history=events)
        assert (raised.value.field, raised.value.value) == ("Late.check_in_day", date(9099, 12, 1))

    def test_the_last_day_the_refusal_names_is_allowed(self) -> None:
        """ "A step may take 9099-11-01 at most": a hook choosing that very day (a
        Wednesday) gets its check-in on it; the day after is refused."""

        @attrs.frozen(kw_only=True)
        class Hook(Policy):
            day: date

            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return self.day

        iv = interview(starts_at=at(9000, 12, 1, 14))
        events = [Reply(at(9099, 6, 1, 9))]
        made = plan(iv, Hook(day=date(9099, 11, 1)), history=events)
        assert of_kind(made, ActionKind.CHECK_IN)[0].earliest == at(9099, 11, 1, 8)
        with pytest.raises(InvalidPolicy, match="a step may take 9099-11-01 at most"):
            plan(iv, Hook(day=date(9099, 11, 2)), history=events)

    def test_the_first_allowed_day_is_never_too_far(self) -> None:
        """Past 9099-11-01 the library itself can only offer the first allowed day: a hook
        returning that day (as a pendulum date) is taken, never refused."""
        offered: list[date] = []

        @attrs.frozen(kw_only=True)
        class Soonest(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                offered.append(earliest)
                return pendulum.Date(earliest.year, earliest.month, earliest.day)

        events = [Reply(at(9099, 11, 2, 9))]
        made = plan(interview(starts_at=at(9000, 12, 1, 14)), Soonest(), history=events)
        days = [step.earliest.date() for step in of_kind(made, ActionKind.CHECK_IN)]
        assert offered[0] > date(9099, 11, 1)
        assert days == offered

    def test_a_day_exactly_a_year_on_is_planned(self) -> None:
        """ "Within a year" includes the day a year (366 days) after the first allowed one."""
        chosen: list[date] = []

        @attrs.frozen(kw_only=True)
        class YearOn(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                chosen.append(earliest + timedelta(days=366))
                return chosen[-1]

        first = of_kind(plan(interview(), YearOn()), ActionKind.CHECK_IN)[0]
        assert chosen[0] <= first.earliest.date() < chosen[0] + timedelta(days=4)

    def test_a_pendulum_date_from_a_hook_is_taken(self) -> None:
        """A hook may return a date subclass (pendulum's): the check-in is on that day."""

        @attrs.frozen(kw_only=True)
        class Pendulum(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                later = earliest + timedelta(days=14)
                while later.weekday() >= 5:
                    later += timedelta(days=1)
                return pendulum.Date(later.year, later.month, later.day)

        iv = interview()
        plain = of_kind(plan(iv), ActionKind.CHECK_IN)[0].earliest.date()
        first = of_kind(plan(iv, Pendulum()), ActionKind.CHECK_IN)[0]
        assert first.earliest.date() >= plain + timedelta(days=14)
        assert first.earliest.date() < plain + timedelta(days=17)

    def test_a_distant_but_recordable_day_is_planned(self) -> None:
        """A hook may still wait most of a year: the step is planned and can be recorded."""

        @attrs.frozen(kw_only=True)
        class Patient(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return earliest + timedelta(days=300)

        first = of_kind(plan(interview(), Patient()), ActionKind.CHECK_IN)[0]
        assert first.done().at == first.suggested
