"""Wording round 25 (issue 19), words25c: the thank-you e-mail and card, the requested
items, the recruiter debrief and the in-room steps (the twentieth blind read, seed 5151).

1. Stock lines that read translated (r20 en C): "the time you gave me at my ... interview",
   "We had a good exchange about", "The opening interests me very much.", "I hope to
   continue in the process.", "which I would be pleased to describe", "I was pleased to be
   given", "I was thankful, too, for", "I attach ..., following your request", "I am
   including ..., which you asked for", "I would be pleased to hear from you soon.".
2. Repeats inside one message (r20 en E, de D): "opportunity" three times in 60 words, "I
   hope ... I hope ...", de "Gespräch" two or three times in one mail: no watched word of
   feeling or of the conversation comes twice in one thank-you, in any language.
4. The recruiter debrief (r20 en J, de E, fr C6, es C8): "which you noted as", a list
   of topics with a second "and" ("X and Y and Z (with Kim)"), "My time with ...
   included", "in case they contact you", the subject "What you asked for: ...".
"""

from __future__ import annotations

import functools
import itertools
import re
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest
from babel.messages.pofile import read_po

from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    InterviewFormat,
    Outcome,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .prose import masks
from .test_messages import by_template
from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, NY, in_language, meeting

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"

LANGUAGES = ("en", "de", "fr", "es")

# -- shared: every wording of every sentence of a thank-you, over input shapes ------------

_SHAPES = (
    {"part": "the tour of the lab", "topics": ("the warehouse migration",)},
    {"part": "the walk-through of the dashboards"},
    {"topics": ("hiring plans",), "requested": ("two code samples", "my portfolio link")},
    {"missed": ("my Kafka certificate",), "requested": ("a link to my talk",)},
    {"fit": "six years of building data pipelines", "requested": ("two references",)},
    {},
)
"""What one interviewer may bring to their note: their part of the day, their own topics,
what they asked for, what was missed with them, their own case for fit, or nothing."""


def _panel(turn: int) -> list[Interviewer]:
    """Six people, each with a shape of `_SHAPES`, dealt from *turn* on."""
    return [
        Interviewer(
            f"Kim Lee{i}", email=f"kim{i}@acme.example", **_SHAPES[(i + turn) % len(_SHAPES)]
        )
        for i in range(len(_SHAPES))
    ]


@functools.lru_cache(maxsize=8)
def _notes(code: str) -> list[tuple[str, str, tuple[str, ...]]]:
    """Every wording of a thank-you: the follow-up contact's note and another's, each
    person in each shape of `_SHAPES`, in each of the 49 lines of wordings and the spare
    one (`facts.variant` 0 to 48: `followup_rules.messages.wording`), with and without the
    interview's own topics, fit and missed point, on time and late, before and after word
    of a next round; with the values a reader sets aside."""
    notes: list[tuple[str, str, tuple[str, ...]]] = []
    news = Update(pendulum.datetime(2026, 7, 7, 17, tz=NY), Outcome.NEXT_ROUND)
    for turn, full in itertools.product(range(len(_SHAPES)), (True, False)):
        iv = in_language(
            meeting(
                company=COMPANIES[turn % len(COMPANIES)],
                role=ROLES[turn % len(ROLES)],
                interviewers=_panel(turn),
                topics=("the team's roadmap",) if full else (),
                fit="my decade of incident response" if full else None,
                missed=("my open-source work",) if full else (),
            ),
            code,
        )
        hidden = masks(iv)
        for history in ([], [news]):
            thanks = [a for a in plan(iv, history=history) if a.kind is ActionKind.THANK_YOU]
            for action in thanks[:2]:  # the contact's note and one other
                assert action.template is not None
                for variant, late in itertools.product(range(49), (False, True)):
                    facts = attrs.evolve(action.facts, variant=variant, late=late)
                    message = render(action._with_facts(facts), iv)
                    notes.append((message.subject or "", message.text, hidden))
    return notes


def _body(text: str, hidden: tuple[str, ...]) -> str:
    """A note's body, from after the greeting to before the signature, without the
    user's own words (names, role, company, what they typed)."""
    body = "\n\n".join(text.split("\n\n")[1:-1])
    for value in sorted(hidden, key=len, reverse=True):
        body = body.replace(value, " ")
    return body


# -- 2. no watched word twice in one thank-you --------------------------------------------

