"""compare: what changed between two results, or two team results, of one checklist."""

from __future__ import annotations

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


def test_a_team_result_reads_back_as_it_was_made(tmp_path: Path) -> None:
    t = combine(teamdata.team(), ["a", "b", "c", "d", "e"]).team
    path = tmp_path / "team.json"
    path.write_text(json_render.team(t), encoding="utf-8")

    assert read_scorecard(path) == from_team(t, str(path))
