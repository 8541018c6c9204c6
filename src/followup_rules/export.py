"""Export a plan: a calendar file (icalendar) and e-mail drafts (stdlib email).

A **calendar** (`to_ics`, `to_ics_many`) has one item per step: a to-do, or an
event (calls always; every step with ``events=True``, for the calendars that
ignore to-dos on import).  Each item names the company and role, says when
(in the recipient's zone and in the candidate's), why (the rule, in words),
and holds the message to send or the call's number and script; its reminder
rings at a waking hour of the candidate's own day.  Times are read the same
by every calendar program (see `followup_rules._vtimezone`).  Re-exported over
the previous file, the calendar stays in sync: the same UIDs (the steps'
ids), steps done marked done, steps skipped or dropped cancelled, ``SEQUENCE``
raised on every item that changed, and an application's old items cancelled
after a rename or a reschedule.  Where an item came from (rule, sources,
template, application) is kept in ``X-FOLLOWUP-*`` properties, which no
calendar shows.

A **draft** (`to_eml`, `drafts`, `write_drafts`) is an ``.eml`` file a mail
client opens as a draft to edit and send: names with accents and quotes and
long subjects are written so that every reader reads them back exactly.

Both take the applications themselves (`followup_rules.Application`): each is
planned as seen from *now* (``application.plan(now)``), under its own policy,
so the calendar says what ``followup today`` says (a late call in its next
window, the e-mails after it), and is named after the application.  Plans a
caller made itself are taken too, as ``(plan, interview, history[, name])``
tuples (`PlannedApplication`).

Both are pure: the calendar's DTSTAMP is the *now* you pass, and each draft is
dated at its step's suggested time.  Only `write_drafts` touches the disk.
"""

from __future__ import annotations

import base64
import email.policy
import hashlib
import os
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import datetime, time, timedelta, tzinfo
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

import attrs

from . import _calendar as cal
from . import files
from ._locale import canonical_locale
from ._step_words import (
    Words,
    calendar_words,
    clock,
    draft_words,
    short_day,
    step_words,
)
from ._step_words import words as language
from ._steps import in_order
from ._validate import clean_text
from ._vtimezone import observances
from ._why import _why
from .action import Action, Plan, _language_of
from .audit import _ONCE
from .errors import InvalidArgument, StepIdError, TemplateError
from .events import Contact, Event, Skip, Snooze
from .identity import action_id, action_ids, done_ids, owner, slug, step_key
from .identity import interview_key as interview_key  # importable from here, as before
from .loop import Application, describe_event
from .messages import Message, TemplatePack, candidate_locale, default_pack
from .model import Channel, Interview
from .model import person_key as person_key
from .plan import DEFAULT_POLICY
from .policy import Policy
from .rules import CANDIDATE_DAY

__all__ = [
    "AWAKE",
    "REMINDER",
    "Draft",
    "Packs",
    "PlannedApplication",
    "action_uid",
    "drafts",
    "eml_name",
    "item_locale",
    "to_eml",
    "to_ics",
    "to_ics_many",
    "write_drafts",
]

PlannedApplication = (
    tuple[Plan, Interview, Iterable[Event]] | tuple[Plan, Interview, Iterable[Event], str]
)
"""One application to export with a plan the caller made: ``(plan, interview,
history)``, or with a fourth item, its *name*: a stable name the caller gives it
(as `followup_rules.Application.name`).  The name tells the application's
calendar items from other applications' when the interview has no
`Interview.id`, so that they are still found after a rename or a reschedule,
and names its folder of drafts.  An `followup_rules.Application` needs none of
this: the exports plan it themselves, from *now*."""

Packs = TemplatePack | Callable[[Interview], TemplatePack] | None
"""The templates to write messages with: one pack, a function giving each
interview its pack, or None for the built-in pack in each candidate's language."""

REMINDER = timedelta(minutes=15)
"""How long before a step's suggested moment its reminder rings (before moving it
into the candidate's waking hours, `AWAKE`)."""
AWAKE: tuple[time, time] = CANDIDATE_DAY
"""The candidate's waking hours: no reminder rings outside them (local time).

The same hours the planner suggests the candidate's own steps in
(`rules.CANDIDATE_DAY`, 07:00 to 22:00), so a reminder never rings after the
moment its step is suggested for: a call suggested at 07:00 rings at 07:00."""
_SLOT = timedelta(minutes=15)
"""How long a step that is not a call lasts when it is written as an event."""


def action_uid(action: Action, interview: Interview, ordinal: int = 1) -> str:
    """The calendar UID of a step: its public id (see `followup_rules.identity`).

    Unique per step and the same across runs and replanning; *ordinal* is
    the step's number among those of its kind to that person, counted from
    the first one ever made (`action_ids` counts it for a whole plan).
    """
    return action_id(action, interview, ordinal)


def describe(action: Action, locale: str | None = None) -> str:
    """`Action.describe`, flagging a step nobody can do yet for want of where to send it.

    A call to someone whose number nobody knows, and an e-mail to someone
    whose address nobody knows, say so ("... (no e-mail address known: find
    it first)"), as `Message.blocking` does with ``"phone"`` and ``"email"``.
    *locale* as `Action.describe` takes it: None and ``"en"`` write English.
    """
    line = action.describe(locale)
    person = action.recipient
    if person is None:
        return line
    if action.channel is Channel.PHONE and not person.phone:
        note = "find_number"
    elif action.channel is Channel.EMAIL and not person.email:
        note = "find_email"
    else:
        return line
    words = step_words(_language_of(locale))
    return words["note"] % {"line": line, "note": words[note]}


def item_locale(interview: Interview, pack: TemplatePack | None = None) -> str:
    """The locale a calendar item of *interview* is written in: its message's.

    The pack's locale when a pack is given (as `TemplatePack` reads it), else
    the candidate's (`followup_rules.messages.candidate_locale`): the lines
    around the message (what the step is, when, why, "Done:") are in the
    language the message is in.
    """
    locale = candidate_locale(interview) if pack is None else pack.locale
    return canonical_locale(locale) or "en"


# -- calendars ---------------------------------------------------------------------------


