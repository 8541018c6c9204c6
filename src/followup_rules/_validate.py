"""Field checks that run at construction and raise our typed errors.

Each factory returns field metadata; `check_fields`, called from the model's
``__attrs_post_init__``, checks and normalises every such field, so the error
names ``Owner.field`` and the refused value, and nothing malformed gets far
enough to fail deep inside as a bare ``TypeError``.  (Metadata rather than
attrs converters keeps the declared field types exact for type checkers.)
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
from .errors import FollowupError, _InvalidField, _short_repr

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_MAX_TEXT = 1000

_YEAR_SECONDS = 366 * 86400

ErrorType = type[_InvalidField]


Check = Callable[[Any, Callable[[str], Exception]], Any]
_KEY = "followup_rules.check"


def custom(owner: str, error: ErrorType, check: Check) -> dict[str, Any]:
    """Field metadata that `check_fields` reads: how to check and convert the value."""

    def convert(value: Any, name: str) -> Any:
        def fail(problem: str) -> Exception:
            return error(f"{owner}.{name}", value, problem)

        try:
            return check(value, fail)
        except FollowupError:
            raise
        except Exception as exc:  # the value's own methods raised: it cannot be used
            raise fail(f"cannot be read ({type(exc).__name__} while checking it)") from exc

    return {_KEY: convert}


def _checks(cls: type) -> tuple[tuple[str, Callable[[Any, str], Any]], ...]:
    """The checked fields of *cls*; a subclass that only changes a default keeps the check."""
    found = _CHECKS.get(cls)
    if found is None:
        pairs = []
        for field in attrs.fields(cls):
            convert = field.metadata.get(_KEY)
            for base in cls.__mro__[1:]:
                if convert is not None:
                    break
                if attrs.has(base):
                    inherited = getattr(attrs.fields(base), field.name, None)
                    if inherited is not None:
                        convert = inherited.metadata.get(_KEY)
            if convert is not None:
                pairs.append((field.name, convert))
        found = _CHECKS[cls] = tuple(pairs)
    return found


_CHECKS: dict[type, tuple[tuple[str, Callable[[Any, str], Any]], ...]] = {}


def check_fields(instance: Any) -> None:
    """Check and normalise every field that carries a check, in place (frozen or not).

    Called first thing in ``__attrs_post_init__``, so ``attrs.evolve`` checks
    again; raises the field's typed error naming ``Owner.field`` and the value.
    """
    for name, convert in _checks(type(instance)):
        value = getattr(instance, name)
        converted = convert(value, name)
        if converted is not value:
            object.__setattr__(instance, name, converted)


def clean_text(value: Any, fail: Callable[[str], Exception]) -> str:
    """A non-empty one-line string without control characters."""
    if not isinstance(value, str):
        raise fail(f"expected a string, got {type(value).__name__}")
    text = value.strip()
    if not text:
        raise fail("must not be empty")
    if len(text) > _MAX_TEXT:
        raise fail(f"longer than {_MAX_TEXT} characters")
    if _CONTROL.search(text):
        raise fail("must not contain line breaks or control characters")
    return text


def text(owner: str, error: ErrorType, *, optional: bool = False) -> dict[str, Any]:
    """A required (or optional) one-line string."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if optional and value is None:
            return None
        return clean_text(value, fail)

    return custom(owner, error, check)


def email(owner: str, error: ErrorType) -> dict[str, Any]:
    """An optional e-mail address of the plain ``name@domain.tld`` shape."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if value is None:
            return None
        address = clean_text(value, fail)
        if not _EMAIL.match(address):
            raise fail("is not an e-mail address like name@example.com")
        return address

    return custom(owner, error, check)


def texts(owner: str, error: ErrorType) -> dict[str, Any]:
    """A tuple of one-line strings; a single string is taken as one item."""

    def check(value: Any, fail: Callable[[str], Exception]) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = (value,)
        if not isinstance(value, Iterable) or isinstance(value, (bytes, dict)):
            raise fail("expected a list of strings")
        return tuple(clean_text(item, fail) for item in value)

    return custom(owner, error, check)


def aware_datetime(owner: str, error: ErrorType) -> dict[str, Any]:
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

    return custom(owner, error, check)


def optional_date(owner: str, error: ErrorType) -> dict[str, Any]:
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

    return custom(owner, error, check)


def zone_name(owner: str, error: ErrorType) -> dict[str, Any]:
    """None or a time-zone name that `_calendar.zone` knows, in its canonical spelling."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if value is None:
            return None
        name = value
        if not isinstance(name, str):
            name = getattr(value, "key", None) or getattr(value, "name", None)
            if not isinstance(name, str):
                raise fail(f"expected a time-zone name, got {type(value).__name__}")
        if len(name) > 100:
            raise fail("is not a time-zone name (too long)")
        name = str.__str__(name)  # a plain str: zone() hashes it
        try:
            _calendar.zone(name)
        except ValueError as exc:
            raise fail(str(exc)) from None
        return _calendar.zone_key(name)

    return custom(owner, error, check)


