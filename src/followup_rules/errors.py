"""The errors followup_rules raises on purpose.

Every error names the offending field and value, so a caller can show it to a
person as it is.  Bad input is refused when the object is built, never turned
into a wrong plan.
"""

from __future__ import annotations

__all__ = ["FollowupError", "InvalidHistory", "InvalidInterview", "InvalidPolicy"]

_MAX_VALUE_REPR = 80


def _short_repr(value: object) -> str:
    text = repr(value)
    if len(text) > _MAX_VALUE_REPR:
        text = text[: _MAX_VALUE_REPR - 3] + "..."
    return text


class FollowupError(Exception):
    """Base class of every error followup_rules raises on purpose."""


class _InvalidField(FollowupError, ValueError):
    """A value that cannot be accepted; names the field and the value.

    Attributes:
        field: dotted name of the offending field, e.g. ``"Policy.min_gap"``.
        value: the value that was refused.
        problem: what is wrong with it, in plain words.
    """

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = problem
        super().__init__(f"{field}={_short_repr(value)}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.field, self.value, self.problem))


class InvalidInterview(_InvalidField):
    """An interview, a person on it, or a time given to the planner is invalid."""


class InvalidHistory(InvalidInterview):
    """An event history cannot belong to the interview (out of order, too early...)."""


class InvalidPolicy(_InvalidField):
    """A policy knob is out of range or of the wrong kind."""
