"""The JSON Schemas that ship with collabcheck, each found by name from its file NAME.schema.json.

``checklist`` describes checklist files, for editors and validators; ``result`` describes what
``run --format json`` writes. ``collabcheck schema NAME`` prints one.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from collabcheck.errors import UsageError

SUFFIX = ".schema.json"


def names() -> list[str]:
    """The names of the shipped schemas, sorted."""
    folder = resources.files(__name__)
    return sorted(
        item.name.removesuffix(SUFFIX) for item in folder.iterdir() if item.name.endswith(SUFFIX)
    )


def text(name: str) -> str:
    """The schema ``name`` as JSON text; UsageError naming the known ones if there is none."""
    if name not in names():
        raise UsageError(f"no schema {name!r}; known schemas: {', '.join(names())}")
    return (resources.files(__name__) / f"{name}{SUFFIX}").read_text(encoding="utf-8")


def load(name: str) -> dict[str, Any]:
    """The schema ``name``, parsed."""
    data: dict[str, Any] = json.loads(text(name))
    return data
