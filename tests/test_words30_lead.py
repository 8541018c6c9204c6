"""A check-in says the material went out only when it did (r26 en 12.6, lead).

The blind read of seed 7676 counted one untrue sentence: "I hope the material I sent
you has been useful." in a check-in to an interviewer whose thank-you note (which
carries what they asked for) was never sent: the planner had found it too late to be
worth sending (`Plan.missed`).  The message read "they asked for items" as "they got
them".  Now the history decides: a note sent, or still planned before the check-in,
counts; a note missed or skipped does not, in every language, and a colleague's
material counts for "the material I shared with your colleague" the same way.
"""

from __future__ import annotations

from typing import Any

import attrs
import pendulum
import pytest

from followup_rules import ActionKind, Skip, plan, render
from followup_rules.messages import template_context

from .test_messages import full_interview

LANGUAGES = ("en", "de", "fr", "es")
SENT = {
    "en": "the material I sent you",
    "de": "die ich Ihnen geschickt habe",
    "fr": "que je vous ai envoyés",
    "es": "el material enviado",
}
"""The words of "I hope the material I sent you has been useful." in each language."""


def _asked(**changes: Any) -> Any:
    """Ana Ruiz (the contact) asked for a reference; Bo Chen for a code sample."""
    iv = full_interview()
    ana = attrs.evolve(iv.interviewers[0], requested=("a reference",))
    bo = attrs.evolve(iv.interviewers[1], requested=("a code sample",))
    return attrs.evolve(iv, interviewers=[ana, bo], **changes)


def _check_in_contexts(iv: Any, history: list[Any] | None = None, now: Any = None) -> list[Any]:
    schedule = plan(iv, history=history or [], now=now)
    return [
        template_context(action, iv)
        for action in schedule
        if action.kind is ActionKind.CHECK_IN and action.template is not None
    ]


def test_a_planned_note_counts_as_sent_to_its_reader() -> None:
    """As planned, the thank-you carries the items before the first check-in: each
    check-in to Ana may say the material was sent, and Bo's counts as a colleague's."""
    contexts = _check_in_contexts(_asked())
    assert contexts
    assert all(context["items_sent"] for context in contexts)
    assert all(context["items_elsewhere"] == 1 for context in contexts)


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_skipped_note_is_never_called_sent(code: str) -> None:
    """Ana's thank-you skipped, Bo's sent: no check-in to Ana says she got material in
    any language; it may offer Bo's, as a colleague's, since his note went out."""
    iv = _asked()
    iv = attrs.evolve(iv, candidate=attrs.evolve(iv.candidate, language=code))
    schedule = plan(iv)
    ids = dict(zip(schedule, schedule.ids, strict=True))
    notes = {a.recipient.name: a for a in schedule if a.kind is ActionKind.THANK_YOU}
    ana, bo = notes["Ana Ruiz"], notes["Bo Chen"]
    history = [Skip(ana.suggested, ids[ana]), bo.done(bo.suggested)]
    after = plan(iv, history=history)
    check_ins = [a for a in after if a.kind is ActionKind.CHECK_IN and a.template]
    assert check_ins
    for action in check_ins:
        context = template_context(action, iv)
        assert not context["items_sent"]
        assert context["items_elsewhere"] == 1
        assert SENT[code] not in render(action, iv).text


def test_notes_missed_send_nothing_to_anyone() -> None:
    """Replanned long after both notes' windows closed and past the decision date, the
    notes are missed: no check-in says material went to Ana or to her colleague."""
    iv = _asked()
    late = pendulum.instance(iv.starts_at).add(days=30)
    schedule = plan(iv, now=late)
    assert {a.kind for a in schedule.missed} >= {ActionKind.THANK_YOU}
    for context in _check_in_contexts(iv, now=late):
        assert not context["items_sent"]
        assert context["items_elsewhere"] == 0


def test_a_note_done_counts_when_replanned() -> None:
    """Ana's note recorded as sent: the check-ins replanned after it still say so."""
    iv = _asked()
    schedule = plan(iv)
    notes = [a for a in schedule if a.kind is ActionKind.THANK_YOU]
    history = [note.done(note.suggested) for note in notes]
    contexts = _check_in_contexts(iv, history=history)
    assert contexts and all(context["items_sent"] for context in contexts)
