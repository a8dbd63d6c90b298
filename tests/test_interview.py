"""The interactive run, driven through prompt_toolkit's pipe input as keystrokes."""

from __future__ import annotations

import io

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from collabcheck.errors import RunInterruptedError, SessionError
from collabcheck.interview import NotesPolicy
from collabcheck.loader import load_path, parse_checklist
from collabcheck.model import Answer, Checklist
from collabcheck.prompting import TerminalPrompter
from collabcheck.runner import RunOptions, RunOutcome, run
from collabcheck.sessions import Session, saved_session, sessions_dir
from collabcheck.yamlfile import parse_text
from tests.conftest import MINIMAL

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
# On a yes-partly-no question: Yes, Partly, No, Don't know, Not applicable, Skip, Back.
PARTLY, NO, DONT_KNOW = DOWN + ENTER, DOWN * 2 + ENTER, DOWN * 3 + ENTER
SKIP, BACK = DOWN * 5 + ENTER, DOWN * 6 + ENTER
WRITE = ENTER  # the first choice of "check your answers"


@pytest.fixture
def tiny_checklist() -> Checklist:
    return parse_checklist(parse_text(MINIMAL, "tiny.yaml"), "tiny.yaml")


def drive(checklist: Checklist, keys: str, **options: object) -> tuple[RunOutcome, str]:
    """Run interactively, typing ``keys``; return the outcome and what the screen showed."""
    screen = io.StringIO()
    settings = {"organisation": "Org", "respondent": "Me", "role": "Chair", **options}
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        # Closed input ends a prompt with EOFError, so a test missing a key fails, not hangs.
        pipe.close()
        prompter = TerminalPrompter(input=pipe, output=DummyOutput(), screen=screen)
        outcome = run(
            RunOptions(checklist=checklist, ref=checklist.id, **settings),  # type: ignore[arg-type]
            terminal=True,
            prompter=lambda: prompter,
        )
    return outcome, screen.getvalue()


def answers_of(outcome: RunOutcome) -> list[tuple[str, object, object]]:
    return [(o.id, o.answer, o.note) for o in outcome.result.outcomes]


def test_enter_alone_moves_forward_and_low_answers_ask_for_a_note(
    tiny_checklist: Checklist,
) -> None:
    keys = ENTER + PARTLY + "half done" + ENTER + NO + ENTER + WRITE

    outcome, screen = drive(tiny_checklist, keys)

    assert answers_of(outcome) == [
        ("first.one", "yes", None),
        ("first.two", "partly", "half done"),
        ("second.three", "no", None),  # an empty note is no note
    ]
    assert outcome.result.scores.overall.rounded == 50.0
    assert "Section 1/2 \u00b7 Question 1 of 3" in screen
    assert "Section 2/2 \u00b7 Question 3 of 3" in screen
    assert "Where it starts." in screen  # the section intro
    assert "The first thing matters." in screen  # the question's help


def test_organisation_and_respondent_are_asked_when_not_given(
    tiny_checklist: Checklist,
) -> None:
    keys = "Example Trust" + ENTER + ENTER + "Chair" + ENTER + ENTER * 3 + WRITE

    outcome, _ = drive(tiny_checklist, keys, organisation=None, respondent=None, role=None)

    assert outcome.result.meta.organisation == "Example Trust"
    assert outcome.result.meta.respondent is None  # left empty
    assert outcome.result.meta.role == "Chair"
    assert outcome.result.meta.started_at is not None


def test_skip_and_back(tiny_checklist: Checklist) -> None:
    # one: No with a note; two: Back; one: Up to Yes; two: Skip; three: Yes.
    keys = NO + "x" + ENTER + BACK + UP + UP + ENTER + SKIP + ENTER + WRITE

    outcome, _ = drive(tiny_checklist, keys)

    assert answers_of(outcome) == [
        ("first.one", "yes", "x"),  # the note stays with the question
        ("first.two", None, None),
        ("second.three", "yes", None),
    ]
    assert outcome.result.outcomes[1].status.value == "skipped"


def test_going_back_starts_on_the_earlier_answer(tiny_checklist: Checklist) -> None:
    # one: No, note; two: Back; one: Enter keeps No (cursor on it), note kept; then Yes, Yes.
    keys = NO + "first note" + ENTER + BACK + ENTER + ENTER + ENTER + ENTER + WRITE

    outcome, _ = drive(tiny_checklist, keys)

    assert answers_of(outcome)[0] == ("first.one", "no", "first note")


def test_check_your_answers_screen_changes_an_answer(tiny_checklist: Checklist) -> None:
    # Answer Yes to all; on the check screen pick the 2nd question and make it No.
    keys = ENTER * 3 + DOWN * 2 + ENTER + NO + "changed" + ENTER + WRITE

    outcome, screen = drive(tiny_checklist, keys)

    assert answers_of(outcome)[1] == ("first.two", "no", "changed")
    assert "Check your answers" in screen


