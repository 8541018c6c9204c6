"""`audit()`: judge a real contact log against the limits the planner obeys."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime, tzinfo

import attrs

from . import _calendar as cal
from . import limits, rules
from ._said import BusinessDay, CallTime, Kind, Moment, Said, Window, say
from ._steps import FOLLOW_UP_KINDS
from .action import Action, _language_of
from .agenda import candidate_locale
from .events import Contact, Event, Skip, Snooze
from .identity import owner, thread_key
from .model import ActionKind, Interview, Interviewer, Recruiter, person_key
from .plan import DEFAULT_POLICY, check_inputs, steps_after_interview
from .policy import Policy
from .rules import RULES, Rule
from .state import (
    THANKS_KINDS,
    FollowupState,
    _evolved,
    advance,
    checked_history,
    is_employer_call,
    start,
)

__all__ = ["Violation", "audit"]


@attrs.frozen
class Violation:
    """One way a contact log oversteps a limit.

    Attributes:
        rule: the id of the rule broken.
        sources: the seed articles behind that rule.
        events: the offending event(s).
        message: what went wrong, in one sentence, in English (`describe` says it
            in another language).
        locale: the candidate's locale (`AgendaItem.locale`, as the calendar and the
            agenda pick it): ``violation.describe(violation.locale)`` says it in
            their words.  ``"en"`` for a violation made by hand.
    """

    rule: str
    sources: tuple[str, ...]
    events: tuple[Event, ...]
    message: str
    locale: str = attrs.field(default="en", kw_only=True, eq=False, repr=False)

    def __str__(self) -> str:
        """``[retry-gap] only 2 business days after ...``: the rule, then what went wrong."""
        return f"[{self.rule}] {self.message}"

    def describe(self, locale: str | None = None) -> str:
        """What went wrong, for a person: `message` in English, or in *locale*.

        ``"check-in on 2026-07-08, before the first allowed day 2026-07-16"``;
        ``violation.describe(violation.locale)`` reads ``"Nachfrage am Mi., 8. Juli
        2026, vor dem ersten erlaubten Tag Do., 16. Juli 2026"`` for a
        German-speaking candidate: its days, times, counts and the policy's
        numbers in that language's words.  A message made by hand (not by
        `audit`) is given as it is.

        Raises:
            InvalidArgument: *locale* is not a translated locale.
        """
        return say(self.message, _language_of(locale))


def _violation(item: Rule, event: Event, message: str) -> Violation:
    return Violation(rule=item.id, sources=item.sources, events=(event,), message=message)


def audit(
    interview: Interview, history: Iterable[Event], policy: Policy | None = DEFAULT_POLICY
) -> list[Violation]:
    """Every place where *history* is pushier than *policy* allows (or a thank-you was late).

    An empty list means the log is polite.  The history is read by instant,
    in whatever order it is given.  A `Skip` or a `Snooze` is no contact:
    nothing is judged for it, and a contact made after a step was skipped is
    judged as the contact it is (the next step of its kind).  A thank-you
    sent after its window is polite while the planner would still offer it
    late (`rules.late_limit`, `rules.moot`).

    Raises:
        InvalidInterview: the interview or history is not usable.
        InvalidPolicy: *policy* is not a Policy.
    """
    return audit_with(interview, history, policy)


def audit_with(
    interview: Interview,
    history: Iterable[Event],
    policy: Policy | None,
    elsewhere: Callable[[Contact], datetime | None] | None = None,
) -> list[Violation]:
    """`audit`; with *elsewhere*, each contact is judged with the latest follow-up contact
    of the same thread in another application before it (`FollowupState.elsewhere`)."""
    policy = check_inputs(interview, policy)
    events, positions = checked_history(interview, history)
    steps = steps_after_interview(interview, policy)
    notes = [step for step in steps if step.kind in THANKS_KINDS]
    due = {
        person_key(step.recipient.name): step
        for step in notes
        if step.kind is ActionKind.THANK_YOU and step.recipient is not None
    }
    marks = any(isinstance(event, (Skip, Snooze)) for event in events)
    state = start(interview, policy, notes, steps if marks else None)
    found: list[Violation] = []
    repeats = _repeated_one_time_steps(interview, events)
    for position, event in zip(positions, events, strict=True):
        if isinstance(event, Contact):
            seen = state if elsewhere is None else _evolved(state, {"elsewhere": elsewhere(event)})
            found.extend(_judge(seen, event, due))
            found.extend(repeats.get(id(event), ()))
        state = advance(state, event, position)
    locale = candidate_locale(interview)
    if locale != "en":
        found = [attrs.evolve(violation, locale=locale) for violation in found]
    return found


_ONCE = {
    ActionKind.ASK_FOR_CARDS: "cards",
    ActionKind.ASK_TIMELINE: "timeline",
    ActionKind.ASK_PERMISSION: "permission",
    ActionKind.CLOSING_STATEMENT: "closing",
    ActionKind.THANK_YOU: "thank-you",
    ActionKind.SEND_REQUESTED: "thank-you",
    ActionKind.RECRUITER_DEBRIEF: "recruiter",
}
"""The steps done once (per person, or per interview), with the rule that says so."""


def _repeated_one_time_steps(
    interview: Interview, events: Iterable[Event]
) -> dict[int, list[Violation]]:
    """A one-time step recorded again for the same person (rule ``thank-you``: one note
    per interviewer; the room's questions and the debrief: once per interview), by the
    ``id()`` of the repeat.

    The same event logged twice is one event (the history reads it once); a
    second thank-you a minute later is two notes in the person's inbox.
    """
    first: dict[tuple[ActionKind, str], Contact] = {}
    found: dict[int, list[Violation]] = {}
    for event in events:
        if not isinstance(event, Contact) or event.kind not in _ONCE:
            continue
        name = owner(event.kind, event.recipient, interview)
        earlier = first.setdefault((event.kind, person_key(name)), event)
        if earlier is event:
            continue
        rule = RULES[_ONCE[event.kind]]
        person: Interviewer | Recruiter | None = interview.person(name)
        if person is None:  # no interviewer: the recruiter (a history names nobody else)
            person = interview.recruiter
        sent = cal.to_local(cal.utc(earlier.at), interview.zone_of(person))
        key = "second note" if rule.id == "thank-you" else "second step"
        message = Said(key, what=Kind(event.kind.value), name=name, sent=Moment(sent))
        found.setdefault(id(event), []).append(
            Violation(rule=rule.id, sources=rule.sources, events=(event, earlier), message=message)
        )
    return found


def _judge(state: FollowupState, event: Contact, due: Mapping[str, Action]) -> list[Violation]:
    policy = state.policy
    interview = state.interview
    person = interview.person(event.recipient) if event.recipient else state.contact
    tz = interview.zone_of(person if person is not None else interview.recruiter)
    holidays = policy.business_holidays
    day = cal.local_date(event.at, tz)
    found: list[Violation] = []

    if is_employer_call(state, event):
        if state.calls >= policy.max_calls:
            found.append(
                _violation(
                    rules.ONE_CALL,
                    event,
                    Said("calls", number=state.calls + 1, allowed=policy.max_calls),
                )
            )
        elif not rules.calls_allowed(state):
            found.append(_violation(rules.ONE_CALL, event, Said("uninvited call")))
        window = policy.call_window
        local = event.at.astimezone(tz)
        if not cal.is_business_day(day, holidays) or not (
            window.start <= local.time().replace(tzinfo=None) <= window.end
        ):
            found.append(
                _violation(
                    rules.ONE_CALL,
                    event,
                    Said(
                        "call window",
                        time=CallTime(local),
                        window=Window(window.start, window.end),
                        business_day=BusinessDay(holidays, day),
                    ),
                )
            )

    if event.kind is ActionKind.CHECK_IN:
        found.extend(_judge_by(limits.CHECK_IN_GATES, limits.CHECK_IN, state, event, tz))
    elif event.kind is ActionKind.FEEDBACK_REQUEST:
        found.extend(
            _judge_by(limits.FEEDBACK_REQUEST_GATES, limits.FEEDBACK_REQUEST, state, event, tz)
        )
    elif event.kind is ActionKind.THANK_YOU and person is not None:
        note = due.get(person_key(person.name))
        if note is not None:
            found.extend(_judge_thank_you(state, event, note))
    return found


def _judge_thank_you(state: FollowupState, event: Contact, note: Action) -> list[Violation]:
    """Rule ``thank-you``: in its window (which opens when the interview ends), or late
    while still worth sending."""
    sent = cal.utc(event.at)
    at = Moment(event.at)
    ended = state.interview.ends_at
    if sent < cal.utc(ended):  # the loop5 trial: a note sent mid-interview passed
        return [
            _violation(
                rules.THANK_YOU,
                event,
                Said("thanks early", at=at, ended=Moment(ended)),
            )
        ]
    if sent <= note._utc[1]:
        return []
    if rules.moot(note, state):
        return [
            _violation(
                rules.THANK_YOU,
                event,
                Said("thanks moot", at=at),
            )
        ]
    limit = rules.late_limit(note, state)
    if sent <= limit:
        return []
    latest = note.latest
    shown = cal.to_local(limit, latest.tzinfo)  # type: ignore[arg-type]
    return [
        _violation(
            rules.THANK_YOU,
            event,
            Said("thanks too late", at=at, due=Moment(latest), limit=Moment(shown)),
        )
    ]


def _judge_by(
    gates: Sequence[limits.Gate],
    units: Sequence[limits.Limit],
    state: FollowupState,
    event: Contact,
    tz: tzinfo,
) -> list[Violation]:
    """The first gate *event* finds closed, then the first limit it breaks, as the planner
    reads them (`followup_rules.limits`): at most one of each."""
    found: list[Violation] = []
    gate = limits.first_closed(gates, state)
    if gate is not None:
        found.append(_violation(gate.rule, event, gate.explain(state)))
        if gate.final:
            return found
    moment = cal.utc(event.at)
    broken = limits.first_broken(units, state, moment, tz)
    if broken is not None:
        day = cal.local_date(moment, tz)
        found.append(_violation(broken.rule(state), event, broken.explain(state, day, tz)))
    return found


Thread = tuple[str, str, str]
"""`identity.thread_key`: the candidate, the employer and the person followed up with."""


def follow_up_threads(
    applications: Iterable[tuple[Interview, Iterable[Event]]],
) -> dict[Thread, list[tuple[datetime, int]]]:
    """The follow-up contacts of each (interview, history), by thread: (UTC instant, index)."""
    threads: dict[Thread, list[tuple[datetime, int]]] = {}
    for index, (interview, history) in enumerate(applications):
        for event in history:
            if isinstance(event, Contact) and event.kind in FOLLOW_UP_KINDS:
                thread = thread_key(interview, owner(event.kind, event.recipient, interview))
                threads.setdefault(thread, []).append((cal.utc(event.at), index))
    return threads


def latest_elsewhere(
    contacts: Iterable[tuple[datetime, int]], index: int, before: datetime | None = None
) -> datetime | None:
    """The latest of *contacts* of another application than the *index*-th, before *before*
    (at it, for an application listed earlier), or the latest of all when None."""
    latest = None
    for moment, other in contacts:
        if other == index:
            continue
        if before is not None and (moment > before or (moment == before and other > index)):
            continue
        if latest is None or moment > latest:
            latest = moment
    return latest
