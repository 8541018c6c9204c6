"""Skip and snooze (issue 17): a step dismissed, or pushed later, by its stable id.

The standard interview (`factories.interview`) with a decision date of Wed
10 July 2024: notes on 2 July, a call on Thu 11 July, e-mails on 16 and 19 July.
"""

from __future__ import annotations

from datetime import date

import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidHistory,
    Outcome,
    Skip,
    Snooze,
    Update,
    action_ids,
    agenda,
    audit,
    plan,
)
from followup_rules.identity import done_ids

from .factories import BO, at, interview, of_kind

DECIDED = date(2024, 7, 10)
IV = interview(decision_by=DECIDED)


def ids_of(kind: ActionKind, history: list[object] | None = None) -> list[str]:
    """The ids of the planned steps of *kind*, in order, after *history*."""
    history = history or []
    schedule = plan(IV, history=history)  # type: ignore[arg-type]
    return [
        uid
        for action, uid in zip(schedule, action_ids(schedule, IV, history), strict=True)  # type: ignore[arg-type]
        if action.kind is kind
    ]


NOTES = [a.done() for a in plan(IV) if a.kind is ActionKind.THANK_YOU]
FIRST, SECOND, THIRD = ids_of(ActionKind.CHECK_IN)


class TestSkipOneTimeStep:
    """A skipped one-time step is gone."""

    def test_a_skipped_thank_you_is_neither_planned_nor_missed(self) -> None:
        """Skipping the note to Bo: it is not planned, not missed, not on the agenda."""
        bo = ids_of(ActionKind.THANK_YOU)[1]
        history = [Skip(at(2024, 7, 2, 16), bo)]
        later = plan(IV, history=history)
        assert [a.recipient for a in of_kind(later, ActionKind.THANK_YOU)] == [IV.interviewers[0]]
        assert [a for a in later.missed if a.recipient == BO and a.kind.value == "thank_you"] == []
        assert agenda(IV, history=history, now=at(2024, 7, 20)).get(bo) is None

    def test_a_skipped_step_is_not_a_previous_contact(self) -> None:
        """Skipping Ana's note: her first check-in refers to no earlier contact."""
        ana = ids_of(ActionKind.THANK_YOU)[0]
        history = [Skip(at(2024, 7, 2, 16), ana)]
        call = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert call.facts.previous is None


class TestSkipCheckIn:
    """A skipped check-in counts as no contact: the next one takes its place."""

    def test_the_number_still_planned_is_unchanged(self) -> None:
        """Three check-ins planned before the skip, three after it."""
        history = [*NOTES, Skip(at(2024, 7, 11, 10, 30), FIRST)]
        assert len(ids_of(ActionKind.CHECK_IN, history)) == 3

    def test_the_replacement_gets_a_new_id_and_the_skipped_one_is_never_reused(self) -> None:
        """The ids after the skip are the 2nd, 3rd and a 4th: never the 1st again."""
        history = [*NOTES, Skip(at(2024, 7, 11, 10, 30), FIRST)]
        after = ids_of(ActionKind.CHECK_IN, history)
        assert after[:2] == [SECOND, THIRD]
        assert FIRST not in after and len(set(after)) == 3

    def test_the_replacement_keeps_min_gap_from_the_skip(self) -> None:
        """Rule retry-gap (own): skipped on Thu 11 July, the next comes Tue 16 July."""
        history = [*NOTES, Skip(at(2024, 7, 11, 10, 30), FIRST)]
        first = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 16)

    def test_a_skip_is_no_contact_for_the_limits(self) -> None:
        """The replacement is still the first attempt, and the call is still allowed."""
        history = [*NOTES, Skip(at(2024, 7, 11, 10, 30), FIRST)]
        first = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert (first.facts.attempt, first.channel) == (1, Channel.PHONE)

    def test_a_contact_after_a_skip_does_the_next_step(self) -> None:
        """A call logged after skipping the first check-in is found under the second id."""
        call = Contact(at(2024, 7, 16, 10, 15), Channel.PHONE)
        history = [*NOTES, Skip(at(2024, 7, 11, 10, 30), FIRST), call]
        assert done_ids(IV, history)[SECOND] == call

    def test_audit_does_not_count_a_skip(self) -> None:
        """A skip is no contact: nothing to judge, and no gap to keep from it."""
        history = [
            *NOTES,
            Skip(at(2024, 7, 11, 10, 30), FIRST),
            Contact(at(2024, 7, 12, 10, 15), Channel.PHONE),
        ]
        assert audit(IV, history) == []

    def test_a_skipped_feedback_request_is_gone(self) -> None:
        """Rule feedback-request: ask once; skipped, it is not asked at all."""
        history = [*NOTES, Update(at(2024, 7, 11, 11), Outcome.REJECTED)]
        (request,) = ids_of(ActionKind.FEEDBACK_REQUEST, history)
        skipped = [*history, Skip(at(2024, 7, 11, 12), request)]
        assert of_kind(plan(IV, history=skipped), ActionKind.FEEDBACK_REQUEST) == []


