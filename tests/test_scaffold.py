"""collabcheck new: a starter that validates as it is, or a copy of a checklist to adapt."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from collabcheck.catalog import bundled_dir
from collabcheck.loader import load_path
from collabcheck.scaffold import MODELINE
from collabcheck.yamlfile import load_file
from tests.conftest import MINIMAL
from tests.test_checklists import BUNDLED

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]


@pytest.fixture(autouse=True)
def _in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """new writes into the current folder by default: make that the test's folder."""
    monkeypatch.chdir(tmp_path)


def test_new_writes_a_starter_that_validates_without_warnings(cli: Cli) -> None:
    result = cli("new", "our-check")

    assert result.exit_code == 0, result.stderr
    path = Path("our-check.yaml")
    assert result.stderr.splitlines()[:2] == [
        "Wrote our-check.yaml",
        "Next: edit it, then run: collabcheck validate our-check.yaml",
    ]
    assert path.read_text(encoding="utf-8").splitlines()[0] == MODELINE
    checked = cli("validate", "--strict", str(path))
    assert checked.exit_code == 0
    assert checked.stderr == "our-check.yaml: ok (our-check, 6 questions)\n"


def test_the_starter_shows_every_field(cli: Cli) -> None:
    cli("new", "our-check")
    text = Path("our-check.yaml").read_text(encoding="utf-8")
    data = load_file(Path("our-check.yaml"))

    assert data["id"] == "our-check"
    assert data["title"] == "Our check"
    assert data["scale"] == "yes-partly-no"
    assert data["bands"] == {"green": 75, "amber": 50}
    assert {"year", "author", "url"} <= {
        line.split(":")[0].strip("# ") for line in text.splitlines() if line.startswith("  # ")
    }
    sections = data["sections"]
    assert any("intro" in s for s in sections)
    questions = [q for s in sections for q in s["questions"]]
    used = {key for q in questions for key in q}
    assert used >= {"id", "text", "label", "help", "weight", "kind", "multiple", "choices", "when"}
    assert {q.get("kind", "scale") for q in questions} == {"scale", "choice", "text"}
    # A custom scale, commented out, with an option excluded from scoring and a don't-know.
    assert "#     - {key: n/a, label: Not applicable, value: null}" in text
    assert "#     - {key: dont-know, label: Don't know, value: 0}" in text


def test_the_starter_prints_as_a_worksheet(cli: Cli) -> None:
    cli("new", "our-check")

    result = cli("show", "our-check.yaml", "--format", "md")

    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "# Our check"
    assert "**1.1** Shared aims: Have the partners agreed the aims of the collaboration?" in lines
    assert "*Answer only if 1.1 is Yes or Partly.*" in lines


def test_title_can_be_given(cli: Cli) -> None:
    result = cli("new", "our-check", "--title", "Our check: the 2025 review")

    assert result.exit_code == 0
    assert load_path(Path("our-check.yaml")).title == "Our check: the 2025 review"


@pytest.mark.parametrize("checklist_id", ["yes", "null", "123", "0x1f", "on"])
def test_ids_that_yaml_would_read_as_other_things_stay_ids(cli: Cli, checklist_id: str) -> None:
    result = cli("new", checklist_id)

    assert result.exit_code == 0
    assert load_path(Path(f"{checklist_id}.yaml")).id == checklist_id


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_from_copies_a_bundled_checklist_under_a_new_id_and_title(
    cli: Cli, checklist_id: str
) -> None:
    result = cli("new", "ours", "--from", checklist_id)

    assert result.exit_code == 0, result.stderr
    original = load_path(bundled_dir() / f"{checklist_id}.yaml")
    copy = load_path(Path("ours.yaml"))
    assert (copy.id, copy.title, copy.version) == ("ours", f"{original.title} (adapted)", "1")
    assert copy.source == original.source
    assert copy.description == original.description
    assert (copy.scale, copy.bands, copy.sections, copy.staged) == (
        original.scale,
        original.bands,
        original.sections,
        original.staged,
    )
    assert cli("validate", "--strict", "ours.yaml").exit_code == 0


