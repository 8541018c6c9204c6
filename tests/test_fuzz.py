"""The fuzz gate of issue 11: arbitrary values into every public constructor and function.

Whatever goes in (huge numbers, NaN, far or naive datetimes, lone
surrogates, nested containers, endless iterators, objects whose ``__eq__``,
``__hash__``, ``__str__`` or ``__repr__`` raise, datetimes with a broken
tzinfo), only a `FollowupError` comes out, and its message is one line that
starts by naming the field.  What is accepted is usable: it pickles, and an
accepted interview or policy plans and audits without error.
"""

from __future__ import annotations

import itertools
import math
import pickle
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import (
    Action,
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Facts,
    FollowupError,
    Interview,
    Interviewer,
    InterviewFormat,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Recruiter,
    Reply,
    Salutation,
    Skip,
    Snooze,
    TimeWindow,
    Update,
    audit,
    plan,
    plan_many,
)
from followup_rules.action import _check_now
from followup_rules.errors import _InvalidField
from followup_rules.rules import RULES, SEEDS

from .factories import ANA, BO, at, interview
from .strategies import any_policy, interviews

# -- hostile objects ---------------------------------------------------------------


class Boom(Exception):
    """What the hostile objects raise: never one of ours, never a built-in kind."""


def _boom(*args: object, **kwargs: object) -> Any:
    raise Boom("hostile")


class Hostile:
    """Every dunder a check might touch raises."""

    __eq__ = __ne__ = __lt__ = __le__ = __gt__ = __ge__ = _boom
    __hash__ = _boom  # type: ignore[assignment]
    __str__ = __repr__ = __format__ = _boom
    __iter__ = __len__ = __bool__ = __index__ = __int__ = __float__ = _boom
    __getattr__ = _boom


class HostileStr(str):
    """A string whose own methods raise (its characters are fine)."""

    __eq__ = __ne__ = __lt__ = _boom
    __hash__ = _boom  # type: ignore[assignment]
    __str__ = __repr__ = __len__ = _boom
    strip = casefold = upper = lower = encode = partition = split = count = _boom


class HostileInt(int):
    """An int whose comparisons and conversions raise."""

    __eq__ = __lt__ = __le__ = __gt__ = __ge__ = _boom
    __hash__ = _boom  # type: ignore[assignment]
    __index__ = __int__ = __float__ = __repr__ = __str__ = _boom


class Endless:
    """An iterable that never ends."""

    def __iter__(self) -> Iterator[str]:
        return itertools.repeat("Ana Ruiz")


class BrokenIterable:
    """An iterable whose iterator fails after one item."""

    def __iter__(self) -> Iterator[str]:
        yield "Ana Ruiz"
        raise Boom("broken iterator")


class RaisingZone(tzinfo):
    def utcoffset(self, when: datetime | None) -> timedelta:
        raise Boom("no offset")


class WrongTypeZone(tzinfo):
    def utcoffset(self, when: datetime | None) -> Any:
        return "+05:00"


class HugeZone(tzinfo):
    def utcoffset(self, when: datetime | None) -> timedelta:
        return timedelta(hours=30)


class FlippingZone(tzinfo):
    """A different offset at every call."""

    calls = 0

    def utcoffset(self, when: datetime | None) -> timedelta:
        FlippingZone.calls += 1
        return timedelta(hours=FlippingZone.calls % 24 - 12)


class KeyRaisingZone(tzinfo):
    @property
    def key(self) -> str:
        raise Boom("no key")

    def utcoffset(self, when: datetime | None) -> timedelta:
        return timedelta(hours=2)


class SecondsZone(tzinfo):
    def utcoffset(self, when: datetime | None) -> timedelta:
        return timedelta(hours=1, seconds=7)


class BrokenYear(datetime):
    """A datetime subclass whose year raises."""

    @property
    def year(self) -> int:  # type: ignore[override]
        raise Boom("no year")


def _hostiles() -> list[object]:
    when = (2024, 7, 2, 14)
    return [
        Hostile(),
        HostileStr("Ana Ruiz"),
        HostileStr("email"),
        HostileInt(3),
        Endless(),
        BrokenIterable(),
        itertools.repeat("Ana"),
        itertools.count(),
        datetime(*when, tzinfo=RaisingZone()),
        datetime(*when, tzinfo=WrongTypeZone()),
        datetime(*when, tzinfo=HugeZone()),
        datetime(*when, tzinfo=FlippingZone()),
        datetime(*when, tzinfo=KeyRaisingZone()),
        datetime(*when, tzinfo=SecondsZone()),
        BrokenYear(*when, tzinfo=timezone.utc),
        (x for x in range(3)),
        lambda: "Ana",
        [Hostile()],
        (Hostile(), Hostile()),
        {"name": Hostile()},
    ]


