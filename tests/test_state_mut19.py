"""The state fold as a hook, an error and a plan see it (mutation testing, nineteenth pass).

What the earlier tests left unread: the words and values of a refused history, the
fold's own arithmetic (the close, the counts reset by an answer, the step numbers a
Skip keeps), the news read in the interview's zone and on the policy's working week,
and the state's own methods for a hook.  The standard interview (`factories.interview`):
Tue 2 July 2024, 14:00-15:00 in New York, Ana Ruiz the contact, Bo Chen beside her.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timezone

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidHistory,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    Update,
    action_ids,
    plan,
)
from followup_rules.identity import interview_key, person_part
from followup_rules.plan import steps_after_interview
from followup_rules.state import (
    THANKS_KINDS,
    FollowupState,
    advance,
    check_history,
    replay,
    start,
)

from .factories import ANA, BO, at, interview, make_state

RITA = Recruiter("Rita Gomez", agency="Talent Bridge", email="rita@agency.example")
REFUSED_NAME = (
    "is not an interviewer or the recruiter of this interview (they are {known}); {stranger}"
    "if the person was renamed in the interview, write the new name here too, "
    "or rename them everywhere at once{close}"
)
STRANGER = "news from someone not on it is an update without a sender, naming nobody; "


def refused(history: object, **changes: object) -> InvalidHistory:
    with pytest.raises(InvalidHistory) as caught:
        check_history(interview(**changes), history)
    return caught.value


def step_id(kind: ActionKind, history: list[object] | None = None, index: int = 0) -> str:
    """The id of the *index*-th planned step of *kind* after *history*."""
    iv = interview()
    schedule = plan(iv, history=history or [])  # type: ignore[arg-type]
    ids = action_ids(schedule, iv, history or [])  # type: ignore[arg-type]
    return [uid for step, uid in zip(schedule, ids, strict=True) if step.kind is kind][index]


class TestARefusedHistorySaysWhereAndWhy:
    @pytest.mark.parametrize("history", [5, "events", {"at": 1}])
    def test_a_history_that_is_no_sequence(self, history: object) -> None:
        error = refused(history)
        assert (error.field, error.value, error.problem) == (
            "history",
            history,
            "expected a sequence of events",
        )

    def test_too_many_events(self) -> None:
        from followup_rules._validate import MAX_EVENTS

        history = [Reply(at(2024, 7, 3, 9))] * (MAX_EVENTS + 1)
        error = refused(history)
        assert (error.field, error.value, error.problem) == (
            "history",
            history,
            f"more than {MAX_EVENTS} events",
        )

    def test_an_item_that_is_no_event(self) -> None:
        error = refused([Reply(at(2024, 7, 3, 9)), "a reply"])
        assert (error.field, error.value, error.problem) == (
            "history[1]",
            "a reply",
            "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
        )

    def test_an_event_before_the_interview_names_its_start_in_the_events_zone(self) -> None:
        """At 13:00 in New York, 02:00 the next day in Tokyo: the start is said in Tokyo's
        time, the moment the user typed, whatever the machine's zone."""
        early = at(2024, 7, 3, 2, tz="Asia/Tokyo")
        error = refused([Reply(at(2024, 7, 3, 9)), Reply(early)])
        assert (error.field, error.value) == ("history[1].at", early)
        assert error.problem == "is before the interview at 2024-07-03T03:00:00+09:00"

    def test_an_event_at_the_interviews_very_start_is_kept(self) -> None:
        reply = Reply(at(2024, 7, 2, 14))
        assert check_history(interview(), [reply]) == (reply,)


