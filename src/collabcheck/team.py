"""A team's answers to one checklist, combined: what ``collabcheck combine`` reports.

Pure: results in, a TeamResult out; reading files and printing happen elsewhere.

The numbers, as every team report states them:

- A question's **mean** is the mean value of the members' answers on the scale (Don't know
  counts as 0, as in scoring; Not applicable, skipped and hidden are left out). Its **spread** is
  the population standard deviation of those values (the members are the whole team, not a
  sample of it: two members answering Yes and No give 0.5) and their range (highest - lowest).
- A question shows **disagreement** when some members' values are 0.75 or more (Yes, Agree,
  Strongly agree) and others' 0.25 or less (No, Disagree, Strongly disagree, Don't know).
- The team is **weakest** where it agrees that something is missing: questions without
  disagreement whose mean is below 0.5, lowest mean first.
- A section's (and the overall) **team score** is the mean of the members' own scores there;
  members with no score in it are left out. Lowest and highest are the members' extremes.
- Privacy: no member is named unless asked (``named``); a group of fewer than ``min_group``
  members gets no per-question counts, since they could identify its members' answers, and its
  name is withheld from the rows of members' answers. These rules are applied here, in one
  place (see "what the report may show of whom" below): a TeamResult holds only what may be
  shown, so a renderer prints what it is handed and a new format cannot leak.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from collabcheck.errors import MismatchError
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
from collabcheck.result import ChecklistInfo, Outcome, Result
from collabcheck.scoring import round_half_up

SCHEMA = "collabcheck/team/v1"

TOP = 0.75
"""Values at or above this are the top of the scale, for the disagreement flag."""
BOTTOM = 0.25
"""Values at or below this are the bottom of the scale, for the disagreement flag."""
WEAK = 0.5
"""A question the team agrees on is among its weakest when its mean is below this."""
MIN_GROUP = 3
"""Groups smaller than this show no per-question counts unless the caller says otherwise."""


@dataclass(frozen=True)
class TeamOptions:
    """How to combine: grouping, naming and the smallest group shown question by question."""

    by: GroupBy | None = None
    named: bool = False
    """Name the respondents (otherwise members are numbered, in the order given)."""
    min_group: int = MIN_GROUP


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


@dataclass(frozen=True)
class Group:
    """The members who share a role (or organisation), side by side with the others."""

    name: str | None
    """None: members who did not give one."""
    size: int
    shown: bool
    """Large enough (``min_group``) to show per-question counts."""
    overall: TeamScore
    sections: tuple[TeamScore, ...]
    """In the order of TeamResult.sections."""
    questions: tuple[Stats, ...] | None
    """In the order of TeamResult.questions; None when the group is too small to show."""


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
    """Every member's answers, in the order given, as much of who they are as may be shown."""
    overall: TeamScore
    sections: tuple[TeamSection, ...]
    questions: tuple[TeamQuestion, ...]
    disagreements: tuple[TeamQuestion, ...]
    """Questions with disagreement, widest spread first."""
    weakest: tuple[TeamQuestion, ...]
    """Questions without disagreement with a mean below 0.5, lowest first."""
    groups: tuple[Group, ...]
    """One per value of ``options.by``, sorted by name, members without one last; else empty."""


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
    return Combined(_team(results, options, tuple(versions)), warnings)


# --- the work ---------------------------------------------------------------------------------


