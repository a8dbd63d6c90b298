"""The Jinja2 environment every HTML page starts from: the package's templates, autoescaped.

Imported only by the HTML renderers, so that jinja2 stays off the start-up path of the rest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from collabcheck.render.escape import visible

if TYPE_CHECKING:
    import jinja2


def environment() -> jinja2.Environment:
    """A new environment for the package's templates; each renderer adds its own filters."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("collabcheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Autoescape stops markup; this stops what escaping leaves alone: control characters
        # and bidirectional overrides (which would reorder the page's text), lone surrogates.
        finalize=_inert,
    )


def _inert(value: Any) -> Any:
    if isinstance(value, str):
        shown = visible(value)
        # Markup stays markup: visible only swaps characters that are never markup.
        return type(value)(shown) if shown is not value else value
    return value
