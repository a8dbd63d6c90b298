"""The questionary prompter: the only module that imports questionary and prompt_toolkit.

Prompts draw on the terminal even when stdout is redirected (``run ... > result.json``), so
the report on stdout stays clean.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from questionary import Choice as QChoice
from questionary import Separator
from rich.console import Console
from rich.markup import escape

from collabcheck.interview import Move, Progress, ReviewLine
from collabcheck.model import Answer, Checklist, Question, QuestionKind, Section

_SKIP = "\u00a7skip"  # values no answer key can take (keys are lowercase ids)
_BACK = "\u00a7back"
_WRITE = "\u00a7write"


class TerminalPrompter:
    """Asks with questionary; shows intros, help and progress with rich."""

    def __init__(
        self,
        *,
        input: Input | None = None,
        output: Output | None = None,
        screen: IO[str] | None = None,
    ) -> None:
        self._io: dict[str, Any] = {}
        if input is not None:
            self._io["input"] = input
        if output is not None:
            self._io["output"] = output
        self.console = Console(file=screen or sys.stderr, highlight=False, soft_wrap=False)

    # --- before the questions ---------------------------------------------------------------

    def welcome(self, checklist: Checklist) -> None:
        self.console.print()
        self.console.rule(f"[bold]{escape(checklist.title)}[/bold]")
        self.console.print(f"[dim]Source: {escape(checklist.source.credit())}[/dim]")
        if checklist.source.url:
            self.console.print(f"[dim]Link: {escape(checklist.source.url)}[/dim]")
        self.console.print(escape(" ".join(checklist.description.split())))
        self.console.print(
            "[dim]Arrow keys to choose, Enter to confirm. Skip and Back are at the end of each "
            "list. Ctrl-C saves your answers and stops.[/dim]"
        )

    def ask_text(self, message: str, default: str = "") -> str:
        reply = questionary.text(message, default=default, **self._io).unsafe_ask()
        return str(reply or "").strip()

    def ask_stage(self, checklist: Checklist, previous: str | None) -> str:
        stages = checklist.stages
        assert stages is not None, "only a staged checklist has stages to ask about"
        steps = stages.steps
        throughout = [s.title for s in checklist.sections if s.id in stages.throughout]
        runs = f"; {' and '.join(throughout)} from the start" if throughout else ""
        self.console.print(
            f"[dim]The sections are stages of the work. Those after the stage reached are not "
            f"asked or scored{escape(runs)}.[/dim]"
        )
        titles = {s.id: s.title for s in checklist.sections}
        choices = [
            QChoice(f"{number}. {titles[sid]}", value=sid) for number, sid in enumerate(steps, 1)
        ]
        reply = questionary.select(
            "Which stage has the work reached?",
            choices=choices,
            default=previous if previous in steps else steps[0],
            **self._io,
        ).unsafe_ask()
        return str(reply)

    def ask_resume(self, answered: int, started_at: str | None) -> bool:
        when = f" (started {started_at})" if started_at else ""
        return bool(
            questionary.select(
                f"You have a saved session with {answered} "
                f"answer{'' if answered == 1 else 's'}{when}.",
                choices=[
                    QChoice("Resume where I stopped", value=True),
                    QChoice("Start over (the saved answers are discarded)", value=False),
                ],
                **self._io,
            ).unsafe_ask()
        )

    # --- the interview ----------------------------------------------------------------------

    def section_start(self, section: Section, number: int, total: int) -> None:
        self.console.print()
        self.console.rule(f"Section {number}/{total}: [bold]{escape(section.title)}[/bold]")
        if section.intro:
            self.console.print(escape(" ".join(section.intro.split())))

    def ask(
        self, question: Question, checklist: Checklist, progress: Progress, previous: Answer | None
    ) -> Answer | Move:
        self.console.print()
        self.console.print(f"[dim]{progress}[/dim]")
        if question.label:
            self.console.print(f"[bold]{escape(question.label)}[/bold]")
        if question.help:
            self.console.print(
                f"[italic dim]{escape(' '.join(question.help.split()))}[/italic dim]"
            )
        if question.kind is QuestionKind.TEXT:
            return self._ask_text_question(question, previous)
        if question.kind is QuestionKind.CHOICE and question.multiple:
            return self._ask_checkbox(question, previous)
        if question.kind is QuestionKind.CHOICE:
            options = [(c.key, c.label) for c in question.choices]
        else:
            options = [(o.key, o.label) for o in checklist.scale.options]
        choices: list[Any] = [QChoice(label, value=key) for key, label in options]
        choices += [Separator(), QChoice("Skip this question", value=_SKIP)]
        choices.append(QChoice("Back to the previous question", value=_BACK))
        earlier = previous.answer if previous else None
        # Enter alone moves on: the cursor starts on the first option, or the earlier answer.
        keys = [key for key, _ in options]
        # An earlier answer may no longer be an option (the checklist changed since).
        default = earlier if earlier in keys else keys[0]
        reply = questionary.select(
            " ".join(question.text.split()), choices=choices, default=default, **self._io
        ).unsafe_ask()
        return self._move(reply) or Answer(str(reply))

    def _ask_checkbox(self, question: Question, previous: Answer | None) -> Answer | Move:
        earlier = previous.answer if previous else None
        ticked = set(earlier) if isinstance(earlier, tuple) else set()
        choices: list[Any] = [
            QChoice(c.label, value=c.key, checked=c.key in ticked) for c in question.choices
        ]
        choices += [Separator(), QChoice("Skip this question", value=_SKIP)]
        choices.append(QChoice("Back to the previous question", value=_BACK))
        reply = questionary.checkbox(
            " ".join(question.text.split()),
            choices=choices,
            instruction="(Space to tick, Enter to confirm)",
            **self._io,
        ).unsafe_ask()
        picked = list(reply or [])
        if _BACK in picked:
            return Move.BACK
        if _SKIP in picked or not picked:
            return Move.SKIP
        return Answer(tuple(picked))

    def _ask_text_question(self, question: Question, previous: Answer | None) -> Answer | Move:
        earlier = previous.answer if previous and isinstance(previous.answer, str) else ""
        reply = questionary.text(
            " ".join(question.text.split()),
            default=earlier,
            instruction="(Enter alone skips; type < to go back)",
            **self._io,
        ).unsafe_ask()
        text = str(reply or "").strip()
        if text == "<":
            return Move.BACK
        return Answer(text) if text else Move.SKIP

    @staticmethod
    def _move(reply: Any) -> Move | None:
        return {_SKIP: Move.SKIP, _BACK: Move.BACK}.get(reply)

    def ask_note(self, question: Question, previous: str | None) -> str | None:
        reply = questionary.text(
            "Note (optional, Enter to leave empty):", default=previous or "", **self._io
        ).unsafe_ask()
        return str(reply or "").strip() or None

    def review(self, lines: Sequence[ReviewLine]) -> Question | None:
        self.console.print()
        self.console.rule("[bold]Check your answers[/bold]")
        choices: list[Any] = [QChoice("Looks right: write the report", value=_WRITE), Separator()]
        for line in lines:
            label = f"{line.question.label}: " if line.question.label else ""
            text = _shorten(f"{line.number} {label}{' '.join(line.question.text.split())}", 70)
            note = " (note)" if line.note else ""
            choices.append(QChoice(f"{text} \u2014 {line.answer}{note}", value=line.question.id))
        reply = questionary.select(
            "Choose an answer to change, or write the report:",
            choices=choices,
            default=_WRITE,
            **self._io,
        ).unsafe_ask()
        if reply == _WRITE:
            return None
        return next(line.question for line in lines if line.question.id == reply)


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "\u2026"


def terminal_prompter() -> TerminalPrompter:
    """A prompter on the real terminal, which need not be stdout (stdout may be the report)."""
    if sys.stdout.isatty():
        return TerminalPrompter(screen=sys.stderr)
    from prompt_toolkit.output import create_output

    if sys.stderr.isatty():
        return TerminalPrompter(output=create_output(stdout=sys.stderr), screen=sys.stderr)
    tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the run
    return TerminalPrompter(output=create_output(stdout=tty), screen=tty)
