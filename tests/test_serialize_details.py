"""File formats in detail: each refusal's words, each limit's edge, the text written.

Issue 11 (mutation testing of serialize.py): every test here pins what a user
sees or relies on, one behaviour each: the file, key path and problem a
`FormatError` names, where a limit starts to refuse, and what a writer puts
on disk.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest
from dateutil import tz as dateutil_tz

from followup_rules import (
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidArgument,
    Policy,
    Reply,
    TimeWindow,
    plan,
)
from followup_rules import serialize as s

from .factories import at, interview

INTERVIEW_TOML = """\
starts_at = 2026-07-07T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"
interviewers = ["Ana Ruiz"]
"""

HISTORY = [
    Contact(at(2026, 7, 16, 10), Channel.EMAIL, recipient="Zoë Brun"),
    Reply(at(2026, 7, 17, 9)),
]


def refusal(build: Callable[[], object]) -> s.FormatError:
    """The FormatError that *build* raises."""
    with pytest.raises(s.FormatError) as raised:
        build()
    return raised.value


def an_action() -> dict[str, Any]:
    """The first action of the example plan, as plain data."""
    return s.unstructure(plan(interview()))["actions"][0]  # type: ignore[no-any-return]


def toml_file(tmp_path: Path, text: str, name: str = "interview.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


class TestFormatErrorLength:
    """A message stays short: source and path at most 200 characters, the problem 400."""

    @pytest.mark.parametrize(("part", "limit"), [(0, 200), (1, 200), (2, 400)])
    def test_a_part_at_its_limit_is_shown_whole(self, part: int, limit: int) -> None:
        """A file name, key path or problem exactly at its limit is not cut."""
        parts = ["f.toml", "$.a", "bad"]
        parts[part] = "x" * limit
        assert ": ".join(parts) == str(s.FormatError(*parts))

    @pytest.mark.parametrize(("part", "limit"), [(0, 200), (1, 200), (2, 400)])
    def test_a_part_over_its_limit_ends_in_an_ellipsis(self, part: int, limit: int) -> None:
        """One character more and the part is cut to its limit, the last three being '...'."""
        parts = ["f.toml", "$.a", "bad"]
        parts[part] = "x" * (limit + 1)
        shown = ["f.toml", "$.a", "bad"]
        shown[part] = "x" * (limit - 3) + "..."
        assert ": ".join(shown) == str(s.FormatError(*parts))


class TestDefaultSource:
    """Data given without a file name is called <data> in the message."""

    @pytest.mark.parametrize(
        ("build", "expected"),
        [
            (lambda: s.loads("{", fmt="json"), "<data>: line 1: malformed JSON: "),
            (lambda: s.structure({"min_gapp": 3}, Policy), "<data>: $.min_gapp: unknown key(s)"),
            (lambda: s.policy_from({"min_gapp": 3}), "<data>: $.min_gapp: unknown key(s)"),
            (lambda: s.structure_plan({}), "<data>: $: expected a plan"),
            (lambda: s.structure_history("x"), "<data>: $: expected a list of events"),
        ],
        ids=["loads", "structure", "policy_from", "structure_plan", "structure_history"],
    )
    def test_data_without_a_source(self, build: Callable[[], object], expected: str) -> None:
        """Each entry point names its data <data> when no source is given."""
        assert str(refusal(build)).startswith(expected)


class TestDateTimes:
    def test_a_naive_datetime_is_written_without_a_zone(self) -> None:
        """A datetime with no zone is written as it is: no offset, no brackets."""
        expected = "2026-07-07T14:00:00"
        assert expected == s.format_datetime(datetime(2026, 7, 7, 14))

    def test_a_zone_without_an_iana_name_is_written_as_its_offset(self) -> None:
        """A dateutil zone (no IANA key to name) is written with the offset of that moment."""
        moment = datetime(2026, 7, 7, 14, tzinfo=dateutil_tz.gettz("America/New_York"))
        expected = "2026-07-07T14:00:00-04:00"
        assert expected == s.format_datetime(moment)

    def test_a_local_time_with_a_zone_keeps_its_wall_clock(self) -> None:
        """'14:00[Europe/Paris]' is 14:00 in Paris, not 14:00 anywhere else."""
        moment = s.parse_datetime("2026-07-07T14:00[Europe/Paris]")
        assert (14, timedelta(hours=2)) == (moment.hour, moment.utcoffset())

    def test_an_offset_and_a_zone_keep_the_instant(self) -> None:
        """'14:00-04:00[Europe/Paris]' is that instant shown in Paris: 20:00."""
        moment = s.parse_datetime("2026-07-07T14:00:00-04:00[Europe/Paris]")
        assert (20, timedelta(hours=2)) == (moment.hour, moment.utcoffset())

    def test_a_number_is_not_a_date_time(self) -> None:
        """A number where a time is due names its type."""
        error = refusal(lambda: s.structure_history([{"type": "reply", "at": 42}]))
        expected = "<data>: $[0].at: expected an ISO 8601 date-time, got int"
        assert expected == str(error)

    @pytest.mark.parametrize("text", ["next tuesday", "[x]"])
    def test_a_text_that_is_not_a_date_time_is_quoted(self, text: str) -> None:
        """Text that is no ISO 8601 date-time is quoted in the problem."""
        error = refusal(lambda: s.structure_history([{"type": "reply", "at": text}]))
        assert f"{text!r} is not an ISO 8601 date-time" == error.problem

    def test_a_naive_action_time_asks_for_an_offset(self) -> None:
        """A plan's action time without a zone (and no timezone key) says how to give one."""
        data = {**an_action(), "earliest": "2026-07-07T14:00:00"}
        del data["timezone"]
        error = refusal(lambda: s.structure_plan({"actions": [data]}))
        expected = (
            '2026-07-07T14:00:00 has no time zone: add e.g. "timezone": '
            '"Europe/Berlin" (the IANA name of its zone) beside "earliest", or write its '
            'offset: "earliest": "2026-07-07T14:00:00+02:00"'
        )
        assert ("$.actions[0].earliest", expected) == (error.path, error.problem)

    def test_a_date_that_is_not_iso_is_quoted(self) -> None:
        """An out-of-office return date must be an ISO date; the text is quoted."""
        event = {"type": "out_of_office", "at": "2026-07-07T14:00:00Z", "returns_on": "15/07/2026"}
        error = refusal(lambda: s.structure_history([event]))
        expected = ("$[0].returns_on", "'15/07/2026' is not an ISO 8601 date like 2026-07-15")
        assert expected == (error.path, error.problem)


