"""Making file-supplied text harmless for where it is shown: Markdown, spreadsheets, JSON, and
terminals (which run the control sequences text can carry).

Checklists, results and answers files are anyone's text: an ESC sequence can clear a screen or
set a window title, a bidirectional override can make text read in another order than it is
stored, and a lone surrogate cannot be written as UTF-8 at all. ``visible`` shows each of them
as something plain; every format escapes through it.
"""

from __future__ import annotations

import re
from typing import Any

# C0 controls (bar tab and newline, which callers choose to keep or not), DEL, C1 controls,
# the bidirectional embeddings, overrides and isolates, and lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_KEEPING_LINES = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def _shown(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the control pictures: ␛ for ESC, ␈ for backspace
    if code == 0x7F:
        return "\u2421"  # ␡
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"  # not a character: the replacement character
    return f"[U+{code:04X}]"


def visible(text: str, *, lines: bool = True) -> str:
    """``text`` with every control character, bidirectional override and lone surrogate shown
    as a plain, inert stand-in (ESC as ␛, U+202E as ``[U+202E]``); tabs are kept, and
    newlines too unless ``lines`` is False."""
    pattern = _UNSAFE_KEEPING_LINES if lines else _UNSAFE
    if text.isascii() and text.isprintable():
        return text
    return pattern.sub(_shown, text)


def one_line(text: str) -> str:
    """``text`` made safe as one line of a message: newlines and controls shown, not acted on."""
    return visible(text, lines=False)


# Markdown's specials, and & (an entity such as &#x202E; would put back what visible removed).
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~]|&(?=#?[A-Za-z0-9]+;))")
# What makes a line a list item, a heading underline or a quote when it starts a line.
_MD_LINE_START = re.compile(r"^([-+=]|\d+(?=[.)](\s|$)))")


def _line_start(match: re.Match[str]) -> str:
    start = match.group()
    return start + "\\" if start[0].isdigit() else "\\" + start


def md_inline(text: str) -> str:
    """Text safe inside a Markdown paragraph or table cell: one line, specials escaped."""
    return _MD_SPECIAL.sub(r"\\\1", visible(" ".join(text.split()), lines=False))


def md_block(text: str) -> str:
    """Text safe as a Markdown paragraph: line breaks kept as hard breaks, specials escaped,
    and no line read as a list item or a heading's underline."""
    lines = [_MD_LINE_START.sub(_line_start, md_inline(line)) for line in text.splitlines()]
    return "  \n".join(line for line in lines if line)


_CODE_SAFE = re.compile(r"[A-Za-z0-9._-]+")


def md_code(text: str) -> str:
    """An id as Markdown code (```board-readiness```) when it is a plain id; other text, as a
    result file may give, escaped as inline text instead."""
    return f"`{text}`" if _CODE_SAFE.fullmatch(text) else md_inline(text)


# What JSON may carry raw but a terminal or an editor would act on, or UTF-8 cannot encode:
# written as \u escapes, which read back as the same text.
_JSON_ESCAPE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(data: Any, indent: int | None = 2) -> str:
    """``data`` as JSON text (non-ASCII kept readable), with C1 controls, bidirectional
    overrides and lone surrogates escaped: the same data, harmless to show."""
    import json  # here: the terminal and Markdown escapes need none of it

    text = json.dumps(data, indent=indent, ensure_ascii=False)
    return _JSON_ESCAPE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


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
