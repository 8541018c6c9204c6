"""Benchmarks for followup_rules: speed, import time and memory, as printed figures.

Run:  python benchmarks/bench.py [--count 1000] [--runs 3] [--stream 100000]

Not a test: these machines are shared and noisy, so the figures that matter
are the ratios measured in one run, rounds of ours and of a yardstick
interleaved: `plan()` against the project's naive stdlib reference (issue 20:
at most 2x), `plan()` with every time read against the minimal stdlib
planner of `minimal.py` (at most 3.5x; checked first to plan what `plan()`
plans), `render()` against plain Jinja in each language (at most 1.5x), and
importing the package against importing its dependencies.  Each ratio is
the median of its rounds, with the lowest and highest; ``--runs N`` repeats
the ratios in N-1 fresh interpreters and prints all the runs side by side
(``--ratios-only`` is what those runs do: the ratios as one JSON line).
"""

from __future__ import annotations

import argparse
import compileall
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from datetime import time as wall
from pathlib import Path
from zoneinfo import ZoneInfo

import pendulum

import followup_rules
from followup_rules import (
    Candidate,
    Interview,
    Interviewer,
    Outcome,
    Recruiter,
    Update,
    audit,
    plan,
    plan_many,
    render,
)
from followup_rules._calendar import clear_caches

sys.path.insert(0, str(Path(__file__).resolve().parent))
import minimal  # the minimal stdlib planner, beside this script

ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC")
NAMES = ("Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi")


def make_interview(rng: random.Random) -> Interview:
    """A realistic interview: 1-4 interviewers, mixed zones, half with a decision date."""
    zone = rng.choice(ZONES)
    day = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 365))
    start = pendulum.datetime(day.year, day.month, day.day, rng.randrange(9, 17), tz=zone)
    people = [
        Interviewer(
            name,
            email="x@example.com",
            phone=rng.choice((None, "+1 212 555 0100")),
            timezone=rng.choice((None, *ZONES)),
        )
        for name in NAMES[: rng.randint(1, 4)]
    ]
    return Interview(
        start,
        "Acme Analytics",
        "Data Engineer",
        people,
        decision_by=day + timedelta(days=rng.randrange(2, 14)) if rng.random() < 0.5 else None,
        recruiter=Recruiter("Rita Cole") if rng.random() < 0.25 else None,
        candidate=Candidate("Sam Lee", email="sam@example.com"),
        invited_to_call=rng.random() < 0.3,
    )


def make_history(rng: random.Random, interview: Interview) -> list[object]:
    """Follow the plan for a few steps, sometimes with an answer from the employer."""
    whole = plan(interview)
    done = [action.done() for action in list(whole)[: rng.randrange(0, len(whole) + 1)]]
    if done and rng.random() < 0.3:
        outcome = rng.choice((Outcome.UNDECIDED, Outcome.REJECTED, Outcome.FEEDBACK_REQUESTED))
        done.append(Update(done[-1].at + timedelta(hours=2), outcome))
    return done


def population(count: int, seed: int = 20261121) -> list[tuple[Interview, list[object]]]:
    rng = random.Random(seed)
    interviews = [make_interview(rng) for _ in range(count)]
    return [(interview, make_history(rng, interview)) for interview in interviews]


# -- the naive reference: the same rules, hand-written on stdlib datetime --------------


def _add_business_days(day: date, count: int) -> date:
    while count:
        day += timedelta(days=1)
        if day.weekday() < 5:
            count -= 1
    return day


def _at(day: date, clock: wall, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, zone).astimezone(timezone.utc).astimezone(zone)


