"""What the twentieth mutation pass found untested in `rules`, `plan` and `export`: where
an e-mail is suggested when the candidate sleeps at the moment first chosen
(`rules.awake_suggestion`, through the recruiter's debrief, the thank-you and the answer
to a request for feedback, and on its own), the e-mail of requested items to someone in
a far zone, a note seen later whose next window opens at its deadline, and the
summer-time parts of a calendar's time zone."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Fallback,
    Interview,
    Interviewer,
    Outcome,
    Policy,
    Recruiter,
    Snooze,
    TemplatePack,
    Update,
    action_ids,
    plan,
    rules,
)
from followup_rules import _calendar as cal
from followup_rules.export import to_ics
from followup_rules.messages import default_pack

from .factories import ANA, NY, at, interview, of_kind

# November 2026: New York keeps EST (UTC-5) and Sydney its summer time (UTC+11).
# Tue 17, Wed 18; Sat 21, Sun 22; Wed 25, Thanksgiving Thu 26, Fri 27.
SINGAPORE = "Asia/Singapore"  # 13 hours ahead of New York: 07:00 there is 18:00 in New York
TOKYO = "Asia/Tokyo"  # 14 hours ahead: 07:00 there is 17:00 in New York
SYDNEY = "Australia/Sydney"  # 16 hours ahead: 07:00 there is 15:00 in New York
BANGKOK = "Asia/Bangkok"  # 12 hours ahead: 07:00 there is 19:00 in New York
KARACHI = "Asia/Karachi"  # 10 hours ahead: 07:00 there is 21:00 in New York
HALIFAX = "America/Halifax"  # 1 hour ahead: 07:00 there is 06:00 in New York


def _ny(day: int, hour: int, minute: int = 0) -> Any:
    return at(2026, 11, day, hour, minute)


def _to_dan(home: str | None) -> Interview:
    """Monday 16 November 2026 in New York with Dan Park; the candidate lives in *home*."""
    candidate = Candidate("Léa Martin", email="lea@example.com", timezone=home)
    return Interview(
        _ny(16, 10),
        "Hooli",
        "Data Engineer",
        [Interviewer("Dan Park", email="dan@hooli.example")],
        candidate=candidate,
    )


def _suggested(
    home: str | None,
    moment: Any,
    latest: Any,
    policy: Policy | None = None,
    stretch: tuple[Any, Any] | None = None,
) -> Any:
    """`rules.awake_suggestion` of an e-mail to Dan, in New York, from a candidate in *home*
    (None: New York too), given pendulum instants; the answer as a pendulum instant."""
    iv = _to_dan(home)
    tz = iv.zone_of(iv.interviewers[0])
    got = rules.awake_suggestion(
        cal.utc(moment),
        cal.utc(latest),
        tz,
        iv,
        policy or Policy(),
        None if stretch is None else (cal.utc(stretch[0]), cal.utc(stretch[1])),
    )
    return pendulum.instance(got).in_timezone(NY)


class TestInTheRecipientsSendWindow:
    """A moment in New York's send window (08:00-17:00 on a business day) while the
    candidate sleeps: the first moment of that window, or of the next ones by the deadline,
    at which they are awake; the moment itself when there is none."""

    def test_they_wake_after_it_closes_so_the_next_morning_s_window(self) -> None:
        """16:00 on Tuesday is 05:00 in Singapore; they wake at 18:00 New York time, after
        the window: Wednesday 08:00 (21:00 theirs), not Tuesday evening."""
        assert _suggested(SINGAPORE, _ny(17, 16), _ny(18, 17)) == _ny(18, 8)

    def test_a_deadline_at_that_window_s_opening_still_allows_it(self) -> None:
        assert _suggested(SINGAPORE, _ny(17, 16), _ny(18, 8)) == _ny(18, 8)

    def test_a_deadline_before_it_leaves_the_moment_itself(self) -> None:
        assert _suggested(SINGAPORE, _ny(17, 16), _ny(18, 7, 59)) == _ny(17, 16)

    def test_they_wake_as_it_closes_so_its_last_moment(self) -> None:
        """07:00 in Tokyo is 17:00 in New York, the window's last moment: suggested then."""
        assert _suggested(TOKYO, _ny(17, 16), _ny(18, 17)) == _ny(17, 17)

    def test_the_next_window_skips_a_public_holiday(self) -> None:
        """With the US holidays, Thanksgiving has no send window: from Wednesday afternoon
        the next one a Singapore candidate is awake in is Friday's."""
        policy = Policy(holidays="US")
        assert _suggested(SINGAPORE, _ny(25, 16), _ny(27, 17), policy) == _ny(27, 8)

    @pytest.mark.parametrize("hour", [9, 12])
    def test_a_window_wholly_in_their_night_leaves_the_moment_at_either_edge(
        self, hour: int
    ) -> None:
        """A 09:00-12:00 window is 01:00-04:00 in Sydney, every day: from its opening or
        its close, no moment of it by Thursday is in their day; not 15:00 New York time
        (07:00 theirs), which is outside it."""
        policy = Policy(send_window="09:00-12:00")
        assert _suggested(SYDNEY, _ny(17, hour), _ny(19, 11), policy) == _ny(17, hour)


