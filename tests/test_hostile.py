"""Hostile files given to every command that reads a file: exit 1, a message, no traceback."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from collabcheck.textfiles import MAX_BYTES
from tests.test_yamlfile import HOSTILE

Cli = Callable[..., Result]

CASES = {
    **HOSTILE,
    "empty": b"",
    "oversize": b"a: b\n" * (MAX_BYTES // 5 + 1),
    "json-wrong-types": b'{"schema": "collabcheck/result/v1", "checklist": 1, "meta": [],'
    b' "answers": "x", "scores": null}',
}


def commands(path: Path, tiny: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", str(path)],
        "show": ["show", str(path)],
        "run --answers": ["run", str(tiny), "--answers", str(path)],
        "report": ["report", str(path)],
        "form": ["form", str(path)],
        "combine": ["combine", str(path)],
    }


COMMANDS = ["validate", "show", "form", "run --answers", "report", "combine"]


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_input_gives_a_one_line_error(
    cli: Cli, tmp_path: Path, tiny: Path, case: str, command: str
) -> None:
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(CASES[case])

    result = cli(*commands(path, tiny)[command])

    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert result.stdout == ""


# One real process per command: the in-process test above already runs every case through
# every command (a traceback there fails the test); these add the real entry point, stdin with
# no terminal, and Python's own stack depth, so the deeply nested files come first.
REAL_PROCESS_CASES = [
    ("validate", "deep-block"),
    ("show", "deep-flow"),
    ("run --answers", "not-utf8"),
    ("report", "json-wrong-types"),
]


@pytest.mark.parametrize(("name", "case"), REAL_PROCESS_CASES)
def test_no_traceback_reaches_a_real_terminal(
    tmp_path: Path, tiny: Path, name: str, case: str
) -> None:
    path = tmp_path / f"{case}.json"
    path.write_bytes(CASES[case])
    args = commands(path, tiny)[name]
    done = subprocess.run(
        [sys.executable, "-m", "collabcheck", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )
    assert done.returncode == 1, done.stderr[-300:]
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr
