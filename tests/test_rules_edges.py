"""The rules at their edges (mutation testing, eleventh pass): when a step is suggested
across time zones and after hours, what a snooze or a later *now* does to the feedback
steps, who gets which note, the recruiter's debrief after hours, the room's moments, a
late note's limit, `rules.moot`, and what a check-in's facts tell its message."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    CallBasis,
    Candidate,
    Channel,
    Fallback,
    Interview,
    Interviewer,
    InterviewFormat,
    Outcome,
    Policy,
    Recruiter,
    Salutation,
    Skip,
    Snooze,
    Update,
    action_ids,
    agenda,
    plan,
    rules,
)

from .factories import ANA, BO, NY, at, interview, make_state, of_kind
from .test_skip_snooze import IV, NOTES, ids_of

BRISBANE = "Australia/Brisbane"  # UTC+10 all year: New York's business day is its night


def _to_new_york(home: str) -> Interview:
    """Monday 19 October 2026 in New York; check-ins in November (EST, UTC-5)."""
    return Interview(
        pendulum.datetime(2026, 10, 19, 15, tz=NY),
        "Hooli",
        "Data Engineer",
        [Interviewer("Dan Park", email="dan@hooli.example")],
        decision_by="by the end of the month",
        candidate=Candidate("Léa Martin", email="lea@example.com", timezone=home),
    )


class TestCheckInInTheCandidatesNight:
    """A written check-in is suggested at the first moment of its window in the candidate's
    waking hours (07:00-22:00 their time, both ends included), else at the window's opening:
    never outside the window."""

    def test_a_window_wholly_in_their_night_keeps_its_opening(self) -> None:
        """09:00-15:00 in New York is 00:00-06:00 in Brisbane: no waking moment in it, so
        the check-in is suggested as the window opens (00:00), not at 07:00 after it."""
        steps = of_kind(
            plan(_to_new_york(BRISBANE), Policy(send_window="09:00-15:00")), ActionKind.CHECK_IN
        )
        assert steps
        for step in steps:
            assert step.channel is Channel.EMAIL
            assert step.suggested == step.earliest
            assert step.suggested.in_timezone(BRISBANE).time() == pendulum.time(0)
            assert step.latest.in_timezone(BRISBANE).time() == pendulum.time(6)

    def test_a_window_closing_as_they_wake_is_suggested_at_its_close(self) -> None:
        """09:00-16:00 in New York is 00:00-07:00 in Brisbane: its last instant, 07:00, is
        the candidate's first waking moment, so the check-in is suggested then, not at
        midnight."""
        steps = of_kind(
            plan(_to_new_york(BRISBANE), Policy(send_window="09:00-16:00")), ActionKind.CHECK_IN
        )
        assert steps
        for step in steps:
            assert step.suggested == step.latest
            assert step.suggested.in_timezone(BRISBANE).time() == pendulum.time(7)
            assert step.suggested.in_timezone(NY).time() == pendulum.time(16)

    def test_a_call_keeps_its_window_s_opening(self) -> None:
        """Only written check-ins move: a call is suggested as its window opens."""
        iv = interview(decision_by=at(2024, 7, 10).date())
        calls = [a for a in of_kind(plan(iv), ActionKind.CHECK_IN) if a.channel is Channel.PHONE]
        assert calls
        assert all(call.suggested == call.earliest for call in calls)


REJECTED = [*NOTES, Update(at(2024, 7, 11, 11), Outcome.REJECTED)]
"""The standard interview's notes sent, then a rejection on Thu 11 July 2024, 11:00: the
feedback request is planned in the send window of Fri 12 July, 08:00-17:00."""


def _request(history: list[object], now: object = None) -> tuple[object, object]:
    (step,) = of_kind(plan(IV, history=history, now=now), ActionKind.FEEDBACK_REQUEST)  # type: ignore[arg-type]
    return step.earliest, step.latest


class TestFeedbackRequestSnoozedOrLate:
    """Rule feedback-request: a snoozed request waits for its first window after the snooze;
    seen from a *now* after its window, it is offered late from *now*."""

    def test_unsnoozed_it_is_the_next_business_day(self) -> None:
        assert _request(REJECTED) == (at(2024, 7, 12, 8), at(2024, 7, 12, 17))

    @pytest.mark.parametrize(
        ("until", "window"),
        [
            # inside Monday's window: the rest of it
            (at(2024, 7, 15, 12), (at(2024, 7, 15, 12), at(2024, 7, 15, 17))),
            # after Friday's window closed: Monday's, whole (the weekend skipped)
            (at(2024, 7, 12, 18), (at(2024, 7, 15, 8), at(2024, 7, 15, 17))),
        ],
    )
    def test_a_snoozed_request_waits_for_the_first_window_after_it(
        self, until: object, window: tuple[object, object]
    ) -> None:
        (request,) = ids_of(ActionKind.FEEDBACK_REQUEST, REJECTED)
        snoozed = [*REJECTED, Snooze(at(2024, 7, 11, 12), request, until)]
        assert _request(snoozed) == window
        assert ids_of(ActionKind.FEEDBACK_REQUEST, snoozed) == [request]  # the same step

    def test_seen_after_its_window_it_starts_at_now(self) -> None:
        """Friday's window passed unused: seen on Monday at 10:00, the request is offered
        from then, late since Friday's close."""
        (step,) = of_kind(
            plan(IV, history=REJECTED, now=at(2024, 7, 15, 10)), ActionKind.FEEDBACK_REQUEST
        )
        assert (step.earliest, step.latest) == (at(2024, 7, 15, 10), at(2024, 7, 15, 17))
        assert step.late_since == at(2024, 7, 12, 17)

    @pytest.mark.parametrize(
        ("until", "window"),
        [
            # snoozed past now: the snooze holds
            (at(2024, 7, 16, 12), (at(2024, 7, 16, 12), at(2024, 7, 16, 17))),
            # snoozed to a moment now has passed: from now
            (at(2024, 7, 12, 18), (at(2024, 7, 15, 10), at(2024, 7, 15, 17))),
        ],
    )
    def test_a_snooze_and_now_the_later_wins(
        self, until: object, window: tuple[object, object]
    ) -> None:
        (request,) = ids_of(ActionKind.FEEDBACK_REQUEST, REJECTED)
        snoozed = [*REJECTED, Snooze(at(2024, 7, 11, 12), request, until)]
        assert _request(snoozed, now=at(2024, 7, 15, 10)) == window


