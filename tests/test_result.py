"""What a result says of itself: its questions' numbers and its gaps."""

from __future__ import annotations

from collabcheck.loader import parse_checklist
from collabcheck.model import Answer
from collabcheck.result import Meta, build
from collabcheck.yamlfile import parse_text
from tests.render.test_markdown import FIXTURE, fixture_result


def test_gaps_are_ordered_no_then_dont_know_then_partly() -> None:
    gaps = fixture_result().priority_gaps

    assert [g.id for g in gaps] == ["people.carers", "money.budget", "people.time"]


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
