# ruff: noqa: RUF001  (the typography pinned: the minus sign, French spaces)
"""Mutation pass 23 (mut23c): what French, German and Spanish write in Python, pinned.

The three languages' own code (`_languages/fr.py`, `de.py`, `es.py`) and the package's
lazy names, called directly: French numbers grouped in pairs, Quebec's words and
numbers, the preposition repeated before each topic, elision, typography and zones;
German company articles in every case, the date's closing comma, the lower case after
the greeting, Swiss "ss" and quotes, Austrian "Jänner"; Spanish "e" and "u", the
pronoun that agrees with the reader ("la llamo"), Latin America's words and hours,
titles with their articles.  Each table entry is a sentence a candidate sends.
"""

from __future__ import annotations

import gettext
from datetime import date, datetime, time
from importlib.metadata import version
from zoneinfo import ZoneInfo

import pytest

import followup_rules
from followup_rules import Interviewer, Recruiter, Salutation
from followup_rules._languages import language
from followup_rules._languages.de import German, _german_articles

FR = language("fr")
QC = language("fr-CA")
DE = language("de")
CH = language("de-CH")
AT = language("de-AT")
ES = language("es")
MX = language("es-MX")

NBSP = "\u00a0"
THIN = "\u202f"


def _person(honorific: str | None) -> Interviewer:
    return Interviewer("Ana Ruiz", honorific=honorific)


# --- French -----------------------------------------------------------------------------

# (typed, listener's zone) -> as written to a French reader (None: left as typed)
FRENCH_NUMBERS: dict[tuple[str, str | None], str | None] = {
    ("+33 1 55 50 01 00", None): "+33 1 55 50 01 00",
    ("+33155500100", "Europe/Paris"): "01 55 50 01 00",
    ("  +33 1 55 50 01 00  ", None): "+33 1 55 50 01 00",
    ("+33.1.55.50.01.00", "Europe/Brussels"): "+33 1 55 50 01 00",
    ("+32 2 555 01 00", None): "+32 2 555 01 00",
    ("+32 2 555 01 00", "Europe/Brussels"): "02 555 01 00",
    ("+32 2 555 01 00", "Europe/Paris"): "+32 2 555 01 00",
    ("+32 3 123 45 67", None): "+32 3 123 45 67",
    ("+32 4 222 33 44", None): "+32 4 222 33 44",
    ("+32 9 123 45 67", None): "+32 9 123 45 67",
    ("+32 50 12 34 56", None): "+32 50 12 34 56",
    ("+32 12 34 56 78", "Europe/Brussels"): "012 34 56 78",
    ("+32 470 12 34 56", None): "+32 470 12 34 56",
    ("+32 470 12 34 56", "Europe/Brussels"): "0470 12 34 56",
    ("+32 570 12 34 56", None): None,  # nine digits not a mobile's
    ("+33 1 55 50 01 00 1", None): None,  # a digit too many
    ("+33 1 55 50 01 0", None): None,  # one too few
    ("+33 (0)1 55 50 01 00", None): None,
    ("+44 20 7946 0000", None): None,
}


def test_french_and_belgian_numbers_are_written_in_pairs() -> None:
    for (typed, zone), written in FRENCH_NUMBERS.items():
        assert FR.phone_number(typed, zone) == written, typed
        # Quebec groups them the same way: only a North American number is its own
        assert QC.phone_number(typed, zone) == written, typed


def test_quebec_writes_a_north_american_number_its_own_way() -> None:
    """ "+1 416 555-0100"; in the number's own countries without its code; France
    leaves it as typed; ten digits exactly."""
    assert QC.phone_number("+1 416 555 0100", None) == "+1 416 555-0100"
    assert QC.phone_number("+1 (416) 555-0100", "America/Toronto") == "416 555-0100"
    assert QC.phone_number("+1.416.555.0100", "America/New_York") == "416 555-0100"
    assert QC.phone_number("+1 416 555 0100", "Europe/Paris") == "+1 416 555-0100"
    assert QC.phone_number("+1 416 555 010", None) is None
    assert FR.phone_number("+1 416 555 0100", "America/Toronto") is None


