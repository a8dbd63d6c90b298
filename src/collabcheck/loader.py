"""Load checklist files: read them safely and validate every field (catalog.py finds them).

Validation collects every problem in a file before raising, so an author fixes them in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from collabcheck.errors import ChecklistError, Problem
from collabcheck.model import (
    BUILTIN_SCALES,
    MAX_TOTAL_WEIGHT,
    Bands,
    Checklist,
    Choice,
    Condition,
    Question,
    QuestionKind,
    Scale,
    ScaleOption,
    Section,
    Source,
    finite_number,
    is_web_address,
)
from collabcheck.yamlfile import LineDict, line_of, load_file

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

_TOP_KEYS = {
    "id",
    "title",
    "version",
    "source",
    "description",
    "scale",
    "bands",
    "staged",
    "sections",
}
_TOP_REQUIRED = ("id", "title", "version", "source", "description", "scale", "sections")
_SOURCE_KEYS = {"publisher", "title", "year", "author", "url"}
_SECTION_KEYS = {"id", "title", "intro", "throughout", "questions"}
_QUESTION_KEYS = {"id", "text", "label", "help", "weight", "kind", "choices", "multiple", "when"}
_OPTION_KEYS = {"key", "label", "value"}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "choice"


class _Checker:
    """Collects problems for one file while reading its fields."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def add(self, line: int | None, field: str, message: str) -> None:
        self.problems.append(Problem(self.name, line, field, message))

    def mapping(self, value: Any, line: int | None, field: str) -> LineDict | None:
        if isinstance(value, LineDict):
            return value
        self.add(line, field, f"must be a mapping of keys to values, not {_kind(value)}")
        return None

    def keys(self, data: LineDict, allowed: set[str], required: Iterable[str], at: str) -> None:
        for key in data:
            if key not in allowed:
                hint = _closest(str(key), allowed)
                self.add(
                    data.line_of(key),
                    _join(at, str(key)),
                    f"unknown key{hint}; allowed: {', '.join(sorted(allowed))}",
                )
        for key in required:
            if key not in data:
                self.add(data.line, _join(at, key), "required but missing")

    def text(self, data: LineDict, key: str, at: str, *, required: bool = True) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            if value is None and not required:
                return None
            self.add(data.line_of(key), _join(at, key), f"must be text, not {_kind(value)}")
            return None
        text = str(value).strip()
        if required and not text:
            self.add(data.line_of(key), _join(at, key), "must not be empty")
            return None
        return text or None

    def ident(self, data: LineDict, at: str) -> str | None:
        value = self.text(data, "id", at)
        if value is not None and not ID_PATTERN.match(value):
            self.add(
                data.line_of("id"),
                _join(at, "id"),
                f"{value!r} must be lowercase letters, digits, '-' or '_'",
            )
            return None
        return value


def _kind(value: Any) -> str:
    names = {
        bool: "true/false",
        int: "a number",
        float: "a number",
        str: "text",
        type(None): "empty",
        LineDict: "a mapping",
        dict: "a mapping",
    }
    for kind, name in names.items():
        if type(value) is kind:
            return name
    return "a list" if isinstance(value, list) else type(value).__name__


def _join(at: str, key: str) -> str:
    return f"{at}.{key}" if at else key


def _closest(key: str, allowed: set[str]) -> str:
    import difflib  # only on the error path

    match = difflib.get_close_matches(key, sorted(allowed), n=1)
    return f" (did you mean {match[0]!r}?)" if match else ""


def parse_checklist(
    data: Any, name: str, path: Path | None = None, *, file_id: str | None = None
) -> Checklist:
    """Validate parsed YAML as a checklist; raise ChecklistError listing every problem.

    ``file_id``, for a checklist found in a folder by its file name, is the id it must have.
    """
    check = _Checker(name)
    top = check.mapping(data, None, "checklist")
    if top is None:
        raise ChecklistError(check.problems)
    check.keys(top, _TOP_KEYS, _TOP_REQUIRED, "")
    checklist_id = check.ident(top, "")
    if file_id is not None and checklist_id is not None and checklist_id != file_id:
        check.add(
            top.line_of("id"),
            "id",
            f"{checklist_id!r} differs from the file name ({file_id}): checklists are found "
            f"by file name, so rename the file {checklist_id}.yaml or change the id",
        )
    title = check.text(top, "title", "")
    version = _version(check, top)
    description = check.text(top, "description", "")
    source = _parse_source(check, top)
    scale = _parse_scale(check, top)
    bands = _parse_bands(check, top)
    staged = _flag(check, top, "staged", "staged")
    sections = _parse_sections(check, top, scale)
    _check_stages(check, top, staged, sections)
    total = sum(q.weight for s in sections for q in s.questions)
    if not total <= MAX_TOTAL_WEIGHT:
        check.add(
            top.line_of("sections"),
            "sections",
            f"the questions' weights add up to more than {MAX_TOTAL_WEIGHT:g}; use smaller weights",
        )
    if check.problems:
        raise ChecklistError(check.problems)
    assert checklist_id and title and version and description and source and scale
    return Checklist(
        id=checklist_id,
        title=title,
        version=version,
        source=source,
        description=description,
        scale=scale,
        sections=sections,
        bands=bands,
        path=path,
        staged=staged,
    )


