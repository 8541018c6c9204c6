"""File formats in detail: each refusal's words, each limit's edge, the text written.

Issue 11 (mutation testing of serialize.py): every test here pins what a user
sees or relies on, one behaviour each: the file, key path and problem a
`FormatError` names, where a limit starts to refuse, and what a writer puts
on disk.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from followup_rules import Policy
from followup_rules import serialize as s


def refusal(build: Callable[[], object]) -> s.FormatError:
    """The FormatError that *build* raises."""
    with pytest.raises(s.FormatError) as raised:
        build()
    return raised.value


class TestKeys:
    def test_keys_that_are_not_text_are_named_too(self) -> None:
        """Python data may mix 1 and 'zz' as keys: one FormatError names both (was a TypeError)."""
        error = refusal(lambda: s.structure({1: 2, "zz": 3}, Policy))
        expected = "<data>: $: unknown key(s): 1, zz"
        assert expected == str(error)