class TestAnUnknownNameIsRefusedWithTheNamesKnown:
    KNOWN = "'Ana Ruiz', 'Bo Chen', 'Rita Gomez'"

    def test_a_reply_from_a_stranger_says_how_to_record_it(self) -> None:
        error = refused([Reply(at(2024, 7, 3, 9), sender="Zed Park")], recruiter=RITA)
        assert (error.field, error.value) == ("history[0].sender", "Zed Park")
        assert error.problem == REFUSED_NAME.format(known=self.KNOWN, stranger=STRANGER, close="")

    def test_a_contact_to_a_stranger_is_not_told_about_news(self) -> None:
        error = refused([Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Zed Park")])
        assert (error.field, error.value) == ("history[0].recipient", "Zed Park")
        known = "'Ana Ruiz', 'Bo Chen'"
        assert error.problem == REFUSED_NAME.format(known=known, stranger="", close="")

    def test_an_auto_reply_from_a_stranger_is_not_news(self) -> None:
        error = refused([OutOfOffice(at(2024, 7, 3, 9), sender="Zed Park")], recruiter=RITA)
        assert error.problem == REFUSED_NAME.format(known=self.KNOWN, stranger="", close="")

    @pytest.mark.parametrize(
        ("typed", "meant"), [("Ana Ruis", "Ana Ruiz"), ("Rita Gomes", "Rita Gomez")]
    )
    def test_a_typo_is_answered_with_the_name_meant(self, typed: str, meant: str) -> None:
        """A typo of an interviewer's or of the recruiter's name: no stranger's advice."""
        error = refused(
            [Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, sender=typed)], recruiter=RITA
        )
        close = f": did you mean {meant!r}?"
        assert error.problem == REFUSED_NAME.format(known=self.KNOWN, stranger="", close=close)

    def test_a_recruiter_who_interviewed_is_listed_once(self) -> None:
        rita = attrs.evolve(BO, name="Rita Gomez")
        error = refused(
            [Reply(at(2024, 7, 3, 9), sender="Zed Park")],
            interviewers=[ANA, rita],
            recruiter=attrs.evolve(RITA),
        )
        known = "'Ana Ruiz', 'Rita Gomez'"
        assert error.problem == REFUSED_NAME.format(known=known, stranger=STRANGER, close="")


def sid(kind: ActionKind, name: str, ordinal: int = 1, **changes: object) -> str:
    """The id of step *ordinal* of *kind* to *name* in `interview(**changes)`."""
    iv = interview(**changes)
    return f"{kind.value}-{person_part(name, iv)}-{ordinal}-{interview_key(iv)}@followup-rules"


def email(day: int, hour: int = 10, **fields: object) -> Contact:
    return Contact(at(2024, 7, day, hour), Channel.EMAIL, **fields)  # type: ignore[arg-type]


class TestAHookReadsTheStateOnTheContactsCalendar:
    @pytest.mark.parametrize(
        ("zone", "moment", "day"),
        [
            # 23:00 UTC on 5 July is the 6th in Tokyo, 19:00 on the 5th in New York
            ("Asia/Tokyo", datetime(2024, 7, 5, 23, tzinfo=timezone.utc), date(2024, 7, 6)),
            # 01:00 UTC on 6 July is still the 5th in New York
            ("America/New_York", datetime(2024, 7, 6, 1, tzinfo=timezone.utc), date(2024, 7, 5)),
        ],
    )
    def test_local_date_is_the_contacts_day_not_the_machines(
        self, zone: str, moment: datetime, day: date
    ) -> None:
        state = make_state(interviewers=[attrs.evolve(ANA, timezone=zone), BO])
        assert state.local_date(moment) == day
        assert state.local(moment).date() == day

    def test_next_key_numbers_a_one_shot_step_under_its_owner(self) -> None:
        """The debrief is the recruiter's, the timeline question the contact's, whoever is
        named; a note is numbered under the person it goes to."""
        state = make_state(recruiter=RITA)
        assert state.next_key(ActionKind.RECRUITER_DEBRIEF) == (
            ActionKind.RECRUITER_DEBRIEF,
            "rita gomez",
            1,
        )
        assert state.next_key(ActionKind.ASK_TIMELINE, "Bo Chen") == (
            ActionKind.ASK_TIMELINE,
            "ana ruiz",
            1,
        )
        assert state.next_key(ActionKind.THANK_YOU, "Bo Chen") == (
            ActionKind.THANK_YOU,
            "bo chen",
            1,
        )


class TestTheFold:
    def test_advance_leaves_the_state_it_is_given_as_it_was(self) -> None:
        before = make_state()
        after = advance(before, Reply(at(2024, 7, 3, 9)))
        assert after is not before
        assert (before.now, before.last_reply) == (None, None)
        assert after.last_reply == datetime(2024, 7, 3, 13, tzinfo=timezone.utc)

    @pytest.mark.parametrize("tz", ["UTC", "Asia/Tokyo", "America/New_York"])
    def test_every_instant_is_a_stdlib_datetime_in_utc(self, tz: str) -> None:
        moment = at(2024, 7, 3, 23, tz=tz)
        state = make_state([Reply(moment)])
        assert state.now is not None
        assert (type(state.now), state.now.tzinfo) == (datetime, timezone.utc)
        assert state.now == moment

    def test_a_reply_starts_the_unanswered_run_again(self) -> None:
        state = make_state([email(10), email(15), Reply(at(2024, 7, 16, 9))])
        assert (state.check_ins, state.check_ins_total, state.closed) == (0, 2, False)

    def test_a_reply_to_the_closing_check_in_does_not(self) -> None:
        closing = make_state([email(10), email(15), email(19)])
        assert (closing.check_ins, closing.closed, closing.check_ins_left) == (3, True, 0)
        state = advance(closing, Reply(at(2024, 7, 22, 9)))
        assert (state.check_ins, state.closed) == (3, True)

    @pytest.mark.parametrize(("made", "closed"), [(1, False), (2, False), (3, True)])
    def test_the_last_check_in_allowed_is_the_close(self, made: int, closed: bool) -> None:
        state = make_state([email(10), email(15), email(19)][:made])
        assert state.closed is closed

    def test_the_close_with_a_lower_limit(self) -> None:
        state = make_state([email(10)], Policy(max_check_ins=1))
        assert state.closed is True

    def test_no_decision_yet_after_the_close_earns_one_more_check_in(self) -> None:
        history = [email(10), email(15), email(19), Update(at(2024, 7, 22, 9), Outcome.UNDECIDED)]
        state = make_state(history)
        assert (state.check_ins, state.check_ins_left, state.closed) == (2, 1, True)

    def test_with_a_single_check_in_allowed_no_decision_yet_earns_it_again(self) -> None:
        history = [email(10), Update(at(2024, 7, 12, 9), Outcome.UNDECIDED)]
        state = make_state(history, Policy(max_check_ins=1))
        assert (state.check_ins, state.check_ins_left, state.closed) == (0, 1, True)

    def test_a_next_round_after_the_close_opens_a_new_run(self) -> None:
        history = [email(10), email(15), email(19), Update(at(2024, 7, 22, 9), Outcome.NEXT_ROUND)]
        state = make_state(history)
        assert (state.check_ins, state.closed) == (0, False)

    def test_a_feedback_request_after_the_close_is_no_answer_to_it(self) -> None:
        history = [
            email(10),
            email(15),
            email(19),
            Update(at(2024, 7, 22, 9), Outcome.FEEDBACK_REQUESTED),
        ]
        state = make_state(history)
        assert (state.check_ins, state.closed, state.feedback_pending) == (
            3,
            True,
            datetime(2024, 7, 22, 13, tzinfo=timezone.utc),
        )

    def test_a_note_to_someone_else_is_not_the_contacts_previous_contact(self) -> None:
        to_ana = email(2, 16, kind=ActionKind.THANK_YOU)
        to_bo = email(2, 17, kind=ActionKind.THANK_YOU, recipient="Bo Chen")
        state = make_state([to_ana, to_bo])
        assert (state.previous, state.last_email) == (to_ana, to_ana)

    def test_the_notes_instant_is_the_latest_thank_you(self) -> None:
        state = make_state([email(2, 17, kind=ActionKind.THANK_YOU)])
        assert state.thanked_at == datetime(2024, 7, 2, 21, tzinfo=timezone.utc)


class TestTheNewsIsSpelledAsTheInterviewSpellsIt:
    @pytest.mark.parametrize(
        ("typed", "kept"), [("bo chen", "Bo Chen"), ("RITA GOMEZ", "Rita Gomez")]
    )
    def test_who_gave_the_news(self, typed: str, kept: str) -> None:
        state = make_state(
            [Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, sender=typed)], recruiter=RITA
        )
        assert state.news_by == kept

    def test_news_without_a_sender_names_nobody(self) -> None:
        state = make_state([Update(at(2024, 7, 3, 9), Outcome.UNDECIDED)], recruiter=RITA)
        assert state.news_by is None

    @pytest.mark.parametrize(
        ("typed", "kept"),
        [("bo chen", "Bo Chen"), ("rita gomez", "Rita Gomez"), ("ana ruiz", None)],
    )
    def test_who_replied(self, typed: str, kept: str | None) -> None:
        state = make_state([Reply(at(2024, 7, 3, 9), sender=typed)], recruiter=RITA)
        assert state.replied_by == kept


