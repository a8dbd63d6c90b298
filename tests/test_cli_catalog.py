"""list, show and --version through the real CLI."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import MINIMAL

Cli = Callable[..., Result]

BUNDLED = [
    "board-readiness",
    "collaborative-model",
    "creating-value",
    "four-lessons",
    "provider-enablers",
]


def test_version(cli: Cli) -> None:
    from collabcheck import __version__

    result = cli("--version")

    assert result.exit_code == 0
    assert result.stdout == f"collabcheck {__version__}\n"


def test_list_json_is_an_array_for_scripts(cli: Cli) -> None:
    result = cli("list", "--json")

    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [row["id"] for row in rows] == BUNDLED
    board = rows[0]
    assert board["questions"] == 27
    assert board["origin"] == "bundled"
    assert "Good Governance Institute" in board["source"]


def test_list_when_piped_is_tab_separated_with_whole_ids(cli: Cli) -> None:
    result = cli("list")

    assert result.exit_code == 0
    first_fields = [line.split("\t")[0] for line in result.stdout.splitlines()]
    assert first_fields == BUNDLED


def test_a_user_checklist_dir_overrides_a_bundled_id(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "ours"
    folder.mkdir()
    text = MINIMAL.replace("id: tiny", "id: board-readiness", 1)
    (folder / "board-readiness.yaml").write_text(text, encoding="utf-8")
    (folder / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")

    result = cli("--checklist-dir", str(folder), "list", "--json")

    rows = {row["id"]: row for row in json.loads(result.stdout)}
    assert rows["board-readiness"]["origin"] == str(folder)
    assert rows["board-readiness"]["questions"] == 3
    assert rows["tiny"]["origin"] == str(folder)
    assert rows["four-lessons"]["origin"] == "bundled"


def test_collabcheck_path_is_searched(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    for folder in (first, second):
        folder.mkdir()
    (second / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    monkeypatch.setenv("COLLABCHECK_PATH", f"{first}:{second}")

    result = cli("show", "tiny", "--format", "json")

    assert result.exit_code == 0
    assert json.loads(result.stdout)["title"] == "Tiny checklist"


def test_a_broken_checklist_on_the_path_is_skipped_with_a_warning(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "broken.yaml").write_text("id: [", encoding="utf-8")

    result = cli("--checklist-dir", str(tmp_path), "list")

    assert result.exit_code == 0
    assert f"collabcheck: warning: skipped {tmp_path / 'broken.yaml'}:" in result.stderr
    assert "broken" not in result.stdout


def test_show_text_numbers_every_question(cli: Cli, tiny: Path) -> None:
    result = cli("show", str(tiny))

    assert result.exit_code == 0
    assert "1.1 One: Is the first thing in place?" in result.stdout
    assert "1.2 Is the second thing in place?" in result.stdout
    assert "2.1 Is the third thing in place?" in result.stdout
    assert "Source: Test Publisher, \u201cA test source\u201d, 2024" in result.stdout


def test_show_md_is_a_blank_worksheet_with_tick_boxes(cli: Cli, tiny: Path) -> None:
    result = cli("show", str(tiny), "--format", "md")

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Tiny checklist"
    assert "## 1. First section" in lines
    assert "**1.1** One: Is the first thing in place?" in lines
    boxes = "\u2610 Yes\u2003\u2610 Partly\u2003\u2610 No\u2003\u2610 Don't know"
    assert lines.count(boxes + "\u2003\u2610 Not applicable") == 3
    assert sum(line.startswith("Notes: ") for line in lines) == 3


def test_show_md_escapes_checklist_text(cli: Cli, write_file: Callable[[str, str], Path]) -> None:
    path = write_file("pipes.yaml", MINIMAL.replace("Is the first thing", "Is A | B *really*"))

    result = cli("show", str(path), "--format", "md")

    assert "Is A \\| B \\*really\\* in place?" in result.stdout


def test_show_json_is_the_parsed_checklist(cli: Cli) -> None:
    result = cli("show", "board-readiness", "--format", "json")

    data = json.loads(result.stdout)
    assert data["id"] == "board-readiness"
    questions = [q for s in data["sections"] for q in s["questions"]]
    assert len(questions) == 27
    assert questions[0]["id"].startswith(data["sections"][0]["id"] + ".")
    assert [o["key"] for o in data["scale"]["options"]] == [
        "yes",
        "partly",
        "no",
        "dont-know",
        "n/a",
    ]


def test_show_writes_to_a_file(cli: Cli, tiny: Path, tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"

    result = cli("show", str(tiny), "--format", "md", "-o", str(target))

    assert result.exit_code == 0
    assert result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# Tiny checklist\n")


def test_unknown_checklist_names_the_known_ids(cli: Cli) -> None:
    result = cli("show", "no-such-list")

    assert result.exit_code == 1
    assert result.stderr == (
        "collabcheck: no checklist 'no-such-list'; known ids: " + ", ".join(BUNDLED) + "\n"
    )


def test_unknown_format_is_a_usage_error(cli: Cli) -> None:
    result = cli("show", "board-readiness", "--format", "pdf")

    assert result.exit_code == 2


def test_no_arguments_shows_help(cli: Cli) -> None:
    result = cli()

    assert result.exit_code in (0, 2)
    assert "Usage" in result.output


def test_a_checklist_whose_id_differs_from_its_file_name_is_not_listed_under_either(
    cli: Cli, tmp_path: Path
) -> None:
    (tmp_path / "four-lessons.yaml").write_text(MINIMAL, encoding="utf-8")  # id: tiny

    listed = cli("--checklist-dir", str(tmp_path), "list", "--json")
    shown = cli("--checklist-dir", str(tmp_path), "show", "four-lessons")

    # The file takes four-lessons' place (first found wins), so it is reported, not skipped over.
    ids = [row["id"] for row in json.loads(listed.stdout)]
    assert "tiny" not in ids and "four-lessons" not in ids
    assert f"warning: skipped {tmp_path / 'four-lessons.yaml'}:1: id: 'tiny' differs" in (
        listed.stderr
    )
    assert shown.exit_code == 1
    assert "rename the file tiny.yaml or change the id" in shown.stderr


def test_the_output_help_offers_only_what_the_command_writes(cli: Cli) -> None:
    run_help = " ".join(cli("run", "--help").stdout.split())
    schema_help = " ".join(cli("schema", "--help").stdout.split())

    # run writes md, json or html: its -o help does not promise csv.
    assert "csv" not in run_help
    assert "its extension sets the format, one of those --format lists" in run_help
    # schema has no --format: its -o writes JSON.
    assert "Write to FILE (a .json) instead of stdout (- for stdout)." in schema_help
    assert "sets the format" not in schema_help
