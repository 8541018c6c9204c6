"""Mutation pass 22 (mut22e): the sandbox's limits and the command's entry point.

Each test pins behaviour a user of a template pack or of the ``followup``
command relies on, which the mutants of ``_sandbox`` and ``_command`` showed
no test told apart.
"""

from __future__ import annotations

from followup_rules import _sandbox as sandbox


class TestAProblemIsOneReadableLine:
    """`problem` is the one line a `TemplateError` gives for what a template raised."""

    def test_an_error_without_a_message_is_named_alone(self) -> None:
        assert sandbox.problem(ValueError()) == "ValueError"
        assert sandbox.problem(KeyError("")) == "KeyError: ''"

    def test_a_line_of_exactly_300_is_kept_whole(self) -> None:
        text = "x" * 300
        assert sandbox.problem(sandbox.ResourceLimitError(text)) == text

    def test_a_longer_line_is_cut_to_300_with_an_ellipsis(self) -> None:
        line = sandbox.problem(sandbox.ResourceLimitError("x" * 301))
        assert line == "x" * 297 + "..."
