"""How ``followup`` lays out its tables and lines (mutation pass 23, `_terminal` and `cli`).

Direct calls of the formatting functions, no click and no files where none is
needed: the plan table at each width, the rows and the heading of ``today``,
the line of ``next``, the JSON of one step, the windows on both clocks, and
the helpers of the commands (files left out, the messages as ``render`` prints
them, one language pack per language).
"""

from __future__ import annotations

import io
import itertools
import re
import time
from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import attrs
import pendulum
import pytest
from rich.console import Console

from followup_rules import Application, Interview, agenda_many, cli
from followup_rules import _terminal as t
from followup_rules import serialize as s
from followup_rules._cli_base import BadInput
from followup_rules.agenda import Standing
from followup_rules.export import describe
from followup_rules.loop import AgendaMany, Entry, describe_event
from followup_rules.messages import Message, TemplatePack
from followup_rules.model import Channel

ROOT = Path(__file__).resolve().parent.parent
TEXT = (ROOT / "examples" / "interview.toml").read_text()
LONDON = TEXT.replace(
    'email = "sam@example.com"', 'email = "sam@example.com"\ntimezone = "Europe/London"'
).replace("Acme Analytics", "Bolt Labs")
NEW_YORK = pendulum.timezone("America/New_York")


def interview(text: str = TEXT) -> Interview:
    return s.structure(s.loads(text, fmt="toml"), Interview)


def at(text: str) -> pendulum.DateTime:
    return pendulum.parse(text)  # type: ignore[return-value]


def day_of(now: str, *applications: Application, until: Any = "end_of_day") -> AgendaMany:
    chosen = applications or (Application(interview()),)
    return agenda_many(chosen, at(now), until=until, together=True)


def two_files() -> tuple[Application, Application]:
    """Acme in New York and Bolt in London: a candidate whose files disagree on her zone."""
    return (
        Application(interview(), name="/x/acme.toml"),
        Application(interview(LONDON), name="/y/bolt.toml"),
    )


def text_of(renderable: Any, width: int = 100) -> list[str]:
    out = Console(record=True, width=width, file=io.StringIO(), color_system=None)
    out.print(renderable)
    return [line.rstrip() for line in out.export_text().splitlines()]


class Out:
    """A console that keeps what is printed on it (markup as given)."""

    def __init__(self, width: int = 100) -> None:
        self.width = width
        self.printed: list[Any] = []

    def print(self, value: Any) -> None:
        self.printed.append(value)


def first(day: AgendaMany, standing: Standing, to_do: bool | None = None) -> Entry:
    found: Entry = next(
        entry
        for entry in (*day, *day.superseded)
        if entry.standing is standing and (to_do is None or entry.item.to_do is to_do)
    )
    return found


# -- the plan table ---------------------------------------------------------------------------


PLAN_80 = [
    "When               What                                               Their time",
    "─" * 80,
    "Tue 7 Jul 14:48    Close: sum up your fit, ask Ana Ruiz about         same",
    "                   doubts and next steps",
    "Tue 7 Jul 14:51    Ask Ana Ruiz when they expect to decide            same",
    "Tue 7 Jul 14:54    Ask Ana Ruiz if you may check back, and how        same",
    "Tue 7 Jul 14:57    Ask Ana Ruiz for a business card                   same",
    "Tue 7 Jul 14:58    Ask Bo Chen for a business card                    20:58 CEST",
    "Tue 7 Jul 16:00    Send Ana Ruiz a thank-you e-mail                   same",
    "Wed 8 Jul 07:00    Send Bo Chen a thank-you e-mail (no e-mail         13:00 CEST",
    "                   address known: find it first)",
    "Thu 16 Jul 10:00   Check in with Ana Ruiz by phone                    same",
    "Tue 21 Jul 08:00   Check in with Ana Ruiz by e-mail                   same",
    "Fri 24 Jul 08:00   Check in with Ana Ruiz by e-mail                   same",
]

PLAN_120_LATE = [
    "When                    What                               Their time   Window        Rule",
    "─" * 109,
    "Tue 21 Jul 2026 10:00   Check in with Ana Ruiz by phone    same         10:00-11:30   "
    "check-in-after-deadline",
    "Fri 24 Jul 2026 08:00   Check in with Ana Ruiz by e-mail   same         08:00-17:00   "
    "retry-gap",
    "Wed 29 Jul 2026 08:00   Check in with Ana Ruiz by e-mail   same         08:00-17:00   "
    "retry-gap",
]


class TestPlanTable:
    def test_eighty_columns_when_what_and_their_time(self) -> None:
        """Narrow: three columns; the step folds, the time never does."""
        iv = interview()
        table = t.plan_table(Application(iv).plan(), iv, t.home_zone(iv), 80)
        assert text_of(table, 80) == PLAN_80

    @pytest.mark.parametrize(
        ("width", "header"),
        [
            (99, ["When", "What", "Their time"]),
            (100, ["When", "What", "Their time", "Rule"]),
            (119, ["When", "What", "Their time", "Rule"]),
            (120, ["When", "What", "Their time", "Window", "Rule"]),
        ],
    )
    def test_the_rule_from_100_columns_the_window_from_120(
        self, width: int, header: list[str]
    ) -> None:
        iv = interview()
        table = t.plan_table(Application(iv).plan(), iv, t.home_zone(iv), width)
        assert text_of(table, width)[0].split() == " ".join(header).split()
        rows = text_of(table, width)[2:]
        assert rows[0].startswith("Tue 7 Jul 2026 14:48" if width >= 120 else "Tue 7 Jul 14:48 ")
        assert rows[0].endswith("closing") is (width >= 100)

    def test_the_window_same_day_as_times_else_until(self) -> None:
        """A window within one day reads 14:00-15:00; one over days, "until" its end."""
        iv = interview()
        lines = text_of(t.plan_table(Application(iv).plan(), iv, t.home_zone(iv), 140), 140)
        closing = next(line for line in lines if "Close:" in line)
        thanks = next(line for line in lines if "Send Ana Ruiz a thank-you" in line)
        assert " 14:00-15:00 " in closing
        assert " until Wed 8 Jul 15:00 " in thanks

    def test_a_late_plan_at_120_columns(self) -> None:
        iv = interview()
        plan = Application(iv).plan(now=at("2026-07-20T12:00:00-04:00"))
        assert text_of(t.plan_table(plan, iv, t.home_zone(iv), 120), 120) == PLAN_120_LATE

    def test_the_column_of_their_time_keeps_to_16(self) -> None:
        """At 200 columns the table grows, but "Their time" stays narrow and the rule dim."""
        iv = interview()
        table = t.plan_table(Application(iv).plan(), iv, t.home_zone(iv), 200)
        names = [column.header for column in table.columns]
        assert names == ["When", "What", "Their time", "Window", "Rule"]
        assert [column.max_width for column in table.columns][2] == 16
        assert table.columns[4].style == "dim"
        assert [column.no_wrap for column in table.columns] == [True, False, False, True, True]
        assert table.columns[1].min_width is None  # never cropped: see TestNoWordOfAStepIsLost
        assert {column.overflow for column in table.columns} == {"fold"}
        assert (table.pad_edge, table.show_edge) == (False, False)


