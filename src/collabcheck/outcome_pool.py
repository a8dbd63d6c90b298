"""combine's speed work, in one place: reading thousands of results so that answers given alike
are one object, and counting and scoring them one distinct object at a time.

The invariant everything here relies on: results read together through one OutcomePool share a
single Outcome object for answers that are the same in every field (same question, answer,
value, note...). Outcome is frozen, so sharing is safe; and whatever is worked out for one
object (counted by OutcomeTally, scored by member_scores) holds for every member who gave it.
Results that were not read together are still counted and scored right, only more slowly.
"""

from __future__ import annotations

import gc
import operator
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, TypeVar

from collabcheck.model import QuestionKind, Scale, Status
from collabcheck.result import ChecklistInfo, Outcome, Result
from collabcheck.result_reader import Fields, parse_answer, parse_checklist, read_result
from collabcheck.scoring import Scorable

_FIELDS = (
    "id",
    "section",
    "status",
    "kind",
    "answer",
    "value",
    "weight",
    "dont_know",
    "text",
    "answer_label",
    "note",
    "label",
)
_all_fields = operator.itemgetter(*_FIELDS)


class OutcomePool:
    """Each distinct answer among results read together, checked once and kept as one Outcome
    (interned); and the checklist they describe, checked once while it stays the same.

    combine reads thousands of results of one checklist, whose answers repeat a few dozen
    questions times a handful of answers: checking and storing each of them again would cost
    more than parsing the JSON.
    """

    LIMIT = 100_000
    """Distinct answers kept at most; past it, answers are still read, just not pooled."""

    def __init__(self) -> None:
        self._seen: dict[tuple[Any, ...], Outcome] = {}
        self._checklist: tuple[tuple[Any, ...], ChecklistInfo] | None = None
        self._fields: Callable[[Any], tuple[Any, ...]] | None = None

    def checklist(self, f: Fields, top: dict[str, Any]) -> ChecklistInfo | None:
        """The checklist of the result ``top`` (problems go to ``f``)."""
        key = _checklist_key(top)
        last = self._checklist
        if key is not None and last is not None and last[0] == key:
            return last[1]
        problems = len(f.problems)
        info = parse_checklist(f, top)
        if key is not None and info is not None and len(f.problems) == problems:
            self._checklist = (key, info)
        return info

    def outcomes(self, f: Fields, items: list[Any], scale: Scale | None) -> list[Outcome]:
        """The outcomes of a result's ``answers``, checked (problems go to ``f``)."""
        seen = self._seen
        scale_id = scale.id if scale is not None else None  # a str hashes at once; a Scale not
        all_fields = self._fields or _fields_getter(items)
        if all_fields is not _all_fields:
            self._fields = all_fields
        try:
            # Once a few dozen results are in, every answer of most results is in the pool:
            # found in one pass, with no call per answer. (The key is as below.)
            return [
                seen[(raw := all_fields(item), type(raw[5]), type(raw[6]), type(raw[7]), scale_id)]
                for item in items
            ]
        except (KeyError, TypeError):
            pass  # an answer new to the pool, or not as it should be: one by one, below
        made: list[Outcome] = []
        key: tuple[Any, ...] | None
        for index, item in enumerate(items):
            try:
                raw = all_fields(item)
                # The key: every field, and the scale. 1, 1.0 and True are equal as keys, but
                # not all of them are valid here: the types of the fields where they can occur
                # (value, weight, dont_know) are part of the key.
                key = (raw, type(raw[5]), type(raw[6]), type(raw[7]), scale_id)
                found = seen.get(key)
            except (KeyError, TypeError):  # not an object, a field left out, a list of choices
                key = found = None
            if found is None:
                problems = len(f.problems)
                found = parse_answer(f, item, index, scale)
                if found is None:
                    continue
                if key is not None and len(f.problems) == problems and len(seen) < self.LIMIT:
                    seen[key] = found
            made.append(found)
        return made


def _fields_getter(items: list[Any]) -> Callable[[Any], tuple[Any, ...]]:
    """_all_fields, but asking for each field by the very key object of the first answer.

    The JSON decoder makes one string object per key name for all the files it reads (orjson
    keeps a cache of them): asked by that object, a dict finds the key by identity, without
    comparing text, which takes the fields of an answer in about half the time.
    """
    first = items[0] if items else None
    if not isinstance(first, dict):
        return _all_fields
    own = {key: key for key in first}
    return operator.itemgetter(*(own.get(name, name) for name in _FIELDS))


