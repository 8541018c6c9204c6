"""A nightly run at scale: `agenda_many` over 100,000 applications with histories, one core.

Run:  python benchmarks/nightly.py [--count 100000] [--limit 50] [--cpu 0] [--keep-all]

The applications are generated lazily, one at a time, from a seed: mixed
zones (the candidate's, the interview's, each interviewer's), panels of one
to four, agency recruiters, decision dates given as dates or phrases, four
policies (the consensus, two presets, a country's business days) and
histories of what a candidate and an employer do: thank-you notes sent (or
not), debrief calls, check-ins by e-mail and phone (voicemail, answered or
not), replies, out-of-office answers, news (no decision yet with a new date,
a next round, an offer, a rejection, a request for feedback) and steps
skipped or snoozed.  Every event lies before the one moment the run is for.

`agenda_many(..., until="end_of_day", limit=LIMIT)` reads them as they come
and keeps the LIMIT most urgent steps and the counts of all.  At every fifth
of the run the script prints the time so far (and the part spent generating
the applications, timed apart, so the library's own time is the rest), the
throughput, and the resident memory: now and at its peak.  Flat memory is the
point: nothing read is held.

``--cpu 0`` pins the process to one core (``os.sched_setaffinity``, Linux),
as ``taskset -c 0`` does.  ``--keep-all`` runs the default form (every
agenda kept) for comparison: its memory grows with the applications.

Not a test: printed figures.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import resource
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pendulum

from followup_rules import (
    ActionKind,
    AgendaMany,
    Application,
    Candidate,
    Channel,
    Contact,
    Event,
    Interview,
    Interviewer,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    Update,
    action_ids,
    agenda_many,
    plan,
)

NOW = pendulum.datetime(2026, 7, 20, 4, 0, tz="UTC")  # the night the run is for
ZONES = (
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Europe/London",
    "Europe/Berlin",
    "Asia/Jerusalem",
    "Asia/Kolkata",
    "Asia/Tokyo",
    "Australia/Sydney",
    "Pacific/Auckland",
    "UTC",
)
NAMES = ("Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi", "Émile Roy", "Fatima Zahra")
MAILBOXES = dict(zip(NAMES, ("ana", "bo", "chidi", "dana", "emile", "fatima"), strict=True))
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Stark", "Wonka")
ROLES = ("Data Engineer", "Product Designer", "Site Reliability Engineer", "Analyst")
PHRASES = ("in a couple of weeks", "by the end of the month", "next week", "within 10 days")
POLICIES = (
    None,  # the consensus
    None,
    None,
    None,
    Policy.preset("cautious"),
    Policy.preset("persistent"),
    Policy(holidays="US"),
    Policy(holidays="IL"),  # Sunday to Thursday
)
MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
DAY = timedelta(days=1)


class Generator:
    """Seeded applications, made one at a time; the time spent making them is kept apart."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seconds = 0.0  # spent generating, not in the library

    def applications(self, count: int) -> Iterator[Application]:
        for number in range(count):
            begin = time.perf_counter()
            application = self.application(number)
            self.seconds += time.perf_counter() - begin
            yield application

    def application(self, number: int) -> Application:
        rng = self.rng
        interview = self.interview(number)
        policy = rng.choice(POLICIES)
        history = self.history(interview)
        if history and rng.random() < 0.05:
            dismissed = self.skip_or_snooze(interview, policy, history)
            if dismissed is not None:
                history.append(dismissed)
        return Application(interview, tuple(history), policy, name=f"application-{number}")

    def interview(self, number: int) -> Interview:
        rng = self.rng
        zone = rng.choice(ZONES)
        # Mostly the last ten weeks, a few still to come.
        start = NOW.in_timezone(zone) - timedelta(days=rng.uniform(-5, 70))
        start = start.replace(hour=rng.randrange(8, 18), minute=rng.choice((0, 15, 30, 45)))
        start = start.replace(second=0, microsecond=0)
        panel = [
            Interviewer(
                name,
                email=f"{MAILBOXES[name]}@example.com",
                phone=rng.choice((None, "+1 212 555 0100")),
                timezone=rng.choice((None, None, *ZONES)),
                preferred_channel=rng.choice((None, None, None, Channel.EMAIL, Channel.PHONE)),
            )
            for name in rng.sample(NAMES, rng.randint(1, 4))
        ]
        decision: date | str | None = None
        if rng.random() < 0.5:
            decision = start.date() + timedelta(days=rng.randrange(2, 21))
        elif rng.random() < 0.2:
            decision = rng.choice(PHRASES)
        recruiter = None
        if rng.random() < 0.25:
            recruiter = Recruiter(
                "Rita Cole",
                phone=rng.choice((None, "+1 404 555 0199")),
                email="rita@agency.example",
            )
        return Interview(
            start,
            rng.choice(COMPANIES),
            rng.choice(ROLES),
            panel,
            duration=timedelta(minutes=rng.choice((30, 45, 60, 90, 120))),
            decision_by=decision,
            recruiter=recruiter,
            candidate=Candidate(
                "Sam Lee",
                email="sam@example.com",
                timezone=rng.choice((None, *ZONES)),
                language=rng.choice(("en", "en", "de", "fr", "es")),
            ),
            invited_to_call=rng.random() < 0.3,
            id=f"app-{number}",
        )

    def history(self, interview: Interview) -> list[Event]:
        """What a candidate and an employer did, roughly as the etiquette has it, before NOW."""
        rng = self.rng
        end = interview.ends_at
        events: list[Event] = []
        if rng.random() < 0.8:  # the notes, the same evening or the next day
            for person in interview.interviewers:
                if rng.random() < 0.9:
                    sent = end + HOUR * rng.uniform(1, 30)
                    events.append(Contact(sent, Channel.EMAIL, ActionKind.THANK_YOU, person.name))
        if interview.recruiter is not None and rng.random() < 0.7:
            called = end + HOUR * rng.uniform(0.5, 5)
            events.append(
                Contact(called, Channel.PHONE, ActionKind.RECRUITER_DEBRIEF, "Rita Cole")
            )
        moment = end + DAY * rng.uniform(5, 9)
        for attempt in range(rng.choice((0, 0, 1, 1, 2, 3))):
            phone = attempt == 0 and rng.random() < 0.3
            if phone:
                voicemail = rng.random() < 0.4
                answered = None if voicemail else rng.choice((None, True, False))
                events.append(
                    Contact(moment, Channel.PHONE, voicemail=voicemail, answered=answered)
                )
            else:
                events.append(Contact(moment, Channel.EMAIL))
            answer = rng.random()
            heard = moment + HOUR * rng.uniform(2, 60)
            if answer < 0.15:
                events.append(Reply(heard))
            elif answer < 0.22:
                events.append(
                    OutOfOffice(heard, heard.date() + timedelta(days=rng.randrange(3, 10)))
                )
            elif answer < 0.42:
                news = self.news(heard)
                events.append(news)
                if news.outcome in (Outcome.OFFER, Outcome.REJECTED):
                    break
            moment = heard + DAY * rng.uniform(3, 7)
        return [event for event in events if event.at < NOW]

    def news(self, heard: datetime) -> Update:
        rng = self.rng
        outcome = rng.choice(
            (
                Outcome.UNDECIDED,
                Outcome.UNDECIDED,
                Outcome.NEXT_ROUND,
                Outcome.OFFER,
                Outcome.REJECTED,
                Outcome.FEEDBACK_REQUESTED,
            )
        )
        if outcome is Outcome.UNDECIDED and rng.random() < 0.7:
            return Update(heard, outcome, heard.date() + timedelta(days=rng.randrange(5, 15)))
        return Update(heard, outcome)

    def skip_or_snooze(
        self, interview: Interview, policy: Policy | None, history: list[Event]
    ) -> Event | None:
        """Skip or snooze a step planned at that moment (its id from the plan seen then,
        as an app's would be), or None when nothing is left to skip."""
        rng = self.rng
        ordered = sorted(history, key=lambda event: event.at)
        at = min(max(ordered[-1].at + HOUR, NOW - DAY * rng.uniform(0.1, 3)), NOW - MINUTE)
        schedule = plan(interview, policy, history=ordered, now=at)
        ids = action_ids(schedule, interview, ordered)
        if not ids:
            return None
        step = rng.choice(ids)
        if rng.random() < 0.5:
            return Skip(at, step)
        return Snooze(at, step, at + DAY * rng.uniform(1, 6))


