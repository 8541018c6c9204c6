"""Round-trip interviews, policies, histories and plans through dicts, JSON and TOML.

Built on cattrs (one configured converter, no hand-written dict code).
Datetimes are written in RFC 3339 with their numeric offset
(``"2026-07-07T14:00:00-04:00"``, which JavaScript's ``new Date()`` and any
``datetime.fromisoformat`` read), and the IANA zone beside them in a key of
its own, ``"timezone": "America/New_York"``, so a round trip keeps the zone's
DST rules, not just an offset.  An object whose datetimes are in different
zones names the others in ``<field>_timezone``.  Read back, each datetime is
the same instant in that zone.  Also read: the RFC 9557 form with the zone
in brackets (``2026-07-07T14:00:00-04:00[America/New_York]``), and TOML's own
datetimes, a local one taking the zone of the ``timezone`` key beside it.
Durations are ISO 8601 (``PT24H``) or short forms (``24h``, ``90m``, ``2d``).

A `Plan` becomes ``{"actions": [...], "missed": [...]}``: each action with
its stable ``id`` (see `followup_rules.identity`) and a ``description`` for
people (`Action.describe`).  An event always carries its ``type``.

Every problem in a file is one `FormatError` that names the file, the key path
and what is wrong.  A list is never taken from a string or a table (TOML's
``[interviewers]`` where ``[[interviewers]]`` was meant).  Files are read
within limits, so a hostile file gives a `FormatError`, not a crash: at most
`MAX_FILE_SIZE` bytes of UTF-8, nested at most `MAX_DEPTH` deep, numbers at
most `MAX_NUMBER_LENGTH` characters long.  What is written reads back exactly:
times and durations keep their seconds and microseconds
(``"08:00:00.5-09:00"``, ``"PT1.5S"``).
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from decimal import Decimal
from enum import Enum
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, TypeVar, get_args, overload

import attrs
import cattrs
import pendulum
from cattrs.cols import homogenous_tuple_structure_factory, is_sequence, list_structure_factory
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn
from cattrs.strategies import configure_tagged_union
from cattrs.v import format_exception

from . import _calendar as cal
from ._atomic import write_atomically
from .action import Action, Plan
from .agenda import Agenda, AgendaItem
from .audit import Violation
from .errors import (
    FollowupError,
    FormatError,
    InvalidArgument,
    InvalidHistory,
    InvalidPolicy,
    _InvalidField,
    _short_repr,
    _shown,
)
from .events import EVENT_TYPES, Contact, Event, OutOfOffice, Reply, Skip, Snooze, Update
from .identity import pinned
from .loop import (
    _ONE_DIGIT_HOUR,
    AgendaMany,
    Application,
    Changes,
    Entry,
    FoundStep,
    Recorded,
    StepChange,
    describe_event,
    event_id,
    parse_when,
)
from .model import Interview, Interviewer, Recruiter, person_key
from .policy import Policy, TimeWindow
from .state import check_history
from .timeframe import Timeframe

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "FORMAT_KEY",
    "FORMAT_VERSION",
    "MAX_DEPTH",
    "MAX_FILE_SIZE",
    "MAX_NUMBER_LENGTH",
    "SCHEMAS",
    "FormatError",
    "InterviewFile",
    "dumps_history",
    "dumps_json",
    "dumps_toml",
    "edit_application",
    "format_datetime",
    "interview_form",
    "load_history",
    "load_interview",
    "load_interview_file",
    "load_policy",
    "loads",
    "policy_from",
    "save_history",
    "schema",
    "structure",
    "structure_event",
    "structure_history",
    "unstructure",
    "zone_name_of",
]

T = TypeVar("T")
P = TypeVar("P", bound=Policy)


FORMAT_VERSION = 1
"""The version of the library's JSON shapes that `unstructure` writes.