class TestThankYouAfterHours:
    """Rule thank-you: an e-mailed note is suggested in the recipient's send window when one
    comes by its deadline; else in their waking hours (07:00-22:00) by it; else an hour
    after the interview: always inside its window."""

    @staticmethod
    def _notes(iv: Interview, policy: Policy | None = None) -> list[Any]:
        return of_kind(plan(iv, policy or Policy()), ActionKind.THANK_YOU)

    def test_a_friday_evening_interview_s_note_goes_that_evening(self) -> None:
        """Friday 17:00-18:00 in New York, due by Saturday 18:00: no business day before
        the deadline, so the note is suggested at 19:00 Friday, New York time (not in the
        night of UTC, nor on Monday)."""
        notes = self._notes(interview(starts_at=at(2024, 7, 5, 17)))
        assert len(notes) == 2
        for note in notes:
            assert (note.earliest, note.latest) == (at(2024, 7, 5, 18), at(2024, 7, 6, 18))
            assert note.suggested == at(2024, 7, 5, 19)

    def test_after_a_late_friday_interview_it_waits_for_their_morning(self) -> None:
        """Friday 21:00-22:00: an hour after is 23:00, their night; 07:00 Saturday is
        the first waking moment before the deadline."""
        for note in self._notes(interview(starts_at=at(2024, 7, 5, 21))):
            assert note.suggested == at(2024, 7, 6, 7)

    def test_with_only_night_before_the_deadline_it_is_an_hour_after(self) -> None:
        """Due within three hours of a 22:30 end: neither the send window nor the waking
        hours come by 01:30, so the note is suggested an hour after the end, in its window,
        not the next morning past its deadline."""
        policy = Policy(thank_you_within=timedelta(hours=3))
        notes = self._notes(interview(starts_at=at(2024, 7, 2, 21, 30)), policy)
        assert len(notes) == 2
        for note in notes:
            assert (note.earliest, note.latest) == (at(2024, 7, 2, 22, 30), at(2024, 7, 3, 1, 30))
            assert note.suggested == at(2024, 7, 2, 23, 30)


