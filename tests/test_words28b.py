"""Wording round 28, words28b: the later check-ins, the check-ins after "no decision yet",
and the close of a run.

The blind reads of corpus seeds 2828 (r23) and 5858 (r24pre) graded the check-ins that
answer "no decision yet" 3.0 in German and French, and the later check-ins lowest of the
written messages in German, for these classes:

1. a check-in after "no decision yet" thanked the company in the third person ("I was
   grateful to <company> for letting me know", fr « J'ai apprécié que <company>
   m'informe », es «Agradezco a <company> que me informara»), or found the news "helpful"
   (de «es war hilfreich … zu hören», fr « L'information … m'a été utile »): every
   wording now thanks the update outright, and asks one question at most;
2. one word said twice in one short note (fr « Ma candidature est-elle toujours à
   l'étude ? Ce poste m'intéresse toujours beaucoup. », es «¿Sigue en estudio…? El puesto
   me sigue interesando…»);
3. resigned, servile or presuming lines in the close of a run ("For now, I will wait for
   the outcome." then "I look forward to hearing from you soon.", "I will gladly wait",
   de «dass Sie mich weiter im Blick behalten», «ob meine Bewerbung noch aktuell ist», es
   «desenlace», fr « votre choix »), and the middle's pleading "Any word from you,
   however brief, would be appreciated.";
4. the e-mail after a call of unknown outcome (es «Le escribo tras haber telefoneado …,
   para conocer la situación», a dangling purpose clause; fr « Après un appel
   téléphonique », as if someone else had called; de «rief ich … an; mit dieser E-Mail
   greife ich das Thema auf»);
5. one courtesy line closing the second check-in of a dozen scenarios word for word (de
   «Vielen Dank für die Durchsicht meiner Bewerbung.» 12 and 11 times, fr « Merci de
   l'attention portée à ma candidature. » 12 times), and the memo's "Thank you for your
   attention.".
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date

import attrs
import pytest

from followup_rules import Channel, Interview, Outcome, Update, plan, render

from .test_words12 import COMPANIES, ROLES
from .test_words26b import ANA_NO_PHONE, LANGUAGES
from .test_words27a import _body, _later_check_ins, _plain
from .test_writing import ANA, check_ins, done_until, in_language, meeting

# -- class 1: "no decision yet" is thanked outright ----------------------------------------

THANKS_OUTRIGHT = {
    # words30b class 1: the organisation's thanks by the check-in's number ("I appreciate
    # being kept informed.", «Besten Dank», « Un grand merci », «Les agradezco»)
    "en": r"^(?:Thank you|Many thanks|I am grateful|I appreciate)\b",
    "de": r"^(?:(?:nochmals )?vielen Dank|herzlichen Dank|besten Dank|danke|ich danke Ihnen)\b",
    "fr": r"^(?:Je vous remercie|Merci|Un grand merci)\b",
    "es": r"^(?:Gracias|Muchas gracias|Le agradezco|Les agradezco)\b",
}
NOT_THANKS = {
    "en": r"\bhelpful\b|kind enough|grateful to ",
    "de": r"hilfreich|so freundlich|bin ich dankbar|vorbei ist, melde ich mich",
    "fr": r"utile|J’ai apprécié|a eu l’amabilité|À quel horizon",
    "es": r"útil|Agradezco a |tuvo la amabilidad",
}


def _undecided(iv: Interview, new_date: date | None, sender: str | None) -> Iterator[str]:
    """The opening and body of the check-in after "no decision yet" (with or without a
    new date, from no one recorded or from the reader), said as every number up to the
    sixth, last or not."""
    whole = plan(iv)
    first = check_ins(whole)[0]
    news = Update(first.suggested.add(hours=3), Outcome.UNDECIDED, new_date, sender=sender)
    after = check_ins(plan(iv, history=[*done_until(whole, first), news]))
    assert after and after[0].rule == "undecided"
    for attempt, left in itertools.product(range(1, 7), (0, 1)):
        facts = attrs.evolve(after[0].facts, attempt=attempt, attempts_left=left)
        yield _plain(_body(render(attrs.evolve(after[0], facts=facts), iv).text))


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
@pytest.mark.parametrize("sender", [None, "Ana Ruiz"])
def test_no_decision_yet_is_thanked_outright(
    code: str, new_date: date | None, sender: str | None
) -> None:
    """Class 1 (r23 en/de/fr/es 08.7, 08.9; r24pre en/de/fr/es 08.7): whatever the
    check-in's number and whether the news came with a new date, the note never thanks
    the company in the third person nor finds news "helpful", and asks one question at
    most.  It opens on thanks only when the reader gave the news: news from no one
    recorded thanks nobody (words29b class 1 rewrote this test, which pinned thanks for
    every update, the very defect the r24 readers found untrue)."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    bodies = list(_undecided(iv, new_date, sender))
    assert bodies
    for body in bodies:
        opening = body.split("\n\n")[0]
        thanks = re.search(THANKS_OUTRIGHT[code], opening)
        # words30b class 1 (the lead, round 30): news from no sender on record thanks the
        # organisation too ("Thank you for keeping me informed."), never the reader for a
        # message of theirs (tests/test_words30b.py)
        assert thanks, opening
        assert not re.search(NOT_THANKS[code], opening), opening
        assert body.count("?") <= 1, body


# -- class 2: one word said twice in one short note ----------------------------------------

TWICE = {
    "fr": r"\btoujours\b",
    "es": r"\bsig(?:ue|uen|o)\b",
}


