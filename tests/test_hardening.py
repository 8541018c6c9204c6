"""Issue 11, hardening: every bad input is a clear typed error, raised at construction.

One class per item of the issue this file covers: e-mail addresses (2),
unwritable text (3), names and bidi controls (4), zones (5), far dates (6),
huge values (7), wrong types (8), endless iterables (10) and errors that
pickle (12).  The sandbox (11) has ``test_sandbox.py`` and the fuzz gate
``test_fuzz.py``.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    Candidate,
    FollowupError,
    Interviewer,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Policy,
)
from followup_rules import _calendar as cal
from followup_rules.errors import _short_repr
from followup_rules.messages import TemplateError
from followup_rules.serialize import FormatError

from .factories import at, interview

UTC = timezone.utc


def refused(error: type[FollowupError], build: Callable[[], object]) -> Any:
    """The error *build* raises: of type *error*, one line, starting with its field."""
    with pytest.raises(error) as caught:
        build()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{caught.value.field}=")  # type: ignore[attr-defined]
    return caught.value


# -- item 5: zones ---------------------------------------------------------------------


class TestZones:
    @pytest.mark.parametrize(
        "name", ["localtime", "posixrules", "Factory", "posix/Europe/Paris", "right/UTC"]
    )
    def test_machine_dependent_names_are_refused(self, name: str) -> None:
        """A plan must not depend on the machine it runs on (purity)."""
        for build in (Interviewer, Candidate):
            error = refused(InvalidInterview, lambda b=build: b("Ana", timezone=name))
            assert "IANA" in error.problem
        with pytest.raises(ValueError, match="not a place"):
            cal.zone(name)

    @pytest.mark.parametrize(
        ("name", "offset"),
        [("GMT+5", "+05:00"), ("UTC+5", "+05:00"), ("UTC-03:30", "-03:30"), ("gmt-8", "-08:00")],
    )
    def test_gmt_plus_names_are_ambiguous(self, name: str, offset: str) -> None:
        """'GMT+5' reads as UTC+5 to people but 'Etc/GMT+5' is UTC-5: refused with a hint."""
        error = refused(InvalidInterview, lambda: Interviewer("Ana", timezone=name))
        assert "ambiguous" in error.problem
        assert repr(offset) in error.problem
        assert "Asia/Karachi" in error.problem

    @pytest.mark.parametrize(("name", "offset"), [("+5", "+05:00"), ("+0530", "+05:30")])
    def test_offsets_are_written_hh_mm(self, name: str, offset: str) -> None:
        """Offsets are '+HH:MM'; other spellings get the right one as a hint."""
        error = refused(InvalidInterview, lambda: Interviewer("Ana", timezone=name))
        assert repr(offset) in error.problem

    @pytest.mark.parametrize(
        ("name", "stored"),
        [
            ("UTC", "UTC"),
            ("utc", "UTC"),
            ("+05:30", "+05:30"),
            ("-09:30", "-09:30"),
            ("Etc/GMT+5", "Etc/GMT+5"),
            ("GMT+0", "GMT+0"),
            ("Europe/Paris", "Europe/Paris"),
            (ZoneInfo("Asia/Kolkata"), "Asia/Kolkata"),
        ],
    )
    def test_iana_names_utc_and_offsets_are_accepted(self, name: object, stored: str) -> None:
        """IANA names (Etc/GMT+5 means UTC-5, as IANA says), UTC and +HH:MM are fine."""
        assert Interviewer("Ana", timezone=name).timezone == stored

    def test_every_iana_name_resolves(self) -> None:
        """No real zone is refused: every name of the tzdata list gives a zone."""
        names = cal.iana_names()
        assert len(names) > 500
        assert {"localtime", "posixrules", "Factory"}.isdisjoint(names)
        for name in names:
            assert cal.zone_key(name) == name
            cal.zone(name)


# -- item 7: huge values ----------------------------------------------------------------------


class TestHugeValues:
    def test_a_5000_digit_number_is_described_by_its_size(self) -> None:
        """Item 7: int-to-str limits no longer crash the message."""
        error = refused(InvalidPolicy, lambda: Policy(min_gap=10**5000))
        assert str(error) == (
            "Policy.min_gap=<int of about 5001 digits>: must be between 1 and 60 business days"
        )

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            (timedelta.max, "must be at most a year"),
            (timedelta.min, "must be positive"),
            (1e300, "must be at most a year"),
            (-1e300, "must be positive"),
            (10**400, "must be at most a year"),
            (float("nan"), "must be a finite number of seconds"),
        ],
    )
    def test_extreme_durations_are_refused_cleanly(self, value: object, problem: str) -> None:
        """Durations near timedelta's limits or beyond are refused without OverflowError."""
        for field in ("thank_you_within", "recruiter_debrief_within"):
            error = refused(InvalidPolicy, lambda f=field: Policy(**{f: value}))
            assert (error.field, error.problem) == (f"Policy.{field}", problem)
        assert refused(InvalidInterview, lambda: interview(duration=value)).problem == problem

    def test_a_huge_string_is_cut_in_the_message(self) -> None:
        """A 10 MB company name gives a message of a line, not of 10 MB."""
        error = refused(InvalidInterview, lambda: interview(company="x" * 10_000_000))
        assert len(str(error)) < 200
        assert "longer than 1000 characters" in str(error)

    def test_a_value_whose_repr_raises_is_still_named(self) -> None:
        """A hostile __repr__ cannot stop the error from being written."""

        class Hostile:
            def __repr__(self) -> str:
                raise RuntimeError("no repr")

        error = refused(InvalidInterview, lambda: Interviewer(Hostile()))  # type: ignore[arg-type]
        assert str(error) == "Interviewer.name=<Hostile object>: expected a string, got Hostile"

    @given(st.from_type(object) | st.text() | st.integers() | st.lists(st.text()))
    def test_short_reprs_are_short_and_one_line(self, value: object) -> None:
        """Whatever the value, its repr in a message is one line of at most 80 characters."""
        text = _short_repr(value)
        assert len(text) <= 80
        assert "\n" not in text and "\r" not in text

    def test_problems_are_one_line(self) -> None:
        """A problem text with line breaks (from a library's message) is flattened and cut."""
        error = InvalidInterview("Interview.company", "x", "first\nsecond" * 1000)
        assert "\n" not in str(error)
        assert len(error.problem) <= 300


