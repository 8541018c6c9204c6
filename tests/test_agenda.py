"""The agenda (issue 12): overdue, due and coming steps at an explicit now, with ids."""

from __future__ import annotations

from datetime import date, time, timedelta

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Agenda,
    AgendaItem,
    Channel,
    Contact,
    InvalidArgument,
    InvalidPolicy,
    Outcome,
    Policy,
    Reason,
    Standing,
    Update,
    action_ids,
    agenda,
    plan,
)
from followup_rules.agenda import FORGET_AFTER
from followup_rules.identity import done_ids

from .factories import ANA, BO, at, day, interview

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


class TestNextAmongEquals:
    """`Agenda.next` when nothing can be done now: the step doable soonest; late before
    due before coming at the same moment; the one overdue longest among equals.

    The items are the standard plan's steps, placed by hand (an app may build an agenda
    from stored items), none of them to do now.
    """

    NOW = at(2024, 7, 4, 2)

    def items(self) -> tuple[object, object, object]:
        notes = [a for a in plan(interview(decision_by=DECIDED)) if a.kind.value == "thank_you"]
        calls = [a for a in plan(interview(decision_by=DECIDED)) if a.kind.value == "check_in"]
        return notes[0], calls[0], calls[1]

    def agenda_of(self, *items: AgendaItem) -> Agenda:
        overdue = tuple(i for i in items if i.overdue)
        due = tuple(i for i in items if i.standing is Standing.DUE)
        coming = tuple(i for i in items if i.standing is Standing.COMING)
        return Agenda(self.NOW, self.NOW, overdue, due, coming)

    def test_a_late_step_doable_later_waits_for_a_step_doable_sooner(self) -> None:
        """A late note whose next window opens at 09:00 comes after a step that opens at
        08:00, though the note's own window opened earlier."""
        note, call, _ = self.items()
        late = AgendaItem(
            note,  # type: ignore[arg-type]
            "note",
            Standing.LATE,
            doable_at=at(2024, 7, 4, 9),
            late_since=at(2024, 7, 3, 15),
        )
        coming = AgendaItem(call, "call", Standing.COMING, doable_at=at(2024, 7, 4, 8))  # type: ignore[arg-type]
        assert self.agenda_of(late, coming).next is coming

    def test_an_item_stored_without_its_moment_is_doable_when_its_window_opens(self) -> None:
        """An app's hand-built coming item without `doable_at`: its window's opening counts."""
        note, call, _ = self.items()
        late = AgendaItem(
            note,  # type: ignore[arg-type]
            "note",
            Standing.LATE,
            doable_at=at(2024, 7, 12, 9),
            late_since=at(2024, 7, 3, 15),
        )
        coming = AgendaItem(call, "call", Standing.COMING)  # type: ignore[arg-type]
        assert self.agenda_of(late, coming).next is coming

    def test_at_the_same_moment_late_comes_before_due(self) -> None:
        note, call, _ = self.items()
        when = at(2024, 7, 4, 8)
        late = AgendaItem(
            call,  # type: ignore[arg-type]
            "call",
            Standing.LATE,
            doable_at=when,
            late_since=at(2024, 7, 3, 23),
        )
        due = AgendaItem(note, "note", Standing.DUE, doable_at=when)  # type: ignore[arg-type]
        assert self.agenda_of(late, due).next is late

    def test_two_due_steps_at_the_same_moment_the_one_closing_first(self) -> None:
        """Among equals, the step whose window closes first (overdue longest), whatever
        moment each suggests."""
        notes = [a for a in plan(interview()) if a.kind.value == "thank_you"]
        closing_first = attrs.evolve(notes[0], suggested=at(2024, 7, 3, 14))
        closing_later = attrs.evolve(notes[1], latest=at(2024, 7, 4, 15))
        when = at(2024, 7, 4, 8)
        later = AgendaItem(closing_later, "later", Standing.DUE, doable_at=when)
        sooner = AgendaItem(closing_first, "sooner", Standing.DUE, doable_at=when)
        assert self.agenda_of(later, sooner).next is sooner

    def test_two_late_steps_to_do_now_the_one_overdue_longest(self) -> None:
        note, call, _ = self.items()
        older = AgendaItem(
            call,  # type: ignore[arg-type]
            "older",
            Standing.LATE,
            to_do=True,
            doable_at=self.NOW,
            late_since=at(2024, 7, 2, 15),
        )
        newer = AgendaItem(
            note,  # type: ignore[arg-type]
            "newer",
            Standing.LATE,
            to_do=True,
            doable_at=self.NOW,
            late_since=at(2024, 7, 3, 15),
        )
        assert self.agenda_of(newer, older).next is older


