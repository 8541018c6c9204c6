"""``followup log``, ``events`` and ``unlog``: recording what happened, and mending it.

Each command reads its arguments, asks `followup_rules.files.HistoryFile` to
change the history (under its lock, in the event's place, once), and prints
what was done.  The library decides what fits (`followup_rules.loop`).
"""

from __future__ import annotations

import shlex
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

import attrs
import click
import pendulum

from . import _calendar as cal
from . import _terminal as show
from . import files, serialize
from ._cli_base import (
    BadInput,
    F,
    Loaded,
    OneLineGroup,
    _application,
    _check_steps,
    _load_policy,
    _named_histories,
    _warn,
    friendly,
    interview_option,
    main,
    policy_option,
    read_when,
)
from ._cli_help import EVENTS_EXAMPLES, LOG_EXAMPLES, RENAME_EXAMPLES, UNLOG_EXAMPLES
from ._steps import IN_ROOM_KINDS
from .agenda import AgendaItem, Standing, _overdue_since, _soonest
from .audit import audit
from .errors import FollowupError, _short_repr
from .events import Contact, Event, Outcome, OutOfOffice, Reply, Skip, Snooze, Update
from .identity import thread_key
from .loop import Application, audit_many, later_rounds, parse_when
from .model import ActionKind, Channel, Interview, person_key
from .policy import Policy
from .state import TERMINAL


def _store(file: str, interview_path: str | None) -> files.HistoryFile:
    """The history FILE (with --interview) or the interview FILE with its history."""
    if interview_path is not None:
        return files.HistoryFile(interview_path, file)
    data = serialize.read(file)
    if isinstance(data, list) or (isinstance(data, dict) and set(data) <= {"event"}):
        raise BadInput(f"{file} is a history file: name its interview with --interview FILE")
    return files.HistoryFile(file)


@attrs.frozen
class _Log:
    """What `log` was given before its KIND: the file, and --undo."""

    file: str
    interview_path: str | None


