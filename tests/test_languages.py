"""Issue 13: messages in the candidate's language, wholly and idiomatically.

Every message of whole plans, across histories (thanks, retries, a new date,
a voicemail, an out-of-office answer, a rejection, an offer, a request for
feedback, a next round), is rendered in German, French and Spanish and read
for English left behind, untranslated sentences, the formal register, the
greeting and each language's typography.  Then the pieces built in Python:
dates, clocks, windows, lists, greetings, names and regions; and how a
language is chosen (`Candidate.language`, `TemplatePack(locale=...)`, the
command's ``--locale``).
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Candidate,
    Channel,
    Interview,
    Interviewer,
    InvalidInterview,
    Outcome,
    OutOfOffice,
    Policy,
    Recruiter,
    Reply,
    Salutation,
    TemplateError,
    TemplatePack,
    Update,
    parse_timeframe,
    plan,
    render,
)
from followup_rules._languages import language
from followup_rules.messages import LOCALES, default_pack

from .test_catalogs import tool

NY = "America/New_York"
LANGUAGES = ("de", "fr", "es")

# What the candidate tells the library, in each language, in the form the
# sentences take it (German: the accusative; French and Spanish: with the
# article, after prepositions that do not contract).
DETAILS = {
    "de": {
        "topics": ["den Umstieg auf Streaming-Pipelines"],
        "bo_topics": ["die Rufbereitschaft"],
        "fit": "sechs Jahre Erfahrung im Aufbau von Datenpipelines",
        "missed": ["mein Kafka-Zertifikat"],
        "requested": ["zwei Codebeispiele"],
        "part": "die Führung durch das Labor",
        "feedback": "Der Ablauf war klar und gut organisiert.",
    },
    "fr": {
        "topics": ["la migration vers le streaming"],
        "bo_topics": ["l’astreinte"],
        "fit": "six années d’expérience dans les pipelines de données",
        "missed": ["ma certification Kafka"],
        "requested": ["deux exemples de code"],
        "part": "la visite du laboratoire",
        "feedback": "Le processus était clair et bien organisé.",
    },
    "es": {
        "topics": ["la migración a pipelines en streaming"],
        "bo_topics": ["las guardias"],
        "fit": "seis años de experiencia construyendo pipelines de datos",
        "missed": ["mi certificación de Kafka"],
        "requested": ["dos ejemplos de código"],
        "part": "la visita al laboratorio",
        "feedback": "El proceso fue claro y estuvo bien organizado.",
    },
}

# English words that no German, French or Spanish message contains (French
# says "on", so it is left out there).
STOP_WORDS = frozenset(
    {
        "the", "and", "you", "your", "thank", "thanks", "with", "regards", "dear", "interview",
        "position", "role", "between", "week", "weeks", "within", "call", "noon", "midnight",
        "by", "of", "to", "my", "hello", "please", "would", "could", "should", "which", "this",
        "again", "next", "steps", "decision", "about", "time", "from", "have", "are", "were",
        "we", "our", "is", "at", "on", "it", "as", "or", "for", "if", "that", "they", "their",
        "them", "when", "what", "AM", "PM",
    }
)  # fmt: skip
REGISTER = {
    "de": re.compile(r"\b(du|dich|dir|dein\w*|euch|euer)\b", re.IGNORECASE),
    "fr": re.compile(r"\b(tu|toi|ton|ta|tes|te)\b|\bt[’']", re.IGNORECASE),
    "es": re.compile(r"\b(tú|tu|tus|te|ti|contigo|tuy[oa]s?)\b", re.IGNORECASE),
}
FORMAL = {
    "de": re.compile(r"\b(Sie|Ihnen|Ihr\w*)\b"),
    "fr": re.compile(r"\b(vous|votre|vos)\b"),
    "es": re.compile(r"\b(usted|le|su|sus)\b", re.IGNORECASE),
}
# Adjectives that agree with the writer's gender: the candidate's is unknown,
# so the French and Spanish sentences are built without them.
GENDERED = {
    "fr": re.compile(
        r"\b(intéressée?s?|ravie?s?|reconnaissante?s?|convaincue?s?|heureux|heureuse|"
        r"prête?s?|sélectionnée?s?|enchantée?s?|invitée?s?)\b",
        re.IGNORECASE,
    ),
    "es": re.compile(
        r"\b(interesad[oa]s?|agradecid[oa]s?|encantad[oa]s?|convencid[oa]s?|"
        r"seleccionad[oa]s?|content[oa]s?|invitad[oa]s?|segur[oa]s?)\b",
        re.IGNORECASE,
    ),
}


def meeting(lang: str, **changes: Any) -> Interview:
    """Tuesday 7 July 2026, 14:00 in New York: Dr. Ana Ruiz (Ms.) and Bo Chen (Berlin)."""
    details = DETAILS[lang]
    ana = Interviewer(
        "Ana Ruiz",
        title="Engineering Manager",
        email="ana@acme.example",
        phone="+1 212 555 0142",
        honorific="Ms. Dr.",
        part=details["part"],
    )
    bo = Interviewer(
        "Bo Chen",
        title="Staff Engineer",
        email="bo@acme.example",
        honorific="Mr.",
        timezone="Europe/Berlin",
        topics=tuple(details["bo_topics"]),
        requested=tuple(details["requested"]),
    )
    fields: dict[str, Any] = {
        "starts_at": pendulum.datetime(2026, 7, 7, 14, tz=NY),
        "company": "Acme Analytics",
        "role": "Data Engineer",
        "interviewers": [ana, bo],
        "decision_by": date(2026, 7, 15),
        "candidate": Candidate(
            "Sam Lee", email="sam@example.com", phone="+1 917 555 0100", language=lang
        ),
        "topics": details["topics"],
        "fit": details["fit"],
        "missed": details["missed"],
        "recruiter": Recruiter("Rita Cole", agency="Talent AG", phone="+1 212 555 0199"),
    }
    fields.update(changes)
    return Interview(**fields)


def _check_ins(schedule: Any) -> list[Any]:
    return [a for a in schedule if a.kind is ActionKind.CHECK_IN]


def _done_until(schedule: Any, last: Any, **how: Any) -> list[object]:
    history: list[object] = [a.done() for a in schedule if a.sort_key() < last.sort_key()]
    history.append(last.done(**how))
    return history


def histories(iv: Interview) -> dict[str, tuple[Policy, list[object]]]:
    """Named histories: the plan that follows each is rendered whole."""
    cases: dict[str, tuple[Policy, list[object]]] = {
        "whole plan": (Policy(), []),
        "cards and calls": (Policy.traditional(), []),
        "persistent": (Policy.persistent(), []),
        "first names": (Policy(salutation=Salutation.FIRST_NAME), []),
        "full names": (Policy(salutation=Salutation.FULL_NAME), []),
    }
    whole = plan(iv)
    first = _check_ins(whole)[0]
    after = first.suggested.add(hours=4)
    for name, event in (
        ("rejection", Update(after, Outcome.REJECTED)),
        ("new date", Update(after, Outcome.UNDECIDED, after.date().add(days=10))),
        ("no date yet", Update(after, Outcome.UNDECIDED)),
        ("next round", Update(after, Outcome.NEXT_ROUND)),
        ("offer", Update(after, Outcome.OFFER)),
        ("feedback request", Update(after, Outcome.FEEDBACK_REQUESTED)),
        ("reply", Reply(after)),
        ("out of office", OutOfOffice(after, after.date().add(days=5))),
    ):
        cases[name] = (Policy(), [*_done_until(whole, first), event])
    early = iv.ends_at.add(hours=2)
    cases["offer before the notes"] = (Policy(), [Update(early, Outcome.OFFER)])
    cases["next round before the notes"] = (Policy(), [Update(early, Outcome.NEXT_ROUND)])
    calls = plan(iv, Policy.persistent())
    call = next(a for a in calls if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN)
    cases["voicemail"] = (Policy.persistent(), _done_until(calls, call, voicemail=True))
    cases["a call answered"] = (Policy.persistent(), _done_until(calls, call))
    return cases


def messages(lang: str) -> list[tuple[str, Any, Any]]:
    """Every message of every history, for interviews with a date, a window and none."""
    out = []
    for decided in (date(2026, 7, 15), "in a couple of weeks", "by the end of the month", None):
        iv = meeting(lang, decision_by=decided)
        for name, (policy, history) in histories(iv).items():
            for action in plan(iv, policy, history=history):
                if action.template is not None:
                    feedback = DETAILS[lang]["feedback"] if name == "feedback request" else None
                    extra = {} if feedback is None else {"feedback": feedback}
                    out.append((f"{name}, {decided}", action, render(action, iv, **extra)))
    return out


def _english_chunks() -> list[str]:
    """The English sentences' fixed parts of three words or more (untranslated, they show)."""
    chunks = set()
    for message in tool.read(tool.POT):
        for text in (message.id,) if isinstance(message.id, str) else message.id:
            for part in re.split(r"%\(\w+\)s", text):
                part = part.strip(' ,.:;?!"()')
                if len(part.split()) >= 3:
                    chunks.add(part)
    return sorted(chunks)


