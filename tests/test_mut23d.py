"""Mutation pass 23 (mut23d): the rest of the sandbox's limits, each at its exact edge.

Each test pins what a user template may and may not do in the limited sandbox,
which the mutants of ``_sandbox`` showed no test told apart: a request at a
limit renders, one past it is refused before the work (the message says
"would write", where a refusal after the work says "would hold"), and the
sandbox stays an ordinary Jinja environment otherwise.  Most tests call the
functions directly or render on a bare `LimitedSandbox`: they run in
milliseconds, so a mutant dies at once.
"""

from __future__ import annotations

import itertools
import re
import threading
import traceback
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jinja2
import jinja2.ext
import jinja2.utils
import pytest

from followup_rules import _sandbox as sandbox
from followup_rules._sandbox import (
    MAX_SIZE,
    LimitedSandbox,
    ResourceLimitError,
    _before_filter,
    _check_braces,
    _joined_size,
    _lipsum,
    _listed,
)


def _render(source: str, **values: Any) -> str:
    return LimitedSandbox().from_string(source).render(values)


def _refused(source: str, says: str, **values: Any) -> None:
    """*source* is refused with exactly the message *says* (one line, nothing added)."""
    with pytest.raises(ResourceLimitError) as refusal:
        _render(source, **values)
    assert str(refusal.value) == says


def _filter_refused(name: str, args: tuple[Any, ...], kwargs: dict[str, Any], says: str) -> None:
    """The filter call is refused before the filter runs, with exactly *says*."""
    with pytest.raises(ResourceLimitError) as refusal:
        _before_filter(name, args, kwargs)
    assert str(refusal.value) == says


def _builtin_refused(method: Any, args: tuple[Any, ...], says: str, **kwargs: Any) -> None:
    """The built-in method call is refused before the method runs, with exactly *says*."""
    with pytest.raises(ResourceLimitError) as refusal:
        LimitedSandbox._check_builtin(method, args, kwargs)
    assert str(refusal.value) == says


WRITE = "{} would write over 100,000 characters"


# -- bugs this pass fixed: built-in methods whose result was built before it was refused


