"""Files that stay whole: one atomic writer, and histories changed one event at a time.

This is the library's I/O edge for the files the command line and apps keep:

- `write_atomically` (with `target` for writers that check every file before
  writing the first) writes through a temporary file that replaces the
  target in one step, so a crash never leaves half a file.  A symbolic link is
  followed (its target is replaced, the link stays a link, as a shell's ``>``
  writes through it); an existing file keeps its permissions; a new one gets
  ``0666`` less the umask, as any new file; a directory, a FIFO, a device or
  a socket is refused.
- `HistoryFile` reads an interview file with the history it holds or names,
  creates one, edits its interview, and adds or removes one event at a time
  (a step done by its id, once; an event removed by its id, once), under a
  lock (so concurrent writers lose nothing), keeping the file's comments and
  layout.  Every change is read back before it is written: a file the change
  would not leave saying exactly what was meant is refused, and left as it
  was.  Its errors name a file by its name (`FormatError.file` holds the
  whole path), so that what an app shows a user carries no server directories.

Everything here works on the core install (tomlkit, which keeps a TOML
file's comments and layout, is a core dependency).
"""

from __future__ import annotations

import contextlib
import functools
import json
import os
import re
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any, TypeVar

import attrs

from . import _calendar as cal
from . import loop, serialize
from ._atomic import Target, target, write_atomically
from .errors import InvalidArgument, InvalidHistory, InvalidInterview
from .events import Contact, Event, OutOfOffice, Reply, Update
from .identity import interview_key, pinned, pinned_person
from .loop import find_event, record_event
from .model import Interview, person_key
from .policy import Policy
from .serialize import FormatError, InterviewFile
from .timeframe import Timeframe

__all__ = [
    "LOCK_TIMEOUT",
    "HistoryFile",
    "Recorded",
    "Target",
    "load_many",
    "target",
    "write_atomically",
]

LOCK_TIMEOUT = 10.0
"""Seconds a change waits for another writer of the same history before giving up."""

_SUFFIXES = (".toml", ".json")
_BOM = "\ufeff"
_INTERVIEW_TABLE = re.compile(r"^\s*\[\s*interview\s*\]\s*(#.*)?$")


# -- a lock per file ------------------------------------------------------------------


