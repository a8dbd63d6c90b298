"""Saved sessions: one per running process, kept private, not lost to a failed save or damage."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabcheck.errors import RunInterruptedError
from collabcheck.model import Answer, Checklist
from collabcheck.sessions import Session, saved_session, sessions_dir
from tests.test_files import fail_midway
from tests.test_interview import CTRL_C, ENTER, WRITE, drive


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

    assert not session.save()

    assert session.unsaved is not None and "No space left on device" in session.unsaved
    assert session.path.read_text(encoding="utf-8") == saved
    session.release()


def test_saved_sessions_are_private() -> None:
    session = Session.create("tiny", "1")
    session.save()

    assert session.path.stat().st_mode & 0o777 == 0o600
    session.release()


def test_links_and_vanished_files_in_the_sessions_folder_are_passed_over(
    tiny_checklist: Checklist, tmp_path: Path
) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, ENTER + CTRL_C)
    folder = sessions_dir()
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text((next(folder.glob("tiny.*.json"))).read_text("utf-8"), "utf-8")
    (folder / "tiny.20200101T000000.1-aaaaaa.json").symlink_to(tmp_path / "nowhere")
    (folder / "tiny.20300101T000000.2-bbbbbb.json").symlink_to(elsewhere)

    found = saved_session("tiny")

    assert found is not None and not found.path.is_symlink()
    assert list(found.state.answers) == ["first.one"]
    found.release()


def test_a_lock_file_is_never_followed(tiny_checklist: Checklist, tmp_path: Path) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, ENTER + CTRL_C)
    saved = next(sessions_dir().glob("tiny.*.json"))
    lock = saved.with_suffix(".lock")
    lock.unlink()
    target = tmp_path / "victim"
    lock.symlink_to(target)

    assert saved_session("tiny") is None  # the session cannot be locked safely: not offered
    assert not target.exists()


def test_a_session_removed_by_another_run_is_not_an_error(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, ENTER + CTRL_C)
    found = saved_session("tiny")
    assert found is not None
    found.path.unlink()
    found.path.with_suffix(".lock").unlink()

    found.discard()  # another run finished it first: nothing left to remove, no error

    assert list(sessions_dir().iterdir()) == []
