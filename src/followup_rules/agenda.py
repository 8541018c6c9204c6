"""The agenda: a plan seen from one explicit moment, for apps and the command alike.

A plan says what to do and when; an agenda says where the candidate stands at
*now*: what is **overdue** (its first window closed: still worth doing late,
in its next allowed window, or superseded), what is **due** (its window is
open, or opens before *until*), and what is **coming**.  Nothing whose window
has passed is dropped silently: the steps the planner could no longer plan
(`Plan.missed`) are listed as superseded, with the reason, for six weeks
(`FORGET_AFTER`) after their window closed.

Late is not now: an item is to be done now (`AgendaItem.to_do`) only while
*now* lies inside a window where the step is allowed.  A late call whose
window has passed is offered in the recipient's next call window, and the
item says when, on both clocks (`AgendaItem.their_window`,
`AgendaItem.your_window`).  An e-mail or a card goes in the recipient's
send window (`Policy.send_window`) on their business day; when its
deadline leaves no moment of that window, in their waking hours before the
deadline (07:00-22:00 their time: a thank-you the evening of a Friday
interview, as the plan suggests it); never in their night: out of these,
the item is due but not to do now, and says when it can be done
(`AgendaItem.doable_at`), even when that is after its deadline: a note due
by 01:00 after a late evening waits for the morning's send window (then
late, within the policy's allowance for a late step: the
`thank_you_late_within` of a thank-you).

Each item carries the step's stable id (`followup_rules.identity`), so an app
can store it, show it, and record "done" (or `Skip`, `Snooze`) against it::

    today = agenda(interview, history=history, now=now, until=end_of_day(now))
    for item in today.to_do:
        print(item.id, item.action.describe())
    history.append(today.get(stored_id).action.done(now))

Pure, like the planner: *now* is an argument; nothing reads the clock.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timedelta
from enum import Enum

import attrs
import pendulum

from . import _calendar as cal
from ._calendar import utc
from ._locale import canonical_locale, locale_for
from ._step_words import agenda_words, label_words
from ._steps import FOLLOW_UP_KINDS
from ._why import _why as step_why
from .action import Action, Plan, _check_now, _language_of
from .errors import InvalidArgument, InvalidPolicy
from .events import Contact, Event, Reply, Update
from .identity import action_ids
from .model import Channel, Interview
from .plan import DEFAULT_POLICY, planned
from .policy import Policy
from .rules import sending_moment, step_zone

__all__ = [
    "FORGET_AFTER",
    "Agenda",
    "AgendaItem",
    "Reason",
    "Standing",
    "agenda",
]

FORGET_AFTER = timedelta(days=42)
"""How long after its window closed an overdue step stays on the agenda: six weeks.

