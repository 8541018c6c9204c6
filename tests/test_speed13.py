"""Work `render()` no longer does in Jinja (issue 20, thirteenth pass): each test of a count
fails on the code before it, and the others check that the built-in pack writes what a
stock Jinja environment writes from the same templates, catalog and values."""

from __future__ import annotations

import importlib
from collections import ChainMap, Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import jinja2
import jinja2.ext
import jinja2.runtime
import jinja2.utils
import markupsafe
import pytest

from followup_rules import Action, Interview, TemplatePack, plan, render
from followup_rules import messages as messages_module
from followup_rules.messages import default_pack

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
LANGUAGES = ("en", "de", "fr", "es", "fr_CA", "de_CH")


def _bench(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    return importlib.import_module("bench")


def _messages(
    monkeypatch: pytest.MonkeyPatch, locale: str, count: int = 40
) -> Iterator[tuple[Action, Interview]]:
    """Every message of the plans of *count* of the benchmark's interviews, with and without
    their histories, the candidates writing in *locale*."""
    bench = _bench(monkeypatch)
    for interview, history in bench.population(count):
        interview = attrs.evolve(
            interview, candidate=attrs.evolve(interview.candidate, language=locale)
        )
        for events in ((), history):
            for action in plan(interview, history=events):
                if action.template is not None:
                    yield action, interview


def _stock(pack: TemplatePack) -> jinja2.Environment:
    """A stock Jinja environment over the built-in templates, its gettext functions as the
    pack had them before this pass: taking the context, ``_`` the i18n extension's."""
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("followup_rules", "templates"),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html",), default=False),
        undefined=jinja2.StrictUndefined,
        auto_reload=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
        extensions=[jinja2.ext.i18n],
    )
    translations = pack.language.translations
    fill = pack.language.fill

    def filled(context: jinja2.runtime.Context, text: Any, variables: dict[str, Any]) -> str:
        if context.eval_ctx.autoescape:
            text = markupsafe.Markup(text)
        return fill(text, variables)

    @jinja2.pass_context
    def gettext(context: jinja2.runtime.Context, message: str, /, **variables: Any) -> str:
        return filled(context, translations.gettext(message), variables)

    @jinja2.pass_context
    def ngettext(
        context: jinja2.runtime.Context, one: str, many: str, count: int, /, **variables: Any
    ) -> str:
        variables.setdefault("num", count)
        return filled(context, translations.ngettext(one, many, count), variables)

    @jinja2.pass_context
    def pgettext(
        context: jinja2.runtime.Context, where: str, message: str, /, **variables: Any
    ) -> str:
        return filled(context, translations.pgettext(where, message), variables)

    @jinja2.pass_context
    def npgettext(
        context: jinja2.runtime.Context,
        where: str,
        one: str,
        many: str,
        count: int,
        /,
        **variables: Any,
    ) -> str:
        variables.setdefault("num", count)
        return filled(context, translations.npgettext(where, one, many, count), variables)

    environment.globals.update(
        gettext=gettext, ngettext=ngettext, pgettext=pgettext, npgettext=npgettext
    )
    environment.filters.update(pack.environment.filters)
    return environment


@pytest.mark.parametrize("locale", LANGUAGES)
def test_the_built_in_pack_writes_what_stock_jinja_writes(
    monkeypatch: pytest.MonkeyPatch, locale: str
) -> None:
    """The subject and body blocks of every message of the benchmark's plans, rendered by
    the pack's environment (its contexts, its calls of the gettext functions, its look-up
    of includes) and by a stock one with the extension's ``_`` and gettext functions that
    take the whole context: the same text, byte for byte, in each language."""
    pack = default_pack(locale)
    stock = _stock(pack)
    seen = 0
    for action, interview in _messages(monkeypatch, locale):
        values = pack.context(action, interview)
        name = f"{action.template}.txt"
        for brief in (0, 1, 2):
            values["brief"] = brief
            ours = pack._subject_and_body(pack.get(str(action.template)), values, name)
            theirs = pack._subject_and_body(stock.get_template(name), values, name)
            assert ours == theirs, (locale, name, brief)
            seen += 1
    assert seen > 300


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_no_sentence_copies_the_context(monkeypatch: pytest.MonkeyPatch, locale: str) -> None:
    """A sentence (``_()``) inside a block that sets variables of its own made Jinja copy
    the whole context, about 120 variables, for the call (`Context.derived`): the
    gettext functions took the context though all they read is whether the template
    autoescapes.  Over the benchmark's plans, no built-in message makes one now."""
    derived = Counter[str]()
    original = jinja2.runtime.Context.derived

    def counted(self: jinja2.runtime.Context, locals: dict[str, Any] | None = None) -> Any:
        derived[str(self.name)] += 1
        return original(self, locals)

    monkeypatch.setattr(jinja2.runtime.Context, "derived", counted)
    rendered = [render(action, interview) for action, interview in _messages(monkeypatch, locale)]
    assert len(rendered) > 100
    assert not derived, derived.most_common(5)


