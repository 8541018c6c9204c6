"""Words, tenth round B (issue 19): German, French and Spanish as a native hiring manager
reads them, from the eighth blind read (corpus 9595) and corpora 3101 and 3202.

One test per class, over every sentence of a catalog or over whole plans, never over one
English sentence: the English sentences are another round's to change.
"""

from __future__ import annotations

import re

import attrs
import pytest

from followup_rules import ActionKind, Channel, Interviewer, Recruiter, plan, render

from .test_words7b import FRENCH, GERMAN, SPANISH, _interview, _messages
from .test_words9b import _catalog
from .test_writing import check_ins, in_language, meeting

# -- class 1: a subject names the role, even a long one -----------------------------------

LONG_ROLES = {
    "de": ("Softwareentwickler für eingebettete Systeme", "Großhandel Süd AG"),
    "fr": ("Responsable des ressources humaines", "Érable Logistique SAS"),
    "es": ("Responsable de Recursos Humanos", "Hospital Universitario de Levante"),
}
"""The longest roles of the corpora (43, 35 and 31 characters), at a long employer."""


def _subjects(code: str) -> list[str]:
    """The subjects of fourteen panel notes (every wording) and seven check-ins."""
    role, company = LONG_ROLES[code]
    people = [Interviewer(f"P{n} Lee", email=f"p{n}@x.example") for n in range(14)]
    iv = in_language(meeting(role=role, company=company, interviewers=people), code)
    whole = plan(iv)
    steps = [a for a in whole if a.template is not None and a.channel is Channel.EMAIL]
    first = check_ins(whole)[0]
    steps += [attrs.evolve(first, facts=attrs.evolve(first.facts, attempt=n)) for n in range(1, 8)]
    return [render(step, iv).subject or "" for step in steps]


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_every_subject_names_a_long_role(code: str) -> None:
    """r8 de (and fr, es): „Vielen Dank für das Gespräch", „Nachfrage zu meiner
    Bewerbung", «Des nouvelles de ma candidature ?», «Muchas gracias por la entrevista»:
    with a long role, the shorter subjects were too long to take the role after a colon,
    so the recipient could not file the e-mail by it.  Every thank-you wording and every
    check-in number names the role, uncut, within what a phone shows."""
    role = LONG_ROLES[code][0]
    subjects = _subjects(code)
    assert len(subjects) >= 20
    for subject in subjects:
        assert role.casefold() in subject.casefold(), subject
        assert len(subject) <= 70 and "…" not in subject, subject


# -- class 2: calques, heavy constructions, the employer called "the company" -------------

CLASSES: dict[str, dict[str, str]] = {
    "de": {
        # a hospital or a university is no "Unternehmen" or "Firma": the name, or "Sie"
        "the employer as 'Unternehmen'": r"\b(Unternehmens?|Firma)\b",
        # "erfuhr ich, dass die Entscheidung letzte Woche vorgesehen ist": the tense
        "'erfuhr ich, dass … vorgesehen ist'": r"erfuhr ich, dass [^.]*\bist\b",
        # r8: "jederzeit" in two sentences of one note; the word is kept for one formula
        "'jederzeit' as a stock word": r"jederzeit(?! zur Verfügung)",
    },
    "fr": {
        "the employer as 'entreprise'": r"\b(l’entreprise|la société)\b",
        # r8: awkward, overfamiliar
        "'m'a appris bien des choses'": r"appris bien des choses",
        "'me plairait vraiment'": r"me plairait vraiment",
        # an "entrevue sur le poste" is neither the word nor the preposition
        "'l'entrevue sur'": r"entrevue sur",
        # two lines of one check-in said "vos nouvelles seront les bienvenues"
        "'nouveau …, vos nouvelles'": r"du nouveau, vos nouvelles",
    },
    "es": {
        "the employer as 'la empresa'": r"\bla (empresa|compañía)\b",
        # r8: heavy ("así que me pongo en contacto con usted en relación con")
        "'en relación con'": r"en relación con",
        "'me pongo en contacto con usted'": r"me pongo en contacto con usted",
        # r8: a calque of "I'll give you the time you need"
        "'Le dejo el tiempo'": r"(?i)le dejo el tiempo",
    },
}

_CASES = [(code, name) for code, classes in CLASSES.items() for name in classes]


@pytest.mark.parametrize(("code", "name"), _CASES)
def test_no_sentence_of_the_catalog_keeps_the_class(code: str, name: str) -> None:
    """Every class of the eighth reads (see `CLASSES`), in every sentence of the catalog."""
    pattern = re.compile(CLASSES[code][name])
    found = [text for _, text in _catalog(code) if pattern.search(text)]
    assert found == [], found


@pytest.mark.parametrize("region", [*GERMAN, *FRENCH, *SPANISH])
def test_no_message_of_a_region_keeps_a_class(region: str) -> None:
    """The same classes in whole plans of every region: no regional rewrite brings one
    back (a user's company may say "Firma"; the test company does not)."""
    patterns = [re.compile(p) for p in CLASSES[region[:2]].values()]
    for subject, text in _messages(_interview(region)):
        for pattern in patterns:
            assert not pattern.search(subject + "\n" + text), (pattern.pattern, text)


# -- class 3: Swiss German placeholders are the ones the text holds --------------------------


@pytest.mark.parametrize("code", GERMAN)
def test_every_bracket_of_a_german_message_is_a_listed_placeholder(code: str) -> None:
    """Corpus 3202 (de_CH): the debrief e-mail held „[Bedenken wurden keine geäussert. …]"
    while `Message.placeholders` listed „geäußert": Switzerland's "ss" was written in the
    text and not in the placeholder, so an integrator could not find what to replace.
    Every bracketed text of every message is one of its placeholders."""
    rita = Recruiter("Rita Cole", email="rita@agency.example")
    iv = in_language(meeting(recruiter=rita), code)
    seen = 0
    for action in plan(iv):
        if action.template is None or action.kind is not ActionKind.RECRUITER_DEBRIEF:
            continue
        message = render(action, iv)
        for mark in re.findall(r"\[[^\]]+\]", message.text):
            seen += 1
            assert mark in message.placeholders, (mark, message.placeholders)
    assert seen, "the debrief e-mail holds a placeholder"
