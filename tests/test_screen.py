"""The words of the interview's screens: wrapping, times in words, and the resume command."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from collabcheck.catalog import resolve
from collabcheck.options import NotesPolicy
from collabcheck.runner import RunOptions, how_started
from collabcheck.screen import review_row, when_words, wrap

NOW = datetime(2026, 11, 29, 21, 30, tzinfo=timezone(timedelta(hours=0)))


@pytest.mark.parametrize(
    ("timestamp", "words"),
    [
        ("2026-11-29T20:58:00+00:00", "today at 20:58"),
        ("2026-11-28T09:05:00+00:00", "yesterday at 09:05"),
        ("2026-11-27T14:10:00+00:00", "on Friday 27 November at 14:10"),
        ("2026-10-01T10:00:00+00:00", "on 1 October at 10:00"),
        ("2025-03-03T10:00:00+00:00", "on 3 March 2025 at 10:00"),
        ("2026-11-29T21:58:00+01:00", "today at 20:58"),  # in the local zone
        (None, None),
        ("not a time", None),
    ],
)
def test_when_a_session_started_is_said_in_words(timestamp: str | None, words: str) -> None:
    assert when_words(timestamp, NOW) == words


@pytest.mark.parametrize("width", [60, 73, 100])
def test_wrapping_never_breaks_a_word(width: int) -> None:
    text = "Have all board members received the necessary induction, training and ongoing " * 3

    lines = wrap(text, width)

    assert all(len(line) < width for line in lines)
    assert " ".join(lines) == " ".join(text.split())


def test_a_check_screen_row_fits_and_keeps_the_answer() -> None:
    row = review_row("1.2", "A very long label " * 5, "Neither agree nor disagree", True, 55, 26)

    assert len(row) < 55
    assert row.startswith("1.2   A very long")
    assert row.endswith("Neither agree nor disagree +note")


@pytest.mark.parametrize(
    ("argv", "orig_argv", "env", "program"),
    [
        (
            ["/venv/bin/collabcheck"],
            ["/venv/bin/python", "/venv/bin/collabcheck"],
            {},
            "collabcheck",
        ),
        (
            ["/venv/bin/collabcheck"],
            ["/venv/bin/python", "/venv/bin/collabcheck"],
            {"UV_RUN_RECURSION_DEPTH": "1"},
            "uv run collabcheck",
        ),
        (
            ["/src/collabcheck/__main__.py"],
            ["python3", "-m", "collabcheck", "run"],
            {},
            "python3 -m collabcheck",
        ),
        (
            ["/src/collabcheck/__main__.py"],
            ["/venv/bin/python", "-m", "collabcheck"],
            {"UV_RUN_RECURSION_DEPTH": "1"},
            "uv run python -m collabcheck",
        ),
    ],
)
def test_how_the_tool_was_started_is_repeated_as_typed(
    argv: list[str], orig_argv: list[str], env: dict[str, str], program: str
) -> None:
    assert " ".join(how_started(argv, orig_argv, env)) == program


def test_the_resume_command_repeats_every_option_that_shapes_the_run() -> None:
    options = RunOptions(
        checklist=resolve("board-readiness", []),
        ref="my checklists/board.yaml",
        sections=("risks", "skills"),
        notes=NotesPolicy.ALWAYS,
        program=("uv", "run", "collabcheck"),
        shaping=("--checklist-dir=ours", "--format=json", f"-o={Path('out.json')}", "--plain"),
    )

    assert options.resume_command() == (
        "uv run collabcheck --checklist-dir ours run 'my checklists/board.yaml' "
        "--section risks --section skills --notes always --format json -o out.json --plain "
        "--resume"
    )
