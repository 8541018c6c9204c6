"""What `serialize` reads and edits: an application's interview edited as a person or a
form gives it, and the refusals it names.

Issue 20, item 9 (twentieth pass of mutation testing, `serialize`, part A; see
benchmarks/README.md, "Twentieth pass, `serialize`"): each test pins what a user or
an app relies on: the argument an edit refuses named, the form or file named in
every refusal, a form's blank fields left out whatever their key, a name corrected
along with other details, the key an edit the history refuses is said of.
"""

from __future__ import annotations

import json
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest

from followup_rules import (
    AgendaItem,
    Application,
    Channel,
    Contact,
    FormatError,
    Interview,
    InvalidArgument,
    InvalidHistory,
    Policy,
    Reply,
    Snooze,
    Standing,
    plan,
)
from followup_rules import serialize as s

from .factories import at, interview
from .test_integrator12 import TeamPolicy
from .test_serialize import INTERVIEW_TOML

REPLY = Reply(at(2024, 7, 3, 9), sender="Ana Ruiz")


def _application(*history: Any) -> Application:
    return Application(interview(), list(history))


def _refusal(call: Any) -> FormatError:
    with pytest.raises(FormatError) as raised:
        call()
    return raised.value


def _conflict(call: Any) -> InvalidHistory:
    with pytest.raises(InvalidHistory) as raised:
        call()
    return raised.value


# -- edit_application: what it refuses, and where ---------------------------------------


@pytest.mark.parametrize(
    ("application", "changes", "said"),
    [
        ("acme", {}, ("application", "acme", "expected an Application")),
        (None, ["company"], ("changes", ["company"], "expected a table of interview file keys")),
    ],
)
def test_an_edit_names_the_argument_it_cannot_use(
    application: Any, changes: Any, said: tuple[Any, ...]
) -> None:
    """A web app passing the wrong thing learns which argument, and what was expected."""
    app = _application() if application is None else application
    with pytest.raises(InvalidArgument) as raised:
        s.edit_application(app, changes)
    assert (raised.value.field, raised.value.value, raised.value.problem) == said


def test_an_edits_refusals_name_the_form_or_the_default_source() -> None:
    """Every refusal names *source*: the form's flags, its people, the file's keys."""
    app = _application()
    cases: list[tuple[Any, str]] = [
        (lambda: s.edit_application(app, {"compny": "X"}), "<data>: $.compny"),
        (lambda: s.edit_application(app, {"compny": "X"}, source="form"), "form: $.compny"),
        (
            lambda: s.edit_application(
                app, {"invited_to_call": "maybe"}, source="form", form=True
            ),
            "form: $.invited_to_call",
        ),
        (
            lambda: s.edit_application(app, {"interviewers": {"Zed": {}}}, source="form"),
            "form: $.interviewers",
        ),
        (
            lambda: s.edit_application(
                app, {"interviewers": ["Ana Ruiz", "ana ruiz"]}, source="form"
            ),
            "form: $.interviewers",
        ),
    ]
    for call, field in cases:
        assert _refusal(call).field == field


def test_a_forms_blank_field_is_left_out_whatever_its_key() -> None:
    """A form's empty input (a button, a field the page adds) is dropped, as `structure` does."""
    app = _application()
    edited = s.edit_application(app, {"company": "Acme SE", "submit": ""}, form=True)
    assert edited.interview.company == "Acme SE"
    made = s.structure({**s.unstructure(app.interview), "submit": ""}, Interview, form=True)
    assert made.company == app.interview.company


