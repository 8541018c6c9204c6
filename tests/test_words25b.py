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
2. Stock closes: fr « Merci de prendre en compte ma candidature. » (12 times), « Merci
   infiniment. », a bare « Merci. »; de "Vielen herzlichen Dank." in a nudge; de "Vielen
   Dank für Ihre Zeit." then "Ich danke Ihnen für Ihre Zeit." in two e-mails in a row.
"""

from __future__ import annotations

import itertools
import re

import attrs
import pendulum
import pytest

from followup_rules import Channel, Outcome, Policy, Update, plan, render
from followup_rules._languages import language

from .test_words12 import COMPANIES, ROLES
from .test_words24b import _chains
from .test_writing import ANA, NY, check_ins, in_language, meeting

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
    "fr": (r"avancé|avancement", r"calendrier"),
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
# words32b: "role", after an opening that named the position (r26 en 01.11)
TIMING_SHIFT = (
    "I appreciate that timing can shift, and the role continues to appeal to me greatly."
)
"""The last note's line granting a slipped schedule, which words25a owns (the brief of
round 25: its truth after a passed date is their class 5): left to them, and set aside
here."""
GRACEFUL_INTEREST = (
    "I remain very keen on the role.",
    "The role still appeals to me a great deal.",
    "The role continues to interest me greatly.",  # words27a class 1
    "My interest in the role is as strong as ever.",
)  # words32b: "role", never "position" right after an opening that said it (r26 en 01.11)
"""The interest the graceful close restates (`_graceful.txt`, words26b class 1)."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_interest_is_said_once_per_chain(code: str) -> None:
    """r20 fr C9: « Mon intérêt pour le poste reste entier » (01.10) then « est intact »
    (01.12), « garde tout son attrait » then « garde pour moi tout son intérêt » (08.7,
    08.11); 04 restates it in all three.  Over every application's chain of two to four
    e-mails, one e-mail at most says the candidate's interest."""
    shift = re.escape(language(code).translations.gettext(TIMING_SHIFT))
    # words26b class 1 (r22, every reader): the last note's graceful close restates the
    # interest once, by the brief of round 26; it is set aside here, and
    # tests/test_words26b.py checks that it is said once, in that note alone
    graceful = "|".join(
        re.escape(language(code).translations.gettext(line)) for line in GRACEFUL_INTEREST
    )
    for chain in _chains(code):
        saying = [
            body
            for body in chain
            if re.search(INTEREST[code], re.sub(graceful, "", re.sub(shift, "", body)))
        ]
        assert len(saying) <= 1, saying


# -- class 2: closes that neither sound stock nor thank for the same thing twice in a row ------

STOCK = {
    # r20 fr C3, de F, en C: a close suggesting the reader has not looked, or out of
    # proportion in a nudge, or curt
    "en": r"appeals? to me greatly|[Mm]any thanks for your time",
    "de": r"[Vv]ielen herzlichen Dank",
    "fr": r"prendre en compte ma candidature|Merci infiniment|vivement|(?:^|\n)Merci\. ",
    "es": r"[Mm]uchísimas gracias|de corazón",
}
TIME = {
    "en": r"your time",
    "de": r"Ihre Zeit",
    "fr": r"votre temps|votre disponibilité",
    "es": r"su tiempo",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_stock_close_and_no_thanks_for_time_twice_in_a_row(code: str) -> None:
    """r20 fr C3 « Merci de prendre en compte ma candidature. » twelve times, « Merci
    infiniment. », « Je vous remercie vivement. », a bare « Merci. »; de F "Vielen
    herzlichen Dank." in a nudge; de B "Vielen Dank für Ihre Zeit." (07.8) then "Ich
    danke Ihnen für Ihre Zeit." (07.9).  Over runs of six check-ins, with and without
    news of a next round, no check-in closes on a stock line, and no two in a row thank
    for the reader's time."""
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    for company, role, history in itertools.product(COMPANIES, ROLES, ([], [news])):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        run = plan(iv, history=list(history), policy=Policy(max_check_ins=6))
        texts = [render(a, iv).text for a in check_ins(run) if a.channel is Channel.EMAIL]
        closes = [text.split("\n\n")[-2] for text in texts]
        for close in closes:
            assert not re.search(STOCK[code], close), close
        for one, other in itertools.pairwise(closes):
            assert not (re.search(TIME[code], one) and re.search(TIME[code], other)), (
                one,
                other,
            )


# -- class 7: the call's talking point does not sound reproachful when spoken ---------------

REPROACH = {
    "en": r"because (?:on [^,]+ )?they expected",
    "de": r"weil [^.]*in Aussicht gestellt",
    "fr": r"car [^.]*était attendue",
    "es": r"ya que [^.]*se esperaba",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_call_follows_up_on_the_decision_without_reproach(code: str) -> None:
    """r20 en: "Say you are following up because they expected a decision by 14
    November" sounds reproachful when spoken.  Every check-in call of every application
    follows up on the decision expected, with no "because they expected"."""
    calls = 0
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(meeting(company=company, role=role), code)
        for action in check_ins(plan(iv)):
            if action.channel is Channel.PHONE:
                calls += 1
                text = render(action, iv).text
                assert not re.search(REPROACH[code], text), text
    assert calls
