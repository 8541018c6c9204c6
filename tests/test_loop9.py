"""What the daily-loop trial loop8 found in the library (a Sydney candidate writing French,
four applications): a second round in a file of its own (1), a week phrase read from the
day it was said (4)."""

from __future__ import annotations

import re
from datetime import date, time, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Interview,
    Interviewer,
    Message,
    Outcome,
    Update,
    agenda_many,
    audit,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.loop import later_rounds
from followup_rules.model import person_key
from followup_rules.timeframe import parse_timeframe

from .prose import masks, near_repeat, sentences
from .test_writing import ANA, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
WEEK_PHRASES = ("this week", "next week", "early next week", "by the end of next week")

# Words that count a week from the day a message is sent: true on that day only.
SEND_DAY_WEEKS = {
    "en": re.compile(r"\b(last|this) week\b"),
    "de": re.compile(r"\b(letzter|letzten|dieser|diese) Woche\b"),
    "fr": re.compile(
        r"semaine (dernière|passée)|cette semaine|(début|fin) de (la )?semaine(?=\s*[;,.]|$)"
    ),
    "es": re.compile(r"semana pasada|esta semana"),
}  # fmt: skip

FOLLOWING = {
    "en": "the following week",
    "de": "darauffolgenden Woche",
    "fr": "semaine suivante",
    "es": "semana siguiente",
}


class TestAWeekPhraseIsReadWhenItWasSaid:
    """loop8 4: "next week", told on Friday 16 October, was quoted in a check-in of 26
    October as "On Friday, October 16, I learned that a decision was now expected last
    week" (fr "la semaine dernière", es "la semana pasada"): counted from the send day.
    Every week phrase is read at the moment it was said, and stays true on any later day."""

    @pytest.mark.parametrize("code", LANGUAGES)
    @pytest.mark.parametrize("phrase", WEEK_PHRASES)
    def test_an_update_s_week_is_counted_from_the_update(self, code: str, phrase: str) -> None:
        iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
        whole = plan(iv)
        history = done_until(whole, check_ins(whole)[0])
        said = pendulum.datetime(2026, 7, 16, 12, tz=NY)  # a Thursday, not the interview's day
        history.append(Update(said, Outcome.UNDECIDED, phrase))
        later = check_ins(plan(iv, history=history))
        assert later
        first = render(later[0], iv).text
        assert not SEND_DAY_WEEKS[code].search(first), first
        if phrase != "this week":
            assert FOLLOWING[code] in first, first
        for step in later:
            assert not SEND_DAY_WEEKS[code].search(render(step, iv).text)

    @pytest.mark.parametrize("code", LANGUAGES)
    @pytest.mark.parametrize("phrase", WEEK_PHRASES)
    def test_the_words_do_not_depend_on_the_day_they_are_sent(
        self, code: str, phrase: str
    ) -> None:
        """The class: a phrase quoted on any later day is quoted alike (the words take no
        send day at all), from the interview or from the day of an update."""
        lang = language(code)
        for offset in range(14):
            said = date(2026, 4, 13) + timedelta(days=offset)
            window = parse_timeframe(phrase, said)
            at_interview = lang.decision_words(None, window, interview_day=said)
            told = lang.decision_words(
                None, window, interview_day=said - timedelta(days=9), said_on=said
            )
            for words in (at_interview, told):
                assert words and not SEND_DAY_WEEKS[code].search(words), (said, words)

    def test_the_trial_s_check_in(self) -> None:
        """The trial's own case, in French: told at the interview's day, an update's "next
        week" is the week after the interview in the check-in ten days later, named by its
        Monday's date (words26b class 3)."""
        iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), "fr")
        whole = plan(iv)
        history = done_until(whole, whole[0])
        history.append(Update(iv.starts_at.add(minutes=50), Outcome.UNDECIDED, "next week"))
        step = check_ins(plan(iv, history=history))[0]
        text = render(step, iv).text
        assert "dernière" not in text and "semaine du 13 juillet" in text, text


# -- finding 1: a second round in a file of its own ------------------------------------------

CLAIRE = Interviewer("Claire Dupond", email="claire@initrode.example")
TOM = Interviewer("Tom Hale", email="tom@initrode.example")
ZOE = Interviewer("Zoe Lind", email="zoe@initrode.example")
LONDON = "Europe/London"


def _round(starts: pendulum.DateTime, people: list[Interviewer], code: str, **more: Any) -> Any:
    fields: dict[str, Any] = {
        "starts_at": starts,
        "company": "Initrode",
        "role": "Data Analyst",
        "interviewers": people,
        "candidate": Candidate(
            "Léa Martin", email="lea@example.com", timezone="Australia/Sydney", language=code
        ),
    }
    fields.update(more)
    return Interview(**fields)


FIRST_DAY = pendulum.datetime(2026, 10, 22, 9, tz=LONDON)
SECOND_DAY = pendulum.datetime(2026, 11, 19, 10, tz=LONDON)


def _thanks(application: Application, person: str) -> Message:
    step = next(
        action
        for action in application.plan()
        if action.kind is ActionKind.THANK_YOU
        and action.recipient is not None
        and action.recipient.name == person
    )
    return render(step, application.interview)


