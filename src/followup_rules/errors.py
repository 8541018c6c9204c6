"""The errors followup_rules raises on purpose, all in one module.

Every error says in plain words what is wrong, so a caller can show it to a
person as it is: the field, the value as a person writes it (dates and times
in ISO 8601 with their offset and zone, names in quotes, durations in hours
or days), then the problem, often with what to write instead ("did you mean
'Europe/Berlin'?").  Code reads what every error is about from three public
attributes of any `FollowupError` rather than parsing the text: ``field``
(the argument, field or key path: ``"Interview.contact"``, ``"now"``,
``"acme.toml: $.interviewers[1].email"``, a template's name), ``value``
(the value refused, when there is one: the input as it was given) and
``problem`` (what is wrong, in words); ``key`` is the plain name of the input
a form marks (``"email"``), and ``to_dict()`` all of it as JSON-safe data.
The words are English in every locale.

::

    FollowupError
    ├── InvalidInterview      a bad interview, person or action (also a ValueError)
    │   └── InvalidHistory    a bad event or history
    ├── InvalidPolicy         a bad policy knob (also a ValueError)
    ├── InvalidArgument       a bad argument: now, until, previous, histories (also a ValueError)
    │   └── StepIdError       a step id that names no step of the interview
    ├── FormatError           a file or document that cannot be read (also a ValueError)
    └── TemplateError         a template that is unknown, broken or misses a value

Messages are one line and short whatever the value: a 50 MB string, an
integer of 5,000 digits or an object whose ``__repr__`` raises is shown cut
down.  Every error pickles (Dask and multiprocessing send errors between
processes), even when the refused value itself cannot be pickled; pickling
drops the chained ``__context__`` and any ``__cause__`` that cannot make the
trip (Dask sends the chain too, through tblib).  That is all done in
`FollowupError.__reduce__`, so code raises our errors the ordinary way.
"""

from __future__ import annotations

import re
import reprlib
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum

__all__ = [
    "FollowupError",
    "FormatError",
    "InvalidArgument",
    "InvalidHistory",
    "InvalidInterview",
    "InvalidPolicy",
    "StepIdError",
    "TemplateError",
]

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
            return f"<int of about {_digits(x)} digits>"
        return super().repr_int(x, level)


_REPR = _Repr()


def _digits(number: int) -> int:
    return int(number.bit_length() * 0.30103) + 1


def _single_line(text: str, limit: int) -> str:
    """*text* on one line, printable as UTF-8, cut to *limit* characters."""
    text = re.sub(_LINE_BREAKS, " ", text).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _short_repr(value: object) -> str:
    """A one-line repr of *value*, at most `_MAX_VALUE_REPR` characters; never raises.

    For code and stand-ins; messages for people use `_shown`.
    """
    try:
        if isinstance(value, int) and not isinstance(value, bool):
            text = _REPR.repr_int(int.__int__(value), 1)  # int subclasses too
        else:
            text = _REPR.repr(value)
    except Exception:  # a hostile __repr__ (or __class__) that raises
        text = f"<{type(value).__name__} object>"
    return _single_line(text, _MAX_VALUE_REPR)


def _a(noun: str) -> str:
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def _zone_label(zone: tzinfo | None) -> str | None:
    """The IANA name of *zone*, when it has one (never a Python repr)."""
    for attribute in ("key", "zone", "name"):
        name = getattr(zone, attribute, None)
        if isinstance(name, str) and ("/" in name or name == "UTC"):
            return str(name)
    return None


