"""Issue 19, words round 15 (the twelfth blind reads, r12, corpus 4646): no claim put in
the candidate's mouth, a plain offer note, next-round threads and retries that ask
something, closers that turn per application, topic frames that take any noun phrase,
and a voicemail line that reads naturally."""

from __future__ import annotations

import re
from collections import Counter

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interview,
    Outcome,
    Policy,
    Update,
    plan,
    render,
)
from followup_rules.messages import WORDINGS

from .test_words13 import COMPANIES, ROLES
from .test_writing import ANA, BO, NY, check_ins, meeting

NEWS_DAY = pendulum.datetime(2026, 7, 8, 15, tz=NY)


def _applications(**changes: object) -> list[Interview]:
    return [
        meeting(company=company, role=role, **changes) for company in COMPANIES for role in ROLES
    ]


def _body(text: str) -> str:
    """A message past its greeting and before its signature, on one line."""
    return " ".join(" ".join(text.split("\n\n")[1:-1]).split())


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.?!])\s+", _body(text)) if s]


def _run(iv: Interview, history: list[object], n: int = 6) -> list[tuple[object, str]]:
    run = plan(iv, history=history, policy=Policy(max_check_ins=n))
    return [(a, render(a, iv).text) for a in check_ins(run)]


# -- class 1: no claim the input does not make -----------------------------------------

CLAIMS = re.compile(r"\b(flexible|available|free at|any time suits)\b", re.IGNORECASE)


def test_no_script_or_check_in_claims_an_availability_nobody_gave() -> None:
    """Class 1: r12's next-round call told the candidate "Say you are flexible, and ask
    them to suggest a few times."; the third check-in said "I am available if you need
    more information".  No call script or check-in, after any news, says the candidate
    is flexible or available: the input never says so."""
    phoned = attrs.evolve(ANA, phone="+1 212 555 0142")
    seen_call = False
    for iv in _applications(interviewers=[phoned, BO])[:12]:
        for history in ([], [Update(NEWS_DAY, Outcome.NEXT_ROUND)]):
            for action, text in _run(iv, list(history)):
                seen_call = seen_call or action.channel is Channel.PHONE
                assert not CLAIMS.search(text), text
    assert seen_call


# -- class 2: the offer note -----------------------------------------------------------


@pytest.mark.parametrize("by", [None, "ANA", "BO"])
def test_the_offer_note_thanks_for_the_offer_first_and_asks_when_to_answer(
    by: str | None,
) -> None:
    """Class 2: r12 05.1 opened "Thank you for your time at my interview ..., which led
    to the offer. I was delighted to receive it." under "After the ... offer: thank you",
    and said nothing of an answer.  The contact's note opens on thanks and the offer in its
    first two sentences and its subject, and asks when an answer is needed.  words25a
    class 1 (r20 en 05.1): it thanks for the offer, first sentence and subject, only when
    the history says this person made it (Bo's offer, or no one's, is news received)."""
    iv = meeting()
    giver = {None: None, "ANA": ANA.name, "BO": BO.name}[by]
    offer = Update(pendulum.datetime(2026, 7, 7, 16, tz=NY), Outcome.OFFER, sender=giver)
    notes = [
        a
        for a in plan(iv, history=[offer])
        if a.kind is ActionKind.THANK_YOU and a.channel is Channel.EMAIL
    ]
    note = next(a for a in notes if a.recipient is iv.interviewers[0])
    message = render(note, iv)
    first, second = _sentences(message.text)[:2]
    assert first.startswith("Thank you") and "offer" in first + second, first
    made = by == "ANA"
    assert ("for the offer" in first) is made, first
    assert message.subject.startswith("Thank you for the") is made, message.subject
    assert "offer" in message.subject, message.subject
    assert "delighted" not in message.text and "led to the offer" not in message.text
    assert "when an answer is needed, and whether" in message.text, message.text
    assert "my answer" not in message.text, message.text


# -- class 3 and 4: every check-in asks something ---------------------------------------


def test_every_next_round_check_in_asks_something_concrete() -> None:
    """Class 3: r12 07.8 said "The next round is something I am very much looking
    forward to." and asked nothing; 07.6 did not thank for the news.  Every e-mail of a
    next-round thread asks a question, and the first thanks for the news."""
    for iv in _applications()[:12]:
        run = _run(iv, [Update(NEWS_DAY, Outcome.NEXT_ROUND)])
        emails = [text for action, text in run if action.channel is Channel.EMAIL]
        assert emails
        for text in emails:
            assert "?" in _body(text), text
            assert "something I am very much looking forward to" not in text


ASKS = re.compile(r"\?|any update|any news|indication of timing|word on progress")
STOCK = (
    "I shall now await your news",
    "I will leave it there for now",
    "let things take their course",
    "Please take all the time you need.",
    "I will hold off writing again",
    "That is all from me until I hear back.",
)


def test_every_check_in_asks_and_the_last_closes_per_application() -> None:
    """Class 4: r12's last check-ins closed on "I shall now await your news, when the
    time is right for you." (7 scenarios), "I will leave it there for now, ..." (3),
    "Please take all the time you need.", and 01.11 asked nothing.  Every check-in
    e-mail of a run asks a question or for news, none says a resigned or stock close, and the
    first run's close takes at least five wordings over the applications."""
    closes: Counter[str] = Counter()
    for iv in _applications():
        run = _run(iv, [], n=3)
        for action, text in run:
            if action.channel is not Channel.EMAIL:
                continue
            assert ASKS.search(_body(text)), text
            assert not any(stock in text for stock in STOCK), text
        last = _sentences(run[-1][1])
        closes[" ".join(last[-2:])] += 1  # the close: two short lines after the question
    assert len(closes) >= 5, closes


# -- class 5 and 6: thank-you lines ---------------------------------------------------

AWKWARD = (
    "I was glad we could go into",
    "together.",
    "Discussing ",
    "part of the company",
    "about this role.",
)


def test_no_thank_you_frames_a_topic_or_interest_awkwardly() -> None:
    """Classes 5 and 6: "I was glad we could go into on-call", "I appreciated going
    through the warehouse migration together", "Discussing X was very useful", "I would
    very much like to be part of the company.", "I am enthusiastic about this role."
    No note of any wording says them."""
    person = attrs.evolve(ANA, topics=("the warehouse migration", "on-call"))
    for iv in _applications(interviewers=[person, *[BO] * 0], fit=None)[: WORDINGS * 3]:
        for action in plan(iv):
            if action.kind is ActionKind.THANK_YOU:
                text = render(action, iv).text
                assert not any(phrase in text for phrase in AWKWARD), text


# -- class 7: the voicemail, undecided news, the feedback answer ------------------------


def test_the_voicemail_says_no_awkward_line() -> None:
    """Class 7: every r12 voicemail said "The role still matters a lot to me."."""
    phoned = attrs.evolve(ANA, phone="+1 212 555 0142")
    for iv in _applications(interviewers=[phoned])[:12]:
        for _action, text in _run(iv, []):
            assert "matters a lot" not in text, text
