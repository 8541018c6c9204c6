"""What the loop10 trial found at the command line (a Kolkata candidate writing Spanish,
five applications, one in three rounds): a bare `log contact` recorded a step `next` did
not name (F1); `today applications/*.toml` failed on the history files `followup new`
names (F2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_rules import serialize as s
from followup_rules.errors import FormatError

from .test_cli_loop import run

PANEL = """\
id = "nordlicht-2026"
history = "nordlicht.events.toml"
starts_at = 2026-10-15T10:00:00
timezone = "Europe/Berlin"
company = "Nordlicht Energie GmbH"
role = "Data Engineer"
format = "video"
decision_by = 2026-10-23

[[interviewers]]
name = "Jana Vogel"
email = "jana@nordlicht.example"

[[interviewers]]
name = "Lukas Brandt"
email = "lukas@nordlicht.example"

[[interviewers]]
name = "Ole Jensen"
email = "ole@nordlicht.example"
timezone = "America/Chicago"

[candidate]
name = "Priya Raman"
email = "priya@example.in"
timezone = "Asia/Kolkata"
language = "es"
"""

AGENCY = """\
id = "lakeview-2026"
history = "lakeview.events.toml"
starts_at = 2026-10-27T11:00:00
timezone = "America/Chicago"
company = "Lakeview Health"
role = "Analytics Engineer"
format = "video"
decision_by = "by the end of next week"

[[interviewers]]
name = "Mark Olsen"
email = "mark@lakeview.example"
phone = "+1 312 555 0100"

[recruiter]
name = "Rita Cole"
agency = "TalentBridge"
phone = "+1 312 555 0199"
timezone = "America/Chicago"

[candidate]
name = "Priya Raman"
email = "priya@example.in"
timezone = "Asia/Kolkata"
"""


@pytest.fixture
def panel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "nordlicht.toml"
    path.write_text(PANEL)
    return path


@pytest.fixture
def agency(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "lakeview.toml"
    path.write_text(AGENCY)
    return path


def recorded(path: Path) -> list[tuple[str, str | None, str]]:
    """(kind, recipient, channel) of each contact in the file's history."""
    found = s.load_interview_file(path)
    return [
        (e.kind.value, e.recipient, e.channel.value)
        for e in found.history
        if hasattr(e, "kind") and hasattr(e, "channel")
    ]


def next_line(path: Path, at: str) -> str:
    code, out, err = run("next", str(path), "--now", at)
    assert code == 0, err
    return " ".join(out.split())


class TestABareLogRecordsTheStepNextNames:
    """F1: with neither --to nor --step, `log contact` records the step that `next`
    names at --at, whoever it is addressed to, not a step of the follow-up contact."""

    def test_each_note_of_a_panel_in_turn(self, panel: Path) -> None:
        """The second bare log was a check-in to the contact, 11 days early."""
        for at, name in [
            ("2026-10-15T16:05", "Jana Vogel"),
            ("2026-10-15T16:06", "Lukas Brandt"),
            ("2026-10-15T18:40", "Ole Jensen"),
        ]:
            assert f"Send {name} a thank-you e-mail" in next_line(panel, at)
            code, out, err = run("log", str(panel), "contact", "--at", at)
            assert code == 0, err
            assert f"thank-you to {name}, by e-mail" in out
            assert "warning" not in err
        assert [kind for kind, _, _ in recorded(panel)] == ["thank_you"] * 3
        code, out, _ = run("audit", str(panel))
        assert code == 0, out

    def test_the_recruiter_debrief_call(self, agency: Path) -> None:
        """`next` named the overdue debrief; the call was logged as a check-in to Mark."""
        run("log", str(agency), "contact", "--step", "thank_you", "--at", "2026-10-27T22:50")
        assert "Call Rita Cole to debrief" in next_line(agency, "2026-10-28T20:05")
        code, out, err = run(
            "log", str(agency), "contact", "--channel", "phone", "--answered",
            "--at", "2026-10-28T20:05",
        )  # fmt: skip
        assert code == 0, err
        assert "recruiter-debrief to Rita Cole, by phone, answered" in out
        assert "warning" not in err
        assert recorded(agency)[-1] == ("recruiter_debrief", "Rita Cole", "phone")
        # the same command again is the same event, recorded once
        code, out, err = run(
            "log", str(agency), "contact", "--channel", "phone", "--answered",
            "--at", "2026-10-28T20:05",
        )  # fmt: skip
        assert code == 0, err
        assert out.startswith("Already recorded")

    def test_the_contact_still_when_nothing_can_be_done(self, agency: Path) -> None:
        """No step doable then: the follow-up contact's, as before (a check-in)."""
        for step, at in [
            ("thank_you", "2026-10-27T22:50"),
            ("recruiter_debrief", "2026-10-27T22:55"),
        ]:
            run("log", str(agency), "contact", "--step", step, "--at", at)
        code, out, err = run("log", str(agency), "contact", "--at", "2026-11-01T10:00")
        assert code == 0, err
        assert "check-in to Mark Olsen" in out

    def test_to_still_names_the_person(self, panel: Path) -> None:
        """--to keeps its meaning: the step due to that person."""
        code, out, err = run(
            "log", str(panel), "contact", "--to", "Ole Jensen", "--at", "2026-10-15T16:05"
        )
        assert code == 0, err
        assert "thank-you to Ole Jensen" in out


