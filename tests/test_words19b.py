"""Round 19b of the translations (the sixteenth blind read, corpus seed 1717).

Each test names the line the German, French or Spanish reader quoted and checks the
class it belongs to, over every wording of its kind (the msgstr of each msgid the
templates may pick); each fails on the catalogs before this round.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"
LANGUAGES = ("de", "fr", "es")


def _catalog(code: str) -> Catalog:
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as handle:
        return read_po(handle)


def _english(message: Message) -> str:
    return message.id if isinstance(message.id, str) else message.id[0]


def _strings(message: Message) -> list[str]:
    return [message.string] if isinstance(message.string, str) else list(message.string)


def _where(message: Message) -> set[str]:
    return {path.rsplit("/", 1)[-1] for path, _ in message.locations}


def _said(code: str, *where: str, english: str | None = None) -> list[str]:
    """The msgstrs of the messages used in any of the files *where* (all when none),
    whose English matches *english* (a pattern) when given."""
    return [
        s
        for message in _catalog(code)
        if message.id
        and (not where or _where(message) & set(where))
        and (english is None or re.search(english, _english(message)))
        for s in _strings(message)
    ]


# -- the lines the readers quoted, gone from every wording --------------------------

_REJECTED = {
    "de": [
        r"^Die Stelle begeistert mich\.$",  # alone as a paragraph, 5 notes
        r"diesen Schritt",  # "Ich sehe mich für diesen Schritt gut gerüstet" (x5)
        r"^Diese Aufgabe würde ich",
        r"erläutere es Ihnen",  # "es" for "die Arbeit"
        r"^An der Stelle bin ich",  # reads as "at this point"
        r"Wäre es schneller",  # calls the employer slow
        r"getroffen",  # after a remote interview
        r"von dort kontaktiert",
        r"möglichst früh",  # after "möglichst bald" in one script
        r"Es ist gut möglich, dass",  # speculation
        r"\bfürs\b",  # colloquial in a subject
        r"^%\(role\)s[^.]*: danke\b",  # lowercase after the colon of a subject
        r"einen neuen Stand",  # "Stand" twice in 08.11
        r"nach wie vor reizvoll",  # lukewarm
        r"Nochmals vielen Dank für die Zeit",  # thanks for the time twice in 04.6
    ],
    "fr": [
        r"\bmission\b",  # an assignment, not a salaried job
        r"Je tiens à saluer",
        r"intérêt tout spécial",
        r"J’aimerais poursuivre le processus avec vous",
        r"Ce serait une joie",
        r"énormément",
        r"par avance",
        r"^Cette perspective",
        r"^Ce serait pour moi",
        r"^Dès que possible",
        r"Votre réponse me sera précieuse",
        r"\u202f; je m’en réjouis",  # tacked on after the news
    ],
    "es": [
        r"^Me gustaría contribuir a los proyectos del equipo\.$",  # x6, generic
        r"^Esta oportunidad me parece muy interesante\.$",  # x4, generic
        r"Destaco en particular",  # reads like a report
        r"Me alegró también",
        r"me hizo muy feliz",
        r"las cosas",  # "¿En qué punto están las cosas?": colloquial
        r"actualización",  # "update", an anglicism
        r"localizarle",
        r"ilusión",  # Peninsular, to an es-CO reader
    ],
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_quoted_wordings_are_gone(code: str) -> None:
    found = [
        (pattern, s)
        for s in _said(code)
        for pattern in _REJECTED[code]
        if re.search(pattern, s, re.MULTILINE)
    ]
    assert found == []


# -- interest and fit lines: nothing pointed back to that the note never named ----------

_POINTS_BACK = {
    # "Diese Aufgabe würde ich mit Freude übernehmen." after the enclosed references
    "de": r"^Diese[rsnm]?\s+(?!Stelle|Position|Tätigkeit)|\bdiese[nm]? Schritt",
    # « Cette perspective me motive pleinement. », « Ce serait pour moi une belle étape »
    "fr": r"^(?:Cette|Cet|Ces)\s+(?!emploi|poste|fonction)|^Ce\s+(?!poste\b)",
    # "Esta oportunidad me parece muy interesante."
    # and "Mi trayectoria me ha dado una buena base para este paso." (no step was named)
    "es": r"^(?:Esta|Este|Esto|Estas|Estos)\s+(?!puesto|trabajo|cargo)|\beste paso\b",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_interest_or_fit_line_points_back_to_nothing(code: str) -> None:
    """r16 de 01.9 "Diese Aufgabe ..." (the task of sending documents?), de 03.4 "für
    diesen Schritt", fr 09.6 « Cette perspective ... », fr 01.7 « Ce serait pour moi
    ... », es "Esta oportunidad ...": a line of interest or fit opens on a demonstrative
    only for the job itself, which the opening has named; never for a step, a
    perspective, a task or an opportunity the note never mentioned."""
    lines = _said(code, "_thanks_interest.txt", "_thanks_fit.txt")
    assert len(lines) >= 30
    assert [s for s in lines if re.search(_POINTS_BACK[code], s)] == []


def test_no_german_interest_line_is_a_bare_four_words() -> None:
    """r16 de 01.7, 06.7, 11.6, 14.12: "Die Stelle begeistert mich." as a paragraph of
    its own reads like a template.  No interest line is that short."""
    lines = _said("de", "_thanks_interest.txt")
    assert [s for s in lines if len(s.split()) <= 4] == []


# -- German: "freuen", "weitergeht" and "besonders" once in a thank-you ---------------

_NEWS = r"offer|round|take part"


def test_the_german_thank_you_body_leaves_freuen_to_its_close() -> None:
    """r16 de 07.5: "Ich freue mich, dass wir ... gesprochen haben. Ich würde mich
    freuen, wenn es ... weitergeht. Ich freue mich darauf, ... wie es weitergeht.":
    "freuen" three times, "weitergeht" twice.  The closing lines of a thank-you say
    "freuen" and "weitergeht"; the recap, the part of the day and the line of interest
    (when no news came) say neither, so a note says each at most once."""
    body = [
        s
        for message in _catalog("de")
        if message.id
        and _where(message) & {"_thanks_recall.txt", "_thanks_part.txt", "_thanks_interest.txt"}
        and not re.search(_NEWS, _english(message))
        for s in _strings(message)
    ]
    assert len(body) >= 20
    # "freuen" in any form ("freue", "erfreulich", "Freude"), not "freundlich"
    freuen = r"(?i:\bfreu(?:e|en|t|te|ten)\b|gefreut|erfreu|\bfreude\b)|weitergeht"
    assert [s for s in body if re.search(freuen, s)] == []


def test_the_german_part_of_the_day_leaves_besonders_to_the_recap() -> None:
    """r16 de 06.7, 12.7: "Besonders geschätzt habe ich den Rundgang ... Besonders
    interessant fand ich die Diskussion ...".  The recap may say "besonders"; the
    line on the part of the day never does."""
    assert _said("de", "_thanks_recall.txt")  # the recap is read: it may say it
    assert [s for s in _said("de", "_thanks_part.txt") if "esonders" in s] == []


def test_the_french_part_of_the_day_stacks_no_intensifier_and_the_recap_no_apprecie() -> None:
    """r16 fr 04.8 « J’ai tout spécialement apprécié ... a été particulièrement
    intéressante »; fr 14.14 « J’ai tout spécialement apprécié la visite ... J’ai
    apprécié d’en apprendre davantage ».  The part of the day carries no intensifier
    (the recap may), and the recap never says « apprécié » (the part may)."""
    part = _said("fr", "_thanks_part.txt")
    recall = _said("fr", "_thanks_recall.txt")
    assert [s for s in part if re.search(r"tout spécial|particulièrement", s)] == []
    assert [s for s in recall if "apprécié" in s] == []


# -- requested items: thanks for the time once ------------------------------------------

_TIME = {"de": r"\bZeit\b", "fr": r"\btemps\b", "es": r"\btiempo\b"}


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_requested_items_mail_thanks_for_the_time_only_where_the_english_does(
    code: str,
) -> None:
    """r16 de 04.6: "ich danke Ihnen für Ihre Zeit. ... Nochmals vielen Dank für die
    Zeit, die Sie meiner Bewerbung widmen.".  The opening may thank for the time; the
    closing thanks ("again", "for considering") thank for something else."""
    found = [
        s
        for message in _catalog(code)
        if message.id
        and "requested_items_email.txt" in _where(message)
        and re.search(r"again|consider", _english(message))
        and "time" not in _english(message)
        for s in _strings(message)
        if re.search(_TIME[code], s)
    ]
    assert found == []


# -- check-ins: the middle does not repeat the opening or the thread ---------------------


def test_the_german_check_in_middle_leaves_stand_to_the_opening() -> None:
    """r16 de 08.11: "daher möchte ich mich nach dem Stand erkundigen. ... Gibt es
    inzwischen einen neuen Stand?".  The openings ask "nach dem Stand"; no middle
    says "Stand"."""
    assert any(re.search(r"\bStand\b", s) for s in _said("de", "_check_in_opening.txt"))
    assert [s for s in _said("de", "_check_in_middle.txt") if re.search(r"\bStand\b", s)] == []


_FORMULAS = {
    "de": ("weiterhin sehr", "nach wie vor sehr"),
    "fr": ("toujours vivement", "toujours autant", "demeure intact", "précieu"),
    "es": ("me sigue interesando mucho", "sigue intacto"),
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_formula_of_interest_is_in_one_check_in_wording_at_most(code: str) -> None:
    """r16 de 08: "reizt mich nach wie vor sehr", "nach wie vor sehr ... interessiert",
    "nach wie vor sehr interessiert" to one reader; fr 08: « toujours vivement »,
    « toujours autant », and « me serait précieuse » three times to Marc Roy; es 01:
    "me sigue interesando" in every message.  Each formula is in one wording of the
    check-in's middle at most, so the messages of a thread say it differently."""
    middles = _said(code, "_check_in_middle.txt")
    counts = {f: sum(f in s for s in middles) for f in _FORMULAS[code]}
    assert {f: n for f, n in counts.items() if n > 1} == {}


