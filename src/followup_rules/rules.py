"""The rule catalogue: one `Rule` record and one small function per rule.

Each rule carries its id, what it says and the seed articles it comes from
(``RULES`` lists them in catalogue order).  The functions are plain and pure
so they can be tested, profiled and mutated one by one:

- step rules build `Action` objects (``cards``, ``timeline``, ``permission``,
  ``closing``, ``thank-you``, ``recruiter``, the check-ins and feedback);
- limit rules compute bounds the planner must respect (``patience``,
  ``retry-gap``, ``cap``, ``one-call``, ``stop``);
- choice rules pick a channel or a message (``preferred-channel``,
  ``next-steps``).
"""

from __future__ import annotations

from collections.abc import Container, Mapping
from datetime import date, datetime, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING

import attrs

from . import _calendar as cal
from .action import Action
from .errors import InvalidPolicy
from .events import Outcome
from .model import ActionKind, Channel, Interview, Interviewer

if TYPE_CHECKING:
    from .policy import Policy, TimeWindow
    from .state import FollowupState

__all__ = ["RULES", "SEEDS", "Rule", "rule"]

SEED_000 = "000_67204a6882031429.txt"
SEED_001 = "001_ace15a183d4ba4a4.txt"
SEED_002 = "002_f6034e91a81c86ef.txt"
SEED_003 = "003_81157863ab7b90a0.txt"
SEED_004 = "004_57c313bf0b59dfd5.txt"
SEEDS = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
"""The five source articles, by file name."""


@attrs.frozen
class Rule:
    """One line of the rule catalogue.

    Attributes:
        id: the stable id that actions and violations name.
        summary: what the rule says, in one sentence.
        sources: the seed articles it comes from.
        knobs: the `Policy` fields that tune it.
    """

    id: str
    summary: str
    sources: tuple[str, ...]
    knobs: tuple[str, ...] = ()


CARDS = Rule(
    "cards",
    "During the interview, collect each interviewer's card (exact name, title, e-mail, phone) "
    "and check they have your resume and contact details.",
    (SEED_000, SEED_001),
)
TIMELINE = Rule(
    "timeline",
    "Before leaving, ask when they expect to make a decision.",
    (SEED_000, SEED_001, SEED_003, SEED_004),
)
PERMISSION = Rule(
    "permission",
    "Ask whether you may check back at that time, and whether they prefer phone or e-mail.",
    (SEED_003, SEED_004),
)
CLOSING = Rule(
    "closing",
    "Close with a short summary of your fit, ask whether anything makes them hesitate, "
    "and ask about next steps.",
    (SEED_004,),
)
THANK_YOU = Rule(
    "thank-you",
    "Send one thank-you note per interviewer within the window: thanks, a recap, renewed "
    "interest, a brief case for fit, anything missed or asked for.",
    (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004),
    ("thank_you_within", "thank_you_channel", "thank_you_each_interviewer", "send_window"),
)
RECRUITER = Rule(
    "recruiter",
    "When an agency recruiter is involved, call them as soon as possible after the interview.",
    (SEED_000,),
    ("recruiter_debrief_within",),
)
NEXT_STEPS = Rule(
    "next-steps",
    "It is fine to ask what further steps (rounds, tests) to expect: after word of a next "
    "round, and whenever no decision date was given, the check-in asks exactly that.",
    (SEED_002,),
    ("wait_without_deadline",),
)
PATIENCE = Rule(
    "patience",
    "No contact between the thank-you and the first allowed check-in.",
    (SEED_000, SEED_003, SEED_004),
)
CHECK_IN_AFTER_DEADLINE = Rule(
    "check-in-after-deadline",
    "With a decision date, the first check-in waits that many business days after it.",
    (SEED_000, SEED_003, SEED_004),
    ("wait_after_deadline",),
)
CHECK_IN_NO_DEADLINE = Rule(
    "check-in-no-deadline",
    "Without a decision date, the first check-in comes about a week after the interview.",
    (SEED_001,),
    ("wait_without_deadline",),
)
ONE_CALL = Rule(
    "one-call",
    "At most max_calls phone calls to the employer, only when invited or given a timeframe, "
    "and only inside the call window on a business day.",
    (SEED_000, SEED_001),
    ("max_calls", "calls_need_invitation", "call_window"),
)
PREFERRED_CHANNEL = Rule(
    "preferred-channel",
    "Check in through the interviewer's preferred medium.",
    (SEED_004,),
    ("respect_preferred_channel",),
)
RETRY_GAP = Rule(
    "retry-gap",
    "No answer: wait min_gap business days before trying again; an answer restarts the wait.",
    (SEED_004,),
    ("min_gap",),
)
CAP = Rule(
    "cap",
    "Never more than max_check_ins check-ins.",
    (SEED_001, SEED_003, SEED_004),
    ("max_check_ins",),
)
UNDECIDED = Rule(
    "undecided",
    "No decision yet: check in again later; a new date they give becomes the new deadline.",
    (SEED_003,),
    ("wait_after_deadline", "wait_without_deadline", "min_gap", "max_check_ins"),
)
FEEDBACK_RESPONSE = Rule(
    "feedback-response",
    "When the employer asks for your feedback, answer within the window.",
    (SEED_002,),
    ("feedback_response_within",),
)
FEEDBACK_REQUEST = Rule(
    "feedback-request",
    "Not selected: ask once for feedback, then stop.",
    (SEED_004,),
    ("ask_feedback_on_rejection",),
)
STOP = Rule(
    "stop",
    "An offer, a rejection or a withdrawal ends all check-ins.",
    SEEDS,
)

