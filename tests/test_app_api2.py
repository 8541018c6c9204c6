"""What the third cold integrator still had to write (issue 18): each piece, now in the library.

A tracker rebuilt from the docs alone needed, beyond app logic: the row id in
the front end's JSON, a link picked by channel, one JSON shape for a found
step, a "done" button safe to press twice, a draft's download name and bytes,
and steps in words in a history.  Each class is tested here through the
public API.
"""

from __future__ import annotations

import email
import email.policy
import json
import uuid
from datetime import timedelta
from typing import Any

import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Interviewer,
    InvalidArgument,
    Reply,
    Skip,
    Snooze,
    StepIdError,
    agenda_many,
    describe_event,
    parse_when,
    render,
)
from followup_rules import serialize as s
from followup_rules.export import Draft, drafts
from followup_rules.identity import person_part, renamed_step

from .factories import at, interview
from .test_web_ready import validator

ANA = Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")
NOW = at(2024, 7, 3, 9)


def application(**changes: Any) -> Application:
    made = interview(interviewers=[ANA], candidate=Candidate("Sam Lee"), **changes)
    return Application(made, key=42)


def as_json(value: Any) -> Any:
    """What a front end receives: the data through JSON text."""
    return json.loads(json.dumps(s.unstructure(value)))


def first_due(app: Application) -> str:
    item = app.agenda(NOW).next
    assert item is not None
    return item.id


class TestTheRowIdInTheJson:
    """Glue 1: an entry of the merged agenda names its application by the app's key."""

    def test_the_key_is_written_and_the_schema_takes_it(self) -> None:
        """The row id goes out as it came in; the shipped schema accepts the document."""
        day = as_json(agenda_many([application()], NOW, until="end_of_day"))
        assert day["entries"][0]["application"]["key"] == 42
        validator("agenda").validate(day)

    @pytest.mark.parametrize(
        ("key", "written"),
        [
            (None, None),
            ("row-7", "row-7"),
            (uuid.UUID(int=7), str(uuid.UUID(int=7))),
            ((1, 2), [1, 2]),
            (("u", (uuid.UUID(int=7), 3)), ["u", [str(uuid.UUID(int=7)), 3]]),
        ],
    )
    def test_any_hashable_key_is_written_as_json_can_hold_it(self, key: Any, written: Any) -> None:
        """A key JSON has no type for travels as its str(), a tuple as a list (app6):
        never a TypeError in json.dumps."""
        app = Application(application().interview, key=key)
        day = as_json(agenda_many([app], NOW, until="end_of_day"))
        assert day["entries"][0]["application"]["key"] == written
        validator("agenda").validate(day)


class TestOneLinkWhateverTheChannel:
    """Glue 2: `Message.link` gives the link that sends the message, or None."""

    def test_an_email_links_to_mailto(self) -> None:
        """The thank-you note opens in the mail client."""
        app = application()
        note = next(a for a in app.plan() if a.kind is ActionKind.THANK_YOU)
        message = render(note, app.interview)
        assert message.link() == message.mailto()
        assert as_json(message)["link"] == message.mailto()

    def test_a_call_links_to_tel(self) -> None:
        """A call script dials the number."""
        app = application(invited_to_call=True)
        call = next(a for a in app.plan() if a.channel is Channel.PHONE)
        message = render(call, app.interview)
        assert message.link() == message.tel() == "tel:+12125550142"

    def test_a_word_in_the_room_has_no_link(self) -> None:
        """Nothing to click for what is said in person."""
        app = application()
        room = next(a for a in app.plan() if a.channel is Channel.IN_PERSON)
        assert render(room, app.interview).link() is None


class TestOneShapeForAStep:
    """Glue 3: a found step's item has the agenda's flat shape."""

    def test_found_step_json(self) -> None:
        """`find_step` in JSON: its item is what the agenda writes for the same step."""
        app = application()
        item = app.agenda(NOW).next
        assert item is not None
        found = as_json(app.find_step(item.id, NOW))
        assert sorted(found) == [
            "description",
            "event",
            "id",
            "item",
            "locale",
            "reason",
            "status",
        ]
        assert found["status"] == "planned" and found["item"] == as_json(item)

    def test_a_done_step_names_its_event(self) -> None:
        """Done: the contact that did it, tagged as the history writes it."""
        app = application()
        step = first_due(app)
        done = app.record_step(step, NOW).application
        assert done is not None
        found = as_json(done.find_step(step, NOW))
        assert found["status"] == "done" and found["event"]["type"] == "contact"
        assert found["item"] is None


