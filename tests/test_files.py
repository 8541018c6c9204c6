"""History files stay whole (issue 17, item 7): a lock, events in their place, odd but
valid files appended to correctly or refused untouched, one atomic writer."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from followup_rules import (
    ActionKind,
    Channel,
    Contact,
    InvalidArgument,
    InvalidHistory,
    Reply,
    Skip,
    Snooze,
    agenda,
    files,
    parse_when,
    plan,
)
from followup_rules import _calendar as cal
from followup_rules import serialize as s
from followup_rules.cli import main
from followup_rules.files import HistoryFile, load_many, target, write_atomically
from followup_rules.identity import interview_key

from .factories import at

INTERVIEW = """\
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"

[[interviewers]]
name = "Ana Ruiz"

[[interviewers]]
name = "Bo Chen"
"""
REPLY = Reply(at(2024, 7, 3, 9))
NOTE = Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz")


def named(tmp_path: Path, history: str = "", name: str = "acme.events.toml") -> Path:
    """An interview file naming its history file (with *history* as its text, if any)."""
    path = tmp_path / "acme.toml"
    path.write_text(f'history = "{name}"\n' + INTERVIEW)
    if history:
        (tmp_path / name).write_text(history)
    return path


class TestOddFiles:
    """Odd but valid histories are appended to correctly, or refused before any write."""

    @pytest.mark.parametrize(
        "history",
        [
            "event = []\n",
            'event = [{ type = "contact", kind = "thank_you", channel = "email", '
            'recipient = "Ana Ruiz", at = 2024-07-02T16:00:00-04:00 }]\n',
            '\ufeff# with a byte-order mark\n\n[[event]]\ntype = "contact"\nkind = "thank_you"\n'
            'channel = "email"\nrecipient = "Ana Ruiz"\nat = 2024-07-02T16:00:00-04:00\n',
            "",
        ],
        ids=["empty-inline", "inline-tables", "bom", "empty-file"],
    )
    def test_appended_to_correctly(self, tmp_path: Path, history: str) -> None:
        """Issue 17: `event = []`, inline tables and a BOM loaded everywhere but log broke
        them (invalid TOML, or 'please report this'); now the event lands and reads back."""
        path = named(tmp_path, history)
        before = list(HistoryFile(path).read().history)
        HistoryFile(path).add(REPLY)
        assert [*before, REPLY] == list(HistoryFile(path).read().history)

    def test_a_bom_is_kept(self, tmp_path: Path) -> None:
        """The byte-order mark the file started with is still there."""
        path = named(tmp_path, "\ufeff# mine\n")
        HistoryFile(path).add(REPLY)
        assert (tmp_path / "acme.events.toml").read_bytes().startswith(b"\xef\xbb\xbf# mine\n")

    def test_a_json_history_list(self, tmp_path: Path) -> None:
        """A JSON history (a list) gets the event in its place."""
        path = named(
            tmp_path, json.dumps([{"type": "reply", "at": "2024-07-04T09:00:00-04:00"}]), "h.json"
        )
        HistoryFile(path).add(REPLY)
        found = json.loads((tmp_path / "h.json").read_text())
        assert [item["at"] for item in found] == [
            "2024-07-03T09:00:00-04:00",
            "2024-07-04T09:00:00-04:00",
        ]

    def test_a_history_whose_name_nothing_reads_is_refused(self, tmp_path: Path) -> None:
        """Issue 17: log wrote notes.txt, which nothing could read back; now it is refused."""
        path = named(tmp_path, name="notes.txt")
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).add(REPLY)
        assert not (tmp_path / "notes.txt").exists()
        error = refused.value
        assert (error.file, error.path, error.problem) == (
            str(tmp_path / "notes.txt"),
            "",
            "a history file's name must end in .toml or .json, or nothing can read it back: "
            "rename it",
        )

    def test_an_event_table_that_is_not_a_list_is_refused_untouched(self, tmp_path: Path) -> None:
        """[event] (one table) is no history: refused by the reader, nothing written."""
        text = '[event]\ntype = "reply"\nat = 2024-07-03T09:00:00-04:00\n'
        path = named(tmp_path, text)
        with pytest.raises(s.FormatError):
            HistoryFile(path).add(REPLY)
        assert (tmp_path / "acme.events.toml").read_text() == text


class TestAdd:
    """One event at a time, in its place, once."""

    def test_an_event_logged_late_goes_in_its_place(self, tmp_path: Path) -> None:
        """The note sent before the reply goes before it in the file."""
        path = named(tmp_path)
        HistoryFile(path).add(REPLY)
        done = HistoryFile(path).add(NOTE)
        assert (done.number, list(HistoryFile(path).read().history)) == (1, [NOTE, REPLY])

    def test_the_same_event_twice_is_written_once(self, tmp_path: Path) -> None:
        """The second add says 'already', and the file holds one event."""
        path = named(tmp_path)
        HistoryFile(path).add(REPLY)
        again = HistoryFile(path).add(Reply(REPLY.at, "Ana Ruiz"))
        assert (again.already, again.number, len(HistoryFile(path).read().history)) == (True, 1, 1)

    def test_a_bad_event_leaves_the_file_as_it_was(self, tmp_path: Path) -> None:
        """A name not on the interview: refused, nothing written."""
        path = named(tmp_path, "# mine\n")
        with pytest.raises(InvalidHistory):
            HistoryFile(path).add(Reply(at(2024, 7, 3), "Nobody"))
        assert (tmp_path / "acme.events.toml").read_text() == "# mine\n"

    def test_the_first_add_writes_the_interviews_id(self, tmp_path: Path) -> None:
        """Issue 17, item 6: the id is the fingerprint ids were made from, so they stay."""
        path = named(tmp_path)
        key = interview_key(s.load_interview(path))
        done = HistoryFile(path).add(REPLY)
        assert (done.id_written, s.load_interview(path).id) == (key, key)
        assert HistoryFile(path).add(NOTE).id_written is None

    def test_the_id_goes_into_an_interview_table(self, tmp_path: Path) -> None:
        """An interview written under [interview] gets its id there."""
        path = tmp_path / "acme.toml"
        path.write_text(
            "[interview]\n" + INTERVIEW.replace("[[interviewers]]", "[[interview.interviewers]]")
        )
        HistoryFile(path).add(REPLY)
        assert s.load_interview(path).id is not None

    def test_a_json_interview_file(self, tmp_path: Path) -> None:
        """A JSON interview file holding its events gets the event and its id."""
        path = tmp_path / "acme.json"
        data = s.unstructure(s.load_interview(named(tmp_path)))
        path.write_text(json.dumps({k: v for k, v in data.items() if v is not None}))
        HistoryFile(path).add(REPLY)
        found = s.load_interview_file(path)
        assert (found.history, found.interview.id is not None) == ((REPLY,), True)

    def test_skip_and_snooze_are_recorded(self, tmp_path: Path) -> None:
        """Issue 17, item 3: what is recorded (the file), not the planning effect."""
        path = named(tmp_path)
        found = HistoryFile(path).read()
        steps = agenda(found.interview, now=at(2024, 7, 2, 16))
        note = next(item.id for item in steps if item.action.kind is ActionKind.THANK_YOU)
        check_in = next(item.id for item in steps if item.action.kind is ActionKind.CHECK_IN)
        HistoryFile(path).add(Skip(at(2024, 7, 3), note, note="met him twice"))
        HistoryFile(path).add(Snooze(at(2024, 7, 4), check_in, at(2024, 7, 20)))
        text = (tmp_path / "acme.events.toml").read_text()
        assert f'type = "skip"\nstep = "{note}"\nnote = "met him twice"' in text
        assert f'step = "{check_in}"\nuntil = 2024-07-20T00:00:00-04:00' in text


class TestRemove:
    """Mistakes can be mended: a numbered event, or the last, goes."""

    def test_remove_a_numbered_event(self, tmp_path: Path) -> None:
        """The first of two goes; the other stays."""
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        HistoryFile(path).add(REPLY)
        assert HistoryFile(path).remove(1) == NOTE
        assert HistoryFile(path).read().history == (REPLY,)

    def test_remove_the_last(self, tmp_path: Path) -> None:
        """Without a number, the latest goes."""
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        HistoryFile(path).add(REPLY)
        assert HistoryFile(path).remove() == REPLY

    @pytest.mark.parametrize(
        ("count", "number", "needle"), [(0, None, "no events"), (1, 2, "1 to 1")]
    )
    def test_nothing_to_remove(
        self, tmp_path: Path, count: int, number: int | None, needle: str
    ) -> None:
        """An empty history, or a number past its end: a FormatError naming the file."""
        path = named(tmp_path)
        for event in [REPLY][:count]:
            HistoryFile(path).add(event)
        with pytest.raises(s.FormatError, match=needle):
            HistoryFile(path).remove(number)


class TestNames:
    """Issue 17, item 6: a name renamed after logging gets an error naming the file and fix."""

    def test_a_renamed_interviewer(self, tmp_path: Path) -> None:
        """Ana renamed Anna in the interview: the history file, the old name, the fix."""
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        path.write_text(path.read_text().replace('"Ana Ruiz"', '"Anna Ruiz"'))
        with pytest.raises(s.FormatError) as caught:
            load_many([path])
        message = str(caught.value)
        assert message.startswith("acme.events.toml: $.event[0].recipient: ")
        assert "'Ana Ruiz'" in message and "did you mean 'Anna Ruiz'?" in message
        assert "write the new name here too" in message

    def test_one_history_goes_with_one_file(self, tmp_path: Path) -> None:
        """A history file given for several interviews is refused."""
        with pytest.raises(s.FormatError, match="one history file goes with one interview"):
            load_many([named(tmp_path), named(tmp_path)], tmp_path / "h.toml")


LOGGER = """
import sys
from followup_rules.cli import main
main()
"""


def test_eight_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    """Issue 17: eight `followup log` processes at once all land (5 of 8 did before)."""
    path = named(tmp_path)
    commands = [
        [
            sys.executable,
            "-c",
            LOGGER,
            "log",
            str(path),
            "reply",
            "--at",
            f"2024-07-{day:02d}T09:00",
        ]
        for day in range(3, 11)
    ]
    processes = [
        subprocess.Popen(c, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for c in commands
    ]
    results = [process.communicate(timeout=120) for process in processes]
    assert [p.returncode for p in processes] == [0] * 8, results
    assert len(HistoryFile(path).read().history) == 8


class TestAtomicWrites:
    """One writer for every file: symlinks followed, modes kept, odd targets refused."""

    def test_save_history_writes_through_a_symlink(self, tmp_path: Path) -> None:
        """Issue 17: save_history replaced a symlink with a regular file; -o followed it."""
        real = tmp_path / "real.toml"
        real.write_text("")
        link = tmp_path / "events.toml"
        link.symlink_to(real)
        s.save_history(link, [REPLY])
        assert link.is_symlink() and s.load_history(real) == [REPLY]

    def test_a_new_file_gets_the_umask_mode(self, tmp_path: Path) -> None:
        """0666 less the umask, applied by the system."""
        old = os.umask(0o027)
        try:
            write_atomically(tmp_path / "x.txt", "x")
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "x.txt").stat().st_mode) == 0o640

    def test_a_directory_is_refused(self, tmp_path: Path) -> None:
        """Not a regular file: FormatError naming it."""
        with pytest.raises(s.FormatError, match="it is a directory, not a regular file"):
            target(tmp_path)

    def test_a_missing_directory(self, tmp_path: Path) -> None:
        """The temporary file cannot be made: FormatError naming the path."""
        with pytest.raises(s.FormatError, match="cannot be written: No such file"):
            write_atomically(tmp_path / "no" / "x.txt", b"x")

    def test_a_failed_write_leaves_nothing(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """A disk that fills up: the old file stays, no temporary is left."""
        path = tmp_path / "x.txt"
        path.write_text("old")

        def full(*args: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "replace", full)
        with pytest.raises(OSError, match="No space"):
            write_atomically(path, "new")
        assert [p.name for p in tmp_path.iterdir()] == ["x.txt"] and path.read_text() == "old"

    def test_repr(self, tmp_path: Path) -> None:
        """A HistoryFile shows its paths."""
        assert repr(HistoryFile("a.toml", "b.toml")) == "HistoryFile('a.toml', history='b.toml')"


class TestSafetyNets:
    """The lock waits, then gives up with a clear error; a change that would not read back
    as meant is refused with the file untouched."""

    def test_a_held_lock_times_out_with_a_clear_error(self, tmp_path: Path) -> None:
        """Another writer holding the lock: a FormatError naming the file, after the timeout."""
        path = tmp_path / "events.toml"
        waiting = files._locked(path, timeout=0.05)
        with files._locked(path), pytest.raises(s.FormatError) as refused:
            waiting.__enter__()
        error = refused.value
        assert (error.source, error.path, error.problem) == (
            str(path),
            "",
            "another followup command has been changing it for 0.05 s",
        )

    def test_a_lock_where_nothing_can_be_made(self, tmp_path: Path) -> None:
        """No directory for the lock file: a FormatError naming the path."""
        nowhere = files._locked(tmp_path / "no" / "events.toml")
        with pytest.raises(s.FormatError, match="cannot be locked"):
            nowhere.__enter__()

    def test_a_change_that_reads_back_otherwise_is_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Were the table written wrong, the read-back catches it and nothing is written."""
        path = named(tmp_path, "# mine\n")
        written = files._written

        def an_hour_off(event: object, toml: bool) -> dict[str, object]:
            table = written(event, toml)  # type: ignore[arg-type]
            table["at"] = table["at"].replace(hour=10)
            return table

        monkeypatch.setattr(files, "_written", an_hour_off)
        with pytest.raises(s.FormatError, match="nothing was written"):
            HistoryFile(path).add(REPLY)
        assert (tmp_path / "acme.events.toml").read_text() == "# mine\n"

    def test_remove_from_a_json_history(self, tmp_path: Path) -> None:
        """unlog works on a JSON history too."""
        path = named(tmp_path, "[]", "h.json")
        HistoryFile(path).add(NOTE)
        HistoryFile(path).add(REPLY)
        assert HistoryFile(path).remove(1) == NOTE
        assert json.loads((tmp_path / "h.json").read_text())[0]["type"] == "reply"


