"""What the daily-loop trial loop8 found at the command line (a Sydney candidate writing
French, four applications): the same `log contact --at T` twice (3), counts in the singular
(7), draft numbers per application (9), two moments shown in one zone (10)."""

from __future__ import annotations

import email
import email.policy
from pathlib import Path

import pytest

from followup_rules import serialize as s
from followup_rules._grammar import counted

from .test_cli_loop import run

UMBRELLA = """\
id = "502ba398ccf5842b"
history = "umbrella.events.toml"
starts_at = 2026-10-16T14:00:00
timezone = "Australia/Sydney"
company = "Umbrella"
role = "Data Engineer"

[[interviewers]]
name = "Eve Stone"
email = "eve@umbrella.example"

[candidate]
language = "fr"
name = "Léa Martin"
email = "lea@example.com"
timezone = "Australia/Sydney"
"""

HOOLI = """\
id = "129223d1de35b11c"
history = "hooli.events.toml"
starts_at = 2026-10-19T15:00:00
timezone = "America/New_York"
company = "Hooli"
role = "Data Engineer"
decision_by = "by the end of the month"

[[interviewers]]
name = "Dan Park"
email = "dan@hooli.example"

[candidate]
language = "fr"
name = "Léa Martin"
email = "lea@example.com"
timezone = "Australia/Sydney"
"""