def test_quebec_says_entrevue_in_the_librarys_own_sentences() -> None:
    sentence = "Merci pour l’entretien avec %(who)s. Bien cordialement,"
    assert QC.fill(sentence, {"who": "Ana"}) == "Merci pour l’entrevue avec Ana. Cordialement,"
    assert (
        FR.fill(sentence, {"who": "Ana"}) == "Merci pour l’entretien avec Ana. Bien cordialement,"
    )
    # what the user typed is never touched
    assert QC.fill("Merci pour %(topic)s.", {"topic": "l’entretien du réseau"}) == (
        "Merci pour l’entretien du réseau."
    )
    assert QC.pgettext("step", "Call %(who)s to debrief") == (
        "Appeler %(who)s pour faire le point sur l’entrevue"
    )
    assert FR.pgettext("step", "Call %(who)s to debrief") == (
        "Appeler %(who)s pour faire le point sur l’entretien"
    )
    within = ("within a day of the interview", "within %(count)s days of the interview")
    assert QC.npgettext("decision", *within, 3) == "dans les %(count)s jours suivant l’entrevue"
    assert QC.npgettext("decision", *within, 1) == "dans la journée suivant l’entrevue"
    assert FR.npgettext("decision", *within, 3) == "dans les %(count)s jours suivant l’entretien"


# message, values -> French
TOPICS: tuple[tuple[str, dict[str, object], str], ...] = (
    (
        "Votre présentation de %(topics)s m'a intéressé.",
        {"topics": "l'astreinte, le programme et les outils"},
        "Votre présentation de l'astreinte, du programme et des outils m'a intéressé.",
    ),
    (
        "Votre présentation de %(topics)s.",
        {"topics": "la plateforme et l’équipe"},
        "Votre présentation de la plateforme et de l’équipe.",
    ),
    (
        "Votre présentation de %(topics)s.",
        {"topics": "Python, SQL et Airflow"},
        "Votre présentation de Python, de SQL et d’Airflow.",
    ),
    (
        "Votre présentation de %(topics)s.",
        {"topics": "Python et hôpitaux"},
        "Votre présentation de Python et d’hôpitaux.",
    ),
    (
        "Je pense à %(topics)s.",
        {"topics": "les outils, le programme, la plateforme et l'équipe"},
        "Je pense aux outils, au programme, à la plateforme et à l’équipe.",
    ),
    ("Je pense à %(topics)s.", {"topics": "Paris et Orléans"}, "Je pense à Paris et à Orléans."),
    (
        "De %(topics)s, je retiens tout.",
        {"topics": "la paie et le budget"},
        "De la paie et du budget, je retiens tout.",
    ),
    (
        "Votre présentation de %(topics)s.",
        {"topics": "l'astreinte"},
        "Votre présentation de l'astreinte.",
    ),
    ("Je parle de %(topics)s.", {"topics": 3}, "Je parle de 3."),
    (
        "Votre présentation de %(topics)s.",
        {"topics": "Python, SQL"},
        "Votre présentation de Python, de SQL.",
    ),
    (
        "Merci de %(other_topics)s et de %(topics)s.",
        {"other_topics": "le tour", "topics": "le budget et les outils"},
        "Merci du tour et du budget et des outils.",
    ),
    (
        "Merci de %(other_topics)s et de %(topics)s.",
        {"other_topics": "le tour et la paie", "topics": "le budget et les outils"},
        "Merci du tour et de la paie et du budget et des outils.",
    ),
    # a role is not a list the library joins: only its first article contracts
    (
        "Votre présentation de %(role)s.",
        {"role": "le programme et la plateforme"},
        "Votre présentation du programme et la plateforme.",
    ),
)


def test_french_repeats_the_preposition_before_each_topic() -> None:
    for message, values, said in TOPICS:
        assert FR.fill(message, values) == said, message


