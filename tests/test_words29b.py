"""Wording round 29, words29b: the later check-ins, the check-ins after "no decision yet",
and the close of a run.

The blind read of corpus seed 4141 (r24) graded the replies to "no decision yet" 3.0 in
English and 3.5 in German and Spanish, and the later check-ins 4.2 in English and German,
for these classes:

1. an untrue sentence: a check-in after news that records no sender (`Update.sender`
   None) thanked its reader for it ("Many thanks for the update of Monday, January 26",
   es «Gracias a la información del … supe que …, y se lo agradezco»): nothing says this
   reader sent it.  The note now says neutrally what the candidate learned and when, and
   thanks the reader only when the reader gave the news;
2. the reply to "no decision yet" strung its news and its reason together with a colon or
   a semicolon ("Thank you for the update of …, with a decision then expected by …; as
   that date is now past, I wanted to check in.");
3. stock and stiff courtesies in the later check-ins: "Thank you for your patience."
   (the candidate is the one trying it), "Thank you in advance.", de «Vielen Dank für Ihr
   Wohlwollen.» (8 times), «Vielen Dank für die Beachtung meiner Bewerbung.», es «Le
   agradezco la consideración de mi candidatura.», «serían muy bienvenidas», fr « lorsqu'elle
   sera prête », "hearing the result", "whether the role is still open"; and the same
   request twice in a row at the close of a run (de «Sobald das Ergebnis feststeht, wäre ich
   für eine Nachricht dankbar. / Vielen Dank, ich freue mich auf Ihre Rückmeldung, wenn Sie
   so weit sind.», es 01.12 and 09.8).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from datetime import date

import attrs
import pytest

from followup_rules import Interview, Outcome, Update, plan, render

from .test_words12 import COMPANIES, ROLES
from .test_words26b import ANA_NO_PHONE, LANGUAGES
from .test_words27a import _body, _later_check_ins, _plain
from .test_writing import BO, check_ins, done_until, in_language, meeting

_SENTENCE = re.compile(r"(?<=[.?!])\s+")

# -- class 1: news from no one recorded thanks nobody --------------------------------------

THANKS_FOR_NEWS = {
    "en": r"\b(?:thank you|thanks|grateful)\b[^.;]*\bfor (?:the|your) (?:update|news|message|"
    r"information)|\bfor (?:letting me know|telling me|keeping me informed)",
    "de": r"\bDank\b[^.;]*\bfür (?:die|Ihre|Ihren) (?:Nachricht|Mitteilung|Auskunft|Information|"
    r"Hinweis|Rückmeldung vom)|auf dem Laufenden gehalten|dass Sie mir [^.;]*(?:mitgeteilt|"
    r"Bescheid)",
    "fr": r"(?:\b[Mm]erci|remercie)[^.;]*(?:de l’information|des nouvelles|pour vos nouvelles|"
    r"pour votre message|de m’avoir (?:indiqué|dit|fait savoir|informée?|tenue? informée?))",
    "es": r"(?:[Gg]racias|agradezco)[^.;]*(?:por la información|por la noticia|por su mensaje|"
    r"comunicar|avisar|decirme|indicar|al tanto|informar)|se lo agradezco",
}
"""A sentence that thanks its reader for the news (the update, their message, letting
the candidate know), in each language."""


def _after_news(
    iv: Interview, new_date: date | None, sender: str | None
) -> Iterator[tuple[int, str]]:
    """The body of every check-in to Ana Ruiz after "no decision yet" (with or without a
    new date) from *sender*, said as every number up to the sixth, last or not."""
    whole = plan(iv)
    first = check_ins(whole)[0]
    news = Update(first.suggested.add(hours=3), Outcome.UNDECIDED, new_date, sender=sender)
    after = [
        step
        for step in check_ins(plan(iv, history=[*done_until(whole, first), news]))
        if step.recipient.name == ANA_NO_PHONE.name
    ]
    assert after and after[0].rule == "undecided"
    for attempt, left in itertools.product(range(1, 7), (0, 1)):
        facts = attrs.evolve(after[0].facts, attempt=attempt, attempts_left=left)
        yield attempt, _plain(_body(render(attrs.evolve(after[0], facts=facts), iv).text))


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
@pytest.mark.parametrize("sender", [None, ANA_NO_PHONE.name, BO.name])
def test_a_check_in_thanks_for_news_only_the_person_who_gave_it(
    code: str, new_date: date | None, sender: str | None
) -> None:
    """Class 1 (r24 en 08.9 and 08.11, es 08.9 and 08.11): whatever the check-in's number,
    whether it is the last, and whether the news came with a new date, no sentence of a
    check-in thanks its reader for news unless the reader gave it; news from someone else
    names them; news from no one recorded still tells its day (and, since round 30, thanks
    the organisation for it: tests/test_words30b.py)."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    bodies = list(_after_news(iv, new_date, sender))
    assert bodies
    for _, body in bodies:
        opening = body.split("\n\n")[0]
        thanked = [s for s in _SENTENCE.split(body) if re.search(THANKS_FOR_NEWS[code], s, re.I)]
        if sender == ANA_NO_PHONE.name:
            assert re.search(THANKS_FOR_NEWS[code], opening, re.IGNORECASE), opening
        elif sender is not None:
            assert not thanked, (thanked, body)
        # news from no sender on record thanks the organisation, never this reader for a
        # message of theirs: the lead's rule for round 30, checked in tests/test_words30b.py
    for attempt, body in bodies:
        if sender == BO.name and attempt <= 2:  # the first two numbers name who gave it
            assert BO.name in body.split("\n\n")[0], body
        assert re.search(r"\d", body.split("\n\n")[0]), body  # the day the news came


