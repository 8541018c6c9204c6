"""Field checks that run at construction and raise our typed errors.

Each factory returns field metadata; `check_fields`, called from the model's
``__attrs_post_init__``, checks and normalises every such field, so the error
names ``Owner.field`` and the refused value, and nothing malformed gets far
enough to fail deep inside as a bare ``TypeError``.  (Metadata rather than
attrs converters keeps the declared field types exact for type checkers.)

What every check guarantees, whatever it is given:

- only the field's typed error escapes, even when the value's own methods
  raise (a hostile ``__eq__``, a broken ``tzinfo``...);
- text is one line, encodable (no lone surrogates), in Unicode NFC (so a name
  typed two ways is one name) and free of bidirectional controls (which could
  reorder a subject line);
- dates and times lie between `EARLIEST` and `LATEST`, far enough inside what
  ``datetime`` can hold that the planner's arithmetic cannot overflow;
- lists are read lazily and refused past their cap, so an endless iterable
  costs at most cap + 1 items.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from enum import Enum
from itertools import islice
from typing import Any, TypeVar

import attrs
import pendulum

from . import _calendar
from .errors import FollowupError, _detached, _InvalidField, _short_repr

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\x85]")
# Bidirectional controls: embeddings, overrides, isolates and marks.  In a
# name or a subject they can make text read differently from what it holds.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# An addr-spec's local part as a dot-atom (RFC 5322): no quotes, comments,
# spaces, commas or angle brackets, so it can only ever be one recipient.
# (Patterns as strings: re compiles and caches them on first use, not at import.)
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = rf"{_ATOM}(?:\.{_ATOM})*"
_DOMAIN_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_MAX_TEXT = 1000

EARLIEST = date(1900, 1, 1)
"""The first date accepted anywhere (interview, decision, events, actions)."""
LATEST = date(9000, 12, 31)
"""The last date of an interview or of its decision."""
LATEST_EVENT = date(9099, 12, 31)
"""The last date of an event or of a planned step.

A century after `LATEST`: the planner looks at most a few years past the last
date it is given, so every step it plans can be reported done and replanned,
and its arithmetic stays far from what ``datetime`` can hold (year 9999).
"""
MAX_PEOPLE = 100
"""Most interviewers on one interview."""
MAX_ITEMS = 100
"""Most entries in a list of texts (topics, missed, requested, sources)."""
MAX_EVENTS = 1000
"""Most events in one history."""

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
        except FollowupError as typed:
            refused: BaseException = typed
        except Exception as exc:  # the value's own methods raised: it cannot be used
            refused = fail(f"cannot be read ({type(exc).__name__} while checking it)")
            refused.__cause__ = exc
        raise _detached(refused)  # outside the except blocks: no context to pickle

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
    """A non-empty one-line string, in NFC, that every export can write.

    Refused: control characters and line breaks, lone surrogates (no UTF-8
    file can hold them) and bidirectional controls.  A plain ``str`` comes
    back even from a ``str`` subclass.
    """
    if not isinstance(value, str):
        raise fail(f"expected a string, got {type(value).__name__}")
    if len(value) > 4 * _MAX_TEXT:  # before any copy of a huge value
        raise fail(f"longer than {_MAX_TEXT} characters")
    text = str.strip(value)  # the base method: a subclass may override strip()
    if not text:
        raise fail("must not be empty")
    if _CONTROL.search(text):
        raise fail("must not contain line breaks or control characters")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise fail(
            f"holds {text[exc.start]!r}, a lone surrogate that no file or e-mail can hold"
        ) from None
    if not _BIDI.isdisjoint(text):
        raise fail("must not contain bidirectional control characters (U+202A-U+202E...)")
    text = unicodedata.normalize("NFC", text)
    if len(text) > _MAX_TEXT:
        raise fail(f"longer than {_MAX_TEXT} characters")
    return text


def bounded(
    value: Any, fail: Callable[[str], Exception], limit: int, what: str
) -> tuple[Any, ...]:
    """The items of the iterable *value*, refused past *limit* (reading at most limit + 1).

    Raises:
        the field's error: *value* is not iterable, its iteration raised, or
            it holds more than *limit* items.
    """
    if isinstance(value, (str, bytes, bytearray, dict)):
        raise fail(f"expected a sequence of {what}")
    refused: BaseException | None = None
    try:
        items = tuple(islice(iter(value), limit + 1))
    except FollowupError as error:  # an item that is itself refused
        refused = error
    except Exception as exc:
        refused = fail(f"expected a sequence of {what}")
        if not isinstance(exc, TypeError) or _iterable(value):
            refused = fail(f"expected a sequence of {what} ({type(exc).__name__} reading it)")
            refused.__cause__ = exc
    if refused is not None:
        raise _detached(refused)  # outside the except blocks: no context to pickle
    if len(items) > limit:
        raise fail(f"more than {limit} {what}")
    return items


def _iterable(value: Any) -> bool:
    """Whether *value* has an iterator at all (its items may still fail to come)."""
    try:
        iter(value)
    except Exception:
        return False
    return True


def text(owner: str, error: ErrorType, *, optional: bool = False) -> dict[str, Any]:
    """A required (or optional) one-line string."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if optional and value is None:
            return None
        return clean_text(value, fail)

    return custom(owner, error, check)


