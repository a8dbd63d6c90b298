"""The offline form in a real Chromium (the harness of test_browser.py): opened from a file://
URL, answered by mouse and by keyboard, kept over a reload and a closed tab, saved as an answers
file that combine reads beside results from run; a hostile checklist runs nothing; no request;
printed as the worksheet; axe-core clean at phone and desktop widths.

Each test has a fresh browser context: its own storage, as a new browser profile would.
"""

from __future__ import annotations

import io
import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from typer.testing import Result as CliResult

from tests.browser import DESKTOP, PHONE
from tests.render.test_form import HOSTILE_MARKER, hostile_checklist

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext, Page

Cli = Callable[..., CliResult]

BRANCHING = """\
id: branching
title: Branching
version: "2"
source: {publisher: Test Publisher, title: A source}
description: A checklist whose questions depend on earlier answers.
scale: yes-partly-no
sections:
  - id: start
    title: Start
    questions:
      - id: partners
        text: Do you have partners?
      - id: agreement
        text: Is there a written agreement?
        when: {question: start.partners, answer: [yes, partly]}
      - id: review
        text: Is the agreement reviewed each year?
        when: {question: start.agreement, answer: yes}
  - id: about
    title: About the work
    questions:
      - id: areas
        kind: choice
        multiple: true
        text: Which areas does it cover?
        choices: [Housing, Health, Social care]
      - id: story
        kind: text
        text: How did it start?
"""

# Registered before any page script runs (Playwright's init scripts are not subject to the
# page's policy): every violation the page reports, so a test can assert there were none.
WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


class Visit:
    """One person's browser: a fresh context, the page open in it, and what the page did."""

    def __init__(self, browser: Browser) -> None:
        self.context: BrowserContext = browser.new_context(
            accept_downloads=True, viewport={"width": DESKTOP, "height": 900}
        )
        self.context.add_init_script(script=WATCH_VIOLATIONS)
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda request: self.requests.append(request.url))
        self.page: Page = self.context.new_page()
        self._watch(self.page)

    def _watch(self, page: Page) -> None:
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def open(self, path: Path) -> None:
        self.page.goto(path.as_uri())
        self.ready()

    def ready(self) -> None:
        # The form marks itself ready once it has read what the browser kept.
        self.page.wait_for_selector("#form[data-ready='true']", state="attached")

    def reload(self) -> None:
        self.page.reload()
        self.ready()

    def reopen_in_new_tab(self, path: Path) -> None:
        """Close the tab, then open the file again in a new one."""
        self.page.close()
        self.page = self.context.new_page()
        self._watch(self.page)
        self.open(path)

    def violations(self) -> list[str]:
        return list(self.page.evaluate("window.cspViolations"))

    def save(self, folder: Path) -> tuple[Path, dict[str, Any]]:
        """Press "Save my answers"; the downloaded file and what it holds."""
        with self.page.expect_download() as downloading:
            self.page.click("#save")
        download = downloading.value
        path = folder / download.suggested_filename
        download.save_as(path)
        return path, json.loads(path.read_text(encoding="utf-8"))

    def focused_is(self, css: str) -> bool:
        return bool(
            self.page.evaluate("css => document.activeElement === document.querySelector(css)", css)
        )


@pytest.fixture
def visit(browser: Browser) -> Iterator[Visit]:
    opened = Visit(browser)
    yield opened
    opened.context.close()


@pytest.fixture
def checklist_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "checklists"
    folder.mkdir()
    (folder / "branching.yaml").write_text(BRANCHING, encoding="utf-8")
    return folder


@pytest.fixture
def form_page(cli: Cli, checklist_dir: Path, tmp_path: Path) -> Path:
    """The form of ``branching``, written by the CLI as a facilitator would."""
    page = tmp_path / "branching-form.html"
    result = cli("--checklist-dir", str(checklist_dir), "form", "branching", "-o", str(page))
    assert result.exit_code == 0, result.stderr
    return page


def q(qid: str, inside: str = "") -> str:
    """The CSS selector of a question's fieldset, or of something inside it."""
    return f'fieldset[data-id="{qid}"] {inside}'.strip()