def test_a_name_corrected_with_other_details_in_one_table() -> None:
    """A renamed person's other fields change with the name; the others' names stay checked."""
    app = _application()
    edited = s.edit_application(
        app,
        {
            "interviewers": {
                "Ana Ruiz": {"name": "Ana Ruíz", "email": "ana@new.example"},
                "Bo Chen": {"title": "CTO"},
            }
        },
    )
    people = [(p.name, p.email, p.title) for p in edited.interview.interviewers]
    assert people == [
        ("Ana Ruíz", "ana@new.example", "Engineering Manager"),
        ("Bo Chen", "bo@acme.example", "CTO"),
    ]
    blank = _refusal(
        lambda: s.edit_application(
            app, {"interviewers": {"Ana Ruiz": {"name": "Ana Ruíz"}, "Bo Chen": {"name": " "}}}
        )
    )
    assert (blank.path, blank.value) == ("$.interviewers[1].name", " ")


def test_a_rename_to_someone_elses_name_is_refused_naming_it() -> None:
    refused = _refusal(
        lambda: s.edit_application(
            _application(), {"interviewers": {"Ana Ruiz": {"name": "Bo Chen"}}}, source="form"
        )
    )
    assert (refused.field, refused.value, refused.problem) == (
        "form: $.interviewers",
        "Bo Chen",
        "'Bo Chen' is the name of someone else on the interview",
    )


# -- an edit the history refuses: said of the key edited -------------------------------


def test_the_conflict_is_said_of_the_key_that_made_it() -> None:
    """Of several keys edited, the one the event's attribute depends on is named."""
    app = _application(REPLY)
    people = _conflict(
        lambda: s.edit_application(app, {"company": "X", "interviewers": ["Bo Chen"]})
    )
    assert (people.field, people.value) == ("interviewers", ["Bo Chen"])
    assert people.problem.startswith(
        "conflicts with event 1 of the history (a reply from Ana Ruiz, Wed 3 Jul 09:00): "
        "its sender 'Ana Ruiz' is not an interviewer or the recruiter of this interview"
    )
    later = "2024-07-05T09:00:00-04:00"
    moved = _conflict(lambda: s.edit_application(app, {"company": "X", "starts_at": later}))
    assert (moved.field, moved.value, moved.problem) == (
        "starts_at",
        later,
        "conflicts with event 1 of the history (a reply from Ana Ruiz, Wed 3 Jul 09:00): "
        "it is before the interview at 2024-07-05T09:00:00-04:00",
    )
    check_in = Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Ana Ruiz")
    sent = _conflict(
        lambda: s.edit_application(
            _application(check_in), {"company": "X", "interviewers": ["Bo Chen"]}
        )
    )
    assert sent.field == "interviewers"
    assert "its recipient 'Ana Ruiz' is not an interviewer" in sent.problem


def test_an_interviewers_table_refuses_in_words() -> None:
    """A table of names' changes names the person, or the change that is no table."""
    app = _application()
    cases = {
        "Zed": ({"Zed": {"email": "z@x.example"}}, "'Zed' is not one of the interviewers"),
        "Ana Ruiz": ({"Ana Ruiz": "x"}, "expected a table of their fields, got 'x'"),
    }
    for name, (change, problem) in cases.items():
        refused = _refusal(
            lambda change=change: s.edit_application(app, {"interviewers": change}, source="f")
        )
        assert (refused.field, refused.value, refused.problem) == (
            "f: $.interviewers",
            name,
            problem,
        )


def test_a_list_of_people_keeps_what_each_table_does_not_change() -> None:
    """``[{"name": "Ana Ruiz", "title": "CTO"}, "Bo Chen"]`` keeps both e-mails."""
    edited = s.edit_application(
        _application(), {"interviewers": [{"name": "Ana Ruiz", "title": "CTO"}, "Bo Chen"]}
    )
    assert [(p.name, p.email, p.title) for p in edited.interview.interviewers] == [
        ("Ana Ruiz", "ana@acme.example", "CTO"),
        ("Bo Chen", "bo@acme.example", "Staff Engineer"),
    ]


@pytest.mark.parametrize(
    ("person", "path"), [(5, "$.interviewers[1]"), ({"name": 5}, "$.interviewers[1].name")]
)
def test_a_list_of_people_with_no_name_is_refused_at_its_place(person: Any, path: str) -> None:
    refused = _refusal(
        lambda: s.edit_application(_application(), {"interviewers": ["Ana Ruiz", person]})
    )
    assert (refused.path, refused.value) == (path, 5)


