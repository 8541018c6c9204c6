"""What an app does on the core install, run by .ci/run against the built wheel alone.

Run:  python scripts/wheel_smoke.py EXAMPLES_DIR WHEEL_VERSION

Import, plan, serialize (JSON both ways, a file), record an event in a
history file, render a message, export a calendar and a draft: everything that
must work after ``pip install followup-rules`` with no extra.  Exits non-zero
(a traceback) on the first failure.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import pendulum

import followup_rules
from followup_rules import Candidate, Interview, Interviewer, Plan, Reply, plan, render
from followup_rules import serialize as s
from followup_rules.export import to_eml, to_ics
from followup_rules.files import HistoryFile


def check(holds: bool, what: str) -> None:
    """Stop with *what* unless it *holds* (asserts vanish under ``python -O``)."""
    if not holds:
        raise SystemExit(f"wheel smoke test failed: {what}")


def main(examples: Path, version: str) -> None:
    """Fail loudly if the installed wheel cannot do what an app needs."""
    check(followup_rules.__version__ == version, f"__version__ is {followup_rules.__version__}")
    where = Path(followup_rules.__file__).parent.parent
    check(where.name == "site-packages", f"not the installed wheel: {followup_rules.__file__}")
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example"), "Bo Chen"],
        decision_by="in two weeks",
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    schedule = plan(interview)
    again = s.structure(json.loads(json.dumps(s.unstructure(schedule))), Plan)
    check(again == schedule, "a plan read back from JSON differs")
    check(again.ids == schedule.ids, "a plan read back from JSON has other ids")
    loaded = s.load_interview_file(examples / "interview.toml")
    check(len(plan(loaded.interview, history=loaded.history)) > 0, "the example plans nothing")
    with tempfile.TemporaryDirectory() as folder:  # a history file, kept with tomlkit
        copy = Path(folder) / "acme.toml"
        shutil.copy(examples / "acme.toml", copy)
        done = HistoryFile(copy).add(Reply(pendulum.datetime(2026, 7, 8, 9, tz="UTC")))
        check(done.number == 1 and not done.already, "no event recorded in a history file")
    thanks = next(action for action in schedule if action.template == "thank_you_email")
    check("Ana" in render(thanks, interview).text, "the thank-you does not greet Ana")
    now = pendulum.datetime(2026, 7, 7, 9, tz="UTC")
    check(to_ics(schedule, interview, now=now).startswith(b"BEGIN:VCALENDAR"), "no calendar")
    check(bool(to_eml(thanks, interview)["Subject"]), "a draft without a subject")
    print(f"followup_rules {version}: the wheel alone plans, serializes, renders and exports")


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2])
