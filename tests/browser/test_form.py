"""The offline form in a real Chromium: opened from a file:// URL, answered by mouse and by
keyboard, kept over a reload and a closed tab, saved as an answers file that combine reads
beside results from run; a hostile checklist runs nothing; no request; axe-core clean.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result as CliResult

from tests.browser.chromium import Browser, axe_violations
from tests.render.test_form import HOSTILE_MARKER, hostile_checklist

pytestmark = pytest.mark.browser

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


@pytest.fixture
def page(browser: Browser, form_page: Path) -> Iterator[Browser]:
    """The form open in the browser, with nothing kept from an earlier test."""
    browser.open(form_page)
    browser.forget_kept_answers()
    browser.open(form_page)
    yield browser


def _fieldset(qid: str) -> str:
    return f'fieldset[data-id="{qid}"]'


def _saved(browser: Browser, downloads: Path) -> tuple[Path, dict[str, Any]]:
    browser.click("#save")
    path = browser.wait_for_download(downloads)
    return path, json.loads(path.read_text(encoding="utf-8"))


def test_answered_by_mouse_hidden_by_when_and_saved_as_an_answers_file(
    page: Browser, tmp_path: Path
) -> None:
    downloads = page.download_to(tmp_path / "downloads")
    assert page.text("#progress") == "0 of 3 answered"
    assert not page.visible(_fieldset("start.agreement"))

    page.click(f'{_fieldset("start.partners")} input[value="yes"]')
    assert page.visible(_fieldset("start.agreement"))
    assert not page.visible(_fieldset("start.review"))
    page.click(f'{_fieldset("start.agreement")} input[value="yes"]')
    page.click(f'{_fieldset("start.review")} input[value="no"]')
    page.type(f"{_fieldset('start.review')} textarea.note", "not since 2023")
    # Changing an earlier answer hides what depends on it, and what depends on that.
    page.click(f'{_fieldset("start.agreement")} input[value="no"]')
    assert not page.visible(_fieldset("start.review"))
    page.click(f'{_fieldset("about.areas")} input[value="housing"]')
    page.click(f'{_fieldset("about.areas")} input[value="health"]')
    page.type(f"{_fieldset('about.story')} textarea.answer", "A winter pressures pilot.")
    page.type("#respondent", "Zoë Smith")
    page.type("#role", "chair")
    assert page.text("#progress") == "4 of 4 answered"

    path, saved = _saved(page, downloads)

    today = time.strftime("%Y-%m-%d")
    assert path.name == f"branching-answers-zoe-smith-{today}.json"
    assert saved["checklist"] == "branching" and saved["version"] == "2"
    assert (saved["organisation"], saved["respondent"], saved["role"]) == (
        None,
        "Zoë Smith",
        "chair",
    )
    assert saved["completed_at"].startswith(today)
    # The hidden question's answer is not saved, as a run records it as not asked.
    assert saved["answers"] == {
        "start.partners": {"answer": "yes", "note": None},
        "start.agreement": {"answer": "no", "note": None},
        "about.areas": {"answer": ["housing", "health"], "note": None},
        "about.story": {"answer": "A winter pressures pilot.", "note": None},
    }


def test_answered_by_keyboard_alone(page: Browser, tmp_path: Path) -> None:
    downloads = page.download_to(tmp_path / "downloads")
    page.focus("#role")
    # Tab to the first question's radios; the arrow keys move the choice, as in any radio group.
    page.keys("TAB")
    assert page.focused_is(f'{_fieldset("start.partners")} input[value="yes"]')
    page.keys("SPACE", "ARROW_RIGHT")  # Yes, then Partly
    assert page.checked(f'{_fieldset("start.partners")} input[value="partly"]')
    page.keys("TAB")  # the note
    page.keys_text("only two of five")
    page.keys("TAB", "SPACE")  # the next question (now shown): Yes
    assert page.checked(f'{_fieldset("start.agreement")} input[value="yes"]')
    assert page.focus_outline_width() >= 2, "focus must be visible"

    _, saved = _saved(page, downloads)

    assert saved["answers"]["start.partners"] == {"answer": "partly", "note": "only two of five"}
    assert saved["answers"]["start.agreement"] == {"answer": "yes", "note": None}


def test_answers_are_kept_over_a_reload_and_a_closed_tab_until_cleared(
    page: Browser, form_page: Path
) -> None:
    page.click(f'{_fieldset("start.partners")} input[value="no"]')
    page.type(f"{_fieldset('start.partners')} textarea.note", "none yet")
    page.type("#organisation", "Example Trust")
    page.wait_for_text("#kept", "Kept in this browser")

    page.reload()
    assert page.checked(f'{_fieldset("start.partners")} input[value="no"]')
    assert page.value(f"{_fieldset('start.partners')} textarea.note") == "none yet"
    assert page.value("#organisation") == "Example Trust"
    assert page.text("#progress") == "1 of 3 answered"

    page.reopen_in_new_tab(form_page)
    assert page.checked(f'{_fieldset("start.partners")} input[value="no"]')

    page.click("#clear")
    page.click("#clear-yes")
    page.wait_for_text("#kept", "cleared")
    page.reload()
    assert not page.checked(f'{_fieldset("start.partners")} input[value="no"]')
    assert page.value("#organisation") == ""
    assert page.text("#progress") == "0 of 3 answered"


def test_a_saved_form_combines_with_results_from_run(
    page: Browser, cli: Cli, checklist_dir: Path, tmp_path: Path
) -> None:
    downloads = page.download_to(tmp_path / "downloads")
    page.click(f'{_fieldset("start.partners")} input[value="partly"]')
    page.click(f'{_fieldset("start.agreement")} input[value="no"]')
    page.type(f"{_fieldset('start.agreement')} textarea.note", "drafting one")
    page.type("#role", "governor")
    path, _ = _saved(page, downloads)
    dirs = ("--checklist-dir", str(checklist_dir))
    results = []
    for name, answer in (("a", "yes"), ("b", "no")):
        answers = tmp_path / f"{name}.yaml"
        answers.write_text(f"answers: {{start.partners: {answer}}}\nrole: chair\n", "utf-8")
        result = tmp_path / f"{name}.json"
        ran = cli(
            *dirs, "run", "branching", "--answers", str(answers), "-f", "json", "-o", str(result)
        )
        assert ran.exit_code == 0, ran.stderr
        results.append(str(result))

    combined = cli(*dirs, "combine", *results, str(path), "--format", "json")
    report = cli(*dirs, "report", str(path), "--format", "json")
    ran = cli(*dirs, "run", "branching", "--answers", str(path), "--format", "json")

    assert combined.exit_code == 0, combined.stderr
    assert combined.stderr == "Read 2 results and 1 answers file.\n"
    team = json.loads(combined.stdout)
    assert team["respondents"] == 3
    partners = next(q for q in team["questions"] if q["id"] == "start.partners")
    assert partners["mean"] == pytest.approx(0.5)  # Yes, No and the form's Partly
    assert report.stdout == ran.stdout
    agreement = json.loads(report.stdout)["answers"][1]
    assert (agreement["answer"], agreement["note"]) == ("no", "drafting one")


def test_a_hostile_checklist_runs_nothing_and_nothing_is_requested(
    browser: Browser, cli: Cli, tmp_path: Path
) -> None:
    checklist = tmp_path / "hostile.yaml"
    checklist.write_text(hostile_checklist(), encoding="utf-8")
    page_path = tmp_path / "hostile-form.html"
    assert cli("form", str(checklist), "-o", str(page_path)).exit_code == 0

    browser.open(page_path)
    browser.click('fieldset[data-id="first.pick"] input[type="radio"]')

    assert browser.title() != HOSTILE_MARKER
    assert not browser.script("return window.hostileRan === true")
    assert browser.csp_violations() == []
    assert browser.requests() == [page_path.as_uri()]
    assert browser.visible('fieldset[data-id="first.then"]')
    assert browser.text("#progress") == "1 of 3 answered"


def test_the_form_makes_no_request_and_has_its_policy(page: Browser, form_page: Path) -> None:
    policy = page.script(
        "return document.querySelector('meta[http-equiv=Content-Security-Policy]').content"
    )
    page.click(f'{_fieldset("start.partners")} input[value="yes"]')

    assert policy.startswith("default-src 'none'; script-src 'sha256-")
    assert page.requests() == [form_page.as_uri()]
    assert page.csp_violations() == []
    assert page.console_errors() == []


@pytest.mark.parametrize("width", [390, 1280])
def test_axe_finds_nothing_and_nothing_scrolls_sideways(page: Browser, width: int) -> None:
    page.set_width(width)
    page.click(f'{_fieldset("start.partners")} input[value="yes"]')
    page.click("#clear")  # the confirmation shown too

    assert axe_violations(page) == []
    assert page.script("return document.documentElement.scrollWidth") <= width


def test_printed_the_form_is_the_paper_worksheet(page: Browser) -> None:
    page.click(f'{_fieldset("start.partners")} input[value="no"]')
    page.print_media(True)
    try:
        # Every question, whatever its condition; none of the screen's buttons and messages.
        for qid in ("start.partners", "start.agreement", "start.review", "about.story"):
            assert page.visible(_fieldset(qid)), qid
        for screen_only in ("#save", "#clear", "#progress", "#privacy"):
            assert not page.visible(screen_only), screen_only
        box = page.script(
            "var s = getComputedStyle(arguments[0]);"
            "return [s.appearance, s.borderRadius, s.borderTopStyle];",
            page.element(f'{_fieldset("start.partners")} input[value="yes"]'),
        )
        assert box == ["none", "0px", "solid"]  # a square tick box
        note = page.element(f"{_fieldset('start.partners')} textarea.note")
        answer = page.element(f"{_fieldset('about.story')} textarea.answer")
        assert note.size["height"] >= 50 and answer.size["height"] >= 100  # room to write
    finally:
        page.print_media(False)
