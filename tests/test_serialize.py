"""Serialisation: dict/JSON/TOML round trips, key-path errors, JSON Schemas."""

from __future__ import annotations

import functools
import json
import shutil
import subprocess
from collections.abc import Callable
from datetime import time, timedelta
from importlib.resources import files
from pathlib import Path

import jsonschema
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Interview,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Reply,
    TimeWindow,
    Update,
    plan,
)
from followup_rules import serialize as s

from .factories import at, interview
from .strategies import any_policy, interviews, policies

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
    """Plan and Action round-trip through JSON, recipients, zones and step ids included:
    structure(unstructure(plan), Plan) is an equal Plan that knows the same ids."""
    whole = plan(interview, policy)
    again = s.structure(json.loads(s.dumps_json(whole)), Plan)
    assert isinstance(again, Plan)
    assert (again, again.ids, again.missed_ids) == (whole, whole.ids, whole.missed_ids)


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


def test_datetimes_are_rfc_3339_with_the_zone_beside_them() -> None:
    """RFC 3339 with the numeric offset; the IANA zone has a key of its own (issue 18)."""
    assert s.format_datetime(at(2026, 3, 9, 9)) == "2026-03-09T09:00:00-04:00"
    assert s.zone_name_of(at(2026, 3, 9, 9)) == "America/New_York"
    fixed = pendulum.datetime(2026, 1, 1, tz=pendulum.timezone(19800))
    assert (s.format_datetime(fixed), s.zone_name_of(fixed)) == ("2026-01-01T00:00:00+05:30", None)


def test_rfc_9557_datetimes_are_still_read() -> None:
    """Files written before keep reading: the zone in brackets after the offset."""
    parsed = s.parse_datetime("2026-11-02T09:00:00-05:00[America/New_York]")
    assert parsed.utcoffset() == pendulum.duration(hours=-5)
    event = s.structure_history(
        [{"type": "reply", "at": "2026-11-02T09:00:00-05:00[America/New_York]"}]
    )
    assert event[0].at.timezone_name == "America/New_York"


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
        refused = r"policy\.toml: \$\.min_gapp: unknown key\(s\): min_gapp"
        with pytest.raises(s.FormatError, match=refused):
            s.structure({"min_gapp": 3}, Policy, source="policy.toml")

    def test_wrong_type(self) -> None:
        """Wrong types are refused with the key path; no silent bool('no')."""
        with pytest.raises(
            s.FormatError,
            match=r"\$\.calls_need_invitation: expected true or false \(a yes/no value",
        ):
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
        del data["timezone"]
        with pytest.raises(s.FormatError, match="has no time zone"):
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
        with pytest.raises(s.FormatError, match="expected a plan"):
            s.structure_plan({"steps": []})
        with pytest.raises(s.FormatError, match="list of events"):
            s.structure_history("events")
        events = s.structure_history(
            s.loads('[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00Z\n', fmt="toml")
        )
        assert events == [Reply(pendulum.datetime(2026, 7, 8, 9, tz="UTC"))]
        with pytest.raises(s.FormatError, match="unknown format"):
            s.loads("", fmt="yaml")
        first = s.unstructure(plan(interview()))["actions"][0]
        with pytest.raises(s.FormatError, match="role"):
            s.structure_plan({"actions": [{**first, "recipient": {"name": "X"}}]})

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


