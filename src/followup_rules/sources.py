"""The five source articles: what each is called, and where they disagree.

Every rule cites articles by file name (``action.sources``).  `SOURCES` says
what those files are, with the title, author and firm that appear in each
article itself, so that a reader can follow a citation without opening a
hash-named file.  `DISAGREEMENTS` records the seven questions on which the
articles part ways, what the default does about each, and which knob or
preset gives the other reading.
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

__all__ = ["DISAGREEMENTS", "SEEDS", "SOURCES", "Disagreement", "Source", "cite"]

SEED_000 = "000_67204a6882031429.txt"
SEED_001 = "001_ace15a183d4ba4a4.txt"
SEED_002 = "002_f6034e91a81c86ef.txt"
SEED_003 = "003_81157863ab7b90a0.txt"
SEED_004 = "004_57c313bf0b59dfd5.txt"
SEEDS = (SEED_000, SEED_001, SEED_002, SEED_003, SEED_004)
"""The five source articles, by file name."""


@attrs.frozen
class Source:
    """One source article.

    Attributes:
        id: its short id, ``"000"`` to ``"004"``.
        file: its file name, as actions and rules cite it.
        title: the title the article gives itself, or None when it has none.
        author: the author it names, or None.
        firm: the firm it speaks for, when it names one (a staffing agency).
    """

    id: str
    file: str
    title: str | None
    author: str | None = None
    firm: str | None = None

    def __str__(self) -> str:
        title = f"“{self.title}”" if self.title else "untitled"
        by = ", ".join(part for part in (self.author, self.firm) if part)
        return f"{self.id} {title}" + (f" ({by})" if by else "")


SOURCES: Mapping[str, Source] = {
    source.file: source
    for source in (
        Source("000", SEED_000, "5 Ways to Follow Up After an Interview", firm="SelecSource"),
        Source(
            "001",
            SEED_001,
            "Correct Techniques to Follow After An Interview",
            firm="ProSource Staffing",
        ),
        Source("002", SEED_002, "How to Follow Up After Your Interview", "John Krautzel"),
        Source("003", SEED_003, "Job Interview Follow-Up"),
        Source("004", SEED_004, None, firm="TRC Professional Solutions"),
    )
}
"""Every source article by file name; ``str(source)`` cites it for people."""


def cite(file: str) -> str:
    """A citation for people: ``'002 “How to Follow Up After Your Interview” (John Krautzel)'``.

    Raises:
        KeyError: *file* is not one of the five articles.
    """
    return str(SOURCES[file])


@attrs.frozen
class Disagreement:
    """A question the articles answer differently.

    Attributes:
        question: what they disagree about.
        readings: what each article says, by file name (quoted).
        default: what `Policy()` does, and why.
        otherwise: the knob or preset that gives the other reading.
    """

    question: str
    readings: Mapping[str, str]
    default: str
    otherwise: str


DISAGREEMENTS: tuple[Disagreement, ...] = (
    Disagreement(
        "The thank-you: e-mail or a mailed card?",
        {
            SEED_000: "“A short, clear email gives you an opportunity to reinforce the positive "
            "impression you left”: handwritten notes are no longer the rule.",
            SEED_001: "“Handwritten notes are nice and welcomed by employers but they also lack "
            "the immediacy of an email message”: a separate e-mail to each person.",
            SEED_002: "“an email goes directly to the intended recipient”, while a card may sit "
            "unopened until after the decision.",
            SEED_003: "write a card at home and “Send the card to them in the mail the next day.”",
            SEED_004: "write a note to each person “and drop them in the mail”, immediately.",
        },
        "An e-mail to every interviewer within 24 hours (three articles against two).",
        "`thank_you_channel=Channel.POSTAL` or the `traditional` preset mails a card; "
        "`mail_card_immediately=True` posts it the same day (004) instead of the next "
        "business day (003). Requested items then go by a separate e-mail.",
    ),
    Disagreement(
        "Phone calls: avoid them, or call?",
        {
            SEED_000: "“Try to avoid any calls”; a call may be appropriate only if told to call "
            "or given a time frame, and then “make one call only”.",
            SEED_001: "“call to follow up once after your interview”, in about a week without a "
            "time frame, “mid-morning before lunch”.",
            SEED_002: "does not mention calls; it prefers e-mail for the thank-you.",
            SEED_003: "on the decision date “you need to call them back”.",
            SEED_004: "use “the interviewer's preferred medium of communication”, phone or "
            "e-mail.",
        },
        "At most one call, in the mid-morning window, and only when invited, when a "
        "timeframe was given, or when the interviewer said they prefer the phone; and "
        "only when the number is known.",
        "The `cautious` preset never calls (`max_calls=0`); the `persistent` preset calls "
        "once without an invitation (`calls_need_invitation=False`).",
    ),
    Disagreement(
        "How long to wait after the decision date",
        {
            SEED_000: "“wait a few days after the anticipated date”.",
            SEED_003: "“You might wait until the following day just to avoid seeming desperate.”",
            SEED_004: "“Wait at least a day after the deadline has passed before reaching out”.",
        },
        "One business day (`wait_after_deadline=1`): 003 and 004 agree on a day.",
        "`wait_after_deadline=3`, as in the `cautious` preset, follows 000's few days.",
    ),
    Disagreement(
        "How many follow-ups",
        {
            SEED_000: "“make one call only”, then be patient.",
            SEED_001: "“call to follow up once”; do “not continuously contact them if you "
            "haven't heard an answer”.",
            SEED_003: "while they do not know yet, “continue to follow-up with them at a later "
            "date”.",
            SEED_004: "if you do not hear back, “Wait a few days before trying again.”",
        },
        "Three check-ins in a row without an answer (`max_check_ins=3`, a number no article "
        "gives), each a few business days apart (`min_gap=3`); a new date from the employer "
        "earns more, never past six contacts in all (`max_contacts_ever=6`).",
        "The `cautious` preset stops at two, a week apart; `max_check_ins=1` is 000's and "
        "001's single follow-up.",
    ),
    Disagreement(
        "Call on the decision date, or after it?",
        {
            SEED_000: "“wait a few days after the anticipated date, then make one call only”.",
            SEED_003: "“When you reach the date that the interviewer gave you that they will make "
            "a possible decision, you need to call them back”, yet “You might wait until the "
            "following day just to avoid seeming desperate.”",
            SEED_004: "“Wait at least a day after the deadline has passed before reaching out”.",
        },
        "Never on the date itself: 003's call on the date becomes a call on the next business "
        "day (`wait_after_deadline=1`, counted in business days, so a Friday deadline gives "
        "Monday), the day 003 itself allows and 004 asks for.",
        "A policy hook (`Policy.check_in_day`) can choose another day, never an earlier one "
        "than the rules allow; `wait_after_deadline=3` follows 000's few days.",
    ),
    Disagreement(
        "An interviewer who prefers the phone: call every time?",
        {
            SEED_000: "“make one call only”.",
            SEED_001: "“call to follow up once after your interview”.",
            SEED_004: "“make sure to use the interviewer's preferred medium of communication”.",
        },
        "The single call wins: a stated phone preference is permission for the one call "
        "(`max_calls=1`), and the check-ins after it go by e-mail, as the call script tells "
        "the candidate.",
        "`max_calls=2` (or more) calls a phone-preferring interviewer again, still one call "
        "per check-in and within the call window.",
    ),
    Disagreement(
        "What restarts the count of unanswered check-ins?",
        {
            SEED_001: "do “not continuously contact them if you haven't heard an answer”.",
            SEED_003: "while they do not know yet, “continue to follow-up with them at a later "
            "date”.",
            SEED_004: "“If you follow up and don't hear back, don't make yourself a nuisance.”",
        },
        "Any answer from the employer, a plain reply as well as news or a new date, starts the "
        "unanswered run of `max_check_ins` again (001 and 004 speak of not hearing back), "
        "within `max_contacts_ever` in all; but after the candidate's closing note a reply "
        "without news earns nothing, and “no decision yet” one more check-in (003), itself a "
        "close.",
        "A lower `max_contacts_ever`, or the `cautious` preset, bounds how often answers can "
        "restart the run.",
    ),
)
"""The questions on which the articles disagree, in the order of ``docs/rules.md``."""
