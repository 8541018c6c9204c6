"""Calendar and e-mail draft export."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import date, datetime, timedelta, timezone
from email import message_from_bytes, policy
from zoneinfo import ZoneInfo

import icalendar
import pendulum
import pytest
from hypothesis import assume, given, reject
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    InvalidArgument,
    InvalidInterview,
    Outcome,
    Policy,
    TemplateError,
    Update,
    action_ids,
    plan,
)
from followup_rules.export import (
    action_uid,
    interview_key,
    person_key,
    to_eml,
    to_ics,
    to_ics_many,
)

from .factories import at, interview

NOW = pendulum.datetime(2026, 7, 1, tz="UTC")


def signed(**changes: object):  # type: ignore[no-untyped-def]
    return interview(
        candidate=Candidate("Sam Lee", email="sam@example.com"),
        decision_by=date(2024, 7, 10),
        **changes,
    )


def items(data: bytes) -> list[icalendar.cal.Component]:
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk() if c.name in ("VTODO", "VEVENT")]


def test_calendar_parses_back_with_the_same_times() -> None:
    """One item per action; times and zones come back exactly (VTIMEZONE/TZID)."""
    iv = signed()
    whole = plan(iv)
    data = to_ics(whole, iv, now=NOW)
    found = items(data)
    assert len(found) == len(whole)
    for item, action in zip(found, whole, strict=True):
        assert item["DTSTART"].dt == action.earliest
        end = item["DTEND"] if item.name == "VEVENT" else item["DUE"]
        assert end.dt == action.latest
        assert str(item["X-FOLLOWUP-RULE"]) == action.rule
        assert item.walk("VALARM")
    assert b"BEGIN:VTIMEZONE" in data and b"TZID=America/New_York" in data


def test_calls_are_events_and_the_rest_todos() -> None:
    """A call is an appointment (VEVENT); other steps are to-dos (VTODO)."""
    iv = signed()
    whole = plan(iv)
    kinds = [item.name for item in items(to_ics(whole, iv, now=NOW))]
    assert kinds == ["VEVENT" if a.channel is Channel.PHONE else "VTODO" for a in whole]


def test_uids_are_stable_across_replanning() -> None:
    """Re-importing an updated plan updates the same items instead of duplicating them."""
    iv = signed()
    whole = plan(iv)
    first = {str(i["UID"]): i["SUMMARY"] for i in items(to_ics(whole, iv, now=NOW))}
    history = [a.done() for a in list(whole)[:9]]  # up to and including the first check-in
    rest = plan(iv, history=history)
    second = {
        str(i["UID"]): i["SUMMARY"] for i in items(to_ics(rest, iv, now=NOW, history=history))
    }
    assert set(second) <= set(first)
    assert len(set(first)) == len(first)


def test_calendar_is_deterministic() -> None:
    """Same plan, same now: the same bytes."""
    iv = signed()
    assert to_ics(plan(iv), iv, now=NOW) == to_ics(plan(iv), iv, now=NOW)
    with pytest.raises(Exception, match="now"):
        to_ics(plan(iv), iv, now=pendulum.naive(2026, 7, 1))


def test_email_draft_has_headers_and_both_parts() -> None:
    """An .eml draft: To, From, Subject, Date, a text and an HTML part."""
    iv = signed()
    note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
    draft = message_from_bytes(to_eml(note, iv).as_bytes(), policy=policy.default)
    assert draft["To"] == "Ana Ruiz <ana@acme.example>"
    assert draft["From"] == "Sam Lee <sam@example.com>"
    assert draft["Subject"] == "Thank you: Data Engineer interview at Acme Analytics"
    assert draft["Date"] == "Tue, 02 Jul 2024 16:00:00 -0400"
    body = draft.get_body(preferencelist=("plain",))
    html = draft.get_body(preferencelist=("html",))
    assert body is not None and "Dear Ana Ruiz" in body.get_content()
    assert html is not None and "<p>Dear Ana Ruiz,</p>" in html.get_content()
    assert to_eml(note, iv).as_bytes() == to_eml(note, iv).as_bytes()


def test_email_draft_resists_header_injection() -> None:
    """Values with line breaks never reach a header."""
    iv = signed()
    note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
    draft = to_eml(note, iv)
    for header in ("To", "Subject", "From"):
        assert "\n" not in str(draft[header]) and "\r" not in str(draft[header])


def test_only_emails_become_drafts() -> None:
    """A call has no draft."""
    iv = signed()
    call = next(a for a in plan(iv) if a.channel is Channel.PHONE)
    with pytest.raises(TemplateError, match="not an e-mail"):
        to_eml(call, iv)


def test_uid_names_kind_person_and_ordinal() -> None:
    """UIDs read well: kind, person (slug and name hash), ordinal, interview fingerprint."""
    iv = signed(starts_at=at(2024, 7, 2, 14))
    first = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
    name_hash = hashlib.sha256(b"ana ruiz").hexdigest()[:12]
    expected = f"check_in-ana-ruiz-{name_hash}-1-{interview_key(iv)}@followup-rules"
    assert expected == action_uid(first, iv, 1)


def unfolded(data: bytes) -> list[str]:
    """The content lines of an iCalendar file, unfolded by hand (RFC 5545, 3.1)."""
    return data.decode().replace("\r\n ", "").replace("\r\n\t", "").split("\r\n")


def times_as_a_reader_sees_them(data: bytes) -> list[datetime]:
    """DTSTART/DTEND/DUE of the steps, read without icalendar.

    Each is UTC (``...Z``) or has a TZID that a VTIMEZONE of the file defines;
    a time with neither is floating, and the test fails on it.  Lines inside
    a VTIMEZONE (its rule onsets) are not steps and are skipped.
    """
    lines = unfolded(data)
    defined = {line.split(":", 1)[1] for line in lines if line.startswith("TZID:")}
    found = []
    in_zone = False
    for line in lines:
        if line in ("BEGIN:VTIMEZONE", "END:VTIMEZONE"):
            in_zone = line.startswith("BEGIN")
        name, _, value = line.partition(":")
        prop, *params = name.split(";")
        if in_zone or prop not in ("DTSTART", "DTEND", "DUE"):
            continue
        tzid = next((p.split("=", 1)[1] for p in params if p.startswith("TZID=")), None)
        if value.endswith("Z"):
            assert tzid is None
            found.append(datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc))
        else:
            assert tzid in defined, f"floating time: {line}"
            local = datetime.strptime(value, "%Y%m%dT%H%M%S")
            found.append(local.replace(tzinfo=ZoneInfo(tzid)))
    return found


class TestFixedOffsetZones:
    """Issue 11, item 14: a bare offset is written in UTC, never as a floating TZID."""

    def test_a_fixed_offset_interview_is_written_in_utc(self) -> None:
        """14:00+05:30 becomes 08:30Z: icalendar and a hand parser read the same instants."""
        iv = signed(starts_at=pendulum.parse("2024-07-02T14:00:00+05:30"))
        whole = plan(iv)
        data = to_ics(whole, iv, now=NOW)
        assert b'TZID="+05:30"' not in data and b"TZID=+05:30" not in data
        assert b"DTSTART:20240702T083000Z" in data
        for item, action in zip(items(data), whole, strict=True):
            assert item["DTSTART"].dt == action.earliest
            assert item["DTSTART"].dt.utcoffset() == timedelta(0)
        expected = [instant for action in whole for instant in (action.earliest, action.latest)]
        assert expected == times_as_a_reader_sees_them(data)

    def test_named_zones_keep_tzid_and_vtimezone(self) -> None:
        """An IANA zone is still written as TZID with its VTIMEZONE."""
        iv = signed()
        whole = plan(iv)
        data = to_ics(whole, iv, now=NOW)
        assert b"DTSTART;TZID=America/New_York:" in data
        expected = [instant for action in whole for instant in (action.earliest, action.latest)]
        assert expected == times_as_a_reader_sees_them(data)


def uids(data: bytes) -> list[str]:
    """The UIDs of a calendar's items, in order (read from its lines: icalendar is slow)."""
    return [line.removeprefix("UID:") for line in unfolded(data) if line.startswith("UID:")]