def test_a_forms_refusal_quotes_what_was_typed_where_it_was_typed() -> None:
    """The whole typed text at a form's key; a nested field's own value at its path."""
    app = _application()
    typed = "Ana Ruiz, ana ruiz"
    twice = _refusal(
        lambda: s.edit_application(app, {"interviewers": typed}, source="form", form=True)
    )
    assert (twice.field, twice.value, twice.problem) == (
        "form: $.interviewers",
        typed,
        f"'ana ruiz' is listed twice (got {typed!r})",
    )
    nested = _refusal(
        lambda: s.edit_application(
            app, {"candidate": {"name": "Sam", "email": "bad"}}, source="form", form=True
        )
    )
    assert (nested.field, nested.value) == ("form: $.candidate.email", "bad")


# -- an event from a form ----------------------------------------------------------------


def test_an_events_form_reads_every_field_after_a_blank_one() -> None:
    """An input left empty is left out; the checkbox after it is still read."""
    data = {"at": "2024-07-03T09:00:00-04:00", "channel": "phone", "note": "", "voicemail": "on"}
    assert s.structure(data, Contact, form=True).voicemail is True
    event = s.structure_event({"type": "contact", **data}, form=True)
    assert isinstance(event, Contact) and event.voicemail is True


def test_an_events_form_refusals_name_the_key_under_the_root() -> None:
    bad = {"at": "2024-07-03T09:00:00-04:00", "channel": "phone", "voicemail": "maybe"}
    refused = _refusal(lambda: s.structure(bad, Contact, source="form", form=True))
    assert (refused.field, refused.value) == ("form: $.voicemail", "maybe")
    kind = _refusal(
        lambda: s.structure_event({**bad, "type": ["contact"]}, source="form", form=True)
    )
    assert (kind.field, kind.value) == ("form: $.type", ["contact"])


# -- times read ----------------------------------------------------------------------------


def test_a_one_digit_hour_reads_as_parse_when_reads_it() -> None:
    """``2026-07-16T9:00-04:00`` is 09:00, in every field that reads a date-time."""
    assert s.parse_datetime("2026-07-16T9:00-04:00") == s.parse_datetime(
        "2026-07-16T09:00:00-04:00"
    )
    assert s.parse_datetime("2026-07-16 9:05[America/New_York]").hour == 9


def test_a_time_without_a_zone_is_refused_saying_how_to_give_one() -> None:
    with pytest.raises(ValueError, match="has no time zone") as raised:
        s.parse_aware_datetime("2024-07-03T09:00")
    assert str(raised.value) == (
        "2024-07-03T09:00:00 (no time zone) has no time zone (add an offset like -04:00 or Z)"
    )


def test_a_snoozes_until_is_placed_in_its_own_zone() -> None:
    """``until_timezone`` places ``until``; ``timezone`` the ``at``; written back the same."""
    step = plan(interview(id="acme-1")).ids[1]
    data = {
        "at": "2024-07-03T09:00:00",
        "timezone": "America/New_York",
        "step": step,
        "until": "2024-07-10T09:00:00",
        "until_timezone": "Europe/Berlin",
    }
    snooze = s.structure(data, Snooze)
    assert snooze.at == pendulum.datetime(2024, 7, 3, 9, tz="America/New_York")
    assert snooze.until == pendulum.datetime(2024, 7, 10, 9, tz="Europe/Berlin")
    assert s.zone_name_of(snooze.until) == "Europe/Berlin"
    written = s.unstructure(snooze)
    assert (written["until"], written["until_timezone"]) == (
        "2024-07-10T09:00:00+02:00",
        "Europe/Berlin",
    )
    assert s.structure(written, Snooze) == snooze


