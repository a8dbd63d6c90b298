"""A run around the interview: who answers, resuming a saved session, the sections asked."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import pytest

from collabcheck.errors import RunInterruptedError, SessionError
from collabcheck.loader import parse_checklist
from collabcheck.model import Checklist
from collabcheck.plain import PlainPrompter
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
    assert "Resuming: 2 of 3 answered." in screen
    assert "Question 3 of 3" in screen and "Question 1 of 3" not in screen
    assert len(list(sessions_dir().glob("tiny.*.json"))) == 1  # kept until the report is out
    outcome.close()
    assert list(sessions_dir().glob("tiny.*")) == []  # then a completed run removes its session


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


# --- Ctrl-C at every kind of prompt, then --resume -------------------------------------------

CHOICES_AND_TEXT = """\
id: choosy
title: Choices
version: "1"
source: {publisher: P, title: T}
description: D
scale: yes-partly-no
sections:
  - id: idea
    title: The idea
    questions:
      - {id: ready, text: Is it ready?}
      - {id: origin, text: Where from?, kind: choice, multiple: true, choices: [Staff, Policy]}
      - {id: why, text: Why?, kind: text}
"""


@pytest.mark.parametrize(
    ("stop", "then", "expected"),
    [
        # at a question's list: the answer before it is kept, the rest asked on resume
        ("1" + CTRL_C, " " + ENTER + "because" + ENTER, ["yes", ["staff"], "because"]),
        # at the note after a low answer: the answer is kept, asked again with it as default
        ("3" + CTRL_C, ENTER + "late" + ENTER + " " + ENTER + ENTER, ["no", ["staff"], None]),
        # at the list of ticks, and at a text question
        (
            "1" + DOWN + " " + CTRL_C,
            " " + DOWN + " " + ENTER * 2,
            ["yes", ["staff", "policy"], None],
        ),
        ("1 " + ENTER + CTRL_C, "typed" + ENTER, ["yes", ["staff"], "typed"]),
        # at the check screen: everything is answered; resume goes straight back to it
        ("1 " + ENTER + "x" + ENTER + CTRL_C, "", ["yes", ["staff"], "x"]),
    ],
    ids=["question", "note", "ticks", "text", "check-screen"],
)
def test_ctrl_c_at_every_kind_of_prompt_then_resume(
    stop: str, then: str, expected: list[object]
) -> None:
    checklist = parse_checklist(parse_text(CHOICES_AND_TEXT, "choosy.yaml"), "choosy.yaml")
    with pytest.raises(RunInterruptedError) as stopped:
        drive(checklist, stop)
    assert "Continue with: collabcheck run choosy --resume" in str(stopped.value)

    outcome, screen = drive(checklist, then + WRITE, resume=True)

    assert [o.answer for o in outcome.result.outcomes] == expected
    assert "Resuming: " in screen


def test_ctrl_c_at_the_resume_offer_keeps_the_saved_answers(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, "3" + "why" + ENTER + CTRL_C)

    with pytest.raises(RunInterruptedError) as stopped:
        drive(tiny_checklist, CTRL_C)  # at "Resume or start over?"
    assert str(stopped.value) == (
        "Stopped; the saved answers are kept. Continue with: collabcheck run tiny --resume"
    )

    outcome, screen = drive(tiny_checklist, "11" + WRITE, resume=True)
    assert answers_of(outcome)[0] == ("first.one", "no", "why")
    assert "Resuming: 1 of 3 answered." in screen


def test_the_start_over_choice_says_when_in_words(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        drive(tiny_checklist, "1" + CTRL_C)

    _, screen = drive(tiny_checklist, "2" + "111" + WRITE)

    assert "You have a saved session: 1 of 3 answered, started today at " in screen
    assert "\u2192 Start over (the saved answers are discarded)" in screen


def test_saving_names_a_free_default_and_asks_before_replacing(
    tiny_checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    outcome, _ = drive(tiny_checklist, "111" + WRITE)
    (tmp_path / "mine.md").write_text("kept", encoding="utf-8")
    today = date.today().isoformat()
    said = io.StringIO()
    # Enter: the default; then "mine": exists, Enter keeps it (no); then "new"; then "new" again
    # and "2": replace it.
    outcome.prompter = PlainPrompter(io.StringIO("\nmine\n\nnew\nnew.md\n2\n"), said)

    assert outcome.save_beside() == (Path(f"tiny-{today}.md"), Path(f"tiny-{today}.json"))
    assert outcome.save_beside() == (Path("new.md"), Path("new.json"))
    assert outcome.save_beside() == (Path("new.md"), Path("new.json"))

    assert (tmp_path / "mine.md").read_text(encoding="utf-8") == "kept"
    assert f"Enter saves the report as tiny-{today}-2.md" in said.getvalue()
    assert "mine.md already exists. Replace?" in said.getvalue()
    assert "new.md and new.json already exist. Replace?" in said.getvalue()
    data = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert data["scores"]["overall"]["score"] == 100.0


def test_a_resumed_run_does_not_ask_again_who_is_answering(tiny_checklist: Checklist) -> None:
    with pytest.raises(RunInterruptedError):
        # Organisation given, name and role left empty, then one answer.
        drive(
            tiny_checklist,
            "Trust" + ENTER + ENTER + ENTER + "1" + CTRL_C,
            organisation=None,
            respondent=None,
            role=None,
        )

    # Only the two questions left and the check screen: a text prompt would take the keys.
    outcome, _ = drive(
        tiny_checklist, "11" + WRITE, resume=True, organisation=None, respondent=None, role=None
    )

    assert outcome.result.meta.organisation == "Trust"
    assert [o.answer for o in outcome.result.outcomes] == ["yes", "yes", "yes"]
