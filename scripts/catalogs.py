"""Keep the message catalogs in step with the English templates (needs Babel).

    python scripts/catalogs.py extract      # templates -> locales/followup_rules.pot
    python scripts/catalogs.py update       # the .pot merged into every language's .po
    python scripts/catalogs.py init LANG    # a new language's .po, from the .pot
    python scripts/catalogs.py compile      # every .po -> its .mo (what the library reads)
    python scripts/catalogs.py zones        # CLDR's city names -> locales/zones.json

The English sentences in ``src/followup_rules/templates`` (and the phrases of
``_languages/``) are the source; `tests/test_catalogs.py` fails when the
committed ``.pot``, ``.po``, ``.mo`` or ``zones.json`` fall behind them.
Install the tools with ``pip install -e '.[dev]'``.
"""

from __future__ import annotations

import io
import json
import sys
import zoneinfo
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_cldr_version
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "followup_rules"
LOCALES = PACKAGE / "locales"
DOMAIN = "followup_rules"
POT = LOCALES / f"{DOMAIN}.pot"
LANGUAGES = ("de", "fr", "es")
HEADER: dict[str, Any] = {
    "project": "followup_rules",
    "version": "0.1",
    "copyright_holder": "followup_rules developers",
    "msgid_bugs_address": "followup_rules developers",
    "last_translator": "followup_rules developers",
    "charset": "utf-8",
}


def extract() -> Catalog:
    """A fresh catalog of every English sentence: the templates' and ``_languages/``'s."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options_map = parse_mapping_cfg(config)
    catalog = Catalog(**HEADER)
    catalog.header_comment = (
        "# The English sentences of followup_rules' messages, extracted from the templates.\n"
        "# This file is distributed under the same license as the followup_rules project."
    )
    catalog.language_team = "followup_rules developers"
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE),
        method_map,
        options_map,
        keywords=DEFAULT_KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
        directory_filter=_searched,
    ):
        catalog.add(
            message,
            None,
            [(filename, lineno)],
            auto_comments=comments,
            context=context,
            flags=("python-format",) if _has_placeholder(message) else (),
        )
    return catalog


def _searched(path: str) -> bool:
    """Babel's own filter, without leaving out ``_languages``: a private package is searched."""
    name = Path(path).name
    return not name.startswith(".") and name != "__pycache__"


def _has_placeholder(message: str | tuple[str, ...]) -> bool:
    texts = (message,) if isinstance(message, str) else message
    return any("%(" in text for text in texts)


def _key(message: Any) -> tuple[Any, ...]:
    files = sorted({filename for filename, _ in message.locations})
    return (message.context, message.id, tuple(files))


def po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=99, include_lineno=False, sort_output=True)
    return out.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def po_path(language: str) -> Path:
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def read(path: Path, language: str | None = None) -> Catalog:
    with path.open("rb") as data:
        return read_po(data, locale=language, domain=DOMAIN)


def updated(language: str, template: Catalog) -> Catalog:
    """The language's catalog with the template's messages (new ones untranslated)."""
    path = po_path(language)
    if path.exists():
        catalog = read(path, language)
    else:
        catalog = Catalog(locale=language, domain=DOMAIN, **HEADER)
    catalog.update(template, no_fuzzy_matching=True)
    catalog.obsolete.clear()
    name = Locale.parse(language).english_name
    catalog.header_comment = (
        f"# {name} messages of followup_rules, translated from the English templates.\n"
        "# This file is distributed under the same license as the followup_rules project."
    )
    catalog.language_team = f"{name}, followup_rules developers"
    catalog.last_translator = HEADER["last_translator"]
    catalog.msgid_bugs_address = HEADER["msgid_bugs_address"]
    catalog.revision_date = template.creation_date
    return catalog


def zone_cities() -> dict[str, dict[str, str]]:
    """For each language, the zones whose city CLDR names otherwise than the zone does."""
    table: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        names = Locale.parse(language).time_zones
        own: dict[str, str] = {}
        for key in sorted(zoneinfo.available_timezones()):
            if "/" not in key or key.startswith("Etc/"):
                continue
            city = names.get(key, {}).get("city")
            plain = key.rsplit("/", 1)[1].replace("_", " ")
            if city and city != plain:
                own[key] = city.split(" (")[0]  # "Tripoli (Libye)": the city alone
        table[language] = own
    return table


def zones_json() -> str:
    """``zones.json``: the cities, and the CLDR version they come from."""
    data = {"cldr": get_cldr_version(), "cities": zone_cities()}
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    command = argv[0] if argv else ""
    if command == "extract":
        fresh = extract()
        if POT.exists():  # unchanged sentences keep their date: no churn in the files
            committed = read(POT)
            if {_key(m): " ".join(m.auto_comments) for m in committed if m.id} == {
                _key(m): " ".join(m.auto_comments) for m in fresh if m.id
            }:
                fresh.creation_date = committed.creation_date
        POT.write_bytes(po_bytes(fresh))
    elif command == "update":
        template = read(POT)
        for language in LANGUAGES:
            po_path(language).write_bytes(po_bytes(updated(language, template)))
    elif command == "init" and len(argv) == 2:
        path = po_path(argv[1])
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(po_bytes(updated(argv[1], read(POT))))
    elif command == "compile":
        for path in sorted(LOCALES.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
            catalog = read(path, path.parent.parent.name)
            path.with_suffix(".mo").write_bytes(mo_bytes(catalog))
    elif command == "zones":
        (LOCALES / "zones.json").write_text(zones_json(), encoding="utf-8")
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
