"""The ``followup`` command: the candidate's daily loop, and the plan behind it.

``today`` and ``next`` say what to do, ``log`` records what happened, ``plan``
prints or exports the schedule (table, JSON, calendar, drafts), ``render``
writes the messages, ``audit`` judges a contact log.

This is the I/O edge: it reads files, reads the clock where ``--now`` (or
``--at``) says ``now`` or ``today`` or is left out of ``today``, ``next`` and
``log``, and writes output.  Errors are one line on stderr and exit status 2;
``audit`` exits 1 when the log is pushy.
"""

from __future__ import annotations

import functools
import io
import json
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click
import pendulum

from . import _calendar as cal
from . import serialize
from .action import Action, Plan
from .agenda import Agenda, AgendaItem, Standing
from .audit import audit
from .catalogue import rules_page
from .errors import FollowupError, _short_repr
from .events import Contact, Event, Outcome, OutOfOffice, Reply, Update
from .export import describe, eml_name, to_eml, to_ics_many
from .messages import TemplatePack
from .model import ActionKind, Channel, Interview
from .plan import plan as make_plan
from .policy import PRESETS, Policy
from .rules import RULES, catalogue_markdown
from .sources import cite

F = TypeVar("F", bound=Callable[..., Any])

EXAMPLES = """
\b
Examples:
  followup today applications/*.toml
  followup log applications/acme.toml contact --channel phone --at 2026-07-16T10:15
  followup log applications/acme.toml update --outcome undecided --decision-by "in two weeks"
  followup plan interview.toml --format ics -o followup.ics --now today
  followup plan interview.toml --format eml -o drafts/
  followup render interview.toml --detail fit="six years of data pipelines"
  followup audit interview.toml events.toml
  followup policy --preset cautious > policy.toml
"""

PLAN_EXAMPLES = """
\b
Examples:
  followup plan interview.toml
  followup plan interview.toml --history events.toml --now 2026-07-20T09:00-04:00
  followup plan applications/*.toml --now today
  followup plan interview.toml --format json > plan.json
  followup plan interview.toml --format ics -o followup.ics --now now
  followup plan interview.toml --format eml -o drafts/ --detail fit="ten years of Spark"
\b
Run the ics export again after logging events, to the same -o file: steps done
are marked completed, steps dropped cancelled, under the same UIDs.
"""

TODAY_EXAMPLES = """
\b
Examples:
  followup today applications/*.toml
  followup today acme.toml globex.toml --now 2026-07-16T08:00
  followup today applications/*.toml --all
  followup today applications/*.toml --format json
\b
--now takes 'now' (the default), 'today' (the start of your day), a local
time such as 2026-07-16T08:00 (read in the candidate's zone), or ISO 8601
with an offset.
"""

NEXT_EXAMPLES = """
\b
Examples:
  followup next applications/*.toml
  followup next acme.toml --now 2026-07-16T08:00
"""

LOG_EXAMPLES = """
\b
Examples:
  followup log acme.toml contact --step thank_you --to "Ana Ruiz" --at 2026-07-07T16:05
  followup log acme.toml contact --channel phone --voicemail --at 2026-07-16T10:15
  followup log acme.toml contact --message-id "<1@mail.example.com>" --subject "Checking in"
  followup log acme.toml reply
  followup log acme.toml update --outcome undecided --decision-by 2026-07-24
  followup log acme.toml update --outcome undecided --decision-by "in two weeks"
  followup log acme.toml out-of-office --returns-on 2026-07-27
  followup log events.toml reply --interview interview.toml
\b
FILE is an interview file (the event goes where it keeps its history: its own
[[event]] tables, or the file its 'history' key names) or, with --interview,
a history file.  --at is when it happened: 'now' (the default), a local time
(the candidate's zone), or ISO 8601 with an offset.
"""

RENDER_EXAMPLES = """
\b
Examples:
  followup render interview.toml
  followup render interview.toml --now today --detail fit="six years of data pipelines"
  followup render applications/*.toml --locale en_GB
  followup render interview.toml --templates my-templates/
"""

AUDIT_EXAMPLES = """
\b
Examples:
  followup audit interview.toml events.toml
  followup audit interview.toml events.toml --policy policy.toml --format json
"""

RULES_EXAMPLES = """
\b
Examples:
  followup rules
  followup rules --format markdown > rules.md
"""

POLICY_EXAMPLES = """
\b
Examples:
  followup policy --preset cautious > policy.toml
  followup plan interview.toml --policy policy.toml
"""

PROGRESS_FROM = 20
"""Batches of at least this many files show a progress bar (on a terminal)."""


def _fail(message: str) -> None:
    click.echo(f"followup: error: {message}", err=True)
    sys.exit(2)


def _warn(message: str) -> None:
    click.echo(f"followup: warning: {message}", err=True)


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


# -- time: the only place that reads the clock -----------------------------------


def _clock() -> pendulum.DateTime:
    """The current instant (UTC): read here, at the edge, never in the library."""
    return pendulum.now("UTC")


