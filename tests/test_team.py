"""combine: a team's answers counted, averaged and set side by side, worked out by hand.

The five members and their answers are in tests/teamdata.py. Values: Yes 1, Partly 0.5,
No 0, Don't know 0, n/a left out. Spread is the population standard deviation.
"""

from __future__ import annotations

import dataclasses
import math
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from typer.testing import Result as CliResult

from collabcheck.errors import MismatchError
from collabcheck.model import Answer, Bands, Status
from collabcheck.options import GroupBy
from collabcheck.outcome_pool import score_values_many
from collabcheck.result import Meta, build
from collabcheck.scoring import ScoredAnswer, score
from collabcheck.team import TeamOptions, TeamResult, combine
from tests import teamdata

Cli = Callable[..., CliResult]
NAMES = list(teamdata.PEOPLE)


def team(options: TeamOptions | None = None) -> TeamResult:
    return combine(teamdata.team(), [f"{n}.json" for n in NAMES], options).team


def question(t: TeamResult, qid: str) -> Any:
    return next(q for q in t.questions if q.id == qid)


def counts(t: TeamResult, qid: str) -> dict[str, int]:
    return {c.key: c.count for c in question(t, qid).stats.counts}


# --- per question -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("qid", "answered", "given", "mean", "sd", "low_high", "disagreement"),
    [
        # 1, 1, 0, 1, 0.5: mean 3.5/5; deviations .3 .3 -.7 .3 -.2, squares sum .8, /5 = .16.
        ("people.lead", 5, {"yes": 3, "partly": 1, "no": 1}, 0.7, 0.4, (0.0, 1.0), True),
        # 1, .5, .5, 0 (Eve n/a): mean 2/4; squares .25 0 0 .25, /4 = .125.
        ("people.time", 4, {"yes": 1, "partly": 2, "no": 1, "n/a": 1}, 0.5, 0.125**0.5,
         (0.0, 1.0), True),
        # 0, 0, .5, 0, 0: mean .1; nobody at the top, so no disagreement.
        ("people.carers", 5, {"partly": 1, "no": 4}, 0.1, 0.2, (0.0, 0.5), False),
        # 1, 0, 0 (don't know), 1; Eve skipped: mean .5, sd .5.
        ("money.budget", 4, {"yes": 2, "no": 1, "dont-know": 1}, 0.5, 0.5, (0.0, 1.0), True),
        # .5, .5, .5, 1 (Cat n/a): mean .625; squares 3 x .015625 + .140625 = .1875, /4.
        ("money.audit", 4, {"yes": 1, "partly": 3, "n/a": 1}, 0.625, 0.046875**0.5,
         (0.5, 1.0), False),
    ],
)  # fmt: skip
def test_each_question_is_counted_averaged_and_flagged(
    qid: str,
    answered: int,
    given: dict[str, int],
    mean: float,
    sd: float,
    low_high: tuple[float, float],
    disagreement: bool,
) -> None:
    stats = question(team(), qid).stats

    assert stats.answered == answered
    assert {key: n for key, n in counts(team(), qid).items() if n} == given
    assert stats.mean == pytest.approx(mean)
    assert stats.sd == pytest.approx(sd)
    assert (stats.lowest, stats.highest) == low_high
    assert stats.range == pytest.approx(low_high[1] - low_high[0])
    assert stats.disagreement is disagreement


def test_every_option_of_the_scale_is_counted_in_order_even_when_nobody_chose_it() -> None:
    assert list(counts(team(), "people.carers")) == ["yes", "partly", "no", "dont-know", "n/a"]


def test_skipped_and_excluded_and_dont_know_are_counted_apart() -> None:
    budget = question(team(), "money.budget").stats
    audit = question(team(), "money.audit").stats

    assert (budget.answered, budget.dont_know, budget.skipped, budget.excluded) == (4, 1, 1, 0)
    assert (audit.answered, audit.excluded, audit.skipped) == (4, 1, 0)