def naive_plan(interview: Interview) -> list[tuple[str, datetime, datetime, datetime]]:
    """Default policy, no history: what plan() computes, with none of its care."""
    zone = ZoneInfo(interview.timezone)
    start = datetime.fromtimestamp(interview.starts_at.timestamp(), zone)
    end = start + interview.duration
    steps = []
    contact = interview.interviewers[0]
    for kind, share in (("closing", 0.80), ("timeline", 0.85), ("permission", 0.90)):
        steps.append((kind, start, end, start + interview.duration * share))
    for index, _ in enumerate(interview.interviewers):
        share = 0.95 + 0.04 * index / len(interview.interviewers)
        steps.append(("cards", start, end, start + interview.duration * share))
    latest_note = end
    for person in interview.interviewers:
        there = ZoneInfo(person.timezone or interview.timezone)
        aim = (end + timedelta(hours=1)).astimezone(there)
        day = aim.date()
        suggested = aim
        while day.weekday() >= 5 or not wall(8) <= suggested.time() <= wall(17):
            if day.weekday() < 5 and suggested.time() < wall(8):
                suggested = _at(day, wall(8), there)
                break
            day = _add_business_days(day, 1)
            suggested = _at(day, wall(8), there)
        if suggested > end + timedelta(hours=24):
            suggested = aim
        steps.append(("thank-you", end, end + timedelta(hours=24), suggested))
        latest_note = max(latest_note, suggested)
    if interview.recruiter is not None:  # in the recruiter's business hours, 08:00-17:00
        day, opens = end.date(), end
        if day.weekday() >= 5 or end.time() < wall(8):
            day = day if day.weekday() < 5 else _add_business_days(day, 1)
            opens = _at(day, wall(8), zone)
        closes = _at(day, wall(17), zone)
        if closes - opens < timedelta(minutes=30):
            day = _add_business_days(day, 1)
            opens, closes = _at(day, wall(8), zone), _at(day, wall(17), zone)
        latest = min(opens + timedelta(hours=4), closes)
        steps.append(("recruiter", opens, latest, min(opens + timedelta(minutes=15), latest)))
    there = ZoneInfo(contact.timezone or interview.timezone)
    if interview.decision_by is not None:
        day = _add_business_days(interview.decision_by, 1)
    else:
        day = _add_business_days(end.astimezone(there).date(), 5)
    day = max(day, _add_business_days(latest_note.astimezone(there).date(), 3))
    reason = interview.invited_to_call or interview.decision_by is not None
    calls = 1 if reason and contact.phone else 0
    quiet = end + timedelta(hours=24)
    for _ in range(3):
        opens_at, closes_at = (wall(10), wall(11, 30)) if calls else (wall(8), wall(17))
        while day.weekday() >= 5 or _at(day, opens_at, there) < quiet:
            day += timedelta(days=1)
        opens, closes = _at(day, opens_at, there), _at(day, closes_at, there)
        steps.append(("check-in", opens, closes, opens))
        calls = 0
        day = _add_business_days(day, 3)
    steps.sort(key=lambda step: step[3])
    return steps


# -- measuring ------------------------------------------------------------------------


@dataclass(frozen=True)
class Ratio:
    """One paired comparison: the median ratio of its rounds, their spread, the best times."""

    median: float
    low: float
    high: float
    ours: float
    theirs: float

    def spread(self) -> str:
        return f"{self.median:.2f}x ({self.low:.2f}-{self.high:.2f})"


def per_call(
    function: Callable[[], object], repeat: int = 5, warm: Callable[[], object] | None = None
) -> float:
    """Best seconds per call over *repeat* rounds (each round a loop).

    The minimum, as ``timeit`` advises: noise from other tenants only ever
    adds time.  Every round starts with empty caches, then runs *warm* (if
    given) untimed: planning *another* population first puts the caches in
    the state of a process that has been at work, without any credit for
    having seen the measured interviews before.  Then, still untimed, a
    full garbage collection: the round starts with no collector debt (the
    objects the warm-up or the other side of a pair promoted, which make a
    full collection due), so it pays for the collections its own work
    triggers and for none of anyone else's.  The collector stays on while
    it runs, and what the round returns is freed inside its time.
    """
    rounds = []
    for _ in range(repeat):
        clear_caches()
        if warm is not None:
            warm()
        gc.collect()
        begin = time.perf_counter()
        function()
        rounds.append(time.perf_counter() - begin)
    return min(rounds)


