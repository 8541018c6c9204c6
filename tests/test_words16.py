"""The thirteenth blind read (seed 5858): the untrue lines its readers cited.

Each test fails on main before words16 and names the class it answers.
"""

from __future__ import annotations

import re

import pytest

from followup_rules._languages import language

from .test_words9 import _plural_msgids

LANGUAGES = ("en", "de", "fr", "es")

# -- 1. the missed point never claims to be relevant to the role ---------------------------

CLAIMS_RELEVANCE = {
    "en": r"relevant|bears? on|\bmatters?\b|the role|the position|the job",
    "de": r"relevant|wichtig|Belang|Stelle|Position|Bedeutung",
    "fr": r"pertinent|compte|utiles? pour|le poste|importan",
    "es": r"relevante|relación|importante|el puesto|el cargo",
}

OFFERS_MORE = {
    "en": r"say more|go into|discuss (?:it |them )?further|more detail",
    "de": r"näher|ausführlich|Näheres",
    "fr": r"dire plus|davantage|développer|discuterais",
    "es": r"contarle más|cuento más|profundizo",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_offers_more_and_asserts_no_relevance(code: str) -> None:
    """r13, every reader: "…so I mention it here because it bears on the role." and its
    kin assert what the input never says (it says only that the point was not mentioned).
    Every wording, singular and plural, names the point and offers to say more, and none
    claims the point matters for the role."""
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            assert "%(items)s" in text, text
            assert not re.search(CLAIMS_RELEVANCE[code], text, re.IGNORECASE), text
            assert re.search(OFFERS_MORE[code], text, re.IGNORECASE), text
