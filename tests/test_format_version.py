"""A format version in the library's JSON (issue "app without glue", ids6)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from followup_rules import Application, Interview, Plan, Policy, agenda, plan
from followup_rules import serialize as s
from followup_rules.loop import agenda_many

from .factories import at, interview

NOW = at(2024, 7, 3, 9)


def _written() -> dict[str, Any]:
    """Each top-level shape `unstructure` writes, by name."""
    made = interview()
    return {
        "plan": s.unstructure(plan(made)),
        "agenda": s.unstructure(agenda(made, now=NOW)),
        "agenda_many": s.unstructure(agenda_many([Application(made)], now=NOW)),
        "interview": s.unstructure(made),
    }


@pytest.mark.parametrize("shape", ["plan", "agenda", "agenda_many", "interview"])
def test_written_on_output_and_in_the_schema(shape: str) -> None:
    data = _written()[shape]
    assert data[s.FORMAT_KEY] == s.FORMAT_VERSION == 1
    assert next(iter(data)) == s.FORMAT_KEY  # first, where a reader looks
    from jsonschema import Draft202012Validator

    name = "agenda" if shape.startswith("agenda") else shape
    Draft202012Validator(s.schema(name)).validate(json.loads(json.dumps(data)))


@pytest.mark.parametrize("kind", [Interview, Plan])
def test_read_back_with_it_and_without_it(kind: type) -> None:
    """What is written reads back; data stored before the version (none) still reads."""
    data = _written()["interview" if kind is Interview else "plan"]
    with_it = s.structure(data, kind)
    without = s.structure({k: v for k, v in data.items() if k != s.FORMAT_KEY}, kind)
    assert with_it == without


def _readers() -> dict[str, Any]:
    made = interview()
    return {
        "interview": (s.unstructure(made), lambda d: s.structure(d, Interview)),
        "plan": (s.unstructure(plan(made)), lambda d: s.structure(d, Plan)),
        "policy": (s.unstructure(Policy()), lambda d: s.policy_from(d)),
        "history": ({"event": []}, s.structure_history),
    }


@pytest.mark.parametrize("shape", ["interview", "plan", "policy", "history"])
@pytest.mark.parametrize(
    ("version", "said"),
    [
        (2, "upgrade followup_rules"),
        (99, "upgrade followup_rules"),
        (0, "versions start at 1"),
        ("1", "expected a whole number"),
        (True, "expected a whole number"),
        (1.0, "expected a whole number"),
    ],
)
def test_an_unknown_version_is_refused_naming_the_key(
    shape: str, version: object, said: str
) -> None:
    data, read = _readers()[shape]
    assert read({**data, s.FORMAT_KEY: 1}) == read(data)
    with pytest.raises(s.FormatError) as raised:
        read({**data, s.FORMAT_KEY: version})
    assert raised.value.path == "$.format_version"
    assert said in raised.value.problem


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_files_with_a_later_version_are_refused(tmp_path: Path, suffix: str) -> None:
    """An interview file or a history file a later release wrote: a FormatError, not a guess."""
    body = {
        "starts_at": "2024-07-02T14:00:00",
        "timezone": "America/New_York",
        "company": "Acme",
        "role": "Engineer",
        "interviewers": ["Ana Ruiz"],
    }
    path = tmp_path / f"acme{suffix}"
    events = tmp_path / f"acme.events{suffix}"

    def write(file: Path, data: dict[str, Any]) -> None:
        if suffix == ".json":
            file.write_text(json.dumps(data))
        else:
            import tomlkit

            file.write_text(tomlkit.dumps(data))

    write(path, {"format_version": 1, "history": events.name, **body})
    write(events, {"format_version": 1, "event": []})
    assert s.load_interview_file(path).interview.company == "Acme"
    write(events, {"format_version": 3, "event": []})
    with pytest.raises(s.FormatError) as raised:
        s.load_interview_file(path)
    assert (raised.value.source, raised.value.path) == (str(events), "$.format_version")
    write(path, {"format_version": 3, **body})
    with pytest.raises(s.FormatError) as raised:
        s.load_interview(path)
    assert (raised.value.source, raised.value.path) == (str(path), "$.format_version")


def test_an_edit_keeps_reading_what_it_wrote() -> None:
    """`edit_application` goes through the written shape, version and all."""
    app = Application(interview())
    assert s.edit_application(app, {"company": "Acme SE"}).interview.company == "Acme SE"
