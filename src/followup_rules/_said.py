"""Sentences said again in another language: the audit's findings, a message's warnings.

`audit` (through `followup_rules.limits`) and `render` build their sentences
for people as a `Said`: a ``str`` that reads as the English sentence always
read (what `Violation.message` and `Message.warnings` hold), and that keeps
what it was made of, its phrase and its values (days, moments, counts,
names), so that `Said.in_language` writes it again in German, French or
Spanish, each value in that language's words (`followup_rules._step_words`:
``Mi., 8. Juli 2026``, ``3 Werktage``).  English is the msgid, as for the
step and event words: its output is the sentence of before, byte for byte.

The phrases carry the contexts ``audit`` and ``warning``; ``babel.cfg``
extracts this module into the catalogs.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import cache
from typing import Any, ClassVar

import pendulum

from ._calendar import BusinessCalendar, working_week_runs
from ._grammar import counted
from ._step_words import Words, business_days, clock, event_words, short_day, words

__all__ = [
    "BusinessDay",
    "CallTime",
    "Days",
    "Kind",
    "Moment",
    "OutcomeName",
    "Said",
    "Window",
    "phrases",
    "week_words",
]


class Said(str):
    """An English sentence (the ``str`` itself) that can be written in another language.

    Attributes:
        key: the phrase's key in `phrases`.
        values: what fills it, by name: a ``date``, an ``int``, a ``str`` (a
            name, kept as typed), or one of this module's values (`Moment`,
            `Days`...), each written in the language asked for.
    """

    key: str
    values: Mapping[str, object]

    def __new__(cls, key: str, **values: object) -> Said:
        made = super().__new__(cls, _fill(words(None), key, values))
        made.key = key
        made.values = values
        return made

    def __reduce__(self) -> tuple[Callable[..., Said], tuple[Any, ...]]:
        return _said_again, (self.key, tuple(self.values.items()))

    def in_language(self, language: Words) -> str:
        """The sentence in *language* (English: the sentence itself)."""
        if language.code == "en":
            return str(self)
        return _fill(language, self.key, self.values)


def _said_again(key: str, values: tuple[tuple[str, object], ...]) -> Said:
    """How a pickled `Said` is made again."""
    return Said(key, **dict(values))


def say(text: str, language: Words) -> str:
    """*text* in *language* when it is a `Said`, else as it is (a sentence made by hand)."""
    return text.in_language(language) if isinstance(text, Said) else str(text)


def _fill(language: Words, key: str, values: Mapping[str, object]) -> str:
    phrase = phrases(language)[key]
    return phrase % {name: _value(language, value) for name, value in values.items()}


def _value(language: Words, value: object) -> str:
    if isinstance(value, _Value):
        return value.english() if language.code == "en" else value.said(language)
    if isinstance(value, date):
        return str(value) if language.code == "en" else short_day(language, value)
    return str(value)


class _Value:
    """A value of a sentence, written as English always wrote it, or in a language's words."""

    __slots__ = ()
    _args: ClassVar[tuple[str, ...]] = ()
    """The attributes, in the order the constructor takes them."""

    def english(self) -> str:
        raise NotImplementedError

    def said(self, language: Words) -> str:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Value) or type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((type(self), self._key()))

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in self._args)

    def __reduce__(self) -> tuple[type, tuple[object, ...]]:
        return type(self), self._key()


def _weekday(language: Words, moment: date) -> str:
    day = pendulum.date(moment.year, moment.month, moment.day)
    return str(day.format("ddd", locale=language.code))


def _suffix(language: Words) -> str:
    return " Uhr" if language.code == "de" else ""


class Moment(_Value):
    """A local moment with its zone's abbreviation: ``2026-07-08 09:00 CEST`` in English,
    ``Mi., 8. Juli 2026, 9:00 Uhr CEST`` in German."""

    __slots__ = ("moment",)
    _args = ("moment",)

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def english(self) -> str:
        return f"{self.moment:%Y-%m-%d %H:%M %Z}"

    def said(self, language: Words) -> str:
        moment = self.moment
        zone = f" {moment:%Z}" if moment.tzname() else ""
        day = short_day(language, moment.date())
        return f"{day}, {clock(language, moment)}{_suffix(language)}{zone}"


