"""The independent acceptance tester's findings (spec10), each mended as a class.

1. Times in a repeated (fall-back) hour compare by instant: every public time the
   library hands out (an action's window, the interview's end, an agenda's) orders
   with Python's own ``<`` as its instants do, in every zone and across a DST change
   of an hour or of half an hour (Australia/Lord_Howe), and keeps its ``fold``
   through a pickle or a copy (`test_public_times_order_as_their_instants`).
2. ``Policy.respect_preferred_channel = False`` turns rule ``preferred-channel`` off
   whole: a stated phone preference is then no permission to call, in the plan and
   in `audit` alike (`test_a_preference_ignored_is_no_permission_to_call`).
3. The first check-in is planned at the first moment `audit` allows it: when every
   thank-you window closes inside a send or call window, the check-in takes the rest of
   that window instead of waiting for the next whole one, so no moment of a window
   before `Action.earliest` passes `audit`
   (`test_no_window_moment_before_the_first_check_in_passes_audit`).

With them, black-box checks written from the SPEC and the seeds alone: each SPEC
default changed on its own, a plan's own steps done on time pass `audit` and one
moved before its first allowed day does not, ending outcomes at any point of a
history, a rejection reported twice, and the command's exit status for each bad
input the SPEC lists.

The second tester's findings (spec11), on teams that extend the policy by subclassing:

4. A knob a subclass redefines keeps its check however it is redefined (``attrs.field``,
   a factory, its own converter, a plain unannotated value), and the window limits hold
   beside a subclass's own ``__attrs_post_init__``
   (`test_a_house_knob_redefined_any_way_keeps_its_check`).
5. Presets on a subclass start from its defaults and change only what they are about;
   ``cautious`` is never pushier than the house (`test_cautious_never_loosens_a_house_policy`).
6. ``serialize.dumps_toml``/``dumps_json`` refuse what they cannot write with an
   `InvalidArgument` naming it (`test_the_dumps_helpers_refuse_what_they_cannot_write`).

With them, house policies whose hooks are drawn at random keep invariants 1-12 (the
stateful test with house policies, invariant 10 at every step done as planned), and an
action cites only its rule and the rules that shaped it.
"""

from __future__ import annotations

import copy
import pickle
from datetime import date, datetime, time, timedelta, timezone
from functools import cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, rule

from followup_rules import (
    ActionKind,
    CallBasis,
    Candidate,
    Channel,
    Contact,
    FollowupError,
    FollowupState,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidPolicy,
    Outcome,
    Policy,
    TimeWindow,
    Update,
    agenda,
    audit,
    plan,
    serialize,
)
from followup_rules.catalogue import RULES

from .invariants import business, check_all, plus_business_days
from .strategies import interviews, policies
from .test_stateful import CandidateLivesWithTheAgenda

NEW_YORK = "America/New_York"
UTC = timezone.utc

# -- 1: a repeated hour ------------------------------------------------------------------------

DST_ZONES = (
    "America/New_York",
    "America/St_Johns",
    "Europe/Berlin",
    "Australia/Lord_Howe",  # half an hour
    "Pacific/Chatham",
    "Australia/Sydney",
)
OTHER_ZONES = (None, "Asia/Kathmandu", "UTC", *DST_ZONES)


@cache
def transitions(zone: str) -> tuple[datetime, ...]:
    """The UTC instants (to the half hour) at which *zone* changed offset in 2025-2027."""
    tz = ZoneInfo(zone)
    found = []
    day = datetime(2025, 1, 1, tzinfo=UTC)
    while day.year < 2028:
        after = day + timedelta(days=1)
        if day.astimezone(tz).utcoffset() != after.astimezone(tz).utcoffset():
            moment = day  # the change is within this day: find its half hour
            while moment.astimezone(tz).utcoffset() == day.astimezone(tz).utcoffset():
                moment += timedelta(minutes=30)
            found.append(moment)
        day = after
    return tuple(found)


