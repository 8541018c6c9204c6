"""`plan()`: the whole follow-up schedule still allowed after a history."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import zip_longest
from typing import Any

import attrs

from . import _calendar as cal
from . import identity, rules
from .action import Action, Plan
from .errors import InvalidArgument, InvalidInterview, InvalidPolicy
from .events import Event, Outcome, trusted_contact
from .facts import Facts
from .model import ActionKind, Interview
from .policy import Policy
from .state import THANKS_KINDS, FollowupState, advance, check_history, replay

__all__ = ["Action", "Plan", "plan", "plan_many"]

DEFAULT_POLICY = Policy()


def check_inputs(interview: Any, policy: Any) -> Policy:
    """Refuse a wrong type early, with our errors rather than an AttributeError later.

    Returns the policy to use: *policy*, or the default when it is None.
    """
    if not isinstance(interview, Interview):
        raise InvalidInterview("interview", interview, "expected an Interview")
    if policy is None:
        return DEFAULT_POLICY
    if not isinstance(policy, Policy):
        raise InvalidPolicy("policy", policy, "expected a Policy")
    return policy


def steps_after_interview(interview: Interview, policy: Policy) -> list[Action]:
    """The one-time steps, fixed by the interview alone: in the room, then right after."""
    room = rules.room_facts(interview)  # one builder for the facts of every in-room step
    steps = [
        rules.closing(interview, room),
        rules.timeline(interview, room),
        rules.permission(interview, room),
        *rules.cards(interview, room),
        *rules.thank_you(interview, policy),
    ]
    debrief = rules.recruiter(interview, policy)
    if debrief is not None:
        steps.append(debrief)
    return steps


def plan(
    interview: Interview,
    policy: Policy | None = DEFAULT_POLICY,
    *,
    history: Iterable[Event] = (),
) -> Plan:
    """Plan every follow-up step still allowed, given what has already happened.

    Pure and deterministic: the same input gives the same plan, and nothing
    reads the clock.  Contacts in *history* count against every limit; steps
    already done are left out, and one-time steps whose window closed before
    the latest event without being done are moved to `Plan.missed`.

    Args:
        interview: the interview to follow up.
        policy: the etiquette to obey (the seeds' consensus by default, or None).
        history: what happened since, oldest first.

    Returns:
        The `Plan`, ordered by suggested time, with the missed steps beside it.

    Raises:
        InvalidInterview: the interview or history is not usable
            (`InvalidHistory` for the history).
        InvalidPolicy: *policy* is not a Policy, or one of its hooks returned
            something unusable.
    """
    policy = check_inputs(interview, policy)
    events = check_history(interview, history)
    steps = steps_after_interview(interview, policy)
    notes = [step for step in steps if step.kind in THANKS_KINDS]
    state = replay(interview, policy, events, notes)
    missed: list[Action] = []
    if state.now is None:
        actions = steps  # nothing has happened yet: every one-time step is still to do
    else:
        actions = []
        for step in steps:
            if state.is_done(step.kind, None if step.recipient is None else step.recipient.name):
                continue
            # A step whose window closed before the latest event was not done
            # in time: said so in `Plan.missed`, never dropped silently.
            (actions if step._utc[1] >= state.now else missed).append(step)
        if state.news is not None:
            actions = _after_news(state, actions)
    notes = [step for step in actions if step.kind in THANKS_KINDS]  # still to send
    actions.extend(contacts_to_come(state, notes))
    actions.sort(key=Action.sort_key)
    return Plan._made(tuple(actions), tuple(missed), partial(_step_ids, interview, events))


def plan_many(
    interviews: Iterable[Interview],
    policy: Policy | None = DEFAULT_POLICY,
    *,
    histories: Iterable[Iterable[Event]] | None = None,
) -> Iterator[Plan]:
    """Plan many interviews lazily, one `Plan` per interview, in order.

    Nothing is held between interviews, so memory stays flat however many
    stream through (a nightly job over a whole CRM, or a Dask partition).

    Args:
        interviews: any iterable of interviews, consumed one at a time.
        policy: the policy for all of them.
        histories: the history of each interview, in the same order; when
            given it must be exactly as long as *interviews*.

    Raises:
        InvalidInterview: as `plan`.
        InvalidArgument: when the histories run short or long; at once when
            *interviews* or *histories* is not iterable at all.
        InvalidPolicy: at once when *policy* is not a Policy.
    """
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidPolicy("policy", policy, "expected a Policy")
    stream = _stream(interviews, "interviews")
    if histories is None:
        return (plan(interview, policy) for interview in stream)
    return _paired(stream, _stream(histories, "histories"), policy)


def _stream(value: Any, field: str) -> Iterator[Any]:
    """An iterator over *value*, or `InvalidArgument` naming *field* (a string is no stream)."""
    if isinstance(value, (str, bytes, dict, Interview)):
        raise InvalidArgument(field, value, "expected an iterable, one item per interview")
    try:
        return iter(value)
    except Exception as error:
        raise InvalidArgument(
            field, value, "expected an iterable, one item per interview"
        ) from error


def _paired(
    interviews: Iterator[Any], histories: Iterator[Any], policy: Policy | None
) -> Iterator[Plan]:
    pairs: Iterator[tuple[Any, Any]] = zip_longest(interviews, histories, fillvalue=_MISSING)
    for index, (each, history) in enumerate(pairs):
        if each is _MISSING or history is _MISSING:
            raise InvalidArgument(
                "histories", index, "there must be exactly one history per interview"
            )
        yield plan(each, policy, history=history)


_MISSING = object()

_CANCELS_THANKS = frozenset({Outcome.REJECTED, Outcome.WITHDRAWN})
# ... and the recruiter debrief, whose talking points assume the outcome is open.
_CANCELLED = THANKS_KINDS | {ActionKind.RECRUITER_DEBRIEF}


def _after_news(state: FollowupState, steps: list[Action]) -> list[Action]:
    """The employer's news heard before the thank-you notes went out (rule ``stop``).

    A rejection or a withdrawal cancels the notes still to send (a note that
    looks forward to next steps would contradict it; the feedback request
    thanks the contact instead) and the recruiter debrief still to make.
    Any other news (an offer, a next round, a new date) reaches the notes as
    a fact, so that they can word it.
    """
    news = state.news
    if news in _CANCELS_THANKS:
        return [step for step in steps if step.kind not in _CANCELLED]
    heard = state.news_at
    assert heard is not None  # news always comes with its instant
    kept = []
    for step in steps:
        if step.kind in THANKS_KINDS:
            day = cal.local_date(heard, state.interview.zone_of(step.recipient))
            step = step._with_facts(attrs.evolve(step.facts, news=news, news_on=day))
        kept.append(step)
    return kept


def contacts_to_come(state: FollowupState, notes: Iterable[Action] = ()) -> list[Action]:
    """The check-ins and feedback steps, each planned as if the previous one was done.

    Every planned step is folded into the state exactly as a reported event
    would be, so the limits see planned and past contacts alike.  The *notes*
    still to send (thank-you notes, requested items) change no decision (the
    state already waits for every note's window, rule ``patience``), only
    which contact a step follows: a step's facts are made after folding the
    notes sent before it and since the step before it, never one sent after
    it, as they will be when the plan is done and replanned.
    """
    planned: list[Action] = []
    waiting = sorted(notes, key=Action.sort_key)
    while True:
        steps = [
            step
            for step in (
                rules.feedback_response(state),
                rules.feedback_request(state),
                rules.check_in(state),
            )
            if step is not None
        ]
        if not steps:
            return planned
        first = steps[0] if len(steps) == 1 else min(steps, key=Action.sort_key)
        key = first.sort_key()
        sent = tuple(note for note in waiting if note.sort_key() < key)  # sorted: a prefix
        if sent:
            _after_notes(first, sent)
            del waiting[: len(sent)]
        planned.append(first)
        state = advance(state, _as_made(first))


def _step_ids(
    interview: Interview, history: tuple[Event, ...], made: Plan
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids of a plan's steps and missed steps (`Plan.ids`), counted after *history*."""
    return (
        identity.action_ids(made.actions, interview, history),
        identity.action_ids(made.missed, interview, history),
    )


def _after_notes(step: Action, notes: tuple[Action, ...]) -> None:
    """Make *step*'s facts, when first read, from the state after *notes* (lazily: a
    plan is often sorted and filtered without anyone reading its facts)."""
    build = step._facts_from
    assert build is not None  # a step the rules just made: its facts are not made yet
    object.__setattr__(step, "_facts_from", (_facts_after, (notes, build)))


def _facts_after(
    notes: tuple[Action, ...], build: tuple[Callable[..., Facts], tuple[Any, ...]]
) -> Facts:
    builder, (state, *rest) = build
    for note in notes:
        state = advance(state, _as_made(note))
    return builder(state, *rest)


def _as_made(step: Action) -> Event:
    """A planned step as the contact it will be when made as suggested."""
    person = None if step.recipient is None else step.recipient.name
    return trusted_contact(step._utc[2], step.channel, step.kind, person)
