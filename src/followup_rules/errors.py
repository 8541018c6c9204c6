"""The errors followup_rules raises on purpose.

Every error names the offending field and value, so a caller can show it to a
person as it is.  Bad input is refused when the object is built, never turned
into a wrong plan.

Messages are one line and short whatever the value: a 50 MB string, an
integer of 5,000 digits or an object whose ``__repr__`` raises is shown by a
cut-down repr.  Every error pickles (Dask and multiprocessing send them
between processes), even when the refused value itself cannot be pickled.
"""

from __future__ import annotations

import re
import reprlib
from typing import TypeVar

__all__ = ["FollowupError", "InvalidHistory", "InvalidInterview", "InvalidPolicy"]

_MAX_VALUE_REPR = 80
_MAX_PROBLEM = 300
_LINE_BREAKS = r"[\x00-\x1f\x7f\x85\u2028\u2029]+"  # compiled on first use


class _Repr(reprlib.Repr):
    """`reprlib` with limits that keep a value's repr near `_MAX_VALUE_REPR` characters."""

    def __init__(self) -> None:
        super().__init__()
        self.maxstring = self.maxother = self.maxlong = _MAX_VALUE_REPR
        self.maxlevel = 3

    def repr_instance(self, x: object, level: int) -> str:
        try:
            text = repr(x)
        except Exception:  # a hostile __repr__: name the type, never the address
            return f"<{type(x).__name__} object>"
        if len(text) > self.maxother:
            head = (self.maxother - 3) // 2
            text = text[:head] + "..." + text[len(text) - (self.maxother - 3 - head) :]
        return text

    def repr_int(self, x: int, level: int) -> str:
        # str() of an int over 4,300 digits raises ValueError (and costs
        # quadratic time below that): describe a big one by its size instead.
        if x.bit_length() > 256:
            return f"<int of about {int(x.bit_length() * 0.30103) + 1} digits>"
        return super().repr_int(x, level)


_REPR = _Repr()


def _short_repr(value: object) -> str:
    """A one-line repr of *value*, at most `_MAX_VALUE_REPR` characters; never raises."""
    try:
        if isinstance(value, int) and not isinstance(value, bool):
            text = _REPR.repr_int(int.__int__(value), 1)  # int subclasses too
        else:
            text = _REPR.repr(value)
    except Exception:  # a hostile __repr__ (or __class__) that raises
        text = f"<{type(value).__name__} object>"
    text = re.sub(_LINE_BREAKS, " ", text).encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > _MAX_VALUE_REPR:
        text = text[: _MAX_VALUE_REPR - 3] + "..."
    return text


def _one_line(problem: str) -> str:
    """*problem* on one line, printable as UTF-8, and at most `_MAX_PROBLEM` characters."""
    text = re.sub(_LINE_BREAKS, " ", str(problem))
    # A library's message may quote a lone surrogate: escape it, or printing fails.
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) > _MAX_PROBLEM:
        text = text[: _MAX_PROBLEM - 3] + "..."
    return text


class _Unpicklable:
    """Stands in for a refused value that cannot be pickled; shows the same repr."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _picklable(value: object) -> object:
    """*value* itself when it pickles and unpickles, else a stand-in with the same short repr."""
    import pickle  # only when an error is pickled: not at import time

    try:
        pickle.loads(pickle.dumps(value))
    except Exception:  # some objects pickle but cannot be rebuilt
        return _Unpicklable(_short_repr(value))
    return value


def _round_trips(error: BaseException) -> bool:
    """Whether *error* and every exception chained to it pickle and unpickle."""
    import pickle

    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        item = pending.pop()
        if item is None or id(item) in seen:
            continue
        if len(seen) >= 20:
            return False
        seen.add(id(item))
        try:
            pickle.loads(pickle.dumps(item))
        except Exception:
            return False
        pending += [item.__cause__, item.__context__]
    return True


E = TypeVar("E", bound=BaseException)


def _detached(error: E) -> E:
    """*error* without the exception it was raised while handling, ready to raise.

    Dask (through tblib) pickles an error together with its ``__cause__`` and
    ``__context__``: an exception from a user's object there, or one holding
    the refused value, could make our error impossible to send.  So the
    context goes, and the cause stays only when it pickles (for debugging).
    Raise the result outside the ``except`` block, or Python sets a context
    again.
    """
    cause = error.__cause__
    error.__context__ = None
    error.__cause__ = cause if cause is not None and _round_trips(cause) else None
    return error


class FollowupError(Exception):
    """Base class of every error followup_rules raises on purpose."""


class _InvalidField(FollowupError, ValueError):
    """A value that cannot be accepted; names the field and the value.

    Attributes:
        field: dotted name of the offending field, e.g. ``"Policy.min_gap"``.
        value: the value that was refused.
        problem: what is wrong with it, in plain words (one line).
    """

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = _one_line(problem)
        super().__init__(f"{field}={_short_repr(value)}: {self.problem}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.field, _picklable(self.value), self.problem))


class InvalidInterview(_InvalidField):
    """An interview, a person on it, or a time given to the planner is invalid."""


class InvalidHistory(InvalidInterview):
    """An event history cannot belong to the interview (out of order, too early...)."""


class InvalidPolicy(_InvalidField):
    """A policy knob is out of range or of the wrong kind."""
