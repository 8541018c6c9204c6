"""mut18b: what the eighteenth mutation pass over `loop` found untested.

`find_step`, `_changes`, `Application.rename`, `parse_when`, `Application._mended`:
see benchmarks/README.md, "Eighteenth pass, `loop` (mut18b)".
"""

from __future__ import annotations

import pendulum
import pytest

from followup_rules import ActionKind, Application, Policy, StepStatus, find_step, plan
from followup_rules.events import Outcome, Skip, Update
from followup_rules.loop import describe_event

from .factories import at, interview
from .test_integrator6 import NOW, _application


class TestFoundStepSaysItInTheirLanguage:
    """`FoundStep.description` is the candidate's words for every answer: a step done
    names the contact in their language (its day and time as they write them), and an
    id that is no string reads as an unknown step does (mutants of `find_step` 29: no
    description; 88: the contact described in English inside the German sentence)."""

    @pytest.mark.parametrize("language", ["de", "fr", "es"])
    def test_done_and_no_step_id(self, language: str) -> None:
        app = _application(language)
        thanks = next(
            item
            for item in app.agenda(NOW, "end_of_day")
            if item.action.kind is ActionKind.THANK_YOU
        )
        sent = pendulum.datetime(2026, 7, 8, 16, 10, tz="Europe/Berlin")
        done = app.record_step(thanks.id, sent, now=NOW).application
        found = done.find_step(thanks.id, NOW)
        assert found.status is StepStatus.DONE and found.event is not None
        theirs = describe_event(found.event, done.interview, locale=language)
        ours = describe_event(found.event, done.interview)
        assert found.description.endswith(theirs)
        assert ours not in found.description
        assert found.reason.endswith(ours)
        skip = Skip(sent, thanks.id)
        skipped = Application(app.interview, [skip]).find_step(thanks.id, NOW)
        assert skipped.status is StepStatus.SKIPPED and skipped.event == skip
        assert skipped.reason == describe_event(skip, app.interview)
        assert skipped.description == describe_event(skip, app.interview, locale=language)
        assert skipped.description != skipped.reason
        bogus = app.find_step("bogus", NOW)
        assert bogus.status is StepStatus.UNKNOWN
        assert isinstance(bogus.description, str) and bogus.description != bogus.reason
        assert bogus.description == _application(language).find_step("garbage", NOW).description
        for value in (5, None, ("a", "b")):
            odd = app.find_step(value, NOW)  # type: ignore[arg-type]
            assert (odd.status, odd.reason) == (StepStatus.UNKNOWN, "is not a step id")
            assert odd.description == bogus.description != odd.reason
            assert odd.locale == language
        # off the agenda: superseded long ago, or no longer planned (mutants 168, 182)
        ids = [
            uid
            for action, uid in zip(app.plan().actions, app.plan().ids, strict=True)
            if action.kind is ActionKind.CHECK_IN
        ]
        later = pendulum.datetime(2026, 10, 13, tz="Europe/Berlin")
        english = _application(None)
        for uid, status in zip(ids, [StepStatus.SUPERSEDED, StepStatus.NOT_PLANNED], strict=False):
            gone, ours = app.find_step(uid, later), english.find_step(uid, later)
            assert (gone.status, gone.reason) == (status, ours.reason)
            assert ours.description == ours.reason
            assert isinstance(gone.description, str) and gone.description
            assert gone.description != gone.reason


def test_german_done_in_german() -> None:
    """The German answer for a thank-you done, as `FoundStep.description` documents it."""
    app = _application("de")
    thanks = next(
        item for item in app.agenda(NOW, "end_of_day") if item.action.kind is ActionKind.THANK_YOU
    )
    sent = pendulum.datetime(2026, 7, 8, 16, 10, tz="Europe/Berlin")
    found = app.record_step(thanks.id, sent, now=NOW).application.find_step(thanks.id, NOW)
    assert found.reason == "done: thank-you to Jörg Müller, by e-mail, Wed 8 Jul 16:10"
    assert found.description.startswith("erledigt: ")
    assert "Jörg Müller" in found.description and "16:10" in found.description
    assert "Wed" not in found.description and "e-mail" not in found.description


class TestAStepGoneFromTheAgendaIsJudgedAtNowUnderThePolicy:
    """A step neither on the agenda, done nor skipped is "superseded long ago" when the
    plan at *now*, under the application's policy, missed it, else "no longer planned".
    With no history, only *now* says a check-in's window closed (mutant of `find_step`
    155: the plan seen from the latest event, none here); a policy of no check-ins
    plans none to miss (153: the default policy's plan)."""

    def test_a_check_in_long_past_with_no_history(self) -> None:
        iv = interview(id="acme-1", decision_by=pendulum.date(2024, 7, 10))
        schedule = plan(iv)
        first = next(
            uid
            for a, uid in zip(schedule, schedule.ids, strict=True)
            if a.kind is ActionKind.CHECK_IN
        )
        later = at(2024, 9, 8, 9)
        found = find_step(iv, [], first, now=later)
        assert (found.status, found.reason, found.item, found.event) == (
            StepStatus.SUPERSEDED,
            "superseded: its window closed long ago",
            None,
            None,
        )
        assert Application(iv, []).find_step(first, later) == found
        none = Policy(max_check_ins=0)
        for answer in (
            find_step(iv, [], first, now=later, policy=none),
            Application(iv, [], none).find_step(first, later),
        ):
            assert (answer.status, answer.reason) == (
                StepStatus.NOT_PLANNED,
                "no longer planned: the follow-up ended, or the limits leave no room for it",
            )
        # after an offer nothing more is planned: not missed (mutant 158: the plan
        # without the history, which missed it)
        offer = [Update(at(2024, 7, 5, 9), Outcome.OFFER)]
        ended = find_step(iv, offer, first, now=later)
        assert ended.status is StepStatus.NOT_PLANNED
        # before the check-in's window, it is on the agenda
        assert find_step(iv, [], first, now=at(2024, 7, 8, 9)).status is StepStatus.PLANNED
