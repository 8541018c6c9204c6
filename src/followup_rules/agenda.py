"""The agenda: a plan seen from one explicit moment, for apps and the command alike.

A plan says what to do and when; an agenda says where the candidate stands at
*now*: what is **overdue** (its window closed: still worth doing late, or
superseded), what is **due** (its window is open, or opens before *until*),
and what is **coming**.  Nothing whose window has passed is dropped silently:
the steps the planner could no longer plan (`Plan.missed`) are listed as
superseded, with the reason.

Each item carries the step's stable id (`followup_rules.identity`), so an app
can store it, show it, and record "done" against it::

    today = agenda(interview, history=history, now=now)
    for item in today.overdue + today.due:
        print(item.id, item.action.describe(), item.standing.value)
    history.append(today.get(stored_id).action.done(now))

Pure, like the planner: *now* is an argument; nothing reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import datetime
from enum import Enum

import attrs

from ._calendar import utc
from .action import Action, Plan, _check_now
from .errors import InvalidArgument
from .events import Event
from .identity import action_ids
from .model import Channel, Interview
from .plan import plan as make_plan
from .policy import Policy
from .state import FOLLOW_UP_KINDS

__all__ = ["Agenda", "AgendaItem", "Reason", "Standing", "agenda"]


class Standing(Enum):
    """Where a step stands at the agenda's *now*."""

    LATE = "late"
    """Its window has closed, but it is still worth doing, as soon as possible."""
    SUPERSEDED = "superseded"
    """Its window has closed and it is no longer to be done (see `Reason`)."""
    DUE = "due"
    """Its window is open (or opens before the agenda's *until*)."""
    COMING = "coming"
    """Its window opens later."""

    __hash__ = object.__hash__


class Reason(Enum):
    """Why a step is superseded, or why a step that could be due waits."""

    INTERVIEW_OVER = "interview_over"
    """A step for the interview room (cards, timeline, closing): the interview is over."""
    EVENTS_MOVED_ON = "events_moved_on"
    """A one-time step (a thank-you, a debrief) whose window closed before a later
    event of the history: the planner no longer plans it (`Plan.missed`)."""
    AFTER_LATE_STEP = "after_late_step"
    """A follow-up contact planned as if an earlier one, now late, had been done:
    doing both at once would break the spacing between contacts (rule
    ``retry-gap``), so it waits, and is planned again once the late one is
    recorded (see `AgendaItem.after`)."""

    __hash__ = object.__hash__


_REASON_TEXT = {
    Reason.INTERVIEW_OVER: "the interview is over",
    Reason.EVENTS_MOVED_ON: "later events passed its window",
    Reason.AFTER_LATE_STEP: "waits for the late step before it",
}


@attrs.frozen
class AgendaItem:
    """One step on the agenda.

    Attributes:
        action: the planned step.
        id: its stable id (`followup_rules.identity.action_ids`): store it,
            and find the step again with `Agenda.get`.
        standing: overdue (`Standing.LATE` or `Standing.SUPERSEDED`), due, or coming.
        reason: why it is superseded, or why it waits although its window is
            open; None otherwise.
        after: with `Reason.AFTER_LATE_STEP`, the id of the late step it waits for.
    """

    action: Action
    id: str
    standing: Standing
    reason: Reason | None = None
    after: str | None = None

    @property
    def overdue(self) -> bool:
        """Its window has closed (late or superseded)."""
        return self.standing in (Standing.LATE, Standing.SUPERSEDED)

    @property
    def to_do(self) -> bool:
        """Something to do now: late, or due and not waiting for a late step."""
        return self.standing in (Standing.LATE, Standing.DUE)

    def note(self) -> str:
        """A short note for people: ``"superseded: the interview is over"``, or ``""``."""
        if self.reason is None:
            return "late: do it as soon as you can" if self.standing is Standing.LATE else ""
        return f"{self.standing.value}: {_REASON_TEXT[self.reason]}"


