"""What the loop10 trial found in the library (a Kolkata candidate writing Spanish, five
applications): a check-in named the day of the news twice in one sentence (F4); a step
skipped, then done all the same, stayed cancelled in the calendar (F5)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pendulum
import pytest

from followup_rules import ActionKind, Outcome, Skip, Update, audit, plan, render
from followup_rules._languages import language
from followup_rules.export import to_ics
from followup_rules.identity import action_ids

from .test_writing import ANA, BO, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
WINDOWS = (
    "in a fortnight",
    "in two weeks",
    "within 10 days",
    "in a couple of weeks",
    "in a few days",
)


class TestTheDayOfTheNewsIsNamedOnce:
    """F4: "Many thanks for telling me on Tuesday, October 27, that the decision ... was
    now expected within two weeks of Tuesday, October 27": a window given with the news
    is said as it was given, in a sentence that already names the day it was given."""

    @pytest.mark.parametrize("code", LANGUAGES)
    @pytest.mark.parametrize("phrase", WINDOWS)
    @pytest.mark.parametrize("sender", [ANA.name, BO.name, None])
    def test_each_line_names_the_day_once(
        self, code: str, phrase: str, sender: str | None
    ) -> None:
        iv = in_language(meeting(), code)
        whole = plan(iv)
        call = check_ins(whole)[0]
        history = done_until(whole, call)
        news = Update(call.suggested.add(minutes=5), Outcome.UNDECIDED, phrase, sender=sender)
        history.append(news)
        day = language(code).day(news.at.date())
        later = check_ins(plan(iv, history=history))
        assert later
        said = 0
        for action in later:
            text = render(action, iv).text
            said += text.count(day)
            for line in text.splitlines():
                assert line.count(day) <= 1, line
        assert said  # the day of the news is named, once a line

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_as_it_was_given(self, code: str) -> None:
        """The window is the one given ("within two weeks"), never a date made up."""
        iv = in_language(meeting(), code)
        whole = plan(iv)
        call = check_ins(whole)[0]
        history = done_until(whole, call)
        history.append(
            Update(
                call.suggested.add(minutes=5), Outcome.UNDECIDED, "in two weeks", sender=ANA.name
            )
        )
        first = check_ins(plan(iv, history=history))[0]
        text = render(first, iv).text
        end = (call.suggested + timedelta(days=14)).date()
        assert language(code).day(end) not in text
        words = {
            "en": "two weeks",
            "de": "zwei Wochen",
            "fr": "deux semaines",
            "es": "dos semanas",
        }
        assert words[code] in text


def _items(data: bytes) -> dict[str, Any]:
    import icalendar

    found = icalendar.Calendar.from_ical(data)
    return {str(item["UID"]): item for item in found.walk() if item.name in ("VTODO", "VEVENT")}


class TestASkippedStepDoneAnyway:
    """F5: a thank-you skipped, then sent all the same, stayed CANCELLED in the calendar
    (a first export, and one synced over the previous file)."""

    @pytest.mark.parametrize("synced", [False, True])
    @pytest.mark.parametrize("kind", [ActionKind.THANK_YOU, ActionKind.ASK_FOR_CARDS])
    def test_completed_by_the_contact(self, synced: bool, kind: ActionKind) -> None:
        iv = meeting()
        whole = plan(iv)
        step = next(a for a in whole if a.kind is kind and a.recipient.name == BO.name)
        uid = action_ids(whole, iv, ())[whole.index(step)]
        skip = Skip(step.earliest.add(minutes=1), uid)
        done = step.done(step.earliest.add(minutes=2))
        skipped_only = [skip]
        previous = to_ics(plan(iv, history=skipped_only), iv, now=skip.at, history=skipped_only)
        assert str(_items(previous)[uid]["STATUS"]) == "CANCELLED"
        history = [skip, done]
        later = plan(iv, history=history)
        data = to_ics(
            later,
            iv,
            now=done.at.add(minutes=1),
            history=history,
            previous=previous if synced else None,
        )
        item = _items(data)[uid]
        assert str(item["STATUS"]) in ("COMPLETED", "CONFIRMED")
        assert str(item["DESCRIPTION"]).startswith("Done: ")
        assert audit(iv, history) == []

    def test_a_check_in_skipped_stays_cancelled(self) -> None:
        """A check-in is not done once: the next one done is another step."""
        iv = meeting()
        whole = plan(iv)
        first = check_ins(whole)[0]
        uid = action_ids(whole, iv, ())[whole.index(first)]
        before = [a.done() for a in whole if a.sort_key() < first.sort_key()]
        skip = Skip(first.earliest.add(minutes=1), uid)
        history = [*before, skip]
        second = check_ins(plan(iv, history=history))[0]
        history.append(second.done())
        data = to_ics(plan(iv, history=history), iv, now=second.suggested, history=history)
        assert str(_items(data)[uid]["STATUS"]) == "CANCELLED"


NEXT_DAY = {
    "en": "the next day",
    "es": "del día siguiente",
    "de": "am Folgetag",
    "fr": "le lendemain",
}


class TestACallWindowOverMidnightSaysTheNextDay:
    """F7: the debrief script said "Para usted, será entre las 22:40 y las 2:30" for a
    window that ends at 2:30 the next night, on the candidate's clock."""

    @staticmethod
    def debrief(candidate_zone: str, code: str) -> str:
        from followup_rules import Candidate, Interview, Interviewer, Recruiter

        iv = Interview(
            pendulum.datetime(2026, 10, 27, 11, tz="America/Chicago"),
            "Lakeview Health",
            "Analytics Engineer",
            [Interviewer("Mark Olsen", email="mark@lakeview.example")],
            recruiter=Recruiter(
                "Rita Cole",
                agency="TalentBridge",
                phone="+1 312 555 0199",
                timezone="America/Chicago",
            ),
            candidate=Candidate("Priya Raman", timezone=candidate_zone, language=code),
        )
        step = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        return render(step, iv).text

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_the_end_on_the_next_day(self, code: str) -> None:
        text = self.debrief("Asia/Kolkata", code)
        assert NEXT_DAY[code] in text.split("\n\n", 1)[0]

    @pytest.mark.parametrize("code", LANGUAGES)
    def test_not_when_it_ends_the_same_day(self, code: str) -> None:
        text = self.debrief("Europe/London", code)
        assert NEXT_DAY[code] not in text.split("\n\n", 1)[0]
