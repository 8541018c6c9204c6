"""Serialisation: dict/JSON/TOML round trips, key-path errors, JSON Schemas."""

from __future__ import annotations

import functools
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


@functools.cache
def schema(name: str) -> dict[str, object]:
    text = files("followup_rules").joinpath("schemas", f"{name}.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    """One compiled validator per schema (building it is the slow part)."""
    return jsonschema.Draft202012Validator(schema(name))


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
        validator("interview").validate(s.unstructure(interview))

    def test_schema_refuses_unknown_keys(self) -> None:
        """The schemas are strict, like the loader."""
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({"min_gapp": 3}, schema("policy"))


class TestEdges:
    def test_datetime_forms(self) -> None:
        """A bracketed zone on a local time, 'Z', and refusals of what is not a datetime."""
        local = s.parse_datetime("2026-07-07T14:00[Europe/Paris]")
        assert local.utcoffset() == pendulum.duration(hours=2)
        assert s.parse_datetime("2026-07-07T12:00:00Z").utcoffset() == pendulum.duration()
        for bad in (42, "next tuesday", "2026-13-40T10:00", "[x]"):
            with pytest.raises(ValueError, match="date-time"):
                s.parse_datetime(bad)

    def test_date_and_duration_refusals(self) -> None:
        """Dates must be ISO dates; durations must read as durations."""
        with pytest.raises(ValueError, match="ISO 8601 date"):
            s.parse_date("15/07/2026")
        for bad in ("soon", "P", "24 hours"):
            with pytest.raises(ValueError, match="duration"):
                s.parse_duration(bad)
        assert s.format_duration(pendulum.duration()) == "PT0S"

    def test_enum_names_and_refusals(self) -> None:
        """Enums read by value or name, any case; anything else names the choices."""
        policy = s.structure({"thank_you_channel": "POSTAL"}, Policy)
        assert policy.thank_you_channel.name == "POSTAL"
        with pytest.raises(s.FormatError, match="one of"):
            s.structure({"thank_you_channel": 3}, Policy)

    def test_document_shapes(self) -> None:
        """Plans and histories must be lists; TOML [[event]] tables and [interview] work."""
        with pytest.raises(s.FormatError, match="list of actions"):
            s.structure_plan({"actions": []})
        with pytest.raises(s.FormatError, match="list of events"):
            s.structure_history("events")
        events = s.structure_history(
            s.loads('[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00Z\n', fmt="toml")
        )
        assert events == [Reply(pendulum.datetime(2026, 7, 8, 9, tz="UTC"))]
        with pytest.raises(s.FormatError, match="unknown format"):
            s.loads("", fmt="yaml")
        with pytest.raises(s.FormatError, match="role"):
            s.structure_plan([{**s.unstructure(plan(interview()))[0], "recipient": {"name": "X"}}])

    def test_interview_tables(self, tmp_path: Path) -> None:
        """An [interview] table, a string local start with timezone, an unknown zone."""
        text = (EXAMPLES / "interview.toml").read_text()
        wrapped = tmp_path / "wrapped.toml"
        body = text.replace("[[interviewers]]", "[[interview.interviewers]]").replace(
            "[candidate]", "[interview.candidate]"
        )
        wrapped.write_text("[interview]\n" + body)
        assert s.load_interview(wrapped) == s.load_interview(EXAMPLES / "interview.toml")
        as_string = tmp_path / "string.toml"
        as_string.write_text(text.replace("2026-07-07T14:00:00", '"2026-07-07T14:00:00"'))
        assert s.load_interview(as_string) == s.load_interview(EXAMPLES / "interview.toml")
        unknown = tmp_path / "unknown.toml"
        unknown.write_text(text.replace("America/New_York", "Mars/Olympus"))
        with pytest.raises(s.FormatError, match=r"\$\.timezone: unknown time zone"):
            s.load_interview(unknown)

    def test_policy_file_forms(self, tmp_path: Path) -> None:
        """A [policy] table works; an unknown preset names the choices."""
        wrapped = tmp_path / "policy.toml"
        wrapped.write_text('[policy]\npreset = "traditional"\n')
        assert s.load_policy(wrapped) == Policy.traditional()
        with pytest.raises(s.FormatError, match=r"\$\.preset"):
            s.policy_from({"preset": "reckless"})
