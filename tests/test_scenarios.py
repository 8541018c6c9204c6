"""Two realistic stories, told step by step through plan().next(now)."""

from __future__ import annotations

from datetime import date

import pendulum

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Update,
    audit,
    plan,
)

BERLIN = "Europe/Berlin"


def berlin(month: int, day: int, hour: int = 0, minute: int = 0) -> pendulum.DateTime:
    return pendulum.datetime(2026, month, day, hour, minute, tz=BERLIN)


class TestAWeekWithADeadline:
    """Monday interview in Berlin, "we decide by Friday", an agency recruiter."""

    interview = Interview(
        berlin(3, 23, 10),
        "Nordlicht GmbH",
        "Backend Developer",
        [
            Interviewer("Jana Vogel", title="Head of Engineering", phone="+49 30 1234"),
            Interviewer("Ravi Iyer", title="Tech Lead", timezone="Asia/Kolkata"),
        ],
        decision_by=date(2026, 3, 27),
        recruiter=Recruiter("Mia Brandt", agency="TalentWerk"),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )

    def test_the_week(self) -> None:
        """Seeds 000, 001, 003, 004 together: ask, thank, debrief, wait, call once."""
        iv = self.interview
        history: list[object] = []
        done: list[tuple[ActionKind, str]] = []
        now = iv.starts_at
        while True:
            action = plan(iv, history=history).next(now)
            if action is None or action.kind is ActionKind.CHECK_IN:
                break
            history.append(action.done())
            done.append((action.kind, action.recipient.name))  # type: ignore[union-attr]
            now = action.suggested
        assert done == [
            (ActionKind.CLOSING_STATEMENT, "Jana Vogel"),
            (ActionKind.ASK_TIMELINE, "Jana Vogel"),
            (ActionKind.ASK_PERMISSION, "Jana Vogel"),
            (ActionKind.ASK_FOR_CARDS, "Jana Vogel"),
            (ActionKind.ASK_FOR_CARDS, "Ravi Iyer"),
            (ActionKind.RECRUITER_DEBRIEF, "Mia Brandt"),
            # Both at 12:00 Berlin, which is 16:30 in Kolkata: inside Ravi's window too.
            (ActionKind.THANK_YOU, "Jana Vogel"),
            (ActionKind.THANK_YOU, "Ravi Iyer"),
        ]
        call = plan(iv, history=history).next(now)
        assert call is not None
        assert call.channel is Channel.PHONE
        # Friday the 27th was the date: Monday 30 March, mid-morning, after the EU DST change.
        assert call.earliest == berlin(3, 30, 10)
        assert call.earliest.utcoffset().total_seconds() == 2 * 3600  # type: ignore[union-attr]
        history.append(call.done())
        history.append(Update(berlin(3, 30, 10, 10), Outcome.OFFER))
        assert list(plan(iv, history=history)) == []
        assert audit(iv, history) == []


class TestAMonthWithoutADeadline:
    """No timeframe given; an out-of-office reply; "undecided" with a new date; a no."""

    interview = Interview(
        pendulum.datetime(2026, 10, 29, 15, tz="America/Chicago"),
        "Prairie Logistics",
        "Operations Analyst",
        [
            Interviewer(
                "Dee Walsh",
                title="Operations Director",
                email="dee@prairie.example",
                phone="+1 312 555 0170",
            )
        ],
        candidate=Candidate("Sam Lee"),
    )

    def test_the_month(self) -> None:
        """Seeds 001 (a week), 004 (gap, feedback), 003 (undecided), 002 (next steps)."""
        iv = self.interview
        history = [a.done() for a in plan(iv) if a.kind is not ActionKind.CHECK_IN]

        first = plan(iv, history=history).next(iv.ends_at)
        assert first is not None
        assert first.kind is ActionKind.CHECK_IN
        assert first.channel is Channel.EMAIL  # no invitation, no timeframe: no call
        assert first.template == "next_steps_email"
        assert first.earliest.date() == date(2026, 11, 5)  # a week later, Thursday
        history.append(first.done())

        # An automatic reply: away until 16 November.  It is no answer: the check-in counts.
        history.append(OutOfOffice(first.suggested.add(minutes=1), returns_on=date(2026, 11, 16)))
        after_return = plan(iv, history=history)
        check_ins = [a for a in after_return if a.kind is ActionKind.CHECK_IN]
        assert len(check_ins) == 2
        assert check_ins[0].earliest.date() == date(2026, 11, 17)
        history.append(check_ins[0].done())

        # "Still deciding, by 4 December": that date becomes the deadline, and a
        # timeframe now allows the single call.
        history.append(
            Update(check_ins[0].suggested.add(hours=3), Outcome.UNDECIDED, date(2026, 12, 4))
        )
        nxt = plan(iv, history=history).next(check_ins[0].suggested.add(hours=3))
        assert nxt is not None
        assert nxt.rule == "undecided"
        assert nxt.channel is Channel.PHONE
        assert nxt.earliest == pendulum.datetime(2026, 12, 7, 10, tz="America/Chicago")
        history.append(nxt.done())

        history.append(Update(nxt.suggested.add(minutes=5), Outcome.REJECTED))
        rest = list(plan(iv, history=history))
        assert [a.kind for a in rest] == [ActionKind.FEEDBACK_REQUEST]
        assert rest[0].earliest.date() == date(2026, 12, 10)  # gap kept after the call
        history.append(rest[0].done())
        assert list(plan(iv, history=history)) == []
        assert audit(iv, history) == []

    def test_the_cautious_preset_tells_the_same_month_by_email(self) -> None:
        """The cautious preset never calls, even with a timeframe."""
        iv = self.interview
        history = [
            Update(
                pendulum.datetime(2026, 11, 2, 9, tz="America/Chicago"),
                Outcome.UNDECIDED,
                date(2026, 11, 20),
            ),
        ]
        channels = {
            a.channel
            for a in plan(iv, Policy.cautious(), history=history)
            if a.kind is ActionKind.CHECK_IN
        }
        assert channels == {Channel.EMAIL}
