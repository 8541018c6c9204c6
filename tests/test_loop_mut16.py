"""mut16b: what the sixteenth mutation pass over `loop` found untested.

The functions `followup today` and `followup next` use (`agenda_many` and
what it calls, `Application.plan` and `.agenda`): see benchmarks/README.md,
"Sixteenth pass, `loop`".
"""

from __future__ import annotations

from datetime import date

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, AgendaMany, Application, Policy, agenda_many
from followup_rules.action import Plan
from followup_rules.errors import InvalidArgument, InvalidHistory
from followup_rules.events import Skip
from followup_rules.model import Candidate

from .test_loop_mut15 import _ana_written_to_in_the_second_file
from .test_writing import ANA, BO, meeting

NY = "America/New_York"
_WHOLE = "expected a whole number (0 or more) or None"


def _timing(plan: Plan) -> list[tuple[str, str | None, str]]:
    return [
        (a.kind.name, a.recipient.name if a.recipient else None, a.suggested.isoformat())
        for a in plan
    ]


class TestAFileWithPeopleMetBeforeIsPlannedAsAnyOther:
    """`Application.plan` of a file that met people before (a later round) goes through
    another road than a first round's: it still plans under the file's own policy,
    after its history, from the moment given (mutants of `Application.plan` 8, 11, 13,
    16 to 18)."""

    def _files(self) -> tuple[Application, Application, Policy]:
        iv = meeting()
        house = Policy(wait_after_deadline=4, min_gap=5)
        thanked = [
            a.done()
            for a in Application(iv, policy=house).plan()
            if a.kind is ActionKind.THANK_YOU
        ]
        again = Application(iv, thanked, policy=house, met_before=(("ana ruiz", 1),))
        first = Application(iv, thanked, policy=house)
        return again, first, house

    def test_same_times_as_a_first_round_under_the_same_policy_history_and_moment(self) -> None:
        again, first, _ = self._files()
        late = pendulum.datetime(2026, 7, 28, 12, tz=NY)
        assert _timing(again.plan()) == _timing(first.plan())
        assert _timing(again.plan(late)) == _timing(first.plan(late))
        # each of policy, history and moment changes the plan, so each is read
        default = Application(again.interview, again.history, met_before=again.met_before)
        assert _timing(default.plan()) != _timing(again.plan())
        assert _timing(again.plan(late)) != _timing(again.plan())
        fresh = Application(again.interview, policy=again.policy, met_before=again.met_before)
        assert _timing(fresh.plan()) != _timing(again.plan())

    def test_the_thank_you_says_they_met_before(self) -> None:
        again, _, house = self._files()
        fresh = Application(again.interview, policy=house, met_before=again.met_before)
        note = next(
            a
            for a in fresh.plan()
            if a.kind is ActionKind.THANK_YOU and a.recipient.name == "Ana Ruiz"
        )
        assert note.facts.met_before == 1


class TestAStepThatCannotBeDoneAtItsSuggestedMomentShowsWhenItCan:
    """The suggested moment of a thank-you to interviewers in Tokyo falls at night
    there (22:30) when the candidate in New York looks at 09:30: `Entry.shown_at`
    shows the next moment it can be sent, 08:00 in Tokyo (mutants of
    `_shown_instant` 3, 5, 6)."""

    def test_shown_at_is_the_recipients_next_send_window(self) -> None:
        tokyo = [attrs.evolve(p, timezone="Asia/Tokyo") for p in (ANA, BO)]
        app = Application(meeting(interviewers=tokyo))
        now = pendulum.datetime(2026, 7, 8, 9, 30, tz=NY)
        for until in (None, "end_of_day"):
            notes = [
                e
                for e in agenda_many([app], now, until=until)
                if e.item.action.kind is ActionKind.THANK_YOU
            ]
            assert len(notes) == 2
            for entry in notes:
                action = entry.item.action
                assert not entry.item.to_do
                assert action.suggested < now.add(hours=1)  # 22:30 in Tokyo
                assert entry.shown_at == pendulum.datetime(2026, 7, 9, 8, tz="Asia/Tokyo")
                assert entry.shown_at.timezone_name == NY
                assert entry.in_days == 0  # 19:00 in New York


