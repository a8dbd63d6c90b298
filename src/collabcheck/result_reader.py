"""Read a result JSON file back (for ``report``, ``combine`` and ``compare``), checking it.

Scores are recomputed from the answers rather than trusted, so every report of a result agrees
with its answers.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from collabcheck.errors import Problem, ResultError
from collabcheck.model import Bands, QuestionKind, Source, Status
from collabcheck.result import SCHEMA, ChecklistInfo, Meta, Outcome, Result, score_outcomes
from collabcheck.yamlfile import YamlReadError, load_file


class _Fields:
    """Typed access to a JSON object that records what is wrong instead of raising at once."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        self.name = name
        self.problems = problems

    def bad(self, field: str, message: str) -> None:
        self.problems.append(Problem(self.name, None, field, message))

    def obj(self, data: Any, field: str) -> dict[str, Any]:
        if isinstance(data, dict):
            return data
        self.bad(field, "must be an object")
        return {}

    def text(self, data: dict[str, Any], key: str, at: str, required: bool = True) -> str | None:
        value = data.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str):
            self.bad(f"{at}.{key}" if at else key, "must be text")
            return None
        return value

    def number(self, data: dict[str, Any], key: str, at: str) -> float | None:
        value = data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(f"{at}.{key}", "must be a number or null")
            return None
        return float(value)


def parse_result(data: Any, name: str) -> Result:
    """Check parsed JSON as a collabcheck result; raise ResultError listing every problem."""
    problems: list[Problem] = []
    f = _Fields(name, problems)
    if not isinstance(data, dict):
        raise ResultError([Problem(name, None, "result", "must be an object")])
    top: dict[str, Any] = data
    if top.get("schema") != SCHEMA:
        raise ResultError(
            [Problem(name, None, "schema", f"not a collabcheck result (expected {SCHEMA!r})")]
        )
    info = _checklist(f, f.obj(top.get("checklist"), "checklist"), _sections(f, top))
    meta_data = f.obj(top.get("meta", {}), "meta")
    meta = Meta(
        **{
            key: f.text(meta_data, key, "meta", required=False)
            for key in ("organisation", "respondent", "role", "started_at", "completed_at")
        },
        tool_version=f.text(meta_data, "tool_version", "meta", required=False) or "unknown",
    )
    raw_answers = top.get("answers")
    outcomes: list[Outcome] = []
    if not isinstance(raw_answers, list):
        f.bad("answers", "must be a list")
    else:
        for index, item in enumerate(raw_answers):
            parsed = _outcome(f, f.obj(item, f"answers[{index}]"), f"answers[{index}]")
            if parsed is not None:
                outcomes.append(parsed)
    if problems or info is None:
        raise ResultError(problems)
    known = {sid for sid, _ in info.sections}
    for o in outcomes:
        if o.section not in known:
            f.bad(f"answers.{o.id}.section", f"{o.section!r} is not a section of the checklist")
    if problems:
        raise ResultError(problems)
    return Result(info, meta, tuple(outcomes), score_outcomes(info, outcomes))


def _sections(f: _Fields, top: dict[str, Any]) -> list[tuple[str, str]]:
    """Each section's id and title, from the scores block, which lists every section in order."""
    scores = f.obj(top.get("scores"), "scores")
    raw = scores.get("sections")
    if not isinstance(raw, list):
        f.bad("scores.sections", "must be a list")
        return []
    sections: list[tuple[str, str]] = []
    for index, item in enumerate(raw):
        data = f.obj(item, f"scores.sections[{index}]")
        sid = f.text(data, "id", f"scores.sections[{index}]")
        title = f.text(data, "title", f"scores.sections[{index}]")
        if sid is not None and title is not None:
            sections.append((sid, title))
    return sections


def _checklist(
    f: _Fields, data: dict[str, Any], sections: list[tuple[str, str]]
) -> ChecklistInfo | None:
    source_data = f.obj(data.get("source"), "checklist.source")
    year = source_data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        f.bad("checklist.source.year", "must be a whole number or null")
        year = None
    publisher = f.text(source_data, "publisher", "checklist.source")
    source_title = f.text(source_data, "title", "checklist.source")
    bands_data = f.obj(data.get("bands", {}), "checklist.bands")
    green = f.number(bands_data, "green", "checklist.bands")
    amber = f.number(bands_data, "amber", "checklist.bands")
    fields = {k: f.text(data, k, "checklist") for k in ("id", "title", "version")}
    scale = f.text(data, "scale", "checklist", required=False) or "custom"
    if None in fields.values() or publisher is None or source_title is None:
        return None
    return ChecklistInfo(
        id=str(fields["id"]),
        title=str(fields["title"]),
        version=str(fields["version"]),
        source=Source(
            publisher=publisher,
            title=source_title,
            year=year,
            author=f.text(source_data, "author", "checklist.source", required=False),
            url=f.text(source_data, "url", "checklist.source", required=False),
        ),
        scale=scale,
        bands=Bands(
            green=green if green is not None else 75.0, amber=amber if amber is not None else 50.0
        ),
        sections=tuple(sections),
    )


def _outcome(f: _Fields, data: dict[str, Any], at: str) -> Outcome | None:
    if not data:
        return None
    try:
        status = Status(data.get("status", "answered"))
    except ValueError:
        f.bad(f"{at}.status", "must be answered, skipped or hidden")
        return None
    try:
        kind = QuestionKind(data.get("kind", "scale"))
    except ValueError:
        f.bad(f"{at}.kind", "must be scale, choice or text")
        return None
    answer = data.get("answer")
    if not (
        answer is None
        or isinstance(answer, str)
        or (isinstance(answer, list) and all(isinstance(a, str) for a in answer))
    ):
        f.bad(f"{at}.answer", "must be text, a list of text, or null")
        return None
    value = f.number(data, "value", at)
    if value is not None and not 0 <= value <= 1:
        f.bad(f"{at}.value", "must be from 0 to 1")
    weight = f.number(data, "weight", at)
    if weight is not None and weight < 0:
        f.bad(f"{at}.weight", "must not be negative")
    dont_know = data.get("dont_know", answer == "dont-know")
    if not isinstance(dont_know, bool):
        f.bad(f"{at}.dont_know", "must be true or false")
        dont_know = False
    qid = f.text(data, "id", at)
    section = f.text(data, "section", at)
    if qid is None or section is None:
        return None
    return Outcome(
        id=qid,
        section=section,
        text=f.text(data, "text", at, required=False) or qid,
        kind=kind,
        status=status,
        answer=answer,
        answer_label=f.text(data, "answer_label", at, required=False),
        value=value,
        note=f.text(data, "note", at, required=False),
        label=f.text(data, "label", at, required=False),
        weight=1.0 if weight is None else weight,
        dont_know=dont_know,
    )


def read_result(path: Path) -> Result:
    """Read and check a result file."""
    name = str(path)
    try:
        data = load_file(path, name)
    except YamlReadError as exc:
        raise ResultError([exc.problem]) from None
    return parse_result(data, name)
