"""One test class per catalogue rule, each citing the seed it checks."""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    RULES,
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Interviewer,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    limits,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules.rules import SEEDS, catalogue_markdown
from followup_rules.sources import SEED_002

from .factories import ANA, BO, NY, at, interview, make_state, of_kind

NEW_YORK = cal.zone(NY)

CHECK_IN = ActionKind.CHECK_IN


class TestCatalogue:
    def test_every_rule_names_real_seeds(self) -> None:
        """Provenance: every rule cites at least one of the five seed files."""
        for item in RULES.values():
            assert item.sources
            assert set(item.sources) <= set(SEEDS)

    def test_catalogue_ids_are_the_specs(self) -> None:
        """The rule ids are the SPEC's catalogue, in its order."""
        assert list(RULES) == [
            "cards",
            "timeline",
            "permission",
            "closing",
            "thank-you",
            "recruiter",
            "next-steps",
            "patience",
            "check-in-after-deadline",
            "check-in-no-deadline",
            "one-call",
            "preferred-channel",
            "retry-gap",
            "cap",
            "undecided",
            "feedback-response",
            "feedback-request",
            "stop",
        ]

    def test_the_markdown_table_lists_every_rule(self) -> None:
        """docs/rules.md's table: a header, then one row per rule with its seeds and knobs."""
        lines = catalogue_markdown().splitlines()
        assert lines[:2] == ["| id | what it does | sources | knobs |", "|---|---|---|---|"]
        assert len(lines) == 2 + len(RULES)
        assert lines[2] == ("| `cards` | " + RULES["cards"].summary + " | 000, 001 | — |")
        gap = next(line for line in lines if line.startswith("| `retry-gap`"))
        assert gap.endswith(" | `min_gap` |")
        call = next(line for line in lines if line.startswith("| `one-call`"))
        assert call.endswith(
            " | 000, 001, 004 | `max_calls`, `calls_need_invitation`, `call_window` |"
        )  # issue 19: the phone-preference clause is 004's
        assert catalogue_markdown().endswith("|\n")

    def test_every_action_cites_its_rule_sources(self) -> None:
        """Each action carries its rule's seeds (and more when a choice rule shaped it)."""
        for action in plan(interview(decision_by=date(2024, 7, 10))):
            assert set(RULES[action.rule].sources) <= set(action.sources)


class TestCards:
    def test_one_card_per_interviewer_during_the_interview(self) -> None:
        """Rule cards (seeds 000, 001): ask everyone met for a card before leaving."""
        iv = interview()
        cards = of_kind(plan(iv), ActionKind.ASK_FOR_CARDS)
        assert [c.recipient for c in cards] == [ANA, BO]
        for card in cards:
            assert card.channel is Channel.IN_PERSON
            assert iv.starts_at <= card.earliest <= card.suggested <= card.latest == iv.ends_at
            assert card.rule == "cards"


class TestTimelinePermissionClosing:
    def test_in_room_steps_come_in_the_seed_order(self) -> None:
        """Rules closing, timeline, permission (seeds 003, 004): close, ask when, ask may I."""
        kinds = [a.kind for a in plan(interview()) if a.channel is Channel.IN_PERSON]
        assert kinds == [
            ActionKind.CLOSING_STATEMENT,
            ActionKind.ASK_TIMELINE,
            ActionKind.ASK_PERMISSION,
            ActionKind.ASK_FOR_CARDS,
            ActionKind.ASK_FOR_CARDS,
        ]

    def test_the_contact_is_asked(self) -> None:
        """Rule timeline (seed 001): the question goes to the follow-up contact."""
        iv = interview(contact="Bo Chen")
        (ask,) = of_kind(plan(iv), ActionKind.ASK_TIMELINE)
        assert ask.recipient == BO
        assert ask.rule == "timeline"
        (may,) = of_kind(plan(iv), ActionKind.ASK_PERMISSION)
        assert may.rule == "permission"
        (close,) = of_kind(plan(iv), ActionKind.CLOSING_STATEMENT)
        assert close.rule == "closing"


class TestThankYou:
    def test_a_card_is_mailed_on_the_candidates_next_business_day(self) -> None:
        """By post, the card leaves on the candidate's own next business day, in their zone:
        the interview ends Tuesday 15:00 in New York, already Wednesday in Tokyo."""
        sam = Candidate("Sam Lee", timezone="Asia/Tokyo")
        policy = Policy(thank_you_channel="postal")
        card = of_kind(plan(interview(candidate=sam), policy), ActionKind.THANK_YOU)[0]
        assert card.template == "thank_you_card"
        assert card.suggested == pendulum.datetime(2024, 7, 4, 8, tz="Asia/Tokyo")

    def test_a_note_due_within_half_an_hour_is_suggested_within_it(self) -> None:
        """Rule thank-you: with thank_you_within of 30 minutes, shorter than the hour home
        ("as soon as you return home", seeds 001, 003), each note is suggested at its
        deadline, 15:30, never after it."""
        policy = Policy(thank_you_within=timedelta(minutes=30))
        notes = of_kind(plan(interview(), policy), ActionKind.THANK_YOU)
        assert [(a.suggested, a.latest) for a in notes] == [(at(2024, 7, 2, 15, 30),) * 2] * 2

    def test_a_note_that_cannot_reach_a_window_in_time_goes_as_soon_as_home(self) -> None:
        """Ending Wed 3 July at 16:30, the next send window (after the 4th) is too late:
        the note is suggested for when the candidate is home, an hour after the end."""
        iv = interview(starts_at=at(2024, 7, 3, 15, 30))
        note = of_kind(plan(iv, Policy(holidays="US")), ActionKind.THANK_YOU)[0]
        assert note.suggested == at(2024, 7, 3, 17, 30)
        without = of_kind(plan(iv), ActionKind.THANK_YOU)[0]
        assert without.suggested == at(2024, 7, 4, 8)

    def test_a_window_opening_at_the_deadline_is_still_in_time(self) -> None:
        """Due at 08:00 the next morning, when the send window opens: that moment is kept."""
        iv = interview(starts_at=at(2024, 7, 2, 16))  # ends 17:00
        policy = Policy(thank_you_within=timedelta(hours=15))
        note = of_kind(plan(iv, policy), ActionKind.THANK_YOU)[0]
        assert note.suggested == note.latest == at(2024, 7, 3, 8)

    def test_one_email_per_interviewer_within_24_hours(self) -> None:
        """Rule thank-you (seeds 001, 004): a separate note to each, within a day."""
        iv = interview()
        notes = of_kind(plan(iv), ActionKind.THANK_YOU)
        assert [n.recipient for n in notes] == [ANA, BO]
        for note in notes:
            assert note.channel is Channel.EMAIL
            assert note.earliest == iv.ends_at
            assert note.latest == iv.ends_at + timedelta(hours=24)
            assert note.template == "thank_you_email"

    def test_suggested_as_soon_as_home(self) -> None:
        """Rule thank-you (seeds 001, 003): write it as soon as you get home, an hour later."""
        notes = of_kind(plan(interview()), ActionKind.THANK_YOU)
        assert notes[0].suggested == at(2024, 7, 2, 16)

    def test_suggestion_moves_into_the_recipients_send_window(self) -> None:
        """Send window: a note to Berlin after 17:00 there is suggested in Berlin's send window
        the next day: at 13:00 there, 07:00 in New York where the candidate lives (08:00 in
        Berlin was 02:00 for them, loop13)."""
        berlin = Interviewer("Bo Chen", timezone="Europe/Berlin")
        (_, note) = of_kind(plan(interview(interviewers=[ANA, berlin])), ActionKind.THANK_YOU)
        assert note.suggested == pendulum.datetime(2024, 7, 3, 13, tz="Europe/Berlin")
        assert note.suggested.timezone_name == "Europe/Berlin"

    def test_only_the_contact_when_the_policy_says_so(self) -> None:
        """Knob thank_you_each_interviewer=False: one note, to the follow-up contact."""
        notes = of_kind(
            plan(interview(), Policy(thank_you_each_interviewer=False)), ActionKind.THANK_YOU
        )
        assert [n.recipient for n in notes] == [ANA]

    def test_postal_card_is_mailed_the_next_business_day(self) -> None:
        """Rule thank-you, POSTAL (seed 003): write it at home, mail it the next day."""
        iv = interview(starts_at=at(2024, 7, 5, 14))  # a Friday
        notes = of_kind(plan(iv, Policy.traditional()), ActionKind.THANK_YOU)
        for note in notes:
            assert note.channel is Channel.POSTAL
            assert note.template == "thank_you_card"
            assert note.suggested.date() == date(2024, 7, 8)  # Monday

    def test_postal_mailing_day_is_the_candidates(self) -> None:
        """The card is mailed where the candidate lives, by the candidate's calendar."""
        iv = interview(
            starts_at=at(2024, 7, 4, 22, tz="Asia/Tokyo"),
            candidate=Candidate("Sam Lee", timezone="Asia/Tokyo"),
        )
        notes = of_kind(plan(iv, Policy.traditional()), ActionKind.THANK_YOU)
        assert {n.suggested.in_timezone("Asia/Tokyo").date() for n in notes} == {date(2024, 7, 5)}