class TestListsAreNeverSplitUp:
    """Issue 11, item 1: a string or a table where a list is due is refused, not split."""

    def test_a_string_is_not_six_interviewers(self) -> None:
        """ "BoChen" is not the interviewers B, o, C, h, e and n."""
        data = {**s.unstructure(interview()), "interviewers": "BoChen"}
        with pytest.raises(s.FormatError) as raised:
            s.structure(data, Interview, source="interview.json")
        expected = (
            "interview.json: $.interviewers: expected a list ([[interviewers]] tables in TOML), "
            "got a string ('BoChen')"
        )
        assert expected == str(raised.value)
        assert raised.value.path == "$.interviewers"

    def test_a_toml_table_is_not_people_called_name_and_email(self, tmp_path: Path) -> None:
        """[interviewers] (one table) instead of [[interviewers]] names the path and the fix."""
        text = (EXAMPLES / "interview.toml").read_text()
        single = text.replace("[[interviewers]]", "[interviewers]", 1).split("[[interviewers]]")[0]
        path = tmp_path / "interview.toml"
        path.write_text(single)
        with pytest.raises(s.FormatError) as raised:
            s.load_interview(path)
        expected = (
            f"{path}: $.interviewers: expected a list ([[interviewers]] tables in TOML), "
            "got a table"
        )
        assert expected == str(raised.value)

    @pytest.mark.parametrize("key", ["topics", "missed", "requested"])
    @pytest.mark.parametrize("value", ["streaming", {"name": "streaming"}])
    def test_string_lists_refuse_a_string_or_a_table(self, key: str, value: object) -> None:
        """Every list of texts on the interview refuses a lone string or a table."""
        data = {**s.unstructure(interview()), key: value}
        with pytest.raises(s.FormatError) as raised:
            s.structure(data, Interview)
        assert raised.value.path == f"$.{key}"
        assert raised.value.problem.startswith(f'expected a list ({key} = ["...", "..."] in TOML)')

    def test_action_sources_refuse_a_string(self) -> None:
        """The generic hook covers every tuple field, e.g. an action's seed sources."""
        data = s.unstructure(plan(interview()))["actions"][0]
        data["sources"] = "000_x.txt"
        with pytest.raises(s.FormatError) as raised:
            s.structure_plan({"actions": [data]})
        assert raised.value.path == "$.actions[0].sources"
        assert "got a string ('000_x.txt')" in raised.value.problem

    def test_an_event_table_is_not_a_history(self) -> None:
        """TOML [event] instead of [[event]]: the history names the fix."""
        data = s.loads('[event]\ntype = "reply"\nat = 2026-07-08T09:00:00Z\n', fmt="toml")
        with pytest.raises(s.FormatError) as raised:
            s.structure_history(data, source="events.toml")
        expected = "events.toml: $.event: expected a list ([[event]] tables in TOML), got a table"
        assert expected == str(raised.value)

    def test_other_non_lists_are_refused_too(self) -> None:
        """A number or a set where a list is due is refused with its type."""
        for value, found in ((5, "an int (5)"), ({"Ana Ruiz"}, "a set ({'Ana Ruiz'})")):
            data = {**s.unstructure(interview()), "interviewers": value}
            with pytest.raises(s.FormatError) as raised:
                s.structure(data, Interview)
            assert raised.value.problem.endswith(f"), got {found}")

    def test_real_lists_still_work(self) -> None:
        """Lists of names, lists of tables and tuples all load."""
        data = {**s.unstructure(interview()), "interviewers": ["Ana Ruiz", {"name": "Bo Chen"}]}
        data["topics"] = ("streaming", "Kafka")
        loaded = s.structure(data, Interview)
        assert tuple(p.name for p in loaded.interviewers) == ("Ana Ruiz", "Bo Chen")
        assert loaded.topics == ("streaming", "Kafka")


class TestFormatErrorMessages:
    """Issue 11, item 12: messages are short and one line; the error pickles."""

    @pytest.mark.parametrize(
        ("kind", "data"),
        [
            (Interview, {"starts_at": "x" * 5_000_000}),
            (Interview, {"starts_at": "2026-07-07T14:00:00Z", "company": "A" * 5_000_000}),
            (Policy, {"thank_you_channel": "\n" * 5_000_000}),
            (Policy, {"thank_you_within": "9" * 5_000_000 + "h"}),
            (Policy, {"k\ney" * 1_000_000: 1}),
        ],
        ids=["datetime", "text", "enum", "duration", "unknown-key"],
    )
    def test_a_huge_value_is_cut(self, kind: type, data: dict[str, object]) -> None:
        """A 5 MB value shows as a short repr: the message stays one short line."""
        with pytest.raises(s.FormatError) as raised:
            s.structure(data, kind, source="f.json")
        message = str(raised.value)
        assert len(message) < 900
        assert [message] == message.splitlines()

    def test_control_characters_in_a_file_name_stay_on_one_line(self) -> None:
        """A file name or a key with a line break is escaped in the message."""
        error = s.FormatError("evil\nname.toml", "$.a\rb", "bad\u2028thing")
        assert str(error) == "evil\\nname.toml: $.a\\rb: bad\\u2028thing"

    def test_format_error_round_trips_through_pickle(self) -> None:
        """Dask and multiprocessing pickle errors: type, attributes and message survive."""
        import pickle

        error = s.FormatError("policy.toml", "$.min_gap", "must be between 1 and 60")
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is s.FormatError
        assert (error.source, error.path, error.problem) == (
            again.source,
            again.path,
            again.problem,
        )
        assert str(error) == str(again)


