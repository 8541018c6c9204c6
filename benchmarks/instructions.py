"""Instructions per interview of each workload, counted by valgrind: figures the load cannot move.

Run:  python benchmarks/instructions.py [--count 60] [--jobs 2] [WHAT ...]

Runs `workload.py` under ``valgrind --tool=callgrind`` once for each WHAT
(``plan``, ``read``, ``history``, ``naive``, ``minimal``; all by default)
and once for the set-up alone (``none``), with ``PYTHONHASHSEED=0``, and
prints the instructions of each workload per interview (its count less the
set-up's, divided by ``--count``) and the two ratios of issue 20 in
instructions.  Two runs of the same code agree to a few hundred
instructions an interview, whatever the neighbours do, so a change to the
planner can be judged on a shared machine.  An instruction is not a fixed
time: the timed ratios of `bench.py` run higher than these (memory and the
garbage collector cost `plan()`, which allocates more, more per
instruction), so these judge a change, and `bench.py` says where the
targets stand.  Not a test: see README.md.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
WORKLOADS = ("plan", "read", "history", "naive", "minimal")


def count(what: str, interviews: int) -> int:
    """The instructions valgrind counts for one run of `workload.py` *what*."""
    result = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            sys.executable,
            str(HERE / "workload.py"),
            what,
            "--count",
            str(interviews),
        ],
        env={**os.environ, "PYTHONHASHSEED": "0"},
        capture_output=True,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", result.stderr)
    if found is None:
        raise SystemExit(f"valgrind printed no count for {what}:\n{result.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", nargs="*", help=f"workloads: {', '.join(WORKLOADS)} (all by default)"
    )
    parser.add_argument("--count", type=int, default=60, help="interviews per workload")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    wanted = list(args.what or WORKLOADS)
    unknown = set(wanted) - set(WORKLOADS)
    if unknown:
        parser.error(f"unknown workloads: {', '.join(sorted(unknown))}")
    with ThreadPoolExecutor(args.jobs) as pool:
        counts = dict(
            zip(
                ["none", *wanted],
                pool.map(lambda what: count(what, args.count), ["none", *wanted]),
                strict=True,
            )
        )
    each = {what: (counts[what] - counts["none"]) / args.count for what in wanted}
    print(f"instructions per interview ({args.count} interviews, valgrind callgrind)")
    for what, value in each.items():
        print(f"  {what:8s} {value:12,.0f}")
    for ours, theirs, target in (("plan", "naive", 2.0), ("read", "minimal", 3.5)):
        if ours in each and theirs in each:
            ratio = each[ours] / each[theirs]
            print(f"  {ours} / {theirs}: {ratio:.2f}x (the timed target: {target:g}x)")


if __name__ == "__main__":
    main()