class _LogGroup(OneLineGroup):
    """``log FILE --undo``: the group's own options may follow FILE (click's groups
    take them before it only), so they are moved in front before parsing."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        front: list[str] = []
        rest: list[str] = []
        words = iter(args)
        for word in words:
            if word in self.commands:  # the KIND: what follows is its own
                rest += [word, *words]
                break
            if word == "--undo" or word.startswith("--interview="):
                front.append(word)
            elif word == "--interview":
                front += [word, next(words, "")]
            else:
                rest.append(word)
        return super().parse_args(ctx, front + rest)


@main.group("log", cls=_LogGroup, epilog=LOG_EXAMPLES, invoke_without_command=True)
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--undo",
    is_flag=True,
    help="Remove the event you logged last instead (else the latest), and say which.",
)
@interview_option
@click.pass_context
@friendly
def log_command(ctx: click.Context, file: str, undo: bool, interview_path: str | None) -> None:
    """Record what happened in the history of an interview FILE, keeping its layout.

    KIND is contact (you reached someone), reply (they answered), update
    (their news: an outcome), out-of-office, skip (a step you will not do)
    or snooze (a step you push later).  The event is checked against the
    interview and its history; a bad one is refused and the file left as it
    was.  A recorded event that oversteps the policy is kept, with a warning.
    """
    ctx.obj = _Log(file, interview_path)
    if ctx.invoked_subcommand is not None:
        if undo:
            raise BadInput("--undo goes alone, without KIND")
        return
    if not undo:
        raise BadInput(
            "log needs KIND (contact, reply, update, out-of-office, skip, snooze) or --undo"
        )
    store = _store(file, interview_path)
    found = store.read(check=False)
    removed = store.remove()  # said as `events` says it: under the file's own policy
    click.echo(
        f"Removed from {store.history_path}: {show.said(removed, found.interview, found.policy)}"
    )


def _one_moment(ctx: click.Context, param: click.Parameter, given: tuple[str, ...]) -> str | None:
    """The one moment `--at` (or its other name, `--now`) gives.

    Given twice with two moments, it is refused rather than the last one taken in
    silence (the loop14 trial: `log ... --at 01:30 --now 03:00`, from a script that
    passes `--now` to every command, recorded the event at 03:00)."""
    moments = list(dict.fromkeys(given))
    if len(moments) > 1:
        shown = ", ".join(repr(moment) for moment in moments)
        raise BadInput(
            f"--at and --now name one moment here, when it happened, and got {shown}: give it once"
        )
    return moments[0] if moments else None


def _event_options(command: F) -> F:
    """--at, --note, --interview and --policy: every kind of event takes them."""
    for decorator in reversed(
        [
            click.option(
                "--at",
                "--now",
                "at_text",
                metavar="WHEN",
                multiple=True,
                callback=_one_moment,
                help="When it happened (default: now).",
            ),
            click.option("--note", metavar="TEXT", help="Your own note; no message quotes it."),
            interview_option,
            policy_option,
            click.pass_obj,
            friendly,
        ]
    ):
        command = decorator(command)  # type: ignore[operator]
    return command


def _record(
    log: _Log,
    options: dict[str, Any],
    build: Callable[[Interview, pendulum.DateTime, str | None], Event],
    why: Sequence[str] = (),
) -> None:
    """Build the event, record it in its place, and say what happened (and *why* it is
    that event, as *build* found it: "the step due then")."""
    store = _store(log.file, options["interview_path"] or log.interview_path)
    found = store.read()
    policy = found.policy if found.policy is not None else _load_policy(options["policy_path"])
    _check_steps(Application(found.interview, found.history, policy), found)
    when = read_when(options["at_text"] or "now", "--at")
    at = when.as_written(found.interview)
    skipped = when.skipped(found.interview)
    if skipped is not None:
        _warn(skipped)
    if when.is_now:
        at = at.replace(microsecond=0)
    event = _as_spelled(build(found.interview, at, options["note"]), found.interview)
    done = store.add(event, policy, now=when.clock)  # nothing after the real clock: a typo
    said = show.said(done.event, found.interview, policy)
    if why:
        said = f"{said} ({'; '.join(why)})"
    if done.already:
        click.echo(f"Already recorded in {done.path} (event {done.number}): {said}")
        return
    click.echo(f"Recorded in {done.path}: {said}")
    if done.id_written is not None:
        click.echo(
            f"followup: note: wrote id = {done.id_written!r} into {store.path}, "
            "so step ids stay the same when you edit it",
            err=True,
        )
    ended = _news_after_an_end(done.event, done.history)
    if ended is not None:
        _warn(ended)
    for violation in done.violations:
        _warn(f"this oversteps the policy: {violation}")
    for violation, others in _with_files_beside(store, found, done.event, done.history, policy):
        _warn(f"this oversteps the policy, with {others} beside it: {violation}")


def _news_after_an_end(event: Event, history: Sequence[Event]) -> str | None:
    """What to say when the employer's news that the process goes on ("no decision yet",
    a next round) is recorded after the application ended: rule ``stop`` (SPEC
    invariant 7) plans no check-in after an offer, a rejection or a withdrawal, whatever
    comes later, so the way on is a file of its own (the loop14 trial: a withdrawal, then
    the employer came back, and nothing was planned without a word)."""
    if not isinstance(event, Update) or event.outcome not in (
        Outcome.UNDECIDED,
        Outcome.NEXT_ROUND,
    ):
        return None
    ends = [
        held
        for held in history
        if isinstance(held, Update) and held.outcome in TERMINAL and held.at < event.at
    ]
    if not ends:
        return None
    end = ends[-1]
    return (
        f"this application ended ({end.outcome.value}, {end.at:%a %d %b %Y}): no "
        "check-in is planned after an offer, a rejection or a withdrawal (rule stop), "
        "whatever news comes later; if the employer reopened the process, follow it up "
        "in an interview file of its own (`followup new`, or a later round's file)"
    )


def _with_files_beside(
    store: files.HistoryFile,
    found: Loaded,
    event: Event,
    history: Sequence[Event],
    policy: Policy,
) -> list[tuple[Any, str]]:
    """What *event*, just recorded, oversteps with the interview files beside this one
    of the same candidate and employer (`min_gap` to one person across applications),
    as `followup audit FILE --with OTHER...` would say, and those files' names.

    The loop14 trial: a check-in to the interviewer of another application at the
    same employer, the day after that application's call, was recorded without a word,
    and `audit --with` then reported it.
    """
    if not isinstance(event, Contact):
        return []
    path = Path(store.path)
    mine = thread_key(found.interview)[:2]
    candidates = sorted(path.parent.glob("*.toml")) + sorted(path.parent.glob("*.json"))
    skip = {path.resolve()} | _named_histories([str(each) for each in candidates])
    others: list[Application] = []
    names: list[str] = []
    for each in candidates:
        if each.resolve() in skip:
            continue
        try:
            read = files.HistoryFile(str(each)).read()
        except (FollowupError, OSError):
            continue  # not an interview file (a policy, a history given alone), or said elsewhere
        if thread_key(read.interview)[:2] != mine:
            continue
        own = policy if read.policy is None else read.policy
        others.append(Application(read.interview, read.history, own))
        names.append(str(each))
    if not others:
        return []
    here = Application(found.interview, history, policy)
    alone = {str(violation) for violation in audit(here.interview, list(here.history), policy)}
    shown = ", ".join(names)
    return [
        (violation, shown)
        for violation in audit_many([*others, here])[-1]
        if str(violation) not in alone
        and any(held is event or held == event for held in violation.events)
    ]


def _as_spelled(event: Event, interview: Interview) -> Event:
    """*event* with the person it names spelled as the interview spells them.

    The loop10 trial: ``--to "raj patel"`` was recorded, listed and warned about
    as typed, beside the interview's "Raj Patel".  Names are matched case-blind
    and in any Unicode form; what is kept is the name the interview file gives.
    """
    for field in ("recipient", "sender"):
        name = getattr(event, field, None)
        if not isinstance(name, str):
            continue
        person = interview.person(name)
        recruiter = interview.recruiter
        spelled = (
            person.name
            if person is not None
            else recruiter.name
            if recruiter is not None and person_key(recruiter.name) == person_key(name)
            else name
        )
        if spelled != name:
            changes: dict[str, Any] = {field: spelled}
            event = attrs.evolve(event, **changes)
    return event


@log_command.command("contact")
@click.option(
    "--channel",
    type=click.Choice([c.value for c in Channel]),
    default=None,
    help="How: email, phone, postal or in_person (default: as the plan has the step; "
    "else in_person for a step in the interview room, else email).",
)
@click.option(
    "--step",
    type=click.Choice([k.value for k in ActionKind]),
    metavar="STEP",
    default=None,
    help="Which step it was: check_in, thank_you, feedback_request, "
    "feedback_response, recruiter_debrief, send_requested, or one in the room "
    "(ask_for_cards, ask_timeline, ask_permission, closing_statement).  Default: the "
    "step 'followup next' names then (to that person, by that channel, if said), "
    "else a check-in.",
)
@click.option(
    "--to",
    "recipient",
    metavar="NAME",
    help="Who (default: the person of the step 'followup next' names then, when it can "
    "be done then; else the contact).",
)
@click.option("--voicemail", is_flag=True, help="A call that reached voicemail.")
@click.option(
    "--answered/--no-answer", default=None, help="A call: they picked up and you spoke, or not."
)
@click.option("--message-id", help="The Message-ID of the e-mail sent.")
@click.option("--subject", help="The subject of the e-mail sent.")
@_event_options
def log_contact(
    log: _Log,
    channel: str | None,
    step: str | None,
    recipient: str | None,
    voicemail: bool,
    answered: bool | None,
    message_id: str | None,
    subject: str | None,
    **options: Any,
) -> None:
    """You reached someone: the step due then (a check-in by e-mail if none), unless said."""
    chosen: list[str] = []  # why the step is the one recorded, when --step did not say

    def build(interview: Interview, at: pendulum.DateTime, note: str | None) -> Event:
        kind = None if step is None else ActionKind(step)
        to = recipient
        # the Message-ID of a draft this tool wrote names its step (and its subject)
        drafted = None if message_id is None else _drafted(log, options, at, message_id)
        said_subject = subject
        taken = []  # what the draft gave
        ambiguous: list[str] = []  # what it could not give for sure
        if drafted is not None and said_subject is None:
            # the loop8 trial: --message-id alone, and the next draft answered in the
            # thread (In-Reply-To) without the "Re:" subject docs/cli.md promises
            said_subject = _draft_subject(drafted, interview)
            with_rounds = _draft_subject_with_rounds(log, options, at, drafted)
            if with_rounds is not None and with_rounds != said_subject:
                # the loop12 trial: a later round's note drafted with the earlier
                # rounds' files (as `plan` of them all writes it) was recorded under
                # the subject the file alone gives, and the next draft answered
                # "Re:" a subject never sent.  Which one went, only the user knows.
                said_subject = None
                ambiguous.append(
                    "its subject is another with the other rounds' files beside it than "
                    "without them: --subject says which was sent"
                )
            else:
                taken.append("subject")
        item = None
        if to is None and kind is None and drafted is None:
            # the loop10 trial: `next` said "Call Rita Cole to debrief" (or "Send Lukas
            # Brandt a thank-you e-mail", a panel's second note), and a bare `log contact`
            # recorded a check-in to the follow-up contact, days early.  With neither
            # --to nor --step, the step that can be done then is the one `next` names,
            # whoever it is to; the follow-up contact's only when none can be done.
            item = _planned(log, options, None, None, channel, at, doable_only=True)
            if item is not None and item.action.recipient is not None:
                named = item.action.recipient.name
                if person_key(named) != interview._contact_key:
                    to = named
                    chosen.append("the step due then; --to and --step name another")
        if item is None:
            # with no step said, the one due to the contact (a contact names them by default)
            person = to if to is not None or kind is not None else interview._contact_key
            item = _planned(log, options, kind, person, channel, at)
        if kind is None and drafted is not None:  # the step whose draft was sent
            kind, item = drafted.action.kind, drafted
            taken.insert(0, "step")
        if taken:
            chosen.append(f"the {' and '.join(taken)} of the draft with that Message-ID")
        chosen.extend(ambiguous)
        if kind is None:  # the loop6 trial: a feedback request logged as a check-in
            kind = ActionKind.CHECK_IN if item is None else item.action.kind
            if not chosen:
                chosen.append(_why_this_step(item, interview))
        if channel is not None:
            how = Channel(channel)
        elif item is not None:
            how = item.action.channel  # what was done is what was planned (the 4th trial)
        else:
            how = _channel_of(kind, interview)
        return Contact(
            at,
            how,
            kind,
            to,
            voicemail=voicemail,
            answered=answered,
            message_id=message_id,
            subject=said_subject,
            note=note,
        )

    _record(log, options, build, chosen)


def _why_this_step(item: AgendaItem | None, interview: Interview) -> str:
    """Why a contact logged without --step is the step it is: the one due then, else
    the next one planned (saying when), else a check-in.

    The loop12 trial: every note of a panel sent, a bare `log contact` recorded
    the check-in planned 13 days later and said it was "the step due then".
    """
    if item is None:
        return "no step was due then: a check-in; --step names another"
    if item.to_do and item.standing in (Standing.LATE, Standing.DUE):
        return "the step due then; --step names another"
    planned_for = cal.to_pendulum(item.action.suggested.astimezone(show.home_zone(interview)))
    return (
        f"no step was due then: the next one planned, for {planned_for.format('ddd D MMM')}; "
        "--step names another"
    )


def _drafted(
    log: _Log, options: dict[str, Any], at: datetime, message_id: str
) -> AgendaItem | None:
    """The e-mail step, as planned just before *at*, whose draft (`plan --format eml`)
    carries *message_id*; None when none does (a Message-ID the mail program made)."""
    from .export import _message_id

    application = _as_of(log, options, at, before=True)
    agenda = application.agenda(at)
    for item in (*agenda.late, *agenda.due, *agenda.coming):
        action = item.action
        if action.channel is Channel.EMAIL and (
            _message_id(item.id, action, application.interview) == message_id.strip()
        ):
            return item
    return None


def _draft_subject(item: AgendaItem, interview: Interview) -> str | None:
    """The subject of *item*'s draft, as `plan --format eml` writes it (the built-in
    messages, in the candidate's language)."""
    from .messages import candidate_locale, default_pack

    return default_pack(candidate_locale(interview)).render(item.action, interview).subject