class TestTheNewsIsReadInTheInterviewsZone:
    TOKYO_MORNING = at(2024, 7, 5, 9, tz="Asia/Tokyo")
    """The 5th in Tokyo, where the candidate typed it; still the 4th in New York."""

    def test_a_phrase_is_read_from_the_interviews_day(self) -> None:
        update = Update(self.TOKYO_MORNING, Outcome.UNDECIDED, decision_by="in two weeks")
        assert update.decision_by.end == date(2024, 7, 19)  # type: ignore[union-attr]
        state = make_state([update])
        assert state.decision_by == date(2024, 7, 18)
        assert state.timeframe is not None
        assert (state.timeframe.start, state.timeframe.end) == (
            date(2024, 7, 5),
            date(2024, 7, 18),
        )
        assert state.decision_given_at == datetime(2024, 7, 5, tzinfo=timezone.utc)

    def test_the_day_of_a_next_round_is_the_end_of_its_window(self) -> None:
        earlier = Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, decision_by="next week")
        news = Update(self.TOKYO_MORNING, Outcome.NEXT_ROUND, decision_by="in two weeks")
        state = make_state([earlier, news])
        assert state.next_round_on == date(2024, 7, 18)
        assert (state.decision_by, state.timeframe, state.decision_given_at) == (None, None, None)
        assert (state.next_round_at, state.undecided_at) == (
            datetime(2024, 7, 5, tzinfo=timezone.utc),
            None,
        )


