"""Issue 19, round 24 (words24b): one test per class of the nineteenth blind reads (r19,
seed 4747) for the check-ins, their closes, the replies to news, the next round and the
offer note, in every language.

1. Asks and thanks repeated across a retry chain to one person: de "Zwischenstand" in
   two e-mails in a row, "Danke für die Berücksichtigung" then "Ich danke Ihnen, dass
   Sie meine Bewerbung in Betracht ziehen"; fr « J'aimerais connaître le calendrier »
   then « Savez-vous à quel moment la décision devrait intervenir ? »; en 08.8 "I can
   send more information" then 08.10 "I can send references".  Each e-mail of a chain
   asks its own thing, the offer to send is made once, and the last note asks only
   whether the candidate is still being considered.
2. Closes that dangle, splice or re-ask: en "With thanks for your consideration, I will
   be glad to hear how things develop."; de "Vielen Dank; ich wäre froh zu erfahren,
   sobald eine Entscheidung gefallen ist."; fr « Je vous remercie de l'examen de ma
   candidature et j'aimerais savoir comment les choses évoluent. » after the question.
   A close is two short sentences, thanks and a hope to hear, with no question again.
3. Replies to news: en "I was grateful for the news on ... that the decision ... was still
   open"; de "habe ich dankbar aufgenommen"; fr « J'ai pris note avec reconnaissance ».
6. The call after news of a next round asked what it involves in two steps in a row (de
   07.6, es 07.6, fr 07.6); es «dé las gracias» twice; fr « l'occasion de faire part ».
"""

from __future__ import annotations

import itertools
import re

import attrs
import pendulum
import pytest

from followup_rules import Channel, Outcome, Policy, Update, plan, render

from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")

# -- class 1: one ask, one thanks, once per chain ------------------------------------------

STEMS: dict[str, dict[str, str]] = {
    "en": {
        "offer to send": r"\bsend\b",
        "timeline": r"\btimeline\b|(?:likely|of) timing\b|\bwhen (?:a|the) decision\b|"
        r"some way off",
        "update": r"\bupdate\b",
        "progress": r"\bprogress|moved forward",
        "thanks for considering": r"\bconsider",
        "still considered": r"still (?:under consideration|under review|open)|remains open|"
        r"[Ww]here does my application stand",
    },
    "de": {
        "offer to send": r"zusenden|Unterlagen|Referenzen",
        "timeline": r"Zeitplan|\bwann\b|auf sich warten",
        "update": r"Zwischenstand|Neuigkeiten|\bStand\b",
        "progress": r"bewegt|voran|Fortgang",
        "thanks for considering": r"Berücksichtigung|berücksichtig|in Betracht",
        "appeals": r"\breizt\b",
        "for your time": r"für Ihre Zeit",
    },
    "fr": {
        "offer to send": r"faire parvenir|transmettr|compléter mon dossier",
        "timeline": r"calendrier prévu|est le calendrier|\bquand\b|encore loin",
        "update": r"du nouveau|des nouvelles à|un (?:bref )?point sur",
        "progress": r"avancé|avancement|évoluent",
        "thanks for considering": r"examen|prendre en compte",
        "still considered": r"à l’étude|retenue|examiné|envisagé|[Oo]ù en est ma candidature|"
        r"d’actualité",
    },
    "es": {
        "offer to send": r"envi(?:ar|ár)|haré llegar",
        "timeline": r"plazos|cuándo|falta todavía",
        "update": r"novedad|al corriente",
        "progress": r"avanzado|\bavances?\b|evoluciona",
        "thanks for considering": r"considerar|consideración",
        "still considered": r"en estudio|vigente|[Ss]igue abierta|en pie|valorando|considerando|"
        r"situación actual de mi candidatura",
    },
}
"""What a retry asks or thanks for, by the words a reader hears twice (r19 de B, fr C,
es C6, en F): each may be in one e-mail of a chain to one person, never two."""


def _chains(code: str) -> list[list[str]]:
    """The bodies of the e-mail check-ins to one person, run by run: every application's
    turn, with and without the contact's number, for the default limit and its
    neighbours."""
    chains = []
    for company, role, phone, count in itertools.product(
        COMPANIES, ROLES, (ANA.phone, None), (2, 3, 4)
    ):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=phone)]),
            code,
        )
        run = plan(iv, policy=Policy(max_check_ins=count))
        texts = [
            render(action, iv).text for action in check_ins(run) if action.channel is Channel.EMAIL
        ]
        chains.append(["\n\n".join(text.split("\n\n")[1:-1]) for text in texts])
    return chains


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_retry_asks_or_thanks_twice_in_one_chain(code: str) -> None:
    """r19 de 02.8/02.9 "Zwischenstand" twice, 09.9/09.10 thanks for considering twice,
    01.11/01.12 the timeline asked again; fr 09.9 then the last note; en 08.8/08.10 the
    offer to send made twice.  No stem of `STEMS` is in two e-mails of one chain."""
    found = []
    for chain in _chains(code):
        for name, stem in STEMS[code].items():
            saying = [body for body in chain if re.search(stem, body)]
            if len(saying) > 1:
                found.append((name, saying))
    assert not found, found[:2]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_asks_only_whether_the_candidate_is_considered(code: str) -> None:
    """The brief: "the last asks only whether the candidate is still being considered".
    The last note of a first run has one question, and it is that one."""
    still = STEMS[code].get("still considered") or (
        r"noch (?:offen|aktuell|geprüft)|weiterhin offen|berücksichtigt|[Ww]ie steht es"
    )
    for chain in _chains(code):
        questions = re.findall(r"[^.?!]*\?", chain[-1])
        assert len(questions) == 1, chain[-1]
        assert re.search(still, questions[0]), questions[0]


