"""A team's answers to one checklist, combined: what ``collabcheck combine`` reports.

Pure: results in, a TeamResult out; reading files and printing happen elsewhere.

The numbers, as every team report states them:

- A question's **mean** is the mean value of the members' answers on the scale (Don't know
  counts as 0, as in scoring; Not applicable, skipped and hidden are left out). Its **spread** is
  the population standard deviation of those values (the members are the whole team, not a
  sample of it: two members answering Yes and No give 0.5) and their range (highest - lowest).
- A question shows **disagreement** when some members' values are 0.75 or more (Yes, Agree,
  Strongly agree) and others' 0.25 or less (No, Disagree, Strongly disagree): a Don't know is
  a gap in knowledge, not a low answer, so it does not count here. Widest spread first.
- **Groups differ** (with ``by``) where two shown groups' means on a question differ by 0.5 or
  more, or their scores on a section by 25 points or more; largest difference first.
- The team **does not know** where members answered Don't know: most Don't knows first.
- The team is **weakest** where it agrees that something is missing: questions without
  disagreement whose mean is below 0.5 and fewer than half of whose answers are Don't know,
  lowest mean first.
- **Notes** are listed under their question without who wrote them, sorted by their text so
  that their order says nothing of the order of the files.
- A section's (and the overall) **team score** is the mean of the members' own scores there;
  members with no score in it are left out. Lowest and highest are the members' extremes.
- Privacy: no member is named unless asked (``named``); a group of fewer than ``min_group``
  members shows nothing that is one person's: no scores, no per-question figures, no notes of
  its own (they are in the whole team's list only), and its name is withheld from the rows of
  members' answers, which carry no other attribute either; its members still count in the
  whole team. Unless named, those rows carry only the attribute grouped by, and only a shown
  group's. Group names are matched ignoring case, spacing and punctuation (the first spelling
  seen is shown), after ``group_map``. The same result given twice is refused. These rules are
  applied here, in one place (see "what the report may show of whom" below): a TeamResult
  holds only what may be shown, so a renderer prints what it is handed and a new format cannot
  leak.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from collabcheck.errors import DuplicateResultError, MismatchError
from collabcheck.model import (
    BUILTIN_SCALES,
    Bands,
    QuestionKind,
    ScaleOption,
    Status,
    question_numbers,
)
from collabcheck.options import GroupBy
from collabcheck.outcome_pool import OutcomeTally, member_scores
from collabcheck.result import ChecklistInfo, Meta, Outcome, Result
from collabcheck.scoring import round_half_up

SCHEMA = "collabcheck/team/v1"

TOP = 0.75
"""Values at or above this are the top of the scale, for the disagreement flag."""
BOTTOM = 0.25
"""Values at or below this are the bottom of the scale, for the disagreement flag."""
WEAK = 0.5
"""A question the team agrees on is among its weakest when its mean is below this."""
QUESTION_DIFFERENCE = 0.5
"""Two groups differ on a question when their means are this far apart or more."""
SECTION_DIFFERENCE = 25.0
"""Two groups differ on a section when their scores are this many points apart or more."""
MIN_GROUP = 3
"""Groups smaller than this show no per-question counts unless the caller says otherwise."""


@dataclass(frozen=True)
class TeamOptions:
    """How to combine: grouping, naming and the smallest group shown question by question."""

    by: GroupBy | None = None
    named: bool = False
    """Name the respondents (otherwise members are numbered, in the order given)."""
    min_group: int = MIN_GROUP
    notes: bool = True
    """Show members' notes (anonymised, under their questions); False leaves them out."""
    group_map: tuple[tuple[str, str], ...] = ()
    """Spellings of a group's name and the group each stands for (``--group-map``)."""


@dataclass(frozen=True)
class AnswerCount:
    """How many members gave one answer."""

    key: str
    label: str
    value: float | None
    """The answer's value on the scale; None for Not applicable and for choices."""
    count: int