def _thanked(day: int, zone: str, company: str) -> Application:
    """An interview on *day* July at 10:00 in New York with Ana (in *zone*) and Bo,
    both thank-you notes sent."""
    iv = meeting(
        starts_at=pendulum.datetime(2026, 7, day, 10, tz=NY),
        company=company,
        interviewers=[attrs.evolve(ANA, timezone=zone), BO],
    )
    notes = [a.done() for a in Application(iv).plan() if a.kind is ActionKind.THANK_YOU]
    return Application(iv, notes, name=company)


class TestLateStepsComeOverdueLongestFirst:
    """Two missed check-ins moved to their next window: the one overdue longer comes
    first, though its new window (Ana in Tokyo) closes after the other's (Ana in Los
    Angeles) (`_rank` 4: ranked by the new window's end)."""

    def test_the_check_in_missed_first_is_listed_first(self) -> None:
        apps = [_thanked(7, "America/Los_Angeles", "Later"), _thanked(6, "Asia/Tokyo", "Sooner")]
        now = pendulum.datetime(2026, 7, 27, 12, tz=NY)
        for limit in (None, 1, 2):
            late = agenda_many(apps, now, limit=limit).late
            assert [e.application.name for e in late] == ["Sooner", "Later"][: limit or 2]
        first, second = agenda_many(apps, now).late
        assert first.item.late_since is not None and second.item.late_since is not None
        assert first.item.late_since < second.item.late_since
        assert first.item.action.latest > second.item.action.latest

    def test_a_late_step_that_can_be_done_by_until_comes_before_one_that_cannot(self) -> None:
        """At 13:15 in New York the check-in to Los Angeles can be sent (10:15 there),
        the one to Tokyo (01:15 there) cannot before the list's *until*: the one that can
        comes first, though overdue a day less (`_rank` 5: every late step ranked as
        one that cannot)."""
        apps = [_thanked(6, "Asia/Tokyo", "Sooner"), _thanked(7, "America/Los_Angeles", "Later")]
        now = pendulum.datetime(2026, 7, 27, 13, 15, tz=NY)
        for limit in (None, 1):
            late = agenda_many(apps, now, limit=limit).late
            assert [e.application.name for e in late] == ["Later", "Sooner"][: limit or 2]
        # until the end of the day both can be done: overdue longest first again
        late = agenda_many(apps, now, until="end_of_day").late
        assert [e.application.name for e in late] == ["Sooner", "Later"]

    def test_a_late_step_comes_before_a_due_one_even_when_it_cannot_be_done_now(self) -> None:
        """At noon in New York the missed check-in to Tokyo cannot be sent before the
        morning there; today's thank-you notes can be sent now.  The list shows the late
        step first (and a limit of one keeps it), `next` the first note (`_rank` 14:
        a late step ranked with the due ones)."""
        fresh = Application(
            meeting(starts_at=pendulum.datetime(2026, 7, 27, 9, tz=NY), decision_by=None),
            name="Fresh",
        )
        apps = [fresh, _thanked(6, "Asia/Tokyo", "Sooner")]
        now = pendulum.datetime(2026, 7, 27, 12, tz=NY)
        day = agenda_many(apps, now)
        assert [e.standing.name for e in day][:3] == ["LATE", "DUE", "DUE"]
        assert not day.entries[0].item.to_do and day.entries[1].item.to_do
        assert day.next is day.entries[1]
        (kept,) = agenda_many(apps, now, limit=1)
        assert (kept.application.name, kept.standing.name) == ("Sooner", "LATE")


def _every_standing() -> tuple[list[Application], pendulum.DateTime]:
    """At noon in New York on Monday 27 July: a missed check-in to Tokyo that cannot be
    sent before the morning there, today's thank-you notes that can be sent now, last
    night's notes to Tokyo that cannot, later check-ins, and superseded steps (the
    room's, of the interviews over)."""
    fresh = Application(
        meeting(starts_at=pendulum.datetime(2026, 7, 27, 9, tz=NY), decision_by=None),
        name="Fresh",
    )
    tokyo = [attrs.evolve(p, timezone="Asia/Tokyo") for p in (ANA, BO)]
    night = Application(
        meeting(
            starts_at=pendulum.datetime(2026, 7, 26, 19, tz=NY),
            decision_by=None,
            interviewers=tokyo,
            company="Night Owl",
        ),
        name="Night",
    )
    apps = [fresh, _thanked(6, "Asia/Tokyo", "Sooner"), night]
    return apps, pendulum.datetime(2026, 7, 27, 12, tz=NY)


