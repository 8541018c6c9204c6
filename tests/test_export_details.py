"""Calendar and draft exports, in detail: what a calendar app or a mail client reads.

Calendars are read back with icalendar's parser and drafts with the stdlib
e-mail parser, as the programs the files are made for would read them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta, tzinfo
from datetime import time as wall_time
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import icalendar
import pendulum
import pytest

from followup_rules import (
    Action,
    ActionKind,
    Application,
    Candidate,
    Channel,
    InvalidArgument,
    Outcome,
    Plan,
    TemplateError,
    TemplatePack,
    Update,
    action_ids,
    plan,
)
from followup_rules.export import action_uid, drafts, eml_name, to_eml, to_ics, to_ics_many
from followup_rules.messages import default_pack

from .factories import at, interview

NOW = pendulum.datetime(2026, 7, 1, 9, 30, tz="UTC")
SAM = Candidate("Sam Lee", email="sam@example.com")


def signed(**changes: Any) -> Any:
    """The factories' interview, with a decision date and a candidate who signs."""
    return interview(**{"candidate": SAM, "decision_by": date(2024, 7, 10), **changes})


def calendar_of(data: bytes) -> Any:
    return icalendar.Calendar.from_ical(data)


def items(data: bytes) -> list[Any]:
    """The to-dos and events of a calendar, in order."""
    return [c for c in calendar_of(data).walk() if c.name in ("VTODO", "VEVENT")]


def by_uid(data: bytes) -> dict[str, Any]:
    return {str(item["UID"]): item for item in items(data)}


def sequences(data: bytes) -> dict[str, int]:
    return {uid: int(item["SEQUENCE"]) for uid, item in by_uid(data).items()}


def read(draft: EmailMessage) -> Any:
    """A draft as a mail client reads the file."""
    return message_from_bytes(draft.as_bytes(), policy=policy.default)


def first(schedule: Plan, kind: ActionKind) -> Action:
    return next(action for action in schedule if action.kind is kind)


def refusal(error: type[Exception], call: Any) -> tuple[str, object, str]:
    with pytest.raises(error) as caught:
        call()
    found: Any = caught.value
    return (found.field, found.value, found.problem)


class TestCalendarHeader:
    """What a calendar app shows of the file itself (RFC 5545, 3.6, and its name)."""

    def test_the_file_says_who_made_it_and_which_icalendar_it_is(self) -> None:
        """PRODID and VERSION:2.0, which RFC 5545 requires of every calendar."""
        iv = signed()
        calendar = calendar_of(to_ics(plan(iv), iv, now=NOW))
        expected = ("-//followup_rules//Interview follow-up plan//EN", "2.0")
        assert expected == (str(calendar["PRODID"]), str(calendar["VERSION"]))

    def test_a_calendar_of_one_interview_is_named_after_it(self) -> None:
        """The name a calendar app gives the imported calendar: role and company."""
        iv = signed()
        calendar = calendar_of(to_ics(plan(iv), iv, now=NOW))
        assert str(calendar["X-WR-CALNAME"]) == "Follow-up: Data Engineer at Acme Analytics"

    def test_a_calendar_of_many_interviews_has_a_general_name(self) -> None:
        """to_ics_many() of several interviews, without a name: "Interview follow-ups"."""
        iv, other = signed(), signed(company="Globex")
        data = to_ics_many([(plan(iv), iv, ()), (plan(other), other, ())], now=NOW)
        assert str(calendar_of(data)["X-WR-CALNAME"]) == "Interview follow-ups"

    def test_a_calendar_can_be_given_its_name(self) -> None:
        """name= names it, whatever the number of interviews."""
        iv = signed()
        data = to_ics_many([(plan(iv), iv, ())], now=NOW, name="Job hunt 2024")
        assert str(calendar_of(data)["X-WR-CALNAME"]) == "Job hunt 2024"


