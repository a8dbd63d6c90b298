"""The rich output for a person at a terminal: the end-of-run summary and the ``list`` table."""

from __future__ import annotations

import pytest

from collabcheck.catalog import listings
from collabcheck.render.terminal import print_listing, print_summary
from tests.render.test_markdown import fixture_result


def test_the_summary_gives_every_section_its_score_and_rating_word(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_summary(fixture_result())

    captured = capsys.readouterr()
    assert captured.out == ""  # stdout may be the report
    rows = [" ".join(line.strip("│┃ ").split()) for line in captured.err.splitlines()]
    assert "Fixture checklist" in rows[0]
    assert "People | teams │ 50.0% amber" in rows
    assert "Money │ 0.0% red" in rows
    assert "Later │ no score" in rows
    assert "Overall │ 40.0% red" in rows


def test_the_list_table_names_each_bundled_checklist_and_its_source(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")  # wide enough that no cell wraps
    found, _ = listings()

    print_listing(found)

    table = capsys.readouterr().out
    assert "board-readiness" in table
    assert "Good Governance Institute (2021)" in table
    assert "bundled" in table
