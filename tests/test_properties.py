"""Property tests: the SPEC's ten invariants over generated inputs.

Interviews have 1-6 interviewers in mixed zones, start near DST changes and
year ends, with and without deadlines and recruiters; policies are any valid
knob setting or a preset; histories follow the plan partly and mix in the
employer's answers.
"""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from datetime import time as dt_time
from unittest import mock

import pendulum
from hypothesis import assume, given
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Interview,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    plan,
)

from .invariants import check_all, follow_plan
from .strategies import any_policy, interviews


@st.composite
def histories(draw: st.DrawFn, interview: Interview, policy: Policy) -> list[object]:
    """Follow the plan for a while, answering as an employer might, sometimes late."""
    history: list[object] = []
    now = interview.starts_at
    for _ in range(draw(st.integers(0, 8))):
        step = draw(st.sampled_from(("act", "act", "act", "reply", "update", "away")))
        if step == "act":
            action = plan(interview, policy, history=history).next(now)
            if action is None:
                break
            lateness = draw(st.sampled_from((0.0, 0.0, 0.5, 1.0)))
            start = max(now, action.earliest)
            at = start + (action.latest - start) * lateness
            history.append(action.done(at))
            now = at
            continue
        now = now + timedelta(hours=draw(st.integers(1, 24 * 6)))
        if step == "reply":
            history.append(Reply(now))
        elif step == "away":
            returns = draw(st.none() | st.integers(0, 10))
            history.append(
                OutOfOffice(now, None if returns is None else now.date() + timedelta(days=returns))
            )
        else:
            outcome = draw(st.sampled_from(list(Outcome)))
            new_date = None
            if outcome is Outcome.UNDECIDED and draw(st.booleans()):
                new_date = now.date() + timedelta(days=draw(st.integers(0, 14)))
            history.append(Update(now, outcome, decision_by=new_date))
    return history


