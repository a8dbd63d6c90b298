"""The Collaborative Model run mid-project and at the end, through the CLI: a stage not reached
is not asked, not scored and shown as such, and the two runs compare stage by stage."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import Result

from collabcheck.catalog import resolve
from tests.schemas import assert_valid

Cli = Callable[..., Result]
WriteFile = Callable[[str, str], Path]

MODEL = resolve("collaborative-model")


@pytest.fixture(autouse=True)
def _in_the_tests_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Results are written, and named, in the test's folder, as a person would name them."""
    monkeypatch.chdir(tmp_path)


LATER = ("make-the-change", "checking-the-impact")


def answers_file(stage: str | None, answer: Callable[[str], str]) -> str:
    """An answers file giving ``answer(section)`` to every scored question (and the decision)."""
    lines = [f"stage: {stage}"] if stage else []
    lines += ["answers:", "  decision-time.decision: partly"]
    for question in MODEL.questions:
        if question.scored:
            lines.append(f"  {question.id}: {answer(question.section)}")
    return "\n".join(lines) + "\n"


def run(cli: Cli, write_file: WriteFile, name: str, text: str, *args: str) -> dict[str, Any]:
    path = write_file(f"{name}.yaml", text)
    result = cli("run", "collaborative-model", "--answers", str(path), "--format", "json", *args)
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    assert_valid("result", data)
    write_file(f"{name}.json", result.stdout)
    return data


def sections(data: dict[str, Any]) -> dict[str, tuple[Any, ...]]:
    return {
        s["id"]: (s["score"], s["rating"], s["reached"], s["not_reached"])
        for s in data["scores"]["sections"]
    }


# Mid-project, honestly: the stages so far done well, the later ones not started ("no").
MIDWAY = answers_file("gather-ideas", lambda section: "no" if section in LATER else "yes")
# At the end: everything done, the impact only partly shared.
END = answers_file(
    "checking-the-impact", lambda section: "partly" if section == "checking-the-impact" else "yes"
)


def test_mid_project_the_stages_not_reached_are_not_scored(cli: Cli, write_file: WriteFile) -> None:
    data = run(cli, write_file, "midway", MIDWAY)

    assert data["stage"] == "gather-ideas"
    assert data["checklist"]["version"] == "2"
    # 8 + 6 + 8 + 4 questions in the stages reached, and 5 kept going throughout: all Yes.
    assert data["scores"]["overall"]["score"] == 100.0
    assert data["scores"]["overall"]["answered"] == 31
    assert data["scores"]["overall"]["not_reached"] == 9
    got = sections(data)
    assert got["make-the-change"] == (None, None, False, 4)
    assert got["checking-the-impact"] == (None, None, False, 5)
    assert got["keep-the-conversation-going"] == (100.0, "green", True, 0)
    statuses = {a["id"]: a["status"] for a in data["answers"]}
    assert statuses["checking-the-impact.share-the-difference"] == "not_reached"
    decision = next(a for a in data["answers"] if a["id"] == "decision-time.decision")
    assert (decision["answer"], decision["value"]) == ("partly", None)
    assert decision["answer_label"] == "Partly: it can't be, but parts of the project can"


def test_without_stages_the_same_answers_turn_the_later_stages_red(
    cli: Cli, write_file: WriteFile
) -> None:
    unstaged = MIDWAY.replace("stage: gather-ideas\n", "")

    result = cli(
        "run",
        "collaborative-model",
        "--answers",
        str(write_file("unstaged.yaml", unstaged)),
        "--format",
        "json",
    )

    assert result.exit_code == 0
    assert "no stage was given (--stage ID, or stage: in" in result.stderr
    data = json.loads(result.stdout)
    assert data["stage"] is None
    # 31 Yes and 9 No over 40 questions: the red later stages drag the score down.
    assert data["scores"]["overall"]["score"] == 77.5
    assert sections(data)["checking-the-impact"] == (0.0, "red", True, 0)


def test_the_reports_show_the_stage_and_what_is_not_reached(
    cli: Cli, write_file: WriteFile
) -> None:
    run(cli, write_file, "midway", MIDWAY)

    md = cli("report", "midway.json").stdout
    html = cli("report", "midway.json", "--format", "html").stdout

    stage = (
        "Stage reached: Gather Ideas (stage 5 of 7). Keep the Conversation Going runs "
        "throughout. Later stages are not reached: not asked, not scored."
    )
    assert f"**{stage}**" in md
    assert "| 6. Make the Change | \u2013 | not reached | 0 | 0 | 0 | 0 |" in md
    assert "### 8. Checking the Impact: not reached\n\n*Not reached: not asked, not scored.*" in md
    assert "40 questions: 31 answered, 0 not applicable, 0 skipped, 9 not reached." in md
    assert "Have you shared the difference" not in md
    assert stage in html
    assert '<td class="rating" data-label="Rating">not reached</td>' in html
    assert "<h3>8. Checking the Impact: not reached</h3>" in html