def _listed(entries: object) -> list[tuple[str, str, str, str]]:
    return [
        (
            e.application.name or "",
            e.standing.name,
            e.item.action.kind.name,
            e.item.action.recipient.name if e.item.action.recipient else "",
        )
        for e in entries  # type: ignore[attr-defined]
    ]


class TestAListWithALimitIsTheWholeListCut:
    """With every standing in one list, a *limit* keeps exactly the first steps of the
    whole list and counts every step where it stands (mutants of `_rank` 22, 24, 28,
    30: a step counted under another standing when the list is cut)."""

    def test_counts_and_order_with_and_without_a_limit(self) -> None:
        apps, now = _every_standing()
        whole = agenda_many(apps, now)
        assert whole.counts.late and whole.counts.due and whole.counts.coming
        assert whole.counts.superseded
        assert [e.standing.name for e in whole][:5] == ["LATE", "DUE", "DUE", "DUE", "DUE"]
        assert [e.item.to_do for e in whole.due] == [True, True, False, False]
        for limit in range(len(whole) + 2):
            cut = agenda_many(apps, now, limit=limit)
            assert cut.counts == whole.counts, limit
            assert _listed(cut) == _listed(whole)[:limit], limit


class TestAnAgendaCountsAsDueWhatOpensByItsUntil:
    """At 08:30 on 16 July the check-in's window opens at 10:00: due by the end of the
    day or by 10:30, coming by 09:00 or now (`Application._agenda` 10: every *until*
    read as the end of the day)."""

    def test_until_now_a_moment_or_the_end_of_the_day(self) -> None:
        iv = meeting()
        notes = [a.done() for a in Application(iv).plan() if a.kind is ActionKind.THANK_YOU]
        app = Application(iv, notes)
        now = pendulum.datetime(2026, 7, 16, 8, 30, tz=NY)
        cases = {
            None: ("COMING", now),
            now.add(minutes=30): ("COMING", now.add(minutes=30)),
            now.add(hours=2): ("DUE", now.add(hours=2)),
            "end_of_day": ("DUE", pendulum.datetime(2026, 7, 16, 23, 59, 59, 999999, tz=NY)),
        }
        for until, (standing, end) in cases.items():
            for agenda in (app.agenda(now, until), agenda_many([app], now, until).agendas[0][1]):
                first = next(i for i in agenda if i.action.kind is ActionKind.CHECK_IN)
                assert first.standing.name == standing, until
                assert agenda.until == end, until


class TestDueStepsThatCanBeDoneNowComeFirst:
    """At 09:45 on 16 July, to the end of the day: the thank-you notes of a 08:30
    interview can be sent now (suggested at 10:30), the check-in of the July interview
    can be sent from 10:00.  The notes come first, though suggested later (`_rank` 21,
    23: due steps ranked by their moment alone)."""

    def test_to_do_now_before_due_later_today(self) -> None:
        iv = meeting()
        notes = [a.done() for a in Application(iv).plan() if a.kind is ActionKind.THANK_YOU]
        waiting = Application(iv, notes, name="Acme")
        fresh = Application(
            meeting(
                starts_at=pendulum.datetime(2026, 7, 16, 8, 30, tz=NY),
                decision_by=None,
                company="Half Past",
            ),
            name="Half",
        )
        now = pendulum.datetime(2026, 7, 16, 9, 45, tz=NY)
        for limit in (None, 2, 3):
            due = agenda_many([waiting, fresh], now, "end_of_day", limit=limit).due
            assert [(e.application.name, e.item.to_do) for e in due] == [
                ("Half", True),
                ("Half", True),
                ("Acme", False),
            ][: limit or 3]
        check_in = agenda_many([waiting, fresh], now, "end_of_day").due[2]
        assert check_in.shown_at == pendulum.datetime(2026, 7, 16, 10, tz=NY)
        assert all(e.item.action.suggested > check_in.shown_at for e in due[:2])


