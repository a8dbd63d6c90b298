"""A blank answers file (``show ID --format answers``): every question as a commented line with
its number, label and the answers it takes, ready to fill in and give to ``run --answers``."""

from __future__ import annotations

import textwrap

from collabcheck.model import Checklist, Question, QuestionKind
from collabcheck.render import wording


def _comment(text: str, indent: str) -> list[str]:
    """``text`` as YAML comment lines (its spacing collapsed, so nothing can end a comment)."""
    return textwrap.wrap(
        " ".join(text.split()),
        width=98,
        initial_indent=f"{indent}# ",
        subsequent_indent=f"{indent}# ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _allowed(checklist: Checklist, question: Question) -> str:
    if question.kind is QuestionKind.SCALE:
        return ", ".join(checklist.scale.keys)
    if question.kind is QuestionKind.CHOICE:
        keys = ", ".join(c.key for c in question.choices)
        return f"a list of any of {keys}" if question.multiple else f"one of {keys}"
    return "free text, in quotes"


def _stage_lines(checklist: Checklist) -> list[str]:
    """A staged checklist's ``stage:`` line, so the file is scored as ``run --stage`` scores it."""
    stages = checklist.stages
    if stages is None:
        return []
    note = (
        "The stage the work has reached (later stages are not asked or scored): "
        f"one of {', '.join(stages.steps)}"
    )
    return [*_comment(note, ""), "stage:"]


def blank(checklist: Checklist) -> str:
    """The answers file with nothing answered: uncomment a question's line and answer it."""
    out = _comment(
        f"Answers to {checklist.title} ({checklist.id}, version {checklist.version}).", ""
    )
    out += [
        "# Answer a question: remove the '# ' before its number and write an answer key after",
        '# the colon, e.g.  "1.2": partly   or, with a note,  "1.2": {answer: no, note: not yet}',
        "# A question left as a comment is asked (or, without a terminal, recorded as skipped).",
        f"# Then: collabcheck run {checklist.id} --answers THIS-FILE",
        f"checklist: {checklist.id}",
        "organisation:",
        "respondent:",
        "role:",
        *_stage_lines(checklist),
        "answers:",
    ]
    numbers = checklist.numbers
    for index, section in enumerate(checklist.sections, 1):
        out += ["", *_comment(f"{index}. {section.title}", "  ")]
        for question in section.questions:
            number = numbers[question.id]
            out += _comment(question.text, "  ")
            condition = wording.answer_only_if(checklist, question)
            if condition:
                out += _comment(condition, "  ")
            label = f"{question.label}: " if question.label else ""
            line = f'  # "{number}":  # {number} {label}{_allowed(checklist, question)}'
            out.append(" ".join(line.split("\n")))
    return "\n".join(out) + "\n"
