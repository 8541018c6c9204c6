"""Words, eighth round (issue 19): the classes of the round-7 blind reads (corpus 8484).

Each test fails on the code the readers read (main at b89ca61) and names the reading.
"""

from __future__ import annotations

import re
from typing import Any

import pendulum
import pytest

from followup_rules import ActionKind, Outcome, Update, plan, render

from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _body(message: Any) -> str:
    return str(message.text.split("\n\n", 1)[1])


# -- a thin thank-you names the timeline as the candidate understood it, not as a deadline -----

DEADLINE = re.compile(
    r"hearing about the next steps by|bis [A-Z]\w+, den [^,]+, von Ihnen zu hören"
    r"|connaître les prochaines étapes d’ici|conocer los próximos pasos para"
)
UNDERSTOOD = re.compile(r"I understand|wie ich verstanden habe|si j’ai bien compris|según entendí")


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_thin_thank_you_sets_the_reader_no_deadline(code: str) -> None:
    """r7 en 13.6/15.6, de M1, fr M1, es 08.7: "I look forward to hearing about the next
    steps by Sunday, November 15" pins the interviewer to a date; the note says the
    timeline as the candidate understood it."""
    iv = in_language(meeting(interviewers=[ANA], topics=[], fit=None), code)
    (note,) = (a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
    text = _body(render(note, iv))
    assert not DEADLINE.search(text), text
    assert UNDERSTOOD.search(text), text


# -- after an invitation to a next round: nothing the candidate cannot do or did not say ----------

PLANNING = re.compile(
    r"help with (the )?planning|planning the next round wherever|unterstütze ich Sie"
    r"|vous aiderai|aider .* organisation|ayudaré|cuadrar las agendas|no es sencillo"
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_next_round_news_no_offer_to_plan_their_round_nor_an_invented_reason(
    code: str,
) -> None:
    """r7 en/de/fr/es 07.9: "I will gladly help with planning the next round wherever I
    can" (the candidate does not plan the employer's round); es 07.10 "cuadrar las
    agendas ... no es sencillo" invents why the round takes time."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(Update(first.suggested.add(hours=3), Outcome.NEXT_ROUND, sender=ANA.name))
    notes = []
    for _ in range(4):
        steps = check_ins(plan(iv, history=history))
        if not steps:
            break
        notes.append(_body(render(steps[0], iv)))
        history = [*history, steps[0].done()]
    assert len(notes) >= 2
    for text in notes:
        assert not PLANNING.search(text), text


# -- after an offer, a panelist's note does not read as an acceptance ---------------------------

ACCEPTING = re.compile(
    r"offer now in hand|look forward to (the possibility of )?working with you"
    r"|je me réjouis à l’idée de travailler|freue ich mich umso mehr auf die Aussicht"
    r"|me ilusiona la posibilidad"
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_an_offer_no_note_reads_as_an_acceptance(code: str) -> None:
    """r7 fr 05.6 (blocker): « Maintenant que j'ai reçu la proposition, je me réjouis à
    l'idée de travailler avec vous » reads as an acceptance the candidate never gave,
    beside a note to the contact that says they will go through the details."""
    iv = in_language(meeting(interviewers=[ANA, BO]), code)
    offer = [Update(pendulum.datetime(2026, 7, 7, 15, 5, tz=NY), Outcome.OFFER)]
    for action in plan(iv, history=offer):
        if action.kind is ActionKind.THANK_YOU:
            text = _body(render(action, iv))
            assert not ACCEPTING.search(text), text
