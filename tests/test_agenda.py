"""The agenda (issue 12): overdue, due and coming steps at an explicit now, with ids."""

from __future__ import annotations

from datetime import date

import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Agenda,
    Channel,
    Contact,
    InvalidArgument,
    Outcome,
    Reason,
    Standing,
    Update,
    action_ids,
    agenda,
    plan,
)
from followup_rules.identity import done_ids

from .factories import at, day, interview

DECIDED = date(2024, 7, 10)


def kinds(items: object) -> list[tuple[str, str]]:
    return [(i.action.kind.value, i.standing.value) for i in items]  # type: ignore[attr-defined]


class TestMissedSteps:
    """A one-time step whose window closed before a later event is listed, never dropped."""

    def test_a_thank_you_never_sent_is_missed_not_dropped(self) -> None:
        """Rule thank-you: a check-in logged after the window, no note: the note is missed."""
        iv = interview(decision_by=DECIDED)
        history = [Contact(at(2024, 7, 12, 9), Channel.EMAIL)]
        missed = plan(iv, history=history).missed
        expected = [("thank_you", "Ana Ruiz"), ("thank_you", "Bo Chen")]
        actual = [
            (a.kind.value, a.recipient.name) for a in missed if a.kind is ActionKind.THANK_YOU
        ]
        assert expected == actual

    def test_steps_done_are_not_missed(self) -> None:
        """Steps recorded as done are neither planned nor missed (invariant 10's setting)."""
        iv = interview(decision_by=DECIDED)
        whole = plan(iv)
        history = [action.done() for action in list(whole)[:8]]
        again = plan(iv, history=history)
        assert again.missed == ()
        assert list(whole)[8:] == list(again)

    def test_missed_steps_stay_out_of_the_sequence(self) -> None:
        """The sequence holds only what can still be done: nothing before the latest event."""
        iv = interview(decision_by=DECIDED)
        history = [Contact(at(2024, 7, 12, 9), Channel.EMAIL)]
        rest = plan(iv, history=history)
        assert [a for a in rest if a.latest < history[-1].at] == []
        assert len(rest.missed) == 7

    def test_upcoming_keeps_the_missed_steps(self) -> None:
        """Filtering a plan by now keeps what it says was missed."""
        iv = interview(decision_by=DECIDED)
        rest = plan(iv, history=[Contact(at(2024, 7, 12, 9), Channel.EMAIL)])
        assert rest.missed == rest.upcoming(at(2024, 7, 20)).missed