def test_choice_and_text_questions_are_counted_but_not_averaged() -> None:
    source = question(team(), "idea.source").stats
    more = question(team(), "idea.more").stats

    # Ann ticked two; each choice counts once per member who ticked it.
    assert {c.key: (c.label, c.count) for c in source.counts} == {
        "patients": ("Patients", 2),
        "staff": ("Staff", 2),
    }
    assert (source.answered, source.skipped, source.mean, source.disagreement) == (
        3,
        2,
        None,
        False,
    )
    assert (more.answered, more.skipped, more.counts, more.mean) == (1, 4, (), None)


def test_questions_are_numbered_as_on_the_worksheet() -> None:
    assert [q.number for q in team().questions] == ["1.1", "1.2", "1.3", "2.1", "2.2", "3.1", "3.2"]


# --- the lists a workshop discusses -----------------------------------------------------------


def test_disagreements_widest_spread_first() -> None:
    # sd: budget .5, lead .4, time .354.
    assert [q.id for q in team().disagreements] == ["money.budget", "people.lead", "people.time"]


def test_weakest_is_where_the_team_agrees_and_the_mean_is_below_a_half() -> None:
    # carers (.1) only: budget and time (.5) are not below .5, and lead and budget disagree.
    assert [q.id for q in team().weakest] == ["people.carers"]


# --- scores -----------------------------------------------------------------------------------


def test_team_scores_are_the_mean_of_members_scores() -> None:
    # People (lead 1, time weight 2, carers): Ann (1+2+0)/4 = 75, Bob (1+1+0)/4 = 50,
    # Cat (0+1+.5)/4 = 37.5, Dan (1+0+0)/4 = 25, Eve (.5+0)/2 = 25 (time n/a): mean 42.5.
    # Money: Ann 75, Bob 25, Cat 0 (don't know; audit n/a), Dan 75, Eve 100 (budget skipped).
    # Overall: Ann 75, Bob 2.5/6, Cat 1.5/5 = 30, Dan 2.5/6, Eve 1.5/3 = 50.
    t = team()
    people, money, idea = (s.score for s in t.sections)

    assert (people.score, people.rating, people.lowest, people.highest) == (42.5, "red", 25, 75)
    assert (money.score, money.rating, money.lowest, money.highest) == (55.0, "amber", 0, 100)
    assert (idea.score, idea.rating, idea.respondents) == (None, None, 0)
    expected = (75 + 2.5 / 6 * 100 + 30 + 2.5 / 6 * 100 + 50) / 5
    assert t.overall.score == pytest.approx(expected)
    assert (t.overall.rounded, t.overall.rating, t.overall.lowest, t.overall.highest) == (
        47.7,
        "red",
        30.0,
        75.0,
    )


def test_a_member_with_no_score_in_a_section_is_left_out_of_its_mean() -> None:
    only_na = teamdata.member("Eve")
    answers = {"people.lead": Answer("n/a"), "money.audit": Answer("yes")}
    nothing_scored = build(teamdata.checklist(), answers, only_na.meta)

    t = combine([teamdata.member("Ann"), nothing_scored], ["a.json", "b.json"]).team

    assert (t.sections[0].score.score, t.sections[0].score.respondents) == (75.0, 1)


def test_score_values_many_agrees_with_score() -> None:
    rng = random.Random(4)
    statuses = [Status.ANSWERED, Status.ANSWERED, Status.ANSWERED, Status.SKIPPED, Status.HIDDEN]
    pool = [
        ScoredAnswer(
            rng.choice(["a", "b", "c"]),
            rng.choice([0.0, 0.3, 1.0, 2.0]),
            rng.choice(statuses),
            rng.choice([None, 0.0, 0.25, 0.5, 0.7, 1.0]),
        )
        for _ in range(40)
    ]
    lists = [rng.sample(pool, rng.randint(0, 12)) for _ in range(200)]
    sections = [("a", "A"), ("b", "B")]  # c is in no section: overall only

    many = score_values_many([sid for sid, _ in sections], lists)

    for items, (overall, each) in zip(lists, many, strict=True):
        expected = score(sections, items, Bands())
        assert overall == expected.overall.score
        assert each == [s.tally.score for s in expected.sections]


# --- groups and privacy -----------------------------------------------------------------------