class TestRecruiter:
    def test_call_the_recruiter_right_after(self) -> None:
        """Rule recruiter (seed 000): call the agency recruiter as soon as possible.

        "Call your recruiter as soon as possible after your interview": from
        the end, within recruiter_debrief_within, and within their business
        hours (the send window, 08:00-17:00): 15:00 to 17:00 here.
        """
        rita = Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199")
        iv = interview(recruiter=rita)
        (call,) = of_kind(plan(iv), ActionKind.RECRUITER_DEBRIEF)
        assert call.recipient == rita
        assert call.channel is Channel.PHONE
        assert call.earliest == iv.ends_at
        assert call.latest == at(2024, 7, 2, 17)
        assert call.suggested == iv.ends_at + timedelta(minutes=15)

    def test_an_evening_interview_debriefs_next_morning_in_the_recruiters_zone(self) -> None:
        """Rule recruiter: held to the recruiter's business hours, in the recruiter's zone."""
        rita = Recruiter("Rita Cole", phone="+44 20 5550 0199")
        candidate = Candidate("Sam Lee", timezone="Europe/London")
        iv = interview(starts_at=at(2024, 7, 2, 11), recruiter=rita, candidate=candidate)
        (call,) = of_kind(plan(iv), ActionKind.RECRUITER_DEBRIEF)
        london = "Europe/London"
        assert call.earliest == at(2024, 7, 3, 8, tz=london)  # 17:00 in London when it ends
        assert call.latest == at(2024, 7, 3, 12, tz=london)
        assert call.suggested == at(2024, 7, 3, 8, 15, tz=london)

    def test_without_a_number_the_debrief_goes_by_email(self) -> None:
        """Never a call to an unknown number: the debrief is e-mailed, and says why."""
        rita = Recruiter("Rita Cole", email="rita@agency.example")
        (debrief,) = of_kind(plan(interview(recruiter=rita)), ActionKind.RECRUITER_DEBRIEF)
        assert debrief.channel is Channel.EMAIL
        assert debrief.template == "recruiter_debrief_email"
        assert debrief.describe() == "E-mail Rita Cole a debrief (no phone number is known)"

    def test_an_in_house_recruiter_who_interviewed_is_the_employer(self) -> None:
        """Issue 10.8: one person as recruiter and interviewer is an employer contact.

        No debrief is planned, and every call to them counts against max_calls.
        """
        iv = interview(
            recruiter=Recruiter("ana ruiz", phone="+1 212 555 0142"),
            decision_by=date(2024, 7, 10),
            invited_to_call=True,
        )
        whole = plan(iv, Policy(max_calls=1))
        assert of_kind(whole, ActionKind.RECRUITER_DEBRIEF) == []
        calls = [a for a in whole if a.channel is Channel.PHONE]
        assert len(calls) == 1
        logged = [Contact(at(2024, 7, 11, 10, 15), Channel.PHONE, recipient="Ana Ruiz")]
        assert not any(a.channel is Channel.PHONE for a in plan(iv, history=logged))

    def test_the_debrief_has_its_script(self) -> None:
        """The call comes with talking points for the recruiter."""
        (call,) = of_kind(
            plan(interview(recruiter=Recruiter("Rita"))), ActionKind.RECRUITER_DEBRIEF
        )
        assert call.template == "recruiter_debrief_call"

    def test_the_recruiter_keeps_the_candidates_clock(self) -> None:
        """The agency works with the candidate, so its call reads on the candidate's clock."""
        sam = Candidate("Sam Lee", timezone="America/Chicago")
        iv = interview(recruiter=Recruiter("Rita Cole"), candidate=sam)
        (call,) = of_kind(plan(iv), ActionKind.RECRUITER_DEBRIEF)
        assert call.suggested.timezone_name == "America/Chicago"

    def test_no_recruiter_no_call(self) -> None:
        """Rule recruiter: nothing to do without an agency."""
        assert of_kind(plan(interview()), ActionKind.RECRUITER_DEBRIEF) == []

    def test_recruiter_call_does_not_use_the_employer_call(self) -> None:
        """Rule one-call counts calls to the employer; the recruiter is not the employer."""
        rita = Recruiter("Rita Cole")
        iv = interview(recruiter=rita, decision_by=date(2024, 7, 10))
        calls = [a for a in plan(iv) if a.kind is CHECK_IN and a.channel is Channel.PHONE]
        assert len(calls) == 1


class TestCheckInAfterDeadline:
    def test_first_check_in_a_business_day_after_the_date(self) -> None:
        """Rule check-in-after-deadline (seed 004): wait at least a day after the deadline."""
        first = of_kind(plan(interview(decision_by=date(2024, 7, 10))), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 11)
        assert first.rule == "check-in-after-deadline"

    def test_a_friday_deadline_waits_for_monday(self) -> None:
        """Business days: a Friday decision date is followed up on Monday (seed 003)."""
        first = of_kind(plan(interview(decision_by=date(2024, 7, 12))), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 15)

    def test_a_few_days_with_the_cautious_preset(self) -> None:
        """Seed 000: "wait a few days after the anticipated date"; the cautious preset waits 3."""
        iv = interview(decision_by=date(2024, 7, 10))
        first = of_kind(plan(iv, Policy.cautious()), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 15)

    def test_the_unit_allows_the_business_day_after_the_date(self) -> None:
        """limits.DEADLINE alone: with a date, its first day is wait_after_deadline after it."""
        state = make_state(decision_by=date(2024, 7, 12))
        assert limits.DEADLINE.first_day(state, NEW_YORK) == date(2024, 7, 15)
        assert limits.DEADLINE.rule(state).id == "check-in-after-deadline"

    def test_the_unit_says_which_day_was_allowed(self) -> None:
        """The audit's sentence names the check-in's day and the first allowed one."""
        state = make_state(decision_by=date(2024, 7, 10))
        assert limits.DEADLINE.explain(state, date(2024, 7, 10), NEW_YORK) == (
            "check-in on 2024-07-10, before the first allowed day 2024-07-11"
        )


class TestCheckInNoDeadline:
    def test_about_a_week_later(self) -> None:
        """Rule check-in-no-deadline (seed 001): no timeframe, follow up in about a week."""
        first = of_kind(plan(interview()), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 9)  # 5 business days: a week later
        assert first.rule == "check-in-no-deadline"

    def test_the_unit_counts_a_week_from_the_interview(self) -> None:
        """limits.DEADLINE without a date: wait_without_deadline business days after it."""
        state = make_state()
        assert limits.DEADLINE.first_day(state, NEW_YORK) == date(2024, 7, 9)
        assert limits.DEADLINE.rule(state).id == "check-in-no-deadline"

    def test_the_unit_counts_on_the_recipients_calendar(self) -> None:
        """Ended at 15:00 in New York, the interview ended on Wednesday in Tokyo."""
        state = make_state()
        assert limits.DEADLINE.first_day(state, cal.zone("Asia/Tokyo")) == date(2024, 7, 10)

    def test_the_audit_sentence_counts_on_the_recipients_calendar(self) -> None:
        """The audit's sentence for a Tokyo contact names Tokyo's first allowed day."""
        state = make_state()
        assert limits.DEADLINE.explain(state, date(2024, 7, 9), cal.zone("Asia/Tokyo")) == (
            "check-in on 2024-07-09, before the first allowed day 2024-07-10"
        )


