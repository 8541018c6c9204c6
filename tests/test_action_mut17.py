"""Mutation testing, seventeenth pass (`action`): what a user reads of a step and a plan.

The one-line description, the event `Action.done` records, a plan's ids
(whole, sliced, filtered), which steps `Plan.upcoming` and `Plan.next` keep
at the edge of a window, how a plan prints, and the errors a hand-built
action or plan gets.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from followup_rules import (
    Action,
    ActionKind,
    Channel,
    Contact,
    Event,
    FollowupError,
    Interviewer,
    InvalidArgument,
    InvalidInterview,
    Outcome,
    Plan,
    Update,
    action_ids,
    plan,
    serialize,
)
from followup_rules.facts import Facts, Fallback
from followup_rules.model import person_key
from followup_rules.plan import planned

from .factories import ANA, at, interview

DECIDED = date(2024, 7, 10)


def hand_built(**changes: Any) -> Action:
    """A check-in to Ana by e-mail, Tuesday 9 July 2024, 9:00 to 17:00 (10:00 best)."""
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


class TestDescribe:
    def test_a_step_to_nobody_in_particular(self) -> None:
        assert hand_built(recipient=None).describe() == "Check in with the interviewer by e-mail"
        assert hand_built().describe() == "Check in with Ana Ruiz by e-mail"

    def test_a_channel_changed_says_why(self) -> None:
        moved = hand_built(facts=Facts(fallback=Fallback.NO_PHONE))
        assert moved.describe() == "Check in with Ana Ruiz by e-mail (no phone number is known)"

    def test_a_step_that_may_arrive_late_says_so(self) -> None:
        late = hand_built(channel=Channel.POSTAL, facts=Facts(arrives_after_decision=True))
        assert late.describe() == (
            "Check in with Ana Ruiz by post (it may arrive after the decision date: "
            "career advice prefers e-mail here)"
        )

    def test_both_notes_one_after_the_other(self) -> None:
        both = hand_built(facts=Facts(fallback=Fallback.NIGHT, arrives_after_decision=True))
        assert both.describe() == (
            "Check in with Ana Ruiz by e-mail (their call window reaches into your night) "
            "(it may arrive after the decision date: career advice prefers e-mail here)"
        )

    def test_in_another_language(self) -> None:
        assert hand_built(recipient=None).describe("de") != hand_built(recipient=None).describe()
        assert "Ana Ruiz" in hand_built().describe("fr")


class TestDone:
    def test_every_detail_is_recorded(self) -> None:
        sent = hand_built().done(message_id="<a1@mail.example>", subject="Data Engineer", note="n")
        assert sent == Contact(
            at(2024, 7, 9, 10),
            Channel.EMAIL,
            kind=ActionKind.CHECK_IN,
            recipient="Ana Ruiz",
            message_id="<a1@mail.example>",
            subject="Data Engineer",
            note="n",
        )

    def test_a_call_at_another_time(self) -> None:
        call = hand_built(channel=Channel.PHONE, template=None)
        made = call.done(at(2024, 7, 9, 11), voicemail=True, answered=False)
        assert (made.at, made.voicemail, made.answered) == (at(2024, 7, 9, 11), True, False)

    def test_a_step_to_nobody_records_nobody(self) -> None:
        assert hand_built(recipient=None).done().recipient is None


class TestOrder:
    def test_a_step_to_nobody_sorts_before_one_to_someone(self) -> None:
        nobodys, anas = hand_built(recipient=None), hand_built()
        assert nobodys.sort_key()[3] == ""
        assert anas.sort_key()[3] == "Ana Ruiz"
        assert nobodys.sort_key() < anas.sort_key()


class TestHandBuilt:
    def test_the_best_moment_may_be_the_last(self) -> None:
        assert hand_built(suggested=at(2024, 7, 9, 17)).suggested == at(2024, 7, 9, 17)

    def test_a_best_moment_after_the_window(self) -> None:
        with pytest.raises(InvalidInterview) as caught:
            hand_built(suggested=at(2024, 7, 9, 18))
        assert caught.value.field == "Action.suggested"
        assert caught.value.value == at(2024, 7, 9, 18)

    def test_a_rule_not_in_the_catalogue(self) -> None:
        with pytest.raises(InvalidInterview) as caught:
            hand_built(rule="custom")
        assert str(caught.value) == (
            "Action.rule = 'custom': is not a rule id of the catalogue (see followup_rules.RULES)"
        )

    def test_a_plan_of_other_things(self) -> None:
        with pytest.raises(InvalidInterview) as caught:
            Plan([hand_built(), 1])  # type: ignore[list-item]
        assert (
            str(caught.value)
            == "Plan.actions = [an Action object, 1]: expected Action items, got int"
        )
        with pytest.raises(InvalidInterview) as caught:
            Plan(5)  # type: ignore[arg-type]
        assert str(caught.value) == "Plan.actions = 5: expected a sequence of actions"

    def test_a_plan_from_any_iterable(self) -> None:
        steps = [hand_built(), hand_built(recipient=None)]
        assert Plan(iter(steps)).actions == tuple(steps)
        assert Plan(tuple(steps)).actions == tuple(steps)
        assert Plan(steps, missed=iter(steps[:1])).missed == tuple(steps[:1])


class TestIds:
    def test_a_plan_built_by_hand_knows_none(self) -> None:
        made = Plan([hand_built()])
        for read in ("ids", "missed_ids"):
            with pytest.raises(FollowupError) as caught:
                getattr(made, read)
            with pytest.raises(FollowupError):
                getattr(made[0:1], read)
            assert str(caught.value) == (
                "this plan was built by hand: its step ids are unknown (a plan from "
                "plan() or serialize.structure() knows them)"
            )

    def test_a_plans_ids_sliced_and_filtered(self) -> None:
        iv = interview(decision_by=DECIDED)
        steps = plan(iv)
        ids = action_ids(steps, iv)
        assert steps.ids == ids
        assert steps.ids is steps.ids  # worked out once
        assert steps[2:5].ids == ids[2:5]
        assert steps[::3].ids == ids[::3]
        now = steps[3].latest
        later = steps.upcoming(now)
        kept = [uid for uid, step in zip(ids, steps, strict=True) if step.latest >= now]
        assert later.ids == tuple(kept)
        assert later[1:].ids == tuple(kept[1:])

    def test_missed_steps_are_kept_by_upcoming_and_dropped_by_a_slice(self) -> None:
        iv = interview(decision_by=DECIDED)
        checked_in = [Contact(at(2024, 7, 11, 10), Channel.EMAIL)]
        steps = plan(iv, history=checked_in)
        assert steps.missed
        missed_ids = action_ids(steps.missed, iv, checked_in)
        assert steps.missed_ids == missed_ids
        later = steps.upcoming(at(2024, 7, 11, 11))
        assert later.missed == steps.missed
        assert later.missed_ids == missed_ids
        assert steps[0:1].missed == ()
        assert steps[0:1].missed_ids == ()


class TestUpcomingAndNext:
    def test_a_window_closing_now_is_still_open(self) -> None:
        steps = Plan([hand_built()])
        assert len(steps.upcoming(at(2024, 7, 9, 17))) == 1
        assert steps.next(at(2024, 7, 9, 17)) == hand_built()
        assert len(steps.upcoming(at(2024, 7, 9, 17, 1))) == 0
        assert steps.next(at(2024, 7, 9, 17, 1)) is None

    def test_past_the_best_moment_but_inside_the_window(self) -> None:
        steps = Plan([hand_built()])
        assert len(steps.upcoming(at(2024, 7, 9, 12))) == 1
        assert steps.next(at(2024, 7, 9, 12)) == hand_built()

    @pytest.mark.parametrize(
        ("now", "problem"),
        [
            ("x", "expected an aware datetime, got str"),
            (at(2024, 7, 9, 9).naive(), "naive datetime: give it a time zone"),
        ],
    )
    def test_a_bad_now(self, now: Any, problem: str) -> None:
        for ask in (Plan([hand_built()]).upcoming, Plan([hand_built()]).next):
            with pytest.raises(InvalidArgument) as caught:
                ask(now)
            assert (caught.value.field, caught.value.value) == ("now", now)
            assert caught.value.problem == problem


class TestPrinted:
    def test_a_plan_prints_one_line_a_step(self) -> None:
        assert str(Plan([hand_built(), hand_built(recipient=None)])) == (
            "Tue 9 Jul 2024 10:00 EDT      Check in with Ana Ruiz by e-mail"
            + " " * 30
            + "  [check-in-after-deadline]\n"
            "Tue 9 Jul 2024 10:00 EDT      Check in with the interviewer by e-mail"
            + " " * 23
            + "  [check-in-after-deadline]"
        )

    def test_an_empty_plan(self) -> None:
        assert str(Plan([])) == "(nothing left to do)"


def _shown(action: Action) -> tuple[Any, ...]:
    """Everything a user reads of a step, its times as written (zone included)."""
    times = (action.earliest, action.latest, action.suggested, action.late_since)
    return (
        action.kind,
        action.channel,
        action.recipient,
        action.rule,
        action.sources,
        action.template,
        *(None if when is None else when.isoformat() for when in times),
        *(None if when is None else str(when.tzinfo) for when in times),
    )


class TestStepsThePlannerChanges:
    """A step given other facts, or moved late, keeps all the rest."""

    def test_news_before_the_notes_changes_their_facts_alone(self) -> None:
        iv = interview(decision_by=DECIDED)
        before = [a for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
        heard = [Update(at(2024, 7, 2, 21), Outcome.NEXT_ROUND)]
        after = [a for a in plan(iv, history=heard) if a.kind is ActionKind.THANK_YOU]
        assert [_shown(a) for a in after] == [_shown(a) for a in before]
        assert {a.facts.news for a in after} == {Outcome.NEXT_ROUND}

    def test_a_late_note_says_when_its_first_window_closed_on_its_readers_clock(self) -> None:
        bo = Interviewer("Bo Chen", email="bo@acme.example", timezone="Asia/Tokyo")
        iv = interview(decision_by=DECIDED, interviewers=[ANA, bo])
        on_time = {a.recipient.name: a for a in plan(iv) if a.kind is ActionKind.THANK_YOU}  # type: ignore[union-attr]
        late = {
            a.recipient.name: a  # type: ignore[union-attr]
            for a in plan(iv, now=at(2024, 7, 3, 18))
            if a.kind is ActionKind.THANK_YOU
        }
        assert late["Ana Ruiz"].late_since.isoformat() == "2024-07-03T15:00:00-04:00"  # type: ignore[union-attr]
        assert str(late["Ana Ruiz"].late_since.tzinfo) == "America/New_York"  # type: ignore[union-attr]
        assert late["Bo Chen"].late_since == on_time["Bo Chen"].latest
        assert str(late["Bo Chen"].late_since.tzinfo) == "Asia/Tokyo"
        for name, note in late.items():
            first = on_time[name]
            assert _shown(note)[:6] == _shown(first)[:6]  # kind, channel, person, rule, ...
            assert note.facts.late

    def test_times_read_before_the_plan_is_made_again(self) -> None:
        """Reading a plan's times first changes nothing in the plans made after it."""
        iv = interview(decision_by=DECIDED)
        first = plan(iv)
        read = [_shown(a) for a in [*first, *first.missed]]
        notes = [a for a in first if a.kind is ActionKind.THANK_YOU]
        late = [a for a in plan(iv, now=at(2024, 7, 3, 18)) if a.kind is ActionKind.THANK_YOU]
        assert [_shown(a)[6:] for a in late] == [
            (
                "2024-07-04T08:00:00-04:00",
                "2024-07-04T17:00:00-04:00",
                "2024-07-04T08:00:00-04:00",
                "2024-07-03T15:00:00-04:00",
                *["America/New_York"] * 4,
            )
        ] * 2
        heard = [Update(at(2024, 7, 2, 21), Outcome.NEXT_ROUND)]
        told = [a for a in plan(iv, history=heard) if a.kind is ActionKind.THANK_YOU]
        assert [_shown(a) for a in told] == [_shown(a) for a in notes]
        assert [_shown(a) for a in [*first, *first.missed]] == read


