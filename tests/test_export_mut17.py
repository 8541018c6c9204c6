"""What the seventeenth mutation pass found untested in `export` (issue 20).

Each test reads what a user relies on: the error a bad argument gets, an
e-mail draft's headers as the email package reads them, a calendar item's
lines and properties (icalendar, read back).
"""

from __future__ import annotations

from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import pendulum
import pytest
from icalendar import Calendar

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    Interviewer,
    Plan,
    Policy,
    Snooze,
    StepIdError,
    TemplatePack,
    action_ids,
    plan,
    render,
)
from followup_rules import _calendar as cal
from followup_rules.export import describe, to_eml, to_ics

from .factories import at, interview
from .test_drafts import first, signed
from .test_export_content import ANA, BERLIN_BO, NOW, rings


class TestTheStepIdOfADraft:
    """`to_eml(step=...)` makes the Message-ID from the step's id: a value that is no
    step id is refused with a typed error naming ``step`` (SPEC, "Bad input": never a
    bare `AttributeError`, never a draft made from a value nobody meant)."""

    @pytest.mark.parametrize("step", [7, b"thank_you-ana", ["thank_you-ana"], 1.5])
    @pytest.mark.parametrize("address", ["sam@example.com", None])
    def test_a_step_id_that_is_not_text_is_refused(self, step: Any, address: str | None) -> None:
        iv = signed(candidate=Candidate("Sam Lee", email=address))
        note = first(plan(iv), ActionKind.THANK_YOU)
        with pytest.raises(StepIdError) as caught:
            to_eml(note, iv, step=step)
        assert caught.value.field == "step"
        assert caught.value.value == step
        assert "expected a string" in str(caught.value)

    @pytest.mark.parametrize("address", ["sam@example.com", None])
    def test_a_step_id_no_e_mail_can_hold_is_refused(self, address: str | None) -> None:
        """A lone surrogate: the library refuses it in every text it is given."""
        iv = signed(candidate=Candidate("Sam Lee", email=address))
        schedule = plan(iv)
        note = first(schedule, ActionKind.THANK_YOU)
        good = dict(zip(schedule, action_ids(schedule, iv), strict=True))[note]
        with pytest.raises(StepIdError) as caught:
            to_eml(note, iv, step=good + "\ud800")
        assert caught.value.field == "step"
        assert "lone surrogate" in str(caught.value)

    def test_a_step_id_in_any_script_makes_a_draft(self) -> None:
        """Text of any script (a name's part in a step id) is a step id like any other:
        one id, one Message-ID, the same each time; two ids, two."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        ids = {
            step: str(to_eml(note, iv, step=step)["Message-ID"])
            for step in ("thank_you-zoë-1", "thank_you-李-1", "thank_you-😀-1")
        }
        assert len(set(ids.values())) == 3
        assert ids["thank_you-李-1"] == str(to_eml(note, iv, step="thank_you-李-1")["Message-ID"])


class TestASnoozedStepsItem:
    def test_the_day_it_was_snoozed_to_is_on_the_candidates_clock(self) -> None:
        """The "Why:" line says the day the step was snoozed to as the candidate's
        calendar shows it: in Auckland, 20:00 UTC on Monday is Tuesday morning
        (not the interview's New York day, nor the machine's)."""
        candidate = Candidate("Sam Lee", email="sam@example.com", timezone="Pacific/Auckland")
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        iv = interview(interviewers=[ana], candidate=candidate, decision_by=date(2024, 7, 9))
        thanks = Contact(at(2024, 7, 2, 18), Channel.EMAIL, ActionKind.THANK_YOU)
        first_step = Application(iv, [thanks]).agenda(at(2024, 7, 9)).coming[0]
        until = pendulum.datetime(2024, 7, 22, 20, tz="UTC")
        snooze = Snooze(at(2024, 7, 9, 9), first_step.id, until)
        calendar = Calendar.from_ical(
            to_ics(Application(iv, [thanks, snooze]), now=at(2024, 7, 9, 10))
        )
        (item,) = [c for c in calendar.walk() if c.get("UID") == first_step.id]
        why = [line for line in str(item["DESCRIPTION"]).split("\n") if line.startswith("Why:")]
        unsnoozed = Calendar.from_ical(to_ics(Application(iv, [thanks]), now=at(2024, 7, 9, 10)))
        (planned,) = [c for c in unsnoozed.walk() if c.get("UID") == first_step.id]
        reason = [
            line for line in str(planned["DESCRIPTION"]).split("\n") if line.startswith("Why:")
        ]
        # the planned reason first, then the move (xǁ_Writerǁdescription__mutmut_48)
        assert why == [f"{reason[0]} You snoozed it until Tue 23 Jul 2024."]


class TestACallsItem:
    def test_a_call_without_a_script_still_gives_the_number(self) -> None:
        """No candidate to sign a script (no message): the item still says whom to
        call and the number to dial, as its last line."""
        iv = interview(decision_by=date(2024, 7, 10))
        assert iv.candidate is None
        call = next(a for a in plan(iv) if a.channel is Channel.PHONE)
        assert call.recipient is not None and call.recipient.phone
        (item,) = [
            c
            for c in Calendar.from_ical(to_ics(Plan([call]), iv, now=NOW)).walk()
            if c.name in ("VTODO", "VEVENT")
        ]
        text = str(item["DESCRIPTION"])
        assert text.endswith(f"\n\nCall: {call.recipient.phone}")
        assert text.count("Call:") == 1


def only_item(data: bytes) -> Any:
    (item,) = [c for c in Calendar.from_ical(data).walk() if c.name in ("VTODO", "VEVENT")]
    return item


class TestWhatAnItemsMessageIsHeadedWith:
    def test_talking_points_follow_the_reason_after_one_blank_line(self) -> None:
        """A step in the room has no To:, Subject: or number: its talking points come
        right after the "Why:" line and one blank line, as a message's text does."""
        iv = signed()
        step = next(a for a in plan(iv) if a.channel is Channel.IN_PERSON)
        assert step.template is not None
        text = str(only_item(to_ics(Plan([step]), iv, now=NOW))["DESCRIPTION"])
        head, _, said = text.partition("\n\n")
        assert head.split("\n")[-1].startswith("Why: ")
        assert said == render(step, iv).text

    def test_an_e_mail_without_a_subject_says_none(self, tmp_path: Path) -> None:
        """A pack whose template gives no subject: the item's Subject: line is empty
        (nothing is made up), and the text follows."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block body %}Thank you, {{ recipient }}.{% endblock %}\n", encoding="utf-8"
        )
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        pack = TemplatePack(tmp_path)
        message = pack.render(note, iv)
        assert message.subject is None
        text = str(only_item(to_ics(Plan([note]), iv, now=NOW, pack=pack))["DESCRIPTION"])
        assert text.endswith(f"\n\nTo: {message.to}\nSubject: \n\n{message.text}")


class TestAnItemKeepsItsKind:
    def test_events_exported_again_as_to_dos_stay_events(self) -> None:
        """A calendar imported as events, exported again without *events* over it: each
        item keeps the kind it was imported as (one object per UID: a CalDAV server
        refuses a to-do under an event's UID), e-mails included."""
        iv = signed()
        app = Application(iv)
        now = at(2024, 7, 2, 12)
        first_file = to_ics(app, now=now, events=True)
        second_file = to_ics(app, now=now, previous=first_file)
        kinds = {
            str(c["UID"]): c.name
            for c in Calendar.from_ical(second_file).walk()
            if c.name in ("VTODO", "VEVENT")
        }
        before = {
            str(c["UID"]): c.name
            for c in Calendar.from_ical(first_file).walk()
            if c.name in ("VTODO", "VEVENT")
        }
        assert set(before.values()) == {"VEVENT"}
        assert kinds == before
        mails = [a for a in plan(iv) if a.channel is Channel.EMAIL]
        assert mails and to_ics(app, now=now).count(b"BEGIN:VTODO") >= len(mails)


class TestAFreshItemsStatus:
    def test_a_to_do_needs_action_and_an_event_is_tentative(self) -> None:
        """RFC 5545: a to-do not started is NEEDS-ACTION; a planned event (a call, or
        every step with *events*) is TENTATIVE until it is done."""
        iv = signed()
        found = [
            (c.name, str(c["STATUS"]))
            for c in Calendar.from_ical(to_ics(plan(iv), iv, now=NOW)).walk()
            if c.name in ("VTODO", "VEVENT")
        ]
        assert ("VTODO", "NEEDS-ACTION") in found and ("VEVENT", "TENTATIVE") in found
        assert {status for name, status in found if name == "VTODO"} == {"NEEDS-ACTION"}
        assert {status for name, status in found if name == "VEVENT"} == {"TENTATIVE"}
        events = Calendar.from_ical(to_ics(plan(iv), iv, now=NOW, events=True))
        assert {str(c["STATUS"]) for c in events.walk("VEVENT")} == {"TENTATIVE"}


class TestAnItemsSummary:
    def test_a_french_summary_is_punctuated_in_french(self) -> None:
        """The summary is written in the item's language: in French, a no-break space
        before its colon, as in the reminder that shows it."""
        iv = signed(candidate=Candidate("Sam Lee", email="sam@example.com", language="fr"))
        note = first(plan(iv), ActionKind.THANK_YOU)
        item = only_item(to_ics(Plan([note]), iv, now=NOW))
        expected = f"Acme Analytics\u00a0: {describe(note, 'fr')}"
        assert str(item["SUMMARY"]) == expected
        assert [str(alarm["DESCRIPTION"]) for alarm in item.walk("VALARM")] == [expected]

    def test_a_to_do_is_due_and_an_event_ends(self) -> None:
        """A to-do's window closes at its DUE (a VTODO has no DTEND); an event's at its DTEND."""
        iv = signed()
        found = [
            (c.name, "DUE" in c, "DTEND" in c)
            for c in Calendar.from_ical(to_ics(plan(iv), iv, now=NOW)).walk()
            if c.name in ("VTODO", "VEVENT")
        ]
        assert set(found) == {("VTODO", True, False), ("VEVENT", False, True)}


class TestWhenAnItemIsDue:
    def test_the_window_is_on_the_recipients_clock_then_the_candidates(self) -> None:
        """Bo reads his note in Berlin: the window and the best moment on his clock, then
        the same window on the candidate's New York clock."""
        iv = signed(interviewers=[ANA, BERLIN_BO])
        note = next(
            a
            for a in plan(iv)
            if a.kind is ActionKind.THANK_YOU
            and a.recipient is not None
            and a.recipient.name == "Bo Chen"
        )
        lines = str(only_item(to_ics(Plan([note]), iv, now=NOW))["DESCRIPTION"]).split("\n")
        assert lines[1:3] == [
            "When: Tue 2 Jul 2024 21:00 to Wed 3 Jul 2024 21:00 (Europe/Berlin), best at 13:00",
            "Your time: Tue 2 Jul 2024 15:00 to Wed 3 Jul 2024 15:00 (America/New_York)",
        ]


EIGHT_TO_NINE = (time(8), time(21))
"""Waking hours other than the default (07:00 to 22:00), as `to_ics(awake=...)` takes them."""


class TestWhenAReminderRings:
    def note_to_bo(self) -> Any:
        iv = signed(interviewers=[ANA, BERLIN_BO])
        note = next(
            a
            for a in plan(iv)
            if a.kind is ActionKind.THANK_YOU
            and a.recipient is not None
            and a.recipient.name == "Bo Chen"
        )
        return iv, note

    def test_a_ring_at_the_last_waking_minute_stays(self) -> None:
        """Waking hours include their last minute: a reminder ten hours before Bo's 07:00
        (New York) rings at 21:00 the evening before, not moved to another time."""
        iv, note = self.note_to_bo()
        reminder = timedelta(hours=10)
        ring = cal.utc(note.suggested) - reminder
        assert ring.astimezone(cal.zone("America/New_York")).time() == time(21)
        assert rings(to_ics(Plan([note]), iv, now=NOW, reminder=reminder)) == [ring]

    def test_a_ring_at_the_first_waking_minute_stays(self) -> None:
        iv, note = self.note_to_bo()
        awake = (time(6, 45), time(21))
        ring = cal.utc(note.suggested) - timedelta(minutes=15)
        assert ring.astimezone(cal.zone("America/New_York")).time() == time(6, 45)
        assert rings(to_ics(Plan([note]), iv, now=NOW, awake=awake)) == [ring]

    def test_a_ring_late_at_night_moves_to_the_next_morning(self) -> None:
        """Awake 08:00 to 21:00: a reminder that would ring at 21:15 rings at 08:00 the
        next morning, the note's own day, when it can still be sent then."""
        iv, note = self.note_to_bo()
        reminder = timedelta(hours=9, minutes=45)
        new_york = cal.zone("America/New_York")
        assert (cal.utc(note.suggested) - reminder).astimezone(new_york).time() == time(21, 15)
        (ring,) = rings(to_ics(Plan([note]), iv, now=NOW, reminder=reminder, awake=EIGHT_TO_NINE))
        local = ring.astimezone(new_york)
        assert (local.date(), local.time()) == (
            note.suggested.astimezone(new_york).date(),
            time(8),
        )

    @pytest.mark.parametrize("window", ["10:00-10:30", "10:00-11:00"])
    def test_a_ring_late_at_night_before_a_window_over_by_morning_rings_at_bedtime(
        self, window: str
    ) -> None:
        """A call window of 07:00-07:30 in Los Angeles, or 07:00-08:00 (closed when the
        candidate, awake 08:00 to 21:00, wakes): a reminder due at 21:15 the evening
        before cannot wait for 08:00, so it rings at 21:00."""
        iv = signed(candidate=Candidate("Sam Lee", timezone="America/Los_Angeles"))
        call = next(
            a
            for a in plan(iv, Policy(call_window=window))
            if a.kind is ActionKind.CHECK_IN and a.channel is Channel.PHONE
        )
        los_angeles = cal.zone("America/Los_Angeles")
        opens = call.earliest.astimezone(los_angeles)
        reminder = cal.utc(call.suggested) - cal.local_instant(
            opens.date() - timedelta(days=1), time(21, 15), los_angeles
        )
        (ring,) = rings(to_ics(Plan([call]), iv, now=NOW, reminder=reminder, awake=EIGHT_TO_NINE))
        local = ring.astimezone(los_angeles)
        assert (local.date(), local.time()) == (opens.date() - timedelta(days=1), time(21))
