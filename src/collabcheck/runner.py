"""A run from start to result: answers from a file, a saved session or the person, then scores.

The CLI hands its options to ``run`` and renders what comes back. Everything asked on a terminal
is asked by interview.py, imported only then: a run from an answers file never loads it, nor
sessions or prompting.
"""

from __future__ import annotations

import datetime
import os
import shlex
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from collabcheck.answers import AnswersFile, read_answers, stage_problem
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
from collabcheck.screen import command_line

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
    stage: str | None = None
    """In a staged checklist, the stage the work has reached (``--stage``)."""
    program: tuple[str, ...] = ("collabcheck",)
    """How the tool was started (``uv run collabcheck``...), for the resume hint."""
    shaping: tuple[str, ...] = ()
    """Options given before ``run`` (``--checklist-dir DIR``) and those that shape the report
    (``--format``, ``-o``, ``--plain``), repeated in the resume hint as given."""

    def resume_command(self) -> str:
        """The command that carries on this run: as it was started, with every option that
        shapes it."""
        before = [a for a in self.shaping if a.startswith("--checklist-dir")]
        after = [a for a in self.shaping if not a.startswith("--checklist-dir")]
        words = [*_split(before), "run", self.ref]
        for section in self.sections:
            words += ["--section", section]
        if self.stage is not None:
            words += ["--stage", self.stage]
        if self.notes is not NotesPolicy.LOW:
            words += ["--notes", self.notes.value]
        words += [*_split(after), "--resume"]
        return command_line(self.program, words)


def _free_name(stem: str) -> Path:
    """``STEM.md``, or ``STEM-2.md``, ``STEM-3.md``... the first with no .md nor .json yet."""
    candidate, number = stem, 1
    while Path(f"{candidate}.md").exists() or Path(f"{candidate}.json").exists():
        number += 1
        candidate = f"{stem}-{number}"
    return Path(f"{candidate}.md")


def _split(options: list[str]) -> list[str]:
    """``--opt=value`` pairs as the two words a person types."""
    return [word for option in options for word in option.split("=", 1)]


def how_started(argv: list[str], orig_argv: list[str], env: Mapping[str, str]) -> tuple[str, ...]:
    """How the person started collabcheck, as they would type it again: ``collabcheck``,
    ``uv run collabcheck`` or ``python -m collabcheck`` (``uv run`` leaves
    UV_RUN_RECURSION_DEPTH in the environment of what it runs)."""
    through_uv = ("uv", "run") if env.get("UV_RUN_RECURSION_DEPTH") else ()
    if "-m" in orig_argv[1:3] and argv and argv[0].endswith("__main__.py"):
        python = Path(orig_argv[0]).name if through_uv else orig_argv[0]
        return (*through_uv, python, "-m", "collabcheck")
    return (*through_uv, "collabcheck")


