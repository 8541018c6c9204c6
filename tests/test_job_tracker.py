"""The job tracker of docs/tracker.md (examples/job_tracker.py), used as an app would."""

from __future__ import annotations

import runpy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest

from followup_rules import InvalidHistory, Outcome, Reply, Update

from .factories import interview

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def tracker(tmp_path: Path) -> Iterator[Any]:
    """A fresh tracker on a database file, with one application (Tue 2 July 2024)."""
    module = runpy.run_path(str(ROOT / "examples" / "job_tracker.py"))
    made = module["Tracker"](tmp_path / "jobs.db")
    made.add(interview(decision_by=pendulum.date(2024, 7, 10)))
    yield made
    made.db.close()


def at(day: int, hour: int, minute: int = 0) -> Any:
    return pendulum.datetime(2024, 7, day, hour, minute, tz="America/New_York")


def test_the_agenda_lists_todays_steps(tracker: Any) -> None:
    """The morning after: both thank-you notes are due (rule thank-you)."""
    ((application, today),) = tracker.today(at(3, 9))
    expected = ["Send Ana Ruiz a thank-you e-mail", "Send Bo Chen a thank-you e-mail"]
    assert (1, expected) == (application, [i.action.describe() for i in today.due])


def test_a_step_done_by_id_leaves_the_agenda_and_keeps_its_id(tracker: Any) -> None:
    """Recording a step against its id stores it with that id; the other keeps its own."""
    ((_, today),) = tracker.today(at(3, 9))
    first, second = today.due
    tracker.done(1, first.id, at(3, 9, 10))
    ((_, later),) = tracker.today(at(3, 10))
    assert [second.id] == [item.id for item in later.due]
    stored = tracker.db.execute("SELECT step FROM event").fetchall()
    assert [(first.id,)] == stored


def test_events_round_trip_through_the_database(tracker: Any) -> None:
    """What the tracker stores reads back as the same events."""
    events = [Reply(at(3, 9)), Update(at(3, 10), Outcome.UNDECIDED, "in two weeks")]
    for event in events:
        tracker.record(1, event)
    assert events == tracker.history(1)


def test_a_bad_event_is_refused_and_not_stored(tracker: Any) -> None:
    """An event before the interview never reaches the database."""
    with pytest.raises(InvalidHistory, match="before the interview"):
        tracker.record(1, Reply(at(1, 9)))
    assert tracker.db.execute("SELECT count(*) FROM event").fetchall() == [(0,)]


def test_an_unknown_id_is_a_lookup_error(tracker: Any) -> None:
    """Recording a step that is no longer on the agenda says so."""
    with pytest.raises(LookupError, match="no step nope"):
        tracker.done(1, "nope", at(3, 9))
