"""What collabcheck shows a person at a terminal, with rich: the ``list`` table, and the summary
at the end of an interactive run.

Unlike the other renderers these print, since rich measures the terminal they go to. Only the
commands that print them import this module (rich costs start-up time the others need not pay).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from collabcheck.scoring import round_half_up

if TYPE_CHECKING:
    from collabcheck.catalog import Listing
    from collabcheck.result import Result

_STYLE = {"green": "green", "amber": "yellow", "red": "red"}


def print_listing(found: Iterable[Listing]) -> None:
    """The checklists ``list`` found, as a table on stdout."""
    table = Table("id", "title", "questions", "source", "from")
    # Ids are what people type next: never wrap or truncate them.
    table.columns[0].no_wrap = True
    table.columns[2].justify = "right"
    for item in found:
        year = f" ({item.year})" if item.year else ""
        source = f"{item.publisher}{year}"
        table.add_row(item.id, item.title, str(item.questions), source, item.origin)
    Console().print(table)


def _cell(score: float | None, rating: str | None) -> str:
    if score is None:
        return "no score"
    word = rating or ""
    # The word is always there: colour only repeats it.
    return f"[{_STYLE.get(word, 'default')}]{round_half_up(score):.1f}% {word}[/]"


def print_summary(result: Result) -> None:
    """Overall score and rating, and a line per section, on stderr (stdout may be the report)."""
    console = Console(file=sys.stderr, highlight=False)
    overall = result.scores.overall
    table = Table(title=f"{escape(result.checklist.title)}", title_justify="left")
    table.add_column("Section")
    table.add_column("Score", justify="right")
    for section in result.scores.sections:
        table.add_row(escape(section.title), _cell(section.tally.score, section.tally.rating))
    table.add_section()
    table.add_row("[bold]Overall[/bold]", _cell(overall.score, overall.rating))
    console.print(table)
