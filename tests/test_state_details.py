"""The state fold in detail: the previous contact a planned step follows."""

from __future__ import annotations

from datetime import date

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Interview,
    Interviewer,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Salutation,
    Update,
    facts,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules.facts import Facts, Fallback, PreviousContact
from followup_rules.model import InterviewFormat
from followup_rules.timeframe import Timeframe

from .factories import BO, NY, at, interview, make_state, of_kind

TOKYO = cal.zone("Asia/Tokyo")
"""Every event below is at 11:00 or later in New York: already the next day in Tokyo."""


def late_interview(**changes: object) -> Interview:
    """Tuesday 2 July 2024, 15:30-16:30 in New York, with Ana only: her note goes out the 3rd."""
    fields: dict[str, object] = {
        "starts_at": at(2024, 7, 2, 15, 30),
        "company": "Acme Analytics",
        "role": "Data Engineer",
        "interviewers": [Interviewer("Ana Ruiz", email="ana@acme.example")],
        "decision_by": date(2024, 7, 8),
    }
    fields.update(changes)
    return Interview(**fields)  # type: ignore[arg-type]


FEEDBACK_ASKED = Update(at(2024, 7, 2, 16, 45), Outcome.FEEDBACK_REQUESTED)


class TestPreviousContactInPlanOrder:
    def test_a_check_in_follows_the_note_sent_after_the_feedback(self) -> None:
        """Facts: the feedback answer goes at 16:45, the note the next morning: the check-in
        follows the note, as it will once both are done (invariant 10)."""
        planned = plan(late_interview(), history=[FEEDBACK_ASKED])
        previous = of_kind(planned, ActionKind.CHECK_IN)[0].facts.previous
        assert (ActionKind.THANK_YOU, date(2024, 7, 3)) == (previous.kind, previous.day)

    def test_a_step_before_the_note_follows_nothing_yet(self) -> None:
        """Facts: the feedback answer, sent before the thank-you note, does not claim the
        note (not sent yet) as the contact it follows."""
        planned = plan(late_interview(), history=[FEEDBACK_ASKED])
        answer = of_kind(planned, ActionKind.FEEDBACK_RESPONSE)[0]
        assert answer.suggested < of_kind(planned, ActionKind.THANK_YOU)[0].suggested
        assert answer.facts.previous is None

    def test_a_note_cancelled_by_a_rejection_is_no_previous_contact(self) -> None:
        """Rule stop: a rejection before the note cancels it, so the feedback request
        follows no contact (the cancelled note was never sent)."""
        rejected = Update(at(2024, 7, 2, 16, 45), Outcome.REJECTED)
        planned = plan(late_interview(), history=[rejected])
        request = of_kind(planned, ActionKind.FEEDBACK_REQUEST)[0]
        assert of_kind(planned, ActionKind.THANK_YOU) == []
        assert request.facts.previous is None

    def test_replanning_after_the_feedback_answer_keeps_the_check_ins(self) -> None:
        """Invariant 10: the found case, the check-ins after answering the feedback
        request as planned are the plan's own."""
        iv = late_interview()
        planned = plan(iv, history=[FEEDBACK_ASKED])
        answer = of_kind(planned, ActionKind.FEEDBACK_RESPONSE)[0]
        again = plan(iv, history=[FEEDBACK_ASKED, answer.done()])
        assert of_kind(planned, ActionKind.CHECK_IN) == of_kind(again, ActionKind.CHECK_IN)


class TestNewsInTheFacts:
    """The employer's news is told once: the next message answers it, later ones do not."""

    def test_the_next_check_in_answers_fresh_news_on_its_day(self) -> None:
        """Rule undecided (seed 003): "no decision yet" on Thu 11 July is news to the next
        check-in, dated that day; it is no word of a next round."""
        news = Update(at(2024, 7, 11, 10), Outcome.UNDECIDED)
        nxt = of_kind(plan(interview(), history=[news]), ActionKind.CHECK_IN)[0]
        facts = nxt.facts
        assert (facts.news, facts.news_on) == (Outcome.UNDECIDED, date(2024, 7, 11))
        assert (facts.next_round_on, facts.new_round) == (None, False)

    def test_news_already_answered_is_not_told_again(self) -> None:
        """A check-in sent after the news answered it: the one after says nothing of it,
        neither the news nor its day."""
        news = Update(at(2024, 7, 11, 10), Outcome.UNDECIDED)
        answered = Contact(at(2024, 7, 12, 10), Channel.EMAIL)
        nxt = of_kind(plan(interview(), history=[news, answered]), ActionKind.CHECK_IN)[0]
        assert (nxt.facts.news, nxt.facts.news_on) == (None, None)
        assert nxt.facts.previous is not None
        assert nxt.facts.previous.day == date(2024, 7, 12)


