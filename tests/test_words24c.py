"""Wording round 24 (issue 19), German, French and Spanish: the nineteenth blind read.

1. Salutations and titles: a French card greets "Cher Monsieur," (no family name after
   it: "Cher Monsieur Roy," is a calque); a title typed in an inclusive form
   ("Directeur·rice technique") is neither put on an envelope nor told to the
   recruiter; Spanish names a titled person with the article in the list the
   recruiter hears ("la Dra. Lucía Fernández"); a Spanish letter has no time of day in
   its greeting ("Hola, Ariel Navarro:"; words25d: the hour it is sent at, r20); the
   Americas say "la llamo" to a woman, where Spain's "le llamo" reads foreign; the
   company gets in touch "con" the recruiter.
2. Spoken scripts: the candidate's number is read as it is dialled in the listener's
   country when they share it; a French voicemail leaves "un message pour Sophie
   Laurent" instead of "ce message s'adresse à"; German does not say "Rufen
   Sie ... an" twice in a row, nor "ist gerade zu Ende".
3. Stock lines only the translation got wrong (calques, a placeholder in inverted
   order, "a usted le interesa", a "relaciónelo" with nothing to refer to).
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po

from followup_rules import Interviewer, Salutation
from followup_rules._languages import language
from followup_rules._languages._base import inclusive_title
from followup_rules.messages import _national_number, render, template_context

from .test_messages import SAM, every_message_action, full_interview

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"


def _catalog(code: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) of every translation in *code*'s catalog, plural forms apart."""
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as data:
        catalog = read_po(data)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs.extend((ids[min(i, len(ids) - 1)], text) for i, text in enumerate(strings))
    return pairs


# -- 1. salutations and titles -------------------------------------------------------------


@pytest.mark.parametrize("honorific", ["Ms.", "Mrs.", "Mr.", "Mr. Dr.", "Ms. Prof."])
@pytest.mark.parametrize("locale", ["fr", "fr_CA", "fr_BE"])
def test_a_french_card_puts_no_family_name_after_cher_monsieur(
    locale: str, honorific: str
) -> None:
    """ "Cher Monsieur Roy," is a calque of "Dear Mr Roy": a French card opens "Cher
    Monsieur," or "Chère Madame," (an e-mail keeps "Bonjour Monsieur Roy,")."""
    roy = Interviewer("Marc Roy", honorific=honorific)
    card = language(locale).greeting(roy, Salutation.HONORIFIC, None)
    assert card in ("Cher Monsieur,", "Chère Madame,")
    assert "Roy" in language(locale).greeting(roy, Salutation.HONORIFIC, 10)


INCLUSIVE = {
    "fr": ["Directeur·rice technique", "Chargé(e) de recrutement", "Directeur/trice R&D"],
    "de": [
        "Leiter*in Vertrieb",
        "Teamleiter:in",
        "LeiterIn Datenplattform",
        "Leiter/-in IT",
        "ReferentIn Presse",
    ],
    "es": ["Director/a de datos", "Jefe(a) de equipo", "Coordinador@"],
}


@pytest.mark.parametrize(
    ("code", "title"), [(code, title) for code, titles in INCLUSIVE.items() for title in titles]
)
def test_an_inclusive_title_is_neither_addressed_nor_told(code: str, title: str) -> None:
    """A title written both ways at once can be neither said aloud nor put on an
    envelope, and the library cannot tell which of the two the person is: it is left
    off the envelope and out of what the recruiter hears or reads; an ordinary title
    stays (r19 fr 04.7 "Alix Moreau, Directeur·rice technique", 02.4)."""
    assert inclusive_title(title)
    alix = Interviewer("Alix Moreau", honorific="Dr.", title=title, email="a@acme.example")
    claire = Interviewer(
        "Claire Dubois", honorific="Ms. Dr.", title="Head of Data", email="c@acme.example"
    )
    lines = language(code).envelope(alix, "Acme", "1 rue X, 75001 Paris")
    assert title not in lines
    assert "Head of Data" in language(code).envelope(claire, "Acme", "1 rue X")
    iv = full_interview(interviewers=[alix, claire], candidate=attrs.evolve(SAM, language=code))
    debriefs = [
        action
        for action in every_message_action(iv)
        if action.template in ("recruiter_debrief_call", "recruiter_debrief_email")
    ]
    assert debriefs
    for action in debriefs:
        values = template_context(action, iv, code)
        for name in ("people", "people_in_text"):
            assert title not in values[name]
            assert "Alix Moreau" in values[name]
            assert "Head of Data" in values[name] or "head of Data" in values[name]
        assert title not in render(action, iv).text


@pytest.mark.parametrize(
    "title",
    ["Directrice des données", "Head of R&D", "Leiterin Datenplattform", "Jefa de equipo",
     "CTO: Data", "Sales/e-commerce lead", "Dr. Inc. Partner", "Director (Data)",
     "LinkedIn Ads Lead", "BuiltIn Editor"],
)  # fmt: skip
def test_an_ordinary_title_is_not_taken_for_an_inclusive_one(title: str) -> None:
    assert not inclusive_title(title)


