"""The app11 trial: an integrator's reminders service and multilingual tracker (see CHANGELOG).

- A reminders service schedules one wake-up for all its users: `Agenda.changes_at`
  and `AgendaMany.changes_at` (kept with a limit, merged over parts) give the
  next moment anything on a list changes, and nothing becomes doable before it.
- Why a step is planned when it is, with the policy's numbers, in the
  candidate's language, on the agenda (`AgendaItem.why`, ``"why"`` in its JSON),
  not only in the calendar.
- What changed since yesterday, with the events that changed it
  (`Application.changes`, `Changes`, `StepChange`).
"""

from __future__ import annotations

import pickle
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_rules import (
    AgendaItem,
    AgendaMany,
    Application,
    Candidate,
    Interview,
    Interviewer,
    InvalidArgument,
    Outcome,
    Policy,
    Reply,
    Standing,
    StepStatus,
    Update,
    agenda_many,
    describe_event,
    pinned,
    render,
    serialize,
)
from followup_rules.export import to_ics_many

ZONES = ("America/New_York", "Europe/Berlin", "Asia/Tokyo", "Australia/Sydney")


def application(
    number: int, zone: str = "America/New_York", *, deadline: bool = True
) -> Application:
    interview = Interview(
        pendulum.datetime(2026, 7, 1 + number % 20, 9 + number % 9, tz=zone),
        f"Company {number}",
        "Data Engineer",
        [
            Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142"),
            Interviewer("Bo Chen", email="bo@acme.example", timezone=ZONES[(number + 1) % 4]),
        ],
        decision_by=pendulum.date(2026, 7, 22) if deadline else None,
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    return Application(pinned(interview), key=number)


def seen(app: Application, now: pendulum.DateTime) -> tuple[dict[str, Standing], set[str]]:
    today = app.agenda(now)
    listed = {item.id: item.standing for item in today if item.standing is not Standing.SUPERSEDED}
    return listed, {item.id for item in today.to_do}


class TestChangesAt:
    @settings(max_examples=25, deadline=None)
    @given(
        number=st.integers(0, 200),
        zone=st.sampled_from(ZONES),
        deadline=st.booleans(),
        start=st.integers(0, 30 * 24 * 4),
    )
    def test_nothing_becomes_doable_between_two_wake_ups(
        self, number: int, zone: str, deadline: bool, start: int
    ) -> None:
        """Waking only at changes_at, a service sees every step the moment it can be done:
        polled every 15 minutes in between, no new step is to do and none changes standing."""
        app = application(number, zone, deadline=deadline)
        wake = pendulum.datetime(2026, 6, 30, tz="UTC").add(minutes=15 * start)
        for _ in range(6):
            listed, to_do = seen(app, wake)
            after = app.agenda(wake).changes_at
            if after is None:
                assert not listed
                return
            assert after > wake
            poll = wake.add(minutes=15)
            while poll < after and poll < wake.add(days=20):
                now_listed, now_to_do = seen(app, poll)
                assert now_to_do <= to_do, (wake, poll, after)
                assert now_listed == listed, (wake, poll, after)
                poll = poll.add(minutes=15)
            wake = after

    def test_a_window_closing_at_now_changes_just_after_it(self) -> None:
        """At the last moment of a due step's window the step is still due: the agenda
        changes just after it, never at now itself (a service would wake forever)."""
        app = application(3)
        today = app.agenda(pendulum.datetime(2026, 7, 4, 20, tz="UTC"))
        due = next(item for item in today if item.standing is Standing.DUE)
        closing = app.agenda(due.action.latest)
        assert closing.get(due.id) is not None
        assert closing.get(due.id).standing is Standing.DUE  # type: ignore[union-attr]
        assert closing.changes_at == due.action.latest + timedelta(microseconds=1)
        after = app.agenda(closing.changes_at)
        assert after.get(due.id) is None or after.get(due.id).standing is not Standing.DUE  # type: ignore[union-attr]

    def test_many_applications_one_wake_up_whatever_is_kept(self) -> None:
        apps = [application(n, ZONES[n % 4]) for n in range(40)]
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        soonest = min(
            (app.agenda(now).changes_at for app in apps if app.agenda(now).changes_at),
            key=lambda moment: moment.in_timezone("UTC"),
        )
        whole = agenda_many(apps, now)
        assert whole.changes_at == soonest
        for limit in (0, 1, 5):
            assert agenda_many(iter(apps), now, limit=limit).changes_at == soonest
        assert agenda_many(apps, now, per_candidate=1).changes_at == soonest
        parts = [agenda_many(apps[:13], now, limit=2), agenda_many(apps[13:], now, limit=3)]
        assert AgendaMany.merge(parts).changes_at == soonest
        assert (
            AgendaMany.merge([agenda_many(apps[:13], now), agenda_many(apps[13:], now)]).changes_at
            == soonest
        )

    def test_nothing_left_is_none(self) -> None:
        app = application(1)
        late = pendulum.datetime(2027, 6, 1, tz="UTC")
        assert app.agenda(late).changes_at is None
        assert agenda_many([app], late, limit=0).changes_at is None

    @pytest.mark.parametrize("limit", [None, 0])
    def test_in_the_json(self, limit: int | None) -> None:
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        apps = [application(n) for n in range(3)]
        day = agenda_many(apps, now, limit=limit)
        assert day.changes_at is not None
        data = serialize.unstructure(day)
        assert data["changes_at"] == serialize.format_datetime(day.changes_at)
        one = serialize.unstructure(apps[0].agenda(now))
        assert one["changes_at"] == serialize.format_datetime(apps[0].agenda(now).changes_at)


def told(number: int, language: str, policy: Policy) -> Application:
    base = application(number)
    candidate = Candidate("Sam Lee", email="sam@example.com", language=language)
    return Application(
        attrs.evolve(base.interview, candidate=candidate), policy=policy, key=number
    )


SETTINGS = tuple(field.name for field in attrs.fields(Policy))


class TestWhyInTheCandidatesLanguage:
    """The reason for a step, with the policy's numbers, in the candidate's language, on
    the agenda itself (it was only in the calendar's "Why:" line; the app10 trial)."""

    @settings(max_examples=20, deadline=None)
    @given(
        number=st.integers(0, 200),
        language=st.sampled_from(("en", "de", "fr", "es")),
        gap=st.integers(2, 9),
        wait=st.integers(1, 5),
        hours=st.integers(0, 24 * 30),
    )
    def test_the_agenda_says_what_the_calendar_says(
        self, number: int, language: str, gap: int, wait: int, hours: int
    ) -> None:
        policy = Policy(min_gap=gap, wait_after_deadline=wait)
        app = told(number, language, policy)
        now = pendulum.datetime(2026, 7, 1, tz="UTC").add(hours=hours)
        today = app.agenda(now)
        calendar = to_ics_many([app], now=now).decode().replace("\r\n ", "")
        descriptions = [
            line.replace("\\n", "\n").replace("\\,", ",").replace("\\;", ";")
            for line in calendar.splitlines()
            if line.startswith("DESCRIPTION:")
        ]
        data = serialize.unstructure(today)
        listed = [*data["overdue"], *data["due"], *data["coming"]]
        for item, shown in zip(today, listed, strict=True):
            why = item.why(item.locale)
            assert item.locale == language
            assert shown["why"] == (why or None)
            if item.standing is not Standing.SUPERSEDED:
                assert any(why in text for text in descriptions), why
            for name in SETTINGS:
                assert name not in why
            assert item.why() == item.why("en")

    def test_the_policys_numbers(self) -> None:
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        said = {
            language: [
                item.why(language) for item in told(2, language, Policy(min_gap=4)).agenda(now)
            ]
            for language in ("en", "de", "fr", "es")
        }
        assert any("four business days" in why for why in said["en"])
        assert any("4 Werktage" in why for why in said["de"])
        assert any("4 jours ouvrés" in why for why in said["fr"])
        assert any("4 días hábiles" in why for why in said["es"])

    def test_a_coming_steps_why_not_now(self) -> None:
        """ "Why not now?" in the candidate's words: when (doable_at) and why."""
        app = told(2, "fr", Policy())
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        coming = next(item for item in app.agenda(now) if item.standing is Standing.COMING)
        found = app.find_step(coming.id, now)
        assert found.item is not None
        assert found.item.why(found.locale) == coming.why("fr")
        assert serialize.unstructure(found)["item"]["why"] == coming.why("fr")
        assert "ouvré" in coming.why("fr")

    @pytest.mark.parametrize("language", ["en", "de", "fr", "es"])
    def test_a_late_note_says_it_is_offered_again(self, language: str) -> None:
        app = told(6, language, Policy())  # interview Tue 7 Jul 2026, 15:00 New York
        start = app.interview.starts_at
        on_time = next(
            item for item in app.agenda(start.add(hours=2)) if item.id.startswith("thank")
        )
        late = next(item for item in app.agenda(start.add(hours=30)) if item.id == on_time.id)
        assert on_time.standing is Standing.DUE and late.standing is Standing.LATE
        assert late.why(language).startswith(on_time.why(language) + " ")
        coming = [
            item for item in app.agenda(start.add(hours=30)) if item.standing is Standing.COMING
        ]
        assert all(not item.why(language).startswith(on_time.why(language)) for item in coming)

    def test_a_locale_it_has_not_is_refused(self) -> None:
        item = next(iter(application(1).agenda(pendulum.datetime(2026, 7, 10, tz="UTC"))))
        with pytest.raises(InvalidArgument) as caught:
            item.why("xx")
        assert caught.value.field == "locale"
        assert caught.value.value == "xx"


def shape(item: AgendaItem) -> tuple[Standing, object, object, object]:
    action = item.action
    return (
        item.standing,
        action.earliest.in_timezone("UTC"),
        action.latest.in_timezone("UTC"),
        action.channel,
    )


class TestWhatChangedSinceYesterday:
    """`Application.changes(since, now)`: the steps new, gone, moved or standing otherwise,
    where each stands now (in the candidate's words) and the events that came between."""

    @settings(max_examples=20, deadline=None)
    @given(
        number=st.integers(0, 200),
        language=st.sampled_from(("en", "de", "fr", "es")),
        hours=st.integers(24, 24 * 25),
        done=st.booleans(),
        news=st.sampled_from((None, "undecided", "reply")),
    )
    def test_every_change_once_and_nothing_else(
        self, number: int, language: str, hours: int, done: bool, news: str | None
    ) -> None:
        app = told(number, language, Policy())
        since = app.interview.starts_at.add(hours=hours)
        now = since.add(days=1)
        yesterday = app.agenda(since)
        if done and yesterday.to_do:
            app = app.record_step(yesterday.to_do[0].id, since.add(hours=2), now=now).application
        if news == "undecided":
            update = Update(since.add(hours=3), Outcome.UNDECIDED, pendulum.date(2026, 8, 28))
            app = app.record(update, now=now).application
        elif news == "reply":
            app = app.record(Reply(since.add(hours=3), "Ana Ruiz"), now=now).application
        changes = app.changes(since, now)
        before = {item.id: item for item in yesterday}
        after = {item.id: item for item in app.agenda(now)}
        expected = {
            uid
            for uid in before.keys() | after.keys()
            if uid not in before or uid not in after or shape(before[uid]) != shape(after[uid])
        }
        assert [change.id for change in changes] == list(dict.fromkeys(c.id for c in changes))
        assert {change.id for change in changes} == expected
        for change in changes:
            assert change.before == before.get(change.id)
            assert change.now == app.find_step(change.id, now)
            assert change.now.locale == language
            if change.change == "new":
                assert change.id not in before
            elif change.change == "gone":
                assert change.id not in after
                assert change.now.status is not StepStatus.PLANNED
            elif change.change == "standing":
                assert before[change.id].standing is not after[change.id].standing
            else:
                assert before[change.id].standing is after[change.id].standing
        assert changes.events == tuple(event for event in app.history if since < event.at <= now)
        data = serialize.unstructure(changes)
        assert [step["id"] for step in data["steps"]] == [change.id for change in changes]
        for event, shown in zip(changes.events, data["events"], strict=True):
            assert shown["description"] == describe_event(event, app.interview, locale=language)
            assert shown["event_id"] == app.event_id(event)

    def test_news_moves_the_check_ins_and_says_why(self) -> None:
        app = told(6, "de", Policy())  # interview Tue 7 Jul 2026, decision by 22 Jul
        since = pendulum.datetime(2026, 7, 16, 9, tz="America/New_York")
        update = Update(since.add(hours=2), Outcome.UNDECIDED, pendulum.date(2026, 8, 5))
        later = app.record(update, now=since.add(hours=2)).application
        changes = later.changes(since, since.add(days=1))
        assert changes.events == (update,)
        moved = [change for change in changes if change.change == "moved"]
        assert moved
        for change in moved:
            assert change.now.item is not None and change.before is not None
            assert change.now.item.action.earliest > change.before.action.earliest
            assert change.now.description == "anstehend"  # coming, in German
        assert later.changes(since, since).steps == ()

    def test_since_after_now_is_refused(self) -> None:
        app = application(1)
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        with pytest.raises(InvalidArgument) as caught:
            app.changes(now.add(seconds=1), now)
        assert caught.value.field == "since"
        with pytest.raises(InvalidArgument) as caught:
            app.changes(now.naive(), now)
        assert caught.value.field == "since"


class TestThreadsAndProcesses:
    """An app plans in threads and ships results to a process pool (the app11 trial
    found both safe; these keep them so)."""

    def test_threads_give_what_one_thread_gives_in_every_language(self) -> None:
        apps = [
            told(n, ("en", "de", "fr", "es")[n % 4], Policy(min_gap=2 + n % 5)) for n in range(24)
        ]
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")

        def work(app: Application) -> list[object]:
            today = app.agenda(now)
            said: list[object] = [serialize.unstructure(today), today.changes_at]
            for item in today:
                if item.action.template is not None:
                    said.append(render(item.action, app.interview).text)
                said.append(item.why(item.locale))
            return said

        alone = [work(app) for app in apps]
        with ThreadPoolExecutor(8) as pool:
            for _ in range(2):
                assert list(pool.map(work, apps)) == alone

    def test_the_new_results_pickle(self) -> None:
        app = told(4, "es", Policy(min_gap=4))
        now = pendulum.datetime(2026, 7, 10, 12, tz="UTC")
        today = app.agenda(now)
        for value in (today, agenda_many([app], now), app.changes(now.subtract(days=1), now)):
            again = pickle.loads(pickle.dumps(value))
            assert again == value
        item = pickle.loads(pickle.dumps(next(iter(today))))
        assert item.policy == Policy(min_gap=4)
        assert item.why("es") == next(iter(today)).why("es")
