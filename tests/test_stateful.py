"""A stateful test: a candidate lives with the agenda for weeks, against an employer.

The employer stays silent, says "undecided" (with or without a new date),
moves the candidate to the next round, offers, rejects, asks for feedback or
is out of office, sometimes someone else answers.  The candidate does what
the agenda says to do now, or the next step in its window, on time or late;
skips or snoozes steps by their ids; logs events late, out of order or twice;
renames the company or the role, or reschedules the interview (with an
`Interview.id`).  After every move (issue 17, SPEC invariants 1-12):

- nothing is planned before now, and every limit holds (the oracle of
  `tests/invariants.py`, which shares no code with the library's state);
- the agenda never says "now" outside an allowed window;
- everything it says to do now, done now, passes `audit`;
- the log as a whole is polite;
- no logged event is lost or doubled;
- step ids survive edits of the interview.
"""

from __future__ import annotations

from datetime import timedelta

import attrs
import pendulum
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from followup_rules import (
    ActionKind,
    Agenda,
    Channel,
    Interview,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Reply,
    Skip,
    Snooze,
    Standing,
    Update,
    agenda,
    audit,
    plan,
)
from followup_rules.identity import done_ids
from followup_rules.state import check_history

from .invariants import business, check_all, in_time_order, zone
from .strategies import any_policy, interviews


