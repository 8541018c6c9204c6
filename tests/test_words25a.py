"""Issue 19, wording round 25, helper a: the truth class of the twentieth blind read
(/work/reads/r20, seed 5151).  One test per class, over generated interviews and
histories where the class allows, in every language (``words25a.md``)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import attrs
import pendulum
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_rules import ActionKind, Candidate, Interview, Outcome, Update, plan, render

from .strategies import interviews
from .test_words7 import FOR_THE_OFFER

LANGUAGES = ("en", "de", "fr", "es")


def _speaking(iv: Interview, code: str) -> Interview:
    """*iv* with a candidate writing in *code*."""
    candidate = iv.candidate or Candidate("Sam Lee")
    return attrs.evolve(iv, candidate=attrs.evolve(candidate, language=code))


def _gettext(code: str, msgid: str) -> str:
    from followup_rules._languages import language

    return str(language(code).translations.gettext(msgid))


# -- class 1: the offer is thanked for only by the note to whoever made it ---------------

ASKS = (
    "Could you let me know when an answer is needed, and whether the details of the offer "
    "will follow in writing?"
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    iv=interviews(),
    code=st.sampled_from(LANGUAGES),
    giver=st.integers(-1, 5),
)
def test_no_note_thanks_for_an_offer_its_recipient_did_not_make(
    iv: Interview, code: str, giver: int
) -> None:
    """r20 en 05.1, es 05.1, de/fr 05.2: "Thank you very much for the offer ..." (and the
    subject "Thank you for the SRE offer") to a contact the history does not record as
    its maker; en 05.2 "The news of the offer ... I am very grateful for it."  After an
    offer, whoever gave it (no one recorded, the recipient, or another), a note thanks
    for the offer, in its subject or its body, only when its recipient made it; the
    contact's note still asks when an answer is needed, in words true whoever made it."""
    iv = _speaking(iv, code)
    sender = None if giver < 0 or giver >= len(iv.interviewers) else iv.interviewers[giver].name
    ends = iv.starts_at + iv.duration
    offer = Update(ends + timedelta(hours=1), Outcome.OFFER, sender=sender)
    asks = _gettext(code, ASKS)
    for action in plan(iv, history=[offer]):
        if action.kind is not ActionKind.THANK_YOU or action.template is None:
            continue
        message = render(action, iv)
        body = message.text.split("\n", 1)[1]
        made = action.recipient is not None and action.recipient.name == sender
        said = FOR_THE_OFFER.search(body) or FOR_THE_OFFER.search(message.subject or "")
        assert not said or made, (sender, message.subject, message.text)
        assert "grateful for it" not in body, message.text
        if action.recipient is iv.follow_up_contact and action.channel.name == "EMAIL":
            assert asks in message.text, message.text


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, "Ana Ruiz", "Bo Chen"])
def test_the_contacts_offer_note_thanks_for_the_offer_only_from_its_maker(
    code: str, sender: str | None
) -> None:
    """The contact's note: its maker is thanked for the offer (subject and first
    sentence); anyone else is thanked for their time at the interview, and the offer,
    named in the second sentence, is news received (from the one the history names)."""
    from .test_writing import in_language, meeting

    iv = in_language(meeting(), code)
    offer = Update(
        pendulum.datetime(2026, 7, 7, 16, tz=iv.starts_at.tz), Outcome.OFFER, sender=sender
    )
    (note,) = (
        a
        for a in plan(iv, history=[offer])
        if a.kind is ActionKind.THANK_YOU and a.recipient is iv.follow_up_contact
    )
    message = render(note, iv)
    paragraph = message.text.split("\n\n")[1]
    made = sender == "Ana Ruiz"
    assert bool(FOR_THE_OFFER.search(paragraph)) is made, paragraph
    assert bool(FOR_THE_OFFER.search(message.subject or "")) is made, message.subject
    word = {"en": "offer", "de": "angebot", "fr": "proposition", "es": "oferta"}[code]
    subject = (message.subject or "").casefold()
    assert word in paragraph.casefold() and word in subject, message.text
    if sender == "Bo Chen":
        assert "Bo Chen" in paragraph, paragraph


