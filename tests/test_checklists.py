"""The bundled checklists: each loads, validates, credits its source and keeps to its seed."""

from __future__ import annotations

import re
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


def test_four_lessons_has_a_section_per_lesson_and_one_for_the_observations() -> None:
    checklist = bundled("four-lessons")

    assert len(checklist.sections) == 5
    observations = checklist.sections[-1]
    # The source offers "observations" on when a collaborative model isn't likely to work.
    assert observations.title == "Observations: when a collaborative model isn't likely to work"
    # Three of the four are fair statements; the fourth says systemic problems need another
    # approach, so it stays as the source's words in the intro and is not scored.
    assert [q.id for q in observations.questions] == [
        "cautions.skills-audit",
        "cautions.realistic-goals",
        "cautions.learn-from-variation",
    ]
    assert observations.intro is not None
    assert "Don't expect collaboratives to address systemic problems." in observations.intro
    assert checklist.scale.id == "agree-5"


def test_four_lessons_asks_for_the_whole_realistic_assessment() -> None:
    resources = bundled("four-lessons").sections[3]

    assert [q.id for q in resources.questions] == [
        "provide-resources.necessary-resources",
        "provide-resources.realistic-assessment",
    ]
    assert resources.questions[1].text.endswith(
        "the time and resources needed to support effective measurement and time for "
        "reflective learning."
    )


def test_provider_enablers_has_seven_enablers_under_the_sources_own_title() -> None:
    checklist = bundled("provider-enablers")

    assert len(checklist.sections) == 7
    assert checklist.source.title == "What are the key enablers for provider collaboratives?"
    # "can evolve iteratively" is what trust leaders say may happen, not a requirement.
    assert "form-follows-function.lean-management" not in {q.id for q in checklist.questions}
    assert "lean management approach can evolve" in (checklist.sections[4].intro or "")


def test_creating_value_has_three_themes_and_the_final_lesson() -> None:
    checklist = bundled("creating-value")

    assert [s.id for s in checklist.sections] == [
        "purpose-and-value",
        "context-history-trust",
        "hard-data",
        "learning-together",
    ]
    assert checklist.scale.id == "agree-5"
    ids = {q.id for q in checklist.questions}
    # Kaleidoscope's description of its own diagnostic is not advice to the reader.
    assert "hard-data.characteristics-to-focus-on" not in ids
    risk = next(q for q in checklist.questions if q.id == "context-history-trust.safe-to-bear-risk")
    assert "each other" not in risk.text


# Where each bundled checklist's original page is, as confirmed (see the comment in each file).
URLS = {
    "board-readiness": None,
    "collaborative-model": "https://involve.nottshc.nhs.uk/blog/collaborative-model/",
    "creating-value": "https://www.kscopehealth.org.uk/blog/three-lessons-on-creating-value-and-"
    "successful-collaborations-between-organisations/",
    "four-lessons": "https://www.health.org.uk/blogs/four-lessons-for-running-impactful-"
    "collaboratives-in-health-care",
    "provider-enablers": "https://nhsproviders.org/realising-the-benefits-of-provider-"
    "collaboratives/what-are-the-key-enablers-for-provider-collaboratives",
}


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_bundled_source_url_and_a_comment_saying_how_it_was_found(checklist_id: str) -> None:
    assert bundled(checklist_id).source.url == URLS[checklist_id]
    text = (bundled_dir() / f"{checklist_id}.yaml").read_text(encoding="utf-8")
    source_block = text.split("\nsource:\n", 1)[1].split("\ndescription:", 1)[0]
    # None of the saved pages gives its address: every url, and every missing one, is explained.
    assert "\n  # " in source_block


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


STATEMENT_CHECKLISTS = ["four-lessons", "creating-value", "provider-enablers"]


