"""Issue 19, wording round 32, helper c: replies to news, the offer reply and the steps in
the room (the blind reads r26, seed 7676, and r27, seed 8585).  One test per class, over
many rendered messages, in all four languages.

1. The reply to an offer thanks at most twice, never stiffly ("I was very pleased to
   receive the offer, and I thank you for it. ... Thank you again for this opportunity."
   after "Thank you for the time you gave me": r26 en 05.1, r27 en and es 05.1): with no
   maker on record the opening is glad of the offer, and the last line thanks for the
   opportunity, "you" being the company.
2. A check-in after news of a next round names the round at most twice, subject
   included ("next round" three times in three lines: r26 and r27 en 07.8), and tells
   what was heard on a past day in the past ("I was delighted to hear on Monday 1 June
   that I have been invited": r26 en 07.6, r27 en 07.6); news of a round from no one on
   record is thanked for in the organisation's voice ("Thank you for letting me know",
   a "you" that may be the company: the lead's decision), never as the reader's message,
   and in Spanish with no «usted» thanked alone nor a plural «Les» (r27 es 08.9).
3. The closing statement in the room gives the candidate's noted fit plainly, never as a
   quoted form field ("Your case for fit, as you noted it: "..."": r26 en x.1), and keeps
   the seed's "make them hesitate" with no second "make" (r26 en x.1).
4. The permission step names the interviewer once ("Tell Priya Natarajan ... whether
   Priya Natarajan would prefer a call or an email": r23 and r26 en x.3).
5. The recruiter debrief e-mail names the company once ("Cobalt & Finch Consulting
   Group has just finished ... Cobalt & Finch Consulting Group expects to decide": r26
   en 11.6).
"""

from __future__ import annotations

import itertools
import re
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Channel, Outcome, Recruiter, Update, plan, render

from .test_words29c import _round_steps
from .test_writing import ANA, BO, NY, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
COMPANIES = ("Acme Analytics", "Northwind Freight", "Cobalt & Finch Consulting Group")
SENTENCE = re.compile(r"(?<=[.?!])\s+")


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE.split(text.replace("\n", " ")) if s.strip()]


def _body(text: str) -> str:
    """A letter's paragraphs between its greeting and its sign-off."""
    return "\n\n".join(text.split("\n\n")[1:-1])


# -- 1. the reply to an offer --------------------------------------------------------------

THANKS = {
    "en": r"\b(thank|thanks|grateful)\b",
    "de": r"\b(Dank|danke|bedanke)\w*\b",
    "fr": r"\b(merci|remercie)\w*\b",
    "es": r"\b(gracias|agradezco|agradecimiento)\b",
}
STIFF_OFFER = {
    "en": ("and I thank you for it",),
    "de": ("auch dafür danke ich Ihnen",),
    "fr": ("je vous en remercie également", "J’ai eu le grand plaisir de recevoir la prop"),
    "es": ("que les agradezco",),
}
THE_READERS_MESSAGE = {
    "en": r"\byour (message|update|e-?mail)\b|\byou (told|wrote)\b",
    "de": r"\bIhre[rnm]? (Nachricht|Mitteilung|E-Mail) vom\b|Sie mir [^.]*(gesagt|geschrieben)",
    "fr": r"\bvotre (message|courriel)\b|vous m’avez (dit|écrit)",
    "es": r"\bsu (mensaje|correo)\b|\bme (indicó|dijo|escribió|comunicó)\b|\bLes agradezco\b"
    r"|\bLe agradezco (que|la noticia|la información)",
}
"""What says the reader sent the news, or (es) thanks one «usted» or a plural «Les» in a
note written to one person (r27 es 08.9)."""


def _offer_note(code: str, company: str, sender: str | None) -> Any:
    iv = in_language(meeting(company=company), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 16, tz=NY), Outcome.OFFER, sender=sender)
    (note,) = (
        a
        for a in plan(iv, history=[offer])
        if a.kind is ActionKind.THANK_YOU
        and a.channel is Channel.EMAIL
        and a.recipient is iv.follow_up_contact
    )
    return render(note, iv)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, ANA.name, BO.name])
def test_the_offer_reply_thanks_at_most_twice_and_never_stiffly(
    code: str, sender: str | None
) -> None:
    """Class 1: whoever made the offer, at any company, the contact's note says thanks in
    at most two sentences, none of them the stiff one; with no maker on record its
    opening names no message of the reader's, and the note ends on thanks."""
    for company in COMPANIES:
        message = _offer_note(code, company, sender)
        body = _body(message.text)
        thanking = [s for s in _sentences(body) if re.search(THANKS[code], s, re.I)]
        assert len(thanking) <= 2, thanking
        assert [q for q in STIFF_OFFER[code] if q in message.text] == [], message.text
        if sender is None:
            first = body.split("\n\n")[0]
            assert not re.search(THE_READERS_MESSAGE[code], first), first
            assert re.search(THANKS[code], _sentences(body)[-1], re.I), body


# -- 2. the check-ins after news of a next round -------------------------------------------

ROUND = {
    "en": r"\bnext (round|stage)\b",
    "de": r"\bnächste\w* Runde\b",
    "fr": r"\bétape\b",
    "es": r"\bfase\b",
}
PRESENT_AFTER_A_PAST_DAY = re.compile(
    r"\b(hear|heard|learn|learned|told me|you let me know)\b on [^.]*? that I "
    r"(have been|have reached|am in)\b"
)


