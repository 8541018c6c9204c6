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

from collections.abc import Container, Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import attrs

from . import _calendar as cal
from .action import Action
from .errors import InvalidPolicy
from .events import Contact, Outcome
from .facts import CallBasis, Facts, Fallback, PreviousContact
from .model import ActionKind, Channel, Interview, Interviewer, InterviewFormat, Salutation
from .sources import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004, SEEDS
from .state import TERMINAL, asks_feedback
from .timeframe import Timeframe

if TYPE_CHECKING:
    from .policy import Policy, TimeWindow
    from .state import FollowupState

__all__ = ["RULES", "SEEDS", "Rule", "rule"]


def _pairs(value: Mapping[str, str] | Iterable[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """Quotes as sorted (file, quote) pairs, from a mapping or pairs."""
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(file), str(quote)) for file, quote in items))


@attrs.frozen
class Rule:
    """One line of the rule catalogue.

    Attributes:
        id: the stable id that actions and violations name.
        summary: what the rule says, in one sentence.
        sources: the seed articles it comes from (by default, those quoted).
        knobs: the `Policy` fields that tune it.
        quotes: ``(file, phrase)`` pairs: what each source says, word for
            word, so that a citation can be checked.
        own: the parts of the rule that are the library's own choice, not
            any article's (a number no article gives, a tie-break).
    """

    id: str
    summary: str
    sources: tuple[str, ...] = ()
    knobs: tuple[str, ...] = ()
    quotes: tuple[tuple[str, str], ...] = attrs.field(default=(), kw_only=True, converter=_pairs)
    own: tuple[str, ...] = attrs.field(default=(), kw_only=True)

    def __attrs_post_init__(self) -> None:
        if not self.sources and self.quotes:
            object.__setattr__(self, "sources", tuple(sorted({file for file, _ in self.quotes})))


