"""Read a result JSON file back (for ``report``, ``combine`` and ``compare``), checking it;
and, for ``compare``, a team result's scores.

Scores are recomputed from the answers rather than trusted, so every report of a result agrees
with its answers.
"""

from __future__ import annotations

import gc
import json
import operator
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collabcheck.errors import Problem, ResultError
from collabcheck.model import (
    BUILTIN_SCALES,
    DONT_KNOW,
    Bands,
    QuestionKind,
    Scale,
    Source,
    Stages,
    Status,
    is_web_address,
)
from collabcheck.result import SCHEMA, ChecklistInfo, Meta, Outcome, Result
from collabcheck.textfile import ReadError, read_text

if TYPE_CHECKING:
    from collabcheck.compare import Point, Scorecard


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


def parse_result(data: Any, name: str, shared: Shared | None = None) -> Result:
    """Check parsed JSON as a collabcheck result; raise ResultError listing every problem.

    Results read one after another can share ``shared``: what is the same as in one read before
    (the checklist, an answer in every field) is then checked, and stored, once.
    """
    shared = shared or Shared()
    problems: list[Problem] = []
    f = _Fields(name, problems)
    if not isinstance(data, dict):
        raise ResultError([Problem(name, None, "result", "must be an object")])
    top: dict[str, Any] = data
    if top.get("schema") != SCHEMA:
        raise ResultError(
            [Problem(name, None, "schema", f"not a collabcheck result (expected {SCHEMA!r})")]
        )
    info = shared.checklist(f, top)
    meta = _meta(f, top.get("meta", {}))
    raw_answers = top.get("answers")
    outcomes: list[Outcome] = []
    if not isinstance(raw_answers, list):
        f.bad("answers", "must be a list")
    else:
        scale = BUILTIN_SCALES.get(info.scale) if info is not None else None
        outcomes = shared.outcomes(f, raw_answers, scale)
    if problems or info is None:
        raise ResultError(problems)
    if len({o.id for o in outcomes}) != len(outcomes):
        seen: set[str] = set()
        for o in outcomes:
            if o.id in seen:
                f.bad(f"answers.{o.id}", "given twice; a result has one entry per question")
            seen.add(o.id)
        raise ResultError(problems)
    known = {sid for sid, _ in info.sections}
    if not {o.section for o in outcomes} <= known:
        for o in outcomes:
            if o.section not in known:
                f.bad(f"answers.{o.id}.section", f"{o.section!r} is not a section of the checklist")
        raise ResultError(problems)
    stage = _stage(f, top.get("stage"), info, outcomes)
    if problems:
        raise ResultError(problems)
    return Result(info, meta, tuple(outcomes), stage)


def _stage(f: _Fields, raw: Any, info: ChecklistInfo, outcomes: list[Outcome]) -> str | None:
    """The stage reached, checked against the checklist's stages and every answer's status."""
    stages = info.stages
    stage = raw if isinstance(raw, str) else None
    if raw is not None and (stages is None or stage not in stages.steps):
        steps = ", ".join(stages.steps) if stages else ""
        f.bad("stage", f"must be one of {steps}" if steps else "the checklist is not staged")
        return None
    reached = stages.reached(stage) if stages else None
    not_reached = Status.NOT_REACHED
    for o in outcomes:
        if (o.status is not_reached) != (reached is not None and o.section not in reached):
            wanted = "not_reached" if o.status is not not_reached else "not not_reached"
            f.bad(
                f"answers.{o.id}.status",
                f"must be {wanted}: the stage reached is {stage or 'not given'}",
            )
            break
    return stage


_META_FIELDS = ("organisation", "respondent", "role", "started_at", "completed_at", "tool_version")
_all_meta = operator.itemgetter(*_META_FIELDS)
_TEXT_OR_NONE = {str, type(None)}


