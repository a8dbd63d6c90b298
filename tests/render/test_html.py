"""HTML pages parsed back: self-contained, escaped, structured; and printed by a real browser
where Chromium is installed."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Callable
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
    for _, attrs in page.tags:
        assert not any(key.startswith("on") for key in attrs)  # no event handlers
        for key in ("src", "href", "xlink:href"):
            assert key not in attrs
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

    labels = [attrs.get("aria-label") for name, attrs in page.tags if name == "svg"]
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
        "Where the team agrees it is weakest",
        "Team score: 47.7% (red)",
        "Answers by question",
        "By role",
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


# --- in a real browser ------------------------------------------------------------------------

CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)


def print_to_pdf(page: Path, pdf: Path) -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [
                str(CHROMIUM),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                f"--user-data-dir={profile}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
            env={**os.environ, "HOME": profile},
        )


@pytest.mark.skipif(CHROMIUM is None, reason="needs Chromium (Debian: apt-get install chromium)")
@pytest.mark.parametrize("document", ["worksheet", "report", "team", "comparison"])
def test_chromium_prints_every_page_to_a4(tmp_path: Path, document: str) -> None:
    long_note = "An unbroken " + "x" * 400 + " note, and <script>alert(1)</script>"
    answers = dict(teamdata.ANSWERS["Ann"])
    answers["people.lead"] = Answer("no", long_note)
    ann = build(teamdata.checklist(), answers, teamdata.member("Ann").meta)
    pages = {
        "worksheet": lambda: html.worksheet(resolve("board-readiness")),
        "report": lambda: html.report(ann),
        "team": lambda: team_page(TeamOptions(by=GroupBy.ROLE)),
        "comparison": lambda: html.comparison(
            compare(from_result(teamdata.member("Ann"), "a"), from_result(ann, "b")).comparison
        ),
    }
    source = tmp_path / f"{document}.html"
    source.write_text(pages[document](), encoding="utf-8")
    pdf = tmp_path / f"{document}.pdf"

    print_to_pdf(source, pdf)

    data = pdf.read_bytes()
    assert data.startswith(b"%PDF-")
    assert len(data) > 10_000
    page_count = len(re.findall(rb"/Type\s*/Page[^s]", data))
    assert page_count >= 1
    # A4 is 595 x 842 points.
    assert re.search(rb"/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12]", data)