@given(interview=interviews(), policy=any_policy)
def test_invariants_hold_for_the_full_plan(interview: Interview, policy: Policy) -> None:
    """Invariants 1-9 on a fresh plan, for every interview and policy."""
    check_all(interview, policy, [], plan(interview, policy))


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_invariants_hold_after_any_history(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariants 1-9 after the candidate followed part of the plan and the employer answered."""
    history = data.draw(histories(interview, policy))
    check_all(interview, policy, history, plan(interview, policy, history=history))


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_replanning_after_doing_the_plan_gives_the_rest(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariant 10: do the first k actions as planned, replan, get the rest of the plan."""
    whole = plan(interview, policy)
    done = data.draw(st.integers(0, len(whole)))
    again = plan(interview, policy, history=follow_plan(whole, done))
    assert list(again) == list(whole)[done:]


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_replanning_after_a_history_and_the_plan_gives_the_rest(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariant 10 also holds on top of an arbitrary (valid) history."""
    history = data.draw(histories(interview, policy))
    rest = plan(interview, policy, history=history)
    assume(not history or all(a.suggested >= history[-1].at for a in rest))  # type: ignore[attr-defined]
    done = data.draw(st.integers(0, len(rest)))
    again = plan(interview, policy, history=history + follow_plan(rest, done))
    assert list(again) == list(rest)[done:]


@given(interview=interviews(), policy=any_policy)
def test_plan_is_deterministic_and_never_reads_the_clock(
    interview: Interview, policy: Policy
) -> None:
    """Invariant 9: the same input gives the same plan whatever the clock says."""
    first = plan(interview, policy)
    with (
        mock.patch.object(pendulum, "now", side_effect=AssertionError("read the clock")),
        mock.patch.object(pendulum, "today", side_effect=AssertionError("read the clock")),
        mock.patch.object(time, "time", side_effect=AssertionError("read the clock")),
        mock.patch.object(time, "time_ns", side_effect=AssertionError("read the clock")),
    ):
        second = plan(interview, policy)
    assert first == second
    assert [a.suggested for a in first] == sorted(a.suggested for a in first)


@given(interview=interviews(), policy=any_policy)
def test_every_interviewer_gets_one_thank_you(interview: Interview, policy: Policy) -> None:
    """Rule thank-you (seeds 001, 004): one note per interviewer, or just the contact."""
    notes = [a.recipient for a in plan(interview, policy) if a.kind is ActionKind.THANK_YOU]
    expected = (
        list(interview.interviewers)
        if policy.thank_you_each_interviewer
        else [interview.follow_up_contact]
    )
    assert sorted(n.name for n in notes) == sorted(p.name for p in expected)  # type: ignore[union-attr]


@given(interview=interviews(), policy=any_policy)
def test_check_in_count_is_the_cap(interview: Interview, policy: Policy) -> None:
    """Rule cap: without answers, max_check_ins check-ins (within the lifetime), then silence."""
    check_ins = [a for a in plan(interview, policy) if a.kind is ActionKind.CHECK_IN]
    assert len(check_ins) == min(policy.max_check_ins, policy.max_contacts_ever)


@given(interview=interviews(), policy=any_policy)
def test_no_call_without_invitation_or_timeframe(interview: Interview, policy: Policy) -> None:
    """Rule one-call (seed 000): a call needs an invitation or a timeframe, if the policy says."""
    calls = [
        a
        for a in plan(interview, policy)
        if a.kind is ActionKind.CHECK_IN and a.channel is Channel.PHONE
    ]
    contact = interview.follow_up_contact
    uninvited = (
        not interview.invited_to_call
        and interview.decision_by is None
        and contact.preferred_channel is not Channel.PHONE
    )
    if policy.calls_need_invitation and uninvited:
        assert calls == []
    if contact.phone is None:  # never a call to an unknown number
        assert calls == []
    assert len(calls) <= policy.max_calls


@given(interview=interviews(), policy=any_policy)
def test_audit_finds_nothing_wrong_with_the_plan_itself(
    interview: Interview, policy: Policy
) -> None:
    """A log made of the plan, done as suggested, is polite by the auditor's measure."""
    from followup_rules import audit

    assert audit(interview, follow_plan(plan(interview, policy), 100), policy) == []


@given(interview=interviews())
def test_upcoming_and_next_agree(interview: Interview) -> None:
    """Plan.next(now) is the first of Plan.upcoming(now), for any now."""
    whole = plan(interview)
    for action in whole:
        now = action.suggested
        upcoming = whole.upcoming(now)
        assert whole.next(now) == (upcoming[0] if upcoming else None)
        assert all(a.latest >= now for a in upcoming)
    assert isinstance(whole.next(interview.starts_at), object)
    assert [isinstance(h, Contact) for h in follow_plan(whole, 2)] == [True] * min(2, len(whole))


# -- seen from now (issue 17) ---------------------------------------------------


@st.composite
def moments_after(draw: st.DrawFn, interview: Interview) -> pendulum.DateTime:
    """A moment from the interview to about two months after it, to the minute."""
    minutes = draw(st.integers(0, 60 * 24 * 60))
    return interview.starts_at + timedelta(minutes=minutes)


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_invariants_hold_seen_from_now(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariants 1-9 on a plan seen from any now, after any history: nothing before now."""
    history = data.draw(histories(interview, policy))
    last = max((event.at for event in history), default=interview.starts_at)  # type: ignore[attr-defined]
    now = max(data.draw(moments_after(interview)), last)
    check_all(interview, policy, history, plan(interview, policy, history=history, now=now), now)


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_replanning_from_the_same_now_gives_the_rest(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariant 10 seen from now: do the first k steps as planned, replan from the same
    now, get the rest of the plan (late steps included)."""
    now = data.draw(moments_after(interview))
    whole = plan(interview, policy, now=now)
    done = data.draw(st.integers(0, len(whole)))
    again = plan(interview, policy, history=follow_plan(whole, done), now=now)
    assert list(again) == list(whole)[done:]


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_what_the_agenda_says_to_do_now_done_now_passes_audit(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """Invariant 11: every step the agenda marks to do now, done at that moment, is polite,
    and it is inside its window: on a business day, a call inside the call window, an
    e-mail or a card inside the send window of its zone's business day unless no moment
    of that window is left before its deadline (the new user's thank-you at 04:00 EDT)."""
    from followup_rules import _calendar as cal
    from followup_rules import agenda, audit
    from followup_rules.rules import step_zone

    history = data.draw(histories(interview, policy))
    last = max((event.at for event in history), default=interview.starts_at)  # type: ignore[attr-defined]
    now = max(data.draw(moments_after(interview)), last)
    today = agenda(interview, policy, history=history, now=now)
    for item in today.to_do:
        action = item.action
        assert action.earliest <= now <= action.latest
        assert item.doable_at == now
        if action.channel is Channel.PHONE and action.kind is ActionKind.CHECK_IN:
            local = now.in_timezone(item.recipient_zone or interview.timezone)
            window = policy.call_window
            assert window.start <= local.time().replace(tzinfo=None) <= window.end
        if action.channel in (Channel.EMAIL, Channel.POSTAL):
            window, zone = policy.send_window, step_zone(action, interview)
            local = now.in_timezone(zone)  # type: ignore[arg-type]
            inside = cal.is_business_day(local.date(), policy.business_holidays) and (
                window.start <= local.time().replace(tzinfo=None) <= window.end
            )
            if not inside:  # only when the deadline comes before the next send window
                following = cal.first_moment_in_window(
                    now, window.start, window.end, zone, policy.business_holidays
                )
                assert following > action.latest
        if action.channel is Channel.IN_PERSON:
            continue  # the room's steps are done in the room, not logged as contacts
        assert audit(interview, [*history, action.done(now)], policy) == []


@given(data=st.data(), interview=interviews(), policy=any_policy)
def test_the_planner_and_the_auditor_read_the_same_limits(
    data: st.DataObject, interview: Interview, policy: Policy
) -> None:
    """One unit per limit (issue 20): what the planner allows, the auditor passes.

    The next check-in the planner makes breaks no limit the auditor judges;
    the day before its first allowed day breaks the limit that set that day,
    unless only the planner keeps it (a skipped check-in's wait).  Closed
    gates are the planner's "no check-in" and the auditor's report alike.
    """
    from followup_rules import _calendar as cal
    from followup_rules import limits, rules
    from followup_rules.plan import steps_after_interview
    from followup_rules.state import THANKS_KINDS, check_history, replay

    history = data.draw(histories(interview, policy))
    steps = steps_after_interview(interview, policy)
    notes = [step for step in steps if step.kind in THANKS_KINDS]
    state = replay(interview, policy, check_history(interview, history), notes, steps)
    step = rules.check_in(state)
    assert (step is None) == (limits.first_closed(limits.CHECK_IN_GATES, state) is not None)
    if step is None:
        return
    tz = interview.zone_of(state.contact)
    assert limits.first_broken(limits.CHECK_IN, state, step._utc[2], tz) is None
    earliest = limits.first_day(limits.CHECK_IN, state, tz)
    assert earliest is not None and cal.local_date(step._utc[2], tz) >= earliest
    setters = [unit for unit in limits.CHECK_IN if unit.first_day(state, tz) == earliest]
    day_before = datetime.combine(earliest - timedelta(days=1), dt_time(12), tz)
    broken = limits.first_broken(limits.CHECK_IN, state, cal.utc(day_before), tz)
    if any(unit.audited for unit in setters):
        assert broken is not None


def test_a_plan_across_the_hour_dst_repeats_keeps_its_order_as_instants() -> None:
    """An interview ending in the hour Santiago's clocks repeat (6 April 2024, 24:00
    back to 23:00): the debrief's suggested 23:00 (-04) comes after its earliest
    23:45 (-03) as instants, though its wall clock is earlier; the invariants compare
    instants (a Hypothesis find)."""
    interview = Interview(
        pendulum.datetime(2024, 4, 6, 19, 45, tz="America/Santiago"),
        "Acme",
        "Engineer",
        ["Ana Ruiz"],
        duration=timedelta(hours=4),
        recruiter=Recruiter("Rita Cole", email="rita@agency.example"),
    )
    actions = list(plan(interview))
    debrief = next(a for a in actions if a.kind is ActionKind.RECRUITER_DEBRIEF)
    assert debrief.suggested.fold == 1 and debrief.suggested.hour == 23
    assert debrief.earliest.in_timezone("UTC") < debrief.suggested.in_timezone("UTC")
    check_all(interview, Policy(), [], actions)
