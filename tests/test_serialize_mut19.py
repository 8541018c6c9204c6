"""What `serialize` writes of a plan, of what the loop returns, and what an interview file
gives.

Issue 20, item 9 (nineteenth pass of mutation testing, `serialize`; see
benchmarks/README.md, "Nineteenth pass, `serialize`"): each test pins what a user
or an app relies on: a plan's recipients written with their ``role`` and read
back, a step to no one, a recipient given another way refused; every key of a
step change, a change list, a violation and a recorded event, in the
candidate's language; an application `kept_apart` written as itself; an app's
own classes named as the library's; what `load_interview_file` gives and the
file and key its refusals name.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Changes,
    Channel,
    Contact,
    Event,
    Interview,
    Interviewer,
    Outcome,
    Plan,
    Policy,
    Recorded,
    Recruiter,
    Update,
    audit,
    describe_event,
    event_id,
    plan,
    record_event,
)
from followup_rules import serialize as s
from followup_rules.loop import kept_apart

from .factories import ANA, BO, at, interview
from .test_integrator11 import told
from .test_serialize import INTERVIEW_TOML
from .test_serialize_details import refusal

RITA = Recruiter("Rita Cole", agency="SelecSource", email="rita@selecsource.example")


def written() -> tuple[Plan, dict[str, Any]]:
    """A plan with steps to interviewers and to the recruiter, and what it is written as."""
    made = plan(interview(recruiter=RITA))
    return made, s.unstructure(made)


class TestRecipients:
    """A step's recipient is written with its role, and read back as that person."""

    def test_each_recipient_is_written_with_its_role(self) -> None:
        made, data = written()
        roles = {
            (step["recipient"]["role"], step["recipient"]["name"])
            for step in data["actions"] + data["missed"]
        }
        assert roles == {
            ("interviewer", ANA.name),
            ("interviewer", BO.name),
            ("recruiter", RITA.name),
        }
        first = data["actions"][0]["recipient"]
        person = next(a.recipient for a in made.actions if a.recipient is not None)
        assert first == {"role": "interviewer", **s.converter().unstructure(person)}

    def test_a_plan_reads_back_with_the_same_people(self) -> None:
        made, data = written()
        again = s.structure_plan(data, source="plan.json")
        assert again == made
        kinds = [type(step.recipient) for step in again.actions + again.missed]
        assert kinds == [type(step.recipient) for step in made.actions + made.missed]
        assert {Interviewer, Recruiter} <= set(kinds)

    def test_a_step_to_no_one_is_written_and_read_as_null(self) -> None:
        _, data = written()
        step = {**data["actions"][0], "recipient": None}
        again = s.structure_plan({"actions": [step]}, source="plan.json")
        assert again.actions[0].recipient is None
        assert s.unstructure(again)["actions"][0]["recipient"] is None

    @pytest.mark.parametrize(
        "recipient",
        ["Ana Ruiz", ["Ana Ruiz"], {"role": "candidate", "name": "Ana Ruiz"}, {"name": "Ana"}],
        ids=["a name", "a list", "another role", "no role"],
    )
    def test_a_recipient_given_otherwise_is_refused(self, recipient: Any) -> None:
        _, data = written()
        step = {**data["actions"][0], "recipient": recipient}
        error = refusal(lambda: s.structure_plan({"actions": [step]}, source="plan.json"))
        expected = (
            "plan.json: $.actions[0].recipient: "
            "expected a person with role 'interviewer' or 'recruiter'"
        )
        assert str(error) == expected


class TestChangesForAnApp:
    """What changed since the app last looked, as an app receives it: every key, in the
    candidate's language."""

    def changes(self, language: str, news: str = "later") -> tuple[Application, Changes]:
        """A week after the interview (Tue 7 Jul 2026, decision by 22 Jul): a later decision
        date (the check-ins move), or a rejection (they go; asking for feedback is new)."""
        app = told(6, language, Policy())
        since = pendulum.datetime(2026, 7, 16, 9, tz="America/New_York")
        decision = pendulum.date(2026, 8, 5) if news == "later" else None
        outcome = Outcome.UNDECIDED if news == "later" else Outcome.REJECTED
        update = Update(since.add(hours=2), outcome, decision)
        later = app.record(update, now=since.add(hours=2)).application
        assert later is not None
        return later, later.changes(since, since.add(days=1))

    @pytest.mark.parametrize("news", ["later", "rejected"])
    @pytest.mark.parametrize("language", ["de", "fr"])
    def test_each_step_change_is_written_in_full(self, language: str, news: str) -> None:
        _, changes = self.changes(language, news)
        data = json.loads(json.dumps(s.unstructure(changes)))
        assert len(data["steps"]) == len(changes.steps) > 0
        described = []
        for change, shown in zip(changes.steps, data["steps"], strict=True):
            item = change.now.item if change.now.item is not None else change.before
            words = None if item is None else item.action.describe(language)
            assert shown == {
                "id": change.id,
                "change": change.change,
                "description": words,
                "before": None if change.before is None else s.unstructure(change.before),
                "now": s.unstructure(change.now),
            }
            described.append((words, None if item is None else item.action.describe("en")))
        # In the candidate's language, not in English.
        assert any(words is not None and words != english for words, english in described)
        kinds = {change.change for change in changes.steps}
        assert kinds == ({"moved"} if news == "later" else {"gone", "new"})

    def test_the_events_and_their_clock_are_written(self) -> None:
        app, changes = self.changes("de")
        data = json.loads(json.dumps(s.unstructure(changes)))
        assert set(data) == {"format_version", "since", "now", "locale", "events", "steps"}
        assert (data["since"], data["now"], data["locale"]) == (
            "2026-07-16T09:00:00-04:00",
            "2026-07-17T09:00:00-04:00",
            "de",
        )
        (event,) = changes.events
        assert data["events"] == [
            {
                **s.unstructure(event),
                "event_id": app.event_id(event),
                "description": describe_event(event, app.interview, locale="de"),
            }
        ]

    def test_changes_an_app_builds_without_its_application_name_no_event(self) -> None:
        """Its events are written without an id or a description: none is made up."""
        _, changes = self.changes("de")
        alone = attrs.evolve(changes, application=None)
        data = s.unstructure(alone)
        (event,) = changes.events
        assert data["events"] == [{**s.unstructure(event), "event_id": None, "description": None}]
        assert data["steps"] == s.unstructure(changes)["steps"]