class TestHoursTheClocksRepeatOrSkip:
    """An event in the hour DST repeats or skips is written and read back as that instant.

    Found in a three-week trial: both passes of 01:00-01:59 on 1 November in
    New York were refused ("cannot take the event as it is laid out"), since
    aware times in a repeated hour never compare equal across zone objects.
    """

    @pytest.mark.parametrize("offset", ["-04:00", "-05:00"])
    def test_both_passes_of_a_repeated_hour(self, tmp_path: Path, offset: str) -> None:
        """The first 01:30 (EDT) and the second (EST) are two instants, each kept."""
        path = named(tmp_path)
        moment = parse_when(f"2024-11-03T01:30{offset}", "America/New_York", at(2024, 12, 1))
        done = HistoryFile(path).add(Reply(moment))
        (event,) = HistoryFile(path).read().history
        assert not done.already and cal.utc(event.at) == cal.utc(moment)

    def test_both_passes_are_two_events(self, tmp_path: Path) -> None:
        """Logged one after the other, the two 01:30s stay two, in order."""
        path = named(tmp_path)
        now = at(2024, 12, 1)
        for offset in ("-05:00", "-04:00"):
            HistoryFile(path).add(Reply(parse_when(f"2024-11-03T01:30{offset}", "UTC", now)))
        events = HistoryFile(path).read().history
        assert [cal.utc(e.at).hour for e in events] == [5, 6]

    def test_a_wall_clock_the_clocks_skip_is_the_hour_after(self, tmp_path: Path) -> None:
        """02:30 on 9 March 2025 does not exist in New York: it is read as 03:30 EDT."""
        moment = parse_when("2025-03-09T02:30", "America/New_York", at(2025, 12, 1))
        assert (moment.hour, moment.utcoffset()) == (3, timedelta(hours=-4))
        path = named(tmp_path)
        HistoryFile(path).add(Reply(moment))
        (event,) = HistoryFile(path).read().history
        assert cal.utc(event.at) == cal.utc(moment)