ENGLISH = _english_chunks()


def _words(text: str, iv: Interview) -> set[str]:
    """The words of *text* that are the library's, not the user's input."""
    given = [
        iv.company,
        iv.role,
        "Sam Lee",
        "sam@example.com",
        "Talent AG",
        "Rita Cole",
        "Engineering Manager",
        "Staff Engineer",
    ]
    for item in given:
        text = text.replace(item, " ")
    return set(re.findall(r"[^\W\d_]+", text))


@pytest.fixture(scope="module", params=LANGUAGES)
def rendered(request: pytest.FixtureRequest) -> tuple[str, list[tuple[str, Any, Any]]]:
    return request.param, messages(request.param)


class TestWholePlansInEachLanguage:
    def test_no_english_is_left(self, rendered: tuple[str, list[Any]]) -> None:
        """No English word from the stop list, in text or subject, in any history."""
        lang, items = rendered
        iv = meeting(lang)
        stop = STOP_WORDS - ({"on"} if lang == "fr" else set())
        for case, action, message in items:
            for text in (message.text, message.subject or ""):
                left = _words(text, iv) & stop
                assert not left, (lang, case, action.template, left, text)

    def test_no_sentence_is_left_untranslated(self, rendered: tuple[str, list[Any]]) -> None:
        """No fixed part of an English sentence appears: every message id is translated."""
        lang, items = rendered
        for case, action, message in items:
            for chunk in ENGLISH:
                assert chunk not in message.text, (lang, case, action.template, chunk)
                assert chunk not in (message.subject or ""), (lang, case, chunk)

    def test_the_register_is_formal(self, rendered: tuple[str, list[Any]]) -> None:
        """Sie, vous, usted: never du, tu or tú; every e-mail addresses its reader formally."""
        lang, items = rendered
        for case, action, message in items:
            assert not REGISTER[lang].search(message.text), (lang, case, message.text)
            if action.channel is Channel.EMAIL:
                assert FORMAL[lang].search(message.text), (lang, case, message.text)

    def test_no_word_guesses_a_gender(self, rendered: tuple[str, list[Any]]) -> None:
        """The candidate's gender is unknown: no French or Spanish adjective assumes one
        (German adjectives after "ich bin" do not agree, so German has none to avoid)."""
        lang, items = rendered
        pattern = GENDERED.get(lang)
        for case, _, message in items:
            assert pattern is None or not pattern.search(message.text), (lang, case)

    def test_letters_open_with_the_languages_greeting(
        self, rendered: tuple[str, list[Any]]
    ) -> None:
        """Every letter opens with the greeting line the language builds for its reader."""
        lang, items = rendered
        for case, action, message in items:
            if action.channel in (Channel.EMAIL, Channel.POSTAL):
                # A card has no hour; an e-mail is greeted as a letter sent at some hour
                # (French: "Chère Madame" on a card, "Bonjour Madame" in an e-mail).
                hours = [None] if action.channel is Channel.POSTAL else [9, 15]
                words, style = language(lang), action.facts.salutation
                greetings = [words.greeting(action.recipient, style, hour) for hour in hours]
                assert any(message.text.startswith(g + "\n\n") for g in greetings), (
                    case,
                    message.text,
                )

    def test_typography(self, rendered: tuple[str, list[Any]]) -> None:
        """Each language's punctuation: a German letter goes on in lower case after the
        greeting; French puts a no-break space before ; : ? ! and inside « »; Spanish opens
        its questions with ¿; nothing has doubled spaces or a space before a comma."""
        lang, items = rendered
        for case, action, message in items:
            text = message.text
            assert "  " not in text and "None" not in text and "{{" not in text, text
            assert not re.search(r"[ \u00a0][.,]", text), (case, text)
            if lang == "de" and action.channel in (Channel.EMAIL, Channel.POSTAL):
                body = text.split("\n\n")[1]
                assert body[0].islower() or body.startswith(("Sie ", "Ihr")), (case, text)
            if lang == "fr":
                for line in (text, message.subject or ""):  # the subject keeps its spaces
                    assert not re.search(r" [;:?!]|[^\W\d_][;:?!]", line), (case, line)
                assert "« " not in text and " »" not in text
            if lang == "es":
                for sentence in re.findall(r"[^.?!]*\?", text):
                    assert "¿" in sentence, (case, sentence)

    def test_subjects_are_short_and_distinct(self, rendered: tuple[str, list[Any]]) -> None:
        """A subject stays under 80 characters; each check-in of one plan has its own."""
        _, items = rendered
        by_plan: dict[str, list[str]] = {}
        for case, action, message in items:
            if message.subject is not None:
                assert 0 < len(message.subject) < 80, message.subject
                if action.kind is ActionKind.CHECK_IN and not message.subject.startswith("Re:"):
                    by_plan.setdefault(case, []).append(message.subject)
        for subjects in by_plan.values():
            assert len(subjects) == len(set(subjects)), subjects

    def test_the_html_says_its_language(self, rendered: tuple[str, list[Any]]) -> None:
        lang, items = rendered
        for _, action, message in items:
            if action.channel is Channel.EMAIL:
                assert f'<html lang="{lang}">' in message.html