@st.composite
def interviews_near_a_change(draw: st.DrawFn) -> Interview:
    """An interview starting within an hour of a DST change of its zone."""
    zone = draw(st.sampled_from(DST_ZONES))
    change = draw(st.sampled_from(transitions(zone)))
    starts = pendulum.instance(change + timedelta(minutes=draw(st.integers(-60, 60))))
    people = [
        Interviewer(
            name,
            email=f"{name.split()[0].lower()}@acme.example",
            phone="+1 212 555 0142",
            timezone=draw(st.sampled_from(OTHER_ZONES)),
            preferred_channel=draw(st.sampled_from((None, Channel.PHONE, Channel.EMAIL))),
        )
        for name in ("Ana Ruiz", "Bo Chen")[: draw(st.integers(1, 2))]
    ]
    day = starts.in_timezone(zone).date()
    return Interview(
        starts.in_timezone(zone),
        "Acme Analytics",
        "Data Engineer",
        people,
        duration=timedelta(minutes=draw(st.sampled_from((20, 30, 45, 60, 90)))),
        decision_by=draw(st.none() | st.integers(0, 9).map(lambda n: day + timedelta(days=n))),
        invited_to_call=draw(st.booleans()),
        candidate=Candidate("Sam Lee", timezone=draw(st.sampled_from(OTHER_ZONES))),
    )


def _instant(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def test_the_strategy_reaches_both_kinds_of_change() -> None:
    for zone in DST_ZONES:
        assert len(transitions(zone)) >= 6, zone
    lord_howe = ZoneInfo("Australia/Lord_Howe")
    steps = {
        abs(
            (t.astimezone(lord_howe).utcoffset() or timedelta())
            - ((t - timedelta(minutes=30)).astimezone(lord_howe).utcoffset() or timedelta())
        )
        for t in transitions("Australia/Lord_Howe")
    }
    assert steps == {timedelta(minutes=30)}


@settings(max_examples=80)
@given(interviews_near_a_change(), st.just(Policy()) | policies())
def test_public_times_order_as_their_instants(interview: Interview, policy: Policy) -> None:
    schedule = plan(interview, policy)
    check_all(interview, policy, (), schedule)
    assert interview.starts_at < interview.ends_at
    assert interview.ends_at - interview.starts_at == interview.duration
    moments = []
    for action in schedule:
        # Python's own operators, not the instants: what a caller writes
        assert action.earliest <= action.suggested <= action.latest, action
        assert (action.earliest <= action.latest) == (
            _instant(action.earliest) <= _instant(action.latest)
        )
        moments.append(action.suggested)
    assert moments == sorted(moments)
    assert sorted(moments) == sorted(moments, key=_instant)
    # a copy or a pickle keeps each moment, its fold included
    for again in (pickle.loads(pickle.dumps(schedule)), copy.deepcopy(schedule)):
        assert again == schedule
        for old, new in zip(schedule, again, strict=True):
            assert (new.earliest.fold, new.suggested.fold, new.latest.fold) == (
                old.earliest.fold,
                old.suggested.fold,
                old.latest.fold,
            )
            assert _instant(new.suggested) == _instant(old.suggested)
    assert audit(interview, [action.done() for action in schedule], policy) == []


@settings(max_examples=100)
@given(interviews_near_a_change(), st.integers(-90, 24 * 60))
def test_an_agenda_in_a_repeated_hour_orders_as_its_instants(
    interview: Interview, minutes: int
) -> None:
    now = interview.starts_at.add(minutes=minutes)
    seen = agenda(interview, history=(), now=now)
    for item in seen.to_do:
        action = item.action
        assert action.earliest <= action.suggested <= action.latest


def test_the_reported_fall_back_interview() -> None:
    """New York, 2 November 2025: a 30-minute interview from 01:50 EDT ends at 01:20 EST."""
    starts = pendulum.datetime(2025, 11, 2, 5, 50, tz="UTC").in_timezone(NEW_YORK)
    interview = Interview(starts, "Acme", "Engineer", ["Ana Ruiz"], duration=timedelta(minutes=30))
    assert interview.ends_at.format("HH:mm Z") == "01:20 -05:00"
    assert interview.starts_at < interview.ends_at
    in_room = [action for action in plan(interview) if action.channel is Channel.IN_PERSON]
    assert in_room
    for action in in_room:
        assert action.earliest <= action.suggested <= action.latest
        assert action.earliest < action.latest
        # a plain datetime on either side compares by instant too
        plain = datetime(2025, 11, 2, 1, 55, tzinfo=ZoneInfo(NEW_YORK), fold=0)  # EDT
        assert plain > action.earliest and action.latest > plain
        assert action.earliest == action.earliest.in_timezone("UTC")
        assert hash(action.earliest) == hash(action.earliest.in_timezone("UTC"))


def test_the_reported_lord_howe_interview() -> None:
    """Lord Howe Island, 6 April 2025: the clocks go back half an hour at 02:00."""
    starts = pendulum.datetime(2025, 4, 5, 14, 59, tz="UTC").in_timezone("Australia/Lord_Howe")
    interview = Interview(starts, "Acme", "Engineer", ["Ana Ruiz"], duration=timedelta(minutes=30))
    for action in plan(interview):
        assert action.earliest <= action.suggested <= action.latest


# -- 2: a preference ignored -------------------------------------------------------------------


def _prefers_phone(**changes: Any) -> Interview:
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK),
        "Acme",
        "Engineer",
        [
            Interviewer(
                "Ana Ruiz",
                email="ana@acme.example",
                phone="+1 212 555 0142",
                preferred_channel=Channel.PHONE,
            )
        ],
    )
    return attrs.evolve(interview, **changes)


