"""``followup new``, ``rules`` and ``policy``: the files and tables a user starts from."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import click

from . import _calendar as cal
from . import files, serialize
from ._cli_base import BadInput, friendly, main, read_when
from ._cli_help import NEW_EXAMPLES, POLICY_EXAMPLES, RULES_EXAMPLES
from ._cli_history import _day_or_phrase
from .catalogue import RULES, catalogue_markdown, rules_page
from .identity import interview_key
from .loop import parse_when
from .model import Candidate, Interview, Interviewer
from .policy import PRESETS, Policy
from .sources import cite
from .timeframe import Timeframe


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
        data = [
            {"id": r.id, "summary": r.summary, "own_choices": list(r.own), "knobs": list(r.knobs),
             "sources": [{"file": f, "cited": cite(f), "quote": q} for f, q in r.quotes]}
            for r in RULES.values()
        ]  # fmt: skip
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
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


_NEW_QUESTIONS = (
    ("company", "Company"),
    ("role", "Role"),
    ("at", "When does the interview start (local time, e.g. 2026-07-07T14:00)"),
    ("timezone", "Its time zone (e.g. America/New_York)"),
    ("interviewers", "Interviewers (names, separated by commas)"),
    ("candidate", "Your name"),
)
"""What `new` cannot do without: asked on a terminal, else given by the flags."""


@main.command("new", epilog=NEW_EXAMPLES)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--company")
@click.option("--role")
@click.option("--at", metavar="WHEN", help="When the interview starts, local time.")
@click.option("--timezone", metavar="ZONE", help="The interview's time zone (IANA name).")
@click.option(
    "--interviewer",
    "interviewers",
    multiple=True,
    metavar="NAME",
    help="Repeatable; 'Ana Ruiz <ana@acme.example>' gives the address too.",
)
@click.option(
    "--decision-by",
    metavar="DATE|PHRASE",
    help="When they said they would decide: 2026-07-15, or 'in two weeks'.",
)
@click.option("--candidate", metavar="NAME", help="Your name, to sign the messages.")
@click.option("--candidate-email", metavar="ADDRESS", help="Your e-mail address.")
@click.option("--candidate-timezone", metavar="ZONE", help="Your zone (default: the interview's).")
@click.option(
    "--language",
    metavar="LOCALE",
    help="The language your messages are written in: en, de, fr, es, or a locale such "
    "as fr_CA or en_GB (default: English, en_AU or en_GB where your zone's country dates so).",
)
@friendly
def new_command(file: str, **given: Any) -> None:
    """Write a new interview FILE (.toml): questions on a terminal, flags otherwise.

    On a terminal it also asks what the flags leave out and the file is
    better with: each interviewer's e-mail address, your own address, your
    time zone (the interview's by default) and the decision date (none when
    left empty).  The file names a history file beside it (FILE's name with
    .events.toml), where 'followup log' records what happens, and carries an
    id that keeps step ids and calendar items the same when you edit it later.
    """
    path = Path(file)
    if path.suffix.lower() != ".toml":
        raise BadInput(f"{file}: followup new writes a .toml file")
    if path.exists() or path.is_symlink():
        raise BadInput(f"{file} exists already: choose another name, or edit it")
    people = [_person(text) for text in given["interviewers"]]
    given["interviewers"] = ", ".join(name for name, _ in people) or None
    asking = _on_a_terminal()
    for key, question in _NEW_QUESTIONS:
        if given[key] is None and asking:
            given[key] = click.prompt(question)
    missing = [f"--{key.rstrip('s')}" for key, _ in _NEW_QUESTIONS if not given[key]]
    if missing:
        raise BadInput(f"new needs {', '.join(missing)} (or run it on a terminal to be asked)")
    addresses = dict(people)
    names = [name.strip() for name in given["interviewers"].split(",") if name.strip()]
    if asking:
        _ask_the_rest(given, names, addresses)
    interview = _new_interview(given, names, addresses)
    files.write_atomically(path, _interview_toml(interview, f"{path.stem}.events.toml"))
    click.echo(f"Wrote {file}: {interview.role} at {interview.company}, id {interview.id}")


def _on_a_terminal() -> bool:
    """Whether a person is there to answer questions."""
    return sys.stdin.isatty()


_MAILBOX = re.compile(r"^\s*(?P<name>[^<>]*?)\s*<(?P<address>[^<>]*)>\s*$")


def _person(text: str) -> tuple[str, str | None]:
    """``Ana Ruiz <ana@acme.example>`` as its name and address; a bare name has none."""
    found = _MAILBOX.match(text)
    if found is None:
        return text.strip(), None
    return found["name"], found["address"].strip() or None


def _ask_the_rest(
    given: dict[str, Any], names: list[str], addresses: dict[str, str | None]
) -> None:
    """What the file is better with, asked with a default: empty keeps it out."""
    for name in names:
        if addresses.get(name) is None:
            answer = click.prompt(
                f"{name}'s e-mail address (empty if you do not know it)",
                default="",
                show_default=False,
            )
            addresses[name] = answer.strip() or None
    if given["candidate_email"] is None:
        answer = click.prompt("Your e-mail address (empty: none)", default="", show_default=False)
        given["candidate_email"] = answer.strip() or None
    if given["candidate_timezone"] is None:
        given["candidate_timezone"] = click.prompt("Your time zone", default=given["timezone"])
    if given["decision_by"] is None:
        answer = click.prompt(
            "When did they say they would decide (2026-07-15, 'in two weeks'; empty: not said)",
            default="",
            show_default=False,
        )
        given["decision_by"] = answer.strip() or None


def _new_interview(
    given: dict[str, Any], names: list[str], addresses: dict[str, str | None]
) -> Interview:
    when = read_when(given["at"], "--at")
    zone = given["timezone"]
    for option, name in (
        ("--timezone", zone),
        ("--candidate-timezone", given["candidate_timezone"]),
    ):
        if name is None:
            continue
        try:
            cal.zone(name)
        except ValueError as error:
            raise BadInput(f"{option}: {error}") from None
    starts = parse_when(when.text, zone, when.clock)
    decided = given["decision_by"]
    decision: date | str | None = None if decided is None else _day_or_phrase(decided)
    candidate = Candidate(
        given["candidate"],
        email=given["candidate_email"],
        timezone=given["candidate_timezone"] or zone,
        language=given["language"],
    )
    made = Interview(
        starts, given["company"], given["role"],
        tuple(Interviewer(name, email=addresses.get(name)) for name in names),
        decision_by=decision, candidate=candidate,
    )  # fmt: skip
    return attrs.evolve(made, id=interview_key(made))


def _interview_toml(interview: Interview, history: str) -> str:
    """The interview as a person would write it: local start and zone, one table each."""

    def text(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)  # a JSON string is a TOML basic string

    zone = interview.starts_at.tzinfo
    lines = [
        "# An interview to follow up: 'followup today FILE' says what to do,",
        "# 'followup log FILE ...' records what happens (in the history file below).",
        f"id = {text(str(interview.id))}",
        f"history = {text(history)}",
        "",
        f"starts_at = {interview.starts_at.strftime('%Y-%m-%dT%H:%M:%S')}",
        f"timezone = {text(cal.zone_name(zone, interview.starts_at))}",  # type: ignore[arg-type]
        f"company = {text(interview.company)}",
        f"role = {text(interview.role)}",
    ]
    decided = interview.decision_by
    if isinstance(decided, Timeframe) and decided.phrase:
        lines.append(f"decision_by = {text(decided.phrase)}  # read from the interview's day")
    elif interview.decision_date is not None:
        lines.append(f"decision_by = {interview.decision_date.isoformat()}")
    for person in interview.interviewers:
        lines += ["", "[[interviewers]]", f"name = {text(person.name)}"]
        if person.email:
            lines.append(f"email = {text(person.email)}")
    candidate = interview.candidate
    if candidate is not None:
        lines += ["", "[candidate]", f"name = {text(candidate.name)}"]
        if candidate.email:
            lines.append(f"email = {text(candidate.email)}")
        if candidate.timezone:
            lines.append(f"timezone = {text(candidate.timezone)}")
        if candidate.language:
            lines.append(f"language = {text(candidate.language)}")
    return "\n".join(lines) + "\n"