class TestPoliciesKeepWhatTheyHold:
    """Issue 11, item 16: a policy file reads back exactly, to the microsecond."""

    def test_a_one_microsecond_window_is_written_in_full(self) -> None:
        """08:00:00.000001-08:00:00.000002 is not saved as "08:00-08:00"."""
        window = TimeWindow(time(8, 0, 0, 1), time(8, 0, 0, 2))
        policy = Policy(send_window=window)
        data = s.unstructure(policy)
        assert data["send_window"] == "08:00:00.000001-08:00:00.000002"
        assert policy == s.policy_from(data)

    def test_a_fractional_duration_is_not_rounded(self) -> None:
        """1.5 s is written PT1.5S and comes back as 1.5 s, not 2 s."""
        policy = Policy(thank_you_within=timedelta(seconds=1.5))
        data = s.unstructure(policy)
        assert data["thank_you_within"] == "PT1.5S"
        assert timedelta(seconds=1.5) == s.policy_from(data).thank_you_within

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("10:00-11:30", (time(10), time(11, 30))),
            ("10:00:30-11:30", (time(10, 0, 30), time(11, 30))),
            ("07:59:59.5-08:00", (time(7, 59, 59, 500000), time(8))),
        ],
    )
    def test_windows_read_seconds_and_fractions(
        self, text: str, expected: tuple[time, time]
    ) -> None:
        """Window texts may carry seconds and up to six fractional digits."""
        window = s.policy_from({"call_window": text}).call_window
        assert expected == (window.start, window.end)

    @pytest.mark.parametrize(
        ("value", "needle"),
        [("10:00-24:00", "not a time of day"), ("11:30-10:00", "start must be before end")],
    )
    def test_bad_windows_name_the_knob(self, value: str, needle: str) -> None:
        """A window that is no time of day, or runs backwards, names the knob."""
        with pytest.raises(s.FormatError) as raised:
            s.policy_from({"call_window": value})
        assert raised.value.path == "$.call_window"
        assert needle in raised.value.problem

    def test_what_a_duration_cannot_hold_is_refused(self) -> None:
        """A tenth of a microsecond cannot be kept exactly, so it is refused, not rounded."""
        with pytest.raises(s.FormatError, match="finer than a microsecond"):
            s.policy_from({"thank_you_within": "PT0.0000001S"})
        with pytest.raises(s.FormatError, match="too long a duration"):
            s.policy_from({"thank_you_within": "P99999999999D"})

    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("PT1.5S", timedelta(seconds=1.5)),
            ("PT0.000001S", timedelta(microseconds=1)),
            ("PT4H30M", timedelta(hours=4, minutes=30)),
            ("P1DT0.25H", timedelta(days=1, minutes=15)),
            ("1.5s", timedelta(seconds=1.5)),
        ],
    )
    def test_durations_read_exactly(self, text: str, expected: timedelta) -> None:
        """Decimal fractions are read without float rounding, and written back the same."""
        assert expected == s.parse_duration(text)
        assert expected == s.parse_duration(s.format_duration(expected))

    @given(policy=policies())
    def test_every_policy_round_trips_through_data_json_and_toml(self, policy: Policy) -> None:
        """policy_from(unstructure(p)) == p, also through JSON text and TOML text."""
        data = s.unstructure(policy)
        assert policy == s.policy_from(data)
        assert policy == s.policy_from(s.loads(s.dumps_json(policy), fmt="json"))
        assert policy == s.policy_from(s.loads(s.dumps_toml(data), fmt="toml"))
        validator("policy").validate(data)


def _deep(fmt: str) -> str:
    return "[" * 100_000 if fmt == "json" else "a = " + "[" * 100_000


def _long_number(fmt: str) -> str:
    return '{"min_gap": ' + "1" * 5000 + "}" if fmt == "json" else "min_gap = " + "1" * 5000


LOADERS = {"interview": s.load_interview, "policy": s.load_policy, "history": s.load_history}


class TestLoaderLimits:
    """Issue 11, item 9: hostile files give a FormatError naming the file, never a crash."""

    @pytest.mark.parametrize("fmt", ["json", "toml"])
    @pytest.mark.parametrize("loader", sorted(LOADERS))
    @pytest.mark.parametrize(
        ("bomb", "needle"),
        [
            (_deep, f"line 1: nested deeper than {s.MAX_DEPTH} levels"),
            (_long_number, f"a number longer than {s.MAX_NUMBER_LENGTH} characters"),
        ],
        ids=["deep", "long-number"],
    )
    def test_bombs(
        self, tmp_path: Path, fmt: str, loader: str, bomb: Callable[[str], str], needle: str
    ) -> None:
        """'[' * 100000 and a 5,000-digit number, in JSON and TOML, through every loader."""
        path = tmp_path / f"{loader}.{fmt}"
        path.write_text(bomb(fmt))
        with pytest.raises(s.FormatError) as raised:
            LOADERS[loader](path)
        assert str(raised.value).startswith(f"{path}: ")
        assert needle in str(raised.value)

    @pytest.mark.parametrize("loader", sorted(LOADERS))
    def test_not_utf8(self, tmp_path: Path, loader: str) -> None:
        """A Latin-1 file is refused, naming the byte and where it is."""
        path = tmp_path / f"{loader}.toml"
        path.write_bytes('company = "Société"\n'.encode("latin-1"))
        with pytest.raises(s.FormatError) as raised:
            LOADERS[loader](path)
        assert f"{path}: not UTF-8 text (byte 0xe9 at offset 15)" == str(raised.value)

    @pytest.mark.parametrize("loader", sorted(LOADERS))
    def test_too_large(self, tmp_path: Path, loader: str) -> None:
        """A file over MAX_FILE_SIZE bytes is refused before it is parsed."""
        path = tmp_path / f"{loader}.json"
        path.write_text(" " * (s.MAX_FILE_SIZE + 1))
        with pytest.raises(s.FormatError) as raised:
            LOADERS[loader](path)
        expected = f"{path}: larger than {s.MAX_FILE_SIZE} bytes: not a followup file"
        assert expected == str(raised.value)

    def test_dotted_keys_nest_too(self, tmp_path: Path) -> None:
        """TOML dotted keys nest without a bracket; the depth limit still applies."""
        path = tmp_path / "policy.toml"
        path.write_text(".".join(["a"] * 1000) + " = 1\n")
        with pytest.raises(s.FormatError, match=f"nested deeper than {s.MAX_DEPTH} levels"):
            s.load_policy(path)

    def test_long_numbers_of_every_kind(self) -> None:
        """Floats, NaN and Infinity in JSON, a long float or a huge hex number in TOML."""
        with pytest.raises(s.FormatError, match="number longer"):
            s.loads('{"a": 1.' + "5" * 100 + "}", fmt="json")
        with pytest.raises(s.FormatError, match="NaN is not a number JSON allows"):
            s.loads('{"a": NaN}', fmt="json")
        with pytest.raises(s.FormatError, match="number longer"):
            s.loads("a = 1." + "5" * 100, fmt="toml")
        with pytest.raises(s.FormatError, match=r"\$\.a: a number longer"):
            s.loads("a = 0x" + "f" * 100, fmt="toml")

    def test_brackets_inside_strings_do_not_count(self) -> None:
        """Brackets in strings and comments are text, not nesting."""
        many = "[" * 1000
        assert {"a": many} == s.loads(json.dumps({"a": many}), fmt="json")
        toml_text = f'a = "{many}"\nb = \'{many}\'\nc = """\n{many}\n"""\n# {many}\n'
        assert {"a": many, "b": many, "c": many + "\n"} == s.loads(toml_text, fmt="toml")

    def test_files_within_the_limits_still_load(self, tmp_path: Path) -> None:
        """A byte-order mark is skipped; nesting up to the limit is fine."""
        path = tmp_path / "interview.json"
        path.write_bytes(b"\xef\xbb\xbf" + (EXAMPLES / "interview.json").read_bytes())
        assert s.load_interview(EXAMPLES / "interview.json") == s.load_interview(path)
        nested = "[" * s.MAX_DEPTH + "]" * s.MAX_DEPTH
        assert s.loads(nested, fmt="json")

    def test_bad_local_start_with_a_zone(self, tmp_path: Path) -> None:
        """A malformed local starts_at beside a timezone is a FormatError, not a ValueError."""
        path = tmp_path / "interview.toml"
        text = (EXAMPLES / "interview.toml").read_text()
        path.write_text(text.replace("2026-07-07T14:00:00", '"2026-07-07Tnoon"'))
        with pytest.raises(s.FormatError, match=r"\$\.starts_at: '2026-07-07Tnoon' is not an ISO"):
            s.load_interview(path)
        path.write_text(text.replace('"America/New_York"', "5"))
        with pytest.raises(s.FormatError, match=r"\$\.timezone: expected a time-zone name"):
            s.load_interview(path)