def _draft_subject_with_rounds(
    log: _Log, options: dict[str, Any], at: datetime, drafted: AgendaItem
) -> str | None:
    """The subject of *drafted*'s draft as `plan --format eml` of this file with the
    interview files beside it (the same candidate at the same employer) writes it:
    a later round's note says it is another conversation (`later_rounds`); None when
    the files beside it change nothing."""
    application = _as_of(log, options, at, before=True)
    path = Path(options["interview_path"] or log.interview_path or log.file)
    mine = thread_key(application.interview)[:2]
    candidates = sorted(path.parent.glob("*.toml")) + sorted(path.parent.glob("*.json"))
    skip = {path.resolve()} | _named_histories([str(each) for each in candidates])
    others = []
    for each in candidates:
        if each.resolve() in skip:
            continue
        try:
            interview = files.HistoryFile(str(each)).read(check=False).interview
        except (FollowupError, OSError):
            continue  # not an interview file (a policy, a history given alone)
        if thread_key(interview)[:2] == mine:
            others.append(Application(interview))
    if not others:
        return None
    together = later_rounds([*others, application])[-1]
    if together.met_before == application.met_before:
        return None
    agenda = together.agenda(at)
    for item in (*agenda.late, *agenda.due, *agenda.coming):
        if item.id == drafted.id:
            return _draft_subject(item, together.interview)
    return None


