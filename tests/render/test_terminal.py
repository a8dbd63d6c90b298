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
    assert "Fixture checklist" in rows[1]
    assert "1. People | teams │ 50.0% amber" in rows
    assert "2. Money │ 0.0% red" in rows
    assert "3. Later │ no score" in rows
    assert "Overall │ 40.0% red" in rows


def test_the_end_of_run_summary_counts_and_names_the_priority_gaps(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_summary(fixture_result(), gaps=5)

    err = capsys.readouterr().err
    assert (
        "7 questions: 4 answered (1 of them don't know), 1 not applicable, 1 skipped, "
        "1 not asked." in " ".join(err.split())
    )
    assert "- No: 1.4 Are carers involved?" in err
    assert (
        "Also 1 answer in part (Partly, Neither) and 1 knowledge gap (Don't know): "
        "the report lists them." in " ".join(err.split())
    )


def test_the_plain_summary_is_sentences_without_a_table_or_escape_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    print_summary(fixture_result(), plain=True, gaps=5)

    err = capsys.readouterr().err
    assert "1. People | teams: 50.0% amber\n" in err
    assert "Overall: 40.0% red\n" in err
    assert "\u2502" not in err and "\x1b" not in err


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


def test_the_summary_says_the_scores_are_collabchecks(capsys: pytest.CaptureFixture[str]) -> None:
    print_summary(fixture_result())

    text = " ".join(capsys.readouterr().err.split())
    assert (
        "Scores and ratings are collabcheck's summary of the answers, not the source's: "
        "green 75 or more, amber 50 or more, red below."
    ) in text


def test_the_summary_shows_the_stage_and_the_stages_not_reached(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from collabcheck.model import Answer
    from collabcheck.result import Meta, build
    from tests.test_stages import load

    monkeypatch.setenv("COLUMNS", "200")
    print_summary(build(load(), {"idea.clear": Answer("yes")}, Meta(), stage="idea"))

    err = capsys.readouterr().err
    rows = [" ".join(line.strip("│┃ ").split()) for line in err.splitlines()]
    assert "2. The Team │ not reached" in rows
    assert "3. Keep Talking │ no score" in rows
    assert "Stage reached: The Idea (stage 1 of 3)." in " ".join(err.split())