class TestRename:
    """Trial finding: renaming someone with a skip or snooze in the history broke every command.

    A step id names its person; sed on the name cannot mend it. `followup rename`
    (`HistoryFile.rename`, `Application.rename`) renames the person everywhere.
    """

    @pytest.mark.parametrize("suffix", ["toml", "json"])
    def test_both_files_at_once(self, tmp_path: Path, suffix: str) -> None:
        """The interview, the contacts, replies and the skipped step's id all follow."""
        path = named(tmp_path, name=f"acme.events.{suffix}")
        store = HistoryFile(path)
        iv = store.read().interview
        schedule = plan(iv)
        ids = {
            (action.kind, action.recipient.name): uid  # type: ignore[union-attr]
            for action, uid in zip(schedule.actions, schedule.ids, strict=True)
            if action.recipient is not None
        }
        store.add(NOTE)
        store.add(Skip(at(2024, 7, 3, 9), ids[(ActionKind.THANK_YOU, "Bo Chen")]))
        store.add(Reply(at(2024, 7, 3, 10), "Bo Chen"))
        done = store.rename("bo chen", "Bo Chén")
        again = HistoryFile(path).read()
        assert [p.name for p in again.interview.interviewers] == ["Ana Ruiz", "Bo Chén"]
        assert again.history == done.history
        assert again.history[-1] == Reply(at(2024, 7, 3, 10), "Bo Chén")
        new_ids = plan(again.interview, history=again.history).ids
        skipped = again.history[1]
        assert skipped.step.startswith("thank_you-bo-chen-")  # type: ignore[union-attr]
        assert skipped.step not in new_ids  # type: ignore[union-attr]
        assert agenda(again.interview, history=again.history, now=at(2024, 7, 3, 11))

    def test_an_unknown_name_changes_nothing(self, tmp_path: Path) -> None:
        """A typo: refused with the closest name, and both files untouched."""
        path = named(tmp_path)
        store = HistoryFile(path)
        store.add(NOTE)
        texts = (path.read_text(), (tmp_path / "acme.events.toml").read_text())
        with pytest.raises(InvalidArgument, match="did you mean 'Ana Ruiz'"):
            store.rename("Ana Ruis", "Ana Vega")
        assert (path.read_text(), (tmp_path / "acme.events.toml").read_text()) == texts

    def test_the_command(self, tmp_path: Path) -> None:
        """`followup rename FILE OLD NEW` says where it renamed; the plan follows."""
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        result = CliRunner().invoke(main, ["rename", str(path), "Ana Ruiz", "Ana Vega"])
        assert result.exit_code == 0 and "Renamed Ana Ruiz to Ana Vega" in result.stdout
        found = HistoryFile(path).read()
        assert found.history[0].recipient == "Ana Vega"  # type: ignore[union-attr]