def test_from_keeps_key_order_and_block_text(cli: Cli) -> None:
    cli("new", "our-board", "--from", "board-readiness", "--title", "Our board")
    text = Path("our-board.yaml").read_text(encoding="utf-8")

    top_keys = [line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()]
    assert top_keys == ["id", "title", "version", "source", "description", "scale", "sections"]
    assert text.splitlines()[:3] == [
        MODELINE,
        "# Adapted from checklist 'board-readiness', version 1.",
        "# Check it with: collabcheck validate our-board.yaml",
    ]
    assert "title: Our board\n" in text
    assert "description: >-\n  Collaborative working raises" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_from_a_path_keeps_custom_scale_bands_keyed_choices_and_conditions(
    cli: Cli, write_file: WriteFile
) -> None:
    text = (
        MINIMAL.replace(
            "scale: yes-partly-no",
            "scale:\n"
            "  - {key: always, label: Always, value: 1}\n"
            "  - {key: sometimes, label: Sometimes, value: 0.5}\n"
            "  - {key: never, label: Never, value: 0}\n"
            "  - {key: n/a, label: Not applicable, value: null}\n"
            "bands: {green: 80, amber: 60.5}",
        )
        .replace(
            "weight: 2", "weight: 2.5\n        when: {question: first.one, answer: [always, never]}"
        )
        .replace(
            "text: Is the third thing in place?",
            "text: Who?\n        kind: choice\n        multiple: true\n"
            "        choices: [Staff, {key: others, label: Someone else}]",
        )
    )
    source = write_file("src/custom.yaml", text)

    result = cli("new", "ours", "--from", str(source))

    assert result.exit_code == 0, result.stderr
    original, copy = load_path(source), load_path(Path("ours.yaml"))
    assert (copy.scale, copy.bands, copy.sections, copy.staged) == (
        original.scale,
        original.bands,
        original.sections,
        original.staged,
    )
    written = Path("ours.yaml").read_text(encoding="utf-8")
    assert "bands:\n  green: 80\n  amber: 60.5\n" in written
    assert (
        "          - Staff\n          - key: others\n            label: Someone else\n" in written
    )