@pytest.mark.parametrize("code", sorted(TWICE))
def test_no_later_check_in_says_still_twice(code: str) -> None:
    """Class 2 (r23 fr 01.12, 03.8, 04.10, 12.10, 14.22; es 09.8, 11.9, 14.22): no later
    check-in, of any history, number or close, says fr « toujours » or es *sigue* twice."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            body = _body(text)
            assert len(re.findall(TWICE[code], body, re.IGNORECASE)) <= 1, body


# -- class 3: the close of a run is neither resigned, servile nor presuming ----------------

RETIRED = {
    "en": (
        "For now, I will wait for the outcome.",
        "I will gladly wait",
        "I am happy to wait",
        "when the time comes",
        "before long",
        "hearing from you soon",
        "bearing me in mind",
        "I hope to hear from you.",
        "however brief",
        "anything more at this stage",
        "still open to me",
        "Thank you for your attention.",
    ),
    "de": (
        "Ich warte nun das Ergebnis ab",
        "im Blick behalten",
        "noch aktuell ist",
        "wie am ersten Tag",
        "Durchsicht",
        "vorbei ist, melde ich mich",
    ),
    "fr": (
        # r24 fr 03.7, 04.9, 14.21: « votre considération », a calque
        "Je vous remercie de votre considération.",
        "Pour l’heure, j’attendrai",
        "lorsque vous pourrez me la donner",
        "votre choix",
        "le moment venu",
        "toujours retenue",
        "m’en dire davantage",
        "J’ai apprécié que",
        "m’a été utile",
        "À quel horizon",
    ),
    "es": (
        "Por ahora, esperaré el resultado",
        "en breve",
        "desenlace",
        "Gracias por adelantado",
        "a su debido tiempo",
        "Me fue útil",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_later_check_in_says_a_line_the_readers_retired(code: str) -> None:
    """Class 3 (r23 en 3.B, de 3.2 and 3.4, fr 3.4, es B and C; r24pre en 3a and 3g, de
    3.3, fr A, es B): every later check-in, of every kind of history (nothing, "no
    decision yet" with and without a date, an out-of-office, a reply), said as every
    number, last or not, says none of the lines the readers marked."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            found = [line for line in RETIRED[code] if _plain(line) in text]
            assert not found, (found, text)


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_first_runs_close_says_a_line_the_readers_retired(code: str) -> None:
    """Class 3 (r23 es 01.12, 09.8, 11.9 «espero recibir su respuesta en breve» after
    «Por ahora, esperaré el resultado»; r24pre en 01.12 "when the time comes"): the last
    note of every application's first run, over every application's turn, says none."""
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(meeting(company=company, role=role, interviewers=[ANA_NO_PHONE]), code)
        last = check_ins(plan(iv))[-1]
        assert last.facts.final
        text = _plain(render(last, iv).text)
        found = [line for line in RETIRED[code] if _plain(line) in text]
        assert not found, (found, text)


# -- class 4: the e-mail after a call of unknown outcome -----------------------------------

AFTER_A_CALL = {
    "en": r"\ba call\b",
    "de": r"rief ich|greife ich das Thema auf|knüpfe mit diesen Zeilen",
    "fr": r"\bun appel\b",
    "es": r"tras haber telefoneado|da continuidad|para retomar el asunto",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_e_mail_after_a_call_names_the_candidates_own_call_plainly(code: str) -> None:
    """Class 4 (r23 es 01.11, fr 01.11 and 09.7; r24pre de 04.10 and 12.7, fr 04.10,
    08.10, 12.7 and 14.21, es 08.10 and 14.21): every opening of the e-mail after a call
    whose outcome is unknown, said as every number, names the candidate's own call in
    the language's plain words: no impersonal "a call", no literary preterite nor
    "follow up" calque, no dangling purpose clause."""
    iv = in_language(meeting(interviewers=[ANA]), code)
    whole = plan(iv)
    call = next(step for step in check_ins(whole) if step.channel is Channel.PHONE)
    after = [
        s
        for s in check_ins(plan(iv, history=done_until(whole, call)))
        if s.channel is Channel.EMAIL
    ]
    assert after
    openings = set()
    for attempt in range(2, 7):
        facts = attrs.evolve(after[0].facts, attempt=attempt)
        opening = _plain(render(attrs.evolve(after[0], facts=facts), iv).text.split("\n\n")[1])
        assert not re.search(AFTER_A_CALL[code], opening, re.IGNORECASE), opening
        openings.add(opening)
    assert len(openings) == 5


# -- class 5: the second check-in's courtesy, spread over applications ---------------------


def _second_courtesy(code: str, company: str, role: str) -> str:
    iv = in_language(meeting(company=company, role=role, interviewers=[ANA_NO_PHONE]), code)
    first = check_ins(plan(iv))[0]
    facts = attrs.evolve(first.facts, attempt=2, attempts_left=1)
    return _plain(render(attrs.evolve(first, facts=facts), iv).text.split("\n\n")[-2])


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_second_check_ins_courtesy_turns_by_the_application(code: str) -> None:
    """Class 5 (r23 de «Vielen Dank für die Durchsicht meiner Bewerbung.» 12 times, fr
    « Merci de l'attention portée à ma candidature. » 12 times; r24pre de 11 times): the
    courtesy that closes a second check-in takes three wordings over a user's
    applications, one per application, and none is the memo's "Thank you for your
    attention." nor the German review that may not have happened."""
    said = {
        (company, role): _second_courtesy(code, company, role)
        for company, role in itertools.product(COMPANIES, ROLES)
    }
    assert len(set(said.values())) == 3, set(said.values())
    for (company, role), line in said.items():
        assert _second_courtesy(code, company, role) == line
        assert "Durchsicht" not in line and "your attention" not in line, line