class TestOutsideTheSendWindow:
    """A moment outside the send window (or on a day off) in New York's waking hours, as
    `rules.sending_moment` falls back on: the first moment of those hours that day at which
    the candidate is awake."""

    def test_a_saturday_morning(self) -> None:
        """Sat 10:00 is 23:00 in Singapore; they wake at 18:00 New York time, Saturday."""
        assert _suggested(SINGAPORE, _ny(21, 10), _ny(22, 10)) == _ny(21, 18)

    def test_a_saturday_from_07_00(self) -> None:
        """The waking hours' first moment, 07:00 (23:00 in Sydney): 15:00 that day."""
        assert _suggested(SYDNEY, _ny(21, 7), _ny(22, 7)) == _ny(21, 15)

    def test_a_public_holiday_is_no_business_day(self) -> None:
        """Thanksgiving 10:00, with the US holidays: as on a Saturday, 18:00 that day; not
        Friday's send window."""
        policy = Policy(holidays="US")
        assert _suggested(SINGAPORE, _ny(26, 10), _ny(27, 10), policy) == _ny(26, 18)

    def test_a_weekday_evening(self) -> None:
        """Tue 18:00 (06:00 in Bangkok): 19:00, when they wake; not Wednesday's window."""
        assert _suggested(BANGKOK, _ny(17, 18), _ny(18, 18)) == _ny(17, 19)

    def test_a_weekday_evening_already_wednesday_in_utc(self) -> None:
        """Tue 20:00 is Wednesday 01:00 UTC and 06:00 in Karachi: the day is New York's,
        Tuesday, so 21:00 that evening."""
        assert _suggested(KARACHI, _ny(17, 20), _ny(18, 20)) == _ny(17, 21)


class TestInTheRecipientsNight:
    def test_only_its_moment_then_their_send_windows(self) -> None:
        """05:00 in New York (06:00 in Halifax, asleep) is a stretch of its own: the
        candidate wakes at 06:00 New York time, still New York's night, so 08:00."""
        assert _suggested(HALIFAX, _ny(18, 5), _ny(18, 12)) == _ny(18, 8)

    def test_on_the_candidate_s_own_clock_too(self) -> None:
        """A New York candidate writing to New York at 22:30: the next morning's window."""
        assert _suggested(None, _ny(17, 22, 30), _ny(18, 10)) == _ny(18, 8)


class TestAStretchGiven:
    def test_past_a_stretch_closing_before_the_deadline_the_next_windows(self) -> None:
        """Given the rest of Tuesday's window, 16:00-17:00, and a deadline on Wednesday, a
        Singapore candidate asleep through it gets Wednesday's opening."""
        stretch = (_ny(17, 16), _ny(17, 17))
        assert _suggested(SINGAPORE, _ny(17, 16), _ny(18, 17), stretch=stretch) == _ny(18, 8)


RITA = Recruiter("Rita Cole", agency="SelecSource", email="rita@agency.example", timezone=NY)
"""An agency recruiter in New York (her own zone: without one she keeps the candidate's
clock) with an e-mail address and no telephone number."""


def _debrief(iv: Interview, policy: Policy) -> Any:
    (debrief,) = of_kind(plan(iv, policy), ActionKind.RECRUITER_DEBRIEF)
    return debrief


