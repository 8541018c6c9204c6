"""The daily loop's library layer (issue 18, item 1): applications, one merged agenda,
moments as people type them, whole local days, and one more event in its place."""

from __future__ import annotations

from datetime import date, timedelta, timezone
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    AgendaMany,
    Application,
    Candidate,
    Channel,
    Contact,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    OutOfOffice,
    Policy,
    Reply,
    Standing,
    agenda,
    agenda_many,
    check_event,
    end_of_day,
    find_event,
    new_violations,
    parse_when,
    plan,
    start_of_day,
)

from .factories import ANA, BO, at, interview

SKIPPED_MIDNIGHTS = [
    ("Africa/Cairo", date(2026, 4, 24)),
    ("America/Havana", date(2026, 3, 8)),
    ("America/Santiago", date(2026, 9, 6)),
]


class TestWholeDays:
    """Issue 17, item 8: every local day is whole, even where DST skips midnight."""

    @pytest.mark.parametrize(("zone", "day"), SKIPPED_MIDNIGHTS)
    def test_a_day_whose_midnight_is_skipped_starts_when_the_clocks_jump(
        self, zone: str, day: date
    ) -> None:
        """The first instant of the date is 01:00 that day, never 23:00 the day before."""
        first = start_of_day(day, zone)
        just_before = first.subtract(microseconds=1).in_timezone(zone)
        assert (first.date(), first.hour, just_before.date()) == (day, 1, day - timedelta(1))

    @pytest.mark.parametrize(("zone", "day"), SKIPPED_MIDNIGHTS)
    def test_the_day_before_ends_at_its_last_instant(self, zone: str, day: date) -> None:
        """The day before a skipped midnight ends a microsecond before the jump: its last hour
        (23:00-24:00 on the old clock) is part of it."""
        last = end_of_day(day - timedelta(days=1), zone)
        assert last.add(microseconds=1) == start_of_day(day, zone)
        assert last.in_timezone(zone).date() == day - timedelta(days=1)

    def test_an_ordinary_day_starts_at_midnight(self) -> None:
        """New York on the day clocks go forward at 02:00: midnight is midnight."""
        first = start_of_day(date(2026, 3, 8), "America/New_York")
        assert (first.hour, first.minute, first.utcoffset()) == (0, 0, timedelta(hours=-5))

    def test_a_moment_names_its_local_date(self) -> None:
        """03:00 UTC on 9 July is still 8 July in New York: that day's end."""
        moment = pendulum.datetime(2026, 7, 9, 3, tz="UTC")
        assert end_of_day(moment, "America/New_York") == at(2026, 7, 8, 23, 59).add(
            seconds=59, microseconds=999999
        )

    def test_an_interview_means_its_candidates_zone(self) -> None:
        """A candidate in Berlin: their day, not New York's."""
        berlin = interview(candidate=Candidate("Sam Lee", timezone="Europe/Berlin"))
        assert start_of_day(date(2026, 7, 8), berlin) == pendulum.datetime(
            2026, 7, 8, tz="Europe/Berlin"
        )

    @pytest.mark.parametrize("where", ["Mars/Base", 42])
    def test_no_zone_is_refused(self, where: Any) -> None:
        """Neither a zone name, a tzinfo nor an interview: InvalidInterview naming 'zone'."""
        with pytest.raises(InvalidArgument, match=r"^zone = "):
            start_of_day(date(2026, 7, 8), where)

    def test_a_naive_moment_is_refused(self) -> None:
        """A moment without a zone names no date anywhere."""
        with pytest.raises(InvalidArgument, match=r"^day = "):
            end_of_day(pendulum.naive(2026, 7, 8), "UTC")

    @given(
        zone=st.sampled_from(["Africa/Cairo", "America/Havana", "Australia/Lord_Howe", "UTC"]),
        day=st.dates(date(2000, 1, 1), date(2037, 12, 31)),
    )
    def test_days_tile_time(self, zone: str, day: date) -> None:
        """Each day ends a microsecond before the next starts, and both are that date there."""
        first, last = start_of_day(day, zone), end_of_day(day, zone)
        assert last.add(microseconds=1) == start_of_day(day + timedelta(days=1), zone)
        assert (first.in_timezone(zone).date(), last.in_timezone(zone).date()) == (day, day)


NOW = at(2026, 7, 16, 15, 30)


