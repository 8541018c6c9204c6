"""The locales the built-in messages are written in, by name only.

Kept apart from `followup_rules._languages` (which loads catalogs and knows
grammar) so that the model can check `Candidate.language` without importing
anything heavier than this table.
"""

from __future__ import annotations

import re

__all__ = ["LOCALES", "canonical_locale", "locale_for"]

# Each translated language, and the regions it is also accepted for.  A region
# maps to its language: the catalog is the language's, and only what differs
# by region is written differently (the clock in the United States, "Jänner"
# in Austria, "ss" for "ß" in Switzerland; see `followup_rules._languages`).
_REGIONS = {
    "en": ("US", "GB", "AU", "NZ"),
    "de": ("DE", "AT", "CH"),
    "fr": ("FR", "BE", "CA", "CH"),
    "es": ("ES", "MX", "AR", "CO", "CL"),
}

LOCALES: tuple[str, ...] = tuple(
    name
    for language, regions in _REGIONS.items()
    for name in (language, *(f"{language}_{region}" for region in regions))
)
"""Every locale the built-in pack writes wholly in its language."""

_SHAPE = re.compile(r"^([A-Za-z]{2,3})(?:[_-]([A-Za-z]{2}))?$")
_KNOWN = {name.casefold(): name for name in LOCALES}


def canonical_locale(name: str) -> str | None:
    """*name* as `LOCALES` spells it (``"de-at"`` is ``"de_AT"``), or None if untranslated."""
    match = _SHAPE.match(name)
    if match is None:
        return None
    language, region = match.groups()
    key = language if region is None else f"{language}_{region}"
    return _KNOWN.get(key.casefold())


def is_locale_name(name: str) -> bool:
    """Whether *name* has the shape of a locale (``en``, ``en_GB``, ``de-AT``)."""
    return _SHAPE.match(name) is not None


_BRITISH_ZONES = frozenset(
    {
        "Europe/London",
        "Europe/Belfast",
        "Europe/Jersey",
        "Europe/Guernsey",
        "Europe/Isle_of_Man",
        "Europe/Dublin",
        "GB",
        "Eire",
    }
)
"""Zones whose English writes "Tuesday 7 July" and "10:00" (British and Irish usage)."""


_DAY_FIRST_ZONES = {"Pacific/Auckland": "en_NZ", "Pacific/Chatham": "en_NZ", "NZ": "en_NZ"}
"""New Zealand's zones; Australia's are every ``Australia/...`` zone."""


def locale_for(language: str | None, zone: str | None) -> str:
    """The locale a candidate's messages are written in: their language when given, else
    English as written where they live: British in the United Kingdom and Ireland (by
    their zone, review 0.2 m16), Australian and New Zealand English there ("Monday 10
    August", "Mr Smith", "10 am"), American elsewhere."""
    if language:
        return language
    if zone in _BRITISH_ZONES:
        return "en_GB"
    if zone is not None and zone.startswith("Australia/"):
        return "en_AU"
    return _DAY_FIRST_ZONES.get(zone or "", "en")
