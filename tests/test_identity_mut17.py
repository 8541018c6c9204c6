"""Mutation testing, seventeenth pass (`identity`): the step ids an app stores, exactly.

Each test pins what an app or a calendar relies on: the id each step gets
(and keeps when a history grows), the id a recorded contact is found under,
the step a `Skip` names, and the words of the error a bad step id gets.
"""

from __future__ import annotations

from datetime import date

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Contact,
    Event,
    Recruiter,
    Reply,
    Skip,
    StepIdError,
    action_ids,
    plan,
)
from followup_rules.identity import (
    action_id,
    done_ids,
    employer_key,
    interview_key,
    person_key,
    person_part,
    pinned,
    pinned_person,
    role_key,
    step_key,
    thread_key,
)

from .factories import at, interview

DECIDED = date(2024, 7, 10)
RITA = Recruiter("Rita Lo", phone="+1 212 555 0100")


def ids_of(kind: ActionKind, ids: tuple[str, ...]) -> list[str]:
    return [uid for uid in ids if uid.startswith(f"{kind.value}-")]


def step(kind: ActionKind, name: str, number: int | str, interview_: object) -> str:
    """A step id as the library writes it."""
    who = person_part(name, interview_)  # type: ignore[arg-type]
    return f"{kind.value}-{who}-{number}-{interview_key(interview_)}@followup-rules"  # type: ignore[arg-type]


def problem(step_id: object, interview_: object) -> str:
    with pytest.raises(StepIdError) as caught:
        step_key(step_id, interview_)  # type: ignore[arg-type]
    assert caught.value.field == "step"
    assert caught.value.value == step_id
    return caught.value.problem


class TestTheIdOfAStep:
    def test_without_a_number_a_step_is_the_first_of_its_kind(self) -> None:
        """`action_id(action, interview)` is the id `action_ids` gives the first step."""
        iv = interview(decision_by=DECIDED)
        steps = plan(iv)
        assert action_id(steps[0], iv) == action_ids(steps, iv)[0]
        assert action_id(steps[0], iv) == step(steps[0].kind, "Ana Ruiz", 1, iv)

    def test_a_step_to_nobody_in_particular_has_no_person_part(self) -> None:
        """An `Action` without a recipient is numbered as the contact's; its id names nobody."""
        iv = interview(decision_by=DECIDED)
        check_in = next(a for a in plan(iv) if a.kind is ActionKind.CHECK_IN)
        nobodys = attrs.evolve(check_in, recipient=None)
        expected = f"check_in--1-{interview_key(iv)}@followup-rules"
        assert action_id(nobodys, iv, 1) == expected
        assert action_ids([nobodys], iv) == (expected,)
        # numbered among the contact's check-ins: after one to Ana, it is the second
        assert action_ids([check_in, nobodys], iv)[1] == expected.replace("--1-", "--2-")


