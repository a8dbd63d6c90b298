"""Checking what collabcheck writes against the JSON Schemas it ships."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import jsonschema


def schema(name: str) -> dict[str, Any]:
    text = (resources.files("collabcheck") / "schemas" / f"{name}.schema.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def assert_valid(name: str, document: Any) -> None:
    """Fail with the schema's own message when ``document`` does not fit."""
    validator = jsonschema.Draft202012Validator(
        schema(name), format_checker=jsonschema.FormatChecker()
    )
    validator.validate(document)