# -- item 12: errors pickle ------------------------------------------------------------------


def _every_error() -> list[Exception]:
    return [
        FollowupError("something went wrong"),
        InvalidInterview("Interview.company", "", "must not be empty"),
        InvalidHistory("history[2].at", at(2024, 7, 1), "is before the interview"),
        InvalidPolicy("Policy.min_gap", 10**5000, "must be between 1 and 60 business days"),
        InvalidPolicy("Policy.min_gap", (n for n in range(3)), "expected a whole number"),
        FormatError("plan.json", "$.interviewers[0].email", "is not an e-mail address"),
        FormatError("plan.json", "", "not JSON"),
        TemplateError("no such template", "thank_you_email.txt"),
        TemplateError("a CHECK_IN action has no message"),
    ]


class TestErrorsPickle:
    @pytest.mark.parametrize("error", _every_error(), ids=lambda e: type(e).__name__)
    def test_every_error_type_round_trips(self, error: Exception) -> None:
        """Item 12: Dask and multiprocessing send errors between processes."""
        again = pickle.loads(pickle.dumps(error))
        assert type(again) is type(error)
        assert str(again) == str(error)
        for name in ("field", "problem", "source", "path", "template"):
            assert getattr(again, name, None) == getattr(error, name, None)

    def test_an_error_about_an_unpicklable_value_still_pickles(self) -> None:
        """The refused value is kept when it pickles, else stood in for by its repr."""
        error = refused(InvalidInterview, lambda: Interviewer(lambda: "Ana"))  # type: ignore[arg-type]
        again = pickle.loads(pickle.dumps(error))
        assert str(again) == str(error)
        assert repr(again.value) == _short_repr(error.value)

    def test_every_error_class_is_covered(self) -> None:
        """No error type of the library is left out of the round trip above."""
        import followup_rules.errors as errors_module

        public = {
            obj
            for module in (errors_module,)
            for obj in vars(module).values()
            if isinstance(obj, type)
            and issubclass(obj, FollowupError)
            and not obj.__name__.startswith("_")
        } | {FormatError, TemplateError}
        assert public <= {type(error) for error in _every_error()}