class TestNextSteps:
    def test_without_a_date_the_email_asks_about_next_steps(self) -> None:
        """Rule next-steps (seed 002): ask what further steps to expect."""
        first = of_kind(plan(interview()), CHECK_IN)[0]
        assert first.template == "next_steps_email"
        assert "002_f6034e91a81c86ef.txt" in first.sources

    def test_after_a_next_round_ask_what_comes_next(self) -> None:
        """Rule next-steps (seed 002): moving on to another round, ask what to expect, the
        business day after the news (it answers them; issue 19, third round, class 10)."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [Update(at(2024, 7, 8, 9), Outcome.NEXT_ROUND)]
        first = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert first.rule == "next-steps"
        assert first.earliest.date() == date(2024, 7, 9)
        assert first.template == "check_in_call" or first.template == "next_steps_email"

    def test_next_round_is_not_the_end(self) -> None:
        """A next round keeps the follow-up alive (rule stop lists only final answers)."""
        iv = interview(interviewers=[Interviewer("Ana Ruiz", preferred_channel="email")])
        history = [Update(at(2024, 7, 8, 9), Outcome.NEXT_ROUND)]
        check_ins = of_kind(plan(iv, history=history), CHECK_IN)
        assert len(check_ins) == 3
        assert check_ins[0].template == "next_steps_email"

    def test_with_a_date_the_email_refers_to_it(self) -> None:
        """With a timeframe the check-in e-mail refers to it (check_in_email)."""
        iv = interview(decision_by=date(2024, 7, 10), interviewers=[ANA], invited_to_call=False)
        emails = [a for a in plan(iv, Policy(max_calls=0)) if a.kind is CHECK_IN]
        assert {a.template for a in emails} == {"check_in_email"}

    def test_the_unit_answers_the_news_the_next_business_day(self) -> None:
        """limits.NEXT_STEPS alone: the business day after word of a next round, on the
        contact's calendar (22:30 on Wednesday in New York is Thursday in UTC)."""
        assert limits.NEXT_STEPS.first_day(make_state(), NEW_YORK) is None
        state = make_state([Update(at(2024, 7, 8, 9), Outcome.NEXT_ROUND)])
        assert limits.NEXT_STEPS.first_day(state, NEW_YORK) == date(2024, 7, 9)
        assert limits.NEXT_STEPS.rule(state).id == "next-steps"
        late = make_state([Update(at(2024, 7, 3, 22, 30), Outcome.NEXT_ROUND)])
        assert limits.NEXT_STEPS.first_day(late, NEW_YORK) == date(2024, 7, 4)

    def test_the_units_sentence_counts_on_the_recipients_calendar(self) -> None:
        """Word of a next round at noon on Thu 11 July in New York is Friday in Tokyo: a
        Tokyo contact hears back on Monday, and the audit's sentence says so."""
        state = make_state([Update(at(2024, 7, 11, 12), Outcome.NEXT_ROUND)])
        assert limits.NEXT_STEPS.explain(state, date(2024, 7, 12), cal.zone("Asia/Tokyo")) == (
            "check-in on 2024-07-12, before the first allowed day 2024-07-15"
        )

    def test_the_answer_to_the_news_keeps_the_gap_from_the_thank_you(self) -> None:
        """News the day after the interview is answered once patience allows: min_gap
        business days after the thank-you of Tue 2 July (Fri 5 July; Mon 8 July with the
        4th off), not a week after the news, nor the next day."""
        history = [Update(at(2024, 7, 3, 10), Outcome.NEXT_ROUND)]
        plain = of_kind(plan(interview(), history=history), CHECK_IN)[0]
        assert plain.earliest.date() == date(2024, 7, 5)
        first = of_kind(plan(interview(), Policy(holidays="US"), history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 8)

    def test_a_new_date_after_the_news_sets_the_pace_again(self) -> None:
        """ "No decision yet, we decide by Fri 19 July" after word of a next round: the
        check-in waits wait_after_deadline after that date, as any new date."""
        history = [
            Update(at(2024, 7, 8, 9), Outcome.NEXT_ROUND),
            Update(at(2024, 7, 11, 9), Outcome.UNDECIDED, date(2024, 7, 19)),
        ]
        first = of_kind(plan(interview(), history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 22)

    def test_a_check_in_answers_the_news(self) -> None:
        """Once a check-in followed the news, the wait is the retry gap's, not this one's."""
        history = [
            Update(at(2024, 7, 8, 9), Outcome.NEXT_ROUND),
            Contact(at(2024, 7, 15, 9), "email"),
        ]
        assert limits.NEXT_STEPS.first_day(make_state(history), NEW_YORK) is None

    def test_the_first_of_two_check_ins_asks_what_steps_to_expect(self) -> None:
        """Rule next-steps (seed 002): with max_check_ins=2 the first e-mail, one try
        still after it, asks about the next steps and cites 002; the last does not."""
        iv = interview(interviewers=[attrs.evolve(ANA, phone=None), BO])
        steps = of_kind(plan(iv, Policy(max_check_ins=2)), CHECK_IN)
        assert [step.template for step in steps] == ["next_steps_email"] * 2
        assert [step.facts.asks_next_steps for step in steps] == [True, False]
        assert [SEED_002 in step.sources for step in steps] == [True, False]

    def test_after_no_decision_yet_the_next_e_mail_asks_again(self) -> None:
        """Rule next-steps (seed 002): told "no decision yet" after a first check-in, the
        next e-mail asks again what steps remain; the one after only where things stand."""
        iv = interview(interviewers=[attrs.evolve(ANA, phone=None), BO])
        first = of_kind(plan(iv), CHECK_IN)[0]
        history = [first.done(), Update(at(2024, 7, 10, 9), Outcome.UNDECIDED)]
        steps = of_kind(plan(iv, history=history), CHECK_IN)
        assert [step.template for step in steps] == ["next_steps_email"] * 3
        assert [step.facts.asks_next_steps for step in steps] == [True, False, False]
        assert [SEED_002 in step.sources for step in steps] == [True, False, False]


class TestPatience:
    def test_nothing_between_thank_you_and_first_check_in(self) -> None:
        """Rule patience (seeds 000, 003, 004): silence until the first allowed check-in."""
        actions = list(plan(interview(decision_by=date(2024, 7, 2))))
        notes = [a for a in actions if a.kind is ActionKind.THANK_YOU]
        first = next(a for a in actions if a.kind is CHECK_IN)
        assert first.earliest >= max(n.latest for n in notes)

    def test_same_day_deadline_still_waits_after_the_thank_you(self) -> None:
        """Patience: the thank-you is a contact too; the first check-in keeps min_gap from it."""
        iv = interview(decision_by=date(2024, 7, 2))
        first = of_kind(plan(iv), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 5)  # thank-you 2 July + 3 business days

    def test_the_unit_keeps_min_gap_from_the_planned_note(self) -> None:
        """limits.PATIENCE alone: min_gap business days after the last thank-you as planned."""
        state = make_state()
        assert state.thanked_at is not None
        assert limits.PATIENCE.first_day(state, NEW_YORK) == date(2024, 7, 5)
        assert limits.PATIENCE.rule(state).id == "patience"

    def test_the_unit_counts_on_the_recipients_calendar(self) -> None:
        """A thank-you sent at 16:00 on Tue 2 July in New York was read on Wednesday in
        Tokyo: a Tokyo contact's min_gap runs from Wednesday, a New York one's from Tuesday."""
        thanked = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, ANA.name)
        state = make_state([thanked])
        assert limits.PATIENCE.first_day(state, cal.zone("Asia/Tokyo")) == date(2024, 7, 8)
        assert limits.PATIENCE.first_day(state, NEW_YORK) == date(2024, 7, 5)

    def test_the_unit_waits_for_every_thank_you_window_to_close(self) -> None:
        """Patience is also an instant: nothing before the last note's window closes."""
        state = make_state()
        assert limits.PATIENCE.first_moment(state) == state.quiet_until
        assert state.quiet_until is not None
        just_before = state.quiet_until - timedelta(minutes=1)
        day = cal.local_date(just_before, NEW_YORK)
        assert limits.PATIENCE.broken_by(state, just_before, day, NEW_YORK)

    def test_a_check_in_as_the_last_window_closes_is_on_time(self) -> None:
        """Patience's instant is the first one allowed: with a week for the notes, a check-in
        at the very moment their window closes breaks nothing (the day is long allowed)."""
        policy = Policy(thank_you_within=timedelta(days=7), min_gap=1)
        state = make_state(policy=policy)
        assert state.quiet_until is not None
        closes = state.quiet_until
        day = cal.local_date(closes, NEW_YORK)
        assert limits.PATIENCE.first_day(state, NEW_YORK) < day  # type: ignore[operator]
        assert not limits.PATIENCE.broken_by(state, closes, day, NEW_YORK)
        assert limits.first_broken(limits.CHECK_IN, state, closes, NEW_YORK) is None

    def test_a_unit_that_sets_a_first_instant_is_asked_for_it(self) -> None:
        """The planner asks only `Limit.timed` units for a first instant: the flag follows
        the unit's own code, so a new unit overriding `first_moment` cannot be skipped."""
        assert [unit.name for unit in limits.CHECK_IN if unit.timed] == ["patience"]

        class Later(limits.Limit):
            name = "later"

            def rule(self, state: Any) -> Any:
                return limits.PATIENCE.rule(state)

            def first_day(self, state: Any, tz: Any) -> None:
                return None

            def first_moment(self, state: Any) -> Any:
                return state.quiet_until + timedelta(hours=1)

            def explain(self, state: Any, day: date, tz: Any) -> str:
                return "later"

        state = make_state()
        assert Later.timed
        assert limits.first_moment((*limits.CHECK_IN, Later()), state) == (
            state.quiet_until + timedelta(hours=1)
        )

    def test_a_late_thank_you_moves_the_first_check_in(self) -> None:
        """Patience counts from the thank-you as actually sent."""
        iv = interview(decision_by=date(2024, 7, 2), interviewers=["Ana Ruiz"])
        history = [Contact(at(2024, 7, 3, 14), Channel.EMAIL, ActionKind.THANK_YOU)]
        first = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 8)


