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

import hashlib
import heapq
import json
import re
from collections.abc import Hashable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta, tzinfo
from enum import Enum
from itertools import islice
from typing import Any, Literal

import attrs
import pendulum

from . import _calendar as cal
from ._step_words import agenda_words, calendar_words, event_words, short_day, short_moment
from ._step_words import words as english
from ._steps import FOLLOW_UP_KINDS
from .action import Action, Plan, _check_now, _language_of
from .agenda import Agenda, AgendaItem, Standing, agenda_with, candidate_locale
from .agenda import agenda as make_agenda
from .audit import Violation, audit, audit_with, follow_up_threads, latest_elsewhere
from .errors import (
    FollowupError,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    StepIdError,
    _did_you_mean,
    _short_repr,
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
from .identity import (
    done_ids,
    owner,
    pinned,
    pinned_person,
    read_step,
    renamed_step,
    role_key,
    step_key,
    thread_key,
)
from .model import ActionKind, Interview, name_part, person_key
from .plan import plan as make_plan
from .plan import planned
from .policy import Policy
from .state import _decision, _unknown_person, check_history
from .timeframe import Timeframe

__all__ = [
    "AgendaCounts",
    "AgendaMany",
    "Application",
    "Changes",
    "Entry",
    "FoundStep",
    "Recorded",
    "StepChange",
    "StepStatus",
    "agenda_many",
    "audit_many",
    "check_event",
    "check_history",
    "describe_event",
    "end_of_day",
    "event_id",
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
            # what follows the name typed, which may hold a ": " of its own
            said = str(error).replace(_short_repr(where), "", 1)
            problem = said.split(": ", 1)[1] if ": " in said else ""
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
_ONE_DIGIT_HOUR = re.compile(r"^(\d{4}-\d{2}-\d{2}[T ])(\d:\d{2})")
"""A date and a time whose hour has one digit (``2026-07-20 9:00``), as people type it."""
_BRACKETED = re.compile(r"^(?P<iso>[^\[\]]+?)\[(?P<zone>[^\[\]]+)\]$")
_WHEN_HELP = (
    "is not 'now', 'today', 'yesterday', 'tomorrow', a local date or time like "
    "2026-07-16T09:00, or ISO 8601 with an offset like 2026-07-16T09:00-04:00"
)


def parse_when(
    text: str,
    zone: Interview | tzinfo | str,
    now: datetime,
    *,
    field: str = "when",
    happened: bool = False,
) -> pendulum.DateTime:
    """A moment as a person types it, read in *zone* and from *now*.

    - ``now``: *now* itself;
    - ``today``, ``yesterday``, ``tomorrow``: the first instant of that local
      date (`start_of_day`);
    - a local date (``2026-07-16``, its first instant) or date and time
      (``2026-07-16T09:00``, ``2026-07-16 09:00``, ``2026-07-16 9:00``), read in *zone*;
    - ISO 8601 with an offset (``2026-07-16T09:00-04:00``, ``...Z``) or with
      the zone in brackets (``2026-07-16T09:00-04:00[America/New_York]``,
      ``2026-07-16T09:00[America/New_York]``): that instant.

    With ``happened=True``, the text is when something happened (an
    event's time, "done at"), and a day alone is read as a person means it:
    ``today`` (or today's date) is *now*, not midnight, which would read as
    before an interview held this morning; a past day (``yesterday``,
    ``2026-07-06``) is noon that day, or the end of the interview when that
    day is the interview's and it ends later; a future day stays its first
    instant (and is refused as after now where the event is checked).

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
        day = today + timedelta(days=_WORDS[word])
        return _happened_on(day, zone, now) if happened else start_of_day(day, local_zone)
    moment = _read_iso(text.strip())
    if moment is None:
        close = _did_you_mean(word, ("now", *_WORDS))
        hint = f"; did you mean {close!r}?" if close else ""
        raise InvalidArgument(field, text, _WHEN_HELP + hint)
    if isinstance(moment, date) and not isinstance(moment, datetime):
        return _happened_on(moment, zone, now) if happened else start_of_day(moment, local_zone)
    if moment.tzinfo is None:  # a wall clock: one the clocks skip reads as the hour after
        return _local(cal.utc(moment.replace(tzinfo=local_zone)), local_zone)
    return _local(moment, local_zone)


def _happened_on(day: date, zone: Interview | tzinfo | str, now: datetime) -> pendulum.DateTime:
    """When something that happened on *day* (given alone) is taken to have happened:
    see `parse_when` (``happened=True``)."""
    local_zone = _zone_of(zone)
    here = _local(now, local_zone)
    if day > here.date():
        return start_of_day(day, local_zone)
    if day == here.date():
        return here
    moment = start_of_day(day, local_zone).add(hours=12)
    if isinstance(zone, Interview):
        ends = _local(cal.utc(zone.starts_at + zone.duration), local_zone)
        if ends.date() == day and ends > moment:
            moment = ends
    return moment


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
    text = _ONE_DIGIT_HOUR.sub(r"\g<1>0\g<2>", text)  # 2026-07-20 9:00: 09:00
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


def _met_before(value: Any) -> tuple[tuple[str, int], ...]:
    """(person_key, count) pairs, sorted, from pairs or a mapping; refused when not."""
    items = value.items() if isinstance(value, Mapping) else value
    try:
        pairs = tuple(sorted((str(key), int(count)) for key, count in items))
    except (TypeError, ValueError):
        raise InvalidArgument(
            "met_before", value, "expected person keys with how many interviews"
        ) from None
    if any(count < 0 for _, count in pairs):
        raise InvalidArgument("met_before", value, "a count of interviews is never negative")
    return tuple(pair for pair in pairs if pair[1])


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
        met_before: the people of its interview met in an earlier interview of
            the same thread (a later round kept as an application of its own),
            as ``(person_key, how many interviews)`` pairs (a mapping is taken
            too): what `later_rounds` gives, and `agenda_many(together=True)`,
            `followup today`, `render` and `plan` of several files find.  The
            notes to them say it is another conversation, in other words
            than the rounds before (`Facts.met_before`).
    """

    interview: Interview
    history: tuple[Event, ...] = attrs.field(default=(), converter=_application_history)
    policy: Policy | None = None
    name: str | None = None
    key: Hashable | None = attrs.field(default=None, kw_only=True)
    met_before: tuple[tuple[str, int], ...] = attrs.field(
        default=(), kw_only=True, converter=_met_before
    )

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
        """The name, else "ROLE at COMPANY" (in English: `label_in` says it in a language)."""
        return self.name or f"{self.interview.role} at {self.interview.company}"

    def label_in(self, locale: str | None = None) -> str:
        """`label` in *locale*, the candidate's by default: the name as given, else
        "ROLE at COMPANY" in their language (``"Entwicklerin bei Muster GmbH"``), as
        the calendar names the application and the agenda's JSON labels it."""
        if self.name:
            return self.name
        chosen = candidate_locale(self.interview) if locale is None else locale
        try:
            language = english(chosen)
        except LookupError:
            problem = "is not a language messages are written in"
            raise InvalidArgument("locale", locale, problem) from None
        template = calendar_words(language)["application"]
        return template % {"role": self.interview.role, "company": self.interview.company}

    @property
    def zone(self) -> tzinfo:
        """The candidate's zone, else the interview's: where "today" is."""
        return _zone_of(self.interview)

    def plan(self, now: datetime | None = None) -> Plan:
        """The plan after the history, under the application's policy, seen from *now*
        when given (see `plan`: late steps in their next allowed window)."""
        if not self.met_before:
            return make_plan(self.interview, self.policy, history=self.history, now=now)
        return planned(
            self.interview,
            self.policy,
            history=self.history,
            now=now,
            met_before=dict(self.met_before),
        )

    def agenda(
        self, now: datetime, until: datetime | EndOfDay | None = None, *, days: int = 0
    ) -> Agenda:
        """The agenda from *now* (see `agenda`); ``until="end_of_day"``: the candidate's day,
        or with *days* the candidate's day that many days later (``days=6``: the
        coming week, today included, and no step after it: see `agenda_many`).

        Raises:
            InvalidArgument: as `agenda`; *days* is not a whole number from 0 to
                366, or is given with an *until* other than ``"end_of_day"``.
        """
        return self._agenda(now, until, None, _check_days(days, until))

    def _agenda(
        self,
        now: datetime,
        until: datetime | EndOfDay | None,
        elsewhere: datetime | None,
        days: int = 0,
    ) -> Agenda:
        """`agenda`, the follow-ups kept `Policy.min_gap` from *elsewhere* (`agenda_many`)."""
        moment = _local(_check_now(now), self.zone)
        end = end_of_day(moment.add(days=days), self.zone) if until == "end_of_day" else until
        seen = agenda_with(
            self.interview,
            self.policy,
            history=self.history,
            now=moment,
            until=end,
            elsewhere=elsewhere,
            met_before=dict(self.met_before),
        )
        # days is a horizon: a week's list ends with the week (the app8 trial: days=7
        # listed steps 29 days ahead); without days, the next coming step is shown
        return attrs.evolve(seen, coming=()) if days else seen

    def find_step(self, step: str, now: datetime) -> FoundStep:
        """Where the step with this id stands at *now*: see `find_step`."""
        return find_step(self.interview, self.history, step, now=now, policy=self.policy)

    def changes(self, since: datetime, now: datetime) -> Changes:
        """What changed from *since* to *now*: "since yesterday" for a user.

        The agenda at *since*, made from the events dated up to then, beside
        the agenda at *now*, made from the whole history: every step new,
        gone (done, skipped, no longer planned), standing otherwise (due
        turned late, superseded) or moved (another window or channel), each with
        where it stands now (`FoundStep`, its `description` in the candidate's
        language) and the events dated after *since* that changed the plan
        (`Changes.events`; none when time alone moved it).  Steps that stand as
        they stood are left out.  Events are placed by their own time: one
        recorded today about yesterday morning counts as known at *since*, and
        one dated after *now* is not known at *now*.

        Raises:
            InvalidArgument: *since* or *now* is not an aware datetime, or *since*
                is after *now*.
        """
        return _changes(self, since, now)

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
            return Recorded(
                found.event,
                number,
                True,
                self.history,
                application=self,
                event_id=event_id(found.event, self.interview),
            )
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

    def event_id(self, event: Event) -> str:
        """The stable id of *event* in this application (`event_id`)."""
        return event_id(event, self.interview)

    def remove(self, event: Event | str) -> Application:
        """The application without *event*: an app's undo, or a mistake taken back.

        The event is found as `find_event` finds it (the same kind at the same
        instant with the same fields, whatever its note), so the event an app
        read back from its store removes the one recorded; or by its id
        (`event_id`, ``"ev-..."``), which an app can keep beside the event
        or in an undo link.  The history left is checked against the
        interview again.

        Raises:
            InvalidHistory: *event* is not in the history (naming it), or an
                id that names none of its events.
        """
        if isinstance(event, str):
            ids = [event_id(each, self.interview) for each in self.history]
            if event not in ids:
                problem = (
                    "names no event of the application's history"
                    if _EVENT_ID.fullmatch(event)
                    else "is not an event, nor an event's id like ev-0123456789abcdef"
                )
                raise InvalidHistory("event", event, problem)
            index: int | None = ids.index(event)
        else:
            index = find_event(self.interview, self.history, event)
        if index is None:
            said = describe_event(event, self.interview) if isinstance(event, EVENT_TYPES) else ""
            raise InvalidHistory(
                "event",
                event,
                f"is not in the application's history ({said})" if said else _NOT_AN_EVENT,
            )
        return attrs.evolve(self, history=self.history[:index] + self.history[index + 1 :])

    def rename(self, old: str, new: str) -> Application:
        """The application with the person called *old* called *new*, everywhere at once.

        In the interview (an interviewer, the recruiter, the follow-up
        contact) and in the history: the contacts to them, their replies and
        out-of-office answers.  No step id changes: the interview is pinned
        first (`identity.pinned`), and the person gets, when they have none,
        the id their steps' ids hold (`identity.pinned_person`), so an id an
        app stored, and every `Skip` or `Snooze`, still names the same step.
        (A step id written before the person had an id of their own names
        their old name: it is renamed, `identity.renamed_step`.)  Renaming
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

        steps = _renames_steps(interview, old)
        changed = _renamed_interview(pinned_person(interview, old), old, new)
        history = _renamed_events(self.history, old, new, steps=steps)
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
        if _renamed_events(self.history, old, new) == list(self.history):
            return None  # it names nobody called *old* either, nor a step of theirs
        # The person gets, when they have none, the id their steps' ids held under *old*
        # (the loop8 trial: no id was written, and the calendar cancelled the items of
        # their old step ids, the thank-you sent among them): the ids of their steps,
        # the skips and snoozes recorded and the calendar's items stay what they were.
        person = next(
            p
            for p in (*interview.interviewers, interview.recruiter)
            if p is not None and _same_person(p.name, new)
        )
        if person.id is None:
            interview = _pinned_as(interview, new, name_part(old))
            history = [
                attrs.evolve(event, step=renamed_step(event.step, new, old))
                if isinstance(event, (Skip, Snooze))
                else event
                for event in _renamed_events(self.history, old, new, steps=False)
            ]  # a step id written since the edit by hand, under *new*: the pinned one
        else:
            history = _renamed_events(self.history, old, new)
        return attrs.evolve(self, interview=interview, history=check_history(interview, history))

    def with_interview(self, interview: Interview) -> Application:
        """The application with *interview* in place of its own, its history checked against it.

        For an edit an app makes to the interview (a reschedule, a rename):
        the history must still fit the new interview (nobody it names was
        removed, nothing happened before the new start), else nothing
        changes.  Give the interview an `Interview.id` first
        (`followup_rules.identity.pinned`, which `serialize.edit_application` does), so that the
        step ids stored before the edit stay valid.

        A person with an id (`Interviewer.id`, `Recruiter.id`) is the same
        person under a new name: the history's events that name them by the
        old name are renamed with them, as `rename` does, so a history
        recorded before the edit still fits.  Without an id, a new name is
        someone else: rename people with `rename`.

        Raises:
            InvalidHistory: the history does not fit *interview* (naming the
                event by its place in `history`).
            InvalidInterview: *interview* is not an `Interview`.
        """
        if not isinstance(interview, Interview):
            raise InvalidInterview("interview", interview, "expected an Interview")
        history = self.history
        renames = _renamed_by_id(self.interview, interview)
        if renames:
            # step ids follow, unless they hold the person's id already (one pinned from
            # their old name: `_renames_steps`)
            steps = [pair for pair in renames if _renames_steps(self.interview, pair[0])]
            history = tuple(_renamed_many(history, renames, steps=False))
            history = tuple(_renamed_many(history, steps, steps=True, names=False))
        check_history(interview, history)
        return attrs.evolve(self, interview=interview, history=history)


def _renamed_by_id(before: Interview, after: Interview) -> list[tuple[str, str]]:
    """The people *after* calls by another name than *before*, known by their id: (old, new)."""

    def by_id(interview: Interview) -> dict[str, str]:
        people = (*interview.interviewers, interview.recruiter)
        return {p.id: p.name for p in people if p is not None and p.id is not None}

    new_names = by_id(after)
    return [
        (name, new_names[key])
        for key, name in by_id(before).items()
        if key in new_names and not _same_person(name, new_names[key])
    ]


def _with_person(
    interview: Interview, called: str, changes: Mapping[str, Any], **fields: Any
) -> Interview:
    """*interview* with the person *called* given *changes* in each of their roles (and the
    interview's own *fields*, changed in the same step so it is checked once, whole)."""

    def change(person: Any) -> Any:
        return attrs.evolve(person, **changes) if _same_person(person.name, called) else person

    recruiter = interview.recruiter
    return attrs.evolve(
        interview,
        interviewers=[change(person) for person in interview.interviewers],
        recruiter=None if recruiter is None else change(recruiter),
        **fields,
    )


def _pinned_as(interview: Interview, name: str, part: str) -> Interview:
    """*interview* with the person called *name* given the id *part*, in each of their roles."""
    return _with_person(interview, name, {"id": part})


def _renamed_interview(interview: Interview, old: str, new: str) -> Interview:
    """*interview* with the person called *old* (an interviewer, the recruiter) called *new*."""
    contact = new if _same_person(interview.contact, old) else interview.contact
    return _with_person(interview, old, {"name": new}, contact=contact)


def _renames_steps(interview: Interview, old: str) -> bool:
    """Whether a rename of *old* renames the step ids naming their old name.

    Not when the person has no id: they get their name's part as their id
    (`identity.pinned_person`), which the ids of their steps hold from then
    on.  When they have an id, a step id naming their old name is one
    written before they had it, read back by their name: it follows.  So
    do the ids naming someone the interview no longer has (renamed there
    by hand): the history is mended to the name the interview has.
    """
    people = [person for person in (*interview.interviewers, interview.recruiter) if person]
    if not any(_same_person(person.name, old) for person in people):
        return True  # a history mended after a rename by hand (`_mended`): nobody is pinned
    # an id that is their old name's own part (pinned from it: `files.HistoryFile.create`)
    # is what their step ids hold: renaming those would lose them (the app8 trial)
    return any(
        person.id is not None and person.id != name_part(old) and _same_person(person.name, old)
        for person in people
    )


def _renamed_events(
    history: Iterable[Event], old: str, new: str, *, steps: bool = True
) -> list[Event]:
    """*history* with *old* called *new*: recipients, senders, and (with *steps*) the
    step ids naming their old name."""
    return _renamed_many(history, [(old, new)], steps=steps)


def _renamed_many(
    history: Iterable[Event],
    renames: Sequence[tuple[str, str]],
    *,
    steps: bool,
    names: bool = True,
) -> list[Event]:
    """*history* with each (old, new) of *renames* done at once (two people may swap names):
    recipients and senders (unless not *names*), and the step ids (with *steps*)."""
    table = {person_key(old): new for old, new in renames}

    def renamed(name: str | None) -> str | None:
        return None if name is None else table.get(person_key(name), name)

    events: list[Event] = []
    for event in history:
        if not names and not isinstance(event, (Skip, Snooze)):
            pass
        elif isinstance(event, Contact) and renamed(event.recipient) != event.recipient:
            event = attrs.evolve(event, recipient=renamed(event.recipient))
        elif isinstance(event, (Reply, OutOfOffice, Update)) and (
            renamed(event.sender) != event.sender
        ):
            event = _evolve(event, sender=renamed(event.sender))
        elif steps and isinstance(event, (Skip, Snooze)):
            # a step id naming the old name (written before the person had an id, or
            # by hand); the id a step of theirs has now is their id, which stays
            for old, new in renames:
                step = renamed_step(event.step, old, new)
                if step != event.step:
                    event = attrs.evolve(event, step=step)
                    break
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
    def in_days(self) -> int:
        """How many days from the agenda's *now* `shown_at` falls, on the candidate's
        calendar: 0 today, 1 tomorrow, 6 six days on (a week's list tells "today" from
        "later this week" by it); negative for a superseded step's missed deadline."""
        zone = self.application.zone
        return (self.shown_at.date() - _local(self.agenda.now, zone).date()).days

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
        unread: the rows that could not be read into an application, each
            as the loader given in its place and the error it raised (made
            with ``skip_invalid=True`` from loaders: see `agenda_many`);
            empty otherwise.
        per_candidate: the most steps kept of each candidate, or None.
        changes_at: the next moment after *now* at which any application's
            agenda changes (`Agenda.changes_at`: a step can be done that cannot
            be now, or a due or late step's window closes), over every
            application seen, whatever was kept (also with ``limit=0``): the
            one moment a reminders service wakes up at to make the list again.
            None when nothing is left to do in any of them.
    """

    now: datetime
    agendas: tuple[tuple[Application, Agenda], ...]
    entries: tuple[Entry, ...]
    superseded: tuple[Entry, ...]
    counts: AgendaCounts = attrs.field(default=attrs.Factory(_counted, takes_self=True))
    limit: int | None = None
    failed: tuple[tuple[Application, FollowupError], ...] = attrs.field(default=(), kw_only=True)
    unread: tuple[tuple[Any, FollowupError], ...] = attrs.field(default=(), kw_only=True)
    per_candidate: int | None = attrs.field(default=None, kw_only=True)
    changes_at: pendulum.DateTime | None = attrs.field(
        default=attrs.Factory(lambda day: _soonest_change(day.agendas), takes_self=True),
        kw_only=True,
    )

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
        part that kept *n* steps cannot say which came after them.  A part
        made with *per_candidate* caps each candidate again, over the parts
        (the smallest cap of the parts).

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
        per = min((p.per_candidate for p in parts if p.per_candidate is not None), default=None)
        entries = _capped(heapq.merge(*(part.entries for part in parts), key=_entry_rank), per)
        counts = AgendaCounts(
            *(sum(getattr(part.counts, field) for part in parts) for field in _COUNT_FIELDS)
        )
        failed = tuple(pair for part in parts for pair in part.failed)
        unread = tuple(pair for part in parts for pair in part.unread)
        changes = _first_moment(part.changes_at for part in parts)
        if keep is not None:
            kept = tuple(islice(entries, keep))
            return cls(
                now,
                (),
                kept,
                (),
                counts,
                keep,
                failed=failed,
                unread=unread,
                per_candidate=per,
                changes_at=changes,
            )
        agendas = tuple(pair for part in parts for pair in part.agendas)
        superseded = heapq.merge(*(part.superseded for part in parts), key=_entry_rank)
        return cls(
            now,
            agendas,
            tuple(entries),
            tuple(superseded),
            counts,
            failed=failed,
            unread=unread,
            per_candidate=per,
            changes_at=changes,
        )


def _soonest_change(agendas: Iterable[tuple[Application, Agenda]]) -> pendulum.DateTime | None:
    """The soonest `Agenda.changes_at` of *agendas*."""
    return _first_moment(today.changes_at for _, today in agendas)


def _first_moment(moments: Iterable[pendulum.DateTime | None]) -> pendulum.DateTime | None:
    """The soonest instant of *moments* (None ones left out), on its own clock; None if none."""
    return min((m for m in moments if m is not None), key=cal.utc, default=None)


_COUNT_FIELDS = tuple(field.name for field in attrs.fields(AgendaCounts))


def _check_limit(limit: object, field: str = "limit") -> int | None:
    if limit is None or (type(limit) is int and limit >= 0):
        return limit
    raise InvalidArgument(field, limit, "expected a whole number (0 or more) or None")


def _iterable(value: object, field: str) -> Iterator[Any]:
    """An iterator over *value*, or `InvalidArgument` naming *field* (a string is none)."""
    if not isinstance(value, (str, bytes)):
        try:
            return iter(value)  # type: ignore[call-overload,no-any-return]
        except TypeError:
            pass
    raise InvalidArgument(field, value, "expected an iterable")


def audit_many(applications: Iterable[Application]) -> list[list[Violation]]:
    """`audit` each application, and the gaps between them: one list per application, in order.

    Each application is judged as `audit` judges it, under its own policy,
    and more: a follow-up contact (a check-in, a feedback request) comes
    `Policy.min_gap` business days after any follow-up contact to the same
    person at the same employer in another application of the same
    candidate (a second round kept in a file of its own), as after one in
    its own (rule ``retry-gap``, "... after a follow-up to the same person
    at this employer in another application ...").  Applications are
    matched by `identity.thread_key`: the candidate's name, the company's
    name without case, accents, punctuation or legal form
    (`identity.employer_key`: "Acme GmbH" is "ACME"), and the person
    (`person_key`).  Of two contacts at the same instant, the one of the
    application listed later is the one judged.

    Raises:
        InvalidArgument: *applications* is not iterable, or an item is not an
            `Application` (naming it: ``applications[2]``).
        InvalidInterview: as `audit`, for the first application at fault.
        InvalidPolicy: as `audit`.
    """
    listed: list[Application] = []
    for index, item in enumerate(_iterable(applications, "applications")):
        if not isinstance(item, Application):
            raise InvalidArgument(f"applications[{index}]", item, "expected an Application")
        listed.append(item)
    threads = follow_up_threads((each.interview, each.history) for each in listed)
    found = []
    for index, application in enumerate(listed):

        def elsewhere(event: Contact, index: int = index, application: Any = application) -> Any:
            interview = application.interview
            thread = thread_key(interview, owner(event.kind, event.recipient, interview))
            return latest_elsewhere(threads.get(thread, ()), index, cal.utc(event.at))

        found.append(
            audit_with(application.interview, application.history, application.policy, elsewhere)
        )
    return found


def agenda_many(
    applications: Iterable[Application],
    now: datetime,
    until: datetime | EndOfDay | None = None,
    *,
    limit: int | None = None,
    skip_invalid: bool = False,
    days: int = 0,
    per_candidate: int | None = None,
    together: bool = False,
) -> AgendaMany:
    """See every application from *now*, each under its own policy, in one list.

    The applications are read one at a time, from any iterable (a generator
    reading a database, say).  Without *limit* the result holds every
    application's agenda.  With *limit* it keeps only the *limit* most urgent
    steps (exactly the first *limit* of the whole list) and the counts of
    all, so that memory stays flat however many applications stream through:
    the form for a nightly job over a whole user base, or one partition of
    it (see `AgendaMany.merge`).

    With *together*, applications of one candidate to one employer that
    follow up with the same person (`identity.thread_key`: a second round
    in a file of its own) are planned together: each follow-up keeps
    `Policy.min_gap` from the contacts recorded in the others and from the
    follow-ups the ones listed before it plan, so that what the list
    offers, done, passes `audit_many`.  Without *limit* every application
    is seen with every other; with one, those of a candidate that come one
    after another (order the rows by candidate).

    Args:
        applications: the applications (`Application`), any iterable.
        now: the moment (aware; the library never reads the clock).
        until: count as due the steps whose window opens by then too: a
            moment, or ``"end_of_day"`` for the end of each application's
            candidate's day (`end_of_day`); *now* by default.
        days: with ``until="end_of_day"``, the list ends with the
            candidate's day that many days later: ``days=6`` lists the coming
            week, today included (`Entry.in_days` tells today's steps from
            the later ones), and no step that comes after it (no "coming"
            entries; `AgendaMany.counts` counts the steps listed).  With
            ``days=0`` (the default) the coming steps are listed after
            today's.
        limit: keep at most this many steps, the most urgent (0: the counts
            alone); None (the default) keeps everything.
        skip_invalid: leave out an application that cannot be planned (a
            history that no longer fits its interview after an edit, a policy
            hook's bad answer) and list it, with its error, in
            `AgendaMany.failed`, rather than stop the whole run: one bad row
            of a nightly job, one bad file of ``followup today``.  An item
            of *applications* may also be a loader, a callable that takes no
            argument and returns the `Application` (``functools.partial(
            read_row, row_id)``): a `FollowupError` it raises (a row that
            no longer reads: a `FormatError`, an `InvalidInterview`) leaves
            the row out too, listed with the loader in `AgendaMany.unread`.
        per_candidate: keep at most this many steps of each candidate (by
            `Candidate.name`; the most urgent), so that one user with many
            applications does not fill a nightly list; None keeps them all.
            With *limit*, counted over the applications of a candidate that
            come one after another.  `counts` still counts every step.
        together: plan the applications of one thread together (above), as
            one candidate's list (``followup today``) should; off by default,
            so that each application is planned alone and parts of a batch
            merge exactly (`AgendaMany.merge`).

    Returns:
        `AgendaMany`: late steps (those that can be done by *until* first,
        each overdue longest first), then due (those that can be done now
        first, then by the moment shown), then coming;
        superseded ones apart (when every step is kept); the counts of all.

    Raises:
        InvalidArgument: *applications* is not iterable or an item is not an
            `Application`; *now* or *until* is not aware; *limit* or
            *per_candidate* is not a whole number (0 or more) or None; *days*
            as `Application.agenda`.
        InvalidInterview: as `plan` (unless *skip_invalid*).
        InvalidPolicy: as `plan` (unless *skip_invalid*).
    """
    now = _check_now(now)
    limit = _check_limit(limit)
    days = _check_days(days, until)
    per = _check_limit(per_candidate, "per_candidate")
    stream = _iterable(applications, "applications")
    failed: list[tuple[Application, FollowupError]] = []
    unread: list[tuple[Any, FollowupError]] = []
    if limit is None:
        return _every_entry(
            stream,
            now,
            until,
            failed if skip_invalid else None,
            per,
            together,
            days,
            unread if skip_invalid else None,
        )
    counts = [0, 0, 0, 0]  # by urgency: late, due, coming, superseded
    seen = 0
    # The most urgent steps so far, the least urgent on top: keys negated,
    # since heapq keeps the smallest first.  The order number breaks ties as
    # a stable sort of the whole list would (application, then agenda order).
    kept: list[tuple[tuple[int, int, int, int], Entry]] = []
    order = 0

    def keep(heap: list[tuple[tuple[int, int, int, int], Entry]], size: int, pair: Any) -> None:
        if len(heap) < size:
            heapq.heappush(heap, pair)
        elif heap and pair[0] > heap[0][0]:  # size 0 (per_candidate=0): keep none
            heapq.heapreplace(heap, pair)

    # With per_candidate, a candidate's most urgent steps wait in a heap of their own
    # (at most per_candidate) until the next candidate's application comes.
    own: list[tuple[tuple[int, int, int, int], Entry]] = []
    whose: str | None = None
    planned = _planned(
        stream,
        now,
        until,
        failed if skip_invalid else None,
        together,
        days,
        unread if skip_invalid else None,
    )
    changes: pendulum.DateTime | None = None
    for application, today in planned:
        if today is None:
            continue
        seen += 1
        changes = _first_moment((changes, today.changes_at))
        if per is not None and _candidate(application) != whose:
            for pair in own:
                keep(kept, limit, pair)
            own, whose = [], _candidate(application)
        for item in today:
            urgency, later, moment = _rank(item, today.until)
            counts[urgency] += 1
            if item.standing is Standing.SUPERSEDED or not limit:
                continue
            order += 1
            key = (-urgency, -later, -((moment - _EPOCH) // _MICROSECOND), -order)
            if per is None:
                keep(kept, limit, (key, Entry(application, item, today)))
            else:
                keep(own, per, (key, Entry(application, item, today)))
    for pair in own:
        keep(kept, limit, pair)
    kept.sort(reverse=True)
    entries = tuple(entry for _, entry in kept)
    counted = AgendaCounts(seen, *counts)
    return AgendaMany(
        now,
        (),
        entries,
        (),
        counted,
        limit,
        failed=tuple(failed),
        unread=tuple(unread),
        per_candidate=per,
        changes_at=changes,
    )


def _loaded(
    given: Any, index: int, unread: list[tuple[Any, FollowupError]] | None
) -> Application | None:
    """*given* itself, or what the loader *given* returns; None, noted in *unread*, when
    the loader raised a `FollowupError` (if kept)."""
    if not isinstance(given, Application) and callable(given):
        try:
            loaded = given()
        except FollowupError as error:
            if unread is None:
                raise
            unread.append((given, error))
            return None
        if not isinstance(loaded, Application):
            raise InvalidArgument(
                f"applications[{index}]", loaded, "the loader returned no Application"
            )
        return loaded
    if not isinstance(given, Application):
        raise InvalidArgument(
            f"applications[{index}]", given, "expected an Application (or a loader of one)"
        )
    return given


def _check_days(days: Any, until: Any) -> int:
    """*days*, a whole number of days (0 to 366) for ``until="end_of_day"``."""
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= 366:
        raise InvalidArgument("days", days, "expected a whole number of days from 0 to 366")
    if days and until != "end_of_day":
        raise InvalidArgument("days", days, 'counts with until="end_of_day" only')
    return int(days)


def _agenda_of(
    application: Application,
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None,
    elsewhere: datetime | None = None,
    days: int = 0,
) -> Agenda | None:
    """The application's agenda; None, noted in *failed*, when it cannot be made (if kept)."""
    if failed is None:
        return application._agenda(now, until, elsewhere, days)
    try:
        return application._agenda(now, until, elsewhere, days)
    except (InvalidInterview, InvalidPolicy) as error:  # InvalidHistory is an InvalidInterview
        failed.append((application, error))
        return None


def _planned(
    applications: Iterator[Any],
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None,
    together: bool,
    days: int = 0,
    unread: list[tuple[Any, FollowupError]] | None = None,
) -> Iterator[tuple[Application, Agenda | None]]:
    """Each application with its agenda, in order, read one at a time; *together*, each run
    of one candidate's applications that come one after another is planned together
    (`_together`)."""
    run: list[Application] = []
    for index, given in enumerate(applications):
        application = _loaded(given, index, unread)
        if application is None:
            continue
        if not together:
            yield application, _agenda_of(application, now, until, failed, None, days)
            continue
        if run and _candidate(run[-1]) != _candidate(application):
            yield from _together(run, now, until, failed, days)
            run = []
        run.append(application)
    yield from _together(run, now, until, failed, days)


def later_rounds(applications: Iterable[Application]) -> list[Application]:
    """Each application with `Application.met_before`: who of its interviewers the
    candidate met in an earlier interview of another of *applications* (the same
    candidate at the same employer, `identity.thread_key`, for the same role,
    `identity.role_key`; an interview that started before), and how many times.  A
    second round kept in a file of its own is linked to the first this way, by the
    people it shares with it: nothing else in either file says they belong together.
    An application keeps what it was given, when more.
    """
    found = list(applications)
    # the same candidate at the same employer, for the same role: two applications to
    # one employer for two roles are no rounds of one another (the loop12 trial: the
    # note for the ML role thanked Oliver for a "second conversation" about it, when
    # the first had been about the data role)
    seen = [
        (
            (*thread_key(each.interview)[:2], role_key(each.interview.role)),
            each.interview._utc_span[0],
            {person_key(person.name) for person in each.interview.interviewers},
        )
        for each in found
    ]
    result = []
    for index, application in enumerate(found):
        where, starts, panel = seen[index]
        counts = dict(application.met_before)
        for who in panel:
            earlier = sum(
                1
                for other, (there, began, people) in enumerate(seen)
                if other != index and there == where and began < starts and who in people
            )
            if earlier > counts.get(who, 0):
                counts[who] = earlier
        changed = _met_before(counts) != application.met_before
        result.append(attrs.evolve(application, met_before=counts) if changed else application)
    return result


def kept_apart(
    applications: Iterable[Application], now: datetime | None = None
) -> list[Application]:
    """*applications*, each planned `Policy.min_gap` from the follow-ups to the same person
    at the same employer in the others (`identity.thread_key`), as `agenda_many(...,
    together=True)` plans them: every contact recorded in the others counts, and the
    follow-ups the applications listed before it plan, from *now* (the whole plans
    when None).  What `Application.plan` and `Application.agenda` then give is what
    `followup today` lists, so a calendar or drafts made of them never ask for two
    check-ins to one person inside the gap.

    The loop12 trial: ``followup today`` spaced two applications' check-ins to
    the same interviewer, while ``followup plan --format ics`` of the same two
    files put both on one morning, which ``followup audit --with`` then flagged.
    """
    listed = list(applications)
    if len(listed) < 2:
        return listed
    tops = _thread_tops(listed)
    planned_to: dict[tuple[str, str, str], datetime] = {}
    result: list[Application] = []
    for index, application in enumerate(listed):
        thread = thread_key(application.interview)
        recorded = latest_elsewhere(tops.get(thread, ()), index)
        before = planned_to.get(thread)
        elsewhere = (
            before if recorded is None or (before is not None and before > recorded) else recorded
        )
        apart = (
            application
            if elsewhere is None
            else _KeptApart(
                application.interview,
                application.history,
                application.policy,
                application.name,
                key=application.key,
                met_before=application.met_before,
                elsewhere=elsewhere,
            )
        )
        result.append(apart)
        if now is None:
            actions: Iterable[Action] = apart.plan()
        else:
            actions = (
                item.action
                for item in apart.agenda(now)
                if item.standing is not Standing.SUPERSEDED
            )
        for action in actions:
            if action.kind not in FOLLOW_UP_KINDS:
                continue
            latest = action._utc[1]
            if planned_to.get(thread) is None or latest > planned_to[thread]:
                planned_to[thread] = latest
    return result


@attrs.frozen
class _KeptApart(Application):
    """An application whose follow-ups keep `Policy.min_gap` from *elsewhere*, the latest
    follow-up to the same person at the same employer in another application
    (`kept_apart`)."""

    elsewhere: datetime | None = attrs.field(default=None, kw_only=True)

    def plan(self, now: datetime | None = None) -> Plan:
        return planned(
            self.interview,
            self.policy,
            history=self.history,
            now=now,
            elsewhere=self.elsewhere,
            met_before=dict(self.met_before),
        )

    def _agenda(
        self,
        now: datetime,
        until: datetime | EndOfDay | None,
        elsewhere: datetime | None,
        days: int = 0,
    ) -> Agenda:
        given = [moment for moment in (elsewhere, self.elsewhere) if moment is not None]
        return super()._agenda(now, until, max(given, default=None), days)


def _candidate(application: Application) -> str:
    return thread_key(application.interview)[0]


def _together(
    applications: Sequence[Application],
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None,
    days: int = 0,
) -> Iterator[tuple[Application, Agenda | None]]:
    """The agendas of *applications*, each follow-up kept `Policy.min_gap` from those to the
    same person at the same employer in the others (`identity.thread_key`).

    Every contact recorded in the others counts, and the follow-ups the
    applications listed before it plan (to the end of their windows): one
    thread is followed up one application after another, the one listed
    first first, so that whatever the agenda offers, done, passes
    `audit_many`.
    """
    if len(applications) < 2:
        for application in applications:
            yield application, _agenda_of(application, now, until, failed, None, days)
        return
    applications = later_rounds(applications)  # a later round's notes say so (loop8 1)
    tops = _thread_tops(applications)
    planned: dict[tuple[str, str, str], datetime] = {}
    for index, application in enumerate(applications):
        thread = thread_key(application.interview)
        recorded = latest_elsewhere(tops.get(thread, ()), index)
        before = planned.get(thread)
        elsewhere = (
            before
            if recorded is None or (before is not None and before > recorded)
            else (recorded)
        )
        today = _agenda_of(application, now, until, failed, elsewhere, days)
        yield application, today
        for item in today or ():
            action = item.action
            if item.standing is Standing.SUPERSEDED or action.kind not in FOLLOW_UP_KINDS:
                continue
            latest = action._utc[1]
            if planned.get(thread) is None or latest > planned[thread]:
                planned[thread] = latest


def _every_entry(
    applications: Iterator[Any],
    now: datetime,
    until: datetime | EndOfDay | None,
    failed: list[tuple[Application, FollowupError]] | None = None,
    per_candidate: int | None = None,
    together: bool = False,
    days: int = 0,
    unread: list[tuple[Any, FollowupError]] | None = None,
) -> AgendaMany:
    found: list[tuple[Application, Agenda]] = []
    listed: list[Application] = []
    for index, given in enumerate(applications):
        application = _loaded(given, index, unread)
        if application is not None:
            listed.append(application)
    planned = (
        _together(listed, now, until, failed, days)
        if together
        else ((each, _agenda_of(each, now, until, failed, None, days)) for each in listed)
    )
    for application, today in planned:
        if today is not None:
            found.append((application, today))
    entries = [Entry(application, item, today) for application, today in found for item in today]
    entries.sort(key=_entry_rank)
    shown = tuple(
        _capped(
            (entry for entry in entries if entry.standing is not Standing.SUPERSEDED),
            per_candidate,
        )
    )
    dropped = tuple(entry for entry in entries if entry.standing is Standing.SUPERSEDED)
    whole = AgendaMany(now, tuple(found), tuple(entries), ())  # counts every step
    return AgendaMany(
        now,
        tuple(found),
        shown,
        dropped,
        whole.counts,
        failed=tuple(failed or ()),
        unread=tuple(unread or ()),
        per_candidate=per_candidate,
    )


def _capped(entries: Iterable[Entry], per_candidate: int | None) -> Iterator[Entry]:
    """*entries* (most urgent first) with at most *per_candidate* of each candidate."""
    if per_candidate is None:
        yield from entries
        return
    taken: dict[str, int] = {}
    for entry in entries:
        who = _candidate(entry.application)
        if taken.get(who, 0) < per_candidate:
            taken[who] = taken.get(who, 0) + 1
            yield entry


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
        if not field.init:
            continue  # kept for the event's own use (`Update.said`), not part of what it says
        value = getattr(event, field.name)
        if field.name == "note" or (isinstance(event, Update) and field.name == "sender"):
            continue  # the same news, whoever is recorded as giving it
        if field.name in ("recipient", "sender"):
            value = person_key(value or contact)
        elif isinstance(value, datetime):
            value = cal.utc(value)
        values.append(value)
    return tuple(values)


def event_id(event: Event, interview: Interview) -> str:
    """A stable id for *event* of *interview*'s history: ``"ev-"`` and 16 hex digits.

    It is made from what makes two events the same (`find_event`: the kind,
    the instant, every field but the note, a recipient or sender left out
    read as the follow-up contact), so it is the same after a restart, for
    the event read back from an app's store, and for the same event logged
    twice; an app stores or shows it for an undo, and `Application.remove`
    takes it.  Renaming the person an event names changes its id (as it
    changes the event).

    Raises:
        InvalidHistory: *event* is not an event.
    """
    if not isinstance(event, EVENT_TYPES):
        raise InvalidHistory("event", event, _NOT_AN_EVENT)
    parts = [_id_part(value) for value in _event_key(event, interview)[1:]]
    text = json.dumps([type(event).__name__, *parts], ensure_ascii=False)
    return "ev-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_EVENT_ID = re.compile(r"ev-[0-9a-f]{16}")
_NOT_AN_EVENT = "is not an event (Contact, Reply, Update, OutOfOffice, Skip or Snooze)"


def _id_part(value: Any) -> Any:
    """One field of an event as text that does not change between runs."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return str(value)  # a decision date said as a phrase (`Timeframe`): its fields in order


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
                news = isinstance(event, (Reply, Update))
                problem = _unknown_person(name, interview, news=news)
                raise InvalidHistory(f"event.{field}", name, problem)


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


def _step_words(step: str, interview: Interview, words: Mapping[str, str]) -> str:
    """A step id in *words* (`event_words`): ``check-in 2 to Ana Ruiz``; the id itself
    when it is not one."""
    try:
        kind, name, number = read_step(step, interview)
    except StepIdError:
        return step
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
        if day is not None:  # a date given, or a window's last day: only with decision_by
            arranged = event.outcome is Outcome.NEXT_ROUND  # the day of the round itself
            key = "round on" if arranged else "new date"
            outcome = words[key] % {"outcome": outcome, "day": day_of(day)}
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
        event_id: `event`'s id (`event_id`, ``"ev-..."``), for an undo that
            removes this event and no other (`Application.remove`,
            `followup_rules.files.HistoryFile.remove`); None only when the
            `Recorded` was built by hand.
    """

    event: Event
    number: int
    already: bool
    history: tuple[Event, ...]
    violations: tuple[Violation, ...] = attrs.field(default=(), kw_only=True)
    application: Application | None = attrs.field(default=None, kw_only=True)
    event_id: str | None = attrs.field(default=None, kw_only=True)


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
        found = events[index]
        return Recorded(found, index + 1, True, events, event_id=event_id(found, interview))
    updated = check_event(interview, events, event, policy, now=now)
    place = next(number for number, each in enumerate(updated) if each is event)
    violations = _new_violations(interview, events, updated, policy)
    return Recorded(
        event,
        place + 1,
        False,
        updated,
        violations=tuple(violations),
        event_id=event_id(event, interview),
    )


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
        locale: the candidate's locale (`AgendaItem.locale`).
        description: `reason` in the candidate's language (*locale*), for an
            app to show them: ``"erledigt: Dankeschön an Jörg Müller, per
            E-Mail, Mi. 8. Juli 9:10"``; for a step id that names no step, a
            short ``"not a step of this application"`` in their language
            (`reason` says in English what is wrong with it).
    """

    id: str
    status: StepStatus
    reason: str
    item: AgendaItem | None = None
    event: Event | None = None
    locale: str = attrs.field(default="en", kw_only=True)
    description: str = attrs.field(
        default=attrs.Factory(lambda self: self.reason, takes_self=True), kw_only=True
    )


@attrs.frozen
class StepChange:
    """One step whose place changed between two moments (`Application.changes`).

    Attributes:
        id: the step's id.
        before: its agenda item at *since*, or None for a step new since then.
        now: where it stands at *now* (`FoundStep`: planned with its item,
            done or skipped with the event, superseded, no longer planned),
            with its `FoundStep.description` in the candidate's language.
        change: ``"new"`` (planned now, not then), ``"gone"`` (then on the
            agenda, now done, skipped or no longer planned), ``"standing"``
            (another standing: due turned late and offered again, superseded,
            coming turned due) or ``"moved"`` (the same standing, another
            window or channel: a check-in put back by news of a later date).
    """

    id: str
    before: AgendaItem | None
    now: FoundStep
    change: Literal["new", "gone", "moved", "standing"]

    @property
    def item(self) -> AgendaItem | None:
        """Its agenda item now, or, when gone, the one it had at *since*."""
        return self.now.item if self.now.item is not None else self.before


@attrs.frozen
class Changes:
    """What changed for one application from *since* to *now* (`Application.changes`).

    Attributes:
        since: the earlier moment.
        now: the later one.
        events: the events dated after *since* (up to *now*), oldest first: what
            the candidate recorded or heard meanwhile, the causes of a change
            that time alone did not make.
        steps: the steps that changed, in the order of the agenda at *now*
            (the gone ones first, as the agenda lists the overdue first).
        locale: the candidate's locale (`AgendaItem.locale`): the one
            `FoundStep.description` and `describe_event(..., locale=)` use.
        application: the application, as of *now*.
    """

    since: datetime
    now: datetime
    events: tuple[Event, ...]
    steps: tuple[StepChange, ...]
    locale: str = "en"
    application: Application | None = attrs.field(default=None, kw_only=True)

    def __iter__(self) -> Iterator[StepChange]:
        return iter(self.steps)

    def __len__(self) -> int:
        return len(self.steps)


def _same_place(before: AgendaItem, after: AgendaItem) -> bool:
    old, new = before.action, after.action
    return (
        cal.utc(old.earliest) == cal.utc(new.earliest)
        and cal.utc(old.latest) == cal.utc(new.latest)
        and old.channel is new.channel
    )


def _changes(application: Application, since: datetime, now: datetime) -> Changes:
    since = _local(_check_now(since, "since"), application.zone)
    now = _local(_check_now(now), application.zone)
    if cal.utc(since) > cal.utc(now):
        shown = now.astimezone(since.tzinfo).isoformat()
        raise InvalidArgument("since", since, f"is after now ({shown})")
    moment, end = cal.utc(since), cal.utc(now)
    then = attrs.evolve(
        application, history=[e for e in application.history if cal.utc(e.at) <= moment]
    )
    if any(cal.utc(e.at) > end for e in application.history):  # asked about the past
        application = attrs.evolve(
            application, history=[e for e in application.history if cal.utc(e.at) <= end]
        )
    before = {item.id: item for item in then.agenda(since)}
    today = application.agenda(now)
    after = {item.id: item for item in today}
    steps: list[StepChange] = []
    for uid in [*before.keys() - after.keys()]:
        found = application.find_step(uid, now)
        steps.append(StepChange(uid, before[uid], found, "gone"))
    steps.sort(key=lambda change: _entry_key(before[change.id]))
    for uid, item in after.items():
        old = before.get(uid)
        if old is not None and old.standing is item.standing and _same_place(old, item):
            continue
        found = application.find_step(uid, now)
        if old is None:
            change: Literal["new", "gone", "moved", "standing"] = "new"
        elif old.standing is not item.standing:
            change = "standing"
        else:
            change = "moved"
        steps.append(StepChange(uid, old, found, change))
    events = tuple(e for e in application.history if moment < cal.utc(e.at) <= cal.utc(now))
    locale = candidate_locale(application.interview)
    return Changes(since, now, events, tuple(steps), locale, application=application)


def _entry_key(item: AgendaItem) -> datetime:
    return item.action._utc[0]


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
    locale = candidate_locale(interview)
    said = agenda_words(_language_of(locale))

    def found(uid: str, status: StepStatus, reason: str, local: str, **more: Any) -> FoundStep:
        return FoundStep(uid, status, reason, **more, locale=locale, description=local)

    if not isinstance(step, str):
        reason = "is not a step id"
        return found(str(step), StepStatus.UNKNOWN, reason, said["unknown"])
    today = make_agenda(interview, policy, history=events, now=moment)
    item = today.get(step)
    if item is not None:
        if item.standing is Standing.SUPERSEDED:
            return found(step, StepStatus.SUPERSEDED, item.note(), item.note(locale), item=item)
        standing = item.standing.value
        return found(step, StepStatus.PLANNED, standing, said[standing], item=item)
    contact = done_ids(interview, events).get(step)
    if contact is not None:
        done = english(None)
        local = said["done"] % {"event": describe_event(contact, interview, locale=locale)}
        text = agenda_words(done)["done"] % {"event": describe_event(contact, interview)}
        return found(step, StepStatus.DONE, text, local, event=contact)
    for event in events:
        if isinstance(event, Skip) and event.step == step:
            text = describe_event(event, interview)
            local = describe_event(event, interview, locale=locale)
            return found(step, StepStatus.SKIPPED, text, local, event=event)
    try:
        step_key(step, interview)
    except StepIdError as error:
        return found(step, StepStatus.UNKNOWN, error.problem, said["unknown"])
    schedule = make_plan(interview, policy, history=events, now=moment)
    if step in schedule.missed_ids:
        text = agenda_words(english(None))["long ago"]
        return found(step, StepStatus.SUPERSEDED, text, said["long ago"])
    text = agenda_words(english(None))["not planned"]
    return found(step, StepStatus.NOT_PLANNED, text, said["not planned"])


def _addressee_of(kind: ActionKind, interview: Interview) -> str:
    """Who a contact recorded without a recipient went to: the recruiter for a debrief
    (when there is one), else the follow-up contact."""
    recruiter = interview.recruiter
    if kind is ActionKind.RECRUITER_DEBRIEF and recruiter is not None:
        return recruiter.name
    return interview.follow_up_contact.name


def _thread_tops(
    applications: Sequence[Application],
) -> dict[tuple[str, str, str], list[tuple[datetime, int]]]:
    """Each thread's latest follow-up contact and the latest of another application than
    that one's: the latest of another application than any one is one of these two
    (`latest_elsewhere` over them)."""
    tops: dict[tuple[str, str, str], list[tuple[datetime, int]]] = {}
    threads = follow_up_threads((each.interview, each.history) for each in applications)
    for thread, contacts in threads.items():
        first = max(contacts)
        second = [pair for pair in contacts if pair[1] != first[1]]
        tops[thread] = [first, max(second)] if second else [first]
    return tops
