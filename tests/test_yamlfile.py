"""Hostile and broken files are refused with a message naming the file, never a crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from collabcheck.errors import FileReadError
from collabcheck.textfiles import MAX_BYTES
from collabcheck.yamlfile import load_file, parse_text

Cli = Callable[..., Result]


def alias_bomb(levels: int = 9) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for n in range(1, levels):
        refs = ", ".join([f"*a{n - 1}"] * 9)
        lines.append(f"a{n}: &a{n} [{refs}]")
    return "\n".join(lines) + "\n"


HOSTILE: dict[str, bytes] = {
    "alias-bomb": alias_bomb().encode(),
    "deep-flow": b"[" * 50_000,
    "deep-block": b"- " * 5_000 + b"x\n",
    "binary": bytes(range(256)) * 4,
    "not-utf8": b"id: caf\xe9\n",
    "python-tag": b"id: !!python/object/apply:os.system ['echo hi']\n",
    "two-documents": b"id: a\n---\nid: b\n",
    "tab-indent": b"id: a\nsections:\n\t- id: b\n",
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_checklists_fail_cleanly(cli: Cli, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(HOSTILE[name])

    result = cli("validate", str(path))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"{path}")
    assert "Traceback" not in result.output


def test_file_over_the_size_limit_is_refused_unread(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"# padding\n" * (MAX_BYTES // 10 + 1))

    result = cli("validate", str(path))

    assert result.exit_code == 1
    assert f"{path}: refused: larger than 1 MiB" in result.stderr


def test_alias_bomb_is_refused_with_a_reason() -> None:
    with pytest.raises(FileReadError, match="expands to more than"):
        parse_text(alias_bomb(), "bomb.yaml")


def test_deep_nesting_is_refused_before_parsing() -> None:
    with pytest.raises(FileReadError, match="nested more than 100 levels"):
        parse_text("[" * 200 + "]" * 200, "deep.yaml")


def test_lines_are_remembered_for_keys_and_items() -> None:
    data = parse_text("a: 1\nb:\n  - x\n  - y: 2\n", "f.yaml")

    assert data == {"a": 1, "b": ["x", {"y": 2}]}
    assert data.line_of("b") == 2
    assert data["b"].line_of(1) == 4


def test_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(FileReadError, match="is a folder"):
        load_file(tmp_path)


def test_a_pipe_is_refused_rather_than_waited_on(cli: Cli, tmp_path: Path) -> None:
    import os

    fifo = tmp_path / "answers.yaml"
    os.mkfifo(fifo)

    result = cli("validate", str(fifo))

    assert result.exit_code == 1
    assert f"{fifo}: not a regular file" in result.stderr


def test_duplicate_keys_are_refused_with_their_line() -> None:
    with pytest.raises(FileReadError, match=r"f.yaml:3: not valid YAML: duplicate key 'a'"):
        parse_text("a: 1\nb: 2\na: 3\n", "f.yaml")
