"""The limits on the next follow-up: one named unit per limit rule, shared by plan and audit.

Each unit reads one read-only `FollowupState` (and the recipient's zone) and
says the first day it allows (`Limit.first_day`), and, for `audit`, the
sentence that tells how a contact broke it (`Limit.explain`).  The planner
puts a check-in on the latest first day over `CHECK_IN` (`first_day`);
`audit` reports the first unit of the same tuple, in the same order, that a
contact breaks (`first_broken`).  A gate (`Gate`) closes the step outright:
`stop` after the final outcome, `cap` after too many contacts.  So a limit
is changed in one place, and the planner and the auditor cannot disagree.

This is tenacity's shape (``stop_base``, ``wait_base``: small strategies
over one state), with frozen units and a fixed order.  The records the
units cite (their ids, quotes and knobs) are in `followup_rules.catalogue`.
"""

from __future__ import annotations

import abc
from collections.abc import Callable, Iterable
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from . import _calendar as cal
from . import catalogue
from ._said import Days, OutcomeName, Said
from .catalogue import Rule

if TYPE_CHECKING:
    from .state import FollowupState

__all__ = [
    "ANSWERS_NEWS",
    "ARRANGED",
    "ASKED_ONCE",
    "CAP_EVER",
    "CAP_IN_A_ROW",
    "CHECK_IN",
    "CHECK_IN_GATES",
    "CHECK_IN_TIMED",
    "DEADLINE",
    "FEEDBACK_GAP",
    "FEEDBACK_HOLD",
    "FEEDBACK_REQUEST",
    "FEEDBACK_REQUEST_GATES",
    "NEXT_STEPS",
    "OUT_OF_OFFICE",
    "PATIENCE",
    "RETRY_GAP",
    "SKIPPED",
    "STOP",
    "UNDECIDED",
    "Gate",
    "Limit",
    "first_broken",
    "first_closed",
    "first_day",
    "first_moment",
]


class Limit(abc.ABC):
    """One limit on the day of the next follow-up: its first allowed day, and why.

    Attributes:
        name: what the unit is called in ``repr`` and the docs.
        audited: whether `audit` judges contacts by it.  A unit the planner
            alone keeps (a wait the employer never sees) says so here.
    """

    name: str
    audited: bool = True
    timed: bool = False
    """Whether it sets a first instant besides its day (it overrides `first_moment`): the
    planner asks only those.  Set for each subclass, never by hand."""

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        cls.timed = cls.first_moment is not Limit.first_moment

    @abc.abstractmethod
    def rule(self, state: FollowupState) -> Rule:
        """The catalogue rule this unit enforces (for some units, it depends on *state*)."""

    @abc.abstractmethod
    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        """The first day (on the recipient's calendar, in *tz*) it allows, or None for any."""

    def first_moment(self, state: FollowupState) -> datetime | None:
        """The first instant (UTC) it allows, or None: most units count whole days."""
        return None

    def broken_by(self, state: FollowupState, moment: datetime, day: date, tz: tzinfo) -> bool:
        """Whether a contact at *moment* (UTC), on *day* in *tz*, comes too soon for it."""
        first = self.first_day(state, tz)
        if first is not None and day < first:
            return True
        instant = self.first_moment(state)
        return instant is not None and moment < instant

    @abc.abstractmethod
    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        """What `audit` says of a contact on *day* that breaks it, in one sentence: a
        `followup_rules._said.Said`, the English sentence that `Violation.describe`
        says again in the candidate's language."""

    def __repr__(self) -> str:
        return f"<Limit {self.name}>"


class Gate(abc.ABC):
    """A limit that closes a kind of step outright, whatever the day (rules ``stop``, ``cap``).

    Attributes:
        name: what the gate is called in ``repr`` and the docs.
        rule: the catalogue rule it enforces.
        final: when it is closed, nothing else of the contact is judged (a
            check-in after the final outcome: its day no longer matters).
    """

    name: str
    rule: Rule
    final: bool = False

    @abc.abstractmethod
    def closed(self, state: FollowupState) -> bool:
        """Whether no such step is allowed any more."""

    @abc.abstractmethod
    def explain(self, state: FollowupState) -> str:
        """What `audit` says of a contact made while it is closed (a `Said`, as
        `Limit.explain`)."""

    def __repr__(self) -> str:
        return f"<Gate {self.name}>"


def _after_business_days(day: date, count: int, state: FollowupState) -> date:
    return cal.add_business_days(day, count, state.policy.business_holidays)


def _too_early(day: date, first: date) -> Said:
    return Said("too early", day=day, first=first)


# -- the waits that set a check-in's first day ----------------------------------------