# -- class 2: the case for fit claims no judgement only the employer can make ------------

EMPLOYERS_VIEW = {
    "en": r"good (match|fit)\b|what the role (requires|asks|needs)|the profile",
    "de": r"ins Profil|Anforderungsprofil entspr|den Anforderungen",
    "fr": r"le profil|profil recherché|aux exigences|que demande|aux attentes",
    "es": r"el perfil|lo que (pide|exige|busca)",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_case_for_fit_states_the_employers_judgement(code: str) -> None:
    """r20 en 03.5/09.7 "With my six years ..., I would be a good match for the role.",
    fr « j'ai le profil que demande ce poste », es 07.7 « tengo el perfil que busca el
    puesto »: an opinion the employer did not give.  Every wording of the case for fit
    (the frames that quote the fit and the short lines that refer back to it), in every
    language, says what the candidate is sure of, never that they match what the role
    requires or seeks."""
    import re
    from pathlib import Path

    import followup_rules

    text = (Path(followup_rules.__file__).parent / "templates" / "_thanks_fit.txt").read_text()
    msgids = re.findall(r'_\("((?:[^"\\]|\\.)*)"', text)
    assert len(msgids) >= 16
    for msgid in msgids:
        said = _gettext(code, msgid)
        assert not re.search(EMPLOYERS_VIEW[code], said, re.IGNORECASE), (msgid, said)


# -- class 3: a panelist known only for a part of the day had no recorded conversation ---

CONVERSATION = {
    "en": r"our (conversation|talk|discussion|exchange)|speaking with me|talking with me",
    "de": r"unse(rem|r|ren) (Gespräch|Austausch)|Nach dem Gespräch|Gespräch mit Ihnen",
    "fr": r"notre (échange|conversation|discussion|entretien)|nos échanges",
    "es": r"nuestra (conversación|charla)|conversar con usted|hablar con usted",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("news", [None, Outcome.OFFER, Outcome.NEXT_ROUND])
def test_no_note_to_a_part_only_panelist_implies_a_conversation(
    code: str, news: Outcome | None
) -> None:
    """r20 de 01.9, 14.13: "Nach unserem Gespräch bin ich von der Stelle begeistert." to
    a panelist whose only recorded part was the tour.  A panel of eight such panelists
    takes every wording of every sentence of the note (each note its own): none of
    their notes' bodies speaks of a conversation with them, whatever news came."""
    from followup_rules import Interviewer

    from .test_writing import ANA, in_language, meeting

    names = ("Bo Chen", "Cy Park", "Di Ito", "Ed Ode", "Flo Gee", "Gus Ho", "Hal Ivy", "Ida Le")
    touring = [Interviewer(name, part="the tour of the lab") for name in names]
    iv = in_language(meeting(interviewers=[ANA, *touring], fit="six years of SQL"), code)
    history = [] if news is None else [Update(iv.starts_at.add(hours=2), news)]
    seen = 0
    for action in plan(iv, history=history):
        if action.kind is not ActionKind.THANK_YOU or action.recipient is ANA:
            continue
        body = render(action, iv).text.split("\n", 1)[1]
        assert not re.search(CONVERSATION[code], body), body
        seen += 1
    assert seen == len(names)


# -- class 4: no "interview day" the input does not give ---------------------------------


def test_no_sentence_calls_an_interview_a_day() -> None:
    """r20 en 01.8: "My thanks for the tour of the lab during the interview day ..." of a
    one-hour panel.  The input has no day-long interview (no superday field): no English
    sentence of the catalog says "interview day", and the notes of a panel of tour-only
    panelists (every wording of the opening) say "my interview"."""
    from babel.messages.pofile import read_po

    import followup_rules
    from followup_rules import Interviewer

    from .test_writing import ANA, meeting

    pot = Path(followup_rules.__file__).parent / "locales" / "followup_rules.pot"
    with pot.open("rb") as handle:
        msgids = [m.id for m in read_po(handle) if isinstance(m.id, str)]
    assert len(msgids) > 500
    assert not [m for m in msgids if re.search(r"interview(ing)? day", m, re.I)]
    names = ("Bo Chen", "Cy Park", "Di Ito", "Ed Ode", "Flo Gee", "Gus Ho", "Hal Ivy", "Ida Le")
    touring = [Interviewer(name, part="the tour of the lab") for name in names]
    iv = meeting(interviewers=[ANA, *touring])
    for action in plan(iv):
        if action.template is not None:
            assert "interview day" not in render(action, iv).text.casefold()


# -- class 5: no delay granted that nobody announced -------------------------------------

SHIFTED = {
    "en": r"timing can shift|timelines can shift",
    "de": r"Zeitpläne verschieben",
    "fr": r"calendrier puisse évoluer",
    "es": r"plazos pueden cambiar",
}


def _check_in_texts(iv: Interview, *, max_check_ins: int) -> list[str]:
    """The rendered check-ins of *iv*'s plan under a long run of *max_check_ins*."""
    from followup_rules import Policy

    return [
        render(action, iv).text
        for action in plan(iv, Policy(max_check_ins=max_check_ins))
        if action.kind is ActionKind.CHECK_IN and action.template is not None
    ]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), code=st.sampled_from(LANGUAGES))
