"""Plain, frozen data: checklists as loaded, and the answers given to them."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

MAX_TOTAL_WEIGHT = 1e300
"""Weights may add up to this at most: far beyond any use, and far enough from the largest
float that a score (100 times a weighted sum) cannot overflow to infinity."""

DONT_KNOW = "dont-know"
"""The answer key that counts as answered (value 0) and is listed as a knowledge gap."""


@dataclass(frozen=True)
class ScaleOption:
    """One answer a scored question can take."""

    key: str
    """What answers files and results store, e.g. ``partly``."""
    label: str
    """What the person sees, e.g. ``Partly``."""
    value: float | None
    """0..1, or None when the answer excludes the question from scoring (not applicable)."""

    @property
    def is_dont_know(self) -> bool:
        return self.key == DONT_KNOW

    @property
    def is_low(self) -> bool:
        return is_low_answer(self.key, self.value)


def is_low_answer(key: str, value: float | None) -> bool:
    """Whether an answer is a gap: don't know, or below the top of the scale (No, Partly,
    Disagree...), which invites a note and lists it in the report's priority gaps.

    'Neither agree nor disagree' is a neutral answer, not a concern; n/a is no answer at all.
    """
    if key == DONT_KNOW:
        return True
    return value is not None and value < 0.75 and key != "neither"


@dataclass(frozen=True)
class Scale:
    """The answers of a checklist's scored questions, best first."""

    id: str
    options: tuple[ScaleOption, ...]

    def option(self, key: str) -> ScaleOption | None:
        """The option with this key, or None."""
        return next((o for o in self.options if o.key == key), None)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(o.key for o in self.options)


def _option(key: str, label: str, value: float | None) -> ScaleOption:
    return ScaleOption(key=key, label=label, value=value)


BUILTIN_SCALES: dict[str, Scale] = {
    "yes-partly-no": Scale(
        "yes-partly-no",
        (
            _option("yes", "Yes", 1.0),
            _option("partly", "Partly", 0.5),
            _option("no", "No", 0.0),
            _option(DONT_KNOW, "Don't know", 0.0),
            _option("n/a", "Not applicable", None),
        ),
    ),
    "agree-5": Scale(
        "agree-5",
        (
            _option("strongly-agree", "Strongly agree", 1.0),
            _option("agree", "Agree", 0.75),
            _option("neither", "Neither agree nor disagree", 0.5),
            _option("disagree", "Disagree", 0.25),
            _option("strongly-disagree", "Strongly disagree", 0.0),
            _option(DONT_KNOW, "Don't know", 0.0),
            _option("n/a", "Not applicable", None),
        ),
    ),
}


class QuestionKind(StrEnum):
    """How a question is answered."""

    SCALE = "scale"
    """On the checklist's scale, and scored."""
    CHOICE = "choice"
    """One (or, if ``multiple``, several) of the question's own choices; not scored."""
    TEXT = "text"
    """Free text; not scored."""


@dataclass(frozen=True)
class Choice:
    """One option of a choice question."""

    key: str
    label: str


@dataclass(frozen=True)
class Condition:
    """Ask a question only when an earlier answer is one of ``answers``."""

    question: str
    """Full id (``SECTION.QUESTION``) of the earlier question."""
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Question:
    """One question of a checklist."""

    id: str
    """Full id, ``SECTION.QUESTION``."""
    section: str
    text: str
    label: str | None = None
    help: str | None = None
    weight: float = 1.0
    kind: QuestionKind = QuestionKind.SCALE
    choices: tuple[Choice, ...] = ()
    multiple: bool = False
    when: Condition | None = None

    @property
    def scored(self) -> bool:
        return self.kind is QuestionKind.SCALE

    def choice(self, key_or_label: str) -> Choice | None:
        """The choice with this key (or, for convenience, this exact label), or None."""
        for choice in self.choices:
            if key_or_label in (choice.key, choice.label):
                return choice
        return None


@dataclass(frozen=True)
class Section:
    """A titled group of questions."""

    id: str
    title: str
    questions: tuple[Question, ...]
    intro: str | None = None
    throughout: bool = False
    """In a staged checklist: a stage that runs from the start, asked whichever is reached."""


@dataclass(frozen=True)
class Stages:
    """A staged checklist's sections as stages, in order; some run throughout.

    The one rule of stages: at a stage, it and every stage before it are reached, and so are
    the stages that run throughout; the stages after it are not reached (not asked, not
    scored). Checklists and results both answer with it.
    """

    sections: tuple[str, ...]
    """Every section's id, in order."""
    throughout: frozenset[str] = frozenset()

    @property
    def steps(self) -> tuple[str, ...]:
        """The stages work can reach, in order: every section but those running throughout."""
        return tuple(sid for sid in self.sections if sid not in self.throughout)

    def reached(self, stage: str | None) -> frozenset[str]:
        """The sections reached at ``stage`` (None: not given, so every section)."""
        if stage is None or stage not in self.steps:
            return frozenset(self.sections)
        upto = self.sections[: self.sections.index(stage) + 1]
        return frozenset(upto) | self.throughout


