"""Issue 19, the eighth blind read (seed 9595): the classes its four readers cited.

Each test fails on main before words10 and names the class it answers.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Interviewer, Outcome, Recruiter, Update, plan, render
from followup_rules._languages import language
from followup_rules.action import Window
from followup_rules.messages import FIT_NOTES, ON_TIME

from .test_words9 import FIT, _body, _msgids, _plural_msgids, _superday
from .test_writing import ANA, BO, NY, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if s.strip()]


# -- 1. every note of a panel makes a case for fit, a few with the user's phrase ----------


def _brief_fits(code: str) -> list[str]:
    """The translated brief fit lines: the `_thanks_fit.txt` sentences without `%(fit)s`."""
    gettext = language(code).translations.gettext
    return [gettext(msgid) for msgid in _msgids("_thanks_fit.txt") if "%(fit)s" not in msgid]


@pytest.mark.parametrize("size", [8, 12])
@pytest.mark.parametrize("code", LANGUAGES)
def test_every_note_of_a_superday_conveys_fit(code: str, size: int) -> None:
    """r8, all four readers: with `FIT_NOTES` = 3, five notes of eight made no case for
    fit.  Every note now makes one: the user's phrase in at most `FIT_NOTES` notes, a
    brief line of its own in every other, and no two notes the same brief line."""
    people = list(_superday().interviewers)
    people += [
        Interviewer(f"P{n} Lee", email=f"p{n}@acme.example") for n in range(size - len(people))
    ]
    iv = in_language(_superday(interviewers=people), code)
    briefs = _brief_fits(code)
    phrase = language(code).experience(FIT)
    notes = [(a, _body(render(a, iv))) for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
    assert len(notes) == size
    quoted = [text for _, text in notes if phrase in text or FIT in text]
    assert 1 <= len(quoted) <= FIT_NOTES
    used = []
    for _, text in notes:
        said = [line for line in briefs if line in text]
        assert said or phrase in text or FIT in text, text
        assert len(said) <= 1, said
        used += said
    if size <= 8:  # an ordinary superday never reads the same brief line twice
        assert len(set(used)) == len(used), used


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_brief_fit_line_names_an_outcome_or_the_team(code: str) -> None:
    """Class 1: the brief line is confidence backed by the input's fit, never an invented
    claim ("make a difference") nor an opinion about their team."""
    banned = {
        "en": r"difference|team|value|quickly|from day one|colleagues",
        "de": r"Unterschied|Team|Mehrwert|schnell|ersten Tag|Kollegen",
        "fr": r"différence|équipe|valeur|rapidement|premier jour|collègues",
        "es": r"diferencia|equipo|valor|rápidamente|primer día|compañeros",
    }[code]
    briefs = _brief_fits(code)
    assert len(briefs) == 8 and len(set(briefs)) == 8
    for line in briefs:
        assert not re.search(banned, line, re.IGNORECASE), line


def test_a_note_without_any_fit_in_the_input_makes_no_case() -> None:
    """Truth rule: without `fit` anywhere, no brief line either."""
    iv = _superday(fit=None)
    briefs = _brief_fits("en")
    for action in plan(iv):
        if action.kind is ActionKind.THANK_YOU:
            text = _body(render(action, iv))
            assert not any(line in text for line in briefs), text


# -- 2. the missed point: a reason it is raised, or an offer to say more -------------------

DOES_SOMETHING = {
    "en": r"relevant|bears? on|matters?\b|say more|discuss further|go into|tell you|describe",
    # words29a: « en parler » (r24 fr: never "more" of what was never said); words30de:
    # "erzähle Ihnen davon" was a calque (r25 de), the offers are of information,
    # answers, a few lines, an overview, an explanation
    "de": r"relevant|wichtig|Belang|näher|ausführlich|Näheres|Auskunft|Ihre Fragen"
    r"|ein paar Zeilen|Überblick|informiere ich Sie|erkläre ich Ihnen|beschreibe ich Ihnen",
    "fr": r"pertinent|utile|compte|développerai|dire plus|discuterais|davantage|en parler",
    "es": r"relevante|relación|importante|profundizo|cuento más|contarle más|más detalle"
    r"|más información|le hablaré",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_is_not_only_named(code: str) -> None:
    """r8: "I also wanted to mention X." names the point and stops.  Every wording, in
    the singular and the plural, says why it is raised or offers to say more."""
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            assert re.search(DOES_SOMETHING[code], text, re.IGNORECASE), text


# -- 3. the recruiter debrief in full sentences --------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_email_has_no_fragment_per_interviewer(code: str) -> None:
    """r8: "With Jamie Fox: the lab tour." in all four languages.  Each panelist with a
    part of the day or topics of their own gets a full sentence naming them, with no
    colon after the name, and every part and topic reaches the recruiter."""
    ana = attrs.evolve(ANA, topics=("the hiring plans",), part=None)
    bo = attrs.evolve(BO, topics=("the on-call rota",), part="the lab tour")
    cy = Interviewer("Cy Park", email="cy@acme.example", part="the office tour")
    rita = Recruiter("Rita Cole", email="rita@agency.example")
    iv = in_language(
        meeting(interviewers=[ana, bo, cy], topics=["the data platform"], recruiter=rita), code
    )
    (debrief,) = (a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
    text = render(debrief, iv).text
    for person, items in (
        ("Ruiz", ["the hiring plans"]),  # named again short, "Dr. Ruiz" (words29c class 3)
        ("Bo Chen", ["the on-call rota", "the lab tour"]),
        ("Cy Park", ["the office tour"]),
    ):
        (sentence,) = [s for s in _sentences(text) if person in s and "," not in s[:3]][-1:]
        assert not re.search(re.escape(person) + r"\s*:", text), text
        for item in items:
            assert item in sentence, (item, sentence)
        assert len(sentence.split()) >= 6, sentence


# -- 4. the next-round run: a useful retry, courtesies that fit the stage ------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_after_a_next_round_thanks_for_considering_the_application(
    code: str,
) -> None:
    """r8: "Thank you for considering my application." closed the retry after word of a
    next round; whatever its number, a check-in of that run closes on another courtesy."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    considering = language(code).translations.gettext("Thank you for considering my application.")
    steps = check_ins(plan(iv, history=[news]))
    assert steps
    for step in steps:
        for attempt in range(1, 9):
            for left in (0, 1):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                text = render(attrs.evolve(step, facts=facts), iv).text
                assert considering not in text, text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_second_next_round_check_in_offers_something(code: str) -> None:
    """r8: "It is a pleasure to be taking part in this next round." says nothing the
    recipient can use.  The retry offers to settle the details by phone."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    second = check_ins(plan(iv, history=[news]))[1]
    assert second.facts.attempt == 2
    middle = render(second, iv).text.split("\n\n")[2]
    assert re.search(r"phone|telefon|téléphone|teléfono", middle, re.IGNORECASE), middle


# -- 5. "belatedly" only past the seeds' 24 hours ----------------------------------------

LATE_WORDS = re.compile(
    r"belated|late\b|delay|verspätet|Verspätung|spät|erst jetzt|retard|(?<!a más )tard|"
    r"retraso|demora",
    re.IGNORECASE,
)


def _sent_at(action: Any, when: Any) -> Any:
    utc = when.in_timezone("UTC")
    return action._moved(
        Window(utc, utc + timedelta(hours=2), utc),
        action._utc[1],
        attrs.evolve(action.facts, late=True),
    )


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_late_note_the_next_morning_is_not_belated(code: str) -> None:
    """r8 en 12.5: an afternoon interview (14:00 to 15:00), the note the next morning at
    8:00 said "if a little belatedly".  Within 24 hours of the end (`ON_TIME`) a note owns
    no delay, though the planner moved it; nor a minute past, the next day (words27b);
    two days on, it does."""
    iv = in_language(meeting(interviewers=[ANA]), code)
    (note,) = (a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
    ends = iv.starts_at.add(hours=1)
    for when, late in (
        (pendulum.datetime(2026, 7, 8, 8, tz=NY), False),
        (ends + ON_TIME, False),
        # the next day is never belated (words27b class 3; this pinned the defect)
        (ends + ON_TIME + timedelta(minutes=1), False),
        (pendulum.datetime(2026, 7, 9, 9, tz=NY), True),
    ):
        text = _body(render(_sent_at(note, when), iv))
        assert bool(LATE_WORDS.search(text)) is late, (when, text)


# -- 6. the interview's day when the two calendars differ --------------------------------


@pytest.mark.parametrize(
    ("zone", "both"),
    [
        ("America/New_York", False),
        ("America/Los_Angeles", False),
        ("Europe/Berlin", True),
        ("Asia/Tokyo", True),
        ("Pacific/Auckland", True),
    ],
)
@pytest.mark.parametrize("code", LANGUAGES)
def test_a_message_names_the_day_both_lived(code: str, zone: str, both: bool) -> None:
    """r8: the interview was Tuesday evening for the candidate (New York, 20:00) and
    Wednesday for a recipient in Berlin or Tokyo; the check-in named Wednesday alone, a
    day the candidate never lived.  Where the calendars differ a message names both
    days, the candidate's first; where they agree, the one day."""
    words = language(code)
    ana = attrs.evolve(ANA, timezone=zone)
    iv = in_language(
        meeting(interviewers=[ana], starts_at=pendulum.datetime(2026, 7, 7, 20, tz=NY)), code
    )
    step = check_ins(plan(iv))[0]
    text = render(step, iv).text
    tuesday = words.day(pendulum.date(2026, 7, 7))
    wednesday = words.day(pendulum.date(2026, 7, 8))
    if both:
        assert words.both_days(tuesday, wednesday) in text, text
    else:
        assert tuesday in text and wednesday not in text, text
