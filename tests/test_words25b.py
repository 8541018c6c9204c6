"""Issue 19, round 25 (words25b): one test per class of the twentieth blind reads (r20,
seed 5151) for the check-ins, their calls, the replies to news and the feedback answers,
in every language.

1. Blunt last questions: en "Am I still in the running?", "Am I still a candidate for the
   position?"; de "Bin ich noch im Auswahlverfahren?", "Komme ich für die Stelle noch in
   Frage?", "Ist meine Bewerbung noch offen?"; fr « Suis-je toujours en lice ? », « encore
   en course » ; es « ¿Sigo optando al puesto? ».  They force the reader to say no: the
   last note asks, gently, whether the application is still considered.
"""

from __future__ import annotations

import itertools
import re

import attrs
import pytest

from followup_rules import Policy, plan, render

from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _questions(text: str) -> list[str]:
    return [q.strip() for q in re.findall(r"[^.?!\n]*\?", text)]


def _every_check_in(code: str, count: int = 3) -> list[str]:
    """The bodies of every check-in e-mail of every application's turn, each of them also
    said as the check-in of every number from the first to the eighth (the wordings of
    numbers two to six are dealt out by the application, `messages.said_attempt`)."""
    bodies = []
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        for action in check_ins(plan(iv, policy=Policy(max_check_ins=count))):
            for attempt in range(1, 9):
                again = attrs.evolve(action, facts=attrs.evolve(action.facts, attempt=attempt))
                text = render(again, iv).text
                bodies.append("\n\n".join(text.split("\n\n")[1:-1]))
    return bodies


# -- class 1: the last question is gentle ---------------------------------------------------

BLUNT = {
    # the candidate's own standing asked point-blank, or in the words of a race
    "en": r"^Am I\b|^Are you still considering me|in the running|still a candidate",
    "de": r"^(?:Bin|Komme|Bleibe) ich\b|^Ist meine Bewerbung\b|im Auswahlverfahren\?|im Rennen",
    "fr": r"^Suis-je\b|en lice|en course",
    "es": r"^¿Sigo\b|optando|adelantarme",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_asks_point_blank_whether_the_candidate_is_still_in(code: str) -> None:
    """r20 en B "Am I still in the running?" (04.11, 09.10, 10.8, 12.10), "Am I still a
    candidate for the position?" (02.9, 11.11 ...); de A "Bin ich noch im
    Auswahlverfahren?", "Komme ich für die Stelle noch in Frage?", "Ist meine Bewerbung
    noch offen?"; fr C5 « Suis-je toujours en lice ? », « encore en course » ; es C7
    « ¿Sigo optando al puesto? », « ¿Puede adelantarme algo? ».  No question of any
    check-in, last or not, of any number, asks it point-blank."""
    found = {
        question
        for body in _every_check_in(code)
        for question in _questions(body)
        if re.search(BLUNT[code], question)
    }
    assert not found, sorted(found)