def _checklist_key(top: dict[str, Any]) -> tuple[Any, ...] | None:
    """What a result's ChecklistInfo is made from, to compare (==) with the last one read."""
    raw, scores = top.get("checklist"), top.get("scores")
    if not isinstance(raw, dict) or not isinstance(scores, dict):
        return None
    source, bands, sections = raw.get("source"), raw.get("bands", {}), scores.get("sections")
    if not (isinstance(source, dict) and isinstance(bands, dict) and isinstance(sections, list)):
        return None
    try:
        titles = list(map(_id_and_title, sections))
    except (KeyError, TypeError):  # checked, and reported, one by one
        return None
    # Numbers are compared by type too: 1 == 1.0 == True, but only some of them are valid.
    return (
        raw,
        type(source.get("year")),
        type(bands.get("green")),
        type(bands.get("amber")),
        titles,
    )


_id_and_title = operator.itemgetter("id", "title")


def read_results(paths: Sequence[Path | str]) -> list[Result]:
    """Read and check many result files through one OutcomePool (call within no_collection).

    Names may be given as text: making thousands of Path objects costs more than it saves."""
    pool = OutcomePool()
    return [read_result(path, pool) for path in paths]


@contextmanager
def no_collection() -> Iterator[None]:
    """Pause the cyclic garbage collector while combine reads and counts.

    Reading and counting make no reference cycles, and the collector would otherwise walk every
    result kept so far again and again as thousands pile up (and once more, at length, while
    the statistics are worked out).
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()


class OutcomeTally:
    """Distinct outcome objects and how many members gave each, for the whole team or a group:
    with pooled results, counting objects by identity counts answers at C speed."""

    def __init__(self, outcome_lists: Iterable[Sequence[Outcome]]) -> None:
        """Count the members' outcomes, one list per member."""
        outcomes = list(chain.from_iterable(outcome_lists))
        ids = list(map(id, outcomes))
        self.counts: Counter[int] = Counter(ids)
        self.objects: dict[int, Outcome] = dict(zip(ids, outcomes, strict=True))
        """Every object counted, by id: kept alive, so that no id is reused while counted."""

    def by_question(self) -> dict[str, list[tuple[Outcome, int]]]:
        """Each question's distinct outcomes and how many members gave each."""
        grouped: dict[str, list[tuple[Outcome, int]]] = {}
        for key, count in self.counts.items():
            outcome = self.objects[key]
            grouped.setdefault(outcome.id, []).append((outcome, count))
        return grouped


def member_scores(
    outcome_lists: Iterable[Sequence[Outcome]], section_ids: Sequence[str]
) -> list[tuple[float | None, list[float | None]]]:
    """The unrounded overall score and each listed section's of each member's outcomes: what
    result.score_outcomes gives them (None: no score), without the counts."""
    scale = QuestionKind.SCALE
    return score_values_many(section_ids, outcome_lists, lambda o: o.kind is scale)


S = TypeVar("S", bound=Scorable)


def score_values_many(
    section_ids: Sequence[str],
    lists: Iterable[Sequence[S]],
    scored: Callable[[S], bool] = lambda item: True,
) -> list[tuple[float | None, list[float | None]]]:
    """The unrounded overall score and each listed section's, of each list of answers, as
    scoring.score works them out; ``scored`` picks the items that count. Each distinct object's
    part is worked out once."""
    place = {sid: index for index, sid in enumerate(section_ids)}
    count = len(section_ids)
    answered = Status.ANSWERED
    # Per distinct item, by identity: its section's place (``count`` for none listed),
    # weight * value and weight; None when it does not count. ``seen`` keeps every item alive,
    # so that no id is reused for another object while ``parts`` holds it.
    parts: dict[int, tuple[int, float, float] | None] = {}
    seen: list[S] = []
    scores: list[tuple[float | None, list[float | None]]] = []
    missing = (-1, 0.0, 0.0)
    for items in lists:
        weighted = [0.0] * (count + 1)
        weights = [0.0] * (count + 1)
        all_weighted = all_weights = 0.0
        for item in items:
            part = parts.get(id(item), missing)
            if part is missing:
                seen.append(item)
                value = item.value
                part = parts[id(item)] = (
                    (place.get(item.section, count), item.weight * value, item.weight)
                    if item.status is answered and value is not None and scored(item)
                    else None
                )
            if part is not None:
                at, weighted_value, weight = part
                # Summed in the order given, as score() sums, so the floats come out the same.
                all_weighted += weighted_value
                all_weights += weight
                weighted[at] += weighted_value
                weights[at] += weight
        # As in score: a group whose answered questions all weigh 0 has nothing to score.
        scores.append(
            (
                100 * all_weighted / all_weights if all_weights > 0 else None,
                [100 * weighted[i] / weights[i] if weights[i] > 0 else None for i in range(count)],
            )
        )
    return scores