class TestDurations:
    def test_a_negative_duration_is_written_with_a_minus(self) -> None:
        """Minus one and a half hours is '-PT1H30M' (ISO 8601's signed form)."""
        expected = "-PT1H30M"
        assert expected == s.format_duration(-timedelta(hours=1, minutes=30))

    def test_a_number_is_seconds(self) -> None:
        """thank_you_within = 3600 is an hour."""
        assert timedelta(hours=1) == s.policy_from({"thank_you_within": 3600}).thank_you_within

    def test_an_amount_of_forty_characters_is_read(self) -> None:
        """An amount of MAX_NUMBER_LENGTH characters (zero-padded) is still read."""
        text = "1h".rjust(s.MAX_NUMBER_LENGTH + 1, "0")
        assert timedelta(hours=1) == s.parse_duration(text)

    @pytest.mark.parametrize(
        ("text", "problem"),
        [
            ("soon", "'soon' is not a duration like '24h' or 'PT24H'"),
            ("PT0.0000001S", "'PT0.0000001S' is finer than a microsecond"),
            ("P99999999999D", "'P99999999999D' is too long a duration"),
            ("1" * 41 + "h", f"'{'1' * 41}h' is too long a duration"),
        ],
        ids=["not-a-duration", "too-fine", "too-long", "too-many-digits"],
    )
    def test_a_refused_duration_is_quoted(self, text: str, problem: str) -> None:
        """Each refusal quotes the text and says what is wrong with it."""
        error = refusal(lambda: s.policy_from({"thank_you_within": text}))
        assert ("$.thank_you_within", problem) == (error.path, error.problem)


