"""Why the timed ratios run higher than the instruction ratios: the benchmark's method, varied.

Run:  python benchmarks/gap.py [--count 1000] [--rounds 9] [--pair plan|minimal]

Times `plan()` (or `plan()` with every time read) against its yardstick
(the naive reference, or the minimal planner) in one process, each round
running every variant of the method below back to back, so that all of
them see the same load; prints for each variant the median ratio of its
rounds (lowest-highest), the median milliseconds of each side, and the
time each side spent in the garbage collector (``gc.callbacks``), by
generation.  The variants:

- ``bench``: what `bench.py` did before the sixth pass (caches emptied
  and another population planned before ours, the results kept until the
  round ends and freed inside its time, ours timed first);
- ``collected``: what it does now: the same, with a full collection
  (untimed) before each side, so that neither pays the collector's debt
  of the warm-up or of the other side;
- ``gc off``: the same with the collector disabled during both timings;
- ``frozen``: the same with every object of the set-up frozen
  (``gc.freeze()``), so that a full collection does not walk them;
- ``batches of 60``: the same interviews, the results let go every 60
  (what `instructions.py` counts: 60 interviews a run);
- ``ref first``: the yardstick timed before ours;
- ``warm both``: the yardstick also run on the other population first.

Not a test: printed figures, compared within one run (see README.md).
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from followup_rules import plan
from followup_rules._calendar import clear_caches

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the benchmark's population and naive reference, beside this script
import minimal  # the minimal stdlib planner

_STARTED = [0.0]
_SPENT = [0.0, 0.0, 0.0]  # seconds in the collector, by generation
_RUNS = [0, 0, 0]  # collections, by generation


def _on_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        _STARTED[0] = time.perf_counter()
    else:
        _SPENT[info["generation"]] += time.perf_counter() - _STARTED[0]
        _RUNS[info["generation"]] += 1


def timed(run: Callable[[], object]) -> tuple[float, list[float], list[int], float]:
    """Seconds for *run* (its results freed inside the timing), the collector's seconds
    and collections by generation, and the processor seconds of this thread."""
    _SPENT[:] = [0.0, 0.0, 0.0]
    _RUNS[:] = [0, 0, 0]
    cpu = time.thread_time()
    begin = time.perf_counter()
    run()
    wall = time.perf_counter() - begin
    return wall, list(_SPENT), list(_RUNS), time.thread_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="interviews per timing")
    parser.add_argument("--rounds", type=int, default=9, help="rounds of every variant")
    parser.add_argument("--pair", choices=("plan", "minimal"), default="plan")
    parser.add_argument("--only", nargs="*", help="the variants to run (all by default)")
    args = parser.parse_args()
    interviews = [interview for interview, _ in bench.population(args.count)]
    others = [interview for interview, _ in bench.population(args.count, seed=7)]

    def warm() -> None:
        for interview in others:
            plan(interview)

    if args.pair == "plan":

        def ours(ivs: list[object]) -> object:
            return [plan(iv) for iv in ivs]  # type: ignore[arg-type]

        def theirs(ivs: list[object]) -> object:
            return [bench.naive_plan(iv) for iv in ivs]  # type: ignore[arg-type]

    else:

        def ours(ivs: list[object]) -> object:
            return [[(a.earliest, a.latest, a.suggested) for a in plan(iv)] for iv in ivs]  # type: ignore[arg-type]

        def theirs(ivs: list[object]) -> object:
            return [minimal.plan(iv) for iv in ivs]

    def batched(side: Callable[[list[object]], object]) -> Callable[[], object]:
        def run() -> None:
            for start in range(0, len(interviews), 60):
                side(interviews[start : start + 60])  # type: ignore[arg-type]

        return run

    Timing = tuple[float, list[float], list[int], float]

    def variant(name: str) -> tuple[Timing, Timing]:
        clear_caches()
        warm()
        if name == "warm both":
            theirs(others)
        if name == "frozen":
            gc.collect()
            gc.freeze()
        if name == "gc off":
            gc.collect()
            gc.disable()
        collect: Callable[[], int] = gc.collect if name == "collected" else (lambda: 0)
        mine_run: Callable[[], object] = lambda: ours(interviews)  # noqa: E731
        their_run: Callable[[], object] = lambda: theirs(interviews)  # noqa: E731
        if name == "batches of 60":
            mine_run, their_run = batched(ours), batched(theirs)
        try:
            if name == "ref first":
                b = timed(their_run)
                a = timed(mine_run)
            else:
                collect()
                a = timed(mine_run)
                collect()
                b = timed(their_run)
        finally:
            gc.enable()
            gc.unfreeze()
        return a, b

    names = ["bench", "collected", "gc off", "frozen", "batches of 60", "ref first", "warm both"]
    if args.only:
        names = [name for name in names if name in args.only]
    found: dict[str, list[tuple[Timing, Timing]]] = {name: [] for name in names}
    gc.callbacks.append(_on_gc)
    for index in range(args.rounds):  # each round starts one variant later: no fixed place
        for name in names[index % len(names) :] + names[: index % len(names)]:
            found[name].append(variant(name))
    gc.callbacks.remove(_on_gc)
    n = len(interviews)
    label = "plan() / naive" if args.pair == "plan" else "every time read / minimal"
    print(f"{label}, {n} interviews, {args.rounds} rounds of each variant, interleaved")
    print(f"  objects the collector tracks after the set-up: {len(gc.get_objects()):,}")
    print("  times in us an interview (medians); collector: us an interview, then")
    print("  collections a round by generation (young/middle/full, means)")
    print(
        f"  {'variant':14s} {'ratio (min-max)':>20s} {'ours':>6s} {'ref':>6s}"
        f" {'ours in gc':>10s} {'collections':>14s} {'ref in gc':>10s} {'collections':>14s}"
        f" {'cpu ratio':>20s}"
    )
    for name, rows in found.items():
        ratios = [a[0] / b[0] for a, b in rows]
        cells = []
        for side in (0, 1):
            times = [row[side] for row in rows]
            spent = statistics.median(sum(t[1]) for t in times) / n * 1e6
            runs = "/".join(f"{statistics.mean(t[2][g] for t in times):.1f}" for g in range(3))
            cells.append((statistics.median(t[0] for t in times) / n * 1e6, spent, runs))
        (mine, mine_gc, mine_runs), (ref, ref_gc, ref_runs) = cells
        cpu = [a[3] / b[3] for a, b in rows]
        print(
            f"  {name:14s} {_spread(ratios):>20s} {mine:6.1f} {ref:6.1f}"
            f" {mine_gc:10.1f} {mine_runs:>14s} {ref_gc:10.1f} {ref_runs:>14s}"
            f" {_spread(cpu):>20s}"
        )


def _spread(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}x ({min(ratios):.2f}-{max(ratios):.2f})"


if __name__ == "__main__":
    main()