def home_zone(interview: Interview) -> Any:
    """The candidate's zone, else the interview's."""
    return interview.zone_of(interview.candidate)


@attrs.frozen
class When:
    """A moment given on the command line, read for each interview.

    ``now`` and ``today`` read the clock once; a local time (no offset) is
    read in the candidate's zone, else the interview's; ISO 8601 with an
    offset (or ``Z``, or ``[Zone/Name]``) is that instant everywhere.
    """

    text: str
    instant: pendulum.DateTime | None = None
    local: datetime | None = None
    start_of_day: bool = False

    def at(self, interview: Interview) -> pendulum.DateTime:
        """The moment, for *interview*'s candidate."""
        zone = home_zone(interview)
        if self.local is not None:
            return cal.to_pendulum(self.local.replace(tzinfo=zone))
        assert self.instant is not None
        moment = cal.to_pendulum(self.instant.astimezone(zone))
        return moment.start_of("day") if self.start_of_day else moment


def read_when(text: str, option: str = "--now") -> When:
    """Read ``now``, ``today``, a local date-time or date, or ISO 8601 with an offset.

    Raises:
        BadInput: none of these.
    """
    word = text.strip().casefold()
    if word in ("now", "today"):
        return When(text, instant=_clock(), start_of_day=word == "today")
    try:
        moment = serialize.parse_datetime(text)
    except ValueError:
        try:
            day = date.fromisoformat(text.strip())
        except ValueError:
            raise BadInput(
                f"{option}: {_short_repr(text)} is not 'now', 'today', a local time like "
                "2026-07-16T09:00, or ISO 8601 with an offset like 2026-07-16T09:00-04:00"
            ) from None
        moment = datetime(day.year, day.month, day.day)
    if moment.tzinfo is None:
        return When(text, local=moment)
    if moment.utcoffset() is None:  # pragma: no cover - parse_datetime gives real zones
        raise BadInput(f"{option}: {_short_repr(text)} has no usable time zone")
    return When(text, instant=cal.to_pendulum(moment))


def _parse_when(value: str | None, option: str = "--now") -> When | None:
    return None if value is None else read_when(value, option)


# -- loading ---------------------------------------------------------------------------


@attrs.frozen
class Loaded:
    """One interview file as the command uses it."""

    path: Path
    interview: Interview
    history: tuple[Event, ...]
    history_path: Path

    @property
    def label(self) -> str:
        """How a person tells it apart: the role, the company, the file."""
        return f"{self.interview.role} at {self.interview.company} ({self.path.name})"


def _load_files(
    paths: Sequence[str], history_path: str | None, *, what: str = "Reading"
) -> list[Loaded]:
    if history_path is not None and len(paths) > 1:
        raise BadInput("--history goes with one interview file; several files keep their own")
    loaded = []
    for name in _progress(paths, what):
        found = serialize.load_interview_file(name)
        history = found.history
        if history_path is not None:
            history = tuple(serialize.load_history(history_path))
        loaded.append(Loaded(found.path, found.interview, history, found.history_path))
    return loaded


def _load_policy(policy_path: str | None) -> Policy:
    return serialize.load_policy(policy_path) if policy_path else Policy()


def _progress(items: Sequence[Any], what: str) -> Iterator[Any]:
    """*items*, with a progress bar on stderr for a long batch on a terminal."""
    if len(items) < PROGRESS_FROM or not _stderr_console().is_terminal:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=what, console=_stderr_console(), transient=True)


# -- output ----------------------------------------------------------------------------


def _console() -> Any:
    """Standard output through rich: colour only on a terminal and without NO_COLOR.

    The width is the terminal's (or ``COLUMNS``); tables fold to fit, down to
    60 columns.
    """
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def _zone_label(zone: tzinfo, moment: datetime) -> str:
    return cal.zone_name(zone, moment)


def _their_time(
    action: Action, interview: Interview, home: Any, moment: datetime | None = None
) -> str:
    """The suggested time on the recipient's clock, when it is not the candidate's.

    ``"same"`` when both clocks agree; else the time with the zone's
    abbreviation, and the day when it is another day there.
    """
    person = action.recipient
    if person is None:
        return ""
    theirs: Any = interview.zone_of(person)
    instant = cal.to_pendulum(action.suggested if moment is None else moment)
    at_home = instant.in_timezone(home)
    there = instant.in_timezone(theirs)
    if there.utcoffset() == at_home.utcoffset():
        return "same"
    day = "" if there.date() == at_home.date() else there.format("ddd ")
    return f"{day}{there.format('HH:mm zz')}"


def _window(action: Action, zone: Any) -> str:
    opens, closes = action.earliest.in_timezone(zone), action.latest.in_timezone(zone)
    if opens.date() == closes.date():
        return f"{opens.format('HH:mm')}-{closes.format('HH:mm')}"
    return f"until {closes.format('ddd D MMM HH:mm')}"