CARDS = Rule(
    "cards",
    "During an in-person interview, collect each interviewer's card (exact name, title, "
    "e-mail, phone) and check they have your résumé and contact details; after a video or "
    "phone interview, the close asks for each e-mail address, phone number and title, and "
    "checks they have your résumé and contact details.",
    quotes={
        SEED_000: "Ask for business cards from each person you interacted with during your "
        "interview, so that you have correct titles and contact information.",
        SEED_001: "Before you leave, verify that they have your resume and contact information "
        "as well.",
    },
    own=("a remote interview hands out no cards, so the close asks for the details",),
)
TIMELINE = Rule(
    "timeline",
    "Before leaving, ask when they expect to make a decision.",
    quotes={
        SEED_000: "At the interview conclusion, ask the interviewer when you should expect to "
        "hear back.",
        SEED_001: "be sure to include a question about when they might be making a decision",
        SEED_003: "ask them for some sort of timeline on when they hope to fill the position",
        SEED_004: "The interviewer will let you know what their next steps and timeline will be",
    },
)
PERMISSION = Rule(
    "permission",
    "Say you are interested, and ask whether you may check back at that time, and whether "
    "they prefer phone or e-mail.",
    quotes={
        SEED_003: "feel free to ask them if you can check back with them at the end of the week "
        "or the beginning of the following week",
        SEED_004: "express your interest in working with the company, ask if you can follow up "
        "and whether they prefer to be contacted via phone or email",
    },
)
CLOSING = Rule(
    "closing",
    "Once you have asked your own questions, close with a short summary of your fit drawn "
    "from the conversation, ask whether anything makes them hesitate, and ask about next "
    "steps.",
    quotes={
        SEED_004: "At the end of the interview, after you've asked thoughtful questions, make "
        "a brief closing statement that leads into asking about the next steps.",
    },
)
THANK_YOU = Rule(
    "thank-you",
    "Send one thank-you note per interviewer soon after: thanks, a recap, renewed interest, "
    "a brief case for fit, anything missed, and what they asked for (by e-mail when the "
    "note goes by post).",
    knobs=(
        "thank_you_within",
        "thank_you_channel",
        "mail_card_immediately",
        "thank_you_each_interviewer",
        "send_window",
    ),
    quotes={
        SEED_000: "mention any additional experience or qualifications you may have missed "
        "during the interview",
        SEED_001: "Send a separate email to each person you spoke with and recap some of the "
        "conversation for them.",
        SEED_002: "Thank the interviewer for his or her time, summarize your qualifications "
        "and reiterate your interest in the job.",
        SEED_003: "you should immediately go home and write a thank you card to the person "
        "that you spoke with",
        SEED_004: "Don't forget to include any additional information you may have been asked "
        "to provide.",
    },
    own=(
        "“as soon as you return home” (001) is read as within 24 hours",
        "the items asked for go to whoever asked, by e-mail beside a mailed card",
    ),
)
RECRUITER = Rule(
    "recruiter",
    "When an agency recruiter is involved, call them as soon as possible after the interview, "
    "within their business hours.",
    knobs=("recruiter_debrief_within", "send_window"),
    quotes={SEED_000: "Call your recruiter as soon as possible after your interview."},
    own=(
        "the recruiter's business hours are the send window, in the recruiter's zone",
        "a recruiter who also interviewed you is the employer: no debrief",
        "an interview that ends too late in the recruiter's day for a call (less than half "
        "an hour of their hours left) is debriefed by e-mail that evening, when their address "
        "is known, offering a call the next morning; without an address the call waits for "
        "their next business morning",
    ),
)
NEXT_STEPS = Rule(
    "next-steps",
    "It is fine to ask what further steps (rounds, tests) to expect.",
    knobs=("wait_without_deadline",),
    quotes={
        SEED_002: "it's okay to get in touch after the interview and find out if you need to "
        "anticipate any additional steps in the hiring process",
    },
    own=(
        "the check-in asks it after word of a next round, and when no decision date was given",
        "only a check-in that asks it cites 002: a later try or the close asks where things stand",
        "word of a next round replaces the earlier decision date (the decision it was about is "
        "made): the first check-in comes wait_without_deadline business days after the news, "
        "asks what the round involves and when, and every later one is about that round",
    ),
)
PATIENCE = Rule(
    "patience",
    "No contact between the thank-you and the first allowed check-in.",
    quotes={
        SEED_000: "relax, be patient, and let your qualifications speak for themselves",
        SEED_003: "If you do not have a legitimate reason to follow up, the interviewer will not "
        "appreciate all of the extra contact.",
        SEED_004: "do your best to be patient and don't jump the gun",
    },
    own=("the first check-in also keeps `min_gap` business days from the thank-you",),
)
CHECK_IN_AFTER_DEADLINE = Rule(
    "check-in-after-deadline",
    "With a decision date (or the end of a window), the first check-in waits "
    "wait_after_deadline business days after it.",
    knobs=("wait_after_deadline",),
    quotes={
        SEED_000: "wait a few days after the anticipated date",
        SEED_003: "You might wait until the following day just to avoid seeming desperate.",
        SEED_004: "Wait at least a day after the deadline has passed before reaching out",
    },
    own=("the default of one business day follows 003 and 004; 000's few days is `cautious`",),
)
CHECK_IN_NO_DEADLINE = Rule(
    "check-in-no-deadline",
    "Without a decision date, the first check-in comes about a week after the interview.",
    knobs=("wait_without_deadline",),
    quotes={
        SEED_001: "If they did not give a specific time frame, you can call in about a week.",
    },
)
ONE_CALL = Rule(
    "one-call",
    "At most max_calls phone calls to the employer, only when invited, given a timeframe, or "
    "told they prefer the phone, only with a known number, and only inside the call window "
    "on a business day.",
    knobs=("max_calls", "calls_need_invitation", "call_window"),
    quotes={
        SEED_000: "If the interviewer told you to call or expect follow-up within a specified "
        "length of time, a call may be appropriate.",
        SEED_001: "The best time to call is mid-morning before lunch.",
        SEED_004: "ask if you can follow up and whether they prefer to be contacted via phone "
        "or email",
    },
    own=(
        "with no known number, e-mail instead",
        "a stated phone preference (004) is permission to call; 000 and 001 give the "
        "invitation, the timeframe and the window",
    ),
)
PREFERRED_CHANNEL = Rule(
    "preferred-channel",
    "Check in through the interviewer's preferred medium; a stated phone preference is "
    "permission to call.",
    knobs=("respect_preferred_channel",),
    quotes={
        SEED_004: "make sure to use the interviewer's preferred medium of communication",
    },
)
RETRY_GAP = Rule(
    "retry-gap",
    "No answer: wait min_gap business days before trying again.",
    knobs=("min_gap",),
    quotes={
        SEED_004: "If you follow up and don't hear back, don't make yourself a nuisance. Wait a "
        "few days before trying again.",
    },
    own=("“a few days” is three business days", "an answer from the employer restarts the wait"),
)
CAP = Rule(
    "cap",
    "Never more than max_check_ins check-ins in a row without an answer, nor more than "
    "max_contacts_ever contacts in all.",
    knobs=("max_check_ins", "max_contacts_ever"),
    quotes={
        SEED_001: "not continuously contact them if you haven't heard an answer",
        SEED_004: "There is a fine line between an enthusiastic candidate and a pushy candidate.",
    },
    own=("the numbers: three in a row, six in all",),
)
UNDECIDED = Rule(
    "undecided",
    "No decision yet: keep following up later; a new date they give becomes the deadline, "
    "and earns a check-in after it.",
    knobs=("wait_after_deadline", "wait_without_deadline", "min_gap", "max_contacts_ever"),
    quotes={
        SEED_003: "If they do not know, continue to follow-up with them at a later date.",
        SEED_004: "it is not uncommon for the timetable to be extended",
    },
    own=(
        "without a new date, the next check-in waits about a week from their answer",
        "after your closing note (“this will be my last note for now”), “no decision yet” "
        "earns one more check-in, itself a close, and a reply without news earns none: you "
        "keep your word (001, 004: restraint)",
    ),
)
FEEDBACK_RESPONSE = Rule(
    "feedback-response",
    "When the employer asks for your feedback, answer within the window.",
    knobs=("feedback_response_within",),
    quotes={
        SEED_002: "If someone asks for your feedback within a few days of the interview, respond "
        "as soon as possible.",
    },
)
FEEDBACK_REQUEST = Rule(
    "feedback-request",
    "Not selected: ask for feedback.",
    knobs=("ask_feedback_on_rejection",),
    quotes={
        SEED_004: "reach back out and try to get some feedback from the interviewer",
    },
    own=(
        "ask once, then stop",
        "it answers their news, so it goes the next business day, after any out-of-office "
        "return and `min_gap` after your own last contact",
        "when they reject you and ask for your feedback, the one answer gives yours and asks "
        "for theirs: no second e-mail",
    ),
)
_FEEDBACK_ANSWER_SOURCES = tuple(sorted({*FEEDBACK_RESPONSE.sources, *FEEDBACK_REQUEST.sources}))
"""An answer to their request for feedback that also asks for it (after a rejection)."""

