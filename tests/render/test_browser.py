"""Every HTML page in a real Chromium: printed to PDF on A4, read on a 390 px phone, checked by
axe-core.

The harness (one Chromium for the whole run, and when its tests skip or fail) is in
tests/browser.py.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests import pages
from tests.browser import DESKTOP, PHONE

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

A4_TEXT_WIDTH = 688
"""Pixels: 182 mm, A4 less its side margins."""
NARROWEST_COLUMN = 60
"""Pixels: a column narrower than this holds a few letters a line (a 0 px column was seen)."""
SMALLEST_CHART_TEXT = 9.0
"""Pixels: chart labels as drawn on the screen, not as written in the SVG."""

# Page counts as printed here, with room for other fonts: a collapsed column or a lost page
# break shows as many more pages.
MOST_PAGES = {
    "report": 8,
    "team": 34,
    "team-small-groups": 16,
    "compare": 4,
    "report-staged": 8,
    "compare-staged": 4,
}
"""The team report grew by its four lists, members' notes and the workshop sheet (issue 12)."""
MOST_WORKSHEET_PAGES = 14


@pytest.fixture(scope="session")
def page_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every page written once to a file, as a user opens it (file://, nothing served)."""
    folder = tmp_path_factory.mktemp("pages")
    for name, make in pages.PAGES.items():
        (folder / f"{name}.html").write_text(make(), encoding="utf-8")
    return folder


def open_page(browser: Browser, page_dir: Path, name: str, width: int) -> Page:
    page = browser.new_page(viewport={"width": width, "height": 900})
    page.goto((page_dir / f"{name}.html").as_uri())
    return page


@functools.cache
def _printed(browser: Browser, page_dir: Path, name: str) -> list[str]:
    """The page printed to PDF as Chromium prints it: the text of each PDF page."""
    import pypdf

    page = open_page(browser, page_dir, name, DESKTOP)
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    reader = pypdf.PdfReader(io.BytesIO(data))
    for sheet in reader.pages:
        # A4 is 595.3 x 841.9 points.
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            595,
            842,
        ), name
    return [" ".join(sheet.extract_text().split()) for sheet in reader.pages]


def printed(browser: Browser, page_dir: Path, name: str) -> list[str]:
    return _printed(browser, page_dir, name)


# --- print ------------------------------------------------------------------------------------

MARGIN_TEXT = {
    "report": ("Board readiness for collaboration: report", "Member 0, North Valley"),
    "team": ("Board readiness for collaboration: team report", "15 respondents"),
    "team-small-groups": ("Board readiness for collaboration: team report", "6 respondents"),
    "compare": ("Board readiness for collaboration: what changed", "spring.json → autumn.json"),
    "report-staged": ("The Collaborative Model: report", "Member 0, North Valley"),
    "compare-staged": ("The Collaborative Model: what changed", "midway.json → end.json"),
    **{f"worksheet-{cid}": ("worksheet", f"Checklist {cid}, version") for cid in pages.BUNDLED},
}


@pytest.mark.parametrize("name", list(pages.PAGES))
def test_every_printed_page_is_a4_numbered_and_titled(
    browser: Browser, page_dir: Path, name: str
) -> None:
    sheets = printed(browser, page_dir, name)

    most = MOST_WORKSHEET_PAGES if name.startswith("worksheet") else MOST_PAGES[name]
    assert 1 < len(sheets) <= most, (name, len(sheets))
    title, subject = MARGIN_TEXT[name]
    for number, text in enumerate(sheets, 1):
        assert f"Page {number} of {len(sheets)}" in text, (name, number)
        assert title in text, (name, number)
        assert subject in text, (name, number)


@pytest.mark.parametrize("checklist_id", pages.BUNDLED)
def test_worksheet_headings_and_intros_print_with_their_first_question(
    browser: Browser, page_dir: Path, checklist_id: str
) -> None:
    from collabcheck.catalog import resolve

    sheets = printed(browser, page_dir, f"worksheet-{checklist_id}")
    checklist = resolve(checklist_id)

    def sheet_of(text: str) -> int:
        found = [index for index, sheet in enumerate(sheets) if text in sheet]
        assert found, text
        return found[0]

    for number, section in enumerate(checklist.sections, 1):
        if section.questions:
            heading = f"{number}. {' '.join(section.title.split())}"
            assert sheet_of(heading) == sheet_of(f"{number}.1 "), (checklist_id, heading)