@dataclass
class RunOutcome:
    """The result, and the warnings to show beside it.

    An interactive run keeps its session (and its prompter, to ask where to save) until
    ``close``: the answers stay on disk until the report and result are written.
    """

    result: Result
    interactive: bool
    warnings: list[str] = field(default_factory=list)
    session: Session | None = None
    prompter: Prompter | None = None
    options: RunOptions | None = None

    def save_beside(self) -> tuple[Path, Path]:
        """Ask where to save, then write the Markdown report and the JSON result side by side
        (``ID-YYYY-MM-DD.md`` and ``.json`` in the current folder unless the person says
        otherwise); Ctrl-C keeps the session. Returns the two paths."""
        from collabcheck.output import OutputError, write_file
        from collabcheck.render import RunFormat, render_result

        assert self.prompter is not None
        today = datetime.date.today().isoformat()
        default = _free_name(f"{self.result.checklist.id}-{today}")
        try:
            while True:
                report, data = self._ask_save_paths(default)
                try:
                    # As every -o: a FIFO or device typed here is written, never replaced.
                    write_file(report, render_result(self.result, RunFormat.MD))
                    write_file(data, render_result(self.result, RunFormat.JSON))
                except OutputError as exc:
                    self.prompter.notice(str(exc))
                    continue
                return report, data
        except (KeyboardInterrupt, EOFError):
            raise self.interrupted() from None

    def _ask_save_paths(self, default: Path) -> tuple[Path, Path]:
        assert self.prompter is not None
        while True:
            # The default is named, not typed in: what the person types replaces it.
            self.prompter.notice(
                f"Enter saves the report as {default} and the result beside it as "
                f"{default.with_suffix('.json')}; or type another name."
            )
            reply = self.prompter.ask_text("Save as:")
            chosen = Path(reply) if reply else default
            if chosen.is_dir():
                chosen = chosen / default.name
            stem = chosen.with_suffix("") if chosen.suffix in (".md", ".json") else chosen
            report, data = (stem.with_name(stem.name + suffix) for suffix in (".md", ".json"))
            there = [str(p) for p in (report, data) if p.exists()]
            if not there or self._replace(there):
                return report, data

    def _replace(self, there: list[str]) -> bool:
        assert self.prompter is not None
        options = [("other", "No, choose another name"), ("replace", "Yes, replace")]
        question = f"{' and '.join(there)} already exist{'s' if len(there) == 1 else ''}. Replace?"
        return self.prompter.ask_choice(question, options, "other") == "replace"

    def deliver(self, write: Callable[[], None]) -> None:
        """Write the report (``write``); if that fails, or is interrupted, keep the session and
        say where the answers are and how to get the report (``close`` removes it once
        everything is written)."""
        session = self.session
        if session is None or self.options is None:
            write()
            return
        try:
            write()
        except CollabcheckError as exc:
            raise ReportNotWrittenError(f"{exc}; {keep(session, self.options)}") from None
        except BaseException:
            keep(session, self.options)
            raise

    def interrupted(self) -> RunInterruptedError:
        """Stop with the session kept, saying how to carry on."""
        assert self.session is not None and self.options is not None
        return _interrupted(self.session, self.options)

    def close(self) -> None:
        """The report and result are written: remove the session."""
        if self.session is not None:
            self.session.discard()


def run(options: RunOptions, terminal: bool, prompter: Callable[[], Prompter]) -> RunOutcome:
    """Run a checklist: without prompts when there is no terminal, else interactively."""
    checklist = options.checklist
    _check_stage(options)
    preset = (
        read_answers(options.answers_path, checklist) if options.answers_path else AnswersFile()
    )
    if options.stage is None and preset.stage is not None:
        options = replace(options, stage=preset.stage)
    _check_sections(options)
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
        if section not in _reached(options):
            raise UsageError(
                f"--section {section}: a stage after the one reached ({options.stage}), "
                "so not asked"
            )


def _check_stage(options: RunOptions) -> None:
    if options.stage is not None:
        problem = stage_problem(options.checklist, options.stage)
        if problem:
            raise UsageError(f"--stage {options.stage}: {problem}")


def _reached(options: RunOptions) -> frozenset[str]:
    """The sections the run may ask: all of them, or the stages reached."""
    stages = options.checklist.stages
    if stages is None:
        return frozenset(s.id for s in options.checklist.sections)
    return stages.reached(options.stage)


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
    reached = _reached(options)
    answers = _in_sections(options, preset.answers)
    later = [qid for qid in answers if qid.split(".", 1)[0] not in reached]
    shown = visible_answers(checklist, {q: a for q, a in answers.items() if q not in later})
    missing = [
        q.id
        for q in checklist.questions
        if (not options.sections or q.section in options.sections)
        and q.section in reached
        and q.id not in answers
        and condition_met(q.when, shown)
    ]
    source = options.answers_path
    warnings = []
    if checklist.stages is not None and options.stage is None:
        warnings.append(
            f"{checklist.id} is staged and no stage was given (--stage ID, or stage: in "
            f"{source}): every stage is asked and scored"
        )
    if later:
        warnings.append(
            f"{len(later)} answers in {source} are to stages not reached (after "
            f"{options.stage}), so they do not count: {_listed(checklist, later)}"
        )
    if missing:
        warnings.append(f"{len(missing)} questions not in {source} recorded as skipped: ")
        warnings[-1] += _listed(checklist, missing)
    outside = [qid for qid in preset.answers if qid not in answers]
    if outside:
        warnings.append(f"{len(outside)} answers in {source} left out by --section: ")
        warnings[-1] += _listed(checklist, outside)
    hidden = [qid for qid in answers if qid not in shown and qid not in later]
    if hidden:
        warnings.append(
            f"{len(hidden)} answers in {source} are to questions not asked (their 'when' is "
            f"not met), so they do not count: {_listed(checklist, hidden)}"
        )
    # A form's answers file says when it was completed, not when it was begun.
    started = None if preset.completed_at else now()
    result = build(checklist, answers, _meta(options, preset, started), options.stage)
    return RunOutcome(result, interactive=False, warnings=warnings)


