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
"""Checklists larger than this are refused unread: no checklist written by hand comes near."""

DATA_MAX_BYTES = 64 * 1024 * 1024
"""The limit for what grows with a checklist and its answers: results, team results, answers
files and saved sessions. The largest checklist MAX_BYTES allows (some 30,000 one-line
questions) writes a result of about 16 MiB before anyone's notes; this leaves room for notes
and still refuses a file no run could have written."""

_CHUNK = 64 * 1024


def _error(name: str, message: str, line: int | None = None) -> FileReadError:
    return FileReadError([Problem(name, line, "", message)])


def read_text(path: Path | str, name: str | None = None, *, limit: int = MAX_BYTES) -> str:
    """A UTF-8 file of at most ``limit`` bytes, or FileReadError saying why not.

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
        if info.st_size > limit:
            raise _too_large(shown, limit)
        with open(path, "rb", buffering=0) as handle:
            size = info.st_size
            data = handle.read(size + 1 if size else _CHUNK) or b""
            # Read on only from a file that grew since stat, and no further than limit + 1.
            while len(data) > size and len(data) <= limit:
                more = handle.read(_CHUNK)
                if not more:
                    break
                data += more
    except FileNotFoundError:
        raise _error(shown, "no such file") from None
    except OSError as exc:
        raise _error(shown, f"cannot read: {exc.strerror}") from None
    if len(data) > limit:
        raise _too_large(shown, limit)
    if b"\0" in data:
        raise _error(shown, "not a text file (it has NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise _error(shown, "not UTF-8 text", line) from None


def _too_large(name: str, limit: int) -> FileReadError:
    return _error(name, f"refused: larger than {limit // 1024 // 1024} MiB")


def encode(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate, which UTF-8 cannot carry, as its original byte when
    it stands for one (a file name, an argument), else as ``?``: never an error half way."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "replace")


def mend(text: str) -> str:
    """Text as typed or given, with what is not text made into text: bytes that were not UTF-8
    (a Latin-1 terminal, an argument in another encoding, which Python carries as lone
    surrogates) are read as Windows-1252/Latin-1, and any other lone surrogate becomes U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        pass
    out: list[str] = []
    escaped = bytearray()
    for char in text:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:
            escaped.append(code - 0xDC00)
            continue
        if escaped:
            out.append(_single_byte(bytes(escaped)))
            escaped.clear()
        out.append("\ufffd" if 0xD800 <= code <= 0xDFFF else char)
    if escaped:
        out.append(_single_byte(bytes(escaped)))
    return "".join(out)


def _single_byte(data: bytes) -> str:
    return "".join(
        byte.decode("cp1252", "strict") if _cp1252_has(byte) else byte.decode("latin-1")
        for byte in (data[i : i + 1] for i in range(len(data)))
    )


def _cp1252_has(byte: bytes) -> bool:
    try:
        byte.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def write_atomic(path: Path, text: str, *, private: bool = False) -> None:
    """Write ``text`` to ``path`` through a temporary file in the same folder, then rename.

    The temporary file is readable by its owner only until it is complete; then it takes the
    mode a plain write would give (the existing file's, or what the umask allows), unless
    ``private`` (saved answers), and replaces ``path``. A write killed half way leaves at most
    a private temporary file, never a half-written or readable one.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    data = encode(text)
    fd, temp_name = _new_private_file(folder, path.name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            if not private:
                os.fchmod(handle.fileno(), _mode_for(path))
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