class TestWindows:
    def test_a_window_on_the_minute_is_written_without_seconds(self) -> None:
        """The default send window is written '08:00-17:00', as people write it."""
        expected = "08:00-17:00"
        assert expected == s.unstructure(Policy())["send_window"]

    def test_a_half_second_is_written_as_point_five(self) -> None:
        """Trailing zeros of a fraction are dropped: 08:00:00.5, not 08:00:00.500000."""
        policy = Policy(send_window=TimeWindow(time(8, 0, 0, 500_000), time(9)))
        expected = "08:00:00.5-09:00"
        assert expected == s.unstructure(policy)["send_window"]

    def test_a_pair_of_times_is_a_window(self) -> None:
        """call_window = ["10:00", "11:30:15"] is a window, seconds kept."""
        window = s.policy_from({"call_window": ["10:00", "11:30:15"]}).call_window
        assert TimeWindow(time(10), time(11, 30, 15)) == window

    @pytest.mark.parametrize(
        "value", ["24:00-10:00", "10:00-24:00", ["24:00", "10:00"], ["10:00", "24:00"]]
    )
    def test_a_time_that_is_no_time_of_day_is_quoted(self, value: object) -> None:
        """Whichever end is wrong, in a text or a pair, the problem quotes it."""
        error = refusal(lambda: s.policy_from({"call_window": value}))
        expected = ("$.call_window", "'24:00' is not a time of day")
        assert expected == (error.path, error.problem)

    def test_a_pair_holding_a_number_is_refused_by_the_policy(self) -> None:
        """["10:00", 5] reaches the policy's own check, which names the wrong part."""
        error = refusal(lambda: s.policy_from({"call_window": ["10:00", 5]}))
        expected = "expected a time like '10:30', got int (got ['10:00', 5])"
        assert expected == error.problem

    def test_a_number_is_not_a_window(self) -> None:
        """call_window = 5 gets the policy's explanation of a window."""
        error = refusal(lambda: s.policy_from({"call_window": 5}))
        expected = "expected a (start, end) pair like ('10:00', '11:30') (got 5)"
        assert expected == error.problem

    def test_a_wall_time_of_another_shape_is_refused(self) -> None:
        """parse_wall_time quotes text that is not HH:MM[:SS[.ffffff]]."""
        with pytest.raises(ValueError, match="not a time like") as raised:
            s.parse_wall_time("noon")
        expected = "'noon' is not a time like '10:30'"
        assert expected == str(raised.value)


class TestChoices:
    def test_an_unknown_choice_lists_the_choices(self) -> None:
        """A channel that does not exist is quoted, then every channel is listed."""
        error = refusal(lambda: s.policy_from({"thank_you_channel": "fax"}))
        expected = "'fax' is not one of in_person, email, phone, postal"
        assert ("$.thank_you_channel", expected) == (error.path, error.problem)


class TestKeys:
    def test_unknown_keys_are_listed_in_order(self) -> None:
        """Several unknown keys are named, sorted, separated by commas; the first is the
        error's key, with its value (the app8 trial: a form marks that input)."""
        error = refusal(lambda: s.policy_from({"zeta": 1, "alpha": 2}))
        expected = "<data>: $.alpha: unknown key(s): alpha, zeta"
        assert expected == str(error)
        assert (error.key, error.value) == ("alpha", 2)

    def test_a_key_that_is_not_a_name_is_quoted(self) -> None:
        """'min gap' (with a space) is quoted, so the space shows."""
        error = refusal(lambda: s.policy_from({"min gap": 3}))
        expected = "unknown key(s): 'min gap'"
        assert expected == error.problem

    def test_an_at_sign_in_a_key_does_not_move_the_path(self) -> None:
        """An unknown key 'x @ y' in an interviewer still names that interviewer's path."""
        data = {**s.unstructure(interview()), "interviewers": [{"name": "Ana", "x @ y": 1}]}
        error = refusal(lambda: s.structure(data, Interview))
        expected = ("$.interviewers[0].x @ y", "unknown key(s): 'x @ y'")
        assert expected == (error.path, error.problem)

    @pytest.mark.parametrize(
        ("count", "tail"), [(10, "k09"), (11, "k09 and 1 more"), (12, "k09 and 2 more")]
    )
    def test_ten_unknown_keys_are_named_then_counted(self, count: int, tail: str) -> None:
        """Up to ten unknown keys are named; more are counted, not listed."""
        keys = {f"k{i:02d}": 1 for i in range(count)}
        error = refusal(lambda: s.policy_from(keys))
        named = ", ".join(f"k{i:02d}" for i in range(9))
        assert f"unknown key(s): {named}, {tail}" == error.problem

    def test_keys_that_are_not_text_are_named_too(self) -> None:
        """Python data may mix 1 and 'zz' as keys: one FormatError names both (was a TypeError)."""
        error = refusal(lambda: s.structure({1: 2, "zz": 3}, Policy))
        expected = '<data>: $["1"]: unknown key(s): 1, zz'
        assert expected == str(error)

    def test_an_unknown_key_of_an_interviewer_is_refused(self) -> None:
        """An interviewer table is as strict as the interview: 'emial' is named."""
        data = {**s.unstructure(interview()), "interviewers": [{"name": "Ana", "emial": "a@b.c"}]}
        error = refusal(lambda: s.structure(data, Interview))
        expected = "<data>: $.interviewers[0].emial: unknown key(s): emial"
        assert expected == str(error)

    def test_a_missing_key_is_named(self) -> None:
        """An interview without a company says which key is missing, where."""
        data = s.unstructure(interview())
        del data["company"]
        error = refusal(lambda: s.structure(data, Interview))
        expected = "<data>: $.company: is required: fill it in"
        assert expected == str(error)

    def test_an_invalid_value_is_quoted_after_the_problem(self) -> None:
        """A value the model refuses is quoted at the end: (got '...')."""
        data = s.unstructure(interview())
        data["interviewers"][1]["email"] = "not-an-address"
        error = refusal(lambda: s.structure(data, Interview))
        assert error.problem.endswith(" (got 'not-an-address')")