class TestTheRecruitersEmailWhenTheCandidateSleeps:
    def test_the_evening_email_to_a_recruiter_on_the_candidate_s_clock(self) -> None:
        """An interview ending at 22:00 in New York, everyone there: the debrief e-mail,
        due within 12 hours, is suggested at 08:00 the next morning, not at 22:15."""
        rita = attrs.evolve(RITA, phone="+1 404 555 0199")
        iv = interview(starts_at=at(2024, 7, 2, 21), recruiter=rita)
        debrief = _debrief(iv, Policy(recruiter_debrief_within=timedelta(hours=12)))
        assert (debrief.channel, debrief.facts.fallback) == (Channel.EMAIL, Fallback.AFTER_HOURS)
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            at(2024, 7, 2, 22),
            at(2024, 7, 3, 10),
            at(2024, 7, 3, 8),
        )

    def test_the_evening_email_from_a_london_candidate(self) -> None:
        """Ending at 20:30 New York time (01:30 in London): suggested at 08:00 New York
        time, 13:00 theirs, within the 12 hours."""
        rita = attrs.evolve(RITA, phone="+1 404 555 0199")
        london = Candidate("Léa Martin", email="lea@example.com", timezone="Europe/London")
        iv = interview(starts_at=at(2024, 7, 2, 19, 30), recruiter=rita, candidate=london)
        debrief = _debrief(iv, Policy(recruiter_debrief_within=timedelta(hours=12)))
        assert debrief.channel is Channel.EMAIL
        assert (debrief.latest, debrief.suggested) == (at(2024, 7, 3, 8, 30), at(2024, 7, 3, 8))

    def test_an_email_for_want_of_a_number_from_a_sydney_candidate(self) -> None:
        """No number: the debrief is an e-mail in Rita's business hours, from 11:00 to
        17:00 (within 8 hours, cut at the close); the Sydney candidate wakes at 17:00 New
        York time (07:00 theirs), its last moment."""
        sydney = Candidate("Léa Martin", email="lea@example.com", timezone=SYDNEY)
        iv = interview(starts_at=at(2024, 7, 2, 10), recruiter=RITA, candidate=sydney)
        debrief = _debrief(iv, Policy(recruiter_debrief_within=timedelta(hours=8)))
        assert (debrief.channel, debrief.facts.fallback) == (Channel.EMAIL, Fallback.NO_PHONE)
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            at(2024, 7, 2, 11),
            at(2024, 7, 2, 17),
            at(2024, 7, 2, 17),
        )


class TestTheCandidatesOwnClock:
    def test_a_send_window_opening_before_they_wake_moves_the_thank_you(self) -> None:
        """Everyone in New York, a 06:00-12:00 send window: after a 20:00-21:00 interview
        the notes go at 07:00, when the candidate is awake, not at 06:00."""
        iv = interview(starts_at=at(2024, 7, 2, 20))
        notes = of_kind(plan(iv, Policy(send_window="06:00-12:00")), ActionKind.THANK_YOU)
        assert len(notes) == 2
        assert {note.suggested for note in notes} == {at(2024, 7, 3, 7)}


class TestTheAnswerToTheirRequestForFeedback:
    def test_asked_in_the_candidate_s_night(self) -> None:
        """Ana asks for feedback at 09:00 on Mon 8 July 2024 (23:00 in Sydney): the answer
        is due by Wednesday 17:00 and suggested at 17:00 that Monday, 07:00 in Sydney."""
        sydney = Candidate("Léa Martin", email="lea@example.com", timezone=SYDNEY)
        iv = interview(candidate=sydney)
        notes = [a.done() for a in of_kind(plan(iv), ActionKind.THANK_YOU)]
        history = [*notes, Update(at(2024, 7, 8, 9), Outcome.FEEDBACK_REQUESTED)]
        (answer,) = of_kind(plan(iv, history=history), ActionKind.FEEDBACK_RESPONSE)
        assert (answer.earliest, answer.latest, answer.suggested) == (
            at(2024, 7, 8, 9),
            at(2024, 7, 10, 17),
            at(2024, 7, 8, 17),
        )


class TestRequestedItemsFarAway:
    def test_in_the_send_window_of_whoever_asked(self) -> None:
        """Cy, in Los Angeles, asked for a code sample and gets no note of his own: the
        e-mail with it is suggested an hour after the 15:00 end, 13:00 his time."""
        la = "America/Los_Angeles"
        cy = Interviewer(
            "Cy Diaz", email="cy@acme.example", requested=("a code sample",), timezone=la
        )
        iv = interview(interviewers=[ANA, cy])
        policy = Policy(thank_you_each_interviewer=False)
        (items,) = of_kind(plan(iv, policy), ActionKind.SEND_REQUESTED)
        assert items.recipient.name == "Cy Diaz"
        assert (items.earliest, items.latest, items.suggested) == (
            at(2024, 7, 2, 15),
            at(2024, 7, 3, 15),
            at(2024, 7, 2, 13, tz=la),
        )
        assert items.suggested.timezone_name == la