def _version(check: _Checker, top: LineDict) -> str | None:
    raw = top.get("version")
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        # YAML reads an unquoted 1.10 as the number 1.1, and 010 as 8: only text is kept as
        # written.
        check.add(
            top.line_of("version"),
            "version",
            'must be text: put it in quotes, e.g. version: "1.10" (unquoted, YAML reads it '
            "as a number, and 1.10 becomes 1.1)",
        )
        return None
    return check.text(top, "version", "")


def _short(value: Any) -> str:
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:37] + "..."


def _flag(check: _Checker, data: LineDict, key: str, at: str) -> bool:
    """An optional true/false key (false when left out)."""
    value = data.get(key, False)
    if not isinstance(value, bool):
        check.add(data.line_of(key), at, f"must be true or false, not {_kind(value)}")
        return False
    return value


def _check_stages(
    check: _Checker, top: LineDict, staged: bool, sections: tuple[Section, ...]
) -> None:
    """A staged checklist needs a stage work can reach; only its sections run throughout."""
    if not sections:
        return
    if not staged:
        lines = {
            str(item.get("id")).strip(): item.line_of("throughout")
            for item in top["sections"]
            if isinstance(item, LineDict)
        }
        for section in sections:
            if section.throughout:
                check.add(
                    lines.get(section.id),
                    f"sections.{section.id}.throughout",
                    "only a staged checklist's sections run throughout; add 'staged: true' "
                    "at the top, or remove this",
                )
    elif all(section.throughout for section in sections):
        check.add(
            top.line_of("staged"),
            "staged",
            "every section runs throughout, so there is no stage to reach: mark the stages "
            "that come one after another without 'throughout'",
        )


def _parse_source(check: _Checker, top: LineDict) -> Source | None:
    if "source" not in top:
        return None
    data = check.mapping(top["source"], top.line_of("source"), "source")
    if data is None:
        return None
    check.keys(data, _SOURCE_KEYS, ("publisher", "title"), "source")
    year = data.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
        check.add(data.line_of("year"), "source.year", f"must be a whole number, not {year!r}")
        year = None
    publisher = check.text(data, "publisher", "source")
    title = check.text(data, "title", "source")
    author = check.text(data, "author", "source", required=False)
    url = check.text(data, "url", "source", required=False)
    if url is not None and not is_web_address(url):
        check.add(
            data.line_of("url"),
            "source.url",
            f"must be a web address starting http:// or https://, not {url!r}",
        )
        url = None
    if publisher is None or title is None:
        return None
    return Source(publisher=publisher, title=title, year=year, author=author, url=url)


def _parse_scale(check: _Checker, top: LineDict) -> Scale | None:
    if "scale" not in top:
        return None
    value = top["scale"]
    line = top.line_of("scale")
    if isinstance(value, str):
        scale = BUILTIN_SCALES.get(value)
        if scale is None:
            check.add(
                line,
                "scale",
                f"unknown scale {value!r}; use {' or '.join(BUILTIN_SCALES)}, "
                "or a list of options (key, label, value)",
            )
        return scale
    if not isinstance(value, list) or not value:
        check.add(line, "scale", "must name a built-in scale or list at least one option")
        return None
    options: list[ScaleOption] = []
    for index, item in enumerate(value):
        at = f"scale[{index}]"
        option = check.mapping(item, line_of(value, index), at)
        if option is None:
            continue
        check.keys(option, _OPTION_KEYS, ("key", "label", "value"), at)
        key = check.text(option, "key", at)
        label = check.text(option, "label", at)
        raw = option.get("value")
        number: float | None = None
        if raw is not None:
            if isinstance(raw, bool) or not isinstance(raw, int | float) or not 0 <= raw <= 1:
                check.add(
                    option.line_of("value"),
                    f"{at}.value",
                    f"must be a number from 0 to 1, or null for 'excluded', not {raw!r}",
                )
                continue
            number = float(raw)
        if key and label:
            if any(o.key == key for o in options):
                check.add(option.line_of("key"), f"{at}.key", f"duplicate option key {key!r}")
            options.append(ScaleOption(key=key, label=label, value=number))
    return Scale("custom", tuple(options)) if options else None


