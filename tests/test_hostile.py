"""Hostile files given to every command that reads a file: exit 1, a message, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from collabcheck.textfiles import MAX_BYTES
from tests.conftest import MINIMAL
from tests.test_yamlfile import HOSTILE

Cli = Callable[..., Result]

CASES = {
    **HOSTILE,
    "empty": b"",
    "oversize": b"a: b\n" * (MAX_BYTES // 5 + 1),
    "json-wrong-types": b'{"schema": "collabcheck/result/v1", "checklist": 1, "meta": [],'
    b' "answers": "x", "scores": null}',
}


def commands(path: Path, tiny: Path) -> dict[str, list[str]]:
    return {
        "validate": ["validate", str(path)],
        "show": ["show", str(path)],
        "run --answers": ["run", str(tiny), "--answers", str(path)],
        "report": ["report", str(path)],
        "form": ["form", str(path)],
        "combine": ["combine", str(path)],
    }


COMMANDS = ["validate", "show", "form", "run --answers", "report", "combine"]


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("command", COMMANDS)
def test_hostile_input_gives_a_one_line_error(
    cli: Cli, tmp_path: Path, tiny: Path, case: str, command: str
) -> None:
    path = tmp_path / f"{case}.yaml"
    path.write_bytes(CASES[case])

    result = cli(*commands(path, tiny)[command])

    assert result.exit_code == 1
    assert str(path) in result.stderr
    assert result.stdout == ""


# One real process per command: the in-process test above already runs every case through
# every command (a traceback there fails the test); these add the real entry point, stdin with
# no terminal, and Python's own stack depth, so the deeply nested files come first.
REAL_PROCESS_CASES = [
    ("validate", "deep-block"),
    ("show", "deep-flow"),
    ("run --answers", "not-utf8"),
    ("report", "json-wrong-types"),
]


@pytest.mark.parametrize(("name", "case"), REAL_PROCESS_CASES)
def test_no_traceback_reaches_a_real_terminal(
    tmp_path: Path, tiny: Path, name: str, case: str
) -> None:
    path = tmp_path / f"{case}.json"
    path.write_bytes(CASES[case])
    args = commands(path, tiny)[name]
    done = subprocess.run(
        [sys.executable, "-m", "collabcheck", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=30,
    )
    assert done.returncode == 1, done.stderr[-300:]
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr


# --- the second round: terminals, injection, Unicode, numbers, scale ----------------------------

ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b]8;;http://evil.example\x1b\\link\x1b]8;;\x1b\\\x08"


def _hostile_checklist(write_file: Callable[[str, str], Path]) -> Path:
    text = MINIMAL.replace("title: Tiny checklist", f'title: "Tiny{_yaml(ESCAPES)}"')
    text = text.replace(
        "intro: Where it starts.", f'intro: "Where\\u202e it starts{_yaml(ESCAPES)}"'
    )
    return write_file("tiny.yaml", text)


def _yaml(text: str) -> str:
    return "".join(f"\\x{ord(c):02x}" if ord(c) < 0x20 or c in '"\\' else c for c in text)


def test_show_on_a_terminal_never_sends_a_control_sequence(
    write_file: Callable[[str, str], Path], tmp_path: Path
) -> None:
    from tests.test_terminal import Terminal

    path = _hostile_checklist(write_file)
    for fmt in ("text", "md", "json", "md -o /dev/tty"):
        terminal = Terminal(f"{sys.executable} -m collabcheck show {path} --format {fmt}", tmp_path)
        assert terminal.wait() == 0
        assert b"\x1b]0;" not in terminal.seen and b"\x1b[2J" not in terminal.seen, fmt
        assert b"\x1b]8;" not in terminal.seen and b"\x08" not in terminal.seen, fmt
        assert "\u202e".encode() not in terminal.seen, fmt


def test_warnings_and_errors_show_file_text_inertly(
    cli: Cli, tiny: Path, write_file: Callable[[str, str], Path]
) -> None:
    answers = write_file("a.yaml", f'answers:\n  "x{_yaml(ESCAPES)}\\ny": yes\n')

    result = cli("run", str(tiny), "--answers", str(answers))

    assert result.exit_code == 1
    assert "\x1b" not in result.stderr and "\x08" not in result.stderr
    assert result.stderr.count("\n") == 1 and "\u241b" in result.stderr


def test_a_results_checklist_id_cannot_inject_markdown(
    cli: Cli, tiny: Path, write_file: Callable[[str, str], Path], tmp_path: Path
) -> None:
    answers = write_file("a.yaml", "answers:\n  first.one: yes\n")
    path = tmp_path / "r.json"
    assert cli("run", str(tiny), "--answers", str(answers), "-o", str(path)).exit_code == 0
    hostile = "tiny`\n<script>alert(1)</script>\n# Owned\n\u202e"
    path.write_text(
        path.read_text("utf-8").replace('"id": "tiny"', json.dumps({"id": hostile})[1:-1]), "utf-8"
    )

    report = cli("report", str(path)).stdout

    assert "<script>" not in report and "\n# Owned" not in report and "\u202e" not in report
    assert report.count("\n# ") == 0 and report.startswith("# Tiny checklist: report")


@pytest.mark.parametrize("threshold", ["nan", "inf", "-1", "101"])
def test_fail_under_must_be_a_score(cli: Cli, tiny: Path, threshold: str) -> None:
    result = cli("run", str(tiny), "--answers", str(tiny), "--fail-under", threshold)

    assert result.exit_code == 2
    assert "is not a score from 0 to 100" in result.stderr


def test_an_argument_not_in_utf8_is_taken(tmp_path: Path, tiny: Path) -> None:
    answers = tmp_path / "a.yaml"
    answers.write_text("answers:\n  first.one: yes\n", encoding="utf-8")
    out = tmp_path / "r.md"

    done = subprocess.run(
        [
            sys.executable.encode(),
            b"-m",
            b"collabcheck",
            b"run",
            bytes(tiny),
            b"--answers",
            bytes(answers),
            b"--org",
            b"Caf\xe9 Trust",
            b"-o",
            bytes(out),
        ],
        capture_output=True,
        timeout=60,
    )

    assert done.returncode == 0, done.stderr
    assert "| Café Trust |" in out.read_text(encoding="utf-8")


def _checklist_of(count: int, text: str = "Is it in place?") -> str:
    lines = ["id: big", "title: Big", 'version: "1"', "source: {publisher: P, title: T}"]
    lines += ["description: d", "scale: yes-partly-no", "sections:"]
    for s in range(count // 100):
        lines += [f"  - id: s{s}", f"    title: Section {s}", "    questions:"]
        lines += [f"      - {{id: q{q}, text: '{q} {text}'}}" for q in range(100)]
    return "\n".join(lines) + "\n"


def test_the_result_of_a_large_checklist_is_read_back(
    cli: Cli, write_file: Callable[[str, str], Path], tmp_path: Path
) -> None:
    checklist = write_file("big.yaml", _checklist_of(4000, "Is this thing in place " * 3 + "?"))
    answers = write_file(
        "a.yaml",
        "answers:\n"
        + "".join(
            f"  s{s}.q{q}: {{answer: partly, note: a note}}\n"
            for s in range(40)
            for q in range(100)
        ),
    )
    result = tmp_path / "r.json"
    assert cli("run", str(checklist), "--answers", str(answers), "-o", str(result)).exit_code == 0
    assert result.stat().st_size > MAX_BYTES  # over the limit checklists have

    assert cli("report", str(result), "-o", str(tmp_path / "r.md")).exit_code == 0
    assert cli("combine", str(result), "-o", str(tmp_path / "team.md")).exit_code == 0


def test_answers_are_found_by_id_at_once(write_file: Callable[[str, str], Path]) -> None:
    from collabcheck.answers import read_answers
    from collabcheck.loader import load_path

    checklist = load_path(write_file("big.yaml", _checklist_of(6000)))
    answers = write_file(
        "a.yaml",
        "answers:\n" + "".join(f"  s{s}.q{q}: yes\n" for s in range(60) for q in range(100)),
    )

    started = time.perf_counter()
    read = read_answers(answers, checklist)
    took = time.perf_counter() - started

    assert len(read.answers) == 6000
    assert took < 2.0  # finding each id by a pass over every question took many times longer


@pytest.mark.parametrize("redirect", [">/dev/full", ">&-"])
def test_a_finished_run_whose_stdout_fails_keeps_its_answers(
    tiny: Path, tmp_path: Path, redirect: str
) -> None:
    from tests.test_terminal import Terminal

    who = "--org O --respondent R --role X"
    run = f"{sys.executable} -m collabcheck run {tiny} {who}"
    terminal = Terminal(f"{run} {redirect}", tmp_path)
    for question in ("first thing", "second thing", "third thing"):
        terminal.expect(question)
        terminal.send(b"\r")
    terminal.expect("write the report")
    terminal.send(b"\r")

    assert terminal.wait() == 1
    screen = terminal.seen.decode("utf-8", "replace")
    assert "cannot write to stdout" in screen and "answers are kept in" in screen
    assert "Traceback" not in screen
    resumed = Terminal(f"{run} --resume -o {tmp_path / 'r.md'}", tmp_path)
    resumed.expect("write the report")
    resumed.send(b"\r")
    assert resumed.wait() == 0
    assert (tmp_path / "r.md").read_text(encoding="utf-8").count("| Yes |") == 3
