"""The daily loop, for apps and the command alike: many applications, one agenda.

A candidate follows up several interviews at once.  Each is an `Application`
(the interview, what happened so far, the policy it follows, and a name the
app knows it by); `agenda_many` sees them all from one moment and merges
their agendas into one list, most urgent first::

    day = agenda_many(applications, now, until="end_of_day")
    for entry in day:                       # late (overdue longest first), due, coming
        print(entry.application.name, entry.action.describe(), entry.standing.value)

Over many applications (a nightly job, a partition of one), ``limit=`` keeps
only the most urgent steps and the counts of all, so memory stays flat, and
`AgendaMany.merge` puts the parts together again.

Around it: `parse_when` reads "now", "today", "tomorrow", a local time or
ISO 8601 as a person types it; `start_of_day` and `end_of_day` give the
candidate's whole local day (whole even where daylight saving time skips
midnight); `check_event` puts a new event in its place in a history, or
says why it does not fit; `find_event` finds the same event recorded
already; `new_violations` says which limits a new event oversteps.

Pure, like the planner: *now* is always an argument; nothing reads the clock.
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum
from itertools import islice
from typing import Any, Literal

import attrs
import pendulum

from . import _calendar as cal
from ._step_words import event_words, short_day, short_moment
from ._step_words import words as english
from .action import Action, Plan, _check_now, _language_of
from .agenda import Agenda, AgendaItem, Standing
from .agenda import agenda as make_agenda
from .audit import Violation, audit
from .errors import (
    FollowupError,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    StepIdError,
    _did_you_mean,
)
from .events import (
    EVENT_TYPES,
    Contact,
    Event,
    Outcome,
    OutOfOffice,
    Reply,
    Skip,
    Snooze,
    Update,
    _evolve,
)
from .identity import done_ids, pinned, read_step, renamed_step, step_key
from .model import ActionKind, Interview, person_key
from .plan import plan as make_plan
from .policy import Policy
from .state import _decision, _unknown_person, check_history
from .timeframe import Timeframe

__all__ = [
    "AgendaCounts",
    "AgendaMany",
    "Application",
    "Entry",
    "FoundStep",
    "Recorded",
    "StepStatus",
    "agenda_many",
    "check_event",
    "check_history",
    "describe_event",
    "end_of_day",
    "find_event",
    "find_step",
    "new_violations",
    "parse_when",
    "record_event",
    "start_of_day",
]

EndOfDay = Literal["end_of_day"]
"""``until="end_of_day"``: each application's due span ends with its candidate's day."""


# -- days and moments ------------------------------------------------------------------


def _zone_of(where: Interview | tzinfo | str) -> tzinfo:
    if isinstance(where, Interview):
        return where.zone_of(where.candidate)
    if isinstance(where, str):
        try:
            return cal.zone(where)
        except ValueError as error:  # "unknown time zone ...: did you mean ...?"
            problem = str(error).split(": ", 1)[1] if ": " in str(error) else ""
            raise InvalidArgument(
                "zone", where, "is not a known time zone" + (f": {problem}" if problem else "")
            ) from None
    if isinstance(where, tzinfo):
        return where
    raise InvalidArgument("zone", where, "expected an Interview, a tzinfo or a zone name")


def start_of_day(
    day: date | datetime, where: Interview | tzinfo | str | None = None
) -> pendulum.DateTime:
    """The first instant of a local date: *day* (or the date of a moment) in a zone.

    *where* is a zone (a tzinfo or an IANA name) or an interview, meaning its
    candidate's zone (else the interview's); left out, the zone of *day*
    itself (an aware datetime).  On a day whose midnight daylight saving time
    skips (Africa/Cairo, America/Havana, America/Santiago), the day starts
    when the clocks jump: 01:00, never the previous evening.

    Raises:
        InvalidArgument: *where* is no zone, or *day* a naive datetime (or
            a date without *where*).
    """
    zone, local = _day_in(day, where)
    return cal.to_local(cal.day_start(local, zone), zone)


def end_of_day(
    day: date | datetime, where: Interview | tzinfo | str | None = None
) -> pendulum.DateTime:
    """The last instant (to the microsecond) of a local date: see `start_of_day`.

    ``agenda(..., until=end_of_day(now, interview))`` counts as due every step
    whose window opens before the candidate's day is over, its last hour
    included, whatever daylight saving time does that night.
    """
    zone, local = _day_in(day, where)
    return cal.to_local(cal.day_end(local, zone), zone)


def _day_in(day: date | datetime, where: Interview | tzinfo | str | None) -> tuple[tzinfo, date]:
    """The zone, and the local date *day* names in it."""
    if where is None:
        if not isinstance(day, datetime):
            raise InvalidArgument("where", where, "a date needs a zone (or an interview)")
        zone = _aware(day, "day").tzinfo
        assert zone is not None  # checked aware
    else:
        zone = _zone_of(where)
    if isinstance(day, datetime):
        return zone, cal.local_date(cal.utc(_aware(day, "day")), zone)
    if not isinstance(day, date):
        raise InvalidArgument("day", day, "expected a date or an aware datetime")
    return zone, day


def _local(moment: datetime, zone: tzinfo) -> pendulum.DateTime:
    """*moment* on the clock of *zone*, as a pendulum DateTime."""
    return cal.to_pendulum(moment.astimezone(zone))


def _aware(moment: datetime, field: str) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None or moment.utcoffset() is None:
        raise InvalidArgument(field, moment, "must be an aware datetime (with a time zone)")
    return moment


_WORDS = {"yesterday": -1, "today": 0, "tomorrow": 1}
_BRACKETED = re.compile(r"^(?P<iso>[^\[\]]+?)\[(?P<zone>[^\[\]]+)\]$")
_WHEN_HELP = (
    "is not 'now', 'today', 'yesterday', 'tomorrow', a local date or time like "
    "2026-07-16T09:00, or ISO 8601 with an offset like 2026-07-16T09:00-04:00"
)


def parse_when(
    text: str, zone: Interview | tzinfo | str, now: datetime, *, field: str = "when"
) -> pendulum.DateTime:
    """A moment as a person types it, read in *zone* and from *now*.

    - ``now``: *now* itself;
    - ``today``, ``yesterday``, ``tomorrow``: the first instant of that local
      date (`start_of_day`);
    - a local date (``2026-07-16``, its first instant) or date and time
      (``2026-07-16T09:00``, ``2026-07-16 09:00``), read in *zone*;
    - ISO 8601 with an offset (``2026-07-16T09:00-04:00``, ``...Z``) or with
      the zone in brackets (``2026-07-16T09:00-04:00[America/New_York]``,
      ``2026-07-16T09:00[America/New_York]``): that instant.

    The result is in *zone* (an interview means its candidate's zone, else
    the interview's).  Words are read whatever their case.  *field* names
    the text in the error: the form field or option it came from (``at``,
    ``until``).

    Raises:
        InvalidArgument: on *field*, naming the text, when it is none of
            these; on ``now`` when *now* is not aware; on ``zone`` when
            *zone* is no zone.
    """
    local_zone = _zone_of(zone)
    now = _check_now(now)
    if not isinstance(text, str):
        raise InvalidArgument(field, text, _WHEN_HELP)
    word = text.strip().casefold()
    if word == "now":
        return _local(now, local_zone)
    if word in _WORDS:
        today = _local(now, local_zone).date()
        return start_of_day(today + timedelta(days=_WORDS[word]), local_zone)
    moment = _read_iso(text.strip())
    if moment is None:
        close = _did_you_mean(word, ("now", *_WORDS))
        hint = f"; did you mean {close!r}?" if close else ""
        raise InvalidArgument(field, text, _WHEN_HELP + hint)
    if isinstance(moment, date) and not isinstance(moment, datetime):
        return start_of_day(moment, local_zone)
    if moment.tzinfo is None:  # a wall clock: one the clocks skip reads as the hour after
        return _local(cal.utc(moment.replace(tzinfo=local_zone)), local_zone)
    return _local(moment, local_zone)


def _read_iso(text: str) -> date | datetime | None:
    bracketed = _BRACKETED.match(text)
    zone = None
    if bracketed:
        text = bracketed["iso"].strip()
        try:
            zone = cal.zone(bracketed["zone"].strip())
        except ValueError:
            return None
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        if len(text) == 10:
            return None if zone is not None else date.fromisoformat(text)
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if zone is None:
        return moment
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)


# -- applications and the merged agenda -----------------------------------------------------


def _application_history(history: Iterable[Event]) -> tuple[Event, ...]:
    """Any iterable of events (a list, as apps and the docs pass), ordered by instant."""
    if isinstance(history, (str, bytes)) or not isinstance(history, Iterable):
        raise InvalidHistory("Application.history", history, "expected a sequence of events")
    return tuple(_ordered(history))


@attrs.frozen
class Application:
    """One interview followed up: what an app stores per application.

    Attributes:
        interview: the interview.
        history: what happened so far, in any order: kept ordered by instant
            (equal instants in the order given), as `check_event` orders it.
        policy: the etiquette this application follows (the consensus when None).
        name: how people know it (a file name, "Data Engineer at Acme"); by
            default `label` says "ROLE at COMPANY".  The exports name its
            calendar items and its folder of drafts after it.
        key: the app's own key for it, of any hashable type (a row id, a
            UUID), carried to every `Entry` of a merged agenda
            (`Entry.key`), so that the app finds its record without reading
            it back from `name`.  The library never looks inside it.
    """

    interview: Interview
    history: tuple[Event, ...] = attrs.field(default=(), converter=_application_history)
    policy: Policy | None = None
    name: str | None = None
    key: Hashable | None = attrs.field(default=None, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.interview, Interview):
            raise InvalidInterview(
                "Application.interview", self.interview, "expected an Interview"
            )
        if self.policy is not None and not isinstance(self.policy, Policy):
            raise InvalidInterview("Application.policy", self.policy, "expected a Policy or None")
        if self.name is not None and not isinstance(self.name, str):
            raise InvalidInterview("Application.name", self.name, "expected a string or None")
        try:
            hash(self.key)
        except TypeError:
            raise InvalidArgument(
                "Application.key", self.key, "expected a hashable value (a number, a string...)"
            ) from None

    @property
    def label(self) -> str:
        """The name, else "ROLE at COMPANY"."""
        return self.name or f"{self.interview.role} at {self.interview.company}"

    @property
    def zone(self) -> tzinfo:
        """The candidate's zone, else the interview's: where "today" is."""
        return _zone_of(self.interview)

    def plan(self, now: datetime | None = None) -> Plan:
        """The plan after the history, under the application's policy, seen from *now*
        when given (see `plan`: late steps in their next allowed window)."""
        return make_plan(self.interview, self.policy, history=self.history, now=now)

    def agenda(self, now: datetime, until: datetime | EndOfDay | None = None) -> Agenda:
        """The agenda from *now* (see `agenda`); ``until="end_of_day"``: the candidate's day."""
        moment = _local(_check_now(now), self.zone)
        end = end_of_day(moment, self.zone) if until == "end_of_day" else until
        return make_agenda(
            self.interview, self.policy, history=self.history, now=moment, until=end
        )

    def find_step(self, step: str, now: datetime) -> FoundStep:
        """Where the step with this id stands at *now*: see `find_step`."""
        return find_step(self.interview, self.history, step, now=now, policy=self.policy)

    def record(
        self, event: Event, *, now: datetime | None = None, policy: Policy | None = None
    ) -> Recorded:
        """Record *event* in its place, checked, once: what an app stores, in one call.

        The event is checked as `check_event` checks it (with *now*, an event
        dated after it is refused: a typo in the month would otherwise
        change today's plan); the same event recorded already is not added
        again (`Recorded.already`); the limits it oversteps are said
        (`Recorded.violations`, as `audit` would report them), never refused.

        Args:
            event: what happened.
            now: the present moment, when known: events after it are refused.
            policy: the policy to judge it by; the application's by default.

        Returns:
            `Recorded`: the event, its place, the history, the violations,
            and the application with the event (`Recorded.application`).

        Raises:
            InvalidHistory: the event does not fit the interview and history,
                or is dated after *now*.
            InvalidArgument: *now* is not an aware datetime.
        """
        judged_by = self.policy if policy is None else policy
        done = record_event(self.interview, self.history, event, judged_by, now=now)
        changed = self if done.already else attrs.evolve(self, history=done.history)
        return attrs.evolve(done, application=changed)

    def record_step(
        self,
        step: str,
        at: datetime,
        *,
        now: datetime | None = None,
        voicemail: bool = False,
        message_id: str | None = None,
        subject: str | None = None,
        answered: bool | None = None,
        note: str | None = None,
    ) -> Recorded:
        """Record the step with id *step* as done at *at*: an app's "done" button, once.

        The step is found as `find_step` finds it, at *now* (else at *at*),
        and its contact (`Action.done`, with *voicemail*, *message_id*,
        *subject*, *answered* and *note*) recorded as `record` records it.
        A step already done is not recorded again, whenever the second
        press came: `Recorded.already`, with the contact that did it (a
        double click, a retried request).

        Raises:
            StepIdError: the step is not on the agenda to be done (skipped,
                no longer planned, or not a step of this application), with
                `FoundStep.reason` as the problem.
            InvalidHistory: as `record` (*at* after *now*, ...).
            InvalidArgument: *at* or *now* is not an aware datetime.
        """
        moment = _aware(at, "at")
        found = self.find_step(step, moment if now is None else now)
        if found.status is StepStatus.DONE and found.event is not None:
            number = self.history.index(found.event) + 1
            return Recorded(found.event, number, True, self.history, application=self)
        if found.item is None or found.status not in (StepStatus.PLANNED, StepStatus.SUPERSEDED):
            raise StepIdError("step", step, found.reason)
        contact = found.item.action.done(
            moment,
            voicemail=voicemail,
            message_id=message_id,
            subject=subject,
            answered=answered,
            note=note,
        )
        return self.record(contact, now=now)

    def remove(self, event: Event) -> Application:
        """The application without *event*: an app's undo, or a mistake taken back.

        The event is found as `find_event` finds it (the same kind at the same
        instant with the same fields, whatever its note), so the event an app
        read back from its store removes the one recorded.  The history left
        is checked against the interview again.

        Raises:
            InvalidHistory: *event* is not in the history (naming it).
        """
        index = find_event(self.interview, self.history, event)
        if index is None:
            said = describe_event(event, self.interview) if isinstance(event, EVENT_TYPES) else ""
            raise InvalidHistory(
                "event",
                event,
                f"is not in the application's history ({said})"
                if said
                else "is not an event (Contact, Reply, Update, OutOfOffice, Skip or Snooze)",
            )
        return attrs.evolve(self, history=self.history[:index] + self.history[index + 1 :])

    def rename(self, old: str, new: str) -> Application:
        """The application with the person called *old* called *new*, everywhere at once.

        In the interview (an interviewer, the recruiter, the follow-up
        contact) and in the history: the contacts to them, their replies and
        out-of-office answers, and the ids of their steps that a `Skip` or
        `Snooze` names (`identity.renamed_step`).  The interview is pinned
        first (`identity.pinned`), so no other step id changes.  Renaming
        someone only in the interview leaves a history that names nobody:
        when that was done (by hand, in the interview file), renaming *old*,
        whom only the history names, to *new*, on the interview, mends the
        history (and the step ids it names).

        Raises:
            InvalidArgument: *old* names nobody of the interview (with the
                closest name), or *new* is empty or someone else's name.
        """
        interview = pinned(self.interview)
        people = [person.name for person in interview.interviewers]
        if interview.recruiter is not None:
            people.append(interview.recruiter.name)
        mended = self._mended(interview, people, old, new)
        if mended is not None:
            return mended
        if not isinstance(old, str) or person_key(old) not in map(person_key, people):
            close = _did_you_mean(old, people) if isinstance(old, str) else None
            listed = ", ".join(repr(name) for name in people)
            hint = f": did you mean {close!r}?" if close else f" (they are {listed})"
            raise InvalidArgument("old", old, f"names nobody of this interview{hint}")
        if not isinstance(new, str) or not new.strip():
            raise InvalidArgument("new", new, "expected a name")
        taken = {person_key(name) for name in people} - {person_key(old)}
        if person_key(new) in taken:
            raise InvalidArgument("new", new, "is the name of someone else on the interview")

        changed = _renamed_interview(interview, old, new)
        history = _renamed_events(self.history, old, new)
        return attrs.evolve(self, interview=changed, history=check_history(changed, history))

    def _mended(
        self, interview: Interview, people: list[str], old: object, new: object
    ) -> Application | None:
        """The history mended when the interview was renamed by hand: *old* is no longer
        on the interview, *new* is, and the history still names *old* (the loop6 trial:
        the error on such a history recommends this rename); else None."""
        if not isinstance(old, str) or not isinstance(new, str):
            return None
        keys = set(map(person_key, people))
        if person_key(old) in keys or person_key(new) not in keys:
            return None
        history = _renamed_events(self.history, old, new)
        if history == list(self.history):  # it names nobody called *old* either
            return None
        return attrs.evolve(self, interview=interview, history=check_history(interview, history))

    def with_interview(self, interview: Interview) -> Application:
        """The application with *interview* in place of its own, its history checked against it.

        For an edit an app makes to the interview (a reschedule, a rename):
        the history must still fit the new interview (nobody it names was
        removed, nothing happened before the new start), else nothing
        changes.  Give the interview an `Interview.id` first
        (`followup_rules.identity.pinned`, which `serialize.edit_application` does), so that the
        step ids stored before the edit stay valid.

        Raises:
            InvalidHistory: the history does not fit *interview* (naming the
                event by its place in `history`).
            InvalidInterview: *interview* is not an `Interview`.
        """
        if not isinstance(interview, Interview):
            raise InvalidInterview("interview", interview, "expected an Interview")
        check_history(interview, self.history)
        return attrs.evolve(self, interview=interview)


