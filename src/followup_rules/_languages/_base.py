"""How each language writes the words that are built in Python, not in templates.

The sentences of the messages live in the templates as gettext calls, and
their translations in the catalogs under ``followup_rules/locales``.  A few
words are put together in Python, because they follow the data rather than a
sentence: the date and the clock, a list ("a, b and c"), a number, a time
zone, how a window of days is worded ("by the end of July"), a call window,
and above all how a letter greets a person and names them.  This package
writes those: English here, in `Language`, and one subclass per language
in its own module (`de`, `fr`, `es`):

- the phrases go through the same catalog as the templates (`pgettext`
  with a context, `npgettext` for plurals), so that a translator finds
  every word of a language in one ``.po`` file;
- where grammar, not vocabulary, decides (gender and case in a greeting,
  "y" that becomes "e" before "i" in Spanish, "de" that becomes "d'" before
  a vowel in French, the lower case after a German greeting) the subclass
  does it in code, from a small per-language table.

`language` returns the one instance per locale, its catalog loaded once.
"""

from __future__ import annotations

import gettext
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time, timedelta, tzinfo
from functools import cached_property, lru_cache
from importlib import resources
from typing import Any, ClassVar

import pendulum

from .._grammar import join_words
from ..model import Interviewer, Recruiter, Salutation, honorific_parts
from ..timeframe import Timeframe

Person = Interviewer | Recruiter | None


_FEMALE = frozenset({"Ms.", "Mrs.", "Miss"})


_MALE = frozenset({"Mr."})


_INCLUSIVE = re.compile(
    # a mark between a word and its other ending: "Directeur·rice", "Leiter*in",
    # "Leiter:in", "Leiter_in", "Chargé.e"
    r"[^\W\d_][·•⋅∙*:_](?=[^\W\d_])"
    r"|[a-zà-ÿ]\.(?:e|ne|le|se|te|rice|trice|euse|esse|in|innen)s?(?=[\s,)]|$)"
    # the other ending in brackets or after a slash: "Chargé(e)", "Leiter(in)",
    # "Director(a)", "Directeur/trice", "Leiter/-in", "Director/a"
    r"|[^\W\d_]\((?:e|ne|le|se|te|rice|trice|euse|esse|in|innen|a|as)s?\)"
    r"|[^\W\d_]/-?(?:e|ne|le|rice|trice|euse|esse|in|innen|a|as)s?(?=[\s,)]|$)"
    # German's capital I after a noun's ending ("LeiterIn", "StudentIn"; not "LinkedIn")
    # and Spanish's "@" ("Director@")
    r"|(?:er|or|eur|ent|ant|at|ist|ekt|og|urg)In(?:nen)?\b|[^\W\d_]@(?=[\s,)]|$)"
)
"""A job title written in an inclusive form, both genders at once: it can be neither
said aloud nor written on an envelope (issue 19, round 24, class 1)."""


def inclusive_title(title: str | None) -> bool:
    """Whether *title* is written in an inclusive form ("Directeur·rice technique",
    "Leiter*in Vertrieb", "Director/a de datos"): a form for a page read silently, which
    an envelope, a letter to a third person and a script read aloud leave out, since
    the library cannot tell which of the two the person is."""
    return bool(title) and _INCLUSIVE.search(str(title)) is not None


def _titles(person: Person) -> tuple[str | None, str | None]:
    """The courtesy title and the academic title of *person*, when given."""
    if person is None:
        return None, None
    return honorific_parts(person.honorific)


def _gender(courtesy: str | None) -> str | None:
    """ "f" or "m" when the courtesy title tells (Mx. and none do not)."""
    if courtesy in _FEMALE:
        return "f"
    if courtesy in _MALE:
        return "m"
    return None


def _first_name_recruiter(person: Person, style: Salutation) -> bool:
    """One's own recruiter with no honorific, under the default style: first name."""
    return isinstance(person, Recruiter) and style is Salutation.HONORIFIC and not person.honorific


_DAY_FIRST = frozenset({"GB", "AU", "NZ"})
"""Englishes that write "Monday 10 August" and "Mr Smith" (British usage, also
Australian and New Zealand)."""


_WEEK_KINDS = frozenset({"this_week", "next_week", "early_next_week", "end_of_next_week"})
"""The windows worded differently the day they were given (`Language.decision_words` *now*)."""


def _full(person: Person) -> str:
    return "" if person is None else person.name


def _first(person: Person) -> str:
    if person is None:
        return ""
    words = person.name.split()
    return words[0] if words else person.name


def _family(person: Person) -> str:
    if isinstance(person, Interviewer):
        return person.family_name
    return person.name.split()[-1] if person is not None else ""


def _contracted(
    message: str, variables: Mapping[str, Any], pattern: re.Pattern[str], forms: Mapping[str, str]
) -> tuple[str, Mapping[str, Any]]:
    """A preposition and an article the value begins with, contracted: French "de le
    tour" is "du tour", Spanish "de el equipo" is "del equipo" (*forms* maps "de le")."""
    found = _found(pattern, str(message))
    if not found:
        return message, variables
    values: dict[str, Any] | None = None  # copied only when an article is contracted
    text = str(message)
    for preposition, name in found:
        value = (variables if values is None else values).get(name)
        if not isinstance(value, str) or not value.startswith(_ARTICLES):
            continue
        if values is None:
            values = dict(variables)
        for article in _ARTICLES:
            key = f"{preposition.casefold()} {article.strip()}"
            if value.startswith(article) and key in forms:
                word = forms[key]
                word = word[0].upper() + word[1:] if preposition[0].isupper() else word
                rest = f"{name}_without_article"
                values[rest] = value[len(article) :]
                text = text.replace(f"{preposition} %({name})s", f"{word} %({rest})s")
                break
    if values is None:
        return message, variables
    return type(message)(text), values


_ARTICLES = ("les ", "le ", "el ")
"""The articles a preposition contracts with (`_contracted`), longest first."""


@lru_cache(maxsize=4096)
def _found(pattern: re.Pattern[str], message: str) -> tuple[Any, ...]:
    """``pattern.findall(message)``, once per sentence of the catalog: a message fills
    the same few hundred sentences again and again, with other values."""
    return tuple(pattern.findall(message))


def _fill(message: str, variables: Mapping[str, Any]) -> str:
    """``message % variables``, but a value ending in "." swallows the "." after it."""
    if ")s." in message:
        places = _found(_STOPS, str(message))
        if places:
            for name in places:
                value = variables.get(name)
                if isinstance(value, str) and value.endswith("."):
                    message = type(message)(message.replace(f"%({name})s.", f"%({name})s"))
    return message % variables


_STOPS = re.compile(r"%\((\w+)\)s\.(?!\.)")


_OPEN_PLACE = re.compile(r"%\((\w+)\)s (?=[^\W\d_])")


def _us_date_end(value: Any) -> bool:
    # A value that does not end in a digit (before a final line break, which "$"
    # allows) cannot end in a date: the search, which tries the pattern at every
    # position of the value, is made only for one that does.
    return (
        isinstance(value, str)
        and value.rstrip("\n")[-1:].isdecimal()
        and _US_DATE_END.search(value) is not None
    )


_US_DATE_END = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (?:January|February|"
    r"March|April|May|June|July|August|September|October|November|December) \d{1,2}$"
)


_MINUS = "\u2212"
"""The minus sign, as typesetting writes a negative offset ("UTC\u22124")."""


def _offset(moment: datetime, *, padded: bool, minus: str = "-") -> str:
    """ "UTC", "UTC+10", "UTC-4", "UTC+5:30" (or "UTC+05:30" when *padded*).

    English keeps the hyphen-minus; the other languages pass the true minus
    sign (`_MINUS`), as their typography writes it.
    """
    offset = moment.utcoffset()
    if offset is None or not offset:
        return "UTC"
    minutes = int(offset.total_seconds()) // 60
    sign = minus if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    if padded:
        return f"UTC{sign}{hours:02d}:{rest:02d}"
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _zone_key(tz: tzinfo | None) -> str | None:
    key = getattr(tz, "key", None) or getattr(tz, "name", None)
    if isinstance(key, str) and "/" in key and not key.startswith("Etc/"):
        return key
    return None


