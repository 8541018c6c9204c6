"""Twenty-first mutation pass of `messages`, the functions no pass had reached (mut21f).

Each test pins something a user relies on that the mutants of `_warnings`,
`candidate_locale`, `_misdialled`, `_address` and their neighbours could change
unseen.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Interviewer, plan, render
from followup_rules.messages import _misdialled, candidate_locale, default_pack

from .test_messages import SAM, by_template, full_interview
from .test_words27b import LATE, NY, _panel, _sent_at

AGENCY = (
    "SelecSource, the agency that put you forward, may prefer you to follow up through your "
    "recruiter, Rita Cole: you may ask Rita Cole for news first, or instead of sending this"
)


class TestACallOnABareOffset:
    """An interview given at a bare UTC offset ("+02:00") names no country: a phone
    number of any country is not questioned, and the call is written."""

    def test_a_call_whose_only_clock_is_an_offset_is_written_without_a_code_warning(
        self,
    ) -> None:
        ana = Interviewer("Ana Ruiz", phone="+1 212 555 0142")
        starts = datetime(2026, 7, 7, 14, tzinfo=timezone(timedelta(hours=2)))
        iv = full_interview(interviewers=[ana], starts_at=starts)
        message = render(by_template("check_in_call", iv), iv)
        assert message.warnings == (AGENCY,)
        assert message.to == "+1 212 555 0142"
        assert message.blocking == ()

    def test_a_candidate_with_no_language_on_a_bare_offset_reads_american_english(self) -> None:
        starts = datetime(2026, 7, 7, 14, tzinfo=timezone(timedelta(hours=1)))
        assert candidate_locale(full_interview(starts_at=starts)) == "en"


class TestTheLanguageGivenWins:
    """`Candidate.language` is the language of every message `render` writes, whatever
    the candidate's zone says (a German speaker living in London reads German)."""

    def test_a_german_speaker_in_london_reads_german(self) -> None:
        sam = attrs.evolve(SAM, language="de", timezone="Europe/London")
        iv = full_interview(candidate=sam)
        assert candidate_locale(iv) == "de"
        message = render(by_template("thank_you_email", iv), iv)
        assert (
            message.text == default_pack("de").render(by_template("thank_you_email", iv), iv).text
        )
        assert (
            message.text
            != default_pack("en_GB").render(by_template("thank_you_email", iv), iv).text
        )


class TestACodeQuestionedOnlyWithBoth:
    """A number is questioned only when there is a number with its country code and a
    named zone to hold it against."""

    def test_no_zone_or_no_number_or_no_code(self) -> None:
        assert _misdialled("+1 212 555 0100", None) is None
        assert _misdialled(None, "Europe/Berlin") is None
        assert _misdialled("", "Europe/Berlin") is None
        assert _misdialled("030 555 0100", "America/New_York") is None

    def test_a_three_digit_code_is_read_before_its_first_two_digits(self) -> None:
        assert _misdialled("+351 21 000 0000", "America/Chicago") == "351"
        assert _misdialled("+353 1 555 0100", "Europe/Berlin") == "353"


class TestWhoItGoesTo:
    """`Message.to` as a person reads it."""

    def test_a_call_in_french_shows_the_number_as_french_writes_it(self) -> None:
        """The number the candidate dials, grouped in pairs for a French reader; the
        bare address keeps it as typed (for the ``tel:`` link)."""
        ana = Interviewer("Ana Ruiz", phone="+33155500100")
        iv = full_interview(interviewers=[ana], candidate=attrs.evolve(SAM, language="fr"))
        message = render(by_template("check_in_call", iv), iv)
        assert message.to == "+33 1 55 50 01 00"
        assert message.address == "+33155500100"


class TestTwentyFourHoursIsOnTime:
    """The seeds' "within 24 hours" (000, 001, 002): a thank-you sent exactly 24 hours
    after the interview's end is on time and says nothing of a delay, even two calendar
    days after the interview began (one that ran past midnight); a minute later it is
    late and says so."""

    @pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
    def test_an_interview_past_midnight(self, code: str) -> None:
        iv = _panel(
            2,
            "none",
            code,
            starts_at=pendulum.datetime(2026, 7, 7, 23, tz=NY),
            duration=timedelta(hours=2),
        )
        ends = iv.starts_at.add(hours=2)
        notes = [a for a in plan(iv) if a.kind is ActionKind.THANK_YOU and a.template]
        assert notes
        for action in notes:
            for variant in range(8):
                note = action._with_facts(attrs.evolve(action.facts, variant=variant))
                on_time = render(_sent_at(note, ends.add(hours=24)), iv).text
                assert not LATE.search(on_time.split("\n\n", 1)[1]), on_time
                late = render(_sent_at(note, ends.add(hours=24, minutes=1)), iv).text
                assert LATE.search(late.split("\n\n", 1)[1]), late
