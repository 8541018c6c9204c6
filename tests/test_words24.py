"""Wording round 24 (issue 19): the nineteenth blind read (seed 4747) on the thank-you
e-mail and card, the requested items, the recruiter debrief and the in-room steps.

Each test fails on main before words24 and names the class it answers.
"""

from __future__ import annotations

import functools
import re

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Interview,
    Interviewer,
    InterviewFormat,
    Recruiter,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.messages import default_pack

from .test_messages import by_template, full_interview
from .test_writing import ANA, BO, in_language, meeting

CODES = ("en", "de", "fr", "es")

# What a user types, in each language: a span of experience for `fit` (r19 en 03.4
# "a decade of incident response at scale") and a part of the day (r19 en 07.5).
FIT = {
    "en": "a decade of incident response at scale",
    "de": "zehn Jahre Erfahrung in der Störungsbehebung",
    "fr": "dix ans de gestion d’incidents à grande échelle",
    "es": "diez años de gestión de incidentes a gran escala",
}
PART = {
    "en": "the tour of the lab",
    "de": "die Führung durch das Labor",
    "fr": "la visite du laboratoire",
    "es": "la visita al laboratorio",
}
TOPIC = {
    "en": "the team's roadmap",
    "de": "die Roadmap des Teams",
    "fr": "la feuille de route de l’équipe",
    "es": "la hoja de ruta del equipo",
}


@functools.lru_cache(maxsize=8)
def _panel_notes(code: str) -> tuple[str, ...]:
    """Every thank-you of an eight-person panel in *code* (a panel of eight takes each
    sentence in each of its eight wordings), each panelist with a part of the day and
    a fit of their own, every other one with a topic of their own (a panelist known for
    nothing but their part is thanked for it in the opening: `part_only`)."""
    panel = [
        Interviewer(
            f"Kim Lee{i}",
            email=f"kim{i}@acme.example",
            part=PART[code],
            fit=FIT[code],
            topics=(TOPIC[code],) if i % 2 else (),
        )
        for i in range(8)
    ]
    iv = in_language(meeting(interviewers=panel, fit=FIT[code]), code)
    texts = tuple(
        render(action, iv).text
        for action in plan(iv)
        if action.kind is ActionKind.THANK_YOU and action.template is not None
    )
    assert len(texts) == 8
    return texts


_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE.split(text.replace("\n", " ")) if s.strip()]


def _holding(texts: tuple[str, ...], phrase: str) -> list[str]:
    return [s for text in texts for s in _sentences(text) if phrase in s]


# -- 1. the typed fit in frames with the candidate as subject -----------------------------

BACKWARDS = {
    # the role as subject, the candidate's experience as what it matches or uses
    "en": re.compile(r"\b(The|This) role (is|would)\b|\bas what I\b|\bapply \S+ .*directly"),
    "de": re.compile(r"Für diese Aufgabe (kann|könnte) ich|als das, was ich"),
    "fr": re.compile(r"en bonne adéquation|Ce poste me permettrait"),
    "es": re.compile(r"poner en juego|El puesto encaja"),
}


@pytest.mark.parametrize("code", CODES)
def test_the_typed_fit_reads_with_the_candidate_as_subject(code: str) -> None:
    """r19 en 03.4 "The role is a good match for my decade of incident response at
    scale", 01.7 "The role would make full use of my ...", 11.5 "I described my ... as
    what I would bring to the role"; de 01.7 "Für diese Aufgabe kann ich meine Erfahrung
    ... gut nutzen"; fr « en bonne adéquation avec »; es «poner en juego».  Every wording
    of the case for fit, and the recruiter debrief's, puts the candidate first, in a
    frame that reads with any noun phrase the user types."""
    fit = language(code).experience(FIT[code])
    said = _holding(_panel_notes(code), fit)
    iv = in_language(
        full_interview(
            recruiter=Recruiter("Rita Cole", email="rita@agency.example"), fit=FIT[code]
        ),
        code,
    )
    said += _sentences(
        default_pack(code).render(by_template("recruiter_debrief_email", iv), iv).text
    )
    assert len([s for s in said if fit in s]) >= 9
    for sentence in said:
        assert not BACKWARDS[code].search(sentence), sentence
    if code == "en":
        for sentence in said:
            if fit in sentence:
                assert re.search(r"\bI\b", sentence.replace(fit, " ")), sentence


# -- 2. the part of the day in frames that take a noun phrase ------------------------------

HAVE_THE = {
    "en": re.compile(r"\bhave (my|the|a|your)\b"),
    "de": re.compile(r"möglich gemacht|Schön fand ich"),
    "fr": re.compile(r"bénéficier de|J’ai été sensible à"),
    "es": re.compile(r"contar con"),
}


@pytest.mark.parametrize("code", CODES)
def test_the_part_of_the_day_is_thanked_for_as_given(code: str) -> None:
    """r19 en 07.5 "It was good to have the tour of the lab", 09.7 "I was happy to have
    the tour of the lab"; es 14.17 «Fue un placer contar con la visita»; fr 14.19 « J’ai
    eu la chance de bénéficier de la visite »; de "Schön fand ich die Führung".  Every
    wording of the part line takes the part as a noun phrase the person gave ("I
    enjoyed the tour of the lab"), never as something the candidate "had"."""
    said = _holding(_panel_notes(code), PART[code])
    assert len(said) >= 8
    for sentence in said:
        assert not HAVE_THE[code].search(sentence), sentence


