"""Issue 11, item 11: a user template fails with TemplateError within bounded time and memory.

User packs render in `_sandbox.LimitedSandbox`.  Each attack below must stop
with `TemplateError` at a limit (so with a bounded amount of work: the
message says which limit), without ever holding more than a few megabytes.
Work is bounded by counted steps rather than timed: no test reads the clock.
"""

from __future__ import annotations

import tracemalloc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from followup_rules import Action, Interview, TemplateError, TemplatePack, plan
from followup_rules import _sandbox as sandbox

from .factories import interview

# The template is wrapped in subject and body blocks unless it has its own.
ATTACKS = [
    ("range", "{% for i in range(10**9) %}x{% endfor %}", "range() of 1,000,000,000"),
    ("recursive macro", "{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "nest more than 50"),
    ("self include", '{% include "thank_you_email.txt" %}', "more than 20 deep"),
    ("format_map", "{{ '{0}'.format_map({}) }}", "IndexError"),
    ("format_map arguments", "{{ '{a}'.format_map(1, 2) }}", "TypeError"),
    ("string repetition", "{{ 'x' * 10**10 }}", "'*' would hold over 100,000"),
    ("list repetition", "{{ [1, 2] * 10**9 }}", "'*' would hold over 100,000"),
    (
        "nested loops writing",
        "{% for i in 'x' * 100000 %}{% for j in 'x' * 100000 %}x{% endfor %}{% endfor %}",
        "more than 100,000 steps",
    ),
    (
        "nested loops silent",
        "{% for i in 'x' * 100000 %}{% for j in 'x' * 100000 %}{% endfor %}{% endfor %}",
        "more than 100,000 steps",
    ),
    (
        "nested ranges of 100,000",
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "range() of 100,000 numbers",
    ),
    ("huge power", "{{ 2 ** (10 ** 9) }}", "over 10,000 bits"),
    (
        "huge product",
        "{% set ns = namespace(n=2) %}{% for i in range(40) %}"
        "{% set ns.n = ns.n * ns.n %}{% endfor %}",
        "over 10,000 bits",
    ),
    (
        "doubling with ~",
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "'~' would give over 100,000",
    ),
    (
        "doubling with +",
        "{% set ns = namespace(l=[1]) %}{% for i in range(64) %}"
        "{% set ns.l = ns.l + ns.l %}{% endfor %}",
        "'+' would hold over 100,000",
    ),
    ("center filter", "{{ 'x' | center(10000000000) }}", "over 100,000"),
    ("center method", "{{ 'x'.center(10000000000) }}", "over 100,000"),
    ("to_bytes", "{{ (1).to_bytes(1000000000, 'big') }}", "over 100,000"),
    ("format width", "{{ '{:>1000000000}'.format('x') }}", "width or precision over 1000"),
    ("computed width", "{{ '{:>{}}'.format('x', 10**9) }}", "width taken from an argument"),
    ("percent width", "{{ '%1000000000s' % 'x' }}", "width or precision over 1000"),
    ("percent star", "{{ '%*s' % (1000000000, 'x') }}", "width or precision"),
    ("format filter width", "{{ '%1000000000s' | format('x') }}", "width or precision"),
    ("join method", "{{ ('x' * 99999).join(['a'] * 9999) }}", "join() would write over"),
    ("join filter", "{{ ['x' * 60000, 'y' * 60000] | join }}", "join would write over"),
    ("replace method", "{{ ('x' * 99999).replace('', 'yy') }}", "replace() would write over"),
    ("replace filter", "{{ ('x' * 99999) | replace('x', 'yy') }}", "replace would write over"),
    ("indent filter", "{{ ('\\n' * 99999) | indent('y' * 999) }}", "indent would write over"),
    (
        "wordwrap filter",
        "{{ ('x' * 99999) | wordwrap(1, wrapstring='y' * 999) }}",
        "wordwrap would write over",
    ),
    ("batch fill", "{{ [1] | batch(1000000000, 0) | list }}", "over 100,000"),
    ("repetition from the left", "{{ 10**9 * 'x' }}", "'*' would hold over 100,000"),
    ("long text argument", "{{ 'x' | truncate(5, end='y' * 2000) }}", "a text argument of over"),
    (
        "filter result",
        "{{ {'a': 'x' * 60000, 'b': 'y' * 60000} | tojson }}",
        "filter 'tojson' would hold over",
    ),
    ("method result", "{{ ('\u00df' * 60000).upper() }}", "upper() would hold over"),
    ("slice count", "{{ 'x' | slice(1000000000) | list }}", "over 100,000"),
    ("sum of lists", "{{ [[1] * 9999] * 9 | sum(start=[]) }}", "sum adds numbers only"),
    ("translate", "{{ 'x'.translate({120: 'y' * 999}) }}", "translate() is not allowed"),
    ("lipsum", "{{ lipsum(100000) }}", "lipsum() allows at most"),
    (
        "recursive loop",
        "{% for x in range(10) recursive %}{{ loop(range(10)) }}{% endfor %}",
        "nest more than 50",
    ),
    (
        "buffered output",
        "{% set x %}{% for i in range(10000) %}{{ 'x' * 99 }}{% endfor %}{% endset %}",
        "more than 200,000 characters",
    ),
    (
        "macro output",
        "{% macro m() %}{% for i in range(10000) %}{{ 'x' * 99 }}{% endfor %}{% endmacro %}"
        "{% set x = m() %}",
        "more than 200,000 characters",
    ),
    ("streamed output", "{{ 'x' * 99999 }}{{ 'x' * 99999 }}{{ 'x' * 99999 }}", "200,000"),
    ("literal output", "{% for i in range(10000) %}" + "x" * 50 + "{% endfor %}", "200,000"),
    ("mutation", "{% set l = [1] %}{{ l.append(2) }}", "unsafe"),
    ("internals", "{{ ''.__class__.__mro__ }}", "unsafe"),
    ("division by zero", "{{ 1 / 0 }}", "ZeroDivisionError"),
    ("deep nesting", "{{ " + "(" * 3000 + "1" + ")" * 3000 + " }}", "nests too deeply"),
]


def _thank_you(iv: Interview) -> Action:
    return next(a for a in plan(iv) if a.template == "thank_you_email")


def _render_user_template(folder: Path, source: str) -> None:
    if "{% block" not in source and "{% extends" not in source:
        source = "{% block subject %}S{% endblock %}{% block body %}" + source + "{% endblock %}"
    (folder / "thank_you_email.txt").write_text(source, encoding="utf-8")
    iv = interview()
    TemplatePack(folder).render(_thank_you(iv), iv)


@pytest.mark.parametrize(
    ("source", "limit"), [a[1:] for a in ATTACKS], ids=[a[0] for a in ATTACKS]
)
def test_an_attack_stops_at_a_limit_with_template_error(
    tmp_path: Path, source: str, limit: str
) -> None:
    """Each hostile template stops with TemplateError naming the limit, in a few megabytes."""
    tracemalloc.start()
    try:
        with pytest.raises(TemplateError) as caught:
            _render_user_template(tmp_path, source)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert message.startswith("thank_you_email.txt: ")
    assert limit in message
    assert "\n" not in message
    assert peak < 20_000_000


def test_exponentially_many_calls_stop_at_the_step_limit(tmp_path: Path) -> None:
    """Forty macros each calling the one before twice: 2**40 calls, stopped after 100,000.

    Not under tracemalloc (which slows each call tenfold); the memory is a few frames.
    """
    source = "{% macro a0() %}{% endmacro %}" + "".join(
        f"{{% macro a{n}() %}}{{{{ a{n - 1}() }}}}{{{{ a{n - 1}() }}}}{{% endmacro %}}"
        for n in range(1, 40)
    )
    with pytest.raises(TemplateError, match="more than 100,000 steps"):
        _render_user_template(tmp_path, source + "{{ a39() }}")


def test_a_template_extending_itself_stops(tmp_path: Path) -> None:
    """{% extends %} of itself is stopped at the template depth limit."""
    with pytest.raises(TemplateError, match="more than 20 deep"):
        _render_user_template(tmp_path, '{% extends "thank_you_email.txt" %}')


def test_includes_in_a_loop_count_as_steps(tmp_path: Path) -> None:
    """Every include is a step: 10,000 x 11 includes stop at the step limit."""
    (tmp_path / "_part.txt").write_text("x", encoding="utf-8")
    with pytest.raises(TemplateError, match="more than 100,000 steps"):
        _render_user_template(
            tmp_path,
            "{% for i in range(10000) %}{% for j in range(10) %}"
            '{% include "_part.txt" %}{% endfor %}{% endfor %}',
        )


def test_a_too_long_source_is_refused(tmp_path: Path) -> None:
    """A template longer than MAX_SOURCE characters is refused before it is parsed."""
    with pytest.raises(TemplateError, match="longer than 200,000 characters"):
        _render_user_template(tmp_path, "x" * (sandbox.MAX_SOURCE + 1))


def test_ordinary_templates_still_work(tmp_path: Path) -> None:
    """Macros, loops, includes, format and filters render as usual in the limited sandbox."""
    (tmp_path / "_sign.txt").write_text("-- {{ candidate_name }}", encoding="utf-8")
    (tmp_path / "thank_you_email.txt").write_text(
        "{% macro item(t) %}* {{ t | title }}{% endmacro %}"
        "{% block subject %}{{ '{} at {}'.format('Thanks', company) }}{% endblock %}"
        "{% block body %}{% for t in ['one', 'two'] %}{{ item(t) }}\n{% endfor %}"
        "{{ '%s items' % 2 }} {{ range(3) | join(',') }} {{ 'ab' * 2 }}\n"
        '{% with candidate_name = "Sam" %}{% include "_sign.txt" %}{% endwith %}{% endblock %}',
        encoding="utf-8",
    )
    iv = interview()
    message = TemplatePack(tmp_path).render(_thank_you(iv), iv)
    assert message.subject == "Thanks at Acme Analytics"
    assert message.text == "* One\n* Two\n2 items 0,1,2 abab\n-- Sam"


def test_the_limits_are_per_render(tmp_path: Path) -> None:
    """A render that uses most of a budget can run again and again: nothing accumulates."""
    (tmp_path / "thank_you_email.txt").write_text(
        "{% block subject %}S{% endblock %}{% block body %}"
        "{% for i in range(9000) %}{% for j in range(9) %}{% endfor %}{% endfor %}ok"
        "{% endblock %}",
        encoding="utf-8",
    )
    iv = interview()
    pack = TemplatePack(tmp_path)
    for _ in range(4):
        assert pack.render(_thank_you(iv), iv).text == "ok"


def test_each_thread_has_its_own_budget(tmp_path: Path) -> None:
    """Renders in several threads at once do not share their budget."""
    (tmp_path / "thank_you_email.txt").write_text(
        "{% block subject %}S{% endblock %}{% block body %}"
        "{% for i in range(9000) %}{% for j in range(9) %}{{ '' }}{% endfor %}{% endfor %}ok"
        "{% endblock %}",
        encoding="utf-8",
    )
    iv = interview()
    pack = TemplatePack(tmp_path)
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda _: pack.render(_thank_you(iv), iv).text, range(8)))
    assert texts == ["ok"] * 8


