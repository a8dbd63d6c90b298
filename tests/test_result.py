"""What a result says of itself: its questions' numbers and its gaps."""

from __future__ import annotations

from collabcheck.loader import parse_checklist
from collabcheck.model import Answer
from collabcheck.result import Meta, build
from collabcheck.yamlfile import parse_text
from tests.render.test_markdown import FIXTURE, fixture_result


def test_priority_gaps_are_the_low_answers_and_partly_is_in_part() -> None:
    result = fixture_result()

    # No is a priority gap; Don't know is a knowledge gap, not a priority; Partly is in part.
    assert [g.id for g in result.priority_gaps] == ["people.carers"]
    assert [g.id for g in result.in_part] == ["people.time"]


AGREE = """\
id: agreeable
title: Agree
version: "1"
source: {publisher: P, title: T}
description: D
scale: agree-5
sections:
  - id: s
    title: S
    questions:
      - {id: a, text: A is so.}
      - {id: b, text: B is so., weight: 3}
      - {id: c, text: C is so.}
      - {id: d, text: D is so., weight: 3}
      - {id: e, text: E is so.}
      - {id: f, text: F is so.}
"""


def test_priority_gaps_go_heaviest_first_then_in_checklist_order() -> None:
    checklist = parse_checklist(parse_text(AGREE, "agreeable.yaml"), "agreeable.yaml")
    answers = {
        "s.a": Answer("strongly-disagree"),
        "s.b": Answer("disagree"),
        "s.c": Answer("disagree"),
        "s.d": Answer("strongly-disagree"),
        "s.e": Answer("neither"),
        "s.f": Answer("dont-know"),
    }

    result = build(checklist, answers, Meta())

    assert [g.id for g in result.priority_gaps] == ["s.b", "s.d", "s.a", "s.c"]
    assert [g.id for g in result.in_part] == ["s.e"]
    assert [g.id for g in result.knowledge_gaps] == ["s.f"]


def test_knowledge_gaps_are_the_dont_know_answers() -> None:
    assert [o.id for o in fixture_result().knowledge_gaps] == ["money.budget"]


def test_questions_are_numbered_as_on_the_worksheet() -> None:
    checklist = parse_checklist(parse_text(FIXTURE, "fixture.yaml"), "fixture.yaml")
    result = build(checklist, {"later.review": Answer("yes")}, Meta())

    expected = {
        "people.lead": "1.1",
        "people.time": "1.2",
        "people.cover": "1.3",
        "people.carers": "1.4",
        "money.budget": "2.1",
        "money.audit": "2.2",
        "later.review": "3.1",
    }
    assert dict(checklist.numbers) == expected
    assert dict(result.numbers) == expected
