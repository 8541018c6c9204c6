"""Issue 19, third round: one test per class of the four cold reads of the r2 corpus.

Each test names its class (``words3.md``); the classes already covered by the
updated tests of rounds 1 and 2 say where (class 3: ``test_words2.CREDITED``;
class 6: ``test_words2.test_a_real_panel_shares_at_most_one_sentence_between_two_notes``
with `tests.prose.panel_overlap`; class 7:
``test_words.test_without_fit_a_note_claims_no_confidence``
and ``test_words2``'s large panel; class 8: ``test_words2.TestNearRepeats``; class 10:
``test_rules.TestNextSteps``; class 12: ``test_words.TestAfterAnOutOfOffice``; class 16:
``test_words2.TestTheLastNotes``).
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
    Interviewer,
    Outcome,
    Policy,
    Recruiter,
    Update,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules._locale import locale_for

from .prose import near_repeat, sentences
from .test_writing import ANA, BO, NY, check_ins, done_until, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")


def _first(whole: Any, kind: ActionKind) -> Any:
    return next(action for action in whole if action.kind is kind)


def _notes(whole: Any) -> dict[str, Any]:
    return {a.recipient.name: a for a in whole if a.kind is ActionKind.THANK_YOU}


# -- class 1: interview-wide requests are nobody's ---------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_interview_wide_request_is_not_as_you_asked(code: str) -> None:
    """Class 1: `Interview.requested` was asked at the interview, by whoever asked: the
    contact's note says so, never "as you asked"; an interviewer's own request is theirs."""
    iv = in_language(meeting(interviewers=[ANA, BO], requested=["REPORT"]), code)
    text = render(_notes(plan(iv))["Ana Ruiz"], iv).text
    words = language(code).translations.gettext
    interview_wide = words("As requested at the interview, I have attached %(items)s%(also)s.")
    assert language(code).fill(interview_wide, {"items": "REPORT", "also": ""}) in text
    own = in_language(meeting(interviewers=[attrs.evolve(ANA, requested=("REPORT",))]), code)
    mine = words("As you asked, I have attached %(items)s%(also)s.")
    note = _notes(plan(own))["Ana Ruiz"]
    assert note.facts.variant == 0
    assert language(code).fill(mine, {"items": "REPORT", "also": ""}) in render(note, own).text


# -- class 2: news has no sender ---------------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_offer_is_nobodys_in_particular(code: str) -> None:
    """Class 2: nobody said who made the offer: the note to the contact never calls it
    theirs ("your offer"). (Fifth round, class 2: it thanks for "the offer", in its first
    sentence and its subject, as the r4 readers asked.)"""
    iv = in_language(meeting(interviewers=[ANA, BO]), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 15, 20, tz=NY), Outcome.OFFER)
    message = render(_notes(plan(iv, history=[offer]))["Ana Ruiz"], iv)
    theirs = re.compile(
        r"your offer|Ihr(em)? Angebot|votre proposition|su oferta",
        re.IGNORECASE,
    )
    assert not theirs.search(message.text) and not theirs.search(message.subject or "")


# -- class 4: a call whose outcome is unknown --------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_a_call_of_unknown_outcome_nothing_is_claimed(code: str) -> None:
    """Class 4: `Contact.answered is None`, no voicemail: the e-mail after the call says
    neither that nobody answered nor "so I am writing instead"."""
    iv = in_language(meeting(), code)
    whole = plan(iv)
    call = check_ins(whole)[0]
    assert call.channel is Channel.PHONE
    text = render(check_ins(plan(iv, history=done_until(whole, call)))[0], iv).text
    opening = text.split("\n\n")[1]
    claimed = re.compile(
        r"tried to reach|did not reach|stattdessen|nicht erreicht|à la place|"
        r"n’a pas abouti|no pude hablar|intenté comunicarme|so I am writing|así que|donc",
        re.IGNORECASE,
    )
    assert not claimed.search(opening), opening


# -- class 5: the recruiter's debrief ----------------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_debrief_holds_a_placeholder_for_concerns_and_no_invented_date(code: str) -> None:
    """Class 5: the concerns raised go in a visible placeholder listed in
    `Message.placeholders`; without a decision date the e-mail says nothing about one."""
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@selec.example")
    iv = in_language(meeting(recruiter=rita, decision_by=None), code)
    message = render(_first(plan(iv), ActionKind.RECRUITER_DEBRIEF), iv)
    assert message.placeholders  # the concerns (words7: and the timeline), visible and listed
    assert all(mark in message.text for mark in message.placeholders)
    assert not re.search(r"did not give|keinen Termin|pas donné|no dio", message.text)


# -- class 9: the next-round question is asked once --------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_second_next_round_check_in_adds_something_new(code: str) -> None:
    """Class 9: after word of a next round, the second check-in asks something new rather
    than ask again what the round involves and when; words15 class 3: it still asks."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    first, second = check_ins(plan(iv, history=[news]))[:2]
    one, other = render(first, iv), render(second, iv)
    for sentence in sentences(other):
        assert not any(near_repeat(sentence, said, code) for said in sentences(one)), sentence
    assert "?" in one.text.split("\n\n")[2] and "?" in other.text.split("\n\n")[2]