@dataclass(frozen=True)
class Stats:
    """How a group of members answered one question."""

    answered: int
    """Answered (on the scale: with a value, Don't know included, Not applicable not)."""
    excluded: int
    """Answered Not applicable."""
    dont_know: int
    skipped: int
    hidden: int
    """Not asked, because of the question's ``when``."""
    counts: tuple[AnswerCount, ...]
    """Every option of the scale, in its order (choices: those given, most often first)."""
    mean: float | None
    sd: float | None
    """Population standard deviation of the values."""
    lowest: float | None
    highest: float | None
    disagreement: bool
    not_reached: int = 0
    """Not asked, because the member's work has not reached the question's stage."""
    notes: tuple[str, ...] = ()
    """The members' notes on the question, sorted by their text, without who wrote them."""

    @property
    def range(self) -> float | None:
        """Highest value minus lowest."""
        if self.lowest is None or self.highest is None:
            return None
        return self.highest - self.lowest


@dataclass(frozen=True)
class TeamQuestion:
    """One question and how the whole team answered it."""

    id: str
    section: str
    number: str
    """As on the worksheet: section.question, e.g. ``2.3``."""
    text: str
    label: str | None
    kind: QuestionKind
    weight: float
    stats: Stats

    @property
    def scored(self) -> bool:
        return self.kind is QuestionKind.SCALE


@dataclass(frozen=True)
class TeamScore:
    """The mean of members' scores (percentages) in a section or overall, and its extremes."""

    score: float | None
    """Unrounded; None when no member has a score here."""
    rating: str | None
    lowest: float | None
    highest: float | None
    respondents: int
    """Members with a score here."""

    @property
    def rounded(self) -> float | None:
        return None if self.score is None else round_half_up(self.score)


@dataclass(frozen=True)
class TeamSection:
    """A section's team score."""

    id: str
    title: str
    score: TeamScore
    reached: int = 0
    """Members whose work has reached this section (every member, unless it is a stage)."""


@dataclass(frozen=True)
class StageCount:
    """How many members gave one stage as the stage their work has reached."""

    id: str | None
    """None: members who gave no stage (every stage asked)."""
    title: str | None
    members: int


@dataclass(frozen=True)
class Group:
    """The members who share a role (or organisation), side by side with the others."""

    name: str | None
    """As first spelt among the members (or as the group map names it); None: members who did
    not give one."""
    size: int
    shown: bool
    """Large enough (``min_group``) to show anything of its own."""
    overall: TeamScore | None
    """None when the group is too small to show."""
    sections: tuple[TeamScore, ...] | None
    """In the order of TeamResult.sections; None when the group is too small to show."""
    questions: tuple[Stats, ...] | None
    """In the order of TeamResult.questions; None when the group is too small to show."""


@dataclass(frozen=True)
class GroupFigure:
    """One group's figure where groups differ: a question's mean or a section's score."""

    group: str | None
    value: float
    """A mean (0..1) for a question, a score (percent) for a section."""
    answered: int
    """Members of the group who answered the question (or have a score in the section)."""


@dataclass(frozen=True)
class GroupDifference:
    """A question or section on which two shown groups differ: the highest and lowest."""

    id: str
    number: str
    """A question's as on the worksheet (``2.3``), a section's (``2``)."""
    text: str
    """The question's text, or the section's title."""
    label: str | None
    is_section: bool
    highest: GroupFigure
    lowest: GroupFigure

    @property
    def difference(self) -> float:
        """Highest minus lowest: a difference of means, or of scores in points."""
        return self.highest.value - self.lowest.value

    @property
    def extent(self) -> float:
        """The difference on one measure (0..1), to put sections and questions in one order."""
        return self.difference / 100 if self.is_section else self.difference


@dataclass(frozen=True)
class Member:
    """One member, as a named team report lists them."""

    number: int
    """1, 2, ... in the order the results were given."""
    respondent: str | None
    role: str | None
    organisation: str | None
    score: float | None
    rating: str | None


