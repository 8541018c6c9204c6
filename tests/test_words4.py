"""Issue 19, fourth round: one test per class of the round-3 cold reads (corpus seed
9191), in every language where the class applies (``words4.md``)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import attrs
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    Outcome,
    OutOfOffice,
    Policy,
    Update,
    plan,
    render,
)

from .test_writing import ANA, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _panel(size: int, **each: Any) -> list[Interviewer]:
    return [
        Interviewer(f"Person{chr(65 + i)} Name{chr(65 + i)}", email=f"p{i}@acme.example", **each)
        for i in range(size)
    ]


def _notes(whole: Any) -> list[Any]:
    return [a for a in whole if a.kind is ActionKind.THANK_YOU]


# -- class 1: "your team" to someone the input does not place in it ----------------------------

YOUR_TEAM = re.compile(
    r"\byour team\b|\bIhre[mns]? Teams?\b|\bvotre équipe\b|\bsu equipo\b", re.IGNORECASE
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("size", [1, 2, 7, 8, 14])
def test_no_note_says_your_team(code: str, size: int) -> None:
    """Class 1 (blocker): nothing in the input says the recipient is in the team the
    candidate would join (a recruiter, a Director of People, an engineer for an HR role):
    no note, e-mail or card, says "join your team"; it says "join <company>"."""
    iv = in_language(meeting(interviewers=_panel(size), fit="my six years of FIT"), code)
    for note in _notes(plan(iv)):
        text = render(note, iv).text
        assert not YOUR_TEAM.search(text), text


# -- class 2: a card is read days after the e-mail -----------------------------------------

ON_ITS_WAY = re.compile(
    r"on its way|brings you|a copy of|bringt Ihnen|unterwegs|sende ich Ihnen|"
    r"en route|vous transmet|de camino|le hago llegar",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("own", [True, False])
def test_a_card_says_what_was_sent_by_email(code: str, own: bool) -> None:
    """Class 2: the card is posted the morning the e-mail with what they asked for is
    sent, and read days later: it says "I have sent you ... by email", never that it "is
    on its way" or that an e-mail "brings" it (and no "a copy of" before the user's words)."""
    requested = {"requested": ("REPORT",)} if own else {}
    people = [attrs.evolve(p, **requested) for p in _panel(7, address="1 Main St, 10001")]
    iv = meeting(interviewers=people, requested=() if own else ("REPORT",))
    iv = in_language(iv, code)
    cards = [n for n in _notes(plan(iv, Policy.traditional())) if n.channel is Channel.POSTAL]
    said = [render(card, iv).text for card in cards]
    assert any("REPORT" in text for text in said)
    for text in said:
        assert not ON_ITS_WAY.search(text), text


# -- class 3: after a call of unknown outcome ----------------------------------------------

