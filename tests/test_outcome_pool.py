"""combine's fast reading: results read together equal results read alone, answers given alike
are one object, and orjson's reading never differs from the json module's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from collabcheck.outcome_pool import read_results
from collabcheck.result import score_outcomes
from collabcheck.result_reader import read_result
from tests import teamdata


def test_results_read_together_equal_results_read_alone(tmp_path: Path) -> None:
    paths = teamdata.write_results(tmp_path)

    together = read_results(paths)
    alone = [read_result(p) for p in paths]

    assert together == alone
    assert [r.scores for r in together] == [score_outcomes(r.checklist, r.outcomes) for r in alone]
    # Answers given alike are one object: Ann's and Bob's "lead: yes".
    assert together[0].outcomes[0] is together[1].outcomes[0]


@pytest.mark.parametrize(
    ("field", "raw", "read"),
    [
        # orjson makes a float of a whole number past 64 bits; json keeps it whole.
        ("year", "123456789012345678901234567890", 123456789012345678901234567890),
        # orjson refuses a lone surrogate; json reads it.
        ("note", '"\\ud800 half a pair"', "\ud800 half a pair"),
    ],
)
def test_json_orjson_reads_otherwise_is_read_as_the_json_module_reads_it(
    tmp_path: Path, field: str, raw: str, read: object
) -> None:
    path = teamdata.write_results(tmp_path)[0]
    data = teamdata.load(path)
    if field == "year":
        data["checklist"]["source"]["year"] = "YEAR"  # type: ignore[index]
    else:
        data["answers"][0]["note"] = "YEAR"  # type: ignore[index]
    path.write_text(json.dumps(data).replace('"YEAR"', raw), encoding="utf-8")

    [together] = read_results([path])

    got = together.checklist.source.year if field == "year" else together.outcomes[0].note
    assert got == read
    assert together == read_result(path)
