"""Reading result files: JSON checked like YAML, size and encoding refused, many read as one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabcheck.errors import FileReadError, ResultError
from collabcheck.outcome_pool import read_results
from collabcheck.result_reader import read_result
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
    path.write_bytes(b" " * (1024 * 1024 + 1))

    with pytest.raises(FileReadError, match="refused: larger than 1 MiB"):
        read_result(path)


def test_not_utf8_json_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n"a":\n"caf\xe9"}')

    with pytest.raises(FileReadError) as caught:
        read_result(path)

    assert str(caught.value) == f"{path}:3: not UTF-8 text"