class TestDocumentShapes:
    def test_a_top_level_list_names_the_json_spelling(self) -> None:
        """A list due at the top of the data, with no key to name, is called a JSON array."""
        error = refusal(lambda: s.structure("Ana", tuple[str, ...]))
        expected = ("$", "expected a list (a JSON array), got a string ('Ana')")
        assert expected == (error.path, error.problem)

    def test_a_recipient_without_a_role_is_refused(self) -> None:
        """An action's recipient must say whether it is an interviewer or a recruiter."""
        data = {**an_action(), "recipient": {"name": "X"}}
        error = refusal(lambda: s.structure_plan({"actions": [data]}, source="plan.json"))
        expected = (
            "plan.json: $.actions[0].recipient: "
            "expected a person with role 'interviewer' or 'recruiter'"
        )
        assert expected == str(error)

    def test_a_plan_that_is_not_a_plan_names_the_file(self) -> None:
        """A plan file holding something else than a plan is refused at its root."""
        error = refusal(lambda: s.structure_plan("actions", source="plan.json"))
        expected = 'plan.json: $: expected a plan: {"actions": [...], "missed": [...]}'
        assert expected == str(error)

    def test_a_history_that_is_not_a_list_names_the_file(self) -> None:
        """A history file holding a string is refused at its root."""
        error = refusal(lambda: s.structure_history("events", source="events.json"))
        expected = "events.json: $: expected a list of events"
        assert expected == str(error)

    def test_a_bad_event_names_the_file_and_the_item(self) -> None:
        """The second event's unknown type: the file, $[1].type and the choices."""
        data = [
            {"type": "reply", "at": "2026-07-07T16:00:00Z"},
            {"type": "reply", "at": "2026-07-08T16:00:00Z", "mood": "good"},
        ]
        error = refusal(lambda: s.structure_history(data, source="events.json"))
        expected = "events.json: $[1].mood: unknown key(s): mood"
        assert expected == str(error)

    def test_the_converter_is_still_reachable_by_its_old_name(self) -> None:
        """serialize.CONVERTER, made on first use, is the converter behind structure()."""
        assert s.converter() is s.CONVERTER

    def test_other_missing_attributes_are_attribute_errors(self) -> None:
        """Only CONVERTER is made on demand; other names fail as for any module."""
        with pytest.raises(AttributeError) as raised:
            s.NOPE  # noqa: B018
        expected = "module 'followup_rules.serialize' has no attribute 'NOPE'"
        assert expected == str(raised.value)


