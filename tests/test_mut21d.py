"""Twenty-first mutation pass (mut21d): `facts`, `limits`, `audit`, `agenda`, `timeframe`.

Behaviour the surviving mutants showed no test pinned, each as a user meets it.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Agenda,
    Application,
    Candidate,
    Channel,
    Contact,
    InvalidArgument,
    Outcome,
    Policy,
    Skip,
    Standing,
    Update,
    Violation,
    agenda,
    audit,
    audit_many,
    limits,
    plan,
)
from followup_rules import _calendar as cal

from .factories import NY, at, interview, make_state, of_kind

NEW_YORK = cal.zone(NY)
CHECK_IN = ActionKind.CHECK_IN
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
        """With a gap of one business day the skip's sentence counts it in the singular,
        as patience's does (`test_audit_details`: "(1 business day, ...")."""
        history = [Skip(at(2024, 7, 9, 12), _first_check_in_id())]
        state = make_state(history, policy=Policy(min_gap=1))
        assert limits.SKIPPED.explain(state, date(2024, 7, 9), NEW_YORK) == (
            "check-in on 2024-07-09, within 1 business day of the check-in skipped on 2024-07-09"
        )

    def test_the_feedback_request_waits_for_the_next_business_day(self) -> None:
        """limits.ANSWERS_NEWS's sentence (for an app that judges by it)."""
        state = make_state([Update(at(2024, 7, 3, 12), Outcome.REJECTED)])
        said = limits.ANSWERS_NEWS.explain(state, date(2024, 7, 3), NEW_YORK)
        assert said == "a feedback request on 2024-07-03, before the business day after the news"


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


ME = Candidate("Sam Lee", email="sam@example.com")


def _round(starts: Any, *history: Contact) -> Application:
    """An interview of Sam's at Acme with Ana the contact, and the contacts made since."""
    made = interview(starts_at=starts, decision_by=date(2024, 7, 10), candidate=ME)
    return Application(made, history=history, name=f"round {starts.day}")


def _check_in(day: int, to: str | None = "Ana Ruiz", kind: ActionKind = CHECK_IN) -> Contact:
    return Contact(at(2024, 7, day, 10), Channel.EMAIL, kind=kind, recipient=to)


def _added(applications: list[Application]) -> list[list[Violation]]:
    """What `audit_many` finds of each application beyond what `audit` finds of it alone."""
    together = audit_many(applications)
    return [
        [found for found in each if found not in audit(app.interview, app.history)]
        for app, each in zip(applications, together, strict=True)
    ]


class TestAuditManyReadsEveryOtherApplication:
    def test_a_file_listed_first_sees_a_contact_made_before_its_own(self) -> None:
        """The first file's check-in on Mon 15 July comes one business day after the
        second file's of Fri 12 July to the same person: too soon, whatever the order."""
        first = _round(at(2024, 7, 2, 14), _check_in(15))
        second = _round(at(2024, 7, 3, 10), _check_in(12))
        (added,), none = _added([first, second])
        assert none == []
        assert added.rule == "retry-gap"
        assert "another application" in added.message

    def test_a_later_contact_elsewhere_hides_no_earlier_one(self) -> None:
        """Three files: the second's contact after the first's does not hide the third's
        before it."""
        first = _round(at(2024, 7, 2, 14), _check_in(15))
        second = _round(at(2024, 7, 3, 10), _check_in(22))
        third = _round(at(2024, 7, 3, 16), _check_in(12))
        (added,), none, nothing = _added([first, second, third])
        assert (none, nothing) == ([], [])
        assert added.rule == "retry-gap"
        assert "2024-07-12" in added.message

    def test_a_thank_you_elsewhere_is_no_follow_up(self) -> None:
        """A thank-you note in another file keeps no gap: only follow-ups do."""
        first = _round(at(2024, 7, 2, 14), _check_in(11, kind=ActionKind.THANK_YOU))
        second = _round(at(2024, 7, 3, 10), _check_in(12))
        assert _added([first, second]) == [[], []]

    def test_a_check_in_to_someone_else_is_another_thread(self) -> None:
        """A check-in to Bo in one file and to Ana in the other the next day: no gap."""
        first = _round(at(2024, 7, 2, 14), _check_in(11, to="Bo Chen"))
        second = _round(at(2024, 7, 3, 10), _check_in(12))
        assert _added([first, second]) == [[], []]

    def test_a_check_in_to_nobody_named_went_to_the_contact(self) -> None:
        """A check-in recorded without a recipient went to Ana: the other file's check-in
        to her the next business day is too soon."""
        first = _round(at(2024, 7, 2, 14), _check_in(11, to=None))
        second = _round(at(2024, 7, 3, 10), _check_in(12))
        none, (added,) = _added([first, second])
        assert none == []
        assert added.rule == "retry-gap"


