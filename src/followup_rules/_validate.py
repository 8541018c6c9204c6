"""Converters that check input at construction and raise our typed errors.

Each factory returns an ``attrs.Converter`` that knows its field, so the error
names ``Owner.field`` and the refused value; nothing malformed gets far
enough to fail deep inside as a bare ``TypeError``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from enum import Enum
from typing import Any, TypeVar

import attrs
import pendulum

from . import _calendar
from .errors import _InvalidField

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MAX_TEXT = 1000

ErrorType = type[_InvalidField]


def _checker(
    owner: str, error: ErrorType, check: Callable[[Any, Callable[[str], Exception]], T]
) -> attrs.Converter:  # type: ignore[type-arg]
    def convert(value: Any, field: attrs.Attribute) -> T:  # type: ignore[type-arg]
        def fail(problem: str) -> Exception:
            return error(f"{owner}.{field.name}", value, problem)

        return check(value, fail)

    return attrs.Converter(convert, takes_field=True)  # type: ignore[call-overload,no-any-return]


def clean_text(value: Any, fail: Callable[[str], Exception]) -> str:
    """A non-empty one-line string without control characters."""
    if not isinstance(value, str):
        raise fail(f"expected a string, got {type(value).__name__}")
    value = value.strip()
    if not value:
        raise fail("must not be empty")
    if len(value) > _MAX_TEXT:
        raise fail(f"longer than {_MAX_TEXT} characters")
    if _CONTROL.search(value):
        raise fail("must not contain line breaks or control characters")
    return value


def text(owner: str, error: ErrorType, *, optional: bool = False) -> attrs.Converter:  # type: ignore[type-arg]
    """A required (or optional) one-line string."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if optional and value is None:
            return None
        return clean_text(value, fail)

    return _checker(owner, error, check)


def email(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """An optional e-mail address of the plain ``name@domain.tld`` shape."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if value is None:
            return None
        value = clean_text(value, fail)
        if not _EMAIL.match(value):
            raise fail("is not an e-mail address like name@example.com")
        return value

    return _checker(owner, error, check)


def texts(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """A tuple of one-line strings; a single string is taken as one item."""

    def check(value: Any, fail: Callable[[str], Exception]) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = (value,)
        if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
            raise fail("expected a list of strings")
        return tuple(clean_text(item, fail) for item in value)

    return _checker(owner, error, check)


def aware_datetime(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """An aware datetime, returned as a pendulum DateTime in the same zone.

    Naive datetimes are refused *before* conversion: ``pendulum.instance``
    would silently read them as UTC.
    """

    def check(value: Any, fail: Callable[[str], Exception]) -> pendulum.DateTime:
        if not isinstance(value, datetime):
            raise fail(f"expected an aware datetime, got {type(value).__name__}")
        try:
            offset = value.utcoffset()
        except Exception as exc:
            raise fail("its time zone gives no UTC offset") from exc
        if offset is None:
            raise fail("naive datetime: give it a time zone (e.g. pendulum.datetime(..., tz=...))")
        try:
            name = _calendar.zone_name(value.tzinfo, value)  # type: ignore[arg-type]
            tz = _calendar.zone(name)
        except ValueError as exc:
            raise fail(f"unsupported time zone: {exc}") from exc
        if tz is value.tzinfo:
            return _calendar.to_pendulum(value)
        return _calendar.to_pendulum(value.astimezone(tz))

    return _checker(owner, error, check)


def optional_date(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """None, a date, or an aware datetime (its own calendar date is kept)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> date | None:
        if value is None:
            return None
        if isinstance(value, datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                raise fail("naive datetime: give a date, or a datetime with a time zone")
            return date(value.year, value.month, value.day)
        if isinstance(value, date):
            return date(value.year, value.month, value.day)
        raise fail(f"expected a date, got {type(value).__name__}")

    return _checker(owner, error, check)


def zone_name(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """None or a time-zone name that `_calendar.zone` knows."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if value is None:
            return None
        if not isinstance(value, str):
            key = getattr(value, "key", None) or getattr(value, "name", None)
            if not isinstance(key, str):
                raise fail(f"expected a time-zone name, got {type(value).__name__}")
            value = key
        try:
            _calendar.zone(value)
        except ValueError as exc:
            raise fail("unknown time zone (use an IANA name like 'Europe/Paris')") from exc
        return value

    return _checker(owner, error, check)


def member(  # type: ignore[type-arg]
    owner: str,
    error: ErrorType,
    enum: type[E],
    *,
    allowed: Iterable[E] | None = None,
    optional: bool = False,
) -> attrs.Converter:
    """A member of *enum*, also accepted by its name or value (any case)."""
    permitted = tuple(allowed) if allowed is not None else tuple(enum)

    def check(value: Any, fail: Callable[[str], Exception]) -> E | None:
        if optional and value is None:
            return None
        found = value if isinstance(value, enum) else None
        if found is None and isinstance(value, str):
            wanted = value.strip().casefold()
            for candidate in enum:
                if wanted in (candidate.name.casefold(), str(candidate.value).casefold()):
                    found = candidate
        if found is None or found not in permitted:
            names = ", ".join(item.name for item in permitted)
            raise fail(f"expected one of {names}")
        return found

    return _checker(owner, error, check)


def duration(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """A positive duration: a timedelta, or a number of seconds."""

    def check(value: Any, fail: Callable[[str], Exception]) -> timedelta:
        if isinstance(value, timedelta):
            result = timedelta(seconds=value.total_seconds())
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            if value != value or value in (float("inf"), float("-inf")):
                raise fail("must be a finite number of seconds")
            try:
                result = timedelta(seconds=value)
            except OverflowError as exc:
                raise fail("is too large") from exc
        else:
            raise fail(f"expected a timedelta or seconds, got {type(value).__name__}")
        if result <= timedelta(0):
            raise fail("must be positive")
        if result > timedelta(days=366):
            raise fail("must be at most a year")
        return result

    return _checker(owner, error, check)


def count(owner: str, error: ErrorType, *, minimum: int, maximum: int = 1000) -> attrs.Converter:  # type: ignore[type-arg]
    """A whole number within ``[minimum, maximum]`` (business days, calls, check-ins)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"expected a whole number, got {type(value).__name__}")
        if value < minimum:
            raise fail(f"must be at least {minimum}")
        if value > maximum:
            raise fail(f"must be at most {maximum}")
        return int(value)

    return _checker(owner, error, check)


def flag(owner: str, error: ErrorType) -> attrs.Converter:  # type: ignore[type-arg]
    """A real bool (``"no"`` is not False)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> bool:
        if not isinstance(value, bool):
            raise fail(f"expected True or False, got {type(value).__name__}")
        return value

    return _checker(owner, error, check)


def wall_time(value: Any, fail: Callable[[str], Exception]) -> time:
    """A naive wall-clock time, from a ``time`` or an ``"HH:MM"`` string."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value)
        if match is None:
            raise fail(f"{value!r} is not a time like '10:30'")
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise fail(f"{value!r} is not a time of day")
        return time(hour, minute)
    if isinstance(value, time) and not isinstance(value, datetime):
        if value.tzinfo is not None:
            raise fail("window times are local wall times: leave out the time zone")
        return value
    raise fail(f"expected a time like '10:30', got {type(value).__name__}")
