"""The ``followup`` command: plan, render, audit, list rules, print a preset.

This is the I/O edge: it reads files, may read the clock when ``--now`` is
left out (only ``render``), and writes output.  Errors are one line on stderr
and exit status 2; ``audit`` exits 1 when the log is pushy.
"""

from __future__ import annotations

import functools
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
import pendulum

from . import _calendar as cal
from . import serialize
from .action import Plan
from .audit import audit
from .errors import FollowupError, _short_repr
from .events import Event
from .export import eml_name, to_eml, to_ics
from .messages import TemplatePack
from .model import Channel, Interview
from .plan import plan as make_plan
from .policy import PRESETS, Policy
from .rules import RULES, catalogue_markdown

F = TypeVar("F", bound=Callable[..., Any])

EXAMPLES = """
\b
Examples:
  followup plan interview.toml
  followup plan interview.toml --history events.toml --now 2026-07-20T09:00-04:00
  followup plan interview.toml --format ics -o followup.ics --now 2026-07-01T00:00Z
  followup plan interview.toml --format eml -o drafts/
  followup render interview.toml --detail fit="six years of data pipelines"
  followup audit interview.toml events.toml
  followup policy --preset cautious > policy.toml
"""


def _fail(message: str) -> None:
    click.echo(f"followup: error: {message}", err=True)
    sys.exit(2)


class BadInput(click.ClickException):
    """Bad input on the command line: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"followup: error: {self.message}", err=True)


def friendly(command: F) -> F:
    """Turn every error into one line on stderr and exit status 2: never a traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except FollowupError as error:
            _fail(str(error))
        except BrokenPipeError:  # e.g. piped into head: nothing more to say
            sys.stderr.close()
            sys.exit(0)
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            _fail(f"{where}{error.strerror or error}")
        except Exception as error:  # a bug: still one line, with what to report
            _fail(f"unexpected {type(error).__name__}: {error} (please report this)")
        return None

    return run  # type: ignore[return-value]


def _parse_now(value: str | None) -> pendulum.DateTime | None:
    if value is None:
        return None
    try:
        return serialize.parse_aware_datetime(value)
    except ValueError as error:
        raise BadInput(f"--now: {error}") from None


def _load(
    interview_path: str, policy_path: str | None, history_path: str | None
) -> tuple[Interview, Policy, list[Event]]:
    interview = serialize.load_interview(interview_path)
    policy = serialize.load_policy(policy_path) if policy_path else Policy()
    history = serialize.load_history(history_path) if history_path else []
    return interview, policy, history


def _display_zone(interview: Interview, zone_name: str | None) -> Any:
    if zone_name is not None:
        try:
            return cal.zone(zone_name)
        except ValueError:
            raise BadInput(f"--tz: unknown time zone {_short_repr(zone_name)}") from None
    return interview.zone_of(interview.candidate)


def table(schedule: Plan, zone: Any) -> str:
    """A readable table in *zone*: when, what, channel, window, rule."""
    if not schedule:
        return "Nothing left to do: every allowed step is done.\n"
    rows = [("When", "What", "Window", "Rule")]
    for action in schedule:
        when = action.suggested.in_timezone(zone)
        opens, closes = action.earliest.in_timezone(zone), action.latest.in_timezone(zone)
        span = (
            f"{opens.format('HH:mm')}-{closes.format('HH:mm')}"
            if opens.date() == closes.date()
            else f"until {closes.format('ddd D MMM HH:mm')}"
        )
        rows.append((when.format("ddd D MMM YYYY HH:mm"), action.describe(), span, action.rule))
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    zone_label = cal.zone_name(zone, schedule[0].suggested)
    return "\n".join(lines) + f"\n(times in {zone_label})\n"


_NOT_REGULAR = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _output_target(path: Path) -> tuple[Path, int]:
    """Where writing *path* lands, and the permission bits the new file gets.

    A symbolic link is followed: its final target is replaced, as a shell's
    ``>`` would write it, and the link stays a link.  An existing regular file
    keeps its permission bits; a new one gets ``0o666`` less the umask, as
    ``open()`` would give it.  Anything else there (a directory, a FIFO, a
    device, a socket) is refused: replacing it by a file is never what was meant.

    Raises:
        BadInput: the target is not a regular file, or the links loop.
    """
    target = Path(os.path.realpath(path))
    try:
        found = os.lstat(target)
    except FileNotFoundError:
        return target, 0o666 & ~_umask()
    except OSError as error:
        raise BadInput(f"cannot write {path}: {error.strerror or error}") from None
    if stat.S_ISLNK(found.st_mode):  # realpath stops where links loop
        raise BadInput(f"cannot write {path}: its symbolic links loop")
    for test, what in _NOT_REGULAR:
        if test(found.st_mode):
            shown = path if target == Path(os.path.abspath(path)) else f"{path} (-> {target})"
            raise BadInput(f"cannot write {shown}: it is {what}, not a regular file")
    return target, stat.S_IMODE(found.st_mode) & 0o777


