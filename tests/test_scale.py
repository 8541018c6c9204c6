"""agenda_many at scale (issue 20, item 7): a limit, the counts, merged parts, flat memory.

A nightly job reads many applications, one at a time, and keeps only what a
daily list shows: the most urgent steps and the counts.  These tests hold
agenda_many to that: the kept steps are exactly the head of the whole list,
the counts count everything, parts merge as if seen together, and nothing
read is held beyond the kept steps.
"""

from __future__ import annotations

import pickle
import weakref
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    AgendaMany,
    Application,
    InvalidArgument,
    Standing,
    agenda_many,
    plan,
)
from followup_rules.loop import AgendaCounts

from .factories import at, interview
from .strategies import any_policy, interviews


@st.composite
def applications(draw: st.DrawFn) -> Application:
    """An application whose history follows its plan for a few steps, as suggested."""
    iv = draw(interviews())
    policy = draw(st.none() | any_policy)
    steps = list(plan(iv, policy))[: draw(st.integers(0, 6))]
    return Application(iv, tuple(step.done() for step in steps), policy)


@st.composite
def batches(draw: st.DrawFn) -> tuple[list[Application], pendulum.DateTime]:
    """Up to three applications named by position, and a moment in the month after the first."""
    found = [
        Application(a.interview, a.history, a.policy, str(number))
        for number, a in enumerate(draw(st.lists(applications(), max_size=3)))
    ]
    start = min((a.interview.starts_at for a in found), default=at(2024, 7, 1))
    return found, start + timedelta(minutes=draw(st.integers(0, 60 * 24 * 30)))


def shown(day: AgendaMany) -> list[tuple[int, str, Standing]]:
    """What a list shows of each entry: whose it is (by position given), its step, standing."""
    return [(int(e.application.name or 0), e.id, e.standing) for e in day]


def two_applications() -> list[Application]:
    """Acme (2 July, 14:00) and Globex (3 July, 14:00), New York, two interviewers each."""
    return [
        Application(interview(), name="0"),
        Application(interview(starts_at=at(2024, 7, 3, 14), company="Globex"), name="1"),
    ]


