"""How long `followup today` takes over many interview files: printed figures, not a test.

Run:  python benchmarks/today.py [--files 500] [--rounds 5]

It writes FILES realistic interview files into a temporary directory (mixed
zones, one to four interviewers, half with a decision date; a third hold
their history as [[event]] tables, a third name a history file beside them,
a third have none yet), then times:

- the whole command in a fresh process, as a person runs it
  (``followup today *.toml --now ...``), median of ROUNDS runs;
- the same in this process (click's runner: no interpreter start, no imports);
- its parts in this process: reading the files, and planning plus the agenda.

The machine is shared and noisy: read the medians, and compare runs made
one after the other.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pendulum
from click.testing import CliRunner

from followup_rules import Agenda, Interview, Interviewer, plan
from followup_rules import serialize as s
from followup_rules.cli import main

ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC")
NAMES = ("Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi")
NOW = "2026-07-20T09:00"


def write_files(folder: Path, count: int, seed: int = 12) -> list[Path]:
    """*count* interview files in *folder*, with histories held, named or absent."""
    rng = random.Random(seed)
    paths = []
    for index in range(count):
        zone = rng.choice(ZONES)
        day = date(2026, 6, 1) + timedelta(days=rng.randrange(0, 60))
        start = pendulum.datetime(day.year, day.month, day.day, rng.randrange(9, 17), tz=zone)
        people = [
            Interviewer(name, email=f"{name.split()[0].lower()}@example.com")
            for name in NAMES[: rng.randint(1, 4)]
        ]
        interview = Interview(
            start,
            f"Company {index}",
            "Data Engineer",
            people,
            decision_by=day + timedelta(days=rng.randrange(5, 20)) if rng.random() < 0.5 else None,
        )
        done = [step.done() for step in list(plan(interview))[: rng.randrange(0, 9)]]
        done = [event for event in done if event.at < pendulum.parse(f"{NOW}Z")]
        text = s.dumps_json(interview)
        data = s.loads(text, fmt="json")
        path = folder / f"application-{index:03d}.json"
        mode = index % 3
        if mode == 0 and done:
            data["event"] = s.loads(s.dumps_history(done, "json"), fmt="json")
        elif mode == 1:
            data["history"] = f"application-{index:03d}.events.toml"
            s.save_history(folder / data["history"], done)
        path.write_text(_json(data))
        paths.append(path)
    return paths


def _json(data: object) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def median_time(run: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main_bench() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="followup-today-"))
    try:
        paths = write_files(folder, options.files)
        names = [str(path) for path in paths]
        command = shutil.which("followup") or str(Path(sys.executable).parent / "followup")
        args = ["today", *names, "--now", NOW]

        def fresh_process() -> None:
            subprocess.run([command, *args], check=True, capture_output=True)

        def in_process() -> None:
            result = CliRunner().invoke(main, args, env={"COLUMNS": "100"})
            assert result.exit_code == 0, result.stderr

        loaded = [s.load_interview_file(path) for path in paths]

        def read_only() -> None:
            for path in paths:
                s.load_interview_file(path)

        def plan_only() -> None:
            for found in loaded:
                now = pendulum.parse(NOW, tz=found.interview.timezone)
                schedule = plan(found.interview, history=found.history)
                Agenda.of(schedule, found.interview, now=now, history=found.history)

        lines = len(CliRunner().invoke(main, args).stdout.splitlines())
        cold = median_time(fresh_process, options.rounds)
        warm = median_time(in_process, options.rounds)
        reading = median_time(read_only, options.rounds)
        planning = median_time(plan_only, options.rounds)
        count = options.files
        each = 1e3 / count
        print(f"followup today over {count} interview files ({lines} lines printed)")
        print(
            f"  fresh process, as a person runs it : {cold:6.2f} s  ({cold * each:.1f} ms a file)"
        )
        print(
            f"  in this process (no start-up)      : {warm:6.2f} s  ({warm * each:.1f} ms a file)"
        )
        print(f"    reading the files                : {reading:6.2f} s")
        print(f"    planning and the agendas         : {planning:6.2f} s")
        print(f"  median of {options.rounds} rounds; Python {sys.version.split()[0]}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main_bench()