def resident() -> tuple[float, float]:
    """Resident memory now and at its peak so far, in MiB (Linux)."""
    with open("/proc/self/statm") as statm:
        pages = int(statm.read().split()[1])
    now = pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return now, peak


def run(count: int, limit: int | None, seed: int, marks: int = 5) -> AgendaMany:
    """agenda_many over *count* generated applications, printing a line at every mark."""
    generator = Generator(seed)
    every = max(1, count // marks)
    begin = time.perf_counter()
    print(
        f"{'applications':>12s} {'time':>8s} {'generating':>11s} {'library':>8s} "
        f"{'per application':>16s} {'applications/s':>15s} {'RSS now':>9s} {'peak RSS':>9s}"
    )

    def line(seen: int) -> None:
        elapsed = time.perf_counter() - begin
        library = elapsed - generator.seconds
        now, peak = resident()
        print(
            f"{seen:12,d} {elapsed:7.1f}s {generator.seconds:10.1f}s {library:7.1f}s "
            f"{library / seen * 1e6:13.0f} us {seen / library:15,.0f} "
            f"{now:5.1f} MiB {peak:5.1f} MiB",
            flush=True,
        )

    def watched() -> Iterator[Application]:
        for seen, application in enumerate(generator.applications(count)):
            if seen and seen % every == 0:
                line(seen)
            yield application

    day = agenda_many(watched(), NOW, until="end_of_day", limit=limit)
    line(count)
    return day


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="applications")
    parser.add_argument("--limit", type=int, default=50, help="steps kept")
    parser.add_argument("--seed", type=int, default=20260720)
    parser.add_argument("--cpu", type=int, default=None, help="pin to this core (Linux)")
    parser.add_argument(
        "--keep-all", action="store_true", help="keep every agenda (no limit), to compare"
    )
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    cores = sorted(os.sched_getaffinity(0))
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores (this run on {cores}), "
        f"{platform.python_implementation()} {platform.python_version()}; "
        f"load average {os.getloadavg()[0]:.2f} at the start"
    )
    limit = None if args.keep_all else args.limit
    print(
        f"agenda_many over {args.count:,d} applications at {NOW.isoformat()}, "
        f"until the end of each candidate's day, limit={limit}"
    )
    day = run(args.count, limit, args.seed)
    counts = day.counts
    print(
        f"counts: {counts.applications:,d} applications; steps late {counts.late:,d}, "
        f"due {counts.due:,d}, coming {counts.coming:,d}, superseded {counts.superseded:,d}"
    )
    print("the most urgent steps:")
    for entry in list(day)[:5]:
        print(
            f"  {entry.standing.value:<7s} {entry.shown_at.format('YYYY-MM-DD HH:mm zz'):<24s} "
            f"{entry.application.label:<18s} {entry.action.describe()}"
        )
    print(f"load average {os.getloadavg()[0]:.2f} at the end")


if __name__ == "__main__":
    main()