class TestNextWhenNothingCanBeDoneNow:
    """`AgendaMany.next` with no step to do now is the one that can be done soonest
    (mutants of `_soonest` 1 to 10: never reached by a test before this pass)."""

    def test_a_check_in_at_ten_before_notes_that_wait_for_tokyos_morning(self) -> None:
        """At 09:30 the notes to Tokyo are due but wait for 08:00 there (19:00 here);
        a check-in opens at 10:00: it is next, though the notes' window opened first."""
        tokyo = [attrs.evolve(p, timezone="Asia/Tokyo") for p in (ANA, BO)]
        notes = Application(meeting(interviewers=tokyo), name="Tokyo")
        iv = meeting(
            starts_at=pendulum.datetime(2026, 6, 30, 10, tz=NY),
            decision_by=date(2026, 7, 7),
            company="Early",
        )
        thanked = [a.done() for a in Application(iv).plan() if a.kind is ActionKind.THANK_YOU]
        early = Application(iv, thanked, name="Early")
        now = pendulum.datetime(2026, 7, 8, 9, 30, tz=NY)
        day = agenda_many([notes, early], now)
        assert not day.to_do
        assert day.entries[0].application.name == "Tokyo"  # due comes before coming
        nxt = day.next
        assert nxt is not None
        assert (nxt.application.name, nxt.item.action.kind) == ("Early", ActionKind.CHECK_IN)
        assert nxt.shown_at == pendulum.datetime(2026, 7, 8, 10, tz=NY)

    def test_of_two_late_steps_the_one_that_can_be_done_sooner(self) -> None:
        """At noon both missed check-ins wait: Los Angeles' window opens at 10:00 there
        (13:00 here), Tokyo's at 08:00 there (19:00 here).  The list puts Tokyo's
        first (overdue longer), `next` Los Angeles'."""
        apps = [_thanked(6, "Asia/Tokyo", "Sooner"), _thanked(7, "America/Los_Angeles", "Later")]
        now = pendulum.datetime(2026, 7, 27, 12, tz=NY)
        day = agenda_many(apps, now)
        assert not day.to_do
        assert [e.application.name for e in day.late] == ["Sooner", "Later"]
        assert day.next is day.late[1]
        assert day.next.shown_at == pendulum.datetime(2026, 7, 27, 13, tz=NY)


class TestMergedPartsAreTheWholeList:
    """`AgendaMany.merge` of one part per application is `agenda_many` of them all,
    cut by its *limit*, and refuses what it cannot merge naming the argument
    (mutants of `AgendaMany.merge`)."""

    def test_merge_with_and_without_a_limit(self) -> None:
        apps, now = _every_standing()
        whole = agenda_many(apps, now)
        parts = [agenda_many([app], now) for app in apps]
        merged = AgendaMany.merge(parts)
        assert _listed(merged) == _listed(whole)
        assert _listed(merged.superseded) == _listed(whole.superseded)
        assert merged.counts == whole.counts and merged.limit is None
        assert merged.changes_at == whole.changes_at
        assert [a.name for a, _ in merged.agendas] == [a.name for a in apps]
        for limit in (0, 1, 4, len(whole), len(whole) + 3):
            cut = AgendaMany.merge(parts, limit=limit)
            assert _listed(cut) == _listed(whole)[:limit], limit
            assert (cut.limit, cut.counts, cut.agendas, cut.superseded) == (
                limit,
                whole.counts,
                (),
                (),
            )
            assert cut.changes_at == whole.changes_at
            # a part made with a limit cuts the merge at the smallest of the limits
            limited = [agenda_many([app], now, limit=limit + 1) for app in apps]
            again = AgendaMany.merge(limited, limit=limit)
            assert _listed(again) == _listed(whole)[:limit] and again.limit == limit
            assert AgendaMany.merge(limited).limit == limit + 1
            assert _listed(AgendaMany.merge(iter(parts), limit=limit)) == _listed(cut)

    def test_what_merge_refuses(self) -> None:
        apps, now = _every_standing()
        parts = [agenda_many([app], now) for app in apps]
        later = agenda_many(apps, now.add(hours=1))
        cases: list[tuple[dict[str, object], str]] = [
            ({"days": 5}, "days = 5: expected an iterable"),
            ({"days": "today"}, "days = 'today': expected an iterable"),
            ({"days": []}, "days = []: no merged agenda to merge"),
            ({"days": [parts[0], "x"]}, "days[1] = 'x': expected an AgendaMany"),
            (
                {"days": [parts[0], later]},
                "days[1].now = 2026-07-27T17:00:00+00:00: is not the moment of days[0]"
                " (2026-07-27T16:00:00+00:00)",
            ),
            ({"days": parts, "limit": -1}, "limit = -1: " + _WHOLE),
            ({"days": parts, "limit": 1.5}, "limit = 1.5: " + _WHOLE),
            ({"days": parts, "limit": True}, "limit = True: " + _WHOLE),
        ]
        for arguments, said in cases:
            with pytest.raises(InvalidArgument) as raised:
                AgendaMany.merge(**arguments)  # type: ignore[arg-type]
            assert str(raised.value) == said
            assert raised.value.field == said.split(" = ")[0]
        # the same moment on another clock is the same moment
        tokyo = agenda_many(apps[:1], now.in_timezone("Asia/Tokyo"))
        assert len(AgendaMany.merge([tokyo, parts[1]]).agendas) == 2