class TestTextMethodsAreRefusedBeforeTheWork:
    """``join``, ``replace`` and ``expandtabs`` on a str or bytes: their result's length is
    known before they run, so a result too long is refused before it is built (a
    ``bytes.join``, ``bytes.replace`` or ``str.expandtabs`` used to build a gigabyte
    first, then refuse it)."""

    def test_expandtabs_may_write_exactly_the_size_limit(self) -> None:
        assert len(_render("{{ ('\t' * 1000).expandtabs(100) }}")) == MAX_SIZE
        assert _render("{{ ('\t' * 1000).encode().expandtabs(100)|length }}") == "100000"
        assert len(_render("{{ ('\t' * 12500).expandtabs() }}")) == MAX_SIZE  # 8 a tab
        assert _render("{{ 'a\tb'.expandtabs(-3) }}{{ 'a\tb'.expandtabs(tabsize=1) }}") == (
            "aba b"
        )

    def test_expandtabs_past_the_limit_is_refused_before_it_runs(self) -> None:
        _builtin_refused(("\t" * 1000).expandtabs, (101,), WRITE.format("expandtabs()"))
        _builtin_refused(("\t" * 1000).expandtabs, (), WRITE.format("expandtabs()"), tabsize=101)
        _builtin_refused(("\t" * 12501).expandtabs, (), WRITE.format("expandtabs()"))
        _builtin_refused((b"\t" * 1000).expandtabs, (101,), WRITE.format("expandtabs()"))
        _refused("{{ ('\t' * 1000).expandtabs(1000) }}", WRITE.format("expandtabs()"))

    def test_a_bytes_join_counts_its_separator(self) -> None:
        _builtin_refused((b"x" * 1000).join, ([b"a"] * 200,), WRITE.format("join()"))
        source = "{{ ('x' * 1000).encode().join(['a'.encode()] * 200) }}"
        _refused(source, WRITE.format("join()"))

    def test_a_bytes_replace_is_counted_like_a_str_replace(self) -> None:
        assert _render("{{ (s * 1000).replace(s, t * 100)|length }}", s=b"x", t=b"y") == "100000"
        _builtin_refused((b"x" * 1000).replace, (b"x", b"y" * 101), WRITE.format("replace()"))
        _builtin_refused((b"x" * 99999).replace, (b"", b"yy"), WRITE.format("replace()"))

    def test_a_replace_that_does_not_grow_is_allowed_at_the_limit(self) -> None:
        source = "{{ s.replace(a, b)|length }}"
        for kind in (str, bytes):
            full = kind("x" * 100_000, "ascii") if kind is bytes else "x" * 100_000
            same, half = (full[:1], full[:1]), (full[:2], full[:1])
            assert _render(source, s=full, a=same[0], b=same[1]) == "100000"
            assert _render(source, s=full, a=half[0], b=half[1]) == "50000"

    def test_the_edge_of_a_replace_of_nothing(self) -> None:
        for text in ("x", b"x"):
            empty = text[:0]
            check = LimitedSandbox._check_builtin
            assert check((text * 49_999).replace, (empty, text), {})  # 99,999
            _builtin_refused((text * 50_000).replace, (empty, text), WRITE.format("replace()"))

    def test_other_methods_are_not_counted_as_replace_or_expandtabs(self) -> None:
        assert _render("{{ ('ab' * 40000).find('a', 10000) }}") == "10000"
        assert _render("{{ ('\t' * 50000).ljust(3)|length }}") == "50000"

    def test_a_tab_size_of_one_or_less_does_not_grow(self) -> None:
        assert _render("{{ ('\t' * 60000).expandtabs(1)|length }}") == "60000"
        assert _render("{{ ('\t' * 60000).expandtabs(0)|length }}") == "0"

    def test_a_number_separator_counts_its_digits(self) -> None:
        """``join(12345)`` writes "12345" between the items."""
        items = ["a"] * 20_000  # 20,000 characters and 19,999 separators of 5
        _filter_refused("join", (items, 12345), {}, "join would write over 100,000 characters")
        assert _render("{{ ['a', 'b', 'c']|join(12345) }}") == "a12345b12345c"


# -- the estimates the limits read


class TestTheJoinEstimate:
    """`_joined_size`: what a join writes, never less (one more per item, as `_size`
    counts a list's items besides their text)."""

    @pytest.mark.parametrize("items", [[], ["ab"], ["ab", "c"], ["a", "bc", "", "d"]])
    @pytest.mark.parametrize("separator", ["", "-", "--", b"--"])
    def test_text_items_count_what_is_written_and_one_each(
        self, items: list[str], separator: str | bytes
    ) -> None:
        written = len(str(separator, "ascii") if isinstance(separator, bytes) else separator)
        written = len("".join(items)) + written * max(len(items) - 1, 0)
        assert _joined_size(items, separator) == written + len(items)


class TestListingIsLazyAndBounded:
    """`_listed`: a join reads at most `MAX_SIZE` items, even of an endless iterator."""

    def test_exactly_the_limit_is_read_whole(self) -> None:
        assert len(_listed(iter([""] * MAX_SIZE), "join")) == MAX_SIZE
        assert _listed(iter("ab"), "join") == ["a", "b"]

    def test_one_more_item_is_refused(self) -> None:
        for items in (iter([""] * (MAX_SIZE + 1)), itertools.repeat("")):
            with pytest.raises(ResourceLimitError) as refusal:
                _listed(items, "join")
            assert str(refusal.value) == "join: more than 100,000 items"

    def test_a_join_filter_reads_a_generator_once(self) -> None:
        def letters() -> Iterator[str]:
            yield from "abc"

        assert _render("{{ gen|join(',') }}", gen=letters()) == "a,b,c"
        assert _render("{{ ','.join(gen) }}", gen=letters()) == "a,b,c"
        assert _render("{{ ''.join(gen) }}", gen=iter([""] * MAX_SIZE)) == ""


# -- format strings


