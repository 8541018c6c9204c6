"""Wording round 27, words27a: the later check-ins and the close of a run.

The blind read of corpus seed 9696 (r23, one reader per language) graded the later
check-ins lowest of all (3.5 to 3.8), for the same stock lines in every language: a "no
rush" line in the third note in ten days, a bare either/or question, a sign-off ("I will
leave things there") in mid-paragraph, closes of two clipped sentences, calques of
"thank you for considering my application" (class 1); the graceful close must stay
graceful without them (class 2); a check-in offered material to someone whose earlier
note had offered it, or references as if none had gone to their colleagues (class 3); and
e-mails after a call whose outcome is unknown read as if nobody had answered (class 4).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    Channel,
    Interview,
    Outcome,
    OutOfOffice,
    Policy,
    Reply,
    Update,
    plan,
    render,
)

from .test_words12 import COMPANIES, ROLES
from .test_words26b import ANA_NO_PHONE, LANGUAGES, _gettext
from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting


def _plain(text: str) -> str:
    """*text* with French typography's no-break spaces as plain ones."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _body(text: str) -> str:
    """A message without its greeting and signature."""
    return "\n\n".join(text.split("\n\n")[1:-1])


def _histories(iv: Interview) -> Iterator[list[object]]:
    """What may have happened before a later check-in: nothing, the first check-in done
    and then "no decision yet" (with and without a date), an out-of-office, a reply."""
    yield []
    whole = plan(iv)
    first = check_ins(whole)[0]
    done = done_until(whole, first)
    yield done
    later = first.suggested.add(hours=3)
    yield [*done, Update(later, Outcome.UNDECIDED)]
    yield [*done, Update(later, Outcome.UNDECIDED, date(2026, 7, 31))]
    yield [*done, OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27))]
    yield [*done, Reply(later)]


def _later_check_ins(iv: Interview) -> Iterator[str]:
    """Every e-mail check-in of every history, said as every number from the second to
    the eighth, last or not: what a person may read after the first check-in."""
    for history in _histories(iv):
        for step in check_ins(plan(iv, history=history)):
            if step.channel is not Channel.EMAIL:
                continue
            for attempt, left in itertools.product(range(2, 9), (0, 1)):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                yield _plain(render(attrs.evolve(step, facts=facts), iv).text)


# -- class 1: the stock lines every reader marked -------------------------------------------