STOP = Rule(
    "stop",
    "An offer or a rejection ends all check-ins; so does a withdrawal.",
    quotes={
        SEED_003: "They will either tell you that you got the job, tell you that you did not get "
        "the job, or that they do not know yet.",
        SEED_004: "If you don't end up receiving an offer or making it to the next round of "
        "interviews, reach back out and try to get some feedback",
    },
    own=(
        "a withdrawal (yours, or the position closed) ends everything too",
        "news of a rejection or withdrawal before the thank-you cancels the notes",
    ),
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
# The template of each in-room step's talking points: the kind's value.
_TALKING_POINTS = {kind: kind.value for kind in _IN_PERSON_AT}


def _in_person(
    interview: Interview,
    kind: ActionKind,
    item: Rule,
    person: Interviewer,
    parts: int,
    whole: int = 100,
    sources: tuple[str, ...] | None = None,
    facts: tuple[Any, ...] | None = None,
) -> Action:
    """An in-room step, suggested *parts*/*whole* of the way into the interview.

    Its template holds the talking points (``ask_for_cards``, ``closing_statement``...);
    its facts are the interview's own (`interview_facts`).
    """
    start, end = interview._utc_span
    return Action._planned(
        kind,
        Channel.IN_PERSON,
        person,
        (start, end, start + interview.duration * parts // whole),
        interview._zone,
        item.id,
        item.sources if sources is None else sources,
        _TALKING_POINTS[kind],
        room_facts(interview) if facts is None else facts,
    )


def room_facts(interview: Interview) -> tuple[Any, ...]:
    """How the in-room steps make their facts (one builder for all the steps of a plan)."""
    return (interview_facts, (interview, Salutation.HONORIFIC, None))


def interview_facts(
    interview: Interview, salutation: Salutation, fallback: Fallback | None
) -> Facts:
    """The facts a step planned from the interview alone may state: its timeline."""
    decided = interview.decision_by
    return Facts(
        decision_by=interview.decision_date,
        timeframe=decided if isinstance(decided, Timeframe) else None,
        fallback=fallback,
        salutation=salutation,
    )


def cards(interview: Interview, facts: tuple[Any, ...] | None = None) -> list[Action]:
    """Rule ``cards``: one card to collect per interviewer, on the way out.

    Only an in-person interview hands out cards; after a video or phone
    interview the closing statement asks for the details instead.
    """
    if interview.format is not InterviewFormat.IN_PERSON:
        return []
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
            facts=facts,
        )
        for i, person in enumerate(interview.interviewers)
    ]


