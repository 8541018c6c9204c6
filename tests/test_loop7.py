"""What the daily-loop trial loop6 found in the library: a decision phrase of an update read
on the interview's calendar (1), an in-person interview's day (7), an empty window (8)."""

from __future__ import annotations

from datetime import date, timedelta

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Agenda,
    Application,
    Candidate,
    Channel,
    Contact,
    Interviewer,
    InterviewFormat,
    InvalidHistory,
    Outcome,
    Snooze,
    Update,
    plan,
    render,
)
from followup_rules import serialize as s
from followup_rules.export import to_ics

from .factories import at, interview, make_state

PHRASES = (
    "in two weeks",
    "in a couple of weeks",
    "tomorrow",
    "by Friday",
    "next week",
    "early next week",
    "within 3 days",
    "by the end of the month",
)
# UTC-12:00 to UTC+14:00, in quarter hours: every offset a clock shows
OFFSETS = st.integers(-48, 56).map(lambda quarters: quarters * 15)


def written_in(instant: pendulum.DateTime, minutes: int) -> pendulum.DateTime:
    """*instant* as a person writes it with the offset *minutes*."""
    return instant.in_timezone(pendulum.FixedTimezone(minutes * 60))


class TestUpdatePhraseOnTheInterviewsCalendar:
    """loop6 1: "in two weeks" was read from the day of whatever offset the update's time
    was written in; the same instant now gives the same decision, as the interview's own
    phrase is read on the interview's day."""

    def test_the_trial_case(self) -> None:
        """Tue 13 Oct 03:00 in Auckland is Mon 12 Oct in New York: two weeks from Monday."""
        iv = interview(candidate=Candidate("Sam Lee", timezone="Pacific/Auckland"))
        there = pendulum.parse("2026-10-13T03:00:00+13:00")
        here = pendulum.parse("2026-10-12T10:00:00-04:00")
        states = [
            make_state(
                [Update(moment, Outcome.UNDECIDED, "in two weeks")],
                candidate=Candidate("Sam Lee", timezone="Pacific/Auckland"),
            )
            for moment in (there, here)
        ]
        assert [state.decision_by for state in states] == [date(2026, 10, 26)] * 2
        assert iv.timezone == "America/New_York"

    @settings(max_examples=40, deadline=None)
    @given(
        st.sampled_from(PHRASES),
        st.integers(0, 24 * 60 - 1),
        st.integers(0, 20),
        OFFSETS,
        OFFSETS,
    )
    def test_the_same_instant_in_any_offset_gives_the_same_plan(
        self, phrase: str, minute: int, days: int, one: int, other: int
    ) -> None:
        """The same instant, written in two offsets: the same decision date and window, and
        the same check-in, word for word (its "of <day>" included)."""
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        iv = interview(
            interviewers=[ana], candidate=Candidate("Sam Lee", timezone="Pacific/Auckland")
        )
        instant = at(2024, 7, 3) + timedelta(days=days, minutes=minute)
        texts, decided = [], []
        for minutes in (one, other):
            history = [Update(written_in(instant, minutes), Outcome.UNDECIDED, phrase)]
            state = make_state(history, interviewers=[ana], candidate=iv.candidate)
            decided.append((state.decision_by, state.timeframe))
            now = instant + timedelta(minutes=1)
            check_ins = [
                action
                for action in plan(iv, history=history, now=now)
                if action.kind is ActionKind.CHECK_IN and action.channel is Channel.EMAIL
            ]
            texts.append([render(action, iv).text for action in check_ins[:1]])
        assert decided[0] == decided[1]
        assert texts[0] == texts[1]
        said_on = instant.in_timezone("America/New_York").date()
        assert decided[0][0] is not None and decided[0][0] >= said_on

    def test_the_message_says_the_day_it_was_said_there(self) -> None:
        """ "within two weeks of <day>": the day in the interview's zone."""
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        candidate = Candidate("Sam Lee", timezone="Pacific/Auckland")
        iv = interview(interviewers=[ana], candidate=candidate)
        history = [
            Update(pendulum.parse("2024-07-09T03:00:00+12:00"), Outcome.UNDECIDED, "in two weeks")
        ]
        check_in = next(
            action
            for action in plan(iv, history=history, now=at(2024, 7, 9))
            if action.kind is ActionKind.CHECK_IN and action.channel is Channel.EMAIL
        )
        text = render(check_in, iv).text
        assert "Monday 8 July" in text and "9 July" not in text

    def test_a_date_given_is_checked_on_the_interviews_day(self) -> None:
        """A date of Monday given at 03:00 Tuesday in Auckland (Monday in New York) is not
        before the update, nor is Monday given at 20:00 Monday at UTC-12 (Tuesday in New
        York): a date typed is the day of whoever wrote it (the stateful test: "by today",
        logged in Los Angeles, for an interview in Tokyo).  Sunday is before either."""
        moment = pendulum.parse("2024-07-09T03:00:00+12:00")  # Mon 8 July in New York
        state = make_state([Update(moment, Outcome.UNDECIDED, date(2024, 7, 8))])
        assert state.decision_by == date(2024, 7, 8)
        late = pendulum.parse("2024-07-08T20:00:00-12:00")  # Tue 9 July 04:00 in New York
        assert make_state([Update(late, Outcome.UNDECIDED, date(2024, 7, 8))]).decision_by == (
            date(2024, 7, 8)
        )
        with pytest.raises(InvalidHistory, match="before the update itself"):
            make_state([Update(moment, Outcome.UNDECIDED, date(2024, 7, 7))])

    def test_a_day_phrase_is_kept_as_said_in_a_file(self) -> None:
        """ "tomorrow" is written as said, read again on the interview's calendar, and the
        JSON form names no private field."""
        update = Update(pendulum.parse("2024-07-09T03:00:00+12:00"), Outcome.UNDECIDED, "tomorrow")
        assert update.said == "tomorrow"
        assert update.decision_in(pendulum.timezone("America/New_York")) == date(2024, 7, 9)
        assert "_phrase" not in s.unstructure(update)
        given_a_date = Update(update.at, Outcome.UNDECIDED, date(2024, 7, 12))
        assert given_a_date.said is None

    def test_a_rename_keeps_the_phrase(self) -> None:
        """Renaming the sender keeps "tomorrow" a phrase, read on the interview's day."""
        moment = pendulum.parse("2024-07-09T03:00:00+12:00")
        update = Update(moment, Outcome.UNDECIDED, "tomorrow", sender="Bo Chen")
        renamed = Application(interview(), [update]).rename("Bo Chen", "Bo Chén")
        (after,) = renamed.history
        assert isinstance(after, Update) and after.sender == "Bo Chén"
        assert after.said == "tomorrow"
        people = renamed.interview.interviewers
        assert make_state([after], interviewers=people).decision_by == date(2024, 7, 9)


