"""Mutation pass 21 (mut21b): what `template_context`'s second half hands the templates,
and what `files` reports and refuses.

The closing line of a thank-you to anyone but the follow-up contact
(`close_wording`): turned by the application, one of its own for each of the first
notes of a panel, and the short courtesy for a later round's note to someone met
before (words26c).  `HistoryFile.add`'s answer (`Recorded`), new or already there;
`HistoryFile.create`'s refusals of a policy it could not read back.
"""

from __future__ import annotations

import itertools
import json
from datetime import date
from pathlib import Path

import attrs
import pendulum
import pytest

from followup_rules import (
    ActionKind,
    Application,
    Candidate,
    Channel,
    Contact,
    FormatError,
    Interview,
    Interviewer,
    InvalidArgument,
    InvalidHistory,
    Outcome,
    Policy,
    Reply,
    Update,
    event_id,
    plan,
    render,
)
from followup_rules.files import HistoryFile
from followup_rules.messages import thank_you_turn

NAMES = ("Ana Ruiz", "Bo Chen", "Kim Park", "Dana Whit", "Olu Ade", "Ray Hale", "Lin Wu")
"""Seven panelists: Ana Ruiz, the first, is the follow-up contact."""

LOOKING_AHEAD = {
    "I look forward to hearing from you.",
    "I look forward to news of the next steps.",
    "I hope to hear from you before long.",
    "Thank you again for your consideration.",
    "Thank you again for your time.",
    "Please get in touch if you would like to know more.",
    "Please tell me if anything else would help.",
}
"""The seven closes of `_thanks_close.txt` a panel's first notes take, in English
(as words27b reworded them; words28a retired two of them, words29a three more: the r24
readers' "once a decision is made" after a next round, "learning the outcome", "When
there is news"; words30a three more: r25 en "please do ask", "I wish you a good
week", de «Zeit und Aufmerksamkeit»)."""

SPARE = "Please let me know if there is anything else you need from me."
COURTESY = "Thank you again."


def _interview(company: str, size: int = 2) -> Interview:
    return Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        company,
        "Data Engineer",
        [Interviewer(name, email=f"p{n}@acme.example") for n, name in enumerate(NAMES[:size])],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )


def _closes(interview: Interview, application: Application | None = None) -> dict[str, str]:
    """Each thank-you's last paragraph before the sign-off, by recipient."""
    actions = plan(interview) if application is None else application.plan()
    return {
        action.recipient.name: render(action, interview).text.split("\n\n")[-2]
        for action in actions
        if action.kind is ActionKind.THANK_YOU and action.recipient is not None
    }


def _one_application_a_turn() -> list[Interview]:
    """Seven applications, one for each turn of the wordings (`thank_you_turn`)."""
    found: dict[int, Interview] = {}
    for n in itertools.count():
        interview = _interview(f"Company {n}")
        found.setdefault(thank_you_turn(interview), interview)
        if len(found) == 7:
            return list(found.values())
    raise AssertionError("unreachable")


def test_a_panelists_close_looks_ahead_and_turns_with_the_application() -> None:
    """The same panelist's first-round note, over seven applications: it always ends on
    a line that looks ahead (never the later rounds' "Thank you again."), and the
    seven applications' notes end on the seven closes, each once: a user's notes do
    not all end on the same line."""
    closes = [_closes(interview)["Bo Chen"] for interview in _one_application_a_turn()]
    assert set(closes) == LOOKING_AHEAD


def test_the_first_notes_of_a_panel_each_end_on_a_close_of_their_own() -> None:
    """A panel of seven: the six notes to others than the contact take six different
    closes, all looking ahead, under every turn."""
    for interview in _one_application_a_turn():
        iv = _interview(interview.company, size=7)
        closes = _closes(iv)
        others = [closes[name] for name in NAMES[1:]]
        assert len(set(others)) == 6, others
        assert set(others) <= LOOKING_AHEAD, others


def test_the_eighth_note_of_a_panel_takes_the_spare_close() -> None:
    """The eighth panelist's note (variant 7) ends on the spare close, shared with none."""
    iv = Interview(
        pendulum.datetime(2026, 7, 7, 14, tz="America/New_York"),
        "Acme",
        "Data Engineer",
        [Interviewer(f"{name} {n}", email=f"p{n}@acme.example") for n, name in enumerate(NAMES)]
        + [Interviewer("Eva Holm", email="eva@acme.example")],
        decision_by=date(2026, 7, 15),
        candidate=Candidate("Sam Lee", email="sam@example.com"),
    )
    closes = _closes(iv)
    assert closes["Eva Holm"] == SPARE
    assert list(closes.values()).count(SPARE) == 1


