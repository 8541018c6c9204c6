"""The web tracker of docs/tracker.md (examples/web_tracker.py), used through Flask's test client.

Issue 18, item 9: an app built on the public API alone.  Each test is one
flow a user goes through in a browser or a front end goes through in JSON.
"""

from __future__ import annotations

import email
import email.policy
import functools
import json
import runpy
from collections.abc import Iterator
from datetime import datetime, timedelta
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import attrs
import jsonschema
import pendulum
import pytest

pytest.importorskip("flask")

from followup_rules import Candidate, Interview, Interviewer, Plan, Policy
from followup_rules import serialize as s

ROOT = Path(__file__).resolve().parent.parent
NY = "America/New_York"


def at(day: int, hour: int, minute: int = 0) -> pendulum.DateTime:
    """A moment of July 2026 in New York, where the candidate lives."""
    return pendulum.datetime(2026, 7, day, hour, minute, tz=NY)


ACME = Interview(
    at(7, 14),
    "Acme Analytics",
    "Data Engineer",
    [
        Interviewer("José García", email="jose@acme.example", phone="+1 212 555 0142"),
        Interviewer("Bo Chen", timezone="Europe/Berlin"),
    ],
    decision_by=pendulum.date(2026, 7, 15),
    candidate=Candidate("Sam Lee", email="sam@example.com"),
)
GLOBEX = Interview(
    at(8, 11),
    "Globex",
    "Platform Engineer",
    [Interviewer("Zoë Brun", email="zoe@globex.example", phone="+1 646 555 0199")],
    decision_by=pendulum.date(2026, 7, 15),
    candidate=Candidate("Sam Lee", email="sam@example.com"),
)


class Clock:
    """The tracker's "now", set by each test (the app reads its clock in one place)."""

    def __init__(self) -> None:
        self.now = at(8, 9)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(tmp_path: Path, clock: Clock) -> Iterator[Any]:
    """A tracker with Acme (application 1, the consensus) and Globex (2, no calls)."""
    module = runpy.run_path(str(ROOT / "examples" / "web_tracker.py"))
    app = module["create_app"](tmp_path / "jobs.db", clock)
    with app.test_client() as made:
        for interview, policy in ((ACME, None), (GLOBEX, Policy(max_calls=0))):
            body = {"interview": s.unstructure(interview)}
            if policy is not None:
                body["policy"] = s.unstructure(policy)
            assert made.post("/api/applications", json=body).status_code == 201
        yield made


def entries(client: Any) -> list[dict[str, Any]]:
    """Today's late, due and coming steps, as the JSON endpoint gives them."""
    day = client.get("/api/today").get_json()
    return list(day["entries"])


def find(client: Any, description: str, application: str = "1") -> dict[str, Any]:
    """The entry of today's list with this description."""
    (found,) = [
        entry
        for entry in entries(client)
        if entry["description"] == description and entry["application"]["name"] == application
    ]
    return found


def step_json(client: Any, entry: dict[str, Any]) -> dict[str, Any]:
    name = entry["application"]["name"]
    body: dict[str, Any] = client.get(f"/api/applications/{name}/steps/{entry['id']}").get_json()
    return body


def events(client: Any, application: str = "1") -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = client.get(f"/api/applications/{application}/events").get_json()
    return found


@functools.cache
def validator(name: str) -> jsonschema.Draft202012Validator:
    text = files("followup_rules").joinpath("schemas", f"{name}.schema.json").read_text()
    return jsonschema.Draft202012Validator(json.loads(text))


JOSE_NOTE = "Send José García a thank-you e-mail"
BO_NOTE = "Send Bo Chen a thank-you e-mail"
JOSE_CALL = "Check in with José García by phone"


