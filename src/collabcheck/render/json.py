"""JSON: the parsed checklist (``show -f json``), the result (``collabcheck/result/v1``), the team
result (``collabcheck/team/v1``) and the comparison (``collabcheck/compare/v1``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from collabcheck.model import Checklist, Question, QuestionKind, ScaleOption, Stages
from collabcheck.render.wording import ours
from collabcheck.result import SCHEMA as RESULT_SCHEMA
from collabcheck.result import Result
from collabcheck.scoring import Tally, round_half_up

if TYPE_CHECKING:  # imported when used: run and report need neither
    from collabcheck.compare import Comparison, Scorecard, ScoreChange
    from collabcheck.team import (
        GroupDifference,
        GroupFigure,
        Stats,
        TeamQuestion,
        TeamResult,
        TeamScore,
    )


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
        "staged": checklist.staged,
        "sections": [
            {
                "id": s.id,
                "title": s.title,
                "intro": s.intro,
                "throughout": s.throughout,
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


def _tally_dict(t: Tally) -> dict[str, Any]:
    return {
        "score": t.rounded,
        "rating": t.rating,
        "answered": t.answered,
        "excluded": t.excluded,
        "dont_know": t.dont_know,
        "skipped": t.skipped,
        "hidden": t.hidden,
        "not_reached": t.not_reached,
        "questions": t.questions,
    }


def stages_dict(stages: Stages | None) -> dict[str, Any] | None:
    """A staged checklist's stages as a result records them (None: not staged)."""
    if stages is None:
        return None
    return {"throughout": [sid for sid in stages.sections if sid in stages.throughout]}


def _options(options: Sequence[ScaleOption]) -> list[dict[str, Any]]:
    return [{"key": o.key, "label": o.label, "value": o.value} for o in options]


def result_dict(result: Result) -> dict[str, Any]:
    """The result as ``collabcheck/result/v1`` JSON data."""
    info = result.checklist
    return {
        "schema": RESULT_SCHEMA,
        "checklist": {
            "id": info.id,
            "title": info.title,
            "version": info.version,
            "source": info.source.as_dict(),
            "scale": info.scale,
            "scale_options": _options(info.scale_options),
            "bands": {"green": info.bands.green, "amber": info.bands.amber},
            "stages": stages_dict(info.stages),
        },
        "stage": result.stage,
        "meta": {
            "organisation": result.meta.organisation,
            "respondent": result.meta.respondent,
            "role": result.meta.role,
            "started_at": result.meta.started_at,
            "completed_at": result.meta.completed_at,
            "tool_version": result.meta.tool_version,
        },
        "answers": [
            {
                "id": o.id,
                "section": o.section,
                "status": o.status.value,
                "answer": o.answer,
                "value": o.value,
                "note": o.note,
                "label": o.label,
                "text": o.text,
                "kind": o.kind.value,
                "weight": o.weight,
                "answer_label": o.answer_label,
                "dont_know": o.dont_know,
            }
            for o in result.outcomes
        ],
        "scores_note": ours(info.bands),
        "scores": {
            "overall": _tally_dict(result.scores.overall),
            "sections": [
                {
                    "id": s.id,
                    "title": s.title,
                    "reached": s.id in result.reached,
                    **_tally_dict(s.tally),
                }
                for s in result.scores.sections
            ],
        },
        "gaps": {
            "priority": [o.id for o in result.priority_gaps],
            "in_part": [o.id for o in result.in_part],
            "knowledge": [o.id for o in result.knowledge_gaps],
        },
    }


def result(result: Result) -> str:
    """The result as ``collabcheck/result/v1`` JSON."""
    return json.dumps(result_dict(result), indent=2, ensure_ascii=False) + "\n"


# --- team results (collabcheck/team/v1) ---------------------------------------------------------


def _rounded(score: float | None) -> float | None:
    return None if score is None else round_half_up(score)


def _team_score(score: TeamScore) -> dict[str, Any]:
    return {
        "score": score.rounded,
        "rating": score.rating,
        "lowest": _rounded(score.lowest),
        "highest": _rounded(score.highest),
        "respondents": score.respondents,
    }


def _stats(stats: Stats) -> dict[str, Any]:
    return {
        "answered": stats.answered,
        "excluded": stats.excluded,
        "dont_know": stats.dont_know,
        "skipped": stats.skipped,
        "hidden": stats.hidden,
        "not_reached": stats.not_reached,
        "counts": {c.key: c.count for c in stats.counts},
        "mean": stats.mean,
        "sd": stats.sd,
        "lowest": stats.lowest,
        "highest": stats.highest,
        "range": stats.range,
        "disagreement": stats.disagreement,
        "notes": list(stats.notes),
    }


def _team_question(question: TeamQuestion) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": question.id,
        "section": question.section,
        "number": question.number,
        "text": question.text,
        "label": question.label,
        "kind": question.kind.value,
        "weight": question.weight,
        **_stats(question.stats),
    }
    if question.kind is QuestionKind.CHOICE:
        data["choices"] = {c.key: c.label for c in question.stats.counts}
    return data