def finite_number(value: object) -> float | None:
    """A JSON or YAML number as a finite float; None for anything else (text, true, an
    infinity such as 1e400, a whole number too large for a float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:
        return None
    return number if math.isfinite(number) else None


# An address a report can link to safely: http(s) only, so never a javascript: or file: link.
_WEB_ADDRESS = re.compile(r"https?://[^\s/?#]+\S*")


def is_web_address(text: str) -> bool:
    """Whether ``text`` is an http:// or https:// address with a host and no spaces."""
    return _WEB_ADDRESS.fullmatch(text) is not None


@dataclass(frozen=True)
class Source:
    """The document a checklist is written from; every report credits it."""

    publisher: str
    title: str
    year: int | None = None
    author: str | None = None
    url: str | None = None
    """The source's own page (http or https), for reports to link to; None when not known."""

    def credit(self) -> str:
        """A one-line citation, e.g. ``Good Governance Institute, "An appetite ...", 2021``."""
        parts = [self.author, self.publisher] if self.author else [self.publisher]
        parts.append(f"\u201c{self.title}\u201d")
        if self.year is not None:
            parts.append(str(self.year))
        return ", ".join(p for p in parts if p)

    def as_dict(self) -> dict[str, object]:
        return {k: v for k, v in vars(self).items() if v is not None}


@dataclass(frozen=True)
class Bands:
    """Score thresholds for the ratings: green at ``green`` or more, amber at ``amber`` or more."""

    green: float = 75.0
    amber: float = 50.0

    def rating(self, score: float | None) -> str | None:
        """The rating word for an unrounded score, or None for no score."""
        if score is None:
            return None
        if score >= self.green:
            return "green"
        if score >= self.amber:
            return "amber"
        return "red"


@dataclass(frozen=True)
class Checklist:
    """A loaded, valid checklist."""

    id: str
    title: str
    version: str
    source: Source
    description: str
    scale: Scale
    sections: tuple[Section, ...]
    bands: Bands = field(default_factory=Bands)
    path: Path | None = None
    """The file it was loaded from."""
    staged: bool = False
    """Its sections are stages in order: a run records the stage reached (see Stages)."""

    @cached_property
    def stages(self) -> Stages | None:
        """The stages, when the checklist is staged."""
        if not self.staged:
            return None
        return Stages(
            tuple(s.id for s in self.sections),
            frozenset(s.id for s in self.sections if s.throughout),
        )

    @cached_property
    def questions(self) -> tuple[Question, ...]:
        """Every question, in checklist order."""
        return tuple(q for s in self.sections for q in s.questions)

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    def question(self, full_id: str) -> Question | None:
        """The question with this full id, or None (found at once, however many there are)."""
        return self._by_id.get(full_id)

    @cached_property
    def numbers(self) -> Mapping[str, str]:
        """Each question's printed number (``2.3``) by full id: the worksheet's, whichever
        sections a run asks."""
        return question_numbers(
            [s.id for s in self.sections], ((q.id, q.section) for q in self.questions)
        )

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)


def question_numbers(
    section_ids: Sequence[str], questions: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """Questions' printed numbers by full id, from (full id, section id) pairs in checklist
    order: ``2.3`` is the third question of the second section.

    The one rule every report and screen numbers by, so a number means the same question on
    the worksheet, the report, the team report and the comparison.
    """
    place = {sid: index for index, sid in enumerate(section_ids, 1)}
    within: dict[str, int] = {}
    numbers: dict[str, str] = {}
    for qid, section in questions:
        within[section] = within.get(section, 0) + 1
        numbers[qid] = f"{place[section]}.{within[section]}"
    return numbers


class Status(StrEnum):
    """What became of a question in a run."""

    ANSWERED = "answered"
    SKIPPED = "skipped"
    HIDDEN = "hidden"
    """Not asked, because its ``when`` condition was not met."""
    NOT_REACHED = "not_reached"
    """Not asked, because its section is a stage the work has not reached."""


AnswerValue = str | tuple[str, ...]
"""A scale or choice key, several choice keys, or free text."""


@dataclass(frozen=True)
class Answer:
    """What one person gave for one question (a skip is recorded as ``answer=None``)."""

    answer: AnswerValue | None
    note: str | None = None


def condition_met(condition: Condition | None, answers: dict[str, Answer]) -> bool:
    """Whether a question with this ``when`` is to be asked, given the answers so far."""
    if condition is None:
        return True
    given = answers.get(condition.question)
    if given is None or given.answer is None:
        return False
    keys = given.answer if isinstance(given.answer, tuple) else (given.answer,)
    return any(key in condition.answers for key in keys)