def test_precieux_once_in_a_thank_you_and_once_in_a_check_in() -> None:
    """r16 fr 08.10 to 08.12: « précieux » in each e-mail to one reader.  The blocks of
    a thank-you say it in one wording at most, the openings and middles of a check-in
    too."""
    thanks = _said(
        "fr",
        "_thanks_opening.txt",
        "_thanks_recall.txt",
        "_thanks_part.txt",
        "_thanks_interest.txt",
    )
    check_in = _said("fr", "_check_in_opening.txt", "_check_in_middle.txt")
    assert sum("précieu" in s for s in thanks) <= 1
    assert sum("précieu" in s for s in check_in) <= 1


# -- the missed point: a subject in each clause, nothing to "develop" or "tell more" ----


def test_the_german_missed_point_has_a_subject_and_no_pronoun_to_agree() -> None:
    """r16 de 11.6 "Ich habe meine Arbeit an Open-Source-Projekten nicht erwähnt,
    erläutere es Ihnen aber ..." ("es" for "die Arbeit"), de 09.6 "Im Gespräch bin ich
    nicht dazu gekommen, ..., erzähle Ihnen aber ...": the point's gender is unknown, so
    no pronoun refers to it; and a sentence that does not open on "Ich" names "ich"
    again after the point."""
    lines = _said("de", "_missed.txt")
    assert len(lines) == 16
    for s in lines:
        assert not re.search(r"\b(?:erläutere|erzähle|sage|berichte)\s+(?:es|sie|ihn)\b", s), s
        if not s.startswith("Ich "):
            assert re.search(r"\bich\b", s.split("%(items)s", 1)[1]), s


