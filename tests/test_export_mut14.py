"""What the fourteenth mutation pass found untested in `_why` and `export` (issue 20).

Each test reads what a person or a calendar reads: the "Why:" line of an item
(icalendar's DESCRIPTION, read back) and the agenda's `AgendaItem.why`.
"""

from __future__ import annotations

from followup_rules import Policy

from .test_export_content import NOW, description_blocks, plan, signed, to_ics


def whys(policy: Policy, **changes: object) -> list[str]:
    iv = signed(**changes)
    text = to_ics(plan(iv, policy), iv, now=NOW, policy=policy).decode()
    return [
        line
        for block in description_blocks(text)
        for line in block.splitlines()
        if line.startswith("Why: ")
    ]


class TestTheWhyLine:
    def test_each_retry_names_the_channel_of_the_contact_it_counts_from(self) -> None:
        """A retry after a call counts from that call, one after an e-mail from that e-mail:
        the channel and the day said are the same contact's (the plan's call on Thu 11 Jul,
        then its e-mail on Thu 18 Jul)."""
        said = [line for line in whys(Policy(min_gap=5)) if "No answer yet" in line]
        assert said == [
            "Why: No answer yet: five business days after your last call (Thu 11 Jul 2024).",
            "Why: No answer yet: five business days after your last message (Thu 18 Jul 2024).",
        ]

    def test_without_a_decision_date_the_first_check_in_says_its_wait(self) -> None:
        """The policy's own wait, in words, counted from the interview (not the catalogue's
        "about a week")."""
        for wait, words in ((5, "five"), (7, "seven")):
            said = whys(Policy(wait_without_deadline=wait), decision_by=None)
            assert (
                "Why: No decision date was given: the first check-in, "
                f"{words} business days after the interview."
            ) in said
            assert not [line for line in said if "about a week" in line]


def test_a_step_left_out_stays_out_when_superseded_steps_are_dropped_too() -> None:
    """`leave_out` and `drop_superseded` together: the step left out is still not written."""
    from followup_rules import ActionKind

    iv = signed()
    whole = plan(iv, Policy())
    second_check_in = [a for a in whole if a.kind is ActionKind.CHECK_IN][1]
    dropped = description_blocks(to_ics(whole, iv, now=NOW, drop_superseded=True).decode())
    fewer = description_blocks(
        to_ics(whole, iv, now=NOW, drop_superseded=True, leave_out=[second_check_in]).decode()
    )
    assert len(fewer) == len(dropped) - 1
    assert all(block in dropped for block in fewer)