class TestTextLimits:
    """loads: where each limit starts to refuse, and what the refusal says."""

    def test_an_unknown_format_is_named(self) -> None:
        """Only json and toml: anything else is quoted."""
        error = refusal(lambda: s.loads("", fmt="yaml", source="x.yaml"))
        expected = "x.yaml: $: unknown format 'yaml' (use json or toml)"
        assert expected == str(error)

    def test_text_at_the_size_limit_is_read(self) -> None:
        """Text of exactly MAX_FILE_SIZE characters is read."""
        text = "{}".ljust(s.MAX_FILE_SIZE)
        expected = {}
        assert expected == s.loads(text, fmt="json")

    def test_text_over_the_size_limit_is_refused(self) -> None:
        """One character more and the text is refused, naming the limit."""
        error = refusal(lambda: s.loads("{}".ljust(s.MAX_FILE_SIZE + 1), fmt="json", source="x"))
        assert f"x: longer than {s.MAX_FILE_SIZE} characters" == str(error)

    def test_a_json_number_at_the_length_limit_is_read(self) -> None:
        """A number of MAX_NUMBER_LENGTH digits is read."""
        digits = "9" * s.MAX_NUMBER_LENGTH
        assert {"a": int(digits)} == s.loads(f'{{"a": {digits}}}', fmt="json")

    def test_a_json_number_over_the_length_limit_is_quoted(self) -> None:
        """One digit more and the number is refused, shown in the message."""
        digits = "1" * (s.MAX_NUMBER_LENGTH + 1)
        error = refusal(lambda: s.loads(f'{{"a": {digits}}}', fmt="json", source="x.json"))
        expected = f"x.json: a number longer than {s.MAX_NUMBER_LENGTH} characters ('{digits}')"
        assert expected == str(error)

    def test_a_toml_integer_python_cannot_read_is_refused(self) -> None:
        """5,000 digits in TOML (beyond int()'s limit) give the length message, not a crash."""
        error = refusal(lambda: s.loads("a = " + "1" * 5000, fmt="toml", source="p.toml"))
        assert f"p.toml: a number longer than {s.MAX_NUMBER_LENGTH} characters" == str(error)

    @pytest.mark.parametrize("sign", ["", "-"])
    def test_a_toml_integer_of_forty_digits_is_read(self, sign: str) -> None:
        """The largest integers of MAX_NUMBER_LENGTH digits, either sign, are read."""
        digits = sign + "9" * s.MAX_NUMBER_LENGTH
        assert {"a": int(digits)} == s.loads(f"a = {digits}", fmt="toml")

    @pytest.mark.parametrize("sign", ["", "-"])
    def test_a_toml_integer_of_forty_one_digits_is_refused(self, sign: str) -> None:
        """10**40, either sign, has a digit too many: refused with its key path."""
        text = f"a = {sign}1{'0' * s.MAX_NUMBER_LENGTH}"
        error = refusal(lambda: s.loads(text, fmt="toml", source="p.toml"))
        assert f"p.toml: $.a: a number longer than {s.MAX_NUMBER_LENGTH} characters" == str(error)

    def test_nan_is_refused_by_name(self) -> None:
        """JSON's NaN extension is refused, naming the file."""
        error = refusal(lambda: s.loads('{"a": NaN}', fmt="json", source="x.json"))
        expected = "x.json: NaN is not a number JSON allows"
        assert expected == str(error)

    def test_malformed_toml_is_refused_at_the_root(self) -> None:
        """The TOML parser's message follows the file name and '$'."""
        error = refusal(lambda: s.loads("a = = 1", fmt="toml", source="p.toml"))
        expected = ("p.toml", "$")
        assert expected == (error.source, error.path)
        assert str(error).startswith("p.toml: $: malformed TOML: ")


def nested(depth: int, opening: str = "[", closing: str = "]") -> str:
    return opening * depth + closing * depth


class TestNesting:
    """The text scan stops deep nesting before a recursive parser meets it."""

    def test_deep_objects_are_caught_by_the_text_scan(self) -> None:
        """33 nested JSON objects: refused on line 1, like 33 nested lists."""
        text = '{"a": ' * (s.MAX_DEPTH + 1) + "1" + "}" * (s.MAX_DEPTH + 1)
        error = refusal(lambda: s.loads(text, fmt="json", source="x.json"))
        assert f"x.json: line 1: nested deeper than {s.MAX_DEPTH} levels" == str(error)

    def test_the_line_of_the_first_bracket_too_deep_is_named(self) -> None:
        """Brackets opened on line 3 are reported on line 3."""
        text = "\n\n" + "[" * (s.MAX_DEPTH + 1) + "\n" + "]" * (s.MAX_DEPTH + 1)
        error = refusal(lambda: s.loads(text, fmt="json"))
        expected = "line 3"
        assert expected == error.path

    def test_max_depth_loads_beside_other_brackets(self) -> None:
        """Nesting of exactly MAX_DEPTH levels loads, however many brackets the file has."""
        text = "[" * (s.MAX_DEPTH - 1) + "[], []" + "]" * (s.MAX_DEPTH - 1)
        assert json.loads(text) == s.loads(text, fmt="json")

    @pytest.mark.parametrize("item", ["[]", "{}"])
    def test_a_long_flat_list_is_not_deep(self, item: str) -> None:
        """Forty empty lists (or tables) side by side nest two levels, not forty."""
        text = "[" + ", ".join([item] * 40) + "]"
        assert json.loads(text) == s.loads(text, fmt="json")

    @pytest.mark.parametrize("fmt", ["json", "toml"])
    def test_unbalanced_brackets_are_stopped_by_the_text_scan(self, fmt: str) -> None:
        """'[[]' a hundred thousand times nests deeper each time: refused before parsing."""
        text = ("a = " if fmt == "toml" else "") + "[[]" * 100_000
        error = refusal(lambda: s.loads(text, fmt=fmt, source="bomb"))
        assert f"bomb: line 1: nested deeper than {s.MAX_DEPTH} levels" == str(error)

    def test_dotted_keys_up_to_the_limit_load(self) -> None:
        """Dotted keys making MAX_DEPTH tables in all (the file's own included) load."""
        text = ".".join(["a"] * (s.MAX_DEPTH - 1)) + " = 1\n"
        expected = 1
        assert expected == _innermost_value(s.loads(text, fmt="toml"))

    def test_one_dotted_key_more_is_refused(self) -> None:
        """One table more and the file is refused, naming the path of the table too deep."""
        text = ".".join(["a"] * (s.MAX_DEPTH + 1)) + " = 1\n"
        error = refusal(lambda: s.loads(text, fmt="toml", source="p.toml"))
        expected = ("p.toml", "$" + ".a" * s.MAX_DEPTH, f"nested deeper than {s.MAX_DEPTH} levels")
        assert expected == (error.source, error.path, error.problem)

    def test_an_array_of_tables_counts_its_own_level(self) -> None:
        """[[a.a...a]] under deep dotted keys: the array is a level, and so is its table."""
        text = "[[" + ".".join(["a"] * (s.MAX_DEPTH - 1)) + "]]\nx = 1\n"
        error = refusal(lambda: s.loads(text, fmt="toml"))
        expected = "$" + ".a" * (s.MAX_DEPTH - 1) + "[0]"
        assert expected == error.path