class TestWhatIsWritten:
    """Mutation testing, seventh pass: the exact files written and the errors' places."""

    def test_a_json_history_is_written_indented_and_legible(self, tmp_path: Path) -> None:
        """Two-space indents, one event a block, accents as themselves, a final newline:
        a file a person can read and diff."""
        path = named(tmp_path, "[]", "h.json")
        HistoryFile(path).add(Reply(at(2024, 7, 3, 9), note="Très bien, à lundi"))
        text = (tmp_path / "h.json").read_text(encoding="utf-8")
        data = json.loads(text)
        assert text == json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        assert "Très bien, à lundi" in text
        assert text.startswith('[\n  {\n    "')

    def test_a_json_interview_file_with_its_events_stays_legible(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.json"
        data = s.loads(INTERVIEW, fmt="toml")
        path.write_text(json.dumps(data, default=str, indent=2))
        HistoryFile(path).add(Reply(at(2024, 7, 3, 9), note="À lundi"))
        text = path.read_text(encoding="utf-8")
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
        assert "À lundi" in text

    def test_a_refused_change_names_the_file_and_the_events(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = named(tmp_path, "# mine\n")
        written = files._written

        def an_hour_off(event: object, toml: bool) -> dict[str, object]:
            table = written(event, toml)  # type: ignore[arg-type]
            table["at"] = table["at"].replace(hour=10)
            return table

        monkeypatch.setattr(files, "_written", an_hour_off)
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).add(REPLY)
        error = refused.value
        assert (error.file, error.path) == (str(tmp_path / "acme.events.toml"), "$.event")
        assert error.problem == "cannot take the event as it is laid out: nothing was written"

    def test_repr_without_a_history(self) -> None:
        assert repr(HistoryFile("a.toml")) == "HistoryFile('a.toml')"


class TestLoadMany:
    def test_each_file_with_its_own_history(self, tmp_path: Path) -> None:
        one, two = tmp_path / "one", tmp_path / "two"
        one.mkdir()
        two.mkdir()
        HistoryFile(named(one)).add(REPLY)
        found = load_many([named(one), named(two)])
        assert [len(f.history) for f in found] == [1, 0]

    def test_one_file_may_take_a_history_file(self, tmp_path: Path) -> None:
        """With one interview file, *history* is read instead of the file's own."""
        other = tmp_path / "other.toml"
        s.save_history(other, [NOTE, REPLY])
        (found,) = load_many([named(tmp_path)], other)
        assert (found.history, found.history_path) == ((NOTE, REPLY), other)

    def test_a_history_for_several_files_is_refused_naming_it(self, tmp_path: Path) -> None:
        history = tmp_path / "h.toml"
        with pytest.raises(s.FormatError) as refused:
            load_many([named(tmp_path), named(tmp_path)], history)
        assert (refused.value.file, refused.value.path) == (str(history), "")
        assert refused.value.problem == (
            "one history file goes with one interview file; several keep their own"
        )


WRAPPED = """\
history = "acme.events.toml"

[interview]
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"
contact = "Ana Ruiz"

[[interview.interviewers]]
name = "Ana Ruiz"

[[interview.interviewers]]
name = "Bo Chen"

[interview.recruiter]
name = "Rae Kim"
email = "rae@agency.example"
"""


class TestRenameLayouts:
    """`HistoryFile.rename` in an ``[interview]`` table: the contact and a recruiter too."""

    @pytest.mark.parametrize("suffix", ["toml", "json"])
    def test_the_contact_is_renamed_with_the_interviewer(
        self, tmp_path: Path, suffix: str
    ) -> None:
        path = tmp_path / f"acme.{suffix}"
        if suffix == "toml":
            path.write_text(WRAPPED)
        else:
            path.write_text(json.dumps(s.loads(WRAPPED, fmt="toml"), default=str, indent=2))
        store = HistoryFile(path)
        store.add(NOTE)
        key = store.read().interview.id
        done = store.rename("Ana Ruiz", "Ana Vega")
        again = HistoryFile(path).read()
        assert again.interview.contact == "Ana Vega"
        assert [p.name for p in again.interview.interviewers] == ["Ana Vega", "Bo Chen"]
        assert again.interview.id == key  # the id written by the first add is kept
        assert again.history == done.history
        assert again.history[0].recipient == "Ana Vega"  # type: ignore[union-attr]

    @pytest.mark.parametrize("suffix", ["toml", "json"])
    def test_a_recruiter_is_renamed(self, tmp_path: Path, suffix: str) -> None:
        path = tmp_path / f"acme.{suffix}"
        if suffix == "toml":
            path.write_text(WRAPPED)
        else:
            path.write_text(json.dumps(s.loads(WRAPPED, fmt="toml"), default=str, indent=2))
        before = HistoryFile(path).read().interview
        HistoryFile(path).rename("Rae Kim", "Rae Park")
        again = HistoryFile(path).read().interview
        assert again.recruiter is not None and again.recruiter.name == "Rae Park"
        assert again.id is not None  # written by the rename, the old fingerprint
        assert again.id == interview_key(before)
        text = path.read_text(encoding="utf-8")
        if suffix == "json":
            assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"
            assert '"id"' in text.split('"interview"', 1)[1]
        else:
            assert text.index("id = ") > text.index("[interview]")


class TestOneFileHoldingAll:
    """An interview file with its own ``[[event]]`` tables: changes stay in that file."""

    def test_rename_in_one_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(INTERVIEW)
        store = HistoryFile(path)
        store.add(NOTE)
        done = store.rename("Ana Ruiz", "Ana Vega")
        again = HistoryFile(path).read()
        assert (done.path, done.history_path, done.interview) == (path, path, again.interview)
        assert [p.name for p in again.interview.interviewers] == ["Ana Vega", "Bo Chen"]
        assert again.history[0].recipient == "Ana Vega"  # type: ignore[union-attr]
        assert [p.name for p in tmp_path.iterdir() if not p.name.endswith((".lock", ".last"))] == [
            "acme.toml"
        ]

    def test_remove_from_one_file(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.toml"
        path.write_text(INTERVIEW)
        store = HistoryFile(path)
        store.add(NOTE)
        store.add(REPLY)
        assert store.remove(1) == NOTE
        assert HistoryFile(path).read().history == (REPLY,)
        assert HistoryFile(path).read().interview.company == "Acme Analytics"


class TestRemoveRefusals:
    def test_nothing_to_remove_names_the_history_file(self, tmp_path: Path) -> None:
        path = named(tmp_path, "# none yet\n")
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).remove()
        error = refused.value
        assert (error.file, error.path, error.problem) == (
            str(tmp_path / "acme.events.toml"),
            "",
            "has no events to remove",
        )

    def test_a_number_past_the_end(self, tmp_path: Path) -> None:
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        HistoryFile(path).add(REPLY)
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).remove(3)
        error = refused.value
        assert (error.file, error.path, error.problem) == (
            str(tmp_path / "acme.events.toml"),
            "",
            "has events 1 to 2, not 3",
        )