class TestWhatAndTheirTime:
    def test_a_call_to_someone_without_a_number_is_red(self) -> None:
        iv = interview()
        plan = Application(iv).plan()
        call = next(action for action in plan if action.channel is Channel.PHONE)
        bo = next(person for person in iv.interviewers if person.name == "Bo Chen")
        assert t.what(call) == "Check in with Ana Ruiz by phone"  # Ana has a number
        to_bo = attrs.evolve(call, recipient=bo)
        assert t.what(to_bo).startswith("[bold red]") and t.what(to_bo).endswith("[/]")
        mail_to_bo = next(a for a in plan if a.recipient == bo and a.channel is Channel.EMAIL)
        assert not t.what(mail_to_bo).startswith("[")  # no number needed for an e-mail

    def test_markup_in_a_name_is_escaped(self) -> None:
        iv = interview(TEXT.replace("Ana Ruiz", "Ana [b]Ruiz"))
        action = Application(iv).plan()[0]
        assert "\\[b]" in t.what(action)

    def test_their_time(self) -> None:
        iv = interview()
        plan = Application(iv).plan()
        to_ana, to_bo = (
            plan[0],
            next(a for a in plan if a.recipient and a.recipient.name == "Bo Chen"),
        )
        assert t.their_time(to_ana, iv, NEW_YORK) == "same"
        assert t.their_time(to_bo, iv, NEW_YORK) == "20:58 CEST"
        # at another moment than the suggested one, and another day there
        assert t.their_time(to_bo, iv, NEW_YORK, at("2026-07-07T19:30:00-04:00")) == (
            "Wed 01:30 CEST"
        )
        # seen from Berlin, Ana's clock is the other one
        berlin = pendulum.timezone("Europe/Berlin")
        assert t.their_time(to_ana, iv, berlin) == "14:48 EDT"
        assert t.their_time(to_bo, iv, berlin) == "same"
        assert t.their_time(attrs.evolve(to_ana, recipient=None), iv, NEW_YORK) == ""

    def test_home_zone_is_the_candidates(self) -> None:
        assert str(t.home_zone(interview(LONDON))) == "Europe/London"
        assert str(t.home_zone(interview())) == "America/New_York"


# -- print_plan and plain_plans ----------------------------------------------------------------

MISSED_7 = (
    "[yellow]7 steps can no longer be done: their window closed with nothing recorded for "
    'them.\n--format json lists them, under "missed".[/]'
)


class TestPrintPlan:
    def test_a_label_the_table_the_zone_and_what_was_missed(self) -> None:
        iv = interview()
        plan = Application(iv).plan(now=at("2026-07-20T12:00:00-04:00"))
        out = Out(120)
        t.print_plan(out, "Data [b]Engineer", plan, iv, NEW_YORK)
        label, table, zone, missed = out.printed
        assert label == "[bold]Data \\[b]Engineer[/]"
        assert text_of(table, 120) == PLAN_120_LATE
        assert zone == "(times in America/New_York)"
        assert missed == MISSED_7

    def test_the_width_of_the_console_chooses_the_columns(self) -> None:
        iv = interview()
        plan = Application(iv).plan()
        out = Out(80)
        t.print_plan(out, None, plan, iv, NEW_YORK)
        assert text_of(out.printed[0], 80) == PLAN_80
        assert out.printed[1:] == ["(times in America/New_York)"]

    def test_one_step_missed(self) -> None:
        iv = interview()
        plan = Application(iv).plan(now=at("2026-07-20T12:00:00-04:00"))
        one = attrs.evolve(plan, missed=plan.missed[:1])
        out = Out()
        t.print_plan(out, None, one, iv, NEW_YORK)
        assert out.printed[-1] == (
            "[yellow]1 step can no longer be done: its window closed with nothing recorded "
            'for it.\n--format json lists it, under "missed".[/]'
        )

    def test_nothing_left(self) -> None:
        iv = interview()
        plan = Application(iv).plan(now=at("2026-07-20T12:00:00-04:00"))
        out = Out()
        t.print_plan(out, None, attrs.evolve(plan, actions=(), missed=()), iv, NEW_YORK)
        assert out.printed == ["Nothing left to do: every allowed step is done."]

    def test_the_zone_named_at_the_first_step(self) -> None:
        """Berlin in winter is CET; the zone is named by its key, as the table's times."""
        iv = interview()
        plan = Application(iv).plan()
        out = Out()
        t.print_plan(out, None, plan, iv, pendulum.timezone("Europe/Berlin"))
        assert out.printed[1] == "(times in Europe/Berlin)"


class TestPlainPlans:
    def test_several_plans_with_their_labels(self) -> None:
        iv = interview()
        app = Application(iv)
        late = app.plan(now=at("2026-07-20T12:00:00-04:00"))
        empty = attrs.evolve(late, actions=(), missed=())
        text = t.plain_plans([("A at Acme", iv, late), ("B at Acme", iv, empty)], None)
        assert text.splitlines() == [
            "A at Acme",
            *[line.ljust(len(PLAN_120_LATE[2])) for line in PLAN_120_LATE],
            "(times in America/New_York)",
            "B at Acme",
            "Nothing left to do: every allowed step is done.",
        ]

    def test_one_plan_has_no_label_and_the_zone_given_wins(self) -> None:
        iv = interview()
        late = Application(iv).plan(now=at("2026-07-20T12:00:00-04:00"))
        text = t.plain_plans([("A", iv, late)], pendulum.timezone("Europe/Berlin"))
        lines = [line.rstrip() for line in text.splitlines()]
        assert lines[0].startswith("When ")
        assert lines[2] == (
            "Tue 21 Jul 2026 16:00   Check in with Ana Ruiz by phone    10:00 EDT    "
            "16:00-17:30   check-in-after-deadline"
        )
        assert lines[-1] == "(times in Europe/Berlin)"
        assert "\x1b" not in text


# -- today ----------------------------------------------------------------------------------


def parts_of(day: AgendaMany, show_all: bool = False) -> list[Any]:
    return list(t.today(day, show_all).renderables)


