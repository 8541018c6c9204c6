"""Errors people can read (issue 18, item 4) and one errors module (issue 20, item 4).

A person reads ``str(error)``: the field, the value as they wrote it (ISO
dates and times with their offset and zone, names in quotes, durations in
words) and the problem, with the name they probably meant.  Code reads
``.field``, ``.value`` and ``.problem``.
"""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta
from enum import Enum

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup_rules
from followup_rules import (
    Channel,
    Contact,
    FollowupError,
    FormatError,
    Interview,
    Interviewer,
    InterviewFormat,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Policy,
    Recruiter,
    Reply,
    TemplateError,
    agenda,
    plan,
    plan_many,
)
from followup_rules import _validate as v
from followup_rules import errors as errors_module

from .factories import at, interview
from .strategies import ZONES

PYTHON_REPRS = ("DateTime(", "Timezone(", "tzinfo=", "datetime.", "timedelta(", "<function")


class TestValuesAsPeopleWriteThem:
    def test_a_time_is_iso_with_its_offset_and_zone(self) -> None:
        """The issue's example: an event time reads as ISO 8601, not DateTime(...)."""
        early = pendulum.datetime(2024, 7, 1, 9, 25, tz="Europe/London")
        with pytest.raises(InvalidHistory) as caught:
            plan(interview(), history=[Reply(early)])
        assert str(caught.value).startswith(
            "history[0].at = 2024-07-01T09:25:00+01:00 (Europe/London): is before the interview"
        )

    def test_a_naive_time_says_it_has_no_zone(self) -> None:
        """A naive datetime is shown as written, marked as having no zone."""
        with pytest.raises(InvalidInterview) as caught:
            interview(starts_at=datetime(2024, 7, 2, 14))
        assert str(caught.value).startswith(
            "Interview.starts_at = 2024-07-02T14:00:00 (no time zone): naive datetime"
        )

    def test_a_duration_is_in_words(self) -> None:
        """A duration reads in days or hours, not timedelta(days=20)."""
        with pytest.raises(InvalidPolicy) as caught:
            Policy(thank_you_within=timedelta(days=20))
        assert str(caught.value) == "Policy.thank_you_within = 20 days: must be at most 14 days"

    def test_a_name_is_quoted(self) -> None:
        """Text values are quoted, so an empty or padded one shows."""
        with pytest.raises(InvalidInterview) as caught:
            interview(company="  ")
        assert str(caught.value) == "Interview.company = '  ': must not be empty"

    def test_a_person_is_named_not_dumped(self) -> None:
        """A model given where another is expected is named by type and name, not repr()."""
        with pytest.raises(InvalidInterview) as caught:
            interview(recruiter=Interviewer("Rita Cole"))
        assert str(caught.value) == (
            "Interview.recruiter = Interviewer 'Rita Cole': "
            "expected a Recruiter or None, got Interviewer"
        )

    @given(
        st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2024, 7, 1)),
        st.sampled_from(ZONES),
    )
    def test_no_message_holds_a_python_repr(self, moment: datetime, zone: str) -> None:
        """Whatever the time and zone of a refused event, the message has no repr in it."""
        early = pendulum.instance(moment).in_timezone(zone)
        with pytest.raises(InvalidHistory) as caught:
            plan(interview(), history=[Contact(early, "email")])
        message = str(caught.value)
        assert not any(text in message for text in PYTHON_REPRS), message
        assert early.isoformat() in message

    def test_code_still_reads_field_value_and_problem(self) -> None:
        """The attributes stay for code: the field, the value itself, the problem alone."""
        early = at(2024, 7, 1, 9)
        with pytest.raises(InvalidHistory) as caught:
            plan(interview(), history=[Reply(early)])
        error = caught.value
        assert (error.field, error.value) == ("history[0].at", early)
        assert error.problem.startswith("is before the interview")