def _renamed_interview(interview: Interview, old: str, new: str) -> Interview:
    """*interview* with the person called *old* (an interviewer, the recruiter) called *new*."""

    def renamed(person: Any) -> Any:
        return attrs.evolve(person, name=new) if _same_person(person.name, old) else person

    recruiter = interview.recruiter
    return attrs.evolve(
        interview,
        interviewers=[renamed(person) for person in interview.interviewers],
        recruiter=None if recruiter is None else renamed(recruiter),
        contact=new if _same_person(interview.contact, old) else interview.contact,
    )


def _renamed_events(history: Iterable[Event], old: str, new: str) -> list[Event]:
    """*history* with *old* called *new*: recipients, senders, and the step ids naming them."""
    events: list[Event] = []
    for event in history:
        if isinstance(event, Contact) and _same_person(event.recipient, old):
            event = attrs.evolve(event, recipient=new)
        elif isinstance(event, (Reply, OutOfOffice, Update)) and _same_person(event.sender, old):
            event = _evolve(event, sender=new)
        elif isinstance(event, (Skip, Snooze)):
            event = attrs.evolve(event, step=renamed_step(event.step, old, new))
        events.append(event)
    return events


def _same_person(name: str | None, other: str) -> bool:
    return name is not None and person_key(name) == person_key(other)