def _duration_words(value: timedelta) -> str:
    """``2 days``, ``24 hours``, ``90 minutes``, ``1 day 2 hours``, ``1.5 seconds``."""
    sign = "-" if value < timedelta(0) else ""
    value = abs(value)
    hours, rest = divmod(value.seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if value.days and not value.seconds and not value.microseconds:
        parts = [(value.days, "day")]
    elif value.days <= 1 and not rest and not value.microseconds:
        parts = [(value.days * 24 + hours, "hour")]
    else:
        parts = [(value.days, "day"), (hours, "hour"), (minutes, "minute")]
        parts = [part for part in parts if part[0]]
    words = [f"{amount} {unit}{'' if amount == 1 else 's'}" for amount, unit in parts]
    if seconds or value.microseconds or not words:
        exact = f"{seconds}.{value.microseconds:06d}".rstrip("0").rstrip(".")
        words.append(f"{exact} second{'' if exact == '1' else 's'}")
    return sign + " ".join(words)


def _plain(value: object, depth: int = 0) -> str:
    """*value* as a person writes it (see `_shown`); may raise on a hostile value."""
    if value is None or isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        number = int.__int__(value)
        if number.bit_length() > 256:
            return f"a number of about {_digits(number)} digits"
        return int.__repr__(number)
    if isinstance(value, float):
        return float.__repr__(value)
    if isinstance(value, str):
        return _REPR.repr(str.__str__(value))
    if isinstance(value, (bytes, bytearray)):
        return _REPR.repr(bytes(value))
    if isinstance(value, datetime):
        text = datetime.isoformat(value)
        if value.tzinfo is None or value.utcoffset() is None:
            return f"{text} (no time zone)"
        zone = _zone_label(value.tzinfo)
        return text if zone is None else f"{text} ({zone})"
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, timedelta):
        return _duration_words(value)
    if isinstance(value, Enum):
        return value.name
    if isinstance(value, tzinfo):
        return _zone_label(value) or _a(f"{type(value).__name__} time zone")
    if isinstance(value, (list, tuple, set, frozenset)):
        if depth >= 2:
            return "[...]"
        items = [_plain(item, depth + 1) for item in list(value)[:5]]
        more = ", ..." if len(value) > 5 else ""
        return "[" + ", ".join(items) + more + "]"
    if isinstance(value, Mapping):
        keys = ", ".join(str(key) for key in list(value)[:5])
        return f"a table ({keys}{', ...' if len(value) > 5 else ''})" if keys else "an empty table"
    kind = type(value)
    if kind.__module__.startswith("followup_rules."):  # our own models
        person = getattr(value, "name", None)
        if isinstance(person, str):
            return f"{kind.__name__} {_REPR.repr(person)}"
        if kind.__str__ is not object.__str__ and kind.__name__ in _WORDED:
            return str(value)  # Timeframe, TimeWindow: their own plain words
    return _a(f"{kind.__name__} object")


_WORDED = frozenset({"Timeframe", "TimeWindow"})


def _shown(value: object) -> str:
    """*value* as a person writes it, on one line of at most 80 characters; never raises.

    Dates and times in ISO 8601 with their offset and zone name, strings in
    quotes, durations in days, hours or minutes, enum members by name, other
    objects by their type: never a Python repr such as ``DateTime(2026, 4, 1,
    ...)`` or ``Timezone('Europe/London')``.
    """
    try:
        text = _plain(value)
    except Exception:  # a hostile value whose own methods raise
        text = _a(f"{type(value).__name__} object")
    return _single_line(text, _MAX_VALUE_REPR)


_SPACED_TIME = re.compile(
    r"\b(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?(?:[+-]\d{2}:\d{2}(?::\d{2})?))"
)
"""``str()`` of an aware datetime (``2026-07-07 14:00:00-04:00``): the date and the time
apart, where every other time in an error reads ISO 8601 (``2026-07-07T14:00:00-04:00``)."""


def _iso_times(text: str) -> str:
    """*text* with each ``str()`` of an aware datetime written as ISO 8601, with its ``T``.

    A problem built with ``f"... {moment}"`` shows the same form as the value
    before it (`_shown`), whatever module wrote it.
    """
    return _SPACED_TIME.sub(r"\1T\2", text) if " " in text else text


def _one_line(problem: str) -> str:
    """*problem* on one line, printable as UTF-8, at most `_MAX_PROBLEM` characters, and
    its times in ISO 8601 (`_iso_times`)."""
    return _single_line(_iso_times(str(problem)), _MAX_PROBLEM)


def _did_you_mean(wanted: str, choices: Iterable[str] | Mapping[str, str]) -> str | None:
    """The choice closest to *wanted* (case-blind), when one is close enough; else None.

    *choices* may map other spellings to a choice (``{"berlin": "Europe/Berlin"}``).
    """
    import difflib  # only on the way to an error

    if not isinstance(wanted, str) or not wanted.strip() or len(wanted) > 200:
        return None
    table = dict(choices) if isinstance(choices, Mapping) else {name: name for name in choices}
    folded: dict[str, str] = {}
    for spelling, choice in table.items():
        folded.setdefault(spelling.casefold(), choice)
    key = " ".join(wanted.split()).casefold()
    if key in folded:
        return folded[key]
    found = difflib.get_close_matches(key, list(folded), n=1, cutoff=0.75)
    return folded[found[0]] if found else None


def _prune_chain(error: BaseException) -> None:
    """Drop what cannot travel with *error*: its context, and a cause that does not pickle."""
    error.__context__ = None
    cause = error.__cause__
    if cause is not None and not _round_trips(cause):
        error.__cause__ = None


def _picklable(value: object) -> object:
    """*value* itself when it pickles and unpickles, else a stand-in with the same short repr."""
    import pickle  # only when an error is pickled: not at import time

    try:
        pickle.loads(pickle.dumps(value))
    except Exception:  # some objects pickle but cannot be rebuilt
        return _Unpicklable(_short_repr(value), _shown(value))
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