@lru_cache(maxsize=1)
def _cities() -> Mapping[str, Mapping[str, str]]:
    """CLDR's names of the zones' cities, where a language's differs from the zone's own."""
    data = (
        resources.files("followup_rules")
        .joinpath("locales")
        .joinpath("zones.json")
        .read_text("utf-8")
    )
    cities: dict[str, dict[str, str]] = json.loads(data)["cities"]
    return cities


@lru_cache(maxsize=4096)
def _format_day(day: date, pattern: str, locale: str) -> str:
    """Cached: pendulum's formatter is slow, and a population shares its days."""
    return str(pendulum.datetime(day.year, day.month, day.day).format(pattern, locale=locale))


@lru_cache(maxsize=1024)
def _format_time(clock: time, pattern: str, locale: str) -> str:
    return str(
        pendulum.datetime(2000, 1, 1, clock.hour, clock.minute).format(pattern, locale=locale)
    )


@lru_cache(maxsize=256)
def _month_name(year: int, month: int, locale: str) -> str:
    return str(pendulum.datetime(year, month, 1).format("MMMM", locale=locale))


_LEGAL_FORM = re.compile(
    r",?\s+(?:GmbH\s*&\s*Co\.\s*KG(?:aA)?|UG\s*\(haftungsbeschränkt\)|gGmbH|GmbH|mbH|AG|"
    r"KGaA|KG|OHG|oHG|GbR|SE|eG|e\.\s?V\.|VVaG|"
    r"Ltd\.?|LLC|L\.L\.C\.|Inc\.?|inc\.?|Corp\.?|Co\.|PLC|plc|LLP|Pty\.?\s+Ltd\.?|ULC|"
    r"SASU|SAS|SARL|Sàrl|SàRL|SNC|SA|S\.A\.S\.|S\.A\.R\.L\.|Ltée|ltée|"
    r"S\.A\.\s+de\s+C\.V\.|SA\s+de\s+CV|S\.\s?de\s+R\.\s?L\.(?:\s+de\s+C\.V\.)?|"
    r"S\.A\.S\.|S\.A\.U\.|S\.A\.|S\.L\.U\.?|S\.L\.|SLU|SL|S\.R\.L\.|SRL|Ltda\.?|LTDA\.?|"
    r"S\.p\.A\.|SpA|BV|B\.V\.|NV|N\.V\.|"
    r"(?:Private|Pvt\.?|Pte\.?)\s+(?:Ltd\.?|Limited)|Pvt\.?|Pte\.?|Sdn\.?\s+Bhd\.?|Bhd\.?|"
    r"Limited|Corporation|Incorporated|LP|L\.P\.|KK|K\.K\.|GK|G\.K\.|Oyj|Oy|ASA|AS|AB|SAU|UG|ltee|Ltee)$"
)
"""A trailing legal form, which speech leaves out (issue 19, fifth round, class 5): each
that `identity.employer_key` drops but "company" (a word of the name: "The Walt Disney
Company"), and the compounds of Asia ("Pvt Ltd", "Sdn Bhd": the loop14 trial said "Himal
Tech Pvt")."""

_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$|,\s+[^,]+$")
"""A role's trailing qualifier, in parentheses or after a comma: not said aloud."""


_WORD = re.compile(r"(\w+)")
"""Splits text into words (odd places) and what lies between them."""


NANP_ZONES = (
    # tzdata's zone.tab for US, CA and PR, and the old names that link to them: where
    # a "+1" number is dialled without its code (a number read aloud in Toronto to
    # someone in Toronto is "416 555 0100": words26a class 4, r22 fr 02.4, 09.8)
    "America/New_York", "America/Detroit", "America/Kentucky/", "America/Indiana/",
    "America/Chicago", "America/Menominee", "America/North_Dakota/", "America/Denver",
    "America/Boise", "America/Phoenix", "America/Los_Angeles", "America/Anchorage",
    "America/Juneau", "America/Sitka", "America/Metlakatla", "America/Yakutat",
    "America/Nome", "America/Adak", "Pacific/Honolulu", "America/Puerto_Rico",
    "America/St_Johns", "America/Halifax", "America/Glace_Bay", "America/Moncton",
    "America/Goose_Bay", "America/Blanc-Sablon", "America/Toronto", "America/Iqaluit",
    "America/Atikokan", "America/Winnipeg", "America/Resolute", "America/Rankin_Inlet",
    "America/Regina", "America/Swift_Current", "America/Edmonton", "America/Cambridge_Bay",
    "America/Inuvik", "America/Creston", "America/Dawson_Creek", "America/Fort_Nelson",
    "America/Whitehorse", "America/Dawson", "America/Vancouver", "America/Montreal",
    "America/Thunder_Bay", "America/Nipigon", "America/Rainy_River", "America/Yellowknife",
    "America/Pangnirtung", "America/Indianapolis", "America/Fort_Wayne",
    "America/Louisville", "America/Knox_IN", "America/Atka", "America/Shiprock", "US/",
    "Canada/", "Navajo",
)  # fmt: skip
"""The zones of the North American Numbering Plan's United States, Canada and Puerto
Rico, where a "+1" number is dialled as its ten digits."""


