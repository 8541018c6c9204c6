"""Words round 14b, from the eleventh blind reads (corpus 3535), msgstr only.

1. Closers of the later check-ins that read as resigned, calqued or condescending
   (de "Ich hoffe nun, von Ihnen zu hören, sobald der richtige Zeitpunkt gekommen
   ist.", "Bis zu Ihrer Rückmeldung halte ich mich nun zurück."; fr "C'est tout pour
   moi jusqu'à votre prochain message", "Prenez tout le temps qu'il vous faut", "Je
   laisse maintenant les choses suivre leur cours"; es "Dejo ahora que las cosas
   sigan su curso", "Tómese todo el tiempo que necesite"), and the other calques and
   stiff lines the reads quote ("dass Sie meine Bewerbung prüfen", a dangling
   "worüber", "lieber ist"; "Avec mes remerciements pour votre attention." as a
   sentence, "voici ... en pièce jointe", "qui m'a valu une proposition"; "Por la
   noticia del", "Me siento feliz", "Gracias por su consideración", "espero saber de
   usted", "a la que siguió una oferta", "Veo una clara correspondencia").
2. One question or phrase twice in one message: a check-in asked "cómo avanza el
   proceso" in two sentences, and the French one asked about "le processus" twice; a
   thank-you opened two sentences with "Me resultó", and said "puesto" three times
   in two. Every check-in e-mail, for plans of one to seven check-ins, and every
   note of a panel, says a run of four words in one sentence only.
3. French week phrases said at the interview: "dans la semaine suivant l'entretien"
   also translates "within a week of the interview" and reads as a span of seven
   days; "en début de semaine suivant l'entretien" lacks its article.
"""

from __future__ import annotations

import itertools
import re

import pytest

from followup_rules import Channel, Interviewer, Policy, plan, render

from .prose import masks
from .test_words13b import _catalog
from .test_writing import check_ins, in_language, meeting

LANGUAGES = ("de", "fr", "es")

# -- 1. the lines the eleventh reads quoted ----------------------------------------------

