"""Where a command's document goes (stdout, ``-o FILE`` or ``-o -``), in which format, and the
one-line messages on stderr.

A regular file is written atomically (textfiles.write_atomic); anything else that already
exists, a FIFO, a terminal, ``/dev/null`` or ``/dev/stdout``, is written straight, never
replaced. A file the command reads is never written over. Text for a terminal has its control
sequences shown rather than run (render/escape.py), and a stdout that is closed, full or gone
is one line on stderr and exit 1, never a traceback.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import TypeVar

from collabcheck.errors import CollabcheckError, UsageError
from collabcheck.render.escape import one_line, visible

STDOUT = "-"
"""``-o -``: write to stdout, as without ``-o``."""

_FORMATS_BY_SUFFIX = {
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
    ".csv": "csv",
}

F = TypeVar("F", bound=StrEnum)


class OutputError(CollabcheckError):
    """The document could not be written where it was to go."""


def is_stdout(output: Path | None) -> bool:
    """Whether ``-o`` means stdout: not given, or ``-``."""
    return output is None or str(output) == STDOUT


def choose_format(formats: type[F], given: F | None, output: Path | None, default: F) -> F:
    """The format to write: ``--format`` if given, else what ``-o``'s extension says (.md,
    .json, .html, .csv), else ``default``. A --format that contradicts the extension, or an
    extension the command does not write, is a usage error."""
    suffix = "" if is_stdout(output) else Path(str(output)).suffix.lower()
    implied = _FORMATS_BY_SUFFIX.get(suffix)
    if implied is None:
        return given if given is not None else default
    offered = [f.value for f in formats]
    if implied not in offered:
        raise UsageError(
            f"-o {output}: this command writes {_or(offered)}, not {implied}; "
            f"name the file {_or(['.' + f for f in offered if f != 'text'])}"
        )
    if given is not None and given.value != implied:
        raise UsageError(
            f"--format {given.value} does not fit -o {output}, whose name says {implied}; "
            "drop --format or change the name"
        )
    return formats(implied)


def _or(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def refuse_inputs(output: Path | None, inputs: Iterable[Path | str | None]) -> None:
    """Refuse ``-o`` naming a file the command reads (which writing would destroy)."""
    if is_stdout(output):
        return
    for item in inputs:
        if item is None:
            continue
        try:
            same = os.path.samefile(str(output), str(item))
        except (OSError, ValueError):  # either does not exist (yet): nothing to destroy
            continue
        if same:
            raise UsageError(
                f"-o {output} is {item}, which this command reads; write to another file"
            )


def check_target(output: Path | None) -> None:
    """Refuse, before anything is asked, an ``-o`` that cannot be written: a folder, a file in
    a folder that does not exist or that this user may not write to. (What fails only when
    written, a full disk, is still caught then.)"""
    if is_stdout(output):
        return
    assert output is not None
    if _is_special(output):
        if os.path.exists(output) and not os.access(output, os.W_OK):
            raise OutputError(f"{output}: cannot write: Permission denied")
        return
    if os.path.isdir(output):
        raise OutputError(f"{output}: cannot write: it is a folder")
    folder = os.path.dirname(_link_target(output)) or "."
    if not os.path.isdir(folder):
        raise OutputError(f"{output}: cannot write: no folder {folder}")
    if not os.access(folder, os.W_OK):
        raise OutputError(f"{output}: cannot write: Permission denied (in {folder})")


def write_document(text: str, output: Path | None) -> None:
    """Write a rendered document to ``output`` (``None`` or ``-``: stdout); OutputError if it
    cannot be written."""
    if is_stdout(output):
        write_stdout(text)
        return
    assert output is not None
    if _is_own_stream(output, 1):
        write_stdout(text)
        return
    if _is_own_stream(output, 2):
        _write_stream(sys.stderr, text, "stderr")
        return
    write_file(output, text)
    say(f"Wrote {output}")


def write_file(output: Path, text: str) -> None:
    """Write ``text`` to the file ``output``: a regular file atomically (through a link, the
    file it names), anything else that exists (a FIFO, a device) straight; OutputError if not."""
    from collabcheck.textfiles import write_atomic

    try:
        if os.path.isdir(output):
            raise IsADirectoryError
        if _is_special(output):
            _write_straight(output, text)
        else:
            write_atomic(_link_target(output), text)
    except IsADirectoryError:
        raise OutputError(f"{output}: cannot write: it is a folder") from None
    except OSError as exc:
        raise OutputError(f"{output}: cannot write: {exc.strerror or exc}") from None


def _is_own_stream(output: Path, fd: int) -> bool:
    """Whether ``output`` is this process's own stdout (1) or stderr (2), as /dev/stdout is."""
    try:
        return os.path.samestat(os.stat(output), os.fstat(fd))
    except (OSError, ValueError):
        return False


def _is_special(output: Path) -> bool:
    """Whether ``output`` is something other than a regular file, or lives in /dev or /proc:
    written straight, since replacing it with a file would break it."""
    where = os.path.abspath(output)
    if where.startswith(("/dev/", "/proc/")):
        return True
    try:
        mode = os.stat(output).st_mode
    except OSError:
        return False  # a new file (or an error the atomic write reports)
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def _link_target(output: Path) -> Path:
    """The file a symbolic link names, so writing through it keeps the link."""
    return Path(os.path.realpath(output)) if output.is_symlink() else output


def _write_straight(output: Path, text: str) -> None:
    from collabcheck.textfiles import encode

    # Never O_CREAT: in /dev nothing new is made, and a FIFO or device already exists.
    fd = os.open(output, os.O_WRONLY | os.O_CLOEXEC | os.O_NOCTTY)
    try:
        # A terminal (-o /dev/tty) is shown control sequences, as stdout on a terminal is.
        view = memoryview(encode(visible(text) if os.isatty(fd) else text))
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def write_stdout(text: str) -> None:
    """Write data to stdout (as UTF-8); a terminal gets control sequences shown, not run."""
    _write_stream(sys.stdout, text, "stdout")


def _write_stream(stream: object, text: str, name: str) -> None:
    from collabcheck.textfiles import encode

    if stream is None:
        raise OutputError(f"cannot write to {name}: it is closed")
    try:
        if stream.isatty():  # type: ignore[attr-defined]
            text = visible(text)
        stream.flush()  # type: ignore[attr-defined]
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a stream replaced by a text-only one
            stream.write(text)  # type: ignore[attr-defined]
        else:
            buffer.write(encode(text))
            buffer.flush()
    except (OSError, ValueError) as exc:  # ValueError: a closed file
        _silence(stream)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else "it is closed"
        raise OutputError(f"cannot write to {name}: {reason}") from None


def _silence(stream: object) -> None:
    """Point a failed stream at /dev/null, so that Python's flush at exit does not fail again
    with a traceback after the one-line error."""
    try:
        fd = stream.fileno()  # type: ignore[attr-defined]
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, fd)
        os.close(null)
    except (OSError, ValueError, AttributeError):
        pass


def stdout_failed() -> None:
    """Say that stdout failed (closed, full, gone) in one line, and exit 1."""
    stream = sys.stdout
    if stream is not None:
        _silence(stream)
    say("collabcheck: cannot write to stdout")
    raise SystemExit(1)


def say(line: str) -> None:
    """One line on stderr, file-supplied text in it shown harmlessly; a closed stderr is not an
    error worth dying for."""
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(one_line(line) + "\n")
        stream.flush()
    except (OSError, ValueError):
        _silence(stream)