class TestCloseMatches:
    def test_an_unknown_zone_suggests_the_closest(self) -> None:
        """A misspelt zone: "did you mean 'Europe/Berlin'?"."""
        with pytest.raises(InvalidInterview) as caught:
            Interviewer("Ana Ruiz", timezone="Europe/Berln")
        assert caught.value.problem == (
            "unknown time zone 'Europe/Berln': did you mean 'Europe/Berlin'?"
        )

    @pytest.mark.parametrize(
        ("typed", "meant"),
        [
            ("Berlin", "Europe/Berlin"),
            ("new york", "America/New_York"),
            ("europe/paris", "Europe/Paris"),
        ],
    )
    def test_a_city_or_a_wrong_case_finds_its_zone(self, typed: str, meant: str) -> None:
        """A city alone, or the name in the wrong case, points to the IANA name."""
        with pytest.raises(InvalidInterview) as caught:
            Interviewer("Ana Ruiz", timezone=typed)
        assert caught.value.problem.endswith(f"did you mean {meant!r}?")

    def test_a_zone_far_from_any_keeps_the_general_advice(self) -> None:
        """No close match: how to write a zone, and no guess."""
        with pytest.raises(InvalidInterview) as caught:
            Interviewer("Ana Ruiz", timezone="Mars/Olympus")
        assert "did you mean" not in caught.value.problem
        assert "IANA name like 'Europe/Paris'" in caught.value.problem

    def test_a_misspelt_contact_suggests_the_interviewer(self) -> None:
        """Interview.contact: "did you mean 'Ana Ruiz'?"."""
        with pytest.raises(InvalidInterview) as caught:
            interview(contact="Ana Ruis")
        assert caught.value.problem == "is not one of the interviewers: did you mean 'Ana Ruiz'?"

    def test_an_unknown_contact_lists_the_interviewers(self) -> None:
        """No close match: the interviewers there are."""
        with pytest.raises(InvalidInterview) as caught:
            interview(contact="Zed")
        assert caught.value.problem == (
            "is not one of the interviewers (the interviewers are 'Ana Ruiz', 'Bo Chen')"
        )

    def test_a_misspelt_recipient_in_a_history_suggests_the_person(self) -> None:
        """A history's contact to "Bo Chan": "did you mean 'Bo Chen'?"."""
        with pytest.raises(InvalidHistory) as caught:
            plan(interview(), history=[Contact(at(2024, 7, 3, 9), "email", recipient="Bo Chan")])
        assert caught.value.problem.endswith(": did you mean 'Bo Chen'?")

    def test_a_misspelt_preset_suggests_the_preset(self) -> None:
        """Policy.preset("cautous"): "did you mean 'cautious'?"."""
        with pytest.raises(InvalidPolicy) as caught:
            Policy.preset("cautous")
        assert caught.value.problem.startswith("did you mean 'cautious'? expected one of")


class TestBadArguments:
    def test_a_naive_now_is_a_bad_argument(self) -> None:
        """now is an argument, not part of the interview: InvalidArgument, also a ValueError."""
        with pytest.raises(InvalidArgument) as caught:
            agenda(interview(), now=datetime(2024, 7, 3, 9))
        assert caught.value.field == "now"
        assert isinstance(caught.value, ValueError)
        assert not isinstance(caught.value, InvalidInterview)

    def test_until_before_now_is_a_bad_argument(self) -> None:
        """until before now names until, with now in ISO 8601."""
        with pytest.raises(InvalidArgument) as caught:
            agenda(interview(), now=at(2024, 7, 4), until=at(2024, 7, 3))
        assert str(caught.value) == (
            "until = 2024-07-03T00:00:00-04:00 (America/New_York): "
            "is before now (2024-07-04T00:00:00-04:00)"
        )

    def test_histories_of_the_wrong_length_are_a_bad_argument(self) -> None:
        """plan_many with one history too many names histories."""
        with pytest.raises(InvalidArgument) as caught:
            list(plan_many([interview()], histories=[[], []]))
        assert caught.value.field == "histories"

    def test_a_previous_calendar_that_is_not_one_is_a_bad_argument(self) -> None:
        """export's previous calendar: InvalidArgument naming previous."""
        from followup_rules.export import to_ics

        iv = interview()
        with pytest.raises(InvalidArgument) as caught:
            to_ics(plan(iv), iv, now=at(2024, 7, 3), previous=b"not a calendar")
        assert caught.value.field == "previous"


