"""Field checks that run at construction and raise our typed errors.

Each check is an attrs converter (``attrs.Converter(..., takes_self=True,
takes_field=True)``): attrs runs it in ``__init__`` (and so in
``attrs.evolve``), and it raises the error class the model names in its
``_error`` class attribute, naming ``Model.field`` and the refused value.
Nothing malformed gets far enough to fail deep inside as a bare
``TypeError``.  Only checks across fields stay in ``__attrs_post_init__``.

For type checkers each converter is declared as a plain function from what
it accepts to what it gives (mypy reads a converter's signature only from a
named function), so ``Policy.__init__`` says ``min_gap: int | timedelta`` and
``Interview.__init__`` says ``interviewers: Iterable[Interviewer | str]``.

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
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum
from itertools import islice
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

import attrs
import pendulum

from . import _calendar
from .errors import FollowupError, _InvalidField, _short_repr

E = TypeVar("E", bound=Enum)
T = TypeVar("T")

Fail = Callable[[str], Exception]
"""Makes the field's typed error from a problem (the check raises it)."""

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


# -- the protocol -----------------------------------------------------------------------


_FIELD = type(attrs.field())  # what attrs.field() gives before the class is made


class Checked:
    """Base of the validated models: the error their fields raise, and checks kept.

    A model names its error class in ``_error`` (a plain class attribute, not
    a field).  A subclass that gives an inherited field only a new default
    (``min_gap: int = 5`` in a house `Policy`) keeps that field's check.
    """

    __slots__ = ()
    _error: ClassVar[type[_InvalidField]]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _keep_inherited_checks(cls)


def _keep_inherited_checks(cls: type) -> None:
    """Keep the check of every inherited field that *cls* redefines.

    A field redefined with a bare default (``min_gap: int = 5``, annotated or
    not) gets the converter of the field it redefines; one redefined with ``attrs.field``
    (a default, a factory, its own validator; annotated or not) keeps what it
    says and runs the inherited check too, after its own converter if it has
    one; one annotated again with no value (``min_gap: int``) becomes a field
    the caller must give, with the check.  Either way a house subclass refuses
    what the base refuses, naming the field (SPEC: a team that subclasses gets
    the same guarantees).
    """
    own = _own_annotations(cls)
    parent = next((base for base in cls.__mro__[1:] if attrs.has(base)), None)
    if parent is None:
        return
    inherited = {field.name: field for field in attrs.fields(parent)}
    # An inherited field given an attrs.field or a plain value without an
    # annotation (``min_gap = 5``) is redefined too: attrs alone would take the
    # first without the check and ignore the second.
    redefined = [*own, *(name for name in cls.__dict__ if name in inherited and name not in own)]
    for name in redefined:
        field = inherited.get(name)
        if field is None or field.converter is None:
            continue
        # Annotated again with no value (``min_gap: int``): a field the caller must
        # give, still checked (attrs alone would make it a plain field, unchecked).
        default = cls.__dict__.get(name, attrs.NOTHING)
        if isinstance(default, _FIELD):
            # attrs reads the field after __init_subclass__: chain the inherited
            # check after the subclass's own converter (none: the check alone).
            own_converter = default.converter
            default.converter = (
                field.converter
                if own_converter is None
                else attrs.converters.pipe(own_converter, field.converter)
            )
            continue
        # a descriptor: the slot that attrs itself reuses when it makes the
        # slotted class (the field was handled on the class it was made from).
        if default is not attrs.NOTHING and hasattr(type(default), "__get__"):
            continue
        if name not in own and own and "__annotations__" in cls.__dict__:
            # Annotated like its neighbours, so that attrs keeps reading the
            # class's annotated fields as fields.
            cls.__dict__["__annotations__"][name] = field.type  # noqa: RUF063 - no evaluation
        setattr(
            cls,
            name,
            attrs.field(
                default=default,
                converter=field.converter,
                kw_only=field.kw_only,
                repr=field.repr,
                eq=field.eq,
                order=field.order,
                metadata=field.metadata,
            ),
        )


