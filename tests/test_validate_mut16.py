"""Mutation testing, sixteenth pass (`_validate`): the errors a user gets, exactly.

Each test pins what a person reads when a value is refused (or what is kept
when it is accepted), at the edges the field checks draw.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup_rules import (
    FollowupError,
    Interviewer,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    OutOfOffice,
    Policy,
)

from .factories import interview


def problem(build: Any, error: type[FollowupError] = InvalidInterview) -> str:
    """The problem (the words after the value) of the error *build* raises."""
    with pytest.raises(error) as caught:
        build()
    return caught.value.problem  # type: ignore[attr-defined,no-any-return]


def message(build: Any, error: type[FollowupError] = InvalidInterview) -> str:
    """The whole message of the error *build* raises, as a person reads it."""
    with pytest.raises(error) as caught:
        build()
    return str(caught.value)


class TestText:
    def test_whitespace_around_a_name_counts_up_to_four_times_the_limit(self) -> None:
        """Up to 4,000 characters a value is stripped first; past that it is refused unread."""
        padded = "Ana Ruiz" + " " * (4000 - len("Ana Ruiz"))
        assert Interviewer(padded).name == "Ana Ruiz"
        assert problem(lambda: Interviewer(padded + " ")) == "longer than 1000 characters"
        assert problem(lambda: Interviewer(" " * 4500 + "Ana")) == "longer than 1000 characters"

    def test_a_bidirectional_control_is_named_in_the_error(self) -> None:
        assert message(lambda: Interviewer("Ana\u202eRuiz")) == (
            "Interviewer.name = 'Ana\\u202eRuiz': "
            "must not contain bidirectional control characters (U+202A-U+202E...)"
        )

    def test_a_name_of_the_limit_is_kept_and_one_more_character_is_refused(self) -> None:
        assert Interviewer("x" * 1000).name == "x" * 1000
        assert problem(lambda: Interviewer("x" * 1001)) == "longer than 1000 characters"
        # Composed to NFC first: 1,000 "e" + combining acute make 1,000 "é".
        assert Interviewer("e\u0301" * 1000).name == "\u00e9" * 1000

    def test_a_line_break_is_named_in_the_error(self) -> None:
        assert problem(lambda: interview(role="Data\nEngineer")) == (
            "must not contain line breaks or control characters"
        )


_NOT_AN_ADDRESS = "is not an e-mail address like name@example.com"
_NOT_BARE = (
    "must be one bare address like name@example.com: no display name, comment, "
    "quotes, spaces, commas or angle brackets"
)


class TestEmailAddresses:
    @pytest.mark.parametrize(
        ("address", "expected"),
        [
            ("ana", _NOT_AN_ADDRESS),
            ("@example.com", _NOT_AN_ADDRESS),
            ("ana@", _NOT_AN_ADDRESS),
            ("@", _NOT_AN_ADDRESS),
            # The last @ splits: "a@b" is not a bare local part (not "b@example.com" a domain).
            ("a@b@example.com", _NOT_BARE),
            ("Ana <ana@example.com>", _NOT_BARE),
            ("ana ruiz@example.com", _NOT_BARE),
            (
                "an\u00e4@example.com",
                "the part before @ must be ASCII (internationalised mailboxes cannot be exported)",
            ),
        ],
    )
    def test_the_error_says_what_is_wrong_with_the_address(
        self, address: str, expected: str
    ) -> None:
        assert message(lambda: Interviewer("Ana", email=address)) == (
            f"Interviewer.email = {address!r}: {expected}"
        )

    def test_the_lengths_rfc_5321_allows_are_kept_and_one_more_is_refused(self) -> None:
        """64 characters before the @, 254 in all: accepted; one more of either refused."""
        local = "x" * 64
        assert Interviewer("Ana", email=f"{local}@example.com").email == f"{local}@example.com"
        assert problem(lambda: Interviewer("Ana", email=f"x{local}@example.com")) == (
            "the part before @ is longer than 64 characters"
        )
        domain = ".".join(["a" * 63] * 3) + "." + "b" * 60  # 252 characters, a host name
        longest = "x@" + domain
        assert len(longest) == 254
        assert Interviewer("Ana", email=longest).email == longest
        assert problem(lambda: Interviewer("Ana", email="x" + longest)) == (
            "longer than 254 characters"
        )

    def test_the_whole_address_error_names_the_limit(self) -> None:
        domain = ".".join(["a" * 63] * 3) + "." + "b" * 60
        said = message(lambda: Interviewer("Ana", email="xy@" + domain))
        assert said.endswith("': longer than 254 characters")


class TestListsAndTimes:
    def test_a_single_string_is_one_topic(self) -> None:
        """A topic typed alone, not in a list, is one topic (not its letters, not refused)."""
        assert interview(topics="Spark pipelines").topics == ("Spark pipelines",)
        assert interview(topics=["Spark", " SQL "]).topics == ("Spark", "SQL")
        assert interview(topics=None).topics == ()

    def test_a_start_that_is_not_a_datetime_says_what_it_got(self) -> None:
        assert message(lambda: interview(starts_at="2024-07-02 14:00")) == (
            "Interview.starts_at = '2024-07-02 14:00': expected an aware datetime, got str"
        )

    def test_a_zone_that_gives_no_offset_is_named_as_the_problem(self) -> None:
        class Broken(tzinfo):
            def utcoffset(self, moment: datetime | None) -> timedelta:
                raise RuntimeError("no offset")

            def dst(self, moment: datetime | None) -> timedelta | None:
                return None

        start = datetime(2024, 7, 2, 14, tzinfo=Broken())
        assert problem(lambda: interview(starts_at=start)) == "its time zone gives no UTC offset"

    def test_a_datetime_whose_fields_cannot_be_read_is_refused_by_name(self) -> None:
        class Odd(datetime):
            @property
            def hour(self) -> int:
                raise RuntimeError("no hour")

        start = Odd(2024, 7, 2, 14, tzinfo=timezone(timedelta(hours=-4)))
        assert problem(lambda: interview(starts_at=start)) == "is not a usable datetime"

    def test_the_second_of_two_equal_wall_times_keeps_its_instant(self) -> None:
        """01:30 on the night New York falls back happens twice; fold=1 is the later (EST)."""
        zone = ZoneInfo("America/New_York")
        later = interview(starts_at=datetime(2024, 11, 3, 1, 30, tzinfo=zone, fold=1))
        earlier = interview(starts_at=datetime(2024, 11, 3, 1, 30, tzinfo=zone))
        assert later.starts_at.in_timezone("UTC").hour == 6
        assert earlier.starts_at.in_timezone("UTC").hour == 5


class _MachineZone(tzinfo):
    """A tzinfo that names the machine's zone under one attribute (pytz's ``zone``, ``name``)."""

    def __init__(self, attribute: str) -> None:
        setattr(self, attribute, "localtime")

    def utcoffset(self, moment: datetime | None) -> timedelta:
        return timedelta(hours=-4)

    def dst(self, moment: datetime | None) -> timedelta | None:
        return None


class _NewYorkByHand(tzinfo):
    """A tzinfo with no name whose offset depends on the day (summer time by month)."""

    def utcoffset(self, moment: datetime | None) -> timedelta:
        assert moment is not None
        return timedelta(hours=-4 if 4 <= moment.month <= 10 else -5)

    def dst(self, moment: datetime | None) -> timedelta | None:
        return None


class TestZonesOfAStart:
    @pytest.mark.parametrize("attribute", ["key", "zone", "name"])
    def test_the_machine_zone_is_refused_under_any_name_a_tzinfo_gives(
        self, attribute: str
    ) -> None:
        start = datetime(2024, 7, 2, 14, tzinfo=_MachineZone(attribute))
        assert problem(lambda: interview(starts_at=start)) == (
            "its time zone 'localtime' depends on the machine: use an IANA name"
        )

    def test_a_zone_without_a_name_is_read_at_the_start_s_own_offset(self) -> None:
        summer = interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=_NewYorkByHand()))
        winter = interview(starts_at=datetime(2024, 12, 3, 14, tzinfo=_NewYorkByHand()))
        assert summer.starts_at.isoformat() == "2024-07-02T14:00:00-04:00"
        assert winter.starts_at.isoformat() == "2024-12-03T14:00:00-05:00"

    def test_an_offset_of_an_odd_number_of_minutes_is_whole_minutes(self) -> None:
        """Nepal's +05:45 (345 minutes) is accepted; only seconds are refused."""
        start = datetime(2024, 7, 2, 14, tzinfo=timezone(timedelta(hours=5, minutes=45)))
        assert interview(starts_at=start).starts_at.isoformat() == "2024-07-02T14:00:00+05:45"
        odd = datetime(2024, 7, 2, 14, tzinfo=timezone(timedelta(hours=5, minutes=45, seconds=30)))
        assert problem(lambda: interview(starts_at=odd)) == (
            "its UTC offset is not a whole number of minutes"
        )

    def test_a_zone_that_gives_an_offset_only_to_its_own_value_is_refused_by_name(self) -> None:
        """Its offset is asked again of a plain copy; None there is an unsupported zone."""

        class Fickle(tzinfo):
            def utcoffset(self, moment: datetime | None) -> timedelta | None:
                return None if type(moment) is datetime else timedelta(hours=-4)

            def dst(self, moment: datetime | None) -> timedelta | None:
                return None

        class Own(datetime):
            pass

        start = Own(2024, 7, 2, 14, tzinfo=Fickle())
        assert problem(lambda: interview(starts_at=start)) == (
            "unsupported time zone: time zone gives no UTC offset"
        )

    @pytest.mark.parametrize(
        ("zone", "name", "abbreviation"),
        [
            (ZoneInfo("Europe/Paris"), "Europe/Paris", "CEST"),
            (timezone(timedelta(hours=-4)), "-04:00", "-04:00"),
        ],
    )
    def test_a_start_in_any_tzinfo_comes_back_in_pendulum_s_zone_of_that_name(
        self, zone: tzinfo, name: str, abbreviation: str
    ) -> None:
        start = interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=zone)).starts_at
        assert (start.timezone_name, start.tzname()) == (name, abbreviation)


