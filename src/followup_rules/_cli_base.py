"""The command line's shared parts: the ``followup`` group, its options, the clock, loading.

Every command module (`followup_rules.cli`, `_cli_history`, `_cli_setup`)
imports from here, and `followup_rules.cli` imports the command modules so
that their commands join the group: no module imports one that imports it.
The clock is read here, in `_clock` alone.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs
import click
import pendulum

from . import _calendar as cal
from . import _terminal as show
from . import files, serialize
from ._cli_help import (
    EXAMPLES,
)
from ._grammar import counted
from .action import Plan
from .errors import FollowupError, FormatError, InvalidHistory, _short_repr
from .loop import Application, kept_apart, later_rounds, parse_when
from .model import Interview, Interviewer
from .policy import Policy
from .serialize import InterviewFile
from .state import RENAME_ADVICE, STRANGER_ADVICE

F = TypeVar("F", bound=Callable[..., Any])

PROGRESS_FROM = 20
"""Batches of at least this many files show a progress bar (on a terminal)."""


def _fail(message: str) -> None:
    click.echo(f"followup: error: {message}", err=True)
    sys.exit(2)


def _warn(message: str) -> None:
    click.echo(f"followup: warning: {message}", err=True)


def _note(message: str) -> None:
    click.echo(f"followup: note: {message}", err=True)


class BadInput(click.ClickException):
    """Bad input on the command line: one line on stderr, exit status 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        click.echo(f"followup: error: {self.message}", err=True)


def _for_the_command_line(message: str) -> str:
    """*message* with the command that does what it advises, where the library's words
    stay free of any one front end's."""
    message = message.replace(
        RENAME_ADVICE, f"{RENAME_ADVICE} with 'followup rename FILE OLD NEW'"
    )
    return message.replace(
        STRANGER_ADVICE,
        "news from someone not on it is logged as 'update' without --from "
        "(--outcome undecided when they said no more), naming nobody",
    )


def _with_path(error: FollowupError) -> str:
    """*error*'s text, naming a file as it was given on the command line: an app's user
    reads its name alone (`FormatError.file`), the command line's typed the path."""
    text = str(error)
    if isinstance(error, FormatError) and error.file and text.startswith(f"{error.source}: "):
        return f"{error.file}{text[len(error.source) :]}"
    return text


def friendly(command: F) -> F:
    """Turn every error into one line on stderr and exit status 2: never a traceback."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except FollowupError as error:
            _fail(_for_the_command_line(_with_path(error)))
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


@attrs.frozen
class When:
    """A moment given on the command line (`loop.parse_when`), read for each interview.

    The clock is read once, when the text is read.
    """

    text: str
    clock: pendulum.DateTime

    def at(self, interview: Interview) -> pendulum.DateTime:
        """The moment, for *interview*'s candidate."""
        return parse_when(self.text, interview, self.clock)

    @property
    def is_now(self) -> bool:
        return self.text.strip().casefold() == "now"

    def skipped(self, interview: Interview, option: str = "--at") -> str | None:
        """A warning when the text is a wall clock the candidate's zone skips (the hour
        the clocks go forward), read as the hour after; else None (the loop6 trial:
        such a time was shifted without a word)."""
        from .loop import _read_iso

        written = _read_iso(self.text.strip())
        if not isinstance(written, datetime) or written.tzinfo is not None:
            return None
        moment = self.at(interview)
        if moment.replace(tzinfo=None) == written:
            return None
        return (
            f"{option} {self.text.strip()} does not exist in {moment.timezone_name} (the "
            f"clocks skip that hour): read as {moment.format('YYYY-MM-DD HH:mm')} "
            f"{moment.format('zz')}"
        )

    def as_written(self, interview: Interview) -> pendulum.DateTime:
        """The moment, in the offset it was written with when it has one (else `at`).

        A phrase logged with an explicit offset ("by the end of the week") is
        read from the day in that offset, the day the news was given.
        """
        moment = self.at(interview)
        try:
            written = serialize.parse_datetime(self.text.strip())
        except ValueError:
            return moment
        if written.tzinfo is None or written.utcoffset() is None:
            return moment
        return cal.to_pendulum(written)