class TestOneCall:
    def test_one_call_when_a_timeframe_was_given(self) -> None:
        """Rule one-call (seed 000): with a timeframe, one call, then e-mail."""
        check_ins = of_kind(plan(interview(decision_by=date(2024, 7, 10))), CHECK_IN)
        assert [c.channel for c in check_ins] == [Channel.PHONE, Channel.EMAIL, Channel.EMAIL]
        assert check_ins[0].template == "check_in_call"

    def test_a_second_call_when_the_policy_allows_two(self) -> None:
        """max_calls=2: one call made, the next check-in may still be a call."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [Contact(at(2024, 7, 11, 10), Channel.PHONE)]
        nxt = of_kind(plan(iv, Policy(max_calls=2), history=history), CHECK_IN)
        assert [c.channel for c in nxt] == [Channel.PHONE, Channel.EMAIL]

    def test_calling_the_recruiter_is_not_calling_the_employer(self) -> None:
        """A phone check-in logged to the agency recruiter leaves the employer call unused."""
        iv = interview(decision_by=date(2024, 7, 10), recruiter=Recruiter("Rita Cole"))
        history = [Contact(at(2024, 7, 11, 10), Channel.PHONE, recipient="Rita Cole")]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)
        assert nxt[0].channel is Channel.PHONE
        called = [Contact(at(2024, 7, 11, 10), Channel.PHONE)]
        assert of_kind(plan(iv, history=called), CHECK_IN)[0].channel is Channel.EMAIL

    def test_call_window_is_mid_morning_recipient_time(self) -> None:
        """Rule one-call (seed 001): mid-morning before lunch, in the recipient's zone."""
        west = Interviewer("Ana Ruiz", timezone="America/Los_Angeles", phone="+1 213 555 0100")
        iv = interview(interviewers=[west], decision_by=date(2024, 7, 10))
        call = of_kind(plan(iv), CHECK_IN)[0]
        assert call.earliest == pendulum.datetime(2024, 7, 11, 10, tz="America/Los_Angeles")
        assert call.latest == pendulum.datetime(2024, 7, 11, 11, 30, tz="America/Los_Angeles")

    def test_no_invitation_no_timeframe_no_call(self) -> None:
        """Rule one-call (seed 000): try to avoid calls unless told to call."""
        check_ins = of_kind(plan(interview()), CHECK_IN)
        assert {c.channel for c in check_ins} == {Channel.EMAIL}

    def test_an_invitation_allows_the_call(self) -> None:
        """Seed 000: if the interviewer told you to call, a call may be appropriate."""
        check_ins = of_kind(plan(interview(invited_to_call=True)), CHECK_IN)
        assert check_ins[0].channel is Channel.PHONE

    def test_persistent_preset_calls_without_invitation(self) -> None:
        """Seed 001: call once, in about a week, whatever was said."""
        check_ins = of_kind(plan(interview(), Policy.persistent()), CHECK_IN)
        assert check_ins[0].channel is Channel.PHONE

    def test_calls_already_made_count(self) -> None:
        """A call in the history uses up max_calls: the rest is e-mail."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [Contact(at(2024, 7, 11, 10, 30), Channel.PHONE)]
        assert {c.channel for c in of_kind(plan(iv, history=history), CHECK_IN)} == {Channel.EMAIL}

    def test_max_calls_zero_means_email(self) -> None:
        """Knob max_calls=0: never call, even when invited."""
        iv = interview(invited_to_call=True, decision_by=date(2024, 7, 10))
        assert {c.channel for c in of_kind(plan(iv, Policy(max_calls=0)), CHECK_IN)} == {
            Channel.EMAIL
        }


class TestPreferredChannel:
    def test_email_preference_is_respected(self) -> None:
        """Rule preferred-channel (seed 004): use the medium they prefer."""
        ana = Interviewer("Ana Ruiz", preferred_channel=Channel.EMAIL)
        iv = interview(interviewers=[ana], decision_by=date(2024, 7, 10))
        check_ins = of_kind(plan(iv), CHECK_IN)
        assert {c.channel for c in check_ins} == {Channel.EMAIL}
        assert "004_57c313bf0b59dfd5.txt" in check_ins[0].sources

    def test_phone_preference_still_obeys_one_call(self) -> None:
        """A phone preference gets the one allowed call, then e-mail (rules one-call, cap)."""
        ana = Interviewer("Ana Ruiz", preferred_channel="phone", phone="+1 212 555 0142")
        iv = interview(interviewers=[ana], decision_by=date(2024, 7, 10))
        channels = [c.channel for c in of_kind(plan(iv), CHECK_IN)]
        assert channels == [Channel.PHONE, Channel.EMAIL, Channel.EMAIL]

    def test_preference_can_be_switched_off(self) -> None:
        """Knob respect_preferred_channel=False: the default choice applies."""
        ana = Interviewer("Ana Ruiz", preferred_channel=Channel.EMAIL, phone="+1 212 555 0142")
        iv = interview(interviewers=[ana], decision_by=date(2024, 7, 10))
        first = of_kind(plan(iv, Policy(respect_preferred_channel=False)), CHECK_IN)[0]
        assert first.channel is Channel.PHONE


class TestRetryGap:
    def test_check_ins_are_min_gap_business_days_apart(self) -> None:
        """Rule retry-gap (seed 004): no answer, wait a few days before trying again."""
        check_ins = of_kind(plan(interview(decision_by=date(2024, 7, 10))), CHECK_IN)
        days = [c.earliest.date() for c in check_ins]
        assert days == [date(2024, 7, 11), date(2024, 7, 16), date(2024, 7, 19)]
        assert [c.rule for c in check_ins[1:]] == ["retry-gap", "retry-gap"]

    def test_a_reply_restarts_the_wait(self) -> None:
        """Retry gap: an answer restarts the count of min_gap business days."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [Contact(at(2024, 7, 11, 10), Channel.PHONE), Reply(at(2024, 7, 15, 9))]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert nxt.earliest.date() == date(2024, 7, 18)

    def test_late_contact_moves_the_rest(self) -> None:
        """A check-in done late pushes the next one: the gap counts from what happened."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [Contact(at(2024, 7, 12, 11), Channel.PHONE)]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert nxt.earliest.date() == date(2024, 7, 17)

    def test_the_unit_counts_from_the_last_contact(self) -> None:
        """limits.RETRY_GAP alone: min_gap business days after the last check-in."""
        state = make_state([Contact(at(2024, 7, 12, 11), Channel.PHONE)])
        assert limits.RETRY_GAP.first_day(state, NEW_YORK) == date(2024, 7, 17)
        assert limits.RETRY_GAP.rule(state).id == "retry-gap"

    def test_the_unit_restarts_with_an_answer(self) -> None:
        """An answer from the employer is an anchor too."""
        history = [Contact(at(2024, 7, 11, 10), Channel.PHONE), Reply(at(2024, 7, 15, 9))]
        assert limits.RETRY_GAP.first_day(make_state(history), NEW_YORK) == date(2024, 7, 18)

    def test_the_unit_names_the_days_apart(self) -> None:
        """The audit's sentence counts the business days since the last exchange."""
        state = make_state([Contact(at(2024, 7, 11, 10), Channel.PHONE)])
        assert limits.RETRY_GAP.explain(state, date(2024, 7, 12), NEW_YORK) == (
            "only 1 business day after the last exchange on 2024-07-11; the policy asks for 3"
        )

    def test_a_skip_holds_the_next_check_in_but_is_no_contact(self) -> None:
        """limits.SKIPPED: the planner waits min_gap from a skip; the audit does not judge it."""
        from followup_rules import Skip

        first = of_kind(plan(interview()), CHECK_IN)[0]
        step = plan(interview()).ids[list(plan(interview())).index(first)]
        state = make_state([Skip(at(2024, 7, 9, 9), step)])
        assert limits.SKIPPED.first_day(state, NEW_YORK) == date(2024, 7, 12)
        assert limits.SKIPPED.audited is False
        assert limits.RETRY_GAP.first_day(state, NEW_YORK) is None

    def test_a_skip_is_counted_on_the_recipients_calendar(self) -> None:
        """A check-in skipped at noon on Tue 9 July in New York (Wednesday in Tokyo): the
        next one to a Tokyo contact waits min_gap from Wednesday, to a New York one from
        Tuesday."""
        from followup_rules import Skip

        made = plan(interview())
        step = made.ids[list(made).index(of_kind(made, CHECK_IN)[0])]
        state = make_state([Skip(at(2024, 7, 9, 12), step)])
        assert limits.SKIPPED.first_day(state, cal.zone("Asia/Tokyo")) == date(2024, 7, 15)
        assert limits.SKIPPED.first_day(state, NEW_YORK) == date(2024, 7, 12)

    def test_the_skip_unit_says_which_skip_it_waits_for(self) -> None:
        """limits.SKIPPED's sentence (for an app that judges by it: `audit` does not) names
        the day and the skip's day on the recipient's calendar."""
        from followup_rules import Skip

        made = plan(interview())
        step = made.ids[list(made).index(of_kind(made, CHECK_IN)[0])]
        state = make_state([Skip(at(2024, 7, 9, 12), step)])  # Wednesday 10 July in Tokyo
        assert limits.SKIPPED.explain(state, date(2024, 7, 11), cal.zone("Asia/Tokyo")) == (
            "check-in on 2024-07-11, within 3 business days of the check-in skipped on 2024-07-10"
        )