class TestToday:
    """Today's list across applications (agenda_many)."""

    def test_every_application_is_on_one_list(self, client: Any) -> None:
        """The morning after Acme, with Globex at 11:00: Acme's notes are due now, Globex's
        opens later today (until the end of the candidate's day)."""
        due = [
            (entry["application"]["company"], entry["description"])
            for entry in entries(client)
            if entry["standing"] == "due" and entry["channel"] == "email"
        ]
        assert due == [
            ("Acme Analytics", BO_NOTE),
            ("Acme Analytics", JOSE_NOTE),
            ("Globex", "Send Zoë Brun a thank-you e-mail"),
        ]

    def test_the_page_says_when_on_both_clocks(self, client: Any) -> None:
        """Bo is in Berlin: his note's window is shown on the candidate's clock and his."""
        page = client.get("/").get_data(as_text=True)
        assert "now, until Wed 8 Jul 15:00 EDT (Wed 8 Jul 21:00 CEST for them)" in page

    def test_a_step_opening_later_today_is_not_for_now(self, client: Any) -> None:
        """Globex's note is due today but its window opens after the interview (seed 000)."""
        entry = find(client, "Send Zoë Brun a thank-you e-mail", "2")
        assert (entry["to_do"], entry["your_window"]["start"]) == (
            False,
            "2026-07-08T12:00:00-04:00",
        )

    def test_a_late_call_is_offered_in_its_next_window_not_now(
        self, client: Any, clock: Clock
    ) -> None:
        """Issue 17: the call was due Thursday 10:00-11:30; at 15:00 it is late, and offered
        on Friday morning, not now."""
        clock.now = at(16, 15)
        entry = find(client, JOSE_CALL)
        shown = (entry["standing"], entry["to_do"], entry["your_window"]["start"])
        assert shown == ("late", False, "2026-07-17T10:00:00-04:00")
        page = client.get("/").get_data(as_text=True)
        row = page[page.index(JOSE_CALL) :].split("</tr>")[0]
        assert "from Fri 17 Jul 10:00 EDT" in row
        assert "now, until" not in row

    def test_each_application_follows_its_own_policy(self, client: Any, clock: Clock) -> None:
        """Globex's policy allows no call: its first check-in is an e-mail; Acme's a call."""
        clock.now = at(16, 8)
        first = {
            entry["application"]["company"]: entry["channel"]
            for entry in reversed(entries(client))
            if entry["kind"] == "check_in"
        }
        assert first == {"Acme Analytics": "phone", "Globex": "email"}

    def test_nothing_to_do_names_the_next_step(self, client: Any, clock: Clock) -> None:
        """A quiet day says so, and what comes next."""
        for description, name in ((JOSE_NOTE, "1"), (BO_NOTE, "1")):
            entry = find(client, description, name)
            client.post(f"/applications/{name}/steps/{entry['id']}/done", data={"at": "now"})
        clock.now = at(9, 9)
        entry = find(client, "Send Zoë Brun a thank-you e-mail", "2")
        client.post(f"/applications/2/steps/{entry['id']}/skip")
        clock.now = at(10, 9)
        page = client.get("/").get_data(as_text=True)
        assert "Nothing is overdue and nothing is due today." in page
        assert "Next: Check in with" in page