def _as_of(
    log: _Log, options: dict[str, Any], at: datetime, *, before: bool = False
) -> Application:
    """The application as it stood at *at* (an event logged with a past ``--at`` is checked
    against the history then, as the library checks it: the loop6 trial); with *before*,
    as it stood just before *at*: what was recorded at that very moment left out."""
    found = _store(log.file, options["interview_path"] or log.interview_path).read()
    # the file's own policy, else --policy (`_application` chooses)
    whole = _application(found, _load_policy(options["policy_path"]))
    moment = cal.utc(at)
    history = tuple(
        event
        for event in whole.history
        if cal.utc(event.at) < moment or (not before and cal.utc(event.at) == moment)
    )
    return attrs.evolve(whole, history=history)


def _planned(
    log: _Log,
    options: dict[str, Any],
    kind: ActionKind | None,
    recipient: str | None,
    channel: str | None,
    at: datetime,
    *,
    doable_only: bool = False,
) -> AgendaItem | None:
    """The step of *kind* (any kind when None; to *recipient* and by *channel* if named)
    that 'followup next' would name at *at*, the history as it stood just before then: the
    one to do now overdue longest, else the first due, else the soonest to come (with
    *doable_only*, None rather than a step that cannot be done at *at*).

    The loop8 trial: ``contact --at T`` run twice recorded two steps (ask-timeline,
    then ask-permission), as the first record had moved the plan on.  What was
    recorded at *T* itself is left out, so the same command finds the same step,
    builds the same event, and the history keeps it once ("Already recorded").

    The fourth trial: the debrief the plan gave as an e-mail ("too late in
    their day for a call") was logged as a call, because the recruiter has
    a number.  What was done is what was planned, unless ``--channel`` says.
    """
    who = None if recipient is None else person_key(recipient)
    agenda = _as_of(log, options, at, before=True).agenda(at)

    def fits(item: AgendaItem) -> bool:
        action = item.action
        if item.standing is Standing.SUPERSEDED or (kind is not None and action.kind is not kind):
            return False
        if channel is not None and action.channel is not Channel(channel):
            return False
        return who is None or (
            action.recipient is not None and person_key(action.recipient.name) == who
        )

    doable = [item for item in (*agenda.late, *agenda.due) if item.to_do and fits(item)]
    late = [item for item in doable if item.standing is Standing.LATE]
    if late:
        return min(late, key=_overdue_since)
    if doable:
        return doable[0]
    if doable_only:
        return None
    rest = [item for item in (*agenda.late, *agenda.due, *agenda.coming) if fits(item)]
    return min(rest, key=_soonest, default=None)


