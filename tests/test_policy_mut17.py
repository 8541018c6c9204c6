"""The policy as a user sets it, pinned where the seventeenth mutation pass found it loose:
windows and holiday codes as typed, the presets (on a house subclass too), and the
default choice of a check-in's channel."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from datetime import date, time, timedelta

import attrs
import pytest

from followup_rules import (
    CallBasis,
    Channel,
    Contact,
    FollowupState,
    Interviewer,
    InvalidPolicy,
    Policy,
    TimeWindow,
)
from followup_rules.policy import (
    PRESETS,
    call_basis,
    calls_allowed,
    default_check_in_channel,
    default_check_in_choice,
)

from .factories import BO, at, make_state


def refused(build: object) -> InvalidPolicy:
    with pytest.raises(InvalidPolicy) as caught:
        build()  # type: ignore[operator]
    return caught.value


_PAIR = "expected a (start, end) pair like ('10:00', '11:30')"
_COUNTRY = "expected a country code like 'US' or ('US', 'CA')"


class TestWindows:
    @pytest.mark.parametrize(
        "typed",
        ["09:00-17:30", ("09:00", "17:30"), ["09:00", "17:30"], TimeWindow("9:00", "17:30")],
    )
    def test_a_window_is_taken_as_text_a_pair_or_itself(self, typed: object) -> None:
        window = Policy(send_window=typed).send_window  # type: ignore[arg-type]
        assert (window.start, window.end, str(window)) == (time(9), time(17, 30), "09:00-17:30")

    @pytest.mark.parametrize(
        ("typed", "text"),
        [
            ("09:00-10:00-11:00", f"'09:00-10:00-11:00': {_PAIR}"),
            ("0900", f"'0900': {_PAIR}"),
            (("09:00",), f"['09:00']: {_PAIR}"),
            (("09:00", "10:00", "11:00"), f"['09:00', '10:00', '11:00']: {_PAIR}"),
            (5, f"5: {_PAIR}"),
            (("17:00", "09:00"), "['17:00', '09:00']: start must be before end"),
            ("10:00-10:00", "'10:00-10:00': start must be before end"),
        ],
    )
    def test_a_window_that_is_not_one_is_refused(self, typed: object, text: str) -> None:
        error = refused(lambda: Policy(send_window=typed))
        assert str(error) == f"Policy.send_window = {text}"
        error = refused(lambda: Policy(call_window=typed))
        assert str(error) == f"Policy.call_window = {text}"

    def test_a_window_itself_ends_after_it_starts(self) -> None:
        error = refused(lambda: TimeWindow("10:00", "10:00"))
        assert str(error) == "TimeWindow = '10:00-10:00': start must be before end"
        assert str(TimeWindow("10:00", "10:01")) == "10:00-10:01"


class TestHolidays:
    @pytest.mark.parametrize(
        ("typed", "kept"),
        [
            (None, None),
            ("us-ca", ("US", "CA")),
            (" us ", ("US", None)),
            ("USA", ("USA", None)),
            (("de", None), ("DE", None)),
            (["fr", ""], ("FR", None)),
            (("US", " ca "), ("US", "CA")),
        ],
    )
    def test_a_country_and_subdivision_are_read_as_typed(
        self, typed: object, kept: object
    ) -> None:
        assert Policy(holidays=typed).holidays == kept  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("typed", "text"),
        [
            (("US", 5), f"['US', 5]: {_COUNTRY}"),
            ((5, None), f"[5, None]: {_COUNTRY}"),
            (("US", "CA", "x"), f"['US', 'CA', 'x']: {_COUNTRY}"),
            (("US",), f"['US']: {_COUNTRY}"),
            (7, f"7: {_COUNTRY}"),
            ("U", f"'U': {_COUNTRY}"),
            ("USAX", f"'USAX': {_COUNTRY}"),
            ("U1", f"'U1': {_COUNTRY}"),
            ("ÜS", f"'ÜS': {_COUNTRY}"),
            (("US", "X" * 41), f"['US', '{'X' * 41}']: expected a subdivision code like 'CA'"),
            (("US", "C\nA"), "['US', 'C\\nA']: expected a subdivision code like 'CA'"),
            ("ZZ", "'ZZ': unknown country or subdivision (Country ZZ not available)"),
        ],
    )
    def test_a_code_that_is_not_one_is_refused(self, typed: object, text: str) -> None:
        error = refused(lambda: Policy(holidays=typed))
        assert str(error) == f"Policy.holidays = {text}"

    def test_a_subdivision_of_forty_characters_is_looked_up(self) -> None:
        error = refused(lambda: Policy(holidays=("US", "X" * 40)))
        assert error.problem.startswith("unknown country or subdivision (")


class TestLimitsOfDurations:
    def test_a_thank_you_within_two_weeks_and_a_debrief_within_two_days(self) -> None:
        assert Policy(thank_you_within=timedelta(days=14)).thank_you_within.days == 14
        assert (
            Policy(recruiter_debrief_within=timedelta(days=2)).recruiter_debrief_within.days == 2
        )
        error = refused(lambda: Policy(thank_you_within=timedelta(days=14, seconds=1)))
        assert str(error) == (
            "Policy.thank_you_within = 14 days 1 second: must be at most 14 days"
        )
        error = refused(lambda: Policy(recruiter_debrief_within=timedelta(days=3)))
        assert str(error) == "Policy.recruiter_debrief_within = 3 days: must be at most 2 days"


@attrs.frozen(kw_only=True)
class _House(Policy):
    max_check_ins: int = 1
    min_gap: int = 10
    wait_after_deadline: int = 7
    wait_without_deadline: int = 9
    max_calls: int = 2


@attrs.frozen(kw_only=True)
class _Pushy(Policy):
    max_check_ins: int = 5
    min_gap: int = 2
    wait_after_deadline: int = 1
    wait_without_deadline: int = 1


class TestPresets:
    def test_each_preset_is_what_its_name_says(self) -> None:
        assert Policy.preset("consensus") == Policy()
        assert Policy.preset("traditional") == Policy(thank_you_channel=Channel.POSTAL)
        assert Policy.preset("persistent") == Policy(calls_need_invitation=False)
        assert Policy.preset("cautious") == Policy(
            max_calls=0, max_check_ins=2, min_gap=5, wait_after_deadline=3, wait_without_deadline=5
        )

    def test_a_cautious_house_keeps_what_is_more_cautious_still(self) -> None:
        house = _House.preset("cautious")
        assert type(house) is _House
        assert (
            house.max_calls,
            house.max_check_ins,
            house.min_gap,
            house.wait_after_deadline,
            house.wait_without_deadline,
        ) == (0, 1, 10, 7, 9)
        pushy = _Pushy.cautious()
        assert (
            pushy.max_calls,
            pushy.max_check_ins,
            pushy.min_gap,
            pushy.wait_after_deadline,
            pushy.wait_without_deadline,
        ) == (0, 2, 5, 3, 5)
        assert (pushy.thank_you_channel, pushy.calls_need_invitation) == (Channel.EMAIL, True)

    def test_a_house_preset_keeps_the_house_defaults(self) -> None:
        for name in ("consensus", "persistent", "traditional"):
            made = _House.preset(name)
            assert type(made) is _House
            assert (made.min_gap, made.max_check_ins) == (10, 1)
        assert _House.preset("persistent").calls_need_invitation is False
        assert _House.preset("traditional").thank_you_channel is Channel.POSTAL

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("cautos", "'cautos': did you mean 'cautious'? expected one of "),
            ("zzz", "'zzz': expected one of "),
            ([1], "[1]: expected one of "),
        ],
    )
    def test_an_unknown_preset_is_refused_naming_them(self, name: object, text: str) -> None:
        error = refused(lambda: Policy.preset(name))  # type: ignore[arg-type]
        assert str(error) == f"preset = {text}consensus, cautious, persistent, traditional"

    def test_a_preset_travels_by_its_name(self) -> None:
        for name, factory in PRESETS.items():
            again = pickle.loads(pickle.dumps(factory))
            assert again == factory and hash(again) == hash(factory) == hash(name)
            assert repr(again) == f"<preset {name!r}>"
            assert again(Policy) == factory(Policy)
            assert again(_House) == getattr(_House, name)()
        assert PRESETS["cautious"] != PRESETS["persistent"]
        assert PRESETS["cautious"] != "cautious"


_PHONE = Interviewer("Ana Ruiz", phone="1", preferred_channel=Channel.PHONE)
_EMAIL = Interviewer("Ana Ruiz", phone="1", preferred_channel=Channel.EMAIL)
_CALLED = [Contact(at(2024, 7, 5, 10), Channel.PHONE)]


class TestTheDefaultChoiceOfAChannel:
    @pytest.mark.parametrize(
        ("state", "basis", "channel"),
        [
            (lambda: make_state(), None, Channel.EMAIL),
            (lambda: make_state(invited_to_call=True), CallBasis.INVITED, Channel.PHONE),
            (lambda: make_state(interviewers=[_PHONE, BO]), CallBasis.PREFERRED, Channel.PHONE),
            (
                lambda: make_state(
                    interviewers=[_PHONE, BO], policy=Policy(respect_preferred_channel=False)
                ),
                None,
                Channel.EMAIL,
            ),
            (lambda: make_state(interviewers=[_EMAIL, BO]), None, Channel.EMAIL),
            (
                lambda: make_state(
                    interviewers=[_EMAIL, BO], policy=Policy(calls_need_invitation=False)
                ),
                CallBasis.POLICY,
                Channel.EMAIL,
            ),
            (
                lambda: make_state(decision_by=date(2024, 7, 10)),
                CallBasis.TIMEFRAME,
                Channel.PHONE,
            ),
            (
                lambda: make_state(policy=Policy(calls_need_invitation=False)),
                CallBasis.POLICY,
                Channel.PHONE,
            ),
            (
                lambda: make_state(invited_to_call=True, policy=Policy(max_calls=0)),
                None,
                Channel.EMAIL,
            ),
            (lambda: make_state(_CALLED, invited_to_call=True), None, Channel.EMAIL),
            (
                lambda: make_state(_CALLED, invited_to_call=True, policy=Policy(max_calls=2)),
                CallBasis.INVITED,
                Channel.PHONE,
            ),
            (
                lambda: make_state(interviewers=[_PHONE, BO], policy=Policy(max_calls=0)),
                None,
                Channel.PHONE,
            ),
        ],
    )
    def test_preference_then_the_one_call_then_email(
        self, state: Callable[[], FollowupState], basis: CallBasis | None, channel: Channel
    ) -> None:
        made = state()
        assert call_basis(made) is basis
        assert calls_allowed(made) is (basis is not None)
        assert default_check_in_channel(made) is channel
        assert Policy().check_in_channel(made) is channel
        assert default_check_in_choice(made) == (
            channel,
            basis if channel is Channel.PHONE else None,
        )


class TestRefusalsThatNeedNoLookUp:
    def test_without_the_holidays_package_a_country_says_what_to_install(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import followup_rules.policy as policy_module

        def missing(country: str, subdivision: str | None) -> object:
            raise ImportError("No module named 'holidays'")

        monkeypatch.setattr(policy_module, "country_calendar", missing)
        error = refused(lambda: Policy(holidays="US"))
        assert str(error) == (
            "Policy.holidays = 'US': needs the optional 'holidays' package: "
            "pip install 'followup-rules[holidays]'"
        )

    def test_a_preset_name_of_a_string_subclass_gets_no_suggestion(self) -> None:
        class Odd(str):
            __hash__ = str.__hash__

            def strip(self, chars: str | None = None) -> str:
                raise RuntimeError("no strip")

        error = refused(lambda: Policy.preset(Odd("cautos")))
        assert error.problem == "expected one of consensus, cautious, persistent, traditional"
