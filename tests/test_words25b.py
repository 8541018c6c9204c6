"""Issue 19, round 25 (words25b): one test per class of the twentieth blind reads (r20,
seed 5151) for the check-ins, their calls, the replies to news and the feedback answers,
in every language.

1. Blunt last questions: en "Am I still in the running?", "Am I still a candidate for the
   position?"; de "Bin ich noch im Auswahlverfahren?", "Komme ich für die Stelle noch in
   Frage?", "Ist meine Bewerbung noch offen?"; fr « Suis-je toujours en lice ? », « encore
   en course » ; es « ¿Sigo optando al puesto? ».  They force the reader to say no: the
   last note asks, gently, whether the application is still considered.
3. Retries that never ask for the status (en 04.10/08.8 "Are there any questions about my
   application that I could answer?" alone; de "Gibt es Fragen zu meiner Bewerbung ...";
   es 02.8/12.7): each check-in asks one real thing, and no message asks one thing twice
   (es C4 "cómo avanza el proceso" then "¿Hay avances en la selección?").
4. Interest restated in near-identical words across a chain (fr C9 « Mon intérêt pour le
   poste reste entier » then « est intact »; « garde tout son attrait » / « garde pour moi
   tout son intérêt »): interest is said once per chain; later retries offer something.
"""

from __future__ import annotations

import itertools
import re

import attrs
import pytest

from followup_rules import Policy, plan, render
from followup_rules._languages import language

from .test_words12 import COMPANIES, ROLES
from .test_words24b import _chains
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


# -- class 3: every check-in asks one real thing, and asks it once ---------------------------

OFFER_ONLY = {
    # a question that only offers (to answer questions, to send something): not a status ask
    "en": r"questions about my application|anything further I could send|be of help",
    "de": r"Fragen zu meiner Bewerbung|Unterlagen, die Ihnen|hilfreich",
    "fr": r"questions sur ma candidature|faire parvenir|utiles",
    "es": r"pregunta sobre mi candidatura|pueda enviarle|útiles",
}
ASKED_TWICE = {
    # what one message may ask or say it asks once: the process moving on, the timeline
    "en": (r"moved forward|how things are moving|progress", r"\btimeline\b|decision date"),
    "de": (r"\bbewegt\b|\bvoran\b|Fortgang", r"Zeitplan|Entscheidungstermin"),
    "fr": (r"avancé|avance\b|avancement", r"calendrier"),
    "es": (r"\bavanza\b|\bavances?\b|avanzado", r"calendario|plazos"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_check_in_asks_one_real_thing_once(code: str) -> None:
    """r20 en I: 04.10 and 08.8 are only "Are there any questions about my application
    that I could answer?"; de A the same five times; es C3/C4.  Every check-in e-mail,
    of every number, asks something about the application that is not only an offer,
    and no one thing is asked twice in one message."""
    for body in _every_check_in(code):
        asks = [q for q in _questions(body) if not re.search(OFFER_ONLY[code], q)]
        assert asks, body
        said = re.split(r"(?<=[.?!])\s+", body)
        for stem in ASKED_TWICE[code]:
            assert len([s for s in said if re.search(stem, s)]) <= 1, (stem, body)


# -- class 4: interest is said once per chain -------------------------------------------------

INTEREST = {
    "en": r"\binterest|\bappeal|\beager\b|attractive|\bkeen\b|glad to work",
    "de": r"Interesse|interessiert|\breizt\b|\bReiz\b|am Herzen|liegt mir|zusammenarbeiten|"
    r"Tätigkeit bei|spricht mich",
    "fr": r"intér[eê]s|attrait|m’attire|envie de rejoindre|à cœur|rejoindre",
    "es": r"inter[eé]s|atractiv|atrae|atrayendo|incorporarme|entusiasmo",
}
TIMING_SHIFT = (
    "I appreciate that timing can shift, and the position continues to appeal to me greatly."
)
"""The last note's line granting a slipped schedule, which words25a owns (the brief of
round 25: its truth after a passed date is their class 5): left to them, and set aside
here."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_interest_is_said_once_per_chain(code: str) -> None:
    """r20 fr C9: « Mon intérêt pour le poste reste entier » (01.10) then « est intact »
    (01.12), « garde tout son attrait » then « garde pour moi tout son intérêt » (08.7,
    08.11); 04 restates it in all three.  Over every application's chain of two to four
    e-mails, one e-mail at most says the candidate's interest."""
    shift = re.escape(language(code).translations.gettext(TIMING_SHIFT))
    for chain in _chains(code):
        saying = [body for body in chain if re.search(INTEREST[code], re.sub(shift, "", body))]
        assert len(saying) <= 1, saying