class TestCallInTheCandidatesNight:
    """The library's own choice (`rules.CANDIDATE_DAY`): a call whose window (10:00-11:30 in
    New York) is not wholly inside the candidate's waking hours, 07:00-22:00 their time with
    both ends included, becomes an e-mail marked `Fallback.NIGHT`."""

    @pytest.mark.parametrize(
        ("home", "channel"),
        [
            ("America/New_York", Channel.PHONE),
            ("America/Los_Angeles", Channel.PHONE),  # 07:00-08:30: starts as they wake
            ("Asia/Yangon", Channel.PHONE),  # 20:30-22:00: ends as their day ends
            ("Pacific/Honolulu", Channel.EMAIL),  # 04:00-05:30: before they wake
            ("Asia/Tokyo", Channel.EMAIL),  # 23:00-00:30: across their midnight
            ("Asia/Kolkata", Channel.PHONE),  # 19:30-21:00
        ],
    )
    def test_the_first_check_in_s_channel(self, home: str, channel: Channel) -> None:
        iv = interview(
            decision_by=at(2024, 7, 10).date(),
            candidate=Candidate("Léa Martin", email="lea@example.com", timezone=home),
        )
        first = of_kind(plan(iv), ActionKind.CHECK_IN)[0]
        assert first.channel is channel
        assert first.facts.fallback is (None if channel is Channel.PHONE else Fallback.NIGHT)
        if channel is Channel.PHONE:
            assert (first.earliest, first.latest) == (at(2024, 7, 11, 10), at(2024, 7, 11, 11, 30))


CY = Interviewer("Cy Diaz", title="Analyst", email="cy@acme.example", requested=("a code sample",))
ASKED_BO = attrs.evolve(BO, requested=("references",))


class TestThankYouWhoGetsWhat:
    """Rule thank-you: a note per interviewer (or only the contact), and what each asked for
    by e-mail when no e-mailed note of theirs carries it (seed 004)."""

    def test_each_note_has_its_own_variant_in_panel_order(self) -> None:
        """The variant turns the wording note by note, so a panel's notes differ; an
        e-mailed note to someone with an address falls back on nothing."""
        iv = interview(interviewers=[ANA, BO, CY])
        notes = of_kind(plan(iv), ActionKind.THANK_YOU)
        assert [note.recipient for note in notes] == [ANA, BO, CY]
        assert [note.facts.variant for note in notes] == [0, 1, 2]
        assert [note.facts.fallback for note in notes] == [None, None, None]
        assert [note.facts.requested for note in notes] == [(), (), CY.requested]

    def test_only_the_contact_thanked_others_get_just_what_they_asked_for(self) -> None:
        """Thanking the contact alone: Bo, who asked for nothing, gets nothing; Cy, after
        him, gets the code sample he asked for by e-mail, no card beside it."""
        iv = interview(interviewers=[ANA, BO, CY])
        steps = [
            (step.kind, step.recipient.name)
            for step in plan(iv, Policy(thank_you_each_interviewer=False))
            if step.kind in (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED)
        ]
        assert steps == [
            (ActionKind.THANK_YOU, "Ana Ruiz"),
            (ActionKind.SEND_REQUESTED, "Cy Diaz"),
        ]
        (items,) = of_kind(
            plan(iv, Policy(thank_you_each_interviewer=False)), ActionKind.SEND_REQUESTED
        )
        facts = items.facts
        assert (facts.requested, facts.requested_by_email, facts.card_by_post) == (
            CY.requested,
            False,
            False,
        )
        assert facts.variant == 2

    def test_beside_a_mailed_card_the_items_email_says_so(self) -> None:
        """A card to the contact, Bo's items by e-mail: the e-mail knows a card goes
        beside it, and is itself the e-mail of the items."""
        iv = interview(interviewers=[ASKED_BO, ANA])
        assert iv.follow_up_contact == ASKED_BO  # the first interviewer
        policy = Policy(thank_you_channel=Channel.POSTAL, thank_you_each_interviewer=False)
        (items,) = of_kind(plan(iv, policy), ActionKind.SEND_REQUESTED)
        facts = items.facts
        assert (facts.requested, facts.requested_by_email, facts.card_by_post) == (
            ASKED_BO.requested,
            False,
            True,
        )

    def test_a_card_mailed_at_once_goes_an_hour_after_that_day(self) -> None:
        """Seed 004: into the post on the way home, an hour after the interview, and
        any time that day."""
        policy = Policy(thank_you_channel=Channel.POSTAL, mail_card_immediately=True)
        cards = of_kind(plan(interview(), policy), ActionKind.THANK_YOU)
        assert len(cards) == 2
        for card in cards:
            assert card.channel is Channel.POSTAL
            assert (card.earliest, card.suggested) == (at(2024, 7, 2, 15), at(2024, 7, 2, 16))
            assert card.latest.date() == at(2024, 7, 2).date()
            assert card.latest > at(2024, 7, 2, 23, 59)


