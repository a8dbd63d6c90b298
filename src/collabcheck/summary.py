"""The short summary on stderr at the end of an interactive run (rich, so only imported then)."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from collabcheck.result import Result
from collabcheck.scoring import round_half_up

_STYLE = {"green": "green", "amber": "yellow", "red": "red"}


def _cell(score: float | None, rating: str | None) -> str:
    if score is None:
        return "no score"
    word = rating or ""
    # The word is always there: colour only repeats it.
    return f"[{_STYLE.get(word, 'default')}]{round_half_up(score):.1f}% {word}[/]"


def print_summary(result: Result) -> None:
    """Overall score and rating, and a line per section."""
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