class Language:
    """How one locale writes dates, times, lists, numbers, zones, and people's names.

    The base class is English; each other language overrides what differs.
    Its phrases that hold words (a window of days, a call window, "for Bo
    Chen") come from the catalog through `pgettext` and `npgettext`.

    Attributes:
        locale: the canonical locale name (``"de_AT"``).
        code: the language alone (``"de"``), the catalog it reads.
        translations: the compiled catalog (null for English, the source).
    """

    code: ClassVar[str] = "en"
    _pendulum: ClassVar[str] = "en"
    _day_pattern: ClassVar[str] = "dddd, MMMM D"
    _numbers: ClassVar[tuple[str, ...]] = (
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    )  # fmt: skip
    _and: ClassVar[str] = "and"
    _or: ClassVar[str] = "or"

    def __init__(self, locale: str, translations: gettext.NullTranslations) -> None:
        self.locale = locale
        self.region = locale.partition("_")[2] or None
        self.translations = translations

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.locale}>"

    # -- the catalog -----------------------------------------------------------------

    def pgettext(self, context: str, message: str) -> str:
        return self.translations.pgettext(context, message)

    def npgettext(self, context: str, singular: str, plural: str, count: int) -> str:
        return self.translations.npgettext(context, singular, plural, count)

    def subject_with_role(self, subject: str, role: str) -> str:
        """*subject*, then the role it leaves out ("Thank you for the interview: HR Manager")."""
        pattern = self.pgettext("subject", "%(subject)s: %(role)s")
        return self.finish(self.fill(pattern, {"subject": subject, "role": role}))

    def fill(self, message: str, variables: Mapping[str, Any]) -> str:
        """A translated sentence with its placeholders filled (``%(name)s``).

        A `markupsafe.Markup` sentence stays one, its values escaped.  A
        value that ends with a full stop ("Datos del Sur S.L.") takes the
        sentence's own: no "..".
        """
        return _fill(self._prepared(message, variables), variables)

    def _prepared(self, message: str, variables: Mapping[str, Any]) -> str:
        """*message* made ready for its values (the grammar that depends on them).

        English: a date in mid-sentence ("on Thursday, July 16, that...")
        is closed by a comma, as US style writes it (British "16 July"
        needs none); British, Australian and New Zealand English say "CV"
        where American says "résumé" (the library's own words only: a value
        is filled in after; issue 19, fourth round, class 6).
        """
        if self.code == "en" and self.region in _DAY_FIRST and "résumé" in message:
            message = type(message)(str(message).replace("résumé", "CV"))
        if (
            self.code == "en"
            and self.region not in _DAY_FIRST
            and ")s " in message
            and any(_us_date_end(variables.get(n)) for n in _found(_OPEN_PLACE, str(message)))
        ):

            def comma(match: re.Match[str]) -> str:
                value = variables.get(match.group(1))
                if isinstance(value, str) and _US_DATE_END.search(value):
                    return match.group(0)[:-1] + ", "
                return match.group(0)

            message = type(message)(_OPEN_PLACE.sub(comma, str(message)))
        return message

    # -- dates, times, numbers, lists --------------------------------------------------

    def day(self, value: date) -> str:
        """A date as people write it in a sentence: "Tuesday, July 7" ("Tuesday 7 July" in
        British, Australian and New Zealand English)."""
        pattern = "dddd D MMMM" if self.region in _DAY_FIRST else self._day_pattern
        return _format_day(date(value.year, value.month, value.day), pattern, self._pendulum)

    def day_after_by(self, value: date) -> str:
        """The date as it reads after "by" (`day`, but German "bis" takes the accusative:
        "bis Freitag, den 24. Juli")."""
        return self.day(value)

    def clock(self, value: time) -> str:
        """A wall-clock time on its own: "10:00 AM", "noon" ("12:00 AM" is ambiguous);
        "10:00" in British English, "10 am" and "11:30 am" in Australia and New Zealand."""
        if self.region == "GB":
            return _format_time(value, "HH:mm", self._pendulum)
        if self.region in _DAY_FIRST:
            if value in (time(12), time(0)):
                return "noon" if value == time(12) else "midnight"
            hour = value.hour % 12 or 12
            minutes = f":{value.minute:02d}" if value.minute else ""
            return f"{hour}{minutes} {'am' if value.hour < 12 else 'pm'}"
        if value == time(12):
            return "noon"
        if value == time(0):
            return "midnight"
        return _format_time(value, "h:mm A", self._pendulum)

    def window_time(self, value: time) -> str:
        """A time as it reads in "between ... and ...": the clock, unless grammar adds to it."""
        return self.clock(value)

    def month(self, year: int, month: int) -> str:
        return _month_name(year, month, self._pendulum)

    def number(self, count: int) -> str:
        """A count as a word up to twelve ("two"), else in digits."""
        words = self._numbers
        return words[count] if 0 <= count < len(words) else str(count)

    def join(self, items: Iterable[str], conjunction: str = "and") -> str:
        """ "a, b and c" (``conjunction`` is ``"and"`` or ``"or"``, in this language)."""
        return join_words(items, self._or if conjunction == "or" else self._and)

    def quote(self, text: str) -> str:
        """Words to be said, in this language's quotation marks."""
        return f'"{text}"'

    # -- time zones --------------------------------------------------------------------

    def city(self, key: str) -> str:
        """The city of a zone (``"America/New_York"``) as this language names it."""
        own = key.rsplit("/", 1)[1].replace("_", " ")
        if self.code == "en":
            return own
        return _cities().get(self.code, {}).get(key, own)

    def zone(self, tz: tzinfo | None, moment: datetime) -> str:
        """How people name a zone: "Sydney time (AEST)", "UTC", "UTC+05:30"."""
        key = _zone_key(tz)
        if key is None:
            return _offset(moment, padded=True)
        abbreviation = moment.tzname() or ""
        if abbreviation and not abbreviation.startswith(("+", "-")):
            return f"{self.city(key)} time ({abbreviation})"
        return f"{self.city(key)} time"

    # -- phrases from the catalog ------------------------------------------------------

    def decision_words(
        self,
        decided: date | None,
        timeframe: Timeframe | None,
        *,
        now: bool = False,
        interview_day: date | None = None,
        said_on: date | None = None,
    ) -> str | None:
        """When they said they would decide, worded to follow "to decide": "by Wednesday, July 15".

        A phrase relative to the day it was said ("next week", "in a couple
        of weeks") is true only that day: with *now* (in the room, or to the
        recruiter the same day) it is said as it was given; on any other day
        it names its dates ("by Friday, July 10", "in the week of Monday,
        October 26") or, for an approximate span, the day it runs from
        ("within a couple of weeks of Tuesday, July 7", or "of the interview"
        when it was said then, *interview_day*), so that no message sent later
        says "next week" of a week long gone, and no end date is invented.  A
        month is named either way ("by the end of July").  A week phrase is
        read at the moment it was said, never from the day a message goes out
        (loop8: "On Friday, October 16, I learned that a decision was now
        expected last week"): said at the interview, "in the week after the
        interview"; said on another day (*said_on*, an update's day, which
        the sentence names), "the following week", "by the end of that
        week": true on any later day, naming no weekday nobody said.
        """
        if timeframe is None:
            if decided is None:
                return None
            if decided.weekday() >= 5:  # a weekend day (from "in 12 days"): not "by Sunday,
                return self.fill(  # May 10", a weekday nobody said (words9c class 2)
                    self.pgettext("decision", "by %(date)s"), {"date": self.date_only(decided)}
                )
            return self._by(decided)
        kind = timeframe.kind
        end = timeframe.end
        if now and kind == "within":
            return self._within(timeframe)
        if now and kind in _WEEK_KINDS:
            return self._week_now(kind)
        if kind == "within":  # a window is quoted as a window, anchored, never made a date
            return self._within_of(timeframe, interview_day)
        relative = self._week_relative(timeframe, interview_day, said_on)
        if relative is not None:
            return relative
        if kind in ("this_week", "end_of_next_week"):
            return self._by(end)
        if kind == "next_week":
            return self.fill(
                self.pgettext("decision", "in the week of %(day)s"),
                {"day": self.day(timeframe.start)},
            )
        if kind == "early_next_week":
            return self.fill(
                self.pgettext("decision", "early in the week of %(day)s"),
                {"day": self.day(timeframe.start)},
            )
        month = {"month": self.month(end.year, end.month)}
        if kind == "this_month":
            return self.fill(self.pgettext("decision", "by the end of %(month)s"), month)
        if kind == "month":
            return self.fill(self.pgettext("decision", "in %(month)s"), month)
        if kind == "early_month":
            return self.fill(self.pgettext("decision", "in early %(month)s"), month)
        if kind == "mid_month":
            return self.fill(self.pgettext("decision", "in mid-%(month)s"), month)
        if kind == "late_month":
            return self.fill(self.pgettext("decision", "in late %(month)s"), month)
        return self.fill(
            self.pgettext("decision", "between %(start)s and %(end)s"),
            {"start": self.day(timeframe.start), "end": self.day(end)},
        )

    def _week_relative(
        self, timeframe: Timeframe, interview_day: date | None, said_on: date | None
    ) -> str | None:
        """A week phrase recalled as it was given, from the day it was said: the interview
        (*interview_day*), or the day of an update (*said_on*, named by the sentence that
        quotes it), never from the day a message is sent ("last week" in "On Friday,
        October 16, I learned that a decision was now expected last week" read as if said
        on the 16th: loop8 finding 4), nor as a weekday nobody said ("by the end of next
        week" is not "by Friday, May 1": issue 19, ninth round C, class 2); None when it
        names a week further off."""
        kind = timeframe.kind
        if kind not in _WEEK_KINDS:
            return None
        week = timeframe.start.isocalendar()[:2]
        at_interview = said_on is None or said_on == interview_day
        anchor = interview_day if at_interview else said_on
        if anchor is None:
            return None
        said = anchor.isocalendar()[:2]
        after = (anchor + timedelta(days=7)).isocalendar()[:2]
        if kind == "this_week" and week == said:
            return (
                self._end_of_week(timeframe)
                if at_interview
                else self.pgettext("decision", "by the end of that week")
            )
        if week != after:
            return None
        if at_interview and kind in ("this_week", "end_of_next_week"):
            return self._end_of_week(timeframe)
        if at_interview:
            # the week by the date of its first day, no weekday ("early in the week of May
            # 25"): "early in the week after the interview", read aloud nine days later,
            # sent the Wednesday of that very week, was roundabout (words26b class 3, r22
            # en 01.10, 06.6, 09.8; es, fr likewise)
            week_of = {
                "next_week": self.pgettext("decision", "in the week of %(date)s"),
                "early_next_week": self.pgettext("decision", "early in the week of %(date)s"),
            }[kind]
            return self.fill(week_of, {"date": self.date_only(timeframe.start)})
        return {
            "this_week": self.pgettext("decision", "by the end of the following week"),
            "end_of_next_week": self.pgettext("decision", "by the end of the following week"),
            "next_week": self.pgettext("decision", "the following week"),
            "early_next_week": self.pgettext("decision", "early the following week"),
        }[kind]

    def _end_of_week(self, timeframe: Timeframe) -> str:
        """The end of a week said at the interview, by its date and no weekday ("by
        October 23"): its last working day, which the region's weekend fixes, easy to
        follow and to say aloud where "by the end of the week after the interview" was
        not (words23 class 3, r18 06.6, 09.8, 13.6), and naming no weekday nobody said."""
        return self.fill(
            self.pgettext("decision", "by %(date)s"), {"date": self.date_only(timeframe.end)}
        )

    def date_only(self, value: date) -> str:
        """A date without its weekday ("May 10", "10 May", "10. Mai", "10 de mayo")."""
        pattern = "dddd D MMMM" if self.region in _DAY_FIRST else self._day_pattern
        if self.code == "fr" and value.day == 1:
            pattern = "dddd D[er] MMMM"
        bare = re.sub(r"^dddd,?\s*(\[dem\]\s*)?", "", pattern)
        return _format_day(date(value.year, value.month, value.day), bare, self._pendulum)

    def _within_of(self, timeframe: Timeframe, interview_day: date | None) -> str:
        """A span anchored on the day it was said: "within a couple of weeks of Tuesday,
        July 7", "within two weeks of the interview" (true on any later day: the employer
        gave a window, not a date, and no end date is invented), or "of the interview"
        when it was said at the interview."""
        said = timeframe.start - timedelta(days=1)  # a span runs from the next day
        count, unit = timeframe.count, timeframe.unit
        if not timeframe.approximate:
            return self._within_exact_of(count, unit, None if said == interview_day else said)
        if said == interview_day:
            return self._within_interview(count, unit)
        if unit == "days":
            words = (
                self.pgettext("decision", "within a couple of days of %(day)s")
                if count == 2
                else self.pgettext("decision", "within a few days of %(day)s")
            )
        elif unit == "weeks":
            words = (
                self.pgettext("decision", "within a couple of weeks of %(day)s")
                if count == 2
                else self.pgettext("decision", "within a few weeks of %(day)s")
            )
        else:
            words = (
                self.pgettext("decision", "within a couple of months of %(day)s")
                if count == 2
                else self.pgettext("decision", "within a few months of %(day)s")
            )
        return self.fill(words, {"day": self.day(said)})

    def _within_exact_of(self, count: int, unit: str, said: date | None) -> str:
        """ "within two weeks of the interview" (*said* None) or "... of Tuesday, July 7"."""
        if said is None:
            if unit == "days":
                words = self.npgettext(
                    "decision",
                    "within a day of the interview",
                    "within %(count)s days of the interview",
                    count,
                )
            elif unit == "weeks":
                words = self.npgettext(
                    "decision",
                    "within a week of the interview",
                    "within %(count)s weeks of the interview",
                    count,
                )
            else:
                words = self.npgettext(
                    "decision",
                    "within a month of the interview",
                    "within %(count)s months of the interview",
                    count,
                )
            return self.fill(words, {"count": self.number(count)})
        if unit == "days":
            words = self.npgettext(
                "decision", "within a day of %(day)s", "within %(count)s days of %(day)s", count
            )
        elif unit == "weeks":
            words = self.npgettext(
                "decision", "within a week of %(day)s", "within %(count)s weeks of %(day)s", count
            )
        else:
            words = self.npgettext(
                "decision",
                "within a month of %(day)s",
                "within %(count)s months of %(day)s",
                count,
            )
        return self.fill(words, {"count": self.number(count), "day": self.day(said)})

    def _within_interview(self, count: int, unit: str) -> str:
        if unit == "days":
            if count == 2:
                return self.pgettext("decision", "within a couple of days of the interview")
            return self.pgettext("decision", "within a few days of the interview")
        if unit == "weeks":
            if count == 2:
                return self.pgettext("decision", "within a couple of weeks of the interview")
            return self.pgettext("decision", "within a few weeks of the interview")
        if count == 2:
            return self.pgettext("decision", "within a couple of months of the interview")
        return self.pgettext("decision", "within a few months of the interview")

    def _by(self, day: date) -> str:
        return self.fill(self.pgettext("decision", "by %(day)s"), {"day": self.day_after_by(day)})

    def _week_now(self, kind: str) -> str:
        if kind == "this_week":
            return self.pgettext("decision now", "by the end of this week")
        if kind == "next_week":
            return self.pgettext("decision now", "next week")
        if kind == "early_next_week":
            return self.pgettext("decision now", "early next week")
        return self.pgettext("decision now", "by the end of next week")

    def _within(self, timeframe: Timeframe) -> str:
        count, unit = timeframe.count, timeframe.unit
        if timeframe.approximate:
            if unit == "days":
                if count == 2:
                    return self.pgettext("decision", "within a couple of days")
                return self.pgettext("decision", "within a few days")
            if unit == "weeks":
                if count == 2:
                    return self.pgettext("decision", "within a couple of weeks")
                return self.pgettext("decision", "within a few weeks")
            if count == 2:
                return self.pgettext("decision", "within a couple of months")
            return self.pgettext("decision", "within a few months")
        if unit == "days":
            words = self.npgettext("decision", "within a day", "within %(count)s days", count)
        elif unit == "weeks":
            words = self.npgettext("decision", "within a week", "within %(count)s weeks", count)
        else:
            words = self.npgettext("decision", "within a month", "within %(count)s months", count)
        return self.fill(words, {"count": self.number(count)})

    def window(
        self, opens: datetime, closes: datetime, tz: tzinfo | None, on_day: date | None = None
    ) -> str:
        """A call window in one zone: "between 10:00 AM and 11:30 AM Sydney time (AEST)".

        A window that ends the next day (the candidate's clock, when the recipient's
        afternoon is their night) says so: "between 10:40 PM and 2:30 AM the next day,
        Kolkata time (IST)" (the loop10 trial: "entre las 22:40 y las 2:30").
        """
        values = {
            "start": self.window_time(time(opens.hour, opens.minute)),
            "end": self.window_time(time(closes.hour, closes.minute)),
            "zone": self.zone(tz, opens),
        }
        next_day = closes.date() != opens.date()
        if on_day is None:
            words = (
                self.pgettext(
                    "call window", "between %(start)s and %(end)s the next day, %(zone)s"
                )
                if next_day
                else self.pgettext("call window", "between %(start)s and %(end)s %(zone)s")
            )
            return self.fill(words, values)
        values["day"] = self.day(on_day)
        words = (
            self.pgettext(
                "call window", "between %(start)s and %(end)s the next day, %(zone)s on %(day)s"
            )
            if next_day
            else self.pgettext("call window", "between %(start)s and %(end)s %(zone)s on %(day)s")
        )
        return self.fill(words, values)

    def discussed_with(self, topics: str, person: Interviewer) -> str:
        """What one interviewer discussed, for the recruiter: "with Bo Chen, the on-call
        rota and hiring" (never "... and the on-call rota and hiring (with Bo Chen)", whose
        second "and" hides where one person's topics begin: r20 en J, de E, fr C6)."""
        return self.fill(
            self.pgettext("debrief", "with %(name)s, %(topics)s"),
            {"topics": topics, "name": person.name},
        )

    def asked_by(self, items: str, person: Interviewer) -> str:
        """What one interviewer asked for, for the recruiter: "for Bo Chen, two code
        samples" (`discussed_with`)."""
        return self.fill(
            self.pgettext("debrief", "for %(name)s, %(items)s"),
            {"items": items, "name": person.name},
        )

    def groups(self, parts: Sequence[str]) -> str:
        """A debrief line's groups, each a list of its own ("the move to streaming; with
        Bo Chen, the on-call rota and hiring"): a semicolon between groups, so that no
        list runs into the next with a second "and"."""
        said = parts[0]
        for part in parts[1:]:
            said = self.fill(
                self.pgettext("debrief", "%(said)s; %(more)s"), {"said": said, "more": part}
            )
        return said

    # -- people ------------------------------------------------------------------------

    def greeting(self, person: Person, style: Salutation, hour: int | None = None) -> str:
        """The greeting line of a letter, punctuation included: "Dear Dr. Ruiz,".

        One's own recruiter, with no honorific given, is greeted by first
        name ("Hi Rita,"), as candidates write to the agent they work with.
        *hour* is when it is sent, on the recipient's clock, for a language
        whose neutral greeting depends on the time of day (Spanish).
        """
        if _first_name_recruiter(person, style):
            return f"Hi {_first(person)},"
        return f"Dear {self.addressee(person, style)},"

    def informal(self, person: Person, style: Salutation) -> bool:
        """Whether the letter greets by first name, so that it closes as warmly."""
        return style is Salutation.FIRST_NAME or (
            self.code == "en" and _first_name_recruiter(person, style)
        )

    def addressee(self, person: Person, style: Salutation) -> str:
        """The name a letter greets: "Dr. Ruiz", "Ana" or "Ana Ruiz" (see `Salutation`)."""
        return self._name(person, style, spoken=False)

    def spoken_name(self, person: Person, style: Salutation) -> str:
        """How a voicemail greets them: "Dr. Ruiz" when formal and a title is known,
        else the first name in English (a full name is not said aloud)."""
        return self._name(person, style, spoken=True)

    _first_name_aloud: ClassVar[bool] = True
    """Whether a name said without its title is the first name (else the full name)."""

    def _name(self, person: Person, style: Salutation, *, spoken: bool) -> str:
        if person is None:
            return ""
        if style is Salutation.FIRST_NAME:
            return _first(person)
        if style is Salutation.HONORIFIC:
            titled = self._titled(person, spoken=spoken)
            if titled is not None:
                return titled
        return _first(person) if spoken and self._first_name_aloud else person.name

    def _titled(self, person: Interviewer | Recruiter, *, spoken: bool) -> str | None:
        """The name with its title, written or said aloud; None when no title is known.

        A professor is "Professor Adeyemi", said aloud and written ("Dear Prof
        Adeyemi" reads clipped in a letter, and the call script says "Professor":
        issue 19, fourth round, class 6).  British English writes the other titles
        without a full stop ("Dr Hale", "Mx Fox"), as British style guides do.
        """
        courtesy, academic = _titles(person)
        title = academic or courtesy
        if not title:
            return None
        if title == "Prof.":
            title = "Professor"
        return f"{self._title_text(title)} {_family(person)}"

    def _title_text(self, title: str) -> str:
        """A title as this locale writes it: "Dr." ("Dr" in British English)."""
        return title.rstrip(".") if self.region in _DAY_FIRST else title

    def spoken_of(self, person: Person, style: Salutation) -> str:
        """How one names them aloud to someone else ("ask when Dr. Ruiz is free")."""
        return self.spoken_name(person, style)

    def formal_name(self, person: Interviewer) -> str:
        """The name with its academic title, as a card gives it: "Dr. Ana Ruiz"."""
        academic = _titles(person)[1]
        return f"{self._title_text(academic)} {person.name}" if academic else person.name

    def name_in_text(self, person: Interviewer) -> str:
        """The name with its title inside a sentence ("I met Dr. Ana Ruiz"); French
        and Spanish give a title its article ("la Dra. Ana Ruiz")."""
        return self.formal_name(person)

    def listed_name(self, person: Interviewer) -> str:
        """The name in the list of whom the candidate met, which a call script has them
        say to their recruiter: as a card gives it ("Dr. Ana Ruiz"); Spanish gives a
        title its article there too (`name_in_text`)."""
        return self.formal_name(person)

    def envelope_name(self, person: Interviewer) -> str:
        """The name on an envelope."""
        return self.formal_name(person)

    def envelope(self, person: Interviewer, company: str, address: str | None) -> list[str]:
        """The lines of a mailed card's envelope, in this country's order: the name and
        title from the business card (seed 000), the company, the postal address."""
        title = None if inclusive_title(person.title) else person.title
        lines = (self.envelope_name(person), title, company, address)
        return [line for line in lines if line]

    def link_placeholder(self) -> str:
        """Where the user pastes a requested link: "[link]"."""
        return self.pgettext("placeholder", "[link]")

    def feedback_placeholder(self) -> str:
        """Where the user's own feedback goes in an answer written without it (as the
        finished text holds it: French spaces its colon)."""
        return self.finish(
            self.pgettext(
                "placeholder", "[Your feedback on the process: one or two specific points]"
            )
        )

    def concerns_placeholder(self) -> str:
        """Where the user writes the doubts raised in the interview, in a debrief by e-mail
        (as the finished text holds it): the recruiter needs them now, not "when we speak"."""
        return self.finish(self.pgettext("placeholder", "[Any concerns they raised: … or none]"))

    # -- the user's words told to someone else ---------------------------------------------

    _their: ClassVar[Mapping[str, str]] = {"your": "their", "yours": "theirs"}
    _you: ClassVar[frozenset[str]] = frozenset({"you", "yourself", "yourselves"})
    _addressed_case: ClassVar[bool] = False  # German: only "Ihr", "Sie" address the reader

    def told_to_another(self, text: str) -> str | None:
        """*text*, typed to be said to one person (an interviewer's `part` completes "Thank
        you in particular for ..."), as a message to someone else says it: "your" is
        theirs ("the walk through their on-call dashboards"); None when it speaks to the
        reader otherwise ("the demo you gave"), which no wording can turn without
        guessing: the message then leaves it out (the truth rule; r18: the recruiter read
        "the walk through your on-call dashboards" as hers)."""
        words = _WORD.split(text)
        changed = False
        for index in range(1, len(words), 2):
            word = words[index]
            key = word if self._addressed_case else word.lower()
            if key in self._you:
                return None
            their = self._their.get(key)
            if their is not None:
                if not self._addressed_case and word[:1].isupper():
                    their = their[:1].upper() + their[1:]
                words[index] = their
                changed = True
        return "".join(words) if changed else text

    _yours: ClassVar[Mapping[str, str]] = {"my": "your", "mine": "yours", "me": "you"}
    _me: ClassVar[frozenset[str]] = frozenset({"i", "myself"})

    def told_to_candidate(self, text: str) -> str | None:
        """*text*, typed by the candidate in their own voice ("the link to my portfolio",
        "my six years of building data pipelines"), as a briefing written to the
        candidate says it: "my" is "your" ("the link to your portfolio"); None when it
        speaks in the first person otherwise ("the demo I gave"), which no word-for-word
        change turns without its verb: the briefing then quotes it as typed (r18 en
        02.4: "what you were asked to send: ... the link to my portfolio" in a script
        written to "you").  The interviewer's "your" is theirs first, as to anyone
        else (`told_to_another`): "you" in the briefing is the candidate."""
        said = self.told_to_another(text)
        if said is None:
            return None
        words = _WORD.split(said)
        changed = False
        for index in range(1, len(words), 2):
            word = words[index]
            key = word.lower()
            if key in self._me:
                return None
            yours = self._yours.get(key)
            if yours is not None:
                if not self._addressed_case and word[:1].isupper():
                    yours = yours[:1].upper() + yours[1:]
                words[index] = yours
                changed = True
        return "".join(words) if changed else said

    # -- the case for fit ----------------------------------------------------------------

    _possessive: ClassVar[str] = "my "
    _own_words: ClassVar[tuple[str, ...]] = (
        "my ", "our ", "the ", "this ", "these ", "those ", "his ", "her ", "their ",
    )  # fmt: skip

    def role_in_text(self, role: str) -> str:
        """The role as a sentence names it: a title with an internal comma ("Senior
        Product Manager, Payments Platform") reads as an apposition mid-sentence, so its
        qualifier goes in parentheses ("the Senior Product Manager (Payments Platform)
        position"; issue 19, fourth round, class 6)."""
        head, comma, rest = role.partition(", ")
        if not comma or not head.strip() or not rest.strip() or "(" in role:
            return role
        return f"{head} ({rest})"

    def spoken_role(self, role: str) -> str:
        """The role as a voice says it: a qualifier in parentheses or after a comma
        cannot be said aloud ("Senior Product Manager (Payments Platform)" is "Senior
        Product Manager"); the title itself is the user's, unchanged."""
        head = _QUALIFIER.sub("", role).strip()
        return head or role

    def spoken_company(self, company: str) -> str:
        """The company as a voice says it: without a trailing legal form ("Northwind
        Freight Ltd." is "Northwind Freight", "Nordlicht Mobility GmbH" is "Nordlicht
        Mobility"); nobody says "Ltd." or "S.L." on the phone. The rest is the user's."""
        short = company
        while True:  # "Kumo Co., Ltd.": "Ltd.", then "Co."
            shorter = _LEGAL_FORM.sub("", short).strip()
            if not shorter or shorter == short:
                break
            short = shorter
        return short

    def title_in_text(self, title: str) -> str:
        """A person's job title in running text, after their name ("Ana Ruiz (Head of
        Data)"): English keeps it as typed; French and Spanish write an ordinary title
        with a small letter ("(directrice de la recherche)", `lowered_title`).  A
        greeting, a signature or an address block keeps the capital (they never call
        this)."""
        return lowered_title(title, self.code)

    def company_in_text(self, company: str) -> str:
        """The company as a message's prose names it: without its legal form, written or
        spoken ("Lumière Analytique", "Großhandel Süd", "Datos del Sur"), in every
        language (issue 19, seventh round, class 3).  Nobody writes "SAS" or "S.A. de
        C.V." in a thank-you, and one form throughout never mixes "Northwind LLC" with
        "Northwind".  The legal name belongs to the address block (`envelope`).  The
        name itself is the user's, letter for letter: only a trailing legal form goes;
        German then takes no article ("bei Großhandel Süd", never "bei der Großhandel
        Süd" from the "AG" that went)."""
        return self.spoken_company(company)

    def experience(self, fit: str) -> str:
        """The case for fit as the sentences take it: "my six years of building data
        pipelines", "my decade of incident response" (from "a decade of ..."), and never
        the idiom "three years running" ("my three years of running warehouse
        operations"); a phrase with its own determiner is left as typed.  What is
        not a span or a body of experience is not made the candidate's possession
        ("my on-call", "my Python", "I would bring leading teams to the role": issue
        19, twelfth round, class 2): a gerund is "my experience of leading teams", a
        bare subject "my experience with Python"."""
        phrase = _RUNNING.sub(r"\1 of running", fit.strip())
        folded = phrase.casefold()
        if folded.startswith(self._own_words):
            return phrase
        for article in ("a ", "an "):
            if folded.startswith(article):
                return self._possessive + phrase[len(article) :]
        first = (folded.split(None, 1) or [""])[0]  # any space, a non-breaking one too
        if first.endswith("ing") and first not in _EXPERIENCE_WORDS:
            return f"{self._possessive}experience of {phrase}"
        if re.match(_NUMBER_WORDS["en"], folded) or _EXPERIENCE_WORDS & set(
            re.findall(r"[a-z]+", folded)
        ):
            return self._possessive + phrase
        return f"{self._possessive}experience with {phrase}"

    def _count_possessive(self, fit: str) -> str:
        """*fit* with the possessive before a count ("mes six années", "mis seis años"),
        anything else as typed: the French and Spanish `experience`."""
        phrase = fit.strip()
        if re.match(_NUMBER_WORDS[self.code], phrase.casefold()):
            return self._possessive + phrase
        return phrase

    # -- people, in words ----------------------------------------------------------------

    def pronouns(self, person: Person) -> Mapping[str, str]:
        """What talking points call *person* ("they", "their", "them"): "he" or "she" when
        the courtesy title tells (Mr., Ms., Mrs., Miss), else "they".  English only: the
        other languages' sentences do without."""
        gender = _gender(_titles(person)[0])
        if gender == "f":
            return {"they": "she", "their": "her", "them": "her"}
        if gender == "m":
            return {"they": "he", "their": "his", "them": "him"}
        return {"they": "they", "their": "their", "them": "them"}

    def script_day(self, day: str, their_day: str, city: str) -> str:
        """The interview's day in a script the candidate reads: theirs, and the
        recipient's when it differs ("Monday, October 26 (Tuesday, October 27, in
        Tokyo)")."""
        return self.fill(
            self.pgettext("script day", "%(day)s (%(their_day)s in %(city)s)"),
            {"day": day, "their_day": their_day, "city": city},
        )

    _month_said_after: ClassVar[str | None] = None
    """What comes before the month in a day's words ("lunes 20 de abril": " de "; "lundi
    20 avril": " "), in a language that says the month once when both days of
    `both_days` fall in it; None where the month is said each time."""

    def both_days(self, day: str, their_day: str) -> str:
        """The interview's day in a message to someone whose calendar put it on another
        day: the candidate's, then the recipient's ("Tuesday, July 7 (Wednesday, July 8,
        your time)"), the day both of them can recognise.  French and Spanish say the
        month once when both days fall in it: "lunes 20 de abril (martes 21 para usted)"
        (words29d, the r24 es read 03.6: «(el martes 21 de abril en su zona horaria)» read
        as pedantic); the weekday and the number still tell which day is meant."""
        joiner = self._month_said_after
        if joiner is not None:
            month = joiner + day.rpartition(joiner)[2]
            if month.strip() and their_day.endswith(month) and their_day != day:
                their_day = their_day[: -len(month)]
        return self.fill(
            self.pgettext("both days", "%(day)s (%(their_day)s, your time)"),
            {"day": day, "their_day": their_day},
        )

    def card_details(self, email: bool, phone: bool, title: bool, their: str) -> str:
        """What to ask for after a remote interview, as a list: "their email address,
        their phone number and their exact title", only what is not known: one
        possessive for the one person (or the many) throughout, never "her phone number
        and the exact title they use" (loop13).  *their* is the English possessive
        ("his", "her", "their")."""
        wanted = []
        if email:
            words = self.pgettext("card details", "%(their)s email address")
            wanted.append(self.fill(words, {"their": their}))
        if phone:
            words = self.pgettext("card details", "%(their)s phone number")
            wanted.append(self.fill(words, {"their": their}))
        if title:
            words = self.pgettext("card details", "%(their)s exact title")
            wanted.append(self.fill(words, {"their": their}))
        return self.join(wanted)

    def spoken_hello(self, hour: int | None) -> str:
        """How a voicemail begins, at *hour* on the recipient's clock ("Hello"); Spanish
        says the time of day ("Buenos días", "Buenas tardes")."""
        return "Hello"

    def shorten_company(self, text: str, company: str, typed: Iterable[str] = ()) -> str:
        """*text* with the company's legal form dropped after its first mention
        ("Northwind Freight Ltd.", then "Northwind Freight"): a letter names the full
        legal name once (issue 19, sixth round, class 5).  A legal form that ended a
        sentence ("... at Northwind Freight Ltd.") leaves the sentence its full stop,
        once: a short form that ends with its own ("Inc." of "Inc. Inc.") takes none.

        Only the company itself is shortened: the same letters inside another value
        the user typed (*typed*: the role "Inc. Inc. Senior", a topic, a name) are
        theirs, never changed (spec8 finding 3)."""
        short = self._shortened(company)
        if short == company or text.count(company) < 2:
            return text
        kept = [
            (found.start(), found.end())
            for value in {value for value in typed if company in value and value != company}
            for found in re.finditer(re.escape(value), text)
        ]
        ending = re.compile(r"$|\n|\s+[A-Z\u00c0-\u00de¿¡]")
        pieces: list[str] = []
        done = 0
        named = False
        for found in re.finditer(re.escape(company), text):
            start, end = found.span()
            if any(left <= start and end <= right for left, right in kept):
                continue  # inside the user's own words
            if not named:
                named = True  # the first mention names the whole legal name
                continue
            ends_sentence = company.endswith(".") and ending.match(text, end) is not None
            stop = "." if ends_sentence and not short.endswith(".") else ""
            pieces += [text[done:start], short + stop]
            done = end
        return "".join(pieces) + text[done:]

    def _shortened(self, company: str) -> str:
        """The company after its first mention in a letter (`shorten_company`)."""
        return self.spoken_company(company)

    _link_words: ClassVar[str] = r"links?|URL|online|website|web ?page|https?://|www\."
    """Words that make a requested item a link, not a document (this language's, with
    the English ones: people type "link" and "URL" in every language)."""

    @cached_property
    def _link_pattern(self) -> re.Pattern[str]:
        words = self._link_words
        if self.code != "en":
            words = f"{words}|{Language._link_words}"
        return re.compile(rf"(?:^|\b|-)(?:{words})(?:\b|$)", re.IGNORECASE)

    def link_phrase(self, item: str) -> str:
        """A requested link as a sentence names it: "the link to my portfolio" for "my
        portfolio link" (English; other languages keep the user's words)."""
        if self.code != "en":
            return item
        found = _MY_LINK.match(item.strip())
        if found is None:
            return item
        return f"the link to {found.group(1)} {found.group(2)}"

    def is_link(self, item: str) -> bool:
        """Whether a requested item is a link (sent as an address the user pastes in, never
        "attached"): "a link to my conference talk", "my portfolio link", "mein
        Online-Portfolio", "mon portfolio en ligne", "mi portafolio en línea"."""
        return self._link_pattern.search(item) is not None

    _spoken_marks: ClassVar[Mapping[str, str]] = {
        ".": "dot", "@": "at", "-": "dash", "_": "underscore", "+": "plus",
    }  # fmt: skip

    def phone_number(self, phone: str, zone: str | None) -> str | None:
        """*phone* as this language writes and reads it, to someone in *zone* (None:
        written); None keeps it as typed (or in the national form the library reads to
        a listener in its country).  Only French regroups: see `French.phone_number`."""
        return None

    def spoken_email(self, address: str) -> str:
        """An e-mail address as it is dictated on a voicemail: "sam dot lee at example dot com"."""
        words = []
        for chunk in re.split(r"([.@\-_+])", address):
            if chunk in self._spoken_marks:
                words.append(self._spoken_marks[chunk])
            elif chunk:
                words.append(chunk)
        return " ".join(words)

    # -- the finished text -------------------------------------------------------------

    def finish(self, text: str, greeting: str | None = None) -> str:
        """What the language does to a whole message (German: lower case after the greeting)."""
        return text

    _openers: ClassVar[re.Pattern[str] | None] = None
    """The small words the library's own values begin with (an article, a title written
    small: "la profesora Carmen Ruiz", "le tour", "die Leitstelle"), after a full stop."""

    def capitalised(self, text: str) -> str:
        """*text* with every sentence that begins with a small article or title written
        with a capital: a value put at the start of a sentence ("%(name)s también me
        acompañó ...") keeps the small letter it has in mid-sentence ("la profesora
        Carmen Ruiz"), which after a full stop is a slip (words29d, the r24 es read 11.6:
        «... el plan de incorporación. la profesora Carmen Ruiz también me acompañó»).
        Not after an abbreviation ("Sra.", "S.L.", "z. B."), not inside quotation marks
        (what the user typed, quoted, stays as typed), and not at the start of a line
        after a greeting that ends with a comma (German goes on in small letters)."""
        pattern = self._openers
        if pattern is None or not pattern.search(text):
            return text
        out: list[str] = []
        last = 0
        for match in pattern.finditer(text):
            start = match.start("word")
            if match.group("stop") is not None:
                before = text[: match.start("stop")]
                token = before[before.rfind(" ") + 1 :].rsplit("\n", 1)[-1]
                if _abbreviation(token) or _quoted(text, start):
                    continue
            out.append(text[last:start])
            out.append(text[start].upper())
            last = start + 1
        if not out:
            return text
        out.append(text[last:])
        return type(text)("".join(out))


