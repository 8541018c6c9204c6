"""What a cold integrator and a new user found (issues 17 and 18, the trials): the library side.

An integrator rebuilt a job tracker from the docs alone and counted the glue
the library should have provided; a new user lived a fortnight through the
command line.  Each class here is one finding, tested through the public API.
"""

from __future__ import annotations

import pickle
from datetime import timedelta
from typing import Any

import attrs
import pendulum
import pytest

import followup_rules
from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    FollowupError,
    FormatError,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    Plan,
    Policy,
    Recruiter,
    Reply,
    Skip,
    StepIdError,
    StepStatus,
    TemplateError,
    agenda,
    agenda_many,
    audit,
    check_event,
    check_history,
    describe_event,
    find_step,
    identity,
    new_violations,
    parse_when,
    plan,
    record_event,
)
from followup_rules import errors as errors_module
from followup_rules import serialize as s

from .factories import ANA, at, interview

NY = "America/New_York"


def refused(call: Any) -> FollowupError:
    with pytest.raises(FollowupError) as caught:
        call()
    return caught.value


class TestWhatAnErrorIsAbout:
    """Integrator glue 3: one public attribute for what any error is about."""

    @pytest.mark.parametrize(
        ("make", "field"),
        [
            (lambda: Interviewer("Ana", timezone="Mars/Base"), "Interviewer.timezone"),
            (lambda: s.structure({"min_gap": 0}, Policy, source="policy.toml"), None),
            (lambda: plan(interview()).__class__([]).ids, None),
            (lambda: followup_rules.TemplatePack(locale="xx"), None),
            (lambda: identity.step_key("nonsense", interview()), "step"),
        ],
        ids=["invalid-interview", "format-error", "plain", "template-error", "step-id"],
    )
    def test_every_error_has_field_value_and_problem(self, make: Any, field: str | None) -> None:
        """`.field`, `.value` and `.problem` on every FollowupError, whatever its class."""
        error = refused(make)
        assert isinstance(error.problem, str) and error.problem
        assert error.problem in str(error)
        if field is not None:
            assert error.field == field
        error.value  # noqa: B018 - present on every class

    def test_a_format_error_names_its_file_and_key_path_as_field(self) -> None:
        """`field` is where the text says the problem is; `value` what the file held."""
        error = refused(lambda: s.structure({"min_gap": 0}, Policy, source="policy.toml"))
        assert isinstance(error, FormatError)
        assert (error.field, error.value) == ("policy.toml: $.min_gap", 0)
        assert str(error).startswith(f"{error.field}: ")

    def test_a_template_error_names_its_template_as_field(self) -> None:
        """TemplateError: the template is the field, the message the problem."""
        error = TemplateError("is broken", "thank_you_email.txt")
        assert (error.field, error.problem) == ("thank_you_email.txt", "is broken")

    def test_the_field_survives_pickling(self) -> None:
        """Dask sends errors between processes: the attributes travel."""
        error = FormatError("a.toml", "$.x", "bad (got 0)", 0)
        again = pickle.loads(pickle.dumps(error))
        assert (again.field, again.value, again.problem) == (error.field, 0, error.problem)

    def test_the_errors_docstring_reads_no_private_name(self) -> None:
        """The module's guide tells code to read public attributes, not `_InvalidField`."""
        assert "_InvalidField" not in (errors_module.__doc__ or "")


class TestTimesInErrors:
    """Integrator item 25: one time format, ISO 8601 with its T, in every error."""

    def test_before_the_interview_reads_iso(self) -> None:
        """The interview's start in the problem has the same form as the value."""
        error = refused(lambda: check_event(interview(), [], Reply(at(2024, 7, 1, 9))))
        assert "at 2024-07-02T14:00:00-04:00" in str(error)
        assert "2024-07-02 14:00" not in str(error)

    def test_any_aware_time_written_with_a_space_is_made_iso(self) -> None:
        """Whatever module builds the problem with an f-string of a datetime."""
        error = InvalidArgument("x", 1, f"is after {at(2024, 7, 2, 14)}")
        assert error.problem == "is after 2024-07-02T14:00:00-04:00"