class TestAgenda:
    """Overdue (late or superseded), due and coming, at an explicit now."""

    def test_before_anything_is_due_everything_is_coming(self) -> None:
        """Before the interview every step is coming, the first one is next."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, now=at(2024, 7, 1, 9))
        assert (today.overdue, today.due) == ((), ())
        assert plan(iv)[0] == today.next.action  # type: ignore[union-attr]

    def test_a_thank_you_a_day_late_is_still_to_do(self) -> None:
        """Rule thank-you: past its 24 h window, the note is late, not gone; the room steps are."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, now=at(2024, 7, 4, 9))
        expected = [("closing_statement", "superseded")] * 1 + [
            ("ask_timeline", "superseded"),
            ("ask_permission", "superseded"),
            ("ask_for_cards", "superseded"),
            ("ask_for_cards", "superseded"),
            ("thank_you", "late"),
            ("thank_you", "late"),
        ]
        assert expected == kinds(today.overdue)
        assert {Reason.INTERVIEW_OVER} == {item.reason for item in today.superseded}
        assert today.next.action.kind.value == "thank_you"  # type: ignore[union-attr]

    def test_due_means_the_window_is_open(self) -> None:
        """At 10:30 on the call day, the check-in call (10:00-11:30) is due."""
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        today = agenda(iv, history=history, now=at(2024, 7, 11, 10, 30))
        assert kinds(today.due) == [("check_in", "due")]
        assert today.due[0].action.channel == Channel.PHONE

    def test_until_takes_in_the_rest_of_the_day(self) -> None:
        """At 08:00 the 10:00 call is coming; with until=end of day it is due today."""
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        early = at(2024, 7, 11, 8)
        assert agenda(iv, history=history, now=early).due == ()
        whole_day = agenda(iv, history=history, now=early, until=at(2024, 7, 11, 23, 59))
        assert kinds(whole_day.due) == [("check_in", "due")]

    def test_a_late_check_in_moves_and_the_next_one_follows(self) -> None:
        """Rule retry-gap: the call missed on the 11th goes to the next call window, and the
        check-in after it keeps min_gap from it, so two never go out at once."""
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        today = agenda(iv, history=history, now=at(2024, 7, 16, 9))
        late, *rest = today.overdue
        assert (late.standing, late.action.kind.value) == (Standing.LATE, "check_in")
        assert (late.action.earliest, late.to_do) == (at(2024, 7, 16, 10), False)
        assert rest == [] and today.due == ()
        following = today.coming[0]
        assert (following.standing, following.reason, following.after) == (
            Standing.COMING,
            None,
            None,
        )
        assert following.action.earliest.date() == day(2024, 7, 19)

    def test_two_missed_check_ins_are_not_both_overdue(self) -> None:
        """Invariant 11: after two check-in days pass, only the first is late; the second
        is planned after it, as if nothing had been missed but time."""
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        today = agenda(iv, history=history, now=at(2024, 7, 17, 9))
        assert kinds(today.overdue) == [("check_in", "late")]
        assert [i.action.earliest.date() for i in today.coming] == [
            day(2024, 7, 22),
            day(2024, 7, 25),
        ]

    def test_missed_steps_are_superseded_with_their_reason(self) -> None:
        """Plan.missed shows up as superseded: the room steps as such, a note as moved on."""
        iv = interview(decision_by=DECIDED)
        history = [Contact(at(2024, 7, 12, 9), Channel.EMAIL)]
        today = agenda(iv, history=history, now=at(2024, 7, 12, 10))
        reasons = {(i.action.kind.value, i.reason) for i in today.superseded}
        assert ("thank_you", Reason.EVENTS_MOVED_ON) in reasons
        assert ("closing_statement", Reason.INTERVIEW_OVER) in reasons
        assert "superseded: later events passed its window" in {i.note() for i in today.superseded}

    def test_nothing_left_after_an_offer(self) -> None:
        """Rule stop: after an offer, nothing is due or coming; next is None."""
        iv = interview(decision_by=DECIDED)
        history = [*(a.done() for a in list(plan(iv))[:7]), Update(at(2024, 7, 5), Outcome.OFFER)]
        today = agenda(iv, history=history, now=at(2024, 7, 20))
        assert (today.next, today.due, today.coming) == (None, (), ())

    def test_get_finds_an_item_by_its_id(self) -> None:
        """An id stored from one agenda finds the same step in a later one."""
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        first = agenda(iv, history=history, now=at(2024, 7, 5))
        stored = first.coming[1].id
        later = agenda(iv, history=history, now=at(2024, 7, 15))
        found = later.get(stored)
        assert found is not None
        assert (first.coming[1].action.kind, first.coming[1].action.recipient) == (
            found.action.kind,
            found.action.recipient,
        )
        assert None is later.get("no-such-id")

    def test_agenda_of_a_plan_equals_agenda(self) -> None:
        """Agenda.of over a plan already made gives the agenda() result."""
        iv = interview(decision_by=DECIDED)
        now = at(2024, 7, 4, 9)
        assert agenda(iv, now=now) == Agenda.of(plan(iv, now=now), iv, now=now)
        seen = plan(iv, now=now)
        assert len(seen) + len(seen.missed) == len(agenda(iv, now=now))

    @pytest.mark.parametrize("now", [pendulum.naive(2024, 7, 4), "2024-07-04"])
    def test_now_must_be_aware(self, now: object) -> None:
        """The library never guesses a zone: a naive or non-datetime now is refused."""
        with pytest.raises(InvalidArgument, match="now"):
            agenda(interview(), now=now)  # type: ignore[arg-type]

    def test_until_before_now_is_refused(self) -> None:
        """A due span that ends before it starts is an error naming until."""
        with pytest.raises(InvalidArgument, match="until"):
            agenda(interview(), now=at(2024, 7, 4), until=at(2024, 7, 3))


class TestIds:
    """Each step has a stable public id: the calendar UID."""

    def test_ids_are_unique_within_a_plan(self) -> None:
        """Two thank-yous, two card requests, three check-ins: all ids differ."""
        iv = interview(decision_by=DECIDED)
        ids = action_ids(plan(iv), iv)
        assert len(set(ids)) == len(ids) == len(plan(iv))

    def test_ids_survive_replanning(self) -> None:
        """After doing the first k steps, the rest keep their ids (pass the history)."""
        iv = interview(decision_by=DECIDED)
        whole = plan(iv)
        history = [a.done() for a in list(whole)[:8]]
        rest = plan(iv, history=history)
        expected = action_ids(whole, iv)[8:]
        assert expected == action_ids(rest, iv, history)

    def test_done_ids_name_the_steps_the_history_did(self) -> None:
        """Each contact is found under the id its planned step had."""
        iv = interview(decision_by=DECIDED)
        whole = plan(iv)
        history = [a.done() for a in list(whole)[:8]]
        expected = dict(zip(action_ids(whole, iv)[:8], history, strict=True))
        assert expected == done_ids(iv, history)

    def test_a_one_time_step_done_with_someone_else_keeps_its_id(self) -> None:
        """Rule timeline: asked of Bo rather than Ana, it is still the planned step, done."""
        iv = interview(decision_by=DECIDED)
        step = next(a for a in plan(iv) if a.kind is ActionKind.ASK_TIMELINE)
        asked = Contact(
            at(2024, 7, 2, 14, 50), Channel.IN_PERSON, ActionKind.ASK_TIMELINE, "Bo Chen"
        )
        assert [action_ids([step], iv)[0]] == list(done_ids(iv, [asked]))

    def test_ids_are_plain_ascii_without_spaces(self) -> None:
        """Safe as a database key or a file name part, whatever the names."""
        iv = interview(interviewers=["Zoë Brun", "李雷"], decision_by=DECIDED)
        for uid in action_ids(plan(iv), iv):
            assert uid.isascii() and " " not in uid and uid.endswith("@followup-rules")
