"""The state fold in detail: the previous contact a planned step follows."""

from __future__ import annotations

from datetime import date

from followup_rules import ActionKind, Interview, Interviewer, Outcome, Update, plan

from .factories import at, of_kind


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
