"""Write plans field by field and their rendered messages, to compare two versions' output.

Run:  PYTHONPATH=OTHER/src python benchmarks/same_output.py OUT [--count 500] [--render 120]
      [--seed 5]

Plans generated interviews (22 zones, odd DST rules and fixed offsets among them,
days from 2011 to 2028, candidates in zones and languages of their own) and half as
many of `bench.py`'s, each without history, with its history, with a later *now* and
with a *now* alone (every third also with `met_before`), and writes one JSON line per
plan (each action's fields, times as ISO 8601 with zone and fold, the facts, the missed
steps, the step ids, `serialize.unstructure`) and, for the first *render* interviews,
every message in the candidate's language.  Prints the SHA-256 of the lines: a speed
change must leave it as it was (the eighth pass: README.md).  Not a test.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pendulum

from followup_rules import Action, Candidate, Interview, Interviewer, Recruiter, plan, render
from followup_rules import _calendar as cal
from followup_rules.plan import planned
from followup_rules.serialize import unstructure

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # the benchmark's population and histories, beside this script

ZONES = (
    *("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney", "UTC"),
    *("America/Nuuk", "Africa/Casablanca", "Pacific/Apia", "Australia/Lord_Howe"),
    *("Asia/Kathmandu", "America/Santiago", "Africa/Cairo", "Antarctica/Troll"),
    *("+05:30", "-03:00", "Pacific/Chatham", "Asia/Tehran", "America/Havana"),
    *("Pacific/Kiritimati", "America/Los_Angeles", "Europe/London", "Asia/Kolkata"),
)


def moment(value: datetime | None) -> str | None:
    """A time as ISO 8601 with its zone's name and its fold."""
    if value is None:
        return None
    tz = value.tzinfo
    name = getattr(tz, "name", None) or getattr(tz, "key", None) or tz
    return f"{value.isoformat()}|{name}|{value.fold}"


def fields(action: Action) -> list[Any]:
    return [
        action.kind.value,
        action.channel.value,
        None if action.recipient is None else action.recipient.name,
        moment(action.earliest),
        moment(action.latest),
        moment(action.suggested),
        action.rule,
        list(action.sources),
        action.template,
        repr(action.facts),
        moment(action.late_since),
    ]


def make(rng: random.Random) -> Interview:
    zone = rng.choice(ZONES)
    if rng.random() < 0.5:
        day = date(2026, 1, 5) + timedelta(days=rng.randrange(0, 365))
    else:
        day = date(2011, 1, 1) + timedelta(days=rng.randrange(0, 365 * 18))
    hour, minute = rng.randrange(6, 21), rng.choice((0, 30))
    start = pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=cal.zone(zone))
    people = [
        Interviewer(
            name,
            email="x@example.com",
            phone=rng.choice((None, "+1 212 555 0100")),
            timezone=rng.choice((None, *ZONES)),
        )
        for name in bench.NAMES[: rng.randint(1, 4)]
    ]
    decision = day + timedelta(days=rng.randrange(2, 14)) if rng.random() < 0.5 else None
    recruiter = None
    if rng.random() < 0.3:
        recruiter = Recruiter(
            "Rita Cole",
            timezone=rng.choice((None, *ZONES)),
            phone=rng.choice((None, "+1 212 555 0101")),
            email="r@example.com",
        )
    candidate = Candidate(
        "Sam Lee",
        email="sam@example.com",
        timezone=rng.choice((None, *ZONES)),
        language=rng.choice((None, "de", "fr", "es")),
    )
    return Interview(
        start,
        "Acme Analytics",
        "Data Engineer",
        people,
        decision_by=decision,
        recruiter=recruiter,
        candidate=candidate,
        invited_to_call=rng.random() < 0.3,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="the file of JSON lines to write")
    parser.add_argument("--count", type=int, default=500, help="generated interviews")
    parser.add_argument("--render", type=int, default=120, help="interviews rendered")
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [(iv, bench.make_history(rng, iv)) for iv in (make(rng) for _ in range(args.count))]
    cases += bench.population(args.count // 2, seed=args.seed + 100)
    digest = hashlib.sha256()
    plans = messages = 0
    with open(args.out, "w", encoding="utf-8") as out:

        def write(record: dict[str, Any]) -> None:
            nonlocal plans
            line = json.dumps(record, sort_keys=True, default=str)
            out.write(line + "\n")
            digest.update(line.encode())
            plans += 1

        for i, (iv, history) in enumerate(cases):
            variants: list[tuple[str, dict[str, Any]]] = [
                ("plain", {}),
                ("history", {"history": history}),
            ]
            if history:
                last = max(event.at for event in history)
                later = timedelta(days=rng.randrange(0, 30), hours=rng.randrange(0, 24))
                variants.append(("now", {"history": history, "now": last + later}))
            later = timedelta(days=rng.randrange(0, 20), hours=rng.randrange(0, 24))
            variants.append(("now-only", {"now": iv.starts_at + later}))
            for name, options in variants:
                made = plan(iv, **options)
                record: dict[str, Any] = {
                    "i": i,
                    "v": name,
                    "actions": [fields(action) for action in made],
                    "missed": [fields(action) for action in made.missed],
                    "ids": made.ids,
                    "json": json.loads(json.dumps(unstructure(made), default=str)),
                }
                if i < args.render and name in ("plain", "history"):
                    written = []
                    for action in made:
                        if action.template is None:
                            continue
                        try:
                            m = render(action, iv)
                        except Exception as error:  # the same error on both sides is the same
                            written.append(["ERR", type(error).__name__, str(error)])
                        else:
                            written.append(
                                [m.subject, m.text, m.html, m.to, m.template, m.missing_details]
                            )
                        messages += 1
                    record["messages"] = written
                write(record)
            if i % 3 == 0:  # a later round, as agenda_many plans it
                made = planned(iv, met_before={"ana ruiz": 1})
                write({"i": i, "v": "met", "actions": [fields(action) for action in made]})
    print(plans, "plans", messages, "messages", digest.hexdigest())


if __name__ == "__main__":
    main()
