"""combine: a team's answers counted, averaged and set side by side, worked out by hand.

The five members and their answers are in tests/teamdata.py. Values: Yes 1, Partly 0.5,
No 0, Don't know 0, n/a left out. Spread is the population standard deviation.
"""

from __future__ import annotations

import csv
import io
import json
import math
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result as CliResult

from collabcheck.errors import MismatchError, ResultError
from collabcheck.model import Answer, Bands, Status
from collabcheck.render import json as json_render
from collabcheck.result import Meta, build, score_outcomes
from collabcheck.result_reader import read_result, read_results
from collabcheck.scoring import ScoredAnswer, score, score_values_many
from collabcheck.team import GroupBy, TeamOptions, TeamResult, combine
from tests import teamdata
from tests.schemas import assert_valid

Cli = Callable[..., CliResult]
NAMES = list(teamdata.PEOPLE)


def team(options: TeamOptions | None = None) -> TeamResult:
    return combine(teamdata.team(), [f"{n}.json" for n in NAMES], options).team


def question(t: TeamResult, qid: str) -> Any:
    return next(q for q in t.questions if q.id == qid)


def counts(t: TeamResult, qid: str) -> dict[str, int]:
    return {c.key: c.count for c in question(t, qid).stats.counts}


# --- per question -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "answered", "given", "mean", "sd", "low_high", "disagreement"),
    [
        # 1, 1, 0, 1, 0.5: mean 3.5/5; deviations .3 .3 -.7 .3 -.2, squares sum .8, /5 = .16.
        ("people.lead", 5, {"yes": 3, "partly": 1, "no": 1}, 0.7, 0.4, (0.0, 1.0), True),
        # 1, .5, .5, 0 (Eve n/a): mean 2/4; squares .25 0 0 .25, /4 = .125.
        ("people.time", 4, {"yes": 1, "partly": 2, "no": 1, "n/a": 1}, 0.5, 0.125**0.5,
         (0.0, 1.0), True),
        # 0, 0, .5, 0, 0: mean .1; nobody at the top, so no disagreement.
        ("people.carers", 5, {"partly": 1, "no": 4}, 0.1, 0.2, (0.0, 0.5), False),
        # 1, 0, 0 (don't know), 1; Eve skipped: mean .5, sd .5.
        ("money.budget", 4, {"yes": 2, "no": 1, "dont-know": 1}, 0.5, 0.5, (0.0, 1.0), True),
        # .5, .5, .5, 1 (Cat n/a): mean .625; squares 3 x .015625 + .140625 = .1875, /4.
        ("money.audit", 4, {"yes": 1, "partly": 3, "n/a": 1}, 0.625, 0.046875**0.5,
         (0.5, 1.0), False),
    ],
)  # fmt: skip
def test_each_question_is_counted_averaged_and_flagged(
    qid: str,
    answered: int,
    given: dict[str, int],
    mean: float,
    sd: float,
    low_high: tuple[float, float],
    disagreement: bool,
) -> None:
    stats = question(team(), qid).stats

    assert stats.answered == answered
    assert {key: n for key, n in counts(team(), qid).items() if n} == given
    assert stats.mean == pytest.approx(mean)
    assert stats.sd == pytest.approx(sd)
    assert (stats.lowest, stats.highest) == low_high
    assert stats.range == pytest.approx(low_high[1] - low_high[0])
    assert stats.disagreement is disagreement


def test_every_option_of_the_scale_is_counted_in_order_even_when_nobody_chose_it() -> None:
    assert list(counts(team(), "people.carers")) == ["yes", "partly", "no", "dont-know", "n/a"]


def test_skipped_and_excluded_and_dont_know_are_counted_apart() -> None:
    budget = question(team(), "money.budget").stats
    audit = question(team(), "money.audit").stats

    assert (budget.answered, budget.dont_know, budget.skipped, budget.excluded) == (4, 1, 1, 0)
    assert (audit.answered, audit.excluded, audit.skipped) == (4, 1, 0)


