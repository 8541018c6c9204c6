"""Late is not now (issue 17): a plan seen from *now*, late steps, and what the agenda says.

The standard interview (`factories.interview`): Tue 2 July 2024, 14:00-15:00
in New York, with Ana Ruiz (the contact, with a phone) and Bo Chen.  With a
decision date of Wed 10 July the plan is: notes due Wed 3 July 15:00, a call
Thu 11 July 10:00-11:30, e-mails on Tue 16 and Fri 19 July.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Agenda,
    Application,
    Candidate,
    Channel,
    Contact,
    Interviewer,
    InvalidArgument,
    Outcome,
    Policy,
    Reason,
    Recruiter,
    Reply,
    Standing,
    Update,
    agenda,
    agenda_many,
    audit,
    plan,
    render,
)

from .factories import ANA, BO, at, interview, of_kind

DECIDED = date(2024, 7, 10)


def notes_done(iv: object) -> list[Contact]:
    """The two thank-you notes, sent as planned."""
    return [a.done() for a in plan(iv) if a.kind is ActionKind.THANK_YOU]  # type: ignore[arg-type]


def the(kind: ActionKind, actions: object) -> object:
    (found,) = [a for a in actions if a.kind is kind]  # type: ignore[attr-defined]
    return found


class TestPlanFromNow:
    """`plan(now=...)`: nothing is planned before now."""

    def test_nothing_is_planned_before_now(self) -> None:
        """A week after the interview, every step left starts at or after now."""
        now = at(2024, 7, 9, 12)
        rest = plan(interview(decision_by=DECIDED), now=now)
        assert rest
        assert [a for a in rest if a.earliest < now or a.suggested < now] == []

    def test_a_window_open_at_now_starts_at_now(self) -> None:
        """The notes' window is open the morning after: it is cut at now, not moved."""
        now = at(2024, 7, 3, 9)
        note = of_kind(plan(interview(), now=now), ActionKind.THANK_YOU)[0]
        expected = (now, at(2024, 7, 3, 15), now, None)
        assert expected == (note.earliest, note.latest, note.suggested, note.late_since)

    def test_without_now_the_plan_is_as_before(self) -> None:
        """Invariant 10's setting: with no history and no now, nothing moves."""
        iv = interview(decision_by=DECIDED)
        assert plan(iv) == plan(iv, now=at(2024, 7, 1))

    def test_now_must_be_aware(self) -> None:
        """The library never guesses a zone for now."""
        with pytest.raises(InvalidArgument, match="now"):
            plan(interview(), now=pendulum.naive(2024, 7, 9))


class TestLateCall:
    """Rule one-call: a late call goes to the recipient's next call window."""

    def test_a_late_call_goes_to_the_next_call_window(self) -> None:
        """At 15:00 the 10:00-11:30 window has closed: the call is offered the next morning."""
        iv = interview(decision_by=DECIDED)
        rest = plan(iv, history=notes_done(iv), now=at(2024, 7, 11, 15))
        call = rest[0]
        expected = (Channel.PHONE, at(2024, 7, 12, 10), at(2024, 7, 12, 11, 30))
        assert expected == (call.channel, call.earliest, call.latest)
        assert call.late_since == at(2024, 7, 11, 11, 30)

    def test_the_steps_after_a_late_call_follow_it(self) -> None:
        """Rule retry-gap: the e-mail after the call keeps three business days from it."""
        iv = interview(decision_by=DECIDED)
        rest = plan(iv, history=notes_done(iv), now=at(2024, 7, 11, 15))
        assert [a.earliest.date() for a in rest] == [
            date(2024, 7, 12),
            date(2024, 7, 17),
            date(2024, 7, 22),
        ]
        assert [a.late_since is None for a in rest] == [False, True, True]

    def test_the_agenda_does_not_say_now_outside_the_window(self) -> None:
        """At 15:00 the late call is late, not to do now; it says when it can be done."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, history=notes_done(iv), now=at(2024, 7, 11, 15))
        late = today.next
        assert late is not None
        assert (late.standing, late.to_do) == (Standing.LATE, False)
        assert today.to_do == ()
        assert late.their_window == (at(2024, 7, 12, 10), at(2024, 7, 12, 11, 30))
        assert late.note() == "late: do it in its next window"

    def test_inside_the_next_window_it_is_to_do(self) -> None:
        """The next morning at 10:30 the late call is to do now."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, history=notes_done(iv), now=at(2024, 7, 12, 10, 30))
        assert [(i.standing, i.action.channel) for i in today.to_do] == [
            (Standing.LATE, Channel.PHONE)
        ]

    def test_both_clocks_for_a_ui(self) -> None:
        """ "Call Fri 12 Jul 10:00-11:30 their time, 16:00-17:30 yours" for a Berlin candidate."""
        iv = interview(decision_by=DECIDED, candidate=Candidate("Sam", timezone="Europe/Berlin"))
        late = agenda(iv, history=notes_done(iv), now=at(2024, 7, 11, 15)).next
        assert late is not None
        assert (late.recipient_zone, late.candidate_zone) == ("America/New_York", "Europe/Berlin")
        yours = late.your_window
        assert (yours[0].hour, yours[1].hour, yours[1].minute) == (16, 17, 30)
        assert yours[0].date() == date(2024, 7, 12)

    def test_done_at_its_next_window_it_passes_audit(self) -> None:
        """Invariant 11: the late call made in its next window is no one-call violation."""
        iv = interview(decision_by=DECIDED)
        history = notes_done(iv)
        late = agenda(iv, history=history, now=at(2024, 7, 12, 10, 30)).next
        assert late is not None and late.to_do
        assert audit(iv, [*history, late.action.done(at(2024, 7, 12, 10, 30))]) == []

    def test_the_message_of_a_late_step_can_be_written(self) -> None:
        """Everything the agenda offers has its message: the late call has its script."""
        iv = interview(decision_by=DECIDED, candidate=Candidate("Sam Lee"))
        late = agenda(iv, history=notes_done(iv), now=at(2024, 7, 12, 10, 30)).next
        assert late is not None
        assert "Sam Lee" in render(late.action, iv).text