class TestDoneByStepId:
    """Glue 4: "done" by step id, once, however often it is pressed."""

    def test_done_records_the_steps_contact(self) -> None:
        """The contact the step plans, at the time given, with what the app knows."""
        app = application()
        step = first_due(app)
        done = app.record_step(step, NOW, message_id="<1@mail.example>")
        assert not done.already and done.number == 1
        contact = done.event
        assert (contact.kind, contact.recipient, contact.at) == (  # type: ignore[union-attr]
            ActionKind.THANK_YOU,
            "Ana Ruiz",
            NOW,
        )
        assert contact.message_id == "<1@mail.example>"  # type: ignore[union-attr]

    def test_pressed_twice_is_recorded_once(self) -> None:
        """A double click or a retried request, seconds later: already done, nothing added."""
        app = application()
        step = first_due(app)
        first = app.record_step(step, NOW)
        assert first.application is not None
        later = NOW + timedelta(seconds=2)
        second = first.application.record_step(step, later, now=later)
        assert second.already and second.event == first.event
        assert second.application is not None
        assert second.application.history == first.application.history

    def test_a_skipped_step_cannot_be_done(self) -> None:
        """The error says why, in the words `find_step` uses."""
        app = application()
        step = first_due(app)
        skipped = app.record(Skip(NOW, step)).application
        assert skipped is not None
        with pytest.raises(StepIdError, match="skipped thank-you to Ana Ruiz"):
            skipped.record_step(step, NOW + timedelta(minutes=1))

    def test_another_interviews_step_is_refused(self) -> None:
        """An id that is not this application's: a typed error naming the field."""
        with pytest.raises(StepIdError) as raised:
            application().record_step("check_in-bob-1-x@followup-rules", NOW)
        assert raised.value.field == "step"

    def test_skipping_twice_is_one_skip(self) -> None:
        """The same decision, logged again a minute later: already there."""
        app = application()
        step = first_due(app)
        once = app.record(Skip(NOW, step)).application
        assert once is not None
        again = once.record(Skip(NOW + timedelta(minutes=1), step))
        assert again.already and len(once.history) == 1


class TestDraftForDownload:
    """Glue 5: a draft's own file name, bytes and media type."""

    def test_name_bytes_and_type(self) -> None:
        """What a download response needs, and the bytes read back as the e-mail."""
        app = application()
        (draft,) = drafts([app], now=NOW, steps=[first_due(app)])
        assert "/" not in draft.filename and draft.path.endswith(draft.filename)
        assert draft.filename.endswith(".eml") and Draft.media_type == "message/rfc822"
        read = email.message_from_bytes(draft.as_bytes(), policy=email.policy.default)
        assert read["Message-ID"] == draft.message_id


class TestStepsInWords:
    """Glue 8: a skip or snooze in a history reads as the step, not its id."""

    def test_skip_and_snooze(self) -> None:
        """``skipped check-in 1 to Ana Ruiz``: which step, for a person."""
        app = application()
        schedule = app.plan()
        check_in = next(
            uid
            for action, uid in zip(schedule.actions, schedule.ids, strict=True)
            if action.kind is ActionKind.CHECK_IN
        )
        said = describe_event(Skip(NOW, check_in), app.interview)
        assert said.startswith("skipped check-in 1 to Ana Ruiz, ")
        snoozed = describe_event(Snooze(NOW, check_in, NOW + timedelta(days=1)), app.interview)
        assert snoozed.startswith("snoozed check-in 1 to Ana Ruiz until ")


class TestWhatRecordingSays:
    """Glue 7: `Recorded` and `Violation` in JSON, documented shapes."""

    def test_recorded_and_its_violations(self) -> None:
        """The event, its place, whether it was there already, each violation readable."""
        app = application()
        step = first_due(app)
        done = as_json(app.record_step(step, NOW))
        assert sorted(done) == ["already", "event", "event_id", "number", "violations"]
        assert done["event"]["type"] == "contact" and done["violations"] == []


