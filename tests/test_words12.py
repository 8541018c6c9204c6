"""Words round 12, from the ninth blind reads (corpus 1313).

Class 2: a case for fit typed as a bare subject or a gerund ("on-call",
"leading teams") became "my on-call".  Class 3: "the news of Friday", "The last I
knew".  Class 4: one attachment "among the attachments".  Class 5: "I would be
delighted to take on this role" before any offer.  Class 6: a panelist thanked
only for a tour was thanked in the subject for "our talk".  Class 7: the offer
note's run-on first sentence and subject.  Class 8: "if you have not heard next
week".
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path

import attrs
import pytest
from babel.messages.pofile import read_po

from followup_rules import (
    ActionKind,
    Interviewer,
    Outcome,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .prose import sentences
from .test_writing import done_until, meeting

POT = Path(__file__).resolve().parent.parent / "src" / "followup_rules" / "locales"

COMPANIES = ("Acme Analytics", "Northwind Freight", "Brightline Logistics", "Meridian Health",
             "Harbor Bay Partners", "Cobalt & Finch", "Blue Yonder Labs")  # fmt: skip
ROLES = ("Data Engineer", "Operations Analyst", "HR Manager")
NAMES = ("Ana Ruiz", "Dana Whitfield", "Priya Natarajan", "Olu Adeyemi")


def _msgids() -> list[str]:
    with (POT / "followup_rules.pot").open("rb") as file:
        catalog = read_po(file)
    ids: list[str] = []
    for message in catalog:
        ids.extend([message.id] if isinstance(message.id, str) else list(message.id))
    return [i for i in ids if i]


def _applications() -> list[tuple[str, str, str]]:
    return list(itertools.product(COMPANIES, ROLES, NAMES))


SPECIFIC = re.compile(r"<company>|<role>|January|February|March|April|May|June|July|August"
                      r"|September|October|November|December")  # fmt: skip


def _stock(texts: list[list[str]], company: str, role: str) -> set[str]:
    """The long sentences that carry no specific of the application (its company, role or
    a day): the same one in many applications reads as a form letter; one that names
    the application's own facts does not read the same in two of them."""
    general = {s.replace(company, "<company>").replace(role, "<role>") for t in texts for s in t}
    return {s for s in general if not SPECIFIC.search(s)}


# -- class 2: the user's phrase in a frame that takes it -----------------------------

SHAPES = {
    "six years of building data pipelines": "my six years of building data pipelines",
    "three years running warehouse operations": "my three years of running warehouse operations",
    "a decade of incident response at scale": "my decade of incident response at scale",
    "my decade of incident response at scale": "my decade of incident response at scale",
    "on-call": "my experience with on-call",
    "Python": "my experience with Python",
    "leading teams": "my experience of leading teams",
    "strong SQL skills": "my strong SQL skills",
    "15 years in retail": "my 15 years in retail",
    "the experience of running a warehouse": "the experience of running a warehouse",
    "experience with Kubernetes": "my experience with Kubernetes",
}


@pytest.mark.parametrize(("typed", "said"), sorted(SHAPES.items()))
def test_a_case_for_fit_of_any_shape_reads_as_experience(typed: str, said: str) -> None:
    """Twelfth round, class 2: a bare subject or a gerund is not made a possession
    ("my on-call", "I would bring leading teams to the role")."""
    assert language("en").experience(typed) == said


@pytest.mark.parametrize("typed", ["on-call", "leading teams", "Python"])
def test_a_bare_case_for_fit_is_never_a_broken_sentence(typed: str) -> None:
    iv = meeting(interviewers=[Interviewer("Ana Ruiz", email="a@x.example")], fit=typed)
    (note,) = [a for a in plan(iv) if a.template == "thank_you_email"]
    text = render(note, iv).text
    assert f"my experience {'of' if typed.endswith('ing teams') else 'with'} {typed}" in text
    assert f"my {typed}" not in text


# -- classes 3, 4, 5: wordings no English reader would write ------------------------

UNNATURAL = re.compile(
    r"news of %\(day\)s|The last I knew|I gather from|among the attachments"
    r"|as attachments|delighted to take on|if you have not heard %\(when\)s"
)


