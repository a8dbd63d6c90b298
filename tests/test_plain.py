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


def test_plain_mode_asks_the_stage_with_numbered_choices(tmp_path: Path) -> None:
    from tests.test_stages import STAGED

    (tmp_path / "change.yaml").write_text(STAGED, encoding="utf-8")
    # The stage: 2, The Team; then Yes to the six questions of the stages reached; write.
    typed = "\n".join(["2", *["1"] * 6, ""]) + "\n"
    args = ["run", "change.yaml", "--plain", "--org", "O", "--respondent", "R", "--role", "C"]

    done = _run([*args, "--format", "json"], typed, tmp_path)

    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["stage"] == "team"
    assert {a["id"]: a["status"] for a in data["answers"]}["impact.shared"] == "not_reached"
    screen = done.stderr
    assert "\x1b" not in screen
    assert "Which stage has the work reached?\n1 The Idea\n2 The Team\n3 The Impact\n" in screen
    assert "Choose 1-3 (Enter for 1): " in screen
    assert "4. The Impact: not reached\n" in screen  # the summary, in sentences
    assert "Stage reached: The Team (stage 2 of 3)." in screen


def test_the_check_screen_adds_no_colon_to_a_question_ending_in_one() -> None:
    import io

    from collabcheck.interview import ReviewLine
    from collabcheck.model import Question
    from collabcheck.plain import PlainPrompter

    asked = Question(id="idea.from", section="idea", text="Where the idea comes from:")
    output = io.StringIO()
    prompter = PlainPrompter(io.StringIO("\n"), output, width=80)

    prompter.review([ReviewLine(asked, "1.1", "Commissioners", None)], "1 answered", None)

    assert "1.1 Where the idea comes from: Commissioners\n" in output.getvalue()
