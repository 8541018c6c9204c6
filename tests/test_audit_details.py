"""audit(), in detail: each violation whole (rule, sources, event, message), and the edges.

`tests/test_audit.py` checks which rule each kind of overstep breaks; these
tests check what a user reads in the report (the exact message, the event
it points at), on whose calendar each day is counted, and that the limits
are exact: a contact on the first allowed moment is polite.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Interviewer,
    InvalidHistory,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Skip,
    Update,
    Violation,
    audit,
    plan,
)
from followup_rules.model import InterviewFormat
from followup_rules.rules import (
    CAP,
    CHECK_IN_AFTER_DEADLINE,
    CHECK_IN_NO_DEADLINE,
    FEEDBACK_REQUEST,
    ONE_CALL,
    PATIENCE,
    RECRUITER,
    RETRY_GAP,
    STOP,
    THANK_YOU,
    Rule,
)

from .factories import ANA, BO, at, interview

DEADLINE = date(2024, 7, 10)  # a Wednesday; the interview is on Tuesday 2 July


def broken(rule: Rule, event: Contact, message: str) -> Violation:
    """The violation a user should read for *event*."""
    return Violation(rule=rule.id, sources=rule.sources, events=(event,), message=message)


def thank_you_due(iv: object, person: str) -> object:
    """The end of the planned thank-you window to *person*."""
    return next(
        a.latest
        for a in plan(iv)  # type: ignore[arg-type]
        if a.kind is ActionKind.THANK_YOU
        and a.recipient is not None
        and a.recipient.name == person
    )


class TestCalls:
    """Rule one-call (seeds 000, 001): how many, when invited, and when in the day."""

    def test_an_uninvited_call_is_reported_with_its_event(self) -> None:
        """No invitation and no timeframe: the call and the reason, in one violation."""
        call = Contact(at(2024, 7, 10, 10, 30), Channel.PHONE)
        expected = [broken(ONE_CALL, call, "a call nobody invited, with no timeframe given")]
        assert expected == audit(interview(), [call])

    def test_a_call_on_a_public_holiday_is_outside_the_call_window(self) -> None:
        """With a holiday calendar, Labor Day morning is no business day for a call."""
        iv = interview(starts_at=at(2024, 8, 27, 14), decision_by=date(2024, 8, 29))
        call = Contact(at(2024, 9, 2, 10, 30), Channel.PHONE)
        expected = [
            broken(
                ONE_CALL,
                call,
                "call at Mon 10:30 recipient time, outside 10:00-11:30 on a business day in US "
                "(Monday to Friday, not a public holiday)",
            )
        ]
        assert expected == audit(iv, [call], Policy(holidays="US"))

    def test_a_call_is_dated_on_the_recipients_calendar(self) -> None:
        """Monday 10:30 in Auckland is still Sunday in UTC: a business-day call there, and
        Saturday morning in Auckland (Friday in UTC) is none."""
        auckland = Interviewer("Ana Ruiz", email="ana@acme.example", timezone="Pacific/Auckland")
        iv = interview(interviewers=[auckland, BO], decision_by=DEADLINE)
        monday = Contact(at(2024, 7, 15, 10, 30, tz="Pacific/Auckland"), Channel.PHONE)
        assert audit(iv, [monday]) == []
        saturday = Contact(at(2024, 7, 13, 10, 30, tz="Pacific/Auckland"), Channel.PHONE)
        expected = [
            broken(
                ONE_CALL,
                saturday,
                "call at Sat 10:30 recipient time, outside 10:00-11:30 on a business day",
            )
        ]
        assert expected == audit(iv, [saturday])

    def test_a_call_at_the_end_of_the_call_window_is_in_it(self) -> None:
        """The call window's end is inside it: 11:30 sharp is still mid-morning."""
        iv = interview(decision_by=DEADLINE)
        assert audit(iv, [Contact(at(2024, 7, 11, 11, 30), Channel.PHONE)]) == []


