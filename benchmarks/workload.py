"""One workload of the benchmark, run once, for an instruction counter.

Run:  valgrind --tool=callgrind --callgrind-out-file=/dev/null \\
          python benchmarks/workload.py WHAT [--count 100]

WHAT is ``none`` (the set-up alone: imports, the population, the warm-up),
``plan`` (`plan()` of every interview, without history), ``read`` (the same,
reading all three times of every action), ``history`` (`plan()` with the
histories), ``naive`` (the naive reference of bench.py) or ``minimal`` (the
minimal planner).  The instructions of WHAT are its count less the count of
``none``, divided by ``--count``: unlike times, they do not move with the
neighbours' load (run with ``PYTHONHASHSEED=0`` so that two runs count the
same), though an instruction is not a fixed time (memory waits and the
garbage collector's scans cost more per instruction in `plan()` than in the
yardsticks).  Not a test: see README.md.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from followup_rules import plan

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the benchmark's population and naive reference, beside this script
import minimal  # the minimal stdlib planner

PLANS = ("none", "plan", "read", "history", "naive", "minimal")
RENDERS = tuple(
    f"{what}-{code}" for code in bench.LANGUAGES for what in ("none", "render", "floor")
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=PLANS + RENDERS)
    parser.add_argument("--count", type=int, default=100, help="interviews")
    args = parser.parse_args()
    cases = bench.population(args.count)
    if args.what in RENDERS:
        what, code = args.what.split("-")
        messages, ours, floor = bench.render_workloads(cases, code)
        {"none": lambda: None, "render": ours, "floor": floor}[what]()
        print(f"messages {messages}")
        return
    interviews = [interview for interview, _ in cases]
    for interview, _ in bench.population(args.count, seed=7):  # the caches of a process at work
        plan(interview)
    workloads: dict[str, Callable[[], object]] = {
        "none": lambda: None,
        "plan": lambda: [plan(iv) for iv in interviews],
        "read": lambda: [
            [(a.earliest, a.latest, a.suggested) for a in plan(iv)] for iv in interviews
        ],
        "history": lambda: [plan(iv, history=h) for iv, h in cases],
        "naive": lambda: [bench.naive_plan(iv) for iv in interviews],
        "minimal": lambda: [minimal.plan(iv) for iv in interviews],
    }
    workloads[args.what]()


if __name__ == "__main__":
    main()