@dataclass(frozen=True)
class MemberAnswers:
    """One member's answers, as formats with a row per answer (CSV) may show them."""

    respondent: str
    """The name when the report is named and the member gave one; else the member's number."""
    role: str | None
    """``(group under N)`` instead when grouped by role and the group is too small to show."""
    organisation: str | None
    """``(group under N)`` when grouped by organisation and the group is too small to show."""
    outcomes: tuple[Outcome, ...]


@dataclass(frozen=True)
class TeamResult:
    """A team's combined answers to one checklist."""

    checklist: ChecklistInfo
    """As in the first result."""
    versions: tuple[str, ...]
    """Every checklist version among the results, first seen first."""
    options: TeamOptions
    scale: tuple[ScaleOption, ...]
    """The answers of scored questions, best first, as the results give them."""
    respondents: int
    roster: tuple[Member, ...]
    """The members, for the list of respondents: empty unless the report is named."""
    answers: tuple[MemberAnswers, ...]
    """Every member's answers, in the order given, as much of who they are as may be shown
    (and without notes when notes are left out)."""
    overall: TeamScore
    sections: tuple[TeamSection, ...]
    questions: tuple[TeamQuestion, ...]
    disagreements: tuple[TeamQuestion, ...]
    """Questions with disagreement (Don't know not counted low), widest spread first."""
    differences: tuple[GroupDifference, ...]
    """Questions and sections where two shown groups differ, largest difference first."""
    unknown: tuple[TeamQuestion, ...]
    """Questions with Don't know answers, most first."""
    weakest: tuple[TeamQuestion, ...]
    """Questions without disagreement, mean below 0.5 and under half Don't know, lowest first."""
    groups: tuple[Group, ...]
    """One per value of ``options.by``, sorted by name, members without one last; else empty."""
    stages: tuple[StageCount, ...] = ()
    """In a staged checklist, the stages members reached, in the checklist's order."""

    @property
    def workshop(self) -> tuple[tuple[str, TeamQuestion], ...]:
        """What the workshop sheet lists to agree actions on: the disagreements, then the
        priority gaps (where the team agrees it is weakest), each with its list's name."""
        return (
            *(("disagreement", q) for q in self.disagreements),
            *(("priority gap", q) for q in self.weakest),
        )


@dataclass(frozen=True)
class Combined:
    """The team result, and the warnings to show beside it."""

    team: TeamResult
    warnings: tuple[str, ...]


def combine(
    results: Sequence[Result], names: Sequence[str], options: TeamOptions | None = None
) -> Combined:
    """Combine results of one checklist; ``names`` (their files) are used in messages.

    MismatchError when a result is of another checklist; a different version is a warning.
    """
    options = options or TeamOptions()
    if not results:
        raise MismatchError("combine needs at least one result")
    first, first_name = results[0], names[0]
    versions: dict[str, str] = {first.checklist.version: first_name}
    for result, name in zip(results, names, strict=True):
        info = result.checklist
        if info.id != first.checklist.id:
            raise MismatchError(
                f"{name}: a result of checklist {info.id!r}, not {first.checklist.id!r} "
                f"as in {first_name}: combine takes results of one checklist"
            )
        if info.scale != first.checklist.scale:
            raise MismatchError(
                f"{name}: answered on the {info.scale} scale, but {first_name} on "
                f"{first.checklist.scale}: their answers cannot be counted together"
            )
        versions.setdefault(info.version, name)
    warnings = tuple(
        f"{name}: {first.checklist.id} version {version}, but {first_name} is version "
        f"{first.checklist.version}; questions are matched by id"
        for version, name in versions.items()
        if version != first.checklist.version
    )
    _refuse_duplicates(results, names)
    team = _team(results, options, tuple(versions))
    return Combined(team, warnings + _subtraction_warnings(team))


