"""Users' text files, read and written safely.

Reads are bounded in size, UTF-8 and never block on a pipe; a file that cannot be read raises
FileReadError, which names it (kept apart from yamlfile so reading JSON results, which combine
does by the thousand, needs no YAML). Writes go through a temporary file and a rename, so a
crash or a full disk never leaves half a file behind.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from collabcheck.errors import FileReadError, Problem

MAX_BYTES = 1024 * 1024
"""Files larger than this are refused unread: no checklist, answers or result file comes near."""

_CHUNK = 64 * 1024


def _error(name: str, message: str, line: int | None = None) -> FileReadError:
    return FileReadError([Problem(name, line, "", message)])


def read_text(path: Path | str, name: str | None = None) -> str:
    """A UTF-8 file of at most MAX_BYTES, or FileReadError saying why not.

    It reads what the file says it holds (and a byte more, to see it end) rather than asking
    for MAX_BYTES at once: a 1 MiB buffer for each of thousands of small files costs more than
    parsing them.
    """
    shown = name or str(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise _error(shown, "is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            # A FIFO or a device would block or never end: only regular files are read.
            raise _error(shown, "not a regular file")
        if info.st_size > MAX_BYTES:
            raise _too_large(shown)
        with open(path, "rb", buffering=0) as handle:
            size = info.st_size
            data = handle.read(size + 1 if size else _CHUNK) or b""
            # Read on only from a file that grew since stat, and no further than MAX_BYTES + 1.
            while len(data) > size and len(data) <= MAX_BYTES:
                more = handle.read(_CHUNK)
                if not more:
                    break
                data += more
    except FileNotFoundError:
        raise _error(shown, "no such file") from None
    except OSError as exc:
        raise _error(shown, f"cannot read: {exc.strerror}") from None
    if len(data) > MAX_BYTES:
        raise _too_large(shown)
    if b"\0" in data:
        raise _error(shown, "not a text file (it has NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(shown, "not UTF-8 text", line) from None


def _too_large(name: str) -> FileReadError:
    return _error(name, f"refused: larger than {MAX_BYTES // 1024 // 1024} MiB")


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    ``private`` keeps the file readable by its owner only (saved answers, say).
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temp_name = _new_private_file(folder, path.name)
    try:
        # The temporary file is private (0600); a report should get the mode a plain write
        # would give it: the existing file's, or the default the umask allows.
        if not private:
            os.chmod(temp_name, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _new_private_file(folder: Path, name: str) -> tuple[int, str]:
    """Create ``.NAME.RANDOM.tmp`` in ``folder``, open for writing, mode 0600.

    What tempfile.mkstemp does, without importing tempfile (and random, which it imports):
    that would add a tenth to the start-up of ``run -o``.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    for _ in range(100):
        temp_name = os.path.join(folder, f".{name}.{os.urandom(6).hex()}.tmp")
        try:
            return os.open(temp_name, flags, 0o600), temp_name
        except FileExistsError:
            continue  # pragma: no cover - 48 random bits hardly ever repeat
    raise FileExistsError(f"no free temporary name for {name} in {folder}")  # pragma: no cover


def _mode_for(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
