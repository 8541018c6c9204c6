"""The state fold: what each event leaves behind, read straight off `FollowupState`."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

import pendulum

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    OutOfOffice,
    Policy,
    Reply,
)
from followup_rules import _calendar as cal
from followup_rules.plan import steps_after_interview

from .factories import at, interview
from .factories import make_state as fold

CHECK_IN = Contact(at(2024, 7, 10, 10), Channel.EMAIL)


class TestOutOfOfficeHold:
    def test_the_hold_skips_a_public_holiday(self) -> None:
        """Back on Wed 3 July: Thu 4 July is a US holiday, so the hold runs to Fri 5 July."""
        history = [Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")]
        history.append(OutOfOffice(at(2024, 7, 2, 16, 1), returns_on=date(2024, 7, 3)))
        assert fold(history, Policy(holidays="US")).hold_until == date(2024, 7, 5)
        assert fold(history).hold_until == date(2024, 7, 4)

    def test_a_shorter_second_absence_keeps_the_longer_hold(self) -> None:
        """Two auto-replies: the hold is the later of the two, never shortened."""
        history = [
            CHECK_IN,
            OutOfOffice(at(2024, 7, 10, 10, 1), returns_on=date(2024, 7, 22)),
            OutOfOffice(at(2024, 7, 11, 9), returns_on=date(2024, 7, 12)),
        ]
        assert fold(history).hold_until == date(2024, 7, 23)

    def test_a_bounced_check_in_still_counts(self) -> None:
        """An auto-reply is no answer (spec8 finding 5): the check-in it met counts."""
        once = fold([CHECK_IN, OutOfOffice(at(2024, 7, 10, 10, 1))])
        assert once.check_ins == 1
        twice = fold([CHECK_IN, OutOfOffice(at(2024, 7, 10, 10, 1)), OutOfOffice(at(2024, 7, 11))])
        assert twice.check_ins == 1

    def test_without_a_date_the_hold_counts_from_the_contacts_calendar(self) -> None:
        """Late on Wednesday evening in New York is Thursday in UTC: the week counts from Wed."""
        late = at(2024, 7, 10, 22, 30)
        state = fold([CHECK_IN, OutOfOffice(late)])
        assert state.hold_until == date(2024, 7, 18)  # Wed 17 July, then a business day


class TestDoneSteps:
    def test_one_time_steps_are_keyed_by_kind_and_person(self) -> None:
        """Per-person steps keep the person, case-blind; once-per-interview steps keep ''."""
        history = [
            Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "ANA RUIZ"),
            Contact(at(2024, 7, 2, 16, 5), Channel.IN_PERSON, ActionKind.ASK_TIMELINE, "Bo Chen"),
        ]
        state = fold(history)
        assert state.done == {(ActionKind.THANK_YOU, "ana ruiz"), (ActionKind.ASK_TIMELINE, "")}
        assert state.is_done(ActionKind.THANK_YOU, "Ana Ruiz")
        assert not state.is_done(ActionKind.THANK_YOU, "Bo Chen")
        assert state.is_done(ActionKind.ASK_TIMELINE, "Ana Ruiz")  # anyone will do


class TestThankYouAnchor:
    def test_a_note_sent_early_keeps_the_later_planned_one(self) -> None:
        """Ana's note logged before Bo's planned one: the anchor stays at Bo's note."""
        iv = interview(starts_at=at(2024, 7, 2, 17))  # ends 18:00: notes planned next morning
        planned = max(
            s.suggested
            for s in steps_after_interview(iv, Policy())
            if s.kind is ActionKind.THANK_YOU
        )
        sent = Contact(at(2024, 7, 2, 19), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        state = fold([sent], starts_at=at(2024, 7, 2, 17))
        assert state.thanked_at == planned and planned > sent.at

    def test_only_thank_you_notes_move_the_anchor(self) -> None:
        """A recruiter debrief logged later is not a thank-you note."""
        from followup_rules import Recruiter

        note = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")
        other = Contact(at(2024, 7, 2, 16, 30), Channel.EMAIL, ActionKind.THANK_YOU, "Bo Chen")
        debrief = Contact(
            at(2024, 7, 5, 9), Channel.PHONE, ActionKind.RECRUITER_DEBRIEF, "Rita Cole"
        )
        state = fold([note, other, debrief], recruiter=Recruiter("Rita Cole"))
        assert state.thanked_at == other.at

    def test_the_gaps_count_from_the_contact_the_answer_and_the_note(self) -> None:
        """A check-in keeps its distance from the last contact and answer (rule retry-gap)
        and from the last note (rule patience); a feedback request only from the contact."""
        from followup_rules import limits

        reply = Reply(at(2024, 7, 11, 9))
        state = fold([CHECK_IN, reply])
        assert limits.RETRY_GAP.anchors(state) == [CHECK_IN.at, reply.at]
        assert limits.FEEDBACK_GAP.anchors(state) == [CHECK_IN.at]
        assert state.thanked_at is not None
        assert limits.PATIENCE.first_day(state, cal.zone("America/New_York")) == date(2024, 7, 5)

    def test_an_update_is_an_answer(self) -> None:
        """An employer update restarts the wait like any reply."""
        from followup_rules import Outcome, Update

        update = Update(at(2024, 7, 11, 9), Outcome.UNDECIDED)
        assert fold([CHECK_IN, update]).last_reply == update.at


class TestInstants:
    def test_the_state_holds_utc_instants_of_the_events(self) -> None:
        """Whatever zone an event carries, the state keeps the same instant in UTC."""
        reply = Reply(pendulum.datetime(2024, 7, 11, 9, tz="Asia/Tokyo"))
        state = fold([CHECK_IN, reply])
        assert state.last_reply == reply.at and state.last_reply.tzinfo is timezone.utc
        assert state.last_contact == CHECK_IN.at and state.now == reply.at


class TestLocalCache:
    def test_one_instant_in_two_zones(self) -> None:
        """The cache of local times never hands one zone's wall clock to another."""
        instant = datetime(2024, 7, 2, 19, tzinfo=timezone.utc)
        new_york, berlin = cal.zone("America/New_York"), cal.zone("Europe/Berlin")
        assert cal.to_local(instant, new_york).hour == 15
        assert cal.to_local(instant, berlin).hour == 21
        assert cal.to_local(instant, new_york).timezone_name == "America/New_York"

    def test_one_instant_is_built_once_per_zone(self) -> None:
        """The steps of a plan share their times: the same instant and zone, the same object."""
        instant = datetime(2024, 7, 2, 19, tzinfo=timezone.utc)
        new_york, berlin = cal.zone("America/New_York"), cal.zone("Europe/Berlin")
        first = cal.to_local(instant, new_york)
        assert cal.to_local(instant, berlin) is not first
        assert cal.to_local(instant, new_york) is first

    def test_an_equal_instant_in_another_object_gets_the_same_time(self) -> None:
        """The cache knows instants by identity: an equal instant that is another
        object is converted again, to the same wall clock."""
        instant = datetime(2024, 7, 2, 19, tzinfo=timezone.utc)
        berlin = cal.zone("Europe/Berlin")
        first = cal.to_local(instant, berlin)
        again = cal.to_local(instant + timedelta(0), berlin)
        assert again == first and again.hour == first.hour == 21

    def test_a_recycled_zone_id_is_not_trusted(self) -> None:
        """An entry left by a zone whose id is now another's is ignored, not returned."""
        instant = datetime(2024, 7, 2, 19, tzinfo=timezone.utc) + timedelta(microseconds=7)
        tokyo = cal.zone("Asia/Tokyo")
        stale = cal.to_local(instant, cal.zone("Europe/Berlin"))
        cal._LOCAL[(id(instant), id(tokyo))] = (instant, cal.zone("Europe/Berlin"), stale)
        assert cal.to_local(instant, tokyo).timezone_name == "Asia/Tokyo"
        window = cal.window_on(date(2024, 7, 3), *(pendulum.time(10), pendulum.time(11)), tokyo)
        cal._WINDOWS[(date(2024, 7, 4), pendulum.time(10), pendulum.time(11), id(tokyo))] = (
            cal.zone("Europe/Berlin"),
            None,
        )
        assert cal.window_on(date(2024, 7, 4), pendulum.time(10), pendulum.time(11), tokyo)
        assert window is not None

    def test_a_cached_waking_moment_of_another_zone_or_hours_is_not_reused(self) -> None:
        """The waking moment of a window's opening is looked up by identity: an entry left
        under the same ids by another zone (a recycled id) or for other hours is found
        again, and an equal instant that is another object is computed, not looked up."""
        hours = (pendulum.time(7), pendulum.time(22))
        instant = datetime(2024, 7, 2, 19, tzinfo=timezone.utc)  # 04:00 in Tokyo, 21:00 in Berlin
        tokyo, berlin = cal.zone("Asia/Tokyo"), cal.zone("Europe/Berlin")
        cal._DAILY[(id(instant), id(tokyo))] = (instant, berlin, *hours, instant)
        assert cal.first_moment_daily_of(instant, *hours, tokyo) == instant + timedelta(hours=3)
        assert cal.first_moment_daily_of(instant, *hours, berlin) == instant
        other = (pendulum.time(22, 30), pendulum.time(23))
        assert cal.first_moment_daily_of(instant, *other, berlin) == instant + timedelta(hours=1.5)
        equal = instant + timedelta(0)
        assert cal.first_moment_daily_of(equal, *hours, tokyo) == cal.first_moment_daily(
            equal, *hours, tokyo
        )


def test_the_caches_stay_bounded(monkeypatch: Any) -> None:
    """A long-running process never grows the caches past their size: they start over."""
    monkeypatch.setattr(cal, "_CACHE_SIZE", 4)
    tz = cal.zone("Europe/Berlin")
    start = datetime(2024, 7, 1, tzinfo=timezone.utc)
    hours_awake = (pendulum.time(7), pendulum.time(22))
    for hours in range(10):
        cal.to_local(start + timedelta(hours=hours), tz)
        cal.window_on(
            date(2024, 7, 1) + timedelta(days=hours), pendulum.time(10), pendulum.time(11), tz
        )
        cal.first_moment_daily_of(start + timedelta(hours=hours), *hours_awake, tz)
        assert len(cal._LOCAL) <= 4 and len(cal._WINDOWS) <= 4 and len(cal._DAILY) <= 4
    assert cal.to_local(start, tz).hour == 2  # still right after starting over