# -- class 2: a close thanks and hopes to hear; it never asks again -----------------------

RE_ASK = {
    "en": r"update|progress|decid|decision|develop|timing|\?",
    "de": r"Zwischenstand|Entscheidung|Verlauf|\bStand\b|\?",
    "fr": r"avancement|décision|évoluent|point sur|\?",
    "es": r"evoluciona|decidido|decisión|novedad|\?",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_close_is_short_and_asks_nothing_again(code: str) -> None:
    """Over every application's turn of the seven closes, the last note's close is one
    short sentence (words27a class 1, r23: two clipped ones, "Thank you very much. I hope
    to hear from you.", read as curt, and fr « Je vous en remercie. » thanked for
    nothing), with no semicolon (de "Vielen Dank; ich wäre froh ..."), no dangling "With
    thanks for ..." and nothing the question before it asked."""
    closes = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        last = check_ins(plan(iv))[-1]
        close = render(last, iv).text.split("\n\n")[-2]
        said = re.split(r"(?<=[.!])\s+", close)
        assert len(said) == 1, close
        assert len(close.split()) <= 15, close
        assert ";" not in close and not close.startswith("With thanks"), close
        assert not re.search(RE_ASK[code], close), close
        closes.add(close)
    assert len(closes) == 7, closes


# -- class 3: replies to news say what was learned, not how it was received -------------

GRADED_NEWS = {
    "en": r"I was grateful for the news|I am grateful for the update",
    "de": r"dankbar aufgenommen|dankbar für die Nachricht",
    "fr": r"avec reconnaissance",
    "es": r"Agradezco (?:el aviso|la noticia)",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_undecided_news_from_no_one_on_record_is_told_plainly(code: str) -> None:
    """r19 en 08.7 "I was grateful for the news on Wednesday, September 30, that the
    decision ... was still open."; de "habe ich dankbar aufgenommen"; fr « J'ai pris note
    avec reconnaissance ».  News whose sender is not on record is thanked for plainly
    ("Thank you for the news on ..."), never said to have been received gratefully."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(Update(first.suggested.add(hours=3), Outcome.UNDECIDED))
    step = check_ins(plan(iv, history=history))[0]
    for attempt in range(1, 8):
        again = attrs.evolve(step, facts=attrs.evolve(step.facts, attempt=attempt))
        opening = render(again, iv).text.split("\n\n")[1]
        assert not re.search(GRADED_NEWS[code], opening), opening


# -- class 6: the call scripts and the feedback answer --------------------------------------

ASKS_WHAT_IT_INVOLVES = {
    "en": r"what (?:it|the next round) (?:will )?involves?",
    "de": r"was sie umfasst|was die nächste Runde umfasst",
    "fr": r"en quoi (?:elle )?consist",
    "es": r"en qué consist",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_next_round_call_asks_what_it_involves_once(code: str) -> None:
    """r19 de 07.6 «… und dass Sie gern wüssten, was sie umfasst.» then «Fragen Sie, was
    die nächste Runde umfasst …»; es «… y que le gustaría saber en qué consiste.» then
    «Pregunte en qué consistirá …»; fr likewise.  The steps of the call ask it once."""
    iv = in_language(meeting(invited_to_call=True), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, 20, tz=NY), Outcome.NEXT_ROUND)
    calls = [a for a in check_ins(plan(iv, history=[news])) if a.channel is Channel.PHONE]
    assert calls
    for call in calls:
        text = render(call, iv).text
        steps = "\n".join(line for line in text.splitlines() if line.startswith("- "))
        assert len(re.findall(ASKS_WHAT_IT_INVOLVES[code], steps)) == 1, steps


def test_the_spanish_call_says_de_las_gracias_once_and_french_says_vous_faire_part() -> None:
    """r19 es 03.5, 08.6 …: «dé las gracias y pregunte …» then «Dé las gracias y no alargue
    la llamada»; fr 15.8 « l'occasion de faire part de mon avis » (de *vous* faire part)."""
    iv = in_language(meeting(interviewers=[ANA]), "es")
    call = next(a for a in check_ins(plan(iv)) if a.channel is Channel.PHONE)
    text = render(call, iv).text
    assert len(re.findall(r"[Dd]é las gracias", text)) <= 1, text
    from followup_rules._languages import language

    said = language("fr").translations.gettext(
        "Thank you for the opportunity to give feedback on the interview process for the "
        "%(role)s position."
    )
    assert "de vous faire part" in said, said
