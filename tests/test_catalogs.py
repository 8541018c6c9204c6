"""Issue 13: the catalogs stay in step with the English templates.

The English sentences of the templates are the single source: the ``.pot``
must be what Babel extracts from them now, every language's ``.po`` must
translate every one of them (no fuzzy, no empty entry, the placeholders its
call passes), and the compiled ``.mo`` files the library reads must be what
the ``.po`` files compile to.  A new English sentence therefore fails here
until `scripts/catalogs.py` has been run and the translators have done their
part.
"""

from __future__ import annotations

import gettext
import importlib.util
import io
import re
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import jinja2
import jinja2.nodes
import pytest
from babel.core import get_cldr_version
from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("de", "fr", "es")
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "scripts" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


tool = _load_tool()


def _key(message: Any) -> tuple[str | None, Any]:
    return (message.context, message.id)


def _entries(catalog: Catalog) -> dict[tuple[str | None, Any], Any]:
    return {_key(message): message for message in catalog if message.id}


def _texts(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _names(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


def _template_calls() -> dict[str, set[str]]:
    """Each template sentence, and the names its gettext calls pass (role=role, ...)."""
    environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])
    passed: dict[str, set[str]] = {}
    for path in sorted((ROOT / "src" / "followup_rules" / "templates").glob("*.txt")):
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for call in tree.find_all(jinja2.nodes.Call):
            function = call.node
            if not isinstance(function, jinja2.nodes.Name):
                continue
            if function.name not in ("_", "gettext", "ngettext"):
                continue
            count = 2 if function.name == "ngettext" else 1
            names = {keyword.key for keyword in call.kwargs}
            for argument in call.args[:count]:
                assert isinstance(argument, jinja2.nodes.Const)
                passed.setdefault(argument.value, set()).update(names)
    return passed


@pytest.fixture(scope="module")
def template() -> Catalog:
    return tool.read(tool.POT)


class TestTheSourceIsTheEnglishTemplates:
    def test_the_pot_is_a_fresh_extraction(self, template: Catalog) -> None:
        """Every English sentence of the templates and of _languages/ is in the .pot, and
        nothing else: a sentence added, changed or dropped needs ``catalogs.py extract``."""
        fresh = _entries(tool.extract())
        committed = _entries(template)
        assert sorted(fresh, key=str) == sorted(committed, key=str)
        for key, message in fresh.items():
            # the .pot wraps long comments; what they say must be the same
            said = " ".join(committed[key].auto_comments)
            assert said == " ".join(message.auto_comments), key

    def test_every_template_sentence_is_a_gettext_call(self) -> None:
        """No English words outside gettext calls: a template's text between its tags is
        punctuation, list dashes and layout only."""
        environment = jinja2.Environment(extensions=["jinja2.ext.i18n"])
        for path in sorted((ROOT / "src" / "followup_rules" / "templates").glob("*.txt")):
            tree = environment.parse(path.read_text(encoding="utf-8"))
            for data in tree.find_all(jinja2.nodes.TemplateData):
                words = re.findall(r"[A-Za-z]{2,}", data.data)
                assert words in ([], ["Re"]), (path.name, data.data)


_ENGLISH_GRAMMAR = frozenset({"a_role", "they", "their", "them"})
"""Placeholders that only English needs: the role's article, the recipient's pronouns."""