def member(
    owner: str,
    error: ErrorType,
    enum: type[E],
    *,
    allowed: Iterable[E] | None = None,
    optional: bool = False,
) -> dict[str, Any]:
    """A member of *enum*, also accepted by its name or value (any case)."""
    permitted = tuple(allowed) if allowed is not None else tuple(enum)

    def check(value: Any, fail: Callable[[str], Exception]) -> E | None:
        if optional and value is None:
            return None
        found = value if isinstance(value, enum) else None
        if found is None and isinstance(value, str) and len(value) <= 100:
            wanted = str.strip(value).casefold()
            for candidate in enum:
                if wanted in (candidate.name.casefold(), str(candidate.value).casefold()):
                    found = candidate
        if found is None or found not in permitted:
            names = ", ".join(item.name for item in permitted)
            raise fail(f"expected one of {names}")
        return found

    return custom(owner, error, check)


def duration(owner: str, error: ErrorType) -> dict[str, Any]:
    """A positive duration: a timedelta, or a number of seconds."""

    def check(value: Any, fail: Callable[[str], Exception]) -> timedelta:
        if isinstance(value, timedelta):
            # Field by field: rebuilding from total_seconds() overflows near timedelta.max.
            result = timedelta(value.days, value.seconds, value.microseconds)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            seconds = float.__float__(value) if isinstance(value, float) else int.__int__(value)
            if seconds != seconds or seconds in (float("inf"), float("-inf")):
                raise fail("must be a finite number of seconds")
            if seconds > _YEAR_SECONDS:  # before timedelta() can overflow on it
                raise fail("must be at most a year")
            result = timedelta(seconds=max(seconds, -_YEAR_SECONDS))
        else:
            raise fail(f"expected a timedelta or seconds, got {type(value).__name__}")
        if result <= timedelta(0):
            raise fail("must be positive")
        if result > timedelta(days=366):
            raise fail("must be at most a year")
        return result

    return custom(owner, error, check)


def count(owner: str, error: ErrorType, *, minimum: int, maximum: int = 1000) -> dict[str, Any]:
    """A whole number within ``[minimum, maximum]`` (business days, calls, check-ins)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"expected a whole number, got {type(value).__name__}")
        value = int.__int__(value)  # a plain int, whatever an int subclass overrides
        if value < minimum:
            raise fail(f"must be at least {minimum}")
        if value > maximum:
            raise fail(f"must be at most {maximum}")
        return int(value)

    return custom(owner, error, check)


def business_days(owner: str, error: ErrorType, *, minimum: int = 1) -> dict[str, Any]:
    """A number of business days: a whole number, or a timedelta of whole days."""

    def check(value: Any, fail: Callable[[str], Exception]) -> int:
        if isinstance(value, timedelta):
            if value.seconds or value.microseconds:
                raise fail("a number of business days must be whole days")
            value = value.days
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"expected a whole number of business days, got {type(value).__name__}")
        value = int.__int__(value)
        if not minimum <= value <= 60:
            raise fail(f"must be between {minimum} and 60 business days")
        return int(value)

    return custom(owner, error, check)


def flag(owner: str, error: ErrorType) -> dict[str, Any]:
    """A real bool (``"no"`` is not False)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> bool:
        if not isinstance(value, bool):
            raise fail(f"expected True or False, got {type(value).__name__}")
        return value

    return custom(owner, error, check)


def wall_time(value: Any, fail: Callable[[str], Exception]) -> time:
    """A naive wall-clock time, from a ``time`` or an ``"HH:MM"`` string."""
    if isinstance(value, str):
        match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", value) if len(value) < 20 else None
        if match is None:
            raise fail(f"{_short_repr(value)} is not a time like '10:30'")
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59:
            raise fail(f"{_short_repr(value)} is not a time of day")
        return time(hour, minute)
    if isinstance(value, time) and not isinstance(value, datetime):
        if value.tzinfo is not None:
            raise fail("window times are local wall times: leave out the time zone")
        return value
    raise fail(f"expected a time like '10:30', got {type(value).__name__}")
