"""Country weekends: with `Policy.holidays`, business days follow that country's week.

Issue 20: with ``Policy(holidays="IL")`` the first check-in used to land on a
Friday, a weekend day in Israel, and no Sunday ever counted.  The ``holidays``
package knows every country's weekend; these tests check the library against
it for each kind of weekend it gives: Friday-Saturday (Israel, Kelantan in
Malaysia), Friday only (Iran), Sunday only (Hong Kong), Friday and Sunday
(Brunei), a weekend that moved (the Emirates, in 2022) and a weekend day
worked to make up for a bridge day (Russia).  The week of 13 July 2026 is
free of public holidays in Israel, Iran, Hong Kong and Kelantan.
"""

from __future__ import annotations

from datetime import date, time, timedelta
from typing import Any

import holidays as holidays_package
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidInterview,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Timeframe,
    Update,
    audit,
    describe_event,
    parse_timeframe,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules._said import week_words
from followup_rules._step_words import words as step_words
from followup_rules.timeframe import on_working_week

from .factories import of_kind
from .strategies import WEEKEND_COUNTRIES

JERUSALEM = "Asia/Jerusalem"
THURSDAY = date(2026, 7, 16)
FRIDAY = date(2026, 7, 17)
SATURDAY = date(2026, 7, 18)
SUNDAY = date(2026, 7, 19)
CHECK_IN = ActionKind.CHECK_IN
ISRAEL = frozenset({4, 5})


def calendar_of(country: str, subdivision: str | None = None) -> cal.BusinessCalendar:
    holidays = Policy(holidays=(country, subdivision)).business_holidays
    assert isinstance(holidays, cal.BusinessCalendar)
    return holidays


def israeli_interview(**changes: Any) -> Interview:
    """Monday 13 July 2026, 14:00-15:00 in Jerusalem, with Dana Levi (who takes calls)."""
    fields: dict[str, Any] = {
        "starts_at": pendulum.datetime(2026, 7, 13, 14, tz=JERUSALEM),
        "company": "Acme",
        "role": "Data Engineer",
        "interviewers": [Interviewer("Dana Levi", email="dana@acme.example", phone="+972 2 555")],
    }
    fields.update(changes)
    return Interview(**fields)


def local_day(moment: Any, tz: str = JERUSALEM) -> date:
    return pendulum.instance(moment).in_timezone(tz).date()  # type: ignore[no-any-return]