def read_when(text: str, option: str = "--now") -> When:
    """Read a moment (see `loop.parse_when`), or refuse it naming *option*.

    Raises:
        BadInput: not a moment.
    """
    when = When(text, _clock())
    try:
        when.at(_PROBE)
    except FollowupError as error:
        problem = error.problem  # not cut from the text: the value may hold ": "
        raise BadInput(f"{option}: {_short_repr(text)} {problem}") from None
    return when


_PROBE = Interview(
    pendulum.datetime(2000, 1, 1, tz="UTC"), "-", "-", (Interviewer("-"),)
)  # only a zone to read a moment in, before any file is read


def _parse_when(value: str | None, option: str = "--now") -> When | None:
    return None if value is None else read_when(value, option)


# -- loading ---------------------------------------------------------------------------

Loaded = InterviewFile
"""One interview file as the commands use it: path, interview, history, history_path."""


def _load_files(
    paths: Sequence[str], history_path: str | None, *, what: str = "Reading"
) -> list[Loaded]:
    if history_path is not None and len(paths) > 1:
        raise BadInput("--history goes with one interview file; several files keep their own")
    return [files.HistoryFile(name, history_path).read() for name in _progress(paths, what)]


def _load_policy(policy_path: str | None) -> Policy:
    return serialize.load_policy(policy_path) if policy_path else Policy()


def _application(
    each: Loaded, policy: Policy, *, as_of: pendulum.DateTime | None = None
) -> Application:
    """The file's application, under its own policy (its ``policy`` key), else *policy*.

    With *as_of* (``--now``/``--at`` of a view), the history as it stood then:
    an event recorded after that moment had not happened yet, so the view
    leaves it out and says so on stderr (the fourth trial: ``plan --now``
    counted a thank-you logged the next day as sent).
    """
    own = policy if each.policy is None else each.policy
    history = each.history
    if as_of is not None:
        history = tuple(event for event in each.history if event.at <= as_of)
        later = len(each.history) - len(history)
        if later:
            _note(
                f"{each.path}: {counted(later, 'event')} recorded after "
                f"{as_of.to_iso8601_string()} left out (the plan as it stood then)"
            )
    application = Application(each.interview, history, own, name=str(each.path))
    _check_steps(application, each)
    return application


def _check_steps(application: Application, each: Loaded) -> None:
    """Plan *application* once, so that a skip or snooze naming a step not planned then
    (a step id's number mistyped by hand) is refused naming the history file and the
    event as `followup events` numbers it, with how to mend it (the loop14 trial: the
    error said ``history[2].step`` and named no file)."""
    try:
        application.plan()
    except InvalidHistory as error:
        found = re.fullmatch(r"history\[(\d+)\](.*)", error.field or "")
        if found is None or int(found[1]) >= len(application.history):
            raise
        event = application.history[int(found[1])]
        number = next((n for n, held in enumerate(each.history) if held is event), None)
        if number is None:
            raise
        root = "$" if isinstance(serialize.read(each.history_path), list) else "$.event"
        problem = f"{error.problem}; {serialize.mend_event(number + 1)}"
        raise FormatError(
            str(each.history_path), f"{root}[{number}]{found[2]}", problem, error.value
        ) from None


def _progress(items: Sequence[Any], what: str) -> Iterator[Any]:
    """*items*, with a progress bar on stderr for a long batch on a terminal."""
    if len(items) < PROGRESS_FROM or not _stderr_console().is_terminal:
        yield from items
        return
    from rich.progress import track

    yield from track(items, description=what, console=_stderr_console(), transient=True)


def _console() -> Any:
    return show.console()


def _stderr_console() -> Any:
    from rich.console import Console

    return Console(stderr=True, highlight=False)


def home_zone(interview: Interview) -> Any:
    """The candidate's zone, else the interview's."""
    return show.home_zone(interview)


# -- writing files: one atomic writer (followup_rules.files) ------------------------------


def _write_atomically(path: Path, data: bytes) -> None:
    files.write_atomically(path, data)


