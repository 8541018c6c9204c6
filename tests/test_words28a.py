"""words28a: thank-you e-mails and cards (issue 19, the blind reads r23, seed 2828, and
r24pre, seed 5858).

1. No note or card says a line the readers retired, in any wording of any sentence
   (opening, part, recap, panel line, interest, fit, close; on time, late, after an
   offer): en "I aim to make … count in the role", "I am happy we discussed …", "I am
   pleased we could discuss …", "I hope to have good news from you", "I hope you will
   keep my application in mind", "Thank you for your time at my interview", "My thanks
   extend to …", "forgive me for writing only now"; de «Mein Ziel ist es», «Schön, dass
   wir … sprechen konnten», «im Blick behalten», «Über gute Nachrichten», «für Ihre
   Mühe», «Gern würde ich im Auswahlverfahren weiterkommen»; fr « Je tiens à apporter »,
   « garderez ma candidature à l’esprit », « une vraie joie », « Nous avons eu une
   bonne discussion », « membres du jury »; es «poner en valor», «Mi objetivo es»,
   «Quisiera avanzar», «Guardo un grato recuerdo», «Con mis disculpas».
2. No sentence of a note jams the role and the company into brackets (r23 es 14.18
   «… el día de mi entrevista (analista de datos, el Hospital Universitario de
   Levante)»), with short and long names, with and without a company that takes an
   article.
3. The first paragraph of a note (thanks, part, recap) does not say the same noun of the
   library's twice (r24pre es «Muchas gracias por nuestra conversación … Nuestra
   conversación sobre …», fr « Merci de m’avoir donné l’occasion d’échanger … Notre
   échange sur … »), and the interest and fit lines do not both name the post (de «Ich
   bin von der Stelle sehr angetan. Für diese Stelle …»).
"""

from __future__ import annotations

import re
from typing import Any

import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    Message,
    Outcome,
    Policy,
    Update,
    plan,
    render,
)

from .test_writing import in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
CANDIDATE = Candidate("Sam Lee", email="sam@example.com", phone="+1 212 555 0100")
NAMES = ("Ana Ruiz", "Bo Chen", "Kim Park", "Dana Whit", "Olu Ade", "Ray Hale", "Lin Wu")

RETIRED = {
    "en": (
        "make my",
        "count in the role",
        "I am happy we discussed",
        "I am pleased we could",
        "good news from you",
        "keep my application in mind",
        "your time at my interview",
        "Thank you for considering me",
        "My thanks extend",
        "forgive me for writing only now",
        "later than I intended",
        "on the day of my",
        "Thanks so much",
        "considering it with great interest",
        "Answering questions from you",
    ),
    "de": (
        "Mein Ziel ist es",
        "Schön, dass wir",
        "Ich bin froh, dass wir",
        "im Blick behalten",
        "Über gute Nachrichten",
        "für Ihre Mühe",
        "im Auswahlverfahren weiterkommen",
        "weiter dabei zu sein wäre",
        "hat mich sehr angesprochen",
        "erleben durfte",
        "die, wie ich verstanden habe",
        "Ich bin gespannt auf Ihre Nachricht",
        "Wertvoll fand ich vor allem",
        "Mit mehreren Mitgliedern des Teams zu sprechen",
    ),
    "fr": (
        # r24 fr: « aller plus loin dans ce recrutement » (7 notes), « à mon actif » (5)
        "aller plus loin dans ce recrutement",
        "à mon actif",
        "Je tiens à apporter",
        "garderez ma candidature à l’esprit",
        "une vraie joie",
        "Nous avons eu une bonne discussion",
        "Je repense volontiers",
        "membres du jury",
        "ont été les bienvenues",
        "Continuer avec vous",
        "m’a été utile",
        "je l’examine avec beaucoup d’intérêt",
        "dans le cadre de",
    ),
    "es": (
        "poner en valor",
        "Mi objetivo es",
        "Quisiera avanzar",
        "Guardo un grato recuerdo",
        "Con mis disculpas",
        "Con disculpas por la demora",
        "Mi agradecimiento, además",
        "Sería estupendo",
        "Tomé buena nota",
        "Espero que tenga presente",
        "que compartimos el día",
    ),
}


def _people(size: int, details: dict[str, Any]) -> list[Interviewer]:
    return [
        Interviewer(
            f"{NAMES[n % len(NAMES)]}{'' if n < len(NAMES) else n}",
            email=f"p{n}@acme.example",
            **details,
        )
        for n in range(size)
    ]


DETAILS: tuple[dict[str, Any], ...] = (
    {},
    {"topics": ("the roadmap",)},
    {"part": "the tour of the lab"},
    {"topics": ("the roadmap",), "part": "the walk through your on-call dashboards"},
    {"requested": ("a link to my conference talk",)},
)


def _interviews(code: str) -> list[Interview]:
    """Panels of one to eight, each detail, with and without the fit and what was missed,
    under three companies (three turns of the wordings)."""
    found = []
    for size in (1, 2, 3, 4, 5, 8):
        for details in DETAILS:
            for turn, company in enumerate(("Acme Analytics", "Harbor Bay Partners", "Cobalt")):
                fields: dict[str, Any] = {
                    "interviewers": _people(size, details),
                    "company": company,
                    "candidate": CANDIDATE,
                    "address": "1 Main Street, New York, NY 10001",
                }
                if (size + turn) % 2:
                    fields["fit"] = "six years of building data pipelines"
                if turn == 1:
                    fields["missed"] = ["my AWS certification"]
                if turn == 2 and size < 4:
                    fields["topics"] = ("the warehouse migration",)
                found.append(in_language(meeting(**fields), code))
    return found