def test_a_zone_key_for_no_date_time_of_the_event_is_an_unknown_key() -> None:
    """``sender_timezone`` names no date-time of a contact: refused, not silently dropped."""
    refused = _refusal(
        lambda: s.structure(
            {"at": "2024-07-03T09:00:00-04:00", "channel": "email", "sender_timezone": "UTC"},
            Contact,
        )
    )
    assert (refused.path, refused.value) == ("$.sender_timezone", "UTC")
    assert "unknown key" in refused.problem


def test_a_null_zone_key_is_no_zone_and_a_bad_one_is_named() -> None:
    """JSON ``"timezone": null`` beside a time with its offset is fine; a zone key with no
    time to place is still checked, and named."""
    data = {"at": "2024-07-03T09:00:00-04:00", "channel": "email"}
    assert s.structure({**data, "timezone": None}, Contact) == s.structure(data, Contact)
    refused = _refusal(lambda: s.structure({"channel": "email", "timezone": "Mars/Base"}, Contact))
    assert (refused.path, refused.value) == ("$.timezone", "Mars/Base")
    assert refused.problem.startswith("unknown time zone 'Mars/Base'")


@pytest.mark.parametrize("seconds", [float("nan"), float("inf"), float("-inf")])
def test_a_duration_that_is_no_finite_number_is_refused_in_words(seconds: float) -> None:
    """TOML's ``nan`` and ``inf`` are floats: refused as such, not as an overflow."""
    with pytest.raises(ValueError, match="finite") as raised:
        s.parse_duration(seconds)
    assert str(raised.value) == f"{seconds} is not a finite number of seconds"


def test_a_number_of_seconds_may_be_a_year_and_no_more() -> None:
    """366 days of seconds is a duration; a second more is refused in words."""
    year = 366 * 86400
    assert s.parse_duration(year) == timedelta(days=366)
    assert s.parse_duration(-year) == timedelta(days=-366)
    for more in (year + 1, -year - 1, year + 0.5):
        with pytest.raises(ValueError, match="more than a year") as raised:
            s.parse_duration(more)
        assert str(raised.value) == f"{more} seconds is more than a year"


def test_a_fraction_of_a_second_is_kept() -> None:
    """A file's ``duration = 90.5`` is ninety and a half seconds."""
    assert s.parse_duration(90.5) == timedelta(seconds=90, microseconds=500000)


def test_a_wall_time_is_written_as_short_as_reads_back_equal() -> None:
    """``10:30``, ``10:30:15``, ``10:30:00.5``: seconds and fractions only when there."""
    written = {
        time(10, 30): "10:30",
        time(10, 30, 15): "10:30:15",
        time(10, 30, 0, 500000): "10:30:00.5",
        time(10, 30, 15, 120): "10:30:15.00012",
    }
    for value, text in written.items():
        assert s.format_time(value) == text
        assert s.parse_wall_time(text) == value


def test_a_second_zone_key_is_written_only_for_another_named_zone() -> None:
    """``until`` in the ``at``'s zone, or at a bare offset (its text holds it): no key."""
    step = plan(interview(id="acme-1")).ids[1]
    for until, text in [
        (pendulum.datetime(2024, 7, 10, 9, tz="America/New_York"), "2024-07-10T09:00:00-04:00"),
        (
            pendulum.datetime(2024, 7, 10, 9, tz=pendulum.FixedTimezone(7200)),
            "2024-07-10T09:00:00+02:00",
        ),
    ]:
        snooze = Snooze(at(2024, 7, 3, 9), step, until)
        written = s.unstructure(snooze)
        assert written["until"] == text and written["timezone"] == "America/New_York"
        assert "until_timezone" not in written
        assert s.structure(written, Snooze) == snooze


# -- an application read back ----------------------------------------------------------