class _NoOffset(tzinfo):
    def utcoffset(self, moment: datetime | None) -> None:
        return None

    def dst(self, moment: datetime | None) -> None:
        return None


class TestDaysAndDurations:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (datetime(2024, 7, 20), "naive datetime: give a date, or a datetime with a time zone"),
            (
                datetime(2024, 7, 20, tzinfo=_NoOffset()),
                "naive datetime: give a date, or a datetime with a time zone",
            ),
            ("2024-07-20", "expected a date, got str"),
        ],
    )
    def test_a_return_date_that_is_no_day_says_why(self, value: object, expected: str) -> None:
        at = datetime(2024, 7, 3, 9, tzinfo=ZoneInfo("America/New_York"))
        assert problem(lambda: OutOfOffice(at, returns_on=value), InvalidHistory) == expected

    def test_a_return_datetime_in_a_zone_is_its_own_calendar_day(self) -> None:
        at = datetime(2024, 7, 3, 9, tzinfo=ZoneInfo("America/New_York"))
        late = datetime(2024, 7, 20, 23, 30, tzinfo=ZoneInfo("America/Los_Angeles"))
        assert str(OutOfOffice(at, returns_on=late).returns_on) == "2024-07-20"

    def test_a_duration_keeps_its_microseconds(self) -> None:
        within = timedelta(hours=24, microseconds=250)
        assert Policy(thank_you_within=within).thank_you_within == within

    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            ("24h", "expected a timedelta such as timedelta(hours=24), got str"),
            (None, "expected a timedelta such as timedelta(hours=24), got NoneType"),
            # A year (366 days) passes the duration check, then the field's own cap speaks.
            (timedelta(days=366), "must be at most a day"),
            (timedelta(days=366, microseconds=1), "must be at most a year"),
        ],
    )
    def test_an_interview_length_that_cannot_be_says_why(
        self, value: object, expected: str
    ) -> None:
        assert problem(lambda: interview(duration=value)) == expected

    def test_a_yes_or_no_written_as_text_is_refused_in_words(self) -> None:
        assert problem(lambda: Policy(mail_card_immediately="no"), InvalidPolicy) == (
            "expected true or false (a yes/no value, not text)"
        )