class TestAgendaCounts:
    def test_its_length_is_every_item(self) -> None:
        """Overdue, due and coming all count: 5 room steps, 2 notes, 3 check-ins."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, now=at(2024, 7, 3, 9))
        assert (len(today.overdue), len(today.due), len(today.coming)) == (5, 2, 3)
        assert len(today) == 10 == len(list(today))


class TestUntil:
    """*until* ends the due span: at or after *now*, named when refused."""

    def test_until_may_be_now_itself(self) -> None:
        now = at(2024, 7, 4, 9)
        today = agenda(interview(), now=now, until=now)
        assert today.until == now

    def test_until_before_now_is_shown_on_its_own_clock(self) -> None:
        until = pendulum.datetime(2024, 7, 4, 12, tz="Asia/Tokyo")
        with pytest.raises(InvalidArgument) as refused:
            agenda(interview(), now=at(2024, 7, 4, 9), until=until)
        assert (refused.value.field, refused.value.value) == ("until", until)
        assert refused.value.problem == "is before now (2024-07-04T22:00:00+09:00)"

    def test_a_naive_until_is_refused_by_name(self) -> None:
        until = pendulum.naive(2024, 7, 5)
        with pytest.raises(InvalidArgument) as refused:
            agenda(interview(), now=at(2024, 7, 4, 9), until=until)
        assert (refused.value.field, refused.value.value) == ("until", until)


def test_the_moment_a_late_step_can_be_done_reads_on_its_own_clock() -> None:
    """At 02:00 in New York the late notes wait for 08:00 there: `doable_at` is given on
    the step's clock, ready to show."""
    iv = interview(decision_by=DECIDED)
    late = agenda(iv, now=at(2024, 7, 4, 2)).late[0]
    assert late.doable_at == at(2024, 7, 4, 8)
    assert (late.doable_at.hour, late.doable_at.utcoffset()) == (8, timedelta(hours=-4))  # type: ignore[union-attr]


class TestOverdueDetails:
    """What an overdue item says, and how long it stays (`FORGET_AFTER`, six weeks)."""

    def history(self) -> list[Contact]:
        """The notes and the check-in call done: the e-mail check-in of 16 July is next."""
        return [a.done() for a in list(plan(interview(decision_by=DECIDED)))[:8]]

    def test_a_check_in_too_late_keeps_the_id_it_had_when_due(self) -> None:
        """Rule late-limit: the e-mail check-in of 16 July, never sent, is superseded as
        too late five weeks on, under the id the agenda gave it on the day (its number
        counts the call done before it)."""
        iv = interview(decision_by=DECIDED)
        history = self.history()
        (due,) = agenda(iv, history=history, now=at(2024, 7, 16, 9)).due
        (gone,) = agenda(iv, history=history, now=at(2024, 8, 20, 9)).superseded
        assert (gone.id, gone.reason) == (due.id, Reason.TOO_LATE)
        assert gone.late_since == at(2024, 7, 16, 17)

    def test_a_superseded_step_stays_six_weeks_after_its_window(self) -> None:
        iv = interview(decision_by=DECIDED)
        history = self.history()
        closed = at(2024, 7, 16, 17)
        last = agenda(iv, history=history, now=closed + FORGET_AFTER)
        assert [i.action.kind for i in last.superseded] == [ActionKind.CHECK_IN]
        after = agenda(iv, history=history, now=closed + FORGET_AFTER + timedelta(seconds=1))
        assert after.superseded == ()

    def test_room_steps_are_superseded_since_the_interview_ended(self) -> None:
        today = agenda(interview(decision_by=DECIDED), now=at(2024, 7, 3, 9))
        assert {i.late_since for i in today.superseded} == {at(2024, 7, 2, 15)}


class TestAPlanMadeWithoutNow:
    """`Agenda.of` over a plan made without *now*: a step whose window closed is late with
    no window left, never to do now; a room step is superseded; after six weeks, gone."""

    def test_a_closed_note_is_late_since_its_deadline_and_not_to_do(self) -> None:
        iv = interview(decision_by=DECIDED)
        now = at(2024, 7, 4, 9)
        today = Agenda.of(plan(iv), iv, now=now)
        notes = [i for i in today.overdue if i.action.kind is ActionKind.THANK_YOU]
        assert [(i.standing, i.to_do) for i in notes] == [(Standing.LATE, False)] * 2
        assert {(i.late_since, i.doable_at) for i in notes} == {
            (at(2024, 7, 3, 15), at(2024, 7, 3, 15))
        }
        room = [i for i in today.overdue if i.action.channel is Channel.IN_PERSON]
        assert {(i.standing, i.reason) for i in room} == {
            (Standing.SUPERSEDED, Reason.INTERVIEW_OVER)
        }
        assert {i.late_since for i in room} == {at(2024, 7, 2, 15)}
        assert [i.id for i in room] == list(action_ids(plan(iv), iv))[:5]

    def test_after_six_weeks_a_closed_step_is_dropped(self) -> None:
        iv = interview(decision_by=DECIDED)
        schedule = plan(iv)
        deadline = at(2024, 7, 3, 15)  # the notes'
        kept = Agenda.of(schedule, iv, now=deadline + FORGET_AFTER)
        notes = [i for i in kept.late if i.action.kind is ActionKind.THANK_YOU]
        assert len(notes) == 2
        dropped = Agenda.of(schedule, iv, now=deadline + FORGET_AFTER + timedelta(seconds=1))
        assert [i.action.kind for i in dropped.late] == [ActionKind.CHECK_IN] * 3
        assert ActionKind.THANK_YOU not in {i.action.kind for i in dropped}

    def test_at_its_very_deadline_a_step_is_still_due_now(self) -> None:
        iv = interview(decision_by=DECIDED)
        deadline = at(2024, 7, 3, 15)
        today = Agenda.of(plan(iv), iv, now=deadline)
        assert [(i.action.kind, i.to_do) for i in today.due] == [(ActionKind.THANK_YOU, True)] * 2
        assert today.late == ()