ISRAEL = Policy(holidays=("IL", None))


class TestAWeekPhraseIsReadOnThePolicysWorkingWeek:
    def test_the_interviews_own_decision_date(self) -> None:
        """ "Next week" said on Tuesday 2 July: Monday to Friday, or Sunday to Thursday."""
        plain = make_state(decision_by="next week")
        assert (plain.decision_by, plain.timeframe.start) == (date(2024, 7, 12), date(2024, 7, 8))  # type: ignore[union-attr]
        israeli = make_state(policy=ISRAEL, decision_by="next week")
        assert israeli.decision_by == date(2024, 7, 11)
        assert israeli.timeframe is not None
        assert (israeli.timeframe.start, israeli.timeframe.end) == (
            date(2024, 7, 7),
            date(2024, 7, 11),
        )

    def test_an_update_is_read_from_the_day_it_came_in_the_interviews_zone(self) -> None:
        """Saturday 6 July, 21:00 in New York, is already Sunday in UTC: an Israeli week
        begins on Sunday, so "next week" said on the Saturday is the week from the 7th."""
        update = Update(at(2024, 7, 6, 21), Outcome.UNDECIDED, decision_by="next week")
        assert make_state([update]).decision_by == date(2024, 7, 12)
        state = make_state([update], ISRAEL)
        assert state.decision_by == date(2024, 7, 11)
        assert state.timeframe is not None
        assert (state.timeframe.start, state.timeframe.end) == (
            date(2024, 7, 7),
            date(2024, 7, 11),
        )

    def test_a_phrase_of_another_shape_is_not_moved(self) -> None:
        update = Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, decision_by="in two weeks")
        assert make_state([update], ISRAEL).decision_by == make_state([update]).decision_by