def _refuse_duplicates(results: Sequence[Result], names: Sequence[str]) -> None:
    """DuplicateResultError naming both files when a result is given twice: the same content,
    or the same respondent and completion time (a result saved again, or edited)."""
    when: dict[tuple[str, str], int] = {}
    contents: dict[tuple[int, Meta, tuple[int, ...]], int] = {}
    # Each distinct answer (and checklist) as a small number: pooled results share objects, so
    # most are found by identity and a result's content is a short tuple of numbers.
    numbers: dict[tuple[object, ...], int] = {}
    by_object: dict[int, int] = {}

    def number_of(key: tuple[object, ...]) -> int:
        return numbers.setdefault(key, len(numbers))

    for index, result in enumerate(results):
        meta = result.meta
        if meta.respondent is not None and meta.completed_at is not None:
            earlier = when.setdefault((meta.respondent, meta.completed_at), index)
            if earlier != index:
                raise _duplicate(names, earlier, index, "the same respondent and completion time")
        try:
            outcomes = tuple(map(by_object.__getitem__, map(id, result.outcomes)))
        except KeyError:
            for o in result.outcomes:
                by_object.setdefault(id(o), number_of(_outcome_key(o)))
            outcomes = tuple(map(by_object.__getitem__, map(id, result.outcomes)))
        info = result.checklist  # pooled results share one: found by identity
        checklist = by_object.get(id(info))
        if checklist is None:
            checklist = by_object[id(info)] = number_of((info,))
        key = (checklist, meta, outcomes)
        earlier = contents.setdefault(key, index)
        if earlier != index:
            raise _duplicate(names, earlier, index, "the same content")


def _outcome_key(o: Outcome) -> tuple[object, ...]:
    answer = tuple(o.answer) if isinstance(o.answer, list) else o.answer
    return (o.id, o.section, o.text, o.kind, o.status, answer, o.answer_label, o.value, o.note,
            o.label, o.weight, o.dont_know)  # fmt: skip


def _duplicate(names: Sequence[str], earlier: int, later: int, why: str) -> DuplicateResultError:
    return DuplicateResultError(
        f"{names[later]}: the same result as {names[earlier]} ({why}): combine counts each "
        "member once; give each result once"
    )


# --- the work ---------------------------------------------------------------------------------


def _team(results: Sequence[Result], options: TeamOptions, versions: tuple[str, ...]) -> TeamResult:
    info = results[0].checklist
    sections = _sections(results)
    section_ids = [sid for sid, _ in sections]
    everyone = OutcomeTally(r.outcomes for r in results)
    grouping = _grouping(results, options)
    by_group = {
        key: (OutcomeTally(results[i].outcomes for i in indices), indices)
        for key, indices in grouping.members.items()
    }
    scale = _scale(info, everyone)
    questions = _questions(results[0], everyone, section_ids)
    answered = everyone.by_question()
    notes = options.notes
    team_questions = tuple(
        TeamQuestion(
            id=q.id,
            section=q.section,
            number=number,
            text=q.text,
            label=q.label,
            kind=q.kind,
            weight=q.weight,
            stats=_stats(q.kind, answered.get(q.id, []), scale, notes),
        )
        for q, number in questions
    )
    bands = info.bands
    # Each member's overall score and section scores, in the order of ``results``.
    scores = member_scores([r.outcomes for r in results], section_ids)
    by_section = list(zip(*(each for _, each in scores), strict=True))
    reached, stages = _reached(results)
    team_sections = tuple(
        TeamSection(sid, title, _team_score(by_section[index], bands), reached[sid])
        for index, (sid, title) in enumerate(sections)
    )
    groups = tuple(
        _group(
            grouping.names[key], tally, [scores[i] for i in indices], options, questions, scale,
            bands,
        )
        for key, (tally, indices) in sorted(
            by_group.items(), key=lambda item: _order(grouping.names[item[0]])
        )
    )  # fmt: skip
    overall_scores = [overall for overall, _ in scores]
    order = {q.id: index for index, q in enumerate(team_questions)}
    disagreements = sorted(
        (q for q in team_questions if q.stats.disagreement),
        # Rounded far below what any report shows, so that float noise never breaks a tie.
        key=lambda q: (-round(q.stats.sd or 0.0, 9), order[q.id]),
    )
    unknown = sorted(
        (q for q in team_questions if q.scored and q.stats.dont_know),
        key=lambda q: (-q.stats.dont_know, order[q.id]),
    )
    weakest = sorted(
        (
            q
            for q in team_questions
            if q.scored
            and not q.stats.disagreement
            and q.stats.mean is not None
            and q.stats.mean < WEAK
            and 2 * q.stats.dont_know < q.stats.answered
        ),
        key=lambda q: (q.stats.mean or 0.0, -q.weight, order[q.id]),
    )
    return TeamResult(
        checklist=info,
        versions=versions,
        options=options,
        scale=scale,
        respondents=len(results),
        roster=_roster(results, overall_scores, options, bands),
        answers=_member_answers(results, options, grouping, groups),
        overall=_team_score(overall_scores, bands),
        sections=team_sections,
        questions=team_questions,
        disagreements=tuple(disagreements),
        differences=_differences(groups, team_sections, team_questions),
        unknown=tuple(unknown),
        weakest=tuple(weakest),
        groups=groups,
        stages=stages,
    )


