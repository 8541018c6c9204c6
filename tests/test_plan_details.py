"""plan() and plan_many(), in detail: their errors, the policy they pass on, news and edges."""

from __future__ import annotations

import itertools
import sys
from datetime import date
from typing import Any

import pytest

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    FollowupError,
    Interviewer,
    InvalidArgument,
    InvalidInterview,
    InvalidPolicy,
    Outcome,
    Policy,
    Reply,
    Update,
    plan,
    plan_many,
)

from .factories import ANA, at, interview, of_kind


def refusal(error: type[FollowupError], call: Any) -> tuple[str, object, str]:
    """What a caller reads of the error *call* raises: its field, value and problem."""
    with pytest.raises(error) as caught:
        call()
    found: Any = caught.value
    return (found.field, found.value, found.problem)


class TestWrongArguments:
    """Bad input is a clear error naming the field and the value (SPEC, "Bad input")."""

    def test_plan_of_something_else_than_an_interview(self) -> None:
        """plan() names the interview argument, what it got and what it expected."""
        expected = ("interview", "Acme Analytics", "expected an Interview")
        assert expected == refusal(InvalidInterview, lambda: plan("Acme Analytics"))  # type: ignore[arg-type]

    def test_plan_with_something_else_than_a_policy(self) -> None:
        """plan() names the policy argument, what it got and what it expected."""
        expected = ("policy", "strict", "expected a Policy")
        assert expected == refusal(InvalidPolicy, lambda: plan(interview(), "strict"))  # type: ignore[arg-type]

    def test_the_error_message_reads_field_value_problem(self) -> None:
        """The one-line message a script prints: field = value: problem."""
        with pytest.raises(InvalidInterview) as caught:
            plan(None)  # type: ignore[arg-type]
        assert str(caught.value) == "interview = None: expected an Interview"

    def test_plan_many_with_something_else_than_a_policy(self) -> None:
        """plan_many() refuses a wrong policy at once, named like plan() does."""
        expected = ("policy", "strict", "expected a Policy")
        assert expected == refusal(InvalidPolicy, lambda: plan_many([], "strict"))  # type: ignore[arg-type]

    def test_plan_many_of_a_string(self) -> None:
        """A string is iterable, but not a stream of interviews."""
        expected = ("interviews", "Ana", "expected an iterable, one item per interview")
        assert expected == refusal(InvalidArgument, lambda: plan_many("Ana"))  # type: ignore[arg-type]

    def test_plan_many_of_nothing_iterable(self) -> None:
        """A value that cannot be iterated is refused at the call, naming it."""
        expected = ("interviews", 5, "expected an iterable, one item per interview")
        assert expected == refusal(InvalidArgument, lambda: plan_many(5))  # type: ignore[arg-type]

    def test_plan_many_with_histories_that_are_not_iterable(self) -> None:
        """The histories are refused at the call too, under their own name."""
        expected = ("histories", 5, "expected an iterable, one item per interview")
        assert expected == refusal(InvalidArgument, lambda: plan_many([], histories=5))  # type: ignore[arg-type]


class TestPlanMany:
    """plan_many(): one plan per interview, in order, with the policy and histories given."""

    def test_every_plan_follows_the_policy_given(self) -> None:
        """The cautious preset reaches every interview of the stream."""
        cautious = Policy.cautious()
        population = [interview(), interview(decision_by=date(2024, 7, 10))]
        expected = [plan(iv, cautious) for iv in population]
        assert expected != [plan(iv) for iv in population]  # the preset changes these plans
        assert expected == list(plan_many(population, cautious))

    def test_every_plan_follows_the_policy_given_with_histories(self) -> None:
        """With histories, each interview is planned after its own history, under the policy."""
        cautious = Policy.cautious()
        population = [interview(), interview(decision_by=date(2024, 7, 10))]
        histories = [[Reply(at(2024, 7, 3, 9))], []]
        expected = [
            plan(iv, cautious, history=history)
            for iv, history in zip(population, histories, strict=True)
        ]
        assert expected == list(plan_many(population, cautious, histories=histories))

    def test_histories_running_short_stop_the_stream_at_the_first_interview_without_one(
        self,
    ) -> None:
        """The plans before the mismatch come out; the error names where it is."""
        stream = plan_many([interview(), interview()], histories=[[]])
        assert [plan(interview())] == list(itertools.islice(stream, 1))
        expected = ("histories", 1, "there must be exactly one history per interview")
        assert expected == refusal(InvalidArgument, lambda: next(stream))


