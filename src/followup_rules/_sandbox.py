"""Resource limits for user templates: Jinja's sandbox, bounded in time and memory.

Jinja's `ImmutableSandboxedEnvironment` stops a template from reaching
Python internals or changing the data it is given, but not from asking for a
ten-gigabyte string or a hundred billion loop turns.  `LimitedSandbox` adds
the missing limits, so a user template fails fast with a `ResourceLimitError`
(a ``jinja2.SecurityError``, which `messages.TemplatePack` reports as its
`TemplateError`) instead of filling memory or hanging:

- ``range()`` gives at most `MAX_RANGE` numbers (Jinja's ``MAX_RANGE`` idea);
- ``*``, ``**``, ``+``, ``%``, ``~``, ``str.format`` and every filter refuse
  to build a string, list or number larger than `MAX_SIZE` (checked before
  the work when the size can be known, right after it otherwise);
- one render may write at most `MAX_OUTPUT` characters, counted at every
  ``{{ }}`` and text chunk as it is produced (buffered output of macros and
  ``{% set %}`` blocks included), so nested loops stop early;
- one render may take at most `MAX_STEPS` steps: loop turns, calls and
  included templates;
- template calls (macros, ``caller()``, ``super()``, recursive loops) nest at
  most `MAX_CALL_DEPTH` deep, and templates (includes, ``extends``) at most
  `MAX_TEMPLATE_DEPTH`, well before Python's own recursion limit.

The limits are counted per render in a thread-local budget, which the
template's own render functions open and close: nothing outside a render
changes, and two threads rendering at once each have their own budget.

The counting is woven into each compiled template by `_Meter`, an AST pass
run by the environment's code generator: loop iterables, ``~`` joins and
output chunks go through this module's private ``_fr_*`` filters.
"""

from __future__ import annotations

import re
import string
import threading
import types
from collections.abc import Callable, Generator, Iterable, Iterator
from functools import update_wrapper, wraps
from typing import Any

import jinja2
import jinja2.nodes as nodes
from jinja2.compiler import CodeGenerator, Frame
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context, LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.utils import generate_lorem_ipsum, pass_context
from jinja2.visitor import NodeTransformer

from .errors import _short_repr

__all__ = ["LimitedSandbox", "ResourceLimitError", "problem"]

MAX_RANGE = 10_000
"""Most numbers one ``range()`` may give."""
MAX_SIZE = 100_000
"""Most characters (or list items) one operation may produce."""
MAX_INT_BITS = 10_000
"""Largest integer an operation may produce, in bits (about 3,000 digits)."""
MAX_WIDTH = 1_000
"""Largest field width or precision in a format string, and longest text argument."""
MAX_OUTPUT = 200_000
"""Most characters one render may write, buffered output included."""
MAX_STEPS = 100_000
"""Most loop turns, calls and included templates in one render."""
MAX_CALL_DEPTH = 50
"""Deepest nesting of template calls (macros, caller(), super(), recursive loops)."""
MAX_TEMPLATE_DEPTH = 20
"""Deepest nesting of templates being rendered (includes, extends, imports)."""
MAX_SOURCE = 200_000
"""Longest template source, in characters."""


class ResourceLimitError(SecurityError):
    """A user template asked for more time or memory than the sandbox allows."""


def problem(error: BaseException) -> str:
    """What went wrong in a template, in one short line, for a `TemplateError`."""
    if isinstance(error, RecursionError):
        return "the template nests too deeply (recursion limit)"
    if isinstance(error, MemoryError):
        return "the template ran out of memory"
    text = " ".join(str(error).split()).encode("utf-8", "backslashreplace").decode("utf-8")
    if not isinstance(error, jinja2.TemplateError):
        text = f"{type(error).__name__}: {text}" if text else type(error).__name__
    return text if len(text) <= 300 else text[:297] + "..."


# -- the budget of one render --------------------------------------------------


class _Budget:
    """What one render has used so far."""

    __slots__ = ("calls", "output", "steps", "templates")

    def __init__(self) -> None:
        self.output = 0
        self.steps = 0
        self.calls = 0
        self.templates = 0

    def write(self, size: int) -> None:
        self.output += size
        if self.output > MAX_OUTPUT:
            raise ResourceLimitError(
                f"the template writes more than {MAX_OUTPUT:,} characters (the output limit)"
            )

    def step(self) -> None:
        self.steps += 1
        if self.steps > MAX_STEPS:
            raise ResourceLimitError(
                f"the template takes more than {MAX_STEPS:,} steps (loop turns, calls, includes)"
            )


