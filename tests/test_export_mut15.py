"""What the fifteenth mutation pass found untested in `_why` and `export` (issue 20).

Each test reads what a person or a calendar reads: the "Why:" line of an item
(icalendar's DESCRIPTION, read back) and the agenda's `AgendaItem.why`.
"""

from __future__ import annotations

import re
from datetime import date

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Event,
    Outcome,
    Policy,
    Skip,
    Update,
    action_ids,
    plan,
)
from followup_rules.catalogue import RULES
from followup_rules.export import to_ics

from .factories import at
from .test_export_content import NOW, by_uid, description_blocks, items, signed


def whys_after(policy: Policy, history: list[Event], language: str | None = None) -> list[str]:
    """The "Why:" lines (in *language*'s words) of the calendar of `signed()` planned
    after *history*."""
    iv = signed(candidate=Candidate("Sam Lee", email="sam@example.com", language=language))
    events = list(history)
    schedule = plan(iv, policy, history=events)
    text = to_ics(schedule, iv, now=NOW, history=events, policy=policy).decode()
    return [
        line
        for block in description_blocks(text)
        for line in block.splitlines()
        if line.startswith(("Why: ", "Warum: ", "Pourquoi\xa0: ", "Por qué: "))
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


class TestARetryToSomeoneNotYetContacted:
    """A check-in called to Bo (Wed 17 Jul 2024), then the first step to Ana: a retry
    whose recipient has had no contact, so neither the channel nor the day of
    that contact is Ana's."""

    CALLED_BO = (Contact(at(2024, 7, 17, 10), Channel.PHONE, ActionKind.CHECK_IN, "Bo Chen"),)

    def test_it_says_contact_not_message_nor_call(self) -> None:
        """Not "after your last message" (it was a call, before the fifteenth pass), nor
        a day of Ana's."""
        said = whys_after(Policy(min_gap=3), list(self.CALLED_BO))
        assert said[0] == "Why: No answer yet: three business days after your last contact."
        # the next retry counts from the first one to Ana, a contact of hers
        assert said[1].startswith("Why: No answer yet: three business days after your last ")
        assert said[1].endswith(" (Mon 22 Jul 2024).")

    def test_in_each_language(self) -> None:
        for language, words in (
            ("de", "nach Ihrem letzten Kontakt."),
            ("fr", "après votre dernier contact."),
            ("es", "después de su último contacto."),
        ):
            said = whys_after(Policy(min_gap=3), list(self.CALLED_BO), language)
            assert said[0].endswith(words), (language, said[0])


WHY = ("Why: ", "Warum: ", "Pourquoi\xa0: ", "Por qué: ")


def whys_citing(rules: list[str], policy: Policy, language: str | None = None) -> list[str]:
    """The "Why:" lines of steps an app made itself, each citing one of *rules* (the
    plan's last check-in with its rule changed: `Action` takes any rule of the
    catalogue)."""
    iv = signed(candidate=Candidate("Sam Lee", email="sam@example.com", language=language))
    check_in = [a for a in plan(iv, policy) if a.kind is ActionKind.CHECK_IN][-1]
    own = plan(iv, policy)
    steps = attrs.evolve(own, actions=tuple(attrs.evolve(check_in, rule=r) for r in rules))
    text = to_ics(steps, iv, now=NOW, policy=policy).decode()
    said = [
        line
        for block in description_blocks(text)
        for line in block.splitlines()
        if line.startswith(WHY)
    ]
    assert len(said) == len(rules)
    return said


class TestAStepCitingAnyRule:
    POLICY = Policy(max_calls=2, max_check_ins=4, max_contacts_ever=7)

    def test_the_policys_numbers_are_said_in_words(self) -> None:
        """The rules whose summary names a setting say the policy's value in its place."""
        cap, one_call = whys_citing(["cap", "one-call"], self.POLICY)
        assert cap == (
            "Why: Never more than four check-ins in a row without an answer, nor more than "
            "seven contacts in all."
        )
        assert one_call.startswith("Why: At most two phone calls to the employer, only when ")

    @pytest.mark.parametrize("language", [None, "de", "fr", "es"])
    def test_no_setting_is_named_whatever_the_rule(self, language: str | None) -> None:
        """Whatever rule of the catalogue a step cites, its reason names no policy setting
        (``max_calls``) and says the policy's numbers."""
        said = whys_citing(list(RULES), self.POLICY, language)
        for line in said:
            assert not re.search(r"[a-z]+_[a-z_]+", line), line
        cap = said[list(RULES).index("cap")]
        assert re.search(r"\b4\b.*\b7\b" if language else r"\bfour\b.*\bseven\b", cap), cap
        one_call = said[list(RULES).index("one-call")]
        assert re.search(r"\b2\b" if language else r"\btwo\b", one_call), one_call


class TestTheItemsOfAnApplication:
    def test_a_file_written_again_holds_each_step_once(self) -> None:
        """Synced over the file it wrote, an export holds every step once: a step still
        planned is not also closed as an old one."""
        iv = signed()
        schedule = plan(iv)
        first = to_ics(schedule, iv, now=NOW)
        again = [str(item["UID"]) for item in items(to_ics(schedule, iv, now=NOW, previous=first))]
        assert sorted(again) == sorted(action_ids(schedule, iv))

    def test_a_step_skipped_after_the_plan_was_made_is_cancelled(self) -> None:
        """The plan given was made before the skip (it still holds the step): the step is
        written cancelled, with nothing to ring, once."""
        iv = signed()
        schedule = plan(iv)
        skipped = action_ids(schedule, iv)[-1]
        history = [Skip(pendulum.datetime(2024, 7, 12, 9, tz="America/New_York"), skipped)]
        data = to_ics(schedule, iv, now=NOW, history=history)
        uids = [str(item["UID"]) for item in items(data)]
        assert uids.count(skipped) == 1
        item = by_uid(data)[skipped]
        assert (str(item["STATUS"]), item.walk("VALARM")) == ("CANCELLED", [])
        others = [item for uid, item in by_uid(data).items() if uid != skipped]
        assert all(str(item["STATUS"]) != "CANCELLED" for item in others)

    def test_a_step_done_is_completed_in_a_file_without_step_keys(self) -> None:
        """A file from before X-FOLLOWUP-STEP: a step done since is found by its UID and
        written completed (with the contact's line), not cancelled."""
        iv = signed()
        whole = plan(iv)
        old = b"\r\n".join(
            line
            for line in to_ics(whole, iv, now=NOW).split(b"\r\n")
            if not line.startswith(b"X-FOLLOWUP-STEP")
        )
        ids = action_ids(whole, iv)
        history = [a.done() for a in list(whole)[:8]]
        again = by_uid(
            to_ics(plan(iv, history=history), iv, now=NOW, history=history, previous=old)
        )
        for uid in ids[:8]:
            assert str(again[uid]["STATUS"]) in ("COMPLETED", "CONFIRMED"), uid
