"""What the planner knew when it planned a step: the facts its message words.

Templates never work out the state of a follow-up themselves; the planner
already knows it, and hands it over with each `Action` as `Facts`.  Every
field is plain data, frozen and picklable, equal after replanning when the
plan's own steps were done as suggested (invariant 10 covers the facts too).

The path is explicit: the planner makes the steps (`followup_rules.rules`),
then each step's facts with the builders here (`for_interview`,
`for_follow_up`, `for_check_in`), from the state the history and the notes
sent before the step fold into; then `followup_rules.messages.template_context`
turns an action's facts into the words a template reads.  The facts are made
the first time they are read (`LazyFacts`, the one laziness of the path);
until then a planned follow-up keeps only what its facts will read of the
state (`_Told`), through the builders' positional forms (`_check_in_facts`,
`_follow_up_facts`, `_for_note`), which the public builders share.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, tzinfo
from enum import Enum
from typing import TYPE_CHECKING, Any, NamedTuple

import attrs

from . import _calendar as cal
from .events import Contact, Outcome
from .model import ActionKind, Channel, Interview, Salutation
from .timeframe import Timeframe

if TYPE_CHECKING:
    from .state import FollowupState

__all__ = [
    "NO_FACTS",
    "CallBasis",
    "Facts",
    "Fallback",
    "LazyFacts",
    "PreviousContact",
    "for_check_in",
    "for_follow_up",
    "for_interview",
    "previous_contact",
]


class CallBasis(Enum):
    """Why a call is allowed (rule ``one-call``); a script says "invited" only for ``INVITED``."""

    INVITED = "invited"
    """The employer invited a call (seed 000)."""
    PREFERRED = "preferred"
    """The interviewer said they prefer the phone (seed 004)."""
    TIMEFRAME = "timeframe"
    """A decision date or window was given (seed 000)."""
    POLICY = "policy"
    """Nobody invited it: the policy allows a call anyway (``calls_need_invitation=False``)."""


class Fallback(Enum):
    """Why a step uses another channel than the rules first chose."""

    NO_PHONE = "no_phone"
    """A call was allowed, but nobody knows the number: e-mail instead."""
    NO_ADDRESS = "no_address"
    """A mailed card needs an address, and none is known after a remote interview."""
    NIGHT = "night"
    """A call was allowed, but its window falls in the candidate's night: e-mail instead."""
    AFTER_HOURS = "after_hours"
    """The interview ends too late in the recruiter's day for a call: the debrief goes by
    e-mail that evening, offering a call (rule ``recruiter``)."""


@attrs.frozen
class PreviousContact:
    """The latest contact with the same person before this step.

    Attributes:
        day: its day, on the recipient's calendar.
        channel: how it went (a letter, an e-mail, a call).
        kind: what it was (a thank-you, a check-in...).
        voicemail: a call that reached voicemail, where a message was left.
        message_id: its ``Message-ID``, when the history gave it.
        subject: its subject, when the history gave it.
        out_of_office: an out-of-office reply answered it.
        answered: for a call, whether the person picked up (True), nobody
            did (False), or unknown (None): "I called you" needs True.
    """

    day: date
    channel: Channel
    kind: ActionKind
    voicemail: bool = False
    message_id: str | None = None
    subject: str | None = None
    out_of_office: bool = False
    answered: bool | None = None