# -- class 11: "no decision yet" without a new date --------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_decision_yet_asks_when_one_is_expected(code: str) -> None:
    """Class 11: after "no decision yet" with no new date, the check-in asks for an
    approximate date, with no "so I am writing again" non sequitur; German reports the
    news in the subjunctive ("offen sei")."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    whole = plan(iv)
    first = check_ins(whole)[0]
    history = done_until(whole, first)
    history.append(Update(first.suggested.add(days=1), Outcome.UNDECIDED))
    text = render(check_ins(plan(iv, history=history))[0], iv).text
    asked = {"en": "rough idea of when", "de": "ungefähre Vorstellung", "fr": "idée approximative",
             "es": "aproximadamente, cuándo"}  # fmt: skip
    assert asked[code] in text
    assert not re.search(r"so I am writing|daher melde|je reviens donc|así que vuelvo", text)
    if code == "de":  # words9c class 1: no hearsay ("laut ... sei"), the candidate's own frame
        assert not re.search(r"\blaut\b|\bsei\b", text), text


# -- class 13: after an offer every note closes ------------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_after_an_offer_every_note_has_a_closing_line(code: str) -> None:
    """Class 13: a note to someone other than the contact does not stop short after its
    opening; the contact's note says what comes next without two "Thank you" in a row."""
    iv = in_language(meeting(interviewers=[ANA, BO]), code)
    offer = Update(pendulum.datetime(2026, 7, 7, 15, 20, tz=NY), Outcome.OFFER)
    notes = _notes(plan(iv, history=[offer]))
    bo = render(notes["Bo Chen"], iv).text.split("\n\n")
    assert len(bo) >= 4  # greeting, opening, closing line, signature
    ana = render(notes["Ana Ruiz"], iv)
    starts = [s.split()[0] for s in sentences(ana, 0)]
    assert not any(a == b == "Thank" for a, b in itertools.pairwise(starts))


# -- class 14: a late note apologises without a colon ------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_late_thank_you_has_no_colon(code: str) -> None:
    """Class 14: the apology and the thanks are never joined by a colon, in any of the
    seven openings of a late note."""
    people = [Interviewer(f"Person{n} Lee", email=f"p{n}@x.example") for n in range(7)]
    iv = in_language(meeting(interviewers=people), code)
    for action in plan(iv):
        if action.kind is ActionKind.THANK_YOU:
            late = action._with_facts(attrs.evolve(action.facts, late=True))
            opening = render(late, iv).text.split("\n\n")[1]
            assert ":" not in opening, opening


# -- class 15: the missed point in a plain sentence --------------------------------------------


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_missed_point_is_a_plain_sentence(code: str) -> None:
    """Class 15: no colon, no semicolon in the sentence that makes the missed point."""
    people = [Interviewer(f"Person{n} Lee", email=f"p{n}@x.example") for n in range(7)]
    iv = in_language(meeting(interviewers=people, missed=["MISSED"]), code)
    for action in plan(iv):
        if action.kind is ActionKind.THANK_YOU:
            for paragraph in render(action, iv).text.split("\n\n"):
                if "MISSED" in paragraph:
                    assert not re.search(r"[:;]", paragraph), paragraph


# -- class 16: retries and the last note -------------------------------------------------------

