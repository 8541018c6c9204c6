"""Mending mistakes from the command line (issue 17, items 3-6) and `followup new` (issue 18)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import jsonschema
import pendulum
import pytest
from click.testing import CliRunner

from followup_rules import Application, Interview, InvalidHistory, Skip, _cli_setup, agenda_many
from followup_rules import serialize as s
from followup_rules.cli import main

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = (ROOT / "examples" / "interview.toml").read_text()


def run(*args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "100"}, input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/interview.toml as acme.toml, naming acme.events.toml (not made yet)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "acme.toml"
    path.write_text('history = "acme.events.toml"\n' + INTERVIEW)
    return path


def log(acme: Path, *args: str) -> tuple[int, str, str]:
    return run("log", str(acme), *args)


class TestEventsUnlogUndo:
    """`events` lists the history, numbered; `unlog N` and `log --undo` remove, saying what."""

    def test_events_are_numbered(self, acme: Path) -> None:
        """One line per event, numbered in order."""
        log(
            acme,
            "reply",
            "--from",
            "Bo Chen",
            "--note",
            "they meet Friday",
            "--at",
            "2026-07-09T09:00",
        )
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T16:05")
        out = run("events", str(acme))[1]
        assert out.splitlines() == [
            "  1  thank-you to Ana Ruiz, by e-mail, Tue 7 Jul 16:05",
            "  2  a reply from Bo Chen, Thu 9 Jul 09:00 (they meet Friday)",
        ]

    def test_no_events_yet(self, acme: Path) -> None:
        """An empty history says so."""
        assert run("events", str(acme))[1].startswith("Nothing recorded yet in")

    def test_unlog_removes_a_numbered_event(self, acme: Path) -> None:
        """unlog 1 removes the first and prints it."""
        log(acme, "reply", "--at", "2026-07-09T09:00")
        log(acme, "reply", "--at", "2026-07-10T09:00")
        code, out, _ = run("unlog", str(acme), "1")
        assert (code, out) == (
            0,
            f"Removed from {acme.parent / 'acme.events.toml'}: 1. a reply, Thu 9 Jul 09:00\n",
        )
        assert len(s.load_interview_file(acme).history) == 1

    def test_undo_removes_the_last(self, acme: Path) -> None:
        """log --undo removes the latest event and prints it."""
        log(acme, "reply", "--at", "2026-07-09T09:00")
        log(acme, "out-of-office", "--at", "2026-07-10T09:00", "--returns-on", "2026-07-20")
        code, out, _ = log(acme, "--undo")
        assert (code, out.split(": ", 1)[1]) == (
            0,
            "out of office, back 2026-07-20, Fri 10 Jul 09:00\n",
        )
        assert [type(e).__name__ for e in s.load_interview_file(acme).history] == ["Reply"]

    def test_undo_takes_back_what_was_just_logged_even_when_logged_late(self, acme: Path) -> None:
        """An event logged late sits before later ones; --undo removes it, not the latest.

        The fourth trial: a mistaken check-in logged for an earlier day, then
        ``--undo``, deleted the employer's news instead and kept the mistake.
        A second undo, with nothing noted, removes the latest.
        """
        log(acme, "update", "--outcome", "undecided", "--at", "2026-07-16T09:00")
        log(acme, "contact", "--at", "2026-07-14T10:00")  # the mistake, logged late
        code, out, _ = log(acme, "--undo")
        assert code == 0 and "check-in" in out and "Tue 14 Jul 10:00" in out
        left = s.load_interview_file(acme).history
        assert [type(e).__name__ for e in left] == ["Update"]
        code, out, _ = log(acme, "--undo")
        assert code == 0 and "undecided" in out
        assert s.load_interview_file(acme).history == ()

    def test_a_step_logged_without_channel_is_recorded_as_planned(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The debrief the plan gives as an e-mail (too late for a call) is logged as one.

        The fourth trial: a recruiter with a phone number made every logged
        debrief a call, though the plan had said "E-mail Rita Cole a debrief
        (too late in their day for a call)", and the calendar then showed
        "Done: ... by phone".
        """
        monkeypatch.chdir(tmp_path)
        path = tmp_path / "ny.toml"
        path.write_text(
            'history = "ny.events.toml"\n'
            "starts_at = 2026-10-30T14:00:00\n"
            'timezone = "America/New_York"\n'
            'company = "Globex"\nrole = "Platform Engineer"\n'
            'interviewers = [{ name = "Ana Ruiz", email = "ana@globex.example" }]\n'
            '[recruiter]\nname = "Rita Cole"\nphone = "+44 20 7946 0000"\n'
            'email = "rita@selecsource.example"\ntimezone = "Europe/London"\n'
            '[candidate]\nname = "Sam Lee"\ntimezone = "Europe/London"\n'
        )
        code, out, _ = run(
            "log", str(path), "contact", "--step", "recruiter_debrief", "--at", "2026-10-30T19:20"
        )
        assert code == 0 and "by e-mail" in out
        (event,) = s.load_interview_file(path).history
        assert event.channel.value == "email"  # type: ignore[union-attr]

    @pytest.mark.parametrize(
        ("args", "needle"),
        [
            (["--undo"], "has no events to remove"),
            ([], "log needs KIND"),
            (["--undo", "reply"], "--undo goes alone"),
        ],
    )
    def test_one_line_errors(self, acme: Path, args: list[str], needle: str) -> None:
        """Nothing to undo, no KIND, or both: one line, exit 2."""
        code, out, err = log(acme, *args)
        assert (code, out, len(err.strip().splitlines())) == (2, "", 1) and needle in err

    def test_unlog_past_the_end(self, acme: Path) -> None:
        """A number past the end names the range."""
        log(acme, "reply", "--at", "2026-07-09T09:00")
        code, _, err = run("unlog", str(acme), "3")
        assert code == 2 and "has events 1 to 1, not 3" in err


