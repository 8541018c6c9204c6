"""loop14 at the command line (/work/trials/loop14/FINDINGS.md).

F1. A withdrawal, then the employer's "no decision yet, by ...": `plan` lists check-ins
    again, and logging one warns of nothing.
F2. `log --at X --now Y` (`--now` is `--at` there) is refused, never read as the last.
F3. A step id mistyped by hand in a history file: every command names the history file,
    the entry, the event as `followup events` numbers it, and `followup unlog`; `today`
    over several files still lists the others.
F4. A reply from someone not on the interview: the refusal says to log an update
    without --from.
F5. `log` warns when a contact oversteps `min_gap` with another application at the same
    employer beside it, as `audit --with` then reports.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_rules import Update
from followup_rules import serialize as s

from .test_cli_loop import run

ANDES = """\
id = "{stem}"
history = "{stem}.events.toml"
starts_at = {starts}
timezone = "America/Santiago"
company = "Andes Minería SpA"
role = "{role}"
decision_by = 2026-03-31

[[interviewers]]
name = "Catalina Soto"
email = "catalina@andes.example"
phone = "+56 2 2555 0101"

[candidate]
name = "Aoife Byrne"
email = "aoife@example.ie"
timezone = "Europe/Dublin"
language = "es"
"""


@pytest.fixture
def andes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Two roles at one employer, one interviewer: Mon 23 and Tue 24 March 2026."""
    monkeypatch.chdir(tmp_path)
    made = []
    for stem, starts, role in (
        ("andes-a", "2026-03-23T10:00:00", "Analista de Datos"),
        ("andes-b", "2026-03-24T16:00:00", "Ingeniera de Datos"),
    ):
        path = tmp_path / f"{stem}.toml"
        path.write_text(ANDES.format(stem=stem, starts=starts, role=role))
        made.append(path)
    return made[0], made[1]


def log(path: Path, *args: str) -> tuple[int, str, str]:
    return run("log", str(path), *args)


class TestTheEmployerComesBack:
    """F1: withdrawn on 27 March, then "no decision yet, by 10 April" on 30 March.

    SPEC invariant 7 (rule ``stop``): no check-in after an offer, a rejection or a
    withdrawal, whatever comes later; `log` says so when the later news is recorded, and
    how to follow the reopened process up (a file of its own)."""

    def test_the_end_stays_and_log_says_why(self, andes: tuple[Path, Path]) -> None:
        first, _ = andes
        assert log(first, "contact", "--at", "2026-03-23T16:05")[0] == 0
        code, _, err = log(first, "update", "--outcome", "withdrawn", "--at", "2026-03-27T10:00")
        assert code == 0 and "application ended" not in err
        code, out, err = log(
            first, "update", "--outcome", "undecided", "--decision-by", "2026-04-10",
            "--from", "Catalina Soto", "--at", "2026-03-30T10:00",
        )  # fmt: skip
        assert code == 0 and "Recorded" in out
        assert "this application ended (withdrawn, Fri 27 Mar 2026)" in err
        assert "rule stop" in err and "file of its own" in err
        code, out, _ = run("plan", str(first), "--now", "2026-03-30T10:05")
        assert code == 0 and "Check in" not in out

    def test_news_without_an_end_gets_no_such_warning(self, andes: tuple[Path, Path]) -> None:
        first, _ = andes
        code, _, err = log(
            first, "update", "--outcome", "undecided", "--decision-by", "2026-04-10",
            "--at", "2026-03-30T10:00",
        )  # fmt: skip
        assert code == 0 and "application ended" not in err


class TestOneMoment:
    """F2: `log`'s --now is its --at: two moments are refused, nothing written."""

    def test_two_moments_are_refused(self, andes: tuple[Path, Path]) -> None:
        first, _ = andes
        code, out, err = log(
            first, "reply", "--at", "2026-03-25T01:30", "--now", "2026-03-25T03:00"
        )
        assert code == 2 and not out
        assert "--at and --now" in err and "'2026-03-25T01:30'" in err
        assert not (first.parent / "andes-a.events.toml").exists()

    def test_one_moment_twice_is_that_moment(self, andes: tuple[Path, Path]) -> None:
        first, _ = andes
        code, out, _ = log(first, "reply", "--at", "2026-03-25T09:30", "--now", "2026-03-25T09:30")
        assert code == 0 and "Wed 25 Mar 09:30" in out
        code, out, _ = log(first, "reply", "--now", "2026-03-26T09:30")
        assert code == 0 and "Thu 26 Mar 09:30" in out


