"""What a calendar client or a mail client reads of an export, function by function.

The thirteenth mutation pass (issue 20, item 9) over `followup_rules.export`:
each test pins what a reader sees (icalendar parses the file; `describe` is
the line a step is listed under) where a changed line of the module went
unnoticed before.
"""

from __future__ import annotations

from datetime import time as wall_time
from datetime import timezone
from typing import Any

import attrs
import icalendar
import pendulum
import pytest

from followup_rules import (
    Application,
    Channel,
    InvalidArgument,
    Outcome,
    TemplateError,
    TemplatePack,
    Update,
    plan,
)
from followup_rules._step_words import calendar_words, step_words
from followup_rules._step_words import words as language
from followup_rules.export import describe, to_ics_many
from followup_rules.identity import interview_key

from .test_writing import ANA, BO, NY, meeting

NOW = pendulum.datetime(2026, 7, 7, 18, tz=NY)

NOTE = {
    key: {code: step_words(language(code))[key] for code in ("en", "de", "fr", "es")}
    for key in ("find_number", "find_email")
}


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
@pytest.mark.parametrize(
    ("email", "phone"),
    [(None, ANA.phone), (ANA.email, None), (None, None), (ANA.email, ANA.phone)],
    ids=["phone only", "e-mail only", "neither", "both"],
)
def test_a_step_is_flagged_only_for_the_address_its_own_channel_needs(
    code: str, email: str | None, phone: str | None
) -> None:
    """A call is flagged when no number is known, an e-mail when no address is:
    never a call or a word in the room for want of an e-mail address, nor an
    e-mail for want of a number."""
    ana = attrs.evolve(ANA, email=email, phone=phone)
    iv = meeting(interviewers=[ana, BO])
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    steps = [*plan(iv), *plan(iv, history=[news])]
    channels = {a.channel for a in steps if a.recipient == ana}
    assert {Channel.EMAIL, Channel.IN_PERSON} <= channels
    if phone:
        assert Channel.PHONE in channels
    for action in steps:
        line = describe(action, code)
        person = action.recipient
        needs = None
        if person is not None and action.channel is Channel.PHONE and not person.phone:
            needs = "find_number"
        if person is not None and action.channel is Channel.EMAIL and not person.email:
            needs = "find_email"
        for key, notes in NOTE.items():
            assert (notes[code] in line) is (key == needs), (action.channel, line)


@pytest.mark.parametrize("others", ["keep", "cancel"])
def test_both_ways_of_treating_other_applications_items_are_taken(others: str) -> None:
    iv = meeting()
    data = to_ics_many([(plan(iv), iv, ())], now=NOW, others=others)
    assert len(icalendar.Calendar.from_ical(data).walk("VTODO")) > 0


@pytest.mark.parametrize("others", ["drop", "CANCEL", "", None])
def test_another_way_of_treating_other_applications_items_is_refused_by_name(
    others: object,
) -> None:
    iv = meeting()
    with pytest.raises(InvalidArgument) as raised:
        to_ics_many([(plan(iv), iv, ())], now=NOW, others=others)  # type: ignore[arg-type]
    assert (raised.value.key, raised.value.value) == ("others", others)
    assert raised.value.problem == 'expected "keep" or "cancel"'


@pytest.mark.parametrize("as_function", [False, True])
def test_a_pack_given_sets_the_language_of_every_line_around_its_messages(
    as_function: bool,
) -> None:
    """An English candidate's calendar written with a German pack reads as a German
    candidate's: the name, each SUMMARY and DESCRIPTION, the reminder's text."""
    english = meeting()
    assert english.candidate is not None
    german = attrs.evolve(english, candidate=attrs.evolve(english.candidate, language="de"))
    pack = TemplatePack(locale="de")
    given = to_ics_many(
        [(plan(english), english, ())],
        now=NOW,
        pack=(lambda _interview: pack) if as_function else pack,
    )
    own = to_ics_many([(plan(german), german, ())], now=NOW)
    assert given == own
    calendar = icalendar.Calendar.from_ical(given)
    assert str(calendar["X-WR-CALNAME"]).startswith("Nachfassen: Data Engineer")
    summaries = [str(item["SUMMARY"]) for item in calendar.walk("VTODO")]
    assert summaries and all("Acme Analytics: " in summary for summary in summaries)
    assert any("nach dem Stand fragen" in summary for summary in summaries)