def test_spanish_names_a_title_with_its_article_in_the_recruiter_list() -> None:
    """Said in a sentence, "y Dra. Lucía Fernández" lacks its article (r19 es 02.4);
    French leaves an unknown gender's doctorate out there, as in running text."""
    lucia = Interviewer("Lucía Fernández", honorific="Ms. Dr.", title="Directora de Datos")
    alix = Interviewer("Alix Moreau", honorific="Dr.")
    iv = full_interview(interviewers=[alix, lucia])
    action = next(a for a in every_message_action(iv) if a.template == "recruiter_debrief_call")
    spanish = template_context(action, iv, "es")["people"]
    assert "la Dra. Lucía Fernández" in spanish
    french = template_context(action, iv, "fr")["people"]
    assert "Lucía Fernández" in french and "docteure" not in french  # r25 fr 11.5
    assert "Dr Alix" not in french


@pytest.mark.parametrize("locale", ["es", "es_AR", "es_CO", "es_CL"])
@pytest.mark.parametrize("hour", [None, 8, 13, 16, 20])
@pytest.mark.parametrize("style", list(Salutation))
def test_a_spanish_letter_greets_by_the_hour_it_is_sent_at(
    locale: str, hour: int | None, style: Salutation
) -> None:
    """r19 es C9 found "Buenos días" an hour the reader may not share, and this round
    opened every letter "Hola,"; the twentieth read found "Hola" beside usted the
    informal register on a formal letter (es C5).  Unknown gender, a letter opens with
    the time of day it is sent at on the reader's clock (words25d), a card (no hour,
    read at any time of day) the name and "Reciba un cordial saludo." (words26c: "Hola,"
    beside usted on a formal card, r22 es 04.6)."""
    spanish = language(locale)
    for person in (Interviewer("Ariel Navarro"), Interviewer("Ariel Navarro", honorific="Dr.")):
        greeting = spanish.greeting(person, style, hour)
        if style is Salutation.FIRST_NAME:
            assert greeting == "Hola, Ariel:"
        elif hour is None:  # a card has no hour: no time of day on it (test_words3)
            assert greeting == "Ariel Navarro:\nReciba un cordial saludo."
        else:
            assert greeting == f"{spanish.spoken_hello(hour)}, Ariel Navarro:"
            morning = hour < (14 if locale == "es" else 12)
            assert greeting.startswith("Buenos días" if morning else "Buenas tardes")


_LE_CALL = re.compile(r"\b[Ll]e llam(?:o|é|aré|aría)\b")


@pytest.mark.parametrize("locale", ["es", "es_MX", "es_CO", "es_AR", "es_CL"])
def test_the_americas_call_a_woman_la(locale: str) -> None:
    """Spain's "le llamo" to a woman reads foreign in the Americas (r19 es 03.5, 08.6,
    11.5), and wrong to the twentieth read's reader in Spain too (words25d, r20 es 11.6
    "le llamaré" to Sra. Gil): every sentence of the catalog that calls the reader,
    said to a woman, says "la"; to a man "lo" (words27d); to someone whose gender is
    unknown, "le" stays."""
    spanish = language(locale)
    said = [text for _, text in _catalog("es") if _LE_CALL.search(text)]
    assert said
    for text in said:
        assert not _LE_CALL.search(spanish.finish(text, "Estimada Sra. Gil:")), text
        # words27d (the r23 es read, 02.7 "le llamo" to a man in Colombia): "lo" to a man
        assert not _LE_CALL.search(spanish.finish(text, "Estimado Sr. Gil:")), text
        assert _LE_CALL.search(spanish.finish(text, "Buenos días, Ariel Gil:"))


def test_the_company_gets_in_touch_with_someone() -> None:
    """«se ponga en contacto» wants «con» and whom (r19 es 02.4)."""
    found = [t for _, t in _catalog("es") if re.search(r"ponga en contacto(?! con)", t)]
    assert not found


# -- 2. spoken scripts -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phone", "zone", "national"),
    [
        ("+33 1 55 50 0100", "Europe/Paris", "01 55 50 01 00"),
        ("+33 6 12 34 56 78", "Europe/Paris", "06 12 34 56 78"),
        ("+32 2 555 0100", "Europe/Brussels", "02 555 0100"),
        ("+41 44 555 0100", "Europe/Zurich", "044 555 0100"),
        ("+43 1 555 0100", "Europe/Vienna", "01 555 0100"),
        ("+49 30 555 0100", "Europe/Berlin", "030 555 0100"),
        ("+34 91 555 0100", "Europe/Madrid", "91 555 0100"),
        ("+52 55 5555 0100", "America/Mexico_City", "55 5555 0100"),
        ("+57 601 555 0100", "America/Bogota", "601 555 0100"),
        # another country, or a form the typed digits do not give exactly: as typed
        ("+33 1 55 50 0100", "Europe/Brussels", None),
        ("+57 601 555 0100", "America/Mexico_City", None),
        ("+52 55 5555 0100", "America/Bogota", None),
        ("+49 (0)30 555 0100", "Europe/Berlin", None),
        ("+33 1 55 50 0100 ext. 4", "Europe/Paris", None),
        ("+33 1 55 50 010", "Europe/Paris", None),
        # words26a class 4 rewrote this case (r22 fr 02.4: "+1 416 ..." read aloud in a
        # Toronto voicemail): a North American number is read as its ten digits there
        ("+1 212 555 0100", "America/New_York", "212 555 0100"),
        ("+1 212 555 0100", "America/Mexico_City", None),
        ("+54 11 5555 0100", "America/Argentina/Buenos_Aires", None),
        ("01 55 50 01 00", "Europe/Paris", None),
        ("+33 1 55 50 0100", None, None),
    ],
)
def test_a_number_is_read_as_the_listener_dials_it(
    phone: str, zone: str | None, national: str | None
) -> None:
    """ "+33 1 55 50 0100" read to someone in Paris is "01 55 50 01 00" (r19 fr H)."""
    assert _national_number(phone, zone) == national