# -- 6. the in-room steps -------------------------------------------------------------------

NO_CARDS = re.compile(
    r"no business cards|keine Visitenkarten|pas de carte de visite|No hay tarjetas", re.I
)
OR = {"en": " or ", "de": " oder ", "fr": " ou ", "es": " o "}


def _steps(iv: Interview) -> str:
    return "\n".join(
        render(action, iv).text
        for action in plan(iv)
        if action.kind
        in (ActionKind.CLOSING_STATEMENT, ActionKind.ASK_FOR_CARDS, ActionKind.ASK_TIMELINE)
    )


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("form", [InterviewFormat.PHONE, InterviewFormat.VIDEO])
def test_a_call_has_no_cards_to_collect_and_asks_only_for_what_is_missing(
    code: str, form: InterviewFormat
) -> None:
    """r19 en 02.1 "There are no business cards to collect" after a phone interview, 03.1
    "ask each interviewer for their phone number" when Ana Ruiz's number is known (de
    02.1 likewise).  After a call, by phone or video, the step says what to do before it
    ends; a detail some interviewers gave is asked only of those who did not."""
    for panel in ([ANA], [ANA, BO], [BO, attrs.evolve(BO, name="Cy Diaz", email=None)]):
        iv = in_language(meeting(interviewers=panel, format=form), code)
        text = _steps(iv)
        assert not NO_CARDS.search(text), text
    iv = meeting(interviewers=[ANA, BO], format=form)
    text = _steps(iv)
    assert "ask each interviewer for" not in text, text
    assert "whose details you do not have" in text, text


@pytest.mark.parametrize("code", CODES)
def test_the_closing_offers_one_topic_or_another(code: str) -> None:
    """r19 en 01.1 "connect it to one of the topics you covered: the team's roadmap and
    on-call"; de "an eines der Themen an: X und Y", fr « l’un des sujets abordés : X et
    Y », es «alguno de los temas que trataron: X y Y»: one of them is X or Y."""
    topics = ("the roadmap", "hiring")
    iv = in_language(meeting(interviewers=[ANA], topics=topics), code)
    (step,) = [a for a in plan(iv) if a.kind is ActionKind.CLOSING_STATEMENT]
    text = render(step, iv).text
    assert f"{topics[0]}{OR[code]}{topics[1]}" in text, text


# -- 3, 5. stock lines a reader called stilted, and the deadline said as expected --------

STILTED = {
    "en": (
        "most interesting exchange",
        "To answer your request",
        "Thank you for the interview for",
        "in due course",
        "I am keen to",
        "I hope this is useful",
        "which I understand may come",
        "news may come",
    ),
    "de": ("sehr angeregt gesprochen", "zu gegebener Zeit", "das hilft Ihnen weiter"),
    "fr": ("très vivante", "en bonne adéquation", "en temps voulu", "cela vous sera utile"),
    "es": ("contar con", "reservar tiempo", "a su debido tiempo", "poner en juego"),
}
MINE = (
    "_thanks_",
    "thank_you_",
    "_requested.txt",
    "requested_items_email.txt",
    "recruiter_debrief",
    "closing_statement.txt",
    "ask_for_cards.txt",
)


def _said(code: str) -> list[str]:
    """Every sentence the catalog of *code* says in the thank-you, the requested items,
    the recruiter debrief and the in-room steps (the msgids in English)."""
    from babel.messages.pofile import read_po

    from followup_rules import messages

    locales = messages.__file__.rsplit("/", 1)[0] + "/locales"
    path = (
        f"{locales}/followup_rules.pot"
        if code == "en"
        else (f"{locales}/{code}/LC_MESSAGES/followup_rules.po")
    )
    with open(path, "rb") as handle:
        catalog = read_po(handle)
    said = []
    for message in catalog:
        if not message.id or not any(
            part in where for where, _ in message.locations for part in MINE
        ):
            continue
        strings = message.id if code == "en" else message.string
        said += [strings] if isinstance(strings, str) else list(strings)
    return said


@pytest.mark.parametrize("code", CODES)
def test_no_stock_line_the_nineteenth_read_called_stilted_is_left(code: str) -> None:
    """r19 en G "We had a most interesting exchange about", "To answer your request",
    "Thank you for the interview for the X role", "in due course", "I am keen to" (in US
    letters too); H "which I understand may come by Monday, April 6"; de D "sehr angeregt
    gesprochen", "Ich hoffe, das hilft Ihnen weiter"; fr D « très vivante », « en bonne
    adéquation », « J’espère avoir en temps voulu des nouvelles »; es C4/C5 «contar con
    la visita», «reservar tiempo», «Espero conocer a su debido tiempo»."""
    said = _said(code)
    assert len(said) > 100
    left = [(phrase, s) for s in said for phrase in STILTED[code] if phrase in s]
    assert not left
