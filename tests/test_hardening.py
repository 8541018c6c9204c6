"""Issue 11, hardening: every bad input is a clear typed error, raised at construction.

One class per item of the issue this file covers: e-mail addresses (2),
unwritable text (3), names and bidi controls (4), zones (5), far dates (6),
huge values (7), wrong types (8), endless iterables (10) and errors that
pickle (12).  The sandbox (11) has ``test_sandbox.py`` and the fuzz gate
``test_fuzz.py``.
"""

from __future__ import annotations

import itertools
import pickle
import subprocess
import sys
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone, tzinfo
from email.headerregistry import Address
from email.policy import default as default_policy
from email.utils import formataddr, getaddresses
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
    FollowupError,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    InvalidPolicy,
    Outcome,
    OutOfOffice,
    Plan,
    Policy,
    Recruiter,
    Reply,
    TimeWindow,
    Update,
    audit,
    plan,
    plan_many,
)
from followup_rules import _calendar as cal
from followup_rules import _validate as v
from followup_rules.errors import StepIdError, _short_repr
from followup_rules.messages import TemplateError
from followup_rules.model import PANEL_LIMIT
from followup_rules.serialize import FormatError

from .factories import ANA, at, interview
from .test_fuzz import pickled_with_its_chain

UTC = timezone.utc


def refused(error: type[FollowupError], build: Callable[[], object]) -> Any:
    """The error *build* raises: of type *error*, one line, starting with its field."""
    with pytest.raises(error) as caught:
        build()
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith(f"{caught.value.field} = ")  # type: ignore[attr-defined]
    return caught.value


# -- item 2: e-mail addresses ------------------------------------------------------------


def one_recipient(name: str, address: str) -> None:
    """*address* is exactly one recipient in a To: header, however it is parsed."""
    header = formataddr((name, address))
    assert [parsed for _, parsed in getaddresses([header])] == [address]
    to = default_policy.header_factory("To", header)
    assert [item.addr_spec for item in to.addresses] == [address]  # type: ignore[attr-defined]
    assert Address(display_name=name, addr_spec=address).addr_spec == address


class TestEmailAddresses:
    def test_the_two_recipient_trick_is_refused(self) -> None:
        """The issue's example: an address that passed the old check but meant two people."""
        error = refused(
            InvalidInterview,
            lambda: Interviewer("Ana", email="evil.example>,<ana@acme.example"),
        )
        assert error.field == "Interviewer.email"
        assert "one bare address" in error.problem

    @pytest.mark.parametrize(
        "address",
        [
            "Ana Ruiz <ana@acme.example>",
            "ana@acme.example (Ana)",
            '"ana,bo"@acme.example',
            "ana@acme.example,bo@acme.example",
            "ana@acme.example;bo@acme.example",
            "<ana@acme.example>",
            "ana ruiz@acme.example",
            "ana@@acme.example",
            "ana@acme@example.com",
            "ana.@acme.example",
            ".ana@acme.example",
            "an..a@acme.example",
            "ana@acme.example.",
            "ana@-acme.example",
            "ana@acme..example",
            "ana@[192.0.2.1]",
            "ana@192.0.2.1",
            "ana@localhost",
            "ana",
            "@acme.example",
            "ana@",
            "a" * 65 + "@acme.example",
            "ana@" + "a" * 64 + ".example",
            "ana@" + ".".join(["a" * 60] * 5) + ".example",
            "anä@acme.example",
            "ana@straße.example",
            "ana@\uff21\uff23\uff2d\uff25.example",  # full-width letters
            "ana@xn--zz.example",
        ],
    )
    def test_anything_but_one_bare_address_is_refused(self, address: str) -> None:
        """Display names, comments, quotes, lists, bad host names and SMTPUTF8 are refused."""
        for build in (Interviewer, Recruiter, Candidate):
            error = refused(InvalidInterview, lambda b=build: b("Ana", email=address))
            assert error.field.endswith(".email")

    def test_an_idn_domain_is_kept_in_its_ascii_form(self) -> None:
        """An internationalised domain that IDNA encodes unchanged is stored as xn--."""
        person = Interviewer("Ana", email="ana@Bücher.example")
        assert person.email == "ana@xn--bcher-kva.example"
        one_recipient("Ana", person.email)

    @pytest.mark.parametrize(
        "address",
        [
            "ana@acme.example",
            "Ana.Ruiz+jobs@mail.acme.example",
            "o'brien@acme.example",
            "x!#$%&'*+/=?^_`{|}~-@acme.example",
            "ana@xn--bcher-kva.example",
            "ana@a-b.c0.example",
        ],
    )
    def test_plain_addresses_are_accepted_unchanged(self, address: str) -> None:
        """Every dot-atom address with a host name is kept as given."""
        assert Interviewer("Ana", email=address).email == address
        one_recipient("Ana Ruiz", address)

    @given(st.emails() | st.text(max_size=40) | st.from_regex(r"[ -~]{1,20}@[ -~]{1,20}"))
    def test_every_accepted_address_is_one_recipient(self, text: str) -> None:
        """Whatever is accepted formats through the stdlib into exactly one recipient."""
        try:
            address = Interviewer('Ana, the "boss" <x>', email=text).email
        except InvalidInterview:
            return
        assert address is not None
        one_recipient('Ana, the "boss" <x>', address)

    @given(st.emails())
    def test_generated_addresses_are_accepted(self, address: str) -> None:
        """Hypothesis' valid addresses pass, unless longer than the 254 characters SMTP allows."""
        try:
            Interviewer("Ana", email=address)
        except InvalidInterview as error:
            assert len(address) > 254 or "254" in error.problem

    def test_checking_an_address_does_not_import_the_email_package(self) -> None:
        """The core stays light: no 25 ms `email` import, even for an IDN address."""
        code = (
            "import sys, followup_rules; "
            "followup_rules.Interviewer('Ana', email='ana@bücher.example'); "
            "print('email' in sys.modules)"
        )
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
        assert (out.returncode, out.stdout.strip()) == (0, "False")