class TestWhoAStepIsNumberedUnder:
    """A step done once per interview is the contact's; the debrief the recruiter's."""

    def test_the_debrief_done_is_found_under_the_plans_id(self) -> None:
        iv = interview(decision_by=DECIDED, recruiter=RITA)
        (debrief,) = ids_of(ActionKind.RECRUITER_DEBRIEF, action_ids(plan(iv), iv))
        assert debrief == step(ActionKind.RECRUITER_DEBRIEF, "Rita Lo", 1, iv)
        call = Contact(
            at(2024, 7, 2, 16),
            Channel.PHONE,
            kind=ActionKind.RECRUITER_DEBRIEF,
            recipient="Rita Lo",
        )
        assert done_ids(iv, [call]) == {debrief: call}
        assert step_key(debrief, iv) == (ActionKind.RECRUITER_DEBRIEF, "rita lo", 1)

    def test_a_timeline_question_asked_of_another_is_the_contacts(self) -> None:
        """Asked of Bo, with a recruiter on the file: still Ana's step, the plan's id."""
        iv = interview(decision_by=DECIDED, recruiter=RITA)
        (timeline,) = ids_of(ActionKind.ASK_TIMELINE, action_ids(plan(iv), iv))
        asked = Contact(
            at(2024, 7, 2, 15, 30),
            Channel.IN_PERSON,
            kind=ActionKind.ASK_TIMELINE,
            recipient="Bo Chen",
        )
        assert done_ids(iv, [asked]) == {timeline: asked}
        # a step id naming Bo for it is read as Ana's, the step the plan has
        bos = step(ActionKind.ASK_TIMELINE, "Bo Chen", 1, iv)
        assert step_key(bos, iv) == (ActionKind.ASK_TIMELINE, "ana ruiz", 1)
        history: list[Event] = [
            asked,
            Skip(at(2024, 7, 2, 16), step(ActionKind.CLOSING_STATEMENT, "Bo Chen", 1, iv)),
        ]
        after = plan(iv, history=history)
        kinds = {a.kind for a in [*after, *after.missed]}
        assert ActionKind.ASK_TIMELINE not in kinds
        assert ActionKind.CLOSING_STATEMENT not in kinds
        assert ids_of(ActionKind.CHECK_IN, action_ids(after, iv, history)) == ids_of(
            ActionKind.CHECK_IN, action_ids(plan(iv), iv)
        )

    def test_a_thank_you_to_one_interviewer_is_theirs(self) -> None:
        """Bo's note sent: Ana's note keeps the id it had, Bo's is found under his."""
        iv = interview(decision_by=DECIDED)
        before = action_ids(plan(iv), iv)
        anas, bos = ids_of(ActionKind.THANK_YOU, before)
        note = Contact(
            at(2024, 7, 2, 18), Channel.EMAIL, kind=ActionKind.THANK_YOU, recipient="Bo Chen"
        )
        assert done_ids(iv, [note]) == {bos: note}
        assert ids_of(ActionKind.THANK_YOU, action_ids(plan(iv, history=[note]), iv, [note])) == [
            anas
        ]


class TestNumbersAlongAHistory:
    def test_check_ins_done_are_counted(self) -> None:
        """Two check-ins done: the one left is the third, and each done is found by its id."""
        iv = interview(decision_by=DECIDED)
        first, second, third = ids_of(ActionKind.CHECK_IN, action_ids(plan(iv), iv))
        history: list[Event] = [
            Contact(at(2024, 7, 11, 10), Channel.EMAIL),
            Contact(at(2024, 7, 16, 10), Channel.EMAIL),
        ]
        later = plan(iv, history=history, now=at(2024, 7, 16, 11))
        assert ids_of(ActionKind.CHECK_IN, action_ids(later, iv, history)) == [third]
        # a reply between them is no step: passed over
        replied: list[Event] = [
            history[0],
            Reply(at(2024, 7, 12, 10), sender="Ana Ruiz"),
            history[1],
        ]
        assert done_ids(iv, replied) == {first: history[0], second: history[1]}

    def test_a_skipped_check_in_keeps_its_number(self) -> None:
        """The second check-in skipped: the others are 1, 3, 4; a check-in done is the third."""
        iv = interview(decision_by=DECIDED)
        first, second, third = ids_of(ActionKind.CHECK_IN, action_ids(plan(iv), iv))
        skipped = [Skip(at(2024, 7, 3, 9), second)]
        after = action_ids(plan(iv, history=skipped), iv, skipped)
        assert ids_of(ActionKind.CHECK_IN, after) == [first, third, third.replace("-3-", "-4-")]
        # the first skipped instead: a check-in done is the second, then the third
        history: list[Event] = [
            Skip(at(2024, 7, 3, 9), first),
            Contact(at(2024, 7, 11, 10), Channel.EMAIL),
            Contact(at(2024, 7, 16, 10), Channel.EMAIL),
        ]
        assert done_ids(iv, history) == {second: history[1], third: history[2]}

    def test_a_later_check_in_skipped_with_one_done(self) -> None:
        """One done and the third skipped: the plan goes on with the second and the fourth."""
        iv = interview(decision_by=DECIDED)
        _, second, third = ids_of(ActionKind.CHECK_IN, action_ids(plan(iv), iv))
        history: list[Event] = [
            Contact(at(2024, 7, 11, 10), Channel.EMAIL),
            Skip(at(2024, 7, 11, 11), third),
        ]
        later = plan(iv, history=history, now=at(2024, 7, 11, 12))
        assert ids_of(ActionKind.CHECK_IN, action_ids(later, iv, history)) == [
            second,
            third.replace("-3-", "-4-"),
        ]

    def test_a_skip_of_no_step_is_passed_over(self) -> None:
        """A `Skip` naming no step (refused by `plan`) numbers nothing; the events after count."""
        iv = interview(decision_by=DECIDED)
        first, second, _ = ids_of(ActionKind.CHECK_IN, action_ids(plan(iv), iv))
        history: list[Event] = [
            Skip(at(2024, 7, 3, 9), "not-a-step"),
            Contact(at(2024, 7, 11, 10), Channel.EMAIL),
        ]
        check_ins = [a for a in plan(iv) if a.kind is ActionKind.CHECK_IN]
        assert action_ids(check_ins[1:2], iv, history) == (second,)
        assert done_ids(iv, history) == {first: history[1]}

    def test_a_step_done_once_in_the_history_is_numbered(self) -> None:
        """A timeline question in the history: the ids of the plan are worked out as before."""
        iv = interview(decision_by=DECIDED, recruiter=RITA)
        asked = [Contact(at(2024, 7, 2, 15, 30), Channel.IN_PERSON, kind=ActionKind.ASK_TIMELINE)]
        after = action_ids(plan(iv, history=asked), iv, asked)
        assert ids_of(ActionKind.CHECK_IN, after) == ids_of(
            ActionKind.CHECK_IN, action_ids(plan(iv), iv)
        )


