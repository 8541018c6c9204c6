"""Wording round 26, words26b: the check-ins, their calls and the replies to news.

The blind read of corpus seed 7373 (r22, one reader per language): no chain of
check-ins ended with a graceful close (class 1); check-ins asked whether a decision
date was known when one had been given and had passed (class 2); "early in the week
after the interview" was restated, read aloud days later (class 3); stock lines were
stiff or calqued (class 4); the agency recruiter was bypassed without a word to the user
(class 6).  Class 5, the replies to news, is left to a later round (the branch's report).
"""

from __future__ import annotations

import itertools
import re
from datetime import date
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Update,
    plan,
    render,
)
from followup_rules._languages import language

from .test_words12 import COMPANIES, ROLES
from .test_writing import ANA, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
ANA_NO_PHONE = attrs.evolve(ANA, phone=None)


def _gettext(code: str, msgid: str) -> str:
    return str(language(code).translations.gettext(msgid))


def _body(text: str) -> str:
    """A message without its greeting and signature."""
    return "\n\n".join(text.split("\n\n")[1:-1])


# -- class 1: the last note of every run closes gracefully ------------------------------------

GRACEFUL = (
    "Decisions like this take time, and I will be patient.",
    # words28b class 3 (r23 and r24pre, every reader): promises to wait that read as
    # resigned or servile are retired for lines that grant the time
    "I understand the decision may take a little longer.",
    # words27a classes 1 and 2 (r23, every reader): a sign-off in mid-paragraph, "no rush"
    # in a third note in ten days and "take the time you need" in a sixth are retired
    "I appreciate that there is a lot to weigh up.",
    "I appreciate that the process may take a while yet.",
    # words29b class 3 (r24 de 03.8, es 01.12, en 08.13): no request to hear the outcome
    # that the close asks again, nothing vague "to settle"
    # words32b (r25 and r27 en 01.12, 10.8, 14.22, es «no se toma de un día para otro»):
    # nothing faintly ironic after a passed date; the r24 and r25 readers' line
    "I understand these decisions can take time.",
    "I know these things can be hard to predict.",
    "I will hold back until I hear from you.",
    "In the meantime, I remain at your disposal.",
)
GRACEFUL_ROUND = (
    # words29c class 2 (r24 en 07.10: "I understand how much there is to coordinate, and I
    # will wait for you to be in touch." read as resigned): the round's last note grants
    # the time in one line, and asks again for the date (`_next_round.txt`)
    "I understand that this can take time.",
)
INTEREST = {
    "en": r"\binterest|\bappeal|\bkeen\b|excites",
    "de": r"Interesse|interessiert|sagt mir|begeistert",
    "fr": r"intér[eê]|m’attire|à cœur|enthousiasm",
    "es": r"inter[eé]s|atray|entusiasm|gran oportunidad",
}


def _plain(text: str) -> str:
    """*text* with its no-break spaces (French typography) as plain ones."""
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def _graceful_count(code: str, text: str) -> int:
    said = _plain(text)
    return sum(_plain(_gettext(code, line)) in said for line in (*GRACEFUL, *GRACEFUL_ROUND))


