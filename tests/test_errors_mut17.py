"""What a user reads in an error, pinned where the seventeenth mutation pass found it loose.

Each test is about the text or the data a caller gets from a refused value
(``str(error)``, ``to_dict()``, the error after a trip through pickle), not
about the helpers of ``errors`` themselves.
"""

from __future__ import annotations

import enum
import pickle
from collections.abc import Callable
from datetime import date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from followup_rules import (
    SOURCES,
    FollowupError,
    FormatError,
    Interviewer,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Recruiter,
    TemplateError,
    TimeWindow,
)
from followup_rules.serialize import loads, structure_history

from .factories import interview


def refused(build: Callable[[], object], error: type[Exception] = FollowupError) -> Any:
    with pytest.raises(error) as caught:
        build()
    return caught.value


class _Zone(tzinfo):
    """A fixed +02:00 zone that names itself by whatever attributes it is given."""

    def __init__(self, **names: object) -> None:
        self.__dict__.update(names)

    def utcoffset(self, moment: datetime | None) -> timedelta:
        return timedelta(hours=2)

    def dst(self, moment: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, moment: datetime | None) -> str:
        return "Z"


class TestDurationsInWords:
    @pytest.mark.parametrize(
        ("duration", "shown"),
        [
            (timedelta(0), "0 hours"),
            (timedelta(seconds=-5), "-5 seconds"),
            (timedelta(seconds=-1.5), "-1.5 seconds"),
            (timedelta(microseconds=-1), "-0.000001 seconds"),
            (timedelta(seconds=-1), "-1 second"),
            (timedelta(hours=-1), "-1 hour"),
            (timedelta(minutes=-90), "-1 hour 30 minutes"),
            (timedelta(minutes=-1), "-1 minute"),
            (timedelta(days=-1), "-1 day"),
            (timedelta(hours=-26), "-26 hours"),
            (timedelta(hours=25), "25 hours"),
            (timedelta(hours=26), "26 hours"),
            (timedelta(hours=48), "2 days"),
            (timedelta(days=15), "15 days"),
            (timedelta(days=2, hours=3), "2 days 3 hours"),
            (timedelta(days=2, hours=1), "2 days 1 hour"),
            (timedelta(days=2, minutes=1), "2 days 1 minute"),
            (timedelta(days=2, minutes=3), "2 days 3 minutes"),
            (timedelta(days=2, seconds=1), "2 days 1 second"),
            (timedelta(days=2, seconds=61), "2 days 1 minute 1 second"),
            (timedelta(days=2, hours=1, minutes=1, seconds=2), "2 days 1 hour 1 minute 2 seconds"),
            (timedelta(days=2, microseconds=500_000), "2 days 0.5 seconds"),
            (timedelta(days=1, microseconds=250_000), "1 day 0.25 seconds"),
            (timedelta(hours=25, microseconds=1), "1 day 1 hour 0.000001 seconds"),
            (timedelta(days=1, seconds=30), "1 day 30 seconds"),
        ],
    )
    def test_a_refused_duration_reads_as_a_person_writes_it(
        self, duration: timedelta, shown: str
    ) -> None:
        """Whole days in days, up to a day and whole hours in hours, else day, hour, minute."""
        error = refused(lambda: interview(duration=duration), InvalidInterview)
        assert error.field == "Interview.duration"
        assert str(error) == f"Interview.duration = {shown}: {error.problem}"


