"""words27b: thank-you e-mails and cards (issue 19, the r23 blind read of seed 9696).

1. A panel does not hear the user's case for fit in every note (en 14.12-14.19: "my three
   years of running warehouse operations" in all eight notes of a superday, sent the
   same minute, read as a mail merge): of the notes that have something of their own to
   say (topics, a request), at most `FIT_WITH_CONTENT` make it; the others say their own
   piece.  A note with nothing of its own still makes it (words10, words21).
2. The stock lines the four readers named are gone from every wording, every branch and
   every language: en "I owe you thanks", "What I would offer the role is", "Having
   several of you listen to my answers" (the sessions may have been separate), closes
   that presume a next stage or ask to be kept posted; de «würde mir viel bedeuten»,
   «genossen», «in Kontakt zu bleiben», «verfolge ich aufmerksam», «auf dem Laufenden»,
   «ausgelassen», «mir Gelegenheit»; fr « compterait vraiment pour moi », « Ma gratitude
   va », « comment les choses avancent » (a thank-you asks for no news), « Vous avoir
   entendus »; es «Me alegra lo que hablamos», «Disfruté de lo que hablamos», «Lo que
   hablamos ... fue un verdadero placer», «Con mis mejores deseos», «Ojalá».
3. A note of the next day says nothing of a delay (12.5 in all four languages: "Please
   excuse this belated note", 25 hours after the interview); two days on, it does.
4. A card is signed with a way to answer it: the candidate's e-mail address and phone
   under the name (es 04.7: a card offering more information, with no contact details).
5. es: no two sentences in a row of a thank-you both say "agradecer" (five messages).
"""

from __future__ import annotations

import itertools
import re
from datetime import timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Message,
    Policy,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.action import Window
from followup_rules.messages import FIT_WITH_CONTENT

from .prose import sentences
from .test_writing import in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
NY = "America/New_York"
FIT = "three years running warehouse operations"
CANDIDATE = Candidate("Sam Lee", email="sam@example.com", phone="+1 212 555 0100")


def _people(size: int, detail: str) -> list[Interviewer]:
    """*size* interviewers, each with *detail* of their own (or none)."""
    names = ("Ana Ruiz", "Bo Chen", "Kim Park", "Dana Whit", "Olu Ade", "Ray Hale", "Lin Wu")
    people = []
    for n in range(size):
        details: dict[str, Any] = {
            "topics": {"topics": (f"topic {n}",)},
            "requested": {"requested": (f"item {n}",)},
            "part": {"part": "the tour of the lab"},
            "mixed": [
                {"topics": (f"topic {n}",)},
                {"part": "the tour of the lab"},
                {"requested": (f"item {n}",)},
                {},
            ][n % 4],
            "none": {},
        }[detail]
        people.append(
            Interviewer(
                f"{names[n % len(names)]}{'' if n < len(names) else n}",
                email=f"p{n}@acme.example",
                **details,
            )
        )
    return people


def _panel(size: int, detail: str, code: str, **changes: Any) -> Interview:
    fields: dict[str, Any] = {
        "interviewers": _people(size, detail),
        "fit": FIT,
        "candidate": CANDIDATE,
        "address": "1 Main Street, New York, NY 10001",
    }
    fields.update(changes)
    return in_language(meeting(**fields), code)


def _notes(iv: Interview, policy: Policy | None = None) -> list[tuple[Interviewer, Message]]:
    return [
        (action.recipient, render(action, iv))
        for action in plan(iv, policy or Policy())
        if action.kind is ActionKind.THANK_YOU and action.template is not None
    ]


def _plans(code: str) -> list[tuple[Interview, Policy]]:
    """Panels of one to eight, thin and detailed, e-mails and cards, under two companies
    (two turns of the wordings), with and without what was missed."""
    found = []
    for size in (1, 2, 3, 4, 5, 6, 7, 8):
        for detail in ("none", "topics", "part", "requested", "mixed"):
            for company in ("Acme Analytics", "Harbor Bay Partners"):
                missed = ["my AWS certification"] if size % 2 else []
                iv = _panel(size, detail, code, company=company, missed=missed)
                found.append((iv, Policy()))
                if size <= 3:
                    found.append((iv, Policy(thank_you_channel=Channel.POSTAL)))
    return found


# -- 1. the case for fit in only some notes of a panel whose notes have their own ----------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [2, 3, 4, 5, 6, 7, 8])
def test_a_panel_with_its_own_content_hears_the_fit_in_a_few_notes(code: str, size: int) -> None:
    """Class 1: when every panelist has something of their own (a topic, a request), the
    user's fit goes to at most `FIT_WITH_CONTENT` notes, the contact's among them, and the
    others make no case at all (no vaguer brief line either): en 14, eight notes."""
    phrase = language(code).experience(FIT)
    for detail in ("topics", "requested"):
        iv = _panel(size, detail, code)
        notes = _notes(iv)
        assert len(notes) == size
        quoted = [person.name for person, message in notes if phrase in message.text]
        assert len(quoted) == min(size, FIT_WITH_CONTENT), quoted
        assert iv.follow_up_contact.name in quoted
        gettext = language(code).translations.gettext
        briefs = [
            gettext(msgid)
            for msgid in (
                "I believe I have much to contribute, given my experience.",
                "I feel my background has prepared me well for the role.",
                "I believe my experience fits the role well.",
                "I think my experience would be useful in the role.",
                "I see a close match between my experience and the role.",
                "Given my background, I feel well placed for the role.",
                "I feel ready for the role, given my experience.",
                "I am confident my background would serve the role well.",
            )
        ]
        for _person, message in notes:
            assert not any(brief in message.text for brief in briefs), message.text


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_note_with_nothing_of_its_own_still_makes_the_case(code: str) -> None:
    """Class 1: a thin note (no topic, no request) keeps the fit, in a superday whose other
    notes have content of their own, so that no note says three generic lines."""
    phrase = language(code).experience(FIT)
    iv = _panel(8, "mixed", code)
    notes = _notes(iv)
    for person, message in notes:
        if not (person.topics or person.requested):
            assert phrase in message.text, message.text
    # the contact's note counts among the few with content of their own
    thin = sum(not (p.topics or p.requested) for p, _ in notes)
    quoted = sum(phrase in message.text for _, message in notes)
    assert quoted <= thin + FIT_WITH_CONTENT, quoted