_ACTIVE = threading.local()


def _budget() -> _Budget:
    """The budget of the render running in this thread (a spare one outside any render)."""
    budget: _Budget | None = getattr(_ACTIVE, "budget", None)
    return _Budget() if budget is None else budget


class _Metered:
    """A root or block render function that opens (or shares) the render's budget.

    The outermost one opens a budget and makes it active only while template
    code runs (each ``next``), so nothing leaks between the chunks it yields;
    nested ones (includes, parents, blocks) share it and count their depth.
    It compares equal to the function it wraps: Jinja finds a block's parent
    (``super()``) by looking the raw block function up in the block stack.
    """

    __slots__ = ("render",)

    def __init__(self, render: Callable[[Context], Iterator[str]]) -> None:
        self.render = render

    def __eq__(self, other: object) -> bool:
        return other is self.render or (
            isinstance(other, _Metered) and other.render is self.render
        )

    def __hash__(self) -> int:
        return hash(self.render)

    def __call__(self, context: Context) -> Generator[str, None, None]:
        budget: _Budget | None = getattr(_ACTIVE, "budget", None)
        if budget is not None:
            return self._nested(context, budget)
        return self._outermost(context)

    def _nested(self, context: Context, budget: _Budget) -> Generator[str, None, None]:
        budget.step()
        budget.templates += 1
        try:
            if budget.templates > MAX_TEMPLATE_DEPTH:
                raise ResourceLimitError(
                    f"templates include or extend each other more than {MAX_TEMPLATE_DEPTH} deep"
                )
            yield from self.render(context)
        finally:
            budget.templates -= 1

    def _outermost(self, context: Context) -> Generator[str, None, None]:
        budget = _Budget()
        events = iter(self.render(context))
        try:
            while True:
                outside = getattr(_ACTIVE, "budget", None)
                _ACTIVE.budget = budget
                try:
                    event = next(events)
                except StopIteration:
                    return
                finally:
                    _ACTIVE.budget = outside
                yield event
        finally:
            close = getattr(events, "close", None)
            if close is not None:
                close()


class _Template(jinja2.Template):
    """A template whose render functions run under a budget."""

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: types.CodeType,
        globals: Any,
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func = _Metered(template.root_render_func)
        template.blocks = {name: _Metered(block) for name, block in template.blocks.items()}
        return template


# -- sizes -----------------------------------------------------------------------


def _size(value: Any, limit: int = MAX_SIZE) -> int:
    """About how many characters or items *value* stands for, counted to just past *limit*.

    Strings count their length, integers their digits, containers their items
    plus the size of each (a shared item counts every time: ``str()`` writes
    it every time).  Anything else counts one.
    """
    total = 0
    pending = [value]
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, (str, bytes, bytearray)):
            total += len(item)
        elif isinstance(item, int) and not isinstance(item, bool):
            total += item.bit_length() // 3 + 1
        elif isinstance(item, (list, tuple, set, frozenset)):
            total += len(item)
            if len(item) <= limit:
                pending.extend(item)
        elif isinstance(item, dict):
            total += len(item)
            if len(item) <= limit:
                pending.extend(item.keys())
                pending.extend(item.values())
        else:
            total += 1
    return total


def _refuse(what: str) -> None:
    raise ResourceLimitError(
        f"{what} would hold over {MAX_SIZE:,} characters or items (the size limit)"
    )


def _check_size(value: Any, what: str) -> None:
    if _size(value) > MAX_SIZE:
        _refuse(what)


def _check_repeat(sequence: Any, times: int) -> None:
    """``sequence * times``, refused before it is built when it would be too large."""
    if times > 0 and _size(sequence) * times > MAX_SIZE:
        _refuse("'*'")


def _check_bits(bits: int, what: str) -> None:
    if bits > MAX_INT_BITS:
        raise ResourceLimitError(f"{what} would be a number of over {MAX_INT_BITS:,} bits")


_SEQUENCES = (str, bytes, list, tuple)
# A printf-style conversion: its '*' or numeric width and precision.
_PERCENT_SPEC = re.compile(
    r"%(?:\([^)]*\))?[-#0 +]*(?P<width>\*|\d+)?(?:\.(?P<precision>\*|\d+))?[hlL]?(?P<kind>.)?"
)


