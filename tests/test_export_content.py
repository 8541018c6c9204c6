"""What a calendar item says, when it rings, and how re-exports stay in sync.

Issue 18 (item 6) measured a calendar that never named the company or role
("Check in with Rita Cole" in every application), gave a call no number and
no script, showed seed file names and template ids, wrote e-mail steps as
VTODO (which common calendars ignore on import) and rang at 06:45 for a London
candidate; issue 17 asked that a skipped step be cancelled and that a rename
or a reschedule leave no stale open item.  Items are read back with icalendar,
as a calendar program reads them.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from typing import Any

import icalendar
import pendulum
import pytest
from hypothesis import given, settings

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Interviewer,
    InvalidArgument,
    Outcome,
    Plan,
    Policy,
    Skip,
    TemplatePack,
    Update,
    action_ids,
    describe_event,
    plan,
    render,
)
from followup_rules import _calendar as cal
from followup_rules.export import to_ics, to_ics_many
from followup_rules.rules import RULES

from .factories import ANA, interview
from .strategies import interviews

# A plan, a whole calendar with its messages and a parse per example: at most
# 150 examples even in CI (the profile's own number when smaller).
EXPENSIVE = settings(max_examples=min(settings.default.max_examples, 150))
NOW = pendulum.datetime(2026, 7, 1, 9, tz="UTC")
SAM = Candidate("Sam Lee", email="sam@example.com")
BERLIN_BO = Interviewer("Bo Chen", email="bo@acme.example", timezone="Europe/Berlin")


def signed(**changes: Any) -> Any:
    return interview(**{"candidate": SAM, "decision_by": date(2024, 7, 10), **changes})


def items(data: bytes) -> list[Any]:
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name in ("VTODO", "VEVENT")]


def by_uid(data: bytes) -> dict[str, Any]:
    return {str(item["UID"]): item for item in items(data)}


def first(schedule: Plan, kind: ActionKind, channel: Channel | None = None) -> Any:
    return next(
        action
        for action in schedule
        if action.kind is kind and (channel is None or action.channel is channel)
    )


def description(data: bytes) -> str:
    (item,) = items(data)
    return str(item["DESCRIPTION"])


def description_blocks(text: str) -> list[str]:
    """Every item's DESCRIPTION, read back."""
    return [str(item["DESCRIPTION"]) for item in items(text.encode())]


def rings(data: bytes) -> list[datetime]:
    """When each item's reminder rings, as UTC instants.

    (The trigger is an exact duration in hours: added to the start's instant,
    not to its wall-clock time, which would shift it across a change of offset.)
    """
    assert re.search(rb"TRIGGER:-?P[0-9]*D", data) is None  # no nominal days
    found = []
    for item in items(data):
        for alarm in item.walk("VALARM"):
            found.append(cal.utc(item["DTSTART"].dt) + alarm["TRIGGER"].dt)
    return found


