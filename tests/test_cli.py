"""The followup command, run the way a user runs it (click's test runner)."""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from followup_rules import Policy
from followup_rules import serialize as s
from followup_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = str(ROOT / "examples" / "interview.toml")
EVENTS = str(ROOT / "examples" / "events.toml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
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
    again = s.structure_plan(json.loads(out))
    from followup_rules import plan

    assert again == plan(s.load_interview(INTERVIEW))


def test_plan_with_history_and_now() -> None:
    """--history and --now narrow the plan to what is still allowed."""
    code, out, _ = run(
        "plan", INTERVIEW, "--history", EVENTS, "--now", "2026-07-17T09:00:00-04:00"
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
        "06-thank_you-ana-ruiz.eml",
        "07-thank_you-bo-chen.eml",
        "09-check_in-ana-ruiz.eml",
        "10-check_in-ana-ruiz.eml",
    ]
    assert "4 draft(s)" in out


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
        (["plan", INTERVIEW, "--now", "2026-07-10T09:00"], "has no time zone"),
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
    assert code == 2 and "naive datetime" in err


def test_unwritable_output_writes_nothing(tmp_path: Path) -> None:
    """An unwritable output path: exit 2, one line, no partial file left."""
    target = tmp_path / "no" / "such" / "dir" / "plan.ics"
    code, _, err = run(
        "plan", INTERVIEW, "--format", "ics", "--now", "2026-07-01T00:00Z", "-o", str(target)
    )
    assert code == 2 and "cannot write" in err
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
    assert json.loads(target.read_text())[0]["kind"] == "closing_statement"
    assert run("rules", "--format", "markdown")[1].startswith("| id | what it does")
    code, out, _ = run("audit", INTERVIEW, EVENTS, "--format", "json")
    assert (code, json.loads(out)) == (0, [])
    (tmp_path / "_signature.txt").write_text("Cheers,\n{{ candidate.name }}\n")
    code, out, _ = run("render", INTERVIEW, "--templates", str(tmp_path), "--locale", "en_GB")
    assert code == 0 and "Cheers,\nSam Lee" in out and "Tuesday 7 July" in out


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["plan", INTERVIEW, "--now", "tomorrow"], "--now"),
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
    import followup_rules.cli as cli

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "make_plan", broken)
    code, _, err = run("plan", INTERVIEW)
    assert code == 2 and "unexpected RuntimeError: boom (please report this)" in err

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", "/locked")

    monkeypatch.setattr(cli, "make_plan", denied)
    code, _, err = run("plan", INTERVIEW)
    assert code == 2 and err.strip() == "followup: error: /locked: Permission denied"
