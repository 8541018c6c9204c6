"""mut17a: what the seventeenth mutation pass over `loop` found untested.

`agenda_many` itself, `_together`, `_every_entry`, then the record path: see
benchmarks/README.md, "Seventeenth pass, `loop`".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Application, Channel, Policy, agenda_many, audit_many
from followup_rules.errors import InvalidArgument, InvalidHistory, StepIdError
from followup_rules.events import Outcome, Reply, Skip, Update
from followup_rules.loop import event_id

from .test_app_api2 import NOW, application, first_due
from .test_loop12 import _same_person_twice
from .test_loop_mut16 import NY, _every_standing, _listed
from .test_writing import meeting


class TestAListCutByALimitHoldsOnlyItsSteps:
    """`AgendaMany` made with a *limit* holds neither the agendas nor the superseded
    steps (empty, as documented), so its memory stays flat; `get` still answers for any
    id (mutants of `agenda_many` 177, 179: None in their place)."""

    def test_no_agendas_no_superseded_and_get_answers(self) -> None:
        apps, now = _every_standing()
        whole = agenda_many(apps, now)
        assert whole.agendas and whole.superseded
        gone = whole.superseded[0].id
        assert whole.get(gone) is whole.superseded[0]
        for limit in (0, 1, len(whole)):
            cut = agenda_many(apps, now, limit=limit)
            assert cut.agendas == () and cut.superseded == (), limit
            assert cut.get(gone) is None, limit
            assert cut.get("no-such-step") is None, limit
            assert _listed(cut) == _listed(whole)[:limit], limit
            first = whole.entries[0]
            assert (cut.get(first.id) is not None) == bool(limit), limit


class TestAFilePlannedTogetherAloneIsLeftOutWhenItCannotBePlanned:
    """With *together* and *skip_invalid*, a file alone in its candidate's run that cannot
    be planned is left out and listed in `failed`, as it is with others or without
    *together*, not raised (mutant of `_together` 7: the single file's road dropped
    *failed*)."""

    def test_alone_with_and_without_a_limit(self) -> None:
        apps, now = _every_standing()
        broken = Application(apps[0].interview, [Skip(now, "no-such-step")], name="broken")
        for limit in (None, 0, 3):
            for together in (False, True):
                day = agenda_many([broken], now, limit=limit, together=together, skip_invalid=True)
                assert [a.name for a, _ in day.failed] == ["broken"], (limit, together)
                assert isinstance(day.failed[0][1], InvalidHistory)
                assert len(day) == 0 and day.counts.applications == 0
            with pytest.raises(InvalidHistory, match="step"):
                agenda_many([broken], now, limit=limit, together=True)

    def test_beside_another_file_of_the_candidate(self) -> None:
        """The same with a file of the same candidate beside it (`_every_entry` 21: the
        files planned together, without a limit, dropped *failed*)."""
        apps, now = _every_standing()
        broken = Application(apps[0].interview, [Skip(now, "no-such-step")], name="broken")
        alone = agenda_many([apps[0]], now)
        for limit in (None, 0, 3):
            for together in (False, True):
                day = agenda_many(
                    [apps[0], broken], now, limit=limit, together=together, skip_invalid=True
                )
                assert [a.name for a, _ in day.failed] == ["broken"], (limit, together)
                assert day.counts == alone.counts
                assert _listed(day) == _listed(alone)[:limit], (limit, together)
            with pytest.raises(InvalidHistory, match="step"):
                agenda_many([apps[0], broken], now, limit=limit, together=True)


class TestAFollowUpsWholeWindowKeepsTheNextFileApart:
    """Planned together, a file's follow-ups keep `Policy.min_gap` from the end of the
    window of a follow-up another file listed before plans, not from its suggested
    moment: the feedback Ana asked for may be sent up to Thursday 16 July, so the
    other file's first check-in waits three business days after that, and the two
    done at the edges of their windows pass `audit_many` (mutant of `_together` 62:
    the suggested moment counted)."""

    def test_the_feedback_window_end_counts(self) -> None:
        data, ml = _same_person_twice()
        asked = Update(pendulum.datetime(2026, 7, 14, 11, tz=NY), Outcome.FEEDBACK_REQUESTED)
        data = attrs.evolve(data, history=[asked], policy=Policy(max_check_ins=0))
        now = pendulum.datetime(2026, 7, 14, 12, tz=NY)
        for limit in (None, 4):
            day = agenda_many([data, ml], now, together=True, limit=limit)
            (answer,) = [e.item.action for e in day if e.application is data]
            assert answer.kind is ActionKind.FEEDBACK_RESPONSE
            assert answer.latest.date() == date(2026, 7, 16) > answer.suggested.date()
            check_ins = [e.item.action for e in day if e.application is ml]
            assert check_ins[0].kind is ActionKind.CHECK_IN
            assert check_ins[0].earliest.date() == date(2026, 7, 21), limit
            done = [
                attrs.evolve(
                    data, history=[asked, answer.done(answer.latest - timedelta(hours=1))]
                ),
                attrs.evolve(ml, history=[check_ins[0].done(check_ins[0].earliest)]),
            ]
            assert audit_many(done) == [[], []]


class TestACutListKeepsTheOrderOfMomentsAMicrosecondApart:
    """The cut list orders steps by their moment to the microsecond, as the whole list
    does, over every year the library plans (to 9099): two interviews in the year 8999
    five microseconds apart, the later listed first (mutant of `agenda_many` 134: the
    moment as a float of microseconds, which cannot tell them apart there)."""

    def test_year_8999(self) -> None:
        def app(micro: int, company: str) -> Application:
            start = pendulum.datetime(8999, 7, 6, 10, 0, 0, micro, tz=NY)
            return Application(
                meeting(starts_at=start, company=company, decision_by=None), name=company
            )

        apps = [app(5, "Later"), app(0, "Sooner")]
        now = pendulum.datetime(8999, 7, 6, 12, tz=NY)
        whole = agenda_many(apps, now)
        assert [e.application.name for e in whole.due] == ["Sooner"] * 2 + ["Later"] * 2
        for limit in range(1, 5):
            assert _listed(agenda_many(apps, now, limit=limit)) == _listed(whole)[:limit]


# -- the record path: `Application.record_step` ------------------------------------------


class TestRecordStepAsDocumented:
    """`Application.record_step`: a naive *at* named as ``at``; the step found at *now*
    when given (a step forgotten long ago is refused though it was to do at *at*); a
    second press gives the place of the contact recorded (mutants of `record_step` 4,
    7, 8, 15, 20, 21)."""

    def test_a_naive_moment_is_refused_naming_at(self) -> None:
        app = application()
        step = first_due(app)
        with pytest.raises(InvalidArgument) as raised:
            app.record_step(step, datetime(2024, 7, 3, 10))
        assert raised.value.field == "at"
        assert "aware datetime" in str(raised.value)

    def test_the_step_is_found_at_now(self) -> None:
        app = application()
        step = first_due(app)
        at_the_time = NOW + timedelta(hours=1, minutes=7)
        much_later = NOW + timedelta(days=90)
        assert app.find_step(step, much_later).item is None
        with pytest.raises(StepIdError, match="long ago") as raised:
            app.record_step(step, at_the_time, now=much_later)
        assert (raised.value.field, raised.value.value) == ("step", step)
        done = app.record_step(step, at_the_time)  # found at *at*: to do then
        assert not done.already and done.event.at == at_the_time
        # found at a later *now*, where the agenda suggests that later moment: done at *at*
        soon = at_the_time + timedelta(minutes=20)
        assert app.find_step(step, soon).item.action.suggested == soon
        assert app.record_step(step, at_the_time, now=soon).event.at == at_the_time

    def test_pressed_again_gives_the_place_of_the_contact(self) -> None:
        app = application()
        step = first_due(app)
        heard = app.record(Reply(NOW - timedelta(hours=1), note="thanks for coming"))
        assert heard.application is not None
        first = heard.application.record_step(step, NOW)
        assert (first.already, first.number) == (False, 2)
        assert first.application is not None
        again = first.application.record_step(step, NOW + timedelta(seconds=5))
        assert (again.already, again.number, again.event) == (True, 2, first.event)
        assert again.history[again.number - 1] is again.event

    def test_what_the_app_knows_is_recorded_with_the_contact(self) -> None:
        """*subject* and *note* on an e-mail, *voicemail* and *answered* on a call."""
        app = application()
        step = first_due(app)
        mail = app.record_step(step, NOW, subject="Thank you", note="sent from my phone")
        assert (mail.event.subject, mail.event.note) == ("Thank you", "sent from my phone")
        _, ml = _same_person_twice()
        plan = ml.plan()
        pairs = zip(plan, plan.ids, strict=True)
        call, step = next((a, i) for a, i in pairs if a.channel is Channel.PHONE)
        for answered in (True, False):
            done = ml.record_step(step, call.earliest, answered=answered)
            assert (done.event.channel, done.event.answered) == (Channel.PHONE, answered)
        left = ml.record_step(step, call.earliest, voicemail=True)
        assert left.event.voicemail

    def test_a_moment_after_now_is_refused(self) -> None:
        """*at* after *now*: a typo in the date, refused as `record` refuses it (mutants
        of `record_step` 67, 69: *now* not passed on)."""
        app = application()
        step = first_due(app)
        with pytest.raises(InvalidHistory, match="is after now") as raised:
            app.record_step(step, NOW + timedelta(hours=2), now=NOW + timedelta(hours=1))
        assert raised.value.field == "event.at"


class TestAnEventsIdFromTheApplication:
    """`Application.event_id`: the id `record` gave the event, the one `remove` takes,
    distinct for distinct events (mutants of `Application.event_id` 1 to 4)."""

    def test_the_id_recorded_removes_the_event(self) -> None:
        app = application()
        step = first_due(app)
        done = app.record_step(step, NOW)
        heard = done.application.record(Reply(NOW + timedelta(hours=3), sender="Ana Ruiz"))
        both = heard.application
        contact, reply = both.history
        assert both.event_id(contact) == done.event_id == event_id(contact, both.interview)
        assert both.event_id(reply) == heard.event_id != done.event_id
        assert both.event_id(contact).startswith("ev-")
        assert both.remove(both.event_id(reply)).history == (contact,)

    def test_what_remove_refuses_word_for_word(self) -> None:
        """An id of no event, a text that is no id, a value that is no event: each named
        ``event``, with its value and its own problem (mutants of `Application.remove`
        8 to 22, 36)."""
        app = application().record_step(first_due(application()), NOW).application
        refusals = [
            ("ev-0123456789abcdef", "names no event of the application's history"),
            ("thank-you", "is not an event, nor an event's id like ev-0123456789abcdef"),
            (42, "is not an event (Contact, Reply, Update, OutOfOffice, Skip or Snooze)"),
        ]
        for given, problem in refusals:
            with pytest.raises(InvalidHistory) as raised:
                app.remove(given)  # type: ignore[arg-type]
            error = raised.value
            assert (error.field, error.value, error.problem) == ("event", given, problem)
        never = Reply(NOW + timedelta(days=1), sender="Ana Ruiz")
        with pytest.raises(InvalidHistory) as raised:
            app.remove(never)
        assert (raised.value.field, raised.value.value) == ("event", never)
        assert raised.value.problem.startswith("is not in the application's history (a reply")