_KEYS = st.sampled_from(
    [
        "starts_at", "company", "role", "interviewers", "name", "email", "timezone",
        "topics", "duration", "decision_by", "candidate", "type", "at", "channel", "kind",
        "recipient", "outcome", "send_window", "thank_you_within", "holidays", "preset",
        "min_gap", "event", "interview", "sources", "earliest",
    ]
)  # fmt: skip
_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.sampled_from(
        ["2026-07-07T14:00:00Z", "2026-07-07", "PT1.5S", "email", "08:00:00.5-09:00", "reply"]
    ),
)
_DOCUMENTS = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_KEYS, inner, max_size=6),
    max_leaves=20,
)
_TEXT_PIECES = st.sampled_from(
    [*"[]{}\"'#=.,:\n 0123456789aeTZ-+_\\", "'''", '"""', "NaN", "1e999", "[[a]]", "a = ", "é"]
)


class TestOnlyFormatErrorsEscape:
    """Whatever the data or the text, the loaders raise one-line FormatErrors only."""

    @given(data=_DOCUMENTS)
    def test_any_data(self, data: object) -> None:
        """Arbitrary JSON-like data as an interview, a policy, a history or a plan."""
        for build in (
            lambda: s.structure(data, Interview),
            lambda: s.policy_from(data),
            lambda: s.structure_history(data),
            lambda: s.structure_plan(data),
        ):
            try:
                build()
            except s.FormatError as error:
                assert [str(error)] == str(error).splitlines()

    @given(
        text=st.lists(_TEXT_PIECES, max_size=60).map("".join),
        fmt=st.sampled_from(["json", "toml"]),
    )
    def test_any_text(self, text: str, fmt: str) -> None:
        """Arbitrary text made of brackets, quotes, numbers and comments."""
        try:
            s.loads(text, fmt=fmt)
        except s.FormatError as error:
            assert [str(error)] == str(error).splitlines()


_ZONES = ("America/New_York", "Europe/Berlin", "Asia/Kolkata", "UTC")


@st.composite
def events(draw: st.DrawFn) -> object:
    """Any one event, with the optional fields each type has."""
    moment = pendulum.datetime(2026, 7, 7, tz=draw(st.sampled_from(_ZONES))).add(
        minutes=draw(st.integers(0, 60 * 24 * 60)), microseconds=draw(st.integers(0, 999_999))
    )
    kind = draw(st.sampled_from(("contact", "reply", "update", "away")))
    if kind == "reply":
        return Reply(moment)
    if kind == "away":
        days = draw(st.none() | st.integers(0, 20))
        return OutOfOffice(moment, None if days is None else moment.date().add(days=days))
    if kind == "update":
        outcome = draw(st.sampled_from(list(Outcome)))
        new_date: object = None
        if outcome is Outcome.UNDECIDED:
            new_date = draw(
                st.none()
                | st.sampled_from(("in two weeks", "by the end of the month", "next week"))
                | st.integers(0, 30).map(lambda days: moment.date().add(days=days))
            )
        return Update(moment, outcome, new_date)  # type: ignore[arg-type]
    channel = draw(st.sampled_from(list(Channel)))
    email = channel is Channel.EMAIL
    return Contact(
        moment,
        channel,
        draw(st.sampled_from(list(ActionKind))),
        draw(st.none() | st.sampled_from(("Ana Ruiz", "Zoë Brun", "李雷"))),
        voicemail=channel is Channel.PHONE and draw(st.booleans()),
        message_id=draw(st.none() | st.just("<1234.5678@mail.example.com>")) if email else None,
        subject=draw(st.none() | st.just('Re: "Data" [Engineer] # 1')) if email else None,
    )


