"""Words, ninth round C (issue 19): check-ins, replies after news, last notes and calls.

The classes of the round-7 blind reads of corpus seed 8484 that concern check-ins and
calls; each test fails on main at 6b3adfe and names the reading it answers.
"""

from __future__ import annotations

import itertools
import re
from datetime import date, timedelta
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Channel,
    Interviewer,
    Outcome,
    OutOfOffice,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.timeframe import parse_timeframe

from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
ANA_NO_PHONE = attrs.evolve(ANA, phone=None)


def _body(message: Any) -> str:
    return str(message.text.split("\n\n", 1)[1])


def _as_attempt(action: Any, attempt: int) -> Any:
    return attrs.evolve(action, facts=attrs.evolve(action.facts, attempt=attempt))


def _after(code: str, event: str, new_date: date | None = None, sender: str | None = None) -> Any:
    """The interview (Ana without a phone: every check-in an e-mail) and the check-ins
    after the first one met *event*: "undecided" news or an out-of-office reply."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE, BO]), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    if event == "undecided":
        history.append(
            Update(first.suggested.add(hours=3), Outcome.UNDECIDED, new_date, sender=sender)
        )
    else:
        history.append(OutOfOffice(first.suggested.add(minutes=5), date(2026, 7, 27)))
    return iv, first, check_ins(plan(iv, history=history))


# -- class 1: undecided news from no one recorded is the candidate's own, not hearsay --------

HEARSAY = re.compile(
    r"According to|Word came|The (news|update) (of|on)|Following the news|"
    r"\blaut\b|\bsei\b|nach der Nachricht|"
    r"D’après les nouvelles|Suite aux nouvelles|"
    r"Según las noticias|me llegó la información",
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 7, 31)])
def test_undecided_news_from_no_one_recorded_is_not_hearsay(
    code: str, new_date: date | None
) -> None:
    """r7 en 08.9/08.11 (graded 2): "According to the update of …", "Word came …"; de M7
    „laut der Nachricht vom …, sei …"; fr « D'après les nouvelles »; es «Según las
    noticias»: every opening after "no decision yet" from no one recorded, whatever the
    check-in's number, is a first-person frame ("I learned on …")."""
    iv, _, steps = _after(code, "undecided", new_date)
    assert steps[0].facts.news is Outcome.UNDECIDED
    for attempt in range(1, 7):
        opening = render(_as_attempt(steps[0], attempt), iv).text.split("\n\n")[1]
        assert not HEARSAY.search(opening), opening


def test_an_open_decision_is_reported_as_it_was_on_the_day_of_the_news() -> None:
    """r7 en 08.9 asked for "is still open" after "I learned on <day>"; r16 (words20 class
    3) read "On Monday, February 16, I learned that the decision ... is still open" as a
    tense slip: what was learned on a past day is reported in the past ("had yet been
    made", "was still open"), and a present "is still open" only hangs on "I understand"."""
    iv, _, steps = _after("en", "undecided")
    for attempt in (1, 2):
        opening = render(_as_attempt(steps[0], attempt), iv).text.split("\n\n")[1]
        # words32b: "was still pending" (r22 en 08.7's own correction) is as past
        assert re.search(r"had yet been made|was still (?:open|pending)", opening), opening
        assert not re.search(r"(learned|told me|know)[^.]* that [^.]*\bis still", opening)


def test_a_new_date_is_expected_by_it_not_planned_by_it() -> None:
    """r7 en 08.11: "a decision … was planned by Tuesday 30 June": a decision is expected
    by a date (planned for one); no opening after a new date says "planned by"."""
    for sender in (None, ANA.name, BO.name):
        iv, _, steps = _after("en", "undecided", date(2026, 7, 31), sender)
        for attempt in range(1, 7):
            opening = render(_as_attempt(steps[0], attempt), iv).text.split("\n\n")[1]
            assert "planned by" not in opening, opening


# -- class 3: the last note says neither "last" nor "reminders" nor the inbox ---------------

