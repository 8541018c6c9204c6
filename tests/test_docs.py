"""The docs run, and the rule table cannot drift from the code."""

from __future__ import annotations

import doctest
import re
import runpy
import sys
from pathlib import Path

import pytest

from followup_rules import RULES
from followup_rules.rules import catalogue_markdown

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_doc_examples_run(path: Path) -> None:
    """Every >>> example in the README and docs/ produces the output shown."""
    failures, _ = doctest.testfile(
        str(path), module_relative=False, optionflags=doctest.NORMALIZE_WHITESPACE
    )
    assert failures == 0


def test_rule_table_matches_the_registry() -> None:
    """docs/rules.md embeds the table generated from the registry, verbatim."""
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert catalogue_markdown() in page
    rows = re.findall(r"^\| `([a-z-]+)` \|", catalogue_markdown(), flags=re.MULTILINE)
    assert rows == list(RULES)


def test_every_rule_is_tested() -> None:
    """Every catalogue rule id is exercised by name somewhere in the tests."""
    text = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (ROOT / "tests").glob("test_*.py")
        if p.name != "test_docs.py"
    )
    missing = [rule_id for rule_id in RULES if f"{rule_id}" not in text]
    assert missing == []


@pytest.mark.parametrize("script", sorted((ROOT / "examples").glob("*.py")), ids=lambda p: p.name)
def test_examples_run(
    script: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each example script runs and prints something (output goes to a temporary place)."""
    monkeypatch.setattr(sys, "argv", [str(script), str(tmp_path / "out")])
    monkeypatch.chdir(tmp_path)
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip()