def timeline(interview: Interview, facts: tuple[Any, ...] | None = None) -> Action:
    """Rule ``timeline``: ask when they expect to decide."""
    return _to_the_contact(interview, ActionKind.ASK_TIMELINE, TIMELINE, facts)


def permission(interview: Interview, facts: tuple[Any, ...] | None = None) -> Action:
    """Rule ``permission``: say you are interested, ask to check back then, and how."""
    return _to_the_contact(interview, ActionKind.ASK_PERMISSION, PERMISSION, facts)


def _to_the_contact(
    interview: Interview,
    kind: ActionKind,
    item: Rule,
    facts: tuple[Any, ...] | None,
    sources: tuple[str, ...] | None = None,
) -> Action:
    """An in-room step addressed to the follow-up contact, at its moment of the interview."""
    at = _IN_PERSON_AT[kind]
    contact = interview.follow_up_contact
    return _in_person(interview, kind, item, contact, at, sources=sources, facts=facts)


def closing(interview: Interview, facts: tuple[Any, ...] | None = None) -> Action:
    """Rule ``closing``: sum up the fit, ask about doubts and next steps.

    After a video or phone interview it also asks each interviewer for their
    e-mail address and title (rule ``cards``: the details a card would give).
    """
    remote = interview.format is not InterviewFormat.IN_PERSON
    sources = _sources(CLOSING.sources, CARDS.sources) if remote else None
    return _to_the_contact(interview, ActionKind.CLOSING_STATEMENT, CLOSING, facts, sources)


# -- right after: thank-you notes and the recruiter ----------------------------

# "As soon as you return home" (seeds 001, 003): aim an hour after the end.
_RETURN_HOME = timedelta(hours=1)
# The recruiter should hear it first, before the interviewer calls them (000).
_RECRUITER_DELAY = timedelta(minutes=15)
# Less of their business day than this left, and the call waits for the next one.
_RECRUITER_MIN_WINDOW = timedelta(minutes=30)
_END_OF_DAY = time(23, 59)
# A card posted on a business day is likely delivered two business days later
# (first-class post); seed 002 warns it may arrive after the decision.
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
    holidays = policy.business_holidays
    steps: list[Action] = []
    for variant, person in enumerate(interview.interviewers):
        requested = interview.requested_by(person)
        if policy.thank_you_each_interviewer or person is contact:
            note = _thank_you_to(interview, policy, person, holidays, variant, requested)
            steps.append(note)
            if not (requested and note.channel is Channel.POSTAL):
                continue
        elif not requested:
            continue
        card = policy.thank_you_each_interviewer or person is contact
        steps.append(
            _requested_items(interview, policy, person, holidays, variant, requested, card)
        )
    return steps


