"""A stable identity for each planned step, for apps and calendars to store.

A step's id is the same string the calendar export writes as its ``UID``, for
example ``check_in-ana-ruiz-3f1c2a9b0d4e-2-1a2b3c4d5e6f7a8b@followup-rules``.  It
holds the kind, a readable slug and a hash of the recipient's name, the step's
number among the steps of that kind to that person (the history's included),
and a fingerprint of the interview.  So:

- it is unique within a plan, however alike two names look in ASCII;
- it stays the same when the plan is made again after some steps were done
  (pass the same history the plan was made with): an app stores it, matches
  it to its own records, and records "done" against it;
- it is plain ASCII with no spaces, safe as a key in a database or a file.

Pure, like the planner: ids are worked out from the plan, the interview and
the history alone.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable

from . import _calendar as cal
from .action import Action
from .events import Contact, Event
from .model import ActionKind, Interview, Interviewer, Recruiter
from .state import ONE_SHOT_BY_KIND

__all__ = ["action_id", "action_ids", "done_ids", "interview_key", "person_key"]

_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
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


def action_id(action: Action, interview: Interview, ordinal: int = 1) -> str:
    """The id of *action*, the *ordinal*-th step of its kind to its recipient.

    Most callers want `action_ids`, which counts the ordinals for a whole plan.
    """
    who = "" if action.recipient is None else _recipient_part(action.recipient)
    return f"{action.kind.value}-{who}-{ordinal}-{interview_key(interview)}@followup-rules"


def _recipient_part(person: Interviewer | Recruiter) -> str:
    return _name_part(person.name)


def _name_part(name: str) -> str:
    return f"{slug(name)}-{_digest(person_key(name), 12)}"


def action_ids(
    actions: Iterable[Action], interview: Interview, history: Iterable[Event] = ()
) -> tuple[str, ...]:
    """The id of each of *actions* (a `Plan`, or its `Plan.missed`), in order.

    Pass the *history* the plan was made with: each step is numbered among
    the steps of its kind to its recipient counted from the first one ever
    made, so the second check-in keeps its id after the first is done and
    the plan shrinks.  A contact in the history without a recipient went to
    the follow-up contact, as the planner reads it.
    """
    steps = tuple(actions)
    ordinals = _ordinals(steps, history, interview)
    return tuple(
        action_id(action, interview, ordinal)
        for action, ordinal in zip(steps, ordinals, strict=True)
    )


def _ordinals(
    actions: Iterable[Action], history: Iterable[Event], interview: Interview
) -> list[int]:
    contact = interview.follow_up_contact.name
    done: dict[tuple[ActionKind, str], int] = {}
    for event in history:
        if isinstance(event, Contact):
            key = (event.kind, person_key(event.recipient or contact))
            done[key] = done.get(key, 0) + 1
    ordinals = []
    for action in actions:
        who = "" if action.recipient is None else person_key(action.recipient.name)
        key = (action.kind, who)
        done[key] = done.get(key, 0) + 1
        ordinals.append(done[key])
    return ordinals


def done_ids(interview: Interview, history: Iterable[Event]) -> dict[str, Contact]:
    """The id of the step each contact of *history* did, with the contact that did it.

    A step done is numbered as the plan numbered it, so an id an app stored
    from an agenda (or a calendar UID) is found here once the step is
    recorded.  A step done once per interview (the timeline question, the
    closing, the debrief) counts whoever it was addressed to, as the planner
    reads it.
    """
    contact = interview.follow_up_contact.name
    recruiter = interview.recruiter
    counts: dict[tuple[ActionKind, str], int] = {}
    found: dict[str, Contact] = {}
    for event in history:
        if not isinstance(event, Contact):
            continue
        name = event.recipient or contact
        if event.kind in ONE_SHOT_BY_KIND:
            debrief = event.kind is ActionKind.RECRUITER_DEBRIEF and recruiter is not None
            name = recruiter.name if debrief and recruiter is not None else contact
        key = (event.kind, person_key(name))
        counts[key] = counts.get(key, 0) + 1
        uid = f"{event.kind.value}-{_name_part(name)}-{counts[key]}-{interview_key(interview)}"
        found[f"{uid}@followup-rules"] = event
    return found
