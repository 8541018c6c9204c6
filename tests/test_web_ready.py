"""What the web tracker found missing, added to the library (issue 18, item 9).

Building ``examples/web_tracker.py`` on the public API alone showed gaps an
app had to fill with its own code: no JSON shape for an agenda, no way to
read one event whose kind the data names (with a plain error for an unknown
kind), errors about a new event named by a place in the history the app
never saw, one draft only by rendering them all, and a call's answer or a
note not taken by `Action.done`.
"""

from __future__ import annotations

import functools
import json
from datetime import timedelta
from importlib.resources import files
from typing import Any

import attrs
import jsonschema
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Agenda,
    Application,
    Candidate,
    Channel,
    Contact,
    FormatError,
    InvalidArgument,
    InvalidHistory,
    Outcome,
    Policy,
    Reply,
    Skip,
    Snooze,
    Update,
    agenda_many,
    check_event,
    describe_event,
    plan,
)
from followup_rules import serialize as s
from followup_rules.export import drafts

from .factories import ANA, at, interview, of_kind
from .strategies import interviews
from .test_serialize import events


@functools.cache
def schema(name: str) -> dict[str, Any]:
    text = files("followup_rules").joinpath("schemas", f"{name}.schema.json").read_text()
    found: dict[str, Any] = json.loads(text)
    return found


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator(schema(name))


def as_json(value: Any) -> Any:
    """What a front end receives: the data through JSON text."""
    return json.loads(json.dumps(s.unstructure(value)))


SAM = Candidate("Sam Lee", email="sam@example.com")
NOTE_TO_ANA = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")


class TestAgendaJson:
    """An agenda a front end can show: flat steps, both clocks, RFC 3339, a schema."""

    def test_an_entry_is_one_flat_object(self) -> None:
        """Glue 7: a step of a merged agenda names its application, what to do and when,
        in a few keys (it was the whole application, its history and its agenda)."""
        day = agenda_many([Application(interview(), name="acme")], at(2024, 7, 3, 9))
        entry = as_json(day.entries[0])
        assert (entry["application"], entry["description"], entry["standing"]) == (
            {
                "key": None,
                "name": "acme",
                "label": "acme",
                "company": "Acme Analytics",
                "role": "Data Engineer",
            },
            "Send Ana Ruiz a thank-you e-mail",
            "due",
        )

    def test_a_late_call_says_when_its_next_window_opens_on_both_clocks(self) -> None:
        """Issue 17: a call late at 15:00 is not to do now; its window is tomorrow's, on the
        candidate's clock (Berlin) and Ana's (New York)."""
        moved = interview(
            decision_by=pendulum.date(2024, 7, 10),
            candidate=None,
            invited_to_call=True,
        )
        now = at(2024, 7, 11, 15)
        day = agenda_many([Application(moved)], now)
        call = next(e for e in day if e.action.channel is Channel.PHONE)
        shown = as_json(call)
        windows = (
            shown["to_do"],
            shown["their_window"]["start"],
            shown["your_window"]["timezone"],
        )
        assert windows == (False, "2024-07-12T10:00:00-04:00", "America/New_York")

    def test_the_candidates_clock_is_their_own(self) -> None:
        """A candidate in Berlin reads Ana's New York window on Berlin time: open from now,
        09:00 in New York, 15:00 in Berlin."""
        abroad = interview(candidate=Candidate("Sam Lee", timezone="Europe/Berlin"))
        (item,) = [
            i
            for i in Application(abroad).agenda(at(2024, 7, 3, 9))
            if i.id.startswith("thank_you-ana")
        ]
        window = as_json(item)["your_window"]
        assert (window["start"], window["timezone"]) == (
            "2024-07-03T15:00:00+02:00",
            "Europe/Berlin",
        )

    def test_one_applications_agenda_has_its_own_shape(self) -> None:
        """`Agenda`: now, until (the end of the candidate's day, as an instant), then
        overdue, due and coming."""
        today = Application(interview()).agenda(at(2024, 7, 3, 9), "end_of_day")
        data = as_json(today)
        counts = {key: len(data[key]) for key in ("overdue", "due", "coming")}
        assert (data["until"], counts) == (
            "2024-07-04T03:59:59.999999+00:00",
            {"overdue": len(today.overdue), "due": len(today.due), "coming": len(today.coming)},
        )

    def test_a_limited_list_says_so(self) -> None:
        """A merged agenda kept to its most urgent steps carries its counts and limit."""
        day = agenda_many([Application(interview())] * 3, at(2024, 7, 3, 9), limit=1)
        data = as_json(day)
        assert (len(data["entries"]), data["limit"], data["counts"]["applications"]) == (1, 1, 3)

    @given(
        made=interviews(),
        hours=st.integers(-48, 24 * 60),
        until=st.sampled_from((None, "end_of_day")),
    )
    def test_every_agenda_matches_the_schema(self, made: Any, hours: int, until: Any) -> None:
        """Whatever moment and interview, the shipped agenda schema accepts the data."""
        now = made.starts_at + timedelta(hours=hours)
        day = agenda_many(
            [Application(made), Application(made, policy=Policy.cautious())], now, until
        )
        validator("agenda").validate(as_json(day))
        validator("agenda").validate(as_json(day.agendas[0][1]))

    def test_the_schema_is_strict(self) -> None:
        """A key the library does not write is refused, like the other schemas."""
        data = as_json(agenda_many([Application(interview())], at(2024, 7, 3, 9)))
        data["entries"][0]["extra"] = 1
        with pytest.raises(jsonschema.ValidationError):
            validator("agenda").validate(data)

    def test_an_agenda_is_not_a_plain_attrs_dump(self) -> None:
        """The agenda's moment is RFC 3339, its items flat, nothing of the planner's insides."""
        today = Application(interview()).agenda(at(2024, 7, 3, 9))
        assert isinstance(today, Agenda)
        data = as_json(today)
        assert ("action" in data["due"][0], data["now"]) == (False, "2024-07-03T13:00:00+00:00")


