"""A checklist as plain text, for reading on a terminal (``show --format text``)."""

from __future__ import annotations

import textwrap

from collabcheck.model import Checklist, Question, QuestionKind
from collabcheck.render import wording


def checklist(checklist: Checklist) -> str:
    """The checklist's title, credit, description and every question, numbered."""
    wrap = textwrap.TextWrapper(width=88)
    lines = [checklist.title, "=" * len(checklist.title), ""]
    lines.append(f"Source: {checklist.source.credit()}")
    lines.append(f"Id: {checklist.id}   Version: {checklist.version}   Scale: " + _scale(checklist))
    lines += ["", *wrap.wrap(" ".join(checklist.description.split())), ""]
    for s_index, section in enumerate(checklist.sections, 1):
        heading = f"{s_index}. {section.title}"
        lines += [heading, "-" * len(heading)]
        if section.intro:
            lines += [*wrap.wrap(" ".join(section.intro.split())), ""]
        for question in section.questions:
            lines += _question(checklist, question, wrap)
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _scale(checklist: Checklist) -> str:
    return " / ".join(o.label for o in checklist.scale.options)


def _question(checklist: Checklist, question: Question, wrap: textwrap.TextWrapper) -> list[str]:
    number = checklist.numbers[question.id]
    label = f"{question.label}: " if question.label else ""
    head = textwrap.TextWrapper(
        width=88, initial_indent=f"{number} ", subsequent_indent=" " * (len(number) + 1)
    )
    lines = head.wrap(label + " ".join(question.text.split()))
    indent = " " * (len(number) + 1)
    extra: list[str] = []
    if question.kind is QuestionKind.CHOICE:
        pick = "choose any" if question.multiple else "choose one"
        extra.append(f"({pick}: {'; '.join(c.label for c in question.choices)})")
    elif question.kind is QuestionKind.TEXT:
        extra.append("(free text)")
    if question.weight != 1:
        extra.append(f"(weight {question.weight:g})")
    condition = wording.condition(checklist, question)
    if condition:
        extra.append(f"(asked if {condition})")
    if question.help:
        extra += wrap.wrap(" ".join(question.help.split()))
    lines += [indent + line for line in extra]
    return lines
