"""Wording round 31 (issue 19), words31es: the Spanish catalog after the blind read r26
(seed 7676).

Stock lines, calques and stiff closes the r26 reader marked are retired from every msgstr
of the Spanish catalog and from every rendered Spanish message (es, es_MX, es_CO) of seed
7676's corpus: «podría frenar una oferta» (x.1, a calque of "hold back from an offer"),
«Hablar con usted de X fue muy
agradable» (01.7, 13.5), the «…, ya que en mi entrevista … entendí» opening (01.10, 04.9,
06.6, 10.8, 13.6, 15.7), «… y ahora le escribo (por correo)» after a call or voicemail
(03.7, 11.10, 14.21), «sigue igual de vivo» (03.8, 04.11, 09.10, 11.11, 14.22), «Hágales
llegar también mi gratitud» (14.19, an order to a senior reader), the closes «Gracias por
leer mi mensaje» (08.11), «Gracias, y espero su respuesta» (13.8) and «Gracias, y espero
que sigamos en contacto» (14.22), «le hago llegar mi opinión sobre el proceso» (06.7,
"proceso" three times) and «Tal como se me pidió en la entrevista» right after thanks for
the interview (04.6).
"""

from __future__ import annotations

import re
import sys
from functools import cache

import pytest

from .test_corpus_checks import SCRIPTS
from .test_words27d import _msgstrs

SEED = 7676

RETIRED = {
    "frenar una oferta": re.compile(r"\bfrenar una oferta\b"),
    "hablar con usted de … fue muy agradable": re.compile(
        r"\b[Hh]ablar con usted de\b[^.]*\bfue muy agradable\b"
    ),
    "ya que en mi entrevista … entendí": re.compile(r"\bya que en mi entrevista\b"),
    "y ahora le escribo": re.compile(r"\by ahora le escribo\b"),
    "igual de vivo": re.compile(r"\bigual de vivo\b"),
    "hágales llegar": re.compile(r"\b[Hh]ágales llegar\b"),
    "gracias por leer mi mensaje": re.compile(r"\bleer mi mensaje\b"),
    "gracias, y espero su respuesta": re.compile(r"\bGracias, y espero su respuesta\b"),
    "espero que sigamos en contacto": re.compile(r"\besper\w* que sigamos en contacto\b"),
    "le hago llegar mi opinión sobre el proceso": re.compile(
        r"\bhago llegar mi opinión sobre el proceso\b"
    ),
    "se me pidió en la entrevista, le adjunto": re.compile(
        r"\bse me pidió en la entrevista, (?:le adjunto|aquí tiene)\b"
    ),
}
"""Each retired line, as a pattern over a Spanish sentence."""


@cache
def _rendered() -> tuple[tuple[str, str], ...]:
    """(scenario key, subject and text) of every Spanish message of seed 7676's corpus."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    found: list[tuple[str, str]] = []
    for _, build in corpus.scenarios(SEED):
        scenario = corpus.play(build("es"), {})
        for item in scenario.rendered:
            found.append((scenario.key, f"{item.message.subject or ''}\n{item.message.text}"))
    return tuple(found)


def test_the_rendered_corpus_is_spanish_and_large() -> None:
    texts = [text for _, text in _rendered()]
    assert len(texts) > 100
    assert any("Estimad" in text for text in texts)


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_catalog_sentence_keeps_a_retired_line(name: str) -> None:
    found = [text for text in _msgstrs("es") if RETIRED[name].search(text)]
    assert not found, found


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_rendered_spanish_message_keeps_a_retired_line(name: str) -> None:
    for key, text in _rendered():
        assert not RETIRED[name].search(text), (key, text)


def test_the_readers_corrections_are_in_the_catalog() -> None:
    spanish = "\n".join(_msgstrs("es"))
    for correction in (
        "Pregunte si hay algo en su perfil que les genere dudas",
        "le escribo por si le resulta más cómodo responder por correo.",
        "El puesto me sigue interesando mucho.",
        "Muchas gracias por su atención.",
        "Me llevé una muy buena impresión de lo que hablamos sobre %(topics)s.",
    ):
        assert correction in spanish, correction
