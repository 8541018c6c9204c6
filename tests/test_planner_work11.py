"""Work the planner no longer does (issue 20, eleventh pass): each test of a count fails on
the code before it, and the others check that the answers are what the longer road gave."""

from __future__ import annotations

import importlib
import pickle
import sys
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

from followup_rules import Channel, Interviewer, Policy, plan, rules
from followup_rules import policy as policy_module
from followup_rules.action import Action, _Building
from followup_rules.events import Contact, trusted_contact
from followup_rules.events import _Building as _BuildingContact
from followup_rules.model import ActionKind
from followup_rules.policy import call_basis, default_check_in_channel, default_check_in_choice
from followup_rules.state import FollowupState

from .factories import ANA, BO, at, interview, make_state

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


@pytest.fixture
def bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """The benchmark's script, for its population (as `test_benchmarks` imports it)."""
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench")


_planner = sys.modules["followup_rules.plan"]  # the module: the package exports the function


class TestStepsAreBuiltWithoutACallASlot:
    """`Action._planned` and `trusted_contact` fill the slots of an unfrozen twin of the
    frozen class by plain assignment, then make it the class itself."""

    def test_the_builders_name_no_slot_setter(self) -> None:
        """Fails on the code before: each slot was set by a call of its own `__set__`."""
        for code in (Action._planned.__func__.__code__, trusted_contact.__code__):
            assert not [name for name in code.co_names if name.startswith("_SET")]
            assert "__class__" in code.co_names

    @pytest.mark.parametrize(
        ("twin", "frozen"), [(_Building, Action), (_BuildingContact, Contact)]
    )
    def test_the_twin_adds_nothing_but_plain_assignment(self, twin: type, frozen: type) -> None:
        assert twin.__bases__ == (frozen,)
        assert twin.__dict__["__slots__"] == ()
        assert twin.__basicsize__ == frozen.__basicsize__
        assert twin.__setattr__ is object.__setattr__
        assert twin.__delattr__ is object.__delattr__

    def test_no_twin_leaves_the_planner(self, bench: ModuleType) -> None:
        """Every step, missed step and folded contact is of the frozen class itself, and
        stays frozen, with every slot set."""
        for iv, history in bench.population(60):
            for made in (plan(iv), plan(iv, history=history)):
                for action in (*made, *made.missed):
                    assert type(action) is Action
                    for field in attrs.fields(Action):
                        getattr(action, field.name)  # no slot left unset
                    with pytest.raises(attrs.exceptions.FrozenInstanceError):
                        action.rule = "cap"  # type: ignore[misc]
                    assert type(_planner._as_made(action)) is Contact

    def test_a_built_step_is_what_the_checked_constructor_makes(self) -> None:
        for action in plan(interview(interviewers=[ANA, BO])):
            by_hand = Action(
                action.kind,
                action.channel,
                action.recipient,
                action.earliest,
                action.latest,
                action.suggested,
                action.rule,
                action.sources,
                action.template,
                action.facts,
                late_since=action.late_since,
            )
            assert by_hand == action
            assert hash(by_hand) == hash(action)
            again = pickle.loads(pickle.dumps(action))
            assert type(again) is Action
            assert again == action

    def test_a_trusted_contact_is_the_checked_one(self) -> None:
        moment = at(2024, 7, 9, 10)
        contact = trusted_contact(moment, Channel.EMAIL, ActionKind.CHECK_IN, "Ana Ruiz")
        assert type(contact) is Contact
        assert contact == Contact(moment, Channel.EMAIL, ActionKind.CHECK_IN, "Ana Ruiz")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            contact.note = "x"  # type: ignore[misc]

    def test_a_late_step_keeps_when_its_window_closed(self) -> None:
        iv = interview()
        late = plan(iv, now=at(2024, 7, 3, 18))  # the thank-you notes' windows have closed
        moved = [action for action in late if action.late_since is not None]
        assert moved
        for action in moved:
            assert action.late_since.tzinfo is not None
            assert action.late_since < action.earliest


