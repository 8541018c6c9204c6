"""Batch planning: pickling everything, and the Dask example on a small population."""

from __future__ import annotations

import pickle
import runpy
from collections import Counter
from pathlib import Path

import pendulum

from followup_rules import (
    Contact,
    Outcome,
    OutOfOffice,
    Policy,
    Reply,
    Update,
    plan,
    plan_many,
)

from .factories import at, interview

ROOT = Path(__file__).resolve().parent.parent


def test_everything_pickles_with_its_zone() -> None:
    """Models, events, policies, actions and plans survive pickling (distributed engines)."""
    iv = interview(decision_by=pendulum.date(2024, 7, 10))
    history = [
        Contact(at(2024, 7, 11, 10), "phone"),
        Reply(at(2024, 7, 12, 9)),
        Update(at(2024, 7, 12, 9, 5), Outcome.UNDECIDED, pendulum.date(2024, 7, 19)),
        OutOfOffice(at(2024, 7, 15, 9), pendulum.date(2024, 7, 17)),
    ]
    for value in (iv, Policy.persistent(), plan(iv, history=history), *history):
        again = pickle.loads(pickle.dumps(value))
        assert again == value
    action = pickle.loads(pickle.dumps(plan(iv)[-1]))
    assert action.earliest.timezone_name == "America/New_York"


def test_dask_example_plans_a_population() -> None:
    """examples/batch_dask.py plans on a local Dask cluster and agrees with plan_many."""
    example = runpy.run_path(str(ROOT / "examples" / "batch_dask.py"))
    counted = example["tally"](60, partitions=3)
    expected = Counter(
        example["next_steps"]((example["make_interview"](n) for n in range(60)), Policy())
    )
    assert counted == expected
    assert sum(counted.values()) == 60


def test_plan_many_matches_plan() -> None:
    """plan_many gives exactly what plan gives, one by one."""
    population = [interview(starts_at=at(2024, 7, 1 + n, 9 + n)) for n in range(5)]
    assert list(plan_many(population)) == [plan(iv) for iv in population]
