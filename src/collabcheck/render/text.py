"""Plain text for reading on a terminal: a checklist (``show --format text``) and the team
report (``combine --format text``, fitted to the terminal's width with rich, imported only
there)."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from collabcheck.model import Checklist, Question, QuestionKind
from collabcheck.render import wording

if TYPE_CHECKING:
    from collabcheck.team import TeamQuestion, TeamResult, TeamScore


def checklist(checklist: Checklist) -> str:
    """The checklist's title, credit, description and every question, numbered."""
    wrap = textwrap.TextWrapper(width=88)
    lines = [checklist.title, "=" * len(checklist.title), ""]
    lines.append(f"Source: {checklist.source.credit()}")
    link = wording.link(checklist.source.url)
    if link:
        lines.append(link)
    lines.append(f"Id: {checklist.id}   Version: {checklist.version}   Scale: " + _scale(checklist))
    lines += ["", *wrap.wrap(" ".join(checklist.description.split())), ""]
    for s_index, section in enumerate(checklist.sections, 1):
        heading = f"{s_index}. {section.title}"
        lines += [heading, "-" * len(heading)]
        stage = wording.stage_of(checklist, section.id)
        if stage:
            lines.append(stage)
        if section.intro:
            lines += [*wrap.wrap(" ".join(section.intro.split())), ""]
        for question in section.questions:
            lines += _question(checklist, question, wrap)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _scale(checklist: Checklist) -> str:
    return " / ".join(o.label for o in checklist.scale.options)


def _question(checklist: Checklist, question: Question, wrap: textwrap.TextWrapper) -> list[str]:
    number = checklist.numbers[question.id]
    label = f"{question.label}: " if question.label else ""
    head = textwrap.TextWrapper(
        width=88, initial_indent=f"{number} ", subsequent_indent=" " * (len(number) + 1)
    )
    lines = head.wrap(label + " ".join(question.text.split()))
    indent = " " * (len(number) + 1)
    extra: list[str] = []
    if question.kind is QuestionKind.CHOICE:
        pick = "choose any" if question.multiple else "choose one"
        extra.append(f"({pick}: {'; '.join(c.label for c in question.choices)})")
    elif question.kind is QuestionKind.TEXT:
        extra.append("(free text)")
    if question.weight != 1:
        extra.append(f"(weight {question.weight:g})")
    condition = wording.condition(checklist, question)
    if condition:
        extra.append(f"(asked if {condition})")
    if question.help:
        extra += wrap.wrap(" ".join(question.help.split()))
    lines += [indent + line for line in extra]
    return lines


# --- the team report for a terminal (combine --format text) -----------------------------------