RETIRED = {
    "en": (
        "There is no rush on my side",
        "Is the decision still pending, or has it been settled?",
        "I will leave things there for the time being.",
        "The opportunity still excites me.",
        "Please take the time you need.",
        "Thank you very much. I hope to hear from you.",
        "Many thanks. I look forward to your news.",
        "Thank you. I look forward to your news.",
        "Many thanks. I hope to hear from you.",
        "If more material would help, I can provide it.",
    ),
    "de": (
        "Eile hat es",
        "Dabei möchte ich es vorerst belassen",
        "dass Sie meine Bewerbung bearbeiten",
        "wie weit die Entscheidung ist",
        "schriftlich nach dem Stand erkundigen",
        "Besten Dank. Ich hoffe",
        "Herzlichen Dank. Ich freue mich auf Ihre Nachricht.",
    ),
    "fr": (
        "Rien ne presse",
        "Avez-vous pu trancher",
        "J’en resterai là",
        "Je vous en remercie. ",
        "une nouvelle de votre part me ferait",
        "un appel de ma part concernait",
        "J’ai passé un appel",
        "Merci de votre attention pour ma candidature",
    ),
    "es": (
        "No tengo ninguna prisa",
        "¿Hay ya alguna decisión?",
        "Por el momento, lo dejo aquí",
        "Le agradezco que estudie mi candidatura",
        "¿La decisión ya está tomada, o sigue pendiente?",
        "Tómese el tiempo que necesite",
        "Se lo agradezco. Espero",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_later_check_in_says_a_retired_line(code: str) -> None:
    """Class 1 (r23 en 3.B/C/G, de 3a, fr 3.A/B/C, es 3.1): every later check-in, of
    every kind of history, said as every number, last or not, with or without items
    sent, says none of the stock lines the four readers marked."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            found = [line for line in RETIRED[code] if _plain(line) in text]
            assert not found, (found, text)


CLOSE_ASKS = {
    "en": r"\?|\bdecision\b|\bupdate\b|\bprogress\b",
    "de": r"\?|Entscheidung|Zwischenstand|\bStand\b",
    "fr": r"\?|décision|avancement",
    "es": r"\?|decisión|novedad",
}
THANKS = {
    "en": r"^(?:Thank you|Many thanks)\b",
    "de": r"^(?:Vielen Dank|Herzlichen Dank|Ich danke Ihnen)\b",
    "fr": r"^(?:Je vous remercie|Merci)\b",
    "es": r"^(?:Muchas gracias|Gracias)\b",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_first_runs_close_is_one_sentence_that_thanks(code: str) -> None:
    """Class 1 (r23 en "Thank you very much. I hope to hear from you.", fr « Je vous en
    remercie. » after a line with nothing to thank for, es a second *agradecer*): over
    every application's turn, the last note's close is one sentence that opens on the
    thanks and looks ahead, with no semicolon and nothing the question asked; the seven
    closes differ."""
    closes = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(meeting(company=company, role=role, interviewers=[ANA_NO_PHONE]), code)
        last = check_ins(plan(iv))[-1]
        assert last.facts.final
        close = " ".join(render(last, iv).text.split("\n\n")[-2].split())
        assert len(re.findall(r"[.!?](?:\s|$)", close)) == 1, close
        assert ";" not in close, close
        assert re.search(THANKS[code], close), close
        assert not re.search(CLOSE_ASKS[code], close), close
        closes.add(close)
    assert len(closes) == 7, closes


# -- class 2: the graceful close stays graceful ---------------------------------------------

NO_HURRY = {
    "en": r"\brush\b|\bhurry\b|take the time you need|leave things there",
    "de": r"\bEile\b|\beilt\b|belassen",
    "fr": r"\bpresse\b|resterai là|prenez le temps",
    "es": r"\bprisa\b|lo dejo aquí|el tiempo que necesite",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_graceful_close_waives_the_question_or_says_there_is_no_hurry(code: str) -> None:
    """Class 2 (r23, every reader): a third note in ten days that says there is no hurry
    contradicts itself, and "I will leave things there" ends the note in mid-paragraph.
    No wording of the graceful close, nor of the close after it, says either, and every
    last note still asks its one question before it."""
    pattern = re.compile(NO_HURRY[code], re.IGNORECASE)
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    for history in _histories(iv):
        for step in check_ins(plan(iv, history=history)):
            for attempt in range(1, 9):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=0)
                text = _plain(render(attrs.evolve(step, facts=facts), iv).text)
                assert not pattern.search(text), text


# -- class 3: an offer of material only where none was made ---------------------------------

OFFERS = {
    "en": r"\bsend\b|\bprovide\b|\bmaterial\b",
    "de": r"zusenden|Unterlagen|Referenzen|Material",
    "fr": r"faire parvenir|documents|références",
    "es": r"enviar|material|referencias",
}
FRESH_OFFER = "If references or examples of my work would help, I can send them."


def _offers(code: str, iv: Interview, person: Any) -> Iterator[str]:
    """The bodies of every check-in to *person*, said as every number, last or not,
    after "no decision yet" or not, that makes an offer."""
    pattern = re.compile(OFFERS[code])
    whole = plan(iv)
    mine = [step for step in check_ins(whole) if step.recipient is person]
    assert mine
    undecided = [
        *done_until(whole, mine[0]),
        Update(mine[0].suggested.add(hours=3), Outcome.UNDECIDED),
    ]
    steps = [*mine, *check_ins(plan(iv, history=undecided))]
    for step in steps:
        if step.channel is not Channel.EMAIL or step.recipient is not person:
            continue
        for attempt, left in itertools.product(range(1, 9), (0, 1)):
            facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
            body = _plain(_body(render(attrs.evolve(step, facts=facts), iv).text))
            if pattern.search(body):
                yield body


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_check_in_offers_nothing_again_to_someone_who_received_material(code: str) -> None:
    """Class 3 (r23 checks 9696-04.10: "If more material would help, I can provide it."
    after "I can provide further material at any time." in the requested-items e-mail to
    the same person): to someone who was sent what they asked for, no check-in offers
    material again, whatever its number; the one line that names it hopes it was of use."""
    sent = _gettext(code, "I hope the material I sent you has been useful.")
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=("two references",)), code)
    said = list(_offers(code, iv, iv.interviewers[0]))
    assert said  # the hope is said, and matches the class's words
    for body in said:
        assert _plain(sent) in body, body
        assert len(re.findall(OFFERS[code], body.replace(_plain(sent), ""))) == 0, body


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_check_in_names_what_went_to_colleagues(code: str) -> None:
    """Class 3 (r23 en 02.8 and 14.21: "If references or examples of my work would help,
    I can send them." to the contact when a colleague already had the references): when
    only colleagues were sent material, an offer names it as theirs, never as if nothing
    had gone out; with nothing sent to anyone, the plain offer stays."""
    colleague = attrs.evolve(BO, requested=("two references",))
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, colleague]), code)
    fresh = _plain(_gettext(code, FRESH_OFFER))
    said = list(_offers(code, iv, iv.interviewers[0]))
    assert said
    for body in said:
        assert fresh not in body, body
        # words32b (r27 en 02.8, 03.7: "the material I shared with your colleague" left the
        # reader to guess what and who): the offer names both
        assert "two references" in body and BO.name in body, body
    plain = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    assert any(fresh in body for body in _offers(code, plain, plain.interviewers[0]))


# -- class 4: after a call of unknown outcome -----------------------------------------------

NOBODY_ANSWERED = {
    "en": r"could not reach|tried to reach|did not reach|no answer|not get through",
    "de": r"nicht erreich|versucht|nach dem Stand erkundigen|niemand",
    "fr": r"pas pu vous joindre|tenté de vous joindre|sans réponse|personne",
    "es": r"no pude|intenté|sin respuesta|nadie",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("decision_by", [date(2026, 7, 15), None])
def test_an_e_mail_after_a_call_of_unknown_outcome_assumes_nothing(
    code: str, decision_by: Any
) -> None:
    """Class 4 (r23 de 02.8, 03.6, 12.7, 14.21: «…habe ich … angerufen und möchte mich
    nun schriftlich nach dem Stand erkundigen», as if nobody had answered): every e-mail
    that follows a call whose outcome is not recorded, said as every number, says only
    that the candidate called, never that the call went unanswered."""
    invited = decision_by is None
    iv = in_language(
        meeting(interviewers=[ANA], decision_by=decision_by, invited_to_call=invited), code
    )
    whole = plan(iv)
    call = next(step for step in check_ins(whole) if step.channel is Channel.PHONE)
    history = done_until(whole, call)
    after = [s for s in check_ins(plan(iv, history=history)) if s.channel is Channel.EMAIL]
    assert after and after[0].facts.attempt >= 2
    pattern = re.compile(NOBODY_ANSWERED[code], re.IGNORECASE)
    for step in after[:1]:
        for attempt, left in itertools.product(range(2, 8), (0, 1)):
            facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
            text = render(attrs.evolve(step, facts=facts), iv).text
            opening = text.split("\n\n")[1]
            assert not pattern.search(opening), opening


def test_the_histories_cover_a_next_round() -> None:
    """The class 1 and 2 tests read every kind of run; a next round's run is read too."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), "en")
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    steps = check_ins(plan(iv, history=[news], policy=Policy(max_check_ins=4)))
    assert steps
    for step in steps:
        text = render(step, iv).text
        assert not any(line in text for line in RETIRED["en"]), text