class TestACardMayArriveAfterTheDecision:
    """Seed 002: a mailed card may arrive after the decision.  Delivered two business days
    after it is posted (first-class post, the library's own estimate), counted with the
    policy's holidays; arriving on the decision day itself is too late to count (words26c:
    the r22 readers in all four languages, a card posted two days before the decision)."""

    @pytest.mark.parametrize(
        ("starts", "holidays", "immediately", "decided", "late"),
        [
            # posted Tue 2 July on the way home: arrives Thu 4
            (2, None, True, date(2024, 7, 4), True),
            (2, None, True, date(2024, 7, 5), False),
            # posted Wed 3 July: Thu 4 is Independence Day, so it arrives Mon 8
            (2, "US", False, date(2024, 7, 8), True),
            (2, "US", False, date(2024, 7, 9), False),
            # a Wed 3 July interview: posted Fri 5 (the 4th is no business day), arrives Tue 9
            (3, "US", False, date(2024, 7, 9), True),
            (3, "US", False, date(2024, 7, 10), False),
        ],
    )
    def test_it_is_marked_when_it_arrives_after_the_decision(
        self, starts: int, holidays: str | None, immediately: bool, decided: date, late: bool
    ) -> None:
        policy = Policy(
            thank_you_channel=Channel.POSTAL, holidays=holidays, mail_card_immediately=immediately
        )
        iv = interview(starts_at=at(2024, 7, starts, 14), decision_by=decided)
        cards = of_kind(plan(iv, policy), ActionKind.THANK_YOU)
        assert len(cards) == 2
        for card in cards:
            assert card.channel is Channel.POSTAL
            assert (card.rule, card.sources) == (rules.THANK_YOU.id, rules.THANK_YOU.sources)
            assert card.facts.arrives_after_decision is late
        assert [card.facts.variant for card in cards] == [0, 1]


RITA = Recruiter(
    "Rita Cole", agency="SelecSource", phone="+1 404 555 0199", email="rita@agency.example"
)


