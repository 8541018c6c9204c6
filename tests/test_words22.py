"""Issue 19, round 22: one test per class of the seventeenth blind reads (r17, seed 2828)
for the check-ins, the replies to news and the in-room steps, in every language.

1. Blunt or impatient asks in the retries ("Where do things stand now?", "Has a
   decision been reached yet?", "Is a decision expected soon?", "I look forward to
   your decision.", es "Aguardo su respuesta.") and a last note that never read as a
   close ("I hope all is well with you."): no check-in says them, and the last note
   of the first run closes by saying, in words of its own per application, that the
   candidate will not press further while the door stays open.
3. Replies to news: "It was good to have news on ..., even if the decision ... was
   still open." graded the employer's news; the voicemail said "We spoke on" after an
   interview in the room.
4. In-room steps: "As they expect to decide ..., ask ... whether they would prefer"
   (one "they" the company, the other the interviewer), "once their timeframe has
   passed", and "Thank him for inviting you to get in touch" when the invitation is
   the interview's, not known to be this person's.
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from babel.messages.pofile import read_po

import followup_rules
from followup_rules import (
    Channel,
    InterviewFormat,
    Outcome,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, BO, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
TEMPLATES = Path(followup_rules.__file__).parent / "templates"
_CALL = re.compile(r'_\("((?:[^"\\]|\\.)*)"')


def _middle_sentences(code: str) -> list[str]:
    """Every sentence the middle of a check-in can say, in *code*."""
    said = language(code).translations.gettext
    source = (TEMPLATES / "_check_in_middle.txt").read_text(encoding="utf-8")
    source += (TEMPLATES / "_last_for_now.txt").read_text(encoding="utf-8")
    return [said(english.replace('\\"', '"')) for english in _CALL.findall(source)]


# -- class 1: no blunt ask, and the last note reads as a close ------------------------------

BLUNT = {
    "en": (
        "Where do things stand now?",
        "Has a decision been reached yet?",
        "Is a decision expected soon?",
        "I look forward to your decision.",
        "I hope all is well with you.",
    ),
    "de": ("Ist bald mit einer Entscheidung zu rechnen?", "Gibt es inzwischen Neuigkeiten?"),
    "fr": ("Une décision est-elle attendue prochainement", "J’attends votre réponse avec"),
    "es": ("Aguardo su respuesta.", "¿Se espera una decisión pronto?"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_asks_bluntly_or_presumes_a_decision(code: str) -> None:
    """r17 en 04.11, 08.8, 09.7, 11.8 "Where do things stand now?"; 03.7, 13.8 "Has a
    decision been reached yet?"; 04.12, 09.8, 11.9 "Is a decision expected soon?";
    13.8 "I look forward to your decision." (presumptuous); es 14.22 "Aguardo su
    respuesta." (curt in a third chaser)."""
    said = _middle_sentences(code)
    assert said
    assert not [s for s in said for blunt in BLUNT[code] if blunt in s]