def test_a_preference_ignored_is_no_permission_to_call() -> None:
    interview = _prefers_phone()
    call = Contact(pendulum.datetime(2026, 7, 14, 10, 15, tz=NEW_YORK), Channel.PHONE)
    respected = plan(interview)
    first = next(a for a in respected if a.kind is ActionKind.CHECK_IN)
    assert first.channel is Channel.PHONE and first.facts.call_basis is CallBasis.PREFERRED
    assert audit(interview, [call]) == []
    ignored = Policy(respect_preferred_channel=False)
    assert all(a.channel is not Channel.PHONE for a in plan(interview, ignored))
    assert [v.rule for v in audit(interview, [call], ignored)] == ["one-call"]
    # the other permissions stand: an invitation, a timeframe, or a policy that needs none
    for changes, basis in (
        ({"invited_to_call": True}, CallBasis.INVITED),
        ({"decision_by": date(2026, 7, 10)}, CallBasis.TIMEFRAME),
    ):
        calls = [a for a in plan(_prefers_phone(**changes), ignored) if a.channel is Channel.PHONE]
        assert [a.facts.call_basis for a in calls] == [basis]
    loose = Policy(respect_preferred_channel=False, calls_need_invitation=False)
    calls = [a for a in plan(interview, loose) if a.channel is Channel.PHONE]
    assert [a.facts.call_basis for a in calls] == [CallBasis.POLICY]


@settings(max_examples=100)
@given(policies())
def test_no_call_on_a_preference_the_policy_ignores(policy: Policy) -> None:
    policy = attrs.evolve(policy, respect_preferred_channel=False, calls_need_invitation=True)
    for action in plan(_prefers_phone(), policy):
        assert action.facts.call_basis is not CallBasis.PREFERRED
        assert action.channel is not Channel.PHONE or action.kind is not ActionKind.CHECK_IN


# -- 3: the first check-in at the first moment allowed -----------------------------------------


def _window_moments(action: Any, interview: Interview, policy: Policy) -> list[datetime]:
    """Moments inside the recipient's send (or call) windows before *action* may open:
    both ends of the window of the business day before its first day, and, on its
    first day, the minute before it opens when that is still inside the window."""
    zone = interview.zone_of(action.recipient)
    window = policy.call_window if action.channel is Channel.PHONE else policy.send_window
    first = action.earliest.in_timezone(zone)
    day = first.date() - timedelta(days=1)
    while not business(day, policy):
        day -= timedelta(days=1)
    moments = [
        pendulum.datetime(day.year, day.month, day.day, w.hour, w.minute, tz=zone)
        for w in (window.start, window.end)
    ]
    before = first.subtract(minutes=1)
    if window.start <= before.time() <= window.end and before.date() == first.date():
        moments.append(before)
    return [moment for moment in moments if moment > interview.ends_at]


