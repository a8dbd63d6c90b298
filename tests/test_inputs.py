"""Answers files (as the offline form saves them, or written by hand) wherever a result is read:
combine, report and compare score each against the checklist it names.

The form's own file is written here as the form writes it (tests/browser has a real one).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result as CliResult

Cli = Callable[..., CliResult]


def form_file(
    folder: Path,
    name: str,
    answers: dict[str, Any],
    *,
    checklist: str = "tiny",
    version: str = "1",
    role: str | None = "chair",
) -> Path:
    """An answers file as the form's "Save my answers" writes it."""
    data = {
        "checklist": checklist,
        "version": version,
        "organisation": "Example Trust",
        "respondent": name,
        "role": role,
        "completed_at": "2026-11-29T10:15:00+00:00",
        "answers": answers,
    }
    path = folder / f"{checklist}-answers-{name.lower()}-2026-11-29.json"
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


ANN = {
    "first.one": {"answer": "yes", "note": None},
    "first.two": {"answer": "partly", "note": "only in part"},
    "second.three": {"answer": "no", "note": None},
}


@pytest.fixture
def tiny_dir(tiny: Path, tmp_path: Path) -> Path:
    """A folder where ``tiny`` is found by id, given with --checklist-dir."""
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(tiny.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def test_run_on_a_forms_file_gives_the_result_report_gives_for_it(
    cli: Cli, tiny_dir: Path, tmp_path: Path
) -> None:
    answers = form_file(tmp_path, "Ann", ANN)
    dirs = ("--checklist-dir", str(tiny_dir))

    run = cli(*dirs, "run", "tiny", "--answers", str(answers), "--format", "json")
    report = cli(*dirs, "report", str(answers), "--format", "json")

    assert run.exit_code == 0 and report.exit_code == 0, run.stderr + report.stderr
    assert run.stdout == report.stdout
    result = json.loads(run.stdout)
    assert result["meta"]["respondent"] == "Ann"
    assert result["meta"]["completed_at"] == "2026-11-29T10:15:00+00:00"
    assert result["scores"]["overall"]["score"] == 50.0  # (1 + 2 * 0.5 + 0) / 4
    assert result["answers"][1]["note"] == "only in part"


def test_combine_of_a_forms_file_equals_combine_of_its_run(
    cli: Cli, tiny_dir: Path, tmp_path: Path
) -> None:
    answers = form_file(tmp_path, "Ann", ANN)
    dirs = ("--checklist-dir", str(tiny_dir))
    ran = tmp_path / "ann-result.json"
    cli(*dirs, "run", "tiny", "--answers", str(answers), "--format", "json", "-o", str(ran))

    from_answers = cli(*dirs, "combine", str(answers), "--format", "json", "--named")
    from_result = cli(*dirs, "combine", str(ran), "--format", "json", "--named")

    assert from_answers.exit_code == 0, from_answers.stderr
    assert from_answers.stdout == from_result.stdout
    assert from_answers.stderr == "Read 0 results and 1 answers file.\n"
    assert from_result.stderr == "Read 1 result and 0 answers files.\n"


def test_combine_mixes_results_and_answers_files_and_counts_each_kind(
    cli: Cli, tiny_dir: Path, tmp_path: Path
) -> None:
    dirs = ("--checklist-dir", str(tiny_dir))
    bob = form_file(tmp_path, "Bob", {"first.one": {"answer": "no", "note": "not yet"}})
    cat = tmp_path / "cat.yaml"
    # Written by hand: YAML, unquoted yes, answers without notes.
    cat.write_text(
        "checklist: tiny\nrespondent: Cat\nanswers:\n  first.one: yes\n  first.two: no\n",
        encoding="utf-8",
    )
    ann = tmp_path / "ann.json"
    answers = form_file(tmp_path, "Ann", ANN)
    cli(*dirs, "run", "tiny", "--answers", str(answers), "--format", "json", "-o", str(ann))

    result = cli(*dirs, "combine", str(ann), str(bob), str(cat), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Read 1 result and 2 answers files.\n"
    team = json.loads(result.stdout)
    assert team["respondents"] == 3
    one = next(q for q in team["questions"] if q["id"] == "first.one")
    assert one["mean"] == pytest.approx(2 / 3)


def test_compare_takes_answers_files(cli: Cli, tiny_dir: Path, tmp_path: Path) -> None:
    (tmp_path / "spring").mkdir()
    (tmp_path / "autumn").mkdir()
    spring = form_file(tmp_path / "spring", "Ann", ANN)
    autumn_answers = {**ANN, "second.three": {"answer": "yes", "note": None}}
    autumn = form_file(tmp_path / "autumn", "Ann", autumn_answers)

    result = cli("--checklist-dir", str(tiny_dir), "compare", str(spring), str(autumn))

    assert result.exit_code == 0, result.stderr
    assert "## Overall: 50.0% → 75.0% (+25.0 points), amber → green" in result.stdout
    assert "| 2. Second section | 0.0% | 100.0% | +100.0 | red → green |" in result.stdout


def test_the_checklist_is_found_by_path_search_too(
    cli: Cli, tiny_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLLABCHECK_PATH", str(tiny_dir))

    result = cli("report", str(form_file(tmp_path, "Ann", ANN)))

    assert result.exit_code == 0, result.stderr
    assert "# Tiny checklist: report" in result.stdout


def test_a_bundled_checklist_needs_no_folder(cli: Cli, tmp_path: Path) -> None:
    answers = {"skills.training": {"answer": "partly", "note": "induction only"}}
    path = form_file(tmp_path, "Ann", answers, checklist="board-readiness")

    result = cli("report", str(path), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["scores"]["overall"]["score"] == 50.0


@pytest.mark.parametrize("command", ["combine", "report", "compare"])
def test_another_version_is_one_line_naming_the_file(
    cli: Cli, tiny_dir: Path, tmp_path: Path, command: str
) -> None:
    answers = form_file(tmp_path, "Ann", ANN, version="2")
    args = [str(answers), str(answers)] if command == "compare" else [str(answers)]

    result = cli("--checklist-dir", str(tiny_dir), command, *args)

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {answers}: version: these answers are for version 2 of tiny, "
        f"but the tiny found ({tiny_dir / 'tiny.yaml'}) is version 1\n"
    )


def test_run_refuses_a_forms_file_of_another_version(cli: Cli, tiny: Path, tmp_path: Path) -> None:
    answers = form_file(tmp_path, "Ann", ANN, version="0.9")

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert result.stderr.startswith(
        f"collabcheck: {answers}:3: version: these answers are for version 0.9 of tiny"
    )


@pytest.mark.parametrize(
    ("checklist", "message"),
    [
        ("nowhere", "checklist: no checklist 'nowhere'; known ids: "),
        ("../tiny.yaml", "checklist: must be a checklist id"),
        (None, "checklist: missing: say which checklist these answer"),
    ],
)
def test_a_checklist_not_found_is_one_line_naming_the_file(
    cli: Cli, tmp_path: Path, checklist: str | None, message: str
) -> None:
    path = tmp_path / "answers.json"
    data = {"checklist": checklist, "answers": {"first.one": "yes"}}
    path.write_text(json.dumps(data), encoding="utf-8")

    result = cli("combine", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {path}: {message}")
    assert result.stderr.count("\n") == 1


@pytest.mark.parametrize(
    ("answers", "extra", "message"),
    [
        (
            {"first.won": "yes"},
            {},
            "answers.first.won: unknown question 'first.won' in tiny; did you mean 'first.two'?",
        ),
        ({"first.one": "maybe"}, {}, "answers.first.one: unknown answer 'maybe'; use one of yes,"),
        ({}, {"completed_at": "last Tuesday"}, "completed_at: must be a date and time (ISO 8601)"),
        ({}, {"respondent": ["A", "B"]}, "respondent: must be text (put it in quotes)"),
    ],
)
def test_a_bad_answers_file_is_one_line_naming_the_file_and_field(
    cli: Cli,
    tiny_dir: Path,
    tmp_path: Path,
    answers: dict[str, Any],
    extra: dict[str, Any],
    message: str,
) -> None:
    path = tmp_path / "answers.json"
    path.write_text(json.dumps({"checklist": "tiny", "answers": answers, **extra}), "utf-8")

    result = cli("--checklist-dir", str(tiny_dir), "combine", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {path}: {message}")
    assert result.stderr.count("\n") == 1


def test_what_is_neither_a_result_nor_answers_says_so(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "notes.json"
    path.write_text('{"title": "my notes"}', encoding="utf-8")

    result = cli("report", str(path))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {path}: schema: not a collabcheck result (expected "
        "'collabcheck/result/v1') or answers file (with 'answers')\n"
    )


def test_a_yaml_timestamp_left_unquoted_is_read_as_the_time(
    cli: Cli, tiny_dir: Path, tmp_path: Path
) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text(
        "checklist: tiny\ncompleted_at: 2026-11-29T10:15:00+00:00\nanswers: {first.one: yes}\n",
        encoding="utf-8",
    )

    result = cli("--checklist-dir", str(tiny_dir), "report", str(path), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["meta"]["completed_at"] == "2026-11-29T10:15:00+00:00"


def test_a_file_named_like_the_checklist_in_the_current_folder_is_not_loaded(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # run takes a path or an id; an answers file someone sent names an id, found on the path.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "passwords").write_text("secret: 1\n", encoding="utf-8")
    path = tmp_path / "answers.json"
    path.write_text('{"checklist": "passwords", "answers": {}}', encoding="utf-8")

    result = cli("report", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {path}: checklist: no checklist 'passwords'")


def test_a_blank_from_show_answers_is_read_once_filled_in(cli: Cli, tmp_path: Path) -> None:
    blank = cli("show", "board-readiness", "--format", "answers").stdout
    filled = tmp_path / "ann.yaml"
    empty = tmp_path / "empty.yaml"
    empty.write_text(blank, encoding="utf-8")
    filled.write_text(blank.replace('  # "1.1":', '  "1.1": yes'), encoding="utf-8")

    result = cli("combine", str(filled), str(empty), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert result.stderr == "Read 0 results and 2 answers files.\n"
    team = json.loads(result.stdout)
    assert team["respondents"] == 2
    first = next(each for each in team["questions"] if each["id"] == "skills.skills-and-capacity")
    assert first["counts"]["yes"] == 1


def test_an_answers_file_of_a_staged_checklist_is_scored_at_its_stage(
    cli: Cli, tmp_path: Path
) -> None:
    path = tmp_path / "staged.yaml"
    path.write_text(
        "checklist: collaborative-model\nstage: decision-time\n"
        "completed_at: '2026-11-29T10:15:00+00:00'\nanswers: {}\n",
        encoding="utf-8",
    )

    report = cli("report", str(path), "--format", "json")
    ran = cli("run", "collaborative-model", "--answers", str(path), "--format", "json")

    assert report.exit_code == 0, report.stderr
    assert report.stdout == ran.stdout
    statuses = {a["section"]: a["status"] for a in json.loads(report.stdout)["answers"]}
    assert statuses["checking-the-impact"] == "not_reached"
    assert statuses["decision-time"] == "skipped"
