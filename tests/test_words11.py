"""Words round 11, from the ninth blind reads (corpus 1313).

The r9 French reader found the one untrue sentence of the round: a first
check-in sent the day after a "two weeks" window closed said « une décision
étant attendue d'ici une quinzaine de jours »: a present participle, so read
that day the decision was still two weeks away.  The English says "was
expected": what was said then, anchored to its day.  The class: every
translation of a sentence that reports a decision date as expected tells it in
the past, in every language.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "src" / "followup_rules" / "locales"

# The English reports what was said: "was expected", "was now expected", "was then expected".
REPORTED = re.compile(r"\bwas (?:now |then )?expected %\(when\)s")

# A present tense for the expected decision, next to the date phrase, in each language:
# fr « étant attendue » without « alors », « est attendue », « doit intervenir »;
# de "erwartet wird", "fallen soll " / "fällt", "vorgesehen ist";
# es "se espera " (present), "está prevista".
PRESENT = {
    "fr": re.compile(r"(?<!alors )étant attendue|\best (?:désormais )?attendue|\bdoit intervenir"),
    "de": re.compile(r"erwartet wird|\bfallen soll\b|\bfällt\b|vorgesehen ist"),
    "es": re.compile(r"\bse espera\b(?! ?ba)|\bestá prevista"),
}


def _reported(language: str) -> list[tuple[str, str]]:
    path = LOCALES / language / "LC_MESSAGES" / "followup_rules.po"
    with path.open("rb") as file:
        catalog = read_po(file)
    return [
        (message.id, message.string)
        for message in catalog
        if isinstance(message.id, str) and REPORTED.search(message.id)
    ]


@pytest.mark.parametrize("language", sorted(PRESENT))
def test_a_decision_date_that_was_expected_is_told_in_the_past(language: str) -> None:
    """Each translation of "a decision was expected WHEN" keeps the past: read after
    the date, the sentence still says only what was said then."""
    found = _reported(language)
    assert len(found) >= 10  # the check-ins' and voicemails' reporting sentences
    present = [(english, said) for english, said in found if PRESENT[language].search(said)]
    assert present == []


# -- a sentence starts with a capital, also in a spoken script -------------------------

# A German sentence written to follow "Guten Tag Frau Ruiz," starts in lower case; said
# after a full stop in a voicemail, it read "... für Petra Lang. mein Gespräch ..." (r9).
_LOWER_AFTER_STOP = re.compile(r"(?<![A-Z])(?<!\b[a-z])[.!?] [a-zäöüßàâçéèêëîïôûùüÿœáíóúñ]")


@pytest.mark.parametrize("code", ["de", "fr", "es", "en"])
@pytest.mark.parametrize("hours_after", [0.5, 5, 30])
def test_every_sentence_of_every_message_starts_with_a_capital(
    code: str, hours_after: float
) -> None:
    """The recruiter's voicemail (just after, later that day, the next day), the check-in
    calls and every note: no sentence starts in lower case after a full stop."""
    from datetime import date, timedelta

    import pendulum

    from followup_rules import Candidate, Interview, Interviewer, Recruiter, plan, render

    start = pendulum.datetime(2026, 7, 7, 9, tz="Europe/Vienna")
    iv = Interview(
        start,
        "Nordwind Logistik GmbH",
        "Projektleiter Logistik",
        [Interviewer("Ana Ruiz", email="ana@example.com", phone="+43 1 5550 0142")],
        decision_by=date(2026, 7, 15),
        recruiter=Recruiter("Petra Lang", phone="+43 1 5550 0199", email="petra@example.com"),
        invited_to_call=True,
        candidate=Candidate(
            "Alex Berger", email="alex@example.com", phone="+43 1 5550 0100", language=code
        ),
    )
    moment = iv.ends_at + timedelta(hours=hours_after)
    for action in plan(iv, now=moment):
        if action.template is None:
            continue
        text = render(action, iv).text
        for line in text.splitlines():
            found = _LOWER_AFTER_STOP.search(line)
            assert found is None, (action.template, line)
