"""words32a: thank-you e-mails, posted cards and requested items (issue 19, the r26 blind
read of seed 7676 and the r27 read of seed 8585).

1. A posted card asks nothing of its reader: it never closes on an e-mail's request
   ("Please tell me if anything else would help.", "Please get in touch ...", "Please
   let me know if there is anything else you need from me."): r26 en 04.7, r27 de 04.7
   ("Für Rückfragen stehe ich Ihnen selbstverständlich zur Verfügung").
2. The contact's short note never hangs a relative clause on "hearing from you" ("I look
   forward to hearing from you, which I understand should be by ...": r26 en 11.8, 14.14,
   15.7; r27 en 01.8, 14.17).
3. The e-mail that sends what was asked for opens on thanks that name the role (or the
   part of the day the reader gave), never a bare "Thank you for talking with me." nor an
   opening that says "interview" before a sentence that says it again (r26 en, es 04.6;
   r27 de 04.6 "names neither the role nor the interview"), never "on the day" when it is
   sent that day (r27 fr 04.6 «ce jour-là»), and it closes on no stock line the readers
   named ("I appreciate your interest in my work", "It was a pleasure to talk with you":
   r26 en, fr 04.6).
4. What was missed is said in the paragraph of interest and fit, never a paragraph of
   one sentence of its own (r26 de 06.5, es 06.5: "choppy").
5. No stock line the r26 and r27 readers named, in any wording of any slot of a note,
   card or requested-items e-mail, in English ("most rewarding", "Thank you kindly",
   "whenever you wish", "One thing I did not mention", "With apologies for the delay,
   thank you", "Thank you for having me", "our talk", "proud to join", "which you wanted
   to see", "I was also grateful", "a real help", "Please pass on my thanks" ...) nor
   their French, German and Spanish translations the readers quoted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import attrs
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
from followup_rules._languages import language

from .prose import sentences
from .test_words30a import NAMES
from .test_writing import in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
PEOPLE: tuple[dict[str, Any], ...] = (
    {},
    {"topics": ("the roadmap",)},
    {"part": "the tour of the lab"},
    {"requested": ("two code samples",)},
    {"requested": ("a link to my conference talk",)},
    {"missed": ("my AWS certification",)},
    {"part": "the tour of the lab", "requested": ("two references",)},
)
DAYS: tuple[dict[str, Any], ...] = (
    {},
    {"topics": ("hiring plans for next year",), "fit": "my decade of incident response"},
    {"requested": ("my references",), "missed": ("my open-source work",)},
)
COMPANIES = ("Acme Analytics", "Harbor Bay Partners", "Nordwind", "Q", "Zeta Labs", "Kappa")
POLICIES = (Policy(), Policy(thank_you_channel=Channel.POSTAL))


def _panel(size: int, person: dict[str, Any]) -> list[Interviewer]:
    return [
        Interviewer(
            NAMES[n % len(NAMES)] + ("" if n < len(NAMES) else str(n)),
            email=f"p{n}@acme.example",
            **person,
        )
        for n in range(size)
    ]


def _interviews(code: str = "en") -> Iterator[Interview]:
    for size in (1, 2, 5, 9):
        for person in PEOPLE:
            for day in DAYS:
                for company in COMPANIES:
                    iv = meeting(
                        interviewers=_panel(size, person),
                        company=company,
                        address="1 Main Street, New York, NY 10001",
                        **day,
                    )
                    yield in_language(iv, code)


def _messages(code: str = "en", late: bool = False) -> Iterator[tuple[ActionKind, Message]]:
    """Every thank-you note, card and requested-items e-mail of the panels above, under
    both policies (a card leaves what was asked for to an e-mail of its own)."""
    for iv in _interviews(code):
        for policy in POLICIES:
            for action in plan(iv, policy):
                if action.kind not in (ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED):
                    continue
                if action.template is None:
                    continue
                if late:
                    action = action._with_facts(attrs.evolve(action.facts, late=True))
                yield action.kind, render(action, iv)


ENGLISH = [pair for late in (False, True) for pair in _messages("en", late)]


def test_the_rendered_set_is_wide() -> None:
    """Hundreds of notes, cards and requested-items e-mails, on time and late."""
    kinds = {kind for kind, _ in ENGLISH}
    assert kinds == {ActionKind.THANK_YOU, ActionKind.SEND_REQUESTED}
    assert len({m.text for _, m in ENGLISH}) > 1000
    assert any(m.channel is Channel.POSTAL for _, m in ENGLISH)


def _last_paragraph(message: Message) -> str:
    return re.sub("[\u00a0\u202f]", " ", message.text.split("\n\n")[-2].strip())


# -- 1. a card asks nothing of its reader ----------------------------------------------

REQUESTS = (
    "Please get in touch if you would like to know more.",
    "Please tell me if anything else would help.",
    "Please let me know if there is anything else you need from me.",
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_card_never_closes_on_a_request(code: str) -> None:
    """Class 1: no card, in any language, ends on a line an e-mail would ask with; the
    e-mail notes still may (their closes are pinned by test_mut21b)."""
    words = language(code).translations
    asks = {words.gettext(line) for line in REQUESTS}
    cards = 0
    for _, message in _messages(code):
        if message.channel is Channel.POSTAL:
            cards += 1
            assert _last_paragraph(message) not in asks, message.text
    assert cards > 100


def test_every_card_close_is_a_wish_or_a_courtesy() -> None:
    """Class 1: in English, no card's last line opens on "Please"."""
    for _, message in ENGLISH:
        if message.channel is Channel.POSTAL:
            assert not _last_paragraph(message).startswith("Please"), message.text


