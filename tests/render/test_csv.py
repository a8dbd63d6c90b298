"""CSV in long format, read back with the csv module, and kept from acting as formulas."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from collabcheck.options import GroupBy
from collabcheck.render import csv as csv_render
from collabcheck.team import TeamOptions, combine
from tests import teamdata

Cli = Callable[..., CliResult]

HEADER = [
    "checklist",
    "respondent",
    "role",
    "organisation",
    "section",
    "question_id",
    "label",
    "answer",
    "value",
    "note",
    "status",
    "answer_label",
]


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


def test_a_result_is_a_row_per_question_with_the_respondent_as_given() -> None:
    table = rows(csv_render.result(teamdata.member("Ann")))

    assert table[0] == HEADER
    assert len(table) == 1 + 7
    assert table[1] == [
        "team-fixture",
        "Ann",
        "board",
        "North",
        "people",
        "people.lead",
        "Lead",
        "yes",
        "1",
        "",
        "answered",
        "Yes",
    ]
    by_id = {row[5]: row for row in table[1:]}
    assert by_id["people.time"][7:9] == ["yes", "1"]
    assert by_id["idea.source"][7] == "patients; staff"
    assert by_id["idea.source"][8] == ""  # choices have no value


def test_skipped_and_excluded_answers_keep_their_rows() -> None:
    by_id = {row[5]: row for row in rows(csv_render.result(teamdata.member("Eve")))[1:]}

    assert by_id["people.time"][7:11] == ["n/a", "", "", "answered"]
    assert by_id["money.budget"][7:11] == ["", "", "", "skipped"]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("=1+2", "'=1+2"),
        ("+44 20", "'+44 20"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tleading tab", "'\tleading tab"),
        ("plain, with a comma", "plain, with a comma"),
        ("a = b", "a = b"),
    ],
)
def test_text_that_a_spreadsheet_would_run_is_made_plain(text: str, written: str) -> None:
    assert csv_render.cell(text) == written


def test_a_formula_in_a_note_is_written_as_text() -> None:
    by_id = {row[5]: row for row in rows(csv_render.result(teamdata.member("Ann")))[1:]}

    assert by_id["people.carers"][9] == '\'=HYPERLINK("http://x") <b>not yet</b>'


def test_a_team_is_a_row_per_member_and_question_numbered_unless_named() -> None:
    results = teamdata.team()
    anonymous = combine(results, ["a", "b", "c", "d", "e"]).team
    named = combine(results, ["a", "b", "c", "d", "e"], TeamOptions(named=True)).team

    plain = rows(csv_render.team(anonymous))
    with_names = rows(csv_render.team(named))

    assert plain[0] == HEADER
    assert len(plain) == 1 + 5 * 7
    assert sorted({row[1] for row in plain[1:]}) == ["1", "2", "3", "4", "5"]
    assert [row[1] for row in with_names[1::7]] == list(teamdata.PEOPLE)
    # Not grouped, the rows carry no role or organisation unless named: a rare one would
    # pick a member out.
    assert {tuple(row[2:4]) for row in plain[1:]} == {("", "")}
    assert [row[2:4] for row in with_names[1::7]] == [list(v) for v in teamdata.PEOPLE.values()]


def test_a_group_too_small_to_show_is_not_named_in_the_rows() -> None:
    options = TeamOptions(by=GroupBy.ROLE, min_group=3)
    team = combine(teamdata.team(), ["a", "b", "c", "d", "e"], options).team

    table = rows(csv_render.team(team))

    # Three board members are shown as such; the two executives are too few to name.
    assert [row[2] for row in table[1::7]] == [
        "board",
        "board",
        "(group under 3)",
        "board",
        "(group under 3)",
    ]


def test_report_and_combine_write_csv_files(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)
    report_csv, team_csv = tmp_path / "ann.csv", tmp_path / "team.csv"

    assert cli("report", str(paths[0]), "--format", "csv", "-o", str(report_csv)).exit_code == 0
    assert cli("combine", *map(str, paths), "-f", "csv", "-o", str(team_csv)).exit_code == 0

    with report_csv.open(newline="", encoding="utf-8") as handle:
        assert len(list(csv.DictReader(handle))) == 7
    with team_csv.open(newline="", encoding="utf-8") as handle:
        read = list(csv.DictReader(handle))
    assert len(read) == 35
    assert {r["value"] for r in read if r["question_id"] == "money.budget"} == {"1", "0", ""}


def test_run_does_not_write_csv(cli: Cli, tiny: Path, tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  first.one: yes\n", encoding="utf-8")

    result = cli("run", str(tiny), "--answers", str(answers), "--format", "csv")

    assert result.exit_code == 2
    assert "'csv' is not one of" in result.stderr
