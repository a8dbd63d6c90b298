"""HTML: one self-contained page to read on screen or print on A4, for every report.

The worksheet (``show``), the result report (``run``, ``report``), the team report (``combine``)
and the comparison (``compare``). Templates live in ``collabcheck/templates``; Jinja2 escapes
every value put into them (autoescape), so checklist and user text cannot add markup. Pages
have inline CSS and SVG only: no script, nothing fetched. Charts always carry the numbers and
rating words, never colour alone.

jinja2 is imported here only, and only the CLI's html paths import this module.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from collabcheck import __version__
from collabcheck.model import Checklist, QuestionKind, Status
from collabcheck.render import page_templates, wording
from collabcheck.render.escape import css_string
from collabcheck.result import Result, by_section

if TYPE_CHECKING:
    import jinja2

    from collabcheck.compare import Comparison
    from collabcheck.team import Stats, TeamResult

# Colours only repeat what words and numbers already say. Ratings: the usual traffic lights,
# dark enough for white text. Answers: blue for the top of the scale to orange for the bottom
# (distinguishable with the common colour-vision deficiencies); the bottom half, Don't know and
# n/a also carry a texture (PATTERNS), so every answer differs in greyscale too: the solid fills
# are far apart in lightness, and no two textured ones share a texture.
RATING_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}
NO_RATING_COLOUR = "#9e9e9e"
_VALUE_COLOURS = ((0.875, "#1f5f99"), (0.625, "#6a9fd0"), (0.375, "#c9c9c9"), (0.125, "#eb9a55"))
_LOWEST_COLOUR = "#b5541a"
DONT_KNOW_COLOUR = "#ffffff"
EXCLUDED_COLOUR = "#ececec"
_CHOICE_COLOURS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d")
_LIGHT_COLOURS = frozenset(("#c9c9c9", EXCLUDED_COLOUR, DONT_KNOW_COLOUR, "#6a9fd0", "#eb9a55"))

# Each texture: its SVG pattern id (charts.html.j2 defines them) and the same texture as a CSS
# background, for the legend's swatches.
PATTERNS = {
    "cc-hatch": "repeating-linear-gradient(45deg, #fff 0 1.3px, transparent 1.3px 4px)",
    "cc-hatch-light": "repeating-linear-gradient(-45deg, #1b1b1b 0 0.8px, transparent 0.8px 4.5px)",
    "cc-dots": "radial-gradient(#1b1b1b 28%, transparent 34%) 0 0 / 3.5px 3.5px",
    "cc-lines": "repeating-linear-gradient(0deg, #6d6d6d 0 0.8px, transparent 0.8px 3.2px)",
}


def _css_string(text: str) -> Any:
    """Text (as Jinja gives it, escaped for HTML) as the inside of a CSS string in <style>.

    Inside <style> character references are not decoded, so the HTML escaping is undone and the
    text escaped for CSS instead; ``<`` too, so no ``</style>`` can end the sheet.
    """
    import markupsafe

    plain = markupsafe.Markup(text).unescape() if isinstance(text, markupsafe.Markup) else text
    return markupsafe.Markup(css_string(str(plain)))


@functools.cache
def _environment() -> jinja2.Environment:
    env = page_templates.environment()
    env.filters.update(
        percent=wording.percent,
        number=wording.number,
        points=wording.points,
        date=wording.date,
        css_string=_css_string,
        rating=wording.rating,
        rating_colour=lambda rating: RATING_COLOURS.get(rating or "", NO_RATING_COLOUR),
    )
    env.globals.update(
        wording=wording, plural=wording.plural, version=__version__, DASH=wording.DASH
    )
    return env


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context)


def value_colour(key: str, value: float | None) -> str:
    """The fill of an answer in the stacked bars (the label is always beside it)."""
    if key == "dont-know":
        return DONT_KNOW_COLOUR
    if value is None:
        return EXCLUDED_COLOUR
    for floor, colour in _VALUE_COLOURS:
        if value >= floor:
            return colour
    return _LOWEST_COLOUR


def value_pattern(key: str, value: float | None) -> str | None:
    """The texture over an answer's fill (a PATTERNS id), or None for a solid fill."""
    if key == "dont-know":
        return "cc-dots"
    if value is None:
        return "cc-lines"
    if value < 0.125:
        return "cc-hatch"
    if value < 0.375:
        return "cc-hatch-light"
    return None


def _swatch(key: str, value: float | None) -> str:
    """An answer's fill and texture as a CSS background, for the legend."""
    colour = value_colour(key, value)
    pattern = value_pattern(key, value)
    return f"{PATTERNS[pattern]}, {colour}" if pattern else colour


@dataclass(frozen=True)
class Segment:
    """One answer's part of a stacked bar, in percent of the bar's width."""

    label: str
    count: int
    x: float
    width: float
    colour: str
    dark: bool
    """Whether the count is written in white."""
    pattern: str | None = None
    """The texture drawn over the fill (a PATTERNS id), if any."""


def segments(stats: Stats) -> list[Segment]:
    """The answers given to a question, as parts of a bar 100 wide (answers not given: none)."""
    total = sum(c.count for c in stats.counts)
    if not total:
        return []
    parts: list[Segment] = []
    x = 0.0
    for index, c in enumerate(stats.counts):
        if not c.count:
            continue
        pattern = None
        if c.value is None and c.key not in ("n/a", "dont-know"):
            colour = _CHOICE_COLOURS[index % len(_CHOICE_COLOURS)]
        else:
            colour = value_colour(c.key, c.value)
            pattern = value_pattern(c.key, c.value)
        width = 100 * c.count / total
        dark = colour not in _LIGHT_COLOURS
        parts.append(Segment(c.label, c.count, x, width, colour, dark, pattern))
        x += width
    return parts


def _legend(team: TeamResult) -> list[tuple[str, str]]:
    return [(o.label, _swatch(o.key, o.value)) for o in team.scale]


# --- the pages --------------------------------------------------------------------------------


WORKSHEET_LINES = 3
"""Lines to write on under each question: handwriting needs about 8 mm a line."""


def worksheet(checklist: Checklist, lines: int = WORKSHEET_LINES) -> str:
    """The blank worksheet: every question with tick boxes and ``lines`` to write notes on."""
    scale = [o.label for o in checklist.scale.options]
    return _render(
        "worksheet.html.j2", checklist=checklist, scale=scale, lines=lines, Kind=QuestionKind
    )


def report(result: Result) -> str:
    """One result's report, as the Markdown report has it, with a chart of the sections."""
    grouped = by_section(result.outcomes)
    return _render("report.html.j2", result=result, Status=Status, outcomes_by_section=grouped)


def team(team: TeamResult) -> str:
    """The team report: disagreements and agreed weaknesses first, then scores and answers."""
    return _render(
        "team.html.j2",
        team=team,
        legend=_legend(team),
        segments=segments,
        Kind=QuestionKind,
        questions_by_section=by_section(team.questions),
    )


def comparison(comparison: Comparison) -> str:
    """What changed between two results (or team results) of one checklist."""
    return _render("compare.html.j2", c=comparison, bands=comparison.after.bands)