class TestWhatAnItemSays:
    """Issue 18: the application, the time, the reason and the message, in words."""

    def test_every_summary_names_the_company(self) -> None:
        """Twenty applications in one calendar: each item says which employer it is for."""
        iv = signed()
        summaries = [str(item["SUMMARY"]) for item in items(to_ics(plan(iv), iv, now=NOW))]
        assert [s for s in summaries if not s.startswith("Acme Analytics: ")] == []

    def test_every_description_opens_with_the_role_and_company(self) -> None:
        iv = signed()
        firsts = {
            str(item["DESCRIPTION"]).splitlines()[0]
            for item in items(to_ics(plan(iv), iv, now=NOW))
        }
        assert {"Data Engineer at Acme Analytics"} == firsts

    def test_an_email_step_holds_the_message_to_send(self) -> None:
        """To, Subject and the text, as `render` writes them."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        message = render(note, iv)
        text = description(to_ics(Plan([note]), iv, now=NOW))
        expected = f"To: {message.to}\nSubject: {message.subject}\n\n{message.text}"
        assert text.endswith(expected)

    def test_a_call_holds_the_number_and_the_script(self) -> None:
        """The number to dial and what to say."""
        iv = signed()
        call = first(plan(iv), ActionKind.CHECK_IN, Channel.PHONE)
        text = description(to_ics(Plan([call]), iv, now=NOW))
        assert text.endswith(f"Call: +1 212 555 0142\n\n{render(call, iv).text}")

    def test_the_time_and_the_reason_are_in_words(self) -> None:
        """The window in the recipient's zone, the best moment, and the reason with the
        policy's own numbers (the new user read "waits wait_after_deadline business days")."""
        iv = signed()
        call = first(plan(iv), ActionKind.CHECK_IN, Channel.PHONE)
        lines = description(to_ics(Plan([call]), iv, now=NOW)).splitlines()
        assert lines[1:3] == [
            "When: Thu 11 Jul 2024, 10:00-11:30 (America/New_York), best at 10:00",
            "Why: The first check-in, one business day after the decision date (Wed 10 Jul 2024).",
        ]

    def test_no_reason_names_a_policy_setting(self) -> None:
        """Every step of several plans, under every preset: a Why line in words, no knob name."""
        from followup_rules import PRESETS, Policy, Recruiter

        knobs = {knob for rule in RULES.values() for knob in rule.knobs}
        found = []
        for name in PRESETS:
            policy = Policy.preset(name)
            for iv in (
                signed(),
                signed(decision_by=None),
                signed(recruiter=Recruiter("Rita Cole")),
            ):
                schedule = plan(iv, policy)
                text = to_ics(schedule, iv, now=NOW, policy=policy).decode()
                for block in description_blocks(text):
                    why = [line for line in block.splitlines() if line.startswith("Why: ")]
                    assert len(why) == 1
                    found.append(why[0])
                    assert not [knob for knob in knobs if knob in why[0]], why[0]
        assert any("three business days after your last" in why for why in found)

    def test_a_wider_gap_is_said_with_its_number(self) -> None:
        """The policy's own value: min_gap 5 reads "five business days"."""
        from followup_rules import Policy

        iv = signed()
        policy = Policy(min_gap=5)
        text = to_ics(plan(iv, policy), iv, now=NOW, policy=policy).decode()
        assert any(
            "Why: No answer yet: five business days after your last call" in block
            for block in description_blocks(text)
        )

    def test_a_candidate_elsewhere_sees_the_window_on_their_own_clock(self) -> None:
        """A London candidate calling New York: 10:00-11:30 there is 15:00-16:30 here."""
        iv = signed(candidate=Candidate("Sam Lee", timezone="Europe/London"))
        call = first(plan(iv), ActionKind.CHECK_IN, Channel.PHONE)
        lines = description(to_ics(Plan([call]), iv, now=NOW)).splitlines()
        assert "Your time: Thu 11 Jul 2024, 15:00-16:30 (Europe/London)" in lines

    def test_without_a_candidate_the_item_says_less(self) -> None:
        """No candidate to sign the message: no message, the rest of the item stays."""
        iv = interview(decision_by=date(2024, 7, 10))
        note = first(plan(iv), ActionKind.THANK_YOU)
        text = description(to_ics(Plan([note]), iv, now=NOW))
        assert (text.splitlines()[0], "To:" in text, text.splitlines()[-1][:5]) == (
            "Data Engineer at Acme Analytics",
            False,
            "Why: ",
        )

    def test_no_seed_file_or_template_id_in_what_a_person_reads(self) -> None:
        """Provenance lives in X- properties only."""
        iv = signed()
        schedule = plan(iv)
        shown = [
            f"{item['SUMMARY']}\n{item['DESCRIPTION']}"
            for item in items(to_ics(schedule, iv, now=NOW))
        ]
        leaks = {
            name
            for text in shown
            for name in [*{s for a in schedule for s in a.sources}, "Template:", "_email"]
            if name in text
        }
        assert leaks == set()

    def test_a_pack_and_details_reach_the_messages(self, tmp_path: Any) -> None:
        """pack= and details= write the messages as render would."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        pack = TemplatePack(locale="de")
        text = description(
            to_ics(Plan([note]), iv, now=NOW, pack=pack, details={"fit": "zehn Jahre Spark"})
        )
        assert pack.render(note, iv, fit="zehn Jahre Spark").text in text

    def test_a_broken_pack_is_an_error_not_a_silent_gap(self) -> None:
        """Anything but a TemplatePack (or a function giving one) as pack is refused."""
        iv = signed()
        with pytest.raises(Exception, match="TemplatePack"):
            to_ics(plan(iv), iv, now=NOW, pack="de")  # type: ignore[arg-type]


class TestEveryStepAsAnEvent:
    """Issue 18: Google and Outlook ignore VTODO on import: events=True writes VEVENTs."""

    def test_every_step_is_an_event(self) -> None:
        iv = signed()
        found = items(to_ics(plan(iv), iv, now=NOW, events=True))
        assert {"VEVENT"} == {item.name for item in found}

    def test_a_step_that_is_no_call_is_a_free_slot_at_its_suggested_time(self) -> None:
        """A thank-you note: 15 minutes at the suggested time, marked free."""
        iv = signed()
        note = first(plan(iv), ActionKind.THANK_YOU)
        (item,) = items(to_ics(Plan([note]), iv, now=NOW, events=True))
        expected = (note.suggested, note.suggested + timedelta(minutes=15), "TRANSPARENT")
        assert expected == (item["DTSTART"].dt, item["DTEND"].dt, str(item["TRANSP"]))

    def test_a_call_keeps_its_call_window(self) -> None:
        iv = signed()
        call = first(plan(iv), ActionKind.CHECK_IN, Channel.PHONE)
        (item,) = items(to_ics(Plan([call]), iv, now=NOW, events=True))
        assert (item["DTSTART"].dt, item["DTEND"].dt, "TRANSP" in item) == (
            call.earliest,
            call.latest,
            False,
        )

    def test_switching_to_events_keeps_each_uid_once(self) -> None:
        """Re-exported as events over a file of to-dos: the same UIDs, no duplicate."""
        iv = signed()
        schedule = plan(iv)
        todos = to_ics(schedule, iv, now=NOW)
        found = [
            str(item["UID"])
            for item in items(to_ics(schedule, iv, now=NOW, previous=todos, events=True))
        ]
        assert sorted(found) == sorted(action_ids(schedule, iv))


class TestReminders:
    """Issue 18: reminders ring in the candidate's own day, never at night."""

    def test_a_london_candidate_is_not_woken_at_a_quarter_to_seven(self) -> None:
        """Bo is in Berlin: his note is best sent at 08:00 there, 07:00 in London.

        The reminder used to ring at 06:45 London time, then at 08:00, an hour after the
        moment the note was suggested for; it rings at 07:00, when the candidate's day
        and the suggestion begin.
        """
        iv = signed(
            candidate=Candidate("Sam Lee", email="sam@example.com", timezone="Europe/London"),
            interviewers=[ANA, BERLIN_BO],
        )
        schedule = plan(iv)
        note = next(
            a for a in schedule if a.kind is ActionKind.THANK_YOU and a.recipient.name == "Bo Chen"
        )
        assert note.suggested.in_timezone("Europe/London").time() == time(7)
        (ring,) = rings(to_ics(Plan([note]), iv, now=NOW))
        assert ring.astimezone(cal.zone("Europe/London")).time() == time(7)

    def test_a_call_window_opening_before_waking_hours_rings_at_waking(self) -> None:
        """Los Angeles calls New York at 10:00 there, 07:00 in Los Angeles: the ring comes at
        07:00, when the candidate is up and the window opens, never after it has opened."""
        iv = signed(candidate=Candidate("Sam Lee", timezone="America/Los_Angeles"))
        call = first(plan(iv), ActionKind.CHECK_IN, Channel.PHONE)
        assert call.earliest.in_timezone("America/Los_Angeles").time() == time(7)
        (ring,) = rings(to_ics(Plan([call]), iv, now=NOW))
        local = ring.astimezone(cal.zone("America/Los_Angeles"))
        assert (local.time(), local.date()) == (time(7), call.earliest.date())

    def test_a_call_window_over_before_waking_hours_is_announced_the_evening_before(
        self,
    ) -> None:
        """A half-hour window, 10:00-10:30 in New York, is 07:00-07:30 in Los Angeles: for a
        candidate awake from 08:00 it is over before they wake, so the ring comes at 21:00
        the evening before."""
        iv = signed(candidate=Candidate("Sam Lee", timezone="America/Los_Angeles"))
        call = first(
            plan(iv, Policy(call_window="10:00-10:30")), ActionKind.CHECK_IN, Channel.PHONE
        )
        (ring,) = rings(to_ics(Plan([call]), iv, now=NOW, awake=(time(8), time(21))))
        local = ring.astimezone(cal.zone("America/Los_Angeles"))
        opens = call.earliest.in_timezone("America/Los_Angeles")
        assert opens.time() == time(7)
        assert (local.time(), local.date()) == (time(21), opens.date() - timedelta(days=1))

    def test_waking_hours_can_be_chosen(self) -> None:
        """An early riser (awake from 06:00): the ring stays 15 minutes before 07:00."""
        iv = signed(
            candidate=Candidate("Sam Lee", timezone="Europe/London"),
            interviewers=[ANA, BERLIN_BO],
        )
        note = next(
            a for a in plan(iv) if a.kind is ActionKind.THANK_YOU and a.recipient.name == "Bo Chen"
        )
        (ring,) = rings(to_ics(Plan([note]), iv, now=NOW, awake=(time(6), time(22))))
        assert ring == cal.utc(note.suggested) - timedelta(minutes=15)

    @pytest.mark.parametrize("awake", [(time(9), time(8)), (time(8),), ("08:00", "21:00")])
    def test_waking_hours_out_of_order_are_refused(self, awake: Any) -> None:
        iv = signed()
        with pytest.raises(InvalidArgument, match="awake"):
            to_ics(plan(iv), iv, now=NOW, awake=awake)

    @given(iv=interviews())
    @EXPENSIVE
    def test_no_reminder_rings_at_night_or_after_the_window(self, iv: Any) -> None:
        """Property: every ring is between 07:00 and 22:00 of the candidate's own day (the
        hours the planner suggests their steps in), before the step's window closes, and
        never after the step's suggested moment when that moment is in those hours."""
        schedule = plan(iv)
        home = iv.zone_of(iv.candidate)
        found = rings(to_ics(schedule, iv, now=NOW))
        assert len(found) == len(schedule)
        for ring, action in zip(found, schedule, strict=True):
            local = ring.astimezone(home).time()
            assert time(7) <= local <= time(22)
            assert ring <= cal.utc(action.latest)
            suggested = cal.utc(action.suggested).astimezone(home).time()
            if time(7) <= suggested <= time(22):
                assert ring <= cal.utc(action.suggested)


