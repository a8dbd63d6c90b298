"""The checklist cache: what list and show print is the files' current content, cached or not."""

from __future__ import annotations

import datetime
import json
import os
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from collabcheck.catalog import bundled_dir, resolve
from collabcheck.checklist_cache import FILE_NAME, ChecklistCache, cache_dir, decode, encode
from collabcheck.errors import ChecklistError
from collabcheck.loader import load_path
from collabcheck.model import Checklist
from collabcheck.yamlfile import LineDict, LineList, load_file, parse_text
from tests.conftest import MINIMAL

Cli = Callable[..., Result]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A checklist folder holding tiny.yaml."""
    path = tmp_path / "lists"
    path.mkdir()
    (path / "tiny.yaml").write_text(MINIMAL, encoding="utf-8")
    return path


def cache_file() -> Path:
    found = cache_dir()
    assert found is not None
    return found / FILE_NAME


def listed(cli: Cli, folder: Path) -> list[dict[str, Any]]:
    result = cli("--checklist-dir", str(folder), "list", "--json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def tiny_row(cli: Cli, folder: Path) -> dict[str, Any]:
    return next(row for row in listed(cli, folder) if row["id"] == "tiny")


def same_lines(a: Any, b: Any) -> bool:
    """Equal, and every mapping and list remembers the same lines."""
    if isinstance(a, LineDict):
        return (
            isinstance(b, LineDict)
            and (a.line, a.key_lines, list(a)) == (b.line, b.key_lines, list(b))
            and all(same_lines(a[key], b[key]) for key in a)
        )
    if isinstance(a, LineList):
        return (
            isinstance(b, LineList)
            and (a.line, a.item_lines, len(a)) == (b.line, b.item_lines, len(b))
            and all(same_lines(x, y) for x, y in zip(a, b, strict=True))
        )
    return type(a) is type(b) and a == b


@pytest.mark.parametrize("path", sorted(bundled_dir().glob("*.yaml")), ids=lambda p: p.stem)
def test_a_document_comes_back_from_json_as_parsed_lines_and_all(path: Path) -> None:
    document = load_file(path)

    again = decode(json.loads(json.dumps(encode(document))))

    assert same_lines(document, again)


def test_the_cache_is_private_json(cli: Cli, folder: Path) -> None:
    listed(cli, folder)

    data = json.loads(cache_file().read_text(encoding="utf-8"))
    assert str(folder / "tiny.yaml") in data["files"]
    assert stat.S_IMODE(cache_file().parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache_file().stat().st_mode) == 0o600


def test_list_and_show_use_what_the_cache_holds_for_the_same_text(cli: Cli, folder: Path) -> None:
    # Proof that the cache is read: an entry planted for the file's exact text is believed.
    listed(cli, folder)
    data = json.loads(cache_file().read_text(encoding="utf-8"))
    entry = data["files"][str(folder / "tiny.yaml")]
    entry["summary"]["title"] = "From the cache"
    document = json.loads(entry["document"])
    document["pairs"][1][2] = "Cached title"  # the value of `title:`
    entry["document"] = json.dumps(document)
    cache_file().write_text(json.dumps(data), encoding="utf-8")

    assert tiny_row(cli, folder)["title"] == "From the cache"
    assert "Cached title" in cli("show", str(folder / "tiny.yaml")).stdout


def test_an_edit_that_keeps_size_and_time_is_seen(cli: Cli, folder: Path) -> None:
    path = folder / "tiny.yaml"
    assert tiny_row(cli, folder)["title"] == "Tiny checklist"
    before = path.stat()

    path.write_text(MINIMAL.replace("Tiny checklist", "Tidy checklist"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    assert path.stat().st_size == before.st_size
    assert tiny_row(cli, folder)["title"] == "Tidy checklist"
    assert "Tidy checklist" in cli("--checklist-dir", str(folder), "show", "tiny").stdout


def test_a_file_made_invalid_is_reported_not_listed_from_the_cache(cli: Cli, folder: Path) -> None:
    path = folder / "tiny.yaml"
    listed(cli, folder)
    path.write_text(MINIMAL.replace("title: Tiny checklist\n", ""), encoding="utf-8")

    result = cli("--checklist-dir", str(folder), "list")

    assert result.exit_code == 0
    assert f"skipped {path}:1: title: required but missing" in result.stderr
    assert "tiny\t" not in result.stdout


def test_a_removed_file_is_no_longer_listed_and_leaves_the_cache(cli: Cli, folder: Path) -> None:
    listed(cli, folder)
    (folder / "tiny.yaml").unlink()
    (folder / "other.yaml").write_text(MINIMAL.replace("id: tiny", "id: other"), "utf-8")

    assert "tiny" not in [row["id"] for row in listed(cli, folder)]
    files = json.loads(cache_file().read_text(encoding="utf-8"))["files"]
    assert str(folder / "tiny.yaml") not in files
    assert str(folder / "other.yaml") in files


def test_problems_in_a_cached_document_still_name_their_line(
    cli: Cli, folder: Path, tmp_path: Path
) -> None:
    # Cached while shown by path (where the id need not match the file name)...
    path = folder / "renamed.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    assert cli("show", str(path)).exit_code == 0
    assert str(path) in json.loads(cache_file().read_text(encoding="utf-8"))["files"]

    # ...then found by name, where it must: validation runs on the cached document too.
    result = cli("--checklist-dir", str(folder), "show", "renamed")

    assert result.exit_code == 1
    assert f"{path}:1: id: 'tiny' differs from the file name (renamed)" in result.stderr


@pytest.mark.parametrize(
    "damage",
    [
        b"\x00garbage{",
        b"[]",
        b'{"schema": "collabcheck/checklist-cache/v1", "stamp": ["0.0.0"], "files": {}}',
        b"ENTRY",  # replaced below by a valid cache whose entries are damaged
        b"SHAPE",  # or hold a document that is no checklist
    ],
    ids=["not JSON", "not an object", "another version", "damaged entry", "not a mapping"],
)
def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(
    cli: Cli, folder: Path, damage: bytes
) -> None:
    expected = listed(cli, folder)
    if damage in (b"ENTRY", b"SHAPE"):
        data = json.loads(cache_file().read_text(encoding="utf-8"))
        for entry in data["files"].values():
            entry["document"] = '{"line": 1}' if damage == b"ENTRY" else '"a string"'
            entry["summary"] = {"id": "wrong"} if damage == b"ENTRY" else "a string"
        damage = json.dumps(data).encode()
    cache_file().write_bytes(damage)

    assert listed(cli, folder) == expected
    assert "Tiny checklist" in cli("--checklist-dir", str(folder), "show", "tiny").stdout
    assert str(folder / "tiny.yaml") in cache_file().read_text(encoding="utf-8")


def test_a_cache_others_can_write_is_not_believed(cli: Cli, folder: Path) -> None:
    listed(cli, folder)
    data = json.loads(cache_file().read_text(encoding="utf-8"))
    data["files"][str(folder / "tiny.yaml")]["summary"]["title"] = "Planted"
    cache_file().write_text(json.dumps(data), encoding="utf-8")
    cache_file().chmod(0o666)

    assert tiny_row(cli, folder)["title"] == "Tiny checklist"


def test_without_a_usable_cache_folder_commands_work_and_say_nothing(
    cli: Cli, folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))

    result = cli("--checklist-dir", str(folder), "list")
    shown = cli("--checklist-dir", str(folder), "show", "tiny")

    assert (result.exit_code, result.stderr) == (0, "")
    assert "tiny\tTiny checklist\t3\t" in result.stdout
    assert (shown.exit_code, shown.stderr) == (0, "")
    assert blocker.read_text(encoding="utf-8") == ""


def test_the_cache_lives_under_xdg_cache_home_else_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cache_dir() == tmp_path / "cache" / "collabcheck"
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/ignored")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "collabcheck"


def test_a_document_json_cannot_give_back_is_not_cached(tmp_path: Path) -> None:
    text = "day: 2024-05-01\n"
    document = parse_text(text, "dated.yaml")
    assert isinstance(document["day"], datetime.date)
    cache = ChecklistCache(tmp_path / "c")

    cache.remember(tmp_path / "dated.yaml", text, document)
    cache.save()

    assert cache.document(tmp_path / "dated.yaml", text) is None
    assert not (tmp_path / "c" / FILE_NAME).exists()


def test_a_cache_that_would_be_too_large_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("collabcheck.checklist_cache.MAX_BYTES", 1000)
    path = tmp_path / "tiny.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    cache = ChecklistCache(tmp_path / "c")

    cache.remember(path, MINIMAL, parse_text(MINIMAL, "tiny.yaml"))
    cache.save()

    assert not (tmp_path / "c" / FILE_NAME).exists()


@pytest.mark.parametrize(
    "text",
    [
        MINIMAL,
        MINIMAL.replace("title: Tiny checklist\n", ""),
        MINIMAL.replace("scale: yes-partly-no", "scale: nine-point"),
        MINIMAL.replace("id: tiny", "id: other"),
        MINIMAL.replace("    intro: Where it starts.\n", "    intro: [a, list]\n"),
    ],
    ids=["valid", "no title", "unknown scale", "id is not the file name", "intro not text"],
)
def test_loading_through_the_cache_is_loader_load_path_cold_or_warm(
    text: str, folder: Path
) -> None:
    path = folder / "tiny.yaml"
    path.write_text(text, encoding="utf-8")

    def outcome(load: Callable[[], Checklist]) -> Checklist | str:
        try:
            return load()
        except ChecklistError as exc:
            return str(exc)

    expected = outcome(lambda: load_path(path, found_by_name=True))
    assert outcome(lambda: resolve("tiny", [folder])) == expected  # parsed, then kept if valid
    cached = cache_file().exists() and str(path) in cache_file().read_text(encoding="utf-8")
    assert cached == isinstance(expected, Checklist)
    assert outcome(lambda: resolve("tiny", [folder])) == expected  # from the cache if kept
