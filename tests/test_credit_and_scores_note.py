"""Every report links its source's page and says once that the scores are collabcheck's."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import Result

from tests.conftest import MINIMAL
from tests.schemas import assert_valid

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

# A ) or > in the address must not end the Markdown link early.
PAGE = "https://example.org/guide_(2024)?a=1&b=<2>"
CHECKLIST = MINIMAL.replace("year: 2024", f'year: 2024\n  url: "{PAGE}"', 1) + (
    "bands: {green: 80, amber: 60}\n"
)
OURS = (
    "Scores and ratings are collabcheck's summary of the answers, not the source's: "
    "green 80 or more, amber 60 or more, red below."
)


@pytest.fixture
def results(cli: Cli, write_file: WriteFile) -> list[Path]:
    """Two people's results of the checklist, saved as JSON."""
    checklist = write_file("tiny.yaml", CHECKLIST)
    saved = []
    for name, answer in (("ann", "yes"), ("bob", "no")):
        answers = write_file(f"{name}.yaml", f"answers: {{first.one: {answer}, first.two: yes}}\n")
        result = cli("run", str(checklist), "--answers", str(answers), "--format", "json")
        assert result.exit_code == 0, result.stderr
        saved.append(write_file(f"{name}.json", result.stdout))
    return saved


def markdown_links(text: str) -> list[str]:
    """The addresses of the links a CommonMark reader finds in ``text``."""
    tokens = MarkdownIt().parse(text)
    return [
        str(child.attrs["href"])
        for token in tokens
        if token.children
        for child in token.children
        if child.type == "link_open"
    ]


def html_links(page: str) -> list[str]:
    import html

    return [html.unescape(href) for href in re.findall(r'<a href="([^"]*)"', page)]


def output(cli: Cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_markdown_reports_link_the_source_and_say_whose_scores(
    cli: Cli, results: list[Path]
) -> None:
    report = output(cli, "report", str(results[0]), "--format", "md")
    team = output(cli, "combine", *map(str, results), "--format", "md")
    compared = output(cli, "compare", *map(str, results), "--format", "md")

    for text in (report, team, compared):
        assert markdown_links(text) == [PAGE.replace("<", "%3C").replace(">", "%3E")]
        assert text.count(OURS) == 1


def test_the_html_reports_link_the_source_and_say_whose_scores(
    cli: Cli, results: list[Path]
) -> None:
    report = output(cli, "report", str(results[0]), "--format", "html")
    team = output(cli, "combine", *map(str, results), "--format", "html")
    compared = output(cli, "compare", *map(str, results), "--format", "html")

    for page in (report, team, compared):
        assert html_links(page) == [PAGE]
        assert page.count(OURS.replace("'", "&#39;")) == 1
        # On paper the address is printed after the source's name.
        printed = r"@media print \{ \.credit a\[href\]::after \{ content: [^}]*attr\(href\)"
        assert re.search(printed, page)


def test_the_json_documents_carry_the_statement_as_a_field(cli: Cli, results: list[Path]) -> None:
    report = json.loads(output(cli, "report", str(results[0]), "--format", "json"))
    team = json.loads(output(cli, "combine", *map(str, results), "--format", "json"))
    compared = json.loads(output(cli, "compare", *map(str, results), "--format", "json"))

    assert_valid("result", report)
    assert_valid("team", team)
    assert_valid("compare", compared)
    assert report["scores_note"] == team["scores_note"] == compared["scores_note"] == OURS
    assert compared["checklist"]["source"]["url"] == PAGE


def test_a_comparison_of_team_results_keeps_the_source(
    cli: Cli, results: list[Path], write_file: WriteFile
) -> None:
    team = output(cli, "combine", *map(str, results), "--format", "json")
    spring, autumn = write_file("spring.json", team), write_file("autumn.json", team)

    compared = output(cli, "compare", str(spring), str(autumn), "--format", "md")

    assert "*Source: [Test Publisher, \u201cA test source\u201d, 2024](<" in compared
    assert OURS in compared


def test_show_links_the_source(cli: Cli, write_file: WriteFile) -> None:
    path = str(write_file("tiny.yaml", CHECKLIST))

    text = output(cli, "show", path)
    worksheet = output(cli, "show", path, "--format", "md")
    page = output(cli, "show", path, "--format", "html")

    assert f"Source: Test Publisher, \u201cA test source\u201d, 2024\nLink: {PAGE}\n" in text
    assert markdown_links(worksheet) == [PAGE.replace("<", "%3C").replace(">", "%3E")]
    assert html_links(page) == [PAGE]


def test_without_a_url_the_credit_is_plain(cli: Cli, write_file: WriteFile) -> None:
    path = str(write_file("tiny.yaml", MINIMAL))

    assert "Link:" not in output(cli, "show", path)
    assert "<a " not in output(cli, "show", path, "--format", "html")
    assert markdown_links(output(cli, "show", path, "--format", "md")) == []


def test_the_team_text_report_gives_the_address_and_says_whose_scores(
    cli: Cli, results: list[Path]
) -> None:
    text = output(cli, "combine", *map(str, results), "--format", "text")

    joined = " ".join(text.split())
    assert joined.count(OURS) == 1
    assert f"Link: {PAGE}" in joined