def _innermost_value(data: Any) -> Any:
    while isinstance(data, dict):
        (data,) = data.values()
    return data


class TestFiles:
    def test_a_wrong_suffix_is_named(self, tmp_path: Path) -> None:
        """Only .toml and .json files are read; the message names the file."""
        path = tmp_path / "policy.yaml"
        path.write_text("min_gap: 3\n")
        error = refusal(lambda: s.load_policy(path))
        assert f"{path}: expected a .toml or .json file" == str(error)

    def test_a_missing_file_says_why(self, tmp_path: Path) -> None:
        """The operating system's reason, without Python's errno decoration."""
        path = tmp_path / "policy.toml"
        error = refusal(lambda: s.load_policy(path))
        assert f"{path}: cannot read: No such file or directory" == str(error)

    def test_a_file_at_the_size_limit_is_read(self, tmp_path: Path) -> None:
        """A history of exactly MAX_FILE_SIZE bytes is read."""
        path = tmp_path / "events.json"
        path.write_text("[]".ljust(s.MAX_FILE_SIZE))
        expected = []
        assert expected == s.load_history(path)

    def test_a_bad_history_file_is_named(self, tmp_path: Path) -> None:
        """An event with an unknown key names the history file and the event."""
        path = tmp_path / "events.json"
        path.write_text('[{"type": "reply", "at": "2026-07-08T09:00:00Z", "mood": "good"}]')
        error = refusal(lambda: s.load_history(path))
        assert f"{path}: $[0].mood: unknown key(s): mood" == str(error)

    def test_a_preset_that_does_not_exist_names_the_choices(self) -> None:
        """preset = "reckless" names the file, $.preset and the presets there are."""
        error = refusal(lambda: s.policy_from({"preset": "reckless"}, source="p.toml"))
        expected = (
            "p.toml: $.preset: "
            "expected one of consensus, cautious, persistent, traditional (got 'reckless')"
        )
        assert expected == str(error)