def _reached(results: Sequence[Result]) -> tuple[Counter[str], tuple[StageCount, ...]]:
    """How many members reached each section, and the stages they gave (staged checklists)."""
    # Results read together share their checklist, so each (checklist, stage) is worked out once.
    kinds = Counter((id(r.checklist), r.stage) for r in results)
    first = {(id(r.checklist), r.stage): r for r in reversed(results)}
    reached: Counter[str] = Counter()
    stages: Counter[str | None] = Counter()
    for key, members in kinds.items():
        result = first[key]
        for sid in result.reached:
            reached[sid] += members
        if result.checklist.stages is not None:
            stages[result.stage] += members
    info = results[0].checklist
    order = {sid: index for index, (sid, _) in enumerate(info.sections)}
    counted = tuple(
        StageCount(stage, info.title_of(stage) if stage else None, members)
        for stage, members in sorted(
            stages.items(), key=lambda item: order.get(item[0] or "", len(order))
        )
    )
    return reached, counted


def _differences(
    groups: Sequence[Group], sections: Sequence[TeamSection], questions: Sequence[TeamQuestion]
) -> tuple[GroupDifference, ...]:
    """Where two shown groups' means (of a question) or scores (of a section) are far apart:
    largest difference first, sections before questions, then in checklist order."""
    shown = [g for g in groups if g.shown and g.sections is not None and g.questions is not None]
    found: list[GroupDifference] = []
    for index, section in enumerate(sections):
        figures = [
            GroupFigure(g.name, score.score, score.respondents)
            for g in shown
            if g.sections is not None and (score := g.sections[index]).score is not None
        ]
        found += _difference(
            figures, SECTION_DIFFERENCE, section.id, str(index + 1), section.title, None, True
        )
    for index, q in enumerate(questions):
        if not q.scored:
            continue
        figures = [
            GroupFigure(g.name, stats.mean, stats.answered)
            for g in shown
            if g.questions is not None and (stats := g.questions[index]).mean is not None
        ]
        found += _difference(figures, QUESTION_DIFFERENCE, q.id, q.number, q.text, q.label, False)
    order = {id(d): index for index, d in enumerate(found)}
    return tuple(sorted(found, key=lambda d: (-round(d.extent, 9), order[id(d)])))


def _difference(
    figures: list[GroupFigure],
    threshold: float,
    item_id: str,
    number: str,
    text: str,
    label: str | None,
    is_section: bool,
) -> list[GroupDifference]:
    if len(figures) < 2:
        return []
    # Groups are in name order, so the first of equal figures is the first by name.
    highest = max(figures, key=lambda f: f.value)
    lowest = min(figures, key=lambda f: f.value)
    # Compared after rounding to what the report shows, so that float noise never decides.
    if round_half_up(highest.value - lowest.value, 6) < threshold:
        return []
    return [GroupDifference(item_id, number, text, label, is_section, highest, lowest)]


