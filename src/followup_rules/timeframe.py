"""Vague decision timeframes: "in a couple of weeks", "by the end of the month".

Seed 001 notes that an employer may give a concrete date ("by August 1st") or
something less exact, and that either is the basis for when to follow up.
`parse_timeframe` turns the common phrases into a `Timeframe`: a window of
calendar days, read deterministically from the day the phrase was said (the
interview's, or an update's, local date).  Check-ins follow the *end* of the
window.  A phrase that names one day ("tomorrow", "by Friday", "August 1st",
``2026-08-01``) gives a plain `date`; what cannot be read is refused with a
`ValueError` that the models turn into their typed error.

The phrases, with the window they give when said on day *D*:

- one day, as a plain `date`: ``today``, ``tomorrow``, ``by Friday``
  (the next Friday after *D*), ``next Friday`` (the Friday of the
  following week), ``August 1st`` or ``1 August`` (the next such date on
  or after *D*), ``2026-08-01``, and dates written with slashes or dots
  (``20/04/2026``, ``20.04.2026``, ``4/20/2026``, ``20/04``): a first
  number above 12 is the day, a second above 12 the day; when both could be
  the month, *day_first* decides (the candidate's locale: day first but in
  US English), and without it the date is refused as ambiguous;
- ``in N days`` / ``weeks`` / ``months`` / ``fortnights`` (also ``within``,
  ``in about``, ``over the next``): *D* + 1 day to *D* + N units (a
  fortnight is two weeks); ``in a few days`` and ``in a couple of weeks``
  (or ``a couple weeks``) are the same with N = 3 and N = 2, marked
  approximate;
- ``this week``, ``by the end of the week``: *D* to the Friday of *D*'s
  week (the next Friday from a weekend);
- ``next week``: Monday to Friday of the following week;
- ``early next week``, ``at the beginning of next week`` (or of ``the
  following week``): Monday to Tuesday of the following week;
- ``by the end of next week``: Thursday to Friday of the following week;

  these four are read on a Monday-to-Friday week unless *weekend* names
  other days: with Friday and Saturday (Israel), ``next week`` is Sunday to
  Thursday of the week that starts after the weekend, ``early next week``
  its Sunday and Monday, ``by the end of next week`` its Wednesday and
  Thursday.  A week starts the day after the weekend;
- ``this month``, ``by the end of the month``: *D* to the last day of *D*'s
  month; ``by the end of next month``: *D* to the last day of the following
  month; ``next month``: the whole following month;
- ``early``, ``mid`` or ``late`` *Month*, ``by the end of`` *Month*, ``in``
  *Month*: days 1-10, 11-20, 21 to the end, *D* (or the 1st) to the end,
  or the whole month, of the next such month.

Numbers may be digits or words up to twelve; ``a``/``an`` is one.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Collection
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import attrs

from . import _validate as v
from ._calendar import WEEKEND, week_start
from .errors import InvalidInterview

__all__ = ["Timeframe", "parse_timeframe"]

_WEEKDAYS = {
    name: index
    for index, names in enumerate(
        (
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thur", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        )
    )
    for name in names
}
_MONTHS = {
    name: index
    for index, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_APPROXIMATE = {"a couple of": 2, "couple of": 2, "a couple": 2, "couple": 2, "a few": 3, "few": 3}
_UNITS = {"day": "days", "days": "days", "week": "weeks", "weeks": "weeks"}
_UNITS.update({"month": "months", "months": "months"})
_UNITS.update({"fortnight": "fortnights", "fortnights": "fortnights"})

_MAX_AHEAD = 24  # months: a timeframe further out than this is not a timeframe


KINDS = frozenset(
    {
        "within",
        "this_week",
        "next_week",
        "early_next_week",
        "end_of_next_week",
        "this_month",
        "month",
        "early_month",
        "mid_month",
        "late_month",
        "between",
    }
)
"""The shapes of window the parser makes (``"between"``: a window given as two dates)."""
WEEK_KINDS = frozenset({"this_week", "next_week", "early_next_week", "end_of_next_week"})
"""The shapes of window that depend on the working week."""
_WEEKDAYS_ALL = frozenset(range(7))


def _kind(value: object, fail: Callable[[str], Exception]) -> str:
    if value not in KINDS:
        raise fail(f"expected one of {', '.join(sorted(KINDS))}")
    return str(value)


def _unit(value: object, fail: Callable[[str], Exception]) -> str:
    if value not in ("", "days", "weeks", "months"):
        raise fail("expected 'days', 'weeks', 'months' or ''")
    return str(value)


if TYPE_CHECKING:

    def _kind_field(value: str) -> str: ...
    def _unit_field(value: str) -> str: ...
    def _count_field(value: int) -> int: ...

else:
    _kind_field = v.converter(_kind)
    _unit_field = v.converter(_unit)
    _count_field = v.converter(v.count_between(0))


@attrs.frozen
class Timeframe(v.Checked):
    """A window of days in which the employer expects to decide.

    Attributes:
        start: the first day of the window.
        end: the last day; check-ins count from it.
        phrase: what was said, as given (for people; messages word the
            window from ``kind`` so that they can be translated).
        kind: which shape of phrase it was: ``"within"`` (N days, weeks or
            months), ``"this_week"``, ``"next_week"``, ``"early_next_week"``,
            ``"end_of_next_week"``, ``"this_month"``, ``"month"`` (a whole
            named or next month), ``"early_month"``, ``"mid_month"``,
            ``"late_month"``.
        count: for ``"within"``, how many units.
        unit: for ``"within"``, ``"days"``, ``"weeks"`` or ``"months"``.
        approximate: the count was vague ("a couple of", "a few").
    """

    _error = InvalidInterview

    start: date = attrs.field(converter=v.day)
    end: date = attrs.field(converter=v.day)
    phrase: str = attrs.field(converter=v.text)
    kind: str = attrs.field(converter=_kind_field)
    count: int = attrs.field(default=0, converter=_count_field)
    unit: str = attrs.field(default="", converter=_unit_field)
    approximate: bool = attrs.field(default=False, converter=v.flag)

    def __attrs_post_init__(self) -> None:
        if not self.start <= self.end:
            raise InvalidInterview(
                "Timeframe.end", self.end, f"must not be before the start, {self.start}"
            )

    def __str__(self) -> str:
        return f"{self.phrase} ({self.start.isoformat()} to {self.end.isoformat()})"


_LEAD_IN = re.compile(
    r"^(?:(?:we|they) )?(?:hope|expect|plan|aim|want|will|should|'ll|would)"
    r"(?: to)?(?: (?:decide|hear back|hear|get back|know|have someone|make a decision|"
    r"fill the (?:position|role)|have a decision|be in touch))?\s+"
)
_FILLER = re.compile(r"^(?:a decision|decision|by|before|on|at|around|sometime|some time)\s+")


def _clean(phrase: str) -> str:
    """Lower-case, single spaces, no trailing punctuation nor lead-in ("we hope to decide by")."""
    text = " ".join(phrase.strip().casefold().split())
    text = re.sub(r"[.,!;]+$", "", text)
    text = _LEAD_IN.sub("", text)
    while True:
        shorter = _FILLER.sub("", text)
        if shorter == text:
            return text
        text = shorter


def _last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _next_month_named(month: int, said: date) -> tuple[int, int]:
    """The year and month of the next *month* whose last day is on or after *said*."""
    year = said.year if month >= said.month else said.year + 1
    return year, month


def _monday_after(day: date) -> date:
    return day + timedelta(days=7 - day.weekday())


def _count(text: str) -> tuple[int, bool] | None:
    if text in _APPROXIMATE:
        return _APPROXIMATE[text], True
    if text in _NUMBERS:
        return _NUMBERS[text], False
    if text.isdigit() and len(text) <= 3:
        return int(text), False
    return None


_WITHIN = re.compile(
    r"^(?:(?:with)?in|over the next|in the next|in about|within about|about)\s+"
    r"(?P<count>a couple of|couple of|a couple|couple|a few|few|\w+)\s+"
    r"(?P<unit>days?|weeks?|months?|fortnights?)"
    r"(?: or so| from now| time)?$"
)
_NUMERIC = re.compile(r"^(?P<a>\d{1,2})[/.](?P<b>\d{1,2})(?:[/.](?P<year>\d{4}))?\.?$")
_DAY_MONTH = re.compile(r"^(?P<day>\d{1,2})(?:st|nd|rd|th)?(?: of)? (?P<month>[a-z]+)$")
_MONTH_DAY = re.compile(r"^(?P<month>[a-z]+) (?P<day>\d{1,2})(?:st|nd|rd|th)?$")
_PART_OF_MONTH = re.compile(
    r"^(?:(?:in|by) )?(?P<part>early|mid|late|the end of|end of|the beginning of|"
    r"beginning of|the middle of|middle of|in)[- ](?P<month>[a-z]+)$"
)


def parse_timeframe(
    phrase: str,
    said_on: date,
    *,
    weekend: Collection[int] = WEEKEND,
    day_first: bool | None = None,
) -> date | Timeframe:
    """Read *phrase* as said on *said_on*: one day, or a `Timeframe` window.

    Deterministic: the same phrase and day always give the same answer.
    *weekend* holds the weekdays off (Monday 0 to Sunday 6; Saturday and
    Sunday by default): the week phrases ("next week", "early next week")
    are read on the working days between.

    Args:
        phrase: what they said ("in a couple of weeks", "20/04/2026").
        said_on: the day they said it.
        day_first: how to read a numeric date whose first two numbers could
            both be the month ("04/05/2026"): True for day first (most of
            the world), False for month first (US English); None refuses it
            as ambiguous.

    Raises:
        InvalidInterview: the phrase is not one this parser knows (see the
            module documentation for the list), *weekend* is not a set of
            weekdays, *said_on* is outside the calendar the library plans in
            (1900 to 9099), or the phrase reaches past it; it is also a
            ValueError.
    """
    if not isinstance(phrase, str) or not phrase.strip() or len(phrase) > 200:
        raise InvalidInterview("timeframe", phrase, "expected a phrase of at most 200 characters")
    if not isinstance(said_on, date):
        raise InvalidInterview("said_on", said_on, "expected the date the phrase was said")
    off = _weekend(weekend)
    said_on = date(said_on.year, said_on.month, said_on.day)  # a datetime's own date
    if not v.EARLIEST <= said_on <= v.LATEST_EVENT:
        raise InvalidInterview(
            "said_on",
            said_on,
            f"must be between {v.EARLIEST.isoformat()} and {v.LATEST_EVENT.isoformat()}",
        )
    try:
        return _read(phrase, said_on, day_first, off)
    except (OverflowError, ValueError) as error:
        if isinstance(error, InvalidInterview):
            raise
    # Raised outside the except block: no context to pickle.
    raise InvalidInterview("timeframe", phrase, "reaches past the end of the calendar")


def _read(
    phrase: str, said_on: date, day_first: bool | None, off: frozenset[int]
) -> date | Timeframe:
    text = _clean(phrase)
    kept = " ".join(phrase.split())
    day = _numeric_day(text, said_on, phrase, day_first)
    if day is None:
        day = _one_day(text, said_on)
    if day is not None:
        if day > v.LATEST_EVENT:
            raise InvalidInterview("timeframe", phrase, "reaches past the end of the calendar")
        return day
    frame = _window(text, said_on, kept, off)
    if frame is None:
        raise InvalidInterview(
            "timeframe",
            phrase,
            "cannot read this timeframe; try a date (2026-08-01, 'August 1st'), "
            "'by Friday', 'in two weeks', 'by the end of the month' or 'early next week'",
        )
    if frame.end > _add_months(said_on, _MAX_AHEAD):
        raise InvalidInterview(
            "timeframe", phrase, f"ends more than {_MAX_AHEAD} months after {said_on.isoformat()}"
        )
    return frame


def _weekend(value: object) -> frozenset[int]:
    if isinstance(value, frozenset) and value < _WEEKDAYS_ALL:
        return value
    if (
        isinstance(value, (str, bytes))
        or not isinstance(value, Collection)
        or not all(type(day) is int and 0 <= day <= 6 for day in value)
        or len(set(value)) == 7
    ):
        raise InvalidInterview(
            "weekend", value, "expected the weekdays off, Monday 0 to Sunday 6, like {5, 6}"
        )
    return frozenset(value)


def _week_window(kind: str, said: date, weekend: frozenset[int]) -> tuple[date, date]:
    """The days a week phrase of *kind* covers, said on *said*, on a week off *weekend*."""
    first = said + timedelta(days=(week_start(weekend) - said.weekday() - 1) % 7 + 1)
    working = [
        day
        for day in (first + timedelta(days=ahead) for ahead in range(7))
        if day.weekday() not in weekend
    ]
    if kind == "this_week":
        left = [
            day
            for day in (said + timedelta(days=ahead) for ahead in range((first - said).days))
            if day.weekday() not in weekend
        ]
        return said, (left or working)[-1]
    if kind == "next_week":
        return working[0], working[-1]
    if kind == "early_next_week":
        return working[0], working[:2][-1]
    return working[-2:][0], working[-1]  # end_of_next_week


def on_working_week(timeframe: Timeframe, said_on: date, weekend: Collection[int]) -> Timeframe:
    """*timeframe*, a week phrase, read again on a week off *weekend*.

    Models read "next week" on Monday to Friday when they are made (no
    country is known then); the planner calls this with its policy's
    weekend, so that "early next week" said in Israel means Sunday and
    Monday.  Only a window the parser made from *said_on* is read again: one
    given as dates, or of another shape, is returned as it is.

    Raises:
        InvalidInterview: *weekend* is not a set of weekdays.
    """
    off = _weekend(weekend)
    if timeframe.kind not in WEEK_KINDS or off == WEEKEND:
        return timeframe
    said = date(said_on.year, said_on.month, said_on.day)
    if _week_window(timeframe.kind, said, WEEKEND) != (timeframe.start, timeframe.end):
        return timeframe
    start, end = _week_window(timeframe.kind, said, off)
    return attrs.evolve(timeframe, start=start, end=end)


def read_decision(
    value: date | Timeframe | str | None,
    said_on: date,
    field: str,
    error: type[InvalidInterview] = InvalidInterview,
    *,
    day_first: bool | None = None,
) -> date | Timeframe | None:
    """A decision date as a model holds it: a phrase is read from *said_on*.

    Raises:
        InvalidInterview: (or the *error* subclass given) naming *field* when
            the phrase cannot be read.
    """
    if not isinstance(value, str):
        return value
    try:
        return parse_timeframe(value, said_on, day_first=day_first)
    except InvalidInterview as problem:
        raise error(field, value, problem.problem) from None


def _numeric_day(text: str, said: date, phrase: str, day_first: bool | None) -> date | None:
    """``20/04/2026``, ``4/20/2026``, ``20.04.2026`` or ``20/04`` (the next such day)."""
    match = _NUMERIC.match(text)
    if match is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    if a > 12 or (b <= 12 and day_first):
        dom, month = a, b
    elif b > 12 or day_first is False:
        dom, month = b, a
    else:
        raise InvalidInterview(
            "timeframe",
            phrase,
            "could be read day first or month first: write it as 2026-08-01 (year, month, day)",
        )
    if not 1 <= month <= 12:
        return None
    if match["year"] is not None:
        try:
            return date(int(match["year"]), month, dom)
        except ValueError:
            return None
    for year in (said.year, said.year + 1):
        try:
            found = date(year, month, dom)
        except ValueError:
            return None
        if found >= said:
            return found
    return None


def _decision(value: Any, fail: Callable[[str], Exception]) -> Any:
    """None, a date (or an aware datetime's date), a `Timeframe`, a ``(start, end)`` pair
    of dates (made a window), or a phrase, kept as a string for the model to read
    against its own day (`read_decision`, in its ``__attrs_post_init__``)."""
    if value is None or isinstance(value, Timeframe):
        return value
    if isinstance(value, str):
        return v.clean_text(value, fail)
    if isinstance(value, (tuple, list)) and len(value) == 2:
        start, end = v.one_day(value[0], fail), v.one_day(value[1], fail)
        if end < start:
            raise fail("a (start, end) window must not end before it starts")
        phrase = f"between {start.isoformat()} and {end.isoformat()}"
        return Timeframe(start, end, phrase, "between")
    return v.one_day(value, fail)


if TYPE_CHECKING:

    def decision(
        value: date | Timeframe | str | tuple[date, date] | None,
    ) -> date | Timeframe | None: ...

else:
    decision = v.converter(_decision)


def _one_day(text: str, said: date) -> date | None:
    if text == "today":
        return said
    if text == "tomorrow":
        return said + timedelta(days=1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    words = text.removeprefix("this ").removeprefix("the end of ")
    if words in _WEEKDAYS:
        ahead = (_WEEKDAYS[words] - said.weekday() - 1) % 7 + 1
        return said + timedelta(days=ahead)
    if text.startswith("next ") and text[5:] in _WEEKDAYS:
        return _monday_after(said) + timedelta(days=_WEEKDAYS[text[5:]])
    match = _DAY_MONTH.match(text) or _MONTH_DAY.match(text)
    if match is not None and match["month"] in _MONTHS:
        month, dom = _MONTHS[match["month"]], int(match["day"])
        for year in (said.year, said.year + 1):
            try:
                found = date(year, month, dom)
            except ValueError:
                return None
            if found >= said:
                return found
    return None


def _window(text: str, said: date, phrase: str, weekend: frozenset[int]) -> Timeframe | None:
    within = _WITHIN.match(text)
    if within is not None:
        counted = _count(within["count"])
        if counted is None or counted[0] < 1:
            return None
        count, approximate = counted
        unit = _UNITS[within["unit"]]
        if unit == "fortnights":  # two weeks (British English, and seed-era letters)
            count, unit = count * 2, "weeks"
        if unit == "months":
            end = _add_months(said, count)
        else:
            end = said + timedelta(days=count * (7 if unit == "weeks" else 1))
        return Timeframe(said + timedelta(days=1), end, phrase, "within", count, unit, approximate)
    weeks = {
        ("this week", "the end of the week", "end of the week", "end of this week", "the week"): (
            "this_week"
        ),
        ("next week", "the following week", "during the following week"): "next_week",
        (
            "early next week",
            "the beginning of next week",
            "beginning of next week",
            "the start of next week",
            "start of next week",
            "early the following week",
            "the beginning of the following week",
            "beginning of the following week",
        ): "early_next_week",
        ("the end of next week", "end of next week", "late next week"): "end_of_next_week",
    }
    for phrases, kind in weeks.items():
        if text in phrases:
            return Timeframe(*_week_window(kind, said, weekend), phrase, kind)
    if text in ("this month", "the end of the month", "end of the month", "end of this month"):
        return Timeframe(said, _last_day(said.year, said.month), phrase, "this_month")
    if text in ("the end of next month", "end of next month", "the end of the following month"):
        last = _add_months(said.replace(day=1), 1)
        return Timeframe(said, _last_day(last.year, last.month), phrase, "this_month")
    if text in ("next month", "the following month"):
        first = _add_months(said.replace(day=1), 1)
        return Timeframe(first, _last_day(first.year, first.month), phrase, "month")
    part = _PART_OF_MONTH.match(text)
    if part is None and text.removeprefix("in ") in _MONTHS:
        part = _PART_OF_MONTH.match("in " + text.removeprefix("in "))
    if part is not None and part["month"] in _MONTHS:
        year, month = _next_month_named(_MONTHS[part["month"]], said)
        last = _last_day(year, month)
        which = part["part"].removeprefix("the ")
        kind, start, end = {
            "early": ("early_month", date(year, month, 1), date(year, month, 10)),
            "beginning of": ("early_month", date(year, month, 1), date(year, month, 10)),
            "mid": ("mid_month", date(year, month, 11), date(year, month, 20)),
            "middle of": ("mid_month", date(year, month, 11), date(year, month, 20)),
            "late": ("late_month", date(year, month, 21), last),
            "end of": ("late_month", max(said, date(year, month, 1)), last),
            "in": ("month", date(year, month, 1), last),
        }[which]
        if end < said:
            return None
        return Timeframe(max(start, said), end, phrase, kind)
    return None
