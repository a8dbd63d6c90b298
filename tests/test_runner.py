"""A run around the interview: who answers, resuming a saved session, the sections asked."""

from __future__ import annotations

import pytest

from collabcheck.errors import RunInterruptedError, SessionError
from collabcheck.loader import parse_checklist
from collabcheck.model import Checklist
from collabcheck.sessions import saved_session, sessions_dir
from collabcheck.yamlfile import parse_text
from tests.conftest import MINIMAL
from tests.test_interview import CTRL_C, DOWN, ENTER, NO, PARTLY, WRITE, answers_of, drive


def test_organisation_and_respondent_are_asked_when_not_given(
    tiny_checklist: Checklist,
) -> None:
    keys = "Example Trust" + ENTER + ENTER + "Chair" + ENTER + ENTER * 3 + WRITE

    outcome, _ = drive(tiny_checklist, keys, organisation=None, respondent=None, role=None)

    assert outcome.result.meta.organisation == "Example Trust"
    assert outcome.result.meta.respondent is None  # left empty
    assert outcome.result.meta.role == "Chair"
    assert outcome.result.meta.started_at is not None


def test_ctrl_c_saves_and_resume_finishes(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError) as stopped:
        drive(tiny_checklist, ENTER + PARTLY + "typed" + ENTER + CTRL_C)

    assert str(stopped.value) == "Saved 2 answers. Continue with: collabcheck run tiny --resume"
    assert len(list(sessions_dir().glob("tiny.*.json"))) == 1

    outcome, screen = drive(tiny_checklist, NO + ENTER + WRITE, resume=True)

    assert answers_of(outcome) == [
        ("first.one", "yes", None),
        ("first.two", "partly", "typed"),
        ("second.three", "no", None),
    ]
    assert "Question 3 of 3" in screen and "Question 1 of 3" not in screen
    assert list(sessions_dir().glob("tiny.*")) == []  # a completed run removes its session


def test_a_saved_session_offers_resume_or_start_over(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, NO + ENTER + CTRL_C)

    # Down + Enter: start over, then answer Yes throughout.
    outcome, _ = drive(tiny_checklist, DOWN + ENTER + ENTER * 3 + WRITE)

    assert [o.answer for o in outcome.result.outcomes] == ["yes", "yes", "yes"]


def test_resume_without_a_saved_session_says_so(tiny_checklist: Checklist) -> None:
    with pytest.raises(SessionError, match="no saved session of tiny to resume"):
        drive(tiny_checklist, "", resume=True)


def test_started_at_on_a_resumed_run_is_the_first_answer(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, ENTER + CTRL_C)
    first = saved_session("tiny")
    assert first is not None
    started = first.state.started_at
    first.release()

    outcome, _ = drive(tiny_checklist, ENTER + ENTER + WRITE, resume=True)

    assert outcome.result.meta.started_at == started


def test_resuming_after_the_checklist_changed_asks_again_what_no_longer_fits(
    tiny_checklist: Checklist,
) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, PARTLY + ENTER + ENTER + CTRL_C)  # first.one partly, first.two yes
    text = MINIMAL.replace("scale: yes-partly-no", "scale: agree-5").replace(
        'version: "1"', 'version: "2"'
    )
    changed = parse_checklist(parse_text(text, "tiny.yaml"), "tiny.yaml")

    # Neither 'partly' nor 'yes' is an answer on agree-5: both are asked again, then the third.
    outcome, _ = drive(changed, ENTER + DOWN + ENTER + ENTER + WRITE, resume=True)

    assert [o.answer for o in outcome.result.outcomes] == [
        "strongly-agree",
        "agree",
        "strongly-agree",
    ]
    assert outcome.warnings == [
        "2 saved answers no longer fit tiny (changed since the session began, version 1 to 2) "
        "and were asked again"
    ]
