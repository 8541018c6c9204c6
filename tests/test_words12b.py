"""Words round 12b, from the ninth blind reads (corpus 1313), msgstr and grammar only.

1. A German greeting with a title but no Frau or Herr read "Guten Tag Dr. Robin
   Keller," (a form letter's line): the title went with the family name ("Guten Tag
   Dr. Keller,").  Round 13 (words13b, class 2) returned to the full name: the tenth
   reader found a title without Frau or Herr before the family name no German form of
   address; the full name stands where Frau or Herr would.
2. German case: the details are given in the accusative (docs/templates.md, "Details
   in other languages": ``part="den Rundgang durch die Leitstelle"``), but some frames
   put them where a nominative belongs ("Zum Gespräch gehörte auch den Rundgang") or
   after a preposition that asks the dative.  The class: every German sentence puts a
   detail where the accusative belongs.
3. Distinct English wordings keep distinct translations, each a translation of its own
   sentence ("Thank you for considering my application." was "Vielen Dank für Ihre
   Mühe.", "Merci par avance de votre retour.", "Le agradezco de antemano su atención.").
4. Spanish regions: Latin America tells a finished act in the preterite ("Hoy tuve la
   entrevista", "le envié"), where the catalog (Spain's) has the present perfect.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from followup_rules import Interviewer, Salutation
from followup_rules._languages import language

from .prose import COURTESY_REPEATS, COURTESY_WORDS

LOCALES = Path(__file__).resolve().parent.parent / "src" / "followup_rules" / "locales"


def _catalog(code: str) -> list[tuple[str, str]]:
    """Every (msgid, msgstr) of a language, each plural form on its own."""
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as file:
        catalog = read_po(file)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for index, string in enumerate(strings):
            pairs.append((ids[min(index, len(ids) - 1)], string))
    return pairs


# -- 1. a German greeting with a title alone ------------------------------------------


@pytest.mark.parametrize(("honorific", "title"), [("Dr.", "Dr."), ("Prof.", "Prof.")])
def test_a_german_greeting_with_a_title_alone_names_the_full_name(
    honorific: str, title: str
) -> None:
    """Without Frau or Herr the gender is unknown: "Guten Tag Dr. Robin Keller," (round
    13: the title before the full name, which stands where Frau or Herr would); with
    them, "Sehr geehrte Frau Dr. Keller,"."""
    german = language("de")
    robin = Interviewer("Robin Keller", honorific=honorific)
    assert german.greeting(robin, Salutation.HONORIFIC) == f"Guten Tag, {title} Robin Keller,"
    ana = Interviewer("Ana Keller", honorific=f"Ms. {honorific}")
    assert german.greeting(ana, Salutation.HONORIFIC) == f"Sehr geehrte Frau {title} Keller,"
    # no title: the full name, which tells no gender
    kim = Interviewer("Kim Schulz")
    assert german.greeting(kim, Salutation.HONORIFIC) == "Guten Tag, Kim Schulz,"
    # the Swiss and Austrian German write it the same way
    for region in ("de_AT", "de_CH"):
        assert language(region).greeting(robin, Salutation.HONORIFIC).endswith(" Keller,")


# -- 2. German: a detail is always in the accusative ----------------------------------

DETAILS = ("part", "topics", "fit", "items")
"""The user's details a German sentence takes, given in the accusative."""

_ACCUSATIVE_BEFORE = re.compile(r"\b(?:für|über|auf|um|durch|gegen|ohne)\s*$", re.IGNORECASE)
_DATIVE_BEFORE = re.compile(r"\b(?:mit|von|zu|bei|nach|aus|seit|gegenüber)\s*$", re.IGNORECASE)
_NOMINATIVE_FRAME = re.compile(
    r"\b(?:war|waren|ist|sind|bleibt|blieb|gehört|gehörte|gehörten|kam|kamen|fiel|fielen|"
    r"wurde|wurden)\b"
)
"""Finite verbs whose clause, with no preposition before the detail, would take it as
the subject or its complement: the nominative."""


