"""Wording round 32 (issue 19), words32de: the German catalog after the blind read r27
(seed 8585, main of round 31), with r26 (seed 7676).

The lines the reader named are retired as classes, in every wording and in every
rendered message of both corpora (de, de_AT and de_CH scenarios):

- Calques of English: "habe ich verstanden, dass" ("I understood that": as if the
  candidate may have misheard; 01.10, 04.9, 10.6), "Die Diskussion über" (a debate; 01.7,
  02.5, 03.4, 14.12, and every recap that said it), "in einer eigenen E-Mail" ("in a
  separate e-mail"; 04.8, both card wordings).
- Register: "hat mir großen Spaß gemacht" (too casual, and on-call duty is no fun; 01.9),
  "Vielen Dank, dass Sie meine Zeilen lesen" (subservient; 08.11), "Ein paar Zeilen von
  Ihnen, sobald es Ihnen passt, wären mir sehr willkommen" (flowery; 08.9), "Ich weiß,
  dass ..." (presumes knowledge of their process; 03.8, 04.11, 08.11, 11.9, 14.22, and the
  next-round line that said it too), "Ihrer Bitte folgend" (officialese; 03.4, every
  requested-items wording), "Für Rückfragen stehe ich Ihnen selbstverständlich zur
  Verfügung" (an office formula on a handwritten card; 04.7), "Vorstellungsgespräch als
  <role>" (the interview is not "as" the role; 14.13 and every subject and opening that
  said it), the subject "Ich freue mich auf die nächste Runde" on a third mail about a
  date (07.8).
- The point left out, said with an apology, bureaucratically or as a comma splice: "Leider
  habe ich ... nicht erwähnt", "gebe ich Ihnen Auskunft", "Nicht erwähnt habe ich ..., ich
  stehe aber ..." (04.7, 08.5, 09.7, 14.14).
- The one untrue sentence: "die Unterlagen, die ich bereits in Ihrem Haus eingereicht
  habe" (09.9: nothing says the candidate submitted documents; the English offers what was
  sent to a colleague, and so does the German now).
"""

from __future__ import annotations

import re

import pytest

from .test_words27d import _msgstrs
from .test_words29d import _rendered
from .test_words30de import catalog_saying, rendered_saying

SEEDS = (8585, 7676)

RETIRED = {
    "habe ich verstanden, dass": r"habe ich verstanden, dass",
    "Diskussion": r"\bDiskussion\b",
    "eigenen E-Mail": r"in einer eigenen E-Mail",
    "Spaß gemacht": r"Spaß gemacht",
    "meine Zeilen": r"meine Zeilen lesen",
    "Ein paar Zeilen von Ihnen": r"Ein paar Zeilen von Ihnen",
    "Ich weiß, dass": r"\b[Ii]ch weiß, dass\b",
    "Ihrer Bitte folgend": r"Ihrer Bitte\b[^.,]{0,40}\bfolgend\b",
    "selbstverständlich zur Verfügung": r"selbstverständlich zur Verfügung",
    "Vorstellung(sgespräch) als": r"\bVorstellung(?:sgespräch)? als\b",
    "Leider ... nicht erwähnt": r"\bLeider habe ich\b",
    "Auskunft geben": r"gebe ich Ihnen Auskunft|Ihnen Auskunft (?:darüber|dazu)",
    "Nicht erwähnt habe ich ..., ich": r"Nicht erwähnt habe ich [^.]*, ich\b",
    "in Ihrem Haus eingereicht": r"in Ihrem Haus eingereicht",
}

SUBJECT = re.compile(r"^(?:Stelle als .*: )?Ich freue mich auf die nächste Runde$")
"""r27 07.8: a subject that reads as pressure on the third mail about a date."""


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_german_catalog_sentence_keeps_a_line_retired_by_r27(name: str) -> None:
    found = catalog_saying(RETIRED[name])
    assert not found, found


def test_no_rendered_german_message_keeps_a_line_retired_by_r27() -> None:
    """Every message of the corpora the r27 and r26 readers read (de, de_AT, de_CH)."""
    seen, found = rendered_saying(RETIRED, SEEDS)
    assert not found, found[0]
    assert seen > 250


def test_no_german_subject_looks_forward_to_the_next_round_on_a_reminder() -> None:
    subjects = [text for text in _msgstrs("de") if SUBJECT.match(text.replace("%(role)s", "X"))]
    assert not subjects, subjects
    for key, text in _rendered("de", SEEDS):
        assert not SUBJECT.match(text.split("\n", 1)[0]), (key, text)


MISSED = re.compile(r"%\(items\)s")


def test_the_missed_point_is_said_plainly_in_every_wording() -> None:
    """The class of r27 de 3.3: every German wording of the point left out, singular and
    plural, says it without an apology, without "Auskunft", and never joins two main
    clauses with a bare comma; at least two wordings state the point first ("Ergänzend
    erwähne ich ...", "Ich weise Sie gern ... hin"), as the reader asked."""
    lines = [
        text
        for text in _msgstrs("de")
        if MISSED.search(text)
        and re.search(r"erwähn|angesprochen|eingegangen|zu sprechen|gesprochen|weise Sie", text)
    ]
    assert len(lines) >= 16, lines
    for text in lines:
        assert not re.search(r"\bLeider\b|\bAuskunft\b", text), text
        assert not re.search(r"%\(items\)s, ich\b", text), text
    assert len({t for t in lines if not re.search(r"\bnicht\b", t)}) >= 2


def test_the_offer_to_resend_names_who_has_the_material() -> None:
    """r27 de 09.9 (the one untrue sentence): the offer names what was sent and to whom
    (words32b: "%(items)s, which I shared with %(people)s"), never a submission to
    "Ihr Haus" the input lacks."""
    offers = [t for t in _msgstrs("de") if t.startswith("Falls es Ihnen hilft")]
    named = [t for t in offers if "%(people)s" in t]
    assert named, offers
    assert all("%(items)s" in t for t in named), named
    assert not any("Haus" in t for t in offers), offers


def test_the_readers_corrections_are_in_the_catalog() -> None:
    """Where the r27 reader's own correction fits every input, it is the new line."""
    german = "\n".join(_msgstrs("de"))
    for line in (
        "in einer gesonderten E-Mail",
        "Über eine kurze Rückmeldung würde ich mich freuen.",
        "Nachfrage zur nächsten Runde",
        "An meinem Interesse an der Aufgabe hat sich nichts geändert.",
    ):
        assert line in german, line
