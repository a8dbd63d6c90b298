"""validate for authors: warnings that do not fail unless --strict, each with its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from collabcheck.lint import lint
from collabcheck.loader import load_path
from tests.conftest import MINIMAL
from tests.test_checklists import BUNDLED

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

# MINIMAL with a second question in its second section: a checklist with nothing to warn about.
CLEAN = MINIMAL + "      - id: four\n        text: Is the fourth thing in place?\n"

AGREE = (
    CLEAN.replace("scale: yes-partly-no", "scale: agree-5")
    .replace("Is the first thing in place?", "The first thing is in place.")
    .replace("Is the second thing in place?", "The second thing is in place.")
    .replace("Is the third thing in place?", "The third thing is in place.")
    .replace("Is the fourth thing in place?", "The fourth thing is in place.")
)


def variant(base: str, old: str, new: str) -> str:
    assert old in base, old
    return base.replace(old, new, 1)


def warnings(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if ": warning: " in line]


def test_a_clean_checklist_has_no_warnings(cli: Cli, write_file: WriteFile) -> None:
    path = write_file("clean/tiny.yaml", CLEAN)

    result = cli("validate", "--strict", str(path))

    assert result.exit_code == 0
    assert result.stderr == f"{path}: ok (tiny, 4 questions)\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            MINIMAL,
            ":24: sections.second.questions: warning: only one question; the section's score "
            "is that one answer",
            id="single-question-section",
        ),
        pytest.param(
            variant(CLEAN, "Is the first thing in place?", "Is the first thing " + "x" * 300 + "?"),
            ":17: first.one.text: warning: very long (320 characters, over 300)",
            id="long-text",
        ),
        pytest.param(
            variant(CLEAN, "Is the third thing in place?", "Is the first thing  in place?"),
            ":26: second.three.text: warning: the same text as first.one",
            id="duplicate-text",
        ),
        pytest.param(
            variant(CLEAN, "Is the second thing in place?", "The second thing is in place."),
            ":20: first.two.text: warning: has no '?'; on the yes-partly-no scale people answer "
            "a question",
            id="statement-on-yes-partly-no",
        ),
        pytest.param(
            variant(AGREE, "The fourth thing is in place.", "Is the fourth thing in place?"),
            ":28: second.four.text: warning: ends in '?'; on the agree-5 scale people agree or "
            "disagree with a statement",
            id="question-on-agree-5",
        ),
        pytest.param(
            variant(
                CLEAN,
                "scale: yes-partly-no",
                "scale:\n"
                "  - {key: good, label: Good, value: 1}\n"
                "  - {key: fine, label: good, value: 0.5}\n"
                "  - {key: bad, label: Bad, value: 0}",
            ),
            ":11: scale[1].label: warning: the label 'good' is also option 1's; people cannot "
            "tell the two apart, so one of them ('fine') cannot be chosen knowingly",
            id="scale-option-with-the-same-label",
        ),
        pytest.param(
            variant(
                CLEAN,
                "text: Is the fourth thing in place?",
                "text: Who?\n        kind: choice\n"
                "        choices: [Staff, {key: s, label: staff}]",
            ),
            ":30: second.four.choices[1]: warning: the label 'staff' is also option 1's",
            id="choice-with-the-same-label",
        ),
        pytest.param(
            variant(
                CLEAN,
                "text: Is the fourth thing in place?",
                "text: Why?\n        when: {question: second.three, answer: maybe}",
            ).replace(
                "text: Is the third thing in place?",
                "text: What is the third thing?\n        kind: text",
            ),
            ":30: second.four.when.question: warning: second.three is a free-text question, "
            "so this question is asked only when someone types exactly 'maybe'",
            id="when-on-free-text",
        ),
    ],
)
def test_each_warning_names_file_line_and_field_and_exits_0(
    cli: Cli, write_file: WriteFile, text: str, expected: str
) -> None:
    path = write_file("warned/tiny.yaml", text)

    result = cli("validate", str(path))

    assert result.exit_code == 0, result.stderr
    assert len(warnings(result)) == 1, result.stderr
    assert warnings(result)[0].startswith(f"{path}{expected}"), result.stderr
    assert result.stderr.splitlines()[-1].startswith(f"{path}: ok (tiny, ")


def test_a_scale_no_question_uses_is_a_warning(cli: Cli, write_file: WriteFile) -> None:
    text = CLEAN
    for n in ("first", "second", "third", "fourth"):
        text = text.replace(
            f"text: Is the {n} thing in place?", f"text: The {n}?\n        kind: text"
        )
    path = write_file("unscored/tiny.yaml", text)

    result = cli("validate", str(path))

    assert result.exit_code == 0
    assert warnings(result) == [
        f"{path}:9: scale: warning: no question is answered on this scale (every question is a "
        "choice or text question), so the checklist has no score"
    ]


def test_warnings_are_in_file_order(cli: Cli, write_file: WriteFile) -> None:
    text = variant(MINIMAL, "Is the second thing in place?", "The second thing.")
    path = write_file("two/tiny.yaml", text)

    result = cli("validate", str(path))

    assert [line.split(": ")[1] for line in warnings(result)] == [
        "first.two.text",
        "sections.second.questions",
    ]


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_bundled_checklists_have_no_warnings(cli: Cli, checklist_id: str) -> None:
    from collabcheck.catalog import bundled_dir

    result = cli("validate", "--strict", str(bundled_dir() / f"{checklist_id}.yaml"))

    assert result.exit_code == 0
    assert warnings(result) == []


def test_lint_works_without_line_numbers(write_file: WriteFile) -> None:
    checklist = load_path(write_file("tiny.yaml", MINIMAL))

    findings = lint(checklist)

    assert [str(f) for f in findings] == [
        f"{checklist.path}: sections.second.questions: warning: only one question; the "
        "section's score is that one answer, which reads as firmer than it is: add questions, "
        "or merge the section with another"
    ]


def test_300_characters_is_not_very_long(cli: Cli, write_file: WriteFile) -> None:
    text = "Is the first thing " + "x" * 280 + "?"
    assert len(text) == 300
    path = write_file("edge/tiny.yaml", variant(CLEAN, "Is the first thing in place?", text))

    result = cli("validate", "--strict", str(path))

    assert result.exit_code == 0
    assert warnings(result) == []


def test_an_id_that_differs_from_the_file_name_is_a_warning(
    cli: Cli, write_file: WriteFile
) -> None:
    path = write_file("our-board.yaml", CLEAN)

    result = cli("validate", str(path))

    assert result.exit_code == 0
    assert warnings(result) == [
        f"{path}:1: id: warning: differs from the file name (our-board.yaml); in a checklist "
        "folder it is found by file name, so name the file tiny.yaml"
    ]
