"""A completed run: every question's outcome, the scores, and who answered when.

A result is self-contained: it carries the question texts, labels and weights, so ``report``,
``combine`` and ``compare`` work without the checklist file. Its JSON form is
``collabcheck/result/v1``, written by render/json.py and read back by result_reader.py.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from functools import cached_property

from collabcheck import __version__
from collabcheck.model import (
    Answer,
    Bands,
    Checklist,
    Question,
    QuestionKind,
    ScaleOption,
    Source,
    Stages,
    Status,
    condition_met,
    question_numbers,
)
from collabcheck.scoring import Scores, score

SCHEMA = "collabcheck/result/v1"


@dataclass(frozen=True)
class ChecklistInfo:
    """What a result keeps of its checklist."""

    id: str
    title: str
    version: str
    source: Source
    scale: str
    bands: Bands
    sections: tuple[tuple[str, str], ...]
    """Each section's id and title, in order."""
    scale_options: tuple[ScaleOption, ...] = ()
    """Every option of the scale, best first (empty in results written before they were kept):
    so that a team's counts list options nobody chose, whatever the scale."""
    stages: Stages | None = None
    """The stages, when the checklist is staged (its sections are stages in order)."""

    def title_of(self, section_id: str) -> str:
        """A section's title (its id when the result does not list it)."""
        return next((title for sid, title in self.sections if sid == section_id), section_id)


@dataclass(frozen=True)
class Meta:
    """Who answered, and when."""

    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None
    started_at: str | None = None
    completed_at: str | None = None
    tool_version: str = __version__


@dataclass(frozen=True)
class Outcome:
    """One question's outcome in a result."""

    id: str
    section: str
    text: str
    kind: QuestionKind
    status: Status
    answer: str | list[str] | None
    answer_label: str | None
    value: float | None
    note: str | None
    label: str | None = None
    weight: float = 1.0
    dont_know: bool = False


@dataclass(frozen=True)
class Result:
    """A checklist's answers, and their scores."""

    checklist: ChecklistInfo
    meta: Meta
    outcomes: tuple[Outcome, ...]
    stage: str | None = None
    """In a staged checklist, the stage the work has reached (None: not given, or unstaged)."""

    @cached_property
    def reached(self) -> frozenset[str]:
        """The sections reached: every section, unless a stage is given and later ones exist."""
        stages = self.checklist.stages
        if stages is None:
            return frozenset(sid for sid, _ in self.checklist.sections)
        return stages.reached(self.stage)

    @cached_property
    def scores(self) -> Scores:
        """Scored from the outcomes when first asked for: combine reads thousands of results
        and needs only their scores' values (outcome_pool.member_scores), not every count."""
        return score_outcomes(self.checklist, self.outcomes)

    @cached_property
    def numbers(self) -> Mapping[str, str]:
        """Each question's printed number (``2.3``) by full id, as on the worksheet."""
        section_ids = [sid for sid, _ in self.checklist.sections]
        return question_numbers(section_ids, ((o.id, o.section) for o in self.outcomes))

    @property
    def priority_gaps(self) -> list[Outcome]:
        """The low answers to work on first (value 0.25 or less: No, Disagree, Strongly
        disagree; Don't know is a knowledge gap instead), heaviest weight first, then checklist
        order."""
        gaps = [o for o in self._scale_answers if o.value is not None and o.value <= LOW]
        return sorted(gaps, key=lambda o: -o.weight)  # sorted() keeps checklist order in ties

    @property
    def in_part(self) -> list[Outcome]:
        """Middle answers (Partly, Neither): above 0.25 and below 0.75, in checklist order."""
        return [o for o in self._scale_answers if o.value is not None and LOW < o.value < HIGH]

    @property
    def knowledge_gaps(self) -> list[Outcome]:
        """Questions answered Don't know, in checklist order."""
        return [o for o in self.outcomes if o.dont_know and o.status is Status.ANSWERED]

    @property
    def _scale_answers(self) -> list[Outcome]:
        """Answers on the scale that are not Don't know."""
        return [
            o
            for o in self.outcomes
            if o.status is Status.ANSWERED and o.kind is QuestionKind.SCALE and not o.dont_know
        ]


