"""Mutation pass 21 (mut21e): `files` when a skip names a step by an older id.

A skip recorded while Bo had no id of his own names his thank-you by his name's
part; Bo's id, written in later by hand, does not change that.  Renaming him, by
`rename` or through the edit form, rewrites the skip's ``step`` in the history file,
so his thank-you stays skipped.  The edit writes the list of interviewers it changes
one table a line, as a person would.
"""

from __future__ import annotations

from pathlib import Path

from followup_rules import ActionKind, Application, plan
from followup_rules.files import HistoryFile
from followup_rules.serialize import InterviewFile

INTERVIEW = """\
history = "acme.events.toml"
starts_at = 2024-07-02T14:00:00
timezone = "America/New_York"
company = "Acme Analytics"
role = "Data Engineer"

[[interviewers]]
name = "Ana Ruiz"

[[interviewers]]
name = "Bo Chen"
"""


def _skipped_before_bo_had_an_id(tmp_path: Path) -> tuple[Path, Path, str]:
    """The interview file, its history (a skip of Bo's thank-you, by the id it had when
    Bo had none) and that step id; Bo's ``id = "bo"`` written in by hand afterwards."""
    path = tmp_path / "acme.toml"
    path.write_text(INTERVIEW, encoding="utf-8")
    interview = HistoryFile(path).read().interview
    (step,) = (
        step
        for action, step in zip(plan(interview), plan(interview).ids, strict=True)
        if action.kind is ActionKind.THANK_YOU
        and action.recipient is not None
        and action.recipient.name == "Bo Chen"
    )
    history = tmp_path / "acme.events.toml"
    history.write_text(
        f'[[event]]\ntype = "skip"\nstep = "{step}"\nat = 2024-07-02T15:00:00-04:00\n',
        encoding="utf-8",
    )
    path.write_text(INTERVIEW.replace('"Bo Chen"\n', '"Bo Chen"\nid = "bo"\n'), "utf-8")
    return path, history, step


def _thanked(found: InterviewFile) -> list[str]:
    """Who still has a thank-you to write, after the history."""
    return [
        action.recipient.name
        for action in Application(found.interview, found.history).plan()
        if action.kind is ActionKind.THANK_YOU and action.recipient is not None
    ]


def _assert_skip_followed(found: InterviewFile, history: Path, step: str) -> None:
    (skip,) = found.history
    new_step: str = skip.step  # type: ignore[union-attr]
    assert new_step != step
    assert history.read_text(encoding="utf-8") == (
        f'[[event]]\ntype = "skip"\nstep = "{new_step}"\nat = 2024-07-02T15:00:00-04:00\n'
    )
    again = HistoryFile(found.path).read()
    assert again.history == found.history
    assert _thanked(again) == ["Ana Ruiz"]  # Bo's thank-you is still skipped


def test_a_rename_rewrites_a_skip_recorded_before_the_person_had_an_id(
    tmp_path: Path,
) -> None:
    path, history, step = _skipped_before_bo_had_an_id(tmp_path)
    assert _thanked(HistoryFile(path).read()) == ["Ana Ruiz"]
    found = HistoryFile(path).rename("Bo Chen", "Bo Chén")
    _assert_skip_followed(found, history, step)


def test_an_edit_correcting_the_name_rewrites_that_skip_and_lists_one_table_a_line(
    tmp_path: Path,
) -> None:
    path, history, step = _skipped_before_bo_had_an_id(tmp_path)
    found = HistoryFile(path).edit({"interviewers": {"Bo Chen": {"name": "Bo Chén"}}})
    _assert_skip_followed(found, history, step)
    assert (
        'role = "Data Engineer"\n'
        "interviewers = [\n"
        '    {name = "Ana Ruiz"},\n'
        '    {name = "Bo Chén", id = "bo"},\n'
        "]\n"
    ) in path.read_text(encoding="utf-8")
