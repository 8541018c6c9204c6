"""Atomic writes as a user relies on them (`followup_rules.files.write_atomically`), pinned
where the seventeenth mutation pass found them loose: permissions kept or given, long names,
a temporary name already taken, and the error naming a path that cannot be written."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

import followup_rules._atomic as atomic
from followup_rules import FormatError
from followup_rules.files import target, write_atomically


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "new.toml"
    write_atomically(path, "x = 1\n")
    assert path.read_text(encoding="utf-8") == "x = 1\n"
    assert _mode(path) == 0o644


def test_a_file_replaced_keeps_its_permissions(tmp_path: Path, umask_022: None) -> None:
    path = tmp_path / "private.toml"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o600)
    write_atomically(path, "new")
    assert (path.read_text(encoding="utf-8"), _mode(path)) == ("new", 0o600)
    path.chmod(0o664)
    write_atomically(path, b"newer")
    assert (path.read_bytes(), _mode(path)) == (b"newer", 0o664)


def test_a_name_as_long_as_the_system_takes_is_written(tmp_path: Path) -> None:
    # the temporary name beside it is ".<name>.<12 hex digits>": 255 characters here
    path = tmp_path / ("a" * 236 + ".toml")
    write_atomically(path, "x")
    assert path.read_text(encoding="utf-8") == "x"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]


def test_a_temporary_name_taken_is_passed_over(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.toml"
    taken = tmp_path / ".a.toml.aaaaaaaaaaaa"
    taken.write_text("someone else's", encoding="utf-8")
    tokens = iter(["aaaaaaaaaaaa", "bbbbbbbbbbbb"])
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda size: next(tokens))
    write_atomically(path, "mine")
    assert path.read_text(encoding="utf-8") == "mine"
    assert taken.read_text(encoding="utf-8") == "someone else's"


def test_when_no_temporary_name_is_free_the_error_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "a.toml"
    (tmp_path / ".a.toml.aaaaaaaaaaaa").write_text("taken", encoding="utf-8")
    monkeypatch.setattr(atomic.secrets, "token_hex", lambda size: "aaaaaaaaaaaa")
    with pytest.raises(FormatError) as caught:
        write_atomically(path, "mine")
    assert str(caught.value) == f"{path}: cannot be written: no temporary name is free"
    assert not path.exists()


def test_a_path_in_a_missing_folder_is_named_in_the_error(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "a.toml"
    with pytest.raises(FormatError) as caught:
        write_atomically(path, "x")
    error = caught.value
    assert str(error) == f"{path}: cannot be written: No such file or directory"
    assert (error.source, error.path, error.field) == (str(path), "", str(path))


def test_a_path_below_a_file_is_named_in_the_error(tmp_path: Path) -> None:
    (tmp_path / "plain.txt").write_text("x", encoding="utf-8")
    path = tmp_path / "plain.txt" / "a.toml"
    with pytest.raises(FormatError) as caught:
        write_atomically(path, "x")
    assert str(caught.value) == f"{path}: cannot be written: Not a directory"


def test_links_that_loop_are_named_in_the_error(tmp_path: Path) -> None:
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(FormatError) as caught:
        write_atomically(first, "x")
    assert str(caught.value) == f"{first}: cannot be written: its symbolic links loop"


def test_what_is_not_a_regular_file_is_named_with_where_a_link_leads(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link.toml"
    link.symlink_to(folder)
    fifo = tmp_path / "pipe.toml"
    os.mkfifo(fifo)
    expected = {
        folder: f"{folder}: cannot be written: it is a directory, not a regular file",
        link: f"{link} (-> {folder}): cannot be written: it is a directory, not a regular file",
        fifo: f"{fifo}: cannot be written: it is a FIFO, not a regular file",
    }
    for path, text in expected.items():
        with pytest.raises(FormatError) as caught:
            write_atomically(path, "x")
        assert str(caught.value) == text
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "link.toml", "pipe.toml"]


def test_a_file_reached_through_a_link_is_replaced_and_the_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("old", encoding="utf-8")
    real.chmod(0o640)
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    write_atomically(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"
    assert _mode(real) == 0o640


def test_a_target_keeps_the_path_given_and_names_it_when_it_cannot_be_written(
    tmp_path: Path,
) -> None:
    existing = tmp_path / "here.toml"
    existing.write_text("x", encoding="utf-8")
    assert target(existing).path == existing
    assert target(tmp_path / "new.toml").path == tmp_path / "new.toml"
    # a name of 250 characters leaves no room for the temporary name beside it
    long = tmp_path / ("b" * 245 + ".toml")
    long.write_text("old", encoding="utf-8")
    with pytest.raises(FormatError) as caught:
        write_atomically(long, "new")
    error = caught.value
    assert (error.source, error.problem) == (str(long), "cannot be written: File name too long")
    assert long.read_text(encoding="utf-8") == "old"