class TestWhichDaysAreBusinessDays:
    """Each kind of weekend the ``holidays`` package gives, one test each."""

    def test_israel_works_sunday_to_thursday(self) -> None:
        israel = calendar_of("IL")
        assert [
            cal.is_business_day(day, israel) for day in (THURSDAY, FRIDAY, SATURDAY, SUNDAY)
        ] == [
            True,
            False,
            False,
            True,
        ]

    def test_iran_rests_on_friday_only(self) -> None:
        iran = calendar_of("IR")
        assert not cal.is_business_day(FRIDAY, iran)
        assert cal.is_business_day(SATURDAY, iran)
        assert cal.is_business_day(SUNDAY, iran)

    def test_hong_kong_works_on_saturday(self) -> None:
        hong_kong = calendar_of("HK")
        assert cal.is_business_day(SATURDAY, hong_kong)
        assert not cal.is_business_day(SUNDAY, hong_kong)

    def test_brunei_rests_on_friday_and_sunday(self) -> None:
        brunei = calendar_of("BN")
        assert [cal.is_business_day(day, brunei) for day in (FRIDAY, SATURDAY, SUNDAY)] == [
            False,
            True,
            False,
        ]

    def test_a_subdivision_can_have_its_own_weekend(self) -> None:
        """Kelantan rests on Friday and Saturday; Kuala Lumpur, like most of Malaysia, does not."""
        kelantan, kuala_lumpur = calendar_of("MY", "03"), calendar_of("MY", "14")
        assert not cal.is_business_day(FRIDAY, kelantan)
        assert cal.is_business_day(SUNDAY, kelantan)
        assert cal.is_business_day(FRIDAY, kuala_lumpur)
        assert not cal.is_business_day(SUNDAY, kuala_lumpur)

    def test_a_weekend_that_moved_counts_as_it_was_on_each_day(self) -> None:
        """The Emirates rested on Friday and Saturday until 2021, on Saturday and Sunday since."""
        emirates = calendar_of("AE")
        assert not cal.is_business_day(date(2021, 7, 9), emirates)  # a Friday then
        assert cal.is_business_day(date(2021, 7, 11), emirates)  # a Sunday then
        assert cal.is_business_day(FRIDAY, emirates)
        assert not cal.is_business_day(SUNDAY, emirates)

    def test_a_saturday_worked_to_make_up_for_a_bridge_day_is_a_business_day(self) -> None:
        """Russia worked Saturday 1 November 2025 instead of Monday 3 November."""
        russia = calendar_of("RU")
        assert cal.is_business_day(date(2025, 11, 1), russia)
        assert not cal.is_business_day(date(2025, 11, 3), russia)

    def test_public_holidays_still_are_not_business_days(self) -> None:
        """Brunei's 15 July 2026 (the Sultan's birthday) is a Wednesday off."""
        brunei = calendar_of("BN")
        assert date(2026, 7, 15) in brunei
        assert not cal.is_business_day(date(2026, 7, 15), brunei)

    def test_without_a_country_the_week_is_monday_to_friday(self) -> None:
        """The default is unchanged: Saturday and Sunday off, the closed-form count."""
        assert not cal.is_business_day(SATURDAY)
        assert not cal.is_business_day(SUNDAY)
        assert cal.add_business_days(THURSDAY, 2) == date(2026, 7, 20)


class TestCounting:
    def test_the_day_after_an_israeli_thursday_is_sunday(self) -> None:
        assert cal.add_business_days(THURSDAY, 1, calendar_of("IL")) == SUNDAY

    def test_a_friday_rolls_to_sunday_in_israel(self) -> None:
        assert cal.business_day_on_or_after(FRIDAY, calendar_of("IL")) == SUNDAY

    def test_counting_between_days_skips_the_country_weekend(self) -> None:
        """From Thursday, Saturday is no business day later in Israel, and Sunday is one."""
        israel = calendar_of("IL")
        assert cal.business_days_between(THURSDAY, SATURDAY, israel) == 0
        assert cal.business_days_between(THURSDAY, SUNDAY, israel) == 1

    def test_windows_open_on_the_country_business_days(self) -> None:
        """A send window asked for from a Friday opens on Sunday in Jerusalem."""
        tz = cal.zone(JERUSALEM)
        opens, _ = cal.first_window(FRIDAY, time(8), time(17), tz, holidays=calendar_of("IL"))
        assert opens == pendulum.datetime(2026, 7, 19, 8, tz=JERUSALEM)

    def test_a_moment_on_a_weekend_day_moves_to_the_next_window(self) -> None:
        tz = cal.zone(JERUSALEM)
        friday_ten = pendulum.datetime(2026, 7, 17, 10, tz=JERUSALEM)
        found = cal.first_moment_in_window(friday_ten, time(8), time(17), tz, calendar_of("IL"))
        assert found == pendulum.datetime(2026, 7, 19, 8, tz=JERUSALEM)

    @pytest.mark.parametrize(
        ("country", "weekend", "words"),
        [
            (None, {5, 6}, "Monday to Friday"),
            ("IL", {4, 5}, "Sunday to Thursday"),
            ("IR", {4}, "Saturday to Thursday"),
            ("HK", {6}, "Monday to Saturday"),
            ("BN", {4, 6}, "Monday to Thursday and Saturday"),
            ("MY-03", {4, 5}, "Sunday to Thursday"),
        ],
    )
    def test_the_working_week_in_words(
        self, country: str | None, weekend: set[int], words: str
    ) -> None:
        """What the audit says a business day is, from the package's weekend."""
        holidays = Policy(holidays=country).business_holidays
        assert cal.weekend_of(holidays, THURSDAY) == weekend
        assert week_words(step_words(None), frozenset(weekend)) == words

    @pytest.mark.parametrize(
        ("weekend", "words"),
        [
            (set(), "Monday to Sunday"),
            ({1, 3, 5}, "Sunday to Monday, Wednesday and Friday"),
            (set(range(7)), "no day"),
        ],
    )
    def test_any_set_of_days_off_can_be_worded(self, weekend: set[int], words: str) -> None:
        """The words hold for any weekend, split in three or none at all."""
        assert week_words(step_words(None), frozenset(weekend)) == words

    def test_the_calendar_is_named_as_the_policy_writes_it(self) -> None:
        """A subdivision joins its country with a hyphen, as in ``Policy(holidays="MY-03")``."""
        assert calendar_of("MY", "03").code == "MY-03"
        assert repr(calendar_of("IL")) == "BusinessCalendar('IL')"


