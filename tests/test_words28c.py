"""Issue 19, wording round 28, helper c: replies to news, the recruiter debriefs, the
requested items, the in-room close (the blind reads r23, seed 2828, and r24pre, seed
5858).  One test per class, over generated interviews or every wording, in all four
languages.

1. The reply to an offer (05.1, graded 4 in every language): it opens on the offer, glad
   of it and grateful for it, thanks the recipient for their time after that, never
   "Thank you for your time at my interview" first nor "considering it with great
   interest" (en), fr « la proposition » alone (vague), es «cuándo se necesita una
   respuesta» (impersonal); it asks only when to answer and whether the terms come in
   writing, and thanks for the opportunity in a paragraph of its own (es).
2. The recruiter debrief: the e-mail gives the details in the message itself (de «Ich
   möchte Ihnen gleich die Einzelheiten schicken», es «le envío enseguida los detalles»
   promised them for later), the case for fit with no heavy predicate (fr « Je vois dans
   … mon principal atout », es «Considero … mi principal aportación»), and names every
   interviewer's own topics and part of the day; the call's list of who was met agrees
   with their number (fr « les personnes avec qui vous avez échangé : Isabelle Petit »).
3. The requested items and the feedback answer: no filler close ("I am glad to be able
   to send this.") and the request said once (fr « comme vous me l'avez demandé … tout
   ce qui était demandé »); the feedback answer says "feedback" once in its body
   (r23 en 06.7: three times in five lines).
4. In the room: the close asks about the steps of the process, not again about the
   timing the next step asks (r24pre de x.1, graded 4 fourteen times), and the
   permission step with no timeframe known names none (de «sobald der vorgesehene
   Zeitraum verstrichen ist»).
"""

from __future__ import annotations

import re
from datetime import timedelta

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from followup_rules import (
    ActionKind,
    Channel,
    Interview,
    Interviewer,
    Outcome,
    Policy,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules.messages import WORDINGS

from .strategies import interviews
from .test_words7 import FOR_THE_OFFER
from .test_words27c import _speaking
from .test_writing import ANA, BO, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


# -- 1. the reply to an offer ------------------------------------------------------------

OFFER_GLAD = {
    # words30c class 1 rewrote en and fr: an offer from no one on record is thanked for,
    # the company being "you" (the lead's decision after r25; these pinned the old lines)
    "en": r"^I was very pleased (to receive the offer, and I thank you for it|when \S.*? "
    r"told me of the offer shortly after\w+)\.$",
    "de": r"^(Über das Angebot\b|Sehr gefreut hat mich\b.*\bAngebot\b)",
    "fr": r"^J’ai eu le grand plaisir de\b.*\bla proposition d’embauche"
    r"(, et je vous en remercie également)?\.$",
    "es": r"^Me alegró mucho\b.*\boferta\b",
}
RETIRED_OFFER = {
    "en": ("considering it with great interest",),
    "de": ("mit großem Interesse", "mit grossem Interesse"),
    "fr": ("avec beaucoup d’intérêt", "La proposition :", "recevoir la proposition peu"),
    "es": ("con gran interés", "cuándo se necesita una respuesta"),
}
ASKS = {
    "en": r"when an answer is needed.*in writing\?",
    "de": r"bis wann eine Antwort benötigt wird.*schriftlich folgen\?",
    "fr": r"jusqu’à quand.*par écrit\u202f\?",
    "es": r"en qué plazo necesitan mi respuesta.*por escrito\?",
}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), code=st.sampled_from(LANGUAGES), giver=st.integers(-1, 3))
def test_the_offer_reply_is_glad_of_the_offer_plainly_and_asks_two_things(
    iv: Interview, code: str, giver: int
) -> None:
    """Class 1 (r23 and r24pre 05.1, every language): the follow-up contact's note after an
    offer from no one on record, or from a colleague, thanks them for their time (never
    for an offer they are not known to have made: words25a), then says plainly that the
    candidate was glad of the offer, with nothing stiff after it; fr names the offer as
    one (« la proposition d'embauche », never « la proposition » alone, subject
    included); it asks when to answer and whether the details come in writing (es: «en qué
    plazo necesitan mi respuesta», not the impersonal «cuándo se necesita»)."""
    if iv.candidate is None:
        return
    iv = _speaking(iv, code)
    sender = None if giver < 0 or giver >= len(iv.interviewers) else iv.interviewers[giver].name
    offer = Update(iv.starts_at + iv.duration + timedelta(hours=1), Outcome.OFFER, sender=sender)
    for action in plan(iv, history=[offer]):
        if (
            action.kind is not ActionKind.THANK_YOU
            or action.template is None
            or action.recipient is not iv.follow_up_contact
            or action.channel is not Channel.EMAIL
            or (action.recipient is not None and action.recipient.name == sender)
        ):
            continue
        message = render(action, iv)
        whole = f"{message.subject}\n{message.text}"
        first = message.text.split("\n\n")[1]
        glad = re.split(r"(?<=[.!?])\s+", first)[1]
        assert re.search(OFFER_GLAD[code], glad), glad
        assert re.search(ASKS[code], message.text), message.text
        assert not FOR_THE_OFFER.search(whole), whole
        assert [quote for quote in RETIRED_OFFER[code] if quote in whole] == [], whole