class TestTheRecruitersMorningCallOnAnotherWeekend:
    def test_an_iranian_saturday_evening_is_called_back_on_sunday(self) -> None:
        """Under Iran's calendar (`Policy(holidays="IR")`: only Friday is off) an interview
        ending at 17:00 on Saturday 6 July 2024 in Tehran leaves no business hours that
        day: the recruiter, who has only a telephone, is called on Sunday, the next
        business day there, at 08:15; not on Monday, as a Monday-to-Friday week would."""
        tehran = "Asia/Tehran"
        reza = Recruiter("Reza Karimi", agency="SelecSource", phone="+98 21 5550 0199")
        iv = interview(starts_at=at(2024, 7, 6, 16, tz=tehran), recruiter=reza)
        debrief = _debrief(iv, Policy(holidays="IR"))
        assert debrief.channel is Channel.PHONE
        assert (debrief.earliest, debrief.latest, debrief.suggested) == (
            at(2024, 7, 7, 8, tz=tehran),
            at(2024, 7, 7, 12, tz=tehran),
            at(2024, 7, 7, 8, 15, tz=tehran),
        )


def test_a_pendulum_moment_is_read_as_the_same_instant() -> None:
    """`rules.awake_suggestion` given pendulum instants rather than plain UTC datetimes
    (the moment of `TestInTheRecipientsSendWindow`'s first test): the same answer."""
    iv = _to_dan(SINGAPORE)
    tz = iv.zone_of(iv.interviewers[0])
    got = rules.awake_suggestion(_ny(17, 16), _ny(18, 17), tz, iv, Policy())
    assert got == _ny(18, 8)


class TestANoteSeenLaterWhoseNextWindowOpensAtItsDeadline:
    def test_it_is_suggested_as_that_window_opens(self) -> None:
        """Notes due 17 hours after the 15:00 end, by 08:00 on Wednesday, seen at 20:00 on
        Tuesday (`plan`'s `_best_moment`): the recipients' send window opens at the very
        deadline, so they are suggested at 08:00, not at 20:00 that evening."""
        policy = Policy(thank_you_within=timedelta(hours=17))
        notes = of_kind(plan(interview(), policy, now=at(2024, 7, 2, 20)), ActionKind.THANK_YOU)
        assert len(notes) == 2
        assert {(n.earliest, n.latest, n.suggested) for n in notes} == {
            (at(2024, 7, 2, 20), at(2024, 7, 3, 8), at(2024, 7, 3, 8))
        }


class TestACalendarsTimeZone:
    def test_summer_time_is_daylight_and_winter_time_standard(self) -> None:
        """The VTIMEZONE of New York: every part that moves the clock to -04:00 (EDT) is a
        DAYLIGHT part, every part that moves it to -05:00 (EST) a STANDARD one, as a
        calendar client reads them; the rule since 2007 has no end."""
        iv = interview()
        text = to_ics(plan(iv), iv, now=at(2024, 7, 1, 12)).decode()
        zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
        assert zone.splitlines()[1] == f"TZID:{NY}"
        parts: list[dict[str, str]] = []
        for line in zone.splitlines()[2:]:
            key, _, value = line.partition(":")
            if key == "BEGIN":
                parts.append({"kind": value})
            elif key != "END":
                parts[-1][key] = value
        assert {part["kind"] for part in parts} == {"DAYLIGHT", "STANDARD"}
        for part in parts:
            assert (part["kind"], part["TZOFFSETTO"], part["TZNAME"]) in {
                ("DAYLIGHT", "-0400", "EDT"),
                ("STANDARD", "-0500", "EST"),
            }
        for part in parts:
            assert set(part) - {"RRULE"} == {
                "kind",
                "DTSTART",
                "TZOFFSETFROM",
                "TZOFFSETTO",
                "TZNAME",
            }
        daylight = [part for part in parts if part["kind"] == "DAYLIGHT"]
        # April's first Sunday until 2006 (the rule's end in UTC), March's second since
        assert daylight[0]["DTSTART"] == "20000402T020000"
        assert daylight[0]["TZOFFSETFROM"] == "-0500"
        assert daylight[0]["RRULE"] == "FREQ=YEARLY;UNTIL=20060403T070000Z;BYDAY=1SU;BYMONTH=4"
        assert daylight[-1]["RRULE"] == "FREQ=YEARLY;BYDAY=2SU;BYMONTH=3"


