"""Work the planner no longer repeats (issue 20, tenth pass): each test of a count fails on
the code before it, and the others check that the answers are what the longer road gave."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import Candidate, Interviewer, Policy, Recruiter, plan
from followup_rules import _calendar as cal
from followup_rules.facts import _Told, _told
from followup_rules.model import ActionKind

from .factories import ANA, BO, interview, make_state

UTC = timezone.utc
ZONES = ("America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "America/Santiago", "UTC")


@pytest.fixture
def conversions(monkeypatch: pytest.MonkeyPatch) -> Counter[tuple[datetime, str]]:
    """Each instant converted to a zone's date (`_calendar.local_date`), counted, from
    empty caches."""
    seen: Counter[tuple[datetime, str]] = Counter()
    convert = cal.local_date

    def counted(moment: datetime, tz: Any) -> date:
        seen[(moment, str(tz))] += 1
        return convert(moment, tz)

    cal.clear_caches()
    monkeypatch.setattr(cal, "local_date", counted)
    return seen


class TestTheLimitsCountFromAnInstantOnce:
    """Every check-in of a plan asks the limits for its first day: the deadline's wait
    counts from the interview's end, rule ``patience`` from the thank-you, each time the
    same instant.  Each is converted to the contact's date and counted from once a plan
    (`_calendar.business_days_after`, cached by the instant's identity)."""

    @pytest.mark.parametrize(
        "changes",
        [
            {},
            {"decision_by": date(2024, 7, 10)},
            {"interviewers": [ANA, BO, Interviewer("Di Eze", timezone="Europe/Berlin")]},
        ],
        ids=["no decision date", "a decision date", "a panel in two zones"],
    )
    def test_no_instant_converted_twice_to_one_zone(
        self, conversions: Counter[tuple[datetime, str]], changes: dict[str, Any]
    ) -> None:
        iv = interview(**changes)
        made = plan(iv)
        assert len([a for a in made if a.kind is ActionKind.CHECK_IN]) == 3
        # what the limits count from: the interview's end (the deadline's wait without a
        # date), the thank-you notes' moments (patience), the check-ins' (the gap)
        counted_from = {iv._utc_span[1]} | {
            a._utc[2] for a in made if a.kind in (ActionKind.THANK_YOU, ActionKind.CHECK_IN)
        }
        asked = {key: n for key, n in conversions.items() if key[0] in counted_from}
        assert asked  # the limits did convert some: the count is not vacuous
        twice = {key: n for key, n in asked.items() if n > 1}
        assert [key for key in twice if not _a_call_s_day(made, key[0])] == []
        assert all(n == 2 for n in twice.values())

    def test_the_days_are_what_counting_again_gives(self) -> None:
        """The same check-ins with the cache emptied before every limit is asked."""
        iv = interview()
        cal.clear_caches()
        cached = [(a.kind, a.earliest, a.latest, a.suggested) for a in plan(iv)]
        found = cal.business_days_after

        def afresh(moment: datetime, tz: Any, count: int, holidays: Any = cal.NO_HOLIDAYS) -> date:
            cal.clear_caches()
            return found(moment, tz, count, holidays)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(cal, "business_days_after", afresh)
            again = [(a.kind, a.earliest, a.latest, a.suggested) for a in plan(iv)]
        assert again == cached


def _a_call_s_day(made: Any, moment: datetime) -> bool:
    """Whether *moment* opens a planned call: `rules.check_in` converts it once more to judge
    the day's whole call window (the candidate's night), beside the limits."""
    return any(a._utc[0] == moment and a.channel.value == "phone" for a in made)


class TestBusinessDaysAfterAnInstant:
    @given(
        st.sampled_from(ZONES),
        st.datetimes(min_value=datetime(2011, 1, 1), max_value=datetime(2028, 12, 31)),
        st.integers(min_value=1, max_value=12),
    )
    def test_what_converting_and_counting_give(
        self, name: str, when: datetime, count: int
    ) -> None:
        tz = cal.zone(name)
        moment = when.replace(tzinfo=UTC)
        expected = cal.add_business_days(cal.local_date(moment, tz), count)
        assert cal.business_days_after(moment, tz, count) == expected
        assert cal.business_days_after(moment, tz, count) == expected  # from the cache
        # an equal instant that is another object, and another count, are worked out
        twin = moment + timedelta(0)
        assert cal.business_days_after(twin, tz, count) == expected
        assert cal.business_days_after(moment, tz, count + 1) == cal.add_business_days(expected, 1)

    def test_a_country_s_calendar(self) -> None:
        pytest.importorskip("holidays")
        calendar = Policy(holidays=("US", None)).business_holidays
        tz = cal.zone("America/New_York")
        moment = datetime(2024, 7, 3, 20, tzinfo=UTC)  # 16:00 on the eve of the Fourth
        for _ in range(2):
            assert cal.business_days_after(moment, tz, 1, calendar) == date(2024, 7, 5)
        assert cal.business_days_after(moment, tz, 1) == date(2024, 7, 4)

    def test_a_plain_container_is_read_every_time(self) -> None:
        """Only a calendar that is data is cached: a set may change between two calls."""
        tz = cal.zone("Europe/Berlin")
        moment = datetime(2024, 7, 3, 10, tzinfo=UTC)
        closed: set[date] = set()
        assert cal.business_days_after(moment, tz, 1, closed) == date(2024, 7, 4)
        closed.add(date(2024, 7, 4))
        assert cal.business_days_after(moment, tz, 1, closed) == date(2024, 7, 5)


class TestZonesKeptOnTheInterview:
    """The candidate's zone (every e-mail's suggested moment is read on it) and the
    contact's (every check-in's) are kept on the interview, as `zone_of` gives them."""

    @pytest.mark.parametrize("candidate_zone", [None, "Asia/Tokyo"])
    @pytest.mark.parametrize("contact_zone", [None, "Europe/Berlin"])
    def test_as_zone_of_gives_them(
        self, candidate_zone: str | None, contact_zone: str | None
    ) -> None:
        contact = Interviewer("Di Eze", email="di@acme.example", timezone=contact_zone)
        iv = interview(
            interviewers=[contact, BO],
            candidate=Candidate("Sam Lee", timezone=candidate_zone),
            recruiter=Recruiter("Rae Fox", email="rae@agency.example"),
        )
        assert iv._home_zone is iv.zone_of(iv.candidate)
        assert iv._contact_zone is iv.zone_of(iv.follow_up_contact)
        assert str(iv._home_zone) == (candidate_zone or "America/New_York")
        assert str(iv._contact_zone) == (contact_zone or "America/New_York")


class TestToldAsANamedTuple:
    """`_told` builds its named tuple without the named tuple's Python constructor: the
    same fields, in the same order, as the state has them."""

    def test_every_field_from_the_state(self) -> None:
        state = make_state(decision_by=date(2024, 7, 10))
        told = _told(state)
        assert type(told) is _Told
        assert told == _Told(
            **{
                name: (state.policy.salutation if name == "salutation" else getattr(state, name))
                for name in _Told._fields
            }
        )
        assert told.decision_by == date(2024, 7, 10)
