"""HTML pages parsed back: self-contained, escaped, structured (test_browser.py prints them)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import Result as CliResult

from collabcheck.catalog import resolve
from collabcheck.compare import compare, from_result
from collabcheck.model import Answer
from collabcheck.options import GroupBy
from collabcheck.render import html
from collabcheck.result import build
from collabcheck.team import TeamOptions, combine
from tests import teamdata

Cli = Callable[..., CliResult]


class Page(HTMLParser):
    """Every start tag with its attributes, the text under each, and the CSS."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.stack: list[str] = []
        self.text: list[tuple[tuple[str, ...], str]] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "rect", "line", "br"}:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        self.text.append((tuple(self.stack), data))

    def count(self, tag: str, **attrs: str) -> int:
        return sum(
            1
            for name, given in self.tags
            if name == tag and all(given.get(k) == v for k, v in attrs.items())
        )

    def texts(self, tag: str) -> list[str]:
        """The pieces of text anywhere inside a ``tag``, in order."""
        return [data.strip() for stack, data in self.text if tag in stack and data.strip()]

    def headings(self, tag: str) -> list[str]:
        """The text of each ``tag`` element, whitespace collapsed (runs of text inside it)."""
        found: list[str] = []
        current: list[str] = []
        for stack, data in self.text:
            if tag in stack:
                current.append(data)
            elif current:
                found.append(" ".join("".join(current).split()))
                current = []
        if current:
            found.append(" ".join("".join(current).split()))
        return found

    @property
    def css(self) -> str:
        return "".join(data for stack, data in self.text if stack and stack[-1] == "style")

    @property
    def body_text(self) -> str:
        return " ".join(data for stack, data in self.text if "style" not in stack)


def self_contained(page: Page) -> None:
    """Nothing runs and nothing is fetched: the whole page is in the file."""
    names = {name for name, _ in page.tags}
    assert not names & {"script", "link", "img", "iframe", "object", "embed", "base"}
    for name, attrs in page.tags:
        assert not any(key.startswith("on") for key in attrs)  # no event handlers
        for key in ("src", "href", "xlink:href"):
            # A link to the source's page is followed only when clicked: nothing is fetched.
            if not (name == "a" and key == "href"):
                assert key not in attrs
        if name == "a":
            assert (attrs.get("href") or "").startswith(("https://", "http://"))
    assert "url(" not in page.css and "@import" not in page.css
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", page.css)
    assert "break-inside: avoid" in page.css
    assert page.count("style") == 1


def team_page(options: TeamOptions | None = None) -> str:
    return html.team(combine(teamdata.team(), ["a", "b", "c", "d", "e"], options).team)


# --- the result report ------------------------------------------------------------------------


def test_report_is_one_self_contained_page() -> None:
    page = Page(html.report(teamdata.member("Ann")))

    self_contained(page)
    assert page.count("html", lang="en-GB") == 1
    assert page.count("meta", charset="utf-8") == 1
    assert page.texts("title") == ["Team fixture: report"]


def test_report_has_the_sections_of_the_markdown_report() -> None:
    page = Page(html.report(teamdata.member("Ann")))

    assert page.headings("h2") == [
        "Overall: 75.0% (green)",
        "Priority gaps",
        "In part",
        "Knowledge gaps",
        "All answers",
    ]
    assert page.headings("h3")[:2] == [
        "1. People: 75.0% (green)",
        "2. Money <& more>: 75.0% (green)",
    ]


def test_report_escapes_user_and_checklist_text() -> None:
    page = Page(html.report(teamdata.member("Ann")))

    assert page.count("b") == 0  # Ann's note says <b>not yet</b>: text, not markup
    assert '=HYPERLINK("http://x") <b>not yet</b>' in page.body_text
    assert "Money <& more>" in page.body_text
    assert "<b>not yet</b>" not in html.report(teamdata.member("Ann"))


def test_report_charts_each_section_with_its_score_and_rating_word() -> None:
    page = Page(html.report(teamdata.member("Ann")))

    labels = [a.get("aria-label") for name, a in page.tags if name == "svg" and "role" in a]
    # A bar per section and one overall; the idea section has no score.
    assert labels == ["75.0% green", "75.0% green", "\u2013 no score", "75.0% green"]
    assert page.texts("svg")[:2] == ["75.0%", "green"]


# --- the worksheet ----------------------------------------------------------------------------


