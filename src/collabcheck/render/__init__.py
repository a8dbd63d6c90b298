"""Renderers: one module per output format, each returning text; the CLI decides where it goes."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """Output formats; each command accepts the ones that make sense for it."""

    TEXT = "text"
    MD = "md"
    JSON = "json"
    HTML = "html"
    CSV = "csv"