def test_check_screen_offers_a_note_on_any_answer(tiny_checklist: Checklist) -> None:
    keys = ENTER * 3 + DOWN + ENTER + ENTER + "a good one" + ENTER + WRITE

    outcome, _ = drive(tiny_checklist, keys)

    assert answers_of(outcome)[0] == ("first.one", "yes", "a good one")


@pytest.mark.parametrize(
    ("policy", "keys", "note"),
    [
        (NotesPolicy.ALWAYS, ENTER + "kept" + ENTER + ENTER + ENTER + ENTER + ENTER, "kept"),
        (NotesPolicy.NEVER, NO + ENTER + ENTER, None),
    ],
)
def test_notes_option(
    tiny_checklist: Checklist, policy: NotesPolicy, keys: str, note: str | None
) -> None:
    outcome, _ = drive(tiny_checklist, keys + WRITE, notes=policy)

    assert answers_of(outcome)[0][2] == note


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


def test_two_runs_at_once_keep_separate_sessions(tiny_checklist: Checklist) -> None:
    one = Session.create("tiny", "1")
    two = Session.create("tiny", "1")
    one.state.answers["first.one"] = Answer("yes")
    two.state.answers["first.one"] = Answer("no")
    one.save()
    two.save()

    assert one.path != two.path
    # Both are held by running processes, so neither is offered for resuming.
    assert saved_session("tiny") is None
    two.release()
    resumed = saved_session("tiny")
    assert resumed is not None and resumed.state.answers["first.one"].answer == "no"


def test_only_the_chosen_sections_are_asked(tiny_checklist: Checklist) -> None:
    outcome, screen = drive(tiny_checklist, NO + ENTER + WRITE, sections=("second",))

    assert [o.status.value for o in outcome.result.outcomes] == ["skipped", "skipped", "answered"]
    assert "Section 1/1 \u00b7 Question 1 of 1" in screen


CHOICES = """\
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
      - {id: origin, text: Where from?, kind: choice, multiple: true,
         choices: [Staff, Commissioners, Policy change]}
      - {id: scope, text: What scope?, kind: choice, choices: [One service, Trustwide]}
      - {id: why, text: Why staff?, kind: text, when: {question: idea.origin, answer: staff}}
      - {id: ready, text: Is it ready?}
"""


def test_choice_checkbox_text_and_when() -> None:
    checklist = parse_checklist(parse_text(CHOICES, "choosy.yaml"), "choosy.yaml")
    # origin: tick Staff and Policy change; scope: Trustwide; why (shown): text; ready: Yes.
    keys = SPACE + DOWN + DOWN + SPACE + ENTER + DOWN + ENTER + "They asked" + ENTER + ENTER + WRITE

    outcome, _ = drive(checklist, keys)

    assert answers_of(outcome) == [
        ("idea.origin", ["staff", "policy-change"], None),
        ("idea.scope", "trustwide", None),
        ("idea.why", "They asked", None),
        ("idea.ready", "yes", None),
    ]


def test_a_question_whose_condition_fails_is_hidden() -> None:
    checklist = parse_checklist(parse_text(CHOICES, "choosy.yaml"), "choosy.yaml")
    # origin: tick Commissioners only; scope: first; why is hidden; ready: No.
    keys = DOWN + SPACE + ENTER + ENTER + NO + ENTER + WRITE

    outcome, screen = drive(checklist, keys)

    statuses = [o.status.value for o in outcome.result.outcomes]
    assert statuses == ["answered", "answered", "hidden", "answered"]
    assert "Question 3 of 3" in screen  # progress counts the questions shown


def test_every_bundled_checklist_can_be_answered_with_enter_alone() -> None:
    from collabcheck.loader import bundled_dir

    for path in sorted(bundled_dir().glob("*.yaml")):
        checklist = load_path(path)
        # Each prompt costs prompt_toolkit ~80 ms, so only the first section, and the first
        # section with a scored question, are typed; every question of every bundled checklist
        # is answered in test_every_bundled_checklist_runs_from_an_answers_file.
        scored = next(s for s in checklist.sections if any(q.scored for q in s.questions))
        sections = tuple(dict.fromkeys([checklist.sections[0].id, scored.id]))
        asked = [q for q in checklist.questions if q.section in sections]
        # A checkbox with nothing ticked is a skip; everything else takes the first option.
        outcome, _ = drive(checklist, ENTER * len(asked) + WRITE, sections=sections)
        assert outcome.result.scores.overall.rounded == 100.0, path.name


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


def test_a_damaged_session_file_does_not_block_new_runs(tiny_checklist: Checklist) -> None:
    folder = sessions_dir()
    folder.mkdir(parents=True)
    (folder / "tiny.20260101T000000.1-abc.json").write_text(
        '{"schema": "collabcheck/session/v1", "answers": []}', encoding="utf-8"
    )

    outcome, _ = drive(tiny_checklist, ENTER * 3 + WRITE)

    assert [o.answer for o in outcome.result.outcomes] == ["yes", "yes", "yes"]