class TestToday:
    def test_late_steps_on_one_file(self) -> None:
        day = day_of("2026-07-09T09:00:00-04:00")
        heading, table, left = parts_of(day)
        assert heading == "[bold]Today[/], Thursday 9 July 2026"
        assert text_of(table) == [
            "          When (you)    Their time   What",
            "─" * 100,
            "overdue   today 09:00   same         Send Ana Ruiz a thank-you e-mail",
            "overdue   today 09:00   15:00 CEST   Send Bo Chen a thank-you e-mail (no e-mail "
            "address known: find",
            "                                     it first)",
        ]
        assert left == (
            "[dim]5 steps can no longer be done and are not shown (--all lists them).[/]"
        )

    def test_all_lists_the_missed_steps(self) -> None:
        day = day_of("2026-07-09T09:00:00-04:00")
        _, table = parts_of(day, show_all=True)
        lines = text_of(table)
        assert len(lines) == 2 + 3 + 8  # a heading, two overdue steps, five missed
        assert lines[5] == (
            "missed    Tue 7 Jul 15:00   same         Close: sum up your fit, ask Ana Ruiz "
            "about doubts and next"
        )
        assert lines[6].strip() == "steps (the interview is over)"

    def test_one_step_missed_is_said_in_the_singular(self) -> None:
        day = day_of("2026-07-09T09:00:00-04:00")
        one = attrs.evolve(day, superseded=day.superseded[:1])
        assert parts_of(one)[-1] == (
            "[dim]1 step can no longer be done and is not shown (--all lists them).[/]"
        )
        none = attrs.evolve(day, superseded=())
        assert len(parts_of(none)) == 2

    def test_nothing_due_says_what_is_next(self) -> None:
        day = day_of("2026-07-07T18:00:00-04:00")
        heading, nothing, following, left = parts_of(day)
        assert heading == "[bold]Today[/], Tuesday 7 July 2026"
        assert nothing == "Nothing is overdue and nothing is due today."
        assert following == "Next: " + t.next_line(day.next)  # type: ignore[arg-type]
        assert following.startswith("Next: Wed 8 Jul 07:00 EDT (their time 13:00 CEST)  ")
        assert left.startswith("[dim]5 steps ")

    def test_nothing_left_at_all(self) -> None:
        day = day_of("2026-07-07T18:00:00-04:00")
        empty = attrs.evolve(day, entries=(), superseded=())
        assert parts_of(empty) == [
            "[bold]Today[/], Tuesday 7 July 2026",
            "Nothing is overdue and nothing is due today.",
        ]

    def test_the_heading_in_the_first_files_zone(self) -> None:
        """23:30 in New York is already Friday in London: each file's own day."""
        acme, bolt = two_files()
        day = day_of("2026-07-09T23:30:00-04:00", bolt, acme)
        assert parts_of(day)[0] == "[bold]Today[/], Friday 10 July 2026"
        day = day_of("2026-07-09T23:30:00-04:00", acme, bolt)
        assert parts_of(day)[0] == "[bold]Today[/], Thursday 9 July 2026"

    def test_files_that_disagree_on_the_zone(self) -> None:
        day = day_of("2026-07-16T09:00:00-04:00", *two_files())
        _, warning, table, left = parts_of(day)
        assert warning == (
            "[yellow]Your files give you different time zones (America/New_York, "
            "Europe/London): each time is in its file's zone, shown beside it; set "
            "candidate.timezone alike in every file.[/]"
        )
        assert text_of(table, 60) == [
            "      When (you)        Their time   What",
            "─" * 60,
            "due   today 10:00 EDT   same         Check in with Ana Ruiz",
            "                                     by phone",
            "                                     Acme Analytics ·",
            "                                     acme.toml",
            "due   today 15:00 BST   10:00 EDT    Check in with Ana Ruiz",
            "                                     by phone",
            "                                     Bolt Labs · bolt.toml",
        ]
        assert left.startswith("[dim]14 steps ")

    def test_files_in_one_zone_have_no_warning_and_no_zone_beside_the_time(self) -> None:
        acme, bolt = two_files()
        bolt = Application(interview(TEXT.replace("Acme", "Bolt")), name="/y/bolt.toml")
        day = day_of("2026-07-16T09:00:00-04:00", acme, bolt)
        _, table, _ = parts_of(day)
        lines = text_of(table)
        assert lines[2].split()[:4] == ["due", "today", "10:00", "same"]
        assert lines[3].strip() == "Acme Analytics · acme.toml"

    def test_a_markup_zone_name_is_not_read_as_markup(self) -> None:
        day = day_of("2026-07-16T09:00:00-04:00", *two_files())
        assert "\\[" not in parts_of(day)[1]


class TestRow:
    def test_each_standing_has_its_mark(self) -> None:
        day = day_of("2026-07-20T12:00:00-04:00")
        late = first(day, Standing.LATE)
        assert t._row(late, many=False) == [
            "[bold red]overdue[/]",
            "Tue 21 Jul 10:00",
            "same",
            "Check in with Ana Ruiz by phone [dim](not now: Tue 21 Jul 10:00-11:30)[/]",
        ]
        coming = first(day, Standing.COMING)
        assert t._row(coming, many=False) == [
            "later",
            "Fri 24 Jul 08:00",
            "same",
            "Check in with Ana Ruiz by e-mail",
        ]
        missed = first(day, Standing.SUPERSEDED)
        assert t._row(missed, many=False) == [
            "[dim]missed[/]",
            "Tue 7 Jul 15:00",
            "same",
            "Close: sum up your fit, ask Ana Ruiz about doubts and next steps "
            "[dim](the interview is over)[/]",
        ]
        due = first(day_of("2026-07-16T10:30:00-04:00"), Standing.DUE)
        assert t._row(due, many=False) == [
            "[green]due[/]",
            "today 10:30",
            "same",
            "Check in with Ana Ruiz by phone",
        ]

    def test_a_late_step_that_can_be_done_now_has_no_window(self) -> None:
        late = first(day_of("2026-07-09T09:00:00-04:00"), Standing.LATE, to_do=True)
        assert t._row(late, many=False)[3] == "Send Ana Ruiz a thank-you e-mail"
        assert t._row(late, many=False)[:3] == ["[bold red]overdue[/]", "today 09:00", "same"]

    def test_a_step_due_another_day_shows_the_day(self) -> None:
        day = day_of("2026-07-15T09:00:00-04:00", until=at("2026-07-17T23:00:00-04:00"))
        due = first(day, Standing.DUE)
        assert t._row(due, many=False)[:2] == ["[green]due[/]", "Thu 16 Jul 10:00"]

    def test_many_files_and_zones(self) -> None:
        acme, bolt = two_files()
        day = day_of("2026-07-09T09:00:00-04:00", acme, bolt)
        rows = [t._row(entry, many=True, zoned=True) for entry in day]
        assert rows[1] == [
            "[bold red]overdue[/]",
            "today 09:00 EDT",
            "15:00 CEST",
            "Send Bo Chen a thank-you e-mail (no e-mail address known: find it first)\n"
            "[dim]Acme Analytics · acme.toml[/]",
        ]
        assert rows[2][1:3] == ["today 14:00 BST", "09:00 EDT"]
        assert rows[2][3].endswith("\n[dim]Bolt Labs · bolt.toml[/]")
        assert rows[4] == [
            "later",
            "Thu 16 Jul 10:00 EDT",
            "same",
            "Check in with Ana Ruiz by phone\n[dim]Acme Analytics · acme.toml[/]",
        ]

    def test_where_without_a_name_is_the_label(self) -> None:
        day = day_of("2026-07-09T09:00:00-04:00")
        assert t._row(next(iter(day)), many=True)[3].endswith(
            "\n[dim]Acme Analytics · Data Engineer at Acme Analytics[/]"
        )
        assert t._where(two_files()[1]) == "Bolt Labs · bolt.toml"