def test_worksheet_has_a_tick_box_for_every_answer() -> None:
    checklist = teamdata.checklist()
    page = Page(html.worksheet(checklist))

    self_contained(page)
    # Five scored questions with five options each, and three choices.
    assert page.count("span", **{"class": "box", "aria-hidden": "true"}) == 5 * 5 + 3
    assert page.headings("h2") == ["1. People", "2. Money <& more>", "3. The idea"]
    assert "Tick all that apply." in page.body_text


@pytest.mark.parametrize("checklist_id", ["board-readiness", "collaborative-model"])
def test_bundled_worksheets_render(checklist_id: str) -> None:
    checklist = resolve(checklist_id)
    page = Page(html.worksheet(checklist))

    self_contained(page)
    assert page.count("div", **{"class": "question"}) == len(checklist.questions)


# --- the team report --------------------------------------------------------------------------


def test_team_report_puts_disagreement_first_and_names_nobody() -> None:
    page = Page(team_page(TeamOptions(by=GroupBy.ROLE)))

    self_contained(page)
    assert page.headings("h2") == [
        "Where the team disagrees",
        "Where groups differ",
        "What the team does not know",
        "Where the team agrees it is weakest",
        "Team score: 47.7% (red)",
        "Answers by question",
        "By role",
        "Workshop sheet: Team fixture",
    ]
    for name in teamdata.PEOPLE:
        assert name not in page.body_text
    assert "Too small to show without identifying people (fewer than 3 members)." in (
        page.body_text
    )


def test_team_report_draws_a_stacked_bar_per_question_with_the_counts_in_words() -> None:
    page = Page(team_page())

    stacked = [a.get("aria-label") for name, a in page.tags if a.get("viewbox") == "0 0 120 12"]
    # A bar for each scored question and the choice question; free text has none.
    assert len(stacked) == 6
    assert stacked[0] == "Yes 3 \u00b7 Partly 1 \u00b7 No 1"
    assert stacked[5] == "Patients 2 \u00b7 Staff 2"
    # Each part of a bar is named in words too (a tooltip, and the counts under the bar).
    tooltips = [data for stack, data in page.text if stack[-2:] == ("svg", "title")]
    assert tooltips[:3] == ["Yes: 3", "Partly: 1", "No: 1"]
    assert "Don't know 1" in page.texts("div")


def test_team_report_by_group_shows_a_column_per_group() -> None:
    page = Page(team_page(TeamOptions(by=GroupBy.ROLE)))

    header = page.texts("th")
    assert "board (3)" in header and "exec (2)" in header


# --- the comparison ---------------------------------------------------------------------------


def test_comparison_page() -> None:
    later = dict(teamdata.ANSWERS["Ann"])
    later["money.budget"] = Answer("no")
    after = build(teamdata.checklist(), later, teamdata.member("Ann").meta)
    c = compare(from_result(teamdata.member("Ann"), "a.json"), from_result(after, "b.json"))

    page = Page(html.comparison(c.comparison))

    self_contained(page)
    assert page.headings("h2") == [
        # Budget Yes -> No: overall (3 + .5) / 6 = 58.3, money .5 / 2 = 25.
        "Overall: 75.0% \u2192 58.3% (-16.7 points), green \u2192 amber",
        "Ratings that moved",
        "Questions that improved",
        "Questions that got worse",
    ]
    labels = [a.get("aria-label") for name, a in page.tags if name == "svg"]
    assert "Before 75.0% green" in labels and "After 25.0% red" in labels


# --- through the CLI --------------------------------------------------------------------------


def test_every_command_writes_html(cli: Cli, tmp_path: Path, tiny: Path) -> None:
    paths = [str(p) for p in teamdata.write_results(tmp_path)]
    answers = tmp_path / "answers.yaml"
    answers.write_text("answers:\n  first.one: yes\n", encoding="utf-8")

    outputs = {
        "run": cli("run", str(tiny), "--answers", str(answers), "--format", "html"),
        "report": cli("report", paths[0], "--format", "html"),
        "combine": cli("combine", *paths, "--format", "html"),
        "compare": cli("compare", paths[0], paths[1], "--format", "html"),
        "show": cli("show", str(tiny), "--format", "html"),
    }

    for command, result in outputs.items():
        assert result.exit_code == 0, (command, result.stderr)
        assert result.stdout.startswith("<!DOCTYPE html>"), command
        self_contained(Page(result.stdout))