def _umask() -> int:
    return serialize.umask()


def _write_atomically(path: Path, data: bytes) -> None:
    """Write *data* to *path* through a temporary file, so nothing is half written.

    See `_output_target` for symbolic links, modes and what is refused.
    """
    target, mode = _output_target(path)
    _replace(path, target, mode, data)


def _replace(path: Path, target: Path, mode: int, data: bytes) -> None:
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    except OSError as error:
        raise BadInput(f"cannot write {path}: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as file:
            if hasattr(os, "fchmod"):  # mkstemp makes 0600 files
                os.fchmod(file.fileno(), mode)
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@click.group(epilog=EXAMPLES)
@click.version_option(package_name="followup-rules", prog_name="followup")
def main() -> None:
    """Plan polite job-interview follow-ups: what to send, to whom, when and how."""


common_inputs = [
    click.argument("interview", type=click.Path(dir_okay=False)),
    click.option(
        "--policy",
        "policy_path",
        type=click.Path(dir_okay=False),
        help="A policy file (TOML or JSON); the consensus policy by default.",
    ),
    click.option(
        "--history",
        "history_path",
        type=click.Path(dir_okay=False),
        help="What happened so far: events.toml ([[event]] tables) or a JSON list.",
    ),
    click.option(
        "--now",
        "now_text",
        metavar="ISO",
        help="Only steps still doable at this time (ISO 8601 with offset).",
    ),
]


def inputs(command: F) -> F:
    for decorator in reversed(common_inputs):
        command = decorator(command)
    return command


@main.command("plan", epilog=EXAMPLES)
@inputs
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "ics", "eml"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option("-o", "--output", type=click.Path(), help="Write here (a directory for eml).")
@click.option(
    "--tz",
    "zone_name",
    metavar="ZONE",
    help="Show the table in this zone (default: the candidate's).",
)
@friendly
def plan_command(
    interview: str,
    policy_path: str | None,
    history_path: str | None,
    now_text: str | None,
    fmt: str,
    output: str | None,
    zone_name: str | None,
) -> None:
    """Print the follow-up plan of INTERVIEW (a .toml or .json file)."""
    now = _parse_now(now_text)
    loaded, policy, history = _load(interview, policy_path, history_path)
    schedule = make_plan(loaded, policy, history=history)
    if now is not None:
        schedule = schedule.upcoming(now)
    if fmt == "eml":
        if output is None:
            raise BadInput("--format eml needs -o DIRECTORY for the drafts")
        _write_drafts(schedule, loaded, Path(output))
        return
    if fmt == "ics":
        if now is None:
            raise BadInput("--format ics needs --now (the calendar's timestamp)")
        data = to_ics(schedule, loaded, now=now, history=history)
    elif fmt == "json":
        data = serialize.dumps_json(schedule).encode()
    else:
        data = table(schedule, _display_zone(loaded, zone_name)).encode()
    if output is None:
        click.echo(data.decode(), nl=False)
    else:
        _write_atomically(Path(output), data)


def _write_drafts(schedule: Plan, interview: Interview, directory: Path) -> None:
    drafts = [
        (eml_name(index, action), to_eml(action, interview).as_bytes())
        for index, action in enumerate(schedule, start=1)
        if action.channel is Channel.EMAIL
    ]  # all rendered before anything is written
    if directory.exists() and not directory.is_dir():
        raise BadInput(f"cannot write drafts into {directory}: it is not a directory")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BadInput(
            f"cannot write drafts into {directory}: {error.strerror or error}"
        ) from None
    if not os.access(directory, os.W_OK):
        raise PermissionError(13, "not writable", str(directory))
    # Every target checked before the first is written: a FIFO or a
    # directory in the way leaves no draft half the set written.
    targets = [
        (directory / name, *_output_target(directory / name), data) for name, data in drafts
    ]
    for path, target, mode, data in targets:
        _replace(path, target, mode, data)
    click.echo(f"{len(drafts)} draft(s) written to {directory}")


@main.command("render", epilog=EXAMPLES)
@inputs
@click.option(
    "--templates",
    type=click.Path(file_okay=False, exists=True),
    help="Your own template directory (overrides the built-ins).",
)
@click.option("--locale", default="en", show_default=True, help="How dates read.")
@click.option(
    "--detail",
    "details",
    multiple=True,
    metavar="KEY=VALUE",
    help="A template detail, e.g. fit='six years of Kafka'. Repeatable.",
)
@friendly
def render_command(
    interview: str,
    policy_path: str | None,
    history_path: str | None,
    now_text: str | None,
    templates: str | None,
    locale: str,
    details: tuple[str, ...],
) -> None:
    """Write the messages of the steps of INTERVIEW still to do."""
    now = _parse_now(now_text)
    loaded, policy, history = _load(interview, policy_path, history_path)
    extra: dict[str, str] = {}
    for item in details:
        key, sep, value = item.partition("=")
        if not sep or not key.isidentifier():
            raise BadInput(f"--detail: {item!r} is not KEY=VALUE")
        extra[key] = value
    pack = TemplatePack(templates, locale=locale)
    schedule = make_plan(loaded, policy, history=history)
    if now is not None:
        schedule = schedule.upcoming(now)
    to_render = [action for action in schedule if action.template is not None]
    # Every message is rendered before the first is printed: a detail that
    # breaks a later template prints nothing rather than half the output.
    rendered = [(action, pack.render(action, loaded, **extra)) for action in to_render]
    blocks = []
    for action, message in rendered:
        when = action.suggested.format("ddd D MMM YYYY HH:mm zz")
        lines = [f"=== {when}: {action.describe()} [{action.rule}]", f"To: {message.to}"]
        if message.subject:
            lines.append(f"Subject: {message.subject}")
        blocks.append("\n".join(lines) + f"\n\n{message.text}\n\n")
    click.echo("".join(blocks), nl=False)


@main.command("audit", epilog=EXAMPLES)
@click.argument("interview", type=click.Path(dir_okay=False))
@click.argument("events", type=click.Path(dir_okay=False))
@click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False),
    help="A policy file; the consensus policy by default.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@friendly
