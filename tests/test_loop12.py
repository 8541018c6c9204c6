"""loop12: what the loop12 trial found in the library (/work/trials/loop12/FINDINGS.md).

F1. Two applications to one employer for two roles are no rounds of one another: the
    note for the second role never thanks for a "second conversation" about it.
F2. A check-in after a contact that was no check-in (an answer to their request for
    feedback, the items they asked for sent late) never opens with the sentence an
    earlier check-in to the same person said.
F3. Applications kept apart (`kept_apart`) plan what `agenda_many(together=True)`
    lists: never two follow-ups to one person at one employer inside `min_gap`.
F4. A legal form written with dots or spaces between its letters ("K.K.", "S.A.",
    "G.m.b.H.") is the same employer as the one written without them.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Contact,
    Outcome,
    Update,
    agenda_many,
    audit_many,
    plan,
    render,
)
from followup_rules.identity import employer_key, role_key
from followup_rules.loop import kept_apart, later_rounds
from followup_rules.model import Channel, Interviewer

from .prose import masks, near_repeat, sentences
from .test_writing import ANA, BO, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


# -- F1: rounds are of one role ------------------------------------------------------------


def _two_roles(second_role: str) -> list[Application]:
    first = meeting()
    second = meeting(
        starts_at=pendulum.datetime(2026, 7, 9, 10, tz="America/New_York"),
        role=second_role,
        interviewers=[BO, Interviewer("Cy Park", email="cy@acme.example")],
    )
    return [Application(first, name="data"), Application(second, name="ml")]


def test_an_application_for_another_role_is_no_later_round() -> None:
    """F1: Bo met for the data role, then for the ML role: the ML notes know nothing
    of the first interview, in every language."""
    _, second = later_rounds(_two_roles("ML Engineer"))
    assert second.met_before == ()
    for code in LANGUAGES:
        iv = in_language(second.interview, code)
        note = next(
            a for a in second.plan() if a.kind is ActionKind.THANK_YOU and a.recipient == BO
        )
        assert note.facts.met_before == 0
        plain = next(
            a
            for a in Application(iv).plan()
            if a.kind is ActionKind.THANK_YOU and a.recipient == BO
        )
        assert render(note, iv).text == render(plain, iv).text


@pytest.mark.parametrize("spelled", ["Data Engineer", "data  engineer", "DATA-ENGINEER"])
def test_the_same_role_however_typed_is_a_later_round(spelled: str) -> None:
    """F1: the role is matched as the employer is, any case, spacing or punctuation aside."""
    _, second = later_rounds(_two_roles(spelled))
    assert dict(second.met_before) == {"bo chen": 1}


def test_role_key() -> None:
    assert role_key("Ingénieure  données") == role_key("ingenieure-donnees")
    assert role_key("Data Engineer") != role_key("ML Engineer")


# -- F4: legal forms with dots ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kumo KK", "Kumo K.K."),
        ("Kumo", "Kumo K. K."),
        ("Acme SA", "Acme S.A."),
        ("Acme", "Acme S.A.R.L."),
        ("Acme GmbH", "Acme G.m.b.H."),
        ("Acme", "Acme B.V."),
        ("Acme LLC", "Acme L.L.C."),
        ("Acme", "Acme S.L."),
        ("Acme", "Acme S. de R.L. de C.V."),
        ("Acme", "Acme S.p.A."),
        ("Acme", "Acme Co., Ltd."),
    ],
)
def test_a_legal_form_spelled_with_dots_is_the_same_employer(one: str, other: str) -> None:
    assert employer_key(one) == employer_key(other) == "acme" or (
        employer_key(one) == employer_key(other) == "kumo"
    )


@pytest.mark.parametrize(
    ("one", "other"),
    [("Acme", "Acme Analytics"), ("Data S A", "Data Systems"), ("A B", "A")],
)
def test_short_words_are_not_taken_for_a_legal_form_when_they_are_the_name(
    one: str, other: str
) -> None:
    assert employer_key(one) != employer_key(other)


def test_rounds_of_one_employer_spelled_two_ways_are_linked() -> None:
    """F4: round 3 at "Kumo K.K." after rounds at "Kumo KK" says it met them before."""
    rounds = [
        Application(meeting(company="Kumo KK"), name="r1"),
        Application(
            meeting(
                company="Kumo K.K.",
                starts_at=pendulum.datetime(2026, 7, 20, 10, tz="America/New_York"),
                decision_by=date(2026, 7, 31),
            ),
            name="r3",
        ),
    ]
    _, third = later_rounds(rounds)
    assert dict(third.met_before) == {"ana ruiz": 1, "bo chen": 1}


# -- F2: no check-in opening said twice to one person ---------------------------------------


def _check_in_then(between: str, code: str) -> tuple[Any, list[Any]]:
    """The first check-in to Ana done, then *between*, then the next check-in's message:
    (interview, [first message, next message])."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None), BO]), code)
    schedule = plan(iv)
    first = next(a for a in schedule if a.kind is ActionKind.CHECK_IN)
    history: list[Any] = [a.done() for a in schedule if a.sort_key() < first.sort_key()]
    history.append(first.done())
    later = first.suggested.add(days=1)
    if between == "feedback":
        history.append(Update(later, Outcome.FEEDBACK_REQUESTED, sender="Ana Ruiz"))
        answer = next(
            a for a in plan(iv, history=history) if a.kind is ActionKind.FEEDBACK_RESPONSE
        )
        history.append(answer.done())
    elif between == "requested":
        history.append(
            Contact(later, Channel.EMAIL, ActionKind.SEND_REQUESTED, recipient="Ana Ruiz")
        )
    history.sort(key=lambda e: e.at)
    second = next(
        a
        for a in plan(iv, history=history)
        if a.kind is ActionKind.CHECK_IN and a.recipient == first.recipient
    )
    return iv, [render(first, iv), render(second, iv)]


