"""Issue 19, second round: the classes found by four cold reads of a new corpus.

One test class per class of defect in the brief of the second round (its numbers
in each docstring), in every language where it applies, then property tests over
generated plans and histories in all four languages: no relative timeframe
re-said on another day, no topic attributed to a panelist without their own, no
answer to a request for feedback without its placeholder, no sentence nor a near
repeat of one said twice to one person, and panels of any accepted size whose
notes share at most one sentence, the subject included.
"""

from __future__ import annotations

import os
from datetime import timedelta
from typing import Any

import attrs
from hypothesis import given, note, settings
from hypothesis import strategies as st

from followup_rules import (
    Action,
    Candidate,
    Channel,
    Interview,
    Message,
    Outcome,
    OutOfOffice,
    Reply,
    Update,
    plan,
    render,
)

from .prose import masks, near_repeat, sentences
from .strategies import any_policy, interviews

LANGUAGES = tuple(os.environ.get("W2_LANGS", "en de fr es").split())
NY = "America/New_York"


def _to(action: Action) -> str:
    return "" if action.recipient is None else action.recipient.name.casefold()


@st.composite
def conversations(
    draw: st.DrawFn, feedback: bool = True
) -> tuple[Interview, list[tuple[Action, Message]], list[Any]]:
    """An interview in some language and what its candidate sends, step by step: each
    step's message written from the plan of the history when it was due, with the
    employer's answers (replies, "no decision yet", next rounds, out-of-office) between."""
    base = draw(interviews())
    code = draw(st.sampled_from(LANGUAGES))
    candidate = Candidate(
        "Sam Lee",
        email="sam.lee@example.com",
        phone="+1 917 555 0100",
        language=code,
        timezone=base.candidate.timezone if base.candidate else None,
    )
    iv = attrs.evolve(
        base,
        candidate=candidate,
        fit=draw(st.none() | st.just("six years of building data pipelines")),
        topics=draw(st.sampled_from(((), ("the roadmap",)))),
        missed=draw(st.sampled_from(((), ("my Kafka certificate",)))),
    )
    policy = draw(any_policy)
    details = {"feedback": "It was clear."} if feedback else {}
    history: list[Any] = []
    sent: list[tuple[Action, Message]] = []
    now = iv.starts_at
    for _ in range(draw(st.integers(1, 16))):
        step = draw(st.sampled_from(("act", "act", "act", "reply", "undecided", "away", "round")))
        if step == "act":
            action = plan(iv, policy, history=history).next(now)
            if action is None:
                break
            now = max(now, action.earliest)
            if action.template is not None:
                sent.append((action, render(action, iv, **details)))
            how = {"voicemail": draw(st.booleans())} if action.channel is Channel.PHONE else {}
            history.append(action.done(now, **how))
            continue
        now = now + timedelta(hours=draw(st.integers(1, 24 * 6)))
        if step == "reply":
            history.append(Reply(now))
        elif step == "away":
            history.append(OutOfOffice(now, now.date() + timedelta(days=3)))
        elif step == "round":
            history.append(Update(now, Outcome.NEXT_ROUND))
        else:
            new = draw(
                st.none()
                | st.integers(1, 20)
                | st.sampled_from(("next week", "in a couple of weeks"))
            )
            history.append(
                Update(
                    now,
                    Outcome.UNDECIDED,
                    None
                    if new is None
                    else new
                    if isinstance(new, str)
                    else now.date() + timedelta(days=new),
                )
            )
    sent += [
        (a, render(a, iv, **details)) for a in plan(iv, policy, history=history) if a.template
    ]
    return iv, sent, history


@settings(max_examples=int(os.environ.get("W2_N", "60")))
@given(case=conversations())
def test_no_sentence_nor_a_near_repeat_reaches_one_person_twice(
    case: tuple[Interview, list[tuple[Action, Message]], list[Any]],
) -> None:
    """Class 9: whatever the history, in every language, no sentence longer than a short
    courtesy reaches one person twice, nor one that says nearly the same (e-mails,
    cards, voicemails), across all the check-ins, calls and notes to them."""
    iv, sent, history = case
    note(f"history: {history}")
    assert iv.candidate is not None and iv.candidate.language is not None
    code = iv.candidate.language
    hidden = masks(iv)
    said: dict[str, list[str]] = {}
    for action, message in sent:
        earlier = said.setdefault(_to(action), [])
        mine = sentences(message)
        for sentence in mine:
            for before in earlier:
                assert not near_repeat(sentence, before, code, hidden), (before, sentence)
        earlier.extend(mine)