@pytest.fixture
def umbrella(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "umbrella.toml"
    path.write_text(UMBRELLA)
    return path


@pytest.fixture
def hooli(tmp_path: Path) -> Path:
    path = tmp_path / "hooli.toml"
    path.write_text(HOOLI)
    return path


class TestTheSameLogTwiceIsRecordedOnce:
    """loop8 3: `contact --at T` twice recorded ask-timeline, then ask-permission."""

    @pytest.mark.parametrize("at", ["2026-10-16T14:52", "2026-10-16T15:20"])
    def test_the_default_step_is_the_one_due_before_the_first_record(
        self, umbrella: Path, at: str
    ) -> None:
        code, first, err = run("log", str(umbrella), "contact", "--at", at)
        assert code == 0, err
        assert "(the step due then; --step names another)" in first
        code, again, err = run("log", str(umbrella), "contact", "--at", at)
        assert code == 0, err
        assert again.startswith("Already recorded in"), again
        assert first.split(": ", 1)[1] == again.split(": ", 1)[1]
        assert len(s.load_interview_file(umbrella).history) == 1
        assert run("audit", str(umbrella))[0] == 0

    def test_a_later_moment_records_the_next_step(self, umbrella: Path) -> None:
        run("log", str(umbrella), "contact", "--at", "2026-10-16T14:52")
        code, out, _ = run("log", str(umbrella), "contact", "--at", "2026-10-16T14:53")
        assert code == 0 and out.startswith("Recorded in"), out
        kinds = [event.kind for event in s.load_interview_file(umbrella).history]  # type: ignore[union-attr]
        assert len(set(kinds)) == 2

    def test_a_step_said_is_not_explained(self, umbrella: Path) -> None:
        code, out, _ = run(
            "log", str(umbrella), "contact", "--step", "thank_you", "--at", "2026-10-16T16:30"
        )
        assert code == 0 and "--step names another" not in out


class TestCountsInTheirNumber:
    """loop8 7: "1 step can no longer be done and are not shown"."""

    def test_counted(self) -> None:
        assert [counted(n, "step") for n in (0, 1, 2)] == ["0 steps", "1 step", "2 steps"]
        assert counted(1, "business day") == "1 business day"

    @pytest.fixture
    def one_missed(self, hooli: Path) -> Path:
        """The steps in the room done, the thank-you missed: one step is gone."""
        for minute, step in enumerate(
            ("closing_statement", "ask_timeline", "ask_permission", "ask_for_cards")
        ):
            at = f"2026-10-19T15:5{minute}-04:00"
            assert run("log", str(hooli), "contact", "--step", step, "--at", at)[0] == 0
        return hooli

    def test_one_missed_step_is_singular(self, one_missed: Path) -> None:
        code, out, err = run("plan", str(one_missed), "--now", "2026-10-23T09:00")
        assert code == 0, err
        text = " ".join(out.split())
        assert "1 step can no longer be done: its window closed with nothing recorded for " in (
            text
        )
        assert "--format json lists it, under" in text

    def test_one_step_not_shown_is_singular(self, one_missed: Path) -> None:
        code, out, err = run("today", str(one_missed), "--now", "2026-10-23T09:00")
        assert code == 0, err
        text = " ".join(out.split())
        assert "1 step can no longer be done and is not shown" in text, text

    def test_one_event_left_out(self, umbrella: Path) -> None:
        run("log", str(umbrella), "contact", "--step", "thank_you", "--at", "2026-10-16T16:30")
        code, _, err = run("plan", str(umbrella), "--now", "2026-10-16T15:00")
        assert code == 0
        assert "1 event recorded after" in err and "event(s)" not in err


class TestDraftNumbers:
    """loop8 9: umbrella/01-04, hooli/05-08: the steps in the room were counted too."""

    def test_each_application_counts_its_e_mails_from_01(
        self, umbrella: Path, hooli: Path, tmp_path: Path
    ) -> None:
        out = tmp_path / "drafts"
        code, said, err = run("plan", str(umbrella), str(hooli), "--format", "eml", "-o", str(out))
        assert code == 0, err
        for folder in ("umbrella", "hooli"):
            names = sorted(p.name for p in (out / folder).iterdir())
            assert [name[:2] for name in names] == [f"{i:02d}" for i in range(1, len(names) + 1)]
        assert f"{len(list(out.glob('*/*.eml')))} drafts written" in said


class TestOneZoneInAnError:
    """loop8 10: "before the interview at 2026-11-20T10:00:00+00:00 (got
    2026-11-19T23:10:00+11:00)": two moments in two zones read as a day apart."""

    def test_the_interview_is_shown_in_the_events_zone(self, umbrella: Path) -> None:
        (umbrella.parent / "umbrella.events.toml").write_text(
            '[[event]]\ntype = "contact"\nkind = "thank_you"\nchannel = "email"\n'
            "at = 2026-10-16T02:50:00+00:00\n"
        )
        code, _, err = run("today", str(umbrella), "--now", "2026-10-17T09:00")
        assert code != 0
        assert "before the interview at 2026-10-16T03:00:00+00:00" in err, err


INITRODE = """\
id = "a9b651a57ffbd0ac"
history = "initrode.events.toml"
starts_at = 2026-10-22T09:00:00
timezone = "Europe/London"
company = "Initrode"
role = "Analyste de données"
decision_by = 2026-10-30

[[interviewers]]
name = "Claire Dupont"
email = "claire@initrode.example"

[candidate]
language = "fr"
name = "Léa Martin"
email = "lea@example.com"
timezone = "Australia/Sydney"
"""


class TestRenameAfterAnEditByHand:
    """loop8 2: the name fixed by hand, then `followup rename FILE OLD NEW` (the mend its
    own error recommends): no id was written, and the calendar exported again cancelled
    the sent thank-you's item with no completed item in its place."""

    @staticmethod
    def items(path: Path) -> dict[str, str]:
        import icalendar

        calendar = icalendar.Calendar.from_ical(path.read_bytes())
        return {
            str(c["UID"]): str(c["STATUS"])
            for c in calendar.walk()
            if c.name in ("VTODO", "VEVENT")
        }

    @pytest.mark.parametrize("bare", [False, True])
    def test_the_ids_and_the_calendar_stay(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bare: bool
    ) -> None:
        monkeypatch.chdir(tmp_path)
        path = tmp_path / "initrode.toml"
        text = INITRODE
        if bare:  # interviewers = ["Claire Dupont"]: a name alone
            text = text.replace(
                '[[interviewers]]\nname = "Claire Dupont"\nemail = "claire@initrode.example"\n',
                "",
            ).replace(
                "decision_by = 2026-10-30\n",
                'decision_by = 2026-10-30\ninterviewers = ["Claire Dupont"]\n',
            )
        path.write_text(text)
        ics = tmp_path / "cal.ics"
        assert (
            run("plan", str(path), "--format", "ics", "-o", str(ics), "--now", "2026-10-22T19:00")[
                0
            ]
            == 0
        )
        before = self.items(ics)
        thanks = next(uid for uid in before if uid.startswith("thank_you-"))
        code, _, err = run(
            "log", str(path), "contact", "--step", "thank_you", "--to", "Claire Dupont",
            "--at", "2026-10-22T21:30",
        )  # fmt: skip
        assert code == 0, err
        path.write_text(path.read_text().replace("Claire Dupont", "Claire Dupond"))
        code, _, err = run("today", str(path), "--now", "2026-10-23T09:00")
        assert code != 0 and "followup rename" in err
        code, _, err = run("rename", str(path), "Claire Dupont", "Claire Dupond")
        assert code == 0, err
        found = s.load_interview_file(path)
        (claire,) = found.interview.interviewers
        assert claire.name == "Claire Dupond" and claire.id is not None
        assert found.history[0].recipient == "Claire Dupond"  # type: ignore[union-attr]
        code, _, err = run(
            "plan", str(path), "--format", "ics", "-o", str(ics), "--now", "2026-10-23T09:00"
        )
        assert code == 0, err
        after = self.items(ics)
        assert after[thanks] == "COMPLETED", after
        assert set(after) == set(before)  # the same UIDs: nothing new, nothing dropped
        assert run("audit", str(path))[0] == 0


class TestAThreadedDraftRepliesUnderRe:
    """loop8 5: `log contact --message-id` (the id `plan --format eml` printed), then the
    next draft had In-Reply-To and References but its own subject, not "Re: <subject>"."""

    def test_the_draft_s_subject_is_recorded_and_answered(
        self, umbrella: Path, tmp_path: Path
    ) -> None:
        first = tmp_path / "first"
        code, out, err = run(
            "plan", str(umbrella), "--format", "eml", "-o", str(first), "--now", "2026-10-16T16:00"
        )
        assert code == 0, err
        name, _, message_id = out.splitlines()[0].partition("  Message-ID: ")
        assert name.startswith("01-thank_you")
        sent = email.message_from_bytes((first / name).read_bytes(), policy=email.policy.default)
        code, out, err = run(
            "log", str(umbrella), "contact", "--message-id", message_id, "--at", "2026-10-16T16:30"
        )
        assert code == 0, err
        assert "thank-you to Eve Stone" in out and "of the draft with that Message-ID" in out
        (contact,) = s.load_interview_file(umbrella).history
        assert contact.subject == str(sent["Subject"])  # type: ignore[union-attr]
        later = tmp_path / "later"
        code, out, err = run(
            "plan", str(umbrella), "--format", "eml", "-o", str(later), "--now", "2026-10-26T08:00"
        )
        assert code == 0, err
        name = out.splitlines()[0].partition("  ")[0]
        reply = email.message_from_bytes((later / name).read_bytes(), policy=email.policy.default)
        assert reply["In-Reply-To"] == message_id
        assert str(reply["Subject"]).endswith(str(sent["Subject"]))
        assert str(reply["Subject"]).startswith("Re")

    def test_a_message_id_of_the_mail_program_records_no_subject(self, umbrella: Path) -> None:
        code, _, err = run(
            "log", str(umbrella), "contact", "--step", "thank_you",
            "--message-id", "<abc@mail.example>", "--at", "2026-10-16T16:30",
        )  # fmt: skip
        assert code == 0, err
        (contact,) = s.load_interview_file(umbrella).history
        assert contact.subject is None  # type: ignore[union-attr]


class TestASecondRoundFileSaysSo:
    """loop8 1: `render` of both rounds' files: the second round's note to Claire says it
    was their second conversation, under a subject of its own."""

    def test_render_both_files(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        first = tmp_path / "initrode.toml"
        first.write_text(INITRODE.replace("Dupont", "Dupond"))
        second = tmp_path / "initrode-r2.toml"
        second.write_text(
            INITRODE.replace("Dupont", "Dupond")
            .replace('id = "a9b651a57ffbd0ac"', 'id = "dd41af69835d130d"')
            .replace("initrode.events.toml", "initrode-r2.events.toml")
            .replace("2026-10-22T09:00:00", "2026-11-19T10:00:00")
            .replace("decision_by = 2026-10-30", 'decision_by = "early next week"')
        )
        code, out, err = run("render", str(first), str(second))
        assert code == 0, err
        notes = [part for part in out.split("=== ") if "(initrode-r2.toml)" in part.split("\n")[0]]
        claire = next(part for part in notes if "thank-you" in part.split("\n")[0])
        assert "deuxième échange" in claire, claire
        code, out, err = run("render", str(second))  # alone, nothing links it to the first
        assert code == 0 and "deuxième" not in out


class TestNewTakesTheLanguage:
    """loop8 6: `followup new` had no language option; a French candidate edited by hand."""

    def test_language_is_written_and_used(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        path = tmp_path / "globex.toml"
        code, _, err = run(
            "new", str(path), "--company", "Globex", "--role", "Data Engineer",
            "--at", "2026-10-20T10:00", "--timezone", "America/New_York",
            "--interviewer", "Ana Ruiz <ana@globex.example>", "--candidate", "Léa Martin",
            "--candidate-timezone", "Australia/Sydney", "--language", "fr",
        )  # fmt: skip
        assert code == 0, err
        found = s.load_interview_file(path)
        assert found.interview.candidate is not None
        assert found.interview.candidate.language == "fr"
        code, out, _ = run("render", str(path))
        assert code == 0 and "Bonjour Ana Ruiz" in out

    def test_an_unknown_language_is_refused(self, tmp_path: Path) -> None:
        path = tmp_path / "x.toml"
        code, _, err = run(
            "new", str(path), "--company", "X", "--role", "Y", "--at", "2026-10-20T10:00",
            "--timezone", "Europe/Paris", "--interviewer", "A B", "--candidate", "C D",
            "--language", "klingon",
        )  # fmt: skip
        assert code != 0 and "klingon" in err and not path.exists()

    def test_the_readme_shows_the_command_line(self) -> None:
        readme = (Path(__file__).resolve().parent.parent / "README.md").read_text()
        try_it = readme.split("## Try it", 1)[1].split("\n## ", 1)[0]
        assert "followup new" in try_it and "--language" in try_it


class TestTheFileKeysPageReadsAsPlainMarkdown:
    """loop8 11: docs/files.md showed `--8<-- "examples/..."` on GitHub: the examples are
    copied into the page, and kept the same as the files."""

    def test_the_copies_are_the_files(self) -> None:
        root = Path(__file__).resolve().parent.parent
        page = (root / "docs" / "files.md").read_text()
        assert "--8<--" not in page
        for name in ("interview.toml", "events.toml", "policy.toml"):
            text = (root / "examples" / name).read_text().rstrip("\n")
            assert f"(`examples/{name}`" in page
            assert f"```toml\n{text}\n```" in page, name

    def test_the_page_says_which_zone_render_shows(self) -> None:
        root = Path(__file__).resolve().parent.parent
        cli = " ".join((root / "docs" / "cli.md").read_text().split())
        assert "render` heads each message with its suggested time on the recipient's clock" in cli
