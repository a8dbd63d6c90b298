"""What collabcheck shows a person at a terminal, with rich: the ``list`` table, and the summary
at the end of an interactive run.

Unlike the other renderers these print, since rich measures the terminal they go to. Only the
commands that print them import this module (rich costs start-up time the others need not pay).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as markup_escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from collabcheck.render.escape import one_line
from collabcheck.scoring import round_half_up

if TYPE_CHECKING:
    from collabcheck.catalog import Listing
    from collabcheck.result import Result

_STYLE = {"green": "green", "amber": "yellow", "red": "red"}

_TABLE_ROOM = 55
"""Columns the list table needs beside its ids to show the other columns legibly."""


def escape(text: str) -> str:
    """File-supplied text for rich markup: markup escaped, control sequences shown, not run."""
    return markup_escape(one_line(text))


def print_listing(found: Iterable[Listing], console: Console | None = None) -> None:
    """The checklists ``list`` found, as a table on stdout; on a terminal too narrow for the
    table, an entry per checklist, its id on a line of its own."""
    console = console or Console()
    items = list(found)
    ids = [one_line(item.id) for item in items]
    widest = max((cell_len(i) for i in ids), default=0)
    if console.width < widest + _TABLE_ROOM:
        # Ids are what people type next: never wrapped or cut, however narrow the terminal.
        for shown_id, item in zip(ids, items, strict=True):
            console.print(Text(shown_id, style="bold"), soft_wrap=True)
            details = f"{item.title} \u00b7 {item.questions} questions \u00b7 {_source(item)}"
            console.print(Padding(Text(one_line(f"{details} \u00b7 {item.origin}")), (0, 0, 0, 2)))
        return
    table = Table("id", "title", "questions", "source", "from")
    table.columns[0].no_wrap = True
    table.columns[0].min_width = widest
    table.columns[2].justify = "right"
    for shown_id, item in zip(ids, items, strict=True):
        table.add_row(
            Text(shown_id),
            escape(item.title),
            str(item.questions),
            escape(_source(item)),
            escape(item.origin),
        )
    console.print(table)


def _source(item: Listing) -> str:
    year = f" ({item.year})" if item.year else ""
    return f"{item.publisher}{year}"


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