@pytest.fixture
def bases(monkeypatch: pytest.MonkeyPatch) -> list[FollowupState]:
    """The states `call_basis` was asked of, in order."""
    asked: list[FollowupState] = []

    def counted(state: FollowupState) -> Any:
        asked.append(state)
        return call_basis(state)

    monkeypatch.setattr(policy_module, "call_basis", counted)
    monkeypatch.setattr(rules, "call_basis", counted)
    return asked


class TestTheDefaultHooksAreNotCalled:
    """A policy whose class keeps `Policy.check_in_day` and `Policy.check_in_channel` gets
    what they give without the calls, and rule ``one-call`` reads the call's basis that the
    default channel worked out."""

    @pytest.mark.parametrize(
        "changes",
        [{}, {"decision_by": date(2024, 7, 10)}, {"invited_to_call": True}],
        ids=["no decision date", "a decision date", "invited to call"],
    )
    def test_the_basis_of_a_call_is_worked_out_once_a_check_in(
        self, bases: list[FollowupState], changes: dict[str, Any]
    ) -> None:
        """Fails on the code before where a call is allowed (a decision date, an invitation):
        the default channel and ``one-call`` each asked it."""
        made = plan(interview(**changes))
        assert len([a for a in made if a.kind is ActionKind.CHECK_IN]) == 3
        assert len(bases) == 3

    def test_the_hooks_of_policy_are_not_called(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Fails on the code before: each check-in called both hooks."""
        called: list[str] = []
        for name in ("check_in_day", "check_in_channel"):
            hook = getattr(Policy, name)

            def spy(*args: Any, _hook: Any = hook, _name: str = name) -> Any:
                called.append(_name)
                return _hook(*args)

            monkeypatch.setattr(Policy, name, spy)
        # the spies are the defaults still: the planner compares a class's hooks with these
        monkeypatch.setattr(rules, "_DEFAULT_DAY", Policy.check_in_day)
        monkeypatch.setattr(rules, "_DEFAULT_CHANNEL", Policy.check_in_channel)
        plan(interview())
        assert called == []

    def test_a_house_policy_s_hooks_are_called(self) -> None:
        @attrs.frozen
        class House(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                return date(2024, 8, 1)

            def check_in_channel(self, state: FollowupState) -> Channel:
                return Channel.PHONE

        made = plan(interview(invited_to_call=True), House())
        check_ins = [a for a in made if a.kind is ActionKind.CHECK_IN]
        assert check_ins[0].earliest.date() == date(2024, 8, 1)
        assert check_ins[0].channel is Channel.PHONE  # invited: the one call allowed
        assert [a.channel for a in check_ins[1:]] == [Channel.EMAIL, Channel.EMAIL]

    def test_the_default_choice_is_the_default_channel_and_its_basis(
        self, bench: ModuleType
    ) -> None:
        states = []
        for changes in (
            {},
            {"decision_by": date(2024, 7, 10)},
            {"invited_to_call": True},
            {"interviewers": [attrs.evolve(ANA, preferred_channel=Channel.PHONE), BO]},
            {"interviewers": [attrs.evolve(ANA, preferred_channel=Channel.EMAIL), BO]},
            {"interviewers": [Interviewer("Di Eze", preferred_channel=Channel.PHONE)]},
        ):
            for policy in (Policy(), Policy(respect_preferred_channel=False), Policy(max_calls=0)):
                states.append(make_state(policy=policy, **changes))
        for iv, _ in bench.population(40):
            states.append(_start(iv))
        for state in states:
            wanted, basis = default_check_in_choice(state)
            assert wanted is default_check_in_channel(state)
            if wanted is Channel.PHONE:
                assert basis is call_basis(state)
                assert rules._one_call(state, basis) == rules.allowed_channel(state, wanted)
            else:
                assert rules.allowed_channel(state, wanted) == rules._BY_EMAIL


def _start(iv: Any) -> FollowupState:
    from followup_rules.plan import steps_after_interview
    from followup_rules.state import THANKS_KINDS, replay

    steps = steps_after_interview(iv, Policy())
    return replay(iv, Policy(), (), [s for s in steps if s.kind in THANKS_KINDS], steps)


@pytest.fixture
def copies(monkeypatch: pytest.MonkeyPatch) -> list[FollowupState]:
    """The states whose fields were copied (`state._evolved`, the fold's copy)."""
    from followup_rules import state as state_module

    copied: list[FollowupState] = []
    evolve = state_module._evolved

    def counted(state: FollowupState, changes: dict[str, Any]) -> FollowupState:
        copied.append(state)
        return evolve(state, changes)

    monkeypatch.setattr(state_module, "_evolved", counted)
    monkeypatch.setattr(_planner, "_evolved", counted)
    return copied


class TestTheFoldOwnsItsStates:
    """The check-ins are folded into a state the fold made, in place, while no hook of the
    policy is given it: one copy of the fields a plan, where each step folded made one."""

    @pytest.mark.parametrize(
        "changes",
        [{}, {"decision_by": date(2024, 7, 10)}, {"interviewers": [ANA]}],
        ids=["no decision date", "a decision date", "the contact alone"],
    )
    def test_one_copy_a_plan(self, copies: list[FollowupState], changes: dict[str, Any]) -> None:
        """Fails on the code before: four copies (the notes sent, then each check-in)."""
        made = plan(interview(**changes))
        assert len([a for a in made if a.kind is ActionKind.CHECK_IN]) == 3
        assert len(copies) == 1

    def test_a_hook_keeps_what_it_was_given(self, copies: list[FollowupState]) -> None:
        """A policy with a hook of its own sees every state as it was given, and plans the
        same as the default policy."""
        kept: list[tuple[FollowupState, dict[str, Any]]] = []

        @attrs.frozen
        class Watching(Policy):
            def check_in_day(self, state: FollowupState, earliest: date) -> date:
                kept.append((state, dict(state.__dict__)))
                return earliest

        iv = interview(decision_by=date(2024, 7, 10))
        watched = plan(iv, Watching())
        assert len(copies) == 4  # the notes sent, then each of the three check-ins
        assert len(kept) == 3  # each check-in (the fourth is stopped by rule cap before)
        for state, fields in kept:
            assert state.__dict__ == fields
        assert [(a.kind, a._utc, a.facts) for a in watched] == [
            (a.kind, a._utc, a.facts) for a in plan(iv)
        ]

    def test_the_caller_s_state_is_not_changed(self) -> None:
        state = make_state()
        fields = dict(state.__dict__)
        steps = _planner.contacts_to_come(state)
        assert len(steps) == 3
        assert state.__dict__ == fields

    def test_planned_as_the_fold_of_their_contacts(self, bench: ModuleType) -> None:
        """Each plan's check-ins, folded one by one as reported contacts, leave the state
        the plan's fold reached: the in-place fold is the pure one."""
        for iv, history in bench.population(40):
            for events in ((), history):
                made = plan(iv, history=events)
                again = plan(iv, _Copying(), history=events)
                assert [(a.kind, a.channel, a._utc, a.facts) for a in made] == [
                    (a.kind, a.channel, a._utc, a.facts) for a in again
                ]


@attrs.frozen
class _Copying(Policy):
    """The default policy with a hook of its own (the same day): every fold copies."""

    def check_in_day(self, state: FollowupState, earliest: date) -> date:
        return earliest


class TestLazyFactsAreMadeWithoutTheClassCall:
    def test_the_planner_makes_them_with_the_builder(self) -> None:
        """Fails on the code before: the rules called the class."""
        from followup_rules.facts import LazyFacts, _lazy_facts

        assert rules._facts is _lazy_facts
        made = _lazy_facts(max, 3, 5)
        assert type(made) is LazyFacts
        assert made.get() == 5
        assert made._args == ()
        assert made.get() == 5