# -- items 3 and 4: text the exports can write, NFC names, no bidi controls -------------


def _every_text_field(text: str) -> list[tuple[str, Callable[[], object]]]:
    start = at(2024, 7, 2, 14)
    return [
        ("Interviewer.name", lambda: Interviewer(text)),
        ("Interviewer.title", lambda: Interviewer("Ana", title=text)),
        ("Interviewer.phone", lambda: Interviewer("Ana", phone=text)),
        ("Interviewer.email", lambda: Interviewer("Ana", email=text)),
        ("Recruiter.name", lambda: Recruiter(text)),
        ("Recruiter.agency", lambda: Recruiter("Rita", agency=text)),
        ("Recruiter.phone", lambda: Recruiter("Rita", phone=text)),
        ("Candidate.name", lambda: Candidate(text)),
        ("Candidate.phone", lambda: Candidate("Sam", phone=text)),
        ("Interview.company", lambda: Interview(start, text, "Role", ["Ana"])),
        ("Interview.role", lambda: Interview(start, "Acme", text, ["Ana"])),
        ("Interviewer.name", lambda: Interview(start, "Acme", "Role", [text])),
        ("Interview.topics", lambda: Interview(start, "Acme", "Role", ["Ana"], topics=[text])),
        ("Interview.missed", lambda: Interview(start, "Acme", "Role", ["Ana"], missed=[text])),
        (
            "Interview.requested",
            lambda: Interview(start, "Acme", "Role", ["Ana"], requested=[text]),
        ),
        ("Interview.contact", lambda: Interview(start, "Acme", "Role", ["Ana"], contact=text)),
        ("Contact.recipient", lambda: Contact(start, "email", recipient=text)),
    ]


class TestUnwritableText:
    @pytest.mark.parametrize("text", ["Ana\ud800", "\udfffRuiz", "A\udc80na@acme.example"])
    def test_lone_surrogates_are_refused_in_every_text_field(self, text: str) -> None:
        """Item 3: text no UTF-8 file can hold is refused when the object is built."""
        for field, build in _every_text_field(text):
            error = refused(InvalidInterview, build)
            assert error.field == field
            assert "surrogate" in error.problem

    @given(st.text(st.characters(exclude_categories=()), min_size=1, max_size=30))
    def test_accepted_text_always_encodes(self, text: str) -> None:
        """Whatever a name accepts can be written as UTF-8, is NFC, and has no bidi control."""
        try:
            name = Interviewer(text).name
        except InvalidInterview:
            return
        name.encode("utf-8")
        assert unicodedata.is_normalized("NFC", name)
        assert not any(character in name for character in BIDI_CONTROLS)


BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"


