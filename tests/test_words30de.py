"""Wording round 30 (issue 19), words30de: the German catalog after the blind read r25
(seed 6464) and r24 (seed 4141).

The lines the readers named are retired as classes, in every wording and every message
that says one:

- "erzähle ich Ihnen davon" (r25 de 3c: "happy to tell you about it"; a certificate is
  sent, not narrated): the missed point is offered as information, answers, a few lines.
- "Zeit und
  Aufmerksamkeit" (how a talk ends, r25), "Hoffentlich höre ich bald" (unsure, r25),
  "Ich schreibe Ihnen, um/weil ..." (calque, r25), "An der Stelle liegt mir" (r24: "an
  der Stelle" also means "at this point").
- "bis dahin noch ... war" (r25 08.7: until when?): "zu diesem Zeitpunkt", as r24 wrote.
- "Dürfte ich erfahren, ob meine Bewerbung weiterhin offen ist?" (an application is not
  "offen"), "hat mir viel gegeben" (therapeutic), "Zur Ansicht" (goods on approval),
  "Vorstellungstermin" (r24), "bei meinem Besuch bei ... zum Vorstellungsgespräch" (a
  chain of four prepositions), "Ich komme gerade aus meinem Vorstellungsgespräch" (after
  a phone interview), "weil man Sie dazu eingeladen hat", "Laut Ihren Notizen spricht
  vor allem für Sie", "mit der Bitte, die Verzögerung zu entschuldigen", "eine gute
  Woche" (on a Wednesday), "schicke ... geschickt ... an Ihr Team", "Gespannt warte ich",
  "ist eine schöne Nachricht" / "großartige Neuigkeit" (news stated, not welcomed).
- The part of the interview said with "Sehr ..." beside a recap with "sehr" (r25 14.18).
"""

from __future__ import annotations

import re

import pytest

from .test_words27d import _msgstrs
from .test_words29d import _rendered

RETIRED = {
    "erzähle ... davon": r"\berzähle\b",
    "Zeit und Aufmerksamkeit": r"Zeit und Aufmerksamkeit",
    "Hoffentlich": r"\bHoffentlich\b",
    "ich schreibe Ihnen": r"\b[Ii]ch schreibe Ihnen\b",
    "An der Stelle liegt": r"An der Stelle liegt",
    "bis dahin ... war": r"\bbis dahin noch\b",
    "Bewerbung offen": r"Bewerbung weiterhin offen",
    "viel gegeben": r"hat mir viel gegeben",
    "Zur Ansicht": r"\bZur Ansicht\b",
    "Vorstellungstermin": r"Vorstellungstermin",
    "bei ... bei ... zum": r"bei meinem Besuch bei\b",
    "komme gerade aus": r"komme gerade aus",
    "weil man Sie": r"weil man Sie",
    "Laut Ihren Notizen": r"Laut Ihren Notizen",
    "mit der Bitte": r"mit der Bitte, die Verzögerung",
    "gute Woche": r"eine gute Woche",
    "schicke ... geschickt": r"schicke[^.]*geschickt|an Ihr Team geschickt",
    "Gespannt warte": r"Gespannt warte",
    "news stated": r"ist eine schöne Nachricht|großartige Neuigkeit",
    "in Betracht ziehen": r"mich in Betracht ziehen",
    "Sehr before the part": r"\bSehr (?:geschätzt|wertvoll)\b",
}


def catalog_saying(pattern: str) -> list[str]:
    """Each German msgstr that *pattern* (a regular expression) finds."""
    found = re.compile(pattern)
    return [text for text in _msgstrs("de") if found.search(text)]


def rendered_saying(
    retired: dict[str, str], seeds: tuple[int, ...]
) -> tuple[int, list[tuple[str, str, str]]]:
    """How many German messages the corpora of *seeds* hold (de, de_AT and de_CH
    scenarios), and each (name, key, text) where a *retired* pattern finds one."""
    patterns = {name: re.compile(p) for name, p in retired.items()}
    seen, found = 0, []
    for key, text in _rendered("de", seeds):
        found += [(name, key, text) for name, pattern in patterns.items() if pattern.search(text)]
        seen += 1
    return seen, found


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_german_catalog_sentence_keeps_a_retired_line(name: str) -> None:
    found = catalog_saying(RETIRED[name])
    assert not found, found


def test_no_rendered_german_message_keeps_a_retired_line() -> None:
    """Every message of two generated corpora (de, de_AT and de_CH scenarios)."""
    seen, found = rendered_saying(RETIRED, (6464, 4141))
    assert not found, found[0]
    assert seen > 200


def test_the_missed_point_is_offered_in_every_wording_without_a_calque() -> None:
    """The eight wordings, singular and plural: an offer, never 'erzählen' or 'berichten'
    (r24 disliked 'berichte ich Ihnen Näheres' for a certificate too)."""
    lines = [
        t for t in _msgstrs("de") if ("%(items)s" in t and "erwähn" in t) or "angesprochen" in t
    ]
    assert len(lines) >= 8
    for text in lines:
        assert not re.search(r"\b(?:erzähl|berichte)", text), text


def test_the_news_of_no_decision_says_when_it_held_without_bis_dahin() -> None:
    """The news is in the past (r16, tests/test_words20.py) and says when it held (r22,
    tests/test_words28d.py), as "zu diesem Zeitpunkt" (r24 08.9), not "bis dahin"."""
    said = [t for t in _msgstrs("de") if re.search(r"noch nicht entschieden war", t)]
    assert len(said) >= 6
    assert all("zu diesem Zeitpunkt" in t for t in said), said