class TestPublicBuilders:
    """`facts.for_check_in` and `facts.previous_contact` are the planner's own facts, for an
    app that words a step of its own from a state (`followup_rules.facts`)."""

    HISTORY = (
        Contact(
            at(2024, 7, 2, 21), Channel.EMAIL, ActionKind.THANK_YOU, message_id="<t@acme.example>"
        ),
        Update(at(2024, 7, 8, 10), Outcome.UNDECIDED, date(2024, 7, 12)),
        Reply(at(2024, 7, 9, 10)),
    )

    def test_for_check_in_gives_the_planned_check_ins_facts(self) -> None:
        """The note, the news with its new date and the reply after it: the builder tells
        the same as the check-in `plan` makes after them."""
        planned = of_kind(plan(interview(), history=self.HISTORY), ActionKind.CHECK_IN)[0].facts
        made = facts.for_check_in(
            make_state(self.HISTORY),
            cal.zone(NY),
            attempts_left=planned.attempts_left,
            call_basis=planned.call_basis,
            calls_left=planned.calls_left,
            fallback=planned.fallback,
            asks_next_steps=planned.asks_next_steps,
        )
        assert made == planned
        assert (made.attempt, made.news_on, made.replied_on) == (
            1,
            date(2024, 7, 8),
            date(2024, 7, 9),
        )

    def test_previous_contact_is_the_one_the_check_in_follows(self) -> None:
        """The thank-you with its Message-ID, on the recipient's calendar (sent at 21:00 in
        New York: already the 3rd in UTC); `for_follow_up` tells the same contact."""
        state = make_state(self.HISTORY)
        assert state.previous is not None
        told = facts.previous_contact(state, state.previous, cal.zone(NY))
        planned = of_kind(plan(interview(), history=self.HISTORY), ActionKind.CHECK_IN)[0]
        assert told == planned.facts.previous
        assert (told.day, told.message_id) == (date(2024, 7, 2), "<t@acme.example>")
        assert facts.for_follow_up(state, cal.zone(NY)).previous == told

    def test_for_check_in_gives_the_graceful_close(self) -> None:
        """Rule cap: the builder's third check-in, after two sent unanswered, is the
        planner's graceful close (no check-in left, the close of the first run)."""
        history = [
            Contact(at(2024, 7, 2, 21), Channel.EMAIL, ActionKind.THANK_YOU),
            Contact(at(2024, 7, 9, 10), Channel.EMAIL),
            Contact(at(2024, 7, 16, 10), Channel.EMAIL),
        ]
        planned = of_kind(plan(interview(), history=history), ActionKind.CHECK_IN)[0].facts
        made = facts.for_check_in(
            make_state(history),
            cal.zone(NY),
            attempts_left=planned.attempts_left,
            call_basis=planned.call_basis,
            calls_left=planned.calls_left,
            fallback=planned.fallback,
            asks_next_steps=planned.asks_next_steps,
        )
        assert made == planned
        assert (made.attempts_left, made.first_close, made.final) == (0, True, True)

    def test_previous_contact_tells_an_out_of_office_answer(self) -> None:
        """A check-in answered by an out-of-office reply is told as such
        (`PreviousContact.out_of_office`), on the builder as in a plan."""
        sent = Contact(at(2024, 7, 9, 10), Channel.EMAIL)
        away = OutOfOffice(at(2024, 7, 9, 10, 5), returns_on=date(2024, 7, 12))
        state = make_state(
            [Contact(at(2024, 7, 2, 21), Channel.EMAIL, ActionKind.THANK_YOU), sent, away]
        )
        assert facts.previous_contact(state, sent, cal.zone(NY)).out_of_office is True

    def test_for_check_in_keeps_the_fallback_it_is_given(self) -> None:
        """The builder's *fallback* is the check-in's (an app's call with no number known)."""
        made = facts.for_check_in(
            make_state(self.HISTORY),
            cal.zone(NY),
            attempts_left=2,
            call_basis=None,
            calls_left=0,
            fallback=Fallback.NO_PHONE,
            asks_next_steps=False,
        )
        assert made.fallback is Fallback.NO_PHONE

    def test_for_check_in_never_counts_calls_below_none(self) -> None:
        """More calls made than the policy allows: none left, not a negative count."""
        made = facts.for_check_in(
            make_state(self.HISTORY),
            cal.zone(NY),
            attempts_left=2,
            call_basis=None,
            calls_left=-1,
            fallback=None,
            asks_next_steps=False,
        )
        assert made.calls_left == 0


