"""Staged checklists: sections as stages in order, some running throughout; a result at a stage
asks and scores the stages reached, and records the rest as not reached."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from collabcheck.errors import ChecklistError, ResultError
from collabcheck.loader import parse_checklist
from collabcheck.model import Answer, Checklist, Stages, Status
from collabcheck.render import json as json_render
from collabcheck.result import Meta, build
from collabcheck.result_reader import parse_result
from collabcheck.yamlfile import parse_text
from tests.schemas import assert_valid

Cli = Callable[..., CliResult]
WriteFile = Callable[[str, str], Path]

STAGED = """\
id: change
title: A change
version: "1"
source: {publisher: Test Publisher, title: A test source, year: 2024}
description: Stage by stage.
scale: yes-partly-no
staged: true
sections:
  - id: idea
    title: The Idea
    questions:
      - {id: clear, text: Is the idea clear?}
      - {id: owner, text: Does it have an owner?}
  - id: team
    title: The Team
    questions:
      - {id: invited, text: Have you invited people?}
      - {id: roles, text: Are the roles clear?}
  - id: talk
    title: Keep Talking
    throughout: true
    questions:
      - {id: updates, text: Have you given updates?}
      - {id: listen, text: Have you listened?}
  - id: impact
    title: The Impact
    questions:
      - {id: measure, text: Have you agreed what to measure?}
      - {id: shared, text: Have you shared the difference?}
"""


def load(text: str = STAGED) -> Checklist:
    return parse_checklist(parse_text(text, "change.yaml"), "change.yaml")


def problems(text: str) -> list[str]:
    with pytest.raises(ChecklistError) as caught:
        load(text)
    return [str(p) for p in caught.value.problems]


def test_a_staged_checklist_knows_its_stages() -> None:
    stages = load().stages

    assert stages == Stages(("idea", "team", "talk", "impact"), frozenset({"talk"}))
    assert stages.steps == ("idea", "team", "impact")
    assert stages.reached("idea") == {"idea", "talk"}
    assert stages.reached("team") == {"idea", "team", "talk"}
    assert stages.reached("impact") == {"idea", "team", "talk", "impact"}
    assert stages.reached(None) == {"idea", "team", "talk", "impact"}


def test_a_checklist_is_not_staged_unless_it_says_so() -> None:
    checklist = load(STAGED.replace("staged: true\n", "").replace("    throughout: true\n", ""))

    assert checklist.stages is None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "staged: true\n",
            "",
            "change.yaml:20: sections.talk.throughout: only a staged checklist's sections run "
            "throughout; add 'staged: true' at the top, or remove this",
        ),
        ("staged: true", "staged: yes please", "change.yaml:7: staged: must be true or false"),
        (
            "    throughout: true",
            "    throughout: 1",
            "change.yaml:21: sections.talk.throughout: must be true or false, not a number",
        ),
    ],
)
def test_stage_keys_are_checked(old: str, new: str, expected: str) -> None:
    assert any(p.startswith(expected) for p in problems(STAGED.replace(old, new, 1)))


def test_a_staged_checklist_needs_a_stage_to_reach() -> None:
    everything = STAGED.replace("    questions:\n", "    throughout: true\n    questions:\n")
    everything = everything.replace(
        "    throughout: true\n    throughout: true\n", "    throughout: true\n"
    )

    assert problems(everything) == [
        "change.yaml:7: staged: every section runs throughout, so there is no stage to reach: "
        "mark the stages that come one after another without 'throughout'"
    ]


def test_validate_warns_of_a_single_stage_and_of_a_when_on_a_later_stage(
    cli: Cli, write_file: WriteFile
) -> None:
    one_stage = STAGED.replace(
        "    title: The Idea\n", "    title: The Idea\n    throughout: true\n"
    ).replace("    title: The Team\n", "    title: The Team\n    throughout: true\n")
    one_stage = one_stage.replace(
        "      - {id: listen, text: Have you listened?}",
        "      - {id: listen, text: Have you listened?, when: {question: idea.clear, answer: yes}}",
    )
    later = STAGED.replace(
        "      - {id: listen, text: Have you listened?}",
        "      - {id: listen, text: Have you listened?, when: {question: team.roles, answer: no}}",
    )

    single = cli("validate", "--strict", str(write_file("a/change.yaml", one_stage)))
    when = cli("validate", "--strict", str(write_file("b/change.yaml", later)))

    assert single.exit_code == 1
    assert ":7: staged: warning: only one stage (impact) does not run throughout" in single.stderr
    assert when.exit_code == 1
    assert (
        ":24: talk.listen.when.question: warning: team.roles is in a stage not yet reached at "
        "idea, so until it is this question is never asked"
    ) in when.stderr


ALL_YES = {
    q: Answer("yes")
    for q in (
        "idea.clear",
        "idea.owner",
        "team.invited",
        "team.roles",
        "talk.updates",
        "talk.listen",
        "impact.measure",
        "impact.shared",
    )
}


def test_a_result_at_a_stage_asks_and_scores_only_the_stages_reached() -> None:
    answers = dict(ALL_YES, **{"impact.measure": Answer("no"), "impact.shared": Answer("no")})

    result = build(load(), answers, Meta(), stage="team")

    statuses = {o.id: o.status for o in result.outcomes}
    assert statuses["impact.measure"] is statuses["impact.shared"] is Status.NOT_REACHED
    assert {statuses[q] for q in ALL_YES if not q.startswith("impact.")} == {Status.ANSWERED}
    overall = result.scores.overall
    assert (overall.score, overall.answered, overall.not_reached) == (100.0, 6, 2)
    impact = result.scores.sections[3]
    assert (impact.tally.score, impact.tally.rating, impact.tally.not_reached) == (None, None, 2)
    assert result.stage == "team"
    assert "impact" not in result.reached


def test_the_end_of_the_work_scores_every_stage() -> None:
    answers = dict(ALL_YES, **{"impact.measure": Answer("no"), "impact.shared": Answer("no")})

    result = build(load(), answers, Meta(), stage="impact")

    assert result.scores.overall.score == 75.0
    assert result.scores.overall.not_reached == 0


def test_the_result_json_records_the_stage_and_reads_back(tmp_path: Path) -> None:
    result = build(load(), ALL_YES, Meta(), stage="idea")

    data = json_render.result_dict(result)

    assert_valid("result", data)
    assert data["stage"] == "idea"
    assert data["checklist"]["stages"] == {"throughout": ["talk"]}
    assert [s["reached"] for s in data["scores"]["sections"]] == [True, False, True, False]
    assert data["scores"]["overall"]["not_reached"] == 4
    again = parse_result(json.loads(json.dumps(data)), "r.json")
    assert again.stage == "idea"
    assert again.scores == result.scores


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda d: d.update(stage="talk"), "r.json: stage: must be one of idea, team, impact"),
        (lambda d: d.update(stage="nowhere"), "r.json: stage: must be one of idea, team, impact"),
        (
            lambda d: d.update(stage="impact"),
            "r.json: answers.team.invited.status: must be not not_reached: the stage reached "
            "is impact",
        ),
        (
            lambda d: d["checklist"].update(stages=None),
            "r.json: stage: the checklist is not staged",
        ),
    ],
)
def test_a_result_whose_stage_does_not_fit_its_answers_is_refused(
    change: Callable[[dict[str, object]], None], expected: str
) -> None:
    data = json_render.result_dict(build(load(), ALL_YES, Meta(), stage="idea"))
    change(data)

    with pytest.raises(ResultError) as caught:
        parse_result(data, "r.json")

    assert expected in [str(p) for p in caught.value.problems]