class TestRecruiterAfterHours:
    """Rule recruiter (seed 000: as soon as possible): with less than 30 minutes of the
    recruiter's business day left when the interview ends, or none, the debrief goes by
    e-mail that evening, offering a call (`Fallback.AFTER_HOURS`)."""

    @staticmethod
    def _debrief(iv: Interview, policy: Policy | None = None) -> Any:
        (debrief,) = of_kind(plan(iv, policy or Policy()), ActionKind.RECRUITER_DEBRIEF)
        return debrief

    @pytest.mark.parametrize(
        ("starts", "ends"),
        [
            (at(2024, 7, 2, 15, 45), at(2024, 7, 2, 16, 45)),  # 15 minutes of their day left
            (at(2024, 7, 2, 19, 30), at(2024, 7, 2, 20, 30)),  # their day over (00:30 UTC)
        ],
    )
    def test_late_in_their_day_it_is_an_email_that_evening(
        self, starts: object, ends: object
    ) -> None:
        policy = Policy(salutation=Salutation.FIRST_NAME)
        debrief = self._debrief(interview(starts_at=starts, recruiter=RITA), policy)
        assert (debrief.kind, debrief.recipient, debrief.channel) == (
            ActionKind.RECRUITER_DEBRIEF,
            RITA,
            Channel.EMAIL,
        )
        assert (debrief.rule, debrief.sources) == (rules.RECRUITER.id, rules.RECRUITER.sources)
        assert debrief.template == "recruiter_debrief_email"
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            ends,
            ends + timedelta(hours=4),  # Policy.recruiter_debrief_within
            ends + timedelta(minutes=15),
        )
        assert debrief.suggested.timezone_name == NY
        assert (debrief.facts.fallback, debrief.facts.salutation) == (
            Fallback.AFTER_HOURS,
            Salutation.FIRST_NAME,
        )

    def test_its_deadline_is_never_before_its_suggested_moment(self) -> None:
        """Due within 5 minutes: the e-mail still has the 15 minutes it is suggested after."""
        policy = Policy(recruiter_debrief_within=timedelta(minutes=5))
        debrief = self._debrief(interview(starts_at=at(2024, 7, 2, 19), recruiter=RITA), policy)
        assert debrief.latest == debrief.suggested == at(2024, 7, 2, 20, 15)

    def test_with_30_minutes_left_it_is_still_a_call(self) -> None:
        debrief = self._debrief(interview(starts_at=at(2024, 7, 2, 15, 30), recruiter=RITA))
        assert (debrief.channel, debrief.facts.fallback) == (Channel.PHONE, None)
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            at(2024, 7, 2, 16, 30),
            at(2024, 7, 2, 17),
            at(2024, 7, 2, 16, 45),
        )

    def test_a_recruiter_whose_morning_is_new_york_s_night_is_called_then(self) -> None:
        """Rita in Tokyo: the interview ends at 04:00 her time, before her day opens, on the
        same day: a call at 08:15 Tokyo time (23:15 UTC the day before), not an e-mail."""
        tokyo = "Asia/Tokyo"
        rita = Recruiter(
            "Rita Cole", phone="+81 3 5550 0199", email="rita@agency.example", timezone=tokyo
        )
        debrief = self._debrief(interview(recruiter=rita))
        assert (debrief.channel, debrief.facts.fallback) == (Channel.PHONE, None)
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            at(2024, 7, 3, 8, tz=tokyo),
            at(2024, 7, 3, 12, tz=tokyo),
            at(2024, 7, 3, 8, 15, tz=tokyo),
        )
        assert (debrief.rule, debrief.sources) == (rules.RECRUITER.id, rules.RECRUITER.sources)
        assert debrief.template == "recruiter_debrief_call"


ASKED = [*NOTES, Update(at(2024, 7, 8, 9), Outcome.FEEDBACK_REQUESTED)]
"""The standard interview's notes sent, then the employer asks for feedback on Mon 8 July
2024, 09:00: the answer is due by the close of Wednesday's send window, 17:00."""


def _answer(history: list[object], now: object = None) -> tuple[object, object, object]:
    (step,) = of_kind(plan(IV, history=history, now=now), ActionKind.FEEDBACK_RESPONSE)  # type: ignore[arg-type]
    return step.earliest, step.latest, step.suggested


class TestFeedbackResponseSnoozedOrSeenLater:
    """Rule feedback-response: answer soonest first.  A snooze moves the moment suggested
    (its window still runs from their request); seen from a later *now*, the window starts
    then."""

    def test_unsnoozed_it_is_at_once(self) -> None:
        assert _answer(ASKED) == (at(2024, 7, 8, 9), at(2024, 7, 10, 17), at(2024, 7, 8, 9))

    @pytest.mark.parametrize(
        ("until", "suggested"),
        [
            (at(2024, 7, 8, 12), at(2024, 7, 8, 12)),  # inside the send window
            (at(2024, 7, 8, 18), at(2024, 7, 9, 8)),  # after it: the next morning's
        ],
    )
    def test_a_snooze_moves_the_moment_suggested(self, until: object, suggested: object) -> None:
        (answer,) = ids_of(ActionKind.FEEDBACK_RESPONSE, ASKED)
        snoozed = [*ASKED, Snooze(at(2024, 7, 8, 10), answer, until)]
        assert _answer(snoozed) == (at(2024, 7, 8, 9), at(2024, 7, 10, 17), suggested)

    @pytest.mark.parametrize(
        ("now", "suggested"),
        [
            (at(2024, 7, 8, 12), at(2024, 7, 8, 12)),
            (at(2024, 7, 8, 18), at(2024, 7, 9, 8)),
        ],
    )
    def test_seen_later_its_window_starts_then(self, now: object, suggested: object) -> None:
        assert _answer(ASKED, now=now) == (now, at(2024, 7, 10, 17), suggested)

    def test_a_snooze_past_now_holds(self) -> None:
        (answer,) = ids_of(ActionKind.FEEDBACK_RESPONSE, ASKED)
        snoozed = [*ASKED, Snooze(at(2024, 7, 8, 10), answer, at(2024, 7, 9, 12))]
        assert _answer(snoozed, now=at(2024, 7, 8, 12)) == (
            at(2024, 7, 8, 12),
            at(2024, 7, 10, 17),
            at(2024, 7, 9, 12),
        )