class TestNext:
    """`Agenda.next` is the step overdue longest (docs/cli.md)."""

    def test_the_step_overdue_longest_comes_first(self) -> None:
        """A mailed card due a day before a slow e-mail note closes comes first."""

        @attrs.frozen(kw_only=True)
        class CardForBo(Policy):
            def thank_you_channel_for(self, interviewer: Interviewer) -> Channel:
                return Channel.POSTAL if interviewer.name == "Bo Chen" else Channel.EMAIL

        policy = CardForBo(thank_you_within=timedelta(hours=72))
        iv = interview(address="1 Main Street")
        today = agenda(iv, policy, now=at(2024, 7, 5, 16))
        late = [(i.action.recipient.name, i.late_since) for i in today.late]  # type: ignore[union-attr]
        assert sorted(late, key=lambda pair: pair[1]) != late  # plan order is not lateness
        assert today.next is not None
        assert today.next.action.recipient == BO

    def test_due_when_nothing_is_late(self) -> None:
        """Nothing late: the first due step."""
        iv = interview(decision_by=DECIDED)
        today = agenda(iv, history=notes_done(iv), now=at(2024, 7, 11, 10))
        assert today.next is not None and today.next.standing is Standing.DUE

    def test_a_step_to_do_now_comes_before_one_overdue_longer(self) -> None:
        """A late step not doable before Monday never hides one that can be done now.

        A three-week trial: `next` pointed at a Sydney note for Monday while the
        New York notes could go at once (and would be late by Monday).
        """
        sydney = interview(starts_at=at(2024, 7, 4, 10, tz="Australia/Sydney"), company="Harbour")
        new_york = interview(starts_at=at(2024, 7, 5, 11), company="Hudson")
        now = at(2024, 7, 5, 15)  # Friday 15:00 in New York, Saturday 05:00 in Sydney
        day = agenda_many([Application(sydney), Application(new_york)], now)
        late = [entry for entry in day.late if not entry.item.to_do]
        assert late and late[0].application.interview.company == "Harbour"
        assert day.next is not None and day.next.item.to_do
        assert day.next.application.interview.company == "Hudson"
        one = agenda(sydney, now=now)
        assert one.next is not None and not one.next.to_do  # nothing else: the late note

    def test_nothing_to_do_now_gives_the_soonest(self) -> None:
        """Nothing can be done now: the step whose window opens first, with its moment."""
        sydney = interview(starts_at=at(2024, 7, 4, 10, tz="Australia/Sydney"), company="Harbour")
        new_york = interview(starts_at=at(2024, 7, 5, 11), company="Hudson")
        now = at(2024, 7, 5, 23)  # Friday night in New York, Saturday afternoon in Sydney
        day = agenda_many([Application(sydney), Application(new_york)], now)
        assert not day.to_do and day.next is not None
        soonest = min(entry.item.doable_at for entry in day if entry.item.doable_at)
        assert day.next.item.doable_at == soonest