@contextlib.contextmanager
def _locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold the lock of *path* (a ``.NAME.lock`` file beside its real target).

    The lock file stays: removing it would let a third writer lock a new file
    while the second still holds the old one.
    """
    real = Path(os.path.realpath(path))
    lock = real.with_name(f".{real.name}.lock")
    try:
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as error:
        raise FormatError(str(path), "", f"cannot be locked: {error.strerror or error}") from None
    try:
        _acquire(handle, path, timeout)
        try:
            yield
        finally:
            _release(handle)
    finally:
        os.close(handle)


def _acquire(handle: int, path: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not _try_lock(handle):
        if time.monotonic() > deadline:
            problem = f"another followup command has been changing it for {timeout:g} s"
            raise FormatError(str(path), "", problem)
        time.sleep(0.02)


try:
    import fcntl

    def _try_lock(handle: int) -> bool:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(handle: int) -> None:
        fcntl.flock(handle, fcntl.LOCK_UN)

except ImportError:  # pragma: no cover - Windows
    import msvcrt

    def _try_lock(handle: int) -> bool:
        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined,unused-ignore]
        except OSError:
            return False
        return True

    def _release(handle: int) -> None:
        os.lseek(handle, 0, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)  # type: ignore[attr-defined,unused-ignore]


# -- history files ------------------------------------------------------------------------


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _named_by_file(method: _Method) -> _Method:
    """*method*, its `FormatError` naming a file by its name alone (its whole path in
    `FormatError.file`): what an app shows a user carries no server directories."""

    @functools.wraps(method)
    def named(*args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except FormatError as error:
            raise _by_name(error) from error

    return named  # type: ignore[return-value]


def _by_name(error: FormatError) -> FormatError:
    if error.file is not None or not os.path.dirname(error.source):
        return error
    name = os.path.basename(error.source)
    problem = error.problem.replace(error.source, name)
    return FormatError(name, error.path, problem, error.value, error.source)


@attrs.frozen
class Recorded(loop.Recorded):
    """What `HistoryFile.add` (or `HistoryFile.record_step`) did: `followup_rules.Recorded`,
    and where.

    Attributes:
        event: the event added (or the one already there, when `already`).
        number: its place in the file's history, counted from 1.
        already: the same event was in the history already (see
            `followup_rules.find_event`): nothing was written.
        history: the whole history now, in the file's order.
        violations: the limits the event oversteps, as `audit` would report
            them (it is recorded all the same).
        path: the file the event is kept in.
        id_written: the ``id`` written into the interview file, when it had
            none (see `HistoryFile.add`); else None.
        event_id: the event's id (``"ev-..."``), which `HistoryFile.remove`
            takes to undo this event and no other.
    """

    path: Path
    id_written: str | None = None


class HistoryFile:
    """An interview file and its history, changed one event at a time and never half.

    The history is the file's own ``[[event]]`` tables (a JSON ``"event"``
    list), or the file its ``history`` key names; with *history*, the
    interview file's own history is ignored and *history* (a history file:
    ``[[event]]`` tables, or a JSON list) is used instead.

    Every change takes the history file's lock, reads the files afresh,
    checks the change, writes it through `write_atomically`, and reads the
    result back to be sure it says what was meant.  Comments, blank lines and
    the order of keys in a TOML file are kept.

    Args:
        path: the interview file (``.toml`` or ``.json``).
        history: a history file to use instead of the one *path* holds or names.
        policy_class: the class the file's own policy is read as: `Policy`, or
            the app's subclass of it (`followup_rules.serialize.policy_from`).
    """

    def __init__(
        self,
        path: str | Path,
        history: str | Path | None = None,
        *,
        policy_class: type[Policy] = Policy,
    ) -> None:
        self.path = Path(path)
        self._history = None if history is None else Path(history)
        self.policy_class = serialize._policy_class(policy_class)

    def __repr__(self) -> str:
        extra = "" if self._history is None else f", history={str(self._history)!r}"
        return f"HistoryFile({str(self.path)!r}{extra})"

    @_named_by_file
    def read(self, *, check: bool = True) -> InterviewFile:
        """The interview and its history, checked against each other.

        With ``check=False``, each event is read and checked alone but not
        against the interview (its time, the people it names): how `remove`
        and ``followup events`` read, so that a history the interview no
        longer fits (the interview moved, a person renamed by hand) can still
        be listed and mended.

        Raises:
            FormatError: a file cannot be read; or the history names someone
                who is not on the interview (e.g. an interviewer renamed in
                the interview file after events were logged): the error names
                the history file, the name and the fix.
        """
        if self._history is None:
            found = serialize.load_interview_file(
                self.path, check=check, policy_class=self.policy_class
            )
        else:
            data = serialize.read(self.path)
            interview = serialize.structure(
                serialize._interview_data(data, str(self.path)), Interview, source=str(self.path)
            )
            events = serialize.load_history(self._history) if self._history.exists() else []
            policy = serialize._own_policy(data, self.path, self.policy_class)
            found = InterviewFile(
                self.path, interview, tuple(events), self._history, policy=policy
            )
        if check:
            _check_names(found)
        return found

    @property
    @_named_by_file
    def history_path(self) -> Path:
        """Where the history is kept and new events go."""
        return self._history if self._history is not None else self.read(check=False).history_path

    @_named_by_file
    def add(
        self, event: Event, policy: Policy | None = None, *, now: datetime | None = None
    ) -> Recorded:
        """Record *event* in its place (histories are ordered by instant).

        The event is checked as `followup_rules.record_event` checks it (with
        *now*, an event after it is refused); the same event recorded
        already is not written twice (`Recorded.already`); the limits it
        oversteps are in `Recorded.violations`.
        An interview file without an ``id`` gets one, the fingerprint step
        ids were made from until then (`identity.interview_key`), so that the
        ids of steps and calendar items stay what they were after later edits.

        Raises:
            FormatError: a file cannot be read or written, the history file's
                name ends in neither ``.toml`` nor ``.json`` (nothing could
                read it back), or the file's layout cannot take the event
                without changing what else it says.
            InvalidHistory: the event does not fit the interview and history.
            InvalidPolicy: as `plan`.
        """
        history_path = self.history_path
        _check_suffix(history_path)
        with self._locks(history_path):
            found = self.read()
            done = record_event(found.interview, found.history, event, policy, now=now)
            return self._recorded(found, done, history_path)

    @_named_by_file
    def record_step(
        self,
        step: str,
        at: datetime,
        *,
        now: datetime | None = None,
        policy: Policy | None = None,
        voicemail: bool = False,
        message_id: str | None = None,
        subject: str | None = None,
        answered: bool | None = None,
        note: str | None = None,
    ) -> Recorded:
        """Record the step with id *step* as done at *at*, once: an app's "done" button.

        `followup_rules.Application.record_step` under the file's lock: the
        step is found in the history as it is when the lock is taken, so two
        presses (a double click, two tabs, a retried request, two processes)
        record one contact; every press after the first, whenever it came,
        gets `Recorded.already` with the contact recorded first and its
        `Recorded.event_id`.  The step's contact is written as `add` writes
        an event (and noted for `remove`'s undo).

        Args:
            step: the step's id (`followup_rules.AgendaItem.id`).
            at: when it was done (aware).
            now: the present moment, as for `add`.
            policy: the plan's policy; the file's own (else the consensus) by default.
            voicemail, message_id, subject, answered, note: as `followup_rules.Action.done`.

        Raises:
            StepIdError: the step is not to be done (skipped, no longer planned,
                not a step of this interview).
            InvalidHistory: as `add` (*at* after *now*, ...).
            FormatError: as `add`.
        """
        history_path = self.history_path
        _check_suffix(history_path)
        with self._locks(history_path):
            found = self.read()
            judged_by = found.policy if policy is None else policy
            application = loop.Application(found.interview, found.history, judged_by)
            done = application.record_step(
                step,
                at,
                now=now,
                voicemail=voicemail,
                message_id=message_id,
                subject=subject,
                answered=answered,
                note=note,
            )
            return self._recorded(found, done, history_path)

    def _recorded(self, found: InterviewFile, done: loop.Recorded, history_path: Path) -> Recorded:
        """Write what *done* recorded into the history (under the lock), unless it was there."""
        event = done.event
        if done.already:  # the same event, a skip of a step skipped already, a step done
            index = found.history.index(event)  # in the file's own order
            return Recorded(
                event, index + 1, True, found.history, history_path, event_id=done.event_id
            )
        place = _place(found.history, event)  # in the file's own order
        new = (*found.history[:place], event, *found.history[place:])
        _Document.of(history_path).insert(place, event, new)
        written = self._write_id(found)
        _remember(history_path, event)
        return Recorded(
            event,
            place + 1,
            False,
            new,
            history_path,
            written,
            violations=done.violations,
            event_id=done.event_id,
        )

    @_named_by_file
    def remove(self, number: int | str | None = None) -> Event:
        """Remove the *number*-th event of the history (counted from 1), or the event
        with the id *number* (``"ev-..."``), and return it.

        By id is how an app's undo removes what it recorded, once: the id is
        `Recorded.event_id` (or `followup_rules.event_id`), and an event removed
        already is never another one: a second click of the undo gets
        `InvalidHistory` (``key`` ``"event"``), and the history is left as it is.

        Without *number*, the event recorded last through `add` goes (an
        event logged late sits before later ones: the undo takes back what
        was just logged, not the latest by time); when that event was removed
        already (by its number), nothing is; with no such note (it was undone
        already, or nothing was logged through `add`), the last event (the
        latest) goes.  `add` keeps that event in a hidden
        ``.NAME.last`` file beside the history.

        Raises:
            FormatError: there is no such event (or none at all), the event
                logged last was removed already, or the file cannot be changed.
            InvalidHistory: no event of the history has the id given (it was
                removed already, or names another interview's event).
            InvalidArgument: *number* is neither a whole number nor an event id.
        """
        _check_target(number)
        history_path = self.history_path
        with self._locks(history_path):
            found = self.read(check=False)  # mending a history the interview no longer fits
            if isinstance(number, str):
                number = _numbered(found, number)
            count = len(found.history)
            if not count:
                raise FormatError(str(history_path), "", "has no events to remove")
            noted = _noted(history_path)
            undo = number is None
            if number is None:
                index = (
                    None if noted is None else find_event(found.interview, found.history, noted)
                )
                if noted is not None and index is None:
                    # removed already (by number): another event is not the one to undo (the
                    # loop6 trial lost the latest event so)
                    said = loop.describe_event(noted, found.interview)
                    raise FormatError(
                        str(history_path),
                        "",
                        f"no longer has the event logged last ({said}): it was removed "
                        "already, so there is nothing to undo ('followup events' numbers "
                        "the events, 'followup unlog FILE N' removes one)",
                    )
                number = count if index is None else index + 1
            if not 1 <= number <= count:
                problem = f"has events 1 to {count}, not {number}"
                raise FormatError(str(history_path), "", problem, number)
            removed = found.history[number - 1]
            rest = found.history[: number - 1] + found.history[number:]
            _Document.of(history_path).delete(number - 1, rest)
            if undo and noted is not None:
                _forget(history_path)  # undone: the next undo takes the latest
            return removed

    @contextlib.contextmanager
    def _locks(self, history_path: Path) -> Iterator[None]:
        with contextlib.ExitStack() as stack:
            stack.enter_context(_locked(history_path))
            if not _same_file(history_path, self.path):
                stack.enter_context(_locked(self.path))
            yield

    @_named_by_file
    def rename(self, old: str, new: str) -> InterviewFile:
        """Call the person called *old* *new*, in the interview file and its history at once.

        What `Application.rename` does, written (a history whose names the
        interview no longer has, after a rename by hand, is mended): the interviewer's or
        recruiter's ``name`` (and ``contact``), the history's ``recipient``
        and ``sender`` keys, and the step ids a skip or snooze names; the
        interview gets its ``id`` when it has none, so that no other step id
        changes.  Both files are checked before either is written.

        Returns:
            The interview and its history, renamed.

        Raises:
            InvalidArgument: as `Application.rename`.
            FormatError: a file cannot be read, or cannot take the change.
        """
        history_path = self.history_path
        with self._locks(history_path):
            # unchecked: a history that still names someone renamed in the interview by
            # hand is what a rename mends (the loop6 trial); the rename checks the result
            found = self.read(check=False)
            renamed = loop.Application(found.interview, found.history).rename(old, new)
            steps = loop._renames_steps(found.interview, old)
            interview_doc = _Document.of(self.path)
            same_file = _same_file(history_path, self.path)
            history_doc = interview_doc if same_file else _Document.of(history_path)
            events = [_renamed_table(event, old, new, steps) for event in found.history]
            history_text = history_doc.renamed_events(events)
            if same_file:
                interview_doc.text = history_text
            interview_text = interview_doc.renamed_interview(old, new, renamed.interview)
            expected = loop._renamed_events(found.history, old, new, steps=steps)  # file order
            history_doc.check_events(interview_text if same_file else history_text, expected)
            interview_doc.check_interview(interview_text, renamed.interview)
            if not same_file:
                history_doc._write(history_text)
            interview_doc._write(interview_text)
            # the undo's note follows the rename, or `remove` would not find the event it
            # names and take the latest instead (the loop5 trial lost a real contact)
            noted = _noted(history_path)
            if noted is not None:
                index = find_event(found.interview, found.history, noted)
                if index is not None:
                    _remember(history_path, expected[index])
            return InterviewFile(self.path, renamed.interview, tuple(expected), history_path)

    @_named_by_file
    def edit(
        self, changes: Mapping[str, Any], *, form: bool = False, source: str = "<data>"
    ) -> InterviewFile:
        """Change the interview as *changes* says, under the lock, losing no event.

        `serialize.edit_application` on the files as they are when the lock
        is taken (so an event another process adds meanwhile is kept, and an
        edit waits for it): *changes* holds interview file keys as a person
        or a form gives them (``{"role": "Senior Engineer"}``, ``{"starts_at":
        "2026-07-09 10:00"}``; with *form*, as an HTML form sends them).  Only
        the keys whose value changes are written, the rest of the file
        (comments, layout, the events) stays as it was; the interview gets
        its ``id`` when it has none, so step ids stay what they were.  A
        table of interviewers that corrects a name (``{"interviewers":
        {"Ana Ruis": {"name": "Ana Ruiz"}}}``) renames the person in the
        history too, as `rename` does.

        Returns:
            The interview and its history, edited.

        Raises:
            FormatError: a key or value the interview file would refuse
                (named after *source*); or the file is laid out so that the
                change cannot be written without changing what else it
                says: nothing is written.
            InvalidHistory: the history does not fit the edited interview
                (naming the key edited and the event).
            InvalidArgument: *changes* is not a table.
        """
        history_path = self.history_path
        with self._locks(history_path):
            found = self.read(check=False)  # an edit may mend what a hand edit left
            before = loop.Application(found.interview, found.history, found.policy)
            edited = serialize.edit_application(before, changes, source=source, form=form)
            expected = _in_file_order(found.history, edited.history)  # renamed, when a name is
            renamed = expected != found.history
            interview_doc = _Document.of(self.path)
            same_file = _same_file(history_path, self.path)
            history_doc = interview_doc if same_file else _Document.of(history_path)
            if renamed:
                tables = [
                    _changed_table(a, b) for a, b in zip(found.history, expected, strict=True)
                ]
                history_text = history_doc.renamed_events(tables)
                if same_file:
                    interview_doc.text = history_text
            interview_text = interview_doc.edited_interview(found.interview, edited.interview)
            interview_doc.check_interview(interview_text, edited.interview, "the change")
            if same_file:
                history_doc.check_events(interview_text, expected, "the change")
            elif renamed:
                history_doc.check_events(history_text, expected, "the change")
                history_doc._write(history_text)
            interview_doc._write(interview_text)
            if renamed:
                noted = _noted(history_path)
                index = (
                    None if noted is None else find_event(found.interview, found.history, noted)
                )
                if index is not None:
                    _remember(history_path, expected[index])
            return InterviewFile(
                self.path, edited.interview, tuple(expected), history_path, policy=found.policy
            )

    @_named_by_file
    def create(self, interview: Interview, *, policy: Policy | None = None) -> InterviewFile:
        """Write a new interview file for *interview*, with no events yet, under the lock.

        The interview is written pinned: with its `Interview.id` and each
        person's id (`followup_rules.identity.pinned_person`), so that no
        step id changes when it is edited later, renames included.  The file
        is TOML or JSON by its name; *policy*, when given, is written as the
        application's own (its ``policy`` table).

        Returns:
            The interview file as written (read back).

        Raises:
            FormatError: the file exists already (two "create" requests for
                one name: the second is refused, the first file kept), or its
                name ends in neither ``.toml`` nor ``.json``.
            InvalidInterview: *interview* is not an `Interview`.
            InvalidArgument: *policy* has fields the file's `policy_class` does not
                read (a team's subclass: make the `HistoryFile` with
                ``policy_class=`` that class); nothing is written.
        """
        if not isinstance(interview, Interview):
            raise InvalidInterview("interview", interview, "expected an Interview")
        if policy is not None:
            _check_readable(policy, self.policy_class)
        _check_suffix(self.path)
        with _locked(self.path):
            if self.path.exists() or os.path.islink(self.path):
                raise FormatError(self.path.name, "", "exists already: nothing was written")
            data = serialize.unstructure(_pinned_people(interview))
            data = {key: value for key, value in data.items() if not _empty(value)}
            if policy is not None:
                data["policy"] = serialize.unstructure(policy)
            if self.path.suffix.lower() == ".toml":
                text = serialize.dumps_toml(_stripped(data))
            else:
                text = json.dumps({**_stripped(data), "event": []}, indent=2, ensure_ascii=False)
                text += "\n"
            write_atomically(self.path, text)
            return self.read()

    def _write_id(self, found: InterviewFile) -> str | None:
        if found.interview.id is not None:
            return None
        key = interview_key(found.interview)
        _Document.of(self.path).set_id(key)
        return key


@_named_by_file
def load_many(
    paths: Sequence[str | Path],
    history: str | Path | None = None,
    *,
    policy_class: type[Policy] = Policy,
) -> list[InterviewFile]:
    """Read several interview files (each with its own history), checked as `HistoryFile.read`.

    Each file's own policy is read as *policy_class* (`Policy`, or the app's subclass).

    Raises:
        FormatError: as `HistoryFile.read`; *history* is given with several files.
    """
    if history is not None and len(paths) > 1:
        problem = "one history file goes with one interview file; several keep their own"
        raise FormatError(str(history), "", problem)
    return [HistoryFile(path, history, policy_class=policy_class).read() for path in paths]


def _check_readable(policy: Policy, policy_class: type[Policy]) -> None:
    """Refuse *policy* when reading it back as *policy_class* would fail on its own fields.

    Raises:
        InvalidArgument: on ``policy``, naming the fields and the class to read it as.
    """
    if not isinstance(policy, Policy):
        raise InvalidArgument("policy", policy, "expected a Policy")
    extra = sorted(set(attrs.fields_dict(type(policy))) - set(attrs.fields_dict(policy_class)))
    if extra:
        made = type(policy).__name__
        problem = (
            f"has fields a {policy_class.__name__} does not read ({', '.join(extra)}): "
            f"make the HistoryFile with policy_class={made} to keep a {made}"
        )
        raise InvalidArgument("policy", policy, problem)


def _memory(history_path: Path) -> Path:
    """The hidden file beside the history that names the event `add` recorded last."""
    real = Path(os.path.realpath(history_path))
    return real.with_name(f".{real.name}.last")


def _remember(history_path: Path, event: Event) -> None:
    """Note *event* as the one just logged (for an undo); a failure only loses the note."""
    with contextlib.suppress(OSError):
        _memory(history_path).write_text(serialize.dumps_history([event], "json"), "utf-8")


def _noted(history_path: Path) -> Event | None:
    """The event `_remember` noted last, or None (no note, or one that cannot be read).

    Found again in the history with `loop.find_event`, the library's own
    notion of the same event (its instant, whatever the zone it was written in).
    """
    memory = _memory(history_path)
    try:
        events = serialize.structure_history(
            json.loads(memory.read_text("utf-8")), source=str(memory)
        )
    except (OSError, ValueError, FormatError):
        return None
    return events[0] if len(events) == 1 else None


def _forget(history_path: Path) -> None:
    with contextlib.suppress(OSError):
        _memory(history_path).unlink(missing_ok=True)


def _check_target(number: object) -> None:
    """Refuse, with a typed error, what names no event: not a whole number, not an id."""
    if number is None or (isinstance(number, int) and not isinstance(number, bool)):
        return
    if isinstance(number, str) and loop._EVENT_ID.fullmatch(number):
        return
    problem = "expected an event's number (counted from 1) or its id like ev-0123456789abcdef"
    if isinstance(number, str) and number.strip().isdigit():
        problem += f" (a number is given as a number: {int(number.strip())}, not text)"
    raise InvalidArgument("number", number, problem)


def _numbered(found: InterviewFile, wanted: str) -> int:
    """The number (from 1) of the event of *found*'s history whose id is *wanted*."""
    for index, event in enumerate(found.history):
        if loop.event_id(event, found.interview) == wanted:
            return index + 1
    problem = (
        "names no event of the history: it was removed already (an undo clicked twice), "
        "or it is another interview's event; nothing was removed"
    )
    raise InvalidHistory("event", wanted, problem)


def _same_file(one: Path, other: Path) -> bool:
    return os.path.realpath(one) == os.path.realpath(other)


def _check_suffix(path: Path) -> None:
    if path.suffix.lower() not in _SUFFIXES:
        problem = (
            "a history file's name must end in .toml or .json, or nothing can read it back: "
            "rename it"
        )
        raise FormatError(str(path), "", problem)


def _instant(event: Event) -> datetime:
    return cal.utc(event.at)


def _place(history: Sequence[Event], event: Event) -> int:
    """Where *event* goes: after the last event not later than it."""
    moment = _instant(event)
    for index in range(len(history), 0, -1):
        if _instant(history[index - 1]) <= moment:
            return index
    return 0


def _check_names(found: InterviewFile) -> None:
    """Every name the history gives is on the interview; else say where, who, and the fix."""
    interview = found.interview
    people = [*interview.interviewers]
    if interview.recruiter is not None:
        people.append(interview.recruiter)  # type: ignore[arg-type]
    known = {person_key(person.name) for person in people}
    for index, event in enumerate(found.history):
        name, key = _named(event)
        if name is None or person_key(name) in known:
            continue
        listed = ", ".join(repr(person.name) for person in people)
        problem = (
            f"{name!r} is not on the interview in {found.path.name} (it has {listed}): "
            "if you renamed them there, put the old name back and rename them in both "
            "files at once with 'followup rename'"
        )
        raise FormatError(str(found.history_path), f"$.event[{index}].{key}", problem)


def _named(event: Event) -> tuple[str | None, str]:
    if isinstance(event, Contact):
        return event.recipient, "recipient"
    if isinstance(event, (Reply, OutOfOffice)):
        return event.sender, "sender"
    return None, ""


# -- editing a file, keeping its layout ------------------------------------------------------


def _written(event: Event, toml: bool) -> dict[str, Any]:
    """The table a person would write for *event*: ``type`` first, ``at`` last, no empty fields.

    Times are written with their offset, as a person types them; the zone-name
    keys of the JSON form (``timezone``) are left out: the instant is what a
    history needs, and the library reads it on the candidate's clock.
    """
    data = serialize.unstructure(event)
    fields = {field.name for field in attrs.fields(type(event))} - {"_phrase"}
    order = sorted(
        (key for key in data if key in fields), key=lambda key: (key == "at", key != "kind")
    )
    table: dict[str, Any] = {"type": serialize.EVENT_TAGS[type(event)]}
    for key in order:
        value = data[key]
        if value is None or (key == "voicemail" and value is False):
            continue
        original = getattr(event, key, None)
        if isinstance(original, datetime):
            value = _moment(original, toml)
        elif isinstance(original, Timeframe) and original.phrase:
            value = original.phrase  # kept as said: read again from the day of the event
        elif key == "decision_by" and isinstance(event, Update) and event.said is not None:
            value = event.said  # "tomorrow" too: read again on the interview's calendar
        elif isinstance(original, date) and toml:
            value = original
        table[key] = value
    return table


def _moment(value: datetime, toml: bool) -> Any:
    text = cal.to_pendulum(value).isoformat()
    return datetime.fromisoformat(text) if toml else text


class _Document:
    """The text of one history (or interview) file, edited and checked before it is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.toml = path.suffix.lower() == ".toml"
        self.exists = path.exists()
        raw = path.read_bytes() if self.exists else b""
        text = raw.decode("utf-8")  # read already: the loaders refused what is not UTF-8
        self.bom = text.startswith(_BOM)
        self.text = text.removeprefix(_BOM)

    @classmethod
    def of(cls, path: Path) -> _Document:
        return cls(path)

    # Each change edits the text, reads it back, and writes it only if the
    # file then says exactly what it said, with just this change.

    def insert(self, index: int, event: Event, expected: Sequence[Event]) -> None:
        table = _written(event, self.toml)
        if self.toml:
            text = self._toml_events(lambda events: events.insert(index, _toml_table(table)))
        else:
            text = self._json_events(lambda events: events.insert(index, table))
        self._commit(text, expected)

    def delete(self, index: int, expected: Sequence[Event]) -> None:
        if self.toml:
            text = self._toml_events(lambda events: events.pop(index))
        else:
            text = self._json_events(lambda events: events.pop(index))
        self._commit(text, expected)

    def renamed_events(self, tables: Sequence[dict[str, Any]]) -> str:
        """The text with each event's table given the values in *tables* (in file order)."""
        if not self.exists:
            return self.text

        def change(events: Any) -> None:
            for event, values in zip(events, tables, strict=True):
                for key, value in values.items():
                    if key in event and event[key] != value:
                        event[key] = value

        return self._toml_events(change) if self.toml else self._json_events(change)

    def renamed_interview(self, old: str, new: str, renamed: Interview) -> str:
        """The text with the person called *old* called *new*, the interview's id and the
        person's (as *renamed* has them) written when missing."""
        key = renamed.id
        pin = next(
            person.id
            for person in (*renamed.interviewers, renamed.recruiter)
            if person is not None and person_key(person.name) == person_key(new)
        )
        if self.toml:
            import tomlkit

            document: Any = tomlkit.parse(self.text)
        else:
            document = json.loads(self.text)
        inner = document.get("interview", document)

        def called_old(name: object) -> bool:
            return isinstance(name, str) and person_key(name) == person_key(old)

        def called_new(name: object) -> bool:  # renamed by hand already: the id alone
            return (
                pin is not None and isinstance(name, str) and person_key(name) == person_key(new)
            )

        interviewers = inner["interviewers"]  # required: the interview was read already
        for index, person in enumerate(interviewers):
            if called_old(person):  # a name alone: interviewers = ["Ana Ruiz", ...]
                table = {"name": new, "id": pin}
                if self.toml:
                    table = tomlkit.inline_table()
                    table.update({"name": new, "id": pin})
                interviewers[index] = table
            elif called_new(person):  # a name alone, renamed by hand: the id it needs
                table = {"name": person, "id": pin}
                if self.toml:
                    table = tomlkit.inline_table()
                    table.update({"name": person, "id": pin})
                interviewers[index] = table
            elif isinstance(person, MutableMapping) and (
                called_old(person.get("name")) or called_new(person.get("name"))
            ):
                if called_old(person.get("name")):
                    person["name"] = new
                if person.get("id") is None:
                    person["id"] = pin
        recruiter = inner.get("recruiter")
        if isinstance(recruiter, MutableMapping) and (
            called_old(recruiter.get("name")) or called_new(recruiter.get("name"))
        ):
            if called_old(recruiter.get("name")):
                recruiter["name"] = new
            if recruiter.get("id") is None:
                recruiter["id"] = pin
        if called_old(inner.get("contact")):
            inner["contact"] = new
        if self.toml:
            text = tomlkit.dumps(document)
            if key is not None and "id" not in inner:
                text = _toml_with_id(text, key, inner is not document)
            return text
        if key is not None and "id" not in inner:
            inner["id"] = key
        return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

    def check_events(
        self, text: str, expected: Sequence[Event], what: str = "the new name"
    ) -> None:
        """Refuse, writing nothing, unless *text* holds exactly *expected* (by instant)."""
        data = self._parse(text)
        held = data.get("event", []) if isinstance(data, Mapping) else data
        read = serialize.structure_history(held, source=str(self.path))
        if list(map(_by_instant, read)) != list(map(_by_instant, expected)):
            self._refuse(f"cannot take {what} as it is laid out")

    def check_interview(self, text: str, expected: Interview, what: str = "the new name") -> None:
        """Refuse, writing nothing, unless *text* holds exactly *expected*."""
        found = serialize.structure(
            serialize._interview_data(self._parse(text), str(self.path)),
            Interview,
            source=str(self.path),
        )
        if found != expected:
            self._refuse(f"cannot take {what} as it is laid out")

    def edited_interview(self, before: Interview, after: Interview) -> str:
        """The text with the interview's keys whose value *after* changes written (the
        rest as it was); a key *after* leaves empty is taken out."""
        old = serialize.unstructure(before)
        new = serialize.unstructure(after)
        if self.toml:
            import tomlkit

            document: Any = tomlkit.parse(self.text)
        else:
            document = json.loads(self.text)
        inner = document["interview"] if _wrapped(document) else document
        for key, value in new.items():
            if key == "format_version" or value == old.get(key):
                continue  # as the file says it, in its own words
            if _empty(value):
                if key in inner:
                    del inner[key]
            elif not self.toml:
                inner[key] = _stripped(value)
            elif key == "starts_at":  # a TOML date-time, as a person types it
                inner[key] = datetime.fromisoformat(value)
            elif key != "id":
                inner[key] = _toml_item(_stripped(value))
        if not self.toml:
            return json.dumps(document, indent=2, ensure_ascii=False) + "\n"
        text = tomlkit.dumps(document)
        if after.id is not None and before.id != after.id:
            if "id" in inner:  # pragma: no cover - an edit never changes an id it had
                self._refuse("cannot take a new id")
            text = _toml_with_id(text, after.id, inner is not document)
        return text

    def set_id(self, key: str) -> None:
        before = serialize.loads(self.text, fmt="json" if not self.toml else "toml")
        wrapped = isinstance(before, Mapping) and set(before) - {"history", "event"} == {
            "interview"
        }
        if self.toml:
            text = _toml_with_id(self.text, key, wrapped)
        else:
            data = json.loads(self.text)
            inner = data["interview"] if wrapped else data
            inner["id"] = key
            text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        after = self._parse(text)
        expected = dict(before)
        if wrapped:
            expected["interview"] = {**before["interview"], "id": key}
        else:
            expected["id"] = key
        if after != expected:  # pragma: no cover - a layout the text edit did not foresee
            self._refuse("cannot add its id without changing what else it says")
        self._write(text)

    def _toml_events(self, change: Callable[[Any], object]) -> str:
        import tomlkit
        from tomlkit.items import AoT, Array

        document = tomlkit.parse(self.text) if self.exists else _new_toml_history()
        events = document.get("event")
        if events is None or isinstance(events, Array):
            # A missing list, or one written inline (`event = []`, inline
            # tables): from now on [[event]] tables, at the end of the file.
            tables = tomlkit.aot()
            for item in events or ():
                tables.append(_toml_table(dict(item)))
            if events is not None:
                del document["event"]
            document.append("event", tables)
            events = document["event"]
        if not isinstance(events, AoT):
            self._refuse("its 'event' key is not a list of [[event]] tables")  # pragma: no cover
        change(events)
        # A table removed from the end leaves the blank line before it, which
        # the next table added would double: a file ends with one line break.
        return tomlkit.dumps(document).rstrip("\n") + "\n"

    def _json_events(self, change: Callable[[list[Any]], object]) -> str:
        data: Any = json.loads(self.text) if self.exists else []  # read already: not blank
        events = data.setdefault("event", []) if isinstance(data, dict) else data
        if not isinstance(events, list):
            self._refuse("its 'event' key is not a list")  # pragma: no cover
        change(events)
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def _parse(self, text: str) -> Any:
        return serialize.loads(text, fmt="toml" if self.toml else "json", source=str(self.path))

    def _commit(self, text: str, expected: Sequence[Event]) -> None:
        after = self._parse(text)
        before = self._parse(self.text) if self.exists and self.text.strip() else None
        if isinstance(after, Mapping):
            rest_after = {key: value for key, value in after.items() if key != "event"}
            held = after.get("event", [])
        else:
            rest_after, held = {}, after
        if isinstance(before, Mapping):
            rest_before = {key: value for key, value in before.items() if key != "event"}
        else:
            rest_before = {}
        if rest_after != rest_before:  # pragma: no cover - tomlkit kept the rest as it was
            self._refuse("cannot take the event without changing what else it says")
        read = serialize.structure_history(held, source=str(self.path))
        if list(map(_by_instant, read)) != list(map(_by_instant, expected)):
            self._refuse("cannot take the event as it is laid out")
        self._write(text)

    def _write(self, text: str) -> None:
        write_atomically(self.path, (_BOM if self.bom else "") + text)
        self.text, self.exists = text, True

    def _refuse(self, problem: str) -> None:
        raise FormatError(str(self.path), "$.event", f"{problem}: nothing was written")


def _wrapped(document: Any) -> bool:
    """Whether the file's interview is its ``[interview]`` table (beside its history)."""
    return isinstance(document, Mapping) and set(document) - {"history", "event"} == {"interview"}


def _empty(value: object) -> bool:
    return value is None or value == [] or value == {}


def _stripped(value: Any) -> Any:
    """*value* without its empty fields (None, [], {}), at every depth: as a person writes it."""
    if isinstance(value, Mapping):
        return {key: _stripped(item) for key, item in value.items() if not _empty(item)}
    if isinstance(value, list):
        return [_stripped(item) for item in value]
    return value


def _toml_item(value: Any) -> Any:
    """*value* as TOML writes it inline: a list of tables as an array of inline tables."""
    import tomlkit

    if isinstance(value, Mapping):
        table = tomlkit.inline_table()
        table.update({key: _toml_item(item) for key, item in value.items()})
        return table
    if isinstance(value, list):
        array = tomlkit.array()
        array.extend(_toml_item(item) for item in value)
        if any(isinstance(item, Mapping) for item in value):
            array.multiline(True)
        return array
    return value


def _in_file_order(held: Sequence[Event], ordered: Sequence[Event]) -> tuple[Event, ...]:
    """*ordered* (the events of *held* as an `Application` orders them: by instant, equal
    instants as given, each maybe changed) in *held*'s own order."""
    places = sorted(range(len(held)), key=lambda index: _instant(held[index]))  # stable
    events: list[Event] = list(held)
    for event, place in zip(ordered, places, strict=True):
        events[place] = event
    return tuple(events)


def _changed_table(before: Event, after: Event) -> dict[str, Any]:
    """The keys of *before*'s table that *after* (the same event, renamed) changes."""
    keys = ("recipient", "sender", "step")
    return {
        key: getattr(after, key)
        for key in keys
        if hasattr(before, key) and getattr(after, key) != getattr(before, key)
    }


def _pinned_people(interview: Interview) -> Interview:
    """*interview* pinned (`identity.pinned`), and each person given the id their steps'
    ids hold now when they have none (`identity.pinned_person`)."""
    pinned_one = pinned(interview)
    for person in (*pinned_one.interviewers, pinned_one.recruiter):
        if person is not None and person.id is None:
            pinned_one = pinned_person(pinned_one, person.name)
    return pinned_one


def _by_instant(event: Event) -> tuple[object, ...]:
    """*event* with its times as UTC instants: what must read back as written.

    Not `==`: two aware times in an hour the clocks repeat are never equal
    across time zone objects (PEP 495), though they are the same instant,
    and a file holds the offset, not the zone object.
    """
    values = attrs.astuple(event, recurse=False)
    return (type(event), *(cal.utc(v) if isinstance(v, datetime) else v for v in values))


def _renamed_table(event: Event, old: str, new: str, steps: bool) -> dict[str, Any]:
    """The keys of *event*'s table that a rename of *old* to *new* changes, with their values."""
    (renamed,) = loop._renamed_events([event], old, new, steps=steps)
    keys = ("recipient", "sender", "step")
    return {
        key: getattr(renamed, key)
        for key in keys
        if hasattr(event, key) and getattr(renamed, key) != getattr(event, key)
    }


def _new_toml_history() -> Any:
    import tomlkit

    document = tomlkit.document()
    document.add(tomlkit.comment("What happened after the interview, oldest first."))
    document.add(tomlkit.comment("Recorded with: followup log FILE KIND [options]"))
    return document


def _toml_table(values: Mapping[str, Any]) -> Any:
    import tomlkit

    table = tomlkit.table()
    table.trivia.indent = "\n"  # a blank line before it, as between hand-written tables
    for key, value in values.items():
        table.add(key, value)
    return table


def _toml_with_id(text: str, key: str, wrapped: bool) -> str:
    """*text* with ``id = "KEY"`` as its first key (of ``[interview]`` when wrapped)."""
    line = f'id = "{key}"  # keeps step ids and calendar items when you edit this file\n'
    lines = text.splitlines(keepends=True)
    if wrapped:
        for number, item in enumerate(lines):
            if _INTERVIEW_TABLE.match(item):
                return "".join([*lines[: number + 1], line, *lines[number + 1 :]])
    first = 0
    while first < len(lines) and lines[first].lstrip().startswith("#"):
        first += 1
    return "".join([*lines[:first], line, *lines[first:]])