class TestHistoryFiles:
    """Issue 12: histories are written and read back the public way, with a schema."""

    @given(history=st.lists(events(), max_size=6), fmt=st.sampled_from(("toml", "json")))
    def test_any_history_round_trips_through_its_text(
        self, history: list[object], fmt: str
    ) -> None:
        """dumps_history then loads/structure_history gives back the same events."""
        text = s.dumps_history(history, fmt)  # type: ignore[arg-type]
        assert history == s.structure_history(s.loads(text, fmt=fmt))

    @given(history=st.lists(events(), max_size=6), fmt=st.sampled_from(("toml", "json")))
    def test_every_history_matches_the_schema(self, history: list[object], fmt: str) -> None:
        """Whatever dumps_history writes, the history schema accepts."""
        text = s.dumps_history(history, fmt)  # type: ignore[arg-type]
        validator("history").validate(s.loads(text, fmt=fmt))

    def test_the_example_history_matches_the_schema(self) -> None:
        """examples/events.toml, in its JSON form, is a valid history."""
        history = s.load_history(EXAMPLES / "events.toml")
        validator("history").validate(json.loads(s.dumps_history(history, "json")))

    def test_the_history_schema_is_strict(self) -> None:
        """Unknown keys and types are refused, as the loader refuses them."""
        for bad in (
            [{"type": "reply", "at": "2026-07-16T10:00-04:00", "mood": "good"}],
            [{"type": "call", "at": "2026-07-16T10:00-04:00"}],
            {"events": []},
        ):
            with pytest.raises(jsonschema.ValidationError):
                validator("history").validate(bad)

    @pytest.mark.parametrize("suffix", [".toml", ".json"])
    def test_save_history_then_load_history(self, tmp_path: Path, suffix: str) -> None:
        """save_history writes a file load_history reads back equal."""
        history = [
            Contact(at(2026, 7, 16, 10), Channel.PHONE, voicemail=True),
            Update(at(2026, 7, 16, 11), Outcome.UNDECIDED, "in two weeks"),
        ]
        path = tmp_path / f"events{suffix}"
        s.save_history(path, history)
        assert history == s.load_history(path)

    def test_save_history_keeps_the_mode_and_leaves_no_temporary(self, tmp_path: Path) -> None:
        """Replacing a history file keeps its permissions; nothing else is left behind."""
        path = tmp_path / "events.toml"
        path.write_text("")
        path.chmod(0o600)
        s.save_history(path, [Reply(at(2026, 7, 16, 10))])
        assert (
            path.stat().st_mode & 0o777,
            sorted(p.name for p in tmp_path.iterdir()),
        ) == (0o600, ["events.toml"])

    def test_save_history_refuses_an_unknown_suffix(self, tmp_path: Path) -> None:
        """Only .toml and .json: the format is never guessed."""
        with pytest.raises(s.FormatError, match=r"expected a \.toml or \.json file"):
            s.save_history(tmp_path / "events.yaml", [])
        with pytest.raises(s.FormatError, match="unknown format"):
            s.dumps_history([], "yaml")


INTERVIEW_TOML = """\
starts_at = 2026-07-07T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"
interviewers = ["Ana Ruiz"]
"""


