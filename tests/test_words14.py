"""Issue 19, words round 14 (the eleventh blind reads, r11): thank-you wordings spread
over applications, no offer of what was already sent, news named and its giver
thanked, one question asked once."""

from __future__ import annotations

import itertools
import re
from collections import Counter

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interview,
    Outcome,
    Policy,
    Update,
    plan,
    render,
)
from followup_rules.messages import WORDINGS, thank_you_turn, wording
from followup_rules.model import PANEL_LIMIT

from .prose import COURTESY_WORDS
from .test_words5 import _gettext
from .test_words13 import COMPANIES, LANGUAGES, ROLES
from .test_writing import ANA, NY, check_ins, in_language, meeting


def _long(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", text) if len(s.split()) > COURTESY_WORDS]


def _body_sentences(text: str, iv: Interview) -> set[str]:
    """The long sentences of a message past its greeting and before its name, with
    the company and the role set aside."""
    body = text.replace(iv.company, "<company>").replace(iv.role, "<role>")
    said: set[str] = set()
    for paragraph in body.split("\n\n")[1:-1]:
        said.update(_long(" ".join(paragraph.split())))
    return said


def _says(code: str, english: str, text: str) -> bool:
    """Whether *text* says *english*'s sentence in *code*, whatever fills its
    placeholders."""
    parts = re.split(r"%\(\w+\)s", _gettext(code, english))
    return re.search(".+?".join(re.escape(part) for part in parts), text) is not None


ONE = attrs.evolve(
    ANA,
    phone=None,
    topics=("the warehouse migration",),
    part="the tour of the lab",
)


def _applications(code: str, **changes: object) -> list[Interview]:
    return [
        in_language(
            meeting(
                company=company,
                role=role,
                interviewers=[changes.get("person", ONE)],
                fit="six years of building data pipelines",
                missed=("my experience with Kafka, which I can describe in a short note",),
            ),
            code,
        )
        for company in COMPANIES
        for role in ROLES
    ]


# -- class 1: thank-you wordings turn per application ---------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_long_thank_you_line_is_said_in_most_first_notes(code: str) -> None:
    """Class 1: r11 read fr "Cette opportunité me motive au plus haut point" in 14
    first notes of 15 (es "me pareció muy amena" 10x, de "Vielen Dank, dass Sie meine
    Bewerbung prüfen." 12x): the first note of every single-interviewer application
    took wording 0 of each sentence.  The wordings now turn by the application, so
    that over 48 applications no long sentence of the first note is in more than
    about 45% of them."""
    notes = []
    for iv in _applications(code):
        action = next(
            a for a in plan(iv) if a.kind is ActionKind.THANK_YOU and a.channel is Channel.EMAIL
        )
        notes.append(_body_sentences(render(action, iv).text, iv))
    counts = Counter(sentence for sentences in notes for sentence in sentences)
    worst, times = counts.most_common(1)[0]
    assert times <= 0.45 * len(notes), (worst, times)


def test_the_turn_keeps_a_panel_apart() -> None:
    """The turn moves every note of an application alike: for every turn, any two notes
    of a panel of up to 49 still agree in at most one sentence (the subject included),
    the first eight in none, and a later round's note to someone met before (the next
    pencil) in none with their first; the docs' Acme example keeps its wording."""
    subject = ("subject", "subject_form")
    for turn in range(WORDINGS):
        notes = [wording(v, turn) for v in range(PANEL_LIMIT)]
        for i, j in itertools.combinations(range(PANEL_LIMIT), 2):
            one, other = notes[i], notes[j]
            agree = [key for key in one if key not in subject and one[key] == other[key]]
            agree += ["subject"] * all(one[key] == other[key] for key in subject)
            assert len(agree) <= 1, (turn, i, j, agree)
            if j <= WORDINGS:  # the first eight: only the pencil's point, what was missed
                assert set(agree) <= {"missed"}, (turn, i, j, agree)
        for v in range(WORDINGS):
            first, later = notes[v], wording(v + WORDINGS, turn)
            assert not [k for k in first if k not in subject and first[k] == later[k]], (turn, v)
    turns = Counter(thank_you_turn(iv) for iv in _applications("en"))
    assert len(turns) == WORDINGS
    assert thank_you_turn(meeting()) == 0


# -- class 2: no offer of what was already sent ---------------------------------------

OFFERS = (
    # words27a class 3: the offer is a sentence of its own, after any question
    "If references or examples of my work would help, I can send them.",
    "Is there anything I should send before the next round, such as references or work samples?",
)


def _check_in_texts(iv: Interview, history: list[object] | None = None) -> list[str]:
    """The e-mail check-ins of a run of six (every number's middle line is reached)."""
    run = plan(iv, history=history or [], policy=Policy(max_check_ins=6))
    return [render(a, iv).text for a in check_ins(run) if a.channel is Channel.EMAIL]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_offers_again_what_the_thank_you_sent(code: str) -> None:
    """Class 2: r11 08.9 offered Jamie Fox "references or examples of my work", after
    08.5 had attached two references; 07.9 offered "references or work samples" after
    07.7 sent two code samples.  Someone who received items with their thank-you is
    offered nothing as if it had not been sent; without them, some application still
    makes the offer (the test reaches it)."""
    sent = attrs.evolve(ONE, requested=("two references", "a code sample"))
    offered = 0
    for with_items, without in zip(
        _applications(code, person=sent), _applications(code), strict=True
    ):
        for text in _check_in_texts(with_items):
            assert not any(_says(code, offer, text) for offer in OFFERS), text
        offered += any(
            _says(code, offer, text) for text in _check_in_texts(without) for offer in OFFERS
        )
    assert offered


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_next_round_check_in_offers_again_what_was_sent(code: str) -> None:
    """Class 2, after news of a next round (r11 07.9): the third check-in's offer of
    "references or work samples" is not made to someone who received items.  Rewritten
    by words29c (class 2, r24 07.9): the offer is no longer a question of its own ("Is
    there anything I should send before the next round ...?", a new request in place of
    the unanswered one), but the check-in offer's sentence after the question; neither is
    said to someone who received items."""
    for with_items in (True, False):
        person = attrs.evolve(ONE, requested=("a code sample",) if with_items else ())
        said = False
        for iv in _applications(code, person=person)[:12]:
            news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
            for text in _check_in_texts(iv, [news]):
                assert not _says(code, OFFERS[1], text), text
                said = said or _says(code, OFFERS[0], text)
        assert said is not with_items, (code, with_items)


# -- class 3: news named, its giver thanked ---------------------------------------------

VAGUE = (
    "I am writing about the arrangements for the %(role)s position at %(company)s, "
    "following the update I had on %(day)s.",
    "Following your message of %(day)s about the %(role)s position at %(company)s, I am "
    "writing about the arrangements.",
    "%(name)s was in touch on %(day)s about the %(role)s position at %(company)s, and I "
    "am writing about the arrangements.",
)
THANKED = (
    "Thank you for your message of %(day)s inviting me to the next stage for the %(role)s "
    "position at %(company)s."
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("by", [None, "ANA", "BO"])
def test_the_check_in_after_welcomed_news_names_it_and_thanks_its_giver(
    code: str, by: str | None
) -> None:
    """Class 3: r11 07.8 opened "I am writing about the arrangements for the Operations
    Analyst position at Northwind Freight, following the update I had on Monday 8
    June.": the news unnamed, and its giver not thanked.  The first check-in after a
    next round welcomed in the thank-you names the news, thanks the recipient only
    when the history says they gave it, and otherwise says who did, if anyone."""
    iv = in_language(meeting(), code)
    giver = {None: None, "ANA": iv.interviewers[0], "BO": iv.interviewers[1]}[by]
    news = Update(pendulum.datetime(2026, 7, 7, 16, tz=NY), Outcome.NEXT_ROUND, sender=giver)
    whole = plan(iv, history=[news])
    thanks = [a for a in whole if a.kind is ActionKind.THANK_YOU and a.channel is Channel.EMAIL]
    done = [a.done() for a in whole if a.sort_key() <= thanks[-1].sort_key()]
    first = check_ins(plan(iv, history=[news, *done]))[0]
    text = render(first, iv).text
    for vague in VAGUE:
        assert not _says(code, vague, text), text
    thanked = _says(code, THANKED, text)
    assert thanked is (by == "ANA" and first.recipient is iv.interviewers[0]), text
    if by == "BO":
        assert "Bo Chen" in text, text


# -- class 4: one question asked once ------------------------------------------------

PROCESS = {"en": "process", "de": "Verfahren", "fr": "processus", "es": "proceso"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_asks_about_the_process_twice(code: str) -> None:
    """Class 4: r11 es 02.7, 11.10, 13.7, 14.21 asked "cómo avanza el proceso" in the
    opening and again in the line after it (fr "où en est le processus ... comment avance
    le processus"): the English line "I would appreciate hearing how the process is
    going" asked what every retry's opening already asks.  No check-in of 48
    applications names the process twice."""
    for iv in _applications(code):
        for text in _check_in_texts(iv):
            assert text.count(PROCESS[code]) <= 1, text