def _new_table(*columns: tuple[str, dict[str, Any]], title: str | None = None) -> Any:
    from rich import box
    from rich.table import Table

    table = Table(
        box=box.SIMPLE_HEAD, title=title, title_justify="left", pad_edge=False, show_edge=False
    )
    for name, options in columns:
        table.add_column(name, overflow="fold", **options)
    return table


def plan_table(schedule: Plan, interview: Interview, zone: Any, width: int) -> Any:
    """The plan as a rich table in *zone*: when, what, their time; rule and window if room."""
    columns: list[tuple[str, dict[str, Any]]] = [
        ("When", {"no_wrap": True}),
        ("What", {"min_width": 20}),
        ("Their time", {"max_width": 16}),
    ]
    with_rule, with_window = width >= 100, width >= 120
    if with_window:
        columns.append(("Window", {"no_wrap": True}))
    if with_rule:
        columns.append(("Rule", {"style": "dim", "no_wrap": True}))
    table = _new_table(*columns)
    for action in schedule:
        when = action.suggested.in_timezone(zone)
        row = [
            when.format("ddd D MMM YYYY HH:mm" if with_window else "ddd D MMM HH:mm"),
            _what(action),
            _their_time(action, interview, zone),
        ]
        if with_window:
            row.append(_window(action, zone))
        if with_rule:
            row.append(action.rule)
        table.add_row(*row)
    return table


def _what(action: Action) -> str:
    from rich.markup import escape

    text = escape(describe(action))
    person = action.recipient
    if action.channel is Channel.PHONE and person is not None and not person.phone:
        return f"[bold red]{text}[/]"
    return text


def _print_plan(loaded: Loaded, schedule: Plan, zone: Any, heading: bool) -> None:
    console = _console()
    if heading:
        console.print(f"[bold]{_escape(loaded.label)}[/]")
    if not schedule:
        console.print("Nothing left to do: every allowed step is done.")
    else:
        console.print(plan_table(schedule, loaded.interview, zone, console.width))
        console.print(f"(times in {_zone_label(zone, schedule[0].suggested)})")
    if schedule.missed:
        console.print(
            f"[yellow]{len(schedule.missed)} step(s) not recorded before the latest event."
            "\nTheir window has closed; 'followup today --all' lists them.[/]"
        )


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


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
    """Plan polite job-interview follow-ups: what to send, to whom, when and how.

    Every morning: 'followup today FILES' says what is overdue and due today;
    'followup log FILE ...' records what you did and what the employer said.
    """


policy_option = click.option(
    "--policy",
    "policy_path",
    type=click.Path(dir_okay=False),
    help="A policy file (TOML or JSON); the consensus policy by default.",
)
history_option = click.option(
    "--history",
    "history_path",
    type=click.Path(dir_okay=False),
    help="What happened so far (with one interview file; by default the file's own history).",
)
files_argument = click.argument(
    "interviews", metavar="FILE...", nargs=-1, required=True, type=click.Path(dir_okay=False)
)


def now_option(default_help: str) -> Callable[[F], F]:
    return click.option(
        "--now",
        "now_text",
        metavar="WHEN",
        help=f"now, today, a local time (2026-07-16T09:00) or ISO 8601; {default_help}.",
    )


def render_options(command: F) -> F:
    """--templates, --locale and --detail, shared by render and plan --format eml."""
    for decorator in reversed(
        [
            click.option(
                "--templates",
                type=click.Path(file_okay=False, exists=True),
                help="Your own template directory (overrides the built-ins).",
            ),
            click.option(
                "--locale",
                metavar="LOCALE",
                help="The messages' language and date format: en, en_GB, de, fr, es, "
                "de_AT, fr_CA, es_MX... (default: each candidate's language, else en).",
            ),
            click.option(
                "--detail",
                "details",
                multiple=True,
                metavar="KEY=VALUE",
                help="A template detail, e.g. fit='six years of Kafka'. Repeatable.",
            ),
        ]
    ):
        command = decorator(command)
    return command


def _details(items: Iterable[str]) -> dict[str, str]:
    extra: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.isidentifier():
            raise BadInput(f"--detail: {item!r} is not KEY=VALUE")
        extra[key] = value
    return extra


def _plans(
    loaded: Sequence[Loaded], policy: Policy, when: When | None
) -> list[tuple[Loaded, Plan]]:
    """Each file's plan; with *when*, only the steps still doable then."""
    plans = []
    for each in _progress(loaded, "Planning"):
        schedule = make_plan(each.interview, policy, history=each.history)
        if when is not None:
            schedule = schedule.upcoming(when.at(each.interview))
        plans.append((each, schedule))
    return plans