class TestParseWhenNamesItsField:
    """Integrator glue 4 (part) and item 13: the field a time came from, the class documented."""

    def test_the_field_is_named(self) -> None:
        """`parse_when(..., field="until")` names `until` in its error."""
        error = refused(
            lambda: parse_when("next tuesdy", interview(), at(2024, 7, 3), field="until")
        )
        assert isinstance(error, InvalidArgument) and error.field == "until"

    def test_the_docstring_names_the_class_it_raises(self) -> None:
        """It raises InvalidArgument, which is what its docstring promises."""
        doc = parse_when.__doc__ or ""
        assert "InvalidArgument" in doc and "InvalidInterview" not in doc


class TestStepIds:
    """Integrator glue 5 and item 14: a bad step id is a FollowupError; why a step is gone."""

    def test_step_key_raises_a_followup_error(self) -> None:
        """StepIdError is an InvalidArgument (a FollowupError), exported."""
        other = interview(id="globex-1")
        uid = plan(other).ids[-1]
        error = refused(lambda: identity.step_key(uid, interview(id="acme-1")))
        assert isinstance(error, StepIdError) and isinstance(error, InvalidArgument)
        assert followup_rules.StepIdError is StepIdError is identity.StepIdError
        assert error.field == "step" and error.value == uid

    def _history(self, iv: Interview) -> list[Any]:
        notes = [a for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
        return [notes[0].done(notes[0].suggested), Skip(notes[1].suggested, plan(iv).ids[-3])]

    def test_each_status(self) -> None:
        """Planned, done, skipped, superseded, not this interview's: each said in words."""
        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        schedule = plan(iv)
        ids = dict(zip(schedule, schedule.ids, strict=True))
        notes = [a for a in schedule if a.kind is ActionKind.THANK_YOU]
        room = next(a for a in schedule if a.channel is Channel.IN_PERSON)
        check_in = next(a for a in schedule if a.kind is ActionKind.CHECK_IN)
        history = [notes[0].done(notes[0].suggested), Skip(notes[1].suggested, ids[notes[1]])]
        now = at(2024, 7, 8, 9)
        found = {
            name: find_step(iv, history, uid, now=now)
            for name, uid in {
                "done": ids[notes[0]],
                "skipped": ids[notes[1]],
                "room": ids[room],
                "planned": ids[check_in],
                "other": plan(interview(id="globex-1")).ids[-1],
            }.items()
        }
        assert {name: f.status for name, f in found.items()} == {
            "done": StepStatus.DONE,
            "skipped": StepStatus.SKIPPED,
            "room": StepStatus.SUPERSEDED,
            "planned": StepStatus.PLANNED,
            "other": StepStatus.UNKNOWN,
        }
        assert found["done"].event == history[0] and found["skipped"].event == history[1]
        assert found["done"].reason.startswith("done: thank-you to Ana Ruiz, by e-mail")
        assert found["planned"].item is not None and found["planned"].item.id == ids[check_in]
        assert "not a step of this interview" in found["other"].reason

    def test_each_answer_holds_the_id_the_reason_and_what_decided_it(self) -> None:
        """What an app's page shows for a stored id: the id as asked, the status, the
        reason in words, and the agenda item or the event behind it (nothing else)."""
        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        schedule = plan(iv)
        ids = dict(zip(schedule, schedule.ids, strict=True))
        notes = [a for a in schedule if a.kind is ActionKind.THANK_YOU]
        room = next(a for a in schedule if a.channel is Channel.IN_PERSON)
        check_in = next(a for a in schedule if a.kind is ActionKind.CHECK_IN)
        done, skip = notes[0].done(notes[0].suggested), Skip(notes[1].suggested, ids[notes[1]])
        now = at(2024, 7, 8, 9)

        def found(uid: Any, when: Any = now) -> tuple[Any, ...]:
            f = find_step(iv, [done, skip], uid, now=when)
            item = None if f.item is None else f.item.id
            return (f.id, f.status, f.reason, item, f.event)

        assert found(ids[notes[0]]) == (
            ids[notes[0]],
            StepStatus.DONE,
            "done: thank-you to Ana Ruiz, by e-mail, Tue 2 Jul 16:00",
            None,
            done,
        )
        assert found(ids[notes[1]]) == (
            ids[notes[1]],
            StepStatus.SKIPPED,
            "skipped thank-you to Bo Chen, Tue 2 Jul 16:00",
            None,
            skip,
        )
        assert found(ids[room]) == (
            ids[room],
            StepStatus.SUPERSEDED,
            "superseded: the interview is over",
            ids[room],
            None,
        )
        assert found(ids[check_in]) == (
            ids[check_in],
            StepStatus.PLANNED,
            "coming",
            ids[check_in],
            None,
        )
        assert found(ids[room], at(2024, 9, 8, 9)) == (
            ids[room],
            StepStatus.SUPERSEDED,
            "superseded: its window closed long ago",
            None,
            None,
        )
        assert found(5) == (
            "5",
            StepStatus.UNKNOWN,
            "is not a step id",
            None,
            None,
        )
        unknown = found("garbage")
        assert unknown[:2] == ("garbage", StepStatus.UNKNOWN)
        assert unknown[2].startswith("is not a step of this interview")

    def test_the_answer_follows_the_applications_policy(self) -> None:
        """A check-in the consensus plans is "no longer planned" under a house policy
        that allows none, asked directly or through the Application."""
        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        check_in = next(
            uid
            for a, uid in zip(plan(iv), plan(iv).ids, strict=True)
            if a.kind is ActionKind.CHECK_IN
        )
        now = at(2024, 7, 8, 9)
        none = Policy(max_check_ins=0)
        assert find_step(iv, [], check_in, now=now).status is StepStatus.PLANNED
        assert find_step(iv, [], check_in, now=now, policy=none).status is StepStatus.NOT_PLANNED
        found = Application(iv, [], none).find_step(check_in, now)
        assert found.status is StepStatus.NOT_PLANNED

    def test_an_edit_must_give_an_interview(self) -> None:
        """with_interview names the argument when it is not an Interview."""
        with pytest.raises(InvalidInterview) as caught:
            Application(interview()).with_interview("Acme")  # type: ignore[arg-type]
        assert (caught.value.field, caught.value.value, caught.value.problem) == (
            "interview",
            "Acme",
            "expected an Interview",
        )

    def test_a_step_after_the_end_says_why_it_is_gone(self) -> None:
        """After an offer, a stored check-in id reads "no longer planned", in words."""
        from followup_rules import Outcome, Update

        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        uid = plan(iv).ids[-1]
        found = find_step(iv, [Update(at(2024, 7, 5, 9), Outcome.OFFER)], uid, now=at(2024, 7, 8))
        assert (found.id, found.status, found.reason, found.item, found.event) == (
            uid,
            StepStatus.NOT_PLANNED,
            "no longer planned: the follow-up ended, or the limits leave no room for it",
            None,
            None,
        )

    def test_a_step_after_the_end_is_not_planned(self) -> None:
        """After an offer, the check-ins stored earlier are no longer planned."""
        from followup_rules import Outcome, Update

        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        uid = plan(iv).ids[-1]
        history = [Update(at(2024, 7, 5, 9), Outcome.OFFER)]
        found = Application(iv, history).find_step(uid, at(2024, 7, 8, 9))
        assert found.status is StepStatus.NOT_PLANNED

    def test_any_value_is_answered(self) -> None:
        """Never raises for an id, whatever it holds."""
        found = find_step(interview(), [], "garbage", now=at(2024, 7, 3))
        assert found.status is StepStatus.UNKNOWN and found.reason


class TestRecordJudgedBy:
    """Application.record says the limits an event oversteps under the right policy."""

    CALL = Contact(at(2024, 7, 9, 10), Channel.PHONE, ActionKind.CHECK_IN, "Ana Ruiz")
    RELAXED = Policy(calls_need_invitation=False)

    def test_by_the_applications_policy_by_default(self) -> None:
        """An uninvited call oversteps the consensus, not a house policy allowing calls."""
        assert [v.rule for v in Application(interview()).record(self.CALL).violations] == [
            "one-call"
        ]
        assert Application(interview(), policy=self.RELAXED).record(self.CALL).violations == ()

    def test_by_the_policy_given_for_this_event(self) -> None:
        """A policy given to record() wins over the application's own."""
        relaxed = Application(interview(), policy=self.RELAXED)
        assert Application(interview()).record(self.CALL, policy=self.RELAXED).violations == ()
        strict = relaxed.record(self.CALL, policy=Policy())
        assert [v.rule for v in strict.violations] == ["one-call"]


class TestDescribedEvents:
    def test_a_contact_naming_nobody_went_to_the_follow_up_contact(self) -> None:
        """Only a debrief without a recipient went to the recruiter; any other contact
        went to the follow-up contact, even when there is a recruiter."""
        iv = interview(recruiter=Recruiter("Rita Cole"))
        when = at(2024, 7, 9, 10)
        check_in = Contact(when, Channel.EMAIL, ActionKind.CHECK_IN)
        debrief = Contact(when, Channel.EMAIL, ActionKind.RECRUITER_DEBRIEF)
        assert describe_event(check_in, iv) == "check-in to Ana Ruiz, by e-mail, Tue 9 Jul 10:00"
        assert describe_event(debrief, iv) == (
            "recruiter-debrief to Rita Cole, by e-mail, Tue 9 Jul 10:00"
        )


class TestApplicationKey:
    """Integrator glue 6: the app's own key travels to every entry."""

    def test_an_int_key_reaches_the_entries(self) -> None:
        """No round trip through `name`: the row id comes back as it went in."""
        day = agenda_many(
            [Application(interview(), key=41), Application(interview(company="Globex"), key=42)],
            at(2024, 7, 3, 9),
            until="end_of_day",
        )
        assert {entry.key for entry in day} == {41, 42}
        assert all(entry.application.key == entry.key for entry in day)

    def test_an_unhashable_key_is_refused(self) -> None:
        """A key must be hashable: a clear error, not a TypeError later."""
        error = refused(lambda: Application(interview(), key=[1]))
        assert isinstance(error, InvalidArgument) and error.field == "Application.key"


class TestEditingAnInterview:
    """Integrator glue 7 and item 16: an edit in the file's form, its history checked."""

    def test_check_history_is_public(self) -> None:
        """A history that does not fit is refused without planning anything."""
        error = refused(lambda: check_history(interview(), [Reply(at(2024, 7, 1, 9))]))
        assert isinstance(error, InvalidHistory) and error.field == "history[0].at"

    def test_a_rename_and_a_reschedule_keep_the_step_ids(self) -> None:
        """Company renamed, start moved (a local time in the interview's zone): ids stay."""
        application = Application(interview())  # no id yet: edit pins it
        now = at(2024, 7, 3, 9)
        before = [
            item.id for item in application.agenda(now) if item.action.kind.value == "check_in"
        ]
        edited = s.edit_application(
            application, {"company": "Acme SE", "starts_at": "2024-07-02T15:00"}
        )
        assert edited.interview.company == "Acme SE"
        assert edited.interview.starts_at == at(2024, 7, 2, 15)
        assert edited.interview.id == identity.interview_key(application.interview)
        after = [item.id for item in edited.agenda(now) if item.action.kind.value == "check_in"]
        assert after == before

    def test_an_edit_the_history_no_longer_fits_is_refused(self) -> None:
        """Moving the start after a recorded reply: refused, naming the key edited (the
        app8 trial: not the history's field) and the event in words."""
        application = Application(interview(), [Reply(at(2024, 7, 3, 9))])
        error = refused(lambda: s.edit_application(application, {"starts_at": "2024-07-05T10:00"}))
        assert isinstance(error, InvalidHistory) and error.field == "starts_at"
        assert error.value == "2024-07-05T10:00" and "event 1 of the history" in error.problem

    def test_a_bad_key_is_refused_in_the_file_words(self) -> None:
        """An unknown key: the FormatError an interview file would give."""
        error = refused(
            lambda: s.edit_application(Application(interview()), {"compnay": "X"}, source="form")
        )
        assert isinstance(error, FormatError) and "compnay" in str(error)

    def test_with_interview_checks_the_history(self) -> None:
        """Removing the person a contact went to is refused."""
        application = Application(
            interview(), [Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Bo Chen")]
        )
        error = refused(lambda: application.with_interview(interview(interviewers=[ANA])))
        assert isinstance(error, InvalidHistory)

    def test_pinned_keeps_an_id_that_is_there(self) -> None:
        """identity.pinned sets the id once; an interview with one comes back as it is."""
        iv = interview(id="acme-1")
        assert identity.pinned(iv) is iv
        assert identity.pinned(interview()).id == identity.interview_key(interview())


class TestMergedOrder:
    """Integrator glue 8 and item 17: what can be done now first, then by the moment shown."""

    def test_to_do_now_comes_first_then_shown_at(self) -> None:
        """A note that can be sent now comes before a call whose window opens at 10:00."""
        now = at(2024, 7, 3, 9)
        la = Interview(
            pendulum.datetime(2024, 7, 2, 14, tz="America/Los_Angeles"),
            "Pied Piper",
            "Engineer",
            [Interviewer("Ana Ruiz", email="ana@pp.example")],
            candidate=Candidate("Sam Lee", timezone=NY),
        )
        day = agenda_many([Application(interview()), Application(la)], now, until="end_of_day")
        due = day.due
        flags = [entry.item.to_do for entry in due]
        assert flags == sorted(flags, reverse=True)
        later = [entry.shown_at for entry in due if not entry.item.to_do]
        assert later == sorted(later)
        assert day.to_do == tuple(entry for entry in day if entry.item.to_do)


class TestEventsAfterNow:
    """Integrator glue 9 and item 18: an event dated after now is refused."""

    def test_check_event_refuses_a_future_event(self) -> None:
        """A typo in the month would have moved today's call away."""
        event = Reply(at(2024, 8, 20, 9))
        error = refused(lambda: check_event(interview(), [], event, now=at(2024, 7, 16, 9)))
        assert isinstance(error, InvalidHistory) and error.field == "event.at"
        assert "after now (2024-07-16T09:00:00-04:00)" in error.problem

    def test_without_now_it_is_taken(self) -> None:
        """Without now the library cannot tell (the command records any --at)."""
        assert check_event(interview(), [], Reply(at(2024, 8, 20, 9))) == (
            Reply(at(2024, 8, 20, 9)),
        )

    def test_record_refuses_it_too(self) -> None:
        """Application.record(..., now=) as check_event."""
        error = refused(
            lambda: Application(interview()).record(Reply(at(2024, 8, 20, 9)), now=at(2024, 7, 16))
        )
        assert isinstance(error, InvalidHistory)


class TestRecord:
    """Integrator glue 11 and item 19: record an event in one call, with what it oversteps."""

    def test_a_new_event(self) -> None:
        """The application with it, its place, nothing pushy."""
        application = Application(interview(), [Reply(at(2024, 7, 5, 9))])
        done = application.record(Reply(at(2024, 7, 4, 9)), now=at(2024, 7, 6))
        assert (done.already, done.number, done.violations) == (False, 1, ())
        assert done.application is not None
        assert done.application.history == (Reply(at(2024, 7, 4, 9)), Reply(at(2024, 7, 5, 9)))

    def test_the_same_event_twice(self) -> None:
        """Already there: the application unchanged."""
        application = Application(interview(), [Reply(at(2024, 7, 5, 9))])
        done = application.record(Reply(at(2024, 7, 5, 9), note="again"))
        assert done.already and done.number == 1 and done.application == application

    def test_violations_read_as_audit_says_them(self) -> None:
        """A second call: recorded, with a readable violation."""
        iv = interview(decision_by=pendulum.date(2024, 7, 10))
        first = Contact(at(2024, 7, 11, 10), Channel.PHONE)
        done = Application(iv, [first]).record(Contact(at(2024, 7, 17, 10), Channel.PHONE))
        assert [str(v) for v in done.violations] == [
            "[one-call] call number 2 to the employer; the policy allows 1"
        ]
        assert record_event(iv, [first], done.event).violations == done.violations


class TestLateEventsWarnAboutLaterOnes:
    """Trial finding: a reply logged late before a check-in left it too soon, silently."""

    def test_the_check_in_it_makes_too_soon_is_said(self) -> None:
        """The warning names the check-in already recorded, as `audit` will report it."""
        iv = interview(decision_by=pendulum.date(2024, 7, 10))
        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        check_in = Contact(at(2024, 7, 12, 9), Channel.EMAIL, ActionKind.CHECK_IN, "Ana Ruiz")
        assert audit(iv, [note, check_in]) == []
        done = Application(iv, [note, check_in]).record(Reply(at(2024, 7, 11, 9)))
        assert [(v.rule, v.events) for v in done.violations] == [("retry-gap", (check_in,))]
        assert done.violations == tuple(audit(iv, done.history))

    def test_what_was_wrong_before_is_not_said_again(self) -> None:
        """A violation already in the history is not the new event's."""
        iv = interview(decision_by=pendulum.date(2024, 7, 10))
        calls = [Contact(at(2024, 7, d, 10), Channel.PHONE) for d in (11, 17)]
        assert audit(iv, calls)
        done = Application(iv, calls).record(Reply(at(2024, 7, 18, 9)))
        assert done.violations == ()


class TestSuggestions:
    """Integrator item 21: a misspelt sender gets "did you mean", as a recipient does."""

    @pytest.mark.parametrize(
        "event",
        [
            Reply(at(2024, 7, 3, 9), "Ana Ruis"),
            Contact(at(2024, 7, 3, 9), Channel.EMAIL, recipient="Ana Ruis"),
        ],
        ids=["sender", "recipient"],
    )
    def test_did_you_mean(self, event: Any) -> None:
        """The closest name on the interview."""
        error = refused(lambda: check_event(interview(), [], event))
        assert error.problem.endswith("did you mean 'Ana Ruiz'?")


class TestSendWindow:
    """New user item 3: an e-mail is never "to do now" in its recipient's night."""

    def _marcus(self) -> Interview:
        return Interview(
            pendulum.datetime(2026, 10, 20, 10, tz="America/Chicago"),
            "Northwind Data",
            "Analytics Engineer",
            [
                Interviewer("Priya Nair", email="priya@n.example"),
                Interviewer("Marcus Hale", email="marcus@n.example", timezone=NY),
            ],
            candidate=Candidate("Jo Bennett", timezone="Europe/London"),
        )

    def test_a_note_at_four_in_the_morning_their_time_waits(self) -> None:
        """09:00 in London is 04:00 in New York: due, not now; doable at 08:00 theirs."""
        iv = self._marcus()
        now = pendulum.datetime(2026, 10, 21, 9, tz="Europe/London")
        note = next(
            item
            for item in Application(iv).agenda(now, "end_of_day")
            if item.action.kind is ActionKind.THANK_YOU
            and item.action.recipient.name == "Marcus Hale"  # type: ignore[union-attr]
        )
        assert not note.to_do
        assert note.doable_at == pendulum.datetime(2026, 10, 21, 8, tz=NY)

    def test_the_night_comes_before_the_deadline(self) -> None:
        """Only night left before the deadline: the note waits for the morning's send window.

        A three-week trial found thank-you notes "to do now" at 00:30 in New
        York after a Friday interview: the deadline came first.  Never in the
        recipient's night: the next morning's window, when the note is late
        and still allowed (`Policy.thank_you_late_within`).
        """
        iv = interview(starts_at=at(2024, 7, 2, 19))  # ends at 20:00: due by midnight
        policy = Policy(send_window="08:00-09:00", thank_you_within=timedelta(hours=4))
        now = at(2024, 7, 2, 22, 30)
        notes = [
            item
            for item in agenda(iv, policy, now=now)
            if item.action.kind is ActionKind.THANK_YOU
        ]
        assert notes and not any(item.to_do for item in notes)
        assert {item.doable_at for item in notes} == {at(2024, 7, 3, 8)}
        then = agenda(iv, policy, now=at(2024, 7, 3, 8))
        late = [item for item in then.to_do if item.action.kind is ActionKind.THANK_YOU]
        assert len(late) == len(notes) and all(item.late_since is not None for item in late)

    def test_an_evening_before_the_deadline_is_used_and_every_view_agrees(self) -> None:
        """No send-window moment before the deadline, but an evening: the note goes then.

        The fourth trial: after a Friday 16:30 interview, `today` said
        "Monday 08:00" while the plan, the calendar and the drafts said
        Friday 18:30, outside the send window.  A thank-you is due within a
        day (seeds 000-004); the evening of the interview is the recipient's
        waking hours, so the plan suggests it, the agenda offers it now, and
        the plan made at that moment keeps it: one moment everywhere.
        """
        iv = interview(starts_at=at(2024, 7, 2, 19))  # ends at 20:00: due by 20:00 next day
        policy = Policy(send_window="08:00-09:00")
        now = at(2024, 7, 3, 19)  # after the day's send window, before the deadline
        notes = [
            item
            for item in agenda(iv, policy, now=now)
            if item.action.kind is ActionKind.THANK_YOU
        ]
        assert notes and all(item.to_do and item.doable_at == now for item in notes)
        seen = [a for a in plan(iv, policy, now=now) if a.kind is ActionKind.THANK_YOU]
        assert seen and all(action.suggested == now for action in seen)
        ideal = [a for a in plan(iv, policy) if a.kind is ActionKind.THANK_YOU]
        assert all(action.suggested == at(2024, 7, 3, 8) for action in ideal)  # send window first

    def test_inside_the_window_it_is_now(self) -> None:
        """At 10:00 their time on a business day, the note can go."""
        now = at(2024, 7, 3, 10)
        notes = [i for i in agenda(interview(), now=now) if i.action.kind is ActionKind.THANK_YOU]
        assert notes and all(item.to_do and item.doable_at == now for item in notes)


class TestRecruiterZone:
    """New user item 7: a recruiter in another zone is called in their business hours."""

    def test_a_us_recruiter_of_a_london_candidate(self) -> None:
        """The debrief falls inside 08:00-17:00 New York time, not London's."""
        iv = Interview(
            pendulum.datetime(2026, 10, 20, 15, tz="America/Chicago"),
            "Northwind Data",
            "Analytics Engineer",
            [Interviewer("Priya Nair", email="priya@n.example")],
            recruiter=Recruiter("Dana Whitfield", phone="+1 212 555 0100", timezone=NY),
            candidate=Candidate("Jo Bennett", timezone="Europe/London"),
        )
        debrief = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        local = debrief.suggested.in_timezone(NY)
        assert local.date() == pendulum.date(2026, 10, 21)
        assert 8 <= local.hour < 17

    def test_the_file_key_reads(self) -> None:
        """`[recruiter] timezone = ...` is read from a file (it was refused)."""
        data = s.unstructure(interview(recruiter=Recruiter("Rita Cole", timezone=NY)))
        assert data["recruiter"]["timezone"] == NY
        assert s.structure(data, Interview).recruiter.timezone == NY  # type: ignore[union-attr]


class TestOneTimeStepsTwice:
    """New user item 6: a second thank-you to the same person is reported."""

    def test_audit_reports_the_second_note(self) -> None:
        """18:05 and 18:06: two notes in Ana's inbox (rule thank-you)."""
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        second = attrs.evolve(first, at=at(2024, 7, 2, 18, 6))
        found = audit(interview(), [first, second])
        assert [(v.rule, v.events) for v in found] == [("thank-you", (second, first))]
        assert "one note per interviewer" in found[0].message

    def test_the_same_event_logged_twice_is_one(self) -> None:
        """An exact duplicate is one event: nothing to report."""
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        assert audit(interview(), [first, first]) == []

    def test_notes_to_two_people_are_fine(self) -> None:
        """One note each."""
        notes = [
            Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, name)
            for name in ("Ana Ruiz", "Bo Chen")
        ]
        assert audit(interview(), notes) == []

    def test_logging_it_warns(self) -> None:
        """new_violations (what `followup log` warns with) names the second one."""
        first = Contact(at(2024, 7, 2, 18, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        second = attrs.evolve(first, at=at(2024, 7, 2, 18, 6))
        assert [v.rule for v in new_violations(interview(), [first], second)] == ["thank-you"]

    def test_the_closing_twice(self) -> None:
        """A step of the room done twice: once per interview (rule closing)."""
        room = [
            Contact(at(2024, 7, 2, 14, minute), Channel.IN_PERSON, ActionKind.CLOSING_STATEMENT)
            for minute in (40, 50)
        ]
        assert [v.rule for v in audit(interview(), room)] == ["closing"]


def test_a_plan_without_ids_names_no_field() -> None:
    """A plain FollowupError: field None, problem its text."""
    error = refused(lambda: Plan([]).ids)
    assert error.field is None and error.problem == str(error)


class TestExportsTakeApplications:
    """Integrator glue 2 and item 11: the calendar and the drafts take applications."""

    def _acme(self) -> Application:
        iv = interview(
            decision_by=pendulum.date(2024, 7, 10), candidate=Candidate("Sam", email="s@x.example")
        )
        return Application(iv, name="acme", key=7)

    def test_a_calendar_of_applications_is_planned_from_now(self) -> None:
        """Each application planned as application.plan(now), under its own policy."""
        from followup_rules.export import to_ics_many

        application = self._acme()
        now = at(2024, 7, 11, 15)  # the call window of the day has passed
        data = to_ics_many([application], now=now)
        expected = to_ics_many(
            [(application.plan(now), application.interview, application.history, "acme")],
            now=now,
        )
        assert data == expected
        assert b"20240712T100000" in data  # the late call, offered the next morning

    def test_to_ics_takes_one_application(self) -> None:
        """to_ics(application, now=...) as to_ics_many([application], ...)."""
        from followup_rules.export import to_ics, to_ics_many

        application = self._acme()
        now = at(2024, 7, 3, 9)
        assert to_ics(application, now=now) == to_ics_many([application], now=now)

    def test_a_plan_still_needs_its_interview(self) -> None:
        """The tuple form is kept; a plan alone is refused in words."""
        from followup_rules.export import to_ics

        error = refused(lambda: to_ics(plan(interview()), now=at(2024, 7, 3)))
        assert isinstance(error, InvalidArgument) and error.field == "interview"

    def test_drafts_of_applications(self) -> None:
        """drafts([application], now=...): the steps still doable then, named as before."""
        from followup_rules.export import drafts

        application = self._acme()
        now = at(2024, 7, 3, 9)
        made = drafts([application], now=now)
        assert [d.step for d in made] == [
            d.step for d in drafts([(application.plan(now), application.interview, ())])
        ]
        assert made and all(d.action.kind is not ActionKind.ASK_FOR_CARDS for d in made)

    def test_a_draft_unstructures_to_json(self) -> None:
        """Integrator item 23: JSON-safe, with its file name, Message-ID and the .eml text."""
        import json

        from followup_rules.export import drafts

        (draft, *_) = drafts([self._acme()], now=at(2024, 7, 3, 9))
        data = s.unstructure(draft)
        assert json.loads(json.dumps(data)) == data
        assert set(data) == {"path", "step", "message_id", "description", "warnings", "eml"}
        assert data["message_id"] == draft.message_id and data["step"] == draft.step
        assert f"Message-ID: {draft.message_id}" in data["eml"]


class TestSchemas:
    """Integrator item 20: the shipped JSON Schemas, as dicts."""

    @pytest.mark.parametrize("name", ["interview", "history", "policy", "plan", "agenda"])
    def test_each_schema(self, name: str) -> None:
        """A JSON Schema an app can validate with."""
        found = s.schema(name)
        assert found["$schema"].startswith("https://json-schema.org/")

    def test_what_unstructure_writes_is_valid(self) -> None:
        """A plan's JSON against the plan schema."""
        import jsonschema

        jsonschema.validate(s.unstructure(plan(interview())), s.schema("plan"))

    def test_an_unknown_name(self) -> None:
        """Refused, naming the schemas there are."""
        error = refused(lambda: s.schema("plans"))
        assert isinstance(error, InvalidArgument) and "agenda, history" in error.problem


class TestEventsFromAForm:
    """Integrator glue 4: an event from a form, its times as a person types them."""

    def test_local_times_and_words(self) -> None:
        """`at` = "now", `until` a local date: read in the candidate's zone from now."""
        now = at(2024, 7, 16, 9)
        event = s.structure_event(
            {"type": "snooze", "at": "now", "step": "x", "until": "2024-07-20"},
            zone=interview(),
            now=now,
        )
        assert (event.at, event.until) == (now, at(2024, 7, 20))  # type: ignore[attr-defined]

    def test_a_word_without_now(self) -> None:
        """A word needs the present moment: said, naming the key."""
        error = refused(
            lambda: s.structure_event({"type": "reply", "at": "tomorrow"}, zone=interview())
        )
        assert isinstance(error, FormatError) and error.field == "<data>: $.at"

    def test_a_typo(self) -> None:
        """What parse_when says, under the form's key."""
        error = refused(
            lambda: s.structure_event(
                {"type": "reply", "at": "next tuesdy"}, zone=interview(), now=at(2024, 7, 3)
            )
        )
        assert isinstance(error, FormatError) and error.path == "$.at"
        assert error.value == "next tuesdy"

    def test_without_a_zone_a_local_time_is_refused_as_in_a_file(self) -> None:
        """No zone known: the hint gives an example zone, said to be one."""
        error = refused(lambda: s.structure_event({"type": "reply", "at": "2024-07-03T10:00"}))
        assert 'add e.g. "timezone": "Europe/Berlin"' in error.problem
