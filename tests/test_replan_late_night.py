"""Invariant 10 seen from a `now` before the steps done (a full-suite find of 2026-12-07).

A panel's late thank-yous are offered again from `now`, and suggested when the
candidate is awake: for a candidate on Kiritimati (UTC+14) at 02:14, the end of the
recipients' send window.  Done there, after `now`, the first note's contact must not push
the next note's window later than the plan said.
"""

from __future__ import annotations

from datetime import timedelta

import pendulum

from followup_rules import Interview, Interviewer, plan
from followup_rules.model import InterviewFormat

from .invariants import follow_plan


def test_a_late_note_done_after_now_leaves_the_next_late_note_where_it_was() -> None:
    interview = Interview(
        pendulum.datetime(2020, 1, 1, 13, 0, tz="Pacific/Kiritimati"),
        "Acme",
        "Engineer",
        (
            Interviewer("Ana Ruiz"),
            Interviewer("Bo Chen", timezone="UTC"),
            Interviewer("Chidi Okafor", timezone="UTC"),
        ),
        duration=timedelta(minutes=20),
        format=InterviewFormat.IN_PERSON,
    )
    now = pendulum.datetime(2020, 1, 4, 2, 14, tz="Pacific/Kiritimati")
    whole = plan(interview, now=now)
    first, second = list(whole)[:2]
    assert first.late_since is not None and second.late_since is not None
    assert first.suggested > now  # the candidate's morning, after now
    again = plan(interview, history=follow_plan(whole, 1), now=now)
    assert list(again) == list(whole)[1:]
    assert again[0].earliest == now