@main.command("plan", epilog=PLAN_EXAMPLES)
@files_argument
@policy_option
@history_option
@now_option("only the steps still doable then (default: all)")
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
@render_options
@friendly
def plan_command(
    interviews: tuple[str, ...],
    policy_path: str | None,
    history_path: str | None,
    now_text: str | None,
    fmt: str,
    output: str | None,
    zone_name: str | None,
    templates: str | None,
    locale: str | None,
    details: tuple[str, ...],
) -> None:
    """Print the follow-up plan of each interview FILE (.toml or .json)."""
    when = _parse_when(now_text)
    extra = _details(details)
    if fmt == "eml" and output is None:
        raise BadInput("--format eml needs -o DIRECTORY for the drafts")
    if fmt == "ics" and when is None:
        raise BadInput("--format ics needs --now (the calendar's timestamp)")
    shown_zone = None if zone_name is None else _display_zone_name(zone_name)
    policy = _load_policy(policy_path)
    loaded = _load_files(interviews, history_path)
    # A calendar keeps the late steps (still worth doing) and its UIDs count
    # every step: it leaves out only the superseded ones, below.
    plans = _plans(loaded, policy, None if fmt == "ics" else when)
    if fmt == "eml":
        assert output is not None
        _write_drafts(plans, Path(output), _packs(templates, locale), extra)
        return
    if fmt == "ics":
        assert when is not None
        data = _calendar(plans, when, output)
    elif fmt == "json":
        if len(plans) == 1:
            data = serialize.dumps_json(plans[0][1]).encode()
        else:
            merged = {str(each.path): serialize.unstructure(schedule) for each, schedule in plans}
            data = (
                json.dumps(merged, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
            ).encode()
    else:
        if output is None:
            for each, schedule in plans:
                zone = shown_zone or home_zone(each.interview)
                _print_plan(each, schedule, zone, heading=len(plans) > 1)
            return
        data = _plain_plans(plans, shown_zone).encode()
    if output is None:
        click.echo(data.decode(), nl=False)
    else:
        _write_atomically(Path(output), data)


def _display_zone_name(zone_name: str) -> tzinfo:
    try:
        return cal.zone(zone_name)
    except ValueError:
        raise BadInput(f"--tz: unknown time zone {_short_repr(zone_name)}") from None


def _plain_plans(plans: Sequence[tuple[Loaded, Plan]], zone: tzinfo | None) -> str:
    """The tables as plain text, for a file (-o): no colour, 120 columns."""
    from rich.console import Console

    console = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    for each, schedule in plans:
        shown = zone or home_zone(each.interview)
        if len(plans) > 1:
            console.print(each.label)
        if schedule:
            console.print(plan_table(schedule, each.interview, shown, console.width))
            console.print(f"(times in {_zone_label(shown, schedule[0].suggested)})")
        else:
            console.print("Nothing left to do: every allowed step is done.")
    return console.export_text()


def _calendar(plans: Sequence[tuple[Loaded, Plan]], when: When, output: str | None) -> bytes:
    """One calendar for all the plans, in sync with the file at *output* if there is one."""
    previous = None
    if output is not None:
        target = Path(os.path.realpath(output))
        if target.is_file():
            previous = target.read_bytes()
    stamp = when.at(plans[0][0].interview)
    applications = [(schedule, each.interview, each.history) for each, schedule in plans]
    superseded = [
        item.action
        for each, schedule in plans
        for item in Agenda.of(
            schedule, each.interview, now=when.at(each.interview), history=each.history
        ).superseded
    ]
    name = None
    if len(plans) == 1:
        iv = plans[0][0].interview
        name = f"Follow-up: {iv.role} at {iv.company}"
    try:
        return to_ics_many(
            applications,
            now=stamp,
            previous=previous,
            leave_out=superseded,
            name=name or "Interview follow-ups",
        )
    except FollowupError as error:
        raise BadInput(f"{output}: {error}") from None


def _packs(templates: str | None, locale: str | None) -> Callable[[Interview], TemplatePack]:
    """The pack for each interview: in --locale, else in its candidate's language.

    Made before anything is planned, so that a bad --locale or --templates is
    refused first; one pack per language, reused.
    """
    made: dict[str, TemplatePack] = {}

    def pack_for(interview: Interview) -> TemplatePack:
        candidate = interview.candidate
        name = locale or getattr(candidate, "language", None) or "en"
        pack = made.get(name)
        if pack is None:
            pack = made[name] = TemplatePack(templates, locale=name)
        return pack

    first = locale or "en"
    made[first] = TemplatePack(templates, locale=first)
    return pack_for


def _write_drafts(
    plans: Sequence[tuple[Loaded, Plan]],
    directory: Path,
    packs: Callable[[Interview], TemplatePack],
    extra: dict[str, str],
) -> None:
    many = len(plans) > 1
    drafts: list[tuple[Path, bytes]] = []
    warnings: list[str] = []
    stems: dict[str, int] = {}
    for each, schedule in plans:
        folder = directory
        if many:
            stem = each.path.stem
            stems[stem] = stems.get(stem, 0) + 1
            folder = directory / (stem if stems[stem] == 1 else f"{stem}-{stems[stem]}")
        for index, action in enumerate(schedule, start=1):
            if action.channel is not Channel.EMAIL:
                continue
            name = eml_name(index, action)
            draft = to_eml(action, each.interview, packs(each.interview), **extra)
            if draft["To"] is None:
                who = action.recipient.name if action.recipient is not None else "nobody"
                warnings.append(f"{name}: no To: line, no e-mail address is known for {who}")
            drafts.append((folder / name, draft.as_bytes()))
    # all rendered before anything is written
    folders = sorted({path.parent for path, _ in drafts} | {directory})
    for folder in folders:
        if folder.exists() and not folder.is_dir():
            raise BadInput(f"cannot write drafts into {folder}: it is not a directory")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BadInput(
                f"cannot write drafts into {folder}: {error.strerror or error}"
            ) from None
        if not os.access(folder, os.W_OK):
            raise PermissionError(13, "not writable", str(folder))
    # Every target checked before the first is written: a FIFO or a
    # directory in the way leaves no draft half the set written.
    targets = [(path, *_output_target(path), data) for path, data in drafts]
    for path, target, mode, data in targets:
        _replace(path, target, mode, data)
    for warning in warnings:
        _warn(warning)
    click.echo(f"{len(drafts)} draft(s) written to {directory}")


# -- today and next ---------------------------------------------------------------------


def _agendas(loaded: Sequence[Loaded], policy: Policy, when: When) -> list[tuple[Loaded, Agenda]]:
    found = []
    for each in _progress(loaded, "Planning"):
        now = when.at(each.interview)
        end = now.start_of("day").add(days=1).subtract(microseconds=1)
        schedule = make_plan(each.interview, policy, history=each.history)
        found.append(
            (each, Agenda.of(schedule, each.interview, now=now, until=end, history=each.history))
        )
    return found


_MARKS = {
    Standing.LATE: ("overdue", "bold red"),
    Standing.SUPERSEDED: ("missed", "dim"),
    Standing.DUE: ("due", "green"),
    Standing.COMING: ("later", ""),
}


def _shown(item: AgendaItem, now: pendulum.DateTime) -> pendulum.DateTime:
    """The moment a line names for a step: the deadline it missed when overdue, now
    when its window is already open, else its suggested time."""
    action = item.action
    if item.overdue:
        return action.latest
    if item.standing is Standing.DUE and action.suggested < now:
        return now  # already open: now, not a moment that has passed
    return action.suggested


def _item_row(each: Loaded, item: AgendaItem, now: pendulum.DateTime, many: bool) -> list[str]:
    zone = home_zone(each.interview)
    action = item.action
    shown = _shown(item, now)
    moment = shown.in_timezone(zone)
    day = "today" if moment.date() == now.date() else moment.format("ddd D MMM")
    mark, style = _MARKS[item.standing]
    when = moment.format("ddd D MMM HH:mm") if item.overdue else f"{day} {moment.format('HH:mm')}"
    reason = item.reason  # a late step needs no note: its mark says it
    what = _what(action)
    if reason is not None:
        what += f" [dim]({_escape(item.note().split(': ', 1)[1])})[/]"
    if many:  # which application: on its own line, so the table keeps to 60 columns
        what += f"\n[dim]{_escape(each.interview.company)} · {_escape(each.path.name)}[/]"
    return [
        f"[{style}]{mark}[/]" if style else mark,
        when,
        _their_time(action, each.interview, zone, shown),
        what,
    ]


def _today_table() -> Any:
    return _new_table(
        ("", {"no_wrap": True}),
        ("When (you)", {"no_wrap": True}),
        ("Their time", {"max_width": 16}),
        ("What", {"min_width": 20}),
    )


@main.command("today", epilog=TODAY_EXAMPLES)
@files_argument
@policy_option
@now_option("the clock by default")
@click.option("--all", "show_all", is_flag=True, help="Also list the superseded steps.")
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
@friendly
def today_command(
    interviews: tuple[str, ...],
    policy_path: str | None,
    now_text: str | None,
    show_all: bool,
    fmt: str,
) -> None:
    """What is overdue and what is due today, across every interview FILE.

    Times are in the candidate's zone, with the recipient's time beside them.
    """
    when = read_when(now_text or "now")
    policy = _load_policy(policy_path)
    agendas = _agendas(_load_files(interviews, None), policy, when)
    if fmt == "json":
        items = [
            _item_json(each, item)
            for each, today in agendas
            for item in (*today.overdue, *today.due)
            if show_all or item.standing is not Standing.SUPERSEDED
        ]
        click.echo(json.dumps(items, indent=2, ensure_ascii=False))
        return
    console = _console()
    rows: list[tuple[datetime, list[str]]] = []
    hidden = 0
    for each, today in agendas:
        now = cal.to_pendulum(today.now)
        for item in (*today.overdue, *today.due):
            if item.standing is Standing.SUPERSEDED and not show_all:
                hidden += 1
                continue
            rank = item.action.latest if item.overdue else item.action.suggested
            rows.append((rank, _item_row(each, item, now, many=len(agendas) > 1)))
    first = agendas[0][1].now
    zone = home_zone(agendas[0][0].interview)
    console.print(
        f"[bold]Today[/], {cal.to_pendulum(first).in_timezone(zone).format('dddd D MMMM YYYY')}"
    )
    if rows:
        table = _today_table()
        for _, row in sorted(rows, key=lambda pair: pair[0]):
            table.add_row(*row)
        console.print(table)
    else:
        console.print("Nothing is overdue and nothing is due today.")
        upcoming = _next_of(agendas)
        if upcoming is not None:
            console.print(f"Next: {_next_line(*upcoming)}")
    if hidden:
        console.print(
            f"[dim]{hidden} step(s) can no longer be done and are not shown (--all lists them).[/]"
        )


def _item_json(each: Loaded, item: AgendaItem) -> dict[str, Any]:
    action = item.action
    return {
        "file": str(each.path),
        "id": item.id,
        "standing": item.standing.value,
        "reason": None if item.reason is None else item.reason.value,
        "after": item.after,
        "what": describe(action),
        "kind": action.kind.value,
        "channel": action.channel.value,
        "recipient": None if action.recipient is None else action.recipient.name,
        "earliest": serialize.format_datetime(action.earliest),
        "suggested": serialize.format_datetime(action.suggested),
        "latest": serialize.format_datetime(action.latest),
        "rule": action.rule,
    }


_URGENCY = {Standing.LATE: 0, Standing.DUE: 1, Standing.COMING: 2}


def _next_of(
    agendas: Sequence[tuple[Loaded, Agenda]],
) -> tuple[Loaded, AgendaItem, datetime] | None:
    """The single next step across all the agendas (late first, then due, then
    coming), with the *now* of its agenda."""
    best: tuple[tuple[int, datetime], Loaded, AgendaItem, datetime] | None = None
    for each, today in agendas:
        item = today.next
        if item is None:
            continue
        key = (_URGENCY[item.standing], item.action._utc[2])
        if best is None or key < best[0]:
            best = (key, each, item, today.now)
    return None if best is None else best[1:]


def _next_line(each: Loaded, item: AgendaItem, now: datetime) -> str:
    zone = home_zone(each.interview)
    action = item.action
    shown = _shown(item, cal.to_pendulum(now))
    moment = shown.in_timezone(zone)
    theirs = _their_time(action, each.interview, zone, shown)
    beside = f" (their time {theirs})" if theirs and theirs != "same" else ""
    stamp = f"{moment.format('ddd D MMM HH:mm zz')}{beside}"
    if item.standing is Standing.LATE:
        stamp = f"overdue since {stamp}, do it now:"
    elif item.standing is Standing.DUE:
        stamp = f"due now: {stamp}"
    where = _escape(f"({each.interview.company}, {each.path.name})")
    return f"{stamp}  {_what(action)}  [dim]{where}[/]"


@main.command("next", epilog=NEXT_EXAMPLES)
@files_argument
@policy_option
@now_option("the clock by default")
@friendly
def next_command(
    interviews: tuple[str, ...], policy_path: str | None, now_text: str | None
) -> None:
    """The one next step across every interview FILE: overdue first, then due, then coming."""
    when = read_when(now_text or "now")
    policy = _load_policy(policy_path)
    found = _next_of(_agendas(_load_files(interviews, None), policy, when))
    console = _console()
    if found is None:
        console.print("Nothing left to do in any of these files.")
    else:
        console.print(_next_line(*found))


# -- log ------------------------------------------------------------------------------


@main.command("log", epilog=LOG_EXAMPLES)
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument(
    "kind", metavar="KIND", type=click.Choice(["contact", "reply", "update", "out-of-office"])
)
@click.option(
    "--interview",
    "interview_path",
    type=click.Path(dir_okay=False, exists=True),
    help="The interview, when FILE is a history file.",
)
@click.option("--at", "--now", "at_text", metavar="WHEN", help="When it happened (default: now).")
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel]),
    default="email",
    show_default=True,
    help="contact: how.",
)
@click.option(
    "--step",
    type=click.Choice([k.value for k in ActionKind]),
    metavar="STEP",
    default="check_in",
    show_default=True,
    help="contact: which step it was: check_in, thank_you, feedback_request, "
    "feedback_response, recruiter_debrief, send_requested, or one in the room "
    "(ask_for_cards, ask_timeline, ask_permission, closing_statement).",
)
@click.option("--to", "recipient", metavar="NAME", help="contact: who (default: the contact).")
@click.option("--voicemail", is_flag=True, help="contact: a call that reached voicemail.")
@click.option("--message-id", help="contact: the Message-ID of the e-mail sent.")
@click.option("--subject", help="contact: the subject of the e-mail sent.")
@click.option(
    "--outcome",
    type=click.Choice([o.value for o in Outcome]),
    help="update: what the employer said.",
)
@click.option(
    "--decision-by",
    metavar="DATE|PHRASE",
    help="update (undecided): the new date, e.g. 2026-07-24 or 'in two weeks'.",
)
@click.option("--returns-on", metavar="DATE", help="out-of-office: the day they are back.")
@policy_option
@friendly
def log_command(
    file: str,
    kind: str,
    interview_path: str | None,
    at_text: str | None,
    channel: str,
    step: str,
    recipient: str | None,
    voicemail: bool,
    message_id: str | None,
    subject: str | None,
    outcome: str | None,
    decision_by: str | None,
    returns_on: str | None,
    policy_path: str | None,
) -> None:
    """Record what happened in the history of an interview FILE, keeping its layout.

    KIND is contact (you reached someone), reply (they answered), update (their
    news: an outcome) or out-of-office.  The event is checked against the
    interview and its history; a bad one is refused and the file left as it was.
    """
    if interview_path is not None:
        interview = serialize.load_interview(interview_path)
        target = Path(file)
        history = serialize.load_history(target) if target.exists() else []
    else:
        data = serialize.read(file)
        if isinstance(data, list) or (isinstance(data, dict) and set(data) <= {"event"}):
            raise BadInput(f"{file} is a history file: name its interview with --interview FILE")
        found = serialize.load_interview_file(file)
        interview, target, history = found.interview, found.history_path, list(found.history)
    when = read_when(at_text or "now", "--at")
    at = when.at(interview)
    if when.instant is not None and when.text.strip().casefold() == "now":
        at = at.replace(microsecond=0)
    _only_for(kind, channel=channel != "email", step=step != "check_in", to=recipient,
              voicemail=voicemail, message_id=message_id, subject=subject, outcome=outcome,
              decision_by=decision_by, returns_on=returns_on)  # fmt: skip
    event, written = _event(
        kind, at, channel, step, recipient, voicemail, message_id, subject, outcome,
        decision_by, returns_on,
    )  # fmt: skip
    policy = _load_policy(policy_path)
    make_plan(interview, policy, history=[*history, event])  # refuses a bad event, whole
    _append(target, written)
    click.echo(f"Recorded in {target}: {_said(event, interview)}")