def to_ics(
    plan: Plan | Application,
    interview: Interview | None = None,
    *,
    now: datetime,
    history: Iterable[Event] = (),
    previous: bytes | None = None,
    leave_out: Collection[Action] = (),
    drop_superseded: bool = False,
    events: bool = False,
    reminder: timedelta = REMINDER,
    awake: tuple[time, time] = AWAKE,
    pack: Packs = None,
    details: Mapping[str, Any] | None = None,
    application_name: str | None = None,
    policy: Policy | None = None,
) -> bytes:
    """One application as an iCalendar file (see `to_ics_many`).

    ``to_ics(application, now=now)`` plans the application from *now*, as
    ``followup today`` sees it; ``to_ics(plan, interview, now=now,
    history=...)`` exports a plan the caller made.

    Args:
        plan: the application (`followup_rules.Application`), or a plan.
        interview: the interview the plan is for (with a plan only).
        now: the calendar's timestamp (``DTSTAMP``) and, for an
            application, the moment it is planned from; aware.
        history: the history the plan was made with (for the UIDs, the
            steps done and the steps skipped; with a plan only).
        previous: the calendar exported before, to stay in sync with it.
        leave_out: steps of *plan* to leave out of the calendar.
        drop_superseded: leave out the steps an `Agenda` at *now* says are
            superseded (their window closed and they are no longer to do).
        events: write every step as an event (VEVENT), not only calls.
        reminder: how long before the suggested time the reminder rings.
        awake: the candidate's waking hours, local time.
        pack: the templates the messages in the items are written with.
        details: details for the messages (as `render` takes them).
        application_name: the application's stable name, e.g. its file's
            path (see `PlannedApplication`; with a plan only).
        policy: the policy the plan was made with, for the reasons the
            items give (with a plan only; an application has its own).

    Raises:
        InvalidArgument: *now* is not an aware datetime, *previous* is not
            an iCalendar file, or a plan comes without its interview.
        TemplateError: a message cannot be written with *pack*.
    """
    entry: Application | PlannedApplication
    if isinstance(plan, Application):
        entry = plan
    elif interview is None:
        raise InvalidArgument("interview", interview, "a plan needs the interview it is for")
    elif application_name is not None:
        entry = (plan, interview, history, application_name)
    else:
        entry = (plan, interview, history)
    return to_ics_many(
        [entry],
        now=now,
        previous=previous,
        leave_out=leave_out,
        drop_superseded=drop_superseded,
        events=events,
        reminder=reminder,
        awake=awake,
        pack=pack,
        details=details,
        policy=policy,
    )


def to_ics_many(
    applications: Iterable[Application | PlannedApplication],
    *,
    now: datetime,
    previous: bytes | None = None,
    leave_out: Collection[Action] = (),
    drop_superseded: bool = False,
    events: bool = False,
    reminder: timedelta = REMINDER,
    awake: tuple[time, time] = AWAKE,
    pack: Packs = None,
    details: Mapping[str, Any] | None = None,
    name: str | None = None,
    policy: Policy | None = None,
    others: str = "keep",
) -> bytes:
    """One calendar for many applications, each planned from *now*.

    Each `followup_rules.Application` is planned as ``application.plan(now)``
    (under its own policy and history), so a late step is in its next
    allowed window, the steps after it follow, and a step that can no longer
    be done is left out: the calendar says what ``followup today`` says, and
    re-exported after a missed window it moves the step (a higher
    ``SEQUENCE``).  A ``(plan, interview, history[, name])`` tuple brings
    a plan the caller made instead.

    Each step is a to-do (VTODO) from the opening to the close of its window,
    or with *events* (and for calls always) an event (VEVENT): a call spans
    its call window, any other step is a 15-minute slot at its suggested
    time, marked free (``TRANSP:TRANSPARENT``).  Its ``SUMMARY`` names the
    company; its ``DESCRIPTION`` gives the role, the window in the
    recipient's zone and the candidate's, why (the rule in words, with the
    policy's own numbers: "one business day after the decision date"), and
    the message rendered with *pack* (to, subject and text; a call's number
    and script), or less when the interview has no candidate to sign it.  Its
    reminder rings *reminder* before the suggested time, moved into the
    candidate's waking hours *awake* (to the morning when the step can still
    be done then, else to the evening before).  Its UID is the step's id,
    stable across replanning.

    The items are in the language their message is written in (the
    pack's locale, else the candidate's `Candidate.language`, as `render`
    picks it; see `item_locale`): the ``SUMMARY`` ("Acme: Ana Ruiz
    telefonisch nach dem Stand fragen"), the ``DESCRIPTION``'s lines
    ("Wann:", "Warum:", the rule in words, "Erledigt:"), the reminder's
    text and the dates, in the locale's form; the calendar's default name
    too, when every application shares one language (else English).  An
    English candidate's calendar reads as it always has.

    With *previous*, the file exported before, the new one keeps in sync
    with it: each item that changed gets a higher ``SEQUENCE``; a step the
    history marks skipped (`Skip`) is written ``STATUS:CANCELLED``; each
    step of an application that this plan no longer has is written again,
    marked done when the history has it, else ``CANCELLED``, with no
    reminder.  An item keeps the kind (to-do or event) *previous* holds it as,
    unless *events* makes every item an event: a replan that makes a to-do's
    check-in the call leaves it a to-do, as a calendar holds one object per
    UID.  A step done keeps the time it was planned for (``DTSTART``,
    ``DUE``, ``DTEND``): its first line of ``DESCRIPTION`` says when and how
    it was done ("Done: check-in to Ana Ruiz, by phone, Thu 16 Jul 10:15",
    on the candidate's clock), and a to-do is ``COMPLETED`` at that instant
    (``COMPLETED``); an event, which RFC 5545 gives no completion, is
    ``CONFIRMED``.  The items of an
    application are found by its `Interview.id`, else its *name*, else its
    company, role and start (recorded in ``X-FOLLOWUP-APPLICATION``), so a
    rename or a reschedule leaves no stale open item when the interview has
    an id or a name.  The items of *previous* that belong to none of
    *applications* stay as they were (``others="keep"``, for a calendar of
    some of them), or, with ``others="cancel"``, each still open is
    written ``CANCELLED`` with no reminder (a calendar of all of a user's
    applications, after one was deleted: its steps leave the calendar app).

    Args:
        applications: `followup_rules.Application` objects, or ``(plan,
            interview, history)`` / ``(plan, interview, history, name)``
            tuples (see `PlannedApplication`), mixed as you like.
        name: the calendar's name (``X-WR-CALNAME``); by default
            "Follow-up: ROLE at COMPANY" for one application, else
            "Interview follow-ups".
        policy: the policy the tuples' plans were made with, for the
            reasons the items give (an application has its own).
        others: ``"keep"`` or ``"cancel"``: what becomes of the items of
            *previous* that belong to none of *applications* (above).
        Others: as `to_ics`.

    Raises:
        InvalidArgument: as `to_ics`; an application is none of these;
            *others* is neither ``"keep"`` nor ``"cancel"``; two applications
            share their step ids, hence their UIDs, but not their interview
            and history (the same `Interview.id`, or the same company, role
            and start without one: two candidates of one group interview), as
            ``applications[i]`` with that id: give each its own `Interview.id`.
        InvalidInterview: as `plan` (an application's history does not fit).
        TemplateError: a message cannot be written with *pack*.
    """
    from icalendar import Calendar  # a core dependency, imported when a calendar is made

    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise InvalidArgument("now", now, "expected an aware datetime")
    if others not in ("keep", "cancel"):
        raise InvalidArgument("others", others, 'expected "keep" or "cancel"')
    entries = _entries(applications, now, policy)
    _distinct(entries)
    writer = _Writer(
        stamp=now.astimezone(cal.UTC),
        now=now,
        events=events,
        reminder=reminder,
        awake=_awake(awake),
        pack_for=_pack_for(pack),
        details=dict(details or {}),
        pack=pack,
    )
    before, kept_zones = _previous(previous)
    left_out = {id(action) for action in leave_out}
    calendar = Calendar()
    calendar.add("prodid", "-//followup_rules//Interview follow-up plan//EN")
    calendar.add("version", "2.0")
    if name is None:
        locales = {writer.locale(entry.interview) for entry in entries}
        shared = {locale.partition("_")[0] for locale in locales}  # de and de_AT: German
        words = calendar_words(language(min(locales) if len(shared) == 1 else "en"))
        name = words["calendar"]
        if len(entries) == 1:
            iv = entries[0].interview
            name = words["calendar one"] % {"role": iv.role, "company": iv.company}
    calendar.add("x-wr-calname", name)
    written: set[str] = set()
    for entry in entries:
        for item in writer.items(entry, before, left_out, drop_superseded):
            uid = str(item["UID"])
            if uid not in written:
                written.add(uid)
                calendar.add_component(item)
    for uid, old in before.items():  # other applications' items
        if uid not in written:
            written.add(uid)
            if others == "cancel":  # an item closed before is written again as it was
                old = _closed(old, None, writer.stamp, None)
            calendar.add_component(old)
    _add_timezones(calendar, kept_zones)
    return bytes(calendar.to_ical())