class TestGreetings:
    @pytest.mark.parametrize(
        ("locale", "honorific", "style", "greeting"),
        [
            ("en", "Ms. Dr.", Salutation.HONORIFIC, "Dear Dr. Ruiz,"),
            ("de", "Ms. Dr.", Salutation.HONORIFIC, "Sehr geehrte Frau Dr. Ruiz,"),
            ("de", "Mr. Prof.", Salutation.HONORIFIC, "Sehr geehrter Herr Prof. Ruiz,"),
            ("de", "Mrs.", Salutation.HONORIFIC, "Sehr geehrte Frau Ruiz,"),
            ("de", "Dr.", Salutation.HONORIFIC, "Guten Tag, Dr. Ana Ruiz,"),
            ("de", "Mx.", Salutation.HONORIFIC, "Guten Tag, Ana Ruiz,"),
            ("de", None, Salutation.HONORIFIC, "Guten Tag, Ana Ruiz,"),
            ("de", "Ms.", Salutation.FULL_NAME, "Guten Tag, Ana Ruiz,"),
            ("de", "Ms.", Salutation.FIRST_NAME, "Hallo Ana,"),
            ("fr", "Ms. Dr.", Salutation.HONORIFIC, "Bonjour Madame Ruiz,"),
            ("fr", "Miss", Salutation.HONORIFIC, "Bonjour Madame Ruiz,"),
            ("fr", "Mr.", Salutation.HONORIFIC, "Bonjour Monsieur Ruiz,"),
            ("fr", "Ms. Prof.", Salutation.HONORIFIC, "Bonjour Madame Ruiz,"),
            ("fr", "Mr. Prof.", Salutation.HONORIFIC, "Bonjour Monsieur Ruiz,"),
            ("fr", "Dr.", Salutation.HONORIFIC, "Bonjour Ana Ruiz,"),
            ("fr", None, Salutation.HONORIFIC, "Bonjour Ana Ruiz,"),
            ("fr", "Ms.", Salutation.FULL_NAME, "Bonjour Ana Ruiz,"),
            ("fr", "Ms.", Salutation.FIRST_NAME, "Bonjour Ana,"),
            ("es", "Ms.", Salutation.HONORIFIC, "Estimada Sra. Ruiz:"),
            ("es", "Miss", Salutation.HONORIFIC, "Estimada Srta. Ruiz:"),
            ("es", "Ms. Dr.", Salutation.HONORIFIC, "Estimada Dra. Ruiz:"),
            ("es", "Mr. Dr.", Salutation.HONORIFIC, "Estimado Dr. Ruiz:"),
            ("es", "Mr. Prof.", Salutation.HONORIFIC, "Estimado profesor Ruiz:"),
            ("es", "Mr.", Salutation.FULL_NAME, "Estimado Ana Ruiz:"),
            ("es", "Ms.", Salutation.FIRST_NAME, "Estimada Ana:"),
            ("es", "Dr.", Salutation.HONORIFIC, "Buenos días, Ana Ruiz:"),
            ("es", None, Salutation.FIRST_NAME, "Hola, Ana:"),
        ],
    )
    def test_each_language_greets_by_its_conventions(
        self, locale: str, honorific: str | None, style: Salutation, greeting: str
    ) -> None:
        """Gender and title agree ("Sehr geehrte Frau", "Estimado Sr."); where the gender
        is unknown, a neutral greeting with the name; the policy's style is honoured.
        French e-mail keeps one register for everyone: "Bonjour" and the name, with
        Madame or Monsieur when known (issue 19, third round, class 20)."""
        ana = Interviewer("Ana Ruiz", honorific=honorific)
        assert language(locale).greeting(ana, style, 10) == greeting

    @pytest.mark.parametrize("honorific", ["Dr.", None])
    def test_a_card_never_opens_on_the_bare_name(self, honorific: str | None) -> None:
        """Class 21: a card has no time of day, and never opens on the bare name of a form
        (words17b); when the gender is unknown it opens on the full name and "Reciba un
        cordial saludo." (words26c: not "Hola," beside usted, r22 es 04.6; an e-mail,
        which has an hour, opens "Buenos días," or "Buenas tardes,": words25d, r20 es C5),
        and "Hola" before a first name."""
        ana = Interviewer("Ana Ruiz", honorific=honorific)
        assert language("es").greeting(ana, Salutation.HONORIFIC) == (
            "Ana Ruiz:\nReciba un cordial saludo."
        )
        assert language("es").greeting(ana, Salutation.FIRST_NAME) == "Hola, Ana:"

    def test_a_recruiter_is_greeted_by_name(self) -> None:
        rita = Recruiter("Rita Cole")
        assert language("de").greeting(rita, Salutation.HONORIFIC) == "Guten Tag, Rita Cole,"
        assert language("fr").greeting(rita, Salutation.FIRST_NAME) == "Bonjour Rita,"
        assert language("es").greeting(rita, Salutation.HONORIFIC, 10) == "Buenos días, Rita Cole:"

    @pytest.mark.parametrize(
        ("locale", "spoken", "spoken_of", "envelope"),
        [
            ("de", "Frau Dr. Ruiz", "Frau Dr. Ruiz", "Frau Dr. Ana Ruiz"),
            ("fr", "Madame Ruiz", "Madame Ruiz", "Madame Ana Ruiz"),
            ("es", "doctora Ruiz", "la doctora Ruiz", "Dra. Ana Ruiz"),
        ],
    )
    def test_names_said_aloud_and_on_the_envelope(
        self, locale: str, spoken: str, spoken_of: str, envelope: str
    ) -> None:
        """A voicemail greets "Frau Dr. Ruiz"; Spanish speaks of "la doctora Ruiz"; a French
        envelope gives no doctorate (review 0.2, m14): "Madame Ana Ruiz"."""
        ana = Interviewer("Ana Ruiz", honorific="Ms. Dr.")
        words = language(locale)
        assert words.spoken_name(ana, Salutation.HONORIFIC) == spoken
        assert words.spoken_of(ana, Salutation.HONORIFIC) == spoken_of
        assert words.envelope_name(ana) == envelope

    def test_the_voicemail_is_in_the_languages_quotation_marks(self) -> None:
        iv = meeting("de")
        call = next(
            a
            for a in plan(iv, Policy.persistent())
            if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN
        )
        text = render(call, iv).text
        assert "„Guten Tag, Frau Dr. Ruiz, hier spricht Sam Lee." in text
        iv = meeting("es")
        text = render(call, iv).text
        assert "«Buenos días, doctora Ruiz, le habla Sam Lee." in text
        assert "deje su nombre y su número para la doctora Ruiz" in text

    def test_each_voicemail_closes_as_the_language_does(self) -> None:
        """German says goodbye on the phone ("Auf Wiederhören"), French wishes a good day,
        and Spanish puts the sentence's full stop after the closing guillemet."""
        endings = {
            "de": "Auf Wiederhören.\u201c",
            "fr": "bonne journée.\u00a0\u00bb",
            "es": "buen día\u00bb.",
        }
        for lang, ending in endings.items():
            iv = meeting(lang)
            call = next(
                a
                for a in plan(iv, Policy.persistent())
                if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN
            )
            script = render(call, iv).text
            (voicemail,) = [part for part in script.split("\n\n") if part[:1] in "\u201e\u00ab"]
            assert voicemail.endswith(ending), (lang, voicemail)
        assert language("es").quote("¿Sí?") == "«¿Sí?»"

    def test_a_doctorate_without_a_gender_is_kept(self) -> None:
        """ "Dr." alone tells no gender: German says "Dr. Ruiz" aloud, Spanish writes
        "Dr. Ana Ruiz" on the envelope and to the recruiter, French "Dr Ana Ruiz" to the
        recruiter and the name alone on the envelope (no doctorate there, m14)."""
        ana = Interviewer("Ana Ruiz", honorific="Dr.")
        german, french, spanish = language("de"), language("fr"), language("es")
        assert german.spoken_of(ana, Salutation.HONORIFIC) == "Dr. Ruiz"
        assert german.spoken_name(ana, Salutation.FULL_NAME) == "Ana Ruiz"
        assert german.envelope_name(ana) == german.formal_name(ana) == "Dr. Ana Ruiz"
        assert spanish.envelope_name(ana) == spanish.formal_name(ana) == "Dr. Ana Ruiz"
        assert spanish.spoken_of(ana, Salutation.HONORIFIC) == "Ana Ruiz"
        assert french.formal_name(ana) == "Dr Ana Ruiz"
        assert french.envelope_name(ana) == "Ana Ruiz"
        assert french.envelope_name(Interviewer("Ana Ruiz", honorific="Ms.")) == (
            "Madame Ana Ruiz"
        )