class TestSkipsRenamesAndReschedules:
    """Issue 17: a skipped step is cancelled; edits leave no stale open item."""

    def test_a_skipped_step_is_cancelled_and_rings_no_more(self) -> None:
        iv = signed()
        schedule = plan(iv)
        ids = action_ids(schedule, iv)
        earlier = to_ics(schedule, iv, now=NOW)
        skipped = ids[-1]  # the last check-in
        history = [Skip(pendulum.datetime(2024, 7, 12, 9, tz="America/New_York"), skipped)]
        after = plan(iv, history=history)
        data = to_ics(after, iv, now=NOW, history=history, previous=earlier)
        item = by_uid(data)[skipped]
        assert (str(item["STATUS"]), int(item["SEQUENCE"]), item.walk("VALARM")) == (
            "CANCELLED",
            1,
            [],
        )

    def test_only_the_skipped_step_is_cancelled(self) -> None:
        iv = signed()
        schedule = plan(iv)
        ids = action_ids(schedule, iv)
        history = [Skip(pendulum.datetime(2024, 7, 12, 9, tz="America/New_York"), ids[-1])]
        data = to_ics(plan(iv, history=history), iv, now=NOW, history=history)
        cancelled = [
            uid for uid, item in by_uid(data).items() if str(item["STATUS"]) == "CANCELLED"
        ]
        assert cancelled == [ids[-1]]

    def open_check_ins(self, data: bytes) -> int:
        return sum(
            1
            for item in items(data)
            if str(item["CATEGORIES"].cats[0]) == "check_in"
            and str(item["STATUS"]) not in ("CANCELLED", "COMPLETED", "CONFIRMED")
        )

    def test_a_renamed_company_leaves_three_open_check_ins_not_six(self) -> None:
        """GmbH becomes SE: the application is found by its name (its file), old items closed."""
        before = signed(company="Acme GmbH")
        after = signed(company="Acme SE")
        first_export = to_ics(
            plan(before), before, now=NOW, application_name="applications/acme.toml"
        )
        second = to_ics(
            plan(after),
            after,
            now=NOW,
            previous=first_export,
            application_name="applications/acme.toml",
        )
        assert self.open_check_ins(second) == 3
        assert self.open_check_ins(first_export) == 3

    def test_a_rescheduled_interview_with_an_id_leaves_no_stale_item(self) -> None:
        """The interview moves a day: found by its id, every old item closed or kept."""
        before = signed(id="acme-2024")
        after = signed(
            id="acme-2024", starts_at=pendulum.datetime(2024, 7, 3, 14, tz="America/New_York")
        )
        second = to_ics(
            plan(after), after, now=NOW, previous=to_ics(plan(before), before, now=NOW)
        )
        open_items = [
            item for item in items(second) if str(item["STATUS"]) in ("NEEDS-ACTION", "TENTATIVE")
        ]
        assert len(open_items) == len(plan(after))

    def test_an_id_given_later_still_finds_the_old_items(self) -> None:
        """A file exported without an id, then given one: the same application."""
        before = signed()
        after = signed(id="acme-2024", company="Acme SE")
        first_export = to_ics(plan(before), before, now=NOW, application_name="acme.toml")
        second = to_ics(
            plan(after), after, now=NOW, previous=first_export, application_name="acme.toml"
        )
        assert self.open_check_ins(second) == 3

    def test_a_step_done_before_a_rename_is_completed_not_cancelled(self) -> None:
        """The thank-you was sent, then the company renamed: its old item is COMPLETED."""
        before = signed(company="Acme GmbH")
        schedule = plan(before)
        note = first(schedule, ActionKind.THANK_YOU)
        old_uid = action_ids(schedule, before)[list(schedule).index(note)]
        first_export = to_ics(schedule, before, now=NOW, application_name="acme.toml")
        after = signed(company="Acme SE")
        history = [note.done()]
        second = to_ics(
            plan(after, history=history),
            after,
            now=NOW,
            history=history,
            previous=first_export,
            application_name="acme.toml",
        )
        assert str(by_uid(second)[old_uid]["STATUS"]) == "COMPLETED"

    def test_another_applications_items_are_kept_as_they_were(self) -> None:
        """Another file's items in the same calendar: untouched by this one's rename."""
        globex = signed(company="Globex")
        theirs = to_ics(plan(globex), globex, now=NOW, application_name="globex.toml")
        before, after = signed(company="Acme GmbH"), signed(company="Acme SE")
        merged = to_ics_many(
            [(plan(globex), globex, (), "globex.toml"), (plan(before), before, (), "acme.toml")],
            now=NOW,
            previous=theirs,
        )
        again = to_ics_many([(plan(after), after, (), "acme.toml")], now=NOW, previous=merged)
        kept = by_uid(again)
        assert {uid: str(kept[uid]["STATUS"]) for uid in by_uid(theirs)} == {
            uid: str(item["STATUS"]) for uid, item in by_uid(theirs).items()
        }

    def test_a_file_from_before_the_application_property_is_still_kept_in_sync(self) -> None:
        """An export without X-FOLLOWUP-APPLICATION (0.2): its items are found by their UIDs."""
        iv = signed()
        whole = plan(iv)
        old = b"\r\n".join(
            line
            for line in to_ics(whole, iv, now=NOW).split(b"\r\n")
            if not line.startswith(b"X-FOLLOWUP-APPLICATION")
        )
        history = [a.done() for a in list(whole)[:8]]
        history.append(Update(history[-1].at.add(minutes=5), Outcome.OFFER))
        again = to_ics(plan(iv, history=history), iv, now=NOW, history=history, previous=old)
        statuses = {str(item["STATUS"]) for item in items(again)}
        assert statuses == {"COMPLETED", "CONFIRMED", "CANCELLED"}


