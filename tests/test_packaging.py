"""Releases an app can pin (issue 18, item 10): one version, a core install that works.

.ci/run builds the sdist and the wheel and runs scripts/wheel_smoke.py against
the wheel alone in a fresh environment; these tests keep the metadata that
makes that possible true.
"""

from __future__ import annotations

import ast
import re
import sys
from importlib.metadata import version
from pathlib import Path

import followup_rules

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~;\[ ]", requirement, maxsplit=1)[0].lower()


def _third_party_imports(module: Path) -> set[str]:
    """The top-level names of the packages *module* imports, at any depth in it."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names}


def test_the_version_is_written_once() -> None:
    """pyproject holds the version; __version__ is the installed metadata's."""
    assert followup_rules.__version__ == version("followup-rules") == PROJECT["version"]
    sources = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "src").rglob("*.py"))
    assert PROJECT["version"] not in re.findall(r"\d+\.\d+\.\d+", sources)


def test_files_and_exports_need_no_extra() -> None:
    """serialize, export and files work on the core install (cattrs, icalendar and
    tomlkit are core).

    Before, ``from followup_rules import serialize`` failed with a bare
    ``No module named 'cattrs'`` without the cli extra, and `files.HistoryFile`
    with ``No module named 'tomlkit'`` (the integrator's trial, item 24).
    """
    core = {_name(requirement) for requirement in PROJECT["dependencies"]}
    package = ROOT / "src" / "followup_rules"
    needed = set().union(
        *(
            _third_party_imports(package / f"{name}.py")
            for name in ("serialize", "export", "files", "loop")
        )
    )
    aliases = {"tomli": "tomli", "jinja2": "jinja2", "markupsafe": "jinja2"}
    assert {aliases.get(name, name) for name in needed} - {"followup_rules"} <= core


def test_the_plan_schema_ships_in_the_package() -> None:
    """The schemas, the plan's included, are package data (the wheel builds from src)."""
    schemas = {path.name for path in (ROOT / "src" / "followup_rules" / "schemas").iterdir()}
    assert {
        "history.schema.json",
        "interview.schema.json",
        "plan.schema.json",
        "policy.schema.json",
    } <= schemas