@pytest.mark.parametrize("name", ["report", "team", "compare"])
def test_printed_pages_break_no_word(browser: Browser, page_dir: Path, name: str) -> None:
    """Laid out as on paper (print styles, the A4 text width): five role columns and all."""
    page = open_page(browser, page_dir, name, A4_TEXT_WIDTH)
    try:
        page.emulate_media(media="print")
        assert page.evaluate(BROKEN_WORDS) == []
    finally:
        page.close()


# --- a phone ----------------------------------------------------------------------------------

MEASURE_TABLES = """() => {
  // The cells of every table still laid out in columns (a reflowed one has none).
  const cells = [...document.querySelectorAll('td, th')].filter(
    c => c.textContent.trim() && c.getClientRects().length
      && getComputedStyle(c.closest('table')).display === 'table');
  return cells.map(c => [c.textContent.trim().slice(0, 40), c.getBoundingClientRect().width]);
}"""

MEASURE_CHART_TEXT = """() => [...document.querySelectorAll('svg text')].map(t => {
  const size = parseFloat(t.getAttribute('font-size'));
  return [t.textContent, size * t.getScreenCTM().a];
})"""

BROKEN_WORDS = """() => {
  const L = "[\\\\p{L}\\\\p{N}'\\\\u2019]";
  const WORD = new RegExp(`(?<!${L})${L}{2,30}(?!${L})`, 'gu');
  // Words (up to 30 letters; a hyphen or slash may end a line) split over two lines.
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement.closest('svg')) continue;
    for (const m of node.data.matchAll(WORD)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(m[0]);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("name", list(pages.PAGES))
def test_phone_needs_no_sideways_scrolling_and_every_column_is_readable(
    browser: Browser, page_dir: Path, name: str
) -> None:
    page = open_page(browser, page_dir, name, PHONE)
    try:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
        narrow = [
            (text, width)
            for text, width in page.evaluate(MEASURE_TABLES)
            if width < NARROWEST_COLUMN
        ]
        assert not narrow, narrow
        small = [(t, s) for t, s in page.evaluate(MEASURE_CHART_TEXT) if s < SMALLEST_CHART_TEXT]
        assert not small, small
        assert page.evaluate(BROKEN_WORDS) == []
    finally:
        page.close()


HEADERS_OUT_OF_LINE = """() => {
  // Header cells whose text does not start where their column's text starts.
  const out = [];
  for (const table of document.querySelectorAll('table')) {
    const head = table.tHead && table.tHead.rows[0];
    const first = table.tBodies[0] && table.tBodies[0].rows[0];
    if (!head || !first || head.cells.length !== first.cells.length) continue;
    [...head.cells].forEach((th, i) => {
      const td = first.cells[i], a = getComputedStyle(th), b = getComputedStyle(td);
      if (a.paddingLeft !== b.paddingLeft || a.paddingRight !== b.paddingRight
          || a.textAlign !== b.textAlign) out.push(th.textContent);
    });
  }
  return out;
}"""


@pytest.mark.parametrize("name", ["report", "team", "compare"])
def test_desktop_aligns_headers_breaks_no_word_and_keeps_rating_moves_on_one_line(
    browser: Browser, page_dir: Path, name: str
) -> None:
    page = open_page(browser, page_dir, name, DESKTOP)
    try:
        assert page.evaluate(BROKEN_WORDS) == []
        assert page.evaluate(HEADERS_OUT_OF_LINE) == []
        lines = page.evaluate(
            """() => [...document.querySelectorAll('.rating, span.move')].map(e => {
                 const range = document.createRange(); range.selectNodeContents(e);
                 return [e.textContent, new Set([...range.getClientRects()].map(
                   r => Math.round(r.top))).size];
               })"""
        )
        assert lines and all(count == 1 for _, count in lines), lines
    finally:
        page.close()


# --- axe-core ---------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", list(pages.PAGES))
def test_axe_finds_no_violation(browser: Browser, page_dir: Path, name: str, width: int) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, page_dir, name, width)
    try:
        # Every rule axe runs by default: WCAG A and AA, and best practice.
        results = Axe().run(page, options={"resultTypes": ["violations"]})
    finally:
        page.close()
    violations = results.response["violations"]
    assert [v["id"] for v in violations] == [], results.generate_report()
    assert "best-practice" in {tag for rule in _rules_run(results.response) for tag in rule}


def _rules_run(response: dict[str, Any]) -> list[list[str]]:
    """The tags of each rule that ran (passed, failed or not applicable)."""
    groups = ("passes", "violations", "incomplete", "inapplicable")
    return [rule["tags"] for group in groups for rule in response.get(group, [])]