@attrs.frozen
class _Entry:
    plan: Plan
    interview: Interview
    history: tuple[Event, ...]
    name: str | None
    policy: Policy

    @property
    def keys(self) -> frozenset[str]:
        """What tells this application's items from others' (``X-FOLLOWUP-APPLICATION``).

        Its id, its name (a digest: a file path is nobody's business) and its
        fingerprint: an old item sharing any of them is this application's,
        so giving an interview an id later, or renaming it, loses nothing.
        """
        keys = {f"key:{interview_key(self.interview)}"}
        if self.interview.id is not None:
            keys.add(f"id:{self.interview.id}")
        if self.name is not None:
            digest = hashlib.sha256(self.name.encode("utf-8", "surrogatepass")).hexdigest()
            keys.add(f"name:{digest[:16]}")
        return frozenset(keys)

    @property
    def suffix(self) -> str:
        """The end of this interview's step ids (its fingerprint), as identity writes it."""
        return f"-{interview_key(self.interview)}@followup-rules"

    def owns(self, uid: str, item: Any) -> bool:
        """Whether *item*, of the previous file, is one of this application's."""
        recorded = item.get("X-FOLLOWUP-APPLICATION")
        if recorded is None:  # a file written before the property: by its UID
            return uid.endswith(self.suffix)
        return not self.keys.isdisjoint(str(recorded).split())

    def step_key(self, uid: str) -> str:
        """A step's id without the interview's fingerprint: the same after a rename."""
        return uid[: -len(self.suffix)] if uid.endswith(self.suffix) else uid


_EXPECTED = "expected an Application, or (plan, interview, history[, name])"


def _entries(
    applications: Iterable[Application | PlannedApplication],
    now: datetime | None,
    policy: Policy | None,
) -> list[_Entry]:
    """Each application with its plan: an `Application` planned from *now*."""
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidArgument("policy", policy, "expected a Policy or None")
    if isinstance(applications, (str, bytes, Application)) or not isinstance(
        applications, Iterable
    ):
        raise InvalidArgument("applications", applications, "expected a list of applications")
    entries = []
    for index, value in enumerate(applications):
        if isinstance(value, Application):
            entries.append(
                _Entry(
                    value.plan(now),
                    value.interview,
                    value.history,
                    value.name,
                    value.policy or DEFAULT_POLICY,
                )
            )
            continue
        if not isinstance(value, tuple) or len(value) not in (3, 4):
            raise InvalidArgument(f"applications[{index}]", value, _EXPECTED)
        plan, interview, history = value[0], value[1], value[2]
        name = value[3] if len(value) == 4 else None
        if not isinstance(plan, Plan) or not isinstance(interview, Interview):
            raise InvalidArgument(f"applications[{index}]", value, _EXPECTED)
        if name is not None and not isinstance(name, str):
            raise InvalidArgument(f"applications[{index}].name", name, "expected a string")
        entries.append(_Entry(plan, interview, tuple(history), name, policy or DEFAULT_POLICY))
    return entries


def _distinct(entries: list[_Entry]) -> None:
    """Refuse two applications of one calendar whose steps would share their UIDs.

    A step's id holds its interview's `Interview.id`, else the fingerprint of
    its company, role and start: two candidates of one group interview have
    the same ids, and one calendar would
    keep one item of each step and drop the other without a word (the app10
    trial).  The same application given twice is written once.  Drafts are
    filed a folder each, and their Message-IDs hold the candidate
    (`_message_id`).
    """
    seen: dict[str, int] = {}
    for index, entry in enumerate(entries):
        key = interview_key(entry.interview)
        first = entries[seen[key]] if key in seen else None
        if first is not None and (first.interview, first.history) != (
            entry.interview,
            entry.history,
        ):  # one application given twice loses nothing: its items are written once
            problem = (
                f"has the step ids of applications[{seen[key]}] (the same Interview.id, "
                "or the same company, role and start): give each application its own "
                "Interview.id, or list it once"
            )
            raise InvalidArgument(f"applications[{index}]", key, problem)
        seen.setdefault(key, index)


def _awake(awake: tuple[time, time]) -> tuple[time, time]:
    if (
        not isinstance(awake, tuple)
        or len(awake) != 2
        or not all(isinstance(moment, time) and moment.tzinfo is None for moment in awake)
        or not awake[0] < awake[1]
    ):
        raise InvalidArgument("awake", awake, "expected (wakes, sleeps): two local times in order")
    return awake


def _pack_for(pack: Packs) -> Callable[[Interview], TemplatePack]:
    if pack is None:
        return lambda interview: default_pack(candidate_locale(interview))
    if isinstance(pack, TemplatePack):
        return lambda interview: pack
    if callable(pack):
        return pack
    raise TemplateError(f"expected a TemplatePack, got {type(pack).__name__}")


