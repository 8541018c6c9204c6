"""Wording round 32, words32b: the check-ins, the replies to "no decision yet" and the
close of a run.

The blind reads r26 (seed 7676) and r27 (seed 8585) graded the replies to "no decision
yet" 3.0 in English (both rounds) and 3.0 to 3.5 in the other languages, for these
classes:

1. news from no sender on record was thanked as nobody's and then retold as something the
   candidate "found out" ("I appreciate being kept informed. On Wednesday, February 4, I
   found out that the decision ... was still open."; "I am grateful for the news. I found
   out on ... With that date behind us, I am getting back in touch."; es «Les agradezco la
   noticia.» beside a singular note).  The lead's rule for round 32: the note says the news
   in the organisation's own voice, a "you" that may be the company ("Thank you for letting
   me know on ... that ..."), never as a message of this reader's; Spanish without a
   singular «usted» and, after r27's reader, without a plural «Les» (gettext context
   "organisation"); a reader who sent the news is thanked directly, someone else is named;
2. stock lines of the check-ins and of the close of a run that the readers marked: "Has a
   decision been reached on the position?" right after "about the ... position" (r24pre,
   r26; and "the position" again in the lines of interest after it, r27 en 08.11), "Is my
   application still open?" (r22pre, r26: blunt), "Thank
   you, and I look forward to being in touch." (r25, r26, r27), "I understand that a
   decision of this kind is not made quickly." (r25, r27; es «no se toma de un día para
   otro», r27);
3. the call script when the employer invited the call: "they invited you to" beside "thank
   him" (r27 en 13.6), and the decision date given at the interview left out of the script
   and the voicemail (r27 en 14.20; fr 08.6 and 14.20: the voicemail left the invitation
   out).
"""

from __future__ import annotations

import itertools
import re
from datetime import date

import attrs
import pytest

from followup_rules import Channel, Interviewer, plan, render

from .test_words12 import COMPANIES, ROLES
from .test_words26b import ANA_NO_PHONE, LANGUAGES, _gettext, _runs
from .test_words27a import _later_check_ins, _plain
from .test_words29b import _SENTENCE, THANKS_FOR_NEWS, _after_news
from .test_writing import BO, check_ins, in_language, meeting

# -- class 1: news from no sender on record, in the organisation's voice --------------------

_FULL_STOP = re.compile(r"(?<=\D[.?!])\s+")
"""A sentence's end, never a German ordinal's point ("am Donnerstag, dem 16. Juli")."""

ORGANISATION_VOICE = {
    "en": r"\b(?:letting me know|telling me|keeping me informed|the update on|"
    r"you (?:kindly )?let me know)\b",
    "de": r"\b(?:Dank|danke)\b(?:\d\.|[^.])*\b(?:Mitteilung|Nachricht|Bescheid|mitgeteilt|"
    r"informiert|auf dem Laufenden)\b|\bSie\b(?:\d\.|[^.])*\b(?:mitgeteilt|wissen lassen|"
    r"informiert|Bescheid gegeben)\b",
    "fr": r"\bm’avoir (?:indiqué|fait savoir|signalé|appris|dit|précisé)\b|"
    r"\b[Vv]ous m’(?:aviez|avez) (?:indiqué|fait savoir|signalé|appris|dit)\b",
    "es": r"\b(?:informarme|avisarme|comunicarme|hacerme saber|el aviso)\b",
}
"""An opening that thanks the employer ("you", who may be the company) for the news, or
says that they gave it."""

READERS_OWN_MESSAGE = {
    "en": r"\byour (?:message|update|news|email|note|reply|letter)\b|\byou (?:told|wrote|"
    r"informed)\b",
    "de": r"\bIhre[rnm]? (?:Nachricht|Mitteilung|E-Mail|Antwort|Rückmeldung|Auskunft)|"
    r"\bIhren Hinweis\b|\bSie (?:mir )?geschrieben\b",
    "fr": r"\bvotre (?:message|courriel|réponse|mot)\b|vous m’(?:avez|aviez) écrit",
    "es": r"\bsu (?:mensaje|correo|respuesta|nota)\b|\bme (?:indicó|dijo|escribió|informó|"
    r"comunicó)\b|\b[Ll]es? agradezco\b|\bse lo agradezco\b|\busted me\b",
}
"""What makes the news a message of this reader's, or (es) thanks one «usted», or a
plural «Les» beside a note written to one person (r27 es 08.9)."""

