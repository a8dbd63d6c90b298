"""Renderers: one module per output format, each returning text; the CLI decides where it goes.

Each kind of document has its own format enum, so a command offers (and its --help lists) only
the formats it can write, and mypy checks that every member is rendered. The format modules are
imported only when used: jinja2 (html) costs start-up time that md and json need not pay.
What several formats print alike (numbers, rating words, sentences) is in ``wording.py``; no
format module imports another.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, assert_never

if TYPE_CHECKING:
    from collabcheck.compare import Comparison
    from collabcheck.model import Checklist
    from collabcheck.result import Result
    from collabcheck.team import TeamResult


class ChecklistFormat(StrEnum):
    """``show``: to read, a blank worksheet to print, or the parsed checklist."""

    TEXT = "text"
    MD = "md"
    JSON = "json"
    HTML = "html"
    ANSWERS = "answers"


class RunFormat(StrEnum):
    """``run``: the report of the answers just given."""

    MD = "md"
    JSON = "json"
    HTML = "html"


class ResultFormat(StrEnum):
    """``report``: a saved result again, or as one row per question for spreadsheets."""

    MD = "md"
    JSON = "json"
    HTML = "html"
    CSV = "csv"


class TeamFormat(StrEnum):
    """``combine``: the team report (text fitted to a terminal), a row per answer (csv), or the
    workshop sheet's actions (a row per disagreement and priority gap)."""

    TEXT = "text"
    MD = "md"
    JSON = "json"
    HTML = "html"
    CSV = "csv"
    ACTIONS = "actions"


class ComparisonFormat(StrEnum):
    """``compare``: what changed between two results."""

    MD = "md"
    JSON = "json"
    HTML = "html"


def render_checklist(checklist: Checklist, fmt: ChecklistFormat, lines: int | None = None) -> str:
    """The checklist in ``fmt``; ``lines`` to write on under each question (html only)."""
    if fmt is ChecklistFormat.TEXT:
        from collabcheck.render import text

        return text.checklist(checklist)
    if fmt is ChecklistFormat.MD:
        from collabcheck.render import markdown

        return markdown.worksheet(checklist)
    if fmt is ChecklistFormat.JSON:
        from collabcheck.render import json

        return json.checklist(checklist)
    if fmt is ChecklistFormat.HTML:
        from collabcheck.render import html

        return html.worksheet(checklist) if lines is None else html.worksheet(checklist, lines)
    if fmt is ChecklistFormat.ANSWERS:
        from collabcheck.render import answers

        return answers.blank(checklist)
    assert_never(fmt)


def render_result(result: Result, fmt: ResultFormat | RunFormat) -> str:
    fmt = ResultFormat(fmt.value)
    if fmt is ResultFormat.MD:
        from collabcheck.render import markdown

        return markdown.report(result)
    if fmt is ResultFormat.JSON:
        from collabcheck.render import json

        return json.result(result)
    if fmt is ResultFormat.HTML:
        from collabcheck.render import html

        return html.report(result)
    if fmt is ResultFormat.CSV:
        from collabcheck.render import csv

        return csv.result(result)
    assert_never(fmt)


def render_team(team: TeamResult, fmt: TeamFormat, width: int = 88, colour: bool = False) -> str:
    """The team report in ``fmt``; ``width`` and ``colour`` shape the text format only."""
    if fmt is TeamFormat.TEXT:
        from collabcheck.render import text

        return text.team(team, width, colour)
    if fmt is TeamFormat.MD:
        from collabcheck.render import markdown

        return markdown.team(team)
    if fmt is TeamFormat.JSON:
        from collabcheck.render import json

        return json.team(team)
    if fmt is TeamFormat.HTML:
        from collabcheck.render import html

        return html.team(team)
    if fmt is TeamFormat.CSV:
        from collabcheck.render import csv

        return csv.team(team)
    if fmt is TeamFormat.ACTIONS:
        from collabcheck.render import csv

        return csv.actions(team)
    assert_never(fmt)


def render_comparison(comparison: Comparison, fmt: ComparisonFormat) -> str:
    if fmt is ComparisonFormat.MD:
        from collabcheck.render import markdown

        return markdown.comparison(comparison)
    if fmt is ComparisonFormat.JSON:
        from collabcheck.render import json

        return json.comparison(comparison)
    if fmt is ComparisonFormat.HTML:
        from collabcheck.render import html

        return html.comparison(comparison)
    assert_never(fmt)
