"""What `serialize` writes and how it words what it refuses: durations, zones, schemas,
an app's own policy fields, plans, histories and the limits of a document.

Issue 20, item 9 (twentieth pass of mutation testing, `serialize`, part B; see
benchmarks/README.md, "Twentieth pass, `serialize`" for mut20b): each test pins
what a user or an app relies on, one behaviour each.
"""

from __future__ import annotations

import enum
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from dateutil import tz as dateutil_tz

from followup_rules import (
    Application,
    Candidate,
    Contact,
    Interview,
    Interviewer,
    InvalidArgument,
    Plan,
    Policy,
    Reply,
    agenda_many,
    plan,
)
from followup_rules import serialize as s

from .factories import at, interview
from .test_serialize import INTERVIEW_TOML
from .test_serialize_details import refusal


class TestDurations:
    def test_whole_seconds_are_written_without_a_point(self) -> None:
        """``PT30S``, ``PT1M30S``: a whole number of seconds has no decimal point, and reads
        back equal."""
        for seconds, text in ((30, "PT30S"), (90, "PT1M30S"), (3605, "PT1H5S")):
            written = s.format_duration(timedelta(seconds=seconds))
            assert written == text
            assert s.parse_duration(written) == timedelta(seconds=seconds)


class TestZoneNames:
    def test_a_fixed_offset_has_no_zone_name(self) -> None:
        """West of UTC as east of it: the offset is in the time's own text, no name beside."""
        for hours in (-4, 5):
            moment = datetime(2026, 7, 8, 9, tzinfo=timezone(timedelta(hours=hours)))
            assert s.zone_name_of(moment) is None

    def test_a_zone_of_another_library_is_written_by_its_offset(self) -> None:
        """A dateutil zone, which names no IANA key and gives no offset without a date: the
        time is written with its offset, and no zone name (not an error)."""
        moment = datetime(2026, 7, 8, 9, tzinfo=dateutil_tz.gettz("Europe/London"))
        assert s.zone_name_of(moment) is None
        assert s.format_datetime(moment) == "2026-07-08T09:00:00+01:00"


class TestALocalTimeInAnInterviewFile:
    """An [[event]] held in the interview file at a time without a zone: the fix names the
    zone to write, from the interview's own zone when it has a name."""

    def problem(self, tmp_path: Path, zone: str) -> str:
        path = tmp_path / "acme.toml"
        text = INTERVIEW_TOML.replace("America/New_York", zone)
        path.write_text(text + '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00\n')
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(path), "$.event[0].at")
        return error.problem

    def test_an_interview_in_utc_gives_utc_and_a_zero_offset(self, tmp_path: Path) -> None:
        assert self.problem(tmp_path, "UTC") == (
            '2026-07-08T09:00:00 has no time zone: add timezone = "UTC" (the IANA name of '
            "its zone) beside at, or write its offset: at = 2026-07-08T09:00:00+00:00"
        )

    @pytest.mark.parametrize("zone", ["+05:30", "-04:00"])
    def test_an_interview_at_a_fixed_offset_gives_an_example_zone(
        self, tmp_path: Path, zone: str
    ) -> None:
        """An offset is no zone name to write beside a time: the fix gives an IANA name, as an
        example ("e.g."), never the offset as if it were one."""
        problem = self.problem(tmp_path, zone)
        assert 'add e.g. timezone = "Europe/Berlin"' in problem
        assert zone not in problem