class TestSnooze:
    """A snoozed step is offered in its first allowed window after `until`."""

    def test_a_snoozed_call_waits_for_the_first_call_window_after_until(self) -> None:
        """Snoozed to Mon 15 July 12:00: that day's window has closed, so Tue 16 July."""
        history = [*NOTES, Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 15, 12))]
        call = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert (call.earliest, call.latest) == (at(2024, 7, 16, 10), at(2024, 7, 16, 11, 30))

    def test_a_snooze_inside_a_window_starts_there(self) -> None:
        """Snoozed to 10:45 on the call day: the rest of that window."""
        history = [*NOTES, Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 11, 10, 45))]
        call = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert (call.earliest, call.latest) == (at(2024, 7, 11, 10, 45), at(2024, 7, 11, 11, 30))

    def test_the_steps_after_it_follow(self) -> None:
        """The e-mails keep min_gap business days from the snoozed call."""
        history = [*NOTES, Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 15, 12))]
        days = [a.earliest.date() for a in of_kind(plan(IV, history=history), ActionKind.CHECK_IN)]
        assert days == [date(2024, 7, 16), date(2024, 7, 19), date(2024, 7, 24)]

    def test_it_keeps_its_id(self) -> None:
        """A snoozed step is the same step: same id."""
        history = [*NOTES, Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 15, 12))]
        assert ids_of(ActionKind.CHECK_IN, history) == [FIRST, SECOND, THIRD]

    def test_a_later_snooze_replaces_an_earlier_one(self) -> None:
        """Snoozed to the 22nd, then to the 15th: the 15th wins (the latest decision)."""
        history = [
            *NOTES,
            Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 22, 12)),
            Snooze(at(2024, 7, 11, 9, 5), FIRST, at(2024, 7, 15, 9)),
        ]
        call = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert call.earliest == at(2024, 7, 15, 10)

    def test_a_done_step_ends_its_snooze(self) -> None:
        """The call made anyway: the next check-in is not held by the old snooze."""
        history = [
            *NOTES,
            Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 22, 12)),
            Contact(at(2024, 7, 11, 10, 15), Channel.PHONE),
        ]
        second = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert second.earliest.date() == date(2024, 7, 16)

    def test_a_note_snoozed_past_its_late_limit_is_missed(self) -> None:
        """Rule thank-you (own): every limit holds; a note pushed a week is missed."""
        bo = ids_of(ActionKind.THANK_YOU)[1]
        history = [Snooze(at(2024, 7, 2, 16), bo, at(2024, 7, 9, 9))]
        later = plan(IV, history=history)
        assert [a.recipient for a in of_kind(later, ActionKind.THANK_YOU)] == [IV.interviewers[0]]
        assert BO in [a.recipient for a in later.missed if a.kind is ActionKind.THANK_YOU]

    def test_a_note_snoozed_a_few_hours_stays_on_time(self) -> None:
        """Pushed to the next morning, inside its own window: not late."""
        bo = ids_of(ActionKind.THANK_YOU)[1]
        history = [Snooze(at(2024, 7, 2, 16), bo, at(2024, 7, 3, 9))]
        (note,) = [
            a for a in plan(IV, history=history) if a.recipient == BO and a.rule == "thank-you"
        ]
        assert (note.earliest, note.late_since, note.facts.late) == (
            at(2024, 7, 3, 9),
            None,
            False,
        )

    def test_audit_accepts_a_snooze(self) -> None:
        """A snooze is no contact."""
        history = [*NOTES, Snooze(at(2024, 7, 11, 9), FIRST, at(2024, 7, 15, 12))]
        assert audit(IV, history) == []


class TestRefused:
    """A skip or snooze naming no step planned at that point is a typed error."""

    @pytest.mark.parametrize("event", [Skip, Snooze])
    def test_an_unknown_id(self, event: type) -> None:
        """Another interview's id: refused, naming history[i].step and the id."""
        wrong = FIRST.replace("f9b8", "0000")
        args = (at(2024, 7, 11, 9), wrong) + ((at(2024, 7, 12),) if event is Snooze else ())
        with pytest.raises(InvalidHistory) as raised:
            plan(IV, history=[*NOTES, event(*args)])
        assert (raised.value.field, raised.value.value) == ("history[2].step", wrong)

    def test_a_step_already_done(self) -> None:
        """Skipping the note already sent is refused."""
        ana = ids_of(ActionKind.THANK_YOU)[0]
        with pytest.raises(InvalidHistory, match="already done or skipped"):
            plan(IV, history=[*NOTES, Skip(at(2024, 7, 3), ana)])

    def test_a_check_in_beyond_those_planned(self) -> None:
        """Three check-ins are planned: there is no fourth to skip yet."""
        fourth = FIRST.replace("-1-", "-4-")
        with pytest.raises(InvalidHistory, match="not a check-in still planned"):
            plan(IV, history=[*NOTES, Skip(at(2024, 7, 11), fourth)])

    def test_a_check_in_after_an_offer(self) -> None:
        """Rule stop: after an offer no check-in is planned, so none can be skipped."""
        history = [*NOTES, Update(at(2024, 7, 10), Outcome.OFFER), Skip(at(2024, 7, 11), FIRST)]
        with pytest.raises(InvalidHistory, match=r"history\[3\]\.step"):
            plan(IV, history=history)

    def test_audit_refuses_it_too(self) -> None:
        """The auditor reads the same history the same way."""
        with pytest.raises(InvalidHistory, match=r"history\[2\]\.step"):
            audit(IV, [*NOTES, Skip(at(2024, 7, 11), "check_in-x-1-nope@followup-rules")])

    def test_the_position_is_the_one_given(self) -> None:
        """In an unordered history, the error names the event where the caller put it."""
        history = [Skip(at(2024, 7, 11), "nope-1-x@followup-rules"), *NOTES]
        with pytest.raises(InvalidHistory) as raised:
            plan(IV, history=history)
        assert raised.value.field == "history[0].step"
