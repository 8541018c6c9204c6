"""What the sixteenth mutation pass found untested in `_why` and `export` (issue 20).

Each test reads what a person or a calendar reads: an item's lines and
properties (icalendar, read back) and the "Why:" line of a step.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Contact,
    Event,
    Outcome,
    Skip,
    Update,
    action_ids,
    describe_event,
    plan,
)
from followup_rules._languages import language
from followup_rules._step_words import rule_summaries
from followup_rules.catalogue import RULES
from followup_rules.export import drafts, to_ics

from .test_export_content import NOW, by_uid, signed
from .test_export_mut15 import TestAStepCitingAnyRule, whys_citing

THANK, CHECK = ActionKind.THANK_YOU, ActionKind.CHECK_IN


@pytest.mark.parametrize("locale", ["en", "de", "fr", "es"])
def test_no_rule_is_worded_with_code_marks(locale: str) -> None:
    """The "Why:" line shows a rule's summary as it is: no summary, in any language,
    holds a code mark (`_reason` stripped backticks that none has; mut16a deleted it)."""
    summaries = rule_summaries(language(locale))
    assert set(summaries) >= set(RULES)
    assert [rule for rule, text in summaries.items() if "`" in text] == []
    said = whys_citing(
        list(RULES), TestAStepCitingAnyRule.POLICY, None if locale == "en" else locale
    )
    assert [line for line in said if "`" in line] == []


class TestSkippedSteps:
    def test_a_step_skipped_after_other_events_is_cancelled(self) -> None:
        """The usual history: steps done, then one skipped.  The skipped step, gone from
        the plan, is written cancelled with nothing to ring (not only when the skip
        is the history's first event)."""
        iv = signed()
        whole = plan(iv)
        ids = action_ids(whole, iv)
        history: list[Event] = [a.done() for a in list(whole)[:2]]
        history.append(Skip(history[-1].at.add(minutes=5), ids[-1]))
        data = to_ics(plan(iv, history=history), iv, now=NOW, history=history)
        item = by_uid(data)[ids[-1]]
        assert (str(item["STATUS"]), item.walk("VALARM")) == ("CANCELLED", [])

    @pytest.mark.parametrize("checked_in", [False, True])
    @pytest.mark.parametrize("late", [False, True])
    def test_a_skipped_step_keeps_the_times_it_was_shown_with(
        self, late: bool, checked_in: bool
    ) -> None:
        """A step skipped is cancelled at the times the calendar showed it just before
        the skip: the plan of the history before the skip, made at the skip's time (a
        decision put off moves the check-ins; a step skipped a day ahead keeps them,
        one late when skipped was shown in its next allowed window), and under the id
        it had (after a check-in done, the skipped one is the second)."""
        iv = signed()
        whole = plan(iv)
        history: list[Event] = [a.done() for a in whole if a.kind is not ActionKind.CHECK_IN]
        news = Update(history[-1].at.add(minutes=5), Outcome.UNDECIDED, date(2024, 7, 24))
        history.append(news)
        if checked_in:
            history.append(next(a for a in plan(iv, history=history)).done())
        shown = plan(iv, history=history)
        step = next(a for a in shown if a.kind is ActionKind.CHECK_IN)
        uid = action_ids(shown, iv, history)[list(shown).index(step)]
        at = step.latest.add(days=2) if late else step.earliest.subtract(days=1)
        before = to_ics(plan(iv, history=history, now=at), iv, now=at, history=history)
        history.append(Skip(at, uid))
        after = to_ics(plan(iv, history=history, now=at), iv, now=at, history=history)
        old, new = by_uid(before)[uid], by_uid(after)[uid]
        assert str(new["STATUS"]) == "CANCELLED"
        times = ("DTSTART", "DUE", "DTEND")
        assert [new.get(k) and new[k].dt for k in times] == [
            old.get(k) and old[k].dt for k in times
        ]


class TestThePreviousFile:
    def test_an_item_without_a_uid_is_not_the_applications(self) -> None:
        """A to-do without a UID in the file given (another program's, or hand-made): the
        calendar is written all the same, every step of the plan open."""
        iv = signed()
        schedule = plan(iv)
        previous = to_ics(schedule, iv, now=NOW).replace(
            b"END:VCALENDAR",
            b"BEGIN:VTODO\r\nSUMMARY:Buy stamps\r\nEND:VTODO\r\nEND:VCALENDAR",
        )
        again = by_uid(to_ics(schedule, iv, now=NOW, previous=previous))
        assert sorted(again) == sorted(action_ids(schedule, iv))
        assert {str(item["STATUS"]) for item in again.values()} <= {"NEEDS-ACTION", "TENTATIVE"}


class TestASkippedStepDoneAnyway:
    """A thank-you skipped, then sent all the same (the loop10 trial), in a fuller
    history: steps done before, a check-in skipped before it, a note to someone else
    sent after it."""

    def history(self, iv: Any, fuller: bool) -> tuple[list[Event], str, list[str]]:
        """Fuller: the steps at the interview done, the last check-in skipped, Bo's
        thank-you skipped, then sent, the check-in before the last skipped, Ana's
        thank-you sent.  Else Bo's thank-you skipped first, a card asked
        of Bo, then the thank-you sent, then Ana's."""
        whole = plan(iv)
        ids = action_ids(whole, iv)
        ana, bo = (a for a in whole if a.kind is THANK)
        bo_uid, checks = ids[list(whole).index(bo)], ids[-2:]
        start = bo.earliest.add(minutes=1)
        if fuller:
            first = [a.done() for a in whole if a.kind not in (THANK, CHECK)]
            first.append(Skip(start, checks[1]))
            first.append(Skip(start.add(minutes=1), bo_uid))
            first.append(bo.done(start.add(minutes=1, seconds=30)))
            first.append(Skip(start.add(minutes=2), checks[0]))
        else:
            cards = next(
                a
                for a in whole
                if a.kind is ActionKind.ASK_FOR_CARDS and a.recipient == bo.recipient
            )
            first = [
                Skip(start.add(minutes=1), bo_uid),
                cards.done(start.add(minutes=1, seconds=30)),
                bo.done(start.add(minutes=2)),
            ]
        history = [*first, ana.done(start.add(minutes=3))]
        return history, bo_uid, checks

    @pytest.mark.parametrize("fuller", [True, False])
    @pytest.mark.parametrize("locale", [None, "de"])
    def test_the_note_sent_is_completed_and_the_check_in_cancelled(
        self, locale: str | None, fuller: bool
    ) -> None:
        iv = signed(candidate=Candidate("Sam Lee", email="sam@example.com", language=locale))
        history, bo_uid, checks = self.history(iv, fuller)
        data = by_uid(to_ics(plan(iv, history=history), iv, now=NOW, history=history))
        if fuller:
            assert [str(data[uid]["STATUS"]) for uid in checks] == ["CANCELLED"] * 2
        note = data[bo_uid]
        assert str(note["STATUS"]) in ("COMPLETED", "CONFIRMED")
        sent = next(e for e in history if isinstance(e, Contact) and e.kind is THANK)
        done = describe_event(sent, iv, locale=locale or "en")
        assert str(note["DESCRIPTION"]).split("\n")[0].endswith(done)
        assert str(note["DESCRIPTION"]).startswith("Erledigt: " if locale else "Done: ")


class TestTimeZones:
    def test_every_zone_used_has_its_vtimezone_beside_an_unknown_one(self) -> None:
        """Another application's items, rewritten by a calendar app under a zone name
        this library does not know ("AUS Eastern Standard Time", which sorts before
        "America/New_York"): that file's VTIMEZONE is kept, and this application's zone
        still gets its own, so every TZID the file uses is defined in it."""
        import icalendar

        iv = signed()
        earlier = to_ics(plan(iv), iv, now=NOW).replace(
            b"America/New_York", b"AUS Eastern Standard Time"
        )
        other = signed(company="Globex")
        data = to_ics(plan(other), other, now=NOW, previous=earlier)
        calendar = icalendar.Calendar.from_ical(data)
        defined = {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")}
        used = {
            str(item[key].params["TZID"])
            for item in calendar.walk()
            if item.name in ("VTODO", "VEVENT")
            for key in ("DTSTART", "DUE", "DTEND")
            if key in item and "TZID" in item[key].params
        }
        assert used == defined == {"AUS Eastern Standard Time", "America/New_York"}


class TestMessageIds:
    def test_two_candidates_of_one_name_never_share_a_message_id(self) -> None:
        """Two candidates of one group interview with the same name (a common one) and
        their own addresses at one mail domain: their drafts never share a Message-ID (a
        mail server drops the second as a duplicate)."""
        from .test_integrator10 import NOW as SLOT_NOW
        from .test_integrator10 import slot

        apps = [
            Application(slot(Candidate("Sam Lee", email=address)), name=f"{n}.toml")
            for n, address in enumerate(["sam.lee@gmail.com", "samlee@gmail.com"])
        ]
        ids = [draft.message_id for draft in drafts(apps, now=SLOT_NOW)]
        assert len(ids) == len(set(ids)) == 2 * len(drafts(apps[:1], now=SLOT_NOW))


def test_a_skip_of_another_interviews_step_leaves_the_others_read() -> None:
    """A history holding a skip of a step id from before a rename (the company's name
    changed, no `Interview.id`: the id no longer reads as this interview's), then Bo's
    thank-you skipped and sent all the same: synced over the file that held it, that
    thank-you is completed, the foreign skip passed over."""
    old, iv = signed(company="Acme GmbH"), signed(company="Acme SE")
    whole = plan(iv)
    ids = action_ids(whole, iv)
    bo = [a for a in whole if a.kind is THANK][1]
    bo_uid = ids[list(whole).index(bo)]
    previous = to_ics(whole, iv, now=NOW)
    start = bo.earliest.add(minutes=1)
    history: list[Event] = [
        Skip(start, action_ids(plan(old), old)[-1]),
        Skip(start.add(minutes=1), bo_uid),
        bo.done(start.add(minutes=2)),
    ]
    data = by_uid(
        to_ics(plan(iv, history=history[1:]), iv, now=NOW, history=history, previous=previous)
    )
    assert str(data[bo_uid]["STATUS"]) in ("COMPLETED", "CONFIRMED")


def test_a_step_done_once_per_interview_is_done_whoever_it_was_said_to() -> None:
    """The closing statement skipped, then made all the same to Bo (not the follow-up
    contact it was planned for): a step done once per interview counts whoever heard
    it, so its item is done, not cancelled."""
    iv = signed()
    whole = plan(iv)
    ids = action_ids(whole, iv)
    closing = next(a for a in whole if a.kind is ActionKind.CLOSING_STATEMENT)
    uid = ids[list(whole).index(closing)]
    start = closing.earliest.add(minutes=1)
    history: list[Event] = [
        Skip(start, uid),
        Contact(start.add(minutes=1), closing.channel, closing.kind, "Bo Chen"),
    ]
    item = by_uid(to_ics(plan(iv, history=history), iv, now=NOW, history=history))[uid]
    assert str(item["STATUS"]) in ("COMPLETED", "CONFIRMED")
    assert str(item["DESCRIPTION"]).startswith("Done: ")