class TestSchemas:
    def test_an_unknown_schema_is_refused_naming_the_argument_and_the_choices(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            s.schema("calendar")
        error = raised.value
        assert (error.field, error.value) == ("name", "calendar")
        assert error.problem == "is not a schema: one of agenda, history, interview, plan, policy"


class Seniority(enum.Enum):
    JUNIOR = "jr"
    SENIOR = "sr"


@attrs.frozen(kw_only=True)
class HousePolicy(Policy):
    """A team's policy with fields of its own: an enum whose values are no names, a list,
    a tuple, and bare ones."""

    level: Seniority = Seniority.JUNIOR
    tags: list[str] = attrs.field(factory=list)
    codes: tuple[str, ...] = ()
    notes: list = attrs.field(factory=list)  # type: ignore[type-arg]
    marks: tuple = ()  # type: ignore[type-arg]


class TestAHousePolicysOwnFields:
    def test_an_enum_is_read_by_its_value_or_its_name(self) -> None:
        for given in ("sr", "SR", "senior", "Senior"):
            read = s.structure({"level": given}, HousePolicy)
            assert read.level is Seniority.SENIOR

    def test_lists_and_tuples_are_read_as_the_class_declares_them(self) -> None:
        data = {"tags": ["a", "b"], "codes": ["x"], "notes": ["n"], "marks": ["m", 1]}
        read = s.structure(data, HousePolicy)
        assert (read.tags, read.codes, read.notes, read.marks) == (
            ["a", "b"],
            ("x",),
            ["n"],
            ("m", 1),
        )

    def test_a_string_for_a_list_is_refused_by_the_converter_itself(self) -> None:
        """An app using `serialize.converter()` directly is told what it gave, not ``None``."""
        with pytest.raises(ValueError, match=r"^expected a list, got a string \('Bo'\)$"):
            s.converter().structure("Bo", tuple[str, ...])


class TestStructureNamesTheSource:
    """`structure` reads a plan, an application and an interview's version for the file
    *source* names, and names that file in what it refuses."""

    def test_a_plan(self) -> None:
        data = s.unstructure(plan(interview()))
        data["actions"][0]["kind"] = "dance"
        error = refusal(lambda: s.structure(data, Plan, source="plan.json"))
        assert (error.source, error.path) == ("plan.json", "$.actions[0].kind")

    def test_an_applications_key(self) -> None:
        """A key read back as it was written (a list is the tuple it was); a part that is no
        string, number or list named by its place, with the value given."""
        data = s.unstructure(Application(interview(), key=("sam", (1, None))))
        assert s.structure(data, Application).key == ("sam", (1, None))
        data["key"] = ["sam", [1, {"row": 1}]]
        error = refusal(lambda: s.structure(data, Application, source="app.json"))
        assert (error.source, error.path, error.value) == ("app.json", "$.key[1][1]", {"row": 1})
        assert error.problem == (
            "expected a string, a number or a list of them (the app's key), got a table (row)"
        )

    def test_an_interviews_later_version(self) -> None:
        data = {**s.unstructure(interview()), "format_version": 99}
        error = refusal(lambda: s.structure(data, Interview, source="acme.json"))
        assert (error.source, error.path) == ("acme.json", "$.format_version")

    def test_an_event_of_another_type(self) -> None:
        data = {"type": "contact", "at": "2026-07-08T09:00:00-04:00"}
        error = refusal(lambda: s.structure(data, Reply, source="events.json"))
        assert (error.source, error.path) == ("events.json", "$.type")
        assert error.problem == "expected type 'reply', got 'contact'"


class TestStructureRefusesWhatIsNoData:
    def test_a_type_key_of_an_interview_is_an_unknown_key(self) -> None:
        """Only an event's data carries ``type``: an interview's is refused as any unknown key."""
        data = {**s.unstructure(interview()), "type": "interview"}
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.problem) == ("$.type", "unknown key(s): type")

    def test_a_list_for_an_event(self) -> None:
        error = refusal(lambda: s.structure(["reply"], Reply))
        assert error.path == "$"

    def test_a_format_version_is_read_only_where_the_library_writes_one(self) -> None:
        """An interview and a policy carry ``format_version``; an event never does, and one
        given it is refused naming the key."""
        data = {"at": "2026-07-08T09:00:00-04:00", "format_version": 1}
        error = refusal(lambda: s.structure(data, Reply))
        assert (error.path, error.problem) == (
            "$.format_version",
            "unknown key(s): format_version",
        )


class TestAnAppsPolicyClass:
    def test_an_application_reads_its_policy_as_the_apps_class(self) -> None:
        house = HousePolicy(level=Seniority.SENIOR, tags=["a"])
        data = s.unstructure(Application(interview(), policy=house))
        read = s.structure(data, Application, policy_class=HousePolicy)
        assert read.policy == house

    @pytest.mark.parametrize("given", [Interview, "HousePolicy", None])
    def test_anything_but_policy_or_a_subclass_is_refused(self, given: object) -> None:
        with pytest.raises(InvalidArgument) as raised:
            s.structure({}, Policy, policy_class=given)  # type: ignore[arg-type]
        error = raised.value
        assert (error.field, error.value) == ("policy_class", given)
        assert error.problem == "expected Policy or a subclass of it"