class TestUidsAreUnique:
    """Issue 11, item 15: UIDs never collide, and stay put across runs and replanning."""

    @pytest.mark.parametrize(
        "names",
        [("李雷", "韩梅梅"), ("Ana Ruiz", "Ana-Ruiz"), ("José", "Josè"), ("Zoë", "Zoe")],
    )
    def test_names_that_slug_alike_get_their_own_uids(self, names: tuple[str, str]) -> None:
        """Thank-you and card UIDs differ for names whose ASCII slugs are the same."""
        iv = signed(interviewers=list(names))
        found = uids(to_ics(plan(iv), iv, now=NOW))
        assert len(set(found)) == len(found)
        thank_yous = [uid for uid in found if uid.startswith("thank_you-")]
        cards = [uid for uid in found if uid.startswith("ask_for_cards-")]
        assert (len(set(thank_yous)), len(set(cards))) == (2, 2)

    def test_one_person_typed_two_ways_keeps_the_uid(self) -> None:
        """Composed or decomposed accents, any case: the same person, the same UID."""
        composed = signed(interviewers=["Zoë Brun", "Bo Chen"])
        decomposed = signed(interviewers=[unicodedata.normalize("NFD", "ZOË BRUN"), "Bo Chen"])
        assert uids(to_ics(plan(composed), composed, now=NOW)) == uids(
            to_ics(plan(decomposed), decomposed, now=NOW)
        )

    def test_a_second_feedback_answer_gets_its_own_uid(self) -> None:
        """Steps of one kind to one person are numbered from the history, so none repeats."""
        iv = signed()
        asked = Update(at(2024, 7, 3, 9), Outcome.FEEDBACK_REQUESTED)
        first = plan(iv, history=[asked])
        answer = next(a for a in first if a.kind is ActionKind.FEEDBACK_RESPONSE)
        history = [asked, answer.done(), Update(at(2024, 7, 9, 9), Outcome.FEEDBACK_REQUESTED)]
        again = plan(iv, history=history)
        second = next(a for a in again if a.kind is ActionKind.FEEDBACK_RESPONSE)
        uid_first = dict(
            zip(first, uids(to_ics(first, iv, now=NOW, history=[asked])), strict=True)
        )
        uid_again = dict(
            zip(again, uids(to_ics(again, iv, now=NOW, history=history)), strict=True)
        )
        assert uid_first[answer] != uid_again[second]
        assert uid_first[answer].replace("-1-", "-2-") == uid_again[second]

    @given(
        data=st.data(), names=st.lists(st.text(min_size=1, max_size=12), min_size=1, max_size=5)
    )
    def test_uids_are_distinct_and_survive_replanning(
        self, data: st.DataObject, names: list[str]
    ) -> None:
        """Any unicode names: all UIDs in a calendar differ, and replanning keeps each UID."""
        try:
            iv = signed(interviewers=names)
        except InvalidInterview:
            reject()
        assume(len({person_key(p.name) for p in iv.interviewers}) == len(iv.interviewers))
        whole = plan(iv)
        first = uids(to_ics(whole, iv, now=NOW))
        assert len(set(first)) == len(first)
        done = data.draw(st.integers(0, len(whole)), label="steps done")
        history = [action.done() for action in list(whole)[:done]]
        rest = plan(iv, history=history)
        again = uids(to_ics(rest, iv, now=NOW, history=history))
        by_action = dict(zip(whole, first, strict=True))
        assert [by_action[action] for action in rest] == again