class TestCap:
    def test_three_check_ins_by_default(self) -> None:
        """Rule cap (seeds 001, 003, 004): persistence, not pushiness: three at most."""
        assert len(of_kind(plan(interview()), CHECK_IN)) == 3

    def test_cap_counts_the_history(self) -> None:
        """Contacts already made count against the cap."""
        iv = interview()
        history = [
            Contact(at(2024, 7, 10, 9), Channel.EMAIL),
            Contact(at(2024, 7, 15, 9), Channel.EMAIL),
        ]
        assert len(of_kind(plan(iv, history=history), CHECK_IN)) == 1

    def test_the_gates_close_after_the_cap(self) -> None:
        """limits.CAP_IN_A_ROW closes after max_check_ins unanswered; CAP_EVER after all."""
        days = ((7, 10), (7, 15), (7, 18))
        state = make_state([Contact(at(2024, m, d, 9), Channel.EMAIL) for m, d in days])
        assert limits.CAP_IN_A_ROW.closed(state) and not limits.CAP_EVER.closed(state)
        assert limits.CAP_IN_A_ROW.explain(state) == (
            "check-in number 4 without an answer; the policy allows 3"
        )
        assert limits.CAP_EVER.closed(make_state(policy=Policy(max_contacts_ever=0)))

    def test_zero_cap_means_no_check_in(self) -> None:
        """Knob max_check_ins=0: thank-you notes only."""
        assert of_kind(plan(interview(), Policy(max_check_ins=0)), CHECK_IN) == []


class TestUndecided:
    def test_a_new_date_becomes_the_deadline(self) -> None:
        """Rule undecided (seed 003): they give a new date, check in after it."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [
            Contact(at(2024, 7, 11, 10), Channel.PHONE),
            Update(at(2024, 7, 11, 10, 5), Outcome.UNDECIDED, decision_by=date(2024, 7, 19)),
        ]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert nxt.earliest.date() == date(2024, 7, 22)
        assert nxt.rule == "undecided"

    def test_no_new_date_waits_about_a_week(self) -> None:
        """Seed 003: if they do not know yet, follow up again at a later date."""
        iv = interview(decision_by=date(2024, 7, 10))
        history = [
            Contact(at(2024, 7, 11, 10), Channel.PHONE),
            Update(at(2024, 7, 11, 10, 5), Outcome.UNDECIDED),
        ]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert nxt.earliest.date() == date(2024, 7, 18)
        assert nxt.rule == "undecided"

    def test_the_unit_waits_a_week_from_the_answer(self) -> None:
        """limits.UNDECIDED alone: "no decision yet" after the date, about a week later."""
        history = [Update(at(2024, 7, 11, 10, 5), Outcome.UNDECIDED)]
        state = make_state(history, decision_by=date(2024, 7, 10))
        assert limits.UNDECIDED.first_day(state, NEW_YORK) == date(2024, 7, 18)
        assert limits.UNDECIDED.rule(state).id == "undecided"

    def test_the_units_sentence_counts_a_week_on_the_recipients_calendar(self) -> None:
        """News at noon on Thu 11 July in New York is Friday in Tokyo: a Tokyo contact's
        week runs from Friday, and the audit's sentence says so."""
        state = make_state([Update(at(2024, 7, 11, 12), Outcome.UNDECIDED)])
        assert limits.UNDECIDED.explain(state, date(2024, 7, 16), cal.zone("Asia/Tokyo")) == (
            "check-in on 2024-07-16, before the first allowed day 2024-07-19"
        )

    def test_a_new_date_is_the_deadlines_to_keep(self) -> None:
        """With a new date, the unit allows any day: the deadline's wait follows the date."""
        new = Update(at(2024, 7, 11, 10, 5), Outcome.UNDECIDED, decision_by=date(2024, 7, 19))
        state = make_state([new], decision_by=date(2024, 7, 10))
        assert limits.UNDECIDED.first_day(state, NEW_YORK) is None
        assert limits.DEADLINE.first_day(state, NEW_YORK) == date(2024, 7, 22)

    def test_undecided_keeps_following_up_within_the_lifetime_limit(self) -> None:
        """Rules undecided and cap: each answer restarts the run, never past max_contacts_ever.

        Seed 003: "If they do not know, continue to follow-up with them at a
        later date."  Six answered check-ins use up the default lifetime of six.
        """
        iv = interview()
        history: list[object] = []
        for week in range(6):
            when = at(2024, 7, 10, 9).add(weeks=2 * week)
            history += [Contact(when, Channel.EMAIL), Update(when.add(hours=2), Outcome.UNDECIDED)]
            left = of_kind(plan(iv, history=history), CHECK_IN)
            assert len(left) == min(3, 6 - (week + 1))
        assert of_kind(plan(iv, history=history), CHECK_IN) == []


