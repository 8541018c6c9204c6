"""Audit a real contact log: was the candidate pushy?

Run:  python examples/audit_log.py
"""

from __future__ import annotations

from datetime import date

import pendulum

from followup_rules import Channel, Contact, Interview, audit

NY = "America/New_York"


def main() -> None:
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NY),
        "Acme Analytics",
        "Data Engineer",
        ["Ana Ruiz"],
        decision_by=date(2026, 7, 15),
    )
    log = [
        Contact(pendulum.datetime(2026, 7, 15, 16, tz=NY), Channel.EMAIL),  # on the date itself
        Contact(pendulum.datetime(2026, 7, 16, 15, tz=NY), Channel.PHONE),  # the next afternoon
        Contact(pendulum.datetime(2026, 7, 17, 10, tz=NY), Channel.PHONE),  # and again
    ]
    found = audit(interview, log)
    if not found:
        print("Polite: no limit was overstepped.")
    for violation in found:
        when = violation.events[0].at.format("ddd D MMM HH:mm")
        print(f"{when}  [{violation.rule}] {violation.message}")
        print(f"{'':17}sources: {', '.join(violation.sources)}")


if __name__ == "__main__":
    main()