STALE = re.compile(
    r"I am writing again after my note|Further to my note|quería interesarme|"
    r"revenir vers vous|im Nachgang zu|gedulde mich gern|happy to wait for your news",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_retries_never_use_the_stale_openings(code: str) -> None:
    """Class 16: no officialese nor wrong meaning in the openings of a run of check-ins."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None)]), code)
    for step in check_ins(plan(iv, Policy(max_check_ins=6, max_contacts_ever=8))):
        assert not STALE.search(render(step, iv).text)


# -- class 17: subjects ------------------------------------------------------------------------

NEEDY = re.compile(
    r"intacto|intact|Dans l’espoir|esperanza|Ich hoffe auf|Noch eine Nachricht|"
    r"Un nouveau message|Weiterhin in Kontakt|Staying in touch|continued interest|"
    r"Grateful for your time|^After my .*: thank you$|Wie mein Gespräch",
    re.IGNORECASE,
)


@pytest.mark.parametrize("code", LANGUAGES)
def test_subjects_name_the_role_and_are_never_needy(code: str) -> None:
    """Class 17: every check-in's and note's subject names the role, and none is needy,
    self-referential or back to front."""
    people = [Interviewer(f"Person{n} Lee", email=f"p{n}@x.example") for n in range(14)]
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, phone=None), *people]), code)
    policy = Policy(max_check_ins=6, max_contacts_ever=8)
    for action in plan(iv, policy):
        subject = render(action, iv).subject
        if subject is None:
            continue
        assert not NEEDY.search(subject), subject
        assert "Data Engineer" in subject or action.kind is ActionKind.THANK_YOU, subject


# -- class 18: English -------------------------------------------------------------------------


def test_english_fit_frames_take_any_experience_phrase() -> None:
    """Class 18: "three years running X" is an idiom: "my three years of running X"."""
    words = language("en")
    assert words.experience("three years running warehouse operations") == (
        "my three years of running warehouse operations"
    )
    assert words.experience("a decade of incident response") == "my decade of incident response"
    assert words.experience("my work in logistics") == "my work in logistics"


def test_australian_and_new_zealand_english_write_day_first() -> None:
    """Class 18: a candidate in Sydney or Auckland writes "Monday 10 August", "Mr Smith"
    and "10 am", like a British one."""
    assert locale_for(None, "Australia/Sydney") == "en_AU"
    assert locale_for(None, "Pacific/Auckland") == "en_NZ"
    words = language("en_AU")
    assert words.day(date(2026, 8, 10)) == "Monday 10 August"
    assert words.clock(pendulum.time(10)) == "10 am"
    smith = Interviewer("John Smith", honorific="Mr.")
    assert words.addressee(smith, Policy().salutation) == "Mr Smith"


def test_english_talking_points_say_he_or_she_when_known() -> None:
    """Class 18: with Mr. or Ms. known, the pronouns follow ("she", "her")."""
    words = language("en")
    assert words.pronouns(attrs.evolve(ANA, honorific="Ms."))["they"] == "she"
    assert words.pronouns(Interviewer("Bo Chen", honorific="Mr."))["their"] == "his"
    assert words.pronouns(Interviewer("Sam Fox"))["they"] == "they"


def test_a_link_is_named_as_a_sentence_names_it() -> None:
    """Class 18: "Here is the link to my portfolio", not "my portfolio link"."""
    assert language("en").link_phrase("my portfolio link") == "the link to my portfolio"


# -- class 19: German --------------------------------------------------------------------------


def test_german_looks_forward_and_greets_aloud_with_frau_or_herr() -> None:
    """Class 19: "Ich freue mich darauf, von Ihnen zu hören"; a doctorate without Frau or
    Herr is not said alone in a spoken greeting ("Guten Tag, Robin Keller")."""
    iv = in_language(meeting(), "de")
    note = render(_first(plan(iv), ActionKind.THANK_YOU), iv).text
    assert "Ich freue mich, von Ihnen zu hören" not in note
    keller = Interviewer("Robin Keller", honorific="Dr.")
    assert language("de").spoken_name(keller, Policy().salutation) == "Robin Keller"


def test_swiss_german_quotes_are_guillemets_everywhere() -> None:
    """Class 19: de_CH writes «...» in every message, scripts included."""
    iv = meeting()
    iv = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language="de_CH"))
    for action in plan(iv, Policy.persistent()):
        if action.template:
            text = render(action, iv).text
            assert "\u201e" not in text and "\u201c" not in text, text


# -- class 20: French --------------------------------------------------------------------------


def test_french_drops_the_legal_form_after_the_first_mention() -> None:
    """Class 20: "Lumière Analytique SAS", then "Lumière Analytique"."""
    text = language("fr").shorten_company(
        "Chez Lumière Analytique SAS, puis chez Lumière Analytique SAS.", "Lumière Analytique SAS"
    )
    assert text == "Chez Lumière Analytique SAS, puis chez Lumière Analytique."


@pytest.mark.parametrize("honorific", ["Ms.", "Mr.", None])
def test_french_keeps_one_register(honorific: str | None) -> None:
    """Class 20: every letter opens with "Bonjour" and the name ("Bonjour Madame Ruiz,"),
    never the bare "Madame," beside "Bonjour Ana Ruiz,"."""
    iv = in_language(meeting(interviewers=[attrs.evolve(ANA, honorific=honorific)]), "fr")
    for action in plan(iv):
        if action.channel is Channel.EMAIL:
            assert render(action, iv).text.startswith("Bonjour ")


# -- class 21: Spanish -------------------------------------------------------------------------


def test_latin_american_spanish_says_its_own_words() -> None:
    """Class 21: es_MX says "Saludos cordiales", not Spain's "Atentamente"."""
    iv = meeting()
    iv = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language="es_MX"))
    text = render(_first(plan(iv), ActionKind.THANK_YOU), iv).text
    assert "Saludos cordiales," in text and "Atentamente" not in text


