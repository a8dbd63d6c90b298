"""What every format prints alike: numbers as shown, and a condition as a person reads it."""

from __future__ import annotations

import textwrap

import pytest

from collabcheck.loader import parse_checklist
from collabcheck.model import Checklist
from collabcheck.render import wording
from collabcheck.yamlfile import parse_text


@pytest.mark.parametrize(
    ("score", "shown"), [(None, "\u2013"), (62.5, "62.5%"), (66.66667, "66.7%"), (0.05, "0.1%")]
)
def test_percent(score: float | None, shown: str) -> None:
    assert wording.percent(score) == shown


@pytest.mark.parametrize(
    ("change", "shown"), [(None, "\u2013"), (7.5, "+7.5"), (-2.0, "-2.0"), (0.0, "0.0")]
)
def test_points(change: float | None, shown: str) -> None:
    assert wording.points(change) == shown


def test_plural_date_and_rating() -> None:
    assert [wording.plural(n, "member") for n in (0, 1, 2)] == [
        "0 members",
        "1 member",
        "2 members",
    ]
    assert wording.date("2026-11-29T09:30:00+00:00") == "2026-11-29"
    assert wording.date(None) == "\u2013"
    assert (wording.rating("amber"), wording.rating(None)) == ("amber", "no score")


CONDITIONS = textwrap.dedent(
    """\
    id: conditions
    title: Conditions
    version: "1"
    source: {publisher: P, title: T}
    description: D
    scale: yes-partly-no
    sections:
      - id: first
        title: First
        questions:
          - {id: ready, text: Is it ready?}
      - id: second
        title: Second
        questions:
          - {id: origin, text: Where from?, kind: choice, choices: [Staff, Policy change]}
          - {id: plan, text: Is there a plan?, when: {question: first.ready, answer: [yes, partly]}}
          - {id: why, text: Why?, kind: text, when: {question: second.origin, answer: staff}}
    """
)


def conditions() -> Checklist:
    return parse_checklist(parse_text(CONDITIONS, "conditions.yaml"), "conditions.yaml")


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("second.plan", "Answer only if 1.1 is Yes or Partly."),
        ("second.why", "Answer only if 2.1 is Staff."),
        ("first.ready", None),
    ],
)
def test_a_condition_names_the_earlier_question_by_its_worksheet_number(
    question: str, shown: str | None
) -> None:
    checklist = conditions()
    asked = checklist.question(question)
    assert asked is not None

    assert wording.answer_only_if(checklist, asked) == shown