class TestOneErrorsModule:
    def test_every_error_class_is_in_errors(self) -> None:
        """errors.py holds them all (issue 20): nothing to import from deeper modules."""
        names = {
            "FollowupError",
            "FormatError",
            "InvalidArgument",
            "InvalidHistory",
            "InvalidInterview",
            "InvalidPolicy",
            "StepIdError",
            "TemplateError",
        }
        assert set(errors_module.__all__) == names
        for name in names:
            assert getattr(followup_rules, name) is getattr(errors_module, name)

    def test_the_old_import_paths_still_work(self) -> None:
        """TemplateError from messages and FormatError from serialize are the same classes."""
        from followup_rules.messages import TemplateError as from_messages
        from followup_rules.serialize import FormatError as from_serialize

        assert (from_messages, from_serialize) == (TemplateError, FormatError)

    def test_a_bad_event_is_still_an_invalid_interview(self) -> None:
        """SPEC: bad events raise InvalidInterview; InvalidHistory is the precise subclass."""
        assert issubclass(InvalidHistory, InvalidInterview)
        assert all(
            issubclass(kind, FollowupError)
            for kind in (FormatError, TemplateError, InvalidArgument, InvalidPolicy)
        )


class TestPickling:
    def test_the_chain_that_cannot_travel_is_dropped_when_pickled(self) -> None:
        """An error raised while handling another pickles without it (Dask sends the chain)."""

        class Local(Exception):
            pass

        try:
            try:
                raise Local("cannot be pickled: a local class")
            except Local as inner:
                raise InvalidPolicy("Policy.min_gap", 0, "must be at least 1") from inner
        except InvalidPolicy as caught:
            error = caught
        assert isinstance(error.__cause__, Local)  # kept while debugging in the process
        again = pickle.loads(pickle.dumps(error))
        assert (error.__cause__, error.__context__) == (None, None)
        assert str(again) == str(error)


class TestAttrsNativeValidation:
    def test_a_house_policy_that_changes_a_default_keeps_the_check(self) -> None:
        """A subclass redefining min_gap with a plain default still refuses 0."""

        @attrs.frozen(kw_only=True)
        class House(Policy):
            min_gap: int = 5

        assert House().min_gap == 5
        with pytest.raises(InvalidPolicy) as caught:
            House(min_gap=0)
        assert caught.value.field == "House.min_gap"

    def test_a_house_policy_mixing_kinds_of_fields_keeps_every_plain_default_checked(
        self,
    ) -> None:
        """A new field, or one declared in full, before a plain default does not stop its check."""

        @attrs.frozen(kw_only=True)
        class House(Policy):
            team: str = "hiring"
            max_calls: int = attrs.field(default=0)
            min_gap: int = 5

        assert (House().team, House().max_calls, House().min_gap) == ("hiring", 0, 5)
        with pytest.raises(InvalidPolicy) as caught:
            House(min_gap=0)
        assert caught.value.field == "House.min_gap"

    def test_a_house_policy_shows_its_new_default(self) -> None:
        """The repr of a house policy lists the field it redefined, with its value."""

        @attrs.frozen(kw_only=True)
        class House(Policy):
            min_gap: int = 5

        assert "min_gap=5" in repr(House())

    def test_a_changed_default_stays_keyword_only(self) -> None:
        """Interview.format is keyword-only; a subclass giving it a new default keeps it so,
        so a value passed by position never lands in it."""

        @attrs.frozen
        class VideoInterview(Interview):
            format: InterviewFormat = InterviewFormat.VIDEO

        iv = VideoInterview(at(2024, 7, 2, 14), "Acme", "Engineer", ["Ana Ruiz"])
        assert iv.format is InterviewFormat.VIDEO
        with pytest.raises(TypeError):
            VideoInterview(
                at(2024, 7, 2, 14),
                "Acme",
                "Engineer",
                ["Ana Ruiz"],
                timedelta(hours=1),
                None,
                None,
                InterviewFormat.PHONE,
            )

    def test_evolve_checks_again(self) -> None:
        """attrs.evolve runs the converters: a variant is as checked as the original."""
        with pytest.raises(InvalidInterview) as caught:
            attrs.evolve(interview(), company="")
        assert caught.value.field == "Interview.company"

    def test_what_a_field_accepts_is_what_it_converts(self) -> None:
        """Times as timedelta (a bare number is refused: spec8 finding 4), windows as text,
        lists for tuples (stamina's shape)."""
        policy = Policy(
            thank_you_within=timedelta(hours=1), call_window="09:30-11:00", min_gap=timedelta(3)
        )
        iv = Interview(at(2024, 7, 2, 14), "Acme", "Engineer", ["Ana Ruiz"], topics=["data"])
        assert (policy.thank_you_within, str(policy.call_window), policy.min_gap) == (
            timedelta(hours=1),
            "09:30-11:00",
            3,
        )
        assert (iv.interviewers[0].name, iv.topics) == ("Ana Ruiz", ("data",))


