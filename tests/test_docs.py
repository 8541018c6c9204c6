"""The docs run, and the rule table cannot drift from the code."""

from __future__ import annotations

import doctest
import re
import runpy
import sys
from pathlib import Path

import pytest

from followup_rules import RULES
from followup_rules.catalogue import rules_page
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


def test_rules_page_is_generated_from_the_catalogue() -> None:
    """Issue 10: docs/rules.md is exactly the page generated from the rules and sources data."""
    page = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert page == rules_page()
    assert catalogue_markdown() in page
    assert "## Where the articles disagree" in page
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


def _blocks(language: str) -> list[tuple[str, str]]:
    found = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        found += [
            (path.name, block) for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)
        ]
    return found


def test_documented_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `followup ...` command shown in the README and docs runs and exits 0."""
    import shlex
    import shutil

    from click.testing import CliRunner

    from followup_rules.cli import main

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    commands = [
        line.strip()
        for _, block in _blocks("sh")
        for line in block.splitlines()
        if line.strip().startswith("followup ")
    ]
    assert len(commands) >= 5
    for command in commands:
        words, _, redirect = command.partition(">")
        result = CliRunner().invoke(main, shlex.split(words)[1:])
        assert result.exit_code == 0, (command, result.stderr)
        if redirect:
            Path(redirect.strip()).write_text(result.stdout)


def test_documented_toml_reads(tmp_path: Path) -> None:
    """The TOML samples in the docs load as what they claim to be."""
    from followup_rules import serialize

    samples = [block for _, block in _blocks("toml")]
    assert samples
    for index, block in enumerate(samples):
        path = tmp_path / f"sample{index}.toml"
        path.write_text(block)
        assert serialize.load_interview(path).company
