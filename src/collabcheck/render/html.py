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
from collabcheck.render import wording
from collabcheck.result import Result

if TYPE_CHECKING:
    import jinja2

    from collabcheck.compare import Comparison
    from collabcheck.team import Stats, TeamResult

# Colours only repeat what words and numbers already say. Ratings: the usual traffic lights,
# dark enough for white text. Answers: blue for the top of the scale to orange for the bottom
# (distinguishable with the common colour-vision deficiencies), greys for Don't know and n/a.
RATING_COLOURS = {"green": "#2e7d32", "amber": "#b26a00", "red": "#c62828"}
NO_RATING_COLOUR = "#9e9e9e"
_VALUE_COLOURS = ((0.875, "#1f5f99"), (0.625, "#6a9fd0"), (0.375, "#c9c9c9"), (0.125, "#eb9a55"))
_LOWEST_COLOUR = "#b5541a"
DONT_KNOW_COLOUR = "#6d6d6d"
EXCLUDED_COLOUR = "#ececec"
_CHOICE_COLOURS = ("#4c78a8", "#f58518", "#54a24b", "#b279a2", "#e45756", "#72b7b2", "#9d755d")


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("collabcheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        percent=wording.percent,
        number=wording.number,
        points=wording.points,
        date=wording.date,
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
        if c.value is None and c.key not in ("n/a", "dont-know"):
            colour = _CHOICE_COLOURS[index % len(_CHOICE_COLOURS)]
        else:
            colour = value_colour(c.key, c.value)
        width = 100 * c.count / total
        dark = colour not in ("#c9c9c9", EXCLUDED_COLOUR, "#6a9fd0", "#eb9a55")
        parts.append(Segment(c.label, c.count, x, width, colour, dark))
        x += width
    return parts


def _legend(team: TeamResult) -> list[tuple[str, str]]:
    return [(o.label, value_colour(o.key, o.value)) for o in team.scale]


# --- the pages --------------------------------------------------------------------------------


def worksheet(checklist: Checklist) -> str:
    """The blank worksheet: every question with tick boxes and room for notes."""
    scale = [o.label for o in checklist.scale.options]
    return _render("worksheet.html.j2", checklist=checklist, scale=scale, Kind=QuestionKind)


def report(result: Result) -> str:
    """One result's report, as the Markdown report has it, with a chart of the sections."""
    return _render("report.html.j2", result=result, Status=Status)


def team(team: TeamResult) -> str:
    """The team report: disagreements and agreed weaknesses first, then scores and answers."""
    return _render(
        "team.html.j2", team=team, legend=_legend(team), segments=segments, Kind=QuestionKind
    )


def comparison(comparison: Comparison) -> str:
    """What changed between two results (or team results) of one checklist."""
    return _render("compare.html.j2", c=comparison, bands=comparison.after.bands)