@settings(max_examples=100)
@given(
    st.builds(
        Policy,
        min_gap=st.integers(1, 3),
        thank_you_within=st.sampled_from((19, 21, 24, 43, 48, 69, 72)).map(
            lambda hours: timedelta(hours=hours)
        ),
        wait_after_deadline=st.integers(1, 2),
        wait_without_deadline=st.integers(1, 3),
        max_calls=st.integers(0, 1),
        send_window=st.sampled_from(
            (TimeWindow(time(8), time(17)), TimeWindow(time(9, 30), time(16)))
        ),
        call_window=st.sampled_from(
            (TimeWindow(time(10), time(11, 30)), TimeWindow(time(9), time(16)))
        ),
    ),
    st.sampled_from((None, 0, 1, 2)),
)
def test_no_window_moment_before_the_first_check_in_passes_audit(
    policy: Policy, decision_in: int | None
) -> None:
    """A short gap and a long thank-you window that closes by day: patience decides."""
    decision = None if decision_in is None else date(2026, 7, 7) + timedelta(days=decision_in)
    interview = _interview(decision_by=decision, invited_to_call=False)
    schedule = list(plan(interview, policy))
    first = next((a for a in schedule if a.kind is ActionKind.CHECK_IN), None)
    assume(first is not None)
    assert first is not None
    done = [a.done() for a in schedule if a.suggested < first.suggested]
    assert audit(interview, [*done, first.done()], policy) == []
    for moment in _window_moments(first, interview, policy):
        if any(event.at >= moment for event in done):
            continue
        early = Contact(moment, first.channel, recipient=first.recipient.name)
        assert audit(interview, [*done, early], policy), (moment, first.earliest)


def test_the_reported_long_thank_you_window() -> None:
    """Seventy-two hours for the thank-you, a decision the next day, no call: its window
    closes on Friday at 15:00, the first day `patience` allows, and the e-mail goes then."""
    interview = _interview(decision_by=date(2026, 7, 8), invited_to_call=False)
    policy = Policy(thank_you_within=timedelta(hours=72), max_calls=0)
    first = next(a for a in plan(interview, policy) if a.kind is ActionKind.CHECK_IN)
    assert first.earliest == pendulum.datetime(2026, 7, 10, 15, tz=NEW_YORK)
    thanked = [a.done() for a in plan(interview, policy) if a.kind is ActionKind.THANK_YOU]
    late_friday = Contact(pendulum.datetime(2026, 7, 10, 15, 30, tz=NEW_YORK), Channel.EMAIL)
    assert audit(interview, [*thanked, late_friday], policy) == []
    early_friday = Contact(pendulum.datetime(2026, 7, 10, 14, 30, tz=NEW_YORK), Channel.EMAIL)
    assert [v.rule for v in audit(interview, [*thanked, early_friday], policy)] == ["patience"]


# -- black-box checks from the SPEC and the seeds ---------------------------------------------


def _interview(**changes: Any) -> Interview:
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz=NEW_YORK),
        "Acme",
        "Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=date(2026, 7, 15),
        invited_to_call=True,
    )
    return attrs.evolve(interview, **changes)


SINGLE_KNOBS = (
    ("thank_you_within", timedelta(hours=6)),
    ("thank_you_channel", Channel.POSTAL),
    ("thank_you_each_interviewer", False),
    ("recruiter_debrief_within", timedelta(hours=1)),
    ("wait_after_deadline", 4),
    ("wait_without_deadline", 10),
    ("min_gap", 7),
    ("max_check_ins", 0),
    ("max_check_ins", 6),
    ("max_calls", 0),
    ("max_calls", 2),
    ("calls_need_invitation", False),
    ("call_window", TimeWindow(time(14), time(15))),
    ("send_window", TimeWindow(time(9, 30), time(11))),
    ("respect_preferred_channel", False),
    ("ask_feedback_on_rejection", False),
    ("feedback_response_within", 5),
    ("holidays", "US"),
)