class TestNextLine:
    def test_late_and_doable_now(self) -> None:
        entry = first(day_of("2026-07-09T09:00:00-04:00"), Standing.LATE, to_do=True)
        assert t.next_line(entry) == (
            "overdue since Wed 8 Jul 15:00 EDT, do it now:  Send Ana Ruiz a thank-you "
            "e-mail  [dim](Acme Analytics, Data Engineer at Acme Analytics)[/]"
        )

    def test_late_and_not_now(self) -> None:
        day = day_of("2026-07-08T16:00:00-04:00")
        entry = first(day, Standing.LATE, to_do=False)
        assert t.next_line(entry) == (
            "overdue since Wed 8 Jul 15:00 EDT, next Thu 9 Jul 08:00-17:00 their time, "
            "02:00-11:00 yours:  Send Bo Chen a thank-you e-mail (no e-mail address known: "
            "find it first)  [dim](Acme Analytics, Data Engineer at Acme Analytics)[/]"
        )

    def test_late_since_in_the_files_zone(self) -> None:
        bolt = two_files()[1]
        entry = first(day_of("2026-07-20T12:00:00-04:00", bolt), Standing.LATE)
        assert t.next_line(entry).startswith(
            "overdue since Thu 16 Jul 16:30 BST, next Tue 21 Jul 10:00-11:30 their time, "
            "15:00-16:30 yours:  "
        )

    def test_late_without_a_late_since_counts_from_the_window_end(self) -> None:
        entry = first(day_of("2026-07-20T12:00:00-04:00"), Standing.LATE)
        item = attrs.evolve(entry.item, late_since=None)
        assert t.next_line(attrs.evolve(entry, item=item)).startswith(
            "overdue since Tue 21 Jul 11:30 EDT, "
        )

    def test_due_now_and_due_later(self) -> None:
        now = first(day_of("2026-07-16T10:30:00-04:00"), Standing.DUE)
        assert t.next_line(now) == (
            "due now: Thu 16 Jul 10:30 EDT  Check in with Ana Ruiz by phone  "
            "[dim](Acme Analytics, Data Engineer at Acme Analytics)[/]"
        )
        later = first(day_of("2026-07-16T09:00:00-04:00"), Standing.DUE)
        assert t.next_line(later).startswith("due today at 10:00 EDT:  Check in with")
        bolt = two_files()[1]
        theirs = first(day_of("2026-07-16T09:00:00-04:00", bolt), Standing.DUE)
        assert t.next_line(theirs) == (
            "due today at 15:00 BST (their time 10:00 EDT):  Check in with Ana Ruiz by phone"
            "  [dim](Bolt Labs, bolt.toml)[/]"
        )
        another = first(
            day_of("2026-07-15T09:00:00-04:00", until=at("2026-07-17T23:00:00-04:00")),
            Standing.DUE,
        )
        assert t.next_line(another).startswith("due Thu 16 Jul at 10:00 EDT:  ")

    def test_coming_with_and_without_their_time(self) -> None:
        entry = first(day_of("2026-07-09T09:00:00-04:00"), Standing.COMING)
        assert t.next_line(entry) == (
            "Thu 16 Jul 10:00 EDT  Check in with Ana Ruiz by phone  "
            "[dim](Acme Analytics, Data Engineer at Acme Analytics)[/]"
        )
        bolt = two_files()[1]
        theirs = first(day_of("2026-07-09T09:00:00-04:00", bolt), Standing.COMING)
        assert t.next_line(theirs) == (
            "Thu 16 Jul 15:00 BST (their time 10:00 EDT)  Check in with Ana Ruiz by phone  "
            "[dim](Bolt Labs, bolt.toml)[/]"
        )

    def test_no_recipient_no_their_time(self) -> None:
        entry = first(day_of("2026-07-09T09:00:00-04:00"), Standing.COMING)
        item = attrs.evolve(entry.item, action=attrs.evolve(entry.item.action, recipient=None))
        line = t.next_line(attrs.evolve(entry, item=item))
        assert line.startswith("Thu 16 Jul 10:00 EDT  ") and "their time" not in line

    def test_a_file_name_with_markup_is_escaped(self) -> None:
        app = Application(interview(), name="/x/[b]acme.toml")
        entry = first(day_of("2026-07-09T09:00:00-04:00", app), Standing.COMING)
        assert t.next_line(entry).endswith("[dim](Acme Analytics, \\[b]acme.toml)[/]")


def window(opens: str, closes: str, mine: str, mine_closes: str) -> Any:
    return SimpleNamespace(
        their_window=(at(opens), at(closes)), your_window=(at(mine), at(mine_closes))
    )


class TestWindows:
    def test_one_clock(self) -> None:
        item = window(
            "2026-07-21T10:00:00-04:00",
            "2026-07-21T11:30:00-04:00",
            "2026-07-21T10:00:00-04:00",
            "2026-07-21T11:30:00-04:00",
        )
        assert t.windows(item) == "Tue 21 Jul 10:00-11:30"

    def test_two_clocks_one_day(self) -> None:
        item = window(
            "2026-07-09T08:00:00+02:00",
            "2026-07-09T17:00:00+02:00",
            "2026-07-09T02:00:00-04:00",
            "2026-07-09T11:00:00-04:00",
        )
        assert t.windows(item) == "Thu 9 Jul 08:00-17:00 their time, 02:00-11:00 yours"

    def test_two_clocks_and_another_day_yours(self) -> None:
        """loop10: a window that opens the day before on your clock, and closes the next night."""
        item = window(
            "2026-07-09T08:00:00+09:00",
            "2026-07-09T17:30:00+09:00",
            "2026-07-08T19:00:00-04:00",
            "2026-07-09T04:30:00-04:00",
        )
        assert t.windows(item) == (
            "Thu 9 Jul 08:00-17:30 their time, Wed 8 Jul 19:00-Thu 04:30 yours"
        )

    def test_their_window_over_midnight(self) -> None:
        item = window(
            "2026-07-09T22:00:00+00:00",
            "2026-07-10T02:00:00+00:00",
            "2026-07-09T22:00:00+00:00",
            "2026-07-10T02:00:00+00:00",
        )
        assert t.windows(item) == "Thu 9 Jul 22:00-Fri 02:00"