# -- class 2: one plain sentence on the news, no run-on -----------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
@pytest.mark.parametrize("sender", [None, ANA_NO_PHONE.name, BO.name])
def test_a_reply_to_no_decision_yet_is_plain(
    code: str, new_date: date | None, sender: str | None
) -> None:
    """Class 2 (r24 en 08.9 and 08.11, de 08.9, fr 08.9 and 08.11, es 08.11): the opening
    that tells the news strings no second clause to it with a colon or a semicolon, the
    note asks one question at most, and nothing thanks "in advance" in English nor finds
    lines «muy bienvenidas» in Spanish."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    for _, body in _after_news(iv, new_date, sender):
        opening = body.split("\n\n")[0]
        assert not re.search(r"[;:]", opening), opening
        assert body.count("?") <= 1, body
        assert not re.search(r"in advance|serían muy bienvenidas", body), body


# -- class 3: the later check-ins' stock and stiff courtesies ------------------------------

RETIRED = {
    "en": (
        "Thank you for your patience.",
        "Thank you in advance.",
        "hearing the result",
        "when it is ready",
        "whether the role is still open",
        "I know there may be more to settle first.",
        "Whenever the outcome is known",
    ),
    "de": (
        "Wohlwollen",
        "Beachtung meiner Bewerbung",
        "Ihre Geduld",
        "wenn Sie so weit sind",
        "Sobald das Ergebnis feststeht",
    ),
    "fr": (
        "avec plaisir",
        "lorsqu’elle sera prête",
        "me réjouis d’avoir",
        "votre patience",
        "de considérer ma candidature",
        "Dès que l’issue sera connue",
    ),
    "es": (
        "la consideración de",
        "serían muy bienvenidas",
        "muchísimo",
        "Gracias por su paciencia",
        "más adelante",
        "le agradeceré que me lo comunique",
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_later_check_in_says_a_stock_line_the_r24_readers_marked(code: str) -> None:
    """Class 3 (r24 en 3c, 3e, 3h; de 3.B; fr 3.1; es B, C and D): every later check-in,
    of every kind of history (nothing, "no decision yet" with and without a date, an
    out-of-office, a reply), said as every number, last or not, with and without material
    sent, says none of the lines the readers marked."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            found = [line for line in RETIRED[code] if _plain(line) in text]
            assert not found, (found, text)


REQUEST = {
    "en": r"look forward|(?:glad|grateful) to hear|would be (?:most |very )?welcome",
    "de": r"freue mich (?:auf|darauf)|wäre ich .*dankbar|für eine (?:kurze )?(?:Nachricht|"
    r"Rückmeldung)",
    "fr": r"au plaisir|attends votre|dans l’attente|me fera (?:grand )?plaisir|bienvenu",
    "es": r"espero (?:su|sus|conocer|recibir|tener)|quedo a la espera|le agradeceré que|"
    r"me alegrará tener noticias",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_close_of_a_run_asks_to_hear_once(code: str) -> None:
    """Class 3 (r24 de 03.8, 12.8, 13.8, 14.22, 15.9; es 01.12 and 09.8): the last note a
    run allows, over every application's close and every number, asks to hear the news
    in one sentence at most: the graceful line grants the time, the close asks."""
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(meeting(company=company, role=role, interviewers=[ANA_NO_PHONE]), code)
        last = check_ins(plan(iv))[-1]
        assert last.facts.final
        for attempt in range(1, 7):
            facts = attrs.evolve(last.facts, attempt=attempt)
            body = _plain(_body(render(attrs.evolve(last, facts=facts), iv).text))
            asked = [s for s in _SENTENCE.split(body) if re.search(REQUEST[code], s)]
            assert len(asked) <= 1, (asked, body)