def _check_percent(template: str) -> None:
    """Refuse printf-style specs whose width or precision could be huge."""
    for match in _PERCENT_SPEC.finditer(template):
        for part in (match["width"], match["precision"]):
            if part == "*" or (part is not None and int(part) > MAX_WIDTH):
                raise ResourceLimitError(
                    f"a %-format width or precision over {MAX_WIDTH} (or '*') is not allowed"
                )


def _check_braces(template: str) -> None:
    """Refuse str.format fields whose width or precision could be huge (or is computed)."""
    for _, field, spec, _ in string.Formatter().parse(template):
        if field is None or not spec:
            continue
        if "{" in spec:
            raise ResourceLimitError("a format width taken from an argument is not allowed")
        for number in re.findall(r"\d+", spec):
            if int(number) > MAX_WIDTH:
                raise ResourceLimitError(
                    f"a format width or precision over {MAX_WIDTH} is not allowed"
                )


def _check_arguments(args: Iterable[Any], what: str) -> None:
    """Refuse an integer argument over `MAX_SIZE` or a text argument over `MAX_WIDTH`."""
    for argument in args:
        if isinstance(argument, int) and not isinstance(argument, bool):
            if abs(argument) > MAX_SIZE:
                raise ResourceLimitError(
                    f"{what}: the number {_short_repr(argument)} is over {MAX_SIZE:,}"
                )
        elif isinstance(argument, str) and len(argument) > MAX_WIDTH:
            raise ResourceLimitError(
                f"{what}: a text argument of over {MAX_WIDTH:,} characters is not allowed"
            )


def _listed(items: Any, what: str) -> list[Any]:
    """*items* as a list, refused past `MAX_SIZE` items (read lazily)."""
    listed = []
    for item in items:
        listed.append(item)
        if len(listed) > MAX_SIZE:
            raise ResourceLimitError(f"{what}: more than {MAX_SIZE:,} items")
    return listed


# -- guarded built-ins and filters ---------------------------------------------------


def _range(*args: int) -> range:
    numbers = range(*args)
    if len(numbers) > MAX_RANGE:
        raise ResourceLimitError(
            f"range() of {len(numbers):,} numbers: the limit is {MAX_RANGE:,}"
        )
    return numbers


def _lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    if not (0 <= n <= 10 and 0 <= min <= max <= 200):
        raise ResourceLimitError("lipsum() allows at most 10 paragraphs of 200 words")
    return generate_lorem_ipsum(n, html, min, max)


def _joined_size(items: list[Any], separator: Any) -> int:
    """About how long *items* joined with *separator* are (a bytes or number separator
    counts its length, as it is written between every two items)."""
    return _size(items) + _size(separator) * max(len(items) - 1, 0)


def _check_text_method(
    owner: str | bytes, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]
) -> None:
    """Refuse ``replace`` or ``expandtabs`` on a str or bytes whose result would be too large."""
    if name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]  # of another type, the call fails on its own
        count = owner.count(old)  # an empty old is found len(owner) + 1 times
        if len(owner) + count * max(len(new) - len(old), 0) > MAX_SIZE:
            raise ResourceLimitError(f"replace() would write over {MAX_SIZE:,} characters")
    tabsize = args[0] if args else kwargs.get("tabsize", 8)
    if name == "expandtabs" and isinstance(tabsize, int):
        tabs = owner.count("\t") if isinstance(owner, str) else owner.count(b"\t")
        if len(owner) + tabs * max(tabsize - 1, 0) > MAX_SIZE:
            raise ResourceLimitError(f"expandtabs() would write over {MAX_SIZE:,} characters")