def _meta(f: _Fields, data: Any) -> Meta:
    if isinstance(data, dict):
        try:
            values = _all_meta(data)
        except KeyError:  # a field left out: checked one by one below
            values = None
        if values is not None and set(map(type, values)) <= _TEXT_OR_NONE:
            organisation, respondent, role, started_at, completed_at, tool_version = values
            return Meta(
                organisation, respondent, role, started_at, completed_at, tool_version or "unknown"
            )
    meta_data = f.obj(data, "meta")
    return Meta(
        **{
            key: f.text(meta_data, key, "meta", required=False)
            for key in ("organisation", "respondent", "role", "started_at", "completed_at")
        },
        tool_version=f.text(meta_data, "tool_version", "meta", required=False) or "unknown",
    )


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
    source = _source(f, data.get("source"))
    bands_data = f.obj(data.get("bands", {}), "checklist.bands")
    green = f.number(bands_data, "green", "checklist.bands")
    amber = f.number(bands_data, "amber", "checklist.bands")
    stages = _stages(f, data.get("stages"), sections)
    fields = {k: f.text(data, k, "checklist") for k in ("id", "title", "version")}
    scale = f.text(data, "scale", "checklist", required=False) or "custom"
    if None in fields.values() or source is None:
        return None
    return ChecklistInfo(
        id=str(fields["id"]),
        title=str(fields["title"]),
        version=str(fields["version"]),
        source=source,
        scale=scale,
        bands=Bands(
            green=green if green is not None else 75.0, amber=amber if amber is not None else 50.0
        ),
        sections=tuple(sections),
        stages=stages,
    )


def _stages(f: _Fields, data: Any, sections: list[tuple[str, str]]) -> Stages | None:
    """``checklist.stages``: null, or the sections that run throughout in a staged checklist."""
    if data is None:
        return None
    throughout = f.obj(data, "checklist.stages").get("throughout", [])
    ids = [sid for sid, _ in sections]
    if not isinstance(throughout, list) or not all(t in ids for t in throughout):
        f.bad("checklist.stages.throughout", "must be a list of the checklist's section ids")
        return None
    if set(throughout) >= set(ids):
        f.bad("checklist.stages.throughout", "leaves no stage to reach")
        return None
    return Stages(tuple(ids), frozenset(throughout))


def _source(f: _Fields, data: Any) -> Source | None:
    """A result's (or team result's) ``checklist.source``; None, with problems noted, if bad."""
    source_data = f.obj(data, "checklist.source")
    year = source_data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        f.bad("checklist.source.year", "must be a whole number or null")
        year = None
    publisher = f.text(source_data, "publisher", "checklist.source")
    title = f.text(source_data, "title", "checklist.source")
    author = f.text(source_data, "author", "checklist.source", required=False)
    url = f.text(source_data, "url", "checklist.source", required=False)
    if url is not None and not is_web_address(url):
        f.bad("checklist.source.url", "must be a web address starting http:// or https://")
        url = None
    if publisher is None or title is None:
        return None
    return Source(publisher=publisher, title=title, year=year, author=author, url=url)


_FIELDS = (
    "id",
    "section",
    "status",
    "kind",
    "answer",
    "value",
    "weight",
    "dont_know",
    "text",
    "answer_label",
    "note",
    "label",
)
_all_fields = operator.itemgetter(*_FIELDS)


class Shared:
    """What results read together have in common, checked once and kept once: the checklist's
    description, and each answer given the same way by many members (same question, same
    answer, same note or none).

    combine reads thousands of results of one checklist, whose answers repeat a few dozen
    questions times a handful of answers: checking and storing each of them again would cost
    more than parsing the JSON. What is shared is frozen, so sharing it is safe.
    """

    LIMIT = 100_000
    """Distinct answers kept at most; past it, answers are still read, just not shared."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], Outcome] = {}
        self._checklist: tuple[tuple[Any, ...], ChecklistInfo] | None = None

    def checklist(self, f: _Fields, top: dict[str, Any]) -> ChecklistInfo | None:
        """The checklist of the result ``top`` (problems go to ``f``)."""
        key = _checklist_key(top)
        last = self._checklist
        if key is not None and last is not None and last[0] == key:
            return last[1]
        problems = len(f.problems)
        info = _checklist(f, f.obj(top.get("checklist"), "checklist"), _sections(f, top))
        if key is not None and info is not None and len(f.problems) == problems:
            self._checklist = (key, info)
        return info

    def outcomes(self, f: _Fields, items: list[Any], scale: Scale | None) -> list[Outcome]:
        """The outcomes of a result's ``answers``, checked (problems go to ``f``)."""
        seen = self._seen
        scale_id = scale.id if scale is not None else None  # a str hashes at once; a Scale not
        made: list[Outcome] = []
        key: tuple[Any, ...] | None
        for index, item in enumerate(items):
            try:
                raw = _all_fields(item)
                # 1, 1.0 and True are equal as keys, but not all of them are valid here: the
                # types of the fields where they can occur are part of the key.
                key = (raw, type(raw[5]), type(raw[6]), type(raw[7]), scale_id)
                found = seen.get(key)
            except (KeyError, TypeError):  # not an object, a field left out, a list of choices
                key = found = None
            if found is None:
                at = f"answers[{index}]"
                problems = len(f.problems)
                found = _outcome(f, f.obj(item, at), at, scale)
                if found is None:
                    continue
                if key is not None and len(f.problems) == problems and len(seen) < self.LIMIT:
                    seen[key] = found
            made.append(found)
        return made


