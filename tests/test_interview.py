"""The interactive run, driven through prompt_toolkit's pipe input as keystrokes."""

from __future__ import annotations

import io
import re
import threading

import pytest
from prompt_toolkit.data_structures import Size
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput, Output
from prompt_toolkit.output.vt100 import Vt100_Output

from collabcheck.loader import load_path, parse_checklist
from collabcheck.menu import Entry, Menu
from collabcheck.model import Checklist
from collabcheck.options import NotesPolicy
from collabcheck.prompting import TerminalPrompter
from collabcheck.render import markdown
from collabcheck.runner import RunOptions, RunOutcome, run
from collabcheck.screen import hint
from collabcheck.yamlfile import parse_text

ENTER = "\r"
DOWN = "\x1b[B"
UP = "\x1b[A"
SPACE = " "
CTRL_C = "\x03"
# On a yes-partly-no question: Yes, Partly, No, Don't know, Not applicable, Skip, Back.
PARTLY, NO, DONT_KNOW = DOWN + ENTER, DOWN * 2 + ENTER, DOWN * 3 + ENTER
SKIP, BACK = DOWN * 5 + ENTER, DOWN * 6 + ENTER
WRITE = "w"  # "check your answers": write the report


def drive(
    checklist: Checklist, keys: str, output: Output | None = None, **options: object
) -> tuple[RunOutcome, str]:
    """Run interactively, typing ``keys``; return the outcome and what the screen showed
    (the rich part: prompts draw on ``output``, by default nowhere)."""
    screen = io.StringIO()
    settings = {"organisation": "Org", "respondent": "Me", "role": "Chair", **options}
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        # Closed input ends a prompt with EOFError, so a test missing a key fails, not hangs.
        pipe.close()
        prompter = TerminalPrompter(input=pipe, output=output or DummyOutput(), screen=screen)
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
    assert "Section 1 of 2 \u00b7 Question 1 of 3" in screen
    assert "Section 2 of 2 \u00b7 Question 3 of 3" in screen
    assert "Where it starts." in screen  # the section intro
    assert "The first thing matters." in screen  # the question's help


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


def test_only_the_chosen_sections_are_asked(tiny_checklist: Checklist) -> None:
    outcome, screen = drive(tiny_checklist, NO + ENTER + WRITE, sections=("second",))

    assert [o.status.value for o in outcome.result.outcomes] == ["skipped", "skipped", "answered"]
    # The worksheet's section number, and how many sections this run asks.
    assert "Section 2 (asking 1 section) \u00b7 Question 1 of 1" in screen
    assert "Section 2 of 2: Second section" in screen


def test_a_question_keeps_its_worksheet_number_when_only_its_section_is_asked(
    tiny_checklist: Checklist,
) -> None:
    prompts = io.StringIO()
    terminal = Vt100_Output(prompts, lambda: Size(rows=40, columns=150), term="dumb")
    # No (no note); on the check screen pick the question, keep No (no note), then write.
    keys = NO + ENTER + DOWN + ENTER + ENTER + ENTER + WRITE

    outcome, _ = drive(tiny_checklist, keys, output=terminal, sections=("second",))

    # The check screen shows the worksheet's and the report's number.
    assert re.search(r"2\.1 +Is the third thing in place\? +No", prompts.getvalue())
    assert "1.1 Is the third" not in prompts.getvalue()
    assert "| 2.1 | Is the third thing in place? | No |" in markdown.report(outcome.result)


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
    from collabcheck.catalog import bundled_dir

    for path in sorted(bundled_dir().glob("*.yaml")):
        checklist = load_path(path)
        # Each prompt costs prompt_toolkit ~80 ms, so only the first section, and the first
        # section with a scored question, are typed; every question of every bundled checklist
        # is answered in test_every_bundled_checklist_runs_from_an_answers_file.
        scored = next(s for s in checklist.sections if any(q.scored for q in s.questions))
        sections = tuple(dict.fromkeys([checklist.sections[0].id, scored.id]))
        asked = [q for q in checklist.questions if q.section in sections]
        # A checkbox with nothing ticked is a skip; everything else takes the first option.
        # A staged checklist (the Collaborative Model) is run as at its end: every stage asked.
        stage = checklist.stages.steps[-1] if checklist.stages else None
        outcome, _ = drive(checklist, ENTER * len(asked) + WRITE, sections=sections, stage=stage)
        assert outcome.result.scores.overall.rounded == 100.0, path.name