def test_a_new_history_file_says_what_it_is() -> None:
    """The history file the first `followup log` makes opens with two comment lines."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = named(Path(folder))
        HistoryFile(path).add(REPLY)
        text = (Path(folder) / "acme.events.toml").read_text()
    assert text.startswith(
        "# What happened after the interview, oldest first.\n"
        "# Recorded with: followup log FILE KIND [options]\n"
    )


LATER = Reply(at(2024, 7, 5, 9))


class TestEventsInTheirPlace:
    """Mutation testing, eighth pass: an event logged late lands between the right two."""

    @pytest.mark.parametrize(
        ("event", "number"),
        [
            (Reply(at(2024, 7, 2, 18)), 2),  # between the note and the reply
            (Reply(at(2024, 7, 3, 9), "Bo Chen"), 3),  # at the same time as one: after it
            (Reply(at(2024, 7, 4, 9)), 3),  # between the two replies
            (Reply(at(2024, 7, 6, 9)), 4),  # after them all
        ],
    )
    def test_among_three(self, tmp_path: Path, event: Reply, number: int) -> None:
        path = named(tmp_path)
        for each in (NOTE, REPLY, LATER):
            HistoryFile(path).add(each)
        done = HistoryFile(path).add(event)
        history = list(HistoryFile(path).read().history)
        assert done.number == number
        # sorted() is stable: of two at the same time, the one logged first stays first
        assert history == sorted([NOTE, REPLY, LATER, event], key=lambda e: cal.utc(e.at))


class TestUndo:
    """Mutation testing, eighth pass: what `remove()` without a number takes back."""

    def test_removing_another_event_keeps_the_late_one_to_undo(self, tmp_path: Path) -> None:
        """The note logged late is still what the undo takes after `unlog N` of another."""
        path = named(tmp_path)
        HistoryFile(path).add(REPLY)
        HistoryFile(path).add(LATER)
        HistoryFile(path).add(NOTE)  # logged last, sits first
        assert HistoryFile(path).remove(3) == LATER
        assert HistoryFile(path).remove() == NOTE
        assert HistoryFile(path).read().history == (REPLY,)

    def test_an_undone_event_written_back_by_another_tool_is_not_undone_again(
        self, tmp_path: Path
    ) -> None:
        """The undo took the late note back; once it is written again by something other
        than `add`, the next undo takes the latest event, as with nothing logged."""
        path = named(tmp_path)
        HistoryFile(path).add(REPLY)
        HistoryFile(path).add(NOTE)
        assert HistoryFile(path).remove() == NOTE
        s.save_history(tmp_path / "acme.events.toml", [NOTE, REPLY])
        assert HistoryFile(path).remove() == REPLY

    def test_a_note_that_cannot_be_written_loses_only_the_note(self, tmp_path: Path) -> None:
        """Where the note would go cannot be written: the event is logged all the same, and
        the undo takes the latest."""
        path = named(tmp_path)
        (tmp_path / ".acme.events.toml.last").mkdir()
        HistoryFile(path).add(REPLY)
        done = HistoryFile(path).add(NOTE)
        assert (done.number, len(HistoryFile(path).read().history)) == (1, 2)
        assert HistoryFile(path).remove() == REPLY

    @pytest.mark.parametrize("text", ["[]", "not json", "{}"])
    def test_a_damaged_note_means_the_latest(self, tmp_path: Path, text: str) -> None:
        path = named(tmp_path)
        HistoryFile(path).add(REPLY)
        HistoryFile(path).add(NOTE)
        (tmp_path / ".acme.events.toml.last").write_text(text)
        assert HistoryFile(path).remove() == REPLY


class TestLayoutKept:
    """Mutation testing, eighth pass: what a change leaves of the file as written."""

    @pytest.mark.parametrize("ending", ["# the last line ends in spaces   ", "# item X"])
    def test_an_event_put_first_leaves_the_rest_as_it_was(
        self, tmp_path: Path, ending: str
    ) -> None:
        """The note logged late goes first; every byte of the old tables follows it."""
        old = (
            "# mine\n\n[[event]]\n"
            'type = "reply"\n'
            "at = 2024-07-03T09:00:00-04:00  # by phone\n"
            f"{ending}\n"
        )
        path = named(tmp_path, old)
        HistoryFile(path).add(NOTE)
        text = (tmp_path / "acme.events.toml").read_text()
        assert text.startswith("# mine\n")
        assert text.endswith(old.removeprefix("# mine\n"))
        assert HistoryFile(path).read().history == (NOTE, REPLY)

    @pytest.mark.parametrize("comments", [0, 1, 2, 3])
    def test_the_id_goes_after_the_comments_the_file_opens_with(
        self, tmp_path: Path, comments: int
    ) -> None:
        header = "".join(f"{'  ' * (n % 2)}# note {n}\n" for n in range(comments))
        path = tmp_path / "acme.toml"
        path.write_text(header + INTERVIEW)
        HistoryFile(path).add(REPLY)
        text = path.read_text()
        assert text.startswith(header + 'id = "')
        assert text.removeprefix(header).split("\n", 1)[1].startswith(INTERVIEW)

    def test_a_json_rename_keeps_accents_as_themselves(self, tmp_path: Path) -> None:
        path = tmp_path / "acme.json"
        path.write_text(json.dumps(s.loads(WRAPPED, fmt="toml"), default=str, indent=2))
        HistoryFile(path).rename("Bo Chen", "Bo Chén")
        text = path.read_text(encoding="utf-8")
        assert '"Bo Chén"' in text
        assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"

    def test_a_rename_in_a_history_written_out_of_order(self, tmp_path: Path) -> None:
        """A hand-written history need not be in order; a rename keeps the file's order."""
        path = named(tmp_path)
        s.save_history(tmp_path / "acme.events.toml", [REPLY, NOTE])
        done = HistoryFile(path).rename("Ana Ruiz", "Ana Vega")
        again = HistoryFile(path).read()
        assert again.history == done.history
        assert [type(e) for e in again.history] == [Reply, Contact]
        assert again.history[1].recipient == "Ana Vega"  # type: ignore[union-attr]


