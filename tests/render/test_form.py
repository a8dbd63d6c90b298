"""The offline form's page, read back with the standard library's HTML parser: the policy that
forbids every request and names the one script by hash, checklist text escaped everywhere, and
every control labelled inside a fieldset with a legend.

What the page does in a browser is tested in tests/browser.
"""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

from collabcheck.catalog import resolve
from collabcheck.loader import load_path
from collabcheck.render.form import form
from tests.htmlpage import Element, parse

HOSTILE_MARKER = "pwned"
BAD = (
    f"</style></script><script>window.hostileRan=true;document.title='{HOSTILE_MARKER}'</script>"
    '"\'><img src=x onerror="window.hostileRan=true">'
)
"""Text that would run script if it reached the page unescaped, in text or in an attribute."""

ODD_KEY = 'x" onclick="window.hostileRan=true'
ODD_URL = 'https://example.org/"><script>window.hostileRan=true</script>'

HOSTILE = json.dumps(
    {
        "id": "hostile",
        "title": BAD,
        "version": f"1{BAD}",
        "source": {"publisher": BAD, "title": BAD, "url": ODD_URL},
        "description": BAD,
        "scale": "yes-partly-no",
        "sections": [
            {
                "id": "first",
                "title": BAD,
                "intro": BAD,
                "questions": [
                    {
                        "id": "pick",
                        "kind": "choice",
                        "label": BAD,
                        "text": BAD,
                        "help": BAD,
                        "choices": [
                            {"key": ODD_KEY, "label": BAD},
                            "plain",
                        ],
                    },
                    {
                        "id": "then",
                        "text": "Shown after the odd choice?",
                        "when": {"question": "first.pick", "answer": [ODD_KEY]},
                    },
                    {"id": "free", "kind": "text", "text": BAD},
                ],
            }
        ],
    }
)
"""A checklist (JSON is YAML too) with that text in every field a form shows."""


def hostile_checklist() -> str:
    """The hostile checklist's file text."""
    return HOSTILE