class _Unpicklable:
    """Stands in for a refused value that cannot be pickled; shows the same text."""

    def __init__(self, text: str, shown: str) -> None:
        self.text = text
        self.shown = shown

    def __repr__(self) -> str:
        return self.text


_POSITIONS = re.compile(r"\[[^\]]*\]")
"""A list position or a key in brackets within a key path (``[1]``, ``['ana']``)."""


_TEXT_PLACE = re.compile(r"line \d+(, column \d+)?")


def _last_key(path: str) -> str | None:
    """The last key of a key path (``$.interviewers[1].email`` -> ``email``), or None
    (also for a place in a text, ``line 3``: no key a form could mark)."""
    if _TEXT_PLACE.fullmatch(path):
        return None
    last = _POSITIONS.sub("", path).rpartition(".")[2]
    return last if last and last != "$" else None


class FollowupError(Exception):
    """Base class of every error followup_rules raises on purpose.

    Whatever its class, code reads what it is about from these attributes
    (the text, ``str(error)``, is for people, in English), and `key`; an
    app's response takes `to_dict`:

    Attributes:
        field: what the error is about: an argument or a field
            (``"Interview.contact"``, ``"now"``, ``"event.at"``), a file and
            its key path (``"acme.toml: $.min_gap"``), a template's name; or
            None when nothing in particular.
        value: the value refused, when there is one (else None): the input
            as given (the text a time or a zone could not be read from), or,
            for a value checked after it was read, that value.
        problem: what is wrong, in plain words (one line).

    It pickles with whatever part of its chain can: ``__reduce__`` drops the
    ``__context__`` and a ``__cause__`` that does not pickle, before Dask
    (tblib) or multiprocessing reads them.
    """

    field: str | None = None
    value: object = None

    @property
    def key(self) -> str | None:
        """The last key of `field`, as a form names its input: ``"at"`` for
        ``"event.at"``, ``"at"`` and ``"form: $.at"`` alike, ``"email"`` for
        ``"acme.toml: $.interviewers[1].email"``; None when the error names no
        key (a template's error, or none).

        The same input is named one way whichever function refused it (the
        app5 trial: a front end that marks the bad field had to normalise
        three spellings of it).
        """
        return None if self.field is None else _last_key(self.field.rpartition(": ")[2])

    @property
    def problem(self) -> str:
        """What is wrong, in plain words: the text itself when no subclass says more."""
        own = self.__dict__.get("_problem")
        return own if isinstance(own, str) else _one_line(str(self))

    @problem.setter
    def problem(self, text: str) -> None:
        self.__dict__["_problem"] = text

    def to_dict(self) -> dict[str, object]:
        """The error as plain data `json.dumps` takes, for an app's response.

        ``{"error", "field", "key", "value", "problem", "text"}``: the class's
        name, `field`, `key` (the input a form should mark), the refused
        `value` as JSON holds it, `problem` and ``str(error)``.  A string,
        number, yes/no or null value is as given (a string over 1,000
        characters cut, with ``...``), a list or table as one of these
        values (nested at most three deep, twenty items at most), a date or
        time in ISO 8601, anything else as the text shows it
        (``"a Timezone object"``).  ``serialize.unstructure(error)`` gives the same.
        """
        return {
            "error": type(self).__name__,
            "field": self.field,
            "key": self.key,
            "value": _json_safe(self.value),
            "problem": self.problem,
            "text": str(self),
        }

    def _arguments(self) -> tuple[object, ...]:
        """What rebuilds this error when unpickled: the arguments of its class."""
        return tuple(self.args)

    def __reduce__(self) -> tuple[object, ...]:
        _prune_chain(self)
        return (type(self), self._arguments())


_MAX_JSON_TEXT = 1000


def _json_safe(value: object, depth: int = 0) -> object:
    """*value* as `json.dumps` takes it (see `FollowupError.to_dict`); never raises."""
    try:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int):
            number = int.__int__(value)
            return number if number.bit_length() <= 53 else _shown(number)
        if isinstance(value, float):
            real = float.__float__(value)
            return real if real == real and abs(real) != float("inf") else _shown(value)
        if isinstance(value, str):
            text = str.__str__(value)
            return text if len(text) <= _MAX_JSON_TEXT else text[: _MAX_JSON_TEXT - 3] + "..."
        if isinstance(value, (datetime, date, time)):
            return value.isoformat()
        if isinstance(value, _Unpicklable):
            return value.shown
        if depth < 3 and isinstance(value, (list, tuple)):
            return [_json_safe(item, depth + 1) for item in list(value)[:20]]
        if depth < 3 and isinstance(value, Mapping):
            return {
                str(key): _json_safe(item, depth + 1) for key, item in list(value.items())[:20]
            }
    except Exception:  # a hostile value whose own methods raise
        pass
    return _shown(value)