# -- 2. the recruiter debrief -------------------------------------------------------------

RETIRED_DEBRIEF = {
    "en": (),
    "de": ("gleich die Einzelheiten schicken",),
    "fr": ("Je vois dans",),
    "es": ("enseguida los detalles", "Considero "),
}
TOPICS = {
    "en": (("the roadmap",), ("the on-call rota",)),
    "de": (("die Roadmap",), ("die Rufbereitschaft",)),
    "fr": (("la feuille de route",), ("l’astreinte",)),
    "es": (("la hoja de ruta",), ("las guardias",)),
}
PART = {
    "en": "the lab tour",
    "de": "die Führung durch das Labor",
    "fr": "la visite du laboratoire",
    "es": "la visita al laboratorio",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("how", ["email", "evening"])
def test_the_debrief_email_gives_the_details_now_and_names_each_ones_topics(
    code: str, how: str
) -> None:
    """Class 2 (r23 es 11.5 graded 3, r24pre de/fr/es 11.6): the debrief e-mail, sent
    because no number is known or after hours, names each interviewer's own topics and
    part of the day, the case for fit, and says no quoted line."""
    ana = attrs.evolve(ANA, topics=TOPICS[code][0], part=PART[code])
    bo = attrs.evolve(BO, topics=TOPICS[code][1])
    phone = "+1 212 555 0199" if how == "evening" else None
    late = meeting().starts_at.set(hour=17, minute=30)
    iv = in_language(
        meeting(
            interviewers=[ana, bo],
            fit="six years of building data pipelines",
            recruiter=Recruiter("Rita Cole", phone=phone, email="rita@agency.example"),
            **({"starts_at": late} if how == "evening" else {}),
        ),
        code,
    )
    debriefs = [
        a
        for a in plan(iv)
        if a.kind is ActionKind.RECRUITER_DEBRIEF and a.channel is Channel.EMAIL
    ]
    assert debriefs, [a.kind for a in plan(iv)]
    text = render(debriefs[0], iv).text
    for said in (*TOPICS[code][0], *TOPICS[code][1], PART[code]):
        assert said in text, (said, text)
    assert [quote for quote in RETIRED_DEBRIEF[code] if quote in text] == [], text


ONE_MET = {"fr": "la personne ", "es": "con quién "}
MANY_MET = {"fr": "les personnes ", "es": "con quiénes "}


@pytest.mark.parametrize("code", sorted(ONE_MET))
@pytest.mark.parametrize("count", [1, 2, 3])
def test_the_debrief_call_lists_who_was_met_in_their_number(code: str, count: int) -> None:
    """Class 2 (r24pre fr 02.4: « les personnes avec qui vous avez échangé : Isabelle
    Petit »): the call's line of whom the candidate met or spoke with agrees with how
    many they were, in person and by phone."""
    people = [ANA, BO, Interviewer("Kim Lee", title="Designer")][:count]
    for medium in ("in_person", "phone"):
        iv = in_language(
            meeting(
                interviewers=people,
                format=medium,
                recruiter=Recruiter("Rita Cole", phone="+1 212 555 0199"),
            ),
            code,
        )
        call = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
        text = render(call, iv).text
        line = next(line for line in text.splitlines() if ANA.name in line)
        wanted, unwanted = (ONE_MET, MANY_MET) if count == 1 else (MANY_MET, ONE_MET)
        assert wanted[code] in line and unwanted[code] not in line, line


# -- 3. the requested items and the feedback answer ---------------------------------------

REQUEST_WORD = {
    "en": r"\b(ask|request)",
    "de": r"Ihrer Bitte|gebeten|Wunsch|[Gg]ewünscht",
    "fr": r"demand",
    "es": r"\bpidi|solicit|indicó",
}
FILLER = {
    "en": ("I am glad to be able to send this.",),
    "de": ("Es ist mir eine Freude, Ihnen dies zu senden.",),
    "fr": ("C’est avec plaisir que je vous fais parvenir",),
    "es": ("Me complace poder hacerle llegar", "Espero que le resulte útil."),
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("asker", ["own", "interview"])
def test_the_requested_items_email_says_the_request_once_and_no_filler(
    code: str, asker: str
) -> None:
    """Class 3 (r23 en 04.7, r24pre fr 04.6, es 04.6): in every wording, the e-mail that
    carries what was asked for names the request once, and closes on no filler line (es:
    «Espero que le resulte útil» after two items)."""
    items = ("two references", "the portfolio link")
    ana = attrs.evolve(ANA, phone=None, requested=items if asker == "own" else ())
    iv = in_language(
        meeting(
            interviewers=[ana, BO],
            address="1 Main Street",
            requested=items if asker == "interview" else (),
        ),
        code,
    )
    sent = next(
        a
        for a in plan(iv, Policy.traditional())
        if a.kind is ActionKind.SEND_REQUESTED and a.recipient is iv.interviewers[0]
    )
    for variant in range(WORDINGS + 1):
        varied = sent._with_facts(attrs.evolve(sent.facts, variant=variant))
        body = render(varied, iv).text.split("\n\n")[1]
        assert len(re.findall(REQUEST_WORD[code], body)) <= 1, body
        assert [line for line in FILLER[code] if line in body] == [], body


@pytest.mark.parametrize("outcome", [None, Outcome.REJECTED, Outcome.OFFER])
@pytest.mark.parametrize("sender", [None, ANA.name])
def test_the_feedback_answer_says_feedback_once(
    outcome: Outcome | None, sender: str | None
) -> None:
    """Class 3 (r23 en 06.7): the answer to a request for feedback names "feedback" once
    in its body, whichever news came before, whoever asked, and whether it also asks for
    feedback on the interview."""
    iv = meeting(interviewers=[attrs.evolve(ANA, phone=None)])
    end = iv.starts_at + iv.duration
    history: list[object] = []
    if outcome is not None:
        history.append(Update(end + timedelta(hours=20), outcome))
    history.append(Update(end + timedelta(hours=26), Outcome.FEEDBACK_REQUESTED, sender=sender))
    answers = [a for a in plan(iv, history=history) if a.kind is ActionKind.FEEDBACK_RESPONSE]
    assert answers
    for action in answers:
        body = render(action, iv, feedback="The exercise was clear.").text
        assert body.count("feedback") <= 1, body


# -- 4. in the room -----------------------------------------------------------------------

NEXT_STEPS = {
    "en": "such as further interviews or a test",
    "de": "etwa mit weiteren Gesprächen oder einem Test",
    "fr": "par exemple d’autres entre",
    "es": "como otras entrevistas o una prueba",
}
RETIRED_ROOM = {
    "en": ("Ask what the next steps will be.", "timeframe has passed"),
    "de": ("Fragen Sie nach den nächsten Schritten.", "vorgesehene Zeitraum verstrichen"),
    "fr": ("Demandez quelles seront les prochaines étapes.", "une fois le délai prévu écoulé"),
    "es": ("Pregunte cuáles serán los próximos pasos.",),
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), code=st.sampled_from(LANGUAGES))
def test_the_close_asks_the_steps_of_the_process_and_permission_names_no_timeframe(
    iv: Interview, code: str
) -> None:
    """Class 4 (r24pre de x.1 and 03.3): the in-room close asks what the steps of the
    process are, with examples, rather than the timing the timeline step asks; no in-room
    step says a quoted line."""
    iv = _speaking(iv, code)
    code = code if iv.candidate is not None else "en"
    steps = [
        a for a in plan(iv) if a.kind in (ActionKind.CLOSING_STATEMENT, ActionKind.ASK_PERMISSION)
    ]
    for action in steps:
        text = render(action, iv).text
        if action.kind is ActionKind.CLOSING_STATEMENT:
            assert NEXT_STEPS[code] in text, text
        assert [quote for quote in RETIRED_ROOM[code] if quote in text] == [], text


LEAVING_ALL_AT_ONCE = {
    "en": "Before you leave",
    "de": "zum Abschied",
    "fr": "Avant de partir",
    "es": "Antes de irse",
}
AS_IT_ENDS = {
    "en": "As your conversation with ",
    "de": "am Ende Ihres Gesprächs",
    "fr": "À la fin de votre échange avec ",
    "es": "Al terminar su conversación con ",
}


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(iv=interviews(), code=st.sampled_from(LANGUAGES))
def test_a_superdays_cards_are_asked_for_as_each_conversation_ends(
    iv: Interview, code: str
) -> None:
    """Class 4 (r23 en 14.4-14.11, r24pre fr 14.4-14.11): with more interviewers than a
    panel in one room, each card step asks for the card as that conversation ends, never
    "before you leave" of eight people met one after another; a panel's steps are as
    they were."""
    iv = _speaking(iv, code)
    code = code if iv.candidate is not None else "en"
    superday = len(iv.interviewers) > 3
    for action in plan(iv):
        if action.kind is not ActionKind.ASK_FOR_CARDS:
            continue
        text = render(action, iv).text
        assert (LEAVING_ALL_AT_ONCE[code] in text) is (
            not superday and action.recipient is iv.interviewers[0]
        ), text
        assert (AS_IT_ENDS[code] in text) is superday, text


@pytest.mark.parametrize("others", [0, 1, 2])
@pytest.mark.parametrize("asked", [False, True])
def test_the_spanish_reply_to_a_rejection_regrets_this_time(others: int, asked: bool) -> None:
    """Class 3 (r23 es 06.9: «Lamento que no haya prosperado.» abrupt): whichever message
    answers a rejection, with or without a request for feedback, the regret is for this
    time («en esta ocasión»)."""
    people = [attrs.evolve(ANA, phone=None), BO, Interviewer("Kim Lee")][: others + 1]
    iv = in_language(meeting(interviewers=people), "es")
    end = iv.starts_at + iv.duration
    history: list[object] = [Update(end + timedelta(hours=20), Outcome.REJECTED)]
    if asked:
        history.append(Update(end + timedelta(hours=26), Outcome.FEEDBACK_REQUESTED))
    kinds = (ActionKind.FEEDBACK_REQUEST, ActionKind.FEEDBACK_RESPONSE)
    replies = [a for a in plan(iv, history=history) if a.kind in kinds]
    assert replies
    for action in replies:
        text = render(action, iv, feedback="El proceso fue claro.").text
        assert "en esta ocasión no haya prosperado" in text, text


# -- 5. the next round --------------------------------------------------------------------


@pytest.mark.parametrize("sender", [None, ANA.name, BO.name])
@pytest.mark.parametrize("phone", [None, "+1 212 555 0142"])
def test_the_spanish_next_round_reply_keeps_the_tense_of_what_was_learned(
    sender: str | None, phone: str | None
) -> None:
    """r23 es 07.6 («Fue una gran alegría saber el martes 10 de marzo que paso a la
    siguiente fase»): what was learned on a past day is told in the past («que pasaba»)
    in every reply to news of a next round, by e-mail or by phone, whoever sent it and
    whatever the reply's number."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=phone), BO]), "es")
    whole = plan(iv)
    first = next(a for a in whole if a.kind is ActionKind.CHECK_IN)
    history = done_until(whole, first)
    history.append(Update(first.suggested.add(hours=3), Outcome.NEXT_ROUND, sender=sender))
    replies = [a for a in plan(iv, history=history) if a.kind is ActionKind.CHECK_IN]
    assert replies
    for step in replies:
        for attempt in range(1, 8):
            facts = attrs.evolve(step.facts, attempt=attempt)
            text = render(attrs.evolve(step, facts=facts), iv).text
            assert not re.search(r"\bque paso\b", text), text
