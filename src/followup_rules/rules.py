"""The planner's rules: one small function per step rule of the catalogue.

The records (id, summary, quotes, knobs) are in `followup_rules.catalogue`
and re-exported here (``rules.RULES``, ``rules.THANK_YOU``...).  The
functions are plain and pure so they can be tested, profiled and mutated
one by one:

- step rules build `Action` objects (``cards``, ``timeline``, ``permission``,
  ``closing``, made in one batch by `in_room`; ``thank-you``, ``recruiter``,
  the check-ins and feedback);
- limit rules bound them: the days are the units of `followup_rules.limits`
  (``patience``, ``retry-gap``, the deadline's and the news' waits, ``cap``,
  ``stop``), shared with `followup_rules.audit`; ``one-call`` is
  `allowed_channel` here, over the policy's `call_basis`;
- choice rules pick a channel or a message (``preferred-channel``,
  ``next-steps``).
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from . import _calendar as cal
from . import limits
from ._members import (
    BASIS_PREFERRED,
    CHANNEL_EMAIL,
    CHANNEL_IN_PERSON,
    CHANNEL_PHONE,
    CHANNEL_POSTAL,
    FALLBACK_AFTER_HOURS,
    FALLBACK_NIGHT,
    FALLBACK_NO_ADDRESS,
    FALLBACK_NO_PHONE,
    FORMAT_IN_PERSON,
    KIND_ASK_FOR_CARDS,
    KIND_CHECK_IN,
    KIND_FEEDBACK_REQUEST,
    KIND_FEEDBACK_RESPONSE,
    KIND_RECRUITER_DEBRIEF,
    KIND_THANK_YOU,
    OUTCOME_REJECTED,
)
from ._steps import IN_ROOM_KINDS, NOTE_KINDS
from ._validate import LATEST_EVENT
from .action import Action, Instants
from .catalogue import (
    CAP,
    CARDS,
    CHECK_IN_AFTER_DEADLINE,
    CHECK_IN_NO_DEADLINE,
    CLOSING,
    FEEDBACK_REQUEST,
    FEEDBACK_RESPONSE,
    NEXT_STEPS,
    ONE_CALL,
    PATIENCE,
    PERMISSION,
    PREFERRED_CHANNEL,
    RECRUITER,
    RETRY_GAP,
    RULES,
    STOP,
    THANK_YOU,
    TIMELINE,
    UNDECIDED,
    Rule,
    catalogue_markdown,
    rule,
)
from .errors import InvalidPolicy
from .facts import (
    CallBasis,
    Facts,
    Fallback,
    LazyFacts,
    _check_in_facts,
    _follow_up_facts,
    _for_note,
    _lazy_facts,
    _told,
    for_interview,
)
from .model import ActionKind, Channel, Interview, Interviewer
from .policy import (
    Policy,
    call_basis,
    calls_allowed,
    default_check_in_channel,
    default_check_in_choice,
)
from .sources import SEED_004, SEEDS
from .state import asks_feedback

if TYPE_CHECKING:
    from .state import FollowupState


# The records of the catalogue, and the policy's default choices of channel,
# stay importable from here, as before.
__all__ = [
    "CAP",
    "CARDS",
    "CHECK_IN_AFTER_DEADLINE",
    "CHECK_IN_NO_DEADLINE",
    "CLOSING",
    "FEEDBACK_REQUEST",
    "FEEDBACK_RESPONSE",
    "NEXT_STEPS",
    "ONE_CALL",
    "PATIENCE",
    "PERMISSION",
    "PREFERRED_CHANNEL",
    "RECRUITER",
    "RETRY_GAP",
    "RULES",
    "SEEDS",
    "STOP",
    "THANK_YOU",
    "TIMELINE",
    "UNDECIDED",
    "Rule",
    "call_basis",
    "calls_allowed",
    "catalogue_markdown",
    "default_check_in_channel",
    "rule",
]

_FEEDBACK_ANSWER_SOURCES = tuple(sorted({*FEEDBACK_RESPONSE.sources, *FEEDBACK_REQUEST.sources}))
"""An answer to their request for feedback that also asks for it (after a rejection)."""


_facts = _lazy_facts
"""A step's facts, ``LazyFacts(build, *args)`` (`facts._lazy_facts`): the only way the
planner makes them.

They are made the first time they are read: most plans are sorted,
filtered and stored without anyone writing their messages, and making
every step's facts at once costs about a sixth of `plan()` (issue 20,
measured side by side).  A follow-up's *state* already has the notes sent
before it (see `followup_rules.plan`), so its facts tell the history as it
will be.
"""


def room_facts(interview: Interview) -> LazyFacts:
    """The facts of every in-room step of a plan: one object, the interview's timeline."""
    return _facts(for_interview, interview)


