"""Vague timeframes (seed 001: "they could be less exact"): the phrase parser.

Every phrase is read from the day it was said (a Tuesday, 7 July 2026, unless
the test says otherwise); what the parser cannot read is refused.
"""

from __future__ import annotations

import pickle
from datetime import date, timedelta
from typing import Any

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


# Mutation testing, seventh pass: the parser's less common roads, each read as a
# user gives it (the date or window it means, or the refusal naming the phrase).


@pytest.mark.parametrize(
    ("phrase", "day_first", "day"),
    [
        ("20/04/2026", None, date(2026, 4, 20)),  # a first number above 12 is the day
        ("4/20/2026", None, date(2026, 4, 20)),  # a second above 12 is the day
        ("20.04.2026", None, date(2026, 4, 20)),
        ("04/05/2026", True, date(2026, 5, 4)),
        ("04/05/2026", False, date(2026, 4, 5)),
        ("13/12/2026", False, date(2026, 12, 13)),  # 13 cannot be a month, whatever the locale
        ("12/13/2026", True, date(2026, 12, 13)),
        ("20/07", None, date(2026, 7, 20)),  # no year: the next such day, this year
        ("20/04", None, date(2027, 4, 20)),  # already past: next year's
        ("07/07", True, TUESDAY),  # the very day it was said
        ("20/04/2026.", None, date(2026, 4, 20)),
    ],
)
def test_a_numeric_date_is_read_day_or_month_first(
    phrase: str, day_first: bool | None, day: date
) -> None:
    """Seed 001's concrete date, written the way the candidate's locale writes it."""
    assert parse_timeframe(phrase, TUESDAY, day_first=day_first) == day


def test_an_ambiguous_numeric_date_is_refused_naming_the_phrase() -> None:
    """04/05 could be April or May: the user is asked to write the year first."""
    from followup_rules import InvalidInterview

    with pytest.raises(InvalidInterview) as refused:
        parse_timeframe("04/05/2026", TUESDAY)
    assert (refused.value.field, refused.value.value) == ("timeframe", "04/05/2026")
    assert "2026-08-01" in refused.value.problem


@pytest.mark.parametrize(
    "phrase", ["31/04/2026", "13/13/2026", "29/02", "31/04", "0/4/2026", "4/0/2026"]
)
def test_a_numeric_date_that_is_no_day_is_refused(phrase: str) -> None:
    """No 31 April, no month 13, no 29 February in 2026 or 2027: refused, not guessed."""
    with pytest.raises(ValueError, match="cannot read"):
        parse_timeframe(phrase, TUESDAY, day_first=True)


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("by Fri", date(2026, 7, 10)),
        ("next tues", date(2026, 7, 14)),
        ("this thurs", date(2026, 7, 9)),
        ("1st of August", date(2026, 8, 1)),
        ("Aug 1", date(2026, 8, 1)),
        ("Sept 3rd", date(2026, 9, 3)),
        ("July 7", TUESDAY),  # today's date is not yet past
        ("July 6", date(2027, 7, 6)),
        ("They expect to get back by Friday!", date(2026, 7, 10)),
        ("a decision sometime around Friday", date(2026, 7, 10)),
    ],
)
def test_more_ways_to_name_one_day(phrase: str, day: date) -> None:
    """Abbreviated weekdays and months, and a lead-in before the day, still name one day."""
    assert parse_timeframe(phrase, TUESDAY) == day


def test_a_weekday_said_on_that_weekday_is_a_week_later() -> None:
    """ "By Tuesday" said on a Tuesday is next Tuesday, never the day itself."""
    assert parse_timeframe("by Tuesday", TUESDAY) == date(2026, 7, 14)


def test_next_friday_said_on_a_sunday_is_in_the_week_that_starts_the_next_day() -> None:
    assert parse_timeframe("next Friday", date(2026, 7, 12)) == date(2026, 7, 17)


