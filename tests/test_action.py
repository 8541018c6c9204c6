"""Actions and plans as values: lazily built times, equality, pickling, filtering by now."""

from __future__ import annotations

import pickle

import attrs
import pendulum
import pytest

from followup_rules import Action, ActionKind, Channel, InvalidArgument, InvalidInterview, plan

from .factories import ANA, BO, at, interview, of_kind


def _public_copy(action: Action) -> Action:
    """The same action, built through the public constructor."""
    return Action(
        kind=action.kind,
        channel=action.channel,
        recipient=action.recipient,
        earliest=action.earliest,
        latest=action.latest,
        suggested=action.suggested,
        rule=action.rule,
        sources=action.sources,
        template=action.template,
        facts=action.facts,
    )


def _held(action: Action) -> list[object]:
    """What each slot of *action* holds (a time not built yet holds nothing)."""
    from followup_rules.action import _FACTS_SLOT

    held: list[object] = []
    for field in attrs.fields(Action):
        slot = _FACTS_SLOT if field.name == "facts" else Action.__dict__[field.name]
        try:
            held.append(slot.__get__(action, Action))
        except AttributeError:
            held.append(None)
    return held


class TestPlannedTimes:
    def test_times_are_pendulum_in_the_recipients_zone(self) -> None:
        """A thank-you to someone in Berlin shows Berlin wall-clock times."""
        berlin = attrs.evolve(BO, timezone="Europe/Berlin")
        iv = interview(interviewers=[ANA, berlin])
        note = of_kind(plan(iv), ActionKind.THANK_YOU)[1]
        for moment in (note.earliest, note.latest, note.suggested):
            assert isinstance(moment, pendulum.DateTime)
            assert moment.timezone_name == "Europe/Berlin"
        assert note.earliest == iv.ends_at  # the same instant, shown in Berlin
        assert (note.earliest.hour, note.earliest.minute) == (21, 0)

    def test_a_planned_action_equals_its_public_twin(self) -> None:
        """Built by the planner or by hand, equal values are equal and hash alike."""
        for action in plan(interview(invited_to_call=True)):
            twin = _public_copy(action)
            assert twin == action and action == twin
            assert hash(twin) == hash(action)
            assert twin.sort_key() == action.sort_key()

    def test_unread_times_survive_pickling_evolve_and_repr(self) -> None:
        """An action nobody has read yet still pickles, evolves and prints its times."""
        fresh = plan(interview())[-1]
        again = pickle.loads(pickle.dumps(fresh))
        assert again.suggested == plan(interview())[-1].suggested
        later = attrs.evolve(plan(interview())[-1], rule="retry-gap")
        assert later.rule == "retry-gap" and later.earliest == fresh.earliest
        assert "suggested=DateTime(" in repr(plan(interview())[-1])

    @pytest.mark.parametrize("first", ["earliest", "latest", "suggested"])
    def test_each_time_is_its_instant_on_the_recipients_clock(self, first: str) -> None:
        """Whichever time is read first, all three are the window's instants converted
        one by one (a stdlib ``astimezone``, then pendulum): in-room steps sharing their
        ends, check-ins suggested at their opening, notes suggested inside."""
        from followup_rules import _calendar as cal

        berlin = attrs.evolve(BO, timezone="Europe/Berlin")
        for iv in (interview(interviewers=[ANA, berlin]), interview(invited_to_call=True)):
            cal.clear_caches()
            for action in plan(iv):
                tz = action._tz
                assert tz is not None  # not read yet
                expected = [cal.to_pendulum(instant.astimezone(tz)) for instant in action._utc]
                getattr(action, first)
                times = [action.earliest, action.latest, action.suggested]
                assert times == expected
                for moment, want in zip(times, expected, strict=True):
                    # the library's DateTime (pendulum's, compared by instant in a repeated hour)
                    assert type(moment) is cal.DateTime and moment.tzinfo is tz
                    assert isinstance(moment, pendulum.DateTime)
                    assert moment.utcoffset() == want.utcoffset() and moment.fold == want.fold

    def test_a_cached_wall_clock_of_another_zone_is_not_reused(self) -> None:
        """The times are looked up in the wall-clock cache by identity: an entry left
        under the same ids by another zone (a recycled id) is converted again."""
        from followup_rules import _calendar as cal

        action = of_kind(plan(interview()), ActionKind.THANK_YOU)[0]
        tz = action._tz
        assert tz is not None
        earliest, latest, _ = action._utc
        tokyo = cal.zone("Asia/Tokyo")
        for instant in (earliest, latest):
            cal._LOCAL[(id(instant), id(tz))] = (instant, tokyo, cal.to_local(instant, tokyo))
        assert action.earliest.tzinfo is tz and action.latest.tzinfo is tz
        assert action.earliest == earliest and action.latest == latest
        assert action.earliest.hour == earliest.astimezone(tz).hour

    def test_unknown_attributes_still_raise(self) -> None:
        """Lazy times do not swallow typos."""
        action = plan(interview())[0]
        with pytest.raises(AttributeError, match="sugested"):
            action.sugested  # noqa: B018

    def test_in_person_steps_sit_at_their_share_of_the_interview(self) -> None:
        """Closing at 80% of the hour, timeline 85%, permission 90%, cards from 95%."""
        iv = interview()  # 14:00-15:00
        steps = plan(iv)
        minute = {action.kind: action.suggested.minute for action in steps[:4]}
        assert minute[ActionKind.CLOSING_STATEMENT] == 48
        assert minute[ActionKind.ASK_TIMELINE] == 51
        assert minute[ActionKind.ASK_PERMISSION] == 54
        cards = of_kind(steps, ActionKind.ASK_FOR_CARDS)
        assert [card.suggested.strftime("%H:%M:%S") for card in cards] == ["14:57:00", "14:58:12"]


