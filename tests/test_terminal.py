"""One real-terminal smoke test: keystrokes into a pseudo-terminal, the report redirected."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from tests.schemas import assert_valid

ENTER = b"\r"
DOWN = b"\x1b[B"
CURSOR_QUERY = b"\x1b[6n"


class Terminal:
    """A command running on a pseudo-terminal, as a person would see and type to it."""

    def __init__(self, command: str, cwd: Path, columns: int = 100, rows: int = 30) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.chdir(cwd)
            os.execvp("sh", ["sh", "-c", command])
        # The size a terminal window would have (a bare pseudo-terminal has none).
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.seen = b""

    def expect(self, text: str, timeout: float = 15.0) -> None:
        pattern = re.escape(text.encode())
        deadline = time.monotonic() + timeout
        while not re.search(pattern, self.seen):
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise AssertionError(f"never saw {text!r}; screen ends: {self.seen[-500:]!r}")
            ready, _, _ = select.select([self.fd], [], [], remaining)
            if ready:
                try:
                    self.read()
                except OSError:
                    break
        self.seen = self.seen[re.search(pattern, self.seen).end() :]  # type: ignore[union-attr]

    def read(self) -> int:
        """Take what the program wrote, answering its cursor queries as a terminal does."""
        chunk = os.read(self.fd, 65536)
        # Unanswered, prompt_toolkit waits a second for each reply before it ends a prompt.
        for _ in range(chunk.count(CURSOR_QUERY)):
            self.send(b"\x1b[1;1R")
        self.seen += chunk
        return len(chunk)

    def drain(self) -> None:
        """Take what an ended program left unread on the terminal."""
        try:
            while select.select([self.fd], [], [], 0)[0] and self.read():
                pass
        except OSError:  # the terminal is gone once everything is read
            pass

    def send(self, keys: bytes) -> None:
        os.write(self.fd, keys)

    def wait(self) -> int:
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.drain()
                return os.waitstatus_to_exitcode(status)
            try:
                ready, _, _ = select.select([self.fd], [], [], 0.1)
                if ready:
                    self.read()
            except OSError:
                pass
        raise AssertionError("the run did not end")


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_keyboard_run_with_stdout_redirected_leaves_clean_json(tiny: Path) -> None:
    command = (
        f"{sys.executable} -m collabcheck run {tiny.name} --format json "
        "--org 'Example Trust' --respondent Me --role Chair > result.json"
    )
    terminal = Terminal(command, tiny.parent)

    terminal.expect("Is the first thing in place?")
    terminal.send(ENTER)
    terminal.expect("Is the second thing in place?")
    terminal.send(DOWN + ENTER)  # Partly: a low answer asks for a note
    terminal.expect("Note")
    terminal.send(b"in part" + ENTER)
    terminal.expect("Is the third thing in place?")
    terminal.send(ENTER)
    terminal.expect("Check your answers")
    terminal.send(ENTER)
    assert terminal.wait() == 0
    screen = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", terminal.seen).decode()
    assert re.search(r"Overall\s*\S\s*75\.0% green", screen), screen  # the summary, on the terminal

    data = json.loads((tiny.parent / "result.json").read_text(encoding="utf-8"))
    assert_valid("result", data)
    assert [(a["answer"], a["note"]) for a in data["answers"]] == [
        ("yes", None),
        ("partly", "in part"),
        ("yes", None),
    ]
    assert data["scores"]["overall"]["score"] == 75.0  # (1 + 2 * 0.5 + 1) / 4


def test_no_terminal_stops_at_once(tiny: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "collabcheck", "run", str(tiny)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=30,
    )

    assert done.returncode == 1
    assert done.stderr == (
        "collabcheck: no terminal to ask the questions on; give the answers with --answers FILE\n"
    )
    assert done.stdout == ""


def test_two_people_at_once_keep_both_sets_of_answers(tiny: Path) -> None:
    from collabcheck.sessions import sessions_dir

    command = (
        f"env -u UV_RUN_RECURSION_DEPTH {sys.executable} -m collabcheck run {tiny.name} "
        "--org O --respondent R --role C"
    )
    first = Terminal(command, tiny.parent)
    second = Terminal(command, tiny.parent)
    first.expect("Is the first thing in place?")
    second.expect("Is the first thing in place?")

    first.send(ENTER)  # Yes
    second.send(DOWN * 2 + ENTER)  # No, which asks for a note
    second.expect("Note")
    second.send(b"from the second" + ENTER)
    first.expect("Is the second thing in place?")
    second.expect("Is the second thing in place?")
    first.expect("Keys:")  # the list is drawn: the keys go to it
    second.expect("Keys:")
    first.send(b"\x03")
    second.send(b"\x03")

    assert first.wait() == 130 and second.wait() == 130
    # Ctrl-C on a real terminal: exit 130, and how to go on, for each of them.
    # The hint repeats how the run was started: here with python -m.
    hint = f"Saved 1 answer. Continue with: {sys.executable} -m collabcheck run tiny.yaml --resume"
    said = hint.encode()
    assert said in first.seen and said in second.seen
    saved = [json.loads(p.read_text()) for p in sessions_dir().glob("tiny.*.json")]
    assert sorted(
        (s["answers"]["first.one"]["answer"], s["answers"]["first.one"]["note"]) for s in saved
    ) == [("no", "from the second"), ("yes", None)]


def test_list_on_a_narrow_terminal_keeps_whole_ids(tmp_path: Path) -> None:
    terminal = Terminal(f"COLUMNS=60 {sys.executable} -m collabcheck list", tmp_path)

    assert terminal.wait() == 0
    screen = re.sub(rb"\x1b\[[0-9;?]*[A-Za-z]", b"", terminal.seen).decode()
    for checklist_id in ("board-readiness", "collaborative-model", "provider-enablers"):
        assert f"\u2502 {checklist_id} " in screen


@pytest.mark.parametrize("args", [["list"], ["show", "board-readiness", "--format", "md"]])
def test_an_ascii_only_stdout_gets_utf8_not_a_traceback(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "collabcheck", *args],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=30,
    )

    assert done.returncode == 0, done.stderr
    assert b"\xe2\x80\x9c" in done.stdout or "\u2610".encode() in done.stdout