# -- 2. the stock lines the readers named ---------------------------------------------------

RETIRED = {
    "en": (
        r"owe you thanks",
        r"What I would offer",
        r"listen to my answers",
        r"process unfolds",
        r"next stage",
        r"keep me posted",
        r"stay(?:ing)? in touch",
        r"means? (?:a lot|a great deal) to me",
        r"real privilege",
        r"belated|forgive me|apolog",
    ),
    "de": (
        r"viel bedeute",
        r"bedeutet mir viel",
        r"genossen",
        r"in Kontakt zu bleiben",
        r"verfolge ich aufmerksam",
        r"auf dem Laufenden",
        r"ausgelassen",
        r"mir Gelegenheit",
        r"meine Antworten gehört",
        r"verspätet|entschuldigen|verzeihen|erst jetzt",
    ),
    "fr": (
        r"compterait vraiment",
        r"Ma gratitude va",
        r"comment les choses avancent",
        r"Vous avoir entendus",
        r"Restons en contact",
        r"écouté mes réponses",
        r"tard|pardonnez|excuser",
    ),
    "es": (
        r"Me alegra lo que hablamos",
        r"Disfruté de lo que hablamos",
        r"Lo que hablamos sobre .* fue un verdadero placer",
        r"mejores deseos",
        r"Ojalá",
        r"escucharan mis respuestas",
        r"escucharle",
        r"retraso|\btarde\b|disculpas",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_note_or_card_says_a_line_the_readers_named(code: str) -> None:
    """Class 2, over every wording of panels of one to eight, e-mails and cards."""
    seen = 0
    for iv, policy in _plans(code):
        for _person, message in _notes(iv, policy):
            seen += 1
            for pattern in RETIRED[code]:
                assert not re.search(pattern, message.text), (pattern, message.text)
    assert seen > 300


# -- 3. a next-day note is an ordinary one ---------------------------------------------------


def _sent_at(action: Any, when: Any) -> Any:
    utc = when.in_timezone("UTC")
    return action._moved(
        Window(utc, utc + timedelta(hours=2), utc),
        action._utc[1],
        attrs.evolve(action.facts, late=True),
    )


LATE = re.compile(
    r"belated|late\b|delay|apolog|only now|later than|verspätet|spät|erst jetzt|entschuldig|"
    r"retard|tard|excuse|pardon|que maintenant|"
    r"retraso|\btarde\b|disculp",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_a_note_of_the_next_day_says_nothing_of_a_delay(code: str, size: int) -> None:
    """Class 3: the planner moved the note past its window (Facts.late), to the next
    afternoon, 25 hours after the interview's end: no wording of any note says it is
    late; two days on, every one does."""
    iv = _panel(size, "none", code)
    ends = iv.starts_at.add(hours=1)
    for action in plan(iv):
        if action.kind is not ActionKind.THANK_YOU or action.template is None:
            continue
        for variant in range(8):
            note = action._with_facts(attrs.evolve(action.facts, variant=variant))
            # the body, without the greeting ("Buenas tardes")
            next_day = render(_sent_at(note, ends.add(hours=25)), iv).text.split("\n\n", 1)[1]
            assert not LATE.search(next_day), next_day
            later = render(_sent_at(note, pendulum.datetime(2026, 7, 9, 10, tz=NY)), iv).text
            assert LATE.search(later.split("\n\n", 1)[1]), later


# -- 4. a card can be answered ---------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_card_is_signed_with_the_candidates_email_and_phone(code: str) -> None:
    """Class 4: every card, whatever it offers, ends on the name, the e-mail address and
    the phone, as the e-mails do."""
    for size in (1, 2, 3):
        iv = _panel(size, "mixed", code, missed=["my AWS certification"])
        cards = _notes(iv, Policy(thank_you_channel=Channel.POSTAL))
        assert len(cards) == size
        for _person, card in cards:
            tail = card.text.rstrip().split("\n")[-3:]
            assert tail[0] == "Sam Lee" and tail[1] == "sam@example.com", card.text
            assert "555" in tail[2], card.text


# -- 5. es: "agradecer" not twice in a row ------------------------------------------------


@pytest.mark.parametrize("code", ["es", "es_CO", "es_MX"])
def test_no_two_sentences_in_a_row_thank_with_agradecer(code: str) -> None:
    """Class 5 (es 02.6, 14.17 and three more): «Le escribo para agradecerle ... Le
    agradezco también ...».  Two sentences in a row of a Spanish thank-you never both say
    a form of "agradecer", under enough companies to turn every wording."""
    companies = ("Acme", "Harbor Bay", "Datos del Sur", "Norte", "Sol", "Luna", "Mar")
    for company in companies:
        for size, detail in ((1, "none"), (2, "part"), (4, "none"), (6, "mixed"), (8, "none")):
            iv = _panel(size, detail, code, company=company, missed=["mi certificación"])
            for _person, message in _notes(iv):
                said = sentences(message, longer_than=0)
                for one, two in itertools.pairwise(said):
                    both = all(re.search(r"agrade(?:c|zc)", s, re.IGNORECASE) for s in (one, two))
                    assert not both, (one, two, message.text)