class TestAnAutoReplyHoldsOnlyItsSendersSteps:
    @pytest.mark.parametrize("sender", [None, "Ana Ruiz", "ana ruiz"])
    def test_from_the_contact(self, sender: str | None) -> None:
        state = make_state([OutOfOffice(at(2024, 7, 3, 9), sender=sender)])
        assert (state.hold_until, state.out_of_office_at) == (
            date(2024, 7, 11),  # back a week later, Wednesday 10th: one business day after
            datetime(2024, 7, 3, 13, tzinfo=timezone.utc),
        )

    def test_from_someone_else(self) -> None:
        state = make_state([OutOfOffice(at(2024, 7, 3, 9), sender="Bo Chen")])
        assert (state.hold_until, state.out_of_office_at) == (None, None)

    def test_back_on_a_holiday_means_back_the_next_business_day(self) -> None:
        """Back on the 4th of July: the 5th is the first day back, the hold ends on Monday."""
        back = OutOfOffice(at(2024, 7, 3, 9), returns_on=date(2024, 7, 4))
        assert make_state([back]).hold_until == date(2024, 7, 5)
        assert make_state([back], Policy(holidays=("US", None))).hold_until == date(2024, 7, 8)


class TestSkipAndSnoozeInTheFold:
    def test_skipping_a_snoozed_check_in_forgets_its_snooze(self) -> None:
        first = sid(ActionKind.CHECK_IN, "Ana Ruiz")
        later = at(2024, 7, 20, 9)
        snoozed = make_state([Snooze(at(2024, 7, 9, 9), first, later)])
        assert snoozed.snoozed_until((ActionKind.CHECK_IN, "ana ruiz", 1)) == later
        state = make_state(
            [Snooze(at(2024, 7, 9, 9), first, later), Skip(at(2024, 7, 10, 9), first)]
        )
        assert state.snoozes == ()
        assert state.snoozed_until((ActionKind.CHECK_IN, "ana ruiz", 1)) is None
        assert state.skipped_at == datetime(2024, 7, 10, 13, tzinfo=timezone.utc)

    def test_every_skip_keeps_its_step_number(self) -> None:
        history = [
            Skip(at(2024, 7, 9, 9), sid(ActionKind.CHECK_IN, "Ana Ruiz", 1)),
            Skip(at(2024, 7, 10, 9), sid(ActionKind.CHECK_IN, "Ana Ruiz", 2)),
        ]
        state = make_state(history)
        assert state.next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 3)

    def test_next_key_counts_contacts_without_any_skip(self) -> None:
        """A hook asking for the next step's number gets it whatever the history holds."""
        state = make_state([email(10), email(15)])
        assert state.next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 3)
        assert make_state([]).next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 1)

    def test_contacts_take_the_numbers_after_a_skip(self) -> None:
        """Each contact made takes the lowest free number of its kind and person."""
        history = [
            Skip(at(2024, 7, 2, 15, 30), sid(ActionKind.THANK_YOU, "Bo Chen")),
            email(2, 16, kind=ActionKind.THANK_YOU),
            email(10),
            email(15),
            Contact(at(2024, 7, 2, 14, 30), Channel.IN_PERSON, ActionKind.ASK_TIMELINE, "Bo Chen"),
        ]
        state = make_state(history)
        assert state.next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 3)
        assert state.next_key(ActionKind.THANK_YOU) == (ActionKind.THANK_YOU, "ana ruiz", 2)
        assert state.next_key(ActionKind.THANK_YOU, "Bo Chen") == (
            ActionKind.THANK_YOU,
            "bo chen",
            2,
        )
        # the timeline question is the contact's, whoever it was asked of
        assert state.next_key(ActionKind.ASK_TIMELINE) == (ActionKind.ASK_TIMELINE, "ana ruiz", 2)

    def test_a_note_is_numbered_under_the_person_it_went_to(self) -> None:
        history = [
            Skip(at(2024, 7, 2, 15, 30), sid(ActionKind.ASK_FOR_CARDS, "Bo Chen")),
            email(2, 16, kind=ActionKind.THANK_YOU, recipient="Bo Chen"),
        ]
        state = make_state(history)
        assert state.next_key(ActionKind.THANK_YOU, "Bo Chen") == (
            ActionKind.THANK_YOU,
            "bo chen",
            2,
        )
        assert state.next_key(ActionKind.THANK_YOU) == (ActionKind.THANK_YOU, "ana ruiz", 1)

    def test_a_skipped_feedback_answer_is_no_longer_pending(self) -> None:
        asked = Update(at(2024, 7, 3, 9), Outcome.FEEDBACK_REQUESTED)
        skip = Skip(at(2024, 7, 3, 10), sid(ActionKind.FEEDBACK_RESPONSE, "Ana Ruiz"))
        assert make_state([asked]).feedback_pending is not None
        assert make_state([asked, skip]).feedback_pending is None

    def test_a_skipped_one_shot_step_is_done_whoever_it_would_have_asked(self) -> None:
        state = make_state(
            [Skip(at(2024, 7, 2, 14, 30), sid(ActionKind.ASK_TIMELINE, "Ana Ruiz"))]
        )
        assert state.is_done(ActionKind.ASK_TIMELINE)
        assert state.is_done(ActionKind.ASK_TIMELINE, "Bo Chen")
        assert state.done == frozenset({(ActionKind.ASK_TIMELINE, "")})