class TestCheckIns:
    """The pace rules, the cap and stop, as a user reads them in the report."""

    def test_a_check_in_over_the_cap_names_its_number_and_the_limit(self) -> None:
        """Rule cap (seeds 001, 003, 004): the fourth unanswered check-in of three allowed."""
        iv = interview(decision_by=DEADLINE)
        days = [(7, 11), (7, 16), (7, 19), (7, 24)]
        log = [Contact(at(2024, m, d, 9), Channel.EMAIL) for m, d in days]
        expected = [
            broken(CAP, log[-1], "check-in number 4 without an answer; the policy allows 3")
        ]
        assert expected == audit(iv, log)

    def test_a_check_in_past_the_lifetime_limit_points_at_it(self) -> None:
        """Rule cap: answered check-ins restart the run, never the lifetime count."""
        history: list[object] = []
        for week in range(3):
            when = at(2024, 7, 10, 9).add(weeks=2 * week)
            history += [Contact(when, Channel.EMAIL), Update(when.add(hours=2), Outcome.UNDECIDED)]
        third = history[4]
        assert isinstance(third, Contact)
        expected = [broken(CAP, third, "follow-up contact number 3 in all; the policy allows 2")]
        assert expected == audit(interview(), history, Policy(max_contacts_ever=2))  # type: ignore[arg-type]

    def test_a_check_in_after_a_rejection_names_the_outcome(self) -> None:
        """Rule stop: the report says which outcome ended the follow-up."""
        check_in = Contact(at(2024, 7, 16, 9), Channel.EMAIL)
        history = [Update(at(2024, 7, 11, 9), Outcome.REJECTED), check_in]
        expected = [broken(STOP, check_in, "a check-in after the REJECTED outcome")]
        assert expected == audit(interview(decision_by=DEADLINE), history)

    def test_a_check_in_on_the_first_allowed_day_after_a_late_interview_is_polite(self) -> None:
        """Rule check-in-no-deadline: the days count from the interview's date where it was held.

        An interview ending at 20:30 in New York ended on Tuesday there
        (Wednesday in UTC): five business days later is the next Tuesday.
        """
        iv = interview(starts_at=at(2024, 7, 2, 19, 30))
        assert audit(iv, [Contact(at(2024, 7, 9, 9), Channel.EMAIL)]) == []

    def test_a_check_in_is_dated_on_the_recipients_clock(self) -> None:
        """Rule check-in-after-deadline, in the contact's zone: 01:00 in London is the next day.

        Sent at 20:00 in New York on the decision day, the e-mail reaches Ana in
        London at 01:00 on the first allowed day: in time.
        """
        london = Interviewer("Ana Ruiz", email="ana@acme.example", timezone="Europe/London")
        iv = interview(interviewers=[london, BO], decision_by=DEADLINE)
        assert audit(iv, [Contact(at(2024, 7, 10, 20), Channel.EMAIL)]) == []

    def test_a_check_in_with_the_agency_recruiter_is_dated_on_their_clock(self) -> None:
        """Rule check-in-after-deadline: a recruiter lives by the candidate's zone.

        At 23:30 in Los Angeles on the decision day it is already the next day
        in New York, but not for the recruiter: one day too early.
        """
        iv = interview(
            decision_by=DEADLINE,
            recruiter=Recruiter("Rita Vale", agency="Staffing Co"),
            candidate=Candidate("Sam Lee", timezone="America/Los_Angeles"),
        )
        check_in = Contact(
            at(2024, 7, 10, 23, 30, tz="America/Los_Angeles"), Channel.EMAIL, recipient="Rita Vale"
        )
        expected = [
            broken(
                CHECK_IN_AFTER_DEADLINE,
                check_in,
                "check-in on 2024-07-10, before the first allowed day 2024-07-11",
            )
        ]
        assert expected == audit(iv, [check_in])

    def test_a_news_floor_that_adds_no_wait_leaves_the_deadline_rule_broken(self) -> None:
        """Rules check-in-no-deadline and undecided: a tie is blamed on the deadline rule.

        "No decision yet" heard the afternoon of the interview sets the same
        first day as the interview itself: the check-in breaks the wait the
        interview set.
        """
        check_in = Contact(at(2024, 7, 8, 9), Channel.EMAIL)
        history = [Update(at(2024, 7, 2, 16), Outcome.UNDECIDED), check_in]
        expected = [
            broken(
                CHECK_IN_NO_DEADLINE,
                check_in,
                "check-in on 2024-07-08, before the first allowed day 2024-07-09",
            )
        ]
        assert expected == audit(interview(), history)

    def test_a_check_in_during_an_out_of_office_is_reported(self) -> None:
        """Rule retry-gap (seed 004): nobody reads a check-in sent while they are away."""
        check_in = Contact(at(2024, 7, 17, 9), Channel.EMAIL)
        history = [OutOfOffice(at(2024, 7, 9, 9), returns_on=date(2024, 7, 19)), check_in]
        expected = [
            broken(
                RETRY_GAP,
                check_in,
                "check-in on 2024-07-17 while they are out of office (until 2024-07-22)",
            )
        ]
        assert expected == audit(interview(decision_by=DEADLINE), history)