class _InvalidField(FollowupError, ValueError):
    """A value that cannot be accepted; names the field and the value.

    ``str()`` reads ``Interview.company = '': must not be empty``.

    Attributes:
        field: dotted name of the offending field, e.g. ``"Policy.min_gap"``.
        value: the value that was refused.
        problem: what is wrong with it, in plain words (one line).
    """

    field: str

    def __init__(self, field: str, value: object, problem: str) -> None:
        self.field = field
        self.value = value
        self.problem = _one_line(problem)
        shown = value.shown if isinstance(value, _Unpicklable) else _shown(value)
        super().__init__(f"{field} = {shown}: {self.problem}")

    def _arguments(self) -> tuple[object, ...]:
        return (self.field, _picklable(self.value), self.problem)


class InvalidInterview(_InvalidField):
    """An interview, a person on it, or an action is invalid."""


class InvalidHistory(InvalidInterview):
    """An event history cannot belong to the interview (out of order, too early...).

    A subclass of `InvalidInterview`: a history is part of what the planner is
    told about the interview, and ``except InvalidInterview`` catches both.
    """


class InvalidPolicy(_InvalidField):
    """A policy knob is out of range or of the wrong kind, or a hook returned one."""


class InvalidArgument(_InvalidField):
    """An argument of a call is unusable: ``now``, ``until``, ``previous``, ``histories``.

    The field is the argument's name, e.g. ``now = 2026-07-08T09:00:00 (no
    time zone): naive datetime: give it a time zone``.
    """


class StepIdError(InvalidArgument):
    """A step id that names no step of the interview (`followup_rules.identity.step_key`).

    Another interview's id, this interview's id from before an edit that
    changed it (the interview had no `Interview.id`), an id that names
    someone no longer on the interview, or no step id at all.  The field is
    the argument that held it (``step``, ``Skip.step``...).
    """


class FormatError(FollowupError, ValueError):
    """A file or document cannot be read: names the source, the key path and the problem.

    ``str()`` reads ``acme.toml: $.interviewers[1].email: is not an e-mail
    address like name@example.com (got 'bob@')``.

    Attributes:
        source: the file name (or ``"<data>"``).
        path: the key path, e.g. ``$.interviewers[1].email``.
        problem: what is wrong.
        field: the source and the key path, as the text starts:
            ``"acme.toml: $.interviewers[1].email"``.
        value: the value refused, when the reader knows it (else None).
        file: the whole path of the file, when `source` names it by its name
            alone (`followup_rules.files.HistoryFile`: a server's directories
            are no business of the user reading the error); else None.
    """

    def __init__(
        self, source: str, path: str, problem: str, value: object = None, file: str | None = None
    ) -> None:
        self.source = source
        self.path = path
        self.problem = _iso_times(str(problem))
        self.value = value
        self.file = file
        self.field = ": ".join(part for part in (source, path) if part) or None
        # One line of bounded length, whatever the file held: a key, a file
        # name or a parser's message may carry line breaks or megabytes.
        parts = [_clip(source, 200), _clip(path, 200), _clip(self.problem, 400)]
        super().__init__(": ".join(part for part in parts if part))

    @property
    def key(self) -> str | None:
        """The last key of `path` (the file's name is no key)."""
        return _last_key(self.path)

    def _arguments(self) -> tuple[object, ...]:
        if self.file is not None:
            return (self.source, self.path, self.problem, _picklable(self.value), self.file)
        if self.value is None:
            return (self.source, self.path, self.problem)
        return (self.source, self.path, self.problem, _picklable(self.value))


_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _clip(text: str, limit: int) -> str:
    """*text* on one line (control characters escaped), cut to *limit* characters."""
    text = _UNPRINTABLE.sub(lambda found: repr(found[0])[1:-1], str(text))
    return text if len(text) <= limit else text[: limit - 3] + "..."


class TemplateError(FollowupError):
    """A template is unknown, broken, or misses a value it needs.

    Attributes:
        message: what is wrong (also `problem`).
        template: the template's name, when known (also `field`).
    """

    def __init__(self, message: str, template: str | None = None) -> None:
        self.message = message
        self.template = template
        self.field = template
        self.problem = _one_line(message)
        super().__init__(message if template is None else f"{template}: {message}")

    @property
    def key(self) -> str | None:
        """None: a template's error names a template, not a key."""
        return None

    def _arguments(self) -> tuple[object, ...]:
        return (self.message, self.template)
