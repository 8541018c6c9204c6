"""What the app6 integrator trial found, fixed as classes (app7).

A multi-user tracker built on the public API alone showed: an agenda's JSON
in English for a German, French or Spanish candidate; an error's ``value``
None (or a DateTime json.dumps refuses) when a form's text could not be read;
developer words in errors a user reads; a tuple key written as Python text; no
way to take a deleted application off a synced calendar; ``pinned`` missing
from the package; ``2026-07-20 9:00`` refused.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import attrs
import pendulum
import pytest

import followup_rules as fr
from followup_rules import (
    AgendaItem,
    Application,
    FollowupError,
    Interview,
    Reason,
    Standing,
    StepStatus,
    agenda_many,
    parse_when,
    pinned,
)
from followup_rules import serialize as s
from followup_rules.export import to_ics_many

BASE: dict[str, Any] = {
    "company": "Muster GmbH",
    "role": "Entwicklerin",
    "starts_at": "2026-07-08T10:00",
    "timezone": "Europe/Berlin",
    "interviewers": [{"name": "Jörg Müller", "email": "j@m.de"}],
}
NOW = pendulum.datetime(2026, 7, 13, 15, tz="Europe/Berlin")


def _application(language: str | None, **more: Any) -> Application:
    candidate = {"name": "Lena Vogel", "email": "l@v.de"}
    if language is not None:
        candidate["language"] = language
    interview = s.structure({**BASE, "candidate": candidate, **more}, Interview)
    return Application(pinned(interview), key=("lena", "1"))


# -- 1. the agenda in the candidate's language ----------------------------------------


@pytest.mark.parametrize("language", ["de", "fr", "es", "fr_CA", "de_CH"])
def test_agenda_json_is_in_the_candidates_language(language: str) -> None:
    app = _application(language)
    agenda = app.agenda(NOW, "end_of_day")
    english = _application(None).agenda(NOW, "end_of_day")
    written = s.unstructure(agenda)
    items = [*written["overdue"], *written["due"], *written["coming"]]
    assert items
    for item, theirs, ours in zip(items, agenda, english, strict=True):
        assert item["locale"] == language
        assert item["description"] == theirs.action.describe(language)
        assert item["description"] != ours.action.describe()
        if ours.note():
            assert item["note"] == theirs.note(language) != ours.note()
    many = s.unstructure(agenda_many([app], NOW))
    assert all(entry["locale"] == language for entry in many["entries"])


def test_english_candidates_read_as_before() -> None:
    agenda = _application(None).agenda(NOW, "end_of_day")
    for item in s.unstructure(agenda)["overdue"]:
        assert item["locale"] == "en"
        assert item["note"].startswith(("superseded: ", "late: "))


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_every_note_is_translated(language: str) -> None:
    """Each note an item can carry (every standing and reason) has its own translation."""
    action = _application(language).plan(NOW).actions[0]
    notes = set()
    items = [
        AgendaItem(action, "x", Standing.LATE, to_do=True),
        AgendaItem(action, "x", Standing.LATE, to_do=False),
        *(AgendaItem(action, "x", Standing.SUPERSEDED, reason) for reason in Reason),
    ]
    for item in items:
        said = item.note(language)
        assert said and said != item.note(), item
        notes.add(said)
    assert len(notes) == len(items)
    assert AgendaItem(action, "x", Standing.DUE).note(language) == ""
    with pytest.raises(fr.InvalidArgument) as raised:
        items[0].note("it")
    assert raised.value.key == "locale"


@pytest.mark.parametrize("language", ["de", "fr", "es"])
def test_found_step_says_where_it_stands_in_their_language(language: str) -> None:
    app = _application(language)
    english = _application(None)
    agenda = app.agenda(NOW, "end_of_day")
    thanks = next(item for item in agenda if item.action.kind is fr.ActionKind.THANK_YOU)
    done = app.record_step(thanks.id, NOW).application
    cases = [
        (thanks.id, app, StepStatus.PLANNED),
        (thanks.id, done, StepStatus.DONE),
        ("bogus", app, StepStatus.UNKNOWN),
        (agenda.superseded[0].id, app, StepStatus.SUPERSEDED),
    ]
    for step, where, status in cases:
        found = where.find_step(step, NOW)
        assert found.status is status
        assert found.locale == language
        same = english.find_step(step, NOW) if where is app else None
        assert found.description != found.reason, (status, found)
        if same is not None and status is not StepStatus.UNKNOWN:
            assert same.description == same.reason
        written = s.unstructure(found)
        assert written["description"] == found.description
        assert written["locale"] == language


# -- 2. and 3. every error names a key and the value as given, as JSON ------------------

_PLAIN_KEY = re.compile(r"^[a-z_]+$")


def _form_errors() -> list[FollowupError]:
    """Every kind of error a tracker meets from a form, through the public entry points."""
    app = _application("de")
    agenda = app.agenda(NOW, "end_of_day")
    step = next(item for item in agenda if item.action.kind is fr.ActionKind.THANK_YOU).id
    zone = app.interview
    found: list[FollowupError] = []

    def catch(call: Callable[[], object]) -> None:
        with pytest.raises(FollowupError) as raised:
            call()
        found.append(raised.value)

    bad_interview = [
        {"starts_at": "2026-13-07T14:00"},
        {"starts_at": "07/07/2026 2pm"},
        {"timezone": "Europe/Berln"},
        {"decision_by": "sometime soon"},
        {"duration": "abc"},
        {"format": "zoom"},
        {"interviewers": "Ana Ruiz, Bo Chen"},
        {"topics": "a; b"},
        {"invited_to_call": "maybe"},
        {"company": ""},
        {"contact": "Ana Ruis"},
        {"candidate": {"name": "X", "email": "x at example"}},
    ]
    for change in bad_interview:
        catch(lambda change=change: s.structure({**BASE, **change}, Interview, source="form"))
        catch(lambda change=change: s.edit_application(app, change, source="form"))
    missing = {key: value for key, value in BASE.items() if key != "company"}
    catch(lambda: s.structure(missing, Interview, source="form"))
    bad_events = [
        {"type": "rply", "at": "now"},
        {"type": "reply", "at": "yesterday-ish"},
        {"type": "reply", "at": ""},
        {"type": "update", "at": "now", "outcome": "hired"},
        {"type": "contact", "at": "now", "channel": "fax"},
        {"type": "contact", "at": "now", "channel": "phone", "voicemail": "perhaps"},
        {"type": "out_of_office", "at": "now", "returns_on": "next week"},
        {"type": "snooze", "at": "now", "step": step, "until": "next tuesdy"},
        {"type": "reply", "at": "now", "note": "line1\nline2"},
    ]
    for form in bad_events:
        catch(lambda form=form: s.structure_event(form, zone=zone, now=NOW, form=True))

    def record(form: dict[str, str]) -> object:
        return app.record(s.structure_event(form, zone=zone, now=NOW, form=True), now=NOW)

    catch(lambda: record({"type": "reply", "at": "2026-07-01T10:00"}))
    catch(lambda: record({"type": "reply", "at": "now", "sender": "Nobody"}))
    catch(lambda: parse_when("asap", zone, NOW, field="at"))
    catch(lambda: app.record_step("bogus", NOW))
    catch(lambda: app.record_step(step, NOW, message_id="not an id"))
    catch(lambda: app.rename("Zed", "Zoe"))
    catch(lambda: app.rename("Jörg Müller", ""))
    return found


def test_every_form_error_names_a_plain_key() -> None:
    errors = _form_errors()
    assert len(errors) > 30
    for error in errors:
        assert error.key is not None, error
        assert _PLAIN_KEY.match(error.key), (error.key, error.field)


def test_the_value_is_the_text_as_typed_and_every_error_is_json() -> None:
    for error in _form_errors():
        written = s.unstructure(error)
        assert written == error.to_dict()
        assert json.loads(json.dumps(written)) == written
        assert set(written) == {"error", "field", "key", "value", "problem", "text"}
        assert written["key"] == error.key
    typed = {
        "2026-13-07T14:00": "starts_at",
        "Europe/Berln": "timezone",
        "abc": "duration",
        "zoom": "format",
        "Ana Ruiz, Bo Chen": "interviewers",
        "maybe": "invited_to_call",
        "perhaps": "voicemail",
        "rply": "type",
        "yesterday-ish": "at",
        "hired": "outcome",
        "fax": "channel",
        "next week": "returns_on",
        "next tuesdy": "until",
    }
    seen = {
        error.value: error.key
        for error in _form_errors()
        if isinstance(error.value, str) and error.value in typed
    }
    assert seen == typed


def test_errors_a_user_reads_have_no_developer_words() -> None:
    words = ("missing key", "got str", "AgendaItem", "`", "True or False")
    for error in _form_errors():
        assert not any(word in error.problem for word in words), error.problem


def test_json_safe_values() -> None:
    moment = pendulum.datetime(2026, 7, 1, 10, tz="Europe/Berlin")
    error = fr.InvalidHistory("event.at", moment, "is before the interview")
    assert error.to_dict()["value"] == "2026-07-01T10:00:00+02:00"
    odd = fr.InvalidArgument("x", [moment, {"a": {1, 2}}, 10**400, "y" * 5000], "bad")
    value = json.loads(json.dumps(odd.to_dict()))["value"]
    assert value[0] == "2026-07-01T10:00:00+02:00"
    assert isinstance(value[1]["a"], str) and "digits" in value[2] and len(value[3]) == 1000


# -- small ones -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["2026-07-20 9:00", "2026-07-20T9:00", "2026-07-20 09:00"])
def test_one_digit_hours(text: str) -> None:
    assert parse_when(text, "Europe/Berlin", NOW) == pendulum.datetime(
        2026, 7, 20, 9, tz="Europe/Berlin"
    )


def test_a_tuple_key_is_a_json_list() -> None:
    written = s.unstructure(agenda_many([_application("de")], NOW))
    assert {json.dumps(entry["application"]["key"]) for entry in written["entries"]} == {
        '["lena", "1"]'
    }


def test_pinned_is_exported() -> None:
    assert "pinned" in fr.__all__
    assert fr.pinned is pinned


def test_a_deleted_application_leaves_the_calendar() -> None:
    kept, dropped = _application("de"), _application(None, company="Initech")
    before = to_ics_many([kept, dropped], now=NOW)
    later = NOW.add(hours=1)
    assert to_ics_many([kept], now=later, previous=before).count(b"STATUS:CANCELLED") == 0
    after = to_ics_many([kept], now=later, previous=before, others="cancel")
    alone = to_ics_many([dropped], now=NOW)
    opened = alone.count(b"BEGIN:VTODO") + alone.count(b"BEGIN:VEVENT")
    assert opened and after.count(b"STATUS:CANCELLED") == opened
    again = to_ics_many([kept], now=later.add(hours=1), previous=after, others="cancel")
    assert again.count(b"STATUS:CANCELLED") == opened
    with pytest.raises(fr.InvalidArgument) as raised:
        to_ics_many([kept], now=later, others="drop")
    assert raised.value.key == "others"


# -- 4. and 15. an interview from a form, and edits that merge ----------------------------

FORM = {
    **BASE,
    "interviewers": "Jörg Müller, Bo Chen",
    "topics": "SQL; Python\nTests",
    "invited_to_call": "on",
    "decision_by": "",
    "contact": "",
    "candidate": {"name": "Lena Vogel", "email": "l@v.de", "language": "de", "phone": ""},
}


def test_an_interview_from_a_form() -> None:
    made = s.structure(FORM, Interview, source="form", form=True)
    assert made.invited_to_call is True
    assert [person.name for person in made.interviewers] == ["Jörg Müller", "Bo Chen"]
    assert made.topics == ("SQL", "Python", "Tests")
    assert made.decision_by is None and made.contact is None
    assert made.candidate is not None and made.candidate.phone is None
    unticked = s.structure({**FORM, "invited_to_call": "off"}, Interview, form=True)
    assert unticked.invited_to_call is False
    lines = {**FORM, "missed": "I forgot the SQL case, sadly\nThe team size"}
    assert s.structure(lines, Interview, form=True).missed == (
        "I forgot the SQL case, sadly",
        "The team size",
    )
    with pytest.raises(fr.FormatError) as raised:
        s.structure({**FORM, "company": " "}, Interview, source="form", form=True)
    assert (raised.value.key, raised.value.problem) == ("company", "is required: fill it in")
    with pytest.raises(fr.FormatError):  # without form=True, a form's text is refused
        s.structure(FORM, Interview, source="form")


def test_a_form_edit_clears_and_people_merge() -> None:
    app = Application(pinned(s.structure(FORM, Interview, form=True)))
    edited = s.edit_application(app, {"interviewers": {"Bo Chen": {"email": "bo@x.example"}}})
    assert [(p.name, p.email) for p in edited.interview.interviewers] == [
        ("Jörg Müller", None),
        ("Bo Chen", "bo@x.example"),
    ]
    again = s.edit_application(
        edited,
        {"interviewers": "Bo Chen, Jörg Müller, Cy Dee", "decision_by": "2026-07-20"},
        form=True,
    )
    assert [(p.name, p.email) for p in again.interview.interviewers] == [
        ("Bo Chen", "bo@x.example"),
        ("Jörg Müller", None),
        ("Cy Dee", None),
    ]
    assert again.interview.decision_by == pendulum.date(2026, 7, 20)
    cleared = s.edit_application(
        again, {"decision_by": "", "candidate": {"name": "Lena"}}, form=True
    )
    assert cleared.interview.decision_by is None
    assert cleared.interview.candidate == fr.Candidate("Lena", email="l@v.de", language="de")
    gone = s.edit_application(cleared, {"candidate": {"email": None}})
    assert gone.interview.candidate is not None and gone.interview.candidate.email is None
    assert gone.interview.id == app.interview.id
    with pytest.raises(fr.FormatError) as raised:
        s.edit_application(app, {"interviewers": {"Zed": {"email": "z@x.example"}}})
    assert (raised.value.key, raised.value.value) == ("interviewers", "Zed")


# -- 7. a day alone as the time of an event -------------------------------------------


def test_a_day_alone_as_an_event_time() -> None:
    """'today' was midnight, then "before the interview" held earlier that day."""
    morning = s.structure(
        {**BASE, "starts_at": "2026-07-13T13:00", "candidate": {"name": "Lena Vogel"}}, Interview
    )
    app = Application(morning)

    def at(text: str) -> pendulum.DateTime:
        event = s.structure_event({"type": "reply", "at": text}, zone=morning, now=NOW)
        assert parse_when(text, morning, NOW, field="at", happened=True) == event.at
        return event.at

    assert at("today") == at("2026-07-13") == NOW
    app.record(s.structure_event({"type": "reply", "at": "today"}, zone=morning, now=NOW), now=NOW)
    later = NOW.add(days=2)
    ends = pendulum.datetime(2026, 7, 13, 14, tz="Europe/Berlin")
    assert (
        s.structure_event({"type": "reply", "at": "2026-07-13"}, zone=morning, now=later).at
        == ends
    )
    noon = pendulum.datetime(2026, 7, 14, 12, tz="Europe/Berlin")
    assert (
        s.structure_event({"type": "reply", "at": "yesterday"}, zone=morning, now=later).at == noon
    )
    assert parse_when("today", morning, NOW) == pendulum.datetime(2026, 7, 13, tz="Europe/Berlin")
    until = s.structure_event(
        {"type": "snooze", "at": "now", "step": "x", "until": "2026-07-20"}, zone=morning, now=NOW
    )
    assert until.until == pendulum.datetime(2026, 7, 20, tz="Europe/Berlin")


# -- 12. a week's list -----------------------------------------------------------------


def test_a_weeks_agenda_tells_today_from_later() -> None:
    app = _application("de", starts_at="2026-07-13T10:00")
    morning = pendulum.datetime(2026, 7, 14, 9, tz="Europe/Berlin")
    today = agenda_many([app], morning, until="end_of_day")
    week = agenda_many([app], morning, until="end_of_day", days=6)
    assert len(week.due) > len(today.due)
    assert {entry.in_days for entry in today.due} == {0}
    later = [entry.in_days for entry in week.due if entry.in_days]
    assert later and all(1 <= days <= 6 for days in later)
    written = s.unstructure(week)
    assert [entry["in_days"] for entry in written["entries"]] == [e.in_days for e in week.entries]
    end = app.agenda(morning, "end_of_day", days=6).until
    assert end == pendulum.datetime(2026, 7, 20, 23, 59, 59, 999999, tz="Europe/Berlin")
    for bad, until in [(-1, "end_of_day"), (True, "end_of_day"), (2, None), (400, "end_of_day")]:
        with pytest.raises(fr.InvalidArgument) as raised:
            agenda_many([app], morning, until=until, days=bad)  # type: ignore[arg-type]
        assert raised.value.key == "days"


# -- 11. an event's id, for an undo ------------------------------------------------------


def test_an_event_id_survives_the_store_and_undoes_it() -> None:
    app = _application("de")
    forms = [
        {"type": "update", "at": "now", "outcome": "undecided", "decision_by": "in two weeks"},
        {"type": "reply", "at": "2026-07-13T11:00", "sender": "Jörg Müller", "note": "hi"},
        {"type": "contact", "at": "2026-07-13T10:00", "channel": "phone", "voicemail": "on"},
    ]
    ids = []
    for form in forms:
        event = s.structure_event(form, zone=app.interview, now=NOW, form=True)
        recorded = app.record(event, now=NOW)
        written = json.loads(json.dumps(s.unstructure(recorded)))
        stored = s.structure_event(written["event"])  # after a restart
        assert written["event_id"] == fr.event_id(stored, app.interview) == app.event_id(event)
        ids.append(written["event_id"])
        app = recorded.application
    assert len(set(ids)) == 3 and all(re.fullmatch(r"ev-[0-9a-f]{16}", uid) for uid in ids)
    reply = next(event for event in app.history if isinstance(event, fr.Reply))
    assert app.event_id(attrs.evolve(reply, note="another note")) == ids[1]
    undone = app.remove(ids[1])
    assert len(undone.history) == 2
    assert [undone.event_id(event) for event in undone.history] == [ids[2], ids[0]]
    with pytest.raises(fr.InvalidHistory) as raised:
        undone.remove(ids[1])
    assert (raised.value.key, raised.value.value) == ("event", ids[1])


# -- 6. rows that do not load -------------------------------------------------------------


class _Row:
    def __init__(self, key: str, data: dict[str, Any]) -> None:
        self.key, self.data = key, data

    def __call__(self) -> Application:
        return Application(s.structure(self.data, Interview, source=f"row {self.key}"))


def test_rows_that_do_not_load_are_listed() -> None:
    good = {**BASE, "candidate": {"name": "Lena Vogel"}}
    rows = [_Row("a", good), _Row("b", {**good, "timezone": "Mars/Base"}), _Row("c", good)]
    for limit in (None, 5):
        many = agenda_many(rows, NOW, skip_invalid=True, limit=limit)
        assert many.counts.applications == 2
        assert [(loader.key, error.key) for loader, error in many.unread] == [("b", "timezone")]
        written = json.loads(json.dumps(s.unstructure(many)))
        assert [(row["row"], row["key"], row["value"]) for row in written["unread"]] == [
            ("b", "timezone", "Mars/Base")
        ]
    merged = fr.AgendaMany.merge([agenda_many(rows, NOW, skip_invalid=True)] * 2)
    assert len(merged.unread) == 2
    with pytest.raises(fr.FormatError):
        agenda_many(rows, NOW)
    with pytest.raises(fr.InvalidArgument):
        agenda_many([lambda: "no application"], NOW, skip_invalid=True)


def test_a_yes_no_field_from_a_form() -> None:
    """'yes' was refused with "expected yes or no"; other text is refused naming the form."""
    call = {"type": "contact", "at": "now", "channel": "phone", "voicemail": "yes"}
    event = s.structure_event(call, zone="Europe/Berlin", now=NOW, form=True)
    assert isinstance(event, fr.Contact) and event.voicemail is True
    no = s.structure({**FORM, "invited_to_call": "no"}, Interview, form=True)
    assert no.invited_to_call is False
    for bad in [
        lambda: s.structure_event({**call, "voicemail": "maybe"}, source="form", form=True),
        lambda: s.structure(
            {**FORM, "invited_to_call": "maybe"}, Interview, source="form", form=True
        ),
    ]:
        with pytest.raises(fr.FormatError) as raised:
            bad()
        assert raised.value.field is not None and raised.value.field.startswith("form: $.")
        assert raised.value.value == "maybe"
        assert "yes or no" in raised.value.problem and "(got 'maybe')" in raised.value.problem


def test_an_event_time_refused_quotes_what_was_typed() -> None:
    """'tomorrow' was refused as ``event.at = 2026-07-14T00:00:00+02:00``, never typed."""
    zone = _application("de").interview
    cases = {
        "tomorrow": "'tomorrow' (2026-07-14T00:00:00+02:00) is after now "
        "(2026-07-13T15:00:00+02:00)",
        "2026-07-20T09:00": "'2026-07-20T09:00' (2026-07-20T09:00:00+02:00) is after now",
        "2026-07-01": "'2026-07-01' (2026-07-01T12:00:00+02:00) is before the interview at "
        "2026-07-08T10:00:00+02:00",
    }
    for typed, said in cases.items():
        with pytest.raises(fr.FormatError) as raised:
            s.structure_event({"type": "reply", "at": typed}, source="form", zone=zone, now=NOW)
        error = raised.value
        assert (error.field, error.key, error.value) == ("form: $.at", "at", typed)
        assert error.problem.startswith(said), error.problem