RULES: Mapping[str, Rule] = {
    item.id: item
    for item in (
        CARDS,
        TIMELINE,
        PERMISSION,
        CLOSING,
        THANK_YOU,
        RECRUITER,
        NEXT_STEPS,
        PATIENCE,
        CHECK_IN_AFTER_DEADLINE,
        CHECK_IN_NO_DEADLINE,
        ONE_CALL,
        PREFERRED_CHANNEL,
        RETRY_GAP,
        CAP,
        UNDECIDED,
        FEEDBACK_RESPONSE,
        FEEDBACK_REQUEST,
        STOP,
    )
}
"""Every rule, by id, in catalogue order."""


def rule(rule_id: str) -> Rule:
    """The rule with id *rule_id*.

    Raises:
        KeyError: no such rule.
    """
    return RULES[rule_id]


def catalogue_markdown() -> str:
    """The catalogue as a Markdown table (id, what it does, sources, knobs), from `RULES`.

    ``docs/rules.md`` embeds exactly this text; a test keeps them equal.
    """
    lines = ["| id | what it does | sources | knobs |", "|---|---|---|---|"]
    for item in RULES.values():
        sources = ", ".join(source[:3] for source in item.sources)
        knobs = ", ".join(f"`{knob}`" for knob in item.knobs) or "—"
        lines.append(f"| `{item.id}` | {item.summary} | {sources} | {knobs} |")
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=256)
def _sources(*parts: tuple[str, ...]) -> tuple[str, ...]:
    """The seed files of several rules, merged and sorted (a handful of combinations)."""
    return tuple(sorted({source for part in parts for source in part}))


# -- in the interview: cards, timeline, permission, closing ---------------------

# Where in the interview each step belongs, in percent of its length: the
# closing statement leads into the timeline question, then the permission to
# follow up, then the cards on the way out (seeds 001, 004).  Whole numbers,
# because timedelta arithmetic on integers is exact and cheap.
_IN_PERSON_AT = {
    ActionKind.CLOSING_STATEMENT: 80,
    ActionKind.ASK_TIMELINE: 85,
    ActionKind.ASK_PERMISSION: 90,
    ActionKind.ASK_FOR_CARDS: 95,
}
# The cards share the last stretch before 99%, one moment per interviewer.
_CARDS_SPAN = 4


