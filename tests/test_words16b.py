"""Round 16b of the translations (the thirteenth blind read, corpus seed 5858).

Each test names a class of defect the German, French and Spanish readers found and
fails on the catalogs before this round.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from followup_rules._languages import language

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"


def _catalog(code: str) -> Catalog:
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as handle:
        return read_po(handle)


def _english(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _where(message: Message) -> set[str]:
    return {path for path, _ in message.locations}


# -- untrue: an invitation to get in touch is not an invitation to write -------------

_WRITES = {
    "de": re.compile(r"schreib"),
    "es": re.compile(r"\bescrib"),
    "fr": re.compile(r"\bécri"),
}


@pytest.mark.parametrize("code", sorted(_WRITES))
def test_a_suggestion_to_get_in_touch_is_translated_channel_neutral(code: str) -> None:
    said = [
        s
        for message in _catalog(code)
        if message.id and _english(message).startswith("As you kindly suggested")
        for s in _strings(message)
    ]
    assert said
    assert not [s for s in said if _WRITES[code].search(s)]


# -- German: a voicemail sentence after the greeting starts a sentence -------------


@pytest.mark.parametrize("code", ["de", "es", "fr"])
def test_a_voicemail_sentence_starts_with_a_capital(code: str) -> None:
    # Every greeting of a call script ends with a full stop ("..., hier spricht Alex
    # Berger."), so the sentence after it is a new sentence.
    lower = [
        s
        for message in _catalog(code)
        if message.id
        and _where(message) == {"templates/check_in_call.txt"}
        and _english(message)[:1].isupper()
        for s in _strings(message)
        if s.lstrip("¿¡")[:1].islower()
    ]
    assert not lower


# -- German: relative pronouns and reasons ----------------------------------------


def test_german_missed_points_use_no_loose_relative_pronouns() -> None:
    # "meine Arbeit an Open-Source-Projekten ..., worüber ... und was ..." has no noun
    # the pronouns agree with; the sentence is built so that none is needed.
    bad = [
        s
        for message in _catalog("de")
        if message.id and "templates/_missed.txt" in _where(message)
        for s in _strings(message)
        if re.search(r"\bworüber\b|, was\b", s)
    ]
    assert not bad


# -- German (Austria): every January is "Jänner" ------------------------------------


@pytest.mark.parametrize("method", ["day", "day_after_by", "date_only"])
def test_austrian_german_names_january_one_way(method: str) -> None:
    austrian = language("de_AT")
    for offset in range(31):
        text = getattr(austrian, method)(date(2027, 1, 1) + timedelta(days=offset))
        assert "Jänner" in text and "Januar" not in text
    assert "Januar" in getattr(language("de"), method)(date(2027, 1, 18))


# -- presumptuous, blunt or unidiomatic lines the readers rejected ------------------

_REJECTED = {
    "de": [
        "Danke, dass Sie an mich denken",
        "Über Ihre Nachricht freue ich mich",
        "Ist die Entscheidung schon gefallen",
        "Wie ist der Stand inzwischen",
        "klares Ziel",
        "besteht unverändert fort",
        "davon ausgegangen",
    ],
    "es": [
        "Hasta entonces",
        "Por otra parte",
        "¿Hay ya una decisión?",
    ],
    "fr": [
        "Cette perspective m’enthousiasme",
        "Cette candidature me motive",
        "Je me réjouis que nous ayons abordé",
        "relatif au poste",
        "très sensible à",
        "Par souci d’exhaustivité",
        "Merci de penser à ma candidature",
        "Où en sont les choses à présent",
        "J’espère sincèrement que ma candidature",
        "les ferait hésiter",
        "Remerciez pour",
        "tous les détails en premier",
    ],
}


@pytest.mark.parametrize("code", sorted(_REJECTED))
def test_rejected_wordings_are_gone(code: str) -> None:
    text = "\n".join(s for message in _catalog(code) if message.id for s in _strings(message))
    assert [phrase for phrase in _REJECTED[code] if phrase in text] == []


# -- a word twice in one thank-you -------------------------------------------------

# The thank-you is built from one line of each of these templates; a phrase in two of
# the lines can be said twice in a row ("Me fue muy útil ... me resultó muy útil").
_BLOCKS = {
    "templates/_thanks_opening.txt",
    "templates/_thanks_part.txt",
    "templates/_thanks_recall.txt",
    "templates/_thanks_interest.txt",
    "templates/_thanks_fit.txt",
    "templates/thank_you_email.txt",
}
_ONCE = {
    "es": [r"muy útil", r"para mí"],
    "fr": [r"particuli", r"d’échanger", r"\bfonction\b"],
}


@pytest.mark.parametrize("code", sorted(_ONCE))
def test_a_thank_you_phrase_is_in_one_building_block_at_most(code: str) -> None:
    for pattern in _ONCE[code]:
        blocks = {
            frozenset(_where(message) & _BLOCKS)
            for message in _catalog(code)
            if message.id and _where(message) & _BLOCKS
            for s in _strings(message)
            if re.search(pattern, s)
        }
        assert len(blocks) <= 1, (pattern, blocks)


def test_spanish_thanks_for_a_part_does_not_thank_again() -> None:
    # The opening already thanks; "Quiero darle las gracias por la visita" is a second.
    again = [
        s
        for message in _catalog("es")
        if message.id and "templates/_thanks_part.txt" in _where(message)
        for s in _strings(message)
        if re.search(r"\bgracias\b", s, re.IGNORECASE)
    ]
    assert not again