def _clause(text: str, start: int, end: int) -> tuple[str, str]:
    """The words of the clause around text[start:end] before it, and the whole clause."""
    left = max(text.rfind(mark, 0, start) for mark in ",;:.?!") + 1
    rights = [i for i in (text.find(mark, end) for mark in ",;:.?!") if i != -1]
    right = min(rights) if rights else len(text)
    return text[left:start], text[left:right]


def _misplaced(string: str) -> list[str]:
    found = []
    for match in re.finditer(r"%\((\w+)\)s", string):
        if match.group(1) not in DETAILS:
            continue
        before, clause = _clause(string, match.start(), match.end())
        if _DATIVE_BEFORE.search(before):
            found.append(f"dative before {match.group(0)}")
        elif not _ACCUSATIVE_BEFORE.search(before) and _NOMINATIVE_FRAME.search(clause):
            found.append(f"nominative frame for {match.group(0)}")
    return found


def test_the_old_german_frames_are_found() -> None:
    """The check finds what the readers found (the r9 sentences), and passes the
    accusative frames."""
    assert _misplaced("Zum Gespräch gehörte auch %(part)s.")
    assert _misplaced("Ein Höhepunkt war für mich %(part)s.")
    assert _misplaced("In guter Erinnerung bleibt mir auch %(part)s.")
    assert _misplaced("Im Gespräch kamen %(items)s nicht mehr zur Sprache, und mehr dazu.")
    assert _misplaced("Ich habe mit %(topics)s gearbeitet.")
    assert not _misplaced("Für %(items)s blieb im Gespräch keine Zeit, deshalb dies.")
    assert not _misplaced("Das Gespräch über %(topics)s war sehr hilfreich.")
    assert not _misplaced("Das Gespräch umfasste außerdem %(part)s.")


def test_every_german_sentence_takes_a_detail_in_the_accusative() -> None:
    """The accusative "den Rundgang durch die Leitstelle" fits every German frame of a detail: none
    makes it a subject ("Zum Gespräch gehörte auch den Rundgang ...") or puts it after a
    preposition that asks the dative."""
    wrong = [
        (english, german, _misplaced(german))
        for english, german in _catalog("de")
        if _misplaced(german)
    ]
    assert wrong == []


def test_a_german_part_reads_in_every_wording() -> None:
    """The part, given in the accusative, reads in each of the note's eight wordings."""
    german = language("de")
    for english, said in _catalog("de"):
        if english.startswith(("I ", "A highlight")) and english.endswith("%(part)s."):
            text = german.fill(said, {"part": "den Rundgang durch die Leitstelle"})
            assert "den Rundgang" in text
            assert not _NOMINATIVE_FRAME.search(text), text


# -- 3. each English sentence its own translation -------------------------------------

_LOOSE = {
    # words30b class 3 (r25 de «Danke, dass Sie sich meiner Bewerbung annehmen», es
    # «candidatura» twice in a row): the line thanks for considering the candidate
    "Thank you for considering me.": {
        "de": "Dank",  # words30b: «berücksichtig» is the question of the last note
        "fr": "profil",
        "es": "presente",
    },
}
"""A sentence and the word its translation must keep (the r9 translations thanked for
"effort", "your reply in advance" and "your attention in advance")."""


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_thanks_for_considering_an_application_says_so(code: str) -> None:
    catalog = dict(_catalog(code))
    for english, word in _LOOSE.items():
        assert word[code] in catalog[english]


COURTESY_CYCLE = (
    "Thank you for your time.",
    "Thank you for considering me.",  # words30b class 3
    # words28b class 5: no memo's "Thank you for your attention."; words29b class 3 (r24
    # en 08.10, 07.9, 08.11): no "patience" the candidate tries, no "in advance"
    "Many thanks.",
    "Thank you very much.",
)
"""The four courtesy lines of `_courtesy.txt`, by check-in number."""
NEXT_ROUND_COURTESY = ("Thank you again for the invitation.", "Many thanks.")
"""The courtesy after word of a next round (by its giver, or not): `_next_round.txt`'s
since words29c (words30b removed `_courtesy.txt`'s own, which no e-mail reached)."""


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_distinct_courtesy_lines_of_a_cycle_are_distinct(code: str) -> None:
    """The four courtesy lines that close consecutive check-ins (`_courtesy.txt`) read
    as four sentences in every language, as they do in English."""
    catalog = dict(_catalog(code))
    said = [catalog[english] for english in COURTESY_CYCLE]
    assert len(set(said)) == len(said)


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_courtesy_cycle_is_short_enough_to_recur(code: str) -> None:
    """The cycle of `_courtesy.txt` comes round again after four check-ins to one person,
    so each of its lines stays a short courtesy (`prose.COURTESY_WORDS` words or fewer)
    in every language: "Le agradezco que tenga en cuenta mi candidatura." (eight
    words) was said twice to one person."""
    catalog = dict(_catalog(code))
    cycle = (*COURTESY_CYCLE, *NEXT_ROUND_COURTESY)
    long = [
        catalog[english] for english in cycle if len(catalog[english].split()) > COURTESY_WORDS
    ]
    assert long == []


