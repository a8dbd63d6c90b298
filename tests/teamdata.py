"""A small checklist and five members' answers to it, for the team, compare and render tests.

Every number the tests expect is worked out by hand from the table below (see test_team.py).

| member | role  | org   | lead   | time   | carers | budget    | audit  | source          | more |
|--------|-------|-------|--------|--------|--------|-----------|--------|-----------------|------|
| Ann    | board | North | yes    | yes    | no     | yes       | partly | patients, staff | "x"  |
| Bob    | board | North | yes    | partly | no     | no        | partly | staff           |      |
| Cat    | exec  | South | no     | partly | partly | dont-know | n/a    | patients        |      |
| Dan    | board | South | yes    | no     | no     | yes       | partly |                 |      |
| Eve    | exec  | North | partly | n/a    | no     | (skipped) | yes    |                 |      |

``time`` weighs 2. Blank cells are skipped.
"""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

from collabcheck.loader import parse_checklist
from collabcheck.model import Answer, Checklist
from collabcheck.render import json as json_render
from collabcheck.result import Meta, Result, build
from collabcheck.yamlfile import parse_text

CHECKLIST = textwrap.dedent(
    """\
    id: team-fixture
    title: Team fixture
    version: "1"
    source: {publisher: Test Publisher, title: A test source, year: 2024}
    description: For the team tests.
    scale: yes-partly-no
    sections:
      - id: people
        title: People
        questions:
          - {id: lead, label: Lead, text: Is there a named lead?}
          - {id: time, text: Is there time for it?, weight: 2}
          - {id: carers, text: Are carers involved?}
      - id: money
        title: Money <& more>
        questions:
          - {id: budget, text: Is there a budget?}
          - {id: audit, text: Is it audited?}
      - id: idea
        title: The idea
        questions:
          - id: source
            text: Where does the idea come from?
            kind: choice
            multiple: true
            choices: [Patients, Staff, Board]
          - {id: more, text: Anything else?, kind: text}
    """
)

ANSWERS: dict[str, dict[str, Answer]] = {
    "Ann": {
        "people.lead": Answer("yes"),
        "people.time": Answer("yes"),
        "people.carers": Answer("no", '=HYPERLINK("http://x") <b>not yet</b>'),
        "money.budget": Answer("yes"),
        "money.audit": Answer("partly"),
        "idea.source": Answer(("patients", "staff")),
        "idea.more": Answer("x"),
    },
    "Bob": {
        "people.lead": Answer("yes"),
        "people.time": Answer("partly"),
        "people.carers": Answer("no"),
        "money.budget": Answer("no"),
        "money.audit": Answer("partly"),
        "idea.source": Answer(("staff",)),
    },
    "Cat": {
        "people.lead": Answer("no"),
        "people.time": Answer("partly"),
        "people.carers": Answer("partly"),
        "money.budget": Answer("dont-know"),
        "money.audit": Answer("n/a"),
        "idea.source": Answer(("patients",)),
    },
    "Dan": {
        "people.lead": Answer("yes"),
        "people.time": Answer("no"),
        "people.carers": Answer("no"),
        "money.budget": Answer("yes"),
        "money.audit": Answer("partly"),
    },
    "Eve": {
        "people.lead": Answer("partly"),
        "people.time": Answer("n/a"),
        "people.carers": Answer("no"),
        "money.audit": Answer("yes"),
    },
}

PEOPLE = {
    "Ann": ("board", "North"),
    "Bob": ("board", "North"),
    "Cat": ("exec", "South"),
    "Dan": ("board", "South"),
    "Eve": ("exec", "North"),
}


def checklist(version: str = "1", checklist_id: str = "team-fixture") -> Checklist:
    text = CHECKLIST.replace('version: "1"', f'version: "{version}"').replace(
        "id: team-fixture", f"id: {checklist_id}"
    )
    return parse_checklist(parse_text(text, "team-fixture.yaml"), "team-fixture.yaml")


def member(name: str, version: str = "1", checklist_id: str = "team-fixture") -> Result:
    role, organisation = PEOPLE[name]
    meta = Meta(
        organisation=organisation,
        respondent=name,
        role=role,
        started_at="2026-11-29T09:00:00+00:00",
        completed_at="2026-11-29T09:30:00+00:00",
        tool_version="0.1.0",
    )
    return build(checklist(version, checklist_id), ANSWERS[name], meta)


def team() -> list[Result]:
    return [member(name) for name in PEOPLE]


def ann_later() -> Result:
    """Ann, six months on: carers No -> Partly, budget Yes -> No, audit Partly -> Yes, and the
    text question left out.

    People (lead 1, time 1 x 2, carers .5): 3.5/4 = 87.5, was 75. Money (budget 0, audit 1):
    50, was 75 (green to amber). Overall 4.5/6 = 75, was 75.
    """
    before = member("Ann")
    answers = dict(ANSWERS["Ann"])
    answers.update(
        {
            "people.carers": Answer("partly"),
            "money.budget": Answer("no"),
            "money.audit": Answer("yes"),
        }
    )
    del answers["idea.more"]
    return build(checklist(), answers, before.meta)


def write_results(folder: Path, results: list[Result] | None = None) -> list[Path]:
    """Each result as ``NAME.json`` (run's JSON) in ``folder``; the paths, in team order."""
    paths = []
    for result in results if results is not None else team():
        path = folder / f"{result.meta.respondent}.json"
        path.write_text(json_render.result(result), encoding="utf-8")
        paths.append(path)
    return paths


def load(path: Path) -> dict[str, object]:
    data: dict[str, object] = json.loads(path.read_text(encoding="utf-8"))
    return data