By then every late step has been offered again or missed (by default a note
is worth sending two business days late, a check-in four weeks late), and a
step that can no longer be done has been shown long enough."""


class Standing(Enum):
    """Where a step stands at the agenda's *now*."""

    LATE = "late"
    """Its first window has closed, but it is still worth doing: the plan offers
    it again in its next allowed window (the item's action), which may be open
    now or open later (`AgendaItem.to_do` tells which)."""
    SUPERSEDED = "superseded"
    """Its window has closed and it is no longer to be done (see `Reason`)."""
    DUE = "due"
    """Its window is open (or opens before the agenda's *until*); with an *until*
    after *now*, it can be done by then (one that cannot is `COMING`)."""
    COMING = "coming"
    """Its window opens later."""

    def label(self, locale: str | None = None) -> str:
        """What an app labels a step standing so with: ``"late"`` in English, or in
        *locale* (any translated locale): ``"verspätet"`` in German.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        return label_words(_language_of(locale))[f"standing {self.value}"]


class Reason(Enum):
    """Why a step is superseded."""

    INTERVIEW_OVER = "interview_over"
    """A step for the interview room (cards, timeline, closing): the interview is over."""
    EVENTS_MOVED_ON = "events_moved_on"
    """A one-time step (a thank-you, a debrief) whose window closed before the
    employer's news or reply, or a check-in: sent now it would come after them,
    so the planner no longer plans it (`Plan.missed`)."""
    AFTER_LATE_STEP = "after_late_step"
    """No longer given: a late step is planned again in its next window and the
    steps after it follow it in the plan, so nothing waits beside it.  Kept so
    that stored values still read."""
    TOO_LATE = "too_late"
    """Its window closed longer ago than a late step is still worth doing: a
    note past `Policy.thank_you_late_within` or the decision date, a debrief
    past `Policy.recruiter_debrief_late_within`, a check-in past
    `Policy.follow_up_late_within`, an answer to a feedback request past its
    window."""


@attrs.frozen
class AgendaItem:
    """One step on the agenda.

    Attributes:
        action: the planned step, as it can still be done: a late step's
            action holds its next allowed window, at or after the agenda's
            *now*; a superseded step's, the window it missed.
        id: its stable id (`followup_rules.identity.action_ids`): store it,
            and find the step again with `Agenda.get`.
        standing: overdue (`Standing.LATE` or `Standing.SUPERSEDED`), due, or coming.
        reason: why it is superseded; None otherwise.
        after: no longer given (see `Reason.AFTER_LATE_STEP`): None.
        to_do: the agenda's *now* lies inside the step's window (on the
            recipient's business day, in the call window for a call, after
            the notes it waits for) and, for an e-mail or a card, inside the
            recipient's send window (`Policy.send_window`, on their business
            day; a card's is the candidate's, who posts it), or, when no
            moment of it remains before the step's deadline, inside their
            waking hours (`rules.CANDIDATE_DAY`) before it: only then is it
            something to do *now*.
        doable_at: the first moment, at or after the agenda's *now*, at
            which the step may be done: *now* itself when `to_do`; for a
            due or late step that cannot be done now, the next moment its
            window allows (for an e-mail, the next send-window moment of the
            recipient's business day); for a coming step, the opening of its
            window; None for a superseded one.
        late_since: for an overdue step, when its first window closed.
        recipient_zone: the zone of the recipient's wall clock (an IANA name
            or ``+HH:MM``), the one its window was planned in.
        candidate_zone: the zone of the candidate's own wall clock.
        locale: the locale the candidate's messages are written in (their
            `Candidate.language`, else English as written where they live),
            the one an app shows the item in: ``item.action.describe(item.locale)``,
            ``item.note(item.locale)``, ``item.why(item.locale)``;
            `serialize.unstructure` writes the item's ``description``,
            ``note`` and ``why`` in it.
        policy: the policy the step was planned under (its numbers are the
            ones `why` says); None for an item made by hand.
    """

    action: Action
    id: str
    standing: Standing
    reason: Reason | None = None
    after: str | None = None
    to_do: bool = attrs.field(default=False, kw_only=True)
    doable_at: pendulum.DateTime | None = attrs.field(default=None, kw_only=True)
    late_since: pendulum.DateTime | None = attrs.field(default=None, kw_only=True)
    recipient_zone: str | None = attrs.field(default=None, kw_only=True)
    candidate_zone: str | None = attrs.field(default=None, kw_only=True)
    locale: str = attrs.field(default="en", kw_only=True)
    policy: Policy | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

    @property
    def overdue(self) -> bool:
        """Its first window has closed (late or superseded)."""
        return self.standing in (Standing.LATE, Standing.SUPERSEDED)

    @property
    def their_window(self) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        """The step's window (earliest, latest) on the recipient's wall clock."""
        return self._window_in(self.recipient_zone)

    @property
    def your_window(self) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        """The step's window (earliest, latest) on the candidate's wall clock."""
        return self._window_in(self.candidate_zone)

    def _window_in(self, name: str | None) -> tuple[pendulum.DateTime, pendulum.DateTime]:
        action = self.action
        if name is None:
            return action.earliest, action.latest
        tz = cal.zone(name)
        earliest, latest, _ = action._utc
        return cal.to_local(earliest, tz), cal.to_local(latest, tz)

    def why(self, locale: str | None = None) -> str:
        """Why the step is planned when it is: its rule in words, with the policy's
        own numbers, as the calendar's "Why:" line says it; ``""`` for a step of a rule
        the catalogue does not hold.

        ``"The first check-in, one business day after the decision date (Wed 15
        Jul 2026)."``; a late step adds that it is offered again.  In English, or
        in *locale* (the candidate's is `locale`): ``item.why(item.locale)``.
        Beside `doable_at` and `note`, it answers "why not now?" in the
        candidate's language.  A setting's name never shows; the numbers are
        those of the policy the step was planned under (`policy`; the
        consensus for an item made without one).

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        lang = _language_of(locale)
        return step_why(self.action, DEFAULT_POLICY if self.policy is None else self.policy, lang)

    def note(self, locale: str | None = None) -> str:
        """A short note for people: ``"superseded: the interview is over"``, or ``""``.

        In English, or in *locale* (``"de"``, ``"fr_CA"``: any locale
        `followup_rules.LOCALES` has; the candidate's is `locale`):
        ``item.note(item.locale)`` reads ``"verspätet: so bald wie möglich
        erledigen"`` for a German-speaking candidate.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        said = agenda_words(_language_of(locale))
        if self.reason is None:
            if self.standing is not Standing.LATE:
                return ""
            return said["late now" if self.to_do else "late later"]
        return said[self.reason.value]


@attrs.frozen
class Agenda:
    """A plan seen from *now*: overdue, due and coming steps, each with its id.

    Attributes:
        now: the moment the agenda is for.
        until: the end of the "due" span (*now* unless a later moment was
            given, e.g. the end of the candidate's day: `followup_rules.end_of_day`).
        overdue: the steps whose first window closed before *now*: those
            that can no longer be done (superseded, first), then the late
            ones, in time order.
        due: the steps whose window is open at some moment from *now* to
            *until*, in time order.
        coming: the steps whose window opens after *until*, in time order.
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
    def to_do(self) -> tuple[AgendaItem, ...]:
        """The steps to do now (`AgendaItem.to_do`): late ones first, then due ones."""
        return tuple(item for item in self if item.to_do)

    @property
    def next(self) -> AgendaItem | None:
        """The one thing to do next: of the steps to do now (`AgendaItem.to_do`), the one
        overdue longest, else the first due; when none can be done now, the step that can
        be done soonest (`AgendaItem.doable_at`, the opening of its window for a coming
        one; the one overdue longest among equals); None when nothing is left.

        A late step whose next window opens on Monday never comes before one
        that can be done now.
        """
        doable = [item for item in (*self.late, *self.due) if item.to_do]
        late_now = [item for item in doable if item.standing is Standing.LATE]
        if late_now:
            return min(late_now, key=_overdue_since)
        if doable:
            return doable[0]
        return min((*self.late, *self.due, *self.coming), key=_soonest, default=None)

    @property
    def changes_at(self) -> pendulum.DateTime | None:
        """The next moment after *now* at which this agenda changes: when a reminders
        service wakes up to make it again, rather than polling.

        The soonest of: the moment a step that cannot be done now can be
        (`AgendaItem.doable_at` after *now*: a coming step's window opens, an
        e-mail waiting for the send window can go, a late step's next window
        opens) and the close of a late or due step's window (`Action.latest`;
        after it the step is late, offered again in its next window, or
        superseded).  Nothing on the agenda becomes doable before it.  Made
        again at that moment (with the same history), the agenda gives the next
        one, always later.  None when no step is left to be done.  Only the
        steps listed count: an agenda of a week (``days=6``) lists none after it.

        The moment is on the clock of the step it comes from (the recipient's),
        with its offset; a window that closes at *now* itself changes just after it
        (one microsecond later).
        """
        return _changes_at(self)

    def get(self, id: str) -> AgendaItem | None:
        """The item with this id, or None when the step is not on the agenda.

        To know why a step is not there (done, skipped, superseded long ago,
        no longer planned, or not this interview's), ask
        `followup_rules.find_step` (or `Application.find_step`).
        """
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
        policy: Policy | None = None,
    ) -> Agenda:
        """The agenda of a plan already made for *interview* with *history*.

        Make the plan with the same *now* (``plan(..., now=now)``), so that
        late steps are planned again in their next window; in a plan made
        without it, a step whose window closed is listed as late with no
        window left (never to do now).  Pass the same history the plan was
        made with, so that the ids match the ones a calendar export and an
        earlier agenda gave, and the same *policy* (its send window says
        when an e-mail can be sent: `AgendaItem.to_do`).

        Raises:
            InvalidArgument: *now* or *until* is not an aware datetime, or
                *until* is before *now*.
            InvalidPolicy: *policy* is not a `Policy`.
        """
        now = _check_now(now)
        end = now if until is None else _check_until(until, now)
        history = tuple(history)
        moment, horizon = utc(now), utc(end)
        home = cal.zone_name(interview.zone_of(interview.candidate), moment)
        locale = candidate_locale(interview)
        if policy is not None and not isinstance(policy, Policy):
            raise InvalidPolicy("policy", policy, "expected a Policy or None")
        rules = DEFAULT_POLICY if policy is None else policy

        def item(action: Action, uid: str, standing: Standing, **extra: object) -> AgendaItem:
            there = cal.zone_name(interview.zone_of(action.recipient), moment)
            return AgendaItem(
                action,
                uid,
                standing,
                recipient_zone=there,
                candidate_zone=home,
                locale=locale,
                policy=rules,
                **extra,  # type: ignore[arg-type]
            )

        overdue: list[AgendaItem] = []
        answered = _answered(history)
        missed = schedule.missed
        for action, uid in zip(missed, action_ids(missed, interview, history), strict=True):
            if moment - action._utc[1] <= FORGET_AFTER:
                why = _why_missed(action, answered)
                overdue.append(
                    item(action, uid, Standing.SUPERSEDED, reason=why, late_since=action.latest)
                )
        late: list[AgendaItem] = []
        due: list[AgendaItem] = []
        coming: list[AgendaItem] = []
        for action, uid in zip(schedule, action_ids(schedule, interview, history), strict=True):
            earliest, latest, _ = action._utc
            since = action.late_since
            # a plan made without *now*: a window includes its last moment, but the room's
            # steps end with the interview (loop6: "due now" at its very end)
            ended = latest < moment or (latest == moment and action.channel is Channel.IN_PERSON)
            if since is None and ended:
                if moment - latest > FORGET_AFTER:
                    continue
                since = action.latest
                if action.channel is Channel.IN_PERSON:
                    over = Reason.INTERVIEW_OVER
                    overdue.append(
                        item(action, uid, Standing.SUPERSEDED, reason=over, late_since=since)
                    )
                    continue
            if since is None and earliest > horizon:
                coming.append(item(action, uid, Standing.COMING, doable_at=action.earliest))
                continue
            doable = _doable_at(action, interview, rules, moment)
            if since is None and horizon > moment and doable > horizon:
                # open, but not to be done before *until* (an e-mail outside the send
                # window until then): not due by then (the loop6 trial: "Today, Thursday
                # 29 October" listed a thank-you for Friday 01:00)
                coming.append(
                    item(action, uid, Standing.COMING, doable_at=_local_like(doable, action))
                )
                continue
            when = {"to_do": doable == moment, "doable_at": _local_like(doable, action)}
            if since is not None:
                late.append(item(action, uid, Standing.LATE, late_since=since, **when))
            else:
                due.append(item(action, uid, Standing.DUE, **when))
        return cls(now, end, (*overdue, *late), tuple(due), tuple(coming))


def _changes_at(day: Agenda) -> pendulum.DateTime | None:
    """`Agenda.changes_at`."""
    moment = utc(day.now)
    found: tuple[datetime, pendulum.DateTime] | None = None
    for item in day:
        if item.standing is Standing.SUPERSEDED:
            continue
        moments: list[pendulum.DateTime] = []
        if item.doable_at is not None:
            moments.append(item.doable_at)
        if item.standing is not Standing.COMING:
            latest = item.action.latest
            if utc(latest) == moment:  # the window includes its last moment
                tz = latest.tzinfo if latest.tzinfo is not None else cal.UTC
                latest = cal.to_local(moment + _MICROSECOND, tz)
            moments.append(latest)
        for when in moments:
            instant = utc(when)
            if instant > moment and (found is None or instant < found[0]):
                found = (instant, when)
    return None if found is None else found[1]


_MICROSECOND = timedelta(microseconds=1)

_SENT = frozenset({Channel.EMAIL, Channel.POSTAL})
"""Steps that land in the recipient's inbox (or go into the post): only in the send window."""


def _doable_at(action: Action, interview: Interview, policy: Policy, moment: datetime) -> datetime:
    """The first UTC instant at or after *moment* at which *action* may be done.

    Inside the step's window that is *moment* itself, except for an e-mail or
    a card: then the moment `rules.sending_moment` gives (the send window of
    its zone's business day; when none is left before the deadline, the
    waking hours before it; when only night is left, the next send-window
    moment, even after the deadline: a late step is offered again then, or
    missed).  The planner suggests that moment too, or, for an e-mail, a
    later one of its window when the candidate is asleep then
    (`rules.awake_suggestion`): this one stays doable.
    Before the window, its opening (an
    e-mail's first such moment in it); after it, None cannot happen
    for a step the plan still holds at *moment*, whose window was planned
    again from then; its close is given.
    """
    earliest, latest, _ = action._utc
    if moment > latest:  # a plan made without *now*: no window left
        return latest
    start = max(moment, earliest)
    if action.channel not in _SENT:
        return start
    try:
        return sending_moment(start, latest, step_zone(action, interview), policy)
    except (OverflowError, ValueError):  # no business day left before the end of time
        return start


def _local_like(instant: datetime, action: Action) -> pendulum.DateTime:
    """*instant* on the clock of the action's own times."""
    zone = action.earliest.tzinfo
    return cal.to_pendulum(instant) if zone is None else cal.to_local(instant, zone)


def _soonest(item: AgendaItem) -> tuple[datetime, int, datetime]:
    """When *item* can be done, then late before due before coming, overdue longest first."""
    doable = item.doable_at if item.doable_at is not None else item.action.earliest
    order = (Standing.LATE, Standing.DUE, Standing.COMING).index(item.standing)
    return utc(doable), order, _overdue_since(item)


def _overdue_since(item: AgendaItem) -> datetime:
    since = item.late_since
    return item.action._utc[1] if since is None else utc(since)


def _answered(history: tuple[Event, ...]) -> bool:
    """The employer answered, or the candidate followed up: what makes a late note moot."""
    return any(
        isinstance(event, (Reply, Update))
        or (isinstance(event, Contact) and event.kind in FOLLOW_UP_KINDS)
        for event in history
    )


def _why_missed(action: Action, answered: bool) -> Reason:
    if action.channel is Channel.IN_PERSON:
        return Reason.INTERVIEW_OVER
    if action.kind not in FOLLOW_UP_KINDS and answered:
        return Reason.EVENTS_MOVED_ON
    return Reason.TOO_LATE


def candidate_locale(interview: Interview) -> str:
    """The locale *interview*'s messages are written in, as `render` picks it with the
    built-in pack (`followup_rules.messages.candidate_locale`), in `LOCALES`' spelling."""
    candidate = interview.candidate
    tz = interview.zone_of(candidate)
    zone = getattr(tz, "key", None) or getattr(tz, "name", None)
    language = None if candidate is None else candidate.language
    chosen = locale_for(language, zone if isinstance(zone, str) else None)
    return canonical_locale(chosen) or "en"


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

    The plan is made as seen from *now* (``plan(..., now=now)``): a late
    step is planned again in its next allowed window, and only a step whose
    window is open at *now* is to be done now.

    Args:
        interview: the interview followed up.
        policy: the etiquette (the consensus by default).
        history: what happened so far, in any order (it is read by instant).
        now: the moment to look from (aware; the library never reads the clock).
        until: count as due the steps whose window opens by then too, e.g. the
            end of the candidate's day for a daily list (`followup_rules.end_of_day`);
            *now* by default.

    Returns:
        The `Agenda`: overdue (late or superseded), due and coming steps.

    Raises:
        InvalidInterview: as `plan`.
        InvalidPolicy: as `plan`.
        InvalidArgument: *now* or *until* is not an aware datetime.
    """
    return agenda_with(interview, policy, history=history, now=now, until=until)


def agenda_with(
    interview: Interview,
    policy: Policy | None = None,
    *,
    history: Iterable[Event] = (),
    now: datetime,
    until: datetime | None = None,
    elsewhere: datetime | None = None,
    met_before: Mapping[str, int] | None = None,
) -> Agenda:
    """`agenda`, planned with *elsewhere* and *met_before* (`followup_rules.plan.planned`):
    `agenda_many`'s."""
    history = tuple(history)
    schedule = planned(
        interview,
        policy,
        history=history,
        now=_check_now(now),
        elsewhere=elsewhere,
        met_before=met_before,
    )
    return Agenda.of(schedule, interview, now=now, until=until, history=history, policy=policy)