class TestLog:
    """A late event in its place, twice is once, warnings, new options, the id."""

    def test_the_same_event_twice_is_recorded_once(self, acme: Path) -> None:
        """Issue 17: recorded twice before, and audit then saw a second call."""
        args = ("contact", "--channel", "phone", "--at", "2026-07-16T10:15")
        log(acme, *args)
        code, out, _ = log(acme, *args)
        assert code == 0 and out.startswith("Already recorded in ")
        assert len(s.load_interview_file(acme).history) == 1

    def test_a_pushy_event_is_recorded_with_a_warning(self, acme: Path) -> None:
        """Issue 17: a second call is recorded (it happened), with the rule and why, exit 0."""
        log(acme, "contact", "--channel", "phone", "--at", "2026-07-16T10:15")
        code, _, err = log(acme, "contact", "--channel", "phone", "--at", "2026-07-22T10:15")
        assert code == 0
        assert "followup: warning: this oversteps the policy: [one-call]" in err
        assert len(s.load_interview_file(acme).history) == 2

    def test_a_polite_event_has_no_warning(self, acme: Path) -> None:
        """A thank-you on time: no warning."""
        err = log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T16:05")[2]
        assert "warning" not in err

    def test_answered_and_note(self, acme: Path) -> None:
        """--answered and --note reach the file."""
        log(
            acme,
            "contact",
            "--channel",
            "phone",
            "--answered",
            "--note",
            "keen",
            "--at",
            "2026-07-16T10:15",
        )
        (event,) = s.load_interview_file(acme).history
        assert (event.answered, event.note) == (True, "keen")  # type: ignore[union-attr]

    def test_out_of_office_from(self, acme: Path) -> None:
        """--from names whose auto-reply it is."""
        log(acme, "out-of-office", "--from", "Bo Chen", "--at", "2026-07-08T09:00")
        (event,) = s.load_interview_file(acme).history
        assert event.sender == "Bo Chen"  # type: ignore[union-attr]

    def test_an_unknown_sender_is_refused(self, acme: Path) -> None:
        """A reply from someone not on the interview: one line, nothing written."""
        code, _, err = log(acme, "reply", "--from", "Nobody", "--at", "2026-07-09T09:00")
        assert code == 2 and "not an interviewer" in err
        assert not (acme.parent / "acme.events.toml").exists()

    def test_the_first_log_writes_the_id(self, acme: Path) -> None:
        """The id keeps step ids: the ids before and after are the same; a note says so."""
        before = json.loads(
            run("today", str(acme), "--now", "2026-07-08T09:00", "--format", "json")[1]
        )
        err = log(acme, "reply", "--at", "2026-07-07T15:30")[2]
        assert "wrote id = " in err
        assert s.load_interview(acme).id is not None
        after = json.loads(
            run("today", str(acme), "--now", "2026-07-08T09:00", "--format", "json")[1]
        )
        assert [i["id"] for i in before] == [i["id"] for i in after]

    def test_a_renamed_interviewer_names_the_history_file(self, acme: Path) -> None:
        """Issue 17: every command broke with an error that did not name the history file."""
        log(acme, "contact", "--step", "thank_you", "--to", "Bo Chen", "--at", "2026-07-07T16:05")
        acme.write_text(acme.read_text().replace('"Bo Chen"', '"Bo Cheng"'))
        code, _, err = run("today", str(acme))
        assert code == 2
        assert "acme.events.toml: $.event[0].recipient" in err  # the file and the entry
        assert "'Bo Chen'" in err and "did you mean 'Bo Cheng'?" in err  # old name, new one
        assert "write the new name here too" in err  # the fix


