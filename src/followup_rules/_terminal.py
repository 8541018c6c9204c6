"""How the ``followup`` command prints: tables, lines and JSON, from library results.

Nothing here decides anything: the library says what is late, due or coming
(`followup_rules.loop`); these functions only lay it out for people (rich
tables and lines) or for scripts (the stable JSON of ``today``).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, tzinfo
from pathlib import Path
from typing import Any

from . import _calendar as cal
from . import serialize
from ._grammar import counted
from .action import Action, Plan
from .agenda import AgendaItem, Standing
from .audit import Violation
from .events import Event
from .export import describe
from .loop import AgendaMany, Application, Entry, describe_event
from .model import Channel, Interview
from .policy import Policy


def console() -> Any:
    """Standard output through rich: colour only on a terminal and without NO_COLOR.

    The width is the terminal's (or ``COLUMNS``); tables fold to fit, down to
    60 columns.
    """
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False)


def escape(text: str) -> str:
    from rich.markup import escape as rich_escape

    return rich_escape(text)


def home_zone(interview: Interview) -> Any:
    """The candidate's zone, else the interview's."""
    return interview.zone_of(interview.candidate)


def their_time(
    action: Action, interview: Interview, home: Any, moment: datetime | None = None
) -> str:
    """The time on the recipient's clock, when it is not the candidate's.

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


def what(action: Action) -> str:
    """The step in words; a call to someone without a known number in red."""
    text = escape(describe(action))
    person = action.recipient
    if action.channel is Channel.PHONE and person is not None and not person.phone:
        return f"[bold red]{text}[/]"
    return text


def _table(*columns: tuple[str, dict[str, Any]]) -> Any:
    """A table whose text columns fold.  The step's column has no minimum width: rich
    crops a cell, not folds it, when the other columns leave it less than its minimum
    (two files in two zones at 60 columns read "thank-you e-mail (n", the "o" cut)."""
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for name, options in columns:
        table.add_column(name, overflow="fold", **options)
    return table


# -- plan ----------------------------------------------------------------------------------


def _window(action: Action, zone: Any) -> str:
    opens, closes = action.earliest.in_timezone(zone), action.latest.in_timezone(zone)
    if opens.date() == closes.date():
        return f"{opens.format('HH:mm')}-{closes.format('HH:mm')}"
    return f"until {closes.format('ddd D MMM HH:mm')}"


def plan_table(schedule: Plan, interview: Interview, zone: Any, width: int) -> Any:
    """The plan as a rich table in *zone*: when, what, their time; rule and window if room."""
    columns: list[tuple[str, dict[str, Any]]] = [
        ("When", {"no_wrap": True}),
        ("What", {}),
        ("Their time", {"max_width": 16}),
    ]
    with_rule, with_window = width >= 100, width >= 120
    if with_window:
        columns.append(("Window", {"no_wrap": True}))
    if with_rule:
        columns.append(("Rule", {"style": "dim", "no_wrap": True}))
    table = _table(*columns)
    for action in schedule:
        when = action.suggested.in_timezone(zone)
        row = [
            when.format("ddd D MMM YYYY HH:mm" if with_window else "ddd D MMM HH:mm"),
            what(action),
            their_time(action, interview, zone),
        ]
        if with_window:
            row.append(_window(action, zone))
        if with_rule:
            row.append(action.rule)
        table.add_row(*row)
    return table


def _steps(count: int) -> str:
    """ "1 step", "3 steps"."""
    return counted(count, "step")


def print_plan(
    out: Any, label: str | None, schedule: Plan, interview: Interview, zone: Any
) -> None:
    """One plan on *out* (a rich console): a heading when *label*, the table, what was missed."""
    if label is not None:
        out.print(f"[bold]{escape(label)}[/]")
    if not schedule:
        out.print("Nothing left to do: every allowed step is done.")
    else:
        out.print(plan_table(schedule, interview, zone, out.width))
        out.print(f"(times in {cal.zone_name(zone, schedule[0].suggested)})")
    if schedule.missed:
        out.print(
            f"[yellow]{_steps(len(schedule.missed))} can no longer be done: "
            + (
                "its window closed with nothing recorded for it.\n--format json lists it"
                if len(schedule.missed) == 1
                else "their window closed with nothing recorded for them.\n--format json "
                "lists them"
            )
            + ', under "missed".[/]'
        )


