"""Scores as pure functions of the answers: nothing here reads files or talks to people.

A score is ``100 * sum(weight * value) / sum(weight)`` over the scored questions answered (not
excluded, not skipped, not hidden); the overall score is taken over all such questions, not as a
mean of sections, and a group with no such question has no score (None), never 0.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from collabcheck.model import Bands, Status


def round_half_up(value: float, places: int = 1) -> float:
    """Round as people do on paper (56.25 to 56.3, not Python's 56.2), halves away from zero.

    The tiny allowance absorbs binary noise: 0.285 * 100 is 28.499999999999996 in floats.
    """
    scale = 10.0**places
    magnitude = math.floor(abs(value) * scale + 0.5 + 1e-9) / scale
    return magnitude if value >= 0 else -magnitude


class Scorable(Protocol):
    """What scoring reads of one scored question's outcome (a ScoredAnswer or a result Outcome)."""

    @property
    def section(self) -> str: ...
    @property
    def weight(self) -> float: ...
    @property
    def status(self) -> Status: ...
    @property
    def value(self) -> float | None: ...
    @property
    def dont_know(self) -> bool: ...


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
    hidden: int = 0
    """Not asked, because an earlier answer made the question not apply (its ``when``)."""
    not_reached: int = 0
    """In a stage the work has not reached: not asked, not scored."""

    @property
    def questions(self) -> int:
        """Every scored question counted here: the parts above (don't know aside) sum to it."""
        return self.answered + self.excluded + self.skipped + self.hidden + self.not_reached

    @property
    def rounded(self) -> float | None:
        return None if self.score is None else round_half_up(self.score)


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


class _Counter:
    """Running counts and weighted sums of one group; ``tally`` turns them into a Tally."""

    __slots__ = (
        "answered",
        "dont_know",
        "excluded",
        "hidden",
        "not_reached",
        "skipped",
        "total_weight",
        "weighted",
    )

    def __init__(self) -> None:
        self.answered = self.excluded = self.dont_know = self.skipped = self.hidden = 0
        self.not_reached = 0
        self.weighted = self.total_weight = 0.0

    def tally(self, bands: Bands) -> Tally:
        # A group whose answered questions all weigh 0 has nothing to score, like an empty one.
        weight = self.total_weight
        score = 100 * self.weighted / weight if weight > 0 else None
        return Tally(
            score,
            bands.rating(score),
            self.answered,
            self.excluded,
            self.dont_know,
            self.skipped,
            self.hidden,
            self.not_reached,
        )


def tally(answers: Iterable[Scorable], bands: Bands) -> Tally:
    """Score one group of scored answers."""
    return score((), answers, bands).overall


def score(sections: Sequence[tuple[str, str]], answers: Iterable[Scorable], bands: Bands) -> Scores:
    """Score every section (given as id and title, in order) and the whole, in one pass."""
    # Written out inline: combine scores every one of thousands of results as it reads them.
    overall = _Counter()
    by_id = {sid: _Counter() for sid, _ in sections}
    elsewhere = _Counter()  # answers in no listed section count towards the overall score only
    answered_status, skipped_status = Status.ANSWERED, Status.SKIPPED
    not_reached_status = Status.NOT_REACHED
    for item in answers:
        group = by_id.get(item.section, elsewhere)
        status = item.status
        if status is answered_status:
            value = item.value
            if value is None:
                overall.excluded += 1
                group.excluded += 1
            else:
                weight = item.weight
                overall.answered += 1
                group.answered += 1
                if item.dont_know:
                    overall.dont_know += 1
                    group.dont_know += 1
                overall.weighted += weight * value
                overall.total_weight += weight
                group.weighted += weight * value
                group.total_weight += weight
        elif status is skipped_status:
            overall.skipped += 1
            group.skipped += 1
        elif status is not_reached_status:
            overall.not_reached += 1
            group.not_reached += 1
        else:
            overall.hidden += 1
            group.hidden += 1
    return Scores(
        overall.tally(bands),
        tuple(SectionScore(sid, title, by_id[sid].tally(bands)) for sid, title in sections),
    )
