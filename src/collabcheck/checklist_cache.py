"""A private cache of checklist files already read, so ``list`` and ``show`` need not parse YAML.

For each checklist file it keeps the file's text, the parsed document (with the line of every
key and item, so validation still names lines) and, for ``list``, the checklist's summary. An
entry is used only while the file holds exactly the same text, and only by the same code (the
version, and the size and time of each of collabcheck's modules and PyYAML's): the cache can be
out of date, but what it gives back is never stale. Importing PyYAML and parsing cost more than
all the rest of ``list``; reading the text again to compare it costs almost nothing.

It is a JSON file (never pickle: reading it runs no code) for each installed copy of collabcheck,
in $XDG_CACHE_HOME/collabcheck, else ~/.cache/collabcheck: the folder is private (0700), the file
its owner's only (0600) and written atomically. A cache that cannot be read, trusted or written
is ignored without a word, and the checklists are parsed as they would be without it.
"""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path
from typing import Any

from collabcheck import __version__
from collabcheck.yamlfile import LineDict, LineList

SCHEMA = "collabcheck/checklist-cache/v1"
FILE_NAME = f"checklists-{zlib.crc32(os.path.dirname(__file__).encode()):08x}.json"
"""One file for each installed copy of collabcheck (a checkout and a pipx install, say): their
stamps differ, and in one file each would throw away what the other wrote."""
MAX_BYTES = 16 * 1024 * 1024
"""A larger cache is neither read nor written: its checklists are parsed as without a cache."""


def cache_dir() -> Path | None:
    """The folder of the cache, or None when there is no home folder to put it in."""
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        home = os.path.expanduser("~")
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "collabcheck"


class _NotStorable(Exception):
    """A document holding what JSON cannot give back as it was (a date, bytes, a set...)."""


def encode(document: Any) -> Any:
    """The parsed document as plain JSON data that ``decode`` turns back into it, lines and all.

    Raises _NotStorable for values JSON would change: such a file is simply not cached.
    """
    if isinstance(document, LineDict):
        pairs = [[key, document.key_lines[key], encode(value)] for key, value in document.items()]
        for key, _, _ in pairs:
            encode(key)
        return {"line": document.line, "pairs": pairs}
    if isinstance(document, LineList):
        return {
            "line": document.line,
            "items": [encode(item) for item in document],
            "lines": [*document.item_lines],
        }
    if document is None or type(document) in (str, int, float, bool):
        return document
    raise _NotStorable(type(document).__name__)


def decode(data: Any) -> Any:
    """The document that ``encode`` made ``data`` of."""
    if isinstance(data, dict):
        if "pairs" in data:
            mapping = LineDict()
            mapping.line = data["line"]
            mapping.key_lines = {}
            for key, key_line, value in data["pairs"]:
                mapping[key] = decode(value)
                mapping.key_lines[key] = key_line
            return mapping
        sequence = LineList(decode(item) for item in data["items"])
        sequence.line = data["line"]
        sequence.item_lines = list(data["lines"])
        return sequence
    return data


class ChecklistCache:
    """The cached entries, read once by a command and written back if it added any."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._stamp = code_stamp()
        self._entries = self._read()
        self._changed = False

    @classmethod
    def open(cls) -> ChecklistCache:
        """The user's cache."""
        return cls(cache_dir())

    def _read(self) -> dict[str, Any]:
        if self.folder is None:
            return {}
        try:
            fd = os.open(self.folder / FILE_NAME, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
            with os.fdopen(fd, "rb") as handle:
                info = os.fstat(fd)
                if not _private(info) or info.st_size > MAX_BYTES:
                    return {}
                data = json.loads(handle.read())
        except (OSError, ValueError, RecursionError):
            return {}
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            return {}
        entries = data.get("files")
        if data.get("stamp") != self._stamp or not isinstance(entries, dict):
            return {}
        return entries

    def _entry(self, path: Path, text: str) -> dict[str, Any] | None:
        entry = self._entries.get(os.path.abspath(path))
        if isinstance(entry, dict) and entry.get("text") == text:
            return entry
        return None

    def document(self, path: Path, text: str) -> Any | None:
        """The parsed document of ``path`` if it was cached with exactly this ``text``."""
        entry = self._entry(path, text)
        if entry is None:
            return None
        try:
            document = decode(json.loads(entry["document"]))
        except (KeyError, TypeError, ValueError, RecursionError):
            return None  # a damaged entry: the file is parsed instead
        # Only checklists that loaded are cached, and a checklist is a mapping.
        return document if isinstance(document, LineDict) else None

    def summary(self, path: Path, text: str) -> dict[str, Any] | None:
        """What ``list`` shows of ``path`` if it was cached with exactly this ``text``."""
        entry = self._entry(path, text)
        summary = entry.get("summary") if entry else None
        return summary if isinstance(summary, dict) else None

    def remember(self, path: Path, text: str, document: Any) -> None:
        """Keep the parsed document of a file that loaded without problems."""
        if self._entry(path, text) is not None:
            return
        try:
            # As a string within the cache: reading the cache then builds none of the documents
            # (list needs none of them, show one).
            encoded = json.dumps(encode(document), ensure_ascii=False, separators=(",", ":"))
        except _NotStorable:
            return
        self._entries[os.path.abspath(path)] = {"text": text, "document": encoded}
        self._changed = True

    def remember_summary(self, path: Path, text: str, summary: dict[str, Any]) -> None:
        """Add what ``list`` shows to the entry kept for this text (if any)."""
        entry = self._entry(path, text)
        if entry is not None and entry.get("summary") != summary:
            entry["summary"] = summary
            self._changed = True

    def save(self) -> None:
        """Write the cache if anything was added; quietly do nothing when it cannot be."""
        if not self._changed or self.folder is None:
            return
        from collabcheck.textfiles import write_atomic

        try:
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _private(os.stat(self.folder)):
                os.chmod(self.folder, 0o700)
                if not _private(os.stat(self.folder)):
                    return
            # Files that are gone are forgotten, so the cache does not grow without end.
            kept = {path: e for path, e in self._entries.items() if os.path.exists(path)}
            data = {"schema": SCHEMA, "stamp": self._stamp, "files": kept}
            text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
            if len(text.encode()) <= MAX_BYTES:
                write_atomic(self.folder / FILE_NAME, text, private=True)
        except (OSError, ValueError):
            return
        self._changed = False


def _private(info: os.stat_result) -> bool:
    """Owned by this user and closed to everyone else (where the system has owners)."""
    owner = getattr(os, "getuid", None)
    return (owner is None or info.st_uid == owner()) and info.st_mode & 0o077 == 0


def code_stamp() -> list[Any]:
    """What the cached data were made by: collabcheck's version, and the size and time of each
    of its modules and of PyYAML's, so that changed code (a new release, an edit in a checkout,
    another PyYAML) never reads what older code wrote."""
    stamp: list[Any] = [__version__]
    folders = [os.path.dirname(__file__)]
    from importlib.util import find_spec

    spec = find_spec("yaml")
    if spec is not None and spec.origin:
        folders.append(os.path.dirname(spec.origin))
    for folder in folders:
        try:
            names = sorted(name for name in os.listdir(folder) if name.endswith(".py"))
            for name in names:
                info = os.stat(os.path.join(folder, name))
                stamp.append([name, info.st_size, info.st_mtime_ns])
        except OSError:
            stamp.append(folder)
    return stamp