def _opening_words(words: str) -> re.Pattern[str]:
    """The start of a sentence (the text's, or after ".", "!" or "?" and a space), then
    one of *words* in small letters (`Language.capitalised`)."""
    return re.compile(
        r"(?:\A|(?P<stop>[.!?])[\u00bb\u201d\u201c\"]?\s+)"
        r"(?P<word>(?:" + words + r")(?=[\s\u2019']))"
    )


_ABBREVIATIONS = frozenset((
    "sr", "sra", "srta", "dr", "dra", "prof", "profª", "mr", "mrs", "ms", "hr", "fr", "frau",
    "herr", "st", "co", "inc", "ltd", "corp", "etc", "ej", "vgl", "bzw", "ca", "nr", "no",
    "tel", "mme", "mlle", "me", "cf",
))  # fmt: skip
"""Words written with a full stop that ends no sentence ("Sra.", "etc.", "z. B.")."""


def _abbreviation(token: str) -> bool:
    """Whether *token* (the word before a full stop) is an abbreviation: listed, a single
    letter, or dotted inside ("S.L.", "e.V.")."""
    word = token.rstrip(".!?")
    if not word or len(word) == 1 or "." in word:
        return True
    return word.casefold() in _ABBREVIATIONS


def _quoted(text: str, index: int) -> bool:
    """Whether *index* falls inside a quotation (« », „ “, or straight double quotes)."""
    head = text[:index]
    if head.count("\u00ab") > head.count("\u00bb"):
        return True
    if head.count("\u201e") > head.count("\u201c"):
        return True
    return head.count('"') % 2 == 1


