"""The words and numbers every report format prints alike: one place to change a sentence.

Markdown, HTML (its templates receive this module as ``wording``, and the number helpers as
filters) and text use these; each format only adds its own markup and escaping. Everything
here returns plain text: a renderer escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collabcheck.compare import QuestionChange, Scorecard, ScoreChange
    from collabcheck.model import Bands, Checklist, Question
    from collabcheck.scoring import Tally
    from collabcheck.team import Group, Stats, TeamScore

DASH = "\u2013"
"""What a report shows for a value it does not have."""

# --- numbers -----------------------------------------------------------------------------------


def percent(score: float | None) -> str:
    """A score as shown: ``62.5%`` (none: a dash)."""
    # Imported here: show's text and worksheets print no score, and need not build scoring's
    # classes at start-up (test_startup.py).
    from collabcheck.scoring import round_half_up

    return DASH if score is None else f"{round_half_up(score):.1f}%"


def number(value: float | None, places: int = 2) -> str:
    """A mean, SD or range as shown: ``0.50`` (none: a dash)."""
    from collabcheck.scoring import round_half_up

    return DASH if value is None else f"{round_half_up(value, places):.{places}f}"


def points(change: float | None) -> str:
    """A change in score points, signed: ``+7.5``, ``-2.0``, ``0.0`` (none: a dash)."""
    if change is None:
        return DASH
    return f"{change:+.1f}" if change else "0.0"


def plural(count: int, noun: str) -> str:
    """``1 member``, ``3 members``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def date(timestamp: str | None) -> str:
    """The day of an ISO 8601 time: ``2026-11-29`` (none: a dash)."""
    return timestamp[:10] if timestamp else DASH


# --- ratings and scores ------------------------------------------------------------------------


def rating(word: str | None) -> str:
    """A rating word, or ``no score``."""
    return word or "no score"


def score_and_rating(score: TeamScore) -> str:
    """A group's score in a cell: ``62.5% amber``, or ``no score``."""
    if score.score is None:
        return "no score"
    return f"{percent(score.score)} {rating(score.rating)}"


def rating_move(change: ScoreChange) -> str:
    """``amber`` when it stayed, ``red → amber`` when it moved."""
    before, after = rating(change.rating_before), rating(change.rating_after)
    return after if not change.moved else f"{before} \u2192 {after}"


def counts(t: Tally) -> str:
    """How a result's questions were answered, e.g. ``3 answered · 1 not applicable · ...``."""
    return (
        f"{t.answered} answered \u00b7 {t.excluded} not applicable \u00b7 "
        f"{t.dont_know} don't know \u00b7 {t.skipped} skipped"
    )


# --- the worksheet -----------------------------------------------------------------------------


def condition(checklist: Checklist, question: Question) -> str | None:
    """A question's ``when`` as a person reads it on a worksheet: '1.2 is Yes or Partly'."""
    if question.when is None:
        return None
    earlier_id = question.when.question
    earlier = checklist.question(earlier_id)
    labels = []
    for key in question.when.answers:
        if earlier is not None and earlier.choices:
            choice = earlier.choice(key)
            labels.append(choice.label if choice else key)
        else:
            option = checklist.scale.option(key)
            labels.append(option.label if option else key)
    shown = checklist.numbers.get(earlier_id, earlier_id)
    return f"{shown} is {' or '.join(labels)}"


def answer_only_if(checklist: Checklist, question: Question) -> str | None:
    """The worksheet's line under a question asked only sometimes."""
    when = condition(checklist, question)
    return None if when is None else f"Answer only if {when}."


def tick(question: Question) -> str:
    """How to tick a choice question's boxes."""
    return "Tick all that apply." if question.multiple else "Tick one."


# --- the result report -------------------------------------------------------------------------

NO_PRIORITY_GAPS = "None: no answer below the top of the scale."
NO_KNOWLEDGE_GAPS = "None: every question answered was known."
NOT_ASKED = "not asked"
SKIPPED = "skipped"