def a_call_too_soon() -> tuple[Interview, list[Event], Contact]:
    """A thank-you, a check-in the next morning, then a call no one invited (French)."""
    made = interview(candidate=Candidate("Sam Lee", language="fr"))
    history: list[Event] = [
        Contact(at(2024, 7, 2, 16), Channel.EMAIL, kind=ActionKind.THANK_YOU, recipient=ANA.name),
        Contact(at(2024, 7, 3, 9), Channel.EMAIL, kind=ActionKind.CHECK_IN, recipient=ANA.name),
    ]
    return made, history, Contact(at(2024, 7, 3, 10), Channel.PHONE, recipient=ANA.name)


class TestWhatTheLoopReturns:
    """A violation and a recorded event, as an app receives them: every key."""

    def test_a_violation_is_written_in_full(self) -> None:
        made, history, call = a_call_too_soon()
        violations = audit(made, [*history, call])
        assert {violation.rule for violation in violations} == {"check-in-no-deadline", "one-call"}
        for violation, shown in zip(violations, s.unstructure(violations), strict=True):
            assert shown == {
                "rule": violation.rule,
                "sources": list(violation.sources),
                "message": violation.message,
                "text": f"[{violation.rule}] {violation.message}",
                "locale": "fr",
                "description": violation.describe("fr"),
                "events": [s.unstructure(event) for event in violation.events],
            }
            assert shown["description"] != violation.describe("en")
            assert shown["events"] and all(e["type"] == "contact" for e in shown["events"])

    def test_a_recorded_event_is_written_in_full(self) -> None:
        made, history, call = a_call_too_soon()
        recorded = record_event(made, history, call)
        assert recorded.violations
        assert s.unstructure(recorded) == {
            "event": s.unstructure(call),
            "event_id": event_id(call, made),
            "number": 3,
            "already": False,
            "violations": s.unstructure(list(recorded.violations)),
        }

    def test_a_recorded_event_an_app_builds_gets_its_id_from_its_application(self) -> None:
        made, history, call = a_call_too_soon()
        app = Application(made, [*history, call])
        alone = Recorded(call, 3, False, app.history)
        told = Recorded(call, 3, False, app.history, event_id="ev-given")
        found = Recorded(call, 3, False, app.history, application=app)
        assert s.unstructure(alone)["event_id"] is None
        assert s.unstructure(told)["event_id"] == "ev-given"
        assert s.unstructure(found)["event_id"] == event_id(call, made) == app.event_id(call)


def test_an_application_kept_apart_is_written_as_the_application_it_is() -> None:
    """`kept_apart` gives a planning wrapper of the second application at one employer: it
    is written with an application's keys alone, and reads back as that application."""
    first = Application(interview(), key="a")
    second = Application(interview(starts_at=at(2024, 7, 5, 10), role="ML Engineer"), key="b")
    spaced = kept_apart([first, second])[1]
    assert type(spaced) is not Application  # planned from the first one's follow-ups
    data = json.loads(json.dumps(s.unstructure(spaced)))
    assert set(data) == {
        "format_version",
        "interview",
        "history",
        "policy",
        "name",
        "key",
        "met_before",
    }
    assert data == json.loads(json.dumps(s.unstructure(second)))
    assert s.structure(data, Application) == second


@attrs.frozen
class Draft:
    """An app's own draft, named as the library's `followup_rules.export.Draft`."""

    subject: str
    to: str


@attrs.frozen
class Message:
    """An app's own message, named as the library's `followup_rules.messages.Message`."""

    body: str