class TestStructureEvent:
    """Glue 1: one event from data that names its kind, with plain errors."""

    @given(
        event=st.one_of(
            events(),
            st.builds(
                lambda minutes: Snooze(
                    at(2024, 7, 3, 9), "check_in-x", at(2024, 7, 3, 9).add(minutes=minutes)
                ),
                st.integers(1, 10_000),
            ),
            st.just(Skip(at(2024, 7, 3, 9), "thank_you-x", note="met briefly")),
        )
    )
    def test_any_event_reads_back(self, event: Any) -> None:
        """What unstructure writes (with its type), structure_event reads back equal."""
        assert event == s.structure_event(as_json(event))

    def test_an_unknown_kind_names_the_kinds(self) -> None:
        """It said "missing key 'call'"; now it says which kinds there are."""
        with pytest.raises(FormatError) as raised:
            s.structure_event({"type": "call", "at": "2026-07-08T09:00:00-04:00"})
        assert str(raised.value) == (
            "<data>: $.type: expected one of contact, reply, update, out_of_office, skip, "
            "snooze, got 'call'"
        )

    def test_a_missing_kind_is_said(self) -> None:
        """No type at all."""
        with pytest.raises(FormatError, match=r"\$\.type: expected one of .*, got no type$"):
            s.structure_event({"at": "2026-07-08T09:00:00-04:00"}, source="the form")

    @pytest.mark.parametrize("data", [["reply"], "reply", None, {"type": ["reply"]}])
    def test_not_an_event_is_a_format_error(self, data: Any) -> None:
        """A list, a string, nothing, an unhashable type: FormatError, never a TypeError."""
        with pytest.raises(FormatError, match=r"^the form: \$"):
            s.structure_event(data, source="the form")

    def test_a_history_names_the_entry_of_an_unknown_kind(self) -> None:
        """structure_history reads each event the same way, naming its place."""
        data = [{"type": "reply", "at": "2024-07-03T09:00:00-04:00"}, {"type": "bad"}]
        with pytest.raises(FormatError, match=r"^<data>: \$\[1\]\.type: expected one of "):
            s.structure_history(data)

    def test_a_bad_field_names_its_key(self) -> None:
        """The event's own checks, with the key path (a form's field)."""
        data = {"type": "update", "at": "2024-07-03T09:00:00-04:00", "outcome": "maybe"}
        with pytest.raises(FormatError, match=r"^the form: \$\.outcome: 'maybe' is not one of"):
            s.structure_event(data, source="the form")

    def test_a_form_is_read_as_a_browser_sends_it(self) -> None:
        """``form=True`` (app5 trial): a ticked box's "on" is True, an input left empty
        is a field left out; without it, both stay refused as in a file."""
        ticked = {"type": "contact", "at": "2024-07-03T09:00:00-04:00", "channel": "phone"}
        ticked |= {"voicemail": "on", "answered": "", "note": " ", "recipient": ""}
        event = s.structure_event(ticked, form=True)
        assert isinstance(event, Contact)
        assert (event.voicemail, event.answered, event.note, event.recipient) == (
            True,
            None,
            None,
            None,
        )
        answered = s.structure_event(ticked | {"voicemail": "off", "answered": "true"}, form=True)
        assert isinstance(answered, Contact)
        assert (answered.voicemail, answered.answered) == (False, True)
        untouched = {"type": "reply", "at": "2024-07-03T09:00:00-04:00", "sender": ""}
        assert s.structure_event(untouched, form=True) == Reply(at(2024, 7, 3, 9))
        with pytest.raises(
            FormatError,
            match=r"\$\.voicemail: expected true or false \(a yes/no value, not text\)",
        ):
            s.structure_event({k: v for k, v in ticked.items() if v.strip()})
        with pytest.raises(FormatError, match=r"\$\.sender: must not be empty"):
            s.structure_event(untouched)
        with pytest.raises(
            FormatError,
            match=r"\$\.voicemail: expected yes or no \(on, off, true, false, 1 or 0\)",
        ):
            s.structure_event(ticked | {"voicemail": "maybe"}, form=True)


