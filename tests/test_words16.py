"""The thirteenth blind read (seed 5858): the untrue lines its readers cited.

Each test fails on main before words16 and names the class it answers.
"""

from __future__ import annotations

import re
from datetime import date

import pendulum
import pytest

from followup_rules import ActionKind, Interview, Outcome, Policy, Update, plan, render
from followup_rules._languages import language

from .test_words9 import _plural_msgids
from .test_writing import NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")

# -- 1. the missed point never claims to be relevant to the role ---------------------------

CLAIMS_RELEVANCE = {
    "en": r"relevant|bears? on|\bmatters?\b|the role|the position|the job",
    "de": r"relevant|wichtig|Belang|Stelle|Position|Bedeutung",
    "fr": r"pertinent|compte|utiles? pour|le poste|importan",
    "es": r"relevante|relación|importante|el puesto|el cargo",
}

OFFERS_MORE = {
    # words21 class 3: "tell you about it" once the point is named (r17: "more" only of
    # what was said)
    "en": r"say more|go into|discuss (?:it |them )?further|more detail|tell you about|describe",
    # words30de: "erzähle Ihnen davon" was a calque (r25 de): information, answers, a few
    # lines, an overview, an explanation
    "de": r"näher|ausführlich|Näheres|Auskunft|Ihre Fragen|ein paar Zeilen|Überblick"
    r"|informiere ich Sie|erkläre ich Ihnen|beschreibe ich Ihnen",
    # words29a: « en dire plus » of what was never said (r24 fr 02.5 …): « en parler »
    "fr": r"dire plus|davantage|développer|discuterais|en parler",
    "es": r"contarle más|cuento más|profundizo|más información",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_offers_more_and_asserts_no_relevance(code: str) -> None:
    """r13, every reader: "…so I mention it here because it bears on the role." and its
    kin assert what the input never says (it says only that the point was not mentioned).
    Every wording, singular and plural, names the point and offers to say more, and none
    claims the point matters for the role."""
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            assert "%(items)s" in text, text
            assert not re.search(CLAIMS_RELEVANCE[code], text, re.IGNORECASE), text
            assert re.search(OFFERS_MORE[code], text, re.IGNORECASE), text


# -- 2. a slipped schedule is granted only when a timeline was given -----------------------

COMPANIES = ("Acme Analytics", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay", "Wayne")

SCHEDULE_SHIFTED = {
    "en": "timing can shift",
    "de": "Zeitpläne verschieben",
    "fr": "calendrier puisse évoluer",
    "es": "plazos pueden cambiar",
}


def _check_in_texts(iv: Interview, history: list[object] | None = None) -> list[str]:
    texts = []
    for most in (2, 3, 4, 5, 6):
        for action in plan(iv, policy=Policy(max_check_ins=most), history=history or []):
            if action.kind is ActionKind.CHECK_IN and action.template is not None:
                texts.append(render(action, iv).text)
    return texts


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_grants_a_slipped_schedule_when_none_was_given(code: str) -> None:
    """r13 de 03.8, 11.11: "I appreciate that timings can shift" with no decision date
    or timeframe ever given.  Without a timeline no check-in says it, in any language.
    words25a class 5 (r20 de 11.11, 12.8, 13.8: "Ich habe Verständnis dafür, dass sich
    Zeitpläne verschieben." where no news ever came): a timeline that passed in silence
    is no known delay either; only after the employer said the decision was not yet
    made (news of "undecided", with or without a new date) is the line said."""
    said = []
    for company in COMPANIES:
        iv = in_language(meeting(company=company, decision_by=None), code)
        for text in _check_in_texts(iv):
            assert SCHEDULE_SHIFTED[code] not in text, text
        dated = in_language(meeting(company=company), code)
        for text in _check_in_texts(dated):
            assert SCHEDULE_SHIFTED[code] not in text, text
        for new_date in (None, date(2026, 7, 24)):
            news = Update(pendulum.datetime(2026, 7, 16, 10, tz=NY), Outcome.UNDECIDED, new_date)
            said += [t for t in _check_in_texts(dated, [news]) if SCHEDULE_SHIFTED[code] in t]
    assert said


# -- 6. the next-round thread says nothing moved when nothing did --------------------------

MOVING_FORWARD = {
    "en": r"moving forward|good to know",
    "de": r"vorankommt|schön zu wissen",
    "fr": r"choses progresser|bonne nouvelle",
    "es": r"el proceso avanza|buena noticia",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_next_round_thread_never_says_the_process_moves_on(code: str) -> None:
    """r13 07.8: "It is good to know that the process is moving forward." after e-mails
    nobody answered: nothing had moved since the invitation to a next round."""
    for company in COMPANIES:
        iv = in_language(meeting(company=company), code)
        whole = plan(iv)
        first = check_ins(whole)[0]
        history = done_until(whole, first)
        history.append(Update(first.suggested.add(hours=3), Outcome.NEXT_ROUND))
        for text in _check_in_texts(iv, history):
            assert not re.search(MOVING_FORWARD[code], text), text