def test_no_check_in_grants_a_delay_nobody_announced(iv: Interview, code: str) -> None:
    """r20 de 11.11, 12.8, 13.8: "Ich habe Verständnis dafür, dass sich Zeitpläne
    verschieben." in the last check-in the limits allow, when no news ever came.  With
    no news in the history, whatever the timeline given at the interview, no check-in
    of a long run (five allowed) says that timing can shift."""
    for text in _check_in_texts(_speaking(iv, code), max_check_ins=5):
        assert not re.search(SHIFTED[code], text), text


# -- class 6: "again" only for what the earlier message asked ----------------------------

ASKED_AGAIN = {
    "en": r"again how|ask again (how|whether|about the process)",
    "de": r"(noch einmal|erneut|nochmals)[^.?]*, wie (es|das Verfahren)",
    "fr": r"(à nouveau|de nouveau|encore)[^.?]*où en (est|sont)",
    "es": r"(de nuevo|otra vez|volver a preguntarle) cómo",
}


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), code=st.sampled_from(LANGUAGES))
def test_no_check_in_asks_again_what_no_earlier_one_asked(iv: Interview, code: str) -> None:
    """r20 es 02.9, 07.10, 12.8: "Le escribí el ... y quería preguntarle de nuevo cómo
    avanza el proceso." when the e-mail it points back to asked something else (whether
    they had questions, whether to send references).  A back-reference says it writes
    again, never that it asks again how the process is going: no check-in of a long run,
    in any language, does."""
    for text in _check_in_texts(_speaking(iv, code), max_check_ins=6):
        assert not re.search(ASKED_AGAIN[code], text), text


# -- class 7: a part of the day is credited as given, never as offered -------------------

OFFERED = {
    "de": r"angeboten|anzubieten|Angebot",
    "fr": r"proposé|offert|propos(er|ition)",
    "es": r"ofrec|ofert",
}


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_no_sentence_about_a_part_credits_its_giver_with_offering_it(code: str) -> None:
    """r20 es 04.7, 05.2, 12.5: "Fue muy amable de su parte ofrecerme el recorrido" /
    "Me alegró que me ofreciera el recorrido": the input says the person gave or took
    part in the tour, not that they offered it.  No translation of a sentence that
    names a panelist's part (`%(part)s`) says they offered it."""
    import followup_rules

    templates = Path(followup_rules.__file__).parent / "templates"
    msgids = {
        msgid
        for path in templates.glob("*.txt")
        for msgid in re.findall(r'_\("((?:[^"\\]|\\.)*)"', path.read_text("utf-8"))
        if "%(part)s" in msgid and "offer" not in msgid
    }
    assert len(msgids) >= 20
    for msgid in msgids:
        said = _gettext(code, msgid)
        assert not re.search(OFFERED[code], said), (msgid, said)