class TestTimesAndZonesInWords:
    @pytest.mark.parametrize(
        ("zone", "shown"),
        [
            (ZoneInfo("Europe/Berlin"), "1800-07-03T09:00:00+00:53:28 (Europe/Berlin)"),
            (ZoneInfo("UTC"), "1800-07-03T09:00:00+00:00 (UTC)"),
            (_Zone(zone="Europe/Paris"), "1800-07-03T09:00:00+02:00 (Europe/Paris)"),
            (_Zone(name="Asia/Tokyo"), "1800-07-03T09:00:00+02:00 (Asia/Tokyo)"),
            (_Zone(name="UTC"), "1800-07-03T09:00:00+02:00 (UTC)"),
            (_Zone(key=5, zone="Europe/Oslo"), "1800-07-03T09:00:00+02:00 (Europe/Oslo)"),
            (_Zone(key="CET", name="Europe/Rome"), "1800-07-03T09:00:00+02:00 (Europe/Rome)"),
            (_Zone(name="CET"), "1800-07-03T09:00:00+02:00"),
            (_Zone(name="utc"), "1800-07-03T09:00:00+02:00"),
            (_Zone(), "1800-07-03T09:00:00+02:00"),
        ],
    )
    def test_a_refused_time_names_its_zone_when_it_has_a_name(
        self, zone: tzinfo, shown: str
    ) -> None:
        """The IANA name a zone carries (``key``, ``zone`` or ``name``), or no name at all."""
        error = refused(
            lambda: interview(starts_at=datetime(1800, 7, 3, 9, tzinfo=zone)), InvalidInterview
        )
        assert str(error) == f"Interview.starts_at = {shown}: {error.problem}"

    @pytest.mark.parametrize(
        ("zone", "shown"),
        [
            (_Zone(zone="Europe/Paris"), "Europe/Paris"),
            (_Zone(), "a _Zone time zone"),
            (_Zone(key=3, zone=None), "a _Zone time zone"),
        ],
    )
    def test_a_refused_zone_object_is_named_or_described(self, zone: tzinfo, shown: str) -> None:
        error = refused(lambda: Recruiter("Rita", timezone=zone), InvalidInterview)  # type: ignore[arg-type]
        assert str(error) == f"Recruiter.timezone = {shown}: expected a time-zone name, got _Zone"


class _NoOffset(tzinfo):
    key = "Europe/Berlin"

    def utcoffset(self, moment: datetime | None) -> None:
        return None


class _Color(enum.Enum):
    RED = "r"


class _Thing:
    pass


class _Int(int):
    def __repr__(self) -> str:
        return "an int of my own"


class _Float(float):
    def __repr__(self) -> str:
        return "a float of my own"


class _Str(str):
    def __repr__(self) -> str:
        return "a string of my own"

    def __str__(self) -> str:
        return "mine"


class TestValuesInWords:
    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            (None, "None"),
            (True, "True"),
            (False, "False"),
            (5, "5"),
            (_Int(7), "7"),
            (10**100, "a number of about 101 digits"),
            (2**256, "a number of about 78 digits"),
            (2**256 - 1, str(2**256 - 1)),
            (-(2**300), "a number of about 91 digits"),
            (1.5, "1.5"),
            (_Float(2.5), "2.5"),
            (b"ab", "b'ab'"),
            (bytearray(b"cd"), "b'cd'"),
            (date(2024, 1, 2), "2024-01-02"),
            (time(9, 30), "09:30:00"),
            (_Color.RED, "RED"),
            (timezone.utc, "a timezone time zone"),
            (ZoneInfo("Europe/Berlin"), "Europe/Berlin"),
            ([1, 2, 3, 4, 5], "[1, 2, 3, 4, 5]"),
            ([1, 2, 3, 4, 5, 6], "[1, 2, 3, 4, 5, ...]"),
            ((1, "a"), "[1, 'a']"),
            ({3}, "[3]"),
            (frozenset(), "[]"),
            ([[[1]]], "[[[...]]]"),
            ([[1, [2, [3]]]], "[[1, [...]]]"),
            ({"a": 1}, "a table (a)"),
            ({}, "an empty table"),
            ({str(i): i for i in range(5)}, "a table (0, 1, 2, 3, 4)"),
            ({str(i): i for i in range(6)}, "a table (0, 1, 2, 3, 4, ...)"),
            (Interviewer("Ana Ruiz"), "Interviewer 'Ana Ruiz'"),
            (TimeWindow("08:00", "17:00"), "08:00-17:00"),
            (_Thing(), "a _Thing object"),
            ([_Thing(), 1], "[a _Thing object, 1]"),
            (next(iter(SOURCES.values())), "a Source object"),
            (timedelta(hours=3), "3 hours"),
            (datetime(2024, 1, 2, 3, 4), "2024-01-02T03:04:00 (no time zone)"),
            (datetime(2024, 1, 2, 3, 4, tzinfo=_NoOffset()), "2024-01-02T03:04:00 (no time zone)"),
        ],
    )
    def test_a_value_of_the_wrong_kind_is_shown_as_a_person_writes_it(
        self, value: object, shown: str
    ) -> None:
        error = refused(lambda: interview(company=value), InvalidInterview)
        assert str(error) == (
            f"Interview.company = {shown}: expected a string, got {type(value).__name__}"
        )

    @pytest.mark.parametrize(
        ("value", "shown"),
        [
            ("soon", "'soon'"),
            (_Str("soon"), "'soon'"),
            ("y" * 100, "'" + "y" * 37 + "..." + "y" * 38 + "'"),
            ("a\u2028b", "'a\\u2028b'"),
        ],
    )
    def test_a_text_is_shown_in_quotes_and_cut_in_its_middle(self, value: str, shown: str) -> None:
        error = refused(lambda: interview(duration=value), InvalidInterview)
        assert str(error) == (
            f"Interview.duration = {shown}: expected a timedelta such as "
            f"timedelta(hours=24), got {type(value).__name__}"
        )