@attrs.frozen(kw_only=True)
class Facts:
    """The facts a step's message may state; anything else it must not claim.

    Attributes:
        attempt: for a check-in, its number among all check-ins to this
            person, the history's included (1 for the first).
        attempts_left: check-ins the policy still allows after this one if
            nobody answers (rule ``cap``); 0 makes this the graceful close.
        first_close: the graceful close of the first run of check-ins, none of
            them answered: the only close that may say it is the last note for
            now (a later one, after "no decision yet" or a new run, does not say
            it again).
        previous: the latest contact with the recipient before this step.
        last_email: the latest e-mail to the recipient before this step:
            the thread a new e-mail answers ("Re:", ``In-Reply-To``), even
            when a call came after it; the same as *previous* when that was
            an e-mail.
        decision_by: the decision date in force (the end of a window).
        timeframe: the window it ends, when it was given as one.
        decision_given_on: the day the employer gave that date, when it came
            after the interview (a new date); None for the interview's own.
        call_basis: for a call, why it is allowed.
        calls_left: for a call, the calls the policy still allows after it.
        call_number: for a call, its number among the calls to the employer,
            the history's included (1 for the first): a retry's script and
            voicemail are worded anew from it, never said twice.
        news: the employer's latest outcome (`Update`), if any.
        news_on: the day it came (recipient's calendar).
        news_by: who gave the latest news (`Update.sender`, as the interview
            spells the name), fresh or not; None when not recorded.
        news_with_previous: the fresh news came at the very instant of the
            previous contact (a thank-you sent with it, which answered it); a
            contact made earlier the same day did not (words20).
        outcome: the final outcome heard, if any (offer, rejection, withdrawal).
        new_round: news of a next round (`Outcome.NEXT_ROUND`) still
            unanswered by a check-in.
        next_round_on: the day news of a next round came, while no later
            news has replaced it (answered or not): every check-in after it
            is about that round (what it involves, when), never about a
            decision, and never the "last note" of a candidate still in the
            running.
        replied_on: the day of the employer's latest plain reply, when it is
            newer than any news and than the previous contact.
        replied_by: who wrote that reply (a name), when it was not the
            recipient of this message; None when the recipient wrote it.
        late: a note sent after its window closed (a late thank-you): it
            names the interview's day rather than speaking of "today".
        fallback: why the channel is not the one the rules first chose.
        variant: which wording to use, so that notes in one plan differ.
        met_before: how many earlier interviews of the same thread the
            recipient was on (a later round in a file of its own, known when
            the applications are planned together: `followup_rules.loop.later_rounds`);
            0 when none is known.  A later round's note says so and takes
            other wordings than the notes of the rounds before.
        requested: what this message carries because the recipient asked.
        requested_by_email: a mailed card whose requested items go in a
            separate e-mail (rule ``thank-you``: nothing is dropped).
        card_by_post: an e-mail of requested items sent beside a mailed card.
        salutation: the greeting style of the policy.
        asks_next_steps: a check-in that asks what steps to expect (rule
            ``next-steps``, seed 002): its citation follows what it says.
        asks_feedback: an answer to the employer's request for feedback
            after a rejection that also asks for feedback on the interview,
            so that the rejection gets one answer, not two e-mails (rule
            ``feedback-request``).
        arrives_after_decision: a mailed card whose likely arrival (two
            business days after it is posted) is on or after the decision date:
            seed 002 warns it may sit unopened until after the decision.
        notes_to: for a follow-up, the people (`model.person_key`) whose
            thank-you or requested items went out before it, or are planned
            to: it says the material was sent only to them (a note the
            history shows missed went to no one).
    """

    attempt: int = 0
    attempts_left: int = 0
    first_close: bool = False
    previous: PreviousContact | None = None
    decision_by: date | None = None
    timeframe: Timeframe | None = None
    decision_given_on: date | None = None
    call_basis: CallBasis | None = None
    calls_left: int = 0
    call_number: int = 0
    news: Outcome | None = None
    news_on: date | None = None
    news_by: str | None = None
    news_with_previous: bool = False
    outcome: Outcome | None = None
    new_round: bool = False
    next_round_on: date | None = None
    replied_on: date | None = None
    replied_by: str | None = None
    late: bool = False
    fallback: Fallback | None = None
    variant: int = 0
    met_before: int = 0
    requested: tuple[str, ...] = ()
    requested_by_email: bool = False
    card_by_post: bool = False
    salutation: Salutation = Salutation.HONORIFIC
    asks_next_steps: bool = False
    asks_feedback: bool = False
    arrives_after_decision: bool = False
    last_email: PreviousContact | None = None
    notes_to: tuple[str, ...] = ()

    @property
    def final(self) -> bool:
        """A check-in after which the policy allows no more: it closes gracefully."""
        return self.attempt > 0 and self.attempts_left == 0


NO_FACTS = Facts()
"""The facts of a step that needs none (shared: facts are immutable)."""


# -- the builders: how the planner makes each step's facts, once ------------------------


def for_interview(
    interview: Interview,
    salutation: Salutation = Salutation.HONORIFIC,
    fallback: Fallback | None = None,
) -> Facts:
    """The facts of a step planned from the interview alone: its timeline.

    The steps in the room share one (their talking points greet nobody);
    the recruiter debrief adds the policy's salutation and why it is an
    e-mail when it is one.
    """
    decided = interview.decision_by
    return Facts(
        decision_by=interview.decision_date,
        timeframe=decided if isinstance(decided, Timeframe) else None,
        fallback=fallback,
        salutation=salutation,
    )