class TestNotesFirst:
    """Rule patience: a step that waits for a late note is never listed beside it."""

    def test_a_check_in_waits_for_the_late_notes(self) -> None:
        """Notes still unsent on the day the check-in was planned: they go first,
        and the check-in keeps min_gap business days from them."""
        policy = Policy(wait_without_deadline=1)
        iv = interview()
        assert of_kind(plan(iv, policy), ActionKind.CHECK_IN)[0].earliest == at(2024, 7, 5, 8)
        today = agenda(iv, policy, now=at(2024, 7, 5, 9))
        assert {i.action.kind for i in today.to_do} == {ActionKind.THANK_YOU}
        check_in = next(i for i in today if i.action.kind is ActionKind.CHECK_IN)
        assert (check_in.standing, check_in.action.earliest) == (
            Standing.COMING,
            at(2024, 7, 10, 8),
        )


class TestLateThankYou:
    """Rule thank-you, the library's own choice: how late a note is still worth sending."""

    def test_a_note_a_day_late_is_offered_in_the_send_window(self) -> None:
        """Due Wed 15:00, seen Thu 07:00: offered Thu 08:00-17:00, worded as late."""
        rest = plan(interview(), now=at(2024, 7, 4, 7))
        note = of_kind(rest, ActionKind.THANK_YOU)[0]
        expected = (at(2024, 7, 4, 8), at(2024, 7, 4, 17), at(2024, 7, 3, 15), True)
        assert expected == (note.earliest, note.latest, note.late_since, note.facts.late)

    def test_a_note_on_time_is_not_worded_as_late(self) -> None:
        """Facts.late is for late notes only."""
        note = of_kind(plan(interview(), now=at(2024, 7, 3, 9)), ActionKind.THANK_YOU)[0]
        assert note.facts.late is False

    def test_after_the_late_limit_it_is_missed(self) -> None:
        """Two business days after Wed: Fri 17:00 is the last chance; Monday it is missed."""
        friday = plan(interview(), now=at(2024, 7, 5, 16))
        assert len(of_kind(friday, ActionKind.THANK_YOU)) == 2
        monday = plan(interview(), now=at(2024, 7, 8, 9))
        assert of_kind(monday, ActionKind.THANK_YOU) == []
        assert len([a for a in monday.missed if a.kind is ActionKind.THANK_YOU]) == 2

    def test_never_once_the_decision_date_has_passed(self) -> None:
        """A decision on Wed 3 July: the note missed that day is not sent on Thursday."""
        iv = interview(decision_by=date(2024, 7, 3))
        assert of_kind(plan(iv, now=at(2024, 7, 4, 9)), ActionKind.THANK_YOU) == []

    def test_no_thank_you_twelve_days_after_the_interview(self) -> None:
        """The issue's example: 12 days on, the decision date passed, whatever the limit."""
        iv = interview(decision_by=DECIDED)
        rest = plan(iv, Policy(thank_you_late_within=60), now=at(2024, 7, 14, 9))
        assert of_kind(rest, ActionKind.THANK_YOU) == []

    @pytest.mark.parametrize(
        "event",
        [
            Reply(at(2024, 7, 3, 16)),
            Update(at(2024, 7, 3, 16), Outcome.UNDECIDED),
            Contact(at(2024, 7, 3, 16), Channel.EMAIL),
        ],
    )
    def test_never_after_the_employers_answer_or_a_check_in(self, event: object) -> None:
        """Sent after their answer (or a check-in) a note would come after what it leads to."""
        rest = plan(interview(), history=[event], now=at(2024, 7, 4, 9))  # type: ignore[list-item]
        assert of_kind(rest, ActionKind.THANK_YOU) == []
        today = agenda(interview(), history=[event], now=at(2024, 7, 4, 9))  # type: ignore[list-item]
        reasons = {i.reason for i in today.superseded if i.action.kind is ActionKind.THANK_YOU}
        assert reasons == {Reason.EVENTS_MOVED_ON}

    def test_a_limit_of_zero_never_offers_a_late_note(self) -> None:
        """Policy(thank_you_late_within=0): a note is missed once its window closes."""
        rest = plan(interview(), Policy(thank_you_late_within=0), now=at(2024, 7, 3, 16))
        assert of_kind(rest, ActionKind.THANK_YOU) == []

    def test_a_late_note_logged_late_moves_the_other_along(self) -> None:
        """Ana's note logged a day late: Bo's is still offered, after it, worded as late."""
        history = [Contact(at(2024, 7, 4, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")]
        bo = of_kind(plan(interview(), history=history), ActionKind.THANK_YOU)
        assert [(a.recipient, a.earliest, a.facts.late) for a in bo] == [
            (BO, at(2024, 7, 4, 9), True)
        ]

    def test_audit_accepts_a_note_within_the_late_limit(self) -> None:
        """Invariant 11: the late note the agenda offers, sent then, is polite."""
        assert audit(interview(), [Contact(at(2024, 7, 5, 9), Channel.EMAIL, "thank_you")]) == []

    def test_audit_flags_a_note_after_the_late_limit(self) -> None:
        """Monday 8 July is past Friday's limit: a late note."""
        found = audit(interview(), [Contact(at(2024, 7, 8, 9), Channel.EMAIL, "thank_you")])
        assert [v.rule for v in found] == ["thank-you"]
        assert "past the last day a late note is still worth it" in found[0].message

    def test_audit_flags_a_late_note_after_a_reply(self) -> None:
        """A late note after their reply would come after what it leads up to."""
        history = [
            Reply(at(2024, 7, 3, 16)),
            Contact(at(2024, 7, 4, 9), Channel.EMAIL, "thank_you"),
        ]
        assert [v.rule for v in audit(interview(), history)] == ["thank-you"]


class TestLateDebrief:
    """Rule recruiter, the library's own choice: a debrief missed that day goes the next."""

    RITA = Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199")

    def test_a_debrief_missed_that_afternoon_goes_the_next_morning(self) -> None:
        """Due 15:00-17:00 on the day: seen at 18:00, offered the next business day."""
        iv = interview(recruiter=self.RITA)
        debrief = of_kind(plan(iv, now=at(2024, 7, 2, 18)), ActionKind.RECRUITER_DEBRIEF)
        assert [(a.earliest, a.latest) for a in debrief] == [
            (at(2024, 7, 3, 8), at(2024, 7, 3, 17))
        ]

    def test_no_debrief_two_days_late(self) -> None:
        """A business day later it is missed (recruiter_debrief_late_within=1)."""
        iv = interview(recruiter=self.RITA)
        rest = plan(iv, now=at(2024, 7, 4, 9))
        assert of_kind(rest, ActionKind.RECRUITER_DEBRIEF) == []
        assert [a.kind for a in rest.missed].count(ActionKind.RECRUITER_DEBRIEF) == 1

    def test_no_late_debrief_after_the_employers_news(self) -> None:
        """The employer already answered: the recruiter heard it from them."""
        iv = interview(recruiter=self.RITA)
        history = [Update(at(2024, 7, 2, 18), Outcome.NEXT_ROUND)]
        assert of_kind(plan(iv, history=history), ActionKind.RECRUITER_DEBRIEF) == []


class TestFeedbackResponse:
    """Rule feedback-response: an answer past its window is missed, never dropped."""

    def test_an_answer_past_its_window_is_missed(self) -> None:
        """Asked Mon 15 July, due Wed 17 July: on Thursday it is missed, and listed."""
        iv = interview(decision_by=DECIDED)
        history = [Update(at(2024, 7, 15, 9), Outcome.FEEDBACK_REQUESTED)]
        rest = plan(iv, history=history, now=at(2024, 7, 18, 9))
        assert of_kind(rest, ActionKind.FEEDBACK_RESPONSE) == []
        assert [a.kind for a in rest.missed].count(ActionKind.FEEDBACK_RESPONSE) == 1
        today = agenda(iv, history=history, now=at(2024, 7, 18, 9))
        (answer,) = [i for i in today.superseded if i.action.kind is ActionKind.FEEDBACK_RESPONSE]
        assert answer.reason is Reason.TOO_LATE

    def test_missed_after_a_later_event_too(self) -> None:
        """Without now, an event after the window misses it as well (it was dropped)."""
        iv = interview(decision_by=DECIDED)
        history = [
            Update(at(2024, 7, 15, 9), Outcome.FEEDBACK_REQUESTED),
            Reply(at(2024, 7, 19, 9)),
        ]
        missed = plan(iv, history=history).missed
        assert [a.kind for a in missed].count(ActionKind.FEEDBACK_RESPONSE) == 1


class TestStale:
    """Rule stop, the library's own choice: four weeks late, a follow-up is missed."""

    def test_a_check_in_four_weeks_late_is_missed_with_those_after_it(self) -> None:
        """The call of 11 July is still offered on 8 August, missed on 9 August."""
        iv = interview(decision_by=DECIDED)
        history = notes_done(iv)
        still = plan(iv, history=history, now=at(2024, 8, 8, 9))
        assert still[0].late_since == at(2024, 7, 11, 11, 30)
        gone = plan(iv, history=history, now=at(2024, 8, 9, 9))
        assert list(gone) == []
        assert [a.kind for a in gone.missed if a.channel is not Channel.IN_PERSON] == [
            ActionKind.CHECK_IN
        ]

    def test_a_new_event_starts_again(self) -> None:
        """Their reply after the silence plans a check-in again."""
        iv = interview(decision_by=DECIDED)
        history = [*notes_done(iv), Reply(at(2024, 8, 12, 9))]
        assert of_kind(plan(iv, history=history, now=at(2024, 8, 12, 10)), ActionKind.CHECK_IN)

    def test_an_overdue_step_leaves_the_agenda_after_six_weeks(self) -> None:
        """The missed call is listed as superseded, then forgotten (FORGET_AFTER)."""
        from followup_rules.agenda import FORGET_AFTER

        iv = interview(decision_by=DECIDED)
        history = notes_done(iv)
        closed = at(2024, 7, 11, 11, 30)
        listed = agenda(iv, history=history, now=closed + FORGET_AFTER)
        assert [i.action.kind for i in listed.superseded][-1] is ActionKind.CHECK_IN
        later = agenda(iv, history=history, now=closed + FORGET_AFTER + timedelta(hours=1))
        assert [i for i in later if i.action.kind is ActionKind.CHECK_IN] == []
        assert timedelta(days=60) >= FORGET_AFTER

    def test_the_room_steps_are_not_reported_forever(self) -> None:
        """Two months on, nothing of the interview room is listed any more."""
        iv = interview(decision_by=DECIDED)
        later = agenda(iv, history=notes_done(iv), now=at(2024, 9, 2, 9))
        assert later.superseded == ()


class TestLateLimitDays:
    """How late is too late, counted on the recipient's calendar: their zone, their days off."""

    HONOLULU = "Pacific/Honolulu"
    JERUSALEM = "Asia/Jerusalem"
    TOKYO = "Asia/Tokyo"

    def test_a_public_holiday_in_the_late_window_is_not_counted(self) -> None:
        """Rule thank-you: with US holidays, Thursday 4 July is off, so the two business
        days after Wednesday end on Monday 8 July, and the notes are still offered then."""
        rest = plan(interview(), Policy(holidays="US"), now=at(2024, 7, 8, 9))
        assert [(a.earliest, a.latest) for a in of_kind(rest, ActionKind.THANK_YOU)] == [
            (at(2024, 7, 8, 9), at(2024, 7, 8, 17))
        ] * 2

    def test_the_days_are_counted_from_the_recipients_date_not_utcs(self) -> None:
        """Notes due Wed 3 July 15:00 in Honolulu (already Thursday in UTC): the two
        business days run to Friday there, so on Monday the notes are missed."""
        iv = interview(starts_at=at(2024, 7, 2, 14, tz=self.HONOLULU))
        friday = plan(iv, now=at(2024, 7, 5, 9, tz=self.HONOLULU))
        assert [a.latest for a in of_kind(friday, ActionKind.THANK_YOU)] == [
            at(2024, 7, 5, 17, tz=self.HONOLULU)
        ] * 2
        monday = plan(iv, now=at(2024, 7, 8, 9, tz=self.HONOLULU))
        assert of_kind(monday, ActionKind.THANK_YOU) == []

    def test_a_late_note_ends_on_a_working_sunday(self) -> None:
        """With Israel's calendar (Friday and Saturday off) the two business days after
        Wednesday are Thursday and Sunday: offered on Sunday, missed on Monday."""
        iv = interview(starts_at=at(2024, 7, 2, 14, tz=self.JERUSALEM))
        israel = Policy(holidays="IL")
        sunday = plan(iv, israel, now=at(2024, 7, 7, 9, tz=self.JERUSALEM))
        assert [a.latest for a in of_kind(sunday, ActionKind.THANK_YOU)] == [
            at(2024, 7, 7, 17, tz=self.JERUSALEM)
        ] * 2
        monday = plan(iv, israel, now=at(2024, 7, 8, 9, tz=self.JERUSALEM))
        assert of_kind(monday, ActionKind.THANK_YOU) == []

    def test_the_decision_day_ends_at_the_recipients_midnight(self) -> None:
        """A decision on Thu 4 July, in Tokyo: Friday morning there is past it (though
        Thursday is not over in UTC yet), so the late note is not offered."""
        iv = interview(starts_at=at(2024, 7, 2, 14, tz=self.TOKYO), decision_by=date(2024, 7, 4))
        rest = plan(iv, now=at(2024, 7, 5, 8, tz=self.TOKYO))
        assert of_kind(rest, ActionKind.THANK_YOU) == []

    def test_a_late_check_in_ends_at_the_recipients_midnight(self) -> None:
        """Rule stop: a check-in due Tue 9 July in Tokyo, one business day of grace, is
        offered on Wednesday afternoon and missed at 08:30 on Thursday there (still
        Wednesday in UTC)."""
        iv = interview(
            starts_at=at(2024, 7, 2, 14, tz=self.TOKYO),
            interviewers=[attrs.evolve(ANA, phone=None), BO],
        )
        grace = Policy(follow_up_late_within=1)
        (due, *_) = of_kind(plan(iv, grace), ActionKind.CHECK_IN)
        assert due.latest == at(2024, 7, 9, 17, tz=self.TOKYO)
        wednesday = plan(iv, grace, now=at(2024, 7, 10, 16, tz=self.TOKYO))
        assert of_kind(wednesday, ActionKind.CHECK_IN)[0].late_since == due.latest
        thursday = plan(iv, grace, now=at(2024, 7, 11, 8, 30, tz=self.TOKYO))
        assert of_kind(thursday, ActionKind.CHECK_IN) == []
        assert [a.kind for a in thursday.missed].count(ActionKind.CHECK_IN) == 1


class TestAgendaOf:
    """`Agenda.of` over a plan already made."""

    def test_agenda_of_a_plan_from_now_equals_agenda(self) -> None:
        """The same now for both gives the agenda() result."""
        iv = interview(decision_by=DECIDED)
        now = at(2024, 7, 4, 9)
        assert agenda(iv, now=now) == Agenda.of(plan(iv, now=now), iv, now=now)

    def test_a_plan_without_now_is_never_to_do_late(self) -> None:
        """Given a plan made without now, a closed window is late with nothing to do now."""
        iv = interview(decision_by=DECIDED)
        today = Agenda.of(plan(iv, history=notes_done(iv)), iv, now=at(2024, 7, 11, 15))
        assert [(i.standing, i.to_do) for i in today.late] == [(Standing.LATE, False)]


class TestPlanMany:
    """`plan_many` sees every plan from the same now."""

    def test_plan_many_from_now(self) -> None:
        """A batch of interviews planned from one moment, each as plan(now=...) would."""
        from followup_rules import plan_many

        now = at(2024, 7, 11, 15)
        ivs = [interview(decision_by=DECIDED), interview()]
        assert list(plan_many(ivs, now=now)) == [plan(iv, now=now) for iv in ivs]
        histories = [notes_done(ivs[0]), []]
        expected = [plan(iv, history=h, now=now) for iv, h in zip(ivs, histories, strict=True)]
        assert list(plan_many(ivs, histories=histories, now=now)) == expected


class TestStepZone:
    """The zone a step's days are counted in (late limits, windows)."""

    def test_a_mailed_cards_days_are_the_candidates(self) -> None:
        """A card is posted where the candidate lives: its days are the candidate's, an
        e-mailed note's the recipient's."""
        from followup_rules.rules import step_zone

        class CardForBo(Policy):
            def thank_you_channel_for(self, interviewer: Interviewer) -> Channel:
                return Channel.POSTAL if interviewer.name == "Bo Chen" else Channel.EMAIL

        iv = interview(
            candidate=Candidate("Sam Lee", timezone="Asia/Tokyo"),
            address="1 Main Street, Springfield",
        )
        notes = of_kind(plan(iv, CardForBo()), ActionKind.THANK_YOU)
        card = next(n for n in notes if n.channel is Channel.POSTAL)
        note = next(n for n in notes if n.channel is Channel.EMAIL)
        zones = (step_zone(card, iv).name, step_zone(note, iv).name)  # type: ignore[attr-defined]
        assert zones == ("Asia/Tokyo", "America/New_York")
