"""``docs/rules.md``, written from the data: the articles, the rules, their quotes.

The page is generated so that it cannot drift from the code: every source
comes from `followup_rules.sources.SOURCES`, every rule, quote and choice of
the library's own from the records `followup_rules.catalogue.RULES` (handed
in by `followup_rules.catalogue.rules_page`, so this module imports only the
sources), every disagreement from `followup_rules.sources.DISAGREEMENTS`.
``followup rules --format page`` prints it, and a test keeps
``docs/rules.md`` equal to it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .sources import DISAGREEMENTS, SOURCES

if TYPE_CHECKING:
    from .catalogue import Rule

__all__ = ["page"]

_INTRO = """\
# The rule catalogue

Every planned `Action` names one of these rules in `action.rule`, and every rule
names the articles it comes from (`action.sources`, by file name). A rule cites
an article only for what that article says, quoted below word for word; what
the library decided on its own is marked as its own. The knobs are the
`Policy` fields that tune the rule. This page is generated from the code
(`followup_rules.catalogue.rules_page()`, also `followup rules --format page`),
and a test keeps it equal to the code.
"""

_ACTION_SOURCES = """\
## An action's sources

`action.sources` are the articles of the action's rule and of the rules that
shaped it, never an article that says nothing about the step: a check-in
that is a call adds `one-call`'s (000, 001, 004), one sent through the
interviewer's preferred medium `preferred-channel`'s (004), one that asks
what steps to expect `next-steps`'s (002); the close of a video or phone
interview, which asks for the details a card would give, adds `cards`'s;
the answer to the employer's request for feedback that, after a rejection,
also asks for theirs cites `feedback-response` and `feedback-request`; the
items an interviewer asked for, sent beside a mailed card, cite 004 alone.
So an action may cite more articles than `RULES[action.rule].sources`, each
for what it says.

## Where the catalogue departs from the specification's table

The product specification lists each rule's sources; the catalogue follows
it, with these differences, each because a rule cites an article only for
what the article says:

- `stop`: the specification says "all"; only 003 (they tell you that you got
  the job, that you did not, or that they do not know yet) and 004 (what to
  do when you do not get the job) speak of the employer's answer ending the
  follow-up. 000, 001 and 002 say nothing about it, so they are not cited.
- `cap`: the specification lists 001, 003 and 004; 003 asks the candidate
  to keep following up while the employer does not know yet (cited for
  `undecided`) and warns against contact without a legitimate reason (cited
  for `patience`), but bounds no number of follow-ups, so `cap` cites 001
  (not contacting them continuously) and 004 (the line between enthusiastic
  and pushy).
- `one-call` also cites 004 (a stated phone preference is permission to
  call), and `undecided` also cites 004 (the timetable is often extended).
"""

_COMBINE = """\
## How the rules combine

- **Step rules** make actions: `cards`, `timeline`, `permission` and `closing`
  in the room (each with its talking points); `thank-you` and `recruiter`
  right after; the check-ins (`check-in-after-deadline`,
  `check-in-no-deadline`, `undecided`, `retry-gap` for the later tries);
  `feedback-response` and `feedback-request`.
- **Limit rules** bound them: `patience` (nothing before every thank-you window
  has closed), `retry-gap` (business days between contacts), `cap` (in a row
  without an answer, and ever), `one-call` (how many calls, why, and when) and
  `stop`. Each limit on a day is one unit of `followup_rules.limits`, which
  the planner and `audit` read alike: the planner takes the latest day any
  of them allows, and the audit names the first one a contact breaks.
- **Choice rules** shape them: `preferred-channel` picks the medium and
  `next-steps` makes a check-in ask what steps to expect.
"""

_DECISIONS = """\
## Decisions where the articles leave room

- **Follow-up contacts** are check-ins, feedback requests and feedback
  responses. A check-in keeps `min_gap` business days from the previous
  contact *and* from the employer's latest answer. The first check-in also
  keeps `min_gap` from the last thank-you note (as sent, or as planned) and
  waits until every thank-you window has closed (`patience`). A feedback
  response is never held back (002 wants it fast).
- **Answers.** An answer from the employer (a reply, or any news) starts the
  unanswered run of `max_check_ins` again, and the wait. However often the
  employer answers or postpones, the candidate never starts more than
  `max_contacts_ever` follow-up contacts (check-ins and the feedback request).
- **After the closing note.** The last check-in the limits allow closes
  gracefully: it restates the candidate's interest warmly and leaves the door
  open, and it still asks one plain question; a reply without news to it earns
  no further check-in (001, 004). "No decision yet" earns one more, itself a
  close worded differently (003: keep following up while they do not know);
  news of a next round
  opens a new run. The last note of every later run closes in words of
  its own. No sentence longer than a
  short courtesy is said twice to one person, nor again with only its date
  changed: each check-in's wording follows its number among all check-ins to
  that person.
- **A new decision date** given with "no decision yet" replaces the old one,
  earlier or later (004: the timetable is often extended), and earns at least
  one check-in after it, within `max_contacts_ever`. Without a new date, the
  next check-in waits `wait_without_deadline` business days from the answer.