def unfrozen_twin(cls: type[T]) -> type[T]:
    """A subclass of the frozen, slotted model *cls* in which the library builds its own
    instances, unchecked: its slots take plain assignment, then the instance becomes a
    *cls* (``made.__class__ = cls``: the twin adds no slot, so the layout is the same).

    A frozen model refuses assignment (attrs gives it a ``__setattr__`` that raises),
    so filling its slots one by one took a call of each slot's ``__set__``, a
    method-wrapper that packs its arguments into a tuple (CPython 3.11 gives it no
    vectorcall).  In the twin, ``__setattr__`` and ``__delattr__`` are ``object``'s
    own, so CPython keeps the generic attribute setter in C and an assignment
    stores the slot through its descriptor with no call at all: a planned step's
    ten slots in a third of the time (issue 20, eleventh pass).  Nothing but the
    builder ever holds an instance of the twin: it is a *cls* before anyone sees it.
    """
    return type(
        f"_Unfrozen{cls.__name__}",
        (cls,),
        {
            "__slots__": (),
            "__setattr__": object.__setattr__,
            "__delattr__": object.__delattr__,
            "__module__": cls.__module__,
            "__doc__": f"A {cls.__name__} being built (see `_validate.unfrozen_twin`).",
        },
    )


def _own_annotations(cls: type) -> dict[str, Any]:
    """The names *cls* itself annotates (not its bases'), without evaluating them."""
    own = cls.__dict__.get("__annotations__")  # noqa: RUF063 - no evaluation, no inspect import
    if own is None and "__annotate__" in cls.__dict__:  # pragma: no cover - Python 3.14
        import inspect

        return inspect.get_annotations(cls, format=inspect.Format.FORWARDREF)  # type: ignore[attr-defined, call-arg, no-any-return, unused-ignore]
    return dict(own or {})


def converter(check: Callable[[Any, Fail], T]) -> attrs.Converter[Any, T]:
    """An attrs converter running *check* (``check(value, fail)``) for a `Checked` model.

    ``fail(problem)`` makes the model's ``_error`` naming ``Model.field`` and
    the value.  If the value's own methods raise while it is checked, the
    value cannot be used: that is the field's error too (caused by what was
    raised).
    """

    def convert(value: Any, owner: Any, field: attrs.Attribute[Any]) -> T:
        kind = type(owner)
        error: type[_InvalidField] = kind._error
        name = f"{kind.__name__}.{field.name}"

        def fail(problem: str) -> Exception:
            return error(name, value, problem)

        try:
            return check(value, fail)
        except FollowupError:
            raise
        except Exception as exc:  # the value's own methods raised: it cannot be used
            raise fail(f"cannot be read ({type(exc).__name__} while checking it)") from exc

    # Unannotated for attrs: it then annotates __init__ with the field's own
    # type, as without a converter (what run-time introspection such as
    # Hypothesis's from_type reads); type checkers read the declarations below.
    del convert.__annotations__["value"]
    return attrs.Converter(convert, takes_self=True, takes_field=True)


def optional(check: Callable[[Any, Fail], T]) -> Callable[[Any, Fail], T | None]:
    """*check*, letting None through."""

    def check_optional(value: Any, fail: Fail) -> T | None:
        return None if value is None else check(value, fail)

    return check_optional


# -- the checks ---------------------------------------------------------------------------


def clean_text(value: Any, fail: Fail) -> str:
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


def bounded(value: Any, fail: Fail, limit: int, what: str) -> tuple[Any, ...]:
    """The items of the iterable *value*, refused past *limit* (reading at most limit + 1).

    Raises:
        the field's error: *value* is not iterable, its iteration raised, or
            it holds more than *limit* items.
    """
    if isinstance(value, (str, bytes, bytearray, dict)):
        raise fail(f"expected a sequence of {what}")
    try:
        items = tuple(islice(iter(value), limit + 1))
    except FollowupError:  # an item that is itself refused
        raise
    except Exception as exc:
        if isinstance(exc, TypeError) and not _iterable(value):
            raise fail(f"expected a sequence of {what}") from None
        raise fail(f"expected a sequence of {what} ({type(exc).__name__} reading it)") from exc
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