def test_an_apps_own_classes_named_as_the_librarys_are_written_as_their_fields() -> None:
    """`unstructure` knows a draft and a message by their module too: an app's own attrs
    classes of those names are plain data of their own fields, not read as the library's."""
    assert s.unstructure(Draft("Thank you", "ana@acme.example")) == {
        "subject": "Thank you",
        "to": "ana@acme.example",
    }
    assert s.unstructure([Message("Hello")]) == [{"body": "Hello"}]


class TestInterviewFilesNameTheFileAtFault:
    """`load_interview_file`: a refusal names the file it is about, and its key."""

    def test_a_history_file_given_as_the_interview(self, tmp_path: Path) -> None:
        events = tmp_path / "acme.events.toml"
        events.write_text('[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n')
        error = refusal(lambda: s.load_interview_file(events))
        assert str(error) == (
            f"{events}: is a history file (events only), not an interview: give the "
            "interview file that names it in its history key"
        )

    def test_a_later_version_of_the_interview_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text("format_version = 99\n" + INTERVIEW_TOML)
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(path), "$.format_version")

    def test_a_held_local_time_is_told_the_interviews_zone(self, tmp_path: Path) -> None:
        """An [[event]] of the interview file at a time without a zone: the zone to write is
        the interview's (Paris here), with its offset then."""
        path = tmp_path / "acme.toml"
        paris = INTERVIEW_TOML.replace("America/New_York", "Europe/Paris")
        path.write_text(paris + '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00\n')
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(path), "$.event[0].at")
        assert error.problem == (
            '2026-07-08T09:00:00 has no time zone: add timezone = "Europe/Paris" (the IANA '
            "name of its zone) beside at, or write its offset: at = 2026-07-08T09:00:00+02:00"
        )

    def test_a_history_file_as_a_json_list_names_its_entry(self, tmp_path: Path) -> None:
        """A history file holding a bare JSON list: its entries are ``$[n]``."""
        path = tmp_path / "acme.toml"
        path.write_text('history = "acme.events.json"\n' + INTERVIEW_TOML)
        events = tmp_path / "acme.events.json"
        later = {"type": "reply", "at": "2026-07-08T09:00:00-04:00"}
        events.write_text(json.dumps([later, {**later, "at": "2026-07-01T09:00:00-04:00"}]))
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(events), "$[1].at")
        assert error.problem.startswith("is before the interview")
        unchecked = s.load_interview_file(path, check=False)
        assert [event.at.day for event in unchecked.history] == [8, 1]


class TestInterviewFilesReadWhole:
    """What `load_interview_file` gives: the file, its interview, its history and where it
    is kept, and the application's own policy, whichever way the history is given."""

    def test_a_named_history_and_a_policy_table(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(
            'history = "acme.events.toml"\n' + INTERVIEW_TOML + "\n[policy]\nmin_gap = 6\n"
        )
        events = tmp_path / "acme.events.toml"
        events.write_text('[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n')
        found = s.load_interview_file(path)
        assert (found.path, found.history_path, found.policy) == (
            path,
            events,
            Policy(min_gap=6),
        )
        assert found.interview == s.load_interview(path)
        assert [type(event).__name__ for event in found.history] == ["Reply"]

    def test_held_events_and_a_policy_table(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(
            INTERVIEW_TOML
            + "\n[policy]\nmin_gap = 6\n"
            + '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n'
        )
        found = s.load_interview_file(path)
        assert (found.path, found.history_path, found.policy) == (path, path, Policy(min_gap=6))
        assert [type(event).__name__ for event in found.history] == ["Reply"]

    def test_held_events_before_the_interview_are_read_unchecked(self, tmp_path: Path) -> None:
        """``check=False``: each event read, not checked against the interview (an
        interview edited after they were logged)."""
        path = tmp_path / "acme.toml"
        path.write_text(
            INTERVIEW_TOML + '\n[[event]]\ntype = "reply"\nat = 2026-07-01T09:00:00-04:00\n'
        )
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (str(path), "$.event[0].at")
        assert len(s.load_interview_file(path, check=False).history) == 1

    def test_a_held_local_time_is_told_the_candidates_own_zone(self, tmp_path: Path) -> None:
        """The candidate in Tokyo, the interview in New York: the zone to write is Tokyo's,
        the zone the candidate logs in."""
        path = tmp_path / "acme.toml"
        candidate = '\n[candidate]\nname = "Sam Lee"\ntimezone = "Asia/Tokyo"\n'
        event = '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00\n'
        path.write_text(INTERVIEW_TOML + candidate + event)
        error = refusal(lambda: s.load_interview_file(path))
        assert 'add timezone = "Asia/Tokyo"' in error.problem
        assert "at = 2026-07-08T09:00:00+09:00" in error.problem

    def test_a_bad_policy_table_names_the_file_and_the_table(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(INTERVIEW_TOML + "\n[policy]\nmin_gap = -1\n")
        error = refusal(lambda: s.load_interview_file(path))
        assert (error.source, error.path) == (f"{path} [policy]", "$.min_gap")

    def test_a_policy_file_named_beside_it(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text('policy = "team.toml"\n' + INTERVIEW_TOML)
        (tmp_path / "team.toml").write_text("min_gap = 6\n")
        assert s.load_interview_file(path).policy == Policy(min_gap=6)
