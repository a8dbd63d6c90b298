"""The order of asking: resume or start over, who is answering, sections and questions, skip and
back, notes, and the final check.

Everything a run asks goes through one ``Prompter``, so this module runs (and is tested) without
a terminal; prompting.py is the questionary implementation. A run from an answers file without
a terminal never imports this module (nor sessions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from collabcheck.answers import fits
from collabcheck.errors import SessionError, UsageError
from collabcheck.model import (
    Answer,
    Checklist,
    Question,
    QuestionKind,
    Section,
    condition_met,
)
from collabcheck.options import NotesPolicy
from collabcheck.result import now, visible_answers
from collabcheck.screen import Progress, resuming, saved_session_question, when_words
from collabcheck.sessions import Session, saved_session

__all__ = ["Interview", "Move", "Progress", "Prompter", "Respondent", "ReviewLine"]


class Move(Enum):
    """A reply that is not an answer."""

    SKIP = "skip"
    BACK = "back"


@dataclass(frozen=True)
class ReviewLine:
    """One line of the 'check your answers' screen."""

    question: Question
    number: str
    answer: str
    note: str | None
    skipped: bool = False


@dataclass(frozen=True)
class Respondent:
    """Who is answering, as far as the command line or an answers file says."""

    organisation: str | None = None
    respondent: str | None = None
    role: str | None = None


class Prompter(Protocol):
    """Everything a run asks the person, and what it shows them between questions.

    A question of the run that is not one of the checklist's (resume or start over; where a
    piece of work has got to) is an ``ask_choice``: the interview words it, the prompter only
    shows it, so both prompters ask it alike.
    """

    def ask_choice(
        self, message: str, options: Sequence[tuple[str, str]], default: str | None = None
    ) -> str:
        """Ask the person to pick one of ``options`` (key, label); return the key."""

    def notice(self, message: str) -> None:
        """Tell the person something between questions (one sentence)."""

    def welcome(self, checklist: Checklist) -> None:
        """Show the checklist's title, source and description before anything is asked."""

    def ask_text(self, message: str, default: str = "") -> str:
        """Ask for one line of free text (organisation, name, role); empty if left empty."""

    def section_start(self, section: Section, number: int, total: int) -> None:
        """Show a section's title and intro as the person enters it."""

    def ask(
        self, question: Question, checklist: Checklist, progress: Progress, previous: Answer | None
    ) -> Answer | Move:
        """Ask one question; return the answer (without a note), or skip or back."""

    def ask_note(self, question: Question, previous: str | None) -> str | None:
        """Ask for an optional note; an empty reply is no note."""

    def review(
        self, lines: Sequence[ReviewLine], summary: str, current: str | None
    ) -> Question | None:
        """Show every answer (``summary`` counts them); return a question to change, or None to
        write the report. ``current``: the full id of the question last changed, where the
        person was."""


def answer_text(checklist: Checklist, question: Question, answer: Answer | None) -> str:
    """How an answer reads on screen."""
    if answer is None or answer.answer is None:
        return "(skipped)"
    if question.kind is QuestionKind.SCALE and isinstance(answer.answer, str):
        option = checklist.scale.option(answer.answer)
        return option.label if option else answer.answer
    if question.kind is QuestionKind.CHOICE:
        keys = answer.answer if isinstance(answer.answer, tuple) else (answer.answer,)
        return "; ".join(c.label for k in keys if (c := question.choice(k)))
    return str(answer.answer)


