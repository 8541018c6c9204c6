"""Twentieth mutation pass (mut20c): what the sentences of `_said` and the words of
`_step_words` promise, pinned where no test did.

`benchmarks/README.md`, "Twentieth pass, `_said` and `_step_words`", says which
mutants each test answers.
"""

from __future__ import annotations

import pickle
from datetime import date, time, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    FollowupError,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    InvalidInterview,
    Policy,
    Snooze,
    Violation,
    audit,
    audit_many,
    describe_event,
    plan,
    render,
)
from followup_rules._said import (
    BusinessDay,
    CallTime,
    Days,
    Kind,
    Moment,
    OutcomeName,
    Said,
    Window,
    say,
    week_words,
)
from followup_rules._step_words import business_days, clock, language_named
from followup_rules.loop import later_rounds

JERUSALEM = "Asia/Jerusalem"
LANGUAGES = ("en", "de", "fr", "es")


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
        assert business_days(language_named("de_CH"), 3) == "3 Werktage"
        assert business_days(language_named("es"), 1) == "1 día hábil"
        assert business_days(language_named("fr"), 2) == "2 jours ouvrés"


def test_each_language_writes_a_time_of_day_its_own_way() -> None:
    """The calendar's times: ``09:05`` in English (as it always read), ``9:05`` in German
    and Spanish, ``9 h 05`` and ``18 h`` in French."""
    times = (time(9, 5), time(18, 0), time(0, 30))
    said = {code: [clock(language_named(code), each) for each in times] for code in LANGUAGES}
    assert said == {
        "en": ["09:05", "18:00", "00:30"],
        "de": ["9:05", "18:00", "0:30"],
        "fr": ["9\u00a0h\u00a005", "18\u00a0h", "0\u00a0h\u00a030"],
        "es": ["9:05", "18:00", "0:30"],
    }


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


class TestTheWorkingWeekInWords:
    """`week_words`: the working days of any weekend, each run of days "X to Y", the last
    joined by "and", in the language asked for."""

    @pytest.mark.parametrize(
        ("weekend", "english", "german", "spanish"),
        [
            ({5, 6}, "Monday to Friday", "Montag bis Freitag", "de lunes a viernes"),
            ({4, 5}, "Sunday to Thursday", "Sonntag bis Donnerstag", "de domingo a jueves"),
            ({4}, "Saturday to Thursday", "Samstag bis Donnerstag", "de sábado a jueves"),
            (
                {4, 6},
                "Monday to Thursday and Saturday",
                "Montag bis Donnerstag und Samstag",
                "de lunes a jueves y sábado",
            ),
            (
                {1, 3, 5},
                "Sunday to Monday, Wednesday and Friday",
                "Sonntag bis Montag, Mittwoch und Freitag",
                "de domingo a lunes, miércoles y viernes",
            ),
            (
                {0, 2, 4, 6},
                "Tuesday, Thursday and Saturday",
                "Dienstag, Donnerstag und Samstag",
                "martes, jueves y sábado",
            ),
            ({0, 1, 2, 3, 4, 5}, "Sunday", "Sonntag", "domingo"),
            (set(range(7)), "no day", "kein Tag", "ningún día"),
        ],
    )
    def test_each_weekend(
        self, weekend: set[int], english: str, german: str, spanish: str
    ) -> None:
        frozen = frozenset(weekend)
        said = [week_words(language_named(code), frozen) for code in ("en", "de", "es")]
        assert said == [english, german, spanish]


