"""How each language writes the words built in Python: one module per language.

`language` returns the one instance per locale, its catalog loaded once;
`._base` holds `Language` (English, the base every language overrides),
`.de`, `.fr` and `.es` the others.
"""

from __future__ import annotations

import gettext
from functools import cache
from importlib import resources

from .._locale import canonical_locale
from ._base import Language
from .de import German
from .es import Spanish
from .fr import French

__all__ = ["DOMAIN", "Language", "language"]


DOMAIN = "followup_rules"
"""The gettext domain: ``locales/<lang>/LC_MESSAGES/followup_rules.mo``."""


_CLASSES: dict[str, type[Language]] = {
    "en": Language,
    "de": German,
    "fr": French,
    "es": Spanish,
}


@cache
def _translations(code: str) -> gettext.NullTranslations:
    """The compiled catalog of a language; English is the source and needs none."""
    if code == "en":
        return gettext.NullTranslations()
    path = resources.files("followup_rules").joinpath("locales")
    for part in (code, "LC_MESSAGES", f"{DOMAIN}.mo"):
        path = path.joinpath(part)
    with path.open("rb") as data:
        return gettext.GNUTranslations(data)


@cache
def language(locale: str) -> Language:
    """The `Language` of *locale* (any spelling `canonical_locale` accepts).

    Raises:
        LookupError: the locale has no translation.
    """
    name = canonical_locale(locale)
    if name is None:
        raise LookupError(locale)
    code = name.partition("_")[0]
    return _CLASSES[code](name, _translations(code))
