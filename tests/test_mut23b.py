"""Mutation pass 23 (mut23b): recording and mending the history from the command line.

Each test pins behaviour a user of ``followup log``, ``events``, ``unlog`` and
``rename`` relies on, which the mutants of ``_cli_history`` showed no test told
apart.  The helpers are called directly where they can be (quick: a mutant dies
in milliseconds); click's runner only for the commands' own wiring.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import attrs
import click
import pendulum
import pytest
import tomllib
from click.testing import CliRunner

from followup_rules import _cli_base as base
from followup_rules import _cli_setup as setup
from followup_rules import files
from followup_rules import serialize as s
from followup_rules._cli_base import BadInput
from followup_rules._cli_history import (
    _as_of,
    _as_spelled,
    _channel_of,
    _date,
    _day_or_phrase,
    _draft_subject,
    _draft_subject_with_rounds,
    _drafted,
    _Log,
    _news_after_an_end,
    _one_moment,
    _planned,
    _record,
    _siblings_naming,
    _step,
    _store,
    _why_this_step,
    log_command,
)
from followup_rules.agenda import Standing
from followup_rules.cli import main
from followup_rules.errors import FollowupError, FormatError, InvalidHistory
from followup_rules.events import Contact, Event, Outcome, Reply, Skip, Update
from followup_rules.export import _message_id
from followup_rules.identity import interview_key
from followup_rules.loop import Application
from followup_rules.model import ActionKind, Candidate, Channel, Interview
from followup_rules.policy import Policy
from followup_rules.state import RENAME_ADVICE, STRANGER_ADVICE

from .test_cli_loop12 import APPLICATION

ROOT = Path(__file__).resolve().parent.parent
INTERVIEW = (ROOT / "examples" / "interview.toml").read_text()

ANDES = """\
id = "{stem}"
history = "{stem}.events.toml"
starts_at = {starts}
timezone = "America/Santiago"
company = "{company}"
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
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


def andes_file(
    folder: Path,
    stem: str,
    starts: str,
    *,
    company: str = "Andes Minería SpA",
    role: str = "Analista de Datos",
    extra: str = "",
) -> Path:
    path = folder / f"{stem}.toml"
    text = ANDES.format(stem=stem, starts=starts, company=company, role=role)
    path.write_text(text + extra)
    return path


