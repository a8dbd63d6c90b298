"""Read a result JSON file back (for ``report``, ``combine`` and ``compare``), checking it.

Scores are recomputed from the answers rather than trusted, so every report of a result agrees
with its answers.
"""

from __future__ import annotations

import json
import operator
from itertools import compress, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from collabcheck.errors import Problem, ResultError
from collabcheck.model import (
    BUILTIN_SCALES,
    DONT_KNOW,
    MAX_TOTAL_WEIGHT,
    Bands,
    QuestionKind,
    Scale,
    ScaleOption,
    Source,
    Stages,
    Status,
    finite_number,
    is_web_address,
)
from collabcheck.result import SCHEMA, ChecklistInfo, Meta, Outcome, Result
from collabcheck.textfiles import DATA_MAX_BYTES, read_text

if TYPE_CHECKING:
    from collabcheck.outcome_pool import OutcomePool

# The team result's schema (team.SCHEMA, not imported: team reads results), told apart here so
# that giving one where a person's result is wanted says what it is.
TEAM_RESULT_SCHEMA = "collabcheck/team/v1"
_TEAM_NOT_RESULT = (
    "a team result (from combine), not one person's result: combine and report take members' "
    "results; compare takes two team results"
)


class Fields:
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

    def items(self, data: Any, field: str) -> list[Any]:
        if isinstance(data, list):
            return data
        self.bad(field, "must be a list")
        return []

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
        number = finite_number(value)
        if number is None:
            self.bad(f"{at}.{key}", "must be a number or null")
        return number

    def bands(self, data: Any, at: str) -> Bands:
        """Rating bands: green and amber from 0 to 100, amber not above green (else the
        defaults, with the problem recorded)."""
        entry = self.obj(data if data is not None else {}, at)
        green = self.number(entry, "green", at)
        amber = self.number(entry, "amber", at)
        for key, value in (("green", green), ("amber", amber)):
            if value is not None and not 0 <= value <= 100:
                self.bad(f"{at}.{key}", "must be from 0 to 100")
                return Bands()
        bands = Bands(
            green=green if green is not None else 75.0, amber=amber if amber is not None else 50.0
        )
        if bands.amber > bands.green:
            self.bad(at, "amber must not be above green")
            return Bands()
        return bands


def parse_result(data: Any, name: str, pool: OutcomePool | None = None) -> Result:
    """Check parsed JSON as a collabcheck result; raise ResultError listing every problem.

    With a ``pool`` (combine's), what is the same as in a result read before (the checklist, an
    answer in every field) is checked, and stored, once.
    """
    problems: list[Problem] = []
    f = Fields(name, problems)
    if not isinstance(data, dict):
        raise ResultError([Problem(name, None, "result", "must be an object")])
    top: dict[str, Any] = data
    if top.get("schema") == TEAM_RESULT_SCHEMA:
        raise ResultError([Problem(name, None, "schema", _TEAM_NOT_RESULT)])
    if top.get("schema") != SCHEMA:
        raise ResultError(
            [Problem(name, None, "schema", f"not a collabcheck result (expected {SCHEMA!r})")]
        )
    info = pool.checklist(f, top) if pool is not None else parse_checklist(f, top)
    meta = _meta(f, top.get("meta", {}))
    raw_answers = top.get("answers")
    outcomes: list[Outcome] = []
    if not isinstance(raw_answers, list):
        f.bad("answers", "must be a list")
    else:
        scale = BUILTIN_SCALES.get(info.scale) if info is not None else None
        if pool is not None:
            outcomes = pool.outcomes(f, raw_answers, scale)
        else:
            parsed = (parse_answer(f, item, i, scale) for i, item in enumerate(raw_answers))
            outcomes = [o for o in parsed if o is not None]
    if not problems and not sum(o.weight for o in outcomes) <= MAX_TOTAL_WEIGHT:
        f.bad("answers", f"the weights add up to more than {MAX_TOTAL_WEIGHT:g}")
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


def _stage(f: Fields, raw: Any, info: ChecklistInfo, outcomes: list[Outcome]) -> str | None:
    """The stage reached, checked against the checklist's stages and every answer's status."""
    stages = info.stages
    stage = raw if isinstance(raw, str) else None
    if raw is not None and (stages is None or stage not in stages.steps):
        steps = ", ".join(stages.steps) if stages else ""
        f.bad("stage", f"must be one of {steps}" if steps else "the checklist is not staged")
        return None
    reached = stages.reached(stage) if stages else None
    # combine reads thousands of results: the rule is checked with C-level maps (no Python
    # call per answer), and only a result that breaks it is walked answer by answer.
    if reached is None:
        kept = Status.NOT_REACHED not in map(_status, outcomes)
    else:
        marked = list(map(operator.is_, map(_status, outcomes), repeat(Status.NOT_REACHED)))
        sections = list(map(_section, outcomes))
        later = {sid for sid, _ in info.sections} - reached
        kept = set(compress(sections, marked)) <= later and later.isdisjoint(
            compress(sections, map(operator.not_, marked))
        )
    if not kept:
        o = next(
            o
            for o in outcomes
            if (o.status is Status.NOT_REACHED)
            != (reached is not None and o.section not in reached)
        )
        wanted = "not_reached" if o.status is not Status.NOT_REACHED else "not not_reached"
        f.bad(
            f"answers.{o.id}.status",
            f"must be {wanted}: the stage reached is {stage or 'not given'}",
        )
    return stage


_status = operator.attrgetter("status")
_section = operator.attrgetter("section")


_META_FIELDS = ("organisation", "respondent", "role", "started_at", "completed_at", "tool_version")
_all_meta = operator.itemgetter(*_META_FIELDS)
_TEXT_OR_NONE = {str, type(None)}


