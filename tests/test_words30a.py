"""words30a: the English of thank-you e-mails and posted cards (issue 19, the r25 blind
read of seed 6464, with r24's for a second opinion).

1. No stock line the readers named as stiff, translated or servile, in any wording of
   any slot: "the chance to present myself", "Joining the team is something I would
   value", "please do ask", "of real use", "I wish you a good week", "time and
   attention", "It was a privilege to discuss", "Please give my regards to each of your
   colleagues", "I look forward to your news", "Moving on to the next round is great
   news" (r25 en 01.7-01.9, 04.7, 07.7, 13.7, 14.16-14.19; de "Zeit und
   Aufmerksamkeit"; es "Trabajar con el equipo me entusiasmaría"; fr "Saluez de ma part
   chacun de vos collègues").
2. No verbless thanks ("Warm thanks for", "My thanks for", "My sincere thanks for", "A
   special thank-you for", "My thanks, though they come late, for": r25 en 05.2, 12.6,
   14.19; fr 14.17 "Sincères remerciements pour").
3. The note does not say the same noun of the job twice in a row ("... the HR Manager
   position. / I am very interested in the position.": the short plain note without a
   case for fit; "... the wider team. / I would love to be part of the team.").
4. Nothing in a note or card after a phone or video interview says the candidate
   visited or met anyone ("when I visited Acme to interview").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Any

import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interview,
    Interviewer,
    Message,
    Policy,
    plan,
    render,
)

from .prose import sentences
from .test_writing import meeting

NAMES = (
    "Ana Ruiz",
    "Bo Chen",
    "Kim Park",
    "Dana Whit",
    "Olu Ade",
    "Ray Hale",
    "Lin Wu",
    "Eva Holm",
)

PEOPLE: tuple[dict[str, Any], ...] = (
    {},
    {"topics": ("the roadmap",)},
    {"part": "the tour of the lab"},
    {"requested": ("a link to my conference talk",)},
    {"missed": ("my AWS certification",)},
    {"fit": "six years of building data pipelines"},
)
DAYS: tuple[dict[str, Any], ...] = (
    {},
    {"topics": ("hiring plans for next year",)},
    {"fit": "my decade of incident response at scale"},
    {"topics": ("the move to streaming pipelines",), "fit": "my work in logistics"},
)


def _panel(size: int, person: dict[str, Any], company: str) -> list[Interviewer]:
    return [
        Interviewer(
            f"{NAMES[n % len(NAMES)]}{'' if n < len(NAMES) else n}",
            email=f"p{n}@acme.example",
            **person,
        )
        for n in range(size)
    ]


def _notes(iv: Interview, policy: Policy) -> list[Message]:
    return [
        render(action, iv)
        for action in plan(iv, policy)
        if action.kind is ActionKind.THANK_YOU and action.template is not None
    ]


def _all_notes(formats: tuple[str, ...] = ("in_person", "video", "phone")) -> Iterator[Message]:
    """Thank-you e-mails and cards of panels of one to nine, thin and detailed, in three
    formats, under four companies (the wordings turn with the application)."""
    for how in formats:
        for size in (1, 2, 3, 5, 9):
            for person in PEOPLE:
                for day in DAYS:
                    for company in ("Acme Analytics", "Harbor Bay Partners", "Nordwind", "Q"):
                        iv = meeting(
                            interviewers=_panel(size, person, company),
                            company=company,
                            format=how,
                            **day,
                        )
                        for policy in (Policy(), Policy(thank_you_channel=Channel.POSTAL)):
                            yield from _notes(iv, policy)


NOTES = list(_all_notes())


def test_the_corpus_is_wide() -> None:
    """The rendered set covers e-mails and cards, in their hundreds."""
    assert len({note.text for note in NOTES}) > 300
    assert any(note.channel is Channel.POSTAL for note in NOTES)


# -- 1. stock lines -------------------------------------------------------------------

STOCK = (
    "present myself",
    "something I would value",
    "please do ask",
    "of real use",
    "good week",
    "time and attention",
    "It was a privilege",
    "regards to each",
    "your news",
    "is great news",
)


@pytest.mark.parametrize("line", STOCK)
def test_no_stock_line_the_readers_named(line: str) -> None:
    """Class 1: none of the named lines in any note or card, in any wording."""
    found = [note.text for note in NOTES if line.lower() in note.text.lower()]
    assert not found, found[:1]


# -- 2. verbless thanks ---------------------------------------------------------------

VERBLESS = re.compile(r"^(Warm thanks|My thanks|My sincere thanks|A special thank-you)\b")


def test_no_sentence_thanks_without_a_verb() -> None:
    """Class 2: every sentence of thanks has a subject and a verb ("Thank you for",
    "I am very grateful for"), never a telegraphic "My thanks for"."""
    for note in NOTES:
        for sentence in sentences(note, longer_than=0):
            assert not VERBLESS.match(sentence), note.text


# -- 3. the same noun of the job in two sentences in a row ----------------------------

NOUNS = ("position", "role", "team", "company")


def _words(sentence: str) -> set[str]:
    return set(re.findall(r"[a-z]+", sentence.lower()))


def test_no_noun_of_the_job_twice_in_a_row() -> None:
    """Class 3: two sentences in a row never both name "the position" (or "the role",
    "the team", "the company"): the interest line after an opening that named the
    position says something else."""
    for note in NOTES:
        said = [_words(s) for s in sentences(note, longer_than=0)]
        for first, second in pairwise(said):
            assert not (first & second & set(NOUNS)), note.text


def test_the_short_plain_note_names_the_position_once() -> None:
    """Class 3, the quoted case: a one-to-one note with no topic, part or fit."""
    iv = meeting(interviewers=[Interviewer("Ana Ruiz", email="ana@acme.example")])
    for company in ("Acme Analytics", "Harbor Bay Partners", "Nordwind", "Q", "Zeta", "Kappa"):
        for note in _notes(meeting(interviewers=iv.interviewers, company=company), Policy()):
            assert note.text.count("position") <= 1, note.text


# -- 4. after a call, nobody visited or met ------------------------------------------

PLACE = re.compile(r"\b(visit(ed|ing)?|met|meet(ing)?)\b", re.IGNORECASE)


def test_after_a_call_no_note_or_card_says_visited_or_met() -> None:
    """Class 4: a note or card after a phone or video interview stays true of it."""
    for note in _all_notes(formats=("video", "phone")):
        for sentence in sentences(note, longer_than=0):
            assert not PLACE.search(sentence), note.text
