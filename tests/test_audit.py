"""audit(): a real contact log judged by the limits the planner obeys."""

from __future__ import annotations

from datetime import date

import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Outcome,
    Update,
    Violation,
    audit,
    plan,
)
from followup_rules.rules import SEED_004

from .factories import at, interview

DEADLINE = date(2024, 7, 10)


def rules_broken(found: list[Violation]) -> list[str]:
    return [v.rule for v in found]


def test_a_polite_log_is_clean() -> None:
    """An empty list means polite: the plan itself, done as suggested."""
    iv = interview(decision_by=DEADLINE)
    assert audit(iv, [a.done() for a in plan(iv)]) == []


def test_a_thank_you_before_the_interview_ended() -> None:
    """Rule thank-you: the window opens when the interview ends; a note sent during it
    thanks for a conversation not yet over (the loop5 trial: audit said polite).  At
    the end itself, it is in its window."""
    iv = interview(decision_by=DEADLINE)
    person = iv.interviewers[0].name
    early = Contact(iv.starts_at.add(minutes=20), Channel.EMAIL, ActionKind.THANK_YOU, person)
    found = audit(iv, [early])
    assert rules_broken(found) == ["thank-you"]
    assert found[0].events == (early,) and "before the interview ended" in found[0].message
    on_time = Contact(iv.ends_at, Channel.EMAIL, ActionKind.THANK_YOU, person)
    assert audit(iv, [on_time]) == []


def test_two_calls() -> None:
    """Rule one-call (seeds 000, 001): the second call is a violation, with the event."""
    iv = interview(decision_by=DEADLINE)
    second = Contact(at(2024, 7, 16, 10, 30), Channel.PHONE)
    found = audit(iv, [Contact(at(2024, 7, 11, 10, 30), Channel.PHONE), second])
    assert rules_broken(found) == ["one-call"]
    assert found[0].events == (second,)
    assert "allows 1" in found[0].message


def test_call_outside_the_window() -> None:
    """Rule one-call (seed 001): calls belong mid-morning, recipient time."""
    iv = interview(decision_by=DEADLINE)
    found = audit(iv, [Contact(at(2024, 7, 11, 16), Channel.PHONE)])
    assert rules_broken(found) == ["one-call"]
    assert "outside 10:00-11:30" in found[0].message


def test_uninvited_call() -> None:
    """Rule one-call (seed 000): no invitation and no timeframe, no call."""
    found = audit(interview(), [Contact(at(2024, 7, 10, 10, 30), Channel.PHONE)])
    assert rules_broken(found) == ["one-call"]


def test_check_in_before_the_deadline() -> None:
    """Rule check-in-after-deadline (seed 004): do not jump the gun."""
    found = audit(interview(decision_by=DEADLINE), [Contact(at(2024, 7, 10, 9), Channel.EMAIL)])
    assert rules_broken(found) == ["check-in-after-deadline"]
    assert found[0].sources == (
        "000_67204a6882031429.txt",
        "003_81157863ab7b90a0.txt",
        SEED_004,
    )


def test_check_in_too_soon_without_deadline() -> None:
    """Rule check-in-no-deadline (seed 001): about a week."""
    found = audit(interview(), [Contact(at(2024, 7, 5, 9), Channel.EMAIL)])
    assert rules_broken(found) == ["check-in-no-deadline"]


def test_contacts_too_close_together() -> None:
    """Rule retry-gap (seed 004): wait a few days before trying again."""
    iv = interview(decision_by=DEADLINE)
    found = audit(
        iv,
        [Contact(at(2024, 7, 11, 9), Channel.EMAIL), Contact(at(2024, 7, 12, 9), Channel.EMAIL)],
    )
    assert rules_broken(found) == ["retry-gap"]
    assert "only 1 business day" in found[0].message


def test_over_the_cap() -> None:
    """Rule cap (seeds 001, 003, 004): the fourth check-in is one too many."""
    iv = interview(decision_by=DEADLINE)
    days = [(7, 11), (7, 16), (7, 19), (7, 24)]
    found = audit(iv, [Contact(at(2024, m, d, 9), Channel.EMAIL) for m, d in days])
    assert rules_broken(found) == ["cap"]


def test_check_in_after_rejection() -> None:
    """Rule stop: no check-in after a rejection."""
    iv = interview(decision_by=DEADLINE)
    history = [
        Update(at(2024, 7, 11, 9), Outcome.REJECTED),
        Contact(at(2024, 7, 16, 9), Channel.EMAIL),
    ]
    assert rules_broken(audit(iv, history)) == ["stop"]


