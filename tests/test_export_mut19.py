"""What the nineteenth mutation pass found untested in `export` (issue 20).

Each test reads what a user relies on: a draft's header lines as a mail server
takes them (RFC 5322: at most 998 characters) and as mail programs read them
back, at the exact lengths where a header changes its form.
"""

from __future__ import annotations

from email import message_from_bytes
from email.header import decode_header, make_header
from email.utils import getaddresses
from typing import Any

import pendulum
import pytest

from followup_rules import Candidate, Channel, Interview, Interviewer, plan
from followup_rules.export import to_eml

START = pendulum.datetime(2026, 7, 7, 14, tz="Europe/London")
HARD = 998  # the longest line RFC 5322 allows, CRLF not counted


def _draft(role: str = "Data Engineer", ana: str = "Ana Ruiz", sam: str = "Sam Lee") -> Any:
    iv = Interview(
        START,
        "Acme",
        role,
        [Interviewer(ana, email="ana@acme.example")],
        candidate=Candidate(sam, email="sam@example.com"),
    )
    note = next(a for a in plan(iv) if a.channel is Channel.EMAIL)
    return note, iv, to_eml(note, iv)


def _header_lines(draft: Any, name: str) -> list[str]:
    """The raw lines of one header, its first line and its continuations."""
    head = draft.as_bytes().split(b"\n\n", 1)[0].decode("ascii").split("\n")
    start = next(i for i, line in enumerate(head) if line.startswith(f"{name}: "))
    end = next((i for i in range(start + 1, len(head)) if not head[i].startswith(" ")), len(head))
    return head[start:end]


def _person(draft: Any, name: str) -> tuple[str, str]:
    """A mailbox header as an RFC 2047 reader (a mail program) reads it."""
    raw = message_from_bytes(draft.as_bytes())[name]
    ((shown, address),) = [(str(make_header(decode_header(n))), a) for n, a in getaddresses([raw])]
    return shown, address


class TestANameAtTheLongestLineAllowed:
    """A name of one word is written as it is while ``To: NAME`` fits in 998
    characters, to the last one; one character more and it is written as
    encoded words, every line within 78, read back exactly."""

    @pytest.mark.parametrize(("header", "who"), [("To", "ana"), ("From", "sam")])
    def test_a_name_that_just_fits_stays_as_it_is(self, header: str, who: str) -> None:
        name = "A" * (HARD - len(header) - 2)
        _, _, draft = _draft(**{who: name})
        first = _header_lines(draft, header)[0]
        assert first == f"{header}: {name}"
        assert len(first) == HARD
        assert _person(draft, header)[0] == name

    @pytest.mark.parametrize(("header", "who"), [("To", "ana"), ("From", "sam")])
    def test_one_character_more_is_encoded_within_the_limit(self, header: str, who: str) -> None:
        name = "A" * (HARD - len(header) - 1)
        _, _, draft = _draft(**{who: name})
        lines = _header_lines(draft, header)
        # encoded words of at most 75 characters: every line within 78, as RFC 5322 asks
        assert max(len(line) for line in lines) <= 78
        assert "=?utf-8?" in lines[0]
        assert _person(draft, header)[0] == name

    @pytest.mark.parametrize(("header", "who"), [("To", "ana"), ("From", "sam")])
    def test_a_name_of_two_words_too_long_reads_back_with_its_space(
        self, header: str, who: str
    ) -> None:
        name = "A " + "B" * HARD  # its second word alone is longer than a line may be
        _, _, draft = _draft(**{who: name})
        lines = _header_lines(draft, header)
        assert max(len(line) for line in lines) <= 78
        assert _person(draft, header) == (
            name,
            f"{who}@{'acme.example' if who == 'ana' else 'example.com'}",
        )


class TestALongSecondWord:
    """A later word of a name is measured alone, on its own line: a second word of
    997 characters makes a continuation line of exactly 998, written as it is."""

    @pytest.mark.parametrize(("header", "who"), [("To", "ana"), ("From", "sam")])
    def test_it_stays_as_it_is_on_its_own_line(self, header: str, who: str) -> None:
        name = "Al " + "B" * (HARD - 1)  # 1,000 characters: the longest name allowed
        _, _, draft = _draft(**{who: name})
        lines = _header_lines(draft, header)
        assert lines[:2] == [f"{header}: Al", " " + "B" * (HARD - 1)]
        assert max(len(line) for line in lines) == HARD
        assert _person(draft, header)[0] == name
