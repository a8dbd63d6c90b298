"""Answers files: a run's answers given up front (YAML or JSON), checked against the checklist.

A question is named by its full id or by its number as printed (``"1.2"``, quoted: YAML reads
an unquoted 1.10 as 1.1).

```yaml
checklist: board-readiness        # optional; must match the checklist being run
version: "1"                      # optional; must match it too (the offline form writes it)
completed_at: "2026-11-29T10:15:00+00:00"  # optional; when the answers were given
organisation: Example NHS Trust   # optional, like respondent and role
answers:
  "1.2": partly                   # the number as printed, or the full id:
  skills.skills-and-capacity: yes # unquoted yes/no work: YAML 1.1 reads them as true/false
  purpose.shared-purpose: {answer: no, note: not yet agreed}
```
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from collabcheck.errors import AnswersError, Problem
from collabcheck.model import Answer, Checklist, Question, QuestionKind
from collabcheck.textfiles import DATA_MAX_BYTES
from collabcheck.yamlfile import line_of, load_file

_TOP_KEYS = {
    "checklist",
    "version",
    "organisation",
    "respondent",
    "role",
    "stage",
    "completed_at",
    "answers",
}


@dataclass(frozen=True)
class AnswersFile:
    """The parsed contents of an answers file."""

    answers: dict[str, Answer] = field(default_factory=dict)
    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None
    stage: str | None = None
    """In a staged checklist, the stage the work has reached."""
    completed_at: str | None = None
    """When the answers were given (the offline form records it), ISO 8601."""


def _key(value: Any) -> Any:
    """YAML 1.1 reads unquoted yes/no (and on/off) as booleans; they mean the answer keys."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    return value


def parse_answers(data: Any, checklist: Checklist, name: str) -> AnswersFile:
    """Check parsed YAML/JSON as answers to ``checklist``; raise AnswersError listing problems."""
    problems: list[Problem] = []

    def bad(line: int | None, field: str, message: str) -> None:
        problems.append(Problem(name, line, field, message))

    if data is None:
        raise AnswersError([Problem(name, None, "", "is empty; expected an 'answers' mapping")])
    if not isinstance(data, dict):
        raise AnswersError([Problem(name, None, "", "must be a mapping with an 'answers' key")])
    for key in data:
        if key not in _TOP_KEYS:
            bad(
                line_of(data, key),
                str(key),
                f"unknown key; allowed: {', '.join(sorted(_TOP_KEYS))}",
            )
    named = data.get("checklist")
    if named is not None and named != checklist.id:
        bad(
            line_of(data, "checklist"),
            "checklist",
            f"these answers are for {named!r}, not {checklist.id!r}",
        )
    version = data.get("version")
    if named in (None, checklist.id) and version is not None and str(version) != checklist.version:
        found = f" ({checklist.path})" if checklist.path else ""
        bad(
            line_of(data, "version"),
            "version",
            f"these answers are for version {version} of {checklist.id}, "
            f"but the {checklist.id} found{found} is version {checklist.version}",
        )
    meta: dict[str, str | None] = {"completed_at": _timestamp(data, bad)}
    for key in ("organisation", "respondent", "role"):
        value = data.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, str | int)):
            # e.g. organisation: no (YAML reads it as false), or a date: quote it.
            bad(line_of(data, key), key, "must be text (put it in quotes)")
            value = None
        meta[key] = None if value is None else str(value)
    stage = data.get("stage")
    if stage is not None:
        problem = stage_problem(checklist, stage)
        if problem:
            bad(line_of(data, "stage"), "stage", problem)
            stage = None
    raw = data.get("answers")
    answers: dict[str, Answer] = {}
    if raw is None:
        raw = {}
    if not isinstance(raw, dict):
        bad(line_of(data, "answers"), "answers", "must map question ids to answers")
        raw = {}
    by_number = {number: qid for qid, number in checklist.numbers.items()}
    for qid, given in raw.items():
        line = line_of(raw, qid)
        question, problem = _question(checklist, qid, by_number)
        if question is None:
            bad(line, f"answers.{qid}", problem)
            continue
        if question.id in answers:
            bad(line, f"answers.{qid}", f"{question.id} is answered twice (by id and number)")
            continue
        answer = _answer(question, checklist, given, line, bad)
        if answer is not None:
            answers[question.id] = answer
    if problems:
        raise AnswersError(problems)
    return AnswersFile(
        answers,
        meta["organisation"],
        meta["respondent"],
        meta["role"],
        stage,
        meta["completed_at"],
    )


