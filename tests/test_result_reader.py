"""Reading result files: JSON checked like YAML, size and encoding refused, many read as one."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from collabcheck.errors import FileReadError, ResultError
from collabcheck.outcome_pool import read_results
from collabcheck.result_reader import read_result
from collabcheck.textfiles import DATA_MAX_BYTES
from tests import teamdata


def test_reading_a_result_as_json_checks_like_yaml(tmp_path: Path) -> None:
    path = teamdata.write_results(tmp_path)[0]
    data = teamdata.load(path)
    answers = data["answers"]
    assert isinstance(answers, list)
    answers[0]["value"] = True  # equal to 1 as a key, but not a number
    path.write_text(json.dumps(data), encoding="utf-8")
    twin = tmp_path / "twin.json"
    twin.write_text(json.dumps(data).replace('"value": true', '"value": 1.0', 1), "utf-8")

    with pytest.raises(ResultError) as caught:
        read_results([twin, path])

    assert str(caught.value) == f"{path}: answers[0].value: must be a number or null"


def test_a_json_result_larger_than_the_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as handle:  # sparse: the size is what counts, and it is never read
        handle.truncate(DATA_MAX_BYTES + 1)

    with pytest.raises(FileReadError, match="refused: larger than 64 MiB"):
        read_result(path)


def test_not_utf8_json_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n"a":\n"caf\xe9"}')

    with pytest.raises(FileReadError) as caught:
        read_result(path)

    assert str(caught.value) == f"{path}:3: not UTF-8 text"


def _edited(tmp_path: Path, change: str, into: str) -> Path:
    path = teamdata.write_results(tmp_path)[0]
    text = path.read_text(encoding="utf-8")
    # The number after the key, whole: 1.0 is replaced, not just its 1.
    edited = re.sub(re.escape(change) + r"[0-9.]*", lambda _: into, text, count=1)
    assert edited != text
    path.write_text(edited, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "into", "problem"),
    [
        ('"weight": 1', '"weight": 1e400', "weight: must be a number or null"),
        ('"weight": 1', '"weight": 1' + "0" * 400, "weight: must be a number or null"),
        ('"value": 1', '"value": 1e400', "value: must be"),
        ('"green": 75', '"green": -50', "checklist.bands.green: must be from 0 to 100"),
        ('"amber": 50', '"amber": 1e400', "checklist.bands.amber: must be a number or null"),
    ],
)
def test_numbers_no_run_writes_are_problems(
    tmp_path: Path, change: str, into: str, problem: str
) -> None:
    path = _edited(tmp_path, change, into)

    with pytest.raises(ResultError) as caught:
        read_result(path)

    assert problem in str(caught.value)


def test_weights_that_add_up_to_infinity_are_a_problem(tmp_path: Path) -> None:
    path = teamdata.write_results(tmp_path)[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    for answer in data["answers"]:
        answer["weight"] = 1e308
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(ResultError, match="the weights add up to more than 1e\\+300"):
        read_result(path)


def test_a_lone_surrogate_in_a_result_is_written_as_a_replacement(
    tmp_path: Path, cli: Callable[..., CliResult]
) -> None:
    path = _edited(tmp_path, '"respondent": "', '"respondent": "\\ud800')

    for fmt in ("md", "html", "csv", "json"):
        result = cli("report", str(path), "--format", fmt)
        assert result.exit_code == 0, result.stderr
        assert "\ufffd" in result.stdout or "\\ud800" in result.stdout
