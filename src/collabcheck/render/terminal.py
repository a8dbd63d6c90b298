"""What collabcheck shows a person at a terminal, with rich: the ``list`` table, and the summary
at the end of an interactive run.

Unlike the other renderers these print, since rich measures the terminal they go to. Only the
commands that print them import this module (rich costs start-up time the others need not pay).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as markup_escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from collabcheck.render import wording
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


def _plain_cell(score: float | None, rating: str | None) -> str:
    return f"{wording.percent(score)} {wording.rating(rating)}"


def print_summary(result: Result, *, plain: bool = False, gaps: int = 0) -> None:
    """Overall score and rating, and a line per section, on stderr (stdout may be the report);
    with ``gaps``, the counts and that many priority gaps too.

    ``plain``: sentences, no table and no colour, for screen readers and dumb terminals.
    """
    console = Console(file=sys.stderr, highlight=False, no_color=plain or None)
    overall = result.scores.overall
    numbers = result.numbers
    if plain:
        out = ["", f"{result.checklist.title}: the scores"]
        out += [
            f"{n}. {s.title}: {_plain_cell(s.tally.score, s.tally.rating)}"
            if s.id in result.reached
            else f"{n}. {s.title}: {wording.NOT_REACHED}"
            for n, s in enumerate(result.scores.sections, 1)
        ]
        out.append(f"Overall: {wording.percent(overall.score)} {wording.rating(overall.rating)}")
        for line in out:
            console.print(escape(line), soft_wrap=True)
    else:
        console.print()
        table = Table(title=f"{escape(result.checklist.title)}", title_justify="left")
        table.add_column("Section")
        table.add_column("Score", justify="right", no_wrap=True)
        for n, section in enumerate(result.scores.sections, 1):
            title = f"{n}. {escape(section.title)}"
            if section.id in result.reached:
                cell = _cell(section.tally.score, section.tally.rating)
            else:
                cell = wording.NOT_REACHED
            table.add_row(title, cell)
        table.add_section()
        table.add_row("[bold]Overall[/bold]", _cell(overall.score, overall.rating))
        console.print(table)
    reached = wording.stage_reached(result.checklist, result.stage)
    if reached:
        console.print(escape(reached), soft_wrap=plain)
    ours = escape(wording.ours(result.checklist.bands))
    console.print(ours if plain else f"[dim]{ours}[/dim]", soft_wrap=plain)
    if not gaps:
        return
    console.print(escape(wording.counts(overall) + "."))
    found = result.priority_gaps
    console.print()
    if not found:
        console.print(f"Priority gaps: {escape(wording.NO_PRIORITY_GAPS)}")
    else:
        shown = found[:gaps]
        more = f" (the first {len(shown)} of {len(found)})" if len(found) > len(shown) else ""
        console.print(f"{'Priority gaps' if plain else '[bold]Priority gaps[/bold]'}{more}:")
        for o in shown:
            label = o.label or o.text
            console.print(f"- {o.answer_label}: {numbers[o.id]} {label}", markup=False)
    in_part, unknown = len(result.in_part), len(result.knowledge_gaps)
    if in_part or unknown:
        listed = (
            f"{wording.plural(in_part, 'answer')} in part (Partly, Neither)",
            f"{wording.plural(unknown, 'knowledge gap')} (Don't know)",
        )
        console.print(escape(f"Also {' and '.join(listed)}: the report lists them."))


def print_next_steps(
    report: Path, data: Path, program: Sequence[str], *, plain: bool = False
) -> None:
    """Where the report and the result went, and what can be done with them next."""

    from collabcheck.screen import wrap_command

    console = Console(file=sys.stderr, highlight=False, no_color=plain or None)
    width = console.width
    run = [*program]
    html = report.with_suffix(".html")
    lines = [
        "",
        f"Saved the report: {report}",
        f"Saved the result: {data}",
        "Next, a page to print:",
        *wrap_command([*run, "report", str(data), "--format", "html", "-o", str(html)], width),
        "Or a team report, with the others' results:",
        *wrap_command([*run, "combine", str(data), "OTHER.json..."], width),
    ]
    for line in lines:
        # Not markup: a command line may end in a backslash, which markup would double.
        console.print(line, soft_wrap=True, markup=False)
