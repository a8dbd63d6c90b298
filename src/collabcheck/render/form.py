"""The offline form: one self-contained HTML page that fills in a checklist and saves an answers
file (``collabcheck form``).

The page carries its own CSS and one inline script, named in its Content-Security-Policy by
hash, which also forbids every request. The script (templates/form.js) is the same for every
checklist: it reads the questions, their ``when`` conditions and the checklist's id and version
from the page, so no checklist text is ever inside the script, and Jinja2 escapes all of it
where it is (autoescape), in text and in attributes alike. Printed, the page is the paper
worksheet.

jinja2 is imported here only, and only the ``form`` command imports this module.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from collabcheck import __version__
from collabcheck.model import Checklist, Question, QuestionKind, is_web_address
from collabcheck.render import page_templates, wording
from collabcheck.render.escape import css_string

if TYPE_CHECKING:
    import jinja2


@dataclass(frozen=True)
class FormOption:
    """One radio button or tick box."""

    key: str
    label: str


@dataclass(frozen=True)
class FormQuestion:
    """A question as the form lays it out."""

    id: str
    anchor: str
    """The element id: ``q`` and the question's place, as checklist ids may hold any text."""
    number: str
    text: str
    label: str | None
    help: str | None
    kind: str
    multiple: bool
    options: tuple[FormOption, ...]
    """Empty for a text question."""
    condition: str | None
    """The ``when`` as a person reads it: 'Answer only if 1.2 is Yes or Partly.'"""
    tick: str | None
    """How to tick a choice question's boxes."""
    when_on: str | None
    when_answers: str | None
    """The keys that show the question, as a JSON list (escaped in the attribute)."""

    @property
    def described_by(self) -> str:
        ids = [f"{self.anchor}-when"] if self.condition else []
        return " ".join([*ids, f"{self.anchor}-help"] if self.help else ids)


@dataclass(frozen=True)
class FormSection:
    """A section as the form lays it out."""

    number: int
    anchor: str
    id: str
    title: str
    intro: str | None
    questions: tuple[FormQuestion, ...]
    step: bool
    """In a staged checklist, a stage work can reach (not one running throughout)."""


def _template_file(name: str) -> str:
    return (resources.files("collabcheck") / "templates" / name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    """The CSP source naming an inline script or style by its content: ``'sha256-...'``."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@functools.cache
def _script() -> str:
    return _template_file("form.js")


def _style(checklist: Checklist) -> str:
    """The page's CSS: the form's own, and what the printed sheets carry in their margins."""
    title = css_string(f"{checklist.title}: worksheet")
    subject = css_string(f"Checklist {checklist.id}, version {checklist.version}")
    margins = (
        "@page {\n"
        f'  @top-left {{ content: "{title}"; }}\n'
        f'  @top-right {{ content: "{subject}"; }}\n'
        '  @bottom-right { content: "Page " counter(page) " of " counter(pages); }\n'
        "}\n"
    )
    return _template_file("form.css") + margins


def policy(script: str, style: str) -> str:
    """The Content-Security-Policy: nothing from anywhere, but this script and this style."""
    return "; ".join(
        (
            "default-src 'none'",
            f"script-src {csp_hash(script)}",
            f"style-src {csp_hash(style)}",
            "img-src 'none'",
            "connect-src 'none'",
            "base-uri 'none'",
            "form-action 'none'",
        )
    )


@functools.cache
def _environment() -> jinja2.Environment:
    return page_templates.environment()


def _options(checklist: Checklist, question: Question) -> tuple[FormOption, ...]:
    if question.kind is QuestionKind.SCALE:
        return tuple(FormOption(o.key, o.label) for o in checklist.scale.options)
    return tuple(FormOption(c.key, c.label) for c in question.choices)


def _source_url(checklist: Checklist) -> str | None:
    """The source's address, as a link only when it is a web page (never ``javascript:``)."""
    url = checklist.source.url
    return url if url is not None and is_web_address(url) else None


def layout(checklist: Checklist) -> tuple[FormSection, ...]:
    """The checklist's sections and questions, numbered as on the worksheet."""
    sections: list[FormSection] = []
    for s_index, section in enumerate(checklist.sections, 1):
        questions = []
        for q_index, question in enumerate(section.questions, 1):
            when = question.when
            questions.append(
                FormQuestion(
                    id=question.id,
                    anchor=f"q{s_index}-{q_index}",
                    number=checklist.numbers[question.id],
                    text=question.text,
                    label=question.label,
                    help=question.help,
                    kind=question.kind.value,
                    multiple=question.multiple,
                    options=_options(checklist, question),
                    condition=wording.answer_only_if(checklist, question),
                    tick=wording.tick(question) if question.kind is QuestionKind.CHOICE else None,
                    when_on=when.question if when else None,
                    when_answers=json.dumps(list(when.answers)) if when else None,
                )
            )
        stages = checklist.stages
        sections.append(
            FormSection(
                s_index,
                f"s{s_index}",
                section.id,
                section.title,
                section.intro,
                tuple(questions),
                step=stages is not None and section.id in stages.steps,
            )
        )
    return tuple(sections)


def form(checklist: Checklist) -> str:
    """The fillable offline form of a checklist, as one HTML page."""
    script, style = _script(), _style(checklist)
    # Markup: the script and style are our own text (the checklist's in the style escaped for
    # CSS), put in unescaped; their hashes in the policy are of exactly this text.
    from markupsafe import Markup

    return (
        _environment()
        .get_template("form.html.j2")
        .render(
            checklist=checklist,
            sections=layout(checklist),
            staged=checklist.stages is not None,
            total=len(checklist.questions),
            scale=[o.label for o in checklist.scale.options]
            if any(q.scored for q in checklist.questions)
            else [],
            source_url=_source_url(checklist),
            csp=policy(script, style),
            script=Markup(script),
            style=Markup(style),
            version=__version__,
        )
    )
