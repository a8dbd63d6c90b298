"""Validation that teaches: each problem as FILE:LINE: FIELD: message, all at once."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.conftest import MINIMAL

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]


def broken(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def error_lines(result: Result) -> list[str]:
    return [line for line in result.stderr.splitlines() if not line.startswith("collabcheck:")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            broken("title: Tiny checklist", "title: [unclosed"),
            ":3: not valid YAML:",
            id="yaml-syntax",
        ),
        pytest.param(
            broken('version: "1"\n', ""),
            ":1: version: required but missing",
            id="missing-key",
        ),
        pytest.param(
            broken("description:", "descripton: x\ndescription:"),
            ":8: descripton: unknown key (did you mean 'description'?)",
            id="unknown-key",
        ),
        pytest.param(
            broken("title: First section", "title: [1, 2]"),
            ":12: sections.first.title: must be text, not a list",
            id="wrong-type",
        ),
        pytest.param(
            broken("id: second", "id: first"),
            ":22: sections.first.id: duplicate section id",
            id="duplicate-section",
        ),
        pytest.param(
            broken("id: two", "id: one"),
            ":19: first.one.id: duplicate question id",
            id="duplicate-question",
        ),
        pytest.param(
            broken("scale: yes-partly-no", "scale: yes-no-maybe"),
            ":9: scale: unknown scale 'yes-no-maybe'",
            id="unknown-scale",
        ),
        pytest.param(
            broken("text: Is the third thing in place?", "text: Which?\n        kind: choice"),
            ":25: second.three.choices: a choice question needs a list of choices",
            id="choice-without-choices",
        ),
        pytest.param(
            broken("weight: 2", "weight: -1"),
            ":21: first.two.weight: must not be negative (-1)",
            id="negative-weight",
        ),
        pytest.param(
            broken("weight: 2", "weight: heavy"),
            ":21: first.two.weight: must be a number, not 'heavy'",
            id="non-numeric-weight",
        ),
        pytest.param(
            broken("weight: 2", "weight: .inf"),
            ":21: first.two.weight: must be a number, not inf",
            id="infinite-weight",
        ),
        pytest.param(
            broken("label: One", "label: One\n        text: Again?"),
            ":18: not valid YAML: duplicate key 'text'",
            id="duplicate-key",
        ),
        pytest.param(
            broken("weight: 2", "when: {question: first.nine, answer: yes}"),
            ":21: first.two.when.question: 'first.nine' is not an earlier question",
            id="when-unknown-question",
        ),
        pytest.param(
            broken("weight: 2", "when: {question: second.three, answer: yes}"),
            ":21: first.two.when.question: 'second.three' is not an earlier question",
            id="when-later-question",
        ),
        pytest.param(
            broken("weight: 2", "when: {question: first.one, answer: maybe}"),
            ":21: first.two.when.answer: 'maybe' is not an answer of first.one",
            id="when-unknown-answer",
        ),
        pytest.param(
            broken("year: 2024", "year: last year"),
            ":7: source.year: must be a whole number, not 'last year'",
            id="bad-year",
        ),
        pytest.param(
            broken("year: 2024", "year: 2024\n  url: www.example.org/page"),
            ":8: source.url: must be a web address starting http:// or https://, "
            "not 'www.example.org/page'",
            id="url-without-scheme",
        ),
        pytest.param(
            broken("id: one", "id: One Thing"),
            ":15: sections.first.questions[0].id: 'One Thing' must be lowercase letters",
            id="bad-id",
        ),
        pytest.param("", ": checklist: must be a mapping of keys to values, not empty", id="empty"),
    ],
)
def test_each_problem_is_named_with_file_line_and_field(
    cli: Cli, write_file: WriteFile, text: str, expected: str
) -> None:
    path = write_file("bad.yaml", text)

    result = cli("validate", str(path))

    assert result.exit_code == 1
    assert any(line.startswith(f"{path}{expected}") for line in error_lines(result)), result.stderr
    assert "Traceback" not in result.output


def test_custom_scale_values_are_checked(cli: Cli, write_file: WriteFile) -> None:
    text = broken(
        "scale: yes-partly-no",
        "scale:\n  - {key: good, label: Good, value: 1}\n  - {key: bad, label: Bad, value: 2}",
    )
    path = write_file("scale.yaml", text)

    result = cli("validate", str(path))

    assert result.exit_code == 1
    assert f"{path}:11: scale[1].value: must be a number from 0 to 1" in result.stderr


def test_custom_scale_and_bands_load(cli: Cli, write_file: WriteFile) -> None:
    text = broken(
        "scale: yes-partly-no",
        "scale:\n"
        "  - {key: always, label: Always, value: 1}\n"
        "  - {key: sometimes, label: Sometimes, value: 0.5}\n"
        "  - {key: never, label: Never, value: 0}\n"
        "  - {key: n/a, label: Not applicable, value: null}\n"
        "bands: {green: 80, amber: 60}",
    )
    path = write_file("custom.yaml", text)

    result = cli("show", str(path), "--format", "json")

    assert result.exit_code == 0, result.stderr
    assert '"key": "sometimes"' in result.stdout
    assert '"green": 80.0' in result.stdout
