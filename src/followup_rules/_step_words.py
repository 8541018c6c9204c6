"""The words that name a step and an event, and those of a calendar item, per language.

`Action.describe`, `describe_event` and the calendar (`followup_rules.export`)
say what a step is, why it is where it is and when it was done.  Their English
is the msgid; every phrase carries a context (``step``, ``event``,
``calendar``, ``rule``) so that it never collides with a sentence of the
messages, and it is translated in the same ``.po`` files as the messages
(``babel.cfg`` extracts this module).  English reads them through a null
catalog: its output is what it always was.

This module sits below the planner (`tests/test_layers.py`): it reads the
compiled catalogs itself, and knows only the plain values of the library's
enums (``"check_in"``, ``"email"``), not the model.  Each table is built once
per locale.
"""

from __future__ import annotations

import gettext
from collections.abc import Mapping
from datetime import date, datetime, time
from functools import cache
from importlib import resources
from typing import Any

import pendulum

from ._locale import LOCALES, canonical_locale
from ._regional import quebec
from .errors import InvalidArgument

__all__ = [
    "Words",
    "agenda_words",
    "business_days",
    "calendar_words",
    "clock",
    "draft_words",
    "event_words",
    "label_words",
    "language_named",
    "number",
    "rule_summaries",
    "short_day",
    "short_moment",
    "step_words",
    "words",
]


class Words:
    """One locale's catalog, as the step and calendar lines read it.

    Attributes:
        locale: the canonical locale name (``"de_CH"``).
        code: the language alone (``"de"``), the catalog it reads.
        region: the region, or None.
    """

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self.code, _, region = locale.partition("_")
        self.region = region or None
        self.translations = translations

    def __repr__(self) -> str:
        return f"Words({self.locale!r})"

    def pgettext(self, context: str, message: str) -> str:
        return self._regional(self.translations.pgettext(context, message))

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self._regional(self.translations.npgettext(context, singular, plural, count))

    def _regional(self, text: str) -> str:
        # Switzerland writes "ss" for "ß", as in its messages (`_languages.de`); Quebec
        # says « entrevue », « courriel », « carte professionnelle » (words27d class 1)
        if self.region == "CH":
            return text.replace("ß", "ss")
        if self.region == "CA" and self.code == "fr":
            return quebec(text)
        return text


def language_named(locale: object) -> Words:
    """The `Words` of *locale* (English for None), or `InvalidArgument` on ``locale``."""
    try:
        return words(locale)
    except (LookupError, TypeError):
        raise InvalidArgument(
            "locale", locale, f"expected None or a translated locale ({', '.join(LOCALES)})"
        ) from None


@cache
def words(locale: str | None) -> Words:
    """The `Words` of *locale* (any spelling `canonical_locale` accepts; None is English).

    Raises:
        LookupError: the locale has no translation.
    """
    name = canonical_locale("en" if locale is None else locale)
    if name is None:
        raise LookupError(locale)
    code = name.partition("_")[0]
    return Words(name, _catalog(code))