@pytest.mark.parametrize("phrase", ["February 30", "30 February", "February 29"])
def test_a_month_and_day_that_do_not_exist_are_refused(phrase: str) -> None:
    """February has no 30th (nor a 29th in 2026 and 2027)."""
    with pytest.raises(ValueError, match="cannot read"):
        parse_timeframe(phrase, TUESDAY)


@pytest.mark.parametrize(
    ("phrase", "said", "start", "end", "count", "unit"),
    [
        ("in a fortnight", TUESDAY, date(2026, 7, 8), date(2026, 7, 21), 2, "weeks"),
        ("within two fortnights", TUESDAY, date(2026, 7, 8), date(2026, 8, 4), 4, "weeks"),
        ("in about 10 days or so", TUESDAY, date(2026, 7, 8), date(2026, 7, 17), 10, "days"),
        ("in 5 days from now", TUESDAY, date(2026, 7, 8), date(2026, 7, 12), 5, "days"),
        ("in one month", date(2026, 1, 31), date(2026, 2, 1), date(2026, 2, 28), 1, "months"),
        ("in 12 months", TUESDAY, date(2026, 7, 8), date(2027, 7, 7), 12, "months"),
        ("in two months", date(2026, 11, 30), date(2026, 12, 1), date(2027, 1, 30), 2, "months"),
    ],
)
def test_a_count_of_units_runs_from_the_next_day(
    phrase: str, said: date, start: date, end: date, count: int, unit: str
) -> None:
    """A fortnight is two weeks; a month from 31 January ends on the last of February."""
    frame = parse_timeframe(phrase, said)
    assert isinstance(frame, Timeframe)
    assert (frame.start, frame.end, frame.kind) == (start, end, "within")
    assert (frame.count, frame.unit, frame.approximate) == (count, unit, False)


@pytest.mark.parametrize("phrase", ["in a couple weeks", "in couple of weeks", "in few days"])
def test_a_vague_count_is_marked_approximate(phrase: str) -> None:
    frame = parse_timeframe(phrase, TUESDAY)
    assert isinstance(frame, Timeframe)
    assert frame.approximate


@pytest.mark.parametrize(
    ("phrase", "said", "start", "end", "kind"),
    [
        ("by the end of next month", TUESDAY, TUESDAY, date(2026, 8, 31), "this_month"),
        (
            "end of next month",
            date(2026, 12, 15),
            date(2026, 12, 15),
            date(2027, 1, 31),
            "this_month",
        ),
        ("end of this month", date(2026, 2, 3), date(2026, 2, 3), date(2026, 2, 28), "this_month"),
        ("next month", date(2026, 12, 15), date(2027, 1, 1), date(2027, 1, 31), "month"),
        ("the following month", date(2027, 1, 31), date(2027, 2, 1), date(2027, 2, 28), "month"),
        ("late February", date(2028, 1, 5), date(2028, 2, 21), date(2028, 2, 29), "late_month"),
        ("the middle of August", TUESDAY, date(2026, 8, 11), date(2026, 8, 20), "mid_month"),
        ("beginning of August", TUESDAY, date(2026, 8, 1), date(2026, 8, 10), "early_month"),
        ("by the end of July", TUESDAY, TUESDAY, date(2026, 7, 31), "late_month"),
        ("in July", date(2026, 7, 20), date(2026, 7, 20), date(2026, 7, 31), "month"),
        ("July", TUESDAY, TUESDAY, date(2026, 7, 31), "month"),
        ("June", TUESDAY, date(2027, 6, 1), date(2027, 6, 30), "month"),
        ("in January", TUESDAY, date(2027, 1, 1), date(2027, 1, 31), "month"),
        ("early July", date(2026, 7, 3), date(2026, 7, 3), date(2026, 7, 10), "early_month"),
        ("mid July", date(2026, 7, 20), date(2026, 7, 20), date(2026, 7, 20), "mid_month"),
    ],
)
def test_a_month_phrase_gives_its_window(
    phrase: str, said: date, start: date, end: date, kind: str
) -> None:
    """A month window never starts before the day it was said, and a named month is the
    next one whose window is not over (this July while July lasts, next June)."""
    frame = parse_timeframe(phrase, said)
    assert isinstance(frame, Timeframe)
    assert (frame.start, frame.end, frame.kind) == (start, end, kind)


