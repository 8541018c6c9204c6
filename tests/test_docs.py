"""The docs run, and the rule table cannot drift from the code."""

from __future__ import annotations

import doctest
import re
import runpy
from pathlib import Path

import pytest

from followup_rules import RULES

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
    """docs/rules.md lists every rule with its sources and knobs, in catalogue order."""
    rows = re.findall(
        r"^\| `([a-z-]+)` \| (.+?) \| ([\d, ]+) \| (.+?) \|$",
        (ROOT / "docs" / "rules.md").read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert [row[0] for row in rows] == list(RULES)
    for rule_id, summary, sources, knobs in rows:
        rule = RULES[rule_id]
        assert summary == rule.summary
        assert sources.split(", ") == [s[:3] for s in rule.sources]
        assert re.findall(r"`(\w+)`", knobs) == list(rule.knobs)


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
def test_examples_run(script: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each example script runs and prints something."""
    runpy.run_path(str(script), run_name="__main__")
    assert capsys.readouterr().out.strip()
