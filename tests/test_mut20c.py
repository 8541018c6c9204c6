"""Twentieth mutation pass (mut20c): what the sentences of `_said` and the words of
`_step_words` promise, pinned where no test did.

`benchmarks/README.md`, "Twentieth pass, `_said` and `_step_words`", says which
mutants each test answers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    Interview,
    Interviewer,
    InvalidArgument,
    Policy,
    Violation,
    audit,
    describe_event,
)
from followup_rules._step_words import business_days, language_named

JERUSALEM = "Asia/Jerusalem"


def _israeli_interview(**changes: Any) -> Interview:
    """Monday 13 July 2026, 14:00 in Jerusalem, with Dana Levi (who takes calls)."""
    fields: dict[str, Any] = {
        "starts_at": pendulum.datetime(2026, 7, 13, 14, tz=JERUSALEM),
        "company": "Acme",
        "role": "Data Engineer",
        "interviewers": [Interviewer("Dana Levi", email="dana@acme.example", phone="+972 2 555")],
        "decision_by": date(2026, 7, 14),
        "invited_to_call": True,
    }
    fields.update(changes)
    return Interview(**fields)


def _friday_call() -> Violation:
    """A call on an Israeli Friday morning: outside the call window of a business day."""
    call = Contact(
        pendulum.datetime(2026, 7, 17, 10, 30, tz=JERUSALEM), Channel.PHONE, ActionKind.CHECK_IN
    )
    (found,) = audit(_israeli_interview(), [call], Policy(holidays="IL"))
    return found


class TestALocalesWords:
    def test_the_words_know_their_locale_language_and_region(self) -> None:
        swiss = language_named("de-ch")
        assert (swiss.locale, swiss.code, swiss.region) == ("de_CH", "de", "CH")
        assert repr(swiss) == "Words('de_CH')"
        german = language_named("de")
        assert (german.locale, german.code, german.region) == ("de", "de", None)
        assert language_named(None).locale == "en"

    def test_a_locale_without_a_translation_is_refused_with_the_list(self) -> None:
        for given in ("xx", 3):
            with pytest.raises(InvalidArgument) as error:
                language_named(given)
            assert (error.value.key, error.value.value) == ("locale", given)
            assert str(error.value) == (
                f"locale = {given!r}: expected None or a translated locale (en, en_US, en_GB, "
                "en_AU, en_NZ, de, de_DE, de_AT, de_CH, fr, fr_FR, fr_BE, fr_CA, fr_CH, es, "
                "es_ES, es_MX, es_AR, es_CO, es_CL)"
            )

    def test_the_calendar_counts_days_in_words_in_english_up_to_ten(self) -> None:
        """English as the calendar always wrote it; digits in the other languages."""
        counts = (0, 1, 2, 10, 11, 12)
        assert [business_days(language_named("en"), n) for n in counts] == [
            "no business days",
            "one business day",
            "two business days",
            "ten business days",
            "11 business days",
            "12 business days",
        ]
        assert [business_days(language_named("de"), n) for n in counts] == [
            "0 Werktage",
            "1 Werktag",
            "2 Werktage",
            "10 Werktage",
            "11 Werktage",
            "12 Werktage",
        ]
        assert business_days(language_named("es"), 1) == "1 día hábil"
        assert business_days(language_named("fr"), 2) == "2 jours ouvrés"


class TestAnEventsMomentInEachLanguage:
    """`describe_event`'s moment: the language's day, its clock, and the zone's abbreviation
    only when the hour comes twice (the night the clocks go back)."""

    interview = Interview(
        starts_at=pendulum.datetime(2026, 10, 20, 14, tz="Europe/Berlin"),
        company="Acme",
        role="Data Engineer",
        interviewers=[Interviewer("Ana Ruiz", email="ana@acme.example")],
    )

    def said(self, at: Any, locale: str | None) -> str:
        return describe_event(Contact(at, Channel.EMAIL), self.interview, locale=locale)

    def test_an_ordinary_hour(self) -> None:
        at = pendulum.datetime(2026, 10, 27, 8, 5, tz="UTC")
        assert self.said(at, None) == "check-in to Ana Ruiz, by e-mail, Tue 27 Oct 09:05"
        assert self.said(at, "de") == "Nachfrage an Ana Ruiz, per E-Mail, Di., 27. Okt., 9:05 Uhr"
        assert self.said(at, "fr") == (
            "relance à Ana Ruiz, par e-mail, mar. 27 oct., 9\u00a0h\u00a005"
        )
        assert self.said(at, "es") == (
            "seguimiento a Ana Ruiz, por correo electrónico, mar. 27 oct., 9:05"
        )

    def test_the_hour_that_comes_twice_says_which(self) -> None:
        first = pendulum.datetime(2026, 10, 25, 0, 30, tz="UTC")  # 02:30 CEST
        second = pendulum.datetime(2026, 10, 25, 1, 30, tz="UTC")  # 02:30 CET
        assert self.said(first, None).endswith(", Sun 25 Oct 02:30 CEST")
        assert self.said(second, None).endswith(", Sun 25 Oct 02:30 CET")
        assert self.said(first, "de").endswith(", So., 25. Okt., 2:30 Uhr CEST")
        assert self.said(second, "de").endswith(", So., 25. Okt., 2:30 Uhr CET")
        assert self.said(second, "fr").endswith(", dim. 25 oct., 2\u00a0h\u00a030 CET")
        assert self.said(first, "es") == (
            "seguimiento a Ana Ruiz, por correo electrónico, dom. 25 oct., 2:30 CEST"
        )


class TestTheCallWindowSentence:
    """The audit's finding on a call outside the window, in every language, word for word."""

    def test_each_language_says_the_day_the_hours_and_the_working_week(self) -> None:
        found = _friday_call()
        assert found.describe("de") == (
            "Anruf am Fr. 10:30 Ortszeit der angerufenen Person, außerhalb von 10:00 bis "
            "11:30 Uhr an einem Werktag in IL (Sonntag bis Donnerstag, kein gesetzlicher "
            "Feiertag)"
        )
        assert found.describe("fr") == (
            "appel le ven. 10\u00a0h\u00a030 (heure de la personne appelée), hors de la plage "
            "de 10\u00a0h à 11\u00a0h\u00a030 d’un jour ouvré (IL\u00a0: du dimanche au jeudi, "
            "hors jours fériés)"
        )
        assert found.describe("es") == (
            "llamada el vie. 10:30 (hora de la persona llamada), fuera del horario de 10:00 a "
            "11:30 en un día hábil en IL (de domingo a jueves, que no sea festivo)"
        )

    def test_switzerland_writes_ss_for_the_sharp_s(self) -> None:
        """Swiss German spells "ausserhalb", as its messages do; Germany "außerhalb"."""
        found = _friday_call()
        swiss = found.describe("de_CH")
        assert "ausserhalb" in swiss and "ß" not in swiss
        assert swiss == found.describe("de").replace("ß", "ss")
        assert found.describe("de_AT") == found.describe("de")