class TestACheckInFollowsTheHistory:
    def test_never_before_the_latest_event(self) -> None:
        """The first check-in (a call, Thu 11 July 10:00-11:30) is past when the history's
        latest event, Bo's note skipped, is recorded on Fri 12 July at 09:00: the call is
        planned that day, not in the past."""
        bo = ids_of(ActionKind.THANK_YOU)[1]
        history = [NOTES[0], Skip(at(2024, 7, 12, 9), bo)]
        first = of_kind(plan(IV, history=history), ActionKind.CHECK_IN)[0]
        assert first.channel is Channel.PHONE
        assert (first.earliest, first.latest) == (at(2024, 7, 12, 10), at(2024, 7, 12, 11, 30))


class TestInRoomMoments:
    """Rules closing, timeline, permission and cards: each step at its share of the way into
    the interview (80%, 85%, 90%; the cards from 95%, spread before 99%), with its own
    talking points (the kind's name) and the articles behind it."""

    def test_in_person(self) -> None:
        steps = rules.in_room(interview())  # Tue 2 July 2024, 14:00-15:00
        assert [(s.kind, s.template, s.suggested, s.sources) for s in steps] == [
            (
                ActionKind.CLOSING_STATEMENT,
                "closing_statement",
                at(2024, 7, 2, 14, 48),
                rules.CLOSING.sources,
            ),
            (
                ActionKind.ASK_TIMELINE,
                "ask_timeline",
                at(2024, 7, 2, 14, 51),
                rules.TIMELINE.sources,
            ),
            (
                ActionKind.ASK_PERMISSION,
                "ask_permission",
                at(2024, 7, 2, 14, 54),
                rules.PERMISSION.sources,
            ),
            (
                ActionKind.ASK_FOR_CARDS,
                "ask_for_cards",
                at(2024, 7, 2, 14, 57),
                rules.CARDS.sources,
            ),
            (
                ActionKind.ASK_FOR_CARDS,
                "ask_for_cards",
                at(2024, 7, 2, 14, 57).add(minutes=1, seconds=12),
                rules.CARDS.sources,
            ),
        ]

    def test_remote_the_closing_also_cites_the_cards_articles(self) -> None:
        """After a video interview the closing asks for what a card would give (rule cards);
        the other steps cite their own articles only."""
        steps = rules.in_room(interview(format=InterviewFormat.VIDEO))
        merged = tuple(sorted({*rules.CLOSING.sources, *rules.CARDS.sources}))
        assert [(s.kind, s.suggested, s.sources) for s in steps] == [
            (ActionKind.CLOSING_STATEMENT, at(2024, 7, 2, 14, 48), merged),
            (ActionKind.ASK_TIMELINE, at(2024, 7, 2, 14, 51), rules.TIMELINE.sources),
            (ActionKind.ASK_PERMISSION, at(2024, 7, 2, 14, 54), rules.PERMISSION.sources),
        ]


class TestNotesGreetAsThePolicySays:
    @pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.POSTAL])
    def test_every_note_carries_the_salutation_and_what_was_asked(self, channel: Channel) -> None:
        policy = Policy(thank_you_channel=channel, salutation=Salutation.FIRST_NAME)
        iv = interview(interviewers=[ANA, ASKED_BO])
        notes = of_kind(plan(iv, policy), ActionKind.THANK_YOU)
        assert [note.channel for note in notes] == [channel, channel]
        assert [note.facts.salutation for note in notes] == [Salutation.FIRST_NAME] * 2
        assert [note.facts.variant for note in notes] == [0, 1]
        assert [note.facts.requested for note in notes] == [(), ASKED_BO.requested]


