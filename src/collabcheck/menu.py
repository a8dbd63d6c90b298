"""A list to choose from on the terminal, with prompt_toolkit: a key for each entry, arrows and
Enter, Esc, ``?`` for help, and a window that scrolls in place when the list is longer than the
screen. Used by prompting.py only.

questionary's select offers neither a key that answers at once nor scrolling, and it wraps long
entries mid-word; this is the small part of it the interview needs, drawn the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from prompt_toolkit.application import Application, get_app
from prompt_toolkit.data_structures import Point
from prompt_toolkit.formatted_text import StyleAndTextTuples
from prompt_toolkit.input import Input
from prompt_toolkit.key_binding import KeyBindings, KeyPressEvent
from prompt_toolkit.keys import Keys
from prompt_toolkit.layout import HSplit, Layout, Window
from prompt_toolkit.layout.controls import FormattedTextControl
from prompt_toolkit.layout.dimension import Dimension
from prompt_toolkit.output import Output
from prompt_toolkit.styles import Style

from collabcheck.screen import MIN_WIDTH, wrap

POINTER = "\u203a"  # a pointer marks the current entry in position and shape, not only in colour
STYLE = Style.from_dict({"current": "bold reverse", "hint": "italic"})


@dataclass(frozen=True)
class Entry:
    """One line of a menu: the key that picks it (may be empty), what it says, its value."""

    key: str
    label: str
    value: object
    separated: bool = False
    """Drawn after a blank line (Skip and Back, set apart from the answers)."""


@dataclass(frozen=True)
class Picked:
    """What the person chose: an entry's value, or (with ``multiple``) the ticked values."""

    value: object
    ticked: tuple[object, ...] = ()