@pytest.fixture
def acme(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """examples/interview.toml as acme.toml, naming acme.events.toml (not made yet)."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "acme.toml"
    path.write_text('history = "acme.events.toml"\n' + INTERVIEW)
    return path


def options(at: str | None = None, **given: Any) -> dict[str, Any]:
    """What every event command passes `_record` (`_event_options`)."""
    return {"at_text": at, "note": None, "interview_path": None, "policy_path": None, **given}


def reply(
    sender: str | None = None,
) -> Callable[[Interview, pendulum.DateTime, str | None], Event]:
    return lambda _, at, note: Reply(at, sender, note=note)


def check_in(to: str) -> Callable[[Interview, pendulum.DateTime, str | None], Event]:
    return lambda _, at, note: Contact(at, Channel.EMAIL, ActionKind.CHECK_IN, to, note=note)


def history_of(path: Path) -> tuple[Event, ...]:
    return s.load_interview_file(path).history


# -- _store: the interview FILE, or the history FILE with --interview ------------------------


class TestWhichFiles:
    def test_an_interview_file_with_the_history_it_names(self, acme: Path) -> None:
        store = _store("acme.toml", None)
        assert (store.path, store.history_path) == (Path("acme.toml"), Path("acme.events.toml"))

    def test_a_history_file_with_its_interview(self, acme: Path) -> None:
        (acme.parent / "other.toml").write_text("")
        store = _store("other.toml", "acme.toml")
        assert (store.path, store.history_path) == (Path("acme.toml"), Path("other.toml"))

    @pytest.mark.parametrize(
        ("name", "text"),
        [
            ("h.toml", '[[event]]\ntype = "reply"\nat = 2026-07-09T09:00:00-04:00\n'),
            ("h.json", '[{"type": "reply", "at": "2026-07-09T09:00:00-04:00"}]'),
            ("h.toml", ""),
        ],
    )
    def test_a_history_file_alone_is_refused_saying_how(
        self, acme: Path, name: str, text: str
    ) -> None:
        (acme.parent / name).write_text(text)
        with pytest.raises(BadInput) as raised:
            _store(name, None)
        assert raised.value.message == (
            f"{name} is a history file: name its interview with --interview FILE"
        )

    def test_an_interview_with_one_other_key_is_an_interview(self, acme: Path) -> None:
        """Only a file of events alone is a history; one with any other key is read as
        an interview (and said wrong as one, not as a history)."""
        (acme.parent / "h.toml").write_text('id = "x"\n')
        assert _store("h.toml", None).path == Path("h.toml")


# -- log FILE --undo KIND: the group's options move in front ----------------------------------


class TestLogOptionsAfterFile:
    def parsed(self, *args: str) -> tuple[dict[str, Any], list[str]]:
        ctx = click.Context(log_command, info_name="log")
        log_command.parse_args(ctx, list(args))
        return ctx.params, [*ctx._protected_args, *ctx.args]

    def test_undo_and_interview_after_file(self, acme: Path) -> None:
        params, rest = self.parsed("h.toml", "--undo", "--interview", "acme.toml")
        assert params == {"file": "h.toml", "undo": True, "interview_path": "acme.toml"}
        assert rest == []

    def test_interview_with_equals(self, acme: Path) -> None:
        params, rest = self.parsed("h.toml", "--interview=acme.toml", "reply")
        assert params == {"file": "h.toml", "undo": False, "interview_path": "acme.toml"}
        assert rest == ["reply"]

    def test_what_follows_kind_is_kinds_own(self, acme: Path) -> None:
        params, rest = self.parsed(
            "acme.toml", "reply", "--undo", "--interview", "x", "--at", "2026-07-09T09:00"
        )
        assert params == {"file": "acme.toml", "undo": False, "interview_path": None}
        assert rest == ["reply", "--undo", "--interview", "x", "--at", "2026-07-09T09:00"]

    def test_interview_last_without_a_value_is_said(self, acme: Path) -> None:
        ctx = click.Context(log_command, info_name="log")
        with pytest.raises(click.BadParameter, match="File '' does not exist"):
            log_command.parse_args(ctx, ["h.toml", "--interview"])  # never FILE taken for it


# -- --at / --now: one moment ----------------------------------------------------------------


class TestOneMoment:
    def test_none_one_or_the_same_twice(self) -> None:
        ctx = click.Context(main)
        param = click.Option(["--at"])
        assert _one_moment(ctx, param, ()) is None
        assert _one_moment(ctx, param, ("01:30",)) == "01:30"
        assert _one_moment(ctx, param, ("01:30", "01:30")) == "01:30"

    def test_two_moments_are_named(self) -> None:
        with pytest.raises(BadInput) as raised:
            _one_moment(click.Context(main), click.Option(["--at"]), ("01:30", "03:00", "01:30"))
        assert raised.value.message == (
            "--at and --now name one moment here, when it happened, and got '01:30', "
            "'03:00': give it once"
        )

    def test_the_help_of_every_event_option(self) -> None:
        out = run("log", "x.toml", "reply", "--help")[1]
        lines = [" ".join(line.split()) for line in out.splitlines()]
        assert "--at, --now WHEN When it happened (default: now)." in lines
        assert "--note TEXT Your own note; no message quotes it." in lines


# -- _record: what `log KIND` writes and says -----------------------------------------------


class TestRecord:
    def test_recorded_and_said(self, acme: Path, capsys: pytest.CaptureFixture[str]) -> None:
        _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply("bo chen"))
        out, err = capsys.readouterr()
        assert out == ("Recorded in acme.events.toml: a reply from Bo Chen, Thu 9 Jul 09:00\n")
        assert re.fullmatch(
            "followup: note: wrote id = '[0-9a-f]{16}' into acme.toml, "
            "so step ids stay the same when you edit it\n",
            err,
        )
        assert history_of(acme) == (Reply(pendulum.datetime(2026, 7, 9, 13, tz="UTC"), "Bo Chen"),)

    def test_the_same_again_is_already_recorded(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for _ in range(2):
            _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply(), ("why", "so"))
        out, err = capsys.readouterr()
        events = "acme.events.toml"
        assert out.splitlines() == [
            f"Recorded in {events}: a reply, Thu 9 Jul 09:00 (why; so)",
            f"Already recorded in {events} (event 1): a reply, Thu 9 Jul 09:00 (why; so)",
        ]
        assert err.count("wrote id") == 1

    def test_the_build_is_given_the_interview_the_moment_and_the_note(self, acme: Path) -> None:
        given: list[Any] = []

        def build(interview: Interview, at: pendulum.DateTime, note: str | None) -> Event:
            given.append((interview.company, at, note))
            return Reply(at, note=note)

        _record(_Log("acme.toml", None), options("2026-07-09T09:00", note="Friday"), build)
        assert given == [("Acme Analytics", pendulum.datetime(2026, 7, 9, 13, tz="UTC"), "Friday")]
        assert history_of(acme)[0].note == "Friday"

    def test_a_history_file_with_interview_given_either_way(self, acme: Path) -> None:
        _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply())
        events = "acme.events.toml"
        _record(
            _Log(events, None), options("2026-07-10T09:00", interview_path="acme.toml"), reply()
        )
        _record(_Log(events, "acme.toml"), options("2026-07-11T09:00"), reply())
        assert [event.at.day for event in history_of(acme)] == [9, 10, 11]

    def test_now_is_the_clock_to_the_second(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        before = pendulum.now("UTC").replace(microsecond=0)
        _record(_Log("acme.toml", None), options(), reply())
        (event,) = history_of(acme)
        assert event.at.microsecond == 0
        assert before <= event.at <= pendulum.now("UTC")

    def test_a_bad_moment_names_at(self, acme: Path) -> None:
        with pytest.raises(BadInput, match=r"^--at: 'soonish' "):
            _record(_Log("acme.toml", None), options("soonish"), reply())

    def test_after_the_clock_is_refused(self, acme: Path) -> None:
        with pytest.raises(Exception, match="after"):
            _record(_Log("acme.toml", None), options("2099-07-09T09:00"), reply())
        assert not (acme.parent / "acme.events.toml").exists()

    def test_an_hour_the_clocks_skip_is_warned(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        andes_file(tmp_path, "a", "2026-03-23T10:00:00")
        _record(_Log("a.toml", None), options("2026-03-29T01:30"), reply())
        err = capsys.readouterr().err
        assert "followup: warning: --at 2026-03-29T01:30 does not exist in Europe/Dublin" in err
        _record(_Log("a.toml", None), options("2026-03-30T01:30"), reply())
        assert "warning" not in capsys.readouterr().err

    def test_the_files_own_policy_else_the_one_given(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        monkeypatch.chdir(tmp_path)
        (tmp_path / "patient.toml").write_text("min_gap = 20\n")
        andes_file(tmp_path, "a", "2026-03-23T10:00:00")
        andes_file(
            tmp_path,
            "b",
            "2026-03-23T10:00:00",
            company="Pampa Datos SpA",
            extra="[policy]\nmin_gap = 1\n",
        )
        for name in ("a.toml", "b.toml"):
            for day in ("2026-04-02T09:00", "2026-04-08T09:00"):  # 4 business days
                _record(
                    _Log(name, None),
                    options(day, policy_path="patient.toml"),
                    check_in("Catalina Soto"),
                )
            err = capsys.readouterr().err
            pushy = "followup: warning: this oversteps the policy: " in err
            assert pushy is (name == "a.toml"), (name, err)

    def test_the_history_is_checked_under_the_files_policy(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """A skip of the fifth check-in, which only the file's own policy plans, is kept,
        and the next event is recorded after it."""
        acme.write_text(acme.read_text() + "\n[policy]\nmax_check_ins = 5\n")
        at = "2026-07-10T12:00"
        found = s.load_interview_file(acme)
        assert found.policy is not None
        fifth = _step(
            _Log("acme.toml", None),
            options(),
            found.interview,
            "check_in-ana-ruiz-64fde26eb859-5",
            found.policy,
            ny(at),
        )
        _record(_Log("acme.toml", None), options(at), lambda _, at, note: Skip(at, fifth))
        _record(_Log("acme.toml", None), options("2026-07-10T13:00"), reply())
        assert len(history_of(acme)) == 2

    def test_a_step_mistyped_in_the_history_names_the_file(self, acme: Path) -> None:
        (acme.parent / "acme.events.toml").write_text(
            '[[event]]\ntype = "skip"\nat = 2026-07-07T16:00:00-04:00\n'
            'step = "thank_you-bo-chenn"\n'
        )
        with pytest.raises(Exception, match=r"acme\.events\.toml.*\$\.event\[0\]"):
            _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply())


class TestNewsAfterAnEnd:
    AT = pendulum.datetime(2026, 7, 20, 14, tz="UTC")

    def news(self, outcome: Outcome, *history: Event) -> str | None:
        return _news_after_an_end(Update(self.AT, outcome), history)

    def test_news_after_the_last_end_is_told_with_it(self) -> None:
        ended = [
            Update(self.AT.subtract(days=9), Outcome.WITHDRAWN),
            Update(self.AT.subtract(days=4), Outcome.REJECTED),
            Update(self.AT.subtract(days=2), Outcome.UNDECIDED),
        ]
        said = self.news(Outcome.NEXT_ROUND, *ended)
        assert said == (
            "this application ended (rejected, Thu 16 Jul 2026): no check-in is planned "
            "after an offer, a rejection or a withdrawal (rule stop), whatever news comes "
            "later; if the employer reopened the process, follow it up in an interview "
            "file of its own (`followup new`, or a later round's file)"
        )
        assert self.news(Outcome.UNDECIDED, *ended) == said

    def test_no_end_before_it_no_word(self) -> None:
        assert self.news(Outcome.UNDECIDED) is None
        assert self.news(Outcome.UNDECIDED, Update(self.AT, Outcome.REJECTED)) is None
        assert (
            self.news(
                Outcome.UNDECIDED,
                Update(self.AT.subtract(days=1), Outcome.UNDECIDED),
                Reply(self.AT.subtract(days=1)),
            )
            is None
        )
        end = Update(self.AT.subtract(days=1), Outcome.OFFER)
        assert self.news(Outcome.OFFER, end) is None
        assert _news_after_an_end(Reply(self.AT), [end]) is None
        assert self.news(Outcome.UNDECIDED, end) is not None


# -- which step: _as_of, _planned, _step -----------------------------------------------------

NY = "America/New_York"


def ny(text: str) -> pendulum.DateTime:
    moment = pendulum.parse(text, tz=NY)
    assert isinstance(moment, pendulum.DateTime)
    return moment


class TestAsOf:
    def test_the_history_then_with_or_without_that_moment(self, acme: Path) -> None:
        for day in (9, 10, 11):
            _record(_Log("acme.toml", None), options(f"2026-07-{day:02}T09:00"), reply())
        log, at = _Log("acme.toml", None), ny("2026-07-10T09:00")
        assert [event.at.day for event in _as_of(log, options(), at).history] == [9, 10]
        assert [event.at.day for event in _as_of(log, options(), at, before=True).history] == [9]
        assert [event.at.day for event in _as_of(log, options(), at, before=False).history] == [
            9,
            10,
        ]

    def test_a_history_file_with_its_interview_either_way(self, acme: Path) -> None:
        _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply())
        at = ny("2026-07-10T09:00")
        events = "acme.events.toml"
        for log, given in ((_Log(events, None), "acme.toml"), (_Log(events, "acme.toml"), None)):
            application = _as_of(log, options(interview_path=given), at)
            assert application.interview.company == "Acme Analytics"
            assert len(application.history) == 1

    def test_the_policy_given_unless_the_file_has_its_own(self, acme: Path) -> None:
        (acme.parent / "patient.toml").write_text("min_gap = 20\n")
        at, given = ny("2026-07-10T09:00"), options(policy_path="patient.toml")
        assert _as_of(_Log("acme.toml", None), given, at).policy.min_gap == 20
        assert _as_of(_Log("acme.toml", None), options(), at).policy.min_gap == 3
        acme.write_text(acme.read_text() + "\n[policy]\nmin_gap = 7\n")
        assert _as_of(_Log("acme.toml", None), given, at).policy.min_gap == 7


def planned(
    kind: ActionKind | None, to: str | None, channel: str | None, at: str, **given: Any
) -> str | None:
    item = _planned(_Log("acme.toml", None), options(), kind, to, channel, ny(at), **given)
    return None if item is None else item.id.split("-")[0] + "-" + item.id.split("-")[1]


class TestPlanned:
    """Ana's and Bo's thank-yous are due on the morning of Wed 8 July; the three
    check-ins to Ana (the first by phone) come from Thu 16 July."""

    def test_the_first_due(self, acme: Path) -> None:
        assert planned(None, None, None, "2026-07-08T09:00") == "thank_you-ana"

    def test_to_someone_named_in_any_case(self, acme: Path) -> None:
        assert planned(None, "bo chen", None, "2026-07-08T09:00") == "thank_you-bo"
        assert planned(None, "Nobody", None, "2026-07-08T09:00") is None

    def test_of_a_kind_the_soonest_to_come(self, acme: Path) -> None:
        assert planned(ActionKind.CHECK_IN, None, None, "2026-07-08T09:00") == "check_in-ana"
        item = _planned(
            _Log("acme.toml", None),
            options(),
            ActionKind.CHECK_IN,
            None,
            None,
            ny("2026-07-08T09:00"),
        )
        assert item is not None and item.id.startswith("check_in-ana-ruiz-64fde26eb859-1-")
        assert (
            planned(ActionKind.CHECK_IN, None, None, "2026-07-08T09:00", doable_only=True) is None
        )

    def test_by_a_channel(self, acme: Path) -> None:
        item = _planned(
            _Log("acme.toml", None),
            options(),
            ActionKind.CHECK_IN,
            None,
            "email",
            ny("2026-07-08T09:00"),
        )
        assert item is not None and item.id.startswith("check_in-ana-ruiz-64fde26eb859-2-")
        assert item.action.channel is Channel.EMAIL
        assert planned(None, None, "phone", "2026-07-08T09:00") == "check_in-ana"

    def test_the_late_one_overdue_longest(self, acme: Path) -> None:
        assert planned(None, None, None, "2026-07-09T08:00") == "thank_you-ana"

    def test_the_late_debrief_before_the_thank_yous(self, acme: Path) -> None:
        """With a recruiter: on the morning of 8 July the debrief is late, the thank-yous
        due; at 16:00 Ana's thank-you is late too, but the debrief has been late longer."""
        acme_interview(RECRUITER)
        assert planned(None, None, None, "2026-07-08T09:00") == "recruiter_debrief-rita"
        assert planned(None, None, None, "2026-07-08T16:00") == "recruiter_debrief-rita"
        assert planned(ActionKind.THANK_YOU, None, None, "2026-07-08T16:00") == "thank_you-ana"

    def test_the_over_steps_of_the_room_are_never_meant(self, acme: Path) -> None:
        assert planned(ActionKind.ASK_TIMELINE, None, None, "2026-07-09T08:00") is None

    def test_what_was_recorded_at_that_moment_is_left_out(self, acme: Path) -> None:
        """The same command run twice finds the same step (kept once)."""
        to_ana = check_in("Ana Ruiz")
        _record(
            _Log("acme.toml", None),
            options("2026-07-08T09:00"),
            lambda i, at, note: attrs_evolve(to_ana(i, at, note), ActionKind.THANK_YOU),
        )
        assert planned(None, None, None, "2026-07-08T09:00") == "thank_you-ana"
        assert planned(None, None, None, "2026-07-08T09:01") == "thank_you-bo"


def attrs_evolve(event: Event, kind: ActionKind) -> Event:
    return attrs.evolve(event, kind=kind)


class TestStep:
    AT = "2026-07-10T12:00"  # Bo's thank-you is too late now; Ana's is late

    def step(self, given: str, at: str = AT, **flags: bool) -> str:
        found = s.load_interview_file("acme.toml")
        return _step(
            _Log("acme.toml", None), options(), found.interview, given, Policy(), ny(at), **flags
        )

    def test_an_id_or_its_start_the_first_on_the_agenda(self, acme: Path) -> None:
        assert self.step("check_in-ana").startswith("check_in-ana-ruiz-64fde26eb859-1-")
        whole = self.step("check_in-ana-ruiz-64fde26eb859-2")
        assert whole.startswith("check_in-ana-ruiz-64fde26eb859-2-")
        assert self.step(whole) == whole

    def test_a_history_file_with_its_interview(self, acme: Path) -> None:
        _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply())
        found = s.load_interview_file("acme.toml")
        for log, given in (
            (_Log("acme.events.toml", None), "acme.toml"),
            (_Log("acme.events.toml", "acme.toml"), None),
        ):
            step = _step(
                log,
                options(interview_path=given),
                found.interview,
                "check_in",
                Policy(),
                ny(self.AT),
            )
            assert step.startswith("check_in-ana-ruiz-64fde26eb859-1-")

    def test_a_step_skipped_already_is_the_same_skip(self, acme: Path) -> None:
        for given in ("thank_you-ana", "thank_you-bo"):
            at = "2026-07-08T09:00"
            step = self.step(given, at)
            _record(
                _Log("acme.toml", None),
                options(at),
                lambda _, at, note, step=step: Skip(at, step, note=note),
            )
        ana, bo = (event.step for event in history_of(Path("acme.toml")))  # type: ignore[attr-defined]
        assert self.step("thank_you-bo") == bo
        assert self.step("thank_you") == ana
        assert self.step(bo) == bo
        with pytest.raises(BadInput, match="no step still planned"):
            self.step("thank_you-bo", skipping=False)

    def test_a_step_too_late_says_why(self, acme: Path) -> None:
        for skipping, verb in ((True, "skip"), (False, "snooze")):
            with pytest.raises(BadInput) as raised:
                self.step("thank_you-bo", skipping=skipping)
            assert raised.value.message == (
                "thank_you-bo-chen-68d3d79de477-1-b91a48d650769d3f@followup-rules can no longer "
                f"be done (too late to be worth doing): there is nothing to {verb}"
            )
        with pytest.raises(BadInput, match=r"ask_timeline-ana-\S+ can no longer be done \(the "):
            self.step("ask_")

    def test_an_unknown_id_says_where_ids_are_listed(self, acme: Path) -> None:
        with pytest.raises(BadInput) as raised:
            self.step("zzz")
        assert raised.value.message == (
            "no step still planned has an id starting 'zzz': 'followup plan acme.toml --format "
            "json --now 2026-07-10T12:00:00-04:00' lists the id of every step still planned"
        )


