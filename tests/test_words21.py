"""Issue 19, the seventeenth blind read (r17, seed 2828): the classes words21 answers for
the thank-you e-mail, the card, the offer note and the requested-items e-mail.

Each test fails on main before words21 and names the class it answers.
"""

from __future__ import annotations

import re

import attrs
import pendulum
import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from followup_rules import ActionKind, Outcome, Policy, Update, plan, render
from followup_rules._languages import language
from followup_rules.messages import SPARE_WORDING

from .test_words9 import FIT, _body, _msgids, _plural_msgids, _superday
from .test_words19 import LOCALES
from .test_writing import ANA, BO, NY, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _catalog(code: str) -> Catalog:
    path = LOCALES / code / "LC_MESSAGES" / "followup_rules.po"
    with (LOCALES / "followup_rules.pot" if code == "en" else path).open("rb") as handle:
        return read_po(handle)


def _said(code: str, *templates: str) -> list[str]:
    """Every wording of the sentences of *templates* ("_thanks_recall.txt"), in *code*."""
    out = []
    for message in _catalog(code):
        if not message.id or not any(
            path.endswith(f"templates/{name}")
            for path, _ in message.locations
            for name in templates
        ):
            continue
        texts = message.id if code == "en" else message.string
        out += [texts] if isinstance(texts, str) else list(texts)
    return out


# -- 1. the recap: frames that read as written in the language, not translated ----------

TRANSLATED_FRAMES = {
    "en": r"came up|go through|Going over|good to cover|to explore|good to hear about",
    "de": r"sehr begrüßt|zu sprechen, war|fand ich interessant|hat mir gefallen\.|erkunden"
    r"|durchzugehen|Es war gut",
    "fr": r"^Explorer|Revenir sur|bonne chose|Faire le point|Je me félicite|parcourir"
    r"|Il a été agréable",
    "es": r"Fue bueno|recorrer|explorar|tratar|saliera el tema|oportuno",
}
"""r17: en "I was pleased that X came up", "It was a pleasure to go through X", "Going
over X was most welcome", "It was good to cover X"; de "… habe ich sehr begrüßt",
"Über X zu sprechen, war sehr angenehm", "… fand ich interessant"; fr « Explorer X a été
intéressant », « Ce fut une bonne chose d’aborder », « Faire le point sur … »,
« Je me félicite »; es "Fue bueno tratar X", "recorrer", "explorar"."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_recap_takes_no_translated_frame(code: str) -> None:
    recaps = _said(code, "_thanks_recall.txt")
    assert len(recaps) == SPARE_WORDING + 1
    assert [s for s in recaps if re.search(TRANSLATED_FRAMES[code], s)] == []
    assert len(set(recaps)) == len(recaps)


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_recap_names_the_topic_as_discussed(code: str) -> None:
    """Every frame takes any noun phrase as something talked about (the input backs only
    that), and a contact's note with topics recalls them in one of those frames."""
    talked = {
        "en": r"discuss|exchange|hear about",
        "de": r"Austausch|gesprochen|besprochen|Gespräch|Diskussion|gehört|sprechen",
        "fr": r"discussion|discut|abord|dit sur|conversation",
        "es": r"conversación|hablar|hablamos|Conversar|se dijo|comentamos|se habló",
    }[code]
    recaps = _said(code, "_thanks_recall.txt")
    assert [s for s in recaps if not re.search(talked, s, re.IGNORECASE)] == []


# -- 2. the case for fit: named in every note of an ordinary superday --------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_note_of_a_superday_names_the_fit_on_record(code: str) -> None:
    """r17 en 14.12-14.17: "I feel ready for the role, given my experience." while the fit
    was given.  A superday of eight names it in every note, each in its own frame."""
    iv = in_language(_superday(), code)
    phrase = language(code).experience(FIT)
    notes = [_body(render(a, iv)) for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
    assert len(notes) == 8
    assert [text for text in notes if phrase not in text and FIT not in text] == []
    lines = [
        next(s for s in re.split(r"(?<=[.!?])\s+|\n+", text) if phrase in s or FIT in s)
        for text in notes
    ]
    assert len(set(lines)) == len(lines), lines


STOCK_FIT = {
    "en": r"For this role I can offer|a job I would very much like to do",
    "de": r"Ich kann vor allem|Die Aufgaben der Stelle sprechen mich",
    "fr": r"Je peux apporter|belle étape professionnelle",
    "es": r"Puedo ofrecer|Es un trabajo que",
}
"""r17: en "For this role I can offer X.", "This is a job I would very much like to do.";
de "Ich kann vor allem … einbringen"; fr « Je peux apporter … à ce poste »; es "Puedo
ofrecer X"."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_stock_fit_or_interest_line_is_left(code: str) -> None:
    lines = _said(code, "_thanks_fit.txt", "_thanks_interest.txt")
    assert len(lines) >= 30
    assert [s for s in lines if re.search(STOCK_FIT[code], s)] == []


def test_no_interest_and_fit_line_both_open_on_i_would() -> None:
    """r17 en 01.8: "I would welcome the chance to contribute. I would bring my decade
    …": any interest wording may stand before any fit wording, so "I would" opens the
    wordings of one of the two at most."""
    interest = [s for s in _msgids("_thanks_interest.txt") if "offer" not in s]
    fit = [s for s in _msgids("_thanks_fit.txt") if "%(fit)s" in s]
    both = (
        [s for s in interest if s.startswith("I would")],
        [s for s in fit if s.startswith("I would")],
    )
    assert not all(both), both


# -- 3. the missed point: stated, then offered; "more" only once it is named ------------

NOTHING_TO_ADD_TO = {
    "en": r"go into|say more|discuss further|more detail",
    "de": r"gehe näher darauf ein|erläutere das",
    "fr": r"reste à votre disposition pour vous en dire plus\.$|^Au cours de",
    "es": r"profundizo|sacar a colación",
}
"""r17 en 09.5 "I did not raise X with you, and I can go into more detail", 13.5 "… glad
to say more about it": more of what was never said; de "erläutere das näher" (nothing
for "das"), es "profundizo en ello"."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_offers_to_tell_never_more_of_nothing(code: str) -> None:
    translations = language(code).translations
    ids = _plural_msgids("_missed.txt")
    assert len(ids) == 8
    for singular, plural in ids:
        for count in (1, 2):
            text = translations.ngettext(singular, plural, count)
            assert not re.search(NOTHING_TO_ADD_TO[code], text), text
            assert ":" not in text and ";" not in text, text


