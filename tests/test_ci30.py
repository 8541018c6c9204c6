"""The test helpers' costs that made the CI run slow (issue 20, ci30).

A strategy built inside a draw is validated on its first draw, every draw: the
interview strategies spent most of a property test's time there.  And a panel's
notes are compared pair by pair: a sentence's words, its days and values set
aside, are worked out once, not once per pair.
"""

from __future__ import annotations

from typing import Any
from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.strategies._internal.strategies import OneOfStrategy

from . import prose
from .strategies import interviewers


def test_drawing_interviewers_builds_no_strategy() -> None:
    """The interviewers' strategies exist before the draws: none is built in one."""
    built: list[object] = []
    original = OneOfStrategy.__init__

    def counting(self: OneOfStrategy[Any], *args: Any, **kwargs: Any) -> None:
        built.append(self)
        original(self, *args, **kwargs)

    @settings(max_examples=10, database=None, derandomize=True)
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        assert data.draw(interviewers("UTC"))

    with mock.patch.object(OneOfStrategy, "__init__", counting):
        draw()
    assert built == []


def test_a_sentence_is_set_aside_once_whatever_the_pairs() -> None:
    """Comparing one sentence with many reads its words once (the panel test's cost)."""
    prose._undated_once.cache_clear()
    sentence = "Thank you for the tour of the lab on Tuesday, July 7, Ana."
    others = [f"I enjoyed meeting you, Person{n}." for n in range(20)]
    assert prose.panel_overlap([sentence], others, "en", ("Ana",)) == []
    assert prose._undated_once.cache_info().misses == 21
    assert prose.panel_overlap([sentence], others, "en", ("Ana",)) == []
    assert prose._undated_once.cache_info().misses == 21
    assert prose._undated(sentence, ["Ana"]) == prose._undated(sentence, ("Ana",))
