"""Wording round 32 (issue 19), words32es: the Spanish catalog after the blind read r27
(seed 8585), with r26 (seed 7676).

1. A decision date given as a deadline ("by July 15") or as the end of a range ("by the
   end of next week", 10 to 11 December) is said as a deadline in Spanish: «no más allá
   del 11 de diciembre», never «para el 11 de diciembre», which a Spanish reader takes as
   "on the 11th" (r27 09.8, the read's two untrue sentences: «la decisión prevista para el
   11 de diciembre», «se esperaba para el 11 de diciembre», where the interviewer said "by
   the end of next week"; German says «bis zum», French «d'ici le»).  The lead took the
   r28 reader's «a más tardar el» for words32es's «no más allá del» (a literal "no later
   than", said 33 times in r28), teaching tests/test_words10.py's "late" words that
   «a más tardar» owns no delay.
2. Stock lines and calques the r27 reader marked, retired from every msgstr and every
   rendered Spanish message of seeds 8585 and 7676: «Quisiera incorporarme a su empresa»
   (curt, and a hospital is no «empresa»; «su equipo» is banned by tests/test_words4.py),
   «sacaría partido de» (the job as a benefit to the candidate), «Me quedé con muy buena
   impresión de», «Escuchar a tantas personas», «no se toma de un día para otro» (ironic
   in a third contact), «Mi interés por el puesto se mantiene» (stiff, said aloud), «en el
   archivo adjunto» (two items in one "file"), the «entendí que …, así que le escribo
   sobre el puesto» opening, «su reclutador» (the gender of a recruiter nobody gave),
   «antes de enviar este mensaje» on a call script, and the ambiguous «pida su número de
   teléfono … a cada persona» (the candidate's own number?).
3. The Spanish check-in that names the interview's day and quotes the window as it was
   said there ("En mi entrevista del viernes 8 de marzo entendí que esperaban decidir en
   un par de semanas", the r26 reader's words) says it as what they expected then, as the
   English "was expected" does, so the window reads as the interview's and no later
   day's (tests/test_words2.py::test_no_relative_timeframe_is_said_on_another_day failed
   on «se tomaría en un par de semanas» with some Hypothesis seeds).
"""

from __future__ import annotations

import re
from functools import cache

import attrs
import pytest
from babel.messages.pofile import read_po

from followup_rules import ActionKind, plan, render

from .test_corpus_checks import SCRIPTS
from .test_words2 import ANCHORED, RELATIVE
from .test_words27d import LOCALES, _msgstrs
from .test_words31es import _rendered as _rendered_7676
from .test_writing import ANA, check_ins, in_language, meeting

SEED = 8585

ANA_BY_EMAIL = attrs.evolve(ANA, phone=None)
"""The contact with no phone number: every check-in an e-mail."""