class TestPlansRead:
    """`structure_plan`'s refusals name the file and the step, in both shapes a plan has
    had: the bare list of actions of versions before 0.3, and the table of today."""

    def steps(self) -> list[dict[str, object]]:
        data = s.unstructure(plan(interview()))
        return data["actions"]  # type: ignore[no-any-return]

    def test_a_bare_list_of_actions_names_its_step(self) -> None:
        steps = self.steps()
        steps[1]["kind"] = "dance"
        error = refusal(lambda: s.structure_plan(steps, source="old.json"))
        assert (error.source, error.path) == ("old.json", "$[1].kind")

    def test_a_later_version_names_the_file(self) -> None:
        data = {"format_version": 99, "actions": self.steps()}
        error = refusal(lambda: s.structure_plan(data, source="plan.json"))
        assert (error.source, error.path) == ("plan.json", "$.format_version")

    def test_unknown_keys_are_named_ten_at_most_in_their_order_as_text(self) -> None:
        """Keys of Python data may mix numbers and text: named sorted as text, ten at most."""
        extra: dict[object, int] = {f"k{n:02d}": n for n in range(11)}
        data = {"actions": self.steps(), **extra, 7: 7}
        error = refusal(lambda: s.structure_plan(data, source="plan.json"))
        assert (error.source, error.path) == ("plan.json", "$")
        shown = ", ".join(["7", *(f"k{n:02d}" for n in range(9))])
        assert error.problem == f"unknown key(s): {shown}"

    def test_a_missed_step_is_named_under_missed(self) -> None:
        data = {"actions": self.steps(), "missed": [{**self.steps()[0], "channel": "fax"}]}
        error = refusal(lambda: s.structure_plan(data, source="plan.json"))
        assert (error.source, error.path) == ("plan.json", "$.missed[0].channel")

    def test_actions_as_a_table_are_refused_with_the_toml_spelling_of_a_list(self) -> None:
        error = refusal(lambda: s.structure_plan({"actions": {"a": 1}}, source="plan.toml"))
        assert (error.source, error.path) == ("plan.toml", "$.actions")
        assert error.problem == "expected a list ([[actions]] tables in TOML), got a table"

    def test_a_step_id_that_is_no_text_is_refused(self) -> None:
        steps = self.steps()
        steps[2]["id"] = 5
        error = refusal(lambda: s.structure_plan({"actions": steps}, source="plan.json"))
        assert (error.source, error.path) == ("plan.json", "$.actions[2].id")
        assert error.problem == "expected a step id, got 5"

    def test_a_bad_value_is_given_as_the_file_holds_it(self) -> None:
        steps = self.steps()
        steps[0]["channel"] = "fax"
        error = refusal(lambda: s.structure_plan({"actions": steps}, source="plan.json"))
        assert (error.path, error.value) == ("$.actions[0].channel", "fax")

    def test_a_plans_own_ids_are_kept_only_when_all_steps_have_one(self) -> None:
        """A plan's own ids are read back; when one step lacks its id (an action, or a missed
        step), the plan knows none (and a step's ``description`` is never read as a field)."""
        steps = self.steps()
        mine = [{**step, "id": f"mine-{n}", "description": "?"} for n, step in enumerate(steps)]
        read = s.unstructure(s.structure_plan({"actions": mine, "missed": []}))
        assert [step["id"] for step in read["actions"]] == [f"mine-{n}" for n in range(len(steps))]
        missed = {key: value for key, value in mine[0].items() if key != "id"}
        read = s.unstructure(s.structure_plan({"actions": mine, "missed": [missed]}))
        assert {step["id"] for step in read["actions"] + read["missed"]} == {None}
        del mine[1]["id"]
        read = s.unstructure(s.structure_plan({"actions": mine, "missed": []}))
        assert {step["id"] for step in read["actions"]} == {None}


class TestKeysThatAreNoText:
    """Python data may hold keys that are no text (``1``); a file never does.  An
    interview's or an event's is named as an unknown key like any other, where it is: it
    was refused as ``'int' object has no attribute 'endswith'``, an error of the reader's
    own, for every class with a time to place in a zone (bug fixed by mut20b)."""

    def test_an_interviews(self) -> None:
        data = {**s.unstructure(interview()), 1: "a", "zz": 2}
        error = refusal(lambda: s.structure(data, Interview))
        assert str(error) == '<data>: $["1"]: unknown key(s): 1, zz'

    def test_a_persons_is_named_where_it_is(self) -> None:
        """In a nested table too: the path was the root's, ``$["3"]``, since cattrs could
        not word the error (bug fixed by mut20b)."""
        data = s.unstructure(interview())
        for nested, where in (
            ({"candidate": {"name": "Sam Lee", 3: "x"}}, '$.candidate["3"]'),
            ({"interviewers": [{"name": "Ana Ruiz", 2: "x"}]}, '$.interviewers[0]["2"]'),
        ):
            error = refusal(lambda nested=nested: s.structure({**data, **nested}, Interview))
            assert (error.path, error.problem) == (where, f"unknown key(s): {where[-3]}")

    def test_an_events(self) -> None:
        data = {"at": "2026-07-08T09:00:00-04:00", 2: "b"}
        error = refusal(lambda: s.structure(data, Reply))
        assert str(error) == '<data>: $["2"]: unknown key(s): 2'


