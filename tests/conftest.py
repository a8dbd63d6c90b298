"""Shared fixtures: the CLI through its real entry point, and small checklist files.

Where a test goes: test_<module>.py for a module's logic (test_loader, test_answers,
test_sessions, test_interview, test_runner, test_scoring, test_team, test_compare, ...);
test_cli_<command>.py for what a command prints, writes and exits with; render/ for each output
format. Checks across every command or reader have their own file: test_hostile (hostile files),
test_fuzz (property tests), test_terminal (the real-terminal cases), test_install (the wheel),
test_help. Real processes and pseudo-terminals are slow: one case per kind of check, the rest
in process with CliRunner or prompt_toolkit's pipe input.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings
from typer.testing import CliRunner, Result

from collabcheck.cli import app
from collabcheck.loader import parse_checklist
from collabcheck.model import Checklist
from collabcheck.yamlfile import parse_text
from tests.browser import launched_browser, runs_last

if TYPE_CHECKING:
    from playwright.sync_api import Browser

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

# The property tests' budget: "quick" on every run; before a release, or after changing a
# reader, `uv run pytest --hypothesis-profile=thorough tests/test_fuzz.py` tries far more.
for _name, _examples in (("quick", 60), ("thorough", 2000)):
    settings.register_profile(
        _name, max_examples=_examples, deadline=None, suppress_health_check=[HealthCheck.too_slow]
    )
settings.load_profile("quick")

MINIMAL = """\
id: tiny
title: Tiny checklist
version: "1"
source:
  publisher: Test Publisher
  title: A test source
  year: 2024
description: A small checklist for tests.
scale: yes-partly-no
sections:
  - id: first
    title: First section
    intro: Where it starts.
    questions:
      - id: one
        label: One
        text: Is the first thing in place?
        help: The first thing matters.
      - id: two
        text: Is the second thing in place?
        weight: 2
  - id: second
    title: Second section
    questions:
      - id: three
        text: Is the third thing in place?
"""


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    """Keep the user's search path, saved sessions and cache out of every test."""
    monkeypatch.delenv("COLLABCHECK_PATH", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("NO_COLOR", "1")
    yield


@pytest.fixture
def cli() -> Callable[..., Result]:
    """Run collabcheck with arguments, as a user would, and return the result."""
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a (dedented) text file into the test's folder and return its path."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def tiny(write_file: Callable[[str, str], Path]) -> Path:
    """A valid three-question checklist file."""
    return write_file("tiny.yaml", MINIMAL)


@pytest.fixture
def tiny_checklist() -> Checklist:
    """The tiny checklist, parsed."""
    return parse_checklist(parse_text(MINIMAL, "tiny.yaml"), "tiny.yaml")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """One headless Chromium for every browser test of the run (see tests/browser.py)."""
    yield from launched_browser()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    runs_last(items)