def _thank_you_to(
    interview: Interview,
    policy: Policy,
    person: Interviewer,
    holidays: Container[date],
    variant: int,
    requested: tuple[str, ...],
) -> Action:
    end = interview._utc_span[1]
    channel = policy.thank_you_channel_for(person)
    if channel not in (Channel.EMAIL, Channel.POSTAL):
        raise InvalidPolicy(
            f"{type(policy).__name__}.thank_you_channel_for",
            channel,
            "must return EMAIL or POSTAL",
        )
    fallback = None
    if (
        channel is Channel.POSTAL
        and interview.format is not InterviewFormat.IN_PERSON
        and not (person.address or interview.address)
    ):
        # After a remote interview the candidate never saw the office: a
        # mailed card needs an address, else the note goes by e-mail.
        channel, fallback = Channel.EMAIL, Fallback.NO_ADDRESS
    window = policy.send_window
    if channel is Channel.POSTAL:
        tz = interview.zone_of(interview.candidate)
        ended = cal.local_date(end, tz)
        if policy.mail_card_immediately:  # seed 004: into the post on the way home
            aim = end + _RETURN_HOME
            closes = max(cal.local_instant(ended, _END_OF_DAY, tz), aim)
            instants = (end, closes, aim)
            mail_day = ended
        else:  # seed 003: written at home, mailed the next day
            mail_day = cal.add_business_days(ended, 1, holidays)
            opens, closes = cal.first_window(
                mail_day, window.start, window.end, tz, holidays=holidays
            )
            instants = (end, closes, opens)
        decided = interview.decision_date
        late = (
            decided is not None and cal.add_business_days(mail_day, _POST_DAYS, holidays) > decided
        )
        facts = (
            _note_facts,
            (variant, requested, bool(requested), False, None, policy.salutation, late),
        )
        return Action._planned(
            ActionKind.THANK_YOU,
            channel,
            person,
            instants,
            tz,
            THANK_YOU.id,
            THANK_YOU.sources,
            "thank_you_card",
            facts,
        )
    tz = interview.zone_of(person)
    return Action._planned(
        ActionKind.THANK_YOU,
        channel,
        person,
        _soon_after(interview, policy, tz, holidays),
        tz,
        THANK_YOU.id,
        THANK_YOU.sources,
        "thank_you_email",
        (_note_facts, (variant, requested, False, False, fallback, policy.salutation)),
    )


def _soon_after(
    interview: Interview, policy: Policy, tz: tzinfo, holidays: Container[date]
) -> tuple[datetime, datetime, datetime]:
    """An e-mail's window after the interview: due within `thank_you_within`, in send hours."""
    end = interview._utc_span[1]
    window = policy.send_window
    within = policy.thank_you_within
    latest = end + within
    aim = end + (_RETURN_HOME if within > _RETURN_HOME else within)
    best = cal.first_moment_in_window(aim, window.start, window.end, tz, holidays)
    return end, latest, best if best <= latest else aim


def _requested_items(
    interview: Interview,
    policy: Policy,
    person: Interviewer,
    holidays: Container[date],
    variant: int,
    requested: tuple[str, ...],
    card: bool,
) -> Action:
    """What *person* asked for, by e-mail, when no e-mailed note carries it (seed 004)."""
    tz = interview.zone_of(person)
    return Action._planned(
        ActionKind.SEND_REQUESTED,
        Channel.EMAIL,
        person,
        _soon_after(interview, policy, tz, holidays),
        tz,
        THANK_YOU.id,
        _REQUESTED_SOURCES,
        "requested_items_email",
        (_note_facts, (variant, requested, False, card, None, policy.salutation)),
    )


def _note_facts(
    variant: int,
    requested: tuple[str, ...],
    requested_by_email: bool,
    card_by_post: bool,
    fallback: Fallback | None,
    salutation: Salutation,
    arrives_after_decision: bool = False,
) -> Facts:
    """The facts of a note right after the interview (made when first read)."""
    return Facts(
        variant=variant,
        requested=requested,
        requested_by_email=requested_by_email,
        card_by_post=card_by_post,
        fallback=fallback,
        salutation=salutation,
        arrives_after_decision=arrives_after_decision,
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
            ActionKind.RECRUITER_DEBRIEF,
            Channel.EMAIL,
            person,
            (end, latest, end + _RECRUITER_DELAY),
            tz,
            RECRUITER.id,
            RECRUITER.sources,
            "recruiter_debrief_email",
            (interview_facts, (interview, policy.salutation, Fallback.AFTER_HOURS)),
        )
    if closes is None or short:
        # Too late in their day for a real conversation: first thing next business day.
        closes = cal.first_window(
            cal.add_business_days(day, 1, holidays), hours.start, hours.end, tz, holidays=holidays
        )
        opens = closes[0]
    latest = min(opens + policy.recruiter_debrief_within, closes[1])
    suggested = min(opens + _RECRUITER_DELAY, latest)
    channel, template, fallback = Channel.PHONE, "recruiter_debrief_call", None
    if person.phone is None and person.email is not None:
        channel, template, fallback = Channel.EMAIL, "recruiter_debrief_email", Fallback.NO_PHONE
    return Action._planned(
        ActionKind.RECRUITER_DEBRIEF,
        channel,
        person,
        (opens, latest, suggested),
        tz,
        RECRUITER.id,
        RECRUITER.sources,
        template,
        (interview_facts, (interview, policy.salutation, fallback)),
    )