@given(
    st.sampled_from(WEEKEND_COUNTRIES),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
    st.integers(min_value=0, max_value=25),
)
def test_counting_agrees_with_the_holidays_package(
    country: str | tuple[str, str], start: date, count: int
) -> None:
    """Every count lands on a working day of the package's own calendar, and inverts.

    Stepping one day at a time with ``HolidayBase.is_working_day`` (weekend,
    holidays and weekend workdays) gives the same day as `add_business_days`.
    """
    code, subdivision = (country, None) if isinstance(country, str) else country
    source = holidays_package.country_holidays(code, subdiv=subdivision)
    calendar = calendar_of(code, subdivision)
    stepped, left = start, count
    while left > 0:
        stepped += timedelta(days=1)
        left -= source.is_working_day(stepped)
    assert cal.add_business_days(start, count, calendar) == stepped
    assert cal.business_days_between(start, stepped, calendar) == count
    rolled = cal.business_day_on_or_after(start, calendar)
    assert source.is_working_day(rolled)
    assert all(
        not source.is_working_day(start + timedelta(days=n)) for n in range((rolled - start).days)
    )


class TestThePlanner:
    def test_the_first_check_in_is_not_on_an_israeli_friday(self) -> None:
        """The review's case: decision Thursday 16 July; the check-in waits for Sunday 19 July."""
        iv = israeli_interview(decision_by=THURSDAY, invited_to_call=True)
        first = of_kind(plan(iv, Policy(holidays="IL")), CHECK_IN)[0]
        assert first.channel is Channel.PHONE
        assert local_day(first.earliest) == SUNDAY
        assert local_day(first.latest) == SUNDAY

    def test_check_ins_are_min_gap_israeli_business_days_apart(self) -> None:
        """Sunday, then three business days later: Wednesday (Sunday counts, Friday does not)."""
        iv = israeli_interview(decision_by=THURSDAY)
        days = [local_day(a.earliest) for a in of_kind(plan(iv, Policy(holidays="IL")), CHECK_IN)]
        assert days == [SUNDAY, date(2026, 7, 22), date(2026, 7, 27)]

    def test_a_card_is_mailed_on_the_next_israeli_business_day(self) -> None:
        """After a Thursday interview, the card goes on Sunday, not on Friday (seed 003)."""
        iv = israeli_interview(
            starts_at=pendulum.datetime(2026, 7, 16, 14, tz=JERUSALEM),
            candidate=Candidate("Sam Lee", timezone=JERUSALEM),
        )
        policy = Policy(holidays="IL", thank_you_channel=Channel.POSTAL)
        cards = of_kind(plan(iv, policy), ActionKind.THANK_YOU)
        assert [card.channel for card in cards] == [Channel.POSTAL]
        assert local_day(cards[0].suggested) == SUNDAY

    def test_the_recruiter_is_called_back_on_the_next_israeli_business_day(self) -> None:
        """An interview ending late on Thursday: the debrief call is Sunday morning (seed 000)."""
        iv = israeli_interview(
            starts_at=pendulum.datetime(2026, 7, 16, 17, tz=JERUSALEM),
            recruiter=Recruiter("Rita Cole", agency="SelecSource", phone="+972 3 555"),
        )
        debrief = of_kind(plan(iv, Policy(holidays="IL")), ActionKind.RECRUITER_DEBRIEF)[0]
        assert local_day(debrief.earliest) == SUNDAY

    def test_an_out_of_office_hold_ends_on_an_israeli_business_day(self) -> None:
        """Back on Thursday: the hold ends the next business day, Sunday."""
        iv = israeli_interview()
        away = [
            OutOfOffice(
                pendulum.datetime(2026, 7, 20, 9, tz=JERUSALEM), returns_on=date(2026, 7, 23)
            )
        ]
        first = of_kind(plan(iv, Policy(holidays="IL"), history=away), CHECK_IN)[0]
        assert local_day(first.earliest) == date(2026, 7, 26)

    def test_a_feedback_request_is_answered_within_israeli_business_days(self) -> None:
        """Asked on Wednesday, two business days (seed 002): due Sunday, not Friday."""
        iv = israeli_interview()
        asked = [
            Update(pendulum.datetime(2026, 7, 15, 9, tz=JERUSALEM), Outcome.FEEDBACK_REQUESTED)
        ]
        policy = Policy(holidays="IL")
        response = of_kind(plan(iv, policy, history=asked), ActionKind.FEEDBACK_RESPONSE)[0]
        assert local_day(response.latest) == SUNDAY

    def test_no_follow_up_lands_on_a_weekend_day(self) -> None:
        """Kelantan: check-ins avoid Friday and Saturday, and fall on Sunday."""
        iv = israeli_interview(
            starts_at=pendulum.datetime(2026, 7, 13, 14, tz="Asia/Kuala_Lumpur"),
            decision_by=THURSDAY,
        )
        days = [
            local_day(a.earliest, "Asia/Kuala_Lumpur")
            for a in of_kind(plan(iv, Policy(holidays="MY-03")), CHECK_IN)
        ]
        assert days[0] == SUNDAY
        assert all(day.weekday() not in (4, 5) for day in days)

    def test_without_a_country_nothing_moves(self) -> None:
        """Monday to Friday as before: the check-in after Thursday is Friday."""
        iv = israeli_interview(decision_by=THURSDAY)
        first = of_kind(plan(iv), CHECK_IN)[0]
        assert local_day(first.earliest) == FRIDAY


