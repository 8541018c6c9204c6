"""Stable person ids (issue "app without glue", ids6): fixing a name keeps every step id."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidHistory,
    InvalidInterview,
    Recruiter,
    Reply,
    Skip,
    Snooze,
    action_ids,
    plan,
)
from followup_rules import serialize as s
from followup_rules.files import HistoryFile
from followup_rules.identity import done_ids, person_part, renamed_step, step_key

from .factories import ANA, BO, at, interview

DECIDED = date(2024, 7, 10)


def _acme() -> Interview:
    return Interview(
        pendulum.datetime(2026, 3, 2, 10, tz="Europe/Berlin"),
        "Acme",
        "Engineer",
        [
            Interviewer("Ana Ruiz", email="ana@acme.example"),
            Interviewer("Bo Chen", email="bo@acme.example"),
        ],
        recruiter=Recruiter("Rita Cole", phone="+1 555 0100"),
        decision_by="2026-03-16",
    )


class TestWithoutIds:
    def test_todays_ids_are_unchanged(self) -> None:
        """Without person ids, every id is the one the library gave before ids6 (files
        and histories written before keep working)."""
        acme = _acme()
        assert action_ids(plan(acme), acme) == (
            "closing_statement-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "ask_timeline-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "ask_permission-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "ask_for_cards-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "ask_for_cards-bo-chen-68d3d79de477-1-671ebfcac4436092@followup-rules",
            "recruiter_debrief-rita-cole-6b100c9be872-1-671ebfcac4436092@followup-rules",
            "thank_you-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "thank_you-bo-chen-68d3d79de477-1-671ebfcac4436092@followup-rules",
            "check_in-ana-ruiz-64fde26eb859-1-671ebfcac4436092@followup-rules",
            "check_in-ana-ruiz-64fde26eb859-2-671ebfcac4436092@followup-rules",
            "check_in-ana-ruiz-64fde26eb859-3-671ebfcac4436092@followup-rules",
        )


class TestWithIds:
    def test_every_kind_of_step_holds_the_id_and_a_new_name_keeps_it(self) -> None:
        """Interviewers and the recruiter: ids hold the person's id, whatever their name."""
        acme = _acme()
        people = [attrs.evolve(p, id=f"p{i}") for i, p in enumerate(acme.interviewers)]
        before = attrs.evolve(
            acme, id="acme", interviewers=people, recruiter=attrs.evolve(acme.recruiter, id="r")
        )
        after = attrs.evolve(
            before,
            interviewers=[attrs.evolve(p, name=p.name + "a") for p in before.interviewers],
            recruiter=attrs.evolve(before.recruiter, name="Rita Coles"),
        )
        ids = action_ids(plan(before), before)
        assert action_ids(plan(after), after) == ids
        assert all("-p0-" in i or "-p1-" in i or "-r-" in i for i in ids)

    def test_an_id_set_to_the_old_part_keeps_every_id(self) -> None:
        """Like `Interview.id` and `interview_key`: pinning changes nothing."""
        acme = _acme()
        pinned = attrs.evolve(
            acme,
            interviewers=[
                attrs.evolve(p, id=person_part(p.name, acme)) for p in acme.interviewers
            ],
        )
        assert action_ids(plan(pinned), pinned) == action_ids(plan(acme), acme)

    def test_a_step_id_written_before_the_id_is_still_read(self) -> None:
        """A skip recorded by name still skips the step once the person has an id."""
        before = interview(decision_by=DECIDED, id="acme")
        check_in = next(i for i in action_ids(plan(before), before) if i.startswith("check_in"))
        after = attrs.evolve(before, interviewers=[attrs.evolve(ANA, id="ana"), BO])
        assert step_key(check_in, after) == step_key(check_in, before)
        skip = Skip(at(2024, 7, 3, 9), check_in)
        kept = [a.kind for a in plan(before, history=[skip])]
        assert [a.kind for a in plan(after, history=[skip])] == kept

    def test_done_ids_follow_the_person_id(self) -> None:
        """A contact recorded under the old name is found under the step's id after a rename."""
        app = Application(interview(decision_by=DECIDED, id="acme"), ())
        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        done = app.record(note)
        renamed = done.application.rename("Ana Ruiz", "Ana Vega")  # type: ignore[union-attr]
        assert list(done_ids(renamed.interview, renamed.history)) == list(
            done_ids(app.interview, [note])
        )