class TestParseWhen:
    """Issue 18, item 1 (glue 8): 'now', 'today', a local time or ISO 8601, public."""

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("now", NOW),
            ("NOW", NOW),
            ("today", at(2026, 7, 16)),
            ("yesterday", at(2026, 7, 15)),
            ("Tomorrow", at(2026, 7, 17)),
            ("2026-07-20", at(2026, 7, 20)),
            ("2026-07-20T09:00", at(2026, 7, 20, 9)),
            ("2026-07-20 09:00", at(2026, 7, 20, 9)),
            ("2026-07-20T15:00+02:00", at(2026, 7, 20, 9)),
            ("2026-07-20T13:00Z", at(2026, 7, 20, 9)),
            ("2026-07-20T15:00[Europe/Berlin]", at(2026, 7, 20, 9)),
            ("2026-07-20T15:00+02:00[Europe/Berlin]", at(2026, 7, 20, 9)),
        ],
    )
    def test_each_form(self, text: str, expected: Any) -> None:
        """Each form a person types gives that instant, on the zone's clock."""
        found = parse_when(text, "America/New_York", NOW)
        assert (found, found.utcoffset()) == (expected, timedelta(hours=-4))

    @pytest.mark.parametrize(("zone", "day"), SKIPPED_MIDNIGHTS)
    def test_today_on_a_skipped_midnight_is_that_day(self, zone: str, day: date) -> None:
        """Issue 17: `--now today` landed on the previous day in Cairo, Havana, Santiago."""
        noon = pendulum.datetime(day.year, day.month, day.day, 12, tz=zone)
        assert parse_when("today", zone, noon).date() == day

    @pytest.mark.parametrize(
        "text", ["soon", "2026-07-20T25:00", "2026-07-20T09:00[Mars/Base]", "2026-07-20[UTC]", ""]
    )
    def test_anything_else_is_refused_naming_the_text(self, text: str) -> None:
        """A typed error on field 'when' that says what is understood."""
        with pytest.raises(InvalidArgument, match=r"^when = .*is not 'now', 'today'"):
            parse_when(text, "UTC", NOW)

    def test_text_must_be_text(self) -> None:
        """A number is no moment."""
        with pytest.raises(InvalidArgument, match=r"^when = 5"):
            parse_when(5, "UTC", NOW)  # type: ignore[arg-type]

    def test_now_must_be_aware(self) -> None:
        """The library never guesses a zone for *now*."""
        with pytest.raises(InvalidArgument):
            parse_when("today", "UTC", pendulum.naive(2026, 7, 16))


def applications() -> list[Application]:
    """Two applications: Acme (the day before) and Globex (today), New York."""
    return [
        Application(interview(), name="acme"),
        Application(interview(starts_at=at(2024, 7, 3, 14), company="Globex"), name="globex"),
    ]


class TestApplication:
    """An application holds what an app stores: interview, history, policy, name."""

    def test_plan_uses_its_own_policy(self) -> None:
        """A cautious application plans as the cautious preset does."""
        cautious = Policy.preset("cautious")
        found = Application(interview(), policy=cautious).plan()
        assert found == plan(interview(), cautious)

    def test_the_agenda_until_the_end_of_the_day(self) -> None:
        """until='end_of_day' is agenda(until=end_of_day(now, interview)), no glue."""
        now = at(2024, 7, 3, 9)
        mine = Application(interview()).agenda(now, "end_of_day")
        theirs = agenda(interview(), now=now, until=end_of_day(now, interview()))
        assert mine == theirs

    def test_the_label(self) -> None:
        """The name, else the role and the company."""
        assert Application(interview()).label == "Data Engineer at Acme Analytics"
        assert Application(interview(), name="acme.toml").label == "acme.toml"

    @pytest.mark.parametrize(
        ("changes", "field"),
        [
            ({"interview": "x"}, "Application.interview"),
            ({"history": 5}, "Application.history"),
            ({"history": "abc"}, "Application.history"),
            ({"policy": {}}, "Application.policy"),
            ({"name": 3}, "Application.name"),
        ],
    )
    def test_bad_fields_are_refused(self, changes: dict[str, Any], field: str) -> None:
        """Typed errors naming the field, never a bare TypeError."""
        fields: dict[str, Any] = {"interview": interview(), **changes}
        with pytest.raises(InvalidInterview, match=rf"^{field} = "):
            Application(**fields)