class TestLimit:
    """agenda_many(..., limit=n): the n most urgent steps, exactly as the whole list has them."""

    @given(batches(), st.integers(0, 12))
    def test_the_kept_steps_are_the_head_of_the_whole_list(
        self, batch: tuple[list[Application], pendulum.DateTime], limit: int
    ) -> None:
        """Whatever the applications and the moment, limit=n keeps the first n of the list."""
        found, now = batch
        whole = agenda_many(found, now, until="end_of_day")
        head = agenda_many(iter(found), now, until="end_of_day", limit=limit)
        assert shown(whole)[:limit] == shown(head)

    @given(batches(), st.integers(0, 12))
    def test_the_counts_count_every_step_whatever_is_kept(
        self, batch: tuple[list[Application], pendulum.DateTime], limit: int
    ) -> None:
        """counts are the same with a limit as without: applications, late, due, coming..."""
        found, now = batch
        whole = agenda_many(found, now)
        expected = AgendaCounts(
            len(found),
            len(whole.late),
            len(whole.due),
            len(whole.coming),
            len(whole.superseded),
        )
        assert (expected, expected) == (whole.counts, agenda_many(found, now, limit=limit).counts)

    @given(batches())
    def test_late_steps_doable_by_until_come_first(
        self, batch: tuple[list[Application], pendulum.DateTime]
    ) -> None:
        """Among late steps, those that can be done by the agenda's *until* come before those
        that cannot (app5 trial): a nightly list with a limit keeps what can be done."""
        found, now = batch
        late = [
            e for e in agenda_many(found, now, until="end_of_day") if e.standing is Standing.LATE
        ]
        doable = [
            e.item.doable_at is not None and e.item.doable_at <= e.agenda.until for e in late
        ]
        assert doable == sorted(doable, reverse=True)

    def test_a_nightly_list_keeps_the_late_step_that_can_be_done(self) -> None:
        """Sunday in New York: a New York check-in late since November cannot be done before
        Monday; a Tokyo one, late since Thursday, can (Monday morning in Tokyo).  With
        limit=1 the Tokyo one is kept."""
        from datetime import date

        from followup_rules import Candidate, Interview, Interviewer, end_of_day, start_of_day

        def app(start: tuple[int, ...], zone: str, deadline: date) -> Application:
            iv = Interview(
                pendulum.datetime(*start, tz=zone),
                "Co " + zone,
                "Engineer",
                [Interviewer("Ana Ruiz", email="a@x.example")],
                decision_by=deadline,
                candidate=Candidate("Sam", timezone="America/New_York"),
            )
            return Application(iv, name=zone)

        found = [
            app((2026, 11, 2, 10), "America/New_York", date(2026, 11, 6)),
            app((2026, 11, 23, 10), "Asia/Tokyo", date(2026, 12, 2)),
        ]
        sunday = date(2026, 12, 6)
        start, end = (
            start_of_day(sunday, "America/New_York"),
            end_of_day(sunday, "America/New_York"),
        )
        kept = agenda_many(found, start, end, limit=1)
        assert [(e.application.name, e.standing) for e in kept] == [("Asia/Tokyo", Standing.LATE)]
        whole = [
            e.application.name
            for e in agenda_many(found, start, end)
            if e.standing is Standing.LATE
        ]
        assert whole == ["Asia/Tokyo", "America/New_York"]

    def test_a_limited_list_holds_no_agenda_and_no_superseded_step(self) -> None:
        """The point of a limit is to hold little: the kept steps alone, and the limit said."""
        day = agenda_many(two_applications(), at(2024, 7, 4, 9), limit=3)
        assert (day.agendas, day.superseded, len(day), day.limit) == ((), (), 3, 3)
        assert day.counts.superseded == 10

    def test_limit_zero_gives_the_counts_alone(self) -> None:
        """limit=0: a nightly tally, no step kept (Acme's two notes late, Globex's two due)."""
        day = agenda_many(two_applications(), at(2024, 7, 4, 9), limit=0)
        counts = day.counts
        assert (len(day), day.next) == (0, None)
        assert (counts.applications, counts.late, counts.due, counts.to_do) == (2, 2, 2, 4)

    @pytest.mark.parametrize("limit", [-1, True, 2.0, "3", [1]])
    def test_a_bad_limit_is_refused_naming_it(self, limit: object) -> None:
        """A typed error on field 'limit', not a TypeError deep in a heap."""
        with pytest.raises(InvalidArgument, match=r"^limit = "):
            agenda_many([], at(2024, 7, 4, 9), limit=limit)  # type: ignore[arg-type]

    @pytest.mark.parametrize("applications", [5, None, "acme"])
    def test_applications_must_be_iterable(self, applications: object) -> None:
        """agenda_many(5, now) is InvalidInterview naming 'applications', not a TypeError."""
        with pytest.raises(InvalidArgument, match=r"^applications = "):
            agenda_many(applications, at(2024, 7, 4, 9))  # type: ignore[arg-type]


class TestFlatMemory:
    """A nightly job's memory does not grow with the number of applications it reads."""

    @pytest.mark.parametrize("count", [20, 80])
    def test_only_the_kept_applications_stay_alive(self, count: int) -> None:
        """Read lazily from a generator, at most limit + 1 applications are alive at any time.

        Each application yielded is watched through a weak reference; before
        yielding the next, the generator counts those still alive.  The bound
        is the same for 20 and 80 applications: nothing read accumulates.
        """
        limit = 3
        alive: list[int] = []
        watched: list[weakref.ref[Application]] = []

        def stream() -> Iterator[Application]:
            for number in range(count):
                alive.append(sum(ref() is not None for ref in watched))
                start = at(2024, 6, 3, 9) + timedelta(hours=7 * number)
                application = Application(interview(starts_at=start), name=str(number))
                watched.append(weakref.ref(application))
                yield application
                del application

        day = agenda_many(stream(), at(2024, 7, 4, 9), limit=limit)
        assert day.counts.applications == count
        assert max(alive) <= limit + 1

    def test_without_a_limit_every_agenda_is_kept(self) -> None:
        """The default keeps each application's agenda: the list an app shows in full."""
        day = agenda_many(two_applications(), at(2024, 7, 4, 9))
        assert [a.name for a, _ in day.agendas] == ["0", "1"]