def _in_person(
    interview: Interview,
    kind: ActionKind,
    item: Rule,
    person: Interviewer,
    parts: int,
    whole: int = 100,
) -> Action:
    """An in-room step, suggested *parts*/*whole* of the way into the interview."""
    start, end = interview._utc_span
    return Action._planned(
        kind,
        Channel.IN_PERSON,
        person,
        (start, end, start + interview.duration * parts // whole),
        interview._zone,
        item.id,
        item.sources,
        None,
    )


def cards(interview: Interview) -> list[Action]:
    """Rule ``cards``: one card to collect per interviewer, on the way out."""
    count = len(interview.interviewers)
    base = _IN_PERSON_AT[ActionKind.ASK_FOR_CARDS]
    return [
        _in_person(
            interview,
            ActionKind.ASK_FOR_CARDS,
            CARDS,
            person,
            base * count + _CARDS_SPAN * i,
            100 * count,
        )
        for i, person in enumerate(interview.interviewers)
    ]


def timeline(interview: Interview) -> Action:
    """Rule ``timeline``: ask when they expect to decide."""
    at = _IN_PERSON_AT[ActionKind.ASK_TIMELINE]
    return _in_person(
        interview, ActionKind.ASK_TIMELINE, TIMELINE, interview.follow_up_contact, at
    )


def permission(interview: Interview) -> Action:
    """Rule ``permission``: ask to check back then, and by which medium."""
    at = _IN_PERSON_AT[ActionKind.ASK_PERMISSION]
    return _in_person(
        interview, ActionKind.ASK_PERMISSION, PERMISSION, interview.follow_up_contact, at
    )


def closing(interview: Interview) -> Action:
    """Rule ``closing``: sum up the fit, ask about doubts and next steps."""
    at = _IN_PERSON_AT[ActionKind.CLOSING_STATEMENT]
    return _in_person(
        interview, ActionKind.CLOSING_STATEMENT, CLOSING, interview.follow_up_contact, at
    )


# -- right after: thank-you notes and the recruiter ----------------------------

# "As soon as you return home" (seeds 001, 003): aim an hour after the end.
_RETURN_HOME = timedelta(hours=1)
# The recruiter should hear it first, before the interviewer calls them (000).
_RECRUITER_DELAY = timedelta(minutes=15)


def thank_you(interview: Interview, policy: Policy) -> list[Action]:
    """Rule ``thank-you``: one note per interviewer (or only the contact).

    E-mail: due within `Policy.thank_you_within` of the end, suggested in
    the recipient's send window when that still fits.  Post: written that day
    and mailed on the candidate's next business day (seed 003).
    """
    people = (
        interview.interviewers
        if policy.thank_you_each_interviewer
        else (interview.follow_up_contact,)
    )
    holidays = policy.business_holidays
    return [_thank_you_to(interview, policy, person, holidays) for person in people]


def _thank_you_to(
    interview: Interview, policy: Policy, person: Interviewer, holidays: Container[date]
) -> Action:
    end = interview._utc_span[1]
    channel = policy.thank_you_channel_for(person)
    if channel not in (Channel.EMAIL, Channel.POSTAL):
        raise InvalidPolicy(
            f"{type(policy).__name__}.thank_you_channel_for",
            channel,
            "must return EMAIL or POSTAL",
        )
    window = policy.send_window
    if channel is Channel.POSTAL:
        tz = interview.zone_of(interview.candidate)
        mail_day = cal.add_business_days(cal.local_date(end, tz), 1, holidays)
        opens, closes = cal.first_window(mail_day, window.start, window.end, tz, holidays=holidays)
        return Action._planned(
            ActionKind.THANK_YOU,
            channel,
            person,
            (end, closes, opens),
            tz,
            THANK_YOU.id,
            THANK_YOU.sources,
            "thank_you_card",
        )
    tz = interview.zone_of(person)
    latest = end + policy.thank_you_within
    aim = end + min(_RETURN_HOME, policy.thank_you_within)
    best = cal.first_moment_in_window(aim, window.start, window.end, tz, holidays)
    suggested = best if best <= latest else aim
    return Action._planned(
        ActionKind.THANK_YOU,
        channel,
        person,
        (end, latest, suggested),
        tz,
        THANK_YOU.id,
        THANK_YOU.sources,
        "thank_you_email",
    )


def recruiter(interview: Interview, policy: Policy) -> Action | None:
    """Rule ``recruiter``: call the agency recruiter right after the interview."""
    person = interview.recruiter
    if person is None:
        return None
    end = interview._utc_span[1]
    within = policy.recruiter_debrief_within
    return Action._planned(
        ActionKind.RECRUITER_DEBRIEF,
        Channel.PHONE,
        person,
        (end, end + within, end + min(_RECRUITER_DELAY, within)),
        interview.zone_of(person),
        RECRUITER.id,
        RECRUITER.sources,
        "recruiter_debrief_call",
    )


# -- the check-ins ------------------------------------------------------------


def deadline_floor(state: FollowupState, tz: tzinfo) -> tuple[date, Rule]:
    """Rules ``check-in-after-deadline`` / ``check-in-no-deadline``: the first allowed day.

    With a decision date: `Policy.wait_after_deadline` business days after it
    (seed 004: "at least a day"). Without: `Policy.wait_without_deadline`
    business days after the interview (seed 001: "about a week").
    """
    policy = state.policy
    holidays = policy.business_holidays
    if state.decision_by is not None:
        day = cal.add_business_days(state.decision_by, policy.wait_after_deadline, holidays)
        return day, CHECK_IN_AFTER_DEADLINE
    ended = cal.local_date(state.interview._utc_span[1], tz)
    return cal.add_business_days(
        ended, policy.wait_without_deadline, holidays
    ), CHECK_IN_NO_DEADLINE


def gap_anchors(
    state: FollowupState, *, for_check_in: bool = True, thank_you: bool = True
) -> list[datetime]:
    """The moments a next contact keeps `Policy.min_gap` business days away from.

    Always the latest follow-up contact.  For a check-in also the employer's
    latest answer (it restarts the wait) and the latest thank-you (rule
    ``patience``: the note is a contact too); a feedback request only keeps
    its distance from the candidate's own contacts, since the rejection it
    follows is the answer.
    """
    moments = [state.last_contact]
    if for_check_in:
        moments.append(state.last_reply)
        if thank_you:
            moments.append(state.thanked_at)
    return [moment for moment in moments if moment is not None]


def gap_floor(
    state: FollowupState, tz: tzinfo, *, for_check_in: bool = True, thank_you: bool = True
) -> date | None:
    """Rule ``retry-gap``: the first day `Policy.min_gap` business days after every anchor."""
    anchors = gap_anchors(state, for_check_in=for_check_in, thank_you=thank_you)
    if not anchors:
        return None
    latest = cal.local_date(max(anchors), tz)
    return cal.add_business_days(latest, state.policy.min_gap, state.policy.business_holidays)


def next_round_floor(state: FollowupState, tz: tzinfo) -> date | None:
    """Rule ``next-steps``: after word of a next round, wait about a week before asking."""
    if state.next_round_at is None:
        return None
    heard = cal.local_date(state.next_round_at, tz)
    policy = state.policy
    return cal.add_business_days(heard, policy.wait_without_deadline, policy.business_holidays)


def undecided_floor(state: FollowupState, tz: tzinfo) -> date | None:
    """Rule ``undecided``: after "no decision yet" without a new date, wait about a week again."""
    if state.undecided_at is None:
        return None
    heard = cal.local_date(state.undecided_at, tz)
    policy = state.policy
    if state.decision_by is not None and state.decision_by >= heard:
        return None  # they gave a (new) date: the deadline rule covers it
    return cal.add_business_days(heard, policy.wait_without_deadline, policy.business_holidays)


def earliest_check_in(state: FollowupState, tz: tzinfo) -> tuple[date, Rule]:
    """The first day the rules allow the next check-in, and the rule that sets its pace."""
    day, pace = deadline_floor(state, tz)
    if state.next_round_at is not None:
        pace = NEXT_STEPS
    elif state.undecided_at is not None:
        pace = UNDECIDED
    elif state.check_ins > 0:
        pace = RETRY_GAP
    floors = (
        gap_floor(state, tz),
        undecided_floor(state, tz),
        next_round_floor(state, tz),
        state.hold_until,
    )
    for floor in floors:
        if floor is not None and floor > day:
            day = floor
    return day, pace


def calls_allowed(state: FollowupState) -> bool:
    """Rule ``one-call``: a call is left and, if the policy asks, it was invited.

    Seed 000: call only when told to, or when given a timeframe; then once.
    """
    policy = state.policy
    if state.calls >= policy.max_calls:
        return False
    if not policy.calls_need_invitation:
        return True
    return state.interview.invited_to_call or state.decision_by is not None


def default_check_in_channel(state: FollowupState) -> Channel:
    """Rules ``preferred-channel`` then ``one-call``: preference, else the call, else e-mail."""
    preferred = state.contact.preferred_channel
    if state.policy.respect_preferred_channel and preferred is not None:
        return preferred
    return Channel.PHONE if calls_allowed(state) else Channel.EMAIL


def allowed_channel(state: FollowupState, wanted: object) -> Channel:
    """Enforce ``one-call`` on whatever a policy hook chose: no allowed call means e-mail."""
    if wanted is Channel.PHONE and calls_allowed(state):
        return Channel.PHONE
    return Channel.EMAIL


def next_steps_template(state: FollowupState, channel: Channel) -> str:
    """Rule ``next-steps``: after a next round, or without a date, ask what steps to expect."""
    if channel is Channel.PHONE:
        return "check_in_call"
    if state.decision_by is None or state.next_round_at is not None:
        return "next_steps_email"
    return "check_in_email"


def quiet_until(state: FollowupState) -> datetime | None:
    """Rule ``patience``: no check-in window may open before this instant.

    Every thank-you window has closed by then, and nothing already reported
    is undone; the gap from the thank-you itself is in `gap_anchors`.
    """
    moments = [moment for moment in (state.quiet_until, state.now) if moment is not None]
    return max(moments, default=None)


def check_in(state: FollowupState) -> Action | None:
    """The next check-in allowed by ``stop``, ``cap``, the pace rules and the windows."""
    policy = state.policy
    if state.stopped or state.check_ins_left == 0:  # rules stop and cap
        return None
    person = state.contact
    tz = state.interview.zone_of(person)
    earliest, pace = earliest_check_in(state, tz)
    chosen = policy.check_in_day(state, earliest)
    if not isinstance(chosen, date) or isinstance(chosen, datetime):
        raise InvalidPolicy(f"{type(policy).__name__}.check_in_day", chosen, "must return a date")
    wanted = policy.check_in_channel(state)
    if not isinstance(wanted, Channel):
        raise InvalidPolicy(
            f"{type(policy).__name__}.check_in_channel", wanted, "must return a Channel"
        )
    if type(chosen) is not date:  # a date subclass (pendulum's): plain, for fast arithmetic
        chosen = date(chosen.year, chosen.month, chosen.day)
    channel = allowed_channel(state, wanted)
    window: TimeWindow = policy.call_window if channel is Channel.PHONE else policy.send_window
    opens, closes = cal.first_window(
        max(chosen, earliest),
        window.start,
        window.end,
        tz,
        not_before=quiet_until(state),
        holidays=policy.business_holidays,
    )
    extra: tuple[str, ...] = ()
    if channel is Channel.PHONE:
        extra += ONE_CALL.sources
    if channel is person.preferred_channel and policy.respect_preferred_channel:
        extra += PREFERRED_CHANNEL.sources
    template = next_steps_template(state, channel)
    if template == "next_steps_email":
        extra += NEXT_STEPS.sources
    return Action._planned(
        ActionKind.CHECK_IN,
        channel,
        person,
        (opens, closes, opens),
        tz,
        pace.id,
        _sources(pace.sources, extra),
        template,
    )


# -- feedback ------------------------------------------------------------------


def feedback_response(state: FollowupState) -> Action | None:
    """Rule ``feedback-response``: answer their request within the window, soonest first."""
    asked = state.feedback_pending
    if asked is None:
        return None
    policy = state.policy
    holidays = policy.business_holidays
    person = state.contact
    tz = state.interview.zone_of(person)
    window = policy.send_window
    due_day = cal.add_business_days(
        cal.local_date(asked, tz), policy.feedback_response_within, holidays
    )
    latest = cal.first_window(due_day, window.start, window.end, tz, holidays=holidays)[1]
    now = max(asked, state.now or asked)  # the request itself, or anything after it
    if now > latest:
        return None  # the window passed unanswered: too late to be quick
    # The first window moment at or after now, which is no later than the due
    # window's close (now is not): both come from the same windows.
    suggested = cal.first_moment_in_window(now, window.start, window.end, tz, holidays)
    return Action._planned(
        ActionKind.FEEDBACK_RESPONSE,
        Channel.EMAIL,
        person,
        (asked, latest, suggested),
        tz,
        FEEDBACK_RESPONSE.id,
        FEEDBACK_RESPONSE.sources,
        "feedback_response_email",
    )


def feedback_request(state: FollowupState) -> Action | None:
    """Rule ``feedback-request``: after a rejection, ask once, a business day later."""
    policy = state.policy
    if (
        state.outcome_at is None
        or state.outcome is not Outcome.REJECTED
        or not policy.ask_feedback_on_rejection
        or state.feedback_requested
    ):
        return None
    holidays = policy.business_holidays
    person = state.contact
    tz = state.interview.zone_of(person)
    day = cal.add_business_days(cal.local_date(state.outcome_at, tz), 1, holidays)
    gap = gap_floor(state, tz, for_check_in=False)
    if gap is not None:
        day = max(day, gap)
    window = policy.send_window
    opens, closes = cal.first_window(
        day, window.start, window.end, tz, not_before=state.now, holidays=holidays
    )
    return Action._planned(
        ActionKind.FEEDBACK_REQUEST,
        Channel.EMAIL,
        person,
        (opens, closes, opens),
        tz,
        FEEDBACK_REQUEST.id,
        FEEDBACK_REQUEST.sources,
        "feedback_request_email",
    )
