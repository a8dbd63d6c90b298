"""A run from start to result: answers from a file, a saved session or the person, then scores.

The CLI hands its options to ``run`` and renders what comes back. Everything asked on a terminal
is asked by interview.py, imported only then: a run from an answers file never loads it, nor
sessions or prompting.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from collabcheck.answers import AnswersFile, read_answers
from collabcheck.errors import (
    CollabcheckError,
    NoTerminalError,
    ReportNotWrittenError,
    RunInterruptedError,
    UsageError,
)
from collabcheck.model import Answer, Checklist, condition_met
from collabcheck.options import NotesPolicy
from collabcheck.render.escape import visible
from collabcheck.result import Meta, Result, build, now, visible_answers

if TYPE_CHECKING:
    from collabcheck.interview import Prompter
    from collabcheck.sessions import Session, SessionState


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
    session: Session | None = None
    """The interactive run's saved session, kept until the report is written."""
    ref: str = ""

    def deliver(self, write: Callable[[], None]) -> None:
        """Write the report (``write``), and only then remove the saved session. If writing
        fails, or is interrupted, the session is kept and the error says where the answers
        are and how to get the report."""
        session = self.session
        if session is None:
            write()
            return
        try:
            write()
        except CollabcheckError as exc:
            raise ReportNotWrittenError(f"{exc}; {keep(session, self.ref)}") from None
        except BaseException:
            keep(session, self.ref)
            raise
        session.discard()


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
        completed_at=now(),
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
    started = now()
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
        # What the person typed: answers, or details the command line did not give.
        details = ("organisation", "respondent", "role")
        typed = state.answers or any(
            getattr(state, key) not in (None, getattr(known, key)) for key in details
        )
        if not typed and not session.saved:
            session.discard()
            raise RunInterruptedError(
                0, options.ref, "Stopped before any answer: nothing was saved."
            ) from None
        if not session.save(warn=False):
            raise RunInterruptedError(
                len(state.answers), options.ref, "Stopped; " + keep(session, options.ref)
            ) from None
        session.release()
        raise RunInterruptedError(len(state.answers), options.ref) from None
    except BaseException:
        session.close()
        raise
    meta = Meta(
        organisation=state.organisation,
        respondent=state.respondent,
        role=state.role,
        started_at=state.started_at or now(),
        completed_at=now(),
    )
    result = build(checklist, answers, meta)
    return RunOutcome(result, interactive=True, warnings=warnings, session=session, ref=options.ref)


def keep(session: Session, ref: str) -> str:
    """Keep a run's answers on disk, however it ended; say where, and how to go on.

    The session file first; if it cannot be written (a full disk, a read-only state folder), an
    answers file in the temporary folder; if that fails too, the answers themselves on stderr:
    what was typed is never lost.
    """
    state = session.state
    one = len(state.answers) == 1
    count = f"{len(state.answers)} answer{'' if one else 's'}"
    if session.save(warn=False):
        session.release()
        kept = "is kept" if one else "are kept"
        return f"your {count} {kept} in {session.path}: collabcheck run {ref} --resume goes on"
    session.close()
    problem = session.unsaved
    text = answers_text(state)
    try:
        path = _spare_file(state.checklist_id, text)
    except OSError:
        from collabcheck.output import say

        say(f"cannot save your {count} ({problem}); here they are as an answers file:")
        if sys.stderr is not None:
            sys.stderr.write(visible(text) + "\n")
        return f"save the answers above to a file: collabcheck run {ref} --answers FILE uses them"
    return (
        f"your {count} could not be saved ({problem}), so {'it is' if one else 'they are'} in "
        f"{path}: "
        f"collabcheck run {ref} --answers {path} goes on"
    )


def answers_text(state: SessionState) -> str:
    """A session's answers as an answers file (JSON, which answers files may be)."""
    from collabcheck.render.escape import json_text

    answers = {
        qid: {
            "answer": list(a.answer) if isinstance(a.answer, tuple) else a.answer,
            "note": a.note,
        }
        for qid, a in state.answers.items()
    }
    details = {
        key: value
        for key in ("organisation", "respondent", "role")
        if (value := getattr(state, key)) is not None
    }
    return json_text({"checklist": state.checklist_id, **details, "answers": answers})


def _spare_file(checklist_id: str, text: str) -> Path:
    import tempfile

    from collabcheck.textfiles import encode

    fd, name = tempfile.mkstemp(prefix=f"collabcheck-{checklist_id}-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(encode(text))
            handle.flush()
            os.fsync(handle.fileno())
    except OSError:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)
