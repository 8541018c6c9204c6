"""The rules in detail: the facts notes carry, and public holidays in every rule's days."""

from __future__ import annotations

import attrs

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    InterviewFormat,
    Policy,
    Recruiter,
    Salutation,
    plan,
    render,
    rules,
)
from followup_rules.sources import SEED_004
from followup_rules.timeframe import parse_timeframe

from .factories import ANA, BO, at, interview, of_kind

ASKED_ANA = attrs.evolve(ANA, requested=("a writing sample",), address="1 Main St, New York")
ASKED_BO = attrs.evolve(
    BO, timezone="Europe/London", requested=("references",), address="2 High St, London"
)
POSTAL = Policy(thank_you_channel=Channel.POSTAL)


def notes_and_items(policy: Policy) -> dict[tuple[ActionKind, str], object]:
    iv = interview(interviewers=[ASKED_ANA, ASKED_BO])
    return {
        (a.kind, a.recipient.name): a
        for a in plan(iv, policy)
        if a.kind in (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED)
    }


class TestRequestedItems:
    """Rule thank-you (seed 004: include what you were asked for): nothing is dropped."""

    def test_an_emailed_note_carries_the_items_itself(self) -> None:
        steps = notes_and_items(Policy())
        notes = {(ActionKind.THANK_YOU, "Ana Ruiz"), (ActionKind.THANK_YOU, "Bo Chen")}
        assert set(steps) == notes
        for (_, name), step in steps.items():
            facts = step.facts  # type: ignore[attr-defined]
            expected = ASKED_ANA.requested if name == "Ana Ruiz" else ASKED_BO.requested
            assert (facts.requested, facts.requested_by_email, facts.card_by_post) == (
                expected,
                False,
                False,
            )

    def test_a_mailed_card_leaves_the_items_to_an_email_that_says_so(self) -> None:
        steps = notes_and_items(POSTAL)
        card = steps[ActionKind.THANK_YOU, "Bo Chen"].facts  # type: ignore[attr-defined]
        items = steps[ActionKind.SEND_REQUESTED, "Bo Chen"]
        assert (card.requested_by_email, card.card_by_post) == (True, False)
        assert items.channel is Channel.EMAIL  # type: ignore[attr-defined]
        facts = items.facts  # type: ignore[attr-defined]
        assert (facts.requested, facts.card_by_post) == (("references",), True)

    def test_the_items_email_cites_seed_004_under_rule_thank_you(self) -> None:
        """Seed 004 ("include any additional information you may have been asked") is the
        one source of the e-mail of items, a part of rule thank-you."""
        items = notes_and_items(POSTAL)[ActionKind.SEND_REQUESTED, "Bo Chen"]
        assert (items.rule, items.sources) == ("thank-you", (SEED_004,))  # type: ignore[attr-defined]

    def test_the_items_email_greets_as_the_policy_says(self) -> None:
        """The e-mail with the items greets its recipient as every other letter does."""
        policy = Policy(thank_you_channel=Channel.POSTAL, salutation=Salutation.FIRST_NAME)
        iv = interview(interviewers=[ASKED_ANA, ASKED_BO], candidate=Candidate("Sam Lee"))
        items = of_kind(plan(iv, policy), ActionKind.SEND_REQUESTED)
        assert [step.facts.salutation for step in items] == [Salutation.FIRST_NAME] * 2
        assert render(items[0], iv).text.startswith(f"Dear {items[0].recipient.name.split()[0]},")

    def test_the_items_go_out_in_the_business_hours_of_whoever_asked(self) -> None:
        """Bo is in London: his e-mail goes in his send window once the New York candidate is
        awake (12:00 there, 07:00 theirs: loop13), Ana's in New York's afternoon."""
        steps = notes_and_items(POSTAL)
        bo = steps[ActionKind.SEND_REQUESTED, "Bo Chen"]
        ana = steps[ActionKind.SEND_REQUESTED, "Ana Ruiz"]
        assert bo.suggested.timezone_name == "Europe/London"  # type: ignore[attr-defined]
        assert ana.suggested.timezone_name == "America/New_York"  # type: ignore[attr-defined]
        assert bo.suggested.hour == 12  # type: ignore[attr-defined]