class TestNewsSetsTheFirstDay:
    """Rules undecided and next-steps: the wait counts from the day the news came, there."""

    def test_no_decision_yet_heard_late_counts_from_that_evening(self) -> None:
        """Rule undecided (seed 003): "no decision yet" at 21:00 in New York is a Wednesday.

        Five business days after Wednesday 10 July is Wednesday 17 July.
        """
        history = [
            Update(at(2024, 7, 10, 21), Outcome.UNDECIDED),
            Contact(at(2024, 7, 17, 9), Channel.EMAIL),
        ]
        assert audit(interview(), history) == []

    def test_a_next_round_heard_late_counts_from_that_evening(self) -> None:
        """Rule next-steps (seed 002): word of a next round at 21:00 counts from that day."""
        history = [
            Update(at(2024, 7, 10, 21), Outcome.NEXT_ROUND),
            Contact(at(2024, 7, 17, 9), Channel.EMAIL),
        ]
        assert audit(interview(), history) == []


class TestGaps:
    """Rule retry-gap (seed 004) and rule patience: the distance between contacts."""

    def test_the_gap_message_counts_from_the_recipients_date(self) -> None:
        """A check-in at 21:00 is on Thursday for Ana: the next morning is one business day on."""
        first = Contact(at(2024, 7, 11, 21), Channel.EMAIL)
        second = Contact(at(2024, 7, 12, 9), Channel.EMAIL)
        expected = [
            broken(
                RETRY_GAP,
                second,
                "only 1 business day after the last exchange on 2024-07-11; the policy asks for 3",
            )
        ]
        assert expected == audit(interview(decision_by=DEADLINE), [first, second])

    def test_the_gap_message_skips_public_holidays(self) -> None:
        """With a holiday calendar, Friday 30 August to Tuesday 3 September is one business day."""
        iv = interview(starts_at=at(2024, 8, 20, 14), decision_by=date(2024, 8, 22))
        second = Contact(at(2024, 9, 3, 9), Channel.EMAIL)
        expected = [
            broken(
                RETRY_GAP,
                second,
                "only 1 business day after the last exchange on 2024-08-30; the policy asks for 3",
            )
        ]
        history = [Contact(at(2024, 8, 30, 9), Channel.EMAIL), second]
        assert expected == audit(iv, history, Policy(holidays="US"))

    def test_a_reply_restarts_the_gap(self) -> None:
        """The employer's answer is the last exchange a check-in keeps its distance from."""
        reply = Reply(at(2024, 7, 15, 9))
        check_in = Contact(at(2024, 7, 16, 9), Channel.EMAIL)
        history = [Contact(at(2024, 7, 11, 9), Channel.EMAIL), reply, check_in]
        expected = [
            broken(
                RETRY_GAP,
                check_in,
                "only 1 business day after the last exchange on 2024-07-15; the policy asks for 3",
            )
        ]
        assert expected == audit(interview(decision_by=DEADLINE), history)

    def test_the_retry_gap_counts_from_the_reply_not_a_later_thank_you(self) -> None:
        """Rule retry-gap is about the employer's answer: its days count from that answer.

        The employer wrote the afternoon of the interview, the note went out
        the next morning and a check-in the day after: too close to the
        answer, two business days after it.
        """
        iv = interview(decision_by=date(2024, 7, 2))
        notes = [
            Contact(at(2024, 7, 3, 9), Channel.EMAIL, ActionKind.THANK_YOU, name)
            for name in ("Ana Ruiz", "Bo Chen")
        ]
        check_in = Contact(at(2024, 7, 4, 16), Channel.EMAIL)
        history = [Reply(at(2024, 7, 2, 15, 30)), *notes, check_in]
        expected = [
            broken(
                RETRY_GAP,
                check_in,
                "only 2 business days after the last exchange on 2024-07-02; "
                "the policy asks for 3",
            )
        ]
        assert expected == audit(iv, history)

    def test_a_check_in_too_soon_after_the_thank_you_is_impatient(self) -> None:
        """Rule patience: the notes went out, their window closed, but three days must pass."""
        iv = interview(decision_by=date(2024, 7, 2))
        check_in = Contact(at(2024, 7, 4, 9), Channel.EMAIL)
        notes = [a.done() for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
        expected = [
            broken(
                PATIENCE,
                check_in,
                "a check-in on 2024-07-04, too soon after the thank-you "
                "(3 business days, and its window closed)",
            )
        ]
        assert expected == audit(iv, [*notes, check_in])

    def test_no_check_in_while_a_thank_you_is_still_due_even_with_a_short_gap(self) -> None:
        """Rule patience: with a one-day gap, a check-in still waits for the notes' window."""
        iv = interview(decision_by=date(2024, 7, 2))
        check_in = Contact(at(2024, 7, 3, 9), Channel.EMAIL)
        expected = [
            broken(
                PATIENCE,
                check_in,
                "a check-in on 2024-07-03, too soon after the thank-you "
                "(1 business day, and its window closed)",
            )
        ]
        assert expected == audit(iv, [check_in], Policy(min_gap=1))

    def test_a_check_in_as_the_last_thank_you_window_closes_is_polite(self) -> None:
        """Rule patience: the window's last moment is the first one a check-in may use."""
        iv = interview(decision_by=date(2024, 7, 2))
        closes = thank_you_due(iv, "Bo Chen")
        assert audit(iv, [Contact(closes, Channel.EMAIL)], Policy(min_gap=1)) == []  # type: ignore[arg-type]


class TestFeedbackRequests:
    """Rule feedback-request (seed 004): once, after a rejection, within every limit."""

    def test_a_second_request_is_reported_with_its_event(self) -> None:
        """Once, then stop: the second request, and why."""
        second = Contact(at(2024, 7, 18, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST)
        history = [
            Update(at(2024, 7, 11, 9), Outcome.REJECTED),
            Contact(at(2024, 7, 12, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
            second,
        ]
        expected = [broken(FEEDBACK_REQUEST, second, "feedback was already asked for once")]
        assert expected == audit(interview(), history)

    def test_a_request_past_the_lifetime_limit_is_reported(self) -> None:
        """Rule cap: a feedback request is a contact too, and counts against the lifetime."""
        request = Contact(at(2024, 7, 17, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST)
        history = [
            Contact(at(2024, 7, 11, 9), Channel.EMAIL),
            Update(at(2024, 7, 15, 9), Outcome.REJECTED),
            request,
        ]
        expected = [broken(CAP, request, "follow-up contact number 2 in all; the policy allows 1")]
        assert expected == audit(
            interview(decision_by=DEADLINE), history, Policy(max_contacts_ever=1)
        )

    def test_a_request_too_soon_after_a_check_in_counts_from_the_check_in(self) -> None:
        """Rule retry-gap: the request keeps its distance from the candidate's own contact.

        The rejection it answers is no reason to wait: the days count from the
        check-in, sent on Thursday evening (Friday in UTC).
        """
        request = Contact(at(2024, 7, 15, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST)
        history = [
            Contact(at(2024, 7, 11, 21), Channel.EMAIL),
            Update(at(2024, 7, 12, 9), Outcome.REJECTED),
            request,
        ]
        expected = [
            broken(
                RETRY_GAP,
                request,
                "only 2 business days after the last exchange on 2024-07-11; "
                "the policy asks for 3",
            )
        ]
        assert expected == audit(interview(decision_by=DEADLINE), history)

    def test_a_request_after_a_late_check_in_counts_on_the_recipients_calendar(self) -> None:
        """Rule retry-gap: a check-in at 21:00 on Monday is Monday's; Thursday is 3 days on."""
        history = [
            Contact(at(2024, 7, 15, 21), Channel.EMAIL),
            Update(at(2024, 7, 16, 9), Outcome.REJECTED),
            Contact(at(2024, 7, 18, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
        ]
        assert audit(interview(decision_by=DEADLINE), history) == []

    def test_a_request_while_they_are_away_is_reported_with_its_event(self) -> None:
        """Issue 10.9: no feedback request to someone out of office."""
        request = Contact(at(2024, 7, 22, 9), Channel.EMAIL, ActionKind.FEEDBACK_REQUEST)
        history = [
            Update(at(2024, 7, 19, 15), Outcome.REJECTED),
            OutOfOffice(at(2024, 7, 19, 16), returns_on=date(2024, 7, 29)),
            request,
        ]
        expected = [
            broken(
                FEEDBACK_REQUEST,
                request,
                "a feedback request on 2024-07-22 while they are out of office (until 2024-07-30)",
            )
        ]
        assert expected == audit(interview(), history)

    def test_a_request_the_day_they_are_back_is_polite(self) -> None:
        """The hold ends on the business day after the return: a request then is welcome."""
        history = [
            Update(at(2024, 7, 19, 15), Outcome.REJECTED),
            OutOfOffice(at(2024, 7, 19, 16), returns_on=date(2024, 7, 29)),
            Contact(at(2024, 7, 30, 9), Channel.EMAIL, ActionKind.FEEDBACK_REQUEST),
        ]
        assert audit(interview(), history) == []


class TestThankYouNotes:
    """Rule thank-you (seeds 001-004): each note against its own window."""

    def test_a_late_note_names_when_it_went_and_when_it_was_due(self) -> None:
        """The report gives the times, in the zone each was written in: sent, due, and
        the last moment a late note was still worth it (two business days on)."""
        note = Contact(at(2024, 7, 8, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        expected = [
            broken(
                THANK_YOU,
                note,
                "thank-you sent 2024-07-08 09:00 EDT, after it was due (2024-07-03 15:00 EDT) "
                "and past the last day a late note is still worth it (2024-07-05 17:00 EDT)",
            )
        ]
        assert expected == audit(interview(), [note])

    def test_a_note_within_its_late_limit_is_polite(self) -> None:
        """Rule thank-you (the library's own choice): a day late is still worth it."""
        note = Contact(at(2024, 7, 4, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        assert audit(interview(), [note]) == []

    def test_a_note_at_the_last_moment_of_its_window_is_on_time(self) -> None:
        """The window's end is inside it."""
        iv = interview()
        due = thank_you_due(iv, "Bo Chen")
        note = Contact(due, Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")  # type: ignore[arg-type]
        assert audit(iv, [note]) == []

    def test_each_note_is_judged_by_its_own_window(self) -> None:
        """A card to Ana may still go out when Bo's e-mail (no address for a card) is late.

        After a video interview a mailed card needs the interviewer's address:
        Ana gave hers, Bo did not, so his note is an e-mail due 24 hours after.
        """
        ana = Interviewer("Ana Ruiz", email="ana@acme.example", address="1 Main St, New York")
        iv = interview(interviewers=[ana, BO], format=InterviewFormat.VIDEO)
        policy = Policy(thank_you_channel=Channel.POSTAL, thank_you_late_within=0)
        note = Contact(at(2024, 7, 3, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        expected = [
            broken(
                THANK_YOU,
                note,
                "thank-you sent 2024-07-03 16:00 EDT, after it was due (2024-07-03 15:00 EDT) "
                "and past the last day a late note is still worth it (2024-07-03 15:00 EDT)",
            )
        ]
        assert expected == audit(iv, [note], policy)

    def test_a_card_is_due_by_its_mailing_day_not_by_the_e_mail_of_requested_items(self) -> None:
        """Seed 003: a card mailed the next afternoon is on time beside the e-mailed extras.

        What Ana asked for goes by e-mail within 24 hours; her card is due by
        the end of the next business day's send window.
        """
        iv = interview(requested=("my portfolio",))
        policy = Policy(thank_you_channel=Channel.POSTAL)
        card = Contact(at(2024, 7, 3, 16), Channel.POSTAL, ActionKind.THANK_YOU, "Ana Ruiz")
        assert audit(iv, [card], policy) == []

    def test_with_no_late_notes_the_card_is_still_due_by_its_mailing_day(self) -> None:
        """The same card, with no late notes allowed at all: still on time (the card's own
        window is the one judged, not the e-mail of requested items, closed at 15:00)."""
        iv = interview(requested=("my portfolio",))
        policy = Policy(thank_you_channel=Channel.POSTAL, thank_you_late_within=0)
        card = Contact(at(2024, 7, 3, 16), Channel.POSTAL, ActionKind.THANK_YOU, "Ana Ruiz")
        assert audit(iv, [card], policy) == []

    def test_a_note_at_the_last_moment_of_its_late_limit_is_polite(self) -> None:
        """The late limit is inside it: 17:00 sharp on Friday is still worth it, 17:01 not."""
        iv = interview()
        last = Contact(at(2024, 7, 5, 17), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        assert audit(iv, [last]) == []
        after = attrs.evolve(last, at=at(2024, 7, 5, 17, 1))
        expected = [
            broken(
                THANK_YOU,
                after,
                "thank-you sent 2024-07-05 17:01 EDT, after it was due (2024-07-03 15:00 EDT) "
                "and past the last day a late note is still worth it (2024-07-05 17:00 EDT)",
            )
        ]
        assert expected == audit(iv, [after])

    def test_a_note_in_its_window_after_the_employer_wrote_is_on_time(self) -> None:
        """The employer wrote at 10:00; the note went at 15:00, the end of its window: on time.
        A minute later it is late, and late after their answer it has lost its point."""
        iv = interview()
        wrote = Reply(at(2024, 7, 3, 10))
        on_time = Contact(at(2024, 7, 3, 15), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        assert audit(iv, [wrote, on_time]) == []
        late = attrs.evolve(on_time, at=at(2024, 7, 3, 15, 1))
        expected = [
            broken(
                THANK_YOU,
                late,
                "thank-you sent 2024-07-03 15:01 EDT, late and after the employer's answer or "
                "a check-in",
            )
        ]
        assert expected == audit(iv, [wrote, late])

    def test_answering_a_survey_days_later_is_no_late_thank_you(self) -> None:
        """Rule feedback-response (seed 002): an answer to their survey is not a note."""
        history = [
            Update(at(2024, 7, 8, 9), Outcome.FEEDBACK_REQUESTED),
            Contact(at(2024, 7, 8, 11), Channel.EMAIL, ActionKind.FEEDBACK_RESPONSE),
        ]
        assert audit(interview(), history) == []


class TestOneTimeStepsTwice:
    """Rules thank-you, recruiter and the room's: a one-time step done twice, as reported."""

    def test_a_second_note_names_the_first_on_the_persons_clock(self) -> None:
        """Two notes to Ana, who lives in London: the report dates the first on her clock."""
        iv = interview(interviewers=[attrs.evolve(ANA, timezone="Europe/London"), BO])
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        second = attrs.evolve(first, at=at(2024, 7, 2, 18, 6))
        expected = [
            Violation(
                rule=THANK_YOU.id,
                sources=THANK_YOU.sources,
                events=(second, first),
                message="a second thank-you to Ana Ruiz (the first on 2024-07-02 23:05 BST): "
                "one note per interviewer",
            )
        ]
        assert expected == audit(iv, [first, second])

    def test_a_second_debrief_goes_to_the_recruiter_on_their_clock(self) -> None:
        """Rule recruiter: a debrief logged without a recipient is the recruiter's; the second
        is reported as done once, dated in London where Rita lives."""
        iv = interview(recruiter=Recruiter("Rita Cole", timezone="Europe/London"))
        first = Contact(at(2024, 7, 3, 9), Channel.EMAIL, ActionKind.RECRUITER_DEBRIEF)
        second = attrs.evolve(first, at=at(2024, 7, 3, 9, 30))
        expected = [
            Violation(
                rule=RECRUITER.id,
                sources=RECRUITER.sources,
                events=(second, first),
                message="a second recruiter-debrief to Rita Cole (the first on 2024-07-03 "
                "14:00 BST): it is done once",
            )
        ]
        assert expected == audit(iv, [first, second])

    def test_a_second_note_to_the_recruiter_is_dated_on_their_clock(self) -> None:
        """A thank-you to the recruiter twice: dated in the recruiter's zone, as a debrief is
        (it was dated in the interview's)."""
        iv = interview(recruiter=Recruiter("Rita Cole", timezone="Europe/London"))
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Rita Cole")
        second = attrs.evolve(first, at=at(2024, 7, 2, 18, 6))
        found = audit(iv, [first, second])
        assert [v.message for v in found] == [
            "a second thank-you to Rita Cole (the first on 2024-07-02 23:05 BST): "
            "one note per interviewer"
        ]

    def test_the_timeline_asked_of_anyone_is_asked_once(self) -> None:
        """Rule timeline: once per interview, whoever it was asked of (both are the contact's
        step), and the event between them changes nothing."""
        asked = Contact(
            at(2024, 7, 2, 14, 50), Channel.IN_PERSON, ActionKind.ASK_TIMELINE, "Ana Ruiz"
        )
        between = Contact(at(2024, 7, 2, 14, 52), Channel.IN_PERSON, ActionKind.ASK_PERMISSION)
        again = Contact(
            at(2024, 7, 2, 14, 55), Channel.IN_PERSON, ActionKind.ASK_TIMELINE, "Bo Chen"
        )
        found = audit(interview(), [asked, between, again])
        assert [(v.rule, v.events, v.message) for v in found] == [
            (
                "timeline",
                (again, asked),
                "a second ask-timeline to Ana Ruiz (the first on 2024-07-02 14:50 EDT): "
                "it is done once",
            )
        ]

    def test_a_repeat_after_a_reply_is_still_found(self) -> None:
        """The employer's reply between two notes to Ana does not hide the second."""
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        second = attrs.evolve(first, at=at(2024, 7, 2, 18, 20))
        found = audit(interview(), [first, Reply(at(2024, 7, 2, 18, 10)), second])
        assert [(v.rule, v.events) for v in found] == [("thank-you", (second, first))]


class TestSkipsAreCheckedAsThePlannerChecksThem:
    """audit reads a Skip against the steps planned, as plan does."""

    def test_skipping_a_check_in_already_made_is_refused(self) -> None:
        """Check-in 1 was sent on 10 July; skipping it the next day names the skip."""
        iv = interview()
        made = plan(iv)
        step = next(
            i for a, i in zip(made, made.ids, strict=True) if a.kind is ActionKind.CHECK_IN
        )
        sent = Contact(at(2024, 7, 10, 10), Channel.EMAIL, ActionKind.CHECK_IN, "Ana Ruiz")
        with pytest.raises(InvalidHistory, match="is already done or skipped") as caught:
            audit(iv, [sent, Skip(at(2024, 7, 11, 10), step)])
        assert caught.value.field == "history[1].step"

    def test_skipping_a_step_this_interview_does_not_plan_is_refused(self) -> None:
        """Asking Ana for her card is a step of an interview in person: held by video, the
        same interview plans none, and a skip of it is refused."""
        made = plan(interview())
        kinds = [a.kind for a in made]
        step = made.ids[kinds.index(ActionKind.ASK_FOR_CARDS)]
        video = interview(format=InterviewFormat.VIDEO)
        with pytest.raises(InvalidHistory, match="is not a step planned for this interview"):
            audit(video, [Skip(at(2024, 7, 2, 15), step)])