def audit_command(interview: str, events: str, policy_path: str | None, fmt: str) -> None:
    """Judge the contact log EVENTS of INTERVIEW; exit 1 when it is pushy."""
    loaded, policy, history = _load(interview, policy_path, events)
    found = audit(loaded, history, policy)
    if fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "rule": v.rule,
                        "sources": list(v.sources),
                        "message": v.message,
                        "events": serialize.unstructure(list(v.events)),
                    }
                    for v in found
                ],
                indent=2,
                sort_keys=True,
            )
        )
    elif not found:
        click.echo("Polite: no limit was overstepped.")
    else:
        for violation in found:
            at = violation.events[0].at.isoformat()
            click.echo(f"{at}  [{violation.rule}] {violation.message}")
    if found:
        sys.exit(1)


@main.command("rules", epilog=EXAMPLES)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown"]),
    default="table",
    show_default=True,
)
@friendly
def rules_command(fmt: str) -> None:
    """List the rule catalogue with each rule's seed sources and policy knobs."""
    if fmt == "markdown":
        click.echo(catalogue_markdown(), nl=False)
    elif fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "summary": r.summary,
                        "sources": list(r.sources),
                        "knobs": list(r.knobs),
                    }
                    for r in RULES.values()
                ],
                indent=2,
            )
        )
    else:
        for item in RULES.values():
            sources = ", ".join(source[:3] for source in item.sources)
            click.echo(f"{item.id:<24} {item.summary}\n{'':<24} sources: {sources}")


@main.command("policy", epilog=EXAMPLES)
@click.option(
    "--preset",
    type=click.Choice(sorted(PRESETS)),
    default="consensus",
    show_default=True,
    help="The preset to start from.",
)
@friendly
def policy_command(preset: str) -> None:
    """Print a preset as TOML, to save as policy.toml and edit."""
    data = serialize.unstructure(Policy.preset(preset))
    header = f"# followup_rules policy, from the {preset!r} preset. Durations: '24h' or 'PT24H'.\n"
    click.echo(header + serialize.dumps_toml(data), nl=False)


if __name__ == "__main__":  # pragma: no cover
    main()
