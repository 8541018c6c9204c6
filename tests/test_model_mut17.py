"""The interview model as a user meets it, pinned where the seventeenth mutation pass found
it loose: the titles, ids and locales it takes, the people it refuses, the errors it gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import pytest

from followup_rules import Candidate, Channel, Interviewer, InvalidInterview, Recruiter
from followup_rules.model import digest, honorific_parts, name_part, slug

from .factories import ANA, BO, at, interview


def refused(build: Callable[[], object]) -> InvalidInterview:
    with pytest.raises(InvalidInterview) as caught:
        build()
    return caught.value


_NOT_A_TITLE = (
    "expected a courtesy title (Ms., Mrs., Miss, Mr., Mx.), an academic one "
    "(Dr., Prof.) or both, e.g. 'Dr.' or 'Ms. Dr.'"
)
_TWO_OF_A_KIND = "give at most one courtesy title and one academic title"


class TestHonorifics:
    @pytest.mark.parametrize(
        ("typed", "kept"),
        [
            (None, None),
            ("ms. dr", "Ms. Dr."),
            ("Dr.Ms.", "Ms. Dr."),
            ("Prof Mx", "Mx. Prof."),
            ("MISS", "Miss"),
            ("mrs", "Mrs."),
            ("Mr.", "Mr."),
            ("doctor", "Dr."),
            ("professor", "Prof."),
            ("  Ms.  ", "Ms."),
            ("MX", "Mx."),
        ],
    )
    def test_a_title_is_written_as_a_letter_writes_it(self, typed: str | None, kept: str) -> None:
        assert Interviewer("Ana Ruiz", honorific=typed).honorific == kept

    @pytest.mark.parametrize(
        ("typed", "problem"),
        [
            ("Sir", _NOT_A_TITLE),
            ("Ms. Sir", _NOT_A_TITLE),
            ("Ms Mrs", _TWO_OF_A_KIND),
            ("Dr Prof", _TWO_OF_A_KIND),
            ("Dr. Ms. Dr.", _TWO_OF_A_KIND),
            ("DrX", _NOT_A_TITLE),
        ],
    )
    def test_a_title_that_is_not_one_or_one_too_many_is_refused(
        self, typed: str, problem: str
    ) -> None:
        error = refused(lambda: Interviewer("Ana Ruiz", honorific=typed))
        assert str(error) == f"Interviewer.honorific = {typed!r}: {problem}"

    def test_a_title_that_is_not_text_is_refused(self) -> None:
        error = refused(lambda: Interviewer("Ana Ruiz", honorific=5))  # type: ignore[arg-type]
        assert str(error) == "Interviewer.honorific = 5: expected a string, got int"

    @pytest.mark.parametrize(
        ("honorific", "parts"),
        [
            ("Ms. Dr.", ("Ms.", "Dr.")),
            ("Dr.", (None, "Dr.")),
            ("Miss", ("Miss", None)),
            ("Mx. Prof.", ("Mx.", "Prof.")),
            ("", (None, None)),
            (None, (None, None)),
        ],
    )
    def test_a_title_splits_into_its_courtesy_and_academic_parts(
        self, honorific: str | None, parts: tuple[str | None, str | None]
    ) -> None:
        assert honorific_parts(honorific) == parts


class TestIds:
    def test_an_interview_id_is_up_to_64_characters(self) -> None:
        assert interview(id="a" * 64).id == "a" * 64
        assert interview(id="A1._-z").id == "A1._-z"
        assert interview(id=None).id is None

    @pytest.mark.parametrize("typed", ["-x", "a" * 65, "a b", ".a", ""])
    def test_an_interview_id_that_is_not_one_is_refused(self, typed: str) -> None:
        error = refused(lambda: interview(id=typed))
        assert error.field == "Interview.id"
        assert error.problem in (
            "is not an id: 1 to 64 letters, digits, '.', '_' or '-', starting with one",
            "must not be empty",
        )
        assert error.problem != "must not be empty" or typed == ""

    def test_a_person_id_is_up_to_1000_characters(self) -> None:
        assert Interviewer("Ana", id="a" * 1000).id == "a" * 1000
        assert Interviewer("Ana", id=None).id is None

    @pytest.mark.parametrize("typed", ["a b", "_a", "é"])
    def test_a_person_id_that_is_not_one_is_refused(self, typed: str) -> None:
        error = refused(lambda: Interviewer("Ana", id=typed))
        assert str(error) == (
            f"Interviewer.id = {typed!r}: is not an id: letters, digits, '.', '_' or '-', "
            "starting with one"
        )


class TestLanguages:
    def test_a_locale_is_spelt_as_the_library_spells_it(self) -> None:
        assert Candidate("Cy", language=" de_at ").language == "de_AT"
        assert Candidate("Cy", language="fr-CA").language == "fr_CA"
        assert Candidate("Cy", language=None).language is None

    def test_a_locale_that_is_not_a_name_is_refused(self) -> None:
        error = refused(lambda: Candidate("Cy", language=5))  # type: ignore[arg-type]
        assert str(error) == (
            "Candidate.language = 5: expected a locale name such as 'de' or 'fr_CA', got int"
        )

    def test_a_locale_not_written_is_refused_naming_those_that_are(self) -> None:
        error = refused(lambda: Candidate("Cy", language="xx"))
        assert str(error) == (
            "Candidate.language = 'xx': messages are written in en, en_US, en_GB, en_AU, "
            "en_NZ, de, de_DE, de_AT, de_CH, fr, fr_FR, fr_BE, fr_CA, fr_CH, es, es_ES, "
            "es_MX, es_AR, es_CO, es_CL"
        )


class TestInterviewers:
    def test_one_person_or_one_name_is_a_panel_of_one(self) -> None:
        assert [p.name for p in interview(interviewers="Solo").interviewers] == ["Solo"]
        assert interview(interviewers=ANA).interviewers == (ANA,)
        assert interview(interviewers=["Ana Ruiz", BO]).interviewers == (
            Interviewer("Ana Ruiz"),
            BO,
        )

    def test_a_panel_of_49_is_taken_and_one_of_50_refused(self) -> None:
        assert len(interview(interviewers=[f"P{i}" for i in range(49)]).interviewers) == 49
        error = refused(lambda: interview(interviewers=[f"P{i}" for i in range(50)]))
        assert str(error) == (
            "Interview.interviewers = ['P0', 'P1', 'P2', 'P3', 'P4', ...]: has 50 "
            "interviewers; at most 49 can each get a note of their own that reads unlike "
            "any other"
        )

    @pytest.mark.parametrize(
        ("people", "shown", "problem"),
        [
            ([], "[]", "at least one interviewer is needed"),
            ([5], "[5]", "expected an Interviewer or a name, got int"),
            (["Ana", "Bo", "ana"], "['Ana', 'Bo', 'ana']", "'ana' is listed twice"),
            (["Zoë", "Zoe\u0308"], "['Zoë', 'Zoe\u0308']", "'Zoë' is listed twice"),
        ],
    )
    def test_a_panel_that_cannot_be_is_refused(
        self, people: list[Any], shown: str, problem: str
    ) -> None:
        error = refused(lambda: interview(interviewers=people))
        assert str(error) == f"Interview.interviewers = {shown}: {problem}"


class TestTheContact:
    def test_the_contact_may_be_given_as_the_interviewer(self) -> None:
        iv = interview(contact=BO)
        assert iv.contact == "Bo Chen"
        assert iv.follow_up_contact is BO
        assert interview(contact=None).follow_up_contact is ANA

    def test_an_unknown_contact_lists_the_first_five_interviewers(self) -> None:
        error = refused(lambda: interview(contact="Zed"))
        assert str(error) == (
            "Interview.contact = 'Zed': is not one of the interviewers "
            "(the interviewers are 'Ana Ruiz', 'Bo Chen')"
        )
        five = [f"P{i}" for i in range(5)]
        error = refused(lambda: interview(interviewers=five, contact="Zed"))
        assert error.problem == (
            "is not one of the interviewers (the interviewers are 'P0', 'P1', 'P2', 'P3', 'P4')"
        )
        error = refused(lambda: interview(interviewers=[*five, "P5"], contact="Zed"))
        assert error.problem == (
            "is not one of the interviewers "
            "(the interviewers are 'P0', 'P1', 'P2', 'P3', 'P4', ...)"
        )


class TestPersonIds:
    @pytest.mark.parametrize(
        ("build", "field", "problem"),
        [
            (
                lambda: interview(
                    interviewers=[Interviewer("Ana Ruiz", id="x"), Interviewer("Bo Chen", id="x")]
                ),
                "Interviewer.id",
                "gives 'Bo Chen' the same step ids as 'Ana Ruiz'",
            ),
            (
                lambda: interview(
                    interviewers=[Interviewer("Bo Chen", id=name_part("Ana Ruiz")), ANA]
                ),
                "Interviewer.id",
                "gives 'Bo Chen' the same step ids as 'Ana Ruiz'",
            ),
            (
                lambda: interview(
                    interviewers=[ANA, Interviewer("Bo Chen", id=name_part("Ana Ruiz"))]
                ),
                "Interviewer.id",
                "gives 'Bo Chen' the same step ids as 'Ana Ruiz'",
            ),
            (
                lambda: interview(recruiter=Recruiter("Rita", id=name_part("Ana Ruiz"))),
                "Recruiter.id",
                "gives 'Rita' the same step ids as 'Ana Ruiz'",
            ),
            (
                lambda: interview(
                    interviewers=[Interviewer("Ana Ruiz", id="same"), BO],
                    recruiter=Recruiter("Rita", id="same"),
                ),
                "Recruiter.id",
                "gives 'Rita' the same step ids as 'Ana Ruiz'",
            ),
        ],
    )
    def test_two_people_with_the_same_step_ids_are_refused(
        self, build: Callable[[], object], field: str, problem: str
    ) -> None:
        error = refused(build)
        assert (error.field, error.problem) == (
            field,
            f"{problem}: give each person an id of their own",
        )
        assert isinstance(error.value, str) and str(error).startswith(f"{field} = {error.value!r}")

    def test_one_person_in_two_roles_has_one_id(self) -> None:
        ana = Interviewer("Ana Ruiz", id="ana")
        for recruiter in (Recruiter("ana ruiz", id="ana"), Recruiter("Ana Ruiz")):
            assert interview(interviewers=[ana, BO], recruiter=recruiter).recruiter == recruiter
        plain = interview(interviewers=[ANA, BO], recruiter=Recruiter("Ana Ruiz", id="ana"))
        assert plain.recruiter is not None and plain.recruiter.id == "ana"
        error = refused(
            lambda: interview(interviewers=[ana, BO], recruiter=Recruiter("Ana Ruiz", id="other"))
        )
        assert str(error) == (
            "Recruiter.id = 'other': differs from the id 'ana' of the interviewer 'Ana Ruiz', "
            "who is the same person"
        )


class TestTheInterview:
    def test_a_typed_decision_date_is_read_as_the_candidate_writes_dates(self) -> None:
        # month first in the United States, day first elsewhere; the candidate's
        # language, else their zone, else the interview's
        london = at(2024, 7, 2, 14, tz="Europe/London")
        august = date(2024, 8, 1)
        assert interview(decision_by="01/08/2024", starts_at=london).decision_by == august
        german = Candidate("Cy", language="de")
        assert interview(decision_by="01/08/2024", candidate=german).decision_by == august
        british = Candidate("Cy", timezone="Europe/London")
        assert interview(decision_by="01/08/2024", candidate=british).decision_by == august
        for build in (
            lambda: interview(decision_by="01/08/2024"),
            lambda: interview(
                decision_by="01/08/2024",
                starts_at=london,
                candidate=Candidate("Cy", language="en_US"),
            ),
        ):
            error = refused(build)
            assert str(error) == (
                "Interview.decision_by = 2024-01-08: is before the interview on 2024-07-02"
            )

    def test_an_interview_lasts_at_most_a_day(self) -> None:
        assert interview(duration=timedelta(hours=24)).duration == timedelta(days=1)
        error = refused(lambda: interview(duration=timedelta(hours=24, seconds=1)))
        assert str(error) == "Interview.duration = 1 day 1 second: must be at most a day"


class TestLabels:
    def test_a_channel_has_a_label_in_each_language(self) -> None:
        assert [c.label() for c in Channel] == ["in person", "e-mail", "phone", "post"]
        assert [c.label("fr") for c in Channel] == [
            "en personne",
            "e-mail",
            "téléphone",
            "courrier postal",
        ]


class TestSlugs:
    @pytest.mark.parametrize(
        ("name", "slugged"),
        [
            ("Zoë Brun", "zoe-brun"),
            ("(Ana) Ruiz!", "ana-ruiz"),
            ("--Bo--", "bo"),
            ("!!!", "x"),
            ("韩梅梅", "x"),
        ],
    )
    def test_a_slug_is_lower_ascii_words_joined_by_one_dash(self, name: str, slugged: str) -> None:
        assert slug(name) == slugged

    def test_a_persons_part_of_a_step_id_is_their_slug_and_a_hash(self) -> None:
        assert name_part("Dev Patel") == "dev-patel-660988bd4cb4"
        assert name_part("(Dev) Patel") == "dev-patel-" + name_part("(Dev) Patel")[-12:]
        assert digest("x", 8) == "2d711642"


class TestWhatEachPersonHears:
    def test_own_details_first_and_the_missed_points_to_the_contact_alone(self) -> None:
        ana = Interviewer("Ana Ruiz", requested=["r2"], topics=["own"])
        bo = Interviewer("Bo Chen", requested=["r1"], fit="bo's fit", missed=["bm"])
        cy = Interviewer("Cy Diaz")
        iv = interview(
            topics=["t1"],
            fit="F",
            missed=["m1"],
            requested=["r1", "r2", "r3"],
            interviewers=[ana, bo, cy],
            contact="ana ruiz",
        )
        assert iv.details_for(ana) == (("own",), "F", ("m1",))
        assert iv.details_for(bo) == (("t1",), "bo's fit", ("bm",))
        assert iv.details_for(cy) == (("t1",), "F", ())
        assert iv.requested_by(ana) == ("r2", "r3")
        assert iv.requested_by(bo) == ("r1",)
        assert iv.requested_by(cy) == ()
        plain = interview(requested=["r1"], contact="Bo Chen")
        assert [plain.requested_by(p) for p in plain.interviewers] == [(), ("r1",)]

    def test_a_person_is_found_by_name_case_blind(self) -> None:
        iv = interview()
        assert iv.person("bo chen") is BO
        assert iv.person("BO CHEN") is BO
        assert iv.person("Zed") is None
        assert iv.person(5) is None  # type: ignore[arg-type]

    def test_each_person_lives_by_their_own_zone_else_the_candidates_or_the_interviews(
        self,
    ) -> None:
        iv = interview(
            candidate=Candidate("Cy", timezone="Europe/Paris"),
            recruiter=Recruiter("Rita"),
            interviewers=[Interviewer("Ana Ruiz", timezone="Asia/Tokyo"), BO],
        )
        assert iv.recruiter is not None and iv.candidate is not None
        zones = [
            iv.zone_of(iv.candidate).name,
            iv.zone_of(iv.recruiter).name,
            iv.zone_of(iv.interviewers[0]).name,
            iv.zone_of(BO).name,
            iv.zone_of(None).name,
            iv.zone_of(Recruiter("Quinn", timezone="Europe/Oslo")).name,
        ]
        assert zones == [
            "Europe/Paris",
            "Europe/Paris",
            "Asia/Tokyo",
            "America/New_York",
            "America/New_York",
            "Europe/Oslo",
        ]
        alone = interview(recruiter=Recruiter("Rita"))
        assert alone.recruiter is not None
        assert alone.zone_of(alone.recruiter).name == "America/New_York"