def _checklist_key(top: dict[str, Any]) -> tuple[Any, ...] | None:
    """What a result's ChecklistInfo is made from, to compare (==) with the last one read."""
    raw, scores = top.get("checklist"), top.get("scores")
    if not isinstance(raw, dict) or not isinstance(scores, dict):
        return None
    source, bands, sections = raw.get("source"), raw.get("bands", {}), scores.get("sections")
    if not (isinstance(source, dict) and isinstance(bands, dict) and isinstance(sections, list)):
        return None
    try:
        titles = list(map(_id_and_title, sections))
    except (KeyError, TypeError):  # checked, and reported, one by one
        return None
    # Numbers are compared by type too: 1 == 1.0 == True, but only some of them are valid.
    return (
        raw,
        type(source.get("year")),
        type(bands.get("green")),
        type(bands.get("amber")),
        titles,
    )


_id_and_title = operator.itemgetter("id", "title")


_STATUSES = {status.value: status for status in Status}
_KINDS = {kind.value: kind for kind in QuestionKind}


def _outcome(f: _Fields, data: dict[str, Any], at: str, scale: Scale | None) -> Outcome | None:
    # Called once per answer of every file combine reads (thousands of files): checks are
    # written out inline rather than through _Fields' helpers, which cost a call each.
    if not data:
        return None
    get = data.get
    raw_status = get("status", "answered")
    status = _STATUSES.get(raw_status) if isinstance(raw_status, str) else None
    if status is None:
        f.bad(f"{at}.status", "must be answered, skipped, hidden or not_reached")
        return None
    raw_kind = get("kind", "scale")
    kind = _KINDS.get(raw_kind) if isinstance(raw_kind, str) else None
    if kind is None:
        f.bad(f"{at}.kind", "must be scale, choice or text")
        return None
    answer = get("answer")
    if not (
        answer is None
        or isinstance(answer, str)
        or (isinstance(answer, list) and all(isinstance(a, str) for a in answer))
    ):
        f.bad(f"{at}.answer", "must be text, a list of text, or null")
        return None
    value = get("value")
    reported = len(f.problems)
    if value is not None and type(value) is not float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            f.bad(f"{at}.value", "must be a number or null")
            value = None
        else:
            value = float(value)
    if value is not None and not 0 <= value <= 1:
        f.bad(f"{at}.value", "must be from 0 to 1")
    weight = get("weight")
    if weight is None:
        weight = 1.0
    elif isinstance(weight, bool) or not isinstance(weight, int | float):
        f.bad(f"{at}.weight", "must be a number or null")
        weight = 1.0
    elif weight < 0:
        f.bad(f"{at}.weight", "must not be negative")
    dont_know = get("dont_know", answer == DONT_KNOW)
    if not isinstance(dont_know, bool):
        f.bad(f"{at}.dont_know", "must be true or false")
        dont_know = False
    qid, section = get("id"), get("section")
    if not isinstance(qid, str):
        f.bad(f"{at}.id", "must be text")
    if not isinstance(section, str):
        f.bad(f"{at}.section", "must be text")
    text, answer_label, note, label = (
        get("text"),
        get("answer_label"),
        get("note"),
        get("label"),
    )
    for key, optional in (
        ("text", text),
        ("answer_label", answer_label),
        ("note", note),
        ("label", label),
    ):
        if optional is not None and not isinstance(optional, str):
            f.bad(f"{at}.{key}", "must be text")
    value_reported = len(f.problems) > reported
    if (
        scale is not None
        and kind is QuestionKind.SCALE
        and status is Status.ANSWERED
        and not value_reported
    ):
        # On a built-in scale the answer fixes the value: a result edited by hand (or by a
        # script) must not count one answer at another's value.
        option = scale.option(answer) if isinstance(answer, str) else None
        if option is None:
            f.bad(f"{at}.answer", f"{answer!r} is not an answer on the {scale.id} scale")
        elif option.value != value:
            f.bad(f"{at}.value", f"{value} does not match the answer {answer!r} ({option.value})")
    if not isinstance(qid, str) or not isinstance(section, str):
        return None
    return Outcome(
        id=qid,
        section=section,
        text=text if isinstance(text, str) and text else qid,
        kind=kind,
        status=status,
        answer=answer,
        answer_label=answer_label if isinstance(answer_label, str) else None,
        value=value,
        note=note if isinstance(note, str) else None,
        label=label if isinstance(label, str) else None,
        weight=float(weight),
        dont_know=dont_know,
    )