class TestStep:
    """A step's page: its message, what it needs, its link and its draft."""

    def test_the_page_shows_the_message(self, client: Any) -> None:
        """The text render() writes, to the person it greets."""
        entry = find(client, JOSE_NOTE)
        page = client.get(f"/applications/1/steps/{entry['id']}").get_data(as_text=True)
        assert "Dear José García," in page
        assert "To: José García &lt;jose@acme.example&gt;" in page

    def test_what_blocks_sending_is_told_apart_from_what_would_strengthen(
        self, client: Any
    ) -> None:
        """Bo has no address: the note cannot go as written; topics would only help."""
        entry = find(client, BO_NOTE)
        message = step_json(client, entry)["message"]
        assert (message["blocking"], "topics" in message["would_strengthen"]) == (["email"], True)
        page = client.get(f"/applications/1/steps/{entry['id']}").get_data(as_text=True)
        assert "Before sending, add: email." in page

    def test_what_to_attach_is_shown(self, client: Any) -> None:
        """José asked for the talk: the note says it is attached, the page says attach it."""
        asked = Interviewer("José García", email="jose@acme.example", requested=["my talk"])
        body = {"interview": s.unstructure(attrs.evolve(ACME, interviewers=[asked]))}
        client.post("/api/applications", json=body)
        entry = find(client, JOSE_NOTE, "3")
        page = client.get(f"/applications/3/steps/{entry['id']}").get_data(as_text=True)
        assert "Attach: my talk." in page

    def test_what_to_know_before_sending_is_shown(self, client: Any) -> None:
        """Seed 002: a card by post may arrive after a decision due the next day."""
        soon = attrs.evolve(ACME, decision_by=pendulum.date(2026, 7, 9))
        body = {"interview": s.unstructure(soon), "policy": {"thank_you_channel": "postal"}}
        client.post("/api/applications", json=body)
        entry = next(e for e in entries(client) if e["application"]["name"] == "3")
        found = step_json(client, entry)
        assert (entry["channel"], found["links"]) == ("postal", {"mailto": None, "tel": None})
        page = client.get(f"/applications/3/steps/{entry['id']}").get_data(as_text=True)
        assert "a card in the post is likely to arrive after the decision date" in page

    def test_the_mailto_link_round_trips(self, client: Any) -> None:
        """RFC 6068: the link opens the same address, subject and text in a mail client."""
        found = step_json(client, find(client, JOSE_NOTE))
        link = urlsplit(found["links"]["mailto"])
        query = parse_qs(link.query)
        opened = (link.scheme, link.path, query["subject"], query["body"][0].replace("\r\n", "\n"))
        message = found["message"]
        assert opened == ("mailto", "jose@acme.example", [message["subject"]], message["text"])

    def test_a_call_has_a_tel_link(self, client: Any, clock: Clock) -> None:
        """The call's page dials José's number (RFC 3966)."""
        clock.now = at(16, 9)
        found = step_json(client, find(client, JOSE_CALL))
        assert (found["links"], found["draft"]) == (
            {"mailto": None, "tel": "tel:+12125550142"},
            None,
        )

    def test_the_draft_is_an_eml_file_mail_readers_read(self, client: Any) -> None:
        """The .eml download parses with email.policy.default: the accented name exactly,
        the subject and text of the message, the Message-ID the page offers to log."""
        entry = find(client, JOSE_NOTE)
        found = step_json(client, entry)
        response = client.get(f"/applications/1/steps/{entry['id']}/draft.eml")
        draft = email.message_from_bytes(response.get_data(), policy=email.policy.default)
        (to,) = draft["To"].addresses
        read = (to.display_name, to.addr_spec, draft["Subject"], draft["Message-ID"])
        message = found["message"]
        expected = ("José García", "jose@acme.example", message["subject"])
        assert read == (*expected, found["draft"]["message_id"])
        assert draft.get_body(("plain",)).get_content().strip() == message["text"]  # type: ignore[union-attr]

    def test_the_draft_downloads_under_its_own_name(self, client: Any) -> None:
        """The library's draft name: its number in the plan from now (the steps for the
        interview room are past), its kind, its person."""
        entry = find(client, JOSE_NOTE)
        response = client.get(f"/applications/1/steps/{entry['id']}/draft.eml")
        disposition = response.headers["Content-Disposition"]
        assert (response.mimetype, disposition) == (
            "message/rfc822",
            'attachment; filename="02-thank_you-jose-garcia.eml"',
        )

    def test_an_unknown_step_is_a_plain_404(self, client: Any) -> None:
        """A step done (or never planned) is not found, in words."""
        response = client.get("/api/applications/1/steps/nope")
        assert (response.status_code, response.get_json()) == (
            404,
            {"error": "No step nope is left in application 1."},
        )

    def test_the_application_page_lists_what_happened(self, client: Any) -> None:
        """One application: its steps, its history, and the forms for news."""
        client.post("/applications/1/events", data={"type": "reply", "sender": "Bo Chen"})
        page = client.get("/applications/1").get_data(as_text=True)
        assert "<li>a reply from Bo Chen, Wed 8 Jul 09:00</li>" in page
        assert 'name="type" value="out_of_office"' in page

    def test_an_unknown_application_is_a_plain_404(self, client: Any) -> None:
        """So is an application that is not there."""
        response = client.get("/applications/9")
        assert response.status_code == 404
        assert "There is no application 9." in response.get_data(as_text=True)


