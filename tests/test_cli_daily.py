"""The daily loop through the command (issue 12): today, next, log, batches, sync."""

from __future__ import annotations

import email
import email.policy
import io
import json
import os
import re
from pathlib import Path

import icalendar
import pendulum
import pytest
from click.testing import CliRunner

from followup_rules import serialize as s
from followup_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = (ROOT / "examples" / "interview.toml").read_text()
ANSI = re.compile(r"\x1b\[")
COLOUR = re.compile(r"\x1b\[(?:[0-9;]*;)?(?:3[0-8]|9[0-7])[;m]")  # a foreground colour


def run(*args: str, columns: int = 100, **env: str) -> tuple[int, str, str]:
    """Run the command as a user would, on a screen *columns* wide."""
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns), **env})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/interview.toml as acme.toml, naming acme.events.toml (not made yet)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "acme.toml"
    path.write_text('# My application at Acme.\nhistory = "acme.events.toml"\n\n' + INTERVIEW)
    return path


@pytest.fixture
def globex(tmp_path: Path) -> Path:
    """A second application, holding its own history (a thank-you to Ana only)."""
    path = tmp_path / "globex.toml"
    text = INTERVIEW.replace("Acme Analytics", "Globex")
    path.write_text(
        text
        + '\n[[event]]\ntype = "contact"\nkind = "thank_you"\nchannel = "email"\n'
        + 'recipient = "Ana Ruiz"\nat = 2026-07-07T16:30:00-04:00\n'
    )
    return path


def one_line_error(code: int, out: str, err: str) -> str:
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    return err.strip()