@pytest.mark.parametrize(
    ("phrase", "said"),
    [("mid July", date(2026, 7, 21)), ("early July", date(2026, 7, 11)), ("in Julyish", TUESDAY)],
)
def test_a_month_window_already_over_or_unknown_is_refused(phrase: str, said: date) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        parse_timeframe(phrase, said)


@pytest.mark.parametrize(
    ("phrase", "said", "end"),
    [
        ("in 24 months", TUESDAY, date(2028, 7, 7)),
        ("in 104 weeks", TUESDAY, date(2028, 7, 4)),
        ("in 731 days", TUESDAY, date(2028, 7, 7)),
    ],
)
def test_a_window_may_reach_two_years_ahead_and_no_further(
    phrase: str, said: date, end: date
) -> None:
    """A window of up to 24 months is read; one day more is refused, naming the limit."""
    from followup_rules import InvalidInterview

    frame = parse_timeframe(phrase, said)
    assert isinstance(frame, Timeframe)
    assert frame.end == end
    with pytest.raises(InvalidInterview) as refused:
        parse_timeframe("in 732 days", said)
    assert refused.value.field == "timeframe"
    assert "24 months after 2026-07-07" in refused.value.problem


@pytest.mark.parametrize("phrase", ["in 1000 days", "in -2 weeks", "in 2.5 weeks"])
def test_a_count_that_is_not_a_small_whole_number_is_refused(phrase: str) -> None:
    with pytest.raises(ValueError, match="cannot read"):
        parse_timeframe(phrase, TUESDAY)


@pytest.mark.parametrize(
    ("phrase", "said"),
    [("tomorrow", date(9099, 12, 31)), ("2026-08-01", TUESDAY)],
)
def test_the_calendar_edges(phrase: str, said: date) -> None:
    """The last day the library plans in: "tomorrow" is past it and refused by name;
    a date inside it is read."""
    from followup_rules import InvalidInterview

    if said.year == 9099:
        with pytest.raises(InvalidInterview, match="past the end of the calendar") as refused:
            parse_timeframe(phrase, said)
        assert refused.value.field == "timeframe"
    else:
        assert parse_timeframe(phrase, said) == date(2026, 8, 1)


def test_the_last_day_of_the_calendar_is_itself_a_day() -> None:
    assert parse_timeframe("today", date(9099, 12, 31)) == date(9099, 12, 31)
    assert parse_timeframe("9099-12-31", date(9099, 12, 30)) == date(9099, 12, 31)


def test_a_window_past_the_calendar_is_refused_as_such() -> None:
    """ "Next month" said in the calendar's last month: a typed error, not a crash."""
    from followup_rules import InvalidInterview

    with pytest.raises(InvalidInterview):
        parse_timeframe("next month", date(9099, 12, 15))


@pytest.mark.parametrize(
    ("said", "accepted"),
    [
        (date(1899, 12, 31), False),
        (date(1900, 1, 1), True),
        (date(9099, 12, 31), True),
    ],
)
def test_the_day_it_was_said_must_be_in_the_calendar(said: date, accepted: bool) -> None:
    from followup_rules import InvalidInterview

    if accepted:
        assert parse_timeframe("today", said) == said
        return
    with pytest.raises(InvalidInterview) as refused:
        parse_timeframe("today", said)
    assert refused.value.field == "said_on"
    assert "between 1900-01-01 and 9099-12-31" in refused.value.problem