AS_IF_TAKEN = re.compile(
    r"\bmy (phone )?call\b|write as well|meine[mn]? Anruf|auch schreiben|"
    r"mon appel|écrire également|mi llamada|también",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_a_call_of_unknown_outcome_the_email_does_not_read_as_taken(code: str) -> None:
    """Class 3: nobody is known to have taken the call, nor a voicemail left: whatever
    the check-in's number, the e-mail says the candidate called ("I called on ... and
    wanted to follow up in writing"), never "following my call ..., I wanted to write as
    well", which reads as a conversation the recipient had."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    assert call.channel is Channel.PHONE
    email = check_ins(plan(iv, history=done_until(whole, call)))[0]
    assert email.channel is Channel.EMAIL
    openings = set()
    for attempt in range(2, 7):
        again = attrs.evolve(email, facts=attrs.evolve(email.facts, attempt=attempt))
        opening = render(again, iv).text.split("\n\n")[1]
        assert not AS_IF_TAKEN.search(opening), opening
        openings.add(opening)
    assert len(openings) == 5


# -- class 5: the last note of every unanswered run closes gracefully --------------------------

UNGRACEFUL = re.compile(
    r"ready whenever you are|whatever the process still holds|continue to follow|"
    r"ich stehe bereit|wie auch immer das Verfahren|verfolge die Entwicklung|"
    r"je suis disponible dès que|quelle que soit la suite|je continue de suivre|"
    r"estoy disponible en cuanto|sea cual sea el curso|sigo con gran interés",
    re.IGNORECASE,
)


def _runs(iv: Any) -> dict[str, list[Any]]:
    """The check-ins of a run after news of a next round, after "no decision yet" with no
    new date, and after an out-of-office reply: nothing answers any of them."""
    whole = plan(iv)
    first = check_ins(whole)[0]
    done = done_until(whole, first)
    nxt = Update(first.suggested.add(hours=2), Outcome.NEXT_ROUND)
    undecided = Update(first.suggested.add(hours=2), Outcome.UNDECIDED)
    away = OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27))
    return {
        name: check_ins(plan(iv, history=[*done, event]))
        for name, event in (("next round", nxt), ("undecided", undecided), ("away", away))
    }


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_of_every_run_closes_gracefully(code: str) -> None:
    """Class 5 (seeds 001, 003: never desperate, never cross the line): the last check-in
    of a run the planner will not follow up closes on a courteous sentence, not on a
    question, and never "I am ready whenever you are", "whatever the process still
    holds" or "I continue to follow <company> with great interest"."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    for name, run in _runs(iv).items():
        assert run and run[-1].facts.final, name
        text = render(run[-1], iv).text
        assert not UNGRACEFUL.search(text), (name, text)
        # words18: the question ends its paragraph, and one courtesy closes below it
        closing = text.split("\n\n")[3]
        assert not closing.rstrip().endswith("?"), (name, closing)


# -- class 6: after "no decision yet" and after an out-of-office ----------------------------

AFTER_UNDECIDED_IDIOMS = re.compile(r"in view|As I understood on|in Sicht", re.IGNORECASE)


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_no_decision_yet_the_question_is_idiomatic(code: str) -> None:
    """Class 6: "Is there a rough date in view" and "As I understood on Friday, ..., the
    plan was" are not English (nor their calques): "Do you have a rough idea of when a
    decision might be made?"."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    run = _runs(iv)["undecided"]
    for step in run:
        for attempt in range(1, 7):
            again = attrs.evolve(step, facts=attrs.evolve(step.facts, attempt=attempt))
            text = render(again, iv).text
            assert not AFTER_UNDECIDED_IDIOMS.search(text), text


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_an_out_of_office_the_unread_question_is_asked_again(code: str) -> None:
    """Class 6: the note after an out-of-office opens with a sentence, not "Now that you
    are back, a brief reminder: ..." (a fragment that sounds like nagging), and asks
    again what the note they never read asked."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    step = _runs(iv)["away"][0]
    assert not step.facts.final
    text = render(step, iv).text
    opening, middle = text.split("\n\n")[1:3]
    assert not re.search(
        r"brief reminder|kurze Erinnerung|bref rappel|breve recordatorio", opening
    )
    assert middle.rstrip().endswith("?"), middle


def _first(whole: Any, kind: ActionKind) -> Any:
    return next(action for action in whole if action.kind is kind)


def test_a_professor_is_professor_in_writing_too() -> None:
    """Class 6: "Dear Prof Adeyemi," reads clipped in a letter, and the call script
    says "Professor": the e-mail says "Dear Professor Adeyemi," (British and US)."""
    for locale in ("en", "en_GB"):
        prof = Interviewer("Tola Adeyemi", email="t@uni.example", honorific="Prof.")
        iv = in_language(meeting(interviewers=[prof]), locale)
        text = render(_first(plan(iv), ActionKind.THANK_YOU), iv).text
        assert text.startswith("Dear Professor Adeyemi,"), text


@pytest.mark.parametrize(("locale", "word"), [("en", "résumé"), ("en_GB", "CV"), ("en_AU", "CV")])
def test_british_and_australian_talking_points_say_cv(locale: str, word: str) -> None:
    """Class 6: the in-room check that they have "your résumé" is "your CV" in British,
    Australian and New Zealand English."""
    iv = in_language(meeting(interviewers=[Interviewer("Bo Chen")]), locale)
    text = render(_first(plan(iv), ActionKind.ASK_FOR_CARDS), iv).text
    assert f"your {word}" in text
    assert ("résumé" in text) == (word == "résumé")


@pytest.mark.parametrize(
    ("topics", "words"),
    [
        (["the roadmap"], "If it helps, connect it to what you discussed: the roadmap."),
        (
            ["the roadmap", "hiring"],
            "If it helps, connect it to one of the topics you covered: the roadmap or hiring.",
        ),
    ],
)
def test_one_topic_is_not_the_topics(topics: list[str], words: str) -> None:
    """Class 6: "the topics you covered: the move to streaming pipelines" is a plural
    over one topic."""
    iv = meeting(topics=topics)
    assert words in render(_first(plan(iv), ActionKind.CLOSING_STATEMENT), iv).text


def test_the_timeline_check_names_the_company_not_they() -> None:
    """Class 6: "Confirm with Priya Natarajan that they still expect to decide" reads as
    a singular "they" for the person: the company expects."""
    iv = meeting()
    text = render(_first(plan(iv), ActionKind.ASK_TIMELINE), iv).text
    assert "that the company still expects to decide" in text


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_role_with_a_comma_is_parenthesised_in_a_sentence(code: str) -> None:
    """Class 6: "the Senior Product Manager, Payments Platform position" reads as an
    apposition: mid-sentence the qualifier goes in parentheses."""
    iv = in_language(meeting(role="Senior Product Manager, Payments Platform"), code)
    for step in plan(iv):
        if step.template is None:
            continue
        message = render(step, iv)
        for text in (message.text, message.subject or ""):
            assert "Manager, Payments" not in text, text
    note = render(_first(plan(iv), ActionKind.THANK_YOU), iv).text
    assert "Senior Product Manager (Payments Platform)" in note


def test_the_late_card_warning_speaks_plainly() -> None:
    """Class 6: "seed 002 prefers e-mail" is the library's jargon: the candidate reads
    "career advice"."""
    iv = meeting(
        interviewers=[attrs.evolve(ANA, address="1 Main St, 10001")],
        decision_by=date(2026, 7, 9),
    )
    cards = [a for a in plan(iv, Policy.traditional()) if a.channel is Channel.POSTAL]
    assert cards and cards[0].facts.arrives_after_decision
    said = " ".join([cards[0].describe(), *render(cards[0], iv).warnings])
    assert "seed" not in said and "career advice" in said


def test_the_requested_items_email_says_at_the_interview_once() -> None:
    """Class 6: "Thank you for your time at the interview. As requested at the interview,
    ..." repeats itself: whatever its wording, the e-mail says "at the interview" once."""
    people = [attrs.evolve(p, address="1 Main St, 10001") for p in _panel(1)]
    iv = meeting(interviewers=people, requested=("REPORT",))
    email = _first(plan(iv, Policy.traditional()), ActionKind.SEND_REQUESTED)
    for variant in range(7):
        again = attrs.evolve(email, facts=attrs.evolve(email.facts, variant=variant))
        text = render(again, iv).text
        assert text.count("at the interview") <= 1, text


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_a_panelist_known_for_a_part_is_not_credited_with_the_days_topics(code: str) -> None:
    """Fourth-round reads (blocker in all four languages): Bo gave the lab tour; the
    interview's topics were discussed with others, so his note recalls the tour alone."""
    import pendulum

    from followup_rules import Candidate, Interview, Interviewer, plan, render

    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme Analytics",
        "Data Engineer",
        [
            Interviewer("Ana Ruiz", email="ana@acme.example"),
            Interviewer("Bo Chen", email="bo@acme.example", part="the tour of the lab"),
        ],
        topics=["the move to streaming pipelines"],
        candidate=Candidate("Sam Lee", language=code),
    )
    notes = {
        action.recipient.name: render(action, iv).text  # type: ignore[union-attr]
        for action in plan(iv)
        if action.kind.value == "thank_you"
    }
    topic = "streaming pipelines"  # the user's words, in every language
    assert topic not in notes["Bo Chen"]
    # the contact was in the conversation (the in-room steps tie the topic to them)
    assert topic in notes["Ana Ruiz"]