class TestPinning:
    def test_an_interview_without_an_id_gets_its_key(self) -> None:
        iv = interview()
        assert pinned(iv).id == interview_key(iv)
        assert pinned(iv) == attrs.evolve(iv, id=interview_key(iv))
        fixed = interview(id="acme-1")
        assert pinned(fixed) is fixed

    def test_the_recruiter_is_given_their_part(self) -> None:
        """Pinning the recruiter sets the recruiter's id, the interviewers untouched."""
        iv = interview(recruiter=RITA)
        part = person_part("Rita Lo", iv)
        done = pinned_person(iv, "rita lo")
        assert done.recruiter is not None
        assert done.recruiter.id == part
        assert done.recruiter.name == "Rita Lo"
        assert done.interviewers == iv.interviewers
        # someone else pinned: the recruiter stays as they were
        assert pinned_person(iv, "Bo Chen").recruiter == RITA


class TestWhatABadStepIdGets:
    """The exact words a person reads (the field ``step``, the value, the problem)."""

    def test_not_text(self) -> None:
        assert problem(42, interview()) == "is not a step id"

    @pytest.mark.parametrize("number", ["0", "01", "x", "1x", ""])
    def test_not_a_number_one_or_more(self, number: str) -> None:
        iv = interview()
        assert problem(step(ActionKind.CHECK_IN, "Ana Ruiz", number, iv), iv) == "is not a step id"

    def test_not_a_kind(self) -> None:
        iv = interview()
        bad = step(ActionKind.CHECK_IN, "Ana Ruiz", 1, iv).replace("check_in-", "nope-")
        assert problem(bad, iv) == "is not a step id"

    def test_another_interviews_without_an_id(self) -> None:
        iv = interview()
        other = step(ActionKind.CHECK_IN, "Ana Ruiz", 1, interview(role="Analyst"))
        with pytest.raises(StepIdError) as caught:
            step_key(other, iv)
        assert str(caught.value) == (
            f"step = {other!r}: is not a step of this interview (its steps' ids end in "
            f"'-{interview_key(iv)}@followup-rules'); a step id changes when the company, "
            "role or start changes, unless the interview has an id"
        )

    def test_another_interviews_with_an_id(self) -> None:
        iv = interview(id="acme-1")
        other = step(ActionKind.CHECK_IN, "Ana Ruiz", 1, interview(id="acme-2"))
        with pytest.raises(StepIdError) as caught:
            step_key(other, iv)
        assert str(caught.value) == (
            f"step = {other!r}: is not a step of this interview (its steps' ids end in "
            "'-acme-1@followup-rules'); this interview has an id, so its step ids do not "
            "change when it is edited: the id is another interview's, or cut short (copy "
            "the whole id)"
        )

    def test_someone_not_on_the_interview(self) -> None:
        iv = interview()
        gone = step(ActionKind.CHECK_IN, "Dev Patel", 1, iv)
        with pytest.raises(StepIdError) as caught:
            step_key(gone, iv)
        assert str(caught.value) == (
            f"step = {gone!r}: names 'dev-patel', who is not an interviewer or the "
            "recruiter of this interview (a person renamed by hand takes their step ids "
            "with their old name: rename people everywhere at once, which keeps their ids)"
        )

    @pytest.mark.parametrize(
        ("who", "shown"),
        [
            ("zed", "zed"),  # a person's id, shorter than a hash
            ("abcdefghijklm", "abcdefghijklm"),  # 13 characters, no hash
            ("recruiter-rita", "recruiter-rita"),  # an id of 14: was cut to 'r'
            ("team-lead-0042-x", "team-lead-0042-x"),
            ("a-0123456789ab", "a"),  # a name's part: its slug
            ("dev-patel-660988bd4cb4", "dev-patel"),
        ],
    )
    def test_the_person_named_is_shown_whole_unless_a_names_part(
        self, who: str, shown: str
    ) -> None:
        """A person's id is shown as it is; a name's part without its hash."""
        iv = interview()
        gone = f"check_in-{who}-1-{interview_key(iv)}@followup-rules"
        assert problem(gone, iv).startswith(f"names {shown!r}, who is not an interviewer")

    def test_a_person_whose_id_left_the_interview(self) -> None:
        """Rita had an id, and is no longer on the file: the error names her id."""
        with_rita = interview(recruiter=attrs.evolve(RITA, id="recruiter-rita"))
        (debrief,) = ids_of(ActionKind.RECRUITER_DEBRIEF, action_ids(plan(with_rita), with_rita))
        assert problem(debrief, interview()).startswith("names 'recruiter-rita', who is not")


