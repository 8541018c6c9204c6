"""What the planner knew when it planned a step: the facts its message words.

Templates never work out the state of a follow-up themselves; the planner
already knows it, and hands it over with each `Action` as `Facts`.  Every
field is plain data, frozen and picklable, equal after replanning when the
plan's own steps were done as suggested (invariant 10 covers the facts too).
"""

from __future__ import annotations

from datetime import date
from enum import Enum

import attrs

from .events import Outcome
from .model import ActionKind, Channel, Salutation
from .timeframe import Timeframe

__all__ = ["CallBasis", "Facts", "Fallback", "PreviousContact"]


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

    __hash__ = object.__hash__


class Fallback(Enum):
    """Why a step uses another channel than the rules first chose."""

    NO_PHONE = "no_phone"
    """A call was allowed, but nobody knows the number: e-mail instead."""
    NO_ADDRESS = "no_address"
    """A mailed card needs an address, and none is known after a remote interview."""
    AFTER_HOURS = "after_hours"
    """The interview ends too late in the recruiter's day for a call: the debrief goes by
    e-mail that evening, offering a call (rule ``recruiter``)."""

    __hash__ = object.__hash__


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
    previous: PreviousContact | None = None
    decision_by: date | None = None
    timeframe: Timeframe | None = None
    decision_given_on: date | None = None
    call_basis: CallBasis | None = None
    calls_left: int = 0
    news: Outcome | None = None
    news_on: date | None = None
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
