"""Wording round 26 (issue 19), German, French and Spanish only: the twenty-second blind read.

1. A call's outcome (r22 de section 2, fr 2, es 2): an e-mail after a call of unknown
   outcome says what the English says, "I called on ...", never that the call failed
   ("habe ich versucht, Sie zu erreichen", « j'ai tenté de vous appeler », «intenté
   hablar con usted»), nor that a conversation took place; every branch (answered,
   not answered, voicemail, unknown) says what its English says, in every wording.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from followup_rules import Channel, plan, render

from .test_writing import check_ins, done_until, in_language, meeting

LOCALES = Path(__file__).parent.parent / "src" / "followup_rules" / "locales"
CODES = ("de", "fr", "es")


def _catalog(code: str, *templates: str) -> list[tuple[str, str]]:
    """(msgid, msgstr) of *code*'s catalog, every plural form, from *templates* (all
    when none is named)."""
    with (LOCALES / code / "LC_MESSAGES" / "followup_rules.po").open("rb") as data:
        catalog = read_po(data)
    pairs = []
    for message in catalog:
        if not message.id:
            continue
        if templates and not any(
            where.endswith(name) for where, _ in message.locations for name in templates
        ):
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        pairs.extend((ids[min(i, len(ids) - 1)], text) for i, text in enumerate(strings))
    return pairs


# -- 1. A call's outcome -------------------------------------------------------------------

# A past call said to have failed: "I tried to reach you", "did not reach you".  The
# present "I am trying again" of a second call is no claim about the first.
FAILED_EN = re.compile(r"\btried\b|could not|did not reach|not get through")
FAILED = {
    "de": re.compile(r"\bversucht\b|\bVersuch\b|nicht erreicht|nicht erreichen"),
    "fr": re.compile(r"\btenté|\bessayé|cherché à|tentative|pas abouti|pas pu|[Ff]aute d"),
    "es": re.compile(r"\bintent[éó]\b|\bintentar hablar|\btraté\b|\bno pude\b|\bintento\b"),
}
# A conversation that took place: "thank you for speaking with me", "our call".
SPOKE_EN = re.compile(r"\bspe?ak|\bspoke|conversation|our call|taking my call")
SPOKE = {
    "de": re.compile(r"Gespräch|Telefonat|mit (?:mir|Ihnen) gesprochen|entgegengenommen"),
    "fr": re.compile(r"échang|conversation|notre appel|pris mon appel"),
    "es": re.compile(
        r"hablar con(?:migo| usted)|hablé con usted|conversación|nuestra llamada|atender"
    ),
}
# The lines that tell of an earlier call: every branch of the check-in's opening, and
# the voicemail of a second call.
CALLED_EN = re.compile(
    r"\bcalled\b|\bphoned\b|\bmy call\b|call I made|my voicemail|left (?:you )?a"
    r"|speak(?:ing)? with|our call|phone conversation|taking my call|reach you"
)


@pytest.mark.parametrize("code", CODES)
def test_every_wording_of_a_call_says_what_its_english_says(code: str) -> None:
    """r22 de 01.11, 04.9, 09.9; fr 01.11; es 01.11, 03.6, 04.9, 09.9: "I called on
    Friday, May 29" became "habe ich versucht, Sie … zu erreichen", « j'ai tenté de vous
    appeler », «intenté hablar con usted»: the call failed, which nobody knows.  No
    translation of a line about a call says it failed unless its English does, and none
    says that the two spoke unless its English does."""
    lines = [
        (english, text)
        for english, text in _catalog(code, "_check_in_opening.txt", "check_in_call.txt")
        if CALLED_EN.search(english)
    ]
    assert len(lines) >= 20
    failed = [
        text
        for english, text in lines
        if FAILED[code].search(text) and not FAILED_EN.search(english)
    ]
    assert failed == []
    spoke = [
        text
        for english, text in lines
        if SPOKE[code].search(text)
        and not SPOKE_EN.search(english)
        and not FAILED_EN.search(english)  # "no pude hablar con usted": none took place
    ]
    assert spoke == []


OUTCOMES = {
    "unknown": {},
    "not answered": {"answered": False},
    "answered": {"answered": True},
    "voicemail": {"voicemail": True},
}


@pytest.mark.parametrize("code", CODES)
@pytest.mark.parametrize("outcome", sorted(OUTCOMES))
def test_the_email_after_a_call_tells_its_outcome_as_the_english_does(
    code: str, outcome: str
) -> None:
    """The rendered e-mail after a check-in call, for each outcome the history can
    record: the translation claims a failed call, or a conversation, only when the
    English of the same e-mail does."""
    said = {}
    for language in ("en", code):
        iv = in_language(meeting(), language)
        whole = plan(iv)
        call = check_ins(whole)[0]
        assert call.channel is Channel.PHONE
        history = done_until(whole, call, **OUTCOMES[outcome])
        mail = check_ins(plan(iv, history=history))[0]
        assert mail.channel is Channel.EMAIL
        said[language] = render(mail, iv).text
    english, text = said["en"], said[code]
    if not FAILED_EN.search(english):
        assert not FAILED[code].search(text), text
    if not SPOKE_EN.search(english):
        assert not SPOKE[code].search(text), text
    if outcome == "answered":
        assert SPOKE[code].search(text), text
    if outcome == "not answered":
        assert FAILED[code].search(text), text
