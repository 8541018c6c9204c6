"""The domain model refuses bad input at construction, with typed, named errors."""

from __future__ import annotations

import pickle
from datetime import date, datetime, timedelta, timezone
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    Candidate,
    Channel,
    Contact,
    FollowupError,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    plan,
)

from .factories import ANA, BO, at, interview


class TestInterview:
    def test_ends_at_is_derived(self) -> None:
        """Interview.ends_at is starts_at plus the duration (one hour by default)."""
        assert interview().ends_at == at(2024, 7, 2, 15)

    def test_ends_at_across_a_dst_change_is_real_time(self) -> None:
        """A 3-hour interview over the US fall-back lasts 3 real hours."""
        iv = interview(starts_at=at(2024, 11, 3, 0, 30), duration=timedelta(hours=3))
        assert iv.ends_at - iv.starts_at == timedelta(hours=3)
        assert iv.ends_at.hour == 2  # 00:30 EDT + 3h = 02:30 EST

    def test_stdlib_datetimes_are_accepted_and_become_pendulum(self) -> None:
        """Aware stdlib datetimes (zoneinfo or fixed offset) are converted, zone kept."""
        iv = interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=ZoneInfo("Europe/Paris")))
        assert isinstance(iv.starts_at, pendulum.DateTime)
        assert iv.timezone == "Europe/Paris"
        fixed = interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=timezone(timedelta(hours=2))))
        assert fixed.timezone == "+02:00"
        assert fixed.starts_at == datetime(2024, 7, 2, 12, tzinfo=timezone.utc)

    def test_names_are_accepted_for_interviewers(self) -> None:
        """A plain list of names is enough to start."""
        assert interview(interviewers=["Ana Ruiz"]).interviewers == (Interviewer("Ana Ruiz"),)

    def test_follow_up_contact_defaults_to_the_first(self) -> None:
        """The first interviewer receives check-ins unless another is named."""
        assert interview().follow_up_contact == ANA
        assert interview(contact="bo chen").follow_up_contact == BO

    def test_a_datetime_decision_date_keeps_its_date(self) -> None:
        """decision_by given as an aware datetime means its calendar date."""
        assert interview(decision_by=at(2024, 7, 10, 17)).decision_by == date(2024, 7, 10)

    def test_variants_by_evolve(self) -> None:
        """Frozen data: variants come from attrs.evolve, validated again."""
        iv = interview()
        later = attrs.evolve(iv, decision_by=date(2024, 7, 12))
        assert later.decision_by == date(2024, 7, 12) and iv.decision_by is None
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            iv.company = "Other"  # type: ignore[misc]
        with pytest.raises(InvalidInterview):
            attrs.evolve(iv, decision_by=date(2024, 6, 1))

    def test_models_pickle_with_their_zone(self) -> None:
        """Pickling keeps the zone (needed to run inside a distributed engine)."""
        iv = interview(
            recruiter=Recruiter("Rita"),
            candidate=Candidate("Sam", timezone="Asia/Tokyo"),
            decision_by=date(2024, 7, 10),
        )
        again = pickle.loads(pickle.dumps(iv))
        assert again == iv
        assert again.starts_at.timezone_name == "America/New_York"
        assert pickle.loads(pickle.dumps(plan(iv))) == plan(iv)
        assert pickle.loads(pickle.dumps(Policy.cautious())) == Policy.cautious()


BAD_INTERVIEWS: list[tuple[str, dict[str, Any]]] = [
    ("Interview.starts_at", {"starts_at": datetime(2024, 7, 2, 14)}),
    ("Interview.starts_at", {"starts_at": "2024-07-02T14:00"}),
    ("Interview.starts_at", {"starts_at": date(2024, 7, 2)}),
    ("Interview.interviewers", {"interviewers": []}),
    ("Interview.interviewers", {"interviewers": [ANA, Interviewer("ana ruiz")]}),
    ("Interview.interviewers", {"interviewers": [ANA, 42]}),
    ("Interview.interviewers", {"interviewers": 42}),
    ("Interview.decision_by", {"decision_by": date(2024, 7, 1)}),
    ("Interview.decision_by", {"decision_by": "whenever suits"}),
    ("Interview.decision_by", {"decision_by": datetime(2024, 7, 9)}),
    ("Interview.duration", {"duration": timedelta(0)}),
    ("Interview.duration", {"duration": -60}),
    ("Interview.duration", {"duration": timedelta(days=2)}),
    ("Interview.duration", {"duration": "1h"}),
    ("Interview.company", {"company": ""}),
    ("Interview.company", {"company": "Acme\r\nBcc: x@y.z"}),
    ("Interview.role", {"role": None}),
    ("Interview.contact", {"contact": "Zed"}),
    ("Interview.recruiter", {"recruiter": "Rita"}),
    ("Interview.candidate", {"candidate": {"name": "Sam"}}),
    ("Interview.invited_to_call", {"invited_to_call": "yes"}),
    ("Interview.topics", {"topics": [1, 2]}),
]