def test_choice_and_text_questions_are_counted_but_not_averaged() -> None:
    source = question(team(), "idea.source").stats
    more = question(team(), "idea.more").stats

    # Ann ticked two; each choice counts once per member who ticked it.
    assert {c.key: (c.label, c.count) for c in source.counts} == {
        "patients": ("Patients", 2),
        "staff": ("Staff", 2),
    }
    assert (source.answered, source.skipped, source.mean, source.disagreement) == (
        3,
        2,
        None,
        False,
    )
    assert (more.answered, more.skipped, more.counts, more.mean) == (1, 4, (), None)


def test_questions_are_numbered_as_on_the_worksheet() -> None:
    assert [q.number for q in team().questions] == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]


# --- the lists a workshop discusses -----------------------------------------------------------


def test_disagreements_widest_spread_first() -> None:
    # sd: budget .5, lead .4, time .354.
    assert [q.id for q in team().disagreements] == ["money.budget", "people.lead", "people.time"]


def test_weakest_is_where_the_team_agrees_and_the_mean_is_below_a_half() -> None:
    # carers (.1) only: budget and time (.5) are not below .5, and lead and budget disagree.
    assert [q.id for q in team().weakest] == ["people.carers"]


# --- scores -----------------------------------------------------------------------------------


def test_team_scores_are_the_mean_of_members_scores() -> None:
    # People (lead 1, time weight 2, carers): Ann (1+2+0)/4 = 75, Bob (1+1+0)/4 = 50,
    # Cat (0+1+.5)/4 = 37.5, Dan (1+0+0)/4 = 25, Eve (.5+0)/2 = 25 (time n/a): mean 42.5.
    # Money: Ann 75, Bob 25, Cat 0 (don't know; audit n/a), Dan 75, Eve 100 (budget skipped).
    # Overall: Ann 75, Bob 2.5/6, Cat 1.5/5 = 30, Dan 2.5/6, Eve 1.5/3 = 50.
    t = team()
    people, money, idea = (s.score for s in t.sections)

    assert (people.score, people.rating, people.lowest, people.highest) == (42.5, "red", 25, 75)
    assert (money.score, money.rating, money.lowest, money.highest) == (55.0, "amber", 0, 100)
    assert (idea.score, idea.rating, idea.respondents) == (None, None, 0)
    expected = (75 + 2.5 / 6 * 100 + 30 + 2.5 / 6 * 100 + 50) / 5
    assert t.overall.score == pytest.approx(expected)
    assert (t.overall.rounded, t.overall.rating, t.overall.lowest, t.overall.highest) == (
        47.7,
        "red",
        30.0,
        75.0,
    )


def test_a_member_with_no_score_in_a_section_is_left_out_of_its_mean() -> None:
    only_na = teamdata.member("Eve")
    answers = {"people.lead": Answer("n/a"), "money.audit": Answer("yes")}
    nothing_scored = build(teamdata.checklist(), answers, only_na.meta)

    t = combine([teamdata.member("Ann"), nothing_scored], ["a.json", "b.json"]).team

    assert (t.sections[0].score.score, t.sections[0].score.respondents) == (75.0, 1)


def test_score_values_many_agrees_with_score() -> None:
    rng = random.Random(4)
    statuses = [Status.ANSWERED, Status.ANSWERED, Status.ANSWERED, Status.SKIPPED, Status.HIDDEN]
    pool = [
        ScoredAnswer(
            rng.choice(["a", "b", "c"]),
            rng.choice([0.0, 0.3, 1.0, 2.0]),
            rng.choice(statuses),
            rng.choice([None, 0.0, 0.25, 0.5, 0.7, 1.0]),
        )
        for _ in range(40)
    ]
    lists = [rng.sample(pool, rng.randint(0, 12)) for _ in range(200)]
    sections = [("a", "A"), ("b", "B")]  # c is in no section: overall only

    many = score_values_many([sid for sid, _ in sections], lists)

    for items, (overall, each) in zip(lists, many, strict=True):
        expected = score(sections, items, Bands())
        assert overall == expected.overall.score
        assert each == [s.tally.score for s in expected.sections]