class TestDatesTimesAndWords:
    @pytest.mark.parametrize(
        ("locale", "day", "clock", "afternoon"),
        [
            ("en", "Tuesday, July 7", "10:00 AM", "1:30 PM"),
            ("en_US", "Tuesday, July 7", "10:00 AM", "1:30 PM"),
            ("en_GB", "Tuesday 7 July", "10:00", "13:30"),
            ("de", "Dienstag, dem 7. Juli", "10:00 Uhr", "13:30 Uhr"),
            ("fr", "mardi 7 juillet", "10\u00a0h", "13\u00a0h\u00a030"),
            ("es", "martes 7 de julio", "10:00", "13:30"),
        ],
    )
    def test_each_locale_writes_its_own_dates_and_times(
        self, locale: str, day: str, clock: str, afternoon: str
    ) -> None:
        pack = TemplatePack(locale=locale)
        assert pack._day(date(2026, 7, 7)) == day
        assert pack._time(datetime(2026, 7, 7, 10)) == clock
        assert pack._time(datetime(2026, 7, 7, 13, 30)) == afternoon

    def test_a_german_date_takes_its_case_and_its_closing_comma(self) -> None:
        """ "am Dienstag, dem 7. Juli, zwischen ...", "bis Freitag, den 24. Juli, in
        Aussicht gestellt": dative, accusative after "bis", and the apposition closed."""
        german = language("de")
        assert german.day_after_by(date(2026, 7, 24)) == "Freitag, den 24. Juli"
        assert german.decision_words(date(2026, 7, 24), None) == "bis Freitag, den 24. Juli"
        assert language("de_AT").day_after_by(date(2027, 1, 8)) == "Freitag, den 8. Jänner"
        assert german.finish("am Dienstag, dem 7. Juli zwischen 10:00") == (
            "am Dienstag, dem 7. Juli, zwischen 10:00"
        )
        assert german.finish("vom Dienstag, dem 7. Juli.") == "vom Dienstag, dem 7. Juli."
        assert german.finish("bis Freitag, den 24. Juli; daher") == (
            "bis Freitag, den 24. Juli; daher"
        )
        iv = meeting("de")
        call = next(
            a
            for a in plan(iv, Policy.persistent())
            if a.channel is Channel.PHONE and a.kind is ActionKind.CHECK_IN
        )
        text = render(call, iv).text
        assert "am Donnerstag, dem 16. Juli, zwischen 10:00 und 11:30 Uhr" in text
        assert "bis Mittwoch, den 15. Juli, fallen" in text
        assert not re.search(r"\b\d{1,2}\. [A-ZÄ]\w+ [a-zäöü]", text), text

    def test_a_negative_offset_takes_the_minus_sign(self) -> None:
        """ "UTC\u22124" (U+2212, the minus sign) in German, French and Spanish; English
        keeps "UTC-04:00"."""
        moment = pendulum.datetime(2026, 7, 16, 10, tz=pendulum.timezone(-4 * 3600))
        for code in LANGUAGES:
            assert language(code).zone(moment.tzinfo, moment) == "UTC\u22124"
        assert language("en").zone(moment.tzinfo, moment) == "UTC-04:00"

    def test_the_first_of_the_month_in_french_is_premier(self) -> None:
        assert language("fr").day(date(2026, 7, 1)) == "mercredi 1er juillet"

    def test_a_call_window_in_both_zones(self) -> None:
        """The window in the recipient's zone, and the candidate's (with the day when it
        differs), worded by the language, with CLDR's name of the city."""
        opens = pendulum.datetime(2026, 7, 16, 10, tz="America/Mexico_City")
        closes = opens.add(hours=1, minutes=30)
        tz = opens.tzinfo
        assert language("de").window(opens, closes, tz) == (
            "zwischen 10:00 und 11:30 Uhr (Ortszeit Mexiko-Stadt, UTC\u22126)"
        )
        assert language("fr").window(opens, closes, tz, date(2026, 7, 17)) == (
            "le vendredi 17 juillet, entre 10\u00a0h et 11\u00a0h\u00a030 "
            "(heure de Mexico, UTC\u22126)"
        )
        assert language("es").window(opens, closes, tz) == (
            "entre las 10:00 y las 11:30 (hora de Ciudad de México, UTC\u22126)"
        )
        one = pendulum.datetime(2026, 7, 16, 1, tz="UTC")
        assert language("es").window(one, one.add(hours=1), one.tzinfo) == (
            "entre la 1:00 y las 2:00 (UTC)"
        )

    def test_french_names_a_city_with_its_article(self) -> None:
        cairo = pendulum.datetime(2026, 7, 16, 10, tz="Africa/Cairo")
        assert language("fr").zone(cairo.tzinfo, cairo) == "heure du Caire, UTC+3"
        amsterdam = pendulum.datetime(2026, 7, 16, 10, tz="Europe/Amsterdam")
        assert language("fr").zone(amsterdam.tzinfo, amsterdam) == "heure d’Amsterdam, UTC+2"

    @pytest.mark.parametrize(
        ("phrase", "de", "fr", "es"),
        [
            ("by July 15", "bis Mittwoch, den 15. Juli", "d’ici le mercredi 15 juillet",
             "a más tardar el miércoles 15 de julio"),
            ("in a week", "innerhalb einer Woche", "d’ici une semaine",
             "en un plazo de una semana"),
            ("within 15 days", "innerhalb von 15 Tagen", "d’ici 15 jours",
             "en un plazo de 15 días"),
            ("in three months", "innerhalb von drei Monaten", "d’ici trois mois",
             "en un plazo de tres meses"),
            ("in a couple of weeks", "innerhalb von etwa zwei Wochen",
             "d’ici une quinzaine de jours", "en un par de semanas"),
            ("in a few days", "innerhalb weniger Tage", "d’ici quelques jours", "en unos días"),
            ("next week", "nächste Woche", "la semaine prochaine", "la semana que viene"),
            ("by the end of the month", "bis Ende Juli", "d’ici fin juillet",
             "para finales de julio"),
            ("mid-August", "Mitte August", "à la mi-août", "a mediados de agosto"),
            ("late September", "Ende September", "fin septembre", "a finales de septiembre"),
        ],
    )  # fmt: skip
    def test_a_decision_window_is_worded_in_each_language(
        self, phrase: str, de: str, fr: str, es: str
    ) -> None:
        said = date(2026, 7, 7)
        read = parse_timeframe(phrase, said)
        decided = read if isinstance(read, date) else read.end
        frame = None if isinstance(read, date) else read
        for locale, expected in (("de", de), ("fr", fr), ("es", es)):  # said that day
            assert language(locale).decision_words(decided, frame, now=True) == expected

    def test_lists_join_with_the_languages_conjunction(self) -> None:
        """Spanish "y" is "e" before an "i" sound and "o" is "u" before an "o" sound."""
        assert language("de").join(["a", "b", "c"]) == "a, b und c"
        assert language("fr").join(["a", "b"], "or") == "a ou b"
        assert language("es").join(["Ana", "Bo"]) == "Ana y Bo"
        assert language("es").join(["Ana", "Ignacio"]) == "Ana e Ignacio"
        assert language("es").join(["Ana", "Hilda"]) == "Ana e Hilda"
        assert language("es").join(["agua", "hielo"]) == "agua y hielo"
        assert language("es").join(["siete", "ocho"], "or") == "siete u ocho"
        assert language("es").join(["uno", "dos"], "or") == "uno o dos"

    def test_french_elides_before_a_vowel_where_a_value_is_put_in(self) -> None:
        """ "de" and "que" before a value that begins with a vowel; never inside the value."""
        french = language("fr")
        assert french.fill("le poste de %(role)s", {"role": "Analyste"}) == ("le poste d’analyste")
        assert french.fill("le poste de %(role)s", {"role": "ANALYSTE"}) == ("le poste d’ANALYSTE")
        assert french.fill("le poste de %(role)s", {"role": "Data Engineer"}) == (
            "le poste de Data Engineer"
        )
        assert french.fill("De %(x)s et que %(y)s", {"x": "Orion", "y": "Eve de Avila"}) == (
            "D’Orion et qu’Eve de Avila"
        )
        iv = meeting("fr", role="Analyste de données", company="Orion")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        text = render(note, iv).text
        assert "poste d’analyste de données" in text and "de a" not in text

    def test_the_article_of_the_english_role_never_shows(self) -> None:
        """a_role is English grammar; other languages get the role alone."""
        iv = meeting("de")
        pack = TemplatePack(locale="de")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        assert pack.context(note, iv)["a_role"] == "Data Engineer"


