"""combine through the real CLI: the files it reads, the reports it writes, what it refuses."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from collabcheck.render import json as json_render
from tests import teamdata
from tests.conftest import Cli, WriteFile
from tests.schemas import assert_valid
from tests.test_team import NAMES


@pytest.mark.parametrize("fmt", ["md", "json", "html", "csv"])
def test_no_report_format_names_a_respondent_without_named(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--by", "role", "--format", fmt)

    assert result.exit_code == 0, result.stderr
    for name in NAMES:  # the files are named after them too: no format lists the files
        assert name not in result.stdout


def test_named_report_lists_members(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--named")

    assert "## Respondents" in result.stdout
    assert "| 1 | Ann | board | North | 75.0% green |" in result.stdout


def test_small_groups_say_why_they_show_no_answers(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--by", "role")

    out = result.stdout
    assert "| Section | Team score | Rating | Lowest | Highest | board (3) | exec (2) |" in out
    assert "| 1. People | 42.5% | red | 25.0% | 75.0% | 50.0% amber | 31.3% red |" in out
    assert "### exec (2 members)\n\nToo small to show without identifying people" in out


def test_markdown_puts_what_a_workshop_discusses_first(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    out = cli("combine", *map(str, paths)).stdout

    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[:3] == [
        "## Where the team disagrees",
        "## Where the team agrees it is weakest",
        "## Team score: 47.7% (red)",
    ]
    assert (
        "- **2.1** Is there a budget? \u2014 Yes 2 \u00b7 No 1 \u00b7 Don't know 1; "
        "mean 0.50, SD 0.50"
    ) in out
    assert "| 1.3 | Are carers involved? | 5 | 0 | 1 | 4 | 0 | 0 | 0 | 0.10 | 0.20 | 0.50 |  |" in (
        out
    )
    assert "| 2. Money \\<& more\\> | 55.0% | amber | 0.0% | 100.0% |" in out


def test_team_json_fits_its_schema_and_holds_the_numbers(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--format", "json", "--by", "organisation")

    data = json.loads(result.stdout)
    assert_valid("team", data)
    assert data["schema"] == "collabcheck/team/v1"
    assert (data["respondents"], data["named"], data["members"]) == (5, False, [])
    lead = data["questions"][0]
    assert lead["counts"] == {"yes": 3, "partly": 1, "no": 1, "dont-know": 0, "n/a": 0}
    assert (lead["mean"], lead["sd"], lead["range"], lead["disagreement"]) == (
        pytest.approx(0.7),
        pytest.approx(0.4),
        1.0,
        True,
    )
    assert data["scores"]["overall"] == {
        "score": 47.7,
        "rating": "red",
        "lowest": 30.0,
        "highest": 75.0,
        "respondents": 5,
    }
    assert data["disagreements"] == ["money.budget", "people.lead", "people.time"]
    assert data["weakest"] == ["people.carers"]
    assert [(g["name"], g["size"], g["shown"]) for g in data["groups"]] == [
        ("North", 3, True),
        ("South", 2, False),
    ]
    assert data["groups"][1]["questions"] is None


def test_a_result_of_another_checklist_exits_1_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)
    other = tmp_path / "other.json"
    other.write_text(json_render.result(teamdata.member("Ann", checklist_id="else")), "utf-8")

    result = cli("combine", *map(str, paths), str(other))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {other}: a result of checklist 'else', not 'team-fixture' as in "
        f"{paths[0]}: combine takes results of one checklist\n"
    )
    assert result.stdout == ""


def test_another_version_is_a_warning(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)
    newer = tmp_path / "newer.json"
    newer.write_text(json_render.result(teamdata.member("Ann", version="2")), "utf-8")

    result = cli("combine", *map(str, paths), str(newer), "--format", "json")

    assert result.exit_code == 0
    assert result.stderr == (
        f"Read {len(paths) + 1} results and 0 answers files.\n"
        f"collabcheck: warning: {newer}: team-fixture version 2, but {paths[0]} is version 1; "
        "questions are matched by id\n"
    )
    assert json.loads(result.stdout)["checklist"]["versions"] == ["1", "2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, ": no such file"),
        ("{not json", ":1: not valid JSON: Expecting property name enclosed in double quotes"),
        ('{"schema": "collabcheck/team/v1"}', ": schema: not a collabcheck result"),
        ("[1, 2]", ": result: must be an object"),
        ('{"a": NaN}', ": not valid JSON: NaN is not a number JSON allows"),
    ],
)
def test_an_unreadable_or_non_result_file_exits_1_naming_it(
    cli: Cli, tmp_path: Path, content: str | None, message: str
) -> None:
    paths = teamdata.write_results(tmp_path)
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")

    result = cli("combine", *map(str, paths), str(bad))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {bad}{message}"), result.stderr
    assert result.stdout == ""


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    paths = list(map(str, teamdata.write_results(tmp_path)))

    by_team = cli("combine", *paths, "--by", "team")
    assert by_team.exit_code == 2
    assert "'team' is not one of 'role', 'organisation'" in by_team.stderr
    assert "--by <role|organisation>" in cli("combine", "--help").stdout
    assert cli("combine", *paths, "--min-group", "0").exit_code == 2
    assert cli("combine", *paths, "--format", "text").exit_code == 2


def test_csv_of_a_team_has_a_row_per_member_and_question(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--format", "csv")

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 * 7
    assert [r["respondent"] for r in rows[::7]] == ["1", "2", "3", "4", "5"]
    assert rows[0] | {} == {
        "checklist": "team-fixture",
        "respondent": "1",
        "role": "board",
        "organisation": "North",
        "section": "people",
        "question_id": "people.lead",
        "label": "Lead",
        "answer": "yes",
        "value": "1",
        "note": "",
        "status": "answered",
        "answer_label": "Yes",
    }


def test_combine_refuses_results_on_different_scales(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: yes\n")
    ours = json.loads(cli("run", str(tiny), "--answers", str(answers), "-f", "json").stdout)
    first = write_file("a.json", json.dumps(ours))
    ours["checklist"]["scale"] = "custom"
    second = write_file("b.json", json.dumps(ours))

    result = cli("combine", str(first), str(second))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {second}: answered on the custom scale, but {first} on yes-partly-no: "
        "their answers cannot be counted together\n"
    )