def by_uid(data: bytes) -> dict[str, dict[str, str]]:
    """Each item's properties by UID, read from the lines by hand (no icalendar)."""
    found: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    depth = 0
    for line in unfolded(data):
        if line in ("BEGIN:VTODO", "BEGIN:VEVENT"):
            current, depth = {"TYPE": line[6:]}, 0
        elif current is not None and line.startswith("BEGIN:"):
            depth += 1  # a VALARM inside the item
            current["ALARMS"] = str(int(current.get("ALARMS", "0")) + 1)
        elif current is not None and line.startswith("END:") and depth:
            depth -= 1
        elif current is not None and line in ("END:VTODO", "END:VEVENT"):
            found[current["UID"]] = current
            current = None
        elif current is not None and not depth:
            name, _, value = line.partition(":")
            current[name.split(";")[0]] = value
    return found


def statuses_by_icalendar(data: bytes) -> dict[str, tuple[str, int]]:
    """Each item's STATUS and SEQUENCE by UID, as icalendar reads them."""
    return {str(item["UID"]): (str(item["STATUS"]), int(item["SEQUENCE"])) for item in items(data)}


class TestCalendarSync:
    """Issue 12: a re-export after replanning keeps UIDs, closes what left the plan."""

    def setup_method(self) -> None:
        self.iv = signed()
        self.whole = plan(self.iv)
        self.first = to_ics(self.whole, self.iv, now=NOW)
        # The in-room steps, the notes and the call done, then an offer.
        self.history = [a.done() for a in list(self.whole)[:8]]
        self.history.append(Update(self.history[-1].at.add(minutes=5), Outcome.OFFER))
        self.rest = plan(self.iv, history=self.history)
        self.second = to_ics(
            self.rest, self.iv, now=NOW.add(days=20), history=self.history, previous=self.first
        )

    def test_the_same_uids_come_back(self) -> None:
        """Every item of the first export is in the second, under the same UID, once."""
        assert uids(self.first) == uids(self.second)
        assert set(statuses_by_icalendar(self.first)) == set(by_uid(self.second))

    def test_done_steps_are_completed_and_dropped_ones_cancelled(self) -> None:
        """Done to-dos COMPLETED, the done call CONFIRMED, check-ins after an offer CANCELLED."""
        ids = action_ids(self.whole, self.iv)
        expected = {
            **dict.fromkeys(ids[:7], ("COMPLETED", 1)),
            ids[7]: ("CONFIRMED", 1),
            **dict.fromkeys(ids[8:], ("CANCELLED", 1)),
        }
        assert expected == statuses_by_icalendar(self.second)
        by_hand = {
            uid: (p["STATUS"], int(p["SEQUENCE"])) for uid, p in by_uid(self.second).items()
        }
        assert expected == by_hand

    def test_closed_items_lose_their_reminder_and_say_when_done(self) -> None:
        """Nothing rings for a closed step; a completed to-do says when it was done."""
        found = by_uid(self.second)
        assert [uid for uid, props in found.items() if "ALARMS" in props] == []
        note = action_ids(self.whole, self.iv)[5]
        assert found[note]["COMPLETED"] == "20240702T200000Z"
        assert found[note]["PERCENT-COMPLETE"] == "100"

    def test_a_first_export_is_sequence_zero_and_open(self) -> None:
        """New items: SEQUENCE 0, NEEDS-ACTION to-dos and TENTATIVE calls."""
        statuses = set(statuses_by_icalendar(self.first).values())
        assert {("NEEDS-ACTION", 0), ("TENTATIVE", 0)} == statuses

    def test_unchanged_items_keep_their_sequence(self) -> None:
        """Re-exporting the same plan over itself changes no SEQUENCE."""
        again = to_ics(self.whole, self.iv, now=NOW.add(days=1), previous=self.first)
        assert statuses_by_icalendar(self.first) == statuses_by_icalendar(again)

    def test_a_moved_step_bumps_its_sequence(self) -> None:
        """A new decision date moves the check-ins: same UIDs, SEQUENCE 1."""
        history = [*(a.done() for a in list(self.whole)[:7])]
        history.append(Update(at(2024, 7, 3, 9), Outcome.UNDECIDED, date(2024, 7, 17)))
        moved = plan(self.iv, history=history)
        data = to_ics(moved, self.iv, now=NOW, history=history, previous=self.first)
        ids = action_ids(moved, self.iv, history)
        expected = dict.fromkeys(ids, 1)
        actual = {uid: int(by_uid(data)[uid]["SEQUENCE"]) for uid in ids}
        assert expected == actual

    def test_closed_items_are_written_again_as_they_were(self) -> None:
        """A third export over the second changes nothing closed."""
        third = to_ics(
            self.rest, self.iv, now=NOW.add(days=30), history=self.history, previous=self.second
        )
        assert by_uid(self.second) == by_uid(third)

    def test_other_interviews_items_stay(self) -> None:
        """An item of another interview in the previous file is kept, untouched."""
        other = signed(company="Globex")
        theirs = to_ics(plan(other), other, now=NOW)
        merged = to_ics_many(
            [(self.whole, self.iv, ()), (plan(other), other, ())], now=NOW, previous=theirs
        )
        assert set(uids(theirs)) < set(uids(merged))
        again = to_ics(self.whole, self.iv, now=NOW, previous=merged)
        for uid in uids(theirs):
            assert by_uid(merged)[uid] == by_uid(again)[uid]

    def test_a_previous_file_that_is_not_a_calendar_is_refused(self) -> None:
        """Garbage as the previous calendar is an error naming it, not a crash."""
        with pytest.raises(InvalidArgument, match="previous"):
            to_ics(self.whole, self.iv, now=NOW, previous=b"not a calendar")