# -- arbitrary values ---------------------------------------------------------------------

_SPECIAL = [
    10**5000,
    -(10**5000),
    2**63,
    -1,
    0,
    math.nan,
    math.inf,
    -math.inf,
    1e300,
    timedelta.max,
    timedelta.min,
    date.max,
    date.min,
    datetime.max,
    datetime.min,
    datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5))),
    datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5))),
    "",
    " ",
    "x" * 100_000,
    "Ana\ud800",
    "Ana\u202eRuiz",
    "Zoe\u0308",
    "evil.example>,<ana@acme.example",
    "ana@acme.example",
    "localtime",
    "GMT+5",
    "+05:30",
    "Europe/Paris",
    "email",
    "phone",
    "check_in",
    "undecided",
    "US",
    ("US", "CA"),
    ("10:00", "11:30"),
    "10:00-11:30",
    b"bytes",
    ANA,
    BO,
    Recruiter("Rita Cole"),
    Candidate("Sam Lee"),
    Policy(),
    TimeWindow("08:00", "17:00"),
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=20),
    st.text(st.characters(exclude_categories=()), max_size=10),  # surrogates too
    st.binary(max_size=10),
    st.dates(),
    st.datetimes(),  # naive
    st.datetimes(timezones=st.timezones()),  # aware, years 1 to 9999
    st.timedeltas(),
    st.times(),
    st.sampled_from([*Channel, *ActionKind, *Outcome]),
    # By index: Hypothesis prints a strategy's elements, and these cannot all be printed.
    st.integers(0, len(_SPECIAL) - 1).map(lambda index: _SPECIAL[index]),
    st.integers(0, len(_hostiles()) - 1).map(lambda index: _hostiles()[index]),
    st.from_type(type).flatmap(st.from_type).filter(lambda value: not isinstance(value, type)),
)
anything = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.tuples(children, children),
        st.dictionaries(st.text(max_size=5), children, max_size=3),
    ),
    max_leaves=6,
)

# Action's times are annotated pendulum.DateTime: any wall time, naive or in any zone.
st.register_type_strategy(
    pendulum.DateTime,
    st.datetimes(timezones=st.none() | st.timezones()).map(
        lambda moment: pendulum.DateTime(
            moment.year, moment.month, moment.day, moment.hour, tzinfo=moment.tzinfo
        )
    ),
)


# -- the check ------------------------------------------------------------------------------


def only_typed_errors(call: Callable[[], Any]) -> Any:
    """Run *call*: it returns, or raises a field error whose message is one line naming it."""
    try:
        return call()
    except FollowupError as error:
        assert isinstance(error, _InvalidField), repr(error)
        message = str(error)
        assert error.field
        assert message.startswith(f"{error.field} = "), message
        assert "\n" not in message and "\r" not in message, message
        assert len(message) < 500
        pickled_with_its_chain(error)
        return None


def pickled_with_its_chain(error: BaseException) -> None:
    """*error*, its cause and its context each pickle and unpickle.

    Dask pickles an error with its chain (tblib's pickling support), so a
    chained exception that cannot be pickled would stop the error itself.
    """
    chain: list[BaseException | None] = [error]
    while chain:
        item = chain.pop()
        if item is not None:
            pickle.loads(pickle.dumps(item))
            chain += [item.__cause__, item.__context__]


CONSTRUCTORS = [
    Interview,
    Interviewer,
    Recruiter,
    Candidate,
    Policy,
    TimeWindow,
    Contact,
    Reply,
    Update,
    OutOfOffice,
    Skip,
    Snooze,
    Action,
]