def skip_refused(history: list[object], policy: Policy | None = None) -> InvalidHistory:
    with pytest.raises(InvalidHistory) as caught:
        make_state(history, policy)  # type: ignore[arg-type]
    return caught.value


ANA_NAME = "Ana Ruiz"
REJECTED = Update(at(2024, 7, 3, 9), Outcome.REJECTED)


class TestASkipOfAStepNotPlannedIsRefusedWithWhy:
    def test_a_second_thank_you_to_the_same_person_is_already_done(self) -> None:
        second = sid(ActionKind.THANK_YOU, ANA_NAME, 2)
        error = skip_refused(
            [email(2, 16, kind=ActionKind.THANK_YOU), Skip(at(2024, 7, 2, 17), second)]
        )
        assert (error.field, error.value, error.problem) == (
            "history[1].step",
            second,
            "is already done or skipped",
        )

    def test_a_step_skipped_twice(self) -> None:
        first = sid(ActionKind.THANK_YOU, ANA_NAME)
        error = skip_refused([Skip(at(2024, 7, 2, 15), first), Skip(at(2024, 7, 2, 16), first)])
        assert (error.field, error.value, error.problem) == (
            "history[1].step",
            first,
            "is already done or skipped",
        )

    @pytest.mark.parametrize(
        "step",
        [
            sid(ActionKind.THANK_YOU, ANA_NAME, 2),
            sid(ActionKind.RECRUITER_DEBRIEF, ANA_NAME),  # no recruiter: no debrief
        ],
    )
    def test_a_one_time_step_the_interview_does_not_plan(self, step: str) -> None:
        error = skip_refused([Skip(at(2024, 7, 2, 15), step)])
        assert (error.field, error.value, error.problem) == (
            "history[0].step",
            step,
            "is not a step planned for this interview",
        )

    def test_a_check_in_to_someone_else(self) -> None:
        step = sid(ActionKind.CHECK_IN, "Bo Chen")
        error = skip_refused([Skip(at(2024, 7, 2, 15), step)])
        assert error.problem == (
            "is not a step planned for this interview (follow-ups go to the contact)"
        )

    def test_a_check_in_past_the_limit(self) -> None:
        step = sid(ActionKind.CHECK_IN, ANA_NAME, 4)
        error = skip_refused([Skip(at(2024, 7, 2, 15), step)])
        assert (error.value, error.problem) == (
            step,
            "is not a check-in still planned at that point",
        )

    def test_after_a_skip_the_planned_check_ins_are_the_next_free_numbers(self) -> None:
        """Skipping the first leaves three to plan: 2, 3 and 4."""
        history = [
            Skip(at(2024, 7, 9, 9), sid(ActionKind.CHECK_IN, ANA_NAME, 1)),
            Skip(at(2024, 7, 10, 9), sid(ActionKind.CHECK_IN, ANA_NAME, 4)),
        ]
        assert make_state(history).next_key(ActionKind.CHECK_IN)[2] == 2

    def test_a_feedback_answer_with_no_request_open(self) -> None:
        step = sid(ActionKind.FEEDBACK_RESPONSE, ANA_NAME)
        error = skip_refused([Skip(at(2024, 7, 2, 15), step)])
        assert (error.value, error.problem) == (
            step,
            "is not an answer to a feedback request still open at that point",
        )

    def test_a_feedback_answer_numbered_past_the_next(self) -> None:
        asked = Update(at(2024, 7, 3, 9), Outcome.FEEDBACK_REQUESTED)
        error = skip_refused(
            [asked, Skip(at(2024, 7, 3, 10), sid(ActionKind.FEEDBACK_RESPONSE, ANA_NAME, 2))]
        )
        assert error.problem == "is not an answer to a feedback request still open at that point"

    def test_the_feedback_request_after_a_rejection_may_be_skipped(self) -> None:
        skip = Skip(at(2024, 7, 3, 10), sid(ActionKind.FEEDBACK_REQUEST, ANA_NAME))
        assert make_state([REJECTED, skip]).next_key(ActionKind.FEEDBACK_REQUEST)[2] == 2
        # the last contact the lifetime limit allows
        assert (
            make_state([email(3, 8), REJECTED, skip], Policy(max_contacts_ever=2)).now is not None
        )

    @pytest.mark.parametrize(
        ("history", "policy"),
        [
            ([], None),  # no rejection
            ([REJECTED], Policy(ask_feedback_on_rejection=False)),
            ([REJECTED, email(3, 11, kind=ActionKind.FEEDBACK_REQUEST)], None),  # asked already
            ([email(3, 8), REJECTED], Policy(max_contacts_ever=1)),  # no contact left
        ],
    )
    def test_a_feedback_request_not_planned(
        self, history: list[object], policy: Policy | None
    ) -> None:
        ordinal = 2 if len(history) == 2 and policy is None else 1
        step = sid(ActionKind.FEEDBACK_REQUEST, ANA_NAME, ordinal)
        error = skip_refused([*history, Skip(at(2024, 7, 3, 12), step)], policy)
        assert (error.field, error.value, error.problem) == (
            f"history[{len(history)}].step",
            step,
            "is not a feedback request planned at that point",
        )

    def test_a_feedback_request_numbered_past_the_next(self) -> None:
        step = sid(ActionKind.FEEDBACK_REQUEST, ANA_NAME, 2)
        error = skip_refused([REJECTED, Skip(at(2024, 7, 3, 12), step)])
        assert error.problem == "is not a feedback request planned at that point"

    def test_the_error_names_the_event_where_the_history_gave_it(self) -> None:
        """Written out of order: the bad skip is the first entry as given."""
        bad = Skip(at(2024, 7, 10, 9), sid(ActionKind.CHECK_IN, "Bo Chen"))
        with pytest.raises(InvalidHistory) as caught:
            plan(interview(), history=[bad, email(3), email(2, 16, kind=ActionKind.THANK_YOU)])
        assert caught.value.field == "history[0].step"