- **Vague timeframes** (001: "they could be less exact"): `decision_by`
  takes a date, a window, or a phrase such as "in a couple of weeks", "by the
  end of the month" or "early next week", read from the interview's date by
  `followup_rules.timeframe`. Check-ins follow the end of the window. A
  message said the day the phrase was given repeats it ("next week"); any
  later one names its dates ("in the week of Monday, October 26", "by
  Friday, July 10"), or, for an approximate span, the day it runs from
  ("within a couple of weeks of Tuesday, July 7"), so that no message says
  "next week" of a week long gone and none invents an end date. A phrase
  the parser cannot read is refused.
- **Calls** need a reason (an invitation, a stated phone preference, a
  timeframe, or a policy that allows uninvited calls) and a known number; a
  check-in that would be a call to an unknown number is an e-mail whose
  action says why.
- **Next round** is good news, not the end: the decision the earlier date was
  about is made, so that date no longer holds; the next check-in answers the
  news the next business day (as the feedback request answers a rejection),
  keeping `min_gap` only from the candidate's own last contact and from the
  thank-you; it asks what the round involves and when (`next-steps`, 002),
  and every later one is about that round, adding something new (flexible
  for the round and open to suggested times, sending what helps) rather than
  asking again; the last of the run says it is the last for now. Plan the
  round itself as a new `Interview` once it is scheduled.
- **Out-of-office replies** are no answer: the check-in an auto-reply meets
  still counts against `max_check_ins` (it waits in their inbox and is read
  on their return), and the run of unanswered check-ins goes on, so a
  contact away again and again never gets more than `max_check_ins` notes in
  a row (the library's own choice). They hold the next check-in, and the
  feedback request, until one business day after their first business day
  back (the return date, or the next business day when it falls on a weekend
  or holiday; a week after the auto-reply when none is given), so their
  first morning back is left to their backlog (the library's own choice).
- **The feedback request** answers the rejection: it goes out the next
  business day, keeps `min_gap` only from the candidate's own last follow-up,
  and waits for an out-of-office to end; once only. When the employer also
  asks for the candidate's feedback, the one answer gives it, thanks them for
  the decision and asks for theirs: no second e-mail.
- **News before the thank-you.** A rejection or a withdrawal heard before the
  notes go out cancels them (and the recruiter debrief): the feedback request
  thanks the contact instead. An offer keeps the notes, without the case for
  fit or the look ahead to next steps. A next round keeps them, looking
  forward to it.
- **Windows**: e-mail check-ins open and close with the recipient's send window
  on one business day, calls with the call window; a window swallowed by a DST
  change moves to the next business day.
- **Thank-you by post** is written the day of the interview and mailed on the
  candidate's next business day (003), or the same day with
  `mail_card_immediately` (004), in the candidate's zone. After a video or
  phone interview a card needs an address (the interviewer's, or the
  employer's); without one the note goes by e-mail and says why. Items an
  interviewer asked for go to them alone, by e-mail beside the card.
- **Interview format**: only an in-person interview hands out business
  cards; after a video or phone interview, the closing statement asks each
  interviewer for their e-mail address and exact title.
- **The recruiter debrief** is held to the recruiter's business hours (the
  send window, in the recruiter's zone). An interview that ends with less
  than half an hour of those hours left is debriefed by e-mail that evening
  when the recruiter's address is known (000: as soon as possible; the
  interviewer will not call them before morning either), offering a call;
  otherwise the call is first thing the next business morning. A recruiter
  who also interviewed the candidate is the employer: no debrief, and calls
  to them count.
- **A mailed card** is likely delivered two business days after it is
  posted; when that is after the decision date, the step and its message
  warn that it may arrive too late (002).
"""


def _cite(file: str) -> str:
    return str(SOURCES[file])


def page(rules: Iterable[Rule], table: str) -> str:
    """The whole of ``docs/rules.md``: the *rules* in order, and their *table* (Markdown)."""
    parts = [_INTRO, "## The five articles\n"]
    rows = ["| id | title | author | firm |", "|---|---|---|---|"]
    for source in SOURCES.values():
        title = source.title or "(the article names no title)"
        rows.append(f"| {source.id} | {title} | {source.author or '—'} | {source.firm or '—'} |")
    parts.append("\n".join(rows) + "\n")
    parts.append("## The rules\n")
    parts.append(table)
    parts.append("## What each article says, rule by rule\n")
    for item in rules:
        lines = [f"### `{item.id}`", "", item.summary, ""]
        lines += [f"- {_cite(file)}: “{quote}”" for file, quote in item.quotes]
        lines += [f"- The library's own choice: {choice}." for choice in item.own]
        parts.append("\n".join(lines) + "\n")
    parts.append("## Where the articles disagree\n")
    for disagreement in DISAGREEMENTS:
        lines = [f"### {disagreement.question}", ""]
        lines += [f"- {_cite(file)}: {reading}" for file, reading in disagreement.readings.items()]
        lines += ["", f"**The default:** {disagreement.default}", ""]
        lines += [f"**The other reading:** {disagreement.otherwise}"]
        parts.append("\n".join(lines) + "\n")
    parts.append(_ACTION_SOURCES)
    parts.append(_COMBINE)
    parts.append(_DECISIONS)
    return "\n".join(parts)
