"""Reading a user's text file safely: bounded in size, UTF-8, never blocking on a pipe.

Kept apart from yamlfile so that reading JSON results (combine reads thousands) needs no YAML.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from collabcheck.errors import Problem

MAX_BYTES = 1024 * 1024
"""Files larger than this are refused unread: no checklist, answers or result file comes near."""

_CHUNK = 64 * 1024


class ReadError(Exception):
    """A file that cannot be read as text (or parsed); carries the problem to report."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        super().__init__(str(problem))


def _error(name: str, message: str, line: int | None = None) -> ReadError:
    return ReadError(Problem(name, line, "", message))


def read_text(path: Path | str, name: str | None = None) -> str:
    """A UTF-8 file of at most MAX_BYTES, or ReadError saying why not.

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


def _too_large(name: str) -> ReadError:
    return _error(name, f"refused: larger than {MAX_BYTES // 1024 // 1024} MiB")
