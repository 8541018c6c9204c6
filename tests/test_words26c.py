"""words26c: thank-you e-mails and cards (issue 19, the r22 blind read of seed 7373).

1. Every thank-you note and card ends on a line that looks ahead before the sign-off
   (the r22 readers: en 01.7, 01.8, 14.15, 14.16; de "seven thank-you e-mails end
   without any forward-looking line"; fr 01.7, 14.13; es 01.7), and a panelist's note
   with no topic, part or request still says something of its own (en 14.13, de 14.17,
   fr 14.15, es 14.12: "three generic sentences"), while two notes of a panel share no
   sentence (up to eight) or at most one (any larger panel).
2. A card opens in a formal register that presumes neither gender nor hour (fr 04.7
   "Madame, Monsieur,", es 04.6 "Hola,"), and a card that arrives on the decision day
   is flagged as arriving too late (all four readers, 04.6/04.7).
3. The stock lines the readers named read as a native wrote them, in every wording.
"""

from __future__ import annotations

import re
from datetime import date
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

from .prose import COURTESY_WORDS, DISJOINT_PANEL, masks, panel_overlap, sentences
from .test_writing import in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")

CLOSES = (
    # the follow-up contact's (thank_you_email.txt)
    "I understand that news is expected %(when)s, and I look forward to it.",
    "I look forward to what comes next.",
    # words32a: no clause hung on "hearing from you" (r26 en 11.8, r27 en 01.8)
    "I understand the decision is due %(when)s, and I look forward to hearing from you.",
    "I look forward to hearing how things progress from here.",
    "I hope to hear about the next steps soon.",
    "I look forward to hearing about the next steps.",
    # everyone else's, and every card's (_thanks_close.txt)
    "Thank you again.",
    "I look forward to hearing from you.",
    "I look forward to news of the next steps.",
    "I hope to hear from you before long.",  # words29a: no decision after a next round
    "Thank you again for your consideration.",
    "Thank you again for your time.",  # words30a: r25 de «Zeit und Aufmerksamkeit»
    "Please get in touch if you would like to know more.",  # words30a: r25 en
    "Please tell me if anything else would help.",  # words30a: r25 en "a good week"
    "Please let me know if there is anything else you need from me.",
    # a card's own closes, which ask nothing of the reader (words32a, r26 en 04.7)
    "I hope to have the chance to work with you.",
    "Thank you once more.",
    "Many thanks again.",
)


def _closes(code: str) -> list[re.Pattern[str]]:
    """The closing lines, as language *code* words them (a date stands for any)."""
    words = language(code).translations
    return [
        re.compile(re.escape(words.gettext(close)).replace(re.escape("%(when)s"), ".+") + "$")
        for close in CLOSES
    ]


def _people(size: int, **details: Any) -> list[Interviewer]:
    """*size* interviewers, each given *details* (a topic, a part, a request ...)."""
    names = ("Ana Ruiz", "Bo Chen", "Kim Park", "Dana Whit", "Olu Ade", "Ray Hale", "Lin Wu")
    return [
        Interviewer(
            f"{names[n % len(names)]}{'' if n < len(names) else n}",
            email=f"p{n}@acme.example",
            **details,
        )
        for n in range(size)
    ]


def _notes(iv: Interview, policy: Policy) -> list[Message]:
    return [
        render(action, iv)
        for action in plan(iv, policy)
        if action.kind is ActionKind.THANK_YOU and action.template is not None
    ]


POLICIES = {
    "email": Policy(),
    "card": Policy(thank_you_channel=Channel.POSTAL),
}
DETAILS: tuple[dict[str, Any], ...] = (
    {},  # nothing but the role and the company: the thin notes of a superday
    {"topics": ("the roadmap",)},
    {"part": "the tour of the lab"},
    {"requested": ("a link to my conference talk",)},
    {"missed": ("my AWS certification",)},
)


def _panels(code: str) -> list[tuple[Interview, str]]:
    """Panels of one to nine, thin and detailed, under two companies (two turns)."""
    found = []
    for size in (1, 2, 3, 8, 9):
        for details in DETAILS:
            for company in ("Acme Analytics", "Harbor Bay Partners"):
                iv = meeting(
                    interviewers=_people(size, **details),
                    company=company,
                    address="1 Main Street, New York, NY 10001",
                )
                found.append((in_language(iv, code), "email"))
                found.append((in_language(iv, code), "card"))
    return found


# -- 1. every note closes, and a thin one still says something of its own ------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_note_and_card_ends_on_a_closing_line(code: str) -> None:
    """Class 1: the paragraph before the sign-off is a line that looks ahead, in every
    note and card of every panel (the old notes to anyone but the contact stopped on the
    interest line, or on the case for fit, whenever they recalled anything)."""
    closes = _closes(code)
    for iv, how in _panels(code):
        for note in _notes(iv, POLICIES[how]):
            last = re.sub("[\u00a0\u202f]", " ", note.text.split("\n\n")[-2].strip())
            assert any(close.match(last) for close in closes), (how, note.text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_panelists_note_has_four_sentences_at_least(code: str) -> None:
    """Class 1: a note to one of several interviewers says at least four sentences
    (thanks, a line of its own, interest, a close), the thinnest included; the r22
    superday notes had three generic ones.  A panelist known only for a part of the day
    (a tour) is thanked for that part, and nothing says they heard the candidate out."""
    for iv, how in _panels(code):
        if len(iv.interviewers) < 2 or iv.interviewers[0].part:
            continue  # one thanked for a part of the day is thanked for that (words6 1c)
        # the panel's own line speaks of "your colleagues": true from three of them on
        # (r22: "each of your colleagues" to someone with one); a smaller panel's
        # thinnest note has thanks, interest and a close
        least = 4 if len(iv.interviewers) > 3 else 3
        for note in _notes(iv, POLICIES[how]):
            said = sentences(note, longer_than=0, whole=masks(iv))
            assert len(said) >= least, (how, note.text)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [2, 5, 8, 9, 15])