def _runs(code: str) -> list[tuple[Any, list[Any]]]:
    """Every kind of run a person can get, each with its check-ins: the first run (every
    limit from one to six, every application's turn), and the runs after "no decision
    yet", an out-of-office, a reply and news of a next round."""
    runs = []
    for company, role, count in itertools.product(COMPANIES[:3], ROLES[:2], range(1, 7)):
        iv = in_language(meeting(company=company, role=role, interviewers=[ANA_NO_PHONE]), code)
        runs.append((iv, check_ins(plan(iv, policy=Policy(max_check_ins=count)))))
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    for event in (
        Update(first.suggested.add(hours=3), Outcome.UNDECIDED),
        Update(first.suggested.add(hours=3), Outcome.UNDECIDED, date(2026, 7, 31)),
        OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27)),
        Reply(first.suggested.add(hours=3)),
    ):
        runs.append((iv, check_ins(plan(iv, history=[*history, event]))))
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    runs.append((iv, check_ins(plan(iv, history=[news], policy=Policy(max_check_ins=4)))))
    return runs


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_last_note_of_every_run_closes_gracefully(code: str) -> None:
    """Class 1 (r22 en 3.6, de 3.5, fr A, es 3.1.2): "Where does my application stand at
    this point? Thank you very much. I hope to hear from you." ended every chain.  The
    last note the limits allow, of every run, grants that the reader is busy and leaves
    the matter with them, once; outside a next round it says the candidate's interest
    once; no other note of the run says any of it."""
    pattern = re.compile(INTEREST[code])
    for iv, steps in _runs(code):
        mails = [step for step in steps if step.channel is Channel.EMAIL]
        assert mails and mails[-1].facts.final
        for step in mails:
            body = _body(render(step, iv).text)
            said = _graceful_count(code, body)
            if not step.facts.final:
                assert said == 0, body
                continue
            assert said == 1, body
            if step.facts.next_round_on is None:  # the paragraph of the question and close
                paragraph = next(p for p in body.split("\n\n") if _graceful_count(code, p))
                sentences = re.split(r"(?<=[.?!])\s+", paragraph)
                # interest once at most: past the fourth number the close has no interest
                # line of its own (a new one each time would soon repeat: _graceful.txt)
                assert len([s for s in sentences if pattern.search(s)]) <= 1, body


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_graceful_close_never_says_last_press_or_chase(code: str) -> None:
    """Class 1: the close says "for now" in words of its own, never "last", "final",
    "press" or "chase" (words9c class 3, words23 class 1)."""
    banned = {
        "en": r"\blast\b|\bfinal\b|\bpress|\bchase",
        "de": r"letzte|drängen|Nachhaken",
        "fr": r"dernier|presser|relancer",
        "es": r"último|insistir|presionar",
    }[code]
    for line in (*GRACEFUL, *GRACEFUL_ROUND):
        assert not re.search(banned, _gettext(code, line), re.IGNORECASE), line


# -- class 2: a decision date given is never asked for ----------------------------------------

ASKS_FOR_A_DATE = {
    "en": r"decision date known|timeline for the decision known|Is there a date for the decision",
    "de": r"Entscheidungstermin bekannt|Zeitplan für die Entscheidung",
    "fr": r"Connaît-on|échéance de la décision|date de décision est-elle|calendrier de décision",
    "es": r"Se conoce la fecha|Hay ya una fecha prevista|plazo para la decisión",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize(
    "decision_by", [date(2026, 7, 15), "within two weeks", "early next week", "by the end of July"]
)
def test_no_check_in_asks_whether_a_date_is_known_when_one_was_given(
    code: str, decision_by: Any
) -> None:
    """Class 2 (r22 en 01.11, 03.7, 04.9, 09.9, 12.7; fr 01.11, 08.8, 13.7; es 03.6, 09.9,
    12.7, 15.8): "Is a decision date known yet?" when the date was given and has passed.
    Every check-in of a history with a decision date in force, said as every number from
    the first to the eighth, and after an out-of-office, asks about the decision, never
    whether a date exists."""
    pattern = re.compile(ASKS_FOR_A_DATE[code])
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE], decision_by=decision_by), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    away = OutOfOffice(first.suggested.add(minutes=5), first.suggested.add(days=7).date())
    steps = [*check_ins(whole), *check_ins(plan(iv, history=[*done_until(whole, first), away]))]
    for step in steps:
        assert step.facts.decision_by is not None
        for attempt, left in itertools.product(range(1, 9), (0, 1)):
            facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
            text = render(attrs.evolve(step, facts=facts), iv).text
            assert not pattern.search(text), text


