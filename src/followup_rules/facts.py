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
the first time they are read (`LazyFacts`, the one laziness of the path).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, tzinfo
from enum import Enum
from typing import TYPE_CHECKING, Any

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
        news: the employer's latest outcome (`Update`), if any.
        news_on: the day it came (recipient's calendar).
        news_by: who gave the latest news (`Update.sender`, as the interview
            spells the name), fresh or not; None when not recorded.
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
            business days after it is posted) is after the decision date:
            seed 002 warns it may sit unopened until after the decision.
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
    news: Outcome | None = None
    news_on: date | None = None
    news_by: str | None = None
    outcome: Outcome | None = None
    new_round: bool = False
    next_round_on: date | None = None
    replied_on: date | None = None
    replied_by: str | None = None
    late: bool = False
    fallback: Fallback | None = None
    variant: int = 0
    requested: tuple[str, ...] = ()
    requested_by_email: bool = False
    card_by_post: bool = False
    salutation: Salutation = Salutation.HONORIFIC
    asks_next_steps: bool = False
    asks_feedback: bool = False
    arrives_after_decision: bool = False
    last_email: PreviousContact | None = None

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


def previous_contact(state: FollowupState, contact: Contact, tz: tzinfo) -> PreviousContact:
    """A contact of the history as a later step's facts give it (its day in *tz*)."""
    since = cal.utc(contact.at)
    away = state.out_of_office_at
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
    previous = state.previous
    before: PreviousContact | None = None
    since = None
    if previous is not None:
        since = cal.utc(previous.at)
        before = previous_contact(state, previous, tz)
    thread = state.last_email  # the e-mail a new one answers: often `previous` itself
    if thread is previous:
        last_email = before
    else:
        last_email = None if thread is None else previous_contact(state, thread, tz)
    news_at = state.news_at
    fresh = news_at is not None and (since is None or news_at >= since)
    replied = state.replied_at
    replied_on = replied_by = None
    if (
        replied is not None
        and (since is None or replied >= since)
        and (news_at is None or replied > news_at)
    ):
        replied_on = cal.local_date(replied, tz)
        replied_by = state.replied_by  # None when the recipient (the contact) wrote it
    given = state.decision_given_at
    return Facts(
        previous=before,
        last_email=last_email,
        decision_by=state.decision_by,
        timeframe=state.timeframe,
        decision_given_on=None if given is None else cal.local_date(given, tz),
        news=state.news if fresh else None,
        news_on=cal.local_date(news_at, tz) if fresh and news_at is not None else None,
        news_by=state.news_by,
        new_round=state.next_round_at is not None,
        next_round_on=None
        if state.news is not Outcome.NEXT_ROUND or news_at is None
        else cal.local_date(news_at, tz),
        outcome=state.outcome,
        replied_on=replied_on,
        replied_by=replied_by,
        salutation=state.policy.salutation,
        **known,  # type: ignore[arg-type]
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
    return for_follow_up(
        state,
        tz,
        attempt=state.check_ins_total + 1,
        attempts_left=attempts_left,
        first_close=attempts_left == 0 and state.check_ins == state.check_ins_total,
        call_basis=call_basis,
        calls_left=max(0, calls_left),
        fallback=fallback,
        asks_next_steps=asks_next_steps,
    )


class LazyFacts:
    """The facts of a planned follow-up, made the first time they are read, then kept.

    The one laziness of the facts path, made in one place (the planner's
    follow-up rules) and read in one place (`Action.facts`, which keeps
    what it makes).  A follow-up's facts fold the history before it (the
    previous contact, fresh news, the thread), and most plans are sorted,
    filtered and stored without anyone writing their messages: made eagerly,
    they cost about a tenth of `plan()` (issue 20, measured side by side).
    """

    __slots__ = ("_args", "_build", "_known", "_made")

    def __init__(self, build: Callable[..., Facts], *args: Any, **known: Any) -> None:
        self._build = build
        self._args = args
        self._known = known
        self._made: Facts | None = None

    def get(self) -> Facts:
        """The facts: ``build(*args, **known)``, made once."""
        made = self._made
        if made is None:
            made = self._made = self._build(*self._args, **self._known)
            self._args, self._known = (), {}  # the state they read is no longer held
        return made

    def __repr__(self) -> str:
        return f"LazyFacts({getattr(self._build, '__name__', self._build)})"
