"""The bundled checklists: each loads, validates, credits its source and keeps to its seed."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from collabcheck.catalog import bundled_dir, discover
from collabcheck.loader import load_path
from collabcheck.model import Checklist, QuestionKind

BUNDLED = [
    "board-readiness",
    "collaborative-model",
    "creating-value",
    "four-lessons",
    "provider-enablers",
]


def bundled(checklist_id: str) -> Checklist:
    return load_path(bundled_dir() / f"{checklist_id}.yaml")


def test_the_five_checklists_are_bundled() -> None:
    assert [e.id for e in discover() if e.origin == "bundled"] == BUNDLED


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_bundled_checklist_is_complete(checklist_id: str) -> None:
    checklist = bundled(checklist_id)

    assert checklist.id == checklist_id
    assert checklist.source.publisher and checklist.source.title
    assert checklist.description
    assert all(section.questions for section in checklist.sections)
    assert any(q.scored for q in checklist.questions)


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_bundled_checklist_loads_the_same_with_the_c_and_pure_python_loaders(
    checklist_id: str,
) -> None:
    text = (bundled_dir() / f"{checklist_id}.yaml").read_text(encoding="utf-8")

    assert yaml.load(text, Loader=yaml.CSafeLoader) == yaml.load(text, Loader=yaml.SafeLoader)


def test_board_readiness_has_27_labelled_questions_in_six_areas() -> None:
    checklist = bundled("board-readiness")

    assert len(checklist.sections) == 6
    assert len(checklist.questions) == 27
    assert all(q.label for q in checklist.questions)
    assert checklist.scale.id == "yes-partly-no"
    labels = [q.label for q in checklist.questions]
    assert labels[:2] == ["Skills and capacity", "Training"]
    assert checklist.source.publisher == "Good Governance Institute"
    assert checklist.source.year == 2021


def test_collaborative_model_follows_the_stages() -> None:
    checklist = bundled("collaborative-model")

    titles = [s.title for s in checklist.sections]
    assert titles[0] == "The Big Idea"
    assert "The Collaborative Partnership" not in titles
    origin, scope = checklist.sections[0].questions
    assert origin.kind is QuestionKind.CHOICE and origin.multiple
    assert [c.label for c in origin.choices] == [
        "Commissioners",
        "Staff",
        "Service users/carers",
        "Policy change",
        "Investment/disinvestment",
    ]
    assert scope.kind is QuestionKind.CHOICE and not scope.multiple
    assert len(scope.choices) == 4
    joined = [q.text for q in checklist.questions if q.text.startswith("Are you including expert")]
    assert joined == [
        "Are you including expert teams e.g. Quality Improvement, Learning and Organisational "
        "Development, HR to help you make the change?"
    ]


def test_four_lessons_has_a_section_per_lesson_and_one_for_cautions() -> None:
    checklist = bundled("four-lessons")

    assert len(checklist.sections) == 5
    assert len(checklist.sections[-1].questions) == 4
    assert checklist.scale.id == "agree-5"


def test_provider_enablers_has_seven_enablers() -> None:
    assert len(bundled("provider-enablers").sections) == 7


def test_creating_value_has_three_themes() -> None:
    checklist = bundled("creating-value")

    assert [s.id for s in checklist.sections] == [
        "purpose-and-value",
        "context-history-trust",
        "hard-data",
    ]
    assert checklist.scale.id == "agree-5"


SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_OF = {
    "collaborative-model": "000_",
    "four-lessons": "001_",
    "creating-value": "002_",
    "board-readiness": "003_",
    "provider-enablers": "004_",
}


def normal(text: str) -> str:
    """Text as compared with its seed: bullets, curly quotes, dashes and spacing evened out."""
    for curly, plain in (
        ("\u2019", "'"),
        ("\u2018", "'"),
        ("\u201c", '"'),
        ("\u201d", '"'),
        ("\u2013", "-"),
        ("\u2014", "-"),
        ("\u2022", " "),
    ):
        text = text.replace(curly, plain)
    return " ".join(text.split()).casefold()


def seed(checklist_id: str) -> str:
    path = next(SEEDS.glob(f"{SEED_OF[checklist_id]}*.txt"))
    return normal(path.read_text(encoding="utf-8"))


needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not here")


@needs_seeds
def test_board_readiness_labels_and_questions_are_the_sources_words() -> None:
    source = seed("board-readiness")

    for question in bundled("board-readiness").questions:
        assert normal(f"{question.label}: {question.text}") in source, question.id


@needs_seeds
def test_collaborative_model_questions_are_the_sources_bullets() -> None:
    source = seed("collaborative-model")
    checklist = bundled("collaborative-model")

    for question in checklist.questions:
        if question.scored:
            assert normal(question.text) in source, question.id
    # Every bullet of every stage's checklist is a question (the Big Idea's are choices).
    assert sum(q.scored for q in checklist.questions) == 40


@needs_seeds
@pytest.mark.parametrize("checklist_id", ["four-lessons", "creating-value", "provider-enablers"])
def test_statements_quote_the_sentence_they_come_from(checklist_id: str) -> None:
    source = seed(checklist_id)

    for question in bundled(checklist_id).questions:
        assert question.help, f"{question.id} names no source sentence"
        quoted = question.help.strip().strip('"')
        assert normal(quoted) in source, question.id