class TestARefusedValueIsQuotedAsTyped:
    """A value a model refuses is quoted as the document holds it (the app6 trial), and
    when the document holds it elsewhere (an interviewer given by name alone), as the
    model was given it."""

    def test_a_duration_as_written(self) -> None:
        data = {**s.unstructure(interview()), "duration": "0h"}
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.problem, error.value) == (
            "$.duration",
            "must be positive (got '0h')",
            "0h",
        )

    def test_an_interviewer_given_by_a_blank_name(self) -> None:
        data = {**s.unstructure(interview()), "interviewers": ["  "]}
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.problem, error.value) == (
            "$.interviewers[0].name",
            "must not be empty (got '  ')",
            "  ",
        )

    def test_a_document_that_is_no_table_gives_no_value(self) -> None:
        error = refusal(lambda: s.structure("acme", Interview))
        assert (error.path, error.value) == ("$", None)

    def test_a_value_two_tables_down(self) -> None:
        """An application's policy: the duration as typed, not the timedelta read from it."""
        data = {**s.unstructure(Application(interview())), "policy": {"thank_you_within": "15d"}}
        error = refusal(lambda: s.structure(data, Application))
        assert (error.path, error.problem, error.value) == (
            "$.policy.thank_you_within",
            "must be at most 14 days (got '15d')",
            "15d",
        )

    def test_an_unknown_keys_value_in_a_list_of_tables(self) -> None:
        """The value of a mistyped key of the second interviewer: what a form marks."""
        data = s.unstructure(interview())
        data["interviewers"][1]["emial"] = "bo@acme.example"
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.value) == ("$.interviewers[1].emial", "bo@acme.example")

    def test_an_unknown_key_that_is_no_name_keeps_its_value(self) -> None:
        """A key with a dot is quoted in the path (a key, not a place) and still found."""
        data = {**s.unstructure(interview()), "team.size": 5}
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.problem, error.value) == (
            '$["team.size"]',
            "unknown key(s): 'team.size'",
            5,
        )


class TestAHistoryThatDoesNotFitItsInterview:
    """What `load_interview_file` says of a history its interview refuses: the file, the
    entry, the value, and how to mend it (the fourth and loop14 trials)."""

    REPLY = '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n'

    def test_an_event_before_the_interview(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        early = '\n[[event]]\ntype = "reply"\nat = 2026-07-01T09:00:00-04:00\n'
        path.write_text(INTERVIEW_TOML + self.REPLY + early)
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(path), "$.event[1].at")
        assert error.value == datetime(2026, 7, 1, 13, tzinfo=timezone.utc)
        assert error.problem == (
            "is before the interview at 2026-07-07T14:00:00-04:00 (got "
            "2026-07-01T09:00:00-04:00); if the interview moved, list the history with "
            "`followup events` and remove what no longer belongs with `followup unlog`; "
            "if the history is another interview's (one history file named by two "
            "interview files), give this one a file of its own"
        )

    def test_a_step_id_mistyped_in_the_interview_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        skip = '\n[[event]]\ntype = "skip"\nat = 2026-07-08T10:00:00-04:00\nstep = "thank_you"\n'
        path.write_text(INTERVIEW_TOML + self.REPLY + self.REPLY + skip)
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path, error.value) == (
            str(path),
            "$.event[2].step",
            "thank_you",
        )
        assert error.problem.startswith("is not a step of this interview (")
        assert error.problem.endswith(
            "; mend it here, or remove it: it is event 3 of `followup events`, and "
            "`followup unlog FILE 3` removes it"
        )

    def test_a_step_id_mistyped_in_a_json_history_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text('history = "acme.events.json"\n' + INTERVIEW_TOML)
        reply = {"type": "reply", "at": "2026-07-08T09:00:00-04:00"}
        skip = {"type": "skip", "at": "2026-07-08T10:00:00-04:00", "step": "thank_you"}
        history = tmp_path / "acme.events.json"
        history.write_text(json.dumps([reply, skip]))
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(history), "$[1].step")
        assert error.problem.endswith(
            "it is event 2 of `followup events`, and `followup unlog FILE 2` removes it"
        )