def read_result(path: Path, shared: Shared | None = None) -> Result:
    """Read and check a result file (JSON; YAML too, when the name does not end in .json).

    Give results read together the same ``shared`` (see Shared): combine reads thousands.
    """
    name = str(path)
    return parse_result(read_data(path, name), name, shared)


def read_results(paths: Sequence[Path]) -> list[Result]:
    """Read and check many result files, sharing what they have in common (see Shared)."""
    shared = Shared()
    # Reading makes no reference cycles, and the collector would otherwise walk every result
    # kept so far again and again as thousands pile up.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return [read_result(path, shared) for path in paths]
    finally:
        if collecting:
            gc.enable()


def read_data(path: Path, name: str) -> Any:
    """Parse a JSON file with the json module, anything else as YAML; ResultError if unreadable.

    combine reads thousands of results: the YAML loader, which keeps every line number, takes
    twenty times as long as json over the same JSON, so .json files take the fast path.
    """
    if str(path)[-5:].lower() != ".json":  # cheaper than path.suffix, for thousands of files
        from collabcheck.yamlfile import YamlReadError, load_file

        try:
            return load_file(path, name)
        except YamlReadError as exc:
            raise ResultError([exc.problem]) from None
    try:
        text = read_text(path, name)
    except ReadError as exc:
        raise ResultError([exc.problem]) from None
    try:
        return _JSON.decode(text)
    except json.JSONDecodeError as exc:
        raise _problem(name, exc.lineno, f"not valid JSON: {exc.msg}") from None
    except RecursionError:
        raise _problem(name, None, "refused: nested too deeply") from None
    except ValueError as exc:  # NaN or Infinity, or a number too long to convert
        raise _problem(name, None, f"not valid JSON: {exc}") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


_JSON = json.JSONDecoder(parse_constant=_no_constant)
"""Made once: json.loads with an argument would make a decoder for every file."""


def _problem(name: str, line: int | None, message: str) -> ResultError:
    return ResultError([Problem(name, line, "", message)])


# --- compare's inputs: a result or a team result ------------------------------------------------

_RATINGS = (None, "green", "amber", "red")


def read_scorecard(path: Path) -> Scorecard:
    """Read a result or a team result (``combine --format json``) for compare."""
    from collabcheck.compare import from_result
    from collabcheck.team import SCHEMA as TEAM_SCHEMA

    name = str(path)
    data = read_data(path, name)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == TEAM_SCHEMA:
        return parse_team_scorecard(data, name)
    if isinstance(data, dict) and schema != SCHEMA:
        raise _problem_in(
            name,
            "schema",
            f"not a collabcheck result or team result (expected {SCHEMA!r} or {TEAM_SCHEMA!r})",
        )
    return from_result(parse_result(data, name), name)


def _problem_in(name: str, field: str, message: str) -> ResultError:
    return ResultError([Problem(name, None, field, message)])