class TestRecording:
    """Done, skip, snooze and the employer's news change the list, once, checked."""

    def test_a_step_done_leaves_the_list(self, client: Any) -> None:
        """Recorded against its id, José's note is off today's list; Bo's stays."""
        entry = find(client, JOSE_NOTE)
        response = client.post(f"/applications/1/steps/{entry['id']}/done", data={"at": "now"})
        assert (response.status_code, response.headers["Location"]) == (302, "/")
        left = [e["description"] for e in entries(client) if e["application"]["name"] == "1"]
        assert JOSE_NOTE not in left
        assert BO_NOTE in left

    def test_an_email_done_keeps_its_message_id_and_subject(
        self, client: Any, clock: Clock
    ) -> None:
        """The next e-mail to José answers this one in its thread (In-Reply-To, "Re:")."""
        entry = find(client, JOSE_NOTE)
        clock.now = at(8, 9, 12)  # logged two minutes after it went
        found = step_json(client, entry)
        form = {
            "at": "2026-07-08T09:10",
            "message_id": found["draft"]["message_id"],
            "subject": found["message"]["subject"],
        }
        client.post(f"/applications/1/steps/{entry['id']}/done", data=form)
        (stored,) = events(client)
        kept = (stored["type"], stored["at"], stored["message_id"], stored["subject"])
        assert kept == (
            "contact",
            "2026-07-08T09:10:00-04:00",
            form["message_id"],
            form["subject"],
        )

    def test_a_call_done_says_how_it_went(self, client: Any, clock: Clock) -> None:
        """A call that went to voicemail is recorded as such (no answer)."""
        clock.now = at(16, 10, 5)
        entry = find(client, JOSE_CALL)
        client.post(f"/applications/1/steps/{entry['id']}/done", data={"call": "voicemail"})
        (stored,) = events(client)
        assert (stored["channel"], stored["voicemail"], stored["answered"]) == (
            "phone",
            True,
            None,
        )

    def test_a_skipped_step_leaves_the_list(self, client: Any) -> None:
        """Bo gets no note: skipped, with the candidate's reason, and gone."""
        entry = find(client, BO_NOTE)
        data = {"note": "we met for five minutes"}
        client.post(f"/applications/1/steps/{entry['id']}/skip", data=data)
        assert BO_NOTE not in [e["description"] for e in entries(client)]
        (stored,) = events(client)
        assert (stored["type"], stored["step"], stored["note"]) == (
            "skip",
            entry["id"],
            data["note"],
        )

    def test_a_snoozed_step_waits_until_then(self, client: Any, clock: Clock) -> None:
        """The call snoozed until Monday 20 July leaves Thursday's list, and comes back in
        the first window after Monday's start."""
        clock.now = at(16, 9)
        entry = find(client, JOSE_CALL)
        client.post(f"/applications/1/steps/{entry['id']}/snooze", data={"until": "2026-07-20"})
        assert JOSE_CALL not in [e["description"] for e in entries(client) if e["to_do"]]
        clock.now = at(20, 9)
        later = find(client, JOSE_CALL)
        assert later["your_window"]["start"] >= "2026-07-20T00:00:00-04:00"

    def test_the_employers_news_is_recorded_from_the_form(self, client: Any) -> None:
        """An update with a phrase ("in two weeks", read from the day of the update)."""
        form = {"type": "update", "outcome": "undecided", "decision_by": "in two weeks"}
        response = client.post("/applications/1/events", data={**form, "at": "now"})
        assert response.status_code == 302
        (stored,) = events(client)
        decision = stored["decision_by"]
        assert (decision["phrase"], decision["end"]) == ("in two weeks", "2026-07-22")

    def test_an_out_of_office_is_recorded_from_the_form(self, client: Any) -> None:
        """Whose auto-reply, and the day they are back."""
        form = {"type": "out_of_office", "sender": "José García", "returns_on": "2026-07-13"}
        client.post("/applications/1/events", data={**form, "at": "now"})
        (stored,) = events(client)
        assert (stored["sender"], stored["returns_on"]) == ("José García", "2026-07-13")

    def test_the_same_reply_twice_is_recorded_once(self, client: Any, clock: Clock) -> None:
        """Issue 17: posted twice (a double click, a retry), the reply is stored once."""
        clock.now = at(9, 11)
        reply = {"type": "reply", "at": "2026-07-09T10:00:00-04:00"}
        first = client.post("/api/applications/1/events", json=reply)
        again = client.post("/api/applications/1/events", json=reply)
        statuses = (first.status_code, again.status_code, again.get_json()["recorded"])
        assert (statuses, len(events(client))) == ((201, 200, False), 1)

    def test_done_pressed_twice_is_recorded_once(self, client: Any, clock: Clock) -> None:
        """A double click on "done", a second later, "now" each time: one contact stored."""
        entry = find(client, JOSE_NOTE)
        client.post(f"/applications/1/steps/{entry['id']}/done", data={"at": "now"})
        clock.now = clock.now + timedelta(seconds=1)
        page = client.post(
            f"/applications/1/steps/{entry['id']}/done",
            data={"at": "now"},
            follow_redirects=True,
        )
        assert "Already recorded: nothing changed." in page.get_data(as_text=True)
        events = client.get("/api/applications/1/events").json
        assert [e["type"] for e in events] == ["contact"]

    def test_the_page_says_already_recorded(self, client: Any, clock: Clock) -> None:
        """The same news from the form twice: the second time says nothing changed."""
        clock.now = at(9, 11)
        form = {"type": "reply", "at": "2026-07-09T10:00"}
        client.post("/applications/1/events", data=form)
        page = client.post("/applications/1/events", data=form, follow_redirects=True)
        assert "Already recorded: nothing changed." in page.get_data(as_text=True)

    def test_what_oversteps_the_policy_is_recorded_with_a_warning(
        self, client: Any, clock: Clock
    ) -> None:
        """A check-in done a week early is kept (what is done is done), with the warning
        `audit` gives."""
        note = find(client, JOSE_NOTE)["id"]
        client.post(f"/applications/1/steps/{note}/done", data={"at": "now"})
        clock.now = at(9, 11)
        plan = client.get("/api/applications/1/plan").get_json()
        call = next(a for a in plan["actions"] if a["kind"] == "check_in")
        form = {"at": "2026-07-09T10:00", "call": "answered"}
        page = client.post(
            f"/applications/1/steps/{call['id']}/done", data=form, follow_redirects=True
        )
        warning = (
            "This oversteps the policy: [check-in-after-deadline] check-in on 2026-07-09, "
            "before the first allowed day 2026-07-16"
        )
        assert warning in page.get_data(as_text=True)
        assert len(events(client)) == 2

    def test_a_bad_event_is_refused_in_plain_words(self, client: Any) -> None:
        """A reply before the interview: the library's error as it reads, quoting what was
        typed, nothing stored (a past day alone is read as noon that day)."""
        response = client.post(
            "/applications/1/events", data={"type": "reply", "at": "2026-07-01"}
        )
        page = response.get_data(as_text=True)
        assert response.status_code == 400
        assert (
            "the form: $.at: &#39;2026-07-01&#39; (2026-07-01T12:00:00-04:00) is before the "
            "interview at 2026-07-07T14:00:00-04:00"
        ) in page
        assert events(client) == []

    def test_an_event_after_now_is_refused(self, client: Any) -> None:
        """A typo in the month (August for July): refused in words, naming the field, and
        nothing stored (it would have moved today's plan)."""
        response = client.post(
            "/api/applications/1/events", json={"type": "reply", "at": "2026-08-08T09:00:00Z"}
        )
        body = response.get_json()
        assert (response.status_code, body["field"]) == (400, "event.at")
        assert "is after now (2026-07-08T13:00:00+00:00)" in body["error"]
        assert events(client) == []

    def test_a_step_done_says_so(self, client: Any, clock: Clock) -> None:
        """A stored id of a step done: the page says when it was done, not that it never was."""
        entry = find(client, JOSE_NOTE)
        client.post(f"/applications/1/steps/{entry['id']}/done", data={"at": "now"})
        response = client.get(f"/api/applications/1/steps/{entry['id']}")
        assert response.status_code == 404
        assert (
            "is done: thank-you to José García, by e-mail, Wed 8 Jul 09:00"
            in (response.get_json()["error"])
        )

    def test_a_bad_time_is_refused_in_plain_words(self, client: Any) -> None:
        """A snooze until a typo: parse_when's message, nothing stored."""
        entry = find(client, BO_NOTE)
        response = client.post(
            f"/applications/1/steps/{entry['id']}/snooze", data={"until": "next tuesdy"}
        )
        assert response.status_code == 400
        assert "until = &#39;next tuesdy&#39;: is not &#39;now&#39;" in response.get_data(
            as_text=True
        )
        assert events(client) == []

    def test_a_bad_json_event_is_refused_in_plain_words(self, client: Any) -> None:
        """An unknown kind of event: the kinds there are, in JSON."""
        response = client.post("/api/applications/1/events", json={"type": "call", "at": "x"})
        problem = response.get_json()["error"]
        assert (response.status_code, problem) == (
            400,
            "the request: $.type: expected one of contact, reply, update, out_of_office, "
            "skip, snooze, got 'call'",
        )

    def test_an_application_may_start_from_a_preset(self, client: Any) -> None:
        """A policy as a policy file writes it: a preset and the keys it changes."""
        body = {"interview": s.unstructure(ACME), "policy": {"preset": "cautious", "max_calls": 0}}
        response = client.post("/api/applications", json=body)
        assert (response.status_code, response.get_json()) == (201, {"id": 3})

    def test_a_body_that_is_no_object_is_refused_in_plain_words(self, client: Any) -> None:
        """Not JSON, or not an object: what to send instead."""
        response = client.post("/api/applications", data="interview")
        assert (response.status_code, response.get_json()) == (
            400,
            {"error": 'Send a JSON object: {"interview": {...}, "policy": {...}}.'},
        )

    def test_a_bad_interview_is_refused_in_plain_words(self, client: Any) -> None:
        """A new application whose interview has no time zone: the fix, in words."""
        data = s.unstructure(ACME)
        del data["timezone"]
        data["starts_at"] = "2026-07-07T14:00:00"
        response = client.post("/api/applications", json={"interview": data})
        problem = response.get_json()["error"]
        assert response.status_code == 400
        assert problem.startswith("interview: $.starts_at: 2026-07-07T14:00:00 has no time zone")


