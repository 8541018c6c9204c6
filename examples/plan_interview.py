"""Plan the follow-up of one interview and print it.

Run:  python examples/plan_interview.py
"""

from __future__ import annotations

from datetime import date

import pendulum

from followup_rules import Candidate, Interview, Interviewer, Recruiter, plan


def sample_interview() -> Interview:
    """A Tuesday interview in New York with a remote panelist in Berlin."""
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, 0, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        [
            Interviewer(
                "Ana Ruiz",
                title="Engineering Manager",
                email="ana.ruiz@acme.example",
                phone="+1 212 555 0142",
            ),
            Interviewer("Bo Chen", title="Staff Engineer", timezone="Europe/Berlin"),
        ],
        decision_by=date(2026, 7, 15),  # "we'll decide by the 15th"
        recruiter=Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199"),
        candidate=Candidate("Sam Lee", email="sam.lee@example.com"),
        topics=("the move to streaming pipelines",),
    )


def main() -> None:
    interview = sample_interview()
    schedule = plan(interview)
    print(f"Follow-up plan: {interview.role} at {interview.company}")
    print(f"Interview: {interview.starts_at.format('dddd D MMMM YYYY, HH:mm zz')}\n")
    print(schedule)
    now = interview.ends_at.add(days=2)
    upcoming = schedule.next(now)
    if upcoming is not None:
        print(f"\nOn {now.format('ddd D MMM HH:mm')}, next: {upcoming.describe()}")


if __name__ == "__main__":
    main()
