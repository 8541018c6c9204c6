"""The public API as an app calls it, checked by ``mypy --strict`` (never run).

stamina's idea (``tests/typing/api.py``): each line is a call the docs make;
if a public annotation stops accepting it, or stops giving the type an app
relies on, ``.ci/run`` fails.  pytest does not collect this file.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from email.message import EmailMessage

import attrs
import pendulum
from typing_extensions import assert_type

from followup_rules import (
    Action,
    ActionKind,
    Agenda,
    AgendaMany,
    Application,
    Candidate,
    Changes,
    Channel,
    Contact,
    Event,
    FollowupError,
    FormatError,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Message,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    StepChange,
    TimeWindow,
    Update,
    Violation,
    agenda,
    agenda_many,
    audit,
    plan,
    plan_many,
    render,
)
from followup_rules import serialize as s
from followup_rules.export import Draft, drafts, to_eml, to_ics


def an_interview() -> Interview:
    """Lists and names where the docs pass them; a stdlib or pendulum datetime."""
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", preferred_channel="phone"), "Bo Chen"],
        duration=timedelta(minutes=90),
        decision_by="in two weeks",
        recruiter=Recruiter("Rita Cole", agency="SelecSource"),
        candidate=Candidate("Sam Lee", timezone="Europe/Berlin", language="de"),
        topics=["the move to streaming pipelines"],
        missed=("my Kafka talk",),
        format="video",
        id="acme-2026",
    )
    assert_type(interview.starts_at, pendulum.DateTime)
    assert_type(interview.interviewers, tuple[Interviewer, ...])
    assert_type(interview.decision_date, date | None)
    Interview(datetime(2026, 7, 7, 14), "Acme", "Engineer", "Ana Ruiz", timedelta(hours=2))
    return interview


def a_policy() -> Policy:
    """Durations as timedelta, windows as text or pairs, channels by name."""
    policy = Policy(
        thank_you_within=timedelta(hours=12),
        recruiter_debrief_within=timedelta(hours=2),
        min_gap=timedelta(days=4),
        call_window="09:30-11:00",
        send_window=("08:00", time(17)),
        thank_you_channel="postal",
        salutation="first_name",
        holidays="US",
    )
    assert_type(policy.min_gap, int)
    assert_type(policy.call_window, TimeWindow)
    assert_type(Policy.preset("cautious"), Policy)
    return policy


def a_history(interview: Interview) -> list[Event]:
    """Each event built as the docs build them; channels and outcomes by name."""
    at = pendulum.datetime(2026, 7, 16, 10, tz="America/New_York")
    history: list[Event] = [
        Contact(at, "phone", "check_in", "Ana Ruiz", answered=True, note="friendly"),
        Contact(at.add(minutes=5), Channel.EMAIL, recipient=interview.interviewers[1]),
        Reply(at.add(hours=1), "Bo Chen"),
        Update(at.add(hours=2), "undecided", "by the end of the month"),
        Update(at.add(hours=3), Outcome.UNDECIDED, (date(2026, 7, 20), date(2026, 7, 24))),
        OutOfOffice(at.add(hours=4), date(2026, 7, 27)),
        Skip(at.add(hours=5), "thank_you-bo-chen-1-acme-2026@followup-rules"),
        Snooze(at.add(hours=6), "check_in-ana-ruiz-2-acme-2026@followup-rules", at.add(days=3)),
    ]
    assert_type(history[0].at, pendulum.DateTime)
    return history


def the_daily_loop(interview: Interview, policy: Policy, history: list[Event]) -> None:
    """Plan, ids, the agenda, the candidate's local day, rendering, recording."""
    schedule = plan(interview, policy, history=history)
    assert_type(schedule, Plan)
    assert_type(schedule.ids, tuple[str, ...])
    assert_type(schedule.missed_ids, tuple[str, ...])
    first: Action = schedule[0]
    assert_type(first.suggested, pendulum.DateTime)
    assert_type(first.kind, ActionKind)
    now = pendulum.datetime(2026, 7, 17, 9, tz="Europe/Berlin")
    local = now.in_timezone(interview.zone_of(interview.candidate))
    today = agenda(interview, policy, history=history, now=now, until=local.end_of("day"))
    assert_type(today, Agenda)
    message = render(first, interview, fit="six years of data pipelines")
    assert_type(message, Message)
    assert_type(message.missing_details, tuple[str, ...])
    done = first.done(now, message_id="<1.2@mail.example>", subject=message.subject)
    assert_type(done, Contact)
    assert_type(audit(interview, [*history, done]), list[Violation])
    for each in plan_many([interview, interview], histories=[history, []]):
        assert_type(each, Plan)