def plain_plans(plans: Sequence[tuple[str, Interview, Plan]], zone: tzinfo | None) -> str:
    """The tables as plain text, for a file (-o): no colour, 120 columns."""
    from rich.console import Console

    out = Console(record=True, width=120, file=io.StringIO(), color_system=None)
    for label, interview, schedule in plans:
        shown = zone or home_zone(interview)
        if len(plans) > 1:
            out.print(label)
        if schedule:
            out.print(plan_table(schedule, interview, shown, out.width))
            out.print(f"(times in {cal.zone_name(shown, schedule[0].suggested)})")
        else:
            out.print("Nothing left to do: every allowed step is done.")
    return str(out.export_text())


# -- today and next ------------------------------------------------------------------------

_MARKS = {
    Standing.LATE: ("overdue", "bold red"),
    Standing.SUPERSEDED: ("missed", "dim"),
    Standing.DUE: ("due", "green"),
    Standing.COMING: ("later", ""),
}


def _where(application: Application) -> str:
    """The company, and the file (the application's name) without its folder."""
    name = Path(application.name).name if application.name else application.label
    return f"{application.interview.company} · {name}"


def _row(entry: Entry, many: bool, zoned: bool = False) -> list[str]:
    """A row of `today`; *zoned*: each time with its zone (the files disagree on yours)."""
    application, item = entry.application, entry.item
    zone, shown = application.zone, entry.shown_at
    now = cal.to_pendulum(entry.agenda.now.astimezone(zone))
    day = "today" if shown.date() == now.date() else shown.format("ddd D MMM")
    mark, style = _MARKS[item.standing]
    superseded = item.standing is Standing.SUPERSEDED
    when = shown.format("ddd D MMM HH:mm") if superseded else f"{day} {shown.format('HH:mm')}"
    if zoned:
        when += f" {shown.format('zz')}"
    line = what(item.action)
    if item.reason is not None:
        line += f" [dim]({escape(item.note().split(': ', 1)[1])})[/]"
    elif item.standing is Standing.LATE and not item.to_do:  # late, and not allowed now
        line += f" [dim](not now: {escape(windows(item))})[/]"
    if many:  # which application: on its own line, so the table keeps to 60 columns
        line += f"\n[dim]{escape(_where(application))}[/]"
    return [
        f"[{style}]{mark}[/]" if style else mark,
        when,
        their_time(item.action, application.interview, zone, shown),
        line,
    ]


def today(day: AgendaMany, show_all: bool) -> Any:
    """``followup today``: a heading, one table of late and due steps, and what is left out."""
    from rich.console import Group

    first, _ = day.agendas[0]
    heading = cal.to_pendulum(day.now.astimezone(first.zone)).format("dddd D MMMM YYYY")
    parts: list[Any] = [f"[bold]Today[/], {heading}"]
    # The loop5 trial: a candidate who moved changed the zone in some files only, and
    # one instant read "today 21:30" and "today 08:30" with nothing to tell them apart.
    zones = sorted({cal.zone_name(application.zone, day.now) for application, _ in day.agendas})
    zoned = len(zones) > 1
    if zoned:
        parts.append(
            f"[yellow]Your files give you different time zones ({escape(', '.join(zones))}): "
            "each time is in its file's zone, shown beside it; set candidate.timezone "
            "alike in every file.[/]"
        )
    entries = [*day.late, *day.due, *(day.superseded if show_all else ())]
    if entries:
        table = _table(
            ("", {"no_wrap": True}),
            ("When (you)", {"no_wrap": True}),
            ("Their time", {"max_width": 16}),
            ("What", {}),
        )
        for entry in entries:
            table.add_row(*_row(entry, many=len(day.agendas) > 1, zoned=zoned))
        parts.append(table)
    else:
        parts.append("Nothing is overdue and nothing is due today.")
        if day.next is not None:
            parts.append(f"Next: {next_line(day.next)}")
    if day.superseded and not show_all:
        parts.append(
            f"[dim]{_steps(len(day.superseded))} can no longer be done and "
            f"{'is' if len(day.superseded) == 1 else 'are'} not shown (--all lists them).[/]"
        )
    return Group(*parts)