class _Size(Enum):
    SMALL = "s"
    LARGE = "l"


def _checked_model() -> type:
    """A small model checked the way every model of the package is (made when called).

    Made inside the tests, not at import: its checks are built while a test runs.
    """

    @attrs.frozen(kw_only=True)
    class Sample(v.Checked):
        _error = InvalidPolicy

        size: int = attrs.field(default=3, converter=v.converter(v.count_between(1, 5)))  # type: ignore[misc]
        via: Channel | None = attrs.field(
            default=None,
            converter=v.converter(  # type: ignore[misc]
                v.optional(v.member_of(Channel, allowed=(Channel.EMAIL, Channel.PHONE)))
            ),
        )
        fit: _Size = attrs.field(default=_Size.SMALL, converter=v.converter(v.member_of(_Size)))  # type: ignore[misc]
        who: Interviewer | None = attrs.field(
            default=None,
            converter=v.converter(v.instance_of(Interviewer, optional=True)),  # type: ignore[misc]
        )
        copies: int = attrs.field(default=0, converter=v.converter(v.count_between(0)))  # type: ignore[misc]
        lead: Recruiter | Interviewer = attrs.field(
            default=Recruiter("Sam Lee"),
            converter=v.converter(v.instance_of(Recruiter, Interviewer)),  # type: ignore[misc]
        )

    return Sample


def _refusal(**fields: object) -> InvalidPolicy:
    with pytest.raises(InvalidPolicy) as caught:
        _checked_model()(**fields)
    return caught.value


class TestFieldChecks:
    """The checks behind every model field: the typed error names ``Model.field``, the
    value as given and the problem, and well-formed values come through."""

    def test_a_refused_value_names_the_model_field_and_value(self) -> None:
        error = _refusal(size=9)
        assert (error.field, error.value, error.problem) == ("Sample.size", 9, "must be at most 5")
        assert str(error) == "Sample.size = 9: must be at most 5"

    def test_a_count_takes_both_of_its_bounds(self) -> None:
        model = _checked_model()
        assert (model(size=1).size, model(size=5).size) == (1, 5)
        assert _refusal(size=0).problem == "must be at least 1"

    def test_a_count_without_a_stated_maximum_stops_at_a_thousand(self) -> None:
        assert _checked_model()(copies=1000).copies == 1000
        assert _refusal(copies=1001).problem == "must be at most 1000"

    def test_a_count_is_a_whole_number_not_a_bool(self) -> None:
        assert _refusal(size=True).problem == "expected a whole number, got bool"
        assert _refusal(size="3").problem == "expected a whole number, got str"

    def test_a_value_whose_own_methods_raise_is_the_field_error(self) -> None:
        """A value that breaks while checked is refused as unreadable, its cause kept."""

        class Hostile(str):
            def __len__(self) -> int:
                raise RuntimeError("no length for you")

        error = _refusal(via=Hostile("email"))
        assert (error.field, error.problem) == (
            "Sample.via",
            "cannot be read (RuntimeError while checking it)",
        )
        assert isinstance(error.__cause__, RuntimeError)

    def test_an_optional_field_takes_none_and_still_checks_the_rest(self) -> None:
        model = _checked_model()
        assert model(via=None).via is None
        assert model(via="email").via is Channel.EMAIL

    def test_a_member_is_found_by_itself_its_name_or_its_value(self) -> None:
        model = _checked_model()
        assert model(via=Channel.PHONE).via is Channel.PHONE
        assert model(via="  Phone ").via is Channel.PHONE
        assert model(fit="LARGE").fit is _Size.LARGE
        assert model(fit="l").fit is _Size.LARGE
        assert model(fit=_Size.LARGE).fit is _Size.LARGE

    def test_a_member_outside_the_allowed_ones_is_refused_naming_them(self) -> None:
        for value in (Channel.POSTAL, "postal", "fax"):
            error = _refusal(via=value)
            assert (error.field, error.problem) == ("Sample.via", "expected one of EMAIL, PHONE")
        assert _refusal(fit="medium").problem == "expected one of SMALL, LARGE"

    def test_a_member_name_is_read_up_to_a_hundred_characters(self) -> None:
        """A name padded with spaces is read up to 100 characters; longer text is refused
        unread (no case folding of a huge string)."""
        model = _checked_model()
        assert model(via="email".ljust(100)).via is Channel.EMAIL
        assert _refusal(via="email".ljust(101)).problem == "expected one of EMAIL, PHONE"

    def test_an_instance_check_names_the_expected_types(self) -> None:
        model = _checked_model()
        ana = Interviewer("Ana Ruiz")
        assert (model(who=ana).who, model(who=None).who, model(lead=ana).lead) == (ana, None, ana)
        assert _refusal(who="Ana Ruiz").problem == "expected an Interviewer or None, got str"
        assert _refusal(lead=None).problem == "expected a Recruiter or Interviewer, got NoneType"