WATCHED = {
    "en": (r"opportunit", r"\bhop(?:e|es|ed|ing)\b", r"\bpleas(?:ure|ed|ing)\b", r"enjoy",
           r"\bglad", r"delight", r"apprecia", r"welcom", r"\bkeen\b", r"interest",
           r"conversation", r"exchange"),
    "de": (r"gespräch", r"\bfreu(?:e|en|t|te|st)\b|gefreut|freude", r"\bhoff", r"\bgern",
           r"gelegenheit", r"schätz", r"vergnügen", r"interess", r"austausch"),
    "fr": (r"plaisir", r"esp[eéè]r|espoir", r"heureu", r"\bravi", r"opportunit", r"occasion",
           r"appréci", r"intéress", r"échang", r"conversation"),
    "es": (r"\bgust", r"esper", r"alegr", r"oportunidad", r"ocasión", r"interes", r"conversa",
           r"encant"),
}  # fmt: skip
"""Words of feeling or of the conversation itself, which a reader hears again within one
note, each with its forms ("hope" and "hoping"; "freue", "gefreut" and "Freude";
"Gespräch" inside "Vorstellungsgespräch"): en "opportunity", "hope", "pleasure", "enjoy",
"glad"; de "Gespräch", "freuen", "hoffen", "gern"; fr "plaisir", "espérer", "échange"; es
"gusto", "esperar", "alegrar"."""


def _watched_repeats(body: str, code: str) -> list[str]:
    return [family for family in WATCHED[code] if len(re.findall(family, body, re.IGNORECASE)) > 1]


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_watched_word_twice_in_one_thank_you(code: str) -> None:
    """r20 en 02.5 "I welcomed the opportunity to discuss ... I hope to have the
    opportunity to join the team. ... I would welcome the opportunity to tell you about
    it.", 01.9 "I hope to continue in the process. ... I hope to hear about the next steps
    soon."; de 14.14 "vielen Dank für das Gespräch ... Das Gespräch über ...", 15.5;
    es "Quedo a la espera ...; según entendí, la decisión se espera ...": over every
    wording of a panel's notes, each person in each shape, no watched word of the
    library's comes twice in the body of one thank-you."""
    for _subject, text, hidden in _notes(code):
        body = _body(text, hidden)
        assert _watched_repeats(body, code) == [], body


# -- 1. stock lines that read translated --------------------------------------------------

STOCK = re.compile(
    r"the time you gave me at my|good exchange about|exchange about|opening interests me|"
    r"hope to continue in the process|which I would be pleased to describe|"
    r"pleased to be given|thankful, too,|grateful as well for|of real interest to me|"
    r"\bI attach\b|I am including|pleased to hear from you soon|with thanks for your interest|"
    r"thanks for your part in"
)
"""The r20 en C table's stock phrases, and their like in frames of the same kind."""


def test_no_thank_you_says_a_stock_line_that_reads_translated() -> None:
    """r20 en C: "Thank you for the time you gave me at my UX Designer interview with
    Harbor Bay Partners.", "We had a good exchange about ...", "The opening interests me
    very much.", "I hope to continue in the process.", "One thing I did not mention is
    ..., which I would be pleased to describe.", "I was pleased to be given the tour of
    the lab.", "I was thankful, too, for ...", "I attach two references, following your
    request.", "I am including a link ..., which you asked for.", "I would be pleased to
    hear from you soon."; subject "Thanks for your part in the ... interview": no
    wording of a thank-you, body or subject, says one."""
    for subject, text, _hidden in _notes("en"):
        assert not STOCK.search(subject), subject
        assert not STOCK.search(text), text


# -- 4. the recruiter debrief: plain words, one list per person --------------------------

AND = {"en": " and ", "de": " und ", "fr": " et ", "es": " y "}


