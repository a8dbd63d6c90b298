"""What a command imports: heavy or unused modules stay off the start-up path of commands that
do not need them (measured in a fresh interpreter, without a terminal, as a script runs them)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from tests.test_cli_run import TINY_ANSWERS

Cli = Callable[..., Result]

# Runs the real entry point, then names every module it loaded on stderr's last line.
SCRIPT = """
import sys
from collabcheck.cli import main
try:
    main()
except SystemExit:
    pass
sys.stderr.write("\\n" + " ".join(sorted(sys.modules)) + "\\n")
"""

INTERACTIVE_ONLY = {
    "collabcheck.interview",
    "collabcheck.sessions",
    "collabcheck.prompting",
    "questionary",
    "prompt_toolkit",
    "rich",
}


def loaded_modules(*args: str, cwd: Path) -> set[str]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=cwd,
        check=True,
    )
    return set(done.stderr.splitlines()[-1].split())


@pytest.mark.parametrize(
    "args",
    [
        ["run", "tiny.yaml", "--answers", "answers.yaml", "--format", "md"],
        ["list"],
    ],
    ids=["run --answers", "list"],
)
def test_a_command_without_a_terminal_loads_nothing_interactive(
    args: list[str], tiny: Path
) -> None:
    (tiny.parent / "answers.yaml").write_text(TINY_ANSWERS, encoding="utf-8")

    loaded = loaded_modules(*args, cwd=tiny.parent)

    assert "collabcheck.cli" in loaded  # the command did run
    assert loaded & INTERACTIVE_ONLY == set()


def test_combine_of_json_results_loads_no_yaml_reader(cli: Cli, tiny: Path) -> None:
    # combine reads answers files too, but only they need the YAML reader and the checklist.
    answers, result = tiny.parent / "answers.yaml", tiny.parent / "result.json"
    answers.write_text(TINY_ANSWERS, encoding="utf-8")
    cli("run", str(tiny), "--answers", str(answers), "--format", "json", "-o", str(result))

    loaded = loaded_modules("combine", str(result), cwd=tiny.parent)

    assert "collabcheck.team" in loaded  # the command did run
    assert loaded & {"yaml", "collabcheck.yamlfile", "collabcheck.loader", "jinja2"} == set()


# What each command leaves unloaded once the checklist cache holds the files it reads (a second
# run): PyYAML costs more start-up than any of collabcheck's own modules; building dataclasses
# (model, scoring) costs about half a millisecond each; tempfile pulls in random.
NOT_LOADED_WHEN_CACHED = {
    "list": {"yaml", "collabcheck.loader", "collabcheck.model", "collabcheck.scoring"},
    "show": {"yaml", "collabcheck.scoring", "tempfile"},
    "run --answers": {"tempfile", "random"},
}


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("list", ["list"]),
        ("show", ["show", "tiny"]),
        ("run --answers", ["run", "tiny", "--answers", "in/answers.yaml", "-o", "out.md"]),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_command_loads_only_what_it_needs_once_the_cache_is_warm(
    name: str, args: list[str], tiny: Path
) -> None:
    # Not beside tiny.yaml: list would try it as a checklist, and parse it every time.
    (tiny.parent / "in").mkdir()
    (tiny.parent / "in" / "answers.yaml").write_text(TINY_ANSWERS, encoding="utf-8")
    args = ["--checklist-dir", str(tiny.parent), *args]
    loaded_modules(*args, cwd=tiny.parent)  # fills the cache

    loaded = loaded_modules(*args, cwd=tiny.parent)

    assert "collabcheck.cli" in loaded
    assert loaded & NOT_LOADED_WHEN_CACHED[name] == set()