# -- 4. attachments: plainly attached; a subject credits no one with the interview's ask ---

NOT_ATTACHED = {
    "en": r"with this email|to this email|enclosed|included",
    "de": r"lege .* bei|beigefügt|dieser E-Mail|Ihrem Wunsch gemäß",
    "fr": r"avec ce courriel|selon votre souhait|à la suite de votre demande|à ce courriel",
    "es": r"a este correo|con este correo|en este correo|en este mensaje|hago llegar",
}
"""r17 en 01.8 "I have included two code samples with this email", 14.12 "I have added
two references to this email"; de "Ihrem Wunsch gemäß lege ich … bei" (paper); fr
« Je vous adresse avec ce message …, selon votre souhait »; es "Le envío … en este
correo"."""


@pytest.mark.parametrize("code", LANGUAGES)
def test_documents_are_attached_in_plain_words(code: str) -> None:
    lines = [s for s in _said(code, "_requested.txt") if "%(items)s" in s]
    assert len(lines) >= 17
    assert [s for s in lines if re.search(NOT_ATTACHED[code], s)] == []


@pytest.mark.parametrize("variant", range(SPARE_WORDING + 1))
def test_a_request_of_the_interview_is_nobodys_in_a_subject(variant: int) -> None:
    """r17 en 04.7: "As requested: a link to my conference talk" to one of two
    interviewers, when the request was recorded for the interview as a whole.  Whatever
    its wording, the requested-items e-mail's subject says no one asked."""
    people = [
        attrs.evolve(person, address="1 Main St, 10001", requested=()) for person in (ANA, BO)
    ]
    iv = meeting(interviewers=people, requested=("two code samples",))
    sends = [a for a in plan(iv, Policy.traditional()) if a.kind is ActionKind.SEND_REQUESTED]
    assert sends
    for email in sends:
        again = attrs.evolve(email, facts=attrs.evolve(email.facts, variant=variant))
        subject = render(again, iv).subject or ""
        assert not re.search(r"request|As requested|asked", subject, re.IGNORECASE), subject


@pytest.mark.parametrize("variant", range(SPARE_WORDING + 1))
def test_no_thank_you_subject_calls_itself_a_thank_you(variant: int) -> None:
    """r17 en 14.16: "A thank-you for the Data Engineer interview"."""
    iv = _superday()
    notes = [a for a in plan(iv) if a.kind is ActionKind.THANK_YOU]
    note = attrs.evolve(notes[0], facts=attrs.evolve(notes[0].facts, variant=variant))
    assert "A thank-you" not in (render(note, iv).subject or "")


# -- 5. the offer note: about the offer, glad of it ------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_offer_note_is_about_the_offer_only(code: str) -> None:
    """r17 en 05.1: "…; it is very good news. I appreciated the time you gave me at the
    interview. I was pleased that the team's roadmap and on-call came up." The contact's
    note after an offer thanks for it, glad, and recalls no old topic nor part of the
    day; it keeps its asks (when to answer, the details in writing)."""
    ana = attrs.evolve(ANA, part="PART-OF-DAY", topics=("OWN-TOPIC",))
    iv = in_language(meeting(interviewers=[ana], topics=["DAY-TOPIC"]), code)
    history = [Update(pendulum.datetime(2026, 7, 7, 15, 20, tz=NY), Outcome.OFFER)]
    (note,) = (a for a in plan(iv, history=history) if a.kind is ActionKind.THANK_YOU)
    text = render(note, iv).text
    assert "TOPIC" not in text and "PART-OF-DAY" not in text, text
    flat = {
        "en": "very good news",
        "de": "sehr gute Nachricht",
        "fr": "bonne nouvelle",
        "es": "buena noticia",
    }[code]
    assert flat not in text
    gettext = language(code).translations.gettext
    asks = gettext(
        "Could you let me know when an answer is needed, and whether the details of "
        "the offer will follow in writing?"
    )
    assert asks in text
