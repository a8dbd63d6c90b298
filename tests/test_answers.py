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
            ":2: answers.first.nine: unknown question 'first.nine' in tiny; "
            "did you mean 'first.one'?",
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


def test_answers_that_do_not_count_are_named_by_their_numbers(
    cli: Cli, write_file: WriteFile
) -> None:
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
        f"collabcheck: warning: 1 answers in {answers} left out by --section: 2.1\n"
        in result.stderr
    )
    assert (
        f"collabcheck: warning: 1 answers in {answers} are to questions not asked (their 'when' "
        "is not met), so they do not count: 1.2\n" in result.stderr
    )


def test_a_yes_no_organisation_must_be_quoted(cli: Cli, tiny: Path, write_file: WriteFile) -> None:
    answers = write_file("answers.yaml", "organisation: no\nanswers: {}\n")

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert f"{answers}:1: organisation: must be text (put it in quotes)" in result.stderr


def test_answers_by_printed_number_and_by_full_id(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    # "1.2" quoted, 2.1 unquoted (YAML reads a float), and a full id side by side.
    answers = write_file(
        "answers.yaml",
        'answers:\n  first.one: yes\n  "1.2": {answer: partly, note: half}\n  2.1: no\n',
    )

    data = run_json(cli, str(tiny), "--answers", str(answers))

    assert [(a["id"], a["answer"], a["note"]) for a in data["answers"]] == [
        ("first.one", "yes", None),
        ("first.two", "partly", "half"),
        ("second.three", "no", None),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('answers:\n  "1.9": yes\n', "unknown question '1.9' in tiny; did you mean '1.2'?"),
        ("answers:\n  first.onne: yes\n", "unknown question 'first.onne' in tiny; did you mean"),
        ("answers:\n  first.one: partley\n", "unknown answer 'partley' (did you mean 'partly'?)"),
        (
            'answers:\n  first.one: yes\n  "1.1": no\n',
            "first.one is answered twice (by id and number)",
        ),
    ],
)
def test_answer_file_mistakes_get_a_did_you_mean(
    cli: Cli, tiny: Path, write_file: WriteFile, text: str, message: str
) -> None:
    answers = write_file("answers.yaml", text)

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert message in result.stderr


def test_an_unquoted_number_that_could_be_two_questions_is_refused(
    cli: Cli, write_file: WriteFile
) -> None:
    questions = "".join(f"      - {{id: q{n}, text: Question {n}?}}\n" for n in range(1, 11))
    checklist = write_file(
        "ten.yaml",
        "id: ten\ntitle: Ten\nversion: '1'\nsource: {publisher: P, title: T}\ndescription: D\n"
        "scale: yes-partly-no\nsections:\n  - id: s\n    title: S\n    questions:\n" + questions,
    )
    answers = write_file("answers.yaml", "answers:\n  1.1: yes\n")

    result = cli("run", str(checklist), "--answers", str(answers))

    assert result.exit_code == 1
    assert "1.1 could be 1.1 or 1.10: put the number in quotes" in result.stderr


def test_the_blank_answers_file_lists_every_question_and_runs_once_filled_in(
    cli: Cli, write_file: WriteFile
) -> None:
    blank = cli("show", "board-readiness", "--format", "answers")
    assert blank.exit_code == 0
    lines = blank.stdout.splitlines()
    numbered = [line for line in lines if line.startswith('  # "')]
    assert len(numbered) == 27
    assert '  # "1.2":  # 1.2 Training: yes, partly, no, dont-know, n/a' in lines

    # As a person fills it in: uncomment two lines and answer them.
    filled = blank.stdout.replace('  # "1.2":', '  "1.2": partly').replace(
        '  # "5.1":', '  "5.1": {answer: no, note: not yet}'
    )
    answers = write_file("answers.yaml", filled)
    data = run_json(cli, "board-readiness", "--answers", str(answers))

    given = {a["id"]: (a["answer"], a["note"]) for a in data["answers"] if a["answer"]}
    assert given == {
        "skills.training": ("partly", None),
        "risks.system-risk-management": ("no", "not yet"),
    }


def test_the_blank_answers_file_of_a_staged_checklist_asks_the_stage(
    cli: Cli, write_file: WriteFile
) -> None:
    blank = cli("show", "collaborative-model", "--format", "answers")
    assert blank.exit_code == 0
    assert "stage:" in blank.stdout.splitlines()
    assert "decision-time" in blank.stdout

    # Left empty it runs as before; filled in, later stages are not reached.
    empty = run_json(
        cli, "collaborative-model", "--answers", str(write_file("a.yaml", blank.stdout))
    )
    assert empty["stage"] is None
    filled = blank.stdout.replace("\nstage:\n", "\nstage: decision-time\n")
    data = run_json(cli, "collaborative-model", "--answers", str(write_file("b.yaml", filled)))
    assert data["stage"] == "decision-time"
