"""The checklists on the search path: finding them by id, and listing them for ``list``.

The search path is each ``--checklist-dir``, then the folders in COLLABCHECK_PATH, then the
bundled set; in a folder a checklist is found by its file name, which must be its id.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from collabcheck.errors import ChecklistNotFoundError, ProblemsError
from collabcheck.loader import load_path
from collabcheck.model import Checklist

PATH_ENV = "COLLABCHECK_PATH"
SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Entry:
    """A checklist file found on the search path, before it is loaded."""

    id: str
    path: Path
    origin: str
    """``bundled``, or the folder it was found in."""


def bundled_dir() -> Path:
    """The folder of the checklists shipped with collabcheck."""
    # Next to this module in an installed wheel (importlib.resources would cost ~3 ms of start-up
    # for the same answer: collabcheck is never imported from a zip).
    packaged = Path(__file__).resolve().parent / "checklists"
    if packaged.is_dir():
        return packaged
    # Running from a source checkout (editable install): the top-level checklists/ folder.
    return Path(__file__).resolve().parents[2] / "checklists"


def search_dirs(extra_dirs: Iterable[Path] = ()) -> list[tuple[Path, str]]:
    """Folders to search, highest precedence first, each with how it is shown in listings."""
    dirs = [(Path(d), str(d)) for d in extra_dirs]
    for part in os.environ.get(PATH_ENV, "").split(os.pathsep):
        if part.strip():
            dirs.append((Path(part), part))
    dirs.append((bundled_dir(), "bundled"))
    return dirs


def discover(extra_dirs: Iterable[Path] = ()) -> list[Entry]:
    """Every checklist on the search path, one per id (the first found wins), sorted by id."""
    found: dict[str, Entry] = {}
    for folder, origin in search_dirs(extra_dirs):
        for path in _files_in(folder):
            found.setdefault(path.stem, Entry(path.stem, path, origin))
    return sorted(found.values(), key=lambda e: e.id)


def _files_in(folder: Path) -> Iterator[Path]:
    try:
        children = sorted(folder.iterdir())
    except OSError:
        return
    for child in children:
        if child.suffix in SUFFIXES and child.is_file():
            yield child


def resolve(ref: str, extra_dirs: Iterable[Path] = ()) -> Checklist:
    """Load a checklist named by id (on the search path) or by a path to its file."""
    candidate = Path(ref)
    if candidate.suffix in SUFFIXES or os.sep in ref or candidate.is_file():
        if not candidate.exists():
            raise ChecklistNotFoundError(f"{ref}: no such file")
        return load_path(candidate)
    return find(ref, extra_dirs)


def find(checklist_id: str, extra_dirs: Iterable[Path] = ()) -> Checklist:
    """Load the checklist with this id on the search path (never a file named by it)."""
    entries = discover(extra_dirs)
    for entry in entries:
        if entry.id == checklist_id:
            return load_path(entry.path, found_by_name=True)
    known = ", ".join(e.id for e in entries) or "none"
    raise ChecklistNotFoundError(f"no checklist {checklist_id!r}; known ids: {known}")


@dataclass(frozen=True)
class Listing:
    """One line of ``list``."""

    id: str
    title: str
    questions: int
    source: str
    """The full credit: author, publisher, title, year."""
    publisher: str
    year: int | None
    url: str | None
    """The source's own page, where known."""
    origin: str
    path: str


def listings(extra_dirs: Iterable[Path] = ()) -> tuple[list[Listing], list[ProblemsError]]:
    """Summaries of every loadable checklist, and the errors of those that did not load."""
    found: list[Listing] = []
    broken: list[ProblemsError] = []
    for entry in discover(extra_dirs):
        try:
            checklist = load_path(entry.path, found_by_name=True)
        except ProblemsError as exc:  # unreadable (FileReadError) or invalid (ChecklistError)
            broken.append(exc)
            continue
        found.append(
            Listing(
                id=checklist.id,
                title=checklist.title,
                questions=len(checklist.questions),
                source=checklist.source.credit(),
                publisher=checklist.source.publisher,
                year=checklist.source.year,
                url=checklist.source.url,
                origin=entry.origin,
                path=str(entry.path),
            )
        )
    return found, broken
