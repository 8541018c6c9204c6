"""A stateful test: an employer plays against a candidate who follows the plan.

The employer stays silent, says "undecided" (with or without a new date),
moves the candidate to the next round, offers, rejects, asks for feedback or
is out of office; the candidate always does `plan(...).next(now)`.  After
every step no limit may be overstepped, and the auditor must agree the log is
polite.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from followup_rules import (
    Interview,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Reply,
    Update,
    audit,
    plan,
)

from .invariants import check_all
from .strategies import any_policy, interviews


class EmployerAgainstCandidate(RuleBasedStateMachine):
    """Histories grown one event at a time, checked after each one."""

    interview: Interview
    policy: Policy
    history: list[object]
    now: pendulum.DateTime

    @initialize(interview=interviews(), policy=any_policy)
    def meet(self, interview: Interview, policy: Policy) -> None:
        self.interview = interview
        self.policy = policy
        self.history = []
        self.now = interview.starts_at

    def current(self) -> Plan:
        return plan(self.interview, self.policy, history=self.history)

    @rule(lateness=st.sampled_from((0.0, 0.0, 0.25, 1.0)))
    def candidate_does_the_next_thing(self, lateness: float) -> None:
        action = self.current().next(self.now)
        if action is None:
            return
        start = max(self.now, action.earliest)
        at = start + (action.latest - start) * lateness
        self.history.append(action.done(at))
        self.now = pendulum.instance(at)

    @rule(hours=st.integers(1, 24 * 10))
    def silence(self, hours: int) -> None:
        self.now = self.now + timedelta(hours=hours)

    @rule(hours=st.integers(0, 48))
    def employer_replies(self, hours: int) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.history.append(Reply(self.now))

    @rule(hours=st.integers(0, 48), days=st.none() | st.integers(0, 21))
    def employer_is_undecided(self, hours: int, days: int | None) -> None:
        self.now = self.now + timedelta(hours=hours)
        new_date = None if days is None else self.now.date() + timedelta(days=days)
        self.history.append(Update(self.now, Outcome.UNDECIDED, decision_by=new_date))

    @rule(
        hours=st.integers(0, 48),
        outcome=st.sampled_from(
            (Outcome.NEXT_ROUND, Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN)
        ),
    )
    def employer_decides(self, hours: int, outcome: Outcome) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.history.append(Update(self.now, outcome))

    @rule(hours=st.integers(0, 72))
    def employer_asks_for_feedback(self, hours: int) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.history.append(Update(self.now, Outcome.FEEDBACK_REQUESTED))

    @rule(hours=st.integers(0, 24), away=st.none() | st.integers(0, 14))
    def employer_is_out_of_office(self, hours: int, away: int | None) -> None:
        self.now = self.now + timedelta(hours=hours)
        returns = None if away is None else self.now.date() + timedelta(days=away)
        self.history.append(OutOfOffice(self.now, returns))

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def never_pushy(self) -> None:
        check_all(self.interview, self.policy, self.history, self.current())

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def the_auditor_agrees(self) -> None:
        assert audit(self.interview, self.history, self.policy) == []


EmployerAgainstCandidate.TestCase.settings = settings(stateful_step_count=30)  # on the profile
TestEmployerAgainstCandidate = EmployerAgainstCandidate.TestCase
