"""File-supplied text made harmless: for Markdown, CSV, HTML, JSON and terminals, over any text
(control characters, bidirectional overrides, lone surrogates included)."""

from __future__ import annotations

import csv
import io
import json
import re

from hypothesis import given
from hypothesis import strategies as st

from collabcheck.render.csv import cell
from collabcheck.render.escape import json_text, md_block, md_code, md_inline, one_line, visible
from tests.test_fuzz import FUZZ

# Every code point, lone surrogates too, with the dangerous ones made likely.
ANY_TEXT = st.text(
    st.one_of(
        st.characters(codec=None, exclude_categories=()),
        st.sampled_from("\x1b\x07\x08\r\n\t\x9b\x85\u202e\u202d\u2066\u2069\ud800\udce9`|<>#&"),
    )
)
# What would act on a terminal or reorder text.
ACTIVE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def test_control_sequences_are_shown_not_run() -> None:
    title = "Board\x1b]0;pwned\x07 \x1b[2J\x08x \u202egnp.exe\u202c"

    assert visible(title) == "Board\u241b]0;pwned\u2407 \u241b[2J\u2408x [U+202E]gnp.exe[U+202C]"


def test_a_checklist_id_cannot_break_out_of_its_code_span() -> None:
    assert md_code("board-readiness") == "`board-readiness`"
    hostile = md_code("x`\n<script>alert(1)</script>\n# Heading")

    assert "\n" not in hostile and "`" not in hostile.replace("\\`", "")
    assert "<script>" not in hostile and "\\# Heading" in hostile


def test_markdown_entities_cannot_bring_back_an_override() -> None:
    assert md_inline("a &#x202E; b & c") == "a \\&\\#x202E; b & c"


def test_a_paragraph_line_cannot_become_a_list_or_a_heading() -> None:
    assert md_block("intro\n===\n- item\n12. twelve\n1.5 stays") == (
        "intro  \n\\===  \n\\- item  \n12\\. twelve  \n1.5 stays"
    )


@FUZZ
@given(ANY_TEXT)
def test_markdown_inline_is_one_inert_line(text: str) -> None:
    shown = md_inline(text)

    assert "\n" not in shown and not ACTIVE.search(shown)
    shown.encode("utf-8")


@FUZZ
@given(ANY_TEXT)
def test_markdown_block_is_inert(text: str) -> None:
    shown = md_block(text)

    assert not ACTIVE.search(shown.replace("\n", ""))
    shown.encode("utf-8")


@FUZZ
@given(ANY_TEXT)
def test_a_message_line_is_one_inert_line(text: str) -> None:
    shown = one_line(text)

    assert "\n" not in shown and "\r" not in shown and not ACTIVE.search(shown)


@FUZZ
@given(ANY_TEXT)
def test_a_csv_cell_is_inert_and_reads_back(text: str) -> None:
    value = cell(text)
    out = io.StringIO()
    csv.writer(out).writerow([value])

    assert not ACTIVE.search(value.replace("\n", ""))
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [value]
    assert not value.startswith(("=", "+", "-", "@"))


@FUZZ
@given(st.dictionaries(ANY_TEXT, ANY_TEXT, max_size=3))
def test_json_keeps_the_data_and_shows_nothing_raw(data: dict[str, str]) -> None:
    text = json_text(data)

    assert json.loads(text) == data  # the same data, surrogates and all
    assert not ACTIVE.search(text.replace("\n", ""))
    text.encode("utf-8")
