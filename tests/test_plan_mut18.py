"""What `plan` promises, pinned where the eighteenth mutation pass found no test
saying it (issue 20, item 9; `benchmarks/README.md`, "Eighteenth pass, plan")."""

from __future__ import annotations

from datetime import date

import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Outcome,
    Policy,
    Skip,
    Snooze,
    Update,
    action_ids,
    plan,
)

from .factories import BO, at, interview


def _bo_note_id() -> str:
    made = plan(interview())
    return next(
        uid
        for action, uid in zip(made, made.ids, strict=True)
        if action.kind is ActionKind.THANK_YOU and action.recipient == BO
    )


class TestASnoozedNoteSeenFromNow:
    """A note snoozed past its window is planned late from the end of the snooze, even
    when the plan is seen from a *now* before it."""

    def test_it_waits_for_the_snooze_not_now(self) -> None:
        """Seen from 16:00 on the day (Bo's note still open), the note snoozed to Friday
        9:00 opens then, late since its own window closed; not at *now*."""
        until = at(2024, 7, 5, 9)
        history = [Snooze(at(2024, 7, 2, 15, 30), _bo_note_id(), until)]
        made = plan(interview(), history=history, now=at(2024, 7, 2, 16))
        (note,) = [a for a in made if a.kind is ActionKind.THANK_YOU and a.recipient == BO]
        assert note.earliest >= until
        assert note.late_since is not None


class TestANoteSeenFromTheNight:
    """Seen from 23:00 on the day of the interview, the notes' window is still open; they
    are suggested when the recipient's send window opens the next morning (08:00 in New
    York), not at *now* in their night, and not at the candidate's night either."""

    @pytest.mark.parametrize("home", [None, "Australia/Sydney"])
    def test_the_notes_wait_for_the_morning(self, home: str | None) -> None:
        changes = {} if home is None else {"candidate": Candidate("Kim Lee", timezone=home)}
        made = plan(interview(**changes), now=at(2024, 7, 2, 23))
        notes = [a for a in made if a.kind is ActionKind.THANK_YOU]
        assert len(notes) == 2
        for note in notes:
            assert note.earliest == at(2024, 7, 2, 23)
            assert note.suggested == at(2024, 7, 3, 8)

    def test_an_auckland_candidate_is_asleep_at_eight_in_new_york(self) -> None:
        """08:00 in New York is midnight in Auckland: the notes are suggested at 15:00 in
        New York (07:00 in Auckland), the last moment of their window, when the candidate
        is awake."""
        candidate = Candidate("Kim Lee", timezone="Pacific/Auckland")
        made = plan(interview(candidate=candidate), now=at(2024, 7, 2, 23))
        notes = [a for a in made if a.kind is ActionKind.THANK_YOU]
        assert [note.suggested for note in notes] == [at(2024, 7, 3, 15)] * 2


class TestARejectionBeforeTheNotes:
    """A rejection heard while the notes are still to send cancels them (rule stop)."""

    def test_no_note_is_planned(self) -> None:
        made = plan(interview(), history=[Update(at(2024, 7, 2, 15, 30), Outcome.REJECTED)])
        assert [a for a in made if a.kind is ActionKind.THANK_YOU] == []


class TestNewsBeforeTheNotes:
    """Other news heard before the notes go out reaches them as a fact: what it was,
    the day, and who gave it (so that a note never thanks Bo for news Ana gave)."""

    def test_the_notes_know_who_gave_it(self) -> None:
        news = Update(at(2024, 7, 2, 15, 30), Outcome.NEXT_ROUND, sender="Bo Chen")
        made = plan(interview(), history=[news])
        notes = [a for a in made if a.kind is ActionKind.THANK_YOU]
        assert len(notes) == 2
        for note in notes:
            assert note.facts.news is Outcome.NEXT_ROUND
            assert note.facts.news_by == "Bo Chen"


class TestALateNoteAtItsLastMoment:
    """A late note is still offered at the very last moment of its late limit (Friday
    17:00, two business days after its window closed on Wednesday 15:00), in the moment
    that is left; it is missed only after it."""

    def test_at_the_limit_it_is_still_planned(self) -> None:
        made = plan(interview(), now=at(2024, 7, 5, 17))
        notes = [a for a in made if a.kind is ActionKind.THANK_YOU]
        assert [(a.earliest, a.latest) for a in notes] == [(at(2024, 7, 5, 17),) * 2] * 2
        assert all(a.late_since == at(2024, 7, 3, 15) for a in notes)
        assert not [a for a in made.missed if a.kind is ActionKind.THANK_YOU]

    def test_a_minute_later_it_is_missed(self) -> None:
        made = plan(interview(), now=at(2024, 7, 5, 17, 1))
        assert not [a for a in made if a.kind is ActionKind.THANK_YOU]
        assert len([a for a in made.missed if a.kind is ActionKind.THANK_YOU]) == 2


class TestTheFirstCheckInAnswersTheThread:
    """The first check-in is made as if the notes still to send went out as planned: it
    follows Ana's thank-you, and answers its e-mail thread when it was e-mailed; a posted
    card is no thread to answer."""

    def test_an_e_mailed_note_is_the_thread(self) -> None:
        made = plan(interview())
        first = next(a for a in made if a.kind is ActionKind.CHECK_IN)
        assert first.facts.previous == first.facts.last_email
        thread = first.facts.last_email
        assert thread is not None
        assert (thread.kind, thread.channel, thread.day) == (
            ActionKind.THANK_YOU,
            Channel.EMAIL,
            date(2024, 7, 2),
        )

    def test_a_posted_card_is_not(self) -> None:
        made = plan(interview(), Policy(thank_you_channel=Channel.POSTAL))
        first = next(a for a in made if a.kind is ActionKind.CHECK_IN)
        assert first.facts.previous is not None
        assert first.facts.previous.channel is Channel.POSTAL
        assert first.facts.last_email is None


class TestAPlansIdsCountTheHistory:
    """`Plan.ids` and `Plan.missed_ids` number the steps after the history: a skipped
    check-in's number is never given again, to a planned step or a missed one."""

    def _skipped_first_check_in(self) -> tuple[list[Skip], str]:
        made = plan(interview())
        first = next(
            uid for a, uid in zip(made, made.ids, strict=True) if a.kind is ActionKind.CHECK_IN
        )
        return [Skip(at(2024, 7, 9, 9), first)], first

    def test_the_planned_ids(self) -> None:
        history, first = self._skipped_first_check_in()
        later = plan(interview(), history=history)
        assert later.ids == action_ids(later, interview(), history)
        assert first not in later.ids
        assert len([a for a in later if a.kind is ActionKind.CHECK_IN]) == 3

    def test_the_missed_ids(self) -> None:
        history, first = self._skipped_first_check_in()
        later = plan(interview(), history=history, now=at(2024, 9, 2, 12))
        assert later.missed[-1].kind is ActionKind.CHECK_IN
        assert later.missed_ids == action_ids(later.missed, interview(), history)
        assert first not in later.missed_ids


class TestACheckInAtItsLastMoment:
    """Seen from 17:00 on Tuesday 9 July, the last moment of the first check-in's window,
    the check-in is still on time: planned in that moment, not offered again late."""

    def test_it_is_not_late(self) -> None:
        made = plan(interview(), now=at(2024, 7, 9, 17))
        first = next(a for a in made if a.kind is ActionKind.CHECK_IN)
        assert (first.earliest, first.latest) == (at(2024, 7, 9, 17), at(2024, 7, 9, 17))
        assert first.late_since is None
