"""combine: a team's answers counted, averaged and set side by side, worked out by hand.

The five members and their answers are in tests/teamdata.py. Values: Yes 1, Partly 0.5,
No 0, Don't know 0, n/a left out. Spread is the population standard deviation.
"""

from __future__ import annotations

import dataclasses
import math
import random
import textwrap
from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from typer.testing import Result as CliResult

from collabcheck.errors import DuplicateResultError, MismatchError
from collabcheck.loader import parse_checklist
from collabcheck.model import Answer, Bands, Status
from collabcheck.options import GroupBy
from collabcheck.outcome_pool import score_values_many
from collabcheck.result import Meta, build
from collabcheck.scoring import ScoredAnswer, score
from collabcheck.team import TeamOptions, TeamResult, combine, group_key
from collabcheck.yamlfile import parse_text
from tests import teamdata, workshopdata

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
    assert board.sections is not None
    assert board.sections[0].score == pytest.approx(50.0)
    assert board.sections[1].score == pytest.approx(175 / 3)
    assert board.questions is not None
    lead = board.questions[0]
    assert ({c.key: c.count for c in lead.counts if c.count}, lead.mean) == ({"yes": 3}, 1.0)
    # exec: Cat and Eve, two: too few to show anything of their own, scores included.
    assert (execs.name, execs.size, execs.shown) == ("exec", 2, False)
    assert (execs.overall, execs.sections, execs.questions) == (None, None, None)
    # ... yet they count in the whole team: five answered the lead question.
    assert t.questions[0].stats.answered == 5


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
    # Unless named, the rows carry only the attribute grouped by.
    assert {m.organisation for m in by_role.answers} == {None}
    # Named, a small group is still withheld beside the answers (the roster names it), and so
    # is its members' other attribute.
    assert {m.organisation for m in by_organisation.answers} == {"North", "(group under 3)"}
    assert [m.role for m in by_organisation.answers] == [
        "board", "board", None, None, "exec"
    ]  # fmt: skip
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


# --- the workshop's lists (tests/workshopdata.py) ---------------------------------------------

MAPPED = (("NED", "Non-executive director"),)


def board(options: TeamOptions | None = None, order: list[str] | None = None) -> TeamResult:
    names = order or list(workshopdata.ROWS)
    results = [workshopdata.member(name) for name in names]
    return combine(results, [f"{n}.json" for n in names], options).team


def ids(questions: Any) -> list[str]:
    return [q.id for q in questions]


def test_disagreement_does_not_count_dont_know_as_low_and_ties_keep_checklist_order() -> None:
    t = board()

    # split and wide have the same spread: checklist order. lone_dk (Yes 5, Don't know 1) is
    # a knowledge gap, not a disagreement.
    assert ids(t.disagreements) == ["risk.split", "money.wide"]
    split = question(t, "risk.split").stats
    assert split.sd == pytest.approx(math.sqrt(1.2083333 / 6), abs=1e-6)
    assert question(t, "money.wide").stats.sd == pytest.approx(split.sd)
    assert not question(t, "risk.lone_dk").stats.disagreement


def test_what_the_team_does_not_know_most_dont_knows_first() -> None:
    t = board()

    assert [(q.id, q.stats.dont_know) for q in t.unknown] == [
        ("money.mostly_dk", 4),
        ("risk.lone_dk", 1),
    ]


def test_weakest_leaves_out_questions_answered_mostly_dont_know_and_questions_all_na() -> None:
    t = board()

    assert ids(t.weakest) == ["risk.weak", "money.middling"]
    assert [q.stats.mean for q in t.weakest] == pytest.approx([1 / 12, 2.5 / 6])
    all_na = question(t, "risk.all_na").stats
    assert (all_na.answered, all_na.excluded, all_na.mean) == (0, 6, None)
    listed = {*ids(t.disagreements), *ids(t.unknown), *ids(t.weakest)}
    assert "risk.all_na" not in listed


def test_group_names_match_ignoring_case_spacing_and_punctuation() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE))

    # Three spellings of one role are one group, shown as first spelt; NED and Non-executive
    # director stay apart without a map.
    assert [(g.name, g.size) for g in t.groups] == [
        ("Chair", 1),
        ("Executive director", 3),
        ("NED", 1),
        ("Non-executive director", 1),
    ]


def test_a_group_map_merges_synonyms() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE, group_map=MAPPED))

    assert [(g.name, g.size, g.shown) for g in t.groups] == [
        ("Chair", 1, False),
        ("Executive director", 3, True),
        ("Non-executive director", 2, False),
    ]