@needs_seeds
@pytest.mark.parametrize("checklist_id", STATEMENT_CHECKLISTS)
def test_statements_quote_the_sentence_they_come_from(checklist_id: str) -> None:
    source = seed(checklist_id)

    for question in bundled(checklist_id).questions:
        assert question.help, f"{question.id} names no source sentence"
        quoted = question.help.strip().strip('"')
        assert normal(quoted) in source, question.id


def sentences(text: str) -> list[str]:
    """Each sentence of ``text`` without its closing stop, which the source may not share."""
    parts = re.split(r"(?<=[.?!])\s+", " ".join(text.split()))
    return [part.rstrip(".?!:") for part in parts if part]


@needs_seeds
@pytest.mark.parametrize("checklist_id", STATEMENT_CHECKLISTS)
def test_section_intros_are_the_sources_sentences(checklist_id: str) -> None:
    source = seed(checklist_id)

    for section in bundled(checklist_id).sections:
        assert section.intro, f"{section.id} has no intro"
        for sentence in sentences(section.intro):
            assert normal(sentence) in source, (section.id, sentence)


# Source statements that were missing once, with where each must now be quoted: a question's
# help (asked) or a section's intro (kept as the source's words, where no fair question fits).
KEPT = {
    "four-lessons": [
        ("intro", "Don't expect collaboratives to address systemic problems."),
        ("intro", "System-level issues will only be addressed with the necessary leadership"),
        ("help", "time and resources needed to support effective measurement and time for"),
    ],
    "creating-value": [
        ("help", "describe their belief (the purpose of their work) in a way that people could"),
        ("help", "a belief so strongly held that it anchored them"),
        ("help", "cleaner, simpler and more effective — but only once trust has been built"),
        ("help", "leaders having “moral injury” which they need to recover from"),
        ("help", "we're all learning together about what works in collaboration"),
        ("intro", "we use a diagnostic to produce data on which of the characteristics"),
    ],
    "provider-enablers": [
        ("help", "Bringing people together at conferences and meetings helps develop buy-in"),
        ("intro", "Trust leaders say a lean management approach can evolve iteratively"),
    ],
}


@needs_seeds
@pytest.mark.parametrize("checklist_id", list(KEPT))
def test_each_source_statement_is_asked_or_kept_as_intro(checklist_id: str) -> None:
    source = seed(checklist_id)
    checklist = bundled(checklist_id)
    helps = normal(" ".join(q.help or "" for q in checklist.questions))
    intros = normal(" ".join(s.intro or "" for s in checklist.sections))

    for where, words in KEPT[checklist_id]:
        assert normal(words) in source, words
        assert normal(words) in (helps if where == "help" else intros), (where, words)


def test_collaborative_model_is_staged_and_keeps_the_conversation_going_throughout() -> None:
    checklist = bundled("collaborative-model")

    assert checklist.version == "2"
    assert checklist.stages is not None
    assert checklist.stages.throughout == {"keep-the-conversation-going"}
    assert checklist.stages.steps == (
        "big-idea",
        "decision-time",
        "building-the-team",
        "understand-whats-around",
        "gather-ideas",
        "make-the-change",
        "checking-the-impact",
    )


@needs_seeds
def test_collaborative_model_records_the_decision_panels_decision_in_its_words() -> None:
    source = seed("collaborative-model")
    decision = bundled("collaborative-model").question("decision-time.decision")

    assert decision is not None
    assert decision.kind is QuestionKind.CHOICE and not decision.multiple
    assert [c.key for c in decision.choices] == ["collaborative", "partly", "not"]
    # Each choice, and the question, carries the source's own words for it.
    quoted = [
        (decision.text, "be done as a collaborative service change project"),
        (
            decision.choices[0].label,
            "the idea can be done as a collaborative service change project",
        ),
        (decision.choices[1].label, "parts of the project can"),
        (decision.choices[2].label, "can you make it more collaborative"),
        (decision.help or "", "If it can't be, which parts of the project can?"),
    ]
    for shown, words in quoted:
        assert normal(words) in normal(shown)
        assert normal(words) in source, words