def _before_filter(name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...]:
    """Refuse a filter call whose result would be too large; may return new *args*."""
    _check_arguments(args[1:], f"filter {name!r}")
    _check_arguments(kwargs.values(), f"filter {name!r}")
    if not args:
        return args
    value, rest = args[0], args[1:]
    if name == "join":
        value = _listed(value, "join") if not isinstance(value, str) else value
        separator = rest[0] if rest else kwargs.get("d", "")
        if _joined_size(list(value), separator) > MAX_SIZE:
            raise ResourceLimitError(f"join would write over {MAX_SIZE:,} characters")
    elif name == "replace" and len(rest) >= 2 and isinstance(value, str):
        old, new = str(rest[0]), str(rest[1])
        count = value.count(old)  # an empty old is found len(value) + 1 times
        if len(value) + count * max(len(new) - len(old), 0) > MAX_SIZE:
            raise ResourceLimitError(f"replace would write over {MAX_SIZE:,} characters")
    elif name == "indent" and isinstance(value, str):
        width = rest[0] if rest else kwargs.get("width", 4)
        prefix = len(width) if isinstance(width, str) else int(width)
        if len(value) + prefix * (value.count("\n") + 1) > MAX_SIZE:
            raise ResourceLimitError(f"indent would write over {MAX_SIZE:,} characters")
    elif name == "wordwrap" and isinstance(value, str):
        width = rest[0] if rest else kwargs.get("width", 79)
        wrap = rest[2] if len(rest) > 2 else kwargs.get("wrapstring") or "\n"
        lines = len(value) // max(int(width), 1) + 1
        if len(value) + lines * len(str(wrap)) > MAX_SIZE:
            raise ResourceLimitError(f"wordwrap would write over {MAX_SIZE:,} characters")
    elif name == "format" and isinstance(value, str):
        _check_percent(value)
    elif name == "sum":
        start = rest[1] if len(rest) > 1 else kwargs.get("start", 0)
        if not isinstance(start, (int, float)):
            raise ResourceLimitError("sum adds numbers only")
    return (value, *rest)