_ONLY = {
    "channel": "contact",
    "step": "contact",
    "to": "contact",
    "voicemail": "contact",
    "message_id": "contact",
    "subject": "contact",
    "outcome": "update",
    "decision_by": "update",
    "returns_on": "out-of-office",
}


def _only_for(kind: str, **given: Any) -> None:
    for name, value in given.items():
        if value and _ONLY[name] != kind:
            option = "--" + name.replace("_", "-")
            raise BadInput(f"{option} goes with '{_ONLY[name]}', not '{kind}'")
    if kind == "update" and not given["outcome"]:
        raise BadInput("update needs --outcome (undecided, next_round, offer, rejected, ...)")


def _event(
    kind: str,
    at: pendulum.DateTime,
    channel: str,
    step: str,
    recipient: str | None,
    voicemail: bool,
    message_id: str | None,
    subject: str | None,
    outcome: str | None,
    decision_by: str | None,
    returns_on: str | None,
) -> tuple[Event, dict[str, Any]]:
    """The event, and the table to write for it (as a person would write it)."""
    moment = datetime.fromisoformat(at.isoformat())  # a stdlib datetime: TOML writes it
    written: dict[str, Any] = {"type": kind.replace("-", "_")}
    event: Event
    if kind == "contact":
        event = Contact(
            at,
            Channel(channel),
            ActionKind(step),
            recipient,
            voicemail=voicemail,
            message_id=message_id,
            subject=subject,
        )
        written.update(kind=step, channel=channel)
        for key, value in (
            ("recipient", recipient),
            ("voicemail", voicemail),
            ("message_id", event.message_id),
            ("subject", subject),
        ):
            if value:
                written[key] = value
    elif kind == "reply":
        event = Reply(at)
    elif kind == "update":
        assert outcome is not None
        new_date: date | str | None = None
        if decision_by is not None:
            new_date = _day_or_phrase(decision_by)
        event = Update(at, Outcome(outcome), new_date)
        written["outcome"] = outcome
        if new_date is not None:
            written["decision_by"] = new_date
    else:
        back = None if returns_on is None else _day(returns_on, "--returns-on")
        event = OutOfOffice(at, back)
        if back is not None:
            written["returns_on"] = back
    written["at"] = moment
    return event, written


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{option}: {_short_repr(text)} is not a date like 2026-07-24") from None


