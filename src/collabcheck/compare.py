"""What changed between two results, or two team results, of one checklist (``compare``).

Pure, but for reading its two inputs (``read_scorecard``, at the end): two scorecards in, a
Comparison out. A scorecard is what the two kinds of input have in common: scores and ratings,
overall and per section, and a value per question (a person's answer, or a team's mean answer).

Score changes are taken between the scores as shown (rounded to one decimal), so a report's
arithmetic adds up on the page; ratings are the inputs' own (from unrounded scores). A question
improved when its value went up: a person's answer (No to Partly: +0.5) or a team's mean.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

from collabcheck.errors import MismatchError, Problem, ResultError
from collabcheck.model import Bands, QuestionKind, Source, Status, is_web_address
from collabcheck.result import SCHEMA as RESULT_SCHEMA
from collabcheck.result import Result
from collabcheck.result_reader import Fields, parse_result, read_data
from collabcheck.team import SCHEMA as TEAM_SCHEMA
from collabcheck.team import TeamResult

SCHEMA = "collabcheck/compare/v1"

_RATING_ORDER = {"red": 0, "amber": 1, "green": 2}
_NOISE = 1e-9
"""Changes smaller than this are float noise in a team's means, not change."""


class Kind(StrEnum):
    """What a scorecard was made from."""

    RESULT = "result"
    TEAM = "team"


@dataclass(frozen=True)
class Point:
    """A score as shown (percentage, one decimal) and its rating, overall or for a section."""

    id: str
    title: str
    score: float | None
    rating: str | None
    reached: bool = True
    """False for a stage the work had not reached: not asked, not scored."""


@dataclass(frozen=True)
class QuestionPoint:
    """A scored question's value: the answer's (0..1), or a team's mean."""

    id: str
    section: str
    number: str
    text: str
    label: str | None
    value: float | None
    """None: not answered, not applicable, or not asked."""
    answer: str | None
    """What to show for it: the answer's label (a person), None for a team (show the mean)."""


@dataclass(frozen=True)
class Scorecard:
    """What compare needs of a result or a team result."""

    name: str
    """The file it was read from."""
    kind: Kind
    checklist_id: str
    checklist_title: str
    version: str
    respondents: int
    respondent: str | None
    organisation: str | None
    completed_at: str | None
    overall: Point
    sections: tuple[Point, ...]
    questions: tuple[QuestionPoint, ...]
    bands: Bands = field(default_factory=Bands)
    """The checklist's rating bands, for charts."""
    source: Source | None = None
    """The document the checklist is written from, credited on the page."""
    stage: str | None = None
    """In a staged checklist, the stage reached as shown (a team: each with its members)."""


@dataclass(frozen=True)
class ScoreChange:
    """How a section's (or the overall) score and rating changed."""

    id: str
    title: str
    before: float | None
    after: float | None
    change: float | None
    """Points, after minus before, one decimal; None when either has no score."""
    rating_before: str | None
    rating_after: str | None
    reached_before: bool = True
    """False when the before had not reached this stage (and so has no score here)."""
    reached_after: bool = True

    @property
    def moved(self) -> bool:
        """Whether the rating changed (from or to no score counts)."""
        return self.rating_before != self.rating_after

    @property
    def direction(self) -> str | None:
        """``up`` or ``down`` when the rating moved between two ratings, else None."""
        before = _RATING_ORDER.get(self.rating_before or "")
        after = _RATING_ORDER.get(self.rating_after or "")
        if before is None or after is None or before == after:
            return None
        return "up" if after > before else "down"


@dataclass(frozen=True)
class QuestionChange:
    """How one question's value changed."""

    id: str
    section: str
    number: str
    text: str
    label: str | None
    before: float | None
    after: float | None
    answer_before: str | None
    answer_after: str | None

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True)
class Comparison:
    """Two scorecards of one checklist, side by side."""

    before: Scorecard
    after: Scorecard
    overall: ScoreChange
    sections: tuple[ScoreChange, ...]
    """The after's sections in order, then any only the before has."""
    questions: tuple[QuestionChange, ...]

    @property
    def ratings_moved(self) -> tuple[ScoreChange, ...]:
        """The overall rating, then sections', where they moved."""
        return tuple(c for c in (self.overall, *self.sections) if c.moved)

    @property
    def improved(self) -> tuple[QuestionChange, ...]:
        """Questions whose value went up, the largest change first."""
        up = [q for q in self.questions if (q.change or 0.0) > _NOISE]
        return tuple(sorted(up, key=lambda q: -(q.change or 0.0)))

    @property
    def worse(self) -> tuple[QuestionChange, ...]:
        """Questions whose value went down, the largest fall first."""
        down = [q for q in self.questions if (q.change or 0.0) < -_NOISE]
        return tuple(sorted(down, key=lambda q: q.change or 0.0))

    @property
    def not_compared(self) -> tuple[QuestionChange, ...]:
        """Questions with a value in only one of the two, or in neither."""
        return tuple(q for q in self.questions if q.change is None)