class TestNamesAndBidi:
    @pytest.mark.parametrize("control", list(BIDI_CONTROLS))
    def test_bidi_controls_are_refused_wherever_text_reaches_a_message(self, control: str) -> None:
        """Item 4: an override could make a subject read differently from what it holds."""
        for field, build in _every_text_field(f"Acme{control}Corp"):
            error = refused(InvalidInterview, build)
            assert error.field == field
            assert "bidirectional" in error.problem

    def test_a_name_typed_two_ways_is_one_person(self) -> None:
        """'Zoë' as one code point or as 'e' + combining diaeresis: the same interviewer."""
        composed, decomposed = "Zo\u00eb Martin", "Zoe\u0308 Martin"
        assert Interviewer(decomposed) == Interviewer(composed)
        assert Interviewer(decomposed).name == composed
        error = refused(InvalidInterview, lambda: interview(interviewers=[composed, decomposed]))
        assert (error.field, error.problem) == (
            "Interview.interviewers",
            f"{composed!r} is listed twice",
        )

    def test_history_matches_a_name_typed_the_other_way(self) -> None:
        """A thank-you logged to 'Zoë' (decomposed) is the planned one to 'Zoë' (composed)."""
        composed, decomposed = "Zo\u00eb Martin", "Zoe\u0308 Martin"
        iv = interview(interviewers=[composed], contact=decomposed)
        assert iv.person(decomposed) is iv.interviewers[0]
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        done = Contact(note.suggested, "email", "thank_you", recipient=decomposed)
        assert all(a.kind is not ActionKind.THANK_YOU for a in plan(iv, history=[done]))


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

    def test_a_datetime_in_the_machine_zone_is_refused(self) -> None:
        """A datetime whose tzinfo is the machine's 'localtime' says nothing portable."""

        class Local(tzinfo):
            key = "localtime"

            def utcoffset(self, when: datetime | None) -> timedelta:
                return timedelta(hours=2)

        error = refused(
            InvalidInterview, lambda: interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=Local()))
        )
        assert error.field == "Interview.starts_at"
        assert "depends on the machine" in error.problem

    def test_an_offset_in_seconds_is_refused(self) -> None:
        """A zone cannot be named '+HH:MM' when its offset has seconds: refused, not rounded."""
        odd = timezone(timedelta(minutes=9, seconds=21))
        error = refused(
            InvalidInterview, lambda: interview(starts_at=datetime(2024, 7, 2, 14, tzinfo=odd))
        )
        assert "whole number of minutes" in error.problem


# -- item 6: far dates ----------------------------------------------------------------------


FAR_FUTURE = datetime(9999, 12, 31, 12, tzinfo=UTC)
FAR_PAST = datetime(1, 1, 1, 12, tzinfo=UTC)
START = at(2024, 7, 2, 14)