class TestFollowUpFactsWhole:
    """`facts.for_follow_up` field by field, on a Tokyo recipient's calendar (UTC and New
    York would give the day before for every event below)."""

    def test_a_call_after_an_e_mail_news_and_a_reply(self) -> None:
        """The previous contact is the voicemail; the thread is the earlier e-mail, which an
        out-of-office reply answered; Bo's news of a next round, then his reply, are fresh;
        the policy's salutation is kept."""
        history = [
            Update(at(2024, 7, 8, 12), Outcome.UNDECIDED, date(2024, 7, 12), sender="Bo Chen"),
            Contact(
                at(2024, 7, 15, 12),
                Channel.EMAIL,
                subject="Data Engineer: following up",
                message_id="<a1@example.com>",
            ),
            OutOfOffice(at(2024, 7, 15, 12, 5), returns_on=date(2024, 7, 17)),
            Contact(at(2024, 7, 19, 11, 30), Channel.PHONE, voicemail=True),
            Update(at(2024, 7, 19, 13), Outcome.NEXT_ROUND, sender="Bo Chen"),
            Reply(at(2024, 7, 19, 14), "Bo Chen"),
        ]
        state = make_state(history, policy=Policy(salutation=Salutation.FIRST_NAME))
        call = PreviousContact(
            date(2024, 7, 20), Channel.PHONE, ActionKind.CHECK_IN, voicemail=True
        )
        e_mail = PreviousContact(
            date(2024, 7, 16),
            Channel.EMAIL,
            ActionKind.CHECK_IN,
            message_id="<a1@example.com>",
            subject="Data Engineer: following up",
            out_of_office=True,
        )
        assert facts.for_follow_up(state, TOKYO) == Facts(
            previous=call,
            last_email=e_mail,
            news=Outcome.NEXT_ROUND,
            news_on=date(2024, 7, 20),
            news_by="Bo Chen",
            new_round=True,
            next_round_on=date(2024, 7, 20),
            replied_on=date(2024, 7, 20),
            replied_by="Bo Chen",
            salutation=Salutation.FIRST_NAME,
        )

    def test_a_new_window_given_after_a_check_in(self) -> None:
        """ "Within two weeks" given after the check-in: the date, the window and the day it
        was given, all on the recipient's calendar; no next round."""
        news = Update(at(2024, 7, 8, 12), Outcome.UNDECIDED, "within two weeks")
        state = make_state([Contact(at(2024, 7, 5, 12), Channel.EMAIL), news])
        sent = PreviousContact(date(2024, 7, 6), Channel.EMAIL, ActionKind.CHECK_IN)
        assert isinstance(news.decision_by, Timeframe)
        assert facts.for_follow_up(state, TOKYO) == Facts(
            previous=sent,
            last_email=sent,
            decision_by=date(2024, 7, 22),
            timeframe=news.decision_by,
            decision_given_on=date(2024, 7, 9),
            news=Outcome.UNDECIDED,
            news_on=date(2024, 7, 9),
        )

    def test_a_rejection_is_the_outcome(self) -> None:
        """A rejection after the check-in: fresh news, and the final outcome."""
        rejected = Update(at(2024, 7, 11, 12), Outcome.REJECTED)
        state = make_state([Contact(at(2024, 7, 10, 12), Channel.EMAIL), rejected])
        made = facts.for_follow_up(state, TOKYO)
        assert (made.news, made.news_on, made.outcome) == (
            Outcome.REJECTED,
            date(2024, 7, 12),
            Outcome.REJECTED,
        )

    def test_what_comes_at_the_instant_of_the_last_contact_is_fresh(self) -> None:
        """News, a reply or an auto-reply at the very instant of the check-in answer it: they
        are told (a message answers them once)."""
        sent = Contact(at(2024, 7, 10, 12), Channel.EMAIL)
        news = make_state([sent, Update(sent.at, Outcome.UNDECIDED)])
        assert facts.for_follow_up(news, TOKYO).news is Outcome.UNDECIDED
        reply = make_state([sent, Reply(sent.at)])
        assert facts.for_follow_up(reply, TOKYO).replied_on == date(2024, 7, 11)
        away = make_state([sent, OutOfOffice(sent.at)])
        assert facts.for_follow_up(away, TOKYO).previous.out_of_office is True  # type: ignore[union-attr]

    def test_a_reply_before_the_last_contact_or_with_the_news_is_not_told(self) -> None:
        """A reply the check-in already followed is stale; a reply at the instant of news is
        the news itself (told once, as news)."""
        replied = make_state(
            [Reply(at(2024, 7, 9, 12)), Contact(at(2024, 7, 10, 12), Channel.EMAIL)]
        )
        assert facts.for_follow_up(replied, TOKYO).replied_on is None
        when = at(2024, 7, 11, 12)
        both = make_state(
            [
                Contact(at(2024, 7, 10, 12), Channel.EMAIL),
                Update(when, Outcome.UNDECIDED),
                Reply(when),
            ]
        )
        told = facts.for_follow_up(both, TOKYO)
        assert (told.news, told.replied_on) == (Outcome.UNDECIDED, None)