def test_a_coming_step_is_doable_when_its_window_opens() -> None:
    iv = interview(decision_by=DECIDED)
    today = agenda(iv, now=at(2024, 7, 4, 9))
    assert [i.doable_at for i in today.coming] == [i.action.earliest for i in today.coming]
    assert today.coming[0].doable_at == at(2024, 7, 11, 10)


class TestPolicyAndZones:
    def test_the_policys_send_window_decides_when_an_email_can_go(self) -> None:
        """With e-mails landing from 09:00, the late notes wait for 09:00, not 08:00."""
        iv = interview(decision_by=DECIDED)
        policy = Policy(send_window=(time(9), time(17)))
        now = at(2024, 7, 4, 2)
        for today in (
            agenda(iv, policy, now=now),
            Agenda.of(plan(iv, policy, now=now), iv, now=now, policy=policy),
        ):
            assert {i.doable_at for i in today.late} == {at(2024, 7, 4, 9)}

    def test_a_policy_that_is_not_a_policy_is_refused_by_name(self) -> None:
        iv = interview()
        now = at(2024, 7, 4, 2)
        with pytest.raises(InvalidPolicy) as refused:
            Agenda.of(plan(iv, now=now), iv, now=now, policy="strict")  # type: ignore[arg-type]
        assert (refused.value.field, refused.value.value) == ("policy", "strict")
        assert refused.value.problem == "expected a Policy or None"

    def test_each_item_names_its_recipients_zone(self) -> None:
        """Bo works from Tokyo: his note is on Tokyo's clock, the candidate's on New York's."""
        tokyo = attrs.evolve(BO, timezone="Asia/Tokyo")
        iv = interview(decision_by=DECIDED, interviewers=[ANA, tokyo])
        today = agenda(iv, now=at(2024, 7, 4, 2))
        zones = {
            (i.action.recipient.name, i.recipient_zone, i.candidate_zone)  # type: ignore[union-attr]
            for i in today.late
        }
        assert zones == {
            ("Ana Ruiz", "America/New_York", "America/New_York"),
            ("Bo Chen", "Asia/Tokyo", "America/New_York"),
        }


def test_an_email_waits_for_the_recipients_morning_not_past_its_deadline() -> None:
    """At 02:00 on 4 July (Independence Day, with US holidays), the notes due by 15:00 that
    day have no send window left before their deadline: they go in the recipient's waking
    hours, at 07:00, within the day seeds 000-004 ask for, never in the night; after the
    deadline, only the next business morning's send window is left (late)."""
    iv = interview(starts_at=at(2024, 7, 3, 14), decision_by=date(2024, 7, 12))
    today = agenda(iv, Policy(holidays="US"), now=at(2024, 7, 4, 2))
    notes = [i for i in today.due if i.action.kind is ActionKind.THANK_YOU]
    assert [(i.to_do, i.doable_at) for i in notes] == [(False, at(2024, 7, 4, 7))] * 2
    evening = agenda(iv, Policy(holidays="US"), now=at(2024, 7, 4, 23))
    late = [i for i in evening.late if i.action.kind is ActionKind.THANK_YOU]
    assert [(i.to_do, i.doable_at) for i in late] == [(False, at(2024, 7, 5, 8))] * 2


class TestNotes:
    """`AgendaItem.note`: a word for the overdue only."""

    def test_due_and_coming_steps_have_no_note(self) -> None:
        iv = interview(decision_by=DECIDED)
        history = [a.done() for a in list(plan(iv))[:7]]
        today = agenda(iv, history=history, now=at(2024, 7, 11, 10, 30))
        assert today.due and today.coming
        assert {i.note() for i in (*today.due, *today.coming)} == {""}

    def test_a_late_step_to_do_now_says_so(self) -> None:
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, now=at(2024, 7, 4, 9))
        assert {(i.to_do, i.note()) for i in today.late} == {
            (True, "late: do it as soon as you can")
        }
