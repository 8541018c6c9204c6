"""What the fifteenth mutation pass found untested in `_why` and `export` (issue 20).

Each test reads what a person or a calendar reads: the "Why:" line of an item
(icalendar's DESCRIPTION, read back) and the agenda's `AgendaItem.why`.
"""

from __future__ import annotations

from datetime import date

from followup_rules import ActionKind, Channel, Contact, Event, Outcome, Policy, Update, plan
from followup_rules.export import to_ics

from .factories import at
from .test_export_content import NOW, description_blocks, signed


def whys_after(policy: Policy, history: list[Event]) -> list[str]:
    """The "Why:" lines of the calendar of `signed()` planned after *history*."""
    iv = signed()
    events = list(history)
    schedule = plan(iv, policy, history=events)
    text = to_ics(schedule, iv, now=NOW, history=events, policy=policy).decode()
    return [
        line
        for block in description_blocks(text)
        for line in block.splitlines()
        if line.startswith("Why: ")
    ]


def undecided(new: date | None) -> list[Event]:
    """A check-in on Thu 11 Jul 2024 (the decision date was Wed 10 Jul), then "no
    decision yet" on Fri 12 Jul, with *new* as the new date they gave."""
    return [
        Contact(at(2024, 7, 11, 10), Channel.EMAIL, ActionKind.CHECK_IN),
        Update(at(2024, 7, 12, 9), Outcome.UNDECIDED, new),
    ]


class TestNoDecisionYet:
    def test_without_a_new_date_the_old_date_is_not_called_new(self) -> None:
        """No decision yet, and no date given: the interview's own decision date, passed,
        is not "the new date" (it was called so before the fifteenth pass)."""
        said = whys_after(Policy(min_gap=4), undecided(None))
        assert said[0] == (
            "Why: No decision yet: a later check-in, four business days or more after "
            "your last contact."
        )
        assert not [line for line in said if "new date" in line]

    def test_a_new_date_given_is_named_with_the_policys_gap(self) -> None:
        for gap, words in ((4, "four"), (6, "six")):
            said = whys_after(Policy(min_gap=gap), undecided(date(2024, 7, 25)))
            assert said[0] == (
                "Why: No decision yet: a later check-in, after the new date (Thu 25 Jul "
                f"2024), {words} business days or more after your last contact."
            )