class _Deadline(Limit):
    """Rules ``check-in-after-deadline`` / ``check-in-no-deadline``: the deadline's wait.

    With a decision date (the end of a window): `Policy.wait_after_deadline`
    business days after it (seeds 003 and 004: a day).  Without:
    `Policy.wait_without_deadline` business days after the interview, on
    the recipient's calendar (seed 001: "about a week").  Unanswered word of
    a next round replaces the interview's timeline: `NEXT_STEPS` sets the
    pace then, until a new decision date is given.
    """

    name = "deadline"

    def rule(self, state: FollowupState) -> Rule:
        if state.decision_by is not None:
            return catalogue.CHECK_IN_AFTER_DEADLINE
        return catalogue.CHECK_IN_NO_DEADLINE

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.next_round_at is not None and state.decision_by is None:
            return None  # word of a next round, with no new date since: NEXT_STEPS
        policy = state.policy
        if state.decision_by is not None:
            return _after_business_days(state.decision_by, policy.wait_after_deadline, state)
        # Cached by the identity of the interview's end (`_calendar.business_days_after`):
        # every check-in of a plan asks it again (issue 20, tenth pass); so do the units below.
        return cal.business_days_after(
            state.interview._utc_span[1],
            tz,
            policy.wait_without_deadline,
            policy.business_holidays,
        )

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        first = self.first_day(state, tz)
        assert first is not None  # only a unit with a first day is broken
        return _too_early(day, first)


class _Undecided(Limit):
    """Rule ``undecided``: after "no decision yet" without a new date, about a week again.

    A new date given with it is the deadline's (`DEADLINE`): then this unit
    allows any day.
    """

    name = "undecided"

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.UNDECIDED

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.undecided_at is None:
            return None
        heard = cal.local_date(state.undecided_at, tz)
        if state.decision_by is not None and state.decision_by >= heard:
            return None  # they gave a (new) date: the deadline covers it
        return _after_business_days(heard, state.policy.wait_without_deadline, state)

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        first = self.first_day(state, tz)
        assert first is not None  # only a unit with a first day is broken
        return _too_early(day, first)


class _NextSteps(Limit):
    """Rule ``next-steps``: word of a next round is answered the next business day.

    The first check-in after the news answers it (seed 002: find out what to
    expect, and plan your schedule), as the feedback request answers a
    rejection: it goes the business day after, and keeps `Policy.min_gap`
    only from the candidate's own last contact (`RETRY_GAP` leaves the news
    out), and from the thank-you (`PATIENCE`).
    """

    name = "next-steps"

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.NEXT_STEPS

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.next_round_at is None:
            return None
        return cal.business_days_after(state.next_round_at, tz, 1, state.policy.business_holidays)

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        first = self.first_day(state, tz)
        assert first is not None  # only a unit with a first day is broken
        return _too_early(day, first)


# -- the gaps between contacts --------------------------------------------------------


class _Gap(Limit):
    """Rule ``retry-gap``: `Policy.min_gap` business days after each of its anchors.

    The anchors are instants of the state (see `anchors`); the gap counts
    from the latest, on the recipient's calendar.  Across applications
    (`audit_many`, `agenda_many`) the latest follow-up contact to the same
    person at the same employer in another application
    (`FollowupState.elsewhere`) is one more anchor of every gap: any two
    follow-up contacts to an employer keep `Policy.min_gap` apart.
    """

    def __init__(
        self, name: str, anchors: Callable[[FollowupState], Iterable[datetime | None]]
    ) -> None:
        self.name = name
        self._anchors = anchors

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.RETRY_GAP

    def anchors(self, state: FollowupState) -> list[datetime]:
        """The instants the next contact keeps its distance from (UTC)."""
        found = [moment for moment in self._anchors(state) if moment is not None]
        return found if state.elsewhere is None else [*found, state.elsewhere]

    def latest(self, state: FollowupState) -> datetime | None:
        """The latest anchor (UTC), or None: what the gap counts from."""
        latest = self._own_latest(state)
        elsewhere = state.elsewhere
        if elsewhere is not None and (latest is None or elsewhere > latest):
            return elsewhere
        return latest

    def _own_latest(self, state: FollowupState) -> datetime | None:
        latest = None
        for moment in self._anchors(state):
            if moment is not None and (latest is None or moment > latest):
                latest = moment
        return latest

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        latest = state.elsewhere  # `latest`, written out: each check-in asks it
        for moment in self._anchors(state):
            if moment is not None and (latest is None or moment > latest):
                latest = moment
        if latest is None:
            return None
        return cal.business_days_after(
            latest, tz, state.policy.min_gap, state.policy.business_holidays
        )

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        latest = self.latest(state)
        assert latest is not None  # only a unit with a first day is broken
        previous = cal.local_date(latest, tz)
        apart = cal.business_days_between(previous, day, state.policy.business_holidays)
        where = "gap" if latest == self._own_latest(state) else "gap elsewhere"
        return Said(where, apart=Days(apart), previous=previous, min_gap=state.policy.min_gap)