@dataclass(frozen=True)
class Compared:
    """The comparison, and the warnings to show beside it."""

    comparison: Comparison
    warnings: tuple[str, ...]


def from_result(result: Result, name: str) -> Scorecard:
    """A person's result as a scorecard."""
    numbers = result.numbers
    scores = result.scores
    return Scorecard(
        name=name,
        kind=Kind.RESULT,
        checklist_id=result.checklist.id,
        checklist_title=result.checklist.title,
        version=result.checklist.version,
        respondents=1,
        respondent=result.meta.respondent,
        organisation=result.meta.organisation,
        completed_at=result.meta.completed_at,
        overall=Point("overall", "Overall", scores.overall.rounded, scores.overall.rating),
        sections=tuple(
            Point(s.id, s.title, s.tally.rounded, s.tally.rating, s.id in result.reached)
            for s in scores.sections
        ),
        questions=tuple(
            QuestionPoint(
                id=o.id,
                section=o.section,
                number=numbers[o.id],
                text=o.text,
                label=o.label,
                value=o.value if o.status is Status.ANSWERED else None,
                answer=_answer(o.status, o.answer_label),
            )
            for o in result.outcomes
            if o.kind is QuestionKind.SCALE
        ),
        bands=result.checklist.bands,
        source=result.checklist.source,
        stage=_stage(result),
    )


def _stage(result: Result) -> str | None:
    info = result.checklist
    if info.stages is None:
        return None
    return info.title_of(result.stage) if result.stage else "not given"


def team_stage(counts: list[tuple[str | None, int]]) -> str | None:
    """A team's stages as a comparison shows them: ``Gather Ideas (3), not given (1)``."""
    if not counts:
        return None
    return ", ".join(f"{title or 'not given'} ({members})" for title, members in counts)


def from_team(team: TeamResult, name: str) -> Scorecard:
    """A team result as a scorecard (values are the team's mean answers)."""
    return Scorecard(
        name=name,
        kind=Kind.TEAM,
        checklist_id=team.checklist.id,
        checklist_title=team.checklist.title,
        version=team.checklist.version,
        respondents=team.respondents,
        respondent=None,
        organisation=None,
        completed_at=None,
        overall=Point("overall", "Overall", team.overall.rounded, team.overall.rating),
        sections=tuple(
            Point(s.id, s.title, s.score.rounded, s.score.rating, s.reached > 0)
            for s in team.sections
        ),
        questions=tuple(
            QuestionPoint(q.id, q.section, q.number, q.text, q.label, q.stats.mean, None)
            for q in team.questions
            if q.scored
        ),
        bands=team.checklist.bands,
        source=team.checklist.source,
        stage=team_stage([(s.title, s.members) for s in team.stages]),
    )


def compare(before: Scorecard, after: Scorecard) -> Compared:
    """Compare two scorecards of one checklist; MismatchError naming both files if not."""
    if before.checklist_id != after.checklist_id:
        raise MismatchError(
            f"{before.name} is checklist {before.checklist_id!r} but {after.name} is "
            f"{after.checklist_id!r}: compare takes two results of one checklist"
        )
    warnings: list[str] = []
    if before.version != after.version:
        warnings.append(
            f"{before.name} is {before.checklist_id} version {before.version} and {after.name} "
            f"version {after.version}; sections and questions are matched by id"
        )
    if before.kind is not after.kind:
        warnings.append(
            f"comparing a {before.kind.value} ({before.name}) with a {after.kind.value} "
            f"({after.name})"
        )
    return Compared(
        Comparison(
            before=before,
            after=after,
            overall=_score_change(before.overall, after.overall),
            sections=tuple(_score_change(b, a) for b, a in _pair(before.sections, after.sections)),
            questions=tuple(
                _question_change(b, a) for b, a in _pair(before.questions, after.questions)
            ),
        ),
        tuple(warnings),
    )


_Item = TypeVar("_Item", Point, QuestionPoint)


def _pair(
    before: tuple[_Item, ...], after: tuple[_Item, ...]
) -> list[tuple[_Item | None, _Item | None]]:
    """Items matched by id: the after's in order, then those only the before has."""
    earlier = {item.id: item for item in before}
    later = {item.id for item in after}
    pairs: list[tuple[_Item | None, _Item | None]] = [
        (earlier.get(item.id), item) for item in after
    ]
    pairs += [(item, None) for item in before if item.id not in later]
    return pairs


def _score_change(before: Point | None, after: Point | None) -> ScoreChange:
    shown = after or before
    assert shown is not None
    b = before.score if before else None
    a = after.score if after else None
    return ScoreChange(
        id=shown.id,
        title=shown.title,
        before=b,
        after=a,
        change=None if a is None or b is None else round(a - b, 1),
        rating_before=before.rating if before else None,
        rating_after=after.rating if after else None,
        reached_before=before.reached if before else True,
        reached_after=after.reached if after else True,
    )