class TestFarDates:
    @pytest.mark.parametrize(
        ("field", "build"),
        [
            ("Interview.starts_at", lambda: interview(starts_at=FAR_FUTURE)),
            ("Interview.starts_at", lambda: interview(starts_at=FAR_PAST)),
            ("Interview.decision_by", lambda: interview(decision_by=date(9999, 12, 31))),
            ("Interview.decision_by", lambda: interview(decision_by=FAR_FUTURE)),
            ("Contact.at", lambda: Contact(FAR_PAST, "email")),
            ("Contact.at", lambda: Contact(FAR_FUTURE, "email")),
            ("Reply.at", lambda: Reply(FAR_FUTURE)),
            ("Update.at", lambda: Update(FAR_FUTURE, "offer")),
            ("Update.decision_by", lambda: Update(START, "undecided", date(9999, 1, 1))),
            ("OutOfOffice.at", lambda: OutOfOffice(FAR_FUTURE)),
            ("OutOfOffice.returns_on", lambda: OutOfOffice(START, date(9999, 12, 31))),
            (
                "Action.latest",
                lambda: Action(
                    ActionKind.CHECK_IN, Channel.EMAIL, None, START, FAR_FUTURE, START, "cap", ()
                ),
            ),
        ],
    )
    def test_dates_outside_the_supported_range_are_refused(
        self, field: str, build: Callable[[], object]
    ) -> None:
        """Item 6: no OverflowError later on; a typed error naming the field now.

        Dates given (interview, decision, return) end on 9000-12-31; the times
        of events and steps a century later, so that every step planned from
        those dates can be reported done.
        """
        error = refused(InvalidInterview, build)
        assert error.field == field
        latest = (
            "9099-12-31" if field.endswith(".at") or field.startswith("Action.") else "9000-12-31"
        )
        assert error.problem == f"is outside the supported dates, 1900-01-01 to {latest}"

    @pytest.mark.parametrize(
        ("starts_at", "offset"),
        [
            (datetime(1900, 1, 1, 0, 0), timedelta(hours=14)),
            (datetime(1900, 1, 1, 0, 0), timedelta(hours=-12)),
            (datetime(9000, 12, 31, 23, 59), timedelta(hours=14)),
            (datetime(9000, 12, 31, 23, 59), timedelta(hours=-12)),
        ],
    )
    def test_steps_past_the_last_date_can_be_reported_done(
        self, starts_at: datetime, offset: timedelta
    ) -> None:
        """Invariant 10 at the edges: replanning with steps done as planned gives the rest."""
        iv = interview(starts_at=starts_at.replace(tzinfo=timezone(offset)), decision_by=None)
        whole = plan(iv, Policy(min_gap=60, wait_without_deadline=60, max_check_ins=20))
        for done in range(len(whole)):
            history = [step.done() for step in whole[:done]]
            assert (
                plan(
                    iv,
                    Policy(min_gap=60, wait_without_deadline=60, max_check_ins=20),
                    history=history,
                )
                == whole[done:]
            )
        assert (
            audit(
                iv,
                [step.done() for step in whole],
                Policy(min_gap=60, wait_without_deadline=60, max_check_ins=20),
            )
            == []
        )

    @pytest.mark.parametrize(
        ("starts_at", "offset"),
        [
            (datetime(1900, 1, 1, 0, 0), timedelta(hours=14)),
            (datetime(1900, 1, 1, 0, 0), timedelta(hours=-12)),
            (datetime(9000, 12, 31, 23, 59), timedelta(hours=14)),
            (datetime(9000, 12, 31, 23, 59), timedelta(hours=-12)),
        ],
    )
    def test_plan_and_audit_work_at_the_edges(
        self, starts_at: datetime, offset: timedelta
    ) -> None:
        """The first and last supported minutes, with the widest policy and a full history."""
        start = starts_at.replace(tzinfo=timezone(offset))
        last = date(9000, 12, 31)
        iv = interview(
            starts_at=start,
            duration=timedelta(hours=24),
            decision_by=last if start.year == 9000 else date(1900, 1, 2),
            invited_to_call=True,
        )
        widest = Policy(
            thank_you_within=timedelta(days=14),
            thank_you_channel="postal",
            wait_after_deadline=60,
            wait_without_deadline=60,
            min_gap=60,
            max_check_ins=20,
            max_calls=20,
            holidays="US",
        )
        later = start  # an event may come at the very start
        end = last
        history = [
            Contact(later, "phone"),
            OutOfOffice(later, returns_on=end if start.year == 9000 else None),
            Update(later, "undecided", decision_by=end if start.year == 9000 else None),
        ]
        for policy in (widest, Policy()):
            for events in ([], history):
                schedule = plan(iv, policy, history=events)
                assert len(schedule) > 0
                assert schedule.upcoming(start) == schedule.upcoming(schedule[0].earliest)
                audit(iv, [*events, *(a.done() for a in schedule)], policy)

    def test_an_event_millennia_later_plans_without_walking_the_days(
        self, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A step reported in 8540 for a 2024 interview: the next window is found near 8540.

        The search for a window used to step one business day at a time from
        the interview, 1.7 million steps (seconds of work) for this history.
        """
        looked_up: list[date] = []
        window_on = cal.window_on

        def counting(day: date, *args: Any) -> Any:
            looked_up.append(day)
            return window_on(day, *args)

        monkeypatch.setattr(cal, "window_on", counting)
        late = datetime(8540, 10, 26, 7, tzinfo=ZoneInfo("America/St_Johns"))
        contact = Contact(late, "in_person", "ask_permission")  # no check-in gap to start from
        schedule = plan(interview(), history=[contact])
        assert schedule.next(contact.at) is not None
        assert schedule[-1].suggested.year == 8540
        assert len(looked_up) < 100

    @given(
        st.datetimes(
            min_value=datetime(1900, 1, 1),
            max_value=datetime(9000, 12, 31, 23, 59),
            timezones=st.sampled_from(
                [UTC, ZoneInfo("Pacific/Kiritimati"), ZoneInfo("Etc/GMT+12")]
            ),
        )
    )
    def test_any_supported_start_plans(self, start: datetime) -> None:
        """Anywhere in the supported range, in the zones furthest from UTC, plan() works."""
        iv = interview(starts_at=start)  # a skipped wall time moves on (Kiritimati, 1994-12-31)
        iv = attrs.evolve(iv, decision_by=iv.starts_at.date())
        schedule = plan(iv, Policy(min_gap=60, max_check_ins=20, wait_after_deadline=60))
        assert schedule[-1].latest > iv.ends_at


# -- item 7: huge values ----------------------------------------------------------------------


_BARE = (
    "a bare number has no unit: pass a timedelta such as timedelta(hours=24) "
    "(in a file, a string such as '24h' or 'PT24H')"
)


class TestHugeValues:
    def test_a_5000_digit_number_is_described_by_its_size(self) -> None:
        """Item 7: int-to-str limits no longer crash the message."""
        error = refused(InvalidPolicy, lambda: Policy(min_gap=10**5000))
        assert str(error) == (
            "Policy.min_gap = a number of about 5001 digits: "
            "must be between 1 and 60 business days"
        )

    @pytest.mark.parametrize(
        ("value", "problem"),
        [
            (timedelta.max, "must be at most a year"),
            (timedelta.min, "must be positive"),
            (1e300, _BARE),
            (-1e300, _BARE),
            (10**400, _BARE),
            (float("nan"), _BARE),
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
        assert str(error) == "Interviewer.name = a Hostile object: expected a string, got Hostile"

    @given(st.from_type(object) | st.text() | st.integers() | st.lists(st.text()))
    def test_short_reprs_are_short_and_one_line(self, value: object) -> None:
        """Whatever the value, its repr in a message is one printable line of at most 80."""
        text = _short_repr(value)
        assert len(text) <= 80
        assert "\n" not in text and "\r" not in text
        text.encode("utf-8")

    def test_a_repr_with_a_lone_surrogate_is_escaped(self) -> None:
        """An object whose repr holds a lone surrogate is still printable in a message."""

        class Odd:
            def __repr__(self) -> str:
                return "<odd \ud800>"

        assert _short_repr(Odd()) == "<odd \\ud800>"

    @pytest.mark.parametrize(
        ("holidays", "problem"),
        [
            ("__", "expected a country code like 'US' or ('US', 'CA')"),
            ("US-" + "x" * 500, "expected a subdivision code like 'CA'"),
            ("DE-\ud800", "expected a subdivision code like 'CA'"),
            ("U\nS", "expected a country code like 'US' or ('US', 'CA')"),
        ],
    )
    def test_implausible_holiday_codes_never_reach_the_holidays_package(
        self, holidays: str, problem: str
    ) -> None:
        """Only two- or three-letter countries and short printable subdivisions are looked up."""
        assert refused(InvalidPolicy, lambda: Policy(holidays=holidays)).problem == problem

    def test_a_library_message_with_a_surrogate_is_escaped(self) -> None:
        """A problem quoting a lone surrogate is escaped, so the message can be printed."""
        error = InvalidPolicy("Policy.holidays", "x", "no subdivision \ud800 here")
        assert error.problem == "no subdivision \\ud800 here"
        str(error).encode("utf-8")

    def test_a_preset_name_whose_hash_raises_is_a_typed_error(self) -> None:
        """Policy.preset() refuses any name it cannot look up, whatever the name does."""

        class Unhashable(str):
            def __hash__(self) -> int:
                raise RuntimeError("no hash")

        error = refused(InvalidPolicy, lambda: Policy.preset(Unhashable("cautious")))
        assert error.field == "preset"

    def test_problems_are_one_line(self) -> None:
        """A problem text with line breaks (from a library's message) is flattened and cut."""
        error = InvalidInterview("Interview.company", "x", "first\nsecond" * 1000)
        assert "\n" not in str(error)
        assert len(error.problem) <= 300


# -- item 8: wrong types --------------------------------------------------------------------


def _hand_built(**changes: object) -> Action:
    fields: dict[str, object] = {
        "kind": ActionKind.CHECK_IN,
        "channel": Channel.EMAIL,
        "recipient": ANA,
        "earliest": at(2024, 7, 9, 9),
        "latest": at(2024, 7, 9, 17),
        "suggested": at(2024, 7, 9, 10),
        "rule": "check-in-after-deadline",
        "sources": ("004_57c313bf0b59dfd5.txt",),
        "template": "check_in_email",
    }
    fields.update(changes)
    return Action(**fields)  # type: ignore[arg-type]


class _NamedZone(tzinfo):
    """A tzinfo that names its zone in ``name`` only (as some libraries' zones do)."""

    name = "Europe/Berlin"

    def utcoffset(self, when: datetime | None) -> timedelta:
        return timedelta(hours=1)

    def dst(self, when: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, when: datetime | None) -> str:
        return "CET"


class _NoOffset(tzinfo):
    def utcoffset(self, when: datetime | None) -> timedelta:
        raise RuntimeError("broken zone")

    def dst(self, when: datetime | None) -> timedelta:
        return timedelta(0)

    def tzname(self, when: datetime | None) -> str:
        return "broken"


class TestProblemsInWords:
    """Each check says what is wrong in words a person can act on (issue 18, item 4)."""

    @pytest.mark.parametrize(
        ("build", "field", "problem"),
        [
            (
                lambda: Recruiter("Rita", timezone=5),  # type: ignore[arg-type]
                "Recruiter.timezone",
                "expected a time-zone name, got int",
            ),
            (
                lambda: Recruiter("Rita", timezone="Europe/" + "x" * 94),
                "Recruiter.timezone",
                "is not a time-zone name (too long)",
            ),
            (
                lambda: Recruiter("Rita", email="rita@" + "é" * 64 + ".com"),
                "Recruiter.email",
                "its domain cannot be encoded for e-mail (IDNA)",
            ),
            (
                lambda: Recruiter("Rita", email="rita@straße.de"),
                "Recruiter.email",
                "its domain changes when encoded for e-mail (to 'strasse.de'): "
                "write it as registered",
            ),
            (
                lambda: Policy(min_gap=timedelta(days=2, hours=3)),
                "Policy.min_gap",
                "a number of business days must be whole days",
            ),
            (
                lambda: Policy(min_gap=True),
                "Policy.min_gap",
                "expected a whole number of business days, got bool",
            ),
            (
                lambda: Policy(min_gap="3"),  # type: ignore[arg-type]
                "Policy.min_gap",
                "expected a whole number of business days, got str",
            ),
            (
                lambda: Policy(min_gap=61),
                "Policy.min_gap",
                "must be between 1 and 60 business days",
            ),
            (
                lambda: Contact(at(2024, 7, 3, 9), Channel.PHONE, answered="yes"),  # type: ignore[arg-type]
                "Contact.answered",
                "expected True, False or None, got str",
            ),
            (
                lambda: TimeWindow(datetime(2024, 7, 3, 9, tzinfo=UTC).timetz(), "11:00"),
                "TimeWindow.start",
                "window times are local wall times: leave out the time zone",
            ),
            (
                lambda: plan(interview()).upcoming("2024-07-03"),  # type: ignore[arg-type]
                "now",
                "expected an aware datetime, got str",
            ),
            (
                lambda: plan(interview()).upcoming(datetime(2024, 7, 3, 9)),
                "now",
                "naive datetime: give it a time zone",
            ),
            (
                lambda: plan(interview()).upcoming(datetime(2024, 7, 3, tzinfo=_NoOffset())),
                "now",
                "is not a usable datetime (its time zone gives no UTC offset)",
            ),
        ],
    )
    def test_the_problem_says_what_is_wrong(
        self, build: Callable[[], object], field: str, problem: str
    ) -> None:
        error = refused(FollowupError, build)
        assert (error.field, error.problem) == (field, problem)

    def test_a_zone_length_of_a_hundred_is_still_looked_up(self) -> None:
        """Up to 100 characters a zone name is looked up (and here unknown), not cut short."""
        error = refused(InvalidInterview, lambda: Recruiter("Rita", timezone="x" * 100))
        assert error.problem != "is not a time-zone name (too long)"

    def test_a_zone_named_only_by_its_name_attribute_is_read(self) -> None:
        """A tzinfo without ``key`` but with a ``name`` is read by that name."""
        assert Recruiter("Rita", timezone=_NamedZone()).timezone == "Europe/Berlin"


class TestWrongTypes:
    @pytest.mark.parametrize(
        ("field", "value", "problem"),
        [
            ("kind", "check_inn", "expected one of ASK_FOR_CARDS"),
            ("kind", 7, "expected one of"),
            ("channel", "fax", "expected one of IN_PERSON, EMAIL, PHONE, POSTAL"),
            ("recipient", "Ana Ruiz", "expected an Interviewer or Recruiter or None, got str"),
            ("rule", "custom", "is not a rule id of the catalogue"),
            ("rule", None, "expected a string, got NoneType"),
            ("sources", [1], "expected a string, got int"),
            ("sources", 5, "expected a sequence of strings"),
            ("template", 5, "expected a string, got int"),
            ("template", "two\nlines", "line breaks"),
        ],
    )
    def test_every_field_of_a_hand_built_action_is_checked(
        self, field: str, value: object, problem: str
    ) -> None:
        """Item 8: a hand-built Action is refused at once, not with a KeyError in describe()."""
        error = refused(InvalidInterview, lambda: _hand_built(**{field: value}))
        assert error.field == f"Action.{field}"
        assert problem in error.problem

    def test_a_hand_built_action_takes_names_like_the_models(self) -> None:
        """Kind and channel by name, sources as a list: converted, and describe() works."""
        action = _hand_built(
            kind="check_in", channel="phone", sources=["004_57c313bf0b59dfd5.txt"]
        )
        assert (action.kind, action.channel) == (ActionKind.CHECK_IN, Channel.PHONE)
        assert action.sources == ("004_57c313bf0b59dfd5.txt",)
        assert action.describe() == "Check in with Ana Ruiz by phone"
        assert _hand_built(recipient=None, template=None).describe() == (
            "Check in with the interviewer by e-mail"
        )

    @pytest.mark.parametrize("interviews", [None, 5, "Ana", b"Ana", {"a": 1}, interview()])
    def test_plan_many_refuses_a_non_iterable_at_once(self, interviews: object) -> None:
        """plan_many(None) is InvalidArgument when called, not a TypeError when iterated."""
        error = refused(InvalidArgument, lambda: plan_many(interviews))  # type: ignore[arg-type]
        assert error.field == "interviews"

    def test_plan_many_checks_its_other_arguments_at_once(self) -> None:
        """A wrong policy or histories is refused before anything is planned."""
        assert refused(InvalidPolicy, lambda: plan_many([], "strict")).field == "policy"  # type: ignore[arg-type]
        assert refused(InvalidArgument, lambda: plan_many([], histories=5)).field == "histories"  # type: ignore[arg-type]
        error = refused(InvalidInterview, lambda: list(plan_many([None])))
        assert error.field == "interview"

    @pytest.mark.parametrize("value", [None, [1], "actions", 5])
    def test_a_plan_holds_actions_only(self, value: object) -> None:
        """Plan(...) refuses anything but actions."""
        assert refused(InvalidInterview, lambda: Plan(value)).field == "Plan.actions"  # type: ignore[arg-type]

    def test_now_may_be_any_aware_datetime(self) -> None:
        """Plan.upcoming/next accept any zone and any year; a broken 'now' is a typed error."""
        schedule = plan(interview())
        early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))
        late = datetime(9999, 12, 31, 23, tzinfo=timezone(timedelta(hours=-5)))
        assert schedule.upcoming(early) == schedule
        assert schedule.next(late) is None

        class Broken(tzinfo):
            def utcoffset(self, when: datetime | None) -> timedelta:
                raise RuntimeError("broken")

        error = refused(
            InvalidArgument, lambda: schedule.next(datetime(2024, 7, 3, tzinfo=Broken()))
        )
        assert error.field == "now"