@attrs.frozen
class _Writer:
    """What every item of one export shares."""

    stamp: datetime
    now: datetime
    events: bool
    reminder: timedelta
    awake: tuple[time, time]
    pack_for: Callable[[Interview], TemplatePack]
    details: dict[str, Any]
    pack: Packs = None

    def items(
        self,
        entry: _Entry,
        before: Mapping[str, Any],
        left_out: set[int],
        drop_superseded: bool,
    ) -> Iterable[Any]:
        """The items of one application: its steps, then its old steps closed."""
        interview, history = entry.interview, entry.history
        leave = set(left_out)
        if drop_superseded:
            from .agenda import Agenda

            found = Agenda.of(entry.plan, interview, now=self.now, history=history)
            leave |= {id(item.action) for item in found.superseded}
        skipped = {event.step for event in history if isinstance(event, Skip)}
        anyway = _done_anyway(interview, history)
        ids = action_ids(entry.plan, interview, history)  # counted over the whole plan
        planned = set()
        for action, uid in zip(entry.plan, ids, strict=True):
            if id(action) in leave:
                continue
            planned.add(uid)
            # never a skipped step's: its number is taken
            item = self.item(action, uid, entry, kind=_kind_of(before.get(uid), self.events))
            _sequence(item, before.get(uid))
            yield item
        yield from self.skipped(entry, skipped - planned - set(before), anyway)
        done = done_ids(interview, history)
        done_steps = {entry.step_key(uid): contact for uid, contact in done.items()}
        for uid, old in before.items():
            if uid in planned or not entry.owns(uid, old):
                continue
            contact = done.get(uid)
            if contact is None and uid not in skipped:
                contact = done_steps.get(str(old.get("X-FOLLOWUP-STEP", "")))
            if contact is None:
                contact = anyway.get(uid)
            yield _closed(old, contact, self.stamp, interview, self.locale(interview))

    def skipped(
        self, entry: _Entry, uids: set[str], anyway: Mapping[str, Contact]
    ) -> Iterable[Any]:
        """The skipped steps no previous file holds, written cancelled all the same
        (done, when a contact did the step after all: *anyway*).

        A calendar imported again (rather than synced over the previous file)
        cancels an item only if the new file carries it, cancelled, under the
        same UID.  A skipped step is no longer in the plan: it is found in the
        plan as it stood just before the skip.
        """
        from .plan import plan as make_plan

        history = entry.history
        for index, event in enumerate(history):
            if not isinstance(event, Skip) or event.step not in uids:
                continue
            when = (cal.utc(event.at), index)  # what came before it, by instant
            before = tuple(
                other for k, other in enumerate(history) if (cal.utc(other.at), k) < when
            )
            earlier = make_plan(entry.interview, history=before, now=event.at)
            found = dict(zip(action_ids(earlier, entry.interview, before), earlier, strict=True))
            action = found.get(event.step)
            if action is not None:
                item = self.item(action, event.step, entry)
                done = anyway.get(event.step)
                if done is not None:
                    yield _closed(
                        item, done, self.stamp, entry.interview, self.locale(entry.interview)
                    )
                    continue
                _cancel(item)
                yield item

    def item(self, action: Action, uid: str, entry: _Entry, kind: str | None = None) -> Any:
        """The item of one step: a to-do, or an event (a call, or every step with
        *events*), unless *kind* (``"VTODO"`` or ``"VEVENT"``) says what it must be."""
        from icalendar import Alarm, Todo
        from icalendar import Event as CalendarEvent

        interview = entry.interview
        locale = self.locale(interview)
        is_call = action.channel is Channel.PHONE
        as_event = (is_call or self.events) if kind is None else kind == "VEVENT"
        item = CalendarEvent() if as_event else Todo()
        item.add("uid", uid)
        item.add("dtstamp", self.stamp)
        item.add("sequence", 0)
        item.add("status", "TENTATIVE" if as_event else "NEEDS-ACTION")
        summary = calendar_words(language(locale))["summary"] % {
            "company": interview.company,
            "step": describe(action, locale),
        }
        item.add("summary", summary)
        if as_event and not is_call:  # a slot at the suggested time, leaving the day free
            start = action.suggested
            item.add("dtstart", _calendar_time(start))
            item.add("dtend", _calendar_time(start + _SLOT))
            item.add("transp", "TRANSPARENT")
        else:
            start = action.earliest
            item.add("dtstart", _calendar_time(start))
            item.add("dtend" if as_event else "due", _calendar_time(action.latest))
        item.add("categories", [action.kind.value])
        snoozes = [e for e in entry.history if isinstance(e, Snooze) and e.step == uid]
        until = max((cal.utc(e.at), e.until) for e in snoozes)[1] if snoozes else None
        item.add("description", self.description(action, interview, entry.policy, snoozed=until))
        item.add("x-followup-application", " ".join(sorted(entry.keys)))
        item.add("x-followup-step", entry.step_key(uid))
        item.add("x-followup-rule", action.rule)
        item.add("x-followup-sources", " ".join(action.sources))
        if action.template is not None:
            item.add("x-followup-template", action.template)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        ring = _ring(action, self.reminder, interview.zone_of(interview.candidate), self.awake)
        alarm.add("trigger", _exact_duration(ring - cal.utc(start)))
        item.add_component(alarm)
        return item

    def description(
        self,
        action: Action,
        interview: Interview,
        policy: Policy,
        *,
        snoozed: datetime | None,
    ) -> str:
        """What a person reads in the item: the application, when, why, and the message,
        in the message's language (`item_locale`).  A step *snoozed* (until then) says
        so after its planned reason (the loop6 trial: "When: 14 Oct" beside a reason
        that still named the planned day)."""
        lang = language(self.locale(interview))
        words = calendar_words(lang)
        lines = [words["application"] % {"role": interview.role, "company": interview.company}]
        lines += _when(action, interview, lang)
        why = _why(action, policy, lang)
        if snoozed is not None:
            day = cal.local_date(cal.utc(snoozed), interview.zone_of(interview.candidate))
            moved = words["snoozed"] % {"day": short_day(lang, day)}
            why = f"{why} {moved}" if why else moved
        if why:
            lines.append(words["why"] % {"why": why})
        message = self.message(action, interview)
        person = action.recipient
        if message is not None:
            heading = []
            if action.channel is Channel.PHONE:
                heading = [words["call"] % {"to": message.to}]
            elif action.channel is Channel.EMAIL:
                heading = [
                    words["to"] % {"to": message.to},
                    words["subject"] % {"subject": message.subject or ""},
                ]
            elif action.channel is Channel.POSTAL:
                heading = [words["post to"] % {"to": message.to}]
            lines += ["", *heading, *([""] if heading else []), message.text]
        elif action.channel is Channel.PHONE and person is not None and person.phone:
            lines += ["", words["call"] % {"to": person.phone}]
        return "\n".join(lines)

    def locale(self, interview: Interview) -> str:
        """The locale of *interview*'s items: its messages' (`item_locale`)."""
        return _locale_of(interview, self.pack, self.pack_for)

    def message(self, action: Action, interview: Interview) -> Message | None:
        """The step's message, or None when it has none or the interview has no candidate
        to sign it (the item then says less)."""
        if action.template is None or interview.candidate is None:
            return None
        return self.pack_for(interview).render(action, interview, **self.details)


def _span(start: datetime, end: datetime, tz: tzinfo, lang: Words) -> str:
    start, end = start.astimezone(tz), end.astimezone(tz)
    zone = cal.zone_name(tz, start)
    words = calendar_words(lang)
    if start.date() == end.date():
        return words["same day"] % {
            "day": short_day(lang, start),
            "start": _clock(lang, start),
            "end": _clock(lang, end),
            "zone": zone,
        }
    return words["days"] % {
        "day": short_day(lang, start),
        "start": _clock(lang, start),
        "end_day": short_day(lang, end),
        "end": _clock(lang, end),
        "zone": zone,
    }


def _clock(lang: Words, moment: datetime) -> str:
    """A local time as the language writes it, with its zone's abbreviation when
    the clocks show it twice (``01:38 +1030``, ``01:30 EST``): "01:20-01:50, best
    at 01:38" read as half an hour, and 01:38 as the first one, during the
    interview, where the window was an hour and 01:38 the second one (the cal14
    trial at Lord Howe).  As the events' own lines say it (`describe_event`)."""
    shown = clock(lang, moment)
    return f"{shown} {moment.tzname()}" if _twice(moment) else shown


def _when(action: Action, interview: Interview, lang: Words) -> list[str]:
    """The window in the recipient's zone, the best moment, and the window on the
    candidate's clock when it shows other times."""
    theirs = interview.zone_of(action.recipient)
    mine = interview.zone_of(interview.candidate)
    best = action.suggested.astimezone(theirs)
    words = calendar_words(lang)
    lines = [
        words["when"]
        % {"span": _span(action.earliest, action.latest, theirs, lang), "time": _clock(lang, best)}
    ]
    ends = (action.earliest, action.latest)
    if any(end.astimezone(mine).utcoffset() != end.astimezone(theirs).utcoffset() for end in ends):
        mine_span = _span(action.earliest, action.latest, mine, lang)
        lines.append(words["your time"] % {"span": mine_span})
    return lines


