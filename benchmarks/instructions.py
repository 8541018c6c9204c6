"""Instructions per interview of each workload, counted by valgrind: figures the load cannot move.

Run:  python benchmarks/instructions.py [--count 60] [--jobs 2] [--cache] [WHAT ...]

Runs `workload.py` under ``valgrind --tool=callgrind`` once for each WHAT
(``plan``, ``read``, ``history``, ``naive``, ``minimal``; all by default)
and once for the set-up alone (``none``), with ``PYTHONHASHSEED=0``, and
prints the instructions of each workload per interview (its count less the
set-up's, divided by ``--count``) and the two ratios of issue 20 in
instructions.  WHAT may also be a language (``en``, ``de``, ``fr``, ``es``):
`render()` of every message of the plans in that language and the
plain-Jinja floor of `bench.py`, counted per message, and their ratio (the
third target of issue 20).  With ``--cache`` it runs ``valgrind --tool=cachegrind``
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
LANGUAGES = ("en", "de", "fr", "es")


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
    *cache* the simulated misses and branches (and, for a render workload, ``messages``)."""
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
    messages = re.search(r"messages (\d+)", result.stdout)
    if messages is not None:
        found["messages"] = int(messages.group(1))
    return found


def _width(ours: str, theirs: str) -> int:
    """The width of a ratio's column: its heading "ours/theirs" and two spaces."""
    return max(14, len(ours) + len(theirs) + 3)


def print_table(each: dict[str, dict[str, float]], pairs: list[tuple[str, str]]) -> None:
    """Each workload's figures in a column, then the ratio of each pair (ours, theirs)."""
    names = [name for name in next(iter(each.values())) if name != "messages"]
    print(
        f"  {'':26s}"
        + "".join(f"{what:>12s}" for what in each)
        + "".join(f"{f'{ours}/{theirs}':>{_width(ours, theirs)}s}" for ours, theirs in pairs)
    )
    for name in names:
        print(
            f"  {name:26s}"
            + "".join(f"{figures[name]:12,.0f}" for figures in each.values())
            + "".join(
                f"{ratio:{_width(ours, theirs) - 1}.2f}x"
                for ours, theirs in pairs
                for ratio in [each[ours][name] / max(each[theirs][name], 1e-9)]
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "what",
        nargs="*",
        help=f"workloads: {', '.join(WORKLOADS)} (all by default), or languages: "
        f"{', '.join(LANGUAGES)} (render() and its floor)",
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
    unknown = set(wanted) - set(WORKLOADS) - set(LANGUAGES)
    if unknown:
        parser.error(f"unknown workloads: {', '.join(sorted(unknown))}")
    plans = [what for what in wanted if what in WORKLOADS]
    languages = [code for code in wanted if code in LANGUAGES]
    runs = (["none", *plans] if plans else []) + [
        f"{what}-{code}" for code in languages for what in ("none", "render", "floor")
    ]
    with ThreadPoolExecutor(args.jobs) as pool:
        counts = dict(
            zip(
                runs, pool.map(lambda what: count(what, args.count, args.cache), runs), strict=True
            )
        )
    tool = "cachegrind" if args.cache else "callgrind"
    if plans:
        each = {
            what: {
                name: (value - counts["none"][name]) / args.count for name, value in found.items()
            }
            for what, found in counts.items()
            if what in plans
        }
        print(f"per interview ({args.count} interviews, valgrind {tool})")
        pairs = [
            (ours, theirs, target)
            for ours, theirs, target in (("plan", "naive", 2.0), ("read", "minimal", 3.5))
            if ours in each and theirs in each
        ]
        print_table(each, [(ours, theirs) for ours, theirs, _ in pairs])
        for ours, theirs, target in pairs:
            print(f"  {ours} / {theirs}: the timed target is {target:g}x")
    for code in languages:
        base = counts[f"none-{code}"]
        messages = base["messages"]
        each = {
            f"{what}-{code}": {
                name: (value - base[name]) / messages
                for name, value in counts[f"{what}-{code}"].items()
                if name != "messages"
            }
            for what in ("render", "floor")
        }
        print(f"per message, {code} ({messages} messages of {args.count} interviews, {tool})")
        print_table(each, [(f"render-{code}", f"floor-{code}")])
        print(f"  render-{code} / floor-{code}: the timed target is 1.5x")


if __name__ == "__main__":
    main()
