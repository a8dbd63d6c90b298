"""compare through the real CLI: Markdown and JSON out, mismatched or broken files refused."""

from __future__ import annotations

import json
from pathlib import Path

from collabcheck.render import json as json_render
from collabcheck.team import combine
from tests import teamdata
from tests.conftest import Cli
from tests.schemas import assert_valid
from tests.test_compare import write


def test_compare_two_results_as_markdown(cli: Cli, tmp_path: Path) -> None:
    spring = write(tmp_path / "spring.json", teamdata.member("Ann"))
    autumn = write(tmp_path / "autumn.json", teamdata.ann_later())

    result = cli("compare", str(spring), str(autumn))

    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert out.startswith("# Team fixture: what changed\n")
    assert "## Overall: 75.0% \u2192 75.0% (0.0 points), green" in out
    assert "| 1. People | 75.0% | 87.5% | +12.5 | green |" in out
    assert "| 2. Money \\<& more\\> | 75.0% | 50.0% | -25.0 | green \u2192 amber |" in out
    assert "- Money \\<& more\\>: green \u2192 amber (down)" in out
    assert "- **1.3** Are carers involved? \u2014 No \u2192 Partly (+0.50)" in out
    assert "- **2.1** Is there a budget? \u2014 Yes \u2192 No (-1.00)" in out


def test_compare_json_fits_its_schema(cli: Cli, tmp_path: Path) -> None:
    spring = write(tmp_path / "spring.json", teamdata.member("Ann"))
    autumn = write(tmp_path / "autumn.json", teamdata.ann_later())

    result = cli("compare", str(spring), str(autumn), "--format", "json")

    data = json.loads(result.stdout)
    assert_valid("compare", data)
    assert data["ratings_moved"] == ["money"]
    assert data["improved"] == ["people.carers", "money.audit"]
    assert data["worse"] == ["money.budget"]
    assert data["sections"][1]["change"] == -25.0


def test_compare_two_team_results_written_by_combine(cli: Cli, tmp_path: Path) -> None:
    paths = [str(p) for p in teamdata.write_results(tmp_path)]
    spring, autumn = tmp_path / "spring-team.json", tmp_path / "autumn-team.json"
    assert cli("combine", *paths[:3], "-f", "json", "-o", str(spring)).exit_code == 0
    assert cli("combine", *paths[3:], "-f", "json", "-o", str(autumn)).exit_code == 0

    result = cli("compare", str(spring), str(autumn), "--format", "json")

    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert_valid("compare", data)
    assert (data["before"]["kind"], data["before"]["respondents"]) == ("team", 3)
    assert (data["overall"]["before"], data["overall"]["after"]) == (48.9, 45.8)
    assert data["overall"]["change"] == -3.1


def test_compare_refuses_two_checklists_naming_them(cli: Cli, tmp_path: Path) -> None:
    spring = write(tmp_path / "spring.json", teamdata.member("Ann"))
    other = write(tmp_path / "other.json", teamdata.member("Ann", checklist_id="else"))

    result = cli("compare", str(spring), str(other))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {spring} is checklist 'team-fixture' but {other} is 'else': compare "
        "takes two results of one checklist\n"
    )


def test_compare_names_a_file_that_is_neither_kind(cli: Cli, tmp_path: Path) -> None:
    spring = write(tmp_path / "spring.json", teamdata.member("Ann"))
    odd = tmp_path / "odd.json"
    odd.write_text('{"schema": "something/else"}', encoding="utf-8")

    result = cli("compare", str(spring), str(odd))

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"collabcheck: {odd}: schema: not a collabcheck result or team result"
    )


def test_a_broken_team_result_is_named_field_by_field(cli: Cli, tmp_path: Path) -> None:
    t = combine(teamdata.team(), ["a", "b", "c", "d", "e"]).team
    data = json_render.team_dict(t)
    data["scores"]["overall"]["score"] = "high"
    data["questions"][0]["mean"] = 7
    path = tmp_path / "team.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    result = cli("compare", str(path), str(path))

    assert result.exit_code == 1
    assert f"collabcheck: {path}: scores.overall.score: must be a number or null" in result.stderr
    assert f"collabcheck: {path}: questions[0].mean: must be from 0 to 1" in result.stderr


def test_compare_has_no_csv(cli: Cli, tmp_path: Path) -> None:
    spring = write(tmp_path / "spring.json", teamdata.member("Ann"))

    assert cli("compare", str(spring), str(spring), "--format", "csv").exit_code == 2