@cache
def _catalog(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; English is the source and needs none."""
    if code == "en":
        return gettext.NullTranslations()
    path: Any = resources.files("followup_rules").joinpath("locales")
    for part in (code, "LC_MESSAGES", "followup_rules.mo"):
        path = path.joinpath(part)
    with path.open("rb") as data:
        return gettext.GNUTranslations(data)


_NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
"""English counts in words, as the calendar has always written them (digits from 11)."""


def number(language: Words, count: int) -> str:
    """A count as the calendar writes it: English's words (as before, digits from 11),
    digits in the other languages ("1 Werktag", never "eins Werktag")."""
    if language.code == "en":
        return _NUMBERS[count] if 0 <= count < len(_NUMBERS) else str(count)
    return str(count)


_DAY_PATTERNS = {"de": "ddd, D. MMM YYYY", "fr": "ddd D MMM YYYY", "es": "ddd D MMM YYYY"}
_MOMENT_PATTERNS = {"de": "ddd, D. MMM", "fr": "ddd D MMM", "es": "ddd D MMM"}
_CLOCK_SUFFIX = {"de": " Uhr"}
"""What follows a time standing alone ("18:00 Uhr"); the calendar's lines put it in their
own words where a time is part of a phrase ("10:00 bis 17:00 Uhr")."""
_ENGLISH_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ENGLISH_MONTHS = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def short_day(language: Words, moment: date) -> str:
    """A day in short: ``Thu 16 Jul 2026``, ``Do., 16. Juli 2026``, ``jeu. 16 juil. 2026``."""
    if language.code == "en":
        return (
            f"{_ENGLISH_DAYS[moment.weekday()]} {moment.day} "
            f"{_ENGLISH_MONTHS[moment.month - 1]} {moment.year}"
        )
    day = pendulum.datetime(moment.year, moment.month, moment.day)
    return str(day.format(_DAY_PATTERNS[language.code], locale=language.code))


def short_moment(language: Words, moment: datetime, pattern: str) -> str:
    """A local *moment* (a pendulum datetime) in short, with its time; *pattern* is
    English's (``ddd D MMM HH:mm``, with ``zz`` when the hour comes twice)."""
    if language.code == "en":
        return str(moment.format(pattern))  # type: ignore[attr-defined]
    day = moment.format(_MOMENT_PATTERNS[language.code], locale=language.code)  # type: ignore[attr-defined]
    text = f"{day}, {clock(language, moment)}{_CLOCK_SUFFIX.get(language.code, '')}"
    if pattern.endswith(" zz"):
        text += f" {moment.format('zz')}"  # type: ignore[attr-defined]
    return text


def clock(language: Words, moment: datetime | time) -> str:
    """A time of day as the language writes it: ``09:10`` in English (as before),
    ``9:10`` in German and Spanish, ``9 h 10`` and ``18 h`` in French."""
    if language.code == "en":
        return f"{moment:%H:%M}"
    if language.code == "fr":
        minutes = f"\u00a0{moment.minute:02d}" if moment.minute else ""
        return f"{moment.hour}\u00a0h{minutes}"
    return f"{moment.hour}:{moment.minute:02d}"


@cache
def step_words(language: Words) -> Mapping[str, str]:
    """What each step is, by ``"kind channel"`` (``"check_in email"``), and its notes.

    ``%(who)s`` is the recipient's name.  The notes say why a step changed
    channel (by `Fallback` value) and why a mailed card is not advised.
    """
    return {
        "ask_for_cards": language.pgettext("step", "Ask %(who)s for a business card"),
        "ask_timeline": language.pgettext("step", "Ask %(who)s when they expect to decide"),
        "ask_permission": language.pgettext("step", "Ask %(who)s if you may check back, and how"),
        "closing_statement": language.pgettext(
            "step", "Close: sum up your fit, ask %(who)s about doubts and next steps"
        ),
        "recruiter_debrief phone": language.pgettext("step", "Call %(who)s to debrief"),
        "recruiter_debrief email": language.pgettext("step", "E-mail %(who)s a debrief"),
        "recruiter_debrief postal": language.pgettext("step", "Call %(who)s to debrief"),
        "recruiter_debrief in_person": language.pgettext("step", "Call %(who)s to debrief"),
        "thank_you email": language.pgettext("step", "Send %(who)s a thank-you e-mail"),
        "thank_you postal": language.pgettext("step", "Send %(who)s a thank-you card by post"),
        "thank_you phone": language.pgettext("step", "Send %(who)s a thank-you by phone"),
        "thank_you in_person": language.pgettext("step", "Send %(who)s a thank-you in person"),
        "check_in email": language.pgettext("step", "Check in with %(who)s by e-mail"),
        "check_in phone": language.pgettext("step", "Check in with %(who)s by phone"),
        "check_in postal": language.pgettext("step", "Check in with %(who)s by post"),
        "check_in in_person": language.pgettext("step", "Check in with %(who)s in person"),
        "feedback_request email": language.pgettext("step", "Ask %(who)s for feedback by e-mail"),
        "feedback_request phone": language.pgettext("step", "Ask %(who)s for feedback by phone"),
        "feedback_request postal": language.pgettext("step", "Ask %(who)s for feedback by post"),
        "feedback_request in_person": language.pgettext(
            "step", "Ask %(who)s for feedback in person"
        ),
        "feedback_response email": language.pgettext(
            "step", "Answer %(who)s's feedback request by e-mail"
        ),
        "feedback_response phone": language.pgettext(
            "step", "Answer %(who)s's feedback request by phone"
        ),
        "feedback_response postal": language.pgettext(
            "step", "Answer %(who)s's feedback request by post"
        ),
        "feedback_response in_person": language.pgettext(
            "step", "Answer %(who)s's feedback request in person"
        ),
        "send_requested email": language.pgettext(
            "step", "Send %(who)s what they asked for by e-mail"
        ),
        "send_requested phone": language.pgettext(
            "step", "Send %(who)s what they asked for by phone"
        ),
        "send_requested postal": language.pgettext(
            "step", "Send %(who)s what they asked for by post"
        ),
        "send_requested in_person": language.pgettext(
            "step", "Send %(who)s what they asked for in person"
        ),
        "nobody": language.pgettext("step", "the interviewer"),
        "no_phone": language.pgettext("step", "no phone number is known"),
        "night": language.pgettext("step", "their call window reaches into your night"),
        "no_address": language.pgettext("step", "no postal address is known"),
        "after_hours": language.pgettext("step", "too late in their day for a call"),
        "arrives_late": language.pgettext(
            "step", "it may arrive after the decision date: career advice prefers e-mail here"
        ),
        "note": language.pgettext("step", "%(line)s (%(note)s)"),
        "find_number": language.pgettext("step", "no phone number known: find it first"),
        "find_email": language.pgettext("step", "no e-mail address known: find it first"),
    }


@cache
def event_words(language: Words) -> Mapping[str, str]:
    """How a recorded event reads (`describe_event`): kinds, channels, outcomes, shapes."""
    return {
        # what a contact was, as a noun
        "ask_for_cards": language.pgettext("event", "ask-for-cards"),
        "ask_timeline": language.pgettext("event", "ask-timeline"),
        "ask_permission": language.pgettext("event", "ask-permission"),
        "closing_statement": language.pgettext("event", "closing-statement"),
        "thank_you": language.pgettext("event", "thank-you"),
        "recruiter_debrief": language.pgettext("event", "recruiter-debrief"),
        "check_in": language.pgettext("event", "check-in"),
        "feedback_request": language.pgettext("event", "feedback-request"),
        "feedback_response": language.pgettext("event", "feedback-response"),
        "send_requested": language.pgettext("event", "send-requested"),
        # how
        "email": language.pgettext("event", "by e-mail"),
        "phone": language.pgettext("event", "by phone"),
        "postal": language.pgettext("event", "by post"),
        "in_person": language.pgettext("event", "in person"),
        "voicemail": language.pgettext("event", "a voicemail"),
        "answered": language.pgettext("event", "%(how)s, answered"),
        "no answer": language.pgettext("event", "%(how)s, no answer"),
        "contact": language.pgettext("event", "%(kind)s to %(who)s, %(how)s, %(when)s"),
        # what the employer said
        "undecided": language.pgettext("event", "undecided"),
        "next_round": language.pgettext("event", "next round"),
        "offer": language.pgettext("event", "offer"),
        "rejected": language.pgettext("event", "rejected"),
        "feedback_requested": language.pgettext("event", "feedback requested"),
        "withdrawn": language.pgettext("event", "withdrawn"),
        "from": language.pgettext("event", "%(outcome)s from %(sender)s"),
        "new date": language.pgettext("event", "%(outcome)s, new date %(day)s"),
        "round on": language.pgettext("event", "%(outcome)s, the round on %(day)s"),
        "update": language.pgettext("event", "%(outcome)s, %(when)s"),
        "out of office": language.pgettext("event", "out of office, %(when)s"),
        "out of office from": language.pgettext("event", "out of office (%(sender)s), %(when)s"),
        "back": language.pgettext("event", "out of office, back %(day)s, %(when)s"),
        "back from": language.pgettext(
            "event", "out of office (%(sender)s), back %(day)s, %(when)s"
        ),
        "reply": language.pgettext("event", "a reply, %(when)s"),
        "reply from": language.pgettext("event", "a reply from %(sender)s, %(when)s"),
        "snoozed": language.pgettext("event", "snoozed %(step)s until %(until)s, %(when)s"),
        "skipped": language.pgettext("event", "skipped %(step)s, %(when)s"),
        "step": language.pgettext("event", "%(kind)s to %(who)s"),
        "counted": language.pgettext("event", "%(kind)s %(number)s"),
        "note": language.pgettext("event", "%(text)s (%(note)s)"),
    }


@cache
def calendar_words(language: Words) -> Mapping[str, str]:
    """The labels and sentences of a calendar item (`followup_rules.export`)."""
    return {
        "calendar": language.pgettext("calendar", "Interview follow-ups"),
        "calendar one": language.pgettext("calendar", "Follow-up: %(role)s at %(company)s"),
        "summary": language.pgettext("calendar", "%(company)s: %(step)s"),
        "application": language.pgettext("calendar", "%(role)s at %(company)s"),
        "when": language.pgettext("calendar", "When: %(span)s, best at %(time)s"),
        "your time": language.pgettext("calendar", "Your time: %(span)s"),
        "same day": language.pgettext("calendar", "%(day)s, %(start)s-%(end)s (%(zone)s)"),
        "days": language.pgettext(
            "calendar", "%(day)s %(start)s to %(end_day)s %(end)s (%(zone)s)"
        ),
        "why": language.pgettext("calendar", "Why: %(why)s"),
        "call": language.pgettext("calendar", "Call: %(to)s"),
        "to": language.pgettext("calendar", "To: %(to)s"),
        "subject": language.pgettext("calendar", "Subject: %(subject)s"),
        "post to": language.pgettext("calendar", "Post to: %(to)s"),
        "done": language.pgettext("calendar", "Done: %(event)s"),
        "late": language.pgettext(
            "calendar", "Its first window has passed: this is the next one."
        ),
        "snoozed": language.pgettext("calendar", "You snoozed it until %(day)s."),
        "after deadline": language.pgettext(
            "calendar", "The first check-in, %(days)s after the decision date%(day)s."
        ),
        "no deadline": language.pgettext(
            "calendar",
            "No decision date was given: the first check-in, %(days)s after the interview.",
        ),
        "retry message": language.pgettext(
            "calendar", "No answer yet: %(days)s after your last message%(day)s."
        ),
        "retry call": language.pgettext(
            "calendar", "No answer yet: %(days)s after your last call%(day)s."
        ),
        # The recipient has had no contact yet (the last went to someone else):
        # neither its channel nor its day is known here.
        "retry contact": language.pgettext(
            "calendar", "No answer yet: %(days)s after your last contact."
        ),
        "undecided": language.pgettext(
            "calendar",
            "No decision yet: a later check-in%(new)s, %(days)s or more after your last contact.",
        ),
        "new date": language.pgettext("calendar", ", after the new date (%(day)s)"),
        "in brackets": language.pgettext("calendar", " (%(day)s)"),
    }


@cache
def agenda_words(language: Words) -> Mapping[str, str]:
    """An agenda item's note (`AgendaItem.note`) and where a step stands (`FoundStep`)."""
    return {
        "late now": language.pgettext("agenda", "late: do it as soon as you can"),
        "late later": language.pgettext("agenda", "late: do it in its next window"),
        "interview_over": language.pgettext("agenda", "superseded: the interview is over"),
        "events_moved_on": language.pgettext(
            "agenda", "superseded: later events passed its window"
        ),
        "after_late_step": language.pgettext(
            "agenda", "superseded: waits for the late step before it"
        ),
        "too_late": language.pgettext("agenda", "superseded: too late to be worth doing"),
        "late": language.pgettext("agenda", "late"),
        "due": language.pgettext("agenda", "due"),
        "coming": language.pgettext("agenda", "coming"),
        "done": language.pgettext("agenda", "done: %(event)s"),
        "long ago": language.pgettext("agenda", "superseded: its window closed long ago"),
        "not planned": language.pgettext(
            "agenda", "no longer planned: the follow-up ended, or the limits leave no room for it"
        ),
        "unknown": language.pgettext("agenda", "not a step of this application"),
    }


@cache
def label_words(language: Words) -> Mapping[str, str]:
    """What an app labels a choice or a field with: a channel, an outcome, a standing
    (by their values), and a detail a message lacks (`Message.missing_details`' names)."""
    event = event_words(language)
    agenda = agenda_words(language)
    return {
        "channel email": language.pgettext("label", "e-mail"),
        "channel phone": language.pgettext("label", "phone"),
        "channel postal": language.pgettext("label", "post"),
        "channel in_person": language.pgettext("label", "in person"),
        **{
            f"outcome {value}": event[value]
            for value in (
                "undecided",
                "next_round",
                "offer",
                "rejected",
                "feedback_requested",
                "withdrawn",
            )
        },
        **{f"standing {value}": agenda[value] for value in ("late", "due", "coming")},
        "standing superseded": language.pgettext("label", "superseded"),
        "detail email": language.pgettext("label", "their e-mail address"),
        "detail phone": language.pgettext("label", "their phone number"),
        "detail address": language.pgettext("label", "their postal address"),
        "detail feedback": language.pgettext("label", "your feedback on the process"),
        "detail topics": language.pgettext("label", "the topics you discussed"),
        "detail fit": language.pgettext("label", "why you fit the role"),
        "detail honorific": language.pgettext("label", "how to address them (Ms, Mr, Dr)"),
    }


@cache
def draft_words(language: Words) -> Mapping[str, str]:
    """What a draft's warnings say (`followup_rules.export.Draft.warnings`)."""
    return {
        "no to": language.pgettext(
            "draft", "%(path)s: no To: line, no e-mail address is known for %(who)s"
        ),
        "nobody": language.pgettext("draft", "nobody"),
        "no from": language.pgettext(
            "draft",
            "%(path)s: no From: line, the candidate has no e-mail address "
            "(your mail client fills in your own)",
        ),
    }


def business_days(language: Words, count: int) -> str:
    """``one business day``, ``three business days``, ``drei Werktage``."""
    words = language.npgettext(
        "calendar", "%(count)s business day", "%(count)s business days", count
    )
    return words % {"count": number(language, count)}


@cache
def rule_summaries(language: Words) -> Mapping[str, str]:
    """Each rule's summary in this language, by rule id (`tests/test_plan_words.py`
    keeps the English equal to `followup_rules.catalogue.RULES`).  A policy setting's
    name stays as it is in every language: the calendar puts its value in its place."""
    return {
        "cards": language.pgettext(
            "rule",
            "During an in-person interview, collect each interviewer's card (exact name, "
            "title, e-mail, phone) and check they have your résumé and contact details; "
            "after a video or phone interview, the close asks for each e-mail address, phone "
            "number and title, and checks they have your résumé and contact details.",
        ),
        "timeline": language.pgettext(
            "rule", "Before leaving, ask when they expect to make a decision."
        ),
        "permission": language.pgettext(
            "rule",
            "Say you are interested, and ask whether you may check back at that time, and "
            "whether they prefer phone or e-mail.",
        ),
        "closing": language.pgettext(
            "rule",
            "Once you have asked your own questions, close with a short summary of your fit "
            "drawn from the conversation, ask whether anything makes them hesitate, and ask "
            "about next steps.",
        ),
        "thank-you": language.pgettext(
            "rule",
            "Send one thank-you note per interviewer soon after: thanks, a recap, renewed "
            "interest, a brief case for fit, anything missed, and what they asked for (by "
            "e-mail when the note goes by post).",
        ),
        "recruiter": language.pgettext(
            "rule",
            "When an agency recruiter is involved, call them as soon as possible after the "
            "interview, within their business hours.",
        ),
        "next-steps": language.pgettext(
            "rule", "It is fine to ask what further steps (rounds, tests) to expect."
        ),
        "patience": language.pgettext(
            "rule", "No contact between the thank-you and the first allowed check-in."
        ),
        "check-in-after-deadline": language.pgettext(
            "rule",
            "With a decision date (or the end of a window), the first check-in waits "
            "wait_after_deadline business days after it.",
        ),
        "check-in-no-deadline": language.pgettext(
            "rule",
            "Without a decision date, the first check-in comes about a week after the interview.",
        ),
        "one-call": language.pgettext(
            "rule",
            "At most max_calls phone calls to the employer, only when invited, given a "
            "timeframe, or told they prefer the phone, only with a known number, and only "
            "inside the call window on a business day.",
        ),
        "preferred-channel": language.pgettext(
            "rule",
            "Check in through the interviewer's preferred medium; a stated phone preference "
            "is permission to call.",
        ),
        "retry-gap": language.pgettext(
            "rule", "No answer: wait min_gap business days before trying again."
        ),
        "cap": language.pgettext(
            "rule",
            "Never more than max_check_ins check-ins in a row without an answer, nor more "
            "than max_contacts_ever contacts in all.",
        ),
        "undecided": language.pgettext(
            "rule",
            "No decision yet: keep following up later; a new date they give becomes the "
            "deadline, and earns a check-in after it.",
        ),
        "feedback-response": language.pgettext(
            "rule", "When the employer asks for your feedback, answer within the window."
        ),
        "feedback-request": language.pgettext("rule", "Not selected: ask for feedback."),
        "stop": language.pgettext(
            "rule", "An offer or a rejection ends all check-ins; so does a withdrawal."
        ),
    }
