"""Any input either loads or raises the project's own error with a message: never another
exception. Property tests with hypothesis, plus the hostile cases as fixed tests."""

from __future__ import annotations

import json
import string
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from collabcheck.answers import parse_answers
from collabcheck.errors import AnswersError, ChecklistError, FileReadError, ResultError
from collabcheck.loader import parse_checklist
from collabcheck.render.json import result_dict
from collabcheck.result import build
from collabcheck.result_reader import parse_result
from collabcheck.yamlfile import parse_text
from tests.conftest import MINIMAL

FUZZ = settings()  # the profile chosen in conftest.py: quick unless --hypothesis-profile

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(["yes", "no", "partly", "n/a", "dont-know", "first.one", "tiny"]),
)
keys = st.one_of(
    st.text(max_size=10),
    st.sampled_from(
        [
            "id",
            "title",
            "version",
            "source",
            "description",
            "scale",
            "bands",
            "sections",
            "questions",
            "text",
            "weight",
            "kind",
            "choices",
            "when",
            "question",
            "answer",
            "answers",
            "checklist",
            "note",
            "schema",
            "meta",
            "scores",
            "status",
            "value",
        ]
    ),
)
documents = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=5), st.dictionaries(keys, children, max_size=6)
    ),
    max_leaves=30,
)


def checklist() -> Any:
    return parse_checklist(parse_text(MINIMAL, "tiny.yaml"), "tiny.yaml")


def load_checklist_text(text: str) -> None:
    try:
        parse_checklist(parse_text(text, "fuzz.yaml"), "fuzz.yaml")
    except FileReadError as exc:
        assert str(exc).startswith("fuzz.yaml")
    except ChecklistError as exc:
        assert exc.problems and all(p.file == "fuzz.yaml" for p in exc.problems)


@FUZZ
@given(st.text(alphabet=string.printable + "\u00e9\u2013\ufeff", max_size=300))
def test_checklist_loader_on_any_text(text: str) -> None:
    load_checklist_text(text)


@FUZZ
@given(st.data())
def test_checklist_loader_on_a_mutated_valid_file(data: st.DataObject) -> None:
    lines = MINIMAL.splitlines()
    for _ in range(data.draw(st.integers(1, 4))):
        index = data.draw(st.integers(0, len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "replace", "duplicate", "indent"]))
        if action == "drop":
            del lines[index]
        elif action == "replace":
            key, _, _ = lines[index].partition(":")
            value = data.draw(scalars)
            lines[index] = f"{key}: {json.dumps(value)}"
        elif action == "duplicate":
            lines.insert(index, lines[index])
        else:
            lines[index] = "  " + lines[index]
        if not lines:
            break
    load_checklist_text("\n".join(lines))


@FUZZ
@given(documents)
def test_checklist_loader_on_any_structure(document: Any) -> None:
    load_checklist_text(yaml.safe_dump(document))


@FUZZ
@given(documents)
def test_answers_reader_on_any_structure(document: Any) -> None:
    try:
        parse_answers(parse_text(yaml.safe_dump(document), "answers.yaml"), checklist(), "a.yaml")
    except AnswersError as exc:
        assert exc.problems and all(p.file == "a.yaml" for p in exc.problems)


@FUZZ
@given(st.dictionaries(st.sampled_from(["first.one", "first.two", "second.three", "x"]), documents))
def test_answers_reader_on_any_answers(answers: dict[str, Any]) -> None:
    try:
        parse_answers({"answers": answers}, checklist(), "a.yaml")
    except AnswersError as exc:
        assert all(p.file == "a.yaml" for p in exc.problems)


def valid_result() -> dict[str, Any]:
    from collabcheck.model import Answer
    from collabcheck.result import Meta

    answers = {"first.one": Answer("yes"), "first.two": Answer("dont-know", "note")}
    return result_dict(build(checklist(), answers, Meta(started_at="2026-01-01T00:00:00+00:00")))


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every key path into ``data`` (the places a field can be broken)."""
    found = [prefix] if prefix else []
    if isinstance(data, dict):
        for key, value in data.items():
            found += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += paths(value, (*prefix, index))
    return found


def replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(data))
    target = copy
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return copy


def read_result_data(data: Any) -> None:
    try:
        parse_result(data, "result.json")
    except ResultError as exc:
        assert exc.problems and all(p.file == "result.json" for p in exc.problems)


@FUZZ
@given(st.data())
def test_result_reader_with_any_field_broken(data: st.DataObject) -> None:
    result = valid_result()
    path = data.draw(st.sampled_from(paths(result)))
    read_result_data(replaced(result, path, data.draw(documents)))


@FUZZ
@given(documents)
def test_result_reader_on_any_structure(document: Any) -> None:
    read_result_data(document)


WRONG_TYPES: list[Any] = [None, True, 7, 1.5, "text", [], {}, ["a", 1]]


@pytest.mark.parametrize("wrong", WRONG_TYPES, ids=repr)
def test_result_with_wrong_types_in_every_field(wrong: Any) -> None:
    result = valid_result()
    for path in paths(result):
        if path == ("schema",):
            continue
        read_result_data(replaced(result, path, wrong))


def test_result_with_every_field_wrong_at_once_names_them() -> None:
    result = valid_result()
    result["checklist"]["title"] = 5
    result["meta"]["organisation"] = ["x"]
    result["answers"][0]["status"] = "maybe"
    result["scores"]["sections"] = "none"

    with pytest.raises(ResultError) as raised:
        parse_result(result, "result.json")

    fields = {p.field for p in raised.value.problems}
    assert {
        "checklist.title",
        "meta.organisation",
        "answers[0].status",
        "scores.sections",
    } <= fields
