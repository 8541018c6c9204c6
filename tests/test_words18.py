"""The fifteenth blind read (seed 9494) and what words17/17b left of the fourteenth.

Each test fails on main before words18 and names the class it answers.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Outcome, Update, plan, render

from .test_words5 import LAST_LINES, OFFER_WORD, _gettext, _next_round_run
from .test_words12 import COMPANIES, ROLES
from .test_words30c import SENT_BY_READER
from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")

# -- 1. one closing courtesy per check-in, and the question ends its paragraph ----------

CLOSINGS = (
    *LAST_LINES,
    # the last note after news of a next round, by its number
    "I look forward to learning more about the next round.",
    "Please count on me for anything that would help.",
    "I look forward to hearing about the arrangements whenever they are ready.",
    "I look forward to the rest of the process.",  # words27c (r23 07.8: "taking part")
    "I remain keen to take part.",
    "A word from you when the plans take shape would be most welcome.",
    "Thank you, and once a date is set, a short note would be very welcome.",
    # the short courtesies (`_courtesy.txt`) and the first run's thanks
    "Thank you for your time.",
    "Thank you again for the invitation.",
    "Thank you for your help.",
    "Thank you for considering my application.",
    "Thank you for your attention.",
    # words28b class 5: the second courtesy by the application, the third no memo's line
    "Many thanks for your consideration.",
    "I appreciate your consideration.",
    "Many thanks.",  # words29b class 3: no "patience", no "in advance"
    "Thank you very much.",
    "I look forward to your reply.",
    "Thank you for your consideration.",
    "Thank you again for your time.",
)


def _closings(text: str, code: str) -> list[str]:
    said = [_gettext(code, line) for line in CLOSINGS]
    # "Thank you again." is part of "Thank you again for your time.": count the longest
    found = [line for line in said if line in text]
    return [line for line in found if not any(line != o and line in o for o in found)]


def _assert_one_closing(text: str, code: str) -> None:
    closings = _closings(text, code)
    assert len(closings) <= 1, (closings, text)
    for paragraph in text.split("\n\n"):
        for line in closings:
            before = paragraph.split(line)[0] if line in paragraph else ""
            assert not re.search(r"[?¿]", before), paragraph  # the question ends its paragraph


def _final_notes(code: str) -> list[tuple[Any, str]]:
    notes: list[tuple[Any, str]] = []
    for company, role in itertools.product(COMPANIES, ROLES):  # every `closer_turn`
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        close = check_ins(plan(iv))[-1]
        assert close.facts.final
        notes.append((close, render(close, iv).text))
    return notes


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_first_runs_close_has_one_closing_courtesy(code: str) -> None:
    """r14: "Could you share the likely timing? I would welcome any update." then "Thank
    you again for your time.": two closings stacked after the question."""
    for _, text in _final_notes(code):
        _assert_one_closing(text, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_check_in_after_next_round_news_has_one_closing_courtesy(code: str) -> None:
    """r14: the last note of a next-round thread put a warm close after its question and
    the short courtesy after that."""
    iv, steps = _next_round_run(code)
    for step in steps:
        for attempt in range(1, 8):
            for left in (0, 1):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                _assert_one_closing(render(attrs.evolve(step, facts=facts), iv).text, code)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_check_in_after_undecided_news_has_one_closing_courtesy(code: str) -> None:
    """r14 (es "Quedo a su disposición" + "Gracias de nuevo"): after "no decision yet"
    the last note closed twice, after its question and again below it."""
    iv = in_language(
        meeting(interviewers=[attrs.evolve(meeting().interviewers[0], phone=None)]), code
    )
    whole = plan(iv)
    for last in check_ins(whole):
        history = done_until(whole, last)
        history.append(Update(last.suggested.add(days=1), Outcome.UNDECIDED))
        for step in check_ins(plan(iv, history=history)):
            _assert_one_closing(render(step, iv).text, code)


# -- 2. after an offer: no meeting, team or farewell the input does not give ------------

INVENTED_AFTER_OFFER = {
    "en": r"next speak|staying in touch|getting to know the team|paths cross|speak with you again",
    "de": r"nächsten Gespräch|Team kennen|in Kontakt|wiedersehen|wieder sprechen",
    "fr": r"prochain(e)? (échange|entretien|rencontre)|connaître l’équipe|en contact|recroiser",
    "es": r"próxima (conversación|vez)|conocer al equipo|en contacto|volver a hablar",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_an_offer_no_note_invents_a_meeting_a_team_or_a_farewell(code: str) -> None:
    """r15 de (untrue): "bis zu unserem nächsten Gespräch wünsche ich Ihnen alles Gute"
    (no conversation is planned); es (untrue): "Me gustó mucho conocer al equipo" (no
    team was met); en: "I look forward to staying in touch" reads as a goodbye."""
    people = [ANA, *(attrs.evolve(BO, name=f"Bo Chen{i}", email=f"b{i}@acme.example")
                     for i in range(7))]  # fmt: skip
    iv = in_language(meeting(interviewers=people), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 15, 20, tz=NY), Outcome.OFFER, sender=ANA)
    notes = [a for a in plan(iv, history=[offer]) if a.kind is ActionKind.THANK_YOU]
    assert len(notes) == 8
    for note in notes:
        text = render(note, iv).text
        assert OFFER_WORD[code] in text
        assert not re.search(INVENTED_AFTER_OFFER[code], text, re.IGNORECASE), text


# -- 3. nobody is thanked for news whose sender the history does not give ---------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_news_of_a_next_round_from_no_one_on_record_is_not_thanked(code: str) -> None:
    """r15 en/es: "Thank you for the news on Monday, July 6, that I will move on to the
    next stage" thanked the recipient for news the input does not say they gave."""
    iv, steps = _next_round_run(code)
    for step in steps:
        opening = render(step, iv).text.split("\n\n")[1]
        # words32c rewrote this line, which pinned no thanks at all (words30c and the
        # lead's round-32 rule: r25, r26 and r27 readers asked why the news went unthanked):
        # the news is thanked for in the organisation's voice, never as the reader's message
        assert not re.search(SENT_BY_READER[code], opening, re.I), opening