@given(
    st.sampled_from(WEEKEND_COUNTRIES),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
    st.integers(min_value=0, max_value=20) | st.none(),
    st.booleans(),
)
def test_every_follow_up_falls_on_a_business_day_of_the_country(
    country: str | tuple[str, str], day: date, decision_in: int | None, invited: bool
) -> None:
    """Check-ins, calls and feedback steps open and close on the package's working days."""
    code, subdivision = (country, None) if isinstance(country, str) else country
    source = holidays_package.country_holidays(code, subdiv=subdivision)
    iv = israeli_interview(
        starts_at=pendulum.datetime(day.year, day.month, day.day, 11, tz=JERUSALEM),
        decision_by=None if decision_in is None else day + timedelta(days=decision_in),
        invited_to_call=invited,
    )
    steps = plan(iv, Policy(holidays=(code, subdivision)))
    follow_ups = [a for a in steps if a.kind in (CHECK_IN, ActionKind.FEEDBACK_REQUEST)]
    assert follow_ups
    for action in follow_ups:
        for moment in (action.earliest, action.suggested, action.latest):
            assert source.is_working_day(local_day(moment)), (action, moment)


class TestTheAudit:
    def test_a_call_on_an_israeli_friday_is_flagged_with_the_working_week(self) -> None:
        """The sentence says what a business day is there."""
        iv = israeli_interview(decision_by=date(2026, 7, 14), invited_to_call=True)
        call = Contact(
            pendulum.datetime(2026, 7, 17, 10, 30, tz=JERUSALEM), Channel.PHONE, CHECK_IN
        )
        messages = [v.message for v in audit(iv, [call], Policy(holidays="IL"))]
        assert messages == [
            "call at Fri 10:30 recipient time, outside 10:00-11:30 on a business day in IL "
            "(Sunday to Thursday, not a public holiday)"
        ]

    def test_a_call_on_an_israeli_sunday_is_polite(self) -> None:
        iv = israeli_interview(decision_by=date(2026, 7, 14), invited_to_call=True)
        call = Contact(
            pendulum.datetime(2026, 7, 19, 10, 30, tz=JERUSALEM), Channel.PHONE, CHECK_IN
        )
        assert audit(iv, [call], Policy(holidays="IL")) == []

    def test_the_gap_counts_the_country_business_days(self) -> None:
        """Wednesday, then Friday: one business day in Israel (Thursday), not two."""
        iv = israeli_interview(
            starts_at=pendulum.datetime(2026, 7, 6, 14, tz=JERUSALEM), decision_by=date(2026, 7, 7)
        )
        log = [
            Contact(pendulum.datetime(2026, 7, 15, 9, tz=JERUSALEM), Channel.EMAIL, CHECK_IN),
            Contact(pendulum.datetime(2026, 7, 17, 9, tz=JERUSALEM), Channel.EMAIL, CHECK_IN),
        ]
        messages = [v.message for v in audit(iv, log, Policy(holidays="IL"))]
        assert messages == [
            "only 1 business day after the last exchange on 2026-07-15; the policy asks for 3"
        ]

    def test_without_a_country_the_sentence_is_unchanged(self) -> None:
        iv = israeli_interview(decision_by=date(2026, 7, 14), invited_to_call=True)
        call = Contact(
            pendulum.datetime(2026, 7, 18, 10, 30, tz=JERUSALEM), Channel.PHONE, CHECK_IN
        )
        messages = [v.message for v in audit(iv, [call])]
        assert messages == [
            "call at Sat 10:30 recipient time, outside 10:00-11:30 on a business day"
        ]


