"""Vague timeframes (seed 001: "they could be less exact"): the phrase parser.

Every phrase is read from the day it was said (a Tuesday, 7 July 2026, unless
the test says otherwise); what the parser cannot read is refused.
"""

from __future__ import annotations

import pickle
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import Timeframe, parse_timeframe

TUESDAY = date(2026, 7, 7)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("today", date(2026, 7, 7)),
        ("tomorrow", date(2026, 7, 8)),
        ("by Friday", date(2026, 7, 10)),
        ("Tuesday", date(2026, 7, 14)),  # the next one, not today
        ("this Thursday", date(2026, 7, 9)),
        ("next Friday", date(2026, 7, 17)),  # the Friday of the following week
        ("next Monday", date(2026, 7, 13)),
        ("by August 1st", date(2026, 8, 1)),
        ("1 August", date(2026, 8, 1)),
        ("3rd of July", date(2027, 7, 3)),  # already past this year: next year's
        ("2026-08-01", date(2026, 8, 1)),
        ("We hope to decide by Friday.", date(2026, 7, 10)),
        ("a decision by Friday", date(2026, 7, 10)),
    ],
)
def test_a_phrase_naming_one_day_gives_that_date(phrase: str, day: date) -> None:
    assert parse_timeframe(phrase, TUESDAY) == day


@pytest.mark.parametrize(
    ("phrase", "kind", "start", "end", "count", "unit", "approximate"),
    [
        ("in a couple of weeks", "within", date(2026, 7, 8), date(2026, 7, 21), 2, "weeks", True),
        ("in a few days", "within", date(2026, 7, 8), date(2026, 7, 10), 3, "days", True),
        ("within 10 days", "within", date(2026, 7, 8), date(2026, 7, 17), 10, "days", False),
        ("in a week", "within", date(2026, 7, 8), date(2026, 7, 14), 1, "weeks", False),
        ("in three months", "within", date(2026, 7, 8), date(2026, 10, 7), 3, "months", False),
        (
            "over the next two weeks",
            "within",
            date(2026, 7, 8),
            date(2026, 7, 21),
            2,
            "weeks",
            False,
        ),
        ("this week", "this_week", date(2026, 7, 7), date(2026, 7, 10), 0, "", False),
        ("by the end of the week", "this_week", date(2026, 7, 7), date(2026, 7, 10), 0, "", False),
        ("next week", "next_week", date(2026, 7, 13), date(2026, 7, 17), 0, "", False),
        ("early next week", "early_next_week", date(2026, 7, 13), date(2026, 7, 14), 0, "", False),
        (
            "at the beginning of the following week",
            "early_next_week",
            date(2026, 7, 13),
            date(2026, 7, 14),
            0,
            "",
            False,
        ),
        (
            "end of next week",
            "end_of_next_week",
            date(2026, 7, 16),
            date(2026, 7, 17),
            0,
            "",
            False,
        ),
        (
            "by the end of the month",
            "this_month",
            date(2026, 7, 7),
            date(2026, 7, 31),
            0,
            "",
            False,
        ),
        ("next month", "month", date(2026, 8, 1), date(2026, 8, 31), 0, "", False),
        ("in September", "month", date(2026, 9, 1), date(2026, 9, 30), 0, "", False),
        ("September", "month", date(2026, 9, 1), date(2026, 9, 30), 0, "", False),
        ("early August", "early_month", date(2026, 8, 1), date(2026, 8, 10), 0, "", False),
        ("mid-August", "mid_month", date(2026, 8, 11), date(2026, 8, 20), 0, "", False),
        ("late July", "late_month", date(2026, 7, 21), date(2026, 7, 31), 0, "", False),
        ("by the end of August", "late_month", date(2026, 8, 1), date(2026, 8, 31), 0, "", False),
    ],
)
def test_a_vague_phrase_gives_a_window(
    phrase: str,
    kind: str,
    start: date,
    end: date,
    count: int,
    unit: str,
    approximate: bool,
) -> None:
    """The module's table, row by row: the window, its shape and its count."""
    frame = parse_timeframe(phrase, TUESDAY)
    assert frame == Timeframe(start, end, " ".join(phrase.split()), kind, count, unit, approximate)


def test_a_weekend_week_ends_on_the_next_friday() -> None:
    assert parse_timeframe("this week", date(2026, 7, 11)).end == date(2026, 7, 17)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "phrase",
    [
        "soon",
        "whenever",
        "in several weeks",  # no count the parser knows
        "in zero weeks",
        "in 0 days",
        "31 February",
        "early July",  # said on 20 July: that window is over
        "in 30 months",  # further out than a timeframe
        "",
    ],
)
def test_what_it_cannot_read_is_refused(phrase: str) -> None:
    with pytest.raises(ValueError, match=r"cannot read|months after|expected a phrase"):
        parse_timeframe(phrase, date(2026, 7, 20))


def test_a_window_must_not_end_before_it_starts() -> None:
    """A hand-built window is checked like every model: typed errors naming the field."""
    from followup_rules import InvalidInterview

    with pytest.raises(InvalidInterview, match=r"Timeframe\.end = .*must not be before the start"):
        Timeframe(date(2026, 7, 9), date(2026, 7, 8), "x", "between")
    with pytest.raises(InvalidInterview, match=r"Timeframe\.kind"):
        Timeframe(date(2026, 7, 9), date(2026, 7, 10), "x", "sometime")
    with pytest.raises(InvalidInterview, match=r"Timeframe\.unit"):
        Timeframe(date(2026, 7, 9), date(2026, 7, 10), "x", "within", 2, "fortnights")
    with pytest.raises(InvalidInterview, match="said_on"):
        parse_timeframe("next week", "2026-07-07")  # type: ignore[arg-type]


def test_a_window_reads_for_people_and_pickles() -> None:
    frame = parse_timeframe("next week", TUESDAY)
    assert str(frame) == "next week (2026-07-13 to 2026-07-17)"
    assert pickle.loads(pickle.dumps(frame)) == frame


PHRASES = (
    "today",
    "by Friday",
    "next Monday",
    "in a couple of weeks",
    "within 5 days",
    "in two months",
    "this week",
    "next week",
    "early next week",
    "end of next week",
    "by the end of the month",
    "next month",
    "mid-December",
    "late January",
)


@given(phrase=st.sampled_from(PHRASES), said=st.dates(date(2020, 1, 1), date(2035, 12, 31)))
def test_every_reading_lies_ahead_and_is_deterministic(phrase: str, said: date) -> None:
    """Property: a day on or after the day it was said; a window that ends on or after it."""
    try:
        first = parse_timeframe(phrase, said)
    except ValueError:
        return  # e.g. "late January" said in late January: refused, never a past window
    assert first == parse_timeframe(phrase, said)
    if isinstance(first, Timeframe):
        assert said <= first.start <= first.end <= said + timedelta(days=760)
    else:
        assert said <= first <= said + timedelta(days=760)
