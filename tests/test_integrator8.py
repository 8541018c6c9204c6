"""What the app8 integrator trial found, fixed as classes (app9).

A multi-user tracker built on the public API alone showed: "done" pressed
twice recorded twice (no locked "done by step id"); an edit of an interview
that lost the events added meanwhile (no locked edit, no "create"); an undo
clicked twice that removed a second, older event; ``remove("3")`` a bare
TypeError; a typo in a person's name that the edit form could not correct
once the history named them; errors that named no key (unknown keys), the
history's fields instead of the key edited, a list's repr instead of what
was typed, or a server's file path; ``starts_at`` refusing ``2026-07-16
9:00``, which an event's ``at`` takes; an English "at" in a German agenda's
label; and ``days=7`` listing steps a month ahead.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    FormatError,
    Interview,
    InvalidArgument,
    InvalidHistory,
    Reply,
    Skip,
    StepStatus,
    agenda_many,
    event_id,
    parse_when,
    plan,
    record_event,
)
from followup_rules import serialize as s
from followup_rules.files import HistoryFile

ZONE = "America/New_York"
FORM: dict[str, Any] = {
    "company": "Acme",
    "role": "Engineer",
    "starts_at": "2026-07-07T14:00",
    "timezone": ZONE,
    "interviewers": "Ana Ruiz, Bo Chen",
}
NEXT_DAY = pendulum.datetime(2026, 7, 8, 9, tz=ZONE)
LATER = pendulum.datetime(2026, 7, 20, 9, tz=ZONE)


def _created(tmp_path: Path, name: str = "acme.json", **more: Any) -> HistoryFile:
    store = HistoryFile(tmp_path / name)
    store.create(s.structure({**FORM, **more}, Interview, form=True))
    return store


def _thank_you(store: HistoryFile, name: str = "Ana Ruiz") -> str:
    found = store.read()
    return _step_of(Application(found.interview, found.history), name)


def _step_of(application: Application, name: str) -> str:
    return next(
        item.id
        for item in application.agenda(NEXT_DAY, "end_of_day")
        if item.action.kind is ActionKind.THANK_YOU
        and getattr(item.action.recipient, "name", None) == name
    )


def _reply(minute: int, sender: str = "Ana Ruiz") -> Reply:
    return Reply(pendulum.datetime(2026, 7, 8, 10, tz=ZONE).add(minutes=minute), sender=sender)


# -- 1. "done" by step id, once, under the lock ----------------------------------------


def test_done_pressed_twice_in_a_row_is_recorded_once(tmp_path: Path) -> None:
    store = _created(tmp_path)
    step = _thank_you(store)
    first = store.record_step(step, NEXT_DAY, now=NEXT_DAY)
    again = store.record_step(step, NEXT_DAY.add(seconds=60), now=NEXT_DAY.add(seconds=60))
    assert not first.already and again.already
    assert again.event == first.event and again.event_id == first.event_id is not None
    assert len(store.read().history) == 1


def test_done_pressed_at_once_from_two_places_is_recorded_once(tmp_path: Path) -> None:
    store = _created(tmp_path)
    step = _thank_you(store)
    start = threading.Barrier(4)
    answers: list[bool] = []

    def press(seconds: int) -> None:
        start.wait()
        moment = NEXT_DAY.add(seconds=seconds)
        answers.append(HistoryFile(store.path).record_step(step, moment, now=moment).already)

    threads = [threading.Thread(target=press, args=(k,)) for k in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(answers) == [False, True, True, True]
    assert len(store.read().history) == 1


def test_a_step_that_is_not_to_be_done_is_refused_untouched(tmp_path: Path) -> None:
    store = _created(tmp_path)
    before = store.path.read_bytes()
    with pytest.raises(InvalidArgument) as raised:
        store.record_step("nope", NEXT_DAY, now=NEXT_DAY)
    assert raised.value.key == "step" and store.path.read_bytes() == before


# -- 2. a locked edit, and a locked create -----------------------------------------------


def test_edits_while_events_are_added_lose_no_event(tmp_path: Path) -> None:
    store = _created(tmp_path)
    count = 12

    def add() -> None:
        for minute in range(count):
            HistoryFile(store.path).add(_reply(minute), now=LATER)

    def edit() -> None:
        for number in range(count):
            HistoryFile(store.path).edit({"role": f"Engineer {number}"})

    threads = [threading.Thread(target=add), threading.Thread(target=edit)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    found = store.read()
    assert len(found.history) == count
    assert found.interview.role == f"Engineer {count - 1}"


def test_an_edit_keeps_the_files_comments_and_other_keys(tmp_path: Path) -> None:
    path = tmp_path / "acme.toml"
    path.write_text(
        "# my notes\n"
        'company = "Acme"  # where\n'
        'role = "Engineer"\n'
        "starts_at = 2026-07-07T14:00:00\n"
        f'timezone = "{ZONE}"\n'
        'interviewers = ["Ana Ruiz"]\n'
        "\n[[event]]\n"
        'type = "reply"\nsender = "Ana Ruiz"\nat = 2026-07-08T10:00:00-04:00\n',
        "utf-8",
    )
    done = HistoryFile(path).edit({"starts_at": "2026-07-07 9:00", "decision_by": "2026-07-20"})
    text = path.read_text("utf-8")
    assert "# my notes" in text and 'company = "Acme"  # where' in text
    assert 'interviewers = ["Ana Ruiz"]' in text and "duration" not in text
    assert done.interview.starts_at == pendulum.datetime(2026, 7, 7, 9, tz=ZONE)
    assert HistoryFile(path).read().interview == done.interview
    assert len(done.history) == 1


def test_an_edit_the_history_refuses_writes_nothing(tmp_path: Path) -> None:
    store = _created(tmp_path)
    store.add(_reply(0), now=LATER)
    before = store.path.read_bytes()
    with pytest.raises(InvalidHistory) as raised:
        store.edit({"starts_at": "2026-07-09T10:00"})
    assert raised.value.key == "starts_at" and store.path.read_bytes() == before


def test_create_pins_every_id_and_refuses_a_second_file(tmp_path: Path) -> None:
    store = _created(tmp_path)
    found = store.read()
    assert found.interview.id is not None
    assert all(person.id for person in found.interview.interviewers)
    before = store.path.read_bytes()
    with pytest.raises(FormatError) as raised:
        store.create(found.interview)
    assert "exists already" in raised.value.problem and store.path.read_bytes() == before
    toml = _created(tmp_path, "acme.toml")
    assert toml.read().interview == found.interview


# -- 3, 4 and 11. an undo by event id, once ----------------------------------------------


def test_an_undo_by_event_id_removes_that_event_once(tmp_path: Path) -> None:
    store = _created(tmp_path)
    store.add(_reply(0), now=LATER)
    recorded = store.add(_reply(5), now=LATER)
    assert recorded.event_id == event_id(recorded.event, store.read().interview)
    assert store.remove(recorded.event_id) == recorded.event
    with pytest.raises(InvalidHistory) as raised:
        store.remove(recorded.event_id)  # the undo clicked twice
    assert raised.value.key == "event" and raised.value.value == recorded.event_id
    assert store.read().history == (_reply(0),)


@pytest.mark.parametrize("number", ["3", "ev-nothex", True, 2.0, ["1"]])
def test_what_names_no_event_is_a_typed_error(tmp_path: Path, number: Any) -> None:
    store = _created(tmp_path)
    store.add(_reply(0), now=LATER)
    with pytest.raises(InvalidArgument) as raised:
        store.remove(number)
    assert raised.value.key == "number" and raised.value.value == number
    assert len(store.read().history) == 1


def test_every_recorded_carries_its_event_id(tmp_path: Path) -> None:
    interview = s.structure(FORM, Interview, form=True)
    reply = _reply(0)
    expected = event_id(reply, interview)
    assert record_event(interview, [], reply).event_id == expected
    assert record_event(interview, [reply], reply).event_id == expected  # already
    assert Application(interview).record(reply).event_id == expected
    assert s.unstructure(record_event(interview, [], reply))["event_id"] == expected
    store = _created(tmp_path)
    assert store.add(reply, now=LATER).event_id == expected
    assert store.add(reply, now=LATER).event_id == expected  # already


# -- 5. a name corrected through the edit form ------------------------------------------


def test_a_typo_in_a_name_is_corrected_with_the_history(tmp_path: Path) -> None:
    store = _created(tmp_path, interviewers="Ana Ruis, Bo Chen")
    step = _thank_you(store, "Ana Ruis")
    store.add(_reply(0, "Ana Ruis"), now=LATER)
    done = store.edit({"interviewers": {"Ana Ruis": {"name": "Ana Ruiz"}}}, form=True)
    assert [person.name for person in done.interview.interviewers] == ["Ana Ruiz", "Bo Chen"]
    assert done.history == (_reply(0, "Ana Ruiz"),)
    found = store.read()
    assert found.history == done.history and "Ana Ruis" not in store.path.read_text("utf-8")
    application = Application(found.interview, found.history)
    assert application.find_step(step, NEXT_DAY).item is not None  # the same step id
    # in memory too, with the follow-up contact
    interview = s.structure(
        {**FORM, "interviewers": "Ana Ruis, Bo Chen", "contact": "Ana Ruis"}, Interview, form=True
    )
    edited = s.edit_application(
        Application(interview, [_reply(0, "Ana Ruis")]),
        {"interviewers": {"Ana Ruis": {"name": "Ana Ruiz"}}},
    )
    assert edited.interview.contact == "Ana Ruiz"
    assert edited.history == (_reply(0, "Ana Ruiz"),)


def test_a_skipped_step_stays_skipped_when_the_name_is_corrected(tmp_path: Path) -> None:
    store = _created(tmp_path, interviewers="Ana Ruis, Bo Chen")
    step = _thank_you(store, "Ana Ruis")
    store.add(Skip(NEXT_DAY, step), now=NEXT_DAY)
    done = store.edit({"interviewers": {"Ana Ruis": {"name": "Ana Ruiz", "email": "a@b.example"}}})
    assert done.interview.interviewers[0].email == "a@b.example"
    found = store.read()
    application = Application(found.interview, found.history)
    assert application.find_step(step, NEXT_DAY).status is StepStatus.SKIPPED
    # an interview never pinned, in memory: the skip's step id is the one kept
    interview = s.structure({**FORM, "interviewers": "Ana Ruis"}, Interview, form=True)
    before = Application(interview)
    skipped = before.record(Skip(NEXT_DAY, _step_of(before, "Ana Ruis"))).application
    assert skipped is not None
    edited = s.edit_application(skipped, {"interviewers": {"Ana Ruis": {"name": "Ana Ruiz"}}})
    assert edited.history == skipped.history
    assert edited.find_step(_step_of(before, "Ana Ruis"), NEXT_DAY).status is StepStatus.SKIPPED


def test_a_person_pinned_at_creation_keeps_their_step_ids_under_a_new_name(
    tmp_path: Path,
) -> None:
    """Their id is their old name's part: it is what the step ids hold, not a name to
    rename in them (`with_interview` with the person's id, as a full table gives it)."""
    store = _created(tmp_path)
    step = _thank_you(store, "Ana Ruiz")
    store.add(Skip(NEXT_DAY, step), now=NEXT_DAY)
    found = store.read()
    ana, bo = found.interview.interviewers
    renamed = attrs.evolve(
        found.interview, interviewers=[attrs.evolve(ana, name="Ana Ruíz Vega"), bo]
    )
    application = Application(found.interview, found.history).with_interview(renamed)
    assert application.history == found.history
    assert application.find_step(step, NEXT_DAY).status is StepStatus.SKIPPED
    moved = Application(found.interview, found.history).rename("Ana Ruiz", "Ana Vega")
    assert moved.find_step(step, NEXT_DAY).status is StepStatus.SKIPPED


def test_a_name_corrected_to_someone_elses_is_refused(tmp_path: Path) -> None:
    store = _created(tmp_path)
    before = store.path.read_bytes()
    with pytest.raises(FormatError) as raised:
        store.edit({"interviewers": {"Ana Ruiz": {"name": "bo chen"}}})
    assert raised.value.key == "interviewers" and raised.value.value == "bo chen"
    assert store.path.read_bytes() == before


def test_a_name_corrected_in_a_separate_history_file(tmp_path: Path) -> None:
    history = tmp_path / "acme.events.toml"
    path = tmp_path / "acme.toml"
    path.write_text(
        'company = "Acme"\nrole = "Engineer"\nstarts_at = 2026-07-07T14:00:00\n'
        f'timezone = "{ZONE}"\ninterviewers = ["Ana Ruis"]\nhistory = "acme.events.toml"\n',
        "utf-8",
    )
    HistoryFile(path).add(_reply(0, "Ana Ruis"), now=LATER)
    HistoryFile(path).edit({"interviewers": {"Ana Ruis": {"name": "Ana Ruiz"}}})
    assert "Ana Ruiz" in history.read_text("utf-8")
    assert HistoryFile(path).read().history == (_reply(0, "Ana Ruiz"),)


# -- 6, 7 and 10. errors name the key and what was typed -------------------------------


def test_an_unknown_key_is_named_with_its_value() -> None:
    with pytest.raises(FormatError) as raised:
        s.structure({**FORM, "bogus": "x"}, Interview, form=True, source="form")
    assert (raised.value.key, raised.value.value) == ("bogus", "x")
    application = Application(s.structure(FORM, Interview, form=True))
    with pytest.raises(FormatError) as raised:
        s.edit_application(application, {"compny": "X"}, source="form", form=True)
    assert raised.value.to_dict()["key"] == "compny" and raised.value.value == "X"


def test_an_edit_the_history_refuses_names_the_key_edited() -> None:
    interview = s.structure(FORM, Interview, form=True)
    application = Application(interview, [_reply(0)])
    with pytest.raises(InvalidHistory) as raised:
        s.edit_application(application, {"interviewers": "Bo Chen"}, form=True)
    error = raised.value
    assert (error.key, error.value) == ("interviewers", "Bo Chen")
    assert "event 1 of the history (a reply from Ana Ruiz" in error.problem
    assert "history[" not in str(error)


def test_a_name_listed_twice_shows_what_was_typed() -> None:
    typed = "Ana Ruiz, ana ruiz"
    with pytest.raises(FormatError) as raised:
        s.structure({**FORM, "interviewers": typed}, Interview, form=True)
    assert raised.value.value == typed and f"(got {typed!r})" in raised.value.problem
    application = Application(s.structure(FORM, Interview, form=True))
    with pytest.raises(FormatError) as raised:
        s.edit_application(application, {"interviewers": typed}, form=True)
    assert raised.value.value == typed


# -- 8. one reading of a typed time ----------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["2026-07-16 9:00", "2026-07-16T9:00", "2026-07-16 09:00", "2026-07-16T09:00-04:00"]
)
def test_starts_at_reads_what_an_events_at_reads(typed: str) -> None:
    interview = s.structure({**FORM, "starts_at": typed}, Interview, form=True)
    now = pendulum.datetime(2026, 7, 20, tz=ZONE)
    assert interview.starts_at == parse_when(typed, ZONE, now)
    application = Application(s.structure(FORM, Interview, form=True))
    edited = s.edit_application(application, {"starts_at": typed}, form=True)
    assert edited.interview.starts_at == interview.starts_at