@pytest.mark.parametrize("code", LANGUAGES)
def test_without_a_date_the_check_in_may_still_ask_for_one(code: str) -> None:
    """Class 2, the control: with no date given, asking whether one is known is right."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE], decision_by=None), code)
    step = check_ins(plan(iv))[0]
    facts = attrs.evolve(step.facts, attempt=3, attempts_left=1, asks_next_steps=False)
    text = render(attrs.evolve(step, facts=facts), iv).text
    assert re.search(ASKS_FOR_A_DATE[code], text), text


# -- class 3: a week said at the interview is named by its date later --------------------------

WEEK_AFTER = {
    "en": r"week after the interview",
    "de": r"Woche nach dem Gespräch",
    "fr": r"semaine après l’entretien",
    "es": r"semana siguiente a la entrevista",
}
WEEK_OF = {
    "en": "the week of July 13",
    "de": "Woche vom 13. Juli",
    "fr": "semaine du 13 juillet",
    "es": "semana del 13 de julio",
}


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phrase", ["next week", "early next week"])
def test_a_week_said_at_the_interview_is_named_by_its_date(code: str, phrase: str) -> None:
    """Class 3 (r22 en 01.10, 06.6, 09.8, 12.6; fr 06.6, 09.8; es 06.6, 09.8; de 06.6,
    09.8): "the decision expected early in the week after the interview", read aloud in
    a voicemail nine days later.  Every message sent after the interview day (calls,
    voicemails and e-mails, with and without the contact's number) names the week by
    the date of its Monday."""
    for interviewer in (ANA, ANA_NO_PHONE):
        iv = in_language(meeting(interviewers=[interviewer], decision_by=phrase), code)
        later = [
            step
            for step in plan(iv)
            if step.template is not None and step.suggested.date() > date(2026, 7, 7)
        ]
        assert any(step.kind is ActionKind.CHECK_IN for step in later)
        named = 0
        for step in later:
            text = render(step, iv).text
            assert not re.search(WEEK_AFTER[code], text), text
            named += WEEK_OF[code] in text
        assert named, phrase


# -- class 4: stock check-in lines, stiff or calqued --------------------------------------------

STOCK = {
    "en": r"Should any questions|If anything further would help, I can",
    # de "Danke für die Berücksichtigung meiner Bewerbung" is left to the German msgstr
    # round (words26d): each idiomatic rewording tried here was a wording an earlier read
    # had rejected (test_words13b, 16b, 17b)
    "de": r"Wäre es möglich, mir zu sagen",
    "fr": r"Puis-je savoir si mon dossier|votre lecture|Connaît-on",
    "es": r"valore mi candidatura|¿Puedo preguntarle si|Le doy las gracias",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_check_in_says_a_stock_line(code: str) -> None:
    """Class 4 (r22 en 3.2; de 3.1 "Danke für die Berücksichtigung meiner Bewerbung" in 12
    messages, „Wäre es möglich, mir zu sagen …"; fr « Je vous remercie de votre
    lecture », « Puis-je savoir si mon dossier est encore examiné ? »; es «Le agradezco
    que valore mi candidatura», «¿Puedo preguntarle si …?», «Le doy las gracias.»):
    every check-in, said as every number, last or not, with items sent or not, after a
    next round or not, says none of them."""
    pattern = re.compile(STOCK[code])
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    for history, requested in itertools.product(([], [news]), ((), ("two code samples",))):
        iv = in_language(meeting(interviewers=[ANA_NO_PHONE], requested=requested), code)
        for step in check_ins(plan(iv, history=list(history))):
            for attempt, left in itertools.product(range(1, 9), (0, 1)):
                facts = attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                text = render(attrs.evolve(step, facts=facts), iv).text
                assert not pattern.search(text), text


# -- class 6: the agency recruiter is named to the user ----------------------------------------

RITA = Recruiter("Rita Cole", agency="SelecSource", phone="+1 404 555 0199")


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("recruiter", [RITA, attrs.evolve(RITA, agency=None)])
def test_every_check_in_warns_that_the_agency_may_prefer_its_recruiter(
    code: str, recruiter: Recruiter
) -> None:
    """Class 6 (r22 02 and 11, every reader): the check-ins go to the interviewer (rule
    preferred-channel, kept), and each of them, call or e-mail, tells the user that the
    agency may prefer a follow-up through its recruiter, naming them (and the agency when
    known); no other message says it, and without a recruiter no check-in does."""
    iv = in_language(meeting(recruiter=recruiter), code)
    steps = [step for step in plan(iv) if step.template is not None]
    assert any(step.kind is ActionKind.CHECK_IN for step in steps)
    for step in steps:
        warnings = render(step, iv).warnings
        said = [w for w in warnings if "Rita Cole" in w]
        if step.kind is ActionKind.CHECK_IN:
            assert len(said) == 1, warnings
            assert recruiter.agency is None or recruiter.agency in said[0], said
        else:
            assert not said, (step.kind, warnings)
    plain = in_language(meeting(), code)
    for step in check_ins(plan(plain)):
        assert not render(step, plain).warnings