class TestFollowUpsSeenFromNow:
    """`plan`'s `_follow_ups` seen from *now*."""

    def test_a_missed_answer_leaves_every_check_in(self) -> None:
        """Ana asks for feedback on Mon 8 July 2024 at 09:00 and the answer is due by
        Wednesday 17:00; seen on Thursday at 12:00 it is missed, and the three check-ins
        are planned all the same."""
        iv = interview(decision_by=date(2024, 7, 10))
        notes = [a.done() for a in of_kind(plan(iv), ActionKind.THANK_YOU)]
        history = [*notes, Update(at(2024, 7, 8, 9), Outcome.FEEDBACK_REQUESTED)]
        seen = plan(iv, history=history, now=at(2024, 7, 11, 12))
        assert [a.kind for a in seen] == [ActionKind.CHECK_IN] * 3
        assert [a.kind for a in seen.missed if a.kind is ActionKind.FEEDBACK_RESPONSE] == [
            ActionKind.FEEDBACK_RESPONSE
        ]

    def test_an_answer_before_the_notes_starts_at_now(self) -> None:
        """Asked for feedback at 15:10, ten minutes after the interview, and seen at 15:30:
        the answer comes before the notes (16:00), from 15:30, not from 15:10."""
        history = [Update(at(2024, 7, 2, 15, 10), Outcome.FEEDBACK_REQUESTED)]
        seen = plan(interview(), history=history, now=at(2024, 7, 2, 15, 30))
        assert [a.kind for a in seen][:3] == [
            ActionKind.FEEDBACK_RESPONSE,
            ActionKind.THANK_YOU,
            ActionKind.THANK_YOU,
        ]
        (answer,) = of_kind(seen, ActionKind.FEEDBACK_RESPONSE)
        assert (answer.earliest, answer.suggested) == (at(2024, 7, 2, 15, 30),) * 2


class TestAnAnswerSnoozedToItsDeadline:
    """Ana asks for feedback on Mon 8 July 2024 at 09:00; the answer is due by Wednesday
    17:00.  Snoozed to that very moment it is still planned, at it; snoozed a minute past
    it, it is missed (`plan`'s `_seen_from`), with no *now* given."""

    @staticmethod
    def _snoozed_to(until: Any) -> Any:
        iv = interview(decision_by=date(2024, 7, 10))
        notes = [a.done() for a in of_kind(plan(iv), ActionKind.THANK_YOU)]
        asked = [*notes, Update(at(2024, 7, 8, 9), Outcome.FEEDBACK_REQUESTED)]
        schedule = plan(iv, history=asked)
        ids = dict(zip(schedule, action_ids(schedule, iv, asked), strict=True))
        (answer,) = of_kind(schedule, ActionKind.FEEDBACK_RESPONSE)
        return plan(iv, history=[*asked, Snooze(at(2024, 7, 8, 10), ids[answer], until)])

    def test_to_the_deadline_it_is_planned_then(self) -> None:
        seen = self._snoozed_to(at(2024, 7, 10, 17))
        (answer,) = of_kind(seen, ActionKind.FEEDBACK_RESPONSE)
        assert (answer.latest, answer.suggested) == (at(2024, 7, 10, 17),) * 2

    def test_past_it_it_is_missed(self) -> None:
        seen = self._snoozed_to(at(2024, 7, 10, 17, 1))
        assert of_kind(seen, ActionKind.FEEDBACK_RESPONSE) == []
        assert [a.kind for a in seen.missed if a.kind is ActionKind.FEEDBACK_RESPONSE] == [
            ActionKind.FEEDBACK_RESPONSE
        ]


class TestAPackChosenForEachInterview:
    def test_the_calendar_is_written_in_the_language_of_the_pack_the_function_gives(
        self,
    ) -> None:
        """*pack* a function of the interview (`export.Packs`): it is given the interview,
        and the items are written in its pack's language, German here."""
        iv = interview(candidate=Candidate("Sam Lee", email="sam@example.com"))

        def chosen(interview: Interview) -> TemplatePack:
            return default_pack("de" if interview.company == "Acme Analytics" else "en")

        text = to_ics(plan(iv), iv, now=at(2024, 7, 1, 12), pack=chosen).decode()
        summaries = [line for line in text.splitlines() if line.startswith("SUMMARY:")]
        assert summaries[0].startswith("SUMMARY:Acme Analytics: Abschluss:")
        assert "\nDESCRIPTION:Data Engineer bei Acme Analytics\\nWann: Di." in text


