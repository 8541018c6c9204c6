"""The followup command, run the way a user runs it (click's test runner)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import ClassVar

import icalendar
import pytest
from click.testing import CliRunner

from followup_rules import Policy
from followup_rules import serialize as s
from followup_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = str(ROOT / "examples" / "interview.toml")
EVENTS = str(ROOT / "examples" / "events.toml")


def run(*args: str, columns: int = 80, **env: str) -> tuple[int, str, str]:
    """Run the command as a user would, on a screen *columns* wide."""
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": str(columns), **env})
    return result.exit_code, result.stdout, result.stderr


def test_plan_table_is_in_the_users_zone() -> None:
    """Human output: a readable table, in the candidate's (or --tz) zone."""
    code, out, _ = run("plan", INTERVIEW)
    assert code == 0
    assert "Check in with Ana Ruiz by phone" in out
    assert "(times in America/New_York)" in out
    code, out, _ = run("plan", INTERVIEW, "--tz", "Asia/Tokyo")
    assert "(times in Asia/Tokyo)" in out


def test_plan_json_is_stable_and_loads_back() -> None:
    """Machine output: stable JSON that round-trips to the same Plan."""
    code, out, _ = run("plan", INTERVIEW, "--format", "json")
    assert code == 0
    assert out == run("plan", INTERVIEW, "--format", "json")[1]
    ((only,),) = [json.loads(out)]
    assert only["file"] == INTERVIEW
    again = s.structure_plan(only["plan"])
    from followup_rules import plan

    assert again == plan(s.load_interview(INTERVIEW))


def test_plan_with_history_and_now() -> None:
    """--history and --now narrow the plan to what is still allowed."""
    code, out, _ = run(
        "plan", INTERVIEW, "--history", EVENTS, "--now", "2026-07-17T09:00:00-04:00", columns=120
    )
    assert code == 0
    assert "undecided" in out and "thank-you" not in out


def test_plan_ics_to_a_file(tmp_path: Path) -> None:
    """--format ics writes a calendar that parses back."""
    target = tmp_path / "plan.ics"
    code, _, _ = run(
        "plan", INTERVIEW, "--format", "ics", "--now", "2026-07-01T00:00Z", "-o", str(target)
    )
    assert code == 0
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    assert len([c for c in calendar.walk() if c.name in ("VTODO", "VEVENT")]) == 10


def test_plan_eml_drafts(tmp_path: Path) -> None:
    """--format eml writes one draft per e-mail action."""
    code, out, _ = run("plan", INTERVIEW, "--format", "eml", "-o", str(tmp_path / "drafts"))
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "drafts").iterdir()) == [
        "01-thank_you-ana-ruiz.eml",
        "02-thank_you-bo-chen.eml",
        "03-check_in-ana-ruiz.eml",
        "04-check_in-ana-ruiz.eml",
    ]
    assert "4 drafts" in out


def test_render_prints_messages() -> None:
    """followup render writes the messages, with --detail values."""
    code, out, _ = run("render", INTERVIEW, "--detail", "fit=six years of data pipelines")
    assert code == 0
    assert "Subject: Thank you: Data Engineer interview at Acme Analytics" in out
    assert "six years of data pipelines" in out


def test_audit_exit_status() -> None:
    """audit: exit 0 when polite, 1 with every violation printed when pushy."""
    code, out, _ = run("audit", INTERVIEW, EVENTS)
    assert (code, out.strip()) == (0, "Polite: no limit was overstepped.")
    code, out, _ = run("audit", INTERVIEW, EVENTS, "--policy", str(ROOT / "examples/policy.toml"))
    assert code == 1
    assert "[one-call]" in out


def test_rules_lists_the_catalogue() -> None:
    """followup rules: every rule with its sources."""
    code, out, _ = run("rules", "--format", "json")
    assert code == 0
    assert [r["id"] for r in json.loads(out)][:2] == ["cards", "timeline"]
    assert run("rules")[1].startswith("cards")


def test_policy_preset_toml_loads_back(tmp_path: Path) -> None:
    """followup policy --preset prints TOML that loads as that preset."""
    code, out, _ = run("policy", "--preset", "persistent")
    assert code == 0
    (tmp_path / "policy.toml").write_text(out)
    assert s.load_policy(tmp_path / "policy.toml") == Policy.persistent()


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", "missing.toml"], "missing.toml: cannot read"),
        (["plan", INTERVIEW, "--now", "2026-13-10T09:00"], "is not 'now', 'today'"),
        (["plan", INTERVIEW, "--format", "ics"], "needs --now"),
        (["plan", INTERVIEW, "--format", "eml"], "needs -o"),
        (["plan", INTERVIEW, "--tz", "Mars/Base"], "unknown time zone"),
        (["plan", INTERVIEW, "--policy", "BAD"], "BAD"),
    ],
)
def test_errors_are_one_line_and_exit_2(args: list[str], needle: str) -> None:
    """Errors: one clear line on stderr, exit status 2, never a traceback."""
    code, out, err = run(*args)
    assert code == 2
    assert needle in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out


