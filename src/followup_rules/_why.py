"""Why a step is where it is, in words: the rule with the policy's own numbers.

The calendar's "Why:" line and `AgendaItem.why` (the app11 trial: an app showed
the reason only by parsing the calendar, or as the catalogue's English summary,
which names the policy's settings: "wait min_gap business days").
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from ._step_words import Words, business_days, calendar_words, number, rule_summaries, short_day
from .action import _FACTS_SLOT, Action
from .catalogue import RULES
from .facts import LazyFacts
from .model import Channel
from .policy import Policy


def _why(action: Action, policy: Policy, lang: Words) -> str:
    """`_reason`, and for a late step that it is offered again."""
    reason = _reason(action, policy, lang)
    if reason and _late_note(action):
        reason += " " + calendar_words(lang)["late"]
    return reason


def _reason(action: Action, policy: Policy, lang: Words) -> str:
    """Why a step is where it is, in words, with the policy's own numbers.

    The catalogue's summary for most rules; for the rules whose summary names
    a policy setting, a sentence with its value and the day it counts from:
    "The first check-in, one business day after the decision date (Wed 15
    Jul 2026).", "No answer yet: three business days after your last message
    (Thu 16 Jul 2026)."  A setting's name never shows.  In *lang*'s words.
    """
    words = calendar_words(lang)

    def day(value: date) -> str:
        return words["in brackets"] % {"day": short_day(lang, value)}

    if action.rule == "check-in-after-deadline":
        decided = action.facts.decision_by
        return words["after deadline"] % {
            "days": business_days(lang, policy.wait_after_deadline),
            "day": "" if decided is None else day(decided),
        }
    if action.rule == "check-in-no-deadline":
        return words["no deadline"] % {"days": business_days(lang, policy.wait_without_deadline)}
    if action.rule == "retry-gap":
        last = action.facts.previous
        days = business_days(lang, policy.min_gap)
        if last is None:  # a first step to this person: the last contact was someone else's
            return words["retry contact"] % {"days": days}
        what = "retry call" if last.channel is Channel.PHONE else "retry message"
        return words[what] % {"days": days, "day": day(last.day)}
    if action.rule == "undecided":
        # Only a date the employer gave after the interview is a new one: the
        # interview's own date, passed when they said "no decision yet", is not.
        decided = action.facts.decision_by
        given = action.facts.decision_given_on
        new = (
            ""
            if decided is None or given is None
            else words["new date"] % {"day": short_day(lang, decided)}
        )
        return words["undecided"] % {"new": new, "days": business_days(lang, policy.min_gap)}
    rule = RULES[action.rule]  # an `Action` takes only the catalogue's rules
    summary = rule_summaries(lang)[rule.id]  # every rule's, in every language; no code marks
    return _worded_knobs(summary, rule.knobs, policy, lang)


def _worded_knobs(text: str, knobs: Sequence[str], policy: Policy, lang: Words) -> str:
    """*text* with each policy setting it names replaced by the policy's value in words.

    The rules with a wait have sentences of their own (`_reason`); the summaries left
    that name a setting (``one-call``, ``cap``) name counts.  `tests/test_export_mut15.py`
    checks that no setting's name shows, whatever rule a step cites.
    """
    for knob in sorted(knobs, key=len, reverse=True):  # a longer name first
        if knob in text:
            text = text.replace(knob, number(lang, getattr(policy, knob)))
    return text


def _late_note(action: Action) -> bool:
    """`Facts.late`, without building a follow-up's facts to read it: those are made
    lazily (`LazyFacts`) and never late (only a note's are, `rules.late_facts`); the
    agenda's JSON asks every item why (the app11 trial measured it)."""
    facts = _FACTS_SLOT.__get__(action, Action)
    return type(facts) is not LazyFacts and bool(facts.late)
