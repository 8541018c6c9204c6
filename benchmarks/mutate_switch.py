"""Mutation testing through mutmut's switch: many mutants in one process.

mutmut 3 (``benchmarks/mutation.sh``) forks a process and runs the selected
tests for every mutant: 8 to 15 seconds a mutant on this machine.  Its
mutated code chooses the function to run at each call, by reading the
``MUTANT_UNDER_TEST`` environment variable (the trampoline), so one pytest
session can collect a few fast tests once and run them again for mutant
after mutant, setting the variable in between: a few mutants a second.

Two steps::

    # 1. write the mutated modules (mutmut's own generator) into mutants/src;
    #    every other file of the package is copied as it is.
    python benchmarks/mutate_switch.py generate messages

    # 2. run the mutants whose names match a glob against the tests given
    python benchmarks/mutate_switch.py run \\
        'followup_rules.messages.x_template_context__mutmut_*' \\
        --out /tmp/survivors.txt -- tests/test_messages.py -k 'not slow'

``run`` prints one line a mutant (killed, survived, timeout) and writes the
survivors' names to ``--out``.  A mutant is killed at the first test that
fails; a test using more than ``--timeout`` seconds of CPU counts as a hang
(caught; CPU time, not the clock's, since the machine is shared).
The tests run with the Hypothesis profile ``followup-mutation``, under which
``tests/conftest.py`` empties every cache of the package before each test,
so no mutant sees an answer cached under another.  First the tests are run
with no mutant active: if any fails, nothing is reported.

Limits: code run at import (module constants, checks made when the module
loads) is imported once, unmutated; such mutants need one process each
(``MUTANT_UNDER_TEST`` set before the import).  A narrow test selection can
only under-count kills: run a survivor against the whole suite before
calling it a gap.  ``mutants/`` is never committed.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mutants"
NAMES = OUT / "switch-names.txt"


def generate(modules: list[str]) -> None:
    """Copy ``src`` to ``mutants/src``, mutating the modules named."""
    from mutmut.mutation.file_mutation import mutate_file_contents
    from mutmut.utils.format_utils import get_mutant_name

    target = OUT / "src"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(
        ROOT / "src", target, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info")
    )
    names: list[str] = []
    for module in modules:
        relative = Path("src", "followup_rules", *module.split(".")).with_suffix(".py")
        mutated = mutate_file_contents(
            str(relative), (ROOT / relative).read_text(encoding="utf-8")
        )
        (OUT / relative).write_text(mutated.code, encoding="utf-8")
        names += [get_mutant_name(relative, name) for name in mutated.mutant_names]
    NAMES.write_text("".join(name + "\n" for name in names), encoding="utf-8")
    print(f"{len(names)} mutants of {', '.join(modules)} in {OUT / 'src'}")


class _Hang(Exception):
    pass


def _alarm(signum: int, frame: Any) -> None:
    raise _Hang


class _Switch:
    """A pytest plugin: collect once, then run every item once per mutant."""

    def __init__(self, mutants: list[str], timeout: float, out: Path | None) -> None:
        self.mutants = mutants
        self.timeout = timeout
        self.out = out
        self.results: dict[str, str] = {}
        self.order: list[Any] = []
        self.took: dict[str, float] = {}
        self.clean = False
        self.quick = 0.0
        self._forget_everything: Any = None

    def _forget(self) -> None:
        """Empty every cache of the package: once a mutant, not once a test."""
        if self._forget_everything is not None:
            self._forget_everything()

    def _fails(self, session: Any) -> str | None:
        from _pytest.runner import runtestprotocol

        items = self.order or session.items
        self._forget()
        for index, item in enumerate(items):
            following = items[index + 1] if index + 1 < len(items) else None
            began = time.process_time()
            signal.setitimer(signal.ITIMER_VIRTUAL, self.timeout)
            failed: str | None
            try:
                reports = runtestprotocol(item, log=False, nextitem=following)
            except _Hang:
                failed = f"timeout in {item.nodeid}"
            else:
                failed = next(
                    (
                        ("timeout in " if "_Hang" in str(report.longrepr) else "")
                        + f"{item.nodeid} ({report.when})"
                        for report in reports
                        if report.failed
                    ),
                    None,
                )
            finally:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
            if failed is not None:
                # Stopped early: tear down what the next item would have used,
                # so the next mutant's run starts from nothing set up.
                session._setupstate.teardown_exact(None)
                # The test that killed this mutant runs first for the next one
                # (mutants of one function are mostly killed by the same
                # tests), unless it is one of the slow ones.
                if self.took.get(item.nodeid, 0.0) <= self.quick:
                    self.order = [item, *(other for other in items if other is not item)]
                return failed
            if self.clean:
                self.took[item.nodeid] = time.process_time() - began
        return None

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtestloop(self, session: Any) -> bool:
        # A failure is reported by its exception's line alone: pytest's usual
        # report parses the source of every frame, and a mutated module is
        # hundreds of thousands of lines (half a minute a failure).
        for item in session.items:
            item.repr_failure = lambda excinfo, *args, **kwargs: excinfo.exconly()
        signal.signal(signal.SIGVTALRM, _alarm)
        # tests/conftest.py empties every cache before each test under the
        # mutation profile (mutmut forks after they fill); here they are
        # emptied before each mutant's first test instead, which is enough
        # (no answer cached under one mutant reaches another) and much quicker.
        # A failing property is reported at once, unshrunk: only the kill matters.
        from hypothesis import Phase, settings

        settings.register_profile(
            "followup-switch",
            parent=settings.get_profile("followup-mutation"),
            phases=[Phase.explicit, Phase.reuse, Phase.generate],
        )
        settings.load_profile("followup-switch")
        conftest = next(
            (module for name, module in sys.modules.items() if name.endswith("conftest")), None
        )
        if conftest is not None and hasattr(conftest, "_forget_everything"):
            self._forget_everything = getattr(conftest, "_forget_everything")  # noqa: B009
            setattr(conftest, "_forget_everything", lambda: None)  # noqa: B010
        os.environ.pop("MUTANT_UNDER_TEST", None)
        start = time.monotonic()
        self.clean = True
        clean = self._fails(session)
        self.clean = False
        # The quickest tests first; a test that kills may move to the front
        # if it takes no more than a twentieth of the whole run.
        self.order = sorted(session.items, key=lambda item: self.took.get(item.nodeid, 0.0))
        self.quick = sum(self.took.values()) / 20
        if clean is not None:
            print(f"the tests fail with no mutant active: {clean}", file=sys.stderr)
            session.testsfailed = 1
            return True
        print(
            f"{len(session.items)} tests, clean run {time.monotonic() - start:.1f} s", flush=True
        )
        survivors: list[str] = []
        for number, mutant in enumerate(self.mutants, 1):
            os.environ["MUTANT_UNDER_TEST"] = mutant
            began = time.monotonic()
            failed = self._fails(session)
            os.environ.pop("MUTANT_UNDER_TEST", None)
            if failed is None:
                status = "survived"
                survivors.append(mutant)
            elif failed.startswith("timeout"):
                status = "timeout"
            else:
                status = "killed"
            self.results[mutant] = status
            took = time.monotonic() - began
            print(
                f"[{number}/{len(self.mutants)}] {mutant}: {status} {took:.1f} s ({failed or ''})",
                flush=True,
            )
            if self.out is not None:
                self.out.write_text("".join(name + "\n" for name in survivors), encoding="utf-8")
        counts = {
            status: list(self.results.values()).count(status)
            for status in ("killed", "timeout", "survived")
        }
        total = len(self.results)
        print(f"{counts} of {total} mutants in {time.monotonic() - start:.0f} s", flush=True)
        if total:
            print(f"killed or timed out: {(counts['killed'] + counts['timeout']) / total:.1%}")
        return True


def run(patterns: list[str], timeout: float, out: Path | None, pytest_args: list[str]) -> int:
    """Run the mutants matching *patterns* against the tests *pytest_args* select."""
    every = NAMES.read_text(encoding="utf-8").split()
    mutants = [
        name for name in every if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)
    ]
    if not mutants:
        print("no mutant matches", file=sys.stderr)
        return 2
    # The mutated package first: the tests import it, and mutmut's helpers.
    sys.path.insert(0, str(OUT / "src"))
    for name in [name for name in sys.modules if name.split(".")[0] == "followup_rules"]:
        del sys.modules[name]
    os.environ.setdefault("HYPOTHESIS_PROFILE", "followup-mutation")
    plugin = _Switch(mutants, timeout, out)
    code = pytest.main(["-q", "-p", "no:cacheprovider", *pytest_args], plugins=[plugin])
    import followup_rules

    if not str(followup_rules.__file__).startswith(str(OUT)):
        print(f"the tests imported {followup_rules.__file__}, not the mutants", file=sys.stderr)
        return 2
    return int(code)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    steps = parser.add_subparsers(dest="step", required=True)
    making = steps.add_parser(
        "generate", help="write the mutants of the modules named (e.g. messages)"
    )
    making.add_argument("modules", nargs="+")
    running = steps.add_parser(
        "run", help="run the mutants matching the globs against the tests after --"
    )
    running.add_argument("patterns", nargs="+", help="mutant names or globs")
    running.add_argument(
        "--timeout", type=float, default=30.0, help="CPU seconds a test may take (a hang)"
    )
    running.add_argument("--out", type=Path, help="file for the survivors' names")
    argv = sys.argv[1:]
    rest = argv[argv.index("--") + 1 :] if "--" in argv else []
    arguments = parser.parse_args(argv[: argv.index("--")] if "--" in argv else argv)
    if arguments.step == "generate":
        generate(arguments.modules)
        return 0
    return run(arguments.patterns, arguments.timeout, arguments.out, rest)


if __name__ == "__main__":
    sys.exit(main())