class TestInterviewFilesWithHistory:
    """Issue 12: an interview file may hold its own history or name a file beside it."""

    def test_a_file_holding_its_events(self, tmp_path: Path) -> None:
        """[[event]] tables in the interview file are its history, kept there."""
        path = tmp_path / "acme.toml"
        path.write_text(
            INTERVIEW_TOML + '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n'
        )
        found = s.load_interview_file(path)
        expected = (1, "reply", path)
        assert expected == (len(found.history), "reply", found.history_path)
        assert s.load_interview(path).company == "Acme Analytics"

    def test_a_file_naming_its_history(self, tmp_path: Path) -> None:
        """history = "..." names a file beside the interview; a missing one is empty."""
        path = tmp_path / "acme.toml"
        path.write_text('history = "acme.events.toml"\n' + INTERVIEW_TOML)
        found = s.load_interview_file(path)
        assert ((), tmp_path / "acme.events.toml") == (found.history, found.history_path)
        s.save_history(found.history_path, [Reply(at(2026, 7, 8, 9))])
        assert [Reply(at(2026, 7, 8, 9))] == list(s.load_interview_file(path).history)

    def test_a_file_without_history_keeps_it_itself(self, tmp_path: Path) -> None:
        """No history yet: it is empty, and new events would go into the file itself."""
        path = tmp_path / "acme.toml"
        path.write_text(INTERVIEW_TOML)
        found = s.load_interview_file(path)
        assert ((), path) == (found.history, found.history_path)

    @pytest.mark.parametrize(
        ("extra", "needle"),
        [
            ('history = "a.toml"\nevent = []\n', "not both"),
            ("history = 3\n", "expected the name of a history file"),
        ],
    )
    def test_bad_history_keys_are_refused(self, tmp_path: Path, extra: str, needle: str) -> None:
        """Both forms at once, or a history that is not a file name: one FormatError."""
        path = tmp_path / "acme.toml"
        path.write_text(extra + INTERVIEW_TOML)
        with pytest.raises(s.FormatError, match=needle):
            s.load_interview_file(path)

    def test_the_interview_schema_takes_both_forms(self) -> None:
        """The interview schema accepts a named history or held events, not both."""
        base = {
            "starts_at": "2026-07-07T14:00-04:00",
            "company": "Acme",
            "role": "Engineer",
            "interviewers": ["Ana Ruiz"],
        }
        validator("interview").validate({**base, "history": "acme.events.toml"})
        reply = {"type": "reply", "at": "2026-07-08T09:00-04:00"}
        validator("interview").validate({**base, "event": [reply]})
        with pytest.raises(jsonschema.ValidationError):
            validator("interview").validate({**base, "history": "a.toml", "event": []})


def _datetimes(data: object) -> list[str]:
    """Every datetime string in plain data (the keys whose values are times)."""
    found: list[str] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key in ("earliest", "latest", "suggested", "at", "until", "starts_at"):
                found.append(value)
            else:
                found.extend(_datetimes(value))
    elif isinstance(data, list):
        for item in data:
            found.extend(_datetimes(item))
    return found


def _late_history_plan() -> tuple[Interview, list[Contact], Plan]:
    """A plan after a late check-in: one-time steps missed, a check-in numbered 2."""
    iv = interview()
    history = [Contact(at(2024, 7, 10, 9), "email", recipient="Ana Ruiz")]
    return iv, history, plan(iv, history=history)


class TestWebData:
    """Issue 18, item 2: the plan as a web front end gets it, and back."""

    def test_a_plan_is_actions_and_missed_steps(self) -> None:
        """unstructure(plan) is {"actions": [...], "missed": [...]}, not a bare list."""
        _, _, made = _late_history_plan()
        data = s.unstructure(made)
        assert (sorted(data), len(data["actions"]), len(data["missed"])) == (
            ["actions", "format_version", "missed"],
            len(made),
            len(made.missed),
        )
        assert made.missed

    def test_each_step_has_its_stable_id_and_a_description(self) -> None:
        """Each action carries the id identity.action_ids gives it, and describe()."""
        from followup_rules.identity import action_ids

        iv, history, made = _late_history_plan()
        data = s.unstructure(made)
        assert [item["id"] for item in data["actions"]] == list(action_ids(made, iv, history))
        assert [item["id"] for item in data["missed"]] == list(
            action_ids(made.missed, iv, history)
        )
        assert [item["description"] for item in data["actions"]] == [
            action.describe() for action in made
        ]

    def test_missed_steps_read_back_with_their_ids(self) -> None:
        """A plan after a history, missed steps included, reads back equal, ids and all."""
        _, _, made = _late_history_plan()
        again = s.structure(json.loads(json.dumps(s.unstructure(made))), Plan)
        assert (again, again.missed, again.missed_ids) == (made, made.missed, made.missed_ids)

    def test_the_plan_knows_its_ids(self) -> None:
        """Plan.ids and Plan.missed_ids: the ids an agenda and a calendar give."""
        from followup_rules import agenda

        iv, history, made = _late_history_plan()
        today = agenda(iv, history=history, now=at(2024, 7, 10, 10))
        shown = {item.id for item in (*today.overdue, *today.due, *today.coming)}
        assert shown == set(made.ids) | set(made.missed_ids)

    def test_filtered_and_sliced_plans_keep_their_steps_ids(self) -> None:
        """upcoming() and slices number nothing again: each step keeps its id."""
        made = plan(interview())
        later = made.upcoming(at(2024, 7, 3, 9))
        by_step = dict(zip(made.actions, made.ids, strict=True))
        assert list(later.ids) == [by_step[action] for action in later]
        assert made[3:5].ids == made.ids[3:5]

    def test_a_plan_built_by_hand_has_no_ids(self) -> None:
        """Without an interview there is nothing to number from: said plainly, null in data."""
        from followup_rules import FollowupError

        by_hand = Plan(plan(interview()).actions[:2])
        with pytest.raises(FollowupError, match="built by hand"):
            _ = by_hand.ids
        assert [item["id"] for item in s.unstructure(by_hand)["actions"]] == [None, None]

    @given(interview=interviews(), policy=any_policy)
    def test_times_are_rfc_3339_and_read_back_in_their_zone(
        self, interview: Interview, policy: Policy
    ) -> None:
        """Each time is RFC 3339 with a numeric offset; with "timezone" it is the same
        pendulum instant in the same zone (DST rules kept, not only an offset)."""
        whole = plan(interview, policy)
        for action, item in zip(whole, s.unstructure(whole)["actions"], strict=True):
            for name in ("earliest", "latest", "suggested"):
                text = item[name]
                assert "[" not in text and text[-6] in "+-" and text[-3] == ":", text
                parsed = pendulum.parse(text).in_timezone(item["timezone"])
                original = getattr(action, name)
                assert parsed == original
                assert parsed.timezone_name == original.timezone_name

    def test_every_plan_matches_the_plan_schema(self) -> None:
        """The plan schema ships beside the others and accepts what unstructure writes."""
        _, _, made = _late_history_plan()
        validator("plan").validate(s.unstructure(made))
        validator("plan").validate(s.unstructure(plan(interview())))

    @given(interview=interviews(), policy=any_policy)
    def test_any_plan_matches_the_plan_schema(self, interview: Interview, policy: Policy) -> None:
        """Whatever plan the library makes, the schema accepts its data."""
        validator("plan").validate(s.unstructure(plan(interview, policy)))

    def test_the_plan_schema_is_strict_about_the_shape(self) -> None:
        """A bare list of actions (the old shape) is not a plan."""
        data = s.unstructure(plan(interview()))
        with pytest.raises(jsonschema.ValidationError):
            validator("plan").validate(data["actions"])

    def test_an_event_alone_carries_its_type(self) -> None:
        """unstructure(event) has its type, and structure reads it back."""
        reply = Reply(at(2024, 7, 3, 9), "Bo Chen", note="kind words")
        data = s.unstructure(reply)
        assert data["type"] == "reply"
        assert s.structure(data, Reply) == reply
        assert s.structure_history([data]) == [reply]

    def test_an_event_of_another_type_is_refused(self) -> None:
        """Reading a reply's data as a Contact names the type."""
        data = s.unstructure(Reply(at(2024, 7, 3, 9)))
        with pytest.raises(s.FormatError, match=r"\$\.type: expected type 'contact'"):
            s.structure(data, Contact)

    def test_the_old_list_shape_still_reads(self) -> None:
        """A plan written as a bare list by earlier versions reads, without ids."""
        made = plan(interview())
        old = [
            {key: value for key, value in item.items() if key not in ("id", "description")}
            for item in s.unstructure(made)["actions"]
        ]
        assert s.structure_plan(old) == made