_MONTHS = (
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
_WEEKDAYS = "lunes|martes|miércoles|jueves|viernes|sábado|domingo"

ON_A_DATE = re.compile(rf"\bpara el (?:(?:{_WEEKDAYS}) )?\d{{1,2}} de (?:{_MONTHS})\b")
"""«para el 11 de diciembre», «para el lunes 24 de agosto»: read as "on" that day."""

RETIRED = {
    "quisiera incorporarme": re.compile(r"\b[Qq]uisiera incorporarme\b"),
    "sacar partido": re.compile(r"\bsac\w* partido\b"),
    "quedarse con buena impresión": re.compile(r"\bquedé con (?:muy |una )?buena impresión\b"),
    "tantas personas": re.compile(r"\btantas personas\b"),
    "de un día para otro": re.compile(r"\bde un día para otro\b"),
    "mi interés se mantiene": re.compile(r"\binterés por el puesto se mantiene\b"),
    "en el archivo adjunto": re.compile(r"\ben el archivo adjunto\b"),
    "entendí …, así que le escribo": re.compile(r"\bentendí que[^.]*, así que le escribo\b"),
    "su reclutador": re.compile(r"\bsu reclutador\b"),
    "antes de enviar este mensaje": re.compile(r"\bantes de enviar este mensaje\b"),
    "pida su … a cada persona": re.compile(r"\bpida (?:su|el|la|sus)\b[^.;]*\ba cada persona\b"),
    "para el <fecha>": ON_A_DATE,
}
"""Each retired line, as a pattern over a Spanish sentence."""


@cache
def _rendered_8585() -> tuple[tuple[str, str], ...]:
    """(scenario key, subject and text) of every Spanish message of seed 8585's corpus."""
    from .test_words27d import _corpus

    corpus = _corpus()
    found: list[tuple[str, str]] = []
    for _, build in corpus.scenarios(SEED):  # type: ignore[attr-defined]
        scenario = corpus.play(build("es"), {})  # type: ignore[attr-defined]
        for item in scenario.rendered:
            found.append((scenario.key, f"{item.message.subject or ''}\n{item.message.text}"))
    return tuple(found)


def _rendered() -> tuple[tuple[str, str], ...]:
    return _rendered_8585() + _rendered_7676()


def _entries() -> list[tuple[str | None, str, str]]:
    """(msgctxt, msgid, msgstr) of every Spanish entry, every plural form."""
    with (LOCALES / "es" / "LC_MESSAGES" / "followup_rules.po").open("rb") as source:
        catalog = read_po(source)
    found: list[tuple[str | None, str, str]] = []
    for entry in catalog:
        if not entry.id:
            continue
        ids = entry.id if isinstance(entry.id, tuple) else (entry.id,)
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        found += [(entry.context, ids[0], text) for text in strings if text]
    return found


def test_the_rendered_corpora_are_spanish_and_large() -> None:
    assert str(SCRIPTS)
    texts = [text for _, text in _rendered_8585()]
    assert len(texts) > 100
    assert any("Estimad" in text for text in texts)
    assert len(_rendered()) > 200


# -- 1. a deadline is said as a deadline ---------------------------------------------------


def test_every_decision_deadline_in_the_catalog_says_by() -> None:
    deadlines = [
        (msgid, text)
        for context, msgid, text in _entries()
        if context == "decision" and msgid.startswith("by %(")
    ]
    assert len(deadlines) == 2, deadlines
    for msgid, text in deadlines:
        assert text.startswith("a más tardar el %("), (msgid, text)
    for context, msgid, text in _entries():
        if context in ("decision", "decision now"):
            assert not re.search(r"\bpara el %\(", text), (msgid, text)


@pytest.mark.parametrize(
    ("phrase", "deadline"),
    [
        ("by the end of next week", "a más tardar el 17 de julio"),
        ("by Friday", "a más tardar el viernes 10 de julio"),
        (None, "a más tardar el miércoles 15 de julio"),
    ],
)
def test_a_check_in_and_a_call_say_the_deadline_as_a_deadline(
    phrase: str | None, deadline: str
) -> None:
    """r27 09.8: "by the end of next week", recalled on a later day, names its last day as
    a deadline, in the e-mail, in the call script and in the voicemail."""
    changes = {} if phrase is None else {"decision_by": phrase}
    for interviewers in ([ANA], [ANA_BY_EMAIL]):
        iv = in_language(meeting(interviewers=interviewers, **changes), "es")
        steps = check_ins(plan(iv))
        assert steps
        text = render(steps[0], iv).text
        assert deadline in text, text
        assert not ON_A_DATE.search(text), text


# -- 2. retired lines ----------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_catalog_sentence_keeps_a_retired_line(name: str) -> None:
    found = [text for text in _msgstrs("es") if RETIRED[name].search(text)]
    assert not found, found


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_rendered_spanish_message_keeps_a_retired_line(name: str) -> None:
    for key, text in _rendered():
        assert not RETIRED[name].search(text), (key, text)


def test_a_recruiter_is_named_without_a_gendered_noun() -> None:
    """r27 02.7, 11.7: «su reclutador, Marta Gil» of a woman; the note also stands on a
    call script, where «antes de enviar este mensaje» was wrong."""
    notes = [t for c, i, t in _entries() if c == "warning" and "your recruiter" in i]
    assert len(notes) == 2
    for text in notes:
        assert "su contacto en la agencia" in text and "antes de dar este paso" in text, text


# -- 3. the interview's window, quoted where the interview is named ----------------------------


def test_the_interview_opening_says_the_window_as_expected_then() -> None:
    openings = [
        (msgid, text)
        for _, msgid, text in _entries()
        if msgid.startswith("At my interview on %(day)s") and "%(when)s" in msgid
    ]
    assert len(openings) == 3, openings
    for msgid, text in openings:
        assert re.search(r"\besperaban decidir %\(when\)s", text), (msgid, text)


@pytest.mark.parametrize(
    "phrase", ["in a couple of weeks", "in a few days", "in two weeks", "in a few weeks"]
)
def test_no_spanish_check_in_says_a_window_unanchored(phrase: str) -> None:
    """The class of tests/test_words2.py::test_no_relative_timeframe_is_said_on_another_day
    (Spanish, after a window given at the interview), for every first check-in."""
    for interviewers in ([ANA], [ANA_BY_EMAIL]):
        iv = in_language(meeting(interviewers=interviewers, decision_by=phrase), "es")
        for step in plan(iv):
            if step.template is None or step.kind is not ActionKind.CHECK_IN:
                continue
            text = ANCHORED.sub("", render(step, iv).text)
            assert not RELATIVE["es"].search(text), text


def test_the_readers_corrections_are_in_the_catalog() -> None:
    spanish = "\n".join(_msgstrs("es"))
    for correction in (
        "Me encantaría incorporarme al equipo.",
        "Me llevé una muy buena impresión de lo que hablamos sobre %(topics)s.",
        "Entiendo perfectamente que estas decisiones requieren su tiempo.",
        "El puesto me sigue interesando mucho.",
        "Le escribo acerca del puesto de %(role)s en %(company)s.",
        "Tenía entendido que la decisión se esperaba %(when)s.",
    ):
        assert correction in spanish, correction
