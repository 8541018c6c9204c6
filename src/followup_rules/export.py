"""Export a plan: an iCalendar file (icalendar) and e-mail drafts (stdlib email).

Both are pure: the calendar's DTSTAMP is the *now* you pass, and each draft is
dated at its action's suggested time.  A calendar re-exported over the
previous one (pass its bytes as *previous*) stays in sync in the reader's
calendar: the same UIDs, steps done marked done, steps dropped cancelled,
``SEQUENCE`` raised on every item that changed.
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from typing import Any

from . import _calendar as cal
from .action import Action, Plan
from .errors import InvalidArgument, TemplateError
from .events import Contact, Event
from .identity import action_id, action_ids, done_ids, slug
from .identity import interview_key as interview_key  # importable from here, as before
from .identity import person_key as person_key
from .messages import TemplatePack, default_pack
from .model import Channel, Interview

__all__ = ["action_uid", "to_eml", "to_ics", "to_ics_many"]


def action_uid(action: Action, interview: Interview, ordinal: int = 1) -> str:
    """The calendar UID of a step: its public id (see `followup_rules.identity`).

    Unique per step and the same across runs and replanning; *ordinal* is
    the step's number among those of its kind to that person, counted from
    the first one ever made (`action_ids` counts it for a whole plan).
    """
    return action_id(action, interview, ordinal)


def _calendar_time(moment: datetime) -> datetime:
    """A time as a calendar reader will take it: in its IANA zone, else in UTC.

    A bare UTC offset has no VTIMEZONE to define it, so ``TZID="+05:30"``
    would be read as floating local time; the same instant in UTC (``...Z``)
    is read right everywhere.
    """
    if moment.tzinfo is None:  # pragma: no cover - the model keeps times aware
        return moment
    name = cal.zone_name(moment.tzinfo, moment)
    if name.startswith(("+", "-")):
        return moment.astimezone(cal.UTC)
    return moment


def to_ics(
    plan: Plan,
    interview: Interview,
    *,
    now: datetime,
    history: Iterable[Event] = (),
    previous: bytes | None = None,
    leave_out: Collection[Action] = (),
    reminder: timedelta = timedelta(minutes=15),
) -> bytes:
    """The plan as an iCalendar file: a VEVENT per call, a VTODO per other step.

    Times carry their IANA zone (TZID with VTIMEZONE), or are written in UTC
    when the zone is a bare offset (which no VTIMEZONE names); each item has a
    reminder *reminder* before its suggested time, the rule and sources in
    its description, and a UID that is the step's id
    (`followup_rules.identity`), stable across replanning (pass the same
    *history* the plan was made with), so re-importing updates, not duplicates.

    Args:
        plan: the plan to export.
        interview: the interview it is for.
        now: the calendar's timestamp (``DTSTAMP``); aware.
        history: the history the plan was made with.
        previous: the calendar exported before, to stay in sync with it: each
            of its steps this plan no longer has is written again, marked
            done (``STATUS:COMPLETED`` on a to-do, ``STATUS:CONFIRMED`` on a
            call, which RFC 5545 gives no "completed" status) when the history
            has it, else ``STATUS:CANCELLED``; each item that changed gets a
            higher ``SEQUENCE``; the items of other interviews stay as they were.
        leave_out: steps of *plan* to leave out of the calendar, e.g. those
            an `Agenda` says are superseded; the others keep their UIDs, and
            a left-out step the previous calendar has is cancelled there.
        reminder: how long before the suggested time the reminder rings.

    Raises:
        InvalidArgument: *now* is not an aware datetime, or *previous* is
            not an iCalendar file.
    """
    return to_ics_many(
        [(plan, interview, history)],
        now=now,
        previous=previous,
        leave_out=leave_out,
        reminder=reminder,
        name=f"Follow-up: {interview.role} at {interview.company}",
    )


def to_ics_many(
    applications: Iterable[tuple[Plan, Interview, Iterable[Event]]],
    *,
    now: datetime,
    previous: bytes | None = None,
    leave_out: Collection[Action] = (),
    reminder: timedelta = timedelta(minutes=15),
    name: str = "Interview follow-ups",
) -> bytes:
    """One calendar for many interviews: ``(plan, interview, history)`` each, as `to_ics`.

    Raises:
        InvalidArgument: as `to_ics`.
    """
    from icalendar import Calendar  # a core dependency, imported when a calendar is made

    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise InvalidArgument("now", now, "expected an aware datetime")
    stamp = now.astimezone(cal.UTC)
    skipped = {id(action) for action in leave_out}
    before = _previous_items(previous)
    calendar = Calendar()
    calendar.add("prodid", "-//followup_rules//Interview follow-up plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    covered: set[str] = set()
    for plan, interview, events in applications:
        history = tuple(events)
        fingerprint = f"-{interview_key(interview)}@followup-rules"
        covered.add(fingerprint)
        ids = action_ids(plan, interview, history)  # counted over the whole plan
        planned = set()
        for action, uid in zip(plan, ids, strict=True):
            if id(action) in skipped:
                continue
            planned.add(uid)
            item = _item(action, uid, stamp, reminder)
            _sequence(item, before.get(uid))
            calendar.add_component(item)
        done = done_ids(interview, history)
        dropped = [uid for uid in before if uid.endswith(fingerprint) and uid not in planned]
        for uid in dropped:
            calendar.add_component(_closed(before[uid], done.get(uid), stamp))
    for uid, old in before.items():  # other interviews' items: as they were
        if not any(uid.endswith(fingerprint) for fingerprint in covered):
            calendar.add_component(old)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


_CLOSED = frozenset({"CANCELLED", "COMPLETED", "CONFIRMED"})
_RESTAMPED = ("STATUS", "SEQUENCE", "DTSTAMP", "COMPLETED", "PERCENT-COMPLETE")


def _previous_items(previous: bytes | None) -> dict[str, Any]:
    """The to-dos and events of an earlier export, by UID."""
    if previous is None:
        return {}
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(previous)
    except Exception as error:  # icalendar raises ValueError, and worse on garbage
        raise InvalidArgument(
            "previous", previous[:40], f"is not an iCalendar file ({error})"
        ) from None
    return {
        str(item["UID"]): item
        for item in calendar.walk()
        if item.name in ("VTODO", "VEVENT") and "UID" in item
    }


def _item(action: Action, uid: str, stamp: datetime, reminder: timedelta) -> Any:
    from icalendar import Alarm, Todo
    from icalendar import Event as CalendarEvent

    is_call = action.channel is Channel.PHONE
    item = CalendarEvent() if is_call else Todo()
    item.add("uid", uid)
    item.add("dtstamp", stamp)
    item.add("sequence", 0)
    item.add("status", "TENTATIVE" if is_call else "NEEDS-ACTION")
    item.add("summary", describe(action))
    item.add("dtstart", _calendar_time(action.earliest))
    item.add("dtend" if is_call else "due", _calendar_time(action.latest))
    item.add("categories", [action.kind.value])
    item.add(
        "description",
        "\n".join(
            (
                f"Suggested: {action.suggested.isoformat()}",
                f"Rule: {action.rule}",
                f"Sources: {', '.join(action.sources)}",
                f"Template: {action.template or '(none: in person)'}",
            )
        ),
    )
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", describe(action))
    alarm.add("trigger", action.suggested - action.earliest - reminder)
    item.add_component(alarm)
    return item


def describe(action: Action) -> str:
    """`Action.describe`, flagging a call to someone whose number nobody knows."""
    line = action.describe()
    person = action.recipient
    if action.channel is Channel.PHONE and person is not None and not person.phone:
        line += " (no phone number known: find it first)"
    return line


_COMPARED = ("SUMMARY", "DTSTART", "DUE", "DTEND", "DESCRIPTION", "STATUS")


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


def _closed(old: Any, contact: Contact | None, stamp: datetime) -> Any:
    """A step of the previous calendar that the plan no longer has: done or cancelled."""
    if str(old.get("STATUS", "")) in _CLOSED:
        return old  # already closed: written again as it was
    item = type(old)()  # its properties, without the reminder: nothing rings any more
    for key, value in old.property_items(recursive=False):
        if key not in ("BEGIN", "END", *_RESTAMPED):
            item.add(key, value, encode=False)
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


def to_eml(
    action: Action,
    interview: Interview,
    /,
    pack: TemplatePack | None = None,
    **details: Any,
) -> EmailMessage:
    """An e-mail draft for an EMAIL action: To, Subject, Date, text and HTML parts.

    *details* go to `TemplatePack.render` (``fit="..."``); without a
    *pack* the message is written in the candidate's language.  The draft is
    ``To:`` the recipient's address; a recipient without one gets no
    ``To:`` at all (a bare name would be a malformed header): the message's
    `Message.missing_details` says ``"email"``, and the command warns.  When
    the previous contact with the recipient was an e-mail whose
    ``Message-ID`` the history gave, the draft answers it in the same thread
    (``In-Reply-To`` and ``References``).

    Header values come from `render`, which refuses line breaks in them, and
    the stdlib refuses them again, so no header can be injected.

    Raises:
        TemplateError: the action is not an e-mail, or its template fails.
    """
    if action.channel is not Channel.EMAIL:
        raise TemplateError(f"a {action.channel.name} action is not an e-mail")
    if pack is None:  # the built-in pack in the candidate's language, as render() does
        candidate = interview.candidate
        pack = default_pack(getattr(candidate, "language", None) or "en")
    message = pack.render(action, interview, **details)
    draft = EmailMessage()
    person = action.recipient
    if person is not None and person.email:
        draft["To"] = formataddr((person.name, person.email))
    candidate = interview.candidate
    if candidate is not None and candidate.email:
        draft["From"] = formataddr((candidate.name, candidate.email))
    draft["Subject"] = message.subject or ""
    draft["Date"] = format_datetime(action.suggested)
    previous = action.facts.previous
    if previous is not None and previous.message_id:
        draft["In-Reply-To"] = previous.message_id
        draft["References"] = previous.message_id
    draft["X-Followup-Rule"] = action.rule
    draft["X-Unsent"] = "1"  # open as a draft in mail clients that know it
    draft.set_content(message.text)
    if message.html is not None:
        draft.add_alternative(message.html, subtype="html")
        # A boundary derived from the content keeps the output byte-for-byte stable.
        digest = hashlib.sha256(message.text.encode()).hexdigest()[:24]
        draft.set_boundary(f"followup-{digest}")
    return draft


def eml_name(index: int, action: Action) -> str:
    """A file name for the draft of the *index*-th action, e.g. ``07-thank_you-ana-ruiz.eml``."""
    who = "" if action.recipient is None else f"-{slug(action.recipient.name)}"
    return f"{index:02d}-{action.kind.value}{who}.eml"
