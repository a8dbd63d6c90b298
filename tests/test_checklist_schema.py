"""The checklist JSON Schema: printed by `collabcheck schema`, and in step with the loader.

Editors check files against the schema as people type, and `collabcheck validate` checks them
with the loader; the two must not disagree. Every bundled checklist, the files `new` writes, and
the broken variants of tests/test_validate.py that a schema can express go through both, which
must accept or reject the same files.

A JSON Schema cannot compare one value with another, so these are checked by the loader only
(LOADER_ONLY below, where the schema accepts and the loader rejects): ids unique among sections
and among a section's questions, a `when` naming an earlier question and one of its answers,
unique option and choice keys, amber not above green. Nor does a schema tell 2024.0 from 2024
(JSON has one kind of number), or know YAML's .nan, which the loader refuses.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import Result

from collabcheck import schemas
from collabcheck.catalog import bundled_dir, resolve
from collabcheck.errors import ChecklistError
from collabcheck.loader import (
    _OPTION_KEYS,
    _QUESTION_KEYS,
    _SECTION_KEYS,
    _SOURCE_KEYS,
    _TOP_KEYS,
    _TOP_REQUIRED,
    parse_checklist,
)
from collabcheck.model import BUILTIN_SCALES, QuestionKind
from collabcheck.scaffold import adapted, starter
from collabcheck.yamlfile import parse_text
from tests.conftest import MINIMAL
from tests.test_checklists import BUNDLED

Cli = Callable[..., Result]

SCHEMA = schemas.load("checklist")
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def variant(old: str, new: str) -> str:
    assert old in MINIMAL, old
    return MINIMAL.replace(old, new, 1)


def loader_accepts(text: str) -> bool:
    try:
        parse_checklist(parse_text(text, "x.yaml"), "x.yaml")
    except ChecklistError:
        return False
    return True


def schema_accepts(text: str) -> bool:
    return bool(VALIDATOR.is_valid(parse_text(text, "x.yaml")))


# --- printing the schema -------------------------------------------------------------------


def test_schema_checklist_prints_the_packaged_schema(cli: Cli) -> None:
    result = cli("schema", "checklist")

    assert result.exit_code == 0
    printed = json.loads(result.stdout)
    assert printed == SCHEMA
    jsonschema.Draft202012Validator.check_schema(printed)
    assert printed["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_schema_writes_to_a_file(cli: Cli, tmp_path: Path) -> None:
    target = tmp_path / "checklist.schema.json"

    result = cli("schema", "checklist", "-o", str(target))

    assert result.exit_code == 0
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8")) == SCHEMA


def test_schema_names_come_from_the_schemas_folder() -> None:
    assert "checklist" in schemas.names()
    folder = Path(schemas.__file__).parent
    assert schemas.names() == sorted(p.name[: -len(".schema.json")] for p in folder.glob("*.json"))


def test_every_shipped_schema_prints(cli: Cli) -> None:
    for name in schemas.names():
        result = cli("schema", name)
        assert result.exit_code == 0, name
        jsonschema.Draft202012Validator.check_schema(json.loads(result.stdout))


def test_an_unknown_schema_is_a_usage_error_naming_the_known_ones(cli: Cli) -> None:
    result = cli("schema", "answers")

    assert result.exit_code == 2
    assert result.stderr == (
        f"collabcheck: no schema 'answers'; known schemas: {', '.join(schemas.names())}\n"
    )


# --- the schema and the loader agree -------------------------------------------------------


def test_the_schema_names_the_loaders_keys_scales_and_kinds() -> None:
    defs = SCHEMA["$defs"]
    assert set(SCHEMA["properties"]) == _TOP_KEYS
    assert SCHEMA["required"] == list(_TOP_REQUIRED)
    assert set(defs["source"]["properties"]) == _SOURCE_KEYS
    assert set(defs["section"]["properties"]) == _SECTION_KEYS
    assert set(defs["question"]["properties"]) == _QUESTION_KEYS
    assert set(defs["option"]["properties"]) == _OPTION_KEYS
    assert defs["scale"]["anyOf"][0]["enum"] == list(BUILTIN_SCALES)
    assert defs["question"]["properties"]["kind"]["enum"] == [k.value for k in QuestionKind]


@pytest.mark.parametrize("checklist_id", BUNDLED)
def test_bundled_checklists_and_their_copies_fit_the_schema(checklist_id: str) -> None:
    text = (bundled_dir() / f"{checklist_id}.yaml").read_text(encoding="utf-8")
    copy = adapted(resolve(checklist_id), "ours")

    assert loader_accepts(text) and schema_accepts(text)
    assert loader_accepts(copy) and schema_accepts(copy)


def test_the_starter_fits_the_schema() -> None:
    text = starter("ours")

    assert loader_accepts(text) and schema_accepts(text)


CUSTOM_SCALE = (
    "scale:\n  - {key: good, label: Good, value: 1}\n  - {key: bad, label: Bad, value: 0}"
)

ACCEPTED = {
    "minimal": MINIMAL,
    "numbers-as-text": variant('version: "1"', "version: 1").replace(
        "title: Tiny checklist", "title: 2024"
    ),
    "number-as-id": variant("id: second", "id: 2024"),
    "quoted-id-with-spaces": variant("id: second", 'id: " second "'),
    "empty-optional-text": variant("intro: Where it starts.", 'intro: ""\n    '),
    "null-optional-text": variant("label: One", "label: null").replace("year: 2024", "year:"),
    "weight-zero": variant("weight: 2", "weight: 0"),
    "source-url": variant("year: 2024", "year: 2024\n  url: https://example.org/a-page?x=1#part"),
    "http-source-url": variant("year: 2024", "year: 2024\n  url: http://example.org"),
    "empty-source-url": variant("year: 2024", 'year: 2024\n  url: ""'),
    "custom-scale-with-excluded": variant(
        "scale: yes-partly-no", CUSTOM_SCALE + "\n  - {key: n/a, label: N/A, value: null}"
    ),
    "bands": variant("scale: yes-partly-no", "scale: yes-partly-no\nbands: {green: 80, amber: 60}"),
    "choices-of-both-forms": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        multiple: true\n"
        "        choices: [Staff, {key: others, label: Someone else}]",
    ),
    "null-choices-on-a-scale-question": variant("weight: 2", "choices: null"),
    "when-with-a-boolean": variant("weight: 2", "when: {question: first.one, answer: yes}"),
    "when-with-a-list": variant("weight: 2", "when: {question: first.one, answer: [yes, partly]}"),
    "when-on-free-text": variant(
        "help: The first thing matters.", "kind: text\n        help: The first thing matters."
    ).replace("weight: 2", "when: {question: first.one, answer: 42}"),
}

REJECTED = {
    # The broken variants of tests/test_validate.py that a schema can express.
    "missing-key": variant('version: "1"\n', ""),
    "unknown-key": variant("description:", "descripton: x\ndescription:"),
    "wrong-type": variant("title: First section", "title: [1, 2]"),
    "unknown-scale": variant("scale: yes-partly-no", "scale: yes-no-maybe"),
    "choice-without-choices": variant(
        "text: Is the third thing in place?", "text: Which?\n        kind: choice"
    ),
    "negative-weight": variant("weight: 2", "weight: -1"),
    "non-numeric-weight": variant("weight: 2", "weight: heavy"),
    "bad-year": variant("year: 2024", "year: last year"),
    "bad-id": variant("id: one", "id: One Thing"),
    "empty": "",
    "custom-scale-value-above-1": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace("value: 0}", "value: 2}")
    ),
    # More of the same kinds.
    "not-a-mapping": "- id: tiny\n",
    "bad-checklist-id": variant("id: tiny", "id: Tiny"),
    "negative-number-id": variant("id: second", "id: -1"),
    "true-as-title": variant("title: Tiny checklist", "title: yes"),
    "date-as-version": variant('version: "1"', "version: 2024-05-01"),
    "blank-text": variant("text: Is the first thing in place?", 'text: "  "'),
    "source-without-publisher": variant("  publisher: Test Publisher\n", ""),
    "unknown-source-key": variant("year: 2024", "year: 2024\n  editor: Someone"),
    "source-url-without-scheme": variant("year: 2024", "year: 2024\n  url: example.org/page"),
    "source-url-javascript": variant("year: 2024", "year: 2024\n  url: javascript:alert(1)"),
    "source-url-file": variant("year: 2024", "year: 2024\n  url: file:///etc/passwd"),
    "source-url-with-a-space": variant("year: 2024", "year: 2024\n  url: https://a.org/x y"),
    "source-url-without-host": variant("year: 2024", "year: 2024\n  url: https:///page"),
    "source-url-as-a-list": variant("year: 2024", "year: 2024\n  url: [https://a.org]"),
    "empty-scale": variant("scale: yes-partly-no", "scale: []"),
    "scale-as-a-number": variant("scale: yes-partly-no", "scale: 5"),
    "custom-scale-value-as-text": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace("value: 0}", "value: none}")
    ),
    "custom-scale-value-as-boolean": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace("value: 0}", "value: false}")
    ),
    "custom-scale-without-value": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace(", value: 0}", "}")
    ),
    "custom-scale-unknown-key": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace("value: 0}", "value: 0, colour: red}")
    ),
    "custom-scale-option-as-text": variant("scale: yes-partly-no", "scale: [good, bad]"),
    "bands-above-100": variant(
        "scale: yes-partly-no", "scale: yes-partly-no\nbands: {green: 120, amber: 50}"
    ),
    "bands-without-amber": variant(
        "scale: yes-partly-no", "scale: yes-partly-no\nbands: {green: 80}"
    ),
    "bands-as-text": variant("scale: yes-partly-no", "scale: yes-partly-no\nbands: high"),
    "bands-as-words": variant(
        "scale: yes-partly-no", "scale: yes-partly-no\nbands: {green: high, amber: 50}"
    ),
    "no-sections": variant("sections:", "sections: []\nold_sections:"),
    "section-without-title": variant("    title: Second section\n", ""),
    "empty-questions": variant(
        "    questions:\n      - id: three\n        text: Is the third thing in place?\n",
        "    questions: []\n",
    ),
    "question-without-text": variant("        text: Is the third thing in place?\n", ""),
    "unknown-question-key": variant("weight: 2", "weight: 2\n        colour: red"),
    "unknown-kind": variant("weight: 2", "kind: multi"),
    "multiple-as-text": variant("weight: 2", "multiple: some"),
    "boolean-weight": variant("weight: 2", "weight: true"),
    "choices-on-a-scale-question": variant("weight: 2", "choices: [A, B]"),
    "null-choices-on-a-choice-question": variant(
        "text: Is the third thing in place?", "text: Who?\n        kind: choice\n        choices:"
    ),
    "blank-choice": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        choices: [A, ' ']",
    ),
    "choice-as-a-list": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        choices: [A, [B]]",
    ),
    "choice-without-label": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        choices: [A, {key: b}]",
    ),
    "choice-unknown-key": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        choices: [A, {key: b, label: B, colour: red}]",
    ),
    "when-as-text": variant("weight: 2", "when: first.one"),
    "when-without-answer": variant("weight: 2", "when: {question: first.one}"),
    "when-unknown-key": variant("weight: 2", "when: {question: first.one, answer: yes, or: no}"),
    "when-question-as-a-number": variant("weight: 2", "when: {question: 5, answer: yes}"),
    "when-question-not-a-full-id": variant("weight: 2", "when: {question: one, answer: yes}"),
    "when-empty-answer-list": variant("weight: 2", "when: {question: first.one, answer: []}"),
    "when-null-answer": variant("weight: 2", "when: {question: first.one, answer: null}"),
    "when-answer-as-a-mapping": variant(
        "weight: 2", "when: {question: first.one, answer: {key: yes}}"
    ),
}

LOADER_ONLY = {
    "duplicate-section": variant("id: second", "id: first"),
    "duplicate-question": variant("id: two", "id: one"),
    "when-unknown-question": variant("weight: 2", "when: {question: first.nine, answer: yes}"),
    "when-later-question": variant("weight: 2", "when: {question: second.three, answer: yes}"),
    "when-unknown-answer": variant("weight: 2", "when: {question: first.one, answer: maybe}"),
    "duplicate-option-key": variant(
        "scale: yes-partly-no", CUSTOM_SCALE.replace("key: bad", "key: good")
    ),
    "duplicate-choice": variant(
        "text: Is the third thing in place?",
        "text: Who?\n        kind: choice\n        choices: [A, a]",
    ),
    "amber-above-green": variant(
        "scale: yes-partly-no", "scale: yes-partly-no\nbands: {green: 50, amber: 75}"
    ),
    "whole-number-as-float-year": variant("year: 2024", "year: 2024.0"),
    "whole-number-as-float-id": variant("id: second", "id: 2.0"),
    "nan-weight": variant("weight: 2", "weight: .nan"),
}


@pytest.mark.parametrize("text", ACCEPTED.values(), ids=ACCEPTED.keys())
def test_both_accept(text: str) -> None:
    assert (loader_accepts(text), schema_accepts(text)) == (True, True)


@pytest.mark.parametrize("text", REJECTED.values(), ids=REJECTED.keys())
def test_both_reject(text: str) -> None:
    assert (loader_accepts(text), schema_accepts(text)) == (False, False)


@pytest.mark.parametrize("text", LOADER_ONLY.values(), ids=LOADER_ONLY.keys())
def test_what_only_the_loader_can_check(text: str) -> None:
    assert (loader_accepts(text), schema_accepts(text)) == (False, True)


def _errors(text: str) -> list[Any]:
    return list(VALIDATOR.iter_errors(parse_text(text, "x.yaml")))


def test_the_schema_points_at_the_field(tmp_path: Path) -> None:
    errors = _errors(variant("weight: 2", "weight: -1"))

    assert [list(e.absolute_path) for e in errors] == [["sections", 0, "questions", 1, "weight"]]