def refused(call: Any) -> tuple[str, object, str]:
    with pytest.raises(InvalidArgument) as raised:
        call()
    return raised.value.field, raised.value.value, raised.value.problem


EXPECTED = "expected an Application, or (plan, interview, history[, name])"


class TestRefusals:
    """Each refusal of the calendar's arguments names the field, the value and the problem."""

    def test_an_application_of_the_wrong_shape(self) -> None:
        iv = meeting()
        steps = plan(iv)
        for value in [(steps, iv), (steps, iv, (), "a", "b"), [steps, iv, ()], (iv, steps, ())]:
            shown = refused(lambda value=value: to_ics_many([(steps, iv, ()), value], now=NOW))
            assert shown == ("applications[1]", value, EXPECTED)
        for value in [(steps, "Acme", ()), ("plan", iv, ())]:
            shown = refused(lambda value=value: to_ics_many([value], now=NOW))
            assert shown == ("applications[0]", value, EXPECTED)

    def test_a_name_that_is_not_a_string(self) -> None:
        iv = meeting()
        shown = refused(lambda: to_ics_many([(plan(iv), iv, (), 7)], now=NOW))
        assert shown == ("applications[0].name", 7, "expected a string")
        assert to_ics_many([(plan(iv), iv, (), "acme.toml")], now=NOW)

    @pytest.mark.parametrize("value", ["acme.toml", b"acme", 7])
    def test_applications_that_are_no_list(self, value: object) -> None:
        shown = refused(lambda: to_ics_many(value, now=NOW))  # type: ignore[arg-type]
        assert shown == ("applications", value, "expected a list of applications")

    def test_one_application_not_in_a_list(self) -> None:
        app = Application(meeting())
        shown = refused(lambda: to_ics_many(app, now=NOW))  # type: ignore[arg-type]
        assert shown == ("applications", app, "expected a list of applications")

    def test_a_policy_that_is_no_policy(self) -> None:
        iv = meeting()
        shown = refused(lambda: to_ics_many([(plan(iv), iv, ())], now=NOW, policy="strict"))  # type: ignore[arg-type]
        assert shown == ("policy", "strict", "expected a Policy or None")

    @pytest.mark.parametrize(
        "awake",
        [
            [wall_time(8), wall_time(21)],
            (wall_time(8),),
            (wall_time(8), wall_time(12), wall_time(21)),
            (wall_time(8), "21:00"),
            (wall_time(8, tzinfo=timezone.utc), wall_time(21)),
            (wall_time(8), wall_time(21, tzinfo=timezone.utc)),
            (wall_time(9), wall_time(9)),
            (wall_time(21), wall_time(8)),
        ],
    )
    def test_waking_hours_that_are_not_two_local_times_in_order(self, awake: object) -> None:
        iv = meeting()
        shown = refused(lambda: to_ics_many([(plan(iv), iv, ())], now=NOW, awake=awake))  # type: ignore[arg-type]
        assert shown == ("awake", awake, "expected (wakes, sleeps): two local times in order")

    def test_waking_hours_a_minute_apart_are_taken(self) -> None:
        iv = meeting()
        awake = (wall_time(9), wall_time(9, 1))
        assert to_ics_many([(plan(iv), iv, ())], now=NOW, awake=awake)

    @pytest.mark.parametrize("pack", ["de", 7])
    def test_a_pack_that_is_no_pack(self, pack: object) -> None:
        iv = meeting()
        with pytest.raises(TemplateError) as raised:
            to_ics_many([(plan(iv), iv, ())], now=NOW, pack=pack)  # type: ignore[arg-type]
        assert str(raised.value) == f"expected a TemplatePack, got {type(pack).__name__}"


def test_a_calendar_of_applications_in_two_languages_is_named_in_english() -> None:
    """The default name is in the applications' language when they share one, else
    English, whichever language comes first."""
    base = meeting()
    assert base.candidate is not None

    def written_in(code: str, company: str) -> Any:
        candidate = attrs.evolve(base.candidate, language=code)
        iv = attrs.evolve(base, candidate=candidate, company=company)
        return (plan(iv), iv, ())

    def name(*apps: Any) -> str:
        return str(icalendar.Calendar.from_ical(to_ics_many(apps, now=NOW))["X-WR-CALNAME"])

    german, french = written_in("de", "Acme"), written_in("fr", "Initech")
    assert name(german, french) == name(french, german) == "Interview follow-ups"
    both = name(german, written_in("de_AT", "Initech"))
    assert both == calendar_words(language("de"))["calendar"] != "Interview follow-ups"