class TestOutOfOffice:
    def test_auto_reply_holds_until_the_day_after_return(self) -> None:
        """An out-of-office reply holds the next check-in until a business day after return."""
        iv = interview()
        history = [
            Contact(at(2024, 7, 10, 8), Channel.EMAIL),
            OutOfOffice(at(2024, 7, 10, 8, 1), returns_on=date(2024, 7, 22)),
        ]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)
        assert nxt[0].earliest.date() == date(2024, 7, 23)

    def test_a_return_date_on_a_weekend_still_leaves_them_their_first_day_back(self) -> None:
        """Back "on Sunday": the first working day back is Monday, so no check-in before Tuesday.

        The r7 cold reader: a note on the first morning back lands on the
        fullest inbox of the week.  The library's choice (rule retry-gap's
        hold): one business day after the first business day back.
        """
        iv = interview()
        history = [
            Contact(at(2024, 7, 10, 8), Channel.EMAIL),
            OutOfOffice(at(2024, 7, 10, 8, 1), returns_on=date(2024, 7, 21)),
        ]
        nxt = of_kind(plan(iv, history=history), CHECK_IN)
        assert nxt[0].earliest.date() == date(2024, 7, 23)

    def test_auto_reply_is_no_answer(self) -> None:
        """The bounced message waits in their inbox: it still counts (spec8 finding 5)."""
        iv = interview()
        history = [
            Contact(at(2024, 7, 10, 8), Channel.EMAIL),
            OutOfOffice(at(2024, 7, 10, 8, 1)),
        ]
        assert len(of_kind(plan(iv, history=history), CHECK_IN)) == 2

    def test_without_a_date_it_waits_a_week(self) -> None:
        """No return date given: assume a week away."""
        iv = interview()
        history = [
            Contact(at(2024, 7, 10, 8), Channel.EMAIL),
            OutOfOffice(at(2024, 7, 10, 8, 1)),
        ]
        assert of_kind(plan(iv, history=history), CHECK_IN)[0].earliest.date() == date(2024, 7, 18)

    def test_the_unit_is_the_hold(self) -> None:
        """limits.OUT_OF_OFFICE alone: the first day after the return (rule retry-gap)."""
        away = OutOfOffice(at(2024, 7, 10, 8, 1), returns_on=date(2024, 7, 22))
        state = make_state([Contact(at(2024, 7, 10, 8), Channel.EMAIL), away])
        assert limits.OUT_OF_OFFICE.first_day(state, NEW_YORK) == date(2024, 7, 23)
        assert limits.OUT_OF_OFFICE.rule(state).id == "retry-gap"
        assert limits.OUT_OF_OFFICE.explain(state, date(2024, 7, 22), NEW_YORK) == (
            "check-in on 2024-07-22 while they are out of office (until 2024-07-23)"
        )
        assert limits.FEEDBACK_HOLD.rule(state).id == "feedback-request"


class TestFeedbackResponse:
    def test_answer_within_two_business_days(self) -> None:
        """Rule feedback-response (seed 002): answer their request quickly."""
        iv = interview()
        history = [Update(at(2024, 7, 5, 16), Outcome.FEEDBACK_REQUESTED)]  # Friday
        (answer,) = of_kind(plan(iv, history=history), ActionKind.FEEDBACK_RESPONSE)
        assert answer.earliest == at(2024, 7, 5, 16)
        assert answer.suggested == at(2024, 7, 5, 16)
        assert answer.latest == at(2024, 7, 9, 17)
        assert answer.rule == "feedback-response"

    def test_answered_once(self) -> None:
        """Once answered, the request is closed."""
        iv = interview()
        history = [
            Update(at(2024, 7, 5, 16), Outcome.FEEDBACK_REQUESTED),
            Contact(at(2024, 7, 5, 18), Channel.EMAIL, kind=ActionKind.FEEDBACK_RESPONSE),
        ]
        assert of_kind(plan(iv, history=history), ActionKind.FEEDBACK_RESPONSE) == []

    def test_the_answer_is_due_in_the_contacts_zone_and_business_days(self) -> None:
        """Asked after hours on Wed 3 July in Tokyo: the answer waits for Tokyo's next
        send window and is due two Tokyo business days later."""
        tokyo = Interviewer("Ana Ruiz", timezone="Asia/Tokyo")
        iv = interview(interviewers=[tokyo])
        when = pendulum.datetime(2024, 7, 3, 20, tz="Asia/Tokyo")
        (answer,) = of_kind(
            plan(iv, history=[Update(when, Outcome.FEEDBACK_REQUESTED)]),
            ActionKind.FEEDBACK_RESPONSE,
        )
        assert answer.suggested == pendulum.datetime(2024, 7, 4, 8, tz="Asia/Tokyo")
        assert answer.latest == pendulum.datetime(2024, 7, 5, 17, tz="Asia/Tokyo")
        assert answer.latest.timezone_name == "Asia/Tokyo"

    def test_the_answer_is_an_email_to_the_contact_citing_its_rule(self) -> None:
        """The answer goes by e-mail to the contact, with its template and seed."""
        asked = [Update(at(2024, 7, 5, 9), Outcome.FEEDBACK_REQUESTED)]
        (answer,) = of_kind(plan(interview(), history=asked), ActionKind.FEEDBACK_RESPONSE)
        assert (answer.recipient, answer.channel) == (ANA, Channel.EMAIL)
        assert answer.template == "feedback_response_email"
        assert answer.sources == RULES["feedback-response"].sources

    def test_an_early_morning_request_counts_from_that_local_day(self) -> None:
        """Asked 07:00 Monday in Tokyo (still Sunday in UTC): due Wednesday there."""
        tokyo = Interviewer("Ana Ruiz", timezone="Asia/Tokyo")
        when = pendulum.datetime(2024, 7, 8, 7, tz="Asia/Tokyo")
        (answer,) = of_kind(
            plan(
                interview(interviewers=[tokyo]), history=[Update(when, Outcome.FEEDBACK_REQUESTED)]
            ),
            ActionKind.FEEDBACK_RESPONSE,
        )
        assert answer.latest == pendulum.datetime(2024, 7, 10, 17, tz="Asia/Tokyo")

    def test_holidays_push_the_answer_and_its_deadline(self) -> None:
        """Asked Wed 3 July after hours: the 4th is off, so the answer goes Friday, due Monday."""
        asked = [Update(at(2024, 7, 3, 18), Outcome.FEEDBACK_REQUESTED)]
        (answer,) = of_kind(
            plan(interview(), Policy(holidays="US"), history=asked), ActionKind.FEEDBACK_RESPONSE
        )
        assert answer.suggested == at(2024, 7, 5, 8)
        assert answer.latest == at(2024, 7, 8, 17)

    @staticmethod
    def _answers_after_a_reply(reply: Reply) -> list[Any]:
        """The answers planned for a request on Fri 5 July 09:00, then *reply*."""
        history = [Update(at(2024, 7, 5, 9), Outcome.FEEDBACK_REQUESTED), reply]
        return of_kind(plan(interview(), history=history), ActionKind.FEEDBACK_RESPONSE)

    def test_a_later_event_moves_the_answer_but_not_its_deadline(self) -> None:
        """Something else happened after the request: the answer comes after it, same due time."""
        (answer,) = self._answers_after_a_reply(Reply(at(2024, 7, 8, 11)))
        assert answer.earliest == at(2024, 7, 5, 9)
        assert answer.suggested == at(2024, 7, 8, 11)
        assert answer.latest == at(2024, 7, 9, 17)

    def test_still_possible_at_the_very_last_moment(self) -> None:
        """At the closing minute of the due window the answer can still go, right then."""
        (answer,) = self._answers_after_a_reply(Reply(at(2024, 7, 9, 17)))
        assert answer.suggested == answer.latest == at(2024, 7, 9, 17)
        assert self._answers_after_a_reply(Reply(at(2024, 7, 9, 17, 1))) == []


class TestSources:
    """Each check-in cites its pace rule, plus every choice rule that shaped it."""

    @staticmethod
    def _seeds(*ids: str) -> tuple[str, ...]:
        return tuple(sorted({seed for rule_id in ids for seed in RULES[rule_id].sources}))

    def test_an_email_check_in_cites_its_pace_only(self) -> None:
        """No call, no preference, a decision date: just the deadline rule."""
        iv = interview(decision_by=date(2024, 7, 10))
        emails = [a for a in of_kind(plan(iv), CHECK_IN) if a.channel is Channel.EMAIL]
        assert emails and all(
            a.sources == self._seeds(a.rule) for a in emails if a.template == "check_in_email"
        )

    def test_without_a_date_or_preference_next_steps_cite_their_own(self) -> None:
        """No decision date, no preference: the pace rule and next-steps, nothing else."""
        first = of_kind(plan(interview()), CHECK_IN)[0]
        assert first.template == "next_steps_email"
        assert first.sources == self._seeds(first.rule, "next-steps")

    def test_a_preferred_call_cites_one_call_and_preference(self) -> None:
        """An invited call to someone who prefers the phone cites both choice rules."""
        fond = Interviewer("Ana Ruiz", preferred_channel="phone", phone="+1 212 555 0142")
        iv = interview(interviewers=[fond], decision_by=date(2024, 7, 10))
        call = of_kind(plan(iv), CHECK_IN)[0]
        assert call.channel is Channel.PHONE
        assert call.sources == self._seeds(call.rule, "one-call", "preferred-channel")

    def test_a_preferred_email_asking_next_steps_cites_both(self) -> None:
        """Preference for e-mail and no decision date: preference and next-steps both count."""
        fond = Interviewer("Ana Ruiz", preferred_channel="email")
        first = of_kind(plan(interview(interviewers=[fond])), CHECK_IN)[0]
        assert first.template == "next_steps_email"
        assert first.sources == self._seeds(first.rule, "preferred-channel", "next-steps")

    def test_an_ignored_preference_is_not_cited(self) -> None:
        """With respect_preferred_channel off, the preference rule shaped nothing."""
        fond = Interviewer("Ana Ruiz", preferred_channel="email")
        policy = Policy(respect_preferred_channel=False)
        iv = interview(interviewers=[fond], decision_by=date(2024, 7, 10))
        emails = [a for a in of_kind(plan(iv, policy), CHECK_IN) if a.channel is Channel.EMAIL]
        assert emails and all(a.sources == self._seeds(a.rule) for a in emails)