def email_address(value: Any, fail: Callable[[str], Exception]) -> str:
    """One bare addr-spec, ``local@domain``, that every exporter can write.

    The local part is an ASCII dot-atom: no display name, comment, quotes,
    spaces, commas or angle brackets, so the address is exactly one recipient
    in any header.  A non-ASCII local part is refused (the exporters do not
    speak SMTPUTF8); an internationalised domain is accepted when IDNA can
    encode it unchanged, and kept in that ASCII form (``xn--...``).
    """
    address = clean_text(value, fail)
    local, at, domain = address.rpartition("@")
    if not at or not local or not domain:
        raise fail("is not an e-mail address like name@example.com")
    if not re.fullmatch(_LOCAL_PART, local):
        if not local.isascii():
            raise fail(
                "the part before @ must be ASCII (internationalised mailboxes cannot be exported)"
            )
        raise fail(
            "must be one bare address like name@example.com: no display name, comment, "
            "quotes, spaces, commas or angle brackets"
        )
    if len(local) > 64:
        raise fail("the part before @ is longer than 64 characters")
    address = f"{local}@{_host_name(domain, fail)}"
    if len(address) > 254:
        raise fail("longer than 254 characters")
    return address


def _host_name(domain: str, fail: Callable[[str], Exception]) -> str:
    """*domain* as an ASCII host name (IDNA-encoded when it is not ASCII)."""
    if not domain.isascii():
        try:
            encoded = domain.encode("idna")
            back = encoded.decode("idna")
        except UnicodeError:
            raise fail("its domain cannot be encoded for e-mail (IDNA)") from None
        if back.lower() != domain.lower():  # IDNA 2003 maps, say, 'ß' to 'ss'
            raise fail(
                f"its domain changes when encoded for e-mail (to {back!r}): write it as registered"
            )
        domain = encoded.decode("ascii")
    labels = domain.split(".")
    if (
        len(labels) < 2
        or len(domain) > 253
        or labels[-1].isdigit()
        or not all(re.fullmatch(_DOMAIN_LABEL, label) for label in labels)
    ):
        raise fail("its domain is not a host name like example.com")
    for label in labels:
        if label[:4].lower() == "xn--":
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError:
                raise fail(f"its domain label {label!r} is not valid IDNA") from None
    return domain


def email(owner: str, error: ErrorType) -> dict[str, Any]:
    """An optional e-mail address: one bare ``name@example.com`` (see `email_address`)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str | None:
        if value is None:
            return None
        return email_address(value, fail)

    return custom(owner, error, check)


def texts(owner: str, error: ErrorType, *, limit: int = MAX_ITEMS) -> dict[str, Any]:
    """A tuple of one-line strings (at most *limit*); a single string is taken as one item."""

    def check(value: Any, fail: Callable[[str], Exception]) -> tuple[str, ...]:
        if value is None:
            return ()
        if isinstance(value, str):
            value = (value,)
        return tuple(clean_text(item, fail) for item in bounded(value, fail, limit, "strings"))

    return custom(owner, error, check)


def _in_range(day: date, fail: Callable[[str], Exception], latest: date = LATEST) -> None:
    if not EARLIEST <= day <= latest:
        raise fail(f"is outside the supported dates, {EARLIEST} to {latest}")


def aware(
    value: Any, fail: Callable[[str], Exception], latest: date = LATEST
) -> pendulum.DateTime:
    """*value* as a pendulum DateTime in a zone `_calendar.zone` knows, same instant.

    Naive datetimes are refused *before* conversion: ``pendulum.instance``
    would silently read them as UTC.  So are dates outside `EARLIEST` to
    `LATEST`, zones that depend on the machine (``localtime``) and offsets
    that are not whole minutes.  The result's tzinfo is always the library's
    own, whatever tzinfo (or datetime subclass) came in.
    """
    if not isinstance(value, datetime):
        raise fail(f"expected an aware datetime, got {type(value).__name__}")
    try:
        tz = value.tzinfo
        offset = value.utcoffset()
    except Exception as exc:
        raise fail("its time zone gives no UTC offset") from exc
    if offset is None:
        raise fail("naive datetime: give it a time zone (e.g. pendulum.datetime(..., tz=...))")
    try:  # a plain datetime with the same fields: no subclass method runs again
        plain = datetime(*_calendar._wall_clock(value), tzinfo=tz, fold=value.fold)
    except Exception as exc:
        raise fail("is not a usable datetime") from exc
    _in_range(plain.date(), fail, latest)
    for attribute in ("key", "zone", "name"):
        key = getattr(tz, attribute, None)
        if isinstance(key, str) and _calendar._machine_dependent(key):
            raise fail(f"its time zone {key!r} depends on the machine: use an IANA name")
    try:
        name = _calendar.zone_name(tz, plain)  # type: ignore[arg-type]
        zone = _calendar.zone(name)
    except ValueError as exc:
        raise fail(f"unsupported time zone: {exc}") from exc
    if name[0] in "+-" and offset % timedelta(minutes=1):
        raise fail("its UTC offset is not a whole number of minutes")
    if zone is tz:
        return _calendar.to_pendulum(plain)
    return _calendar.to_pendulum(plain.astimezone(zone))


def aware_datetime(owner: str, error: ErrorType, *, latest: date = LATEST) -> dict[str, Any]:
    """An aware datetime up to *latest*, as a pendulum DateTime in the same zone (see `aware`)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> pendulum.DateTime:
        return aware(value, fail, latest)

    return custom(owner, error, check)