def _plan_times() -> tuple[list[str], list[float]]:
    """Datetime texts of a few varied plans, and their instants (POSIX seconds)."""
    texts: list[str] = []
    for zone in ("America/New_York", "Asia/Kathmandu", "Australia/Lord_Howe", "UTC"):
        made = plan(interview(starts_at=pendulum.datetime(2026, 3, 27, 16, tz=zone)))
        texts.extend(_datetimes(s.unstructure(made)))
    return texts, [pendulum.parse(text).timestamp() for text in texts]


def _program(candidates: list[str], probe: str) -> str | None:
    """The first of *candidates* that exists and runs *probe* (a shim may not)."""
    for candidate in candidates:
        found = shutil.which(candidate) or (candidate if Path(candidate).is_file() else None)
        if found is None:
            continue
        done = subprocess.run([found, *probe.split(" ", 1)], capture_output=True, check=False)
        if done.returncode == 0:
            return found
    return None


NODE = _program(["node", "nodejs"], "-e process.exit(0)")
PYTHON_3_10 = _program(
    ["python3.10", *map(str, Path.home().glob(".pyenv/versions/3.10*/bin/python3.10"))],
    "-c import sys; assert sys.version_info[:2] == (3, 10)",
)


@pytest.mark.skipif(NODE is None, reason="Node.js is not installed")
def test_javascript_reads_every_datetime() -> None:
    """new Date(text) in JavaScript gives each instant (85.6% were Invalid Date, issue 18)."""
    texts, instants = _plan_times()
    script = (
        "const texts = JSON.parse(process.argv[1]);"
        "process.stdout.write(JSON.stringify(texts.map(t => new Date(t).getTime())))"
    )
    out = subprocess.run(
        [str(NODE), "-e", script, json.dumps(texts)], capture_output=True, text=True, check=True
    ).stdout
    assert json.loads(out) == [round(instant * 1000) for instant in instants]