class TestItems:
    """What each to-do or event holds (RFC 5545, 3.6.1 and 3.6.2)."""

    def test_every_item_is_stamped_with_now_in_utc(self) -> None:
        """DTSTAMP, required on every item, is the *now* passed in."""
        iv = signed()
        stamps = {item["DTSTAMP"].dt for item in items(to_ics(plan(iv), iv, now=NOW))}
        assert {NOW} == stamps

    def test_every_item_is_filed_under_its_kind(self) -> None:
        """CATEGORIES is the step's kind, so a calendar can filter by it."""
        iv = signed()
        whole = plan(iv)
        found = [item["CATEGORIES"].cats for item in items(to_ics(whole, iv, now=NOW))]
        assert [[action.kind.value] for action in whole] == found

    def test_provenance_is_kept_out_of_sight(self) -> None:
        """Rule, sources and template are X- properties, which calendars do not show."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        item = items(to_ics(Plan([note]), iv, now=NOW))[0]
        expected = (
            "thank-you",
            " ".join(note.sources),
            "thank_you_email",
        )
        actual = tuple(
            str(item[key])
            for key in ("X-FOLLOWUP-RULE", "X-FOLLOWUP-SOURCES", "X-FOLLOWUP-TEMPLATE")
        )
        assert expected == actual
        assert ".txt" not in str(item["DESCRIPTION"])

    def test_a_step_without_template_has_no_message(self) -> None:
        """A step read back without a template: its description ends with why, no message."""
        iv = signed()
        step = first(plan(iv), ActionKind.ASK_TIMELINE)
        bare = Action(
            kind=step.kind,
            channel=step.channel,
            recipient=step.recipient,
            earliest=step.earliest,
            latest=step.latest,
            suggested=step.suggested,
            rule=step.rule,
            sources=step.sources,
            template=None,
        )
        item = items(to_ics(Plan([bare]), iv, now=NOW))[0]
        last = str(item["DESCRIPTION"]).splitlines()[-1]
        assert (last.startswith("Why: "), "X-FOLLOWUP-TEMPLATE" in item) == (True, False)

    def test_the_reminder_rings_the_chosen_time_before_the_suggested_time(self) -> None:
        """Each item's alarm: a display of the step, *reminder* before its suggested time.

        (An early riser: every ring falls in the waking hours given, so none moves.)
        """
        iv = signed()
        whole = plan(iv)
        hour = timedelta(hours=1)
        expected = [
            ("DISPLAY", f"Acme Analytics: {action.describe()}", action.suggested - hour)
            for action in whole
        ]
        actual = []
        for item in items(
            to_ics(whole, iv, now=NOW, reminder=hour, awake=(wall_time(6), wall_time(22)))
        ):
            (alarm,) = item.walk("VALARM")
            rings = item["DTSTART"].dt + alarm["TRIGGER"].dt
            actual.append((str(alarm["ACTION"]), str(alarm["DESCRIPTION"]), rings))
        assert expected == actual


class TestTimes:
    """Times a calendar reader places right, whatever zone the interview or machine is in."""

    def test_a_negative_fixed_offset_is_written_in_utc(self) -> None:
        """14:00-03:00 has no VTIMEZONE to name it: it is written as 17:00Z."""
        iv = signed(starts_at=pendulum.parse("2024-07-02T14:00:00-03:00"))
        data = to_ics(plan(iv), iv, now=NOW)
        assert b"TZID" not in data
        assert b"DTSTART:20240702T170000Z" in data

    def test_the_bytes_do_not_depend_on_the_machines_time_zone(self, machine_zone: Any) -> None:
        """Purity: a fixed-offset calendar, re-exported with done steps, is the same anywhere.

        Times in a bare offset and the COMPLETED time of a done step are in
        UTC, never in the zone of the computer that ran the export.
        """
        iv = signed(starts_at=pendulum.parse("2024-07-02T14:00:00+05:30"))
        whole = plan(iv)
        history = [action.done() for action in list(whole)[:8]]
        rest = plan(iv, history=history)

        def export() -> bytes:
            earlier = to_ics(whole, iv, now=NOW)
            return to_ics(rest, iv, now=NOW, history=history, previous=earlier)

        machine_zone("UTC")
        in_utc = export()
        machine_zone("America/Sao_Paulo")
        assert in_utc == export()


@pytest.fixture
def machine_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the process's local time zone (TZ), and restore it after the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("no time.tzset on this platform")

    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


class TestNow:
    """The calendar's timestamp must be an aware datetime (Python's definition)."""

    def test_a_tzinfo_without_an_offset_is_naive(self) -> None:
        """A datetime whose tzinfo gives no UTC offset is naive, and refused by name."""

        class Nowhere(tzinfo):
            def utcoffset(self, dt: datetime | None) -> None:
                return None

        iv = signed()
        now = datetime(2026, 7, 1, 9, tzinfo=Nowhere())
        expected = ("now", now, "expected an aware datetime")
        assert expected == refusal(InvalidArgument, lambda: to_ics(plan(iv), iv, now=now))

    def test_drafts_refuse_a_tzinfo_without_an_offset(self) -> None:
        """drafts(now=...) too: a tzinfo that gives no UTC offset is refused by name."""

        class Nowhere(tzinfo):
            def utcoffset(self, dt: datetime | None) -> None:
                return None

        iv = signed()
        now = datetime(2026, 7, 1, 9, tzinfo=Nowhere())
        expected = ("now", now, "expected an aware datetime or None")
        assert expected == refusal(InvalidArgument, lambda: drafts([(plan(iv), iv, ())], now=now))

    def test_a_plan_without_its_interview_is_refused_by_name(self) -> None:
        """to_ics(plan, now=...) without the interview: the error says what is missing."""
        iv = signed()
        expected = ("interview", None, "a plan needs the interview it is for")
        assert expected == refusal(InvalidArgument, lambda: to_ics(plan(iv), now=NOW))

    def test_drafts_refuse_a_string_as_now(self) -> None:
        """drafts(now="2026-07-01"): our error naming *now*, not an AttributeError."""
        iv = signed()
        expected = ("now", "2026-07-01", "expected an aware datetime or None")
        assert expected == refusal(
            InvalidArgument,
            lambda: drafts([(plan(iv), iv, ())], now="2026-07-01"),  # type: ignore[arg-type]
        )

    def test_a_string_is_no_timestamp(self) -> None:
        """An ISO string is refused with our error, not an AttributeError."""
        iv = signed()
        expected = ("now", "2026-07-01", "expected an aware datetime")
        assert expected == refusal(
            InvalidArgument,
            lambda: to_ics(plan(iv), iv, now="2026-07-01"),  # type: ignore[arg-type]
        )


class TestPrevious:
    """Re-exporting over an earlier calendar (issue 12)."""

    def test_garbage_is_refused_showing_its_start(self) -> None:
        """The error names *previous* and shows the first 40 bytes of what was given."""
        iv = signed()
        garbage = b"this is a shopping list, not a calendar: milk, eggs, flour"
        field, value, problem = refusal(
            InvalidArgument, lambda: to_ics(plan(iv), iv, now=NOW, previous=garbage)
        )
        assert ("previous", garbage[:40], True) == (
            field,
            value,
            problem.startswith("is not an iCalendar file ("),
        )

    def test_reminders_with_their_own_uid_stay_inside_their_items(self) -> None:
        """A calendar app may give each VALARM a UID: it is no step, and is not copied out."""
        iv = signed()
        whole = plan(iv)
        saved = to_ics(whole, iv, now=NOW).replace(
            b"BEGIN:VALARM\r\n", b"BEGIN:VALARM\r\nUID:4A1F0C2E-alarm\r\n"
        )
        again = calendar_of(to_ics(whole, iv, now=NOW, previous=saved))
        expected = (len(whole), len(whole))
        assert expected == (len(again.subcomponents) - 1, len(again.walk("VALARM")))

    def test_a_step_moved_twice_has_sequence_two(self) -> None:
        """Each change raises SEQUENCE by one: new decision dates twice, SEQUENCE 2."""
        iv = signed()
        whole = plan(iv)
        done = [action.done() for action in list(whole)[:7]]
        once = [*done, Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, date(2024, 7, 17))]
        twice = [*once, Update(at(2024, 7, 5, 9), Outcome.UNDECIDED, date(2024, 7, 24))]
        first_export = to_ics(whole, iv, now=NOW)
        second_export = to_ics(
            plan(iv, history=once), iv, now=NOW, history=once, previous=first_export
        )
        moved = plan(iv, history=twice)
        third_export = to_ics(moved, iv, now=NOW, history=twice, previous=second_export)
        ids = action_ids(moved, iv, twice)
        expected = dict.fromkeys(ids, 2)
        assert expected == {uid: sequences(third_export)[uid] for uid in ids}

    def test_a_moved_step_then_dropped_is_cancelled_with_the_next_sequence(self) -> None:
        """A check-in moved once (SEQUENCE 1) and dropped after an offer is cancelled at 2."""
        iv = signed()
        whole = plan(iv)
        done = [action.done() for action in list(whole)[:7]]
        moved = [*done, Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, date(2024, 7, 17))]
        offer = [*moved, Update(at(2024, 7, 5, 9), Outcome.OFFER)]
        second_export = to_ics(
            plan(iv, history=moved),
            iv,
            now=NOW,
            history=moved,
            previous=to_ics(whole, iv, now=NOW),
        )
        third_export = to_ics(
            plan(iv, history=offer), iv, now=NOW, history=offer, previous=second_export
        )
        check_ins = [
            uid
            for uid, action in zip(action_ids(whole, iv), whole, strict=True)
            if action.kind is ActionKind.CHECK_IN
        ]
        expected = dict.fromkeys(check_ins, ("CANCELLED", 2))
        found = by_uid(third_export)
        actual = {
            uid: (str(found[uid]["STATUS"]), int(found[uid]["SEQUENCE"])) for uid in check_ins
        }
        assert expected == actual

    def test_items_without_a_sequence_count_from_zero(self) -> None:
        """RFC 5545 makes SEQUENCE optional (0 when absent): unchanged 0, moved or closed 1."""
        iv = signed()
        whole = plan(iv)
        saved = to_ics(whole, iv, now=NOW).replace(b"SEQUENCE:0\r\n", b"")
        assert b"SEQUENCE" not in saved
        done = [action.done() for action in list(whole)[:7]]
        history = [*done, Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, date(2024, 7, 17))]
        moved = plan(iv, history=history)
        again = sequences(to_ics(moved, iv, now=NOW, history=history, previous=saved))
        ids = action_ids(whole, iv)
        expected = dict.fromkeys(ids[:7], 1)  # done: closed
        expected.update(dict.fromkeys(action_ids(moved, iv, history), 1))  # moved
        assert expected == again

    def test_a_closed_item_keeps_its_own_properties_and_no_reminder(self) -> None:
        """Done or cancelled: the same summary, times and description, once; nothing rings."""
        iv = signed()
        whole = plan(iv)
        before = by_uid(to_ics(whole, iv, now=NOW))
        history = [action.done() for action in list(whole)[:8]]
        history.append(Update(history[-1].at.add(minutes=5), Outcome.OFFER))
        after = by_uid(
            to_ics(
                plan(iv, history=history),
                iv,
                now=NOW.add(days=20),
                history=history,
                previous=to_ics(whole, iv, now=NOW),
            )
        )
        kept = (
            "UID",
            "SUMMARY",
            "DTSTART",
            "DUE",
            "DTEND",
            "CATEGORIES",
            "DESCRIPTION",
            "X-FOLLOWUP-APPLICATION",
            "X-FOLLOWUP-STEP",
            "X-FOLLOWUP-RULE",
            "X-FOLLOWUP-SOURCES",
            "X-FOLLOWUP-TEMPLATE",
        )

        def own(item: Any) -> dict[str, bytes]:
            return {key: item[key].to_ical() for key in kept if key in item}

        def undone(item: Any) -> Any:
            """The item without the line a step done gets first (tested below)."""
            text = str(item["DESCRIPTION"])
            if text.startswith("Done: "):
                item = item.copy()
                item["DESCRIPTION"] = icalendar.vText(text.split("\n\n", 1)[1])
            return item

        assert {uid: own(item) for uid, item in before.items()} == {
            uid: own(undone(item)) for uid, item in after.items()
        }
        restamped = {"DTSTAMP", "SEQUENCE", "STATUS", "COMPLETED", "PERCENT-COMPLETE"}
        extra = {key for item in after.values() for key in item} - set(kept) - restamped
        assert (set(), []) == (extra, [uid for uid, item in after.items() if item.subcomponents])

    def test_a_step_done_says_when_and_how(self) -> None:
        """Its planned time stays; the first line says when it was done, on the candidate's
        clock; a to-do is COMPLETED then, an event (a call) CONFIRMED."""
        iv = signed()
        whole = plan(iv)
        note = next(a for a in whole if a.kind is ActionKind.THANK_YOU)
        call = next(a for a in whole if a.channel is Channel.PHONE)
        history = [
            note.done(note.suggested.add(minutes=7)),
            call.done(call.suggested.add(minutes=5)),
        ]
        ids = dict(zip(whole, whole.ids, strict=True))
        previous = to_ics(whole, iv, now=NOW)
        after = by_uid(
            to_ics(
                plan(iv, history=history),
                iv,
                now=NOW.add(days=20),
                history=history,
                previous=previous,
            )
        )
        done_note, done_call = after[ids[note]], after[ids[call]]
        assert str(done_note["DESCRIPTION"]).startswith(
            "Done: thank-you to Ana Ruiz, by e-mail, Tue 2 Jul 16:07\n\n"
        )
        assert str(done_call["DESCRIPTION"]).startswith(
            "Done: check-in to Ana Ruiz, by phone, Thu 11 Jul 10:05\n\n"
        )
        assert (str(done_note["STATUS"]), done_note["COMPLETED"].dt) == (
            "COMPLETED",
            history[0].at.in_timezone("UTC"),
        )
        assert str(done_call["STATUS"]) == "CONFIRMED"
        assert done_call["DTSTART"].dt == call.earliest  # the time it was planned for

    def test_a_closed_item_is_stamped_with_the_new_now(self) -> None:
        """DTSTAMP of a cancelled step is the time of the export that cancelled it."""
        iv = signed()
        whole = plan(iv)
        history = [action.done() for action in list(whole)[:8]]
        history.append(Update(history[-1].at.add(minutes=5), Outcome.OFFER))
        later = NOW.add(days=20)
        found = by_uid(
            to_ics(
                plan(iv, history=history),
                iv,
                now=later,
                history=history,
                previous=to_ics(whole, iv, now=NOW),
            )
        )
        assert {later} == {item["DTSTAMP"].dt for item in found.values()}


class TestUids:
    """UIDs (`followup_rules.identity`)."""

    def test_a_uid_without_an_ordinal_is_the_first_of_its_kind(self) -> None:
        """action_uid(action, interview) is the UID of the first such step to that person."""
        iv = signed()
        whole = plan(iv)
        check_in = first(whole, ActionKind.CHECK_IN)
        ids = dict(zip(whole, action_ids(whole, iv), strict=True))
        assert ids[check_in] == action_uid(check_in, iv)

    def test_a_uid_with_an_ordinal_is_that_step_of_its_kind(self) -> None:
        """action_uid(action, interview, 2) is the UID of the second such step to that person."""
        iv = signed()
        whole = plan(iv)
        second = [action for action in whole if action.kind is ActionKind.CHECK_IN][1]
        ids = dict(zip(whole, action_ids(whole, iv), strict=True))
        assert (
            action_uid(second, iv, 2),
            action_uid(second, iv, 2) != action_uid(second, iv),
        ) == (
            ids[second],
            True,
        )


class TestDrafts:
    """The .eml drafts, as a mail client reads them."""

    def test_a_draft_opens_as_a_draft_and_names_no_rule(self) -> None:
        """X-Unsent: 1 opens it as a draft; no X-Followup-* header leaves with the mail."""
        iv = signed()
        draft = read(to_eml(first(plan(iv), ActionKind.THANK_YOU), iv))
        followup = [key for key in draft if key.lower().startswith("x-followup")]
        assert (draft["X-Unsent"], followup) == ("1", [])

    def test_a_draft_is_written_in_the_candidates_language(self) -> None:
        """Without a pack, a German-speaking candidate's draft is in German."""
        iv = signed(candidate=Candidate("Sam Lee", email="sam@example.com", language="de"))
        draft = read(to_eml(first(plan(iv), ActionKind.THANK_YOU), iv))
        assert draft["Subject"] == "Vielen Dank für das Gespräch: Data Engineer bei Acme Analytics"

    def test_a_candidate_without_an_address_gives_no_from_line(self) -> None:
        """No e-mail address for the candidate: no From: (the mail client fills it in)."""
        iv = signed(candidate=Candidate("Sam Lee"))
        draft = read(to_eml(first(plan(iv), ActionKind.THANK_YOU), iv))
        assert (draft["From"], list(draft.defects)) == (None, [])

    def test_a_draft_without_a_candidate_is_a_template_error(self) -> None:
        """The signature needs the candidate: our error, naming what is missing."""
        iv = interview(decision_by=date(2024, 7, 10))
        note = first(plan(iv), ActionKind.THANK_YOU)
        with pytest.raises(TemplateError, match="candidate"):
            to_eml(note, iv)

    def test_a_template_without_a_subject_gives_an_empty_subject(self, tmp_path: Path) -> None:
        """A pack whose template has no subject block: an empty Subject, never a made-up one."""
        (tmp_path / "thank_you_email.txt").write_text(
            "{% block body %}Thank you, {{ recipient_name }}.{% endblock %}\n", encoding="utf-8"
        )
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        draft = read(to_eml(note, iv, TemplatePack(tmp_path)))
        assert draft["Subject"] == ""

    def test_a_draft_to_nobody_in_particular_is_named_by_its_kind(self) -> None:
        """eml_name() of a step without a recipient: number and kind only."""
        iv = signed()
        step = first(plan(iv), ActionKind.CHECK_IN)
        nobody = Action(
            kind=step.kind,
            channel=Channel.EMAIL,
            recipient=None,
            earliest=step.earliest,
            latest=step.latest,
            suggested=step.suggested,
            rule=step.rule,
            sources=step.sources,
            template=step.template,
        )
        assert (
            eml_name(3, nobody),
            eml_name(3, step),
        ) == ("03-check_in.eml", "03-check_in-ana-ruiz.eml")

    def test_drafts_of_an_application_at_now_leave_out_notes_too_late_to_send(self) -> None:
        """drafts([application], now=...): the steps still doable then, not the whole plan.

        On 8 July the thank-you notes of a 2 July interview are past their last
        day: no draft of them, only the check-ins (without *now*: all four).
        """
        application = Application(signed(), name="acme")
        whole = [d.action.kind for d in drafts([application])]
        later = [d.action.kind for d in drafts([application], now=at(2024, 7, 8, 9))]
        assert whole == [ActionKind.THANK_YOU] * 2 + [ActionKind.CHECK_IN] * 2
        assert later == [ActionKind.CHECK_IN] * 2

    @pytest.mark.parametrize("as_function", [False, True], ids=["pack", "function"])
    def test_drafts_are_written_with_the_pack_given(self, as_function: bool) -> None:
        """drafts(pack=...): each draft is the pack's (a German pack for an English candidate),
        byte for byte what to_eml writes with that pack, its warnings in German too."""
        iv = signed(candidate=Candidate("Sam Lee"))  # no address: a warning to read
        german = default_pack("de")
        by_company = {iv.company: german}.__getitem__  # a pack for each employer

        def pack_of(interview: Any) -> TemplatePack:
            return by_company(interview.company)

        made = drafts([(plan(iv), iv, ())], pack=pack_of if as_function else german)
        assert len(made) == 4
        for draft in made:
            expected = to_eml(draft.action, iv, german, step=draft.step)
            assert draft.as_bytes() == expected.as_bytes()
            assert draft.warnings == (
                f"{draft.path}: keine Von-Zeile, für Sie ist keine E-Mail-Adresse angegeben"
                " (Ihr E-Mail-Programm setzt Ihre eigene ein)",
            )
        assert read(made[0].message)["Subject"] == (
            "Vielen Dank für das Gespräch: Data Engineer bei Acme Analytics"
        )

    def test_drafts_without_a_pack_are_in_each_candidates_language(self) -> None:
        """drafts() with no pack: a German-speaking candidate's drafts and warnings in German."""
        iv = signed(candidate=Candidate("Sam Lee", language="de"))
        made = drafts([(plan(iv), iv, ())])
        for draft in made:
            assert draft.as_bytes() == to_eml(draft.action, iv, step=draft.step).as_bytes()
            assert "keine Von-Zeile" in draft.warnings[0]
        assert read(made[0].message)["Subject"] == (
            "Vielen Dank für das Gespräch: Data Engineer bei Acme Analytics"
        )

    def test_drafts_of_chosen_steps_refuse_anything_but_ids(self) -> None:
        """drafts(steps=...): a list of the items themselves, or bytes, refused by name;
        ids given as a set, a tuple or a generator all choose the same draft."""
        iv = signed()
        every = drafts([(plan(iv), iv, ())])
        wanted = every[2].step
        for steps in ({wanted}, (wanted, "nope"), (s for s in [wanted])):
            assert [d.step for d in drafts([(plan(iv), iv, ())], steps=steps)] == [wanted]
        for bad in ([every[2]], [wanted, 7], wanted.encode()):
            with pytest.raises(InvalidArgument) as caught:
                drafts([(plan(iv), iv, ())], steps=bad)
            assert (caught.value.field, caught.value.value, caught.value.problem) == (
                "steps",
                bad,
                "expected a collection of step ids, like [item.id]",
            )

    def test_drafts_carry_the_details_given(self) -> None:
        """drafts(details={"fit": ...}): the case for fit is in the thank-you note's text."""
        iv = signed()
        made = drafts([(plan(iv), iv, ())], details={"fit": "my six years of Spark pipelines"})
        note = read(made[0].message)
        assert made[0].action.kind is ActionKind.THANK_YOU
        assert "my six years of Spark pipelines" in note.get_body(("plain",)).get_content()


class TestReproducibleFiles:
    """The same plan gives the same bytes, whatever the machine: files can be diffed."""

    def test_the_timestamp_is_in_utc_on_any_machine(self, machine_zone: Any) -> None:
        machine_zone("Asia/Tokyo")
        iv = signed()
        stamps = {
            str(item["DTSTAMP"].to_ical(), "ascii")
            for item in items(to_ics(plan(iv), iv, now=NOW))
        }
        assert stamps == {"20260701T093000Z"}

    def test_a_draft_with_two_parts_is_the_same_bytes_twice(self) -> None:
        """The boundary of a text-and-HTML draft comes from its text, not from chance."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        one, two = to_eml(note, iv).as_bytes(), to_eml(note, iv).as_bytes()
        assert b"Content-Type: text/html" in one
        assert one == two
        assert b'boundary="followup-' in one
