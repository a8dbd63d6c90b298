"""Saved sessions: one per running process, kept private, not lost to a failed save or damage."""

from __future__ import annotations

import pytest

from collabcheck.model import Answer, Checklist
from collabcheck.sessions import Session, saved_session, sessions_dir
from tests.test_files import DiskFull, fail_midway
from tests.test_interview import ENTER, WRITE, drive


def test_two_runs_at_once_keep_separate_sessions(tiny_checklist: Checklist) -> None:
    one = Session.create("tiny", "1")
    two = Session.create("tiny", "1")
    one.state.answers["first.one"] = Answer("yes")
    two.state.answers["first.one"] = Answer("no")
    one.save()
    two.save()

    assert one.path != two.path
    # Both are held by running processes, so neither is offered for resuming.
    assert saved_session("tiny") is None
    two.release()
    resumed = saved_session("tiny")
    assert resumed is not None and resumed.state.answers["first.one"].answer == "no"


def test_a_damaged_session_file_does_not_block_new_runs(tiny_checklist: Checklist) -> None:
    folder = sessions_dir()
    folder.mkdir(parents=True)
    (folder / "tiny.20260101T000000.1-abc.json").write_text(
        '{"schema": "collabcheck/session/v1", "answers": []}', encoding="utf-8"
    )

    outcome, _ = drive(tiny_checklist, ENTER * 3 + WRITE)

    assert [o.answer for o in outcome.result.outcomes] == ["yes", "yes", "yes"]


def test_a_failed_session_save_keeps_the_last_good_save(monkeypatch: pytest.MonkeyPatch) -> None:
    session = Session.create("tiny", "1")
    session.state.answers["first.one"] = Answer("yes", "kept")
    session.save()
    saved = session.path.read_text(encoding="utf-8")
    session.state.answers["first.two"] = Answer("no")
    fail_midway(monkeypatch)

    with pytest.raises(DiskFull):
        session.save()

    assert session.path.read_text(encoding="utf-8") == saved
    session.release()


def test_saved_sessions_are_private() -> None:
    session = Session.create("tiny", "1")
    session.save()

    assert session.path.stat().st_mode & 0o777 == 0o600
    session.release()