def _order(name: str | None) -> tuple[bool, str, str]:
    return (name is None, (name or "").casefold(), name or "")


def _sections(results: Sequence[Result]) -> list[tuple[str, str]]:
    """The first result's sections, then any that only later results (other versions) have."""
    infos = {id(r.checklist): r.checklist for r in results}  # pooled results share one
    seen: dict[str, str] = {}
    for info in infos.values():
        for sid, title in info.sections:
            seen.setdefault(sid, title)
    return list(seen.items())


def _questions(
    first: Result, everyone: OutcomeTally, section_ids: list[str]
) -> list[tuple[Outcome, str]]:
    """One outcome per question id (the first result's, else the first given) and its number,
    grouped by section in checklist order: the first result's questions, then any that only
    results of other versions have."""
    found = {o.id: o for o in first.outcomes}
    for o in everyone.objects.values():
        found.setdefault(o.id, o)
    place = {sid: index for index, sid in enumerate(section_ids)}
    ordered = sorted(found.values(), key=lambda o: place.get(o.section, len(place)))
    numbers = question_numbers(section_ids, ((o.id, o.section) for o in ordered))
    return [(o, numbers[o.id]) for o in ordered]


def _scale(info: ChecklistInfo, tally: OutcomeTally) -> tuple[ScaleOption, ...]:
    """The options of scored questions: a built-in scale's, else those the result records, in
    their order (every option, chosen or not); then any others given, best first."""
    builtin = BUILTIN_SCALES.get(info.scale)
    listed = builtin.options if builtin is not None else info.scale_options
    extra = _given_options(tally, exclude={o.key for o in listed})
    return listed + extra


def _given_options(tally: OutcomeTally, exclude: set[str]) -> tuple[ScaleOption, ...]:
    found: dict[str, ScaleOption] = {}
    for outcome in tally.objects.values():
        key = outcome.answer
        if (
            outcome.kind is QuestionKind.SCALE
            and outcome.status is Status.ANSWERED
            and isinstance(key, str)
            and key not in exclude
            and key not in found
        ):
            found[key] = ScaleOption(key, outcome.answer_label or key, outcome.value)
    # Best first, Don't know after the values, Not applicable (no value) last.
    return tuple(
        sorted(
            found.values(),
            key=lambda o: (o.value is None, o.is_dont_know, -(o.value or 0.0), o.key),
        )
    )


def _stats(
    kind: QuestionKind,
    given: list[tuple[Outcome, int]],
    scale: tuple[ScaleOption, ...],
    with_notes: bool,
) -> Stats:
    answered = excluded = dont_know = skipped = hidden = not_reached = 0
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    values: list[tuple[float, int]] = []
    known_lowest: float | None = None
    """The lowest value of an answer that is not Don't know."""
    notes: list[str] = []
    for outcome, n in given:
        if with_notes and outcome.note:
            notes += [outcome.note] * n
        if outcome.status is Status.SKIPPED:
            skipped += n
            continue
        if outcome.status is Status.HIDDEN:
            hidden += n
            continue
        if outcome.status is Status.NOT_REACHED:
            not_reached += n
            continue
        keys = outcome.answer if isinstance(outcome.answer, list) else [outcome.answer]
        label_parts = (outcome.answer_label or "").split("; ")
        for index, key in enumerate(keys):
            if key is None:
                continue
            counts[key] += n
            if key not in labels:
                same = len(label_parts) == len(keys)
                labels[key] = label_parts[index] if same and label_parts[index] else key
        if kind is QuestionKind.SCALE and outcome.value is None:
            excluded += n
            continue
        answered += n
        dont_know += n if outcome.dont_know else 0
        if kind is QuestionKind.SCALE and outcome.value is not None:
            values.append((outcome.value, n))
            if not outcome.dont_know and (known_lowest is None or outcome.value < known_lowest):
                known_lowest = outcome.value
    if kind is QuestionKind.SCALE:
        listed = [AnswerCount(o.key, o.label, o.value, counts.get(o.key, 0)) for o in scale]
        known = {o.key for o in scale}
        listed += [
            AnswerCount(key, labels[key], None, n) for key, n in counts.items() if key not in known
        ]
    elif kind is QuestionKind.CHOICE:
        listed = [
            AnswerCount(key, labels[key], None, n)
            for key, n in sorted(counts.items(), key=lambda item: (-item[1], labels[item[0]]))
        ]
    else:
        listed = []
    mean, sd, lowest, highest = _spread(values)
    disagreement = (
        highest is not None
        and known_lowest is not None
        and highest >= TOP >= BOTTOM >= known_lowest
    )
    return Stats(
        answered=answered,
        excluded=excluded,
        dont_know=dont_know,
        skipped=skipped,
        hidden=hidden,
        counts=tuple(listed),
        mean=mean,
        sd=sd,
        lowest=lowest,
        highest=highest,
        disagreement=disagreement,
        not_reached=not_reached,
        # Sorted by text: the order says nothing of whose file came first.
        notes=tuple(sorted(notes, key=lambda note: (note.casefold(), note))),
    )


