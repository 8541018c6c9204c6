"""The fourteenth blind read (seed 8282): the untrue and misleading lines its readers cited.

Each test fails on main before words17 and names the class it answers.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from followup_rules import (
    Action,
    ActionKind,
    Channel,
    Interview,
    Interviewer,
    Outcome,
    Policy,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .test_words9 import _msgids, _plural_msgids
from .test_writing import ANA, _voicemail, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
TEMPLATES = Path(__file__).resolve().parent.parent / "src" / "followup_rules" / "templates"

# -- 1. the missed point: only that the candidate did not mention it --------------------

REASON = {  # why it was missed: the input never says
    "en": r"\btime\b|ran out|did not have|come up|no chance|did not reach",
    "de": r"\bZeit\b|kamen wir nicht|gingen wir nicht|nicht zur Sprache kam|weil",
    "fr": r"\btemps\b|ne nous a pas|resté de côté|pas été question",
    "es": r"\btiempo\b|no llegamos|no hablamos|no tratamos|no llegó a abordar",
}
WE = {  # "we" did not cover it: the interviewer's meeting told back to them
    "en": r"\bwe\b|\bus\b|\bour\b",
    "de": r"\bwir\b|\bunser",
    "fr": r"\bnous\b|\bnotre\b",
    "es": r"\b\w+(?:amos|emos|imos)\b|\bnuestr",
}
ENCLOSURE = {  # reads as if something were attached
    "en": r"\badd\b|\bnote\b|\bhere\b|attach|enclos|includ|point out",
    "de": r"\bhier\b|nachtrag|beileg|anbei|\bfüge|nenne ich noch",
    "fr": r"ajoute|\bici\b|ci-joint|\bjoins\b",
    "es": r"añad|\baquí\b|adjunt|incluyo",
}
ALSO = {  # "also" with nothing before it: the line opens the paragraph
    "en": r"\balso\b",
    "de": r"\bAußerdem\b|\bEbenfalls\b|\bauch\b",
    "fr": r"\baussi\b|également",
    "es": r"\btambién\b",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_says_only_that_it_was_not_mentioned(code: str) -> None:
    """r14 en 01.8, 04.6, 08.5: "We ran out of time before we reached my AWS
    certification" invents why the point was missed; fr « J’ajoute ici ma certification
    Kafka », es "añado aquí este punto" read as an enclosure.  Every wording, singular and
    plural, says the candidate did not mention it: no reason, no "we", no enclosure verb,
    no "also" that refers back to nothing."""
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            for banned in (REASON, WE, ENCLOSURE, ALSO):
                assert not re.search(banned[code], text, re.IGNORECASE), text
            if code == "en":
                assert re.match(r"(?:One thing |Some things )?I did not\b", text), text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_call_quotes_the_candidates_own_words(code: str) -> None:
    """r14 02.4, every language: "the point you did not get to make: my AWS…" pastes the
    candidate's first-person note into a list that speaks to them as "you".  The note is
    said to them as theirs ("your AWS certification": words25c class 4, r20 en 02.4 read
    the quoted "which you noted as" as tool-speak), never pasted after a colon."""
    lang = language(code)
    missed = {"en": "my AWS certification", "de": "mein AWS-Zertifikat"}.get(
        code, {"fr": "ma certification AWS", "es": "mi certificación de AWS"}.get(code, "")
    )
    rita = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0199")
    iv = in_language(meeting(recruiter=rita, missed=[missed]), code)
    (call,) = (
        a
        for a in plan(iv)
        if a.kind is ActionKind.RECRUITER_DEBRIEF and a.channel is Channel.PHONE
    )
    text = render(call, iv).text
    theirs = lang.told_to_candidate(missed)
    assert theirs is not None and theirs in text, text
    assert not re.search(r":[\s\u00a0]*" + re.escape(theirs), text), text


# -- 2. a call after news follows the news, not the e-mail it answered -------------------


def _calls_after_news(iv: Interview, policy: Policy) -> list[Action]:
    """Calls planned after an e-mail check-in the employer answered with a new date (the
    planner calls only when a date has passed: none follows news without one)."""
    found: list[Action] = []
    for answered in range(4):
        history: list[object] = []
        for number in range(10):
            schedule = plan(iv, policy, history=history)
            pending = check_ins(schedule)
            if not pending:
                break
            step = pending[0]
            if number > answered and step.channel is Channel.PHONE and step.facts.news:
                found.append(step)
                break
            how = {"answered": False} if step.channel is Channel.PHONE else {}
            history += done_until(schedule, step, **how)
            if number == answered and step.channel is Channel.EMAIL:
                when = step.suggested.add(days=1)
                history.append(Update(when, Outcome.UNDECIDED, when.add(days=8).date()))
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_call_after_news_never_cites_the_answered_email(code: str) -> None:
    """r13 and r14 08.9, every language: "Mention your email of Monday 26 October" and the
    voicemail "following my email of …" when the employer had answered that e-mail since,
    with a new date.  The script and the voicemail follow the news and its day."""
    lang = language(code)
    calls: list[tuple[Interview, Action]] = []
    for decision_by in (None, date(2026, 7, 15)):
        iv = in_language(meeting(interviewers=[ANA], decision_by=decision_by), code)
        for policy in (Policy(), Policy(max_calls=3, max_check_ins=6)):
            calls += [(iv, call) for call in _calls_after_news(iv, policy)]
    assert calls
    for iv, call in calls:
        facts = call.facts
        assert facts.previous is not None and facts.previous.channel is Channel.EMAIL
        assert facts.news_on is not None
        text = render(call, iv).text
        assert lang.date_only(facts.previous.day) not in text, text
        assert lang.date_only(facts.news_on) in _voicemail(text), text


# -- 3. clumsy openers of first check-ins and replies to news ----------------------------


def test_no_opener_tacks_on_where_the_news_came_from() -> None:
    """r14 03.6, 08.7, 08.9: "I was invited at my interview … to get in touch, and as a
    decision was expected …", "… is still open, as I learned on Monday 19 October", "…
    was expected by …, as I learned on …, and I wanted to check in"."""
    opening = _msgids("_check_in_opening.txt")
    assert opening
    for line in opening:
        assert not re.search(r", as I learned on|I was invited at my interview|, and as a", line)
        assert not re.search(r", as a decision was expected", line), line