class TestJson:
    """The JSON endpoints give the library's shapes, which the shipped schemas accept."""

    def test_today_matches_the_agenda_schema(self, client: Any, clock: Clock) -> None:
        """/api/today, late, due, coming and superseded steps included."""
        clock.now = at(16, 15)
        validator("agenda").validate(client.get("/api/today").get_json())

    def test_the_plan_matches_the_plan_schema_and_reads_back(self, client: Any) -> None:
        """/api/applications/N/plan is unstructure(plan), with the steps' ids."""
        data = client.get("/api/applications/1/plan").get_json()
        validator("plan").validate(data)
        ids = [entry["id"] for entry in entries(client) if entry["application"]["name"] == "1"]
        assert set(ids) <= set(s.structure(data, Plan).ids)

    def test_the_history_matches_the_history_schema(self, client: Any) -> None:
        """/api/applications/N/events, after a note and a skip."""
        for description, path in ((JOSE_NOTE, "done"), (BO_NOTE, "skip")):
            client.post(f"/applications/1/steps/{find(client, description)['id']}/{path}")
        validator("history").validate(events(client))

    def test_a_step_matches_the_agenda_schemas_item(self, client: Any) -> None:
        """/api/applications/N/steps/ID: the step is an agenda item, as in /api/today."""
        step = step_json(client, find(client, JOSE_NOTE))["step"]
        item = {"$ref": "#/$defs/item", "$defs": validator("agenda").schema["$defs"]}
        jsonschema.Draft202012Validator(item).validate(step)

    def test_a_recorded_event_matches_the_history_schema(self, client: Any, clock: Clock) -> None:
        """The event an app posts comes back as a history entry, with its type."""
        clock.now = at(9, 11)
        reply = {"type": "reply", "at": "2026-07-09T10:00:00-04:00", "sender": "Bo Chen"}
        answer = client.post("/api/applications/1/events", json=reply).get_json()
        validator("history").validate([answer["event"]])
        assert (answer["event"]["type"], answer["event"]["sender"]) == ("reply", "Bo Chen")

    def test_a_draft_of_a_call_is_a_plain_404(self, client: Any, clock: Clock) -> None:
        """A call has no .eml: the page says so."""
        clock.now = at(16, 9)
        entry = find(client, JOSE_CALL)
        response = client.get(f"/applications/1/steps/{entry['id']}/draft.eml")
        assert response.status_code == 404
        assert "This step is not an e-mail: it has no draft." in response.get_data(as_text=True)