# -- item 10: endless iterables ------------------------------------------------------------


class Counted:
    """An endless iterable that counts how many items were taken from it."""

    def __init__(self, item: object) -> None:
        self.item = item
        self.taken = 0

    def __iter__(self) -> Iterator[object]:
        while True:
            self.taken += 1
            yield self.item


class TestEndlessIterables:
    def test_the_issue_example_stops(self) -> None:
        """Item 10: Interview(..., itertools.repeat('Ana')) is refused, not a memory drain."""
        error = refused(
            InvalidInterview,
            lambda: Interview(START, "Acme", "Role", itertools.repeat("Ana")),
        )
        assert (error.field, error.problem) == (
            "Interview.interviewers",
            "more than 100 interviewers",
        )

    @pytest.mark.parametrize(
        ("field", "cap", "build"),
        [
            ("Interview.interviewers", v.MAX_PEOPLE, lambda it: interview(interviewers=it)),
            ("Interview.topics", v.MAX_ITEMS, lambda it: interview(topics=it)),
            ("Interview.missed", v.MAX_ITEMS, lambda it: interview(missed=it)),
            ("Interview.requested", v.MAX_ITEMS, lambda it: interview(requested=it)),
            ("Action.sources", v.MAX_ITEMS, lambda it: _hand_built(sources=it)),
        ],
    )
    def test_lists_are_capped_reading_at_most_one_item_too_many(
        self, field: str, cap: int, build: Callable[[object], object]
    ) -> None:
        """An endless list is refused after cap + 1 items, naming the field."""
        endless = Counted("Ana Ruiz")
        error = refused(InvalidInterview, lambda: build(endless))
        assert error.field == field
        assert error.problem.startswith(f"more than {cap} ")
        assert endless.taken == cap + 1

    def test_a_list_at_the_cap_is_fine(self) -> None:
        """Exactly the cap is accepted: 49 interviewers (the panel limit), 100 topics."""
        iv = interview(
            interviewers=[f"Person {n}" for n in range(PANEL_LIMIT)],
            topics=[f"topic {n}" for n in range(v.MAX_ITEMS)],
        )
        assert (len(iv.interviewers), len(iv.topics)) == (PANEL_LIMIT, v.MAX_ITEMS)

    def test_an_endless_history_is_refused(self) -> None:
        """plan() and audit() read at most MAX_EVENTS + 1 events of a history."""
        for call in (
            lambda history: plan(interview(), history=history),
            lambda history: audit(interview(), history),
        ):
            endless = Counted(Reply(at(2024, 7, 3, 9)))
            error = refused(InvalidHistory, lambda c=call, e=endless: c(e))
            assert (error.field, error.problem) == ("history", "more than 1000 events")
            assert endless.taken == v.MAX_EVENTS + 1

    def test_an_iterable_that_fails_is_a_typed_error(self) -> None:
        """An iterator that raises while read is the field's error, with the cause kept."""

        def failing() -> Iterator[str]:
            yield "Ana"
            raise OSError("disk gone")

        error = refused(InvalidInterview, lambda: interview(interviewers=failing()))
        assert error.problem == "expected a sequence of interviewers (OSError reading it)"
        assert isinstance(error.__cause__, OSError)

    def test_an_iterable_failing_with_a_type_error_says_it_failed_reading(self) -> None:
        """A TypeError raised by a real iterable's items is not mistaken for "not a list"."""

        def failing() -> Iterator[str]:
            yield "Ana"
            raise TypeError("bad item source")

        error = refused(InvalidInterview, lambda: interview(topics=failing()))
        assert error.problem == "expected a sequence of strings (TypeError reading it)"
        assert isinstance(error.__cause__, TypeError)
        assert refused(InvalidInterview, lambda: interview(topics=5)).problem == (
            "expected a sequence of strings"
        )


