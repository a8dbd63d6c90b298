"""Markdown: the blank worksheet (``show --format md``) and the result report."""

from __future__ import annotations

from collabcheck.model import Checklist, Question, QuestionKind, Status, is_low_answer
from collabcheck.render.escape import md_block, md_inline
from collabcheck.result import Outcome, Result
from collabcheck.scoring import Tally

BOX = "\u2610"  # ☐ prints as a tick box on paper and on GitHub alike


def worksheet(checklist: Checklist) -> str:
    """Every question with tick boxes for its options and a line for notes."""
    out = [f"# {md_inline(checklist.title)}", ""]
    out.append(
        f"*Source: {md_inline(checklist.source.credit())}. Checklist version "
        f"{md_inline(checklist.version)}.*"
    )
    out += ["", md_block(checklist.description), ""]
    out += ["| Organisation | Respondent | Role | Date |", "|---|---|---|---|", "| | | | |", ""]
    for s_index, section in enumerate(checklist.sections, 1):
        out += [f"## {s_index}. {md_inline(section.title)}", ""]
        if section.intro:
            out += [md_block(section.intro), ""]
        for q_index, question in enumerate(section.questions, 1):
            out += _question(checklist, f"{s_index}.{q_index}", question)
    out.append(f"*Checklist `{checklist.id}`, written for collabcheck.*")
    return "\n".join(out) + "\n"


def _question(checklist: Checklist, number: str, question: Question) -> list[str]:
    label = f"{md_inline(question.label)}: " if question.label else ""
    lines = [f"**{number}** {label}{md_inline(question.text)}", ""]
    if question.when:
        answers = " or ".join(question.when.answers)
        lines += [f"*Answer only if {question.when.question} is {md_inline(answers)}.*", ""]
    if question.help:
        lines += [f"> {md_inline(question.help)}", ""]
    if question.kind is QuestionKind.SCALE:
        options = [o.label for o in checklist.scale.options]
    elif question.kind is QuestionKind.CHOICE:
        options = [c.label for c in question.choices]
        lines += ["*Tick all that apply.*" if question.multiple else "*Tick one.*", ""]
    else:
        options = []
    if options:
        lines += ["\u2003".join(f"{BOX} {md_inline(o)}" for o in options), ""]
    lines += ["Notes: " + "\\_" * 60, ""]
    return lines


# --- the result report -----------------------------------------------------------------------


def _percent(score: float | None) -> str:
    return "\u2013" if score is None else f"{round(score, 1):.1f}%"


def _rating(rating: str | None) -> str:
    return rating or "no score"


def _numbers(result: Result) -> dict[str, str]:
    """Each question's number as shown on the worksheet (section.question)."""
    numbers: dict[str, str] = {}
    order = [sid for sid, _ in result.checklist.sections]
    counts: dict[str, int] = {}
    for o in result.outcomes:
        counts[o.section] = counts.get(o.section, 0) + 1
        numbers[o.id] = f"{order.index(o.section) + 1}.{counts[o.section]}"
    return numbers


def _question_text(o: Outcome) -> str:
    label = f"{md_inline(o.label)}: " if o.label else ""
    return label + md_inline(o.text)


def _counts(t: Tally) -> str:
    return (
        f"{t.answered} answered \u00b7 {t.excluded} not applicable \u00b7 "
        f"{t.dont_know} don't know \u00b7 {t.skipped} skipped"
    )


def priority_gaps(result: Result) -> list[Outcome]:
    """Low answers to work on: the lowest first (No before Don't know before Partly), then the
    heavier weights, then checklist order."""
    gaps = [
        o
        for o in result.outcomes
        if o.status is Status.ANSWERED
        and o.kind is QuestionKind.SCALE
        and isinstance(o.answer, str)
        and is_low_answer(o.answer, o.value)
    ]
    return sorted(gaps, key=lambda o: (o.value or 0.0, o.dont_know, -o.weight))


def report(result: Result) -> str:
    """The result as a Markdown report that reads well on GitHub and on paper."""
    info, meta, scores = result.checklist, result.meta, result.scores
    numbers = _numbers(result)
    out = [f"# {md_inline(info.title)}: report", ""]
    out += [
        f"*Source: {md_inline(info.source.credit())}. "
        f"Checklist `{info.id}`, version {md_inline(info.version)}.*",
        "",
        "| Organisation | Respondent | Role | Completed |",
        "|---|---|---|---|",
        "| "
        + " | ".join(
            md_inline(v) if v else "\u2013"
            for v in (meta.organisation, meta.respondent, meta.role, _date(meta.completed_at))
        )
        + " |",
        "",
    ]
    overall = scores.overall
    out += [
        f"## Overall: {_percent(overall.score)} ({_rating(overall.rating)})",
        "",
        _counts(overall) + ".",
        "",
        "| Section | Score | Rating | Answered | Not applicable | Don't know | Skipped |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        out.append(
            f"| {index}. {md_inline(section.title)} | {_percent(t.score)} | {_rating(t.rating)} "
            f"| {t.answered} | {t.excluded} | {t.dont_know} | {t.skipped} |"
        )
    out += ["", "## Priority gaps", ""]
    gaps = priority_gaps(result)
    if not gaps:
        out += ["None: no answer below the top of the scale.", ""]
    for o in gaps:
        weight = f" *(weight {o.weight:g})*" if o.weight != 1 else ""
        out.append(
            f"- **{md_inline(o.answer_label or '')}**: {numbers[o.id]} {_question_text(o)}"
            f"{weight}{_note(o)}"
        )
    out += ["", "## Knowledge gaps", ""]
    unknown = [o for o in result.outcomes if o.dont_know and o.status is Status.ANSWERED]
    if not unknown:
        out += ["None: every question answered was known.", ""]
    for o in unknown:
        out.append(f"- {numbers[o.id]} {_question_text(o)}{_note(o)}")
    out += ["", "## All answers", ""]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        out += [
            f"### {index}. {md_inline(section.title)}: {_percent(t.score)} ({_rating(t.rating)})",
            "",
            "| # | Question | Answer | Note |",
            "|---|---|---|---|",
        ]
        for o in result.outcomes:
            if o.section == section.id:
                out.append(
                    f"| {numbers[o.id]} | {_question_text(o)} | {_answer_cell(o)} "
                    f"| {md_inline(o.note) if o.note else ''} |"
                )
        out.append("")
    out.append(
        f"*Written by collabcheck {md_inline(meta.tool_version)}. Scores are "
        f"100 \u00d7 weighted mean of the answers (Yes or Strongly agree = 1); green at "
        f"{info.bands.green:g} or more, amber at {info.bands.amber:g} or more, red below.*"
    )
    return "\n".join(out) + "\n"


def _note(o: Outcome) -> str:
    return f" \u2014 *Note: {md_inline(o.note)}*" if o.note else ""


def _answer_cell(o: Outcome) -> str:
    if o.status is Status.HIDDEN:
        return "*not asked*"
    if o.status is Status.SKIPPED:
        return "*skipped*"
    return md_inline(o.answer_label or "")


def _date(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp else None
