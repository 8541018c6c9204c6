"""Batch planning: pickling everything, and the Dask example on a small population."""

from __future__ import annotations

import pickle
import runpy
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pendulum
import pytest

from followup_rules import (
    Contact,
    Outcome,
    OutOfOffice,
    Policy,
    Reply,
    Update,
    agenda_many,
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


@pytest.fixture(scope="module")
def dask_example() -> Iterator[dict[str, Any]]:
    """examples/batch_dask.py, with its local cluster running (started once: it is slow)."""
    example = runpy.run_path(str(ROOT / "examples" / "batch_dask.py"))
    with example["local_cluster"]():
        yield example


def test_dask_example_plans_a_population(dask_example: dict[str, Any]) -> None:
    """examples/batch_dask.py plans on a local Dask cluster and agrees with plan_many."""
    counted = dask_example["tally"](60, partitions=3)
    expected = Counter(
        dask_example["next_steps"](
            (dask_example["make_interview"](n) for n in range(60)), Policy()
        )
    )
    assert counted == expected
    assert sum(counted.values()) == 60


def test_dask_example_makes_the_nightly_list_over_partitions(dask_example: dict[str, Any]) -> None:
    """Issue 20, item 7: agenda_many per partition, merged, is agenda_many over them all."""
    day = dask_example["daily_list"](90, partitions=4, limit=12)
    applications = (dask_example["make_application"](n) for n in range(90))
    expected = agenda_many(applications, dask_example["NOW"], until="end_of_day", limit=12)
    assert [(e.application.name, e.id, e.standing) for e in day] == [
        (e.application.name, e.id, e.standing) for e in expected
    ]
    assert (day.counts, len(day)) == (expected.counts, 12)


def test_plan_many_matches_plan() -> None:
    """plan_many gives exactly what plan gives, one by one."""
    population = [interview(starts_at=at(2024, 7, 1 + n, 9 + n)) for n in range(5)]
    assert list(plan_many(population)) == [plan(iv) for iv in population]
