"""Answers files: read by the real CLI's run --answers, every problem named with its line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Cli, WriteFile
from tests.test_cli_run import MINIMAL_GATE, run_json


def test_json_answers_file_works_too(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.json", json.dumps({"answers": {"first.one": "no"}}))

    data = run_json(cli, str(tiny), "--answers", str(answers))

    assert data["scores"]["overall"]["score"] == 0.0
    assert data["scores"]["overall"]["skipped"] == 2


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