class TestNewsBeforeTheNotes:
    """Rule stop, and the notes' facts: news heard before the thank-you notes went out."""

    def test_each_note_dates_the_news_on_its_recipients_calendar(self) -> None:
        """A next round announced at 21:00 in New York came on Wednesday in Tokyo.

        The notes word the news from these facts (`Facts.news_on`), each on
        the calendar of the person reading it.
        """
        bo = Interviewer("Bo Chen", email="bo@acme.example", timezone="Asia/Tokyo")
        iv = interview(interviewers=[ANA, bo])
        schedule = plan(iv, history=[Update(at(2024, 7, 2, 21), Outcome.NEXT_ROUND)])
        expected = {
            "Ana Ruiz": (Outcome.NEXT_ROUND, date(2024, 7, 2)),
            "Bo Chen": (Outcome.NEXT_ROUND, date(2024, 7, 3)),
        }
        actual = {
            note.recipient.name: (note.facts.news, note.facts.news_on)
            for note in of_kind(schedule, ActionKind.THANK_YOU)
        }
        assert expected == actual


def test_a_step_whose_window_closes_at_the_latest_event_is_still_due() -> None:
    """A window includes its last moment: news at that instant leaves the notes to send."""
    iv = interview()
    notes = of_kind(plan(iv), ActionKind.THANK_YOU)
    closes = max(note.latest for note in notes)
    schedule = plan(iv, history=[Reply(closes)])
    missed = [step for step in schedule.missed if step.kind is ActionKind.THANK_YOU]
    assert (notes, []) == (of_kind(schedule, ActionKind.THANK_YOU), missed)


def test_a_rejection_and_a_survey_get_one_answer_that_asks_for_feedback() -> None:
    """Rules feedback-request and feedback-response (issue 19.7): one answer, not two e-mails.

    Rejected on Monday; on Tuesday at 08:00 sharp, as the send window opens,
    the applicant-tracking system sends its survey.  The candidate's own
    request for feedback was due that moment too: it goes in the answer to
    the survey (an answer is never held back), not in a second e-mail.
    """
    iv = interview(candidate=Candidate("Sam Lee", email="sam@example.com"))
    history = [
        Update(at(2024, 7, 8, 10), Outcome.REJECTED),
        Update(at(2024, 7, 9, 8), Outcome.FEEDBACK_REQUESTED),
    ]
    (answer,) = plan(iv, history=history)
    assert (answer.kind, answer.suggested) == (ActionKind.FEEDBACK_RESPONSE, at(2024, 7, 9, 8))
    assert answer.facts.asks_feedback
    assert set(answer.sources) == {"002_f6034e91a81c86ef.txt", "004_57c313bf0b59dfd5.txt"}


def test_a_planned_step_is_folded_in_as_the_contact_its_done_records() -> None:
    """Invariant 10 (a plan and its replanning after doing it agree) rests on this: the
    contact the planner folds for a step it plans is the one `Action.done()` logs."""
    planner = sys.modules["followup_rules.plan"]
    for step in plan(interview()):
        assert planner._as_made(step) == step.done()