def test_mid_project_compared_with_the_end(cli: Cli, write_file: WriteFile) -> None:
    run(cli, write_file, "midway", MIDWAY)
    end = run(cli, write_file, "end", END)
    assert end["scores"]["overall"]["score"] == 93.8  # 35 Yes and 5 Partly over 40

    md = cli("compare", "midway.json", "end.json")
    data = json.loads(cli("compare", "midway.json", "end.json", "--format", "json").stdout)

    assert md.exit_code == 0, md.stderr
    assert "| Stage reached | Gather Ideas | Checking the Impact |" in md.stdout
    assert "## Overall: 100.0% → 93.8% (-6.2 points), green" in md.stdout
    assert "| 6. Make the Change | \u2013 | 100.0% | \u2013 | not reached → green |" in md.stdout
    assert "| 8. Checking the Impact | \u2013 | 50.0% | \u2013 | not reached → amber |" in md.stdout
    # The stages not reached midway are no change, neither better nor worse.
    assert "Checking the Impact" not in md.stdout.split("## Questions that got worse")[1]
    page = cli("compare", "midway.json", "end.json", "--format", "html").stdout
    assert '<th scope="row">Stage reached</th>' in page
    assert "not reached \u2192 amber" in page
    assert_valid("compare", data)
    impact = next(s for s in data["sections"] if s["id"] == "checking-the-impact")
    assert (impact["reached_before"], impact["reached_after"], impact["change"]) == (
        False,
        True,
        None,
    )
    assert (data["before"]["stage"], data["after"]["stage"]) == (
        "Gather Ideas",
        "Checking the Impact",
    )


def test_a_team_at_different_stages(cli: Cli, write_file: WriteFile) -> None:
    for name in ("ann", "bob"):
        # Named: combine refuses two results with the same content as one member given twice.
        run(cli, write_file, name, MIDWAY, "--respondent", name)
    run(cli, write_file, "cat", END)

    md = cli("combine", "ann.json", "bob.json", "cat.json")
    data = json.loads(cli("combine", "ann.json", "bob.json", "cat.json", "--format", "json").stdout)

    assert md.exit_code == 0, md.stderr
    assert (
        "**Stages reached: Gather Ideas (2 members), Checking the Impact (1 member). Each "
        "member's later stages are not reached: not asked, not scored.**"
    ) in md.stdout
    assert_valid("team", data)
    assert data["stages"] == [
        {"stage": "gather-ideas", "title": "Gather Ideas", "respondents": 2},
        {"stage": "checking-the-impact", "title": "Checking the Impact", "respondents": 1},
    ]
    impact = next(s for s in data["scores"]["sections"] if s["id"] == "checking-the-impact")
    assert (impact["reached"], impact["score"], impact["respondents"]) == (1, 50.0, 1)
    shared = next(q for q in data["questions"] if q["id"].endswith("share-the-difference"))
    assert (shared["answered"], shared["not_reached"]) == (1, 2)
    # Nobody who had not reached a stage counts in its answers: no disagreement there.
    assert shared["id"] not in data["disagreements"]


def test_a_team_where_nobody_reached_a_stage(cli: Cli, write_file: WriteFile) -> None:
    for name in ("ann", "bob"):
        run(cli, write_file, name, MIDWAY, "--respondent", name)

    md = cli("combine", "ann.json", "bob.json").stdout

    page = cli("combine", "ann.json", "bob.json", "--format", "html").stdout

    assert "| 8. Checking the Impact | \u2013 | not reached |" in md
    assert "### 8. Checking the Impact: not reached" in md
    assert "<h3>8. Checking the Impact: not reached</h3>" in page
    assert "Stages reached: Gather Ideas (2 members)." in page


