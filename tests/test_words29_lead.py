"""The lead's fixes at the merge of the twenty-ninth wording round (issue 19).

German goes on in small letters after the greeting's comma ("Sehr geehrte Frau Ruiz,
vielen Dank ..."), but a name or a noun that begins the body keeps its capital: the old
rule made small whatever word came first, so a body that began with a person's name read
"bo Chen hat mir ..." (found by words29b).
"""

from __future__ import annotations

import pytest
from babel.messages.pofile import read_po

from followup_rules._languages import language
from followup_rules._languages.de import _SMALL_IN_A_SENTENCE

from .test_words12b import LOCALES

GREETING = "Sehr geehrte Frau Ruiz,"

NOUNS = frozenset(
    [
        "Absage",
        "Abschluss",
        "Abwesenheitsnotiz",
        "Anfang",
        "Angebot",
        "Anruf",
        "Anrufe",
        "Antwort",
        "Betreff",
        "Dank",
        "Dankes-E-Mail",
        "Dankeskarte",
        "E-Mail",
        "Ende",
        "Frage",
        "Fragen",
        "Gespräch",
        "Guten",
        "Ihr",
        "Ihre",
        "Ihrer",
        "Kontakt",
        "Mitte",
        "Nachbesprechung",
        "Nachfassen",
        "Nachfrage",
        "Nachricht",
        "Nachtrag",
        "Planung",
        "Post",
        "Rückmeldung",
        "Rückzug",
        "Schlusswort",
        "Sie",
        "Stand",
        "Stelle",
        "Stellen",
        "Telefon",
        "Termin",
        "Termine",
        "Zeitplan",
        "Zusendung",
    ]
)
"""The capitalised first words of German catalog sentences that are nouns (or the polite
"Sie" and its forms, or a greeting's "Guten"): they keep their capital after a greeting."""


def _body(first: str) -> str:
    finished = language("de").finish(f"{GREETING}\n\n{first} und mehr.", GREETING)
    return finished.split("\n\n", 1)[1]


@pytest.mark.parametrize(
    "first",
    ["Bo", "Ana", "Ärztekammer", "Östen", "Stelle", "Ihre", "Sie", "ACME", "O’Neill", "Dr."],
)
def test_a_name_or_a_noun_that_begins_a_german_body_keeps_its_capital(first: str) -> None:
    assert _body(first).startswith(first)


@pytest.mark.parametrize("first", sorted(_SMALL_IN_A_SENTENCE))
def test_the_small_words_of_a_german_sentence_go_on_small_after_the_greeting(
    first: str,
) -> None:
    assert _body(first).startswith(first[0].lower() + first[1:])


def test_every_first_word_of_a_german_sentence_is_classified() -> None:
    """A new German sentence that begins with a word neither list knows fails here: say
    whether it is written small inside a sentence (`_SMALL_IN_A_SENTENCE`) or is a noun."""
    with open(LOCALES / "de" / "LC_MESSAGES" / "followup_rules.po", "rb") as handle:
        catalog = read_po(handle)
    unknown = set()
    for entry in catalog:
        if not entry.id:
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for text in strings:
            word = text.split(" ", 1)[0].rstrip(",.:;!?")
            if word[:1].isupper() and word not in _SMALL_IN_A_SENTENCE | NOUNS:
                unknown.add(word)
    assert not unknown, sorted(unknown)
    assert not _SMALL_IN_A_SENTENCE & NOUNS


def test_a_first_word_with_its_comma_goes_on_small() -> None:
    """ "Danke, dass ..." after the greeting: the word is read without its comma."""
    assert _body("Danke,") == "danke, und mehr."
    assert _body("Bitte:") == "bitte: und mehr."


# -- the capital of a sentence that begins with a small article (words29d, one rule) ------


def test_a_small_article_after_a_full_stop_takes_its_capital() -> None:
    es = language("es")
    text = "Hablamos del plan de incorporación. la profesora Ruiz me acompañó."
    assert es.capitalised(text) == text.replace(". la", ". La")


def test_after_an_abbreviation_the_sentence_goes_on() -> None:
    """ "Sra." and "S.L." end no sentence; a later sentence still takes its capital."""
    es = language("es")
    text = "Trabajé con la Sra. la directora y con Datos S.L. el equipo. la visita fue útil."
    assert es.capitalised(text) == text.replace(". la visita", ". La visita")


@pytest.mark.parametrize(
    ("code", "opens", "closes"), [("es", "«", "»"), ("de", "„", "“"), ("fr", "«", "»")]
)
def test_what_the_user_quoted_keeps_its_case(code: str, opens: str, closes: str) -> None:
    article = {"es": "la", "de": "die", "fr": "la"}[code]
    lang = language(code)
    quoted = f"Escribí {opens}Todo bien. {article} sala{closes}."
    assert lang.capitalised(quoted) == quoted
    after = f"Escribí {opens}bien{closes}. {article} sala."
    assert lang.capitalised(after) == after.replace(f". {article}", f". {article.title()}")


def test_straight_quotes_count_in_pairs() -> None:
    es = language("es")
    inside = 'Dijo "bien. la sala" ayer.'
    assert es.capitalised(inside) == inside
    closed = 'Dijo "bien" y "mal". la sala.'
    assert es.capitalised(closed) == closed.replace(". la", ". La")
    three = 'Dijo "a" "b" "c. la sala".'
    assert es.capitalised(three) == three


def test_an_abbreviation_at_the_start_of_a_line_is_one() -> None:
    es = language("es")
    text = "Gracias\nSra. la directora lo sabe."
    assert es.capitalised(text) == text