def test_a_datetime_said_on_is_read_as_its_date() -> None:
    from datetime import datetime, timezone

    said = datetime(2026, 7, 7, 23, 30, tzinfo=timezone.utc)
    assert parse_timeframe("tomorrow", said) == date(2026, 7, 8)
    frame = parse_timeframe("this week", said)
    assert isinstance(frame, Timeframe)
    assert type(frame.start) is date


@pytest.mark.parametrize("phrase", ["   ", "x" * 201, 42, None])
def test_what_is_not_a_phrase_is_refused_naming_it(phrase: object) -> None:
    """No phrase, or one of over 200 characters: a typed error on the field ``timeframe``."""
    from followup_rules import InvalidInterview

    with pytest.raises(InvalidInterview) as refused:
        parse_timeframe(phrase, TUESDAY)  # type: ignore[arg-type]
    assert refused.value.field == "timeframe"
    assert "at most 200 characters" in refused.value.problem


def test_a_phrase_of_200_characters_is_read() -> None:
    phrase = "by Friday" + " " * 191
    assert len(phrase) == 200
    assert parse_timeframe(phrase, TUESDAY) == date(2026, 7, 10)


def test_a_window_keeps_the_phrase_as_said_with_single_spaces() -> None:
    frame = parse_timeframe("  In  a couple  of weeks. ", TUESDAY)
    assert isinstance(frame, Timeframe)
    assert frame.phrase == "In a couple of weeks."


def test_a_frozen_weekend_is_used_as_given() -> None:
    """A frozenset of weekdays (what the calendar module hands out) is a weekend too."""
    frame = parse_timeframe("next week", date(2026, 7, 14), weekend=frozenset({4, 5}))
    assert isinstance(frame, Timeframe)
    assert (frame.start, frame.end) == (date(2026, 7, 19), date(2026, 7, 23))


class TestReadDecision:
    """What the models do with ``decision_by``: a phrase read from the day it was said."""

    def test_a_phrase_is_read_from_the_day_said(self) -> None:
        from followup_rules.timeframe import read_decision

        read = read_decision("next week", TUESDAY, "Interview.decision_by")
        assert isinstance(read, Timeframe)
        assert (read.start, read.end) == (date(2026, 7, 13), date(2026, 7, 17))

    def test_a_numeric_phrase_is_read_in_the_candidates_order(self) -> None:
        from followup_rules.timeframe import read_decision

        assert read_decision("04/05/2026", TUESDAY, "f", day_first=False) == date(2026, 4, 5)
        assert read_decision("04/05/2026", TUESDAY, "f", day_first=True) == date(2026, 5, 4)

    @pytest.mark.parametrize("value", [None, date(2026, 8, 1)])
    def test_a_date_or_nothing_is_kept(self, value: date | None) -> None:
        from followup_rules.timeframe import read_decision

        assert read_decision(value, TUESDAY, "f") == value

    def test_an_unreadable_phrase_is_refused_with_the_callers_field_and_error(self) -> None:
        from followup_rules import InvalidHistory
        from followup_rules.timeframe import read_decision

        with pytest.raises(InvalidHistory) as refused:
            read_decision("soonish", TUESDAY, "Update.decision_by", InvalidHistory)
        assert (refused.value.field, refused.value.value) == ("Update.decision_by", "soonish")
        assert "cannot read" in refused.value.problem
        assert refused.value.__cause__ is None


