"""Wording round 32 (issue 19), words32fr: the French catalog after the blind reads r27
(seed 8585) and r26 (seed 7676).

1. The untrue sentence (r27 fr 02.9, 13.8): « Je mesure que la sélection n'est pas encore
   terminée. » stood for "I appreciate that the process may take a while yet.": the
   English hedges, the French asserted a fact nobody had given.  As a class, no French
   msgstr asserts what its English msgid only hedges or does not state:
   - an English "may", "might", "likely", "perhaps", "seem", "I understand" or "I hope"
     keeps a hedge in French (« Je me réjouis de connaître la suite » for "I hope to hear
     about the next steps soon" asserted a joy instead of a hope);
   - « Merci encore » / « Encore merci » only where the English says "again" (r27 04.6
     « Merci encore pour votre accueil ce jour-là » in a first, same-day message; 08.11);
   - « parvenu » (it reached you) only where the English says it reached them or came
     (the card's "What you asked for went to you by email" is what was sent, not read).
2. Stock lines the readers quoted, retired from every msgstr and every French message of
   seeds 8585 and 7676: « Votre écoute au sujet du poste … m'a été précieuse » (r26 8 times,
   r27 5 times; words30fr's ban missed it, its « [ÉE]coute » not matching « écoute »), the
   missed point put as an omission first « Je n'ai pas mentionné …, mais je peux vous en
   parler si vous le voulez » (r27 04.8, 08.5, 09.7, 14.16), « L'appel que j'ai passé …
   concernait …, et je vous écris à présent » (02.8, 13.7), « Je retiens notre discussion »
   (01.9, 04.8, 09.7, 11.6), « Rejoindre l'équipe me motive » (a calque), « m'a fait
   réfléchir » and « matière à réflexion » (second thoughts, r26 and r27), « a été très
   agréable » (bland), « Je me réjouis de connaître » (Swiss/Belgian), « Merci de tout
   cœur » (effusive), « J'ai aimé … » (a schoolchild's phrasing), « Veuillez trouver … »,
   « ce jour-là » said on the day itself, « m'a laissé une forte impression » (r26),
   « entendre » colleagues (a hearing, r26 14.17), « Passer à l'étape suivante me tient
   vraiment à cœur » (presumptuous, r26), « Ce poste m'attire vraiment » and « beaucoup
   d'éléments à peser » (the choppy paragraph, r27 03.8 and six more), and the courtesy
   and last lines that said « ma candidature » after a question about it (08.11, 15.10).
3. The typography of the notes (r27 fr 3.9): a warning in French puts a no-break space
   before « : » as the message bodies do.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from .test_corpus_checks import SCRIPTS
from .test_words27d import LOCALES
from .test_words30fr import _rendered, retired_in_catalog, retired_in_messages

SEEDS = (8585, 7676)


def _pairs(template: str = "") -> Iterator[tuple[str, str]]:
    """(English msgid, French msgstr) of every entry and plural form of the French catalog
    (of *template*'s entries only, when given)."""
    with (LOCALES / "fr" / "LC_MESSAGES" / "followup_rules.po").open("rb") as source:
        catalog = read_po(source)
    for entry in catalog:
        if not entry.id or template not in {Path(file).name for file, _ in entry.locations} | {""}:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        for index, text in enumerate(strings):
            yield ids[min(index, len(ids) - 1)], text


# -- 1. nothing asserted that the English hedges or does not say -------------------------

HEDGE_EN = re.compile(
    r"(?<!\byou )(?<!\bI )\bmay\b|\b(?:might|likely|perhaps|seems?|I understand|I understood|"
    r"I hope)\b"
)
"""Words of doubt about what happens or holds (not "you may", "may I": permission)."""
HEDGE_FR = re.compile(
    r"puiss|\bpeut\b|pourr|peut-être|sans doute|semble|compris|comprends|crois|pense|"
    r"esp[eéè]r|approximati|à peu près|\bidée\b|\bsais\b|savoir|risque|éventuel|probable",
    re.IGNORECASE,
)

# (what the French asserts, what the English must say for it)
ASSERTED = (
    (r"Merci encore|Encore merci", r"\bagain\b"),
    (r"\bparvenue?s?\b", r"\breach|\bcame\b|arriv|\bwith\b|found you"),
)


def test_a_hedged_english_sentence_keeps_its_hedge_in_french() -> None:
    """r27 fr 02.9, 13.8: "may take a while yet" said « n'est pas encore terminée »."""
    found = [(en, fr) for en, fr in _pairs() if HEDGE_EN.search(en) and not HEDGE_FR.search(fr)]
    assert not found, found


@pytest.mark.parametrize(("french", "english"), ASSERTED)
def test_no_french_sentence_asserts_what_its_english_does_not_say(
    french: str, english: str
) -> None:
    found = [
        (en, fr)
        for en, fr in _pairs()
        if re.search(french, fr, re.IGNORECASE) and not re.search(english, en, re.IGNORECASE)
    ]
    assert not found, found


# -- 2. the retired stock lines ---------------------------------------------------------

RETIRED = (
    r"(?i)votre écoute",
    r"(?i)la sélection n’est pas encore terminée|^Je mesure que",
    r"mais je (?:peux|pourrais|pourrai) vous en parler",
    r"si vous le voulez",
    r"L’appel que j’ai passé le .* concernait|je vous écris à présent",
    r"(?i)je retiens\b",
    r"^Rejoindre l’équipe me motive",
    r"m’a fait réfléchir|matière à réflexion",
    r"a été très agréable",
    r"Je me réjouis de connaître",
    r"de tout cœur",
    r"^J’ai aimé\b",
    r"Veuillez trouver",
    r"ce jour-là",
    r"forte impression",
    r"(?i)\bentendre\b",
    r"vue d’ensemble du poste",
    r"me tient vraiment à cœur",
    r"m’attire vraiment",
    r"éléments à peser",
    r"^Merci de l’attention que vous portez à ma candidature",
    r"^Merci encore de l’intérêt porté à ma candidature",
)


@pytest.fixture(scope="module")
def french() -> list[tuple[str, str, str]]:
    return list(_rendered(SEEDS))


def test_no_catalog_sentence_keeps_a_retired_wording() -> None:
    found = retired_in_catalog(RETIRED)
    assert not found, found


def test_no_rendered_french_message_keeps_a_retired_wording(
    french: list[tuple[str, str, str]],
) -> None:
    assert len(french) > 250
    found = retired_in_messages(french, RETIRED)
    assert not found, found


def test_no_french_missed_point_says_it_was_omitted_but() -> None:
    """r27 fr 3.1.2: « Je n'ai pas mentionné …, mais je peux vous en parler si vous le
    voulez » is English logic (the omission, then "but"); no wording of the missed point
    sets the offer against the omission, and most name the point before saying it was
    not raised."""
    missed = [fr for _, fr in _pairs("_missed.txt")]
    assert len(missed) == 24
    assert [fr for fr in missed if re.search(r",\s*mais\b", fr)] == []
    assert sum(fr.startswith("Je n’ai pas") for fr in missed) <= 6


# -- 3. the notes' typography -----------------------------------------------------------


def _warnings(seeds: tuple[int, ...]) -> Iterator[str]:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    for seed in seeds:
        for _, build in corpus.scenarios(seed):
            scenario = corpus.play(build("fr"), {})
            for item in scenario.rendered:
                yield from item.message.warnings


def test_a_french_note_puts_a_no_break_space_before_its_colon() -> None:
    """r27 fr 3.9: « … votre recruteur, Sophie Laurent : vous pouvez … » with an
    ordinary space before the colon, where the bodies have a no-break one."""
    notes = list(_warnings(SEEDS))
    assert any("recruteur" in note for note in notes)
    assert [note for note in notes if re.search(r" [:;?!]", note)] == []
