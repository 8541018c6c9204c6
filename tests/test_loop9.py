"""What the daily-loop trial loop8 found in the library (a Sydney candidate writing French,
four applications): a week phrase read from the day it was said (4)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import attrs
import pendulum
import pytest

from followup_rules import Outcome, Update, plan, render
from followup_rules._languages import language
from followup_rules.timeframe import parse_timeframe

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
        week" is the week after the interview in the check-in ten days later."""
        iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), "fr")
        whole = plan(iv)
        history = done_until(whole, whole[0])
        history.append(Update(iv.starts_at.add(minutes=50), Outcome.UNDECIDED, "next week"))
        step = check_ins(plan(iv, history=history))[0]
        text = render(step, iv).text
        assert "dernière" not in text and "semaine suivant l’entretien" in text, text
