"""Round 17b of the translations (the fourteenth blind read, corpus seed 8282).

Each test names the line the German, French or Spanish reader quoted and checks the
class it belongs to, over every wording of its kind; each fails on the catalogs (or
the Spanish card greeting) before this round.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

from followup_rules import Interviewer, Salutation
from followup_rules._languages import language

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"


def _catalog(code: str) -> Catalog:
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as handle:
        return read_po(handle)


def _english(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _where(message: Message) -> set[str]:
    return {path for path, _ in message.locations}


def _said(code: str, where: str | None = None) -> list[str]:
    return [
        s
        for message in _catalog(code)
        if message.id and (where is None or where in _where(message))
        for s in _strings(message)
    ]


# -- the lines the readers quoted, gone from every wording --------------------------

_REJECTED = {
    "de": [
        "sie zögern lässt",  # the closing step's doubts question, 14 times
        "weise ich hier darauf hin",
        "Wie auch immer der Zeitplan",
        "Überblick verschafft",
        "Rufen Sie zuerst an",
        "und zwar",
        "falls man sich",
        "Prüfung meiner Bewerbung",
        "Ich hoffe, es geht Ihnen gut",
        "Bis dahin alles Gute",
        "Berührungspunkte",
        "Als Grundlage für die neue Aufgabe",  # "Aufgabe" twice beside the interest line
        "Als Beitrag kann ich",
        "den nächsten Schritt zu gehen",
        "eine Runde weiter bin",
        "Sind für die Runde",
        "hat mich bereichert",
        "Besuchs zur Stelle",
        "mit Zuversicht an",
        "dass meine Bewerbung weiter berücksichtigt",
        "An der Aufgabe liegt mir",
        "Nachricht vom %(day)s über die Stelle",
    ],
    "fr": [
        "sera appréciée",
        "serait très apprécié",  # the same calque of "would be appreciated"
        "meilleurs vœux pour les semaines",
        "d’ici quand",
        "me serve pleinement",
        "Ma motivation pour cette étape",
        "j’aimerais vraiment occuper",
        "n’hésitez pas à m’en faire part",
        "J’espère que tout va bien pour vous",
        "au cas où mon message vous aurait échappé",
        "Ce défi me motive",  # no challenge was named
        "faire valoir",
        "trouvé le temps pour",
        "a retenu toute mon attention",
        "je souhaiterais savoir où en est",
        "comment les choses vont évoluer",
        "j’aborde ce poste avec confiance",
        "me donne toute confiance",
        "a-t-elle déjà été prise",
        "puisse évoluer, et",
    ],
    "es": [
        "Me alegra participar",
        "surgieran",
        "El trabajo me resulta muy interesante",
        "me enriqueció",
        "me da plena confianza",
        "hay muchos puntos en común",
        "Le deseo que todo le vaya bien",
        "Espero que se encuentre bien",
        "Le deseo lo mejor para las próximas semanas",
        "Sus noticias serán muy bien recibidas",
    ],
}


@pytest.mark.parametrize("code", sorted(_REJECTED))
def test_quoted_wordings_are_gone(code: str) -> None:
    text = "\n".join(_said(code))
    assert [phrase for phrase in _REJECTED[code] if phrase in text] == []


# -- German: the closing step asks about doubts without a calque ------------------


def test_the_german_doubts_question_has_no_ambiguous_pronoun() -> None:
    """ "Fragen Sie, ob etwas an Ihrem Werdegang sie zögern lässt, Ihnen ein Angebot zu
    machen": a lowercase "sie" (the interviewers) between "Ihrem" and "Ihnen" reads as a
    typo of "Sie", and asking what keeps them from an offer is a sales close.  Every
    wording of the question about doubts names neither."""
    asks = [
        s
        for message in _catalog("de")
        if message.id and re.search(r"hesitate|doubts", _english(message))
        for s in _strings(message)
        if s.startswith(("Fragen", "Nach", "Abschluss"))
    ]
    assert len(asks) >= 2
    for said in asks:
        assert not re.search(r"\bsie\b", said), said
        assert "Angebot" not in said, said


# -- German: a follow-up's stock line is not two ideas joined by ", und" ----------

_FOLLOW_UP = {
    "templates/_check_in_middle.txt",
    "templates/_last_for_now.txt",
    "templates/check_in_email.txt",
    "templates/check_in_call.txt",
    "templates/next_steps_email.txt",
}


def test_german_follow_up_lines_join_no_unrelated_clauses_with_und() -> None:
    """ "Über Neuigkeiten zum Zeitplan würde ich mich freuen, und weitere Informationen
    schicke ich Ihnen bei Bedarf zu." (five times): a wish and an offer are two
    sentences.  No line of a follow-up starts a second main clause after ", und" with a
    new subject or object of its own (a question that asks two things keeps its "und")."""
    joined = re.compile(
        r", und (?:ich (?:rufe Sie|bespreche|freue)|für einen|weitere"
        r"|die Stelle|bis zu|da eine)\b",
    )
    found = [
        s
        for message in _catalog("de")
        if message.id and _where(message) & _FOLLOW_UP
        for s in _strings(message)
        if joined.search(s) and "?" not in s
    ]
    assert found == []


def test_the_debrief_says_who_might_call() -> None:
    """ "falls man sich bei Ihnen meldet" and "Rufen Sie zuerst an": the script says when
    to call, not "first" before nothing.  words26a class 2 (r22 en 11.5) rewrote the
    first check, which pinned "bevor sich jemand von dort bei Ihnen meldet": the debrief
    e-mail says nothing of what the company will do (no history records that it will
    get in touch), in German as in English."""
    debrief = [
        s
        for message in _catalog("de")
        if message.id and "templates/recruiter_debrief_email.txt" in _where(message)
        for s in _strings(message)
    ]
    assert len(debrief) >= 10
    assert [s for s in debrief if re.search(r"meldet|von dort", s)] == []
    (first,) = [
        s
        for message in _catalog("de")
        if message.id and _english(message).startswith("Call before %(company)s does")
        for s in _strings(message)
    ]
    # words19b (r16 de 02.4): "möglichst bald ... möglichst früh" in one script; the
    # line before says when ("möglichst bald"), this one why
    assert "zuerst" not in first and "möglichst" not in first and "%(company)s" in first


# -- closing lines of a chase: no opening wish tacked on after the question -------

_OPENING_WISH = {
    "de": re.compile(r"geht Ihnen gut|Ich hoffe, Sie (?:sind|hatten)"),
    "fr": re.compile(r"tout va bien|vous portez bien"),
    "es": re.compile(r"se encuentre bien|le vaya bien|esté bien"),
}


@pytest.mark.parametrize("code", sorted(_OPENING_WISH))
def test_a_chase_does_not_end_on_a_wish_that_opens_a_letter(code: str) -> None:
    """ "¿Hay alguna novedad sobre la decisión? Le deseo que todo le vaya bien." / "Ich
    hoffe, es geht Ihnen gut." after the question / « J’espère que tout va bien pour
    vous » in a third chase: the wish opens a letter; the closing line of a chase
    closes it (a line that waits for the answer or stays available)."""
    wishes = [
        s for s in _said(code, "templates/_check_in_middle.txt") if _OPENING_WISH[code].search(s)
    ]
    assert wishes == []


def test_french_closing_lines_are_no_calque_or_season_wish() -> None:
    """ "Toute nouvelle de votre part sera appréciée" calques "would be appreciated";
    "mes meilleurs vœux pour les semaines à venir" is for New Year."""
    said = _said("fr", "templates/_check_in_middle.txt")
    assert said
    assert not [s for s in said if re.search(r"\bappréciée?s?\b(?! de)|\bvœux\b", s)]


def test_french_follow_up_names_no_step_it_has_not_introduced() -> None:
    """ "Ma motivation pour cette étape reste entière." (07.8): no step was named in the
    e-mail; the next-round lines speak of the next step or the role."""
    assert not [s for s in _said("fr", "templates/_check_in_middle.txt") if "cette étape" in s]


def test_a_french_link_is_not_under_ci_joint() -> None:
    """ "vous trouverez ci-joint deux références, ainsi que mon portfolio en ligne :
    [lien]": a link is not attached.  The fragment that adds links to attached
    documents starts a clause of its own ("et je vous communique"; "et voici" was
    rejected by the eleventh read)."""
    for message in _catalog("fr"):
        if message.id and _english(message) == ", and here is %(links)s":
            assert all(s.startswith(", et je vous communique ") for s in _strings(message))
            break
    else:
        raise AssertionError("no links fragment")


# -- Spanish grammar: agreement, tense, a doubled "si", an unclear "le" -----------


def test_spanish_adjunto_before_the_items_is_the_verb() -> None:
    """ "le envío adjunto dos ejemplos de código": "adjunto" after another verb is an
    adjective and must agree with the items, which may be plural; every wording uses
    the verb ("le adjunto") or no "adjunto" before the items."""
    for said in _said("es"):
        for match in re.finditer(r"(\w+) adjunt[oa]s? %\(items\)s", said):
            assert match.group(1).lower() == "le", said


def test_spanish_instructions_use_no_doubled_conditional_si() -> None:
    """ "pregunte si puede volver a ponerse en contacto si para entonces no ha recibido
    noticias": a "whether" and an "if" in one clause.  Two coordinated questions ("y
    si prefiere") are not the defect."""
    doubled = re.compile(r"\bsi\b[^,.;?:]*(?<!\by )(?<!\bo )\bsi\b")
    assert [s for s in _said("es") if doubled.search(s)] == []


