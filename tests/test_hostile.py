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
    }


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", ["validate", "show", "run --answers", "report"])
def test_hostile_input_gives_a_one_line_error(
    cli: Cli, tmp_path: Path, tiny: Path, case: str, command: str
) -> None:
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(CASES[case])

    result = cli(*commands(path, tiny)[command])

    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert result.stdout == ""


def test_no_traceback_reaches_a_real_terminal(tmp_path: Path, tiny: Path) -> None:
    failures = []
    for case, content in sorted(CASES.items()):
        path = tmp_path / f"{case}.json"
        path.write_bytes(content)
        for name, args in commands(path, tiny).items():
            done = subprocess.run(
                [sys.executable, "-m", "collabcheck", *args],
                capture_output=True,
                text=True,
                stdin=subprocess.DEVNULL,
                timeout=30,
            )
            if done.returncode != 1 or "Traceback" in done.stderr or not done.stderr:
                failures.append((case, name, done.returncode, done.stderr[-300:]))
    assert failures == []
