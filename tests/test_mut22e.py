"""Mutation pass 22 (mut22e): the sandbox's limits and the command's entry point.

Each test pins behaviour a user of a template pack or of the ``followup``
command relies on, which the mutants of ``_sandbox`` and ``_command`` showed
no test told apart.
"""

from __future__ import annotations

import builtins
import os
import re
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from followup_rules import TemplatePack, _command
from followup_rules import _sandbox as sandbox
from followup_rules._sandbox import _size


class TestAProblemIsOneReadableLine:
    """`problem` is the one line a `TemplateError` gives for what a template raised."""

    def test_an_error_without_a_message_is_named_alone(self) -> None:
        assert sandbox.problem(ValueError()) == "ValueError"
        assert sandbox.problem(KeyError("")) == "KeyError: ''"

    def test_a_line_of_exactly_300_is_kept_whole(self) -> None:
        text = "x" * 300
        assert sandbox.problem(sandbox.ResourceLimitError(text)) == text

    def test_a_longer_line_is_cut_to_300_with_an_ellipsis(self) -> None:
        line = sandbox.problem(sandbox.ResourceLimitError("x" * 301))
        assert line == "x" * 297 + "..."


def _render(source: str, tmp_path: Path) -> str:
    return TemplatePack(tmp_path).environment.from_string(source).render()


class TestTheCommandWithoutClick:
    """`followup` without its extra says, in exactly one line, what to install."""

    LINE = (
        "followup: error: the command line needs the 'cli' extra "
        "(missing: {}): pip install 'followup-rules[cli]'\n"
    )

    def test_the_line_names_the_missing_module(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setitem(sys.modules, "click", None)  # import click fails
        with pytest.raises(SystemExit) as stop:
            _command.main()
        assert stop.value.code == 2
        assert capsys.readouterr().err == self.LINE.format("click")

    def test_an_import_error_without_a_name_still_names_click(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        real_import = builtins.__import__

        def broken(name: str, *args: Any, **kwargs: Any) -> Any:
            if name == "click":
                raise ImportError("a broken install")  # no module name on it
            return real_import(name, *args, **kwargs)

        monkeypatch.delitem(sys.modules, "click", raising=False)
        monkeypatch.setattr(builtins, "__import__", broken)
        with pytest.raises(SystemExit) as stop:
            _command.main()
        assert stop.value.code == 2
        assert capsys.readouterr().err == self.LINE.format("click")


class TestWhatASizeCounts:
    """`_size`, which every size limit reads: what a value stands for once written out."""

    def test_text_counts_its_characters(self) -> None:
        assert [_size("abc"), _size(b"ab"), _size(bytearray(b"abcd"))] == [3, 2, 4]

    def test_a_number_counts_about_its_digits_and_never_under(self) -> None:
        for number in (0, 7, 8, 999, 10**20, 10**3000):
            assert _size(number) >= len(str(number))
        assert _size(10**3000) < 4000
        assert _size(True) == _size(None) == _size(1.5) == 1  # anything else counts one

    def test_a_container_counts_its_items_and_each_item(self) -> None:
        assert _size(["ab", "c"]) == 2 + 3
        assert _size(("ab",)) == _size({"ab"}) == _size(frozenset({"ab"})) == 1 + 2
        assert _size({"ab": "cde"}) == 1 + 2 + 3
        assert _size({"a": None, "b": 1.5}) == 2 + 1 + 1 + 1 + 1
        assert _size(["ab", {"c": "d"}]) == 2 + 2 + 1 + 1 + 1
        assert _size([None, 1.5, True]) == 3 + 1 + 1 + 1
        assert _size([[1]]) == 1 + 1 + 1

    def test_a_shared_item_counts_every_time_it_is_written(self) -> None:
        word = "x" * 10
        assert _size([word, word, word]) == 3 + 30

    def test_counting_stops_just_past_the_limit(self) -> None:
        assert _size("x" * 10, limit=3) == 10
        assert _size([["x" * 10] * 3], limit=5) == 1 + 3 + 10
        assert _size(list(range(11)), limit=10) == 11  # too many items: not opened
        assert _size({n: n for n in range(11)}, limit=10) == 11
        assert _size(list(range(10)), limit=10) > 10  # as many as the limit: opened
        assert _size({n: n for n in range(10)}, limit=10) > 10


def test_a_first_render_in_a_new_thread(tmp_path: Path) -> None:
    """A thread that never rendered can render (its budget starts there)."""
    template = TemplatePack(tmp_path).environment.from_string("{{ 'x' * 3 }}")
    with ThreadPoolExecutor(1) as pool:
        assert pool.submit(template.render).result() == "xxx"


def test_a_stream_started_outside_still_counts_to_the_render_reading_it(
    tmp_path: Path,
) -> None:
    """A template's stream begun in Python and read by another render: each chunk the
    reader writes counts to the reader's own output limit."""
    environment = TemplatePack(tmp_path).environment
    inner = environment.from_string("{% for i in range(60) %}{{ 'x' * 1000 }}{% endfor %}")
    reader = environment.from_string(
        "{{ half }}{{ half }}{{ half }}{% for c in stream %}{{ c }}{% endfor %}"
    )

    def started() -> Iterator[str]:
        stream = inner.generate()
        next(stream)  # begun outside any render: it keeps its own budget
        return stream

    assert len(reader.render(half="h" * 40_000, stream=started())) == 120_000 + 59_000
    with pytest.raises(sandbox.ResourceLimitError, match="output limit"):
        reader.render(half="h" * 50_000, stream=started())


def test_a_template_file_changed_on_disk_is_read_again(tmp_path: Path) -> None:
    """Counting templates keep Jinja's up-to-date check: an edited file is reloaded."""
    page = tmp_path / "page.txt"
    page.write_text("old", encoding="utf-8")
    environment = TemplatePack(tmp_path).environment
    assert environment.get_template("page.txt").render() == "old"
    page.write_text("new", encoding="utf-8")
    os.utime(page, (page.stat().st_atime, page.stat().st_mtime + 10))
    assert environment.get_template("page.txt").render() == "new"


class TestOutsideARender:
    """Template code run from Python, outside any render, still runs (on a spare budget)."""

    def test_a_macro_called_from_a_thread_that_never_rendered(self, tmp_path: Path) -> None:
        environment = TemplatePack(tmp_path).environment
        source = "{% macro m(n) %}x{{ n }}{% endmacro %}"  # no call in it: calls get a budget
        module = environment.from_string(source).module
        with ThreadPoolExecutor(1) as pool:
            macro = getattr(module, "m")  # noqa: B009  (a name the template defines)
            assert pool.submit(lambda: str(macro(3))).result() == "x3"


class TestBlocksStillWork:
    """Block render functions are wrapped to count, and Jinja still finds them."""

    def test_super_reaches_each_parent_in_turn(self, tmp_path: Path) -> None:
        (tmp_path / "base.txt").write_text("[{% block b %}A{% endblock %}]")
        (tmp_path / "mid.txt").write_text(
            "{% extends 'base.txt' %}{% block b %}B{{ super() }}{% endblock %}"
        )
        (tmp_path / "top.txt").write_text(
            "{% extends 'mid.txt' %}{% block b %}C{{ super() }}{% endblock %}"
        )
        environment = TemplatePack(tmp_path).environment
        assert environment.get_template("top.txt").render() == "[CBA]"

    def test_a_block_written_again_through_self(self, tmp_path: Path) -> None:
        source = "{% block a %}x{% endblock %}{{ self.a() }}"
        assert _render(source, tmp_path) == "xx"

    def test_a_wrapped_block_is_its_block_and_no_other(self) -> None:
        """Equal to the function it wraps (and hashed alike), as Jinja's lookups need."""

        def block(context: Any) -> Iterator[str]:
            yield "a"

        def other(context: Any) -> Iterator[str]:
            yield "b"

        wrapped = sandbox._Metered(block)
        assert wrapped == block and wrapped == sandbox._Metered(block)
        assert wrapped != other and wrapped != sandbox._Metered(other)
        assert {block: "found"}[wrapped] == "found"


ALLOWED = [
    "{{ range(10000)|length }}",
    "{{ range(-5, 9995)|length }}",
    "{{ '%1000d' % 1 }}",
    "{{ '%.1000f' % 1 }}",
    "{{ '%1000d'|format(1) }}",
    "{{ '{:1000}'.format(1) }}",
    "{{ '{}'.format(1) }}{{ '{0:}'.format(1) }}",
    "{{ 'x'|center(100000) }}",
    "{{ 'x'|center(true) }}",
    "{{ 'ab'|replace('b', long) }}",
    "{{ lipsum(10, false, 199, 200) }}",
    "{{ lipsum(0) }}",
    "{{ (2 ** 5000) > 0 }}{{ 1 ** 10000 }}{{ 2 ** -1 }}{{ 2 ** 0 }}",
    "{{ (big * big) > 0 }}",
    "{{ 'x' * 100000 }}",
    "{{ 100000 * 'x' }}{{ 'x' * -5 }}",
    "{{ half + half }}",
    "{{ '%s%s' % (half, half) }}{{ '%s' % 5 }}",
    "{{ '{}{}'.format(half, half) }}",
    "{{ words|join('') }}{{ 'ab'|join('y') }}{{ range(5)|join(',') }}",
    "{{ half|replace('x', 'yy') }}{{ 'ab'|replace('', 'y') }}",
    "{{ half|replace('xx', 'y') }}{{ half|replace('q', 'yyyy') }}",
    "{{ lines|indent(2, true) }}",
    "{{ lines|indent(width=2, first=true) }}",
    "{{ half|wordwrap(2) }}",
    "{{ half|wordwrap(width=2, wrapstring='y') }}",
    "{{ [1, 2]|sum }}{{ [1, 2]|sum(start=1.5) }}",
    "{{ ''.join(words) }}",
    "{{ half.replace('x', 'yy') }}",
    "{{ 'x'.center(100000) }}{{ 5 .bit_length() }}",
]
REFUSED = [
    ("{{ range(10001)|length }}", "range() of 10,001 numbers: the limit is 10,000"),
    ("{{ '%1001d' % 1 }}", "%-format width or precision over 1000"),
    ("{{ '%.1001f' % 1 }}", "%-format width or precision over 1000"),
    ("{{ '%*d' % (5, 1) }}", "(or '*')"),
    ("{{ '%.*f' % (5, 1) }}", "(or '*')"),
    ("{{ '%1001d'|format(1) }}", "%-format width or precision over 1000"),
    ("{{ '{:1001}'.format(1) }}", "format width or precision over 1000"),
    ("{{ '{:.1001}'.format(1.0) }}", "format width or precision over 1000"),
    ("{{ '{:{}}'.format(1, 5) }}", "width taken from an argument"),
    ("{{ 'x'|center(100001) }}", "filter 'center': the number 100001 is over 100,000"),
    ("{{ 'x'|center(-100001) }}", "the number -100001 is over 100,000"),
    ("{{ 'x'|center(width=100001) }}", "the number 100001 is over 100,000"),
    ("{{ 'ab'|replace('b', long + 'c') }}", "a text argument of over 1,000 characters"),
    ("{{ lipsum(11, false) }}", "at most 10 paragraphs of 200 words"),
    ("{{ lipsum(-1) }}", "at most 10 paragraphs"),
    ("{{ lipsum(1, false, 201, 202) }}", "at most 10 paragraphs"),
    ("{{ lipsum(1, false, 6, 5) }}", "at most 10 paragraphs"),
    ("{{ lipsum(1, false, -1, 5) }}", "at most 10 paragraphs"),
    ("{{ (2 ** 5001) > 0 }}", "'**' would be a number of over 10,000 bits"),
    ("{{ 1 ** 10001 }}", "'**' would be a number of over 10,000 bits"),
    ("{{ 0 ** 10001 }}", "'**' would be a number of over 10,000 bits"),
    ("{{ (big * big * 2) > 0 }}", "'*' would be a number of over 10,000 bits"),
    ("{{ (big * (big * 2)) > 0 }}", "'*' would be a number of over 10,000 bits"),
    ("{{ 'x' * 100001 }}", "'*' would hold over 100,000 characters or items"),
    ("{{ 100001 * 'x' }}", "'*' would hold over 100,000 characters or items"),
    ("{{ [0] * 100001 }}", "'*' would hold over 100,000"),
    ("{{ huge * 1 }}", "'*' would hold over 100,000"),
    ("{{ ['ab'] * 40000 }}", "'*' would hold over 100,000"),  # 40,000 items of 2
    ("{{ half + more }}", "'+' would hold over 100,000 characters or items"),
    ("{{ half ~ more }}", "joining with '~' would give over 100,000 characters"),
    ("{{ '%s%s' % (half, more) }}", "'%' would hold over 100,000 characters or items"),
    ("{{ '{}{}'.format(half, more) }}", "format would hold over 100,000 characters"),
    ("{{ '{a}{a}'.format_map({'a': more}) }}", "format would hold over 100,000 characters"),
    ("{{ words|join('y') }}", "join would write over 100,000 characters"),
    ("{{ words|join(d='yy') }}", "join would write over 100,000 characters"),
    ("{{ more|replace('x', 'yy') }}", "replace would write over 100,000 characters"),
    ("{{ half|replace('', 'y') }}", "replace would write over 100,000 characters"),
    ("{{ more_lines|indent(2, true) }}", "indent would write over 100,000 characters"),
    ("{{ more_lines|indent('  ', true) }}", "indent would write over 100,000 characters"),
    ("{{ more_lines|indent(width=2, first=true) }}", "indent would write over 100,000"),
    ("{{ more_lines|indent(first=true) }}", "indent would write over 100,000 characters"),
    ("{{ half|wordwrap(1) }}", "wordwrap would write over 100,000 characters"),
    ("{{ half|wordwrap(0) }}", "wordwrap would write over 100,000 characters"),
    ("{{ half|wordwrap(2, true, 'yy') }}", "wordwrap would write over 100,000 characters"),
    ("{{ [[1]]|sum(start=[]) }}", "sum adds numbers only"),
    ("{{ [[1]]|sum('x', []) }}", "sum adds numbers only"),
    ("{{ 'y'.join(words) }}", "join() would write over 100,000 characters"),
    ("{{ more.replace('x', 'yy') }}", "replace() would write over 100,000 characters"),
    ("{{ half.replace('', 'y') }}", "replace() would write over 100,000 characters"),
    ("{{ 'ab'.translate({}) }}", "translate() is not allowed in templates"),
    ("{{ 'x'.center(100001) }}", "center(): the number 100001 is over 100,000"),
    ("{{ 'x'.ljust(width=100001) }}", "ljust(): the number 100001 is over 100,000"),
]
VALUES = {
    "long": "c" * 1000,
    "big": 2**4999,
    "half": "x" * 50_000,
    "more": "x" * 50_001,
    "words": ["x"] * 50_000,
    "huge": "x" * 100_001,
    "lines": "a\n" * 24_999 + "a",  # with two spaces before each line: 99,999
    "more_lines": "a\n" * 25_000 + "a",
}


@pytest.mark.parametrize("source", ALLOWED)
def test_a_request_at_a_limit_is_allowed(source: str, tmp_path: Path) -> None:
    """Ranges, widths, numbers, texts and results up to each limit render."""
    TemplatePack(tmp_path).environment.from_string(source).render(VALUES)


@pytest.mark.parametrize(("source", "says"), REFUSED)
def test_a_request_past_a_limit_is_refused_saying_which(
    source: str, says: str, tmp_path: Path
) -> None:
    """One past each limit (or a width the template computes) is refused by name."""
    template = TemplatePack(tmp_path).environment.from_string(source)
    with pytest.raises(sandbox.ResourceLimitError, match=re.escape(says)):
        template.render(VALUES)


# The slow ones last (a hundred thousand loop turns): a mutant killed earlier skips them.


class TestTheDepthsAreExact:
    """Calls may nest `MAX_CALL_DEPTH` deep and includes `MAX_TEMPLATE_DEPTH`, no less."""

    def test_macro_calls_may_nest_exactly_50_deep(self, tmp_path: Path) -> None:
        macro = (
            "{% macro m(n) %}{% if n > 0 %}{{ m(n - 1) }}{% else %}deep{% endif %}"
            "{% endmacro %}{{ m(n) }}"
        )
        template = TemplatePack(tmp_path).environment.from_string(macro)
        assert template.render(n=sandbox.MAX_CALL_DEPTH - 1) == "deep"  # 50 calls
        with pytest.raises(sandbox.ResourceLimitError, match="nest more than 50 deep"):
            template.render(n=sandbox.MAX_CALL_DEPTH)

    def test_includes_may_nest_exactly_20_deep(self, tmp_path: Path) -> None:
        for level in range(25):
            (tmp_path / f"t{level}.txt").write_text(
                f"{{% if n > {level} %}}{{% include 't{level + 1}.txt' %}}"
                "{% else %}end{% endif %}",
                encoding="utf-8",
            )
        template = TemplatePack(tmp_path).environment.get_template("t0.txt")
        assert template.render(n=sandbox.MAX_TEMPLATE_DEPTH) == "end"
        with pytest.raises(sandbox.ResourceLimitError, match="more than 20 deep"):
            template.render(n=sandbox.MAX_TEMPLATE_DEPTH + 1)

    def test_includes_one_after_another_do_not_add_up(self, tmp_path: Path) -> None:
        (tmp_path / "leaf.txt").write_text("l", encoding="utf-8")
        self.test_includes_may_nest_exactly_20_deep(tmp_path)
        (tmp_path / "start.txt").write_text(
            "{% for i in range(30) %}{% include 'leaf.txt' %}{% endfor %}{% include 't0.txt' %}",
            encoding="utf-8",
        )
        template = TemplatePack(tmp_path).environment.get_template("start.txt")
        assert template.render(n=sandbox.MAX_TEMPLATE_DEPTH - 1) == "l" * 30 + "end"
        with pytest.raises(sandbox.ResourceLimitError, match="more than 20 deep"):
            template.render(n=sandbox.MAX_TEMPLATE_DEPTH)


class TestTheLimitsAreExact:
    """A render may write `MAX_OUTPUT` characters and take `MAX_STEPS` steps, no fewer."""

    def test_a_render_may_write_exactly_the_output_limit(self, tmp_path: Path) -> None:
        half = "{{ 'x' * 100000 }}"
        assert len(_render(half * 2, tmp_path)) == sandbox.MAX_OUTPUT == 200_000
        with pytest.raises(sandbox.ResourceLimitError, match="output limit"):
            _render(half * 2 + "y", tmp_path)

    def test_a_render_may_take_exactly_the_step_limit(self, tmp_path: Path) -> None:
        turns = "{% for i in 'x' * 100000 %}{% endfor %}"
        assert _render(turns, tmp_path) == ""
        with pytest.raises(sandbox.ResourceLimitError, match="100,000 steps"):
            _render(turns + "{% for i in 'x' %}{% endfor %}", tmp_path)
