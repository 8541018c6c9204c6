"""Identities survive edits (issue 17): step ids from `Interview.id`, read back, and renames."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidHistory,
    Reply,
    Skip,
    action_ids,
    export,
    identity,
    model,
    plan,
)
from followup_rules.identity import interview_key

from .factories import ANA, BO, at, interview

DECIDED = date(2024, 7, 10)


class TestInterviewId:
    """With `Interview.id`, step ids derive from it, not from company, role or start."""

    def test_the_key_is_the_id(self) -> None:
        """interview_key gives the id itself."""
        assert interview_key(interview(id="acme-2024-07")) == "acme-2024-07"

    def test_an_id_equal_to_the_old_fingerprint_keeps_every_id(self) -> None:
        """The CLI writes id = interview_key(interview) on the first log: nothing changes."""
        before = interview(decision_by=DECIDED)
        after = attrs.evolve(before, id=interview_key(before))
        assert action_ids(plan(after), after) == action_ids(plan(before), before)

    @pytest.mark.parametrize(
        "edit",
        [
            {"company": "Acme Analytics SE"},
            {"role": "Senior Data Engineer"},
            {"starts_at": at(2024, 7, 3, 10)},
        ],
    )
    def test_edits_keep_the_ids_of_the_check_ins(self, edit: dict[str, object]) -> None:
        """Renaming the company or role, or rescheduling: the check-ins keep their ids."""
        first = interview(decision_by=DECIDED, id="acme-1")
        edited = attrs.evolve(first, **edit)
        kept = [uid for uid in action_ids(plan(first), first) if uid.startswith("check_in")]
        again = [uid for uid in action_ids(plan(edited), edited) if uid.startswith("check_in")]
        assert kept == again

    def test_without_an_id_an_edit_changes_them(self) -> None:
        """The fingerprint hashes the company: that is why the id exists."""
        first = interview(decision_by=DECIDED)
        edited = attrs.evolve(first, company="Acme Analytics SE")
        assert set(action_ids(plan(first), first)).isdisjoint(action_ids(plan(edited), edited))


class TestStepKey:
    """`step_key` reads an id back: kind, person, number."""

    def test_an_id_reads_back(self) -> None:
        """The second check-in to Ana."""
        from followup_rules.identity import step_key

        iv = interview(decision_by=DECIDED, id="acme-1")
        schedule = plan(iv)
        uid = action_ids(schedule, iv)[-2]
        assert step_key(uid, iv) == (ActionKind.CHECK_IN, "ana ruiz", 2)

    def test_an_interview_id_with_dashes(self) -> None:
        """The id may hold dashes: the key is matched as the interview's own suffix."""
        from followup_rules.identity import step_key

        iv = interview(decision_by=DECIDED, id="acme-2024-07-02")
        uid = action_ids(plan(iv), iv)[-1]
        assert step_key(uid, iv)[2] == 3

    def test_another_interviews_id_is_refused(self) -> None:
        """A stored id of another application does not read as a step of this one."""
        from followup_rules.identity import step_key

        iv = interview(id="acme-1")
        other = interview(id="globex-1")
        with pytest.raises(ValueError, match="not a step of this interview") as raised:
            step_key(action_ids(plan(other), other)[-1], iv)
        # the hint fits an interview with an id: no edit changed the ids (app5 trial)
        assert "another interview's, or cut short" in str(raised.value)
        assert "changes when the company" not in str(raised.value)
        without = interview()
        with pytest.raises(ValueError, match="changes when the company, role or start"):
            step_key(action_ids(plan(other), other)[-1], without)


class TestRenamedInterviewer:
    """Renaming someone after logging: an error that says what and how to fix it."""

    def test_a_recipient_renamed_in_the_interview(self) -> None:
        """The history names "Bo Chen", the interview now "Bo Chén": refused, with the fix."""
        history = [Contact(at(2024, 7, 3, 9), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")]
        renamed = interview(interviewers=[ANA, attrs.evolve(BO, name="Bo Chén")])
        with pytest.raises(InvalidHistory) as raised:
            plan(renamed, history=history)
        error = raised.value
        assert (error.field, error.value) == ("history[0].recipient", "Bo Chen")
        assert "'Ana Ruiz', 'Bo Chén'" in error.problem
        assert "write the new name here too" in error.problem

    def test_a_sender_renamed_in_the_interview(self) -> None:
        """The same for a reply's sender."""
        renamed = interview(interviewers=[ANA, attrs.evolve(BO, name="Bo Chén")])
        with pytest.raises(InvalidHistory) as raised:
            plan(renamed, history=[Reply(at(2024, 7, 3, 9), "Bo Chen")])
        assert raised.value.field == "history[0].sender"

    def test_a_skip_of_a_renamed_persons_step(self) -> None:
        """The step id names a person the interview no longer has: said so, readably."""
        iv = interview(id="acme-1")
        bo_note = next(uid for uid in action_ids(plan(iv), iv) if uid.startswith("thank_you-bo"))
        renamed = attrs.evolve(iv, interviewers=[ANA, attrs.evolve(BO, name="Bo Chén")])
        with pytest.raises(InvalidHistory) as raised:
            plan(renamed, history=[Skip(at(2024, 7, 2, 16), bo_note)])
        error = raised.value
        assert (error.field, error.value) == ("history[0].step", bo_note)
        assert "'bo-chen'" in error.problem


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# The code points whose case folding leaves a string that NFC composes again
# (U+01F0 "ǰ" folds to "j" and a combining caron): 26 of them in Unicode 15.
_FOLDS_APART = [
    chr(point)
    for point in range(sys.maxunicode + 1)
    if _nfc(_nfc(chr(point)).casefold()) != _nfc(chr(point)).casefold()
]


class TestOnePersonKey:
    """One notion of "the same person" for the planner, the audit, the ids and the files."""

    def test_the_code_points_folded_apart_are_known(self) -> None:
        """The trap is real: 26 code points gave two keys before there was one function."""
        assert len(_FOLDS_APART) == 26
        assert "\u01f0" in _FOLDS_APART and "\u1ff7" in _FOLDS_APART

    def test_every_module_uses_the_one_function(self) -> None:
        """The ids, the exports and the state compare names with the same key."""
        assert identity.person_key is model.person_key
        assert export.person_key is model.person_key

    @pytest.mark.parametrize("char", _FOLDS_APART, ids=lambda char: f"U+{ord(char):04X}")
    def test_a_key_folded_apart_is_composed_again(self, char: str) -> None:
        """Canonical caseless matching: NFC, case fold, NFC; the key is in NFC."""
        key = model.person_key(f"Ana {char}")
        assert key == _nfc(_nfc(f"Ana {char}").casefold())
        assert unicodedata.is_normalized("NFC", key)

    @given(st.text(max_size=12))
    def test_a_key_is_its_own_key(self, name: str) -> None:
        """A key read back (from an id or a file) names the same person again."""
        key = model.person_key(name)
        assert model.person_key(key) == key
        assert unicodedata.is_normalized("NFC", key)