def _for_note(
    variant: int,
    requested: tuple[str, ...],
    salutation: Salutation,
    fallback: Fallback | None = None,
    requested_by_email: bool = False,
    card_by_post: bool = False,
    arrives_after_decision: bool = False,
) -> Facts:
    """The facts of a note right after the interview: a thank-you, or the items asked for.

    Positional, so that a planned note's `LazyFacts` keeps a tuple of values
    and no dict of keywords.
    """
    return Facts(
        variant=variant,
        requested=requested,
        salutation=salutation,
        fallback=fallback,
        requested_by_email=requested_by_email,
        card_by_post=card_by_post,
        arrives_after_decision=arrives_after_decision,
    )


class _Told(NamedTuple):
    """What a follow-up's facts read of the state it is made from, and nothing else.

    A planned follow-up keeps this until its facts are first read (see
    `LazyFacts`), rather than the whole `FollowupState` (a dict of some forty fields):
    the state itself is let go as soon as the planner has folded the step in.
    See `FollowupState` for each field's meaning.
    """

    previous: Contact | None
    last_email: Contact | None
    out_of_office_at: datetime | None
    decision_by: date | None
    timeframe: Timeframe | None
    decision_given_at: datetime | None
    news: Outcome | None
    news_at: datetime | None
    news_by: str | None
    next_round_at: datetime | None
    outcome: Outcome | None
    replied_at: datetime | None
    replied_by: str | None
    salutation: Salutation
    notes_to: frozenset[str]


def _told(state: FollowupState) -> _Told:
    """What the facts of a follow-up made from *state* will read of it (see `_Told`).

    Built by ``tuple.__new__`` from the values in field order: a named tuple's own
    constructor is a Python function around it (issue 20, tenth pass).
    """
    return _NEW_TOLD(
        _Told,
        (
            state.previous,
            state.last_email,
            state.out_of_office_at,
            state.decision_by,
            state.timeframe,
            state.decision_given_at,
            state.news,
            state.news_at,
            state.news_by,
            state.next_round_at,
            state.outcome,
            state.replied_at,
            state.replied_by,
            state.policy.salutation,
            state.notes_to,
        ),
    )


_NEW_TOLD = tuple.__new__


def previous_contact(state: FollowupState, contact: Contact, tz: tzinfo) -> PreviousContact:
    """A contact of the history as a later step's facts give it (its day in *tz*)."""
    return _previous(contact, state.out_of_office_at, tz)


def _previous(contact: Contact, away: datetime | None, tz: tzinfo) -> PreviousContact:
    """*contact* as a later step's facts give it; *away*: the latest out-of-office reply."""
    since = cal.utc(contact.at)
    return PreviousContact(
        cal.local_date(since, tz),
        contact.channel,
        contact.kind,
        contact.voicemail,
        contact.message_id,
        contact.subject,
        away is not None and away >= since,
        contact.answered,
    )


def for_follow_up(state: FollowupState, tz: tzinfo, **known: object) -> Facts:
    """The facts of a follow-up to the contact: what came before it, and the employer's news.

    *state* is the history as it will be when the step is made: the notes
    sent before it included (the planner folds them in first).  News (an
    update, a plain reply) is given only while it is fresh: newer than the
    previous contact with the person, so that a message answers it once.
    *known* adds the step's own facts (attempt, call basis...).
    """
    return _for_follow_up(_told(state), tz, known)