class TestThankYouDueAsTheyWake:
    def test_a_deadline_at_their_first_waking_moment_is_kept(self) -> None:
        """Friday 21:00-22:00, due within 9 hours: 07:00 Saturday, the deadline itself, is
        the first waking moment: the note is suggested then, not at 23:00 in their night."""
        policy = Policy(thank_you_within=timedelta(hours=9))
        notes = of_kind(
            plan(interview(starts_at=at(2024, 7, 5, 21)), policy), ActionKind.THANK_YOU
        )
        assert len(notes) == 2
        for note in notes:
            assert note.suggested == note.latest == at(2024, 7, 6, 7)


class TestOnlyNightLeftBeforeTheDeadline:
    def test_the_agenda_offers_the_next_send_window_moment(self) -> None:
        """Seen at 23:45 after a 22:30 end, a note due by 01:30 has only night left: the
        agenda offers the next send-window moment, 08:00 (the library's own rule,
        `rules.sending_moment`), not merely the next waking one, 07:00."""
        iv = interview(starts_at=at(2024, 7, 2, 21, 30))
        policy = Policy(thank_you_within=timedelta(hours=3))
        seen = agenda(iv, policy, now=at(2024, 7, 2, 23, 45))
        notes = [item for item in seen.due if item.action.kind is ActionKind.THANK_YOU]
        assert len(notes) == 2
        for item in notes:
            assert item.action.latest == at(2024, 7, 3, 1, 30)
            assert (item.doable_at, item.to_do) == (at(2024, 7, 3, 8), False)


class TestALateNoteOnItsRecipientsClock:
    def test_the_late_limit_is_the_close_of_their_send_window(self) -> None:
        """Rule thank-you: a note sent late is still worth sending until the close of the
        recipient's send window two business days after its own closed.  Bo, in London,
        seen on Fri 5 July at 10:00 New York time (15:00 his): until 17:00 London time,
        not 17:00 New York time; Ana's until 17:00 New York time."""
        iv = interview(interviewers=[ANA, attrs.evolve(BO, timezone="Europe/London")])
        late = of_kind(plan(iv, now=at(2024, 7, 5, 10)), ActionKind.THANK_YOU)
        assert [(n.recipient.name, n.earliest, n.latest) for n in late] == [
            ("Ana Ruiz", at(2024, 7, 5, 10), at(2024, 7, 5, 17)),
            ("Bo Chen", at(2024, 7, 5, 10), at(2024, 7, 5, 17, tz="Europe/London")),
        ]
        assert all(note.late_since is not None for note in late)


class TestMoot:
    """`rules.moot`: whether a late one-time step lost its point to what happened since."""

    def test_with_nothing_since_only_the_room_s_steps_are_moot(self) -> None:
        """A step of the room is never done after the interview, whatever happened; a
        note or a debrief with nothing new since is still worth sending late."""
        state = make_state()
        steps = plan(interview())
        room = [step for step in steps if step.channel is Channel.IN_PERSON]
        assert len(room) == 5
        assert all(rules.moot(step, state) for step in room)
        notes = of_kind(steps, ActionKind.THANK_YOU)
        assert notes
        assert not any(rules.moot(note, state) for note in notes)


class TestNightJudgedOnTheWholeCallWindow:
    def test_what_is_left_of_a_night_window_is_still_an_email(self) -> None:
        """Calls 09:30-11:30 in New York are 06:30-08:30 for a Los Angeles candidate: an
        e-mail (`Fallback.NIGHT`).  Seen at 10:45, what is left (07:45-08:30 theirs) is in
        their day, but the decision is the day's whole window's, whenever the plan is
        made: still an e-mail, from then."""
        iv = interview(
            decision_by=at(2024, 7, 10).date(),
            candidate=Candidate(
                "Léa Martin", email="lea@example.com", timezone="America/Los_Angeles"
            ),
        )
        policy = Policy(call_window="09:30-11:30")
        notes = [a.done() for a in of_kind(plan(iv, policy), ActionKind.THANK_YOU)]
        for now, opens in [(None, at(2024, 7, 11, 8)), (at(2024, 7, 11, 10, 45), None)]:
            first = of_kind(plan(iv, policy, history=notes, now=now), ActionKind.CHECK_IN)[0]
            assert (first.channel, first.facts.fallback) == (Channel.EMAIL, Fallback.NIGHT)
            assert first.earliest == (opens or now)
            assert first.latest == at(2024, 7, 11, 17)