def test_includes_and_contexts_skip_jinja_s_bookkeeping(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once its templates are loaded, the built-in pack renders without Jinja's locked LRU
    cache (an include found in a plain dictionary), without reading a template's globals
    through their `ChainMap`, and without probing what its gettext functions take."""
    messages = list(_messages(monkeypatch, "de", count=15))
    for action, interview in messages:  # every template and include loaded
        render(action, interview)
    counts = Counter[str]()

    def counting(name: str, function: Any) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            counts[name] += 1
            return function(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(jinja2.utils.LRUCache, "get", counting("cache", jinja2.utils.LRUCache.get))
    monkeypatch.setattr(
        jinja2.utils._PassArg,
        "from_obj",
        classmethod(counting("probe", jinja2.utils._PassArg.from_obj.__func__)),  # type: ignore[attr-defined]
    )
    monkeypatch.setattr(ChainMap, "__iter__", counting("chain", ChainMap.__iter__))
    for action, interview in messages:
        render(action, interview)
    assert counts == Counter(), counts


def test_a_user_pack_keeps_jinja_s_underscore(tmp_path: Path) -> None:
    """A pack with templates of one's own keeps the i18n extension's ``_`` (which reads
    ``gettext`` from the template's context) and Jinja's own environment: only the
    built-in pack, whose templates never change, takes the shortcuts."""
    (tmp_path / "ask_timeline.txt").write_text(
        "{% block subject %}{{ _('Thank you') }}{% endblock %}"
        "{% block body %}{% set who = 'x' %}{{ _('Kind regards,') }} {{ who }}{% endblock %}"
    )
    pack = TemplatePack(tmp_path, locale="fr")
    assert pack.environment.globals["_"] is jinja2.ext._gettext_alias
    assert not isinstance(pack.environment, messages_module._BuiltinEnvironment)
    builtin = default_pack("fr").environment
    assert builtin.globals["_"] is builtin.globals["gettext"]
    assert isinstance(builtin, messages_module._BuiltinEnvironment)


def test_the_built_in_context_still_calls_as_jinja_calls() -> None:
    """The shortcut for the gettext functions leaves every other call to Jinja: calling
    an undefined name is the same error, a plain function gets its arguments as Jinja
    gives them, and a sentence in an autoescaped template escapes its values, as the
    stock environment does."""
    pack = default_pack("en")
    stock = _stock(pack)
    for environment in (pack.environment, stock):
        with pytest.raises(jinja2.UndefinedError, match="'nowhere' is undefined"):
            environment.from_string("{{ nowhere('x') }}").render()
    sources = (
        "{% set n = 2 %}{{ twice(n) }} {{ _('Kind regards,') }} {{ gettext('Kind regards,') }}",
        "{% for n in [1, 2] %}{{ ngettext('%(num)s day', '%(num)s days', n) }} {% endfor %}",
        "{{ _('%(who)s & co', who='<b>') }} {{ pgettext('sign-off', 'Best regards,') }}",
        "{% block body %}{% set who = '<i>' %}{{ _('%(who)s', who=who) }}{% endblock %}",
    )
    for source in sources:
        ours = pack.environment.from_string(source).render(twice=lambda value: value * 2)
        theirs = stock.from_string(source).render(twice=lambda value: value * 2)
        assert ours == theirs, source
    assert "&lt;b&gt; & co" in pack.environment.from_string(sources[2]).render()