@lru_cache(maxsize=256)
def _sources(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """The seed files of several rules, merged and sorted (a handful of combinations)."""
    return tuple(sorted({source for part in parts for source in part}))


# -- in the interview: cards, timeline, permission, closing ---------------------

# Where in the interview each step belongs, in percent of its length: the
# closing statement leads into the timeline question, then the permission to
# follow up, then the cards on the way out (seeds 001, 004).  Whole numbers,
# because timedelta arithmetic on integers is exact and cheap.
_TO_THE_CONTACT = (
    (ActionKind.CLOSING_STATEMENT, CLOSING, 80),
    (ActionKind.ASK_TIMELINE, TIMELINE, 85),
    (ActionKind.ASK_PERMISSION, PERMISSION, 90),
)
_CARDS_AT = 95
# The cards share the last stretch before 99%, one moment per interviewer.
_CARDS_SPAN = 4


_REMOTE_CLOSING_SOURCES = _sources(CLOSING.sources, CARDS.sources)
"""The closing statement's sources after a remote interview: it asks for a card's details."""


def in_room(interview: Interview, facts: LazyFacts | None = None) -> list[Action]:
    """Rules ``closing``, ``timeline``, ``permission`` and ``cards``: the steps in the room.

    Made in one batch, in this order: they share the interview's window,
    zone and facts (`facts.for_interview`: one object for all of them), and
    each is suggested at its share of the way into the interview.  Each
    step's template holds its talking points (``closing_statement``,
    ``ask_for_cards``...).  After a video or phone interview there are no
    cards: the closing statement asks each interviewer for their e-mail
    address and title instead (rule ``cards``: the details a card would give).
    """
    start, end = interview._utc_span
    duration = interview.duration
    tz = interview._zone
    contact = interview.follow_up_contact
    shared = room_facts(interview) if facts is None else facts
    remote = interview.format is not FORMAT_IN_PERSON
    steps = []
    for kind, item, at in _TO_THE_CONTACT:
        sources = item.sources
        if remote and item is CLOSING:
            sources = _REMOTE_CLOSING_SOURCES
        steps.append(
            Action._planned(
                kind=kind,
                channel=CHANNEL_IN_PERSON,
                recipient=contact,
                window=(start, end, start + duration * at // 100),
                tz=tz,
                rule=item.id,
                sources=sources,
                template=kind._value_,  # the talking points: the kind's own name
                facts=shared,
            )
        )
    if remote:
        return steps
    count = len(interview.interviewers)
    for i, person in enumerate(interview.interviewers):
        moment = start + duration * (_CARDS_AT * count + _CARDS_SPAN * i) // (100 * count)
        steps.append(
            Action._planned(
                kind=KIND_ASK_FOR_CARDS,
                channel=CHANNEL_IN_PERSON,
                recipient=person,
                window=(start, end, moment),
                tz=tz,
                rule=CARDS.id,
                sources=CARDS.sources,
                template=KIND_ASK_FOR_CARDS._value_,
                facts=shared,
            )
        )
    return steps


def _of_kind(steps: list[Action], kind: ActionKind) -> Action:
    return next(step for step in steps if step.kind is kind)


def cards(interview: Interview, facts: LazyFacts | None = None) -> list[Action]:
    """Rule ``cards``: one card to collect per interviewer, on the way out (see `in_room`).

    Only an in-person interview hands out cards; after a video or phone
    interview the closing statement asks for the details instead.
    """
    return [step for step in in_room(interview, facts) if step.kind is ActionKind.ASK_FOR_CARDS]


def timeline(interview: Interview, facts: LazyFacts | None = None) -> Action:
    """Rule ``timeline``: ask when they expect to decide (see `in_room`)."""
    return _of_kind(in_room(interview, facts), ActionKind.ASK_TIMELINE)


def permission(interview: Interview, facts: LazyFacts | None = None) -> Action:
    """Rule ``permission``: say you are interested, ask to check back then, and how."""
    return _of_kind(in_room(interview, facts), ActionKind.ASK_PERMISSION)


def closing(interview: Interview, facts: LazyFacts | None = None) -> Action:
    """Rule ``closing``: sum up the fit, ask about doubts and next steps (see `in_room`).

    After a video or phone interview it also asks each interviewer for their
    e-mail address and title (rule ``cards``: the details a card would give).
    """
    return _of_kind(in_room(interview, facts), ActionKind.CLOSING_STATEMENT)


# -- right after: thank-you notes and the recruiter ----------------------------

# "As soon as you return home" (seeds 001, 003): aim an hour after the end.
_RETURN_HOME = timedelta(hours=1)
# The recruiter should hear it first, before the interviewer calls them (000).
_RECRUITER_DELAY = timedelta(minutes=15)
# Less of their business day than this left, and the call waits for the next one.
_RECRUITER_MIN_WINDOW = timedelta(minutes=30)
# A card posted on a business day is likely delivered two business days later
# (first-class post); seed 002 warns it may arrive after the decision.  A card that
# arrives on the decision day itself arrives too late to count (the r22 readers in all
# four languages, 04.6/04.7: posted two days before the decision, no warning).
_POST_DAYS = 2


def thank_you(interview: Interview, policy: Policy) -> list[Action]:
    """Rule ``thank-you``: one note per interviewer (or only the contact), and their items.

    E-mail: due within `Policy.thank_you_within` of the end, suggested in
    the recipient's send window when that still fits.  Post: written that day
    and mailed on the candidate's next business day (seed 003), or the same
    day (seed 004, `Policy.mail_card_immediately`).  What an interviewer asked
    for goes to them alone, in their e-mailed note, or by a separate e-mail
    beside a card or when they get no note (kind ``SEND_REQUESTED``).
    """
    contact = interview.follow_up_contact
    steps: list[Action] = []
    windows: dict[int, Instants] = {}  # by the zone's identity: one window a zone
    for variant, person in enumerate(interview.interviewers):
        requested = interview.requested_by(person)
        if policy.thank_you_each_interviewer or person is contact:
            note = _thank_you_to(interview, policy, person, variant, requested, windows)
            steps.append(note)
            if not (requested and note.channel is Channel.POSTAL):
                continue
        elif not requested:
            continue
        card = policy.thank_you_each_interviewer or person is contact
        steps.append(
            _requested_items(interview, policy, person, variant, requested, card, windows)
        )
    return steps


def _thank_you_to(
    interview: Interview,
    policy: Policy,
    person: Interviewer,
    variant: int,
    requested: tuple[str, ...],
    windows: dict[int, Instants],
) -> Action:
    end = interview._utc_span[1]
    channel = policy.thank_you_channel_for(person)
    if channel not in (CHANNEL_EMAIL, CHANNEL_POSTAL):
        raise InvalidPolicy(
            f"{type(policy).__name__}.thank_you_channel_for",
            channel,
            "must return EMAIL or POSTAL",
        )
    fallback = None
    if (
        channel is CHANNEL_POSTAL
        and interview.format is not FORMAT_IN_PERSON
        and not (person.address or interview.address)
    ):
        # After a remote interview the candidate never saw the office: a
        # mailed card needs an address, else the note goes by e-mail.
        channel, fallback = CHANNEL_EMAIL, FALLBACK_NO_ADDRESS
    if channel is CHANNEL_POSTAL:
        hours = policy.send_window
        holidays = policy.business_holidays
        tz = interview._home_zone
        ended = cal.local_date(end, tz)
        if policy.mail_card_immediately:  # seed 004: into the post on the way home
            aim = end + _RETURN_HOME
            closes = max(cal.day_end(ended, tz), aim)  # the whole day it ended on
            window = (end, closes, aim)
            mail_day = ended
        else:  # seed 003: written at home, mailed the next day
            mail_day = cal.add_business_days(ended, 1, holidays)
            opens, closes = cal.first_window(
                mail_day, hours.start, hours.end, tz, holidays=holidays
            )
            window = (end, closes, opens)
        decided = interview.decision_date
        late = (
            decided is not None
            and cal.add_business_days(mail_day, _POST_DAYS, holidays) >= decided
        )
        return Action._planned(
            kind=KIND_THANK_YOU,
            channel=channel,
            recipient=person,
            window=window,
            tz=tz,
            rule=THANK_YOU.id,
            sources=THANK_YOU.sources,
            template="thank_you_card",
            facts=_facts(
                _for_note,
                variant,
                requested,
                policy.salutation,
                None,  # no fallback
                bool(requested),  # the items go in a separate e-mail
                False,
                late,  # it may arrive after the decision
            ),
        )
    tz = interview.zone_of(person)
    return Action._planned(
        kind=KIND_THANK_YOU,
        channel=channel,
        recipient=person,
        window=_soon_after(interview, policy, tz, windows),
        tz=tz,
        rule=THANK_YOU.id,
        sources=THANK_YOU.sources,
        template="thank_you_email",
        facts=_facts(_for_note, variant, requested, policy.salutation, fallback),
    )


def _soon_after(
    interview: Interview, policy: Policy, tz: tzinfo, windows: dict[int, Instants]
) -> Instants:
    """The window of an e-mail right after the interview to someone in *tz*.

    Due within `Policy.thank_you_within` of the end, suggested an hour after
    it ("as soon as you return home"), moved into the recipient's send
    window when that still fits.  *windows* holds those already worked out
    for this interview, by the zone's identity: interviewers who share a
    zone share the window, found once (issue 20, ninth pass).
    """
    known = windows.get(id(tz))
    if known is not None:
        return known
    end = interview._utc_span[1]
    within = policy.thank_you_within
    latest = end + within
    aim = end + (_RETURN_HOME if within > _RETURN_HOME else within)
    best = sending_moment(aim, latest, tz, policy)
    if best <= latest and (
        tz is not interview._home_zone
        or not _WAKES <= policy.send_window.start <= policy.send_window.end <= _SLEEPS
    ):  # in the recipient's send window or waking hours: the candidate's too when they share
        # a clock whose send window is in the day
        best = awake_suggestion(best, latest, tz, interview, policy)
    window = windows[id(tz)] = (end, latest, best if best <= latest else aim)
    return window


def _requested_items(
    interview: Interview,
    policy: Policy,
    person: Interviewer,
    variant: int,
    requested: tuple[str, ...],
    card: bool,
    windows: dict[int, Instants],
) -> Action:
    """What *person* asked for, by e-mail, when no e-mailed note carries it (seed 004)."""
    tz = interview.zone_of(person)
    return Action._planned(
        kind=ActionKind.SEND_REQUESTED,
        channel=Channel.EMAIL,
        recipient=person,
        window=_soon_after(interview, policy, tz, windows),
        tz=tz,
        rule=THANK_YOU.id,
        sources=_REQUESTED_SOURCES,
        template="requested_items_email",
        facts=_facts(
            _for_note,
            variant,
            requested,
            policy.salutation,
            None,  # no fallback
            False,  # the items are this e-mail
            card,  # beside a mailed card
        ),
    )


_REQUESTED_SOURCES = (SEED_004,)  # "include any additional information you may have been asked"


def recruiter(interview: Interview, policy: Policy) -> Action | None:
    """Rule ``recruiter``: call the agency recruiter right after, in their business hours.

    A recruiter who also interviewed the candidate is the employer (no
    debrief).  With no known number, the debrief goes by e-mail when the
    address is known.  When the interview ends too late in the recruiter's
    day for a call, the details go by e-mail that evening (seed 000: as soon
    as possible; the interviewer will not call them before morning either),
    offering a call; without an address, the call waits for the morning.
    """
    person = interview.recruiter
    if person is None or interview.recruiter_interviewed:
        return None
    end = interview._utc_span[1]
    tz = interview.zone_of(person)
    hours = policy.send_window
    holidays = policy.business_holidays
    opens = cal.first_moment_in_window(end, hours.start, hours.end, tz, holidays)
    day = cal.local_date(opens, tz)
    closes = cal.window_on(day, hours.start, hours.end, tz)
    short = closes is None or closes[1] - opens < _RECRUITER_MIN_WINDOW
    if person.email is not None and (short or day != cal.local_date(end, tz)):
        latest = end + max(policy.recruiter_debrief_within, _RECRUITER_DELAY)
        return Action._planned(
            kind=KIND_RECRUITER_DEBRIEF,
            channel=CHANNEL_EMAIL,
            recipient=person,
            window=(
                end,
                latest,
                awake_suggestion(end + _RECRUITER_DELAY, latest, tz, interview, policy),
            ),
            tz=tz,
            rule=RECRUITER.id,
            sources=RECRUITER.sources,
            template="recruiter_debrief_email",
            facts=_facts(for_interview, interview, policy.salutation, FALLBACK_AFTER_HOURS),
        )
    if closes is None or short:
        # Too late in their day for a real conversation: first thing next business day.
        closes = cal.first_window(
            cal.add_business_days(day, 1, holidays), hours.start, hours.end, tz, holidays=holidays
        )
        opens = closes[0]
    latest = min(opens + policy.recruiter_debrief_within, closes[1])
    suggested = min(opens + _RECRUITER_DELAY, latest)
    channel, template, fallback = CHANNEL_PHONE, "recruiter_debrief_call", None
    if person.phone is None and person.email is not None:
        channel, template, fallback = CHANNEL_EMAIL, "recruiter_debrief_email", FALLBACK_NO_PHONE
        suggested = awake_suggestion(suggested, latest, tz, interview, policy)
    return Action._planned(
        kind=KIND_RECRUITER_DEBRIEF,
        channel=channel,
        recipient=person,
        window=(opens, latest, suggested),
        tz=tz,
        rule=RECRUITER.id,
        sources=RECRUITER.sources,
        template=template,
        facts=_facts(for_interview, interview, policy.salutation, fallback),
    )


# -- the check-ins ------------------------------------------------------------


def check_in_rule(state: FollowupState) -> Rule:
    """The rule a check-in cites: the one that sets its pace.

    Word of a next round (``next-steps``), else "no decision yet"
    (``undecided``), else a try after an unanswered one (``retry-gap``), else
    the deadline's wait (`limits.DEADLINE`).  Its first day is the latest of
    every limit's (`limits.CHECK_IN`), whichever rule it cites.
    """
    if state.next_round_at is not None:
        return NEXT_STEPS
    if state.undecided_at is not None:
        return UNDECIDED
    if state.check_ins > 0:
        return RETRY_GAP
    return limits.DEADLINE.rule(state)


def allowed_channel(
    state: FollowupState, wanted: object
) -> tuple[Channel, CallBasis | None, Fallback | None]:
    """Enforce ``one-call`` on whatever a policy hook chose.

    A call needs a reason (`call_basis`) and a known number: without a
    reason it is an e-mail; without a number it is an e-mail that says why.
    """
    if wanted is not Channel.PHONE:
        return _BY_EMAIL
    return _one_call(state, call_basis(state))


def _one_call(
    state: FollowupState, basis: CallBasis | None
) -> tuple[Channel, CallBasis | None, Fallback | None]:
    """`allowed_channel` of a PHONE wanted, given `call_basis` of *state*."""
    if basis is None:
        return _BY_EMAIL
    if state.interview.follow_up_contact.phone is None:
        return CHANNEL_EMAIL, None, FALLBACK_NO_PHONE
    return CHANNEL_PHONE, basis, None


_BY_EMAIL: tuple[Channel, CallBasis | None, Fallback | None] = (Channel.EMAIL, None, None)


def next_steps_template(state: FollowupState, channel: Channel) -> str:
    """Rule ``next-steps``: after a next round, or without a date, ask what steps to expect."""
    if channel is CHANNEL_PHONE:
        return "check_in_call"
    if state.decision_by is None or state.next_round_at is not None:
        return "next_steps_email"
    return "check_in_email"


# A hook's day past this could not be recorded done (`Contact.at` ends at
# LATEST_EVENT), and business-day arithmetic near year 9999 overflows.
_LATEST_CHOICE = LATEST_EVENT - timedelta(days=60)
# How far past the first allowed day a policy hook may put a check-in: with
# at most 40 contacts, the plan stays within a century of the last date given
# (_validate.LATEST_EVENT), and no arithmetic overflows.
_HOOK_REACH = timedelta(days=366)


def _hook_day(policy: Policy, chosen: object, earliest: date) -> date:
    """The day `Policy.check_in_day` chose, checked: a plain date within reach.

    Raises:
        InvalidPolicy: not a date, more than a year after *earliest*, or past
            the last day a step may take.
    """
    hook = f"{type(policy).__name__}.check_in_day"
    if not isinstance(chosen, date) or isinstance(chosen, datetime):
        raise InvalidPolicy(hook, chosen, "must return a date")
    if chosen > earliest + _HOOK_REACH:  # so that every step stays one done() accepts
        raise InvalidPolicy(
            hook,
            chosen,
            f"must return a day within a year of the first allowed day, {earliest.isoformat()}",
        )
    if chosen > earliest and chosen > _LATEST_CHOICE:
        raise InvalidPolicy(
            hook, chosen, f"is too far in the future (a step may take {_LATEST_CHOICE} at most)"
        )
    if type(chosen) is not date:  # a date subclass (pendulum's): plain, for fast arithmetic
        return date(chosen.year, chosen.month, chosen.day)
    return chosen


_DEFAULT_DAY = Policy.check_in_day
_DEFAULT_CHANNEL = Policy.check_in_channel
"""`Policy`'s own hooks: a policy whose class keeps them gets what they give, without
the calls (`check_in`)."""


def check_in(state: FollowupState, open_from: datetime | None = None) -> Action | None:
    """The next check-in allowed by ``stop``, ``cap``, the pace rules and the windows.

    A snoozed check-in waits for its first window after the snooze.  With
    *open_from* (a plan seen from *now*), a window that closed before it is
    passed over and one open then starts at it: the check-in as it can
    still be made.
    """
    policy = state.policy
    if limits.first_closed(limits.CHECK_IN_GATES, state) is not None:  # rules stop and cap
        return None
    left = state.check_ins_left
    person = state.interview.follow_up_contact  # `state.contact`, read without a call
    tz = state.interview._contact_zone
    earliest = limits.first_day(limits.CHECK_IN, state, tz)
    assert earliest is not None  # the deadline's wait always sets a day
    pace = check_in_rule(state)
    hooks = type(policy)
    # The default hooks are not called but done here (issue 20, eleventh pass): the day is
    # the first allowed one, and the channel's call basis is worked out once.
    chosen = (
        earliest if hooks.check_in_day is _DEFAULT_DAY else policy.check_in_day(state, earliest)
    )
    if type(chosen) is not date or chosen > earliest:  # else the first allowed day
        chosen = _hook_day(policy, chosen, earliest)
    if hooks.check_in_channel is _DEFAULT_CHANNEL:
        wanted, basis = default_check_in_choice(state)
        channel, basis, fallback = (
            _one_call(state, basis) if wanted is CHANNEL_PHONE else _BY_EMAIL
        )
    else:
        wanted = policy.check_in_channel(state)
        if not isinstance(wanted, Channel):
            raise InvalidPolicy(
                f"{type(policy).__name__}.check_in_channel", wanted, "must return a Channel"
            )
        channel, basis, fallback = allowed_channel(state, wanted)
    snoozed = state.snoozed_until(state.next_key(KIND_CHECK_IN)) if state.snoozes else None
    if snoozed is not None and (open_from is None or snoozed > open_from):
        open_from = snoozed
    day = max(chosen, earliest)
    # The first moment rule ``patience`` allows (every thank-you window closed) cuts the
    # window it falls in, as `audit` judges it: a check-in may go in the rest of that
    # window rather than waiting for the next whole one.
    quiet = limits.first_moment(limits.CHECK_IN_TIMED, state)
    if quiet is not None and (open_from is None or quiet > open_from):
        open_from = quiet
    not_before = state.now
    holidays = policy.business_holidays
    if channel is CHANNEL_PHONE:
        call = policy.call_window
        opens, closes = cal.first_window(
            day,
            call.start,
            call.end,
            tz,
            not_before=not_before,
            holidays=holidays,
            open_from=open_from,
        )
        # Judged on the day's whole call window, not on what is left of it at *now*
        # or after a gap: one decision per step, whenever the plan is made.
        whole = cal.window_on(cal.local_date(opens, tz), call.start, call.end, tz)
        if _at_night(*(whole or (opens, closes)), state):  # the library's own choice: e-mail
            channel, basis, fallback = CHANNEL_EMAIL, None, FALLBACK_NIGHT
    if channel is not CHANNEL_PHONE:
        hours = policy.send_window
        opens, closes = cal.first_window(
            day,
            hours.start,
            hours.end,
            tz,
            not_before=not_before,
            holidays=holidays,
            open_from=open_from,
        )
    phone = channel is CHANNEL_PHONE
    preferred = (
        channel is person.preferred_channel and policy.respect_preferred_channel
    ) or basis is BASIS_PREFERRED
    template = next_steps_template(state, channel)
    calls_left = policy.max_calls - state.calls - phone
    asks = template == "next_steps_email" and asks_next_steps(state, left - 1)
    return Action._planned(
        kind=KIND_CHECK_IN,
        channel=channel,
        recipient=person,
        window=(
            opens,
            closes,
            opens
            if phone
            else awake_suggestion(opens, closes, tz, state.interview, policy, (opens, closes)),
        ),
        tz=tz,
        rule=pace.id,
        sources=_check_in_sources(pace.id, phone, preferred, asks),
        template=template,
        facts=_facts(
            _check_in_facts,
            _told(state),
            tz,
            state.check_ins_total + 1,  # the attempt
            left - 1,  # attempts left after it
            left == 1 and state.check_ins == state.check_ins_total,  # the first close
            basis,
            calls_left,
            state.calls + 1 if phone else 0,  # the call's number
            fallback,
            asks,
        ),
    )


CANDIDATE_DAY = (time(7), time(22))
"""The waking hours: on the candidate's own clock, when the library lets them call;
on a recipient's, when an e-mail may land outside the send window.

The library's own choice, not an article's: seed 001's mid-morning call
window is the recipient's, and across many time zones it can fall in the
candidate's night (10:00 in Tokyo is 02:00 in Zurich).  A call window that
starts before 07:00 or ends after 22:00 where the candidate lives (the
day's whole window, whatever part of it is left) becomes an e-mail, marked
`Fallback.NIGHT`.  An e-mail whose deadline leaves no moment of the
recipient's send window goes in their waking hours before it (a
thank-you the evening of a Friday interview), never in their night
(`sending_moment`).  On the candidate's own clock too, every e-mail they send
is suggested in their waking hours when its window allows (`awake_suggestion`).
"""


def sending_moment(start: datetime, latest: datetime, tz: tzinfo, policy: Policy) -> datetime:
    """When an e-mail (or a card) can go, at or after *start* (UTC), on the clock of *tz*.

    The first moment of the send window (`Policy.send_window`, on a business
    day) if one comes by *latest*; else the first of the waking hours
    (`CANDIDATE_DAY`, any day) by *latest*: the evening of a Friday
    interview, not Monday, for a note due within a day; else, when only
    night is left before *latest*, the next send-window moment, after it.
    The agenda offers this moment; the planner suggests it, or for an e-mail the first
    moment after it in the same hours when the candidate is awake (`awake_suggestion`).
    """
    hours = policy.send_window
    best = cal.first_moment_in_window(start, hours.start, hours.end, tz, policy.business_holidays)
    if best <= latest:
        return best
    awake = cal.first_moment_daily(start, *CANDIDATE_DAY, tz)
    return awake if awake <= latest else best


def awake_suggestion(
    moment: datetime,
    latest: datetime,
    tz: tzinfo,
    interview: Interview,
    policy: Policy,
    stretch: tuple[datetime, datetime] | None = None,
) -> datetime:
    """When an e-mail suggested at *moment* (UTC) is suggested instead: the first moment
    from *moment* to *latest* in the recipient's hours (on *tz*: their send window on a
    business day; when *moment* is outside it, their waking hours that day, as
    `sending_moment` chose) at which the candidate is awake (`CANDIDATE_DAY`, their own
    clock); *moment* itself when there is none.  A *moment* in the recipient's night
    (an e-mail planned there on purpose, the recruiter's that evening) is a stretch of
    its own, followed by their send windows.

    One unit for every e-mailed step the candidate sends, check-ins included (the
    loop12 trial, F7: a thank-you and a feedback request were suggested at 01:00-02:00
    in a Lord Howe candidate's night, inside a Denver send window that ran to 11:00
    theirs).  The step's window and deadline never move, only the moment suggested in
    them.  The first stretch is usually enough: its answer is cached by the identity of
    *moment* (`_calendar.first_moment_daily_of`).  A caller that knows the send window
    *moment* opens (a check-in's, a feedback request's) gives it as *stretch*.

    The library's own choice (the loop8 trial, then loop12's): a Sydney candidate
    writing to New York was told to send at 00:00 their time, 08:00 in New York, when
    07:00 in Sydney (15:00 the same day in New York) was inside the same send window.
    """
    home = interview._home_zone
    hours = policy.send_window
    if home is tz and stretch is not None and hours.start >= _WAKES and hours.end <= _SLEEPS:
        return moment  # a send window on the candidate's own clock, inside their day
    day: date
    if stretch is None:
        # Usually the candidate is awake at *moment* itself: told by one conversion, as
        # `_calendar.local_date` converts (a fresh instant: no cache would find it).
        plain = moment if type(moment) is datetime else cal.utc(moment)
        if _WAKES <= plain.astimezone(home).time() <= _SLEEPS:
            return moment
        day = plain.astimezone(tz).date()
        stretch = cal.window_on(day, hours.start, hours.end, tz)
        if (
            stretch is None
            or not stretch[0] <= moment <= stretch[1]
            or not cal.is_business_day(day, policy.business_holidays)
        ):  # not in a send window: in the waking hours `sending_moment` fell back on
            stretch = cal.window_on(day, _WAKES, _SLEEPS, tz)
            if stretch is None or not stretch[0] <= moment <= stretch[1]:
                stretch = (moment, moment)  # the recipient's night: only its moment
    else:
        awake = cal.first_moment_daily_of(moment, _WAKES, _SLEEPS, home)
        if awake <= stretch[1] or stretch[1] >= latest:
            return awake if awake <= min(stretch[1], latest) else moment
        day = cal.local_date(moment, tz)
    start = moment
    holidays = policy.business_holidays
    while True:
        closes = min(stretch[1], latest)
        awake = cal.first_moment_daily_of(start, _WAKES, _SLEEPS, home)
        if awake <= closes:
            return awake
        if closes >= latest:
            return moment
        # the next send window of a business day, while the step's window lasts
        start, end = cal.first_window(
            day, hours.start, hours.end, tz, not_before=closes + _MICROSECOND, holidays=holidays
        )
        if start > latest:
            return moment
        day = cal.local_date(start, tz)
        stretch = (start, end)


_MICROSECOND = timedelta(microseconds=1)
_WAKES, _SLEEPS = CANDIDATE_DAY


def _at_night(opens: datetime, closes: datetime, state: FollowupState) -> bool:
    """Whether a call window ``[opens, closes]`` (UTC) leaves the candidate's day."""
    interview = state.interview
    home = interview._home_zone
    start, end = opens.astimezone(home), closes.astimezone(home)
    first, last = CANDIDATE_DAY
    return start.date() != end.date() or start.time() < first or end.time() > last


def asks_next_steps(state: FollowupState, attempts_left: int) -> bool:
    """Rule ``next-steps``: whether a ``next_steps_email`` asks what steps to expect.

    It asks in the first check-in, after word of a next round, and after "no
    decision yet"; a later try, and the graceful close, only ask where things
    stand, so they do not cite seed 002.
    """
    if attempts_left == 0:
        return False
    return (
        state.check_ins_total == 0
        or state.next_round_at is not None
        or state.undecided_at is not None
    )


@lru_cache(maxsize=256)
def _check_in_sources(
    pace: str, phone: bool, preferred: bool, next_steps: bool
) -> tuple[str, ...]:
    """The articles behind a check-in: its pace rule and the choice rules that shaped it."""
    extra: tuple[str, ...] = ()
    if phone:
        extra += ONE_CALL.sources
    if preferred:
        extra += PREFERRED_CHANNEL.sources
    if next_steps:
        extra += NEXT_STEPS.sources
    return _sources(RULES[pace].sources, extra)


# -- feedback ------------------------------------------------------------------


def feedback_response(state: FollowupState, open_from: datetime | None = None) -> Action | None:
    """Rule ``feedback-response``: answer their request within the window, soonest first.

    Its window runs from the request to the end of the send window on the
    due day.  When nothing of it is left after the history (or *open_from*,
    or a snooze), the step keeps that window and its suggested moment: the
    planner then lists it as missed, never as something to do late.
    """
    asked = state.feedback_pending
    if asked is None:
        return None
    policy = state.policy
    holidays = policy.business_holidays
    person = state.contact
    tz = state.interview._contact_zone
    window = policy.send_window
    due_day = cal.add_business_days(
        cal.local_date(asked, tz), policy.feedback_response_within, holidays
    )
    latest = cal.first_window(due_day, window.start, window.end, tz, holidays=holidays)[1]
    earliest = asked
    floor = max(asked, state.now or asked)  # the request itself, or anything after it
    key = state.next_key(KIND_FEEDBACK_RESPONSE) if state.snoozes else None
    snoozed = None if key is None else state.snoozed_until(key)
    for later in (snoozed, open_from):
        if later is not None and later > floor:
            floor = later
    if open_from is not None and open_from > earliest:
        earliest = min(open_from, latest)
    if floor > latest:  # the window passed unanswered: too late to be quick
        floor, earliest = asked, asked
    # The first window moment at or after the floor, which is no later than
    # the due window's close (the floor is not): both come from the same windows.
    suggested = cal.first_moment_in_window(floor, window.start, window.end, tz, holidays)
    suggested = awake_suggestion(suggested, latest, tz, state.interview, policy)
    asks = asks_feedback(state)  # after a rejection, the answer asks for feedback too
    return Action._planned(
        kind=KIND_FEEDBACK_RESPONSE,
        channel=CHANNEL_EMAIL,
        recipient=person,
        window=(min(earliest, suggested), latest, suggested),
        tz=tz,
        rule=FEEDBACK_RESPONSE.id,
        sources=_FEEDBACK_ANSWER_SOURCES if asks else FEEDBACK_RESPONSE.sources,
        template="feedback_response_email",
        facts=_facts(_follow_up_facts, _told(state), tz, asks),
    )


def feedback_request(state: FollowupState, open_from: datetime | None = None) -> Action | None:
    """Rule ``feedback-request``: after a rejection, ask once, a business day later.

    It answers the rejection, so the employer's answer does not hold it back;
    it keeps `Policy.min_gap` from the candidate's own last follow-up, waits
    for the contact to be back from an out-of-office, and counts against
    `Policy.max_contacts_ever`.  A skipped request is gone; a snoozed one
    waits for its first window after the snooze.
    """
    policy = state.policy
    if (
        state.outcome_at is None
        or state.outcome is not OUTCOME_REJECTED
        or not policy.ask_feedback_on_rejection
        or limits.first_closed(limits.FEEDBACK_REQUEST_GATES, state) is not None
    ):
        return None
    key = state.next_key(KIND_FEEDBACK_REQUEST)
    if key[2] > 1:  # asked once already, or skipped: "ask once, then stop"
        return None
    if state.feedback_pending is not None:
        return None  # their request for feedback is still to answer: the answer asks too
    holidays = policy.business_holidays
    person = state.contact
    tz = state.interview._contact_zone
    day = limits.first_day(limits.FEEDBACK_REQUEST, state, tz)
    assert day is not None  # the news it answers always sets a day
    snoozed = state.snoozed_until(key)
    if snoozed is not None and (open_from is None or snoozed > open_from):
        open_from = snoozed
    window = policy.send_window
    opens, closes = cal.first_window(
        day,
        window.start,
        window.end,
        tz,
        not_before=state.now,
        holidays=holidays,
        open_from=open_from,
    )
    return Action._planned(
        kind=KIND_FEEDBACK_REQUEST,
        channel=CHANNEL_EMAIL,
        recipient=person,
        window=(
            opens,
            closes,
            awake_suggestion(opens, closes, tz, state.interview, policy, (opens, closes)),
        ),
        tz=tz,
        rule=FEEDBACK_REQUEST.id,
        sources=FEEDBACK_REQUEST.sources,
        template="feedback_request_email",
        facts=_facts(_follow_up_facts, _told(state), tz),
    )


# -- late steps ----------------------------------------------------------------


def step_zone(step: Action, interview: Interview) -> tzinfo:
    """The zone a step's windows are counted in: a mailed card's is the candidate's."""
    if step.kind is ActionKind.THANK_YOU and step.channel is Channel.POSTAL:
        return interview._home_zone
    return interview.zone_of(step.recipient)


def late_limit(step: Action, state: FollowupState) -> datetime:
    """The last instant (UTC) a step whose window closed is still worth doing.

    - In the room: none after the interview (its own window).
    - A note (rule ``thank-you``): the close of the send window
      `Policy.thank_you_late_within` business days after its window closed,
      and never after the end of the decision date.
    - The recruiter debrief (rule ``recruiter``): the close of their business
      hours `Policy.recruiter_debrief_late_within` business days later.
    - A check-in or feedback request (rule ``stop``): the end of the day
      `Policy.follow_up_late_within` business days after its window closed.
    - A feedback response (rule ``feedback-response``): none after its window.
    """
    policy = state.policy
    closed = step._utc[1]
    kind = step.kind
    if kind in NOTE_KINDS:
        days = policy.thank_you_late_within
    elif kind is ActionKind.RECRUITER_DEBRIEF:
        days = policy.recruiter_debrief_late_within
    elif kind in (ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST):
        days = policy.follow_up_late_within
    else:
        return closed
    if days == 0:
        return closed
    tz = step_zone(step, state.interview)
    holidays = policy.business_holidays
    last_day = cal.add_business_days(cal.local_date(closed, tz), days, holidays)
    if kind in (ActionKind.CHECK_IN, ActionKind.FEEDBACK_REQUEST):
        return max(closed, cal.day_end(last_day, tz))
    window = policy.send_window
    closes = cal.first_window(last_day, window.start, window.end, tz, holidays=holidays)[1]
    limit = max(closed, closes)
    if kind in NOTE_KINDS and state.decision_by is not None:
        limit = min(limit, max(closed, cal.day_end(state.decision_by, tz)))
    return limit


def moot(step: Action, state: FollowupState) -> bool:
    """Whether a late one-time step lost its point to what has happened since.

    A note is not sent late after the employer's news or reply, nor after a
    follow-up contact (rule ``thank-you``: it would arrive after what it
    leads up to); a debrief not after the employer's news or reply (rule
    ``recruiter``: the recruiter heard it from them); a step of the room,
    never after the interview.
    """
    kind = step.kind
    if kind in IN_ROOM_KINDS:
        return True
    answered = state.last_reply is not None or state.news_at is not None
    if kind in NOTE_KINDS:
        return answered or state.last_contact is not None or state.outcome is not None
    return answered


def late_facts(step: Action) -> Facts:
    """The facts of a note sent late: the same, with `Facts.late` set (made now: a late
    note is rare, and they are read at once)."""
    return attrs.evolve(step.facts, late=True)
