"""``collabcheck new``: a starter checklist to edit, or a copy of an existing one to adapt.

Every file written here validates as it is and starts with a ``yaml-language-server`` comment
that points editors at ``checklist.schema.json`` beside it (see docs/writing-checklists.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from collabcheck.catalog import resolve
from collabcheck.errors import CollabcheckError, OutputExistsError, UsageError
from collabcheck.loader import ID_PATTERN
from collabcheck.loader import _slug as choice_key
from collabcheck.model import BUILTIN_SCALES, Bands, Checklist, Question, QuestionKind, Section

SCHEMA_FILE = "checklist.schema.json"
"""Where new files expect the schema: beside them (``collabcheck schema checklist -o ...``)."""

MODELINE = f"# yaml-language-server: $schema=./{SCHEMA_FILE}"
"""The first line of every file ``new`` writes; the path is relative to the checklist file."""

_STARTER = """\
{modeline}
#
# A collabcheck checklist. Every field is shown below with a comment saying what it does;
# delete the comments you no longer need, and the example questions once you have your own.
# Check it with:  collabcheck validate {file}   (--strict also fails on warnings)
# Print it with:  collabcheck show {file} --format md
# The guide: docs/writing-checklists.md in collabcheck's source.

# What people type to run it. Lowercase letters, digits, '-' or '_'. Keep the file name the
# same (ID.yaml): in a checklist folder collabcheck finds checklists by their file name.
{id_line}
# Shown on every worksheet and report.
{title_line}
# Raise the version when you change the questions, so results can be told apart.
version: "1"
# The document the questions come from: every report credits it. publisher and title are
# required; year, author and url are optional.
source:
  publisher: Your organisation
  title: Your own questions
  # year: 2025
  # author: A. Person
  # url: https://example.org/where-the-questions-come-from
# What the checklist is for and who should answer it; shown at the top of worksheets and reports.
# ">-" starts a block of text over several lines, joined into one paragraph.
description: >-
  Write here what this checklist is for, who should answer it, and when. It is shown at
  the top of the worksheet and of every report.
# How scored questions are answered: yes-partly-no (Yes 1, Partly 0.5, No 0) or agree-5
# (Strongly agree 1 ... Strongly disagree 0); both add Don't know (scores 0 and is listed as
# a knowledge gap) and Not applicable (left out of the score). Or list your own options: each
# has a key (what answers files store), a label (what people see) and a value from 0 to 1,
# or null to leave the question out of the score. A key of dont-know is a knowledge gap:
#   scale:
#     - {{key: always, label: Always, value: 1}}
#     - {{key: sometimes, label: Sometimes, value: 0.5}}
#     - {{key: never, label: Never, value: 0}}
#     - {{key: dont-know, label: Don't know, value: 0}}
#     - {{key: n/a, label: Not applicable, value: null}}
scale: yes-partly-no
# Optional. Scores run from 0 to 100: green at `green` or more, amber at `amber` or more, red
# below. These are the defaults.
bands:
  green: 75
  amber: 50
sections:
  # Each section is scored on its own, and in the overall score. Its id is the first part of
  # each of its questions' full ids (SECTION.QUESTION).
  - id: purpose
    title: Shared purpose
    # Optional: shown before the section's first question.
    intro: >-
      Partners agree what they are doing together, and why.
    questions:
      # A scored question, answered on the scale above. Its full id is purpose.shared-aims.
      - id: shared-aims
        # Optional: a short name shown before the question in reports.
        label: Shared aims
        text: Have the partners agreed the aims of the collaboration?
        # Optional: shown under the question. A good place for the source's own words.
        help: >-
          Written down and agreed by each partner, not only discussed.
      - id: aims-reviewed
        text: Have the aims been reviewed in the last year?
        # Optional: ask this question only when an earlier answer is one of these keys.
        # Give the earlier question's full id. Scale keys: yes, partly, no, dont-know, n/a.
        when:
          question: purpose.shared-aims
          answer: [yes, partly]
      - id: who-benefits
        text: Is it clear who the collaboration is for?
        # Optional: how much the question counts in the score (default 1).
        weight: 2

  - id: people
    title: People
    questions:
      - id: who-is-involved
        text: Who is involved in the collaboration?
        # Not scored: pick one of a list, or several with multiple: true. A choice's key is
        # its text in lowercase with '-' between words (service-users-and-carers), or give
        # one yourself: {{key: others, label: Someone else}}. Use these keys in `when`.
        kind: choice
        multiple: true
        choices:
          - Staff
          - Service users and carers
          - Voluntary organisations
          - {{key: others, label: Someone else}}
      - id: carers-heard
        text: Are the views of service users and carers acted on?
        when:
          question: people.who-is-involved
          answer: service-users-and-carers
      - id: next-step
        # Not scored: answered in the person's own words.
        kind: text
        text: What is the next step for the collaboration?
"""


@dataclass(frozen=True)
class Created:
    """What ``create`` wrote."""

    path: Path
    schema_path: Path
    """Where the file's first line expects the checklist schema."""

    @property
    def schema_missing(self) -> bool:
        return not self.schema_path.exists()


