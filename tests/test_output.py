"""Where a document goes: -o's format, special files written straight, inputs never written
over, stdout that fails, and the temporary file private until it is complete."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

Cli = Callable[..., Result]

ANSWERS = "answers:\n  first.one: yes\n  first.two: partly\n  second.three: no\n"


@pytest.fixture
def answers(write_file: Callable[[str, str], Path]) -> Path:
    return write_file("answers.yaml", ANSWERS)


@pytest.fixture
def result_json(cli: Cli, tiny: Path, answers: Path, tmp_path: Path) -> Path:
    path = tmp_path / "result.json"
    assert cli("run", str(tiny), "--answers", str(answers), "-o", str(path)).exit_code == 0
    return path


def collabcheck(*args: str, **options: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "collabcheck", *args],
        capture_output=options.pop("capture_output", True),
        text=True,
        timeout=60,
        **options,
    )


# --- the format from -o's extension ------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "starts"), [("r.json", "{"), ("r.html", "<!DOCTYPE html>"), ("r.md", "# ")]
)
def test_the_extension_of_o_sets_the_format(
    cli: Cli, tiny: Path, answers: Path, tmp_path: Path, name: str, starts: str
) -> None:
    target = tmp_path / name

    result = cli("run", str(tiny), "--answers", str(answers), "-o", str(target))

    assert result.exit_code == 0, result.stderr
    assert target.read_text(encoding="utf-8").startswith(starts)


def test_csv_from_the_extension(cli: Cli, result_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "rows.csv"

    assert cli("report", str(result_json), "-o", str(target)).exit_code == 0

    assert target.read_text(encoding="utf-8").startswith("checklist,respondent,")


def test_a_format_that_contradicts_the_extension_is_a_usage_error(
    cli: Cli, result_json: Path, tmp_path: Path
) -> None:
    target = tmp_path / "report.json"

    result = cli("report", str(result_json), "--format", "md", "-o", str(target))

    assert result.exit_code == 2
    assert result.stderr == (
        f"collabcheck: --format md does not fit -o {target}, whose name says json; "
        "drop --format or change the name\n"
    )
    assert not target.exists()


def test_an_extension_the_command_cannot_write_is_a_usage_error(
    cli: Cli, tiny: Path, answers: Path, tmp_path: Path
) -> None:
    result = cli("run", str(tiny), "--answers", str(answers), "-o", str(tmp_path / "r.csv"))

    assert result.exit_code == 2
    assert "writes md, json or html, not csv" in result.stderr


def test_o_dash_is_stdout(cli: Cli, result_json: Path) -> None:
    result = cli("report", str(result_json), "--format", "json", "-o", "-")

    assert result.exit_code == 0
    assert json.loads(result.stdout)["schema"] == "collabcheck/result/v1"
    assert result.stderr == ""


# --- never over an input -----------------------------------------------------------------------


def test_report_never_writes_over_its_result(cli: Cli, result_json: Path, tmp_path: Path) -> None:
    before = result_json.read_bytes()
    link = tmp_path / "link.json"
    link.symlink_to(result_json)

    for target in (result_json, link):
        result = cli("report", str(result_json), "--format", "json", "-o", str(target))
        assert result.exit_code == 2
        assert "which this command reads" in result.stderr

    assert result_json.read_bytes() == before


@pytest.mark.parametrize("command", ["combine", "compare", "run"])
def test_no_command_writes_over_an_input(
    cli: Cli, command: str, result_json: Path, tiny: Path, answers: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.json"
    other.write_bytes(result_json.read_bytes())
    args = {
        "combine": ["combine", str(result_json), str(other), "-o", str(other)],
        "compare": ["compare", str(result_json), str(other), "-o", str(other)],
        "run": ["run", str(tiny), "--answers", str(answers), "-o", str(answers)],
    }[command]
    victim = Path(args[-1])
    before = victim.read_bytes()

    result = cli(*args)

    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "which this command reads" in result.stderr
    assert victim.read_bytes() == before


# --- special files ----------------------------------------------------------------------------


def test_dev_null_stays_a_device(cli: Cli, result_json: Path) -> None:
    result = cli("report", str(result_json), "-o", "/dev/null")

    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_fifo_is_written_straight(result_json: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()

    done = collabcheck("report", str(result_json), "-o", str(fifo))
    reader.join(timeout=30)

    assert done.returncode == 0, done.stderr
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert received[0].startswith(b"# Tiny checklist: report")
    assert not [p.name for p in tmp_path.iterdir() if p.name.startswith(".")]  # no temp file


def test_dev_stdout_is_the_commands_stdout(result_json: Path) -> None:
    done = collabcheck("report", str(result_json), "-o", "/dev/stdout")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("# Tiny checklist: report")
    assert stat.S_ISCHR(os.lstat("/dev/null").st_mode)


def test_a_link_to_a_file_stays_a_link(cli: Cli, result_json: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.md"
    real.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(real)

    assert cli("report", str(result_json), "-o", str(link)).exit_code == 0

    assert link.is_symlink()
    assert real.read_text(encoding="utf-8").startswith("# Tiny checklist: report")


def test_nothing_is_made_in_dev(cli: Cli, result_json: Path) -> None:
    result = cli("report", str(result_json), "-o", "/dev/collabcheck-no-such-device")

    assert result.exit_code == 1
    assert not os.path.exists("/dev/collabcheck-no-such-device")


# --- stdout that fails ------------------------------------------------------------------------


STREAM_COMMANDS = {
    "--version": ["--version"],
    "list": ["list"],
    "help": ["--help"],
    "show": ["show", "board-readiness"],
    "schema": ["schema", "result"],
    "report": ["report", "RESULT"],
    "run": ["run", "TINY", "--answers", "ANSWERS"],
    "combine": ["combine", "RESULT"],
    "compare": ["compare", "RESULT", "RESULT"],
    "form": ["form", "board-readiness"],
}


@pytest.mark.parametrize("how", ["closed", "full"])
@pytest.mark.parametrize("command", sorted(STREAM_COMMANDS))
def test_a_stdout_that_fails_is_one_line_and_exit_1(
    how: str, command: str, result_json: Path, tiny: Path, answers: Path
) -> None:
    names = {"RESULT": str(result_json), "TINY": str(tiny), "ANSWERS": str(answers)}
    args = [names.get(a, a) for a in STREAM_COMMANDS[command]]
    redirect = ">&-" if how == "closed" else ">/dev/full"
    quoted = " ".join(f"'{a}'" for a in args)

    done = subprocess.run(
        f"'{sys.executable}' -m collabcheck {quoted} {redirect}",
        shell=True,
        capture_output=False,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
    )

    if command == "help" and how == "closed":
        return  # click prints help to a closed stdout as to nowhere: nothing is lost
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if "warning:" not in line]
    assert len(lines) == 1 and lines[0].startswith("collabcheck: cannot write to stdout")


# --- the temporary file -------------------------------------------------------------------------


def test_the_temporary_file_is_private_until_complete(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from collabcheck.textfiles import write_atomic

    modes: list[int] = []
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        handle = real_fdopen(fd, *args, **kwargs)
        real_write = handle.write

        def write(data: bytes) -> int:
            modes.append(os.fstat(fd).st_mode & 0o777)  # as a kill now would leave it
            return int(real_write(data))

        handle.write = write
        return handle

    monkeypatch.setattr(os, "fdopen", fdopen)
    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.md", "people's answers\n")
    finally:
        os.umask(old)

    assert modes == [0o600]
    assert (tmp_path / "report.md").stat().st_mode & 0o777 == 0o644


def test_new_never_replaces_a_device(cli: Cli) -> None:
    result = cli("new", "abc", "-o", "/dev/null", "--force")

    assert result.exit_code == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_o_naming_a_folder_is_one_line(cli: Cli, result_json: Path, tmp_path: Path) -> None:
    result = cli("report", str(result_json), "-o", str(tmp_path))

    assert result.exit_code == 1
    assert result.stderr == f"collabcheck: {tmp_path}: cannot write: it is a folder\n"


def test_run_refuses_an_o_it_cannot_write_before_asking_anything(cli: Cli, tiny: Path) -> None:
    # Without a terminal the run would stop for want of one: the -o is checked first.
    result = cli("run", str(tiny), "-o", "/nonexistent/r.md")

    assert result.exit_code == 1
    assert result.stderr == "collabcheck: /nonexistent/r.md: cannot write: no folder /nonexistent\n"


def test_schema_is_json_whatever_the_name(cli: Cli, tmp_path: Path) -> None:
    assert cli("schema", "result", "-o", str(tmp_path / "s.md")).exit_code == 2
    assert cli("schema", "result", "-o", str(tmp_path / "s.json")).exit_code == 0