def test_problems_are_one_short_line() -> None:
    """Whatever a template raised, the TemplateError message is one line of at most 300."""
    assert sandbox.problem(ValueError("a\nb" * 1000)).startswith("ValueError: a b")
    assert len(sandbox.problem(ValueError("x" * 10_000))) == 300
    assert sandbox.problem(RecursionError()) == "the template nests too deeply (recursion limit)"
    assert sandbox.problem(MemoryError()) == "the template ran out of memory"
    assert sandbox.problem(ValueError("bad \ud800")) == "ValueError: bad \\ud800"


def test_lipsum_within_its_limits_still_works(tmp_path: Path) -> None:
    """A small lipsum() is allowed: the limit refuses only large requests."""
    (tmp_path / "thank_you_email.txt").write_text(
        "{% block subject %}S{% endblock %}"
        "{% block body %}{{ lipsum(1, html=False, min=5, max=6) | wordcount }}{% endblock %}",
        encoding="utf-8",
    )
    iv = interview()
    assert TemplatePack(tmp_path).render(_thank_you(iv), iv).text in ("5", "6")


def test_the_environment_outside_a_render(tmp_path: Path) -> None:
    """Called from Python, outside any render, the sandbox still works and stays bounded."""
    environment = TemplatePack(tmp_path).environment
    template = environment.from_string("{{ x }}")
    assert environment.call(template.new_context({}), len, "abc") == 3
    assert environment.filters.get("no such filter") is None
    assert hash(template.root_render_func) == hash(template.root_render_func.render)  # type: ignore[attr-defined]
    with pytest.raises(sandbox.ResourceLimitError):
        environment.call(template.new_context({}), "x".center, 10**9)
