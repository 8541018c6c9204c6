"""Wording round 23c (issue 19): the eighteenth blind read (seed 3939) on the thank-you
e-mail's openers and recaps, the card, the requested items, the recruiter debrief and
the in-room steps.

Each test fails on main before words23c and names the class it answers.
"""

from __future__ import annotations

import functools
import itertools
import re

import attrs
import pytest

from followup_rules import ActionKind, Interviewer, Policy, Recruiter, plan, render
from followup_rules._languages import language
from followup_rules.messages import default_pack

from .prose import masks
from .test_messages import by_template, full_interview
from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, in_language, meeting

RITA = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0100")

# -- 1. the candidate's own words in a briefing written to the candidate -----------------

MINE = {
    "en": ("the link to my portfolio", "my six years of building data pipelines"),
    "de": ("den Link zu meinem Portfolio", "meine sechs Jahre Erfahrung mit Datenpipelines"),
    "fr": ("le lien vers mon portfolio", "mes six années de pipelines de données"),
    "es": ("el enlace a mi portafolio", "mis seis años de experiencia con datos"),
}
YOURS = {
    "en": ("the link to your portfolio", "your six years of building data pipelines"),
    "de": ("den Link zu Ihrem Portfolio", "Ihre sechs Jahre Erfahrung mit Datenpipelines"),
    "fr": ("le lien vers votre portfolio", "vos six années de pipelines de données"),
    "es": ("el enlace a su portafolio", "sus seis años de experiencia con datos"),
}


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_the_debrief_call_says_the_candidates_words_as_theirs(code: str) -> None:
    """r18 en 02.4: "what you were asked to send: two code samples and the link to my
    portfolio;" in a script written to "you".  Whatever the candidate typed in their own
    voice (what was asked, the case for fit, a topic, a part) the call script says as
    theirs: "my" is "your" (Ihr, votre, su), in every language."""
    item, fit = MINE[code]
    iv = full_interview(
        interviewers=[Interviewer("Jamie Fox", email="jamie@example.com")],
        recruiter=RITA,
        requested=(item,),
        fit=fit,
        topics=(f"{item} and {fit}",),
        missed=(),
    )
    text = default_pack(code).render(by_template("recruiter_debrief_call", iv), iv).text
    script = text.split("\n\n\n")[0] if "\n\n\n" in text else text
    mine = re.compile(
        {"en": r"\bmy\b", "de": r"\bmein", "fr": r"\b(mon|ma|mes)\b"}.get(code, r"\bmis?\b")
    )
    talking_points = [line for line in script.splitlines() if line.startswith("- ")]
    assert talking_points
    for line in talking_points:
        assert not mine.search(line), line
    for told in YOURS[code]:
        assert told in text


@pytest.mark.parametrize(
    ("code", "typed"),
    [
        ("en", "the demo I gave"),
        ("de", "die Demo, die ich gezeigt habe"),
        ("fr", "la démo que j’ai faite"),
        ("es", "la demo que yo preparé"),
    ],
)
def test_words_in_the_first_person_are_quoted_not_turned(code: str, typed: str) -> None:
    """A phrase that speaks in the first person otherwise ("the demo I gave") cannot be
    turned word for word without its verb: the briefing quotes it as typed."""
    assert language(code).told_to_candidate(typed) is None
    iv = full_interview(
        interviewers=[Interviewer("Jamie Fox", email="jamie@example.com")],
        recruiter=RITA,
        requested=(typed,),
    )
    text = default_pack(code).render(by_template("recruiter_debrief_call", iv), iv).text
    assert language(code).quote(typed) in text


def test_an_interviewers_your_is_theirs_and_the_candidates_my_is_yours() -> None:
    english = language("en")
    assert english.told_to_candidate("your review of my portfolio") == (
        "their review of your portfolio"
    )
    assert english.told_to_candidate("the demo you gave") is None
    assert english.told_to_candidate("the tour of the lab") == "the tour of the lab"


# -- 1b, 2. the thank-you's frames read around what the user types -----------------------

FIT = "six years of building data pipelines"
PART = "the walk through your on-call dashboards"
BARE = ("hiring plans for next year", "on-call")


@functools.lru_cache(maxsize=1)
def _english_notes() -> list[tuple[str, tuple[str, ...]]]:
    """Every English thank-you of an eight-person panel (each sentence in each of its
    eight wordings, over the seven turns of the applications), each panelist with a part
    of the day and topics typed without a determiner, with and without their own fit,
    on time and late; with the values a reader sets aside."""
    notes: list[tuple[str, tuple[str, ...]]] = []
    for (company, role), with_fit, late in itertools.product(
        itertools.product(COMPANIES, ROLES), (True, False), (False, True)
    ):
        panel = [
            Interviewer(
                f"Kim Lee{i}",
                email=f"kim{i}@acme.example",
                part=PART,
                topics=BARE,
                fit=FIT if with_fit else None,
            )
            for i in range(8)
        ]
        iv = meeting(company=company, role=role, interviewers=panel, fit=FIT)
        hidden = masks(iv)
        for action in plan(iv):
            if action.kind is not ActionKind.THANK_YOU or action.template is None:
                continue
            if late:
                action = action._with_facts(attrs.evolve(action.facts, late=True))
            notes.append((render(action, iv).text, hidden))
    return notes