class CallTime(_Value):
    """A call's weekday and time on the recipient's clock: ``Sat 09:00``, ``Sa. 9:00``."""

    __slots__ = ("moment",)
    _args = ("moment",)

    def __init__(self, moment: datetime) -> None:
        self.moment = moment

    def english(self) -> str:
        return f"{self.moment:%a %H:%M}"

    def said(self, language: Words) -> str:
        return f"{_weekday(language, self.moment.date())} {clock(language, self.moment)}"


class Window(_Value):
    """A time window of the day: ``10:00-11:30``, ``10:00 bis 11:30 Uhr``."""

    __slots__ = ("end", "start")
    _args = ("start", "end")

    def __init__(self, start: time, end: time) -> None:
        self.start = start
        self.end = end

    def english(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"

    def said(self, language: Words) -> str:
        span = language.pgettext("audit", "%(start)s to %(end)s")
        shown = span % {"start": clock(language, self.start), "end": clock(language, self.end)}
        return shown + _suffix(language)


class Days(_Value):
    """A count of business days: ``1 business day``, ``2 business days`` in English,
    ``3 Werktage``."""

    __slots__ = ("count",)
    _args = ("count",)

    def __init__(self, count: int) -> None:
        self.count = count

    def english(self) -> str:
        return counted(self.count, "business day")

    def said(self, language: Words) -> str:
        return business_days(language, self.count)


class OutcomeName(_Value):
    """An employer's outcome by its value (``"offer"``): ``OFFER`` in English, as the
    sentence always read, the event's word elsewhere (``Angebot``)."""

    __slots__ = ("value",)
    _args = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def english(self) -> str:
        return self.value.upper()

    def said(self, language: Words) -> str:
        return event_words(language)[self.value]


class Kind(_Value):
    """A contact's kind by its value (``"thank_you"``): ``thank-you``, ``Dankeschön``."""

    __slots__ = ("value",)
    _args = ("value",)

    def __init__(self, value: str) -> None:
        self.value = value

    def english(self) -> str:
        return self.value.replace("_", "-")

    def said(self, language: Words) -> str:
        return event_words(language)[self.value]


class BusinessDay(_Value):
    """What a business day is on a policy's calendar, to end a sentence ("a business day",
    "a business day in IL (Sunday to Thursday, not a public holiday)")."""

    __slots__ = ("day", "holidays")
    _args = ("holidays", "day")

    def __init__(self, holidays: object, day: date) -> None:
        self.holidays = holidays
        self.day = day

    def english(self) -> str:
        return self.said(words(None))

    def said(self, language: Words) -> str:
        holidays = self.holidays
        if type(holidays) is not BusinessCalendar:
            return language.pgettext("audit", "a business day")
        return language.pgettext(
            "audit", "a business day in %(country)s (%(week)s, not a public holiday)"
        ) % {"country": holidays.code, "week": week_words(language, holidays.weekend(self.day))}


def week_words(language: Words, weekend: frozenset[int]) -> str:
    """The working days of a week in *language*: "Monday to Friday", "Sunday to
    Thursday", "Monday to Thursday and Saturday" ("Sonntag bis Donnerstag")."""
    runs = working_week_runs(weekend)
    parts = [
        _day_name(language, run[0])
        if len(run) == 1
        else language.pgettext("audit", "%(first)s to %(last)s")
        % {"first": _day_name(language, run[0]), "last": _day_name(language, run[-1])}
        for run in runs
    ]
    if not parts:
        return language.pgettext("audit", "no day")
    if len(parts) == 1:
        return parts[0]
    return language.pgettext("audit", "%(some)s and %(last)s") % {
        "some": ", ".join(parts[:-1]),
        "last": parts[-1],
    }


def _day_name(language: Words, weekday: int) -> str:
    """A weekday's whole name (0 is Monday) in *language*."""
    return str(pendulum.date(2024, 1, 1 + weekday).format("dddd", locale=language.code))


@cache
def phrases(language: Words) -> Mapping[str, str]:
    """The audit's sentences (context ``audit``) and a message's warnings (``warning``),
    by key; ``%(name)s`` is a value of the `Said`."""
    return {
        # a check-in (or a feedback request) before a limit's first day
        "too early": language.pgettext(
            "audit", "check-in on %(day)s, before the first allowed day %(first)s"
        ),
        "gap": language.pgettext(
            "audit",
            "only %(apart)s after the last exchange on %(previous)s; the policy asks for "
            "%(min_gap)s",
        ),
        "gap elsewhere": language.pgettext(
            "audit",
            "only %(apart)s after a follow-up to the same person at this employer in another "
            "application on %(previous)s; the policy asks for %(min_gap)s",
        ),
        "skipped": language.pgettext(
            "audit",
            "check-in on %(day)s, within %(gap)s of the check-in skipped on %(skipped)s",
        ),
        "hold check-in": language.pgettext(
            "audit", "check-in on %(day)s while they are out of office (until %(until)s)"
        ),
        "hold feedback": language.pgettext(
            "audit",
            "a feedback request on %(day)s while they are out of office (until %(until)s)",
        ),
        "patience": language.pgettext(
            "audit",
            "a check-in on %(day)s, too soon after the thank-you (%(gap)s, and its window closed)",
        ),
        "answers news": language.pgettext(
            "audit", "a feedback request on %(day)s, before the business day after the news"
        ),
        # what closes a step outright
        "stop": language.pgettext("audit", "a check-in after the %(outcome)s outcome"),
        "arranged": language.pgettext(
            "audit",
            "a check-in after the next round was arranged for %(day)s: it is an interview of "
            "its own",
        ),
        "cap in a row": language.pgettext(
            "audit",
            "check-in number %(number)s without an answer; the policy allows %(allowed)s",
        ),
        "cap ever": language.pgettext(
            "audit", "follow-up contact number %(number)s in all; the policy allows %(allowed)s"
        ),
        "asked once": language.pgettext("audit", "feedback was already asked for once"),
        # calls
        "calls": language.pgettext(
            "audit", "call number %(number)s to the employer; the policy allows %(allowed)s"
        ),
        "uninvited call": language.pgettext(
            "audit", "a call nobody invited, with no timeframe given"
        ),
        "call window": language.pgettext(
            "audit", "call at %(time)s recipient time, outside %(window)s on %(business_day)s"
        ),
        # thank-you notes
        "thanks early": language.pgettext(
            "audit",
            "thank-you sent %(at)s, before the interview ended (%(ended)s): it thanks for a "
            "conversation not yet over",
        ),
        "thanks moot": language.pgettext(
            "audit", "thank-you sent %(at)s, late and after the employer's answer or a check-in"
        ),
        "thanks too late": language.pgettext(
            "audit",
            "thank-you sent %(at)s, after it was due (%(due)s) and past the last day a late "
            "note is still worth it (%(limit)s)",
        ),
        "second note": language.pgettext(
            "audit",
            "a second %(what)s to %(name)s (the first on %(sent)s): one note per interviewer",
        ),
        "second step": language.pgettext(
            "audit", "a second %(what)s to %(name)s (the first on %(sent)s): it is done once"
        ),
        # a message's warnings (`Message.warnings`)
        "misdialled": language.pgettext(
            "warning",
            "the number %(phone)s has the country code +%(code)s, which does not fit "
            "%(name)s's time zone (%(zone)s): check the number, or give their own time zone "
            "(Interviewer.timezone), since the call window follows it",
        ),
        "card after decision": language.pgettext(
            "warning",
            "a card in the post is likely to arrive after the decision date (%(day)s): career "
            "advice warns that a posted card may sit unopened until after the decision, so "
            "consider sending the thank-you by e-mail",
        ),
        # the library's own advice, not a seed's (docs/rules.md, `preferred-channel`)
        "agency recruiter": language.pgettext(
            "warning",
            "%(agency)s, the agency that put you forward, may prefer you to follow up through "
            "your recruiter, %(name)s: you may ask %(name)s for news first, or instead of "
            "sending this",
        ),
        "agency recruiter unnamed": language.pgettext(
            "warning",
            "your agency may prefer you to follow up through your recruiter, %(name)s: you may "
            "ask %(name)s for news first, or instead of sending this",
        ),
    }