@pytest.mark.parametrize(
    ("knob", "value"), SINGLE_KNOBS, ids=[f"{k}={v}" for k, v in SINGLE_KNOBS]
)
@pytest.mark.parametrize("deadline", [date(2026, 7, 15), None])
def test_each_spec_default_changed_alone(knob: str, value: object, deadline: date | None) -> None:
    interview = _interview(
        decision_by=deadline,
        interviewers=[
            Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142"),
            Interviewer("Bo Chen", timezone="Asia/Kathmandu", preferred_channel=Channel.PHONE),
        ],
    )
    policy = attrs.evolve(Policy(), **{knob: value})
    schedule = plan(interview, policy)
    check_all(interview, policy, (), schedule)
    assert audit(interview, [action.done() for action in schedule], policy) == []


@settings(max_examples=80)
@given(policies(), st.data())
def test_a_check_in_moved_before_its_first_allowed_day_fails_audit(
    policy: Policy, data: Any
) -> None:
    interview = _interview(decision_by=data.draw(st.sampled_from((date(2026, 7, 15), None))))
    schedule = list(plan(interview, policy))
    check_ins = [a for a in schedule if a.kind is ActionKind.CHECK_IN]
    assume(check_ins)
    target = data.draw(st.sampled_from(check_ins))
    day = target.earliest.date() - timedelta(days=data.draw(st.integers(1, 3)))
    # The planner sends inside its window on a business day; audit judges the moment
    # alone.  So the check-in moves to the same window on a business day before (at
    # 10:15 outside a small window, a day the planner passed over for its window alone
    # can be one audit allows: a send window of 00:00-00:15 skips the Friday of a
    # thank-you window closing at 01:00).
    assume(business(day, policy))
    window = policy.call_window if target.channel is Channel.PHONE else policy.send_window
    at = window.start
    moved = pendulum.datetime(day.year, day.month, day.day, at.hour, at.minute, tz=NEW_YORK)
    history = [a.done() for a in schedule[: schedule.index(target)]]
    assume(moved > interview.ends_at and all(event.at < moved for event in history))
    found = audit(interview, [*history, target.done(moved)], policy)
    assert {v.rule for v in found} & {
        "check-in-after-deadline",
        "check-in-no-deadline",
        "retry-gap",
        "patience",
    }, [(v.rule, v.message) for v in found]


@pytest.mark.parametrize("outcome", [Outcome.OFFER, Outcome.REJECTED, Outcome.WITHDRAWN])
@pytest.mark.parametrize("done", range(0, 5))
def test_an_ending_outcome_at_any_point_stops_the_check_ins(outcome: Outcome, done: int) -> None:
    interview = _interview()
    schedule = [a for a in plan(interview) if a.channel is not Channel.IN_PERSON]
    history: list[Any] = [a.done() for a in schedule[:done]]
    at = (history[-1].at if history else interview.ends_at).add(minutes=30)
    history.append(Update(at, outcome))
    after = plan(interview, history=history)
    assert not [a for a in after if a.kind is ActionKind.CHECK_IN]
    requests = [a for a in after if a.kind is ActionKind.FEEDBACK_REQUEST]
    assert len(requests) == (outcome is Outcome.REJECTED)


def test_a_rejection_reported_twice_asks_for_feedback_once() -> None:
    interview = _interview()
    history: list[Any] = [a.done() for a in plan(interview) if a.kind is ActionKind.THANK_YOU]
    history.append(Update(pendulum.datetime(2026, 7, 10, 9, tz=NEW_YORK), Outcome.REJECTED))
    (request,) = [
        a for a in plan(interview, history=history) if a.kind is ActionKind.FEEDBACK_REQUEST
    ]
    history += [request.done(), Update(request.suggested.add(days=2), Outcome.REJECTED)]
    assert not [
        a for a in plan(interview, history=history) if a.kind is ActionKind.FEEDBACK_REQUEST
    ]
    assert audit(interview, history) == []


def test_the_feedback_an_employer_asks_for_is_answered_within_two_business_days() -> None:
    interview = _interview()
    asked = pendulum.datetime(2026, 7, 10, 15, tz=NEW_YORK)  # a Friday afternoon
    (answer,) = [
        a
        for a in plan(interview, history=[Update(asked, Outcome.FEEDBACK_REQUESTED)])
        if a.kind is ActionKind.FEEDBACK_RESPONSE
    ]
    assert answer.earliest >= asked
    assert answer.latest.date() <= plus_business_days(date(2026, 7, 10), 2, Policy())