class TestRegions:
    def test_regions_map_to_their_language(self) -> None:
        """fr_CA, es_MX and de_DE write as their language does."""
        iv = meeting("fr")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        # but for the few words Quebec says otherwise (words6 class 7: "Cordialement";
        # words27d class 1: « entrevue ») and its North American numbers (words26a class
        # 4, r22 fr G: "+1 917 555-0100")
        assert TemplatePack(locale="fr_CA").render(note, iv).text == (
            TemplatePack(locale="fr")
            .render(note, iv)
            .text.replace("Bien cordialement,", "Cordialement,")
            .replace("+1 917 555 0100", "+1 917 555-0100")
            .replace("entretien consacré", "entrevue consacrée")
            .replace("entretien", "entrevue")
        )
        assert TemplatePack(locale="es-MX").language.code == "es"
        assert TemplatePack(locale="DE_de").language.locale == "de_DE"

    def test_austria_says_jaenner_and_switzerland_writes_ss(self) -> None:
        assert language("de_AT").day(date(2027, 1, 5)) == "Dienstag, dem 5. Jänner"
        assert language("de").day(date(2027, 1, 5)) == "Dienstag, dem 5. Januar"
        iv = meeting("de")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        swiss = TemplatePack(locale="de_CH").render(note, iv).text
        assert "Mit freundlichen Grüssen" in swiss and "ß" not in swiss

    def test_every_locale_renders_or_is_refused(self) -> None:
        """A listed locale writes; an untranslated one is a TemplateError, never English."""
        iv = meeting("de")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        for locale in LOCALES:
            assert TemplatePack(locale=locale).render(note, iv).text
        for locale in ("it", "pt_BR", "de_XX", "en_ZA"):
            with pytest.raises(TemplateError, match="no translation for locale"):
                TemplatePack(locale=locale)