# --- the keys: one per answer, s skip, b and Esc back, ? help, w write -------------------------


@pytest.mark.parametrize(
    ("key", "answer"),
    [("1", "yes"), ("2", "partly"), ("3", "no"), ("4", "dont-know"), ("5", "n/a")],
)
def test_a_digit_answers_at_once(tiny_checklist: Checklist, key: str, answer: str) -> None:
    # The digit answers the first question without Enter; a low answer asks for a note.
    note = ENTER if answer in ("partly", "no", "dont-know") else ""
    outcome, _ = drive(tiny_checklist, key + note + "1" + "1" + WRITE)

    assert answers_of(outcome)[0] == ("first.one", answer, None)


def test_s_skips_and_b_goes_back(tiny_checklist: Checklist) -> None:
    # one: s (skip); two: b (back to one); one: 1; two: 1; three: s.
    outcome, screen = drive(tiny_checklist, "s" + "b" + "1" + "1" + "s" + WRITE)

    assert answers_of(outcome) == [
        ("first.one", "yes", None),
        ("first.two", "yes", None),
        ("second.three", None, None),
    ]
    assert "Question 3 of 3 \u00b7 2 answered, 0 skipped" in screen


def test_escape_goes_back(tiny_checklist: Checklist) -> None:
    outcome, _ = drive(tiny_checklist, "1" + "\x1b" + "3" + ENTER + "1" + "1" + WRITE)

    assert answers_of(outcome)[0] == ("first.one", "no", None)


def test_question_mark_shows_help_and_the_hint_line_is_there() -> None:
    prompts = io.StringIO()
    terminal = Vt100_Output(prompts, lambda: Size(rows=40, columns=100), term="xterm")
    entries = [Entry("1", "Yes", "yes"), Entry("s", "Skip this question", "skip")]
    menu = Menu(entries, hint=hint(["1"]), help_lines=["Don't know counts as 0."])

    with create_pipe_input() as pipe:
        pipe.send_text("?")
        # The list is drawn with the help before the input ends (EOFError).
        threading.Timer(2.0, pipe.close).start()
        with pytest.raises(EOFError):
            menu.run(input=pipe, output=terminal)

    shown = prompts.getvalue()
    assert "Keys: 1 answer \u00b7 s skip \u00b7 b or Esc back \u00b7 ? help" in shown
    assert "Don't know counts as 0." in shown
    assert "(Use arrow keys)" not in shown


def test_the_check_screen_keeps_the_cursor_on_the_changed_question(
    tiny_checklist: Checklist,
) -> None:
    # All Yes; on the check screen go to 2.1 and make it No; Enter again opens 2.1 (the cursor
    # stayed there), keep No; then w writes.
    keys = "111" + DOWN * 3 + ENTER + "3" + ENTER + ENTER + ENTER + ENTER + WRITE

    outcome, _ = drive(tiny_checklist, keys)

    assert answers_of(outcome)[2] == ("second.three", "no", None)


def test_the_check_screen_fits_sixty_columns_and_scrolls_in_place() -> None:
    from collabcheck.catalog import resolve

    checklist = resolve("board-readiness", [])
    prompts = io.StringIO()
    terminal = Vt100_Output(prompts, lambda: Size(rows=20, columns=60), term="xterm")
    # Answer every question Yes, then walk to the last row and change it to Partly.
    keys = "1" * 27 + UP + ENTER + "2" + ENTER + WRITE

    outcome, _ = drive(checklist, keys, output=terminal)

    assert outcome.result.outcomes[-1].answer == "partly"
    drawn = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "\n", prompts.getvalue()).splitlines()
    rows = [line for line in drawn if re.match(r"[\u203a ] +\d\.\d ", line)]
    assert rows and all(len(row) < 60 for row in rows)
    # The last row, reached by going up from the top, is drawn: the list scrolled to it.
    last = checklist.numbers[checklist.questions[-1].id]
    assert any(f" {last} " in row and "Yes" in row for row in rows)
