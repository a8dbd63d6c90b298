"""Escaping user and checklist text for Markdown, so it cannot break a table or a heading."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!])")


def md_inline(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, specials escaped."""
    one_line = " ".join(text.split())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def md_block(text: str) -> str:
    """Text safe as a Markdown paragraph: line breaks kept as hard breaks, specials escaped."""
    lines = [_MD_SPECIAL.sub(r"\\\1", " ".join(line.split())) for line in text.splitlines()]
    return "  \n".join(line for line in lines if line)


_URL_SPECIAL = re.compile(r"([\\<>()])")


def md_link(text: str, url: str | None) -> str:
    """``text`` (escaped) as a Markdown link to ``url``, or plain when there is no url.

    The address goes in angle brackets with ``\\``, ``<``, ``>``, ``(`` and ``)`` escaped, so
    none of them can end the link early; a checked address has no spaces or line breaks.
    """
    if url is None:
        return md_inline(text)
    address = _URL_SPECIAL.sub(r"\\\1", url)
    return f"[{md_inline(text)}](<{address}>)"


def css_string(text: str) -> str:
    """Plain text as the inside of a double-quoted CSS string in a <style> element: one line,
    and ``\\ " < > &`` and control characters escaped, so no ``</style>`` can end the sheet."""
    one_line = " ".join(text.split())
    return "".join(f"\\{ord(ch):X} " if ch in '\\"<>&' or ord(ch) < 32 else ch for ch in one_line)