_MY_LINK = re.compile(r"^(my|our) (.+?) link$", re.IGNORECASE)


_EXPERIENCE_WORDS = frozenset((
    "experience", "background", "expertise", "knowledge", "skills", "skill", "work", "record",
    "career", "years", "year", "decade", "decades", "months", "time", "grounding", "training",
    "track", "portfolio", "history",
))  # fmt: skip
"""Words that make a case for fit a body of experience of its own ("strong SQL skills",
"work in logistics"): "my" goes before it as it stands (`Language.experience`)."""

_RUNNING = re.compile(r"\b(years?|months?|decades?|weeks?) running\b", re.IGNORECASE)
"""English "three years running" is an idiom ("three years in a row"): of running."""


_NUMBER_WORDS = {
    "en": r"\d|one |two |three |four |five |six |seven |eight |nine |ten |eleven |twelve |"
    r"fifteen |twenty |thirty |several |many |some |over \d|over two |over five |over ten |"
    r"more than |nearly |almost |years |decades |months ",
    "de": r"\d|zwei |drei |vier |fünf |sechs |sieben |acht |neun |zehn |elf |zwölf |fünfzehn |"
    r"zwanzig |dreißig |mehrere |einige |viele |über \d|über zwei |über drei |über fünf |"
    r"über zehn |mehr als ",
    "fr": r"\d|deux |trois |quatre |cinq |six |sept |huit |neuf |dix |onze |douze |quinze |"
    r"vingt |trente |plusieurs |quelques ",
    "es": r"\d|dos |tres |cuatro |cinco |seis |siete |ocho |nueve |diez |once |doce |quince |"
    r"veinte |treinta |varios |varias ",
}
"""A case for fit that begins with a count ("six années d'expérience") takes the
possessive in French, Spanish and German ("mes six années", "mis seis años", "meine
sechs Jahre Erfahrung": a count is a plural, whatever the noun's gender)."""