LOW = 0.25
"""An answer of this value or less is a priority gap (No, Disagree, Strongly disagree)."""
HIGH = 0.75
"""An answer of this value or more is no gap (Yes, Agree, Strongly agree); between is in part."""


def now() -> str:
    """The local time, ISO 8601 with its offset, to the second."""
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def checklist_info(checklist: Checklist) -> ChecklistInfo:
    return ChecklistInfo(
        id=checklist.id,
        title=checklist.title,
        version=checklist.version,
        source=checklist.source,
        scale=checklist.scale.id,
        bands=checklist.bands,
        sections=tuple((s.id, s.title) for s in checklist.sections),
        scale_options=checklist.scale.options,
        stages=checklist.stages,
    )


def visible_answers(checklist: Checklist, answers: Mapping[str, Answer]) -> dict[str, Answer]:
    """The answers to questions that are shown, given the answers before each one.

    An answer to a question whose ``when`` is no longer met (because an earlier answer changed)
    is dropped, and so, in turn, are the questions that depend on it.
    """
    shown: dict[str, Answer] = {}
    for question in checklist.questions:
        if question.id in answers and condition_met(question.when, shown):
            shown[question.id] = answers[question.id]
    return shown


def outcome(
    checklist: Checklist, question: Question, answer: Answer | None, shown: bool
) -> Outcome:
    """The outcome of one question, from its answer (None: not answered)."""
    base = Outcome(
        id=question.id,
        section=question.section,
        text=question.text,
        kind=question.kind,
        status=Status.HIDDEN,
        answer=None,
        answer_label=None,
        value=None,
        note=None,
        label=question.label,
        weight=question.weight,
    )
    if not shown:
        return base
    if answer is None or answer.answer is None:
        return replace(base, status=Status.SKIPPED, note=answer.note if answer else None)
    given = answer.answer
    if question.kind is QuestionKind.SCALE and isinstance(given, str):
        option = checklist.scale.option(given)
        assert option is not None, f"{question.id}: {given!r} was checked when read"
        return replace(
            base,
            status=Status.ANSWERED,
            answer=option.key,
            answer_label=option.label,
            value=option.value,
            note=answer.note,
            dont_know=option.is_dont_know,
        )
    if question.kind is QuestionKind.CHOICE:
        keys = list(given) if isinstance(given, tuple) else [given]
        labels = [c.label for k in keys if (c := question.choice(k)) is not None]
        return replace(
            base,
            status=Status.ANSWERED,
            answer=keys if question.multiple else keys[0],
            answer_label="; ".join(labels),
            note=answer.note,
        )
    text = given if isinstance(given, str) else "; ".join(given)
    return replace(base, status=Status.ANSWERED, answer=text, answer_label=text, note=answer.note)


def build(
    checklist: Checklist, answers: Mapping[str, Answer], meta: Meta, stage: str | None = None
) -> Result:
    """Score a checklist's answers into a result; in a staged checklist, at ``stage``."""
    reached = checklist.stages.reached(stage) if checklist.stages else None
    shown_answers: dict[str, Answer] = {}
    outcomes: list[Outcome] = []
    for question in checklist.questions:
        if reached is not None and question.section not in reached:
            outcomes.append(not_reached(checklist, question))
            continue
        shown = condition_met(question.when, shown_answers)
        given = answers.get(question.id)
        if shown and given is not None:
            shown_answers[question.id] = given
        outcomes.append(outcome(checklist, question, given, shown))
    return Result(
        checklist_info(checklist), meta, tuple(outcomes), stage if checklist.stages else None
    )


def not_reached(checklist: Checklist, question: Question) -> Outcome:
    """The outcome of a question in a stage the work has not reached: not asked, not scored."""
    return replace(outcome(checklist, question, None, False), status=Status.NOT_REACHED)


def score_outcomes(info: ChecklistInfo, outcomes: Sequence[Outcome]) -> Scores:
    """The scores of a result's outcomes (its scored questions only)."""
    scale = QuestionKind.SCALE
    return score(info.sections, [o for o in outcomes if o.kind is scale], info.bands)