class TestWhatAgendaManyRefuses:
    """Each bad argument of `agenda_many` is refused naming it, with and without a
    limit (`_check_limit`, `_check_days`, `_iterable`, `_loaded`)."""

    def test_bad_arguments_name_their_field(self) -> None:
        apps, now = _every_standing()
        days_0_366 = "expected a whole number of days from 0 to 366"
        eod = 'counts with until="end_of_day" only'
        not_one = "expected an Application (or a loader of one)"
        cases: list[tuple[dict[str, object], str]] = [
            ({"limit": -1}, "limit = -1: " + _WHOLE),
            ({"limit": 2.0}, "limit = 2.0: " + _WHOLE),
            ({"limit": False}, "limit = False: " + _WHOLE),
            ({"per_candidate": -1}, "per_candidate = -1: " + _WHOLE),
            ({"until": "end_of_day", "days": -1}, "days = -1: " + days_0_366),
            ({"until": "end_of_day", "days": 367}, "days = 367: " + days_0_366),
            ({"until": "end_of_day", "days": True}, "days = True: " + days_0_366),
            ({"until": "end_of_day", "days": 1.0}, "days = 1.0: " + days_0_366),
            ({"days": 1}, "days = 1: " + eod),
            ({"until": now.add(days=2), "days": 1}, "days = 1: " + eod),
            ({"applications": 7}, "applications = 7: expected an iterable"),
            ({"applications": "acme"}, "applications = 'acme': expected an iterable"),
            ({"applications": [apps[0], "acme"]}, "applications[1] = 'acme': " + not_one),
            (
                {"applications": [apps[0], lambda: "acme"]},
                "applications[1] = 'acme': the loader returned no Application",
            ),
        ]
        for arguments, said in cases:
            for limit in (None, 3):
                given = {"applications": apps, "limit": limit, **arguments}
                with pytest.raises(InvalidArgument) as raised:
                    agenda_many(now=now, **given)  # type: ignore[arg-type]
                assert str(raised.value) == said, given
                assert raised.value.field == said.split(" = ")[0]
        for days in (1, 6, 366):
            week = agenda_many(apps, now, "end_of_day", days=days)
            assert all(e.in_days <= days for e in week) and not week.coming
        assert max(e.in_days for e in agenda_many(apps, now, "end_of_day", days=0)) > 1

    def test_a_loader_is_read_in_its_place(self) -> None:
        apps, now = _every_standing()

        def broken() -> Application:
            raise InvalidArgument("row", 3, "no such row")

        loaders = [lambda: apps[0], broken, apps[1], lambda: apps[2]]
        for limit in (None, 4):
            with pytest.raises(InvalidArgument) as raised:
                agenda_many(loaders, now, limit=limit)
            assert raised.value.field == "row"
            day = agenda_many(loaders, now, limit=limit, skip_invalid=True)
            assert [(loader, error.field) for loader, error in day.unread] == [(broken, "row")]
            assert day.counts == agenda_many(apps, now).counts
            assert _listed(day) == _listed(agenda_many(apps, now, limit=limit))

    def test_merge_keeps_what_each_part_left_out_and_caps_each_candidate(self) -> None:
        apps, now = _every_standing()
        broken = Application(apps[0].interview, [Skip(now, "no-such-step")], name="broken")

        def unreadable() -> Application:
            raise InvalidArgument("row", 3, "no such row")

        parts = [
            agenda_many([apps[0], broken], now, skip_invalid=True),
            agenda_many([unreadable, apps[1]], now, skip_invalid=True),
            agenda_many([apps[2], broken], now, skip_invalid=True),
        ]
        for limit in (None, 2):
            merged = AgendaMany.merge(parts, limit=limit)
            assert merged.now == now
            assert [a.name for a, _ in merged.failed] == ["broken", "broken"]
            assert [loader for loader, _ in merged.unread] == [unreadable]
            assert merged.per_candidate is None
        # one candidate in every part, each part capped at one step: one step in all
        capped = [agenda_many([app], now, per_candidate=1) for app in apps]
        for limit in (None, 5):
            merged = AgendaMany.merge(capped, limit=limit)
            assert merged.per_candidate == 1
            assert _listed(merged) == _listed(agenda_many(apps, now, per_candidate=1))
            assert len(merged) == 1 and merged.counts == agenda_many(apps, now).counts