def _difference(d: GroupDifference) -> dict[str, Any]:
    def figure(f: GroupFigure) -> dict[str, Any]:
        value = _rounded(f.value) if d.is_section else f.value
        return {"group": f.group, "value": value, "answered": f.answered}

    high, low = figure(d.highest), figure(d.lowest)
    return {
        "kind": "section" if d.is_section else "question",
        "id": d.id,
        "number": d.number,
        "highest": high,
        "lowest": low,
        "difference": round_half_up(high["value"] - low["value"], 1)
        if d.is_section
        else d.difference,
    }


def team_dict(team: TeamResult) -> dict[str, Any]:
    """The team result as ``collabcheck/team/v1`` JSON data."""
    from collabcheck.team import SCHEMA as TEAM_SCHEMA

    info = team.checklist
    return {
        "schema": TEAM_SCHEMA,
        "checklist": {
            "id": info.id,
            "title": info.title,
            "version": info.version,
            "versions": list(team.versions),
            "source": info.source.as_dict(),
            "scale": info.scale,
            "bands": {"green": info.bands.green, "amber": info.bands.amber},
            "stages": stages_dict(info.stages),
        },
        "stages": [
            {"stage": s.id, "title": s.title, "respondents": s.members} for s in team.stages
        ],
        "respondents": team.respondents,
        "named": team.options.named,
        "by": team.options.by.value if team.options.by else None,
        "min_group": team.options.min_group,
        "members": [
            {
                "number": m.number,
                "respondent": m.respondent,
                "role": m.role,
                "organisation": m.organisation,
                "score": _rounded(m.score),
                "rating": m.rating,
            }
            for m in team.roster
        ],
        "scale": [{"key": o.key, "label": o.label, "value": o.value} for o in team.scale],
        "scores_note": ours(info.bands),
        "scores": {
            "overall": _team_score(team.overall),
            "sections": [
                {"id": s.id, "title": s.title, "reached": s.reached, **_team_score(s.score)}
                for s in team.sections
            ],
        },
        "notes": team.options.notes,
        "disagreements": [q.id for q in team.disagreements],
        "differences": [_difference(d) for d in team.differences],
        "unknown": [q.id for q in team.unknown],
        "weakest": [q.id for q in team.weakest],
        "questions": [_team_question(q) for q in team.questions],
        "groups": [
            {
                "name": g.name,
                "size": g.size,
                "shown": g.shown,
                "scores": None
                if g.overall is None or g.sections is None
                else {
                    "overall": _team_score(g.overall),
                    "sections": [
                        {"id": s.id, **_team_score(score)}
                        for s, score in zip(team.sections, g.sections, strict=True)
                    ],
                },
                "questions": None
                if g.questions is None
                else [
                    {"id": q.id, **_stats(stats)}
                    for q, stats in zip(team.questions, g.questions, strict=True)
                ],
            }
            for g in team.groups
        ],
    }


def team(team: TeamResult) -> str:
    """The team result as ``collabcheck/team/v1`` JSON."""
    return json.dumps(team_dict(team), indent=2, ensure_ascii=False) + "\n"


# --- comparisons (collabcheck/compare/v1) -------------------------------------------------------


def _side(card: Scorecard) -> dict[str, Any]:
    return {
        "file": card.name,
        "kind": card.kind.value,
        "version": card.version,
        "respondents": card.respondents,
        "respondent": card.respondent,
        "organisation": card.organisation,
        "completed_at": card.completed_at,
        "stage": card.stage,
    }


def _score_change(change: ScoreChange) -> dict[str, Any]:
    return {
        "id": change.id,
        "title": change.title,
        "before": change.before,
        "after": change.after,
        "change": change.change,
        "rating_before": change.rating_before,
        "rating_after": change.rating_after,
        "moved": change.moved,
        "reached_before": change.reached_before,
        "reached_after": change.reached_after,
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The comparison as ``collabcheck/compare/v1`` JSON data."""
    from collabcheck.compare import SCHEMA as COMPARE_SCHEMA

    after = comparison.after
    return {
        "schema": COMPARE_SCHEMA,
        "checklist": {
            "id": after.checklist_id,
            "title": after.checklist_title,
            "source": after.source.as_dict() if after.source else None,
        },
        "before": _side(comparison.before),
        "after": _side(after),
        "scores_note": ours(after.bands),
        "overall": _score_change(comparison.overall),
        "sections": [_score_change(s) for s in comparison.sections],
        "ratings_moved": [c.id for c in comparison.ratings_moved],
        "questions": [
            {
                "id": q.id,
                "section": q.section,
                "number": q.number,
                "text": q.text,
                "label": q.label,
                "before": q.before,
                "after": q.after,
                "change": q.change,
                "answer_before": q.answer_before,
                "answer_after": q.answer_after,
            }
            for q in comparison.questions
        ],
        "improved": [q.id for q in comparison.improved],
        "worse": [q.id for q in comparison.worse],
    }


def comparison(comparison: Comparison) -> str:
    """The comparison as ``collabcheck/compare/v1`` JSON."""
    return json.dumps(comparison_dict(comparison), indent=2, ensure_ascii=False) + "\n"