def _channel_of(kind: ActionKind, interview: Interview) -> Channel:
    """The channel a step is done by when none is said and none is planned, as the
    plan would do it: the room's steps in person, the recruiter debrief by phone
    when their number is known, every other (a thank-you, a check-in) by e-mail."""
    if kind in IN_ROOM_KINDS:
        return Channel.IN_PERSON
    recruiter = interview.recruiter
    if kind is ActionKind.RECRUITER_DEBRIEF and recruiter is not None and recruiter.phone:
        return Channel.PHONE
    return Channel.EMAIL


@log_command.command("reply")
@click.option("--from", "sender", metavar="NAME", help="Who wrote (default: the contact).")
@_event_options
def log_reply(log: _Log, sender: str | None, **options: Any) -> None:
    """They answered, with no decision."""
    _record(log, options, lambda _, at, note: Reply(at, sender, note=note))


@log_command.command("update")
@click.option(
    "--outcome",
    type=click.Choice([o.value for o in Outcome]),
    required=True,
    help="What the employer said.",
)
@click.option(
    "--decision-by",
    "--round-on",
    "decision_by",
    metavar="DATE|PHRASE",
    help=(
        "undecided: the new date, e.g. 2026-07-24 or 'in two weeks'; next_round: the day "
        "of the round once arranged (this interview's check-ins then end)."
    ),
)
@click.option(
    "--from", "sender", metavar="NAME", help="Who gave the news (default: not recorded)."
)
@_event_options
def log_update(
    log: _Log, outcome: str, decision_by: str | None, sender: str | None, **options: Any
) -> None:
    """Their news: an outcome (undecided may come with a new date)."""
    new_date = None if decision_by is None else _day_or_phrase(decision_by)
    _record(
        log,
        options,
        lambda _, at, note: Update(at, Outcome(outcome), new_date, sender=sender, note=note),
    )


