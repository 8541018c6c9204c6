"""Mutation pass 22 (mut22d): the language tables' own words, pinned.

Every decision window a message can quote, in the four languages, as it reads on the day
it was said (*now*), at the interview, from a later update, from an update long after the
interview, and with only the interview to anchor it; and a decision date on a weekend.
These are the words a candidate sends; a change to any of them is a change users see.
"""

from __future__ import annotations

from datetime import date

import pytest

from followup_rules._languages import language
from followup_rules.timeframe import Timeframe, parse_timeframe

SAID = date(2026, 7, 7)  # a Tuesday: the interview, where the window was given
LATER = date(2026, 7, 9)  # an update two days later, the same week
LONG_BEFORE = date(2026, 6, 2)  # an interview five weeks before the update

# phrase -> language -> (now, at the interview, an update that week, an update long after
# the interview, only the interview long before to anchor it)
WINDOWS: dict[str, dict[str, tuple[str, str, str, str, str]]] = {
    "by the end of next week": {
        "de": (
            "bis Ende nächster Woche",
            "bis zum 17. Juli",
            "bis Ende der darauffolgenden Woche",
            "bis Ende der darauffolgenden Woche",
            "bis Freitag, den 17. Juli",
        ),
        "en": (
            "by the end of next week",
            "by July 17",
            "by the end of the following week",
            "by the end of the following week",
            "by Friday, July 17",
        ),
        "es": (
            "para el final de la semana que viene",
            "para el 17 de julio",
            "para el final de la semana siguiente",
            "para el final de la semana siguiente",
            "para el viernes 17 de julio",
        ),
        "fr": (
            "d’ici la fin de la semaine prochaine",
            "d’ici le 17 juillet",
            "d’ici la fin de la semaine suivante",
            "d’ici la fin de la semaine suivante",
            "d’ici le vendredi 17 juillet",
        ),
    },
    "early August": {
        "de": (
            "Anfang August",
            "Anfang August",
            "Anfang August",
            "Anfang August",
            "Anfang August",
        ),
        "en": (
            "in early August",
            "in early August",
            "in early August",
            "in early August",
            "in early August",
        ),
        "es": (
            "a principios de agosto",
            "a principios de agosto",
            "a principios de agosto",
            "a principios de agosto",
            "a principios de agosto",
        ),
        "fr": (
            "début août",
            "début août",
            "début août",
            "début août",
            "début août",
        ),
    },
    "early next week": {
        "de": (
            "Anfang nächster Woche",
            "Anfang der Woche vom 13. Juli",
            "Anfang der darauffolgenden Woche",
            "Anfang der darauffolgenden Woche",
            "Anfang der Woche, etwa am Montag, dem 13. Juli",
        ),
        "en": (
            "early next week",
            "early in the week of July 13",
            "early the following week",
            "early the following week",
            "early in the week of Monday, July 13",
        ),
        "es": (
            "a principios de la semana que viene",
            "a principios de la semana del 13 de julio",
            "a principios de la semana siguiente",
            "a principios de la semana siguiente",
            "a comienzos de semana, hacia el lunes 13 de julio",
        ),
        "fr": (
            "en début de semaine prochaine",
            "au début de la semaine du 13 juillet",
            "en début de semaine suivante",
            "en début de semaine suivante",
            "en début de semaine, vers le lundi 13 juillet",
        ),
    },
    "in 2 days": {
        "de": (
            "innerhalb von zwei Tagen",
            "innerhalb von zwei Tagen nach dem Gespräch",
            "innerhalb von zwei Tagen nach dem Gespräch",
            "innerhalb von zwei Tagen ab Dienstag, dem 7. Juli",
            "innerhalb von zwei Tagen ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within two days",
            "within two days of the interview",
            "within two days of the interview",
            "within two days of Tuesday, July 7",
            "within two days of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de dos días",
            "en un plazo de dos días desde la entrevista",
            "en un plazo de dos días desde la entrevista",
            "en un plazo de dos días desde el martes 7 de julio",
            "en un plazo de dos días desde el martes 7 de julio",
        ),
        "fr": (
            "d’ici deux jours",
            "dans les deux jours suivant l’entretien",
            "dans les deux jours suivant l’entretien",
            "dans les deux jours suivant le mardi 7 juillet",
            "dans les deux jours suivant le mardi 7 juillet",
        ),
    },
    "in 2 months": {
        "de": (
            "innerhalb von zwei Monaten",
            "innerhalb von zwei Monaten nach dem Gespräch",
            "innerhalb von zwei Monaten nach dem Gespräch",
            "innerhalb von zwei Monaten ab Dienstag, dem 7. Juli",
            "innerhalb von zwei Monaten ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within two months",
            "within two months of the interview",
            "within two months of the interview",
            "within two months of Tuesday, July 7",
            "within two months of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de dos meses",
            "en un plazo de dos meses desde la entrevista",
            "en un plazo de dos meses desde la entrevista",
            "en un plazo de dos meses desde el martes 7 de julio",
            "en un plazo de dos meses desde el martes 7 de julio",
        ),
        "fr": (
            "d’ici deux mois",
            "dans les deux mois suivant l’entretien",
            "dans les deux mois suivant l’entretien",
            "dans les deux mois suivant le mardi 7 juillet",
            "dans les deux mois suivant le mardi 7 juillet",
        ),
    },
    "in August": {
        "de": (
            "im August",
            "im August",
            "im August",
            "im August",
            "im August",
        ),
        "en": (
            "in August",
            "in August",
            "in August",
            "in August",
            "in August",
        ),
        "es": (
            "en agosto",
            "en agosto",
            "en agosto",
            "en agosto",
            "en agosto",
        ),
        "fr": (
            "en août",
            "en août",
            "en août",
            "en août",
            "en août",
        ),
    },
    "in a couple of days": {
        "de": (
            "innerhalb von ein, zwei Tagen",
            "innerhalb von ein, zwei Tagen nach dem Gespräch",
            "innerhalb von ein, zwei Tagen nach dem Gespräch",
            "innerhalb von ein, zwei Tagen ab Dienstag, dem 7. Juli",
            "innerhalb von ein, zwei Tagen ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a couple of days",
            "within a couple of days of the interview",
            "within a couple of days of the interview",
            "within a couple of days of Tuesday, July 7",
            "within a couple of days of Tuesday, July 7",
        ),
        "es": (
            "en un par de días",
            "en un par de días tras la entrevista",
            "en un par de días tras la entrevista",
            "en un par de días a partir del martes 7 de julio",
            "en un par de días a partir del martes 7 de julio",
        ),
        "fr": (
            "d’ici un jour ou deux",
            "dans un délai d’un jour ou deux après l’entretien",
            "dans un délai d’un jour ou deux après l’entretien",
            "dans un délai d’un jour ou deux à compter du mardi 7 juillet",
            "dans un délai d’un jour ou deux à compter du mardi 7 juillet",
        ),
    },
    "in a couple of months": {
        "de": (
            "innerhalb von ein, zwei Monaten",
            "innerhalb von ein, zwei Monaten nach dem Gespräch",
            "innerhalb von ein, zwei Monaten nach dem Gespräch",
            "innerhalb von ein, zwei Monaten ab Dienstag, dem 7. Juli",
            "innerhalb von ein, zwei Monaten ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a couple of months",
            "within a couple of months of the interview",
            "within a couple of months of the interview",
            "within a couple of months of Tuesday, July 7",
            "within a couple of months of Tuesday, July 7",
        ),
        "es": (
            "en un par de meses",
            "en un par de meses tras la entrevista",
            "en un par de meses tras la entrevista",
            "en un par de meses a partir del martes 7 de julio",
            "en un par de meses a partir del martes 7 de julio",
        ),
        "fr": (
            "d’ici un mois ou deux",
            "dans un délai d’un mois ou deux après l’entretien",
            "dans un délai d’un mois ou deux après l’entretien",
            "dans un délai d’un mois ou deux à compter du mardi 7 juillet",
            "dans un délai d’un mois ou deux à compter du mardi 7 juillet",
        ),
    },
    "in a couple of weeks": {
        "de": (
            "innerhalb von etwa zwei Wochen",
            "innerhalb von etwa zwei Wochen nach dem Gespräch",
            "innerhalb von etwa zwei Wochen nach dem Gespräch",
            "innerhalb von etwa zwei Wochen ab Dienstag, dem 7. Juli",
            "innerhalb von etwa zwei Wochen ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a couple of weeks",
            "within a couple of weeks of the interview",
            "within a couple of weeks of the interview",
            "within a couple of weeks of Tuesday, July 7",
            "within a couple of weeks of Tuesday, July 7",
        ),
        "es": (
            "en un par de semanas",
            "en las dos semanas siguientes a la entrevista",
            "en las dos semanas siguientes a la entrevista",
            "en las dos semanas siguientes al martes 7 de julio",
            "en las dos semanas siguientes al martes 7 de julio",
        ),
        "fr": (
            "d’ici une quinzaine de jours",
            "dans les quinze jours suivant l’entretien",
            "dans les quinze jours suivant l’entretien",
            "dans les quinze jours suivant le mardi 7 juillet",
            "dans les quinze jours suivant le mardi 7 juillet",
        ),
    },
    "in a day": {
        "de": (
            "innerhalb eines Tages",
            "innerhalb eines Tages nach dem Gespräch",
            "innerhalb eines Tages nach dem Gespräch",
            "innerhalb eines Tages ab Dienstag, dem 7. Juli",
            "innerhalb eines Tages ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a day",
            "within a day of the interview",
            "within a day of the interview",
            "within a day of Tuesday, July 7",
            "within a day of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de un día",
            "en el día siguiente a la entrevista",
            "en el día siguiente a la entrevista",
            "en el día siguiente al martes 7 de julio",
            "en el día siguiente al martes 7 de julio",
        ),
        "fr": (
            "d’ici vingt-quatre heures",
            "dans la journée suivant l’entretien",
            "dans la journée suivant l’entretien",
            "dans la journée suivant le mardi 7 juillet",
            "dans la journée suivant le mardi 7 juillet",
        ),
    },
    "in a few days": {
        "de": (
            "innerhalb weniger Tage",
            "innerhalb weniger Tage nach dem Gespräch",
            "innerhalb weniger Tage nach dem Gespräch",
            "innerhalb weniger Tage ab Dienstag, dem 7. Juli",
            "innerhalb weniger Tage ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a few days",
            "within a few days of the interview",
            "within a few days of the interview",
            "within a few days of Tuesday, July 7",
            "within a few days of Tuesday, July 7",
        ),
        "es": (
            "en unos días",
            "en unos días tras la entrevista",
            "en unos días tras la entrevista",
            "en unos días a partir del martes 7 de julio",
            "en unos días a partir del martes 7 de julio",
        ),
        "fr": (
            "d’ici quelques jours",
            "dans les quelques jours suivant l’entretien",
            "dans les quelques jours suivant l’entretien",
            "dans les quelques jours suivant le mardi 7 juillet",
            "dans les quelques jours suivant le mardi 7 juillet",
        ),
    },
    "in a few months": {
        "de": (
            "innerhalb weniger Monate",
            "innerhalb weniger Monate nach dem Gespräch",
            "innerhalb weniger Monate nach dem Gespräch",
            "innerhalb weniger Monate ab Dienstag, dem 7. Juli",
            "innerhalb weniger Monate ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a few months",
            "within a few months of the interview",
            "within a few months of the interview",
            "within a few months of Tuesday, July 7",
            "within a few months of Tuesday, July 7",
        ),
        "es": (
            "en unos meses",
            "en unos meses tras la entrevista",
            "en unos meses tras la entrevista",
            "en unos meses a partir del martes 7 de julio",
            "en unos meses a partir del martes 7 de julio",
        ),
        "fr": (
            "d’ici quelques mois",
            "dans les quelques mois suivant l’entretien",
            "dans les quelques mois suivant l’entretien",
            "dans les quelques mois suivant le mardi 7 juillet",
            "dans les quelques mois suivant le mardi 7 juillet",
        ),
    },
    "in a few weeks": {
        "de": (
            "innerhalb weniger Wochen",
            "innerhalb weniger Wochen nach dem Gespräch",
            "innerhalb weniger Wochen nach dem Gespräch",
            "innerhalb weniger Wochen ab Dienstag, dem 7. Juli",
            "innerhalb weniger Wochen ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a few weeks",
            "within a few weeks of the interview",
            "within a few weeks of the interview",
            "within a few weeks of Tuesday, July 7",
            "within a few weeks of Tuesday, July 7",
        ),
        "es": (
            "en unas semanas",
            "en unas semanas tras la entrevista",
            "en unas semanas tras la entrevista",
            "en unas semanas a partir del martes 7 de julio",
            "en unas semanas a partir del martes 7 de julio",
        ),
        "fr": (
            "d’ici quelques semaines",
            "dans les quelques semaines suivant l’entretien",
            "dans les quelques semaines suivant l’entretien",
            "dans les quelques semaines suivant le mardi 7 juillet",
            "dans les quelques semaines suivant le mardi 7 juillet",
        ),
    },
    "late August": {
        "de": (
            "Ende August",
            "Ende August",
            "Ende August",
            "Ende August",
            "Ende August",
        ),
        "en": (
            "in late August",
            "in late August",
            "in late August",
            "in late August",
            "in late August",
        ),
        "es": (
            "a finales de agosto",
            "a finales de agosto",
            "a finales de agosto",
            "a finales de agosto",
            "a finales de agosto",
        ),
        "fr": (
            "fin août",
            "fin août",
            "fin août",
            "fin août",
            "fin août",
        ),
    },
    "mid-August": {
        "de": (
            "Mitte August",
            "Mitte August",
            "Mitte August",
            "Mitte August",
            "Mitte August",
        ),
        "en": (
            "in mid-August",
            "in mid-August",
            "in mid-August",
            "in mid-August",
            "in mid-August",
        ),
        "es": (
            "a mediados de agosto",
            "a mediados de agosto",
            "a mediados de agosto",
            "a mediados de agosto",
            "a mediados de agosto",
        ),
        "fr": (
            "à la mi-août",
            "à la mi-août",
            "à la mi-août",
            "à la mi-août",
            "à la mi-août",
        ),
    },
    "next week": {
        "de": (
            "nächste Woche",
            "in der Woche vom 13. Juli",
            "in der darauffolgenden Woche",
            "in der darauffolgenden Woche",
            "in der Woche ab Montag, dem 13. Juli",
        ),
        "en": (
            "next week",
            "in the week of July 13",
            "the following week",
            "the following week",
            "in the week of Monday, July 13",
        ),
        "es": (
            "la semana que viene",
            "en la semana del 13 de julio",
            "la semana siguiente",
            "la semana siguiente",
            "durante la semana del lunes 13 de julio",
        ),
        "fr": (
            "la semaine prochaine",
            "dans la semaine du 13 juillet",
            "la semaine suivante",
            "la semaine suivante",
            "dans la semaine du lundi 13 juillet",
        ),
    },
    "this month": {
        "de": (
            "bis Ende Juli",
            "bis Ende Juli",
            "bis Ende Juli",
            "bis Ende Juli",
            "bis Ende Juli",
        ),
        "en": (
            "by the end of July",
            "by the end of July",
            "by the end of July",
            "by the end of July",
            "by the end of July",
        ),
        "es": (
            "para finales de julio",
            "para finales de julio",
            "para finales de julio",
            "para finales de julio",
            "para finales de julio",
        ),
        "fr": (
            "d’ici fin juillet",
            "d’ici fin juillet",
            "d’ici fin juillet",
            "d’ici fin juillet",
            "d’ici fin juillet",
        ),
    },
    "this week": {
        "de": (
            "bis Ende dieser Woche",
            "bis zum 10. Juli",
            "bis Ende derselben Woche",
            "bis Ende derselben Woche",
            "bis Freitag, den 10. Juli",
        ),
        "en": (
            "by the end of this week",
            "by July 10",
            "by the end of that week",
            "by the end of that week",
            "by Friday, July 10",
        ),
        "es": (
            "para el final de esta semana",
            "para el 10 de julio",
            "para el final de esa misma semana",
            "para el final de esa misma semana",
            "para el viernes 10 de julio",
        ),
        "fr": (
            "d’ici la fin de la semaine",
            "d’ici le 10 juillet",
            "d’ici la fin de cette même semaine",
            "d’ici la fin de cette même semaine",
            "d’ici le vendredi 10 juillet",
        ),
    },
    "within 3 weeks": {
        "de": (
            "innerhalb von drei Wochen",
            "innerhalb von drei Wochen nach dem Gespräch",
            "innerhalb von drei Wochen nach dem Gespräch",
            "innerhalb von drei Wochen ab Dienstag, dem 7. Juli",
            "innerhalb von drei Wochen ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within three weeks",
            "within three weeks of the interview",
            "within three weeks of the interview",
            "within three weeks of Tuesday, July 7",
            "within three weeks of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de tres semanas",
            "en un plazo de tres semanas desde la entrevista",
            "en un plazo de tres semanas desde la entrevista",
            "en un plazo de tres semanas desde el martes 7 de julio",
            "en un plazo de tres semanas desde el martes 7 de julio",
        ),
        "fr": (
            "d’ici trois semaines",
            "dans les trois semaines suivant l’entretien",
            "dans les trois semaines suivant l’entretien",
            "dans les trois semaines suivant le mardi 7 juillet",
            "dans les trois semaines suivant le mardi 7 juillet",
        ),
    },
    "within a month": {
        "de": (
            "innerhalb eines Monats",
            "innerhalb eines Monats nach dem Gespräch",
            "innerhalb eines Monats nach dem Gespräch",
            "innerhalb eines Monats ab Dienstag, dem 7. Juli",
            "innerhalb eines Monats ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a month",
            "within a month of the interview",
            "within a month of the interview",
            "within a month of Tuesday, July 7",
            "within a month of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de un mes",
            "en un plazo de un mes desde la entrevista",
            "en un plazo de un mes desde la entrevista",
            "en un plazo de un mes desde el martes 7 de julio",
            "en un plazo de un mes desde el martes 7 de julio",
        ),
        "fr": (
            "d’ici un mois",
            "dans le mois suivant l’entretien",
            "dans le mois suivant l’entretien",
            "dans le mois suivant le mardi 7 juillet",
            "dans le mois suivant le mardi 7 juillet",
        ),
    },
    "within a week": {
        "de": (
            "innerhalb einer Woche",
            "innerhalb einer Woche nach dem Gespräch",
            "innerhalb einer Woche nach dem Gespräch",
            "innerhalb einer Woche ab Dienstag, dem 7. Juli",
            "innerhalb einer Woche ab Dienstag, dem 7. Juli",
        ),
        "en": (
            "within a week",
            "within a week of the interview",
            "within a week of the interview",
            "within a week of Tuesday, July 7",
            "within a week of Tuesday, July 7",
        ),
        "es": (
            "en un plazo de una semana",
            "en un plazo de una semana desde la entrevista",
            "en un plazo de una semana desde la entrevista",
            "en un plazo de una semana desde el martes 7 de julio",
            "en un plazo de una semana desde el martes 7 de julio",
        ),
        "fr": (
            "d’ici une semaine",
            "dans la semaine suivant l’entretien",
            "dans la semaine suivant l’entretien",
            "dans la semaine suivant le mardi 7 juillet",
            "dans la semaine suivant le mardi 7 juillet",
        ),
    },
}