def _spread(
    values: list[tuple[float, int]],
) -> tuple[float | None, float | None, float | None, float | None]:
    """Mean, population standard deviation, lowest and highest of values given with counts."""
    total = sum(n for _, n in values)
    if not total:
        return None, None, None, None
    mean = math.fsum(v * n for v, n in values) / total
    variance = math.fsum(n * (v - mean) ** 2 for v, n in values) / total
    return mean, math.sqrt(variance), min(v for v, _ in values), max(v for v, _ in values)


def _team_score(scores: Iterable[float | None], bands: Bands) -> TeamScore:
    """The mean of members' scores, leaving out members with none, and their extremes."""
    given = [score for score in scores if score is not None]
    if not given:
        return TeamScore(None, None, None, None, 0)
    mean = math.fsum(given) / len(given)
    return TeamScore(mean, bands.rating(mean), min(given), max(given), len(given))


def _group(
    name: str | None,
    tally: OutcomeTally,
    scores: list[tuple[float | None, list[float | None]]],
    options: TeamOptions,
    questions: list[tuple[Outcome, str]],
    scale: tuple[ScaleOption, ...],
    bands: Bands,
) -> Group:
    if not _shows_group(len(scores), options):
        return Group(name, len(scores), False, None, None, None)
    given = tally.by_question()
    sections = len(scores[0][1])
    return Group(
        name=name,
        size=len(scores),
        shown=True,
        overall=_team_score((overall for overall, _ in scores), bands),
        sections=tuple(
            _team_score((each[index] for _, each in scores), bands) for index in range(sections)
        ),
        questions=tuple(
            _stats(q.kind, given.get(q.id, []), scale, options.notes) for q, _ in questions
        ),
    )


# --- what the report may show of whom (privacy) --------------------------------------------------


def _shows_group(size: int, options: TeamOptions) -> bool:
    """Whether a group is large enough to show its answers question by question."""
    return size >= options.min_group


def _subtraction_warnings(team: TeamResult) -> tuple[str, ...]:
    """A warning when the groups not shown can be worked out from those shown.

    The whole team's figures less the shown groups' are the withheld members' own: one
    person's, for a lone chair. The rule stays as the design has it (a group is withheld only
    when it is small); the facilitator is told, and can merge the group with --group-map.
    """
    withheld = [g for g in team.groups if not g.shown]
    members = sum(g.size for g in withheld)
    if not withheld or members >= team.options.min_group or len(withheld) == len(team.groups):
        return ()
    names = ", ".join(
        f"{g.name or 'no ' + (team.options.by or GroupBy.ROLE).value} ({g.size})" for g in withheld
    )
    return (
        f"the groups not shown ({names}) hold fewer than {team.options.min_group} members "
        "between them: the whole team's figures less the shown groups' give their answers; "
        "merge them into a larger group with --group-map before sharing the report",
    )