def test_a_later_rounds_note_to_someone_met_before_ends_on_the_courtesy() -> None:
    """A later round: the panelist met before gets "Thank you again." (the close of
    their first note is not said to them twice), whatever the application's turn; the
    contact's note still closes on the decision it awaits."""
    for interview in _one_application_a_turn():
        closes = _closes(interview, Application(interview, met_before={"bo chen": 1}))
        assert closes["Bo Chen"] == COURTESY
        # words32a (r26 en 11.8, 14.14, 15.7) retired "..., which I understand should be by
        # <date>": the close names the date first, then looks forward
        assert closes["Ana Ruiz"].startswith("I understand the decision is due ")
        assert closes["Ana Ruiz"].endswith("I look forward to hearing from you.")


# -- files: what `HistoryFile.add` reports, and the policies `create` refuses ---------------


@attrs.frozen
class _TeamPolicy(Policy):
    """A house policy with two fields of its own."""

    team: str = "blue"
    region: str = "east"


@attrs.frozen
class _WiderGap(Policy):
    """A house policy that only changes a default: read back as a `Policy`, it loses nothing."""

    min_gap: int = 6


INTERVIEW_FILE = """\
history = "acme.events.toml"
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"

[[interviewers]]
name = "Ana Ruiz"
"""

_NOTE = Contact(
    pendulum.datetime(2024, 7, 2, 16, tz="America/New_York"),
    Channel.EMAIL,
    ActionKind.THANK_YOU,
    "Ana Ruiz",
)
_CALL = Contact(
    pendulum.datetime(2024, 7, 9, 10, tz="America/New_York"),
    Channel.PHONE,
    ActionKind.CHECK_IN,
    "Ana Ruiz",
)
"""A call nobody invited: it oversteps the consensus's one-call rule."""


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "acme.toml"
    path.write_text(INTERVIEW_FILE, encoding="utf-8")
    return path


def test_add_reports_the_event_its_place_the_history_its_file_its_warnings_and_its_id(
    tmp_path: Path,
) -> None:
    """What an app shows after logging an event through the file: the event, where it
    went, the whole history now, the file it is kept in, the limits it oversteps (an
    uninvited call), and the id its undo takes."""
    path = _file(tmp_path)
    HistoryFile(path).add(_NOTE)
    done = HistoryFile(path).add(_CALL)
    interview = HistoryFile(path).read().interview
    assert (done.event, done.number, done.already) == (_CALL, 2, False)
    assert done.history == (_NOTE, _CALL)
    assert done.path == tmp_path / "acme.events.toml"
    assert [violation.rule for violation in done.violations] == ["one-call"]
    assert done.event_id == event_id(_CALL, interview)
    assert HistoryFile(path).remove(done.event_id) == _CALL
    assert HistoryFile(path).read().history == (_NOTE,)


def test_add_of_an_event_there_already_reports_the_one_recorded_before(tmp_path: Path) -> None:
    """The same call logged twice: nothing is written, and the answer still names the
    event, its place, the history, the file and the id (an undo of either click
    removes the one call), with no warning said again."""
    path = _file(tmp_path)
    HistoryFile(path).add(_NOTE)
    first = HistoryFile(path).add(_CALL)
    again = HistoryFile(path).add(attrs.evolve(_CALL, note="tried again"))
    assert (again.event, again.number, again.already) == (_CALL, 2, True)
    assert again.history == (_NOTE, _CALL)
    assert again.path == tmp_path / "acme.events.toml"
    assert again.violations == ()
    assert again.event_id == first.event_id is not None
    assert HistoryFile(path).remove(again.event_id) == _CALL


def test_create_refuses_what_is_not_a_policy(tmp_path: Path) -> None:
    path = tmp_path / "new.toml"
    interview = HistoryFile(_file(tmp_path)).read().interview
    with pytest.raises(InvalidArgument) as refused:
        HistoryFile(path).create(interview, policy={"min_gap": 5})  # type: ignore[arg-type]
    assert (refused.value.key, refused.value.value, refused.value.problem) == (
        "policy",
        {"min_gap": 5},
        "expected a Policy",
    )
    assert not path.exists()


