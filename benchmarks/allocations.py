"""What each workload allocates and keeps: garbage collections and bytes, per plan.

Run:  python benchmarks/allocations.py [--count 1000] [WHAT ...]

For each workload of `workload.py` (``plan``, ``read``, ``history``,
``naive``, ``minimal``; all by default), on the benchmark's population
(``PYTHONHASHSEED`` does not matter here), prints:

- the garbage collections a run over *count* interviews triggers, by
  generation (``gc.get_stats``; the results are kept, as a caller keeps
  its plans), scaled to 1,000 plans;
- the bytes the results keep, per plan (``tracemalloc``: the traced
  memory after the run, its results still held, less before it);
- the objects those collections walked, per plan (the tracked objects of
  the generations collected, counted as each collection starts): the
  collector's work, which grows with what each plan keeps.

A young-generation collection runs each time 700 more tracked objects
(containers, instances) have been made than freed, so the collections
follow what a plan keeps as much as what it allocates.

The counts are deterministic for one version of the code (the population
is seeded); like the instruction counts, they judge a change whatever the
neighbours do.  Not a test: see README.md.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from followup_rules import _calendar, plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the benchmark's population and naive reference, beside this script
import minimal  # the minimal stdlib planner

WORKLOADS = ("plan", "read", "history", "naive", "minimal")


def workloads(count: int) -> dict[str, Callable[[], list[object]]]:
    cases = bench.population(count)
    interviews = [interview for interview, _ in cases]
    return {
        "plan": lambda: [plan(iv) for iv in interviews],
        "read": lambda: [
            [(a.earliest, a.latest, a.suggested) for a in plan(iv)] for iv in interviews
        ],
        "history": lambda: [plan(iv, history=h) for iv, h in cases],
        "naive": lambda: [bench.naive_plan(iv) for iv in interviews],
        "minimal": lambda: [minimal.plan(iv) for iv in interviews],
    }


def collections(run: Callable[[], list[object]]) -> tuple[list[object], list[int], int]:
    """*run*'s results, the collections of each generation it triggered, and the objects
    those collections walked (the tracked objects of the generations collected, counted
    as each starts)."""
    walked = [0]

    def count(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            upto = info["generation"]
            walked[0] += sum(len(gc.get_objects(generation=g)) for g in range(upto + 1))

    gc.collect()
    before = [generation["collections"] for generation in gc.get_stats()]
    gc.callbacks.append(count)
    try:
        kept = run()
    finally:
        gc.callbacks.remove(count)
    after = [generation["collections"] for generation in gc.get_stats()]
    return kept, [b - a for a, b in zip(before, after, strict=True)], walked[0]


def kept_bytes(run: Callable[[], list[object]]) -> int:
    """The bytes *run*'s results keep (traced memory after, results held, less before)."""
    gc.collect()
    tracemalloc.start()
    start = tracemalloc.get_traced_memory()[0]
    kept = run()
    gc.collect()
    held = tracemalloc.get_traced_memory()[0] - start
    tracemalloc.stop()
    del kept
    return held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", nargs="*", help=f"workloads: {', '.join(WORKLOADS)}")
    parser.add_argument("--count", type=int, default=1000, help="interviews per workload")
    args = parser.parse_args()
    wanted = list(args.what or WORKLOADS)
    unknown = set(wanted) - set(WORKLOADS)
    if unknown:
        parser.error(f"unknown workloads: {', '.join(sorted(unknown))}")
    for interview, _ in bench.population(args.count, seed=7):  # the caches of a process at work
        plan(interview)
    runs = workloads(args.count)
    scale = 1000 / args.count
    print(f"per workload ({args.count} interviews; collections scaled to 1,000 plans)")
    print(
        f"  {'':8s} {'gen0':>6s} {'gen1':>6s} {'gen2':>6s} {'bytes kept/plan':>16s}"
        f" {'walked/plan':>12s}"
    )
    for what in wanted:
        _calendar.clear_caches()
        runs[what]()  # warm: the caches of a process at work
        kept, counts, walked = collections(runs[what])
        del kept
        held = kept_bytes(runs[what])
        gens = " ".join(f"{c * scale:6.0f}" for c in counts)
        print(f"  {what:8s} {gens} {held / args.count:16,.0f} {walked / args.count:12.1f}")


if __name__ == "__main__":
    main()