class TestPlannedFacts:
    """Issue 20, the facts path: a step's facts are made once, and no action changes."""

    def test_reading_the_facts_changes_no_action(self) -> None:
        """Facts are made when first read, by an object of their own: the action's
        fields stay what the planner set (nothing is written into a built action)."""
        for action in plan(interview()):
            held = _held(action)
            first = action.facts
            assert action.facts is first
            assert _held(action) == held

    def test_unread_facts_survive_pickling(self) -> None:
        """A plan stored before anyone read its facts (a Dask partition) keeps them."""
        decided = interview(decision_by=at(2024, 7, 10).date())
        again = pickle.loads(pickle.dumps(plan(decided)))
        assert [a.facts for a in again] == [a.facts for a in plan(decided)]

    def test_the_planner_builds_actions_by_keyword(self) -> None:
        """Action._planned takes its nine values by name, the window as a triple of UTC
        instants (earliest, latest, suggested)."""
        action = plan(interview())[-1]
        assert action._utc == (action.earliest, action.latest, action.suggested)
        with pytest.raises(TypeError):
            Action._planned(action.kind, action.channel)  # type: ignore[misc]


class TestPlanFilters:
    def test_upcoming_and_next_compare_instants_across_zones(self) -> None:
        """'now' may be in any zone: 19:00 UTC is 15:00 in New York, the interview's end."""
        whole = plan(interview())
        now = pendulum.datetime(2024, 7, 2, 19, 0, 1, tz="UTC")
        left = whole.upcoming(now)
        assert all(action.latest >= now for action in left)
        assert all(action.channel is not Channel.IN_PERSON for action in left)
        assert whole.next(now) == left[0]
        assert whole.next(at(2030, 1, 1)) is None

    def test_naive_now_is_refused(self) -> None:
        """A naive 'now' is an error naming the field."""
        with pytest.raises(InvalidArgument, match="now"):
            plan(interview()).upcoming(pendulum.naive(2024, 7, 3))


class TestBuiltByHand:
    def test_stdlib_times_become_pendulum(self) -> None:
        """An Action made by hand from stdlib datetimes holds pendulum ones, same instants."""
        from datetime import datetime, timedelta, timezone

        opens = datetime(2024, 7, 9, 14, tzinfo=timezone.utc)
        action = Action(
            ActionKind.CHECK_IN,
            Channel.EMAIL,
            ANA,
            opens,
            opens + timedelta(hours=8),
            opens + timedelta(hours=1),
            "check-in-after-deadline",
            (),
        )
        assert isinstance(action.earliest, pendulum.DateTime)
        assert action.earliest == opens

    @pytest.mark.parametrize(
        ("field", "value", "problem"),
        [
            ("earliest", "tomorrow", "expected an aware datetime"),
            ("latest", pendulum.naive(2024, 7, 9), "naive"),
            ("suggested", at(2024, 7, 30), "between earliest"),
        ],
    )
    def test_bad_times_name_the_field(self, field: str, value: object, problem: str) -> None:
        """Wrong or inconsistent times are typed errors naming Action.<field>."""
        good = plan(interview())[-1]
        with pytest.raises(InvalidInterview, match=problem) as caught:
            attrs.evolve(good, **{field: value})
        assert caught.value.field == f"Action.{field}"