RESTRAINT = {  # words24b class 2: the close thanks and looks ahead, and re-asks nothing the
    # body asked: the seven closes, by the application's turn; words27a class 1 (r23, every
    # reader: "Thank you very much. I hope to hear from you.", fr « Je vous en remercie. »
    # thanking for nothing, es a second *agradecer*): in one sentence, never two clipped ones
    "en": re.compile(r"^(?:Thank you|Many thanks), and I look forward to [^.;?]+\.$"),
    "de": re.compile(
        r"^(?:Vielen Dank|Herzlichen Dank|Ich danke Ihnen)(?:,| und) (?:ich )?freue mich "
        r"(?:darauf|auf)[^.;?]+\.$"
    ),
    "fr": re.compile(
        # words25b class 2: neither « vivement », « infiniment » nor a bare « Merci. »
        r"^(?:Je vous remercie|Merci)(?: d’avance| par avance)?,? (?:et |pour )[^.;?]+\.$"
    ),
    "es": re.compile(
        r"^(?:Gracias|Muchas gracias)(?: de antemano| por adelantado)?, y [^.;?]+\.$"
    ),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_closes_without_pressing_on_every_application(code: str) -> None:
    """r17 (every language): the last check-in the limits allow "never reads as a close";
    04.12, 09.8, 11.9 ended on "I hope all is well with you.".  The last note of the
    first run ends, after its question, on a line that says the candidate will not
    press further (and keeps the door open), in one of seven wordings by application;
    the question before it is no blunt ask."""
    closes: set[str] = set()
    for company, role in itertools.product(COMPANIES, ROLES):
        iv = in_language(
            meeting(company=company, role=role, interviewers=[attrs.evolve(ANA, phone=None)]),
            code,
        )
        last = check_ins(plan(iv))[-1]
        assert last.facts.final
        message = render(last, iv)
        body = message.text.split("\n\n")
        close = body[-2]  # two short sentences: thanks, and a hope to hear
        assert RESTRAINT[code].search(body[-2]), message.text  # the paragraph before the sign-off
        assert "?" in body[-3], message.text  # the question comes before the close
        assert not [b for b in BLUNT[code] if b in message.text], message.text
        closes.add(close)
    assert len(closes) == 7, closes


# -- class 3: replies to news ---------------------------------------------------------------

CONCESSIVE = {
    "en": re.compile(r"\beven (if|though)\b|It was good to have news"),
    "de": re.compile(r"\bauch wenn\b|Es war gut"),
    "fr": re.compile(r"\bmême si\b|J’ai apprécié d’avoir des nouvelles"),
    "es": re.compile(r"\baunque\b"),
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("sender", [None, "Ana Ruiz"])
def test_undecided_news_is_acknowledged_not_graded(code: str, sender: str | None) -> None:
    """r17 en 08.7 "It was good to have news on Friday 6 March, even if the decision ...
    was still open."; de 08.7 «es war gut, ... Neuigkeiten zu erhalten, auch wenn»; fr
    « J’ai apprécié d’avoir des nouvelles ..., même si »; es «Agradecí tener noticias
    ..., aunque».  Whoever sent it and whichever check-in it opens, the news that
    nothing is decided yet is thanked for or understood, never weighed with "even if"."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(Update(first.suggested.add(hours=3), Outcome.UNDECIDED, sender=sender))
    step = check_ins(plan(iv, history=history))[0]
    for attempt in range(1, 8):
        again = attrs.evolve(step, facts=attrs.evolve(step.facts, attempt=attempt))
        opening = render(again, iv).text.split("\n\n")[1]
        assert not CONCESSIVE[code].search(opening), opening


def _voicemail(iv: Any) -> str:
    call = next(a for a in check_ins(plan(iv)) if a.channel is Channel.PHONE)
    text = render(call, iv).text
    return text[text.index("voicemail") :]


@pytest.mark.parametrize(
    ("fmt", "met"), [(InterviewFormat.IN_PERSON, True), (InterviewFormat.VIDEO, False)]
)
def test_the_voicemail_says_we_met_only_after_an_interview_in_the_room(
    fmt: InterviewFormat, met: bool
) -> None:
    """r17 en 01.10, 08.6, 09.6: "We spoke on Monday 9 November" after an interview in
    person ("We met" is what happened); after a video call "We spoke" stays true."""
    iv = meeting(format=fmt, interviewers=[ANA])
    said = _voicemail(iv)
    assert ("We met on" in said) is met, said
    assert ("We spoke on" in said) is not met, said


# -- class 4: in-room steps say whom they mean ---------------------------------------------


@pytest.mark.parametrize("decision", [date(2026, 7, 15), None])
def test_the_permission_step_never_makes_the_company_they(decision: date | None) -> None:
    """r17 en 07.3, 08.3, 09.3, 14.3: "As they expect to decide by Tuesday 24 March, ask
    ... whether they would prefer a call or an email." (the first "they" the company,
    the second the interviewer); 10.3, 12.3, 15.3 "once their timeframe has passed"."""
    iv = meeting(decision_by=decision)
    (step,) = [a for a in plan(iv) if a.template == "ask_permission"]
    text = render(step, iv).text
    assert not re.search(r"\bthey expect\b|\btheir timeframe\b", text), text
    # words32c class 4 rewrote this line, which pinned the name said twice (r26 en x.3):
    # the channel is asked of the person the first step named, never of "they"
    assert "and whether a call or an email would be better." in text, text
    assert text.count("Ana Ruiz") == 1, text


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_panel_s_invitation_is_thanked_to_no_one_in_person(code: str) -> None:
    """r17 en 04.3: "Thank him for inviting you to get in touch" to Chris O'Neill, when
    `invited_to_call` is the interview's, not known to be his.  With a panel the step
    says the candidate is glad of the invitation; alone in the room, the one
    interviewer is thanked, as before."""
    thank = {
        "en": r"Thank (him|her|them) for inviting",
        "de": r"Bedanken Sie sich",
        "fr": r"Remerciez Ana Ruiz de l’invitation",  # named (words27d)
        "es": r"Agradezca la invitación",
    }[code]
    for panel, thanked in (([ANA, BO], False), ([ANA], True)):
        iv = in_language(meeting(interviewers=panel, invited_to_call=True), code)
        (step,) = [a for a in plan(iv) if a.template == "ask_permission"]
        text = render(step, iv).text
        assert bool(re.search(thank, text)) is thanked, text


# -- catalogs: every line changed here is translated ----------------------------------------


@pytest.mark.parametrize("code", ["de", "fr", "es"])
def test_the_new_closes_are_translated_in_every_language(code: str) -> None:
    """Each close of the first run, in German, French and Spanish, says the same as the
    English: the candidate will not press (`RESTRAINT`), with no fuzzy entry."""
    path = TEMPLATES.parent / "locales" / code / "LC_MESSAGES" / "followup_rules.po"
    with path.open("rb") as data:
        catalog = read_po(data)
    english = [m for m in catalog if m.id and RESTRAINT["en"].search(str(m.id))]
    assert len(english) == 7
    for message in english:
        assert not message.fuzzy
        assert RESTRAINT[code].search(str(message.string)), message.string


# -- class 6: the recruiter debrief -------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_call_says_when_once_and_names_the_recruiter_as_spoken(code: str) -> None:
    """r17 en 02.4: "Call Rita Cole ... as soon as you can, on Monday, April 6, between
    11:30 AM and 3:30 PM" (now and a window at once), then "so that Rita Cole has the
    details first" (the full name again, where the script says "Tell Rita:")."""
    from followup_rules import Recruiter

    soon = {"en": "as soon as you can", "de": "möglichst bald", "fr": "dès que possible"}
    soon["es"] = "lo antes posible, el"
    iv = in_language(
        meeting(recruiter=Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199")),
        code,
    )
    step = next(a for a in plan(iv) if a.template == "recruiter_debrief_call")
    first = render(step, iv).text.split("\n\n")[0]
    assert soon[code] not in first, first
    if code == "en":  # the other languages say the full name aloud ("Sagen Sie Rita Cole:")
        assert first.count("Rita Cole") == 1, first


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_email_makes_the_case_before_the_point_missed(code: str) -> None:
    """r17 en 11.5 "To show my fit, I pointed to ..." (stiff); fr, es 11.5: the missed
    Kafka certificate came before the main selling point."""
    from .test_messages_mut14 import debrief, debrief_interview

    iv = debrief_interview()
    locale = {"en": "en", "de": "de-DE", "fr": "fr-FR", "es": "es-ES"}[code]
    text = debrief("recruiter_debrief_email", iv, locale).text
    fit = text.index("Go")  # "ten years of Go", in every language
    missed = text.index("Kafka")
    assert fit < missed, text
    assert "To show my fit" not in text