def test_no_english_sentence_says_the_news_of_a_day_or_attachments_for_one() -> None:
    """Class 3: "the news of Friday", "The last I knew, on ..."; class 4: one reference
    "among the attachments"; class 5: "delighted to take on this role" (no offer was
    made); class 8: "if you have not heard next week"."""
    assert [m for m in _msgids() if UNNATURAL.search(m)] == []


def test_one_document_is_attached_not_among_the_attachments() -> None:
    """Every wording of the sentence that sends what was asked for (a panel of eight,
    each asking for one document), on time and late: "attached", never "among the
    attachments" nor "as attachments" for a single item."""
    people = [
        Interviewer(f"Guide {n} Smith", email=f"g{n}@x.example", requested=("my résumé",))
        for n in range(8)
    ]
    iv = meeting(interviewers=people)
    for note in [a for a in plan(iv) if a.template == "thank_you_email"]:
        for late in (False, True):
            step = note._with_facts(attrs.evolve(note.facts, late=late))
            text = render(step, iv).text
            assert "my résumé" in text and "attachments" not in text, text


# -- class 6: a panelist thanked for a tour is not thanked for a talk ----------------

TALK = re.compile(r"\b(talk|talking|conversation|discuss|discussing|discussion|speak|spoke)")


@pytest.mark.parametrize("company", COMPANIES)
def test_a_part_only_note_never_thanks_for_a_talk(company: str) -> None:
    """A panel of eight, all but the contact known only for a part of the day: every
    subject wording, in both forms, reaches one of them across the seven companies."""
    contact = Interviewer("Ana Ruiz", email="a@x.example", topics=("the roadmap",))
    guides = [
        Interviewer(f"Guide {n} Smith", email=f"g{n}@x.example", part="the tour of the lab")
        for n in range(9)
    ]
    iv = meeting(company=company, interviewers=[contact, *guides])
    for step in plan(iv):
        if step.template in ("thank_you_email", "requested_items_email") and (
            step.recipient is not contact
        ):
            message = render(step, iv)
            first = message.text.split("\n\n")[1].split(". ")[0]
            assert not TALK.search(message.subject or ""), message.subject
            assert not TALK.search(first), first


# -- class 7: the offer note is short and clear ----------------------------------------


@pytest.mark.parametrize("sender", [None, "Ana Ruiz", "Lee Park"])
def test_the_offer_note_is_short_and_clear(sender: str | None) -> None:
    contact = Interviewer("Ana Ruiz", email="a@x.example")
    lee = Interviewer("Lee Park", email="l@x.example")
    iv = meeting(interviewers=[contact, lee], topics=("the roadmap",))
    whole = plan(iv)
    before = [
        a
        for a in whole
        if a.kind is ActionKind.ASK_FOR_CARDS
        or a.template in ("closing_statement", "ask_timeline", "ask_permission")
    ]
    last = max(before, key=lambda a: a.sort_key())
    history = done_until(whole, last)
    history.append(Update(last.suggested.add(minutes=30), Outcome.OFFER, sender=sender))
    notes = [a for a in plan(iv, history=history) if a.template == "thank_you_email"]
    (note,) = [a for a in notes if a.recipient is contact]
    message = render(note, iv)
    assert not (message.subject or "").startswith("With thanks, after")
    longest = max(len(s.split()) for s in sentences(message))
    assert longest <= 22, message.text


# -- class 8: asking permission with any decision phrase -----------------------------


@pytest.mark.parametrize(
    "decision",
    [date(2026, 7, 15), "within two weeks", "next week", "by the end of the month"],
    ids=["date", "within", "next-week", "end-of-month"],
)
def test_asking_permission_reads_with_any_decision_phrase(decision: object) -> None:
    iv = meeting(decision_by=decision)
    (step,) = [a for a in plan(iv) if a.template == "ask_permission"]
    text = render(step, iv).text
    assert "if you have heard nothing by then" in text
    assert not re.search(r"heard (next|within|in the|by|this)\b", text), text
    assert re.search(r"As the company expects to decide \S", text), text


