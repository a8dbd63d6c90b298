"""combine through the real CLI: the files it reads, the reports it writes, what it refuses."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from collabcheck.options import GroupBy
from collabcheck.render import json as json_render
from tests import teamdata, workshopdata
from tests.conftest import Cli, WriteFile
from tests.schemas import assert_valid
from tests.test_team import NAMES


@pytest.mark.parametrize("fmt", ["md", "json", "html", "csv"])
def test_no_report_format_names_a_respondent_without_named(
    cli: Cli, tmp_path: Path, fmt: str
) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--by", "role", "--format", fmt)

    assert result.exit_code == 0, result.stderr
    for name in NAMES:  # the files are named after them too: no format lists the files
        assert name not in result.stdout


def test_named_report_lists_members(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--named")

    assert "## Respondents" in result.stdout
    assert "| 1 | Ann | board | North | 75.0% green |" in result.stdout


def test_small_groups_say_why_they_show_no_answers(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--by", "role")

    out = result.stdout
    assert "| Section | Team score | Rating | Lowest | Highest | board (3) | exec (2) |" in out
    # Two executives: their section scores would be one person's give or take the other's.
    assert "| 1. People | 42.5% | red | 25.0% | 75.0% | 50.0% amber | not shown |" in out
    assert "### exec (2 members)\n\nToo small to show without identifying people" in out


def test_groups_that_subtraction_would_reveal_are_warned_of(cli: Cli, tmp_path: Path) -> None:
    paths = list(map(str, teamdata.write_results(tmp_path)))

    by_role = cli("combine", *paths, "--by", "role")  # board 3, exec 2: team less board = exec
    three = cli("combine", *paths, "--by", "role", "--min-group", "2")  # nothing withheld

    assert by_role.exit_code == 0
    read = f"Read {len(paths)} results and 0 answers files.\n"
    assert (
        by_role.stderr
        == (
            "collabcheck: warning: the groups not shown (exec (2)) hold fewer than 3 members "
            "between them: the whole team's figures less the shown groups' give their answers; "
            "merge them into a larger group with --group-map before sharing the report\n"
        )
        + read
    )
    assert three.stderr == read


def test_markdown_puts_what_a_workshop_discusses_first(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    out = cli("combine", *map(str, paths)).stdout

    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings[:4] == [
        "## Where the team disagrees",
        "## What the team does not know",
        "## Where the team agrees it is weakest",
        "## Team score: 47.7% (red)",
    ]
    assert (
        "- **2.1** Is there a budget? \u2014 4 answered: Yes 2 \u00b7 No 1 \u00b7 Don't know 1; "
        "mean 0.50, SD 0.50"
    ) in out
    assert "| 1.3 | Are carers involved? | 5 | 0 | 1 | 4 | 0 | 0 | 0 | 0.10 | 0.20 | 0.50 |  |" in (
        out
    )
    assert "| 2. Money \\<& more\\> | 55.0% | amber | 0.0% | 100.0% |" in out


def test_team_json_fits_its_schema_and_holds_the_numbers(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--format", "json", "--by", "organisation")

    data = json.loads(result.stdout)
    assert_valid("team", data)
    assert data["schema"] == "collabcheck/team/v1"
    assert (data["respondents"], data["named"], data["members"]) == (5, False, [])
    lead = data["questions"][0]
    assert lead["counts"] == {"yes": 3, "partly": 1, "no": 1, "dont-know": 0, "n/a": 0}
    assert (lead["mean"], lead["sd"], lead["range"], lead["disagreement"]) == (
        pytest.approx(0.7),
        pytest.approx(0.4),
        1.0,
        True,
    )
    assert data["scores"]["overall"] == {
        "score": 47.7,
        "rating": "red",
        "lowest": 30.0,
        "highest": 75.0,
        "respondents": 5,
    }
    assert data["disagreements"] == ["money.budget", "people.lead", "people.time"]
    assert data["weakest"] == ["people.carers"]
    assert [(g["name"], g["size"], g["shown"]) for g in data["groups"]] == [
        ("North", 3, True),
        ("South", 2, False),
    ]
    assert data["groups"][1]["questions"] is None


def test_a_result_of_another_checklist_exits_1_naming_the_file(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)
    other = tmp_path / "other.json"
    other.write_text(json_render.result(teamdata.member("Ann", checklist_id="else")), "utf-8")

    result = cli("combine", *map(str, paths), str(other))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {other}: a result of checklist 'else', not 'team-fixture' as in "
        f"{paths[0]}: combine takes results of one checklist\n"
    )
    assert result.stdout == ""


def test_another_version_is_a_warning(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)
    newer = tmp_path / "newer.json"
    ann = teamdata.member("Ann", version="2")
    later = dataclasses.replace(ann.meta, completed_at="2026-12-01T10:00:00+00:00")
    newer.write_text(json_render.result(dataclasses.replace(ann, meta=later)), "utf-8")

    result = cli("combine", *map(str, paths), str(newer), "--format", "json")

    assert result.exit_code == 0
    assert result.stderr == (
        f"collabcheck: warning: {newer}: team-fixture version 2, but {paths[0]} is version 1; "
        "questions are matched by id\n"
        f"Read {len(paths) + 1} results and 0 answers files.\n"
    )
    assert json.loads(result.stdout)["checklist"]["versions"] == ["1", "2"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, ": no such file"),
        ("{not json", ":1: not valid JSON: Expecting property name enclosed in double quotes"),
        ('{"schema": "collabcheck/team/v1"}', ": schema: a team result (from combine)"),
        ("[1, 2]", ": result: must be an object"),
        ('{"a": NaN}', ": not valid JSON: NaN is not a number JSON allows"),
    ],
)
def test_an_unreadable_or_non_result_file_exits_1_naming_it(
    cli: Cli, tmp_path: Path, content: str | None, message: str
) -> None:
    paths = teamdata.write_results(tmp_path)
    bad = tmp_path / "bad.json"
    if content is not None:
        bad.write_text(content, encoding="utf-8")

    result = cli("combine", *map(str, paths), str(bad))

    assert result.exit_code == 1
    assert result.stderr.startswith(f"collabcheck: {bad}{message}"), result.stderr
    assert result.stdout == ""


def test_usage_errors(cli: Cli, tmp_path: Path) -> None:
    paths = list(map(str, teamdata.write_results(tmp_path)))

    by_team = cli("combine", *paths, "--by", "team")
    assert by_team.exit_code == 2
    assert "'team' is not one of 'role', 'organisation'" in by_team.stderr
    assert "--by <role|organisation>" in cli("combine", "--help").stdout
    assert cli("combine", *paths, "--min-group", "0").exit_code == 2
    assert cli("combine", *paths, "--format", "pdf").exit_code == 2
    no_by = cli("combine", *paths, "--group-map", "map.yaml")
    assert (no_by.exit_code, no_by.stderr) == (
        2,
        "collabcheck: --group-map needs --by role or --by organisation\n",
    )


def test_csv_of_a_team_has_a_row_per_member_and_question(cli: Cli, tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    result = cli("combine", *map(str, paths), "--format", "csv", "--by", "role")

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 5 * 7
    assert [r["respondent"] for r in rows[::7]] == ["1", "2", "3", "4", "5"]
    assert rows[0] | {} == {
        "checklist": "team-fixture",
        "respondent": "1",
        "role": "board",
        "organisation": "",
        "section": "people",
        "question_id": "people.lead",
        "label": "Lead",
        "answer": "yes",
        "value": "1",
        "note": "",
        "status": "answered",
        "answer_label": "Yes",
    }


def test_combine_refuses_results_on_different_scales(
    cli: Cli, tiny: Path, write_file: WriteFile
) -> None:
    answers = write_file("answers.yaml", "answers:\n  first.one: yes\n")
    ours = json.loads(cli("run", str(tiny), "--answers", str(answers), "-f", "json").stdout)
    first = write_file("a.json", json.dumps(ours))
    ours["checklist"]["scale"] = "custom"
    second = write_file("b.json", json.dumps(ours))

    result = cli("combine", str(first), str(second))

    assert result.exit_code == 1
    assert result.stderr == (
        f"collabcheck: {second}: answered on the custom scale, but {first} on yes-partly-no: "
        "their answers cannot be counted together\n"
    )


# --- a board's workshop report, read back in every format (tests/workshopdata.py) -------------

LISTS = (
    "Where the team disagrees",
    "Where groups differ",
    "What the team does not know",
    "Where the team agrees it is weakest",
)
SPELLINGS = ("NED", "executive  director", "EXECUTIVE-DIRECTOR.")
"""Members' own spellings of their group, which would pick them out (NED is mapped)."""
PRIVATE = (*SPELLINGS, "North Valley ICB", *workshopdata.ROWS)
"""What no anonymous report may hold: names, own spellings, the other attribute."""