@attrs.frozen
class Entry:
    """One step of one application, on a merged agenda.

    Attributes:
        application: whose step it is.
        item: the step on the application's own agenda (`AgendaItem`).
        agenda: that agenda (its `Agenda.now` and `Agenda.until`).
    """

    application: Application
    item: AgendaItem
    agenda: Agenda

    @property
    def id(self) -> str:
        """The step's stable id (`AgendaItem.id`)."""
        return self.item.id

    @property
    def action(self) -> Action:
        """The planned step."""
        return self.item.action

    @property
    def standing(self) -> Standing:
        """Late, superseded, due or coming (`AgendaItem.standing`)."""
        return self.item.standing

    @property
    def shown_at(self) -> pendulum.DateTime:
        """The one moment to show for the step, in the candidate's zone.

        A superseded step shows the deadline it missed; a step that can be
        done now (`AgendaItem.to_do`) shows *now*; any other, late, due or
        coming, the moment it is best done from then on: its suggested
        moment, or when that has passed, the next moment it can be done
        (`AgendaItem.doable_at`: for an e-mail, the recipient's next
        send-window moment).
        """
        item = self.item
        action = item.action
        if item.standing is Standing.SUPERSEDED:
            moment = action.latest
        elif item.to_do:
            moment = cal.to_pendulum(self.agenda.now)
        else:
            moment = cal.to_pendulum(_shown_instant(item))
        return _local(moment, self.application.zone)

    @property
    def key(self) -> Hashable | None:
        """The application's own key (`Application.key`): the app's row id, say."""
        return self.application.key

    @property
    def rank(self) -> tuple[int, int, datetime]:
        """The merged order: late (those that can be done by the agenda's *until* first,
        each overdue longest first); due, those to do now first, then by the moment shown
        (`shown_at`); coming; then superseded."""
        return _rank(self.item, self.agenda.until)


