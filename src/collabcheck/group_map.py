"""``combine --group-map FILE``: which spellings of a role or organisation are one group.

The file is YAML, a mapping of each spelling to the group it stands for::

    NED: Non-executive director
    Non-exec: Non-executive director
    Exec: Executive director
"""

from __future__ import annotations

from pathlib import Path

from collabcheck.errors import FileReadError, Problem
from collabcheck.team import group_key
from collabcheck.yamlfile import line_of, load_file


def read_group_map(path: Path) -> tuple[tuple[str, str], ...]:
    """The spellings and their groups, in the file's order; FileReadError naming the file and
    line of anything that is not a spelling mapped to a group name."""
    name = str(path)
    data = load_file(path, name)
    if not isinstance(data, dict):
        line = getattr(data, "line", None)
        raise FileReadError(
            [
                Problem(
                    name,
                    line,
                    "",
                    "must be a mapping of spellings to groups, e.g. 'NED: Non-executive director'",
                )
            ]
        )
    pairs: list[tuple[str, str]] = []
    for spelling, group in data.items():
        line = line_of(data, spelling)
        if isinstance(spelling, bool):  # YAML 1.1 reads yes, no, on, off as true or false
            raise FileReadError(
                [Problem(name, line, "", f"put the spelling {str(spelling).lower()} in quotes")]
            )
        if isinstance(spelling, int | float):
            spelling = str(spelling)
        if not isinstance(spelling, str) or not spelling.strip():
            raise FileReadError([Problem(name, line, "", "each spelling must be text")])
        if not isinstance(group, str) or group_key(group) is None:
            raise FileReadError(
                [Problem(name, line, spelling, "must map to a group name (text with a letter)")]
            )
        pairs.append((spelling, group))
    return tuple(pairs)
