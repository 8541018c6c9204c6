"""mut15c: what the fifteenth mutation pass over `loop` found untested.

`kept_apart` keeps a file's follow-ups `min_gap` from a contact recorded in
*another* file to the same person at the same employer, even when that file
is listed after it: before this pass no test recorded such a contact, so the
plans could ignore it (mutants of `kept_apart` 12, 14, 17, 25, 28, 29).
"""

from __future__ import annotations

from datetime import timedelta

import attrs
import pendulum

from followup_rules import ActionKind, Application, Contact, Policy, agenda_many, audit_many
from followup_rules._steps import FOLLOW_UP_KINDS
from followup_rules.loop import describe_event, kept_apart
from followup_rules.model import Channel, Recruiter

from .test_writing import meeting


def _ana_written_to_in_the_second_file() -> tuple[list[Application], pendulum.DateTime]:
    """Two roles at one employer, Ana the follow-up contact of both; the candidate
    checked in with Ana about the second role on 16 July, and the first file records
    nothing yet."""
    data = Application(meeting(), name="data")
    ml_interview = meeting(
        role="ML Engineer", starts_at=pendulum.datetime(2026, 7, 8, 10, tz="America/New_York")
    )
    sent = pendulum.datetime(2026, 7, 16, 9, 30, tz="America/New_York")
    ml = Application(ml_interview, [Contact(sent, Channel.EMAIL, recipient="Ana Ruiz")], name="ml")
    return [data, ml], sent


def _done(apps: list[Application]) -> list[Application]:
    return [
        attrs.evolve(app, history=[*app.history, *(a.done() for a in app.plan())]) for app in apps
    ]


def test_a_contact_recorded_in_a_file_listed_later_keeps_the_first_file_apart() -> None:
    """Planned alone, the data file checks in with Ana on 16 July, the day the ml
    file already wrote to her, which `audit_many` flags; kept apart, its check-in
    waits `min_gap` after that e-mail, and doing every step of both plans passes."""
    apps, sent = _ana_written_to_in_the_second_file()
    alone = [a.suggested for a in apps[0].plan() if a.kind is ActionKind.CHECK_IN]
    assert alone[0].date() == sent.date()
    assert audit_many(_done(apps))[0] != []
    first, second = kept_apart(apps)
    kept = [a.suggested for a in first.plan() if a.kind is ActionKind.CHECK_IN]
    assert kept and kept[0] > sent + timedelta(days=1)
    assert audit_many(_done([first, second])) == [[], []]


def test_from_now_the_plans_kept_apart_are_what_today_lists() -> None:
    """With the contact recorded in the second file, from any moment the plans kept
    apart hold, after it, the steps and times `agenda_many(together=True)` lists."""
    apps, sent = _ana_written_to_in_the_second_file()
    start = sent.add(hours=1)
    for days in range(0, 20, 2):
        now = start + timedelta(days=days)
        listed = sorted(
            (entry.application.name or "", entry.item.action.suggested)
            for entry in agenda_many(apps, now, together=True)
        )
        planned = sorted(
            (app.name or "", action.suggested)
            for app in kept_apart(apps, now)
            for action in app.plan(now)
        )
        assert planned == listed, now
    check_ins = [
        a.suggested
        for a in kept_apart(apps, start)[0].plan(start)
        if a.kind is ActionKind.CHECK_IN
    ]
    assert check_ins and min(check_ins) > sent + timedelta(days=1)


def test_kept_apart_keeps_the_files_own_policy_key_and_rounds() -> None:
    """A file kept apart is the same file: its own policy plans it (a longer gap
    than the default), its key and the people it met before stay."""
    apps, _ = _ana_written_to_in_the_second_file()
    house = Policy(min_gap=8)
    data = attrs.evolve(apps[0], policy=house, key=("row", 7), met_before=(("ana ruiz", 1),))
    first = kept_apart([data, apps[1]])[0]
    assert first.policy == house
    assert first.key == ("row", 7)
    assert first.met_before == (("ana ruiz", 1),)
    default_first = kept_apart([attrs.evolve(data, policy=None), apps[1]])[0]
    check_in = next(a for a in first.plan() if a.kind is ActionKind.CHECK_IN)
    default = next(a for a in default_first.plan() if a.kind is ActionKind.CHECK_IN)
    assert check_in.suggested > default.suggested
    note = next(
        a
        for a in first.plan()
        if a.kind is ActionKind.THANK_YOU and a.recipient.name == "Ana Ruiz"
    )
    assert note.facts.met_before == 1