class TestEntryJson:
    def test_a_late_step(self) -> None:
        app = Application(interview(), name="acme.toml")
        entry = first(day_of("2026-07-20T12:00:00-04:00", app), Standing.LATE)
        data = t.entry_json(entry)
        assert data == {
            "file": "acme.toml",
            "id": entry.item.id,
            "standing": "late",
            "reason": None,
            "after": None,
            "to_do": False,
            "late_since": "2026-07-16T11:30:00-04:00",
            "what": "Check in with Ana Ruiz by phone",
            "kind": "check_in",
            "channel": "phone",
            "recipient": "Ana Ruiz",
            "earliest": "2026-07-21T10:00:00-04:00",
            "suggested": "2026-07-21T10:00:00-04:00",
            "latest": "2026-07-21T11:30:00-04:00",
            "rule": "check-in-after-deadline",
        }
        assert data["id"].startswith("check_in-ana-ruiz-")

    def test_a_missed_step_and_a_step_to_no_one(self) -> None:
        day = day_of("2026-07-20T12:00:00-04:00")
        missed = day.superseded[-1]
        data = t.entry_json(missed)
        assert (data["standing"], data["reason"], data["to_do"], data["file"]) == (
            "superseded",
            "too_late",
            False,
            None,
        )
        assert data["late_since"] == "2026-07-08T21:00:00+02:00"
        assert (data["earliest"], data["suggested"]) == (
            "2026-07-07T21:00:00+02:00",
            "2026-07-08T13:00:00+02:00",
        )
        coming = first(day, Standing.COMING)
        assert t.entry_json(coming)["late_since"] is None
        item = attrs.evolve(
            coming.item, action=attrs.evolve(coming.item.action, recipient=None), after="x-1"
        )
        data = t.entry_json(attrs.evolve(coming, item=item))
        assert (data["recipient"], data["after"]) == (None, "x-1")

    def test_a_step_to_do_now(self) -> None:
        entry = first(day_of("2026-07-09T09:00:00-04:00"), Standing.LATE, to_do=True)
        assert t.entry_json(entry)["to_do"] is True