def _shown_instant(item: AgendaItem) -> datetime:
    """The UTC instant `Entry.shown_at` shows for an item not to do now (nor superseded):
    its suggested moment, or the next moment it can be done when that is later."""
    suggested = item.action._utc[2]
    doable = item.doable_at
    return suggested if doable is None else max(suggested, cal.utc(doable))


def _rank(item: AgendaItem, until: datetime) -> tuple[int, int, datetime]:
    """`Entry.rank` of *item*, from UTC instants (no local time is built): late steps
    that can be done by *until* (the agenda's) before those that cannot (the recipient's
    weekend, say: the app5 trial's nightly list with a limit kept those and dropped one
    that could be done), each by when its first window closed (overdue longest first);
    due ones to do now first (by their suggested moment), then the others by the moment
    shown; coming ones by their suggested moment; superseded ones by the deadline they
    missed."""
    standing = item.standing
    _, latest, suggested = item.action._utc
    if standing is Standing.LATE:
        since = item.late_since
        doable = item.doable_at
        later = 0 if doable is not None and doable <= until else 1
        return (0, later, latest if since is None else cal.utc(since))
    if standing is Standing.DUE:
        return (1, 0, suggested) if item.to_do else (1, 1, _shown_instant(item))
    if standing is Standing.COMING:
        return (2, 0, suggested)
    return (3, 0, latest)


def _entry_rank(entry: Entry) -> tuple[int, int, datetime]:
    return _rank(entry.item, entry.agenda.until)


def _soonest(entry: Entry) -> tuple[datetime, tuple[int, int, datetime]]:
    """When the step can be done (its window's opening for a coming one), then its rank."""
    item = entry.item
    doable = item.doable_at if item.doable_at is not None else item.action.earliest
    return cal.utc(doable), _rank(item, entry.agenda.until)


_EPOCH = datetime(1970, 1, 1, tzinfo=cal.UTC)
_MICROSECOND = timedelta(microseconds=1)


@attrs.frozen
class AgendaCounts:
    """How many applications a merged agenda saw, and how many of their steps stand where.

    Counted over every application seen, also when `agenda_many` kept only
    the most urgent steps (its *limit*): a nightly job over many applications
    reads the totals here.

    Attributes:
        applications: the applications seen.
        late: steps overdue and still worth doing.
        due: steps due now or before the agenda's *until*.
        coming: later steps.
        superseded: steps no longer to do.
    """

    applications: int = 0
    late: int = 0
    due: int = 0
    coming: int = 0
    superseded: int = 0

    @property
    def to_do(self) -> int:
        """The steps to act on: late and due (`AgendaItem.to_do` tells which of them can be
        done at the agenda's very moment)."""
        return self.late + self.due


def _counted(day: AgendaMany) -> AgendaCounts:
    """The counts of a merged agenda that holds every entry (made without a limit)."""
    found = dict.fromkeys(Standing, 0)
    for entry in (*day.entries, *day.superseded):
        found[entry.standing] += 1
    return AgendaCounts(
        len(day.agendas),
        found[Standing.LATE],
        found[Standing.DUE],
        found[Standing.COMING],
        found[Standing.SUPERSEDED],
    )