def _check_in_facts(iv: Interview, policy: Policy) -> list[tuple[object, ...]]:
    return [
        (
            step.channel,
            step.facts.attempt,
            step.facts.attempts_left,
            step.facts.call_basis,
            step.facts.calls_left,
            step.facts.call_number,
            step.facts.asks_next_steps,
        )
        for step in of_kind(plan(iv, policy), ActionKind.CHECK_IN)
    ]


class TestCheckInFacts:
    """What a check-in's message is told: its attempt and those left after it, why it may
    call, the calls left after it and its own number, whether it asks the next steps."""

    @pytest.mark.parametrize(
        ("max_calls", "expected"),
        [
            (
                1,
                [
                    (Channel.PHONE, 1, 2, CallBasis.TIMEFRAME, 0, 1, False),
                    (Channel.EMAIL, 2, 1, None, 0, 0, False),
                    (Channel.EMAIL, 3, 0, None, 0, 0, False),
                ],
            ),
            (
                2,
                [
                    (Channel.PHONE, 1, 2, CallBasis.TIMEFRAME, 1, 1, False),
                    (Channel.PHONE, 2, 1, CallBasis.TIMEFRAME, 0, 2, False),
                    (Channel.EMAIL, 3, 0, None, 0, 0, False),
                ],
            ),
        ],
    )
    def test_calls_counted(self, max_calls: int, expected: list[tuple[object, ...]]) -> None:
        iv = interview(decision_by=at(2024, 7, 10).date())
        assert _check_in_facts(iv, Policy(max_calls=max_calls)) == expected

    def test_without_a_date_only_the_first_asks_the_next_steps(self) -> None:
        assert _check_in_facts(interview(), Policy()) == [
            (Channel.EMAIL, 1, 2, None, 1, 0, True),
            (Channel.EMAIL, 2, 1, None, 1, 0, False),
            (Channel.EMAIL, 3, 0, None, 1, 0, False),
        ]

    def test_a_single_check_in_is_the_close_and_does_not_ask(self) -> None:
        """Rule next-steps: the graceful close only asks where things stand (no seed 002),
        even when it is the first check-in."""
        (step,) = of_kind(plan(interview(), Policy(max_check_ins=1)), ActionKind.CHECK_IN)
        assert step.template == "next_steps_email"
        assert (step.facts.attempts_left, step.facts.asks_next_steps) == (0, False)
        assert "002" not in " ".join(step.sources)

    def test_an_email_check_in_is_never_before_the_latest_event(self) -> None:
        """Bo, the contact, has no number: the first check-in is an e-mail from Tue 9 July
        08:00.  Ana's note skipped on the 9th at 12:00, the latest event: the check-in is
        planned after it (the next business morning), never before it."""
        iv = interview(interviewers=[BO, ANA])
        schedule = plan(iv)
        ids = dict(zip(schedule, action_ids(schedule, iv, []), strict=True))
        bo_note, ana_note = of_kind(schedule, ActionKind.THANK_YOU)
        history = [bo_note.done(), Skip(at(2024, 7, 9, 12), ids[ana_note])]
        first = of_kind(plan(iv, history=history), ActionKind.CHECK_IN)[0]
        assert (first.channel, first.earliest) == (Channel.EMAIL, at(2024, 7, 10, 8))


class TestFeedbackAnswerOnTheContactsCalendar:
    def test_their_request_is_dated_on_their_day(self) -> None:
        """Ana, in Tokyo, asks for feedback at 12:00 New York time on Mon 8 July: 01:00 on
        Tuesday the 9th for her.  The answer's facts date her request the 9th."""
        iv = interview(interviewers=[attrs.evolve(ANA, timezone="Asia/Tokyo"), BO])
        notes = [a.done() for a in of_kind(plan(iv), ActionKind.THANK_YOU)]
        history = [*notes, Update(at(2024, 7, 8, 12), Outcome.FEEDBACK_REQUESTED)]
        (answer,) = of_kind(plan(iv, history=history), ActionKind.FEEDBACK_RESPONSE)
        assert (answer.facts.news, answer.facts.news_on) == (
            Outcome.FEEDBACK_REQUESTED,
            date(2024, 7, 9),
        )