def _for_follow_up(seen: _Told, tz: tzinfo, known: dict[str, Any]) -> Facts:
    """`for_follow_up` from what it reads of the state (`_Told`)."""
    previous = seen.previous
    before: PreviousContact | None = None
    since = None
    away = seen.out_of_office_at
    if previous is not None:
        since = cal.utc(previous.at)
        before = _previous(previous, away, tz)
    thread = seen.last_email  # the e-mail a new one answers: often `previous` itself
    if thread is previous:
        last_email = before
    else:
        last_email = None if thread is None else _previous(thread, away, tz)
    news_at = seen.news_at
    fresh = news_at is not None and (since is None or news_at >= since)
    replied = seen.replied_at
    replied_on = replied_by = None
    if (
        replied is not None
        and (since is None or replied >= since)
        and (news_at is None or replied > news_at)
    ):
        replied_on = cal.local_date(replied, tz)
        replied_by = seen.replied_by  # None when the recipient (the contact) wrote it
    given = seen.decision_given_at
    return Facts(
        previous=before,
        last_email=last_email,
        decision_by=seen.decision_by,
        timeframe=seen.timeframe,
        decision_given_on=None if given is None else cal.local_date(given, tz),
        news=seen.news if fresh else None,
        news_on=cal.local_date(news_at, tz) if fresh and news_at is not None else None,
        news_by=seen.news_by,
        news_with_previous=fresh and since is not None and news_at == since,
        new_round=seen.next_round_at is not None,
        next_round_on=None
        if seen.news is not Outcome.NEXT_ROUND or news_at is None
        else cal.local_date(news_at, tz),
        outcome=seen.outcome,
        replied_on=replied_on,
        replied_by=replied_by,
        salutation=seen.salutation,
        notes_to=tuple(sorted(seen.notes_to)),
        **known,
    )


def for_check_in(
    state: FollowupState,
    tz: tzinfo,
    *,
    attempts_left: int,
    call_basis: CallBasis | None,
    calls_left: int,
    fallback: Fallback | None,
    asks_next_steps: bool,
) -> Facts:
    """The facts of a check-in: its number, what is left after it, why a call (see `Facts`)."""
    return _check_in_facts(
        _told(state),
        tz,
        state.check_ins_total + 1,
        attempts_left,
        attempts_left == 0 and state.check_ins == state.check_ins_total,
        call_basis,
        calls_left,
        state.calls + 1 if call_basis is not None else 0,
        fallback,
        asks_next_steps,
    )


def _check_in_facts(
    seen: _Told,
    tz: tzinfo,
    attempt: int,
    attempts_left: int,
    first_close: bool,
    call_basis: CallBasis | None,
    calls_left: int,
    call_number: int,
    fallback: Fallback | None,
    asks_next_steps: bool,
) -> Facts:
    """`for_check_in` from what it reads of the state, positional (for `LazyFacts`)."""
    return _for_follow_up(
        seen,
        tz,
        {
            "attempt": attempt,
            "attempts_left": attempts_left,
            "first_close": first_close,
            "call_basis": call_basis,
            "calls_left": max(0, calls_left),
            "call_number": call_number,
            "fallback": fallback,
            "asks_next_steps": asks_next_steps,
        },
    )


def _follow_up_facts(seen: _Told, tz: tzinfo, asks_feedback: bool = False) -> Facts:
    """`for_follow_up` of a feedback step, positional (for `LazyFacts`)."""
    return _for_follow_up(seen, tz, {"asks_feedback": asks_feedback} if asks_feedback else {})


class LazyFacts:
    """The facts of a planned follow-up, made the first time they are read, then kept.

    The one laziness of the facts path, made in one place (the planner's
    follow-up rules) and read in one place (`Action.facts`, which keeps
    what it makes).  A follow-up's facts fold the history before it (the
    previous contact, fresh news, the thread), and most plans are sorted,
    filtered and stored without anyone writing their messages: made eagerly,
    they cost about a tenth of `plan()` (issue 20, measured side by side).

    They keep only the builder and its positional arguments (no dict of
    keywords): a follow-up's are what its facts read of the state (`_Told`),
    never the state itself, so that a plan does not keep the states it
    folded through (issue 20: a 37-field dict each).
    """

    __slots__ = ("_args", "_build", "_made")

    def __init__(self, build: Callable[..., Facts], *args: Any) -> None:
        self._build = build
        self._args = args
        self._made: Facts | None = None

    def get(self) -> Facts:
        """The facts: ``build(*args)``, made once."""
        made = self._made
        if made is None:
            made = self._made = self._build(*self._args)
            self._args = ()  # what they read is no longer held
        return made

    def __repr__(self) -> str:
        return f"LazyFacts({getattr(self._build, '__name__', self._build)})"


def _lazy_facts(build: Callable[..., Facts], *args: Any) -> LazyFacts:
    """``LazyFacts(build, *args)``, made without calling the class: a class call runs
    ``__init__`` as a Python call of its own, with the arguments packed once more
    (issue 20, eleventh pass: the planner makes six or seven a plan)."""
    made = _NEW_LAZY(LazyFacts)
    made._build = build
    made._args = args
    made._made = None
    return made


_NEW_LAZY = object.__new__