def _guarded_filter(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    """*function* with its arguments and its result held to the size limits."""
    passes = getattr(function, "jinja_pass_arg", None) is not None

    @wraps(function)  # keeps Jinja's pass_context / pass_environment marker
    def guarded(*args: Any, **kwargs: Any) -> Any:
        head, tail = (args[:1], args[1:]) if passes else ((), args)
        tail = _before_filter(name, tail, kwargs)
        result = function(*head, *tail, **kwargs)
        if isinstance(result, (str, list, tuple, dict)):
            _check_size(result, f"filter {name!r}")
        return result

    return guarded


class _Filters(dict[str, Any]):
    """The environment's filters, each guarded as it is looked up.

    Looking up rather than wrapping once keeps filters added later (as
    `TemplatePack` adds its own) under the same limits.
    """

    def __getitem__(self, name: str) -> Any:
        function = super().__getitem__(name)
        return function if name.startswith("_fr_") else _guarded_filter(name, function)

    def get(self, name: str, default: Any = None) -> Any:
        try:
            return self[name]
        except KeyError:
            return default


@pass_context
def _loop_items(context: Context, iterable: Any) -> Iterator[Any]:
    """Count each turn of a loop against the render's steps."""
    budget = _budget()
    for item in iterable:
        budget.step()
        yield item


@pass_context
def _joined_text(context: Context, value: Any) -> Any:
    """The result of ``~``, refused when too long."""
    if isinstance(value, str) and len(value) > MAX_SIZE:
        raise ResourceLimitError(f"joining with '~' would give over {MAX_SIZE:,} characters")
    return value


@pass_context
def _written(context: Context, value: Any) -> Any:
    """An output chunk, counted against the output limit (unchanged)."""
    _budget().write(len(value) if isinstance(value, str) else _size(value, MAX_OUTPUT))
    return value


@pass_context
def _literal_text(context: Context, size: int) -> str:
    """Count *size* characters of template text written, and write nothing."""
    _budget().write(size)
    return ""


_METER_FILTERS = {
    "_fr_loop": _loop_items,
    "_fr_join": _joined_text,
    "_fr_out": _written,
    "_fr_text": _literal_text,
}


class _Meter(NodeTransformer):
    """Route loop iterables, ``~`` results and output chunks through the meter filters."""

    def __init__(self, environment: jinja2.Environment) -> None:
        self.environment = environment

    def _filter(self, node: nodes.Node, name: str) -> nodes.Filter:
        wrapped = nodes.Filter(node, name, [], [], None, None, lineno=node.lineno)
        wrapped.set_environment(self.environment)
        return wrapped

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = self._filter(node.iter, "_fr_loop")
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        return self._filter(node, "_fr_join")

    def visit_Output(self, node: nodes.Output) -> nodes.Node:
        self.generic_visit(node)
        literal = sum(
            len(child.data) for child in node.nodes if isinstance(child, nodes.TemplateData)
        )
        chunks: list[nodes.Expr] = []
        if literal:
            size = nodes.Const(literal, lineno=node.lineno)
            size.set_environment(self.environment)
            chunks.append(self._filter(size, "_fr_text"))
        for child in node.nodes:
            chunks.append(
                child if isinstance(child, nodes.TemplateData) else self._filter(child, "_fr_out")
            )
        node.nodes = chunks
        return node


class _MeteredCodeGenerator(CodeGenerator):
    """Jinja's code generator, after the `_Meter` pass over the template."""

    def visit_Template(self, node: nodes.Template, frame: Frame | None = None) -> None:
        _Meter(self.environment).visit(node)
        super().visit_Template(node, frame)


# -- the environment -------------------------------------------------------------------


class LimitedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with limits on time and memory (see the module notes)."""

    code_generator_class = _MeteredCodeGenerator
    template_class = _Template
    intercepted_binops = frozenset({"*", "**", "+", "%"})

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.globals["range"] = _range
        self.globals["lipsum"] = _lipsum
        filters = _Filters(self.filters)
        filters.update(_METER_FILTERS)
        self.filters = filters

    def preprocess(self, source: str, name: str | None = None, filename: str | None = None) -> str:
        if len(source) > MAX_SOURCE:
            raise jinja2.TemplateSyntaxError(
                f"the template is longer than {MAX_SOURCE:,} characters", 1, name, filename
            )
        return super().preprocess(source, name, filename)

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        """``*``, ``**``, ``+`` and ``%``, refused when the result would be too large."""
        if operator == "**":
            if isinstance(left, int) and isinstance(right, int) and right > 0:
                _check_bits(max(left.bit_length(), 1) * right, "'**'")
        elif operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                _check_bits(left.bit_length() + right.bit_length(), "'*'")
            elif isinstance(left, _SEQUENCES) and isinstance(right, int):
                _check_repeat(left, right)
            elif isinstance(right, _SEQUENCES) and isinstance(left, int):
                _check_repeat(right, left)
        elif operator == "+":
            sequences = isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES)
            if sequences and _size(left) + _size(right) > MAX_SIZE:
                _refuse("'+'")
        elif operator == "%" and isinstance(left, str):
            _check_percent(left)
        result = super().call_binop(context, operator, left, right)
        if operator in ("%", "+") and isinstance(result, _SEQUENCES):
            _check_size(result, f"'{operator}'")
        return result

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """``str.format`` and ``format_map``, with bounded widths and a bounded result."""
        wrapper = super().wrap_str_format(value)
        if wrapper is None:
            return None
        template = value.__self__
        sandboxed = wrapper

        def checked(*args: Any, **kwargs: Any) -> str:
            _check_braces(template)
            result = sandboxed(*args, **kwargs)
            _check_size(result, "format")
            return result

        return update_wrapper(checked, sandboxed)

    def call(__self, __context: Context, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        """Call from a template: counted, depth-limited, and size-checked for built-ins."""
        budget: _Budget | None = getattr(_ACTIVE, "budget", None)
        detached = budget is None
        if budget is None:  # called from Python, outside any render: a budget for this call
            budget = _ACTIVE.budget = _Budget()
        try:
            budget.step()
            if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
                args = (_loop_items(__context, args[0]), *args[1:])
            if isinstance(__obj, types.BuiltinMethodType):
                args = __self._check_builtin(__obj, args, kwargs)
            budget.calls += 1
            try:
                if budget.calls > MAX_CALL_DEPTH:
                    raise ResourceLimitError(
                        f"template calls nest more than {MAX_CALL_DEPTH} deep (recursion?)"
                    )
                result = super().call(__context, __obj, *args, **kwargs)
            finally:
                budget.calls -= 1
            if isinstance(__obj, types.BuiltinMethodType) and isinstance(
                result, (str, bytes, list, tuple)
            ):
                _check_size(result, f"{__obj.__name__}()")
            return result
        finally:
            if detached:
                _ACTIVE.budget = None

    @staticmethod
    def _check_builtin(
        method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> tuple[Any, ...]:
        """Refuse a built-in method call on a str, bytes or number that could grow too large."""
        owner = getattr(method, "__self__", None)
        if not isinstance(owner, (str, bytes, int, float)):
            return args
        name = method.__name__
        if name in ("translate", "maketrans"):
            raise ResourceLimitError(f"{name}() is not allowed in templates")
        _check_arguments(args, f"{name}()")
        _check_arguments(kwargs.values(), f"{name}()")
        if name == "join" and args:
            items = _listed(args[0], "join()")
            if _joined_size(items, owner) > MAX_SIZE:
                raise ResourceLimitError(f"join() would write over {MAX_SIZE:,} characters")
            return (items, *args[1:])
        if isinstance(owner, (str, bytes)):
            _check_text_method(owner, name, args, kwargs)
        return args
