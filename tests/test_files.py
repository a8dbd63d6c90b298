"""Nothing lost under faults: a failed write leaves the previous file whole."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from collabcheck.textfiles import write_atomic

Cli = Callable[..., Result]


class DiskFull(OSError):
    def __init__(self) -> None:
        super().__init__(28, "No space left on device")


def fail_midway(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the next write fail after part of the text has gone to the temporary file."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        real_write = handle.write

        def write(text: str) -> int:
            real_write(text[: len(text) // 2])
            raise DiskFull()

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)


def test_a_failed_write_leaves_the_previous_file_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    write_atomic(target, "previous report\n")
    fail_midway(monkeypatch)

    with pytest.raises(DiskFull):
        write_atomic(target, "new report " * 1000)

    assert target.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.md"]  # no temporary left


def test_report_to_a_file_that_cannot_be_written_is_one_line(
    cli: Cli,
    tiny: Path,
    write_file: Callable[[str, str], Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: yes\n")
    target = tmp_path / "report.md"
    target.write_text("previous\n", encoding="utf-8")
    fail_midway(monkeypatch)

    result = cli("run", str(tiny), "--answers", str(answers), "-o", str(target))

    assert result.exit_code == 1
    assert result.stderr.endswith(f"collabcheck: {target}: cannot write: No space left on device\n")
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_output_into_a_missing_folder_is_one_line(cli: Cli, tiny: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "sheet.md"

    result = cli("show", str(tiny), "--format", "md", "-o", str(target))

    assert result.exit_code == 1
    assert result.stderr == f"collabcheck: {target}: cannot write: No such file or directory\n"


def test_written_files_get_the_usual_mode(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.md"
        write_atomic(fresh, "x")
        kept = tmp_path / "kept.md"
        kept.write_text("old")
        kept.chmod(0o640)
        write_atomic(kept, "new")
    finally:
        os.umask(old)

    assert fresh.stat().st_mode & 0o777 == 0o644
    assert kept.stat().st_mode & 0o777 == 0o640