def _ring(action: Action, reminder: timedelta, tz: tzinfo, awake: tuple[time, time]) -> datetime:
    """When the reminder rings (UTC): *reminder* before the suggested time, in waking hours.

    A ring in the candidate's night moves to the next morning when the step
    can still be done then, else to the evening before: earlier, never too late.
    """
    ring = cal.utc(action.suggested) - reminder
    local = ring.astimezone(tz)
    wakes, sleeps = awake
    if wakes <= local.time() <= sleeps:
        return ring
    day = local.date()
    if local.time() > sleeps:
        morning = cal.local_instant(day + timedelta(days=1), wakes, tz)
        evening = cal.local_instant(day, sleeps, tz)
    else:
        morning = cal.local_instant(day, wakes, tz)
        evening = cal.local_instant(day - timedelta(days=1), sleeps, tz)
    return morning if morning < cal.utc(action.latest) else evening


def _exact_duration(delta: timedelta) -> Any:
    """A duration in hours, minutes and seconds: ``-PT30H15M``, never ``-P1DT6H15M``.

    RFC 5545 counts a duration's days on the wall clock, 23 or 25 hours
    across a change of offset; hours are exact, so a reminder rings at the
    instant it was worked out for.
    """
    from icalendar import vDuration

    class Exact(vDuration):
        def to_ical(self) -> bytes:
            seconds = int(self.td.total_seconds())
            sign = "-" if seconds < 0 else ""
            hours, rest = divmod(abs(seconds), 3600)
            minutes, seconds = divmod(rest, 60)
            parts = [f"{hours}H" if hours else "", f"{minutes}M" if minutes else ""]
            parts.append(f"{seconds}S" if seconds or not any(parts) else "")
            return f"{sign}PT{''.join(parts)}".encode("ascii")

    return Exact(delta)


def _calendar_time(moment: datetime) -> datetime:
    """A time as every calendar reader takes it: in its IANA zone, else in UTC.

    A bare UTC offset has no VTIMEZONE to define it, so ``TZID="+05:30"``
    would be read as floating local time; and a local time that a change of
    offset makes happen twice (01:30 on a night the clocks go back) is read
    as its first occurrence by some readers (RFC 5545) and as its second by
    others (ical.js).  Both are written as the same instant in UTC
    (``...Z``), which every reader reads right.  So is UTC itself.
    """
    if moment.tzinfo is None:  # pragma: no cover - the model keeps times aware
        return moment
    name = cal.zone_name(moment.tzinfo, moment)
    if name.startswith(("+", "-")) or name == "UTC" or _twice(moment):
        return moment.astimezone(cal.UTC)
    return moment


def _twice(moment: datetime) -> bool:
    """Whether *moment*'s wall-clock time happens twice in its zone."""
    wall = moment.replace(tzinfo=None)
    return (
        wall.replace(tzinfo=moment.tzinfo, fold=0).utcoffset()
        != wall.replace(tzinfo=moment.tzinfo, fold=1).utcoffset()
    )


_CLOSED = frozenset({"CANCELLED", "COMPLETED", "CONFIRMED"})
_RESTAMPED = ("STATUS", "SEQUENCE", "DTSTAMP", "COMPLETED", "PERCENT-COMPLETE")
_COMPARED = ("SUMMARY", "DTSTART", "DUE", "DTEND", "DESCRIPTION", "STATUS")


def _previous(previous: bytes | None) -> tuple[dict[str, Any], dict[str, Any]]:
    """The to-dos and events of an earlier export by UID, and its VTIMEZONEs by TZID."""
    if previous is None:
        return {}, {}
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(previous)
    except Exception as error:  # icalendar raises ValueError, and worse on garbage
        raise InvalidArgument(
            "previous", previous[:40], f"is not an iCalendar file ({error})"
        ) from None
    items = {
        str(item["UID"]): item
        for item in calendar.subcomponents
        if item.name in ("VTODO", "VEVENT") and "UID" in item
    }
    zones = {
        str(zone["TZID"]): zone
        for zone in calendar.subcomponents
        if zone.name == "VTIMEZONE" and "TZID" in zone
    }
    return items, zones


def _kind_of(old: Any, events: bool) -> str | None:
    """The kind a step's item keeps (``"VTODO"`` or ``"VEVENT"``), or None for its own.

    A step id counts a person's check-ins whatever their channel, so a replan
    can make the second check-in a call where it was an e-mail (the first call
    skipped): its item would turn from a to-do into an event under the same
    UID.  A calendar holds one object per UID: CalDAV servers refuse the event
    (``no-uid-conflict``), or the old to-do stays beside it.  In a calendar of
    to-dos an item keeps the kind it was imported as (a call as a to-do from
    the opening to the close of its window, an e-mail as an event at its
    suggested time).  With *events* every step is an event: a calendar of
    to-dos exported again with *events* turns them all into events, as asked.
    """
    if old is None or events or old.name not in ("VTODO", "VEVENT"):
        return None
    return str(old.name)


def _signature(item: Any) -> tuple[bytes, ...]:
    return tuple(item[key].to_ical() if key in item else b"" for key in _COMPARED)


def _sequence(item: Any, old: Any) -> None:
    """The new item's SEQUENCE: the old one's, raised by one if anything changed."""
    if old is None:
        return
    number = int(old.get("SEQUENCE", 0))
    if _signature(item) != _signature(old):
        number += 1
    item["SEQUENCE"] = number


def _done_anyway(interview: Interview, history: Sequence[Event]) -> dict[str, Contact]:
    """The skipped steps done after all, each with the contact that did it.

    The loop10 trial: a thank-you skipped ("we met for five minutes"), then
    sent all the same, stayed ``CANCELLED`` in the calendar: the contact is
    numbered as a second thank-you (`done_ids`: a contact never does a step
    that was skipped), and nothing closed the first.  A step done once per
    person (a thank-you, the debrief, a question of the room) recorded after
    its skip is that step, done.
    """
    found: dict[str, Contact] = {}
    order = in_order(history)
    for position, (_, event) in enumerate(order):
        if not isinstance(event, Skip):
            continue
        try:
            kind, who, _ordinal = step_key(event.step, interview)
        except StepIdError:
            continue
        if kind not in _ONCE:
            continue
        for _, later in order[position + 1 :]:
            if (
                isinstance(later, Contact)
                and later.kind is kind
                and person_key(owner(kind, later.recipient, interview)) == who
            ):
                found[event.step] = later
                break
    return found


def _cancel(item: Any) -> None:
    """A step the candidate skipped: cancelled, and nothing rings."""
    item.pop("STATUS", None)
    item.add("status", "CANCELLED")
    item.subcomponents[:] = []


def _done_line(contact: Contact, interview: Interview, locale: str) -> str:
    """``Done: check-in to Ana Ruiz, by phone, Thu 16 Jul 10:15`` (the candidate's clock)."""
    words = calendar_words(language(locale))
    return words["done"] % {"event": describe_event(contact, interview, locale=locale)}


