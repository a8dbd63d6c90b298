"""Plain mode (--plain, and TERM=dumb): line by line over a pipe or a dumb terminal, with
numbered choices and not one escape sequence, for screen readers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.schemas import assert_valid
from tests.test_terminal_widths import Screen


def _run(args: list[str], typed: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "collabcheck", *args],
        input=typed,
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, **env},
        timeout=60,
    )


def test_plain_mode_over_a_pipe_asks_line_by_line_without_escape_codes(tiny: Path) -> None:
    typed = "\n".join(
        [
            "Example Trust",  # organisation
            "",  # name: left empty
            "Chair",  # role
            "partly",  # 1.1 One: an answer may be typed as its key...
            "half done",  # ...a low answer asks for a note
            "b",  # 1.2: back to 1.1
            "",  # 1.1: Enter keeps Partly
            "",  # its note: Enter keeps it
            "?",  # 1.2: help, then asked again
            "x",  # not an answer: said so, asked again
            "1",  # 1.2: Yes
            "s",  # 2.1: skipped
            "2.1",  # check screen: change 2.1
            "3",  # No
            "",  # no note
            "",  # write the report
        ]
    )

    done = _run(["run", tiny.name, "--plain", "--format", "json"], typed + "\n", tiny.parent)

    assert done.returncode == 0, done.stderr
    assert "\x1b" not in done.stderr and "\x1b" not in done.stdout
    data = json.loads(done.stdout)
    assert_valid("result", data)
    assert [(a["answer"], a["note"]) for a in data["answers"]] == [
        ("partly", "half done"),
        ("yes", None),
        ("no", None),
    ]
    screen = done.stderr
    assert "1.1 One\n" in screen
    assert "1 Yes\n2 Partly\n3 No\n4 Don't know\n5 Not applicable\n" in screen
    assert "s Skip this question\nb Back to the previous question\n" in screen
    assert "Answer 1-5, s skip, b back, ? help (Enter for Yes): " in screen
    assert "Don't know counts as 0" in screen  # the help
    assert "Type one of 1-5, s, b or ?." in screen
    assert "2.1 Is the third thing in place?: Skipped" not in screen
    assert "2.1 Is the third thing in place?: (skipped)" in screen
    assert "1.1 One: Partly, with a note" in screen
    assert "Overall: " in screen  # the summary, in sentences


def test_without_plain_a_pipe_is_still_refused(tiny: Path) -> None:
    done = _run(["run", tiny.name], "1\n", tiny.parent)

    assert done.returncode == 1
    assert "no terminal to ask the questions on" in done.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_term_dumb_is_plain_and_the_run_still_saves_both_files(tiny: Path) -> None:
    args = ["run", tiny.name, "--org", "O", "--respondent", "R", "--role", "C"]
    term = Screen(args, tiny.parent, 80, term="dumb")
    for _ in range(3):
        term.wait_for("(Enter for Yes):")
        term.send("1\r")
    term.wait_for("or Enter to write the report:")
    term.send("\r")
    term.wait_for("Save as:")
    term.send("plain-run\r")
    assert term.wait() == 0
    assert "\x1b" not in term.raw
    assert (tiny.parent / "plain-run.md").is_file()
    data = json.loads((tiny.parent / "plain-run.json").read_text())
    assert data["scores"]["overall"]["score"] == 100
