"""The terminal prompter: the only module that imports questionary (menu.py draws the lists).

Text is wrapped between words to the terminal's width (60 columns at least) by collabcheck, not
by the terminal, so no word is ever cut at the edge. Prompts draw on the terminal even when
stdout is redirected (``run ... > result.json``), so the report on stdout stays clean.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, Any

import questionary
from prompt_toolkit.input import Input
from prompt_toolkit.output import Output
from rich.console import Console
from rich.text import Text

from collabcheck.interview import Move, Progress, ReviewLine
from collabcheck.menu import Entry, Menu
from collabcheck.model import Answer, Checklist, Question, QuestionKind, Section
from collabcheck.screen import (
    BACK_KEY,
    MIN_WIDTH,
    SCALE_HELP,
    SKIP_KEY,
    WRITE_KEY,
    answer_keys,
    help_lines,
    hint,
    review_row,
    section_heading,
    wrap,
)

_SKIP = "\u00a7skip"  # values no answer key can take (keys are lowercase ids)
_BACK = "\u00a7back"
_WRITE = "\u00a7write"
_DONE = "\u00a7done"

WELCOME_KEYS = (
    "Each answer has a key (1, 2, 3...): press it to answer. s skips, b or Esc goes back, ? "
    "shows help; arrows and Enter work too. Every answer is saved as you give it: Ctrl-C stops, "
    "and --resume carries on."
)


class TerminalPrompter:
    """Asks with arrow-key lists (menu.py) and questionary's text prompts; shows intros, help
    and progress with rich."""

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
        self._output = output
        self.console = Console(file=screen or sys.stderr, highlight=False)

    @property
    def width(self) -> int:
        """The columns to lay text out in (never fewer than 60)."""
        if self._output is not None:
            columns = self._output.get_size().columns
        else:
            columns = self.console.width
        return max(columns, MIN_WIDTH)

    def _say(self, text: str, style: str = "", indent: str = "") -> None:
        for line in wrap(text, self.width, indent):
            # soft_wrap: the line fits already; rich must not wrap it again.
            self.console.print(Text(line, style=style), soft_wrap=True)

    def _menu(self, menu: Menu) -> Any:
        return menu.run(**self._io)

    # --- before the questions ---------------------------------------------------------------

    def welcome(self, checklist: Checklist) -> None:
        self.console.print()
        self._say(checklist.title, "bold")
        self._say(f"Source: {checklist.source.credit()}", "dim")
        if checklist.source.url:
            self._say(f"Link: {checklist.source.url}", "dim")
        self._say(checklist.description)
        self._say(WELCOME_KEYS, "dim")

    def notice(self, message: str) -> None:
        self.console.print()
        self._say(message, "bold")

    def ask_text(self, message: str, default: str = "") -> str:
        reply = questionary.text(message, default=default, **self._io).unsafe_ask()
        return str(reply or "").strip()

    def ask_choice(
        self, message: str, options: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        self.console.print()
        self._say(message, "bold")
        keys = answer_keys(len(options))
        entries = [Entry(k, label, value) for k, (value, label) in zip(keys, options, strict=True)]
        line = f"Keys: {', '.join(keys)} choose \u00b7 arrows and Enter also work"
        picked = self._menu(Menu(entries, hint=line, default=default))
        chosen = str(picked.value)
        self._said(dict(options)[chosen])
        return chosen

    def _said(self, answer: str) -> None:
        """What was chosen, left on the screen once the list is gone."""
        self._say(f"\u2192 {answer}", indent="  ")

    # --- the interview ----------------------------------------------------------------------

    def section_start(self, section: Section, number: int, total: int) -> None:
        self.console.print()
        self._say(section_heading(number, total, section.title), "bold underline")
        if section.intro:
            self._say(section.intro)

    def ask(
        self, question: Question, checklist: Checklist, progress: Progress, previous: Answer | None
    ) -> Answer | Move:
        self.console.print()
        self._say(str(progress), "dim")
        number = checklist.numbers[question.id]
        if question.label:
            self._say(f"{number} {question.label}", "bold")
            self._say(question.text)
        else:
            self._say(f"{number} {question.text}", "bold")
        if question.help:
            self._say(question.help, "italic", indent="  ")
        if question.kind is QuestionKind.TEXT:
            return self._ask_text_question(previous)
        if question.kind is QuestionKind.CHOICE:
            options = [(c.key, c.label) for c in question.choices]
        else:
            options = [(o.key, o.label) for o in checklist.scale.options]
        keys = answer_keys(len(options))
        entries = [Entry(k, label, value) for k, (value, label) in zip(keys, options, strict=True)]
        entries.append(Entry(SKIP_KEY, "Skip this question", _SKIP, separated=True))
        entries.append(Entry(BACK_KEY, "Back to the previous question", _BACK))
        scale_help = [SCALE_HELP] if question.kind is QuestionKind.SCALE else []
        earlier = previous.answer if previous else None
        if question.kind is QuestionKind.CHOICE and question.multiple:
            ticked = list(earlier) if isinstance(earlier, tuple) else []
            menu = Menu(
                entries,
                hint=hint(keys, multiple=True),
                escape=_BACK,
                help_lines=help_lines(scale_help, question.help),
                multiple=True,
                ticked=ticked,
                confirm=_DONE,
            )
            picked = self._menu(menu)
            if picked.value in (_SKIP, _BACK):
                return self._moved(picked.value)
            if not picked.ticked:
                return self._moved(_SKIP)
            labels = dict(options)
            self._said("; ".join(labels[str(k)] for k in picked.ticked))
            return Answer(tuple(str(k) for k in picked.ticked))
        # Enter alone moves on: the cursor starts on the first option, or the earlier answer
        # (which may no longer be an option: the checklist changed since).
        values = [value for value, _ in options]
        default = earlier if earlier in values else values[0]
        menu = Menu(
            entries,
            hint=hint(keys),
            default=default,
            escape=_BACK,
            help_lines=help_lines(scale_help, question.help),
        )
        picked = self._menu(menu)
        if picked.value in (_SKIP, _BACK):
            return self._moved(picked.value)
        self._said(dict(options)[str(picked.value)])
        return Answer(str(picked.value))

    def _moved(self, value: object) -> Move:
        move = Move.SKIP if value == _SKIP else Move.BACK
        self._said("Skipped" if move is Move.SKIP else "Back")
        return move

    def _ask_text_question(self, previous: Answer | None) -> Answer | Move:
        earlier = previous.answer if previous and isinstance(previous.answer, str) else ""
        reply = questionary.text(
            "Your answer:",
            default=earlier,
            instruction="(Enter alone skips; type < to go back)",
            **self._io,
        ).unsafe_ask()
        text = str(reply or "").strip()
        if text == "<":
            return Move.BACK
        return Answer(text) if text else Move.SKIP

    def ask_note(self, question: Question, previous: str | None) -> str | None:
        reply = questionary.text(
            "Note (optional, Enter for none):", default=previous or "", **self._io
        ).unsafe_ask()
        return str(reply or "").strip() or None

    def review(
        self, lines: Sequence[ReviewLine], summary: str, current: str | None
    ) -> Question | None:
        self.console.print()
        self._say("Check your answers", "bold underline")
        self._say(summary)
        # The row goes after the pointer and the key column: 5 columns.
        room = self.width - 5
        answer_width = max((len(line.answer) for line in lines), default=0)
        entries = [Entry(WRITE_KEY, "Looks right: write the report", _WRITE)]
        for number, line in enumerate(lines):
            title = line.question.label or line.question.text
            row = review_row(line.number, title, line.answer, bool(line.note), room, answer_width)
            entries.append(Entry("", row, line.question.id, separated=number == 0))
        footer = (
            f"Arrows to move, Enter to change an answer \u00b7 {WRITE_KEY} writes the report "
            "\u00b7 +note: the answer has a note"
        )
        menu = Menu(entries, hint=footer, default=current or _WRITE, max_rows=self._rows())
        picked = self._menu(menu)
        if picked.value == _WRITE:
            return None
        return next(line.question for line in lines if line.question.id == picked.value)

    def _rows(self) -> int:
        rows = self._output.get_size().rows if self._output is not None else self.console.height
        return max(rows - 7, 5)


def terminal_prompter(plain: bool = False) -> Any:
    """A prompter on the real terminal, which need not be stdout (stdout may be the report).

    ``plain``: line by line, for screen readers and dumb terminals (plain.py).
    """
    if plain:
        from collabcheck.plain import PlainPrompter

        return PlainPrompter(sys.stdin, sys.stderr)
    if sys.stdout.isatty():
        return TerminalPrompter(screen=sys.stderr)
    from prompt_toolkit.output import create_output

    if sys.stderr.isatty():
        return TerminalPrompter(output=create_output(stdout=sys.stderr), screen=sys.stderr)
    tty = open("/dev/tty", "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the run
    return TerminalPrompter(output=create_output(stdout=tty), screen=tty)