class TestApplications:
    """An `Application` is written as the same plan, interview and name given as a tuple."""

    def test_an_application_is_planned_from_now(self) -> None:
        """Seen two weeks on, the late check-in is moved to its next window, as
        ``application.plan(now)`` has it, not left where the interview put it."""
        app = Application(meeting())
        late = pendulum.datetime(2026, 7, 29, 9, tz=NY)
        assert app.plan(late) != app.plan()
        as_tuple = (app.plan(late), app.interview, app.history)
        assert to_ics_many([app], now=late) == to_ics_many([as_tuple], now=late)

    @pytest.mark.parametrize("as_tuple", [False, True])
    def test_an_applications_name_finds_its_items_after_a_rename(self, as_tuple: bool) -> None:
        """The name, not only the company, role and start, tells its items from others':
        renamed, its old open items are closed, none left open beside the new ones."""

        def given(iv: Any) -> Any:
            if as_tuple:
                return (plan(iv), iv, (), "acme.toml")
            return Application(iv, name="acme.toml")

        iv = meeting()
        before = to_ics_many([given(iv)], now=NOW)
        renamed = given(attrs.evolve(iv, company="Acme Analytics GmbH"))
        after = icalendar.Calendar.from_ical(to_ics_many([renamed], now=NOW, previous=before))
        old = {str(item["UID"]) for item in icalendar.Calendar.from_ical(before).walk("VTODO")}
        statuses = {str(item["STATUS"]) for item in after.walk("VTODO") if str(item["UID"]) in old}
        assert statuses == {"CANCELLED"}


def test_two_applications_with_one_interview_id_are_refused_saying_what_to_do() -> None:
    """Two candidates of one group interview, with the same `Interview.id`: their steps
    would share UIDs; the second is refused, naming the first and the two ways out."""
    iv = attrs.evolve(meeting(), id="acme-1")
    assert iv.candidate is not None
    other = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, name="Kim Park"))
    shown = refused(lambda: to_ics_many([Application(iv), Application(other)], now=NOW))
    assert shown == (
        "applications[1]",
        "acme-1",
        "has the step ids of applications[0] (the same Interview.id, or the same company, "
        "role and start): give each application its own Interview.id, or list it once",
    )
    once = to_ics_many([Application(iv)], now=NOW, name="Acme")
    assert to_ics_many([Application(iv), Application(iv)], now=NOW, name="Acme") == once


def test_a_late_step_gives_its_reason_then_says_it_is_offered_again() -> None:
    """A thank-you past its first window, seen two days on: "Why: <the rule's reason>
    <the late note>", both, in that order, one space between."""
    app = Application(meeting())
    now = pendulum.datetime(2026, 7, 9, 9, tz=NY)
    assert any(a.facts.late for a in app.plan(now))
    words = calendar_words(language("en"))
    calendar = icalendar.Calendar.from_ical(to_ics_many([app], now=now))
    whys = [
        line
        for item in calendar.walk("VTODO")
        for line in str(item["DESCRIPTION"]).split("\n")
        if line.endswith(" " + words["late"])
    ]
    assert whys
    for line in whys:
        reason = line.removesuffix(" " + words["late"])
        assert reason.startswith(words["why"] % {"why": ""})
        assert len(reason) > len(words["why"] % {"why": ""}) + 10


def test_each_item_records_its_step_without_the_interviews_fingerprint() -> None:
    """X-FOLLOWUP-STEP is the UID less its interview's fingerprint: the same step after
    a rename or a reschedule, however long the fingerprint."""
    iv = meeting()
    suffix = f"-{interview_key(iv)}@followup-rules"
    calendar = icalendar.Calendar.from_ical(to_ics_many([(plan(iv), iv, ())], now=NOW))
    found = [item for item in calendar.walk() if item.name in ("VTODO", "VEVENT")]
    assert found
    for item in found:
        assert str(item["UID"]) == str(item["X-FOLLOWUP-STEP"]) + suffix