_VOWEL = frozenset("aeiouàâäéèêëîïôöùûüœæAEIOUÀÂÄÉÈÊËÎÏÔÖÙÛÜŒÆ")


_MUTE_H = (
    "habil", "habit", "hallucin", "halog", "harmon", "hebdo", "hect", "herb", "heur", "hippo",
    "histo", "hiver", "hommage", "homo", "homéo", "honn", "honor", "horaire", "horizon",
    "horlog", "hormon", "horo", "horri", "horti", "hospi", "huil", "huiss", "humain", "humani",
    "humble", "humeur", "humid", "humili", "humor", "hydr", "hygi", "hyper", "hypno", "hypo",
    "hystér", "héberg", "hélic", "hélio", "hémat", "hémo", "hépat", "hérit", "hétéro", "hôpi",
    "hôte", "hôtel",
)  # fmt: skip


_ASPIRATED_NAMES = ("hach", "hamb", "holl", "hong", "havr", "hain", "hall", "harl", "haut")


def _elides(value: str) -> bool:
    """Whether French elides before *value*: a vowel, or a mute "h" (a word of
    `_MUTE_H`, or a name, "auprès d'Hélène", unless its "H" is aspirated)."""
    first = value[:1]
    if first in _VOWEL:
        return True
    if first not in "hH":
        return False
    folded = value.casefold()
    if folded.startswith(_MUTE_H):
        return True
    return first == "H" and value[1:2] in _VOWEL and not folded.startswith(_ASPIRATED_NAMES)