def _day_or_phrase(text: str) -> date | str:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return text.strip()


def _said(event: Event, interview: Interview) -> str:
    zone = home_zone(interview)
    when = cal.to_pendulum(event.at).in_timezone(zone).format("ddd D MMM HH:mm")
    if isinstance(event, Contact):
        who = event.recipient or interview.follow_up_contact.name
        how = "a voicemail" if event.voicemail else f"by {event.channel.value.replace('_', ' ')}"
        return f"{event.kind.value.replace('_', '-')} to {who}, {how}, {when}"
    if isinstance(event, Update):
        extra = f", new date {event.decision_date}" if event.decision_by is not None else ""
        return f"{event.outcome.value.replace('_', ' ')}{extra}, {when}"
    if isinstance(event, OutOfOffice):
        back = f", back {event.returns_on}" if event.returns_on else ""
        return f"out of office{back}, {when}"
    return f"a reply, {when}"


def _append(target: Path, written: dict[str, Any]) -> None:
    """Append one event to a history (or interview) file, keeping everything else."""
    if target.suffix.lower() == ".json":
        data: Any = json.loads(target.read_text(encoding="utf-8")) if target.exists() else []
        plain = {
            key: value.isoformat() if isinstance(value, (date, datetime)) else value
            for key, value in written.items()
        }
        if isinstance(data, dict):
            data.setdefault("event", []).append(plain)
        else:
            data.append(plain)
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        import tomlkit

        if target.exists():
            document = tomlkit.parse(target.read_text(encoding="utf-8"))
        else:
            document = tomlkit.document()
            document.add(tomlkit.comment("What happened after the interview, oldest first."))
            document.add(tomlkit.comment("Recorded with: followup log FILE KIND [options]"))
        events = document.get("event")
        if events is None:
            events = tomlkit.aot()
            document.append("event", events)
        table = tomlkit.table()
        table.trivia.indent = "\n"  # a blank line before it, as between hand-written tables
        for key, value in written.items():
            table.add(key, value)
        events.append(table)
        text = tomlkit.dumps(document)
    _write_atomically(target, text.encode("utf-8"))