LAST_WORDS = {
    "en": r"\blast (note|message|e-?mail)|final message|reminder|inbox|clutter",
    "de": r"letzte (Nachricht|E-Mail)|Erinnerung|Postfach",
    "fr": r"dernier message|messagerie|boîte|encombrer",
    "es": r"último mensaje|recordatorio|bandeja|saturar",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_last_note_says_last_reminders_or_inbox(code: str) -> None:
    """r7 en 10.9 "I will not send further reminders", every final retry "I do not want to
    clutter your inbox, so this will be my last note for now"; de „Postfach nicht weiter
    füllen"; fr/es « dernier message pour l'instant » read as contradictory: the close of
    every run, at every check-in number, leaves it there and keeps the door open."""
    pattern = re.compile(LAST_WORDS[code], re.IGNORECASE)
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    finals = [check_ins(plan(iv))[-1]]
    for event in ("undecided", "away"):
        finals.append(_after(code, event)[2][-1])
    for final in finals:
        assert final.facts.final
        for attempt in range(1, 8):
            body = _body(render(_as_attempt(final, attempt), iv))
            assert not pattern.search(body), body


# -- class 4: retry lines: not needy, not stiff, and no courtesy twice in a row ---------------

NEEDY_OR_STIFF = re.compile(
    r"importa mucho|undiminished|drawn to the role|wherever I can", re.IGNORECASE
)


@pytest.mark.parametrize("code", ["en", "es"])
def test_no_retry_line_is_needy_or_stiff(code: str) -> None:
    """r7 es 01.11 (x10) «esta oportunidad me importa mucho» (needy); en 10.9 "my interest
    is undiminished", 08.9 "I remain drawn to the role" (stiff)."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    first = check_ins(plan(iv))[0]
    steps = [first, *_after(code, "undecided")[2]]
    for step in steps:
        for attempt in range(1, 8):
            for left in (0, 1):  # the last check-in the policy allows, and another
                again = attrs.evolve(
                    step, facts=attrs.evolve(step.facts, attempt=attempt, attempts_left=left)
                )
                text = render(again, iv).text
                assert not NEEDY_OR_STIFF.search(text), text


def _closing_line(message: Any) -> str:
    """The paragraph before the sign-off: the check-in's short courtesy."""
    return str(message.text.split("\n\n")[-2])


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("event", ["undecided", "away", None])
def test_no_two_consecutive_check_ins_close_on_the_same_courtesy(
    code: str, event: str | None
) -> None:
    """r7 en 08.9/08.10 and 10.7/10.8: "Many thanks for your time." closed two consecutive
    e-mails to the same person (two branches each chose it by its own count).  A run
    without news (``None``) is the control: it always alternated."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    if event is None:
        sequence = check_ins(plan(iv))
    else:
        _, first, rest = _after(code, event)
        sequence = [first, *rest]
    assert len(sequence) >= 3
    assert all(step.channel is Channel.EMAIL for step in sequence)
    closings = [_closing_line(render(step, iv)) for step in sequence]
    for one, other in itertools.pairwise(closings):
        assert one != other, closings


# -- class 7: the feedback answer thanks the asker, and only the asker ------------------------

THANKS_FOR_ASKING = {
    "en": "Thank you for asking.",
    "de": "vielen Dank für Ihre Nachfrage.",
    "fr": "Merci de me l’avoir demandé.",
    "es": "Gracias por preguntarme.",
}
PASSIVE = re.compile(
    r"as requested|Ainsi qu’on me l’a demandé|wie gewünscht|Tal como se me pidió", re.IGNORECASE
)


def _feedback_answer(code: str, sender: str | None) -> str:
    iv = in_language(meeting(), code)
    asked = Update(
        pendulum.datetime(2026, 7, 8, 10, tz=NY), Outcome.FEEDBACK_REQUESTED, sender=sender
    )
    action = next(a for a in plan(iv, history=[asked]) if a.kind is ActionKind.FEEDBACK_RESPONSE)
    assert action.recipient is not None and action.recipient.name == ANA.name
    return _body(render(action, iv))


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_answer_thanks_the_person_who_asked(code: str) -> None:
    """r7 fr M8 « Ainsi qu'on me l'a demandé » to the person who asked; de m11 no thanks
    for being asked: when the request's sender is the recipient, the answer opens "Thank
    you for asking." and then gives the feedback."""
    text = _feedback_answer(code, ANA.name)
    assert text.startswith(THANKS_FOR_ASKING[code]), text
    assert not PASSIVE.search(text), text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_answer_to_an_unknown_request_thanks_no_one_and_is_not_passive(
    code: str,
) -> None:
    """r7 en 15.8 "…, as requested." (and "position" twice): when nobody is recorded as
    asking, the answer neither thanks the recipient for asking nor says "as requested"."""
    text = _feedback_answer(code, None)
    assert not text.startswith(THANKS_FOR_ASKING[code]), text
    assert not PASSIVE.search(text), text
    if code == "en":
        assert text.count("position") == 1, text


# -- class 9: after an out-of-office, a soft question and one line of interest -----------------

BLUNT = re.compile(r"^(Where does|Has anything moved|Has anything moved on)")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_note_after_an_out_of_office_asks_softly(code: str) -> None:
    """r7 en 10.7: "Where does the process stand now, and what timing do you have in mind
    for the decision?" is too blunt for someone back that morning; fr/es: two bare
    questions and no line of interest. The note states interest once and asks with a
    softener ("Once you have had a chance to catch up", "When convenient")."""
    iv, _, steps = _after(code, "away")
    assert steps[0].facts.previous is not None and steps[0].facts.previous.out_of_office
    interest = {
        "en": r"appeals to me|attractive to me|interest in the role",
        "de": r"reizt mich|attraktiv|interessiert mich",
        "fr": r"m’intéresse|motivation|intérêt pour le poste",
        "es": r"me sigue interesando|atractivo|interés por el puesto",
    }[code]
    for attempt in (2, 3, 4):
        middle = render(_as_attempt(steps[0], attempt), iv).text.split("\n\n")[2]
        sentences = re.split(r"(?<=[.?!])\s+", middle)
        assert len(re.findall(interest, middle)) == 1, middle
        assert sum(s.rstrip().endswith("?") for s in sentences) == 1, middle
        assert not BLUNT.search(sentences[-1]), middle


# -- class 10: a check-in's subject keeps the role when the title is long ----------------------

LONG_ROLE = "Senior Product Manager, Payments Platform"


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_check_in_subject_drops_the_qualifier_before_the_role(code: str) -> None:
    """r7 en 02.7, 04.8, 13.8: "Following up on my application", "Checking in about my
    application": the subject lost the role exactly when the title was long; a busy
    recipient cannot place it.  The title's qualifier goes first, then the role, and a
    subject is never cut."""
    iv = in_language(
        meeting(
            interviewers=[ANA_NO_PHONE],
            role=LONG_ROLE,
            company="Cobalt & Finch Consulting Group International",
        ),
        code,
    )
    first = check_ins(plan(iv))[0]
    for attempt in range(1, 8):
        subject = render(_as_attempt(first, attempt), iv).subject
        assert subject is not None and "Senior Product Manager" in subject, subject
        assert "…" not in subject, subject


def test_a_german_subject_without_the_role_does_not_read_as_the_candidates_news() -> None:
    """r7 de m5: „Neuigkeiten zu meiner Bewerbung" reads as if the candidate has news to
    report; the short subject of a third check-in asks (a question, or a "Frage nach" /
    "Bitte um", which takes the role after a colon: words10b)."""
    said = language("de").translations.gettext("Any news on my application?")
    asks = said.endswith("?") or said.startswith(("Frage nach", "Bitte um"))
    assert asks and not said.startswith(("Neuigkeiten", "Neues")), said


# -- class 8: call scripts name the person, once and in one register ----------------------------


def _call(code: str, person: Interviewer) -> tuple[Any, str]:
    iv = in_language(meeting(interviewers=[person]), code)
    call = check_ins(plan(iv))[0]
    assert call.channel is Channel.PHONE
    return iv, render(call, iv).text


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_recruiter_debrief_says_whom_to_tell(code: str) -> None:
    """r7 en 02.4: "Tell them:" where the script names Rita everywhere else; "any doubt
    raised …, so that Rita Cole can answer it": the script names the recruiter."""
    rita = Recruiter("Rita Cole", email="rita@agency.example", phone="+1 212 555 0199")
    iv = in_language(meeting(recruiter=rita), code)
    debrief = next(a for a in plan(iv) if a.kind is ActionKind.RECRUITER_DEBRIEF)
    assert debrief.channel is Channel.PHONE
    text = render(debrief, iv).text
    lead = text.split("\n\n")[1]  # the line that introduces what to tell
    assert "Rita" in lead and lead.rstrip().endswith(":"), lead
    if code == "en":
        assert lead == "Tell Rita:" and "Rita Cole can answer it" not in text, text


def test_a_german_voicemail_names_the_doctor_as_the_script_does() -> None:
    """r7 de 12.6: „Wenn Dr. Keller abnimmt:" but the voicemail „diese Nachricht ist für
    Robin Keller": one form of address throughout a script, the titled one."""
    _, text = _call("de", ANA)
    assert "Wenn Dr. Ruiz abnimmt" in text, text
    voicemail = text.split("\u201e", 1)[1]
    assert "Dr. Ruiz" in voicemail and "Ana Ruiz" not in voicemail, voicemail


def test_a_voicemail_keeps_the_register_of_the_letters() -> None:
    """r7 en 02.6: the voicemail's "Hello Priya" against the e-mails' "Dear Priya
    Natarajan": someone the letters greet by full name is named in full on the phone
    ("with a message for Priya Natarajan"), not greeted by first name."""
    priya = Interviewer("Priya Natarajan", email="priya@acme.example", phone="+1 212 555 0150")
    iv, text = _call("en", priya)
    note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
    assert render(note, iv).text.startswith("Dear Priya Natarajan,")
    voicemail = text.split('"', 1)[1]
    assert "with a message for Priya Natarajan" in voicemail, voicemail
    assert not voicemail.startswith("Hello Priya"), voicemail


def test_no_two_consecutive_german_bullets_both_thank() -> None:
    """r7 de m22: „… bedanken Sie sich und fragen Sie nach einer Rückmeldung. / Bedanken
    Sie sich und halten Sie das Gespräch kurz.": two bullets in a row open on thanks."""
    _, text = _call("de", ANA)
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    thanking = [bool(re.search(r"\b[Bb]edanken Sie sich\b", line)) for line in bullets]
    assert not any(a and b for a, b in itertools.pairwise(thanking)), bullets


# -- class 2: a window is recalled as it was given, never as a weekday nobody said -------------

WEEK_PHRASES = ("this week", "next week", "early next week", "by the end of next week")


def _weekday_names(code: str) -> re.Pattern[str]:
    lang = language(code)
    names = {lang.day(date(2026, 6, 1 + i)).split()[0].strip(",") for i in range(7)}
    return re.compile("|".join(sorted(names)), re.IGNORECASE)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phrase", WEEK_PHRASES)
def test_a_week_window_is_recalled_from_the_day_it_was_said(code: str, phrase: str) -> None:
    """r7 es B1 (blocker), de m3, fr 01.10: "by the end of next week" became „bis Freitag,
    den 1. Mai" / «prevista para el viernes 1 de mayo» in the check-ins; en 08.8 "early
    in the week of Monday 1 June" in a voicemail.  Said on any day of two weeks, at the
    interview or in an update, and recalled on any later day ("by the end of the week
    after the interview", "early the following week": loop8 4, never from the send day),
    the window names no weekday."""
    lang = language(code)
    weekdays = _weekday_names(code)
    for offset in range(14):
        said = date(2026, 4, 13) + timedelta(days=offset)
        window = parse_timeframe(phrase, said)
        for interview in (said, said - timedelta(days=10)):
            words = lang.decision_words(None, window, interview_day=interview, said_on=said)
            assert words and not weekdays.search(words), (said, interview, words)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_decision_date_on_a_weekend_names_no_weekday(code: str) -> None:
    """r7 de m12, es/fr 08.11: "a new date in 12 days" gave „bis Sonntag, den 10. Mai":
    a date nobody named by its weekday, and a Sunday; a weekend date is said without it
    ("by May 10", „bis zum 10. Mai", « d'ici le 10 mai », «para el 10 de mayo")."""
    lang = language(code)
    weekdays = _weekday_names(code)
    for day in (date(2026, 5, 9), date(2026, 5, 10)):
        words = lang.decision_words(day, None)
        assert words and not weekdays.search(words) and str(day.day) in words, words
    assert weekdays.search(lang.decision_words(date(2026, 5, 8), None) or "")


def test_the_check_in_after_by_the_end_of_next_week_recalls_it_from_the_interview() -> None:
    """r7 es B1: the first check-in after "by the end of next week" recalls it as given,
    from the day it was said (loop8 4: not "by the end of last week", from the send day)."""
    iv = meeting(interviewers=[ANA_NO_PHONE], decision_by="by the end of next week")
    first = check_ins(plan(iv))[0]
    opening = render(first, iv).text.split("\n\n")[1]
    # words23 class 3: its end by its date alone, easier to follow than "by the end of the
    # week after the interview", and no weekday nobody said
    assert "a decision was expected by July 17" in opening, opening


# -- class 5: an invitation to get in touch is said, and not asked for again -------------------

INVITED_OPENING = {
    "en": "you kindly invited me to get in touch",
    "de": "haben Sie mich freundlicherweise eingeladen",  # not the pluperfect (words28d)
    "fr": "vous m’avez aimablement proposé de reprendre contact",
    "es": "usted me invitó amablemente",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_invitation_to_get_in_touch_opens_the_first_check_in(code: str) -> None:
    """r7 es 10.6-10.9, de m27, fr: `invited_to_call: True` (the employer invited the
    candidate to call, seed 000) was never used; the first check-in says so ("As you
    kindly suggested at my interview on …, I am getting in touch …"), the reason that
    makes it welcome; a later one does not repeat it."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE], invited_to_call=True), code)
    steps = check_ins(plan(iv))
    assert steps[0].channel is Channel.EMAIL
    opening = render(steps[0], iv).text.split("\n\n")[1]
    assert INVITED_OPENING[code].lower() in opening.lower(), opening
    later = render(steps[1], iv).text.split("\n\n")[1]
    assert INVITED_OPENING[code].lower() not in later.lower(), later


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_invitation_to_call_is_not_asked_for_again_in_the_room(code: str) -> None:
    """r7 es 10.3: «si puede volver a ponerse en contacto» although the interviewer had
    invited the call: the in-room step thanks them and asks only the preferred channel."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE], invited_to_call=True), code)
    step = next(a for a in plan(iv) if a.rule == "permission")
    text = render(step, iv).text
    plain = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    before = render(next(a for a in plan(plain) if a.rule == "permission"), plain).text
    assert text != before
    assert "email" in text.lower() or "E-Mail" in text or "courriel" in text or "correo" in text
    if code == "en":
        assert "Ask whether you may follow up" not in text, text
        assert "for inviting you to get in touch" in text, text


_THANKS = {
    "en": re.compile(r"\b(Thank you|Many thanks|I was glad to hear from you)\b"),
    "de": re.compile(r"(?i)(vielen Dank|herzlichen Dank|Nochmals danke|von Ihnen zu hören|"
                     r"hat mich gefreut|Haben Sie Dank)"),
    "fr": re.compile(r"(Merci|remercie|m’a fait plaisir)"),
    "es": re.compile(r"(Gracias|[Aa]gradezco|Me alegró saber de usted)"),
}  # fmt: skip


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("new_date", [None, date(2026, 8, 21)])
@pytest.mark.parametrize("before", [1, 2, 3])
def test_news_from_the_recipient_is_thanked_whatever_check_in_follows(
    code: str, new_date: date | None, before: int
) -> None:
    """The fourth trial: news from Kylie Ng after two check-ins, and the next note opened
    "I was told on Monday 16 November ...": the wording was picked by the check-in's
    number, and only the first two numbers had a way to thank.  Every number has one."""
    iv = in_language(meeting(interviewers=[ANA_NO_PHONE]), code)
    history: list[Any] = []
    for _ in range(before):
        step = check_ins(plan(iv, history=history))[0]
        history += done_until(plan(iv, history=history), step)
    told = history[-1].at.add(hours=3)
    history.append(Update(told, Outcome.UNDECIDED, new_date, sender=ANA.name))
    after = check_ins(plan(iv, history=history))
    assert after, history
    opening = _body(render(after[0], iv)).split("\n\n")[0]
    assert _THANKS[code].search(opening), opening
