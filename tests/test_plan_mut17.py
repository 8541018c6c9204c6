"""What `plan` promises, pinned where the seventeenth mutation pass found no test
saying it (issue 20, item 9; `benchmarks/README.md`, "Seventeenth pass, plan")."""

from __future__ import annotations

import pytest

from followup_rules import ActionKind, InvalidHistory, Reply, Skip, plan
from followup_rules.model import Candidate, InterviewFormat

from .factories import at, interview


class TestASkipIsCheckedAgainstTheStepsPlanned:
    """plan refuses a skip of a one-time step it never plans, as audit does."""

    def test_skipping_a_step_this_interview_does_not_plan_is_refused(self) -> None:
        """Asking Ana for her card is a step of an interview in person; held by video
        the same interview plans none, and plan refuses a skip of it, naming the skip."""
        made = plan(interview())
        kinds = [action.kind for action in made]
        step = made.ids[kinds.index(ActionKind.ASK_FOR_CARDS)]
        video = interview(format=InterviewFormat.VIDEO)
        with pytest.raises(
            InvalidHistory, match="is not a step planned for this interview"
        ) as caught:
            plan(video, history=[Skip(at(2024, 7, 2, 15), step)])
        assert caught.value.field == "history[0].step"

    def test_the_refused_skip_is_named_by_its_place_in_the_history_as_given(self) -> None:
        """A history may come in any order: the error names the skip where the caller
        put it (second), not where it falls by time (first)."""
        made = plan(interview())
        kinds = [action.kind for action in made]
        step = made.ids[kinds.index(ActionKind.ASK_FOR_CARDS)]
        video = interview(format=InterviewFormat.VIDEO)
        later = Reply(at(2024, 7, 5, 10))
        with pytest.raises(InvalidHistory, match="is not a step planned") as caught:
            plan(video, history=[later, Skip(at(2024, 7, 2, 15), step)])
        assert caught.value.field == "history[1].step"


ROOM = [
    ActionKind.CLOSING_STATEMENT,
    ActionKind.ASK_TIMELINE,
    ActionKind.ASK_PERMISSION,
    ActionKind.ASK_FOR_CARDS,
    ActionKind.ASK_FOR_CARDS,
]


class TestSeenFromTheInterviewsEnd:
    """The room's steps end with the interview; the notes' window opens then."""

    def test_at_the_last_minute_the_room_steps_are_missed_and_the_notes_kept(self) -> None:
        """Seen from 15:00, the end of the interview, there is no one left to ask:
        every step of the room is missed; the notes, whose window opens at 15:00,
        are planned as they were."""
        made = plan(interview(), now=at(2024, 7, 2, 15))
        assert [step.kind for step in made.missed] == ROOM
        assert not [action for action in made if action.kind in ROOM]
        notes = [action for action in made if action.kind is ActionKind.THANK_YOU]
        before = [action for action in plan(interview()) if action.kind is ActionKind.THANK_YOU]
        assert notes == before

    def test_a_minute_before_the_end_the_room_steps_are_still_to_do(self) -> None:
        """At 14:59 the room's steps are still planned, cut to the minute left."""
        made = plan(interview(), now=at(2024, 7, 2, 14, 59))
        room = [action for action in made if action.kind in ROOM]
        assert sorted(action.kind.value for action in room) == sorted(k.value for k in ROOM)
        assert not made.missed
        assert {(action.earliest, action.latest) for action in room} == {
            (at(2024, 7, 2, 14, 59), at(2024, 7, 2, 15))
        }


class TestANoteSeenFromInsideItsWindow:
    """A note whose window is open at *now* keeps its suggested moment when it is
    still to come, and starts at *now*."""

    @pytest.mark.parametrize("minute", [(15, 1), (15, 30), (15, 59), (16, 0)])
    def test_the_suggested_moment_still_to_come_is_kept(self, minute: tuple[int, int]) -> None:
        """Planned at 16:00 for a 15:00-15:00 window; seen from 15:01 to 16:00 it
        stays at 16:00, its window starting at *now*."""
        now = at(2024, 7, 2, *minute)
        made = plan(interview(), now=now)
        notes = [action for action in made if action.kind is ActionKind.THANK_YOU]
        assert [(n.earliest, n.latest, n.suggested) for n in notes] == [
            (now, at(2024, 7, 3, 15), at(2024, 7, 2, 16))
        ] * 2
        assert all(note.late_since is None for note in notes)


class TestALateNote:
    """A note seen after its window closed is planned in the recipient's next send
    window, marked late, and suggested when the candidate is awake."""

    def test_it_is_suggested_when_the_candidate_is_awake(self) -> None:
        """Ana is in New York, the candidate in Sydney: seen from Friday 5 July 10:00,
        the late notes go in that day's window (10:00 to 17:00), suggested at its
        last moment, 17:00 (07:00 in Sydney), not at 10:00 (midnight there)."""
        iv = interview(candidate=Candidate("Kim Lee", timezone="Australia/Sydney"))
        notes = [a for a in plan(iv, now=at(2024, 7, 5, 10)) if a.kind is ActionKind.THANK_YOU]
        assert [(n.earliest, n.latest, n.suggested) for n in notes] == [
            (at(2024, 7, 5, 10), at(2024, 7, 5, 17), at(2024, 7, 5, 17))
        ] * 2
        assert all(n.late_since == at(2024, 7, 3, 15) and n.facts.late for n in notes)

    def test_without_a_candidate_zone_it_is_suggested_at_once(self) -> None:
        """The same seen with no candidate zone: the candidate is on Ana's clock,
        awake at 10:00."""
        notes = [
            a for a in plan(interview(), now=at(2024, 7, 5, 10)) if a.kind is ActionKind.THANK_YOU
        ]
        assert [n.suggested for n in notes] == [at(2024, 7, 5, 10)] * 2

    def test_the_window_is_found_on_the_recipients_calendar(self) -> None:
        """In Honolulu, Friday 5 July 16:00 is already Saturday in UTC: the late
        notes still go in Friday's window, 16:00 to 17:00 there."""
        hon = "Pacific/Honolulu"
        iv = interview(starts_at=at(2024, 7, 2, 14, tz=hon))
        notes = [
            a for a in plan(iv, now=at(2024, 7, 5, 16, tz=hon)) if a.kind is ActionKind.THANK_YOU
        ]
        assert [(n.earliest, n.latest) for n in notes] == [
            (at(2024, 7, 5, 16, tz=hon), at(2024, 7, 5, 17, tz=hon))
        ] * 2