# --- what every page shares -------------------------------------------------------------------


def test_content_sits_in_landmarks_and_the_margins_carry_title_and_subject() -> None:
    text = html.report(teamdata.member("Ann"))
    page = Page(text)

    assert page.count("main") == 1
    assert text.index("</main>") < text.index("<footer>")
    assert '@top-left { content: "Team fixture: report"; }' in page.css
    assert '@top-right { content: "Ann, North, 2026-11-29"; }' in page.css
    assert 'counter(page) " of " counter(pages)' in page.css


def test_margin_text_is_escaped_for_css_not_html() -> None:
    checklist = teamdata.checklist()
    hostile = replace(checklist, title='Say "hi" </style><b>x</b> \\ & more')

    page = Page(html.worksheet(hostile))

    assert page.count("b") == 0  # the title cannot end the style sheet and add markup
    assert page.count("style") == 1
    assert (
        '@top-left { content: "Say \\22 hi\\22  \\3C /style\\3E \\3C b\\3E x\\3C /b\\3E  '
        '\\5C  \\26  more: worksheet"; }'
    ) in page.css


# --- greyscale --------------------------------------------------------------------------------


def _lightness(colour: str) -> float:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.299 * red + 0.587 * green + 0.114 * blue


@pytest.mark.parametrize("scale", ["yes-partly-no", "agree-5"])
def test_every_answer_differs_without_colour(scale: str) -> None:
    from collabcheck.model import BUILTIN_SCALES

    fills = [
        (html.value_pattern(o.key, o.value), _lightness(html.value_colour(o.key, o.value)))
        for o in BUILTIN_SCALES[scale].options
    ]
    # Textured answers each have their own texture; solid ones are far apart in lightness.
    textures = [pattern for pattern, _ in fills if pattern]
    assert len(textures) == len(set(textures))
    solid = sorted(light for pattern, light in fills if pattern is None)
    assert all(b - a >= 40 for a, b in itertools.pairwise(solid)), solid
    for pattern in textures:
        assert f'<pattern id="{pattern}"' in html.report(teamdata.member("Ann"))


def test_team_bars_and_legend_carry_the_textures() -> None:
    page = Page(team_page())

    fills = [a.get("fill") for name, a in page.tags if name == "rect"]
    assert "url(#cc-hatch)" in fills  # No
    assert "url(#cc-dots)" in fills  # Don't know
    swatches = [a.get("style") or "" for name, a in page.tags if a.get("class") == "swatch"]
    assert sum("gradient" in style for style in swatches) == 3  # No, Don't know, n/a


def test_range_whisker_is_drawn_white_under_black_to_show_over_any_fill() -> None:
    page = Page(team_page())

    strokes = [a.get("stroke") for name, a in page.tags if name == "path"]
    assert strokes[:2] == ["#ffffff", "#1b1b1b"]


# --- the worksheet's lines and the comparison's credit ----------------------------------------


def _lines_per_question(text: str) -> list[int]:
    return [block.count("<div></div>") for block in text.split('<div class="lines">')[1:]]


def test_worksheet_has_three_lines_to_write_on_and_lines_sets_more(cli: Cli, tiny: Path) -> None:
    default = cli("show", str(tiny), "--format", "html")
    more = cli("show", str(tiny), "--format", "html", "--lines", "5")

    assert _lines_per_question(default.stdout) == [3, 3, 3]
    assert _lines_per_question(more.stdout) == [5, 5, 5]


def test_lines_is_for_the_html_worksheet_only(cli: Cli, tiny: Path) -> None:
    result = cli("show", str(tiny), "--format", "md", "--lines", "5")

    assert result.exit_code == 2
    assert result.stderr == (
        "collabcheck: --lines 5: only the html worksheet has lines to write on\n"
    )


def test_comparison_credits_the_source_and_has_no_empty_header() -> None:
    c = compare(from_result(teamdata.member("Ann"), "a"), from_result(teamdata.ann_later(), "b"))
    page = Page(html.comparison(c.comparison))

    assert "Source: Test Publisher, \u201cA test source\u201d, 2024." in page.body_text
    # Every header cell names its column or row (axe: empty-table-header).
    assert page.count("th") == len(page.texts("th"))
    assert page.texts("th")[:2] == ["Before", "After"]
