"""The ``followup`` command: the candidate's daily loop, and the plan behind it.

``today`` and ``next`` say what to do, ``log`` records what happened (and
``events``, ``unlog`` and ``log --undo`` mend it), ``plan`` prints or exports
the schedule (table, JSON, calendar, drafts), ``render`` writes the messages,
``audit`` judges a contact log, ``new`` writes an interview file.

Commands only read their arguments, call the library (`followup_rules.loop`
for the daily loop, `followup_rules.files` for the files) and print what it
returns (`followup_rules._terminal`).  This is the I/O edge: it reads the
clock where ``--now`` (or ``--at``) says ``now`` or ``today`` or is left out
of ``today``, ``next`` and ``log``, in `_clock` alone.  Errors are one line
on stderr and exit status 2; ``audit`` exits 1 when the log is pushy.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import tzinfo
from pathlib import Path
from typing import Any

import attrs
import click

from . import _calendar as cal
from . import _cli_history, _cli_setup, files, serialize  # noqa: F401 - their commands join `main`
from . import _terminal as show
from ._cli_base import (
    BadInput,
    Loaded,
    _application,
    _applications,
    _check_steps,
    _console,
    _details,
    _load_files,
    _load_policy,
    _parse_when,
    _plans,
    _progress,
    _warn,
    _with_path,
    _write_atomically,
    files_argument,
    friendly,
    history_option,
    home_zone,
    main,
    now_option,
    policy_option,
    read_when,
    render_options,
)
from ._cli_help import (
    AUDIT_EXAMPLES,
    NEXT_EXAMPLES,
    PLAN_EXAMPLES,
    RENDER_EXAMPLES,
    TODAY_EXAMPLES,
)
from ._grammar import counted
from .audit import audit
from .errors import FollowupError, InvalidArgument, _short_repr
from .export import describe, drafts, to_ics_many, write_drafts
from .loop import Application, agenda_many, audit_many
from .messages import Message, TemplatePack, candidate_locale
from .model import Interview

__all__ = ["main"]


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
    "--events",
    is_flag=True,
    help="ics: every step as an event (VEVENT), not only calls: for calendars that "
    "ignore to-dos on import.",
)
@click.option(
    "--provenance",
    is_flag=True,
    help="eml: add X-Followup-Rule, -Step and -Sources headers (they leave with the mail).",
)
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
    events: bool,
    provenance: bool,
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
    # Every format sees the plan from --now: a late step in its next window and
    # the steps after it moved, as `today` says (the calendar, re-exported, moves
    # its items and raises their SEQUENCE).
    found = _applications(loaded, policy, when)
    plans = [(each, application.plan(now=now)) for each, application, now in found]
    packs = _packs(templates, locale) if fmt in ("eml", "ics") else None
    # The exports plan each application as the table does: the history as of --now
    # (the loop5 trial: the calendar's ids counted an event logged later) and the
    # file's own policy, for the reasons the calendar gives (loop5: the default's).
    applications = [
        attrs.evolve(application, name=str(each.path.resolve())) for each, application, _ in found
    ]
    if fmt == "eml":
        assert output is not None
        seen = None if when is None else when.at(plans[0][0].interview)
        written = drafts(applications, now=seen, pack=packs, details=extra, provenance=provenance)
        write_drafts(written, output)
        for draft in written:
            for warning in draft.warnings:
                _warn(warning)
        for draft in written:
            click.echo(f"{draft.path}  Message-ID: {draft.message_id}")
        click.echo(f"{counted(len(written), 'draft')} written to {output}")
        return
    if fmt == "ics":
        assert when is not None
        previous = None
        if output is not None and Path(os.path.realpath(output)).is_file():
            previous = Path(os.path.realpath(output)).read_bytes()
        try:
            # The late steps stay (still worth doing), the superseded ones go.
            data = to_ics_many(
                applications,
                now=when.at(plans[0][0].interview),
                previous=previous,
                drop_superseded=True,
                events=events,
                pack=packs,
                details=extra,
            )
        except InvalidArgument as error:
            if error.field != "previous":
                raise
            raise BadInput(f"{output}: {error}") from None  # names the file, not "previous"
    elif fmt == "json":  # always a list of {file, plan}, for one file or many
        listed = [{"file": str(each.path), "plan": serialize.unstructure(s)} for each, s in plans]
        data = (json.dumps(listed, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
    elif output is None:
        out = _console()
        for each, schedule in plans:
            zone = shown_zone or home_zone(each.interview)
            label = _label(each) if len(plans) > 1 else None
            show.print_plan(out, label, schedule, each.interview, zone)
        return
    else:
        rows = [(_label(each), each.interview, schedule) for each, schedule in plans]
        data = show.plain_plans(rows, shown_zone).encode()
    if output is None:
        click.echo(data.decode(), nl=False)
    else:
        _write_atomically(Path(output), data)


def _label(each: Loaded) -> str:
    """How a person tells a file apart: the role, the company, the file."""
    return f"{each.interview.role} at {each.interview.company} ({each.path.name})"


def _display_zone_name(zone_name: str) -> tzinfo:
    try:
        return cal.zone(zone_name)
    except ValueError:
        raise BadInput(f"--tz: unknown time zone {_short_repr(zone_name)}") from None


def _packs(templates: str | None, locale: str | None) -> Callable[[Interview], TemplatePack]:
    """The pack for each interview: in --locale, else in its candidate's language.

    Made before anything is planned, so that a bad --locale or --templates is
    refused first; one pack per language, reused.
    """
    made: dict[str, TemplatePack] = {}

    def pack_for(interview: Interview) -> TemplatePack:
        name = locale or candidate_locale(interview)
        pack = made.get(name)
        if pack is None:
            pack = made[name] = TemplatePack(templates, locale=name)
        return pack

    first = locale or "en"
    made[first] = TemplatePack(templates, locale=first)
    return pack_for


# -- today and next ---------------------------------------------------------------------


def _day(
    interviews: Sequence[str], policy_path: str | None, now_text: str | None
) -> tuple[Any, list[str]]:
    """Every file's agenda from the moment given, due until the end of each candidate's day.

    With several files, one that cannot be read or planned is left out, and
    said on stderr once the others are shown (exit status 2 then): one bad
    file does not hide the day of every other application.
    """
    when = read_when(now_text or "now")
    policy = _load_policy(policy_path)
    left_out: list[str] = []
    if len(interviews) == 1:
        loaded = _load_files(interviews, None)
    else:
        loaded = []
        for name in _progress(interviews, "Reading"):
            try:
                loaded.append(files.HistoryFile(name).read())
            except FollowupError as error:
                left_out.append(str(error))
        if not loaded:
            _said_left_out(left_out)
    applications = []
    for each in _progress(loaded, "Planning"):
        try:
            applications.append(_application(each, policy, as_of=when.at(each.interview)))
        except FollowupError as error:
            if len(interviews) == 1:
                raise
            left_out.append(_with_path(error))
    if not applications:
        _said_left_out(left_out)
    day = agenda_many(
        applications,
        when.at(loaded[0].interview),
        until="end_of_day",
        skip_invalid=len(interviews) > 1,
        together=True,  # one candidate's files: one thread per employer and person
    )
    left_out.extend(f"{application.name}: {error}" for application, error in day.failed)
    return day, left_out


def _left_out_line(left_out: list[str]) -> str | None:
    """The line that says, among the rest, that files were left out; None when none was.

    The loop12 trial: with one file of three unreadable, `next` printed "Nothing
    left to do in any of these files." and `today` "Nothing is overdue and nothing
    is due today.", the error only after them on stderr: a day read as empty
    that was not known.
    """
    if not left_out:
        return None
    them = "it" if len(left_out) == 1 else "them"
    return (
        f"{counted(len(left_out), 'file')} left out, not read or planned, so not listed "
        f"here: see why below, mend {them} and run this again."
    )


def _said_left_out(left_out: list[str]) -> None:
    """Each file left out, one line on stderr, then exit status 2; nothing when none was."""
    if not left_out:
        return
    for line in left_out:
        click.echo(f"followup: error: {line}", err=True)
    sys.exit(2)


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
    day, left_out = _day(interviews, policy_path, now_text)
    if fmt == "json":
        shown = [*day.late, *day.due, *(day.superseded if show_all else ())]
        click.echo(json.dumps([show.entry_json(e) for e in shown], indent=2, ensure_ascii=False))
    else:
        _console().print(show.today(day, show_all))
        said = _left_out_line(left_out)
        if said is not None:
            _console().print(said)
    _said_left_out(left_out)


@main.command("next", epilog=NEXT_EXAMPLES)
@files_argument
@policy_option
@now_option("the clock by default")
@friendly
def next_command(
    interviews: tuple[str, ...], policy_path: str | None, now_text: str | None
) -> None:
    """The one next step across every interview FILE: overdue first, then due, then coming."""
    day, left_out = _day(interviews, policy_path, now_text)
    found = day.next
    if found is None:
        _console().print(
            "Nothing left to do in the files read."
            if left_out
            else "Nothing left to do in any of these files."
        )
    else:
        _console().print(show.next_line(found))
    said = _left_out_line(left_out)
    if said is not None:
        _console().print(said)
    _said_left_out(left_out)


# -- render, audit, rules, policy, new -------------------------------------------------------


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
    click.echo(_messages_text(rendered, many=len(plans) > 1), nl=False)


def _messages_text(rendered: Sequence[tuple[Loaded, Any, Any]], many: bool) -> str:
    """The rendered messages as ``render`` prints them: a heading, To, Subject, the text."""
    blocks = []
    for each, action, message in rendered:
        when_text = action.suggested.format("ddd D MMM YYYY HH:mm zz")
        heading = f"=== {when_text}: {describe(action)} [{action.rule}]"
        if many:
            heading += f" ({each.path.name})"
        to = message.to
        for detail, missing in (("email", "e-mail address"), ("phone", "phone number")):
            if detail in message.missing_details:
                to += f" (no {missing} known)"
        lines = [heading, f"To: {to}"]
        if message.subject:
            lines.append(f"Subject: {message.subject}")
        lines.extend(_needs(message))
        blocks.append("\n".join(lines) + f"\n\n{message.text}\n\n")
    return "".join(blocks)


_NEEDS = {
    "email": "their e-mail address",
    "phone": "their phone number",
    "address": "a postal address",
    "feedback": "your feedback (--detail feedback=...)",
    "topics": "what you discussed (--detail topics=...)",
    "fit": "your case for fit (--detail fit=...)",
    "honorific": "their courtesy title (honorific)",
}


def _needs(message: Message) -> list[str]:
    """What a message needs before it goes, what would make it stronger, what to attach."""
    lines = []
    blocking = [n for n in message.blocking if n not in ("email", "phone")]  # said on To:
    if blocking:
        lines.append("Not ready to send, needs: " + ", ".join(_NEEDS[n] for n in blocking))
    if message.would_strengthen:
        stronger = ", ".join(_NEEDS[n] for n in message.would_strengthen)
        lines.append(f"Stronger with: {stronger}")
    if message.enclosures:
        lines.append("Attach: " + "; ".join(message.enclosures))
    lines.extend(f"Note: {warning}" for warning in message.warnings)
    return lines


@main.command("audit", epilog=AUDIT_EXAMPLES)
@click.argument("interview", type=click.Path(dir_okay=False))
@click.argument("events", type=click.Path(dir_okay=False), required=False)
@policy_option
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--with",
    "others",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Another interview file of yours (a second round, say): follow-ups to the same "
    "person at the same employer keep min_gap across the files (repeatable).",
)
@friendly
def audit_command(
    interview: str, events: str | None, policy_path: str | None, fmt: str, others: Sequence[str]
) -> None:
    """Judge the contact log of INTERVIEW (its own history, or EVENTS); exit 1 when pushy."""
    found = files.HistoryFile(interview, events).read()
    own = found.policy if found.policy is not None else _load_policy(policy_path)
    _check_steps(Application(found.interview, found.history, own), found)
    if others:
        policy = _load_policy(policy_path)
        apps = []
        for other in others:
            read = files.HistoryFile(other).read()
            mine = policy if read.policy is None else read.policy
            apps.append(Application(read.interview, read.history, mine))
        # INTERVIEW is judged last, against every other file's contacts up to and at the
        # same instant: `audit_many` counts a contact at the very same moment only from an
        # application listed earlier (the loop12 trial: two check-ins to one person at
        # one moment, one in each file, were polite by both `audit A --with B` and
        # `audit B --with A`)
        apps.append(Application(found.interview, found.history, own))
        violations = audit_many(apps)[-1]
    else:
        violations = audit(found.interview, list(found.history), own)
    if fmt == "json":
        keys = ("rule", "sources", "message")
        data = [
            {**{key: serialize.unstructure(getattr(v, key)) for key in keys},
             "events": serialize.unstructure(list(v.events))}
            for v in violations
        ]  # fmt: skip
        click.echo(json.dumps(data, indent=2, sort_keys=True))
    elif not violations:
        click.echo("Polite: no limit was overstepped.")
    else:
        for violation in violations:
            click.echo(show.violation_line(violation))
    if violations:
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover - python -m followup_rules.cli
    # The module imported by its name holds the group the commands joined.
    from followup_rules.cli import main as entry

    entry()