class TestFormatFields:
    def test_a_wide_field_after_a_plain_one_is_refused(self) -> None:
        says = "a format width or precision over 1000 is not allowed"
        for template in ("{}{:1001}", "{0}{1:.1001}", "a{}b{:>1001}"):
            with pytest.raises(ResourceLimitError) as refusal:
                _check_braces(template)
            assert str(refusal.value) == says

    def test_a_computed_width_is_refused_saying_so(self) -> None:
        with pytest.raises(ResourceLimitError) as refusal:
            _check_braces("{}{:{}}")
        assert str(refusal.value) == "a format width taken from an argument is not allowed"

    def test_a_width_of_1000_and_plain_fields_pass(self) -> None:
        _check_braces("{}{0}{a}{:1000}{:.1000}{:>10,}{{literal}}")

    def test_format_with_keywords_and_format_map(self) -> None:
        assert _render("{{ '{a}-{b}'.format(a=1, b='x') }}") == "1-x"
        assert _render("{{ '{a}'.format_map({'a': 2}) }}") == "2"
        _refused(
            "{{ '{a}{a}'.format(a=more) }}",
            "format would hold over 100,000 characters or items (the size limit)",
            more="x" * 50_001,
        )


# -- lipsum


class TestLipsum:
    """``lipsum()`` is Jinja's, within 10 paragraphs of 200 words."""

    @pytest.fixture
    def ranges(self, monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
        """The word ranges Jinja's generator draws from (it draws the lowest each time)."""
        drawn: list[tuple[int, int]] = []

        def lowest(low: int, high: int) -> int:
            drawn.append((low, high))
            return low

        monkeypatch.setattr(jinja2.utils, "randrange", lowest)
        return drawn

    def test_the_defaults_are_jinjas(self, ranges: list[tuple[int, int]]) -> None:
        text = _lipsum()
        assert text.count("<p>") == 5
        assert ranges.count((20, 100)) == 5

    def test_the_arguments_reach_jinja(self, ranges: list[tuple[int, int]]) -> None:
        text = _lipsum(2, False, 3, 4)
        assert "<p>" not in text and text.count("\n\n") == 1
        assert ranges.count((3, 4)) == 2
        assert _lipsum(1, True, 3, 4).startswith("<p>")

    def test_no_words_and_the_largest_paragraphs_are_allowed(
        self, ranges: list[tuple[int, int]]
    ) -> None:
        assert _lipsum(1, False, 0, 1) == "."
        assert _lipsum(10, False, 199, 200).count("\n\n") == 9

    @pytest.mark.parametrize(
        "arguments", [(11, False, 1, 2), (-1, False, 1, 2), (1, False, 5, 201), (1, False, -1, 2)]
    )
    def test_past_a_limit_is_refused(self, arguments: tuple[int, bool, int, int]) -> None:
        with pytest.raises(ResourceLimitError) as refusal:
            _lipsum(*arguments)
        assert str(refusal.value) == "lipsum() allows at most 10 paragraphs of 200 words"


# -- filters


class TestJoinFilter:
    def test_no_separator_writes_exactly_the_limit(self) -> None:
        assert _before_filter("join", (["x"] * 50_000,), {})[0] == ["x"] * 50_000
        assert len(_render("{{ words|join }}", words=["x"] * 50_000)) == 50_000

    def test_a_separator_given_by_name_or_place_counts(self) -> None:
        says = "join would write over 100,000 characters"
        _filter_refused("join", (["x"] * 50_000, "y"), {}, says)
        _filter_refused("join", (["x"] * 50_000,), {"d": "y"}, says)
        assert _before_filter("join", (["x"] * 25_000,), {"d": "y"})[0] == ["x"] * 25_000

    def test_more_items_than_the_limit_are_refused_saying_so(self) -> None:
        _filter_refused("join", ([""] * 100_001,), {}, "join: more than 100,000 items")

    def test_a_text_is_joined_letter_by_letter(self) -> None:
        assert _before_filter("join", ("ab", "y"), {}) == ("ab", "y")
        assert _render("{{ 'ab'|join('y') }}") == "ayb"


class TestReplaceFilter:
    def test_the_edge_of_a_growing_replace(self) -> None:
        value = "x" * 1000
        assert _before_filter("replace", (value, "x", "y" * 100), {}) == (value, "x", "y" * 100)
        says = "replace would write over 100,000 characters"
        _filter_refused("replace", (value, "x", "y" * 101), {}, says)
        _filter_refused("replace", (value, "x", "y" * 101, 5), {}, says)

    def test_the_edge_of_an_empty_old(self) -> None:
        says = "replace would write over 100,000 characters"
        assert _before_filter("replace", ("x" * 49_999, "", "y"), {})
        _filter_refused("replace", ("x" * 50_000, "", "y"), {}, says)

    def test_a_shrinking_replace_and_other_filters_are_not_counted_as_growing(self) -> None:
        assert _before_filter("replace", ("x" * 99_999, "xx", "y"), {})
        assert _before_filter("truncate", ("5" * 99_999, 5, True, "ab"), {})


class TestIndentFilter:
    says = "indent would write over 100,000 characters"

    def test_the_default_width_is_four(self) -> None:
        edge = "\n" * 19_999 + "x"  # 20,000 lines of 4 spaces: 100,000
        assert _before_filter("indent", (edge,), {})
        _filter_refused("indent", (edge + "x",), {}, self.says)

    def test_a_width_given_by_place_by_name_or_as_text(self) -> None:
        edge = "\n" * 33_332 + "x" * 2  # 33,333 lines of 2: 99,999 + 1
        for args, kwargs in (((edge, 2), {}), ((edge,), {"width": 2}), ((edge, "  "), {})):
            assert _before_filter("indent", args, kwargs)
            _filter_refused("indent", (args[0] + "x", *args[1:]), kwargs, self.says)


class TestWordwrapFilter:
    says = "wordwrap would write over 100,000 characters"

    def test_the_default_width_is_79(self) -> None:
        assert _before_filter("wordwrap", ("x" * 98_749,), {})  # 1,250 lines: 99,999
        _filter_refused("wordwrap", ("x" * 98_750,), {}, self.says)  # 1,251: 100,001

    def test_a_width_of_one_and_of_two(self) -> None:
        assert _before_filter("wordwrap", ("x" * 49_999, 1), {})
        assert _before_filter("wordwrap", ("x" * 66_666,), {"width": 2})
        _filter_refused("wordwrap", ("x" * 66_667,), {"width": 2}, self.says)
        assert _before_filter("wordwrap", ("x" * 66_666, 2, True), {})

    def test_whole_lines_are_counted(self) -> None:
        assert _before_filter("wordwrap", ("x" * 83_333, 5), {})  # 16,667 lines: 100,000
        _filter_refused("wordwrap", ("x" * 83_334, 5), {}, self.says)

    def test_the_wrap_string_counts_by_place_or_name(self) -> None:
        assert _before_filter("wordwrap", ("x" * 40_000, 2, True, "yy"), {})
        _filter_refused("wordwrap", ("x" * 40_000, 2), {"wrapstring": "yyy"}, self.says)
        _filter_refused("wordwrap", ("x" * 40_000, 2, True, "yyy"), {}, self.says)


class TestFormatAndSumFilters:
    def test_only_the_format_filter_reads_percent_specs(self) -> None:
        assert _before_filter("upper", ("%1001d",), {})
        with pytest.raises(ResourceLimitError, match="%-format width or precision over 1000"):
            _before_filter("format", ("%1001d", 1), {})

    def test_sum_takes_numbers_by_place_or_name(self) -> None:
        assert _before_filter("sum", ([{"x": 1}], "x"), {})
        assert _before_filter("sum", ([1],), {})
        assert _before_filter("sum", ([1], None, 1.5), {})
        assert _render("{{ [{'x': 1}, {'x': 2}]|sum('x') }}{{ [1, 2]|sum }}") == "33"
        for args, kwargs in ((([[1]], None, []), {}), (([[1]],), {"start": []})):
            _filter_refused("sum", args, kwargs, "sum adds numbers only")


class TestFiltersOfTheMeter:
    """The meter's own filters are not held to the size limit: a long value is written
    whole (it counts against the output limit only)."""

    def test_a_value_longer_than_the_size_limit_is_written(self) -> None:
        assert len(_render("{{ long }}", long="x" * 150_000)) == 150_000
        assert len(_render("{% for c in long %}{% endfor %}{{ 'ok' }}", long="x" * 1000)) == 2

    def test_a_number_given_by_name_is_named_with_its_filter(self) -> None:
        says = "filter 'center': the number 100001 is over 100,000"
        _filter_refused("center", ("x",), {"width": 100_001}, says)

    def test_a_filter_added_later_is_guarded_by_its_name(self) -> None:
        environment = LimitedSandbox()
        environment.filters["twice"] = lambda value, times: value * 2
        with pytest.raises(ResourceLimitError) as refusal:
            environment.from_string("{{ 'x'|twice(100001) }}").render()
        assert str(refusal.value) == "filter 'twice': the number 100001 is over 100,000"


# -- operators


class TestOperators:
    def test_a_power_of_one_is_held_to_the_bits_limit(self) -> None:
        _refused("{{ n ** 1 }}", "'**' would be a number of over 10,000 bits", n=2**10_000)
        assert _render("{{ (n ** 1) > 0 }}", n=2**9_999) == "True"

    def test_float_powers_and_products_pass(self) -> None:
        assert _render("{{ 2.5 ** 2 }} {{ 2 ** 0.5 > 1 }} {{ 4 ** -1 }}") == "6.25 True 0.25"
        assert _render("{{ 2.5 * 1000000 }} {{ 1000000 * 2.5 }}") == "2500000.0 2500000.0"

    def test_a_number_times_a_long_sequence_is_refused(self) -> None:
        says = "'*' would hold over 100,000 characters or items (the size limit)"
        _refused("{{ 2 * more }}", says, more="x" * 50_001)
        _refused("{{ 2 * more }}", says, more=["x"] * 25_001)
        assert _render("{{ (2 * half)|length }}", half="x" * 50_000) == "100000"

    def test_text_plus_a_number_is_the_templates_mistake_not_a_size(self) -> None:
        """Only two sequences are counted: text plus a number is Python's TypeError."""
        with pytest.raises(TypeError):
            _render("{{ long + 5 }}", long="x" * 100_000)

    def test_a_sum_too_large_is_refused_before_it_is_built(self) -> None:
        """Adding to a long text from the data copies nothing before it is refused."""
        long = "x" * 20_000_000
        says = "'+' would hold over 100,000 characters or items (the size limit)"
        for source in ("{{ long + 'x' }}", "{{ 'x' + long }}", "{{ long + long }}"):
            tracemalloc.start()
            try:
                _refused(source, says, long=long)
                peak = tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()
            assert peak < 5_000_000, (source, peak)

    def test_numbers_are_added_whatever_their_size(self) -> None:
        assert _render("{{ (n + 1) > n }} {{ 7 % 3 }} {{ 7.5 % 2 }}", n=10**200_000) == (
            "True 1 1.5"
        )


# -- calls


class TestCallDepth:
    """A call that returned no longer counts to the depth; calls one after another do
    not add up."""

    MACRO = (
        "{% macro leaf() %}{% endmacro %}"
        "{% macro m(n) %}{{ leaf() }}{% if n > 0 %}{{ m(n - 1) }}{% endif %}{% endmacro %}"
    )

    def test_fifty_deep_after_many_calls(self) -> None:
        source = self.MACRO + "{% for i in range(60) %}{{ leaf() }}{% endfor %}{{ m(n) }}"
        template = LimitedSandbox().from_string(source)
        template.render(n=48)  # m 49 deep, and its leaf one deeper: 50
        with pytest.raises(ResourceLimitError) as refusal:
            template.render(n=49)
        assert str(refusal.value) == "template calls nest more than 50 deep (recursion?)"

    def test_a_macro_may_return_more_than_the_size_limit(self) -> None:
        source = (
            "{% macro m() %}{{ 'x' * 100000 }}{{ 'x' * 50000 }}{% endmacro %}"
            "{% set x = m() %}{{ x|length }}"
        )
        assert _render(source) == "150000"

    def test_a_method_result_too_long_is_refused_after(self) -> None:
        _refused(
            "{{ s.upper() }}",
            "upper() would hold over 100,000 characters or items (the size limit)",
            s="\u00df" * 50_001,
        )


class TestOutsideARenderNothingIsLeftBehind:
    """A call from Python outside a render uses a budget of its own, then drops it."""

    def test_renders_after_a_call_from_python_start_afresh(self) -> None:
        environment = LimitedSandbox()
        template = environment.from_string(
            "{% for i in 'x' * 60000 %}{% endfor %}{{ len('ab') }}{{ 'x' * 100000 }}"
        )
        assert environment.call(template.new_context({}), len, "abc") == 3
        for _ in range(2):  # 60,000 steps and 100,000 characters each time: no more
            assert template.render(len=len).startswith("2x")

    def test_a_call_from_a_thread_that_never_rendered(self) -> None:
        environment = LimitedSandbox()
        context = environment.from_string("").new_context({})
        answers: list[int] = []
        thread = threading.Thread(
            target=lambda: answers.append(environment.call(context, len, "ab"))
        )
        thread.start()
        thread.join()
        assert answers == [2]

    def test_a_call_does_not_end_the_budget_of_its_render(self) -> None:
        source = "{{ f() }}{{ 'x' * 100000 }}{{ 'x' * 100000 }}{{ 'y' }}"
        with pytest.raises(ResourceLimitError, match="output limit"):
            _render(source, f=lambda: "")

    def test_a_recursive_loop_reads_each_level(self) -> None:
        source = "{% for x in tree recursive %}{{ x.n }}{{ loop(x.kids) }}{% endfor %}"
        tree = [{"n": 1, "kids": [{"n": 2, "kids": []}]}, {"n": 3, "kids": []}]
        assert _render(source, tree=tree) == "123"


# -- the environment


class TestTheEnvironment:
    def test_jinjas_arguments_by_place_and_by_name(self) -> None:
        environment = LimitedSandbox("<%", "%>", autoescape=True)
        source = "<% for i in range(2) %>{{ '<' }}<% endfor %>"
        assert environment.from_string(source).render() == "&lt;&lt;"

    def test_a_source_of_exactly_the_limit_is_read(self) -> None:
        assert len(_render("x" * sandbox.MAX_SOURCE)) == sandbox.MAX_SOURCE

    def test_a_source_too_long_names_its_file_and_first_line(self, tmp_path: Path) -> None:
        (tmp_path / "big.txt").write_text("x" * (sandbox.MAX_SOURCE + 1), encoding="utf-8")
        environment = LimitedSandbox(loader=jinja2.FileSystemLoader(tmp_path))
        with pytest.raises(jinja2.TemplateSyntaxError) as refusal:
            environment.get_template("big.txt")
        error = refusal.value
        assert error.message == "the template is longer than 200,000 characters"
        assert (error.lineno, error.name) == (1, "big.txt")
        assert error.filename is not None and Path(error.filename).name == "big.txt"

    def test_an_extension_reads_the_name_and_file_of_what_it_preprocesses(
        self, tmp_path: Path
    ) -> None:
        class Named(jinja2.ext.Extension):
            def preprocess(
                self, source: str, name: str | None, filename: str | None = None
            ) -> str:
                file = Path(filename).name if filename else None
                return f"{name} {file} {source}"

        (tmp_path / "page.txt").write_text("body", encoding="utf-8")
        environment = LimitedSandbox(loader=jinja2.FileSystemLoader(tmp_path), extensions=[Named])
        assert environment.get_template("page.txt").render() == "page.txt page.txt body"

    def test_an_error_names_the_line_of_a_loop_or_output(self) -> None:
        for source, line in (
            ("a\n{% for i in x %}{% endfor %}", 2),
            ("a\nb\n{{ 1 ~ x.y }}", 3),
            ("a\n\n\n{{ x.y }}", 4),
        ):
            with pytest.raises(jinja2.UndefinedError) as failure:
                LimitedSandbox(undefined=jinja2.StrictUndefined).from_string(source).render()
            assert re.search(rf"line {line}\b", "".join(_frames(failure.value))), source


def _frames(error: BaseException) -> list[str]:
    return traceback.format_exception(type(error), error, error.__traceback__)