class TestHooks:
    def test_a_hook_day_far_in_the_future_is_a_policy_error(self) -> None:
        """Issue 18: a check_in_day in year 9999 gives InvalidPolicy, not an OverflowError."""

        class Far(Policy):
            def check_in_day(self, state: object, earliest: date) -> date:
                return date(9999, 12, 30)

        with pytest.raises(InvalidPolicy) as caught:
            plan(interview(), Far())
        assert (caught.value.field, caught.value.value) == ("Far.check_in_day", date(9999, 12, 30))

    def test_a_hook_a_few_months_out_is_kept(self) -> None:
        """A house rule that waits months is its business: the step is planned, and done()."""

        class Patient(Policy):
            def check_in_day(self, state: object, earliest: date) -> date:
                return earliest + timedelta(days=300)

        check_in = next(a for a in plan(interview(), Patient()) if a.rule.startswith("check-in"))
        assert check_in.earliest.date() >= date(2025, 5, 1)
        assert check_in.done().at == check_in.suggested


class TestOneKeyForOneInput:
    """`FollowupError.key` (app5 trial): one input, one name, whoever refused it."""

    def test_the_same_input_has_the_same_key(self) -> None:
        """A time typed in a form: refused by parse_when, by structure_event (naming the
        form) and by Application.record (an event after now): each says key "at"."""
        from followup_rules import Application, parse_when
        from followup_rules.serialize import structure_event

        iv = interview()
        now = iv.ends_at.add(days=1)
        refusals = [
            lambda: parse_when("2024-07-0l", iv, now, field="at"),
            lambda: structure_event({"type": "reply", "at": "2024-07-0l"}, zone=iv, source="form"),
            lambda: Application(iv).record(Reply(now.add(days=3)), now=now),
        ]
        keys = []
        for refuse in refusals:
            with pytest.raises(FollowupError) as raised:
                refuse()
            keys.append(raised.value.key)
        assert keys == ["at", "at", "at"]

    @pytest.mark.parametrize(
        ("error", "key"),
        [
            (FormatError("acme.toml", "$.interviewers[1].email", "bad"), "email"),
            (FormatError("acme.toml", "$.event[3]", "bad"), "event"),
            (FormatError("acme.toml", "$", "bad"), None),
            (FormatError("<data>", "", "bad"), None),
            (InvalidInterview("Interview.contact", "x", "bad"), "contact"),
            (InvalidArgument("now", 1, "bad"), "now"),
            (TemplateError("broken", "thank_you_email.txt"), None),
            (FollowupError("plain"), None),
        ],
    )
    def test_the_key_is_the_last_key_of_the_field(
        self, error: FollowupError, key: str | None
    ) -> None:
        assert error.key == key