class TestPlannedFactsOfNotesAndTheRoom:
    """The facts `plan` gives the steps made from the interview alone."""

    def test_the_debrief_greets_as_the_policy_says(self) -> None:
        """The recruiter debrief carries the policy's salutation."""
        made = plan(
            interview(recruiter=Recruiter("Rita Cole")),
            policy=Policy(salutation=Salutation.FIRST_NAME),
        )
        debrief = of_kind(made, ActionKind.RECRUITER_DEBRIEF)[0]
        assert debrief.facts.salutation is Salutation.FIRST_NAME

    def test_a_note_says_why_it_is_an_e_mail_and_when_a_card_arrives(self) -> None:
        """After a video interview Bo gave no address: his note is an e-mail for that reason;
        Ana's card, posted the next day, arrives after the decision on the 4th."""
        ana = Interviewer("Ana Ruiz", email="ana@acme.example", address="1 Main St, New York")
        iv = interview(
            interviewers=[ana, BO], format=InterviewFormat.VIDEO, decision_by=date(2024, 7, 4)
        )
        notes = {
            a.recipient.name: a.facts  # type: ignore[union-attr]
            for a in plan(iv, policy=Policy(thank_you_channel=Channel.POSTAL))
            if a.kind is ActionKind.THANK_YOU
        }
        assert (notes["Bo Chen"].fallback, notes["Bo Chen"].arrives_after_decision) == (
            Fallback.NO_ADDRESS,
            False,
        )
        assert (notes["Ana Ruiz"].fallback, notes["Ana Ruiz"].arrives_after_decision) == (
            None,
            True,
        )
        late = interview(
            interviewers=[ana, BO], format=InterviewFormat.VIDEO, decision_by=date(2024, 7, 31)
        )
        card = next(
            a
            for a in plan(late, policy=Policy(thank_you_channel=Channel.POSTAL))
            if a.kind is ActionKind.THANK_YOU and a.channel is Channel.POSTAL
        )
        assert card.facts.arrives_after_decision is False

    def test_the_feedback_request_tells_the_rejection_on_the_contacts_day(self) -> None:
        """Rejected at noon on Thu 11 July in New York, Friday in Tokyo: the request to a
        Tokyo contact tells the news on Friday, and asks for feedback only as itself."""
        tokyo = Interviewer("Ana Ruiz", email="ana@acme.example", timezone="Asia/Tokyo")
        iv = interview(interviewers=[tokyo, BO])
        made = plan(iv, history=[Update(at(2024, 7, 11, 12), Outcome.REJECTED)])
        request = of_kind(made, ActionKind.FEEDBACK_REQUEST)[0].facts
        assert (request.news, request.news_on, request.asks_feedback) == (
            Outcome.REJECTED,
            date(2024, 7, 12),
            False,
        )
