"""`plan()`: the whole follow-up schedule still allowed after a history."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from functools import partial
from itertools import zip_longest
from typing import Any

import attrs

from . import _calendar as cal
from . import identity, rules
from . import identity as ids
from ._members import CHANNEL_EMAIL, KIND_FEEDBACK_RESPONSE
from .action import Action, Plan, _check_now
from .errors import InvalidArgument, InvalidInterview, InvalidPolicy
from .events import Event, Outcome, trusted_contact
from .model import ActionKind, Channel, Interview, person_key
from .policy import Policy
from .state import THANKS_KINDS, FollowupState, _evolved, advance, checked_history, replay

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
    steps, _ = _one_time_steps(interview, policy)
    return steps


def _one_time_steps(interview: Interview, policy: Policy) -> tuple[list[Action], list[Action]]:
    """`steps_after_interview`, and the notes among them (thank-you notes, requested items)."""
    steps = rules.in_room(interview)
    notes = rules.thank_you(interview, policy)
    steps.extend(notes)
    debrief = rules.recruiter(interview, policy)
    if debrief is not None:
        steps.append(debrief)
    return steps, notes


def plan(
    interview: Interview,
    policy: Policy | None = DEFAULT_POLICY,
    *,
    history: Iterable[Event] = (),
    now: datetime | None = None,
) -> Plan:
    """Plan every follow-up step still allowed, given what has already happened.

    Pure and deterministic: the same input gives the same plan, and nothing
    reads the clock.  Contacts in *history* count against every limit; steps
    already done or skipped are left out.

    The plan is seen from *now* when it is given, else from the latest event
    of the history: nothing is planned before that moment.  A step whose
    window closed before it is either planned again in its next allowed
    window (a late call in the recipient's next call window, a late note in
    their next send window; `Action.late_since` says when its first window
    closed, and the steps after it follow), or moved to `Plan.missed` when it
    is no longer worth doing (see `rules.late_limit`: a step of the room, a
    note past its late limit or made moot by the employer's news, a feedback
    answer past its window, a check-in four weeks late).  With *now*, a
    window already open at *now* starts at *now*.

    Args:
        interview: the interview to follow up.
        policy: the etiquette to obey (the seeds' consensus by default, or None).
        history: what happened since, in any order (it is read by instant).
        now: the moment to plan from (aware; the library never reads the clock).

    Returns:
        The `Plan`, ordered by suggested time, with the missed steps beside it.

    Raises:
        InvalidInterview: the interview or history is not usable
            (`InvalidHistory` for the history), or *now* is not aware.
        InvalidPolicy: *policy* is not a Policy, or one of its hooks returned
            something unusable.
    """
    return planned(interview, policy, history=history, now=now)


def planned(
    interview: Interview,
    policy: Policy | None = DEFAULT_POLICY,
    *,
    history: Iterable[Event] = (),
    now: datetime | None = None,
    elsewhere: datetime | None = None,
    met_before: Mapping[str, int] | None = None,
) -> Plan:
    """`plan`, with the latest follow-up contact to the same person at the same employer
    in another application (*elsewhere*, see `FollowupState.elsewhere`), which the
    follow-ups keep `Policy.min_gap` from: what `agenda_many` plans each one with; and
    with *met_before* (a `person_key` to how many earlier interviews of the thread that
    person was on: `Facts.met_before`), which the notes to them say."""
    policy = check_inputs(interview, policy)
    moment = None if now is None else _check_now(now)
    events, positions = checked_history(interview, history)
    steps, notes = _one_time_steps(interview, policy)
    state = replay(interview, policy, events, notes, steps, positions)
    if elsewhere is not None:
        state = _evolved(state, {"elsewhere": cal.utc(elsewhere)})
    cut = _later(state.now, moment)
    missed: list[Action] = []
    if cut is None:
        actions = steps  # nothing has happened yet: every one-time step is still to do
        # ... and the start state already waits for every note as planned.
    else:
        actions = []
        for step in steps:
            if state.is_done(step.kind, None if step.recipient is None else step.recipient.name):
                continue  # done, or skipped
            # A step whose window closed and that is no longer worth doing is
            # said so in `Plan.missed`, never dropped silently.
            placed = _one_time(step, state, cut, moment)
            (missed if placed is None else actions).append(step if placed is None else placed)
        if state.news is not None:
            actions = _after_news(state, actions)
        notes = [step for step in actions if step.kind in THANKS_KINDS]  # still to send
        state = _waiting_for(state, notes)
    follow_ups, gone = _follow_ups(state, notes, moment)
    actions.extend(follow_ups)
    missed.extend(gone)
    actions.sort(key=Action.sort_key)
    if met_before:
        actions = [_met_before(action, met_before) for action in actions]
    return Plan._made(tuple(actions), tuple(missed), partial(_step_ids, interview, events))


def _later(first: datetime | None, second: datetime | None) -> datetime | None:
    if first is None:
        return second
    return first if second is None or first >= second else second


def _one_time(
    step: Action, state: FollowupState, cut: datetime, now: datetime | None
) -> Action | None:
    """A one-time step as seen from *cut*: kept, cut at *now*, snoozed, late, or None.

    None means missed: its window closed before *cut* and it is no longer
    worth doing (`rules.moot`, `rules.late_limit`).
    """
    earliest, latest, suggested = step._utc
    interview = state.interview
    snoozed = None
    if state.snoozes:
        name = None if step.recipient is None else step.recipient.name
        key = (step.kind, person_key(ids.owner(step.kind, name, interview)), 1)
        snoozed = state.snoozed_until(key)
    floor = _later(cut, snoozed)
    assert floor is not None  # cut is not None
    # its window is still open (its last moment included), or opens later; but the room's
    # steps end with the interview: at its end there is no one left to ask (the loop6
    # trial: at the interview's end, its questions "due now", "17:00-17:00")
    if latest > floor or (latest == floor and step.channel is not Channel.IN_PERSON):
        start = _later(now, snoozed)
        if start is None or start <= earliest:
            return step
        later = suggested if suggested >= start else _best_moment(step, start, latest, state)
        return step._moved((start, latest, later), None)
    if rules.moot(step, state):
        return None
    limit = rules.late_limit(step, state)
    policy = state.policy
    window = policy.send_window
    # From *now* when it is given, as a step still open is (above): an event recorded
    # after *now* does not push the step's next window later (invariant 10 seen from a
    # *now* before the steps done, which a night-time suggestion puts after it).
    start = _later(now, snoozed) or floor
    opens, closes = cal.first_window(
        cal.local_date(start, rules.step_zone(step, interview)),
        window.start,
        window.end,
        rules.step_zone(step, interview),
        holidays=policy.business_holidays,
        open_from=start,
    )
    if opens > limit:
        return None
    facts = rules.late_facts(step) if step.kind in THANKS_KINDS else None
    closes = min(closes, limit)
    suggested = opens
    if step.channel is Channel.EMAIL:  # when the candidate is awake, if the window allows
        tz = rules.step_zone(step, interview)
        suggested = rules.awake_suggestion(opens, closes, tz, interview, policy, (opens, closes))
    return step._moved((opens, closes, suggested), latest, facts)


def _best_moment(
    step: Action, start: datetime, latest: datetime, state: FollowupState
) -> datetime:
    """When a step moved to *start* can go by *latest* (`rules.sending_moment`), else *start*."""
    if step.channel is Channel.IN_PERSON:
        return start
    tz = rules.step_zone(step, state.interview)
    best = rules.sending_moment(start, latest, tz, state.policy)
    if best > latest:
        return start
    if step.channel is Channel.EMAIL:  # when the candidate is awake, if the window allows
        return rules.awake_suggestion(best, latest, tz, state.interview, state.policy)
    return best


def _waiting_for(state: FollowupState, notes: list[Action]) -> FollowupState:
    """The state that waits for the notes as they are planned now (rule ``patience``).

    A late or snoozed note moves, and the check-ins wait for it where it is.
    """
    if not notes:
        return state
    quiet = max(note._utc[1] for note in notes)
    thanked = max(note._utc[2] for note in notes)
    changes: dict[str, Any] = {}
    if state.quiet_until is None or quiet > state.quiet_until:
        changes["quiet_until"] = quiet
    if state.thanked_at is None or thanked > state.thanked_at:
        changes["thanked_at"] = thanked
    return _evolved(state, changes) if changes else state


def plan_many(
    interviews: Iterable[Interview],
    policy: Policy | None = DEFAULT_POLICY,
    *,
    histories: Iterable[Iterable[Event]] | None = None,
    now: datetime | None = None,
) -> Iterator[Plan]:
    """Plan many interviews lazily, one `Plan` per interview, in order.

    Nothing is held between interviews, so memory stays flat however many
    stream through (a nightly job over a whole CRM, or a Dask partition).

    Args:
        interviews: any iterable of interviews, consumed one at a time.
        policy: the policy for all of them.
        histories: the history of each interview, in the same order; when
            given it must be exactly as long as *interviews*.
        now: see every plan from this moment (see `plan`).

    Raises:
        InvalidInterview: as `plan`.
        InvalidArgument: when the histories run short or long; at once when
            *interviews* or *histories* is not iterable at all.
        InvalidPolicy: at once when *policy* is not a Policy.
    """
    if policy is not None and not isinstance(policy, Policy):
        raise InvalidPolicy("policy", policy, "expected a Policy")
    moment = None if now is None else _check_now(now)
    stream = _stream(interviews, "interviews")
    if histories is None:
        return (plan(interview, policy, now=moment) for interview in stream)
    return _paired(stream, _stream(histories, "histories"), policy, moment)


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
    interviews: Iterator[Any],
    histories: Iterator[Any],
    policy: Policy | None,
    now: datetime | None = None,
) -> Iterator[Plan]:
    pairs: Iterator[tuple[Any, Any]] = zip_longest(interviews, histories, fillvalue=_MISSING)
    for index, (each, history) in enumerate(pairs):
        if each is _MISSING or history is _MISSING:
            raise InvalidArgument(
                "histories", index, "there must be exactly one history per interview"
            )
        yield plan(each, policy, history=history, now=now)


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
            step = step._with_facts(
                attrs.evolve(step.facts, news=news, news_on=day, news_by=state.news_by)
            )
        kept.append(step)
    return kept


def contacts_to_come(state: FollowupState, notes: Iterable[Action] = ()) -> list[Action]:
    """The check-ins and feedback steps, each planned as if the previous one was done.

    See `_follow_ups`; this is the plan's part, without a *now*.
    """
    return _follow_ups(state, notes, None)[0]


_FOLLOW_UP_RULES: tuple[tuple[ActionKind, Callable[..., Action | None]], ...] = (
    (ActionKind.FEEDBACK_RESPONSE, rules.feedback_response),
    (ActionKind.FEEDBACK_REQUEST, rules.feedback_request),
    (ActionKind.CHECK_IN, rules.check_in),
)


def _follow_ups(
    state: FollowupState, notes: Iterable[Action], now: datetime | None
) -> tuple[list[Action], list[Action]]:
    """The check-ins and feedback steps still to make, and those missed.

    Every planned step is folded into the state exactly as a reported event
    would be, so the limits see planned and past contacts alike.  The *notes*
    still to send (thank-you notes, requested items) change no decision (the
    state already waits for every note's window, rule ``patience``), only
    which contact a step follows: each step is made, with its facts, from the
    state that has the notes sent before it, never one sent after it, as it
    will be when the plan is done and replanned.  The notes usually all go
    before the next step, so the steps are made from the state with all of
    them; a step that comes first (an answer to a request for feedback made
    right after the interview) is made again from the state with the notes
    sent before it.

    Seen from *now*, a step whose window closed is planned again in its next
    window (`Action.late_since`), unless it is past its late limit: then it
    is missed, and no later step of its kind is planned (they would follow
    it).  A feedback answer whose window passed is missed.
    """
    planned: list[Action] = []
    missed: list[Action] = []
    dropped: set[ActionKind] = set()
    waiting = sorted(notes, key=Action.sort_key)
    # A state made here is folded in place (`advance`, *owned*) while no code but the
    # library's own sees it: a policy that keeps `Policy`'s hooks is not called with it
    # (`rules.check_in`), and the facts keep what they read of it, never the state.
    private = _default_hooks(state.policy)
    mine = False  # *state* was made here
    while True:
        # as if every note still to send was sent (after the first step, usually none is)
        told = _thread_after(state, waiting) if waiting else state
        steps: list[tuple[Action, ActionKind, Callable[..., Action | None]]] = []
        for kind, make in _FOLLOW_UP_RULES:
            if dropped and kind in dropped:
                continue
            step = make(told)
            if step is None:
                continue
            # `_seen_from`, whose answer without a *now* is the step itself but for an answer
            # to a request for feedback: no call for the rest (issue 20, tenth pass)
            seen = (
                step
                if now is None and kind is not KIND_FEEDBACK_RESPONSE
                else _seen_from(kind, make, step, told, now)
            )
            if seen is None:
                missed.append(step)
                dropped.add(kind)
            else:
                steps.append((seen, kind, make))
        if not steps:
            return planned, missed
        first, kind, make = steps[0] if len(steps) == 1 else min(steps, key=_by_time)
        sent = waiting
        if waiting:
            key = first.sort_key()
            if waiting[-1].sort_key() >= key:  # not every note goes first (sorted: a prefix does)
                sent = [note for note in waiting if note.sort_key() < key]
        if len(sent) < len(waiting):  # a step before some notes: it follows only those sent
            told = _thread_after(state, sent)
            again = make(told)
            assert again is not None  # the notes change no decision
            seen = _seen_from(kind, make, again, told, now)
            assert seen is not None  # ... nor whether the step is missed
            first = seen
            del waiting[: len(sent)]
        else:
            waiting.clear()
        planned.append(first)
        state = advance(told, _as_made(first), owned=private and (mine or told is not state))
        mine = True


def _default_hooks(policy: Policy) -> bool:
    """Whether *policy*'s class keeps `Policy`'s hooks, the only code given a state there."""
    hooks = type(policy)
    return hooks.check_in_day is rules._DEFAULT_DAY and hooks.check_in_channel is (
        rules._DEFAULT_CHANNEL
    )


def _by_time(step: tuple[Action, ActionKind, Callable[..., Action | None]]) -> Any:
    return step[0].sort_key()


def _thread_after(state: FollowupState, notes: Sequence[Action]) -> FollowupState:
    """*state* with *notes* (in time order) sent to the contact as the history will say:
    the latest is the contact a later step follows (`FollowupState.previous`), the
    latest e-mailed one the thread a later e-mail answers (`FollowupState.last_email`),
    and their readers have what they asked for (`FollowupState.notes_to`).  Nothing else
    of the notes is folded in: they change no decision."""
    contact = state.interview._contact_key
    noted = state.notes_to.union(
        person_key(note.recipient.name) for note in notes if note.recipient is not None
    )
    previous = last_email = None
    for note in reversed(notes):
        person = note.recipient
        if person is not None and person_key(person.name) != contact:
            continue
        if previous is None:
            previous = _as_made(note)
            if note.channel is CHANNEL_EMAIL:
                last_email = previous
                break
        elif note.channel is CHANNEL_EMAIL:
            last_email = _as_made(note)
            break
    changes: dict[str, Any] = {} if noted == state.notes_to else {"notes_to": noted}
    if previous is None:
        return _evolved(state, changes) if changes else state
    changes["previous"] = previous
    if last_email is not None:
        changes["last_email"] = last_email
    return _evolved(state, changes)


def _seen_from(
    kind: ActionKind,
    make: Callable[..., Action | None],
    step: Action,
    state: FollowupState,
    now: datetime | None,
) -> Action | None:
    """*step* (as the history places it) seen from *now*: kept, cut, late, or None (missed)."""
    earliest, latest, _ = step._utc
    if kind is KIND_FEEDBACK_RESPONSE:
        cut = _later(state.now, now)
        snoozed = state.snoozed_until(state.next_key(kind)) if state.snoozes else None
        if (cut is not None and latest < cut) or (snoozed is not None and latest < snoozed):
            return None  # its window passed, or was snoozed away: too late to be quick
    if now is None or earliest >= now:
        return step
    again = make(state, now)
    assert again is not None  # the same state allows the same step
    if latest >= now:
        return again  # its window is open: what is left of it
    limit = rules.late_limit(step, state)
    if kind is KIND_FEEDBACK_RESPONSE or again._utc[0] > limit:
        return None
    return again._moved(again._utc, latest)


def _step_ids(
    interview: Interview, history: tuple[Event, ...], made: Plan
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ids of a plan's steps and missed steps (`Plan.ids`), counted after *history*."""
    return (
        identity.action_ids(made.actions, interview, history),
        identity.action_ids(made.missed, interview, history),
    )


def _as_made(step: Action) -> Event:
    """A planned step as the contact it will be when made as suggested."""
    person = None if step.recipient is None else step.recipient.name
    return trusted_contact(step._utc[2], step.channel, step.kind, person)


def _met_before(action: Action, met_before: Mapping[str, int]) -> Action:
    """*action* with `Facts.met_before` for its recipient, when they were met before."""
    person = action.recipient
    count = 0 if person is None else met_before.get(person_key(person.name), 0)
    if not count:
        return action
    return action._with_facts(attrs.evolve(action.facts, met_before=count))