def test_from_a_checklist_dir(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")

    result = cli("--checklist-dir", str(folder), "new", "ours", "--from", "tiny")

    assert result.exit_code == 0
    assert load_path(Path("ours.yaml")).source.publisher == "Test Publisher"


def test_from_an_unknown_checklist_names_the_known_ones(cli: Cli) -> None:
    result = cli("new", "ours", "--from", "no-such-list")

    assert result.exit_code == 1
    assert result.stderr.startswith("collabcheck: no checklist 'no-such-list'; known ids: ")
    assert not Path("ours.yaml").exists()


def test_an_existing_file_is_never_replaced_without_force(cli: Cli) -> None:
    Path("our-check.yaml").write_text("mine\n", encoding="utf-8")

    result = cli("new", "our-check")

    assert result.exit_code == 1
    assert result.stderr == (
        "collabcheck: our-check.yaml already exists; use --force to replace it\n"
    )
    assert Path("our-check.yaml").read_text(encoding="utf-8") == "mine\n"


def test_force_replaces_an_existing_file(cli: Cli) -> None:
    Path("our-check.yaml").write_text("mine\n", encoding="utf-8")

    result = cli("new", "our-check", "--force")

    assert result.exit_code == 0
    assert load_path(Path("our-check.yaml")).id == "our-check"


@pytest.mark.parametrize("bad_id", ["Our Check", "_check", "our.check", "über"])
def test_a_bad_id_is_a_usage_error(cli: Cli, bad_id: str) -> None:
    result = cli("new", bad_id)

    assert result.exit_code == 2
    assert result.stderr == (
        f"collabcheck: {bad_id!r} is not a checklist id: use lowercase letters, digits, '-' or "
        "'_', starting with a letter or digit\n"
    )
    assert list(Path().iterdir()) == []


def test_output_names_the_file_or_a_folder_for_it(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "team").mkdir()

    into_folder = cli("new", "ours", "-o", "team")
    to_file = cli("new", "ours", "--output", "team/other-name.yaml")

    assert into_folder.exit_code == to_file.exit_code == 0
    assert load_path(tmp_path / "team" / "ours.yaml").id == "ours"
    assert load_path(tmp_path / "team" / "other-name.yaml").id == "ours"


def test_a_missing_folder_is_one_line_not_a_traceback(cli: Cli) -> None:
    result = cli("new", "ours", "-o", "nowhere/ours.yaml")

    assert result.exit_code == 1
    assert result.stderr.startswith("collabcheck: nowhere/ours.yaml: cannot write: ")
    assert len(result.stderr.splitlines()) == 1


def test_new_says_how_to_get_the_schema_until_it_is_there(cli: Cli) -> None:
    first = cli("new", "ours")
    cli("schema", "checklist", "-o", "checklist.schema.json")
    second = cli("new", "theirs")

    hint = "collabcheck schema checklist -o checklist.schema.json"
    assert hint in first.stderr
    assert hint not in second.stderr


GUIDE = Path(__file__).resolve().parents[1] / "docs" / "writing-checklists.md"


def _guide_checklists() -> list[str]:
    blocks = GUIDE.read_text(encoding="utf-8").split("```yaml\n")[1:]
    texts = [block.split("```")[0] for block in blocks]
    return [t for t in texts if "\nsections:" in t]


def test_the_guides_example_checklists_validate(cli: Cli, tmp_path: Path) -> None:
    examples = _guide_checklists()

    assert len(examples) == 3
    for index, text in enumerate(examples):
        # Named by its id, as a checklist in a folder must be.
        checklist_id = text.split("\nid: ", 1)[1].split()[0] if "\nid: " in text else "x"
        folder = tmp_path / str(index)
        folder.mkdir()
        path = folder / f"{checklist_id}.yaml"
        path.write_text(text, encoding="utf-8")
        result = cli("validate", str(path))
        assert result.exit_code == 0, result.stderr
    # The adapted example is written as a real one would be: without warnings.
    assert cli("validate", "--strict", str(path)).exit_code == 0


def test_the_guide_names_every_field() -> None:
    from collabcheck.loader import _QUESTION_KEYS, _SECTION_KEYS, _SOURCE_KEYS, _TOP_KEYS

    guide = GUIDE.read_text(encoding="utf-8")

    for key in _TOP_KEYS | _SECTION_KEYS | _QUESTION_KEYS | _SOURCE_KEYS:
        assert f"`{key}`" in guide or f"  {key}:" in guide, key


def test_an_authors_round_trip_new_edit_validate_run_show(cli: Cli) -> None:
    import json

    cli("new", "our-check")
    path = Path("our-check.yaml")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Is it clear who", "Is it agreed who"), encoding="utf-8")
    Path("answers.yaml").write_text(
        "answers:\n"
        "  purpose.shared-aims: yes\n"
        "  purpose.aims-reviewed: partly\n"
        "  purpose.who-benefits: no\n"
        "  people.who-is-involved: [staff]\n"
        "  people.next-step: Agree the terms\n",
        encoding="utf-8",
    )

    checked = cli("validate", "--strict", "our-check.yaml")
    ran = cli("run", "our-check.yaml", "--answers", "answers.yaml", "--format", "json")
    shown = cli("show", "our-check.yaml", "--format", "md")

    assert checked.exit_code == 0
    assert ran.exit_code == 0, ran.stderr
    scores = json.loads(ran.stdout)["scores"]
    # (1 x Yes + 1 x Partly + 2 x No) / 4; carers-heard is hidden, as no carers were ticked.
    assert scores["overall"]["score"] == 37.5
    assert [s["score"] for s in scores["sections"]] == [37.5, None]
    assert "**1.3** Is it agreed who the collaboration is for?" in shown.stdout.splitlines()