# Valid values, field by field, so that most calls get far enough to be accepted
# or refused for the one or two fields that were given something arbitrary.
_ZONES = [
    ZoneInfo(name) for name in ("UTC", "Asia/Kolkata", "Pacific/Kiritimati", "America/St_Johns")
]
_TIMES = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(9000, 12, 30),
    timezones=st.sampled_from(_ZONES),
)
_AT = st.shared(_TIMES, key="at")
_NAMES = st.sampled_from(["Ana Ruiz", "Bo Chen", "Zoe\u0308 Martin", "李雷"])
_TEXT = st.text(min_size=1, max_size=20)
_OPTIONAL_TEXT = st.none() | _TEXT
_DAYS_LATER = st.integers(0, 30).map(lambda days: timedelta(days=days))
_BUSINESS_DAYS = st.integers(1, 60)
_WINDOW = st.sampled_from([("10:00", "11:30"), "09:00-10:00", TimeWindow("08:00", "17:00")])
_PERSON = {
    "name": _NAMES | _TEXT,
    "email": st.none() | st.emails(),
    "phone": _OPTIONAL_TEXT,
    "timezone": st.none() | st.sampled_from(["UTC", "Europe/Paris", "+05:30", "Asia/Kathmandu"]),
}
_PERSON_ID = st.none() | st.sampled_from(["ana", "p-1", "dev-patel-660988bd4cb4"])

VALID: dict[type, dict[str, st.SearchStrategy[Any]]] = {
    Interview: {
        "starts_at": _AT,
        "company": _TEXT,
        "role": _TEXT,
        "interviewers": st.lists(_NAMES, min_size=1, max_size=3, unique=True),
        "duration": st.timedeltas(timedelta(minutes=1), timedelta(hours=24)),
        "decision_by": st.none()
        | st.tuples(_AT, _DAYS_LATER).map(lambda p: p[0].date() + p[1])
        | st.sampled_from(["in a couple of weeks", "by Friday", "next month"]),
        "recruiter": st.none() | st.just(Recruiter("Rita Cole", agency="SelecSource")),
        "candidate": st.none() | st.just(Candidate("Sam Lee", timezone="Europe/Paris")),
        "contact": st.none() | _NAMES,
        "topics": st.lists(_TEXT, max_size=3),
        "missed": st.lists(_TEXT, max_size=3),
        "requested": st.lists(_TEXT, max_size=3),
        "invited_to_call": st.booleans(),
        "fit": _OPTIONAL_TEXT,
        "format": st.sampled_from([*InterviewFormat, "video"]),
        "address": _OPTIONAL_TEXT,
        "id": st.none() | st.sampled_from(["acme-2026", "a", "x.y_z-1"]),
    },
    Interviewer: {
        **_PERSON,
        "title": _OPTIONAL_TEXT,
        "preferred_channel": st.none() | st.sampled_from(["email", "PHONE", Channel.EMAIL]),
        "honorific": st.none() | st.sampled_from(["Dr.", "ms", "Ms. Dr.", "Prof"]),
        "surname": _OPTIONAL_TEXT,
        "part": _OPTIONAL_TEXT,
        "topics": st.lists(_TEXT, max_size=3),
        "fit": _OPTIONAL_TEXT,
        "missed": st.lists(_TEXT, max_size=3),
        "requested": st.lists(_TEXT, max_size=3),
        "address": _OPTIONAL_TEXT,
        "id": _PERSON_ID,
    },
    Recruiter: {key: _PERSON[key] for key in ("name", "email", "phone", "timezone")}
    | {
        "agency": _OPTIONAL_TEXT,
        "honorific": st.none() | st.sampled_from(["Ms.", "mr", "Dr."]),
        "id": _PERSON_ID,
    },
    Candidate: dict(_PERSON) | {"language": st.none() | st.sampled_from(["de", "fr_CA", "es"])},
    Policy: {
        "thank_you_within": st.timedeltas(timedelta(minutes=1), timedelta(days=14)),
        "thank_you_channel": st.sampled_from(["email", "postal", Channel.POSTAL]),
        "thank_you_each_interviewer": st.booleans(),
        "recruiter_debrief_within": st.integers(60, 2 * 86400),
        "wait_after_deadline": _BUSINESS_DAYS,
        "wait_without_deadline": _BUSINESS_DAYS,
        "min_gap": _BUSINESS_DAYS,
        "max_check_ins": st.integers(0, 20),
        "max_calls": st.integers(0, 20),
        "calls_need_invitation": st.booleans(),
        "call_window": _WINDOW,
        "send_window": _WINDOW,
        "respect_preferred_channel": st.booleans(),
        "ask_feedback_on_rejection": st.booleans(),
        "feedback_response_within": _BUSINESS_DAYS,
        "thank_you_late_within": st.integers(0, 60),
        "recruiter_debrief_late_within": st.integers(0, 60),
        "follow_up_late_within": st.integers(0, 60),
        "holidays": st.sampled_from([None, "US", ("DE", "BY"), "JP"]),
        "mail_card_immediately": st.booleans(),
        "max_contacts_ever": st.integers(0, 40),
        "salutation": st.sampled_from([*Salutation, "first_name"]),
    },
    TimeWindow: {"start": st.times(), "end": st.times()},
    Contact: {
        "at": _AT,
        "channel": st.sampled_from(list(Channel)),
        "kind": st.sampled_from(list(ActionKind)),
        "recipient": st.none() | _NAMES,
        "voicemail": st.booleans(),
        "message_id": st.none() | st.just("<abc.1@mail.example>"),
        "subject": _OPTIONAL_TEXT,
        "answered": st.none() | st.booleans(),
        "note": _OPTIONAL_TEXT,
    },
    Reply: {"at": _AT, "sender": st.none() | _NAMES, "note": _OPTIONAL_TEXT},
    Update: {
        "at": _AT,
        "outcome": st.sampled_from(list(Outcome)),
        "decision_by": st.none() | st.tuples(_AT, _DAYS_LATER).map(lambda p: p[0].date() + p[1]),
        "sender": st.none() | _NAMES,
        "note": _OPTIONAL_TEXT,
    },
    OutOfOffice: {
        "at": _AT,
        "returns_on": st.none() | st.tuples(_AT, _DAYS_LATER).map(lambda p: p[0].date() + p[1]),
        "sender": st.none() | _NAMES,
        "note": _OPTIONAL_TEXT,
    },
    Skip: {"at": _AT, "step": st.just("check_in-ana-1@followup-rules"), "note": _OPTIONAL_TEXT},
    Snooze: {
        "at": _AT,
        "step": st.just("check_in-ana-1@followup-rules"),
        "until": st.tuples(_AT, _DAYS_LATER).map(lambda p: p[0] + p[1] + timedelta(hours=1)),
        "note": _OPTIONAL_TEXT,
    },
    Action: {
        "kind": st.sampled_from(list(ActionKind)),
        "channel": st.sampled_from(list(Channel)),
        "recipient": st.sampled_from([None, ANA, Recruiter("Rita Cole")]),
        "earliest": _AT,
        "latest": _AT.map(lambda moment: moment + timedelta(days=1)),
        "suggested": _AT.map(lambda moment: moment + timedelta(hours=1)),
        "rule": st.sampled_from(sorted(RULES)),
        "sources": st.lists(st.sampled_from(SEEDS), max_size=3),
        "template": st.none() | st.sampled_from(["check_in_email", "thank_you_card"]),
        "facts": st.just(Facts()) | st.builds(Facts, attempt=st.integers(0, 5)),
        "late_since": st.none() | _AT,
    },
}