def test_answered_by_mouse_hidden_by_when_and_saved_as_an_answers_file(
    visit: Visit, form_page: Path, tmp_path: Path
) -> None:
    page = visit.page
    visit.open(form_page)
    assert page.inner_text("#progress") == "0 of 3 answered"
    assert page.is_hidden(q("start.agreement"))

    page.click(q("start.partners", 'input[value="yes"]'))
    assert page.is_visible(q("start.agreement"))
    assert page.is_hidden(q("start.review"))
    page.click(q("start.agreement", 'input[value="yes"]'))
    page.click(q("start.review", 'input[value="no"]'))
    page.fill(q("start.review", "textarea.note"), "not since 2023")
    # Changing an earlier answer hides what depends on it, and what depends on that.
    page.click(q("start.agreement", 'input[value="no"]'))
    assert page.is_hidden(q("start.review"))
    page.click(q("about.areas", 'input[value="housing"]'))
    page.click(q("about.areas", 'input[value="health"]'))
    page.fill(q("about.story", "textarea.answer"), "A winter pressures pilot.")
    page.fill("#respondent", "Zoë Smith")
    page.fill("#role", "chair")
    assert page.inner_text("#progress") == "4 of 4 answered"

    path, saved = visit.save(tmp_path)

    today = time.strftime("%Y-%m-%d")
    assert path.name == f"branching-answers-zoe-smith-{today}.json"
    assert (saved["checklist"], saved["version"]) == ("branching", "2")
    who = (saved["organisation"], saved["respondent"], saved["role"])
    assert who == (None, "Zoë Smith", "chair")
    assert saved["completed_at"].startswith(today)
    # The hidden question's answer is not saved, as a run records it as not asked.
    assert saved["answers"] == {
        "start.partners": {"answer": "yes", "note": None},
        "start.agreement": {"answer": "no", "note": None},
        "about.areas": {"answer": ["housing", "health"], "note": None},
        "about.story": {"answer": "A winter pressures pilot.", "note": None},
    }


def test_answered_by_keyboard_alone(visit: Visit, form_page: Path, tmp_path: Path) -> None:
    page = visit.page
    visit.open(form_page)
    page.focus("#role")
    # Tab to the first question's radios; the arrow keys move the choice, as in any radio group.
    page.keyboard.press("Tab")
    assert visit.focused_is(q("start.partners", 'input[value="yes"]'))
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")  # Partly
    assert page.is_checked(q("start.partners", 'input[value="partly"]'))
    page.keyboard.press("Tab")  # the note
    page.keyboard.type("only two of five")
    page.keyboard.press("Tab")  # the next question, shown now
    page.keyboard.press("Space")  # Yes
    assert page.is_checked(q("start.agreement", 'input[value="yes"]'))
    outline = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return s.outlineStyle === 'none' ? 0 : parseFloat(s.outlineWidth); }"
    )
    assert outline >= 2, "focus must be visible"
    # Save with the keyboard too.
    page.focus("#save")
    with page.expect_download() as downloading:
        page.keyboard.press("Enter")
    path = tmp_path / downloading.value.suggested_filename
    downloading.value.save_as(path)

    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["answers"]["start.partners"] == {"answer": "partly", "note": "only two of five"}
    assert saved["answers"]["start.agreement"] == {"answer": "yes", "note": None}


def test_answers_are_kept_over_a_reload_and_a_closed_tab_until_cleared(
    visit: Visit, form_page: Path
) -> None:
    visit.open(form_page)
    page = visit.page
    page.click(q("start.partners", 'input[value="no"]'))
    page.fill(q("start.partners", "textarea.note"), "none yet")
    page.fill("#organisation", "Example Trust")
    page.wait_for_function(
        "() => document.getElementById('kept').textContent.startsWith('Kept in this browser')"
    )

    visit.reload()
    page = visit.page
    assert page.is_checked(q("start.partners", 'input[value="no"]'))
    assert page.input_value(q("start.partners", "textarea.note")) == "none yet"
    assert page.input_value("#organisation") == "Example Trust"
    assert page.inner_text("#progress") == "1 of 3 answered"
    assert "earlier answers are back" in page.inner_text("#kept")

    visit.reopen_in_new_tab(form_page)
    page = visit.page
    assert page.is_checked(q("start.partners", 'input[value="no"]'))

    page.click("#clear")
    page.click("#clear-yes")
    page.wait_for_function("() => document.getElementById('kept').textContent.includes('cleared')")
    visit.reload()
    page = visit.page
    assert not page.is_checked(q("start.partners", 'input[value="no"]'))
    assert page.input_value("#organisation") == ""
    assert page.inner_text("#progress") == "0 of 3 answered"