class TestTheFoldOutsideAHistory:
    """`advance` and `replay` called by themselves, as a hook's test may: with no
    position the error names the event's type; with no steps the numbers are kept."""

    def test_a_skip_of_another_interviews_step(self) -> None:
        state = make_state([Skip(at(2024, 7, 3, 9), sid(ActionKind.CHECK_IN, ANA_NAME))])
        foreign = sid(ActionKind.CHECK_IN, ANA_NAME, company="Other Co")
        with pytest.raises(InvalidHistory) as caught:
            advance(state, Skip(at(2024, 7, 4, 9), foreign))
        assert (caught.value.field, caught.value.value) == ("Skip.step", foreign)
        assert caught.value.problem.startswith("is not a step of this interview (its steps' ids")

    def test_a_snooze_of_a_step_done(self) -> None:
        first = sid(ActionKind.CHECK_IN, ANA_NAME)
        state = make_state([Skip(at(2024, 7, 3, 9), first)])
        with pytest.raises(InvalidHistory) as caught:
            advance(state, Snooze(at(2024, 7, 4, 9), first, at(2024, 7, 20)))
        assert (caught.value.field, caught.value.value, caught.value.problem) == (
            "Snooze.step",
            first,
            "is already done or skipped",
        )

    def test_replay_without_the_steps_still_numbers_them(self) -> None:
        iv = interview()
        history = check_history(
            iv, [Skip(at(2024, 7, 3, 9), sid(ActionKind.CHECK_IN, ANA_NAME)), email(10)]
        )
        state = replay(iv, Policy(), history, [])
        assert state.next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 3)
        # a one-time step is checked against no list: the thank-you to Bo may be skipped
        skip = Skip(at(2024, 7, 11, 9), sid(ActionKind.THANK_YOU, "Bo Chen"))
        assert advance(state, skip).is_done(ActionKind.THANK_YOU, "Bo Chen")

    def test_replay_without_the_steps_numbers_the_contacts_before_the_first_skip(self) -> None:
        iv = interview()
        history = check_history(
            iv, [email(10), Skip(at(2024, 7, 12, 9), sid(ActionKind.CHECK_IN, ANA_NAME, 2))]
        )
        state = replay(iv, Policy(), history, [])
        assert state.next_key(ActionKind.CHECK_IN) == (ActionKind.CHECK_IN, "ana ruiz", 3)


