"""Wording round 31 (issue 19), words31de: the German catalog after the blind read r26
(seed 7676).

The lines the reader named are retired as classes, in every wording and in every
rendered message of seed 7676's corpus (de, de_AT and de_CH scenarios):

- Calques of English: "Ich hoffe, das ist für Sie hilfreich" ("I hope this helps"), "Es
  war freundlich von Ihnen, ..." ("It was kind of you"), "war mir ein Vergnügen" ("was a
  pleasure", of a discussion), "war mir eine große Hilfe" (of meeting colleagues),
  "Besonders wichtig war mir ..." (said "important", meant "interesting"), "Ich wäre sehr
  gern Teil des Teams".
- A half idiom: "... ist mir in guter Erinnerung." without "geblieben".
- The missed point offered as office talk or as the wrong thing: "informiere ich Sie
  darüber" (bureaucratic), "einen kurzen Überblick" (no overview of a certificate),
  "falls Sie welche haben" (colloquial).
- A close that reads as ad copy and an instruction: "Wenn Sie mehr erfahren möchten,
  melden Sie sich bitte bei mir."
- A courtesy that presumes an answer: "Vielen Dank im Voraus".
- A question about an application being "offen": "ob meine Bewerbung noch offen ist".
- The in-room step's doubled "sich": "dass Sie sich freuen, sich melden zu dürfen".
"""

from __future__ import annotations

import pytest

from .test_words27d import _msgstrs
from .test_words30de import catalog_saying, rendered_saying

SEED = 7676

RETIRED = {
    "hoffe ... hilfreich": r"das ist für Sie hilfreich",
    "freundlich von Ihnen": r"freundlich von Ihnen",
    "ein Vergnügen": r"war mir ein Vergnügen",
    "eine große Hilfe": r"war mir eine große Hilfe",
    "wichtig war mir": r"\bwichtig war mir\b",
    "Teil des Teams": r"Teil des Teams",
    "in guter Erinnerung.": r"in guter Erinnerung\s*[.;]",
    "informiere ich Sie": r"informiere ich Sie",
    "Überblick": r"einen kurzen Überblick",
    "falls Sie welche haben": r"falls Sie welche haben",
    "mehr erfahren möchten": r"Wenn Sie mehr erfahren möchten",
    "im Voraus": r"\bim Voraus\b",
    "Bewerbung offen": r"Bewerbung noch offen",
    "sich freuen, sich": r"sich freuen, sich",
}


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_german_catalog_sentence_keeps_a_line_retired_by_r26(name: str) -> None:
    found = catalog_saying(RETIRED[name])
    assert not found, found


def test_no_rendered_german_message_of_seed_7676_keeps_a_line_retired_by_r26() -> None:
    """Every message of the corpus the r26 reader read (de, de_AT and de_CH scenarios)."""
    seen, found = rendered_saying(RETIRED, (SEED,))
    assert not found, found[0]
    assert seen > 100


def test_the_readers_corrections_are_in_the_catalog() -> None:
    """Where the r26 reader's own correction fits every input, it is the new line."""
    german = "\n".join(_msgstrs("de"))
    for line in (
        "ist mir in guter Erinnerung geblieben.",
        "Bei Fragen dazu stehe ich Ihnen gern zur Verfügung.",
    ):
        assert line in german, line