class TestCalendarSaysASnooze:
    """loop6 6: a snoozed step's "Why" kept the planned reason alone, beside a later "When"."""

    @pytest.mark.parametrize(
        ("language", "moved"),
        [
            (None, "You snoozed it until Mon 22 Jul 2024."),
            ("de", "Von Ihnen verschoben bis"),
            ("fr", "Reporté par vous jusqu’au"),
            ("es", "Aplazado por usted hasta el"),
        ],
    )
    def test_the_why_line_says_it_was_moved(self, language: str | None, moved: str) -> None:
        candidate = Candidate("Sam Lee", email="sam@example.com", language=language)
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        iv = interview(interviewers=[ana], candidate=candidate, decision_by=date(2024, 7, 9))
        thanks = Contact(at(2024, 7, 2, 18), Channel.EMAIL, ActionKind.THANK_YOU)
        first = Application(iv, [thanks]).agenda(at(2024, 7, 9)).coming[0]
        assert first.action.kind is ActionKind.CHECK_IN
        snooze = Snooze(at(2024, 7, 9, 9), first.id, at(2024, 7, 22, 9))
        app = Application(iv, [thanks, snooze])
        text = to_ics(app, now=at(2024, 7, 9, 10)).decode()
        unfolded = text.replace("\r\n ", "")
        item = next(part for part in unfolded.split("BEGIN:V") if first.id in part)
        described = item.split("DESCRIPTION:", 1)[1].split("\r\n", 1)[0].replace("\\n", "\n")
        why = next(line for line in described.split("\n") if moved.split()[0] in line)
        assert moved in why.replace("\\", "")
        unmoved = to_ics(Application(iv, [thanks]), now=at(2024, 7, 9, 10)).decode()
        assert moved.split(" ")[0] + " " + moved.split(" ")[1] not in unmoved.replace("\r\n ", "")


class TestInPersonDay:
    """loop6 7: an in-person interview's day is the room's, not the candidate's clock's."""

    def check_in(self, fmt: InterviewFormat) -> str:
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        iv = interview(
            starts_at=at(2024, 7, 2, 14),  # Wednesday 06:00 in Auckland
            interviewers=[ana],
            candidate=Candidate("Sam Lee", timezone="Pacific/Auckland"),
            decision_by=date(2024, 7, 9),
            format=fmt,
        )
        step = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
        return render(step, iv).text

    def test_in_person_says_the_rooms_day_only(self) -> None:
        text = self.check_in(InterviewFormat.IN_PERSON)
        assert "At my interview on Tuesday 2 July," in text
        assert "your time)" not in text and "3 July" not in text

    def test_a_video_call_keeps_both_days(self) -> None:
        """Remote, the candidate lived Wednesday: both days, the candidate's first."""
        text = self.check_in(InterviewFormat.VIDEO)
        assert "Wednesday 3 July (Tuesday 2 July, your time)" in text


class TestEdgesOfTheDay:
    """loop6 8 and 9: a window of no length is not due; today holds only what can be done
    by the end of the candidate's day."""

    def test_at_the_interviews_end_its_questions_are_over(self) -> None:
        """The boundary: a window includes its last moment (an e-mail can go at its very
        deadline), but the room's steps end with the interview: at its end, over."""
        iv = interview()
        end = at(2024, 7, 2, 15)
        steps = plan(iv, now=end)
        assert not [a for a in steps if a.channel is Channel.IN_PERSON]
        assert all(a.latest > a.earliest for a in steps)  # no "17:00-17:00"
        for made in (plan(iv), steps):  # a plan made without now, and one with it
            agenda = Agenda.of(made, iv, now=end, until=at(2024, 7, 2, 23, 59))
            assert not [i for i in agenda.due if i.action.channel is Channel.IN_PERSON]
        a_minute_before = plan(iv, now=end - timedelta(minutes=1))
        assert [a for a in a_minute_before if a.channel is Channel.IN_PERSON]

    def test_today_holds_only_what_can_be_done_today(self) -> None:
        """Bo, in Berlin, gets his note from 08:00 his time: 02:00 tomorrow in New York."""
        bo = Interviewer("Bo Chen", email="bo@acme.example", timezone="Europe/Berlin")
        iv = interview(interviewers=[Interviewer("Ana Ruiz", email="a@acme.example"), bo])
        now = at(2024, 7, 2, 23)
        day = Application(iv).agenda(now, until="end_of_day")
        for item in (*day.due, *day.late):
            assert item.doable_at <= day.until, item.action.describe()
        later = [i for i in day.coming if i.action.recipient is not None]
        assert any(i.action.recipient.name == "Bo Chen" for i in later)  # type: ignore[union-attr]