def _withheld(options: TeamOptions) -> str:
    """What stands for the name of a group too small to show, in a row of a member's answers."""
    return f"(group under {options.min_group})"


def _roster(
    results: Sequence[Result], scores: Sequence[float | None], options: TeamOptions, bands: Bands
) -> tuple[Member, ...]:
    """The members by name, with their scores: only when the report is named."""
    if not options.named:
        return ()
    return tuple(
        Member(
            number=number,
            respondent=result.meta.respondent,
            role=result.meta.role,
            organisation=result.meta.organisation,
            score=score,
            rating=bands.rating(score),
        )
        for number, (result, score) in enumerate(zip(results, scores, strict=True), 1)
    )


@dataclass(frozen=True)
class _Grouping:
    """Members by group: each group's key (its name as matched), shown name and members."""

    members: dict[str | None, list[int]]
    """Indices into the results, by group key; None: members who gave no name."""
    names: dict[str | None, str | None]
    """The name shown for each group key."""
    of_member: list[str | None]
    """Each member's group key, in the order of the results (empty without ``by``)."""


def group_key(name: str | None) -> str | None:
    """What group names are matched by: letters and digits only, in one case, so that
    "Non-executive director", "non executive  director" and "NON-EXECUTIVE DIRECTOR." meet.
    None for no name, or one with no letter or digit."""
    if name is None:
        return None
    key = "".join(c for c in unicodedata.normalize("NFKC", name).casefold() if c.isalnum())
    return key or None


def _grouping(results: Sequence[Result], options: TeamOptions) -> _Grouping:
    members: dict[str | None, list[int]] = {}
    names: dict[str | None, str | None] = {}
    of_member: list[str | None] = []
    if options.by is None:
        return _Grouping(members, names, of_member)
    field = options.by.value
    mapped = {group_key(spelling): group for spelling, group in options.group_map}
    for index, result in enumerate(results):
        given: str | None = getattr(result.meta, field)
        key = group_key(given)
        group = mapped.get(key)
        if group is not None:
            key = group_key(group)
            names[key] = " ".join(group.split())  # the map's spelling wins
        elif key is not None:
            names.setdefault(key, " ".join(str(given).split()))
        else:
            names[None] = None
        members.setdefault(key, []).append(index)
        of_member.append(key)
    return _Grouping(members, names, of_member)


def _member_answers(
    results: Sequence[Result], options: TeamOptions, grouping: _Grouping, groups: Sequence[Group]
) -> tuple[MemberAnswers, ...]:
    """Each member's answers, numbered unless named.

    Unless named, a row carries only the attribute grouped by, as its group's shown name: the
    other attribute, or a name spelt as one person spells it, would pick a person out of a
    group. A group too small to show is withheld there too, since a row per answer with a sole
    member's role would show that person's every answer.
    """
    by = options.by
    hidden = {group_key(g.name) for g in groups if not g.shown}
    notes = options.notes
    without_notes: dict[int, Outcome] = {}

    def outcomes_of(result: Result) -> tuple[Outcome, ...]:
        if notes:
            return result.outcomes
        return tuple(
            without_notes.setdefault(id(o), replace(o, note=None)) if o.note else o
            for o in result.outcomes
        )

    answers: list[MemberAnswers] = []
    for index, result in enumerate(results):
        meta = result.meta
        role, organisation = (meta.role, meta.organisation) if options.named else (None, None)
        if by is not None:
            key = grouping.of_member[index]
            shown = _withheld(options) if key in hidden else grouping.names[key]
            if by is GroupBy.ROLE:
                role = shown if key in hidden or not options.named else role
                organisation = None if key in hidden else organisation
            else:
                organisation = shown if key in hidden or not options.named else organisation
                role = None if key in hidden else role
        answers.append(
            MemberAnswers(
                respondent=(meta.respondent if options.named else None) or str(index + 1),
                role=role,
                organisation=organisation,
                outcomes=outcomes_of(result),
            )
        )
    return tuple(answers)