class TestEachValueOfASentence:
    """A sentence of the audit, in English as it always read and in the candidate's
    language: its moments, days, counts, names, kinds and outcomes each in that
    language's words."""

    at = pendulum.datetime(2026, 7, 11, 9, 5, tz="Europe/Berlin")
    ended = pendulum.datetime(2026, 7, 11, 10, tz="Europe/Berlin")

    def test_moments_with_their_zone(self) -> None:
        said = Said("thanks early", at=Moment(self.at), ended=Moment(self.ended))
        assert said == (
            "thank-you sent 2026-07-11 09:05 CEST, before the interview ended "
            "(2026-07-11 10:00 CEST): it thanks for a conversation not yet over"
        )
        assert said.in_language(language_named("de")) == (
            "Dank gesendet am Sa., 11. Juli 2026, 9:05 Uhr CEST, vor dem Ende des Gesprächs "
            "(Sa., 11. Juli 2026, 10:00 Uhr CEST): er dankt für ein Gespräch, das noch nicht "
            "vorbei war"
        )
        assert said.in_language(language_named("es")) == (
            "agradecimiento enviado el sáb. 11 jul. 2026, 9:05 CEST, antes de que terminara la "
            "entrevista (sáb. 11 jul. 2026, 10:00 CEST): agradece una conversación aún no "
            "terminada"
        )
        assert said.in_language(language_named("en_GB")) == said

    def test_a_kind_a_name_and_a_moment(self) -> None:
        said = Said(
            "second note", what=Kind("thank_you"), name="Jörg Müller", sent=Moment(self.at)
        )
        assert said == (
            "a second thank-you to Jörg Müller (the first on 2026-07-11 09:05 CEST): one note "
            "per interviewer"
        )
        assert say(said, language_named("de")) == (
            "Dank an Jörg Müller zum zweiten Mal (zuerst am Sa., 11. Juli 2026, 9:05 Uhr CEST): "
            "eine Nachricht pro Gesprächspartner"
        )

    def test_an_outcome(self) -> None:
        said = Said("stop", outcome=OutcomeName("rejected"))
        assert said == "a check-in after the REJECTED outcome"
        assert said.in_language(language_named("de")) == (
            "eine Nachfrage nach dem Ergebnis „Absage“"
        )

    def test_days_counted_and_a_day(self) -> None:
        one = Said("gap", apart=Days(1), previous=date(2026, 7, 9), min_gap=3)
        two = Said("gap", apart=Days(2), previous=date(2026, 7, 9), min_gap=3)
        assert one == (
            "only 1 business day after the last exchange on 2026-07-09; the policy asks for 3"
        )
        assert two.startswith("only 2 business days after")
        assert one.in_language(language_named("de")) == (
            "nur 1 Werktag nach dem letzten Austausch am Do., 9. Juli 2026; die Richtlinie "
            "verlangt 3"
        )
        assert two.in_language(language_named("es")) == (
            "solo 2 días hábiles después del último contacto, el jue. 9 jul. 2026; la política "
            "pide 3"
        )
        # the gap the policy asks for, counted ("1 business day", never "1 business days")
        patience = Said("patience", day=date(2026, 7, 8), gap=Days(1))
        assert "(1 business day, and its window closed)" in patience
        assert "(3 business days, and its window closed)" in Said(
            "patience", day=date(2026, 7, 8), gap=Days(3)
        )
        assert "(nötig sind 1 Werktag Abstand" in patience.in_language(language_named("de"))

    def test_a_call_outside_the_window_on_a_plain_business_day(self) -> None:
        said = Said(
            "call window",
            time=CallTime(self.at),
            window=Window(pendulum.time(10), pendulum.time(11, 30)),
            business_day=BusinessDay(None, date(2026, 7, 11)),
        )
        assert said == "call at Sat 09:05 recipient time, outside 10:00-11:30 on a business day"
        assert said.in_language(language_named("de")) == (
            "Anruf am Sa. 9:05 Ortszeit der angerufenen Person, außerhalb von 10:00 bis 11:30 "
            "Uhr an einem Werktag"
        )
        assert said.in_language(language_named("es")) == (
            "llamada el sáb. 9:05 (hora de la persona llamada), fuera del horario de 10:00 a "
            "11:30 en un día hábil"
        )

    def test_a_sentence_made_by_hand_is_said_as_it_is(self) -> None:
        assert say("my own words", language_named("de")) == "my own words"

    def test_a_sentence_and_its_values_pickle_and_compare_by_what_they_hold(self) -> None:
        values = [
            Moment(self.at),
            CallTime(self.at),
            Window(pendulum.time(10), pendulum.time(11, 30)),
            Days(3),
            OutcomeName("offer"),
            Kind("thank_you"),
            BusinessDay(frozenset({date(2026, 12, 25)}), date(2026, 7, 10)),
        ]
        for value in values:
            again = pickle.loads(pickle.dumps(value))
            assert again == value and hash(again) == hash(value)
            assert type(again) is type(value)
        assert Days(3) != Days(4)
        assert Days(3) == Days(3) and len({Days(3), Days(3), Days(4)}) == 2
        assert Kind("offer") != OutcomeName("offer")
        assert Window(pendulum.time(10), pendulum.time(11)) != Window(
            pendulum.time(11), pendulum.time(10)
        )
        said = Said("second note", what=Kind("thank_you"), name="Jörg Müller", sent=values[0])
        again = pickle.loads(pickle.dumps(said))
        assert isinstance(again, Said) and again == said
        assert (again.key, again.values) == (said.key, said.values)
        assert again.in_language(language_named("fr")) == said.in_language(language_named("fr"))


# -- `loop`: what an application takes and how it is named -------------------------------