class TestRefused:
    @pytest.mark.parametrize("bad", ["", "-x", "a b", "é", "x" * 1025, 7])
    def test_not_an_id(self, bad: object) -> None:
        with pytest.raises(InvalidInterview) as raised:
            Interviewer("Ana Ruiz", id=bad)  # type: ignore[arg-type]
        assert raised.value.field == "Interviewer.id"

    def test_two_people_one_id(self) -> None:
        with pytest.raises(InvalidInterview) as raised:
            interview(interviewers=[attrs.evolve(ANA, id="x"), attrs.evolve(BO, id="x")])
        assert (raised.value.field, raised.value.value) == ("Interviewer.id", "x")

    def test_an_id_that_is_another_persons_name_part(self) -> None:
        """An id equal to the part of someone without one would give them the same ids."""
        taken = person_part("Bo Chen", interview())
        with pytest.raises(InvalidInterview) as raised:
            interview(interviewers=[attrs.evolve(ANA, id=taken), BO])
        assert (raised.value.field, raised.value.value) == ("Interviewer.id", taken)
        with pytest.raises(InvalidInterview) as raised:  # in either order
            interview(interviewers=[BO, attrs.evolve(ANA, id=taken)])
        assert (raised.value.field, raised.value.value) == ("Interviewer.id", taken)

    def test_one_person_two_roles_two_ids(self) -> None:
        """A recruiter who also interviewed is one person: one id."""
        ana = attrs.evolve(ANA, id="ana")
        assert interview(interviewers=[ana, BO], recruiter=Recruiter("ana ruiz", id="ana"))
        assert interview(interviewers=[ana, BO], recruiter=Recruiter("ana ruiz"))
        with pytest.raises(InvalidInterview) as raised:
            interview(interviewers=[ana, BO], recruiter=Recruiter("Ana Ruiz", id="other"))
        assert (raised.value.field, raised.value.value) == ("Recruiter.id", "other")


class TestRename:
    def test_application_rename_keeps_every_id(self) -> None:
        """Contacts, skips and snoozes recorded before the rename name the same steps."""
        app = Application(interview(decision_by=DECIDED), ())
        ids = app.plan().ids
        check_in = next(i for i in ids if i.startswith("check_in"))
        later = at(2024, 7, 3, 9)
        history = [
            Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz"),
            Skip(later, next(i for i in ids if i.startswith("thank_you-bo"))),
            Snooze(later, check_in, later + timedelta(days=1)),
            Reply(later + timedelta(hours=1), "Ana Ruiz"),
        ]
        old = Application(app.interview, history)
        new = old.rename("Ana Ruiz", "Ana Vega").rename("Bo Chen", "Bob Chen")
        assert [e.step for e in new.history if isinstance(e, (Skip, Snooze))] == [
            e.step for e in history if isinstance(e, (Skip, Snooze))
        ]
        assert new.plan().ids == old.plan().ids
        assert list(done_ids(new.interview, new.history)) == list(
            done_ids(old.interview, old.history)
        )
        # and a second fix of the same name keeps them too
        again = new.rename("Ana Vega", "Ana Vega Ruiz")
        assert again.plan().ids == old.plan().ids
        assert again.interview.interviewers[0].id == new.interview.interviewers[0].id

    def test_a_legacy_step_id_follows_a_person_with_an_id(self) -> None:
        """A skip written by name before the person had an id is renamed with them."""
        before = interview(decision_by=DECIDED, id="acme")
        check_in = next(i for i in action_ids(plan(before), before) if i.startswith("check_in"))
        skip = Skip(at(2024, 7, 3, 9), check_in)
        with_id = attrs.evolve(before, interviewers=[attrs.evolve(ANA, id="ana"), BO])
        renamed = Application(with_id, [skip]).rename("Ana Ruiz", "Ana Vega")
        assert renamed.history[0].step == renamed_step(check_in, "Ana Ruiz", "Ana Vega")  # type: ignore[union-attr]
        kind, _, number = step_key(check_in, before)
        step = renamed.history[0].step  # type: ignore[union-attr]
        assert step_key(step, renamed.interview) == (kind, "ana vega", number)

    @pytest.mark.parametrize("suffix", [".toml", ".json"])
    @pytest.mark.parametrize("bare", [True, False], ids=["names", "tables"])
    def test_the_file_rename_writes_the_id(self, tmp_path: Path, suffix: str, bare: bool) -> None:
        """``followup rename``: the person's table gets the id; a bare name becomes a table."""
        data = {
            "starts_at": "2024-07-02T14:00:00",
            "timezone": "America/New_York",
            "company": "Acme Analytics",
            "role": "Data Engineer",
            "decision_by": "2024-07-10",
            "interviewers": ["Ana Ruiz", "Bo Chen"]
            if bare
            else [{"name": "Ana Ruiz"}, {"name": "Bo Chen", "title": "Staff Engineer"}],
        }
        path = tmp_path / f"acme{suffix}"
        if suffix == ".json":
            path.write_text(json.dumps(data))
        else:
            import tomlkit

            path.write_text(tomlkit.dumps(data))
        HistoryFile(path).add(
            Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        )
        found = HistoryFile(path).read()
        ids = plan(found.interview, history=found.history)
        before = action_ids(ids, found.interview, found.history)
        done = list(done_ids(found.interview, found.history))
        HistoryFile(path).rename("Bo Chen", "Bob Chen")
        after = HistoryFile(path).read()
        assert [p.name for p in after.interview.interviewers] == ["Ana Ruiz", "Bob Chen"]
        assert after.interview.interviewers[1].id == person_part("Bo Chen", found.interview)
        again = plan(after.interview, history=after.history)
        assert action_ids(again, after.interview, after.history) == before
        assert list(done_ids(after.interview, after.history)) == done
        assert s.loads(path.read_text(), fmt=suffix[1:])  # still a file the loader reads