@attrs.frozen
class AgendaMany:
    """Many applications seen from one moment: one list, most urgent first.

    Iterating gives the steps to show: late ones (overdue longest first),
    then due (those that can be done now first, then by the moment shown,
    `Entry.shown_at`), then coming (by their suggested moment).  The
    superseded ones (no longer to do) are kept apart, in `superseded`.

    Made with a *limit* (`agenda_many`, `merge`), it holds only the *limit*
    most urgent steps, the first *limit* of the whole list, and neither the
    agendas nor the superseded steps: its memory does not grow with the
    number of applications.  `counts` still counts them all.

    Attributes:
        now: the moment it is for.
        agendas: each application with its own `Agenda`, in the order given
            (empty when made with a limit).
        entries: the late, due and coming steps of every application, merged
            (the *limit* most urgent ones when made with a limit).
        superseded: the superseded steps of every application, oldest first
            (empty when made with a limit).
        counts: how many applications were seen, and how many of their
            steps stand where (`AgendaCounts`), whatever was kept.
        limit: the most steps kept, or None when every step is kept.
        failed: the applications left out, each with the error that says why
            (made with ``skip_invalid=True``: a history that no longer fits its
            interview, a bad policy); empty otherwise.
    """

    now: datetime
    agendas: tuple[tuple[Application, Agenda], ...]
    entries: tuple[Entry, ...]
    superseded: tuple[Entry, ...]
    counts: AgendaCounts = attrs.field(default=attrs.Factory(_counted, takes_self=True))
    limit: int | None = None
    failed: tuple[tuple[Application, FollowupError], ...] = attrs.field(default=(), kw_only=True)

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def late(self) -> tuple[Entry, ...]:
        """Overdue and still worth doing, overdue longest first."""
        return self._standing(Standing.LATE)

    @property
    def due(self) -> tuple[Entry, ...]:
        """Due now or before the agenda's *until*: those that can be done now
        (`AgendaItem.to_do`) first, then the others by the moment shown (`Entry.shown_at`)."""
        return self._standing(Standing.DUE)

    @property
    def to_do(self) -> tuple[Entry, ...]:
        """The steps to do now (`AgendaItem.to_do`), late ones first, in the merged order."""
        return tuple(entry for entry in self.entries if entry.item.to_do)

    @property
    def coming(self) -> tuple[Entry, ...]:
        """Later steps, earliest first."""
        return self._standing(Standing.COMING)

    @property
    def next(self) -> Entry | None:
        """The one step to do next: of those to do now, the late one overdue longest, else
        the first due; when none can be done now, the one that can be done soonest
        (`AgendaItem.doable_at`); None when nothing is left.

        A step overdue for days whose window opens on Monday never comes before a
        step that can be done now (and may be late by Monday)."""
        for entry in self.entries:
            if entry.item.to_do:
                return entry
        return min(self.entries, key=_soonest, default=None)

    def get(self, id: str) -> Entry | None:
        """The entry with this step id, superseded ones included, or None."""
        for entry in (*self.entries, *self.superseded):
            if entry.id == id:
                return entry
        return None

    def _standing(self, standing: Standing) -> tuple[Entry, ...]:
        return tuple(entry for entry in self.entries if entry.standing is standing)

    @classmethod
    def merge(cls, days: Iterable[AgendaMany], *, limit: int | None = None) -> AgendaMany:
        """One list from merged agendas made for the same moment, as from all their applications.

        The parts of a batch job (a Dask partition each, say) come together
        as if `agenda_many` had seen all their applications in the order of
        the parts: entries in the merged order, counts added up.  With
        *limit*, or when a part was made with one, the result keeps only the
        most urgent steps: as many as the smallest of those limits, since a
        part that kept *n* steps cannot say which came after them.

        Raises:
            InvalidArgument: an item is not an `AgendaMany`, there is none,
                they were made for different moments, or *limit* is not a
                whole number (0 or more) or None.
        """
        limit = _check_limit(limit)
        parts = list(_iterable(days, "days"))
        for index, part in enumerate(parts):
            if not isinstance(part, AgendaMany):
                raise InvalidArgument(f"days[{index}]", part, "expected an AgendaMany")
        if not parts:
            raise InvalidArgument("days", days, "no merged agenda to merge")
        now = parts[0].now
        for index, part in enumerate(parts):
            if cal.utc(part.now) != cal.utc(now):
                raise InvalidArgument(
                    f"days[{index}].now",
                    part.now,
                    f"is not the moment of days[0] ({now.isoformat()})",
                )
        limits = [part.limit for part in parts if part.limit is not None]
        if limit is not None:
            limits.append(limit)
        keep = min(limits, default=None)
        entries = heapq.merge(*(part.entries for part in parts), key=_entry_rank)
        counts = AgendaCounts(
            *(sum(getattr(part.counts, field) for part in parts) for field in _COUNT_FIELDS)
        )
        failed = tuple(pair for part in parts for pair in part.failed)
        if keep is not None:
            return cls(now, (), tuple(islice(entries, keep)), (), counts, keep, failed=failed)
        agendas = tuple(pair for part in parts for pair in part.agendas)
        superseded = heapq.merge(*(part.superseded for part in parts), key=_entry_rank)
        return cls(now, agendas, tuple(entries), tuple(superseded), counts, failed=failed)


_COUNT_FIELDS = tuple(field.name for field in attrs.fields(AgendaCounts))


def _check_limit(limit: object) -> int | None:
    if limit is None or (type(limit) is int and limit >= 0):
        return limit
    raise InvalidArgument("limit", limit, "expected a whole number (0 or more) or None")


def _iterable(value: object, field: str) -> Iterator[Any]:
    """An iterator over *value*, or `InvalidArgument` naming *field* (a string is none)."""
    if not isinstance(value, (str, bytes)):
        try:
            return iter(value)  # type: ignore[call-overload,no-any-return]
        except TypeError:
            pass
    raise InvalidArgument(field, value, "expected an iterable")