def test_a_spanish_card_is_not_greeted_by_the_time_of_day() -> None:
    """Class 21: "Buenos días" on a card read the next week is wrong."""
    iv = in_language(meeting(interviewers=[Interviewer("Alex Ruiz")], address="1 Main St"), "es")
    card = _first(plan(iv, Policy.traditional()), ActionKind.THANK_YOU)
    assert card.channel is Channel.POSTAL
    text = render(card, iv).text
    assert not text.startswith(("Buenos días", "Buenas tardes")), text


# -- class 22: spoken scripts ------------------------------------------------------------------


def test_just_finished_only_within_an_hour() -> None:
    """Class 22: a debrief later in the day says the interview finished earlier."""
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@selec.example")
    iv = meeting(recruiter=rita)
    debrief = _first(plan(iv), ActionKind.RECRUITER_DEBRIEF)
    assert "has just finished" in render(debrief, iv).text
    later = attrs.evolve(
        debrief,
        earliest=debrief.earliest.add(hours=3),
        suggested=debrief.suggested.add(hours=3),
        latest=debrief.latest.add(hours=3),
    )
    assert "has just finished" not in render(later, iv).text


def test_a_known_phone_number_is_not_asked_for_again() -> None:
    """Class 22 (02.1): after a remote interview the close asks only for what is unknown."""
    from followup_rules import InterviewFormat

    people = [
        attrs.evolve(ANA, phone="+1 212 555 0100"),
        attrs.evolve(BO, phone="+1 212 555 0101"),
    ]
    iv = meeting(interviewers=people, format=InterviewFormat.VIDEO)
    text = render(_first(plan(iv), ActionKind.CLOSING_STATEMENT), iv).text
    assert "phone number" not in text


def test_the_german_debrief_says_who_was_spoken_with() -> None:
    """Class 19: "Ich habe Thomas Strauß kennengelernt" → spoken with "Herrn Thomas
    Strauß" (the dative, with Herr or Frau when the honorific tells)."""
    thomas = Interviewer("Thomas Strauß", honorific="Mr.", email="t@g.example")
    rita = Recruiter("Rita Cole", agency="SelecSource", email="rita@selec.example")
    iv = in_language(meeting(interviewers=[thomas], recruiter=rita), "de")
    text = render(_first(plan(iv), ActionKind.RECRUITER_DEBRIEF), iv).text
    assert "mit Herrn Thomas Strauß" in text and "kennengelernt" not in text


def test_a_spanish_voicemail_greets_by_the_first_name() -> None:
    """Class 21: never "Hola, Marta Gil, le habla".  (words9c class 8: as the e-mails greet
    her "Marta Gil", the voicemail names her in full, "este mensaje es para Marta Gil",
    rather than "Buenos días, Marta".)"""
    marta = Interviewer("Marta Gil", email="m@x.example", phone="+34 91 555 0100")
    iv = in_language(meeting(interviewers=[marta]), "es")
    call = next(
        a
        for a in plan(iv, Policy.persistent())
        if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN
    )
    text = render(call, iv).text
    assert "«Buenos días, le habla Sam Lee; este mensaje es para Marta Gil." in text
    assert "Hola" not in text
