"""A new user's fortnight through the command line (the trial after issues 17 and 18).

A candidate in London interviewed in Chicago (Priya) with a second interviewer
in New York (Marcus) lived two weeks with ``--now``/``--at``; each test here is
one thing the command told them that was wrong or awkward, as they met it.
"""

from __future__ import annotations

import json
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from followup_rules.cli import main

NORTHWIND = """\
id = "a230156e61608690"
history = "northwind.events.toml"

starts_at = 2026-10-20T10:00:00
timezone = "America/Chicago"
company = "Northwind Data"
role = "Analytics Engineer"
decision_by = 2026-10-30

[[interviewers]]
name = "Priya Nair"
email = "priya.nair@northwind.example"
phone = "+1 312 555 0147"

[[interviewers]]
name = "Marcus Hale"
email = "marcus.hale@northwind.example"
timezone = "America/New_York"

[candidate]
name = "Jo Bennett"
email = "jo.bennett@example.com"
timezone = "Europe/London"
"""

NOTES = """\
[[event]]
type = "contact"
kind = "thank_you"
channel = "email"
recipient = "Priya Nair"
at = 2026-10-20T18:05:00+01:00
"""

MARCUS_NOTE = """
[[event]]
type = "contact"
kind = "thank_you"
channel = "email"
recipient = "Marcus Hale"
at = 2026-10-21T19:10:00+01:00

[[event]]
type = "reply"
sender = "Priya Nair"
at = 2026-10-22T15:30:00+01:00
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def northwind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The trial's interview file, with Priya's note sent the evening of the interview."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "northwind.events.toml").write_text(NOTES)
    path = tmp_path / "northwind.toml"
    path.write_text(NORTHWIND)
    return path


@pytest.fixture
def waiting(northwind: Path) -> Path:
    """Both notes sent and Priya's reply: the call on Mon 2 Nov is next."""
    (northwind.parent / "northwind.events.toml").write_text(NOTES + MARCUS_NOTE)
    return northwind


def items(path: Path) -> list[icalendar.cal.Component]:
    found = icalendar.Calendar.from_ical(path.read_bytes())
    return [item for item in found.walk() if item.name in ("VTODO", "VEVENT")]


def calendar(path: Path) -> dict[str, icalendar.cal.Component]:
    """The items by summary (the call's is its own)."""
    return {str(item["SUMMARY"]): item for item in items(path)}


class TestTheCalendarFollowsNow:
    """Item 1 (major): re-exported after a missed call window, the calendar moves the call."""

    def test_a_late_call_moves_in_the_calendar(self, waiting: Path) -> None:
        """Exported in the morning, then at 18:00 (the window missed): Tue 3 Nov, SEQUENCE
        raised, the script saying Tuesday; the e-mails after it, as `today` says."""
        out = waiting.parent / "cal.ics"
        assert (
            run(
                "plan",
                str(waiting),
                "--format",
                "ics",
                "-o",
                str(out),
                "--now",
                "2026-11-02T08:00",
            )[0]
            == 0
        )
        before = calendar(out)
        assert (
            run(
                "plan",
                str(waiting),
                "--format",
                "ics",
                "-o",
                str(out),
                "--now",
                "2026-11-02T18:00",
            )[0]
            == 0
        )
        after = calendar(out)
        call = after["Northwind Data: Check in with Priya Nair by phone"]
        assert call["DTSTART"].dt.isoformat() == "2026-11-03T10:00:00-06:00"
        assert int(call["SEQUENCE"]) == int(before[str(call["SUMMARY"])]["SEQUENCE"]) + 1
        assert "on Tuesday 3 November" in str(call["DESCRIPTION"])
        assert "Monday 2 November" not in str(call["DESCRIPTION"])
        emails = [item for item in items(out) if str(item["SUMMARY"]).endswith("by e-mail")]
        assert emails and all(item["DTSTART"].dt > call["DTSTART"].dt for item in emails)

    def test_the_calendar_agrees_with_today(self, waiting: Path) -> None:
        """A first export at 18:00 already has the call where `today` puts it."""
        out = waiting.parent / "cal.ics"
        run("plan", str(waiting), "--format", "ics", "-o", str(out), "--now", "2026-11-02T18:00")
        today = json.loads(
            run("today", str(waiting), "--now", "2026-11-02T18:00", "--format", "json")[1]
        )
        (late,) = [entry for entry in today if entry["standing"] == "late"]
        call = calendar(out)["Northwind Data: Check in with Priya Nair by phone"]
        assert call["DTSTART"].dt.isoformat() == late["earliest"]

    def test_the_reason_is_in_words(self, waiting: Path) -> None:
        """Item 9: no policy setting names in the calendar."""
        out = waiting.parent / "cal.ics"
        run("plan", str(waiting), "--format", "ics", "-o", str(out), "--now", "2026-11-02T08:00")
        text = out.read_text()
        assert "wait_after_deadline" not in text and "min_gap" not in text
        descriptions = " ".join(str(item["DESCRIPTION"]) for item in items(out))
        assert "one business day after the decision date (Fri 30 Oct 2026)" in descriptions
        assert "three business days after your last call (Mon 2 Nov 2026)" in descriptions