_FR_NOUNS = {
    "agence": "f", "association": "f", "banque": "f", "brasserie": "f", "caisse": "f",
    "chambre": "f", "clinique": "f", "compagnie": "f", "coopérative": "f", "fédération": "f",
    "fondation": "f", "imprimerie": "f", "librairie": "f", "maison": "f", "manufacture": "f",
    "mutuelle": "f", "régie": "f", "société": "f", "université": "f", "école": "f",
    "atelier": "m", "bureau": "m", "cabinet": "m", "centre": "m", "collège": "m",
    "comité": "m", "conseil": "m", "crédit": "m", "groupe": "m", "hôpital": "m",
    "institut": "m", "journal": "m", "laboratoire": "m", "lycée": "m", "ministère": "m",
    "musée": "m", "office": "m", "réseau": "m", "service": "m", "studio": "m",
    "syndicat": "m", "théâtre": "m",
}  # fmt: skip
"""Companies named by a common noun ("Banque Populaire de l'Ouest") take an article in
French ("à la Banque Populaire de l'Ouest", "du Groupe X"); a brand name takes none."""


_ES_NOUNS = {
    "academia": "f", "agencia": "f", "asociación": "f", "caja": "f", "clínica": "f",
    "compañía": "f", "confederación": "f", "cooperativa": "f", "corporación": "f",
    "cámara": "f", "escuela": "f", "federación": "f", "fundación": "f", "mutua": "f",
    "sociedad": "f", "universidad": "f",
    "ayuntamiento": "m", "banco": "m", "centro": "m", "colegio": "m", "consejo": "m",
    "consorcio": "m", "despacho": "m", "gabinete": "m", "grupo": "m", "hospital": "m",
    "instituto": "m", "laboratorio": "m", "ministerio": "m", "museo": "m",
    "observatorio": "m", "servicio": "m",
}  # fmt: skip
"""The same in Spanish: "en el Hospital Universitario de Levante", "del Banco X"."""