# a decision by one day: a weekday named, a weekend day not (nobody said "Sunday")
DAYS: dict[str, dict[str, str]] = {
    "de": {
        "2026-05-08": "bis Freitag, den 8. Mai",
        "2026-05-09": "bis zum 9. Mai",
        "2026-05-10": "bis zum 10. Mai",
    },
    "en": {
        "2026-05-08": "by Friday, May 8",
        "2026-05-09": "by May 9",
        "2026-05-10": "by May 10",
    },
    "es": {
        "2026-05-08": "para el viernes 8 de mayo",
        "2026-05-09": "para el 9 de mayo",
        "2026-05-10": "para el 10 de mayo",
    },
    "fr": {
        "2026-05-08": "d’ici le vendredi 8 mai",
        "2026-05-09": "d’ici le 9 mai",
        "2026-05-10": "d’ici le 10 mai",
    },
}


def _window(phrase: str) -> Timeframe:
    window = parse_timeframe(phrase, SAID)
    assert isinstance(window, Timeframe)
    return window


@pytest.mark.parametrize("phrase", sorted(WINDOWS))
@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_every_decision_window_reads_as_pinned(code: str, phrase: str) -> None:
    lang = language(code)
    window = _window(phrase)
    got = (
        lang.decision_words(None, window, now=True),
        lang.decision_words(None, window, interview_day=SAID),
        lang.decision_words(None, window, interview_day=SAID, said_on=LATER),
        lang.decision_words(None, window, interview_day=LONG_BEFORE, said_on=SAID),
        lang.decision_words(None, window, interview_day=LONG_BEFORE),
    )
    assert got == WINDOWS[phrase][code]


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_a_decision_by_one_day_reads_as_pinned(code: str) -> None:
    lang = language(code)
    for day, words in DAYS[code].items():
        assert lang.decision_words(date.fromisoformat(day), None) == words
    assert lang.decision_words(None, None) is None