class _Skipped(Limit):
    """Rule ``retry-gap``: a check-in taking a skipped one's place keeps `min_gap` from the skip.

    The skip is no contact: the employer saw nothing, so `audit` does not
    judge by it; the wait only keeps a dismissed reminder from coming
    straight back as the next one.
    """

    name = "skipped"
    audited = False

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.RETRY_GAP

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.skipped_at is None:
            return None
        return cal.business_days_after(
            state.skipped_at, tz, state.policy.min_gap, state.policy.business_holidays
        )

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        assert state.skipped_at is not None  # only a unit with a first day is broken
        return Said(
            "skipped",
            day=day,
            gap=Days(state.policy.min_gap),
            skipped=cal.local_date(state.skipped_at, tz),
        )


class _Hold(Limit):
    """An out-of-office reply from the contact holds the steps to them until after the return.

    `FollowupState.hold_until` is the first day after it: one business day
    after the first business day back (a week after the auto-reply when no
    return date is given).
    """

    def __init__(self, name: str, rule: Rule, what: str) -> None:
        """*what* is the key of its sentence in `followup_rules._said.phrases`."""
        self.name = name
        self._rule = rule
        self._what = what

    def rule(self, state: FollowupState) -> Rule:
        return self._rule

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        return state.hold_until

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        return Said(self._what, day=day, until=state.hold_until)


class _Patience(Limit):
    """Rule ``patience``: no check-in before every thank-you window has closed, and none
    within `Policy.min_gap` business days of the last thank-you (as sent, or as planned)."""

    name = "patience"

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.PATIENCE

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.thanked_at is None:
            return None
        return cal.business_days_after(
            state.thanked_at, tz, state.policy.min_gap, state.policy.business_holidays
        )

    def first_moment(self, state: FollowupState) -> datetime | None:
        return state.quiet_until

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        return Said("patience", day=day, gap=Days(state.policy.min_gap))


class _AnswersNews(Limit):
    """Rule ``feedback-request``: it answers the rejection, so it goes the next business day.

    The planner's timing, not a limit the employer would feel: `audit` does
    not judge by it.
    """

    name = "answers-news"
    audited = False

    def rule(self, state: FollowupState) -> Rule:
        return catalogue.FEEDBACK_REQUEST

    def first_day(self, state: FollowupState, tz: tzinfo) -> date | None:
        if state.outcome_at is None:
            return None
        return cal.business_days_after(state.outcome_at, tz, 1, state.policy.business_holidays)

    def explain(self, state: FollowupState, day: date, tz: tzinfo) -> str:
        return Said("answers news", day=day)


DEADLINE: Limit = _Deadline()
UNDECIDED: Limit = _Undecided()
NEXT_STEPS: Limit = _NextSteps()
# Rule retry-gap: a check-in keeps `min_gap` from the last follow-up contact and from
# the employer's latest answer, which restarts the wait (seed 004: "wait a few days
# before trying again"); the gap from the thank-you is patience's.  Word of a next
# round, while it is the latest answer and unanswered, is what the check-in answers
# (`NEXT_STEPS`): the gap is then from the candidate's own last contact only.
RETRY_GAP = _Gap(
    "retry-gap",
    lambda state: (
        state.last_contact,
        None
        if state.next_round_at is not None and state.last_reply == state.next_round_at
        else state.last_reply,
    ),
)
SKIPPED: Limit = _Skipped()
OUT_OF_OFFICE: Limit = _Hold("out-of-office", catalogue.RETRY_GAP, "hold check-in")
PATIENCE: Limit = _Patience()

ANSWERS_NEWS: Limit = _AnswersNews()
# Rule retry-gap for the feedback request: `min_gap` from the candidate's own last
# follow-up only, since it answers the rejection it follows.
FEEDBACK_GAP = _Gap("feedback-gap", lambda state: (state.last_contact,))
FEEDBACK_HOLD: Limit = _Hold("feedback-hold", catalogue.FEEDBACK_REQUEST, "hold feedback")

CHECK_IN: tuple[Limit, ...] = (
    DEADLINE,
    UNDECIDED,
    NEXT_STEPS,
    RETRY_GAP,
    SKIPPED,
    OUT_OF_OFFICE,
    PATIENCE,
)
"""The limits on a check-in's day, in the order `audit` reports the first one broken.

The pace rules first (the deadline's wait before the news' waits: on a tie,
the deadline is blamed), then the gaps, the out-of-office hold and patience.
"""