def _every_turn(step: Any) -> list[Any]:
    return [
        attrs.evolve(step, facts=attrs.evolve(step.facts, attempt=attempt, attempts_left=left))
        for attempt in range(1, 8)
        for left in (0, 2)
    ]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, ANA.name, BO.name])
@pytest.mark.parametrize("hour", [None, 16, 18])
def test_a_next_round_check_in_names_the_round_at_most_twice(
    code: str, sender: str | None, hour: int | None
) -> None:
    """Class 2: whatever the check-in's number, final or not, whoever gave the news and
    whether a thank-you welcomed it, the subject and the body together name the round at
    most twice, and English tells what was heard on a past day in the past."""
    iv, steps = _round_steps(code, sender, hour)
    assert steps and steps[0].facts.news is Outcome.NEXT_ROUND
    for step in steps:
        for turn in _every_turn(step) if step is steps[0] else [step]:
            if turn.channel is not Channel.EMAIL:
                continue
            message = render(turn, iv)
            said = f"{message.subject}\n{_body(message.text)}"
            assert len(re.findall(ROUND[code], said, re.I)) <= 2, said
            assert not PRESENT_AFTER_A_PAST_DAY.search(said), said


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("hour", [None, 16, 18])
def test_news_of_a_round_from_no_one_on_record_is_thanked_in_the_organisations_voice(
    code: str, hour: int | None
) -> None:
    """Class 2 (the lead's decision for round 32; r26 and r27 en and es 07.6 "Thank you
    for the news." read as thanking the reader for news nobody says they gave): the first
    reply to news of a round from no one on record thanks for it, in words that say no
    message of the reader's and, in Spanish, thank no «usted» alone nor a plural «Les»."""
    iv, steps = _round_steps(code, None, hour)
    opening = render(steps[0], iv).text.split("\n\n")[1]
    assert re.search(THANKS[code], opening, re.I), opening
    assert not re.search(THE_READERS_MESSAGE[code], opening), opening


# -- 3. the closing statement in the room ----------------------------------------------------

QUOTES = re.compile(r"[\"“”„«»]")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("medium", ["in_person", "phone", "video"])
@pytest.mark.parametrize("fit", ["ten years of SQL", "a decade of incident response at scale"])
def test_the_close_gives_the_noted_fit_plainly(code: str, medium: str, fit: str) -> None:
    """Class 3: with one interviewer or two, in the room or on a call, the fit the
    candidate noted is given as it was typed, with no quotation marks around it and no
    "as you noted it:" form field; English keeps "would make them hesitate" and says
    "make" once in that step."""
    for people in ([ANA], [ANA, BO]):
        iv = in_language(meeting(interviewers=people, format=medium, fit=fit), code)
        step = next(a for a in plan(iv) if a.kind is ActionKind.CLOSING_STATEMENT)
        text = render(step, iv).text
        assert fit in text, text
        assert not QUOTES.search(text), text
        assert "as you noted it" not in text
        if code == "en":
            (doubts,) = [line for line in text.splitlines() if "hesitate" in line]
            assert "would make them hesitate" in doubts, doubts
            assert len(re.findall(r"\bmake\b", doubts)) == 1, doubts


# -- 4. the permission step --------------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("invited", [False, True])
@pytest.mark.parametrize("decision", [pendulum.date(2026, 7, 15), None])
def test_the_permission_step_names_the_interviewer_once(
    code: str, invited: bool, decision: Any
) -> None:
    """Class 4: alone or on a panel, invited to get in touch or not, with a decision date
    or without, the step names the person it is about once, and English never makes the
    company "they"."""
    for people in ([ANA], [ANA, BO], [BO, ANA]):
        iv = in_language(
            meeting(interviewers=people, invited_to_call=invited, decision_by=decision), code
        )
        for step in (a for a in plan(iv) if a.template == "ask_permission"):
            text = render(step, iv).text
            assert step.recipient is not None
            # French thanks the person by name, for want of a pronoun of no gender (words27d)
            named = 2 if code == "fr" and invited and len(people) == 1 else 1
            assert text.count(step.recipient.family_name) == named, text
            assert not re.search(r"\bthey expect\b|\btheir timeframe\b", text), text


# -- 5. the recruiter debrief e-mail ----------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("decision", [pendulum.date(2026, 7, 15), None])
def test_the_debrief_names_the_company_once(code: str, decision: Any) -> None:
    """Class 5: with a decision date or without, alone or with a colleague, the debrief
    e-mail's body names the company once, in its first sentence."""
    late = meeting().starts_at.set(hour=17, minute=30)
    recruiter = Recruiter("Rita Cole", phone="+1 212 555 0199", email="r@agency.example")
    for company, people in itertools.product(COMPANIES, ([ANA], [ANA, BO])):
        iv = in_language(
            meeting(
                company=company,
                interviewers=people,
                starts_at=late,
                decision_by=decision,
                recruiter=recruiter,
            ),
            code,
        )
        steps = [
            a
            for a in plan(iv)
            if a.kind is ActionKind.RECRUITER_DEBRIEF and a.channel is Channel.EMAIL
        ]
        assert steps
        body = _body(render(steps[0], iv).text)
        assert body.count(company) == 1, body
        assert not re.search(r"[.?!][A-ZÀ-Ý]", body), body  # no paragraph run into another