def test_an_application_reads_its_parts_as_written_alone() -> None:
    """The interview as `unstructure` writes it alone (with its ``format_version``) is read;
    each part's version, and the whole's, is checked where it stands, naming the file."""
    app = Application(interview(), [], Policy(max_check_ins=1))
    whole = s.unstructure(app)
    alone = s.unstructure(app.interview)
    assert alone["format_version"] == 1
    assert s.structure({**whole, "interview": alone}, Application) == app
    policy = {**s.unstructure(app.policy), "format_version": 1}
    assert s.structure({**whole, "policy": policy}, Application) == app
    cases = {
        "app.json: $.format_version": {**whole, "format_version": 99},
        "app.json: $.interview.format_version": {
            **whole,
            "interview": {**alone, "format_version": 99},
        },
        "app.json: $.policy.format_version": {**whole, "policy": {**policy, "format_version": 0}},
    }
    for field, data in cases.items():
        refused = _refusal(lambda data=data: s.structure(data, Application, source="app.json"))
        assert refused.field == field
        assert refused.problem.startswith("is version ")


@pytest.mark.parametrize("kind", [Application, Interview, Policy, Contact])
@pytest.mark.parametrize(("data", "shown"), [("acme", "'acme'"), ([1], "[1]"), (5, "5")])
def test_a_document_that_is_no_table_is_refused_in_words(
    kind: type, data: Any, shown: str
) -> None:
    """Bug found by this pass: "'str' object has no attribute 'keys'" (or "argument of type
    'int' is not iterable") was the whole problem, Python's words, not the file's."""
    refused = _refusal(lambda: s.structure(data, kind, source="app.json"))
    assert (refused.source, refused.path) == ("app.json", "$")
    assert refused.problem == f"expected a table of keys and values, got {shown}"


@pytest.mark.parametrize(
    ("key", "given", "path"),
    [
        ("candidate", "Sam", "$.candidate"),
        ("recruiter", ["Rita"], "$.recruiter"),
        ("interviewers", ["Ana Ruiz", 5], "$.interviewers[1]"),
    ],
)
def test_a_person_given_as_no_table_is_refused_at_their_key(
    key: str, given: Any, path: str
) -> None:
    """The same bug one level down: a person's table given as a name or a number."""
    data = {**s.unstructure(interview()), key: given}
    refused = _refusal(lambda: s.structure(data, Interview, source="form"))
    value = given[1] if isinstance(given, list) and key == "interviewers" else given
    assert (refused.field, refused.value) == (f"form: {path}", value)
    assert refused.problem.startswith("expected a table of keys and values, got ")


def test_an_application_without_its_optional_parts_is_read() -> None:
    """No ``policy`` key is no policy; no ``interview`` is refused as missing, named."""
    app = Application(interview())
    whole = s.unstructure(app)
    assert s.structure({k: v for k, v in whole.items() if k != "policy"}, Application) == app
    refused = _refusal(
        lambda: s.structure({k: v for k, v in whole.items() if k != "interview"}, Application)
    )
    assert (refused.path, refused.problem) == ("$.interview", "is required: fill it in")


@pytest.mark.parametrize(
    ("version", "problem"),
    [
        ("1", "expected a whole number, got '1'"),
        (True, "expected a whole number, got True"),
        (
            2,
            "is version 2 of the library's JSON, which this version of followup_rules does "
            "not read (it reads 1 to 1): upgrade followup_rules to read it",
        ),
        (
            0,
            "is version 0 of the library's JSON, which this version of followup_rules does "
            "not read (it reads 1 to 1): versions start at 1",
        ),
    ],
)
def test_a_format_version_refused_says_why_and_holds_what_was_given(
    version: Any, problem: str
) -> None:
    data = {**s.unstructure(interview()), "format_version": version}
    refused = _refusal(lambda: s.structure(data, Interview, source="acme.json"))
    assert (refused.field, refused.value, refused.problem) == (
        "acme.json: $.format_version",
        version,
        problem,
    )