def _timestamp(data: dict[Any, Any], bad: Any) -> str | None:
    """``completed_at`` as ISO 8601 text (YAML reads an unquoted one as a datetime)."""
    value = data.get("completed_at")
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value).isoformat()
        except ValueError:
            pass
    bad(line_of(data, "completed_at"), "completed_at", "must be a date and time (ISO 8601)")
    return None


def stage_problem(checklist: Checklist, stage: Any) -> str | None:
    """What is wrong with ``stage`` as the stage a run of ``checklist`` has reached, or None."""
    stages = checklist.stages
    if stages is None:
        return f"{checklist.id} is not staged: its sections are not stages to reach"
    if isinstance(stage, str) and stage in stages.steps:
        return None
    if isinstance(stage, str) and stage in stages.throughout:
        return (
            f"{stage!r} runs throughout, so it is not a stage to reach; "
            f"use one of {', '.join(stages.steps)}"
        )
    return f"no stage {stage!r} in {checklist.id}; use one of {', '.join(stages.steps)}"


def _question(
    checklist: Checklist, given: Any, by_number: dict[str, str]
) -> tuple[Question | None, str]:
    """The question an answers file names by full id or printed number, or why none is."""
    if isinstance(given, float):
        # An unquoted 1.2 is read as a number; 1.10 would read as 1.1, so refuse the doubt.
        text = repr(given)
        if f"{text}0" in by_number:
            return None, f"{text} could be {text} or {text}0: put the number in quotes"
    else:
        text = str(given)
    qid = by_number.get(text, text)
    question = checklist.question(qid)
    if question is not None:
        return question, ""
    close = difflib.get_close_matches(text, [*checklist.numbers, *by_number], n=1, cutoff=0.6)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    return None, f"unknown question {text!r} in {checklist.id}{hint}"


def _answer(
    question: Question, checklist: Checklist, given: Any, line: int | None, bad: Any
) -> Answer | None:
    at = f"answers.{question.id}"
    note: str | None = None
    if isinstance(given, dict):
        unknown = set(given) - {"answer", "note"}
        if unknown:
            bad(line, at, f"unknown key {sorted(unknown)[0]!r}; use answer and note")
            return None
        note_value = given.get("note")
        if note_value is not None and not isinstance(note_value, str):
            bad(line, f"{at}.note", "must be text")
            return None
        note = note_value.strip() if note_value and note_value.strip() else None
        given = given.get("answer")
    given = _key(given)
    if given is None:
        return Answer(None, note)  # recorded as skipped
    if question.kind is QuestionKind.SCALE:
        if not isinstance(given, str) or checklist.scale.option(given) is None:
            allowed = ", ".join(checklist.scale.keys)
            close = difflib.get_close_matches(str(given), checklist.scale.keys, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            bad(line, at, f"unknown answer {given!r}{hint}; use one of {allowed}")
            return None
        return Answer(given, note)
    if question.kind is QuestionKind.CHOICE:
        items = given if isinstance(given, list) else [given]
        keys: list[str] = []
        for item in items:
            choice = question.choice(str(_key(item)))
            if choice is None:
                allowed = ", ".join(c.key for c in question.choices)
                bad(line, at, f"unknown choice {item!r}; use one of {allowed}")
                return None
            keys.append(choice.key)
        if len(keys) > 1 and not question.multiple:
            bad(line, at, "only one choice may be given")
            return None
        return Answer(tuple(keys) if question.multiple else keys[0], note)
    if not isinstance(given, str | int | float):
        bad(line, at, "must be text")
        return None
    return Answer(str(given), note)


def fits(question: Question, checklist: Checklist, answer: Answer) -> bool:
    """Whether a saved answer is still a valid answer to ``question`` (checklists change)."""
    given = answer.answer
    if given is None:
        return True
    if question.kind is QuestionKind.SCALE:
        return isinstance(given, str) and checklist.scale.option(given) is not None
    if question.kind is QuestionKind.CHOICE:
        keys = given if isinstance(given, tuple) else (given,)
        if isinstance(given, tuple) != question.multiple:
            return False
        return all(question.choice(key) is not None for key in keys)
    return isinstance(given, str)


def read_answers(path: Path, checklist: Checklist) -> AnswersFile:
    """Read and check an answers file for ``checklist``."""
    name = str(path)
    data = load_file(path, name, limit=DATA_MAX_BYTES)
    return parse_answers(data, checklist, name)