def the_json_a_web_app_sends(interview: Interview, history: list[Event]) -> Plan:
    """The plan as JSON for a front end, and back; events with their type."""
    schedule = plan(interview, history=history)
    text = json.dumps(s.unstructure(schedule))
    again = s.structure(json.loads(text), Plan)
    assert_type(again, Plan)
    stored = json.dumps(s.unstructure(history[0]))
    assert_type(s.structure_history([json.loads(stored)]), list[Event])
    assert_type(s.structure(s.unstructure(interview), Interview), Interview)
    return again


def the_web_tracker(interview: Interview, history: list[Event], policy: Policy) -> Event:
    """examples/web_tracker.py: applications from stored rows (a list of events), today's
    list as JSON, one event from a request, one step's draft, a call done."""
    now = pendulum.datetime(2026, 7, 16, 15, tz="America/New_York")
    application = Application(interview, history, policy, name="1")
    day = agenda_many([application], now, until="end_of_day")
    assert_type(day, AgendaMany)
    json.dumps(s.unstructure(day))
    event = s.structure_event({"type": "reply", "at": now.isoformat()}, source="the request")
    assert_type(event, Event)
    entry = day.entries[0]
    found = drafts([(application.plan(now), interview, history)], steps=[entry.id])
    assert_type(found, tuple[Draft, ...])
    assert_type(entry.action.done(now, answered=True, note="spoke"), Contact)
    return event


def the_exports(interview: Interview, schedule: Plan) -> None:
    """A calendar and a draft, with now passed in."""
    now = pendulum.datetime(2026, 7, 8, 9, tz="America/New_York")
    assert_type(to_ics(schedule, interview, now=now), bytes)
    assert_type(to_eml(schedule[0], interview), EmailMessage)


def the_errors() -> str:
    """What code reads from an error: its field, value and problem; the file's path."""
    try:
        an_interview()
    except InvalidHistory as error:
        return error.field
    except InvalidInterview as error:
        value: object = error.value
        return f"{error.field}: {error.problem} ({value!r})"
    except InvalidPolicy as error:
        return error.problem
    except InvalidArgument as error:
        return error.field
    except FormatError as error:
        return f"{error.source} {error.path} {error.problem}"
    except FollowupError as error:
        return str(error)
    return ""


def the_reminders_service(applications: list[Application], now: datetime) -> datetime | None:
    """One wake-up for many users; the reason in the user's words; what changed (app11)."""
    day = agenda_many(applications, now, limit=0)
    assert_type(day.changes_at, pendulum.DateTime | None)
    one: Agenda = applications[0].agenda(now)
    assert_type(one.changes_at, pendulum.DateTime | None)
    for item in one:
        assert_type(item.why(item.locale), str)
    changes = applications[0].changes(now - timedelta(days=1), now)
    assert_type(changes, Changes)
    for change in changes:
        assert_type(change, StepChange)
        assert_type(change.now.description, str)
        kind: str = change.change
        print(kind, change.before, change.item)
    return day.changes_at


@attrs.frozen(kw_only=True)
class TeamPolicy(Policy):
    """A team's house policy, with a field of its own (app12)."""

    team: str = "blue"


def the_multilingual_tracker(app: Application, data: dict[str, object], path: str) -> str:
    """Warnings in the user's words; a team's policy read back as its class (app12)."""
    recorded = app.record(Contact(pendulum.now("UTC"), Channel.EMAIL))
    said = [violation.describe(violation.locale) for violation in recorded.violations]
    assert_type(said, list[str])
    assert_type(s.policy_from(data), Policy)
    assert_type(s.policy_from(data, policy_class=TeamPolicy), TeamPolicy)
    assert_type(s.load_policy(path, policy_class=TeamPolicy), TeamPolicy)
    back = s.structure(data, Application, policy_class=TeamPolicy)
    assert_type(back, Application)
    return " ".join(said)
