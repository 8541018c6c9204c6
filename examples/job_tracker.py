"""A tiny job tracker: interviews and events in a JSON file, and the next step.

Run:  python examples/job_tracker.py [STORE.json]

It shows how an app integrates the library: store plain data (the library's
own JSON form), rebuild the objects, ask `plan(...).next(now)`, record what
the candidate did with `action.done()`.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path
from typing import Any

import pendulum

from followup_rules import Interview, plan
from followup_rules import serialize as s

HERE = Path(__file__).parent


class Tracker:
    """Interviews by id, each with its history, kept in one JSON file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.data: dict[str, Any] = (
            json.loads(path.read_text()) if path.exists() else {"interviews": {}}
        )

    def save(self) -> None:
        self.path.write_text(json.dumps(self.data, indent=2, sort_keys=True))

    def add(self, key: str, interview: Interview) -> None:
        self.data["interviews"][key] = {"interview": s.unstructure(interview), "history": []}

    def load(self, key: str) -> tuple[Interview, list[Any]]:
        entry = self.data["interviews"][key]
        return s.structure(entry["interview"], Interview), s.structure_history(entry["history"])

    def next_step(self, key: str, now: pendulum.DateTime) -> str:
        interview, history = self.load(key)
        action = plan(interview, history=history).next(now)
        if action is None:
            return "nothing to do"
        return f"{action.suggested.format('ddd D MMM HH:mm zz')}: {action.describe()}"

    def do_next(self, key: str, now: pendulum.DateTime) -> None:
        interview, history = self.load(key)
        action = plan(interview, history=history).next(now)
        if action is not None:
            event = action.done(max(now, action.earliest))
            self.data["interviews"][key]["history"].append(s.unstructure([event])[0])


def main() -> None:
    store = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(tempfile.mkdtemp()) / "jobs.json"
    tracker = Tracker(store)
    tracker.add("acme", s.load_interview(HERE / "interview.toml"))
    now = pendulum.datetime(2026, 7, 7, 15, 30, tz="America/New_York")
    for _ in range(4):
        print(tracker.next_step("acme", now))
        tracker.do_next("acme", now)
    tracker.save()
    print(f"saved to {store}")


if __name__ == "__main__":
    main()