class TestPlansReadBack:
    """A plan written and read back (`serialize`) keeps its ids, sliced or filtered."""

    def test_the_ids_survive_the_round_trip(self) -> None:
        iv = interview(decision_by=DECIDED)
        checked_in: list[Event] = [Contact(at(2024, 7, 11, 10), Channel.EMAIL)]
        made = plan(iv, history=checked_in)
        data = serialize.unstructure(made)
        assert [step["id"] for step in data["actions"]] == list(made.ids)
        assert [step["id"] for step in data["missed"]] == list(made.missed_ids)
        read = serialize.structure_plan(data)
        assert (read.ids, read.missed_ids) == (made.ids, made.missed_ids)
        assert read[1:3].ids == made.ids[1:3]
        now = at(2024, 7, 11, 11)
        assert read.upcoming(now).ids == made.upcoming(now).ids
        assert serialize.unstructure(read) == data

    def test_a_plan_built_by_hand_is_written_without_ids(self) -> None:
        made = Plan([hand_built(), hand_built(recipient=None)], missed=[hand_built()])
        for part in (made, made[0:1], made.upcoming(at(2024, 7, 9, 9))):
            data = serialize.unstructure(part)
            assert {step["id"] for step in [*data["actions"], *data["missed"]]} == {None}


class TestSizes:
    def test_a_plan_of_more_than_100000_steps_is_refused(self) -> None:
        step = hand_built()
        assert len(Plan([step] * 100_000)) == 100_000
        with pytest.raises(InvalidInterview) as caught:
            Plan([step] * 100_001)
        assert caught.value.problem == "more than 100000 actions"
        # a tuple is already whole in memory: taken as it is, whatever its length
        assert len(Plan(tuple([step] * 100_001))) == 100_001

    def test_a_rule_that_is_no_text(self) -> None:
        with pytest.raises(InvalidInterview) as caught:
            hand_built(rule=5)
        assert str(caught.value) == "Action.rule = 5: expected a string, got int"


def test_a_late_note_to_someone_met_before_stays_late() -> None:
    """A later round (Ana met before) past the notes' window: Ana's note says both."""
    iv = interview(decision_by=DECIDED)
    made = planned(iv, now=at(2024, 7, 3, 18), met_before={person_key("Ana Ruiz"): 1})
    notes = {a.recipient.name: a for a in made if a.kind is ActionKind.THANK_YOU}  # type: ignore[union-attr]
    assert notes["Ana Ruiz"].facts.met_before == 1
    assert notes["Ana Ruiz"].late_since == at(2024, 7, 3, 15)
    assert notes["Bo Chen"].late_since == at(2024, 7, 3, 15)