def _arguments(data: st.DataObject, cls: type) -> dict[str, Any]:
    """Valid keyword arguments for *cls*, except up to three fields given anything at all.

    Optional fields are sometimes left out.
    """
    fields = [field for field in attrs.fields(cls) if field.init]
    wild = data.draw(st.sets(st.sampled_from([field.name for field in fields]), max_size=3))
    arguments = {}
    for field in fields:
        if field.default is not attrs.NOTHING and data.draw(st.booleans()):
            continue
        strategy = anything if field.name in wild else VALID[cls][field.name]
        arguments[field.name] = data.draw(strategy, label=f"{cls.__name__}.{field.name}")
    return arguments


def _accepted_is_usable(value: object) -> None:
    """An accepted object pickles back equal, prints, and (an interview) plans."""
    assert pickle.loads(pickle.dumps(value)) == value
    repr(value)
    if isinstance(value, Interview):
        assert audit(value, [step.done() for step in plan(value)]) == []
    elif isinstance(value, Policy):
        assert audit(interview(), [step.done() for step in plan(interview(), value)], value) == []
    elif isinstance(value, (Contact, Reply, Update, OutOfOffice, Skip, Snooze)):
        only_typed_errors(lambda: plan(interview(), history=[value]))
    elif isinstance(value, Action):
        value.describe()
        value.done()
        Plan((value,)).upcoming(value.earliest)


