"""Two defects Hypothesis found during the twentieth stop, each a class of repeat.

- The recruiter debrief said one sentence once per panelist: "My time with Dr. Chidi
  Okafor included the tour of the lab. My time with Dr. Dana Levi included the tour of
  the lab." Panelists with the same own topics and the same part of the day now share
  one sentence that names them all, in every language.
- In a French panel of 49, a note's opening ("Je tiens à vous remercier pour notre
  échange ...") and another note's thanks for the interviewer's part ("Je tiens aussi à
  vous remercier pour ...") read as one sentence, so two notes shared two sentences.
  No wording of one sentence of a thank-you may read like a wording of another.
"""

from __future__ import annotations

import itertools
import re

import pytest

from followup_rules import Interviewer, Recruiter, plan
from followup_rules.messages import default_pack

from .prose import masks, near_identical
from .test_messages import by_template, full_interview
from .test_words21 import _said

RITA = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0100")
LANGUAGES = ("en", "de", "fr", "es")


def _debrief(people: list[Interviewer], locale: str) -> str:
    iv = full_interview(interviewers=people, recruiter=RITA)
    action = next((a for a in plan(iv) if a.template == "recruiter_debrief_email"), None)
    if action is None:
        action = by_template("recruiter_debrief_email", iv)
    return default_pack(locale).render(action, iv).text


@pytest.mark.parametrize("locale", LANGUAGES)
def test_panelists_with_the_same_part_share_one_sentence(locale: str) -> None:
    tour = {
        "en": "the tour of the lab",
        "de": "die Führung durch das Labor",
        "fr": "la visite du laboratoire",
        "es": "la visita al laboratorio",
    }[locale]
    people = [
        Interviewer("Ana Ruiz", email="ana@example.com"),
        Interviewer("Chidi Okafor", email="chidi@example.com", part=tour),
        Interviewer("Dana Levi", email="dana@example.com", part=tour),
    ]
    text = _debrief(people, locale)
    assert text.count(tour) == 1, text
    line = next(s for s in re.split(r"(?<=\.) ", text) if tour in s)
    assert "Chidi Okafor" in line and "Dana Levi" in line, line


@pytest.mark.parametrize("locale", LANGUAGES)
def test_panelists_with_the_same_own_topics_share_one_sentence(locale: str) -> None:
    people = [
        Interviewer("Ana Ruiz", email="ana@example.com"),
        Interviewer("Chidi Okafor", email="chidi@example.com", topics=("the on-call rota",)),
        Interviewer("Dana Levi", email="dana@example.com", topics=("the on-call rota",)),
    ]
    text = _debrief(people, locale)
    assert text.count("the on-call rota") == 1, text
    if locale == "en":
        assert "With Chidi Okafor and Dana Levi, I " in text, text


@pytest.mark.parametrize("locale", LANGUAGES)
def test_a_panelist_alone_keeps_their_own_sentence(locale: str) -> None:
    people = [
        Interviewer("Ana Ruiz", email="ana@example.com"),
        Interviewer("Chidi Okafor", email="chidi@example.com", topics=("the on-call rota",)),
        Interviewer("Dana Levi", email="dana@example.com", topics=("hiring",)),
    ]
    text = _debrief(people, locale)
    assert text.count("the on-call rota") == 1 and text.count("hiring") == 1, text
    if locale == "en":
        assert "Chidi Okafor and I also discussed the on-call rota" in text, text


def _wordings(locale: str, template: str) -> list[str]:
    """The sentences of a template (`test_words21._said`), each slot named in capitals."""
    return [
        re.sub(r"%\((\w+)\)s", lambda m: m.group(1).upper(), said)
        for said in _said(locale, template)
    ]


@pytest.mark.parametrize("locale", ["de", "fr", "es"])
def test_no_wording_of_the_part_reads_like_an_opening(locale: str) -> None:
    """The French panel of 49: "Je tiens aussi à vous remercier pour PART." beside an
    opening "Je tiens à vous remercier pour notre échange ...": the part's wordings and
    the openings' share no frame."""
    parts = _wordings(locale, "_thanks_part.txt")
    openings = _wordings(locale, "_thanks_opening.txt")
    slots = ("PART", "FIT", "ROLE", "A_ROLE", "COMPANY", "NAME", "TOPICS")
    hidden = (*masks(full_interview()), *slots)
    for part, opening in itertools.product(parts, openings):
        assert not near_identical(part, opening, locale, hidden), (part, opening)


def test_spanish_thanks_no_silent_reader_for_their_interest() -> None:
    """r20 es (11 times): "Gracias por su interés en mi candidatura." closed check-ins to
    someone who had not answered, which reads as formulaic or ironic.  The English is
    "Thank you for considering my application.": the Spanish now says that, formally
    (r22 es: «Le agradezco que valore mi candidatura» read as presumptuous, *valorar* as
    "think highly of": words26d's «que estudie» thanks for the study of it)."""
    said = _wordings("es", "_courtesy.txt")
    # the twenty-second read found "que valore" ambiguous, a calque (words26d); the
    # twenty-third, «que estudie» half a request (words27a class 1, r23 es, 12 times);
    # «que considere» is a line test_words13b retired (the lead, at the merge)
    # words30b class 3 (r25 es A: «candidatura» twice in a row): the r25 reader's line
    assert "Le agradezco que me tenga presente." in said
    assert not [line for line in said if "interés" in line]
