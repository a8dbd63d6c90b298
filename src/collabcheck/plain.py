"""The plain prompter (``--plain``, and with TERM=dumb): line by line, for screen readers and
terminals that cannot move the cursor.

Every choice is printed as a numbered line and answered by typing its number or key; nothing is
said by colour or position alone, and nothing but text is written (no escape sequences). It
asks what the arrow-key prompter asks, in the same words (screen.py).
"""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from typing import IO

from collabcheck.interview import Move, Progress, ReviewLine
from collabcheck.model import Answer, Checklist, Question, QuestionKind, Section
from collabcheck.screen import (
    BACK_KEY,
    HELP_KEY,
    MIN_WIDTH,
    SCALE_HELP,
    SKIP_KEY,
    answer_keys,
    help_lines,
    key_span,
    section_heading,
    wrap,
)

WELCOME_KEYS = (
    "Each answer is listed with a number: type the number (or the answer) and press Enter. "
    "Enter alone takes the answer named in the prompt. s skips, b goes back, ? shows help. "
    "Every answer is saved as you give it: Ctrl-C stops, and --resume carries on."
)


class PlainPrompter:
    """Asks line by line on ``input`` and ``output`` (text streams)."""

    def __init__(self, input: IO[str], output: IO[str], width: int | None = None) -> None:
        self.input = input
        self.output = output
        self.width = max(width or shutil.get_terminal_size().columns, MIN_WIDTH)

    def _say(self, text: str = "", indent: str = "") -> None:
        lines = wrap(text, self.width, indent) if text else [""]
        self.output.write("".join(line + "\n" for line in lines))
        self.output.flush()

    def _read(self, prompt: str) -> str:
        self.output.write(prompt)
        self.output.flush()
        try:
            line = self.input.readline()
        except KeyboardInterrupt:
            self.output.write("\n")  # what follows starts on a line of its own
            raise
        if not line:
            self.output.write("\n")
            raise EOFError
        return line.strip()

    # --- before the questions ---------------------------------------------------------------

    def welcome(self, checklist: Checklist) -> None:
        self._say()
        self._say(checklist.title)
        self._say(f"Source: {checklist.source.credit()}")
        if checklist.source.url:
            self._say(f"Link: {checklist.source.url}")
        self._say(checklist.description)
        self._say(WELCOME_KEYS)

    def notice(self, message: str) -> None:
        self._say()
        self._say(message)

    def ask_text(self, message: str, default: str = "") -> str:
        shown = f" (Enter for {default})" if default else ""
        return self._read(f"{message}{shown} ") or default

    def ask_choice(
        self, message: str, options: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        self._say()
        self._say(message)
        keys = answer_keys(len(options))
        for key, (_, label) in zip(keys, options, strict=True):
            self._say(f"{key}  {label}", indent="")
        values = [value for value, _ in options]
        start = values.index(default) if default in values else 0
        while True:
            reply = self._read(f"Choose {key_span(keys)} (Enter for {keys[start]}): ").lower()
            if not reply:
                return values[start]
            if reply in keys:
                return values[keys.index(reply)]
            self._say(f"Type one of {', '.join(keys)}.")

    # --- the interview ----------------------------------------------------------------------

    def section_start(self, section: Section, number: int, total: int) -> None:
        self._say()
        self._say(section_heading(number, total, section.title))
        if section.intro:
            self._say(section.intro)

    def ask(
        self, question: Question, checklist: Checklist, progress: Progress, previous: Answer | None
    ) -> Answer | Move:
        self._say()
        self._say(str(progress))
        number = checklist.numbers[question.id]
        if question.label:
            self._say(f"{number} {question.label}")
        self._say(question.text if question.label else f"{number} {question.text}")
        if question.help:
            self._say(f"Help: {question.help}")
        if question.kind is QuestionKind.TEXT:
            written = previous.answer if previous and isinstance(previous.answer, str) else ""
            kept = " (Enter keeps your earlier answer)" if written else " (Enter skips)"
            reply = self._read(f"Your answer{kept}, or < to go back: ")
            if reply == "<":
                return Move.BACK
            text = reply or written
            return Answer(text) if text else Move.SKIP
        if question.kind is QuestionKind.CHOICE:
            options = [(c.key, c.label) for c in question.choices]
        else:
            options = [(o.key, o.label) for o in checklist.scale.options]
        keys = answer_keys(len(options))
        for key, (_, label) in zip(keys, options, strict=True):
            self._say(f"{key}  {label}")
        self._say(f"{SKIP_KEY}  Skip this question")
        self._say(f"{BACK_KEY}  Back to the previous question")
        scale_help = [SCALE_HELP] if question.kind is QuestionKind.SCALE else []
        helping = help_lines(scale_help, question.help)
        earlier = previous.answer if previous else None
        if question.kind is QuestionKind.CHOICE and question.multiple:
            return self._ask_several(options, keys, earlier, helping)
        values = [value for value, _ in options]
        start = values.index(earlier) if earlier in values else 0
        prompt = (
            f"Answer {key_span(keys)}, {SKIP_KEY} skip, {BACK_KEY} back, {HELP_KEY} help "
            f"(Enter for {options[start][1]}): "
        )
        while True:
            reply = self._read(prompt)
            if not reply:
                return Answer(values[start])
            move = self._move(reply, helping)
            if move is not None:
                return move
            chosen = _match(reply, keys, options)
            if chosen is not None:
                return Answer(chosen)
            if reply != HELP_KEY:
                self._say(f"Type one of {key_span(keys)}, {SKIP_KEY}, {BACK_KEY} or {HELP_KEY}.")

    def _move(self, reply: str, helping: Sequence[str]) -> Move | None:
        lowered = reply.lower()
        if lowered == SKIP_KEY:
            return Move.SKIP
        if lowered == BACK_KEY:
            return Move.BACK
        if lowered == HELP_KEY:
            for paragraph in helping:
                self._say(paragraph)
        return None

    def _ask_several(
        self,
        options: Sequence[tuple[str, str]],
        keys: Sequence[str],
        earlier: object,
        helping: Sequence[str],
    ) -> Answer | Move:
        ticked = list(earlier) if isinstance(earlier, tuple) else []
        kept = ", ".join(label for value, label in options if value in ticked)
        enter = f"Enter keeps {kept}" if kept else "Enter skips"
        prompt = (
            f"All that apply, as numbers separated by spaces ({enter}); "
            f"{SKIP_KEY} skip, {BACK_KEY} back, {HELP_KEY} help: "
        )
        while True:
            reply = self._read(prompt)
            if not reply:
                return Answer(tuple(ticked)) if ticked else Move.SKIP
            move = self._move(reply, helping)
            if move is not None:
                return move
            chosen = [_match(part, keys, options) for part in reply.replace(",", " ").split()]
            if chosen and all(c is not None for c in chosen):
                picked = {c for c in chosen if c is not None}
                return Answer(tuple(value for value, _ in options if value in picked))
            if reply != HELP_KEY:
                self._say(f"Type numbers from {key_span(keys)}, separated by spaces.")

    def ask_note(self, question: Question, previous: str | None) -> str | None:
        kept = (
            " (Enter keeps it; type - to remove it)" if previous else " (optional, Enter for none)"
        )
        reply = self._read(f"Note{kept}: ")
        if previous and reply == "-":
            return None
        return reply or previous or None

    def review(
        self, lines: Sequence[ReviewLine], summary: str, current: str | None
    ) -> Question | None:
        self._say()
        self._say(f"Check your answers. {summary}.")
        for line in lines:
            # A question's text may end in its own colon ("... from:"), so none is added.
            title = (line.question.label or line.question.text).rstrip().rstrip(":")
            note = ", with a note" if line.note else ""
            self._say(f"{line.number} {title}: {line.answer}{note}")
        by_number = {line.number: line.question for line in lines}
        while True:
            reply = self._read(
                "Type a question's number to change its answer, or Enter to write the report: "
            )
            if not reply:
                return None
            if reply in by_number:
                return by_number[reply]
            self._say(f"No question {reply}: type a number as listed.")


def _match(reply: str, keys: Sequence[str], options: Sequence[tuple[str, str]]) -> str | None:
    """The option a typed reply names: its key, its answer key or its label."""
    lowered = reply.lower()
    if lowered in keys:
        return options[keys.index(lowered)][0]
    for value, label in options:
        if lowered in (value.lower(), label.lower()):
            return value
    return None