@pytest.mark.parametrize(("field", "change"), BAD_INTERVIEWS)
def test_bad_interview_names_field_and_value(field: str, change: dict[str, Any]) -> None:
    """Bad input (SPEC): a clear InvalidInterview naming the field, at construction."""
    with pytest.raises(InvalidInterview) as raised:
        interview(**change)
    assert raised.value.field == field
    assert str(raised.value).startswith(field)
    assert isinstance(raised.value, ValueError)
    assert isinstance(raised.value, FollowupError)


@pytest.mark.parametrize(
    ("field", "kwargs"),
    [
        ("Interviewer.timezone", {"timezone": "Mars/Olympus"}),
        ("Interviewer.timezone", {"timezone": 5}),
        ("Interviewer.email", {"email": "not an address"}),
        ("Interviewer.preferred_channel", {"preferred_channel": Channel.POSTAL}),
        ("Interviewer.preferred_channel", {"preferred_channel": "carrier pigeon"}),
        ("Interviewer.name", {"name": "  "}),
        ("Interviewer.name", {"name": "Ana\nRuiz"}),
    ],
)
def test_bad_interviewer(field: str, kwargs: dict[str, Any]) -> None:
    """Unknown zones, malformed addresses, unusable channels are refused by name."""
    kwargs.setdefault("name", "Ana Ruiz")
    with pytest.raises(InvalidInterview) as raised:
        Interviewer(**kwargs)
    assert raised.value.field == field


def test_channel_names_are_accepted_case_blind() -> None:
    """Channels may be given by name or value, as a config file would."""
    assert Interviewer("Ana", preferred_channel="PHONE").preferred_channel is Channel.PHONE
    assert Interviewer("Ana", preferred_channel="email").preferred_channel is Channel.EMAIL


class TestHistoryValidation:
    """Bad histories (SPEC): each error names the field, the value and the problem exactly."""

    @staticmethod
    def _refused(history: Any) -> InvalidHistory:
        with pytest.raises(InvalidHistory) as raised:
            plan(interview(), history=history)
        assert isinstance(raised.value, InvalidInterview)
        return raised.value

    def test_events_before_the_interview(self) -> None:
        """An event before the interview starts."""
        early = Reply(at(2024, 7, 1, 9))
        error = self._refused([early])
        assert (error.field, error.value) == ("history[0].at", early.at)
        assert error.problem == "is before the interview at 2024-07-02T14:00:00-04:00"

    def test_events_out_of_order_are_read_by_instant(self) -> None:
        """Events may come in any order (issue 17): the history is read by instant."""
        history = [Reply(at(2024, 7, 5, 9)), Reply(at(2024, 7, 4, 9))]
        assert plan(interview(), history=history) == plan(interview(), history=history[::-1])

    def test_unknown_recipient(self) -> None:
        """A contact to somebody not on the interview is refused."""
        error = self._refused([Contact(at(2024, 7, 5, 9), "email", recipient="Zed")])
        assert (error.field, error.value) == ("history[0].recipient", "Zed")
        assert error.problem == (
            "is not an interviewer or the recruiter of this interview (they are 'Ana Ruiz', "
            "'Bo Chen'); if the person was renamed in the interview, write the new name here too, "
            "or rename them everywhere at once"
        )

    def test_not_an_event(self) -> None:
        """Anything that is not an event is refused by position."""
        error = self._refused([Reply(at(2024, 7, 5, 9)), "called Ana"])
        assert (error.field, error.value) == ("history[1]", "called Ana")
        assert error.problem == "expected Contact, Reply, Update, OutOfOffice, Skip or Snooze"

    @pytest.mark.parametrize("history", ["called Ana", b"called", {"at": "today"}, 42, None])
    def test_not_a_sequence(self, history: Any) -> None:
        """A string, bytes, a mapping or a non-iterable is not a history at all."""
        error = self._refused(history)
        assert (error.field, error.value) == ("history", history)
        assert error.problem == "expected a sequence of events"

    def test_naive_event_time(self) -> None:
        """Naive datetimes are refused in events too."""
        with pytest.raises(InvalidHistory, match=r"Reply\.at"):
            Reply(datetime(2024, 7, 5, 9))

    def test_update_dates(self) -> None:
        """A new decision date belongs to UNDECIDED and cannot be in the past."""
        with pytest.raises(InvalidHistory, match=r"Update\.decision_by"):
            Update(at(2024, 7, 5, 9), Outcome.OFFER, decision_by=date(2024, 7, 9))
        with pytest.raises(InvalidHistory, match=r"Update\.decision_by"):
            Update(at(2024, 7, 5, 9), Outcome.UNDECIDED, decision_by=date(2024, 7, 1))
        with pytest.raises(InvalidHistory, match=r"OutOfOffice\.returns_on"):
            OutOfOffice(at(2024, 7, 5, 9), returns_on=date(2024, 7, 1))
        with pytest.raises(InvalidHistory, match=r"Update\.outcome"):
            Update(at(2024, 7, 5, 9), "maybe")

    def test_wrong_argument_types_to_plan(self) -> None:
        """plan() refuses a non-Interview or non-Policy with our errors."""
        with pytest.raises(InvalidInterview):
            plan("interview")  # type: ignore[arg-type]
        with pytest.raises(InvalidPolicy):
            plan(interview(), {"min_gap": 3})  # type: ignore[arg-type]

    def test_naive_now(self) -> None:
        """Plan.upcoming and Plan.next refuse a naive now: a bad argument, not a bad interview."""
        schedule = plan(interview())
        with pytest.raises(InvalidArgument, match="now"):
            schedule.next(datetime(2024, 7, 3))
        with pytest.raises(InvalidArgument, match="now"):
            schedule.upcoming("tomorrow")  # type: ignore[arg-type]


