"""A board of six, built so that each list of the team report has a known content and order.

| member     | role as typed          | split | lone_dk | all_na | weak | mostly_dk | wide | mid |
|------------|------------------------|---|---|---|---|---|---|---|
| Adaora     | Executive director     | Y | Y | NA | N | DK | Y | P |
| Benedikt   | executive  director    | Y | Y | NA | N | DK | Y | P |
| Cyrille    | EXECUTIVE-DIRECTOR.    | Y | Y | NA | N | DK | P | P |
| Dimitra    | NED                    | N | DK | NA | N | DK | N | P |
| Edmundo    | Non-executive director | N | Y | NA | N | N | Y | N |
| Florentyna | Chair                  | P | Y | NA | P | N | N | P |

Notes on split: Adaora "We review risks monthly", Benedikt "a Board paper is due", Florentyna
"Sees it differently".

Values: Y(es) 1, P(artly) .5, N(o) 0, DK (Don't know) 0, NA (n/a) left out; mid is middling.

- Disagreements (a value >= .75 and a known one <= .25; Don't know not low): split (1,1,1,0,0,.5:
  sd .4488) and wide (1,1,.5,0,1,0: the same sd), tied, so in checklist order: split, wide.
  lone_dk is not one: its only low answer is a Don't know.
- Does not know: mostly_dk (4), then lone_dk (1).
- Weakest (no disagreement, mean < .5, under half Don't know): weak (mean 1/12), then middling
  (2.5/6 = .4167). mostly_dk (mean 0) is left out: 4 of its 6 answers are Don't know.
  all_na has no answer at all: in no list.
- Roles: the three spellings of Executive director are one group of 3; NED and Non-executive
  director are one group of 2 only with the group map; Chair is a group of 1.
- Groups differ (min-group 2, with the map; Chair not shown): executive means split 1, lone_dk 1,
  weak 0, mostly_dk 0, wide .8333, middling .5; non-executive 0, .5, 0, 0, .5, .25.
  Questions: split 1.0, lone_dk .5, (wide .3333 and middling .25 are under .5).
  Sections: Risk (split, lone_dk, weak; all_na excluded): each executive 2/3 = 66.7,
  Dimitra 0, Edmundo 1/3: 16.7; 50 points apart. Money (mostly_dk, wide, middling): Adaora
  1.5/3 = 50, Benedikt 50, Cyrille 1/3 = 33.3 (mean 44.4); Dimitra 0.5/3 = 16.7, Edmundo
  1/3 = 33.3 (mean 25): 19.4 points, under 25.
- Team score: the mean of the members' overall scores, 58.3, 58.3, 50, 8.3, 33.3, 41.7: 41.7.
  Order: split (1.0), Risk (.50), lone_dk (.50): ties in checklist order, sections first.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from collabcheck.loader import parse_checklist
from collabcheck.model import Answer, Checklist
from collabcheck.render import json as json_render
from collabcheck.result import Meta, Result, build
from collabcheck.yamlfile import parse_text

CHECKLIST = textwrap.dedent(
    """\
    id: board-fixture
    title: Board fixture
    version: "1"
    source: {publisher: Test Publisher, title: A board source, year: 2025}
    description: For the workshop tests.
    scale: yes-partly-no
    sections:
      - id: risk
        title: Risk
        questions:
          - {id: split, label: Shared risk, text: Do partners manage shared risks together?}
          - {id: lone_dk, text: Is there a risk register?}
          - {id: all_na, text: Is the joint committee's risk appetite set?}
          - {id: weak, text: Are risks escalated across partners?}
      - id: money
        title: Money
        questions:
          - {id: mostly_dk, text: Is the pooled budget audited?}
          - {id: wide, text: Are budgets aligned?}
          - {id: middling, text: Is there a financial framework?}
    """
)

NOTE_ADAORA = "We review risks monthly"
NOTE_BENEDIKT = "a Board paper is due"
ROWS = {
    # name: (role as typed, answers in question order, note on split)
    "Adaora": (
        "Executive director",
        "yes yes n/a no dont-know yes partly",
        "We review risks monthly",
    ),
    "Benedikt": (
        "executive  director",
        "yes yes n/a no dont-know yes partly",
        "a Board paper is due",
    ),
    "Cyrille": ("EXECUTIVE-DIRECTOR.", "yes yes n/a no dont-know partly partly", None),
    "Dimitra": ("NED", "no dont-know n/a no dont-know no partly", None),
    "Edmundo": ("Non-executive director", "no yes n/a no no yes no", None),
    "Florentyna": ("Chair", "partly yes n/a partly no no partly", "Sees it differently"),
}
QUESTIONS = (
    "risk.split",
    "risk.lone_dk",
    "risk.all_na",
    "risk.weak",
    "money.mostly_dk",
    "money.wide",
    "money.middling",
)
GROUP_MAP = "NED: Non-executive director\n"
NOTES = ("a Board paper is due", "Sees it differently", "We review risks monthly")
"""The notes on split, as the whole team's list shows them: sorted by text."""


def checklist() -> Checklist:
    return parse_checklist(parse_text(CHECKLIST, "board-fixture.yaml"), "board-fixture.yaml")


def member(name: str) -> Result:
    role, keys, note = ROWS[name]
    answers = {
        qid: Answer(key, note if qid == "risk.split" else None)
        for qid, key in zip(QUESTIONS, keys.split(), strict=True)
    }
    minute = list(ROWS).index(name)
    meta = Meta(
        organisation="North Valley ICB",
        respondent=name,
        role=role,
        started_at="2026-11-29T09:00:00+00:00",
        completed_at=f"2026-11-29T09:3{minute}:00+00:00",
        tool_version="0.1.0",
    )
    return build(checklist(), answers, meta)


def board() -> list[Result]:
    return [member(name) for name in ROWS]


def write(folder: Path, order: list[str] | None = None) -> list[Path]:
    """Each member's result as ``NAME.json`` in ``folder``, in ``order``; the paths."""
    paths = []
    for name in order or list(ROWS):
        path = folder / f"{name}.json"
        path.write_text(json_render.result(member(name)), encoding="utf-8")
        paths.append(path)
    return paths