def _closed(
    old: Any,
    contact: Contact | None,
    stamp: datetime,
    interview: Interview | None,
    locale: str = "en",
) -> Any:
    """A step of the previous calendar that the plan no longer has: done or cancelled.

    Done, it keeps its planned times and says first when and how it was done.
    An item closed before is written again as it was, unless the contact that
    did it changed (an event undone and logged again): then it says the new
    one, with a new `SEQUENCE`.
    """
    status = str(old.get("STATUS", ""))
    said = None if contact is None or interview is None else _done_line(contact, interview, locale)
    before = str(old.get("DESCRIPTION", ""))
    if status in _CLOSED and (said is None or before.split("\n", 1)[0] == said):
        return old  # already closed so: written again as it was
    done = calendar_words(language(locale))["done"].split("%(event)s")[0]
    if status in _CLOSED and before.startswith(("Done: ", done)):  # done another way before
        before = before.split("\n\n", 1)[1] if "\n\n" in before else ""
    item = type(old)()  # its properties, without the reminder: nothing rings any more
    for key, value in old.property_items(recursive=False):
        if key in ("BEGIN", "END", *_RESTAMPED):
            continue
        if key == "DESCRIPTION" and said is not None:
            item.add("description", f"{said}\n\n{before}" if before else said)
            continue
        item.add(key, value, encode=False)
    if said is not None and "DESCRIPTION" not in old:
        item.add("description", said)
    item.add("dtstamp", stamp)
    item.add("sequence", int(old.get("SEQUENCE", 0)) + 1)
    if contact is None:
        item.add("status", "CANCELLED")
    elif old.name == "VTODO":
        item.add("status", "COMPLETED")
        item.add("completed", contact.at.astimezone(cal.UTC))
        item.add("percent-complete", 100)
    else:
        item.add("status", "CONFIRMED")
    return item


_TIMED = ("DTSTART", "DTEND", "DUE", "RECURRENCE-ID")


def _add_timezones(calendar: Any, kept: Mapping[str, Any]) -> None:
    """A VTIMEZONE, first in the file, for every TZID its items use (see `_vtimezone`).

    Each covers every year its items fall in.  A zone this library does not
    know (an item of the previous file that a calendar app rewrote) keeps
    the previous file's VTIMEZONE.
    """
    years: dict[str, set[int]] = {}
    for item in calendar.subcomponents:
        for key in _TIMED:
            value = item.get(key)
            tzid = None if value is None else value.params.get("TZID")
            if tzid is not None and isinstance(value.dt, datetime):
                years.setdefault(str(tzid), set()).add(value.dt.year)
    zones = []
    for tzid in sorted(years):
        try:
            tz = cal.zone(tzid)
        except ValueError:
            if tzid in kept:
                zones.append(kept[tzid])
            continue
        zones.append(_vtimezone(tzid, tz, years[tzid]))
    calendar.subcomponents[:0] = zones


def _vtimezone(tzid: str, tz: tzinfo, years: Collection[int]) -> Any:
    from icalendar import Timezone, TimezoneDaylight, TimezoneStandard, vRecur

    zone = Timezone()
    zone.add("tzid", tzid)
    for observance in observances(tz, years):
        part = TimezoneDaylight() if observance.daylight else TimezoneStandard()
        part.add("dtstart", observance.onset)
        if observance.rule is not None:
            rule: dict[str, list[Any]] = {name: list(values) for name, values in observance.rule}
            if observance.until is not None:
                rule["UNTIL"] = [observance.until]
            part.add("rrule", vRecur(rule))
        part.add("tzoffsetfrom", observance.offset_from)
        part.add("tzoffsetto", observance.offset_to)
        if observance.name:
            part.add("tzname", observance.name)
        zone.add_component(part)
    return zone


# -- drafts ------------------------------------------------------------------------------


@attrs.frozen(eq=False)
class Draft:
    """An e-mail draft of one step, ready to save as an ``.eml`` file.

    Attributes:
        path: where it goes, relative to the drafts directory:
            ``06-thank_you-ana-ruiz.eml`` (see `eml_name`), in a folder per
            application when several share the directory.
        message: the draft itself.
        message_id: its ``Message-ID``: log it with the contact once sent
            (``followup log ... --message-id``), so the next e-mail answers
            it.  Some mail clients give a draft a new one when they send it:
            the one in your sent folder is the one to log.
        step: the step's id (`AgendaItem.id`, the calendar UID).
        action: the step.
        warnings: what to know before sending: no address for the
            recipient (no ``To:``), none for the candidate (no ``From:``,
            which the mail client then fills in); in the language of the
            message, as the calendar's items are (`item_locale`).
    """

    path: str
    message: EmailMessage
    message_id: str
    step: str
    action: Action
    warnings: tuple[str, ...] = ()

    media_type: ClassVar[str] = "message/rfc822"
    """The MIME type of the file, for a download (``Content-Type``)."""

    @property
    def filename(self) -> str:
        """The file's own name, without its folder: a download's name."""
        return self.path.rpartition("/")[2]

    def as_bytes(self) -> bytes:
        """The ``.eml`` file, as `write_drafts` writes it."""
        return self.message.as_bytes()


def eml_name(index: int, action: Action) -> str:
    """A file name for the draft of the *index*-th e-mail of a plan (`drafts` counts
    only the e-mail steps, from 1 in each application).

    The number first, so that a folder lists the drafts in the plan's order:
    ``eml_name(7, note)`` is ``"07-thank_you-ana-ruiz.eml"``; a step to nobody
    in particular is ``"03-check_in.eml"``.  Plain ASCII, safe on every file
    system and as a download name.
    """
    who = "" if action.recipient is None else f"-{slug(action.recipient.name)}"
    return f"{index:02d}-{action.kind.value}{who}.eml"


