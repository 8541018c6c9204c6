"""Issue 19, round 23: one test per class of the eighteenth blind reads (r18, seed 3939)
for the check-ins, their closes, the replies to news and the offer note, in every
language.

1. The retry closes read contradictory, resentful or overwrought: "Could you share the
   likely timing? ... otherwise I will leave the timing to you.", "I do not want to
   press you, so ...", "I will not chase you further", "would mean a great deal", "I
   am conscious of your time, so ...", "Is a decision date in sight?", "... in case my
   note was missed"; de "Um Ihre Zeit zu schonen", "überlasse ich ganz Ihnen",
   "Drängen will ich Sie keinesfalls"; fr « Par égard pour votre temps », « Sans
   vouloir vous presser »; es «No quisiera insistir», «Por respeto a su tiempo», «dejo
   los plazos en sus manos».  A close is short and warm: it thanks the reader and
   says news would be welcome, with no talk of pressing, chasing or the reader's time.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import attrs
import pytest

import followup_rules
from followup_rules import plan, render
from followup_rules._languages import language

from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
TEMPLATES = Path(followup_rules.__file__).parent / "templates"
_CALL = re.compile(r'_\("((?:[^"\\]|\\.)*)"')


def _said(code: str, *templates: str) -> list[tuple[str, str]]:
    """(msgid, what *code* says for it) of every sentence of *templates*."""
    gettext = language(code).translations.gettext
    found = []
    for name in templates:
        source = (TEMPLATES / name).read_text(encoding="utf-8")
        for english in _CALL.findall(source):
            msgid = english.replace('\\"', '"')
            found.append((msgid, gettext(msgid)))
    return found


# -- class 1: closes that press, chase, spare the reader's time, or waive their ask ------

PRESSING = {
    "en": re.compile(
        r"\bpress\b|\bpress you\b|\bchase\b|not trouble you|conscious of your time|take up "
        r"more of your time|mean a (?:great deal|lot)|in sight\b|leave the timing|note was "
        r"missed|not want to press|obliged to reply",
        re.IGNORECASE,
    ),
    "de": re.compile(
        r"drängen|Nachhaken|Ihre Zeit zu schonen|Zeit möchte ich nicht|überlasse ich|"
        r"nicht weiter bemühen|absehbar|untergegangen",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"presser|Sans vouloir|importun|égard pour votre temps|prendre davantage de votre "
        r"temps|laisse tout le temps|se dessine",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"insistir|insistiré|importunar|presionar|apremiar|respeto a su tiempo|quitarle más "
        r"tiempo|en sus manos|vislumbra|se le hubiera pasado",
        re.IGNORECASE,
    ),
}

THANKS = {
    "en": re.compile(r"\bthank|\bgrateful\b", re.IGNORECASE),
    "de": re.compile(r"\bDank|\bdanke\b", re.IGNORECASE),
    "fr": re.compile(r"\bmerci\b|\bremercie\b", re.IGNORECASE),
    "es": re.compile(r"\bgracias\b|\bagradezco\b", re.IGNORECASE),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_line_presses_chases_or_spares_the_readers_time(code: str) -> None:
    """r18 (every language): "I will not chase you further", "I do not want to press
    you", "I am conscious of your time", "would mean a great deal", "Is a decision date
    in sight?", "in case my note was missed" and their translations: no sentence a
    check-in can say (its opening, its middle and close, a later run's close) says so."""
    said = _said(code, "_check_in_opening.txt", "_check_in_middle.txt", "_last_for_now.txt")
    assert said
    found = [(msgid, text) for msgid, text in said if PRESSING[code].search(text)]
    assert not found, found


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_closes_with_thanks_and_no_waiver(code: str) -> None:
    """r18 03.7, 09.10: "Could you share the likely timing? ... otherwise I will leave
    the timing to you." asks and then waives.  On every application the first run's
    last note asks its one question, then closes in a paragraph of its own that thanks
    the reader, asks nothing, and says nothing of pressing or of the reader's time; the
    seven closes all differ."""
    closes: set[str] = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        last = check_ins(plan(iv))[-1]
        assert last.facts.final and last.facts.first_close
        text = render(last, iv).text
        body = text.split("\n\n")
        close = " ".join(body[-2].split())
        assert "?" in body[-3], text
        assert "?" not in close, text
        assert THANKS[code].search(close), text
        assert not PRESSING[code].search(text), text
        closes.add(close)
    assert len(closes) == 7, closes


# -- class 2: replies to news thank for it plainly, and ask softly whatever the timing --

STILTED_NEWS = {
    "en": r"glad of the update|which told me|had a chance to catch up",
    "de": r"bin ich dankbar; demnach|nach Ihrer Rückkehr Gelegenheit",
    "fr": r"J’ai apprécié les nouvelles|selon lesquelles|reprendre vos dossiers",
    "es": r"según las cuales|ponerse al día",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_news_is_thanked_plainly_and_the_note_after_leave_presumes_no_catching_up(
    code: str,
) -> None:
    """r18 en 08.9 "I was glad of the update of Monday, October 26, which told me that
    ..."; de «für die Nachricht ... bin ich dankbar; demnach war ...»; fr « J’ai apprécié
    les nouvelles ..., selon lesquelles ... » (read as glad there was no decision); es
    «según las cuales».  And 10.9, sent the morning after the return: "Once you have had a
    chance to catch up" (fr « reprendre vos dossiers », es «ponerse al día»).  No opening
    or middle of a check-in says so."""
    said = _said(code, "_check_in_opening.txt", "_check_in_middle.txt")
    pattern = re.compile(STILTED_NEWS[code])
    assert not [(msgid, text) for msgid, text in said if pattern.search(text)]


# -- class 4: the offer note ------------------------------------------------------------

OFFER_LINES = re.compile(r'n == \d %\}\{\{ _\("((?:[^"\\]|\\.)*offer(?:[^"\\]|\\.)*)"')


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_offer_line_closes_the_note_and_no_clause_hangs_on_the_company(code: str) -> None:
    """r18 05.2 ended on "I was thrilled when the offer came." (abrupt); 05.1 "..., which I
    am very pleased to receive." (fr « chez Horizon Énergies, qui m’a fait très plaisir »
    and es «…Levante, que me alegró muchísimo» attach to the company).  Every offer line
    that ends a panelist's note carries a close of its own (a second clause), and the
    contact's opening puts no relative clause after the company."""
    gettext = language(code).translations.gettext
    source = (TEMPLATES / "_thanks_interest.txt").read_text(encoding="utf-8")
    lines = OFFER_LINES.findall(source)
    assert len(lines) >= 7, lines
    for msgid in lines:
        text = gettext(msgid)
        assert re.search(r"[,;] ", text.rstrip(".")), text
    opening = _said(code, "_thanks_opening.txt")
    hanging = re.compile(r"%\(company\)s, (?:which|qui|que|über das|das mir)\b")
    assert not [text for _, text in opening if hanging.search(text)]


# -- class 3: the end of a week is named by its date -------------------------------------

END_OF_WEEK_AFTER = {
    "en": r"end of the week (after|of) the interview",
    "de": r"Ende der Woche (nach dem|des) Gespräch",
    "fr": r"fin de la semaine (après|de) l’entretien",
    "es": r"final de la semana (siguiente a|de) la entrevista",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phrase", ["by the end of next week", "this week"])
def test_the_end_of_a_week_said_at_the_interview_is_named_by_its_date(
    code: str, phrase: str
) -> None:
    """r18 06.6, 13.6 and the 09.8 script and voicemail: "I understood that a decision was
    expected by the end of the week after the interview" is clumsy and hard to say aloud
    (de „bis Ende der Woche nach dem Gespräch", fr « d’ici la fin de la semaine après
    l’entretien », es «el final de la semana siguiente a la entrevista»).  Every check-in,
    call script and voicemail names the day the planner knows, by its date alone (no
    weekday nobody said)."""
    lang = language(code)
    for interviewers in ([ANA], [attrs.evolve(ANA, phone=None)]):
        iv = in_language(meeting(interviewers=interviewers, decision_by=phrase), code)
        steps = check_ins(plan(iv))
        assert steps
        end = iv.decision_by.end  # type: ignore[union-attr]
        first = render(steps[0], iv).text
        assert lang.date_only(end) in first, first
        for step in steps:
            text = render(step, iv).text
            assert not re.search(END_OF_WEEK_AFTER[code], text), text