class TestTimesTypedWrong:
    """Doc finding 8: a mistyped word of `parse_when` gets a suggestion, as names and zones do."""

    @pytest.mark.parametrize(
        ("typed", "meant"), [("tomorow", "tomorrow"), ("Yesterdy", "yesterday")]
    )
    def test_a_close_word_is_suggested(self, typed: str, meant: str) -> None:
        """The error names the field and the text, and the word meant."""
        with pytest.raises(InvalidArgument) as raised:
            parse_when(typed, "Europe/Berlin", NOW, field="until")
        assert raised.value.field == "until" and raised.value.value == typed
        assert str(raised.value).endswith(f"; did you mean {meant!r}?")

    def test_nothing_close_suggests_nothing(self) -> None:
        """No guess where none is close."""
        with pytest.raises(InvalidArgument) as raised:
            parse_when("next tuesday", "Europe/Berlin", NOW)
        assert "did you mean" not in str(raised.value)


class TestRenameAPerson:
    """Trial finding: a rename after a skip or snooze broke every command (the ids name people)."""

    def test_everything_that_names_them_follows(self) -> None:
        """Interview, contact, recipients, senders and step ids: the plan goes on as before."""
        app = application()
        step = first_due(app)
        check_in = next(
            uid
            for action, uid in zip(app.plan().actions, app.plan().ids, strict=True)
            if action.kind is ActionKind.CHECK_IN
        )
        later = NOW + timedelta(hours=1)
        history = [Skip(NOW, step), Snooze(NOW, check_in, later), Reply(later, "Ana Ruiz")]
        renamed = Application(app.interview, history).rename("ana ruiz", "Ana Vega")
        assert [p.name for p in renamed.interview.interviewers] == ["Ana Vega"]
        assert renamed.history[-1] == Reply(later, "Ana Vega")
        skip, snooze = renamed.history[0], renamed.history[1]
        # ids-6: the step ids stay: the person keeps, as their id, the part their ids held
        assert (skip.step, snooze.step) == (step, check_in)  # type: ignore[union-attr]
        assert renamed.interview.interviewers[0].id == person_part("Ana Ruiz", app.interview)
        before = [a.describe() for a in Application(app.interview, history).plan(later)]
        after = [a.describe() for a in renamed.plan(later)]
        assert after == [text.replace("Ana Ruiz", "Ana Vega") for text in before]
        old_plan = Application(app.interview, history).plan()
        assert renamed.plan().ids == old_plan.ids

    def test_a_step_of_someone_else_keeps_its_id(self) -> None:
        """Only ids naming the person renamed change."""
        step = first_due(application())
        assert renamed_step(step, "Bo Chen", "Bob Chen") == step
        assert renamed_step("not an id", "Ana Ruiz", "Ana Vega") == "not an id"

    @pytest.mark.parametrize(
        ("old", "new", "field"),
        [("Ana Ruis", "Ana Vega", "old"), ("Ana Ruiz", " ", "new"), ("Ana Ruiz", "SAM LEE", None)],
    )
    def test_refused(self, old: str, new: str, field: str | None) -> None:
        """A typo in the old name, an empty new one: typed errors naming the argument."""
        app = application()
        if field is None:  # the candidate is not on the interview: a new name is fine
            assert app.rename(old, new).interview.interviewers[0].name == new
            return
        with pytest.raises(InvalidArgument) as raised:
            app.rename(old, new)
        assert raised.value.field == field


class TestRemove:
    """`Application.remove` (app5 trial): an app's undo without a history file."""

    def test_the_event_read_back_removes_the_one_recorded(self) -> None:
        """The same event in another zone, with another note, is the one recorded; what is
        left is the history without it, and the plan is the plan before it."""
        from followup_rules import Application, InvalidHistory, Reply

        from .factories import interview

        iv = interview()
        before = Application(iv)
        reply = Reply(iv.ends_at.add(days=1), note="she said Friday")
        after = before.record(reply).application
        assert after.history == (reply,)
        read_back = Reply(reply.at.in_timezone("Asia/Tokyo"))
        undone = after.remove(read_back)
        assert undone.history == () and undone.plan() == before.plan()
        with pytest.raises(InvalidHistory, match="is not in the application's history"):
            undone.remove(reply)
        with pytest.raises(InvalidHistory, match="is not an event"):
            after.remove("reply")  # type: ignore[arg-type]
