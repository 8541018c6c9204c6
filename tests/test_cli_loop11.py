"""What the loop10 trial left at the command line: `rename` in one round's file
unlinked the other rounds (F9); an e-mail step to a phone-only interviewer said
nothing of the missing address in `plan`, `today` and `next` (F6)."""

from __future__ import annotations

from pathlib import Path

import pytest

from followup_rules import files
from followup_rules.loop import Application, later_rounds
from followup_rules.model import person_key

from .test_cli_loop import run

ROUND = """\
id = "{id}"
history = "{stem}.events.toml"
starts_at = {starts}
timezone = "America/Chicago"
company = "Acme Logistics"
role = "Data Engineer"
decision_by = 2026-11-13

[[interviewers]]
name = "{first}"
email = "{first_email}@acme.example"

[[interviewers]]
name = "Raj Patel"
email = "raj@acme.example"

[candidate]
name = "Priya Raman"
email = "priya@example.in"
timezone = "Asia/Kolkata"
"""

OTHER_EMPLOYER = ROUND.replace("Acme Logistics", "Lakeview Health")


@pytest.fixture
def rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, Path]:
    """Two rounds at Acme sharing Raj Patel, and another employer's file naming a Raj Patel."""
    monkeypatch.chdir(tmp_path)
    made = []
    for stem, text, starts, first in (
        ("acme-r1", ROUND, "2026-10-13T09:30:00", "Dana Whitfield"),
        ("acme-r2", ROUND, "2026-10-28T08:00:00", "Lena Brooks"),
        ("lakeview", OTHER_EMPLOYER, "2026-10-27T11:00:00", "Mark Olsen"),
    ):
        path = tmp_path / f"{stem}.toml"
        first_email = first.split()[0].lower()
        path.write_text(
            text.format(id=stem, stem=stem, starts=starts, first=first, first_email=first_email)
        )
        made.append(path)
    return made[0], made[1], made[2]


def _names(path: Path) -> set[str]:
    interview = files.HistoryFile(path).read(check=False).interview
    return {person.name for person in interview.interviewers}


def _met_again(first: Path, second: Path, name: str) -> bool:
    """Whether round two knows the candidate met *name* in round one (`later_rounds`)."""
    apps = [
        Application(found.interview, found.history)
        for found in (files.HistoryFile(path).read() for path in (first, second))
    ]
    return person_key(name) in dict(later_rounds(apps)[1].met_before)


class TestARenameInOneRoundSaysWhichRoundsStillNameThePerson:
    def test_the_other_rounds_file_is_named_in_a_warning(
        self, rounds: tuple[Path, Path, Path]
    ) -> None:
        r1, r2, _ = rounds
        code, out, err = run("rename", r1.name, "Raj Patel", "Rajesh Patel")
        assert code == 0, err
        assert "Renamed Raj Patel to Rajesh Patel in acme-r1.toml" in out
        assert "warning: acme-r2.toml still names Raj Patel" in err
        assert "followup rename acme-r2.toml 'Raj Patel' 'Rajesh Patel'" in err
        assert "lakeview" not in err  # another employer's Raj is another person
        assert "events" not in err  # history files are read through their interviews
        assert "Raj Patel" in _names(r2)

    def test_no_warning_when_no_other_round_names_them(
        self, rounds: tuple[Path, Path, Path]
    ) -> None:
        r1, _, _ = rounds
        code, _, err = run("rename", r1.name, "Dana Whitfield", "Dana Whitfield-Ng")
        assert code == 0, err
        assert "warning" not in err


class TestRenameWithRenamesEveryRound:
    def test_both_rounds_renamed_and_still_linked(self, rounds: tuple[Path, Path, Path]) -> None:
        r1, r2, lakeview = rounds
        assert _met_again(r1, r2, "Raj Patel")
        code, out, err = run("rename", r1.name, "Raj Patel", "Rajesh Patel", "--with", r2.name)
        assert code == 0, err
        assert "in acme-r1.toml" in out and "in acme-r2.toml" in out
        assert "warning" not in err
        assert "Rajesh Patel" in _names(r1) and "Rajesh Patel" in _names(r2)
        assert "Raj Patel" in _names(lakeview)
        assert _met_again(r1, r2, "Rajesh Patel")

    def test_a_file_that_does_not_name_them_changes_nothing(
        self, rounds: tuple[Path, Path, Path]
    ) -> None:
        r1, r2, _ = rounds
        before = r1.read_text(), r2.read_text()
        code, _, err = run("rename", r1.name, "Dana Whitfield", "Dana Ng", "--with", r2.name)
        assert code == 2
        assert err.startswith("followup: error: acme-r2.toml: old = 'Dana Whitfield'"), err
        assert (r1.read_text(), r2.read_text()) == before

    def test_a_file_given_twice_is_refused(self, rounds: tuple[Path, Path, Path]) -> None:
        r1, _, _ = rounds
        code, _, err = run("rename", r1.name, "Raj Patel", "Rajesh Patel", "--with", r1.name)
        assert code == 2
        assert "given twice" in err
        assert "Raj Patel" in _names(r1)


PHONE_ONLY = """\
id = "verde-2026"
history = "verde.events.toml"
starts_at = 2026-10-20T10:00:00
timezone = "America/Sao_Paulo"
company = "Verde Pagamentos"
role = "Data Engineer"
format = "phone"
decision_by = 2026-11-06

[[interviewers]]
name = "Tiago Mendes"
phone = "+55 11 5555 0100"

[candidate]
name = "Priya Raman"
email = "priya@example.in"
timezone = "Asia/Kolkata"
language = "{language}"
"""

FLAG = {
    "en": "no e-mail address known: find it first",
    "es": "no se conoce su correo electrónico: búsquelo primero",
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_listing_flags_an_email_to_someone_without_an_address(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """F6: `plan`, `today`, `next` and the calendar say the address is missing, as
    they say a number is missing for a call."""
    monkeypatch.chdir(tmp_path)
    Path("verde.toml").write_text(PHONE_ONLY.format(language=language))
    flag = "address known: find it first)"  # the terminal's lines are English, wrapped
    code, out, err = run("plan", "verde.toml")
    assert code == 0, err
    emails = [line for line in out.splitlines() if "e-mail" in line and "Tiago" in line]
    assert emails
    assert out.count(flag) == len(emails), out
    code, out, err = run("today", "verde.toml", "--now", "2026-10-20T18:00")
    assert code == 0, err
    assert FLAG["en"] in " ".join(out.split()), out
    code, out, err = run("next", "verde.toml", "--now", "2026-10-20T20:30")
    assert code == 0, err
    assert FLAG["en"] in " ".join(out.split()), out
    code, out, err = run("plan", "verde.toml", "--format", "ics", "--now", "2026-10-20T12:00")
    assert code == 0, err
    unfolded = out.replace("\r\n ", "").replace("\n ", "")
    assert FLAG[language] in unfolded