def test_create_names_the_fields_a_plain_policy_would_not_read(tmp_path: Path) -> None:
    """A team's policy with fields of its own, in a file read as a plain `Policy`:
    refused, naming both fields and the class to make the file with; nothing
    written.  A subclass that only changes a default is read back whole: kept."""
    path = tmp_path / "new.toml"
    interview = HistoryFile(_file(tmp_path)).read().interview
    team = _TeamPolicy(team="green")
    with pytest.raises(InvalidArgument) as refused:
        HistoryFile(path).create(interview, policy=team)
    assert (refused.value.key, refused.value.value, refused.value.problem) == (
        "policy",
        team,
        "has fields a Policy does not read (region, team): "
        "make the HistoryFile with policy_class=_TeamPolicy to keep a _TeamPolicy",
    )
    assert not path.exists()
    made = HistoryFile(path).create(interview, policy=_WiderGap())
    assert made.policy == Policy(min_gap=6)


def test_a_file_error_names_the_file_alone_and_keeps_the_value(tmp_path: Path) -> None:
    """What an app shows a user: the file's name without the server's directories (the
    whole path kept apart), the key, and the value that could not be read."""
    path = _file(tmp_path)
    path.write_text(INTERVIEW_FILE.replace("America/New_York", "Mars/Olympus"), encoding="utf-8")
    with pytest.raises(FormatError) as error:
        HistoryFile(path).read()
    assert (error.value.source, error.value.path, error.value.value, error.value.file) == (
        "acme.toml",
        "$.timezone",
        "Mars/Olympus",
        str(path),
    )


UNDO = "expected an event's number (counted from 1) or its id like ev-0123456789abcdef"


def test_remove_refuses_what_names_no_event_word_for_word(tmp_path: Path) -> None:
    """A number given as text says so (and how to give it); anything else that is
    neither a number nor an id is told what is expected."""
    path = _file(tmp_path)
    HistoryFile(path).add(_NOTE)
    for given, problem in (
        (" 3 ", UNDO + " (a number is given as a number: 3, not text)"),
        ("the note", UNDO),
        (1.0, UNDO),
    ):
        with pytest.raises(InvalidArgument) as refused:
            HistoryFile(path).remove(given)  # type: ignore[arg-type]
        assert (refused.value.key, refused.value.value, refused.value.problem) == (
            "number",
            given,
            problem,
        )
    assert HistoryFile(path).read().history == (_NOTE,)


def test_an_undo_clicked_twice_says_why_nothing_was_removed(tmp_path: Path) -> None:
    path = _file(tmp_path)
    done = HistoryFile(path).add(_NOTE)
    assert done.event_id is not None
    HistoryFile(path).remove(done.event_id)
    with pytest.raises(InvalidHistory) as refused:
        HistoryFile(path).remove(done.event_id)
    assert (refused.value.key, refused.value.value, refused.value.problem) == (
        "event",
        done.event_id,
        "names no event of the history: it was removed already (an undo clicked twice), "
        "or it is another interview's event; nothing was removed",
    )


def test_an_update_is_written_as_the_decision_was_said(tmp_path: Path) -> None:
    """A decision date given as a phrase is written as said ("tomorrow", "within two
    weeks": read again from the day of the update), a date as a TOML date, and the
    update's other keys as they are."""
    path = _file(tmp_path)
    at = pendulum.datetime(2024, 7, 3, 9, tz="America/New_York")
    decisions: tuple[str | date, ...] = ("tomorrow", "within two weeks", date(2024, 7, 20))
    for hour, decided in enumerate(decisions):
        HistoryFile(path).add(Update(at.add(hours=hour), Outcome.UNDECIDED, decision_by=decided))
    tables = (tmp_path / "acme.events.toml").read_text(encoding="utf-8").split("[[event]]\n")
    assert tables[1:] == [
        f'type = "update"\noutcome = "undecided"\ndecision_by = {said}\n'
        f"at = 2024-07-03T{9 + hour:02}:00:00-04:00\n" + ("\n" if hour < 2 else "")
        for hour, said in enumerate(('"tomorrow"', '"within two weeks"', "2024-07-20"))
    ]


