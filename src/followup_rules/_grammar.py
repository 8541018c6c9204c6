"""English grammar the templates need: "a" or "an" by sound, and lists.

The article goes by how the next word *sounds*, not how it is spelt:

1. An initialism (a word of two to five capitals, or a single letter, as in
   "SRE", "MBA", "UX", "A/B") is read letter by letter: "an" before the
   letters whose names start with a vowel sound (A, E, F, H, I, L, M, N, O,
   R, S, X), "a" before the others ("an SRE", "an MBA intern", "a UX
   designer").  A few acronyms read as words ("NASA", "NATO", "UNICEF") are
   listed in ``_SPOKEN``.
2. A number goes by how it is said: "an 8-week contract", "an 11-month
   role", "an 18", "a 1-year", "an 11000-strong team" (eleven thousand), but "a
   110000-euro budget" (a hundred and ten thousand).
3. A word starting with a vowel letter takes "an", except where the vowel
   sounds like "you" or "w" ("a user researcher", "a university lecturer",
   "a European", "a one-off"): the prefixes in ``_CONSONANT_SOUND``.
4. A word starting with a silent "h" takes "an" ("an hourly worker", "an
   honours graduate"): the prefixes in ``_SILENT_H``.
5. Everything else takes "a" ("a Data Engineer", "a Head of Sales").

No rule list is perfect; a user overrides the article of a role with the
render detail ``role_article="an"`` (or ``"a"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["counted", "indefinite_article", "join_words", "with_article"]

_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")
_CONSONANT_SOUND = (
    "uni",
    "usa",
    "use",
    "usi",
    "usu",
    "uti",
    "ute",
    "uto",
    "ubiq",
    "uk",
    "ura",
    "ure",
    "uri",
    "uro",
    "uvu",
    "eu",
    "ewe",
    "one",
    "once",
    "ouija",
)
# ... but these start with the "un-" of "unhappy", or "ur" as in "urban".
_VOWEL_SOUND_AFTER_ALL = ("unin", "unim", "unid", "urb", "urg", "urn")
_SILENT_H = ("hour", "honest", "honor", "honour", "heir", "herb")
_SPOKEN = {"NASA": "a", "NATO": "a", "UNICEF": "a", "UNESCO": "a", "OSHA": "an", "FEMA": "a"}
_FIRST_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def indefinite_article(phrase: str) -> str:
    """``"a"`` or ``"an"`` for the phrase that follows it, by sound (see the module doc)."""
    match = _FIRST_WORD.search(phrase)
    if match is None:
        return "a"
    word = match.group()
    if word in _SPOKEN:
        return _SPOKEN[word]
    if word[0].isdigit():
        digits = re.match(r"\d+", word)
        number = digits.group() if digits else word
        # eight..., or eleven or eighteen (thousand, million): 2, 5, 8 digits ("an 11",
        # "an 11000-strong team"); 110000 is "a hundred and ten thousand"
        if number.startswith("8") or (len(number) % 3 == 2 and number[:2] in ("11", "18")):
            return "an"
        return "a"
    if len(word) == 1 or (word.isupper() and len(word) <= 5 and word.isalpha()):
        return "an" if word[0].upper() in _VOWEL_LETTER_NAMES else "a"
    lower = word.casefold()
    if lower.startswith(_SILENT_H):
        return "an"
    if lower[0] in "aeiou":
        if lower.startswith(_CONSONANT_SOUND) and not lower.startswith(_VOWEL_SOUND_AFTER_ALL):
            return "a"
        return "an"
    return "a"


def with_article(phrase: str, article: str | None = None) -> str:
    """*phrase* after its indefinite article: ``"an Operations Analyst"``."""
    return f"{article or indefinite_article(phrase)} {phrase}"


def join_words(items: Iterable[str], conjunction: str = "and") -> str:
    """'a', 'a and b', 'a, b and c' (no serial comma, as the messages are written)."""
    words = [str(item) for item in items]
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun in the number it takes: "1 step", "3 steps", "0 steps"
    (*plural* when it is not *noun* + "s": "1 business day", "2 business days")."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"
