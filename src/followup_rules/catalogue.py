"""The rule catalogue: one `Rule` record per rule, with its quotes and knobs.

Each rule carries its id, what it says, the seed articles it comes from
(quoted word for word, so a citation can be checked) and the choices that
are the library's own.  ``RULES`` lists them in catalogue order.  This
module is data: it imports only `followup_rules.sources`.  The planner's
code for each rule is in `followup_rules.rules` (the steps) and
`followup_rules.limits` (the limits), and ``docs/rules.md`` is written from
these records by `rules_page`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from . import _rules_page
from .sources import SEED_000, SEED_001, SEED_002, SEED_003, SEED_004

__all__ = ["RULES", "Rule", "catalogue_markdown", "rule", "rules_page"]


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
        "thank_you_late_within",
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
        "a note not sent in its window is still worth sending late, in the recipient's send "
        "window, until that window closes `thank_you_late_within` business days later (two "
        "by default); the note then names the interview's day rather than “today”",
        "the 24 hours come before the send window, the recipient's night before both: when "
        "none of their send window is left before the deadline (a Friday evening "
        "interview), the note goes in their waking hours (07:00-22:00 their time) before "
        "it; only when night alone is left does it wait for the next send window, late as "
        "above; the agenda offers the note from that moment",
        "every e-mail the candidate sends (not a call, not a card) is suggested at the first "
        "moment of its window, inside the recipient's send window (or the waking hours above), "
        "at which the candidate is awake too (07:00-22:00 on their own clock: 08:00 in Denver "
        "is 02:00 in Lord Howe, 13:00 is 07:00); when none is left before its deadline, at the "
        "first moment as before; its window and deadline never move",
        "a late note is never sent once the decision date has passed, nor after the "
        "employer's news or reply, nor after a check-in: it would arrive after the decision "
        "(002), so it is missed",
    ),
)
RECRUITER = Rule(
    "recruiter",
    "When an agency recruiter is involved, call them as soon as possible after the interview, "
    "within their business hours.",
    knobs=("recruiter_debrief_within", "send_window", "recruiter_debrief_late_within"),
    quotes={SEED_000: "Call your recruiter as soon as possible after your interview."},
    own=(
        "the recruiter's business hours are the send window, in the recruiter's zone",
        "a recruiter who also interviewed you is the employer: no debrief",
        "an interview that ends too late in the recruiter's day for a call (less than half "
        "an hour of their hours left) is debriefed by e-mail that evening, when their address "
        "is known, offering a call the next morning; without an address the call waits for "
        "their next business morning",
        "a debrief not made in its window is still made late, in the recruiter's business "
        "hours, until they close `recruiter_debrief_late_within` business days later (one "
        "by default), never after the employer's news or reply: then the recruiter has "
        "heard it from the employer",
    ),
)
NEXT_STEPS = Rule(
    "next-steps",
    "It is fine to ask what further steps (rounds, tests) to expect.",
    knobs=("min_gap",),
    quotes={
        SEED_002: "it's okay to get in touch after the interview and find out if you need to "
        "anticipate any additional steps in the hiring process",
    },
    own=(
        "the check-in asks it after word of a next round, and when no decision date was given",
        "a next round arranged (its day logged with the news) ends this interview's check-ins: "
        "nothing is left to ask, and the round is an interview of its own",
        "only a check-in that asks it cites 002: a later try or the close asks where things stand",
        "word of a next round replaces the earlier decision date (the decision it was about is "
        "made): the first check-in answers the news the next business day, keeping min_gap "
        "only from the candidate's own last contact and from the thank-you, asks what the "
        "round involves and when, and every later one is about that round",
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
    own=(
        "the first check-in also keeps `min_gap` business days from the thank-you",
        "a send or call window in which the last thank-you window closes is open to the first "
        "check-in for the rest of it: the plan offers the first moment `audit` allows",
    ),
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
    own=(
        "the default of one business day follows 003 and 004; 000's few days is `cautious`",
        "an e-mail is suggested when the candidate is awake, if its window allows (see thank-you)",
    ),
)
CHECK_IN_NO_DEADLINE = Rule(
    "check-in-no-deadline",
    "Without a decision date, the first check-in comes about a week after the interview.",
    knobs=("wait_without_deadline",),
    quotes={
        SEED_001: "If they did not give a specific time frame, you can call in about a week.",
    },
    own=(
        "an e-mail is suggested when the candidate is awake, if its window allows (see thank-you)",
    ),
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
        "an e-mail is suggested when the candidate is awake, if its window allows (see thank-you)",
        "a call window that falls outside 07:00-22:00 where the candidate lives (10:00 in "
        "Tokyo is 02:00 in Zurich) becomes an e-mail: the window is the recipient's, the night "
        "the candidate's",
        "a stated phone preference (004) is permission to call; 000 and 001 give the "
        "invitation, the timeframe and the window",
        "a call not made in its window is offered again in the recipient's next call window, "
        "never outside one",
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
    own=(
        "turned off (`respect_preferred_channel = false`), the rule is off whole: the "
        "preference picks no medium and is no permission to call (an invitation or a "
        "timeframe still is)",
        "the check-ins go to the interviewer even when an agency recruiter placed the "
        "candidate; each of them then warns (`Message.warnings`) that the agency may prefer a "
        "follow-up through the recruiter, naming them, so that the user can choose",
    ),
)
RETRY_GAP = Rule(
    "retry-gap",
    "No answer: wait min_gap business days before trying again.",
    knobs=("min_gap",),
    quotes={
        SEED_004: "If you follow up and don't hear back, don't make yourself a nuisance. Wait a "
        "few days before trying again.",
    },
    own=(
        "“a few days” is three business days",
        "an answer from the employer restarts the wait",
        "a check-in the candidate skips is no contact: the next one takes its place (as many "
        "are still planned) and keeps `min_gap` business days from the skip, so a dismissed "
        "step does not come straight back",
    ),
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
    own=(
        "the numbers: three in a row, six in all",
        "an out-of-office auto-reply is no answer: the check-in it met counts, and the run "
        "goes on; it only holds the next contact until they are back",
    ),
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
        "after your closing note, “no decision yet” earns one more check-in, itself a "
        "close, and a reply without news earns none (001, 004: restraint)",
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
    own=(
        "an answer whose window has passed is missed, not sent late: its point was speed",
        "an e-mail is suggested when the candidate is awake, if its window allows (see thank-you)",
    ),
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
        "an e-mail is suggested when the candidate is awake, if its window allows (see thank-you)",
    ),
)

STOP = Rule(
    "stop",
    "An offer or a rejection ends all check-ins; so does a withdrawal.",
    knobs=("follow_up_late_within",),
    quotes={
        SEED_003: "They will either tell you that you got the job, tell you that you did not get "
        "the job, or that they do not know yet.",
        SEED_004: "If you don't end up receiving an offer or making it to the next round of "
        "interviews, reach back out and try to get some feedback",
    },
    own=(
        "a withdrawal (yours, or the position closed) ends everything too",
        "news of a rejection or withdrawal before the thank-you cancels the notes",
        "a check-in or feedback request still undone `follow_up_late_within` business days "
        "(four weeks) after its window closed is missed, and no later one is planned until "
        "a new event",
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


def rules_page() -> str:
    """The whole of ``docs/rules.md``, from `SOURCES`, `RULES` and `DISAGREEMENTS`.

    ``followup rules --format page`` prints it, and a test keeps
    ``docs/rules.md`` equal to it.
    """
    return _rules_page.page(RULES.values(), catalogue_markdown())
