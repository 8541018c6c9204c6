"""Words round 13b, from the tenth blind reads (corpus 2424), msgstr and grammar only.

1. Stock lines: where the English has several wordings of a thank-you sentence
   (interest, fit, the interviewer's part, the recap, the opening), each translation
   is a sentence of its own, not a near-repeat of another wording in the same
   language ("Diese Gelegenheit interessiert mich sehr." beside "Die Stelle
   interessiert mich sehr.", "Ce poste m'intéresse tout particulièrement." beside
   "Ce poste m'intéresse vivement.", "Vielen Dank für ..." beside "Herzlichen Dank
   für ..." with the rest the same): the variety of the English carries through.
2. Greetings: a German title without Frau or Herr goes before the full name ("Guten
   Tag Dr. Robin Keller,"); Mexico writes "Apreciable" and the name, at any hour and
   on a card; a French card opens "Chère Madame," (an e-mail keeps
   "Bonjour Madame Dubois,").
3. The other classes the reads quote: calques ("dass Sie meine Bewerbung
   berücksichtigen", "Lamento saber que"), a register that threatens silence or
   grants time ("Vorerst schreibe ich Ihnen nicht erneut", "Le dejo tiempo para
   decidir; avíseme"), stiff tenses ("erfuhr ich, dass ... vorgesehen war"),
   reproachful openings ("seit dem ... weiß ich"), opinions or events the input does
   not give ("profundizar", "por lo que me contó", "très stimulante"), vague lines
   ("Gern würde ich meinen Beitrag leisten"), a word twice in one sentence ("Nach
   meinem Stand ... nach dem aktuellen Stand").
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from followup_rules import ActionKind, Interviewer, Salutation, plan, render
from followup_rules._languages import language

from .prose import masks, meaningful, sentences
from .test_writing import in_language, meeting

ROOT = Path(__file__).resolve().parent.parent / "src" / "followup_rules"
LOCALES = ROOT / "locales"
TEMPLATES = ROOT / "templates"
LANGUAGES = ("de", "fr", "es")


def _catalog(code: str) -> dict[str, str]:
    """A language's msgstr by msgid (a plural entry by its singular, its first form)."""
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as file:
        catalog = read_po(file)
    found = {}
    for message in catalog:
        if not message.id:
            continue
        key = message.id if isinstance(message.id, str) else message.id[0]
        string = message.string if isinstance(message.string, str) else message.string[0]
        found[key] = string
    return found


# -- 1. the wordings of one sentence stay apart ----------------------------------------

_CALL = re.compile(r'_\(\s*"((?:[^"\\]|\\.)*)"')
_WORDING = re.compile(r"\{%-?\s*(?:el)?if n == \d+(?:\s|%)")
_ELSE = re.compile(r"\{%-?\s*else\s*-?%\}")
_PLACEHOLDER = re.compile(r"%\(\w+\)s")


def _wordings() -> list[tuple[str, list[str]]]:
    """Each chain of wordings of one thank-you sentence (``{% if n == 0 %} ... {% else
    %}``) in the note's slot templates, but for the belated openings, whose every
    wording must say that the note is late."""
    chains = []
    for path in sorted(TEMPLATES.glob("_thanks_*.txt")):
        chain: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if _WORDING.search(line) and "n == 0" in line:
                chain = _CALL.findall(line)
            elif _WORDING.search(line) or (chain and _ELSE.search(line)):
                chain += _CALL.findall(line)
            elif chain and re.search(r"\{%-?\s*endif", line):
                if len(chain) > 1 and not any("belated" in msgid for msgid in chain):
                    chains.append((path.name, chain))
                chain = []
    return chains


_INTENSIFIERS = frozenset(
    {
        *("particularly", "especially", "really", "greatly", "much"),
        *("besonders", "wirklich", "äußerst", "ganz"),
        *("particulièrement", "spécialement", "vivement", "vraiment", "énormément", "tout"),
        *("especialmente", "realmente", "verdaderamente", "muchísimo"),
    }
)
"""Words that only raise the volume ("tout particulièrement", "vivement"): two wordings
that differ in them alone say the same thing."""


def _content(sentence: str, code: str) -> set[str]:
    """The words of a sentence that say something, placeholders and intensifiers aside."""
    words = re.findall(r"[^\W\d_]+", _PLACEHOLDER.sub(" ", sentence).casefold())
    return set(meaningful(words, code)) - _INTENSIFIERS


def close(one: str, other: str, code: str) -> bool:
    """Whether two wordings read as one sentence: more than half of the content words
    of the shorter are the other's too ("Die Stelle interessiert mich sehr." and "Diese
    Gelegenheit interessiert mich sehr.": "interessiert" is all either says)."""
    a, b = _content(one, code), _content(other, code)
    small = min(len(a), len(b))
    return one == other or (small >= 1 and len(a & b) * 2 > small)