class TestConstructors:
    @given(st.data(), st.sampled_from(CONSTRUCTORS))
    def test_arbitrary_arguments(self, data: st.DataObject, cls: type) -> None:
        """Any keyword arguments: a typed, one-line, named error, or a usable object."""
        arguments = _arguments(data, cls)
        built = only_typed_errors(lambda: cls(**arguments))
        if built is not None:
            _accepted_is_usable(built)

    @given(st.data(), st.sampled_from(CONSTRUCTORS))
    def test_positional_arguments(self, data: st.DataObject, cls: type) -> None:
        """The same, positionally, for the classes that take positional arguments."""
        fields = [f for f in attrs.fields(cls) if f.init and not f.kw_only]
        values = [data.draw(anything) for f in fields if f.default is attrs.NOTHING]
        built = only_typed_errors(lambda: cls(*values))
        if built is not None:
            _accepted_is_usable(built)

    # When a build is refused, Hypothesis notes the (large) repr of the strategy.
    @pytest.mark.filterwarnings("ignore:Generating overly large repr")
    @given(st.data(), st.sampled_from(CONSTRUCTORS))
    def test_builds_with_arbitrary_arguments(self, data: st.DataObject, cls: type) -> None:
        """st.builds with anything for every argument, optional ones included."""
        fields = {field.name: anything for field in attrs.fields(cls) if field.init}
        built = only_typed_errors(lambda: data.draw(st.builds(cls, **fields)))
        if built is not None:
            _accepted_is_usable(built)

    @given(st.data(), st.sampled_from(CONSTRUCTORS))
    def test_from_type(self, data: st.DataObject, cls: type) -> None:
        """Hypothesis' own idea of each class, built from its annotations."""
        built = only_typed_errors(lambda: data.draw(st.from_type(cls)))
        if built is not None:
            _accepted_is_usable(built)

    @given(st.data(), st.sampled_from(CONSTRUCTORS), st.integers(0, len(_hostiles()) - 1))
    def test_a_hostile_object_in_each_field(
        self, data: st.DataObject, cls: type, which: int
    ) -> None:
        """One hostile object in one field of otherwise valid arguments."""
        valid: dict[type, dict[str, Any]] = {
            Interview: {
                "starts_at": at(2024, 7, 2, 14),
                "company": "A",
                "role": "B",
                "interviewers": ["Ana"],
            },
            Interviewer: {"name": "Ana"},
            Recruiter: {"name": "Rita"},
            Candidate: {"name": "Sam"},
            Policy: {},
            TimeWindow: {"start": "08:00", "end": "17:00"},
            Contact: {"at": at(2024, 7, 3), "channel": "email"},
            Reply: {"at": at(2024, 7, 3)},
            Update: {"at": at(2024, 7, 3), "outcome": "undecided"},
            OutOfOffice: {"at": at(2024, 7, 3)},
            Skip: {"at": at(2024, 7, 3), "step": "check_in-ana-1@followup-rules"},
            Snooze: {
                "at": at(2024, 7, 3),
                "step": "check_in-ana-1@followup-rules",
                "until": at(2024, 7, 9),
            },
            Action: {
                "kind": "check_in",
                "channel": "email",
                "recipient": None,
                "earliest": at(2024, 7, 9, 9),
                "latest": at(2024, 7, 9, 17),
                "suggested": at(2024, 7, 9, 10),
                "rule": "cap",
                "sources": (),
            },
        }
        names = [f.name for f in attrs.fields(cls) if f.init]
        arguments = {**valid[cls], data.draw(st.sampled_from(names)): _hostiles()[which]}
        built = only_typed_errors(lambda: cls(**arguments))
        if built is not None:
            _accepted_is_usable(built)


def _days_after(moment: datetime, data: st.DataObject) -> date:
    """A day up to 3,000 days after *moment*'s, never past the calendar's last day."""
    days = data.draw(st.integers(0, 3000))
    return moment.date() + timedelta(days=min(days, (date.max - moment.date()).days))


def _events(data: st.DataObject, start: datetime) -> list[object]:
    """A history: valid events at arbitrary (often wrong) times, and arbitrary values."""
    times = st.one_of(
        st.integers(-48, 24 * 400).map(lambda hours: start + timedelta(hours=hours)),
        st.datetimes(timezones=st.timezones()),
    )
    makers: list[Callable[[datetime], object]] = [
        lambda moment: Contact(
            moment,
            data.draw(st.sampled_from(list(Channel))),
            data.draw(st.sampled_from(list(ActionKind))),
            data.draw(st.sampled_from([None, "Ana Ruiz", "Bo Chen", "Rita Cole", "Nobody"])),
        ),
        lambda moment: Reply(moment),
        lambda moment: Update(moment, data.draw(st.sampled_from(list(Outcome)))),
        lambda moment: Update(moment, "undecided", _days_after(moment, data)),
        lambda moment: OutOfOffice(moment, _days_after(moment, data)),
    ]
    history: list[object] = []
    for _ in range(data.draw(st.integers(0, 6))):
        if data.draw(st.integers(0, 9)) == 0:
            history.append(data.draw(anything))
            continue
        maker = data.draw(st.sampled_from(makers))
        moment = data.draw(times)
        event = only_typed_errors(lambda m=maker, t=moment: m(t))
        if event is not None:
            history.append(event)
    return history