def _question_change(before: QuestionPoint | None, after: QuestionPoint | None) -> QuestionChange:
    shown = after or before
    assert shown is not None
    return QuestionChange(
        id=shown.id,
        section=shown.section,
        number=shown.number,
        text=shown.text,
        label=shown.label,
        before=before.value if before else None,
        after=after.value if after else None,
        answer_before=before.answer if before else None,
        answer_after=after.answer if after else None,
    )


def _answer(status: Status, label: str | None) -> str | None:
    if status is Status.HIDDEN:
        return "not asked"
    if status is Status.SKIPPED:
        return "skipped"
    if status is Status.NOT_REACHED:
        return "not reached"
    return label


# --- reading compare's inputs: a result or a team result -----------------------------------------

_RATINGS = (None, "green", "amber", "red")


def read_scorecard(path: Path) -> Scorecard:
    """Read a result or a team result (``combine --format json``) for compare."""
    name = str(path)
    data = read_data(path, name)
    schema = data.get("schema") if isinstance(data, dict) else None
    if schema == TEAM_SCHEMA:
        return parse_team_scorecard(data, name)
    if isinstance(data, dict) and schema != RESULT_SCHEMA:
        raise _problem_in(
            name,
            "schema",
            "not a collabcheck result or team result "
            f"(expected {RESULT_SCHEMA!r} or {TEAM_SCHEMA!r})",
        )
    return from_result(parse_result(data, name), name)


def _problem_in(name: str, field: str, message: str) -> ResultError:
    return ResultError([Problem(name, None, field, message)])


def parse_team_scorecard(data: dict[str, Any], name: str) -> Scorecard:
    """Check a team result's scores and mean answers; raise ResultError listing every problem.

    A team result keeps no member's answers, so its numbers are taken as they are, checked for
    type and range.
    """
    problems: list[Problem] = []
    f = Fields(name, problems)
    checklist = f.obj(data.get("checklist"), "checklist")
    fields = {key: f.text(checklist, key, "checklist") for key in ("id", "title", "version")}
    respondents = data.get("respondents")
    if isinstance(respondents, bool) or not isinstance(respondents, int) or respondents < 0:
        f.bad("respondents", "must be a whole number, 0 or more")
        respondents = 0
    scores = f.obj(data.get("scores"), "scores")
    overall = _team_point(f, scores.get("overall"), "scores.overall", "overall", "Overall")
    sections: list[Point] = []
    for index, item in enumerate(f.items(scores.get("sections"), "scores.sections")):
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
    for index, item in enumerate(f.items(data.get("questions"), "questions")):
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
    bands = f.bands(checklist.get("bands"), "checklist.bands")
    source = _team_source(f, checklist.get("source"))
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
        bands=bands,
        source=source,
        stage=team_stage(stages),
    )


def _team_stages(f: Fields, data: Any) -> list[tuple[str | None, int]]:
    """A team result's ``stages``: each stage's title (None: not given) and its members."""
    stages: list[tuple[str | None, int]] = []
    for index, item in enumerate(f.items(data, "stages")):
        entry = f.obj(item, f"stages[{index}]")
        title = f.text(entry, "title", f"stages[{index}]", required=False)
        members = entry.get("respondents")
        if isinstance(members, bool) or not isinstance(members, int) or members < 1:
            f.bad(f"stages[{index}].respondents", "must be a whole number, 1 or more")
            continue
        stages.append((title, members))
    return stages


def _team_source(f: Fields, data: Any) -> Source | None:
    """The checklist's source, for the comparison's credit; None where the file has none."""
    if data is None:
        return None
    entry = f.obj(data, "checklist.source")
    publisher = f.text(entry, "publisher", "checklist.source", required=False)
    title = f.text(entry, "title", "checklist.source", required=False)
    year = entry.get("year")
    url = f.text(entry, "url", "checklist.source", required=False)
    if publisher is None or title is None:
        return None
    return Source(
        publisher=publisher,
        title=title,
        year=year if isinstance(year, int) and not isinstance(year, bool) else None,
        author=f.text(entry, "author", "checklist.source", required=False),
        url=url if url is not None and is_web_address(url) else None,
    )


def _team_point(f: Fields, data: Any, at: str, pid: str, title: str) -> Point | None:
    entry = f.obj(data, at)
    score = f.number(entry, "score", at)
    if score is not None and not 0 <= score <= 100:
        f.bad(f"{at}.score", "must be from 0 to 100")
    rating = entry.get("rating")
    if rating not in _RATINGS:
        f.bad(f"{at}.rating", "must be green, amber, red or null")
        return None
    return Point(pid, title, score, rating)