# -- r10: the invitation thanked is the one the history says the recipient gave ---------


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
@pytest.mark.parametrize("sender", [None, "Bo Chen", "Ana Ruiz"])
def test_only_who_gave_the_news_is_thanked_for_the_invitation(
    code: str, sender: str | None
) -> None:
    """r10 (fr, es): the next-round retry thanked Marc Roy "again for the invitation"
    when the news of the next round was recorded from no one (or from someone else)."""
    import pendulum

    from .test_writing import ANA, BO, NY, check_ins, in_language

    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None), BO]), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND, sender=sender)
    thanks = language(code).translations.gettext("Thank you again for the invitation.")
    steps = [step for step in check_ins(plan(iv, history=[news])) if step.facts.attempt == 2]
    assert steps
    for step in steps:
        text = render(step, iv).text
        gave_it = (
            sender is not None and step.recipient is not None and (step.recipient.name == sender)
        )
        assert (thanks in text) == gave_it, text


def test_a_recalled_topic_is_not_made_an_opinion_of_the_work() -> None:
    """r10: "Talking through hiring plans for next year gave me a good sense of the work."
    A recalled topic may be anything the candidate typed: its sentence says it was
    discussed, and claims nothing it taught the candidate about the job."""
    recall = (POT.parent / "templates" / "_thanks_recall.txt").read_text(encoding="utf-8")
    assert "gave me" not in recall and "sense of the work" not in recall


def test_no_opening_dates_what_the_candidate_knows() -> None:
    """r10 (all four readers): "Since Wednesday, November 4, I have known that ..." and
    "On Tuesday, November 17, a decision ... was expected ..." read as a status report.
    An opening says when the candidate learned a thing, not since when they know it."""
    opening = (POT.parent / "templates" / "_check_in_opening.txt").read_text(encoding="utf-8")
    assert not re.search(r'_\("(Since %\(day\)s, I have|On %\(day\)s, a decision)', opening)


def test_an_interest_line_does_not_presume_the_job() -> None:
    """r10: "I am keen to take on this role.", "the prospect of taking up the job", "the
    start of working together": no offer was made; a thank-you hopes, it does not
    presume."""
    interest = (POT.parent / "templates" / "_thanks_interest.txt").read_text(encoding="utf-8")
    for presumption in ("take on this role", "taking up the job", "start of working together"):
        assert presumption not in interest


# -- r10: one graceful close across a user's applications -----------------------------

CLOSES = (  # words15 class 4: seven, by the application's turn (words24b: short and warm,
    # re-asking nothing the body asked; words27a: one sentence each, never two clipped ones)
    "Thank you, and I look forward to hearing from you.",
    "Many thanks, and I look forward to any news in due course.",
    # words28b class 3 (r23 es, r24pre en): nothing grim ("when the time comes") nor an
    # answer asked for soon after a close that grants the time
    "Thank you, and I look forward to your reply.",
    "Thank you, and I look forward to hearing back.",
    # words29b class 3 (r24 en 01.12, 10.10, fr « lorsqu'elle sera prête »): no exam's
    # "result", no answer "when it is ready"
    "Thank you, and I look forward to your response.",
    # words32b (r25, r26 and r27 en 04.11, 10.8): never "being in touch", which says the
    # candidate will write again
    "Thank you, and I look forward to speaking with you again.",
    "Thank you, and I look forward to hearing from you once there is news.",
)


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_the_graceful_close_is_spread_over_applications(code: str) -> None:
    """r10: "I will leave it there for now, and your news will be most welcome whenever it
    comes." closed ten of fifteen scenarios.  Each application keeps one close (the same
    input, the same words), and a user's applications spread over seven (words15)."""
    from .test_writing import ANA, in_language

    said = language(code).translations.gettext
    seen: set[str] = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        whole = plan(iv)
        close = [a for a in whole if a.kind is ActionKind.CHECK_IN][-1]
        assert close.facts.final
        text = render(close, iv).text
        closes = [said(line) for line in CLOSES if said(line) in text]
        assert len(closes) == 1, text
        assert render(close, iv).text == text
        seen.update(closes)
    assert len(seen) == len(CLOSES)
