"""A team's own rules: subclass Policy, change defaults, override hooks.

Run:  python examples/house_policy.py

The planner still enforces every limit (gap, cap, calls, windows) on whatever
the hooks return, so a house policy can only be *more* patient.
"""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pendulum

from followup_rules import Channel, FollowupState, Interview, Policy, plan


@attrs.frozen(kw_only=True)
class AgencyPolicy(Policy):
    """Our agency's house rules.

    - a week between check-ins (seed 004 says "a few days"; we are patient);
    - never on a Monday, when hiring managers dig out of their inbox;
    - e-mail first, and the one call (if allowed) only as the last try.
    """

    min_gap: int = 5
    avoid_weekday: int = attrs.field(default=0)

    def check_in_day(self, state: FollowupState, earliest: date) -> date:
        day = earliest
        while day.weekday() == self.avoid_weekday:
            day += timedelta(days=1)
        return day

    def check_in_channel(self, state: FollowupState) -> Channel:
        last_try = state.check_ins == self.max_check_ins - 1
        return Channel.PHONE if last_try else Channel.EMAIL


def main() -> None:
    interview = Interview(
        pendulum.datetime(2026, 7, 8, 11, tz="Europe/London"),
        "Thames Robotics",
        "Firmware Engineer",
        ["Olu Adeyemi"],
        decision_by=date(2026, 7, 17),
    )
    print(plan(interview, AgencyPolicy()))


if __name__ == "__main__":
    main()
