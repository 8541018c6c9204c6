"""Hypothesis strategies: interviews, policies and histories across zones and DST."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from typing import Any

import pendulum
from hypothesis import strategies as st

from followup_rules import (
    Action,
    Candidate,
    Channel,
    Event,
    Interview,
    Interviewer,
    InterviewFormat,
    Message,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Salutation,
    TimeWindow,
    Update,
    plan,
    render,
)

# Zones with DST on both hemispheres, half-hour and 45-minute offsets, a
# 30-minute DST (Lord Howe), zones without DST, and the date line.
ZONES = (
    "UTC",
    "America/New_York",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "America/Santiago",
    "America/St_Johns",
    "Europe/London",
    "Europe/Berlin",
    "Africa/Casablanca",
    "Asia/Kolkata",
    "Asia/Kathmandu",
    "Asia/Tokyo",
    "Asia/Tehran",
    "Australia/Sydney",
    "Australia/Lord_Howe",
    "Pacific/Auckland",
    "Pacific/Chatham",
    "Pacific/Kiritimati",
)

# Days around DST changes and the year end, where off-by-one-day bugs live.
_HOT_DAYS = (
    date(2024, 3, 8),  # US spring forward on the 10th
    date(2024, 3, 29),  # EU spring forward on the 31st
    date(2024, 4, 5),  # AU fall back on the 7th
    date(2024, 9, 27),  # AU/NZ spring forward
    date(2024, 10, 25),  # EU fall back on the 27th
    date(2024, 11, 1),  # US fall back on the 3rd
    date(2024, 12, 27),  # year end
    date(2025, 12, 29),
    date(2026, 3, 6),
    date(2026, 10, 23),
)

zones = st.sampled_from(ZONES)


# Vague timeframes the parser reads (seed 001: "or they could be less exact").
PHRASES = (
    "in a couple of weeks",
    "by the end of the month",
    "early next week",
    "by Friday",
    "within 10 days",
    "next week",
)
NAMES = ("Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi", "Émile Roy", "Fatima Zahra", "Gus")


# The strategies an interview is drawn from are built once, here, not inside each
# draw: a strategy built anew is validated anew on its first draw, and that
# validation was most of the time of the property tests (issue 20, ci30).  The
# draws are the same ones in the same order, so the examples are the same.
_days = st.one_of(
    st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
    st.builds(
        lambda base, shift: base + timedelta(days=shift),
        st.sampled_from(_HOT_DAYS),
        st.integers(-3, 4),
    ),
)
_hours = st.integers(6, 20)
_minutes = st.sampled_from((0, 15, 30, 45))


@st.composite
def local_starts(draw: st.DrawFn, tz_name: str) -> pendulum.DateTime:
    """A local start time in *tz_name*, often close to a DST change or a year end."""
    day = draw(_days)
    hour = draw(_hours)
    minute = draw(_minutes)
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz_name)


def _mailbox(name: str) -> str:
    """An ASCII mailbox from a first name ("Émile Roy" -> "emile"): no SMTPUTF8 in exports."""
    first = unicodedata.normalize("NFKD", name.split()[0].lower())
    return first.encode("ascii", "ignore").decode("ascii")


_names = st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True)
_titles = st.none() | st.sampled_from(("CTO", "Hiring Manager"))
_phones = st.none() | st.just("+1 555 0100") | st.just("+61 2 5550 0100")
_honorifics = st.none() | st.sampled_from(("Dr.", "Ms.", "Mr.", "Mx.", "Ms. Dr."))
_parts = st.none() | st.just("the tour of the lab")
_topics = st.sampled_from(((), ("the data platform",)))
_requested = st.sampled_from(((), ("two code samples",)))
_addresses = st.none() | st.just("2 Side Street, Springfield")
_channels = st.none() | st.sampled_from((Channel.EMAIL, Channel.PHONE))
_zones_or_none = st.none() | zones
_emails = {name: st.none() | st.just(f"{_mailbox(name)}@example.com") for name in NAMES}


@st.composite
def interviewers(draw: st.DrawFn, tz_name: str) -> tuple[Interviewer, ...]:
    names = draw(_names)
    people = []
    for name in names:
        people.append(
            Interviewer(
                name,
                title=draw(_titles),
                email=draw(_emails[name]),
                phone=draw(_phones),
                honorific=draw(_honorifics),
                part=draw(_parts),
                topics=draw(_topics),
                requested=draw(_requested),
                address=draw(_addresses),
                preferred_channel=draw(_channels),
                timezone=draw(_zones_or_none),
            )
        )
    return tuple(people)


_deadlines = st.none() | st.integers(0, 30) | st.sampled_from(PHRASES)
_durations = st.sampled_from((20, 45, 60, 90, 240))
_agency_recruiters = (
    st.none()
    | st.just(Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199"))
    | st.just(Recruiter("Rita Cole", email="rita@agency.example"))
)
_formats = st.sampled_from(InterviewFormat)
_main_street = st.none() | st.just("1 Main Street, Springfield")


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    """1-6 interviewers in mixed zones, with or without deadline, recruiter, invitation."""
    tz_name = draw(zones)
    starts_at = draw(local_starts(tz_name))
    people = draw(interviewers(tz_name))
    deadline = draw(_deadlines)
    return Interview(
        starts_at,
        "Acme",
        "Engineer",
        people,
        duration=timedelta(minutes=draw(_durations)),
        decision_by=(
            deadline
            if deadline is None or isinstance(deadline, str)
            else starts_at.date() + timedelta(days=deadline)
        ),
        recruiter=draw(
            _agency_recruiters
            # an in-house recruiter who also interviewed: an employer contact
            | st.sampled_from(people).map(lambda p: Recruiter(p.name.upper(), phone="+1 555 0101"))
        ),
        candidate=draw(st.none() | st.just(Candidate("Sam Lee", timezone=draw(_zones_or_none)))),
        contact=draw(st.sampled_from([None] + [p.name for p in people])),
        invited_to_call=draw(st.booleans()),
        format=draw(_formats),
        address=draw(_main_street),
    )


# Sub-minute parts of a time or a duration: none, whole seconds, or any microsecond.
_fine_parts = st.one_of(
    st.just(timedelta(0)),
    st.integers(1, 59).map(lambda seconds: timedelta(seconds=seconds)),
    st.integers(1, 60 * 10**6 - 1).map(lambda micro: timedelta(microseconds=micro)),
)


def _plus(moment: time, shift: timedelta) -> time:
    whole = datetime.combine(date(2000, 1, 1), moment) + shift
    return whole.time()


@st.composite
def windows(draw: st.DrawFn, earliest_hour: int, latest_hour: int) -> TimeWindow:
    """Quarter-hour windows, sometimes with seconds or microseconds at either edge.

    The shortest is one microsecond (``08:00:00.000001-08:00:00.000002``).
    """
    start = draw(st.integers(earliest_hour * 4, latest_hour * 4 - 1))
    length = draw(st.integers(1, 16))
    end = min(start + length, 24 * 4 - 1)
    opens = _plus(time(start // 4, start % 4 * 15), draw(_fine_parts))
    closes = _plus(time(end // 4, end % 4 * 15), draw(_fine_parts))
    if draw(st.integers(0, 9)) == 0:
        closes = _plus(opens, timedelta(microseconds=draw(st.integers(1, 10**6))))
    return TimeWindow(opens, closes)


# Countries for `Policy.holidays`: Monday-to-Friday ones, and every other
# weekend the ``holidays`` package knows: Friday-Saturday (Israel; Kelantan,
# unlike the rest of Malaysia), Friday only (Iran), Sunday only (Hong Kong),
# Friday and Sunday (Brunei), and one that moved it (the Emirates: Friday-
# Saturday until 2021, Saturday-Sunday since 2022).
WEEKEND_COUNTRIES = ("IL", ("MY", "03"), "IR", "HK", "BN", "AE")
HOLIDAYS = (None,) * 5 + ("US", ("DE", "BY"), "JP") + WEEKEND_COUNTRIES


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Any valid policy, knob by knob; sometimes with public holidays.

    Windows and durations sometimes have seconds or microseconds (``PT1.5S``).
    """
    return Policy(
        thank_you_within=timedelta(hours=draw(st.integers(1, 72))) + draw(_fine_parts),
        thank_you_channel=draw(st.sampled_from((Channel.EMAIL, Channel.POSTAL))),
        thank_you_each_interviewer=draw(st.booleans()),
        recruiter_debrief_within=timedelta(minutes=draw(st.integers(10, 8 * 60)))
        + draw(_fine_parts),
        wait_after_deadline=draw(st.integers(1, 10)),
        wait_without_deadline=draw(st.integers(1, 10)),
        min_gap=draw(st.integers(1, 7)),
        max_check_ins=draw(st.integers(0, 5)),
        max_contacts_ever=draw(st.integers(0, 8)),
        mail_card_immediately=draw(st.booleans()),
        salutation=draw(st.sampled_from(Salutation)),
        max_calls=draw(st.integers(0, 3)),
        calls_need_invitation=draw(st.booleans()),
        call_window=draw(windows(7, 16)),
        send_window=draw(windows(0, 20)),
        respect_preferred_channel=draw(st.booleans()),
        ask_feedback_on_rejection=draw(st.booleans()),
        feedback_response_within=draw(st.integers(1, 5)),
        thank_you_late_within=draw(st.integers(0, 4)),
        recruiter_debrief_late_within=draw(st.integers(0, 3)),
        follow_up_late_within=draw(st.integers(0, 25)),
        holidays=draw(st.sampled_from(HOLIDAYS)),
    )


