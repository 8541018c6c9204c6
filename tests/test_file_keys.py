"""docs/files.md lists every key of the interview, history and policy files (issue 18, item 7).

Each table of the page follows a ``<!-- keys: NAME -->`` marker; NAME is an
object of a JSON Schema (below).  The test fails when a key of that object
is not in its table, when the table names a key the schema does not have,
or when a row's example is not valid: the example (the body of a TOML inline
table) is put into a small valid file, which the schema must accept and the
library must read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from followup_rules import serialize as s

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

PAGE = Path(__file__).resolve().parent.parent / "docs" / "files.md"

INTERVIEW: dict[str, Any] = {
    "starts_at": "2026-07-07T14:00:00",
    "timezone": "America/New_York",
    "company": "Acme Analytics",
    "role": "Data Engineer",
    "interviewers": ["Ana Ruiz", "Bo Chen"],
}
EVENT_AT = "2026-07-08T09:00:00-04:00"
EVENTS: dict[str, dict[str, Any]] = {
    "contact": {"type": "contact", "at": EVENT_AT, "channel": "email"},
    "reply": {"type": "reply", "at": EVENT_AT},
    "update": {"type": "update", "at": EVENT_AT, "outcome": "undecided"},
    "out_of_office": {"type": "out_of_office", "at": EVENT_AT},
    "skip": {"type": "skip", "at": EVENT_AT, "step": "thank_you-1@followup-rules"},
    "snooze": {
        "type": "snooze",
        "at": EVENT_AT,
        "step": "check_in-1@followup-rules",
        "until": "2026-07-20T09:00:00-04:00",
    },
}
WINDOW = {"start": "2026-07-08", "end": "2026-07-21", "phrase": "in two weeks", "kind": "between"}


class Target:
    """A table of the page: the schema object it lists, and how to try an example."""

    def __init__(
        self,
        schema: str,
        pointer: tuple[str | int, ...],
        base: dict[str, Any],
        place: Callable[[dict[str, Any]], tuple[str, Any]],
    ) -> None:
        self.schema = schema
        self.pointer = pointer
        self.base = base
        self.place = place  # an object -> (file kind, whole document)


def _in_interview(key: str, as_list: bool = False) -> Callable[[dict[str, Any]], tuple[str, Any]]:
    return lambda item: ("interview", {**INTERVIEW, key: [item] if as_list else item})


def _event(kind: str) -> Target:
    return Target(
        "history", ("$defs", kind, "properties"), EVENTS[kind], lambda e: ("history", [e])
    )


TARGETS: dict[str, Target] = {
    "interview": Target("interview", ("properties",), INTERVIEW, lambda item: ("interview", item)),
    "interviewer": Target(
        "interview",
        ("$defs", "interviewer", "properties"),
        {"name": "Ana Ruiz"},
        _in_interview("interviewers", as_list=True),
    ),
    "recruiter": Target(
        "interview",
        ("$defs", "recruiter", "properties"),
        {"name": "Rita Cole"},
        _in_interview("recruiter"),
    ),
    "candidate": Target(
        "interview",
        ("$defs", "candidate", "properties"),
        {"name": "Sam Lee"},
        _in_interview("candidate"),
    ),
    "decision window": Target(
        "interview",
        ("$defs", "decision", "anyOf", 2, "properties"),
        WINDOW,
        _in_interview("decision_by"),
    ),
    **{kind: _event(kind) for kind in EVENTS},
    "policy": Target("policy", ("properties",), {}, lambda item: ("policy", item)),
}
# The events an interview file may hold are the history file's: the same tables.
SAME_KEYS = {("interview", ("$defs", kind, "properties")): kind for kind in EVENTS}


@cache
def schema(name: str) -> dict[str, Any]:
    text = files("followup_rules").joinpath("schemas", f"{name}.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def keys_of(name: str, pointer: tuple[str | int, ...]) -> set[str]:
    node: Any = schema(name)
    for step in pointer:
        node = node[step]
    return set(node)


@cache
def tables() -> dict[str, list[tuple[str, str]]]:
    """Each marked table of the page: its (key, example) rows."""
    found: dict[str, list[tuple[str, str]]] = {}
    lines = PAGE.read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines):
        marker = re.fullmatch(r"<!-- keys: (.+) -->", line.strip())
        if marker is None:
            continue
        rows = []
        for row in lines[number + 1 :]:
            if rows and not row.startswith("|"):
                break
            cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
            key = re.fullmatch(r"`(\w+)`", cells[0]) if cells[0] else None
            if key is not None:
                example = re.fullmatch(r"`(.+)`", cells[-1])
                assert example is not None, row
                rows.append((key[1], example[1]))
            elif row.startswith("|"):
                rows.append(("", ""))  # header and rule lines
        found[marker[1]] = [row for row in rows if row[0]]
    return found


def plain(value: Any) -> Any:
    """TOML's dates and times as the strings JSON holds."""
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value


def test_every_table_of_the_page_is_checked() -> None:
    """The page's tables are exactly the schema objects this test knows."""
    assert sorted(tables()) == sorted(TARGETS)


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_every_key_is_documented(name: str) -> None:
    """A key of the schema missing from the page (or one the schema lacks) fails here."""
    target = TARGETS[name]
    documented = [key for key, _ in tables()[name]]
    assert len(documented) == len(set(documented)), documented
    assert set(documented) == keys_of(target.schema, target.pointer)


@pytest.mark.parametrize(("where", "kind"), sorted(SAME_KEYS.items()))
def test_events_held_in_an_interview_file_have_the_history_keys(
    where: tuple[str, tuple[str, ...]], kind: str
) -> None:
    """An interview file's [[event]] tables take the history file's keys, documented once."""
    assert keys_of(*where) == keys_of("history", ("$defs", kind, "properties"))


def _examples() -> list[tuple[str, str, str]]:
    return [(name, key, example) for name in TARGETS for key, example in tables()[name]]


@pytest.mark.parametrize(
    ("name", "key", "example"), _examples(), ids=[f"{n}.{k}" for n, k, _ in _examples()]
)
def test_every_example_is_valid(tmp_path: Path, name: str, key: str, example: str) -> None:
    """Each row's example, in a small valid file: the schema accepts it, the library reads it."""
    target = TARGETS[name]
    given = tomllib.loads(f"example = {{ {example} }}")["example"]
    assert key in given, (key, example)
    kind, document = target.place({**target.base, **given})
    data = plain(document)
    jsonschema.validate(data, schema(kind))
    path = tmp_path / f"{kind}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    if kind == "interview":
        s.load_interview_file(path)
    elif kind == "history":
        s.load_history(path)
    else:
        s.load_policy(path)