CHECK_IN_TIMED: tuple[Limit, ...] = tuple(limit for limit in CHECK_IN if limit.timed)
"""The units of `CHECK_IN` that set a first instant besides their day (`Limit.timed`), in
the same order: all that `first_moment` asks of `CHECK_IN`, picked out once."""

FEEDBACK_REQUEST: tuple[Limit, ...] = (ANSWERS_NEWS, FEEDBACK_GAP, FEEDBACK_HOLD)
"""The limits on the feedback request's day, in the order `audit` reports them."""


# -- gates ------------------------------------------------------------------------------


class _Stop(Gate):
    """Rule ``stop``: an offer, a rejection or a withdrawal ends the check-ins."""

    name = "stop"
    rule = catalogue.STOP
    final = True

    def closed(self, state: FollowupState) -> bool:
        return state.stopped

    def explain(self, state: FollowupState) -> str:
        assert state.outcome is not None  # stopped means an offer, a rejection or a withdrawal
        return Said("stop", outcome=OutcomeName(state.outcome.value))


class _Arranged(Gate):
    """Rule ``next-steps`` (the library's own part): a next round arranged ends the check-ins."""

    name = "next-round-arranged"
    rule = catalogue.NEXT_STEPS
    final = True

    def closed(self, state: FollowupState) -> bool:
        return state.next_round_on is not None

    def explain(self, state: FollowupState) -> str:
        return Said("arranged", day=state.next_round_on)


class _CapInARow(Gate):
    """Rule ``cap``: at most `Policy.max_check_ins` check-ins in a row without an answer."""

    name = "cap-in-a-row"
    rule = catalogue.CAP

    def closed(self, state: FollowupState) -> bool:
        return state.check_ins >= state.policy.max_check_ins

    def explain(self, state: FollowupState) -> str:
        return Said("cap in a row", number=state.check_ins + 1, allowed=state.policy.max_check_ins)


class _CapEver(Gate):
    """Rule ``cap``: at most `Policy.max_contacts_ever` follow-up contacts in all."""

    name = "cap-ever"
    rule = catalogue.CAP

    def closed(self, state: FollowupState) -> bool:
        return state.contacts_ever >= state.policy.max_contacts_ever  # no contact left

    def explain(self, state: FollowupState) -> str:
        return Said(
            "cap ever", number=state.contacts_ever + 1, allowed=state.policy.max_contacts_ever
        )


class _AskedOnce(Gate):
    """Rule ``feedback-request``: ask for feedback once, then stop."""

    name = "asked-once"
    rule = catalogue.FEEDBACK_REQUEST

    def closed(self, state: FollowupState) -> bool:
        return state.feedback_requested

    def explain(self, state: FollowupState) -> str:
        return Said("asked once")


STOP: Gate = _Stop()
CAP_IN_A_ROW: Gate = _CapInARow()
CAP_EVER: Gate = _CapEver()
ASKED_ONCE: Gate = _AskedOnce()

ARRANGED: Gate = _Arranged()
CHECK_IN_GATES: tuple[Gate, ...] = (STOP, ARRANGED, CAP_IN_A_ROW, CAP_EVER)
"""What closes the check-ins, in the order `audit` reports the first one closed."""

FEEDBACK_REQUEST_GATES: tuple[Gate, ...] = (ASKED_ONCE, CAP_EVER)
"""What closes the feedback request, in the order `audit` reports the first one closed."""


# -- the two readings: the planner's and the auditor's -----------------------------------


def first_day(limits: Iterable[Limit], state: FollowupState, tz: tzinfo) -> date | None:
    """The planner's reading: the latest first day over *limits* (None when none sets one)."""
    latest = None
    for limit in limits:
        day = limit.first_day(state, tz)
        if day is not None and (latest is None or day > latest):
            latest = day
    return latest


def first_moment(limits: Iterable[Limit], state: FollowupState) -> datetime | None:
    """The latest first instant (UTC) over *limits*, or None."""
    latest = None
    for limit in limits:
        if not limit.timed:
            continue
        moment = limit.first_moment(state)
        if moment is not None and (latest is None or moment > latest):
            latest = moment
    return latest


def first_broken(
    limits: Iterable[Limit], state: FollowupState, moment: datetime, tz: tzinfo
) -> Limit | None:
    """The auditor's reading: the first audited unit that a contact at *moment* breaks."""
    day = cal.local_date(moment, tz)
    for limit in limits:
        if limit.audited and limit.broken_by(state, moment, day, tz):
            return limit
    return None


def first_closed(gates: Iterable[Gate], state: FollowupState) -> Gate | None:
    """The first of *gates* that is closed, or None."""
    for gate in gates:
        if gate.closed(state):
            return gate
    return None