def test_file_errors_name_file_and_key(tmp_path: Path) -> None:
    """Malformed TOML, unknown keys, wrong types: the file and the key path."""
    bad = tmp_path / "policy.toml"
    bad.write_text("min_gap = 0\n")
    code, _, err = run("plan", INTERVIEW, "--policy", str(bad))
    assert code == 2 and "policy.toml: $.min_gap: must be between 1 and 60" in err
    bad.write_text("min_gap = = 1\n")
    assert "malformed TOML" in run("plan", INTERVIEW, "--policy", str(bad))[2]
    naive = tmp_path / "interview.toml"
    naive.write_text(Path(INTERVIEW).read_text().replace('timezone = "America/New_York"\n', ""))
    code, _, err = run("plan", str(naive))
    assert code == 2 and "has no time zone" in err


def test_unwritable_output_writes_nothing(tmp_path: Path) -> None:
    """An unwritable output path: exit 2, one line, no partial file left."""
    target = tmp_path / "no" / "such" / "dir" / "plan.ics"
    code, _, err = run(
        "plan", INTERVIEW, "--format", "ics", "--now", "2026-07-01T00:00Z", "-o", str(target)
    )
    assert code == 2 and "cannot be written" in err
    assert not (tmp_path / "no").exists()


def test_help_has_examples() -> None:
    """--help everywhere, with examples."""
    for command in ([], ["plan"], ["render"], ["audit"], ["rules"], ["policy"]):
        code, out, _ = run(*command, "--help")
        assert code == 0 and "Examples:" in out


def test_more_outputs(tmp_path: Path) -> None:
    """JSON to a file, markdown rules, JSON audit, render with user templates."""
    target = tmp_path / "plan.json"
    assert run("plan", INTERVIEW, "--format", "json", "-o", str(target))[0] == 0
    assert json.loads(target.read_text())[0]["plan"]["actions"][0]["kind"] == "closing_statement"
    assert run("rules", "--format", "markdown")[1].startswith("| id | what it does")
    code, out, _ = run("audit", INTERVIEW, EVENTS, "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    (tmp_path / "_signature.txt").write_text("Cheers,\n{{ candidate.name }}\n")
    code, out, _ = run("render", INTERVIEW, "--templates", str(tmp_path), "--locale", "en_GB")
    assert code == 0 and "Cheers,\nSam Lee" in out and "Tuesday 7 July" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", INTERVIEW, "--now", "soon"], "--now"),
        (["render", INTERVIEW, "--detail", "no-equals-sign"], "KEY=VALUE"),
        (["render", INTERVIEW, "--locale", "xx"], "no translation for locale 'xx'"),
    ],
)
def test_more_bad_input(args: list[str], needle: str) -> None:
    """Bad options: one line, exit 2."""
    code, _, err = run(*args)
    assert code == 2 and needle in err and len(err.strip().splitlines()) == 1


def test_unexpected_errors_are_still_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """Even a bug or an OS error is one line on stderr, never a traceback."""
    from followup_rules.loop import Application

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Application, "plan", broken)
    code, _, err = run("plan", INTERVIEW)
    assert code == 2 and "unexpected RuntimeError: boom (please report this)" in err

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/locked")

    monkeypatch.setattr(Application, "plan", denied)
    code, _, err = run("plan", INTERVIEW)
    assert code == 2 and err.strip() == "followup: error: /locked: Permission denied"


def one_line_error(code: int, out: str, err: str) -> str:
    """The error line of a failed run; fails unless it is one line, exit 2, no output."""
    assert (code, out) == (2, "")
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("followup: error: ")
    assert "unexpected" not in err and "please report" not in err
    return err.strip()


def plan_to(target: Path, *extra: str) -> tuple[int, str, str]:
    return run("plan", INTERVIEW, "--format", "json", "-o", str(target), *extra)