def _debrief_call(code: str, **changes: Any) -> str:
    rita = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0199")
    iv = in_language(meeting(recruiter=rita, **changes), code)
    (call,) = (
        a
        for a in plan(iv)
        if a.kind is ActionKind.RECRUITER_DEBRIEF and a.channel is Channel.PHONE
    )
    return render(call, iv).text


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("shared", [(), ("the move to streaming",), ("streaming", "hiring")])
def test_the_debrief_says_each_persons_topics_in_a_list_of_their_own(
    code: str, shared: tuple[str, ...]
) -> None:
    """r20 en J, de E, fr C6: "what you discussed: streaming and the onboarding and on-call
    (with Kim Schulz)", de "den Umstieg ... und das Einarbeitungsprogramm und die
    Rufbereitschaft (mit Kim Schulz)": two lists run into one with a second "and".  Each
    group (the interview's topics, then each person's own, and likewise what each asked
    for) is a list of its own, after a semicolon, with at most one "and"."""
    kim = Interviewer("Kim Schulz", email="kim@x.example", topics=("onboarding", "on-call"),
                      requested=("a reference", "my portfolio link"))  # fmt: skip
    bo = Interviewer("Bo Chen", email="bo@x.example", topics=("the roadmap", "pricing"))
    text = _debrief_call(
        code, interviewers=[ANA, kim, bo], topics=shared, requested=("two code samples",)
    )
    lines = [
        line
        for line in text.splitlines()
        if line.startswith("-") and ("onboarding" in line or "a reference" in line)
    ]
    assert len(lines) == 2, text  # what was discussed, what was asked for
    if shared:  # the interview's own topics are one list, first
        said = lines[0].split(":", 1)[1].lstrip()
        first = re.split(r"[\s\u202f]*;", said)[0]
        assert first.startswith(shared[0]) and first.endswith(shared[-1]), said
    for line in lines:
        assert "(" not in line, line
        for group in re.split(r"[\s\u202f]*;[\s\u202f]*", line.rstrip(";").split(":", 1)[1]):
            assert len(re.findall(rf"\b{AND[code].strip()}\b", group)) <= 1, (group, line)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_call_says_the_missed_point_as_the_candidates_own(code: str) -> None:
    """r20 en 02.4 "the point you did not get to make, which you noted as "my AWS Data
    Analytics certification"", de "den Punkt, den Sie ... als «mein Kafka-Zertifikat»
    notiert haben": tool-speak.  The script tells the candidate that they did not get to
    mention their point, in their words turned to "your" (`to_candidate`)."""
    missed = {
        "en": "my AWS certification",
        "de": "mein AWS-Zertifikat",
        "fr": "ma certification AWS",
        "es": "mi certificación de AWS",
    }[code]
    text = _debrief_call(code, missed=[missed])
    theirs = language(code).told_to_candidate(missed)
    assert theirs is not None and theirs != missed
    assert theirs in text, text
    assert missed not in text, text
    assert not re.search(r"noted|notiert|noté|anotó", text), text


def test_the_debrief_email_names_who_gave_a_part_and_says_before() -> None:
    """r20 en 11.6 "My time with Chris O'Neill included the tour of the lab." and "in case
    they contact you": the part is said as the person's ("Chris O'Neill also gave me the
    tour of the lab."), and the details go to the recruiter straight away.  words26a
    class 2 (r22 en 11.5) rewrote the last check: "before they contact you" says what the
    company will do, which no history records, so the e-mail no longer says it."""
    chris = Interviewer("Chris O'Neill", email="chris@x.example", part="the tour of the lab")
    iv = meeting(
        recruiter=Recruiter("Rita Cole", email="rita@agency.example"),
        interviewers=[ANA, chris],
        topics=("the roadmap",),
    )
    text = render(by_template("recruiter_debrief_email", iv), iv).text
    # words29c class 3 (r24 en 11.6: "also" twice in one paragraph): the part of the day
    # says no "also", which the sentence of a colleague's own topics may say
    assert "Chris O'Neill gave me the tour of the lab." in text, text
    assert "My time with" not in text and "in case they contact you" not in text, text
    assert "straight away." in text and "contact you" not in text, text


def test_no_subject_opens_on_a_stock_heading() -> None:
    """r20 en 04.6 subject "What you asked for: two code samples and my portfolio link",
    14.14 "Thanks for your part in the Senior Product Manager interview": no subject of
    the library's (its catalog template) says either."""
    with (LOCALES / "followup_rules.pot").open("rb") as file:
        ids = [m.id for m in read_po(file) if isinstance(m.id, str)]
    assert ids
    assert [i for i in ids if re.match(r"What you asked for:|Thanks for your part", i)] == []


# -- 5. the in-room steps ------------------------------------------------------------------


@pytest.mark.parametrize("form", [InterviewFormat.PHONE, InterviewFormat.VIDEO])
def test_the_french_closing_step_asks_for_details_in_plain_french(form: InterviewFormat) -> None:
    """r20 fr 02.1, 03.1: « demandez ... à chaque interlocuteur dont il vous manque ces
    informations » (a relative clause French does not build that way).  The step asks
    whoever has not yet given their details."""
    bo = Interviewer("Bo Chen", email="bo@acme.example")
    iv = in_language(meeting(interviewers=[ANA, bo], format=form), "fr")
    (step,) = [a for a in plan(iv) if a.kind is ActionKind.CLOSING_STATEMENT]
    text = render(step, iv).text
    assert "dont il vous manque" not in text, text
    # words27d (r23 fr 02.1): « les … communiqués » did not agree with « l'intitulé »
    assert "qui ne vous les a pas" not in text, text
    # words28c class 4 (r23 fr 03.1): « ce qui vous manque encore de sa part » was clumsy
    assert "à chaque interlocuteur les informations qui vous manquent encore" in text, text