def create(
    checklist_id: str,
    *,
    output: Path | None = None,
    force: bool = False,
    from_ref: str | None = None,
    title: str | None = None,
    extra_dirs: Iterable[Path] = (),
) -> Created:
    """Write a starter checklist, or a copy of ``from_ref`` (an id or a path), and say where.

    The file goes to ``output`` (or into it, if it is a folder), by default ``./ID.yaml``. An
    existing file is kept unless ``force``.
    """
    if not ID_PATTERN.match(checklist_id):
        raise UsageError(
            f"{checklist_id!r} is not a checklist id: use lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit"
        )
    path = target(checklist_id, output)
    if path.exists() and not force:
        raise OutputExistsError(f"{path} already exists; use --force to replace it")
    if from_ref is None:
        text = starter(checklist_id, title, path.name)
    else:
        text = adapted(resolve(from_ref, extra_dirs), checklist_id, title, path.name)
    _write(path, text)
    return Created(path=path, schema_path=path.parent / SCHEMA_FILE)


def target(checklist_id: str, output: Path | None) -> Path:
    """The file ``new`` writes: ``output``, ``output/ID.yaml`` for a folder, or ``./ID.yaml``."""
    if output is None:
        return Path(f"{checklist_id}.yaml")
    if output.is_dir():
        return output / f"{checklist_id}.yaml"
    return output


def _write(path: Path, text: str) -> None:
    from collabcheck.textfiles import write_atomic

    try:
        write_atomic(path, text)
    except OSError as exc:
        raise CollabcheckError(f"{path}: cannot write: {exc.strerror or exc}") from None


def starter(checklist_id: str, title: str | None = None, file_name: str | None = None) -> str:
    """A checklist with a commented example of every field; it validates as it is."""
    shown_title = title or checklist_id.replace("-", " ").replace("_", " ").capitalize()
    return _STARTER.format(
        modeline=MODELINE,
        file=file_name or f"{checklist_id}.yaml",
        id_line=_dump({"id": checklist_id}).rstrip("\n"),
        title_line=_dump({"title": shown_title}).rstrip("\n"),
    )


def adapted(
    checklist: Checklist, checklist_id: str, title: str | None = None, file_name: str | None = None
) -> str:
    """``checklist`` as clean YAML under a new id and title, its source kept, at version 1."""
    new_title = title or f"{checklist.title} (adapted)"
    document: dict[str, Any] = {
        "id": checklist_id,
        "title": new_title,
        "version": "1",
        "source": checklist.source.as_dict(),
        "description": checklist.description,
        "scale": _scale(checklist),
    }
    if checklist.bands != Bands():
        document["bands"] = {
            "green": _number(checklist.bands.green),
            "amber": _number(checklist.bands.amber),
        }
    if checklist.staged:
        document["staged"] = True
    document["sections"] = [_section(s) for s in checklist.sections]
    header = [
        MODELINE,
        f"# Adapted from checklist {checklist.id!r}, version {checklist.version}.",
        f"# Check it with: collabcheck validate {file_name or f'{checklist_id}.yaml'}",
    ]
    lines = [*header, ""]
    in_sections = False
    for line in _dump(document).splitlines():
        # A blank line between sections, as in the bundled files. Sections come last, and below
        # "sections:" only a section starts a line with "  - " (its text is indented further).
        if in_sections and line.startswith("  - ") and lines[-1] != "sections:":
            lines.append("")
        in_sections = in_sections or line == "sections:"
        lines.append(line)
    return "\n".join(lines) + "\n"


def _scale(checklist: Checklist) -> str | list[dict[str, Any]]:
    scale = checklist.scale
    if BUILTIN_SCALES.get(scale.id) == scale:
        return scale.id
    return [
        {
            "key": o.key,
            "label": o.label,
            "value": None if o.value is None else _number(o.value),
        }
        for o in scale.options
    ]


def _section(section: Section) -> dict[str, Any]:
    data: dict[str, Any] = {"id": section.id, "title": section.title}
    if section.intro:
        data["intro"] = section.intro
    if section.throughout:
        data["throughout"] = True
    data["questions"] = [_question(q) for q in section.questions]
    return data


def _question(question: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": question.id.split(".", 1)[1]}
    if question.label:
        data["label"] = question.label
    data["text"] = question.text
    if question.help:
        data["help"] = question.help
    if question.kind is not QuestionKind.SCALE:
        data["kind"] = question.kind.value
    if question.multiple:
        data["multiple"] = True
    if question.kind is QuestionKind.CHOICE:
        # A plain label reads best; a key of the author's own has to be spelled out.
        data["choices"] = [
            c.label if c.key == choice_key(c.label) else {"key": c.key, "label": c.label}
            for c in question.choices
        ]
    if question.weight != 1:
        data["weight"] = _number(question.weight)
    if question.when:
        answers = list(question.when.answers)
        data["when"] = {
            "question": question.when.question,
            "answer": answers[0] if len(answers) == 1 else answers,
        }
    return data


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


class _Dumper(yaml.SafeDumper):
    """Block style with list items indented under their key, as people write YAML by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # Long text as a folded block (">-"), wrapped at the dump width; PyYAML falls back to a
    # quoted scalar by itself where a block cannot hold the text exactly.
    style = "|" if "\n" in value else ">" if len(value) > 72 else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def _dump(document: dict[str, Any]) -> str:
    return yaml.dump(
        document,
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=72,
    )