garbage = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.binary(max_size=5),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.datetimes(),
    st.dates(),
    st.timedeltas(),
    st.sampled_from([Channel.EMAIL, Outcome.OFFER, object(), float("inf"), -1, 0]),
)
TYPED = (InvalidInterview, InvalidPolicy)


def _only_typed_errors(build: Any) -> None:
    try:
        build()
    except TYPED as error:
        assert error.field  # names the field
    except Exception as error:  # pragma: no cover - the test fails here
        raise AssertionError(f"untyped error {type(error).__name__}: {error}") from error


@given(
    field=st.sampled_from(
        [
            "starts_at",
            "company",
            "role",
            "interviewers",
            "duration",
            "decision_by",
            "recruiter",
            "candidate",
            "contact",
            "topics",
            "missed",
            "requested",
            "invited_to_call",
        ]
    ),
    value=garbage,
)
def test_interview_from_garbage_raises_only_typed_errors(field: str, value: Any) -> None:
    """Constructing an Interview with any garbage field raises only our typed errors."""
    _only_typed_errors(lambda: interview(**{field: value}))


@given(
    field=st.sampled_from([f.name for f in attrs.fields(Policy)]),
    value=garbage,
)
def test_policy_from_garbage_raises_only_typed_errors(field: str, value: Any) -> None:
    """Constructing a Policy with any garbage knob raises only InvalidPolicy."""
    _only_typed_errors(lambda: Policy(**{field: value}))


@given(
    build=st.sampled_from([Interviewer, Recruiter, Candidate, OutOfOffice]),
    first=garbage,
    second=garbage,
)
def test_people_and_events_from_garbage_raise_only_typed_errors(
    build: Any, first: Any, second: Any
) -> None:
    """People and events built from garbage raise only our typed errors."""
    _only_typed_errors(lambda: build(first, second))
    _only_typed_errors(lambda: Reply(first))


@given(at_=garbage, channel=garbage, kind=garbage, recipient=garbage, outcome=garbage)
def test_contact_and_update_from_garbage(
    at_: Any, channel: Any, kind: Any, recipient: Any, outcome: Any
) -> None:
    """Contact and Update from garbage raise only our typed errors."""
    _only_typed_errors(lambda: Contact(at_, channel, kind, recipient))
    _only_typed_errors(lambda: Contact(at(2024, 7, 3), Channel.EMAIL, kind, recipient))
    _only_typed_errors(lambda: Update(at(2024, 7, 3), outcome, recipient))


def test_plan_many_streams_lazily() -> None:
    """plan_many yields one plan per interview, lazily, histories aligned."""
    from followup_rules import plan_many

    def endless():  # type: ignore[no-untyped-def]
        while True:
            yield interview()

    stream = plan_many(endless())
    assert next(stream) == plan(interview())
    histories = [[], [Reply(at(2024, 7, 3, 9))]]
    plans = list(plan_many([interview(), interview()], histories=histories))
    assert plans == [plan(interview()), plan(interview(), history=histories[1])]
    with pytest.raises(InvalidArgument, match="one history per interview"):
        list(plan_many([interview()], histories=[[], []]))


def test_version_and_unknown_attributes() -> None:
    """__version__ comes from the package metadata; unknown names raise AttributeError."""
    import followup_rules

    assert followup_rules.__version__.count(".") >= 2
    with pytest.raises(AttributeError, match="no_such_name"):
        _ = followup_rules.no_such_name  # type: ignore[attr-defined]


def test_templates_load_only_when_used() -> None:
    """Planning alone never imports the template machinery; its names still work."""
    import subprocess
    import sys

    code = (
        "import sys, followup_rules as f; assert 'followup_rules.messages' not in sys.modules; "
        "from followup_rules import render, TemplatePack, Message, TemplateError, audit; "
        "import followup_rules.messages as m; "
        "assert render is m.render and f.Message is m.Message; "
        "import followup_rules.audit; from followup_rules import audit; assert callable(audit)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