class TestDraftHeaders:
    """Issue 12: drafts parse with no header defects, and thread replies."""

    def test_no_address_means_no_to_header(self) -> None:
        """A recipient without an e-mail address: no To: at all, no defects, email missing."""
        iv = signed(interviewers=["Ana Ruiz"])
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        draft = message_from_bytes(to_eml(note, iv).as_bytes(), policy=policy.default)
        assert None is draft["To"]
        assert [h.defects for _, h in draft.items() if h.defects] == []
        assert list(draft.defects) == []

    def test_a_known_message_id_threads_the_draft(self) -> None:
        """The check-in answers the thank-you's Message-ID (In-Reply-To and References)."""
        iv = signed()
        email_only = Policy.cautious()
        whole = plan(iv, email_only)
        sent = [a.done() for a in list(whole)[:5]]
        note = whole[5]
        sent.append(note.done(message_id="<note-1@example.com>", subject="Thank you"))
        sent.append(whole[6].done())
        check_in = plan(iv, email_only, history=sent)[0]
        assert check_in.kind == ActionKind.CHECK_IN
        draft = message_from_bytes(to_eml(check_in, iv).as_bytes(), policy=policy.default)
        assert (
            draft["In-Reply-To"],
            draft["References"],
        ) == ("<note-1@example.com>", "<note-1@example.com>")

    def test_details_reach_the_draft(self) -> None:
        """to_eml takes render's details, e.g. the case for fit."""
        iv = signed()
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        draft = to_eml(note, iv, fit="ten years of Spark")
        assert "ten years of Spark" in draft.get_body(preferencelist=("plain",)).get_content()


def test_leave_out_keeps_the_other_uids() -> None:
    """Steps left out of a calendar still count: the ones after keep their UIDs."""
    iv = signed()
    whole = plan(iv)
    second_check_in = [a for a in whole if a.kind is ActionKind.CHECK_IN][1]
    full = uids(to_ics(whole, iv, now=NOW))
    fewer = uids(to_ics(whole, iv, now=NOW, leave_out=[second_check_in]))
    expected = [u for action, u in zip(whole, full, strict=True) if action is not second_check_in]
    assert expected == fewer