def email_address(value: Any, fail: Fail) -> str:
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


def _host_name(domain: str, fail: Fail) -> str:
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


def text_items(value: Any, fail: Fail, limit: int = MAX_ITEMS) -> tuple[str, ...]:
    """A tuple of one-line strings (at most *limit*); a single string is one item, None none."""
    if value is None:
        return ()
    if isinstance(value, str):
        value = (value,)
    return tuple(clean_text(item, fail) for item in bounded(value, fail, limit, "strings"))


def in_range(day: date, fail: Fail, latest: date = LATEST) -> None:
    """Refuse *day* outside `EARLIEST` to *latest*."""
    if not EARLIEST <= day <= latest:
        raise fail(f"is outside the supported dates, {EARLIEST} to {latest}")


def aware(value: Any, fail: Fail, latest: date = LATEST) -> pendulum.DateTime:
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
    in_range(plain.date(), fail, latest)
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


def one_day(value: Any, fail: Fail) -> date:
    """A date, or an aware datetime's own calendar date, up to `LATEST`."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise fail("naive datetime: give a date, or a datetime with a time zone")
    elif not isinstance(value, date):
        raise fail(f"expected a date, got {type(value).__name__}")
    day = date(value.year, value.month, value.day)
    in_range(day, fail)
    return day


def zone_key(value: Any, fail: Fail) -> str:
    """A time-zone name (or a tzinfo with one) that `_calendar.zone` knows, spelt canonically."""
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


def member_of(enum: type[E], *, allowed: Iterable[E] | None = None) -> Callable[[Any, Fail], E]:
    """A check for a member of *enum* (or of *allowed*), also given by its name or value."""
    permitted = tuple(allowed) if allowed is not None else tuple(enum)

    def check(value: Any, fail: Fail) -> E:
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

    return check


def duration_of(value: Any, fail: Fail) -> timedelta:
    """A positive duration of at most a year: a timedelta (pendulum's Duration is one).

    A bare number is refused: ``thank_you_within=24`` reads as hours to one
    user and as seconds to another, and either reading gives a wrong plan
    without a word.  Files, where the unit is written (``"24h"``), convert
    before construction (`serialize.parse_duration`).
    """
    if isinstance(value, timedelta):
        # Field by field: rebuilding from total_seconds() overflows near timedelta.max.
        result = timedelta(value.days, value.seconds, value.microseconds)
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        raise fail(
            "a bare number has no unit: pass a timedelta such as timedelta(hours=24) "
            "(in a file, a string such as '24h' or 'PT24H')"
        )
    else:
        raise fail(f"expected a timedelta such as timedelta(hours=24), got {type(value).__name__}")
    if result <= timedelta(0):
        raise fail("must be positive")
    if result > timedelta(days=366):
        raise fail("must be at most a year")
    return result


def count_between(minimum: int, maximum: int = 1000) -> Callable[[Any, Fail], int]:
    """A check for a whole number within ``[minimum, maximum]``."""

    def check(value: Any, fail: Fail) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise fail(f"expected a whole number, got {type(value).__name__}")
        number = int.__int__(value)  # a plain int, whatever an int subclass overrides
        if number < minimum:
            raise fail(f"must be at least {minimum}")
        if number > maximum:
            raise fail(f"must be at most {maximum}")
        return number

    return check


def business_day_count(value: Any, fail: Fail, minimum: int = 1) -> int:
    """A number of business days, *minimum* (1) to 60: a whole number, or a timedelta of
    whole days."""
    if isinstance(value, timedelta):
        if value.seconds or value.microseconds:
            raise fail("a number of business days must be whole days")
        value = value.days
    if isinstance(value, bool) or not isinstance(value, int):
        raise fail(f"expected a whole number of business days, got {type(value).__name__}")
    number = int.__int__(value)
    if not minimum <= number <= 60:
        raise fail(f"must be between {minimum} and 60 business days")
    return number


def real_bool(value: Any, fail: Fail) -> bool:
    """A real bool (``"no"`` is not False)."""
    if not isinstance(value, bool):
        raise fail("expected true or false (a yes/no value, not text)")
    return value


def bool_or_none(value: Any, fail: Fail) -> bool | None:
    """None (unknown), or a real bool."""
    if value is not None and not isinstance(value, bool):
        raise fail(f"expected True, False or None, got {type(value).__name__}")
    return value


def wall_time(value: Any, fail: Fail) -> time:
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


def instant(value: Any, fail: Fail) -> datetime:
    """The instant of an aware datetime, in any zone, as a plain stdlib datetime in UTC.

    For *now* arguments: only the instant matters, so any zone is fine, and an
    instant beyond what ``datetime`` holds in UTC is taken as its nearest end.
    """
    if not isinstance(value, datetime):
        raise fail(f"expected an aware datetime, got {type(value).__name__}")
    try:
        offset = value.utcoffset()
        wall = datetime(*_calendar._wall_clock(value))
    except Exception as exc:
        raise fail("is not a usable datetime (its time zone gives no UTC offset)") from exc
    if offset is None:
        raise fail("naive datetime: give it a time zone")
    try:
        return (wall - offset).replace(tzinfo=_calendar.UTC)
    except OverflowError:
        end = datetime.min if wall.year < 5000 else datetime.max
        return end.replace(tzinfo=_calendar.UTC)


def instance_of(*kinds: type, optional: bool = False) -> Callable[[Any, Fail], Any]:
    """A check for an instance of one of *kinds* (or None, when *optional*)."""
    names = _article(" or ".join(kind.__name__ for kind in kinds)) + (" or None" * optional)

    def check(value: Any, fail: Fail) -> Any:
        if isinstance(value, kinds) or (optional and value is None):
            return value
        raise fail(f"expected {names}, got {type(value).__name__}")

    return check


def _article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'AEIOU' else 'a'} {noun}"


# -- the converters the models declare -------------------------------------------------------
#
# For mypy, each is a function from what the field accepts to what it holds
# (its attrs plugin reads a converter's signature only from a named function);
# at run time, each is the attrs Converter of its check.

if TYPE_CHECKING:

    def text(value: str) -> str: ...
    def optional_text(value: str | None) -> str | None: ...
    def texts(value: Iterable[str] | None) -> tuple[str, ...]: ...
    def email(value: str | None) -> str | None: ...
    def aware_datetime(value: datetime) -> pendulum.DateTime: ...
    def event_datetime(value: datetime) -> pendulum.DateTime: ...
    def optional_day(value: date | None) -> date | None: ...
    def day(value: date) -> date: ...
    def zone_name(value: str | tzinfo | None) -> str | None: ...
    def duration(value: timedelta) -> timedelta: ...
    def business_days(value: int | timedelta) -> int: ...
    def business_days_from_zero(value: int | timedelta) -> int: ...
    def flag(value: bool) -> bool: ...
    def optional_flag(value: bool | None) -> bool | None: ...

else:
    text = converter(clean_text)
    optional_text = converter(optional(clean_text))
    texts = converter(text_items)
    email = converter(optional(email_address))
    aware_datetime = converter(aware)
    event_datetime = converter(lambda value, fail: aware(value, fail, LATEST_EVENT))
    optional_day = converter(optional(one_day))
    day = converter(one_day)
    zone_name = converter(optional(zone_key))
    duration = converter(duration_of)
    business_days = converter(business_day_count)
    business_days_from_zero = converter(lambda value, fail: business_day_count(value, fail, 0))
    flag = converter(real_bool)
    optional_flag = converter(bool_or_none)
