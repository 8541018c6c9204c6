"""Serialisation: dict/JSON/TOML round trips, key-path errors, JSON Schemas."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pendulum
import pytest
from hypothesis import given

from followup_rules import (
    Contact,
    Interview,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Reply,
    Update,
    plan,
)
from followup_rules import serialize as s

from .factories import at, interview
from .strategies import any_policy, interviews

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def schema(name: str) -> dict[str, object]:
    text = files("followup_rules").joinpath("schemas", f"{name}.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


@given(interview=interviews())
def test_interviews_round_trip_through_json(interview: Interview) -> None:
    """Interview -> dict -> JSON -> dict -> Interview is the identity, zones kept."""
    data = json.loads(s.dumps_json(interview))
    again = s.structure(data, Interview)
    assert again == interview
    assert again.timezone == interview.timezone


@given(policy=any_policy)
def test_policies_round_trip(policy: Policy) -> None:
    """Policy round-trips through JSON and through the TOML the CLI prints."""
    assert s.structure(json.loads(s.dumps_json(policy)), Policy) == policy
    toml_text = s.dumps_toml(s.unstructure(policy))
    assert s.policy_from(s.loads(toml_text, fmt="toml")) == policy


@given(interview=interviews(), policy=any_policy)
def test_plans_round_trip(interview: Interview, policy: Policy) -> None:
    """Plan and Action round-trip through JSON, recipients and zones included."""
    whole = plan(interview, policy)
    again = s.structure_plan(json.loads(s.dumps_json(whole)))
    assert isinstance(again, Plan)
    assert again == whole


def test_history_round_trips() -> None:
    """Every event type round-trips as a tagged dict."""
    history = [
        Contact(at(2026, 7, 16, 10), "phone"),
        Update(at(2026, 7, 16, 11), Outcome.UNDECIDED, pendulum.date(2026, 7, 20)),
        OutOfOffice(at(2026, 7, 17), pendulum.date(2026, 7, 27)),
        Reply(pendulum.datetime(2026, 7, 18, tz="UTC")),
    ]
    data = json.loads(s.dumps_json(history))
    assert [item["type"] for item in data] == ["contact", "update", "out_of_office", "reply"]
    assert s.structure_history(data) == history


def test_datetimes_keep_their_iana_zone() -> None:
    """ISO 8601 with the offset, then the zone name in brackets (RFC 9557)."""
    assert s.format_datetime(at(2026, 3, 9, 9)) == "2026-03-09T09:00:00-04:00[America/New_York]"
    parsed = s.parse_datetime("2026-11-02T09:00:00-05:00[America/New_York]")
    assert parsed.utcoffset() == pendulum.duration(hours=-5)
    fixed = pendulum.datetime(2026, 1, 1, tz=pendulum.timezone(19800))
    assert s.format_datetime(fixed) == "2026-01-01T00:00:00+05:30"


@pytest.mark.parametrize(
    ("text", "seconds"), [("PT24H", 86400), ("24h", 86400), ("90m", 5400), ("P1DT2H", 93600)]
)
def test_durations(text: str, seconds: int) -> None:
    """Durations read as ISO 8601 or short forms; written as ISO 8601 hours."""
    assert s.parse_duration(text).total_seconds() == seconds
    assert s.parse_duration(s.format_duration(s.parse_duration(text))) == s.parse_duration(text)


class TestErrorsNameTheKeyPath:
    def test_unknown_key(self) -> None:
        """Unknown keys are refused, named."""
        with pytest.raises(s.FormatError, match=r"policy\.toml: \$: unknown key\(s\): min_gapp"):
            s.structure({"min_gapp": 3}, Policy, source="policy.toml")

    def test_wrong_type(self) -> None:
        """Wrong types are refused with the key path; no silent bool('no')."""
        with pytest.raises(s.FormatError, match=r"\$\.calls_need_invitation: expected True"):
            s.structure({"calls_need_invitation": "no"}, Policy, source="policy.toml")

    def test_bad_value_deep_inside(self) -> None:
        """An invalid e-mail of the second interviewer: $.interviewers[1].email."""
        data = s.unstructure(interview())
        data["interviewers"][1]["email"] = "not-an-address"
        with pytest.raises(s.FormatError) as raised:
            s.structure(data, Interview, source="interview.json")
        assert raised.value.path == "$.interviewers[1].email"
        assert str(raised.value).startswith("interview.json: $.interviewers[1].email: ")

    def test_naive_datetime_in_a_file(self) -> None:
        """A datetime without a zone is refused."""
        data = s.unstructure(interview())
        data["starts_at"] = "2026-07-07T14:00:00"
        with pytest.raises(s.FormatError, match="naive"):
            s.structure(data, Interview, source="interview.json")

    def test_missing_key(self) -> None:
        """A missing required key is named."""
        data = s.unstructure(interview())
        del data["company"]
        with pytest.raises(s.FormatError, match=r"\$\.company"):
            s.structure(data, Interview)

    def test_malformed_documents(self) -> None:
        """Malformed TOML or JSON is one FormatError naming the source."""
        with pytest.raises(s.FormatError, match=r"x\.toml: .*malformed TOML"):
            s.loads("a = = 1", fmt="toml", source="x.toml")
        with pytest.raises(s.FormatError, match=r"x\.json: line 1: malformed JSON"):
            s.loads("{", fmt="json", source="x.json")

    def test_bad_event(self) -> None:
        """An event list names the bad item."""
        with pytest.raises(s.FormatError, match=r"\$\[1\]"):
            s.structure_history(
                [
                    {"type": "reply", "at": "2026-07-07T16:00:00Z"},
                    {"type": "call", "at": "2026-07-08T16:00:00Z"},
                ]
            )


class TestFiles:
    def test_example_files_load(self) -> None:
        """The shipped examples load: TOML with a local time and a zone, a preset policy."""
        iv = s.load_interview(EXAMPLES / "interview.toml")
        assert iv.timezone == "America/New_York"
        assert s.load_interview(EXAMPLES / "interview.json") == iv
        assert s.load_policy(EXAMPLES / "policy.toml") == Policy.cautious()
        assert len(s.load_history(EXAMPLES / "events.toml")) == 4

    def test_preset_key_starts_from_a_preset(self) -> None:
        """policy.toml may say preset = "cautious" and change a knob."""
        policy = s.policy_from({"preset": "cautious", "min_gap": 4})
        assert policy.max_calls == 0 and policy.min_gap == 4

    def test_missing_and_unknown_files(self, tmp_path: Path) -> None:
        """A missing file or a wrong extension is a FormatError naming it."""
        with pytest.raises(s.FormatError, match=r"nope\.toml: cannot read"):
            s.load_interview(tmp_path / "nope.toml")
        (tmp_path / "a.yaml").write_text("x: 1")
        with pytest.raises(s.FormatError, match=r"\.toml or \.json"):
            s.load_policy(tmp_path / "a.yaml")


class TestSchemas:
    def test_examples_match_the_schemas(self) -> None:
        """The JSON Schemas accept the shipped examples and what unstructure writes."""
        jsonschema.validate(
            json.loads((EXAMPLES / "interview.json").read_text()), schema("interview")
        )
        jsonschema.validate(s.unstructure(Policy.cautious()), schema("policy"))
        jsonschema.validate({"preset": "cautious", "min_gap": 4}, schema("policy"))

    @given(interview=interviews())
    def test_every_interview_matches_the_schema(self, interview: Interview) -> None:
        """Whatever the library writes, the schema accepts."""
        jsonschema.validate(s.unstructure(interview), schema("interview"))

    def test_schema_refuses_unknown_keys(self) -> None:
        """The schemas are strict, like the loader."""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"min_gapp": 3}, schema("policy"))