def team(team: TeamResult, width: int = 88, colour: bool = False) -> str:
    """The team report fitted to ``width`` columns: the four lists, then the section table,
    then the notes. Colour (only when asked) repeats the rating words, never replaces them."""
    from io import StringIO

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = StringIO()
    console = Console(
        file=out,
        width=max(width, 40),
        force_terminal=colour,
        color_system="standard" if colour else None,
        highlight=False,
        emoji=False,
        legacy_windows=False,
    )
    info = team.checklist
    title = f"{info.title}: team report"
    console.print(Text(_safe(title), style="bold"))
    console.print(Text(_safe(f"Source: {info.source.credit()}. Checklist {info.id}, "
                             f"{wording.versions(team.versions)}.")))  # fmt: skip
    if info.source.url:
        console.print(Text(_safe(f"Link: {info.source.url}")))
    console.print(Text(wording.ours(info.bands), style="italic"))
    console.print(
        Text(f"{wording.plural(team.respondents, 'respondent')}. ")
        + Text(wording.naming(team.options.named))
    )
    stages = wording.team_stages(team)
    if stages:
        console.print(Text(_safe(stages), style="bold"))

    def heading(text: str) -> None:
        console.print()
        console.print(Text(text, style="bold underline"))

    def entries(rows: list[tuple[str, str, str]], more: int) -> None:
        table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
        table.add_column(no_wrap=True)
        table.add_column(ratio=1)
        for number, text, figures in rows:
            table.add_row(
                Text(number, style="bold"), Text(_safe(text)) + Text("\n" + _safe(figures), "dim")
            )
        console.print(table)
        if more:
            console.print(Text(wording.more(more), style="italic"))

    def question_list(title: str, note: str, questions: Sequence[TeamQuestion], empty: str,
                      figures: Callable[[TeamQuestion], str]) -> None:  # fmt: skip
        heading(title)
        console.print(Text(note, style="italic"))
        if not questions:
            console.print(empty)
            return
        shown, more = wording.first(questions)
        entries([(q.number, _titled(q.label, q.text), figures(q)) for q in shown], more)

    question_list(
        "Where the team disagrees",
        wording.DISAGREEMENT_NOTE,
        team.disagreements,
        wording.NO_DISAGREEMENTS,
        wording.team_entry,
    )
    if team.options.by is not None:
        heading("Where groups differ")
        console.print(Text(wording.differences_note(team.options.min_group), style="italic"))
        if not team.differences:
            console.print(Text(wording.no_differences(team.groups, team.options.min_group)))
        else:
            shown, more = wording.first(team.differences)
            entries(
                [
                    (
                        "" if d.is_section else d.number,
                        wording.difference_title(d),
                        wording.difference_entry(d),
                    )
                    for d in shown
                ],
                more,
            )
    question_list(
        "What the team does not know",
        wording.UNKNOWN_NOTE,
        team.unknown,
        wording.NO_UNKNOWN,
        wording.unknown_entry,
    )
    question_list(
        "Where the team agrees it is weakest",
        wording.WEAKEST_NOTE,
        team.weakest,
        wording.NO_WEAKEST,
        wording.team_entry,
    )

    overall = team.overall
    heading(f"Team score: {wording.percent(overall.score)} ({wording.rating(overall.rating)})")
    console.print(wording.team_score(overall))
    styles = {"green": "green", "amber": "yellow", "red": "red"}

    def rated(score: TeamScore | None) -> Text:
        shown = wording.score_and_rating(score)
        rating = score.rating if score is not None and score.score is not None else None
        return Text(shown, style=styles.get(rating or "", ""))

    table = Table(box=box.SIMPLE_HEAD, padding=(0, 1), expand=False)
    table.add_column("Section", ratio=1, min_width=12)
    table.add_column("Team", justify="right", no_wrap=True)
    table.add_column("Rating", no_wrap=True)
    table.add_column("Low", justify="right", no_wrap=True)
    table.add_column("High", justify="right", no_wrap=True)
    rows = [
        (f"{index + 1}. {s.title}", s.score, s.reached > 0) for index, s in enumerate(team.sections)
    ]
    for title, score, reached in rows:
        table.add_row(
            Text(_safe(title)),
            wording.percent(score.score),
            Text(
                wording.section_rating(score.rating, reached),
                style=styles.get(score.rating or "", ""),
            ),
            wording.percent(score.lowest),
            wording.percent(score.highest),
        )
    table.add_section()
    table.add_row(
        Text("Overall", style="bold"),
        wording.percent(overall.score),
        Text(wording.rating(overall.rating), style=styles.get(overall.rating or "", "")),
        wording.percent(overall.lowest),
        wording.percent(overall.highest),
    )
    console.print(table)
    if team.groups and team.options.by is not None:
        # The groups in a table of their own, a column each, sections by number: side by side
        # with the team's columns they would not fit a narrow terminal.
        heading(f"By {team.options.by.value}")
        groups = Table(box=box.SIMPLE_HEAD, padding=(0, 1), expand=False)
        groups.add_column("Section", no_wrap=True)
        for g in team.groups:
            groups.add_column(Text(_safe(f"{wording.group_name(g)} ({g.size})")), justify="right")
        for index, _ in enumerate(team.sections):
            groups.add_row(
                f"{index + 1}.",
                *(rated(None if g.sections is None else g.sections[index]) for g in team.groups),
            )
        groups.add_section()
        groups.add_row(Text("Overall", style="bold"), *(rated(g.overall) for g in team.groups))
        console.print(groups)
        console.print(Text(wording.groups_note(team.options.min_group), style="italic"))

    noted = [q for q in team.questions if q.stats.notes]
    if noted:
        heading(wording.NOTES_HEADING)
        console.print(Text(wording.NOTES_NOTE, style="italic"))
        for q in noted:
            console.print(Text(f"{q.number} ", style="bold") + Text(_titled(q.label, q.text)))
            notes = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
            notes.add_column(no_wrap=True)
            notes.add_column(ratio=1)
            for note in q.stats.notes:
                notes.add_row("  -", Text(_safe(" ".join(note.split()))))
            console.print(notes)
    console.print()
    console.print(
        Text(
            "Every question's answers: --format md or html; the workshop sheet: --format html "
            "or actions.",
            style="dim",
        )
    )
    # rich pads each line to the width: trailing spaces are noise when copied or piped.
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())


def _titled(label: str | None, text: str) -> str:
    text = " ".join(text.split())
    return _safe(f"{label}: {text}" if label else text)


_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _safe(text: str) -> str:
    """File-supplied text as a terminal shows it harmlessly: control characters (ESC starts
    the sequences that clear a screen or retitle a window) as \ufffd, direction overrides
    dropped."""
    return _BIDI.sub("", _UNSAFE.sub("\ufffd", text))