class TestDates:
    def test_a_date_or_a_phrase(self) -> None:
        assert _date(" 2026-07-24 ", "--returns-on") == date(2026, 7, 24)
        with pytest.raises(BadInput) as raised:
            _date("Friday", "--returns-on")
        assert raised.value.message == "--returns-on: 'Friday' is not a date like 2026-07-24"
        assert _day_or_phrase(" 2026-07-24 ") == date(2026, 7, 24)
        assert _day_or_phrase(" in two weeks ") == "in two weeks"


# -- the files beside: _with_files_beside, _siblings_naming -----------------------------------


def to_catalina(
    kind: ActionKind, channel: Channel
) -> Callable[[Interview, pendulum.DateTime, str | None], Event]:
    return lambda _, at, note: Contact(at, channel, kind, "Catalina Soto", note=note)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Three roles at Andes (a, b, and c in JSON), one at another employer, and a policy
    file, sorted before them: only the same employer's are the files beside."""
    monkeypatch.chdir(tmp_path)
    andes_file(tmp_path, "andes-a", "2026-03-23T10:00:00")
    andes_file(tmp_path, "andes-b", "2026-03-24T16:00:00", role="Ingeniera de Datos")
    andes_file(tmp_path, "andes-0", "2026-03-24T16:00:00", company="Pampa Datos SpA")
    (tmp_path / "00-policy.toml").write_text("min_gap = 2\n")
    c = {
        "id": "andes-c",
        "history": "andes-c.events.json",
        "starts_at": "2026-03-20T10:00:00",
        "timezone": "America/Santiago",
        "company": "Andes Minería SpA",
        "role": "Geóloga",
        "decision_by": "2026-03-31",
        "interviewers": [{"name": "Catalina Soto", "email": "catalina@andes.example"}],
        "candidate": {
            "name": "Aoife Byrne",
            "email": "aoife@example.ie",
            "timezone": "Europe/Dublin",
        },
    }
    (tmp_path / "andes-c.json").write_text(json.dumps(c))
    _record(
        _Log("andes-a.toml", None),
        options("2026-03-23T16:05"),
        to_catalina(ActionKind.THANK_YOU, Channel.EMAIL),
    )
    _record(
        _Log("andes-a.toml", None),
        options("2026-04-01T14:10"),
        to_catalina(ActionKind.CHECK_IN, Channel.PHONE),
    )
    _record(
        _Log("andes-b.toml", None),
        options("2026-03-25T11:06"),
        to_catalina(ActionKind.THANK_YOU, Channel.EMAIL),
    )
    return tmp_path


