"""compare: what changed between two results, or two team results, of one checklist."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from collabcheck.compare import Kind, compare, from_result, from_team, read_scorecard
from collabcheck.errors import MismatchError
from collabcheck.render import json as json_render
from collabcheck.result import Result, build
from collabcheck.team import combine
from tests import teamdata
from tests.schemas import assert_valid

Cli = Callable[..., CliResult]


def test_two_results() -> None:
    before = from_result(teamdata.member("Ann"), "spring.json")
    after = from_result(teamdata.ann_later(), "autumn.json")

    c = compare(before, after).comparison

    assert (c.overall.before, c.overall.after, c.overall.change) == (75.0, 75.0, 0.0)
    people, money, idea = c.sections
    assert (people.before, people.after, people.change, people.moved) == (75.0, 87.5, 12.5, False)
    assert (money.change, money.rating_before, money.rating_after) == (-25.0, "green", "amber")
    assert (money.moved, money.direction) == (True, "down")
    assert (idea.before, idea.after, idea.change, idea.moved) == (None, None, None, False)
    assert [m.id for m in c.ratings_moved] == ["money"]
    assert [(q.id, q.change) for q in c.improved] == [("people.carers", 0.5), ("money.audit", 0.5)]
    assert [(q.id, q.change, q.answer_before, q.answer_after) for q in c.worse] == [
        ("money.budget", -1.0, "Yes", "No")
    ]
    # Only scored questions are compared; lead and time did not change.
    assert [q.id for q in c.questions] == [
        "people.lead",
        "people.time",
        "people.carers",
        "money.budget",
        "money.audit",
    ]


def test_a_question_answered_in_only_one_is_not_compared() -> None:
    later = dict(teamdata.ANSWERS["Ann"])
    del later["people.lead"]  # skipped this time
    after = build(teamdata.checklist(), later, teamdata.member("Ann").meta)

    c = compare(from_result(teamdata.member("Ann"), "a"), from_result(after, "b")).comparison

    lead = c.questions[0]
    assert (lead.id, lead.before, lead.after, lead.change, lead.answer_after) == (
        "people.lead",
        1.0,
        None,
        None,
        "skipped",
    )
    assert [q.id for q in c.not_compared] == ["people.lead"]
    assert lead not in c.improved + c.worse


def test_two_team_results() -> None:
    results = teamdata.team()
    first = combine(results[:3], ["a", "b", "c"]).team  # Ann, Bob, Cat
    second = combine(results[3:], ["d", "e"]).team  # Dan, Eve

    c = compare(from_team(first, "spring"), from_team(second, "autumn")).comparison

    # Overall: (75 + 41.7 + 30) / 3 = 48.9 -> (41.7 + 50) / 2 = 45.8.
    assert (c.overall.before, c.overall.after, c.overall.change) == (48.9, 45.8, -3.1)
    assert (c.before.kind, c.before.respondents, c.after.respondents) == (Kind.TEAM, 3, 2)
    lead = c.questions[0]
    # Lead: 1, 1, 0 -> 1, .5.
    assert lead.before == pytest.approx(2 / 3)
    assert lead.after == pytest.approx(0.75)
    assert lead.change == pytest.approx(0.75 - 2 / 3)


def test_different_checklists_are_refused_naming_both() -> None:
    before = from_result(teamdata.member("Ann"), "a.json")
    after = from_result(teamdata.member("Ann", checklist_id="else"), "b.json")

    with pytest.raises(MismatchError) as caught:
        compare(before, after)

    assert str(caught.value) == (
        "a.json is checklist 'team-fixture' but b.json is 'else': compare takes two results of "
        "one checklist"
    )


def test_another_version_is_a_warning() -> None:
    before = from_result(teamdata.member("Ann"), "a.json")
    after = from_result(teamdata.member("Ann", version="2"), "b.json")

    assert compare(before, after).warnings == (
        "a.json is team-fixture version 1 and b.json version 2; sections and questions are "
        "matched by id",
    )


# --- through the CLI --------------------------------------------------------------------------


def write(path: Path, result: Result) -> Path:
    path.write_text(json_render.result(result), encoding="utf-8")
    return path


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


def test_a_team_result_reads_back_as_it_was_made(tmp_path: Path) -> None:
    t = combine(teamdata.team(), ["a", "b", "c", "d", "e"]).team
    path = tmp_path / "team.json"
    path.write_text(json_render.team(t), encoding="utf-8")

    assert read_scorecard(path) == from_team(t, str(path))


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