def _parse_bands(check: _Checker, top: LineDict) -> Bands:
    if "bands" not in top:
        return Bands()
    data = check.mapping(top["bands"], top.line_of("bands"), "bands")
    if data is None:
        return Bands()
    check.keys(data, {"green", "amber"}, ("green", "amber"), "bands")
    numbers: dict[str, float] = {}
    for key in ("green", "amber"):
        raw = data.get(key)
        if key in data and (isinstance(raw, bool) or not isinstance(raw, int | float)):
            check.add(data.line_of(key), f"bands.{key}", f"must be a number, not {raw!r}")
        elif isinstance(raw, int | float) and not 0 <= raw <= 100:
            check.add(data.line_of(key), f"bands.{key}", "must be from 0 to 100")
        elif raw is not None:
            numbers[key] = float(raw)
    bands = Bands(**numbers)
    if bands.amber > bands.green:
        check.add(data.line, "bands", "amber must not be above green")
    return bands


def _parse_sections(check: _Checker, top: LineDict, scale: Scale | None) -> tuple[Section, ...]:
    if "sections" not in top:
        return ()
    value = top["sections"]
    if not isinstance(value, list) or not value:
        check.add(top.line_of("sections"), "sections", "must be a list of at least one section")
        return ()
    sections: list[Section] = []
    seen_sections: set[str] = set()
    earlier: dict[str, Question] = {}
    for index, item in enumerate(value):
        data = check.mapping(item, line_of(value, index), f"sections[{index}]")
        if data is None:
            continue
        at = f"sections[{index}]"
        check.keys(data, _SECTION_KEYS, ("id", "title", "questions"), at)
        section_id = check.ident(data, at)
        if section_id:
            at = f"sections.{section_id}"
            if section_id in seen_sections:
                check.add(data.line_of("id"), _join(at, "id"), "duplicate section id")
            seen_sections.add(section_id)
        title = check.text(data, "title", at)
        intro = check.text(data, "intro", at, required=False)
        throughout = _flag(check, data, "throughout", _join(at, "throughout"))
        questions = _parse_questions(check, data, at, section_id, scale, earlier)
        if section_id and title:
            sections.append(Section(section_id, title, tuple(questions), intro, throughout))
    return tuple(sections)


def _parse_questions(
    check: _Checker,
    section: LineDict,
    at: str,
    section_id: str | None,
    scale: Scale | None,
    earlier: dict[str, Question],
) -> list[Question]:
    if "questions" not in section:
        return []
    value = section["questions"]
    if not isinstance(value, list) or not value:
        check.add(
            section.line_of("questions"),
            _join(at, "questions"),
            "must be a list of at least one question",
        )
        return []
    questions: list[Question] = []
    seen: set[str] = set()
    for index, item in enumerate(value):
        q_at = f"{at}.questions[{index}]"
        data = check.mapping(item, line_of(value, index), q_at)
        if data is None:
            continue
        check.keys(data, _QUESTION_KEYS, ("id", "text"), q_at)
        local_id = check.ident(data, q_at)
        if local_id:
            q_at = f"{section_id or at}.{local_id}"
            if local_id in seen:
                check.add(data.line_of("id"), _join(q_at, "id"), "duplicate question id")
            seen.add(local_id)
        question = _parse_question(check, data, q_at, section_id, local_id, scale, earlier)
        if question is not None:
            questions.append(question)
            earlier.setdefault(question.id, question)
    return questions


def _parse_question(
    check: _Checker,
    data: LineDict,
    at: str,
    section_id: str | None,
    local_id: str | None,
    scale: Scale | None,
    earlier: dict[str, Question],
) -> Question | None:
    text = check.text(data, "text", at)
    label = check.text(data, "label", at, required=False)
    help_text = check.text(data, "help", at, required=False)
    weight = 1.0
    if "weight" in data:
        raw = data["weight"]
        if finite_number(raw) is None:
            check.add(
                data.line_of("weight"), f"{at}.weight", f"must be a number, not {_short(raw)}"
            )
        elif raw < 0:
            check.add(data.line_of("weight"), f"{at}.weight", f"must not be negative ({raw})")
        else:
            weight = float(raw)
    kind = QuestionKind.SCALE
    if "kind" in data:
        try:
            kind = QuestionKind(data["kind"])
        except ValueError:
            allowed = ", ".join(k.value for k in QuestionKind)
            check.add(
                data.line_of("kind"),
                f"{at}.kind",
                f"unknown kind {data['kind']!r}; use one of {allowed}",
            )
    multiple = data.get("multiple", False)
    if not isinstance(multiple, bool):
        check.add(data.line_of("multiple"), f"{at}.multiple", "must be true or false")
        multiple = False
    choices = _parse_choices(check, data, at, kind)
    when = _parse_when(check, data, at, earlier, scale)
    if text is None or section_id is None or local_id is None:
        return None
    return Question(
        id=f"{section_id}.{local_id}",
        section=section_id,
        text=text,
        label=label,
        help=help_text,
        weight=weight,
        kind=kind,
        choices=choices,
        multiple=multiple,
        when=when,
    )