def test_second_feedback_request() -> None:
    """Rule feedback-request (seed 004): once, then stop."""
    iv = interview()
    history = [
        Update(at(2024, 7, 11, 9), Outcome.REJECTED),
        Contact(at(2024, 7, 12, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
        Contact(at(2024, 7, 18, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
    ]
    assert rules_broken(audit(iv, history)) == ["feedback-request"]


def test_late_thank_you() -> None:
    """Rule thank-you (seeds 001-004): a note past its late limit (Monday, for Tuesday) is late."""
    iv = interview()
    found = audit(iv, [Contact(at(2024, 7, 8, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")])
    assert rules_broken(found) == ["thank-you"]


def test_check_in_before_the_thank_you_window_closed() -> None:
    """Rule patience: no follow-up while thank-you notes are still due."""
    iv = interview(decision_by=date(2024, 7, 2))
    found = audit(iv, [Contact(at(2024, 7, 3, 9), Channel.EMAIL)])
    assert rules_broken(found) == ["patience"]


class TestLifetimeAndHolds:
    """Issue 10.3 and 10.9: the hard limit, and no feedback request to someone away."""

    def test_a_contact_past_the_lifetime_limit_is_reported(self) -> None:
        """Rule cap: answered check-ins restart the run, never the lifetime count."""
        from followup_rules import Contact, Outcome, Policy, Update

        iv = interview()
        history: list[object] = []
        for week in range(3):
            when = at(2024, 7, 10, 9).add(weeks=2 * week)
            history += [Contact(when, Channel.EMAIL), Update(when.add(hours=2), Outcome.UNDECIDED)]
        found = audit(iv, history, Policy(max_contacts_ever=2))
        assert [(v.rule, v.message) for v in found] == [
            ("cap", "follow-up contact number 3 in all; the policy allows 2")
        ]

    def test_a_feedback_request_to_someone_away_is_reported(self) -> None:
        from followup_rules import ActionKind, Contact, Outcome, OutOfOffice, Update

        history = [
            Update(at(2024, 7, 19, 15), Outcome.REJECTED),
            OutOfOffice(at(2024, 7, 19, 16), returns_on=date(2024, 7, 29)),
            Contact(at(2024, 7, 22, 9), Channel.EMAIL, ActionKind.FEEDBACK_REQUEST),
        ]
        found = audit(interview(), history)
        assert [v.rule for v in found] == ["feedback-request"]
        assert "while they are out of office (until 2024-07-30)" in found[0].message


def test_a_check_in_the_day_after_no_decision_yet_names_the_week_it_waits() -> None:
    """Rule undecided (seed 003): "no decision yet" on Thu 11 July, a check-in on Fri 12:
    the audit names the day and the first one allowed, about a week after the news."""
    history = [
        Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU),
        Update(at(2024, 7, 11, 10), Outcome.UNDECIDED),
        Contact(at(2024, 7, 12, 10), Channel.EMAIL),
    ]
    found = audit(interview(), history)
    assert [(v.rule, v.message) for v in found] == [
        ("undecided", "check-in on 2024-07-12, before the first allowed day 2024-07-18")
    ]


def test_a_check_in_the_day_of_word_of_a_next_round_names_the_next_business_day() -> None:
    """Rule next-steps (seed 002): word of a next round on Thu 11 July is answered on Fri 12,
    not the same afternoon; the audit names both days."""
    history = [
        Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU),
        Update(at(2024, 7, 11, 10), Outcome.NEXT_ROUND),
        Contact(at(2024, 7, 11, 15), Channel.EMAIL),
    ]
    found = audit(interview(), history)
    assert [(v.rule, v.message) for v in found] == [
        ("next-steps", "check-in on 2024-07-11, before the first allowed day 2024-07-12")
    ]


def test_a_next_round_arranged_ends_the_check_ins() -> None:
    """Rule next-steps (the library's own part; the loop5 trial): news of a next round
    with its day given leaves nothing to ask, so the check-ins end and a check-in after
    it is flagged; without the day, they ask what comes next, as before."""
    from followup_rules import InvalidHistory

    iv = interview(decision_by=DEADLINE)
    person = iv.interviewers[0].name
    thanked = Contact(iv.ends_at.add(hours=2), Channel.EMAIL, ActionKind.THANK_YOU, person)
    said = iv.ends_at.add(days=2)
    asked = Update(said, Outcome.NEXT_ROUND)
    arranged = Update(said, Outcome.NEXT_ROUND, date(2024, 7, 20))
    kinds = [a.kind for a in plan(iv, history=[thanked, asked])]
    assert ActionKind.CHECK_IN in kinds
    assert [a.kind for a in plan(iv, history=[thanked, arranged])] == []
    check_in = Contact(said.add(days=1), Channel.EMAIL, ActionKind.CHECK_IN, person)
    found = audit(iv, [thanked, arranged, check_in])
    assert rules_broken(found) == ["next-steps"]
    assert found[0].message == (
        "a check-in after the next round was arranged for 2024-07-20: it is "
        "an interview of its own"
    )
    assert audit(iv, [thanked, asked, check_in]) == []
    with pytest.raises(InvalidHistory, match="next-round one"):
        Update(said, Outcome.OFFER, date(2024, 7, 20))
