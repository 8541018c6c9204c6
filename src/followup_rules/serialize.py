"""Round-trip interviews, policies, histories and plans through dicts, JSON and TOML.

Built on cattrs (one configured converter, no hand-written dict code).
Datetimes travel as ISO 8601 with their offset, followed by the IANA zone in
brackets when there is one (RFC 9557): ``2026-07-07T14:00:00-04:00[America/New_York]``,
so a round trip keeps DST rules, not just an offset.  TOML files may also use
TOML's own datetimes, with a ``timezone`` key next to a local ``starts_at``.
Durations are ISO 8601 (``PT24H``) or short forms (``24h``, ``90m``, ``2d``).

Every problem in a file is one `FormatError` that names the file, the key path
and what is wrong.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time, timedelta
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

import cattrs
import pendulum
from cattrs.gen import make_dict_structure_fn
from cattrs.strategies import configure_tagged_union

from . import _calendar as cal
from .action import Action, Plan
from .errors import FollowupError, _InvalidField
from .events import Contact, Event, OutOfOffice, Reply, Update
from .model import Interview, Interviewer, Recruiter
from .policy import Policy, TimeWindow

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found,unused-ignore]

__all__ = [
    "FormatError",
    "dumps_json",
    "dumps_toml",
    "load_history",
    "load_interview",
    "load_policy",
    "loads",
    "structure",
    "unstructure",
]

T = TypeVar("T")


class FormatError(FollowupError, ValueError):
    """A file or document cannot be read: names the source, the key path and the problem.

    Attributes:
        source: the file name (or ``"<data>"``).
        path: the key path, e.g. ``$.interviewers[1].email``.
        problem: what is wrong.
    """

    def __init__(self, source: str, path: str, problem: str) -> None:
        self.source = source
        self.path = path
        self.problem = problem
        super().__init__(f"{source}: {path}: {problem}" if path else f"{source}: {problem}")

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.source, self.path, self.problem))


_BRACKETED = re.compile(r"^(?P<iso>[^\[\]]+?)(?:\[(?P<zone>[^\[\]]+)\])?$")
_SHORT_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(d|h|m|s)\s*$", re.IGNORECASE)
_ISO_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}


# -- scalar hooks ---------------------------------------------------------------


def format_datetime(moment: datetime) -> str:
    """ISO 8601 with offset, then ``[Zone/Name]`` when the zone has a name."""
    name = cal.zone_name(moment.tzinfo, moment) if moment.tzinfo is not None else ""
    iso = moment.isoformat()
    return iso if not name or name.startswith(("+", "-")) else f"{iso}[{name}]"


def parse_datetime(value: Any, _: Any = None) -> datetime:
    """An aware datetime from ISO text (optionally ``[Zone]``) or a TOML datetime."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError(f"expected an ISO 8601 date-time, got {type(value).__name__}")
    match = _BRACKETED.match(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not an ISO 8601 date-time")
    try:
        parsed = datetime.fromisoformat(match["iso"].replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"{value!r} is not an ISO 8601 date-time") from None
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
        raise ValueError(f"{value!r} has no time zone (add an offset like -04:00 or Z)")
    return cal.to_pendulum(moment)


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
    raise ValueError(f"{value!r} is not an ISO 8601 date like 2026-07-15")


def format_duration(value: timedelta) -> str:
    """ISO 8601 duration in hours, minutes and seconds: ``PT24H``, ``PT4H30M``."""
    seconds = round(value.total_seconds())
    hours, seconds = divmod(seconds, 3600)
    minutes, seconds = divmod(seconds, 60)
    clock = "".join(
        f"{amount}{unit}"
        for amount, unit in ((hours, "H"), (minutes, "M"), (seconds, "S"))
        if amount
    )
    return f"PT{clock or '0S'}"


def parse_duration(value: Any, _: Any = None) -> Any:
    """A timedelta from ``PT24H``, ``24h``, ``90m``, ``2d``; numbers are seconds."""
    if isinstance(value, (timedelta, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, str):
        short = _SHORT_DURATION.match(value)
        if short is not None:
            return timedelta(seconds=float(short[1]) * _UNITS[short[2].lower()])
        iso = _ISO_DURATION.match(value.strip().upper())
        if iso is not None and any(iso.groupdict().values()):
            parts = {key: float(amount or 0) for key, amount in iso.groupdict().items()}
            return timedelta(
                days=parts["d"], hours=parts["h"], minutes=parts["m"], seconds=parts["s"]
            )
    raise ValueError(f"{value!r} is not a duration like '24h' or 'PT24H'")


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
    raise ValueError(f"{value!r} is not one of {choices}")


def _raw(value: Any, _: Any = None) -> Any:
    """Leave the value to the model's own checks (enums, windows, holidays...)."""
    return value


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
    converter.register_structure_hook(time, _raw)
    converter.register_unstructure_hook(time, lambda value: f"{value:%H:%M}")
    converter.register_structure_hook(TimeWindow, _raw)
    converter.register_unstructure_hook(TimeWindow, str)
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
    configure_tagged_union(
        Contact | Reply | Update | OutOfOffice,
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


def _event_tag(cls: type) -> str:
    return {Contact: "contact", Reply: "reply", Update: "update", OutOfOffice: "out_of_office"}[
        cls
    ]


CONVERTER = _make_converter()
"""The configured cattrs converter behind `structure` and `unstructure`."""


def unstructure(value: Any) -> Any:
    """Plain data (dicts, lists, strings, numbers) for any model, policy, event or plan.

    A `Plan` becomes a list of actions; a history a list of tagged events.
    """
    if isinstance(value, Plan):
        return [CONVERTER.unstructure(action, Action) for action in value]
    if isinstance(value, Sequence) and not isinstance(value, (str, bytes)):
        return [CONVERTER.unstructure(item, Event) for item in value]
    return CONVERTER.unstructure(value)


def structure(data: Any, kind: type[T], *, source: str = "<data>") -> T:
    """Build *kind* (Interview, Policy, Action, ...) from plain data.

    Raises:
        FormatError: unknown keys, wrong types or invalid values, with the key path.
    """
    try:
        return CONVERTER.structure(data, kind)
    except Exception as error:
        raise _format_error(error, source) from None


def structure_plan(data: Any, *, source: str = "<data>") -> Plan:
    """A `Plan` from the list `unstructure` made of it."""
    if not isinstance(data, list):
        raise FormatError(source, "$", "expected a list of actions")
    return Plan(tuple(structure(item, Action, source=source) for item in data))


def structure_history(data: Any, *, source: str = "<data>") -> list[Event]:
    """A history from a list of tagged events (``{"type": "contact", ...}``)."""
    if isinstance(data, Mapping) and set(data) == {"event"}:
        data = data["event"]  # TOML: [[event]] tables
    if not isinstance(data, list):
        raise FormatError(source, "$", "expected a list of events")
    events: list[Event] = []
    for index, item in enumerate(data):
        try:
            events.append(CONVERTER.structure(item, Event))  # type: ignore[arg-type]
        except Exception as error:
            raise _format_error(error, source, f"$[{index}]") from None
    return events


def _format_error(error: BaseException, source: str, root: str = "$") -> FormatError:
    if isinstance(error, FormatError):
        return error
    leaf = _innermost(error)
    try:
        messages = cattrs.transform_error(error, path=root)
    except Exception:  # pragma: no cover - transform_error handles cattrs errors
        messages = []
    path = root
    if messages:
        path = messages[0].rsplit(" @ ", 1)[-1]
    problem = str(leaf) if not isinstance(leaf, KeyError) else f"missing key {leaf}"
    if isinstance(leaf, _InvalidField):
        path = f"{path}.{leaf.field.rsplit('.', 1)[-1]}"
        problem = f"{leaf.problem} (got {leaf.value!r})"
    elif isinstance(leaf, cattrs.ForbiddenExtraKeysError):
        problem = f"unknown key(s): {', '.join(sorted(leaf.extra_fields))}"
    elif isinstance(leaf, TypeError) and "required" in str(leaf):
        problem = f"a required key is missing ({leaf})"
    return FormatError(source, path, problem)


def _innermost(error: BaseException) -> BaseException:
    while getattr(error, "exceptions", None):
        error = error.exceptions[0]  # type: ignore[attr-defined]
    return error


# -- documents and files ---------------------------------------------------------


def loads(text: str, *, fmt: str, source: str = "<data>") -> Any:
    """Parse JSON or TOML text into plain data.

    Raises:
        FormatError: malformed text, with the line when the parser knows it.
    """
    try:
        if fmt == "json":
            return json.loads(text)
        if fmt == "toml":
            return tomllib.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(source, f"line {error.lineno}", f"malformed JSON: {error.msg}") from None
    except tomllib.TOMLDecodeError as error:
        raise FormatError(source, "$", f"malformed TOML: {error}") from None
    raise FormatError(source, "$", f"unknown format {fmt!r} (use json or toml)")


def read(path: str | Path) -> Any:
    """Read a ``.json`` or ``.toml`` file into plain data."""
    file = Path(path)
    fmt = file.suffix.lower().lstrip(".")
    if fmt not in ("json", "toml"):
        raise FormatError(str(file), "", "expected a .toml or .json file")
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as error:
        raise FormatError(str(file), "", f"cannot read: {error.strerror or error}") from None
    return loads(text, fmt=fmt, source=str(file))


def _interview_data(data: Any, source: str) -> Any:
    if isinstance(data, Mapping) and "interview" in data and len(data) == 1:
        data = data["interview"]
    if isinstance(data, Mapping) and "timezone" in data:
        # TOML style: a local starts_at and the zone beside it.
        data = dict(data)
        zone_name = data.pop("timezone")
        starts = data.get("starts_at")
        try:
            zone = cal.zone(str(zone_name))
        except ValueError:
            raise FormatError(source, "$.timezone", f"unknown time zone {zone_name!r}") from None
        if isinstance(starts, str) and "[" not in starts:
            starts = datetime.fromisoformat(starts) if "T" in starts else starts
        if isinstance(starts, datetime):
            data["starts_at"] = (
                starts.replace(tzinfo=zone) if starts.tzinfo is None else starts.astimezone(zone)
            )
    return data


def load_interview(path: str | Path) -> Interview:
    """Read an interview from ``interview.toml`` / ``.json`` (optionally under ``[interview]``)."""
    data = read(path)
    return structure(_interview_data(data, str(path)), Interview, source=str(path))


def load_policy(path: str | Path) -> Policy:
    """Read a policy from ``policy.toml`` / ``.json``; a ``preset`` key starts from a preset."""
    data = read(path)
    if isinstance(data, Mapping) and "policy" in data and len(data) == 1:
        data = data["policy"]
    return policy_from(data, source=str(path))


def policy_from(data: Any, *, source: str = "<data>") -> Policy:
    """A Policy from plain data; ``preset = "cautious"`` starts from that preset."""
    if isinstance(data, Mapping) and "preset" in data:
        data = dict(data)
        name = data.pop("preset")
        try:
            base = Policy.preset(name)
        except FollowupError as error:
            raise FormatError(source, "$.preset", str(error)) from None
        data = {**unstructure(base), **data}
    return structure(data, Policy, source=source)


def load_history(path: str | Path) -> list[Event]:
    """Read a history from ``events.toml`` (``[[event]]`` tables) or ``.json`` (a list)."""
    return structure_history(read(path), source=str(path))


def dumps_json(value: Any) -> str:
    """Stable JSON (sorted keys, two-space indent) for any value `unstructure` takes."""
    return json.dumps(unstructure(value), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def dumps_toml(data: Mapping[str, Any]) -> str:
    """TOML for a flat table of strings, numbers, booleans and lists of strings (a policy)."""
    lines = []
    for key, value in data.items():
        if value is None:
            lines.append(f"# {key} is not set")
            continue
        lines.append(f"{key} = {_toml_value(value)}")
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
    raise TypeError(f"cannot write {type(value).__name__} as TOML")