class TestApplicationsAsGiven:
    @pytest.mark.parametrize(
        "bad", [("plan",), ("a", "b", "c"), (None, None, (), "x", "y"), "text"]
    )
    def test_something_else_than_an_application_is_refused(self, bad: Any) -> None:
        with pytest.raises(InvalidArgument, match=r"applications\[0\]"):
            to_ics_many([bad], now=NOW)

    def test_a_name_that_is_not_text_is_refused(self) -> None:
        iv = signed()
        with pytest.raises(InvalidArgument, match=r"applications\[0\]\.name"):
            to_ics_many([(plan(iv), iv, (), 7)], now=NOW)  # type: ignore[list-item]

    def test_superseded_steps_can_be_left_out(self) -> None:
        """drop_superseded=True: in-room steps of an interview long over are not written."""
        iv = signed()
        schedule = plan(iv)
        later = pendulum.datetime(2024, 7, 9, 9, tz="America/New_York")
        kinds = {
            str(item["CATEGORIES"].cats[0])
            for item in items(to_ics(schedule, iv, now=later, drop_superseded=True))
        }
        assert "ask_for_cards" not in kinds and "check_in" in kinds

    def test_superseded_steps_are_kept_by_default(self) -> None:
        """Without drop_superseded, a plan's every step is written, the in-room ones too:
        to_ics and to_ics_many alike (the caller's plan is the caller's to trim)."""
        iv = signed()
        schedule = plan(iv)
        later = pendulum.datetime(2024, 7, 9, 9, tz="America/New_York")
        for data in (
            to_ics(schedule, iv, now=later),
            to_ics_many([(schedule, iv, ())], now=later),
        ):
            assert len(items(data)) == len(schedule)
            assert "ask_for_cards" in {str(item["CATEGORIES"].cats[0]) for item in items(data)}


