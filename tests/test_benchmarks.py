"""The benchmarks stay honest: the yardsticks plan what plan() plans, the nightly data is valid.

The scripts in benchmarks/ print figures and are not tests; these check the
two things their figures rest on (issue 20, items 6 and 7).
"""

from __future__ import annotations

import importlib
from pathlib import Path
from types import ModuleType

import pytest

from followup_rules import agenda_many

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def script(name: str, monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module(name)


def test_the_minimal_planner_plans_what_plan_plans(monkeypatch: pytest.MonkeyPatch) -> None:
    """On the benchmark's population, the minimal stdlib planner gives the same thank-yous,
    debriefs and check-ins as plan(): kinds, recipients, and all three times of each, instant
    and wall clock.  Otherwise the ratio against it would compare unlike work."""
    bench = script("bench", monkeypatch)
    minimal = script("minimal", monkeypatch)
    interviews = [interview for interview, _ in bench.population(300)]
    disagreeing = [interview for interview in interviews if not minimal.agrees(interview)]
    assert disagreeing == []


def test_the_nightly_applications_are_valid_and_seeded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The nightly run's generated applications all go through agenda_many, and the same
    seed makes the same applications: its figures measure the library on realistic data."""
    nightly = script("nightly", monkeypatch)
    first = list(nightly.Generator(5).applications(150))
    again = list(nightly.Generator(5).applications(150))
    day = agenda_many(iter(first), nightly.NOW, until="end_of_day", limit=10)
    assert first == again
    assert day.counts.applications == 150
    assert {type(event).__name__ for a in first for event in a.history} >= {
        "Contact",
        "Reply",
        "Update",
        "OutOfOffice",
        "Skip",
        "Snooze",
    }