class TestEmployersAndRoles:
    """`employer_key` and `role_key`: what the cross-application gaps and rounds compare."""

    @pytest.mark.parametrize(
        ("company", "key"),
        [
            ("Acme Analytics GmbH", "acme analytics"),
            ("ACME analytics", "acme analytics"),
            ("Acme-Analytics, Inc.", "acme analytics"),
            ("Acme Co. Ltd", "acme"),  # two legal forms, both dropped
            ("Kumo K.K.", "kumo"),  # spelled with dots: one form
            ("Acme Data K.K.", "acme data"),
            ("Acme S. de R.L. de C.V.", "acme"),
            ("Acme S d e r l d e c v", "acme"),  # nine words, the longest spelled
            ("Acme Gmb H", "acme"),  # a word of three letters may spell part of one
            ("Acme Limi Ted", "acme limi ted"),  # a word of four may not
            ("Acme Big Top", "acme big top"),  # short words spelling no form stay
            ("GmbH", "gmbh"),  # a name is never dropped whole
            ("S.A.", "s a"),
            ("Zoë Ltée", "zoe"),
            ("Straße AG", "strasse"),
            ("\uff21\uff23\uff2d\uff25", "acme"),  # full-width letters are letters
            ("삼성전자 주식회사", "삼성전자 주식회사"),  # composed again after the accents go
            ("", ""),
        ],
    )
    def test_the_key_of_an_employer(self, company: str, key: str) -> None:
        assert employer_key(company) == key

    def test_the_key_of_a_role(self) -> None:
        assert role_key("Ingénieure  DONNÉES") == "ingenieure donnees"
        assert role_key("Data Engineer, Inc.") == "data engineer inc"  # no legal forms here


class TestThreads:
    def test_the_candidate_the_employer_and_the_contact(self) -> None:
        iv = interview(company="Acme Analytics GmbH", candidate=Candidate("Zoë  Brun"))
        assert thread_key(iv) == (person_key("Zoë  Brun"), "acme analytics", "ana ruiz")
        assert thread_key(iv, "Bo Chen") == (person_key("Zoë  Brun"), "acme analytics", "bo chen")

    def test_no_candidate_is_an_empty_name(self) -> None:
        assert thread_key(interview(), "BO CHEN") == ("", "acme analytics", "bo chen")