def test_a_saved_form_combines_with_results_from_run(
    visit: Visit, form_page: Path, cli: Cli, checklist_dir: Path, tmp_path: Path
) -> None:
    visit.open(form_page)
    page = visit.page
    page.click(q("start.partners", 'input[value="partly"]'))
    page.click(q("start.agreement", 'input[value="no"]'))
    page.fill(q("start.agreement", "textarea.note"), "drafting one")
    page.fill("#role", "governor")
    path, _ = visit.save(tmp_path)
    dirs = ("--checklist-dir", str(checklist_dir))
    results = []
    for name, answer in (("a", "yes"), ("b", "no")):
        answers = tmp_path / f"{name}.yaml"
        answers.write_text(f"answers: {{start.partners: {answer}}}\nrole: chair\n", "utf-8")
        result = tmp_path / f"{name}.json"
        run = ("run", "branching", "--answers", str(answers), "-f", "json", "-o", str(result))
        assert cli(*dirs, *run).exit_code == 0
        results.append(str(result))

    combined = cli(*dirs, "combine", *results, str(path), "--format", "json")
    report = cli(*dirs, "report", str(path), "--format", "json")
    ran = cli(*dirs, "run", "branching", "--answers", str(path), "--format", "json")

    assert combined.exit_code == 0, combined.stderr
    assert combined.stderr == "Read 2 results and 1 answers file.\n"
    team = json.loads(combined.stdout)
    assert team["respondents"] == 3
    partners = next(
        question for question in team["questions"] if question["id"] == "start.partners"
    )
    assert partners["mean"] == pytest.approx(0.5)  # Yes, No and the form's Partly
    assert report.stdout == ran.stdout
    agreement = json.loads(report.stdout)["answers"][1]
    assert (agreement["answer"], agreement["note"]) == ("no", "drafting one")


def test_a_hostile_checklist_runs_nothing_and_nothing_is_requested(
    visit: Visit, cli: Cli, tmp_path: Path
) -> None:
    checklist = tmp_path / "hostile.yaml"
    checklist.write_text(hostile_checklist(), encoding="utf-8")
    page_path = tmp_path / "hostile-form.html"
    assert cli("form", str(checklist), "-o", str(page_path)).exit_code == 0

    visit.open(page_path)
    page = visit.page
    page.click('fieldset[data-id="first.pick"] input[type="radio"] >> nth=0')
    page.hover("h1")  # where a smuggled mouseover would fire

    assert page.title() != HOSTILE_MARKER
    assert page.evaluate("window.hostileRan") is None
    assert visit.violations() == []
    assert visit.errors == []
    assert visit.requests == [page_path.as_uri()]
    assert page.is_visible('fieldset[data-id="first.then"]')
    assert page.inner_text("#progress") == "1 of 3 answered"


def test_the_form_makes_no_request_and_has_its_policy(visit: Visit, form_page: Path) -> None:
    visit.open(form_page)
    page = visit.page
    policy = page.get_attribute("meta[http-equiv='Content-Security-Policy']", "content") or ""
    page.click(q("start.partners", 'input[value="yes"]'))
    page.fill(q("start.partners", "textarea.note"), "a note")
    visit.reload()

    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert visit.requests == [form_page.as_uri()] * 2  # opened, and reloaded: nothing else
    assert visit.violations() == []
    assert visit.errors == []