WITH_WHEN = """\
id: branching
title: Branching
version: "2"
source: {publisher: Test Publisher, title: A source, url: "https://example.org/source"}
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
        help: A memorandum counts.
        when: {question: start.partners, answer: [yes, partly]}
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


def _page(tmp_path: Path, text: str, name: str) -> Element:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return parse(form(load_path(path)))


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _policy(page: Element) -> dict[str, list[str]]:
    meta = page.find("meta", http_equiv="Content-Security-Policy")
    content = meta.attrs["content"] or ""
    return {d.split()[0]: d.split()[1:] for d in content.split(";") if d.strip()}


def test_the_policy_forbids_every_request_and_names_the_one_script_by_its_hash() -> None:
    html = form(resolve("board-readiness"))
    page = parse(html)
    policy = _policy(page)
    scripts = list(page.iter("script"))
    styles = list(page.iter("style"))

    assert policy["default-src"] == ["'none'"]
    assert policy["connect-src"] == ["'none'"]
    assert policy["form-action"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert len(scripts) == 1 and len(styles) == 1
    assert policy["script-src"] == [_sha256(scripts[0].raw_text)]
    assert policy["style-src"] == [_sha256(styles[0].raw_text)]
    # Nothing that loads anything: no src, no stylesheet link, no inline handler or style.
    for element in page.iter():
        assert "src" not in element.attrs and "style" not in element.attrs, element.tag
        assert not any(name.startswith("on") for name in element.attrs), element.tag
    assert not list(page.iter("link")) and not list(page.iter("img"))
    assert "http://" not in html.replace("https://", "") and "@import" not in html


def test_hostile_checklist_text_is_shown_as_text_and_runs_nothing(tmp_path: Path) -> None:
    page = _page(tmp_path, HOSTILE, "hostile.yaml")

    scripts = list(page.iter("script"))
    assert len(scripts) == 1
    assert _policy(page)["script-src"] == [_sha256(scripts[0].raw_text)]
    assert "hostileRan" not in scripts[0].raw_text
    assert not list(page.iter("img"))
    for element in page.iter():
        assert not any(name.startswith("on") for name in element.attrs), element.attrs
        assert "javascript:" not in (element.attrs.get("href") or "")
    assert page.find("a").attrs["href"] == ODD_URL
    # Every piece of hostile text reaches the reader as the text it is.
    assert page.find("h1").text == " ".join(BAD.split())
    legend = page.find("fieldset", data_id="first.pick").find("legend")
    assert legend.text == f"1.1 {' '.join(BAD.split())}: {' '.join(BAD.split())}"
    odd = page.find("input", type="radio", name="q1-1")
    assert odd.attrs["value"] == ODD_KEY
    when = page.find("fieldset", data_id="first.then")
    assert json.loads(when.attrs["data-when-answers"] or "") == [ODD_KEY]
    assert page.find("form").attrs["data-version"] == f"1{BAD}"


def test_each_question_is_a_fieldset_with_a_legend_and_every_control_is_labelled(
    tmp_path: Path,
) -> None:
    page = _page(tmp_path, WITH_WHEN, "branching.yaml")
    fieldsets = [f for f in page.iter("fieldset") if "question" in (f.attrs["class"] or "")]
    labels_for = {label.attrs.get("for") for label in page.iter("label")}

    assert [f.attrs["data-id"] for f in fieldsets] == [
        "start.partners",
        "start.agreement",
        "about.areas",
        "about.story",
    ]
    assert [f.find("legend").text for f in fieldsets] == [
        "1.1 Do you have partners?",
        "1.2 Is there a written agreement?",
        "2.1 Which areas does it cover?",
        "2.2 How did it start?",
    ]
    for control in [*page.iter("input"), *page.iter("textarea")]:
        wrapped = any(a.tag == "label" for a in control.ancestors())
        assert wrapped or control.attrs.get("id") in labels_for, control.attrs
    radios = list(fieldsets[0].iter("input"))
    assert [(r.attrs["type"], r.attrs["value"]) for r in radios] == [
        ("radio", "yes"),
        ("radio", "partly"),
        ("radio", "no"),
        ("radio", "dont-know"),
        ("radio", "n/a"),
    ]
    assert [r.parent.text for r in radios if r.parent] == [
        "Yes",
        "Partly",
        "No",
        "Don't know",
        "Not applicable",
    ]
    boxes = list(fieldsets[2].iter("input"))
    assert [(b.attrs["type"], b.attrs["value"]) for b in boxes] == [
        ("checkbox", "housing"),
        ("checkbox", "health"),
        ("checkbox", "social-care"),
    ]
    assert fieldsets[2].attrs["data-multiple"] == "true"
    assert [t.attrs["class"] for t in fieldsets[3].iter("textarea")] == ["answer"]


def test_conditions_help_and_progress_are_on_the_page(tmp_path: Path) -> None:
    page = _page(tmp_path, WITH_WHEN, "branching.yaml")
    agreement = page.find("fieldset", data_id="start.agreement")

    assert agreement.attrs["data-when"] == "start.partners"
    assert json.loads(agreement.attrs["data-when-answers"] or "") == ["yes", "partly"]
    assert page.find("p", id="q1-2-when").text == "Answer only if 1.1 is Yes or Partly."
    assert agreement.attrs["aria-describedby"] == "q1-2-when q1-2-help"
    assert page.find("p", id="progress").text == "0 of 4 answered"
    assert page.find("form").attrs["data-checklist"] == "branching"
    assert page.find("form").attrs["data-version"] == "2"
    assert page.find("a").attrs["href"] == "https://example.org/source"


def test_the_page_says_where_answers_are_kept_and_that_nothing_is_sent() -> None:
    page = parse(form(resolve("four-lessons")))
    privacy = page.find("div", id="privacy").text

    assert "kept in this browser's own storage" in privacy
    assert "Nothing is sent anywhere" in privacy
    assert page.find("button", id="save").text == "Save my answers"
    assert page.find("button", id="clear").text == "Clear my answers"
    for field in ("organisation", "respondent", "role"):
        assert page.find("input", id=field).attrs["type"] == "text"


def test_the_script_keeps_answers_in_indexeddb_by_checklist_and_version() -> None:
    script = parse(form(resolve("board-readiness"))).find("script").raw_text

    assert "indexedDB.open" in script
    assert "var storeKey = [checklist, version];" in script
    assert "localStorage" not in script.replace("localStorage on a file:// page", "")
    assert "fetch(" not in script and "XMLHttpRequest" not in script


def test_control_characters_and_direction_overrides_are_shown_inert(tmp_path: Path) -> None:
    # A right-to-left override would reorder the text after it; ESC could start a sequence.
    sneaky = "Is it agreed?\u202e\x1b[2J reversed"
    text = f"""\
id: sneaky
title: "{sneaky}"
version: "1"
source: {{publisher: P, title: T}}
description: D
scale: yes-partly-no
sections:
  - id: s
    title: S
    questions:
      - {{id: q, text: "{sneaky}"}}
"""
    path = tmp_path / "sneaky.yaml"
    path.write_text(text.replace("\x1b", "\\e"), encoding="utf-8")

    page = form(load_path(path))

    assert "\u202e" not in page and "\x1b" not in page
    assert "Is it agreed?" in parse(page).find("h1").text