def _muster(language: str | None = "de") -> Interview:
    return Interview(
        starts_at=pendulum.datetime(2026, 7, 13, 14, tz="Europe/Berlin"),
        company="Muster GmbH",
        role="Entwicklerin",
        interviewers=[Interviewer("Ana Ruiz", email="ana@muster.example")],
        candidate=Candidate("Lena Vogel", language=language),
    )


class TestAnApplicationRefusesWhatItCannotTake:
    """Each refusal names the field, keeps the value and says why, word for word."""

    @pytest.mark.parametrize(
        ("changes", "error", "text"),
        [
            (
                {"history": "abc"},
                InvalidHistory,
                "Application.history = 'abc': expected a sequence of events",
            ),
            (
                {"history": b"x"},
                InvalidHistory,
                "Application.history = b'x': expected a sequence of events",
            ),
            (
                {"history": 5},
                InvalidHistory,
                "Application.history = 5: expected a sequence of events",
            ),
            (
                {"policy": "strict"},
                InvalidInterview,
                "Application.policy = 'strict': expected a Policy or None",
            ),
            ({"name": 3}, InvalidInterview, "Application.name = 3: expected a string or None"),
            (
                {"key": []},
                InvalidArgument,
                "Application.key = []: expected a hashable value (a number, a string...)",
            ),
            (
                {"met_before": 5},
                InvalidArgument,
                "met_before = 5: expected person keys with how many interviews",
            ),
            (
                {"met_before": [("ana ruiz", "twice")]},
                InvalidArgument,
                "met_before = [['ana "
                "ruiz', 'twice']]: expected person keys with how many interviews",
            ),
            (
                {"met_before": {"ana ruiz": -1}},
                InvalidArgument,
                "met_before = a table (ana ruiz): a count of interviews is never negative",
            ),
        ],
    )
    def test_each_field(
        self, changes: dict[str, Any], error: type[FollowupError], text: str
    ) -> None:
        with pytest.raises(error) as raised:
            Application(_muster(), **changes)
        assert type(raised.value) is error and str(raised.value) == text
        (value,) = changes.values()
        assert raised.value.value == value

    def test_not_an_interview(self) -> None:
        with pytest.raises(InvalidInterview) as raised:
            Application("Muster")  # type: ignore[arg-type]
        assert str(raised.value) == "Application.interview = 'Muster': expected an Interview"

    def test_people_met_before_are_kept_sorted_and_without_a_zero(self) -> None:
        application = Application(
            _muster(), met_before={"ruiz": 2, "adams": 0, "chen": 1, "bauer": 0}
        )
        assert application.met_before == (("chen", 1), ("ruiz", 2))
        assert Application(_muster(), met_before=[("b", "2"), (3, 1)]).met_before == (
            ("3", 1),
            ("b", 2),
        )
        assert Application(_muster()).met_before == ()