class TestASecondRoundSaysSo:
    """loop8 1: a second round kept in its own file, the same person (Claire): its thank-you
    had round 1's subject and its long sentences.  Files planned together link a later
    round to the earlier ones by the people they share (`later_rounds`): the note to
    someone met before says it was another conversation, in other words than before."""

    def test_the_later_round_is_found_by_the_people_it_shares(self) -> None:
        one = Application(_round(FIRST_DAY, [CLAIRE], "fr"))
        two = Application(_round(SECOND_DAY, [CLAIRE, TOM], "fr"))
        other = Application(_round(SECOND_DAY, [CLAIRE], "fr", company="Globex"))
        found = later_rounds([two, other, one])
        assert found[0].met_before == ((person_key("Claire Dupond"), 1),)
        assert found[1].met_before == () and found[2].met_before == ()
        assert found[2] is one  # an application with nothing to add is the one given

    @pytest.mark.parametrize("code", LANGUAGES)
    @pytest.mark.parametrize(
        ("before", "after"),
        [
            ([CLAIRE], [CLAIRE, TOM]),
            ([CLAIRE], [TOM, CLAIRE]),
            ([TOM, CLAIRE], [CLAIRE]),
            ([ZOE, TOM, CLAIRE], [CLAIRE, ZOE]),
        ],
    )
    @pytest.mark.parametrize("decided", [None, date(2026, 10, 30)])
    def test_no_sentence_of_the_first_round_s_note_is_said_again(
        self, code: str, before: list[Interviewer], after: list[Interviewer], decided: Any
    ) -> None:
        one = Application(_round(FIRST_DAY, before, code, decision_by=decided))
        later = "early next week" if decided else None
        two = Application(_round(SECOND_DAY, after, code, decision_by=later))
        one, two = later_rounds([one, two])
        for person in {p.name for p in before} & {p.name for p in after}:
            first, second = _thanks(one, person), _thanks(two, person)
            assert first.subject != second.subject
            hidden = masks(two.interview)
            for sentence in sentences(second, whole=hidden):
                for said in sentences(first, whole=masks(one.interview)):
                    assert not near_repeat(sentence, said, code, hidden), (said, sentence)
        claire = _thanks(two, "Claire Dupond").text
        assert SECOND[code] in claire, claire

    def test_planned_together_today_knows_it(self) -> None:
        one = Application(_round(FIRST_DAY, [CLAIRE], "en"), name="r1")
        two = Application(_round(SECOND_DAY, [CLAIRE, TOM], "en"), name="r2")
        now = SECOND_DAY.add(hours=2)
        day = agenda_many([one, two], now, together=True)
        notes = [
            entry.item.action
            for entry in day.entries
            if entry.item.action.kind is ActionKind.THANK_YOU
        ]
        met = {a.recipient.name: a.facts.met_before for a in notes if a.recipient}
        assert met == {"Claire Dupond": 1, "Tom Hale": 0}
        apart = agenda_many([one, two], now)
        assert all(
            e.item.action.facts.met_before == 0
            for e in apart.entries
            if e.item.action.kind is ActionKind.THANK_YOU
        )


SECOND = {
    "en": "meeting me a second time",
    "de": "zweites Gespräch",
    "fr": "deuxième échange",
    "es": "segunda conversación",
}


# -- finding 8: a check-in suggested in the candidate's night -----------------------------------


class TestACheckInIsSuggestedWhenTheCandidateIsAwake:
    """loop8 8: a Sydney candidate, a New York recipient (send window 08:00-17:00 EST): every
    check-in was suggested at 00:00 Sydney time.  The moment suggested is the first of the
    recipient's window that is also in the candidate's waking hours, when there is one."""

    @staticmethod
    def _interview(home: str) -> Interview:
        return Interview(
            pendulum.datetime(2026, 10, 19, 15, tz=NY),
            "Hooli",
            "Data Engineer",
            [Interviewer("Dan Park", email="dan@hooli.example")],
            decision_by="by the end of the month",
            candidate=Candidate("Léa Martin", email="lea@example.com", timezone=home),
        )

    @pytest.mark.parametrize("home", ["Australia/Sydney", "Asia/Tokyo", "Europe/London", NY])
    def test_inside_both_when_they_meet(self, home: str) -> None:
        iv = self._interview(home)
        whole = plan(iv)
        for step in check_ins(whole):
            assert step.earliest <= step.suggested <= step.latest
            mine = step.suggested.in_timezone(home).time()
            theirs = step.suggested.in_timezone(NY)
            assert theirs.date() == step.earliest.in_timezone(NY).date()  # the same day
            if home == NY:
                assert step.suggested == step.earliest  # nothing to move
            else:
                assert time(7) <= mine.replace(tzinfo=None) <= time(22), (home, step.suggested)
        history = [a.done() for a in whole]
        assert audit(iv, history) == []

    def test_the_sydney_candidate_s_own_morning(self) -> None:
        step = check_ins(plan(self._interview("Australia/Sydney")))[0]
        assert step.suggested.in_timezone("Australia/Sydney").time() == time(7)
        assert step.suggested.in_timezone(NY).time() == time(15)

    @pytest.mark.parametrize("home", ["Australia/Sydney", NY])
    def test_the_waking_moment_is_found_once_per_window(
        self, home: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Issue 20, eighth pass: the feature costs nothing once its answer is known.  A
        check-in opens at its send window's cached first moment; planning the same
        interview again (or another whose check-ins fall on those days) looks the waking
        moment up by that instant instead of converting it and finding the day's waking
        hours again (about a twentieth of `plan()` in instructions)."""
        from followup_rules import _calendar as cal

        iv = self._interview(home)
        first = plan(iv)
        found = cal.first_moment_daily
        calls: list[object] = []

        def counted(*args: Any) -> Any:
            calls.append(args)
            return found(*args)

        monkeypatch.setattr(cal, "first_moment_daily", counted)
        again = plan(iv)
        assert calls == []
        assert [(a.earliest, a.latest, a.suggested) for a in again] == [
            (a.earliest, a.latest, a.suggested) for a in first
        ]
