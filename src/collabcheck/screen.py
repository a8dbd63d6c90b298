"""The words of the interview's screens, as plain text: wrapping, keys, progress, the check
screen's rows, and how a saved session and the command to resume it are described.

Both prompters (the arrow-key one and ``--plain``) show these, so the two say the same; nothing
here draws on a terminal.
"""

from __future__ import annotations

import shlex
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

MIN_WIDTH = 60
"""Screens are laid out for 60 columns or more; narrower terminals get 60-column lines."""

SKIP_KEY = "s"
BACK_KEY = "b"
HELP_KEY = "?"
WRITE_KEY = "w"
RESERVED = {SKIP_KEY, BACK_KEY, WRITE_KEY, "j", "k", "q"}
"""Letters no answer gets: skip, back and write, and the ones other tools use to move."""


def wrap(text: str, width: int, indent: str = "") -> list[str]:
    """``text`` (its spacing collapsed) as lines of at most ``width`` columns, broken only
    between words; a word longer than a line stands on its own line."""
    return textwrap.wrap(
        " ".join(text.split()),
        width=max(width, MIN_WIDTH) - 1,  # the last column makes some terminals wrap early
        initial_indent=indent,
        subsequent_indent=indent,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent.rstrip()]


def answer_keys(count: int) -> list[str]:
    """The key for each of ``count`` answers: 1 to 9, then letters (none of the reserved)."""
    letters = [c for c in "acdefghilmnoprtuvxyz" if c not in RESERVED]
    keys = [str(n) for n in range(1, 10)] + letters
    return keys[:count]


def key_span(keys: Sequence[str]) -> str:
    """``1-5`` for a run of digits, else the keys listed."""
    if not keys:
        return ""
    if len(keys) > 2 and all(k.isdigit() for k in keys):
        return f"{keys[0]}-{keys[-1]}"
    if len(keys) > 2 and keys[0] == "1":
        return f"1-{keys[-1]}"
    return ", ".join(keys)


def hint(keys: Sequence[str], *, multiple: bool = False) -> str:
    """The one line that says which keys do what on a question."""
    pick = "tick or untick" if multiple else "answer"
    confirm = "Space ticks, Enter confirms" if multiple else "arrows and Enter also work"
    return (
        f"Keys: {key_span(keys)} {pick} \u00b7 {SKIP_KEY} skip \u00b7 {BACK_KEY} or Esc back "
        f"\u00b7 {HELP_KEY} help \u00b7 {confirm}"
    )


def help_lines(scale_help: Sequence[str], question_help: str | None) -> list[str]:
    """What ``?`` shows: the question's own help, what the answers count for, and the keys."""
    lines = [question_help] if question_help else []
    lines += list(scale_help)
    lines += [
        "s skips the question (you can come back to it on the check screen); b or Esc goes "
        "back to the previous one. Every answer is saved as you give it: Ctrl-C stops, and "
        "--resume carries on later.",
    ]
    return lines


SCALE_HELP = (
    "Don't know counts as 0 and is listed as a knowledge gap; Not applicable leaves the "
    "question out of the score."
)


@dataclass(frozen=True)
class Progress:
    """Where the person is, and how far they have got."""

    section: int
    """The section's number on the worksheet."""
    sections: int
    """How many sections the checklist has."""
    question: int
    questions: int
    """The question's place among those asked, and how many are asked."""
    answered: int = 0
    skipped: int = 0
    asked: int | None = None
    """How many sections this run asks, when it asks only some (``--section``)."""

    def __str__(self) -> str:
        where = f"Section {self.section} of {self.sections}"
        if self.asked is not None:
            where = f"Section {self.section} (asking {plural(self.asked, 'section')})"
        return (
            f"{where} \u00b7 Question {self.question} of {self.questions} \u00b7 "
            f"{self.answered} answered, {self.skipped} skipped"
        )


def section_heading(number: int, total: int, title: str) -> str:
    """A section's heading as the run enters it: its worksheet number, whatever is asked."""
    return f"Section {number} of {total}: {title}"


def plural(count: int, noun: str) -> str:
    """``1 section``, ``3 sections``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns with an ellipsis, at a word boundary where one is near."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "\u2026"


NOTE_MARK = "+note"
"""Marks a check-screen row whose answer has a note: words, not a symbol or a colour."""


def review_row(
    number: str, title: str, answer: str, has_note: bool, width: int, answer_width: int
) -> str:
    """One row of the check screen, shorter than ``width``: number, label (or the question,
    shortened), answer (in a column ``answer_width`` wide, at most 26) and the note mark."""
    mark = f" {NOTE_MARK}" if has_note else " " * (len(NOTE_MARK) + 1)
    answer_width = min(answer_width, 26)
    shown = shorten(answer, answer_width)
    room = width - 1 - 6 - 2 - answer_width - len(mark)
    row = f"{number:<5} {shorten(title, room):<{room}}  {shown:<{answer_width}}{mark}"
    return row.rstrip()


# --- saved sessions ----------------------------------------------------------------------------


def when_words(timestamp: str | None, now: datetime) -> str | None:
    """An ISO 8601 time as a person says it, relative to ``now``: ``today at 20:58``,
    ``yesterday at 09:05``, ``on Friday 27 November at 14:10``, ``on 3 March 2025 at 10:00``."""
    if not timestamp:
        return None
    try:
        when = datetime.fromisoformat(timestamp)
    except ValueError:
        return None
    if when.tzinfo is not None and now.tzinfo is not None:
        when = when.astimezone(now.tzinfo)
    clock = f"{when:%H:%M}"
    days = (now.date() - when.date()).days
    if days == 0:
        return f"today at {clock}"
    if days == 1:
        return f"yesterday at {clock}"
    if 1 < days < 7:
        return f"on {when:%A} {when.day} {when:%B} at {clock}"
    if when.year == now.year:
        return f"on {when.day} {when:%B} at {clock}"
    return f"on {when.day} {when:%B %Y} at {clock}"


def saved_session_question(answered: int, total: int, started: str | None) -> str:
    """The offer of a saved session."""
    since = f", started {started}" if started else ""
    return f"You have a saved session: {answered} of {total} answered{since}."


def resuming(answered: int, total: int) -> str:
    """What ``--resume`` (or taking the offer) kept."""
    return f"Resuming: {answered} of {total} answered."


def command_line(program: Sequence[str], arguments: Sequence[str]) -> str:
    """A command as a person types it in a POSIX shell."""
    return " ".join([*program, *(shlex.quote(a) for a in arguments)])


def wrap_command(words: Sequence[str], width: int, indent: str = "  ") -> list[str]:
    """A command to copy, indented, broken between words with a shell's `` \\`` at each line
    end, so that it still runs when pasted."""
    quoted = [w if w.endswith("...") else shlex.quote(w) for w in words]
    lines: list[str] = []
    line = indent
    for word in quoted:
        if line.strip() and len(line) + 1 + len(word) + 2 > max(width, MIN_WIDTH) - 1:
            lines.append(line + " \\")
            line = indent * 2 + word
        else:
            line = f"{line} {word}" if line.strip() else line + word
    return [*lines, line]