class TestWhatAPlanKeeps:
    """A plan is held for later (a nightly job keeps many): it keeps what its steps say and
    their facts' inputs, not the planner's working states (issue 20, item 6)."""

    @staticmethod
    def reachable(root: object) -> list[object]:
        """Every object reachable from *root* through the planner's own objects."""
        import gc

        from followup_rules.facts import LazyFacts

        seen: dict[int, object] = {}
        todo = [root]
        while todo:
            item = todo.pop()
            if id(item) in seen or isinstance(item, type):
                continue
            seen[id(item)] = item
            if isinstance(item, (tuple, list, dict, LazyFacts)) or type(
                item
            ).__module__.startswith("followup_rules.action"):
                todo.extend(gc.get_referents(item))
        return list(seen.values())

    def test_a_plan_keeps_no_follow_up_state(self) -> None:
        """The check-ins' facts, still to be made, hold what they read of the state they follow,
        never the whole `FollowupState`: planned steps are light to keep."""
        from followup_rules.state import FollowupState

        made = plan(interview(), history=[Reply(at(2026, 7, 20, 10))])
        assert len(of_kind(made, ActionKind.CHECK_IN)) == 3
        kept = [item for item in self.reachable(made) if isinstance(item, FollowupState)]
        assert kept == []

    def test_no_window_is_left_for_the_collector(self) -> None:
        """Every step's window of UTC instants, planned on time, late, cut at *now* or built
        by hand, is a plain tuple of datetimes: the garbage collector stops tracking it at
        its first pass, so a kept plan does not add a tracked object per step to every
        collection (issue 20, sixth pass; a named tuple stays tracked)."""
        import gc

        on_time = plan(interview())
        late = plan(interview(), now=at(2024, 7, 4, 9))  # the notes' day is over
        cut = plan(interview(), now=at(2024, 7, 2, 15, 30))  # inside the notes' window
        last = on_time[-1]
        by_hand = Action(
            kind=last.kind,
            channel=last.channel,
            recipient=last.recipient,
            earliest=last.earliest,
            latest=last.latest,
            suggested=last.suggested,
            rule=last.rule,
            sources=last.sources,
        )
        steps = [*on_time, *late, *late.missed, *cut, by_hand]
        assert late.missed and any(step.late_since is not None for step in late)
        gc.collect()
        assert [type(step._utc) for step in steps] == [tuple] * len(steps)
        assert [gc.is_tracked(step._utc) for step in steps] == [False] * len(steps)

    def test_facts_read_later_are_the_facts_of_the_state_they_follow(self) -> None:
        """Facts made on first read (after the planner moved on) tell the history each step
        follows: the first check-in follows the thank-you, each later one the check-in before."""
        first, second, third = of_kind(plan(interview()), ActionKind.CHECK_IN)
        assert (first.facts.attempt, second.facts.attempt, third.facts.attempt) == (1, 2, 3)
        assert [step.facts.previous.kind for step in (first, second, third)] == [
            ActionKind.THANK_YOU,
            ActionKind.CHECK_IN,
            ActionKind.CHECK_IN,
        ]
        assert (third.facts.attempts_left, third.facts.first_close) == (0, True)

    def test_facts_are_made_once_and_then_kept(self) -> None:
        """`LazyFacts`: a message written twice from one step reads the same facts, built
        once (a later read does not build them again from what it no longer keeps)."""
        from followup_rules.facts import NO_FACTS, LazyFacts

        calls: list[int] = []

        def build(variant: int) -> object:
            calls.append(variant)
            return NO_FACTS

        lazy = LazyFacts(build, 2)  # type: ignore[arg-type]
        assert lazy.get() is lazy.get() is NO_FACTS
        assert calls == [2]

    def test_lazy_facts_name_their_builder(self) -> None:
        """`repr(LazyFacts)` names the builder (a debugger's view of a planned step), or
        shows the callable itself when it has no name."""
        import functools

        from followup_rules.facts import LazyFacts, for_interview

        assert repr(LazyFacts(for_interview, interview())) == "LazyFacts(for_interview)"
        nameless = functools.partial(for_interview, interview())
        assert repr(LazyFacts(nameless)) == f"LazyFacts({nameless!r})"