def company_article(company: str, code: str) -> str | None:
    """The article a company named by a common noun takes in French ("la ", "le ",
    "l’") or Spanish ("la ", "el "); None for a brand or a name that has one."""
    words = company.split()
    if not words:
        return None
    first = words[0].casefold()
    if code == "fr":
        gender = _FR_NOUNS.get(first)
        if gender is None:
            return None
        return "l\u2019" if _elides(words[0]) else ("la " if gender == "f" else "le ")
    if code == "es":
        gender = _ES_NOUNS.get(first)
        return None if gender is None else ("la " if gender == "f" else "el ")
    return None


def _at_start(message: str, index: int) -> bool:
    """Whether a placeholder at *index* begins a sentence (or the whole text)."""
    head = message[:index].rstrip(" ")
    return not head or head[-1] in ".!?\n"


_CONNECTIVES = {
    "fr": frozenset({"de", "des", "du", "d’", "d'", "en", "et", "la", "le", "les", "à", "au",
                     "aux", "pour", "chez", "sur"}),
    "es": frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "con"}),
}  # fmt: skip
"""The small words of a French or Spanish title ("Responsable de Recursos Humanos"): a
title that has one is in that language, whatever the capitals of its other words."""


@lru_cache(maxsize=1024)
def _common_title(value: str, code: str = "") -> bool:
    """Whether a job title is a common noun in running text, written with a small letter
    after an article ("la directrice de la recherche", "el puesto de responsable de
    Recursos Humanos"; issue 19, seventh round, class 5): its first word is an ordinary
    word (a capital, then small letters: never "SRE", "VP", "McKinsey"), and the title is
    either typed in sentence case (other capitals only in acronyms: "Responsable RH") or
    holds a small word of the language ("de", "la", "en"...: "Directora de Datos").
    An English title keeps its capitals ("Data Engineer", "Head of Data"): "of" is not a
    French or Spanish word.  Only the first letter is lowered: "Recursos Humanos", a
    department, keeps its own."""
    words = value.split()
    if not words:
        return False
    first = words[0]
    if not (len(first) > 1 and first[:1].isupper() and first[1:] == first[1:].lower()):
        return False
    if not first[1:].replace("-", "").isalpha():
        return False
    rest = words[1:]
    if not any(word[:1].isupper() and not word.isupper() for word in rest):
        return True
    small = _CONNECTIVES.get(code, frozenset())
    return any(word.casefold() in small for word in rest)


def lowered_title(title: str, code: str) -> str:
    """*title* as running French or Spanish text writes it (`_common_title`)."""
    if code in _CONNECTIVES and _common_title(title, code):
        return title[:1].lower() + title[1:]
    return title


def _common_nouns(
    message: str, variables: Mapping[str, Any], code: str
) -> tuple[str, Mapping[str, Any]]:
    """French and Spanish running text: a company named by a common noun takes its
    article (the sentence's "chez" becomes "à": "à la Banque ..."), and a role typed in
    sentence case is written in lower case, except where it begins a sentence."""
    text = str(message)
    if "%(company)s" not in text and "role)s" not in text:
        return message, variables  # no company, no role: nothing to change
    values: dict[str, Any] | None = None  # copied only when a value changes
    company = variables.get("company")
    article = company_article(company, code) if isinstance(company, str) else None
    if article is not None and "%(company)s" in text:
        assert isinstance(company, str)
        named = article + company
        values = dict(variables)
        values["company"] = named
        values["company_at_start"] = named[:1].upper() + named[1:]
        if code == "fr":
            text = text.replace("chez %(company)s", "à %(company)s")
        text = _starting(text, "company", "company_at_start")
    role = variables.get("role")
    if isinstance(role, str) and _common_title(role, code) and "role)s" in text:
        lowered = role[:1].lower() + role[1:]
        for name in ("role", "a_role"):
            if f"%({name})s" in text and variables.get(name) == role:
                if values is None:
                    values = dict(variables)
                values[f"{name}_at_start"] = role
                values[name] = lowered
                text = _starting(text, name, f"{name}_at_start")
    if values is None:
        return message, variables
    return type(message)(text), values


def _starting(text: str, name: str, other: str) -> str:
    """*text* with the placeholder *name* renamed *other* where it begins a sentence."""
    place = f"%({name})s"
    out = []
    last = 0
    index = text.find(place)
    while index >= 0:
        out.append(text[last:index])
        out.append(f"%({other})s" if _at_start(text, index) else place)
        last = index + len(place)
        index = text.find(place, last)
    out.append(text[last:])
    return "".join(out)