@pytest.fixture
def board_args(tmp_path: Path) -> list[str]:
    """The board's files, given in a shuffled order, grouped by role with the map."""
    group_map = tmp_path / "roles.yaml"
    group_map.write_text(workshopdata.GROUP_MAP, "utf-8")
    paths = workshopdata.write(
        tmp_path, ["Edmundo", "Adaora", "Florentyna", "Cyrille", "Dimitra", "Benedikt"]
    )
    return [*map(str, paths), "--by", "role", "--group-map", str(group_map)]


def markdown_sections(text: str) -> dict[str, list[str]]:
    """Each ``## `` heading and the lines under it up to the next."""
    sections: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("## "):
            current = sections.setdefault(line[3:], [])
        elif line.strip():
            current.append(line)
    return sections


def bullets(lines: list[str]) -> list[str]:
    return [line[2:] for line in lines if line.startswith("- ")]


def table_rows(lines: list[str]) -> list[list[str]]:
    return [
        [cell.strip() for cell in line.strip("|").split("|")] for line in lines if line[:1] == "|"
    ]


def test_markdown_lists_come_first_in_order_with_known_content(
    cli: Cli, board_args: list[str]
) -> None:
    out = cli("combine", *board_args, "--format", "md", "--min-group", "2").stdout
    sections = markdown_sections(out)

    assert list(sections)[:5] == [*LISTS, "Team score: 41.7% (red)"]
    disagrees = bullets(sections["Where the team disagrees"])
    assert [line.split("**")[1] for line in disagrees] == ["1.1", "2.2"]
    assert disagrees[0] == (
        "**1.1** Shared risk: Do partners manage shared risks together? \u2014 6 answered: "
        "Yes 3 \u00b7 Partly 1 \u00b7 No 2; mean 0.58, SD 0.45"
    )
    assert bullets(sections["Where groups differ"]) == [
        "**1.1** Shared risk: Do partners manage shared risks together? \u2014 Executive "
        "director 1.00 (3 answered) vs Non-executive director 0.00 (2 answered): 1.00 apart",
        "**Section 1. Risk** \u2014 Executive director 66.7% (3 scored) vs Non-executive "
        "director 16.7% (2 scored): 50.0 points apart",
        "**1.2** Is there a risk register? \u2014 Executive director 1.00 (3 answered) vs "
        "Non-executive director 0.50 (2 answered): 0.50 apart",
    ]
    assert [line.split("**")[1] for line in bullets(sections["What the team does not know"])] == [
        "2.1",
        "1.2",
    ]
    assert "Don't know 4 of 6 answered" in sections["What the team does not know"][1]
    weakest = bullets(sections["Where the team agrees it is weakest"])
    assert [line.split("**")[1] for line in weakest] == ["1.4", "2.3"]