def agenda_many(
    applications: Iterable[Application],
    now: datetime,
    until: datetime | EndOfDay | None = None,
    *,
    limit: int | None = None,
    skip_invalid: bool = False,
) -> AgendaMany:
    """See every application from *now*, each under its own policy, in one list.

    The applications are read one at a time, from any iterable (a generator
    reading a database, say).  Without *limit* the result holds every
    application's agenda.  With *limit* it keeps only the *limit* most urgent
    steps (exactly the first *limit* of the whole list) and the counts of
    all, so that memory stays flat however many applications stream through:
    the form for a nightly job over a whole user base, or one partition of
    it (see `AgendaMany.merge`).

    Args:
        applications: the applications (`Application`), any iterable.
        now: the moment (aware; the library never reads the clock).
        until: count as due the steps whose window opens by then too: a
            moment, or ``"end_of_day"`` for the end of each application's
            candidate's day (`end_of_day`); *now* by default.
        limit: keep at most this many steps, the most urgent (0: the counts
            alone); None (the default) keeps everything.
        skip_invalid: leave out an application that cannot be planned (a
            history that no longer fits its interview after an edit, a policy
            hook's bad answer) and list it, with its error, in
            `AgendaMany.failed`, rather than stop the whole run: one bad row
            of a nightly job, one bad file of ``followup today``.

    Returns:
        `AgendaMany`: late steps (those that can be done by *until* first,
        each overdue longest first), then due (those that can be done now
        first, then by the moment shown), then coming;
        superseded ones apart (when every step is kept); the counts of all.

    Raises:
        InvalidArgument: *applications* is not iterable or an item is not an
            `Application`; *now* or *until* is not aware; *limit* is not a
            whole number (0 or more) or None.
        InvalidInterview: as `plan` (unless *skip_invalid*).
        InvalidPolicy: as `plan` (unless *skip_invalid*).
    """
    now = _check_now(now)
    limit = _check_limit(limit)
    stream = _iterable(applications, "applications")
    failed: list[tuple[Application, FollowupError]] = []
    if limit is None:
        return _every_entry(stream, now, until, failed if skip_invalid else None)
    counts = [0, 0, 0, 0]  # by urgency: late, due, coming, superseded
    seen = 0
    # The most urgent steps so far, the least urgent on top: keys negated,
    # since heapq keeps the smallest first.  The order number breaks ties as
    # a stable sort of the whole list would (application, then agenda order).
    kept: list[tuple[tuple[int, int, int, int], Entry]] = []
    order = 0
    for index, application in enumerate(stream):
        if not isinstance(application, Application):
            raise InvalidArgument(f"applications[{index}]", application, "expected an Application")
        today = _agenda_of(application, now, until, failed if skip_invalid else None)
        if today is None:
            continue
        seen += 1
        for item in today:
            urgency, later, moment = _rank(item, today.until)
            counts[urgency] += 1
            if item.standing is Standing.SUPERSEDED or not limit:
                continue
            order += 1
            key = (-urgency, -later, -((moment - _EPOCH) // _MICROSECOND), -order)
            if len(kept) < limit:
                heapq.heappush(kept, (key, Entry(application, item, today)))
            elif key > kept[0][0]:
                heapq.heapreplace(kept, (key, Entry(application, item, today)))
    kept.sort(reverse=True)
    entries = tuple(entry for _, entry in kept)
    counted = AgendaCounts(seen, *counts)
    return AgendaMany(now, (), entries, (), counted, limit, failed=tuple(failed))


def _agenda_of(
    application: Application,
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None,
) -> Agenda | None:
    """The application's agenda; None, noted in *failed*, when it cannot be made (if kept)."""
    if failed is None:
        return application.agenda(now, until)
    try:
        return application.agenda(now, until)
    except (InvalidInterview, InvalidPolicy) as error:  # InvalidHistory is an InvalidInterview
        failed.append((application, error))
        return None


def _every_entry(
    applications: Iterator[Any],
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None = None,
) -> AgendaMany:
    found: list[tuple[Application, Agenda]] = []
    for index, application in enumerate(applications):
        if not isinstance(application, Application):
            raise InvalidArgument(f"applications[{index}]", application, "expected an Application")
        today = _agenda_of(application, now, until, failed)
        if today is not None:
            found.append((application, today))
    entries = [Entry(application, item, today) for application, today in found for item in today]
    entries.sort(key=_entry_rank)
    shown = tuple(entry for entry in entries if entry.standing is not Standing.SUPERSEDED)
    dropped = tuple(entry for entry in entries if entry.standing is Standing.SUPERSEDED)
    return AgendaMany(now, tuple(found), shown, dropped, failed=tuple(failed or ()))


# -- one more event ---------------------------------------------------------------------------


def _event_key(event: Event, interview: Interview) -> tuple[Any, ...]:
    """What makes two events the same: their kind, their instant, every field but the note.

    A contact without a recipient went to the follow-up contact, and a reply
    or out-of-office without a sender came from them: either way it is the
    same event.
    """
    contact = interview.follow_up_contact.name
    values: list[Any] = [type(event)]
    for field in attrs.fields(type(event)):
        value = getattr(event, field.name)
        if field.name == "note" or (isinstance(event, Update) and field.name == "sender"):
            continue  # the same news, whoever is recorded as giving it
        if field.name in ("recipient", "sender"):
            value = person_key(value or contact)
        elif isinstance(value, datetime):
            value = cal.utc(value)
        values.append(value)
    return tuple(values)


def find_event(interview: Interview, history: Iterable[Event], event: Event) -> int | None:
    """The position in *history* of the same event as *event*, or None.

    The same event is the same kind of event at the same instant with the
    same fields, whatever its note, and a recipient or sender left out is
    the follow-up contact.  An app calls it before storing an event, as
    `check_event` does, so that an event logged twice is kept once.
    """
    wanted = _event_key(event, interview) if isinstance(event, EVENT_TYPES) else None
    for index, each in enumerate(history):
        if (
            wanted is not None
            and isinstance(each, EVENT_TYPES)
            and _event_key(each, interview) == wanted
        ):
            return index
    return None


def _ordered(history: Iterable[Event]) -> list[Event]:
    """By instant, never by wall clock; equal instants keep their order."""
    events = list(history)
    for index, event in enumerate(events):
        if not isinstance(event, EVENT_TYPES):
            raise InvalidHistory(
                f"history[{index}]",
                event,
                "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze",
            )
    return sorted(events, key=lambda event: cal.utc(event.at))


def _check_people(interview: Interview, event: Event) -> None:
    """A contact goes to, and a reply or an out-of-office comes from, someone on the
    interview: else say who is, and the name probably meant ("did you mean ...?")."""
    for field in ("recipient", "sender"):
        name = getattr(event, field, None)
        if name is not None and interview.person(name) is None:
            recruiter = interview.recruiter
            if recruiter is None or person_key(recruiter.name) != person_key(name):
                raise InvalidHistory(f"event.{field}", name, _unknown_person(name, interview))


def _check_not_after(event: Event, now: datetime | None) -> None:
    """*event* happened by *now*: a later one is a typo (the month, the year), refused."""
    if now is None:
        return
    moment = _check_now(now)
    if cal.utc(event.at) > cal.utc(moment):
        local = _local(moment, event.at.tzinfo or cal.UTC)  # as the event is written
        shown = local.replace(microsecond=0).isoformat()
        raise InvalidHistory(
            "event.at",
            event.at,
            f"is after now ({shown}): an event is recorded once it has happened "
            "(a typo in the date?)",
        )


def check_event(
    interview: Interview,
    history: Iterable[Event],
    event: Event,
    policy: Policy | None = None,
    *,
    now: datetime | None = None,
) -> tuple[Event, ...]:
    """The history with *event* in its place, checked: what an app stores.

    Histories are ordered by instant (never by wall clock; events at the same
    instant keep the order given), and *event* goes after the events not
    later than it, so an event logged late lands where it happened.  An event
    already in *history* (`find_event`) is not added again: the history comes
    back as it was (ordered), which the caller can tell by its length.

    With *now*, an event dated after it is refused: what has not happened
    yet cannot be recorded, and a typo in the month would otherwise move
    today's plan without a word.  (A `Snooze` may of course snooze *until*
    a later moment; only when it was made counts.)

    Raises:
        InvalidHistory: *event* is not an event, or does not fit the interview
            or the history (a name not on the interview, with the name
            probably meant; before the interview; after *now*...), as `plan`
            would refuse it; the error names the new event ``event``
            (``event.at = ...: is before the interview``), and any other
            event by its place in the ordered history.
        InvalidArgument: *now* is not an aware datetime.
        InvalidInterview: as `plan`.
        InvalidPolicy: as `plan`.
    """
    if not isinstance(event, EVENT_TYPES):
        raise InvalidHistory(
            "event", event, "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze"
        )
    _check_not_after(event, now)
    _check_people(interview, event)
    events = _ordered(history)
    if find_event(interview, events, event) is not None:
        return tuple(events)
    moment = cal.utc(event.at)
    place = len(events)
    while place and cal.utc(events[place - 1].at) > moment:
        place -= 1
    updated = (*events[:place], event, *events[place:])
    try:
        make_plan(interview, policy, history=updated)  # refuses what the planner would
    except InvalidHistory as error:
        raise _named_event(error, place) from None
    return updated


def _named_event(error: InvalidHistory, place: int) -> InvalidHistory:
    """*error* about the new event, at *place* of the history, named ``event``: the
    caller added one event and knows no index (an error about another event keeps its)."""
    own = f"history[{place}]"
    field = error.field
    if field != own and not field.startswith((f"{own}.", f"{own}[")):
        return error
    return InvalidHistory("event" + field[len(own) :], error.value, error.problem)


def _step_words(step: str, interview: Interview, words: Mapping[str, str] | None = None) -> str:
    """A step id in words: ``check-in 2 to Ana Ruiz``; the id itself when it is not one."""
    try:
        kind, name, number = read_step(step, interview)
    except StepIdError:
        return step
    if words is None:
        words = event_words(english(None))
    kind_words = words[kind.value]
    counted = (
        words["counted"] % {"kind": kind_words, "number": number}
        if kind in _COUNTED
        else kind_words
    )
    return words["step"] % {"kind": counted, "who": name} if name else counted


_COUNTED = frozenset({ActionKind.CHECK_IN})


def describe_event(
    event: Event, interview: Interview, policy: Policy | None = None, locale: str | None = None
) -> str:
    """An event in a few words, on the candidate's clock: a history as a person reads it.

    ``thank-you to Ana Ruiz, by e-mail, Wed 8 Jul 09:10``; ``closing-statement
    to Ana Ruiz, in person, ...``; ``undecided, new
    date 2026-07-30, Thu 16 Jul 10:20``; ``a reply from Bo Chen, ...``;
    ``skipped check-in 2 to Ana Ruiz, ...`` (the step's id itself when it
    is not one of this interview's), with the candidate's note in brackets.  A
    contact or a reply that names nobody went to, or came from, the
    follow-up contact.  In English by default, like `Action.describe`; what
    ``followup log`` and ``followup events`` print.  *locale* (``"de"``,
    ``"fr_CA"``, ...) writes it in that language, its dates in that
    language's form (the calendar's "Done:" lines are written so).  With
    *policy*, a new decision date said as a week ("by the end of next week")
    is read on the working week of the policy's country, as the planner reads it.

    Raises:
        InvalidHistory: *event* is not an event.
        InvalidArgument: *locale* is not a translated locale.
    """
    if not isinstance(event, EVENT_TYPES):
        raise InvalidHistory(
            "event", event, "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze"
        )
    lang = _language_of(locale)
    words = event_words(lang)
    zone = _zone_of(interview)

    def local(moment: datetime) -> str:
        shown = _local(moment, zone)
        if shown.replace(fold=1 - shown.fold).utcoffset() != shown.utcoffset():
            # the hour the clocks go back comes twice: say which (the fourth trial)
            return short_moment(lang, shown, "ddd D MMM HH:mm zz")
        return short_moment(lang, shown, "ddd D MMM HH:mm")

    def day_of(value: date) -> str:
        return str(value) if lang.code == "en" else short_day(lang, value)

    when = local(event.at)
    if isinstance(event, Contact):
        who = event.recipient or _addressee_of(event.kind, interview)
        how = words["voicemail"] if event.voicemail else words[event.channel.value]
        if event.answered is not None:
            how = words["answered" if event.answered else "no answer"] % {"how": how}
        text = words["contact"] % {
            "kind": words[event.kind.value],
            "who": who,
            "how": how,
            "when": when,
        }
    elif isinstance(event, Update):
        # read as the planner reads it: from the day it came in the interview's zone
        employer = interview.starts_at.tzinfo
        decided = event.decision_by if employer is None else event.decision_in(employer)
        day = decided.end if isinstance(decided, Timeframe) else decided
        if policy is not None and decided is not None:  # a week on the country's week
            said_on = cal.local_date(cal.utc(event.at), employer or zone)
            day = _decision(decided, said_on, policy)[0]
        outcome = words[event.outcome.value]
        if event.sender:
            outcome = words["from"] % {"outcome": outcome, "sender": event.sender}
        if event.decision_by is not None:
            shown_day = "None" if day is None else day_of(day)
            arranged = event.outcome is Outcome.NEXT_ROUND  # the day of the round itself
            key = "round on" if arranged else "new date"
            outcome = words[key] % {"outcome": outcome, "day": shown_day}
        text = words["update"] % {"outcome": outcome, "when": when}
    elif isinstance(event, OutOfOffice):
        key = "back" if event.returns_on else "out of office"
        key += " from" if event.sender else ""
        back = day_of(event.returns_on) if event.returns_on else ""
        text = words[key] % {"sender": event.sender, "day": back, "when": when}
    elif isinstance(event, Reply):
        key = "reply from" if event.sender else "reply"
        text = words[key] % {"sender": event.sender, "when": when}
    elif isinstance(event, Snooze):
        text = words["snoozed"] % {
            "step": _step_words(event.step, interview, words),
            "until": local(event.until),
            "when": when,
        }
    else:
        assert isinstance(event, Skip)
        text = words["skipped"] % {"step": _step_words(event.step, interview, words), "when": when}
    return words["note"] % {"text": text, "note": event.note} if event.note else text


def new_violations(
    interview: Interview,
    history: Iterable[Event],
    event: Event,
    policy: Policy | None = None,
) -> list[Violation]:
    """The limits *event* oversteps, added to *history*: what `audit` would newly report.

    The violations `audit` reports with the event that it did not report
    without it (the same rule over the same events): the event's own, and
    those it brings about in events already recorded (a reply logged late,
    before a check-in, can leave that check-in too soon after it).  An app
    shows them as a warning when the candidate records what they did (what
    is done is done; recording it is never refused for being pushy).

    Raises:
        as `check_event`.
    """
    updated = check_event(interview, history, event, policy)
    return _new_violations(interview, _ordered(history), updated, policy)


def _new_violations(
    interview: Interview,
    before: Iterable[Event],
    after: Iterable[Event],
    policy: Policy | None,
) -> list[Violation]:
    earlier = {
        (violation.rule, violation.events) for violation in audit(interview, before, policy)
    }
    return [
        violation
        for violation in audit(interview, after, policy)
        if (violation.rule, violation.events) not in earlier
    ]


@attrs.frozen
class Recorded:
    """What recording one event did (`Application.record`, `record_event`).

    Attributes:
        event: the event recorded (or the same one found already, when `already`).
        number: its place in `history`, counted from 1.
        already: the same event was in the history already (`find_event`),
            or a skip of the same step, or (`Application.record_step`) the
            step was done already: nothing was added, and `event` is the
            one recorded before.
        history: the whole history now, ordered by instant.
        violations: the limits the event oversteps, or makes events
            already recorded overstep (see `new_violations`), as `audit` would report
            them (``str(violation)`` reads ``[retry-gap] only 2 business
            day(s) after ...``); empty when it is polite or was there
            already.  What is done is done: recording is never refused
            for being pushy, an app shows these as a warning.
        application: the application with the event, when recorded through
            `Application.record` (else None).
    """

    event: Event
    number: int
    already: bool
    history: tuple[Event, ...]
    violations: tuple[Violation, ...] = attrs.field(default=(), kw_only=True)
    application: Application | None = attrs.field(default=None, kw_only=True)


def record_event(
    interview: Interview,
    history: Iterable[Event],
    event: Event,
    policy: Policy | None = None,
    *,
    now: datetime | None = None,
) -> Recorded:
    """Record *event* in *history*: checked, in its place, once, with what it oversteps.

    `check_event`, `find_event` and `new_violations` in one call, for a
    history kept in a database (`Application.record` wraps it;
    `followup_rules.files.HistoryFile.add` uses it for files).

    Raises:
        as `check_event`.
    """
    events = tuple(_ordered(history))
    index = find_event(interview, events, event)
    if index is None and isinstance(event, Skip):  # skipping a skipped step: the same decision
        index = next(
            (
                i
                for i, each in enumerate(events)
                if isinstance(each, Skip) and each.step == event.step
            ),
            None,
        )
    if index is not None:
        return Recorded(events[index], index + 1, True, events)
    updated = check_event(interview, events, event, policy, now=now)
    place = next(number for number, each in enumerate(updated) if each is event)
    violations = _new_violations(interview, events, updated, policy)
    return Recorded(event, place + 1, False, updated, violations=tuple(violations))


class StepStatus(Enum):
    """Where a step stands, by its id (`find_step`)."""

    PLANNED = "planned"
    """On the agenda: late, due or coming (`FoundStep.item`)."""
    DONE = "done"
    """Done: a contact of the history did it (`FoundStep.event`)."""
    SKIPPED = "skipped"
    """Skipped: a `Skip` of the history names it (`FoundStep.event`)."""
    SUPERSEDED = "superseded"
    """Missed: its window closed and it is no longer to be done (on the agenda for
    `FORGET_AFTER`, with its reason: `FoundStep.item`; forgotten after that)."""
    NOT_PLANNED = "not_planned"
    """A step id of this interview that the plan does not hold: the follow-up ended
    (an offer, a rejection, a withdrawal) or the limits leave no room for it."""
    UNKNOWN = "unknown"
    """Not a step of this interview: another interview's id, this one's from before
    an edit that changed its ids (no `Interview.id`), someone no longer on it, or
    no step id at all (`FoundStep.reason` says which)."""

    __hash__ = object.__hash__


@attrs.frozen
class FoundStep:
    """Where the step with a given id stands, and why (`find_step`).

    Attributes:
        id: the id asked for.
        status: where it stands (`StepStatus`).
        reason: the same in plain words, for a person
            (``"done: thank-you to Ana Ruiz, by e-mail, Wed 8 Jul 09:10"``).
        item: its agenda item, when it is on the agenda (planned, or
            superseded recently); else None.
        event: the contact that did it, or the `Skip` that skipped it; else None.
    """

    id: str
    status: StepStatus
    reason: str
    item: AgendaItem | None = None
    event: Event | None = None


def find_step(
    interview: Interview,
    history: Iterable[Event],
    step: str,
    *,
    now: datetime,
    policy: Policy | None = None,
) -> FoundStep:
    """Where the step with id *step* stands at *now*: on the agenda, done, skipped, ...

    `Agenda.get` says None for every step that is not on the agenda; this
    says why: an app's page for a stored step id shows "done on ...",
    "skipped", "no longer to do: ...", or "not a step of this
    application".  Never raises for an id, whatever it holds.

    Raises:
        InvalidArgument: *now* is not an aware datetime.
        InvalidInterview: as `plan`.
        InvalidPolicy: as `plan`.
    """
    events = tuple(_ordered(history))
    moment = _check_now(now)
    if not isinstance(step, str):
        return FoundStep(str(step), StepStatus.UNKNOWN, "is not a step id (see AgendaItem.id)")
    today = make_agenda(interview, policy, history=events, now=moment)
    item = today.get(step)
    if item is not None:
        if item.standing is Standing.SUPERSEDED:
            return FoundStep(step, StepStatus.SUPERSEDED, item.note(), item)
        return FoundStep(step, StepStatus.PLANNED, item.standing.value, item)
    contact = done_ids(interview, events).get(step)
    if contact is not None:
        done = f"done: {describe_event(contact, interview)}"
        return FoundStep(step, StepStatus.DONE, done, event=contact)
    for event in events:
        if isinstance(event, Skip) and event.step == step:
            said = describe_event(event, interview)
            return FoundStep(step, StepStatus.SKIPPED, said, None, event)
    try:
        step_key(step, interview)
    except StepIdError as error:
        return FoundStep(step, StepStatus.UNKNOWN, error.problem)
    schedule = make_plan(interview, policy, history=events, now=moment)
    if step in schedule.missed_ids:
        return FoundStep(step, StepStatus.SUPERSEDED, "superseded: its window closed long ago")
    return FoundStep(
        step,
        StepStatus.NOT_PLANNED,
        "no longer planned: the follow-up ended, or the limits leave no room for it",
    )


def _addressee_of(kind: ActionKind, interview: Interview) -> str:
    """Who a contact recorded without a recipient went to: the recruiter for a debrief
    (when there is one), else the follow-up contact."""
    recruiter = interview.recruiter
    if kind is ActionKind.RECRUITER_DEBRIEF and recruiter is not None:
        return recruiter.name
    return interview.follow_up_contact.name
