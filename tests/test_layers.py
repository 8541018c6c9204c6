"""The package has layers, and no module imports one above its own (issue 20, review 2.1).

Read from the source, not from a running interpreter, so that the imports a
module makes inside a function or only for type checkers count too.  A
module may import any module of a lower layer, and modules of its own layer
as long as the run-time imports make no cycle.  An import for type checkers
alone (under ``TYPE_CHECKING``) may point upwards only where `TYPING_UP`
says why: a strategy annotated with the state it reads, as tenacity's
``stop`` and ``wait`` annotate ``RetryCallState``.

The layers, lowest first:

- **leaf**: errors, the sources, locale names, grammar, a region's own words
  (`_regional`), the calendar zones' rules, the command line's help texts: they
  import nothing of the package.
- **catalogue**: the rule records and the page written from them.
- **base**: business days and zones (`_calendar`), field checks (`_validate`).
- **data**: what the user gives: timeframes, the interview, events, the policy
  (with its default choices), the facts a message may state, the step
  kinds, and the words that name a step or an event in each language.
- **fold**: a planned step (`Action`, `Plan`), step ids, and the state a
  history folds into.
- **planner**: the limits, the rules, `plan`, `audit`, the agenda and the
  daily loop.
- **edges**: writing messages, files, calendars and drafts, the command
  line, and the package's own ``__init__``.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import followup_rules

PACKAGE = Path(followup_rules.__file__).parent

LAYERS: tuple[frozenset[str], ...] = (
    frozenset(
        {"errors", "sources", "_locale", "_grammar", "_regional", "_vtimezone", "_cli_help"}
    ),
    frozenset({"_rules_page", "catalogue"}),
    frozenset({"_calendar", "_validate"}),
    frozenset(
        {
            "timeframe",
            "model",
            "events",
            "_steps",
            "_step_words",
            "_said",
            "facts",
            "_members",
            "policy",
        }
    ),
    frozenset({"action", "identity", "state", "_why"}),
    frozenset({"limits", "rules", "plan", "audit", "agenda", "loop"}),
    frozenset(
        {
            "_atomic",
            "_languages",
            "_sandbox",
            "messages",
            "serialize",
            "files",
            "export",
            "_terminal",
            "_cli_base",
            "_cli_history",
            "_cli_setup",
            "cli",
            "_command",
            "__init__",
        }
    ),
)

TYPING_UP: dict[tuple[str, str], str] = {
    ("policy", "state"): "the hooks are annotated with the FollowupState they read",
    ("facts", "state"): "the fact builders are annotated with the FollowupState they read",
}
"""Imports for type checkers that point upwards, each with its reason."""


def _layer_of(module: str) -> int:
    for index, layer in enumerate(LAYERS):
        if module in layer:
            return index
    raise AssertionError(f"{module}.py is in no layer: add it to LAYERS in {__name__}")


def _imports(module: str) -> list[tuple[str, str]]:
    """(imported module, how) for each import of the package in *module*.

    *how* is ``"top"``, ``"function"`` or ``"typing"``.
    """
    found: list[tuple[str, str]] = []
    if (PACKAGE / module).is_dir():  # a subpackage: its modules' imports of the package
        for path in sorted((PACKAGE / module).glob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            found.extend(_imports_of(tree, inside=True))
        return found
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    return _imports_of(tree, inside=False)


def _imports_of(tree: ast.AST, *, inside: bool) -> list[tuple[str, str]]:
    """(imported module, how) for each import of the package in *tree*; *inside* a subpackage,
    ``from ..x`` is the package's ``x`` and ``from .x`` the subpackage's own (left out)."""
    found: list[tuple[str, str]] = []

    def visit(node: ast.AST, how: str) -> None:
        for child in ast.iter_child_nodes(node):
            inner = how
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = "typing" if how == "typing" else "function"
            elif isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for each in child.body:
                    visit_one(each, "typing")
                for each in child.orelse:
                    visit_one(each, how)
                continue
            visit_one(child, inner)

    def visit_one(child: ast.AST, how: str) -> None:
        if isinstance(child, ast.ImportFrom):
            for name in _targets(child, inside):
                found.append((name, how))
        elif isinstance(child, ast.Import):
            for alias in child.names:
                parts = alias.name.split(".")
                if parts[0] == "followup_rules" and len(parts) > 1:
                    found.append((parts[1], how))
        visit(child, how)

    visit(tree, "top")
    return found


def _targets(node: ast.ImportFrom, inside: bool = False) -> list[str]:
    if inside:
        if node.level == 1:
            return []  # the subpackage's own modules
        if node.level == 2:
            return [node.module.split(".")[0]] if node.module else [a.name for a in node.names]
    if node.level == 1:
        if node.module:
            return [node.module.split(".")[0]]
        return [alias.name for alias in node.names]
    if node.level == 0 and node.module and node.module.split(".")[0] == "followup_rules":
        parts = node.module.split(".")
        return [parts[1]] if len(parts) > 1 else [alias.name for alias in node.names]
    return []


MODULES = sorted(
    [path.stem for path in PACKAGE.glob("*.py")]
    + [path.name for path in PACKAGE.iterdir() if (path / "__init__.py").is_file()]
)


def test_every_module_has_a_layer() -> None:
    """A new module says where it belongs before it can import anything."""
    for module in MODULES:
        _layer_of(module)


def test_no_module_imports_a_higher_layer() -> None:
    """Run-time imports (at the top or inside a function) point down or sideways."""
    upward = [
        f"{module} -> {target} ({how})"
        for module in MODULES
        for target, how in _imports(module)
        if target != module
        and _layer_of(target) > _layer_of(module)
        and (how != "typing" or (module, target) not in TYPING_UP)
    ]
    assert upward == []


def test_the_run_time_imports_make_no_cycle() -> None:
    """Within a layer too: the modules can be read, and imported, in one order."""
    graph = {
        module: {
            target for target, how in _imports(module) if how != "typing" and target != module
        }
        for module in MODULES
    }
    done: set[str] = set()
    cycles: list[list[str]] = []

    def walk(module: str, path: list[str]) -> None:
        if module in path:
            cycles.append([*path[path.index(module) :], module])
            return
        if module in done:
            return
        for target in sorted(graph.get(module, ())):
            walk(target, [*path, module])
        done.add(module)

    for module in MODULES:
        walk(module, [])
    assert cycles == []


def test_the_typing_exceptions_are_still_needed() -> None:
    """An exception nobody uses any more is taken out of `TYPING_UP`."""
    used = {
        (module, target)
        for module in MODULES
        for target, how in _imports(module)
        if how == "typing" and _layer_of(target) > _layer_of(module)
    }
    assert set(TYPING_UP) == used


def test_the_data_model_imports_no_planner() -> None:
    """A plain ``import followup_rules.model`` loads no rule module (issue 20, "Done when").

    The package's ``__init__`` loads its public names on first use, so
    importing one module runs only that module and what it imports itself.
    """
    code = (
        "import sys\n"
        "import followup_rules.model\n"
        "print(' '.join(sorted(m for m in sys.modules if m.startswith('followup_rules.'))))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()
    assert shown == [
        "followup_rules._calendar",
        "followup_rules._locale",
        "followup_rules._validate",
        "followup_rules.errors",
        "followup_rules.model",
        "followup_rules.timeframe",
    ]


def test_the_package_loads_each_public_name_on_first_use() -> None:
    """Every name of ``__all__`` works from the package, whatever was imported first.

    ``plan``, ``agenda`` and ``audit`` are functions named like their
    modules: importing the module first still leaves the function on the
    package, as an eager ``__init__`` did.
    """
    code = (
        "import sys, types\n"
        "import followup_rules.plan, followup_rules.agenda, followup_rules.audit\n"
        "import followup_rules as f\n"
        "assert 'followup_rules.messages' not in sys.modules\n"
        "assert all(callable(getattr(f, n)) for n in ('plan', 'agenda', 'audit'))\n"
        "assert not any(isinstance(getattr(f, n), types.ModuleType) for n in f.__all__)\n"
        "assert set(f.__all__) <= set(dir(f))\n"
        "namespace = {}\n"
        "exec('from followup_rules import *', namespace)\n"
        "assert set(f.__all__) <= set(namespace), set(f.__all__) - set(namespace)\n"
        "assert namespace['plan'] is sys.modules['followup_rules.plan'].plan\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_dir_of_the_package_lists_its_api_not_its_own_imports() -> None:
    """``dir(followup_rules)`` (what a REPL or an IDE completes) is the public API.

    The package's own helpers (``sys``, ``Any``, ``import_module``,
    ``ModuleType``, ``TYPE_CHECKING``) are not names an app should reach for.
    """
    import followup_rules

    public = {name for name in dir(followup_rules) if not name.startswith("_")}
    assert public == set(followup_rules.__all__) - {"__version__"}
    assert "__version__" in dir(followup_rules)