class TestAStepIdMistypedByHand:
    """F3: event 3 of andes-a's history is a snooze whose id was edited by hand."""

    @pytest.fixture
    def typo(self, andes: tuple[Path, Path], request: pytest.FixtureRequest) -> Path:
        first, _ = andes
        log(first, "contact", "--at", "2026-03-23T16:05")
        log(first, "contact", "--channel", "phone", "--voicemail", "--at", "2026-04-01T14:10")
        log(
            first, "snooze", "check_in-catalina-soto", "--until", "2026-04-08",
            "--at", "2026-04-03T10:00",
        )  # fmt: skip
        history = first.parent / "andes-a.events.toml"
        text = history.read_text()
        assert "check_in-catalina-soto-" in text
        old, new = request.param
        history.write_text(text.replace(old, new, 1))
        return first

    WRONG = (
        ("check_in-catalina-soto", "check_in-catalia-soto"),  # the name: names nobody
        ("-2-andes-a@", "-9-andes-a@"),  # the number: no such check-in then
    )
    EXPECTED = (
        "andes-a.events.toml: $.event[2].step: ",
        "it is event 3 of `followup events`",
        "followup unlog FILE 3",
    )

    @pytest.mark.parametrize("typo", WRONG, indirect=True)
    @pytest.mark.parametrize(
        "command",
        [
            ("today", "--now", "2026-04-08T09:00"),
            ("next", "--now", "2026-04-08T09:00"),
            ("plan", "--now", "2026-04-08T09:00"),
            ("audit",),
        ],
    )
    def test_every_command_names_the_file_and_the_mend(
        self, typo: Path, command: tuple[str, ...]
    ) -> None:
        code, _, err = run(command[0], str(typo), *command[1:])
        assert code == 2
        for said in self.EXPECTED:
            assert said in err, err

    @pytest.mark.parametrize("typo", WRONG, indirect=True)
    def test_log_names_them_too_and_writes_nothing(self, typo: Path) -> None:
        history = typo.parent / "andes-a.events.toml"
        before = history.read_text()
        code, _, err = log(typo, "reply", "--at", "2026-04-08T09:30")
        assert code == 2 and all(said in err for said in self.EXPECTED), err
        assert history.read_text() == before

    @pytest.mark.parametrize("typo", WRONG, indirect=True)
    def test_today_over_the_folder_lists_the_others(
        self, typo: Path, andes: tuple[Path, Path]
    ) -> None:
        code, out, err = run("today", str(typo), str(andes[1]), "--now", "2026-04-08T09:00")
        assert code == 2
        assert "1 file left out" in out and "andes-b.toml" not in err
        assert self.EXPECTED[0] in err

    @pytest.mark.parametrize("typo", WRONG, indirect=True)
    def test_unlog_mends_it(self, typo: Path) -> None:
        assert run("unlog", str(typo), "3")[0] == 0
        assert run("today", str(typo), "--now", "2026-04-08T09:00")[0] == 0


class TestNewsFromSomeoneNotOnTheInterview:
    """F4: Javiera Núñez, a coordinator, wrote; Catalina Soto did not."""

    @pytest.mark.parametrize("kind", [("reply",), ("update", "--outcome", "undecided")])
    def test_the_refusal_says_how(self, andes: tuple[Path, Path], kind: tuple[str, ...]) -> None:
        first, _ = andes
        log(first, "contact", "--at", "2026-03-23T16:05")
        code, _, err = log(first, *kind, "--from", "Javiera Núñez", "--at", "2026-04-02T15:00")
        assert code == 2
        assert "logged as 'update' without --from" in err, err
        assert "did you mean" not in err

    def test_the_way_it_says_names_nobody(self, andes: tuple[Path, Path]) -> None:
        first, _ = andes
        log(first, "contact", "--at", "2026-03-23T16:05")
        code, _, _ = log(first, "update", "--outcome", "undecided", "--at", "2026-04-02T15:00")
        assert code == 0
        (update,) = [e for e in s.load_interview_file(first).history if isinstance(e, Update)]
        assert update.sender is None
        code, out, _ = run("render", str(first), "--now", "2026-04-02T15:05")
        assert code == 0 and "Su respuesta" not in out


class TestTheFilesBeside:
    """F5: andes-a's call to Catalina on Wed 1 April; andes-b's check-in to her Thu 2."""

    def test_log_warns_as_audit_with_reports(self, andes: tuple[Path, Path]) -> None:
        first, second = andes
        log(first, "contact", "--at", "2026-03-23T16:05")
        log(first, "contact", "--channel", "phone", "--at", "2026-04-01T14:10")
        log(second, "contact", "--step", "thank_you", "--at", "2026-03-25T11:06")
        code, out, err = log(
            second, "contact", "--step", "check_in", "--to", "Catalina Soto",
            "--channel", "email", "--at", "2026-04-02T13:00",
        )  # fmt: skip
        assert code == 0 and "Recorded" in out
        assert "andes-a.toml beside it: [retry-gap]" in err, err
        assert run("audit", str(second), "--with", str(first))[0] == 1

    def test_no_warning_when_the_gap_holds(self, andes: tuple[Path, Path]) -> None:
        first, second = andes
        log(first, "contact", "--at", "2026-03-23T16:05")
        log(first, "contact", "--channel", "phone", "--at", "2026-04-01T14:10")
        log(second, "contact", "--step", "thank_you", "--at", "2026-03-25T11:06")
        code, _, err = log(
            second, "contact", "--step", "check_in", "--to", "Catalina Soto",
            "--channel", "email", "--at", "2026-04-08T13:00",
        )  # fmt: skip
        assert code == 0 and "beside it" not in err, err

    def test_another_employer_beside_it_is_no_sibling(self, andes: tuple[Path, Path]) -> None:
        first, second = andes
        second.write_text(second.read_text().replace("Andes Minería SpA", "Pampa Datos SpA"))
        log(first, "contact", "--at", "2026-03-23T16:05")
        log(first, "contact", "--channel", "phone", "--at", "2026-04-01T14:10")
        log(second, "contact", "--step", "thank_you", "--at", "2026-03-25T11:06")
        code, _, err = log(
            second, "contact", "--step", "check_in", "--to", "Catalina Soto",
            "--channel", "email", "--at", "2026-04-02T13:00",
        )  # fmt: skip
        assert code == 0 and "beside it" not in err, err