# -- 2. no relative clause hung on "hearing from you" --------------------------------------


def test_no_note_hangs_a_clause_on_hearing_from_you() -> None:
    """Class 2: "I look forward to hearing from you, which ..." in no note, on time or
    late; the contact's short note still names the decision's date."""
    dated = 0
    for _, message in ENGLISH:
        assert not re.search(r"hearing from you, which", message.text), message.text
        dated += "I understand the decision is due by" in message.text
    assert dated > 0


# -- 3. the requested-items e-mail -----------------------------------------------------------


def _requested_emails(code: str = "en") -> list[Message]:
    return [
        message
        for late in (False, True)
        for kind, message in _messages(code, late)
        if kind is ActionKind.SEND_REQUESTED
    ]


REQUESTED = _requested_emails()


def test_the_requested_items_email_opens_on_thanks_that_name_the_role_or_the_part() -> None:
    """Class 3: the first sentence thanks (or is grateful) and names the role, or the part
    of the day the reader gave, unless it owns a delay (which the next sentence dates);
    it never says "interview", which the sentence after it may say."""
    assert len(REQUESTED) > 100
    for message in REQUESTED:
        first = sentences(message, longer_than=0)[0]
        assert re.search(r"\b(thank|thanks|grateful|appreciated)\b", first, re.IGNORECASE), first
        assert "interview" not in first.lower(), message.text
        late = re.search(r"delay|late|sorry|apolog|excuse", first)
        assert (
            late or "Data Engineer" in first or "tour of the lab" in first or "your time" in first
        ), message.text
        assert first != "Thank you for talking with me.", message.text


def test_a_bare_thanks_is_only_for_a_part_of_the_day() -> None:
    """Class 3: an opening that names neither the role nor the part ("Thank you for your
    time.") is left to a panelist known only for a part of the day, never to one who
    talked with the candidate (the r26 reader's bare "Thank you for talking with me.")."""
    for message in REQUESTED:
        first = sentences(message, longer_than=0)[0]
        if "Data Engineer" not in first and "tour of the lab" not in first:
            assert "your time" in first, message.text


def test_a_requested_items_email_sent_on_the_day_never_says_on_the_day() -> None:
    """Class 3: the r27 fr reader's «ce jour-là» in an e-mail sent that afternoon."""
    for message in REQUESTED:
        assert "on the day" not in message.text, message.text


RETIRED_CLOSES = (
    "I appreciate your interest in my work.",
    "It was a pleasure to talk with you.",
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_requested_items_email_closes_on_no_retired_line(code: str) -> None:
    """Class 3: in every language."""
    words = language(code).translations
    retired = {words.gettext(line) for line in RETIRED_CLOSES}
    for message in _requested_emails(code):
        said = set(sentences(message, longer_than=0))
        assert not said & retired, message.text


# -- 4. what was missed is not a paragraph of its own ------------------------------------------


def test_what_was_missed_shares_the_paragraph_of_interest_and_fit() -> None:
    """Class 4: every e-mail note that says what was missed says it after another sentence
    of the same paragraph."""
    found = 0
    for kind, message in ENGLISH:
        if kind is not ActionKind.THANK_YOU or message.channel is not Channel.EMAIL:
            continue
        for paragraph in message.text.split("\n\n"):
            if ("did not" in paragraph and "mention" in paragraph) or "bring up" in paragraph:
                found += 1
                assert not re.match(r"^I did not|^One thing|^Some things", paragraph), message.text
    assert found > 50


# -- 5. no stock line the readers named ------------------------------------------------------

STOCK = (
    "most rewarding",
    "Thank you kindly",
    "whenever you wish",
    "whenever it suits you",
    "if you like",
    "One thing I did not mention",
    "With apologies for the delay, thank you",
    "Thank you for having me",
    "our talk",
    "proud to join",
    "which you wanted to see",
    "Here, as you asked",
    "I was also grateful",
    "a real help",
    "as well as from your colleagues",
    "pass on my thanks",
    "interest in my work",
)


@pytest.mark.parametrize("line", STOCK)
def test_no_stock_line_the_readers_named(line: str) -> None:
    """Class 5: none of the named English lines in any note, card or requested-items
    e-mail, on time or late."""
    found = [m.text for _, m in ENGLISH if line.lower() in m.text.lower()]
    assert not found, found[:1]


TRANSLATED = {
    "fr": (
        "Votre écoute",
        "m’a été précieuse",
        "d’une grande aide",
        "Veuillez trouver",
        "ce jour-là",
    ),
    "de": (
        "Es war freundlich von Ihnen",
        "eine große Hilfe",
        "Ich hoffe, das ist für Sie hilfreich",
        "aufschlussreich",
    ),
    "es": ("Hágales llegar", "me fue de gran ayuda"),
}


@pytest.mark.parametrize("code", sorted(TRANSLATED))
def test_no_translated_stock_line_the_readers_named(code: str) -> None:
    """Class 5: the French, German and Spanish lines the readers quoted for the English
    sentences this round rewords (fr «Votre écoute au sujet du poste … m'a été précieuse»
    was "Thank you for having me for the ... interview")."""
    for _, message in _messages(code):
        for line in TRANSLATED[code]:
            assert line not in message.text, (line, message.text)