@pytest.mark.parametrize("language", LANGUAGES)
class TestEachCatalog:
    def test_every_sentence_is_translated(self, language: str, template: Catalog) -> None:
        """The .po has exactly the .pot's messages, each translated, none fuzzy."""
        catalog = tool.read(tool.po_path(language), language)
        assert not catalog.fuzzy
        entries = _entries(catalog)
        assert sorted(entries, key=str) == sorted(_entries(template), key=str)
        for key, message in entries.items():
            assert "fuzzy" not in message.flags, key
            strings = _texts(message.string)
            assert len(strings) == (catalog.num_plurals if message.pluralizable else 1), key
            assert all(text.strip() for text in strings), key

    def test_the_plural_forms_are_the_languages(self, language: str) -> None:
        """ngettext picks the form by the catalog's Plural-Forms, which Babel takes from
        CLDR: in French 0 and 1 are singular, and a million takes "de" in French and
        Spanish ("1 000 000 de jours")."""
        catalog = tool.read(tool.po_path(language), language)
        assert catalog.plural_forms == Catalog(locale=language).plural_forms
        with tool.po_path(language).with_suffix(".mo").open("rb") as data:
            translations = gettext.GNUTranslations(data)
        day, days = "within a day", "within %(count)s days"
        singular = translations.npgettext("decision", day, days, 1)
        assert translations.npgettext("decision", day, days, 0) == (
            singular if language == "fr" else translations.npgettext("decision", day, days, 2)
        )
        if catalog.num_plurals == 3:
            assert " de " in translations.npgettext("decision", day, days, 1_000_000)

    def test_placeholders_are_those_the_call_passes(
        self, language: str, template: Catalog
    ) -> None:
        """A translation fills in only what its call passes (the English placeholders, or a
        name passed for other languages, such as the role without its English article), and
        drops none but what is English grammar: the article's ``a_role`` and the pronouns
        of the talking points (``they``, ``their``, ``them``: "he", "her"...)."""
        calls = _template_calls()
        catalog = tool.read(tool.po_path(language), language)
        for message in catalog:
            if not message.id:
                continue
            sources = _texts(message.id)
            allowed = set().union(*map(_names, sources)) | calls.get(sources[0], set())
            for index, text in enumerate(_texts(message.string)):
                # the first form translates the singular, the others the plural
                english = _names(sources[min(index, len(sources) - 1)])
                used = _names(text)
                assert used <= allowed, (message.id, text)
                assert english - _ENGLISH_GRAMMAR <= used, (message.id, text)
                assert "%" not in _PLACEHOLDER.sub("", text), (message.id, text)

    def test_the_compiled_catalog_is_the_po_compiled(self, language: str) -> None:
        """The .mo the library reads holds what Babel compiles from the .po today."""
        path = tool.po_path(language)
        fresh = gettext.GNUTranslations(io.BytesIO(tool.mo_bytes(tool.read(path, language))))
        with path.with_suffix(".mo").open("rb") as data:
            shipped = gettext.GNUTranslations(data)
        assert shipped._catalog == fresh._catalog  # type: ignore[attr-defined]
        assert shipped.info() == fresh.info()


def test_zone_cities_are_cldrs() -> None:
    """The city names of zones.json are CLDR's (through Babel), where they differ from the
    zone's own name ("America/Mexico_City" is "Mexiko-Stadt", "Ciudad de México")."""
    import json

    committed = json.loads(
        (ROOT / "src" / "followup_rules" / "locales" / "zones.json").read_text(encoding="utf-8")
    )
    if committed["cldr"] != get_cldr_version():
        pytest.skip(f"Babel has CLDR {get_cldr_version()}; zones.json has {committed['cldr']}")
    assert committed["cities"] == tool.zone_cities()


def test_the_wheel_ships_the_catalogs(tmp_path: Path) -> None:
    """The built wheel holds every .mo the library reads, the .po sources and the zones."""
    from hatchling.builders.wheel import WheelBuilder

    (wheel,) = WheelBuilder(str(ROOT)).build(directory=str(tmp_path), versions=["standard"])
    names = set(zipfile.ZipFile(wheel).namelist())
    for language in LANGUAGES:
        folder = f"followup_rules/locales/{language}/LC_MESSAGES"
        for suffix in ("mo", "po"):
            assert f"{folder}/followup_rules.{suffix}" in names
    assert "followup_rules/locales/zones.json" in names
    assert "followup_rules/locales/followup_rules.pot" in names
