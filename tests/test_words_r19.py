"""The nineteenth blind read (seed 4747): closes that thank for help nobody gave.

Every reader quoted the last check-in's close thanking a person who had not answered
for "all your help" or "everything so far" (de "Danke für Ihre Mühe", "für Ihre
Unterstützung", "für alles bisher"; fr « Merci pour toute votre aide », « Merci pour
tout »; es "Gracias por toda su ayuda", "Gracias por todo").  The truth rule: a close
thanks for what the reader did give (their time, their attention, the interview), never
for help the history does not hold.
"""

from __future__ import annotations

import itertools
import re

import attrs
import pytest

from .test_words22 import (
    ANA,
    COMPANIES,
    LANGUAGES,
    RESTRAINT,
    ROLES,
    check_ins,
    in_language,
    meeting,
    plan,
    render,
)

UNGIVEN_HELP = {
    "en": re.compile(r"your help|everything so far|for everything"),
    "de": re.compile(r"Mühe|Hilfe|Unterstützung|alles bisher"),
    "fr": re.compile(r"votre aide|Merci pour tout\b"),
    "es": re.compile(r"su ayuda|Gracias por todo\b"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_close_thanks_for_help_nobody_gave(code: str) -> None:
    """Over every application's turn of the seven closes, the last check-in of an
    unanswered run thanks for nothing the history does not hold."""
    closes: set[str] = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        last = check_ins(plan(iv))[-1]
        text = render(last, iv).text
        close = text.split("\n\n")[-2]
        assert RESTRAINT[code].search(close), text
        assert not UNGIVEN_HELP[code].search(close), close
        closes.add(close)
    assert len(closes) == 7, closes