class OneLineGroup(click.Group):
    """A group whose usage errors (an unknown option, a missing one) are one line too."""

    group_class = type  # `log`, a group of its own, gets one-line errors too

    def make_context(self, *args: Any, **kwargs: Any) -> click.Context:
        try:
            return super().make_context(*args, **kwargs)
        except click.UsageError as error:
            raise _one_line(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            raise _one_line(error) from None


def _one_line(error: click.UsageError) -> click.ClickException:
    if type(error).__name__ == "NoArgsIsHelpError":  # `followup` alone: the help, as asked
        return error
    where = error.ctx.command_path.replace("main", "followup", 1) if error.ctx else "followup"
    return BadInput(f"{where}: {' '.join(error.format_message().split())}")


@click.group(cls=OneLineGroup, epilog=EXAMPLES)
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
    help=(
        "A policy file (TOML or JSON) for the files that do not give their own "
        "(a 'policy' key); the consensus policy by default."
    ),
)
history_option = click.option(
    "--history",
    "history_path",
    type=click.Path(dir_okay=False),
    help="What happened so far (with one interview file; by default the file's own history).",
)


def _named_histories(paths: Sequence[str]) -> set[Path]:
    """The history files the interview files *paths* name (their ``history`` key).

    A file that cannot be read names none, so the history ``followup new`` gave
    it (``acme.events.toml`` beside ``acme.toml``) is taken as named: the loop14
    trial's broken ``wolga.toml`` was left out twice, once more as its history
    file "given by mistake".
    """
    named = set()
    for name in paths:
        try:
            data = serialize.read(name)
        except FollowupError:  # said when the file is read for its command
            path = Path(name)
            named.add((path.parent / f"{path.stem}.events.toml").resolve())
            continue
        history = data.get("history") if isinstance(data, dict) else None
        if isinstance(history, str) and history.strip():
            named.add((Path(name).parent / history).resolve())
    return named


def _interview_files(
    ctx: click.Context, param: click.Parameter, paths: tuple[str, ...]
) -> tuple[str, ...]:
    """*paths* without the history files the others name.

    The loop10 trial: ``followup today applications/*.toml`` matched
    ``acme.events.toml``, the history file ``followup new`` names beside
    ``acme.toml``, and failed on it.  A history file given alone is still
    refused, saying what it is.
    """
    if len(paths) < 2:
        return paths
    named = _named_histories(paths)
    kept = tuple(name for name in paths if Path(name).resolve() not in named)
    return kept or paths


files_argument = click.argument(
    "interviews",
    metavar="FILE...",
    nargs=-1,
    required=True,
    type=click.Path(dir_okay=False),
    callback=_interview_files,
)
interview_option = click.option(
    "--interview",
    "interview_path",
    type=click.Path(dir_okay=False, exists=True),
    help="The interview, when FILE is a history file.",
)


def now_option(default_help: str) -> Callable[[F], F]:
    return click.option(
        "--now",
        "now_text",
        metavar="WHEN",
        help=f"now, today, tomorrow, a local time (2026-07-16T09:00) or ISO 8601; {default_help}.",
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


def _applications(
    loaded: Sequence[Loaded], policy: Policy, when: When | None
) -> list[tuple[Loaded, Application, pendulum.DateTime | None]]:
    """Each file's application (as of *when*, if given) and the moment it is seen from."""
    found = []
    for each in _progress(loaded, "Planning"):
        now = None if when is None else when.at(each.interview)
        found.append((each, _application(each, policy, as_of=now), now))
    # a later round in a file of its own, given with the first: its notes say so (loop8 1)
    rounds = later_rounds(application for _, application, _ in found)
    # one employer's files keep their follow-ups to one person apart, as `today` lists
    # them (the loop12 trial: the calendar of two files asked for two at once)
    rounds = kept_apart(rounds, None if when is None else found[0][2])
    return [
        (each, application, now) for (each, _, now), application in zip(found, rounds, strict=True)
    ]


def _plans(
    loaded: Sequence[Loaded], policy: Policy, when: When | None
) -> list[tuple[Loaded, Plan]]:
    """Each file's plan; with *when*, as seen then: the steps still doable, late ones
    in their next window (what `today` and `next` offer, so each has its message)."""
    return [(each, app.plan(now=now)) for each, app, now in _applications(loaded, policy, when)]