def _parse_choices(
    check: _Checker, data: LineDict, at: str, kind: QuestionKind
) -> tuple[Choice, ...]:
    raw = data.get("choices")
    if kind is not QuestionKind.CHOICE:
        if raw is not None:
            check.add(
                data.line_of("choices"), f"{at}.choices", "only choice questions have choices"
            )
        return ()
    if not isinstance(raw, list) or not raw:
        check.add(
            data.line_of("choices"), f"{at}.choices", "a choice question needs a list of choices"
        )
        return ()
    choices: list[Choice] = []
    for index, item in enumerate(raw):
        line = line_of(raw, index)
        if isinstance(item, str) and item.strip():
            choice = Choice(_slug(item), item.strip())
        elif isinstance(item, LineDict):
            c_at = f"{at}.choices[{index}]"
            check.keys(item, {"key", "label"}, ("key", "label"), c_at)
            key = check.text(item, "key", c_at)
            label = check.text(item, "label", c_at)
            if key is None or label is None:
                continue
            choice = Choice(key, label)
        else:
            check.add(line, f"{at}.choices[{index}]", "must be text, or a mapping of key and label")
            continue
        if any(c.key == choice.key for c in choices):
            check.add(line, f"{at}.choices[{index}]", f"duplicate choice {choice.label!r}")
        choices.append(choice)
    return tuple(choices)


def _parse_when(
    check: _Checker,
    data: LineDict,
    at: str,
    earlier: dict[str, Question],
    scale: Scale | None,
) -> Condition | None:
    if "when" not in data:
        return None
    line = data.line_of("when")
    when = check.mapping(data["when"], line, f"{at}.when")
    if when is None:
        return None
    check.keys(when, {"question", "answer"}, ("question", "answer"), f"{at}.when")
    target_id = when.get("question")
    raw_answers = when.get("answer")
    answers_list = raw_answers if isinstance(raw_answers, list) else [raw_answers]
    # YAML 1.1 reads unquoted yes/no as booleans; they mean the answer keys.
    answers = tuple(_answer_key(a) for a in answers_list if a is not None)
    if "question" in when and not isinstance(target_id, str):
        check.add(
            when.line_of("question"),
            f"{at}.when.question",
            f"must be a full question id (SECTION.QUESTION), not {_kind(target_id)}",
        )
    if any(isinstance(a, dict | list) for a in answers_list):
        check.add(
            when.line_of("answer"), f"{at}.when.answer", "must be an answer key or a list of them"
        )
        return None
    if not isinstance(target_id, str):
        return None
    target = earlier.get(target_id)
    if target is None:
        check.add(
            when.line_of("question"),
            f"{at}.when.question",
            f"{target_id!r} is not an earlier question (use its full id, SECTION.QUESTION)",
        )
        return None
    if not answers:
        check.add(when.line_of("answer"), f"{at}.when.answer", "must name at least one answer")
        return None
    valid = _answer_keys(target, scale)
    for answer in answers:
        if valid is not None and answer not in valid:
            check.add(
                when.line_of("answer"),
                f"{at}.when.answer",
                f"{answer!r} is not an answer of {target_id}; use one of {', '.join(valid)}",
            )
    return Condition(question=target_id, answers=answers)


def _answer_key(value: Any) -> str:
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return str(value)


def _answer_keys(question: Question, scale: Scale | None) -> tuple[str, ...] | None:
    if question.kind is QuestionKind.CHOICE:
        return tuple(c.key for c in question.choices)
    if question.kind is QuestionKind.SCALE and scale is not None:
        return scale.keys
    return None


def load_path(path: Path, *, found_by_name: bool = False) -> Checklist:
    """Load and validate one checklist file.

    ``found_by_name``: the file was found in a folder by its name, which its id must match.
    """
    name = str(path)
    data = load_file(path, name)
    return parse_checklist(data, name, path, file_id=path.stem if found_by_name else None)