def test_by_role_sets_groups_side_by_side_and_hides_small_ones() -> None:
    t = team(TeamOptions(by=GroupBy.ROLE))
    board, execs = t.groups

    # board: Ann, Bob, Dan. People 75, 50, 25; money 75, 25, 75.
    assert (board.name, board.size, board.shown) == ("board", 3, True)
    assert board.sections[0].score == pytest.approx(50.0)
    assert board.sections[1].score == pytest.approx(175 / 3)
    assert board.questions is not None
    lead = board.questions[0]
    assert ({c.key: c.count for c in lead.counts if c.count}, lead.mean) == ({"yes": 3}, 1.0)
    # exec: Cat and Eve, two: too few to show question by question; their section scores show.
    assert (execs.name, execs.size, execs.shown, execs.questions) == ("exec", 2, False, None)
    assert execs.sections[0].score == pytest.approx((37.5 + 25) / 2)


def test_min_group_decides_which_groups_are_shown() -> None:
    t = team(TeamOptions(by=GroupBy.ORGANISATION, min_group=2))

    assert [(g.name, g.size, g.shown) for g in t.groups] == [("North", 3, True), ("South", 2, True)]


def test_members_without_the_field_are_a_group_of_their_own_listed_last() -> None:
    results = teamdata.team()
    unnamed = build(teamdata.checklist(), teamdata.ANSWERS["Ann"], Meta())

    t = combine([*results, unnamed], [*NAMES, "x"], TeamOptions(by=GroupBy.ROLE)).team

    assert [(g.name, g.size) for g in t.groups] == [("board", 3), ("exec", 2), (None, 1)]


def test_nobody_is_named_unless_asked() -> None:
    anonymous = team()
    assert anonymous.roster == ()
    assert [m.respondent for m in anonymous.answers] == ["1", "2", "3", "4", "5"]
    named = team(TeamOptions(named=True))
    assert [m.respondent for m in named.roster] == NAMES
    assert [m.respondent for m in named.answers] == NAMES


def texts(value: object) -> Iterator[str]:
    """Every text a value holds, through dataclasses, tuples, lists and dicts."""
    if isinstance(value, str):
        yield value
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from texts(getattr(value, field.name))
    elif isinstance(value, tuple | list):
        for item in value:
            yield from texts(item)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from texts(key)
            yield from texts(item)


@pytest.mark.parametrize("by", [None, GroupBy.ROLE, GroupBy.ORGANISATION])
def test_no_name_reaches_a_renderer_unless_named(by: GroupBy | None) -> None:
    """Whatever a format prints of a team result, it cannot print a name it was not handed."""
    anonymous = set(texts(team(TeamOptions(by=by))))
    named = set(texts(team(TeamOptions(by=by, named=True))))

    assert anonymous.isdisjoint(NAMES)
    assert set(NAMES) <= named


def test_a_group_too_small_to_show_is_not_named_beside_its_answers() -> None:
    by_role = team(TeamOptions(by=GroupBy.ROLE))
    by_organisation = team(TeamOptions(by=GroupBy.ORGANISATION, named=True))

    assert [m.role for m in by_role.answers] == [
        "board", "board", "(group under 3)", "board", "(group under 3)"
    ]  # fmt: skip
    assert {m.organisation for m in by_role.answers} == {"North", "South"}
    # Named, a small group is still withheld beside the answers (the roster names it).
    assert {m.organisation for m in by_organisation.answers} == {"North", "(group under 3)"}
    assert {m.organisation for m in by_organisation.roster} == {"North", "South"}


# --- through the CLI ----------------------------------------------------------------------------


# --- reading many results ---------------------------------------------------------------------


def test_combine_needs_a_result() -> None:
    with pytest.raises(MismatchError):
        combine([], [])


def test_spread_is_population_standard_deviation() -> None:
    # Two members, Yes and No: population sd 0.5 (a sample sd would be 0.71).
    ann, bob = teamdata.member("Ann"), teamdata.member("Bob")
    t = combine([ann, bob], ["a", "b"]).team
    budget = question(t, "money.budget").stats

    assert budget.sd == 0.5
    assert not math.isclose(budget.sd or 0, 2**-0.5)
