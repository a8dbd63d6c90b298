"""A staged checklist on a terminal: the stage is asked once (or given), later stages are not."""

from __future__ import annotations

from pathlib import Path

import pytest

from collabcheck.errors import RunInterruptedError, UsageError
from collabcheck.model import Status
from tests.test_interview import CTRL_C, DOWN, ENTER, WRITE, drive
from tests.test_stages import load


def statuses(outcome_statuses: list[tuple[str, Status]]) -> dict[str, str]:
    return {qid: status.value for qid, status in outcome_statuses}


def test_the_stage_is_asked_and_only_the_stages_reached_are_asked() -> None:
    # The stage: Down to the second, "2. The Team"; then six Yes answers; write the report.
    outcome, screen = drive(load(), DOWN + ENTER + ENTER * 6 + WRITE)

    result = outcome.result
    assert result.stage == "team"
    got = statuses([(o.id, o.status) for o in result.outcomes])
    assert got["impact.measure"] == got["impact.shared"] == "not_reached"
    assert got["talk.listen"] == got["team.roles"] == "answered"
    assert result.scores.overall.score == 100.0
    assert (
        "The sections are stages of the work. Those after the stage reached are not asked or "
        "scored; Keep Talking from the start."
    ) in " ".join(screen.split())
    assert "Section 3 of 4: Keep Talking" in screen and "The Impact" not in screen


def test_a_stage_given_on_the_command_line_is_not_asked() -> None:
    outcome, screen = drive(load(), ENTER * 4 + WRITE, stage="idea")

    assert outcome.result.stage == "idea"
    assert [o.id for o in outcome.result.outcomes if o.status is Status.ANSWERED] == [
        "idea.clear",
        "idea.owner",
        "talk.updates",
        "talk.listen",
    ]
    assert "stages of the work" not in screen


def test_a_resumed_run_keeps_its_stage() -> None:
    checklist = load()
    with pytest.raises(RunInterruptedError):
        drive(checklist, DOWN + DOWN + ENTER + ENTER + CTRL_C)  # stage 3, The Impact; one Yes

    outcome, screen = drive(checklist, ENTER * 7 + WRITE, resume=True)

    assert outcome.result.stage == "impact"
    assert "stages of the work" not in screen
    assert outcome.result.scores.overall.answered == 8


def test_the_welcome_links_the_source() -> None:
    from collabcheck.catalog import resolve

    checklist = resolve("collaborative-model")

    _, screen = drive(checklist, ENTER + ENTER + WRITE, stage="big-idea", sections=("big-idea",))

    assert "Link: https://involve.nottshc.nhs.uk/blog/collaborative-model/" in screen


def test_a_section_after_the_stage_given_is_a_usage_error_and_leaves_no_session(
    tmp_path: Path,
) -> None:
    with pytest.raises(UsageError) as caught:
        drive(load(), ENTER, sections=("impact",))  # the stage: Enter, "1. The Idea"

    assert (
        str(caught.value) == "--section impact: a stage after the one reached (idea), so not asked"
    )
    assert not list((tmp_path / "state").rglob("*.*"))


def test_the_resume_hint_repeats_the_stage_given() -> None:
    with pytest.raises(RunInterruptedError) as stopped:
        drive(load(), ENTER + CTRL_C, stage="idea")  # one Yes, then Ctrl-C

    assert str(stopped.value).endswith("--stage idea --resume")