class TestSkipAndSnooze:
    """Issue 17, item 3: logged by id (or its start); what is recorded is checked here."""

    def ids(self, acme: Path) -> list[str]:
        out = run("today", str(acme), "--now", "2026-07-08T09:00", "--all", "--format", "json")[1]
        return [item["id"] for item in json.loads(out)]

    def test_skip_by_the_start_of_an_id(self, acme: Path) -> None:
        """A unique start of the id is enough; the full id is recorded."""
        uid = next(i for i in self.ids(acme) if i.startswith("thank_you-bo-chen"))
        code, out, _ = log(acme, "skip", "thank_you-bo", "--at", "2026-07-08T09:00")
        assert code == 0 and "skipped thank-you to Bo Chen" in out
        (event,) = s.load_interview_file(acme).history
        assert (type(event).__name__, event.step) == ("Skip", uid)  # type: ignore[union-attr]

    def test_snooze_until_tomorrow(self, acme: Path) -> None:
        """--until takes what --now takes: 'tomorrow' is the start of the next day."""
        code, _, _ = log(
            acme, "snooze", "thank_you-ana", "--until", "tomorrow", "--at", "2026-07-08T09:00"
        )
        assert code == 0
        (event,) = s.load_interview_file(acme).history
        assert event.until.isoformat() == "2026-07-09T00:00:00-04:00"  # type: ignore[union-attr]

    def test_the_start_of_several_ids_means_the_first(self, acme: Path) -> None:
        """'thank_you' fits both notes: the first on the agenda (Ana's) is meant."""
        uid = next(i for i in self.ids(acme) if i.startswith("thank_you-ana-ruiz"))
        assert log(acme, "skip", "thank_you", "--at", "2026-07-08T09:00")[0] == 0
        (event,) = s.load_interview_file(acme).history
        assert event.step == uid  # type: ignore[union-attr]

    def test_an_unknown_id(self, acme: Path) -> None:
        """No step still planned: one line, nothing written."""
        code, _, err = log(acme, "skip", "nothing", "--at", "2026-07-08T09:00")
        assert code == 2 and "no step still planned has an id starting 'nothing'" in err
        assert not (acme.parent / "acme.events.toml").exists()


