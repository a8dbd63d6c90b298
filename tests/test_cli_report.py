"""report through the real CLI: a result file re-rendered, anything else refused with a reason."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Cli, WriteFile
from tests.test_cli_run import TINY_ANSWERS


def test_output_file_is_written_and_report_rerenders_it(
    cli: Cli, tiny: Path, write_file: WriteFile, tmp_path: Path
) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)
    saved = tmp_path / "result.json"

    ran = cli("run", str(tiny), "--answers", str(answers), "--format", "json", "-o", str(saved))
    as_md = cli("report", str(saved))
    as_json = cli("report", str(saved), "--format", "json")

    assert ran.exit_code == 0 and ran.stdout == ""
    assert as_md.exit_code == 0
    assert as_md.stdout.startswith("# Tiny checklist: report\n")
    assert "## Overall: 50.0% (amber)" in as_md.stdout
    original = json.loads(saved.read_text(encoding="utf-8"))
    again = json.loads(as_json.stdout)
    assert again["scores"] == original["scores"]
    assert again["answers"] == original["answers"]
    assert not list(tmp_path.glob(".result.json.*"))  # no temporary file left behind


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"schema": "something/else"}', "schema: not a collabcheck result"),
        ("[1, 2]", "result: must be an object"),
        ("not json at all: [", ":1: not valid JSON: Expecting value"),
    ],
)
def test_report_refuses_what_is_not_a_result(
    cli: Cli, write_file: WriteFile, content: str, message: str
) -> None:
    path = write_file("result.json", content)

    result = cli("report", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {path}")
    assert message in result.stderr


def test_report_names_wrongly_typed_fields(cli: Cli, write_file: WriteFile, tiny: Path) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)
    ran = cli("run", str(tiny), "--answers", str(answers), "--format", "json")
    data = json.loads(ran.stdout)
    data["answers"][0]["value"] = "high"
    data["meta"]["respondent"] = 7
    path = write_file("result.json", json.dumps(data))

    result = cli("report", str(path))

    assert result.exit_code == 1
    assert f"collabcheck: {path}: meta.respondent: must be text" in result.stderr
    assert f"collabcheck: {path}: answers[0].value: must be a number or null" in result.stderr


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["answers"].append(dict(d["answers"][0])),
            "answers.first.one: given twice; a result has one entry per question",
        ),
        (
            lambda d: d["answers"][0].update(answer="maybe"),
            "answers[0].answer: 'maybe' is not an answer on the yes-partly-no scale",
        ),
        (
            lambda d: d["answers"][2].update(value=0.9),
            "answers[2].value: 0.9 does not match the answer 'no' (0.0)",
        ),
    ],
    ids=["duplicate", "unknown-answer", "wrong-value"],
)
def test_report_refuses_a_result_whose_answers_do_not_add_up(
    cli: Cli, tiny: Path, write_file: WriteFile, change: Callable[[Any], None], message: str
) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)
    data = json.loads(cli("run", str(tiny), "--answers", str(answers), "-f", "json").stdout)
    change(data)
    path = write_file("result.json", json.dumps(data))

    result = cli("report", str(path))

    assert result.exit_code == 1
    assert f"collabcheck: {path}: {message}" in result.stderr.splitlines()


def test_a_team_result_given_to_report_or_combine_is_named_as_one(
    cli: Cli, tiny: Path, write_file: WriteFile, tmp_path: Path
) -> None:
    from collabcheck.result_reader import TEAM_RESULT_SCHEMA
    from collabcheck.team import SCHEMA

    assert TEAM_RESULT_SCHEMA == SCHEMA  # the reader's copy of the team schema is the team's
    answers = write_file("answers.yaml", TINY_ANSWERS)
    saved = tmp_path / "result.json"
    cli("run", str(tiny), "--answers", str(answers), "--format", "json", "-o", str(saved))
    team = tmp_path / "team.json"
    assert cli("combine", str(saved), "--format", "json", "-o", str(team)).exit_code == 0

    for command in (("report", str(team)), ("combine", str(saved), str(team))):
        result = cli(*command)
        assert result.exit_code == 1
        assert result.stderr == (
            f"collabcheck: {team}: schema: a team result (from combine), not one person's "
            "result: combine and report take members' results; compare takes two team results\n"
        )
