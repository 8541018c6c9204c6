"""r18's Spanish grammar (the eighteenth blind read): a verb of pressing with the clitic
"le" to a reader whose gender the tool does not know ("No quisiera presionarle" to a woman
reads wrong; the reader wants "presionarla", which needs a gender: say "insistir", which
takes no object), and news learned in the past told in the present ("supe que se me invita":
after "supe que", the imperfect, "me invitaban")."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.pofile import read_po

import followup_rules

ES = Path(followup_rules.__file__).parent / "locales/es/LC_MESSAGES/followup_rules.po"


def _spanish() -> list[str]:
    with ES.open("rb") as handle:
        catalog = read_po(handle)
    return [m.string for m in catalog if m.id and isinstance(m.string, str)]


def test_no_verb_of_pressing_takes_a_gendered_clitic() -> None:
    pressing = re.compile(r"\b(?:presion|apur|agobi)ar(?:le|la|lo)\b")
    assert [line for line in _spanish() if pressing.search(line)] == []


def test_news_learned_in_the_past_is_told_in_the_past() -> None:
    present = re.compile(r"\bsupe que (?:se me |me )?(?:invita|ofrece|propone)\b")
    assert [line for line in _spanish() if present.search(line)] == []
