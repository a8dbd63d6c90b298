"""CSV in long format, one row per respondent and question, for spreadsheets and pandas.

``report --format csv`` writes one result (the respondent as given); ``combine --format csv``
writes every member, numbered 1, 2, ... in the order given unless the report is named, with
what the team result lets be shown of who they are. ``combine --format actions`` writes the
workshop sheet: a row per disagreement and priority gap, with blank columns to fill in.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from collabcheck.result import Outcome, Result

if TYPE_CHECKING:
    from collabcheck.team import TeamResult

COLUMNS = (
    "checklist",
    "respondent",
    "role",
    "organisation",
    "section",
    "question_id",
    "label",
    "answer",
    "value",
    "note",
    "status",
    "answer_label",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(text: str | None) -> str:
    """User or checklist text made safe for a spreadsheet.

    Spreadsheets run a cell that starts with =, +, - or @ (or a tab or carriage return, which
    some strip first) as a formula, so a note such as ``=HYPERLINK(...)`` could act when the
    file is opened ("CSV injection"). A leading apostrophe makes it plain text, as the
    spreadsheets themselves do; the text after it is unchanged.
    """
    if not text:
        return ""
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _answer(outcome: Outcome) -> str:
    answer = outcome.answer
    if answer is None:
        return ""
    return "; ".join(answer) if isinstance(answer, list) else answer


def _rows(
    checklist: str,
    respondent: str | None,
    role: str | None,
    organisation: str | None,
    outcomes: Iterable[Outcome],
) -> Iterable[Sequence[str]]:
    fixed = [cell(checklist), cell(respondent), cell(role), cell(organisation)]
    for o in outcomes:
        yield [
            *fixed,
            cell(o.section),
            cell(o.id),
            cell(o.label),
            cell(_answer(o)),
            "" if o.value is None else f"{o.value:g}",
            cell(o.note),
            o.status.value,
            cell(o.answer_label),
        ]


def _write(rows: Iterable[Sequence[str]], columns: Sequence[str] = COLUMNS) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def result(result: Result) -> str:
    """One result: a row per question, the respondent as the result gives them."""
    meta = result.meta
    return _write(
        _rows(result.checklist.id, meta.respondent, meta.role, meta.organisation, result.outcomes)
    )


def team(team: TeamResult) -> str:
    """Every member's answers: a row per member and question, as the team result gives them
    (numbered unless named, a group too small to show not named)."""
    checklist = team.checklist.id
    return _write(
        row
        for m in team.answers
        for row in _rows(checklist, m.respondent, m.role, m.organisation, m.outcomes)
    )


ACTION_COLUMNS = (
    "checklist",
    "version",
    "list",
    "number",
    "question_id",
    "label",
    "question",
    "answered",
    "answers",
    "mean",
    "sd",
    "what_we_agreed",
    "owner",
    "by_when",
)


def actions(team: TeamResult) -> str:
    """The workshop sheet: each disagreement, then each priority gap, with blank columns for
    what the team agreed, who owns it and by when (filled in, it can be compared next time)."""
    from collabcheck.render import wording

    info = team.checklist
    return _write(
        (
            [
                cell(info.id),
                cell(info.version),
                kind,
                q.number,
                cell(q.id),
                cell(q.label),
                cell(q.text),
                str(q.stats.answered),
                cell(wording.answer_counts(q.stats)),
                wording.number(q.stats.mean),
                wording.number(q.stats.sd),
                "",
                "",
                "",
            ]
            for kind, q in team.workshop
        ),
        ACTION_COLUMNS,
    )