class TestLoaderLimits:
    """Issue 11, item 9, through the command: one line naming the file, exit 2."""

    BOMBS: ClassVar[dict[str, bytes]] = {
        "deep.json": b"[" * 100_000,
        "deep.toml": b"a = " + b"[" * 100_000,
        "number.json": b'{"min_gap": ' + b"1" * 5000 + b"}",
        "number.toml": b"min_gap = " + b"1" * 5000,
        "latin1.toml": 'company = "Société"\n'.encode("latin-1"),
        "huge.json": b" " * (s.MAX_FILE_SIZE + 1),
    }
    NEEDLES: ClassVar[dict[str, str]] = {
        "deep": "nested deeper than 32 levels",
        "number": "a number longer than 40 characters",
        "latin1": "not UTF-8 text (byte 0xe9 at offset 15)",
        "huge": f"larger than {s.MAX_FILE_SIZE} bytes",
    }

    @pytest.mark.parametrize("name", sorted(BOMBS))
    @pytest.mark.parametrize("role", ["interview", "--policy", "--history"])
    def test_bombs(self, tmp_path: Path, name: str, role: str) -> None:
        """'['*100000, a 5,000-digit number, Latin-1 and 1 MiB+ as any input file."""
        bomb = tmp_path / name
        bomb.write_bytes(self.BOMBS[name])
        args = ["plan", str(bomb)] if role == "interview" else ["plan", INTERVIEW, role, str(bomb)]
        line = one_line_error(*run(*args))
        assert line.startswith(f"followup: error: {bomb}: ")
        assert self.NEEDLES[name.split(".")[0]] in line


class TestOutputFiles:
    """Issue 11, item 13: -o writes regular files atomically and refuses the rest."""

    def test_a_symlink_is_written_through(self, tmp_path: Path) -> None:
        """The link stays a link; the file it points to gets the plan."""
        real = tmp_path / "real.json"
        real.write_text("old")
        link = tmp_path / "link.json"
        link.symlink_to(real)
        assert plan_to(link)[0] == 0
        assert link.is_symlink() and os.readlink(link) == str(real)
        assert json.loads(real.read_text())[0]["plan"]["actions"][0]["kind"] == "closing_statement"

    def test_a_dangling_symlink_creates_its_target(self, tmp_path: Path) -> None:
        """A link to a file not made yet: the file is made, the link kept."""
        link = tmp_path / "link.json"
        link.symlink_to(tmp_path / "later.json")
        assert plan_to(link)[0] == 0
        assert link.is_symlink()
        assert json.loads((tmp_path / "later.json").read_text())

    def test_a_symlink_loop_is_refused(self, tmp_path: Path) -> None:
        """Links that point at each other: one line, exit 2."""
        (tmp_path / "a.json").symlink_to(tmp_path / "b.json")
        (tmp_path / "b.json").symlink_to(tmp_path / "a.json")
        line = one_line_error(*plan_to(tmp_path / "a.json"))
        assert "symbolic links loop" in line

    def test_a_fifo_is_refused_and_kept(self, tmp_path: Path) -> None:
        """A FIFO is not replaced by a file (nor opened, which would block)."""
        fifo = tmp_path / "plan.json"
        os.mkfifo(fifo)
        line = one_line_error(*plan_to(fifo))
        assert (
            line == f"followup: error: {fifo}: cannot be written: it is a FIFO, not a regular file"
        )
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)

    def test_a_fifo_behind_a_symlink_is_refused(self, tmp_path: Path) -> None:
        """Following a link does not get round the check; the message shows both."""
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        link = tmp_path / "plan.json"
        link.symlink_to(fifo)
        line = one_line_error(*plan_to(link))
        assert f"{link} (-> {fifo}): cannot be written: it is a FIFO" in line
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and link.is_symlink()

    def test_a_socket_is_refused(self, tmp_path: Path) -> None:
        """A Unix socket in the way is refused and left alone."""
        import socket

        path = tmp_path / "s.json"
        with socket.socket(socket.AF_UNIX) as server:
            server.bind(str(path))
            line = one_line_error(*plan_to(path))
        assert "it is a socket, not a regular file" in line
        assert stat.S_ISSOCK(os.lstat(path).st_mode)

    def test_a_device_is_refused(self, tmp_path: Path) -> None:
        """A device node (made here as root: never a real one) is refused and left alone."""
        device = tmp_path / "null.json"
        try:
            os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        except (PermissionError, AttributeError):
            pytest.skip("making a device node needs root")
        line = one_line_error(*plan_to(device))
        assert "it is a character device, not a regular file" in line
        assert stat.S_ISCHR(os.lstat(device).st_mode)

    def test_a_directory_is_refused(self, tmp_path: Path) -> None:
        """A directory where a file is due is refused, and nothing is left inside it."""
        line = one_line_error(*plan_to(tmp_path))
        expected = f"{tmp_path}: cannot be written: it is a directory, not a regular file"
        assert line == f"followup: error: {expected}"
        assert list(tmp_path.iterdir()) == []

    @pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
    def test_a_new_file_gets_the_umask_mode(self, tmp_path: Path, umask: int, mode: int) -> None:
        """Not mkstemp's 0600: 0666 less the umask, as any other new file."""
        old = os.umask(umask)
        try:
            assert plan_to(tmp_path / "plan.json")[0] == 0
        finally:
            os.umask(old)
        assert stat.S_IMODE((tmp_path / "plan.json").stat().st_mode) == mode

    def test_an_existing_file_keeps_its_mode(self, tmp_path: Path) -> None:
        """Replacing a file keeps the permissions its owner gave it."""
        target = tmp_path / "plan.json"
        target.write_text("old")
        target.chmod(0o640)
        assert plan_to(target)[0] == 0
        assert stat.S_IMODE(target.stat().st_mode) == 0o640
        assert json.loads(target.read_text())

    def test_no_temporary_file_is_left(self, tmp_path: Path) -> None:
        """After a write, the directory holds the output and nothing else."""
        assert plan_to(tmp_path / "plan.json")[0] == 0
        assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]


