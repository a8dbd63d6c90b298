"""collabcheck form: where the page goes, what the command says, and its errors."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from tests.htmlpage import parse

Cli = Callable[..., CliResult]


def test_form_command_writes_the_page_to_a_file_and_says_what_next(
    cli: Cli, tiny: Path, tmp_path: Path
) -> None:
    out = tmp_path / "tiny-form.html"
    result = cli("form", str(tiny), "-o", str(out))

    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert parse(out.read_text(encoding="utf-8")).find("h1").text == "Tiny checklist"
    assert result.stderr.startswith(f"Wrote {out}\nNext: send it to each member")


def test_form_command_without_a_file_writes_to_stdout_when_it_is_not_a_terminal(
    cli: Cli, tiny: Path
) -> None:
    result = cli("form", str(tiny))

    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("<!DOCTYPE html>")
    assert result.stderr == ""


def test_form_command_on_a_terminal_writes_id_form_html(tiny: Path, tmp_path: Path) -> None:
    # HTML is no use on a screen: with stdout a terminal, the form goes to a file.
    terminal, side = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "collabcheck", "form", str(tiny)],
            cwd=tmp_path,
            stdout=side,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
            check=False,
        )
    finally:
        os.close(side)
        os.close(terminal)

    assert done.returncode == 0, done.stderr
    assert done.stderr.startswith("Wrote tiny-form.html\n")
    page = parse((tmp_path / "tiny-form.html").read_text(encoding="utf-8"))
    assert page.find("form").attrs["data-checklist"] == "tiny"


@pytest.mark.parametrize("ref", ["no-such-checklist", "missing.yaml"])
def test_form_of_an_unknown_checklist_is_one_line_and_exit_1(cli: Cli, ref: str) -> None:
    result = cli("form", ref)

    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("collabcheck: ")