class TestAgendaMany:
    """Glue 5 and 13: one merged agenda across applications, each with its policy."""

    def test_late_first_overdue_longest_first_then_due(self) -> None:
        """Both thank-yous of Acme are late (the oldest first), then Globex's are due."""
        day = agenda_many(applications(), at(2024, 7, 4, 9), until="end_of_day")
        found = [(e.application.name, e.standing, e.action.kind) for e in day]
        late = [("acme", Standing.LATE, ActionKind.THANK_YOU)] * 2
        due = [("globex", Standing.DUE, ActionKind.THANK_YOU)] * 2
        assert found[:4] == late + due
        assert [e.action.latest for e in day.late] == sorted(e.action.latest for e in day.late)

    def test_superseded_steps_are_kept_apart(self) -> None:
        """The questions for the interview room are not in the list, but are available."""
        day = agenda_many(applications(), at(2024, 7, 4, 9))
        assert len(day.superseded) == 10
        assert all(e.standing is Standing.SUPERSEDED for e in day.superseded)
        assert Standing.SUPERSEDED not in {e.standing for e in day}
        assert day.get(day.superseded[0].id) == day.superseded[0]

    def test_next_is_the_step_overdue_longest(self) -> None:
        """The one next step: Acme's note to Ana, overdue since Wed 3 Jul 15:00."""
        day = agenda_many(applications(), at(2024, 7, 4, 9))
        assert day.next is not None
        assert (day.next.application.name, day.next.action.recipient) == ("acme", ANA)

    def test_each_application_follows_its_own_policy(self) -> None:
        """Same interview twice: the email-only preset never plans the call the default does."""
        consensus = Application(interview(decision_by=date(2024, 7, 10)), name="a")
        cautious = Application(
            interview(decision_by=date(2024, 7, 10)), policy=Policy.preset("cautious"), name="b"
        )
        day = agenda_many([consensus, cautious], at(2024, 7, 5, 9))
        calls = {e.application.name for e in day if e.action.channel is Channel.PHONE}
        assert calls == {"a"}

    def test_views_and_lookup(self) -> None:
        """late, due, coming partition the list; get finds an id; len counts the list."""
        day = agenda_many(applications(), at(2024, 7, 3, 9), until="end_of_day")
        assert isinstance(day, AgendaMany)
        assert len(day) == len(day.late) + len(day.due) + len(day.coming)
        entry = day.coming[0]
        assert day.get(entry.id) is entry and day.get("nothing") is None
        assert entry.agenda.now == at(2024, 7, 3, 9)

    def test_shown_at(self) -> None:
        """Superseded: the deadline missed; to do now: now; else when its window opens."""
        now = at(2024, 7, 3, 9)
        day = agenda_many(applications(), now, until="end_of_day")
        due = day.due[0]
        coming = day.coming[0]
        assert due.shown_at == now and coming.shown_at == coming.action.suggested
        later = agenda_many(applications(), at(2024, 7, 30, 9))
        gone = later.superseded[0]
        assert gone.shown_at == gone.action.latest

    def test_nothing_left(self) -> None:
        """No applications, nothing next."""
        day = agenda_many([], at(2024, 7, 3, 9))
        assert (day.next, len(day), day.agendas) == (None, 0, ())

    def test_only_applications(self) -> None:
        """A bare interview in the list names its place."""
        with pytest.raises(InvalidArgument, match=r"^applications\[0\] = "):
            agenda_many([interview()], at(2024, 7, 3, 9))  # type: ignore[list-item]


