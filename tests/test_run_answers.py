"""run --answers and report through the real CLI: no prompts, JSON checked against its schema."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from collabcheck.loader import bundled_dir, load_path
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
        "not_reached": 0,
    }
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


def test_json_answers_file_works_too(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.json", json.dumps({"answers": {"first.one": "no"}}))

    data = run_json(cli, str(tiny), "--answers", str(answers))

    assert data["scores"]["overall"]["score"] == 0.0
    assert data["scores"]["overall"]["skipped"] == 2


def test_questions_left_out_are_skipped_with_a_warning(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: yes\n")

    result = cli("run", str(tiny), "--answers", str(answers), "--format", "json")

    assert result.exit_code == 0
    assert (
        f"collabcheck: warning: 2 questions not in {answers} recorded as skipped: "
        "first.two, second.three\n"
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


def test_unquoted_yes_and_no_in_yaml_mean_the_answer_keys(cli: Cli, write_file: WriteFile) -> None:
    answers = write_file(
        "answers.yaml",
        """\
        answers:
          skills.skills-and-capacity: yes
          skills.training: no
          skills.organisational-development: Yes
        """,
    )

    data = run_json(cli, "board-readiness", "--answers", str(answers))

    assert [a["answer"] for a in data["answers"][:3]] == ["yes", "no", "yes"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "answers:\n  first.nine: yes\n",
            ":2: answers.first.nine: unknown question id 'first.nine'",
        ),
        (
            "answers:\n  first.one: maybe\n",
            ":2: answers.first.one: unknown answer 'maybe'; use one of yes, partly, no, "
            "dont-know, n/a",
        ),
        ("checklist: other\n", ":1: checklist: these answers are for 'other', not 'tiny'"),
        ("answers: [yes, no]\n", ":1: answers: must map question ids to answers"),
        (
            "answers:\n  first.one: {answer: yes, mood: good}\n",
            ":2: answers.first.one: unknown key",
        ),
        ("answers: {first.one: yes\n", ":2: not valid YAML"),
        ("- just\n- a list\n", ": must be a mapping with an 'answers' key"),
    ],
)
def test_bad_answers_files_are_named_and_explained(
    cli: Cli, tiny: Path, write_file: WriteFile, text: str, message: str
) -> None:
    answers = write_file("answers.yaml", text)

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {answers}{message}"), result.stderr
    assert result.stdout == ""


def test_missing_answers_file(cli: Cli, tiny: Path, tmp_path: Path) -> None:
    result = cli("run", str(tiny), "--answers", str(tmp_path / "none.yaml"))

    assert result.exit_code == 1
    assert result.stderr == f"collabcheck: {tmp_path / 'none.yaml'}: no such file\n"


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


def test_fail_under_with_nothing_scored(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: n/a\n")

    result = cli("run", str(tiny), "--answers", str(answers), "--fail-under", "10")

    assert result.exit_code == 3
    assert result.stderr.endswith(
        "collabcheck: no overall score (nothing was scored), so --fail-under 10 is not met\n"
    )


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


def test_answers_that_do_not_count_are_named(cli: Cli, write_file: WriteFile) -> None:
    checklist = write_file(
        "gate/gate.yaml",
        MINIMAL_GATE,
    )
    answers = write_file(
        "answers.yaml",
        "answers:\n  a.open: no\n  a.then: yes\n  b.other: yes\n",
    )

    result = cli("run", str(checklist), "--answers", str(answers), "--section", "a")

    assert result.exit_code == 0
    assert (
        f"collabcheck: warning: 1 answers in {answers} left out by --section: b.other\n"
        in result.stderr
    )
    assert (
        f"collabcheck: warning: 1 answers in {answers} are to questions not asked (their 'when' "
        "is not met), so they do not count: a.then\n" in result.stderr
    )


def test_a_yes_no_organisation_must_be_quoted(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.yaml", "organisation: no\nanswers: {}\n")

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert f"{answers}:1: organisation: must be text (put it in quotes)" in result.stderr


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
    assert result.stderr == "collabcheck: --notes sometimes: use always, low or never\n"
