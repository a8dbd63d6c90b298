"""What ``report``, ``combine`` and ``compare`` read: results, and answers files (saved by the
offline form, or written by hand), each scored against the checklist it names.

A result carries its checklist with it; an answers file carries only the checklist's id (and,
from the form, its version), so the checklist is found the usual way (bundled,
``--checklist-dir``, ``COLLABCHECK_PATH``) and the answers are scored as ``run --answers``
scores them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from collabcheck.errors import AnswersError, ChecklistNotFoundError, Problem, ResultError
from collabcheck.model import Checklist
from collabcheck.outcome_pool import OutcomePool
from collabcheck.result import SCHEMA, Meta, Result, build
from collabcheck.result_reader import parse_result, read_data

if TYPE_CHECKING:
    from collabcheck.compare import Scorecard


def is_answers(data: Any) -> bool:
    """Whether parsed JSON or YAML is an answers file: ``answers`` (left empty, perhaps, in a
    blank from ``show --format answers``) and no schema."""
    return isinstance(data, dict) and "schema" not in data and "answers" in data


@dataclass
class Checklists:
    """The checklists that answers files name, each found once."""

    extra_dirs: Sequence[Path] = ()
    _found: dict[str, Checklist] = field(default_factory=dict)

    def named_by(self, data: dict[str, Any], name: str) -> Checklist:
        """The checklist an answers file names in its ``checklist`` field."""
        from collabcheck.catalog import find
        from collabcheck.loader import ID_PATTERN
        from collabcheck.yamlfile import line_of

        ref = data.get("checklist")
        line = line_of(data, "checklist")
        if ref is None:
            raise AnswersError(
                [Problem(name, None, "checklist", "missing: say which checklist these answer")]
            )
        # Only an id, found on the search path: a file someone sent must not have a file of
        # its choosing loaded (a path, or a file in the current folder with the id's name).
        if not isinstance(ref, str) or not ID_PATTERN.match(ref):
            raise AnswersError([Problem(name, line, "checklist", "must be a checklist id")])
        if ref not in self._found:
            try:
                self._found[ref] = find(ref, self.extra_dirs)
            except ChecklistNotFoundError as exc:
                raise AnswersError([Problem(name, line, "checklist", str(exc))]) from None
        return self._found[ref]


def scored_answers(data: dict[str, Any], name: str, checklists: Checklists) -> Result:
    """An answers file's answers scored against the checklist it names, as a result."""
    # Here, not at the top: combine of JSON results need not import the YAML reader.
    from collabcheck.answers import parse_answers

    checklist = checklists.named_by(data, name)
    given = parse_answers(data, checklist, name)
    meta = Meta(
        organisation=given.organisation,
        respondent=given.respondent,
        role=given.role,
        completed_at=given.completed_at,
    )
    return build(checklist, given.answers, meta, given.stage)


def _not_either(name: str) -> ResultError:
    return ResultError(
        [
            Problem(
                name,
                None,
                "schema",
                f"not a collabcheck result (expected {SCHEMA!r}) or answers file (with 'answers')",
            )
        ]
    )


def _read(path: Path | str, checklists: Checklists, pool: OutcomePool) -> tuple[Result, bool]:
    """A result or answers file as a result, and whether it was an answers file."""
    name = str(path)
    data = read_data(path, name)
    if type(data) is dict and data.get("schema") == SCHEMA:  # the common case, first
        return parse_result(data, name, pool), False
    if is_answers(data):
        return scored_answers(data, name, checklists), True
    if not isinstance(data, dict) or "schema" in data:
        return parse_result(data, name, pool), False  # says what is wrong with it
    raise _not_either(name)


def read_one(path: Path, extra_dirs: Sequence[Path] = ()) -> Result:
    """A result, or an answers file scored, for ``report``."""
    return _read(path, Checklists(extra_dirs), OutcomePool())[0]


@dataclass(frozen=True)
class Inputs:
    """What ``combine`` read, and how many of each kind."""

    results: list[Result]
    from_results: int
    from_answers: int

    def counted(self) -> str:
        """E.g. 'Read 3 results and 2 answers files.'"""
        results = f"{self.from_results} result{'' if self.from_results == 1 else 's'}"
        answers = f"{self.from_answers} answers file{'' if self.from_answers == 1 else 's'}"
        return f"Read {results} and {answers}."


def read_many(paths: Iterable[Path | str], extra_dirs: Sequence[Path] = ()) -> Inputs:
    """Results and answers files, for ``combine``: results read through one OutcomePool (call
    within outcome_pool.no_collection)."""
    checklists, pool = Checklists(extra_dirs), OutcomePool()
    results: list[Result] = []
    answers_files = 0
    for path in paths:
        result, from_answers = _read(path, checklists, pool)
        results.append(result)
        answers_files += from_answers
    return Inputs(results, len(results) - answers_files, answers_files)


def read_comparable(path: Path, extra_dirs: Sequence[Path] = ()) -> Scorecard:
    """A result, a team result or an answers file (scored), for ``compare``."""
    from collabcheck.compare import from_result, read_scorecard

    name = str(path)
    data = read_data(path, name)
    if is_answers(data):
        return from_result(scored_answers(data, name, Checklists(extra_dirs)), name)
    # compare reads two files: reading one again costs nothing worth a second reader.
    return read_scorecard(path)