def to_eml(
    action: Action,
    interview: Interview,
    /,
    pack: TemplatePack | None = None,
    *,
    step: str | None = None,
    **details: Any,
) -> EmailMessage:
    """An e-mail draft for an EMAIL step: headers, a text and an HTML part.

    *details* go to `TemplatePack.render` (``fit="..."``); without a *pack*
    the message is written in the candidate's language.

    The headers: ``To:`` the recipient (none without an address: a bare name
    would be a malformed header; `Message.missing_details` says ``"email"``);
    ``From:`` the candidate (none without an address: the mail client fills
    it in); the ``Subject``; ``Date``, the suggested time on the candidate's
    clock (the mail client sets its own when it sends); ``Content-Language``,
    the language it is written in (``de``, ``fr-CA``); a ``Message-ID`` made from the step's id
    (*step*, e.g. `AgendaItem.id`; by default one made from the step itself)
    at the candidate's mail domain; ``In-Reply-To`` and ``References`` when
    the last e-mail to that person (`Facts.last_email`: also after a call)
    has a known ``Message-ID``, so that the draft answers in its thread, as
    its "Re:" subject does; and ``X-Unsent: 1``, which makes Outlook and
    Thunderbird open the file as a draft to edit and send.  No
    ``X-Followup-*`` header: it would leave with the mail (`drafts` adds
    them when asked).

    Names and subjects are written so that mail readers read them back
    exactly, accents, quotes and spaces included; header values come from
    `render`, which refuses line breaks in them, so no header can be injected.

    Raises:
        TemplateError: the step is not an e-mail, or its template fails.
        StepIdError: *step* is not a string, or holds a lone surrogate (no
            e-mail can hold it).
    """
    if action.channel is not Channel.EMAIL:
        raise TemplateError(f"a {action.channel.name} action is not an e-mail")
    if step is not None:
        _check_step(step)
    if pack is None:  # the built-in pack in the candidate's language, as render() does
        pack = default_pack(candidate_locale(interview))
    message = pack.render(action, interview, **details)
    draft = EmailMessage(policy=_DRAFT_POLICY)
    person = action.recipient
    candidate = interview.candidate
    if person is not None and person.email:
        draft.set_raw("To", _mailbox_header("To", person.name, person.email))
    if candidate is not None and candidate.email:
        draft.set_raw("From", _mailbox_header("From", candidate.name, candidate.email))
    draft.set_raw("Subject", _text_header("Subject", message.subject or ""))
    # Dated on the sender's clock (RFC 5322 3.3: the originator's local time),
    # not the recipient's: a candidate in London writing to Kolkata sends at +0000.
    draft["Date"] = format_datetime(action.suggested.astimezone(interview.zone_of(candidate)))
    draft["Message-ID"] = _message_id(step or _fallback_step(action, interview), action, interview)
    thread = action.facts.last_email
    if thread is not None and thread.message_id:
        draft["In-Reply-To"] = thread.message_id
        draft["References"] = thread.message_id
    draft["X-Unsent"] = "1"  # open as a draft in mail clients that know it
    draft.set_content(message.text)
    if message.html is not None:
        draft.add_alternative(message.html, subtype="html")
        # A boundary derived from the content keeps the output byte-for-byte stable.
        digest = hashlib.sha256(message.text.encode()).hexdigest()[:24]
        draft.set_boundary(f"followup-{digest}")
    # The language it is written in (RFC 3282), as BCP 47 writes it ("fr-CA"):
    # mail programs pick the draft's spell-checking dictionary from it.  Set
    # last, as set_content drops every Content-* header before it.
    draft["Content-Language"] = pack.locale.replace("_", "-")
    return draft


def drafts(
    applications: Iterable[Application | PlannedApplication],
    *,
    now: datetime | None = None,
    pack: Packs = None,
    details: Mapping[str, Any] | None = None,
    provenance: bool = False,
    steps: Collection[str] | None = None,
) -> tuple[Draft, ...]:
    """A draft (`to_eml`) of every e-mail step of each application, nothing written yet.

    Each `followup_rules.Application` is planned as ``application.plan(now)``
    (with *now*: the steps still doable then, a late one in its next window;
    without: the whole plan); a ``(plan, interview, history[, name])`` tuple
    brings a plan the caller made.

    With *provenance*, each draft also says where its step came from
    (``X-Followup-Rule``, ``X-Followup-Step``, ``X-Followup-Sources``); off by
    default, since the headers leave with a draft sent as it is.

    With *steps*, only the drafts of the steps with these ids
    (`AgendaItem.id`, `Draft.step`) are made, named as among all the
    drafts: an app's "download the draft" for one step renders that one
    message alone.  An id that is no e-mail step of the plans gives no draft.

    Each draft is named by `eml_name`, numbered among its application's
    e-mail steps in the plan's order (``01``, ``02``...: the steps in the room,
    by phone or by post are not counted, and each application counts from
    ``01``, in its own folder); with several applications each has a folder,
    named after its *name*'s stem (``acme`` for ``applications/acme.toml``),
    else after its company and role, made unique.  Every draft is rendered
    before any is returned, so an error leaves nothing half done.

    Raises:
        InvalidArgument: an application is neither an `Application` nor
            such a tuple; *now* is not an aware datetime; *steps* is not a
            collection of step ids (one id alone is not: pass ``[step]``).
        InvalidInterview: as `plan` (an application's history does not fit).
        TemplateError: a message cannot be written with *pack*.
    """
    wanted = _step_ids(steps)
    if now is not None and (
        not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None
    ):
        raise InvalidArgument("now", now, "expected an aware datetime or None")
    entries = _entries(applications, now, None)
    pack_for = _pack_for(pack)
    extra = dict(details or {})
    folders = _folders(entries) if len(entries) > 1 else [""] * len(entries)
    found = []
    for entry, folder in zip(entries, folders, strict=True):
        interview = entry.interview
        ids = action_ids(entry.plan, interview, entry.history)
        mails = [
            (action, uid)
            for action, uid in zip(entry.plan, ids, strict=True)
            if action.channel is Channel.EMAIL
        ]
        # numbered among the application's e-mails (01, 02...), each folder from 01, the
        # same with *steps* or without (the loop8 trial: umbrella/01-04, hooli/05-08, as
        # the steps in the room and by phone had been counted too)
        for index, (action, uid) in enumerate(mails, start=1):
            if wanted is not None and uid not in wanted:
                continue
            name = eml_name(index, action)
            path = f"{folder}/{name}" if folder else name
            draft = to_eml(action, interview, pack_for(interview), step=uid, **extra)
            if provenance:  # where the step came from, for the user's own tools
                draft["X-Followup-Rule"] = action.rule
                draft["X-Followup-Step"] = uid
                draft["X-Followup-Sources"] = " ".join(action.sources)
            found.append(
                Draft(
                    path,
                    draft,
                    str(draft["Message-ID"]),
                    uid,
                    action,
                    _warnings(path, action, interview, _locale_of(interview, pack, pack_for)),
                )
            )
    return tuple(found)


def _step_ids(steps: Collection[str] | None) -> frozenset[str] | None:
    if steps is None:
        return None
    if not isinstance(steps, (str, bytes)) and isinstance(steps, Iterable):
        found = list(steps)
        if all(isinstance(step, str) for step in found):
            return frozenset(found)
    raise InvalidArgument("steps", steps, "expected a collection of step ids, like [item.id]")


def _folders(entries: Sequence[_Entry]) -> list[str]:
    """A folder name for each application's drafts: its name's stem, else company and role."""
    seen: dict[str, int] = {}
    folders = []
    for entry in entries:
        stem = "" if entry.name is None else PurePath(entry.name).stem  # never holds a "/"
        if not stem or stem.startswith(".") or "\\" in stem:
            stem = slug(f"{entry.interview.company} {entry.interview.role}")
        seen[stem] = seen.get(stem, 0) + 1
        folders.append(stem if seen[stem] == 1 else f"{stem}-{seen[stem]}")
    return folders


def _warnings(path: str, action: Action, interview: Interview, locale: str) -> tuple[str, ...]:
    """What to know before sending the draft, in the language of its message."""
    said = draft_words(language(locale))
    found = []
    person = action.recipient
    if person is None or not person.email:
        who = said["nobody"] if person is None else person.name
        found.append(said["no to"] % {"path": path, "who": who})
    candidate = interview.candidate
    if candidate is None or not candidate.email:
        found.append(said["no from"] % {"path": path})
    return tuple(found)


def _locale_of(
    interview: Interview, pack: Packs, pack_for: Callable[[Interview], TemplatePack]
) -> str:
    """`item_locale`, with the pack the caller gave (none: the candidate's language)."""
    return item_locale(interview, None if pack is None else pack_for(interview))


