"""min_gap across applications (issue "app without glue", ids6): `audit_many`, `agenda_many`.

SPEC invariant 4: any two follow-up contacts to the employer are `min_gap` business
days apart, also when a second round is kept in an application (a file) of its own.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Contact,
    Interview,
    InvalidArgument,
    Policy,
    agenda_many,
    audit,
    audit_many,
    plan,
)
from followup_rules._steps import FOLLOW_UP_KINDS
from followup_rules.identity import employer_key, thread_key

from .factories import at, interview
from .strategies import interviews

ME = Candidate("Sam Lee", email="sam@example.com")


def _pair(
    company: str = "ACME Analytics GmbH", candidate: Candidate | None = ME
) -> tuple[Application, Application]:
    """A first round and a second one kept apart, both followed up with Ana Ruiz."""
    first = interview(decision_by=date(2024, 7, 10), candidate=ME)
    second = interview(
        starts_at=at(2024, 7, 3, 10),
        company=company,
        role="Data Engineer, second round",
        decision_by=date(2024, 7, 10),
        candidate=candidate,
    )
    return Application(first, name="first"), Application(second, name="second")


def _first_check_in(app: Application) -> Contact:
    action = next(a for a in plan(app.interview) if a.kind is ActionKind.CHECK_IN)
    return action.done()  # type: ignore[return-value]


class TestEmployerKey:
    @pytest.mark.parametrize(
        ("one", "other"),
        [
            ("Acme Analytics", "ACME analytics GmbH"),
            ("Acme-Analytics, Inc.", "acme analytics"),
            ("Zoë Labs", "Zoe Labs Ltd."),
            ("Acme", "Acme Corp."),
        ],
    )
    def test_one_employer(self, one: str, other: str) -> None:
        assert employer_key(one) == employer_key(other)

    @pytest.mark.parametrize(
        ("one", "other"),
        [("Acme", "Acme Analytics"), ("株式会社 Acme", "Acme"), ("韩梅梅", "李雷")],
    )
    def test_two_employers(self, one: str, other: str) -> None:
        assert employer_key(one) != employer_key(other)


class TestAuditMany:
    def test_a_second_round_too_soon_is_found(self) -> None:
        """Each file alone is polite; together, the later check-in is too close."""
        first, second = _pair()
        one, two = _first_check_in(first), _first_check_in(second)
        assert abs((one.at - two.at).days) < 2
        first = attrs.evolve(first, history=(one,))
        second = attrs.evolve(second, history=(two,))
        assert audit(first.interview, first.history) == []
        assert audit(second.interview, second.history) == []
        found = audit_many([first, second])
        later = 0 if one.at > two.at else 1
        assert found[1 - later] == []
        (violation,) = found[later]
        assert violation.rule == "retry-gap"
        assert "another application" in violation.message
        assert audit_many([first]) == [[]]

    @pytest.mark.parametrize("what", ["employer", "candidate", "person"])
    def test_other_threads_are_apart(self, what: str) -> None:
        """Another employer, another candidate, another person: no gap between them."""
        if what == "employer":
            first, second = _pair(company="Initech")
        elif what == "candidate":
            first, second = _pair(candidate=Candidate("Kim Park"))
        else:
            first, second = _pair()
            second = attrs.evolve(
                second, interview=attrs.evolve(second.interview, contact="Bo Chen")
            )
        first = attrs.evolve(first, history=(_first_check_in(first),))
        second = attrs.evolve(second, history=(_first_check_in(second),))
        assert audit_many([first, second]) == [[], []]

    def test_refused(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            audit_many([_pair()[0], "x"])  # type: ignore[list-item]
        assert raised.value.field == "applications[1]"
        with pytest.raises(InvalidArgument):
            audit_many(3)  # type: ignore[arg-type]


def _loop(
    apps: list[Application], start: datetime, days: int, limit: int | None
) -> list[Application]:
    """Every morning and afternoon, do whatever `agenda_many` says to do now."""
    for step in range(days * 2):
        now = start + timedelta(days=step // 2, hours=5 * (step % 2))
        listed = agenda_many(apps, now, limit=limit, together=True)
        for entry in listed.entries:
            if not entry.item.to_do:
                continue
            index = next(i for i, app in enumerate(apps) if app.name == entry.application.name)
            done = entry.item.action.done(now)
            apps[index] = apps[index].record(done, now=now).application  # type: ignore[assignment]
    return apps


@pytest.mark.parametrize("limit", [None, 50])
def test_whatever_agenda_many_offers_passes_audit_many(limit: int | None) -> None:
    """SPEC invariant 11 across files: both threads go on, and never inside min_gap."""
    apps = _loop(list(_pair()), at(2024, 7, 2, 10, 30), 60, limit)
    assert audit_many(apps) == [[], []]
    contacts = sorted(
        event.at
        for app in apps
        for event in app.history
        if isinstance(event, Contact) and event.kind in FOLLOW_UP_KINDS
    )
    assert {
        app.name
        for app in apps
        if any(isinstance(e, Contact) and e.kind is ActionKind.CHECK_IN for e in app.history)
    } == {"first", "second"}
    policy = Policy()
    for earlier, later in itertools.pairwise(contacts):
        assert later - earlier >= timedelta(days=policy.min_gap)


def test_without_the_view_the_files_collide() -> None:
    """What the view prevents: each alone offers a check-in to Ana on the same days."""
    first, second = _pair()
    assert thread_key(first.interview) == thread_key(second.interview)
    days = [
        {a.suggested.date() for a in plan(app.interview) if a.kind is ActionKind.CHECK_IN}
        for app in (first, second)
    ]
    assert days[0] & days[1]


def test_a_stream_sees_each_candidates_run_together() -> None:
    """With a limit, the applications of one candidate that come together are one view."""
    first, second = _pair()
    now = at(2024, 7, 17, 10)
    whole = agenda_many([first, second], now, together=True)
    streamed = agenda_many([first, second], now, limit=100, together=True)
    alone = agenda_many([first, second], now)
    assert [e.id for e in alone] != [e.id for e in whole]  # apart, they collide
    assert [(e.application.name, e.item.id) for e in whole.entries] == [
        (e.application.name, e.item.id) for e in streamed.entries
    ]


class TestPerCandidate:
    """`agenda_many(per_candidate=n)`: one user with many applications does not fill the list."""

    def _apps(self) -> list[Application]:
        apps = []
        for who in ("Sam Lee", "Kim Park", "Ola Nordmann"):
            count = 3 if who == "Sam Lee" else 1
            for number in range(count):
                made = interview(
                    starts_at=at(2024, 7, 1 + number, 10),
                    company=f"Company {number}",
                    candidate=Candidate(who),
                    decision_by=date(2024, 7, 10),
                )
                apps.append(Application(made, name=f"{who} {number}"))
        return apps

    def _by_candidate(self, entries: object) -> dict[str, int]:
        counted: dict[str, int] = {}
        for entry in entries:  # type: ignore[attr-defined]
            who = entry.application.interview.candidate.name
            counted[who] = counted.get(who, 0) + 1
        return counted

    def test_the_most_urgent_of_each_are_kept(self) -> None:
        now = at(2024, 7, 3, 9)
        everything = agenda_many(self._apps(), now)
        capped = agenda_many(self._apps(), now, per_candidate=2)
        assert max(self._by_candidate(everything).values()) > 2
        assert set(self._by_candidate(capped).values()) == {2}
        expected, seen = [], {}
        for entry in everything:
            who = entry.application.interview.candidate.name  # type: ignore[union-attr]
            seen[who] = seen.get(who, 0) + 1
            if seen[who] <= 2:
                expected.append((entry.application.name, entry.id))
        assert [(e.application.name, e.id) for e in capped] == expected
        assert capped.counts == everything.counts
        assert capped.per_candidate == 2

    def test_with_a_limit_and_merged(self) -> None:
        """The stream gives the first *limit* of the capped list; parts merge to the whole."""
        now = at(2024, 7, 3, 9)
        apps = self._apps()
        capped = agenda_many(apps, now, per_candidate=2)
        streamed = agenda_many(apps, now, limit=5, per_candidate=2)
        assert [e.id for e in streamed] == [e.id for e in capped][:5]
        parts = [
            agenda_many(apps[:3], now, limit=5, per_candidate=2),
            agenda_many(apps[3:], now, limit=5, per_candidate=2),
        ]
        from followup_rules import AgendaMany

        assert [e.id for e in AgendaMany.merge(parts)] == [e.id for e in streamed]

    @pytest.mark.parametrize("bad", [-1, 1.5, "2", True])
    def test_refused(self, bad: object) -> None:
        with pytest.raises(InvalidArgument) as raised:
            agenda_many(self._apps(), at(2024, 7, 3, 9), per_candidate=bad)  # type: ignore[arg-type]
        assert raised.value.field == "per_candidate"


def test_followup_audit_with_another_file(tmp_path: Path) -> None:
    """``followup audit a.toml --with b.toml``: the gap across the files, exit 1."""
    from click.testing import CliRunner

    from followup_rules.cli import main

    head = (
        'timezone = "America/New_York"\ncompany = "{company}"\nrole = "Data Engineer"\n'
        'decision_by = 2024-07-10\ninterviewers = ["Ana Ruiz", "Bo Chen"]\n'
        'candidate = {{ name = "Sam Lee" }}\nstarts_at = {start}\n\n'
        '[[event]]\ntype = "contact"\nkind = "check_in"\nchannel = "email"\n'
        'recipient = "Ana Ruiz"\nat = {at}\n'
    )
    first = tmp_path / "acme.toml"
    second = tmp_path / "acme-round2.toml"
    first.write_text(
        head.format(
            company="Acme Analytics", start="2024-07-02T14:00:00", at="2024-07-11T10:00:00-04:00"
        )
    )
    second.write_text(
        head.format(
            company="ACME analytics GmbH",
            start="2024-07-03T10:00:00",
            at="2024-07-12T10:00:00-04:00",
        )
    )
    runner = CliRunner()
    alone = runner.invoke(main, ["audit", str(second)])
    assert alone.exit_code == 0, alone.output
    together = runner.invoke(main, ["audit", str(second), "--with", str(first)])
    assert together.exit_code == 1, together.output
    assert "retry-gap" in together.output and "another application" in together.output
    earlier = runner.invoke(main, ["audit", str(first), "--with", str(second)])
    assert earlier.exit_code == 0, earlier.output


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(interviews(), st.integers(0, 10), st.booleans())
def test_any_second_file_keeps_the_gap(first: Interview, later: int, limited: bool) -> None:
    """Any interview and a second round in a file of its own (the same people, a later
    start): doing whatever `agenda_many(together=True)` offers passes `audit_many`."""
    decided = first.decision_date
    second = attrs.evolve(
        first,
        starts_at=first.starts_at + timedelta(days=later),
        role="Second round",
        decision_by=None if decided is None else decided + timedelta(days=later),
    )
    apps = [Application(first, name="first"), Application(second, name="second")]
    start = first.starts_at - timedelta(hours=1)
    apps = _loop(apps, start, 35, 20 if limited else None)
    assert audit_many(apps) == [[], []]


@pytest.mark.parametrize("limit", [None, 100])
def test_the_view_takes_loaders_and_a_week(limit: int | None) -> None:
    """together=True, loaders (a row that fails to load listed apart) and days= at once."""
    first, second = _pair()
    now = at(2024, 7, 17, 10)

    def broken() -> Application:
        raise InvalidArgument("timezone", "Mars/Base", "is not a time zone")

    loaders = [lambda: first, broken, lambda: second]
    week = agenda_many(
        loaders, now, "end_of_day", days=6, limit=limit, skip_invalid=True, together=True
    )
    direct = agenda_many([first, second], now, "end_of_day", days=6, limit=limit, together=True)
    assert [(e.application.name, e.item.id, e.in_days) for e in week.entries] == [
        (e.application.name, e.item.id, e.in_days) for e in direct.entries
    ]
    assert [error.key for _, error in week.unread] == ["timezone"]
    today = agenda_many([first, second], now, "end_of_day", limit=limit, together=True)
    this_week = {e.item.id for e in today.entries if e.in_days <= 6}  # days is a horizon
    assert this_week <= {e.item.id for e in week.entries}
    assert 0 < max(e.in_days for e in week.entries) <= 6