@pytest.mark.parametrize("between", ["feedback", "requested"])
@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_opening_reaches_one_person_twice(between: str, code: str) -> None:
    """F2: the trial's Rockies thread (check-in, their request for feedback, the answer,
    check-in) said the first check-in's long opening twice to Jake Miller."""
    iv, (first, second) = _check_in_then(between, code)
    hidden = masks(iv)
    for sentence in sentences(second, whole=hidden):
        for before in sentences(first, whole=hidden):
            assert not near_repeat(sentence, before, code, hidden), (before, sentence)


# -- F3: applications kept apart plan as the agenda lists ----------------------------------


def _same_person_twice() -> list[Application]:
    """Two roles at one employer, Ana the follow-up contact of both, deciding the same day."""
    data = meeting()
    ml = meeting(
        role="ML Engineer",
        starts_at=pendulum.datetime(2026, 7, 8, 10, tz="America/New_York"),
    )
    return [Application(data, name="data"), Application(ml, name="ml")]


def test_kept_apart_plans_never_ask_for_two_follow_ups_inside_the_gap() -> None:
    """F3: planned alone, both files check in with Ana on 16 July; kept apart, the
    second file's follow-ups wait `min_gap` after the first's, and doing every step
    of both plans passes `audit_many`."""
    apps = _same_person_twice()
    alone = [a.suggested for app in apps for a in app.plan() if a.kind is ActionKind.CHECK_IN]
    assert len(alone) != len(set(alone))  # the defect: two check-ins at one moment
    apart = kept_apart(apps)
    done = [attrs.evolve(app, history=[a.done() for a in app.plan()]) for app in apart]
    assert audit_many(done) == [[], []]


def test_kept_apart_from_now_is_what_today_lists() -> None:
    """F3: from any moment, the plans kept apart hold the steps and times that
    `agenda_many(together=True)` lists for the same applications."""
    apps = _same_person_twice()
    start = pendulum.datetime(2026, 7, 6, 9, tz="America/New_York")
    for days in range(0, 40, 3):
        now = start + timedelta(days=days)
        together = agenda_many(apps, now, together=True)
        listed = sorted(
            (entry.application.name or "", entry.item.action.suggested) for entry in together
        )
        planned = sorted(
            (app.name or "", action.suggested)
            for app in kept_apart(apps, now)
            for action in app.plan(now)
        )
        assert planned == listed, now


def test_one_application_or_other_employers_are_left_as_they_are() -> None:
    apps = _same_person_twice()
    assert kept_apart(apps[:1]) == apps[:1]
    other = attrs.evolve(apps[1], interview=attrs.evolve(apps[1].interview, company="Globex"))
    assert kept_apart([apps[0], other]) == [apps[0], other]


def test_the_decision_day_is_kept() -> None:
    """The first check-in of the first application is where it was."""
    first = kept_apart(_same_person_twice())[0]
    check_in = next(a for a in first.plan() if a.kind is ActionKind.CHECK_IN)
    assert check_in.suggested.date() == date(2026, 7, 16)
