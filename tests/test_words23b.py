"""Issue 19, the eighteenth blind read (r18, seed 3939): the classes words23b answers for
the lines of interest, the case for fit and the point the candidate did not mention.

Each test fails on main before words23b and names the class it answers.
"""

from __future__ import annotations

import re

import pytest

from followup_rules._languages import language

from .test_words9 import _plural_msgids
from .test_words21 import _said

LANGUAGES = ("en", "de", "fr", "es")

# -- 1. stock lines of interest and fit ---------------------------------------------------

STOCK = {
    "en": [
        # r18 02.5, 12.5; a later retry says "continues to appeal to me greatly"
        r"^Joining the team.*appeals? to me greatly",
        r"^I am enthusiastic about the position\.$",  # r18 06.5: says little, alone
        r"^I would welcome the chance to contribute\.$",  # r18 08.7: ends a thin note
        r"let me build on",  # "build on my six years of building" (r18 11.6, 14.15)
    ],
    "de": [
        r"Anliegen",  # r18: a request or a concern, and a comma after the infinitive
        r"Grundlage für die neue",  # the job as already won
        r"mit Überzeugung beitragen",  # stilted, and "überzeugt" in the next line
        r"An einem nächsten Schritt",  # bureaucratic
        r"gut gerüstet, denn",  # circular
        r"Kandidatur",  # an election
        r"voll einzusetzen",  # stiff
    ],
    "fr": [
        r"me motive pleinement",  # unidiomatic (r18 04.7, 06.5, 07.6, 09.7, 14.12)
        r"^Cet emploi",  # the wrong register
        r"s’appuierait naturellement",  # a post does not lean on the candidate
        r"^Mon profil me semble",  # heavy
        r"^Je compte mettre",  # assumes the job
    ],
    "es": [
        r"al servicio del puesto",  # r18 14.12: "al servicio del equipo"
        r"^Este trabajo me resulta muy atractivo\.$",  # alone as a paragraph (02.5, 12.5)
        r"^Me gustaría tener la ocasión de sumarme",
    ],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_stock_line_of_interest_or_fit_the_eighteenth_read_quoted_is_left(code: str) -> None:
    lines = _said(code, "_thanks_interest.txt", "_thanks_fit.txt")
    assert len(lines) >= 30
    found = [(p, s) for s in lines for p in STOCK[code] if re.search(p, s)]
    assert found == []


# -- 2. the missed point: the offer follows with "but", and sets no appointment -----------

APPOINTMENT = {
    "en": r"at any point that suits you",
    "de": r"sobald es Ihnen passt|sobald Sie möchten|bei Gelegenheit",
    "fr": r"à tout moment",
    "es": r"le daré|en el momento que le convenga|sacar? a relucir|saqué a relucir",
}
"""r18 en 03.4 "I can tell you about it at any point that suits you" (stiff), de 01.8
"sobald es Ihnen passt", 03.4 "sobald Sie möchten" (the reader is assumed to want the
account), fr 01.8 « à tout moment », es 01.9 "le daré" (a promise nobody asked for),
14.14 "No saqué a relucir" (airing a grievance)."""

JOINED_BY_AND = {
    "de": r", und ich|\bund (?:erzähle|berichte)\b|, und bei Interesse",
    "fr": r", et je",
    "es": r", y,? (?:le|puedo|con gusto|si)",
}
"""r18 fr B, es C4, de D: "Je n’ai pas évoqué X, et je peux vous en dire plus" joins
two unrelated clauses with "and"; the offer answers the omission ("mais", "pero",
"doch", "aber")."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_makes_a_plain_offer(code: str) -> None:
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            assert not re.search(APPOINTMENT[code], text), text
            if code != "en":
                assert not re.search(JOINED_BY_AND[code], text), text
