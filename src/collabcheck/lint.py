"""Warnings for checklist authors: things that load and run, but that people will trip over.

Pure functions of a loaded checklist and the parsed YAML it came from (for line numbers). The
checks, each shown as ``FILE:LINE: FIELD: warning: message``:

- a scored question over ``LONG_TEXT`` characters;
- a section with a single question (its score is one answer, and reads as more than it is);
- the same question text twice in a checklist;
- phrasing that does not fit the scale: on yes-partly-no a text with no ``?``; on agree-5 a text
  that ends in ``?`` (people agree with statements, not with questions);
- an id that differs from the file name (folders are searched by file name);
- options no answer can knowingly reach: two options of a custom scale, or two choices of a
  question, with the same label (people cannot tell them apart); a scale that no question uses
  (nothing is scored); and a ``when`` on a free-text question, met only by typing the exact text;
- in a staged checklist: a single stage (nothing is ever "not reached"), and a ``when`` naming a
  question that some stage reaches later than the question itself (never asked until then).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from collabcheck.loader import parse_checklist
from collabcheck.model import Checklist, Choice, QuestionKind, ScaleOption
from collabcheck.yamlfile import line_of, load_file

LONG_TEXT = 300
"""A scored question's text longer than this many characters is 'very long'."""


@dataclass(frozen=True)
class Finding:
    """One warning about a valid checklist."""

    file: str
    line: int | None
    field: str
    """Where, named as in validation errors: ``section.question.text``, ``scale[1].label``."""
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.field}: warning: {self.message}"


def check_file(path: Path) -> tuple[Checklist, list[Finding]]:
    """Load and validate a checklist file (a ProblemsError if it is not valid), and lint it."""
    name = str(path)
    data = load_file(path, name)
    checklist = parse_checklist(data, name, path)
    return checklist, lint(checklist, data, name)


def lint(checklist: Checklist, data: Any = None, name: str | None = None) -> list[Finding]:
    """Every warning about ``checklist``, in file order; ``data`` (its parsed YAML) gives lines."""
    name = name or str(checklist.path or checklist.id)
    where = _Lines(data)
    findings = [
        Finding(name, line, field, message)
        for line, field, message in (
            *_wording(checklist, where),
            *_single_question_sections(checklist, where),
            *_duplicate_text(checklist, where),
            *_unreachable(checklist, where),
            *_file_name(checklist, where),
            *_stages(checklist, where),
        )
    ]
    return sorted(findings, key=lambda f: f.line or 0)


_Raw = tuple[int | None, str, str]
"""A finding before it is given its file: line, field, message."""


def _normal(text: str) -> str:
    return " ".join(text.split()).casefold()