class TestCheckEventNamesTheEvent:
    """Glue 9: the error about a new event names it ``event``, not ``history[i]``."""

    def test_an_event_before_the_interview(self) -> None:
        """The app added one event; history[0] meant nothing to its user."""
        early = Reply(at(2024, 7, 1, 9))
        with pytest.raises(InvalidHistory) as raised:
            check_event(interview(), [NOTE_TO_ANA], early)
        assert (raised.value.field, str(raised.value).split(":")[0]) == (
            "event.at",
            "event.at = 2024-07-01T09",
        )

    def test_an_unknown_step_of_the_new_event(self) -> None:
        """A skip of a step that is not this interview's."""
        with pytest.raises(InvalidHistory) as raised:
            check_event(interview(), [NOTE_TO_ANA], Skip(at(2024, 7, 3, 9), "nope"))
        assert raised.value.field == "event.step"

    def test_another_events_fault_keeps_its_place(self) -> None:
        """The note logged late, before the skip of that same note: the skip, stored
        already, is at fault, and named by its place."""
        made = interview()
        schedule = plan(made)
        note, uid = next(
            (a, u) for a, u in zip(schedule, schedule.ids, strict=True) if a.recipient == ANA
        )
        skipped = Skip(at(2024, 7, 3, 9), uid)
        with pytest.raises(InvalidHistory) as raised:
            check_event(made, [skipped], note.done(at(2024, 7, 2, 16)))
        assert raised.value.field == "history[1].step"