class TestDocumentLimits:
    def test_a_list_closed_before_does_not_count_toward_the_depth_after(self) -> None:
        """TOML: ``x = []`` closes; a list MAX_DEPTH deep below ``y`` is then refused at
        its key path (the tree's check), not as the line a bracket count overflowed on."""
        deep = "[" * s.MAX_DEPTH + "]" * s.MAX_DEPTH
        error = refusal(lambda: s.loads(f"x = []\ny = {deep}\n", fmt="toml", source="a.toml"))
        assert error.path == "$.y" + "[0]" * (s.MAX_DEPTH - 1)
        assert error.problem == f"nested deeper than {s.MAX_DEPTH} levels"

    def test_an_unknown_key_is_named_in_its_own_letters(self) -> None:
        data = {**s.unstructure(interview()), "Straße.Nr": "5"}
        error = refusal(lambda: s.structure(data, Interview))
        assert (error.path, error.value) == ('$["Straße.Nr"]', "5")


class TestAFormAsSent:
    """`interview_form`: an interview's keys as an HTML form sends them, read as its file's
    (the app5 trial), each rule of its documentation."""

    def test_every_rule_at_once(self) -> None:
        form = {
            "company": "Acme",
            "role": " ",
            "duration": "",
            "invited_to_call": "on",
            "interviewers": "Ana Ruiz; Bo Chen,\nCy Diaz",
            "topics": "SQL, dbt",
            "missed": "one, two\nthree",
            "requested": "references\n\nportfolio",
            "candidate": {"name": "Sam Lee", "email": " "},
            "recruiter": {"name": "Rita Cole", "phone": ""},
        }
        assert s.interview_form(form, source="form") == {
            "company": "Acme",
            "invited_to_call": True,
            "interviewers": ["Ana Ruiz", "Bo Chen", "Cy Diaz"],
            "topics": ["SQL", "dbt"],
            "missed": ["one, two", "three"],
            "requested": ["references", "portfolio"],
            "candidate": {"name": "Sam Lee"},
            "recruiter": {"name": "Rita Cole"},
        }

    def test_values_already_typed_are_kept(self) -> None:
        form = {"interviewers": [{"name": "Ana Ruiz", "email": ""}, "Bo Chen"], "topics": []}
        assert s.interview_form({**form, "invited_to_call": False}) == {
            "interviewers": [{"name": "Ana Ruiz"}, "Bo Chen"],
            "topics": [],
            "invited_to_call": False,
        }

    @pytest.mark.parametrize(
        ("typed", "meant"), [("off", False), (" Yes ", True), ("0", False), ("TRUE", True)]
    )
    def test_a_yes_or_no_in_words(self, typed: str, meant: bool) -> None:
        assert s.interview_form({"invited_to_call": typed}) == {"invited_to_call": meant}

    def test_other_words_are_refused_naming_the_form_and_the_field(self) -> None:
        error = refusal(lambda: s.interview_form({"invited_to_call": "maybe"}, source="form"))
        assert (error.source, error.path, error.value) == ("form", "$.invited_to_call", "maybe")
        assert error.problem == "expected yes or no (on, off, true, false, 1 or 0) (got 'maybe')"

    def test_structure_reads_an_interviews_form(self) -> None:
        data = {**s.unstructure(interview()), "interviewers": "Ana Ruiz, Bo Chen", "topics": ""}
        del data["format_version"]
        read = s.structure(data, Interview, form=True, source="form")
        assert ([person.name for person in read.interviewers], read.topics) == (
            ["Ana Ruiz", "Bo Chen"],
            (),
        )

    def test_structure_quotes_a_forms_field_as_typed(self) -> None:
        """Names read from one text, refused: the text typed is quoted, not the list."""
        data = {**s.unstructure(interview()), "interviewers": "Ana Ruiz, ana ruiz"}
        error = refusal(lambda: s.structure(data, Interview, form=True, source="form"))
        assert (error.source, error.path, error.value) == (
            "form",
            "$.interviewers",
            "Ana Ruiz, ana ruiz",
        )
        assert error.problem == "'ana ruiz' is listed twice (got 'Ana Ruiz, ana ruiz')"

    def test_structure_reads_an_events_form(self) -> None:
        call = {"at": "2026-07-08T09:00:00-04:00", "channel": "phone", "recipient": ""}
        read = s.structure({**call, "voicemail": "on"}, Contact, form=True)
        assert (read.voicemail, read.recipient) == (True, None)
        error = refusal(
            lambda: s.structure({**call, "voicemail": "maybe"}, Contact, form=True, source="form")
        )
        assert (error.source, error.path, error.value) == ("form", "$.voicemail", "maybe")


class TestJsonWritten:
    def test_what_json_cannot_write_is_refused_naming_the_value(self) -> None:
        value = {"a": object()}
        with pytest.raises(InvalidArgument) as raised:
            s.dumps_json(value)
        error = raised.value
        assert (error.field, error.value) == ("value", value)
        assert error.problem == (
            "cannot be written as JSON (Object of type object is not JSON serializable)"
        )