def _wording(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    scale = checklist.scale.id
    for question in checklist.questions:
        if not question.scored:
            continue
        text = " ".join(question.text.split())
        line = where.question_line(question.id, "text")
        field = f"{question.id}.text"
        if len(text) > LONG_TEXT:
            yield (
                line,
                field,
                f"very long ({len(text)} characters, over {LONG_TEXT}); people answer a long "
                "question less reliably: split it, or move detail into help",
            )
        if scale == "yes-partly-no" and "?" not in text:
            yield (
                line,
                field,
                "has no '?'; on the yes-partly-no scale people answer a question, so phrase it "
                "as one (or use the agree-5 scale for statements)",
            )
        elif scale == "agree-5" and text.endswith("?"):
            yield (
                line,
                field,
                "ends in '?'; on the agree-5 scale people agree or disagree with a statement, "
                "so phrase it as one (or use the yes-partly-no scale for questions)",
            )


def _file_name(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    path = checklist.path
    if path is not None and path.stem != checklist.id:
        yield (
            where.top_line("id"),
            "id",
            f"differs from the file name ({path.name}); in a checklist folder it is found by "
            f"file name, so name the file {checklist.id}{path.suffix}",
        )


def _single_question_sections(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    for section in checklist.sections:
        if len(section.questions) == 1:
            yield (
                where.section_line(section.id, "questions"),
                f"sections.{section.id}.questions",
                "only one question; the section's score is that one answer, which reads as "
                "firmer than it is: add questions, or merge the section with another",
            )


def _duplicate_text(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    first: dict[str, str] = {}
    for question in checklist.questions:
        key = _normal(question.text)
        if key in first:
            yield (
                where.question_line(question.id, "text"),
                f"{question.id}.text",
                f"the same text as {first[key]}",
            )
        else:
            first[key] = question.id


def _unreachable(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    if checklist.questions and not any(q.scored for q in checklist.questions):
        yield (
            where.top_line("scale"),
            "scale",
            "no question is answered on this scale (every question is a choice or text "
            "question), so the checklist has no score",
        )
    if checklist.scale.id == "custom":
        for index, other in _same_labels(checklist.scale.options):
            yield (
                where.option_line(index),
                f"scale[{index}].label",
                _same_label_message(checklist.scale.options[index], other),
            )
    for question in checklist.questions:
        for index, other in _same_labels(question.choices):
            yield (
                where.choice_line(question.id, index),
                f"{question.id}.choices[{index}]",
                _same_label_message(question.choices[index], other),
            )
        target = checklist.question(question.when.question) if question.when else None
        if question.when and target and target.kind is QuestionKind.TEXT:
            answers = " or ".join(repr(a) for a in question.when.answers)
            yield (
                where.when_line(question.id),
                f"{question.id}.when.question",
                f"{target.id} is a free-text question, so this question is asked only when "
                f"someone types exactly {answers}",
            )


def _stages(checklist: Checklist, where: _Lines) -> Iterator[_Raw]:
    stages = checklist.stages
    if stages is None:
        return
    if len(stages.steps) == 1:
        yield (
            where.top_line("staged"),
            "staged",
            f"only one stage ({stages.steps[0]}) does not run throughout, so nothing is ever "
            "'not reached': mark the stages that come one after another, or leave out 'staged'",
        )
    reached = [stages.reached(step) for step in stages.steps]
    for question in checklist.questions:
        if question.when is None:
            continue
        target = checklist.question(question.when.question)
        if target is None:
            continue
        early = next(
            (
                s
                for s, r in zip(stages.steps, reached, strict=True)
                if question.section in r and target.section not in r
            ),
            None,
        )
        if early is not None:
            yield (
                where.when_line(question.id),
                f"{question.id}.when.question",
                f"{target.id} is in a stage not yet reached at {early}, so until it is this "
                "question is never asked",
            )


def _same_labels(options: Sequence[ScaleOption | Choice]) -> Iterator[tuple[int, int]]:
    """(index, earlier index) of each option whose label repeats an earlier one."""
    seen: dict[str, int] = {}
    for index, option in enumerate(options):
        key = _normal(option.label)
        if key in seen:
            yield index, seen[key]
        else:
            seen[key] = index


def _same_label_message(option: ScaleOption | Choice, index_of_other: int) -> str:
    return (
        f"the label {option.label!r} is also option {index_of_other + 1}'s; people cannot "
        f"tell the two apart, so one of them ({option.key!r}) cannot be chosen knowingly"
    )


class _Lines:
    """Line numbers in the parsed YAML of a valid checklist, by section and question id."""

    def __init__(self, data: Any) -> None:
        self.top = data
        self.sections: dict[str, Any] = {}
        self.questions: dict[str, Any] = {}
        for section in _items(data, "sections"):
            section_id = _ident(section)
            self.sections.setdefault(section_id, section)
            for question in _items(section, "questions"):
                self.questions.setdefault(f"{section_id}.{_ident(question)}", question)

    def top_line(self, key: str) -> int | None:
        return line_of(self.top, key)

    def section_line(self, section_id: str, key: str) -> int | None:
        return line_of(self.sections.get(section_id), key)

    def question_line(self, question_id: str, key: str) -> int | None:
        return line_of(self.questions.get(question_id), key)

    def option_line(self, index: int) -> int | None:
        options = _items(self.top, "scale")
        return line_of(options[index], "label") if index < len(options) else None

    def choice_line(self, question_id: str, index: int) -> int | None:
        question = self.questions.get(question_id)
        return line_of(question.get("choices") if isinstance(question, dict) else None, index)

    def when_line(self, question_id: str) -> int | None:
        question = self.questions.get(question_id)
        when = question.get("when") if isinstance(question, dict) else None
        return line_of(when, "question") or self.question_line(question_id, "when")


def _items(container: Any, key: str) -> list[Any]:
    value = container.get(key) if isinstance(container, dict) else None
    return value if isinstance(value, list) else []


def _ident(data: Any) -> str:
    # The loader accepts numbers as ids and strips spaces; match its reading.
    return str(data.get("id")).strip() if isinstance(data, dict) else ""