class TestNow:
    """--now: now, today, a local time in the candidate's zone, or ISO 8601."""

    def test_a_local_time_is_read_in_the_candidates_zone(self, acme: Path) -> None:
        """09:00 without an offset is 09:00 in New York, the candidate's (interview's) zone."""
        local = run("today", str(acme), "--now", "2026-07-08T09:00", "--format", "json")[1]
        offset = run("today", str(acme), "--now", "2026-07-08T09:00-04:00", "--format", "json")
        assert json.loads(local) == json.loads(offset[1])

    def test_the_candidates_own_zone_wins(self, acme: Path) -> None:
        """A candidate in Berlin: 15:00 local is 09:00 in New York."""
        acme.write_text(
            acme.read_text().replace(
                'name = "Sam Lee"', 'name = "Sam Lee"\ntimezone = "Europe/Berlin"'
            )
        )
        berlin = run("today", str(acme), "--now", "2026-07-08T15:00", "--format", "json")[1]
        new_york = run("today", str(acme), "--now", "2026-07-08T09:00-04:00", "--format", "json")
        assert json.loads(berlin) == json.loads(new_york[1])

    def test_now_and_today_read_the_clock_here_only(
        self, acme: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """'now' is the clock; 'today' is the start of the candidate's day."""
        from followup_rules import _cli_base

        monkeypatch.setattr(
            _cli_base, "_clock", lambda: pendulum.datetime(2026, 7, 8, 13, tz="UTC")
        )
        expected = run("today", str(acme), "--now", "2026-07-08T09:00", "--format", "json")
        assert expected[1] == run("today", str(acme), "--format", "json")[1]
        start = run("next", str(acme), "--now", "2026-07-08T00:00")[1]
        assert start == run("next", str(acme), "--now", "today")[1]

    def test_a_date_alone_is_the_start_of_that_day(self, acme: Path) -> None:
        """2026-07-08 means midnight at the candidate's."""
        assert (
            run("next", str(acme), "--now", "2026-07-08")[1]
            == run("next", str(acme), "--now", "2026-07-08T00:00")[1]
        )

    @pytest.mark.parametrize("text", ["soon", "2026-07-08T25:00", "2026-07-08T09:00[Mars/Base]"])
    def test_anything_else_is_one_line(self, acme: Path, text: str) -> None:
        """Unreadable times: one line naming --now."""
        assert "--now" in one_line_error(*run("today", str(acme), "--now", text))


class TestToday:
    """followup today: overdue (marked) and due today, across files."""

    def test_due_today_with_the_recipients_time(self, acme: Path) -> None:
        """The morning after: both notes are due, Bo's with his Berlin time beside it."""
        code, out, _ = run("today", str(acme), "--now", "2026-07-08T09:00")
        assert code == 0
        assert "Today, Wednesday 8 July 2026" in out
        assert re.search(r"due\s+today 09:00\s+same\s+Send Ana Ruiz a thank-you", out)
        assert re.search(r"due\s+today 09:00\s+15:00 CEST\s+Send Bo Chen a thank-you", out)
        assert "5 steps can no longer be done" in out

    def test_overdue_steps_are_marked(self, acme: Path, globex: Path) -> None:
        """The day after the notes were due: they are overdue, offered now, on both clocks
        (09:00 in New York is 15:00 in Berlin); each line names its file."""
        code, out, _ = run("today", str(acme), str(globex), "--now", "2026-07-09T09:00")
        assert code == 0
        assert re.search(r"overdue\s+today 09:00\s+15:00 CEST\s+Send Bo Chen", out)
        assert "Globex · globex.toml" in out and "Acme Analytics · acme.toml" in out

    def test_render_now_writes_the_late_step_today_offers(self, acme: Path) -> None:
        """Issue 17: everything the agenda offers has its message: the late call's script,
        for its next window (Fri 17 Jul, 10:00-11:30), is rendered, not left out."""
        out = run("render", str(acme), "--now", "2026-07-17T09:00", columns=200)[1]
        assert out.startswith("=== Fri 17 Jul 2026 10:00 EDT: Check in with Ana Ruiz by phone")
        assert "on Friday, July 17, between 10:00 AM and 11:30 AM" in out

    def test_a_late_call_is_offered_in_its_next_window(self, acme: Path, globex: Path) -> None:
        """Issue 17: the call of 16 July, late on the 17th at 09:00, is shown at 10:00, the
        next call window; the notes, a week past their window, are no longer offered."""
        out = run("today", str(acme), str(globex), "--now", "2026-07-17T09:00")[1]
        assert len(re.findall(r"overdue\s+today 10:00\s+same\s+Check in with Ana", out)) == 2
        assert "thank-you" not in out

    def test_all_lists_the_superseded_steps(self, acme: Path) -> None:
        """--all shows the room steps as missed, with the reason."""
        out = run("today", str(acme), "--now", "2026-07-08T09:00", "--all", columns=200)[1]
        assert out.count("the interview is over") == 5
        assert "can no longer be done" not in out

    def test_json_carries_the_ids(self, acme: Path) -> None:
        """--format json: one object per step, with the stable id an app stores."""
        items = json.loads(
            run("today", str(acme), "--now", "2026-07-08T09:00", "--format", "json")[1]
        )
        assert [item["standing"] for item in items] == ["due", "due"]
        assert all(item["id"].startswith("thank_you-") for item in items)

    def test_nothing_today_says_what_is_next(self, acme: Path) -> None:
        """A quiet day names the next step."""
        s.save_history(
            acme.parent / "acme.events.toml",
            [a.done() for a in list(_plan(acme))[:7]],
        )
        out = run("today", str(acme), "--now", "2026-07-10T09:00")[1]
        assert "Nothing is overdue and nothing is due today." in out
        assert "Next: Thu 16 Jul 10:00" in out

    def test_sixty_columns_fit(self, acme: Path, globex: Path) -> None:
        """Width-aware: at 60 columns no line is longer than 60."""
        for args in (
            ["today", str(acme), str(globex), "--now", "2026-07-17T09:00", "--all"],
            ["plan", str(acme)],
        ):
            out = run(*args, columns=60)[1]
            assert max(len(line) for line in out.splitlines()) <= 60

    def test_no_colour_off_a_terminal_or_with_no_color(self, acme: Path) -> None:
        """Colour only on a terminal, and never with NO_COLOR set."""
        args = ("today", str(acme), "--now", "2026-07-17T09:00")
        assert not ANSI.search(run(*args)[1])
        assert COLOUR.search(run(*args, FORCE_COLOR="1")[1])
        assert not COLOUR.search(run(*args, FORCE_COLOR="1", NO_COLOR="1")[1])


def _plan(path: Path):  # type: ignore[no-untyped-def]
    from followup_rules import plan

    return plan(s.load_interview(path))


class TestNext:
    """followup next: the one next step, across files."""

    def test_the_overdue_step_comes_first(self, acme: Path, globex: Path) -> None:
        """Overdue first, the oldest of all files first: Acme's note to Ana."""
        out = run("next", str(acme), str(globex), "--now", "2026-07-09T09:00", columns=120)[1]
        assert out.startswith("overdue since Wed 8 Jul 15:00 EDT, do it now:")
        assert "Send Ana Ruiz a thank-you e-mail  (Acme Analytics, acme.toml)" in out
        later = run("next", str(globex), "--now", "2026-07-08T09:00", columns=200)[1]
        assert later.startswith("due now: Wed 8 Jul 09:00 EDT (their time 15:00 CEST)")

    def test_nothing_left(self, acme: Path) -> None:
        """After a withdrawal: nothing left to do."""
        args = ("update", "--outcome", "withdrawn", "--at", "2026-07-08T09:00")
        assert run("log", str(acme), *args)[0] == 0
        out = run("next", str(acme), "--now", "2026-07-09T09:00")[1]
        assert out.strip() == "Nothing left to do in any of these files."


class TestLog:
    """followup log: validated, atomic, keeps the file's comments and layout."""

    def test_a_contact_goes_to_the_named_history_file(self, acme: Path) -> None:
        """A new history file is made beside the interview; the event loads back."""
        code, out, _ = run(
            "log", str(acme), "contact", "--channel", "phone", "--voicemail",
            "--at", "2026-07-16T10:15",
        )  # fmt: skip
        assert code == 0
        expected = f"Recorded in {acme.parent / 'acme.events.toml'}: check-in to Ana Ruiz, "
        assert out.startswith(expected + "a voicemail, Thu 16 Jul 10:15")
        history = s.load_history(acme.parent / "acme.events.toml")
        assert [
            (e.channel.value, e.voicemail, e.at.isoformat())
            for e in history  # type: ignore[union-attr]
        ] == [("phone", True, "2026-07-16T10:15:00-04:00")]

    def test_comments_and_layout_are_kept(self, globex: Path) -> None:
        """Appending to a file that holds its events leaves every byte before them alone."""
        before = globex.read_text()
        code, _, _ = run(
            "log", str(globex), "contact", "--step", "thank_you", "--to", "Bo Chen",
            "--message-id", "<2@mail.example.com>", "--subject", "Thank you",
            "--at", "2026-07-07T16:40",
        )  # fmt: skip
        assert code == 0
        first, after = globex.read_text().split("\n", 1)  # the id written by the first log
        assert first.startswith('id = "')
        assert after.startswith(before)
        assert after[len(before) :].startswith("\n[[event]]\n")
        found = s.load_interview_file(globex).history[-1]
        assert (found.message_id, found.subject) == ("<2@mail.example.com>", "Thank you")  # type: ignore[union-attr]

    def test_an_update_with_a_phrase(self, acme: Path) -> None:
        """update --decision-by 'in two weeks' is kept as said, and read as a window."""
        code, out, _ = run(
            "log", str(acme), "update", "--outcome", "undecided",
            "--decision-by", "in two weeks", "--at", "2026-07-16T10:20",
        )  # fmt: skip
        assert code == 0 and "new date 2026-07-30" in out
        assert 'decision_by = "in two weeks"' in (acme.parent / "acme.events.toml").read_text()

    def test_reply_and_out_of_office(self, acme: Path) -> None:
        """Both kinds are recorded in order."""
        assert run("log", str(acme), "reply", "--at", "2026-07-09T09:00")[0] == 0
        args = ("out-of-office", "--returns-on", "2026-07-20", "--at", "2026-07-10T09:00")
        assert run("log", str(acme), *args)[0] == 0
        history = s.load_interview_file(acme).history
        assert [type(e).__name__ for e in history] == ["Reply", "OutOfOffice"]

    def test_a_json_history_with_interview(self, tmp_path: Path, acme: Path) -> None:
        """A JSON history file, with --interview: appended to the list."""
        events = tmp_path / "events.json"
        events.write_text("[]")
        code, _, _ = run(
            "log", str(events), "reply", "--interview", str(acme), "--at", "2026-07-09T09:00"
        )
        assert code == 0
        assert [item["type"] for item in json.loads(events.read_text())] == ["reply"]

    @pytest.mark.parametrize(
        ("args", "needle"),
        [
            (["contact", "--to", "Nobody", "--at", "2026-07-09T09:00"], "not an interviewer"),
            (
                ["contact", "--channel", "email", "--voicemail", "--at", "2026-07-09T09:00"],
                "only a phone call",
            ),
            (["reply", "--at", "2026-07-01T09:00"], "before the interview"),
            (["reply", "--outcome", "offer"], "No such option '--outcome'"),
            (["update", "--at", "2026-07-09T09:00"], "Missing option '--outcome'"),
            (["update", "--outcome", "offer", "--decision-by", "2026-08-01"], "only an undecided"),
            (["out-of-office", "--returns-on", "soon"], "--returns-on"),
            (["reply", "--at", "someday"], "--at"),
        ],
    )
    def test_a_bad_event_is_refused_and_the_file_untouched(
        self, globex: Path, args: list[str], needle: str
    ) -> None:
        """One line, exit 2, and the file byte for byte as it was."""
        before = globex.read_bytes()
        assert needle in one_line_error(*run("log", str(globex), *args))
        assert before == globex.read_bytes()

    def test_a_history_file_needs_its_interview(self, tmp_path: Path) -> None:
        """log on a history file without --interview says what is missing, and writes nothing."""
        events = tmp_path / "events.toml"
        events.write_text((ROOT / "examples" / "events.toml").read_text())
        before = events.read_bytes()
        error = one_line_error(*run("log", str(events), "reply"))
        assert "is a history file: name its interview with --interview FILE" in error
        assert before == events.read_bytes()

    def test_an_event_logged_late_goes_in_its_place(self, globex: Path) -> None:
        """Issue 17: a reply that came before the last event is recorded before it, not refused."""
        assert run("log", str(globex), "reply", "--at", "2026-07-07T16:00")[0] == 0
        history = s.load_interview_file(globex).history
        assert [type(e).__name__ for e in history] == ["Reply", "Contact"]

    def test_the_file_keeps_its_mode(self, globex: Path) -> None:
        """An existing file keeps its permissions; a new one gets the umask's."""
        globex.chmod(0o600)
        assert run("log", str(globex), "reply", "--at", "2026-07-09T09:00")[0] == 0
        assert globex.stat().st_mode & 0o777 == 0o600


class TestBatches:
    """Several files per call for plan and render; progress on long batches."""

    def test_plan_tables_for_each_file(self, acme: Path, globex: Path) -> None:
        """One heading and table per file."""
        out = run("plan", str(acme), str(globex))[1]
        assert "Data Engineer at Acme Analytics (acme.toml)" in out
        assert "Data Engineer at Globex (globex.toml)" in out

    def test_plan_json_by_file(self, acme: Path, globex: Path) -> None:
        """Several files: a list of {file, plan} in the order given, each plan loads back."""
        data = json.loads(run("plan", str(acme), str(globex), "--format", "json")[1])
        assert [str(acme), str(globex)] == [item["file"] for item in data]
        assert len(s.structure_plan(data[0]["plan"])) == 10

    def test_one_history_option_goes_with_one_file(self, acme: Path, globex: Path) -> None:
        """--history with several files is refused: each keeps its own."""
        error = one_line_error(*run("plan", str(acme), str(globex), "--history", str(acme)))
        assert "--history goes with one interview file" in error

    def test_render_names_the_file_and_flags_missing_numbers(
        self, acme: Path, globex: Path
    ) -> None:
        """render over two files names each; Bo has no number, Ana has."""
        out = run("render", str(acme), str(globex), "--now", "2026-07-08T09:00")[1]
        assert "(acme.toml)" in out and "(globex.toml)" in out

    def test_a_progress_bar_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        """Long batches on a terminal show a bar on stderr; short ones or pipes do not."""
        from rich.console import Console

        from followup_rules import _cli_base

        screen = io.StringIO()
        monkeypatch.setattr(
            _cli_base,
            "_stderr_console",
            lambda: Console(file=screen, force_terminal=True, width=60),
        )
        assert list(range(30)) == list(_cli_base._progress(list(range(30)), "Planning"))
        assert "Planning" in screen.getvalue()
        screen.truncate(0)
        assert list(_cli_base._progress([1, 2], "Planning")) == [1, 2]
        assert screen.getvalue() == ""


class TestCalendarThroughTheCommand:
    """plan --format ics -o FILE again after logging: the calendar stays in sync."""

    def test_reexport_completes_and_cancels(self, acme: Path, tmp_path: Path) -> None:
        """Done steps COMPLETED, steps after an offer CANCELLED, same UIDs, SEQUENCE 1."""
        calendar = tmp_path / "followup.ics"
        args = ["plan", str(acme), "--format", "ics", "-o", str(calendar)]
        assert run(*args, "--now", "2026-07-07T12:00")[0] == 0
        first = calendar.read_bytes()
        run(
            "log",
            str(acme),
            "contact",
            "--step",
            "thank_you",
            "--to",
            "Ana Ruiz",
            "--at",
            "2026-07-07T16:05",
        )
        run("log", str(acme), "update", "--outcome", "offer", "--at", "2026-07-08T10:00")
        assert run(*args, "--now", "2026-07-08T12:00")[0] == 0
        old = {str(i["UID"]) for i in icalendar.Calendar.from_ical(first).walk() if "UID" in i}
        items = {
            str(i["UID"]): (str(i["STATUS"]), int(i["SEQUENCE"]))
            for i in icalendar.Calendar.from_ical(calendar.read_bytes()).walk()
            if "UID" in i
        }
        assert old == set(items)
        # Ana's note done, Bo's still due (an offer does not cancel it, but its text no
        # longer says the candidate is keen to join: changed, SEQUENCE 1), the rest dropped.
        expected = {("COMPLETED", 1): 1, ("NEEDS-ACTION", 1): 1, ("CANCELLED", 1): 8}
        counts: dict[tuple[str, int], int] = {}
        for state in items.values():
            counts[state] = counts.get(state, 0) + 1
        assert expected == counts


class TestDrafts:
    """plan --format eml: render's options, and drafts without an address."""

    def test_detail_templates_and_locale_reach_the_drafts(
        self, acme: Path, tmp_path: Path
    ) -> None:
        """--detail fills the drafts; --locale en_GB dates them the British way."""
        out = tmp_path / "drafts"
        code, _, _ = run(
            "plan", str(acme), "--format", "eml", "-o", str(out),
            "--detail", "fit=ten years of Spark", "--locale", "en_GB",
        )  # fmt: skip
        assert code == 0
        texts = "".join(
            email.message_from_bytes(p.read_bytes(), policy=email.policy.default)
            .get_body(("plain",))
            .get_content()  # type: ignore[union-attr]
            for p in sorted(out.iterdir())
        )
        assert "ten years of Spark" in texts
        assert "Thursday 16 July" in texts and "July 16" not in texts

    def test_no_address_warns_and_leaves_to_out(self, acme: Path, tmp_path: Path) -> None:
        """Bo has no address: his draft has no To:, and stderr says so."""
        out = tmp_path / "drafts"
        code, _, err = run("plan", str(acme), "--format", "eml", "-o", str(out))
        assert code == 0
        assert "02-thank_you-bo-chen.eml: no To: line" in err
        assert "\nTo:" not in "\n" + (out / "02-thank_you-bo-chen.eml").read_text()

    def test_several_files_get_a_folder_each(
        self, acme: Path, globex: Path, tmp_path: Path
    ) -> None:
        """Drafts of several interviews go to one folder per file."""
        out = tmp_path / "drafts"
        assert run("plan", str(acme), str(globex), "--format", "eml", "-o", str(out))[0] == 0
        assert sorted(p.name for p in out.iterdir()) == ["acme", "globex"]


@pytest.mark.parametrize(
    "command", ["plan", "today", "next", "log", "render", "audit", "rules", "policy"]
)
def test_each_command_has_its_own_examples(command: str) -> None:
    """--help of every subcommand ends with examples of that very subcommand."""
    out = run(command, "--help")[1]
    examples = out.split("Examples:", 1)[1]
    assert f"followup {command}" in examples


def test_new_files_get_the_umask_mode(acme: Path) -> None:
    """A history file made by log gets 0666 less the umask."""
    old = os.umask(0o027)
    try:
        assert run("log", str(acme), "reply", "--at", "2026-07-09T09:00")[0] == 0
    finally:
        os.umask(old)
    assert (acme.parent / "acme.events.toml").stat().st_mode & 0o777 == 0o640


class TestCalendarKeepsLateSteps:
    """--format ics --now: late steps stay, superseded ones go, and no UID shifts."""

    def test_a_late_note_stays_and_the_room_steps_go(self, acme: Path, tmp_path: Path) -> None:
        """A day late, the notes are still to-dos; the room steps are left out."""
        from followup_rules import action_ids, plan

        calendar = tmp_path / "followup.ics"
        args = ["plan", str(acme), "--format", "ics", "-o", str(calendar)]
        assert run(*args, "--now", "2026-07-09T09:00")[0] == 0
        found = [
            str(i["UID"])
            for i in icalendar.Calendar.from_ical(calendar.read_bytes()).walk()
            if "UID" in i
        ]
        interview = s.load_interview(acme)
        expected = list(action_ids(plan(interview), interview))[5:]  # all but the 5 room steps
        assert expected == found


class TestMoreOutputs:
    """The table to a file, wide screens, flags, and the JSON interview file."""

    def test_a_table_to_a_file_is_plain_and_wide(self, acme: Path, globex: Path) -> None:
        """-o with the table: no colour codes, the rule and window columns, each file named."""
        target = acme.parent / "plans.txt"
        assert run("plan", str(acme), str(globex), "-o", str(target), FORCE_COLOR="1")[0] == 0
        text = target.read_text()
        assert not ANSI.search(text)
        assert "Data Engineer at Globex (globex.toml)" in text
        assert re.search(r"Send Ana Ruiz a thank-you e-mail\s+same\s+until Wed 8 Jul 15:00", text)
        assert "thank-you" in text.split("until Wed 8 Jul 15:00", 1)[1].splitlines()[0]

    def test_nothing_left_in_a_table(self, acme: Path) -> None:
        """After a withdrawal the table says there is nothing left, and counts what was missed."""
        run("log", str(acme), "update", "--outcome", "withdrawn", "--at", "2026-07-08T09:00")
        out = run("plan", str(acme))[1]
        assert out.startswith("Nothing left to do: every allowed step is done.")
        assert "5 steps can no longer be done: their window closed with nothing recorded" in out

    def test_a_call_to_someone_without_a_number_is_flagged(self, tmp_path: Path) -> None:
        """The recruiter has neither phone nor e-mail: the debrief call is flagged everywhere."""
        path = tmp_path / "agency.toml"
        path.write_text(INTERVIEW + '\n[recruiter]\nname = "Rita Moss"\n')
        flag = "Call Rita Moss to debrief (no phone number known: find it first)"
        assert flag in run("plan", str(path), columns=200)[1]
        assert flag in run("today", str(path), "--now", "2026-07-07T15:05", columns=200)[1]
        calendar = tmp_path / "agency.ics"
        run("plan", str(path), "--format", "ics", "-o", str(calendar), "--now", "2026-07-07T12:00")
        assert flag in calendar.read_bytes().decode().replace("\r\n ", "")  # unfolded
        out = run("render", str(path), "--now", "2026-07-07T15:05")[1]
        assert "To: Rita Moss (no phone number known)" in out

    def test_a_json_interview_file_holding_its_events(self, tmp_path: Path) -> None:
        """log appends to the "event" list of a JSON interview file."""
        path = tmp_path / "acme.json"
        path.write_text((ROOT / "examples" / "interview.json").read_text())
        assert run("log", str(path), "out-of-office", "--at", "2026-07-10T09:00")[0] == 0
        assert run("log", str(path), "reply", "--at", "2026-07-11T09:00")[0] == 0
        found = s.load_interview_file(path)
        assert [type(e).__name__ for e in found.history] == ["OutOfOffice", "Reply"]
        assert path == found.history_path

    def test_a_previous_calendar_that_is_not_one(self, acme: Path, tmp_path: Path) -> None:
        """-o over a file that is not a calendar: one line naming it, the file kept."""
        target = tmp_path / "notes.ics"
        target.write_text("my notes\n")
        args = ("plan", str(acme), "--format", "ics", "-o", str(target), "--now", "now")
        assert "notes.ics" in one_line_error(*run(*args))
        assert target.read_text() == "my notes\n"