class TestTheFilesBeside:
    def logged(self, capsys: pytest.CaptureFixture[str], at: str, build: Any) -> list[str]:
        capsys.readouterr()
        _record(_Log("andes-b.toml", None), options(at), build)
        return capsys.readouterr().err.splitlines()

    def test_warned_once_naming_every_file_beside(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check_in = to_catalina(ActionKind.CHECK_IN, Channel.EMAIL)
        assert self.logged(capsys, "2026-04-02T13:00", check_in) == [
            "followup: warning: this oversteps the policy, with andes-a.toml, andes-c.json "
            "beside it: [retry-gap] only 1 business day after a follow-up to the same person "
            "at this employer in another application on 2026-04-01; the policy asks for 3"
        ]
        # what oversteps alone is said alone; the warning of 2 April is not said again
        assert self.logged(capsys, "2026-04-03T13:00", check_in) == [
            "followup: warning: this oversteps the policy: [retry-gap] only 1 business day "
            "after the last exchange on 2026-04-02; the policy asks for 3"
        ]
        assert self.logged(capsys, "2026-04-06T13:00", reply()) == []

    def test_a_gap_kept_is_no_warning(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        check_in = to_catalina(ActionKind.CHECK_IN, Channel.EMAIL)
        assert self.logged(capsys, "2026-04-08T13:00", check_in) == []

    def test_under_the_policy_given(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "patient.toml").write_text("min_gap = 6\n")
        capsys.readouterr()
        _record(
            _Log("andes-b.toml", None),
            options("2026-04-08T13:00", policy_path="patient.toml"),
            to_catalina(ActionKind.CHECK_IN, Channel.EMAIL),
        )
        assert capsys.readouterr().err.splitlines() == [
            "followup: warning: this oversteps the policy, with andes-a.toml, andes-c.json "
            "beside it: [retry-gap] only 5 business days after a follow-up to the same person "
            "at this employer in another application on 2026-04-01; the policy asks for 6"
        ]

    def test_what_oversteps_alone_under_the_policy_given_is_said_once(
        self, folder: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (folder / "patient.toml").write_text("min_gap = 6\n")
        check_in = to_catalina(ActionKind.CHECK_IN, Channel.EMAIL)
        for at in ("2026-04-02T13:00", "2026-04-08T13:00"):
            capsys.readouterr()
            _record(_Log("andes-b.toml", None), options(at, policy_path="patient.toml"), check_in)
        assert capsys.readouterr().err.splitlines() == [
            "followup: warning: this oversteps the policy: [retry-gap] only 4 business days "
            "after the last exchange on 2026-04-02; the policy asks for 6"
        ]

    def test_the_others_own_policy(self, folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
        for name in ("andes-a.toml", "andes-c.json"):
            path = folder / name
            if name.endswith(".toml"):
                path.write_text(path.read_text() + "\n[policy]\nmin_gap = 1\n")
            else:
                data = json.loads(path.read_text())
                path.write_text(json.dumps({**data, "policy": {"min_gap": 1}}))
        check_in = to_catalina(ActionKind.CHECK_IN, Channel.EMAIL)
        (line,) = self.logged(capsys, "2026-04-02T13:00", check_in)
        assert "beside it: [retry-gap]" in line  # this file's policy: 3 days

    def test_a_file_alone_has_none_beside(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for day in ("2026-07-17T10:00", "2026-07-20T10:00"):
            _record(_Log("acme.toml", None), options(day), check_in("Ana Ruiz"))
        err = capsys.readouterr().err
        assert "oversteps the policy: [retry-gap]" in err
        assert "beside" not in err


class TestSiblingsNaming:
    def test_the_same_employers_files_naming_them(self, folder: Path) -> None:
        (folder / "andes-d.toml").write_text(
            (folder / "andes-b.toml")
            .read_text()
            .replace("Catalina Soto", "Mateo Rojas")
            .replace('"andes-b', '"andes-d')
        )
        # b's history no longer fits its interview: b is still read, as `rename` reads it
        (folder / "andes-b.events.toml").write_text(
            '[[event]]\ntype = "reply"\nat = 2026-03-26T09:00:00Z\nsender = "Zed Nobody"\n'
        )
        assert _siblings_naming("andes-a.toml", "catalina SOTO", ["andes-a.toml"]) == [
            "andes-b.toml"
        ]
        assert _siblings_naming("andes-b.toml", "Catalina Soto", ["andes-b.toml"]) == [
            "andes-a.toml"
        ]
        assert (
            _siblings_naming("andes-a.toml", "Catalina Soto", ["andes-a.toml", "andes-b.toml"])
            == []
        )
        assert _siblings_naming("andes-a.toml", "Mateo Rojas", ["andes-a.toml"]) == [
            "andes-d.toml"
        ]

    def test_a_recruiter_is_named_too(self, folder: Path) -> None:
        b = folder / "andes-b.toml"
        b.write_text(b.read_text() + '\n[recruiter]\nname = "Rita Cole"\n')
        assert _siblings_naming("andes-a.toml", "Rita Cole", ["andes-a.toml"]) == ["andes-b.toml"]
        assert _siblings_naming("andes-a.toml", "Nobody", ["andes-a.toml"]) == []


# -- _as_spelled, _why_this_step, _channel_of, the drafts -------------------------------------

RECRUITER = (
    '\n[recruiter]\nname = "Rita Cole"\nemail = "rita@acme.example"\nphone = "+1 212 555 0100"\n'
)


def acme_interview(extra: str = "") -> Interview:
    path = Path("acme.toml")
    path.write_text(path.read_text() + extra)
    return s.load_interview_file(path).interview


class TestAsSpelled:
    def test_the_interviews_spelling(self, acme: Path) -> None:
        interview = acme_interview(RECRUITER)
        at = ny("2026-07-09T09:00")
        spelled = [
            _as_spelled(Contact(at, Channel.EMAIL, ActionKind.CHECK_IN, "ana ruiz"), interview),
            _as_spelled(Contact(at, Channel.EMAIL, ActionKind.CHECK_IN, "RITA COLE"), interview),
            _as_spelled(Reply(at, "bo chen"), interview),
            _as_spelled(Reply(at, "rita cole"), interview),
            _as_spelled(Reply(at, "Someone Else"), interview),
            _as_spelled(Reply(at), interview),
        ]
        assert [getattr(e, "recipient", None) or getattr(e, "sender", None) for e in spelled] == [
            "Ana Ruiz",
            "Rita Cole",
            "Bo Chen",
            "Rita Cole",
            "Someone Else",
            None,
        ]

    def test_without_a_recruiter(self, acme: Path) -> None:
        interview = acme_interview()
        at = ny("2026-07-09T09:00")
        assert _as_spelled(Reply(at, "rita cole"), interview) == Reply(at, "rita cole")


class TestWhyThisStep:
    def item(self, at: str, kind: ActionKind) -> Any:
        return _planned(_Log("acme.toml", None), options(), kind, None, None, ny(at))

    def test_each_reason(self, acme: Path) -> None:
        interview = acme_interview()
        assert _why_this_step(None, interview) == (
            "no step was due then: a check-in; --step names another"
        )
        due = self.item("2026-07-08T09:00", ActionKind.THANK_YOU)
        assert _why_this_step(due, interview) == "the step due then; --step names another"
        coming = self.item("2026-07-08T09:00", ActionKind.CHECK_IN)
        assert _why_this_step(coming, interview) == (
            "no step was due then: the next one planned, for Thu 16 Jul; --step names another"
        )
        late_not_now = self.item("2026-07-08T22:00", ActionKind.THANK_YOU)
        assert late_not_now.standing is Standing.LATE and not late_not_now.to_do
        assert _why_this_step(late_not_now, interview).startswith(
            "no step was due then: the next one planned, for "
        )


class TestWhyThisStepInTheCandidatesZone:
    def test_the_day_as_the_candidate_counts_it(self, acme: Path) -> None:
        """Ana's first check-in, Thu 16 July 10:00 in New York, is Friday 17 in Auckland."""
        interview = acme_interview('timezone = "Pacific/Auckland"\n')
        coming = _planned(
            _Log("acme.toml", None),
            options(),
            ActionKind.CHECK_IN,
            None,
            None,
            ny("2026-07-08T09:00"),
        )
        assert _why_this_step(coming, interview) == (
            "no step was due then: the next one planned, for Fri 17 Jul; --step names another"
        )


class TestChannelOf:
    def test_as_the_plan_would_do_it(self, acme: Path) -> None:
        bare = acme_interview()
        with_phone = acme_interview(RECRUITER)
        assert _channel_of(ActionKind.ASK_TIMELINE, with_phone) is Channel.IN_PERSON
        assert _channel_of(ActionKind.RECRUITER_DEBRIEF, with_phone) is Channel.PHONE
        assert _channel_of(ActionKind.RECRUITER_DEBRIEF, bare) is Channel.EMAIL
        assert _channel_of(ActionKind.CHECK_IN, with_phone) is Channel.EMAIL
        Path("acme.toml").write_text(
            Path("acme.toml").read_text().replace('phone = "+1 212 555 0100"\n', "")
        )
        without = s.load_interview_file("acme.toml").interview
        assert _channel_of(ActionKind.RECRUITER_DEBRIEF, without) is Channel.EMAIL


class TestDrafted:
    AT = "2026-07-08T09:00"

    def message_id(self, prefix: str) -> tuple[str, str]:
        application = _as_of(_Log("acme.toml", None), options(), ny(self.AT))
        agenda = application.agenda(ny(self.AT))
        item = next(item for item in agenda if item.id.startswith(prefix))
        return item.id, _message_id(item.id, item.action, application.interview)

    def drafted(self, message_id: str) -> str | None:
        item = _drafted(_Log("acme.toml", None), options(), ny(self.AT), message_id)
        return None if item is None else item.id

    def test_the_step_whose_draft_carries_it(self, acme: Path) -> None:
        for prefix in ("thank_you-bo", "check_in-ana-ruiz-64fde26eb859-3"):
            step, message_id = self.message_id(prefix)
            assert self.drafted(f" {message_id} ") == step
        assert self.drafted("<made-by-the-mail-program@example.com>") is None
        _, in_the_room = self.message_id("ask_timeline")
        assert self.drafted(in_the_room) is None  # no e-mail: no draft

    def test_sent_then_it_is_still_that_step(self, acme: Path) -> None:
        step, message_id = self.message_id("thank_you-ana")
        _record(
            _Log("acme.toml", None),
            options(self.AT),
            lambda _, at, note: Contact(
                at, Channel.EMAIL, ActionKind.THANK_YOU, "Ana Ruiz", message_id=message_id
            ),
        )
        assert self.drafted(message_id) == step

    def test_the_subject_in_the_candidates_language(self, acme: Path) -> None:
        interview = acme_interview()
        item = _planned(
            _Log("acme.toml", None), options(), ActionKind.THANK_YOU, "Ana Ruiz", None, ny(self.AT)
        )
        assert item is not None
        assert (
            _draft_subject(item, interview)
            == "Thank you: Data Engineer interview at Acme Analytics"
        )
        french = acme_interview('language = "fr"\n')
        assert _draft_subject(item, french) == (
            "Remerciements \u2013 entretien chez Acme Analytics, poste de Data Engineer"
        )


class TestDraftSubjectWithRounds:
    """Three rounds at Thames, Oliver in each; round 1 kept in JSON (its history no longer
    fits it), another employer's file and a policy file beside them."""

    AT = "2026-03-11T08:00"  # the morning after round 2

    @pytest.fixture
    def rounds(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
        monkeypatch.chdir(tmp_path)
        for stem, starts, other in (
            ("r1", "2026-03-03T09:30:00", "Ada Lowe"),
            ("r2", "2026-03-10T09:30:00", "Priya Shah"),
            ("r3", "2026-03-17T09:30:00", "Ada Lowe"),
        ):
            text = APPLICATION.format(
                stem=stem, role="Data Engineer", starts=starts, other=other, language="en"
            ).replace("2026-03-13", "2026-03-27")
            if stem == "r1":
                data = tomllib.loads(text)
                data["starts_at"] = data["starts_at"].isoformat()
                data["decision_by"] = data["decision_by"].isoformat()
                (tmp_path / "r1.json").write_text(json.dumps(data))
            else:
                (tmp_path / f"{stem}.toml").write_text(text)
        (tmp_path / "r0.toml").write_text(
            (tmp_path / "r2.toml").read_text().replace("Thames Analytics Ltd", "Severn Data Ltd")
        )
        (tmp_path / "00-policy.toml").write_text("min_gap = 2\n")
        (tmp_path / "r1.events.toml").write_text(
            '[[event]]\ntype = "reply"\nat = 2026-03-04T09:00:00Z\nsender = "Zed Nobody"\n'
        )
        return tmp_path

    def subject(self, log: _Log, **given: Any) -> str | None:
        at = pendulum.parse(self.AT, tz="Australia/Lord_Howe")
        assert isinstance(at, pendulum.DateTime)
        item = _planned(log, options(**given), ActionKind.THANK_YOU, "Oliver Grant", None, at)
        assert item is not None
        return _draft_subject_with_rounds(log, options(**given), at, item)

    def test_a_later_rounds_note_has_a_subject_of_its_own(self, rounds: Path) -> None:
        second = "Thank you for the Data Engineer interview at Thames Analytics"
        assert self.subject(_Log("r2.toml", None)) == second
        # recorded at that very moment, it is still the note drafted just before
        _record(
            _Log("r2.toml", None),
            options(self.AT),
            lambda _, at, note: Contact(at, Channel.EMAIL, ActionKind.THANK_YOU, "Oliver Grant"),
        )
        assert self.subject(_Log("r2.toml", None)) == second
        assert self.subject(_Log("r2.events.toml", "r2.toml")) == second
        assert self.subject(_Log("r2.events.toml", None), interview_path="r2.toml") == second

    def test_a_history_kept_in_another_folder(self, rounds: Path) -> None:
        """The files beside are the interview's, wherever its history is kept."""
        (rounds / "hist").mkdir()
        (rounds / "hist" / "r2.events.toml").write_text("")
        second = "Thank you for the Data Engineer interview at Thames Analytics"
        assert self.subject(_Log("hist/r2.events.toml", None), interview_path="r2.toml") == second
        assert self.subject(_Log("hist/r2.events.toml", "r2.toml")) == second

    def test_none_when_the_files_beside_change_nothing(self, rounds: Path) -> None:
        (rounds / "r1.json").unlink()
        (rounds / "r3.toml").unlink()
        assert self.subject(_Log("r2.toml", None)) is None


class TestAWeekReadOnThePolicysCountry:
    """ "by the end of the week", said on Mon 13 July: Friday 17 on the default week,
    Thursday 16 in Israel (a Sunday-to-Thursday week)."""

    def news(self) -> Callable[[Interview, pendulum.DateTime, str | None], Event]:
        return lambda _, at, note: Update(at, Outcome.UNDECIDED, "by the end of the week")

    def test_log_says_the_day_the_policy_reads(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        (acme.parent / "il.toml").write_text('holidays = "IL"\n')
        _record(
            _Log("acme.toml", None),
            options("2026-07-13T09:00", policy_path="il.toml"),
            self.news(),
        )
        assert capsys.readouterr().out == (
            "Recorded in acme.events.toml: undecided, new date 2026-07-16, Mon 13 Jul 09:00\n"
        )

    def test_undo_unlog_and_events_say_it_as_log_did(self, acme: Path) -> None:
        """The file's own policy: every command says the same day (`log --undo` and
        `unlog` said Friday 17, the default week's, where `log` and `events` said 16)."""
        acme.write_text(acme.read_text() + '\n[policy]\nholidays = "IL"\n')
        said = "undecided, new date 2026-07-16, Mon 13 Jul 09:00"
        for undo in (("log", "acme.toml", "--undo"), ("unlog", "acme.toml", "1")):
            _record(_Log("acme.toml", None), options("2026-07-13T09:00"), self.news())
            assert run("events", "acme.toml")[1] == f"  1  {said}\n"
            code, out, _ = run(*undo)
            assert code == 0
            assert out.endswith(f" {said}\n"), out


class TestEveryEventTakesTheSameOptions:
    """--at (or --now), --note, --interview and --policy, on the command line."""

    def test_now_note_and_policy(self, acme: Path) -> None:
        (acme.parent / "il.toml").write_text('holidays = "IL"\n')
        code, out, err = run(
            "log",
            "acme.toml",
            "update",
            "--outcome",
            "undecided",
            "--decision-by",
            "by the end of the week",
            "--now",
            "2026-07-13T09:00",
            "--policy",
            "il.toml",
            "--note",
            "call Friday",
        )
        assert (code, out) == (
            0,
            "Recorded in acme.events.toml: undecided, new date 2026-07-16, Mon 13 Jul 09:00 "
            "(call Friday)\n",
        ), err

    def test_a_history_file_with_interview(self, acme: Path) -> None:
        run("log", "acme.toml", "reply", "--at", "2026-07-09T09:00")
        code, out, _ = run(
            "log",
            "acme.events.toml",
            "reply",
            "--interview",
            "acme.toml",
            "--at",
            "2026-07-10T09:00",
        )
        assert (code, out) == (0, "Recorded in acme.events.toml: a reply, Fri 10 Jul 09:00\n")


# == _cli_base: the command line's shared parts ================================================


class TestOneLineOnStderr:
    def test_error_warning_note(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exited:
            base._fail("no such file")
        assert exited.value.code == 2
        base._warn("late")
        base._note("wrote id")
        BadInput("bad moment").show()
        assert capsys.readouterr() == (
            "",
            "followup: error: no such file\nfollowup: warning: late\nfollowup: note: wrote id\n"
            "followup: error: bad moment\n",
        )

    def test_the_librarys_advice_names_the_command(self) -> None:
        said = base._for_the_command_line(f"x; {RENAME_ADVICE}; {STRANGER_ADVICE}.")
        assert said == (
            f"x; {RENAME_ADVICE} with 'followup rename FILE OLD NEW'; news from someone not "
            "on it is logged as 'update' without --from (--outcome undecided when they said "
            "no more), naming nobody."
        )

    def test_a_file_named_as_typed(self) -> None:
        error = FormatError("/abs/acme.toml", "$.role", "expected a string", 3)
        error.file = "acme.toml"  # type: ignore[misc]
        assert base._with_path(error).startswith("acme.toml: ")
        plain = FollowupError("acme.toml: nothing")
        assert base._with_path(plain) == "acme.toml: nothing"

    def test_usage_errors_are_one_line_naming_the_command(self) -> None:
        code, out, err = run("log", "--bogus")
        assert (code, out) == (2, "")
        assert err == "followup: error: followup log: No such option '--bogus'.\n"
        code, _, err = run("events")
        assert code == 2
        assert err == "followup: error: followup events: Missing argument 'FILE'.\n"
        code, _, err = run("bogus")
        assert err == "followup: error: followup: No such command 'bogus'.\n"

    def test_followup_alone_shows_the_help(self) -> None:
        code, out, err = run()
        assert code in (0, 2) and "Usage: " in out + err
        assert "followup: error" not in err

    def test_one_line_without_a_context(self) -> None:
        error = base._one_line(click.UsageError("Got  two\nlines"))
        assert isinstance(error, BadInput)
        assert error.message == "followup: Got two lines"


class TestTheClockAndMoments:
    def test_the_clock_is_utc(self) -> None:
        assert base._clock().timezone_name == "UTC"

    def test_a_moment_read_for_each_interview(self, acme: Path) -> None:
        interview = acme_interview()
        when = base.read_when("2026-07-09T09:00")
        assert when.at(interview) == pendulum.datetime(2026, 7, 9, 13, tz="UTC")
        clock = pendulum.datetime(2026, 7, 9, 20, tz="UTC")
        assert base.When("tomorrow", clock).at(interview).day == 10

    def test_a_bad_moment_names_its_option(self) -> None:
        with pytest.raises(BadInput) as raised:
            base.read_when("soonish")
        assert raised.value.message.startswith("--now: 'soonish' is not 'now', 'today',")
        with pytest.raises(BadInput, match=r"^--until: 'soonish' is not 'now'"):
            base.read_when("soonish", "--until")
        with pytest.raises(BadInput, match=r"^--now: 'soonish' "):
            base._parse_when("soonish")
        with pytest.raises(BadInput, match=r"^--at: 'x: y' "):
            base._parse_when("x: y", "--at")
        assert base._parse_when(None) is None
        parsed = base._parse_when("2026-07-09T09:00", "--at")
        assert parsed is not None and parsed.text == "2026-07-09T09:00"

    def test_a_moment_with_a_colon_and_space_is_said_whole(self) -> None:
        """`--now "monday: 9"` was refused as "--now: 'monday: 9' 9': is not 'now', ...":
        the problem was cut from the error's text at its first ": ", inside the value."""
        with pytest.raises(BadInput) as raised:
            base.read_when("monday: 9")
        assert raised.value.message == (
            "--now: 'monday: 9' is not 'now', 'today', 'yesterday', 'tomorrow', a local date "
            "or time like 2026-07-16T09:00, or ISO 8601 with an offset like "
            "2026-07-16T09:00-04:00"
        )

    def test_on_the_command_line_too(self, acme: Path) -> None:
        code, _, err = run("today", "acme.toml", "--now", "a: b: c")
        assert (code, err) == (
            2,
            "followup: error: --now: 'a: b: c' is not 'now', 'today', 'yesterday', 'tomorrow', "
            "a local date or time like 2026-07-16T09:00, or ISO 8601 with an offset like "
            "2026-07-16T09:00-04:00\n",
        )

    def test_an_hour_the_clocks_skip(self, acme: Path) -> None:
        interview = acme_interview()  # New York: 2:00 to 3:00 on 8 March 2026 is skipped
        assert base.read_when("2026-03-08T02:30").skipped(interview) == (
            "--at 2026-03-08T02:30 does not exist in America/New_York (the clocks skip that "
            "hour): read as 2026-03-08 03:30 EDT"
        )
        assert base.read_when(" 2026-03-08T02:30 ").skipped(interview, "--now") == (
            "--now 2026-03-08T02:30 does not exist in America/New_York (the clocks skip that "
            "hour): read as 2026-03-08 03:30 EDT"
        )
        assert base.read_when("2026-03-08T03:30").skipped(interview) is None
        assert base.read_when("2026-03-08T02:30-05:00").skipped(interview) is None
        assert base.read_when("tomorrow").skipped(interview) is None

    def test_as_written_keeps_the_offset_given(self, acme: Path) -> None:
        interview = acme_interview()
        written = base.read_when(" 2026-07-09T09:00+02:00 ").as_written(interview)
        assert written.utcoffset() == timedelta(hours=2) and written.hour == 9
        local = base.read_when("2026-07-09T09:00").as_written(interview)
        assert local.timezone_name == "America/New_York" and local.hour == 9
        assert base.read_when("today").as_written(interview) == base.read_when("today").at(
            interview
        )


class TestLoading:
    def test_history_goes_with_one_file(self, acme: Path) -> None:
        with pytest.raises(BadInput) as raised:
            base._load_files(["acme.toml", "acme.toml"], "h.toml")
        assert raised.value.message == (
            "--history goes with one interview file; several files keep their own"
        )
        _record(_Log("acme.toml", None), options("2026-07-09T09:00"), reply())
        (acme.parent / "empty.toml").write_text("")
        (one,) = base._load_files(["acme.toml"], "empty.toml")
        assert one.history == () and one.history_path == Path("empty.toml")
        both = base._load_files(["acme.toml", "acme.toml"], None)
        assert [len(each.history) for each in both] == [1, 1]

    def test_a_policy_file_or_the_consensus(self, tmp_path: Path) -> None:
        (tmp_path / "p.toml").write_text("min_gap = 9\n")
        assert base._load_policy(str(tmp_path / "p.toml")).min_gap == 9
        assert base._load_policy(None) == Policy()
        assert base._load_policy("") == Policy()

    def test_an_application_as_of_a_moment(
        self, acme: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        for day in ("09", "10", "11"):
            _record(_Log("acme.toml", None), options(f"2026-07-{day}T09:00"), reply())
        capsys.readouterr()
        (each,) = base._load_files(["acme.toml"], None)
        whole = base._application(each, Policy(min_gap=9))
        assert (len(whole.history), whole.policy.min_gap, whole.name) == (3, 9, "acme.toml")
        assert capsys.readouterr().err == ""
        then = base._application(each, Policy(), as_of=ny("2026-07-10T09:00"))
        assert len(then.history) == 2
        assert capsys.readouterr().err == (
            "followup: note: acme.toml: 1 event recorded after 2026-07-10T09:00:00-04:00 left "
            "out (the plan as it stood then)\n"
        )
        base._application(each, Policy(), as_of=ny("2026-07-09T08:00"))
        assert "3 events recorded after" in capsys.readouterr().err
        acme.write_text(acme.read_text() + "\n[policy]\nmin_gap = 7\n")
        (own,) = base._load_files(["acme.toml"], None)
        assert base._application(own, Policy(min_gap=9)).policy.min_gap == 7


class TestCheckSteps:
    """A skip naming a step not planned (its number mistyped by hand): the history file,
    the entry, the event as `followup events` numbers it, and how to mend it."""

    def refused(self, acme: Path) -> FormatError:
        each = files.HistoryFile("acme.toml").read(check=False)
        with pytest.raises(FormatError) as raised:
            base._application(each, Policy())
        return raised.value

    def test_in_a_toml_history(self, acme: Path) -> None:
        (acme.parent / "acme.events.toml").write_text(
            '[[event]]\ntype = "reply"\nat = 2026-07-07T15:00:00-04:00\n\n'
            '[[event]]\ntype = "skip"\nat = 2026-07-07T16:00:00-04:00\n'
            'step = "thank_you-bo-chenn"\n'
        )
        error = self.refused(acme)
        assert str(error).startswith("acme.events.toml: $.event[1].step: is not a step of ")
        assert error.problem.endswith(
            "; mend it here, or remove it: it is event 2 of `followup events`, and "
            "`followup unlog FILE 2` removes it"
        )
        assert error.value == "thank_you-bo-chenn"

    def test_in_a_json_history(self, acme: Path) -> None:
        acme.write_text(acme.read_text().replace("acme.events.toml", "acme.events.json"))
        (acme.parent / "acme.events.json").write_text(
            json.dumps(
                [{"type": "skip", "at": "2026-07-07T16:00:00-04:00", "step": "thank_you-bo-chenn"}]
            )
        )
        error = self.refused(acme)
        assert str(error).startswith("acme.events.json: $[0].step: is not a step of ")
        assert "it is event 1 of `followup events`" in error.problem

    def test_another_error_is_raised_as_it_is(self) -> None:
        class Broken:
            history = ()

            def plan(self) -> None:
                raise InvalidHistory("history", None, "no")

        with pytest.raises(InvalidHistory):
            base._check_steps(Broken(), None)  # type: ignore[arg-type]

    def test_an_event_not_in_the_files_history(self, acme: Path) -> None:
        """An event the application holds but the file does not: raised as it is."""
        (each,) = base._load_files(["acme.toml"], None)
        skip = Skip(ny("2026-07-07T16:00"), "thank_you-bo-chenn")
        application = Application(each.interview, (skip,), Policy())
        with pytest.raises(InvalidHistory) as raised:
            base._check_steps(application, each)
        assert raised.value.field == "history[0].step"


class TestHistoriesAmongTheFiles:
    def test_the_histories_they_name(self, acme: Path) -> None:
        folder = acme.parent
        (folder / "broken.toml").write_text("= nonsense")
        (folder / "list.json").write_text("[]")
        (folder / "blank.toml").write_text('history = "  "\n')
        named = base._named_histories(["broken.toml", "list.json", "blank.toml", "acme.toml"])
        assert named == {
            (folder / "acme.events.toml").resolve(),
            (folder / "broken.events.toml").resolve(),
        }

    def test_a_glob_keeps_the_interviews(self, acme: Path) -> None:
        (acme.parent / "acme.events.toml").write_text("")
        ctx, param = click.Context(main), click.Argument(["x"])
        assert base._interview_files(ctx, param, ("acme.toml", "acme.events.toml")) == (
            "acme.toml",
        )
        assert base._interview_files(ctx, param, ("acme.events.toml",)) == ("acme.events.toml",)
        (acme.parent / "other.toml").write_text('history = "acme.toml"\n')
        both = ("acme.toml", "other.toml")
        assert base._interview_files(ctx, param, both) == ("other.toml",)
        assert base._interview_files(ctx, param, ("acme.events.toml", "acme.toml")) == (
            "acme.toml",
        )


class TestDetails:
    def test_key_value_pairs(self) -> None:
        assert base._details(["fit=six years = of Kafka", "x="]) == {
            "fit": "six years = of Kafka",
            "x": "",
        }
        for bad in ("fit", "2x=y", "=y"):
            with pytest.raises(BadInput) as raised:
                base._details([bad])
            assert raised.value.message == f"--detail: {bad!r} is not KEY=VALUE"


class TestProgress:
    def test_a_long_batch_on_a_terminal_shows_a_bar(self, monkeypatch: pytest.MonkeyPatch) -> None:
        from rich.console import Console

        seen: dict[str, Any] = {}

        def track(items: Any, **given: Any) -> Any:
            seen.update(given)
            yield from items

        monkeypatch.setattr("rich.progress.track", track)
        terminal = Console(stderr=True, force_terminal=True)
        monkeypatch.setattr(base, "_stderr_console", lambda: terminal)
        items = list(range(base.PROGRESS_FROM))
        assert list(base._progress(items[:-1], "Reading")) == items[:-1]
        assert seen == {}
        assert list(base._progress(items, "Reading")) == items
        assert seen == {"description": "Reading", "console": terminal, "transient": True}

    def test_reading_and_planning_many_files_say_so(
        self, acme: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        from rich.console import Console

        said: list[str] = []

        def track(items: Any, **given: Any) -> Any:
            said.append(given["description"])
            yield from items

        monkeypatch.setattr("rich.progress.track", track)
        terminal = Console(stderr=True, force_terminal=True)
        monkeypatch.setattr(base, "_stderr_console", lambda: terminal)
        loaded = base._load_files(["acme.toml"] * base.PROGRESS_FROM, None)
        base._applications(loaded, Policy(), None)
        assert said == ["Reading", "Planning"]

    def test_not_on_a_terminal(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr("rich.progress.track", None)
        assert list(base._progress(list(range(50)), "Reading")) == list(range(50))
        console = base._stderr_console()
        assert console.stderr is True


class TestApplications:
    """The trial's Thames files (loop12): two roles, Oliver Grant the contact of both."""

    @pytest.fixture
    def thames(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Any]:
        monkeypatch.chdir(tmp_path)
        for stem, role, starts, other in (
            ("thames-data", "Data Engineer", "2026-03-03T09:30:00", "Ada Lowe"),
            ("thames-ml", "ML Engineer", "2026-03-05T14:00:00", "Priya Shah"),
        ):
            text = APPLICATION.format(
                stem=stem, role=role, starts=starts, other=other, language="en"
            )
            (tmp_path / f"{stem}.toml").write_text(text)
        return base._load_files(["thames-data.toml", "thames-ml.toml"], None)

    def check_ins(self, plans: list[Any]) -> list[list[str]]:
        return [
            [f"{action.suggested:%m-%d}" for action in plan if action.kind is ActionKind.CHECK_IN]
            for _, plan in plans
        ]

    def test_seen_from_a_moment_each_in_its_own_zone(self, thames: list[Any]) -> None:
        _record(_Log("thames-ml.toml", None), options("2026-03-06T09:00"), reply())
        loaded = base._load_files(["thames-data.toml", "thames-ml.toml"], None)
        when = base.read_when("2026-03-05T20:00")
        found = base._applications(loaded, Policy(min_gap=4), when)
        assert [each for each, _, _ in found] == loaded
        assert [now for _, _, now in found] == [when.at(each.interview) for each in loaded]
        assert [app.policy.min_gap for _, app, _ in found] == [4, 4]
        assert [len(app.history) for _, app, _ in found] == [0, 0]  # the reply came later
        whole = base._applications(loaded, Policy(), None)
        assert [now for _, _, now in whole] == [None, None]
        assert [len(app.history) for _, app, _ in whole] == [0, 1]

    def test_late_check_ins_are_kept_apart_from_now(self, thames: list[Any]) -> None:
        """On 30 March every check-in of the data role is late, planned again from then: the
        ML role's keep their gap from those (never two to Oliver on one morning)."""
        plans = base._plans(thames, Policy(), base.read_when("2026-03-30T09:00"))
        assert self.check_ins(plans) == [["03-30", "04-02", "04-07"], ["04-10", "04-15", "04-20"]]
        assert self.check_ins(base._plans(thames, Policy(), None)) == [
            ["03-16", "03-19", "03-24"],
            ["03-27", "04-01", "04-06"],
        ]

    def test_planned_under_the_policy_given(self, thames: list[Any]) -> None:
        plans = base._plans(thames, Policy(max_check_ins=1), None)
        assert [len(each) for each in self.check_ins(plans)] == [1, 1]

    def test_a_later_round_says_so(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)
        for stem, starts in (("r1", "2026-03-03T09:30:00"), ("r2", "2026-03-10T09:30:00")):
            text = APPLICATION.format(
                stem=stem, role="Data Engineer", starts=starts, other="Ada Lowe", language="en"
            )
            (tmp_path / f"{stem}.toml").write_text(text)
        loaded = base._load_files(["r1.toml", "r2.toml"], None)
        found = base._applications(loaded, Policy(), None)
        assert [bool(app.met_before) for _, app, _ in found] == [False, True]


# == _cli_setup: `followup new` ================================================================


class TestNewPerson:
    def test_a_name_with_or_without_its_address(self) -> None:
        assert setup._person("Ana Ruiz <ana@acme.example>") == ("Ana Ruiz", "ana@acme.example")
        assert setup._person("  Ana Ruiz  <  ana@acme.example > ") == (
            "Ana Ruiz",
            "ana@acme.example",
        )
        assert setup._person("  Bo Chen ") == ("Bo Chen", None)
        assert setup._person("Bo Chen <  >") == ("Bo Chen", None)
        assert setup._person("Bo <Chen> <x>") == ("Bo <Chen> <x>", None)


class TestNewAsksTheRest:
    def ask(
        self,
        monkeypatch: pytest.MonkeyPatch,
        given: dict[str, Any],
        answers: list[str],
        addresses: dict[str, str | None],
    ) -> list[tuple[str, Any, Any]]:
        asked: list[tuple[str, Any, Any]] = []
        replies = iter(answers)

        def prompt(text: str, default: Any = None, show_default: bool = True) -> str:
            asked.append((text, default, show_default))
            return next(replies)

        monkeypatch.setattr(click, "prompt", prompt)
        setup._ask_the_rest(given, list(addresses), addresses)
        assert next(replies, None) is None
        return asked

    def given(self, **values: Any) -> dict[str, Any]:
        return {
            "candidate_email": None,
            "candidate_timezone": None,
            "decision_by": None,
            "timezone": "America/Chicago",
            **values,
        }

    def test_each_question_with_its_default(self, monkeypatch: pytest.MonkeyPatch) -> None:
        given = self.given()
        addresses: dict[str, str | None] = {"Priya Nair": None, "Marcus Hale": "m@n.example"}
        addresses["Jo Hale"] = None
        asked = self.ask(
            monkeypatch,
            given,
            [" priya@n.example ", "  ", " jo@example.com ", "Europe/London", " in two weeks "],
            addresses,
        )
        assert asked == [
            ("Priya Nair's e-mail address (empty if you do not know it)", "", False),
            ("Jo Hale's e-mail address (empty if you do not know it)", "", False),
            ("Your e-mail address (empty: none)", "", False),
            ("Your time zone", "America/Chicago", True),
            (
                "When did they say they would decide (2026-07-15, 'in two weeks'; empty: not "
                "said)",
                "",
                False,
            ),
        ]
        assert addresses == {
            "Priya Nair": "priya@n.example",
            "Marcus Hale": "m@n.example",
            "Jo Hale": None,
        }
        assert given == self.given(
            candidate_email="jo@example.com",
            candidate_timezone="Europe/London",
            decision_by="in two weeks",
        )

    def test_empty_answers_keep_it_out(self, monkeypatch: pytest.MonkeyPatch) -> None:
        given = self.given()
        self.ask(monkeypatch, given, [" ", "America/Chicago", " "], {})
        assert given == self.given(candidate_timezone="America/Chicago")

    def test_what_the_flags_gave_is_not_asked(self, monkeypatch: pytest.MonkeyPatch) -> None:
        given = self.given(
            candidate_email="jo@example.com",
            candidate_timezone="Asia/Tokyo",
            decision_by="2026-11-03",
        )
        assert self.ask(monkeypatch, dict(given), [], {"Ana": "a@b.example"}) == []


class TestNewInterview:
    def given(self, **values: Any) -> dict[str, Any]:
        return {
            "at": "2026-10-20T10:00",
            "timezone": "America/Chicago",
            "company": "Northwind",
            "role": "Analytics Engineer",
            "candidate": "Jo Bennett",
            "candidate_email": None,
            "candidate_timezone": None,
            "decision_by": None,
            "language": None,
            **values,
        }

    def test_from_the_answers(self) -> None:
        made = setup._new_interview(
            self.given(
                candidate_email="jo@example.com",
                candidate_timezone="Europe/London",
                decision_by=" 2026-11-03 ",
                language="en_GB",
            ),
            ["Priya Nair", "Marcus Hale"],
            {"Priya Nair": "priya@n.example"},
        )
        assert made.starts_at == pendulum.datetime(2026, 10, 20, 10, tz="America/Chicago")
        assert (made.company, made.role) == ("Northwind", "Analytics Engineer")
        assert [(p.name, p.email) for p in made.interviewers] == [
            ("Priya Nair", "priya@n.example"),
            ("Marcus Hale", None),
        ]
        assert made.decision_date == date(2026, 11, 3)
        assert made.candidate == Candidate(
            "Jo Bennett", email="jo@example.com", timezone="Europe/London", language="en_GB"
        )
        assert made.id == interview_key(attrs.evolve(made, id=None))

    def test_a_phrase_and_the_interviews_zone(self) -> None:
        made = setup._new_interview(self.given(decision_by="in two weeks"), ["Ana"], {})
        assert made.decision_date == date(2026, 11, 3)
        assert made.candidate is not None and made.candidate.timezone == "America/Chicago"
        assert made.candidate.email is None and made.candidate.language is None

    def test_bad_answers_name_their_option(self) -> None:
        for key, option in (
            ("timezone", "--timezone"),
            ("candidate_timezone", "--candidate-timezone"),
        ):
            with pytest.raises(BadInput, match=rf"^{option}: .*Mars/Olympus"):
                setup._new_interview(self.given(**{key: "Mars/Olympus"}), ["Ana"], {})
        with pytest.raises(BadInput, match=r"^--at: 'someday' "):
            setup._new_interview(self.given(at="someday"), ["Ana"], {})


class TestNewFile:
    def test_as_a_person_would_write_it(self) -> None:
        made = setup._new_interview(
            TestNewInterview().given(
                candidate_email="jo@example.com",
                decision_by="in two weeks",
                language="fr",
                company='Northwind "Data"',
            ),
            ["Priya Nair", "Zoë Hale"],
            {"Priya Nair": "priya@n.example"},
        )
        assert setup._interview_toml(made, "nw.events.toml") == (
            "# An interview to follow up: 'followup today FILE' says what to do,\n"
            "# 'followup log FILE ...' records what happens (in the history file below).\n"
            f'id = "{made.id}"\n'
            'history = "nw.events.toml"\n'
            "\n"
            "starts_at = 2026-10-20T10:00:00\n"
            'timezone = "America/Chicago"\n'
            'company = "Northwind \\"Data\\""\n'
            'role = "Analytics Engineer"\n'
            'decision_by = "in two weeks"  # read from the interview\'s day\n'
            "\n"
            "[[interviewers]]\n"
            'name = "Priya Nair"\n'
            'email = "priya@n.example"\n'
            "\n"
            "[[interviewers]]\n"
            'name = "Zoë Hale"\n'
            "\n"
            "[candidate]\n"
            'name = "Jo Bennett"\n'
            'email = "jo@example.com"\n'
            'timezone = "America/Chicago"\n'
            'language = "fr"\n'
        )

    def test_a_date_and_a_bare_candidate(
        self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.chdir(tmp_path)
        made = setup._new_interview(
            TestNewInterview().given(decision_by="2026-11-03"), ["Ana"], {}
        )
        text = setup._interview_toml(attrs.evolve(made, candidate=Candidate("Jo")), "h.toml")
        assert text.endswith(
            'role = "Analytics Engineer"\ndecision_by = 2026-11-03\n\n[[interviewers]]\n'
            'name = "Ana"\n\n[candidate]\nname = "Jo"\n'
        )
        alone = setup._interview_toml(
            attrs.evolve(made, candidate=None, decision_by=None), "h.toml"
        )
        assert alone.endswith('role = "Analytics Engineer"\n\n[[interviewers]]\nname = "Ana"\n')
        Path("new.toml").write_text(text)
        assert s.load_interview(Path("new.toml")).decision_date == date(2026, 11, 3)


def squeezed(text: str) -> str:
    """*text* without its spaces: help as read, however wide the terminal wraps it."""
    return "".join(text.split())


class TestSharedOptions:
    """--now, --templates, --locale and --detail read and said the same in every command."""

    def options_of(self, *command: str) -> str:
        out = run(*command, "--help")[1]
        return squeezed(out.split("Options:", 1)[1].split("Examples:", 1)[0])

    def test_their_help(self) -> None:
        render = self.options_of("render")
        expected = (
            "--now WHEN now, today, tomorrow, a local time (2026-07-16T09:00) or ISO 8601; "
            "only the steps still doable then (default: all). --templates DIRECTORY Your own "
            "template directory (overrides the built- ins). --locale LOCALE The messages' "
            "language and date format: en, en_GB, de, fr, es, de_AT, fr_CA, es_MX... (default: "
            "each candidate's language, else en). --detail KEY=VALUE A template detail, e.g. "
            "fit='six years of Kafka'. Repeatable."
        )
        assert squeezed(expected) in render
        expected = (
            "--now WHEN now, today, tomorrow, a local time (2026-07-16T09:00) or ISO 8601; the "
            "clock by default."
        )
        assert squeezed(expected) in self.options_of("today")

    def test_templates_is_a_directory_that_exists(self, acme: Path) -> None:
        code, _, err = run("render", "acme.toml", "--templates", "acme.toml")
        assert (code, err) == (
            2,
            "followup: error: followup render: Invalid value for '--templates': Directory "
            "'acme.toml' is a file.\n",
        )
        code, _, err = run("render", "acme.toml", "--templates", "nope")
        assert "Directory 'nope' does not exist." in err

    def test_details_locale_and_now_reach_the_messages(self, acme: Path) -> None:
        code, out, err = run(
            "render",
            "acme.toml",
            "--detail",
            "fit=ten years of Spark",
            "--detail",
            "fit=twelve years of Spark",
            "--locale",
            "de",
            "--now",
            "2026-07-08T09:00",
        )
        assert code == 0, err
        assert "twelve years of Spark" in out and "ten years" not in out
        assert out.startswith("=== Wed 8 Jul 2026 09:00 EDT: Send Ana Ruiz a thank-you e-mail")
        assert "Mit freundlichen Grüßen" in out