def test_the_wordings_are_found() -> None:
    """The chains are the slots' (seven wordings and the spare one), and the measure
    finds what the reads found and passes distinct sentences."""
    chains = dict(_wordings())
    assert {"_thanks_interest.txt", "_thanks_fit.txt", "_thanks_part.txt"} <= set(chains)
    assert all(len(chain) >= 8 for _, chain in _wordings())
    assert close(
        "Diese Gelegenheit interessiert mich sehr.", "Die Stelle interessiert mich sehr.", "de"
    )
    assert close(
        "Ce poste m’intéresse tout particulièrement.", "Ce poste m’intéresse vivement.", "fr"
    )
    assert not close("Diese Aufgabe reizt mich sehr.", "Die Stelle interessiert mich sehr.", "de")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_wordings_of_a_thank_you_sentence_stay_apart(code: str) -> None:
    """Class 1: two wordings the English keeps apart are two sentences in translation
    too, so that notes across applications and colleagues' notes do not read alike."""
    catalog = _catalog(code)
    found = []
    for name, chain in _wordings():
        for one, other in itertools.combinations(dict.fromkeys(chain), 2):
            if close(one, other, "en"):
                continue
            said, also = catalog[one], catalog[other]
            if close(said, also, code):
                found.append(f"{name}: {said!r} / {also!r}")
    assert not found, "\n".join(found)


# -- 2. greetings ----------------------------------------------------------------------


@pytest.mark.parametrize("region", ["de", "de_AT", "de_CH"])
def test_a_german_title_without_frau_or_herr_goes_before_the_full_name(region: str) -> None:
    """Class 2: "Guten Tag Dr. Robin Keller," (the full name stands where Frau or Herr
    would); "Dr. Keller" alone without them is no written German form of address."""
    german = language(region)
    robin = Interviewer("Robin Keller", honorific="Dr.")
    for hour in (None, 10):
        assert german.greeting(robin, Salutation.HONORIFIC, hour) == "Guten Tag, Dr. Robin Keller,"
    keller = Interviewer("Ana Keller", honorific="Ms. Dr.")
    assert german.greeting(keller, Salutation.HONORIFIC) == "Sehr geehrte Frau Dr. Keller,"


def test_mexico_greets_an_unknown_gender_with_apreciable() -> None:
    """Class 2: Mexico's neutral written opening has no hour ("Buenos días" in a letter
    read in the afternoon) and suits a card (no bare name); Spain writes the time of
    day the letter is sent at and the name (words25d: "Hola" beside usted was the
    informal register on a formal letter, r20 es C5), and a known gender keeps
    "Estimada"."""
    ariel = Interviewer("Ariel Navarro")
    mexico, spain = language("es_MX"), language("es")
    for hour in (None, 9, 16):
        assert mexico.greeting(ariel, Salutation.HONORIFIC, hour) == "Apreciable Ariel Navarro:"
    assert spain.greeting(ariel, Salutation.HONORIFIC, 9) == "Buenos días, Ariel Navarro:"
    assert spain.greeting(ariel, Salutation.HONORIFIC, 16) == "Buenas tardes, Ariel Navarro:"
    # a card is never opened by the bare name (words17b), nor by a time of day, nor by
    # "Hola," beside usted (words26c, r22 es 04.6)
    assert (
        spain.greeting(ariel, Salutation.HONORIFIC, None)
        == "Ariel Navarro:\nReciba un cordial saludo."
    )
    ana = Interviewer("Ana Ruiz", honorific="Ms.")
    assert mexico.greeting(ana, Salutation.HONORIFIC, 9) == "Estimada Sra. Ruiz:"
    # a first name is not put after "Apreciable"
    assert mexico.greeting(ariel, Salutation.FIRST_NAME, 9) == "Hola, Ariel:"


@pytest.mark.parametrize(
    ("honorific", "card", "mail"),
    [
        ("Ms.", "Chère Madame,", "Bonjour Madame Dubois,"),
        ("Mr. Dr.", "Cher Monsieur,", "Bonjour Monsieur Dubois,"),
        (None, "Bonjour Claude Dubois,", "Bonjour Claude Dubois,"),
    ],
)
def test_a_french_card_is_not_an_email(honorific: str | None, card: str, mail: str) -> None:
    """Class 2: "Bonjour" on a handwritten card is the wrong register; a card (no hour)
    opens "Chère Madame", and without the gender, which "Cher" needs, "Bonjour" and the
    full name (words26c: "Madame, Monsieur," is the form letter's salutation, jarring on
    a personal card to the r22 reader, fr 04.7; words25d had chosen it, r20 fr C8)."""
    claude = Interviewer("Claude Dubois", honorific=honorific)
    french = language("fr")
    assert french.greeting(claude, Salutation.HONORIFIC, None) == card
    assert french.greeting(claude, Salutation.HONORIFIC, 10) == mail


# -- 3. the reads' other classes ---------------------------------------------------------

