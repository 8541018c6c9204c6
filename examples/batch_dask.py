"""Plan a large population with Dask on a local cluster.

Run:  python examples/batch_dask.py [COUNT]
(needs the dask extra: pip install 'followup-rules[dask]')

Interviews, policies and plans pickle, so they travel to the workers as they
are; each partition streams through `plan_many`, keeping memory flat.  The
result here is a tally of what to do next, per kind of step, as of `now`.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, timedelta

import dask.bag as db
import pendulum
from dask.distributed import Client, LocalCluster

from followup_rules import Interview, Interviewer, Policy, plan_many

NOW = pendulum.datetime(2026, 7, 20, 9, tz="UTC")
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo")


def make_interview(number: int) -> Interview:
    """A deterministic synthetic interview (no clock, no randomness)."""
    day = date(2026, 7, 1) + timedelta(days=number % 14)
    zone = ZONES[number % len(ZONES)]
    return Interview(
        pendulum.datetime(day.year, day.month, day.day, 9 + number % 8, tz=zone),
        f"Company {number}",
        "Engineer",
        [Interviewer(f"Person {number}"), Interviewer(f"Lead {number}")][: 1 + number % 2],
        decision_by=day + timedelta(days=7) if number % 2 else None,
    )


def next_steps(interviews: Iterable[Interview], policy: Policy) -> Iterator[str]:
    """For one partition: the kind of the next step of each interview at NOW."""
    for schedule in plan_many(interviews, policy):
        action = schedule.next(NOW)
        yield "nothing" if action is None else action.kind.value


def tally(count: int, policy: Policy | None = None, partitions: int = 4) -> Counter[str]:
    """Plan *count* interviews on a local Dask cluster and count their next steps."""
    policy = policy or Policy()
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster,
        Client(cluster),
    ):
        population = db.from_sequence(range(count), npartitions=partitions).map(make_interview)
        kinds = population.map_partitions(next_steps, policy).frequencies().compute()
    return Counter(dict(kinds))


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    for kind, number in sorted(tally(count).items()):
        print(f"{kind:<20} {number}")


if __name__ == "__main__":
    main()