class TestFeedbackRequest:
    def test_ask_once_after_a_rejection(self) -> None:
        """Rule feedback-request (seed 004): not selected, ask for feedback, then stop."""
        iv = interview()
        history = [Update(at(2024, 7, 9, 12), Outcome.REJECTED)]
        actions = plan(iv, history=history)
        (ask,) = of_kind(actions, ActionKind.FEEDBACK_REQUEST)
        assert ask.earliest == at(2024, 7, 10, 8)
        assert of_kind(actions, CHECK_IN) == []

    def test_it_is_an_email_to_the_contact_citing_its_rule(self) -> None:
        """The request goes to the follow-up contact, by e-mail, with its own template."""
        history = [Update(at(2024, 7, 9, 12), Outcome.REJECTED)]
        (ask,) = of_kind(plan(interview(), history=history), ActionKind.FEEDBACK_REQUEST)
        assert (ask.recipient, ask.channel, ask.template) == (
            ANA,
            Channel.EMAIL,
            "feedback_request_email",
        )
        assert (ask.rule, ask.sources) == ("feedback-request", RULES["feedback-request"].sources)

    def test_days_are_the_contacts_own(self) -> None:
        """A Tokyo contact, rejected at 07:00 Tokyo time on Monday: ask Tuesday at 08:00 there."""
        tokyo = Interviewer("Ana Ruiz", timezone="Asia/Tokyo")
        history = [Update(pendulum.datetime(2024, 7, 8, 7, tz="Asia/Tokyo"), Outcome.REJECTED)]
        plan_ = plan(interview(interviewers=[tokyo]), history=history)
        (ask,) = of_kind(plan_, ActionKind.FEEDBACK_REQUEST)
        assert ask.earliest == pendulum.datetime(2024, 7, 9, 8, tz="Asia/Tokyo")

    def test_it_keeps_its_distance_from_the_last_contact_in_the_contacts_days(self) -> None:
        """Checked in Monday 08:30 Tokyo (Sunday in UTC): three Tokyo business days later."""
        tokyo = Interviewer("Ana Ruiz", timezone="Asia/Tokyo")
        history = [
            Contact(pendulum.datetime(2024, 7, 8, 8, 30, tz="Asia/Tokyo"), Channel.EMAIL),
            Update(pendulum.datetime(2024, 7, 8, 9, tz="Asia/Tokyo"), Outcome.REJECTED),
        ]
        plan_ = plan(interview(interviewers=[tokyo]), history=history)
        (ask,) = of_kind(plan_, ActionKind.FEEDBACK_REQUEST)
        assert ask.earliest == pendulum.datetime(2024, 7, 11, 8, tz="Asia/Tokyo")

    def test_never_before_now_and_never_on_a_holiday(self) -> None:
        """Rejected Tuesday; by Wednesday evening the day's window is gone: Friday, not the 4th."""
        history = [Update(at(2024, 7, 2, 16), Outcome.REJECTED), Reply(at(2024, 7, 3, 18))]
        plan_ = plan(interview(), Policy(holidays="US"), history=history)
        (ask,) = of_kind(plan_, ActionKind.FEEDBACK_REQUEST)
        assert ask.earliest == at(2024, 7, 5, 8)

    def test_not_twice(self) -> None:
        """Feedback is asked for once only."""
        iv = interview()
        history = [
            Update(at(2024, 7, 9, 12), Outcome.REJECTED),
            Contact(at(2024, 7, 10, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
        ]
        assert list(plan(iv, history=history)) == []

    def test_policy_can_skip_it(self) -> None:
        """Knob ask_feedback_on_rejection=False."""
        iv = interview()
        history = [Update(at(2024, 7, 9, 12), Outcome.REJECTED)]
        assert list(plan(iv, Policy(ask_feedback_on_rejection=False), history=history)) == []

    def test_the_units_of_the_request(self) -> None:
        """limits.ANSWERS_NEWS: the next business day (planner only); FEEDBACK_GAP: min_gap
        from the candidate's own contact, not from the rejection."""
        history = [
            Contact(at(2024, 7, 10, 9), Channel.EMAIL),
            Update(at(2024, 7, 11, 12), Outcome.REJECTED),
        ]
        state = make_state(history)
        assert limits.ANSWERS_NEWS.first_day(state, NEW_YORK) == date(2024, 7, 12)
        assert limits.ANSWERS_NEWS.audited is False
        assert limits.FEEDBACK_GAP.first_day(state, NEW_YORK) == date(2024, 7, 15)
        assert limits.first_day(limits.FEEDBACK_REQUEST, state, NEW_YORK) == date(2024, 7, 15)

    def test_the_gate_closes_once_asked(self) -> None:
        """limits.ASKED_ONCE: ask once, then stop."""
        history = [
            Update(at(2024, 7, 9, 12), Outcome.REJECTED),
            Contact(at(2024, 7, 10, 9), Channel.EMAIL, kind=ActionKind.FEEDBACK_REQUEST),
        ]
        assert not limits.ASKED_ONCE.closed(make_state(history[:1]))
        assert limits.ASKED_ONCE.closed(make_state(history))


class TestStop:
    @pytest.mark.parametrize("outcome", [Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN])
    def test_outcome_ends_check_ins(self, outcome: Outcome) -> None:
        """Rule stop (all seeds): an offer, rejection or withdrawal ends all check-ins."""
        iv = interview()
        history = [Update(at(2024, 7, 3, 9), outcome)]
        assert of_kind(plan(iv, history=history), CHECK_IN) == []

    def test_no_feedback_request_after_an_offer(self) -> None:
        """Only a rejection earns a feedback request (seed 004)."""
        history = [Update(at(2024, 7, 3, 9), Outcome.OFFER)]
        assert of_kind(plan(interview(), history=history), ActionKind.FEEDBACK_REQUEST) == []

    @pytest.mark.parametrize("outcome", [Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN])
    def test_the_gate_is_final(self, outcome: Outcome) -> None:
        """limits.STOP alone: closed by the final outcome; nothing else is judged after it."""
        state = make_state([Update(at(2024, 7, 3, 9), outcome)])
        assert limits.STOP.closed(state) and limits.STOP.final
        assert limits.STOP.explain(state) == f"a check-in after the {outcome.name} outcome"
        assert not limits.STOP.closed(make_state([Update(at(2024, 7, 3, 9), Outcome.UNDECIDED)]))


class TestHolidays:
    def test_public_holidays_are_not_business_days(self) -> None:
        """Knob holidays: 4 July is not a business day under a US policy."""
        iv = interview()
        first = of_kind(plan(iv, Policy(holidays="US")), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 10)
        plain = of_kind(plan(iv), CHECK_IN)[0]
        assert plain.earliest.date() == date(2024, 7, 9)

    def test_the_day_after_a_deadline_skips_a_holiday(self) -> None:
        """Decision due Wed 3 July: the day after is 4 July, so the check-in waits to Fri 5."""
        iv = interview(decision_by=date(2024, 7, 3))
        first = of_kind(plan(iv, Policy(holidays="US", min_gap=1)), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 5)

    def test_the_wait_after_a_deadline_counts_business_days_only(self) -> None:
        """Two business days after Wed 3 July, with the 4th off, is Monday 8 July."""
        iv = interview(decision_by=date(2024, 7, 3))
        policy = Policy(holidays="US", min_gap=1, wait_after_deadline=2)
        assert of_kind(plan(iv, policy), CHECK_IN)[0].earliest.date() == date(2024, 7, 8)

    def test_a_hook_day_on_a_holiday_moves_to_the_next_business_day(self) -> None:
        """A check_in_day hook that lands on 4 July is moved to Friday 5 July."""
        import attrs

        @attrs.frozen(kw_only=True)
        class OnTheFourth(Policy):
            def check_in_day(self, state: object, earliest: date) -> date:
                return max(earliest, date(2024, 7, 4))

        iv = interview(decision_by=date(2024, 7, 2))
        first = of_kind(plan(iv, OnTheFourth(holidays="US", min_gap=1)), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 5)

    def test_a_window_skipped_for_patience_skips_the_holiday_too(self) -> None:
        """Wednesday's call window opens before the notes' window closes: next is Fri 5 July."""
        iv = interview(decision_by=date(2024, 7, 2))
        first = of_kind(plan(iv, Policy(holidays="US", min_gap=1)), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 5)

    def test_the_week_after_news_skips_a_holiday(self) -> None:
        """News on Wed 3 July: five business days later is Thu 11 July with the 4th off."""
        history = [Update(at(2024, 7, 3, 10), Outcome.UNDECIDED)]
        first = of_kind(plan(interview(), Policy(holidays="US"), history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 11)
        plain = of_kind(plan(interview(), history=history), CHECK_IN)[0]
        assert plain.earliest.date() == date(2024, 7, 10)


class TestNewsDays:
    def test_late_news_counts_from_the_contacts_own_day(self) -> None:
        """News at 22:30 on Wed 3 July in New York (Thursday in UTC) counts from Wednesday
        (word of a next round: `TestNextSteps`)."""
        history = [Update(at(2024, 7, 3, 22, 30), Outcome.UNDECIDED)]
        first = of_kind(plan(interview(), history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 10)

    def test_undecided_with_todays_date_follows_the_deadline(self) -> None:
        """'Undecided, we decide today': the check-in is a business day later, not a week."""
        history = [Update(at(2024, 7, 3, 10), Outcome.UNDECIDED, date(2024, 7, 3))]
        first = of_kind(plan(interview(), Policy(min_gap=1), history=history), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 7, 4)

    def test_no_check_in_before_every_thank_you_window_closes(self) -> None:
        """Rule patience: with a week to send the notes, the first check-in waits for it."""
        policy = Policy(thank_you_within=timedelta(days=7), min_gap=1, wait_after_deadline=1)
        iv = interview(decision_by=date(2024, 7, 2))
        note = of_kind(plan(iv, policy), ActionKind.THANK_YOU)[0]
        first = of_kind(plan(iv, policy), CHECK_IN)[0]
        assert first.earliest >= note.latest
        assert first.earliest.date() == date(2024, 7, 10)


class TestWindows:
    def test_emails_land_in_the_send_window(self) -> None:
        """Knob send_window: check-in e-mails open and close with it, recipient-local."""
        policy = Policy(send_window=("09:30", "12:00"))
        for action in of_kind(plan(interview(), policy), CHECK_IN):
            assert action.earliest.time() == time(9, 30)
            assert action.latest.time() == time(12)
            assert action.earliest.timezone_name == NY


class TestSharpEdges:
    """Cases written to catch mistakes that the broader tests let through (mutation testing)."""

    def test_hooks_see_the_state(self) -> None:
        """check_in_day receives the real state: a hook may pace by check-ins made."""
        import attrs

        from followup_rules import FollowupState

        @attrs.frozen(kw_only=True)
        class SlowerEachTime(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return earliest + timedelta(days=7 * state.check_ins)

        days = [a.earliest.date() for a in of_kind(plan(interview(), SlowerEachTime()), CHECK_IN)]
        assert days == [date(2024, 7, 9), date(2024, 7, 19), date(2024, 8, 7)]

    def test_broken_hooks_are_named_with_their_value(self) -> None:
        """A hook returning nonsense: InvalidPolicy names the class, the hook and the value."""
        import attrs

        from followup_rules import FollowupState, InvalidPolicy

        @attrs.frozen(kw_only=True)
        class Broken(Policy):
            def check_in_channel(self, state: FollowupState) -> Channel:
                return "pigeon"  # type: ignore[return-value]

        with pytest.raises(InvalidPolicy) as raised:
            plan(interview(), Broken())
        assert (raised.value.field, raised.value.value) == ("Broken.check_in_channel", "pigeon")
        assert raised.value.problem == "must return a Channel"

        @attrs.frozen(kw_only=True)
        class Calls(Policy):
            def thank_you_channel_for(self, interviewer: Interviewer) -> Channel:
                return Channel.PHONE

        with pytest.raises(InvalidPolicy) as raised:
            plan(interview(), Calls())
        assert (raised.value.field, raised.value.value, raised.value.problem) == (
            "Calls.thank_you_channel_for",
            Channel.PHONE,
            "must return EMAIL or POSTAL",
        )

        @attrs.frozen(kw_only=True)
        class Vague(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return "soon"  # type: ignore[return-value]

        with pytest.raises(InvalidPolicy) as raised:
            plan(interview(), Vague())
        error = raised.value
        assert (error.field, error.value, error.problem) == (
            "Vague.check_in_day",
            "soon",
            "must return a date",
        )

    def test_default_channel_without_an_allowed_call_is_email(self) -> None:
        """Rule one-call, the hook itself: no invitation, no date, no call."""
        from followup_rules.rules import default_check_in_channel
        from followup_rules.state import start

        assert default_check_in_channel(start(interview(), Policy(), [])) is Channel.EMAIL
        invited = start(interview(invited_to_call=True), Policy(), [])
        assert default_check_in_channel(invited) is Channel.PHONE

    def test_in_room_step_done_with_anyone_counts(self) -> None:
        """Asking the timeline of another interviewer still counts as asked."""
        iv = interview()
        history = [
            Contact(at(2024, 7, 2, 14, 50), "in_person", ActionKind.ASK_TIMELINE, "Bo Chen")
        ]
        assert of_kind(plan(iv, history=history), ActionKind.ASK_TIMELINE) == []

    def test_undecided_then_next_round(self) -> None:
        """Word of a next round replaces an earlier "undecided": the news is answered the
        business day after it."""
        iv = interview()
        history = [
            Update(at(2024, 7, 8, 9), Outcome.UNDECIDED),
            Update(at(2024, 7, 9, 9), Outcome.NEXT_ROUND),
        ]
        first = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert (first.rule, first.earliest.date()) == ("next-steps", date(2024, 7, 10))

    def test_out_of_office_hold_uses_the_recipients_zone_and_holidays(self) -> None:
        """The week-away default counts in Tokyo for a Tokyo contact, skipping holidays."""
        tokyo = Interviewer("Ana Ruiz", timezone="Asia/Tokyo")
        iv = interview(interviewers=[tokyo])
        # Thursday 11:00 in New York is already Friday in Tokyo: a week later is Friday
        # the 19th there, so the hold ends on Monday the 22nd (not Friday the 19th).
        history = [OutOfOffice(at(2024, 7, 11, 11))]
        first = of_kind(plan(iv, history=history), CHECK_IN)[0]
        assert first.earliest.in_timezone("Asia/Tokyo").date() == date(2024, 7, 22)
        us_iv = interview(interviewers=["Ana Ruiz"])
        held = [OutOfOffice(at(2024, 8, 26, 9), returns_on=date(2024, 8, 30))]
        first = of_kind(plan(us_iv, Policy(holidays="US"), history=held), CHECK_IN)[0]
        assert first.earliest.date() == date(2024, 9, 3)  # 2 Sept is Labor Day

    def test_a_window_already_open_is_skipped(self) -> None:
        """first_window with not_before inside a window moves to the next business day."""
        from followup_rules import _calendar as cal

        tz = cal.zone("Europe/Berlin")
        noon = pendulum.datetime(2024, 7, 3, 12, tz="Europe/Berlin")
        opens, _ = cal.first_window(date(2024, 7, 3), time(8), time(17), tz, not_before=noon)
        assert opens == pendulum.datetime(2024, 7, 4, 8, tz="Europe/Berlin")

    def test_calendar_helpers_honour_holidays(self) -> None:
        """Holidays count in both directions and when rolling to a business day."""
        from followup_rules import _calendar as cal

        july4 = {date(2024, 7, 4)}
        assert cal.business_day_on_or_after(date(2024, 7, 4), july4) == date(2024, 7, 5)
        assert cal.business_days_between(date(2024, 7, 5), date(2024, 7, 3), july4) == -1
        assert cal.business_days_between(date(2024, 7, 3), date(2024, 7, 5)) == 2
