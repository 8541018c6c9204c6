"""One atomic writer: a temporary file beside the target replaces it in one step.

Re-exported by `followup_rules.files` (its public home, where it is
documented); here, below `followup_rules.serialize` and `files` both, so that
each writes through it without importing the other.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

import attrs

from .errors import FormatError

__all__ = ["Target", "target", "write_atomically"]

_NOT_REGULAR = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@attrs.frozen
class Target:
    """Where writing a path lands, checked: see `target`.

    Attributes:
        path: the path as given.
        real: the regular file that is replaced (symbolic links followed).
        mode: the permission bits to keep, or None for a new file (``0666``
            less the umask, applied by the system).
    """

    path: Path
    real: Path
    mode: int | None

    def write(self, data: bytes | str) -> None:
        """Replace the file with *data* (text is written as UTF-8), all or nothing.

        Raises:
            FormatError: the temporary file cannot be made beside the target.
            OSError: writing fails (the temporary file is removed).
        """
        payload = data.encode("utf-8") if isinstance(data, str) else data
        handle, temporary = _temporary_beside(self)
        try:
            with os.fdopen(handle, "wb") as file:
                if self.mode is not None and hasattr(os, "fchmod"):
                    os.fchmod(file.fileno(), self.mode)
                file.write(payload)
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.real)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise


def _temporary_beside(where: Target) -> tuple[int, str]:
    # Made with O_EXCL and mode 0666, so that the system applies the umask to
    # a new file exactly as it would to any other (no umask read or set here).
    flags = os.O_CREAT | os.O_EXCL | os.O_WRONLY | getattr(os, "O_BINARY", 0)
    for _ in range(100):
        name = where.real.with_name(f".{where.real.name}.{secrets.token_hex(6)}")
        try:
            return os.open(name, flags, 0o666), str(name)
        except FileExistsError:  # pragma: no cover - 48 random bits collided
            continue
        except OSError as error:
            raise _cannot_write(where.path, error.strerror or str(error)) from None
    raise _cannot_write(where.path, "no temporary name is free")  # pragma: no cover


def _cannot_write(path: Path, why: str) -> FormatError:
    return FormatError(str(path), "", f"cannot be written: {why}")


def target(path: str | Path) -> Target:
    """Check where writing *path* lands, before anything is written.

    A symbolic link is followed to its final target; an existing regular file
    keeps its permission bits.

    Raises:
        FormatError: naming the path: the target is a directory, a FIFO, a
            device or a socket, the links loop, or it cannot be looked at.
    """
    given = Path(path)
    real = Path(os.path.realpath(given))
    try:
        found = os.lstat(real)
    except FileNotFoundError:
        return Target(given, real, None)
    except OSError as error:
        raise _cannot_write(given, error.strerror or str(error)) from None
    if stat.S_ISLNK(found.st_mode):  # realpath stops where links loop
        raise _cannot_write(given, "its symbolic links loop")
    shown = str(given) if real == Path(os.path.abspath(given)) else f"{given} (-> {real})"
    for test, what in _NOT_REGULAR:
        if test(found.st_mode):
            raise FormatError(shown, "", f"cannot be written: it is {what}, not a regular file")
    return Target(given, real, stat.S_IMODE(found.st_mode) & 0o777)


def write_atomically(path: str | Path, data: bytes | str) -> None:
    """Write *data* to *path* through a temporary file that replaces it in one step.

    See `target` for symbolic links, permissions and what is refused.

    Raises:
        FormatError: *path* cannot be written (naming it and why).
        OSError: writing fails; the old file is left as it was.
    """
    target(path).write(data)
