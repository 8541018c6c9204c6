"""What `template_context` now works out once or by the stdlib gives what it gave before.

The eighth speed pass (issue 20, item 8) cut work from `template_context`: the
recipient's names are asked of the language once and shared by the lines that
need them, the application's hash is made once, and a call's window on the
candidate's clock is converted from its UTC instants by the stdlib instead of
pendulum.  Each test sets the new way beside the old one, written out here.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pendulum
from hypothesis import given
from hypothesis import strategies as st

from followup_rules import Interviewer, Recruiter, Salutation, messages
from followup_rules._calendar import zone
from followup_rules._languages import language

LOCALES = ("en", "en_GB", "de", "de_AT", "fr", "fr_CA", "es", "es_MX")
ZONES = (
    "America/New_York",
    "America/St_Johns",  # a half-hour offset
    "Europe/Berlin",
    "Europe/London",
    "Australia/Sydney",
    "Australia/Lord_Howe",  # a half-hour shift at its transitions
    "Asia/Kolkata",
    "Asia/Kathmandu",  # a quarter-hour offset
    "Pacific/Chatham",
    "UTC",
)

instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2028, 1, 1), timezones=st.just(timezone.utc)
).map(lambda moment: moment.replace(second=0, microsecond=0))


@given(
    opens=instants,
    length=st.integers(min_value=15, max_value=600),
    zone_name=st.sampled_from(ZONES),
    locale=st.sampled_from(LOCALES),
    other_day=st.booleans(),
)
def test_a_window_on_the_candidates_clock_is_worded_alike_from_the_stdlib(
    opens: datetime, length: int, zone_name: str, locale: str, other_day: bool
) -> None:
    """`_call_times` converts the window's UTC instants to the candidate's zone with
    `datetime.astimezone`, where it used pendulum's `in_timezone`: the same wall clock,
    offset, day and words, across every change of offset (daylight saving included)."""
    tz = zone(zone_name)
    closes = opens + timedelta(minutes=length)
    words = language(locale)
    by_stdlib = (opens.astimezone(tz), closes.astimezone(tz))
    by_pendulum = (
        pendulum.instance(opens).in_timezone(tz),
        pendulum.instance(closes).in_timezone(tz),
    )
    for new, old in zip(by_stdlib, by_pendulum, strict=True):
        assert (new.date(), new.time(), new.utcoffset()) == (
            old.date(),
            old.time(),
            old.utcoffset(),
        )
    day = by_stdlib[0].date() if other_day else None
    assert words.window(*by_stdlib, tz, day) == words.window(*by_pendulum, tz, day)


PEOPLE = (
    None,
    Interviewer("Ana Ruiz"),
    Interviewer("Ana Ruiz", honorific="Dr."),
    Interviewer("Ana Ruiz", honorific="Ms."),
    Interviewer("Robin Keller", honorific="Dr."),
    Interviewer("Marc de la Roche", honorific="Mr. Prof."),
    Interviewer("Priya Natarajan", honorific="Mx."),
    Recruiter("Rita Cole"),
    Recruiter("Rita Cole", honorific="Mrs."),
)


@given(
    person=st.sampled_from(PEOPLE),
    style=st.sampled_from(Salutation),
    locale=st.sampled_from(LOCALES),
)
def test_whom_a_voicemail_is_for_is_worked_out_from_the_names_given(
    person: Interviewer | Recruiter | None, style: Salutation, locale: str
) -> None:
    """`_spoken_for` now takes the names the context already asked the language for;
    it says what it said when it asked again."""
    words = language(locale)
    spoken_of, spoken_name = words.spoken_of(person, style), words.spoken_name(person, style)
    if person is None:
        before = ""
    else:
        before = spoken_of if spoken_of != words.spoken_name(person, style) else person.name
    assert messages._spoken_for(person, spoken_of, spoken_name) == before


def test_the_application_hash_is_the_crc_of_company_and_role() -> None:
    """The hash that turns an application's wordings, made once per application, is the
    CRC-32 the wordings were dealt by (the turns tested in test_words14 rest on it)."""
    import zlib

    for company, role in (("Acme", "Data Engineer"), ("Lumière SAS", "Analyste"), ("", "x")):
        expected = zlib.crc32(f"{company}|{role}".encode())
        assert messages._application_hash(company, role) == expected