class TestOneShortLine:
    def test_line_breaks_in_a_shown_value_become_one_space(self) -> None:
        error = refused(lambda: interview(company={"x\ny": 1, "b\u2028\r\nc": 2}))
        assert str(error) == (
            "Interview.company = a table (x y, b c): expected a string, got dict"
        )

    def test_a_value_shown_in_exactly_eighty_characters_is_not_cut(self) -> None:
        error = refused(lambda: interview(company={"k" * 70: 1}))
        assert str(error) == (
            f"Interview.company = a table ({'k' * 70}): expected a string, got dict"
        )

    def test_a_longer_value_is_cut_to_eighty_characters_ending_in_dots(self) -> None:
        error = refused(lambda: interview(company={"k" * 71: 1}))
        assert str(error) == (
            f"Interview.company = a table ({'k' * 68}...: expected a string, got dict"
        )


class _Unpicklable:
    """A value that cannot be pickled (a lambda inside), with a repr of a chosen length."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.function = lambda: None

    def __repr__(self) -> str:
        return self.text


def _travelled(value: object) -> Any:
    """The refused *value* as it comes back with its error from another process."""
    error = refused(lambda: Recruiter(value), InvalidInterview)  # type: ignore[arg-type]
    again = pickle.loads(pickle.dumps(error))
    assert str(again) == str(error)
    return again.value


class TestAStandInAfterPickling:
    def test_a_stand_in_keeps_a_repr_of_eighty_characters(self) -> None:
        text = "<" + "a" * 78 + ">"
        assert repr(_travelled(_Unpicklable(text))) == text

    def test_a_stand_in_cuts_a_longer_repr_in_its_middle(self) -> None:
        text = "<" + "a" * 50 + "b" * 50 + ">"
        assert repr(_travelled(_Unpicklable(text))) == text[:38] + "..." + text[-39:]
        text = "<" + "c" * 80 + ">"
        assert repr(_travelled(_Unpicklable(text))) == text[:38] + "..." + text[-39:]

    def test_a_stand_in_for_a_value_whose_repr_raises_names_its_type(self) -> None:
        class Hostile:
            def __init__(self) -> None:
                self.function = lambda: None

            def __repr__(self) -> str:
                raise RuntimeError("no repr")

        assert repr(_travelled(Hostile())) == "<Hostile object>"

    def test_a_stand_in_for_a_container_that_cannot_be_read_names_its_type(self) -> None:
        def refuse(self: object) -> int:
            raise RuntimeError("no length")

        # reprlib reads a class named "dict" as a dict, and asks its length
        odd = type("dict", (), {"__len__": refuse, "__repr__": lambda self: "{}"})()
        assert repr(_travelled(odd)) == "<dict object>"

    def test_a_stand_in_shows_three_levels_of_a_list(self) -> None:
        part = _Unpicklable("x")
        assert repr(_travelled([part, 1])) == "[x, 1]"
        assert repr(_travelled([[[part]]])) == "[[[x]]]"
        assert repr(_travelled([[[[part]]]])) == "[[[[...]]]]"


class _BadList(list):  # type: ignore[type-arg]
    def __len__(self) -> int:
        raise RuntimeError("no length")


class TestHostileValues:
    def test_a_value_whose_own_methods_raise_is_named_by_its_type(self) -> None:
        error = refused(lambda: interview(company=_BadList()), InvalidInterview)
        assert (
            str(error) == "Interview.company = a _BadList object: expected a string, got _BadList"
        )


class TestTimesInAProblem:
    def test_a_time_written_into_a_problem_reads_as_iso_8601(self) -> None:
        moment = datetime(2026, 7, 7, 14, tzinfo=timezone(timedelta(hours=-4)))
        error = InvalidHistory("history[0].at", moment, f"is after {moment} and {moment}")
        assert error.problem == (
            "is after 2026-07-07T14:00:00-04:00 and 2026-07-07T14:00:00-04:00"
        )
        assert str(error) == (
            "history[0].at = 2026-07-07T14:00:00-04:00: is after "
            "2026-07-07T14:00:00-04:00 and 2026-07-07T14:00:00-04:00"
        )
        problem = FormatError("acme.toml", "$.at", f"{moment} is too late").problem
        assert problem == "2026-07-07T14:00:00-04:00 is too late"

    def test_a_problem_without_a_time_is_kept_as_written(self) -> None:
        for text in ("must be positive", "is 2026-07-07 at noon", "2026-07-07T14:00:00+02:00"):
            assert InvalidPolicy("Policy.x", 1, text).problem == text


class TestCloseNames:
    def test_a_contact_close_to_an_interviewer_is_suggested(self) -> None:
        error = refused(lambda: interview(contact="Anna Ruis"), InvalidInterview)
        assert error.problem == "is not one of the interviewers: did you mean 'Ana Ruiz'?"

    def test_a_contact_only_somewhat_like_an_interviewer_lists_them(self) -> None:
        # "Ana Rodriguez" is two thirds like "Ana Ruiz": under the three quarters asked
        error = refused(lambda: interview(contact="Ana Rodriguez"), InvalidInterview)
        assert error.problem == (
            "is not one of the interviewers (the interviewers are 'Ana Ruiz', 'Bo Chen')"
        )

    @pytest.mark.parametrize("length", [199, 200])
    def test_a_long_name_up_to_200_characters_is_still_matched(self, length: int) -> None:
        name, typo = "a" * (length - 1) + "b", "a" * (length - 1) + "c"
        error = refused(lambda: interview(interviewers=[name, "Bo"], contact=typo))
        assert error.problem == f"is not one of the interviewers: did you mean {name!r}?"

    @pytest.mark.parametrize("length", [201, 202])
    def test_a_longer_name_is_not_matched(self, length: int) -> None:
        name, typo = "a" * (length - 1) + "b", "a" * (length - 1) + "c"
        error = refused(lambda: interview(interviewers=[name, "Bo"], contact=typo))
        assert error.problem == (
            f"is not one of the interviewers (the interviewers are {name!r}, 'Bo')"
        )


def _chain(length: int, last: BaseException | None = None) -> BaseException:
    """*length* picklable exceptions, each the cause of the one before; *last* at the end."""
    head: BaseException | None = last
    for number in range(length):
        link = OSError(f"link {number}")
        link.__cause__ = head
        head = link
    assert head is not None
    return head


def _cause_after_pickling(cause: BaseException) -> BaseException | None:
    error = refused(lambda: Recruiter(""), InvalidInterview)
    error.__cause__ = cause
    error.__context__ = ValueError("context")
    pickle.loads(pickle.dumps(error))
    assert error.__context__ is None
    return error.__cause__  # type: ignore[no-any-return]


class TestTheChainThatTravels:
    def test_a_cause_that_pickles_is_kept(self) -> None:
        cause = OSError("disk gone")
        assert _cause_after_pickling(cause) is cause

    def test_a_cause_that_does_not_pickle_is_dropped(self) -> None:
        assert _cause_after_pickling(ValueError(lambda: 1)) is None

    def test_a_cause_whose_own_cause_does_not_pickle_is_dropped(self) -> None:
        assert _cause_after_pickling(_chain(1, ValueError(lambda: 1))) is None
        assert _cause_after_pickling(_chain(3, ValueError(lambda: 1))) is None

    def test_every_branch_of_the_chain_is_checked(self) -> None:
        cause = OSError("outer")
        cause.__cause__ = ValueError(lambda: 1)  # does not pickle
        cause.__context__ = _chain(2)
        assert _cause_after_pickling(cause) is None
        cause = OSError("outer")
        cause.__cause__ = _chain(2)
        cause.__context__ = ValueError(lambda: 1)
        assert _cause_after_pickling(cause) is None

    def test_a_chain_of_twenty_is_kept_and_a_longer_one_dropped(self) -> None:
        kept = _chain(20)
        assert _cause_after_pickling(kept) is kept
        assert _cause_after_pickling(_chain(21)) is None

    def test_a_chain_that_loops_is_read_once(self) -> None:
        first, second = OSError("first"), OSError("second")
        first.__context__, second.__context__ = second, first
        # Kept when each link pickles on its own; with tblib's pickling installed (as
        # some tests do, and Dask does) a link carries its chain, and the loop does not
        # travel.  Either way the check ends.
        try:
            for link in (first, second):
                pickle.loads(pickle.dumps(link))
        except Exception:
            travels = False
        else:
            travels = True
        assert _cause_after_pickling(first) is (first if travels else None)
        first, second = OSError("first"), ValueError(lambda: 1)
        first.__cause__, second.__cause__ = second, first
        assert _cause_after_pickling(first) is None


def _as_data(value: object) -> object:
    """The refused *value* as ``to_dict()`` gives it, after a trip through pickle."""
    error = refused(lambda: Recruiter(value), InvalidInterview)  # type: ignore[arg-type]
    data = pickle.loads(pickle.dumps(error)).to_dict()
    assert data == error.to_dict() or not isinstance(value, (int, str, list, dict))
    return data["value"]


class TestErrorsAsData:
    def test_an_error_as_data_names_everything_an_app_shows(self) -> None:
        error = refused(lambda: interview(company=""), InvalidInterview)
        assert error.to_dict() == {
            "error": "InvalidInterview",
            "field": "Interview.company",
            "key": "company",
            "value": "",
            "problem": "must not be empty",
            "text": "Interview.company = '': must not be empty",
        }
        error = FormatError("acme.toml", "$.interviewers[1].email", "is not an address", "bob@")
        assert error.to_dict() == {
            "error": "FormatError",
            "field": "acme.toml: $.interviewers[1].email",
            "key": "email",
            "value": "bob@",
            "problem": "is not an address",
            "text": "acme.toml: $.interviewers[1].email: is not an address",
        }

    @pytest.mark.parametrize(
        ("value", "data"),
        [
            (2**53 - 1, 2**53 - 1),
            (2**53, "9007199254740992"),
            (-(2**53), "-9007199254740992"),
            (1.5, 1.5),
            (float("inf"), "inf"),
            (float("-inf"), "-inf"),
            (float("nan"), "nan"),
            (True, True),
            (False, False),
            (None, None),
            ((1, 2), [1, 2]),
            ([[[1]]], [[[1]]]),
            ([[[[1]]]], [[["[1]"]]]),
            ({"a": {"b": {"c": {"d": 1}}}}, {"a": {"b": {"c": "a table (d)"}}}),
            ({1: 2}, {"1": 2}),
            (list(range(21)), list(range(20))),
            ({str(i): i for i in range(21)}, {str(i): i for i in range(20)}),
            (time(9, 30), "09:30:00"),
            (date(2024, 1, 2), "2024-01-02"),
            (datetime(2024, 1, 2, 3, 4, tzinfo=timezone.utc), "2024-01-02T03:04:00+00:00"),
            (_BadList([1]), "a _BadList object"),
            (_Unpicklable("stand"), "a _Unpicklable object"),
            (_Thing(), "a _Thing object"),
        ],
    )
    def test_a_refused_value_is_plain_json_data(self, value: object, data: object) -> None:
        got = _as_data(value)
        assert got == data
        assert type(got) is type(data)  # True stays True, not 1; None stays None

    def test_a_long_text_is_cut_to_a_thousand_characters(self) -> None:
        for length, kept in ((1000, "x" * 1000), (1001, "x" * 997 + "...")):
            error = refused(lambda n=length: interview(duration="x" * n), InvalidInterview)  # type: ignore[misc]
            assert error.to_dict()["value"] == kept


class TestBigNumbersInAStandIn:
    def test_a_number_over_256_bits_is_told_by_its_size(self) -> None:
        part = _Unpicklable("x")
        assert repr(_travelled([2**256, part])) == "[<int of about 78 digits>, x]"
        assert repr(_travelled([10**100, part])) == "[<int of about 101 digits>, x]"
        assert repr(_travelled([2**256 - 1, part])) == f"[{2**256 - 1}, x]"[:77] + "..."


class TestAValueNamedInAProblem:
    @pytest.mark.parametrize(
        ("fmt", "shown"),
        [
            ("x", "'x'"),
            (True, "True"),
            (_Int(7), "7"),
            (2**300, "<int of about 91 digits>"),
            (2**256 - 1, str(2**256 - 1)),
            (2**256, "<int of about 78 digits>"),
        ],
    )
    def test_an_unknown_format_is_named_as_python_writes_it(self, fmt: object, shown: str) -> None:
        with pytest.raises(FormatError) as caught:
            loads("{}", fmt=fmt)  # type: ignore[arg-type]
        assert caught.value.problem == f"unknown format {shown} (use json or toml)"

    def test_a_yes_where_a_date_belongs_is_named_as_written(self) -> None:
        with pytest.raises(FormatError) as caught:
            structure_history(
                [{"type": "out_of_office", "at": "2024-07-03T09:00:00-04:00", "returns_on": True}]
            )
        assert str(caught.value) == (
            "<data>: $[0].returns_on: True is not an ISO 8601 date like 2026-07-15"
        )


class TestFileErrors:
    def test_a_file_error_writes_what_the_file_held_on_one_escaped_line(self) -> None:
        error = FormatError("a\nb.toml", "$.x\ty", "bad\x00 \u2028")
        assert str(error) == "a\\nb.toml: $.x\\ty: bad\\x00 \\u2028"

    def test_a_file_error_travels_with_its_file_and_value(self) -> None:
        cases = [
            FormatError("a.toml", "$.x", "bad", value=5, file="/srv/a.toml"),
            FormatError("a.toml", "$.x", "bad", file="/srv/a.toml"),
            FormatError("a.toml", "$.x", "bad", value=5),
            FormatError("a.toml", "$.x", "bad"),
        ]
        for error in cases:
            again = pickle.loads(pickle.dumps(error))
            assert (again.source, again.path, again.problem, again.value, again.file) == (
                error.source,
                error.path,
                error.problem,
                error.value,
                error.file,
            )

    def test_a_template_error_travels_with_its_message_and_template(self) -> None:
        for error in (TemplateError("broken", "thanks.txt"), TemplateError("broken")):
            again = pickle.loads(pickle.dumps(error))
            assert (again.message, again.template, again.field, again.problem, again.key) == (
                "broken",
                error.template,
                error.template,
                "broken",
                None,
            )
            assert (
                str(again) == str(error) == ("thanks.txt: broken" if error.template else "broken")
            )