def paired(
    ours: Callable[[], object],
    reference: Callable[[], object],
    repeat: int = 11,
    warm: Callable[[], object] | None = None,
) -> Ratio:
    """The ratio of rounds run back to back: median, lowest and highest, and the best times.

    Interleaving the two puts both under the same load in every round, so
    the ratio survives a noisy neighbour better than two separate timings.
    Every other round times the reference first, so that neither side
    always follows the other.
    """
    mine, theirs, ratios = [], [], []
    for index in range(repeat):
        if index % 2:
            b = per_call(reference, 1)
            a = per_call(ours, 1, warm)
        else:
            a = per_call(ours, 1, warm)
            b = per_call(reference, 1)
        mine.append(a)
        theirs.append(b)
        ratios.append(a / b)
    return Ratio(statistics.median(ratios), min(ratios), max(ratios), min(mine), min(theirs))


def render_workloads(
    cases: list[tuple[Interview, list[object]]], locale: str = "en"
) -> tuple[int, Callable[[], None], Callable[[], None]]:
    """The two sides of the render ratio: how many messages, `render()` of each, the floor.

    The floor renders the same built-in templates with a plain
    ``jinja2.Environment`` (same extension, catalog, filters and options) from
    the same variables, computed beforehand; its templates are compiled here,
    as the pack has compiled its own.  The candidates write in *locale*, so
    `render()` picks that language's pack.
    """
    import attrs
    import jinja2

    from followup_rules.messages import _html_body, default_pack

    pack = default_pack(locale)
    cases = [
        (attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language=locale)), history)
        for iv, history in cases
    ]
    messages = [
        (action, interview)
        for interview, history in cases
        for action in plan(interview, history=history)
        if action.template is not None
    ]
    plain = jinja2.Environment(
        loader=jinja2.PackageLoader("followup_rules", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=[jinja2.ext.i18n],
    )
    plain.install_gettext_translations(  # type: ignore[attr-defined]
        pack.language.translations, newstyle=True
    )
    plain.filters.update(pack.environment.filters)
    prepared = []
    for action, interview in messages:
        values = pack.context(action, interview)
        text = render(action, interview).text
        values.update(subject="", lang=locale, paragraphs=[], body_html=_html_body(text))
        html = "_email.html" if action.channel.name == "EMAIL" else None
        prepared.append((f"{action.template}.txt", html, values))

    def floor() -> None:
        for name, html, values in prepared:
            plain.get_template(name).render(values)
            if html is not None:
                plain.get_template(html).render(values)

    def ours() -> None:
        for action, interview in messages:
            render(action, interview)

    floor()  # compile the templates once: the pack has compiled its own already
    return len(messages), ours, floor


def render_against_jinja(
    cases: list[tuple[Interview, list[object]]], warm: Callable[[], object], locale: str = "en"
) -> Ratio:
    """render() per message against the floor (`render_workloads`), in *locale*; the
    ratio's times are per message.
    """
    count, ours, floor = render_workloads(cases, locale)
    ratio = paired(ours, floor, repeat=7, warm=warm)
    return replace(ratio, ours=ratio.ours / count, theirs=ratio.theirs / count)


def import_overhead(ours: str, theirs: str, runs: int = 15) -> tuple[float, float, float]:
    """Median wall times of fresh interpreters running each statement, and the
    median of their differences, the two run back to back in every round."""
    # Byte-compile the package first, as pip does when it installs a wheel: an
    # editable checkout (or PYTHONDONTWRITEBYTECODE) would otherwise compile
    # our sources on every import while the dependencies load from .pyc.
    package = Path(followup_rules.__file__).parent
    compileall.compile_dir(package, quiet=1)

    def once(statement: str) -> float:
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-c", statement], check=True)
        return time.perf_counter() - begin

    pairs = [(once(ours), once(theirs)) for _ in range(runs)]
    return (
        statistics.median(mine for mine, _ in pairs),
        statistics.median(base for _, base in pairs),
        statistics.median(mine - base for mine, base in pairs),
    )


def streamed(count: int, seed: int = 7) -> Iterator[Interview]:
    rng = random.Random(seed)
    for _ in range(count):
        yield make_interview(rng)


# -- the run ---------------------------------------------------------------------------

LANGUAGES = ("en", "de", "fr", "es")
TARGETS = {  # issue 20: bullets 6 and 8
    "plan": ("plan() / naive reference", 2.0),
    "minimal": ("plan(), every time read / minimal planner", 3.5),
    **{f"render-{code}": (f"render() / plain Jinja, {code}", 1.5) for code in LANGUAGES},
}


def check_minimal(interviews: list[Interview]) -> None:
    """Refuse to compare with a minimal planner that plans anything else than plan() does.

    Same kinds, recipients and instants (earliest, latest, suggested) for the
    steps it covers, on every interview measured.
    """
    for interview in interviews:
        if not minimal.agrees(interview):
            raise SystemExit(f"the minimal planner disagrees with plan() on {interview!r}")


def measure_ratios(
    cases: list[tuple[Interview, list[object]]],
    warm: Callable[[], object],
    render_only: bool = False,
) -> dict[str, Ratio]:
    """The ratios issue 20 sets targets for, each from paired, interleaved rounds (with
    *render_only*, those of `render()` alone)."""
    interviews = [interview for interview, _ in cases]
    found = (
        {}
        if render_only
        else {
            "plan": paired(
                lambda: [plan(iv) for iv in interviews],
                lambda: [naive_plan(iv) for iv in interviews],
                warm=warm,
            ),
            # An Action makes its pendulum times on first read: what a caller pays
            # who reads all three times of every action.
            "minimal": paired(
                lambda: [
                    [(a.earliest, a.latest, a.suggested) for a in plan(iv)] for iv in interviews
                ],
                lambda: [minimal.plan(iv) for iv in interviews],
                warm=warm,
            ),
        }
    )
    for code in LANGUAGES:
        found[f"render-{code}"] = render_against_jinja(cases, warm, code)
    return found


def whole_runs(count: int, runs: int) -> list[dict[str, list[float]]]:
    """The ratios of *runs* more whole runs, each in a fresh interpreter, one after another."""
    found = []
    for _ in range(runs):
        output = subprocess.run(
            [sys.executable, __file__, "--count", str(count), "--ratios-only"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        found.append(json.loads(output.splitlines()[-1]))
    return found


def ratio_table(runs: list[dict[str, list[float]]]) -> str:
    """The ratios side by side: each run's median (min-max of its rounds), then the target."""
    head = f"{'ratio':44s}" + "".join(f"{f'run {n}':>20s}" for n in range(1, len(runs) + 1))
    lines = [head + f"{'target':>9s}  verdict"]
    for key, (label, target) in TARGETS.items():
        cells = [run[key] for run in runs]
        medians = [median for median, _, _ in cells]
        row = "".join(f"{f'{m:.2f}x ({lo:.2f}-{hi:.2f})':>20s}" for m, lo, hi in cells)
        verdict = (
            "met"
            if max(medians) <= target
            else ("met in some runs" if min(medians) <= target else "not met")
        )
        lines.append(f"{label:44s}{row}{f'<= {target:g}x':>9s}  {verdict}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000, help="interviews per timing")
    parser.add_argument("--stream", type=int, default=100_000, help="interviews streamed")
    parser.add_argument("--runs", type=int, default=3, help="whole runs of the ratios")
    parser.add_argument(
        "--ratios-only", action="store_true", help="print the ratios as JSON and stop"
    )
    parser.add_argument(
        "--render-only",
        action="store_true",
        help="with --ratios-only: the render() ratios alone, in each language",
    )
    args = parser.parse_args()

    cases = population(args.count)
    interviews = [interview for interview, _ in cases]
    n = len(cases)
    # The caches warmed by another population, as in a process at work.
    others = [interview for interview, _ in population(args.count, seed=7)]

    def warm() -> None:
        for interview in others:
            plan(interview)

    if args.ratios_only:
        ratios = measure_ratios(cases, warm, args.render_only)
        print(json.dumps({key: [r.median, r.low, r.high] for key, r in ratios.items()}))
        return

    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, "
        f"{platform.python_implementation()} {platform.python_version()}, {platform.system()}; "
        f"load average {os.getloadavg()[0]:.2f} at the start"
    )
    check_minimal(interviews)
    print(f"the minimal planner plans what plan() plans on all {n} interviews")
    ratios = measure_ratios(cases, warm)
    first, read = ratios["plan"], ratios["minimal"]
    for label, seconds in (
        ("plan() without history", first.ours),
        ("naive stdlib reference", first.theirs),
        ("plan(), every time read", read.ours),
        ("minimal stdlib planner", read.theirs),
    ):
        print(f"{label + ':':25s}{seconds / n * 1e6:8.1f} us/interview  {n / seconds:9.0f} /s")
    for code in LANGUAGES:
        each = ratios[f"render-{code}"]
        print(
            f"render() per message ({code}): {each.ours * 1e6:6.1f} us; "
            f"plain Jinja floor {each.theirs * 1e6:6.1f} us"
        )
    cold = paired(
        lambda: [plan(iv) for iv in interviews], lambda: [naive_plan(iv) for iv in interviews], 5
    )
    print(f"plan() / naive in a cold process (empty caches at the start): {cold.spread()}")
    runs = [{key: [r.median, r.low, r.high] for key, r in ratios.items()}]
    runs += whole_runs(args.count, args.runs - 1)
    print()
    print(f"Ratios, {n} interviews: median of paired, interleaved rounds (min-max of them)")
    print(ratio_table(runs))
    print()

    ours = per_call(lambda: [plan(iv, history=h) for iv, h in cases], warm=warm) / n
    print(f"plan() with histories:   {ours * 1e6:8.1f} us/interview  {1 / ours:9.0f} /s")

    def plan_and_render() -> None:
        for interview, history in cases:
            for action in plan(interview, history=history):
                if action.template is not None:
                    render(action, interview)

    both = per_call(plan_and_render, repeat=3, warm=warm) / n
    print(
        f"plan() + render all:     {both * 1e6:8.1f} us/interview  {1 / both:9.0f} /s"
        "  (target >= 5000/s)"
    )
    logs = [(iv, h) for iv, h in cases if h]
    checked = per_call(lambda: [audit(iv, h) for iv, h in logs], warm=warm) / max(1, len(logs))
    print(f"audit() per history:     {checked * 1e6:8.1f} us/history")

    # `import followup_rules` loads attrs and pendulum; Jinja comes with the
    # first message.  Both are compared with their own dependencies alone.
    for ours_, theirs_ in (
        ("import followup_rules", "import attrs, pendulum"),
        ("import followup_rules.messages", "import attrs, pendulum, jinja2.sandbox"),
    ):
        full, base, overhead = import_overhead(ours_, theirs_)
        print(
            f"{ours_ + ':':32s} {full * 1e3:6.1f} ms; {theirs_}: {base * 1e3:6.1f} ms; "
            f"overhead {overhead * 1e3:5.1f} ms (median of paired runs; target <= 50 ms)"
        )

    # Peak resident memory (Linux: KiB) at five points of the stream: flat means
    # nothing accumulates between interviews.
    checkpoints = []
    begin = time.perf_counter()
    for index, _ in enumerate(plan_many(streamed(args.stream)), start=1):
        if index % max(1, args.stream // 5) == 0:
            checkpoints.append((index, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss))
    elapsed = time.perf_counter() - begin
    marks = ", ".join(f"{index}: {peak / 1024:.1f} MiB" for index, peak in checkpoints)
    print(
        f"streaming {args.stream} interviews through plan_many ({elapsed:.0f} s), "
        f"peak RSS at: {marks}"
    )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
