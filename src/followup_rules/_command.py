"""The ``followup`` command's entry point: the command line, or one line naming its extra.

The loop10 trial: the README's first install (``pip install .``, the core
install) put a ``followup`` script in the environment that died with a
``ModuleNotFoundError`` traceback, as the command line needs click, which only
the ``cli`` extra installs.
"""

from __future__ import annotations

import sys

NEEDS_EXTRA = (
    "followup: error: the command line needs the 'cli' extra "
    "(missing: {missing}): pip install 'followup-rules[cli]'"
)


def main() -> None:
    """Run the ``followup`` command, or say which extra to install (exit status 2)."""
    try:
        import click  # noqa: F401  (what the command line is written with)
    except ImportError as error:
        sys.stderr.write(NEEDS_EXTRA.format(missing=error.name or "click") + "\n")
        raise SystemExit(2) from None
    from .cli import main as command

    command()
