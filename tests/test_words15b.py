"""Words round 15b, from the twelfth blind reads (corpus 4646), msgstr only.

1. Truth in the missed-point sentences: the input says only that a point was not
   mentioned, so no translation gives a reason (es "No tuvimos tiempo", "No hubo
   tiempo", de "keine Zeit", fr "pas eu le temps", "Faute de temps"), implies that it
   was partly discussed (de "noch ausführlicher", es "con más detalle", fr "vous en
   parler davantage"), or has the candidate undermine themselves ("Ich hätte ...
   erwähnen sollen", "J'aurais dû", "debí mencionar"); a relative pronoun agrees with
   a point whose gender is unknown only through a neutral word (es "de lo que" after
   "mi certificación"). A feeling the English does not give is not added (fr "avec
   une grande joie", es "me llenó de alegría" for "was very welcome").
2. Stock, resigned or inverted lines (de "Ich lasse den Dingen nun ihren Lauf",
   "Danke für Ihr Interesse an meiner Bewerbung", "Ich verstehe, dass sich Zeitpläne
   verschieben können, und", "im Auswahlverfahren weiterzukommen"; fr "Cette
   opportunité me motive au plus haut point", "Je ne vous relancerai pas pour
   l'instant", "reste mon souhait, et je reste", "avec intérêt" beside "intérêt"; es
   "Le deseo acierto", "Tengo un gran interés", "Sigo con mucho interés.", "Quedo
   pendiente de su respuesta, cuando pueda enviarla", "quise hablar").
3. Calques and wrong verbs (de "von hier aus", "würde es mir erlauben", "echtes
   Anliegen", "gibt mir das Vertrauen", "überzeugt ... könnte", "gegen ein Angebot";
   fr "Revenir sur", "passer en revue", "Je retiens en particulier", "Autre moment
   marquant :", "J'ai aussi été très sensible"; es "apoyarme en", "Me ayudó",
   "Guardo un gran recuerdo", "Incluyo", "de usted").
4. A word twice in one message (es "Este puesto me entusiasma. Para este puesto",
   "agradecerle la entrevista para el puesto", "especialmente ... especialmente"; fr
   "poste ... poste", "très utile ... très utile").
"""

from __future__ import annotations

import re

import pytest

from followup_rules._languages import language

from .test_words10 import _plural_msgids
from .test_words13b import _catalog, _wordings

LANGUAGES = ("de", "fr", "es")

# -- 1. the missed point ------------------------------------------------------------------

INVENTED = {
    "de": r"\bZeit\b|ausführlich|noch näher|\bhätte\b.*\bsollen|nicht mehr",
    "fr": r"\btemps\b|davantage|\baurais\b.*\bdû\b",
    "es": r"\btiempo\b|más detalle|\bdebí\b|(?<!algo )\bde lo que\b|\bno salió|\bno salieron",
}
"""A reason for the miss (time), a fuller talk implied, a self-reproach, or a pronoun
that names the point's gender."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_gives_no_reason_and_no_reproach(code: str) -> None:
    """Class 1: r12 es 03.4, 10.5 "No tuvimos tiempo de tratar ... con más detalle", de
    10.5 "noch ausführlicher", de 07.7 "Ich hätte ... erwähnen sollen"; every wording,
    singular and plural."""
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    translations = language(code).translations
    found = [
        text
        for singular, plural in ids
        for count in (1, 2, 5)
        if re.search(INVENTED[code], text := translations.ngettext(singular, plural, count))
    ]
    assert not found, found


def test_no_feeling_the_english_does_not_give() -> None:
    """Class 1: "very pleased" and "very welcome" are not "une grande joie" nor "me
    llenó de alegría"."""
    fr, es = _catalog("fr"), _catalog("es")
    assert (
        "joie"
        not in fr[
            "I was very pleased to receive the offer, and I would like to learn more about it."
        ]
    )
    assert "alegría" not in es["The news that I will continue to the next round was very welcome."]


# -- 2 and 3. the lines the twelfth reads quoted ------------------------------------------