def parse_team_scorecard(data: dict[str, Any], name: str) -> Scorecard:
    """Check a team result's scores and mean answers; raise ResultError listing every problem.

    A team result keeps no member's answers, so its numbers are taken as they are, checked for
    type and range.
    """
    from collabcheck.compare import Kind, QuestionPoint, Scorecard, team_stage

    problems: list[Problem] = []
    f = _Fields(name, problems)
    checklist = f.obj(data.get("checklist"), "checklist")
    fields = {key: f.text(checklist, key, "checklist") for key in ("id", "title", "version")}
    respondents = data.get("respondents")
    if isinstance(respondents, bool) or not isinstance(respondents, int) or respondents < 0:
        f.bad("respondents", "must be a whole number, 0 or more")
        respondents = 0
    scores = f.obj(data.get("scores"), "scores")
    overall = _team_point(f, scores.get("overall"), "scores.overall", "overall", "Overall")
    sections: list[Point] = []
    raw_sections = scores.get("sections")
    if not isinstance(raw_sections, list):
        f.bad("scores.sections", "must be a list")
        raw_sections = []
    for index, item in enumerate(raw_sections):
        at = f"scores.sections[{index}]"
        entry = f.obj(item, at)
        sid, title = f.text(entry, "id", at), f.text(entry, "title", at)
        point = _team_point(f, entry, at, sid or "", title or "")
        reached = entry.get("reached")
        if reached is not None and (isinstance(reached, bool) or not isinstance(reached, int)):
            f.bad(f"{at}.reached", "must be a whole number")
        elif point is not None and reached is not None:
            point = replace(point, reached=reached > 0)
        if sid is not None and title is not None and point is not None:
            sections.append(point)
    questions: list[QuestionPoint] = []
    raw_questions = data.get("questions")
    if not isinstance(raw_questions, list):
        f.bad("questions", "must be a list")
        raw_questions = []
    for index, item in enumerate(raw_questions):
        at = f"questions[{index}]"
        entry = f.obj(item, at)
        texts = [f.text(entry, key, at) for key in ("id", "section", "number", "text")]
        label = f.text(entry, "label", at, required=False)
        mean = f.number(entry, "mean", at)
        if mean is not None and not 0 <= mean <= 1:
            f.bad(f"{at}.mean", "must be from 0 to 1")
        qid, section, number, text = texts
        if entry.get("kind", "scale") != "scale":
            continue
        if qid is not None and section is not None and number is not None and text is not None:
            questions.append(QuestionPoint(qid, section, number, text, label, mean, None))
    bands_data = f.obj(checklist.get("bands", {}), "checklist.bands")
    green = f.number(bands_data, "green", "checklist.bands")
    amber = f.number(bands_data, "amber", "checklist.bands")
    source = _source(f, checklist["source"]) if "source" in checklist else None
    stages = _team_stages(f, data.get("stages", []))
    if problems or overall is None or None in fields.values():
        raise ResultError(problems)
    return Scorecard(
        name=name,
        kind=Kind.TEAM,
        checklist_id=str(fields["id"]),
        checklist_title=str(fields["title"]),
        version=str(fields["version"]),
        respondents=respondents,
        respondent=None,
        organisation=None,
        completed_at=None,
        overall=overall,
        sections=tuple(sections),
        questions=tuple(questions),
        bands=Bands(
            green=green if green is not None else 75.0, amber=amber if amber is not None else 50.0
        ),
        source=source,
        stage=team_stage(stages),
    )


def _team_stages(f: _Fields, data: Any) -> list[tuple[str | None, int]]:
    """A team result's ``stages``: each stage's title (None: not given) and its members."""
    if not isinstance(data, list):
        f.bad("stages", "must be a list")
        return []
    stages: list[tuple[str | None, int]] = []
    for index, item in enumerate(data):
        entry = f.obj(item, f"stages[{index}]")
        title = f.text(entry, "title", f"stages[{index}]", required=False)
        members = entry.get("respondents")
        if isinstance(members, bool) or not isinstance(members, int) or members < 1:
            f.bad(f"stages[{index}].respondents", "must be a whole number, 1 or more")
            continue
        stages.append((title, members))
    return stages


def _team_point(f: _Fields, data: Any, at: str, pid: str, title: str) -> Point | None:
    from collabcheck.compare import Point

    entry = f.obj(data, at)
    score = f.number(entry, "score", at)
    if score is not None and not 0 <= score <= 100:
        f.bad(f"{at}.score", "must be from 0 to 100")
    rating = entry.get("rating")
    if rating not in _RATINGS:
        f.bad(f"{at}.rating", "must be green, amber, red or null")
        return None
    return Point(pid, title, score, rating)
