"""The fixed choices of command-line options, as enums the core uses too.

Kept in a module of their own, with no imports of the project's, because the CLI builds every
command's options (and their --help) at start-up: Typer lists an enum's values in help and
refuses any other value with a usage error (exit 2).
"""

from __future__ import annotations

from enum import StrEnum


class NotesPolicy(StrEnum):
    """``run --notes``: when to offer a note after an answer."""

    ALWAYS = "always"
    LOW = "low"
    NEVER = "never"


class GroupBy(StrEnum):
    """``combine --by``: what to set members side by side by."""

    ROLE = "role"
    ORGANISATION = "organisation"
