"""Scores as pure functions of the answers: nothing here reads files or talks to people.

A score is ``100 * sum(weight * value) / sum(weight)`` over the scored questions answered (not
excluded, not skipped, not hidden); the overall score is taken over all such questions, not as a
mean of sections, and a group with no such question has no score (None), never 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from collabcheck.model import Bands, Status


@dataclass(frozen=True)
class ScoredAnswer:
    """What scoring needs of one scored question's outcome."""

    section: str
    weight: float
    status: Status
    value: float | None
    """0..1, or None when answered with an excluded option (n/a) or not answered."""
    dont_know: bool = False


@dataclass(frozen=True)
class Tally:
    """A score and its counts, for one section or the whole checklist."""

    score: float | None
    """Unrounded percentage; round for display with ``rounded``."""
    rating: str | None
    answered: int
    """Answered on the scale, don't-know included, n/a not."""
    excluded: int
    dont_know: int
    skipped: int

    @property
    def rounded(self) -> float | None:
        return None if self.score is None else round(self.score, 1)


@dataclass(frozen=True)
class SectionScore:
    """A section's tally, with the section's id and title."""

    id: str
    title: str
    tally: Tally


@dataclass(frozen=True)
class Scores:
    """The overall tally and one per section, in checklist order."""

    overall: Tally
    sections: tuple[SectionScore, ...]


def tally(answers: Iterable[ScoredAnswer], bands: Bands) -> Tally:
    """Score one group of scored answers."""
    answered = excluded = dont_know = skipped = 0
    weighted = total_weight = 0.0
    for item in answers:
        if item.status is Status.SKIPPED:
            skipped += 1
        elif item.status is Status.ANSWERED and item.value is None:
            excluded += 1
        elif item.status is Status.ANSWERED and item.value is not None:
            answered += 1
            dont_know += item.dont_know
            weighted += item.weight * item.value
            total_weight += item.weight
    # A group whose answered questions all weigh 0 has nothing to score, like an empty one.
    score = 100 * weighted / total_weight if total_weight > 0 else None
    return Tally(score, bands.rating(score), answered, excluded, dont_know, skipped)


def score(
    sections: Sequence[tuple[str, str]], answers: Sequence[ScoredAnswer], bands: Bands
) -> Scores:
    """Score every section (given as id and title, in order) and the whole."""
    by_section = [
        SectionScore(sid, title, tally((a for a in answers if a.section == sid), bands))
        for sid, title in sections
    ]
    return Scores(tally(answers, bands), tuple(by_section))