def _notes(iv: Interview, policy: Policy, history: list[object] | None = None) -> list[Message]:
    return [
        render(action, iv)
        for action in plan(iv, policy, history=history or [])
        if action.kind is ActionKind.THANK_YOU and action.template is not None
    ]


def _all_notes(code: str) -> list[Message]:
    """Every note and card of every panel, on time and sent late (the user's late thanks:
    a history that starts two days on), and after an offer."""
    notes = []
    for iv in _interviews(code):
        notes += _notes(iv, Policy())
        if len(iv.interviewers) <= 3:
            notes += _notes(iv, Policy(thank_you_channel=Channel.POSTAL))
        ends = iv.starts_at.add(hours=1)
        offer = Update(ends.add(hours=3), Outcome.OFFER)
        notes += _notes(iv, Policy(), [offer])
    return notes


def _late_notes(code: str) -> list[Message]:
    """Notes the planner moves past their window: every wording of the belated opening."""
    from .test_words27b import _sent_at  # the planner's own move, as words27b makes it

    found = []
    for iv in _interviews(code)[:40]:
        for action in plan(iv):
            if action.kind is ActionKind.THANK_YOU and action.template is not None:
                moved = _sent_at(action, pendulum.datetime(2026, 7, 9, 10, tz="America/New_York"))
                found.append(render(moved, iv))
    return found


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_note_or_card_says_a_retired_line(code: str) -> None:
    """Class 1: every sentence's every wording, on time, late and after an offer."""
    notes = _all_notes(code) + _late_notes(code)
    assert len(notes) > 400
    for note in notes:
        for line in RETIRED[code]:
            assert line not in note.text, (line, note.text)


COMPANIES = (
    "Hospital Universitario de Levante",
    "Acme",
    "Banque Populaire de l’Ouest",
    "Cobalt & Finch Consulting Group International Holdings",
)
ROLES = ("data analyst", "Senior Product Manager, Payments Platform and Ledger Services")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_note_brackets_the_role_and_the_company(code: str) -> None:
    """Class 2: panelists thanked only for a part of the day (everyone but the contact),
    every wording, with long and short names and companies that take an article: neither
    the company nor the role is put in brackets."""
    for company in COMPANIES:
        for role in ROLES:
            for size in (1, 8):
                people = _people(size, {"part": "the tour of the lab"})
                iv = in_language(
                    meeting(interviewers=people, company=company, role=role, candidate=CANDIDATE),
                    code,
                )
                for note in _notes(iv, Policy()):
                    body = note.text.split("\n\n", 1)[1]
                    assert not re.search(r"\([^)]*" + re.escape(company.split()[0]), body), body
                    assert not re.search(r"\(" + re.escape(role.split()[0]), body), body


REPEATED = {
    "en": r"\b(conversation|discuss\w*|talk\w*)\b",
    "de": r"\b(Austausch\w*|Gespräch\w*|Diskussion)\b",
    "fr": r"\b(échange\w*|conversation|discussion|entretien)\b",
    "es": r"\b(conversación|agradec\w*|intercambio)\b",
}
POST = {
    "en": r"\b(position)\b",
    "de": r"\b(Stelle)\b",
    "fr": r"\b(poste)\b",
    "es": r"\b(puesto)\b",
}


def _stems(pattern: str, text: str) -> list[str]:
    return [m.group(1).lower()[:6] for m in re.finditer(pattern, text, re.IGNORECASE)]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_first_paragraph_says_its_noun_once(code: str) -> None:
    """Class 3: the thanks, the part and the recap name the talk once ("our conversation
    … our conversation about …"), and the interest line and the case for fit the post once."""
    for iv in _interviews(code):
        for note in _notes(iv, Policy()):
            paragraphs = note.text.split("\n\n")
            first = paragraphs[1]
            stems = _stems(REPEATED[code], first)
            assert len(stems) == len(set(stems)), first
            second = paragraphs[2]
            if "\n" not in second and not re.search(r"\[|attach|anbei|joint|adjunt", second):
                posts = _stems(POST[code], second)
                assert len(posts) <= 1, second


INVITED_TO_INTERVIEW = {
    "en": r"inviting me to (?:an )?interview|invitation to interview",
    "de": r"zu(?:m| einem) (?:Vorstellungs)?[Gg]espräch eingeladen|"
    r"Einladung zum (?:Vorstellungs)?[Gg]espräch",
    "fr": r"retenu ma candidature|invité à (?:un|l’)entretien|invitation à l’entretien",
    "es": r"invitarme a la entrevista|invitación a la entrevista",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_note_credits_the_reader_with_the_invitation_to_interview(code: str) -> None:
    """r24 es 02.5, 14.17 (counted untrue): "Thank you for inviting me to interview" to
    one of several interviewers; no input says who invited the candidate (the truth rule)."""
    for note in _all_notes(code) + _late_notes(code):
        assert not re.search(INVITED_TO_INTERVIEW[code], note.text), note.text