def write_drafts(found: Iterable[Draft], directory: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Save *found* drafts under *directory*, each as its `Draft.path`; the paths written.

    All or nothing as far as the disk allows: every folder and every target
    is checked before the first file is written, and each file is written to
    a temporary file that then replaces it.  A draft that is a symbolic link
    is written through (the link stays), an existing file keeps its
    permissions, a new one gets ``0666`` less the umask.

    Raises:
        OSError: a folder cannot be made or written to (the message names it).
        FormatError: a target is a directory, a FIFO, a device or a socket,
            or its links loop (naming it; see `followup_rules.files.target`).
    """
    base = Path(directory)
    items = [(base / draft.path, draft.as_bytes()) for draft in found]
    for folder in sorted({path.parent for path, _ in items} | {base}):
        if folder.exists() and not folder.is_dir():
            raise NotADirectoryError(
                f"cannot write drafts into {folder}: it is not a directory"
            ) from None
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise OSError(
                f"cannot write drafts into {folder}: {error.strerror or error}"
            ) from None
        if not os.access(folder, os.W_OK):
            raise PermissionError(f"cannot write drafts into {folder}: it is not writable")
    targets = [(files.target(path), data) for path, data in items]  # all checked first
    for target, data in targets:
        target.write(data)
    return tuple(path for path, _ in items)


# -- headers every mail reader reads back exactly -----------------------------------------

_DRAFT_POLICY = email.policy.default.clone(refold_source="none")
"""The modern policy, except that the headers written here are never folded again:
the standard library's folding is what lost spaces and quotes."""
_LINE = 78
_WORD = 75  # the longest encoded word RFC 2047 allows
_HARD = 998  # the longest line RFC 5322 allows (2.1.1: MUST), CRLF not counted
_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+")
_Q_LITERAL = re.compile(r"[A-Za-z0-9!*+\-/]")  # safe in an encoded word, even in a phrase


def _encoded(text: str) -> str:
    """*text* as one RFC 2047 encoded word, Q or B, whichever is shorter."""
    data = text.encode("utf-8")
    quoted = "".join(
        "_" if byte == 0x20 else chr(byte) if _Q_LITERAL.fullmatch(chr(byte)) else f"={byte:02X}"
        for byte in data
    )
    as_q = f"=?utf-8?q?{quoted}?="
    as_b = f"=?utf-8?b?{base64.b64encode(data).decode('ascii')}?="
    return as_q if len(as_q) <= len(as_b) else as_b


def _fold(name: str, tokens: Sequence[str]) -> str:
    """``name: token token...``, lines broken between tokens at 78 characters."""
    lines = [f"{name}:"]
    for token in tokens:
        if len(lines[-1]) + 1 + len(token) > _LINE and lines[-1] != f"{name}:":
            lines.append("")
        lines[-1] += f" {token}"
    return "\n".join(lines)[len(name) + 2 :]


def _text_header(name: str, text: str) -> str:
    """An unstructured header (a subject) that every reader reads back exactly.

    Plain ASCII words are folded at their spaces.  Other text becomes encoded
    words, each holding its own spaces: readers drop the white space between
    two encoded words (RFC 2047), which is where the standard library's own
    folding lost a space ("Ingénieuredonnées").
    """
    plain = text.isascii() and "=?" not in text and text == " ".join(text.split())
    if plain and _fits(name, text.split(" ")):
        return _fold(name, text.split(" "))  # an empty subject folds to "" too
    return "\n ".join(_encoded_words(text, _LINE - len(name) - 2))


def _encoded_words(text: str, room: int) -> list[str]:
    """*text* as encoded words, the first at most *room* characters, the others 75."""
    words: list[str] = []
    chunk = ""
    for char in text:
        if chunk and len(_encoded(chunk + char)) > room:
            words.append(_encoded(chunk))
            chunk, room = "", _WORD
        chunk += char
    words.append(_encoded(chunk))
    return words


def _fits(name: str, tokens: Sequence[str]) -> bool:
    """Whether ``name: token token...`` folds into lines RFC 5322 allows (998)."""
    return all(
        len(token) + 1 + (len(name) + 1 if i == 0 else 0) <= _HARD
        for i, token in enumerate(tokens)
    )


def _mailbox_header(name: str, display: str, address: str) -> str:
    """``Name <address>`` as an address header that every reader reads back exactly.

    The name's runs of white space become one space (mail readers do the
    same); an ASCII name with quotes, commas or other specials is a quoted
    string; words with other characters become one encoded word per run, so
    that no two encoded words touch: readers differ on the space between two
    (RFC 2047 drops it, Python's parser keeps it).  Such a run may exceed
    RFC 2047's 75 characters for a long name rather than be split; a name
    that would make a line longer than RFC 5322's 998 characters is split
    into encoded words of 75 (see `_fits`).
    """
    words = [word for word in display.split(" ") if word]  # not at a no-break space
    tokens: list[str] = []
    if all(word.isascii() for word in words) and "=?" not in display:
        if all(_ATOM.fullmatch(word) for word in words):
            tokens = words
        else:
            quoted = '"' + " ".join(words).replace("\\", "\\\\").replace('"', '\\"') + '"'
            tokens = quoted.split(" ")  # a quoted string may be folded at its spaces
    else:  # ("=?" in a quoted string is decoded by some readers: encoded, it reads right)
        run: list[str] = []
        for word in words:
            if word.isascii() and _ATOM.fullmatch(word) and "=?" not in word:
                if run:
                    tokens.append(_encoded(" ".join(run)))
                    run = []
                tokens.append(word)
            else:
                run.append(word)
        if run:
            tokens.append(_encoded(" ".join(run)))
    if not _fits(name, tokens):
        # A name too long for one line (RFC 5322's 998 characters, which mail
        # servers enforce): encoded words of at most 75 characters.  RFC 2047
        # readers join them exactly; Python's parser reads a space between two.
        tokens = _encoded_words(" ".join(words), _LINE - len(name) - 2)
    return _fold(name, [*tokens, f"<{address}>"])


def _fallback_step(action: Action, interview: Interview) -> str:
    """A stand-in for a step's id when none is given: its kind, person, time and interview."""
    who = "" if action.recipient is None else person_key(action.recipient.name)
    moment = cal.utc(action.suggested).isoformat()
    return f"{action.kind.value}\n{who}\n{moment}\n{interview_key(interview)}"


def _check_step(step: object) -> None:
    """Refuse a step id that is not one line of text every e-mail can hold, as a name is
    refused (`_validate.clean_text`: a string, no lone surrogate, no control character)."""
    clean_text(step, lambda problem: StepIdError("step", step, problem))


def _message_id(step: str, action: Action, interview: Interview) -> str:
    """``<kind.digest@domain>``: unique per step and sender, the same each time it is written.

    The digest holds the step's id and the candidate (their name and
    address), so two candidates of one group interview, whose steps share
    their ids, never send two messages under one Message-ID (a mail server
    drops the second as a duplicate).

    The domain is the candidate's mail domain (where the mail will be sent
    from), else ``followup-rules.invalid``.
    """
    candidate = interview.candidate
    if candidate is not None:  # whose message: two candidates of one slot share step ids
        step = f"{step}\n{person_key(candidate.name)}\n{(candidate.email or '').lower()}"
    digest = hashlib.sha256(step.encode()).hexdigest()[:24]
    domain = "followup-rules.invalid"
    if candidate is not None and candidate.email:
        domain = candidate.email.rpartition("@")[2]
    return f"<{action.kind.value}.{digest}@{domain}>"