class TestInterviewFiles:
    def test_a_file_holding_a_string_is_refused(self, tmp_path: Path) -> None:
        """A JSON file that is just a string (even 'history') is a FormatError, not a crash."""
        path = tmp_path / "interview.json"
        path.write_text('"my history"')
        error = refusal(lambda: s.load_interview(path))
        assert (str(path), "$") == (error.source, error.path)

    def test_a_file_with_one_key_is_read_as_an_interview(self, tmp_path: Path) -> None:
        """A lone key other than [interview] is part of the interview: the rest is missing."""
        path = toml_file(tmp_path, 'company = "Acme"\n')
        error = refusal(lambda: s.load_interview(path))
        assert f"{path}: $.starts_at: is required: fill it in" == str(error)

    @pytest.mark.parametrize("load", [s.load_interview, s.load_interview_file])
    def test_a_zone_that_is_not_a_name(self, tmp_path: Path, load: Callable[[Path], Any]) -> None:
        """timezone = 5 names the file, $.timezone and the type found."""
        path = toml_file(tmp_path, INTERVIEW_TOML.replace('"America/New_York"', "5"))
        error = refusal(lambda: load(path))
        assert f"{path}: $.timezone: expected a time-zone name, got int" == str(error)

    @pytest.mark.parametrize("load", [s.load_interview, s.load_interview_file])
    def test_an_unknown_zone(self, tmp_path: Path, load: Callable[[Path], Any]) -> None:
        """An unknown zone is quoted, with the file and $.timezone."""
        path = toml_file(tmp_path, INTERVIEW_TOML.replace("America/New_York", "Mars/Olympus"))
        error = refusal(lambda: load(path))
        expected = (
            f"{path}: $.timezone: unknown time zone 'Mars/Olympus' "
            "(use an IANA name like 'Europe/Paris', 'UTC' or an offset like '+05:30')"
        )
        assert expected == str(error)

    def test_a_malformed_local_start_names_the_file(self, tmp_path: Path) -> None:
        """A text starts_at beside a timezone that is no date-time: file, key and text."""
        text = INTERVIEW_TOML.replace("2026-07-07T14:00:00", '"2026-07-07Tnoon"')
        path = toml_file(tmp_path, text)
        error = refusal(lambda: s.load_interview(path))
        expected = f"{path}: $.starts_at: '2026-07-07Tnoon' is not an ISO 8601 date-time"
        assert expected == str(error)

    def test_a_bracketed_start_beside_a_timezone(self, tmp_path: Path) -> None:
        """A starts_at text with its own [zone] is read as such, the timezone key beside it."""
        start = '"2026-07-07T14:00:00-04:00[America/New_York]"'
        path = toml_file(tmp_path, INTERVIEW_TOML.replace("2026-07-07T14:00:00", start))
        loaded = s.load_interview(path).starts_at
        expected = (14, "America/New_York")
        assert expected == (loaded.hour, loaded.timezone_name)

    def test_an_aware_start_beside_a_timezone_keeps_its_instant(self, tmp_path: Path) -> None:
        """starts_at = 18:00Z with timezone New York is 14:00 in New York, the same instant."""
        text = INTERVIEW_TOML.replace("2026-07-07T14:00:00", "2026-07-07T18:00:00Z")
        loaded = s.load_interview(toml_file(tmp_path, text)).starts_at
        expected = pendulum.datetime(2026, 7, 7, 14, tz="America/New_York")
        assert (expected, "America/New_York") == (loaded, loaded.timezone_name)

    def test_a_bad_interview_names_the_file(self, tmp_path: Path) -> None:
        """load_interview_file names the file when the interview itself is wrong."""
        path = toml_file(tmp_path, INTERVIEW_TOML.replace('company = "Acme Analytics"\n', ""))
        error = refusal(lambda: s.load_interview_file(path))
        assert f"{path}: $.company: is required: fill it in" == str(error)

    def test_both_forms_of_history_are_refused(self, tmp_path: Path) -> None:
        """A file holding events and naming a history file: which to use is not guessed."""
        path = toml_file(tmp_path, 'history = "a.toml"\nevent = []\n' + INTERVIEW_TOML)
        error = refusal(lambda: s.load_interview_file(path))
        expected = (
            f"{path}: $.history: "
            "give the history in this file ([[event]]) or name its file, not both"
        )
        assert expected == str(error)

    def test_a_history_that_is_not_a_file_name(self, tmp_path: Path) -> None:
        """history = 3 names the file and the key."""
        path = toml_file(tmp_path, "history = 3\n" + INTERVIEW_TOML)
        error = refusal(lambda: s.load_interview_file(path))
        assert f"{path}: $.history: expected the name of a history file" == str(error)

    def test_a_bad_held_event_names_the_file_and_the_table(self, tmp_path: Path) -> None:
        """The first [[event]] table of an interview file, with an unknown key."""
        event = '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\nmood = "good"\n'
        path = toml_file(tmp_path, INTERVIEW_TOML + event)
        error = refusal(lambda: s.load_interview_file(path))
        assert f"{path}: $.event[0].mood: unknown key(s): mood" == str(error)


