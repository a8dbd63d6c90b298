"""A checklist's `source.url`: checked on load, carried by show, list --json and the result."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from typer.testing import Result

from tests.conftest import MINIMAL
from tests.schemas import assert_valid

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

PAGE = "https://example.org/guides/working-together?part=2"
WITH_URL = MINIMAL.replace("year: 2024", f"year: 2024\n  url: {PAGE}", 1)


def test_show_json_carries_the_url(cli: Cli, write_file: WriteFile) -> None:
    path = write_file("tiny.yaml", WITH_URL)

    result = cli("show", str(path), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"]["url"] == PAGE


def test_list_json_gives_each_checklists_url_or_null(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(WITH_URL, encoding="utf-8")
    (folder / "plain.yaml").write_text(MINIMAL.replace("id: tiny", "id: plain"), encoding="utf-8")

    result = cli("--checklist-dir", str(folder), "list", "--json")

    assert result.exit_code == 0, result.stderr
    urls = {row["id"]: row["url"] for row in json.loads(result.stdout)}
    assert urls["tiny"] == PAGE
    assert urls["plain"] is None
    assert urls["four-lessons"].startswith("https://www.health.org.uk/")


def run_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("run", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert_valid("result", data)
    return data


def test_the_result_and_its_report_keep_the_url(cli: Cli, write_file: WriteFile) -> None:
    checklist = write_file("tiny.yaml", WITH_URL)
    answers = write_file("answers.yaml", "answers: {first.one: yes}\n")

    data = run_json(cli, str(checklist), "--answers", str(answers))
    assert data["checklist"]["source"]["url"] == PAGE

    saved = write_file("result.json", json.dumps(data))
    again = cli("report", str(saved), "--format", "json")
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["checklist"]["source"]["url"] == PAGE


def test_a_result_with_a_url_that_is_not_a_web_address_is_refused(
    cli: Cli, write_file: WriteFile
) -> None:
    checklist = write_file("tiny.yaml", WITH_URL)
    answers = write_file("answers.yaml", "answers: {first.one: yes}\n")
    data = run_json(cli, str(checklist), "--answers", str(answers))
    data["checklist"]["source"]["url"] = "javascript:alert(1)"
    saved = write_file("result.json", json.dumps(data))

    result = cli("report", str(saved))

    assert result.exit_code == 1
    expected = "checklist.source.url: must be a web address starting http:// or https://"
    assert expected in result.stderr
    assert "Traceback" not in result.output


def test_run_refuses_a_checklist_whose_url_is_not_a_web_address(
    cli: Cli, write_file: WriteFile
) -> None:
    checklist = write_file("tiny.yaml", WITH_URL.replace(PAGE, "ftp://example.org/x"))
    answers = write_file("answers.yaml", "answers: {first.one: yes}\n")

    result = cli("run", str(checklist), "--answers", str(answers), "--format", "json")

    assert result.exit_code == 1
    expected = "source.url: must be a web address starting http:// or https://, not "
    assert expected in result.stderr
    assert result.stdout == ""


def test_a_team_report_keeps_the_url(cli: Cli, write_file: WriteFile) -> None:
    checklist = write_file("tiny.yaml", WITH_URL)
    saved = []
    for name, answer in (("ann", "yes"), ("bob", "no")):
        answers = write_file(
            f"{name}.yaml", f"respondent: {name}\nanswers: {{first.one: {answer}}}\n"
        )
        data = run_json(cli, str(checklist), "--answers", str(answers))
        saved.append(str(write_file(f"{name}.json", json.dumps(data))))

    result = cli("combine", *saved, "--format", "json")

    assert result.exit_code == 0, result.stderr
    team = json.loads(result.stdout)
    assert_valid("team", team)
    assert team["checklist"]["source"]["url"] == PAGE