class TestTheStartState:
    def test_the_interviews_window_is_kept_with_its_end(self) -> None:
        state = make_state(decision_by="in two weeks")
        assert state.timeframe is not None
        assert (state.decision_by, state.timeframe.end) == (date(2024, 7, 16), date(2024, 7, 16))

    def test_a_date_is_kept_with_no_window(self) -> None:
        state = make_state(decision_by=date(2024, 7, 10))
        assert (state.decision_by, state.timeframe) == (date(2024, 7, 10), None)

    def test_the_notes_set_the_quiet_time_and_the_thanks(self) -> None:
        iv = interview()
        policy = Policy()
        notes = [s for s in steps_after_interview(iv, policy) if s.kind in THANKS_KINDS]
        state = start(iv, policy, notes)
        assert state.quiet_until == max(note._utc[1] for note in notes)
        assert state.thanked_at == max(note._utc[2] for note in notes)
        assert state.quiet_until != state.thanked_at
        assert isinstance(state, FollowupState)


class TestADecisionDateIsCheckedOnTheInterviewsCalendar:
    """`Update` itself refuses only a date before the update's day on every clock (the
    westernmost); the history then checks it against the day in the interview's zone."""

    def test_a_date_before_the_day_in_new_york_is_refused(self) -> None:
        """01:00 on 5 July in New York is still the 4th far west: the Update is made, the
        history refuses it."""
        update = Update(at(2024, 7, 5, 1), Outcome.UNDECIDED, decision_by=date(2024, 7, 4))
        error = refused([Reply(at(2024, 7, 3, 9)), update])
        assert (error.field, error.value, error.problem) == (
            "history[1].decision_by",
            date(2024, 7, 4),
            "is before the update itself on 2024-07-05",
        )

    def test_by_that_very_day_is_kept(self) -> None:
        update = Update(at(2024, 7, 5, 1), Outcome.UNDECIDED, decision_by=date(2024, 7, 5))
        assert check_history(interview(), [update]) == (update,)

    def test_the_day_is_new_yorks_not_utcs(self) -> None:
        """10:00 on 5 July in Tokyo is 01:00 UTC on the 5th, still the 4th in New York: "by
        the 4th" is kept (the candidate wrote it from Tokyo, about New York's day)."""
        update = Update(
            at(2024, 7, 5, 10, tz="Asia/Tokyo"), Outcome.UNDECIDED, decision_by=date(2024, 7, 4)
        )
        assert check_history(interview(), [update]) == (update,)

    def test_a_step_id_refused_says_why(self) -> None:
        foreign = sid(ActionKind.CHECK_IN, ANA_NAME, company="Other Co")
        error = refused([Skip(at(2024, 7, 3, 9), foreign)])
        assert (error.field, error.value) == ("history[0].step", foreign)
        assert error.problem.startswith("is not a step of this interview (its steps' ids end in")


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Set the process's local time zone (TZ), and restore it after the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("zone", ["Pacific/Honolulu", "Asia/Tokyo", "UTC"])
def test_the_machines_zone_changes_nothing(machine_zone: Callable[[str], None], zone: str) -> None:
    """ "By today", written at 01:00 in New York (still the 3rd in Honolulu), is read on
    the interview's calendar whatever zone the machine is set to."""
    machine_zone(zone)
    update = Update(at(2024, 7, 4, 1), Outcome.UNDECIDED, decision_by="today")
    assert check_history(interview(), [update]) == (update,)
    state = make_state([update])
    assert state.decision_by == date(2024, 7, 4)
    assert state.local_date(datetime(2024, 7, 4, 5, tzinfo=timezone.utc)) == date(2024, 7, 4)