def test_every_format_keeps_small_groups_and_spellings_private(
    cli: Cli, board_args: list[str]
) -> None:
    for fmt in ("md", "html", "json", "text", "actions"):
        out = cli("combine", *board_args, "--format", fmt).stdout
        for private in PRIVATE:
            assert private not in out, (fmt, private)
    table = markdown_sections(cli("combine", *board_args).stdout)["Team score: 41.7% (red)"]
    rows = table_rows(table)
    assert rows[0][-3:] == ["Chair (1)", "Executive director (3)", "Non-executive director (2)"]
    for row in rows[2:]:
        assert row[-3] == row[-1] == "not shown", row


def test_csv_rows_carry_no_small_group_nor_other_attribute(cli: Cli, board_args: list[str]) -> None:
    out = cli("combine", *board_args, "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))

    assert len(rows) == 6 * 7
    assert {r["organisation"] for r in rows} == {""}
    assert {r["role"] for r in rows} == {"Executive director", "(group under 3)"}
    # The members, numbered in the order given: Edmundo, Adaora, Florentyna, Cyrille, Dimitra,
    # Benedikt.
    roles = {r["respondent"]: r["role"] for r in rows}
    assert [roles[str(n)] for n in range(1, 7)] == [
        "(group under 3)",
        "Executive director",
        "(group under 3)",
        "Executive director",
        "(group under 3)",
        "Executive director",
    ]
    for private in (*PRIVATE, "Chair", "Non-executive director"):
        assert private not in out, private


def test_csv_without_by_has_no_role_or_organisation_unless_named(cli: Cli, tmp_path: Path) -> None:
    paths = list(map(str, workshopdata.write(tmp_path)))

    plain = list(csv.DictReader(io.StringIO(cli("combine", *paths, "-f", "csv").stdout)))
    named = list(csv.DictReader(io.StringIO(cli("combine", *paths, "-f", "csv", "--named").stdout)))

    assert {(r["role"], r["organisation"]) for r in plain} == {("", "")}
    assert named[0]["role"] == "Executive director"
    assert named[0]["organisation"] == "North Valley ICB"


def test_json_holds_every_list_whole_and_fits_the_schema(cli: Cli, board_args: list[str]) -> None:
    data = json.loads(cli("combine", *board_args, "-f", "json", "--min-group", "2").stdout)

    assert_valid("team", data)
    assert data["disagreements"] == ["risk.split", "money.wide"]
    assert data["unknown"] == ["money.mostly_dk", "risk.lone_dk"]
    assert data["weakest"] == ["risk.weak", "money.middling"]
    assert [(d["kind"], d["id"], d["difference"]) for d in data["differences"]] == [
        ("question", "risk.split", 1.0),
        ("section", "risk", 50.0),
        ("question", "risk.lone_dk", 0.5),
    ]
    assert data["differences"][1]["highest"] == {
        "group": "Executive director",
        "value": 66.7,
        "answered": 3,
    }
    chair, executives, _ = data["groups"]
    assert (chair["name"], chair["scores"], chair["questions"]) == ("Chair", None, None)
    assert executives["questions"][0]["notes"] == [
        "a Board paper is due",
        "We review risks monthly",
    ]
    assert data["questions"][0]["notes"] == list(workshopdata.NOTES)
    assert data["notes"] is True


def test_json_of_many_disagreements_holds_all_while_the_reports_show_ten(
    cli: Cli, tmp_path: Path
) -> None:
    """Twelve questions split Yes / No: JSON lists all twelve, the others ten and '2 more'."""
    questions = "\n".join(f"      - {{id: q{n:02}, text: Question {n}?}}" for n in range(12))
    checklist = tmp_path / "twelve.yaml"
    checklist.write_text(
        "id: twelve\ntitle: Twelve\nversion: '1'\nsource: {publisher: P, title: T}\n"
        "description: D.\nscale: yes-partly-no\nsections:\n  - id: s\n    title: S\n"
        f"    questions:\n{questions}\n",
        "utf-8",
    )
    paths = []
    for key in ("yes", "no"):
        answers = tmp_path / f"{key}.yaml"
        answers.write_text(
            f"respondent: '{key}'\nanswers:\n"
            + "".join(f"  s.q{n:02}: '{key}'\n" for n in range(12)),
            "utf-8",
        )
        path = tmp_path / f"{key}.json"
        done = cli("run", str(checklist), "--answers", str(answers), "-f", "json", "-o", str(path))
        assert done.exit_code == 0, done.stderr
        paths.append(str(path))

    data = json.loads(cli("combine", *paths, "-f", "json").stdout)
    assert len(data["disagreements"]) == 12
    md = markdown_sections(cli("combine", *paths).stdout)["Where the team disagrees"]
    assert len(bullets(md)) == 10
    assert md[-1] == "*And 2 more (every one is in the JSON report and in the answers below).*"
    page = cli("combine", *paths, "-f", "html").stdout
    disagree = page.split("<h2>Where the team disagrees</h2>")[1].split("<h2>")[0]
    assert disagree.count("<li>") == 10
    assert "And 2 more" in disagree
    text = cli("combine", *paths, "-f", "text").stdout
    assert "And 2 more" in text


class HtmlSections(HTMLParser):
    """The text of each list item and table row under each h2 (and h3 of the workshop sheet)."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, list[str]] = {}
        self.heading: list[str] | None = None
        self.item: list[str] | None = None
        self.current: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h2", "h3"):
            self.heading = []
        elif tag in ("li", "tr"):
            self.item = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h2", "h3") and self.heading is not None:
            self.current = self.sections.setdefault(" ".join("".join(self.heading).split()), [])
            self.heading = None
        elif tag in ("li", "tr") and self.item is not None:
            self.current.append(" ".join(" ".join(self.item).split()))
            self.item = None

    def handle_data(self, data: str) -> None:
        for target in (self.heading, self.item):
            if target is not None:
                target.append(data)


def test_html_lists_first_notes_once_and_a_workshop_sheet_at_the_end(
    cli: Cli, board_args: list[str]
) -> None:
    out = cli("combine", *board_args, "-f", "html").stdout
    page = HtmlSections(out)
    headings = [h for h in page.sections if not h[0].isdigit()]

    assert headings[:4] == list(LISTS)
    assert headings[-3:] == ["Workshop sheet: Board fixture", "Disagreements", "Priority gaps"]
    disagreements = page.sections["Disagreements"]
    assert disagreements[0] == "# Question What we agreed Owner By when"
    assert [row.split()[0] for row in disagreements[1:]] == ["1.1", "2.2"]
    assert [row.split()[0] for row in page.sections["Priority gaps"][1:]] == ["1.4", "2.3"]
    # Only the executives are 3 or more: nobody to compare them with.
    assert page.sections["Where groups differ"] == []
    assert "None: fewer than two groups have 3 or more members to compare." in out
    notes = [
        item for items in page.sections.values() for item in items if "Sees it differently" in item
    ]
    assert notes == ["Sees it differently"]  # in the whole team's notes only
    for private in PRIVATE:
        assert all(private not in item for items in page.sections.values() for item in items)


def test_actions_csv_is_the_workshop_sheet(cli: Cli, board_args: list[str]) -> None:
    out = cli("combine", *board_args, "-f", "actions").stdout
    rows = list(csv.DictReader(io.StringIO(out)))

    assert [(r["list"], r["question_id"], r["answered"]) for r in rows] == [
        ("disagreement", "risk.split", "6"),
        ("disagreement", "money.wide", "6"),
        ("priority gap", "risk.weak", "6"),
        ("priority gap", "money.middling", "6"),
    ]
    assert {(r["what_we_agreed"], r["owner"], r["by_when"]) for r in rows} == {("", "", "")}
    assert rows[0]["checklist"] == "board-fixture"


def test_no_notes_leaves_notes_out_of_every_format(cli: Cli, board_args: list[str]) -> None:
    for fmt in ("md", "html", "json", "csv", "text"):
        out = cli("combine", *board_args, "-f", fmt, "--no-notes", "--min-group", "1").stdout
        for note in workshopdata.NOTES:
            assert note not in out, (fmt, note)
    with_notes = cli("combine", *board_args, "-f", "md").stdout
    assert with_notes.count("Sees it differently") == 1


@pytest.mark.parametrize("width", [60, 100])
def test_text_fits_the_width_lists_first_then_the_section_table(width: int) -> None:
    from collabcheck.render import TeamFormat, render_team
    from collabcheck.team import TeamOptions, combine

    results = workshopdata.board()
    options = TeamOptions(by=GroupBy.ROLE, group_map=(("NED", "Non-executive director"),))
    team = combine(results, [f"{n}.json" for n in workshopdata.ROWS], options).team

    out = render_team(team, TeamFormat.TEXT, width)

    assert "\x1b" not in out  # no colour unless asked
    lines = out.splitlines()
    assert width - 15 < max(map(len, lines)) <= width
    places = [out.index(title) for title in (*LISTS, "Team score: 41.7% (red)", "Notes")]
    assert places == sorted(places)
    assert "Chair (1)" in out and "not shown" in out
    coloured = render_team(team, TeamFormat.TEXT, width, colour=True)
    assert "\x1b[" in coloured


def test_text_is_the_default_on_a_terminal_and_fitted_to_it(tmp_path: Path) -> None:
    from tests.test_terminal import Terminal

    paths = " ".join(map(str, workshopdata.write(tmp_path)))
    for width in (60, 100):
        terminal = Terminal(
            f"COLUMNS={width} NO_COLOR=1 {sys.executable} -m collabcheck combine {paths}",
            tmp_path,
        )
        assert terminal.wait() == 0
        screen = terminal.seen.decode().replace("\r\n", "\n")
        screen, read = screen.rstrip("\n").rsplit("\n", 1)  # what combine read, said last
        assert read == "Read 6 results and 0 answers files."
        assert screen.startswith("Board fixture: team report\n"), screen[:200]
        assert "\x1b" not in screen
        lines = screen.splitlines()
        assert max(map(len, lines)) <= width
        assert max(map(len, lines)) > width - 15  # fitted to the width, not to 80
        assert "| Section |" not in screen  # not Markdown


def test_the_same_result_twice_is_refused_naming_both_files(cli: Cli, tmp_path: Path) -> None:
    first, second = map(str, workshopdata.write(tmp_path, ["Adaora", "Benedikt"]))
    copy = tmp_path / "copy-of-ada.json"
    copy.write_bytes(Path(first).read_bytes())

    twice = cli("combine", first, second, first)
    copied = cli("combine", first, second, str(copy))

    assert (twice.exit_code, twice.stdout) == (1, "")
    assert twice.stderr == (
        f"collabcheck: {first}: the same result as {first} (the same respondent and completion "
        "time): combine counts each member once; give each result once\n"
    )
    assert copied.exit_code == 1
    assert f"collabcheck: {copy}: the same result as {first}" in copied.stderr


def test_a_bad_group_map_is_one_line_naming_the_file_and_line(
    cli: Cli, tmp_path: Path, write_file: WriteFile
) -> None:
    paths = list(map(str, workshopdata.write(tmp_path)))
    cases = {
        "- NED\n": ":1: must be a mapping of spellings to groups",
        "NED: Non-executive director\nExec: [a, b]\n": ":2: Exec: must map to a group name",
        "NED: Non-executive director\nExec: [\n": ":3: not valid YAML",
        "NED: Non-executive director\nno: Exec\n": ":2: put the spelling false in quotes",
        "Exec: '--'\n": ":1: Exec: must map to a group name (text with a letter)",
    }
    for text, message in cases.items():
        bad = write_file("map.yaml", text)
        done = cli("combine", *paths, "--by", "role", "--group-map", str(bad))
        assert done.exit_code == 1, text
        assert done.stderr.startswith(f"collabcheck: {bad}{message}"), done.stderr
        assert done.stderr.count("\n") == 1
    missing = cli("combine", *paths, "--by", "role", "--group-map", str(tmp_path / "none.yaml"))
    assert missing.stderr == f"collabcheck: {tmp_path / 'none.yaml'}: no such file\n"


def test_a_custom_scale_keeps_every_option_across_files(
    cli: Cli, tmp_path: Path, write_file: WriteFile
) -> None:
    from tests.test_team import CUSTOM

    checklist = write_file("custom.yaml", CUSTOM)
    paths = []
    for key in ("never", "always"):
        answers = write_file(f"{key}.yaml", f"respondent: {key}\nanswers:\n  s.q: {key}\n")
        path = tmp_path / f"{key}.json"
        cli("run", str(checklist), "--answers", str(answers), "-f", "json", "-o", str(path))
        paths.append(str(path))

    data = json.loads(cli("combine", *paths, "-f", "json").stdout)

    assert [o["key"] for o in data["scale"]] == ["always", "often", "rarely", "never"]
    assert list(data["questions"][0]["counts"].items()) == [
        ("always", 1), ("often", 0), ("rarely", 0), ("never", 1)
    ]  # fmt: skip
    md = cli("combine", *paths).stdout
    assert "| # | Question | Answered | Always | Often | Rarely | Never | Skipped |" in md


def test_text_shows_control_sequences_and_direction_overrides_harmlessly() -> None:
    from collabcheck.render import TeamFormat, render_team
    from collabcheck.team import TeamOptions, combine

    results = workshopdata.board()
    first = results[0]
    hostile = "\x1b]0;owned\x07\x1b[2J \u202eevil"
    outcomes = (dataclasses.replace(first.outcomes[0], note=hostile), *first.outcomes[1:])
    meta = dataclasses.replace(first.meta, role="\x1b[31mExec")
    results[0] = dataclasses.replace(first, outcomes=outcomes, meta=meta)
    team = combine(results, list(workshopdata.ROWS), TeamOptions(by=GroupBy.ROLE)).team

    for colour in (False, True):
        out = render_team(team, TeamFormat.TEXT, 100, colour)
        assert "\x1b]" not in out and "\x1b[2J" not in out and "\x1b[31mExec" not in out
        assert "\u202e" not in out and "\x07" not in out
        assert "evil" in out


def test_results_written_before_the_scale_was_recorded_still_combine(
    cli: Cli, tmp_path: Path, write_file: WriteFile
) -> None:
    from tests.test_team import CUSTOM

    checklist = write_file("custom.yaml", CUSTOM)
    paths = []
    for key in ("never", "often"):
        answers = write_file(f"{key}.yaml", f"respondent: {key}\nanswers:\n  s.q: {key}\n")
        data = json.loads(
            cli("run", str(checklist), "--answers", str(answers), "-f", "json").stdout
        )
        assert_valid("result", data)
        del data["checklist"]["scale_options"]  # as results of earlier versions were
        path = tmp_path / f"{key}.json"
        path.write_text(json.dumps(data), "utf-8")
        paths.append(str(path))

    team = json.loads(cli("combine", *paths, "-f", "json").stdout)

    # Only the options given can be known: best first.
    assert [o["key"] for o in team["scale"]] == ["often", "never"]