class CandidateLivesWithTheAgenda(RuleBasedStateMachine):
    """Histories grown one move at a time, checked after each one."""

    interview: Interview
    policy: Policy
    history: list[object]
    now: pendulum.DateTime

    @initialize(interview=interviews(), policy=any_policy, with_id=st.booleans())
    def meet(self, interview: Interview, policy: Policy, with_id: bool) -> None:
        self.interview = attrs.evolve(interview, id="app-7") if with_id else interview
        self.policy = policy
        self.history = []
        self.now = interview.starts_at

    # -- what the library says --------------------------------------------------

    def current(self) -> Plan:
        return plan(self.interview, self.policy, history=self.history, now=self.now)  # type: ignore[arg-type]

    def today(self) -> Agenda:
        return agenda(self.interview, self.policy, history=self.history, now=self.now)  # type: ignore[arg-type]

    def log(self, event: object) -> None:
        self.history.append(event)
        self.now = max(self.now, pendulum.instance(event.at))  # type: ignore[attr-defined]

    # -- the candidate ----------------------------------------------------------

    @rule()
    def does_what_is_to_do_now(self) -> None:
        """Invariant 11's move: the first step the agenda marks to do now, done now."""
        for item in self.today().to_do:
            if item.action.channel is not Channel.IN_PERSON:
                self.log(item.action.done(self.now))
                return

    @rule(lateness=st.sampled_from((0.0, 0.0, 0.25, 1.0)))
    def does_the_next_step_in_its_window(self, lateness: float) -> None:
        """The step overdue longest (else the first due or coming), inside its window."""
        item = self.today().next
        if item is None or item.action.channel is Channel.IN_PERSON:
            return
        action = item.action
        start = max(self.now, action.earliest)
        self.log(action.done(start + (action.latest - start) * lateness))

    @rule(hours=st.integers(1, 24 * 12))
    def lets_time_pass(self, hours: int) -> None:
        self.now = self.now + timedelta(hours=hours)

    @rule(pick=st.integers(0, 20))
    def skips_a_step(self, pick: int) -> None:
        """Dismisses a step by its id (a planned one, or one listed as missed)."""
        items = list(self.today())
        if items:
            self.log(Skip(self.now, items[pick % len(items)].id))

    @rule(pick=st.integers(0, 20), hours=st.integers(1, 24 * 8))
    def snoozes_a_step(self, pick: int, hours: int) -> None:
        """Pushes a step later by its id."""
        items = [i for i in self.today() if i.standing is not Standing.SUPERSEDED]
        if items:
            until = self.now + timedelta(hours=hours)
            self.log(Snooze(self.now, items[pick % len(items)].id, until))

    @rule(hours=st.integers(0, 48), where=st.integers(0, 30), reply=st.booleans())
    def logs_an_answer_late(self, hours: int, where: int, reply: bool) -> None:
        """A forgotten answer logged later, written anywhere in the list.

        It happened after everything already logged (an answer logged before
        a contact would make that contact pushy after the fact), but it is
        written before some of those events in the list.
        """
        last = max((e.at for e in self.history), default=self.interview.starts_at)  # type: ignore[attr-defined]
        at = max(pendulum.instance(last) + timedelta(minutes=1), self.now - timedelta(hours=hours))
        event = Reply(at) if reply else OutOfOffice(at)
        self.history.insert(where % (len(self.history) + 1), event)
        self.now = max(self.now, at)

    @rule(pick=st.integers(0, 30))
    def logs_an_event_twice(self, pick: int) -> None:
        """The same event recorded again: it must count once."""
        if self.history:
            self.history.append(self.history[pick % len(self.history)])

    @precondition(lambda self: self.interview.id is not None)
    @rule(company=st.sampled_from(("Acme SE", "Acme GmbH")), role=st.sampled_from(("Lead", "")))
    def renames_the_application(self, company: str, role: str) -> None:
        """Company and role edited: with an id, every step id stays."""
        before = [item.id for item in self.today()]
        done = done_ids(self.interview, self.history)  # type: ignore[arg-type]
        changes = {"company": company} if not role else {"company": company, "role": role}
        self.interview = attrs.evolve(self.interview, **changes)
        assert [item.id for item in self.today()] == before
        assert done_ids(self.interview, self.history) == done  # type: ignore[arg-type]

    @precondition(lambda self: self.interview.id is not None and not self.history)
    @rule(minutes=st.integers(1, 6 * 60))
    def reschedules_before_anything_happened(self, minutes: int) -> None:
        """The interview moved later: with an id, the steps keep their ids."""
        before = [(a.kind, a.recipient) for a in plan(self.interview, self.policy)]
        ids = set(_ids(self.interview, self.policy))
        starts_at = self.interview.starts_at + timedelta(minutes=minutes)
        decision_by = self.interview.decision_by
        decided = self.interview.decision_date
        if decided is not None and starts_at.date() > decided:
            decision_by = starts_at.date()  # a later day moves a same-day decision with it
        moved = attrs.evolve(self.interview, starts_at=starts_at, decision_by=decision_by)
        if [(a.kind, a.recipient) for a in plan(moved, self.policy)] == before:
            assert set(_ids(moved, self.policy)) == ids
        self.interview = moved
        self.now = max(self.now, moved.starts_at)

    # -- the employer -----------------------------------------------------------

    @rule(hours=st.integers(0, 48), someone_else=st.booleans())
    def employer_replies(self, hours: int, someone_else: bool) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.log(Reply(self.now, _other(self.interview) if someone_else else None))

    @rule(hours=st.integers(0, 48), days=st.none() | st.integers(0, 21))
    def employer_is_undecided(self, hours: int, days: int | None) -> None:
        self.now = self.now + timedelta(hours=hours)
        new_date = None if days is None else self.now.date() + timedelta(days=days)
        self.log(Update(self.now, Outcome.UNDECIDED, decision_by=new_date))

    @rule(
        hours=st.integers(0, 48),
        outcome=st.sampled_from(
            (Outcome.NEXT_ROUND, Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN)
        ),
    )
    def employer_decides(self, hours: int, outcome: Outcome) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.log(Update(self.now, outcome))

    @rule(hours=st.integers(0, 48), days=st.integers(0, 21))
    def employer_arranges_a_next_round(self, hours: int, days: int) -> None:
        """News of a next round with its day: this interview's check-ins end."""
        self.now = self.now + timedelta(hours=hours)
        self.log(Update(self.now, Outcome.NEXT_ROUND, self.now.date() + timedelta(days=days)))

    @rule(hours=st.integers(0, 72))
    def employer_asks_for_feedback(self, hours: int) -> None:
        self.now = self.now + timedelta(hours=hours)
        self.log(Update(self.now, Outcome.FEEDBACK_REQUESTED))

    @rule(
        hours=st.integers(0, 24), away=st.none() | st.integers(0, 14), someone_else=st.booleans()
    )
    def employer_is_out_of_office(self, hours: int, away: int | None, someone_else: bool) -> None:
        self.now = self.now + timedelta(hours=hours)
        returns = None if away is None else self.now.date() + timedelta(days=away)
        sender = _other(self.interview) if someone_else else None
        self.log(OutOfOffice(self.now, returns, sender))

    # -- after every move --------------------------------------------------------

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def never_pushy_and_nothing_before_now(self) -> None:
        check_all(self.interview, self.policy, self.history, self.current(), self.now)

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def the_auditor_agrees(self) -> None:
        assert audit(self.interview, self.history, self.policy) == []  # type: ignore[arg-type]

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def now_only_inside_an_allowed_window(self) -> None:
        """Invariant 11: to do now only inside the window; done now, it passes audit."""
        for item in self.today().to_do:
            action = item.action
            assert action.earliest <= self.now <= action.latest, (self.now, action)
            if action.kind is ActionKind.CHECK_IN and action.channel is Channel.PHONE:
                local = self.now.in_timezone(zone(self.interview, action.recipient))
                window = self.policy.call_window
                assert business(local.date(), self.policy)
                assert window.start <= local.time().replace(tzinfo=None) <= window.end
            if action.channel is Channel.IN_PERSON:
                continue
            done = [*self.history, action.done(self.now)]
            assert audit(self.interview, done, self.policy) == [], item  # type: ignore[arg-type]

    @precondition(lambda self: hasattr(self, "interview"))
    @invariant()
    def nothing_logged_is_lost_or_doubled(self) -> None:
        """Invariant 12 for the library: each distinct event read once, by instant."""
        expected = in_time_order(self.history)
        assert list(check_history(self.interview, self.history)) == expected


def _other(interview: Interview) -> str | None:
    """Someone who answers instead of the contact: another interviewer, or the recruiter."""
    contact = interview.follow_up_contact.name
    for person in interview.interviewers:
        if person.name != contact:
            return person.name
    return None if interview.recruiter is None else interview.recruiter.name


def _ids(interview: Interview, policy: Policy) -> list[str]:
    from followup_rules import action_ids

    return list(action_ids(plan(interview, policy), interview))


CandidateLivesWithTheAgenda.TestCase.settings = settings(stateful_step_count=30)
TestCandidateLivesWithTheAgenda = CandidateLivesWithTheAgenda.TestCase