QUOTED = {
    "de": [
        r"richtige Zeitpunkt gekommen",  # resigned
        r"halte ich mich nun zurück",  # passive-aggressive
        r"dass Sie meine Bewerbung prüfen",  # a calque of "considering my application"
        r", worüber ich Ihnen bei Interesse",  # a dangling relative clause
        r"fehlte mir die Zeit",  # sounds like an excuse
        r"\blieber ist\b",  # colloquial in an instruction
        r"Angebot eingebracht",  # the interview as a transaction
        r"warte nun ab",  # resigned
        r"wann nun mit",  # impatient
        r"kurzes Update",  # an anglicism
        r"Mein Wunsch, bei",  # stiff, and "anzufangen" presumes the outcome
    ],
    "fr": [
        r"C’est tout pour moi",  # a calque of "That is all from me"
        r"Prenez tout le temps",  # granting the employer time
        r"suivre leur cours",  # resigned
        r"^Avec mes remerciements pour votre attention\.$",  # a fragment as a sentence
        r"\bvoici\b.*en pièce jointe",
        r"et voici",  # "voici ... et voici"
        r"m’a valu",  # the offer as a prize
        r"l’aviez demandé, vous trouverez",  # the pluperfect for a request just made
        r"lorsque le moment sera venu",  # impatient
        r"^Merci encore, et dans l’attente",  # two closing formulas in one
        r"fais part volontiers",  # the adverb misplaced
    ],
    "es": [
        r"sigan su curso",  # resigned
        r"Tómese todo el tiempo",  # granting the employer time
        r"^Por la noticia del",
        r"Me siento feliz",
        r"^Gracias por su consideración\.$",  # a calque
        r"espero saber de usted",  # a calque of "hope to hear from you"
        r"a la que siguió una oferta",
        r"Veo una clara correspondencia",
        r"momento oportuno",  # stilted, faintly ironic
        r"es el de siempre",  # flat
    ],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_line_the_eleventh_reads_quoted_is_left(code: str) -> None:
    """Class 1: every msgstr is free of the closers and calques the readers quoted."""
    found = [
        (pattern, string)
        for string in _catalog(code).values()
        for pattern in QUOTED[code]
        if re.search(pattern, string, re.MULTILINE)
    ]
    assert not found, found


# -- 2. one phrase in one sentence of a message -----------------------------------------

_END = re.compile(r"(?<=[.?!])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def _runs(sentence: str, size: int = 4) -> set[tuple[str, ...]]:
    words = [word.casefold() for word in _WORD.findall(sentence)]
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


def _said_twice(text: str, hidden: tuple[str, ...]) -> list[tuple[str, ...]]:
    """The runs of four words that two sentences of the body share, the names, the
    company and the role set aside."""
    body = text
    for value in hidden:
        body = body.replace(value, "<x>")
    paragraphs = body.split("\n\n")[1:-1]  # past the greeting, before the signature
    said = [
        _runs(sentence)
        for paragraph in paragraphs
        for sentence in _END.split(" ".join(paragraph.split()))
    ]
    return sorted(run for one, other in itertools.combinations(said, 2) for run in one & other)


ONCE = {
    "de": (r"\bVerfahren", r"\bkurz", r"\bfreu(?:e|en|t)\b"),
    "fr": (r"\bprocessus\b",),
    "es": (r"\bproceso\b",),
}
"""The process, which a check-in asks about once, and German "kurz" ("kurz
nachzufragen. Über einen kurzen Zwischenstand ...", r11 03.7, 12.7) and "freuen" ("Ich
würde mich sehr freuen, ... freue ich mich auf Ihre Nachricht.", 01.12, 03.8)."""

COMPANIES = ("Acme Analytics", "Northwind Freight", "Juniper Labs", "Lumen Energy")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_says_a_phrase_in_two_sentences(code: str) -> None:
    """Class 2: r11 02.7, 11.10, 13.7, 14.21 asked "cómo avanza el proceso" in two
    sentences of one e-mail (fr "où en est le processus ... comment avance le
    processus"): every check-in e-mail, for plans of one to seven check-ins, says a run
    of four words, and the process (German also "kurz" and "freuen"), once."""
    found = []
    for company, count in itertools.product(COMPANIES, range(1, 8)):
        iv = in_language(meeting(company=company), code)
        for action in check_ins(plan(iv, Policy(max_check_ins=count))):
            if action.channel is not Channel.EMAIL:
                continue
            text = render(action, iv).text
            twice = _said_twice(text, masks(iv))
            if twice or any(len(re.findall(word, text)) > 1 for word in ONCE[code]):
                found.append((twice, text))
    assert not found, found[:3]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("fit", ["six years of building data pipelines", None])
def test_no_panel_note_says_a_phrase_in_two_sentences(code: str, fit: str | None) -> None:
    """Class 2: r11 14.17 "Me resultó especialmente útil la visita al laboratorio. Me
    resultó valioso repasar ..." and "Este puesto me entusiasma. Creo que encajo muy
    bien en el puesto por ...": every note of a panel of eight."""
    people = [
        Interviewer(
            f"P{n} Lee",
            email=f"p{n}@x.example",
            part="the lab tour" if n % 3 == 1 else None,
            topics=("the on-call rota",) if n % 2 else (),
        )
        for n in range(8)
    ]
    iv = in_language(meeting(interviewers=people, fit=fit, missed=("my open-source work",)), code)
    found = []
    for action in plan(iv).actions:
        if action.channel is not Channel.EMAIL:
            continue
        text = render(action, iv).text
        twice = _said_twice(text, masks(iv))
        if twice:
            found.append((twice, text))
    assert not found, found[:3]


def test_no_spanish_note_opens_two_sentences_alike_or_says_puesto_thrice() -> None:
    """Class 2, the two words the Spanish read counted: "Me resultó ... Me resultó"
    and "puesto" three times in two sentences of one note."""
    people = [
        Interviewer(
            f"P{n} Lee",
            email=f"p{n}@x.example",
            part="the lab tour",
            topics=("the on-call rota",),
        )
        for n in range(8)
    ]
    iv = in_language(
        meeting(interviewers=people, fit="six years of building data pipelines"), "es"
    )
    for action in plan(iv).actions:
        if action.channel is not Channel.EMAIL:
            continue
        text = render(action, iv).text
        assert text.count("Me resultó") <= 1, text
        assert len(re.findall(r"\bpuesto\b", text)) <= 2, text


# -- 3. French week phrases -------------------------------------------------------------


def test_french_week_phrases_said_at_the_interview_are_not_a_span() -> None:
    """Class 3: "in the week after the interview" is not "within a week of the
    interview", and every week phrase said at the interview reads aloud."""
    catalog = _catalog("fr")
    # words26b class 3: a week said at the interview is named by its Monday's date
    week = catalog["in the week of %(date)s"]
    assert week != catalog["within a week of the interview"]
    for msgid in (
        "in the week of %(date)s",
        "early in the week of %(date)s",
    ):
        assert "suivant l’entretien" not in catalog[msgid], catalog[msgid]