class TestHistoryFilesAmongTheFiles:
    """F2: `followup new` names NAME.events.toml beside NAME.toml, so a glob of the
    folder gives both; the history files are read through their interview files."""

    @pytest.mark.parametrize(
        "command",
        [
            ["today", "--now", "2026-10-15T16:00"],
            ["next", "--now", "2026-10-15T16:00"],
            ["plan", "--now", "2026-10-15T16:00"],
            ["plan", "--format", "json", "--now", "2026-10-15T16:00"],
            ["render", "--now", "2026-10-15T16:00"],
        ],
    )
    def test_a_glob_of_the_folder(self, panel: Path, agency: Path, command: list[str]) -> None:
        run("log", str(panel), "contact", "--step", "thank_you", "--at", "2026-10-15T16:05")
        run("log", str(agency), "contact", "--step", "thank_you", "--at", "2026-10-27T22:50")
        folder = sorted(str(p) for p in panel.parent.glob("*.toml"))
        assert len(folder) == 4
        code, out, err = run(command[0], *folder, *command[1:])
        assert code == 0, err
        assert "error" not in err
        assert out

    @pytest.mark.parametrize("command", [["today"], ["next"], ["plan"], ["render"]])
    def test_a_broken_file_is_left_out_once_not_twice_with_its_history(
        self, panel: Path, agency: Path, command: list[str]
    ) -> None:
        """loop14 F7: an interview file that cannot be read names no history, yet the
        history `followup new` gave it is its own: one file left out, not two."""
        run("log", str(panel), "contact", "--step", "thank_you", "--at", "2026-10-15T16:05")
        run("log", str(agency), "contact", "--step", "thank_you", "--at", "2026-10-27T22:50")
        panel.write_text("x = 1\nx = 2\n" + panel.read_text())  # malformed TOML: a key twice
        folder = sorted(str(p) for p in panel.parent.glob("*.toml"))
        assert len(folder) == 4
        code, out, err = run(command[0], *folder, "--now", "2026-10-28T09:00")
        assert code == 2
        errors = [line for line in err.splitlines() if line.startswith("followup: error:")]
        assert len(errors) == 1, err
        assert panel.name in errors[0]
        assert "history file" not in err
        if command[0] in ("today", "next"):
            assert "1 file left out" in out

    def test_a_history_file_alone_says_what_it_is(self, panel: Path) -> None:
        run("log", str(panel), "contact", "--step", "thank_you", "--at", "2026-10-15T16:05")
        history = panel.parent / "nordlicht.events.toml"
        for command in (["plan"], ["today"], ["render"]):
            code, _, err = run(*command, str(history))
            assert code == 2
            assert "is a history file" in err
            assert "starts_at" not in err

    def test_the_library_says_it_too(self, tmp_path: Path) -> None:
        history = tmp_path / "a.events.toml"
        history.write_text(
            '[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\n', encoding="utf-8"
        )
        with pytest.raises(FormatError, match="is a history file"):
            s.load_interview(history)
        as_json = tmp_path / "a.events.json"
        as_json.write_text('[{"type": "reply", "at": "2026-07-08T09:00:00-04:00"}]')
        with pytest.raises(FormatError, match="is a history file"):
            s.load_interview_file(as_json)


