"""Instructions per interview of each workload, counted by valgrind: figures the load cannot move.

Run:  python benchmarks/instructions.py [--count 60] [--jobs 2] [--cache] [WHAT ...]

Runs `workload.py` under ``valgrind --tool=callgrind`` once for each WHAT
(``plan``, ``read``, ``history``, ``naive``, ``minimal``; all by default)
and once for the set-up alone (``none``), with ``PYTHONHASHSEED=0``, and
prints the instructions of each workload per interview (its count less the
set-up's, divided by ``--count``) and the two ratios of issue 20 in
instructions.  With ``--cache`` it runs ``valgrind --tool=cachegrind``
with a simulated cache (this machine's first level, 32 KiB of code and 32
KiB of data, and its private second level, 1 MiB, as the last) and branch
predictor, and prints per interview the misses of each level and the
mispredicted branches beside the instructions: what an instruction costs
besides itself (a miss of the first level about 12 cycles, of the second
40 or more, a mispredicted branch about 15).  Two runs of the same code
agree to a few hundred instructions an interview, whatever the neighbours
do, so a change to the planner can be judged on a shared machine.  The
default 60 interviews are the first of `bench.py`'s 1,000, not an average
sample of them: the ratios to set beside the timed ones are those of
``--count 1000`` (1.76x and 3.63x where 60 gave 1.63x and 3.48x, on
`bf275ac`).  An instruction is not a fixed time: the timed ratios of
`bench.py` run higher than these (`plan()` touches five to six times the
memory per instruction and mispredicts more branches: see ``--cache``), so
these judge a change, and `bench.py` says where the targets stand.  Not a
test: see README.md.
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


CACHE = ("--I1=32768,8,64", "--D1=32768,8,64", "--LL=1048576,16,64")
"""The simulated caches of ``--cache``: this machine's first level and its private second."""
FIGURES = {  # what cachegrind prints: the total of each line, per interview
    "instructions": r"I\s+refs:\s+([\d,]+)",
    "code misses, first level": r"I1\s+misses:\s+([\d,]+)",
    "data misses, first level": r"D1\s+misses:\s+([\d,]+)",
    "misses of the last level": r"LL misses:\s+([\d,]+)",
    "branches": r"Branches:\s+([\d,]+)",
    "mispredicted branches": r"Mispredicts:\s+([\d,]+)",
}


def count(what: str, interviews: int, cache: bool = False) -> dict[str, int]:
    """What valgrind counts for one run of `workload.py` *what*: the instructions, and with
    *cache* the simulated misses and branches."""
    tool = (
        ["--tool=cachegrind", "--cache-sim=yes", "--branch-sim=yes", *CACHE]
        if cache
        else ["--tool=callgrind"]
    )
    result = subprocess.run(
        [
            "valgrind",
            *tool,
            f"--{'cachegrind' if cache else 'callgrind'}-out-file=/dev/null",
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
    patterns = FIGURES if cache else {"instructions": r"Collected : (\d+)"}
    found = {}
    for name, pattern in patterns.items():
        match = re.search(pattern, result.stderr)
        if match is None:
            raise SystemExit(f"valgrind printed no {name} for {what}:\n{result.stderr[-2000:]}")
        found[name] = int(match.group(1).replace(",", ""))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what", nargs="*", help=f"workloads: {', '.join(WORKLOADS)} (all by default)"
    )
    parser.add_argument("--count", type=int, default=60, help="interviews per workload")
    parser.add_argument("--jobs", type=int, default=2, help="valgrind runs at once")
    parser.add_argument(
        "--cache", action="store_true", help="simulated cache misses and branches too"
    )
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
                pool.map(lambda what: count(what, args.count, args.cache), ["none", *wanted]),
                strict=True,
            )
        )
    each = {
        what: {name: (value - counts["none"][name]) / args.count for name, value in found.items()}
        for what, found in counts.items()
        if what != "none"
    }
    tool = "cachegrind" if args.cache else "callgrind"
    print(f"per interview ({args.count} interviews, valgrind {tool})")
    pairs = [
        (ours, theirs, target)
        for ours, theirs, target in (("plan", "naive", 2.0), ("read", "minimal", 3.5))
        if ours in each and theirs in each
    ]
    print(
        f"  {'':26s}"
        + "".join(f"{what:>12s}" for what in each)
        + "".join(f"{f'{ours}/{theirs}':>14s}" for ours, theirs, _ in pairs)
    )
    for name in counts["none"]:
        print(
            f"  {name:26s}"
            + "".join(f"{figures[name]:12,.0f}" for figures in each.values())
            + "".join(
                f"{each[ours][name] / max(each[theirs][name], 1e-9):13.2f}x"
                for ours, theirs, _ in pairs
            )
        )
    for ours, theirs, target in pairs:
        print(f"  {ours} / {theirs}: the timed target is {target:g}x")


if __name__ == "__main__":
    main()
