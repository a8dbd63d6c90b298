"""Saved sessions: every answer is written to disk as it is given, so nothing typed is lost.

Each run has its own file in the user's state folder (XDG_STATE_HOME, else ~/.local/state),
named by checklist, start time and process, and holds a lock on it while it runs: two runs of
the same checklist at once never share a file, and ``--resume`` only picks up a session that
no running process holds.
"""

from __future__ import annotations

import fcntl
import json
import os
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from collabcheck.errors import SessionError
from collabcheck.model import Answer
from collabcheck.textfiles import write_atomic

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
                str(qid): Answer(
                    tuple(a["answer"]) if isinstance(a["answer"], list) else a["answer"],
                    a.get("note"),
                )
                for qid, a in data["answers"].items()
            }
            return cls(
                checklist_id=str(data["checklist"]),
                checklist_version=str(data["checklist_version"]),
                answers=answers,
                organisation=data.get("organisation"),
                respondent=data.get("respondent"),
                role=data.get("role"),
                started_at=data.get("started_at"),
                position=data.get("position"),
                stage=data.get("stage"),
            )
        except (KeyError, TypeError, AttributeError) as exc:
            raise SessionError(f"{name}: damaged session file ({exc})") from None


class Session:
    """One run's session file, locked while the run goes on."""

    def __init__(self, path: Path, state: SessionState) -> None:
        self.path = path
        self.state = state
        self._lock: IO[bytes] | None = None

    @classmethod
    def create(cls, checklist_id: str, checklist_version: str) -> Session:
        folder = sessions_dir()
        folder.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%S")
        unique = f"{os.getpid()}-{secrets.token_hex(3)}"
        path = folder / f"{checklist_id}.{stamp}.{unique}.json"
        session = cls(path, SessionState(checklist_id, checklist_version))
        if not session.acquire():
            raise SessionError(f"{path}: already in use")
        return session

    def acquire(self) -> bool:
        """Take this session's lock; False if another process holds it."""
        lock_path = self.path.with_suffix(".lock")
        handle = lock_path.open("ab")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            return False
        self._lock = handle
        return True

    def release(self) -> None:
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def save(self) -> None:
        """Write the state now (atomically: a crash leaves the previous save whole)."""
        text = json.dumps(self.state.to_dict(), indent=1, ensure_ascii=False)
        write_atomic(self.path, text, private=True)  # one person's answers, not for others

    def discard(self) -> None:
        """Remove the session: the run is complete, or the person started over."""
        self.path.unlink(missing_ok=True)
        self.path.with_suffix(".lock").unlink(missing_ok=True)
        self.release()


def saved_session(checklist_id: str) -> Session | None:
    """The most recent saved session of this checklist that no running process holds."""
    folder = sessions_dir()
    if not folder.is_dir():
        return None
    candidates = sorted(
        folder.glob(f"{checklist_id}.*.json"), key=lambda p: p.stat().st_mtime, reverse=True
    )
    for path in candidates:
        if path.name.count(".") != 3:  # another checklist whose id starts with this one
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            state = SessionState.from_dict(data, str(path))
        except (OSError, ValueError, SessionError):
            continue  # damaged (or written by something else): it must not block new runs
        if state.checklist_id != checklist_id:
            continue
        session = Session(path, state)
        if session.acquire():
            return session
    return None