class Interview:
    """Asks a checklist's questions, saving the session after every answer."""

    def __init__(
        self,
        checklist: Checklist,
        session: Session,
        prompter: Prompter,
        *,
        sections: Sequence[str] = (),
        notes: NotesPolicy = NotesPolicy.LOW,
    ) -> None:
        self.checklist = checklist
        self.session = session
        self.prompter = prompter
        self.notes = notes
        self.asked_for = tuple(sections)
        self._choose_sections(frozenset(s.id for s in checklist.sections))

    def _choose_sections(self, reached: frozenset[str]) -> None:
        """Ask the sections asked for (all, without --section) that the work has reached."""
        asked_for = self.asked_for
        chosen = [
            s
            for s in self.checklist.sections
            if (not asked_for or s.id in asked_for) and s.id in reached
        ]
        if asked_for and not chosen:
            raise UsageError(
                f"--section {asked_for[0]}: a stage after the one reached "
                f"({self.session.state.stage}), so not asked"
            )
        self.sections = chosen
        self.questions = [q for s in chosen for q in s.questions]

    @property
    def answers(self) -> dict[str, Answer]:
        return self.session.state.answers

    def run(
        self,
        known: Respondent = Respondent(),
        *,
        only_unanswered: bool = False,
        stage: str | None = None,
    ) -> dict[str, Answer]:
        """Welcome, ask who is answering (what ``known`` and the session leave open) and, in a
        staged checklist, the stage reached (unless ``stage`` or the session gives it), then
        the questions of the stages reached (from where a resumed session stopped), then the
        check screen.

        With ``only_unanswered``, questions that already have an answer (from an answers file)
        are not asked again. Returns the answers to the questions shown.
        """
        self.prompter.welcome(self.checklist)
        if self.session.state.started_at is None:
            self._ask_respondent(known)
        else:  # a resumed session: who is answering was asked (and maybe left empty) before
            self._fill_respondent(known)
        self._ask_stage(stage)
        start = 0 if only_unanswered else self._start_index()
        self._ask_from(start, only_unanswered=only_unanswered)
        self._review()
        # Answers to stages not reached (kept from a later stage given before) are the
        # result's to leave out: it records those questions as not reached.
        return visible_answers(self.checklist, self.answers)

    def _ask_stage(self, given: str | None) -> None:
        """In a staged checklist, settle the stage reached, and ask only the stages reached."""
        stages = self.checklist.stages
        if stages is None:
            return
        state = self.session.state
        if given is not None:
            state.stage = given
        elif state.stage not in stages.steps:
            state.stage = ask_stage(self.prompter, self.checklist, None)
        self._choose_sections(stages.reached(state.stage))

    def _fill_respondent(self, known: Respondent) -> None:
        state = self.session.state
        state.organisation = known.organisation or state.organisation
        state.respondent = known.respondent or state.respondent
        state.role = known.role or state.role

    def _ask_respondent(self, known: Respondent) -> None:
        """Ask for each detail nobody gave; an empty reply leaves it out."""
        ask = self.prompter.ask_text
        state = self.session.state
        state.organisation = (
            known.organisation or state.organisation or ask("Organisation (optional):") or None
        )
        state.respondent = (
            known.respondent or state.respondent or ask("Your name (optional):") or None
        )
        state.role = (
            known.role
            or state.role
            or ask("Your role, e.g. chair or board secretary (optional):")
            or None
        )

    def _start_index(self) -> int:
        position = self.session.state.position
        ids = [q.id for q in self.questions]
        if position in ids:
            return ids.index(position)
        return 0 if not self.answers else len(ids)

    def _shown(self, question: Question) -> bool:
        return condition_met(question.when, visible_answers(self.checklist, self.answers))

    def _ask_from(self, index: int, *, only_unanswered: bool) -> None:
        current_section: str | None = None
        while index < len(self.questions):
            question = self.questions[index]
            if not self._shown(question) or (only_unanswered and question.id in self.answers):
                index += 1
                continue
            if question.section != current_section:
                current_section = question.section
                self._announce(question.section)
            self._remember_position(question.id)
            reply = self.prompter.ask(
                question, self.checklist, self._progress(question), self.answers.get(question.id)
            )
            if reply is Move.BACK:
                index = self._previous_shown(index)
                continue
            if reply is Move.SKIP:
                self._record(question, Answer(None, self._existing_note(question)))
            else:
                assert isinstance(reply, Answer)
                # Saved before the note is asked: Ctrl-C at the note keeps the answer.
                self._record(question, Answer(reply.answer, self._existing_note(question)))
                self._record(question, self._with_note(question, reply))
            index += 1
        self._remember_position(None)

    def _announce(self, section_id: str) -> None:
        # The worksheet's number, whichever sections are asked (a run of --section 5 shows 5).
        ids = [s.id for s in self.checklist.sections]
        section = self.checklist.sections[ids.index(section_id)]
        self.prompter.section_start(section, ids.index(section_id) + 1, len(ids))

    def _previous_shown(self, index: int) -> int:
        for earlier in range(index - 1, -1, -1):
            if self._shown(self.questions[earlier]):
                return earlier
        return index

    def _progress(self, question: Question) -> Progress:
        shown = [q for q in self.questions if self._shown(q)]
        ids = [s.id for s in self.checklist.sections]
        given = [self.answers.get(q.id) for q in shown]
        some = len(self.sections) < len(ids)
        return Progress(
            section=ids.index(question.section) + 1,
            sections=len(ids),
            asked=len(self.sections) if some else None,
            question=[q.id for q in shown].index(question.id) + 1,
            questions=len(shown),
            answered=sum(1 for a in given if a is not None and a.answer is not None),
            skipped=sum(1 for a in given if a is not None and a.answer is None),
        )

    def _existing_note(self, question: Question) -> str | None:
        previous = self.answers.get(question.id)
        return previous.note if previous else None

    def _with_note(self, question: Question, answer: Answer, *, offer: bool = False) -> Answer:
        if offer or self._wants_note(question, answer):
            note = self.prompter.ask_note(question, self._existing_note(question))
            return Answer(answer.answer, note.strip() if note and note.strip() else None)
        return Answer(answer.answer, self._existing_note(question))

    def _wants_note(self, question: Question, answer: Answer) -> bool:
        if self.notes is NotesPolicy.ALWAYS:
            return True
        if self.notes is NotesPolicy.NEVER or question.kind is not QuestionKind.SCALE:
            return False
        option = self.checklist.scale.option(str(answer.answer))
        return option is not None and option.is_low

    def _record(self, question: Question, answer: Answer) -> None:
        state = self.session.state
        state.answers[question.id] = answer
        if state.started_at is None:
            state.started_at = now()
        self.session.save()

    def _remember_position(self, question_id: str | None) -> None:
        if self.session.state.position != question_id:
            self.session.state.position = question_id
            if self.answers:
                self.session.save()

    def _review(self) -> None:
        current: str | None = None
        while True:
            lines = self._review_lines()
            chosen = self.prompter.review(lines, self._review_summary(lines), current)
            if chosen is None:
                return
            current = chosen.id
            previous = self.answers.get(chosen.id)
            progress = self._progress(chosen)
            reply = self.prompter.ask(chosen, self.checklist, progress, previous)
            if reply is Move.SKIP:
                self._record(chosen, Answer(None, previous.note if previous else None))
            elif isinstance(reply, Answer):
                # On the check screen a note is offered for any answer, on request.
                self._record(chosen, Answer(reply.answer, previous.note if previous else None))
                self._record(chosen, self._with_note(chosen, reply, offer=True))
            # Changing an answer can reveal questions (their ``when``): ask those now.
            self._ask_from(0, only_unanswered=True)

    @staticmethod
    def _review_summary(lines: Sequence[ReviewLine]) -> str:
        skipped = sum(1 for line in lines if line.skipped)
        return f"{len(lines)} questions: {len(lines) - skipped} answered, {skipped} skipped"

    def _review_lines(self) -> list[ReviewLine]:
        lines: list[ReviewLine] = []
        for section in self.sections:
            for question in section.questions:
                if not self._shown(question):
                    continue
                answer = self.answers.get(question.id)
                lines.append(
                    ReviewLine(
                        question,
                        self.checklist.numbers[question.id],
                        answer_text(self.checklist, question, answer),
                        answer.note if answer else None,
                        skipped=answer is None or answer.answer is None,
                    )
                )
        return lines


