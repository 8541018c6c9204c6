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
            (path.name, _included(block))
            for block in re.findall(rf"```{language}\n(.*?)```", text, re.S)
        ]
    return found


def _included(block: str) -> str:
    """*block* with its snippet lines (``--8<-- "examples/x.toml"``) replaced by the files."""
    return re.sub(
        r'^--8<-- "([^"]+)"$',
        lambda line: (ROOT / line[1]).read_text(encoding="utf-8"),
        block,
        flags=re.M,
    )


def _steps() -> list[tuple[str, str, str | None]]:
    """The shell steps of the README and docs in reading order: (file, command, output).

    ``sh`` blocks give commands alone; ``console`` blocks give ``$ followup ...``
    lines, each followed by the output it prints (None when nothing is shown).
    """
    steps: list[tuple[str, str, str | None]] = []
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for language, block in re.findall(r"```(sh|console)\n(.*?)```", text, re.S):
            if language == "sh":
                steps += [
                    (path.name, line.strip(), None)
                    for line in block.splitlines()
                    if line.strip().startswith("followup ")
                ]
                continue
            for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
                command, _, output = chunk.partition("\n")
                steps.append((path.name, command.strip(), output.rstrip("\n") or None))
    return steps


def test_documented_commands_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every `followup ...` command shown in the README and docs runs and exits 0.

    They run in reading order in one directory, so the daily loop of
    docs/cli.md (plan, today, log, today again, re-export) runs as a person
    would type it; where a page shows the output, the command prints exactly
    that on an 80-column screen.
    """
    import shlex
    import shutil

    from click.testing import CliRunner

    from followup_rules.cli import main

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    steps = _steps()
    assert len(steps) >= 5
    for page, command, shown in steps:
        words, _, redirect = command.partition(" > ")
        result = CliRunner().invoke(main, shlex.split(words)[1:], env={"COLUMNS": "80"})
        assert result.exit_code == 0, (page, command, result.stderr)
        if redirect:
            Path(redirect.strip()).write_text(result.stdout)
        if shown is not None:
            printed = "\n".join(line.rstrip() for line in result.stdout.rstrip("\n").splitlines())
            assert shown == printed, (page, command)


def test_documented_toml_reads(tmp_path: Path) -> None:
    """The TOML samples in the docs load as what they claim to be."""
    from followup_rules import serialize

    samples = [block for _, block in _blocks("toml")]
    assert samples
    for index, block in enumerate(samples):
        path = tmp_path / f"sample{index}.toml"
        path.write_text(block)
        if re.match(r"(#[^\n]*\n|\s)*\[\[event\]\]", block):  # a history
            assert serialize.load_history(path)
        elif re.search(r"^(starts_at|history) =", block, re.M):
            assert serialize.load_interview(path).company
        else:  # a policy
            assert serialize.load_policy(path)


def test_the_api_reference_covers_every_public_name() -> None:
    """docs/api.md has a `:::` entry for each name in the public __all__ lists."""
    import importlib

    import followup_rules

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    entries = set(re.findall(r"^::: followup_rules\.[\w.]+\.(\w+)$", page, flags=re.M))
    public = {
        *(name for name in followup_rules.__all__ if name != "__version__"),
        *(
            name
            for module in ("serialize", "export", "identity", "agenda", "loop", "files")
            for name in importlib.import_module(f"followup_rules.{module}").__all__
        ),
    }
    assert sorted(public - entries) == []
