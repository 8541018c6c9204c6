"""Hypothesis strategies: interviews, policies and histories across zones and DST."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timedelta

import pendulum
from hypothesis import strategies as st

from followup_rules import (
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Policy,
    Recruiter,
    TimeWindow,
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
NAMES = ("Ana Ruiz", "Bo Chen", "Chidi Okafor", "Dana Levi", "Émile Roy", "Fatima Zahra", "Gus")


@st.composite
def local_starts(draw: st.DrawFn, tz_name: str) -> pendulum.DateTime:
    """A local start time in *tz_name*, often close to a DST change or a year end."""
    day = draw(
        st.one_of(
            st.dates(min_value=date(2020, 1, 1), max_value=date(2032, 12, 31)),
            st.builds(
                lambda base, shift: base + timedelta(days=shift),
                st.sampled_from(_HOT_DAYS),
                st.integers(-3, 4),
            ),
        )
    )
    hour = draw(st.integers(6, 20))
    minute = draw(st.sampled_from((0, 15, 30, 45)))
    return pendulum.datetime(day.year, day.month, day.day, hour, minute, tz=tz_name)


def _mailbox(name: str) -> str:
    """An ASCII mailbox from a first name ("Émile Roy" -> "emile"): no SMTPUTF8 in exports."""
    first = unicodedata.normalize("NFKD", name.split()[0].lower())
    return first.encode("ascii", "ignore").decode("ascii")


@st.composite
def interviewers(draw: st.DrawFn, tz_name: str) -> tuple[Interviewer, ...]:
    names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=6, unique=True))
    people = []
    for name in names:
        people.append(
            Interviewer(
                name,
                title=draw(st.none() | st.sampled_from(("CTO", "Hiring Manager"))),
                email=draw(st.none() | st.just(f"{_mailbox(name)}@example.com")),
                phone=draw(st.none() | st.just("+1 555 0100")),
                preferred_channel=draw(
                    st.none() | st.sampled_from((Channel.EMAIL, Channel.PHONE))
                ),
                timezone=draw(st.none() | zones),
            )
        )
    return tuple(people)


@st.composite
def interviews(draw: st.DrawFn) -> Interview:
    """1-6 interviewers in mixed zones, with or without deadline, recruiter, invitation."""
    tz_name = draw(zones)
    starts_at = draw(local_starts(tz_name))
    people = draw(interviewers(tz_name))
    deadline = draw(st.none() | st.integers(0, 30))
    return Interview(
        starts_at,
        "Acme",
        "Engineer",
        people,
        duration=timedelta(minutes=draw(st.sampled_from((20, 45, 60, 90, 240)))),
        decision_by=None if deadline is None else starts_at.date() + timedelta(days=deadline),
        recruiter=draw(st.none() | st.just(Recruiter("Rita Cole", agency="SelecSource"))),
        candidate=draw(
            st.none() | st.just(Candidate("Sam Lee", timezone=draw(st.none() | zones)))
        ),
        contact=draw(st.sampled_from([None] + [p.name for p in people])),
        invited_to_call=draw(st.booleans()),
    )


@st.composite
def windows(draw: st.DrawFn, earliest_hour: int, latest_hour: int) -> TimeWindow:
    start = draw(st.integers(earliest_hour * 4, latest_hour * 4 - 1))
    length = draw(st.integers(1, 16))
    end = min(start + length, 24 * 4 - 1)
    return TimeWindow(time(start // 4, start % 4 * 15), time(end // 4, end % 4 * 15))


@st.composite
def policies(draw: st.DrawFn) -> Policy:
    """Any valid policy, knob by knob; sometimes with public holidays."""
    return Policy(
        thank_you_within=timedelta(hours=draw(st.integers(1, 72))),
        thank_you_channel=draw(st.sampled_from((Channel.EMAIL, Channel.POSTAL))),
        thank_you_each_interviewer=draw(st.booleans()),
        recruiter_debrief_within=timedelta(minutes=draw(st.integers(10, 8 * 60))),
        wait_after_deadline=draw(st.integers(1, 10)),
        wait_without_deadline=draw(st.integers(1, 10)),
        min_gap=draw(st.integers(1, 7)),
        max_check_ins=draw(st.integers(0, 5)),
        max_calls=draw(st.integers(0, 3)),
        calls_need_invitation=draw(st.booleans()),
        call_window=draw(windows(7, 16)),
        send_window=draw(windows(0, 20)),
        respect_preferred_channel=draw(st.booleans()),
        ask_feedback_on_rejection=draw(st.booleans()),
        feedback_response_within=draw(st.integers(1, 5)),
        holidays=draw(st.sampled_from((None, None, None, "US", ("DE", "BY"), "JP"))),
    )


any_policy = st.one_of(
    st.just(Policy()),
    st.sampled_from(("cautious", "persistent", "traditional")).map(Policy.preset),
    policies(),
)


def moment(value: datetime) -> pendulum.DateTime:
    return pendulum.instance(value)