class TestEditing:
    """`Application.with_interview` and `serialize.edit_application`: a person with an id
    renamed in an edit is the same person; the history recorded before follows them."""

    def _app(self) -> Application:
        people = [attrs.evolve(ANA, id="ana"), attrs.evolve(BO, id="bo")]
        app = Application(interview(decision_by=DECIDED, id="acme", interviewers=people), ())
        history = [
            Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz"),
            Contact(at(2024, 7, 2, 16, 5), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen"),
            Reply(at(2024, 7, 3, 9), "Bo Chen"),
        ]
        return Application(app.interview, history)

    def test_an_edit_renames_the_history(self) -> None:
        app = self._app()
        edited = s.edit_application(
            app,
            {"interviewers": [{"name": "Ana Ruiz", "id": "ana"}, {"name": "Bo Chén", "id": "bo"}]},
        )
        assert [e.recipient for e in edited.history if isinstance(e, Contact)] == [
            "Ana Ruiz",
            "Bo Chén",
        ]
        assert edited.history[-1] == Reply(at(2024, 7, 3, 9), "Bo Chén")
        assert edited.plan().ids == app.plan().ids
        assert list(done_ids(edited.interview, edited.history)) == list(
            done_ids(app.interview, app.history)
        )

    def test_two_people_who_swap_names(self) -> None:
        """Renamed at once, not one after the other."""
        app = self._app()
        ana, bo = app.interview.interviewers
        swapped = attrs.evolve(
            app.interview,
            interviewers=[attrs.evolve(ana, name="Bo Chen"), attrs.evolve(bo, name="Ana Ruiz")],
        )
        edited = app.with_interview(swapped)
        assert [e.recipient for e in edited.history if isinstance(e, Contact)] == [
            "Bo Chen",
            "Ana Ruiz",
        ]
        assert edited.plan().ids == app.plan().ids

    def test_without_an_id_a_new_name_is_someone_else(self) -> None:
        """The edit is refused, naming the event: nothing says who the new name is."""
        app = Application(
            interview(decision_by=DECIDED),
            [Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")],
        )
        with pytest.raises(InvalidHistory) as raised:
            s.edit_application(app, {"interviewers": ["Ana Ruiz", "Bo Chén"]})
        assert raised.value.field == "interviewers"  # the key edited (the app8 trial)
        assert "event 1 of the history (thank-you to Bo Chen" in raised.value.problem