def _meta(f: Fields, data: Any) -> Meta:
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


def _sections(f: Fields, top: dict[str, Any]) -> list[tuple[str, str]]:
    """Each section's id and title, from the scores block, which lists every section in order."""
    scores = f.obj(top.get("scores"), "scores")
    raw = f.items(scores.get("sections"), "scores.sections")
    sections: list[tuple[str, str]] = []
    for index, item in enumerate(raw):
        data = f.obj(item, f"scores.sections[{index}]")
        sid = f.text(data, "id", f"scores.sections[{index}]")
        title = f.text(data, "title", f"scores.sections[{index}]")
        if sid is not None and title is not None:
            sections.append((sid, title))
    return sections


def parse_checklist(f: Fields, top: dict[str, Any]) -> ChecklistInfo | None:
    """The checklist a result ``top`` describes, with its sections (problems go to ``f``)."""
    return _checklist(f, f.obj(top.get("checklist"), "checklist"), _sections(f, top))


def _checklist(
    f: Fields, data: dict[str, Any], sections: list[tuple[str, str]]
) -> ChecklistInfo | None:
    source_data = f.obj(data.get("source"), "checklist.source")
    year = source_data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        f.bad("checklist.source.year", "must be a whole number or null")
        year = None
    publisher = f.text(source_data, "publisher", "checklist.source")
    source_title = f.text(source_data, "title", "checklist.source")
    url = f.text(source_data, "url", "checklist.source", required=False)
    if url is not None and not is_web_address(url):
        f.bad("checklist.source.url", "must be a web address starting http:// or https://")
        url = None
    bands = f.bands(data.get("bands"), "checklist.bands")
    stages = _stages(f, data.get("stages"), sections)
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
            url=url,
        ),
        scale=scale,
        bands=bands,
        sections=tuple(sections),
        scale_options=_scale_options(f, data.get("scale_options", [])),
        stages=stages,
    )


def _stages(f: Fields, data: Any, sections: list[tuple[str, str]]) -> Stages | None:
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


def _scale_options(f: Fields, raw: Any) -> tuple[ScaleOption, ...]:
    """The scale's options a result records (none in results written before they were)."""
    if not isinstance(raw, list):
        f.bad("checklist.scale_options", "must be a list")
        return ()
    options: list[ScaleOption] = []
    for index, item in enumerate(raw):
        at = f"checklist.scale_options[{index}]"
        data = f.obj(item, at)
        key, label = f.text(data, "key", at), f.text(data, "label", at)
        value = f.number(data, "value", at)
        if value is not None and not 0 <= value <= 1:
            f.bad(f"{at}.value", "must be between 0 and 1, or null")
        elif key is not None and label is not None:
            options.append(ScaleOption(key, label, value))
    return tuple(options)


_STATUSES = {status.value: status for status in Status}
_KINDS = {kind.value: kind for kind in QuestionKind}


def parse_answer(f: Fields, item: Any, index: int, scale: Scale | None) -> Outcome | None:
    """The outcome of one entry of a result's ``answers`` (problems go to ``f``)."""
    at = f"answers[{index}]"
    return _outcome(f, f.obj(item, at), at, scale)


def _outcome(f: Fields, data: dict[str, Any], at: str, scale: Scale | None) -> Outcome | None:
    # Called once per answer of every file combine reads (thousands of files): checks are
    # written out inline rather than through Fields' helpers, which cost a call each.
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
        value = finite_number(value)
        if value is None:
            f.bad(f"{at}.value", "must be a number or null")
    if value is not None and not 0 <= value <= 1:
        f.bad(f"{at}.value", "must be from 0 to 1")
    weight = get("weight")
    if weight is None:
        weight = 1.0
    elif finite_number(weight) is None:
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


def read_result(path: Path | str, pool: OutcomePool | None = None) -> Result:
    """Read and check a result file (JSON; YAML too, when the name does not end in .json).

    combine reads its many results through outcome_pool.read_results, which gives them a pool.
    """
    name = str(path)
    return parse_result(read_data(path, name), name, pool)


def read_data(path: Path | str, name: str) -> Any:
    """Parse a JSON file as JSON, anything else as YAML; FileReadError if unreadable.

    combine reads thousands of results: the YAML loader, which keeps every line number, takes
    twenty times as long as json over the same JSON, so .json files take the fast path; and on
    it orjson, which decodes in under half the json module's time, reads what it can.
    """
    if str(path)[-5:].lower() != ".json":  # cheaper than path.suffix, for thousands of files
        from collabcheck.yamlfile import load_file

        return load_file(Path(path), name, limit=DATA_MAX_BYTES)
    text = read_text(path, name, limit=DATA_MAX_BYTES)
    try:
        data = orjson.loads(text)
    except orjson.JSONDecodeError:
        pass  # decoded again below: the json module's reading, and its messages, are ours
    else:
        if not _lost_whole_number(data):
            return data
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


def _lost_whole_number(data: Any) -> bool:
    """Whether orjson made a float of a whole number past 64 bits that json would keep whole,
    in the only places a result or a team result needs one (elsewhere both read the same)."""
    if not isinstance(data, dict):
        return False
    checklist, respondents = data.get("checklist"), data.get("respondents")
    source = checklist.get("source") if isinstance(checklist, dict) else None
    year = source.get("year") if isinstance(source, dict) else None
    return (type(year) is float and not _INT64_MIN <= year < 2**64) or (
        type(respondents) is float and not _INT64_MIN <= respondents < 2**64
    )


_INT64_MIN = -(2**63)


def _problem(name: str, line: int | None, message: str) -> ResultError:
    return ResultError([Problem(name, line, "", message)])