def scores_note(bands: Bands) -> str:
    """How a result's scores and ratings are worked out (the report's footnote)."""
    return (
        f"Scores are 100 \u00d7 weighted mean of the answers (Yes or Strongly agree = 1); "
        f"green at {bands.green:g} or more, amber at {bands.amber:g} or more, red below."
    )


# --- the team report ---------------------------------------------------------------------------

DISAGREEMENT_NOTE = (
    "Some members answered at the top of the scale (a value of 0.75 or more: Yes, Agree, "
    "Strongly agree) and others at the bottom (0.25 or less: No, Disagree, Strongly disagree, "
    "Don't know). Widest spread first."
)
WEAKEST_NOTE = (
    "Questions the team does not disagree on whose mean answer is below 0.5 (Yes or Strongly "
    "agree = 1, Partly or Neither = 0.5, No, Strongly disagree or Don't know = 0), lowest first."
)
TEAM_FOOTNOTE = (
    "Team score: the mean of the members' own scores (members with no score in a section are "
    "left out); lowest and highest are the members' extremes. Mean: the mean value of the "
    "answers given (Don't know counts as 0; Not applicable and skipped are left out). SD: the "
    "population standard deviation of those values; range: highest minus lowest."
)
NO_DISAGREEMENTS = "None: no question has answers at both ends of the scale."
NO_WEAKEST = "None: the team agrees on no question with a mean below 0.5."


def versions(shown: Sequence[str]) -> str:
    """``version 2``, or ``versions 1, 2`` when members answered several."""
    if len(shown) == 1:
        return f"version {shown[0]}"
    return "versions " + ", ".join(shown)


def naming(named: bool) -> str:
    """Whether the team report names people."""
    if named:
        return "Respondents are named at the facilitator's request."
    return "Nobody is named in this report."


def team_score(overall: TeamScore) -> str:
    """What the team score is, with the members' extremes."""
    return (
        f"The mean of the overall scores of {plural(overall.respondents, 'member')}; lowest "
        f"{percent(overall.lowest)}, highest {percent(overall.highest)}."
    )


def answer_counts(stats: Stats) -> str:
    """The answers given and how often, e.g. ``Yes 3 · Partly 1 · No 2`` (or ``no answers``)."""
    given = [f"{c.label} {c.count}" for c in stats.counts if c.count]
    return " \u00b7 ".join(given) if given else "no answers"


def group_name(group: Group) -> str:
    """A group's name as shown, with members without one as ``not given``."""
    return group.name if group.name is not None else "not given"


def groups_note(min_group: int) -> str:
    """Why small groups show no answers question by question."""
    return (
        f"A group of fewer than {min_group} members shows no answers question by question: "
        "too few to show without identifying people."
    )


def too_small(min_group: int) -> str:
    """What a group too small to show shows instead of its answers."""
    return f"Too small to show without identifying people (fewer than {min_group} members)."


# --- the comparison ----------------------------------------------------------------------------

NO_RATINGS_MOVED = "None: every rating stayed where it was."
COMPARISON_FOOTNOTE = (
    "Changes are in score points (after minus before, as shown); a question's value is the "
    "answer's (Yes = 1, Partly = 0.5, No = 0) or, for a team, the mean answer."
)


def version_change(before: str, after: str) -> str:
    """``version 2``, or ``version 1 → 2`` when the two differ."""
    return f"version {after}" if before == after else f"version {before} \u2192 {after}"


def who(card: Scorecard) -> str:
    """Who a scorecard is of: ``team of 5``, or the respondent and organisation."""
    if card.kind.value == "team":
        return f"team of {card.respondents}"
    return ", ".join(p for p in (card.respondent, card.organisation) if p) or DASH


def value_change(q: QuestionChange) -> str:
    """A question's change as words and numbers, e.g. ``Partly → Yes (+0.50)``."""
    before = q.answer_before or number(q.before)
    after = q.answer_after or number(q.after)
    change = "" if q.change is None else f" ({q.change:+.2f})"
    return f"{before} \u2192 {after}{change}"


def not_compared(count: int) -> str:
    """Why some questions have no change."""
    return (
        f"{plural(count, 'question')} could not be compared: not answered, not applicable or "
        "not asked in one of the two."
    )