class TestNextSaysWhen:
    """Item 2: "due now" only for what can be done now."""

    def test_a_call_later_today(self, waiting: Path) -> None:
        """09:00 in London is 03:00 in Chicago: due today at 16:00, not now."""
        out = run("next", str(waiting), "--now", "2026-11-02T09:00")[1]
        assert " ".join(out.split()).startswith(
            "due today at 16:00 GMT (their time 10:00 CST): Check in with Priya Nair by phone"
        )

    def test_inside_the_window_it_is_now(self, waiting: Path) -> None:
        """At 16:30 London, 10:30 Chicago: now."""
        out = run("next", str(waiting), "--now", "2026-11-02T16:30")[1]
        assert out.startswith("due now: Mon 2 Nov 16:30 GMT (their time 10:30 CST)")


class TestNotInTheirNight:
    """Item 3: an e-mail is not "to do now" at 04:00 for its recipient."""

    def test_today_says_when_the_note_can_go(self, northwind: Path) -> None:
        """09:00 London is 04:00 New York: Marcus's note at 13:00 yours, 08:00 his."""
        out = run("today", str(northwind), "--now", "2026-10-21T09:00")[1]
        (line,) = [line for line in out.splitlines() if "Marcus Hale" in line]
        assert line.split()[:5] == ["due", "today", "13:00", "08:00", "EDT"]

    def test_json_says_not_now(self, northwind: Path) -> None:
        """`to_do` is false, and true again once his day has begun."""
        early = json.loads(
            run("today", str(northwind), "--now", "2026-10-21T09:00", "--format", "json")[1]
        )
        later = json.loads(
            run("today", str(northwind), "--now", "2026-10-21T13:30", "--format", "json")[1]
        )
        assert [entry["to_do"] for entry in early if entry["recipient"] == "Marcus Hale"] == [
            False
        ]
        assert [entry["to_do"] for entry in later if entry["recipient"] == "Marcus Hale"] == [True]