def test_three_files_to_one_person_kept_apart_are_what_today_lists() -> None:
    """A third file to Ana waits `min_gap` after the end of the windows of the two
    listed before it, as `agenda_many(together=True)` lists it, from any moment."""
    apps, _ = _ana_written_to_in_the_second_file()
    third = Application(
        meeting(
            role="Analytics Engineer",
            starts_at=pendulum.datetime(2026, 7, 9, 10, tz="America/New_York"),
        ),
        name="analytics",
    )
    apps = [apps[0], third, apps[1]]
    start = pendulum.datetime(2026, 7, 6, 9, tz="America/New_York")
    for days in range(0, 40, 3):
        now = start + timedelta(days=days)
        listed = sorted(
            (entry.application.name or "", entry.item.action.suggested)
            for entry in agenda_many(apps, now, together=True)
        )
        planned = sorted(
            (app.name or "", action.suggested)
            for app in kept_apart(apps, now)
            for action in app.plan(now)
        )
        assert planned == listed, now
    assert audit_many(_done(kept_apart(apps))) == [[], [], []]


def test_the_agenda_of_a_file_kept_apart_is_what_today_lists_for_it() -> None:
    """`Application.agenda` of a file kept apart, to any end, lists that file's
    follow-ups where `agenda_many(together=True)` lists them, not where the file
    alone would put them."""
    apps, sent = _ana_written_to_in_the_second_file()
    start = sent.add(hours=1)
    moved = False
    for days in range(0, 20, 2):
        now = start + timedelta(days=days)
        for until, ahead in ((None, 0), ("end_of_day", 6)):
            together = agenda_many(apps, now, until, days=ahead, together=True)
            for app, alone in zip(kept_apart(apps, now), apps, strict=True):
                listed = [
                    (e.item.action.kind.value, e.item.action.suggested)
                    for e in together
                    if e.application.name == app.name and e.item.action.kind in FOLLOW_UP_KINDS
                ]
                seen = app.agenda(now, until, days=ahead)
                mine = [
                    (item.action.kind.value, item.action.suggested)
                    for item in seen
                    if item.action.kind in FOLLOW_UP_KINDS
                ]
                assert sorted(mine) == sorted(listed), (now, until, app.name)
                own = alone.agenda(now, until, days=ahead)
                moved = moved or mine != [
                    (i.action.kind.value, i.action.suggested)
                    for i in own
                    if i.action.kind in FOLLOW_UP_KINDS
                ]
    assert moved


def test_a_contact_recorded_without_a_recipient_is_described_as_going_to_whom() -> None:
    """`describe_event` (what ``followup log`` prints): a debrief recorded with no
    recipient went to the recruiter when there is one, else to the follow-up contact;
    any other contact went to the follow-up contact, recruiter or not
    (`_addressee_of`)."""
    rita = Recruiter("Rita Cole", email="rita@agency.example")
    with_recruiter = meeting(recruiter=rita)
    alone = meeting()
    at = pendulum.datetime(2026, 7, 9, 10, tz="America/New_York")
    debrief = Contact(at, Channel.EMAIL, ActionKind.RECRUITER_DEBRIEF)
    check_in = Contact(at, Channel.EMAIL)
    assert "to Rita Cole," in describe_event(debrief, with_recruiter)
    assert "to Ana Ruiz," in describe_event(debrief, alone)
    assert "to Ana Ruiz," in describe_event(check_in, with_recruiter)
    assert "Rita" not in describe_event(check_in, with_recruiter)
