"""Wording round 19 (issue 19): what words18 left of the fifteenth read (seed 9494) and
the sixteenth read (seed 1717).

Each test fails on main before words19 and names the class it answers.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import Counter
from pathlib import Path

import attrs
import pendulum
import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from followup_rules import ActionKind, Interviewer, Outcome, Update, plan, render

from .prose import _FUNCTION, _words, masks, sentences
from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, NY, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"


def _panel(with_fit: bool) -> list[Interviewer]:
    return [
        Interviewer(
            f"Kim Lee{i}",
            email=f"kim{i}@acme.example",
            part="the tour of the lab",
            topics=("the warehouse migration",),
            fit="six years of building data pipelines" if with_fit else None,
        )
        for i in range(8)
    ]


@functools.lru_cache(maxsize=8)
def _notes(code: str) -> list[tuple[str, tuple[str, ...]]]:
    """Every thank-you of an eight-person panel (each sentence in each of its eight
    wordings, and the seven turns of the applications), with and without each
    person's own fit, on time and late, and the values a reader sets aside."""
    notes: list[tuple[str, tuple[str, ...]]] = []
    for (company, role), with_fit, late in itertools.product(
        itertools.product(COMPANIES, ROLES), (True, False), (False, True)
    ):
        iv = in_language(
            meeting(
                company=company,
                role=role,
                interviewers=_panel(with_fit),
                topics=("the team's roadmap",),
                fit="six years of building data pipelines",
            ),
            code,
        )
        hidden = masks(iv)
        for action in plan(iv):
            if action.kind is not ActionKind.THANK_YOU or action.template is None:
                continue
            if late:
                action = action._with_facts(attrs.evolve(action.facts, late=True))
            notes.append((render(action, iv).text, hidden))
    return notes


def _paragraphs(text: str) -> list[str]:
    """The body of a note: its paragraphs between the greeting and the signature."""
    return text.split("\n\n")[1:-1]


_SENTENCE = re.compile(r"(?<=[.?!])\s+")

# -- a. "also" only after a line that says the like --------------------------------------

ALSO = {
    "en": r"\balso\b|\bas well\b|\btoo\b",
    "de": r"\b(auch|ebenfalls|außerdem|ebenso)\b",
    "fr": r"\b(aussi|également)\b",
    "es": r"\b(también|asimismo|además)\b",
}
"""The words that point back to a like line before them."""
THANKS = {
    "en": r"\b(thank|thanks|thankful|grateful)\b",
    "de": r"dank",
    "fr": r"merci|remerci|\bgré\b|reconnaiss",
    "es": r"agrade|gracias",
}
"""The like of the thanks every thank-you opens with: the one line "also" may follow."""
CONCESSIVE = re.compile(r"\b(auch wenn|wenn auch)\b", re.IGNORECASE)  # "even though"


@pytest.mark.parametrize("code", LANGUAGES)
def test_also_follows_only_a_line_that_says_the_like(code: str) -> None:
    """r15 en 12.5 "Thank you for interviewing me … I also valued the walk through your
    on-call dashboards.", 14.14 "I also valued the tour of the lab.", r16 en 10.5, 14.16
    "I also enjoyed the tour of the lab.", de "Ebenfalls sehr angenehm fand ich", fr
    "J'ai aussi aimé", es "Me alegró también": nothing valued or enjoyed before.  After
    the opening's thanks, a line of the first paragraph says "also" only with thanks."""
    also, thanks = re.compile(ALSO[code], re.IGNORECASE), re.compile(THANKS[code], re.I)
    for text, _ in _notes(code):
        first = _SENTENCE.split(_paragraphs(text)[0])[1:]  # after the opening
        for sentence in first:
            if also.search(CONCESSIVE.sub("", sentence)):
                assert thanks.search(sentence), (sentence, text)


# -- b. no word of the library's own twice in one paragraph ------------------------------

_NEUTRAL_EN = frozenset(_FUNCTION["en"].split()) | {"xmaskx", "thank", "thanks", "like"}


def _stem(word: str) -> str:
    """Enough of a word to hear it again: "discuss", "discussed", "discussion"."""
    return word[:6]


def _repeated(paragraph: str, hidden: tuple[str, ...]) -> list[str]:
    words = [w for w in _words(paragraph, hidden) if w not in _NEUTRAL_EN and len(w) > 2]
    counts = Counter(_stem(word) for word in words)
    return sorted(stem for stem, count in counts.items() if count > 1)


