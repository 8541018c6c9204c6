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
    Reply,
    Update,
    facts,
    plan,
)
from followup_rules import _calendar as cal

from .factories import NY, at, interview, make_state, of_kind


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