@pytest.mark.parametrize(
    ("code", "phone", "zone", "said", "unsaid"),
    [
        ("fr", "+33 1 55 50 0100", "Europe/Paris", "01 55 50 01 00", "+33"),
        ("de", "+41 44 555 0100", "Europe/Zurich", "044 555 0100", "+41"),
        ("es", "+34 91 555 0100", "Europe/Madrid", "91 555 0100", "+34"),
        # abroad the international form, which French groups in pairs (words25d)
        ("fr", "+33 1 55 50 0100", "America/Toronto", "+33 1 55 50 01 00", "01 55"),
    ],
)
def test_the_recruiter_voicemail_reads_the_national_number(
    code: str, phone: str, zone: str, said: str, unsaid: str
) -> None:
    """The recruiter lives by the candidate's clock: in the same country the voicemail
    reads the number as they dial it; abroad, as typed.  An e-mail's signature keeps
    the typed form."""
    sam = attrs.evolve(SAM, phone=phone, timezone=zone, language=code)
    recruiter = full_interview().recruiter
    assert recruiter is not None
    iv = full_interview(candidate=sam, recruiter=attrs.evolve(recruiter, phone="+1 404 555 0199"))
    call = next(a for a in every_message_action(iv) if a.template == "recruiter_debrief_call")
    text = render(call, iv).text
    assert text.count(said) >= 2  # said, then said again
    assert unsaid not in text.split("«", 1)[-1]
    mail = next(a for a in every_message_action(iv) if a.template == "thank_you_email")
    # the typed form, but French writes a French number in pairs (words25d, r20 fr C11)
    typed = "+33 1 55 50 01 00" if code == "fr" else phone
    assert typed in render(mail, iv).text


def test_a_french_voicemail_leaves_a_message_for_them() -> None:
    """« Bonjour, ici Camille Martin ; ce message s'adresse à Sophie Laurent. » is stiff,
    and a semicolon is not said (r19 fr H): the voicemail leaves a message for them, and
    still greets no full name (words5 class 6)."""
    for msgid, text in _catalog("fr"):
        if "with a message for" in msgid:
            assert "s’adresse" not in text and "\u202f;" not in text and " ;" not in text
            assert text.startswith("Bonjour, ") and "pour %(name)s" in text


def test_german_says_neither_rufen_sie_twice_nor_zu_ende_alone() -> None:
    """ "Rufen Sie Petra Lang ... an. Rufen Sie an, damit ..." said the same twice, and
    "ist gerade zu Ende" is not how German ends an interview (r19 de 02.4)."""
    for msgid, text in _catalog("de"):
        assert not re.search(r"zu Ende(?! gegangen| gehen)", text), text
        if msgid.startswith("Call before"):
            assert not text.startswith("Rufen Sie")


# -- 3. stock lines only the translation got wrong ---------------------------------------

CALQUES = {
    "fr": [
        r"appréciez l’invitation",  # "appreciate the invitation" (r19 fr I)
        r"Exprimez vos remerciements",  # stiff (r19 fr I)
        r"l’occasion de faire part",  # "faire part" wants its "vous" (r19 fr 15.8)
        r"peut rester fermée",  # a card is not "closed" (r19 fr I)
        r"l’un des sujets abordés\u00a0:",  # "one of: X and Y" (r19 fr I)
    ],
    "de": [
        r"Bedenken wurden keine",  # inverted (r19 de D)
        r"eines der besprochenen Themen an:",  # "one of: X and Y" (r19 de H)
    ],
    "es": [
        r"a usted le interesa",  # a stressed "a usted" (r19 es C8)
        r"relaciónelo",  # "lo" with nothing typed to refer to (r19 es C8)
        r"Si encaja",  # "encaja ... Si encaja" (r19 es C8)
        r"alguno de los temas que trataron:",  # "one of: X and Y" (r19 es C8)
    ],
}


@pytest.mark.parametrize("code", sorted(CALQUES))
def test_no_catalog_line_holds_a_calque_the_read_quoted(code: str) -> None:
    found = [
        (pattern, text)
        for _, text in _catalog(code)
        for pattern in CALQUES[code]
        if re.search(pattern, text)
    ]
    assert not found
