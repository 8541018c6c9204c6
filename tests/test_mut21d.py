"""Twenty-first mutation pass (mut21d): `facts`, `limits`, `audit`, `agenda`, `timeframe`.

Behaviour the surviving mutants showed no test pinned, each as a user meets it.
"""

from __future__ import annotations

from datetime import date

import attrs

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Outcome,
    Policy,
    Skip,
    Update,
    limits,
    plan,
)
from followup_rules import _calendar as cal

from .factories import NY, at, interview, make_state, of_kind

NEW_YORK = cal.zone(NY)
US = Policy(holidays="US")  # Thursday 4 July 2024 is Independence Day


def _first_check_in_id() -> str:
    made = plan(interview())
    return made.ids[list(made).index(of_kind(made, ActionKind.CHECK_IN)[0])]


class TestEachUnitSkipsThePublicHolidays:
    """With ``Policy(holidays="US")`` every unit counts its business days past 4 July."""

    def test_word_of_a_next_round_is_answered_after_the_holiday(self) -> None:
        history = [Update(at(2024, 7, 3, 10), Outcome.NEXT_ROUND)]
        assert limits.NEXT_STEPS.first_day(make_state(history), NEW_YORK) == date(2024, 7, 4)
        state = make_state(history, policy=US)
        assert limits.NEXT_STEPS.first_day(state, NEW_YORK) == date(2024, 7, 5)

    def test_a_rejection_is_answered_after_the_holiday(self) -> None:
        history = [Update(at(2024, 7, 3, 12), Outcome.REJECTED)]
        assert limits.ANSWERS_NEWS.first_day(make_state(history), NEW_YORK) == date(2024, 7, 4)
        state = make_state(history, policy=US)
        assert limits.ANSWERS_NEWS.first_day(state, NEW_YORK) == date(2024, 7, 5)

    def test_the_gap_after_a_contact_leaves_the_holiday_out(self) -> None:
        history = [Contact(at(2024, 7, 3, 10), Channel.PHONE)]
        assert limits.RETRY_GAP.first_day(make_state(history), NEW_YORK) == date(2024, 7, 8)
        state = make_state(history, policy=US)
        assert limits.RETRY_GAP.first_day(state, NEW_YORK) == date(2024, 7, 9)

    def test_the_wait_after_a_skip_leaves_the_holiday_out(self) -> None:
        history = [Skip(at(2024, 7, 3, 9), _first_check_in_id())]
        assert limits.SKIPPED.first_day(make_state(history), NEW_YORK) == date(2024, 7, 8)
        state = make_state(history, policy=US)
        assert limits.SKIPPED.first_day(state, NEW_YORK) == date(2024, 7, 9)


class TestTheUnitsSentences:
    def test_the_skip_sentence_counts_the_gap_as_patience_does(self) -> None:
        """With a gap of one business day the skip's sentence keeps the plural, as
        patience's does (`test_audit_details`: "(1 business days, ...")."""
        history = [Skip(at(2024, 7, 9, 12), _first_check_in_id())]
        state = make_state(history, policy=Policy(min_gap=1))
        assert limits.SKIPPED.explain(state, date(2024, 7, 9), NEW_YORK) == (
            "check-in on 2024-07-09, within 1 business days of the check-in skipped on 2024-07-09"
        )

    def test_the_feedback_request_waits_for_the_next_business_day(self) -> None:
        """limits.ANSWERS_NEWS's sentence (for an app that judges by it)."""
        state = make_state([Update(at(2024, 7, 3, 12), Outcome.REJECTED)])
        said = limits.ANSWERS_NEWS.explain(state, date(2024, 7, 3), NEW_YORK)
        assert said == "a feedback request on 2024-07-03, before the business day after the news"
        assert said.key == "answers news"
        assert said.values == {"day": date(2024, 7, 3)}


def test_a_contact_in_another_application_is_one_more_anchor() -> None:
    """`_Gap.anchors` lists the latest follow-up to the same person in another
    application (`FollowupState.elsewhere`, set by `audit_many`) after the state's own."""
    contact = Contact(at(2024, 7, 10, 10), Channel.PHONE)
    state = make_state([contact])
    assert limits.RETRY_GAP.anchors(state) == [cal.utc(contact.at)]
    other = cal.utc(at(2024, 7, 11, 9))
    shared = attrs.evolve(state, elsewhere=other)
    assert limits.RETRY_GAP.anchors(shared) == [cal.utc(contact.at), other]
    assert limits.FEEDBACK_GAP.anchors(shared) == [cal.utc(contact.at), other]