def test_spanish_debrief_keeps_the_tense_of_what_happened() -> None:
    """ "las dudas que surgieran en la entrevista": the doubts were raised (or not) at
    an interview that is over, said in the present perfect subjunctive."""
    said = _said("es", "templates/recruiter_debrief_call.txt") + _said(
        "es", "templates/recruiter_debrief_email.txt"
    )
    assert said
    assert not [s for s in said if re.search(r"\b\w+(?:ieran|aran)\b", s)]


def test_spanish_tell_them_says_whose_interest() -> None:
    """ "Diga a Óscar Vidal que le interesa trabajar en Datos del Sur": "le" can be
    Vidal.  The instruction says the interest is the candidate's: "su interés" after an
    imperative to the candidate (words24c: the stressed "a usted le interesa" read odd
    to the nineteenth read)."""
    (tell,) = [
        s
        for message in _catalog("es")
        if message.id and _english(message).startswith("Tell %(name)s that you are interested")
        for s in _strings(message)
    ]
    assert "que le interesa" not in tell
    assert re.match(r"Transmita a %\(name\)s su interés", tell)


# -- salutations when the gender is unknown ---------------------------------------


@pytest.mark.parametrize("region", ["es", "es_AR", "es_CL", "es_CO"])
@pytest.mark.parametrize("style", list(Salutation))
def test_a_spanish_card_never_opens_with_the_bare_name(region: str, style: Salutation) -> None:
    """Card 04.6 "Ariel Navarro:": the name alone reads as a form; the name and the
    formal letter's greeting line "Reciba un cordial saludo." (a card has no hour for
    "Buenos días", test_words3; "Hola," beside usted was too familiar to the r22 reader,
    words26c), or "Hola," before a first name, claims no gender ("Estimado/a" would
    write it as a slash)."""
    ariel = Interviewer("Ariel Navarro")
    card = language(region).greeting(ariel, style, None)
    if style is Salutation.FIRST_NAME:
        assert card == "Hola, Ariel:"
    else:
        assert card == "Ariel Navarro:\nReciba un cordial saludo."
    assert "/" not in card


def test_the_documented_neutral_salutations_hold() -> None:
    """The decision of this round, per language (docs/templates.md): German keeps the
    doctorate before the full name, French "Bonjour" and the full name (on a card
    too, words26c), Spanish the time of day the letter is sent at and
    the name (words25d, r20 es C5); none assumes a gender from a first name."""
    robin = Interviewer("Robin Keller", honorific="Dr.")
    assert (
        language("de").greeting(robin, Salutation.HONORIFIC, 10) == "Guten Tag, Dr. Robin Keller,"
    )
    marc = Interviewer("Marc Dubois")
    assert language("fr").greeting(marc, Salutation.HONORIFIC, 10) == "Bonjour Marc Dubois,"
    assert language("fr").greeting(marc, Salutation.HONORIFIC, None) == "Bonjour Marc Dubois,"
    ariel = Interviewer("Ariel Fernández")
    assert (
        language("es").greeting(ariel, Salutation.HONORIFIC, 9) == "Buenos días, Ariel Fernández:"
    )
