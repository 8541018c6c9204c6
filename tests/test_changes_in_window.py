"""`Application.changes` lists a step as moved only when its window or channel moved:
time passing inside a due step's window moves nothing (mut20c's finding)."""

from __future__ import annotations

from datetime import date

import pendulum

from followup_rules import ActionKind, Application, Channel, Interview, Interviewer


def _call_application() -> tuple[Application, pendulum.DateTime, pendulum.DateTime]:
    """An interview whose first check-in is a call, due 10:00-11:30 on 16 July."""
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=date(2026, 7, 15),
    )
    application = Application(interview)
    call = next(
        item.action
        for item in application.agenda(pendulum.datetime(2026, 7, 16, 9, tz="America/New_York"))
        if item.action.kind is ActionKind.CHECK_IN
    )
    assert call.channel is Channel.PHONE
    return application, call.earliest, call.latest


def test_time_passing_inside_a_due_window_is_no_change() -> None:
    application, opens, closes = _call_application()
    since, now = opens.add(minutes=15), opens.add(minutes=45)
    assert now < closes
    changes = application.changes(since, now)
    assert list(changes) == []


def test_a_step_that_falls_due_between_the_two_moments_is_no_change_either() -> None:
    """Before its window the step opens at its own time; once due it opens at *now*: the
    window is the same, so `changes` says nothing of it."""
    application, opens, _ = _call_application()
    changes = application.changes(opens.subtract(minutes=30), opens.add(minutes=10))
    assert [c.id for c in changes if c.change == "moved"] == []


def test_a_window_that_really_moves_is_still_reported() -> None:
    """Across the call's close, the step is no longer due the same day: whatever the
    agenda shows then is reported, never hidden by the rule above."""
    application, opens, closes = _call_application()
    before = {item.id: item for item in application.agenda(opens.add(minutes=15))}
    after = {item.id: item for item in application.agenda(closes.add(hours=1))}
    changes = application.changes(opens.add(minutes=15), closes.add(hours=1))
    reported = {c.id for c in changes}
    for uid, item in after.items():
        old = before.get(uid)
        if (
            old is None
            or old.action.latest != item.action.latest
            or old.standing is not item.standing
        ):
            assert uid in reported
