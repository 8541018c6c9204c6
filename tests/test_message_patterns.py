"""The regular expressions run over whole messages begin with what they look for.

A pattern that begins with a look-behind or a word boundary (``(?<=\\S) ([:;?!])``)
gives the search nothing to skip to: it is tried at every position of the
message.  French typography written so cost more than the rest of the French
grammar, 7-12% of a French message, and the German date's comma was
nearly all of German's finishing (issue 20, item 8, the seventh speed pass:
`render()` against plain Jinja).  Each such pattern is written led by the
character or the words it matches, what comes before asserted after them by a
look-behind of fixed width; these tests keep the patterns so, and check that
each matches exactly where the pattern it replaced did.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from followup_rules import messages
from followup_rules._languages import _base, de, fr, language

WHOLE_TEXT = {
    "French space before a mark": fr._FRENCH_SPACE,
    "French mark without its space": fr._FRENCH_TIGHT,
    "French apostrophe": fr._STRAIGHT_APOSTROPHE,
    "German date in apposition": de._GERMAN_DATE,
    "German quotes (Swiss)": de._GERMAN_QUOTES,
    "doubled spaces": messages._SPACES,
    "blank-line runs": messages._BLANK_LINES,
}
"""The patterns `finish` and `_tidy` run over every message."""


def _leading(pattern: str) -> str:
    """What a pattern begins with, past the capturing groups that open it."""
    while pattern.startswith("(") and not pattern.startswith("(?"):
        pattern = pattern[1:]
    return pattern


def test_each_whole_text_pattern_begins_with_what_it_matches() -> None:
    for name, pattern in WHOLE_TEXT.items():
        start = _leading(pattern.pattern)
        literal = start[:1] not in set("\\.^$*+?{}|()[") or start[:2] == "\\n"
        char_set = start.startswith("[") and not start.startswith("[^")
        assert literal or char_set, f"{name}: {pattern.pattern!r} is tried at every position"


# The patterns as they were written before, led by their look-behind: the reference.
OLD_SPACE = re.compile(r"(?<=\S) ([:;?!])(?=\s|$)")
OLD_TIGHT = re.compile(r"(?<=[^\s\d\u00a0\u202f])([:;?!])(?=\s|$)")
OLD_APOSTROPHE = re.compile(r"(?<=[^\W\d_])'(?=[^\W\d_])")
OLD_SPACES = re.compile(r"(?<=\S) {2,}")
OLD_GERMAN_DATE = re.compile(
    r"(\b(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag), de[mn] \d{1,2}\. "
    r"(?:Januar|Jänner|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
    r"Dezember))(?= [^\W_])"
)

FRENCH_PIECES = (
    "Bonjour Madame Dubois,", " ", "\n", " : ", ":", " ?", "?", "!", " ;", "l'Ouest",
    "O'Neill", "1'", "'a", "portfolio", " [lien]", "\u00a0:", "\u202f?", "  ", "é", "_",
)  # fmt: skip
FRENCH_TEXT = st.text(
    alphabet=st.sampled_from(list(" \n\t:;?!'a1_éZ.\u00a0\u202f-")), max_size=40
) | st.lists(st.sampled_from(FRENCH_PIECES), max_size=14).map("".join)


@given(FRENCH_TEXT)
def test_french_typography_matches_where_it_did(text: str) -> None:
    assert fr._FRENCH_SPACE.sub(fr._french_space, text) == OLD_SPACE.sub(fr._french_space, text)
    assert fr._FRENCH_TIGHT.sub(fr._french_space, text) == OLD_TIGHT.sub(fr._french_space, text)
    assert fr._STRAIGHT_APOSTROPHE.sub("’", text) == OLD_APOSTROPHE.sub("’", text)
    assert messages._SPACES.sub(" ", text) == OLD_SPACES.sub(" ", text)
    assert language("fr").finish(text) == _old_french_finish(text)


def _old_french_finish(text: str) -> str:
    # words29d: a sentence that starts with a small article is capitalised first
    text = language("fr").capitalised(text)
    if " " in text and any(mark in text for mark in ":;?!"):
        text = OLD_SPACE.sub(fr._french_space, text)
        text = OLD_TIGHT.sub(fr._french_space, text)
    if "'" in text:
        text = OLD_APOSTROPHE.sub("\u2019", text)
    return text


GERMAN_PIECES = (
    "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag",
    "Montags", "tag", ", dem ", ", den ", ", des ", ",dem ", ", de", "7. ", "17. ", "123. ",
    "7.", "Juli", "Mai", "Jänner", "Dezember", " ", " z", " _", " 1", "x", "_", "ä", "\n",
    "am ", ",", "Gespräch am ",
)  # fmt: skip
GERMAN_TEXT = st.lists(st.sampled_from(GERMAN_PIECES), max_size=16).map("".join)


@given(GERMAN_TEXT)
def test_the_german_date_takes_its_comma_where_it_did(text: str) -> None:
    assert de._GERMAN_DATE.sub(r"\g<0>,", text) == OLD_GERMAN_DATE.sub(r"\1,", text)


def test_the_german_date_takes_its_comma() -> None:
    german = language("de")
    assert german.finish("am Dienstag, dem 7. Juli zwischen 9 und 10 Uhr") == (
        "am Dienstag, dem 7. Juli, zwischen 9 und 10 Uhr"
    )
    assert german.finish("am Donnerstag, den 1. Mai. Danke") == "am Donnerstag, den 1. Mai. Danke"
    assert german.finish("Mittwochs, dem 7. Juli zwischen") == "Mittwochs, dem 7. Juli zwischen"


@given(
    st.lists(
        st.sampled_from(["Tuesday, July 7", "Monday", ", ", "July", " 7", "17", "x", "\n", "٣"]),
        max_size=6,
    ).map("".join)
)
def test_a_us_date_is_found_at_the_end_of_a_value_as_before(value: str) -> None:
    assert _base._us_date_end(value) == (_base._US_DATE_END.search(value) is not None)
