"""Plan a large population with Dask on a local cluster, and the nightly list over partitions.

Run:  python examples/batch_dask.py [COUNT]
(needs the dask extra: pip install 'followup-rules[dask]')

Interviews, applications, policies, plans and agendas pickle, so they travel
to the workers and back as they are.  Two jobs:

- `tally`: each partition streams through `plan_many`; the result is a count
  of what to do next, per kind of step, as of `NOW`;
- `daily_list`: the nightly run, split over partitions.  Each partition
  reads its applications lazily through ``agenda_many(..., limit=LIMIT)``,
  which keeps only the most urgent steps and the counts of all (memory flat
  however large the partition), and `AgendaMany.merge` puts the parts
  together, in the cluster, as if one `agenda_many` had seen every
  application.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from functools import partial

import dask.bag as db
import pendulum
from dask.distributed import Client, LocalCluster

from followup_rules import (
    ActionKind,
    AgendaMany,
    Application,
    Channel,
    Contact,
    Interview,
    Interviewer,
    Policy,
    agenda_many,
    plan_many,
)

NOW = pendulum.datetime(2026, 7, 20, 9, tz="UTC")
ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo")
LIMIT = 20


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


def make_application(number: int) -> Application:
    """The interview *number* as an application: two in three sent their notes that evening."""
    interview = make_interview(number)
    notes: tuple[Contact, ...] = ()
    if number % 3:
        sent = interview.ends_at.add(hours=3)
        notes = tuple(
            Contact(sent, Channel.EMAIL, ActionKind.THANK_YOU, person.name)
            for person in interview.interviewers
        )
    return Application(interview, notes, name=f"application-{number}")


@contextmanager
def local_cluster() -> Iterator[Client]:
    """Two worker processes on this machine; `compute()` runs there while the block lasts.

    No dashboard: its fixed port would clash with any other cluster running here.
    """
    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    with (
        cluster,
        Client(cluster) as client,
    ):
        yield client


def next_steps(interviews: Iterable[Interview], policy: Policy) -> Iterator[str]:
    """For one partition: the kind of the next step of each interview at NOW."""
    for schedule in plan_many(interviews, policy):
        action = schedule.next(NOW)
        yield "nothing" if action is None else action.kind.value


def tally(count: int, policy: Policy | None = None, partitions: int = 4) -> Counter[str]:
    """Plan *count* interviews, a partition at a time, and count their next steps."""
    policy = policy or Policy()
    population = db.from_sequence(range(count), npartitions=partitions).map(make_interview)
    kinds = population.map_partitions(next_steps, policy).frequencies().compute()
    return Counter(dict(kinds))


def one_part(applications: Iterable[Application], limit: int) -> AgendaMany:
    """One partition's daily list: read lazily, the *limit* most urgent steps kept."""
    return agenda_many(applications, NOW, until="end_of_day", limit=limit)


def merged(parts: Iterable[AgendaMany], limit: int) -> AgendaMany:
    """The partitions' lists as one (also a merge of merges: Dask reduces in a tree)."""
    return AgendaMany.merge(parts, limit=limit)


def daily_list(count: int, partitions: int = 4, limit: int = LIMIT) -> AgendaMany:
    """The nightly list of *count* applications, as of NOW, over *partitions*."""
    applications = db.from_sequence(range(count), npartitions=partitions).map(make_application)
    day: AgendaMany = applications.reduction(
        partial(one_part, limit=limit), partial(merged, limit=limit)
    ).compute()
    return day


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 2000
    with local_cluster():
        for kind, number in sorted(tally(count).items()):
            print(f"{kind:<20} {number}")
        day = daily_list(count)
    counts = day.counts
    print(
        f"\n{counts.applications} applications: {counts.late} steps late, {counts.due} due "
        f"today, {counts.coming} coming; the {len(day)} most urgent:"
    )
    for entry in day:
        print(
            f"  {entry.standing.value:<7} {entry.application.label:<17} {entry.action.describe()}"
        )


if __name__ == "__main__":
    main()