# -- 9. no server path in what a user reads ----------------------------------------------


def test_a_files_errors_name_the_file_not_its_path(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text("{ not json", "utf-8")
    with pytest.raises(FormatError) as raised:
        HistoryFile(path).read()
    shown = json.dumps(raised.value.to_dict())
    assert str(tmp_path) not in shown and str(tmp_path) not in str(raised.value)
    assert raised.value.source == "acme.json" and raised.value.file == str(path)
    assert raised.value.key is None  # a line of the text is no key
    store = _created(tmp_path, "other.json")
    with pytest.raises(FormatError) as raised:
        store.remove(7)
    assert str(tmp_path) not in json.dumps(raised.value.to_dict())


# -- 12. the agenda's label in the candidate's language ----------------------------------


@pytest.mark.parametrize(
    ("language", "label"),
    [
        ("de", "Engineer bei Acme"),
        ("fr", "Engineer chez Acme"),
        ("es", "Engineer en Acme"),
        (None, "Engineer at Acme"),
    ],
)
def test_the_agendas_label_is_in_the_candidates_language(language: str | None, label: str) -> None:
    candidate = {"name": "Sam Lee"} if language is None else {"name": "S", "language": language}
    interview = s.structure({**FORM, "candidate": candidate}, Interview, form=True)
    written = s.unstructure(agenda_many([Application(interview)], NEXT_DAY))
    assert {entry["application"]["label"] for entry in written["entries"]} == {label}
    named = Application(interview, name="My Acme")
    assert named.label_in() == "My Acme" == named.label


# -- 13. days is a horizon ----------------------------------------------------------------


@pytest.mark.parametrize("days", [1, 6, 7])
def test_a_weeks_list_ends_with_the_week(days: int) -> None:
    interview = s.structure(FORM, Interview, form=True)
    application = Application(interview)
    week = agenda_many([application], NEXT_DAY, until="end_of_day", days=days)
    assert week.entries and all(entry.in_days <= days for entry in week.entries)
    end = NEXT_DAY.add(days=days).end_of("day")
    assert all(entry.shown_at <= end for entry in week.entries)
    assert not application.agenda(NEXT_DAY, "end_of_day", days=days).coming
    later = [action for action in plan(interview) if action.earliest > end]
    assert later  # the plan goes on after the week: the list does not
    assert agenda_many([application], NEXT_DAY, until="end_of_day").coming