class TestChoosingTheLanguage:
    def test_the_candidates_language_writes_the_message(self) -> None:
        """render() writes in Candidate.language, without the caller building a pack."""
        iv = meeting("de")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        assert render(note, iv).text.startswith("Sehr geehrte Frau Dr. Ruiz,")
        assert default_pack("de") is default_pack("de")  # one pack per language, kept
        english = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language=None))
        assert render(note, english).text.startswith("Dear Dr. Ruiz,")

    def test_a_pack_of_its_own_locale_wins(self) -> None:
        iv = meeting("de")
        note = next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU)
        assert TemplatePack(locale="fr").render(note, iv).text.startswith("Bonjour Madame Ruiz,")

    @pytest.mark.parametrize("value", ["it", "deutsch", "", 7])
    def test_an_unknown_language_is_refused(self, value: object) -> None:
        with pytest.raises(InvalidInterview, match=r"Candidate\.language"):
            Candidate("Sam Lee", language=value)  # type: ignore[arg-type]

    def test_the_language_is_spelt_canonically(self) -> None:
        assert Candidate("Sam Lee", language="fr-ca").language == "fr_CA"

    def test_the_command_writes_in_the_candidates_language(self, tmp_path: Path) -> None:
        """``followup render`` follows the file's candidate; ``--locale`` overrides it."""
        from click.testing import CliRunner

        from followup_rules.cli import main

        source = tmp_path / "interview.toml"
        source.write_text(
            "\n".join(
                [
                    "starts_at = 2026-07-07T14:00:00-04:00",
                    'timezone = "America/New_York"',
                    'company = "Acme Analytics"',
                    'role = "Data Engineer"',
                    'decision_by = "2026-07-15"',
                    "[candidate]",
                    'name = "Sam Lee"',
                    'email = "sam@example.com"',
                    'language = "es"',
                    "[[interviewers]]",
                    'name = "Ana Ruiz"',
                    'email = "ana@acme.example"',
                    'honorific = "Ms."',
                ]
            )
            + "\n",
            encoding="utf-8",
        )
        runner = CliRunner()
        spanish = runner.invoke(main, ["render", str(source)])
        assert spanish.exit_code == 0, spanish.output
        assert "Estimada Sra. Ruiz:" in spanish.output
        german = runner.invoke(main, ["render", str(source), "--locale", "de"])
        assert german.exit_code == 0, german.output
        assert "Sehr geehrte Frau Ruiz," in german.output and "Estimada" not in german.output
        drafts = runner.invoke(
            main, ["plan", str(source), "--format", "eml", "-o", str(tmp_path / "out")]
        )
        assert drafts.exit_code == 0, drafts.output
        first = sorted((tmp_path / "out").glob("*.eml"))[0].read_text(encoding="utf-8")
        assert "Estimada Sra. Ruiz:" in first
        refused = runner.invoke(main, ["render", str(source), "--locale", "it"])
        assert refused.exit_code != 0 and "no translation for locale 'it'" in refused.output

    def test_the_schema_takes_the_language(self) -> None:
        import json
        from importlib.resources import files

        import jsonschema

        from followup_rules import serialize

        iv = meeting("fr")
        data = json.loads(json.dumps(serialize.unstructure(iv)))
        assert data["candidate"]["language"] == "fr"
        schema = json.loads(
            files("followup_rules").joinpath("schemas", "interview.schema.json").read_text()
        )
        jsonschema.validate(data, schema)
        assert serialize.structure(data, Interview) == iv