@pytest.mark.parametrize("how", ["email", "card"])
def test_thin_notes_of_a_panel_share_no_sentence(code: str, size: int, how: str) -> None:
    """Class 1: with their new lines, two thin notes of a panel of up to eight share no
    sentence, and two of any larger panel at most one, the subject included."""
    iv = in_language(
        meeting(interviewers=_people(size), address="1 Main Street, New York, NY 10001"),
        code,
    )
    hidden = masks(iv)
    notes = [
        [*([note.subject] if note.subject else []), *sentences(note, COURTESY_WORDS, hidden)]
        for note in _notes(iv, POLICIES[how])
    ]
    allowed = 0 if size <= DISJOINT_PANEL else 1
    for i, one in enumerate(notes):
        for other in notes[i + 1 :]:
            assert len(panel_overlap(one, other, code, hidden)) <= allowed, (one, other)


# -- 2. cards -----------------------------------------------------------------------------


@pytest.mark.parametrize("region", ["fr", "fr_BE", "es", "es_CO", "es_AR"])
def test_a_card_to_someone_of_unknown_gender_opens_formally_at_no_hour(region: str) -> None:
    """Class 2: fr 04.7 « Madame, Monsieur, » (the form letter's salutation) and es 04.6
    "Hola, Ariel Navarro:" (too familiar beside usted).  A card opens on the full name,
    French with « Bonjour » as its e-mails do, Spanish with the formal letter's
    "Reciba un cordial saludo.", and signs off without saying that greeting again."""
    people = [
        Interviewer("Ariel Navarro", email="a@acme.example"),
        Interviewer("Lucía Fernández", honorific="Ms.", email="l@acme.example"),
    ]
    iv = in_language(meeting(interviewers=people, address="Calle X 1, Madrid"), region)
    cards = _notes(iv, POLICIES["card"])
    assert len(cards) == 2
    for card in cards:
        first = card.text.split("\n\n")[0]
        assert "Madame, Monsieur" not in first and not first.startswith("Hola"), first
        assert not re.search(r"Buen[oa]s (días|tardes|noches)", card.text), card.text
        if card.to.startswith("Ariel"):
            expected = {
                "fr": "Bonjour Ariel Navarro,",
                "es": "Ariel Navarro:\nReciba un cordial saludo.",
            }[region[:2]]
            assert first == expected
        assert "cordial" not in card.text.split("\n\n")[-1], card.text


def test_a_card_arriving_on_the_decision_day_is_flagged() -> None:
    """Class 2: a card posted on Wednesday 8 July arrives on Friday 10 July, the decision
    day itself: too late to count, and the card says so in its warnings (the old rule
    flagged only an arrival after that day: 04.6/04.7, posted two days before)."""
    iv = meeting(decision_by=date(2026, 7, 10), address="1 Main Street")
    card = next(a for a in plan(iv, Policy.traditional()) if a.kind is ActionKind.THANK_YOU)
    assert card.facts.arrives_after_decision
    assert "(2026-07-10)" in render(card, iv).warnings[0]
    later = attrs.evolve(iv, decision_by=date(2026, 7, 13))
    card = next(a for a in plan(later, Policy.traditional()) if a.kind is ActionKind.THANK_YOU)
    assert not card.facts.arrives_after_decision


# -- 3. the stock lines the readers named --------------------------------------------------

STOCK = {
    "en": (
        "generous of you",
        "passing on",
        "lively discussion",
        "engaging discussion",
        "Progressing further",
        "considered further",
        "It would be good to hear",
        "speak again soon",
    ),
    "de": (
        "stolz",
        "in Erinnerung geblieben",
        "wäre ich gern dabei",
        "Ich bin von der Stelle begeistert",
        "lebendig",
        "wir sprechen uns",
        "Auf Ihre Nachricht freue ich mich",
    ),
    "fr": (
        "généreux",
        "une fierté",
        "suscité tout mon enthousiasme",
        "m’accorder le tour",
        "nous reparler",
    ),
    "es": (
        "Guardo un buen recuerdo",
        "lo que se habló",
        "Tengo ganas de",
        "Valoro mucho que",
        "hablar de nuevo",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_note_or_card_says_a_stock_line_the_readers_named(code: str) -> None:
    """Class 3: every wording of every sentence of a note (an eight-person panel passes
    through each), with a part, a topic and a link, and thin, e-mailed and posted."""
    people = _people(8, part="the tour of the lab", requested=("a link to my conference talk",))
    for company in ("Acme Analytics", "Harbor Bay Partners", "Cobalt & Finch"):
        for iv in (
            meeting(interviewers=people, company=company, address="1 Main Street"),
            meeting(
                interviewers=[attrs.evolve(p, topics=("the roadmap",)) for p in people],
                company=company,
                address="1 Main Street",
            ),
            meeting(interviewers=_people(8), company=company, address="1 Main Street"),
        ):
            for policy in POLICIES.values():
                for note in _notes(in_language(iv, code), policy):
                    for stock in STOCK[code]:
                        assert stock not in note.text, (stock, note.text)
