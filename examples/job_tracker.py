"""A small job tracker on sqlite: many applications, today's agenda, recording events.

Run:  python examples/job_tracker.py [DATABASE]

It uses the public API only: `Application` and its `agenda()` for what to do
(until the end of the candidate's day), each step's stable `AgendaItem.id` to
record it done, `Application.record` to check an event and keep it once, and
`followup_rules.serialize` to store interviews and events as JSON text (the
library's own, schema-checked form).
The library never reads the clock: the tracker passes *now* in.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import tempfile
from datetime import datetime
from pathlib import Path

import pendulum

from followup_rules import (
    Agenda,
    AgendaItem,
    Application,
    Event,
    Interview,
    Interviewer,
)
from followup_rules import serialize as s

# --8<-- [start:schema]
SCHEMA = """
CREATE TABLE IF NOT EXISTS application (
    id INTEGER PRIMARY KEY,
    company TEXT NOT NULL,
    interview TEXT NOT NULL            -- the interview as JSON (serialize.unstructure)
);
CREATE TABLE IF NOT EXISTS event (
    id INTEGER PRIMARY KEY,
    application INTEGER NOT NULL REFERENCES application(id),
    at TEXT NOT NULL,                  -- ISO 8601 with offset, for ordering and display
    step TEXT,                         -- the id of the planned step it did, if any
    data TEXT NOT NULL                 -- the event as JSON
);
"""


class Tracker:
    """Applications and what happened in each, in one sqlite database."""

    def __init__(self, path: str | Path) -> None:
        self.db = sqlite3.connect(path)
        self.db.executescript(SCHEMA)

    # --8<-- [end:schema]

    def add(self, interview: Interview) -> int:
        """Store a new application; returns its row id."""
        data = json.dumps(s.unstructure(interview))
        with self.db:
            cursor = self.db.execute(
                "INSERT INTO application (company, interview) VALUES (?, ?)",
                (interview.company, data),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def interview(self, application: int) -> Interview:
        (data,) = self.db.execute(
            "SELECT interview FROM application WHERE id = ?", (application,)
        ).fetchone()
        return s.structure(json.loads(data), Interview)

    def history(self, application: int) -> list[Event]:
        rows = self.db.execute(
            "SELECT data FROM event WHERE application = ? ORDER BY id", (application,)
        )
        return s.structure_history([json.loads(data) for (data,) in rows])

    # --8<-- [start:today]
    def application(self, application: int) -> Application:
        """One application as the library sees it (its history kept ordered by instant)."""
        interview, history = self.interview(application), self.history(application)
        return Application(interview, history, name=str(application), key=application)

    def today(self, now: datetime) -> list[tuple[int, Agenda]]:
        """Every application's agenda, due until the end of the candidate's day."""
        rows = self.db.execute("SELECT id FROM application ORDER BY id").fetchall()
        return [(row, self.application(row).agenda(now, "end_of_day")) for (row,) in rows]

    # --8<-- [end:today]

    # --8<-- [start:record]
    def record(self, application: int, event: Event, step: str | None = None) -> None:
        """Store an event, once: the library checks it and finds its place first."""
        if self.application(application).record(event).already:
            return  # the same event was stored already
        data = s.unstructure(event)  # a dict with its "type", as structure_history reads it
        with self.db:
            self.db.execute(
                "INSERT INTO event (application, at, step, data) VALUES (?, ?, ?, ?)",
                (application, event.at.isoformat(), step, json.dumps(data)),
            )

    def done(self, application: int, step_id: str, at: datetime) -> None:
        """Record the step with this id as done at *at* (the id an agenda gave)."""
        item = self.application(application).agenda(at).get(step_id)
        if item is None:
            raise LookupError(f"no step {step_id} is left in application {application}")
        self.record(application, item.action.done(at), step=step_id)

    # --8<-- [end:record]


def show(tracker: Tracker, now: datetime) -> list[tuple[int, AgendaItem]]:
    """Print today's agenda; returns (application, item) of what is to do."""
    print(f"--- {pendulum.instance(now).format('dddd D MMMM YYYY HH:mm zz')}")
    to_do = []
    for application, today in tracker.today(now):
        company = tracker.interview(application).company
        for item in (*today.late, *today.due):
            mark = "overdue" if item.overdue else "due"
            when = item.action.suggested.format("ddd D MMM HH:mm")
            print(f"  {mark:<8} {when:<17} {company:<16} {item.action.describe()}")
            to_do.append((application, item))
    if not to_do:
        print("  nothing to do today")
    return to_do


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "jobs.db"
    tracker = Tracker(path)
    for company, day in (("Acme Analytics", 7), ("Globex", 8), ("Initech", 9)):
        tracker.add(
            Interview(
                pendulum.datetime(2026, 7, day, 14, tz="America/New_York"),
                company,
                "Data Engineer",
                [Interviewer("Ana Ruiz", email="ana@example.com", phone="+1 212 555 0142")],
                decision_by=pendulum.date(2026, 7, 15),
            )
        )
    # Each morning: see the agenda, do the steps due, record them against their ids.
    for day in (8, 9, 10):
        now = pendulum.datetime(2026, 7, day, 9, tz="America/New_York")
        for application, item in show(tracker, now):
            # Done ten minutes from now, or when its window opens later today.
            at = max(now.add(minutes=10), item.action.earliest)
            tracker.done(application, item.id, at)
    # Globex answers: no decision yet, a new date in two weeks.
    from followup_rules import Outcome, Update

    news = Update(pendulum.datetime(2026, 7, 16, 11, tz="America/New_York"), Outcome.UNDECIDED)
    tracker.record(2, news)
    show(tracker, pendulum.datetime(2026, 7, 16, 12, tz="America/New_York"))
    (count,) = tracker.db.execute("SELECT count(*) FROM event").fetchone()
    print(f"{count} events stored in {path}")


if __name__ == "__main__":
    main()