any_policy = st.one_of(
    st.just(Policy()),
    st.sampled_from(("cautious", "persistent", "traditional")).map(Policy.preset),
    policies(),
)


def moment(value: datetime) -> pendulum.DateTime:
    return pendulum.instance(value)


# -- conversations: what a candidate sends, step by step, and what the employer answers ----------

MOVES = ("act", "act", "act", "reply", "undecided", "away", "round")
"""The moves of a conversation, drawn one by one: the candidate does the next step
(three times as likely), or the employer replies, says "no decision yet", is away,
or arranges a next round."""

_VOICEMAIL_OR_NOT = st.booleans().map(lambda left: {"voicemail": left})
_DAYS_OR_NONE = st.none() | st.integers(1, 20)


def converse(
    draw: st.DrawFn,
    iv: Interview,
    policy: Policy,
    *,
    turns: int,
    moves: tuple[str, ...] = MOVES,
    new_dates: st.SearchStrategy[Any] = _DAYS_OR_NONE,
    calls: st.SearchStrategy[dict[str, Any]] = _VOICEMAIL_OR_NOT,
    details: Mapping[str, str] | None = None,
) -> tuple[list[tuple[Action, Message]], list[Event]]:
    """What the candidate of *iv* sends, step by step, and the history it leaves.

    Up to *turns* moves (see `MOVES`): each step is done when the plan of the
    history so far offers it, its message written then; the employer's answers
    fall between, one hour to six days later.  "No decision yet" gives a new date
    drawn from *new_dates* (days from the news, a phrase, or none); a call's outcome
    is drawn from *calls*.  Then the messages still planned are written too.
    *details* go to every `render` (a feedback answer's text, say).
    """
    extra = dict(details or {})
    history: list[Event] = []
    sent: list[tuple[Action, Message]] = []
    now = iv.starts_at
    for _ in range(draw(st.integers(1, turns))):
        move = draw(st.sampled_from(moves))
        if move == "act":
            action = plan(iv, policy, history=history).next(now)
            if action is None:
                break
            now = max(now, action.earliest)
            if action.template is not None:
                sent.append((action, render(action, iv, **extra)))
            how = draw(calls) if action.channel is Channel.PHONE else {}
            history.append(action.done(now, **how))
            continue
        now = now + timedelta(hours=draw(st.integers(1, 24 * 6)))
        if move == "reply":
            history.append(Reply(now))
        elif move == "away":
            history.append(OutOfOffice(now, now.date() + timedelta(days=3)))
        elif move == "round":
            history.append(Update(now, Outcome.NEXT_ROUND))
        else:
            new = draw(new_dates)
            if isinstance(new, int):
                new = now.date() + timedelta(days=new)
            history.append(Update(now, Outcome.UNDECIDED, new))
    planned = plan(iv, policy, history=history)
    sent += [(a, render(a, iv, **extra)) for a in planned if a.template is not None]
    return sent, history
