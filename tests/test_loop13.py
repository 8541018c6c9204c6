"""What the daily-loop trial loop12 found (F7), and a pronoun mix: every e-mailed step is
suggested when the candidate is awake, if its window (and the recipient's send window)
allows; the details asked for after a remote interview say one pronoun per person."""

from __future__ import annotations

from datetime import datetime, time, timedelta, tzinfo

import attrs
import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Outcome,
    Policy,
    Update,
    plan,
    render,
    rules,
)
from followup_rules import _calendar as cal
from followup_rules._languages import language
from followup_rules.messages import template_context

from .strategies import ZONES, interviews

HOWE = "Australia/Lord_Howe"
DENVER = "America/Denver"
WAKES, SLEEPS = rules.CANDIDATE_DAY
QUARTER = timedelta(minutes=15)


def _awake(instant: datetime, home: tzinfo) -> bool:
    local = instant.astimezone(home).time().replace(tzinfo=None)
    return WAKES <= local <= SLEEPS


def _in_hours(instant: datetime, start: time, end: time, tz: tzinfo) -> bool:
    local = instant.astimezone(tz)
    return start <= local.time().replace(tzinfo=None) <= end


def _awake_moment_left(step: Action, iv: Interview, policy: Policy) -> datetime | None:
    """A quarter-hour moment from the step's suggested moment to its deadline, in the
    recipient's send window on a business day (or, when the suggestion is outside that
    window, the recipient's waking hours that day, as `rules.sending_moment` allows), at
    which the candidate is awake; None when there is none.  Counted by brute force, the
    planner's rule not used."""
    home = iv.zone_of(iv.candidate)
    tz = rules.step_zone(step, iv)
    _, latest, suggested = step._utc
    hours = policy.send_window
    outside = not (
        _in_hours(suggested, hours.start, hours.end, tz)
        and cal.is_business_day(suggested.astimezone(tz).date(), policy.business_holidays)
    )
    first_day = suggested.astimezone(tz).date()
    at = suggested
    while at <= latest:
        local_day = at.astimezone(tz).date()
        sendable = _in_hours(at, hours.start, hours.end, tz) and cal.is_business_day(
            local_day, policy.business_holidays
        )
        waking = (
            outside
            and local_day == first_day
            and _in_hours(at, WAKES, SLEEPS, tz)
            and _in_hours(suggested, WAKES, SLEEPS, tz)
        )
        if (sendable or waking) and _awake(at, home):
            return at
        # the next quarter hour of UTC (every zone's offset is a whole number of them)
        at = datetime.fromtimestamp((int(at.timestamp()) // 900 + 1) * 900, tz=at.tzinfo)
    return None


def _emails(steps: list[Action]) -> list[Action]:
    return [a for a in steps if a.channel is Channel.EMAIL]


class TestEveryEmailIsSuggestedWhenTheCandidateIsAwake:
    """loop12 F7: a Lord Howe candidate, a Denver panel: the thank-you was suggested at
    02:00 theirs (08:00 in Denver) and the feedback request at 01:00, though the send
    window ran to 11:00/10:00 theirs.  Check-ins already moved (loop8 8)."""

    @staticmethod
    def _interview() -> Interview:
        return Interview(
            pendulum.datetime(2026, 3, 4, 16, tz=DENVER),
            "Aspen Systems",
            "Platform Engineer",
            [Interviewer("Dana Brooks", email="dana@aspen.example")],
            decision_by="in two weeks",
            candidate=Candidate("Camille Roux", email="camille@example.com", timezone=HOWE),
        )

    def test_the_lord_howe_candidate_s_thank_you(self) -> None:
        iv = self._interview()
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        # the same window as before: Denver's send window the next morning, then 24 hours
        assert note.suggested.in_timezone(HOWE).time() == time(7)
        assert note.suggested.in_timezone(DENVER).time() == time(13)
        assert note.earliest <= note.suggested <= note.latest
        assert note.latest == iv.ends_at + Policy().thank_you_within

    def test_the_lord_howe_candidate_s_feedback_request(self) -> None:
        iv = self._interview()
        news = Update(pendulum.datetime(2026, 3, 20, 9, tz=DENVER), Outcome.REJECTED)
        steps = plan(iv, history=[news])
        ask = next(a for a in steps if a.kind is ActionKind.FEEDBACK_REQUEST)
        assert ask.suggested.in_timezone(HOWE).time() == time(7)
        assert ask.earliest.in_timezone(HOWE).time() < time(7)  # the window itself stays
        assert ask.earliest <= ask.suggested <= ask.latest

    def test_a_late_note_too(self) -> None:
        """A thank-you planned again after its window closed (its late window)."""
        iv = self._interview()
        now = iv.ends_at + timedelta(days=1, hours=1)
        note = next(a for a in plan(iv, now=now) if a.kind is ActionKind.THANK_YOU)
        assert note.late_since is not None
        assert note.earliest <= note.suggested <= note.latest
        assert _awake(note.suggested, pendulum.timezone(HOWE))

    @settings(max_examples=150, deadline=None)
    @given(
        iv=interviews(),
        home=st.sampled_from(ZONES),
        policy=st.sampled_from([Policy(), Policy.preset("cautious"), Policy.preset("persistent")]),
        rejected=st.booleans(),
    )
    def test_no_email_in_the_candidate_s_night_when_awake_hours_fit(
        self, iv: Interview, home: str, policy: Policy, rejected: bool
    ) -> None:
        iv = attrs.evolve(iv, candidate=Candidate("Sam Lee", timezone=home))
        history = []
        if rejected:
            history = [Update(iv.ends_at + timedelta(days=3), Outcome.REJECTED)]
        steps = plan(iv, policy, history=history)
        assert plan(iv, policy, history=history) == steps  # deterministic
        zone = iv.zone_of(iv.candidate)
        for step in _emails(list(steps)):
            assert step.earliest <= step.suggested <= step.latest, step
            if _awake(step.suggested, zone):
                continue
            assert _awake_moment_left(step, iv, policy) is None, (step, home)


class TestOnePronounPerPerson:
    """The details the close asks for after a remote interview said "her phone number and
    the exact title they use": one pronoun for one person, in all four languages."""

    @pytest.mark.parametrize(
        ("honorific", "their"), [("Ms.", "her"), ("Mr.", "his"), (None, "their")]
    )
    def test_english(self, honorific: str | None, their: str) -> None:
        for email, phone, title in [(e, p, t) for e in (0, 1) for p in (0, 1) for t in (0, 1)]:
            text = language("en").card_details(bool(email), bool(phone), bool(title), their)
            others = {"his", "her", "their", "they", "them", "he", "she"} - {their}
            assert not others & set(text.replace(",", "").split()), text
        robin = Interviewer("Robin Keller", honorific=honorific)
        iv = Interview(
            pendulum.datetime(2026, 7, 7, 14, tz=DENVER),
            "Hooli",
            "Data Engineer",
            [robin],
            format="video",
        )
        close = next(a for a in plan(iv) if a.template == "closing_statement")
        details = template_context(close, iv)["unknown_details"]
        assert details == f"{their} email address, {their} phone number and {their} exact title"

    @pytest.mark.parametrize("locale", ["de", "fr", "es"])
    def test_the_other_languages(self, locale: str) -> None:
        """German names no owner; French says "son"/"sa", Spanish "su": one person's."""
        words = language(locale).card_details(True, True, True, "her")
        mixed = {"de": ("ihre", "seine", "ihrer"), "fr": ("leur",), "es": ("sus",)}[locale]
        assert not any(word in words.split() for word in mixed), words
        iv = Interview(
            pendulum.datetime(2026, 7, 7, 14, tz=DENVER),
            "Hooli",
            "Data Engineer",
            [Interviewer("Robin Keller", honorific="Ms.")],
            format="video",
            candidate=Candidate("Sam Lee", language=locale),
        )
        close = next(a for a in plan(iv) if a.template == "closing_statement")
        assert words in render(close, iv).text