class TestTheThreadAfterACardAndAnEmail:
    def test_the_first_check_in_answers_the_e_mail_of_items_not_the_card(self) -> None:
        """Cards by post, and Ana asked for a writing sample: it goes by e-mail on Tuesday
        at 16:00, her card on Wednesday.  The first check-in follows the card (the last
        contact) and answers the e-mail of items (the last e-mail: `plan`'s
        `_thread_after`)."""
        asked = attrs.evolve(ANA, requested=("a writing sample",), address="1 Main St, NY")
        iv = interview(interviewers=[asked], decision_by=date(2024, 7, 10))
        steps = plan(iv, Policy(thank_you_channel=Channel.POSTAL))
        first = of_kind(steps, ActionKind.CHECK_IN)[0]
        assert (first.facts.previous.kind, first.facts.previous.channel) == (
            ActionKind.THANK_YOU,
            Channel.POSTAL,
        )
        last = first.facts.last_email
        assert last is not None
        assert (last.kind, last.channel, last.day) == (
            ActionKind.SEND_REQUESTED,
            Channel.EMAIL,
            date(2024, 7, 2),
        )


class TestAnAnswerSnoozedPastTheFirstCheckIn:
    def test_the_steps_follow_each_other_in_time_not_in_rule_order(self) -> None:
        """Ana asks for feedback on Tue 9 July 2024 (the answer due within 5 business
        days); the candidate snoozes the answer to Monday 15 July, 16:00.  The first
        check-in keeps its call on Friday 12 July at 10:00, and the answer comes after
        it (`plan`'s `_follow_ups` takes the earliest step first, not the rule listed
        first), then the next check-in."""
        iv = interview(decision_by=date(2024, 7, 10))
        policy = Policy(feedback_response_within=5)
        notes = [a.done() for a in of_kind(plan(iv, policy), ActionKind.THANK_YOU)]
        asked = [*notes, Update(at(2024, 7, 9, 9), Outcome.FEEDBACK_REQUESTED)]
        schedule = plan(iv, policy, history=asked)
        ids = dict(zip(schedule, action_ids(schedule, iv, asked), strict=True))
        (answer,) = of_kind(schedule, ActionKind.FEEDBACK_RESPONSE)
        snooze = Snooze(at(2024, 7, 9, 10), ids[answer], at(2024, 7, 15, 16))
        steps = list(plan(iv, policy, history=[*asked, snooze]))
        assert [(a.kind, a.suggested) for a in steps[:3]] == [
            (ActionKind.CHECK_IN, at(2024, 7, 12, 10)),
            (ActionKind.FEEDBACK_RESPONSE, at(2024, 7, 15, 16)),
            (ActionKind.CHECK_IN, at(2024, 7, 18, 8)),
        ]


class TestACheckInWaitsForALateNoteFarWest:
    def test_it_opens_when_the_late_note_s_window_closes(self) -> None:
        """Rule patience, through `plan`'s `_waiting_for`: Ana (the contact) in Tokyo, Bo in
        Honolulu, a send window of the whole day (00:00-23:59), the notes seen late at
        07:00 New York time on Thu 4 July 2024.  Bo's runs to 23:59 his time, 09:59 UTC
        on the 5th; the first check-in to Ana, allowed from Friday in Tokyo, waits for it:
        18:59 in Tokyo, not midnight."""
        ana = attrs.evolve(ANA, timezone=TOKYO, phone=None)
        bo = Interviewer("Bo Chen", email="bo@acme.example", timezone="Pacific/Honolulu")
        policy = Policy(
            send_window="00:00-23:59", min_gap=1, wait_without_deadline=1, thank_you_late_within=5
        )
        steps = plan(interview(interviewers=[ana, bo]), policy, now=at(2024, 7, 4, 7))
        late = {n.recipient.name: n for n in of_kind(steps, ActionKind.THANK_YOU)}
        assert late["Bo Chen"].latest == at(2024, 7, 4, 23, 59, tz="Pacific/Honolulu")
        first = of_kind(steps, ActionKind.CHECK_IN)[0]
        assert first.earliest == late["Bo Chen"].latest == at(2024, 7, 5, 18, 59, tz=TOKYO)