class TestEditAndCalendar:
    """The rest of the integrator's tracker: an edit that keeps step ids, a calendar feed."""

    def test_a_rename_and_a_reschedule_keep_every_step_id(self, client: Any) -> None:
        """PATCH with interview file keys; the ids the app stored still name the steps."""
        before = [e["id"] for e in entries(client) if e["application"]["name"] == "1"]
        response = client.patch(
            "/api/applications/1", json={"company": "Acme SE", "starts_at": "2026-07-07T15:00"}
        )
        assert response.status_code == 200
        assert response.get_json()["interview"]["company"] == "Acme SE"
        after = [e["id"] for e in entries(client) if e["application"]["name"] == "1"]
        assert after == before

    def test_an_edit_the_history_does_not_fit(self, client: Any, clock: Clock) -> None:
        """Moving the start after a recorded reply: refused, naming the event."""
        clock.now = at(9, 11)
        client.post(
            "/api/applications/1/events", json={"type": "reply", "at": "2026-07-09T10:00:00-04:00"}
        )
        response = client.patch("/api/applications/1", json={"starts_at": "2026-07-10T10:00"})
        assert (response.status_code, response.get_json()["field"]) == (400, "starts_at")

    def test_the_calendar_feed(self, client: Any, clock: Clock) -> None:
        """Every application's steps from now, one item per step id of today's list."""
        import icalendar

        clock.now = at(16, 15)  # José's call window has passed: offered the next morning
        feed = client.get("/calendar.ics")
        assert feed.mimetype == "text/calendar"
        found = icalendar.Calendar.from_ical(feed.data)
        uids = {str(item["UID"]) for item in found.walk() if item.name in ("VTODO", "VEVENT")}
        assert {e["id"] for e in entries(client)} <= uids