GOOD = """starts_at = 2026-07-07T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"
decision_by = 2026-07-15

[[interviewers]]
name = "Ana Ruiz"
email = "ana@acme.example"
"""

BAD_FILES = {
    "naive": (GOOD.replace('timezone = "America/New_York"\n', ""), None, "starts_at"),
    "zone": (GOOD.replace("America/New_York", "Mars/Olympus"), None, "Mars/Olympus"),
    "decision": (GOOD.replace("2026-07-15", "2026-07-01"), None, "2026-07-01"),
    "nobody": (GOOD.split("[[interviewers]]")[0] + "interviewers = []\n", None, "interviewers"),
    "twice": (GOOD + '\n[[interviewers]]\nname = "Ana Ruiz"\n', None, "Ana Ruiz"),
    "calls": (GOOD, "max_calls = -1\n", "max_calls"),
    "window": (GOOD, 'thank_you_within = "0h"\n', "thank_you_within"),
    "gap": (GOOD, "min_gap = 0\n", "min_gap"),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_each_bad_input_of_the_spec_exits_2_with_one_line(tmp_path: Path, case: str) -> None:
    pytest.importorskip("click")
    from click.testing import CliRunner

    from followup_rules.cli import main

    text, policy, word = BAD_FILES[case]
    (tmp_path / "iv.toml").write_text(text)
    args = ["plan", str(tmp_path / "iv.toml")]
    if policy is not None:
        (tmp_path / "policy.toml").write_text(policy)
        args += ["--policy", str(tmp_path / "policy.toml")]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert word in result.output
    assert "Traceback" not in result.output


# -- spec11: teams extend the policy by subclassing ------------------------------------------
#
# SPEC: "A team with its own house rules subclasses `Policy` (or adds a `Rule`) and
# gets the same guarantees."  Found by spec11's black-box checks: a knob redefined with
# ``attrs.field`` (or a plain unannotated value) lost its check, a subclass's own
# ``__attrs_post_init__`` dropped the base's limits on the two windows, presets undid
# a house's own defaults (``cautious`` could be pushier than the house), and the
# ``dumps_*`` helpers let a bare AttributeError or TypeError out.


_BAD_KNOBS = [
    ("max_calls", -1),
    ("min_gap", 0),
    ("max_check_ins", -2),
    ("max_contacts_ever", 41),
    ("wait_without_deadline", -1),
    ("feedback_response_within", 0),
    ("thank_you_within", timedelta(0)),
    ("thank_you_within", 24),
    ("thank_you_within", timedelta(days=20)),
    ("recruiter_debrief_within", timedelta(hours=-1)),
    ("recruiter_debrief_within", timedelta(days=3)),
    ("thank_you_channel", Channel.PHONE),
    ("call_window", ("11:30", "10:00")),
    ("salutation", "yo"),
]


def _house(style: str, name: str, value: object) -> type[Policy]:
    """A house policy redefining knob *name* with default *value*, written in *style*."""
    body: dict[str, Any]
    if style == "annotated":
        body = {"__annotations__": {name: object}, name: value}
    elif style == "plain":
        body = {name: value}
    elif style == "plain beside a new field":
        body = {"__annotations__": {"extra": int}, "extra": 1, name: value}
    elif style == "attrs.field":
        body = {"__annotations__": {name: object}, name: attrs.field(default=value)}
    elif style == "unannotated attrs.field":
        body = {name: attrs.field(default=value)}
    elif style == "factory":
        body = {"__annotations__": {name: object}, name: attrs.field(factory=lambda: value)}
    else:  # its own converter, run before the inherited check
        body = {
            "__annotations__": {name: object},
            name: attrs.field(default=value, converter=lambda given: given),
        }
    made: type[Policy] = attrs.frozen(kw_only=True)(type("House", (Policy,), body))
    return made


_STYLES = [
    "annotated",
    "plain",
    "plain beside a new field",
    "attrs.field",
    "unannotated attrs.field",
    "factory",
    "own converter",
]


@pytest.mark.parametrize("style", _STYLES)
@pytest.mark.parametrize(("name", "value"), _BAD_KNOBS)
def test_a_house_knob_redefined_any_way_keeps_its_check(
    style: str, name: str, value: object
) -> None:
    """Bad input (SPEC): a house default the base refuses is an `InvalidPolicy` naming it."""
    house = _house(style, name, value)
    with pytest.raises(InvalidPolicy) as caught:
        house()
    assert caught.value.field == f"House.{name}"


@pytest.mark.parametrize("style", _STYLES)
def test_a_house_knob_redefined_any_way_takes_its_new_default(style: str) -> None:
    """The new default is the one used, and a bad argument is still refused."""
    house = _house(style, "min_gap", 6)
    assert house().min_gap == 6
    assert house(min_gap=2).min_gap == 2
    with pytest.raises(InvalidPolicy, match=r"House\.min_gap = 0"):
        house(min_gap=0)


def test_a_house_post_init_of_its_own_keeps_the_window_limits() -> None:
    """The 14-day and 2-day limits are checks of their fields, not of `Policy`'s post-init."""

    @attrs.frozen(kw_only=True)
    class Audited(Policy):
        note: str = "ours"

        def __attrs_post_init__(self) -> None:  # a house check, without super()
            if not self.note:
                raise InvalidPolicy("Audited.note", self.note, "must not be empty")

    with pytest.raises(InvalidPolicy, match=r"Audited\.thank_you_within = 20 days"):
        Audited(thank_you_within=timedelta(days=20))
    with pytest.raises(InvalidPolicy, match=r"Audited\.recruiter_debrief_within = 3 days"):
        Audited(recruiter_debrief_within=timedelta(days=3))


@attrs.frozen(kw_only=True)
class _Patient(Policy):
    """A house more patient than every preset."""

    min_gap: int = 7
    max_check_ins: int = 1
    wait_after_deadline: int = 4
    wait_without_deadline: int = 8
    max_contacts_ever: int = 3


def test_cautious_never_loosens_a_house_policy() -> None:
    """`cautious` (000, 001, 002): fewer, wider-spaced contacts than the house, never more."""
    house, careful = _Patient(), _Patient.cautious()
    assert type(careful) is _Patient
    assert careful.max_calls == 0
    assert careful.max_check_ins <= house.max_check_ins
    assert careful.min_gap >= house.min_gap
    assert careful.wait_after_deadline >= house.wait_after_deadline
    assert careful.wait_without_deadline >= house.wait_without_deadline
    assert careful.max_contacts_ever == house.max_contacts_ever
    assert Policy.cautious() == Policy(
        max_calls=0, max_check_ins=2, min_gap=5, wait_after_deadline=3, wait_without_deadline=5
    )


@pytest.mark.parametrize(
    ("name", "changes"),
    [
        ("consensus", {}),
        ("persistent", {"calls_need_invitation": False}),
        ("traditional", {"thank_you_channel": Channel.POSTAL}),
    ],
)
def test_other_presets_change_only_what_they_are_about(name: str, changes: dict[str, Any]) -> None:
    """A preset on a subclass starts from the house's defaults (docs/extending.md)."""
    assert _Patient.preset(name) == attrs.evolve(_Patient(), **changes)
    assert Policy.preset(name) == attrs.evolve(Policy(), **changes)


@attrs.frozen(kw_only=True)
class _Scripted(Policy):
    """A house adding fields that drive its hooks: delays and channels by check-in number."""

    delays: tuple[int, ...] = (0,)
    channels: tuple[Channel, ...] = (Channel.EMAIL,)

    def check_in_day(self, state: FollowupState, earliest: date) -> date:
        return earliest + timedelta(days=self.delays[state.check_ins % len(self.delays)])

    def check_in_channel(self, state: FollowupState) -> Channel:
        return self.channels[state.check_ins % len(self.channels)]


@settings(max_examples=60)
@given(
    interviews(),
    policies(),
    st.lists(st.integers(-5, 30), min_size=1, max_size=3),
    st.lists(st.sampled_from(Channel), min_size=1, max_size=3),
)
def test_hooks_drawn_at_random_keep_every_limit(
    interview: Interview, knobs: Policy, delays: list[int], channels: list[Channel]
) -> None:
    """Invariants 1-9 hold for a house policy whatever its hooks return (clamped)."""
    house = _Scripted(
        **attrs.asdict(knobs, recurse=False), delays=tuple(delays), channels=tuple(channels)
    )
    schedule = plan(interview, house)
    check_all(interview, house, [], schedule)
    assert audit(interview, [action.done() for action in schedule], house) == []


@pytest.mark.parametrize(
    ("write", "field"),
    [
        (lambda: serialize.dumps_toml([1]), "data"),  # type: ignore[arg-type]
        (lambda: serialize.dumps_toml({"min_gap": {"x": object()}}), "data.min_gap"),
        (lambda: serialize.dumps_toml({"when": object()}), "data.when"),
        (lambda: serialize.dumps_json(object()), "value"),
        (lambda: serialize.dumps_json({"a": float("nan"), "b": {1j}}), "value"),
    ],
)
def test_the_dumps_helpers_refuse_what_they_cannot_write(write: Any, field: str) -> None:
    """Never a bare TypeError or AttributeError (SPEC): an `InvalidArgument` naming the input."""
    with pytest.raises(InvalidArgument) as caught:
        write()
    assert caught.value.field == field
    assert isinstance(caught.value, FollowupError) and isinstance(caught.value, ValueError)


def test_a_house_policy_writes_as_toml_and_reads_back() -> None:
    """`dumps_toml` takes a policy (a subclass too) and `policy_from` reads it back."""
    import tomllib

    house = _Patient(min_gap=9)
    data = tomllib.loads(serialize.dumps_toml(house))
    assert serialize.structure(data, _Patient) == house
    assert serialize.policy_from(data) == Policy(**attrs.asdict(house, recurse=False))


_SHAPERS = ("one-call", "preferred-channel", "next-steps", "cards", "feedback-request")


@settings(max_examples=60)
@given(interviews(), policies())
def test_an_action_cites_its_rule_and_only_rules_that_shaped_it(
    interview: Interview, policy: Policy
) -> None:
    """Provenance (docs/rules.md, "An action's sources"): never an article saying nothing of it."""
    allowed_extra = {source for rule in _SHAPERS for source in RULES[rule].sources}
    for action in plan(interview, policy):
        assert action.sources
        assert set(action.sources) <= set(RULES[action.rule].sources) | allowed_extra, (
            action.rule,
            action.sources,
        )


@st.composite
def _house_policies(draw: st.DrawFn) -> Policy:
    """A house policy: drawn knobs, and hooks driven by fields it adds."""
    knobs = draw(policies())
    return _Scripted(
        **attrs.asdict(knobs, recurse=False),
        delays=tuple(draw(st.lists(st.integers(-3, 12), min_size=1, max_size=3))),
        channels=tuple(draw(st.lists(st.sampled_from(Channel), min_size=1, max_size=3))),
    )


def _step(action: Any) -> tuple[object, ...]:
    return (
        action.rule,
        action.kind,
        action.channel,
        getattr(action.recipient, "name", None),
        action.suggested,
        action.latest,
    )


class HouseLivesWithTheAgenda(CandidateLivesWithTheAgenda):
    """The stateful test of tests/test_stateful.py with house policies (SPEC invariants 1-12),
    and invariant 10 checked at every step done as planned."""

    @initialize(interview=interviews(), policy=_house_policies(), with_id=st.booleans())
    def meet(self, interview: Interview, policy: Policy, with_id: bool) -> None:
        super().meet(interview, policy, with_id)

    @rule()
    def does_the_next_step_as_planned(self) -> None:
        """Invariant 10: the rest of the plan is the plan after the step is done as planned."""
        before = list(self.current())
        if not before:
            return
        self.log(before[0].done())
        after = list(self.current())
        # Seen from a now, a window already open starts at now, and steps suggested
        # for the same moment are ordered by their (now later) opening: the same
        # steps at the same moments, their order among equals aside.
        assert [a.suggested for a in after] == [a.suggested for a in before[1:]]
        assert sorted(map(repr, map(_step, after))) == sorted(map(repr, map(_step, before[1:])))


HouseLivesWithTheAgenda.TestCase.settings = settings(max_examples=25, stateful_step_count=15)
TestHouseLivesWithTheAgenda = HouseLivesWithTheAgenda.TestCase
