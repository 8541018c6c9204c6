"""mut18b: what the eighteenth mutation pass over `loop` found untested.

`find_step`, `_changes`, `Application.rename`, `parse_when`, `Application._mended`:
see benchmarks/README.md, "Eighteenth pass, `loop` (mut18b)".
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    InvalidArgument,
    InvalidHistory,
    Policy,
    Recruiter,
    StepStatus,
    find_step,
    parse_when,
    plan,
)
from followup_rules.events import Outcome, Reply, Skip, Snooze, Update
from followup_rules.identity import person_part, renamed_step, step_key
from followup_rules.loop import describe_event, end_of_day, start_of_day
from followup_rules.model import name_part

from .factories import at, interview
from .test_cli_loop import acme, log, run
from .test_cli_loop7 import history
from .test_integrator6 import NOW, _application
from .test_integrator11 import told

__all__ = ["acme"]  # the fixture, shared with test_cli_loop


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


class TestChangesAreSaidOnTheCandidatesClock:
    """`Application.changes` gives *since* and *now* on the candidate's clock, whatever
    zone they came in, never the machine's (mutants of `_changes` 3, 14: the machine's
    zone); its refusal of a *since* after *now* says both on that clock, word for word
    (21, 22: no *now*, or *now* on the machine's clock)."""

    def test_since_and_now_in_the_candidates_zone(self) -> None:
        app = told(6, "de", Policy())  # a candidate in New York
        since = pendulum.datetime(2026, 7, 16, 13, tz="UTC")
        changes = app.changes(since, since.add(days=1))
        for moment, day in ((changes.since, 16), (changes.now, 17)):
            assert moment.timezone_name == "America/New_York"
            assert (moment.day, moment.hour) == (day, 9)

    def test_since_after_now_word_for_word(self) -> None:
        app = told(6, "de", Policy())
        now = pendulum.datetime(2026, 7, 16, 13, tz="UTC")
        with pytest.raises(InvalidArgument) as caught:
            app.changes(now.add(days=2), now)
        assert str(caught.value) == (
            "since = 2026-07-18T09:00:00-04:00 (America/New_York): is after now"
            " (2026-07-16T09:00:00-04:00)"
        )

    def test_a_contact_at_since_was_known_then(self) -> None:
        """A contact recorded at *since* exactly was done at *since*: its step is not
        "gone" since then, nor is the contact news (mutant of `_changes` 40: the history
        at *since* without it); at *now* exactly, it is both."""
        app = told(6, "de", Policy())
        at_ten = pendulum.datetime(2026, 7, 8, 10, tz="America/New_York")
        thanks = next(
            item for item in app.agenda(at_ten).to_do if item.action.kind is ActionKind.THANK_YOU
        )
        done = app.record_step(thanks.id, at_ten, now=at_ten).application
        after = done.changes(at_ten, at_ten.add(hours=1))
        assert after.events == ()
        assert thanks.id not in [change.id for change in after]
        before = done.changes(at_ten.subtract(hours=1), at_ten)
        assert before.events == done.history
        assert [(c.id, c.change) for c in before if c.id == thanks.id] == [(thanks.id, "gone")]
        # asked about the past, with news after *now*: the same (mutant 50: the
        # history up to *now* without what happened at *now* exactly)
        reply = Reply(at_ten.add(hours=2), "Ana Ruiz")
        news = done.record(reply, now=at_ten.add(hours=3)).application
        past = news.changes(at_ten.subtract(hours=1), at_ten)
        assert (past.events, past.steps) == (before.events, before.steps)
        assert past.application is not None and past.application.history == done.history


class TestRenameSaysWhatIsWrongAndRenamesEveryRole:
    """`Application.rename`'s refusals, word for word, as a user reads them; and a
    rename of the follow-up contact, or of the recruiter, reaches every place that
    names them (the interview's contact, the history's replies), the step ids kept."""

    def _app(self, contact: str | None = None) -> Application:
        iv = interview(recruiter=Recruiter("Cy Diaz"), id="acme-1", contact=contact)
        return Application(iv, [Reply(at(2024, 7, 3, 9), "Bo Chen")])

    @pytest.mark.parametrize(
        ("old", "new", "said"),
        [
            (
                "Ana Ruis",
                "X",
                "old = 'Ana Ruis': names nobody of this interview: did you mean 'Ana Ruiz'?",
            ),
            (
                "Zed Quux",
                "X",
                "old = 'Zed Quux': names nobody of this interview"
                " (they are 'Ana Ruiz', 'Bo Chen', 'Cy Diaz')",
            ),
            (
                5,
                "X",
                "old = 5: names nobody of this interview"
                " (they are 'Ana Ruiz', 'Bo Chen', 'Cy Diaz')",
            ),
            ("Ana Ruiz", " ", "new = ' ': expected a name"),
            ("Ana Ruiz", None, "new = None: expected a name"),
            (
                "Ana Ruiz",
                "bo chen",
                "new = 'bo chen': is the name of someone else on the interview",
            ),
            (
                "Ana Ruiz",
                "cy diaz",
                "new = 'cy diaz': is the name of someone else on the interview",
            ),
        ],
    )
    def test_refused_word_for_word(self, old: object, new: object, said: str) -> None:
        app = self._app()
        with pytest.raises(InvalidArgument) as caught:
            app.rename(old, new)  # type: ignore[arg-type]
        assert str(caught.value) == said
        assert caught.value.value == (old if said.startswith("old") else new)

    def test_the_follow_up_contact_everywhere(self) -> None:
        app = self._app(contact="Bo Chen")
        renamed = app.rename("BO CHEN", "Bob Chen")
        assert [p.name for p in renamed.interview.interviewers] == ["Ana Ruiz", "Bob Chen"]
        assert renamed.interview.contact == "Bob Chen"
        assert renamed.interview.follow_up_contact.name == "Bob Chen"
        assert renamed.history == (Reply(at(2024, 7, 3, 9), "Bob Chen"),)
        assert renamed.interview.recruiter == app.interview.recruiter
        assert renamed.plan().ids == app.plan().ids
        # someone else renamed: the contact stays
        other = app.rename("Ana Ruiz", "Ana Vega")
        assert other.interview.contact == "Bo Chen"
        assert other.history == app.history

    def test_the_recruiter(self) -> None:
        app = self._app(contact="Bo Chen")
        renamed = app.rename("cy diaz", "Cyd Diaz")
        recruiter = renamed.interview.recruiter
        assert recruiter is not None and recruiter.name == "Cyd Diaz"
        assert recruiter.id == person_part("Cy Diaz", app.interview)
        assert renamed.interview.interviewers == app.interview.interviewers
        assert renamed.interview.contact == "Bo Chen"
        assert renamed.history == app.history
        assert renamed.plan().ids == app.plan().ids

    def test_the_gone_steps_come_first_soonest_first(self) -> None:
        """After an offer the check-ins are gone: listed first, in the order their
        windows opened (mutants of `_changes` 74, 75: unordered, or refused to order;
        the ids' own order differs from one process to the next, so several files)."""
        for number in range(8):
            app = told(number, "en", Policy())
            starts = app.interview.starts_at
            since, now = starts.subtract(minutes=30), starts.add(days=2)
            offer = Update(starts.add(days=1), Outcome.OFFER)
            changes = app.record(offer, now=now).application.changes(since, now)
            kinds = [change.change for change in changes]
            gone = [change for change in changes if change.change == "gone"]
            assert len(gone) >= 3 and kinds[: len(gone)] == ["gone"] * len(gone), number
            opened = [change.before.action.earliest for change in gone if change.before]
            assert opened == sorted(opened) and len(set(opened)) == len(opened), number


class TestRenameMendsAHistoryAfterAnEditByHand:
    """The interview renamed by hand (Bo Chen to Bo Chén) while the history still names
    Bo Chen: `rename("Bo Chen", "Bo Chén")` on the Application mends the history, as
    `followup rename` does (the loop6 trial), with or without an id for Bo; the step ids
    stay what they were, so the snooze still names Bo's thank-you.  (Mutants of
    `Application.rename` 6, 7, 9, 10: the mend skipped or given nothing; the whole of
    `Application._mended`, which only the command-line tests reached.)"""

    T = at(2024, 7, 2, 16)

    def _edited(self, person_id: str | None) -> tuple[Application, Application]:
        """The application before the edit, and after it (the history left as it was)."""
        base = interview(id="acme-1")
        ana, bo = base.interviewers
        before = attrs.evolve(base, interviewers=[ana, attrs.evolve(bo, id=person_id)])
        ids = dict(zip(plan(before).ids, plan(before), strict=True))
        thanks = next(u for u, a in ids.items() if a.kind is ActionKind.THANK_YOU and "-bo" in u)
        history = [Reply(self.T, "Bo Chen"), Snooze(self.T, thanks, self.T + timedelta(days=1))]
        edited = attrs.evolve(
            before, interviewers=[ana, attrs.evolve(bo, name="Bo Chén", id=person_id)]
        )
        return Application(before, history), Application(edited, history)

    @pytest.mark.parametrize("person_id", [None, "bo"])
    def test_the_history_follows_the_interview(self, person_id: str | None) -> None:
        old, edited = self._edited(person_id)
        with pytest.raises(InvalidHistory, match="rename them everywhere at once"):
            edited.plan()
        mended = edited.rename("Bo Chen", "Bo Chén")
        bo = mended.interview.interviewers[1]
        assert bo.name == "Bo Chén"
        assert bo.id == (person_id or name_part("Bo Chen"))
        reply, snooze = mended.history
        assert reply == Reply(self.T, "Bo Chén")
        assert snooze == old.history[1]
        assert mended.plan().ids == old.plan().ids
        later = self.T + timedelta(hours=1)
        assert [a.describe() for a in mended.plan(later)] == [
            a.describe().replace("Bo Chen", "Bo Chén") for a in old.plan(later)
        ]
        # the interview is left as edited, but for Bo's id
        assert mended.interview.interviewers[0] == edited.interview.interviewers[0]
        assert attrs.evolve(bo, id=person_id) == edited.interview.interviewers[1]

    def test_a_skip_written_since_the_edit_keeps_its_step(self) -> None:
        """A step id written under the new name, once Bo had no id, is the pinned one."""
        old, edited = self._edited(None)
        now_named = next(
            u
            for u, a in zip(plan(edited.interview).ids, plan(edited.interview), strict=True)
            if a.kind is ActionKind.THANK_YOU and "-bo" in u
        )
        skip = Skip(self.T + timedelta(hours=2), now_named)
        mended = Application(edited.interview, [*edited.history, skip]).rename(
            "Bo Chen", "Bo Chén"
        )
        assert mended.history[-1] == Skip(skip.at, old.history[1].step)  # type: ignore[union-attr]

    def test_nothing_to_mend_is_refused_or_renamed_as_usual(self) -> None:
        """A name neither the interview nor the history has is refused; a history that
        does not name the old name leaves nothing to mend."""
        _, edited = self._edited(None)
        with pytest.raises(InvalidArgument, match="names nobody of this interview"):
            edited.rename("Dev Patel", "Bo Chén")
        clean = Application(edited.interview, [])
        with pytest.raises(InvalidArgument, match="names nobody of this interview"):
            clean.rename("Bo Chen", "Bo Chén")

    def test_a_mend_to_a_name_nobody_has_or_someone_elses_is_refused(self) -> None:
        """The mend is only to the name the interview has now: a typo in the new name is
        refused with the closest, and the name of someone else is refused as it is
        without a history to mend (mutant of `_mended` 10: mended in both cases)."""
        _, edited = self._edited(None)
        with pytest.raises(InvalidArgument) as caught:
            edited.rename("Bo Chen", "Bo Chan")
        assert str(caught.value) == (
            "old = 'Bo Chen': names nobody of this interview: did you mean 'Bo Chén'?"
        )
        ana = Application(edited.interview, [*edited.history, Reply(self.T, "Ana Ruiz")])
        with pytest.raises(InvalidArgument) as caught:
            ana.rename("Ana Ruiz", "bo chén")
        assert str(caught.value) == (
            "new = 'bo chén': is the name of someone else on the interview"
        )

    def test_a_history_that_names_them_only_in_a_step_id_is_mended(self) -> None:
        """A bug the pass found (mutant of `_mended` 23 was better than the code): when
        the only event naming Bo is a skip (its step id holds his old name), the plan's
        error says to rename him everywhere at once, and the rename refused ("names
        nobody").  Now the step ids count as naming him: the rename mends, the skip
        still skips his thank-you."""
        old, edited = self._edited(None)
        skip = Skip(self.T, old.history[1].step)  # type: ignore[union-attr]
        alone = Application(edited.interview, [skip])
        with pytest.raises(InvalidHistory, match="rename people everywhere at once"):
            alone.plan()
        mended = alone.rename("Bo Chen", "Bo Chén")
        assert mended.history == (skip,)
        assert mended.interview.interviewers[1].id == name_part("Bo Chen")
        before = Application(old.interview, [skip])
        assert mended.plan().ids == before.plan().ids
        assert mended.find_step(skip.step, self.T).status is StepStatus.SKIPPED


def test_followup_rename_mends_a_file_whose_history_names_them_in_a_step_only(
    acme: Path,
) -> None:
    """The same at the command line: `followup today` recommends the rename, which
    refused; now it mends the files and `today` reads them."""
    code, out, _ = log(
        acme, "snooze", "thank_you-bo", "--until", "2026-07-09T10:00", "--at", "2026-07-08T10:00"
    )
    assert code == 0, out
    acme.write_text(acme.read_text().replace('"Bo Chen"', '"Bo Chén"'))
    code, _, err = run("today", str(acme), "--now", "2026-07-09T09:00")
    assert code != 0 and "rename people everywhere at once" in err
    code, out, err = run("rename", str(acme), "Bo Chen", "Bo Chén")
    assert code == 0, err
    assert out.startswith("Renamed Bo Chen to Bo Chén in ")
    assert run("today", str(acme), "--now", "2026-07-09T09:00")[0] == 0
    assert history(acme) == [
        "  1  snoozed thank-you to Bo Chén until Thu 9 Jul 10:00, Wed 8 Jul 10:00"
    ]


_WHEN_HELP = (
    "is not 'now', 'today', 'yesterday', 'tomorrow', a local date or time like "
    "2026-07-16T09:00, or ISO 8601 with an offset like 2026-07-16T09:00-04:00"
)


class TestParseWhenReadsTheDayInTheZoneAndSaysWhatItReads:
    """`parse_when`'s words are days of *zone*, not of the machine's clock (mutant 26:
    "today" read on the machine's clock); its refusal of what is no text says what
    it reads (11), a typo of "now" is answered with "now" (52, 53), and nothing close with
    nothing more (57)."""

    @pytest.mark.parametrize(
        ("zone", "utc_hour", "today"),
        [("Pacific/Auckland", 20, 17), ("America/Los_Angeles", 3, 15)],
    )
    def test_the_words_are_days_of_the_zone(self, zone: str, utc_hour: int, today: int) -> None:
        now = pendulum.datetime(2026, 7, 16, utc_hour, tz="UTC")
        for word, days in (("today", 0), ("yesterday", -1), ("tomorrow", 1)):
            read = parse_when(word, zone, now)
            assert read == pendulum.datetime(2026, 7, today, tz=zone).add(days=days), word
            assert read.timezone_name == zone

    def test_refusals_word_for_word(self) -> None:
        now = pendulum.datetime(2026, 7, 16, tz="UTC")
        for text, said in (
            (5, f"when = 5: {_WHEN_HELP}"),
            ("nov", f"when = 'nov': {_WHEN_HELP}"),
            ("noww", f"when = 'noww': {_WHEN_HELP}; did you mean 'now'?"),
            ("know", f"when = 'know': {_WHEN_HELP}; did you mean 'now'?"),
        ):
            with pytest.raises(InvalidArgument) as caught:
                parse_when(text, "UTC", now)  # type: ignore[arg-type]
            assert str(caught.value) == said

    def test_a_past_or_present_day_alone_is_its_first_instant_unless_it_happened(self) -> None:
        """A date typed alone is that day's first instant (an `until`, a `now`), past,
        present or future; only with ``happened=True`` is a past day noon and today now
        (mutant 68: a day alone read as what happened, every time)."""
        zone = "Europe/Berlin"
        now = pendulum.datetime(2026, 7, 16, 15, 30, tz=zone)
        for text, day in (("2026-07-06", 6), ("2026-07-16", 16), ("2026-07-20", 20)):
            assert parse_when(text, zone, now) == pendulum.datetime(2026, 7, day, tz=zone), text
        assert parse_when("2026-07-06", zone, now, happened=True) == pendulum.datetime(
            2026, 7, 6, 12, tz=zone
        )
        assert parse_when("2026-07-16", zone, now, happened=True) == now


class TestWithInterviewRenamesByIdOnly:
    """`Application.with_interview`: a person known by their id and called by a new name
    takes along a step id written by their old name before they had the id (as
    `rename` does: mutants of `with_interview` 38, 44, the second pass that renames
    those step ids turned off); someone with an id left off the new interview is no
    rename, nor an error (`_renamed_by_id` 8: a KeyError)."""

    def test_a_legacy_step_id_follows_the_new_name(self) -> None:
        before = interview(decision_by=pendulum.date(2024, 7, 10), id="acme")
        check_in = next(i for i in plan(before).ids if i.startswith("check_in"))
        ana, bo = before.interviewers
        with_id = attrs.evolve(before, interviewers=[attrs.evolve(ana, id="ana"), bo])
        skip = Skip(at(2024, 7, 3, 9), check_in)
        after = attrs.evolve(
            with_id, interviewers=[attrs.evolve(ana, id="ana", name="Ana Vega"), bo]
        )
        edited = Application(with_id, [skip]).with_interview(after)
        step = edited.history[0].step  # type: ignore[union-attr]
        assert step == renamed_step(check_in, "Ana Ruiz", "Ana Vega") != check_in
        kind, _, number = step_key(check_in, with_id)
        assert step_key(step, after) == (kind, "ana vega", number)
        assert edited.find_step(step, at(2024, 7, 3, 10)).status is StepStatus.SKIPPED
        assert (
            edited.history == Application(with_id, [skip]).rename("Ana Ruiz", "Ana Vega").history
        )

    def test_someone_with_an_id_left_off(self) -> None:
        base = interview(id="acme")
        ana, bo = base.interviewers
        both = attrs.evolve(base, interviewers=[ana, attrs.evolve(bo, id="bo")])
        alone = attrs.evolve(base, interviewers=[ana])
        reply = Reply(at(2024, 7, 3, 9), "Ana Ruiz")
        edited = Application(both, [reply]).with_interview(alone)
        assert edited.interview == alone and edited.history == (reply,)

    def test_a_name_as_typed_in_the_history_is_kept(self) -> None:
        """An edit that renames nobody leaves the history as typed, a sender written
        in lower case too (user-typed names are never changed; `_renamed_by_id` 11:
        everyone with an id taken as renamed, their events rewritten)."""
        base = interview(id="acme")
        ana, bo = base.interviewers
        with_id = attrs.evolve(base, interviewers=[attrs.evolve(ana, id="ana"), bo])
        reply = Reply(at(2024, 7, 3, 9), "ana ruiz")
        edited = Application(with_id, [reply]).with_interview(
            attrs.evolve(with_id, role="Staff Data Engineer")
        )
        assert edited.history == (reply,) and edited.history[0].sender == "ana ruiz"  # type: ignore[union-attr]


def test_a_rename_keeps_a_reply_from_nobody_named() -> None:
    """A reply recorded without its sender stays so through a rename and an edit by id
    (mutant of `_renamed_many` 4: the missing name read as a name, a TypeError)."""
    base = interview(id="acme")
    ana, bo = base.interviewers
    with_id = attrs.evolve(base, interviewers=[attrs.evolve(ana, id="ana"), bo])
    reply, named = Reply(at(2024, 7, 3, 9)), Reply(at(2024, 7, 3, 10), "Ana Ruiz")
    app = Application(with_id, [reply, named])
    renamed = app.rename("Ana Ruiz", "Ana Vega")
    assert renamed.history == (reply, Reply(named.at, "Ana Vega"))
    after = attrs.evolve(with_id, interviewers=[attrs.evolve(ana, id="ana", name="Ana Vega"), bo])
    assert app.with_interview(after).history == renamed.history


class TestZonesAndDaysAreRefusedWordForWord:
    """What `parse_when`, `start_of_day` and `end_of_day` say of a zone or a day they
    cannot read, as a user reads it (mutants of `_zone_of`, `_day_in`, `_aware`).  A bug
    the pass found (`_zone_of` 9, 10, 13 survived): the calendar's reason was taken after
    the first ": " of its message, which may be inside the name typed ("Europe: Berln"
    gave "is not a known time zone: Berln': did you mean ..."); now after the name."""

    NOW = pendulum.datetime(2026, 7, 16, tz="UTC")

    @pytest.mark.parametrize(
        ("call", "field", "said"),
        [
            (
                lambda now: parse_when("today", "Europe/Berln", now),
                "zone",
                "zone = 'Europe/Berln': is not a known time zone: did you mean 'Europe/Berlin'?",
            ),
            (
                lambda now: parse_when("today", "Europe: Berln", now),
                "zone",
                "zone = 'Europe: Berln': is not a known time zone: did you mean 'Europe/Berlin'?",
            ),
            (
                lambda now: parse_when("today", "a: b", now),
                "zone",
                "zone = 'a: b': is not a known time zone",
            ),
            (
                lambda now: parse_when("today", "UTC+5", now),
                "zone",
                "zone = 'UTC+5': is not a known time zone: use '+05:00' or an IANA name like"
                " 'Asia/Karachi'",
            ),
            (
                lambda now: parse_when("today", "Nowhere", now),
                "zone",
                "zone = 'Nowhere': is not a known time zone",
            ),
            (
                lambda now: parse_when("today", 5, now),
                "zone",
                "zone = 5: expected an Interview, a tzinfo or a zone name",
            ),
            (
                lambda now: start_of_day(now.date()),
                "where",
                "where = None: a date needs a zone (or an interview)",
            ),
            (
                lambda now: start_of_day(now.naive()),
                "day",
                "day = 2026-07-16T00:00:00 (no time zone): must be an aware datetime"
                " (with a time zone)",
            ),
            (
                lambda now: end_of_day(now.naive(), "UTC"),
                "day",
                "day = 2026-07-16T00:00:00 (no time zone): must be an aware datetime"
                " (with a time zone)",
            ),
            (
                lambda now: start_of_day("2026-07-16", "UTC"),
                "day",
                "day = '2026-07-16': expected a date or an aware datetime",
            ),
            (
                lambda now: end_of_day(now.date(), "Mars/Base"),
                "zone",
                "zone = 'Mars/Base': is not a known time zone",
            ),
        ],
    )
    def test_refused(self, call: Any, field: str, said: str) -> None:
        with pytest.raises(InvalidArgument) as caught:
            call(self.NOW)
        assert (caught.value.field, str(caught.value)) == (field, said)


class NoOffset(tzinfo):
    """A tzinfo that knows no offset: Python calls such a datetime naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_a_moment_alone_is_a_day_in_its_own_zone() -> None:
    """`start_of_day` and `end_of_day` of an aware moment without *where*: its own day
    in its own zone (mutant of `_day_in` 20: refused); a moment whose tzinfo gives no
    offset is naive, and refused as such (`_aware` 1: taken as aware)."""
    moment = pendulum.datetime(2026, 7, 16, 23, 30, tz="Pacific/Auckland")
    assert start_of_day(moment) == pendulum.datetime(2026, 7, 16, tz="Pacific/Auckland")
    assert end_of_day(moment) == pendulum.datetime(
        2026, 7, 16, 23, 59, 59, 999999, tz="Pacific/Auckland"
    )
    assert start_of_day(moment).timezone_name == "Pacific/Auckland"
    odd = datetime(2026, 7, 16, 12, tzinfo=NoOffset())
    for call in (start_of_day, end_of_day):
        with pytest.raises(InvalidArgument) as caught:
            call(odd)
        assert caught.value.field == "day"
        assert str(caught.value).endswith("must be an aware datetime (with a time zone)")
    with pytest.raises(InvalidArgument) as caught:
        parse_when("today", "UTC", odd)
    assert caught.value.field == "now"


def test_a_day_that_happened_is_read_on_the_candidates_clock() -> None:
    """With ``happened=True``, "today" is judged on the zone's clock, not the machine's
    (mutant of `_happened_on` 5), and the interview's own day ends when it ends there:
    an interview over at 21:30 in New York (01:30 UTC the next day) makes its day
    21:30, not noon (23)."""
    now = pendulum.datetime(2026, 7, 16, 20, tz="UTC")  # the 17th, 08:00, in Auckland
    assert parse_when("2026-07-17", "Pacific/Auckland", now, happened=True) == now
    assert parse_when("today", "Pacific/Auckland", now, happened=True) == now
    late = attrs.evolve(
        interview(), starts_at=pendulum.datetime(2024, 7, 2, 20, 30, tz="America/New_York")
    )
    read = parse_when("2024-07-02", late, at(2024, 7, 5, 9), happened=True)
    assert read == pendulum.datetime(2024, 7, 2, 21, 30, tz="America/New_York")


def test_record_step_refuses_a_moment_that_is_no_datetime() -> None:
    """*at* typed as text, a date or a number: refused naming `at` (mutant of `_aware` 2:
    an AttributeError)."""
    app = Application(interview(), [])
    step = next(iter(app.agenda(at(2024, 7, 3, 9)).to_do)).id
    for value in ("2024-07-03", pendulum.date(2024, 7, 3), 5):
        with pytest.raises(InvalidArgument) as caught:
            app.record_step(step, value, now=at(2024, 7, 3, 9))  # type: ignore[arg-type]
        assert caught.value.field == "at"
        assert str(caught.value).endswith(": must be an aware datetime (with a time zone)")


def test_an_instant_in_utc_with_a_lower_case_z() -> None:
    """``...Z`` and ``...z`` both mean UTC (mutant of `_read_iso` 14: the lower case
    refused, which `datetime.fromisoformat` does not read)."""
    now = pendulum.datetime(2026, 7, 20, tz="UTC")
    expected = pendulum.datetime(2026, 7, 16, 9, tz="UTC")
    for text in ("2026-07-16T09:00Z", "2026-07-16T09:00z", "2026-07-16 9:00z"):
        read = parse_when(text, "Europe/Berlin", now)
        assert read == expected and read.timezone_name == "Europe/Berlin", text