class TestDecisionValues:
    """What ``Interview.decision_by`` accepts: a date, a window, a pair of dates, a phrase."""

    def test_a_pair_of_dates_is_a_window_between_them(self) -> None:
        from .factories import interview

        iv = interview(decision_by=(date(2024, 7, 8), date(2024, 7, 10)))
        assert iv.decision_by == Timeframe(
            date(2024, 7, 8), date(2024, 7, 10), "between 2024-07-08 and 2024-07-10", "between"
        )
        one_day = interview(decision_by=[date(2024, 7, 8), date(2024, 7, 8)]).decision_by
        assert isinstance(one_day, Timeframe)
        assert (one_day.start, one_day.end, one_day.kind) == (
            date(2024, 7, 8),
            date(2024, 7, 8),
            "between",
        )

    def test_a_pair_that_ends_before_it_starts_is_refused(self) -> None:
        from followup_rules import InvalidInterview

        from .factories import interview

        with pytest.raises(InvalidInterview, match="must not end before it starts") as refused:
            interview(decision_by=(date(2024, 7, 10), date(2024, 7, 8)))
        assert refused.value.field == "Interview.decision_by"

    def test_a_phrase_is_read_from_the_interviews_day(self) -> None:
        """Said on Tuesday 2 July 2024: "next week" is 8 to 12 July."""
        from .factories import interview

        frame = interview(decision_by="  next week ").decision_by
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end, frame.phrase) == (
            date(2024, 7, 8),
            date(2024, 7, 12),
            "next week",
        )

    def test_a_window_or_a_date_is_kept(self) -> None:
        from .factories import interview

        frame = parse_timeframe("next week", date(2024, 7, 2))
        assert interview(decision_by=frame).decision_by is frame
        assert interview(decision_by=date(2024, 8, 1)).decision_by == date(2024, 8, 1)

    @pytest.mark.parametrize("value", [(date(2024, 7, 8),), 3.5])
    def test_anything_else_is_refused(self, value: object) -> None:
        from followup_rules import InvalidInterview

        from .factories import interview

        with pytest.raises(InvalidInterview) as refused:
            interview(decision_by=value)
        assert refused.value.field == "Interview.decision_by"


class TestOnWorkingWeek:
    """A week phrase read at the model is read again on the country's week by the planner."""

    ISRAEL = frozenset({4, 5})

    def test_a_week_phrase_moves_to_the_countrys_week(self) -> None:
        from followup_rules.timeframe import on_working_week

        said = date(2026, 7, 14)
        frame = parse_timeframe("early next week", said)
        assert isinstance(frame, Timeframe)
        moved = on_working_week(frame, said, self.ISRAEL)
        assert (moved.start, moved.end) == (date(2026, 7, 19), date(2026, 7, 20))
        assert (moved.phrase, moved.kind) == (frame.phrase, frame.kind)

    def test_a_datetime_said_on_is_its_date(self) -> None:
        from datetime import datetime, timezone

        from followup_rules.timeframe import on_working_week

        said = datetime(2026, 7, 14, 9, tzinfo=timezone.utc)
        frame = parse_timeframe("next week", said.date())
        assert isinstance(frame, Timeframe)
        moved = on_working_week(frame, said, [4, 5])
        assert (moved.start, moved.end) == (date(2026, 7, 19), date(2026, 7, 23))

    def test_the_monday_to_friday_week_and_other_shapes_are_kept(self) -> None:
        from followup_rules.timeframe import on_working_week

        said = date(2026, 7, 14)
        week = parse_timeframe("next week", said)
        month = parse_timeframe("next month", said)
        assert isinstance(week, Timeframe) and isinstance(month, Timeframe)
        assert on_working_week(week, said, {5, 6}) is week
        assert on_working_week(month, said, self.ISRAEL) is month

    def test_a_weekend_that_is_not_weekdays_is_refused(self) -> None:
        from followup_rules import InvalidInterview
        from followup_rules.timeframe import on_working_week

        frame = parse_timeframe("next month", TUESDAY)
        assert isinstance(frame, Timeframe)
        with pytest.raises(InvalidInterview) as refused:
            on_working_week(frame, TUESDAY, {9})
        assert refused.value.field == "weekend"