def test_a_thank_you_sent_mid_interview_says_when_it_went_and_when_it_ended() -> None:
    """The audit's sentence names the note's moment and the interview's end, each on
    the clock it was given in."""
    iv = interview()
    early = Contact(at(2024, 7, 2, 14, 20), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
    (found,) = audit(iv, [early])
    assert found.message == (
        "thank-you sent 2024-07-02 14:20 EDT, before the interview ended "
        "(2024-07-02 15:00 EDT): it thanks for a conversation not yet over"
    )


def _view(day: Agenda) -> list[tuple[str, str, bool]]:
    return [(item.id, item.standing.value, item.to_do) for item in day]


class TestAgendaInTheCandidatesWords:
    def test_each_standing_has_a_label_in_each_language(self) -> None:
        assert Standing.LATE.label() == "late"
        assert Standing.LATE.label("de") == "verspätet"
        assert {standing.label("fr") for standing in Standing}.isdisjoint(
            {standing.label() for standing in Standing}
        )
        with pytest.raises(InvalidArgument):
            Standing.DUE.label("xx")

    def test_an_item_says_why_and_its_note_in_the_candidates_language(self) -> None:
        """A German-speaking candidate's late thank-you: the item carries "de", and its
        why and note are German when asked in it, English otherwise."""
        iv = interview(candidate=Candidate("Sam Lee", language="de"))
        now = at(2024, 7, 4, 12)
        (late,) = [i for i in agenda(iv, now=now) if i.standing is Standing.LATE][:1]
        assert late.locale == "de"
        assert late.note() == "late: do it as soon as you can"
        assert late.note("de") == "verspätet: so bald wie möglich erledigen"
        assert late.why().startswith("Send one thank-you note per interviewer")
        assert late.why("de") != late.why()
        with pytest.raises(InvalidArgument):
            late.why("xx")

    def test_an_item_says_why_with_its_policys_numbers(self) -> None:
        """The "why" of a check-in names the wait of the policy it was planned under; an
        item made without a policy, the consensus's."""
        iv = interview()
        now = at(2024, 7, 2, 16)
        slow = Policy(wait_without_deadline=9)
        (first, *_) = [i for i in agenda(iv, slow, now=now) if i.action.kind is CHECK_IN]
        assert first.policy is slow
        assert first.why() == (
            "No decision date was given: the first check-in, nine business days after the "
            "interview."
        )
        assert attrs.evolve(first, policy=None).why() == (
            "No decision date was given: the first check-in, five business days after the "
            "interview."
        )


class TestChangesAt:
    """`Agenda.changes_at`: the agenda is the same until then, and differs at it."""

    def test_the_soonest_window_to_close_or_open(self) -> None:
        """At 16:00 after the interview the thank-yous are due until 15:00 the next day; on
        the 4th, late, until 17:00; early on the 11th, the check-in's window opens at 10:00
        (the recipient's clock).  Nothing becomes doable before it; made again at it, the
        agenda gives a later one."""
        iv = interview(decision_by=date(2024, 7, 10))
        expected = [
            (at(2024, 7, 2, 16), at(2024, 7, 3, 15)),
            (at(2024, 7, 4, 12), at(2024, 7, 4, 17)),
            (at(2024, 7, 11, 3), at(2024, 7, 11, 10)),
        ]
        for now, change in expected:
            day = agenda(iv, now=now)
            assert day.changes_at == change
            assert day.changes_at.utcoffset() == timedelta(hours=-4)
            before = agenda(iv, now=change - timedelta(microseconds=1))
            assert [i.to_do for i in before] == [i.to_do for i in day]
            again = agenda(iv, now=change).changes_at
            assert again is not None and again > change
        coming = agenda(iv, now=at(2024, 7, 11, 10))
        assert next(i.to_do for i in coming if i.action.kind is CHECK_IN)

    def test_at_the_last_moment_of_a_window_it_changes_just_after(self) -> None:
        iv = interview(decision_by=date(2024, 7, 10))
        due = next(i for i in agenda(iv, now=at(2024, 7, 2, 16)) if i.standing is Standing.DUE)
        closing = agenda(iv, now=due.action.latest)
        assert closing.changes_at == due.action.latest + timedelta(microseconds=1)
        assert closing.changes_at.utcoffset() == timedelta(hours=-4)  # Ana's clock
        assert _view(agenda(iv, now=closing.changes_at)) != _view(closing)


@pytest.mark.parametrize(
    ("candidate", "locale"),
    [
        (Candidate("Sam Lee", language="fr"), "fr"),
        (Candidate("Sam Lee", timezone="Europe/London"), "en_GB"),
        (Candidate("Sam Lee", timezone="Australia/Sydney"), "en_AU"),
        (Candidate("Sam Lee", timezone="Europe/London", language="de"), "de"),
        (Candidate("Sam Lee"), "en"),
        (None, "en"),
    ],
)
def test_an_agenda_item_carries_the_candidates_locale(
    candidate: Candidate | None, locale: str
) -> None:
    """Their language when given, else English as written where they live (by their own
    zone, not the interview's New York)."""
    iv = interview(candidate=candidate)
    items = list(agenda(iv, now=at(2024, 7, 2, 16)))
    assert items and {item.locale for item in items} == {locale}


class TestAgendaUntilTheDaysEnd:
    def test_a_note_not_sendable_before_then_is_coming_with_its_moment(self) -> None:
        """At 19:00 the thank-yous' windows are open, but e-mail waits for the send window:
        over the rest of the day they are coming, doable at 08:00 the next morning, each
        with the id it has once due (the loop6 trial)."""
        iv = interview(decision_by=date(2024, 7, 10))
        evening = agenda(iv, now=at(2024, 7, 2, 19), until=at(2024, 7, 2, 23, 59))
        notes = [i for i in evening if i.action.kind is ActionKind.THANK_YOU]
        assert [i.standing for i in notes] == [Standing.COMING, Standing.COMING]
        assert all(i.doable_at == at(2024, 7, 3, 8) and not i.to_do for i in notes)
        assert all(i.doable_at and i.doable_at.utcoffset() == timedelta(hours=-4) for i in notes)
        morning = agenda(iv, now=at(2024, 7, 3, 8))
        assert [i.id for i in notes] == [
            i.id for i in morning if i.action.kind is ActionKind.THANK_YOU
        ]
        assert evening.changes_at == at(2024, 7, 3, 8)

    def test_every_item_keeps_its_id_whatever_its_standing(self) -> None:
        """Late, due and coming, an item's id is the step's: the same from one day to the
        next, one per step."""
        iv = interview(decision_by=date(2024, 7, 10))
        ids = {i.action: i.id for i in agenda(iv, now=at(2024, 7, 2, 16))}
        assert len(set(ids.values())) == len(ids) and all(ids.values())
        for now in (at(2024, 7, 4, 12), at(2024, 7, 11, 3), at(2024, 7, 11, 10)):
            for item in agenda(iv, now=now):
                if item.standing is not Standing.SUPERSEDED:
                    assert item.id in ids.values() and item.id.startswith(item.action.kind.value)

    def test_nothing_left_nothing_changes(self) -> None:
        day = agenda(interview(decision_by=date(2024, 7, 10)), now=at(2025, 3, 1))
        assert list(day) == [] and day.changes_at is None

    def test_a_note_sendable_at_that_very_moment_is_due(self) -> None:
        """An agenda until 08:00, the moment the send window opens: the thank-yous can be
        sent by then, so they are due (not yet to do now)."""
        iv = interview(decision_by=date(2024, 7, 10))
        day = agenda(iv, now=at(2024, 7, 2, 19), until=at(2024, 7, 3, 8))
        notes = [i for i in day if i.action.kind is ActionKind.THANK_YOU]
        assert [i.standing for i in notes] == [Standing.DUE, Standing.DUE]
        assert all(i.doable_at == at(2024, 7, 3, 8) and not i.to_do for i in notes)


@pytest.mark.parametrize(
    ("starts", "locale"),
    [
        (datetime(2024, 7, 2, 14, tzinfo=timezone(timedelta(hours=2))), "en"),
        (datetime(2024, 7, 2, 14, tzinfo=ZoneInfo("Europe/London")), "en_GB"),
        (datetime(2024, 7, 2, 14, tzinfo=ZoneInfo("Australia/Perth")), "en_AU"),
    ],
)
def test_a_candidate_without_a_zone_of_their_own_reads_the_interviews(
    starts: datetime, locale: str
) -> None:
    """No zone of the candidate's: the interview's, an IANA zone or a bare offset (which
    names no country: American English)."""
    iv = interview(starts_at=starts, candidate=Candidate("Sam Lee"))
    items = list(agenda(iv, now=starts + timedelta(hours=3)))
    assert items and {item.locale for item in items} == {locale}