@log_command.command("out-of-office")
@click.option("--returns-on", metavar="DATE", help="The day they are back.")
@click.option("--from", "sender", metavar="NAME", help="Whose auto-reply (default: the contact).")
@_event_options
def log_out_of_office(
    log: _Log, returns_on: str | None, sender: str | None, **options: Any
) -> None:
    """An automatic out-of-office answer."""
    back = None if returns_on is None else _date(returns_on, "--returns-on")
    _record(log, options, lambda _, at, note: OutOfOffice(at, back, sender, note=note))


@log_command.command("skip")
@click.argument("step_id", metavar="ID")
@_event_options
def log_skip(log: _Log, step_id: str, **options: Any) -> None:
    """A planned step you decided not to do (its id, or the start of it)."""
    policy = _load_policy(options["policy_path"])

    def build(interview: Interview, at: pendulum.DateTime, note: str | None) -> Event:
        return Skip(at, _step(log, options, interview, step_id, policy, at), note=note)

    _record(log, options, build)


@log_command.command("snooze")
@click.argument("step_id", metavar="ID")
@click.option("--until", "until_text", metavar="WHEN", required=True, help="Not before then.")
@_event_options
def log_snooze(log: _Log, step_id: str, until_text: str, **options: Any) -> None:
    """A planned step you push to later (its id, or the start of it)."""
    policy = _load_policy(options["policy_path"])
    read_when(until_text, "--until")  # refused before anything is read

    def build(interview: Interview, at: pendulum.DateTime, note: str | None) -> Event:
        step = _step(log, options, interview, step_id, policy, at, skipping=False)
        return Snooze(at, step, parse_when(until_text, interview, at), note=note)

    _record(log, options, build)


def _step(
    log: _Log,
    options: dict[str, Any],
    interview: Interview,
    given: str,
    policy: Policy,
    at: datetime,
    *,
    skipping: bool = True,
) -> str:
    """The full id of the planned step *given* names: all of its id, or its start.

    When the start fits several steps, the first on the agenda is meant (the
    next check-in, for ``check_in-ana-ruiz``); the recorded line shows which.
    """
    found = _store(log.file, options["interview_path"] or log.interview_path).read()
    # the plan as it stood at --at: a step logged in the past is looked up then (loop6)
    items = list(_as_of(log, options, at).agenda(at))
    open_items = [item for item in items if item.standing is not Standing.SUPERSEDED]
    matches = _matching(open_items, given)
    if matches:
        return matches[0].id
    if skipping:  # a step skipped already: the same skip, which the library keeps once
        skipped = [event.step for event in found.history if isinstance(event, Skip)]
        same = [step for step in skipped if step == given or step.startswith(given)]
        if same:
            return same[0]
    gone = _matching([item for item in items if item.standing is Standing.SUPERSEDED], given)
    if gone:
        reason = gone[0].note().split(": ", 1)[-1]
        raise BadInput(
            f"{gone[0].id} can no longer be done ({reason}): there is nothing to "
            f"{'skip' if skipping else 'snooze'}"
        )
    raise BadInput(
        f"no step still planned has an id starting {_short_repr(given)}: "
        f"'followup plan {log.file} --format json --now {at.isoformat()}' lists the id of "
        "every step still planned"
    )