NOTE_TO_ANA = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
NOTE_TO_BO = Contact(at(2024, 7, 2, 17), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")


class TestCheckEvent:
    """Glue 2 and 3: one more event, checked and in its place."""

    def test_an_event_logged_late_goes_in_its_place(self) -> None:
        """Issue 17: a forgotten out-of-office logged a day late lands where it happened."""
        away = OutOfOffice(at(2024, 7, 2, 16, 30), date(2024, 7, 8))
        found = check_event(interview(), [NOTE_TO_ANA, NOTE_TO_BO], away)
        assert found == (NOTE_TO_ANA, away, NOTE_TO_BO)

    def test_histories_are_ordered_by_instant(self) -> None:
        """Given in any order, the history comes back by instant, ties in the order given."""
        reply = Reply(at(2024, 7, 2, 17))
        found = check_event(interview(), [NOTE_TO_BO, NOTE_TO_ANA], reply)
        assert found == (NOTE_TO_ANA, NOTE_TO_BO, reply)

    def test_an_event_at_the_same_instant_goes_after(self) -> None:
        """Ties keep the order given: the new one last."""
        reply = Reply(NOTE_TO_BO.at)
        assert check_event(interview(), [NOTE_TO_BO], reply) == (NOTE_TO_BO, reply)

    def test_the_same_event_twice_is_kept_once(self) -> None:
        """Issue 17: the same event logged twice is recorded once; the length tells."""
        again = Contact(NOTE_TO_ANA.at, Channel.EMAIL, ActionKind.THANK_YOU, "ana ruiz", note="x")
        assert check_event(interview(), [NOTE_TO_ANA], again) == (NOTE_TO_ANA,)

    def test_a_bad_event_is_refused_as_plan_would(self) -> None:
        """A name not on the interview: InvalidHistory naming the field."""
        stranger = Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Nobody")
        with pytest.raises(InvalidHistory, match="not an interviewer"):
            check_event(interview(), [], stranger)

    @pytest.mark.parametrize("event", ["reply", None])
    def test_only_events(self, event: Any) -> None:
        """Not an event: a typed error naming it."""
        with pytest.raises(InvalidHistory, match=r"^event = "):
            check_event(interview(), [], event)

    def test_only_events_in_the_history(self) -> None:
        """A stray value in the history names its place."""
        with pytest.raises(InvalidHistory, match=r"^history\[0\] = "):
            check_event(interview(), ["x"], Reply(at(2024, 7, 3)))  # type: ignore[list-item]


class TestFindEvent:
    """Duplicates are detectable: the same event, whatever its note or how a name is typed."""

    def test_the_follow_up_contact_may_go_unnamed(self) -> None:
        """A contact to nobody in particular went to Ana, the follow-up contact."""
        named = Contact(at(2024, 7, 9, 10), Channel.PHONE, recipient="Ana Ruiz")
        unnamed = Contact(at(2024, 7, 9, 10), Channel.PHONE)
        assert find_event(interview(), [NOTE_TO_ANA, named], unnamed) == 1

    def test_the_same_instant_in_another_zone(self) -> None:
        """16:00 in New York is 20:00 UTC: the same reply."""
        utc = Reply(pendulum.datetime(2024, 7, 2, 20, tz="UTC").astimezone(timezone.utc))
        assert find_event(interview(), [Reply(at(2024, 7, 2, 16))], utc) == 0

    def test_another_sender_is_another_event(self) -> None:
        """Bo's reply is not Ana's."""
        assert (
            find_event(interview(), [Reply(at(2024, 7, 3), "Ana Ruiz")], Reply(at(2024, 7, 3), BO))
            is None
        )


class TestNewViolations:
    """Issue 17: log warns when the event it records oversteps the policy, as audit would."""

    def test_a_second_call_breaks_one_call(self) -> None:
        """Two calls: the second names rule one-call; the first alone was fine."""
        first = Contact(at(2024, 7, 10, 10), Channel.PHONE)
        second = Contact(at(2024, 7, 16, 10), Channel.PHONE)
        found = new_violations(interview(decision_by=date(2024, 7, 8)), [first], second)
        assert [v.rule for v in found if v.rule == "one-call"] == ["one-call"]
        assert all(second in v.events for v in found)

    def test_a_polite_event_breaks_nothing(self) -> None:
        """A thank-you on time: no warning."""
        assert new_violations(interview(), [], NOTE_TO_ANA) == []

    def test_old_violations_are_not_repeated(self) -> None:
        """A later reply does not bring back the violation of an earlier call."""
        calls = [
            Contact(at(2024, 7, 10, 10), Channel.PHONE),
            Contact(at(2024, 7, 16, 10), Channel.PHONE),
        ]
        assert (
            new_violations(interview(decision_by=date(2024, 7, 8)), calls, Reply(at(2024, 7, 17)))
            == []
        )


def test_a_reply_from_someone_not_on_the_interview_is_refused() -> None:
    """Issue 17, item 5: a sender is an interviewer or the recruiter."""
    with pytest.raises(InvalidHistory, match=r"^event.sender = 'Nobody'"):
        check_event(interview(), [], Reply(at(2024, 7, 3), "Nobody"))


def test_an_application_orders_its_history_by_instant() -> None:
    """Given out of order, kept by instant, so the agenda reads it as plan() needs."""
    assert Application(interview(), [NOTE_TO_BO, NOTE_TO_ANA]).history == (NOTE_TO_ANA, NOTE_TO_BO)