class TestOddInputs:
    def test_the_same_application_twice_gives_each_uid_once(self) -> None:
        """No duplicate UID in a file, whatever the caller passes."""
        iv = signed()
        schedule = plan(iv)
        found = [
            str(item["UID"])
            for item in items(to_ics_many([(schedule, iv, ()), (schedule, iv, ())], now=NOW))
        ]
        assert sorted(found) == sorted(set(found)) and len(found) == len(schedule)

    def test_a_mailed_card_says_where_to_post_it(self) -> None:
        """A thank-you card by post: the envelope and the card's text."""
        iv = signed(address="1 Main Street, Springfield")
        card = first(plan(iv, Policy(thank_you_channel=Channel.POSTAL)), ActionKind.THANK_YOU)
        assert card.channel is Channel.POSTAL
        message = render(card, iv)
        text = description(to_ics(Plan([card]), iv, now=NOW))
        assert text.endswith(f"Post to: {message.to}\n\n{message.text}")


class TestACorrectedContactIsSynced:
    """Trial finding: undone and logged again, a done item kept the first contact's details."""

    def test_the_new_contact_replaces_the_old_one(self) -> None:
        """The done line, the completion and a new SEQUENCE follow the corrected history."""
        iv = signed()
        schedule = plan(iv)
        note, uid = next(
            (action, uid)
            for action, uid in zip(schedule.actions, schedule.ids, strict=True)
            if action.kind is ActionKind.THANK_YOU
        )
        logged, fixed = (
            note.done(note.earliest + timedelta(minutes=10)),
            note.done(note.earliest + timedelta(minutes=40)),
        )
        now = note.earliest + timedelta(hours=2)
        exported = to_ics(Application(iv), now=note.earliest)
        synced = to_ics(Application(iv, [logged]), now=now, previous=exported)
        again = to_ics(Application(iv, [fixed]), now=now, previous=synced)
        old, new = by_uid(synced)[uid], by_uid(again)[uid]
        assert str(old["DESCRIPTION"]).startswith(f"Done: {describe_event(logged, iv)}\n")
        assert str(new["DESCRIPTION"]).startswith(f"Done: {describe_event(fixed, iv)}\n")
        assert str(new["DESCRIPTION"]).count("Done:") == 1
        assert int(new["SEQUENCE"]) == int(old["SEQUENCE"]) + 1
        if "COMPLETED" in new:
            assert new.decoded("COMPLETED") == fixed.at.astimezone(cal.UTC)

    def corrected(self, previous: Any = None) -> tuple[Any, Any, Any, Any, Any]:
        """The first note's items: exported, done (*previous* edits the export), then
        done again at another time; with the two contacts and the interview."""
        iv = signed()
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        uid = next(u for a, u in zip(plan(iv), plan(iv).ids, strict=True) if a == note)
        logged = note.done(note.earliest + timedelta(minutes=10))
        fixed = note.done(note.earliest + timedelta(minutes=40))
        now = note.earliest + timedelta(hours=2)
        exported = to_ics(Application(iv), now=note.earliest)
        if previous is not None:
            exported = previous(exported)
        synced = to_ics(Application(iv, [logged]), now=now, previous=exported)
        again = to_ics(Application(iv, [fixed]), now=now, previous=synced)
        return by_uid(exported)[uid], by_uid(again)[uid], logged, fixed, iv

    def test_the_rest_of_the_description_stays_whole(self) -> None:
        """Only the done line changes: every paragraph of the message stays below it."""
        exported, new, _, fixed, iv = self.corrected()
        assert str(exported["DESCRIPTION"]).count("\n\n") >= 2  # several paragraphs
        assert str(new["DESCRIPTION"]) == (
            f"Done: {describe_event(fixed, iv)}\n\n{exported['DESCRIPTION']}"
        )

    def test_an_item_without_a_description_says_the_new_contact_alone(self) -> None:
        """An item that a calendar app saved without its description: done, it says how;
        corrected, it says the new contact and nothing of the old one."""

        def without_description(data: bytes) -> bytes:
            calendar = icalendar.Calendar.from_ical(data)
            for item in calendar.walk():
                item.pop("DESCRIPTION", None)
            return bytes(calendar.to_ical())

        _, new, _, fixed, iv = self.corrected(without_description)
        assert str(new["DESCRIPTION"]) == f"Done: {describe_event(fixed, iv)}"

    def test_the_same_contact_leaves_the_item_as_it_was(self) -> None:
        """Nothing changed: the item is written again untouched (no new SEQUENCE)."""
        iv = signed()
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        done = note.done(note.earliest + timedelta(minutes=10))
        now = note.earliest + timedelta(hours=2)
        synced = to_ics(
            Application(iv, [done]), now=now, previous=to_ics(Application(iv), now=note.earliest)
        )
        assert by_uid(to_ics(Application(iv, [done]), now=now, previous=synced)) == by_uid(synced)