# --- groups and privacy -----------------------------------------------------------------------


def test_by_role_sets_groups_side_by_side_and_hides_small_ones() -> None:
    t = team(TeamOptions(by=GroupBy.ROLE))
    board, execs = t.groups

    # board: Ann, Bob, Dan. People 75, 50, 25; money 75, 25, 75.
    assert (board.name, board.size, board.shown) == ("board", 3, True)
    assert board.sections[0].score == pytest.approx(50.0)
    assert board.sections[1].score == pytest.approx(175 / 3)
    assert board.questions is not None
    lead = board.questions[0]
    assert ({c.key: c.count for c in lead.counts if c.count}, lead.mean) == ({"yes": 3}, 1.0)
    # exec: Cat and Eve, two: too few to show question by question; their section scores show.
    assert (execs.name, execs.size, execs.shown, execs.questions) == ("exec", 2, False, None)
    assert execs.sections[0].score == pytest.approx((37.5 + 25) / 2)


def test_min_group_decides_which_groups_are_shown() -> None:
    t = team(TeamOptions(by=GroupBy.ORGANISATION, min_group=2))

    assert [(g.name, g.size, g.shown) for g in t.groups] == [("North", 3, True), ("South", 2, True)]


def test_members_without_the_field_are_a_group_of_their_own_listed_last() -> None:
    results = teamdata.team()
    unnamed = build(teamdata.checklist(), teamdata.ANSWERS["Ann"], Meta())

    t = combine([*results, unnamed], [*NAMES, "x"], TeamOptions(by=GroupBy.ROLE)).team

    assert [(g.name, g.size) for g in t.groups] == [("board", 3), ("exec", 2), (None, 1)]


def test_nobody_is_named_unless_asked() -> None:
    assert [m.respondent for m in team().members] == [None] * 5
    named = team(TeamOptions(named=True))
    assert [m.respondent for m in named.members] == NAMES


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


# --- through the CLI ----------------------------------------------------------------------------


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

    assert cli("combine", *paths, "--by", "team").exit_code == 2
    assert cli("combine", *paths, "--min-group", "0").exit_code == 2
    assert cli("combine", *paths, "--format", "text").exit_code == 2


# --- reading many results ---------------------------------------------------------------------


def test_results_read_together_equal_results_read_alone(tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    together = read_results(paths)
    alone = [read_result(p) for p in paths]

    assert together == alone
    assert [r.scores for r in together] == [score_outcomes(r.checklist, r.outcomes) for r in alone]
    # Answers given alike are one object: Ann's and Bob's "lead: yes".
    assert together[0].outcomes[0] is together[1].outcomes[0]


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

    with pytest.raises(ResultError, match="refused: larger than 1 MiB"):
        read_result(path)


def test_not_utf8_json_is_named_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.json"
    path.write_bytes(b'{\n"a":\n"caf\xe9"}')

    with pytest.raises(ResultError) as caught:
        read_result(path)

    assert str(caught.value) == f"{path}:3: not UTF-8 text"


def test_combine_needs_a_result() -> None:
    with pytest.raises(MismatchError):
        combine([], [])


def test_spread_is_population_standard_deviation() -> None:
    # Two members, Yes and No: population sd 0.5 (a sample sd would be 0.71).
    ann, bob = teamdata.member("Ann"), teamdata.member("Bob")
    t = combine([ann, bob], ["a", "b"]).team
    budget = question(t, "money.budget").stats

    assert budget.sd == 0.5
    assert not math.isclose(budget.sd or 0, 2**-0.5)


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
