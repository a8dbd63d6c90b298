"""JSON: the parsed checklist (``show -f json``) and the result (``collabcheck/result/v1``)."""

from __future__ import annotations

import json
from typing import Any

from collabcheck.model import Checklist, Question, QuestionKind
from collabcheck.result import Result, to_dict


def checklist_dict(checklist: Checklist) -> dict[str, Any]:
    """The checklist with its scale spelled out and every question's full id."""
    return {
        "schema": "collabcheck/checklist/v1",
        "id": checklist.id,
        "title": checklist.title,
        "version": checklist.version,
        "source": checklist.source.as_dict(),
        "description": checklist.description,
        "scale": {
            "id": checklist.scale.id,
            "options": [
                {"key": o.key, "label": o.label, "value": o.value} for o in checklist.scale.options
            ],
        },
        "bands": {"green": checklist.bands.green, "amber": checklist.bands.amber},
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "intro": s.intro,
                "questions": [_question(q) for q in s.questions],
            }
            for s in checklist.sections
        ],
    }


def _question(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "text": question.text,
        "label": question.label,
        "help": question.help,
        "kind": question.kind.value,
        "weight": question.weight,
    }
    if question.kind is QuestionKind.CHOICE:
        data["choices"] = [{"key": c.key, "label": c.label} for c in question.choices]
        data["multiple"] = question.multiple
    if question.when:
        data["when"] = {"question": question.when.question, "answer": list(question.when.answers)}
    return data


def checklist(checklist: Checklist) -> str:
    return json.dumps(checklist_dict(checklist), indent=2, ensure_ascii=False) + "\n"


def result(result: Result) -> str:
    """The result as ``collabcheck/result/v1`` JSON."""
    return json.dumps(to_dict(result), indent=2, ensure_ascii=False) + "\n"
