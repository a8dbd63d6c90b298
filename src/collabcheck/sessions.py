"""Saved sessions: every answer is written to disk as it is given, so nothing typed is lost.

Each run has its own file in the user's state folder (XDG_STATE_HOME, else ~/.local/state),
named by checklist, start time and process, and holds a lock on it while it runs: two runs of
the same checklist at once never share a file, and ``--resume`` only picks up a session that
no running process holds.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import secrets
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from collabcheck.errors import SessionError
from collabcheck.model import Answer
from collabcheck.textfiles import DATA_MAX_BYTES, write_atomic

SCHEMA = "collabcheck/session/v1"


def sessions_dir() -> Path:
    """Where sessions are kept."""
    base = os.environ.get("XDG_STATE_HOME") or str(Path.home() / ".local" / "state")
    return Path(base) / "collabcheck" / "sessions"


@dataclass
class SessionState:
    """What is saved after every answer."""

    checklist_id: str
    checklist_version: str
    answers: dict[str, Answer] = field(default_factory=dict)
    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None
    started_at: str | None = None
    """When the first answer was given."""
    position: str | None = None
    """Full id of the question to ask next."""
    stage: str | None = None
    """In a staged checklist, the stage the work has reached, once given."""
    updated_at: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "checklist": self.checklist_id,
            "checklist_version": self.checklist_version,
            "organisation": self.organisation,
            "respondent": self.respondent,
            "role": self.role,
            "started_at": self.started_at,
            "position": self.position,
            "stage": self.stage,
            "answers": {
                qid: {
                    "answer": list(a.answer) if isinstance(a.answer, tuple) else a.answer,
                    "note": a.note,
                }
                for qid, a in self.answers.items()
            },
        }

    @classmethod
    def from_dict(cls, data: Any, name: str) -> SessionState:
        if not isinstance(data, dict) or data.get("schema") != SCHEMA:
            raise SessionError(f"{name}: not a collabcheck session file")
        try:
            answers = {
                str(qid): Answer(_answer(a["answer"]), _text(a.get("note")))
                for qid, a in data["answers"].items()
            }
            return cls(
                checklist_id=str(data["checklist"]),
                checklist_version=str(data["checklist_version"]),
                answers=answers,
                organisation=_text(data.get("organisation")),
                respondent=_text(data.get("respondent")),
                role=_text(data.get("role")),
                started_at=_text(data.get("started_at")),
                position=_text(data.get("position")),
                stage=_text(data.get("stage")),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise SessionError(f"{name}: damaged session file ({exc})") from None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise TypeError(f"{value!r} is not text")


def _answer(value: Any) -> str | tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return _text(value)


class Session:
    """One run's session file, locked while the run goes on.

    A save that fails (a full disk, a folder made read-only) does not stop the run: the answers
    stay in memory, ``unsaved`` says why, and the next save tries again.
    """

    def __init__(self, path: Path, state: SessionState) -> None:
        self.path = path
        self.state = state
        self._lock: IO[bytes] | None = None
        self.unsaved: str | None = None
        """Why the last save failed; None when what is on disk is up to date."""
        self.saved = path.exists()
        """Whether the session file exists (so there is something to resume)."""

    @classmethod
    def create(cls, checklist_id: str, checklist_version: str) -> Session:
        try:
            folder = sessions_dir()
        except RuntimeError:  # no HOME, and no home in the password database
            raise SessionError(
                "cannot keep answers: no home folder; set XDG_STATE_HOME to a folder you can write"
            ) from None
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            if not folder.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder")
        except OSError as exc:
            raise SessionError(_cannot_keep(folder, exc)) from None
        stamp = time.strftime("%Y%m%dT%H%M%S")
        unique = f"{os.getpid()}-{secrets.token_hex(3)}"
        path = folder / f"{checklist_id}.{stamp}.{unique}.json"
        session = cls(path, SessionState(checklist_id, checklist_version))
        try:
            taken = session.acquire(strict=True)
        except OSError as exc:
            raise SessionError(_cannot_keep(folder, exc)) from None
        if not taken:
            raise SessionError(f"{path}: already in use")
        return session

    def acquire(self, *, strict: bool = False) -> bool:
        """Take this session's lock; False if another process holds it, or (unless ``strict``,
        when it raises OSError) if the lock file cannot be opened."""
        lock_path = self.path.with_suffix(".lock")
        try:
            # Never through a symbolic link: one planted here would make us create or lock
            # a file elsewhere.
            fd = os.open(
                lock_path,
                os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW | os.O_CLOEXEC,
                0o600,
            )
        except OSError:
            if strict:
                raise
            return False
        handle = os.fdopen(fd, "ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            handle.close()
            return False
        self._lock = handle
        return True

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def save(self, *, warn: bool = True) -> bool:
        """Write the state now (atomically: a crash leaves the previous save whole); False,
        with ``unsaved`` saying why, if it could not be written (with a warning on stderr the
        first time, unless not ``warn``)."""
        from collabcheck.render.escape import json_text

        try:
            # One person's answers, not for others to read.
            write_atomic(self.path, json_text(self.state.to_dict(), indent=1), private=True)
        except OSError as exc:
            first = self.unsaved is None
            self.unsaved = f"{self.path}: {exc.strerror or exc}"
            if first and warn:
                from collabcheck.output import say

                say(
                    f"collabcheck: warning: cannot save your answers ({self.unsaved}); they "
                    "are kept until the report is written, and saved again after each answer"
                )
            return False
        self.unsaved = None
        self.saved = True
        return True

    def discard(self) -> None:
        """Remove the session: the run is complete, or the person started over."""
        for path in (self.path, self.path.with_suffix(".lock")):
            # Removed already, or in a folder made read-only: nothing more to do.
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        self.saved = False
        self.release()

    def close(self) -> None:
        """Stop using the session: keep it if anything is saved, else remove its lock file."""
        if self.saved:
            self.release()
        else:
            self.discard()


def _cannot_keep(folder: Path, exc: OSError) -> str:
    return (
        f"cannot keep answers in {folder}: {exc.strerror or exc}; "
        "set XDG_STATE_HOME to a folder you can write"
    )


def _session_files(folder: Path, checklist_id: str) -> list[tuple[float, Path]]:
    """This checklist's session files in ``folder``, newest first: regular files only (a link,
    dangling or not, is passed over), and none that vanished while being listed."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    found: list[tuple[float, Path]] = []
    prefix = f"{checklist_id}."
    for entry in entries:
        name = entry.name
        # name.count: not another checklist whose id starts with this one
        if not (name.startswith(prefix) and name.endswith(".json") and name.count(".") == 3):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode):
            found.append((info.st_mtime, Path(entry.path)))
    found.sort(key=lambda item: item[0], reverse=True)
    return found


def _read_session(path: Path) -> Any:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ValueError("not a file")
        data = handle.read(DATA_MAX_BYTES + 1)
    if len(data) > DATA_MAX_BYTES:
        raise ValueError("too large")
    return json.loads(data.decode("utf-8"))


def saved_session(checklist_id: str) -> Session | None:
    """The most recent saved session of this checklist that no running process holds."""
    try:
        folder = sessions_dir()
    except RuntimeError:  # no home folder to keep sessions in
        return None
    for _, path in _session_files(folder, checklist_id):
        try:
            state = SessionState.from_dict(_read_session(path), str(path))
        except (OSError, ValueError, SessionError):
            continue  # damaged, vanished or written by something else: it must not block runs
        if state.checklist_id != checklist_id:
            continue
        session = Session(path, state)
        if session.acquire():
            return session
    return None
