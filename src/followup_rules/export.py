"""Export a plan: an iCalendar file (icalendar) and e-mail drafts (stdlib email).

Both are pure: the calendar's DTSTAMP is the *now* you pass, and each draft is
dated at its action's suggested time.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from . import _calendar as cal
from .action import Action, Plan
from .errors import InvalidInterview
from .events import Contact, Event
from .messages import TemplatePack, default_pack
from .model import ActionKind, Channel, Interview, Interviewer, Recruiter

__all__ = ["action_uid", "to_eml", "to_ics"]

_SLUG = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    """A readable ASCII slug: ``"Zoë Brun"`` (typed any way) gives ``"zoe-brun"``."""
    letters = unicodedata.normalize("NFKD", text.casefold())
    ascii_only = "".join(char for char in letters if not unicodedata.combining(char))
    return _SLUG.sub("-", ascii_only).strip("-") or "x"


def _digest(text: str, length: int) -> str:
    # surrogatepass: a hash never fails, whatever text the model let through.
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:length]


def interview_key(interview: Interview) -> str:
    """A short, stable fingerprint of the interview (company, role, start)."""
    start = interview.starts_at.astimezone(cal.UTC).isoformat()
    return _digest(f"{interview.company}\n{interview.role}\n{start}", 16)


def person_key(name: str) -> str:
    """The name as the same person, however it was typed: NFC, case-folded.

    "José" typed with a combining accent, or in capitals, is the same key;
    "Josè", "Ana-Ruiz" or "韩梅梅" are other people with other keys.
    """
    return unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).casefold())


def action_uid(action: Action, interview: Interview, ordinal: int = 1) -> str:
    """A UID that is unique per step and stays the same across runs and replanning.

    It holds the kind, a readable ASCII slug of the recipient's name, a hash
    of the name's `person_key` (the slug alone makes "李雷" and "韩梅梅", or
    "Ana Ruiz" and "Ana-Ruiz", the same), the *ordinal* of this step among
    those of its kind to that person, counted from the first one ever made
    (so the second check-in keeps its UID after the first is done and the
    plan shrinks), and the interview's fingerprint.
    """
    who = "" if action.recipient is None else _recipient_part(action.recipient)
    return f"{action.kind.value}-{who}-{ordinal}-{interview_key(interview)}@followup-rules"


def _recipient_part(person: Interviewer | Recruiter) -> str:
    return f"{_slug(person.name)}-{_digest(person_key(person.name), 12)}"


def _ordinals(plan: Iterable[Action], history: Iterable[Event], interview: Interview) -> list[int]:
    """Each action's number among the steps of its kind to its recipient, history first.

    A contact in the history without a recipient went to the follow-up
    contact, as the planner reads it.
    """
    contact = interview.follow_up_contact.name
    done: dict[tuple[ActionKind, str], int] = {}
    for event in history:
        if isinstance(event, Contact):
            key = (event.kind, person_key(event.recipient or contact))
            done[key] = done.get(key, 0) + 1
    ordinals = []
    for action in plan:
        who = "" if action.recipient is None else person_key(action.recipient.name)
        key = (action.kind, who)
        done[key] = done.get(key, 0) + 1
        ordinals.append(done[key])
    return ordinals


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
    reminder: timedelta = timedelta(minutes=15),
) -> bytes:
    """The plan as an iCalendar file: a VEVENT per call, a VTODO per other step.

    Times carry their IANA zone (TZID with VTIMEZONE), or are written in UTC
    when the zone is a bare offset (which no VTIMEZONE names); each item has a reminder
    *reminder* before its suggested time, the rule and sources in its
    description, and a UID that is stable across replanning (pass the same
    *history* the plan was made with), so re-importing updates, not duplicates.

    Raises:
        InvalidInterview: *now* is not an aware datetime.
    """
    from icalendar import Alarm, Calendar, Event, Todo  # optional extra: followup-rules[cli]

    if not isinstance(now, datetime) or now.tzinfo is None or now.utcoffset() is None:
        raise InvalidInterview("now", now, "expected an aware datetime")
    history = tuple(history)
    calendar = Calendar()
    calendar.add("prodid", "-//followup_rules//Interview follow-up plan//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"Follow-up: {interview.role} at {interview.company}")
    stamp = now.astimezone(cal.UTC)
    for action, ordinal in zip(plan, _ordinals(plan, history, interview), strict=True):
        is_call = action.channel is Channel.PHONE
        item = Event() if is_call else Todo()
        item.add("uid", action_uid(action, interview, ordinal))
        item.add("dtstamp", stamp)
        item.add("summary", action.describe())
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
        alarm.add("description", action.describe())
        alarm.add("trigger", action.suggested - action.earliest - reminder)
        item.add_component(alarm)
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return bytes(calendar.to_ical())


def to_eml(action: Action, interview: Interview, pack: TemplatePack | None = None) -> EmailMessage:
    """An e-mail draft for an EMAIL action: To, Subject, Date, text and HTML parts.

    Header values come from `render`, which refuses line breaks in them, and
    the stdlib refuses them again, so no header can be injected.

    Raises:
        TemplateError: the action is not an e-mail, or its template fails.
    """
    from .messages import TemplateError

    if action.channel is not Channel.EMAIL:
        raise TemplateError(f"a {action.channel.name} action is not an e-mail")
    message = (pack or default_pack()).render(action, interview)
    draft = EmailMessage()
    draft["To"] = message.to
    candidate = interview.candidate
    if candidate is not None and candidate.email:
        draft["From"] = formataddr((candidate.name, candidate.email))
    draft["Subject"] = message.subject or ""
    draft["Date"] = format_datetime(action.suggested)
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
    who = "" if action.recipient is None else f"-{_slug(action.recipient.name)}"
    return f"{index:02d}-{action.kind.value}{who}.eml"