def open_session(
    checklist: Checklist,
    prompter: Prompter,
    *,
    resume: bool,
    offer: bool,
    warnings: list[str],
    sections: Sequence[str] = (),
) -> Session:
    """The session to answer in: the saved one (on ``resume``, or if the person takes the offer)
    or a new one. Saved answers that no longer fit the checklist are dropped, with a warning.

    ``offer``: look for a saved session at all (not when answers come from a file).
    """
    if offer:
        saved = saved_session(checklist.id)
        if resume and saved is None:
            raise SessionError(f"no saved session of {checklist.id} to resume")
        if saved is not None:
            asked = [s for s in checklist.sections if not sections or s.id in sections]
            total = sum(len(s.questions) for s in asked)
            answered = sum(1 for a in saved.state.answers.values() if a.answer is not None)
            started = when_words(saved.state.started_at, datetime.now().astimezone())
            try:
                taken = resume or _take_offer(
                    prompter, saved_session_question(answered, total, started)
                )
            except (KeyboardInterrupt, EOFError):
                saved.release()  # left for a later --resume
                raise
            if taken:
                _drop_stale(checklist, saved, warnings)
                kept = sum(1 for a in saved.state.answers.values() if a.answer is not None)
                prompter.notice(resuming(kept, total))
                return saved
            saved.discard()
    return Session.create(checklist.id, checklist.version)


def ask_stage(prompter: Prompter, checklist: Checklist, previous: str | None) -> str:
    """Ask which of a staged checklist's stages the work has reached; return its id."""
    stages = checklist.stages
    assert stages is not None, "only a staged checklist has stages to ask about"
    steps = stages.steps
    titles = {s.id: s.title for s in checklist.sections}
    throughout = [titles[sid] for sid in stages.sections if sid in stages.throughout]
    runs = f"; {' and '.join(throughout)} from the start" if throughout else ""
    prompter.notice(
        f"The sections are stages of the work. Those after the stage reached are not asked or "
        f"scored{runs}."
    )
    options = [(sid, titles[sid]) for sid in steps]
    default = previous if previous in steps else steps[0]
    return prompter.ask_choice("Which stage has the work reached?", options, default)


def _take_offer(prompter: Prompter, question: str) -> bool:
    options = [
        ("resume", "Resume where I stopped"),
        ("start-over", "Start over (the saved answers are discarded)"),
    ]
    return prompter.ask_choice(question, options, "resume") == "resume"


def _drop_stale(checklist: Checklist, session: Session, warnings: list[str]) -> None:
    """Keep the saved answers that still fit the checklist, which may have changed since."""
    kept: dict[str, Answer] = {}
    for qid, answer in session.state.answers.items():
        question = checklist.question(qid)
        if question is not None and fits(question, checklist, answer):
            kept[qid] = answer
    dropped = len(session.state.answers) - len(kept)
    if dropped:
        warnings.append(
            f"{dropped} saved answers no longer fit {checklist.id} (changed since the session "
            f"began, version {session.state.checklist_version} to {checklist.version}) "
            "and were asked again"
        )
    session.state.answers = kept
    session.state.checklist_version = checklist.version
