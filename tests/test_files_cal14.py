"""The calendar and the drafts as calendar and mail clients read them (the cal14 trial).

- A UID keeps its component kind from one export to the next: a CalDAV
  server holds one object per UID, so a to-do turned into an event under the
  same UID is refused (``no-uid-conflict``) or left beside it.
- A wall-clock time that happens twice is shown with its offset, in every
  line of an item that gives a time.
- A draft says its language (``Content-Language``), is dated in the
  sender's zone, and keeps every header line within RFC 5322's 998 characters.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pendulum
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Interview,
    Interviewer,
    Skip,
)
from followup_rules.export import to_ics

# A plan and two calendars per example: a few dozen examples even in CI.
EXPENSIVE = settings(max_examples=min(settings.default.max_examples, 40), deadline=None)
DST_ZONES = (
    "America/New_York",
    "America/Santiago",
    "Europe/Berlin",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Chatham",
    "Africa/Casablanca",
    "Asia/Tokyo",
    "UTC",
)


def _interview(zone: str, start: datetime, **changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "decision_by": start.date() + timedelta(days=7),
        "candidate": Candidate("Sam Lee", email="sam@example.com"),
        **changes,
    }
    return Interview(
        start,
        "Acme Analytics",
        "Data Engineer",
        fields.pop("interviewers", [Interviewer("Ana Ruiz", email="ana@acme.example")]),
        **fields,
    )


def _kinds(data: bytes) -> dict[str, str]:
    calendar = Calendar.from_ical(data)
    return {
        str(item["UID"]): item.name
        for item in calendar.subcomponents
        if item.name in ("VTODO", "VEVENT")
    }


def _after_skip(iv: Interview, skip: int, events: bool = False) -> tuple[bytes, bytes]:
    """Two exports: before the interview, then after its notes are done and the
    *skip*-th check-in (counted from 0) is skipped."""
    app = Application(iv)
    first_now = iv.starts_at.subtract(hours=1)
    first = to_ics(app, now=first_now, events=events)
    steps = app.plan(first_now)
    history: list[Any] = [a.done() for a in steps if a.kind is not ActionKind.CHECK_IN]
    check_ins = [uid for uid in _kinds(first) if uid.startswith("check_in")]
    now = iv.starts_at.add(days=3)
    history.append(Skip(now.subtract(hours=1), sorted(check_ins)[skip]))
    second = to_ics(Application(iv, history), now=now, previous=first, events=events)
    return first, second


class TestAUidKeepsItsKind:
    def test_a_check_in_that_becomes_the_call_stays_a_to_do(self) -> None:
        # The trial's case: the call (check-in 1) skipped, the plan moves the
        # call to check-in 2, which was an e-mail to-do.
        start = pendulum.datetime(2026, 4, 3, 17, tz="America/Santiago")
        iv = _interview(
            "America/Santiago", start, candidate=Candidate("Sam Lee", timezone="Europe/Berlin")
        )
        first, second = _after_skip(iv, 0)
        before, after = _kinds(first), _kinds(second)
        assert {uid: after[uid] for uid in before} == before
        calendar = Calendar.from_ical(second)
        moved = next(
            item
            for item in calendar.walk("VTODO")
            if str(item["UID"]).startswith("check_in") and "phone" in str(item["SUMMARY"])
        )
        assert moved["STATUS"] == "NEEDS-ACTION"
        assert int(moved["SEQUENCE"]) == 1  # it changed: from an e-mail to a call
        assert "DUE" in moved and "DTEND" not in moved
        assert moved.walk("VALARM")  # it still rings

    @EXPENSIVE
    @given(
        zone=st.sampled_from(DST_ZONES),
        day=st.integers(0, 730),
        hour=st.integers(8, 20),
        skip=st.integers(0, 2),
        events=st.booleans(),
    )
    def test_any_replan_keeps_every_uids_kind(
        self, zone: str, day: int, hour: int, skip: int, events: bool
    ) -> None:
        start = pendulum.datetime(2026, 1, 1, hour, tz=zone).add(days=day)
        iv = _interview(
            zone,
            start,
            interviewers=[
                Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")
            ],
        )
        first, second = _after_skip(iv, skip, events)
        before, after = _kinds(first), _kinds(second)
        assert {uid: after[uid] for uid in before if uid in after} == before
        assert set(before) <= set(after)

    def test_a_calendar_exported_again_as_events_turns_every_item_into_an_event(self) -> None:
        start = pendulum.datetime(2026, 7, 7, 14, tz="America/New_York")
        app = Application(_interview("America/New_York", start))
        now = start.subtract(hours=1)
        first = to_ics(app, now=now)
        second = to_ics(app, now=now, previous=first, events=True)
        assert set(_kinds(second).values()) == {"VEVENT"}