class TestRenameSafetyNets:
    """Mutation testing, eighth pass: a rename that would not read back as meant is refused,
    naming the file, with both files as they were."""

    def _texts(self, tmp_path: Path) -> tuple[str, str]:
        return (
            (tmp_path / "acme.toml").read_text(),
            (tmp_path / "acme.events.toml").read_text(),
        )

    def test_events_renamed_wrong(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        before = self._texts(tmp_path)
        monkeypatch.setattr(
            files, "_renamed_table", lambda event, old, new, steps: {"recipient": "Bo Chen"}
        )
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).rename("Ana Ruiz", "Ana Vega")
        error = refused.value
        assert (error.file, error.path) == (str(tmp_path / "acme.events.toml"), "$.event")
        assert error.problem == "cannot take the new name as it is laid out: nothing was written"
        assert self._texts(tmp_path) == before

    def test_interview_renamed_wrong(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        path = named(tmp_path)
        HistoryFile(path).add(NOTE)
        before = self._texts(tmp_path)
        monkeypatch.setattr(
            files._Document, "renamed_interview", lambda self, old, new, key: self.text
        )
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(path).rename("Ana Ruiz", "Ana Vega")
        error = refused.value
        assert error.file == str(path)
        assert error.problem == "cannot take the new name as it is laid out: nothing was written"
        assert self._texts(tmp_path) == before


def test_what_a_logged_contact_looks_like(tmp_path: Path) -> None:
    """Mutation testing, eighth pass: the table a person would write: type and kind first,
    the time last, nothing left empty; a call nobody answered says so, and only a call that
    reached voicemail says voicemail."""
    path = named(tmp_path)
    email = Contact(
        at(2024, 7, 2, 16), "email", "thank_you", "Ana Ruiz", subject="Thanks", note="on the go"
    )
    unanswered = Contact(at(2024, 7, 5, 10), "phone", "check_in", "Ana Ruiz", answered=False)
    voicemail = Contact(at(2024, 7, 5, 11), "phone", "check_in", "Ana Ruiz", voicemail=True)
    for event in (email, unanswered, voicemail):
        HistoryFile(path).add(event)
    tables = (tmp_path / "acme.events.toml").read_text().split("[[event]]\n")[1:]
    assert [table.strip() for table in tables] == [
        'type = "contact"\nkind = "thank_you"\nchannel = "email"\nrecipient = "Ana Ruiz"\n'
        'subject = "Thanks"\nnote = "on the go"\nat = 2024-07-02T16:00:00-04:00',
        'type = "contact"\nkind = "check_in"\nchannel = "phone"\nrecipient = "Ana Ruiz"\n'
        "answered = false\nat = 2024-07-05T10:00:00-04:00",
        'type = "contact"\nkind = "check_in"\nchannel = "phone"\nrecipient = "Ana Ruiz"\n'
        "voicemail = true\nat = 2024-07-05T11:00:00-04:00",
    ]
    assert HistoryFile(path).read().history == (email, unanswered, voicemail)


class TestRenameNamesAlone:
    """Mutation testing, eighth pass, a bug: interviewers given as names alone
    (``interviewers = ["Ana Ruiz", { name = "Bo Chen" }]``, as docs/files.md shows) made
    `HistoryFile.rename` (`followup rename`) crash with an AttributeError."""

    PLAIN = (
        'history = "acme.events.toml"\n'
        "starts_at = 2024-07-02T14:00:00\n"
        'timezone = "America/New_York"\n'
        'company = "Acme Analytics"\n'
        'role = "Data Engineer"\n'
        'contact = "Ana Ruiz"\n'
        'interviewers = ["Ana Ruiz", { name = "Bo Chen", title = "Staff Engineer" }]\n'
    )

    @pytest.mark.parametrize("suffix", ["toml", "json"])
    @pytest.mark.parametrize(("old", "new"), [("ana ruiz", "Ana Vega"), ("Bo Chen", "Bo Chén")])
    def test_a_name_alone_or_in_a_table(
        self, tmp_path: Path, suffix: str, old: str, new: str
    ) -> None:
        path = tmp_path / f"acme.{suffix}"
        if suffix == "toml":
            path.write_text(self.PLAIN)
        else:
            path.write_text(json.dumps(s.loads(self.PLAIN, fmt="toml"), default=str, indent=2))
        HistoryFile(path).add(NOTE)
        HistoryFile(path).add(Reply(at(2024, 7, 3, 9), "Bo Chen"))
        done = HistoryFile(path).rename(old, new)
        again = HistoryFile(path).read()
        names = [
            "Ana Vega" if new == "Ana Vega" else "Ana Ruiz",
            new if "Bo" in new else "Bo Chen",
        ]
        assert [p.name for p in again.interview.interviewers] == names
        assert again.interview.interviewers[1].title == "Staff Engineer"
        assert again.interview.contact == names[0]
        assert again.history == done.history
        assert [
            e.recipient if isinstance(e, Contact) else e.sender for e in again.history
        ] == names  # type: ignore[union-attr]


def test_a_rename_that_would_lose_the_events_of_a_one_file_interview_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Mutation testing, eighth pass: in a file holding the interview and its events, the
    text written is the one checked: were the interview's edit to drop the ``[[event]]``
    tables, nothing is written (no recorded event is ever lost)."""
    path = tmp_path / "acme.toml"
    path.write_text(INTERVIEW)
    HistoryFile(path).add(NOTE)
    before = path.read_text()
    renamed_interview = files._Document.renamed_interview

    def without_events(self: files._Document, old: str, new: str, key: str | None) -> str:
        return renamed_interview(self, old, new, key).split("[[event]]")[0]

    monkeypatch.setattr(files._Document, "renamed_interview", without_events)
    with pytest.raises(s.FormatError, match="nothing was written"):
        HistoryFile(path).rename("Ana Ruiz", "Ana Vega")
    assert path.read_text() == before


class TestAHistoryGivenApart:
    """Mutation testing, eighth pass: with a history file given apart (``--history``), a
    name the interview does not have is refused naming the entry, the name and the fix."""

    @pytest.mark.parametrize(
        ("event", "key"),
        [
            (
                Contact(at(2024, 7, 2, 16), Channel.EMAIL, ActionKind.THANK_YOU, "Cy Diaz"),
                "recipient",
            ),
            (Reply(at(2024, 7, 3, 9), "Cy Diaz"), "sender"),
        ],
    )
    def test_someone_not_on_the_interview(
        self, tmp_path: Path, event: Contact | Reply, key: str
    ) -> None:
        other = tmp_path / "other.toml"
        s.save_history(other, [REPLY, event])
        with pytest.raises(s.FormatError) as refused:
            HistoryFile(named(tmp_path), other).read()
        error = refused.value
        assert (error.file, error.path) == (str(other), f"$.event[1].{key}")
        assert error.problem.startswith(
            "'Cy Diaz' is not on the interview in acme.toml (it has 'Ana Ruiz', 'Bo Chen'): "
        )
        assert "followup rename" in error.problem

    def test_everyone_on_it_and_events_without_a_name(self, tmp_path: Path) -> None:
        other = tmp_path / "other.toml"
        s.save_history(other, [NOTE, Reply(at(2024, 7, 3, 9), "bo chen"), LATER])
        found = HistoryFile(named(tmp_path), other).read()
        assert (len(found.history), found.history_path) == (3, other)


@pytest.mark.parametrize("name", ["acme.events.toml", "acme.events.json"])
def test_removing_the_only_event_leaves_an_empty_history(tmp_path: Path, name: str) -> None:
    """Mutation testing, eighth pass: the last event taken back, the file reads as no events."""
    path = named(tmp_path, name=name)
    HistoryFile(path).add(REPLY)
    assert HistoryFile(path).remove() == REPLY
    assert HistoryFile(path).read().history == ()
    HistoryFile(path).add(NOTE)
    assert HistoryFile(path).read().history == (NOTE,)