class TestDraftFiles:
    """Issue 11, item 13, for --format eml: the same checks for every draft."""

    def drafts(self, directory: Path) -> tuple[int, str, str]:
        return run("plan", INTERVIEW, "--format", "eml", "-o", str(directory))

    def test_a_file_is_not_a_drafts_directory(self, tmp_path: Path) -> None:
        """-o naming a file: refused, the file untouched."""
        target = tmp_path / "drafts"
        target.write_text("keep")
        line = one_line_error(*self.drafts(target))
        assert line == f"followup: error: cannot write drafts into {target}: it is not a directory"
        assert target.read_text() == "keep"

    def test_a_fifo_among_the_drafts_stops_all_of_them(self, tmp_path: Path) -> None:
        """A FIFO named like a draft: refused before any draft is written."""
        os.mkfifo(tmp_path / "03-check_in-ana-ruiz.eml")
        line = one_line_error(*self.drafts(tmp_path))
        assert "03-check_in-ana-ruiz.eml: cannot be written: it is a FIFO" in line
        assert [p.name for p in tmp_path.iterdir()] == ["03-check_in-ana-ruiz.eml"]

    def test_drafts_follow_symlinks_and_the_umask(self, tmp_path: Path) -> None:
        """A draft that is a link is written through; new drafts get 0666 less the umask."""
        real = tmp_path / "kept.eml"
        (tmp_path / "01-thank_you-ana-ruiz.eml").symlink_to(real)
        old = os.umask(0o027)
        try:
            assert self.drafts(tmp_path)[0] == 0
        finally:
            os.umask(old)
        assert real.read_bytes().startswith(b"To: Ana Ruiz")
        assert stat.S_IMODE((tmp_path / "02-thank_you-bo-chen.eml").stat().st_mode) == 0o640


class TestRenderAllOrNothing:
    """Issue 11, item 17 (b): render prints nothing when any message fails."""

    def test_a_planner_fact_cannot_be_given_as_a_detail(self) -> None:
        """--detail when=x or company=x: one line naming the variable, nothing printed."""
        for item in ("when=x", "company=Acme"):
            line = one_line_error(*run("render", INTERVIEW, "--detail", item))
            name = item.split("=")[0]
            assert line.startswith(
                f"followup: error: {name!r} comes from the action and the interview"
            )
            assert "topics, missed, fit, part, feedback, role_article" in line

    def test_details_and_new_variables_are_fine(self) -> None:
        """fit= fills the case for fit; a name of your own is a variable for your templates
        (with the built-ins alone it is refused, with the likely name: a typo is not lost)."""
        code, out, _ = run("render", INTERVIEW, "--detail", "fit=ten years of SQL")
        assert code == 0 and "ten years of SQL" in out
        code, out, err = run("render", INTERVIEW, "--detail", "fitt=ten years of SQL")
        assert code == 2 and not out and "did you mean 'fit'?" in err

    def test_a_later_broken_template_prints_nothing(self, tmp_path: Path) -> None:
        """A check-in template that fails: the thank-yous before it are not printed either."""
        (tmp_path / "check_in_call.txt").write_text(
            "{% block body %}{{ nowhere.x }}{% endblock %}"
        )
        code, out, err = run("render", INTERVIEW, "--templates", str(tmp_path))
        one_line_error(code, out, err)


def test_list_shapes_and_long_values_are_one_line(tmp_path: Path) -> None:
    """[interviewers] for [[interviewers]] and a 100,000-character --tz: one short line."""
    text = Path(INTERVIEW).read_text()
    single = tmp_path / "interview.toml"
    single.write_text(text.replace("[[interviewers]]", "[interviewers]", 1).split("[[")[0])
    line = one_line_error(*run("plan", str(single)))
    assert line.endswith(
        "$.interviewers: expected a list ([[interviewers]] tables in TOML), got a table"
    )
    line = one_line_error(*run("plan", INTERVIEW, "--tz", "Mars/" + "x" * 100_000))
    assert "--tz: unknown time zone 'Mars/xxx" in line and len(line) < 200
