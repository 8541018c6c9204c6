"""Where `plan()` spends its time, phase by phase, on the benchmark's population.

Run:  python benchmarks/phases.py [--count 1000] [--rounds 7]

Each phase is one of the planner's own functions, timed around every call
(``time.perf_counter_ns``) while `plan()` runs unchanged: the module globals
`plan()` calls are wrapped for the run, then put back.  The figures are the
best round of several (noise from other tenants only ever adds time), in
microseconds per plan, for the population without histories and with them,
and for reading all three times of every action of the plans made.  What is
not in a named phase (checking the arguments, sorting, making the `Plan`,
the calls between phases) is "the rest".

Not a test: printed figures, compared within one run (see README.md).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from followup_rules import plan
from followup_rules._calendar import clear_caches

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the benchmark's population, beside this script

planner = sys.modules["followup_rules.plan"]  # the module: the package exports the function

PHASES = (
    ("check_inputs", "checking the interview and policy"),
    ("checked_history", "checking and ordering the history"),
    ("_one_time_steps", "one-time steps: in the room, notes, debrief"),
    ("replay", "the start state, the history folded in"),
    ("_one_time", "one-time steps seen after the history"),
    ("_after_news", "news reaching the notes"),
    ("_waiting_for", "waiting for the notes to send"),
    ("_follow_ups", "check-ins and feedback steps"),
)
"""The functions of `followup_rules.plan` timed, each with what it does."""


@contextmanager
def timed(spent: dict[str, int]) -> Iterator[None]:
    """Wrap each phase function of the planner so that its calls add to *spent* (ns)."""
    saved = {name: getattr(planner, name) for name, _ in PHASES if hasattr(planner, name)}

    def wrap(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        clock = time.perf_counter_ns

        def phase(*args: Any, **kwargs: Any) -> Any:
            begin = clock()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += clock() - begin

        return phase

    for name, function in saved.items():
        setattr(planner, name, wrap(name, function))
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(planner, name, function)


def one_round(cases: list[tuple[Any, list[Any]]], histories: bool, warm: Callable[[], None]):
    """Per-phase nanoseconds for planning *cases* once, the total, and reading every time."""
    spent = dict.fromkeys((name for name, _ in PHASES), 0)
    clear_caches()
    warm()
    with timed(spent):
        begin = time.perf_counter_ns()
        plans = [plan(iv, history=h if histories else ()) for iv, h in cases]
        total = time.perf_counter_ns() - begin
    begin = time.perf_counter_ns()
    read = [(a.earliest, a.latest, a.suggested) for made in plans for a in made]
    reading = time.perf_counter_ns() - begin
    assert len(read) == sum(len(made) for made in plans)
    return spent, total, reading


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="interviews planned")
    parser.add_argument("--rounds", type=int, default=7, help="rounds; the best is shown")
    args = parser.parse_args()
    cases = bench.population(args.count)
    others = [interview for interview, _ in bench.population(args.count, seed=7)]

    def warm() -> None:
        for interview in others:
            plan(interview)

    n = len(cases)
    columns = {}
    for histories in (False, True):
        best: dict[str, float] = {}
        for _ in range(args.rounds):
            spent, total, reading = one_round(cases, histories, warm)
            row = {name: ns / n / 1000 for name, ns in spent.items()}
            row["rest"] = (total - sum(spent.values())) / n / 1000
            row["plan"] = total / n / 1000
            row["reading"] = reading / n / 1000
            for key, value in row.items():
                best[key] = min(best.get(key, value), value)
        columns[histories] = best
    print(f"plan() phase by phase, us per plan, best of {args.rounds} rounds of {n} interviews")
    print(f"{'phase':52s}{'no history':>12s}{'histories':>12s}")
    for name, label in (*PHASES, ("rest", "the rest: sorting, the Plan, glue")):
        cells = "".join(f"{columns[h].get(name, 0.0):12.1f}" for h in (False, True))
        print(f"{label:52s}{cells}")
    for name, label in (("plan", "plan() in all"), ("reading", "reading every time after")):
        cells = "".join(f"{columns[h][name]:12.1f}" for h in (False, True))
        print(f"{label:52s}{cells}")


if __name__ == "__main__":
    main()
