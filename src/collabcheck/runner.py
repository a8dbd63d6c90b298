"""A run from start to result: answers from a file, a saved session or the person, then scores.

The CLI hands its options to ``run`` and renders what comes back. Everything asked on a terminal
is asked by interview.py, imported only then: a run from an answers file never loads it, nor
sessions or prompting.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from collabcheck.answers import AnswersFile, read_answers
from collabcheck.errors import NoTerminalError, RunInterruptedError, UsageError
from collabcheck.model import Answer, Checklist, condition_met
from collabcheck.options import NotesPolicy
from collabcheck.result import Meta, Result, build, now, visible_answers

if TYPE_CHECKING:
    from collabcheck.interview import Prompter


@dataclass(frozen=True)
class RunOptions:
    """What the person asked for on the command line."""

    checklist: Checklist
    ref: str
    """The checklist as the person named it, for the resume hint."""
    answers_path: Path | None = None
    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None
    sections: tuple[str, ...] = ()
    notes: NotesPolicy = NotesPolicy.LOW
    resume: bool = False


@dataclass
class RunOutcome:
    """The result, and the warnings to show beside it."""

    result: Result
    interactive: bool
    warnings: list[str] = field(default_factory=list)


def run(options: RunOptions, terminal: bool, prompter: Callable[[], Prompter]) -> RunOutcome:
    """Run a checklist: without prompts when there is no terminal, else interactively."""
    checklist = options.checklist
    _check_sections(options)
    preset = (
        read_answers(options.answers_path, checklist) if options.answers_path else AnswersFile()
    )
    if not terminal:
        if options.answers_path is None:
            raise NoTerminalError(
                "no terminal to ask the questions on; give the answers with --answers FILE"
            )
        return _run_from_file(options, preset)
    return _run_interactive(options, preset, prompter())


def _check_sections(options: RunOptions) -> None:
    known = [s.id for s in options.checklist.sections]
    for section in options.sections:
        if section not in known:
            raise UsageError(
                f"--section {section}: {options.checklist.id} has no such section; "
                f"its sections are {', '.join(known)}"
            )


def _meta(options: RunOptions, preset: AnswersFile, started_at: str | None) -> Meta:
    return Meta(
        organisation=options.organisation or preset.organisation,
        respondent=options.respondent or preset.respondent,
        role=options.role or preset.role,
        started_at=started_at,
        completed_at=preset.completed_at or now(),
    )


def _in_sections(options: RunOptions, answers: dict[str, Answer]) -> dict[str, Answer]:
    if not options.sections:
        return answers
    return {
        qid: answer for qid, answer in answers.items() if qid.split(".", 1)[0] in options.sections
    }


def _run_from_file(options: RunOptions, preset: AnswersFile) -> RunOutcome:
    checklist = options.checklist
    answers = _in_sections(options, preset.answers)
    shown = visible_answers(checklist, answers)
    missing = [
        q.id
        for q in checklist.questions
        if (not options.sections or q.section in options.sections)
        and q.id not in answers
        and condition_met(q.when, shown)
    ]
    source = options.answers_path
    warnings = []
    if missing:
        warnings.append(f"{len(missing)} questions not in {source} recorded as skipped: ")
        warnings[-1] += _listed(missing)
    outside = [qid for qid in preset.answers if qid not in answers]
    if outside:
        warnings.append(f"{len(outside)} answers in {source} left out by --section: ")
        warnings[-1] += _listed(outside)
    hidden = [qid for qid in answers if qid not in shown]
    if hidden:
        warnings.append(
            f"{len(hidden)} answers in {source} are to questions not asked (their 'when' is "
            f"not met), so they do not count: {_listed(hidden)}"
        )
    # A form's answers file says when it was completed, not when it was begun.
    started = None if preset.completed_at else now()
    result = build(checklist, answers, _meta(options, preset, started))
    return RunOutcome(result, interactive=False, warnings=warnings)


def _listed(ids: list[str]) -> str:
    return ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")


def _run_interactive(options: RunOptions, preset: AnswersFile, prompter: Prompter) -> RunOutcome:
    # Only a run on a terminal needs these (and questionary, through the prompter).
    from collabcheck.interview import Interview, Respondent, open_session

    checklist = options.checklist
    warnings: list[str] = []
    offer = options.answers_path is None
    session = open_session(
        checklist, prompter, resume=options.resume, offer=offer, warnings=warnings
    )
    state = session.state
    known = Respondent(
        organisation=options.organisation or preset.organisation,
        respondent=options.respondent or preset.respondent,
        role=options.role or preset.role,
    )
    try:
        if preset.answers:
            state.answers.update(_in_sections(options, preset.answers))
        interview = Interview(
            checklist, session, prompter, sections=options.sections, notes=options.notes
        )
        # Questions answered already (in the answers file, or in a session whose stale answers
        # were dropped) are not asked again; a plain resume goes on from where it stopped.
        answers = interview.run(known, only_unanswered=bool(preset.answers or warnings))
    except (KeyboardInterrupt, EOFError):
        if state.answers:
            session.save()
            session.release()
        else:
            session.discard()
        raise RunInterruptedError(len(state.answers), options.ref) from None
    meta = Meta(
        organisation=state.organisation,
        respondent=state.respondent,
        role=state.role,
        started_at=state.started_at or now(),
        completed_at=now(),
    )
    result = build(checklist, answers, meta)
    session.discard()
    return RunOutcome(result, interactive=True, warnings=warnings)