class TestInRoomFacts:
    def test_a_vague_timeframe_reaches_the_in_room_steps(self) -> None:
        """Seed 001 ("they could be less exact"): the timeline talking point knows the
        window the employer gave, not only its last day."""
        frame = parse_timeframe("in two weeks", at(2024, 7, 2, 15).date())
        iv = interview(decision_by=frame)
        asked = of_kind(plan(iv), ActionKind.ASK_TIMELINE)[0]
        assert asked.facts.timeframe == frame
        assert asked.facts.decision_by == frame.end


class TestHolidays:
    """Public holidays are not business days, in every rule that counts them.

    Thursday 2 July 2026; Friday 3 July is the observed US holiday for the 4th."""

    def test_the_recruiter_debrief_waits_for_the_next_business_day(self) -> None:
        iv = interview(
            starts_at=at(2026, 7, 2, 17),
            recruiter=Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199"),
        )
        plain = of_kind(plan(iv), ActionKind.RECRUITER_DEBRIEF)[0]
        observed = of_kind(plan(iv, Policy(holidays="US")), ActionKind.RECRUITER_DEBRIEF)[0]
        assert (plain.suggested.day, observed.suggested.day) == (3, 6)

    def test_a_card_is_mailed_on_the_next_business_day(self) -> None:
        iv = interview(starts_at=at(2026, 7, 2, 10))
        policy = Policy(thank_you_channel=Channel.POSTAL, holidays="US")
        cards = of_kind(plan(iv, policy), ActionKind.THANK_YOU)
        assert {(card.suggested.month, card.suggested.day) for card in cards} == {(7, 6)}


class TestInRoom:
    """Rules closing, timeline, permission and cards (seeds 001, 004): the steps in the room."""

    def test_in_person_they_come_in_order_with_a_card_per_interviewer_at_the_end(self) -> None:
        """Closing, timeline, permission to the contact, then each interviewer's card,
        each later in the interview than the one before, all within it."""
        iv = interview()
        steps = rules.in_room(iv)
        kinds = [(step.kind, step.recipient.name) for step in steps]  # type: ignore[union-attr]
        assert kinds == [
            (ActionKind.CLOSING_STATEMENT, "Ana Ruiz"),
            (ActionKind.ASK_TIMELINE, "Ana Ruiz"),
            (ActionKind.ASK_PERMISSION, "Ana Ruiz"),
            (ActionKind.ASK_FOR_CARDS, "Ana Ruiz"),
            (ActionKind.ASK_FOR_CARDS, "Bo Chen"),
        ]
        moments = [step.suggested for step in steps]
        assert moments == sorted(moments) and len(set(moments)) == len(moments)
        assert all(iv.starts_at <= moment <= iv.ends_at for moment in moments)
        assert {step.channel for step in steps} == {Channel.IN_PERSON}

    def test_after_a_remote_interview_the_closing_asks_for_the_cards_details(self) -> None:
        """No card is handed over on a call: no card step, and the closing cites rule cards."""
        iv = interview(format=InterviewFormat.VIDEO)
        steps = rules.in_room(iv)
        assert ActionKind.ASK_FOR_CARDS not in {step.kind for step in steps}
        closing = rules.closing(iv)
        assert set(rules.CARDS.sources) <= set(closing.sources)
        assert closing == steps[0]

    def test_the_single_rules_give_the_batchs_steps(self) -> None:
        """Each rule's own function gives the very step the planner's batch makes."""
        iv = interview()
        steps = rules.in_room(iv)
        assert [rules.closing(iv), rules.timeline(iv), rules.permission(iv)] == steps[:3]
        assert rules.cards(iv) == steps[3:]

    def test_the_single_rules_carry_the_facts_they_are_given(self) -> None:
        """Given the batch's shared facts (an app planning one room step), each rule's own
        function words its step from them, not from facts of its own."""
        from followup_rules.facts import Facts, LazyFacts

        iv = interview()
        given = Facts(variant=7)
        for made in [
            *rules.cards(iv, LazyFacts(lambda: given)),
            rules.timeline(iv, LazyFacts(lambda: given)),
            rules.permission(iv, LazyFacts(lambda: given)),
            rules.closing(iv, LazyFacts(lambda: given)),
        ]:
            assert made.facts is given