def windows(item: AgendaItem) -> str:
    """When a step can next be done, on both clocks when they differ:
    ``"Tue 21 Jul 10:00-11:30 their time, 16:00-17:30 yours"``."""
    (opens, closes), (mine, mine_closes) = item.their_window, item.your_window
    theirs = f"{opens.format('ddd D MMM HH:mm')}-{_end(opens, closes)}"
    if opens.utcoffset() == mine.utcoffset():
        return theirs
    day = "" if mine.date() == opens.date() else f"{mine.format('ddd D MMM')} "
    return f"{theirs} their time, {day}{mine.format('HH:mm')}-{_end(mine, mine_closes)} yours"


def _end(opens: Any, closes: Any) -> str:
    """The end of a window: its time, and its weekday when it is on another day than the
    start (loop10: "18:30-03:30 yours" for a window that closes the next night)."""
    if closes.date() == opens.date():
        return str(closes.format("HH:mm"))
    return str(closes.format("ddd HH:mm"))


def next_line(entry: Entry) -> str:
    """The one next step on one line: when (yours, theirs), what, and whose."""
    application, item = entry.application, entry.item
    shown = entry.shown_at
    theirs = their_time(item.action, application.interview, application.zone, shown)
    beside = f" (their time {theirs})" if theirs and theirs != "same" else ""
    stamp = f"{shown.format('ddd D MMM HH:mm zz')}{beside}"
    if item.standing is Standing.LATE:
        missed = item.late_since or item.action.latest
        since = cal.to_pendulum(missed.astimezone(application.zone))
        overdue = f"overdue since {since.format('ddd D MMM HH:mm zz')}"
        stamp = f"{overdue}, do it now:" if item.to_do else f"{overdue}, next {windows(item)}:"
    elif item.standing is Standing.DUE and item.to_do:
        stamp = f"due now: {stamp}"
    elif item.standing is Standing.DUE:  # due later today: when, not "now"
        now = cal.to_pendulum(entry.agenda.now.astimezone(application.zone))
        day = "today" if shown.date() == now.date() else shown.format("ddd D MMM")
        stamp = f"due {day} at {shown.format('HH:mm zz')}{beside}:"
    where = escape(f"({_where(application).replace(' · ', ', ')})")
    return f"{stamp}  {what(item.action)}  [dim]{where}[/]"


def entry_json(entry: Entry) -> dict[str, Any]:
    """One step of ``today --format json``: a shape kept stable across versions."""
    item, action = entry.item, entry.action
    return {
        "file": entry.application.name,
        "id": item.id,
        "standing": item.standing.value,
        "reason": None if item.reason is None else item.reason.value,
        "after": item.after,
        "to_do": item.to_do,
        "late_since": (
            None if item.late_since is None else serialize.format_datetime(item.late_since)
        ),
        "what": describe(action),
        "kind": action.kind.value,
        "channel": action.channel.value,
        "recipient": None if action.recipient is None else action.recipient.name,
        "earliest": serialize.format_datetime(action.earliest),
        "suggested": serialize.format_datetime(action.suggested),
        "latest": serialize.format_datetime(action.latest),
        "rule": action.rule,
    }


# -- events ------------------------------------------------------------------------------


def said(event: Event, interview: Interview, policy: Policy | None = None) -> str:
    """An event in a few words, at the candidate's time: what ``log`` and ``events`` print."""
    return describe_event(event, interview, policy)


def violation_line(violation: Violation) -> str:
    """One violation as ``audit`` prints it: when, the rule, why."""
    return f"{violation.events[0].at.isoformat()}  [{violation.rule}] {violation.message}"