def test_an_applications_key_read_back_or_refused_at_its_place() -> None:
    app = Application(interview(), key=("lena", 3))
    data = s.unstructure(app)
    assert data["key"] == ["lena", 3]
    assert s.structure(data, Application).key == ("lena", 3)
    refused = _refusal(
        lambda: s.structure({**data, "key": {"a": 1}}, Application, source="app.json")
    )
    assert (refused.field, refused.value) == ("app.json: $.key", {"a": 1})


# -- one event from a request or a form ----------------------------------------------------

CALL = {"type": "contact", "at": "2024-07-03T09:00:00-04:00", "channel": "phone"}


def test_an_event_is_read_as_a_form_only_when_asked() -> None:
    """Without ``form=True``, a checkbox's ``"on"`` is refused, as a file's would be."""
    refused = _refusal(lambda: s.structure_event({**CALL, "voicemail": "on"}))
    assert (refused.field, refused.value) == ("<data>: $.voicemail", "on")
    event = s.structure_event({**CALL, "voicemail": "on"}, form=True)
    assert isinstance(event, Contact) and event.voicemail is True


def test_an_events_refusals_name_the_source_and_its_place_in_a_larger_document() -> None:
    root = "$.events[2]"
    cases: list[tuple[Any, str, Any, str]] = [
        ("call", root, None, "expected an event (a table), got 'call'"),
        (
            {**CALL, "type": "call"},
            f"{root}.type",
            "call",
            "expected one of contact, reply, update, out_of_office, skip, snooze, got 'call'",
        ),
        (
            {"at": CALL["at"]},
            f"{root}.type",
            None,
            "expected one of contact, reply, update, out_of_office, skip, snooze, got no type",
        ),
        (
            {**CALL, "voicemail": "maybe"},
            f"{root}.voicemail",
            "maybe",
            "expected yes or no (on, off, true, false, 1 or 0) (got 'maybe')",
        ),
        ({**CALL, "channel": "pigeon"}, f"{root}.channel", "pigeon", ""),
    ]
    for data, path, value, problem in cases:
        refused = _refusal(
            lambda data=data: s.structure_event(data, source="form", root=root, form=True)
        )
        assert (refused.field, refused.value) == (f"form: {path}", value)
        assert refused.problem.startswith(problem)


def test_an_events_typed_times_are_read_in_the_zone_from_now() -> None:
    now = pendulum.datetime(2024, 7, 3, 15, tz="Europe/Berlin")
    typed = {**CALL, "at": "now"}
    event = s.structure_event(typed, zone="Europe/Berlin", now=now)
    assert event.at == now
    local = s.structure_event({**CALL, "at": "2024-07-03T09:00"}, zone="Europe/Berlin")
    assert local.at == pendulum.datetime(2024, 7, 3, 9, tz="Europe/Berlin")
    refused = _refusal(
        lambda: s.structure_event(typed, source="form", root="$.events[0]", zone="UTC")
    )
    assert (refused.field, refused.value) == ("form: $.events[0].at", "now")
    assert refused.problem == "'now' is read from the present moment: pass now= too"


# -- files read ----------------------------------------------------------------------------

HISTORY_ONLY = "a history file (events only), not an interview"