@attrs.frozen
class Agenda:
    """A plan seen from *now*: overdue, due and coming steps, each with its id.

    Attributes:
        now: the moment the agenda is for.
        until: the end of the "due" span (*now* unless a later moment was
            given, e.g. the end of the candidate's day).
        overdue: the steps whose window closed before *now*, late ones and
            superseded ones, in time order (missed steps first).
        due: the steps whose window is open at some moment from *now* to
            *until*, in time order.
        coming: the steps whose window opens after *until*, and those that
            wait for a late step, in time order.
    """

    now: datetime
    until: datetime
    overdue: tuple[AgendaItem, ...]
    due: tuple[AgendaItem, ...]
    coming: tuple[AgendaItem, ...]

    def __iter__(self) -> Iterator[AgendaItem]:
        """Every item: overdue, then due, then coming."""
        yield from self.overdue
        yield from self.due
        yield from self.coming

    def __len__(self) -> int:
        return len(self.overdue) + len(self.due) + len(self.coming)

    @property
    def late(self) -> tuple[AgendaItem, ...]:
        """The overdue steps still worth doing."""
        return tuple(item for item in self.overdue if item.standing is Standing.LATE)

    @property
    def superseded(self) -> tuple[AgendaItem, ...]:
        """The overdue steps no longer to do."""
        return tuple(item for item in self.overdue if item.standing is Standing.SUPERSEDED)

    @property
    def next(self) -> AgendaItem | None:
        """The one thing to do next: the oldest late step, else the first due, else coming."""
        for item in self:
            if item.standing is not Standing.SUPERSEDED:
                return item
        return None

    def get(self, id: str) -> AgendaItem | None:
        """The item with this id, or None when the step is not on the agenda (done, or dropped)."""
        for item in self:
            if item.id == id:
                return item
        return None

    @classmethod
    def of(
        cls,
        schedule: Plan,
        interview: Interview,
        *,
        now: datetime,
        until: datetime | None = None,
        history: Iterable[Event] = (),
    ) -> Agenda:
        """The agenda of a plan already made for *interview* with *history*.

        Pass the same history the plan was made with, so that the ids match
        the ones a calendar export and an earlier agenda gave.

        Raises:
            InvalidArgument: *now* or *until* is not an aware datetime, or
                *until* is before *now*.
        """
        now = _check_now(now)
        end = now if until is None else _check_until(until, now)
        history = tuple(history)
        moment, horizon = utc(now), utc(end)
        overdue = [
            AgendaItem(action, uid, Standing.SUPERSEDED, _why_missed(action))
            for action, uid in zip(
                schedule.missed, action_ids(schedule.missed, interview, history), strict=True
            )
        ]
        due: list[AgendaItem] = []
        coming: list[AgendaItem] = []
        blocker: str | None = None  # the id of the first late follow-up contact
        for action, uid in zip(schedule, action_ids(schedule, interview, history), strict=True):
            earliest, latest, _ = action._utc
            closed = latest < moment
            if closed and action.channel is Channel.IN_PERSON:
                overdue.append(AgendaItem(action, uid, Standing.SUPERSEDED, Reason.INTERVIEW_OVER))
            elif blocker is not None and action.kind in FOLLOW_UP_KINDS:
                waits = Reason.AFTER_LATE_STEP
                if closed:
                    overdue.append(AgendaItem(action, uid, Standing.SUPERSEDED, waits, blocker))
                else:
                    coming.append(AgendaItem(action, uid, Standing.COMING, waits, blocker))
            elif closed:
                overdue.append(AgendaItem(action, uid, Standing.LATE))
                if action.kind in FOLLOW_UP_KINDS:
                    blocker = uid
            elif earliest <= horizon:
                due.append(AgendaItem(action, uid, Standing.DUE))
            else:
                coming.append(AgendaItem(action, uid, Standing.COMING))
        return cls(now, end, tuple(overdue), tuple(due), tuple(coming))


def _why_missed(action: Action) -> Reason:
    if action.channel is Channel.IN_PERSON:
        return Reason.INTERVIEW_OVER
    return Reason.EVENTS_MOVED_ON


def _check_until(until: datetime, now: datetime) -> datetime:
    end = _check_now(until, "until")
    if utc(end) < utc(now):
        shown = now.astimezone(until.tzinfo).isoformat()  # in the zone until was given in
        raise InvalidArgument("until", until, f"is before now ({shown})")
    return end


def agenda(
    interview: Interview,
    policy: Policy | None = None,
    *,
    history: Iterable[Event] = (),
    now: datetime,
    until: datetime | None = None,
) -> Agenda:
    """Plan *interview* after *history* and see the plan from *now*.

    Args:
        interview: the interview followed up.
        policy: the etiquette (the consensus by default).
        history: what happened so far, oldest first.
        now: the moment to look from (aware; the library never reads the clock).
        until: count as due the steps whose window opens by then too, e.g. the
            end of the candidate's day for a daily list; *now* by default.

    Returns:
        The `Agenda`: overdue (late or superseded), due and coming steps.

    Raises:
        InvalidInterview: as `plan`.
        InvalidPolicy: as `plan`.
        InvalidArgument: *now* or *until* is not an aware datetime.
    """
    history = tuple(history)
    schedule = make_plan(interview, policy, history=history)
    return Agenda.of(schedule, interview, now=now, until=until, history=history)