def test_times_in_a_sentence_read_naturally() -> None:
    """Noon is named only where "12:00 PM" would be ambiguous (English); midnight is
    "minuit" and "la medianoche" rather than "0 h" and "las 0:00"."""
    assert language("en").clock(time(12)) == "noon"
    assert language("de").clock(time(12)) == "12:00 Uhr"
    assert language("fr").clock(time(0)) == "minuit"
    assert language("fr").clock(time(0, 30)) == "0\u00a0h\u00a030"
    opens = pendulum.datetime(2026, 7, 16, 0, tz="Australia/Sydney")
    closes = opens.add(hours=1, minutes=30)
    assert language("fr").window(opens, closes, opens.tzinfo) == (
        "entre minuit et 1\u00a0h\u00a030 (heure de Sydney, UTC+10)"
    )
    assert language("es").window(opens, closes, opens.tzinfo) == (
        "entre la medianoche y la 1:30 (hora de Sídney, UTC+10)"
    )
    assert language("de").window(opens, closes, opens.tzinfo) == (
        "zwischen 0:00 und 1:30 Uhr (Ortszeit Sydney, UTC+10)"
    )


class TestEdges:
    @pytest.mark.parametrize(
        ("phrase", "expected"),
        [
            ("this week", ("bis Ende dieser Woche", "d’ici la fin de la semaine",
                           "para el final de esta semana")),
            ("early next week", ("Anfang nächster Woche", "en début de semaine prochaine",
                                 "a principios de la semana que viene")),
            ("by the end of next week", ("bis Ende nächster Woche",
                                         "d’ici la fin de la semaine prochaine",
                                         "para el final de la semana que viene")),
            ("in September", ("im September", "en septembre", "en septiembre")),
            ("early September", ("Anfang September", "début septembre",
                                 "a principios de septiembre")),
            ("in a couple of days", ("innerhalb von ein, zwei Tagen", "d’ici un jour ou deux",
                                     "en un par de días")),
            ("in a few weeks", ("innerhalb weniger Wochen", "d’ici quelques semaines",
                                "en unas semanas")),
            ("in a couple of months", ("innerhalb von ein, zwei Monaten",
                                       "d’ici un mois ou deux", "en un par de meses")),
            ("in a few months", ("innerhalb weniger Monate", "d’ici quelques mois",
                                 "en unos meses")),
            ("in a day", ("innerhalb eines Tages", "d’ici vingt-quatre heures",
                          "en un plazo de un día")),
            ("in a month", ("innerhalb eines Monats", "d’ici un mois", "en un plazo de un mes")),
        ],
    )  # fmt: skip
    def test_every_shape_of_window_is_worded(
        self, phrase: str, expected: tuple[str, str, str]
    ) -> None:
        frame = parse_timeframe(phrase, date(2026, 7, 7))
        assert not isinstance(frame, date)
        words = tuple(
            language(code).decision_words(frame.end, frame, now=True) for code in LANGUAGES
        )
        assert words == expected
        between = attrs.evolve(frame, kind="between")
        assert language("es").decision_words(frame.end, between).startswith("entre el ")
        assert language("de").decision_words(None, None) is None

    @pytest.mark.parametrize("code", ["en", *LANGUAGES])
    def test_names_for_nobody_are_empty(self, code: str) -> None:
        words = language(code)
        for style in Salutation:
            assert words.addressee(None, style) == ""
            assert words.spoken_name(None, style) == ""
        assert repr(words) == f"<{type(words).__name__} {code}>"

    def test_a_recruiter_is_named_by_name(self) -> None:
        rita = Recruiter("Rita Cole")
        assert language("de").addressee(rita, Salutation.FULL_NAME) == "Rita Cole"
        assert language("fr").addressee(rita, Salutation.HONORIFIC) == "Rita Cole"
        assert language("es").spoken_of(rita, Salutation.FIRST_NAME) == "Rita"
        assert language("de").spoken_name(rita, Salutation.HONORIFIC) == "Rita Cole"
        assert language("es").addressee(rita, Salutation.FIRST_NAME) == "Rita"

    def test_names_without_a_title(self) -> None:
        bo = Interviewer("Bo Chen")
        assert language("fr").formal_name(bo) == "Bo Chen"
        assert language("fr").envelope_name(bo) == "Bo Chen"
        assert language("es").formal_name(bo) == "Bo Chen"
        assert language("es").envelope_name(Interviewer("Bo Chen", honorific="Mr.")) == (
            "Sr. Bo Chen"
        )
        assert language("de").formal_name(Interviewer("Bo Chen", honorific="Prof.")) == (
            "Prof. Bo Chen"
        )
        assert language("fr").formal_name(Interviewer("Bo Chen", honorific="Prof.")) == (
            "Pr Bo Chen"
        )

    def test_fixed_offsets_and_utc_are_named_by_their_offset(self) -> None:
        moment = pendulum.datetime(2026, 7, 16, 10, tz=pendulum.timezone(19800))
        for code in LANGUAGES:
            assert language(code).zone(moment.tzinfo, moment) == "UTC+5:30"
        assert language("en").zone(moment.tzinfo, moment) == "UTC+05:30"

    def test_the_german_lower_case_spares_sie(self) -> None:
        german = language("de")
        assert german.finish("Hallo Ana,\n\nSie haben", "Hallo Ana,") == (
            "Hallo Ana,\n\nSie haben"
        )
        assert german.finish("Hallo Ana,\n\nVielen Dank", "Hallo Ana,") == (
            "Hallo Ana,\n\nvielen Dank"
        )
        assert german.finish("Vielen Dank") == "Vielen Dank"

    def test_an_untranslated_language_is_a_lookup_error(self) -> None:
        with pytest.raises(LookupError):
            language("it")

    def test_your_templates_can_use_every_gettext_function(self, tmp_path: Path) -> None:
        """_(), ngettext, pgettext and npgettext in a user's .txt and .html templates read the
        pack's catalog; in HTML the values are escaped."""
        (tmp_path / "note.txt").write_text(
            "{% block body %}"
            '{{ pgettext("decision", "by %(day)s", day="Dienstag") }} / '
            '{{ npgettext("decision", "within a week", "within %(count)s weeks", 2, '
            'count="zwei") }} / '
            '{{ ngettext("I did not mention %(items)s at the interview, and I would like to '
            'tell you about it.", "I did not mention %(items)s at the interview, and I would '
            'like to tell you about them.", 2, items="a") }}'
            "{% endblock %}",
            encoding="utf-8",
        )
        (tmp_path / "note.html").write_text(
            '{{ _("I met %(people)s, and we talked about %(topics)s.", people="Bo", '
            'topics="<b>") }} '
            '{{ ngettext("I did not touch on %(items)s in the interview, and I can tell you '
            'about it if you would find that useful.", "I did not touch on %(items)s in the '
            'interview, and I can tell you about them if you would find that useful.", 1, '
            'items="<i>") }} '
            '{{ pgettext("debrief", "for %(name)s, %(items)s", items="<u>", name="Bo") }} '
            '{{ npgettext("decision", "within a day", "within %(count)s days", 3, count="3") }}',
            encoding="utf-8",
        )
        iv = meeting("de")
        pack = TemplatePack(tmp_path, locale="de")
        note = attrs.evolve(
            next(a for a in plan(iv) if a.kind is ActionKind.THANK_YOU), template="note"
        )
        message = pack.render(note, iv)
        assert message.text == (
            "bis Dienstag / innerhalb von zwei Wochen / "
            "Ich habe a nicht erwähnt, aber wenn Sie möchten, "
            "beschreibe ich Ihnen das."
        )
        assert message.html is not None
        assert "Ich habe mit Bo gesprochen, unter anderem über &lt;b&gt;." in message.html
        assert "Auf &lt;i&gt; bin ich nicht eingegangen, aber falls es Ihnen nützt" in message.html
        assert "&lt;u&gt; für Bo" in message.html
        assert "innerhalb von 3 Tagen" in message.html
        assert pack.language.number(3) == "drei" and pack.language.number(30) == "30"
