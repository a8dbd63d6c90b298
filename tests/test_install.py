"""A non-editable install carries the bundled checklists inside the package."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(shutil.which("uv") is None, reason="needs uv to build a fresh environment")
def test_installed_wheel_lists_the_five_checklists(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run(["uv", "venv", "-q", str(venv)], check=True)
    python = venv / "bin" / "python"
    # A copy of the source, so the install cannot see the checkout's top-level checklists/.
    source = tmp_path / "src"
    shutil.copytree(
        ROOT, source, ignore=shutil.ignore_patterns(".venv", ".git", ".*_cache", "__pycache__")
    )
    subprocess.run(["uv", "pip", "install", "-q", "--python", str(python), str(source)], check=True)
    shutil.rmtree(source)

    listed = subprocess.run(
        [str(venv / "bin" / "collabcheck"), "list", "--json"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )

    rows = json.loads(listed.stdout)
    assert len(rows) == 5
    assert all(Path(row["path"]).is_relative_to(venv) for row in rows)

    # The JSON Schemas travel in the wheel too, found by name from their folder.
    printed = subprocess.run(
        [str(venv / "bin" / "collabcheck"), "schema", "checklist"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert json.loads(printed.stdout)["title"] == "collabcheck checklist"

    # The offline form's script and style are files beside the templates: they travel too.
    form = subprocess.run(
        [str(venv / "bin" / "collabcheck"), "form", "board-readiness"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert "indexedDB.open" in form.stdout and "@page" in form.stdout
