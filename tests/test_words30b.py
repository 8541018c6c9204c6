"""Wording round 30, words30b: the check-ins, the replies to "no decision yet" and the
close of a run.

The blind read of corpus seed 6464 (r25) graded the replies to "no decision yet" 4.0 in
English, German and French and 3.0 in Spanish, and the Spanish later check-ins 3.7, for
these classes:

1. an update from the employer went unthanked when its sender is not recorded (every
   reader, 08.7 and 08.9: "On Wednesday 4 February, I found out that the decision ... was
   still open."). The lead's decision: the note thanks the organisation ("Thank you for
   keeping me informed."; Spanish in the plural), never this reader for a message nothing
   says they sent ("your message", "you told me", «Ihre Nachricht»); a reader who sent it
   is thanked directly, as before (the words29b test, rewritten to this rule);
2. a check-in asked its question twice (es «Le escribo para saber cómo avanza la
   selección ... ¿Hay avances en el proceso de selección?»): the opening says the fact and
   that the candidate follows up, never that it writes "to ask where things stand", and
   the question comes once, after it;
3. a stock courtesy: de «Danke, dass Sie sich meiner Bewerbung annehmen.» in five
   messages, es «Le agradezco que tenga presente mi candidatura» after a line that named
   the «candidatura»; the line is gone from every check-in.
"""

from __future__ import annotations

import re
from datetime import date

import pytest

from .test_words26b import ANA_NO_PHONE, LANGUAGES
from .test_words27a import _later_check_ins, _plain
from .test_words29b import _SENTENCE, THANKS_FOR_NEWS, _after_news
from .test_words32b import ORGANISATION_VOICE as THANKS_ORGANISATION
from .test_words32b import READERS_OWN_MESSAGE as THE_READERS_MESSAGE
from .test_writing import BO, in_language, meeting

# -- class 1: news from no one recorded thanks the organisation ----------------------------

# words32b rewrote the two patterns below to the lead's round-32 rule, which replaced this
# class's (r26 and r27, every reader, 08.7 and 08.9: "I appreciate being kept informed. On
# ..., I found out that ..." read as found out by chance): news from no sender on record is
# said in the organisation's own voice, a "you" that may be the company ("Thank you for
# letting me know on ... that ...", de «Sie hatten mir ... mitgeteilt», fr « Vous m’aviez
# indiqué ... », es «Gracias por informarme ...»), never as a message of this reader's and,
# in Spanish, neither with a singular «usted» nor with a plural «Les» beside a singular
# note (r27 es 08.9); tests/test_words32b.py checks the class over every number and run.
# (THANKS_ORGANISATION and THE_READERS_MESSAGE, imported above)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
@pytest.mark.parametrize("sender", [None, ANA_NO_PHONE.name, BO.name])
def test_news_from_the_employer_is_thanked_as_the_history_allows(
    code: str, new_date: date | None, sender: str | None
) -> None:
    """Class 1 (r25 every reader, 08.7 and 08.9): whatever the check-in's number, whether
    it is the last, and whether the news came with a new date, a check-in after news that
    records no sender thanks the organisation in its opening and says nothing that makes
    the reader its sender; a reader who sent it is thanked for it; news from someone else
    names them and thanks this reader for nothing."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    bodies = list(_after_news(iv, new_date, sender))
    assert bodies
    for attempt, body in bodies:
        opening = body.split("\n\n")[0]
        if sender is None:
            assert re.search(THANKS_ORGANISATION[code], opening, re.I), (attempt, opening)
            assert not re.search(THE_READERS_MESSAGE[code], opening), (attempt, opening)
        elif sender == ANA_NO_PHONE.name:
            assert re.search(THANKS_FOR_NEWS[code], opening, re.IGNORECASE), opening
        else:
            thanked = [
                s for s in _SENTENCE.split(body) if re.search(THANKS_FOR_NEWS[code], s, re.I)
            ]
            assert not thanked, (thanked, body)
        assert re.search(r"\d", opening), body  # the day the news came


def test_the_organisations_thanks_are_a_different_sentence_for_each_number() -> None:
    """Class 1: one person reads the thanks once per check-in, never the same twice."""
    iv = meeting(interviewers=[ANA_NO_PHONE, BO])
    for new_date in (None, date(2026, 7, 31)):
        firsts = [
            _SENTENCE.split(body.split("\n\n")[0])[0]
            for attempt, body in _after_news(iv, new_date, None)
            if attempt <= 6
        ]
        assert len(set(firsts)) == 6, firsts


# -- class 2: a check-in asks its question once ---------------------------------------------

ASKING_PURPOSE = {
    "en": r"\bto ask\b|\bwhere things stand\b|\bhow things stand\b|\bto find out\b",
    "de": r"\bzu fragen\b|frage ich\b|\bum zu erfahren\b|wie es (?:um|mit)",
    "fr": r"\bpour (?:savoir|demander|connaître)\b|\bm’enquérir\b|\bvous demander\b",
    "es": r"\bpara (?:saber|preguntar|conocer)\b|cómo avanza|\bpreguntarle\b",
}
"""An opening that says the note is written to ask (which the question after it asks)."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_check_in_asks_its_question_once(code: str) -> None:
    """Class 2 (r25 es 03.6, 09.7, 11.8, 13.9): in every later check-in of every history,
    said as every number, last or not, the opening paragraph asks nothing and says no
    purpose of asking; the question is the middle's, once."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            opening = text.split("\n\n")[1]
            assert "?" not in opening, opening
            assert not re.search(ASKING_PURPOSE[code], opening), opening


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, ANA_NO_PHONE.name, BO.name])
def test_a_reply_to_no_decision_yet_asks_once(code: str, sender: str | None) -> None:
    """Class 2 over the replies to "no decision yet", with and without a new date."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    for new_date in (None, date(2026, 7, 31)):
        for _, body in _after_news(iv, new_date, sender):
            opening = body.split("\n\n")[0]
            assert "?" not in opening, opening
            assert not re.search(ASKING_PURPOSE[code], opening), opening


# -- class 3: the stock courtesy the r25 readers marked ---------------------------------------

RETIRED = {
    "en": ("Thank you for considering my application.",),
    "de": ("meiner Bewerbung annehmen",),
    "fr": ("Merci de l’attention portée à ma candidature",),
    "es": ("tenga presente mi candidatura",),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_says_the_stock_courtesy_the_r25_readers_marked(code: str) -> None:
    """Class 3 (r25 de 01.11, 03.6, 08.7, 09.7, 15.8; es 01.11, 02.7, 04.9, 12.9)."""
    for requested in ((), ("two references",)):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for text in _later_check_ins(iv):
            found = [line for line in RETIRED[code] if _plain(line) in text]
            assert not found, (found, text)