class TestSmallHelpers:
    def test_said_is_the_events_description(self) -> None:
        iv = interview()
        from followup_rules.events import Reply

        event = Reply(at=at("2026-07-09T09:00:00-04:00"))
        assert t.said(event, iv) == describe_event(event, iv, None)
        assert t.said(event, iv) == "a reply, Thu 9 Jul 09:00"

    def test_violation_line(self) -> None:
        from followup_rules.audit import Violation
        from followup_rules.events import Reply

        event = Reply(at=at("2026-07-09T09:00:00-04:00"))
        line = t.violation_line(Violation("min-gap", ("001",), (event,), "too soon"))
        assert line == "2026-07-09T09:00:00-04:00  [min-gap] too soon"

    def test_escape(self) -> None:
        assert t.escape("[bold]x") == "\\[bold]x"

    def test_the_console_neither_colours_numbers_nor_wraps_softly(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.setenv("FORCE_COLOR", "1")
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setenv("COLUMNS", "30")
        t.console().print("Tue 7 Jul 14:48 " + "word " * 10)
        out = capsys.readouterr().out
        assert "\x1b" not in out  # not highlighted: no colour on the numbers
        assert len(out.splitlines()) == 3
        assert all(len(line) <= 30 for line in out.splitlines())


# -- cli helpers ------------------------------------------------------------------------------


class TestLeftOut:
    def test_the_line_that_says_files_were_left_out(self) -> None:
        assert cli._left_out_line([]) is None
        assert cli._left_out_line(["a: bad"]) == (
            "1 file left out, not read or planned, so not listed here: see why below, "
            "mend it and run this again."
        )
        assert cli._left_out_line(["a: bad", "b: bad"]) == (
            "2 files left out, not read or planned, so not listed here: see why below, "
            "mend them and run this again."
        )

    def test_each_on_stderr_then_status_2(self, capsys: pytest.CaptureFixture[str]) -> None:
        cli._said_left_out([])
        assert capsys.readouterr() == ("", "")
        with pytest.raises(SystemExit) as stopped:
            cli._said_left_out(["a.toml: bad", "b.toml: worse"])
        assert stopped.value.code == 2
        out, err = capsys.readouterr()
        assert (out, err) == ("", "followup: error: a.toml: bad\nfollowup: error: b.toml: worse\n")

    def test_display_zone(self) -> None:
        assert str(cli._display_zone_name("Europe/Berlin")) == "Europe/Berlin"
        with pytest.raises(BadInput, match=r"^--tz: unknown time zone 'Mars/Base'$"):
            cli._display_zone_name("Mars/Base")


class TestPacks:
    def test_one_pack_per_language_the_candidates_by_default(self) -> None:
        german = interview(TEXT.replace('name = "Sam Lee"', 'name = "Sam Lee"\nlanguage = "de"'))
        packs = cli._packs(None, None)
        english = packs(interview())
        assert english.locale == "en"
        assert packs(interview()) is english
        deutsch = packs(german)
        assert deutsch.locale == "de"
        assert packs(german) is deutsch

    def test_the_locale_given_for_every_file(self) -> None:
        german = interview(TEXT.replace('name = "Sam Lee"', 'name = "Sam Lee"\nlanguage = "de"'))
        packs = cli._packs(None, "fr")
        assert packs(german).locale == "fr"
        assert packs(interview()) is packs(german)

    def test_a_bad_locale_is_refused_before_any_file(self) -> None:
        with pytest.raises(Exception, match="xx"):
            cli._packs(None, "xx")

    def test_bad_templates_are_refused_before_any_file(self, tmp_path: Path) -> None:
        with pytest.raises(Exception, match="nowhere"):
            cli._packs(str(tmp_path / "nowhere"), None)


def rendered_plan() -> list[tuple[Any, Any, Message]]:
    iv = interview()
    each = SimpleNamespace(path=Path("/x/acme.toml"), interview=iv)
    pack = TemplatePack(None, locale="en")
    return [
        (each, action, pack.render(action, iv))
        for action in Application(iv).plan()
        if action.template is not None
    ]


class TestMessagesText:
    def test_headings_to_and_subject(self) -> None:
        rendered = rendered_plan()
        text = cli._messages_text(rendered, many=False)
        blocks = text.split("=== ")[1:]
        assert len(blocks) == len(rendered)
        assert all(block.endswith("\n\n") for block in blocks)
        thanks_bo = next(block for block in blocks if "Send Bo Chen a thank-you" in block)
        assert thanks_bo.splitlines()[:4] == [
            "Wed 8 Jul 2026 13:00 CEST: Send Bo Chen a thank-you e-mail (no e-mail address "
            "known: find it first) [thank-you]",
            "To: Bo Chen (no e-mail address known)",
            "Subject: Thanks for your time: the Data Engineer role at Acme Analytics",
            "Stronger with: your case for fit (--detail fit=...), "
            "their courtesy title (honorific)",
        ]
        assert thanks_bo.splitlines()[4] == ""
        assert "\n\n" + rendered[6][2].text + "\n\n" == "\n\n" + thanks_bo.split("\n\n", 1)[1]
        call = next(block for block in blocks if "by phone" in block)
        assert call.splitlines()[:3] == [
            "Thu 16 Jul 2026 10:00 EDT: Check in with Ana Ruiz by phone [check-in-after-deadline]",
            "To: +1 212 555 0142",
            "Stronger with: their courtesy title (honorific)",
        ]
        assert "Subject:" not in call

    def test_many_files_name_the_file(self) -> None:
        text = cli._messages_text(rendered_plan()[:1], many=True)
        assert text.splitlines()[0] == (
            "=== Tue 7 Jul 2026 14:48 EDT: Close: sum up your fit, ask Ana Ruiz about doubts "
            "and next steps [closing] (acme.toml)"
        )

    def test_no_phone_number_known(self) -> None:
        each, action, message = rendered_plan()[7]
        missing = attrs.evolve(message, missing_details=("phone",))
        text = cli._messages_text([(each, action, missing)], many=False)
        assert text.splitlines()[1] == "To: +1 212 555 0142 (no phone number known)"


class TestNeeds:
    def test_what_blocks_what_strengthens_what_to_attach(self) -> None:
        message = rendered_plan()[0][2]
        full = attrs.evolve(
            message,
            blocking=("email", "address", "feedback", "phone"),
            would_strengthen=("topics", "fit"),
            enclosures=("your portfolio", "references"),
            warnings=("a card may arrive late", "check the name"),
        )
        assert cli._needs(full) == [
            "Not ready to send, needs: a postal address, your feedback (--detail feedback=...)",
            "Stronger with: what you discussed (--detail topics=...), "
            "your case for fit (--detail fit=...)",
            "Attach: your portfolio; references",
            "Note: a card may arrive late",
            "Note: check the name",
        ]

    def test_nothing_needed(self) -> None:
        message = rendered_plan()[1][2]
        bare = attrs.evolve(message, blocking=("email",), would_strengthen=(), warnings=())
        assert cli._needs(bare) == []


# -- _day: the agendas of `today` and `next` ------------------------------------------------------


@pytest.fixture
def three(tmp_path: Path) -> list[str]:
    """Two good files (Acme in New York, Bolt in London) and one unreadable."""
    (tmp_path / "acme.toml").write_text(TEXT)
    (tmp_path / "bolt.toml").write_text(LONDON)
    (tmp_path / "bad.toml").write_text("company = 3\n")
    return [str(tmp_path / name) for name in ("acme.toml", "bad.toml", "bolt.toml")]


class TestDay:
    def test_one_file(self, three: list[str]) -> None:
        day, left_out = cli._day(three[:1], None, "2026-07-09T09:00:00-04:00")
        assert left_out == []
        assert [entry.standing for entry in day.late] == [Standing.LATE, Standing.LATE]
        assert day.now == at("2026-07-09T09:00:00-04:00")
        # due until the end of the candidate's day: the check-in at 10:00 on the 16th
        later, _ = cli._day(three[:1], None, "2026-07-16T08:00:00-04:00")
        assert [entry.standing for entry in later.due] == [Standing.DUE]

    def test_one_bad_file_alone_is_an_error(self, three: list[str]) -> None:
        with pytest.raises(Exception, match=r"bad\.toml"):
            cli._day(three[1:2], None, "2026-07-09T09:00:00-04:00")

    def test_a_bad_file_among_others_is_left_out(self, three: list[str]) -> None:
        day, left_out = cli._day(three, None, "2026-07-09T09:00:00-04:00")
        assert len(left_out) == 1 and "bad.toml" in left_out[0]
        assert [application.interview.company for application, _ in day.agendas] == [
            "Acme Analytics",
            "Bolt Labs",
        ]
        assert len(day.late) == 4
        # the one instant, from the first file read: 09:00 in New York
        assert day.now == at("2026-07-09T09:00:00-04:00")

    def test_every_file_bad(
        self, three: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        other = tmp_path / "worse.toml"
        other.write_text("company = 4\n")
        with pytest.raises(SystemExit) as stopped:
            cli._day([three[1], str(other)], None, "2026-07-09T09:00:00-04:00")
        assert stopped.value.code == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 2 and "bad.toml" in err[0] and "worse.toml" in err[1]

    def test_a_file_that_cannot_be_planned_among_others(
        self, three: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A history that no longer fits its interview: left out, named, the others shown."""
        broken = tmp_path / "broken.toml"
        broken.write_text(
            TEXT + '\n[[event]]\ntype = "skip"\nat = 2026-07-08T09:00:00-04:00\n'
            'step = "check_in-ana-ruiz-64fde26eb859-9-b91a48d650769d3f@followup-rules"\n'
        )
        day, left_out = cli._day([three[0], str(broken)], None, "2026-07-09T09:00:00-04:00")
        assert [application.interview.company for application, _ in day.agendas] == [
            "Acme Analytics"
        ]
        assert len(left_out) == 1 and "broken.toml" in left_out[0]
        with pytest.raises(Exception, match=r"broken\.toml"):
            cli._day([str(broken)], None, "2026-07-09T09:00:00-04:00")

    def test_now_by_default(self, three: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
        from followup_rules import _cli_base

        monkeypatch.setattr(_cli_base, "_clock", lambda: at("2026-07-09T13:00:00+00:00"))
        day, _ = cli._day(three[:1], None, None)
        assert day.now == at("2026-07-09T09:00:00-04:00")


# -- batch 2: what the first run left alive ------------------------------------------------------


def what_column(lines: list[str]) -> str:
    """Everything the column headed "What" holds, top to bottom, without spaces."""
    header = lines[0] if "What" in lines[0] else lines[1]
    start = header.index("What")
    after = header[start + len("What") :]
    end = start + len("What") + (len(after) - len(after.lstrip())) if after.strip() else None
    body = lines[lines.index(header) + 2 :]
    return "".join("".join(line[start:end].split()) for line in body)


class TestNoWordOfAStepIsLost:
    """The step folds to fit from 60 columns up; it is never cut (mutants `today` 61 and
    `plan_table` 21: the What column's minimum width of 20 made rich crop the step's text
    when the other columns left it less, as with two files in two zones at 60 columns:
    "thank-you e-mail (n" and, at 55, "Send Ana Ruiz" / "thank-you e-ma")."""

    @pytest.mark.parametrize("width", range(60, 101, 5))
    def test_today_with_two_files_in_two_zones(self, width: int) -> None:
        day = day_of("2026-07-09T09:00:00-04:00", *two_files())
        table = parts_of(day)[2]
        expected = "".join(
            "".join(f"{describe(entry.action)}{t._where(entry.application)}".split())
            for entry in (*day.late, *day.due)
        )
        lines = text_of(table, width)
        assert max(len(line) for line in lines) <= width
        assert what_column(lines) == expected

    @pytest.mark.parametrize("width", [52, 56, 60, 70, 80])
    def test_the_plan(self, width: int) -> None:
        iv = interview()
        plan = Application(iv).plan()
        lines = text_of(t.plan_table(plan, iv, NEW_YORK, width), width)
        assert what_column(lines) == "".join("".join(describe(a).split()) for a in plan)


@pytest.fixture
def utc_machine(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's own clock on UTC, whatever it was: "today" must not come from it."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


TOKYO = TEXT.replace('timezone = "America/New_York"', 'timezone = "Asia/Tokyo"')


class TestTheDayIsTheCandidates:
    """07:00 on Thursday in Tokyo is still Wednesday on a machine on UTC (mutants `_row` 6,
    `next_line` 46: "today" read on the machine's clock)."""

    def test_a_row_says_today(self, utc_machine: None) -> None:
        day = day_of("2026-07-16T07:00:00+09:00", Application(interview(TOKYO)))
        due = first(day, Standing.DUE)
        assert t._row(due, many=False)[:2] == ["[green]due[/]", "today 10:00"]

    def test_next_says_due_today(self, utc_machine: None) -> None:
        day = day_of("2026-07-16T07:00:00+09:00", Application(interview(TOKYO)))
        assert t.next_line(first(day, Standing.DUE)).startswith(
            "due today at 10:00 JST:  Check in with Ana Ruiz by phone"
        )

    def test_a_missed_step_shows_its_day_even_today(self) -> None:
        """The in-room steps closed at 15:00 today: "Tue 7 Jul 15:00", not "today 15:00"
        (mutants `_row` 18, 21)."""
        day = day_of("2026-07-07T18:00:00-04:00")
        missed = first(day, Standing.SUPERSEDED)
        assert t._row(missed, many=False)[:2] == ["[dim]missed[/]", "Tue 7 Jul 15:00"]


class TestTheirTimeIsAtTheMomentShown:
    """Their time beside the moment the row shows: for a missed step, its deadline
    (mutants `_row` 66, 70: the time at the step's suggested moment, 20:58 for Bo's card)."""

    def test_a_missed_step_at_its_deadline(self) -> None:
        day = day_of("2026-07-09T09:00:00-04:00")
        card = next(
            entry
            for entry in day.superseded
            if entry.action.recipient is not None and entry.action.recipient.name == "Bo Chen"
        )
        assert t._row(card, many=False)[:3] == ["[dim]missed[/]", "Tue 7 Jul 15:00", "21:00 CEST"]

    def test_the_row(self) -> None:
        day = day_of("2026-07-16T10:30:00-04:00", two_files()[1])
        due = first(day, Standing.DUE)
        assert t._row(due, many=False) == [
            "[green]due[/]",
            "today 15:30",
            "10:30 EDT",
            "Check in with Ana Ruiz by phone",
        ]

    def test_the_next_line(self) -> None:
        day = day_of("2026-07-16T10:30:00-04:00", two_files()[1])
        assert t.next_line(first(day, Standing.DUE)) == (
            "due now: Thu 16 Jul 15:30 BST (their time 10:30 EDT)  Check in with Ana Ruiz by "
            "phone  [dim](Bolt Labs, bolt.toml)[/]"
        )


class TestPlansOfOneStep:
    """A plan of one step has its zone line too (mutants `print_plan` 23, `plain_plans` 31:
    the second step read)."""

    def test_print_plan(self) -> None:
        iv = interview()
        plan = Application(iv).plan()
        one = attrs.evolve(plan, actions=plan.actions[:1], missed=())
        out = Out()
        t.print_plan(out, None, one, iv, NEW_YORK)
        assert out.printed[1:] == ["(times in America/New_York)"]

    def test_plain_plans(self) -> None:
        iv = interview()
        plan = Application(iv).plan()
        one = attrs.evolve(plan, actions=plan.actions[:1], missed=())
        text = t.plain_plans([("A", iv, one)], None)
        assert text.splitlines()[-1] == "(times in America/New_York)"


class TestPlainPlansGoToTheFile:
    def test_nothing_on_the_screen(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-o writes the file only (mutants `plain_plans` 4, 7: the tables on stdout too)."""
        iv = interview()
        text = t.plain_plans([("A", iv, Application(iv).plan())], None)
        assert "Check in with Ana Ruiz" in text
        assert capsys.readouterr() == ("", "")

    def test_a_wide_plan_folds_at_120_columns(self) -> None:
        """Mutant `plain_plans` 10: 121 columns."""
        iv = interview(TEXT.replace("Ana Ruiz", "Anastasia Maximiliana Ruiz-Fernandez de la Vega"))
        text = t.plain_plans([("A", iv, Application(iv).plan())], None)
        assert max(len(line) for line in text.splitlines()) == 120


class TestNarrowToday:
    """Below 60 columns the step folds first; the mark and the time stay whole
    (mutants `today` 43, 49: those columns allowed to wrap)."""

    @pytest.mark.parametrize("width", [40, 45, 50])
    def test_the_mark_and_the_time_never_wrap(self, width: int) -> None:
        day = day_of("2026-07-09T09:00:00-04:00", *two_files())
        lines = text_of(parts_of(day)[2], width)
        rows = [line for line in lines if line.startswith("overdue")]
        assert len(rows) == 4
        assert [row.split()[1:4] for row in rows] == [
            ["today", "09:00", "EDT"],
            ["today", "09:00", "EDT"],
            ["today", "14:00", "BST"],
            ["today", "14:00", "BST"],
        ]


class TestWindowEnds:
    def test_an_end_the_next_afternoon_is_on_the_24_hour_clock(self) -> None:
        """Mutant `_end` 10: "Fri 02:00" right, "Fri 14:00" read as "Fri 02:00"."""
        item = window(
            "2026-07-09T22:00:00+00:00",
            "2026-07-10T14:00:00+00:00",
            "2026-07-09T22:00:00+00:00",
            "2026-07-10T14:00:00+00:00",
        )
        assert t.windows(item) == "Thu 9 Jul 22:00-Fri 14:00"


class TestSaidUnderThePolicy:
    def test_a_week_is_read_on_the_countrys_week(self) -> None:
        """`log` and `events` read "by the end of next week" on the policy's week: Thursday
        in Israel (mutants `said` 3, 6: the policy dropped)."""
        from followup_rules import Policy
        from followup_rules.events import Outcome, Update

        jerusalem = "Asia/Jerusalem"
        iv = Interview(
            pendulum.datetime(2026, 7, 8, 11, tz=jerusalem), "Carmel", "Engineer", ["Noa Levi"]
        )
        news = Update(
            pendulum.datetime(2026, 7, 14, 10, tz=jerusalem),
            Outcome.UNDECIDED,
            decision_by="by the end of next week",
        )
        assert "new date 2026-07-23" in t.said(news, iv, Policy(holidays="IL"))
        assert "new date 2026-07-24" in t.said(news, iv)


class TestDayReadsAsOfNow:
    def test_the_policy_given(self, three: list[str]) -> None:
        """--policy applies to every file without its own: no calls under a policy without
        them (mutants `_day` 6, 7, 39)."""
        policy = str(ROOT / "examples" / "policy.toml")
        for files in (three[:1], [three[0], three[2]]):
            day, _ = cli._day(files, policy, "2026-07-16T09:00:00-04:00")
            assert day.due == ()
            assert describe(day.coming[0].action) == "Check in with Ana Ruiz by e-mail"
            plain, _ = cli._day(files, None, "2026-07-16T09:00:00-04:00")
            assert describe(plain.due[0].action) == "Check in with Ana Ruiz by phone"

    def test_an_event_logged_after_now_had_not_happened(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """The thank-you logged at 10:00 is not done yet at 09:00 (mutants `_day` 40, 43)."""
        path = tmp_path / "acme.toml"
        path.write_text(
            TEXT + '\n[[event]]\ntype = "contact"\nat = 2026-07-09T10:00:00-04:00\nkind = '
            '"thank_you"\nrecipient = "Ana Ruiz"\nchannel = "email"\n'
        )
        for files in ([str(path)], [str(path), str(path)]):
            day, _ = cli._day(files, None, "2026-07-09T09:00:00-04:00")
            assert "Send Ana Ruiz a thank-you e-mail" in [
                describe(entry.action) for entry in day.late
            ]
            assert "1 event recorded after" in capsys.readouterr().err
            after, _ = cli._day(files, None, "2026-07-09T11:00:00-04:00")
            assert "Send Ana Ruiz a thank-you e-mail" not in [
                describe(entry.action) for entry in after.late
            ]


class TestPacksUseTheTemplatesGiven:
    def test_every_language_reads_the_folder_given(self, tmp_path: Path) -> None:
        """--templates applies to the first pack and to each made later (mutants `_packs`
        9, 11, 18, 20)."""
        german = interview(TEXT.replace('name = "Sam Lee"', 'name = "Sam Lee"\nlanguage = "de"'))
        packs = cli._packs(str(tmp_path), None)
        assert [packs(iv).search_path for iv in (interview(), german)] == [(str(tmp_path),)] * 2


class TestDayShowsItsProgress:
    def test_reading_then_planning_on_a_terminal(
        self, three: list[str], monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A long batch on a terminal says what it is doing: reading the files, then planning
        them (mutants `_day` 17 to 22, 31 to 36: the bars' labels)."""
        from followup_rules import _cli_base

        screen = io.StringIO()
        monkeypatch.setattr(_cli_base, "PROGRESS_FROM", 2)
        monkeypatch.setattr(
            _cli_base,
            "_stderr_console",
            lambda: Console(file=screen, force_terminal=True, width=60, color_system=None),
        )
        cli._day([three[0], three[2]], None, "2026-07-09T09:00:00-04:00")
        shown = screen.getvalue()
        assert re.search(r"(?<!X)Reading(?!X)", shown)
        assert re.search(r"(?<!X)Planning(?!X)", shown)
        assert shown.index("Reading") < shown.index("Planning")


SECOND_ROUND = TEXT.replace("2026-07-07T14:00:00", "2026-07-09T14:00:00").replace(
    "decision_by = 2026-07-15", "decision_by = 2026-07-16"
)


class TestDayPlansOneCandidatesFilesTogether:
    def test_check_ins_to_one_person_keep_the_gap_across_files(self, tmp_path: Path) -> None:
        """Two rounds at Acme in two files: the check-ins to Ana keep `min_gap` between
        them across the files, not a day apart (mutants `_day` 56, 61, 68)."""
        from followup_rules import Policy

        (tmp_path / "a.toml").write_text(TEXT)
        (tmp_path / "b.toml").write_text(SECOND_ROUND)
        names = [str(tmp_path / "a.toml"), str(tmp_path / "b.toml")]
        day, _ = cli._day(names, None, "2026-07-10T09:00:00-04:00")
        check_ins = sorted(
            entry.shown_at for entry in day if describe(entry.action).startswith("Check in")
        )
        assert len(check_ins) == 6
        gaps = [(later - earlier).days for earlier, later in itertools.pairwise(check_ins)]
        assert min(gaps) >= Policy().min_gap >= 2  # days, and 16 and 17 July are 1 apart

    def test_every_file_read_and_none_planned(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Both files unplannable: status 2 at once, each said (mutant `_day` 50: an empty
        day shown first)."""
        skip = (
            '\n[[event]]\ntype = "skip"\nat = 2026-07-08T09:00:00-04:00\n'
            'step = "check_in-ana-ruiz-64fde26eb859-9-b91a48d650769d3f@followup-rules"\n'
        )
        names = []
        for name in ("a.toml", "b.toml"):
            (tmp_path / name).write_text(TEXT + skip)
            names.append(str(tmp_path / name))
        with pytest.raises(SystemExit) as stopped:
            cli._day(names, None, "2026-07-09T09:00:00-04:00")
        assert stopped.value.code == 2
        err = capsys.readouterr().err.splitlines()
        assert len(err) == 2 and "a.toml" in err[0] and "b.toml" in err[1]