class TestOneCandidatesFilesTogetherWithALimit:
    """`agenda_many(together=True, limit=...)` plans the files of a candidate that come
    one after another together, as without a limit: the first steps of the whole list,
    every step counted (mutants of `_planned`, `_agenda_of`)."""

    def _apps(self) -> tuple[list[Application], pendulum.DateTime]:
        (data, ml), sent = _ana_written_to_in_the_second_file()
        kim = Application(
            meeting(candidate=Candidate("Kim Park", email="kim@example.com")), name="kim"
        )
        broken = Application(kim.interview, [Skip(sent, "no-such-step")], name="broken")
        also = Application(data.interview, [Skip(sent, "no-such-step")], name="also broken")
        return [kim, broken, data, ml, also], sent.add(hours=1)

    def test_the_cut_list_is_the_whole_list_cut(self) -> None:
        """Kim's files first, then Sam's: Kim's run of files is planned when Sam's
        first file comes, to the same *until* and *days* as the rest; a file that cannot
        be planned is left out of either run."""
        apps, start = self._apps()
        good = [apps[0], *apps[2:4]]
        views: list[tuple[str | None, int]] = [(None, 0), ("end_of_day", 0), ("end_of_day", 6)]
        for days in range(0, 12, 3):
            now = start.add(days=days)
            together = agenda_many(good, now, together=True)
            assert _listed(together) != _listed(agenda_many(good, now)) or days > 6
            for until, ahead in views:
                for jointly in (False, True):
                    given = {"until": until, "days": ahead, "together": jointly}
                    whole = agenda_many(good, now, **given)  # type: ignore[arg-type]
                    if ahead:
                        assert not whole.coming
                    for limit in (0, 1, 3, 6, 50):
                        cut = agenda_many(good, now, limit=limit, **given)  # type: ignore[arg-type]
                        assert _listed(cut) == _listed(whole)[:limit], (now, given, limit)
                        assert cut.counts == whole.counts
                        assert cut.changes_at == whole.changes_at
                        left = agenda_many(
                            apps,
                            now,
                            limit=limit,
                            skip_invalid=True,
                            **given,  # type: ignore[arg-type]
                        )
                        assert [a.name for a, _ in left.failed] == ["broken", "also broken"]
                        assert _listed(left) == _listed(cut) and left.counts == whole.counts
                    for limit in (None, 3):
                        with pytest.raises(InvalidHistory):
                            agenda_many(apps, now, limit=limit, **given)  # type: ignore[arg-type]

    def test_each_candidate_keeps_their_most_urgent_steps(self) -> None:
        """`per_candidate` keeps each candidate's first steps of the whole list, in its
        order, with and without a limit (mutants of `_capped`)."""
        apps, now = self._apps()
        good = [apps[0], *apps[2:4]]
        whole = _listed(agenda_many(good, now, together=True))
        for per in (0, 1, 2, 5):
            kept = [
                row
                for index, row in enumerate(whole)
                if sum(1 for other in whole[:index] if (other[0] == "kim") == (row[0] == "kim"))
                < per
            ]
            assert _listed(agenda_many(good, now, together=True, per_candidate=per)) == kept
            for limit in (1, 4, 50):
                cut = agenda_many(good, now, together=True, per_candidate=per, limit=limit)
                assert _listed(cut) == kept[:limit], (per, limit)

    def test_none_of_each_candidate_with_a_limit(self) -> None:
        """``per_candidate=0`` keeps no step, with a limit as without one (it raised
        IndexError with a limit: the heap of a candidate's steps holds none)."""
        apps, now = self._apps()
        good = [apps[0], *apps[2:4]]
        whole = agenda_many(good, now)
        for limit in (None, 0, 1, 10):
            day = agenda_many(good, now, per_candidate=0, limit=limit)
            assert (len(day), day.counts, day.per_candidate) == (0, whole.counts, 0)
