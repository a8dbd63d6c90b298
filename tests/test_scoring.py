"""Scoring, as design.md states it, worked out by hand in tables."""

from __future__ import annotations

import pytest

from collabcheck.model import BUILTIN_SCALES, Bands, Status
from collabcheck.scoring import ScoredAnswer, Tally, round_half_up, score, tally

YPN = {o.key: o for o in BUILTIN_SCALES["yes-partly-no"].options}
AGREE = {o.key: o for o in BUILTIN_SCALES["agree-5"].options}


def answered(key: str, weight: float = 1, section: str = "s", scale: str = "ypn") -> ScoredAnswer:
    option = (YPN if scale == "ypn" else AGREE)[key]
    return ScoredAnswer(section, weight, Status.ANSWERED, option.value, option.is_dont_know)


def skipped(section: str = "s") -> ScoredAnswer:
    return ScoredAnswer(section, 1, Status.SKIPPED, None)


def hidden(section: str = "s") -> ScoredAnswer:
    return ScoredAnswer(section, 1, Status.HIDDEN, None)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([answered("yes")], Tally(100.0, "green", 1, 0, 0, 0)),
        ([answered("yes"), answered("no")], Tally(50.0, "amber", 2, 0, 0, 0)),
        ([answered("partly"), answered("no")], Tally(25.0, "red", 2, 0, 0, 0)),
        # Don't know counts as answered, scores 0 and is counted apart.
        ([answered("yes"), answered("dont-know")], Tally(50.0, "amber", 2, 0, 1, 0)),
        # N/A is excluded from the score and counted as excluded, not answered.
        ([answered("yes"), answered("n/a")], Tally(100.0, "green", 1, 1, 0, 0)),
        # Skipped questions are not scored but counted; hidden ones (not asked) are counted apart.
        ([answered("no"), skipped(), hidden()], Tally(0.0, "red", 1, 0, 0, 1, 1)),
        # Weights: (2*1 + 1*0) / 3
        ([answered("yes", weight=2), answered("no")], Tally(200 / 3, "amber", 2, 0, 0, 0)),
        ([answered("yes", weight=0), answered("no")], Tally(0.0, "red", 2, 0, 0, 0)),
        # Nothing scored: no score, never 0.
        ([], Tally(None, None, 0, 0, 0, 0)),
        ([answered("n/a"), skipped()], Tally(None, None, 0, 1, 0, 1)),
        ([answered("yes", weight=0)], Tally(None, None, 1, 0, 0, 0)),
    ],
)
def test_yes_partly_no(answers: list[ScoredAnswer], expected: Tally) -> None:
    assert tally(answers, Bands()) == expected


@pytest.mark.parametrize(
    ("keys", "score"),
    [
        (["strongly-agree"], 100.0),
        (["agree"], 75.0),
        (["neither"], 50.0),
        (["disagree"], 25.0),
        (["strongly-disagree"], 0.0),
        (["agree", "disagree"], 50.0),
        (["agree", "dont-know"], 37.5),
        (["agree", "n/a"], 75.0),
    ],
)
def test_agree_5(keys: list[str], score: float) -> None:
    assert tally([answered(k, scale="agree") for k in keys], Bands()).score == score


@pytest.mark.parametrize(
    ("value", "rating"),
    [(1.0, "green"), (0.75, "green"), (0.7499, "amber"), (0.5, "amber"), (0.4999, "red")],
)
def test_bands_use_the_unrounded_score(value: float, rating: str) -> None:
    # 74.99 would round to 75.0 for display but is still amber.
    result = tally([ScoredAnswer("s", 1, Status.ANSWERED, value)], Bands())

    assert result.rating == rating


def test_rounded_score_is_one_decimal() -> None:
    result = tally([ScoredAnswer("s", 1, Status.ANSWERED, 0.7499)], Bands())

    assert result.rounded == 75.0
    assert result.rating == "amber"


def test_a_checklist_may_set_its_own_bands() -> None:
    bands = Bands(green=90, amber=60)

    assert tally([answered("yes"), answered("partly")], bands).rating == "amber"
    assert tally([answered("partly")], bands).rating == "red"


def test_overall_is_over_questions_not_a_mean_of_sections() -> None:
    answers = [
        answered("yes", section="a"),
        answered("no", section="b"),
        answered("no", section="b"),
        answered("no", section="b"),
    ]

    scores = score([("a", "A"), ("b", "B"), ("c", "C")], answers, Bands())

    # Mean of sections would be 50; over questions it is 1 of 4.
    assert scores.overall.score == 25.0
    assert [s.tally.score for s in scores.sections] == [100.0, 0.0, None]
    assert [s.tally.rating for s in scores.sections] == ["green", "red", None]


@pytest.mark.parametrize(
    ("value", "places", "rounded"),
    [
        (56.25, 1, 56.3),
        (56.24, 1, 56.2),
        (0.625, 2, 0.63),
        (0.285, 2, 0.29),
        (100 / 3, 1, 33.3),
        (-2.25, 1, -2.3),
        (0.0, 1, 0.0),
    ],
)
def test_scores_round_half_up_as_on_paper(value: float, places: int, rounded: float) -> None:
    assert round_half_up(value, places) == rounded


def test_a_quarter_point_score_rounds_up_in_results() -> None:
    # Agree, agree, disagree, neither: 2.25 of 4, so 56.25, which shows as 56.3.
    answers = [answered("agree", scale="agree")] * 2 + [answered("disagree", scale="agree")]
    answers += [answered("neither", scale="agree")]

    assert tally(answers, Bands()).rounded == 56.3