QUOTED = {
    "de": [
        r"ihren Lauf",  # resigned
        r"Interesse an meiner Bewerbung",  # the recruiter's phrase turned round
        r"^Ich verstehe, dass sich Zeitpläne",  # a calque, and an "und" joining two ideas
        r"im Auswahlverfahren weiterzukommen",  # submissive
        r"von hier aus",  # "from here"
        r"würde es mir erlauben",  # "would allow me"
        r"echtes Anliegen",
        r"gibt mir das Vertrauen",  # "gives me the confidence"
        r"überzeugt, .*\bkönnte\b",  # certainty in the subjunctive
        r"zugutekäme",
        r"gegen ein Angebot",
        r"ungebrochen",
        r"ist mir willkommen",
        r"^Was laut Ihren Notizen",  # a fragment
        r"Ich habe es geschätzt",
        r"in diese Stelle einbringen",
        r"^Für die Stelle sehe",  # "Stelle" a third time
    ],
    "fr": [
        r"au plus haut point",
        r"\bopportunité\b",  # an anglicism
        r"relancerai pas pour l’instant",  # reads as a threat
        r"reste mon souhait, et je reste",
        r"intérêt.*avec intérêt|avec intérêt.*intérêt",
        r"^Revenir sur",
        r"passer en revue",
        r"Je retiens en particulier",
        r"^Autre moment marquant",  # a fragment with no first highlight
        r"J’ai aussi été très sensible",  # "aussi" with nothing before it
        r"freiner une offre",
        r"m’a vraiment plu",
        r"Rejoindre vos rangs",
        r"^Ainsi que .*ainsi que|^Ainsi que vous l’avez demandé, vous trouverez",
        r"Un grand merci pour cet échange très agréable",
        r"J’espère avancer",
        r"vous sont utiles, je vous les",
        r"écris donc par courriel",
        r"Je lirai votre réponse avec intérêt",
        r"Pour ce poste, je|^Dans ce poste",  # "poste" twice beside "Ce poste ..."
    ],
    "es": [
        r"acierto en su decisión",  # reads as giving up
        r"Tengo un gran interés",  # in every call script
        r"^Sigo con mucho interés\.$",  # incomplete
        r"Quedo pendiente de su respuesta, cuando",
        r"quise hablar",
        r"apoyarme en",  # the experience as a crutch
        r"Me ayudó",
        r"Guardo un gran recuerdo",
        r"^Incluyo",
        r"de contacto de usted",
        r"^Para este puesto",  # "puesto" twice beside "Este puesto me entusiasma."
        r"agradecerle la entrevista para el puesto",
        r"me pareció muy amena",
        r"encontrara un momento",
        r"^Otro momento destacado",
        r"^Además, agradecí",
        r"me veo capaz",
        r"me resulte de gran ayuda",
        r"me llenó de alegría",
        r"me sigue entusiasmando, y puede",  # two ideas joined by "y"
    ],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_line_the_twelfth_reads_quoted_is_left(code: str) -> None:
    """Classes 2 and 3: every msgstr is free of the lines the readers quoted."""
    found = [
        (pattern, string)
        for string in _catalog(code).values()
        for pattern in QUOTED[code]
        if re.search(pattern, string, re.MULTILINE)
    ]
    assert not found, found


# -- 4. a word twice in one note ----------------------------------------------------------

ROLE_WORD = {"de": r"\bStelle\b", "fr": r"\bposte\b", "es": r"\bpuesto\b"}
"""The word for the role, which the opening already says."""

PAIRED = {
    "fr": r"\btrès utile\b",
    "es": r"\bespecialmente\b",
}
"""What a part-of-the-day line and a recall line may not both say."""


def _chains(name: str, member: str | None = None) -> list[list[str]]:
    return [
        list(dict.fromkeys(chain))
        for file, chain in _wordings()
        if file == name and (member is None or member in chain)
    ]


def _said(code: str, chains: list[list[str]], pattern: str) -> list[str]:
    catalog = _catalog(code)
    return [catalog[m] for chain in chains for m in chain if re.search(pattern, catalog[m])]


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_interest_and_fit_lines_do_not_both_name_the_role(code: str) -> None:
    """Class 4: r12 es 01.9 "Este puesto me entusiasma. Para este puesto ...", fr 02.6
    "Ce poste m'enthousiasme. Dans ce poste ...", de 01.7 "Diese Stelle begeistert
    mich. Für die Stelle ...": a note says one interest line and one fit line, after an
    opening that names the role, so the word for the role is in the wordings of one
    of the two sentences at most."""
    interest = _chains(
        "_thanks_interest.txt", "I am excited at the prospect of joining the company."
    )
    fit = _chains("_thanks_fit.txt")
    assert interest and fit
    both = _said(code, interest, ROLE_WORD[code]), _said(code, fit, ROLE_WORD[code])
    assert not all(both), both


@pytest.mark.parametrize("code", sorted(PAIRED))
def test_the_part_and_recall_lines_do_not_share_a_phrase(code: str) -> None:
    """Class 4: r12 es 01.9 "Valoré especialmente el recorrido ... me pareció
    especialmente interesante", fr 11.6 "J'ai trouvé très utile le tour ... m'a été très
    utile": the part-of-the-day line and the recall line of one note."""
    part, recall = _chains("_thanks_part.txt"), _chains("_thanks_recall.txt")
    assert part and recall
    both = _said(code, part, PAIRED[code]), _said(code, recall, PAIRED[code])
    assert not all(both), both