def test_no_word_of_the_librarys_is_said_twice_in_one_paragraph() -> None:
    """r15 en class D and r16 en 12.7: "The role interests me very much. The role would let
    me build on …", "Many thanks for the time you gave me to discuss … I am glad we
    discussed …", "Thank you for our conversation … I enjoyed our conversation about …",
    "I also valued … I valued hearing more about …": over every wording of an eight-person
    panel, no word of the library's own (names, role, company and the user's words set
    aside) comes twice in one paragraph of a thank-you."""
    for text, hidden in _notes("en"):
        for paragraph in _paragraphs(text):
            assert _repeated(paragraph, hidden) == [], paragraph


# -- c. the answer to a request for feedback thanks once ---------------------------------

THANKS_LINE = {
    "en": r"\b(thank|thanks)\b",
    "de": r"\b(dank|danke)\b",  # never "dankbar", which asks a favour
    "fr": r"merci|remerci",
    "es": r"agrade|gracias",
}


def _feedback_answer(code: str, sender: str | None, outcome: Outcome | None) -> str:
    iv = in_language(meeting(interviewers=[ANA]), code)
    at = pendulum.datetime(2026, 7, 9, 10, tz=NY)
    history: list[object] = []
    if outcome is not None:
        history.append(Update(at, outcome, sender=sender))
    history.append(Update(at.add(hours=1), Outcome.FEEDBACK_REQUESTED, sender=sender))
    (answer,) = (a for a in plan(iv, history=history) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    message = render(answer, iv, feedback="FEEDBACK-TEXT")
    return "\n\n".join(sentences(message, longer_than=0))


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, ANA.name])
@pytest.mark.parametrize("outcome", [None, Outcome.REJECTED, Outcome.WITHDRAWN])
def test_the_feedback_answer_thanks_once(
    code: str, sender: str | None, outcome: Outcome | None
) -> None:
    """r15 en 15.6 "It lacks a 'thank you for asking'", de 06.7 and 15.6 "do not thank
    the person for the news or the request": with no sender on record the answer thanked
    nobody.  Whoever asked, the employer did: the answer thanks once (for asking, or for
    the opportunity to give feedback), never twice ("Thank you again for your time."
    after a withdrawal)."""
    said = _SENTENCE.split(_feedback_answer(code, sender, outcome).replace("\n\n", " "))
    thanked = [s for s in said if re.search(THANKS_LINE[code], s, re.IGNORECASE)]
    assert len(thanked) == 1, said


# -- d, e. stock fit lines and opinions the input does not give --------------------------


def _catalog(code: str) -> Catalog:
    """The catalog of *code*; for English, the template of msgids."""
    path = LOCALES / code / "LC_MESSAGES" / "followup_rules.po"
    with (LOCALES / "followup_rules.pot" if code == "en" else path).open("rb") as handle:
        return read_po(handle)


def _strings(message: Message, code: str) -> list[str]:
    if code == "en":
        return [message.id] if isinstance(message.id, str) else list(message.id)
    return [message.string] if isinstance(message.string, str) else list(message.string)


_THANK_YOU_BLOCKS = {
    "templates/_thanks_opening.txt",
    "templates/_thanks_part.txt",
    "templates/_thanks_recall.txt",
    "templates/_thanks_interest.txt",
    "templates/_thanks_fit.txt",
}

STOCK = {
    "en": r"every confidence|so far\b|this step\b"
    r"|\bI think I am\b|serve me well",
}
"""r15 en class C/D, r16 en class D: a plea, a hedge, an undercut, an overreach, a
claim only about the candidate."""

OPINIONS = {
    "en": r"pleasant|learned a great deal|helpful|hearing more|especially valuable",
    "de": r"angenehme Gespräch|aufschlussreich|hilfreich|viel mitgenommen|ein Gewinn"
    r"|Ebenfalls sehr angenehm",
    "fr": r"agréable échange|enrichissante|très utile|riche d’enseignements"
    r"|tiré grand profit|aussi aimé",
    "es": r"agradable conversación|de gran ayuda|Aprendí mucho|muy útil|provechoso"
    r"|muy valiosa|Me alegró también",
}
"""r15 en class B, r16 de §2.4, es §2: a pleasant talk, help received, a lesson learned,
"hearing more" of what was never heard: opinions the candidate never gave."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_thank_you_line_says_an_opinion_or_a_stock_fit(code: str) -> None:
    """Every wording of the thank-you's lines (opening, part, recap, interest, fit)."""
    pattern = re.compile("|".join(p for p in (STOCK.get(code), OPINIONS[code]) if p))
    found = [
        text
        for message in _catalog(code)
        if message.id and {path for path, _ in message.locations} & _THANK_YOU_BLOCKS
        for text in _strings(message, code)
        if pattern.search(text)
    ]
    assert found == []