def test_the_team_lists_leave_out_what_nobody_reached(cli: Cli, write_file: WriteFile) -> None:
    # Both answered No to the later stages in their files, but had not reached them.
    for name, role in (("ann", "Lead"), ("bob", "Clerk")):
        run(cli, write_file, name, MIDWAY, "--respondent", name, "--role", role)
    names = ("ann.json", "bob.json", "--by", "role", "--min-group", "1")

    data = json.loads(cli("combine", *names, "--format", "json").stdout)
    text = cli("combine", *names, "--format", "text").stdout

    later = {q.id for q in MODEL.questions if q.section in LATER}
    listed = {*data["disagreements"], *data["unknown"], *data["weakest"]}
    listed |= {d["id"] for d in data["differences"]}
    assert later and not listed & (later | set(LATER))
    rows = [" ".join(line.split()) for line in text.splitlines()]
    assert "8. Checking the Impact \u2013 not reached \u2013 \u2013" in rows
    assert "6. Make the Change \u2013 not reached \u2013 \u2013" in rows
    assert (
        "Stages reached: Gather Ideas (2 members). Each member's later stages are not reached"
    ) in " ".join(text.split())


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (
            ("--stage", "later"),
            "--stage later: no stage 'later' in collaborative-model; use one of big-idea, "
            "decision-time, building-the-team, understand-whats-around, gather-ideas, "
            "make-the-change, checking-the-impact",
        ),
        (
            ("--stage", "keep-the-conversation-going"),
            "--stage keep-the-conversation-going: 'keep-the-conversation-going' runs "
            "throughout, so it is not a stage to reach; use one of big-idea,",
        ),
        (
            ("--stage", "big-idea", "--section", "gather-ideas"),
            "--section gather-ideas: a stage after the one reached (big-idea), so not asked",
        ),
    ],
)
def test_a_stage_that_cannot_be_reached_is_a_usage_error(
    cli: Cli, write_file: WriteFile, args: tuple[str, ...], expected: str
) -> None:
    path = write_file("midway.yaml", MIDWAY)

    result = cli("run", "collaborative-model", "--answers", str(path), *args)

    assert result.exit_code == 2, result.output
    assert expected in result.stderr


def test_a_stage_in_an_answers_file_is_checked(cli: Cli, write_file: WriteFile) -> None:
    path = write_file("midway.yaml", MIDWAY.replace("stage: gather-ideas", "stage: halfway"))

    result = cli("run", "collaborative-model", "--answers", str(path))

    assert result.exit_code == 1
    assert f"{path}:1: stage: no stage 'halfway' in collaborative-model; use one of" in (
        result.stderr
    )


def test_stage_on_the_command_line_wins_and_later_answers_do_not_count(
    cli: Cli, write_file: WriteFile
) -> None:
    path = write_file("end.yaml", END)

    result = cli(
        "run", "collaborative-model", "--answers", str(path), "--stage", "big-idea", "-f", "json"
    )

    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["stage"] == "big-idea"
    assert "answers in" in result.stderr and "are to stages not reached (after big-idea)" in (
        result.stderr
    )


def test_a_checklist_that_is_not_staged_has_no_stage(cli: Cli, tiny: Path) -> None:
    result = cli("run", str(tiny), "--stage", "first")

    assert result.exit_code == 2
    assert "--stage first: tiny is not staged: its sections are not stages to reach" in (
        result.stderr
    )


def test_show_and_the_worksheets_say_which_stage_each_section_is(cli: Cli) -> None:
    text = cli("show", "collaborative-model").stdout
    worksheet = cli("show", "collaborative-model", "--format", "md").stdout
    page = cli("show", "collaborative-model", "--format", "html").stdout
    data = json.loads(cli("show", "collaborative-model", "--format", "json").stdout)

    assert "3. Building the Team\n--------------------\nStage 3 of 7.\n" in text
    throughout = "Runs throughout, from the start, whichever stage the work has reached."
    assert f"## 7. Keep the Conversation Going\n\n*{throughout}*" in worksheet
    assert "| Organisation | Respondent | Role | Date | Stage reached |" in worksheet
    assert "<th>Stage reached</th>" in page and throughout in page
    assert data["staged"] is True
    assert [s["id"] for s in data["sections"] if s["throughout"]] == ["keep-the-conversation-going"]


def test_a_report_without_a_stage_says_every_stage_was_asked(
    cli: Cli, write_file: WriteFile
) -> None:
    run(cli, write_file, "all", MIDWAY.replace("stage: gather-ideas\n", ""))

    md = cli("report", "all.json").stdout

    assert (
        "**Stage reached: not given, so every stage was asked. Keep the Conversation Going runs "
        "throughout.**"
    ) in md
    assert "not reached" not in md


def test_the_csv_rows_say_not_reached(cli: Cli, write_file: WriteFile) -> None:
    import csv
    import io

    run(cli, write_file, "midway", MIDWAY)

    rows = list(csv.DictReader(io.StringIO(cli("report", "midway.json", "-f", "csv").stdout)))

    status = {row["question_id"]: row["status"] for row in rows}
    assert status["checking-the-impact.share-the-difference"] == "not_reached"
    assert status["gather-ideas.who-to-talk-to"] == "answered"