QUOTED = {
    "de": [
        r"Diese Gelegenheit interessiert",  # "This opportunity interests me"
        r"meine Bewerbung berücksichtigen",  # reads as if they had agreed to consider it
        r"untergegangen",  # "in case my note was missed", three days on
        r"Vorerst schreibe ich Ihnen nicht",  # a threat to go quiet
        r"\berfuhr ich\b",  # the literary preterite in an e-mail
        r"seit dem %\(day\)s weiß ich",  # reproachful
        r"Sobald Sie sich wieder eingefunden",
        r"meinen Beitrag leisten\.",  # to what?
        r"^Im Team mitzuarbeiten",  # no possessive
        r"Gespräch über %\(topics\)s war sehr hilfreich",  # helpful for what?
        r"nicht mehr erwähnt, und bei Interesse",
        r"^danke, dass",  # the one informal thanks among formal ones
    ],
    "fr": [
        r"m’intéresse tout particulièrement",  # stacked intensifiers
        r"très stimulante",  # an opinion the candidate never gave
        r"Intégrer l’organisation",
        r"Apporter ma contribution",  # to what?
        r"Prenez le temps",  # imperatives to the employer
        r"Je souhaitais également mentionner",  # souhaitais ... souhaitez
    ],
    "es": [
        r"despierta todo mi interés",  # stiff, 14 times
        r"Incorporarme al equipo me resulta",
        r"Lamento saber",  # "sorry to hear"
        r"Le dejo tiempo",  # granting time, then an imperative
        r"No volveré a escribirle",  # a reproach after three e-mails
        r"intercambio",  # a gallicism
        r"aprovechar",  # the candidate as the one who gains
        r"Sigo con gran interés el proceso",  # "I am watching the process"
        r"sigue siendo grande",
        r"profundizar",  # claims a depth the input does not give
        r"por lo que me contó",  # says she explained the role
        r"hablar conmigo del",  # "conmigo" redundant
        r"Aprendí mucho de ",
        r"Le agradezco que considere",  # "Le agradecería ... / Le agradezco ..."
        r"puedo contarle más al respecto si le interesa",
        r"; por eso le escribo sobre",  # the causal link back to front
    ],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_sentence_the_tenth_reads_quoted_is_left(code: str) -> None:
    """Class 3: every msgstr is free of the lines and calques the readers quoted."""
    found = [
        (pattern, string)
        for string in _catalog(code).values()
        for pattern in QUOTED[code]
        if re.search(pattern, string, re.MULTILINE)
    ]
    assert not found, found


_SENTENCE_END = re.compile(r"(?<=[.?!])\s+")


def test_no_german_sentence_says_stand_twice() -> None:
    """Class 3: "Nach meinem Stand ... nach dem aktuellen Stand" (08.9): one sentence of
    the catalog uses a noun of its own once."""
    found = [
        sentence
        for string in _catalog("de").values()
        for sentence in _SENTENCE_END.split(string)
        if len(re.findall(r"\bStand\b", sentence)) > 1
    ]
    assert not found, found


# -- 4. reading the corpus: one word said twice in a note ------------------------------

_SAID_ONCE_SKIPS = frozenset(
    {
        "stelle",
        "poste",
        "puesto",
        "equipo",
        "team",
        "équipe",
        "gespräch",
        "entretien",
        "entrevista",
    }
)
"""The job, the team and the interview, which a note names as often as it must."""


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("fit", ["six years of building data pipelines", None])
def test_no_thank_you_note_says_a_word_in_two_sentences(code: str, fit: str | None) -> None:
    """Class 4 (corpus 3131 and the reads): two wordings that meet in one note must not
    share their telling word ("Diese Aufgabe reizt mich sehr. In diese Aufgabe würde
    ich ...", "Sehr gefreut habe ich mich ... Ich habe mich gefreut, dass ...", "Merci
    d'avoir pris le temps d'échanger ... Notre échange ...", "la agradable conversación
    ... La conversación sobre ..."), in every note of a panel of eight."""
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
    hidden = masks(iv)
    found = []
    for action in plan(iv):
        if action.kind is not ActionKind.THANK_YOU:
            continue
        said = sentences(render(action, iv), longer_than=0)
        where: dict[str, set[int]] = {}
        for index, sentence in enumerate(said):
            for word in meaningful(re.findall(r"[^\W\d_]+", _mask(sentence, hidden)), code):
                if len(word) >= 5 and word not in _SAID_ONCE_SKIPS and word != "xmaskx":
                    where.setdefault(word, set()).add(index)
        twice = sorted(word for word, at in where.items() if len(at) > 1)
        if twice:
            found.append(f"{twice}: {' / '.join(said)}")
    assert not found, "\n".join(found)


def _mask(sentence: str, hidden: tuple[str, ...]) -> str:
    """The sentence in lower case with the user's values (names, role, company, the
    details typed) set aside: they are the user's, said as often as the note needs."""
    text = sentence.casefold().replace("\u2019", "'")
    for value in hidden:
        text = re.sub(rf"(?<!\w){re.escape(value.casefold())}(?!\w)", " xmaskx ", text)
    return text
