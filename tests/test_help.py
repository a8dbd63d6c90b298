"""Every command documents itself: --help works, says what it does and carries an example."""

from __future__ import annotations

from collections.abc import Callable

import pytest
import typer.main
from typer.testing import Result

from collabcheck.cli import app

Cli = Callable[..., Result]
COMMANDS = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def test_the_designed_commands_exist() -> None:
    designed = {"list", "show", "form", "run", "report", "validate", "combine", "compare", "new"}
    assert designed | {"schema"} == set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_command_help_has_a_summary_and_an_example(cli: Cli, name: str) -> None:
    result = cli(name, "--help")

    assert result.exit_code == 0
    assert "Usage:" in result.output
    assert "Example:" in result.output, f"{name} --help has no example"


def test_top_level_help_lists_every_command(cli: Cli) -> None:
    result = cli("--help")

    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.output


def test_the_readme_documents_every_command() -> None:
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")

    for name in COMMANDS:
        assert f"| `collabcheck {name}" in readme, f"README's command table lacks {name}"