Written as ``"format_version": 1`` at the top of a plan, an agenda (one
application's or a merged one) and an interview; read back from an
interview, a plan, a policy and a history (a file, or data an app stored).
Data without it is version 1 (what every release before it wrote).  A
version this library does not know, one a later release wrote, is refused
with a `FormatError` on ``$.format_version``: nothing is read as if it were
an older shape.  The number grows only when a key changes its meaning or
is removed; new keys come without a new version (read the ones you know).
"""
FORMAT_KEY = "format_version"
"""The key that holds `FORMAT_VERSION` (``format`` is the interview's own: in person, ...)."""

MAX_FILE_SIZE = 1 << 20
"""The largest file the loaders read, in bytes (1 MiB; real files are a few kB)."""
MAX_DEPTH = 32
"""The deepest nesting of lists and tables a file may have (real files need 3)."""
MAX_NUMBER_LENGTH = 40
"""The longest number literal a file may hold, in characters."""


_BRACKETED = re.compile(r"^(?P<iso>[^\[\]]+?)(?:\[(?P<zone>[^\[\]]+)\])?$")
_SHORT_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(d|h|m|s)\s*$", re.IGNORECASE)
_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
_MICROSECONDS = Decimal(1_000_000)
_WALL_TIME = r"\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?\s*"
_WALL_TIME_TEXT = re.compile(_WALL_TIME)
_WINDOW_TEXT = re.compile(f"{_WALL_TIME}-{_WALL_TIME}")


# -- scalar hooks ---------------------------------------------------------------


def format_datetime(moment: datetime) -> str:
    """RFC 3339: ``2026-07-07T14:00:00-04:00`` (the zone's name goes in a key of its own).

    The offset is always numeric (``+00:00`` for UTC), so JavaScript's
    ``new Date()`` and Python 3.10's ``datetime.fromisoformat`` read it.
    """
    return datetime.isoformat(moment)


def zone_name_of(moment: datetime) -> str | None:
    """The IANA name of *moment*'s zone (``"America/New_York"``, ``"UTC"``), or None.

    None for a fixed offset, which the datetime's own text already holds.
    """
    if moment.tzinfo is None:
        return None
    name = cal.zone_name(moment.tzinfo, moment)
    return None if name.startswith(("+", "-")) else name


def parse_datetime(value: Any, _: Any = None) -> datetime:
    """An aware datetime from ISO text (optionally ``[Zone]``) or a TOML datetime."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 date-time, got {type(value).__name__}")
    match = _BRACKETED.match(value.strip())
    if match is None:
        raise ValueError(f"{_short_repr(value)} is not an ISO 8601 date-time")
    # one reading of a typed time for every field: parse_when's (``2026-07-16 9:00``)
    iso = _ONE_DIGIT_HOUR.sub(r"\g<1>0\g<2>", match["iso"].strip())
    try:
        parsed = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{_short_repr(value)} is not an ISO 8601 date-time") from None
    zone_name = match["zone"]
    if zone_name is None:
        return parsed  # naive or fixed-offset: the model decides
    zone = cal.zone(zone_name)
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=zone)
    return parsed.astimezone(zone)


def parse_aware_datetime(value: Any, _: Any = None) -> pendulum.DateTime:
    """`parse_datetime`, refusing a naive result; a pendulum DateTime in its zone.

    Raises:
        ValueError: not an ISO 8601 date-time, or one without a time zone.
    """
    moment = parse_datetime(value)
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{_shown(moment)} has no time zone (add an offset like -04:00 or Z)")
    return cal.to_pendulum(moment)


class _Refused(ValueError):
    """A value a file holds that cannot be used, under *key* of the object being read."""

    def __init__(self, key: str, problem: str) -> None:
        super().__init__(problem)
        self.key = key
        self.problem = problem

    def problem_in(self, source: str, zone: tzinfo | None = None) -> str:
        """The problem, worded for a file of *source*'s kind."""
        return self.problem


class _NoZone(_Refused):
    """A local date-time where the object has no ``timezone`` key to place it."""

    def __init__(self, key: str, moment: datetime) -> None:
        super().__init__(key, f"{_shown(moment)}: naive datetime: it has no time zone")
        self.moment = moment

    def problem_in(self, source: str, zone: tzinfo | None = None) -> str:
        """The fix, in the file's own syntax, with *zone* (the interview's, when the
        reader knows it) as the zone to write; else an example zone ("e.g.")."""
        local = self.moment.replace(microsecond=0)
        name = None if zone is None else cal.zone_name(zone, local.replace(tzinfo=zone))
        if zone is None or name is None or name.startswith(("+", "-")):
            name, eg, offset = "Europe/Berlin", "e.g. ", "+02:00"
        else:
            eg = ""
            offset = _offset_text(local.replace(tzinfo=zone).utcoffset() or timedelta(0))
        text = local.isoformat()
        if source.lower().endswith(".toml"):
            return (
                f"{text} has no time zone: add {eg}"
                f'timezone = "{name}" (the IANA name of its zone) beside {self.key}, or write '
                f"its offset: {self.key} = {text}{offset}"
            )
        return (
            f"{text} has no time zone: add {eg}"
            f'"timezone": "{name}" (the IANA name of its zone) beside "{self.key}", or write '
            f'its offset: "{self.key}": "{text}{offset}"'
        )


def _offset_text(shift: timedelta) -> str:
    """``-04:00``, ``+05:30``: a UTC offset as ISO 8601 writes it."""
    minutes = int(shift.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{minutes:02d}"


def _zone_named(key: str, name: Any) -> tzinfo:
    if not isinstance(name, str):
        raise _Refused(key, f"expected a time-zone name, got {type(name).__name__}")
    try:
        return cal.zone(name)
    except ValueError as error:
        raise _Refused(key, str(error)) from None


def _placed(data: Mapping[str, Any], names: tuple[str, ...]) -> dict[str, Any]:
    """*data* with its datetimes in the zones its ``timezone`` keys name, those keys gone.

    A local datetime (no offset) takes the zone; one with an offset is the
    same instant in the zone.  A local one without a zone is refused.
    """
    given = {
        key: data[key]
        for key in data
        if key == "timezone"
        or (isinstance(key, str) and key.endswith("_timezone") and key[:-9] in names)
    }
    placed = {key: value for key, value in data.items() if key not in given}
    for name in names:
        if placed.get(name) is None:
            continue
        key = f"{name}_timezone" if f"{name}_timezone" in given else "timezone"
        try:
            moment = parse_datetime(placed[name])
        except ValueError as error:
            raise _Refused(name, str(error)) from None
        if key in given and given[key] is not None:
            zone = _zone_named(key, given[key])
            moment = (
                moment.replace(tzinfo=zone)
                if moment.tzinfo is None or moment.utcoffset() is None
                else moment.astimezone(zone)
            )
        elif moment.tzinfo is None or moment.utcoffset() is None:
            raise _NoZone(name, moment)
        placed[name] = moment
    for key, value in given.items():  # a zone key with no datetime to place
        if value is not None:
            _zone_named(key, value)
    return placed


def parse_date(value: Any, _: Any = None) -> date:
    if isinstance(value, datetime):
        return value  # the model keeps its date (and refuses a naive one)
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ValueError(f"{_short_repr(value)} is not an ISO 8601 date like 2026-07-15")


def format_duration(value: timedelta) -> str:
    """ISO 8601 duration in hours, minutes and seconds: ``PT24H``, ``PT4H30M``, ``PT1.5S``.

    Exact to the microsecond, so the duration reads back equal.
    """
    if value < timedelta(0):
        return "-" + format_duration(-value)
    # timedelta's own arithmetic: pendulum's Duration overrides `//` and `seconds`.
    microseconds = timedelta.__floordiv__(value, timedelta(microseconds=1))
    seconds, fraction = divmod(microseconds, 1_000_000)
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    second_text = f"{seconds}.{fraction:06d}".rstrip("0") if fraction else str(seconds)
    clock = "".join(
        f"{amount}{unit}"
        for amount, unit, shown in (
            (hours, "H", hours),
            (minutes, "M", minutes),
            (second_text, "S", seconds or fraction),
        )
        if shown
    )
    return f"PT{clock or '0S'}"


def parse_duration(value: Any, _: Any = None) -> Any:
    """A timedelta from ``PT24H``, ``24h``, ``90m``, ``2d``, ``PT1.5S``; numbers are seconds.

    Decimal fractions are read exactly; one finer than a microsecond (which
    a timedelta cannot hold) is refused rather than rounded.
    """
    if isinstance(value, (timedelta, bool)):
        return value  # the model refuses a bool, naming the field
    if isinstance(value, (int, float)):
        return _seconds(value)
    if isinstance(value, str):
        amounts: list[tuple[str | None, int]] = []
        short = _SHORT_DURATION.match(value)
        iso = _ISO_DURATION.match(value.strip().upper())
        if short is not None:
            amounts = [(short[1], _UNITS[short[2].lower()])]
        elif iso is not None and any(iso.groupdict().values()):
            amounts = [(iso[unit], _UNITS[unit]) for unit in ("d", "h", "m", "s")]
        if amounts:
            return _exact_duration(value, amounts)
    raise ValueError(f"{_short_repr(value)} is not a duration like '24h' or 'PT24H'")


def _seconds(value: float) -> timedelta:
    """A file's number of seconds (docs/files.md) as a timedelta, before construction:
    the Python API refuses a bare number, whose unit it cannot know."""
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{_short_repr(value)} is not a finite number of seconds")
    if abs(value) > 366 * 86400:  # before timedelta() can overflow on it
        raise ValueError(f"{_short_repr(value)} seconds is more than a year")
    if isinstance(value, float):
        return timedelta(seconds=float.__float__(value))
    return timedelta(seconds=int.__int__(value))


def _exact_duration(text: str, amounts: list[tuple[str | None, int]]) -> timedelta:
    if any(amount and len(amount) > MAX_NUMBER_LENGTH for amount, _ in amounts):
        raise ValueError(f"{_short_repr(text)} is too long a duration")
    total = sum(
        (Decimal(amount) * unit * _MICROSECONDS for amount, unit in amounts if amount),
        Decimal(0),
    )
    if total != total.to_integral_value():
        raise ValueError(f"{_short_repr(text)} is finer than a microsecond")
    try:
        return timedelta(microseconds=int(total))
    except OverflowError:
        raise ValueError(f"{_short_repr(text)} is too long a duration") from None


def format_time(value: time) -> str:
    """``HH:MM``, with ``:SS`` and ``.ffffff`` only when present, so it reads back equal."""
    if value.microsecond:
        return f"{value:%H:%M:%S}.{value.microsecond:06d}".rstrip("0")
    return f"{value:%H:%M:%S}" if value.second else f"{value:%H:%M}"


def parse_wall_time(text: str) -> time:
    """A wall-clock time from ``HH:MM``, ``HH:MM:SS`` or ``HH:MM:SS.ffffff``.

    Raises:
        ValueError: not of that shape, or not a time of day.
    """
    match = _WALL_TIME_TEXT.fullmatch(text)
    if match is None:
        raise ValueError(f"{_short_repr(text)} is not a time like '10:30'")
    return _wall_time(text, *match.groups())


def _wall_time(
    text: str, hour: str, minute: str, second: str | None, fraction: str | None
) -> time:
    try:
        return time(int(hour), int(minute), int(second or 0), int((fraction or "").ljust(6, "0")))
    except ValueError:
        raise ValueError(f"{_short_repr(text)} is not a time of day") from None


def format_window(window: TimeWindow) -> str:
    """``"10:00-11:30"``; seconds and microseconds only when the window has them."""
    return f"{format_time(window.start)}-{format_time(window.end)}"


def parse_window(value: Any, _: Any = None) -> Any:
    """``(start, end)`` times from ``"HH:MM[:SS[.ffffff]]-HH:MM..."`` or a pair of such texts.

    Anything else goes to the policy's own check, which names the field.
    """
    if isinstance(value, str):
        match = _WINDOW_TEXT.fullmatch(value)
        if match is not None:
            groups = match.groups()
            start, end = value.split("-")
            return (_wall_time(start, *groups[:4]), _wall_time(end, *groups[4:]))
    elif (
        isinstance(value, (list, tuple))
        and len(value) == 2
        and all(isinstance(part, str) and _WALL_TIME_TEXT.fullmatch(part) for part in value)
    ):
        return tuple(parse_wall_time(part) for part in value)
    return value


def _parse_enum(value: Any, kind: type[Enum]) -> Enum:
    """A member by value or name, case-blind: ``"email"``, ``"EMAIL"``."""
    if isinstance(value, kind):
        return value
    if isinstance(value, str):
        wanted = value.strip().casefold()
        for member in kind:
            if wanted in (str(member.value).casefold(), member.name.casefold()):
                return member
    choices = ", ".join(str(member.value) for member in kind)
    raise ValueError(f"{_short_repr(value)} is not one of {choices}")


def _raw(value: Any, _: Any = None) -> Any:
    """Leave the value to the model's own checks (enums, windows, holidays...)."""
    return value


class _NotAList(ValueError):
    """A string or a table where a list is due: never split up into items."""

    def __init__(self, value: Any, of_tables: bool) -> None:
        self.of_tables = of_tables
        if isinstance(value, str):
            self.found = f"a string ({_short_repr(value)})"
        elif isinstance(value, Mapping):
            self.found = "a table"
        else:
            name = type(value).__name__
            article = "an" if name[:1].lower() in "aeiou" else "a"
            self.found = f"{article} {name} ({_short_repr(value)})"
        super().__init__(f"expected a list, got {self.found}")

    def problem(self, path: str) -> str:
        """The message for the key at *path*, with the TOML spelling of a list there."""
        key = re.search(r"\.(\w+)$", path)
        if key is None:
            hint = "a JSON array"
        elif self.of_tables:
            hint = f"[[{key[1]}]] tables in TOML"
        else:
            hint = f'{key[1]} = ["...", "..."] in TOML'
        return f"expected a list ({hint}), got {self.found}"


def _list_hook(kind: Any, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure a list or tuple field, refusing a string or a table first.

    cattrs builds a list from any iterable, so ``"Bo"`` would become
    ``["B", "o"]`` and a table its keys; only a real list (or tuple) is read.
    """
    is_tuple = getattr(kind, "__origin__", kind) is tuple
    build = (homogenous_tuple_structure_factory if is_tuple else list_structure_factory)(
        kind, converter
    )
    element = (get_args(kind) or (Any,))[0]
    of_tables = isinstance(element, type) and (attrs.has(element) or issubclass(element, Mapping))

    def structure_list(value: Any, _: Any) -> Any:
        if not isinstance(value, (list, tuple)):
            raise _NotAList(value, of_tables)
        return build(value, kind)

    return structure_list


# -- the converter ------------------------------------------------------------------


def _make_converter() -> cattrs.Converter:
    converter = cattrs.Converter(forbid_extra_keys=True)
    converter.register_structure_hook(datetime, parse_datetime)
    converter.register_unstructure_hook(datetime, format_datetime)
    converter.register_structure_hook(pendulum.DateTime, parse_aware_datetime)
    converter.register_unstructure_hook(pendulum.DateTime, format_datetime)
    converter.register_structure_hook(date, parse_date)
    converter.register_unstructure_hook(date, lambda value: value.isoformat())
    converter.register_structure_hook(timedelta, parse_duration)
    converter.register_unstructure_hook(timedelta, format_duration)
    for scalar in (str, int, bool):  # no silent str()/int()/bool(): the models check types
        converter.register_structure_hook(scalar, _raw)
    converter.register_unstructure_hook(time, format_time)
    converter.register_structure_hook(TimeWindow, parse_window)
    converter.register_unstructure_hook(TimeWindow, format_window)
    converter.register_structure_hook_factory(is_sequence, _list_hook)
    converter.register_structure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, Enum), _parse_enum
    )
    converter.register_unstructure_hook_func(
        lambda kind: isinstance(kind, type) and issubclass(kind, Enum),
        lambda member: member.value,
    )
    holidays_type = tuple[str, str | None]  # Policy.holidays, without the None

    def is_holidays(kind: Any) -> bool:
        return bool(kind == holidays_type)

    converter.register_structure_hook_func(is_holidays, _raw)
    converter.register_unstructure_hook_func(
        is_holidays, lambda value: "-".join(part for part in value if part)
    )
    decision_type = date | Timeframe | None  # Interview.decision_by, Update.decision_by

    def is_decision(kind: Any) -> bool:
        return bool(kind == decision_type)

    def structure_decision(data: Any, _: Any) -> Any:
        """A date, a phrase the model reads ("in two weeks"), or a window as a table."""
        if isinstance(data, Mapping):
            return converter.structure(data, Timeframe)
        if isinstance(data, str):
            try:
                return date.fromisoformat(data.strip())
            except ValueError:
                return data
        return data

    def unstructure_decision(value: date | Timeframe | None) -> Any:
        if isinstance(value, Timeframe):
            return converter.unstructure(value, Timeframe)
        return None if value is None else value.isoformat()

    converter.register_structure_hook_func(is_decision, structure_decision)
    converter.register_unstructure_hook_func(is_decision, unstructure_decision)
    # Before the tagged union, which takes each event's hooks as they are then.
    converter.register_structure_hook_factory(_is_zoned, _zoned_structure)
    converter.register_unstructure_hook_factory(_is_zoned, _zoned_unstructure)
    configure_tagged_union(
        Contact | Reply | Update | OutOfOffice | Skip | Snooze,
        converter,
        tag_name="type",
        tag_generator=_event_tag,
    )
    from_dict = make_dict_structure_fn(Interviewer, converter, _cattrs_forbid_extra_keys=True)

    def structure_interviewer(data: Any, _: Any) -> Interviewer:
        return Interviewer(data) if isinstance(data, str) else from_dict(data, Interviewer)

    converter.register_structure_hook(Interviewer, structure_interviewer)  # a name will do

    people = {"interviewer": Interviewer, "recruiter": Recruiter}
    recipient_type = Interviewer | Recruiter | None

    def is_recipient(kind: Any) -> bool:
        return bool(kind == recipient_type)

    def unstructure_recipient(person: Interviewer | Recruiter | None) -> Any:
        if person is None:
            return None
        return {"role": type(person).__name__.lower(), **converter.unstructure(person)}

    def structure_recipient(data: Any, _: Any) -> Interviewer | Recruiter | None:
        if data is None:
            return None
        if not isinstance(data, Mapping) or data.get("role") not in people:
            raise ValueError("expected a person with role 'interviewer' or 'recruiter'")
        fields = {key: value for key, value in data.items() if key != "role"}
        return converter.structure(fields, people[data["role"]])

    converter.register_unstructure_hook_func(is_recipient, unstructure_recipient)
    converter.register_structure_hook_func(is_recipient, structure_recipient)
    return converter


# -- objects with datetimes: the zone in a key of its own -----------------------------


def _is_zoned(kind: Any) -> bool:
    return kind in _ZONED


_ZONED = (Interview, Action, *EVENT_TYPES)


@cache
def _datetime_fields(kind: type) -> tuple[str, ...]:
    """The names of *kind*'s datetime fields, in order."""
    fields = attrs.fields(attrs.resolve_types(kind))
    return tuple(
        field.name
        for field in fields
        if isinstance(field.type, type) and issubclass(field.type, datetime)
    )


def _zoned_structure(kind: type, converter: cattrs.Converter) -> Callable[[Any, Any], Any]:
    """Structure *kind* after placing its datetimes in the zones its ``timezone`` keys name."""
    build: Callable[[Any, Any], Any] = make_dict_structure_fn(
        kind, converter, _cattrs_forbid_extra_keys=True
    )
    names = _datetime_fields(kind)

    def structure(data: Any, _: Any) -> Any:
        if isinstance(data, Mapping):
            data = _placed(data, names)
        return build(data, kind)

    return structure


def _zoned_unstructure(kind: type, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """Unstructure *kind*, its datetimes in RFC 3339 and their zone after them."""
    flat: Callable[[Any], Any] = make_dict_unstructure_fn(kind, converter)
    names = _datetime_fields(kind)

    def unstructure(value: Any) -> dict[str, Any]:
        data: dict[str, Any] = flat(value)
        data.pop("_phrase", None)  # Update's phrase kept for the planner, not a field to write
        zones: dict[str, str] = {}
        first: str | None = None
        for position, name in enumerate(names):
            moment = getattr(value, name)
            zone = None if moment is None else zone_name_of(moment)
            if position == 0:
                first = zone
                if zone is not None:
                    zones["timezone"] = zone
            elif zone is not None and zone != first:
                zones[f"{name}_timezone"] = zone
        if not zones:
            return data
        placed: dict[str, Any] = {}
        for key, item in data.items():
            placed[key] = item
            if key == names[-1]:
                placed.update(zones)
        return placed

    return unstructure


EVENT_TAGS: dict[type, str] = {
    Contact: "contact",
    Reply: "reply",
    Update: "update",
    OutOfOffice: "out_of_office",
    Skip: "skip",
    Snooze: "snooze",
}
"""The ``type`` each kind of event is written with in history files."""
assert set(EVENT_TAGS) == set(EVENT_TYPES)


_EVENT_CLASSES: dict[str, type] = {tag: cls for cls, tag in EVENT_TAGS.items()}


def _event_tag(cls: type) -> str:
    return EVENT_TAGS[cls]


@lru_cache(maxsize=1)
def converter() -> cattrs.Converter:
    """The configured cattrs converter behind `structure` and `unstructure` (made once)."""
    return _make_converter()


def __getattr__(name: str) -> Any:
    """``CONVERTER``: the converter, made on first use."""
    if name == "CONVERTER":
        return converter()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


SCHEMAS = ("agenda", "history", "interview", "plan", "policy")
"""The JSON Schemas that ship in ``followup_rules/schemas/`` (`schema`)."""


def schema(name: str) -> dict[str, Any]:
    """A shipped JSON Schema as a dict, to validate data an app receives or sends.

    *name* is one of `SCHEMAS`: ``"interview"``, ``"history"``, ``"policy"``
    (the files), ``"plan"`` and ``"agenda"`` (what `unstructure` writes of a
    plan and of an agenda).  Each call reads a fresh copy: change it freely.

    Raises:
        InvalidArgument: *name* is not one of them (naming them).
    """
    from importlib.resources import files as package_files

    if name not in SCHEMAS:
        raise InvalidArgument("name", name, f"is not a schema: one of {', '.join(SCHEMAS)}")
    where = package_files("followup_rules") / "schemas" / f"{name}.schema.json"
    text = where.read_text(encoding="utf-8")
    found: dict[str, Any] = json.loads(text)
    return found


def unstructure(value: Any) -> Any:
    """Plain data (dicts, lists, strings, numbers), ready for `json.dumps`, for what the
    library gives: an `Interview` and its people, a `Policy`, an event, a `Plan`, an
    `Action`, an agenda (`Agenda`, `AgendaItem`, `AgendaMany`, `Entry`), a draft
    (`followup_rules.export.Draft`), and a list or tuple of these.

    A `Plan` becomes ``{"actions": [...], "missed": [...]}``, each action
    with its ``id`` and ``description`` first; an event (alone or in a list)
    carries its ``type``; a list or tuple becomes a list of its items.  An
    interview, a policy, an event and a plan read back with `structure`.

    An `Application` (a user's whole data for one interview: ``{"format_version",
    "interview", "history", "policy", "name", "key", "met_before"}``, its key as
    an agenda entry writes it) reads back with ``structure(data, Application)``,
    the same application: a list key is the tuple it was, and a key that is no
    string, number or list of them, or a later ``format_version`` (of the
    whole, its ``interview`` or its ``policy``), is a `FormatError` naming it.
    A policy of a subclass of `Policy` (a team's house policy) is written with its
    own fields; ``structure(data, Application, policy_class=TeamPolicy)`` reads it
    back as that class.

    A `Draft` becomes ``{"path", "step", "message_id", "description",
    "warnings", "eml"}``: its file name, its step's id, its ``Message-ID``,
    the step in words, what to know before sending, and the ``.eml`` file
    itself as text (what `Draft.message` gives as bytes; written, not read
    back).

    An agenda, for a front end to show (see ``agenda.schema.json``; written,
    not read back): an `AgendaItem` becomes one flat object, the step's
    ``id``, ``description``, ``standing``, ``reason``, ``note``, ``why``, ``to_do``,
    ``doable_at``, ``late_since``, ``kind``, ``channel``, ``recipient``, ``suggested``,
    ``rule``, and its window on both clocks (``their_window`` and
    ``your_window``: ``start``, ``end``, ``timezone``); an `Entry` of a
    merged agenda adds its ``application`` (``key``, ``name``, ``label``,
    ``company``, ``role``; a key JSON cannot hold as it is, a UUID say, as
    its ``str()``, a tuple as a list) and ``shown_at`` with ``in_days`` (0 today, 1
    tomorrow: `Entry.in_days`); an `Agenda` is ``{"now",
    "until", "overdue", "due", "coming", "changes_at"}``; an `AgendaMany` is ``{"now",
    "entries", "superseded", "counts", "limit", "changes_at", "failed", "unread"}``
    (``changes_at``: when the list next changes, `AgendaMany.changes_at`, or null; each failed
    application with the ``field`` and plain ``error`` that left it out; each
    row a loader could not read as its error's `FollowupError.to_dict`, with
    ``row``: the loader's ``key`` attribute when it has one, else null).  Each time is written
    on its own clock, with its offset: ``shown_at`` and ``your_window`` on
    the candidate's, ``suggested``, ``doable_at``, ``late_since`` and
    ``their_window`` on the recipient's (every one an instant JavaScript's
    ``new Date()`` reads).

    What the loop returns, for an app's responses (written, not read back):
    a `FoundStep` (`Application.find_step`) is ``{"id", "status",
    "reason", "locale", "description", "item", "event"}``, its item in the
    agenda's flat form; a `Recorded` (`Application.record`,
    `Application.record_step`) is ``{"event", "event_id", "number",
    "already", "violations"}`` (``event_id``: `followup_rules.event_id`, for
    an undo; `Recorded.event_id`); a `Violation` is
    ``{"rule", "sources", "message", "text", "locale", "description", "events"}``
    (``text`` as ``str(violation)`` reads, in English; ``description`` its message in
    the candidate's language, ``locale``: `Violation.describe`); a `Message` (`render`)
    is its fields and its ``link`` (`Message.link`: ``mailto:`` or ``tel:``, or null); the
    `Changes` of `Application.changes` are ``{"format_version", "since",
    "now", "locale", "events", "steps"}``, each event with its ``type``,
    ``event_id`` and ``description`` (in the candidate's language), each
    `StepChange` ``{"id", "change", "description", "before", "now"}``
    (``before`` an item in the agenda's flat form or null, ``now`` the
    `FoundStep` as above).

    An agenda item's ``description``, ``note`` and ``why`` (`AgendaItem.why`), and a `FoundStep`'s
    ``description``, are in the candidate's language (their ``locale``, as
    the calendar writes them: `AgendaItem.locale`); a `FoundStep`'s
    ``reason``, a `Violation`'s ``message`` and ``text``, a `Plan`'s and a
    `Draft`'s ``description`` are in English (a `Violation`'s ``description`` is
    in the candidate's language).

    An error (any `FollowupError`) becomes `FollowupError.to_dict`:
    ``{"error", "field", "key", "value", "problem", "text"}``, every value
    one JSON holds (written, not read back).
    """
    if isinstance(value, Plan):
        return _unstructure_plan(value)
    if isinstance(value, FollowupError):
        return value.to_dict()
    if isinstance(value, _AGENDA_TYPES):
        return _unstructure_agenda(value)
    if isinstance(value, EVENT_TYPES):
        return converter().unstructure(value, Event)
    if isinstance(value, (list, tuple)):
        return [unstructure(item) for item in value]
    if isinstance(value, FoundStep):
        return {
            "id": value.id,
            "status": value.status.value,
            "reason": value.reason,
            "locale": value.locale,
            "description": value.description,
            "item": None if value.item is None else _unstructure_item(value.item),
            "event": None if value.event is None else unstructure(value.event),
        }
    if isinstance(value, StepChange):
        item = value.item
        locale = value.now.locale
        return {
            "id": value.id,
            "change": value.change,
            "description": None if item is None else item.action.describe(locale),
            "before": None if value.before is None else _unstructure_item(value.before),
            "now": unstructure(value.now),
        }
    if isinstance(value, Changes):
        interview = None if value.application is None else value.application.interview
        return {
            FORMAT_KEY: FORMAT_VERSION,
            "since": format_datetime(value.since),
            "now": format_datetime(value.now),
            "locale": value.locale,
            "events": [
                {
                    **unstructure(event),
                    "event_id": None if interview is None else event_id(event, interview),
                    "description": None
                    if interview is None
                    else describe_event(event, interview, locale=value.locale),
                }
                for event in value.events
            ],
            "steps": [unstructure(step) for step in value.steps],
        }
    if isinstance(value, Recorded):
        return {
            "event": unstructure(value.event),
            "event_id": value.event_id
            if value.event_id is not None or value.application is None
            else event_id(value.event, value.application.interview),
            "number": value.number,
            "already": value.already,
            "violations": [unstructure(each) for each in value.violations],
        }
    if isinstance(value, Violation):
        return {
            "rule": value.rule,
            "sources": list(value.sources),
            "message": value.message,
            "text": str(value),
            "locale": value.locale,
            "description": value.describe(value.locale),
            "events": [unstructure(each) for each in value.events],
        }
    if isinstance(value, Interview):
        return {FORMAT_KEY: FORMAT_VERSION, **converter().unstructure(value)}
    if isinstance(value, Application):
        whole: dict[str, Any] = converter().unstructure(value, Application)
        if value.policy is not None and type(value.policy) is not Policy:
            whole["policy"] = converter().unstructure(value.policy)  # a subclass's own fields
        return {FORMAT_KEY: FORMAT_VERSION, **whole, "key": _json_key(value.key)}
    made = type(value)
    if made.__name__ == "Draft" and made.__module__ == "followup_rules.export":
        return _unstructure_draft(value)
    if made.__name__ == "Message" and made.__module__ == "followup_rules.messages":
        return {**converter().unstructure(value), "link": value.link()}
    return converter().unstructure(value)


def _unstructure_draft(draft: Any) -> dict[str, Any]:
    """A `followup_rules.export.Draft` as JSON-safe data (the export sits above this module)."""
    return {
        "path": draft.path,
        "step": draft.step,
        "message_id": draft.message_id,
        "description": draft.action.describe(),
        "warnings": list(draft.warnings),
        "eml": draft.message.as_bytes().decode("utf-8", "replace"),
    }


def _unstructure_plan(value: Plan) -> dict[str, Any]:
    ids, missed_ids = value._known_ids()
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "actions": [_unstructure_step(a, uid) for a, uid in zip(value.actions, ids, strict=True)],
        "missed": [
            _unstructure_step(a, uid) for a, uid in zip(value.missed, missed_ids, strict=True)
        ],
    }


def _unstructure_step(action: Action, uid: str | None) -> dict[str, Any]:
    fields: dict[str, Any] = converter().unstructure(action, Action)
    return {"id": uid, "description": action.describe(), **fields}


# -- agendas, for front ends (one way) -------------------------------------------------

_AGENDA_TYPES = (Agenda, AgendaItem, AgendaMany, Entry)


def _unstructure_agenda(value: Agenda | AgendaItem | AgendaMany | Entry) -> dict[str, Any]:
    if isinstance(value, AgendaItem):
        return _unstructure_item(value)
    if isinstance(value, Entry):
        return {
            "application": _unstructure_application(value.application),
            "shown_at": format_datetime(value.shown_at),
            "in_days": value.in_days,
            **_unstructure_item(value.item),
        }
    if isinstance(value, Agenda):
        return {
            FORMAT_KEY: FORMAT_VERSION,
            "now": format_datetime(value.now),
            "until": format_datetime(value.until),
            "overdue": [_unstructure_item(item) for item in value.overdue],
            "due": [_unstructure_item(item) for item in value.due],
            "coming": [_unstructure_item(item) for item in value.coming],
            "changes_at": _optional_time(value.changes_at),
        }
    return {
        FORMAT_KEY: FORMAT_VERSION,
        "now": format_datetime(value.now),
        "entries": [_unstructure_agenda(entry) for entry in value.entries],
        "superseded": [_unstructure_agenda(entry) for entry in value.superseded],
        "counts": attrs.asdict(value.counts),
        "limit": value.limit,
        "per_candidate": value.per_candidate,
        "changes_at": _optional_time(value.changes_at),
        "failed": [
            {
                "application": _unstructure_application(application),
                "field": error.field,
                "error": str(error),
            }
            for application, error in value.failed
        ],
        "unread": [
            {
                "row": _json_key(getattr(loader, "key", None)),
                **error.to_dict(),
            }
            for loader, error in value.unread
        ],
    }


def _optional_time(moment: datetime | None) -> str | None:
    return None if moment is None else format_datetime(moment)


def _unstructure_application(application: Application) -> dict[str, Any]:
    return {
        "key": _json_key(application.key),
        "name": application.name,
        "label": application.label_in(),  # in the candidate's language, as the entries
        "company": application.interview.company,
        "role": application.interview.role,
    }


def _json_key(key: object) -> Any:
    """An application's key as JSON holds it: as it is when JSON has the type, a tuple as a
    list of its parts (``("sam", "1")``: ``["sam", "1"]``, the app6 trial: it was written
    as the Python text ``"('sam', '1')"``), else its str()."""
    if key is None or isinstance(key, (str, int, float, bool)):
        return key
    if isinstance(key, tuple):
        return [_json_key(part) for part in key]
    return str(key)


def _unstructure_item(item: AgendaItem) -> dict[str, Any]:
    action = item.action
    return {
        "id": item.id,
        "description": action.describe(item.locale),
        "locale": item.locale,
        "standing": item.standing.value,
        "reason": None if item.reason is None else item.reason.value,
        "note": item.note(item.locale) or None,
        "why": item.why(item.locale) or None,
        "to_do": item.to_do,
        "doable_at": None if item.doable_at is None else format_datetime(item.doable_at),
        "late_since": None if item.late_since is None else format_datetime(item.late_since),
        "kind": action.kind.value,
        "channel": action.channel.value,
        "recipient": None if action.recipient is None else action.recipient.name,
        "suggested": format_datetime(action.suggested),
        "their_window": _window(item.their_window, item.recipient_zone),
        "your_window": _window(item.your_window, item.candidate_zone),
        "rule": action.rule,
    }


def _window(window: tuple[datetime, datetime], zone: str | None) -> dict[str, Any]:
    start, end = window
    return {
        "start": format_datetime(start),
        "end": format_datetime(end),
        "timezone": zone or zone_name_of(start),
    }


def structure(
    data: Any,
    kind: type[T],
    *,
    source: str = "<data>",
    form: bool = False,
    policy_class: type[Policy] = Policy,
) -> T:
    """Build *kind* (Interview, Policy, Plan, an event, ...) from plain data.

    A subclass of `Policy` is read as itself (``structure(data, TeamPolicy)``);
    an `Application`'s policy as *policy_class*, the app's own subclass of
    `Policy` (its extra fields too), never a class named in the data.

    An event's data may carry its ``type`` (as `unstructure` writes it); a
    plan's actions their ``id`` and ``description``.

    With ``form=True``, an interview's values are read as an HTML form sends
    them (`interview_form`): an empty string is a field left out, a ticked
    checkbox's ``"on"`` is yes, and a list may come as one text (``"Ana
    Ruiz, Bo Chen"``).  An event's as `structure_event` reads them.

    Raises:
        FormatError: unknown keys, wrong types or invalid values, with the key path
            (a subclass's field read without its *policy_class*: an unknown key).
        InvalidArgument: *policy_class* is not `Policy` or a subclass of it.
    """
    policy_class = _policy_class(policy_class)
    if form and isinstance(data, Mapping):
        if kind is Interview:
            try:
                return structure(interview_form(data, source=source), kind, source=source)
            except FormatError as error:
                raise _as_typed(error, data) from None
        if kind in EVENT_TYPES:
            data = _form_values({**data, "type": EVENT_TAGS[kind]}, source)
    if kind is Plan:
        return structure_plan(data, source=source)  # type: ignore[return-value]
    if kind is Application:
        return _structure_application(data, source, policy_class)  # type: ignore[return-value]
    if kind is Interview or (isinstance(kind, type) and issubclass(kind, Policy)):
        data = _versioned(data, source)
    if kind in EVENT_TYPES and isinstance(data, Mapping) and "type" in data:
        if data["type"] != EVENT_TAGS[kind]:
            problem = f"expected type {EVENT_TAGS[kind]!r}, got {_shown(data['type'])}"
            raise FormatError(source, "$.type", problem)
        data = {key: value for key, value in data.items() if key != "type"}
    try:
        return converter().structure(data, kind)
    except Exception as error:
        raise _format_error(error, source, data=data) from None


_PLAN_KEYS = frozenset({"actions", "missed"})


def _policy_class(value: Any) -> type[Policy]:
    """*value*, the class an app reads its policies as: `Policy` or a subclass of it.

    Raises:
        InvalidArgument: on ``policy_class``: anything else.
    """
    if not isinstance(value, type) or not issubclass(value, Policy):
        raise InvalidArgument("policy_class", value, "expected Policy or a subclass of it")
    return value


def _structure_application(
    data: Any, source: str, policy_class: type[Policy] = Policy
) -> Application:
    """An `Application` from what `unstructure` wrote of it: a user's whole data read back.

    Its ``format_version`` (and its interview's, when the interview was written alone) is
    checked as an interview's is; its ``key`` is read back as `unstructure` wrote it (a list
    is the tuple it was).
    """
    data = _versioned(data, source)
    if not isinstance(data, Mapping):
        return _structured(data, Application, source)
    fields = {name: value for name, value in data.items() if name != "key"}
    for part in ("interview", "policy"):  # each may come as `unstructure` wrote it alone
        if part in fields:
            fields[part] = _versioned(fields[part], source, f"$.{part}")
    given = fields.get("policy")
    if policy_class is not Policy and given is not None:
        fields["policy"] = None  # read as the app's own class, below
    made = _structured(fields, Application, source)
    if policy_class is not Policy and given is not None:
        try:
            own = converter().structure(given, policy_class)
        except Exception as error:
            raise _format_error(error, source, "$.policy", data=given) from None
        made = attrs.evolve(made, policy=own)
    if "key" not in data:
        return made
    return attrs.evolve(made, key=_key_from_json(data["key"], source, "$.key"))


def _structured(data: Any, kind: type[T], source: str) -> T:
    try:
        return converter().structure(data, kind)
    except Exception as error:
        raise _format_error(error, source, data=data) from None


def _key_from_json(value: Any, source: str, path: str) -> Any:
    """An application's key from its JSON (`_json_key` read back): a list is a tuple."""
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, list):
        return tuple(_key_from_json(part, source, f"{path}[{n}]") for n, part in enumerate(value))
    problem = f"expected a string, a number or a list of them (the app's key), got {_shown(value)}"
    raise FormatError(source, path, problem, value)


def _versioned(data: Any, source: str, root: str = "$") -> Any:
    """*data* without its `FORMAT_KEY`, once its version is one this library reads.

    Raises:
        FormatError: on ``$.format_version``: not a whole number, or a version
            this library does not know (a later release's).
    """
    if not isinstance(data, Mapping) or FORMAT_KEY not in data:
        return data
    version = data[FORMAT_KEY]
    path = f"{root}.{FORMAT_KEY}"
    if isinstance(version, bool) or not isinstance(version, int):
        raise FormatError(source, path, f"expected a whole number, got {_shown(version)}", version)
    if not 1 <= version <= FORMAT_VERSION:
        problem = (
            f"is version {version} of the library's JSON, which this version of "
            f"followup_rules does not read (it reads 1 to {FORMAT_VERSION}): "
            + (
                "upgrade followup_rules to read it"
                if version > FORMAT_VERSION
                else "versions start at 1"
            )
        )
        raise FormatError(source, path, problem, version)
    return {key: value for key, value in data.items() if key != FORMAT_KEY}


def structure_plan(data: Any, *, source: str = "<data>") -> Plan:
    """A `Plan` from what `unstructure` made of it, with the ids it holds.

    Also read: the bare list of actions that versions before 0.3 wrote (its
    plan knows no ids and no missed steps).
    """
    if isinstance(data, list):
        actions, _ = _structure_steps(data, source, "$")
        return Plan(actions)
    data = _versioned(data, source)
    if not isinstance(data, Mapping) or "actions" not in data:
        raise FormatError(source, "$", 'expected a plan: {"actions": [...], "missed": [...]}')
    unknown = sorted((key for key in data if key not in _PLAN_KEYS), key=str)
    if unknown:
        named = ", ".join(_key_name(key) for key in unknown[:10])
        raise FormatError(source, "$", f"unknown key(s): {named}")
    actions, ids = _structure_steps(data["actions"], source, "$.actions")
    missed, missed_ids = _structure_steps(data.get("missed", []), source, "$.missed")
    made = Plan(actions, missed)
    if ids is not None and missed_ids is not None:
        made._set_ids(ids, missed_ids)
    return made


def _structure_steps(
    data: Any, source: str, root: str
) -> tuple[tuple[Action, ...], tuple[str, ...] | None]:
    """The actions of a list, and their ids when every one has one."""
    if not isinstance(data, list):
        raise FormatError(source, root, _NotAList(data, of_tables=True).problem(root))
    actions: list[Action] = []
    ids: list[str] = []
    for index, item in enumerate(data):
        path = f"{root}[{index}]"
        if isinstance(item, Mapping):
            uid = item.get("id")
            if uid is not None and not isinstance(uid, str):
                raise FormatError(source, f"{path}.id", f"expected a step id, got {_shown(uid)}")
            if uid is not None:
                ids.append(uid)
            item = {key: value for key, value in item.items() if key not in ("id", "description")}
        try:
            actions.append(converter().structure(item, Action))
        except Exception as error:
            raise _format_error(error, source, path, data=item) from None
    return tuple(actions), (tuple(ids) if len(ids) == len(actions) else None)


def structure_history(data: Any, *, source: str = "<data>") -> list[Event]:
    """A history from a list of tagged events (``{"type": "contact", ...}``).

    A TOML file gives ``{"event": [...]}``; one with no events yet (only
    comments) gives ``{}``, an empty history.
    """
    return _structure_history(data, source, None)


def _structure_history(data: Any, source: str, hint: tzinfo | None) -> list[Event]:
    """`structure_history`; a local time without a zone is refused naming *hint* as the
    zone to write (the interview's, when the reader knows it)."""
    root = "$"
    data = _versioned(data, source)
    if isinstance(data, Mapping) and not data:
        return []
    if isinstance(data, Mapping) and set(data) == {"event"}:
        data, root = data["event"], "$.event"  # TOML: [[event]] tables
        if not isinstance(data, list):
            raise FormatError(source, root, _NotAList(data, of_tables=True).problem(root))
    if not isinstance(data, list):
        raise FormatError(source, "$", "expected a list of events")
    return [
        _event(item, source, f"{root}[{index}]", None, None, hint)
        for index, item in enumerate(data)
    ]


def structure_event(
    data: Any,
    *,
    source: str = "<data>",
    root: str = "$",
    zone: Interview | tzinfo | str | None = None,
    now: datetime | None = None,
    form: bool = False,
) -> Event:
    """One event from plain data that names its kind: ``{"type": "reply", "at": ...}``.

    What an app reads from a request or a form: the kind is the ``type``
    key (``contact``, ``reply``, ``update``, ``out_of_office``, ``skip``,
    ``snooze``, as `unstructure` writes it), the other keys are the event's
    fields, read as a history file's are.  *root* is where the event sits in
    a larger document, for the error's path.

    A form's times as a person types them: with *zone* (a zone, its IANA
    name, or an interview, meaning its candidate's zone), a local time
    (``"2026-07-20T09:00"``) is read in it; with *now* too, so are the words
    `followup_rules.parse_when` reads (``"now"``, ``"today"``,
    ``"tomorrow"``).  Without *zone*, a time needs its offset (or a
    ``timezone`` key beside it), as in a file.

    An event's ``at`` given as a day alone (``"today"``, ``"yesterday"``,
    ``"2026-07-20"``), with *now*, is when a person means it happened:
    today is *now* (not midnight, which would read as before an interview
    held this morning); a past day is noon that day, or the end of the
    interview when that day is the interview's and it ends later.  Other
    times (a snooze's ``until``) read a day as its first instant.  Such an
    ``at`` after *now*, or (*zone* an interview) before the interview, is
    refused here, quoting what was typed: ``'tomorrow'
    (2026-07-09T00:00:00-04:00) is after now (...)``.

    With ``form=True``, the values are read as an HTML form sends them: an
    empty string is a field left out (an input not filled in), and a yes/no
    field takes a ticked checkbox's ``"on"`` (and ``"yes"``/``"no"``,
    ``"true"``/``"false"``, ``"1"``/``"0"``, ``"off"``) as well as True or
    False, and refuses any other text in these words.

    Raises:
        FormatError: not a table, no ``type`` or an unknown one (naming the
            kinds), unknown keys, wrong types or invalid values, with the
            key path; a time that is none of these.
    """
    if form and isinstance(data, Mapping):
        data = _form_values(data, source, root)
    return _event(data, source, root, zone, now, None)


_FORM_FLAGS = {
    "on": True,
    "true": True,
    "yes": True,
    "1": True,
    "off": False,
    "false": False,
    "no": False,
    "0": False,
}
_FORM_FLAG_HELP = "expected yes or no (on, off, true, false, 1 or 0)"


def _form_values(data: Mapping[str, Any], source: str, root: str = "$") -> dict[str, Any]:
    """*data* as a form sent it, read: ``""`` left out, a yes/no field's words as flags.

    (The app5 trial: a ticked ``voicemail`` box sends ``"on"``, an untouched
    ``sender`` input ``""``; both were refused, so every web app cleaned them.)
    """
    given = data.get("type")
    kind = _EVENT_CLASSES.get(given) if isinstance(given, str) else None
    flags = set() if kind is None else _flag_fields(kind)
    read: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            if not value.strip():
                continue
            if key in flags:
                value = _form_flag(value, source, f"{root}.{key}")
        read[key] = value
    return read


def _form_flag(text: str, source: str, path: str) -> bool:
    """A yes/no field as a form sends it (`_FORM_FLAGS`), or a FormatError naming *path*."""
    word = text.strip().casefold()
    if word not in _FORM_FLAGS:
        raise FormatError(source, path, _got(_FORM_FLAG_HELP, text), text)
    return _FORM_FLAGS[word]


_FORM_LISTS = {
    "interviewers": re.compile(r"[,;\n]"),
    "topics": re.compile(r"[,;\n]"),
    "missed": re.compile(r"\n"),
    "requested": re.compile(r"\n"),
}
"""An interview's lists as one text: names and topics apart by commas, semicolons or
line breaks; the points missed and the items requested (sentences) one a line."""
_FORM_PEOPLE = ("candidate", "recruiter")


def interview_form(data: Mapping[str, Any], *, source: str = "<data>") -> dict[str, Any]:
    """An interview's keys as an HTML form sends them, read as the interview file's.

    - an empty (or blank) string is a field left out: an optional one takes
      its default (none, an empty list); a required one (``company``) is
      refused as missing, naming it;
    - ``invited_to_call`` takes a ticked checkbox's ``"on"`` (and
      ``"yes"``/``"no"``, ``"true"``/``"false"``, ``"1"``/``"0"``, ``"off"``) as
      well as True or False, and refuses other text naming the field and *source*;
    - ``interviewers`` and ``topics`` may be one text, the names or topics
      apart by commas, semicolons or line breaks (``"Ana Ruiz, Bo Chen"``);
      ``missed`` and ``requested`` one a line (a textarea);
    - in the tables of ``candidate``, ``recruiter`` and each interviewer, an
      empty string is a field left out too.

    What `structure` (``form=True``) and `edit_application` (``form=True``) read.
    """
    read: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, str):
            if not value.strip():
                continue
            if key == "invited_to_call":
                value = _form_flag(value, source, f"$.{key}")
            elif key in _FORM_LISTS:
                parts = _FORM_LISTS[key].split(value)
                value = [part.strip() for part in parts if part.strip()]
        elif key in _FORM_PEOPLE and isinstance(value, Mapping):
            value = _filled(value)
        elif key == "interviewers" and isinstance(value, list):
            value = [_filled(item) if isinstance(item, Mapping) else item for item in value]
        read[key] = value
    return read


def _filled(table: Mapping[str, Any]) -> dict[str, Any]:
    """*table* without its empty strings (a person's fields left blank)."""
    return {key: value for key, value in table.items() if not _blank(value)}


def _blank(value: Any) -> bool:
    return isinstance(value, str) and not value.strip()


def _flag_fields(kind: type) -> set[str]:
    """The names of *kind*'s yes/no fields."""
    return {
        field.name
        for field in attrs.fields(attrs.resolve_types(kind))
        if field.type is bool or field.type == bool | None
    }


def _event(
    data: Any,
    source: str,
    root: str,
    zone: Interview | tzinfo | str | None,
    now: datetime | None,
    hint: tzinfo | None,
) -> Event:
    if not isinstance(data, Mapping):
        raise FormatError(source, root, f"expected an event (a table), got {_shown(data)}")
    kind = data.get("type")
    if not isinstance(kind, str) or kind not in _EVENT_CLASSES:
        kinds = ", ".join(EVENT_TAGS.values())
        given = "no type" if kind is None else _shown(kind)
        raise FormatError(source, f"{root}.type", f"expected one of {kinds}, got {given}", kind)
    cls = _EVENT_CLASSES[kind]
    fields = {key: value for key, value in data.items() if key != "type"}
    if zone is not None:
        fields = _read_in(fields, _datetime_fields(cls), zone, now, source, root)
    try:
        event: Event = converter().structure(fields, cls)
    except Exception as error:
        raise _format_error(error, source, root, hint, data=data) from None
    return event


def _read_in(
    fields: dict[str, Any],
    names: tuple[str, ...],
    zone: Interview | tzinfo | str,
    now: datetime | None,
    source: str,
    root: str,
) -> dict[str, Any]:
    """*fields* with the times a person typed read in *zone* (and words from *now*)."""
    read = dict(fields)
    for name in names:
        value = read.get(name)
        zone_key = f"{name}_timezone" if f"{name}_timezone" in read else "timezone"
        if not isinstance(value, str) or read.get(zone_key) is not None:
            continue  # a TOML datetime, or a time placed by its own zone key
        if now is None and value.strip().casefold() in _WORDS:
            problem = f"{_shown(value)} is read from the present moment: pass now= too"
            raise FormatError(source, f"{root}.{name}", problem, value)
        try:
            happened = name == "at" and now is not None
            moment = parse_when(value, zone, now or _ANY_NOW, field=name, happened=happened)
        except InvalidArgument as error:
            if error.field != name:
                raise
            raise FormatError(
                source, f"{root}.{name}", _got(error.problem, value), value
            ) from None
        if happened and now is not None:
            _check_happened(value, moment, zone, now, source, f"{root}.{name}")
        read[name] = moment
    return read


def _check_happened(
    typed: str,
    moment: datetime,
    zone: Interview | tzinfo | str,
    now: datetime,
    source: str,
    path: str,
) -> None:
    """An event's time as a person typed it, refused quoting what they typed when it is
    after *now* or before the interview (the app6 trial: "tomorrow" was refused as
    ``event.at = 2026-07-09T00:00:00-04:00``, a time the user never wrote)."""
    read_as = moment.replace(microsecond=0).isoformat()
    said = _shown(typed) if typed.strip() == read_as else f"{_shown(typed)} ({read_as})"
    if moment > now:
        shown = now.astimezone(moment.tzinfo).replace(microsecond=0).isoformat()
        problem = f"{said} is after now ({shown}): an event is recorded once it has happened"
        raise FormatError(source, path, problem, typed)
    if isinstance(zone, Interview) and moment < zone.starts_at:
        start = zone.starts_at.astimezone(moment.tzinfo).isoformat()
        raise FormatError(source, path, f"{said} is before the interview at {start}", typed)


_WORDS = frozenset({"now", "today", "yesterday", "tomorrow"})
_NOTHING: Any = object()
"""No document given, or no value at a key path (`_value_at`)."""
_ANY_NOW = datetime(2000, 1, 1, tzinfo=timezone.utc)  # words are refused before it is used


def _format_error(
    error: BaseException,
    source: str,
    root: str = "$",
    hint: tzinfo | None = None,
    *,
    data: Any = _NOTHING,
) -> FormatError:
    """One `FormatError` for whatever structuring raised; *hint*: the zone a local
    time should name (the interview's, when the reader knows it).  Its ``value`` is
    what *data* (the document at *root*) holds at the error's key path, as it was
    given: the string a time, a zone, a duration or a choice could not be read
    from, not None and not what it was read into (the app6 trial)."""
    if isinstance(error, FormatError):
        return error
    leaf = _innermost(error)
    try:
        messages = cattrs.transform_error(error, path=root, format_exception=_error_text)
    except Exception:  # pragma: no cover - a failure cattrs does not foresee
        messages = []
    path = root
    value: Any = None
    if messages:
        path = messages[0].rsplit(" @ ", 1)[-1]
    if isinstance(leaf, _InvalidField):
        path = f"{path}.{leaf.field.rsplit('.', 1)[-1]}"
        given = _value_at(data, path, root)
        value = leaf.value if given is _NOTHING else given  # as the document holds it
        problem = _got(leaf.problem, value)
    elif isinstance(leaf, _Refused):
        path = f"{path}.{leaf.key}"
        problem = leaf.problem_in(source, hint)
    elif isinstance(leaf, _NotAList):
        problem = leaf.problem(path)
    elif isinstance(leaf, cattrs.ForbiddenExtraKeysError):
        # Not str(leaf): cattrs sorts the keys, and Python data may mix 1 and "a".
        keys = sorted(leaf.extra_fields, key=str)
        named = ", ".join(_key_name(key) for key in keys[:10])
        more = f" and {len(keys) - 10} more" if len(keys) > 10 else ""
        problem = f"unknown key(s): {named}{more}"
        path = f"{path}{_path_step(keys[0])}"  # the key a form marks, and its value
    elif isinstance(leaf, KeyError):
        problem = "is required: fill it in"
    elif isinstance(leaf, (AttributeError, TypeError)) and _no_table(_value_at(data, path, root)):
        # cattrs reads a table's keys: "'str' object has no attribute 'keys'" told a
        # user nothing about {"candidate": "Sam"} or an application written as a list
        problem = f"expected a table of keys and values, got {_shown(_value_at(data, path, root))}"
    else:
        problem = str(leaf)
    given = _value_at(data, path, root)
    if given is not _NOTHING and path != root:
        value = given
    return FormatError(source, path, problem, value)


def _no_table(value: Any) -> bool:
    """Whether *value*, found in the document, is there and no table."""
    return value is not _NOTHING and not isinstance(value, Mapping)


def _error_text(error: BaseException, kind: type | None) -> str:
    """cattrs' words for *error*, but for unknown keys: cattrs joins them as text, and
    Python data may hold a key that is no text (``1``), which made `transform_error`
    fail and every such error's path fall back to the root.  Only the path after
    ``" @ "`` is read (`_format_error` words the keys itself)."""
    if isinstance(error, cattrs.ForbiddenExtraKeysError):
        return "unknown keys"
    return format_exception(error, kind)


_PATH_STEP = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\[('(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\")\]")
"""One step of a key path: ``.name``, ``[3]`` or ``['key']``."""


def _value_at(data: Any, path: str, root: str) -> Any:
    """What *data*, the document at *root*, holds at key path *path*; `_NOTHING` when the
    path does not lead to a value (a missing key, a path from elsewhere)."""
    if data is _NOTHING or not path.startswith(root):
        return _NOTHING
    rest, place, value = path[len(root) :], 0, data
    while place < len(rest):
        step = _PATH_STEP.match(rest, place)
        if step is None:
            return _NOTHING
        name, index, quoted = step.groups()
        place = step.end()
        try:
            if index is not None and isinstance(value, (list, tuple)):
                value = value[int(index)]
            elif isinstance(value, Mapping):
                key = name if name is not None else index if index is not None else None
                if quoted is not None:
                    import ast  # a quoted key, as cattrs writes a mapping's key

                    key = ast.literal_eval(quoted)
                if key not in value:
                    return _NOTHING
                value = value[key]
            else:
                return _NOTHING
        except (IndexError, ValueError, SyntaxError, TypeError):
            return _NOTHING
    return value


def _path_step(key: Any) -> str:
    """*key* as one step of a key path: ``.name``, or ``['a key']`` (read by `_value_at`)."""
    if isinstance(key, str) and re.fullmatch(r"[^.\[\]'\"]+", key):
        return f".{key}"
    return f"[{json.dumps(str(key), ensure_ascii=False)}]"  # 1 or "a.b": a key, not a place


def _as_typed(error: FormatError, typed: Mapping[str, Any]) -> FormatError:
    """*error* about a form's key, with the value as the form typed it (``"Ana Ruiz, ana
    ruiz"``, not the list it was read as)."""
    found = re.fullmatch(r"\$\.(\w+)", error.path)
    text = typed.get(found[1]) if found is not None else None
    if not isinstance(text, str) or text == error.value:
        return error
    problem = error.problem
    tail = f" (got {_shown(error.value)})"
    if problem.endswith(tail):
        problem = problem[: -len(tail)] + f" (got {_shown(text)})"
    return FormatError(error.source, error.path, problem, text)


def _got(problem: str, value: Any) -> str:
    """*problem*, then the value as the file holds it: ``must not be empty (got '')``."""
    return f"{problem} (got {_shown(value)})"


def _key_name(key: Any) -> str:
    """A key as a file spells it: bare when it is a name, else quoted."""
    return key if isinstance(key, str) and key.isidentifier() else _short_repr(key)


def _innermost(error: BaseException) -> BaseException:
    while getattr(error, "exceptions", None):
        error = error.exceptions[0]  # type: ignore[attr-defined]
    return error


# -- documents and files ---------------------------------------------------------


# Strings (and TOML comments) are matched whole, so a bracket inside one is
# not counted; a bracket outside one nests.
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_TOML_TOKENS = re.compile(
    r'"""[^"\\]*(?:(?:\\[\s\S]|"(?!""))[^"\\]*)*"{3,5}'
    r"|'''[^']*(?:'(?!'')[^']*)*'{3,5}"
    r'|"[^"\\\n]*(?:\\.[^"\\\n]*)*"'
    r"|'[^'\n]*'"
    r"|#[^\n]*"
    r"|[\[\]{}]"
)
_LARGEST_NUMBER = 10**MAX_NUMBER_LENGTH


def loads(text: str, *, fmt: str, source: str = "<data>") -> Any:
    """Parse JSON or TOML text into plain data, within the limits of this module.

    Raises:
        FormatError: malformed text (with the line when the parser knows it),
            text longer than `MAX_FILE_SIZE`, nesting deeper than `MAX_DEPTH`,
            a number longer than `MAX_NUMBER_LENGTH`, or ``NaN``/``Infinity``.
    """
    if fmt not in ("json", "toml"):
        raise FormatError(source, "$", f"unknown format {_short_repr(fmt)} (use json or toml)")
    if len(text) > MAX_FILE_SIZE:
        raise FormatError(source, "", f"longer than {MAX_FILE_SIZE} characters")
    _check_nesting(text, _JSON_TOKENS if fmt == "json" else _TOML_TOKENS, source)
    number = _number_reader(source)
    try:
        if fmt == "json":
            data = json.loads(
                text, parse_int=number(int), parse_float=number(float), parse_constant=number(None)
            )
        else:
            data = tomllib.loads(text, parse_float=number(float))
    except FormatError:
        raise
    except json.JSONDecodeError as error:
        raise FormatError(source, f"line {error.lineno}", f"malformed JSON: {error.msg}") from None
    except tomllib.TOMLDecodeError as error:
        raise FormatError(source, "$", f"malformed TOML: {error}") from None
    except ValueError:  # int() refusing thousands of digits, before any hook sees them
        raise FormatError(source, "", _too_long()) from None
    except RecursionError:  # pragma: no cover - _check_nesting stops this first
        raise FormatError(source, "", f"nested deeper than {MAX_DEPTH} levels") from None
    _check_tree(data, source)
    return data


def _too_long(text: str | None = None) -> str:
    shown = "" if text is None else f" ({_short_repr(text)})"
    return f"a number longer than {MAX_NUMBER_LENGTH} characters{shown}"


def _check_nesting(text: str, tokens: re.Pattern[str], source: str) -> None:
    """Refuse nesting deeper than `MAX_DEPTH` before a recursive parser meets it.

    One cheap pass over the text: the parsers recurse once per level and
    raise `RecursionError` on ``[[[[...``.
    """
    if text.count("[") + text.count("{") <= MAX_DEPTH:
        return
    depth = 0
    for token in tokens.finditer(text):
        bracket = token[0]
        if bracket in ("[", "{"):
            depth += 1
            if depth > MAX_DEPTH:
                line = text.count("\n", 0, token.start()) + 1
                raise FormatError(source, f"line {line}", f"nested deeper than {MAX_DEPTH} levels")
        elif bracket in ("]", "}"):
            depth = max(depth - 1, 0)


def _number_reader(source: str) -> Callable[[Any], Callable[[str], Any]]:
    """Parser hooks that refuse a number literal longer than `MAX_NUMBER_LENGTH`."""

    def reader(convert: Callable[[str], Any] | None) -> Callable[[str], Any]:
        def read_number(text: str) -> Any:
            if convert is None:  # JSON's NaN, Infinity, -Infinity
                raise FormatError(source, "", f"{text} is not a number JSON allows")
            if len(text) > MAX_NUMBER_LENGTH:
                raise FormatError(source, "", _too_long(text))
            return convert(text)

        return read_number

    return reader


def _check_tree(data: Any, source: str) -> None:
    """Depth and number size of parsed data, without recursion.

    TOML's dotted keys (``a.b.c = 1``) nest tables without a bracket, and its
    integers have no parser hook.
    """
    stack: list[tuple[Any, int, str]] = [(data, 0, "$")]
    while stack:
        value, depth, path = stack.pop()
        if isinstance(value, (dict, list)):
            if depth >= MAX_DEPTH:
                raise FormatError(source, path, f"nested deeper than {MAX_DEPTH} levels")
            if isinstance(value, dict):
                stack.extend((item, depth + 1, f"{path}.{key}") for key, item in value.items())
            else:
                stack.extend((item, depth + 1, f"{path}[{i}]") for i, item in enumerate(value))
        elif isinstance(value, int) and not -_LARGEST_NUMBER < value < _LARGEST_NUMBER:
            raise FormatError(source, path, _too_long())


def read(path: str | Path) -> Any:
    """Read a ``.json`` or ``.toml`` file into plain data.

    Raises:
        FormatError: naming the file: it cannot be read, is larger than
            `MAX_FILE_SIZE` bytes, is not UTF-8, or `loads` refuses it.
    """
    file = Path(path)
    fmt = file.suffix.lower().lstrip(".")
    if fmt not in ("json", "toml"):
        raise FormatError(str(file), "", "expected a .toml or .json file")
    try:
        with file.open("rb") as handle:
            raw = handle.read(MAX_FILE_SIZE + 1)
    except OSError as error:
        raise FormatError(str(file), "", f"cannot read: {error.strerror or error}") from None
    if len(raw) > MAX_FILE_SIZE:
        raise FormatError(str(file), "", f"larger than {MAX_FILE_SIZE} bytes: not a followup file")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        problem = f"not UTF-8 text (byte 0x{raw[error.start]:02x} at offset {error.start})"
        raise FormatError(str(file), "", problem) from None
    return loads(text.removeprefix("\ufeff"), fmt=fmt, source=str(file))


_HISTORY_KEYS = ("history", "event", "policy")  # the file's history (or where), its policy


def _is_history_data(data: Any) -> bool:
    """Whether *data* is a history file's: a JSON list of events, or ``[[event]]`` tables
    and nothing of an interview beside them."""
    if isinstance(data, list):
        return True
    return (
        isinstance(data, Mapping)
        and "event" in data
        and all(key in ("event", "format_version") for key in data)
    )


def _interview_data(data: Any, source: str) -> Any:
    if _is_history_data(data):
        # the loop10 trial: `followup today applications/*.toml` met acme.events.toml,
        # the history file `followup new` names, and said "$.starts_at: is required"
        problem = (
            "is a history file (events only), not an interview: give the interview "
            "file that names it in its history key"
        )
        raise FormatError(source, "", problem)
    data = _versioned(data, source)
    if isinstance(data, Mapping) and any(key in data for key in _HISTORY_KEYS):
        data = {key: value for key, value in data.items() if key not in _HISTORY_KEYS}
    if isinstance(data, Mapping) and "interview" in data and len(data) == 1:
        data = data["interview"]
    return data


def load_interview(path: str | Path) -> Interview:
    """Read an interview from ``interview.toml`` / ``.json`` (optionally under ``[interview]``).

    A history the file holds, or names, is not read: see `load_interview_file`.
    """
    data = read(path)
    return structure(_interview_data(data, str(path)), Interview, source=str(path))


@attrs.frozen
class InterviewFile:
    """An interview file with its history: what `load_interview_file` reads.

    Attributes:
        path: the interview file.
        interview: the interview it holds.
        history: what happened so far, oldest first: the file's own
            ``[[event]]`` tables, or the events of the history file it names.
        history_path: where that history is kept and new events go: the
            file named by its ``history`` key (relative to the interview
            file), else the interview file itself.
        policy: the application's own policy, when the file gives one: its
            ``policy`` key names a policy file (relative to the interview
            file), or holds the policy as a ``[policy]`` table; else None.
    """

    path: Path
    interview: Interview
    history: tuple[Event, ...]
    history_path: Path
    policy: Policy | None = attrs.field(default=None, kw_only=True)


def load_interview_file(
    path: str | Path, *, check: bool = True, policy_class: type[Policy] = Policy
) -> InterviewFile:
    """Read an interview file and the history it holds or names.

    The file may hold its history as ``[[event]]`` tables (a JSON ``"event"``
    list), or name a history file beside it: ``history = "acme.events.toml"``.
    A named file that does not exist yet is an empty history.

    The history is checked against the interview (in order, not before it,
    people of the interview), so that an entry at fault is named with its
    file: ``acme.events.toml: $.event[3].at: is before the interview ...``.
    With ``check=False`` each event is still read and checked alone, but not
    against the interview: what listing and removing events need when the
    interview was edited after they were logged.  The file's own policy is
    read as *policy_class* (the app's subclass of `Policy`, as `load_policy`).

    Raises:
        FormatError: either file cannot be read, the file has both keys, or
            an entry of the history cannot belong to the interview.
        InvalidArgument: *policy_class* is not `Policy` or a subclass of it.
    """
    policy_class = _policy_class(policy_class)
    file = Path(path)
    data = read(file)
    interview = structure(_interview_data(data, str(file)), Interview, source=str(file))
    held = data.get("event") if isinstance(data, Mapping) else None
    named = data.get("history") if isinstance(data, Mapping) else None
    if held is not None and named is not None:
        problem = "give the history in this file ([[event]]) or name its file, not both"
        raise FormatError(str(file), "$.history", problem)
    hint = interview.zone_of(interview.candidate)
    policy = _own_policy(data, file, policy_class)
    if named is None:
        events = [] if held is None else _structure_history({"event": held}, str(file), hint)
        if check:
            _check_history_of(interview, events, str(file), "$.event")
        return InterviewFile(file, interview, tuple(events), file, policy=policy)
    if not isinstance(named, str) or not named.strip():
        raise FormatError(str(file), "$.history", "expected the name of a history file")
    history_path = file.parent / named
    events = []
    if history_path.exists():
        history_data = read(history_path)
        events = _structure_history(history_data, str(history_path), hint)
        root = "$" if isinstance(history_data, list) else "$.event"
        if check:
            _check_history_of(interview, events, str(history_path), root)
    return InterviewFile(file, interview, tuple(events), history_path, policy=policy)


def _own_policy(data: Any, file: Path, policy_class: type[Policy] = Policy) -> Policy | None:
    """The policy an interview file gives, as *policy_class*: a file its ``policy`` key
    names, or a table."""
    given = data.get("policy") if isinstance(data, Mapping) else None
    if given is None:
        return None
    if isinstance(given, Mapping):
        return policy_from(given, source=f"{file} [policy]", policy_class=policy_class)
    if not isinstance(given, str) or not given.strip():
        problem = "expected the name of a policy file, or a [policy] table"
        raise FormatError(str(file), "$.policy", problem, given)
    named = file.parent / given
    if not named.exists():
        raise FormatError(str(file), "$.policy", f"names {given!r}, which does not exist", given)
    return load_policy(named, policy_class=policy_class)


def mend_event(number: int) -> str:
    """How an event of a history file refused for what it holds is mended: edited in the
    file, or removed by its number as `followup events` counts (from 1)."""
    return (
        f"mend it here, or remove it: it is event {number} of `followup events`, "
        f"and `followup unlog FILE {number}` removes it"
    )


def _check_history_of(interview: Interview, events: list[Event], source: str, root: str) -> None:
    """Check *events* against *interview* (order, people), naming the file and the entry.

    Raises:
        FormatError: naming *source* and the entry, e.g. ``$.event[3].at``.
    """
    try:
        check_history(interview, events)
    except InvalidHistory as error:
        where = error.field.removeprefix("history")
        problem = _got(error.problem, error.value)
        if where.endswith("].at") and "before the interview" in error.problem:
            # the fourth trial: starts_at moved after events were logged
            problem += (
                "; if the interview moved, list the history with `followup events` and "
                "remove what no longer belongs with `followup unlog`; if the history is "
                "another interview's (one history file named by two interview files), give "
                "this one a file of its own"
            )
        elif where.endswith("].step"):
            # the loop14 trial: a step id mistyped by hand was refused at a 0-based
            # position, with no file named and nothing said of how to mend it
            number = int(where[1 : where.index("]")]) + 1
            problem = f"{error.problem}; {mend_event(number)}"
        raise FormatError(source, f"{root}{where}", problem, error.value) from None


@overload
def load_policy(path: str | Path) -> Policy: ...
@overload
def load_policy(path: str | Path, *, policy_class: type[P]) -> P: ...
def load_policy(path: str | Path, *, policy_class: type[Policy] = Policy) -> Policy:
    """Read a policy from ``policy.toml`` / ``.json``; a ``preset`` key starts from a preset.

    As *policy_class* (`policy_from`): a team's subclass of `Policy`, its own
    fields and defaults too.
    """
    data = read(path)
    if isinstance(data, Mapping) and "policy" in data and len(data) == 1:
        data = data["policy"]
    return policy_from(data, source=str(path), policy_class=policy_class)


@overload
def policy_from(data: Any, *, source: str = "<data>") -> Policy: ...
@overload
def policy_from(data: Any, *, source: str = "<data>", policy_class: type[P]) -> P: ...
def policy_from(
    data: Any, *, source: str = "<data>", policy_class: type[Policy] = Policy
) -> Policy:
    """A Policy from plain data, as a policy file holds it (``policy.schema.json``).

    A ``preset`` key (``{"preset": "cautious", "min_gap": 4}``) starts from
    that preset, the other keys changing it; `structure` (``structure(data,
    Policy)``) takes no preset.  What an app reads from a request.

    *policy_class* is the class it is read as: an app's own subclass of
    `Policy` (``@attrs.frozen class TeamPolicy(Policy): min_gap: int = 5``)
    comes back as that class, its extra fields read too and its defaults
    (and a preset's, `Policy.preset`) its own.  The data never names a class:
    the app does.

    Raises:
        FormatError: an unknown preset or key, or a value the policy refuses,
            with the key path.
        InvalidArgument: *policy_class* is not `Policy` or a subclass of it.
    """
    made = _policy_class(policy_class)
    if isinstance(data, Mapping) and "preset" in data:
        data = dict(data)
        name = data.pop("preset")
        try:
            base = made.preset(name)
        except InvalidPolicy as error:
            raise FormatError(source, "$.preset", _got(error.problem, error.value)) from None
        data = {**unstructure(base), **data}
    return structure(data, made, source=source)


def load_history(path: str | Path) -> list[Event]:
    """Read a history from ``events.toml`` (``[[event]]`` tables) or ``.json`` (a list)."""
    return structure_history(read(path), source=str(path))


def dumps_history(history: Iterable[Event], fmt: str = "toml") -> str:
    """A history as a file's text, the way `load_history` reads it back equal.

    TOML gives one ``[[event]]`` table per event; JSON a list.  Times are
    RFC 3339 with their offset, and the zone's name in a key of its own
    (``at = "2026-07-16T10:15:00-04:00"``, ``timezone = "America/New_York"``).

    Raises:
        FormatError: *fmt* is neither ``toml`` nor ``json``.
    """
    events = [_compact(item) for item in unstructure(list(history))]
    if fmt == "json":
        return json.dumps(events, indent=2, ensure_ascii=False) + "\n"
    if fmt != "toml":
        raise FormatError("<data>", "$", f"unknown format {_short_repr(fmt)} (use json or toml)")
    header = "# What happened after the interview, oldest first (followup_rules history).\n"
    tables = ["[[event]]\n" + dumps_toml(event) for event in events]
    return header + "".join(f"\n{table}" for table in tables)


def _compact(event: dict[str, Any]) -> dict[str, Any]:
    """An unstructured event without its empty fields, ``type`` first."""
    kept = {key: value for key, value in event.items() if value not in (None, False)}
    return {"type": kept.pop("type"), **kept}


def save_history(path: str | Path, history: Iterable[Event]) -> None:
    """Write a history file (``.toml`` or ``.json``, by its suffix), all or nothing.

    The text goes through `followup_rules.files.write_atomically`: a
    temporary file beside *path* replaces it, so a crash never leaves half a
    history; a symbolic link is written through (the link stays a link), an
    existing file keeps its permissions.

    Raises:
        FormatError: the suffix is neither ``.toml`` nor ``.json``, or *path*
            cannot be written (a directory, a FIFO...).
        OSError: the file cannot be written.
    """
    file = Path(path)
    fmt = file.suffix.lower().lstrip(".")
    if fmt not in ("json", "toml"):
        raise FormatError(str(file), "", "expected a .toml or .json file")
    write_atomically(file, dumps_history(history, fmt))


def dumps_json(value: Any) -> str:
    """Stable JSON (sorted keys, two-space indent) for any value `unstructure` takes.

    Raises:
        InvalidArgument: *value* holds something JSON cannot write, naming it.
    """
    data = unstructure(value)
    try:
        return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    except (TypeError, ValueError) as error:  # an object json cannot write, or a cycle
        raise InvalidArgument("value", value, f"cannot be written as JSON ({error})") from None


def dumps_toml(data: Mapping[str, Any] | Policy) -> str:
    """TOML for a flat table of strings, numbers, booleans and lists of strings (a policy).

    A `Policy` (a house subclass too) is written as its plain data
    (`unstructure`).

    Raises:
        InvalidArgument: *data* is not a table, or a value cannot be written
            as TOML, naming it (``data.min_gap``).
    """
    if isinstance(data, Policy):
        data = unstructure(data)
    if not isinstance(data, Mapping):
        raise InvalidArgument("data", data, "expected a table (a mapping of keys to values)")
    lines = []
    for key, value in data.items():
        if value is None:
            lines.append(f"# {key} is not set")
            continue
        try:
            lines.append(f"{key} = {_toml_value(value)}")
        except TypeError as error:
            raise InvalidArgument(f"data.{key}", value, str(error)) from None
    return "\n".join(lines) + "\n"


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    if isinstance(value, Mapping):  # an inline table, e.g. a decision window
        pairs = (f"{key} = {_toml_value(item)}" for key, item in value.items() if item is not None)
        return "{ " + ", ".join(pairs) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def edit_application(
    application: Application,
    changes: Mapping[str, Any],
    *,
    source: str = "<data>",
    form: bool = False,
) -> Application:
    """*application* with its interview changed as an interview file says it.

    *changes* holds keys of the interview file (``docs/files.md``) as a
    person or a form gives them: ``{"company": "Acme SE"}``,
    ``{"starts_at": "2026-07-09T10:00"}`` (a local time, in the interview's
    ``timezone``), ``{"decision_by": "in two weeks"}``.  The interview first
    gets its `Interview.id` when it has none (`followup_rules.identity.pinned`),
    so that every step id stored before the edit stays valid; then the
    history is checked against the edited interview
    (`Application.with_interview`).  A ``starts_at`` with an offset is that
    instant; a new ``timezone`` alone keeps the start's instant.

    ``decision_by`` is the date given at the interview: an employer's later
    `Update` with a new date stays in force over it (seed 004: the
    timetable moves), so correcting it changes the plan only where no such
    update came; to record a new date from the employer, record an `Update`.

    People are merged, not replaced: ``candidate`` changes the fields it
    gives and keeps the others (``{"candidate": {"name": "Sam"}}`` keeps the
    e-mail and language; a field given as None clears it).  ``interviewers``
    is the new list, in its order, and a person already on the interview
    keeps the details the change does not give (``["Ana Ruiz", "Bo Chen"]``
    keeps both e-mails; ``[{"name": "Ana Ruiz", "email": None}]`` clears
    hers); a table of names changes only those people and keeps the list:
    ``{"interviewers": {"Ana Ruiz": {"email": "ana@acme.example"}}}``.
    A new ``name`` there corrects the person's name (a typo) as
    `Application.rename` does: ``{"interviewers": {"Ana Ruis": {"name":
    "Ana Ruiz"}}}`` renames her in the history too (and as the follow-up
    ``contact``), and every step id stays what it was (she gets, when she has
    none, the id her steps' ids hold).  A list of names cannot say so: a
    name it does not hold is someone else, refused while the history names them.

    With ``form=True``, the values are read as an HTML form sends them
    (`interview_form`), and an empty string clears an optional field
    (``{"decision_by": ""}``: no decision date) and is refused, as missing,
    for a required one.

    Raises:
        FormatError: a key or value the interview file would refuse, with its
            key path (named after *source*).
        InvalidHistory: the history does not fit the edited interview: its
            field is the key edited (``starts_at``, ``interviewers``...), its
            value what was given there, and its problem names the event in
            words.
        InvalidArgument: *changes* is not a table.
    """
    if not isinstance(application, Application):
        raise InvalidArgument("application", application, "expected an Application")
    if not isinstance(changes, Mapping):
        raise InvalidArgument("changes", changes, "expected a table of interview file keys")
    given = dict(changes)
    renames = _renames(application.interview, changes.get("interviewers"))
    if renames:  # a name corrected: as Application.rename does it, history and step ids
        changes = {**changes, "interviewers": _renamed_keys(changes["interviewers"], renames)}
        for old, new in renames:
            application = _renamed(application, old, new, source)
    interview = pinned(application.interview)
    data = unstructure(interview)
    if form:
        cleared = [key for key, value in changes.items() if _blank(value)]
        changes = interview_form(changes, source=source)
        for key in cleared:
            data.pop(key, None)
    changes = dict(changes)
    if isinstance(changes.get("candidate"), Mapping) and isinstance(data["candidate"], dict):
        changes["candidate"] = {**data["candidate"], **changes["candidate"]}
    if "interviewers" in changes:
        changes["interviewers"] = _merged_people(
            data["interviewers"], changes["interviewers"], source
        )
    data.update(changes)
    try:
        edited = structure(data, Interview, source=source)
    except FormatError as error:
        raise _as_typed(error, given) if form else error from None
    before = attrs.evolve(application, interview=interview)
    try:
        return before.with_interview(edited)
    except InvalidHistory as error:
        raise _edit_conflict(error, before, given) from None


def _renamed_keys(change: Mapping[str, Any], renames: list[tuple[str, str]]) -> dict[str, Any]:
    """A table of interviewers' changes keyed by their new names, the names done already."""
    table = dict(renames)
    return {
        table.get(name, name): (
            {key: value for key, value in fields.items() if key != "name"}
            if name in table
            else fields
        )
        for name, fields in change.items()
    }


def _renamed(application: Application, old: str, new: str, source: str) -> Application:
    """`Application.rename`, its refusal said as the form's: the key ``interviewers``."""
    try:
        return application.rename(old, new)
    except InvalidArgument as error:
        path = "$.interviewers"
        raise FormatError(source, path, f"{_shown(new)} {error.problem}", new) from None


def _renames(interview: Interview, change: Any) -> list[tuple[str, str]]:
    """The (old, new) names a table of interviewers' changes gives people of *interview*."""
    if not isinstance(change, Mapping):
        return []
    names = [person.name for person in interview.interviewers]
    found: list[tuple[str, str]] = []
    for old, fields in change.items():
        new = fields.get("name") if isinstance(fields, Mapping) else None
        named = isinstance(old, str) and old in names
        if named and isinstance(new, str) and new.strip() and new != old:
            found.append((old, new))
    return found


_CONFLICT = re.compile(r"history\[(\d+)\]\.?(\w*)")
_EDITED_BY = {
    "at": ("starts_at", "timezone", "duration"),
    "sender": ("interviewers", "recruiter", "contact"),
    "recipient": ("interviewers", "recruiter", "contact"),
    "step": ("interviewers", "recruiter", "id"),
}


def _edit_conflict(
    error: InvalidHistory, application: Application, given: Mapping[str, Any]
) -> InvalidHistory:
    """*error* about the history, said of the key edited: the one that made it fail."""
    found = _CONFLICT.match(error.field or "")
    if found is None or not given:
        return error
    index, attribute = int(found[1]), found[2]
    keys = [key for key in _EDITED_BY.get(attribute, ()) if key in given] or list(given)
    key = keys[0]
    history = application.history
    if index >= len(history):  # pragma: no cover - the history checked is the application's
        return error
    said = describe_event(history[index], application.interview)
    # the event's time is in its words already: "it is before the interview at ..."
    named = f"its {attribute} {_shown(error.value)}" if attribute not in ("", "at") else "it"
    problem = f"conflicts with event {index + 1} of the history ({said}): {named} {error.problem}"
    return InvalidHistory(key, given[key], problem)


def _merged_people(old: list[dict[str, Any]], new: Any, source: str) -> Any:
    """The interviewers an edit gives, each keeping the details it does not change."""
    known = {person_key(person["name"]): person for person in old}

    def merged(item: Any) -> Any:
        if isinstance(item, str):
            before = known.get(person_key(item)) if item.strip() else None
            return item if before is None else {**before, "name": item}
        if isinstance(item, Mapping) and isinstance(item.get("name"), str):
            before = known.get(person_key(item["name"]))
            return item if before is None else {**before, **item}
        return item

    if isinstance(new, Mapping):  # {name: changes}: only these people
        people = [dict(person) for person in old]
        for name, change in new.items():
            found = [p for p in people if isinstance(name, str) and p["name"] == name]
            if not found or not isinstance(change, Mapping):
                problem = (
                    f"{_shown(name)} is not one of the interviewers"
                    if not found
                    else f"expected a table of their fields, got {_shown(change)}"
                )
                raise FormatError(source, "$.interviewers", problem, name)
            found[0].update(change)
        return people
    if isinstance(new, list):
        return [merged(item) for item in new]
    return new