_NOTHING_SAID = {
    # « je peux développer ce point »: the point was never made
    "fr": r"développer|discuterais",
    # "no comenté ..., y puedo contarle más": nothing was told to tell more of
    "es": r"contarle más|cuento más",
}


@pytest.mark.parametrize("code", sorted(_NOTHING_SAID))
def test_the_missed_point_offers_no_more_of_what_was_never_said(code: str) -> None:
    """r16 fr 11.6 « je peux développer ce point si cela vous est utile », fr 10.5
    « dont je discuterais avec vous », es 09.6 "no comenté mi certificación ..., y puedo
    contarle más"."""
    lines = _said(code, "_missed.txt")
    assert len(lines) >= 16
    assert [s for s in lines if re.search(_NOTHING_SAID[code], s)] == []


# -- news: nothing tacked on after a semicolon; the tense after "supe que" ---------------

_TACKED_ON = {
    "de": r";\s*ich freue mich darauf",
    "fr": r";\s*je m’en réjouis",
    "es": r";\s*la espero",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_gladness_is_tacked_on_after_a_semicolon(code: str) -> None:
    """r16 de 07.6 "..., von der ich am Montag, dem 8. Juni, erfahren habe; ich freue mich
    darauf.", fr 07.6 « dont j’ai eu connaissance ... ; je m’en réjouis », es 07.6 "...;
    la espero con ilusión": the gladness is part of the sentence about the news."""
    assert [s for s in _said(code) if re.search(_TACKED_ON[code], s)] == []


def test_the_spanish_news_learned_is_told_in_the_past() -> None:
    """r16 es 08.9 "El miércoles 4 de marzo supe que la decisión ... sigue abierta.":
    what one learned on a past day is told in the past after "supe que"."""
    lines = [s for s in _said("es") if "supe que" in s]
    # words32b: the e-mails' «supe que» after news from no sender on record is the
    # organisation's «Gracias por informarme» now (the lead's round-32 rule, r26 and r27
    # 08.7, 08.9); the voicemails keep theirs
    assert len(lines) >= 3
    assert [
        s for s in lines if re.search(r"supe que [^.;]*\b(?:sigue|se ha tomado|es)\b", s)
    ] == []


def test_no_spanish_pronoun_takes_the_recipient_as_a_male_object() -> None:
    """r16 es 03.6 "intenté localizarle por teléfono" to "profesora Ruiz": a direct
    object for the recipient would have to agree with a gender the input may not give;
    the sentences say "hablar con usted" instead."""
    pattern = r"\b(?:localizarle|llamarle|contactarle)\b"
    assert [s for s in _said("es") if re.search(pattern, s)] == []


# -- German: the recruiter script says "möglichst" once ----------------------------------


def test_the_recruiter_script_says_when_to_call_once() -> None:
    """r16 de 02.4: "Rufen Sie Petra Lang ... möglichst bald ... an, ... Rufen Sie
    möglichst früh an: Es ist gut möglich, dass ... sich bald meldet.".  Only the lines
    that say when to call ("as soon as you can") say "möglichst" or "bald"."""
    found = [
        s
        for message in _catalog("de")
        if message.id
        and "recruiter_debrief_call.txt" in _where(message)
        and "as soon as" not in _english(message)
        for s in _strings(message)
        if re.search(r"möglichst|\bbald\b", s)
    ]
    assert found == []
