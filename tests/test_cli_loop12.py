"""loop12 at the command line (/work/trials/loop12/FINDINGS.md).

F1. Two applications to one employer for two roles, given together: the second role's
    note to the interviewer met for the first role is a first conversation's.
F3. `plan` (table, JSON, calendar, drafts) of one employer's files keeps their
    follow-ups to one person `min_gap` apart, as `today` lists them.
F5. `today` and `next` over files of which one cannot be read say so in what they
    print, not only in the error after it.
F6. A contact logged without --step when nothing was due says so, and when the step
    recorded was planned.
F10. Two follow-ups to one person at one employer at the very same moment, one in each
    file, are reported by `audit A --with B` and by `audit B --with A`.
F11. A later round's draft logged by its Message-ID in its own file is never recorded
    under the subject the file alone would give, when the draft (written with the
    earlier rounds) had another.
"""

from __future__ import annotations

import email
import json
from email import policy as email_policy
from pathlib import Path

import icalendar
import pytest

from .test_cli_loop import run

APPLICATION = """\
id = "{stem}"
history = "{stem}.events.toml"
starts_at = {starts}
timezone = "Europe/London"
company = "Thames Analytics Ltd"
role = "{role}"
decision_by = 2026-03-13

[[interviewers]]
name = "Oliver Grant"
email = "oliver@thames.example"

[[interviewers]]
name = "{other}"
email = "other@thames.example"

[candidate]
name = "Camille Roux"
email = "camille@example.com"
timezone = "Australia/Lord_Howe"
language = "{language}"
"""


@pytest.fixture
def two_roles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """The trial's Thames files: the data role on 3 March, the ML role on 5 March, Oliver
    Grant the follow-up contact of both, both deciding on 13 March."""
    monkeypatch.chdir(tmp_path)
    made = []
    for stem, role, starts, other in (
        ("thames-data", "Data Engineer", "2026-03-03T09:30:00", "Ada Lowe"),
        ("thames-ml", "ML Engineer", "2026-03-05T14:00:00", "Priya Shah"),
    ):
        path = tmp_path / f"{stem}.toml"
        path.write_text(
            APPLICATION.format(stem=stem, role=role, starts=starts, other=other, language="en")
        )
        made.append(path)
    return made[0], made[1]


# -- F1 ------------------------------------------------------------------------------------


def test_the_second_roles_note_is_no_second_conversation(two_roles: tuple[Path, Path]) -> None:
    data, ml = two_roles
    code, together, err = run("render", ml.name, data.name, "--now", "2026-03-06T08:00")
    assert code == 0, err
    code, alone, err = run("render", ml.name, "--now", "2026-03-06T08:00")
    assert code == 0, err
    note = together.split("=== ")[1]
    assert "Send Oliver Grant a thank-you" in note
    assert "second" not in note.lower()
    assert note.split("\n", 1)[1] in alone  # the same note as the file alone writes


# -- F3 ------------------------------------------------------------------------------------


def _follow_ups(data: list[dict[str, object]]) -> list[tuple[str, str]]:
    return [
        (str(each["file"]), str(action["suggested"]))
        for each in data
        for action in each["plan"]["actions"]  # type: ignore[index]
        if action["kind"] in ("check_in", "feedback_request")  # type: ignore[index]
    ]


def test_plan_of_one_employers_files_keeps_their_check_ins_apart(
    two_roles: tuple[Path, Path],
) -> None:
    """Planned alone, both files check in with Oliver on Monday 16 March at 08:00; given
    together, the second waits, and the calendar and the drafts say the same."""
    data, ml = two_roles
    now = "2026-03-10T08:00"
    code, out, err = run("plan", data.name, ml.name, "--format", "json", "--now", now)
    assert code == 0, err
    moments = [when for _, when in _follow_ups(json.loads(out))]
    assert len(moments) == len(set(moments)), moments
    code, out, err = run(
        "today", data.name, ml.name, "--now", "2026-03-17T08:00", "--format", "json"
    )
    assert code == 0, err
    listed = sorted(
        (Path(e["file"]).name, e["suggested"]) for e in json.loads(out) if e["kind"] == "check_in"
    )
    code, plans, err = run(
        "plan", data.name, ml.name, "--format", "json", "--now", "2026-03-17T08:00"
    )
    planned = sorted((Path(f).name, w) for f, w in _follow_ups(json.loads(plans)))
    assert set(listed) <= set(planned)

    code, _, err = run(
        "plan", data.name, ml.name, "--format", "ics", "--now", now, "-o", "both.ics"
    )
    assert code == 0, err
    calendar = icalendar.Calendar.from_ical(Path("both.ics").read_bytes())
    starts = [
        item.decoded("DTSTART")
        for item in calendar.walk("VTODO")
        if "Check in" in str(item.get("SUMMARY"))
    ]
    assert starts and len(starts) == len(set(starts))

    code, _, err = run("plan", data.name, ml.name, "--format", "eml", "--now", now, "-o", "drafts")
    assert code == 0, err
    dates = [
        email.message_from_bytes(path.read_bytes(), policy=email_policy.default)["Date"]
        for path in sorted(Path("drafts").rglob("*check_in*.eml"))
    ]
    assert dates and len(dates) == len(set(dates)), dates


def test_every_check_in_the_calendar_gives_done_passes_audit_with(
    two_roles: tuple[Path, Path],
) -> None:
    """Whatever `plan` of both files says, done when it says, passes `audit --with`."""
    data, ml = two_roles
    code, out, err = run(
        "plan", data.name, ml.name, "--format", "json", "--now", "2026-03-10T08:00"
    )
    assert code == 0, err
    for file, when in _follow_ups(json.loads(out)):
        code, _, err = run(
            "log",
            Path(file).name,
            "contact",
            "--step",
            "check_in",
            "--to",
            "Oliver Grant",
            "--at",
            when,
        )
        assert code == 0, err
    for one, other in ((data, ml), (ml, data)):
        code, out, err = run("audit", one.name, "--with", other.name)
        assert code == 0, (out, err)