def test_groups_differ_largest_first_sections_before_questions_on_a_tie() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE, group_map=MAPPED, min_group=2))

    found = [
        (d.id, d.is_section, d.highest.group, d.lowest.group, round(d.difference, 4))
        for d in t.differences
    ]
    assert found == [
        ("risk.split", False, "Executive director", "Non-executive director", 1.0),
        ("risk", True, "Executive director", "Non-executive director", 50.0),
        ("risk.lone_dk", False, "Executive director", "Non-executive director", 0.5),
    ]
    split = t.differences[0]
    assert (split.highest.answered, split.lowest.answered) == (3, 2)
    # The Chair, a group of one, is compared with nobody.
    assert all(d.highest.group != "Chair" and d.lowest.group != "Chair" for d in t.differences)


def test_no_group_differs_when_only_one_group_is_shown() -> None:
    assert board(TeamOptions(by=GroupBy.ROLE, group_map=MAPPED)).differences == ()
    assert board().differences == ()


def test_notes_are_anonymised_in_an_order_that_does_not_follow_the_files() -> None:
    forwards = board()
    backwards = board(order=list(reversed(workshopdata.ROWS)))

    assert question(forwards, "risk.split").stats.notes == workshopdata.NOTES
    assert question(backwards, "risk.split").stats.notes == workshopdata.NOTES


def test_a_small_groups_notes_are_only_in_the_whole_teams_list() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE, group_map=MAPPED, min_group=2))
    chair, executives, non_executives = t.groups

    assert chair.questions is None
    assert executives.questions is not None and non_executives.questions is not None
    assert executives.questions[0].notes == ("a Board paper is due", "We review risks monthly")
    assert non_executives.questions[0].notes == ()
    assert "Sees it differently" in question(t, "risk.split").stats.notes


def test_no_notes_leaves_every_note_out_even_beside_the_answers() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE, notes=False, min_group=1))

    assert all(not q.stats.notes for q in t.questions)
    assert all(not s.notes for g in t.groups for s in g.questions or ())
    assert all(o.note is None for m in t.answers for o in m.outcomes)


def test_small_groups_show_nothing_of_their_own_but_count_in_the_whole_team() -> None:
    t = board(TeamOptions(by=GroupBy.ROLE, group_map=MAPPED))
    chair, executives, non_executives = t.groups

    for small in (chair, non_executives):
        assert (small.overall, small.sections, small.questions) == (None, None, None)
    assert executives.overall is not None and executives.overall.respondents == 3
    assert t.overall.respondents == 6
    assert question(t, "risk.split").stats.answered == 6
    # Rows of answers: the group as shown (never a member's own spelling), a small group
    # withheld, and no other attribute.
    assert [(m.role, m.organisation) for m in t.answers] == [
        ("Executive director", None),
        ("Executive director", None),
        ("Executive director", None),
        ("(group under 3)", None),
        ("(group under 3)", None),
        ("(group under 3)", None),
    ]


def test_without_by_the_rows_carry_no_role_or_organisation_unless_named() -> None:
    assert {(m.role, m.organisation) for m in board().answers} == {(None, None)}
    named = board(TeamOptions(named=True))
    assert named.answers[3].role == "NED"
    assert named.answers[3].organisation == "North Valley ICB"


# --- the same result twice --------------------------------------------------------------------


def test_the_same_result_twice_is_refused_naming_both_files() -> None:
    ada = workshopdata.member("Adaora")
    again = workshopdata.member("Adaora")  # built anew: equal, not the same objects

    with pytest.raises(DuplicateResultError) as caught:
        combine([ada, workshopdata.member("Benedikt"), again], ["a.json", "b.json", "c.json"])

    assert str(caught.value) == (
        "c.json: the same result as a.json (the same respondent and completion time): "
        "combine counts each member once; give each result once"
    )


def test_the_same_content_without_a_name_or_time_is_refused() -> None:
    ada = workshopdata.member("Adaora")
    anonymous = dataclasses.replace(ada, meta=Meta())

    with pytest.raises(
        DuplicateResultError, match=r"^y: the same result as x \(the same content\)"
    ):
        combine([anonymous, dataclasses.replace(anonymous)], ["x", "y"])


def test_two_people_with_the_same_answers_are_two_members() -> None:
    ada = workshopdata.member("Adaora")
    twin = dataclasses.replace(ada, meta=dataclasses.replace(ada.meta, respondent="Twin"))
    nameless = [dataclasses.replace(ada, meta=Meta(completed_at=t)) for t in ("1", "2")]

    assert combine([ada, twin, *nameless], ["a", "b", "c", "d"]).team.respondents == 4


# --- custom scales ----------------------------------------------------------------------------

CUSTOM = textwrap.dedent(
    """\
    id: custom-fixture
    title: Custom fixture
    version: "1"
    source: {publisher: Test Publisher, title: A test source}
    description: A four-point scale.
    scale:
      - {key: always, label: Always, value: 1}
      - {key: often, label: Often, value: 0.67}
      - {key: rarely, label: Rarely, value: 0.33}
      - {key: never, label: Never, value: 0}
    sections:
      - id: s
        title: S
        questions:
          - {id: q, text: How often?}
    """
)