# -- 4. Latin America: a finished act in the preterite --------------------------------

_PERFECT = re.compile(
    r"\b(?:he|ha|hemos|han)\s+(?:[a-záéíóú]+(?:ado|ido)|hecho|visto|dicho)\b", re.IGNORECASE
)

_LASTING = re.compile(
    r"(?:aún no|todavía no|si no|si su candidatura no|ya)\s+se\s+ha\b|\bSe ha fijado ya\b|"
    r"¿Se ha aclarado|cómo ha avanzado|me ha dado una buena base|no se ha indicado|"
    r"Si su candidatura no ha prosperado|no ha recibido noticias|\bhe adjuntado\b",
    re.IGNORECASE,
)
"""A present perfect of a state that lasts to now, which Latin America says too
("aún no se ha tomado una decisión", "¿Se ha fijado ya una nueva fecha?"), or of what
this e-mail holds now ("He adjuntado dos ejemplos de código")."""


@pytest.mark.parametrize("locale", ["es_MX", "es_AR", "es_CO", "es_CL"])
def test_latin_america_tells_a_finished_act_in_the_preterite(locale: str) -> None:
    """Every catalog sentence, as the Americas read it, has no present perfect of a
    finished act ("Hoy he tenido la entrevista", "le he enviado", "no ha prosperado")."""
    americas = language(locale)
    found = []
    for _english, said in _catalog("es"):
        text = americas.finish(said)
        for match in _PERFECT.finditer(text):
            window = text[max(0, match.start() - 30) : match.end() + 20]
            if not _LASTING.search(window):
                found.append(text)
    assert found == []


def test_spain_keeps_its_perfect() -> None:
    """Spain's catalog is unchanged: "Hoy he tenido la entrevista" stays."""
    spain = language("es_ES")
    said = dict(_catalog("es"))
    english = next(e for e in said if "has just finished" in e or e.startswith("I had my"))
    assert spain.finish(said[english]) == said[english]


# -- 6. a watched courtesy word once in a sentence ------------------------------------


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_no_sentence_of_the_catalog_says_a_courtesy_word_twice(code: str) -> None:
    """The readers count the watched courtesy words (`prose.COURTESY_REPEATS`) per
    message; within one sentence twice reads worse still (es r9: "Me alegró mucho
    recibir la oferta, y la perspectiva ... me atrae mucho")."""
    twice = []
    for _english, said in _catalog(code):
        words = re.findall(r"[^\W\d_]+", said.lower())
        twice += [(word, said) for word in COURTESY_REPEATS[code] if words.count(word) > 1]
    assert twice == []


def test_no_spanish_check_in_line_welcomes_the_news_twice() -> None:
    """The loop6 trial read 'bienvenida' twice in two sentences of one Spanish retry: of
    the check-in's interest lines, at most one says the news is welcome."""
    from babel.messages.pofile import read_po

    path = Path(__file__).parent.parent / "src/followup_rules/locales/es/LC_MESSAGES"
    with (path / "followup_rules.po").open("rb") as po:
        catalog = read_po(po)
    welcoming = [
        message.id
        for message in catalog
        if message.id
        and "_check_in_middle.txt" in " ".join(loc for loc, _ in message.locations)
        and "bienvenid" in str(message.string)
    ]
    assert len(welcoming) <= 1, welcoming