ELISIONS: tuple[tuple[str, dict[str, object], str], ...] = (
    ("Le poste que %(who)s propose", {"who": "Ana"}, "Le poste qu’Ana propose"),
    (
        "que %(a)s lorsque %(b)s puisque %(c)s jusque %(d)s",
        {"a": "Ana", "b": "Ines", "c": "Omar", "d": "ici"},
        "qu’Ana lorsqu’Ines puisqu’Omar jusqu’ici",
    ),
    (
        "le poste de %(role)s et la %(x)s, le %(y)s",
        {"role": "analyste", "x": "équipe", "y": "hôpital"},
        "le poste d’analyste et l’équipe, l’hôpital",
    ),
    (
        "Que %(a)s vienne. Lorsque %(b)s part.",
        {"a": "Ana", "b": "Ines"},
        "Qu’Ana vienne. Lorsqu’Ines part.",
    ),
    (
        "le poste de %(role)s chez %(c)s",
        {"role": "Data Engineer", "c": "Acme"},
        "le poste de Data Engineer chez Acme",
    ),
)


def test_french_elides_before_a_vowel_or_a_mute_h() -> None:
    for message, values, said in ELISIONS:
        assert FR.fill(message, values) == said, message


FRENCH_TYPOGRAPHY = {
    "Pourquoi ? Voici : x ; y ! z": f"Pourquoi{THIN}? Voici{NBSP}: x{THIN}; y{THIN}! z",
    "portfolio: lien; ah! oui?": f"portfolio{NBSP}: lien{THIN}; ah{THIN}! oui{THIN}?",
    # a text that starts with an article starts a sentence: its capital (words29d)
    "l'Ouest et O'Neill": "L’Ouest et O’Neill",
    "vers l'Ouest et O'Neill": "vers l’Ouest et O’Neill",
    "aujourd'hui: a": f"aujourd’hui{NBSP}: a",
    "10:30 et 3 : 2": f"10:30 et 3{NBSP}: 2",
    "http://x": "http://x",
    "rien à changer": "rien à changer",
}


def test_french_typography_in_every_word() -> None:
    for typed, written in FRENCH_TYPOGRAPHY.items():
        assert FR.finish(typed) == written, typed


ZONES_FR = {
    "Africa/Cairo": "heure du Caire, UTC+2",
    "Europe/Amsterdam": "heure d’Amsterdam, UTC+1",
    "Asia/Istanbul": "heure d’Istanbul, UTC+3",
    "Europe/Paris": "heure de Paris, UTC+1",
    "America/Havana": "heure de La Havane, UTC−5",
    "Asia/Kolkata": "heure de Calcutta, UTC+5:30",
}


def test_french_names_a_zone_by_its_city_with_de_elided_or_contracted() -> None:
    for name, said in ZONES_FR.items():
        tz = ZoneInfo(name)
        assert FR.zone(tz, datetime(2026, 1, 7, 10, tzinfo=tz)) == said, name
    moment = datetime(2026, 1, 7, 10, tzinfo=ZoneInfo("Asia/Kolkata"))
    assert FR.zone(None, moment) == "UTC+5:30"