FOUND_OUT = {
    "en": r"\bfound out\b|\bI learned\b|\bI understand from\b|\bbehind us\b|"
    r"\bgrateful for the news\b|\bbeing kept informed\b",
    "de": r"\bhabe ich erfahren\b|\bentnommen\b|\bSoweit ich weiß\b|\bfür die (?:Auskunft|"
    r"Information)\b",
    "fr": r"\bj’ai appris\b|\bJ’ai appris\b|\bMerci pour l’information\b",
    "es": r"\bsupe\b|\bPor la información\b|\bSegún entendí\b|\bal corriente\b",
}
"""The candidate's own discovery, hearsay, or thanks to nobody in particular."""


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
@pytest.mark.parametrize("sender", [None, ANA_NO_PHONE.name, BO.name])
def test_news_from_no_sender_is_said_in_the_organisations_voice(
    code: str, new_date: date | None, sender: str | None
) -> None:
    """Class 1 (r26 and r27, every reader, 08.7 and 08.9): whatever the check-in's number
    and whether it is the last, a check-in after "no decision yet" (with or without a new
    date) whose sender is not recorded opens with one sentence that gives the news as the
    employer's, with its day, and says nothing the candidate "found out" nor anything that
    makes it this reader's own message; a reader who sent it is thanked directly; someone
    else who sent it is named, and this reader is thanked for nothing."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    bodies = list(_after_news(iv, new_date, sender))
    assert len(bodies) == 12
    for attempt, body in bodies:
        opening = _plain(body.split("\n\n")[0])
        first = _FULL_STOP.split(opening)[0]
        assert re.search(r"\d", first), (attempt, opening)  # the day the news came
        assert not re.search(FOUND_OUT[code], opening), (attempt, opening)
        if sender is None:
            assert re.search(ORGANISATION_VOICE[code], first), (attempt, opening)
            assert not re.search(READERS_OWN_MESSAGE[code], opening), (attempt, opening)
        elif sender == ANA_NO_PHONE.name:
            assert re.search(THANKS_FOR_NEWS[code], first, re.IGNORECASE), opening
        else:
            thanked = [
                s for s in _SENTENCE.split(body) if re.search(THANKS_FOR_NEWS[code], s, re.I)
            ]
            assert not thanked, (thanked, body)


@pytest.mark.parametrize("code", LANGUAGES)
def test_each_number_says_the_organisations_news_in_its_own_words(code: str) -> None:
    """Class 1: one person reads news from no sender once per check-in; no two numbers
    open on the same first sentence, with or without a new date."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    for new_date in (None, date(2026, 7, 31)):
        firsts = {
            _FULL_STOP.split(body.split("\n\n")[0])[0]
            for attempt, body in _after_news(iv, new_date, None)
        }
        assert len(firsts) == 6, firsts


# -- class 2: the stock lines of the check-ins and of the close -----------------------------