class TestChannelsInWords:
    """Item 4: a step in the room is logged in person by default; channels read as words."""

    @pytest.mark.parametrize(
        ("args", "said"),
        [
            (("--step", "closing_statement"), "closing-statement to Priya Nair, in person,"),
            (
                ("--step", "thank_you", "--to", "Marcus Hale"),
                "thank-you to Marcus Hale, by e-mail,",
            ),
            (("--channel", "phone"), "check-in to Priya Nair, by phone,"),
            (("--step", "thank_you", "--to", "Marcus Hale", "--channel", "postal"), "by post,"),
        ],
        ids=["room", "note", "call", "card"],
    )
    def test_logged_as_said(self, northwind: Path, args: tuple[str, ...], said: str) -> None:
        """The default channel follows the step; the line says it in words."""
        code, out, err = run("log", str(northwind), "contact", *args, "--at", "2026-10-20T16:55")
        assert code == 0, err
        assert said in out

    @pytest.mark.parametrize(
        ("recruiter", "said"),
        [
            ('[recruiter]\nname = "Dana Whitfield"\nphone = "+44 20 5550 0199"\n', "by phone"),
            ('[recruiter]\nname = "Dana Whitfield"\nemail = "dana@tb.example"\n', "by e-mail"),
        ],
        ids=["number-known", "no-number"],
    )
    def test_a_debrief_is_logged_as_the_plan_makes_it(
        self, northwind: Path, recruiter: str, said: str
    ) -> None:
        """A debrief is a call when the recruiter's number is known (rule recruiter), else an
        e-mail: logged without --channel, it is recorded as the plan made it."""
        northwind.write_text(northwind.read_text() + "\n" + recruiter)
        code, out, err = run(
            "log",
            str(northwind),
            "contact",
            "--step",
            "recruiter_debrief",
            "--at",
            "2026-10-20T16:55",
        )
        assert code == 0, err
        assert f"recruiter-debrief to Dana Whitfield, {said}," in out


class TestStepIds:
    """Item 5: a step that cannot be skipped says why, and where ids are listed."""

    def test_an_in_room_step_after_the_interview(self, northwind: Path) -> None:
        """Superseded: nothing to skip, and the error says so."""
        code, _, err = run(
            "log", str(northwind), "skip", "ask_permission", "--at", "2026-10-21T09:00"
        )
        assert code == 2
        assert "can no longer be done (the interview is over): there is nothing to skip" in err

    def test_an_unknown_id_points_to_the_list(self, northwind: Path) -> None:
        """The error names the command that lists every step's id."""
        code, _, err = run(
            "log", northwind.name, "skip", "check_in-bo", "--at", "2026-10-21T09:00"
        )
        assert code == 2
        assert (
            "'followup plan northwind.toml --format json --now 2026-10-21T09:00:00+01:00'" in err
        )


class TestTwiceIsNotOnce:
    """Item 6: the same thank-you logged again a minute later warns, and audit reports it."""

    def test_log_warns_and_audit_reports(self, northwind: Path) -> None:
        """18:06 after 18:05: recorded, with a warning; audit exits 1 naming the rule."""
        code, out, err = run(
            "log", str(northwind), "contact", "--step", "thank_you", "--to", "Priya Nair",
            "--at", "2026-10-20T18:06",
        )  # fmt: skip
        assert code == 0 and out.startswith("Recorded in")
        assert "warning: this oversteps the policy: [thank-you] a second thank-you to Priya" in err
        code, out, _ = run("audit", str(northwind))
        assert code == 1 and "[thank-you] a second thank-you to Priya Nair" in out


class TestSmallThings:
    """Item 10: hints that point somewhere real, files without stray blank lines."""

    def test_a_plan_with_a_history_file_hints_at_json(self, northwind: Path) -> None:
        """`today` has no --history: the hint names what lists the missed steps."""
        history = northwind.parent / "northwind.events.toml"
        out = run("plan", str(northwind), "--history", str(history))[1]
        assert "today --all" not in out
        assert '--format json lists them, under "missed"' in " ".join(out.split())

    def test_undo_then_log_leaves_one_blank_line(self, northwind: Path) -> None:
        """`log --undo`, then `log`: one blank line between tables, one line break at the end."""
        history = northwind.parent / "northwind.events.toml"
        run("log", str(northwind), "reply", "--at", "2026-10-22T15:30")
        run("log", str(northwind), "--undo")
        run("log", str(northwind), "reply", "--at", "2026-10-23T15:30")
        text = history.read_text()
        assert "\n\n\n" not in text and text.endswith("\n") and not text.endswith("\n\n")
