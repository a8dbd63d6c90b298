"""What ``list`` shows: every checklist on the search path, summarised."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from collabcheck.errors import ChecklistError
from collabcheck.loader import discover, load_path


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


def listings(extra_dirs: Iterable[Path] = ()) -> tuple[list[Listing], list[ChecklistError]]:
    """Summaries of every loadable checklist, and the errors of those that did not load."""
    found: list[Listing] = []
    broken: list[ChecklistError] = []
    for entry in discover(extra_dirs):
        try:
            checklist = load_path(entry.path, found_by_name=True)
        except ChecklistError as exc:
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