class TestMerge:
    """AgendaMany.merge: the parts of a batch job, as if agenda_many had seen them all."""

    @given(batches(), st.integers(0, 3))
    def test_parts_merge_into_the_whole(
        self, batch: tuple[list[Application], pendulum.DateTime], cut: int
    ) -> None:
        """Two parts, merged, equal the merged agenda of all their applications."""
        found, now = batch
        parts = [agenda_many(found[:cut], now), agenda_many(found[cut:], now)]
        assert AgendaMany.merge(parts) == agenda_many(found, now)

    @given(batches(), st.integers(0, 3), st.integers(0, 8))
    def test_limited_parts_merge_into_the_head_of_the_whole(
        self, batch: tuple[list[Application], pendulum.DateTime], cut: int, limit: int
    ) -> None:
        """Parts that kept n steps each merge into the first n of the whole list."""
        found, now = batch
        parts = [
            agenda_many(found[:cut], now, limit=limit),
            agenda_many(found[cut:], now, limit=limit),
        ]
        whole = agenda_many(found, now)
        merged = AgendaMany.merge(parts)
        assert (shown(merged), merged.counts, merged.limit) == (
            shown(whole)[:limit],
            whole.counts,
            limit,
        )

    def test_the_smallest_limit_wins(self) -> None:
        """A part that kept 2 steps cannot say which came third: the merge keeps 2."""
        found = two_applications()
        now = at(2024, 7, 4, 9)
        parts = [agenda_many(found[:1], now, limit=2), agenda_many(found[1:], now)]
        assert AgendaMany.merge(parts, limit=5).limit == 2

    def test_merged_parts_travel_by_pickle(self) -> None:
        """A Dask worker sends its part back pickled: the merge is the same."""
        found, now = two_applications(), at(2024, 7, 4, 9)
        parts = [agenda_many(found[:1], now, limit=4), agenda_many(found[1:], now, limit=4)]
        again = [pickle.loads(pickle.dumps(part)) for part in parts]
        assert AgendaMany.merge(again) == AgendaMany.merge(parts)

    def test_parts_made_for_other_moments_are_refused(self) -> None:
        """Two days' lists do not make one list: the second part's moment is named."""
        found = two_applications()
        parts = [agenda_many(found, at(2024, 7, 4, 9)), agenda_many(found, at(2024, 7, 5, 9))]
        with pytest.raises(InvalidArgument, match=r"^days\[1\]\.now = "):
            AgendaMany.merge(parts)

    def test_the_refused_part_and_its_moment_are_named(self) -> None:
        """The error holds the second part's moment and says which moment was expected."""
        found = two_applications()
        parts = [agenda_many(found, at(2024, 7, 4, 9)), agenda_many(found, at(2024, 7, 5, 9))]
        with pytest.raises(InvalidArgument) as caught:
            AgendaMany.merge(parts)
        assert (caught.value.field, caught.value.value, caught.value.problem) == (
            "days[1].now",
            parts[1].now,
            "is not the moment of days[0] (2024-07-04T13:00:00+00:00)",
        )

    def test_the_same_moment_in_another_zone_is_the_same(self) -> None:
        """Parts made for one instant written in two zones merge."""
        found = two_applications()
        here, there = at(2024, 7, 4, 9), at(2024, 7, 4, 15, tz="Europe/Berlin")
        merged = AgendaMany.merge([agenda_many(found[:1], here), agenda_many(found[1:], there)])
        assert merged.counts.applications == 2

    @pytest.mark.parametrize(
        ("days", "field"),
        [([], "days"), (5, "days"), (["x"], r"days\[0\]"), ([None], r"days\[0\]")],
    )
    def test_bad_parts_are_refused(self, days: Any, field: str) -> None:
        """Nothing to merge, not an iterable, or not an AgendaMany: a typed error."""
        with pytest.raises(InvalidArgument, match=rf"^{field} = "):
            AgendaMany.merge(days)

    @pytest.mark.parametrize(
        ("days", "field", "problem"),
        [
            ([], "days", "no merged agenda to merge"),
            (["x"], "days[0]", "expected an AgendaMany"),
        ],
    )
    def test_a_bad_part_is_named_with_its_value_and_why(
        self, days: Any, field: str, problem: str
    ) -> None:
        with pytest.raises(InvalidArgument) as caught:
            AgendaMany.merge(days)
        assert (caught.value.field, caught.value.value, caught.value.problem) == (
            field,
            days if field == "days" else days[0],
            problem,
        )

    def test_a_bad_limit_is_refused_before_merging(self) -> None:
        found, now = two_applications(), at(2024, 7, 4, 9)
        with pytest.raises(InvalidArgument) as caught:
            AgendaMany.merge([agenda_many(found, now)], limit=-1)
        assert (caught.value.field, caught.value.problem) == (
            "limit",
            "expected a whole number (0 or more) or None",
        )
