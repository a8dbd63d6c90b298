"""Every HTML page as a user meets it, from a bundled checklist and made-up answers.

The browser tests print and measure these; they are full size (every question of a real
checklist, a team of fifteen in five roles) so that page breaks and wide tables are met as in use.
"""

from __future__ import annotations

from collections.abc import Callable

from collabcheck.catalog import resolve
from collabcheck.compare import compare, from_result
from collabcheck.model import Answer, AnswerValue, Checklist, QuestionKind
from collabcheck.options import GroupBy
from collabcheck.render import html
from collabcheck.result import Meta, Result, build
from collabcheck.team import TeamOptions, combine

BUNDLED = (
    "board-readiness",
    "collaborative-model",
    "creating-value",
    "four-lessons",
    "provider-enablers",
)
ROLES = ("board member", "executive", "clinical lead", "patient partner", "finance")
LONG_NOTE = "An unbroken " + "x" * 300 + " note, and <script>alert(1)</script>"


def answers(checklist: Checklist, seed: int) -> dict[str, Answer]:
    """Answers that use every option of the scale, varying with ``seed``, and a few notes."""
    keys = [option.key for option in checklist.scale.options]
    given: dict[str, Answer] = {}
    for index, question in enumerate(checklist.questions):
        value: AnswerValue
        if question.kind is QuestionKind.TEXT:
            value = "We meet monthly; the plan is agreed by all partners."
        elif question.kind is QuestionKind.CHOICE:
            picked = question.choices[(index + seed) % len(question.choices)]
            value = (picked.key,) if question.multiple else picked.key
        else:
            value = keys[(index * 7 + seed * 3 + index // 3 * seed) % len(keys)]
        note = "Agreed at the March board, not yet in the plan." if index % 5 == seed % 5 else None
        given[question.id] = Answer(value, note)
    return given


def result(
    checklist_id: str, seed: int, role: str = "board member", stage: str | None = None
) -> Result:
    """One made-up member's result on a bundled checklist (at ``stage``, if staged)."""
    checklist = resolve(checklist_id)
    meta = Meta(
        organisation="North Valley Health and Care Partnership",
        respondent=f"Member {seed}",
        role=role,
        started_at="2026-11-29T09:00:00+00:00",
        completed_at="2026-11-29T09:30:00+00:00",
    )
    given = answers(checklist, seed)
    if seed == 0:
        first = checklist.questions[0].id
        given[first] = Answer(given[first].answer, LONG_NOTE)
    return build(checklist, given, meta, stage)


def report() -> str:
    """A single result's report."""
    return html.report(result("board-readiness", 0))


def worksheet(checklist_id: str) -> str:
    """A bundled checklist's blank worksheet."""
    return html.worksheet(resolve(checklist_id))


def team() -> str:
    """A team of fifteen, three in each of five roles, grouped by role."""
    results = [result("board-readiness", seed, ROLES[seed % 5]) for seed in range(15)]
    names = [f"member-{seed}.json" for seed in range(15)]
    return html.team(combine(results, names, TeamOptions(by=GroupBy.ROLE)).team)


def small_groups() -> str:
    """A board of six in groups of 3, 2 and 1 (roles spelt three ways), grouped by role: small
    groups withheld, notes listed, the workshop sheet at the end."""
    roles = (
        "Executive director",
        "executive director.",
        "EXECUTIVE DIRECTOR",
        "NED",
        "ned",
        "Chair",
    )
    results = [result("board-readiness", seed, role) for seed, role in enumerate(roles)]
    names = [f"member-{seed}.json" for seed in range(len(roles))]
    return html.team(combine(results, names, TeamOptions(by=GroupBy.ROLE)).team)


def comparison() -> str:
    """One member's result, then six months on."""
    before = from_result(result("board-readiness", 1), "spring.json")
    after = from_result(result("board-readiness", 2), "autumn.json")
    return html.comparison(compare(before, after).comparison)


def staged_report() -> str:
    """The Collaborative Model mid-project: later stages not reached."""
    return html.report(result("collaborative-model", 0, stage="gather-ideas"))


def staged_comparison() -> str:
    """The Collaborative Model mid-project, then at the end."""
    before = from_result(result("collaborative-model", 1, stage="gather-ideas"), "midway.json")
    after = from_result(result("collaborative-model", 2, stage="checking-the-impact"), "end.json")
    return html.comparison(compare(before, after).comparison)


PAGES: dict[str, Callable[[], str]] = {
    "report": report,
    "team": team,
    "team-small-groups": small_groups,
    "compare": comparison,
    "report-staged": staged_report,
    "compare-staged": staged_comparison,
    **{f"worksheet-{cid}": (lambda cid=cid: worksheet(cid)) for cid in BUNDLED},  # type: ignore[misc]
}
