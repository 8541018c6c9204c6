"""What a calendar client or a mail client reads of an export, function by function.

The thirteenth mutation pass (issue 20, item 9) over `followup_rules.export`:
each test pins what a reader sees (icalendar parses the file; `describe` is
the line a step is listed under) where a changed line of the module went
unnoticed before.
"""

from __future__ import annotations

import attrs
import icalendar
import pendulum
import pytest

from followup_rules import Channel, InvalidArgument, Outcome, Update, plan
from followup_rules._step_words import step_words
from followup_rules._step_words import words as language
from followup_rules.export import describe, to_ics_many

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