class TestOneDraft:
    """Glue 10: one step's draft without rendering every other."""

    def test_only_the_steps_asked_for(self) -> None:
        """drafts(..., steps=[id]) gives that draft alone, named as among all."""
        made = interview(candidate=SAM)
        schedule = plan(made)
        every = drafts([(schedule, made, ())])
        wanted = every[1]
        (found,) = drafts([(schedule, made, ())], steps=[wanted.step])
        assert (found.path, found.message_id, found.step) == (
            wanted.path,
            wanted.message_id,
            wanted.step,
        )

    def test_a_step_that_is_no_email_gives_none(self) -> None:
        """An id of a call, or of nothing: no draft."""
        made = interview(invited_to_call=True, decision_by=pendulum.date(2024, 7, 10))
        schedule = plan(made)
        call = next(
            uid
            for a, uid in zip(schedule, schedule.ids, strict=True)
            if a.channel is Channel.PHONE
        )
        assert drafts([(schedule, made, ())], steps=[call, "nope"]) == ()

    def test_one_id_alone_is_refused(self) -> None:
        """A bare string is a collection of characters: refused, saying to pass a list."""
        made = interview()
        with pytest.raises(
            InvalidArgument, match=r"^steps = 'thank_you-x': expected a collection"
        ):
            drafts([(plan(made), made, ())], steps="thank_you-x")


class TestDoneSaysHowItWent:
    """Action.done takes a call's answer and the candidate's note."""

    def test_an_answered_call(self) -> None:
        """The next message may say "I called you" only after an answered call."""
        made = interview(invited_to_call=True, decision_by=pendulum.date(2024, 7, 10))
        call = next(a for a in plan(made) if a.channel is Channel.PHONE)
        event = call.done(at(2024, 7, 11, 10), answered=True, note="spoke to Ana")
        assert (event.answered, event.note) == (True, "spoke to Ana")

    def test_an_answer_on_an_email_is_refused(self) -> None:
        """Only a call is answered (Contact's own check)."""
        (note, *_) = of_kind(plan(interview()), ActionKind.THANK_YOU)
        with pytest.raises(InvalidHistory, match="only a call is answered"):
            note.done(at(2024, 7, 3, 9), answered=True)


class TestDescribeEvent:
    """A history as a person reads it (the command line's words, now public)."""

    @pytest.mark.parametrize(
        ("event", "expected"),
        [
            (NOTE_TO_ANA, "thank-you to Ana Ruiz, by e-mail, Tue 2 Jul 16:00"),
            (
                Contact(at(2024, 7, 9, 10), Channel.PHONE, answered=False, note="no one"),
                "check-in to Ana Ruiz, by phone, no answer, Tue 9 Jul 10:00 (no one)",
            ),
            (Reply(at(2024, 7, 3, 9), "Bo Chen"), "a reply from Bo Chen, Wed 3 Jul 09:00"),
            (
                Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, pendulum.date(2024, 7, 20)),
                "undecided, new date 2024-07-20, Wed 3 Jul 09:00",
            ),
            (
                Snooze(at(2024, 7, 3, 9), "check_in-x", at(2024, 7, 8, 9)),
                "snoozed check_in-x until Mon 8 Jul 09:00, Wed 3 Jul 09:00",
            ),
        ],
    )
    def test_each_kind_in_a_few_words(self, event: Any, expected: str) -> None:
        """Who, how, when on the candidate's clock, and the note."""
        assert describe_event(event, interview()) == expected

    def test_on_the_candidates_clock(self) -> None:
        """A candidate in Berlin reads a New York reply at Berlin time."""
        abroad = interview(candidate=Candidate("Sam Lee", timezone="Europe/Berlin"))
        assert describe_event(Reply(at(2024, 7, 3, 9)), abroad) == "a reply, Wed 3 Jul 15:00"

    def test_not_an_event(self) -> None:
        """A typed error, never an AttributeError."""
        with pytest.raises(InvalidHistory, match=r"^event = 'reply': expected Contact"):
            describe_event("reply", interview())  # type: ignore[arg-type]


def test_a_policy_with_a_preset_reads_through_the_public_api() -> None:
    """What policy.schema.json accepts ({"preset": ...}), an app reads: policy_from is public."""
    assert "policy_from" in s.__all__
    assert s.policy_from({"preset": "cautious", "min_gap": 4}) == attrs.evolve(
        Policy.cautious(), min_gap=4
    )


def test_an_application_takes_a_list_of_events() -> None:
    """Issue 18 item 8: the docs pass a list; it is kept as a tuple, ordered by instant."""
    reply = Reply(at(2024, 7, 3, 9))
    application = Application(interview(), [reply, NOTE_TO_ANA])
    assert application.history == (NOTE_TO_ANA, reply)