class TestAnApplicationsLabel:
    def test_in_the_candidates_language_by_default(self) -> None:
        assert Application(_muster("de")).label_in() == "Entwicklerin bei Muster GmbH"
        assert Application(_muster("es")).label_in() == "Entwicklerin en Muster GmbH"
        assert Application(_muster(None)).label_in() == "Entwicklerin at Muster GmbH"

    def test_in_the_language_asked_for(self) -> None:
        application = Application(_muster("de"))
        assert application.label_in("fr") == "Entwicklerin chez Muster GmbH"
        assert application.label_in("en") == application.label == "Entwicklerin at Muster GmbH"

    def test_a_name_given_is_said_as_it_is(self) -> None:
        assert Application(_muster("de"), name="Mein Muster").label_in("fr") == "Mein Muster"

    def test_a_language_without_messages_is_refused(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            Application(_muster("de")).label_in("xx")
        assert (raised.value.key, raised.value.value) == ("locale", "xx")
        assert str(raised.value) == "locale = 'xx': is not a language messages are written in"


class TestAuditManyRefuses:
    def test_not_a_list(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            audit_many(5)  # type: ignore[arg-type]
        assert str(raised.value) == "applications = 5: expected an iterable"

    def test_an_item_named_by_its_place(self) -> None:
        with pytest.raises(InvalidArgument) as raised:
            audit_many([Application(_muster()), "Muster"])  # type: ignore[list-item]
        assert str(raised.value) == "applications[1] = 'Muster': expected an Application"
        assert raised.value.value == "Muster"


class TestLaterRounds:
    """`later_rounds`: who of each interview's people the candidate met in an earlier
    interview for the same role at the same employer, and how many times."""

    @staticmethod
    def rounds() -> list[Application]:
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")
        bo = Interviewer("Bo Chen", email="bo@acme.example")
        cy = Interviewer("Cy Park", email="cy@acme.example")

        def met(day: int, *people: Interviewer, hour: int = 10) -> Interview:
            return Interview(
                starts_at=pendulum.datetime(2026, 7, day, hour, tz="America/New_York"),
                company="Acme",
                role="Data Engineer",
                interviewers=list(people),
            )

        return [
            Application(met(7, ana, bo), name="first"),
            Application(met(7, ana, hour=10), name="the same hour"),
            Application(met(9, bo, cy), name="second", met_before={"bo chen": 4, "cy park": 3}),
            Application(met(14, ana, bo, cy), name="third"),
        ]

    def test_each_person_counted_in_the_interviews_before(self) -> None:
        first, same_hour, second, third = later_rounds(self.rounds())
        # an interview at the same instant is no earlier round
        assert first.met_before == () and same_hour.met_before == ()
        # what was given is kept when more than found
        assert second.met_before == (("bo chen", 4), ("cy park", 3))
        assert third.met_before == (("ana ruiz", 2), ("bo chen", 2), ("cy park", 1))

    def test_an_application_with_nothing_new_is_given_back_as_it_was(self) -> None:
        given = self.rounds()
        found = later_rounds(given)
        assert found[0] is given[0] and found[1] is given[1] and found[2] is given[2]
        assert found[3] is not given[3] and found[3].name == "third"

    def test_an_interview_is_earlier_by_its_start_not_its_end(self) -> None:
        """A day on site from 9:00 and a call at 10:00 the same day: the call is the later
        round, though the day on site ends after it."""
        ana = Interviewer("Ana Ruiz", email="ana@acme.example")

        def met(hour: int, hours: int) -> Application:
            return Application(
                Interview(
                    starts_at=pendulum.datetime(2026, 7, 7, hour, tz="America/New_York"),
                    company="Acme",
                    role="Data Engineer",
                    interviewers=[ana],
                    duration=timedelta(hours=hours),
                )
            )

        on_site, call = later_rounds([met(9, 8), met(10, 1)])
        assert (on_site.met_before, call.met_before) == ((), (("ana ruiz", 1),))


class TestTheGapAcrossApplications:
    def test_is_kept_per_person(self) -> None:
        """A check-in to Bo in one application and to Bo in the other at the same time:
        the later listed is too soon; to Ana in one and to Bo in the other: none."""
        from .factories import at, interview

        me = Candidate("Sam Lee", email="sam@example.com")
        first = Application(interview(decision_by=date(2024, 7, 10), candidate=me))
        second = Application(
            interview(
                starts_at=at(2024, 7, 3, 10),
                company="ACME Analytics GmbH",
                role="Data Engineer, second round",
                decision_by=date(2024, 7, 10),
                candidate=me,
            )
        )
        one = two = Contact(at(2024, 7, 11, 10), Channel.PHONE, ActionKind.CHECK_IN, "Ana Ruiz")
        to_bo = attrs.evolve(one, recipient="Bo Chen"), attrs.evolve(two, recipient="Bo Chen")
        both_bo = [
            attrs.evolve(first, history=(to_bo[0],)),
            attrs.evolve(second, history=(to_bo[1],)),
        ]
        assert [[v.message for v in found] for found in audit_many(both_bo)] == [
            [],
            [
                "only 0 business days after a follow-up to the same person at this employer "
                "in another application on 2024-07-11; the policy asks for 3"
            ],
        ]
        ana_then_bo = [
            attrs.evolve(first, history=(one,)),
            attrs.evolve(second, history=(to_bo[1],)),
        ]
        assert audit_many(ana_then_bo) == [[], []]

    def test_each_application_is_judged_under_its_own_policy(self) -> None:
        """Two check-ins four business days apart: polite by default, too soon for an
        application whose policy asks for five (two candidates: no gap between them)."""
        from .factories import at, interview

        history = tuple(
            Contact(at(2024, 7, day, 10), Channel.EMAIL, ActionKind.CHECK_IN, "Ana Ruiz")
            for day in (11, 17)
        )
        found = audit_many(
            [
                Application(interview(decision_by=date(2024, 7, 10)), history=history),
                Application(
                    interview(decision_by=date(2024, 7, 10), candidate=Candidate("Kim Park")),
                    history=history,
                    policy=Policy(min_gap=5),
                ),
            ]
        )
        assert [[v.message for v in each] for each in found] == [
            [],
            ["only 4 business days after the last exchange on 2024-07-11; the policy asks for 5"],
        ]


def test_a_snooze_moves_each_check_in_and_changes_says_so() -> None:
    """The first check-in snoozed to the next day: it and the two after it move a day or
    more, on the same channel; `changes` lists each as moved, soonest first."""
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+1 212 555 0142")],
        decision_by=date(2026, 7, 15),
    )
    application = Application(interview)
    since = pendulum.datetime(2026, 7, 16, 9, tz="America/New_York")
    first = next(
        item for item in application.agenda(since) if item.action.kind is ActionKind.CHECK_IN
    )
    snooze = Snooze(since.add(hours=1), first.id, first.action.earliest.add(days=1))
    later = application.record(snooze, now=since.add(hours=1)).application
    assert later is not None
    changes = later.changes(since, since.add(hours=2))
    assert changes.events == (snooze,)
    assert [change.change for change in changes] == ["moved", "moved", "moved"]
    days = []
    for change in changes:
        assert change.before is not None and change.now.item is not None
        before, now = change.before.action, change.now.item.action
        assert now.channel is before.channel
        days.append((before.earliest.day, now.earliest.day, now.latest.day))
    assert days == [(16, 17, 17), (21, 22, 22), (24, 27, 27)]


def test_a_topic_naming_the_company_in_full_is_kept_as_typed_for_the_first_of_two() -> None:
    """The company's legal form is dropped after its first mention, but never inside the
    user's own words: two topics of the first of two interviewers, each naming "Acme
    Inc.", come out as typed (`_typed` reads every person, not only the last)."""
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Inc.",
        "Data Engineer",
        [
            Interviewer(
                "Ana Ruiz",
                email="ana@acme.example",
                topics=["the Acme Inc. data platform", "the Acme Inc. hiring plan"],
            ),
            Interviewer("Bo Chen", email="bo@acme.example"),
        ],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    note = next(
        action
        for action in plan(interview)
        if action.kind is ActionKind.THANK_YOU
        and action.recipient is not None
        and action.recipient.name == "Ana Ruiz"
    )
    text = " ".join(render(note, interview).text.split())
    assert "the Acme Inc. data platform and the Acme Inc. hiring plan" in text


class TestACallsWindowForTheCandidate:
    """A call script gives the window on the recipient's clock and, when the candidate's
    differs, on the candidate's, with their own day when it is another."""

    @staticmethod
    def script(where: str, candidate_zone: str) -> list[str]:
        interview = Interview(
            pendulum.datetime(2026, 7, 7, 14, tz=where),
            "Acme",
            "Data Engineer",
            [Interviewer("Ana Ruiz", email="ana@acme.example", phone="+64 9 555 0142")],
            decision_by=date(2026, 7, 15),
            candidate=Candidate("Sam Lee", email="sam@example.com", timezone=candidate_zone),
            invited_to_call=True,
        )
        (call,) = [action for action in plan(interview) if action.channel is Channel.PHONE]
        return [line for line in render(call, interview).text.splitlines() if "Call Ana" in line]

    def test_the_day_before_on_the_candidates_side_of_the_date_line(self) -> None:
        assert self.script("Pacific/Auckland", "Pacific/Honolulu") == [
            "Call Ana Ruiz at +64 9 555 0142 on Thursday, July 16, between 10:00 AM and 11:30 "
            "AM Auckland time (NZST). For you, that is between noon and 1:30 PM Honolulu time "
            "(HST) on Wednesday, July 15."
        ]

    def test_the_same_zone_says_the_window_once(self) -> None:
        (line,) = self.script("Pacific/Auckland", "Pacific/Auckland")
        assert "For you" not in line and line.endswith("Auckland time (NZST).")


def test_a_later_rounds_thank_you_takes_its_rounds_own_wordings() -> None:
    """The thank-you to someone met once or twice before: each round its own set of
    wordings (the pencil moves on by the rounds met), word for word."""
    interview = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme",
        "Data Engineer",
        [Interviewer("Ana Ruiz", email="ana@acme.example")],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    bodies = []
    for rounds in (1, 2):
        application = Application(interview, met_before={"ana ruiz": rounds})
        note = next(a for a in application.plan() if a.kind is ActionKind.THANK_YOU)
        bodies.append(render(note, interview).text.split("\n\n")[1:3])
    assert bodies == [
        [
            "Thank you for meeting me a second time about the Data Engineer role at Acme.",
            "I am eager to continue in the process.",
        ],
        [
            "Thank you for speaking with me once again about the Data Engineer position at Acme.",
            "I would very much like to move forward in the process.",
        ],
    ]
