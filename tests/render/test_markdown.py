"""The Markdown report of a small fixture, compared with a file a reader can open."""

from __future__ import annotations

import textwrap
from pathlib import Path

from collabcheck import __version__
from collabcheck.compare import compare, from_result
from collabcheck.loader import parse_checklist
from collabcheck.model import Answer
from collabcheck.options import GroupBy
from collabcheck.render import markdown
from collabcheck.result import Meta, Result, build
from collabcheck.team import TeamOptions, combine
from collabcheck.yamlfile import parse_text
from tests import teamdata

EXPECTED = Path(__file__).parent / "expected"

FIXTURE = textwrap.dedent(
    """\
    id: fixture
    title: Fixture checklist
    version: "2"
    source:
      publisher: Test Publisher
      title: A test source
      year: 2024
      url: https://example.org/guide_(2024)
    description: For the report test.
    scale: yes-partly-no
    sections:
      - id: people
        title: People | teams
        questions:
          - {id: lead, label: Lead, text: Is there a named lead?}
          - {id: time, text: Is there time for it?, weight: 2}
          - {id: cover, text: Is there cover?, when: {question: people.time, answer: [no]}}
          - {id: carers, text: Are carers involved?}
      - id: money
        title: Money
        questions:
          - {id: budget, text: Is there a budget?}
          - {id: audit, text: Is it audited?}
      - id: later
        title: Later
        questions:
          - {id: review, text: Is a review planned?}
    """
)


def fixture_result() -> Result:
    checklist = parse_checklist(parse_text(FIXTURE, "fixture.yaml"), "fixture.yaml")
    answers = {
        "people.lead": Answer("yes"),
        "people.time": Answer("partly", "Only on Fridays |\nsometimes *less*"),
        "people.cover": Answer("yes"),  # hidden: time is not 'no', so this is dropped
        "people.carers": Answer("no", "Not yet"),
        "money.budget": Answer("dont-know"),
        "money.audit": Answer("n/a"),
        "later.review": Answer(None),
    }
    meta = Meta(
        organisation="Example <Trust>",
        respondent="A. Person",
        role="Board secretary",
        started_at="2026-11-29T09:00:00+00:00",
        completed_at="2026-11-29T09:30:00+00:00",
        tool_version="0.1.0",
    )
    return build(checklist, answers, meta)


def test_report_matches_the_expected_file() -> None:
    expected = (EXPECTED / "fixture-report.md").read_text(encoding="utf-8")

    assert markdown.report(fixture_result()) == expected


def _expected(name: str) -> str:
    # The files were written by version 0.1.0; reports name the version that writes them.
    text = (EXPECTED / name).read_text(encoding="utf-8")
    return text.replace("collabcheck 0.1.0.", f"collabcheck {__version__}.")


def test_team_report_matches_the_expected_file() -> None:
    team = combine(teamdata.team(), ["a", "b", "c", "d", "e"], TeamOptions(by=GroupBy.ROLE)).team

    assert markdown.team(team) == _expected("fixture-team.md")


def test_comparison_matches_the_expected_file() -> None:
    spring = from_result(teamdata.member("Ann"), "spring.json")
    autumn = from_result(teamdata.ann_later(), "autumn.json")

    assert markdown.comparison(compare(spring, autumn).comparison) == _expected(
        "fixture-compare.md"
    )
