"""The blind-read corpora pass their own mechanical checks.

Each blind read starts from ``scripts/corpus.py SEED``; its ``checks.md`` lists what a
machine can see (a subject cut, "..", English left in another language, a long sentence
said again, or nearly, to one person).  The seeds of the reads so far, and the two the
eleventh read's corpus found (a graceful close sharing its frame with the missed-point
line in English, the Spanish offer of references sharing "si le resulta útil" with it),
must keep saying "No finding" (4646: a French check-in line saying the interest
"reste entier" beside the feedback answer's "reste entière"; 7373: the second next-steps check-in
saying the role "appeals to me as much as ever" like a later check-in line; 7171: the note
after an out-of-office saying "a great deal" like the thank-you; 5858: the thirteenth read).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[1] / "scripts"


@pytest.mark.parametrize("seed", [2424, 3131, 3535, 4646, 5858, 7171, 7373])
def test_a_read_corpus_has_no_mechanical_finding(seed: int, tmp_path: Path) -> None:
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    corpus.write(seed, tmp_path)
    checks = (tmp_path / "checks.md").read_text(encoding="utf-8")
    assert checks.rstrip().endswith("No finding."), checks
