"""loop11: what the loop10 trial left (docs: /work/trials/loop10/FINDINGS.md F6, note 2).

1. A step by e-mail to someone whose address nobody knows says so where the step is
   listed, as a call to someone whose number nobody knows does, in every language.
3. No check-in invites a call back when the candidate gave no number of their own.
"""

from __future__ import annotations

import re

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Channel, Outcome, Update, plan, render
from followup_rules.export import describe

from .test_writing import ANA, BO, NY, SAM, check_ins, in_language, meeting

LANGUAGES = ("en", "de", "fr", "es")
MISSING_EMAIL = {
    "en": "(no e-mail address known: find it first)",
    "de": "(keine E-Mail-Adresse bekannt: zuerst herausfinden)",
    "fr": "(adresse e-mail inconnue\u00a0: la trouver d\u2019abord)",
    "es": "(no se conoce su correo electrónico: búsquelo primero)",
}


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_email_step_to_someone_without_an_address_says_so(code: str) -> None:
    """F6: Bo Chen by phone only: every e-mail to him is flagged, and blocked, as a call
    to someone without a number is; e-mails to people with an address are not flagged."""
    bo = attrs.evolve(BO, email=None, phone="+1 212 555 0199")
    iv = in_language(meeting(interviewers=[ANA, bo]), code)
    steps = list(plan(iv))
    to_bo = [a for a in steps if a.channel is Channel.EMAIL and a.recipient == bo]
    assert to_bo  # at least his thank-you
    for action in to_bo:
        line = describe(action, code)
        assert line.endswith(MISSING_EMAIL[code]), line
        assert line.startswith(action.describe(code))
        if action.template is not None:
            assert "email" in render(action, iv).blocking
    for action in steps:
        person = action.recipient
        if action.channel is Channel.EMAIL and person is not None and person.email:
            assert MISSING_EMAIL[code] not in describe(action, code)


CALL_ME = re.compile(
    r"by phone|telefonisch|par téléphone|por teléfono|reach me|call me", re.IGNORECASE
)


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("phone", [None, "+1 917 555 0100"])
def test_no_check_in_invites_a_call_when_the_candidate_has_no_number(
    code: str, phone: str | None
) -> None:
    """Note 2: "Would it be quicker to settle the details ... by phone?" offered a call
    the recipient could not make back; without the candidate's number it only asks."""
    candidate = attrs.evolve(SAM, phone=phone)
    iv = in_language(meeting(candidate=candidate), code)
    news = Update(pendulum.datetime(2026, 7, 8, 15, tz=NY), Outcome.NEXT_ROUND)
    notes = [a for a in check_ins(plan(iv, history=[news])) if a.channel is Channel.EMAIL]
    assert any(a.facts.attempt == 2 for a in notes)
    offers = [bool(CALL_ME.search(render(a, iv).text)) for a in notes]
    if phone is None:
        assert not any(offers)
    else:
        assert any(offers)  # the offer stays when a number is known
    assert all(a.kind is ActionKind.CHECK_IN for a in notes)