def _matching(items: list[AgendaItem], given: str) -> list[AgendaItem]:
    """The items whose id is *given*, else those whose id starts with it, in agenda order."""
    return [item for item in items if item.id == given] or [
        item for item in items if item.id.startswith(given)
    ]


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise BadInput(f"{option}: {_short_repr(text)} is not a date like 2026-07-24") from None


def _day_or_phrase(text: str) -> date | str:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return text.strip()


@main.command("events", epilog=EVENTS_EXAMPLES)
@click.argument("file", type=click.Path(dir_okay=False))
@interview_option
@friendly
def events_command(file: str, interview_path: str | None) -> None:
    """List the history of an interview FILE, numbered (for 'followup unlog')."""
    found = _store(file, interview_path).read(check=False)  # listed to be mended too
    if not found.history:
        click.echo(f"Nothing recorded yet in {found.history_path}.")
    for number, event in enumerate(found.history, start=1):
        click.echo(f"{number:>3}  {show.said(event, found.interview, found.policy)}")


@main.command("unlog", epilog=UNLOG_EXAMPLES)
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("number", type=click.IntRange(min=1), metavar="N")
@interview_option
@friendly
def unlog_command(file: str, number: int, interview_path: str | None) -> None:
    """Remove event N (as 'followup events' numbers them) from the history of FILE."""
    store = _store(file, interview_path)
    found = store.read(check=False)
    removed = store.remove(number)  # said as `events` numbered it: under the file's policy
    said = show.said(removed, found.interview, found.policy)
    click.echo(f"Removed from {store.history_path}: {number}. {said}")


@main.command("rename", epilog=RENAME_EXAMPLES)
@click.argument("file", type=click.Path(dir_okay=False))
@click.argument("old")
@click.argument("new")
@click.option(
    "--with",
    "others",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="Another interview file that names OLD (a later round, say): renamed too, so that "
    "the rounds still share the person (repeatable).",
)
@friendly
def rename_command(file: str, old: str, new: str, others: Sequence[str]) -> None:
    """Call the person OLD NEW, in the interview FILE and its history at once.

    Their name in the interview, the events that name them, and the ids of
    their steps that a skip or snooze recorded: renaming them only in the
    interview file leaves a history that names nobody.  Rounds kept in files
    of their own are linked by the people they share: give the others with
    --with to rename there too; a file beside FILE of the same employer that
    still names OLD is named in a warning.
    """
    paths = [file, *others]
    if len({Path(path).resolve() for path in paths}) < len(paths):
        raise BadInput("--with: a file is given twice")
    # every file is checked before any is written: a rename refused in one
    # round's file leaves every round as it was
    for path in paths:
        found = files.HistoryFile(path).read(check=False)
        try:
            Application(found.interview, found.history).rename(old, new)
        except FollowupError as error:
            raise BadInput(f"{path}: {error}") from None
    for path in paths:
        done = files.HistoryFile(path).rename(old, new)
        where = (
            done.path if done.history_path == done.path else f"{done.path} and {done.history_path}"
        )
        click.echo(f"Renamed {old} to {new} in {where}.")
    for sibling in _siblings_naming(file, old, paths):
        _warn(
            f"{sibling} still names {old}: a round in a file of its own is linked to this one "
            f"by the people they share; rename there too (followup rename {sibling} "
            f"{shlex.quote(old)} {shlex.quote(new)})"
        )


def _siblings_naming(file: str, old: str, given: Sequence[str]) -> list[str]:
    """The interview files beside *file*, of the same candidate and employer, not among
    *given*, whose interview still names *old* (F9 of the loop10 trial)."""
    here = files.HistoryFile(file).read(check=False)
    employer = thread_key(here.interview)[:2]
    folder = Path(file).parent
    candidates = sorted(folder.glob("*.toml"))
    skip = {Path(path).resolve() for path in given}
    skip |= _named_histories([str(path) for path in candidates])
    found = []
    for path in candidates:
        if path.resolve() in skip:
            continue
        try:
            interview = files.HistoryFile(str(path)).read(check=False).interview
        except (FollowupError, OSError):
            continue  # not an interview file (a policy, a history given alone)
        if thread_key(interview)[:2] != employer:
            continue
        people = [person.name for person in interview.interviewers]
        if interview.recruiter is not None:
            people.append(interview.recruiter.name)
        if person_key(old) in map(person_key, people):
            found.append(str(path))
    return found
