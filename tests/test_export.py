"""Calendar and e-mail draft export."""

from __future__ import annotations

from datetime import date
from email import message_from_bytes, policy

import icalendar
import pendulum
import pytest

from followup_rules import ActionKind, Candidate, Channel, TemplateError, plan
from followup_rules.export import action_uid, to_eml, to_ics

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
        assert action.rule in str(item["DESCRIPTION"])
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
    """UIDs read well: kind, person, ordinal, interview fingerprint."""
    iv = signed(starts_at=at(2024, 7, 2, 14))
    first = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
    assert action_uid(first, iv, 1).startswith("check_in-ana-ruiz-1-")
