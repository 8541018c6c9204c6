"""Wording round 30 (issue 19), words30es: the Spanish catalog (the blind reads r25, seed
6464, and r24, seed 4141).

1. Calques and stock lines retired, in every msgstr and every rendered Spanish message:
   «Disfruté al hablar de X con usted» (r25 11.6, 13.6, 06.5), «Trabajar con el equipo me
   entusiasmaría» (01.8, 02.5, 12.6, 14.17), «Cuento con X como base sólida» (04.6, 10.5),
   «Valoro especialmente …» (04.6, 10.5, beside «valioso»), «Gracias por escucharme»
   (04.7, 15.5), «¿Hay ya más claridad …?» (07.10), «He adjuntado …, como usted me indicó»
   (14.19, r24 07.7), «quería hacer un breve seguimiento» (02.7, 08.11, 12.9), «salude de
   mi parte a cada uno de sus colegas» (14.16), «los distintos puntos de vista de usted y de
   sus colegas» (14.12: views nobody recorded), «Su argumento, tal como lo anotó» (x.1), «el
   material ya enviado» (r24 14.21), «Quedo pendiente de su decisión» (r24 04.6: the reader
   may not decide), «Bienvenido de nuevo» (a greeting that takes the reader's gender),
   «…llegaría para el 1 de marzo, así que le escribo» (08.9: the reason is that the date
   has passed) and «pero si le resulta útil» without its comma (08.5).  «Llamé por
   teléfono» (01.11, 04.9) stays: «le llamé» says the reader was reached, which nobody
   knows (tests/test_words2.py, tests/test_words5.py).
2. Repetition inside one message: the "C" check-in asked the same thing twice («Le escribo
   para saber cómo avanza la selección … ¿Hay avances en el proceso de selección?», r25
   03.6, 09.7, 11.8, 13.9), the "A" one said *candidatura* in two sentences in a row (01.11,
   02.7, 04.9, 12.9), a thank-you said *avanzar* and *proceso* in two lines in a row (15.5);
   no rendered Spanish message says one of these words in two neighbouring sentences, nor
   asks about the progress of the selection twice.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from functools import cache
from itertools import pairwise

import pytest

from .test_corpus_checks import SCRIPTS
from .test_words27d import _msgstrs

SEEDS = (6464, 4141, 5858)

RETIRED = {
    "disfrutar al hablar": re.compile(r"\b[Dd]isfrut[éeoóa]\w* al hablar"),
    "me entusiasmaría (trabajar con el equipo)": re.compile(r"equipo me entusiasmar"),
    "contar con X como base": re.compile(r"\b[Cc]uento con\b[^.]*\bcomo base\b"),
    "valoro especialmente": re.compile(r"\b[Vv]aloro especialmente\b"),
    "gracias por escucharme": re.compile(r"\bescucharme\b"),
    "más claridad": re.compile(r"\bmás claridad\b"),
    "he adjuntado": re.compile(r"\b[Hh]e adjuntado\b"),
    "hacer un breve seguimiento": re.compile(r"hacer un breve seguimiento"),
    "para saber cómo avanza la selección": re.compile(r"para saber cómo avanza la selección"),
    "avances en el proceso de selección": re.compile(r"avances en el proceso de selección"),
    "salude de mi parte a cada uno": re.compile(r"salude de mi parte"),
    "puntos de vista de usted": re.compile(r"puntos de vista de usted"),
    "tal como lo anotó": re.compile(r"tal como lo anotó"),
    "el material ya enviado": re.compile(r"\benviarle el material ya enviado\b"),
    "pendiente de su decisión": re.compile(r"pendiente de su decisión"),
    "bienvenido de nuevo": re.compile(r"\b[Bb]ienvenid[oa] de nuevo\b"),
    "se me informó …, así que": re.compile(r"se me informó[^.]*, así que"),
    "pero si sin coma": re.compile(r"\bpero si\b"),
}
"""Each retired calque or stock line, as a pattern over a Spanish sentence."""


@cache
def _rendered() -> tuple[tuple[str, str], ...]:
    """(scenario key, subject and text) of every Spanish message (es, es_MX, es_CO) of the
    corpora of SEEDS."""
    sys.path.insert(0, str(SCRIPTS))
    try:
        import corpus
    finally:
        sys.path.remove(str(SCRIPTS))
    found: list[tuple[str, str]] = []
    for seed in SEEDS:
        for _, build in corpus.scenarios(seed):
            scenario = corpus.play(build("es"), {})
            for item in scenario.rendered:
                found.append((scenario.key, f"{item.message.subject or ''}\n{item.message.text}"))
    return tuple(found)


def _bodies() -> Iterator[tuple[str, str]]:
    """(scenario key, text) of every rendered Spanish e-mail or card, not the steps said in
    the room nor the call scripts (instructions to the candidate)."""
    for key, text in _rendered():
        if "\n- " in text or text.startswith("- ") or "Llame a " in text:
            continue
        yield key, text


_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE.split(text) if part.strip()]


def test_the_rendered_corpus_is_spanish_and_large() -> None:
    texts = [text for _, text in _rendered()]
    assert len(texts) > 300
    assert any("Estimada" in text for text in texts)
    assert len(list(_bodies())) > 150


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_catalog_sentence_keeps_a_retired_calque(name: str) -> None:
    found = [text for text in _msgstrs("es") if RETIRED[name].search(text)]
    assert not found, found


@pytest.mark.parametrize("name", sorted(RETIRED))
def test_no_rendered_spanish_message_keeps_a_retired_calque(name: str) -> None:
    for key, text in _rendered():
        assert not RETIRED[name].search(text), (key, text)


# -- 2. one word, two neighbouring sentences -------------------------------------------------

NEIGHBOURS = {
    "candidatura": re.compile(r"\bcandidatura\b"),
    "selección": re.compile(r"\bselección\b"),
    "avanzar": re.compile(r"\bavan(?:za|ce|zar|zando|ces|zado)\w*"),
    "disfrutar": re.compile(r"\bdisfrut\w*", re.IGNORECASE),
    "conversar": re.compile(r"\bconvers(?:ar|ación|amos)\b"),
}
"""Words a careful reader marks when two sentences in a row say them (r25 es 01.11,
15.5, 06.5)."""


@pytest.mark.parametrize("word", sorted(NEIGHBOURS))
def test_no_word_is_said_in_two_neighbouring_sentences(word: str) -> None:
    pattern = NEIGHBOURS[word]
    for key, text in _bodies():
        body = text.split("\n", 1)[1]
        sentences = _sentences(body)
        for one, other in pairwise(sentences):
            assert not (pattern.search(one) and pattern.search(other)), (key, one, other)


PROGRESS_QUESTION = re.compile(
    r"cómo (?:avanza|va) (?:la selección|el proceso)|avances en el proceso|"
    r"ha avanzado (?:ya )?el proceso|en qué punto está el proceso"
)


def test_no_check_in_asks_about_the_progress_of_the_selection_twice() -> None:
    for key, text in _bodies():
        assert len(PROGRESS_QUESTION.findall(text)) <= 1, (key, text)


def test_the_readers_corrections_are_in_the_catalog() -> None:
    spanish = "\n".join(_msgstrs("es"))
    for correction in (
        "¿Se conoce ya el calendario de la siguiente fase?",
        "Puede apoyarse en lo que anotó: %(fit)s.",
        # words32b (r27 en 02.8, 03.7): what went to colleagues is named, and to whom; the
        # r25 reader's «reenviarle … que hice llegar a» kept
        "también puedo reenviarle %(items)s, que hice llegar a %(people)s.",
        "Tal como me indicó, le adjunto %(items)s%(also)s.",
        "Fue muy interesante conocer a distintas personas del equipo.",
    ):
        assert correction in spanish, correction
