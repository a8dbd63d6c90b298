"""The interview as a person sees it: real pseudo-terminals of 60 and 100 columns, read back as a
screen (pyte, a terminal emulator) to check that no word is cut at the edge, and a whole run
that ends with the report and result saved on disk."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pyte
import pytest

from collabcheck.catalog import resolve

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")


class Screen:
    """A command on a pseudo-terminal of a given size, and the screen it draws."""

    def __init__(
        self, args: list[str], cwd: Path, columns: int, rows: int = 60, term: str = "xterm-256color"
    ) -> None:
        env = {**os.environ, "TERM": term}
        # pyte does not answer prompt_toolkit's cursor position requests; real terminals do.
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        env.pop("UV_RUN_RECURSION_DEPTH", None)
        env.pop("NO_COLOR", None)  # in colour, as a person's terminal is
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # pragma: no cover - the child
            os.chdir(cwd)
            os.execve(sys.executable, [sys.executable, "-m", "collabcheck", *args], env)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.raw = ""
        """Everything the command wrote, escape sequences and all."""

    def _read(self, timeout: float) -> None:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                data = os.read(self.fd, 65536)
                self.raw += data.decode("utf-8", "replace")
                self.stream.feed(data)
            except OSError:
                time.sleep(timeout)

    def text(self) -> str:
        """The screen's text, its lines joined by spaces and its spacing collapsed."""
        return " ".join(" ".join(self.screen.display).split())

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def wait_for(self, text: str, timeout: float = 20.0) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if time.monotonic() > deadline:
                shown = "\n".join(line for line in self.lines() if line)
                raise AssertionError(f"never saw {text!r}; the screen:\n{shown}")
            self._read(0.05)

    def send(self, keys: str) -> None:
        os.write(self.fd, keys.encode())

    def wait(self, timeout: float = 20.0) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                return os.waitstatus_to_exitcode(status)
            self._read(0.05)
        os.kill(self.pid, signal.SIGKILL)
        raise AssertionError("the run did not end")


HINT = "Keys: 1-5 answer"


@pytest.mark.parametrize("columns", [60, 100])
def test_every_question_reads_whole_and_the_run_ends_with_both_files_saved(
    tmp_path: Path, columns: int
) -> None:
    checklist = resolve("board-readiness", [])
    args = ["run", "board-readiness", "--org", "Example Trust", "--respondent", "A", "--role", "C"]
    term = Screen(args, tmp_path, columns)
    keys = "1234"  # Yes, Partly, No, Don't know in turn (each a key, no Enter)
    for index, question in enumerate(checklist.questions):
        number = checklist.numbers[question.id]
        term.wait_for(f"{number} {question.label}")
        term.wait_for(HINT)
        # Every word of the question whole: the screen's text holds the question's words in
        # order, which a break inside a word would split.
        assert " ".join(question.text.split()) in term.text(), question.id
        assert all(len(line) <= columns for line in term.lines())
        key = keys[index % len(keys)]
        term.send(key)
        if key in "234":  # Partly, No and Don't know ask for a note
            term.wait_for("Note (optional")
            term.send("\r")
    term.wait_for("Check your answers")
    term.wait_for("w writes the report")
    # One row per question, fitted: the number, the label and the answer on one line.
    rows = [line for line in term.lines() if line.lstrip(" \u203a").startswith("1.2 ")]
    assert len(rows) == 1 and "Training" in rows[0] and "Partly" in rows[0], term.lines()
    term.send("w")
    term.wait_for("Save as:")
    today = time.strftime("%Y-%m-%d")
    term.send("\r")  # Enter takes the default
    assert term.wait() == 0
    text = term.text()
    assert f"Saved the report: board-readiness-{today}.md" in text
    assert f"Saved the result: board-readiness-{today}.json" in text
    # The suggested commands as pasted: a long program path (the worktree's) may break them
    # between any two words, with the shell's line continuation.
    commands = " ".join(text.replace("\\", " ").split())
    assert "--format html" in commands and "combine" in commands

    report = (tmp_path / f"board-readiness-{today}.md").read_text(encoding="utf-8")
    data = json.loads((tmp_path / f"board-readiness-{today}.json").read_text(encoding="utf-8"))
    assert report.startswith("# Board readiness for collaboration: report")
    assert data["answers"][1]["answer"] == "partly"
    assert data["meta"]["organisation"] == "Example Trust"
    # The session went only once both files were there.
    assert not list((tmp_path / "state" / "collabcheck" / "sessions").glob("*.json"))


def test_ctrl_c_at_the_save_question_keeps_the_answers_for_resume(tmp_path: Path) -> None:
    args = ["run", "tiny.yaml", "--org", "O", "--respondent", "R", "--role", "C"]
    (tmp_path / "tiny.yaml").write_text(_tiny(), encoding="utf-8")
    term = Screen(args, tmp_path, 160)  # wide enough for the hint with a long python path
    for _ in range(3):
        term.wait_for(HINT)
        term.send("1")
    term.wait_for("Check your answers")
    term.send("w")
    term.wait_for("Save as:")
    term.send("\x03")
    assert term.wait() == 130
    assert "Saved 3 answers. Continue with:" in term.text()
    assert "collabcheck run tiny.yaml --resume" in term.text()

    again = Screen([*args, "--resume"], tmp_path, 60)
    again.wait_for("Resuming: 3 of 3 answered.")
    again.wait_for("Check your answers")  # all answered: straight to the check screen
    again.send("w")
    again.wait_for("Save as:")
    again.send("kept\r")
    assert again.wait() == 0
    assert json.loads((tmp_path / "kept.json").read_text())["scores"]["overall"]["score"] == 100
    assert (tmp_path / "kept.md").is_file()


def _tiny() -> str:
    from tests.conftest import MINIMAL

    return MINIMAL
