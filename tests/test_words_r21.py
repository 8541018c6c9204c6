"""A sentence the twenty-first read counted untrue, as a class.

The German reader of r21 (09.6, 11.6, 14.17) quoted "Meine Begeisterung für die Stelle
ist seitdem noch gewachsen." ("I came away even more enthusiastic about the position."),
twice in a note sent an hour after the interview: it reports a change of mind the
candidate never gave.  No line of a thank-you, in any language, says the candidate's
interest grew since the interview; it may say the interest, never a change in it.
"""

from __future__ import annotations

import re

import pytest

from .test_words21 import _said

GROWN = {
    "en": r"\beven more\b|\bmore than ever\b|\ball the more\b|\bhas grown\b|\bsince then\b",
    "de": r"gewachsen|\bseitdem\b|noch größer|noch mehr begeistert",
    "fr": r"que plus vif|s’est renforcé|s'est renforcé|\baccru\b|encore plus",
    "es": r"\baún más\b|\btodavía más\b|ha crecido|se ha reforzado",
}

THANK_YOU_LINES = (
    "_thanks_opening.txt",
    "_thanks_interest.txt",
    "_thanks_fit.txt",
    "_thanks_part.txt",
    "_thanks_recall.txt",
    "thank_you_email.txt",
)


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_no_thank_you_line_reports_a_grown_interest(code: str) -> None:
    lines = _said(code, *THANK_YOU_LINES)
    assert len(lines) > 40
    assert [line for line in lines if re.search(GROWN[code], line, re.IGNORECASE)] == []