@pytest.mark.skipif(PYTHON_3_10 is None, reason="Python 3.10 is not installed")
def test_python_3_10_reads_every_datetime() -> None:
    """datetime.fromisoformat of Python 3.10 (the oldest supported) reads each one."""
    texts, instants = _plan_times()
    script = (
        "import json, sys; from datetime import datetime; texts = json.loads(sys.argv[1]); "
        "print(json.dumps([datetime.fromisoformat(t).timestamp() for t in texts]))"
    )
    out = subprocess.run(
        [str(PYTHON_3_10), "-c", script, json.dumps(texts)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out) == instants


class TestFilesSpeakTheirLanguage:
    """Issue 18, item 4: a file's error says what to write in that file."""

    def _without_zone(self, tmp_path: Path, suffix: str) -> Path:
        if suffix == ".toml":
            text = (EXAMPLES / "interview.toml").read_text(encoding="utf-8")
            text = text.replace('timezone = "America/New_York"\n', "")
        else:
            data = json.loads((EXAMPLES / "interview.json").read_text(encoding="utf-8"))
            data.pop("timezone", None)
            data["starts_at"] = "2026-07-07T14:00:00"
            text = json.dumps(data)
        path = tmp_path / f"interview{suffix}"
        path.write_text(text, encoding="utf-8")
        return path

    def test_a_local_start_in_toml_asks_for_a_timezone_key(self, tmp_path: Path) -> None:
        """TOML: add timezone = "..." beside starts_at, or the offset, in TOML; the zone is
        an example ("e.g."): the file gives none to suggest."""
        path = self._without_zone(tmp_path, ".toml")
        with pytest.raises(s.FormatError) as raised:
            s.load_interview(path)
        assert raised.value.path == "$.starts_at"
        assert raised.value.problem == (
            "2026-07-07T14:00:00 has no time zone: add e.g. timezone = "
            '"Europe/Berlin" (the IANA name of its zone) beside starts_at, or write its '
            "offset: starts_at = 2026-07-07T14:00:00+02:00"
        )

    def test_a_local_event_time_suggests_the_interviews_own_zone(self, tmp_path: Path) -> None:
        """Integrator item 22: a history entry without a zone, read with its interview, is
        told the candidate's own zone and its offset then, not always Europe/Berlin."""
        interview_file = tmp_path / "acme.toml"
        interview_file.write_text(
            'history = "acme.events.toml"\n' + (EXAMPLES / "interview.toml").read_text()
        )
        (tmp_path / "acme.events.toml").write_text(
            '[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00\n'
        )
        with pytest.raises(s.FormatError) as raised:
            s.load_interview_file(interview_file)
        assert 'add timezone = "America/New_York"' in raised.value.problem
        assert "at = 2026-07-08T09:00:00-04:00" in raised.value.problem
        assert "e.g." not in raised.value.problem

    def test_a_local_start_in_json_asks_for_a_timezone_key(self, tmp_path: Path) -> None:
        """JSON: the same advice, in JSON."""
        path = self._without_zone(tmp_path, ".json")
        with pytest.raises(s.FormatError) as raised:
            s.load_interview(path)
        assert '"timezone": "Europe/Berlin"' in raised.value.problem
        assert '"starts_at": "2026-07-07T14:00:00+02:00"' in raised.value.problem

    def test_an_event_takes_the_zone_of_its_timezone_key(self) -> None:
        """A local event time beside timezone = "..." is a wall time there, as starts_at is."""
        text = '[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00\ntimezone = "Europe/Berlin"\n'
        (event,) = s.structure_history(s.loads(text, fmt="toml"))
        assert event.at == pendulum.datetime(2026, 7, 8, 9, tz="Europe/Berlin")
        assert event.at.timezone_name == "Europe/Berlin"

    def test_a_history_entry_at_fault_names_the_history_file(self, tmp_path: Path) -> None:
        """An event before the interview: the history file and its entry, not history[1]."""
        interview_file = tmp_path / "acme.toml"
        interview_file.write_text(
            'history = "acme.events.toml"\n'
            + (EXAMPLES / "interview.toml").read_text(encoding="utf-8"),
            encoding="utf-8",
        )
        events = tmp_path / "acme.events.toml"
        events.write_text(
            '[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n\n'
            '[[event]]\ntype = "reply"\nat = 2026-07-01T09:00:00-04:00\n',
            encoding="utf-8",
        )
        with pytest.raises(s.FormatError) as raised:
            s.load_interview_file(interview_file)
        assert (raised.value.source, raised.value.path) == (str(events), "$.event[1].at")
        assert raised.value.problem.startswith("is before the interview")

    def test_a_misspelt_recipient_in_a_held_history_is_named_with_a_guess(
        self, tmp_path: Path
    ) -> None:
        """An interview file's own [[event]]: the file, the entry, "did you mean"."""
        path = tmp_path / "acme.toml"
        path.write_text(
            (EXAMPLES / "interview.toml").read_text(encoding="utf-8")
            + '\n[[event]]\ntype = "contact"\nchannel = "email"\nrecipient = "Ana Ruis"\n'
            "at = 2026-07-08T09:00:00-04:00\n",
            encoding="utf-8",
        )
        with pytest.raises(s.FormatError) as raised:
            s.load_interview_file(path)
        assert (raised.value.source, raised.value.path) == (str(path), "$.event[0].recipient")
        assert "did you mean 'Ana Ruiz'?" in raised.value.problem

    def test_a_misspelt_timezone_key_suggests_the_zone(self, tmp_path: Path) -> None:
        """timezone = "America/New_Yrok": did you mean 'America/New_York'?"""
        path = tmp_path / "interview.toml"
        text = (EXAMPLES / "interview.toml").read_text(encoding="utf-8")
        path.write_text(text.replace("America/New_York", "America/New_Yrok"), encoding="utf-8")
        with pytest.raises(s.FormatError) as raised:
            s.load_interview(path)
        assert raised.value.path == "$.timezone"
        assert raised.value.problem.endswith("did you mean 'America/New_York'?")