@pytest.mark.parametrize(
    ("phrases", "start", "end", "kind"),
    [
        (
            ["end of the week", "end of this week", "the week"],
            TUESDAY,
            date(2026, 7, 10),
            "this_week",
        ),
        (
            ["the following week", "during the following week"],
            date(2026, 7, 13),
            date(2026, 7, 17),
            "next_week",
        ),
        (
            [
                "the beginning of next week",
                "beginning of next week",
                "the start of next week",
                "start of next week",
                "early the following week",
                "beginning of the following week",
            ],
            date(2026, 7, 13),
            date(2026, 7, 14),
            "early_next_week",
        ),
        (
            ["late next week", "the end of next week"],
            date(2026, 7, 16),
            date(2026, 7, 17),
            "end_of_next_week",
        ),
        (["this month", "end of the month"], TUESDAY, date(2026, 7, 31), "this_month"),
        (["the end of the following month"], TUESDAY, date(2026, 8, 31), "this_month"),
    ],
)
def test_every_wording_of_a_window_is_read(
    phrases: list[str], start: date, end: date, kind: str
) -> None:
    """The module's list, each wording of it: the same window as its first wording."""
    for phrase in phrases:
        frame = parse_timeframe(f"by {phrase}", TUESDAY)
        assert isinstance(frame, Timeframe), phrase
        assert (frame.start, frame.end, frame.kind) == (start, end, kind), phrase


def test_by_the_end_of_a_weekday_is_that_day() -> None:
    assert parse_timeframe("by the end of Friday", TUESDAY) == date(2026, 7, 10)


@pytest.mark.parametrize(
    ("phrase", "day_first", "day"),
    [
        ("04/12/2026", True, date(2026, 12, 4)),  # December: the second number may be 12
        ("15/01/2026", None, date(2026, 1, 15)),  # January is a month
        ("01/15/2026", None, date(2026, 1, 15)),
    ],
)
def test_a_numeric_date_at_the_months_edges(
    phrase: str, day_first: bool | None, day: date
) -> None:
    assert parse_timeframe(phrase, date(2026, 1, 2), day_first=day_first) == day


def test_a_date_with_twelve_second_is_still_ambiguous() -> None:
    """05/12/2026 is 5 December or 12 May: refused without the candidate's order."""
    with pytest.raises(ValueError, match="could be read day first or month first"):
        parse_timeframe("05/12/2026", TUESDAY)


def test_a_week_of_one_working_day() -> None:
    """Only Monday worked: "early next week" is that Monday alone."""
    frame = parse_timeframe("early next week", TUESDAY, weekend={1, 2, 3, 4, 5, 6})
    assert isinstance(frame, Timeframe)
    assert (frame.start, frame.end) == (date(2026, 7, 13), date(2026, 7, 13))


@pytest.mark.parametrize(("weekend", "start", "end"), [({0}, 21, 26), ({6}, 20, 25)])
def test_monday_or_sunday_alone_may_be_the_weekend(
    weekend: set[int], start: int, end: int
) -> None:
    """Weekdays run from Monday 0 to Sunday 6, both ends included."""
    frame = parse_timeframe("next week", date(2026, 7, 16), weekend=weekend)
    assert isinstance(frame, Timeframe)
    assert (frame.start, frame.end) == (date(2026, 7, start), date(2026, 7, end))