class TestTheCommandWithoutItsExtra:
    """F3: after the README's core install the `followup` script was a traceback."""

    def test_the_script_is_the_entry_that_checks(self) -> None:
        import tomllib

        project = Path(__file__).parent.parent / "pyproject.toml"
        scripts = tomllib.loads(project.read_text())["project"]["scripts"]
        assert scripts == {"followup": "followup_rules._command:main"}

    def test_one_line_naming_the_extra(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import sys

        from followup_rules._command import main

        monkeypatch.setitem(sys.modules, "click", None)  # import click fails
        with pytest.raises(SystemExit) as stop:
            main()
        assert stop.value.code == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "pip install 'followup-rules[cli]'" in err
        assert "Traceback" not in err

    def test_with_the_extra_it_is_the_command(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        import sys

        from followup_rules._command import main

        monkeypatch.setattr(sys, "argv", ["followup", "--version"])
        with pytest.raises(SystemExit) as stop:
            main()
        assert stop.value.code == 0
        assert "followup" in capsys.readouterr().out

    def test_the_readme_installs_the_extra_for_the_command(self) -> None:
        readme = (Path(__file__).parent.parent / "README.md").read_text()
        before = readme.split("`.venv/bin/followup new", 1)[0]
        assert "'.[cli]'" in before.split("## Try it", 1)[1]


class TestNamesAreRecordedAsTheInterviewSpellsThem:
    """F8: `--to "raj patel"` was recorded, listed and warned about as typed."""

    @pytest.mark.parametrize(
        ("kind", "option", "typed", "spelled"),
        [
            ("contact", "--to", "lukas BRANDT", "Lukas Brandt"),
            ("reply", "--from", "jana vogel", "Jana Vogel"),
            ("update", "--from", "OLE JENSEN", "Ole Jensen"),
            ("out-of-office", "--from", "ole jensen", "Ole Jensen"),
        ],
    )
    def test_each_kind(
        self, panel: Path, kind: str, option: str, typed: str, spelled: str
    ) -> None:
        extra = ["--outcome", "undecided"] if kind == "update" else []
        extra += ["--step", "thank_you"] if kind == "contact" else []
        at = "2026-10-15T16:05" if kind == "contact" else "2026-10-20T10:00"
        code, out, err = run("log", str(panel), kind, option, typed, *extra, "--at", at)
        assert code == 0, err
        assert spelled in out and typed not in out
        text = (panel.parent / "nordlicht.events.toml").read_text()
        assert f'"{spelled}"' in text and typed not in text
        code, out, err = run("log", str(panel), kind, option, spelled, *extra, "--at", at)
        assert out.startswith("Already recorded"), (out, err)

    def test_the_recruiter(self, agency: Path) -> None:
        code, out, err = run(
            "log", str(agency), "contact", "--to", "rita cole", "--channel", "phone",
            "--at", "2026-10-27T22:50",
        )  # fmt: skip
        assert code == 0, err
        assert "to Rita Cole" in out
        assert '"Rita Cole"' in (agency.parent / "lakeview.events.toml").read_text()


class TestAWindowOverMidnightSaysItsEndDay:
    """F7: "not now: Wed 28 Oct 08:00-17:00 their time, 18:30-03:30 yours"."""

    def test_the_debrief_late(self, agency: Path) -> None:
        run("log", str(agency), "contact", "--step", "thank_you", "--at", "2026-10-27T22:50")
        code, out, err = run("today", str(agency), "--now", "2026-10-28T08:00")
        assert code == 0, err
        line = " ".join(out.split())
        assert "Wed 28 Oct 08:00-17:00 their time, 18:30-Thu 03:30 yours" in line
        assert "-03:30 yours" not in line.replace("Thu 03:30", "")