def test_an_interview_file_holding_a_history_its_name_and_a_policy_is_read(
    tmp_path: Path,
) -> None:
    """``history``, ``[policy]`` and ``[[event]]`` together: the interview is still read."""
    path = tmp_path / "acme.toml"
    path.write_text(
        'history = "acme.events.toml"\n'
        + INTERVIEW_TOML
        + "\n[policy]\nmax_check_ins = 1\n\n"
        + '[[event]]\ntype = "reply"\nat = 2026-07-20T09:00:00-04:00\n',
        encoding="utf-8",
    )
    assert s.load_interview(path).company == "Acme Analytics"


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (
            "acme.events.toml",
            'format_version = 1\n[[event]]\ntype = "reply"\nat = 2026-07-20T09:00:00-04:00\n',
        ),
        ("acme.events.json", json.dumps([{"type": "reply", "at": "2026-07-20T09:00:00-04:00"}])),
    ],
)
def test_a_history_file_given_as_the_interview_is_told_apart(
    tmp_path: Path, name: str, text: str
) -> None:
    """With its ``format_version`` too, or as a bare JSON list: named a history file."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    refused = _refusal(lambda: s.load_interview(path))
    assert refused.source == str(path) and HISTORY_ONLY in refused.problem


@pytest.mark.parametrize("given", ["5", '""', "[1]"])
def test_an_interview_files_policy_that_is_no_file_name_nor_table_is_refused(
    tmp_path: Path, given: str
) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(f"policy = {given}\n" + INTERVIEW_TOML, encoding="utf-8")
    refused = _refusal(lambda: s.load_interview_file(path))
    assert (refused.field, refused.problem) == (
        f"{path}: $.policy",
        "expected the name of a policy file, or a [policy] table",
    )
    assert json.dumps(refused.value) == given


def test_a_bad_value_in_an_application_is_quoted_as_the_document_holds_it() -> None:
    """The text a duration could not be read from, under the plain policy or the app's."""
    whole = s.unstructure(Application(interview(), [], Policy(max_check_ins=1)))
    interview_data = {**whole["interview"], "duration": "90 minutes"}
    policy_data = {**whole["policy"], "thank_you_within": "soon"}
    cases: list[tuple[dict[str, Any], type[Policy], str, str]] = [
        ({**whole, "interview": interview_data}, Policy, "$.interview.duration", "90 minutes"),
        ({**whole, "policy": policy_data}, Policy, "$.policy.thank_you_within", "soon"),
        ({**whole, "policy": policy_data}, TeamPolicy, "$.policy.thank_you_within", "soon"),
    ]
    for data, policy_class, path, value in cases:
        refused = _refusal(
            lambda data=data, policy_class=policy_class: s.structure(
                data, Application, source="app.json", policy_class=policy_class
            )
        )
        assert (refused.field, refused.value) == (f"app.json: {path}", value)


def test_a_policy_file_refused_is_named(tmp_path: Path) -> None:
    path = tmp_path / "team.toml"
    path.write_text('thank_you_within = "soon"\n', encoding="utf-8")
    refused = _refusal(lambda: s.load_policy(path))
    assert (refused.field, refused.value) == (f"{path}: $.thank_you_within", "soon")


def test_an_interview_files_policy_file_is_read_as_the_apps_class(tmp_path: Path) -> None:
    """``policy = "team.toml"``: read as *policy_class*; a name of no file is refused."""
    (tmp_path / "team.toml").write_text(s.dumps_toml(TeamPolicy(team="red")), encoding="utf-8")
    path = tmp_path / "acme.toml"
    path.write_text('policy = "team.toml"\n' + INTERVIEW_TOML, encoding="utf-8")
    read = s.load_interview_file(path, policy_class=TeamPolicy)
    assert read.policy == TeamPolicy(team="red")
    path.write_text('policy = "teem.toml"\n' + INTERVIEW_TOML, encoding="utf-8")
    refused = _refusal(lambda: s.load_interview_file(path))
    assert (refused.field, refused.value, refused.problem) == (
        f"{path}: $.policy",
        "teem.toml",
        "names 'teem.toml', which does not exist",
    )


def test_an_agenda_item_an_app_builds_without_zones_writes_the_steps_own() -> None:
    """Without ``recipient_zone`` or ``candidate_zone``, the windows are in the step's zone,
    and say so."""
    made = plan(interview())
    item = AgendaItem(made.actions[0], made.ids[0], Standing.DUE)
    written = s.unstructure(item)
    for window in ("their_window", "your_window"):
        assert written[window] == {
            "start": "2024-07-02T14:00:00-04:00",
            "end": "2024-07-02T15:00:00-04:00",
            "timezone": "America/New_York",
        }