# -- 4. closes that depend on the weekday, stack, or read as giving up -------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_close_depends_on_the_weekday_or_reads_as_farewell(code: str) -> None:
    """r14 09.10 "I hope your week goes well." on a Thursday, de 10.8 on a Friday; "All the
    best in the meantime." before "Thank you again"; "Best wishes for the weeks ahead.", de
    "Bis dahin alles Gute.", "Für das weitere Verfahren alles Gute." read as giving up."""
    banned = {
        "en": r"\bweeks?\b|meantime|best wishes",
        "de": r"Woche|alles Gute|bis dahin",
        "fr": r"semaine|vœux|d’ici là",
        "es": r"semana|le deseo lo mejor|mientras tanto",
    }[code]
    gettext = language(code).translations.gettext
    for template in ("_check_in_middle.txt", "_last_for_now.txt", "_courtesy.txt"):
        for msgid in _msgids(template):
            assert not re.search(banned, gettext(msgid), re.IGNORECASE), (msgid, gettext(msgid))


# -- 6 and 7. curt questions and British idioms ----------------------------------------


def test_no_english_line_is_curt_or_british() -> None:
    """r14 08.7 "When do you now expect a decision?" is curt; 10.7 "might I ask", 15.9
    "timings", 14.13 "stand me in good stead", 09.9 "I telephoned" are British idioms in
    messages to New York and Los Angeles: neutral English for every English locale."""
    british = r"\bmight I\b|\btimings\b|good stead|telephoned|\brealise"
    for path in TEMPLATES.glob("*.txt"):
        for msgid in _msgids(path.name):
            assert not re.search(british, msgid), (path.name, msgid)
            assert not msgid.startswith("When do you now expect"), msgid


def test_the_debrief_call_with_nothing_missed_has_no_such_line() -> None:
    """The quoted note is said only when the input gives one."""
    rita = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0199")
    people = [ANA, Interviewer("Bo Chen", email="bo@acme.example")]
    iv = meeting(recruiter=rita, interviewers=people)
    (call,) = (
        a
        for a in plan(iv)
        if a.kind is ActionKind.RECRUITER_DEBRIEF and a.channel is Channel.PHONE
    )
    assert "did not get to mention" not in render(call, iv).text