# -- render, audit, rules, policy -------------------------------------------------------


@main.command("render", epilog=RENDER_EXAMPLES)
@files_argument
@policy_option
@history_option
@now_option("only the steps still doable then (default: all)")
@render_options
@friendly
def render_command(
    interviews: tuple[str, ...],
    policy_path: str | None,
    history_path: str | None,
    now_text: str | None,
    templates: str | None,
    locale: str | None,
    details: tuple[str, ...],
) -> None:
    """Write the messages of the steps still to do, for each interview FILE."""
    when = _parse_when(now_text)
    extra = _details(details)
    packs = _packs(templates, locale)
    policy = _load_policy(policy_path)
    plans = _plans(_load_files(interviews, history_path), policy, when)
    # Every message is rendered before the first is printed: a detail that
    # breaks a later template prints nothing rather than half the output.
    rendered = [
        (each, action, packs(each.interview).render(action, each.interview, **extra))
        for each, schedule in plans
        for action in schedule
        if action.template is not None
    ]
    blocks = []
    for each, action, message in rendered:
        when_text = action.suggested.format("ddd D MMM YYYY HH:mm zz")
        heading = f"=== {when_text}: {describe(action)} [{action.rule}]"
        if len(plans) > 1:
            heading += f" ({each.path.name})"
        to = message.to
        for detail, missing in (("email", "e-mail address"), ("phone", "phone number")):
            if detail in message.missing_details:
                to += f" (no {missing} known)"
        lines = [heading, f"To: {to}"]
        if message.subject:
            lines.append(f"Subject: {message.subject}")
        blocks.append("\n".join(lines) + f"\n\n{message.text}\n\n")
    click.echo("".join(blocks), nl=False)