class TestAuditUsesTheFilesHistory:
    """Issue 18, item 7: `followup audit FILE` uses the history the interview file names."""

    def test_audit_one_file(self, acme: Path) -> None:
        """Two calls logged: audit FILE finds the one-call violation, exit 1."""
        log(acme, "contact", "--channel", "phone", "--at", "2026-07-16T10:15")
        log(acme, "contact", "--channel", "phone", "--at", "2026-07-22T10:15")
        code, out, _ = run("audit", str(acme))
        assert code == 1 and "[one-call]" in out


class TestNew:
    """Issue 18, item 7: `followup new` writes a complete interview file, with an id."""

    FLAGS = (
        "--company", "Acme Analytics", "--role", "Data Engineer", "--at", "2026-07-07T14:00",
        "--timezone", "America/New_York", "--interviewer", "Ana Ruiz", "--interviewer", "Bo Chen",
        "--candidate", "Sam Lee", "--candidate-timezone", "Europe/Berlin",
        "--decision-by", "2026-07-15",
    )  # fmt: skip

    def test_flags_write_a_valid_file(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The file loads, matches the schema, and carries the candidate's zone and an id."""
        monkeypatch.chdir(tmp_path)
        code, out, _ = run("new", "acme.toml", *self.FLAGS)
        assert code == 0 and out.startswith(
            "Wrote acme.toml: Data Engineer at Acme Analytics, id "
        )
        found = s.load_interview_file(tmp_path / "acme.toml")
        interview = found.interview
        assert interview.candidate is not None and interview.candidate.timezone == "Europe/Berlin"
        assert interview.id is not None and found.history_path == tmp_path / "acme.events.toml"
        schema = json.loads(
            (ROOT / "src" / "followup_rules" / "schemas" / "interview.schema.json").read_text()
        )
        data = s.read(tmp_path / "acme.toml")
        plain = json.loads(json.dumps(data, default=lambda value: value.isoformat()))
        jsonschema.validate(plain, schema)

    def test_the_file_works_with_log_and_today(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The new file is a whole interview: today plans it, log records into its history."""
        monkeypatch.chdir(tmp_path)
        run("new", "acme.toml", *self.FLAGS)
        assert run("today", "acme.toml", "--now", "2026-07-08T09:00")[0] == 0
        assert log(tmp_path / "acme.toml", "reply", "--at", "2026-07-08T09:00")[0] == 0

    def test_questions_on_a_terminal(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """On a terminal, what the flags do not say is asked."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.setattr(_cli_setup, "_on_a_terminal", lambda: True)
        answers = "Globex\nAnalyst\n2026-07-07T14:00\nEurope/Berlin\nAna Ruiz, Bo Chen\nSam Lee\n"
        answers += "\n\n\n\n\n"  # no address, no address, none of mine, my zone theirs, no date
        code, _, err = run("new", "globex.toml", stdin=answers)
        assert code == 0, err
        interview = s.load_interview(tmp_path / "globex.toml")
        assert [p.name for p in interview.interviewers] == ["Ana Ruiz", "Bo Chen"]

    def test_a_terminal_is_asked_the_rest(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """The new user's trial: each address, one's own, one's zone, the decision date."""
        monkeypatch.chdir(tmp_path)
        monkeypatch.setattr(_cli_setup, "_on_a_terminal", lambda: True)
        answers = (
            "Northwind Data\nAnalytics Engineer\n2026-10-20T10:00\nAmerica/Chicago\n"
            "Priya Nair, Marcus Hale\nJo Bennett\n"
            "priya@northwind.example\n\njo@example.com\nEurope/London\nin two weeks\n"
        )
        code, out, err = run("new", "northwind.toml", stdin=answers)
        assert code == 0, err
        assert "Your time zone [America/Chicago]:" in out
        interview = s.load_interview(tmp_path / "northwind.toml")
        assert [p.email for p in interview.interviewers] == ["priya@northwind.example", None]
        assert interview.candidate is not None
        assert (interview.candidate.email, interview.candidate.timezone) == (
            "jo@example.com",
            "Europe/London",
        )
        assert interview.decision_date == date(2026, 11, 3)

    def test_flags_give_the_addresses(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        """Off a terminal: 'Name <address>' and --candidate-email; nothing is asked."""
        monkeypatch.chdir(tmp_path)
        flags = [*self.FLAGS, "--candidate-email", "sam@example.com"]
        flags[flags.index("Ana Ruiz")] = "Ana Ruiz <ana@acme.example>"
        code, _, err = run("new", "acme.toml", *flags)
        assert code == 0, err
        interview = s.load_interview(tmp_path / "acme.toml")
        assert interview.interviewers[0].email == "ana@acme.example"
        assert interview.candidate is not None and interview.candidate.email == "sam@example.com"

    @pytest.mark.parametrize(
        ("args", "needle"),
        [
            (("new", "x.toml", "--company", "Acme"), "new needs --role, --at, --timezone"),
            (("new", "x.json"), "writes a .toml file"),
            (
                (
                    "new",
                    "x.toml",
                    "--company",
                    "A",
                    "--role",
                    "R",
                    "--at",
                    "2026-07-07T14:00",
                    "--timezone",
                    "Mars/Base",
                    "--interviewer",
                    "A",
                    "--candidate",
                    "S",
                ),
                "--timezone",
            ),
        ],
    )
    def test_refused(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: tuple[str, ...], needle: str
    ) -> None:
        """Missing flags off a terminal, another suffix, an unknown zone: one line."""
        monkeypatch.chdir(tmp_path)
        code, _, err = run(*args)
        assert code == 2 and needle in err and not list(tmp_path.iterdir())

    def test_an_existing_file_is_kept(self, acme: Path) -> None:
        """new never overwrites."""
        before = acme.read_text()
        code, _, err = run("new", str(acme), *self.FLAGS)
        assert code == 2 and "exists already" in err and acme.read_text() == before


class TestWhatLogRefusesOrKeepsOnce:
    """Trial findings: a date in the future is a typo; a skip logged twice is one skip."""

    def test_an_event_after_the_clock_is_refused(self, acme: Path) -> None:
        """Ten years ahead: refused, saying why, and nothing is written."""
        code, _, err = log(acme, "reply", "--at", "2036-03-01T10:00")
        assert code != 0 and "is after now" in err and "typo" in err
        assert not (acme.parent / "acme.events.toml").exists()

    def test_a_skip_logged_twice_is_kept_once(self, acme: Path) -> None:
        """The second says it is already recorded."""
        log(acme, "skip", "thank_you-bo", "--at", "2026-07-08T09:00")
        code, out, _ = log(acme, "skip", "thank_you-bo", "--at", "2026-07-08T09:05")
        assert code == 0 and out.startswith("Already recorded")
        assert len(s.load_interview_file(acme).history) == 1


class TestEachFileItsOwnPolicy:
    """Trial finding: one --policy for every file, though holidays are each employer's country."""

    def interviews(self, tmp_path: Path) -> tuple[Path, Path]:
        """Acme under the consensus, Carmel under a policy file it names: no calls uninvited."""
        (tmp_path / "strict.policy.toml").write_text("max_calls = 0\n")
        carmel = tmp_path / "carmel.toml"
        carmel.write_text('policy = "strict.policy.toml"\n' + INTERVIEW.replace("Acme", "Carmel"))
        acme = tmp_path / "acme.toml"
        acme.write_text(INTERVIEW)
        return acme, carmel

    def test_today_plans_each_under_its_own(self, tmp_path: Path) -> None:
        """The call is planned for Acme, an e-mail for Carmel, in one command."""
        acme, carmel = self.interviews(tmp_path)
        out = run("today", str(acme), str(carmel), "--now", "2026-07-16T10:30-04:00", "--all")[1]
        calls = [line for line in out.splitlines() if "by phone" in line]
        assert calls and all("Carmel" not in line for line in calls)
        plan_out = json.loads(run("plan", str(carmel), "--format", "json")[1])
        assert "phone" not in {a["channel"] for a in plan_out[0]["plan"]["actions"]}

    def test_a_table_in_the_file(self, tmp_path: Path) -> None:
        """`[policy]` in the interview file: the same, without a second file."""
        path = tmp_path / "carmel.toml"
        path.write_text(INTERVIEW + "\n[policy]\nmax_calls = 0\n")
        found = s.load_interview_file(path)
        assert found.policy is not None and found.policy.max_calls == 0

    def test_a_missing_policy_file_is_named(self, tmp_path: Path) -> None:
        """A policy key naming nothing: the file, the key and the name."""
        path = tmp_path / "carmel.toml"
        path.write_text('policy = "nowhere.toml"\n' + INTERVIEW)
        code, _, err = run("today", str(path))
        assert code == 2 and "$.policy" in err and "nowhere.toml" in err


class TestOneBadFileAmongMany:
    """Trial finding: one file that cannot be read or planned stopped `today` for every file."""

    def test_the_others_are_shown_and_the_bad_one_said(self, tmp_path: Path) -> None:
        """The good file's day, then the bad file's error on stderr, exit status 2."""
        good = tmp_path / "acme.toml"
        good.write_text(INTERVIEW)
        bad = tmp_path / "globex.toml"
        bad.write_text(
            INTERVIEW.replace("Acme", "Globex")
            + '\n[[event]]\ntype = "reply"\nat = 2026-07-08T09:00:00-04:00\nsender = "Zed"\n'
        )
        code, out, err = run("today", str(good), str(bad), "--now", "2026-07-08T09:00-04:00")
        assert code == 2 and "thank-you" in out
        assert "globex.toml" in err and "'Zed'" in err
        code, out, err = run("next", str(good), str(bad), "--now", "2026-07-08T09:00-04:00")
        assert code == 2 and out.strip() and "globex.toml" in err

    def test_a_history_that_no_longer_fits_is_left_out_in_the_library(self) -> None:
        """`agenda_many(..., skip_invalid=True)`: the failed application and its error."""
        interview = s.structure(s.loads(INTERVIEW, fmt="toml"), Interview)
        now = pendulum.datetime(2026, 7, 8, 9, tz="America/New_York")
        broken = Application(interview, [Skip(now, "no-such-step")], name="broken")
        day = agenda_many([Application(interview, name="fine"), broken], now, skip_invalid=True)
        assert [application.name for application, _ in day.failed] == ["broken"]
        assert {entry.application.name for entry in day} == {"fine"}
        assert s.unstructure(day)["failed"][0]["application"]["name"] == "broken"
        limited = agenda_many([broken, Application(interview)], now, limit=2, skip_invalid=True)
        assert len(limited.failed) == 1 and limited.counts.applications == 1
        with pytest.raises(InvalidHistory, match="step"):
            agenda_many([broken], now)


class TestTheFourthTrialsLeftovers:
    """What the fourth trial of the daily loop left: views as of a moment, a moved
    interview, and the hour the clocks go back."""

    def test_a_view_as_of_a_moment_leaves_out_what_came_after(self, acme: Path) -> None:
        """`plan --now` and `today --now` see the history as it stood then: a thank-you
        logged the next day was not sent yet, and stderr says what was left out."""
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-08T10:00")
        code, out, err = run("plan", str(acme), "--now", "2026-07-08T09:00")
        assert code == 0
        assert "Send Ana Ruiz a thank-you e-mail" in out
        assert "1 event recorded after 2026-07-08T09:00:00-04:00 left out" in err
        code, out, err = run("today", str(acme), "--now", "2026-07-08T09:00")
        assert code == 0 and "Ana Ruiz" in out and "left out" in err
        # from the moment it was logged on, it counts, and nothing is said
        code, out, err = run("plan", str(acme), "--now", "2026-07-08T10:00")
        assert "Send Ana Ruiz a thank-you" not in out and "left out" not in err

    def test_a_moved_interview_keeps_its_history_mendable(self, acme: Path) -> None:
        """After starts_at moves past logged events, the plan's error says how to mend
        it, and `events`, `unlog` and `log --undo` still work on the history."""
        log(acme, "reply", "--from", "Bo Chen", "--at", "2026-07-08T09:00")
        log(acme, "contact", "--step", "thank_you", "--at", "2026-07-07T16:05")
        acme.write_text(acme.read_text().replace("2026-07-07T14:00", "2026-07-10T14:00"))
        code, _, err = run("plan", str(acme))
        assert code == 2
        assert "$.event[0].at: is before the interview" in err
        assert "`followup events`" in err and "`followup unlog`" in err
        code, out, _ = run("events", str(acme))
        assert code == 0 and len(out.splitlines()) == 2
        code, out, _ = log(acme, "--undo")  # the thank-you, logged last
        assert code == 0 and "thank-you to Ana Ruiz" in out
        code, out, _ = run("unlog", str(acme), "1")
        assert code == 0 and "a reply from Bo Chen" in out
        code, out, _ = run("plan", str(acme))
        assert code == 0 and "Fri 10 Jul" in out

    def test_the_repeated_hour_is_told_apart(self, tmp_path: Path) -> None:
        """Two events an hour apart in the hour the clocks go back print with their
        zone, so `events` does not show the same time twice; other times stay bare."""
        path = tmp_path / "fall.toml"
        path.write_text(
            INTERVIEW.replace("2026-07-07T14:00:00", "2026-10-28T14:00:00").replace(
                "2026-07-15", "2026-11-20"
            )
        )
        for at in ("2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", "2026-11-02T15:00:00Z"):
            assert run("log", str(path), "reply", "--at", at)[0] == 0
        lines = run("events", str(path))[1].splitlines()
        assert lines[0].endswith("Sun 1 Nov 01:30 EDT")
        assert lines[1].endswith("Sun 1 Nov 01:30 EST")
        assert lines[2].endswith("Mon 2 Nov 10:00")


def todos(path: str) -> dict[str, Any]:
    """The calendar's items by UID, as a client reads them."""
    import icalendar

    calendar = icalendar.Calendar.from_ical(Path(path).read_bytes())
    return {str(item["UID"]): item for item in calendar.walk() if item.name in ("VTODO", "VEVENT")}


class TestTheFifthTrial:
    """The loop5 trial: the exports see what the table sees, under the file's own policy."""

    def test_the_calendar_and_drafts_see_the_history_as_of_now(self, acme: Path) -> None:
        """At one --now, the calendar's UIDs and the drafts' steps are the plan's ids: a
        thank-you logged later is not counted; exported again after it, it is COMPLETED."""
        log(acme, "contact", "--step", "thank_you", "--to", "Ana Ruiz", "--at", "2026-07-07T16:05")
        before = "2026-07-07T15:30"
        listed = json.loads(run("plan", str(acme), "--format", "json", "--now", before)[1])
        ids = {action["id"] for action in listed[0]["plan"]["actions"]}
        assert run("plan", str(acme), "--format", "ics", "-o", "cal.ics", "--now", before)[0] == 0
        assert set(todos("cal.ics")) == ids
        code = run("plan", str(acme), "--format", "eml", "-o", "drafts", "--now", before)[0]
        assert code == 0 and "thank_you-ana" in " ".join(p.name for p in Path("drafts").iterdir())
        thank_ana = next(i for i in ids if i.startswith("thank_you-ana-ruiz"))
        assert (
            run(
                "plan", str(acme), "--format", "ics", "-o", "cal.ics", "--now", "2026-07-07T17:00"
            )[0]
            == 0
        )
        assert todos("cal.ics")[thank_ana]["STATUS"] == "COMPLETED"

    def test_the_calendar_gives_the_files_own_policys_reasons(self, acme: Path) -> None:
        """A file with its own policy (cautious: three business days after the decision
        date) gets those numbers in the calendar's Why line, not the default's."""
        acme.write_text('policy = { preset = "cautious" }\n' + acme.read_text())
        code, _, err = run(
            "plan", str(acme), "--format", "ics", "-o", "cal.ics", "--now", "2026-07-07T16:00"
        )
        assert code == 0, err
        said = " ".join(str(item["DESCRIPTION"]) for item in todos("cal.ics").values())
        assert "three business days after the decision date" in said
        assert "one business day after the decision date" not in said

    def test_undo_after_a_rename_takes_back_the_event_logged_last(self, acme: Path) -> None:
        """A reply logged late, then Bo Chen renamed: `log --undo` removes that reply
        (its note is renamed too), not the latest event, a real check-in."""
        log(acme, "contact", "--step", "thank_you", "--to", "Ana Ruiz", "--at", "2026-07-07T16:00")
        log(acme, "contact", "--step", "thank_you", "--to", "Bo Chen", "--at", "2026-07-07T16:05")
        log(acme, "contact", "--to", "Ana Ruiz", "--at", "2026-07-17T09:00")
        log(acme, "reply", "--from", "Bo Chen", "--at", "2026-07-08T16:00")  # logged late
        assert run("rename", str(acme), "Bo Chen", "Bo Chén")[0] == 0
        code, out, _ = log(acme, "--undo")
        assert code == 0 and "a reply from Bo Chén" in out
        listed = run("events", str(acme))[1]
        assert "check-in to Ana Ruiz" in listed and "reply" not in listed

    def test_today_says_when_the_files_disagree_on_your_zone(self, tmp_path: Path) -> None:
        """Two files, one with the candidate in Auckland: `today` says so, and each time
        carries its zone; files that agree show bare times, as before."""
        one = tmp_path / "a.toml"
        one.write_text(INTERVIEW)
        other = tmp_path / "b.toml"
        moved = 'name = "Sam Lee"\ntimezone = "Pacific/Auckland"'
        other.write_text(INTERVIEW.replace('name = "Sam Lee"', moved).replace("Acme", "Globex"))
        out = run("today", str(one), str(other), "--now", "2026-07-08T13:30Z")[1]
        assert "different time zones (America/New_York, Pacific/Auckland)" in " ".join(out.split())
        assert "today 09:30 EDT" in out and "today 01:30 NZST" in out
        alike = run("today", str(one), str(one), "--now", "2026-07-08T13:30Z")[1]
        assert "different time zones" not in alike and "09:30 EDT" not in alike

    def test_a_history_shared_by_mistake_is_told_by_its_time(self, tmp_path: Path) -> None:
        """Two interview files naming one history file: the second's error is that the
        first event is before its interview (and what to do), not a name to rename."""
        first = tmp_path / "a.toml"
        first.write_text('history = "shared.events.toml"\n' + INTERVIEW)
        second = tmp_path / "b.toml"
        later = INTERVIEW.replace("2026-07-07T14:00", "2026-07-20T14:00")
        later = later.replace("2026-07-15", "2026-07-30").replace("Bo Chen", "Cy Diaz")
        second.write_text('history = "shared.events.toml"\n' + later)
        assert (
            log(
                first,
                "contact",
                "--step",
                "thank_you",
                "--to",
                "Bo Chen",
                "--at",
                "2026-07-07T16:05",
            )[0]
            == 0
        )
        code, _, err = run("plan", str(second))
        assert code == 2
        assert "is before the interview" in err and "a file of its own" in err
        assert "rename" not in err