class TestFunctions:
    @given(anything, anything, anything)
    def test_plan_and_audit_take_anything(self, first: Any, second: Any, third: Any) -> None:
        """plan() and audit() with arbitrary arguments in every position."""
        only_typed_errors(lambda: plan(first, second, history=third))
        only_typed_errors(lambda: plan(first, history=third))
        only_typed_errors(lambda: audit(first, second, third))
        only_typed_errors(lambda: plan(interview(), second, history=third))
        only_typed_errors(lambda: audit(interview(), third, second))

    @given(st.data(), interviews(), any_policy)
    def test_plan_and_audit_take_any_history(
        self, data: st.DataObject, iv: Interview, policy: Policy
    ) -> None:
        """A real interview and policy, with histories of events at arbitrary times."""
        history = _events(data, iv.starts_at)
        schedule = only_typed_errors(lambda: plan(iv, policy, history=history))
        only_typed_errors(lambda: audit(iv, history, policy))
        if schedule is not None:  # what is planned can be reported (maybe out of order)
            done = [*history, *(step.done() for step in schedule)]
            only_typed_errors(lambda: audit(iv, done, policy))

    @given(anything, anything, anything)
    def test_plan_many_takes_anything(self, first: Any, second: Any, third: Any) -> None:
        """plan_many() refuses at once or yields; its first plans are typed errors at worst."""

        def first_plans() -> list[Plan]:
            return list(itertools.islice(plan_many(first, second, histories=third), 3))

        def plain_first_plans() -> list[Plan]:
            return list(itertools.islice(plan_many(first), 3))

        only_typed_errors(first_plans)
        only_typed_errors(plain_first_plans)
        only_typed_errors(lambda: list(plan_many([interview(), first], histories=[[], third])))

    @given(anything)
    def test_upcoming_and_next_take_anything(self, now: Any) -> None:
        """Plan.upcoming(now) and Plan.next(now) with any value for now.

        They agree whenever *now* names one instant: a hostile zone whose
        offset changes from one read to the next (``FlippingZone``) is read
        afresh by each call, and nothing can make two reads agree.
        """
        schedule = plan(interview())
        upcoming = only_typed_errors(lambda: schedule.upcoming(now))
        following = only_typed_errors(lambda: schedule.next(now))
        reads = only_typed_errors(lambda: (_check_now(now), _check_now(now)))
        if upcoming is not None and reads is not None and reads[0] == reads[1]:
            assert following == (upcoming[0] if len(upcoming) else None)

    @given(anything)
    def test_a_plan_takes_anything(self, actions: Any) -> None:
        """Plan(actions) holds actions or refuses."""
        only_typed_errors(lambda: Plan(actions))

    @given(anything)
    def test_a_preset_takes_anything(self, name: Any) -> None:
        """Policy.preset(name) gives a policy or refuses."""
        only_typed_errors(lambda: Policy.preset(name))


def test_the_hostile_objects_are_hostile() -> None:
    """The fuzz is only as good as its hostile objects: each one really raises."""
    hostile, text, number = Hostile(), HostileStr("Ana"), HostileInt(3)
    attempts: list[Callable[[], object]] = [
        lambda: hostile == 1,
        lambda: hash(hostile),
        lambda: str(hostile),
        lambda: repr(hostile),
        lambda: hostile.key,
        lambda: hash(text),
        lambda: text.strip(),
        lambda: number < 5,
        lambda: datetime(2024, 1, 1, tzinfo=RaisingZone()).utcoffset(),
        lambda: KeyRaisingZone().key,
        lambda: BrokenYear(2024, 1, 1).year,
        lambda: list(BrokenIterable()),
    ]
    for attempt in attempts:
        try:
            attempt()
        except Boom:
            continue
        raise AssertionError(f"{attempt} did not raise")
    assert sum(1 for _ in itertools.islice(Endless(), 10_000)) == 10_000