@main.command("audit", epilog=AUDIT_EXAMPLES)
@click.argument("interview", type=click.Path(dir_okay=False))
@click.argument("events", type=click.Path(dir_okay=False))
@policy_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@friendly
def audit_command(interview: str, events: str, policy_path: str | None, fmt: str) -> None:
    """Judge the contact log EVENTS of INTERVIEW; exit 1 when it is pushy."""
    loaded = serialize.load_interview(interview)
    policy = _load_policy(policy_path)
    history = serialize.load_history(events)
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


@main.command("rules", epilog=RULES_EXAMPLES)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "markdown", "page"]),
    default="table",
    show_default=True,
    help="A table for people, JSON, the Markdown table, or the whole docs/rules.md page.",
)
@friendly
def rules_command(fmt: str) -> None:
    """List the rule catalogue: each rule's articles (quoted), own choices and knobs."""
    if fmt == "markdown":
        click.echo(catalogue_markdown(), nl=False)
    elif fmt == "page":
        click.echo(rules_page(), nl=False)
    elif fmt == "json":
        click.echo(
            json.dumps(
                [
                    {
                        "id": r.id,
                        "summary": r.summary,
                        "sources": [
                            {"file": file, "cited": cite(file), "quote": quote}
                            for file, quote in r.quotes
                        ],
                        "own_choices": list(r.own),
                        "knobs": list(r.knobs),
                    }
                    for r in RULES.values()
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
    else:
        for item in RULES.values():
            click.echo(f"{item.id}: {item.summary}")
            for file, quote in item.quotes:
                click.echo(f"    {cite(file)}: “{quote}”")
            for choice in item.own:
                click.echo(f"    the library's own choice: {choice}")


@main.command("policy", epilog=POLICY_EXAMPLES)
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
