"""What the daily-loop trial loop6 found at the command line: rename mends a history after a
rename by hand (2), a contact is the step due (3), an undo after `unlog` (4), a past
snooze looked up as of then (5), and the calendar, `today` and `--at` edges (6-11)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_rules import serialize as s

from .test_cli_loop import acme, log, run

__all__ = ["acme"]  # the fixture, shared with test_cli_loop


def history(acme: Path) -> list[str]:
    return run("events", str(acme))[1].splitlines()


class TestRenameMendsAHistory:
    """loop6 2: a name corrected by hand in the interview file; `today` says to rename, and
    the rename it recommends now mends the history (either way round)."""

    @pytest.fixture
    def edited(self, acme: Path) -> Path:
        assert log(acme, "reply", "--from", "Bo Chen", "--at", "2026-07-08T09:00")[0] == 0
        code, out, _ = log(
            acme,
            "snooze",
            "thank_you-bo",
            "--until",
            "2026-07-09T10:00",
            "--at",
            "2026-07-08T10:00",
        )
        assert code == 0, out
        acme.write_text(acme.read_text().replace('"Bo Chen"', '"Bo Chén"'))
        code, _, err = run("today", str(acme), "--now", "2026-07-09T09:00")
        assert code != 0 and "did you mean 'Bo Chén'" in err and "followup rename" in err
        return acme

    @pytest.mark.parametrize("order", [("Bo Chen", "Bo Chén"), ("Bo Chén", "Bo Chen")])
    def test_the_rename_recommended_mends_it(self, edited: Path, order: tuple[str, str]) -> None:
        old, new = order
        code, out, err = run("rename", str(edited), old, new)
        assert code == 0, err
        assert out.startswith(f"Renamed {old} to {new} in ")
        assert run("today", str(edited), "--now", "2026-07-09T09:00")[0] == 0
        found = s.load_interview_file(edited)
        names = {person.name for person in found.interview.interviewers}
        assert new in names and old not in names
        reply, _ = found.history
        assert reply.sender == new  # type: ignore[union-attr]
        # the snooze's step id names the new name's step: it is read as theirs
        assert f"snoozed thank-you to {new}" in "\n".join(history(edited))

    def test_a_name_nobody_has_is_still_refused(self, edited: Path) -> None:
        """Neither the interview nor the history names them: refused, nothing written."""
        before = (edited.parent / "acme.events.toml").read_text()
        code, _, err = run("rename", str(edited), "Dev Patel", "Bo Chén")
        assert code != 0 and "names nobody" in err
        assert (edited.parent / "acme.events.toml").read_text() == before


class TestContactIsTheStepDue:
    """loop6 3: `log contact` without --step recorded a check-in, whatever was due."""

    def test_the_feedback_request_after_a_rejection(self, acme: Path) -> None:
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T18:00")
        log(acme, "update", "--outcome", "rejected", "--at", "2026-07-20T10:00")
        code, out, _ = log(acme, "contact", "--at", "2026-07-21T10:00")
        assert code == 0
        assert "feedback-request to Ana Ruiz, by e-mail" in out

    def test_the_thank_you_after_the_interview(self, acme: Path) -> None:
        """The contact's thank-you, not Bo's (a contact goes to the contact unless --to)."""
        code, out, _ = log(acme, "contact", "--at", "2026-07-07T18:00")
        assert "thank-you to Ana Ruiz, by e-mail" in out
        code, out, _ = log(acme, "contact", "--to", "Bo Chen", "--at", "2026-07-07T18:05")
        assert code == 0 and "thank-you to Bo Chen" in out

    def test_a_check_in_when_it_is_due_and_step_overrides(self, acme: Path) -> None:
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T18:00")
        code, out, _ = log(acme, "contact", "--at", "2026-07-17T10:00", "--channel", "email")
        assert "check-in to Ana Ruiz, by e-mail" in out
        code, out, _ = log(
            acme, "contact", "--step", "thank_you", "--to", "Bo Chen", "--at", "2026-07-08T10:00"
        )
        assert code == 0 and "thank-you to Bo Chen" in out

    def test_the_help_says_so(self) -> None:
        out = run("log", "x.toml", "contact", "--help")[1]
        assert "'followup next' names" in " ".join(out.split())


class TestUndoAfterUnlog:
    """loop6 4: `log --undo` after the event logged last was removed with `unlog` took the
    latest other event; it is refused, and nothing is removed."""

    def test_refused(self, acme: Path) -> None:
        log(acme, "reply", "--at", "2026-07-09T09:00")
        log(acme, "reply", "--from", "Bo Chen", "--at", "2026-07-10T09:00")
        assert run("unlog", str(acme), "2")[0] == 0
        code, out, err = log(acme, "--undo")
        assert code != 0 and out == ""
        assert "nothing to undo" in err and "a reply from Bo Chen" in err
        assert len(history(acme)) == 1

    def test_unlog_of_another_keeps_the_undo(self, acme: Path) -> None:
        log(acme, "reply", "--at", "2026-07-09T09:00")
        log(acme, "reply", "--from", "Bo Chen", "--at", "2026-07-10T09:00")
        assert run("unlog", str(acme), "1")[0] == 0
        code, out, _ = log(acme, "--undo")
        assert code == 0 and "a reply from Bo Chen" in out
        assert history(acme)[0].startswith("Nothing recorded yet")


class TestPastSnoozeLookedUpThen:
    """loop6 5: a snooze logged with a past --at names the step planned then, not the one
    planned after the later events."""

    def test_the_first_check_in(self, acme: Path) -> None:
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T18:00")
        log(acme, "contact", "--step", "check_in", "--at", "2026-07-17T10:00")
        code, out, err = log(
            acme, "snooze", "check_in", "--until", "2026-07-17T09:00", "--at", "2026-07-16T09:00"
        )
        assert code == 0, err
        assert "snoozed check-in 1 to Ana Ruiz" in out


class TestPlainWordsAndTheSkippedHour:
    """loop6 11: a wall clock the clocks skip is said, not shifted silently; the missed
    steps are counted in plain words."""

    def test_a_skipped_hour_is_warned_of(self, acme: Path) -> None:
        acme.write_text(acme.read_text().replace("2026-07-07T14:00:00", "2026-03-05T14:00:00"))
        code, out, err = log(acme, "reply", "--at", "2026-03-08T02:30")
        assert code == 0 and "Sun 8 Mar 03:30" in out
        assert "--at 2026-03-08T02:30 does not exist in America/New_York" in err
        assert "read as 2026-03-08 03:30 EDT" in err
        code, out, err = log(acme, "reply", "--at", "2026-03-08T01:30")
        assert code == 0 and "does not exist" not in err

    def test_missed_steps_in_plain_words(self, acme: Path) -> None:
        log(acme, "update", "--outcome", "withdrawn", "--at", "2026-07-08T09:00")
        out = " ".join(run("plan", str(acme))[1].split())
        assert "5 steps can no longer be done: their window closed with nothing recorded" in out
        assert "step(s)" not in out