def _team(results: Sequence[Result], options: TeamOptions, versions: tuple[str, ...]) -> TeamResult:
    info = results[0].checklist
    sections = _sections(results)
    section_ids = [sid for sid, _ in sections]
    everyone = OutcomeTally(r.outcomes for r in results)
    members_of: dict[str | None, list[int]] = {}
    if options.by is not None:
        field = options.by.value
        for index, result in enumerate(results):
            members_of.setdefault(getattr(result.meta, field), []).append(index)
    by_group = {
        name: (OutcomeTally(results[i].outcomes for i in indices), indices)
        for name, indices in members_of.items()
    }
    scale = _scale(info.scale, everyone)
    questions = _questions(results[0], everyone, section_ids)
    answered = everyone.by_question()
    team_questions = tuple(
        TeamQuestion(
            id=q.id,
            section=q.section,
            number=number,
            text=q.text,
            label=q.label,
            kind=q.kind,
            weight=q.weight,
            stats=_stats(q.kind, answered.get(q.id, []), scale),
        )
        for q, number in questions
    )
    bands = info.bands
    # Each member's overall score and section scores, in the order of ``results``.
    scores = member_scores([r.outcomes for r in results], section_ids)
    by_section = list(zip(*(each for _, each in scores), strict=True))
    team_sections = tuple(
        TeamSection(sid, title, _team_score(by_section[index], bands))
        for index, (sid, title) in enumerate(sections)
    )
    groups = tuple(
        _group(name, tally, [scores[i] for i in indices], options, questions, scale, bands)
        for name, (tally, indices) in sorted(by_group.items(), key=lambda item: _order(item[0]))
    )
    overall_scores = [overall for overall, _ in scores]
    order = {q.id: index for index, q in enumerate(team_questions)}
    disagreements = sorted(
        (q for q in team_questions if q.stats.disagreement),
        key=lambda q: (-(q.stats.sd or 0.0), order[q.id]),
    )
    weakest = sorted(
        (
            q
            for q in team_questions
            if q.scored
            and not q.stats.disagreement
            and q.stats.mean is not None
            and q.stats.mean < WEAK
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
        answers=_member_answers(results, options, groups),
        overall=_team_score(overall_scores, bands),
        sections=team_sections,
        questions=team_questions,
        disagreements=tuple(disagreements),
        weakest=tuple(weakest),
        groups=groups,
    )


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


def _scale(scale_id: str, tally: OutcomeTally) -> tuple[ScaleOption, ...]:
    """The options of scored questions: a built-in scale's, else those given, best first."""
    builtin = BUILTIN_SCALES.get(scale_id)
    if builtin is not None:
        known = set(builtin.keys)
        extra = _given_options(tally, exclude=known)
        return builtin.options + extra
    return _given_options(tally, exclude=set())


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
    kind: QuestionKind, given: list[tuple[Outcome, int]], scale: tuple[ScaleOption, ...]
) -> Stats:
    answered = excluded = dont_know = skipped = hidden = 0
    counts: Counter[str] = Counter()
    labels: dict[str, str] = {}
    values: list[tuple[float, int]] = []
    for outcome, n in given:
        if outcome.status is Status.SKIPPED:
            skipped += n
            continue
        if outcome.status is Status.HIDDEN:
            hidden += n
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
    disagreement = highest is not None and lowest is not None and highest >= TOP >= BOTTOM >= lowest
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
    shown = _shows_group(len(scores), options)
    given = tally.by_question() if shown else {}
    sections = len(scores[0][1])
    return Group(
        name=name,
        size=len(scores),
        shown=shown,
        overall=_team_score((overall for overall, _ in scores), bands),
        sections=tuple(
            _team_score((each[index] for _, each in scores), bands) for index in range(sections)
        ),
        questions=(
            tuple(_stats(q.kind, given.get(q.id, []), scale) for q, _ in questions)
            if shown
            else None
        ),
    )


# --- what the report may show of whom (privacy) --------------------------------------------------


def _shows_group(size: int, options: TeamOptions) -> bool:
    """Whether a group is large enough to show its answers question by question."""
    return size >= options.min_group


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


def _member_answers(
    results: Sequence[Result], options: TeamOptions, groups: Sequence[Group]
) -> tuple[MemberAnswers, ...]:
    """Each member's answers, numbered unless named; a group too small to show in the report is
    not named beside them either, since a row per answer with a sole member's role would show
    that person's every answer."""
    hidden = {g.name for g in groups if not g.shown}
    by = options.by
    return tuple(
        MemberAnswers(
            respondent=(result.meta.respondent if options.named else None) or str(number),
            role=_withheld(options)
            if by is GroupBy.ROLE and result.meta.role in hidden
            else result.meta.role,
            organisation=_withheld(options)
            if by is GroupBy.ORGANISATION and result.meta.organisation in hidden
            else result.meta.organisation,
            outcomes=result.outcomes,
        )
        for number, result in enumerate(results, 1)
    )
