"""Markdown: the blank worksheet (``show --format md``) and the result report."""

from __future__ import annotations

from collabcheck.model import Checklist, Question, QuestionKind
from collabcheck.render.escape import md_block, md_inline

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