class TestTomlWritten:
    def test_a_policy_is_written_as_its_data_and_reads_back_equal(self) -> None:
        for policy in (Policy(min_gap=6), HousePolicy(level=Seniority.SENIOR, tags=["a"])):
            text = s.dumps_toml(policy)
            assert "min_gap = " in text
            assert s.policy_from(s.loads(text, fmt="toml"), policy_class=type(policy)) == policy

    def test_a_table_with_a_key_not_set_a_list_and_an_inline_table(self) -> None:
        data = {"a": None, "b": [1, "x"], "c": {"start": "10:00", "end": None}}
        assert s.dumps_toml(data) == '# a is not set\nb = [1, "x"]\nc = { start = "10:00" }\n'

    def test_what_is_no_table_is_refused(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            s.dumps_toml("min_gap = 6")  # type: ignore[arg-type]
        error = raised.value
        assert (error.field, error.value) == ("data", "min_gap = 6")
        assert error.problem == "expected a table (a mapping of keys to values)"

    def test_a_value_toml_cannot_write_is_refused_naming_its_key(self) -> None:
        value = object()
        with pytest.raises(InvalidArgument) as raised:
            s.dumps_toml({"min_gap": 6, "when": value})
        error = raised.value
        assert (error.field, error.value, error.problem) == (
            "data.when",
            value,
            "cannot write object as TOML",
        )


SAM_IN_BERLIN = Candidate("Sam Lee", timezone="Europe/Berlin", language="de")


def _unreadable_row() -> Application:
    """A loader whose row no longer reads (`agenda_many`'s ``unread``), with no key."""
    raise s.FormatError("row7.json", "$.company", "is required: fill it in")


class _Unreadable:
    """The same loader, with the row's key."""

    key = 7

    def __call__(self) -> Application:
        return _unreadable_row()


class TestAnAgendaForAFrontEnd:
    """What `unstructure` writes of an agenda: each key the documentation lists, each time on
    its own clock, the words in the candidate's language (German here)."""

    def merged(self) -> dict[str, Any]:
        good = Application(interview(candidate=SAM_IN_BERLIN), name="acme", key=("sam", 1))
        early = Application(interview(), name="bad", history=(Reply(at(2024, 6, 1, 9)),))
        applications: list[Any] = [good, early, _Unreadable(), _unreadable_row]
        day = agenda_many(applications, at(2024, 7, 5, 9), skip_invalid=True, per_candidate=5)
        return s.unstructure(day)  # type: ignore[no-any-return]

    def test_a_late_entry(self) -> None:
        entry = self.merged()["entries"][0]
        assert entry == {
            "application": {
                "key": ["sam", 1],
                "name": "acme",
                "label": "acme",
                "company": "Acme Analytics",
                "role": "Data Engineer",
            },
            "shown_at": "2024-07-05T15:00:00+02:00",
            "in_days": 0,
            "id": "thank_you-ana-ruiz-64fde26eb859-1-f9b8d08d8e2b6805@followup-rules",
            "description": "Dankes-E-Mail an Ana Ruiz senden",
            "locale": "de",
            "standing": "late",
            "reason": None,
            "note": "verspätet: so bald wie möglich erledigen",
            "why": entry["why"],
            "to_do": True,
            "doable_at": "2024-07-05T09:00:00-04:00",
            "late_since": "2024-07-03T15:00:00-04:00",
            "kind": "thank_you",
            "channel": "email",
            "recipient": "Ana Ruiz",
            "suggested": "2024-07-05T09:00:00-04:00",
            "their_window": {
                "start": "2024-07-05T09:00:00-04:00",
                "end": "2024-07-05T17:00:00-04:00",
                "timezone": "America/New_York",
            },
            "your_window": {
                "start": "2024-07-05T15:00:00+02:00",
                "end": "2024-07-05T23:00:00+02:00",
                "timezone": "Europe/Berlin",
            },
            "rule": "thank-you",
        }
        assert entry["why"].startswith("Bald danach jeder beteiligten Person einzeln danken")

    def test_a_superseded_entry(self) -> None:
        entry = self.merged()["superseded"][0]
        assert (entry["in_days"], entry["standing"], entry["reason"], entry["note"]) == (
            -3,
            "superseded",
            "interview_over",
            "nicht mehr nötig: das Gespräch ist vorbei",
        )
        assert (entry["doable_at"], entry["late_since"]) == (None, "2024-07-02T15:00:00-04:00")

    def test_the_list_its_counts_and_what_was_left_out(self) -> None:
        data = self.merged()
        del data["entries"], data["superseded"]
        assert data == {
            "format_version": 1,
            "now": "2024-07-05T13:00:00+00:00",
            "counts": {"applications": 1, "late": 2, "due": 0, "coming": 3, "superseded": 5},
            "limit": None,
            "per_candidate": 5,
            "changes_at": "2024-07-05T17:00:00-04:00",
            "failed": [
                {
                    "application": {
                        "key": None,
                        "name": "bad",
                        "label": "bad",
                        "company": "Acme Analytics",
                        "role": "Data Engineer",
                    },
                    "field": "history[0].at",
                    "error": "history[0].at = 2024-06-01T09:00:00-04:00 (America/New_York): "
                    "is before the interview at 2024-07-02T14:00:00-04:00",
                }
            ],
            "unread": [
                {
                    "row": 7,
                    "error": "FormatError",
                    "field": "row7.json: $.company",
                    "key": "company",
                    "value": None,
                    "problem": "is required: fill it in",
                    "text": "row7.json: $.company: is required: fill it in",
                },
                {  # a loader with no key: no row to name
                    "row": None,
                    "error": "FormatError",
                    "field": "row7.json: $.company",
                    "key": "company",
                    "value": None,
                    "problem": "is required: fill it in",
                    "text": "row7.json: $.company: is required: fill it in",
                },
            ],
        }

    def test_a_list_of_nothing_never_changes(self) -> None:
        data = s.unstructure(agenda_many([], at(2024, 7, 5, 9)))
        assert (data["entries"], data["changes_at"]) == ([], None)

    def test_windows_at_fixed_offsets_are_named_by_them(self) -> None:
        """A candidate at +05:30 and an interviewer at -03:00: each window names its offset
        as the zone given (a fixed offset's time names no zone by itself)."""
        held = interview(
            candidate=Candidate("Sam Lee", timezone="+05:30"),
            interviewers=[Interviewer("Ana Ruiz", timezone="-03:00")],
        )
        (item, *_) = Application(held).agenda(at(2024, 7, 3, 9)).due
        data = s.unstructure(item)
        assert (data["their_window"]["timezone"], data["your_window"]["timezone"]) == (
            "-03:00",
            "+05:30",
        )

    def test_one_applications_agenda(self) -> None:
        today = Application(interview(candidate=SAM_IN_BERLIN)).agenda(at(2024, 7, 5, 9))
        data = s.unstructure(today)
        assert {key: len(value) for key, value in data.items() if isinstance(value, list)} == {
            "overdue": len(today.overdue),
            "due": len(today.due),
            "coming": len(today.coming),
        }
        assert [item["id"] for item in data["coming"]] == [item.id for item in today.coming]
        assert [item["id"] for item in data["overdue"]] == [item.id for item in today.overdue]
        del data["overdue"], data["due"], data["coming"]
        assert data == {
            "format_version": 1,
            "now": "2024-07-05T13:00:00+00:00",
            "until": "2024-07-05T13:00:00+00:00",
            "changes_at": "2024-07-05T17:00:00-04:00",
        }


class TestADraftForAFrontEnd:
    def test_its_file_step_words_warnings_and_message(self) -> None:
        from followup_rules.export import drafts

        sam = Candidate("Sam Lee", email="sam@example.com")
        (draft, *_) = drafts([Application(interview(candidate=sam))], now=at(2024, 7, 3, 9))
        data = s.unstructure(draft)
        assert {key: data[key] for key in ("path", "description", "warnings")} == {
            "path": "01-thank_you-ana-ruiz.eml",
            "description": "Send Ana Ruiz a thank-you e-mail",
            "warnings": [],
        }
        assert (data["step"], data["message_id"]) == (draft.step, draft.message_id)
        assert data["step"].startswith("thank_you-ana-ruiz-")
        assert data["eml"].startswith("To: Ana Ruiz <ana@acme.example>\nFrom: Sam Lee <sam@")
        assert data["eml"] == draft.message.as_bytes().decode("utf-8")


class TestAnEventsTimesTypedInAZone:
    """`structure_event` with *zone*: a local time is read in it, unless a zone key of the
    event's own places it (``timezone`` for the first time, ``until_timezone``...)."""

    def test_each_time_in_the_zone_its_key_names(self) -> None:
        data = {
            "type": "snooze",
            "step": "thank_you-ana-ruiz",
            "at": "2026-07-08T09:00",
            "until": "2026-07-10T09:00",
            "until_timezone": "Asia/Tokyo",
        }
        event = s.structure_event(data, zone="Europe/Berlin")
        assert (event.at.isoformat(), event.until.isoformat()) == (  # type: ignore[union-attr]
            "2026-07-08T09:00:00+02:00",
            "2026-07-10T09:00:00+09:00",
        )

    def test_the_events_own_timezone_key(self) -> None:
        data = {"type": "reply", "at": "2026-07-08T09:00", "timezone": "Asia/Tokyo"}
        event = s.structure_event(data, zone="Europe/Berlin")
        assert event.at.isoformat() == "2026-07-08T09:00:00+09:00"

    def test_a_form_refused_without_a_source_names_data(self) -> None:
        error = refusal(lambda: s.interview_form({"invited_to_call": "maybe"}))
        assert error.field == "<data>: $.invited_to_call"

    def test_a_time_given_as_a_datetime_leaves_the_next_one_typed_read(self) -> None:
        """``at`` given as a datetime (a TOML one): ``until``, typed, is still read."""
        data = {
            "type": "snooze",
            "step": "thank_you-ana-ruiz",
            "at": pendulum.datetime(2026, 7, 8, 9, tz="UTC"),
            "until": "2026-07-10T09:00",
        }
        event = s.structure_event(data, zone="Europe/Berlin")
        assert event.until.isoformat() == "2026-07-10T09:00:00+02:00"  # type: ignore[union-attr]

    def test_a_word_for_the_present_needs_now(self) -> None:
        data = {"type": "reply", "at": " Today "}
        error = refusal(lambda: s.structure_event(data, zone="Europe/Berlin", source="form"))
        assert (error.field, error.value) == ("form: $.at", " Today ")
        assert error.problem == "' Today ' is read from the present moment: pass now= too"

    def test_a_time_that_reads_as_nothing_is_refused_where_it_sits(self) -> None:
        data = {"type": "reply", "at": "2026-13-45"}
        error = refusal(
            lambda: s.structure_event(data, zone="Europe/Berlin", source="form", root="$.event[0]")
        )
        assert (error.field, error.value) == ("form: $.event[0].at", "2026-13-45")
        assert error.problem.startswith("is not 'now', 'today', 'yesterday', 'tomorrow', a ")
        assert error.problem.endswith(" (got '2026-13-45')")

    NOW = pendulum.datetime(2026, 7, 13, 15, 0, 0, 250000, tz="Europe/Berlin")

    @pytest.mark.parametrize(
        ("typed", "said"),
        [
            ("2026-07-20T09:00:00+02:00", "'2026-07-20T09:00:00+02:00'"),
            ("2026-07-20T09:00:00.5", "'2026-07-20T09:00:00.5' (2026-07-20T09:00:00+02:00)"),
        ],
    )
    def test_a_time_after_now_is_quoted_as_typed_and_read(self, typed: str, said: str) -> None:
        """The time read is shown only when it is not what was typed; both to the second."""
        data = {"type": "reply", "at": typed}
        error = refusal(lambda: s.structure_event(data, zone="Europe/Berlin", now=self.NOW))
        assert error.problem == (
            f"{said} is after now (2026-07-13T15:00:00+02:00): an event is recorded once it "
            "has happened"
        )

    def test_an_event_at_the_very_start_of_the_interview_is_taken(self) -> None:
        held = interview()
        data = {"type": "reply", "at": held.starts_at.isoformat()}
        event = s.structure_event(data, zone=held, now=at(2024, 7, 5, 9))
        assert event.at == held.starts_at


class TestAnInterviewersTableOfChanges:
    """`edit_application` with ``interviewers`` as a table of names: only a person of the
    interview is changed (renamed here), anything else refused naming what was given."""

    def test_a_person_renamed(self) -> None:
        change = {"interviewers": {"Ana Ruiz": {"name": "Ana Ruiz-Lopez"}}}
        edited = s.edit_application(Application(interview()), change)
        assert [person.name for person in edited.interview.interviewers] == [
            "Ana Ruiz-Lopez",
            "Bo Chen",
        ]

    def test_someone_not_on_the_interview(self) -> None:
        change = {"interviewers": {"Zed Quinn": {"name": "Zed Q"}}}
        error = refusal(lambda: s.edit_application(Application(interview()), change))
        assert (error.path, error.problem) == (
            "$.interviewers",
            "'Zed Quinn' is not one of the interviewers",
        )

    def test_a_name_where_a_table_of_fields_is_due(self) -> None:
        change = {"interviewers": {"Ana Ruiz": "Ana Ruiz-Lopez"}}
        error = refusal(lambda: s.edit_application(Application(interview()), change))
        assert (error.path, error.problem) == (
            "$.interviewers",
            "expected a table of their fields, got 'Ana Ruiz-Lopez'",
        )