@pytest.mark.parametrize("width", [PHONE, DESKTOP])
def test_axe_finds_nothing_and_nothing_scrolls_sideways(
    visit: Visit, form_page: Path, width: int
) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = visit.page
    page.set_viewport_size({"width": width, "height": 900})
    visit.open(form_page)
    page.click(q("start.partners", 'input[value="yes"]'))
    page.click("#clear")  # with the confirmation shown too

    results = Axe().run(page, options={"resultTypes": ["violations"]})

    assert [v["id"] for v in results.response["violations"]] == [], results.generate_report()
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def test_printed_the_form_is_the_paper_worksheet(visit: Visit, form_page: Path) -> None:
    import pypdf

    visit.open(form_page)
    page = visit.page
    page.click(q("start.partners", 'input[value="no"]'))  # hides the questions after it
    page.emulate_media(media="print")
    box = page.evaluate(
        "css => { const s = getComputedStyle(document.querySelector(css));"
        " return [s.appearance, s.borderRadius, s.borderTopStyle]; }",
        q("start.partners", 'input[value="yes"]'),
    )
    note = page.locator(q("start.partners", "textarea.note")).bounding_box()
    answer = page.locator(q("about.story", "textarea.answer")).bounding_box()

    sheets = pypdf.PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True))).pages
    text = [" ".join(sheet.extract_text().split()) for sheet in sheets]

    assert box == ["none", "0px", "solid"]  # square tick boxes
    assert note is not None and note["height"] >= 50  # room to write
    assert answer is not None and answer["height"] >= 100
    everything = " ".join(text)
    # Every question, whatever its condition, with its condition said; no buttons or messages.
    for number in ("1.1 Do you", "1.2 Is there", "1.3 Is the agreement", "2.1 Which", "2.2 How"):
        assert number in everything
    assert "Answer only if 1.1 is Yes or Partly." in everything
    assert "Save my answers" not in everything and "answered" not in everything
    for page_number, words in enumerate(text, 1):
        assert f"Page {page_number} of {len(text)}" in words
        assert "Branching: worksheet" in words and "Checklist branching, version 2" in words
    for sheet in sheets:
        assert (round(float(sheet.mediabox.width)), round(float(sheet.mediabox.height))) == (
            595,
            842,
        )


def test_answers_are_kept_apart_for_each_version_of_a_checklist(
    visit: Visit, cli: Cli, checklist_dir: Path, tmp_path: Path
) -> None:
    forms = {}
    for version in ("2", "3"):
        folder = tmp_path / f"v{version}"
        folder.mkdir()
        (folder / "branching.yaml").write_text(
            BRANCHING.replace('version: "2"', f'version: "{version}"'), encoding="utf-8"
        )
        forms[version] = tmp_path / f"branching-{version}.html"
        made = cli("--checklist-dir", str(folder), "form", "branching", "-o", str(forms[version]))
        assert made.exit_code == 0, made.stderr
    visit.open(forms["2"])
    visit.page.click(q("start.partners", 'input[value="yes"]'))
    visit.page.wait_for_function(
        "() => document.getElementById('kept').textContent.startsWith('Kept in this browser')"
    )

    visit.open(forms["3"])
    assert not visit.page.is_checked(q("start.partners", 'input[value="yes"]'))
    visit.open(forms["2"])
    assert visit.page.is_checked(q("start.partners", 'input[value="yes"]'))


STAGED = """\
id: staged
title: Staged
version: "1"
source: {publisher: Test Publisher, title: A source}
description: Stages in order, one running throughout.
scale: yes-partly-no
staged: true
sections:
  - id: plan
    title: Plan
    questions: [{id: aims, text: Are the aims agreed?}]
  - id: talk
    title: Talk
    throughout: true
    questions: [{id: heard, text: Are people heard?}]
  - id: do
    title: Do
    questions: [{id: change, text: Has the change begun?}]
"""


def test_a_staged_form_asks_the_stages_reached_and_saves_the_stage(
    visit: Visit, cli: Cli, tmp_path: Path
) -> None:
    checklist = tmp_path / "staged.yaml"
    checklist.write_text(STAGED, encoding="utf-8")
    form = tmp_path / "staged-form.html"
    assert cli("form", str(checklist), "-o", str(form)).exit_code == 0
    visit.open(form)
    page = visit.page
    assert page.inner_text("#progress") == "0 of 3 answered"  # no stage given: every one

    page.click('#stage input[value="plan"]')
    assert page.is_hidden('section[data-section="do"]')
    assert page.is_visible(q("talk.heard"))  # runs throughout
    page.click(q("plan.aims", 'input[value="yes"]'))
    assert page.inner_text("#progress") == "1 of 2 answered"
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe().run(page, options={"resultTypes": ["violations"]})
    assert [v["id"] for v in axe.response["violations"]] == [], axe.generate_report()
    page.click('#stage input[value="do"]')
    page.click(q("do.change", 'input[value="no"]'))
    page.click('#stage input[value="plan"]')
    visit.reload()
    assert visit.page.is_checked('#stage input[value="plan"]')
    path, saved = visit.save(tmp_path)

    assert saved["stage"] == "plan"
    assert saved["answers"] == {"plan.aims": {"answer": "yes", "note": None}}
    report = cli("--checklist-dir", str(tmp_path), "report", str(path), "--format", "json")
    statuses = [a["status"] for a in json.loads(report.stdout)["answers"]]
    assert statuses == ["answered", "skipped", "not_reached"]
