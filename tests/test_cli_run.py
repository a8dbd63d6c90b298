"""run through the real CLI with --answers: no prompts, JSON checked against its schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from collabcheck.catalog import bundled_dir
from collabcheck.loader import load_path
from tests.schemas import assert_valid

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

BUNDLED = sorted(p.stem for p in bundled_dir().glob("*.yaml"))


def run_json(cli: Cli, *args: str) -> dict[str, Any]:
    result = cli("run", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert_valid("result", data)
    return data


TINY_ANSWERS = """\
checklist: tiny
organisation: Example Trust
respondent: A. Person
answers:
  first.one: yes
  first.two: {answer: partly, note: "only | in part"}
  second.three: no
"""


def test_tiny_answers_are_scored_as_worked_out_by_hand(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)

    data = run_json(cli, str(tiny), "--answers", str(answers))

    # first: (1*1 + 2*0.5) / 3 = 66.7; second: 0; overall: (1 + 1 + 0) / 4 = 50.
    overall = data["scores"]["overall"]
    assert overall == {
        "score": 50.0,
        "rating": "amber",
        "answered": 3,
        "excluded": 0,
        "dont_know": 0,
        "skipped": 0,
        "hidden": 0,
        "not_reached": 0,
        "questions": 3,
    }
    # first.two (Partly) is in part; second.three (No) is the one priority gap.
    assert data["gaps"] == {"priority": ["second.three"], "in_part": ["first.two"], "knowledge": []}
    first, second = data["scores"]["sections"]
    assert (first["id"], first["score"], first["rating"]) == ("first", 66.7, "amber")
    assert (second["id"], second["score"], second["rating"]) == ("second", 0.0, "red")
    assert [(a["id"], a["answer"], a["value"], a["note"]) for a in data["answers"]] == [
        ("first.one", "yes", 1.0, None),
        ("first.two", "partly", 0.5, "only | in part"),
        ("second.three", "no", 0.0, None),
    ]
    assert data["meta"]["organisation"] == "Example Trust"
    assert data["meta"]["respondent"] == "A. Person"
    assert data["checklist"]["id"] == "tiny"


def test_questions_left_out_are_skipped_with_a_warning_by_their_numbers(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: yes\n")

    result = cli("run", str(tiny), "--answers", str(answers), "--format", "json")

    assert result.exit_code == 0
    assert (
        f"collabcheck: warning: 2 questions not in {answers} recorded as skipped: 1.2, 2.1\n"
    ) in result.stderr
    statuses = [a["status"] for a in json.loads(result.stdout)["answers"]]
    assert statuses == ["answered", "skipped", "skipped"]


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_every_bundled_checklist_runs_from_an_answers_file(
    cli: Cli, write_file: WriteFile, checklist_id: str
) -> None:
    checklist = load_path(bundled_dir() / f"{checklist_id}.yaml")
    options = checklist.scale.options
    lines = [f"checklist: {checklist_id}", "answers:"]
    weighted = total_weight = 0.0
    for index, question in enumerate(checklist.questions):
        if question.scored:
            option = options[index % len(options)]  # every option, in turn
            lines.append(f"  {question.id}: {option.key}")
            if option.value is not None:
                weighted += option.value * question.weight
                total_weight += question.weight
        elif question.choices:
            lines.append(f"  {question.id}: {question.choices[0].key}")
    answers = write_file("answers.yaml", "\n".join(lines) + "\n")

    data = run_json(cli, checklist_id, "--answers", str(answers))

    assert data["scores"]["overall"]["score"] == round(100 * weighted / total_weight, 1)
    assert len(data["answers"]) == len(checklist.questions)
    assert [s["id"] for s in data["scores"]["sections"]] == [s.id for s in checklist.sections]


def test_no_terminal_and_no_answers_stops_at_once(cli: Cli, tiny: Path) -> None:
    result = cli("run", str(tiny))

    assert result.exit_code == 1
    assert result.stderr == (
        "collabcheck: no terminal to ask the questions on; give the answers with --answers FILE\n"
    )


def test_unknown_section_is_a_usage_error(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)

    result = cli("run", str(tiny), "--answers", str(answers), "--section", "third")

    assert result.exit_code == 2
    assert "--section third: tiny has no such section; its sections are first, second" in (
        result.stderr
    )


def test_section_option_keeps_only_that_section(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)

    data = run_json(cli, str(tiny), "--answers", str(answers), "--section", "second")

    assert data["scores"]["overall"]["score"] == 0.0
    assert [a["status"] for a in data["answers"]] == ["skipped", "skipped", "answered"]


@pytest.mark.parametrize(("threshold", "code"), [("50", 0), ("50.1", 3)])
def test_fail_under(cli: Cli, tiny: Path, write_file: WriteFile, threshold: str, code: int) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)

    result = cli("run", str(tiny), "--answers", str(answers), "--fail-under", threshold)

    assert result.exit_code == code
    if code:
        assert result.stderr.endswith(
            f"collabcheck: overall score 50.0 is below --fail-under {threshold}\n"
        )


def test_fail_under_with_nothing_scored(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: n/a\n")

    result = cli("run", str(tiny), "--answers", str(answers), "--fail-under", "10")

    assert result.exit_code == 3
    assert result.stderr.endswith(
        "collabcheck: no overall score (nothing was scored), so --fail-under 10 is not met\n"
    )


MINIMAL_GATE = """\
id: gate
title: Gate
version: "1"
source: {publisher: P, title: T}
description: D
scale: yes-partly-no
sections:
  - id: a
    title: A
    questions:
      - {id: open, text: Is it open?}
      - {id: then, text: Then what?, when: {question: a.open, answer: yes}}
  - id: b
    title: B
    questions:
      - {id: other, text: Other?}
"""


def test_an_unknown_notes_policy_is_a_usage_error(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", TINY_ANSWERS)

    result = cli("run", str(tiny), "--answers", str(answers), "--notes", "sometimes")

    assert result.exit_code == 2
    assert "Invalid value for '--notes': 'sometimes' is not one of 'always', 'low', 'never'." in (
        result.stderr
    )
    assert result.stdout == ""


def test_help_lists_the_notes_policies(cli: Cli) -> None:
    result = cli("run", "--help")

    assert "--notes <always|low|never>" in result.stdout