# -- F5 ------------------------------------------------------------------------------------


def test_a_file_left_out_is_said_where_the_day_is_listed(two_roles: tuple[Path, Path]) -> None:
    data, ml = two_roles
    code, _, err = run(
        "log",
        ml.name,
        "contact",
        "--step",
        "thank_you",
        "--to",
        "Oliver Grant",
        "--at",
        "2026-03-06T08:00",
    )
    assert code == 0, err
    text = ml.read_text().replace("2026-03-05T14:00:00", "2026-03-07T14:00:00")
    ml.write_text(text)  # the interview moved past the note logged
    for command in ("today", "next"):
        code, out, err = run(command, data.name, ml.name, "--now", "2026-04-30T08:00")
        assert code == 2
        assert "1 file left out" in out, out
        assert "Nothing left to do in any of these files" not in out
        assert "thames-ml.events.toml" in err
    code, out, _ = run("next", data.name, "--now", "2026-04-30T08:00")
    assert "left out" not in out


# -- F6 ------------------------------------------------------------------------------------


def test_a_bare_contact_with_nothing_due_says_it_was_not_due(
    two_roles: tuple[Path, Path],
) -> None:
    data, _ = two_roles
    for at in ("2026-03-04T19:05", "2026-03-04T19:06"):
        code, out, err = run("log", data.name, "contact", "--at", at)
        assert code == 0, err
        assert "(the step due then" in out, out
    code, out, err = run("log", data.name, "contact", "--at", "2026-03-05T08:00")
    assert code == 0, err
    assert "check-in to Oliver Grant" in out
    assert "the step due then" not in out
    assert "no step was due then: the next one planned, for Mon 16 Mar" in out, out
    assert "oversteps the policy" in err


# -- F10 -----------------------------------------------------------------------------------


def test_two_follow_ups_at_one_moment_are_flagged_by_either_audit(
    two_roles: tuple[Path, Path],
) -> None:
    """A check-in to Oliver in each file at the very same moment: `audit A --with B` and
    `audit B --with A` both report it (each had called the other's the later one)."""
    data, ml = two_roles
    for path in (data, ml):
        code, _, err = run(
            "log", path.name, "contact", "--step", "check_in", "--to", "Oliver Grant",
            "--at", "2026-03-16T19:00",
        )  # fmt: skip
        assert code == 0, err
    for one, other in ((data, ml), (ml, data)):
        code, out, _ = run("audit", one.name, "--with", other.name)
        assert code == 1, out
        assert "[retry-gap] only 0 business days after a follow-up to the same person" in out
    code, out, _ = run("audit", data.name)
    assert code == 0, out  # alone, each file is polite


# -- F11 -----------------------------------------------------------------------------------


@pytest.fixture
def two_rounds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """Round 1 (3 March) and round 2 (10 March) of the data role, Oliver in both."""
    monkeypatch.chdir(tmp_path)
    made = []
    for stem, starts, other in (
        ("r1", "2026-03-03T09:30:00", "Ada Lowe"),
        ("r2", "2026-03-10T09:30:00", "Priya Shah"),
    ):
        path = tmp_path / f"{stem}.toml"
        text = APPLICATION.format(
            stem=stem, role="Data Engineer", starts=starts, other=other, language="fr"
        )
        path.write_text(text.replace("2026-03-13", "2026-03-20"))
        made.append(path)
    return made[0], made[1]


def _subject_logged(path: Path) -> str | None:
    events = (path.parent / f"{path.stem}.events.toml").read_text()
    found = [line for line in events.splitlines() if line.startswith("subject = ")]
    return found[-1].split(" = ", 1)[1].strip('"') if found else None


def test_a_later_rounds_draft_is_never_logged_under_another_subject(
    two_rounds: tuple[Path, Path],
) -> None:
    """The round-2 note to Oliver, drafted with round 1 beside it, has a subject of its own
    ("a second conversation"); logged by its Message-ID in round 2's file, the subject
    recorded is never the one round 2 alone would give: the next draft's "Re:" would
    name a subject never sent."""
    r1, r2 = two_rounds
    now = "2026-03-10T22:00"
    code, out, err = run("plan", r1.name, r2.name, "--format", "eml", "--now", now, "-o", "d")
    assert code == 0, err
    draft = next(Path("d/r2").glob("*thank_you-oliver*.eml"))
    sent = email.message_from_bytes(draft.read_bytes(), policy=email_policy.default)
    code, out, err = run("log", r2.name, "contact", "--message-id", sent["Message-ID"],
                         "--at", "2026-03-11T08:00")  # fmt: skip
    assert code == 0, err
    assert "thank-you to Oliver Grant" in out
    assert _subject_logged(r2) in (None, sent["Subject"])
    assert "--subject says which was sent" in out
    # the first round's note is the same with or without round 2: its subject is kept
    code, out, err = run("plan", r1.name, r2.name, "--format", "eml", "--now", "2026-03-03T22:00",
                         "-o", "d1")  # fmt: skip
    assert code == 0, err
    first = next(Path("d1/r1").glob("*thank_you-oliver*.eml"))
    note = email.message_from_bytes(first.read_bytes(), policy=email_policy.default)
    code, out, err = run("log", r1.name, "contact", "--message-id", note["Message-ID"],
                         "--at", "2026-03-04T08:00")  # fmt: skip
    assert code == 0, err
    assert _subject_logged(r1) == note["Subject"]