RETIRED = {
    "en": (
        "Has a decision been reached on the position?",
        "Is my application still open?",
        "I look forward to being in touch.",
        "a decision of this kind is not made quickly",
        "With that date behind us",
        "I am grateful for the news.",
        "I appreciate being kept informed.",
        "I found out",
    ),
    "de": ("nicht von heute auf morgen", "Ich danke Ihnen für die Auskunft."),
    "fr": ("ne se prenne pas du jour au lendemain", "Merci pour l’information."),
    "es": ("no se toma de un día para otro", "Les agradezco la noticia."),
}
"""Each retired line, as the readers quoted it."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_says_a_retired_line(code: str) -> None:
    """Class 2: no check-in of any run (the first run at every limit, and the runs after
    "no decision yet", an out-of-office, a reply and a next round), said at any number,
    says a line the readers retired."""
    seen = 0
    for iv, steps in _runs(code):
        for step in steps:
            text = _plain(render(step, iv).text)
            seen += 1
            assert not [line for line in RETIRED[code] if line in text], text
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    for text in _later_check_ins(iv):
        seen += 1
        assert not [line for line in RETIRED[code] if line in text], text
    assert seen > 300


POSITION = re.compile(r"\bposition\b")


def test_the_question_after_the_opening_names_the_role_no_second_time() -> None:
    """Class 2 (r24pre en 09.9, r26 en 01.11: "...about the Hourly Associate position. Has a
    decision been reached on the position?"; r27 en 08.11 "...the Hourly Associate position
    ... The position still appeals to me a great deal."): in no later check-in of any
    history and number, last or not, does the paragraph after an opening that named the
    position say "position" again."""
    for company, role in itertools.product(COMPANIES[:2], ROLES[:2]):
        iv = meeting(company=company, role=role, interviewers=[ANA_NO_PHONE])
        for text in _later_check_ins(iv):
            paragraphs = text.split("\n\n")
            opening, middle = paragraphs[1], paragraphs[2]
            if f"{role} position" in opening:
                assert not POSITION.search(middle), (opening, middle)


# -- class 3: the call the employer invited --------------------------------------------------

WHEN = {"en": "July 15", "de": "15. Juli", "fr": "15 juillet", "es": "15 de julio"}


def _voicemail(text: str) -> str:
    """The one message a call script leaves (its quoted line)."""
    return next(line for line in text.splitlines() if line and line[0] in '"\u201c\u201e\u00ab')


def _first_call(code: str, **changes: object) -> str:
    iv = in_language(meeting(**changes), code)
    call = next(a for a in check_ins(plan(iv)) if a.channel is Channel.PHONE)
    return _plain(render(call, iv).text)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("basis", ["invited", "preferred"])
def test_an_invited_call_says_the_date_given_at_the_interview(code: str, basis: str) -> None:
    """Class 3 (r27 en 14.20): a call the employer invited (or asked for by preferring the
    phone) says, in the script and in the voicemail, the decision date the interview gave,
    as every other first call does."""
    if basis == "invited":
        text = _first_call(code, invited_to_call=True)
    else:
        phone_first = Interviewer(
            "Ana Ruiz", honorific="Dr.", phone="+1 212 555 0142", preferred_channel=Channel.PHONE
        )
        text = _first_call(code, interviewers=[phone_first])
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert [line for line in bullets if WHEN[code] in line], text
    assert WHEN[code] in _voicemail(text), text


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_invited_call_credits_the_invitation_to_no_one_in_particular(code: str) -> None:
    """Class 3 (r27 en 13.6 "Say you are calling because they invited you to" beside
    "thank him"; fr 08.6, 14.20 the voicemail left the invitation out): the script says the
    candidate was invited, never who did it, and the voicemail says it too."""
    text = _first_call(code, invited_to_call=True)
    said = _gettext(
        code,
        "Say you are calling because you were invited to, and that you remain very interested.",
    )
    assert _plain(said) in text, text
    if code == "en":
        assert "they invited you" not in text
    invited = _gettext(
        code,
        "We met on %(day)s to talk about the %(role)s position, and I am calling to follow up, "
        "as I was invited to.",
    )
    tail = _plain(invited).rsplit("%(role)s", 1)[1]
    assert tail in _voicemail(text), text


# -- class 4: what went to colleagues is named, and to whom -----------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_offer_names_what_went_to_colleagues_and_to_whom(code: str) -> None:
    """Class 4 (r27 en 02.8 and 03.7: "If it would help, I can also send you the material I
    shared with your colleague." left the reader to guess what and who; de 09.9 «die
    Unterlagen, die ich bereits in Ihrem Haus eingereicht habe», an untrue submission):
    whatever the check-in's number, an offer of what colleagues received names every item
    and every colleague who received them, and never "the material"."""
    ruiz = Interviewer("Lena Ruiz", phone=None, requested=("my portfolio link",))
    chen = attrs.evolve(BO, requested=("two references", "my portfolio link"))
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, chen, ruiz]), code)
    step = next(a for a in check_ins(plan(iv)) if a.recipient is iv.interviewers[0])
    offers = 0
    for attempt, left in itertools.product(range(1, 9), (0, 1)):
        facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
        text = _plain(render(attrs.evolve(step, facts=facts), iv).text)
        if "Lena Ruiz" not in text:
            continue
        offers += 1
        for said in ("two references", "my portfolio link", BO.name):
            assert said in text, text
        assert text.count("my portfolio link") == 1, text
        assert not re.search(r"\bmaterial\b|\bUnterlagen\b|\bdocuments\b", text), text
    assert offers