class TestWeekPhrases:
    """ "Next week" said on an Israeli Sunday is the week that starts a week later."""

    def test_next_week_said_on_a_sunday_in_israel(self) -> None:
        frame = parse_timeframe("next week", date(2026, 7, 12), weekend=ISRAEL)
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (SUNDAY, date(2026, 7, 23))

    def test_early_next_week_in_israel_is_sunday_and_monday(self) -> None:
        frame = parse_timeframe("early next week", date(2026, 7, 14), weekend=ISRAEL)
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (SUNDAY, date(2026, 7, 20))

    def test_the_end_of_next_week_in_israel_is_wednesday_and_thursday(self) -> None:
        frame = parse_timeframe("end of next week", date(2026, 7, 14), weekend=ISRAEL)
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (date(2026, 7, 22), date(2026, 7, 23))

    def test_this_week_said_on_an_israeli_sunday_ends_on_thursday(self) -> None:
        frame = parse_timeframe("this week", date(2026, 7, 12), weekend=ISRAEL)
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (date(2026, 7, 12), THURSDAY)

    def test_a_week_in_iran_runs_saturday_to_thursday(self) -> None:
        frame = parse_timeframe("next week", date(2026, 7, 13), weekend={4})
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (SATURDAY, date(2026, 7, 23))

    def test_a_split_weekend_keeps_its_working_saturday(self) -> None:
        """Brunei (Friday and Sunday off): the end of next week is Thursday to Saturday."""
        frame = parse_timeframe("end of next week", date(2026, 7, 14), weekend={4, 6})
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (date(2026, 7, 23), date(2026, 7, 25))

    def test_this_week_said_on_an_israeli_friday_is_the_coming_week(self) -> None:
        """No working day is left in the week: "this week" is the one that starts on Sunday."""
        frame = parse_timeframe("this week", FRIDAY, weekend=ISRAEL)
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (FRIDAY, date(2026, 7, 23))

    def test_with_no_weekend_next_week_runs_monday_to_sunday(self) -> None:
        """The ``holidays`` package gives some years no weekend at all (Thailand before 1959)."""
        frame = parse_timeframe("next week", THURSDAY, weekend=())
        assert isinstance(frame, Timeframe)
        assert (frame.start, frame.end) == (date(2026, 7, 20), date(2026, 7, 26))

    @pytest.mark.parametrize(
        "weekend", [{7}, {-1}, "56", {0, 1, 2, 3, 4, 5, 6}, frozenset(range(7)), 5, {5.0}, {True}]
    )
    def test_a_weekend_that_is_not_weekdays_is_refused(self, weekend: Any) -> None:
        with pytest.raises(InvalidInterview) as refused:
            parse_timeframe("next week", THURSDAY, weekend=weekend)
        assert refused.value.field == "weekend"

    @given(st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)))
    def test_the_default_week_is_read_as_before(self, said: date) -> None:
        """Monday to Friday: the readings of 0.2 (Monday after *said*, Friday of its week)."""
        monday = said + timedelta(days=7 - said.weekday())
        expected = {
            "this week": (said, said + timedelta(days=(4 - said.weekday()) % 7)),
            "next week": (monday, monday + timedelta(days=4)),
            "early next week": (monday, monday + timedelta(days=1)),
            "end of next week": (monday + timedelta(days=3), monday + timedelta(days=4)),
        }
        for phrase, window in expected.items():
            frame = parse_timeframe(phrase, said)
            assert isinstance(frame, Timeframe)
            assert (frame.start, frame.end) == window

    def test_a_window_given_as_dates_is_not_read_again(self) -> None:
        """Only what the parser made from the day it was said moves to another week."""
        given_dates = Timeframe(date(2026, 7, 13), date(2026, 7, 15), "next week", "next_week")
        assert on_working_week(given_dates, date(2026, 7, 12), ISRAEL) is given_dates

    def test_the_planner_reads_next_week_on_the_israeli_week(self) -> None:
        """Said on Sunday 12 July: next week ends Thursday 23 July; the check-in is Sunday 26."""
        iv = israeli_interview(
            starts_at=pendulum.datetime(2026, 7, 12, 14, tz=JERUSALEM), decision_by="next week"
        )
        first = of_kind(plan(iv, Policy(holidays="IL")), CHECK_IN)[0]
        assert local_day(first.earliest) == date(2026, 7, 26)
        assert first.facts.timeframe is not None
        assert (first.facts.timeframe.start, first.facts.timeframe.end) == (
            SUNDAY,
            date(2026, 7, 23),
        )

    def test_a_new_date_in_an_update_is_read_on_the_country_week(self) -> None:
        """ "Next week", said on Sunday 19 July in Israel: 26 to 30 July, check-in 2 August."""
        iv = israeli_interview()
        news = [
            Update(pendulum.datetime(2026, 7, 19, 9, tz=JERUSALEM), Outcome.UNDECIDED, "next week")
        ]
        first = of_kind(plan(iv, Policy(holidays="IL"), history=news), CHECK_IN)[0]
        assert local_day(first.earliest) == date(2026, 8, 2)

    def test_a_logged_week_is_said_on_the_countrys_week(self) -> None:
        """Trial finding: `log` said "new date 2026-07-24" (a Friday) for an Israeli employer
        whose messages said Thursday 23 July: with the policy, both read the same week."""
        interview = Interview(
            pendulum.datetime(2026, 7, 8, 11, tz=JERUSALEM), "Carmel", "Engineer", ["Noa Levi"]
        )
        said_on = pendulum.datetime(2026, 7, 14, 10, tz=JERUSALEM)
        news = Update(said_on, Outcome.UNDECIDED, decision_by="by the end of next week")
        assert "new date 2026-07-24" in describe_event(news, interview)
        assert "new date 2026-07-23" in describe_event(news, interview, Policy(holidays="IL"))