class TestRefusals:
    """Each refusal names the field and the value given, and says what would be read."""

    @staticmethod
    def refused(phrase: object, said: object = TUESDAY, **options: Any) -> Any:
        from followup_rules import InvalidInterview

        with pytest.raises(InvalidInterview) as refused:
            parse_timeframe(phrase, said, **options)  # type: ignore[arg-type]
        return refused.value

    def test_an_unreadable_phrase(self) -> None:
        error = self.refused("soonish")
        assert (error.field, error.value) == ("timeframe", "soonish")
        assert error.problem == (
            "cannot read this timeframe; try a date (2026-08-01, 'August 1st'), "
            "'by Friday', 'in two weeks', 'by the end of the month' or 'early next week'"
        )

    def test_no_phrase(self) -> None:
        error = self.refused("  ")
        assert (error.field, error.value) == ("timeframe", "  ")
        assert error.problem == "expected a phrase of at most 200 characters"

    def test_a_said_on_that_is_not_a_date(self) -> None:
        error = self.refused("next week", "2026-07-07")
        assert (error.field, error.value) == ("said_on", "2026-07-07")
        assert error.problem == "expected the date the phrase was said"

    def test_a_said_on_outside_the_calendar(self) -> None:
        error = self.refused("today", date(1899, 12, 31))
        assert (error.field, error.value) == ("said_on", date(1899, 12, 31))

    def test_a_day_past_the_calendar(self) -> None:
        error = self.refused("tomorrow", date(9099, 12, 31))
        assert (error.field, error.value) == ("timeframe", "tomorrow")
        assert error.problem == "reaches past the end of the calendar"

    def test_a_window_too_far_ahead(self) -> None:
        error = self.refused("in 30 months")
        assert (error.field, error.value) == ("timeframe", "in 30 months")
        assert error.problem == "ends more than 24 months after 2026-07-07"

    def test_an_ambiguous_date(self) -> None:
        error = self.refused("04/05/2026")
        assert error.problem == (
            "could be read day first or month first: write it as 2026-08-01 (year, month, day)"
        )

    def test_a_weekend_that_is_not_weekdays(self) -> None:
        error = self.refused("next week", weekend={7})
        assert (error.field, error.value) == ("weekend", {7})
        assert error.problem == "expected the weekdays off, Monday 0 to Sunday 6, like {5, 6}"


class TestHandBuiltWindows:
    """A `Timeframe` made by hand is checked field by field, the message saying what fits."""

    def test_an_unknown_kind(self) -> None:
        from followup_rules import InvalidInterview

        with pytest.raises(InvalidInterview) as refused:
            Timeframe(date(2026, 7, 9), date(2026, 7, 10), "x", "sometime")
        assert refused.value.problem == (
            "expected one of between, early_month, early_next_week, end_of_next_week, "
            "late_month, mid_month, month, next_week, this_month, this_week, within"
        )

    def test_an_unknown_unit(self) -> None:
        from followup_rules import InvalidInterview

        with pytest.raises(InvalidInterview) as refused:
            Timeframe(date(2026, 7, 9), date(2026, 7, 10), "x", "within", 2, "fortnights")
        assert refused.value.problem == "expected 'days', 'weeks', 'months' or ''"

    def test_an_end_before_the_start_names_the_end(self) -> None:
        from followup_rules import InvalidInterview

        with pytest.raises(InvalidInterview) as refused:
            Timeframe(date(2026, 7, 9), date(2026, 7, 8), "x", "between")
        assert (refused.value.field, refused.value.value) == ("Timeframe.end", date(2026, 7, 8))


class TestDecisionRefusals:
    """``Interview.decision_by`` refuses what is no date, saying what it expected."""

    @pytest.mark.parametrize(
        "value",
        [3.5, (date(2024, 7, 8), "soon"), ("soon", date(2024, 7, 8))],
    )
    def test_what_is_no_date(self, value: object) -> None:
        from followup_rules import InvalidInterview

        from .factories import interview

        with pytest.raises(InvalidInterview) as refused:
            interview(decision_by=value)
        assert refused.value.field == "Interview.decision_by"
        assert refused.value.problem.startswith("expected a date, got ")

    def test_an_empty_phrase(self) -> None:
        from followup_rules import InvalidInterview

        from .factories import interview

        with pytest.raises(InvalidInterview) as refused:
            interview(decision_by="   ")
        assert refused.value.field == "Interview.decision_by"
        assert "cannot be read" not in refused.value.problem

    def test_a_pair_the_wrong_way_round(self) -> None:
        from followup_rules import InvalidInterview

        from .factories import interview

        with pytest.raises(InvalidInterview) as refused:
            interview(decision_by=(date(2024, 7, 10), date(2024, 7, 8)))
        assert refused.value.problem == "a (start, end) window must not end before it starts"
