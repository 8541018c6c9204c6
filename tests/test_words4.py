"""Issue 19, fourth round: one test per class of the round-3 cold reads (corpus seed
9191), in every language where the class applies (``words4.md``)."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

from followup_rules import ActionKind, Channel, Interviewer, Policy, plan, render

from .test_writing import check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _panel(size: int, **each: Any) -> list[Interviewer]:
    return [
        Interviewer(f"Person{chr(65 + i)} Name{chr(65 + i)}", email=f"p{i}@acme.example", **each)
        for i in range(size)
    ]


def _notes(whole: Any) -> list[Any]:
    return [a for a in whole if a.kind is ActionKind.THANK_YOU]


# -- class 1: "your team" to someone the input does not place in it ----------------------------

YOUR_TEAM = re.compile(
    r"\byour team\b|\bIhre[mns]? Teams?\b|\bvotre équipe\b|\bsu equipo\b", re.IGNORECASE
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [1, 2, 7, 8, 14])
def test_no_note_says_your_team(code: str, size: int) -> None:
    """Class 1 (blocker): nothing in the input says the recipient is in the team the
    candidate would join (a recruiter, a Director of People, an engineer for an HR role):
    no note, e-mail or card, says "join your team"; it says "join <company>"."""
    iv = in_language(meeting(interviewers=_panel(size), fit="my six years of FIT"), code)
    for note in _notes(plan(iv)):
        text = render(note, iv).text
        assert not YOUR_TEAM.search(text), text


# -- class 2: a card is read days after the e-mail -----------------------------------------

ON_ITS_WAY = re.compile(
    r"on its way|brings you|a copy of|bringt Ihnen|unterwegs|sende ich Ihnen|"
    r"en route|vous transmet|de camino|le hago llegar",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("own", [True, False])
def test_a_card_says_what_was_sent_by_email(code: str, own: bool) -> None:
    """Class 2: the card is posted the morning the e-mail with what they asked for is
    sent, and read days later: it says "I have sent you ... by email", never that it "is
    on its way" or that an e-mail "brings" it (and no "a copy of" before the user's words)."""
    requested = {"requested": ("REPORT",)} if own else {}
    people = [attrs.evolve(p, **requested) for p in _panel(7, address="1 Main St, 10001")]
    iv = meeting(interviewers=people, requested=() if own else ("REPORT",))
    iv = in_language(iv, code)
    cards = [n for n in _notes(plan(iv, Policy.traditional())) if n.channel is Channel.POSTAL]
    said = [render(card, iv).text for card in cards]
    assert any("REPORT" in text for text in said)
    for text in said:
        assert not ON_ITS_WAY.search(text), text


# -- class 3: after a call of unknown outcome ----------------------------------------------

AS_IF_TAKEN = re.compile(
    r"\bmy (phone )?call\b|write as well|meine[mn]? Anruf|auch schreiben|"
    r"mon appel|écrire également|mi llamada|también",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_a_call_of_unknown_outcome_the_email_does_not_read_as_taken(code: str) -> None:
    """Class 3: nobody is known to have taken the call, nor a voicemail left: whatever
    the check-in's number, the e-mail says the candidate called ("I called on ... and
    wanted to follow up in writing"), never "following my call ..., I wanted to write as
    well", which reads as a conversation the recipient had."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    assert call.channel is Channel.PHONE
    email = check_ins(plan(iv, history=done_until(whole, call)))[0]
    assert email.channel is Channel.EMAIL
    openings = set()
    for attempt in range(2, 7):
        again = attrs.evolve(email, facts=attrs.evolve(email.facts, attempt=attempt))
        opening = render(again, iv).text.split("\n\n")[1]
        assert not AS_IF_TAKEN.search(opening), opening
        openings.add(opening)
    assert len(openings) == 5
