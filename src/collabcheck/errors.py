"""The project's errors: one base class, so the CLI turns any of them into one line and exit 1."""

from __future__ import annotations

from dataclasses import dataclass


class CollabcheckError(Exception):
    """Base of every error the user can cause; its message is shown as one line."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file."""

    file: str
    line: int | None
    field: str
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class ProblemsError(CollabcheckError):
    """An input file with one or more problems, all reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class FileReadError(ProblemsError):
    """A file that cannot be read as text, or parsed as YAML or JSON (too large, not UTF-8...)."""


class ChecklistError(ProblemsError):
    """A checklist file that does not validate."""


class AnswersError(ProblemsError):
    """An answers file that does not fit its checklist."""


class ResultError(ProblemsError):
    """A file that is not a collabcheck result (or team result)."""


class ChecklistNotFoundError(CollabcheckError):
    """No checklist with the given id or path."""


class SessionError(CollabcheckError):
    """A saved session that cannot be used."""


class NoTerminalError(CollabcheckError):
    """An interactive step was needed but there is no terminal."""


class RunInterruptedError(CollabcheckError):
    """The person stopped an interactive run; their answers are saved."""

    def __init__(self, saved: int, resume_command: str, *, kept: bool = False) -> None:
        self.saved = saved
        self.resume_command = resume_command
        if saved:
            message = (
                f"Saved {saved} answer{'' if saved == 1 else 's'}. Continue with: {resume_command}"
            )
        elif kept:
            message = f"Stopped; the saved answers are kept. Continue with: {resume_command}"
        else:
            message = "Stopped before any answer was given."
        super().__init__(message)


class UsageError(CollabcheckError):
    """Options that do not fit together or do not fit the checklist (exit status 2)."""


class OutputExistsError(CollabcheckError):
    """A file that would be overwritten without --force."""


class MismatchError(CollabcheckError):
    """Results of different checklists given to combine or compare."""


class DuplicateResultError(CollabcheckError):
    """The same result given twice to combine, which would count one person twice."""