def optional_date(
    owner: str,
    error: ErrorType,
    *,
    timeframes: bool = False,
    latest: date = LATEST,
    required: bool = False,
) -> dict[str, Any]:
    """None, a date, or an aware datetime (its own calendar date is kept), up to *latest*.

    With *required*, None is refused too.

    With *timeframes*, also a `Timeframe`, a ``(start, end)`` pair of dates
    (made a window), or a phrase, kept as a string for the owner to read
    against its own day (see `followup_rules.timeframe`).
    """

    def one_day(value: Any, fail: Callable[[str], Exception]) -> date:
        if isinstance(value, datetime):
            if value.tzinfo is None or value.utcoffset() is None:
                raise fail("naive datetime: give a date, or a datetime with a time zone")
        elif not isinstance(value, date):
            raise fail(f"expected a date, got {type(value).__name__}")
        day = date(value.year, value.month, value.day)
        _in_range(day, fail, latest)
        return day

    def check(value: Any, fail: Callable[[str], Exception]) -> Any:
        if value is None:
            if required:
                raise fail("expected a date, got None")
            return None
        if timeframes:
            from .timeframe import Timeframe

            if isinstance(value, Timeframe):
                return value
            if isinstance(value, str):
                return clean_text(value, fail)
            if isinstance(value, (tuple, list)) and len(value) == 2:
                start, end = one_day(value[0], fail), one_day(value[1], fail)
                if end < start:
                    raise fail("a (start, end) window must not end before it starts")
                phrase = f"between {start.isoformat()} and {end.isoformat()}"
                return Timeframe(start, end, phrase, "between")
        return one_day(value, fail)

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


def optional_flag(owner: str, error: ErrorType) -> dict[str, Any]:
    """None (unknown), or a real bool."""

    def check(value: Any, fail: Callable[[str], Exception]) -> bool | None:
        if value is not None and not isinstance(value, bool):
            raise fail(f"expected True, False or None, got {type(value).__name__}")
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


def instant(value: Any, fail: Callable[[str], Exception]) -> datetime:
    """The instant of an aware datetime, in any zone, as a plain stdlib datetime in UTC.

    For *now* arguments: only the instant matters, so any zone is fine, and an
    instant beyond what ``datetime`` holds in UTC is taken as its nearest end.
    """
    if not isinstance(value, datetime):
        raise fail(f"expected an aware datetime, got {type(value).__name__}")
    failure: Exception | None = None
    try:
        offset = value.utcoffset()
        wall = datetime(*_calendar._wall_clock(value))
    except Exception as exc:
        failure = exc
    if failure is not None:
        refused = fail("is not a usable datetime (its time zone gives no UTC offset)")
        refused.__cause__ = failure
        raise _detached(refused)  # outside the except block: no context to pickle
    if offset is None:
        raise fail("naive datetime: give it a time zone")
    try:
        return (wall - offset).replace(tzinfo=_calendar.UTC)
    except OverflowError:
        end = datetime.min if wall.year < 5000 else datetime.max
        return end.replace(tzinfo=_calendar.UTC)


def instance_of(
    owner: str, error: ErrorType, kinds: tuple[type, ...], *, optional: bool = False
) -> dict[str, Any]:
    """An instance of one of *kinds* (or None when *optional*)."""
    names = " or ".join(kind.__name__ for kind in kinds) + (" or None" if optional else "")

    def check(value: Any, fail: Callable[[str], Exception]) -> Any:
        if (value is None and optional) or isinstance(value, kinds):
            return value
        raise fail(f"expected {names}, got {type(value).__name__}")

    return custom(owner, error, check)


def rule_id(owner: str, error: ErrorType) -> dict[str, Any]:
    """The id of a rule of the catalogue (``rules.RULES``)."""

    def check(value: Any, fail: Callable[[str], Exception]) -> str:
        from .rules import RULES  # rules builds actions: imported when first checked

        name = clean_text(value, fail)
        if name not in RULES:
            raise fail("is not a rule id of the catalogue (see followup_rules.RULES)")
        return name

    return custom(owner, error, check)