# -- the check-ins ------------------------------------------------------------


def deadline_floor(state: FollowupState, tz: tzinfo) -> tuple[date, Rule]:
    """Rules ``check-in-after-deadline`` / ``check-in-no-deadline``: the first allowed day.

    With a decision date (the end of a window): `Policy.wait_after_deadline`
    business days after it (seeds 003 and 004: a day).  Without:
    `Policy.wait_without_deadline` business days after the interview (seed
    001: "about a week").
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
    its distance from the candidate's own contacts, since it answers the
    rejection it follows.
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


def call_basis(state: FollowupState) -> CallBasis | None:
    """Rule ``one-call``: why a call is allowed now, or None when it is not.

    Seed 000: call only when told to, or when given a timeframe; then once.
    Seed 004: a stated phone preference is an answer to "how may I follow
    up?", so it is permission too.  Whether the number is known is the
    planner's concern (`check_in`), not the permission's.
    """
    policy = state.policy
    if state.calls >= policy.max_calls:
        return None
    if state.interview.invited_to_call:
        return CallBasis.INVITED
    if state.contact.preferred_channel is Channel.PHONE:
        return CallBasis.PREFERRED
    if state.decision_by is not None:
        return CallBasis.TIMEFRAME
    return None if policy.calls_need_invitation else CallBasis.POLICY


def calls_allowed(state: FollowupState) -> bool:
    """Rule ``one-call``: a call is left and it is allowed (see `call_basis`)."""
    return call_basis(state) is not None


def default_check_in_channel(state: FollowupState) -> Channel:
    """Rules ``preferred-channel`` then ``one-call``: preference, else the call, else e-mail."""
    preferred = state.contact.preferred_channel
    if state.policy.respect_preferred_channel and preferred is not None:
        return preferred
    return Channel.PHONE if calls_allowed(state) else Channel.EMAIL


def allowed_channel(
    state: FollowupState, wanted: object
) -> tuple[Channel, CallBasis | None, Fallback | None]:
    """Enforce ``one-call`` on whatever a policy hook chose.

    A call needs a reason (`call_basis`) and a known number: without a
    reason it is an e-mail; without a number it is an e-mail that says why.
    """
    if wanted is not Channel.PHONE:
        return Channel.EMAIL, None, None
    basis = call_basis(state)
    if basis is None:
        return Channel.EMAIL, None, None
    if state.contact.phone is None:
        return Channel.EMAIL, None, Fallback.NO_PHONE
    return Channel.PHONE, basis, None


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


def _previous_contact(state: FollowupState, contact: Contact, tz: tzinfo) -> PreviousContact:
    """A contact of the history as the facts of a later step give it."""
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


def follow_up_facts(state: FollowupState, tz: tzinfo, **known: object) -> Facts:
    """The facts of a follow-up to the contact: what came before it, and the employer's news.

    News (an update, a plain reply) is given only while it is fresh: newer
    than the previous contact with the person, so that a message answers it
    once.  *known* adds the step's own facts (attempt, call basis...).
    """
    previous = state.previous
    before: PreviousContact | None = None
    since = None
    if previous is not None:
        since = cal.utc(previous.at)
        before = _previous_contact(state, previous, tz)
    thread = state.last_email  # the e-mail a new one answers: often `previous` itself
    if thread is previous:
        last_email = before
    else:
        last_email = None if thread is None else _previous_contact(state, thread, tz)
    news_at = state.news_at
    fresh = news_at is not None and (since is None or news_at >= since)
    replied = state.replied_at
    replied_on = None
    if (
        replied is not None
        and (since is None or replied >= since)
        and (news_at is None or replied > news_at)
    ):
        replied_on = cal.local_date(replied, tz)
    given = state.decision_given_at
    return Facts(
        previous=before,
        last_email=last_email,
        decision_by=state.decision_by,
        timeframe=state.timeframe,
        decision_given_on=None if given is None else cal.local_date(given, tz),
        news=state.news if fresh else None,
        news_on=cal.local_date(news_at, tz) if fresh and news_at is not None else None,
        new_round=state.next_round_at is not None,
        next_round_on=None
        if state.news is not Outcome.NEXT_ROUND or news_at is None
        else cal.local_date(news_at, tz),
        outcome=state.outcome,
        replied_on=replied_on,
        salutation=state.policy.salutation,
        **known,  # type: ignore[arg-type]
    )


def _check_in_facts(
    state: FollowupState,
    tz: tzinfo,
    attempts_left: int,
    basis: CallBasis | None,
    calls_left: int,
    fallback: Fallback | None,
    asks: bool = False,
) -> Facts:
    """The facts of a check-in (made when first read): its number, what is left, why a call."""
    return follow_up_facts(
        state,
        tz,
        attempt=state.check_ins_total + 1,
        attempts_left=attempts_left,
        call_basis=basis,
        calls_left=max(0, calls_left),
        fallback=fallback,
        asks_next_steps=asks,
    )


def check_in(state: FollowupState) -> Action | None:
    """The next check-in allowed by ``stop``, ``cap``, the pace rules and the windows."""
    policy = state.policy
    left = policy.max_check_ins - state.check_ins
    ever = policy.max_contacts_ever - state.contacts_ever
    if ever < left:
        left = ever
    if left <= 0 or state.outcome in TERMINAL:  # rules cap and stop
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
    channel, basis, fallback = allowed_channel(state, wanted)
    window: TimeWindow = policy.call_window if channel is Channel.PHONE else policy.send_window
    opens, closes = cal.first_window(
        max(chosen, earliest),
        window.start,
        window.end,
        tz,
        not_before=quiet_until(state),
        holidays=policy.business_holidays,
    )
    phone = channel is Channel.PHONE
    preferred = (
        channel is person.preferred_channel and policy.respect_preferred_channel
    ) or basis is CallBasis.PREFERRED
    template = next_steps_template(state, channel)
    calls_left = policy.max_calls - state.calls - phone
    asks = template == "next_steps_email" and asks_next_steps(state, left - 1)
    facts = (_check_in_facts, (state, tz, left - 1, basis, calls_left, fallback, asks))
    return Action._planned(
        ActionKind.CHECK_IN,
        channel,
        person,
        (opens, closes, opens),
        tz,
        pace.id,
        _check_in_sources(pace.id, phone, preferred, asks),
        template,
        facts,
    )


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
        _FEEDBACK_ANSWER_SOURCES if asks_feedback(state) else FEEDBACK_RESPONSE.sources,
        "feedback_response_email",
        (_feedback_answer_facts, (state, tz)),
    )


def _feedback_answer_facts(state: FollowupState, tz: tzinfo) -> Facts:
    """An answer to their request for feedback; after a rejection it asks for feedback too."""
    return follow_up_facts(state, tz, asks_feedback=asks_feedback(state))


def feedback_request(state: FollowupState) -> Action | None:
    """Rule ``feedback-request``: after a rejection, ask once, a business day later.

    It answers the rejection, so the employer's answer does not hold it back;
    it keeps `Policy.min_gap` from the candidate's own last follow-up, waits
    for the contact to be back from an out-of-office, and counts against
    `Policy.max_contacts_ever`.
    """
    policy = state.policy
    if (
        state.outcome_at is None
        or state.outcome is not Outcome.REJECTED
        or not policy.ask_feedback_on_rejection
        or state.feedback_requested
        or state.contacts_left == 0
    ):
        return None
    if state.feedback_pending is not None and feedback_response(state) is not None:
        return None  # their request for feedback is still to answer: the answer asks too
    holidays = policy.business_holidays
    person = state.contact
    tz = state.interview.zone_of(person)
    day = cal.add_business_days(cal.local_date(state.outcome_at, tz), 1, holidays)
    for floor in (gap_floor(state, tz, for_check_in=False), state.hold_until):
        if floor is not None and floor > day:
            day = floor
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
        (follow_up_facts, (state, tz)),
    )