def test_a_json_history_writes_a_decision_date_as_text(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text(
        json.dumps(
            {
                "starts_at": "2024-07-02T14:00:00",
                "timezone": "America/New_York",
                "company": "Acme Analytics",
                "role": "Data Engineer",
                "interviewers": [{"name": "Ana Ruiz"}],
                "event": [],
            }
        ),
        encoding="utf-8",
    )
    at = pendulum.datetime(2024, 7, 3, 9, tz="America/New_York")
    HistoryFile(path).add(Update(at, Outcome.UNDECIDED, decision_by=date(2024, 7, 20)))
    HistoryFile(path).add(Update(at.add(hours=1), Outcome.UNDECIDED, decision_by="tomorrow"))
    assert json.loads(path.read_text(encoding="utf-8"))["event"] == [
        {
            "type": "update",
            "outcome": "undecided",
            "decision_by": "2024-07-20",
            "at": "2024-07-03T09:00:00-04:00",
        },
        {
            "type": "update",
            "outcome": "undecided",
            "decision_by": "tomorrow",
            "at": "2024-07-03T10:00:00-04:00",
        },
    ]


NAMES_ALONE = """\
history = "acme.events.toml"
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"
interviewers = ["Ana Ruiz", "Bo Chen"]
"""


def _step_ids(path: Path) -> list[str]:
    found = HistoryFile(path).read()
    return list(plan(found.interview).ids)


def test_a_name_alone_corrected_by_hand_gets_the_id_that_keeps_its_steps(
    tmp_path: Path,
) -> None:
    """loop6: "Bo Chen" corrected to "Bo Chén" by hand in an interview file listing
    names alone, the history still naming "Bo Chen"; the rename mends the history and
    writes Bo's id beside the name (an inline table), so that every step id stays."""
    path = tmp_path / "acme.toml"
    path.write_text(NAMES_ALONE, encoding="utf-8")
    HistoryFile(path).add(
        Reply(pendulum.datetime(2024, 7, 3, 9, tz="America/New_York"), "Bo Chen")
    )
    before = _step_ids(path)
    path.write_text(path.read_text(encoding="utf-8").replace("Bo Chen", "Bo Chén"), "utf-8")
    found = HistoryFile(path).rename("Bo Chen", "Bo Chén")
    bo = found.interview.interviewers[1]
    assert bo.name == "Bo Chén" and bo.id is not None
    assert f'interviewers = ["Ana Ruiz", {{name = "Bo Chén", id = "{bo.id}"}}]\n' in (
        path.read_text(encoding="utf-8")
    )
    assert [event.sender for event in found.history] == ["Bo Chén"]  # type: ignore[union-attr]
    assert _step_ids(path) == before


def test_a_json_name_alone_corrected_by_hand_gets_its_id(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    data = {
        "starts_at": "2024-07-02T14:00:00",
        "timezone": "America/New_York",
        "company": "Acme Analytics",
        "role": "Data Engineer",
        "interviewers": ["Ana Ruiz", "Bo Chen"],
        "event": [],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    HistoryFile(path).add(
        Reply(pendulum.datetime(2024, 7, 3, 9, tz="America/New_York"), "Bo Chen")
    )
    before = _step_ids(path)
    edited = json.loads(path.read_text(encoding="utf-8"))
    edited["interviewers"] = ["Ana Ruiz", "Bo Chén"]  # the events still name Bo Chen
    path.write_text(json.dumps(edited), encoding="utf-8")
    found = HistoryFile(path).rename("Bo Chen", "Bo Chén")
    bo = found.interview.interviewers[1]
    assert [event.sender for event in found.history] == ["Bo Chén"]  # type: ignore[union-attr]
    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["interviewers"] == ["Ana Ruiz", {"name": "Bo Chén", "id": bo.id}]
    assert bo.id is not None and _step_ids(path) == before


def test_an_edit_writes_inside_the_interview_table_and_drops_what_it_empties(
    tmp_path: Path,
) -> None:
    """An interview file under ``[interview]``: the role changed in place, the start
    written as a TOML date-time, the decision date taken out with its comment, the id
    written; nothing added at the top level."""
    path = tmp_path / "acme.toml"
    path.write_text(
        'history = "acme.events.toml"\n\n[interview]\n'
        'starts_at = 2024-07-02T14:00:00\ntimezone = "America/New_York"\n'
        'company = "Acme Analytics"\nrole = "Data Engineer"\n'
        "decision_by = 2024-07-15  # they said mid-July\n"
        'interviewers = ["Ana Ruiz"]\n',
        encoding="utf-8",
    )
    found = HistoryFile(path).edit(
        {"role": "Senior Engineer", "starts_at": "2024-07-09 10:00", "decision_by": None}
    )
    assert path.read_text(encoding="utf-8") == (
        'history = "acme.events.toml"\n\n[interview]\n'
        f'id = "{found.interview.id}"  # keeps step ids and calendar items when you edit '
        "this file\n"
        'starts_at = 2024-07-09T10:00:00-04:00\ntimezone = "America/New_York"\n'
        'company = "Acme Analytics"\nrole = "Senior Engineer"\n'
        'interviewers = ["Ana Ruiz"]\n'
    )
    assert (found.interview.role, found.interview.decision_by) == ("Senior Engineer", None)


TABLES = """\
history = "acme.events.toml"
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"

[[interviewers]]
name = "Ana Ruiz"

[[interviewers]]
name = "Bo Chen"

[recruiter]
name = "Rita Lowe"
"""


def test_tables_corrected_by_hand_get_the_ids_that_keep_their_steps(tmp_path: Path) -> None:
    """loop6 again, with tables: an interviewer's and the recruiter's names corrected by
    hand, one after the other; each rename writes that person's id into their table,
    once, and every step id stays.  A second rename of the same person keeps the id as
    it is (the interview's, Bo's and Rita's: three ids in the file)."""
    path = tmp_path / "acme.toml"
    path.write_text(TABLES, encoding="utf-8")
    HistoryFile(path).add(Reply(_NOTE.at.add(hours=17), "Bo Chen"))
    HistoryFile(path).add(Reply(_NOTE.at.add(hours=18), "Rita Lowe"))
    before = _step_ids(path)
    for old, new in (("Bo Chen", "Bo Chén"), ("Rita Lowe", "Rita Löwe")):
        path.write_text(path.read_text(encoding="utf-8").replace(old, new), "utf-8")
        found = HistoryFile(path).rename(old, new)
    bo, rita = found.interview.interviewers[1], found.interview.recruiter
    assert rita is not None and bo.id is not None and rita.id is not None
    written = path.read_text(encoding="utf-8")
    assert f'name = "Bo Chén"\nid = "{bo.id}"\n' in written
    assert f'name = "Rita Löwe"\nid = "{rita.id}"\n' in written
    assert _step_ids(path) == before
    HistoryFile(path).rename("Bo Chén", "Bo Chen")
    again = path.read_text(encoding="utf-8")
    assert again == written.replace('name = "Bo Chén"', 'name = "Bo Chen"')
    assert again.count(f'id = "{bo.id}"') == 1 and again.count('id = "') == 3


def test_a_json_edit_is_written_indented_with_its_accents(tmp_path: Path) -> None:
    """A JSON interview file edited stays legible: indented by two, accents as typed."""
    path = tmp_path / "acme.json"
    data: dict[str, object] = {
        "id": "acme-1",
        "starts_at": "2024-07-02T14:00:00",
        "timezone": "Europe/Paris",
        "company": "Acme Analytique",
        "role": "Data Engineer",
        "interviewers": [{"name": "Ana Ruiz"}],
        "event": [],
    }
    path.write_text(json.dumps(data), encoding="utf-8")
    HistoryFile(path).edit({"role": "Ingénieure données"})
    data["role"] = "Ingénieure données"
    assert path.read_text(encoding="utf-8") == (
        json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    )


def test_an_edit_correcting_a_name_renames_a_history_written_out_of_order(
    tmp_path: Path,
) -> None:
    """A name corrected through the edit form, in a history written by hand out of
    time order: every event stays in its place in the file, the reply's sender and the
    skip's step name the corrected person, and nothing else changes."""
    path = tmp_path / "acme.toml"
    path.write_text(TABLES.split("\n[recruiter]")[0], encoding="utf-8")
    interview = HistoryFile(path).read().interview
    thanks = {
        action.recipient.name: step
        for action, step in zip(plan(interview), plan(interview).ids, strict=True)
        if action.kind is ActionKind.THANK_YOU and action.recipient is not None
    }
    tables = (
        'type = "reply"\nsender = "Bo Chen"\nat = 2024-07-03T09:00:00-04:00\n',
        f'type = "skip"\nstep = "{thanks["Bo Chen"]}"\nat = 2024-07-02T15:00:00-04:00\n',
        'type = "contact"\nkind = "thank_you"\nchannel = "email"\nrecipient = "Ana Ruiz"\n'
        "at = 2024-07-02T16:00:00-04:00\n",
    )
    history = tmp_path / "acme.events.toml"
    history.write_text("\n".join("[[event]]\n" + table for table in tables), encoding="utf-8")
    found = HistoryFile(path).edit({"interviewers": {"Bo Chen": {"name": "Bo Chén"}}})
    renamed = {
        action.recipient.name: step
        for action, step in zip(plan(found.interview), plan(found.interview).ids, strict=True)
        if action.kind is ActionKind.THANK_YOU and action.recipient is not None
    }
    assert history.read_text(encoding="utf-8") == "\n".join(
        "[[event]]\n" + table
        for table in (
            tables[0].replace("Bo Chen", "Bo Chén"),
            tables[1].replace(thanks["Bo Chen"], renamed["Bo Chén"]),
            tables[2],
        )
    )
    assert [type(event).__name__ for event in found.history] == ["Reply", "Skip", "Contact"]


def test_a_history_naming_someone_not_on_the_interview_says_the_fix_word_for_word(
    tmp_path: Path,
) -> None:
    """A history kept apart that names someone the interview does not have: the error
    names them, the people the interview has, and the fix, in full."""
    path = _file(tmp_path)
    other = tmp_path / "other.toml"
    other.write_text(
        '[[event]]\ntype = "reply"\nsender = "Cy Diaz"\nat = 2024-07-03T09:00:00-04:00\n',
        encoding="utf-8",
    )
    with pytest.raises(FormatError) as refused:
        HistoryFile(path, other).read()
    assert (refused.value.path, refused.value.problem) == (
        "$.event[0].sender",
        "'Cy Diaz' is not on the interview in acme.toml (it has 'Ana Ruiz'): if you "
        "renamed them there, put the old name back and rename them in both files at once "
        "with 'followup rename'",
    )


def test_an_interview_table_with_its_own_events_is_edited_in_place(tmp_path: Path) -> None:
    """An ``[interview]`` file that holds its own ``[[event]]`` tables: the edit goes into
    the interview's table, an emptied list of topics is taken out, the events stay."""
    path = tmp_path / "acme.toml"
    event = '[[event]]\ntype = "reply"\nat = 2024-07-03T09:00:00-04:00\n'
    path.write_text(
        '[interview]\nstarts_at = 2024-07-02T14:00:00\ntimezone = "America/New_York"\n'
        'company = "Acme Analytics"\nrole = "Data Engineer"\ntopics = ["the roadmap"]\n'
        'interviewers = ["Ana Ruiz"]\n\n' + event,
        encoding="utf-8",
    )
    found = HistoryFile(path).edit({"role": "Senior Engineer", "topics": []})
    assert path.read_text(encoding="utf-8") == (
        "[interview]\n"
        f'id = "{found.interview.id}"  # keeps step ids and calendar items when you edit '
        "this file\n"
        'starts_at = 2024-07-02T14:00:00\ntimezone = "America/New_York"\n'
        'company = "Acme Analytics"\nrole = "Senior Engineer"\n'
        'interviewers = ["Ana Ruiz"]\n\n' + event
    )
    assert (found.interview.topics, len(found.history)) == ((), 1)


def test_a_name_corrected_through_the_edit_form_renames_a_contacts_recipient(
    tmp_path: Path,
) -> None:
    """The thank-you sent to Bo, then his name corrected through the edit form: the
    contact's table names him as corrected, and nothing else in it changes."""
    path = tmp_path / "acme.toml"
    path.write_text(TABLES.split("\n[recruiter]")[0], encoding="utf-8")
    HistoryFile(path).add(attrs.evolve(_NOTE, recipient="Bo Chen"))
    history = tmp_path / "acme.events.toml"
    before = history.read_text(encoding="utf-8")
    found = HistoryFile(path).edit({"interviewers": {"Bo Chen": {"name": "Bo Chén"}}})
    assert history.read_text(encoding="utf-8") == before.replace(
        'recipient = "Bo Chen"', 'recipient = "Bo Chén"'
    )
    assert [event.recipient for event in found.history] == ["Bo Chén"]  # type: ignore[union-attr]