# -- item 12: errors pickle ------------------------------------------------------------------


def _cannot_rebuild() -> object:
    raise RuntimeError("this object cannot be rebuilt")


class Unrebuildable:
    """Pickles (by reference to a function) but raises when unpickled."""

    def __reduce__(self) -> tuple[object, ...]:
        return (_cannot_rebuild, ())

    def __repr__(self) -> str:
        return "<Unrebuildable>"


def _every_error() -> list[Exception]:
    return [
        FollowupError("something went wrong"),
        InvalidInterview("Interview.company", "", "must not be empty"),
        InvalidHistory("history[2].at", at(2024, 7, 1), "is before the interview"),
        InvalidPolicy("Policy.min_gap", 10**5000, "must be between 1 and 60 business days"),
        InvalidPolicy("Policy.min_gap", (n for n in range(3)), "expected a whole number"),
        InvalidArgument("now", datetime(2024, 7, 3), "naive datetime: give it a time zone"),
        FormatError("plan.json", "$.interviewers[0].email", "is not an e-mail address"),
        FormatError("plan.json", "", "not JSON"),
        FormatError("plan.json", "$.min_gap", "must be at least 1 (got 0)", value=0),
        StepIdError("step", "check_in-x-1-abc@followup-rules", "is not a step of this interview"),
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
        if isinstance(error, FormatError):  # the value a file held travels too
            assert again.value == error.value

    def test_an_error_about_an_unpicklable_value_still_pickles(self) -> None:
        """The refused value is kept when it pickles, else stood in for by its repr."""
        error = refused(InvalidInterview, lambda: Interviewer(lambda: "Ana"))  # type: ignore[arg-type]
        again = pickle.loads(pickle.dumps(error))
        assert str(again) == str(error)
        assert repr(again.value) == _short_repr(error.value)

    def test_an_error_about_a_value_that_cannot_be_rebuilt_still_pickles(self) -> None:
        """A value may pickle and still fail to unpickle; the error stands in for it too."""
        error = refused(InvalidInterview, lambda: Interviewer(Unrebuildable()))  # type: ignore[arg-type]
        again = pickle.loads(pickle.dumps(error))
        assert (
            str(again)
            == str(error)
            == ("Interviewer.name = an Unrebuildable object: expected a string, got Unrebuildable")
        )

    def test_no_unpicklable_exception_is_chained_to_an_error(self) -> None:
        """Dask pickles an error with its cause and context: only picklable ones are kept.

        Pickling drops the ``__context__``, and keeps a ``__cause__`` when it
        pickles (an OSError from a failing iterator), not when it cannot (an
        exception holding a lambda, raised by a hostile value).
        """

        class Hostile:
            def __iter__(self) -> Iterator[str]:
                raise ValueError(lambda: "not picklable")

        def failing() -> Iterator[str]:
            yield "Ana"
            raise OSError("disk gone")

        for value, cause in ((Hostile(), None), (failing(), OSError)):
            error = refused(InvalidInterview, lambda v=value: interview(interviewers=v))
            pickled_with_its_chain(error)
            assert error.__context__ is None
            assert type(error.__cause__) is type(None) if cause is None else cause
        error = refused(InvalidPolicy, lambda: Policy.preset(lambda: "cautious"))  # type: ignore[arg-type]
        pickled_with_its_chain(error)
        assert (error.__cause__, error.__context__) == (None, None)

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


# -- the models stay what they were --------------------------------------------------------


def test_checked_values_still_evolve_and_compare() -> None:
    """NFC, canonical zones and IDNA forms are stable: checking a checked value changes nothing."""
    person = Interviewer("Zoe\u0308", email="zoe@Bücher.example", timezone="utc")
    assert attrs.evolve(person) == person
    assert (person.name, person.email, person.timezone) == (
        "Zo\u00eb",
        "zoe@xn--bcher-kva.example",
        "UTC",
    )
    assert pickle.loads(pickle.dumps(person)) == person
    assert TimeWindow("08:00", "17:00") == TimeWindow(*("08:00", "17:00"))
    assert Update(START, Outcome.UNDECIDED).outcome is Outcome.UNDECIDED
    assert pendulum.instance(START) == START