class Menu:
    """A list of entries; ``run`` shows it until one is chosen."""

    def __init__(
        self,
        entries: Sequence[Entry],
        *,
        hint: str,
        default: object = None,
        escape: object = None,
        help_lines: Sequence[str] = (),
        multiple: bool = False,
        ticked: Sequence[object] = (),
        confirm: object = None,
        max_rows: int | None = None,
    ) -> None:
        self.entries = list(entries)
        self.hint = hint
        self.escape = escape
        self.help_lines = list(help_lines)
        self.multiple = multiple
        self.ticked = [e.value for e in self.entries if e.value in set(ticked)]
        self.confirm = confirm
        self.max_rows = max_rows
        values = [e.value for e in self.entries]
        self.index = values.index(default) if default in values else 0
        self.showing_help = False
        self._width = 80

    # --- drawing ------------------------------------------------------------------------------

    def _lines(self) -> tuple[StyleAndTextTuples, int]:
        """The entries as formatted text, and the line the current entry starts on."""
        self._width = max(get_app().output.get_size().columns, MIN_WIDTH)
        out: StyleAndTextTuples = []
        line = current_line = 0
        key_width = max((len(e.key) for e in self.entries), default=0)
        for number, entry in enumerate(self.entries):
            if entry.separated and number:
                out.append(("", "\n"))
                line += 1
            current = number == self.index
            if current:
                current_line = line
            box = ""
            if self.multiple and entry.value != self.confirm and entry.key not in ("s", "b"):
                box = "[x] " if entry.value in self.ticked else "[ ] "
            lead = f"{POINTER if current else ' '} {entry.key:<{key_width}}  {box}"
            room = self._width - len(lead)
            # A row laid out to fit (the check screen's columns) is kept as it is.
            fits = len(entry.label) < room
            wrapped = [entry.label] if fits else wrap(entry.label, room)
            style = "class:current" if current else ""
            for row, text in enumerate(wrapped):
                prefix = lead if row == 0 else " " * len(lead)
                out.append((style, prefix + text))
                out.append(("", "\n"))
                line += 1
        if out:
            out.pop()  # no newline after the last line
        return out, current_line

    def _body(self) -> StyleAndTextTuples:
        return self._lines()[0]

    def _cursor(self) -> Point:
        # The window scrolls to keep this line in view: the list moves, the screen does not.
        return Point(0, self._lines()[1])

    def _footer(self) -> StyleAndTextTuples:
        out: StyleAndTextTuples = []
        if self.showing_help:
            for paragraph in self.help_lines:
                out += [("class:help", line + "\n") for line in wrap(paragraph, self._width)]
        out += [("class:hint", line + "\n") for line in wrap(self.hint, self._width)]
        if out:
            last = out[-1]
            out[-1] = (last[0], last[1].rstrip("\n"))
        return out

    # --- keys ---------------------------------------------------------------------------------

    def _bindings(self, done: Callable[[Picked], None]) -> KeyBindings:
        keys = KeyBindings()

        def pick(index: int) -> None:
            entry = self.entries[index]
            self.index = index
            if self.multiple and entry.value != self.confirm and entry.key not in ("s", "b"):
                if entry.value in self.ticked:
                    self.ticked.remove(entry.value)
                else:
                    self.ticked.append(entry.value)
                self.ticked.sort(key=[e.value for e in self.entries].index)
                return
            done(Picked(entry.value, tuple(self.ticked)))

        for number, entry in enumerate(self.entries):
            if entry.key:
                keys.add(entry.key, eager=True)(lambda _e, n=number: pick(n))

        @keys.add(Keys.Down, eager=True)
        def _down(_event: KeyPressEvent) -> None:
            self.index = (self.index + 1) % len(self.entries)

        @keys.add(Keys.Up, eager=True)
        def _up(_event: KeyPressEvent) -> None:
            self.index = (self.index - 1) % len(self.entries)

        @keys.add(Keys.PageDown, eager=True)
        def _page_down(_event: KeyPressEvent) -> None:
            self.index = min(self.index + (self.max_rows or 10), len(self.entries) - 1)

        @keys.add(Keys.PageUp, eager=True)
        def _page_up(_event: KeyPressEvent) -> None:
            self.index = max(self.index - (self.max_rows or 10), 0)

        @keys.add(Keys.Home, eager=True)
        def _home(_event: KeyPressEvent) -> None:
            self.index = 0

        @keys.add(Keys.End, eager=True)
        def _end(_event: KeyPressEvent) -> None:
            self.index = len(self.entries) - 1

        if self.multiple:

            @keys.add(" ", eager=True)
            def _tick(_event: KeyPressEvent) -> None:
                pick(self.index)

        # Enter typed before the list was drawn (the terminal still in line mode) arrives as
        # Ctrl-J: it is Enter all the same.
        @keys.add(Keys.ControlJ, eager=True)
        @keys.add(Keys.Enter, eager=True)
        def _enter(_event: KeyPressEvent) -> None:
            entry = self.entries[self.index]
            if self.multiple and entry.value != self.confirm and entry.key not in ("s", "b"):
                done(Picked(self.confirm, tuple(self.ticked)))
            else:
                done(Picked(entry.value, tuple(self.ticked)))

        if self.escape is not None:

            @keys.add(Keys.Escape)
            def _escape(_event: KeyPressEvent) -> None:
                done(Picked(self.escape, tuple(self.ticked)))

        if self.help_lines:

            @keys.add("?", eager=True)
            def _help(_event: KeyPressEvent) -> None:
                self.showing_help = not self.showing_help

        @keys.add(Keys.ControlC, eager=True)
        def _interrupt(event: KeyPressEvent) -> None:
            event.app.exit(exception=KeyboardInterrupt, style="class:aborting")

        return keys

    # --- running ------------------------------------------------------------------------------

    def run(self, *, input: Input | None = None, output: Output | None = None) -> Picked:
        """Show the menu until something is chosen; Ctrl-C raises KeyboardInterrupt, and input
        that ends (a closed pipe) raises EOFError."""
        chosen: list[Picked] = []

        def done(picked: Picked) -> None:
            chosen.append(picked)
            app.exit()

        def rows() -> Dimension:
            size = app.output.get_size()
            room = self.max_rows or max(size.rows - 8, 5)
            return Dimension(max=room)

        body = Window(
            FormattedTextControl(self._body, get_cursor_position=self._cursor, show_cursor=False),
            height=rows,
            wrap_lines=False,
            always_hide_cursor=True,
        )
        footer = Window(FormattedTextControl(self._footer), wrap_lines=False)
        app: Application[Any] = Application(
            layout=Layout(HSplit([body, footer])),
            key_bindings=self._bindings(done),
            style=STYLE,
            erase_when_done=True,
            input=input,
            output=output,
        )
        app.run()
        if not chosen:
            raise EOFError
        return chosen[0]