def test_a_custom_scale_keeps_every_option_in_order_even_unchosen() -> None:
    custom = parse_checklist(parse_text(CUSTOM, "custom.yaml"), "custom.yaml")
    results = [
        build(custom, {"s.q": Answer(key)}, Meta(respondent=key)) for key in ("never", "always")
    ]

    t = combine(results, ["a", "b"]).team

    assert [o.key for o in t.scale] == ["always", "often", "rarely", "never"]
    assert counts(t, "s.q") == {"always": 1, "often": 0, "rarely": 0, "never": 1}


# --- the list and privacy rules, recomputed independently on generated teams ------------------

VALUES = {"yes": 1.0, "partly": 0.5, "no": 0.0, "dont-know": 0.0}
SPELT = {
    "Executive director": ("Executive director", "executive director ", "EXECUTIVE-DIRECTOR"),
    "Chair": ("Chair", "chair."),
    "Non-executive director": ("Non-executive director", "non executive director"),
}


@pytest.mark.parametrize("seed", range(40))
def test_generated_teams_lists_and_groups_follow_the_rules(seed: int) -> None:
    rng = random.Random(seed)
    checklist = workshopdata.checklist()
    keys = ["yes", "partly", "no", "dont-know", "n/a", None]
    raw: list[tuple[str, dict[str, str | None]]] = []
    results = []
    for index in range(rng.randint(2, 12)):
        group = rng.choice(list(SPELT))
        given = {qid: rng.choice(keys) for qid in workshopdata.QUESTIONS}
        raw.append((group, given))
        answers = {qid: Answer(key) for qid, key in given.items() if key is not None}
        meta = Meta(respondent=f"m{index}", role=rng.choice(SPELT[group]), completed_at="t")
        results.append(build(checklist, answers, meta))
    min_group = rng.randint(1, 4)
    options = TeamOptions(by=GroupBy.ROLE, min_group=min_group)

    t = combine(results, [f"{i}.json" for i in range(len(results))], options).team

    def values(members: list[dict[str, str | None]], qid: str) -> list[tuple[float, bool]]:
        return [
            (VALUES[key], key == "dont-know")
            for m in members
            if (key := m[qid]) is not None and key != "n/a"
        ]

    everyone = [answers for _, answers in raw]
    expected_disagree: list[tuple[float, int, str]] = []
    expected_unknown: list[tuple[int, int, str]] = []
    expected_weak: list[tuple[float, int, str]] = []
    for place, qid in enumerate(workshopdata.QUESTIONS):
        found = values(everyone, qid)
        if not found:
            continue
        plain = [v for v, _ in found]
        mean = sum(plain) / len(plain)
        sd = math.sqrt(sum((v - mean) ** 2 for v in plain) / len(plain))
        dont_know = sum(dk for _, dk in found)
        split = max(plain) >= 0.75 and any(v <= 0.25 for v, dk in found if not dk)
        if split:
            expected_disagree.append((-round(sd, 9), place, qid))
        if dont_know:
            expected_unknown.append((-dont_know, place, qid))
        if not split and mean < 0.5 and 2 * dont_know < len(found):
            expected_weak.append((round(mean, 9), place, qid))
    assert ids(t.disagreements) == [qid for *_, qid in sorted(expected_disagree)]
    assert ids(t.unknown) == [qid for *_, qid in sorted(expected_unknown)]
    assert ids(t.weakest) == [qid for *_, qid in sorted(expected_weak)]

    # Groups: spellings matched; a group under min_group shows nothing; differences between
    # shown groups only, 0.5 apart or more.
    sizes = Counter(group for group, _ in raw)
    assert sorted((g.size, g.shown) for g in t.groups) == sorted(
        (n, n >= min_group) for n in sizes.values()
    )
    for g in t.groups:
        assert (g.overall is None) == (g.questions is None) == (not g.shown)
    members_of = {
        group: [answers for name, answers in raw if name == group]
        for group, n in sizes.items()
        if n >= min_group
    }
    expected_differences = set()
    for qid in workshopdata.QUESTIONS:
        means = [
            sum(v for v, _ in found) / len(found)
            for members in members_of.values()
            if (found := values(members, qid))
        ]
        if len(means) > 1 and round(max(means) - min(means), 6) >= 0.5:
            expected_differences.add(qid)
    assert {d.id for d in t.differences if not d.is_section} == expected_differences
    shown_names = {group_key(g.name) for g in t.groups if g.shown}
    for d in t.differences:
        assert {group_key(d.highest.group), group_key(d.lowest.group)} <= shown_names
    # The rows of answers: the group's shown name or withheld, never a member's spelling.
    shown_as = {g.name for g in t.groups if g.shown}
    for (group, _), m in zip(raw, t.answers, strict=True):
        assert m.role == (group if group in shown_as else f"(group under {min_group})") or (
            group_key(m.role) == group_key(group) and m.role in shown_as
        )
        assert m.organisation is None