class TestWrittenText:
    """What the writers put on disk, character for character."""

    def test_a_history_as_json(self) -> None:
        """Two-space indent, the type first, non-ASCII letters as they are."""
        expected = """\
[
  {
    "type": "contact",
    "at": "2026-07-16T10:00:00-04:00",
    "timezone": "America/New_York",
    "channel": "email",
    "kind": "check_in",
    "recipient": "Zoë Brun"
  },
  {
    "type": "reply",
    "at": "2026-07-17T09:00:00-04:00",
    "timezone": "America/New_York"
  }
]
"""
        assert expected == s.dumps_history(HISTORY, "json")

    def test_a_history_as_toml(self) -> None:
        """A comment, then one [[event]] table per event, non-ASCII letters as they are."""
        expected = """\
# What happened after the interview, oldest first (followup_rules history).

[[event]]
type = "contact"
at = "2026-07-16T10:00:00-04:00"
timezone = "America/New_York"
channel = "email"
kind = "check_in"
recipient = "Zoë Brun"

[[event]]
type = "reply"
at = "2026-07-17T09:00:00-04:00"
timezone = "America/New_York"
"""
        assert expected == s.dumps_history(HISTORY, "toml")

    def test_a_history_is_toml_unless_told(self) -> None:
        """dumps_history writes TOML by default, as history files usually are."""
        assert s.dumps_history(HISTORY, "toml") == s.dumps_history(HISTORY)

    def test_an_unknown_history_format_is_named(self) -> None:
        """Only toml and json: anything else is quoted."""
        error = refusal(lambda: s.dumps_history(HISTORY, "yaml"))
        expected = "<data>: $: unknown format 'yaml' (use json or toml)"
        assert expected == str(error)

    def test_dumps_json(self) -> None:
        """Sorted keys, two-space indent, non-ASCII letters as they are, a final newline."""
        expected = """\
{
  "address": null,
  "email": "zoe@acme.example",
  "fit": null,
  "honorific": null,
  "id": null,
  "missed": [],
  "name": "Zoë Brun",
  "part": null,
  "phone": null,
  "preferred_channel": null,
  "requested": [],
  "surname": null,
  "timezone": null,
  "title": null,
  "topics": []
}
"""
        assert expected == s.dumps_json(Interviewer("Zoë Brun", email="zoe@acme.example"))

    def test_a_list_as_toml(self) -> None:
        """dumps_toml writes a list of strings as a TOML array, read back equal."""
        text = s.dumps_toml({"topics": ["Kafka", "Zoë"]})
        expected = ('topics = ["Kafka", "Zoë"]\n', {"topics": ["Kafka", "Zoë"]})
        assert expected == (text, s.loads(text, fmt="toml"))

    def test_a_value_toml_cannot_hold_is_named(self) -> None:
        """dumps_toml refuses what it cannot write, naming the key and the type.

        An `InvalidArgument` (SPEC: never a bare TypeError), found by spec11.
        """
        with pytest.raises(InvalidArgument) as raised:
            s.dumps_toml({"a": object()})
        assert raised.value.field == "data.a"
        assert raised.value.problem == "cannot write object as TOML"


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask (0o022) for the test, the old one restored after."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


class TestSaveHistory:
    def test_a_wrong_suffix_is_named(self, tmp_path: Path) -> None:
        """save_history names the file whose suffix it cannot write."""
        path = tmp_path / "events.yaml"
        error = refusal(lambda: s.save_history(path, HISTORY))
        assert f"{path}: expected a .toml or .json file" == str(error)

    @pytest.mark.usefixtures("umask_022")
    def test_a_new_file_follows_the_umask(self, tmp_path: Path) -> None:
        """A new history file gets 0o666 less the umask: 0o644 under 0o022."""
        path = tmp_path / "events.toml"
        s.save_history(path, HISTORY)
        expected = 0o644
        assert expected == path.stat().st_mode & 0o777

    def test_the_temporary_is_hidden_beside_the_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The text is first written to '.events.toml.*' in the same directory, then moved."""
        moves: list[tuple[Path, Path]] = []
        replace = os.replace

        def record(source: Any, target: Any) -> None:
            moves.append((Path(source), Path(target)))
            replace(source, target)

        monkeypatch.setattr(os, "replace", record)
        path = tmp_path / "events.toml"
        s.save_history(path, HISTORY)
        [(temporary, target)] = moves
        expected = (tmp_path, True, path)
        assert expected == (temporary.parent, temporary.name.startswith(".events.toml."), target)

    def test_a_failed_write_leaves_the_file_as_it_was(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """If the move fails, its error is raised and no temporary is left behind."""
        path = tmp_path / "events.toml"
        path.write_text("# before\n")

        def fail(source: Any, target: Any) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(OSError, match="No space left on device"):
            s.save_history(path, HISTORY)
        expected = (["events.toml"], "# before\n")
        assert expected == (sorted(p.name for p in tmp_path.iterdir()), path.read_text())