_SENTENCE = re.compile(r"(?<=[.?!])\s+")


def _first_paragraph(text: str) -> list[str]:
    return _SENTENCE.split(text.split("\n\n")[1])


def test_no_two_sentences_running_open_on_the_same_subject_and_verb() -> None:
    """r18 en 15.5: "I was especially glad of the walk through your on-call dashboards. I
    was very interested in our discussion of the team's roadmap and on-call.": two
    sentences running open "I was".  Over every wording of the opening, the part and the
    recap, no two sentences side by side open on the same subject and verb."""
    for text, _ in _english_notes():
        said = _first_paragraph(text)
        for one, two in itertools.pairwise(said):
            first, second = one.split()[:2], two.split()[:2]
            if first[0] in ("I", "It", "We", "My", "Our"):
                assert first != second, (one, two)


def test_a_frame_takes_a_topic_with_or_without_a_determiner() -> None:
    """r18 en 02.5, 04.8, 08.7, 09.6: "I was interested to hear about hiring plans for next
    year", "our discussion of hiring plans for next year", "the exchange on ...": a topic
    typed without "the" read as a bare noun after "of" or "on".  Every recap puts what
    the user typed where any noun phrase reads, with or without a determiner: after
    "about", or as the object of a verb of going over it, never after "of" or "on"."""
    topics = " and ".join(BARE)
    seen = 0
    for text, _ in _english_notes():
        for sentence in _first_paragraph(text):
            if topics in sentence:
                seen += 1
                before = sentence.split(topics)[0].split()
                assert before and before[-1] not in ("of", "on"), sentence
    assert seen


def _stems(text: str) -> set[str]:
    return {word[:5] for word in re.findall(r"[a-z]+", text.lower()) if len(word) > 3}


def test_no_frame_word_echoes_the_users_words_it_frames() -> None:
    """r18 en 11.6, 14.15: "The role would let me build on my six years of building data
    pipelines": the frame's verb clashed with the typed fact.  In every wording of the
    fit, the part and the recap, no word of the library's frame repeats a word of what the
    user typed into it."""
    typed = {FIT: _stems(FIT), PART: _stems(PART), " and ".join(BARE): _stems(" ".join(BARE))}
    for text, hidden in _english_notes():
        for sentence in _SENTENCE.split(text.replace("\n\n", " ")):
            for phrase, stems in typed.items():
                if phrase not in sentence:
                    continue
                frame = sentence.replace(phrase, " ")
                for value in hidden:
                    frame = frame.replace(value, " ")
                assert not (_stems(frame) & stems), sentence


# -- 4. the requested items' subject names the items, not a bare role -------------------

ITEMS = ("two code samples", "my portfolio link")


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
def test_the_requested_items_subject_names_the_items_when_they_fit(code: str) -> None:
    """r18 en 04.6: "The items you asked for: SRE": the subject's longer wordings did not
    fit, and the shortest named neither the items nor more than a bare role.  Whatever
    the wording of the note, a subject to the person who asked names what is sent when
    the items fit in one ("What you asked for: two code samples and my portfolio
    link"); never cut."""
    seen = 0
    for company in ("Cobalt & Finch Consulting Group", *COMPANIES):
        for role in ("SRE", *ROLES):
            asker = Interviewer("Robert Hale", email="robert@acme.example", requested=ITEMS)
            iv = in_language(meeting(company=company, role=role, interviewers=[ANA, asker]), code)
            for action in plan(iv, Policy.traditional()):
                if action.kind is not ActionKind.SEND_REQUESTED:
                    continue
                subject = render(action, iv).subject
                assert subject is not None
                seen += 1
                assert all(item in subject for item in ITEMS), subject
                assert len(subject) <= 78
    assert seen


# -- 5. the closing step offers the topics as an anchor, never imposes one ----------------

OFFERED = {
    "en": "If it helps",
    "de": "Wenn es passt",
    "fr": "Si c’est pertinent",
    "es": "Si viene al caso",
}


@pytest.mark.parametrize("code", ["en", "de", "fr", "es"])
@pytest.mark.parametrize(
    "topics", [("hiring plans for next year",), ("the team's roadmap", "on-call")]
)
def test_the_closing_offers_what_was_discussed_as_an_anchor(
    code: str, topics: tuple[str, ...]
) -> None:
    """r18 en 02.1: "Tie it to what you discussed: hiring plans for next year": an odd
    anchor for a case for fit, imposed.  The step offers the topics discussed as an
    anchor where one fits, in every language."""
    iv = in_language(meeting(interviewers=[ANA], topics=topics), code)
    (step,) = [a for a in plan(iv) if a.kind is ActionKind.CLOSING_STATEMENT]
    text = render(step, iv).text
    anchor = [line for line in re.split(r"(?<=[.])\s+", text) if topics[-1] in line]
    assert anchor and all(line.startswith(OFFERED[code]) for line in anchor), text