# honorific -> (formal France, formal Quebec, in running text, on the envelope)
FRENCH_NAMES = {
    None: ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
    "Ms.": ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Madame Ana Ruiz"),
    "Mr.": ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Monsieur Ana Ruiz"),
    "Dr.": ("Dr Ana Ruiz", "Dr Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
    "Ms. Dr.": ("Dr Ana Ruiz", "Dre Ana Ruiz", "Ana Ruiz", "Madame Ana Ruiz"),  # r25 fr 11.5
    "Mr. Dr.": ("Dr Ana Ruiz", "Dr Ana Ruiz", "Ana Ruiz", "Monsieur Ana Ruiz"),
    "Ms. Prof.": ("Pr Ana Ruiz", "Pr Ana Ruiz", "la professeure Ana Ruiz", "Madame Ana Ruiz"),
    "Mr. Prof.": ("Pr Ana Ruiz", "Pr Ana Ruiz", "le professeur Ana Ruiz", "Monsieur Ana Ruiz"),
    "Prof.": ("Pr Ana Ruiz", "Pr Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
    "Mx. Dr.": ("Dr Ana Ruiz", "Dr Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
}


def test_french_titles_agree_with_the_person() -> None:
    for honorific, named in FRENCH_NAMES.items():
        person = _person(honorific)
        got = (
            FR.formal_name(person),
            QC.formal_name(person),
            FR.name_in_text(person),
            FR.envelope_name(person),
        )
        assert got == named, honorific
        assert FR.listed_name(person) == named[2]


def test_french_speaks_of_an_unnamed_person_as_votre_interlocuteur() -> None:
    said = "votre interlocuteur"
    assert dict(FR.pronouns(None)) == {"they": said, "their": said, "them": said}
    assert FR.pronouns(_person("Ms."))["them"] == "Ana Ruiz"


# --- German -----------------------------------------------------------------------------

ARTICLES = (
    "%(company)s rechnet mit mir.",
    "Danke. %(company)s rechnet mit mir.",
    "Wirklich? %(company)s! %(company)s",
    "Bewerbung\n%(company)s",
    "Der Zeitplan: %(company)s entscheidet; %(company)s ruft an",
    "Ich war bei %(company)s und mit %(company)s, von %(company)s, zu %(company)s, "
    "an %(company)s, in %(company)s.",
    "Aus %(company)s, nach %(company)s, seit %(company)s, gegenüber %(company)s.",
    "Bei %(company)s. Zu %(company)s.",
    "Bewerbung bei  %(company)s",
    "Ich freue mich für %(company)s und über %(company)s.",
    "Ich hoffe, dass %(company)s anruft, ob %(company)s, weil %(company)s, da %(company)s, "
    "wenn %(company)s, sobald %(company)s, wie %(company)s.",
    "Ich freue mich, %(company)s kennenzulernen.",
    '(%(company)s) – %(company)s — %(company)s "%(company)s „%(company)s «%(company)s',
    "Runde 3 %(company)s",
)
ARTICLED = {
    "f": (
        "Die %(company)s rechnet mit mir.",
        "Danke. Die %(company)s rechnet mit mir.",
        "Wirklich? Die %(company)s! Die %(company)s",
        "Bewerbung\nDie %(company)s",
        "Der Zeitplan: die %(company)s entscheidet; die %(company)s ruft an",
        "Ich war bei der %(company)s und mit der %(company)s, von der %(company)s, "
        "zur %(company)s, an der %(company)s, in der %(company)s.",
        "Aus der %(company)s, nach der %(company)s, seit der %(company)s, "
        "gegenüber der %(company)s.",
        "Bei der %(company)s. Zur %(company)s.",
        "Bewerbung bei  der %(company)s",
        "Ich freue mich für die %(company)s und über die %(company)s.",
        "Ich hoffe, dass die %(company)s anruft, ob die %(company)s, weil die %(company)s, "
        "da die %(company)s, wenn die %(company)s, sobald die %(company)s, "
        "wie die %(company)s.",
        "Ich freue mich, die %(company)s kennenzulernen.",
        '(%(company)s) – %(company)s — %(company)s "%(company)s „%(company)s «%(company)s',
        "Runde 3 die %(company)s",
    ),
    "m": (
        "Der %(company)s rechnet mit mir.",
        "Danke. Der %(company)s rechnet mit mir.",
        "Wirklich? Der %(company)s! Der %(company)s",
        "Bewerbung\nDer %(company)s",
        "Der Zeitplan: der %(company)s entscheidet; der %(company)s ruft an",
        "Ich war beim %(company)s und mit dem %(company)s, vom %(company)s, zum %(company)s, "
        "am %(company)s, im %(company)s.",
        "Aus dem %(company)s, nach dem %(company)s, seit dem %(company)s, "
        "gegenüber dem %(company)s.",
        "Beim %(company)s. Zum %(company)s.",
        "Bewerbung beim %(company)s",
        "Ich freue mich für den %(company)s und über den %(company)s.",
        "Ich hoffe, dass der %(company)s anruft, ob der %(company)s, weil der %(company)s, "
        "da der %(company)s, wenn der %(company)s, sobald der %(company)s, "
        "wie der %(company)s.",
        "Ich freue mich, den %(company)s kennenzulernen.",
        '(%(company)s) – %(company)s — %(company)s "%(company)s „%(company)s «%(company)s',
        "Runde 3 der %(company)s",
    ),
}


@pytest.mark.parametrize("gender", ["f", "m"])
def test_a_german_company_takes_its_article_in_the_case_its_place_asks(gender: str) -> None:
    for message, said in zip(ARTICLES, ARTICLED[gender], strict=True):
        assert _german_articles(message, gender) == said, message


def test_german_fills_the_article_of_a_legal_form_only() -> None:
    sentence = "Ich war bei %(company)s."
    assert DE.fill(sentence, {"company": "Nordwind GmbH"}) == "Ich war bei der Nordwind GmbH."
    assert DE.fill(sentence, {"company": "Sportfreunde e.V."}) == "Ich war beim Sportfreunde e.V."
    assert DE.fill(sentence, {"company": "Acme Analytics"}) == "Ich war bei Acme Analytics."
    assert DE.fill("Danke an %(company)s", {"company": 3}) == "Danke an 3"
    # the company's own placeholder only
    said = DE.fill("Danke %(name)s", {"name": "Nordwind GmbH", "company": "X GmbH"})
    assert said == "Danke Nordwind GmbH"


def test_switzerland_writes_ss_in_the_librarys_words_only() -> None:
    sentence = "Grüße an %(company)s, %(who)s"
    values = {"company": "Strauß GmbH", "who": "Herr Strauß"}
    assert CH.fill(sentence, values) == "Grüsse an der Strauß GmbH, Herr Strauß"
    assert DE.fill(sentence, values) == "Grüße an der Strauß GmbH, Herr Strauß"
    mark = "[No concerns were raised. / They asked about …]"
    assert CH.pgettext("placeholder", mark) == (
        "[Es wurden keine Bedenken geäussert. / Gefragt wurde nach …]"
    )
    assert DE.pgettext("placeholder", mark) == (
        "[Es wurden keine Bedenken geäußert. / Gefragt wurde nach …]"
    )
    # a phrase without ß is the catalog's, in Switzerland too
    assert CH.pgettext("step", "Call %(who)s to debrief") == DE.pgettext(
        "step", "Call %(who)s to debrief"
    )


class _Catalog(gettext.NullTranslations):
    """A catalog whose plural entry holds "ß", as a translator may write one."""

    def npgettext(self, context: str, msgid1: str, msgid2: str, n: int) -> str:
        return "innerhalb eines Tages nach dem Gespräch" if n == 1 else "%(count)s Tage, Grüße"


def test_switzerland_writes_ss_in_a_plural_of_the_catalog() -> None:
    """No plural entry with a context holds "ß" in today's catalog; a translator's next
    one is written "ss" in Switzerland too, and the phrase is the catalog's elsewhere."""
    within = ("within a day of the interview", "within %(count)s days of the interview")
    swiss, german = German("de_CH", _Catalog()), German("de", _Catalog())
    assert swiss.npgettext("decision", *within, 3) == "%(count)s Tage, Grüsse"
    assert german.npgettext("decision", *within, 3) == "%(count)s Tage, Grüße"
    assert swiss.npgettext("decision", *within, 1) == "innerhalb eines Tages nach dem Gespräch"
    assert CH.npgettext("decision", *within, 3) == DE.npgettext("decision", *within, 3)


def test_swiss_quotes_and_the_closing_comma_of_a_date() -> None:
    assert CH.quote("gut") == "«gut»"
    assert DE.quote("gut") == "„gut“"
    assert AT.quote("gut") == "„gut“"
    said = "Er sagte „gut“ und „ja“."
    assert CH.finish(said) == "Er sagte «gut» und «ja»."
    assert DE.finish(said) == said
    dates = {
        "am Dienstag, dem 7. Juli über X.": "am Dienstag, dem 7. Juli, über X.",
        "am Dienstag, dem 7. Juli, über X.": "am Dienstag, dem 7. Juli, über X.",
        "bis Freitag, den 17. Juli entscheiden": "bis Freitag, den 17. Juli, entscheiden",
        "am Montag, dem 1. Januar.": "am Montag, dem 1. Januar.",
        "vom Samstag, dem 4. Juli bis": "vom Samstag, dem 4. Juli, bis",
        "am Dienstag, dem 7. Jänner war": "am Dienstag, dem 7. Jänner, war",
        "Wir, der Rest": "Wir, der Rest",
    }
    for written, closed in dates.items():
        assert DE.finish(written) == closed, written
        assert CH.finish(written) == closed, written


GREETING = "Sehr geehrte Frau Ruiz,"
LOWERED = {
    "Vielen Dank für das Gespräch.": "vielen Dank für das Gespräch.",
    "Ich danke Ihnen.": "ich danke Ihnen.",
    "Danke": "danke",
    "Sie haben mir geholfen.": "Sie haben mir geholfen.",
    "Ihre Zeit war wertvoll.": "Ihre Zeit war wertvoll.",
    "SQL ist toll.": "SQL ist toll.",
    "vielen Dank.": "vielen Dank.",
}


def test_german_goes_on_in_lower_case_after_the_greeting() -> None:
    for body, lowered in LOWERED.items():
        text = f"{GREETING}\n\n{body}"
        assert DE.finish(text, GREETING) == f"{GREETING}\n\n{lowered}", body
        assert DE.finish(text, "Hallo Ana,") == text
        assert DE.finish(text) == text
    assert DE.finish(f"{GREETING}\nVielen Dank", GREETING) == f"{GREETING}\nVielen Dank"


def test_austria_says_jaenner_and_germany_januar() -> None:
    january, february = date(2026, 1, 5), date(2026, 2, 5)
    assert AT.day(january) == "Montag, dem 5. Jänner"
    assert AT.day_after_by(january) == "Montag, den 5. Jänner"
    assert AT.date_only(january) == "5. Jänner"
    assert (AT.month(2026, 1), AT.month(2026, 2)) == ("Jänner", "Februar")
    assert AT.day(february) == "Donnerstag, dem 5. Februar"
    for lang in (DE, CH):
        assert lang.day(january) == "Montag, dem 5. Januar"
        assert lang.day_after_by(january) == "Montag, den 5. Januar"
        assert lang.date_only(january) == "5. Januar"
        assert (lang.month(2026, 1), lang.month(2026, 2)) == ("Januar", "Februar")


# honorific -> spoken of (honorific style), addressee, said aloud
GERMAN_NAMES = {
    None: ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
    "Ms.": ("Frau Ruiz", "Frau Ruiz", "Frau Ruiz"),
    "Dr.": ("Dr. Ruiz", "Dr. Ana Ruiz", "Ana Ruiz"),
    "Ms. Dr.": ("Frau Dr. Ruiz", "Frau Dr. Ruiz", "Frau Dr. Ruiz"),
    "Ms. Prof.": ("Frau Professorin Ruiz", "Frau Prof. Ruiz", "Frau Professorin Ruiz"),
    "Mr. Prof.": ("Herr Professor Ruiz", "Herr Prof. Ruiz", "Herr Professor Ruiz"),
    "Prof.": ("Prof. Ruiz", "Prof. Ana Ruiz", "Ana Ruiz"),
}


def test_a_german_professor_is_said_in_full_when_the_gender_gives_the_word() -> None:
    style = Salutation.HONORIFIC
    for honorific, named in GERMAN_NAMES.items():
        person = _person(honorific)
        got = (
            DE.spoken_of(person, style),
            DE.addressee(person, style),
            DE.spoken_name(person, style),
        )
        assert got == named, honorific


def test_german_zones_by_the_city() -> None:
    tz = ZoneInfo("Asia/Kolkata")
    moment = datetime(2026, 1, 7, 10, tzinfo=tz)
    assert DE.zone(tz, moment) == "Ortszeit Kalkutta, UTC+5:30"
    assert DE.zone(None, moment) == "UTC+5:30"
    assert ES.zone(None, moment) == "UTC+5:30"


# --- Spanish ----------------------------------------------------------------------------

LE_CALL = (
    "Le llamo por el puesto de Data Engineer. le llamaré. ¿Le llamo? Quiero escucharle, "
    "conocerle, verle, atenderle, recibirle, llamarle. Le escribo y le agradezco. "
    "Me alegra saludarle. «Le encontró»"
)


def test_spanish_le_agrees_with_the_reader_known_from_the_greeting() -> None:
    """mut23c, a bug: "Le llamo" at the start of a sentence became "LA llamo" (a call
    script's voicemail to Sra. Ruiz: «... le habla Sam Lee. LA llamo por el puesto ...»)."""
    assert ES.finish(LE_CALL, "Estimada Sra. Ruiz:") == (
        "La llamo por el puesto de Data Engineer. la llamaré. ¿La llamo? Quiero escucharla, "
        "conocerla, verla, atenderla, recibirla, llamarla. Le escribo y le agradezco. "
        "Me alegra saludarla. «La encontró»"
    )
    assert ES.finish(LE_CALL, "Estimado Sr. Ruiz:") == (
        "Lo llamo por el puesto de Data Engineer. lo llamaré. ¿Lo llamo? Quiero escucharlo, "
        "conocerlo, verlo, atenderlo, recibirlo, llamarlo. Le escribo y le agradezco. "
        "Me alegra saludarlo. «Lo encontró»"
    )
    for unknown in ("Buenos días, Ana Ruiz:", "Hola, Ana:", None):
        assert ES.finish(LE_CALL, unknown) == LE_CALL


AMERICAS = (
    "Hoy he tenido la entrevista. Le he enviado el ordenador. Un cordial saludo,",
    "Hoy tuve la entrevista. Le he enviado el computadora. Saludos cordiales,",
)


def test_latin_america_says_its_own_words_and_greets_the_afternoon_from_noon() -> None:
    spain, americas = AMERICAS
    assert ES.finish(spain) == spain
    assert language("es-ES").finish(spain) == spain
    for code in ("es-MX", "es-AR", "es-CO", "es-CL"):
        lang = language(code)
        assert lang.finish(spain) == americas, code
        hellos = [lang.spoken_hello(hour) for hour in (None, 11, 12, 13)]
        assert hellos == ["Buenos días", "Buenos días", "Buenas tardes", "Buenas tardes"]
    for lang in (ES, language("es-ES")):
        hellos = [lang.spoken_hello(hour) for hour in (None, 12, 13, 14, 15)]
        assert hellos == [
            "Buenos días", "Buenos días", "Buenos días", "Buenas tardes", "Buenas tardes"
        ]  # fmt: skip


SPANISH_JOINS: tuple[tuple[str, dict[str, object], str], ...] = (
    ("usted y %(name)s", {"name": "Isabel"}, "usted e Isabel"),
    ("usted y %(name)s", {"name": "Hilario"}, "usted e Hilario"),
    ("usted y %(name)s", {"name": "hielo"}, "usted y hielo"),
    ("usted y %(name)s", {"name": "Ana"}, "usted y Ana"),
    ("usted y %(name)s", {"name": 3}, "usted y 3"),
    ("siete o %(n)s", {"n": "ocho"}, "siete u ocho"),
    ("siete o %(n)s", {"n": "Honorio"}, "siete u Honorio"),
    ("siete o %(n)s", {"n": "nueve"}, "siete o nueve"),
    ("siete o %(n)s", {"n": "Isabel"}, "siete o Isabel"),
    ("usted y %(n)s", {"n": "Óscar"}, "usted y Óscar"),
    ("Ana y %(name)s o %(n)s", {"name": "Íñigo", "n": "Óscar"}, "Ana e Íñigo u Óscar"),
    ("Y %(name)s", {"name": "Isabel"}, "Y Isabel"),
    ("de %(x)s y a %(y)s", {"x": "el equipo", "y": "el jefe"}, "del equipo y al jefe"),
)


def test_spanish_y_and_o_change_before_the_sound_of_the_value() -> None:
    for message, values, said in SPANISH_JOINS:
        assert ES.fill(message, values) == said, message
    assert ES.join(["Ana", "Isabel"]) == "Ana e Isabel"
    assert ES.join(["Ana", "Hilario"], "and") == "Ana e Hilario"
    assert ES.join(["a", "hielo"]) == "a y hielo"
    assert ES.join(["siete", "ocho"], "or") == "siete u ocho"
    assert ES.join(["siete", "Hora"], "or") == "siete u Hora"
    assert ES.join(["siete", "nueve"], "or") == "siete o nueve"


def test_spanish_hours_and_quotes() -> None:
    assert [ES.window_time(t) for t in (time(0), time(1), time(1, 30), time(10), time(13))] == [
        "la medianoche", "la 1:00", "la 1:30", "las 10:00", "las 13:00"
    ]  # fmt: skip
    quoted = [ES.quote(text) for text in ("pronto.", "pronto...", "pronto", "a.b", "Sí.")]
    assert quoted == ["«pronto».", "«pronto...»", "«pronto»", "«a.b»", "«Sí»."]


# honorific -> (formal, in running text, envelope, spoken of)
SPANISH_NAMES = {
    None: ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
    "Ms.": ("Ana Ruiz", "Ana Ruiz", "Sra. Ana Ruiz", "la señora Ruiz"),
    "Miss": ("Ana Ruiz", "Ana Ruiz", "Srta. Ana Ruiz", "la señorita Ruiz"),
    "Mr.": ("Ana Ruiz", "Ana Ruiz", "Sr. Ana Ruiz", "el señor Ruiz"),
    "Dr.": ("Dr. Ana Ruiz", "Ana Ruiz", "Dr. Ana Ruiz", "Ana Ruiz"),
    "Ms. Dr.": ("Dra. Ana Ruiz", "la Dra. Ana Ruiz", "Dra. Ana Ruiz", "la doctora Ruiz"),
    "Mr. Dr.": ("Dr. Ana Ruiz", "el Dr. Ana Ruiz", "Dr. Ana Ruiz", "el doctor Ruiz"),
    "Ms. Prof.": (
        "Prof.ª Ana Ruiz",
        "la profesora Ana Ruiz",
        "Prof.ª Ana Ruiz",
        "la profesora Ruiz",
    ),
    "Mr. Prof.": ("Prof. Ana Ruiz", "el profesor Ana Ruiz", "Prof. Ana Ruiz", "el profesor Ruiz"),
    "Prof.": ("Prof. Ana Ruiz", "Ana Ruiz", "Prof. Ana Ruiz", "Ana Ruiz"),
    "Mx.": ("Ana Ruiz", "Ana Ruiz", "Ana Ruiz", "Ana Ruiz"),
}


def test_spanish_titles_take_their_article_and_gender() -> None:
    for honorific, named in SPANISH_NAMES.items():
        person = _person(honorific)
        got = (
            ES.formal_name(person),
            ES.name_in_text(person),
            ES.envelope_name(person),
            ES.spoken_of(person, Salutation.HONORIFIC),
        )
        assert got == named, honorific
        assert ES.listed_name(person) == named[1]


def test_spanish_greets_an_unknown_gender_by_the_region() -> None:
    person = _person(None)
    assert MX.greeting(person, Salutation.HONORIFIC, 9) == "Apreciable Ana Ruiz:"
    assert MX.greeting(person, Salutation.HONORIFIC) == "Apreciable Ana Ruiz:"
    assert ES.greeting(person, Salutation.HONORIFIC, 9) == "Buenos días, Ana Ruiz:"
    assert MX.greeting(person, Salutation.FIRST_NAME, 9) == "Hola, Ana:"
    assert MX.greeting(_person("Ms."), Salutation.HONORIFIC, 9) == "Estimada Sra. Ruiz:"
    rita = Recruiter("Rita Moss")
    assert ES.spoken_of(rita, Salutation.FIRST_NAME) == "Rita"
    assert ES.spoken_of(None, Salutation.FIRST_NAME) == ES.spoken_name(None, Salutation.FIRST_NAME)


# --- the package's lazy names -------------------------------------------------------------


def test_a_public_name_is_imported_on_first_use_and_kept() -> None:
    namespace = vars(followup_rules)
    kept = namespace.pop("parse_timeframe", None)
    try:
        from followup_rules.timeframe import parse_timeframe

        assert followup_rules.__getattr__("parse_timeframe") is parse_timeframe
        assert namespace["parse_timeframe"] is parse_timeframe
    finally:
        if kept is not None:
            namespace["parse_timeframe"] = kept


def test_the_version_and_an_unknown_name() -> None:
    assert followup_rules.__getattr__("__version__") == version("followup-rules")
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        followup_rules.__getattr__("nothing_here")


def test_the_package_lists_its_public_names_and_dunders() -> None:
    names = followup_rules.__dir__()
    assert names == sorted(names)
    assert set(followup_rules.__all__) <= set(names)
    assert {"__name__", "__doc__", "__version__"} <= set(names)
    assert "sys" not in names and "import_module" not in names
