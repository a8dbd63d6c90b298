"""validate through the real CLI: exit codes, several files at once, --strict."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import MINIMAL, Cli, WriteFile
from tests.test_lint import CLEAN, warnings
from tests.test_loader import broken, error_lines


def test_every_problem_is_reported_at_once(cli: Cli, write_file: WriteFile) -> None:
    text = broken("weight: 2", "weight: -1").replace("scale: yes-partly-no", "scale: nine")
    path = write_file("two-problems.yaml", text)

    result = cli("validate", str(path))

    assert result.exit_code == 1
    assert error_lines(result) == [
        f"{path}:9: scale: unknown scale 'nine'; use yes-partly-no or agree-5, "
        "or a list of options (key, label, value)",
        f"{path}:21: first.two.weight: must not be negative (-1)",
    ]
    assert result.stderr.splitlines()[-1] == "collabcheck: problems in 1 of 1 file"


def test_valid_and_invalid_files_together_exit_1_and_say_which(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    bad = write_file("bad.yaml", broken("weight: 2", "weight: -1"))

    result = cli("validate", str(tiny), str(bad))

    assert result.exit_code == 1
    assert f"{tiny}: ok (tiny, 3 questions)" in result.stderr
    assert f"{bad}:21:" in result.stderr


def test_valid_file_exits_0(cli: Cli, tiny: Path) -> None:
    result = cli("validate", str(tiny))

    # tiny has a section of one question: a warning (tests/test_lint.py), which does not fail.
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == f"{tiny}: ok (tiny, 3 questions)"


def test_missing_file_is_named(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"

    result = cli("validate", str(missing))

    assert result.exit_code == 1
    assert f"{missing}: no such file" in result.stderr


def test_strict_makes_warnings_fail(cli: Cli, write_file: WriteFile) -> None:
    path = write_file("tiny.yaml", MINIMAL)

    result = cli("validate", "--strict", str(path))

    assert result.exit_code == 1
    assert warnings(result)
    assert result.stderr.splitlines()[-2] == f"{path}: ok (tiny, 3 questions)"
    assert result.stderr.splitlines()[-1] == "collabcheck: warnings in 1 of 1 file (--strict)"


def test_strict_counts_errors_and_warnings_apart(cli: Cli, write_file: WriteFile) -> None:
    warned = write_file("tiny.yaml", MINIMAL)
    bad = write_file("bad.yaml", MINIMAL.replace("weight: 2", "weight: -1"))
    clean = write_file("clean/tiny.yaml", CLEAN)

    result = cli("validate", "--strict", str(warned), str(bad), str(clean))

    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "collabcheck: problems in 1 and warnings in 1 of 3 files (--strict)"
    )