def _listed(checklist: Checklist, ids: list[str]) -> str:
    # By number, as the worksheet, the screen and the blank answers file say them.
    numbers = [checklist.numbers.get(qid, qid) for qid in ids]
    return ", ".join(numbers[:5]) + (", ..." if len(numbers) > 5 else "")


def _run_interactive(options: RunOptions, preset: AnswersFile, prompter: Prompter) -> RunOutcome:
    # Only a run on a terminal needs these (and questionary, through the prompter).
    from collabcheck.interview import Interview, Respondent, open_session

    checklist = options.checklist
    warnings: list[str] = []
    offer = options.answers_path is None
    try:
        session = open_session(
            checklist,
            prompter,
            resume=options.resume,
            offer=offer,
            warnings=warnings,
            sections=options.sections,
        )
    except (KeyboardInterrupt, EOFError):
        # Nothing was answered in this run; a saved session, if any, is still on disk.
        raise RunInterruptedError(0, options.resume_command(), kept=True) from None
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
        answers = interview.run(
            known, only_unanswered=bool(preset.answers or warnings), stage=options.stage
        )
    except (KeyboardInterrupt, EOFError):
        # What the person typed: answers, or details the command line did not give.
        details = ("organisation", "respondent", "role")
        typed = state.answers or any(
            getattr(state, key) not in (None, getattr(known, key)) for key in details
        )
        if not typed and not session.saved:
            session.discard()
            raise RunInterruptedError(0, options.resume_command()) from None
        raise _interrupted(session, options) from None
    except UsageError:
        # --section naming a stage after the one just given: nothing new to keep.
        if state.answers:
            session.save()
            session.release()
        else:
            session.discard()
        raise
    except BaseException:
        session.close()  # no lock file left without the session it locks
        raise
    meta = Meta(
        organisation=state.organisation,
        respondent=state.respondent,
        role=state.role,
        started_at=state.started_at or now(),
        completed_at=now(),
    )
    result = build(checklist, answers, meta, state.stage if checklist.stages else None)
    return RunOutcome(result, True, warnings, session=session, prompter=prompter, options=options)


def _interrupted(session: Session, options: RunOptions) -> RunInterruptedError:
    answered = sum(1 for a in session.state.answers.values() if a.answer is not None)
    if not session.save(warn=False):
        message = "Stopped; " + keep(session, options)
        return RunInterruptedError(answered, options.resume_command(), message=message)
    session.release()
    return RunInterruptedError(answered, options.resume_command(), kept=True)


def keep(session: Session, options: RunOptions) -> str:
    """Keep a run's answers on disk, however it ended; say where, and how to go on.

    The session file first; if it cannot be written (a full disk, a read-only state folder), an
    answers file in the temporary folder; if that fails too, the answers themselves on stderr:
    what was typed is never lost.
    """
    state = session.state
    one = len(state.answers) == 1
    count = f"{len(state.answers)} answer{'' if one else 's'}"
    resume = options.resume_command()
    if session.save(warn=False):
        session.release()
        kept = "is kept" if one else "are kept"
        return f"your {count} {kept} in {session.path}: {resume} goes on"
    session.close()
    problem = session.unsaved
    text = answers_text(state)
    # The same command, from the answers file instead of the session.
    from_file = resume.removesuffix("--resume") + "--answers "
    try:
        path = _spare_file(state.checklist_id, text)
    except OSError:
        from collabcheck.output import say

        say(f"collabcheck: cannot save your {count} ({problem}); here they are as an answers file:")
        if sys.stderr is not None:
            sys.stderr.write(visible(text) + "\n")
        return f"save the answers above to a file: {from_file}FILE uses them"
    return (
        f"your {count} could not be saved ({problem}), so {'it is' if one else 'they are'} in "
        f"{path}: {from_file}{shlex.quote(str(path))} goes on"
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
