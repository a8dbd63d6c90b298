"""The checklists on the search path: finding them by id, and listing them for ``list``.

The search path is each ``--checklist-dir``, then the folders in COLLABCHECK_PATH, then the
bundled set; in a folder a checklist is found by its file name, which must be its id.

Checklists are read through checklist_cache.py: a file whose text is in the cache is not parsed
again, and ``list`` then imports neither PyYAML nor the loader and model (hence their imports in
the functions that need them).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collabcheck.checklist_cache import ChecklistCache
from collabcheck.errors import ChecklistNotFoundError, ProblemsError
from collabcheck.textfiles import read_text

if TYPE_CHECKING:
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
        return _load_cached(candidate)
    return find(ref, extra_dirs)


def find(checklist_id: str, extra_dirs: Iterable[Path] = ()) -> Checklist:
    """Load the checklist with this id on the search path (never a file named by it)."""
    entries = discover(extra_dirs)
    for entry in entries:
        if entry.id == checklist_id:
            return _load_cached(entry.path, found_by_name=True)
    known = ", ".join(e.id for e in entries) or "none"
    raise ChecklistNotFoundError(f"no checklist {checklist_id!r}; known ids: {known}")


def _load_cached(path: Path, *, found_by_name: bool = False) -> Checklist:
    cache = ChecklistCache.open()
    checklist = _load(path, read_text(path), cache, found_by_name=found_by_name)
    cache.save()
    return checklist


def _load(path: Path, text: str, cache: ChecklistCache, *, found_by_name: bool) -> Checklist:
    """loader.load_path for a file whose text is read, its parsed document from the cache."""
    from collabcheck.loader import parse_checklist
    from collabcheck.yamlfile import parse_text

    name = str(path)
    document = cache.document(path, text)
    if document is None:
        document = parse_text(text, name)
    checklist = parse_checklist(document, name, path, file_id=path.stem if found_by_name else None)
    cache.remember(path, text, document)
    return checklist


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
    cache = ChecklistCache.open()
    for entry in discover(extra_dirs):
        try:  # unreadable (FileReadError) or invalid (ChecklistError): never cached
            summary = _summary(entry.path, cache)
        except ProblemsError as exc:
            broken.append(exc)
            continue
        found.append(Listing(**summary, origin=entry.origin, path=str(entry.path)))
    cache.save()
    return found, broken


_SUMMARY_FIELDS = {"id", "title", "questions", "source", "publisher", "year", "url"}


def _summary(path: Path, cache: ChecklistCache) -> dict[str, Any]:
    """The fields of a Listing that come from the file, from the cache when it has them."""
    text = read_text(path)
    summary = cache.summary(path, text)
    if summary is not None and summary.keys() == _SUMMARY_FIELDS:
        return summary
    checklist = _load(path, text, cache, found_by_name=True)
    summary = {
        "id": checklist.id,
        "title": checklist.title,
        "questions": len(checklist.questions),
        "source": checklist.source.credit(),
        "publisher": checklist.source.publisher,
        "year": checklist.source.year,
        "url": checklist.source.url,
    }
    cache.remember_summary(path, text, summary)
    return summary
