"""The words and numbers every report format prints alike: one place to change a sentence.

Markdown, HTML (its templates receive this module as ``wording``, and the number helpers as
filters) and text use these; each format only adds its own markup and escaping. Everything
here returns plain text: a renderer escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from collabcheck.compare import QuestionChange, Scorecard, ScoreChange
    from collabcheck.model import Bands, Checklist, Question
    from collabcheck.result import ChecklistInfo
    from collabcheck.scoring import Tally
    from collabcheck.team import (
        Group,
        GroupDifference,
        GroupFigure,
        Stats,
        TeamQuestion,
        TeamResult,
        TeamScore,
    )

T = TypeVar("T")

DASH = "\u2013"
"""What a report shows for a value it does not have."""

# --- the source, and whose scores these are ----------------------------------------------------


def ours(bands: Bands) -> str:
    """Every report says once that no source scores its questions: the scores are ours."""
    return (
        "Scores and ratings are collabcheck's summary of the answers, not the source's: "
        f"green {bands.green:g} or more, amber {bands.amber:g} or more, red below."
    )


def link(url: str | None) -> str | None:
    """The source's address as a terminal or text report shows it: ``Link: https://...``."""
    return None if url is None else f"Link: {url}"


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


def score_and_rating(score: TeamScore | None) -> str:
    """A group's score in a cell: ``62.5% amber``, ``no score``, or ``not shown`` for a group
    too small to show."""
    if score is None:
        return NOT_SHOWN
    if score.score is None:
        return "no score"
    return f"{percent(score.score)} {rating(score.rating)}"


def rating_move(change: ScoreChange) -> str:
    """``amber`` when it stayed, ``red → amber`` when it moved (``not reached → amber``)."""
    before = section_rating(change.rating_before, change.reached_before)
    after = section_rating(change.rating_after, change.reached_after)
    return after if before == after else f"{before} \u2192 {after}"


def counts(t: Tally) -> str:
    """How a result's scored questions went, in parts that sum to the whole: ``27 questions:
    21 answered (3 of them don't know), 2 not applicable, 1 skipped, 3 not asked, 4 not
    reached``."""
    answered = f"{t.answered} answered"
    if t.dont_know:
        answered += f" ({t.dont_know} of them don't know)"
    parts = [answered, f"{t.excluded} not applicable", f"{t.skipped} skipped"]
    if t.hidden:
        parts.append(f"{t.hidden} not asked")
    if t.not_reached:
        parts.append(f"{t.not_reached} {NOT_REACHED}")
    return f"{plural(t.questions, 'question')}: {', '.join(parts)}"


# --- stages ------------------------------------------------------------------------------------

NOT_REACHED = "not reached"
"""What a report shows for a stage the work has not reached, and for its questions."""
NOT_REACHED_NOTE = "Not reached: not asked, not scored."


STAGED_WORKSHEET = (
    "The sections are stages of the work, in order. Write the stage the work has reached, and "
    "answer it, the stages before it and those that run throughout; leave later stages blank."
)
"""A staged checklist's worksheet says how to fill it in."""


def stage_of(checklist: Checklist, section_id: str) -> str | None:
    """Where a section stands among a staged checklist's stages, as the worksheet says it."""
    stages = checklist.stages
    if stages is None:
        return None
    if section_id in stages.throughout:
        return "Runs throughout, from the start, whichever stage the work has reached."
    return f"Stage {stages.steps.index(section_id) + 1} of {len(stages.steps)}."


def section_rating(word: str | None, reached: bool) -> str:
    """A section's rating cell: its rating word, or ``not reached``."""
    return rating(word) if reached else NOT_REACHED


def stage_reached(info: ChecklistInfo, stage: str | None) -> str | None:
    """The report's line on a staged checklist's stage (None: not staged), e.g. 'Stage reached:
    Gather Ideas (5 of 7). Keep the Conversation Going runs throughout. Later stages are not
    reached: not asked, not scored.'"""
    stages = info.stages
    if stages is None:
        return None
    throughout = [info.title_of(sid) for sid in stages.sections if sid in stages.throughout]
    runs = ""
    if throughout:
        verb = "runs" if len(throughout) == 1 else "run"
        runs = f" {' and '.join(throughout)} {verb} throughout."
    if stage is None:
        return f"Stage reached: not given, so every stage was asked.{runs}"
    steps = stages.steps
    place = f"stage {steps.index(stage) + 1} of {len(steps)}"
    later = " Later stages are not reached: not asked, not scored." if stage != steps[-1] else ""
    return f"Stage reached: {info.title_of(stage)} ({place}).{runs}{later}"


def team_stages(team: TeamResult) -> str | None:
    """The team report's line on the stages members reached (None: not staged), e.g. 'Stages
    reached: Gather Ideas (3 members), Make the Change (2 members). Each member's later stages
    are not reached: not asked, not scored.'"""
    if not team.stages:
        return None
    given = [
        f"{s.title if s.title else 'not given, every stage asked'} ({plural(s.members, 'member')})"
        for s in team.stages
    ]
    return (
        f"Stages reached: {', '.join(given)}. Each member's later stages are not reached: "
        "not asked, not scored."
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

NO_PRIORITY_GAPS = "None: no answer at the bottom of the scale."
PRIORITY_NOTE = (
    "Answers at the bottom of the scale (No, Disagree, Strongly disagree), heaviest weight first."
)
IN_PART_NOTE = "Answers in the middle of the scale (Partly, Neither): in place in part."
NO_IN_PART = "None."
NO_KNOWLEDGE_GAPS = "None: every question answered was known."
NOT_ASKED = "not asked"
SKIPPED = "skipped"


SCORES_NOTE = "Scores are 100 \u00d7 weighted mean of the answers (Yes or Strongly agree = 1)."
"""How a result's scores are worked out (the report's footnote)."""


# --- the team report ---------------------------------------------------------------------------

LIST_SHOWN = 10
"""How many entries of each list Markdown, HTML and text show (JSON has all)."""
NOT_SHOWN = "not shown"

DISAGREEMENT_NOTE = (
    "Some members answered at the top of the scale (a value of 0.75 or more: Yes, Agree, "
    "Strongly agree) and others at the bottom (0.25 or less: No, Disagree, Strongly disagree). "
    "Don't know is not counted as low: it is a gap in knowledge, listed below. Widest spread "
    "(standard deviation) first."
)
WEAKEST_NOTE = (
    "Questions the team does not disagree on whose mean answer is below 0.5 (Yes or Strongly "
    "agree = 1, Partly or Neither = 0.5, No, Strongly disagree or Don't know = 0) and fewer than "
    "half of whose answers are Don't know, lowest first."
)
UNKNOWN_NOTE = "Questions some members answered Don't know, most Don't knows first."
TEAM_FOOTNOTE = (
    "Team score: the mean of the members' own scores (members with no score in a section are "
    "left out); lowest and highest are the members' extremes. Mean: the mean value of the "
    "answers given (Don't know counts as 0; Not applicable and skipped are left out). SD: the "
    "population standard deviation of those values; range: highest minus lowest."
)
NO_DISAGREEMENTS = "None: no question has known answers at both ends of the scale."
NO_WEAKEST = "None: the team agrees on no question with a mean below 0.5."
NO_UNKNOWN = "None: nobody answered Don't know."
NOTES_HEADING = "Notes"
NOTES_NOTE = "Members' notes, without who wrote them, in alphabetical order."
WORKSHOP_TITLE = "Workshop sheet"
WORKSHOP_NOTE = (
    "The disagreements and priority gaps (where the team agrees it is weakest), with room to "
    "record what the team agreed, who owns it and by when."
)
WORKSHOP_COLUMNS = ("What we agreed", "Owner", "By when")
NO_WORKSHOP = "Nothing to agree: no disagreement and no priority gap."


def differences_note(min_group: int) -> str:
    """What the groups-differ list holds."""
    return (
        "Two groups' mean answers differ by 0.5 or more on a question, or their scores by 25 "
        f"points or more on a section (only groups of {min_group} or more are compared). "
        "Largest difference first."
    )


def no_differences(groups: Sequence[Group], min_group: int) -> str:
    """Why no group differs: none far enough apart, or too few groups large enough to show."""
    if sum(g.shown for g in groups) < 2:
        return f"None: fewer than two groups have {min_group} or more members to compare."
    return "None: no two groups shown are that far apart."


def first(items: Sequence[T]) -> tuple[Sequence[T], int]:
    """The entries of a list a report shows, and how many more it leaves out."""
    return items[:LIST_SHOWN], max(0, len(items) - LIST_SHOWN)


def more(count: int) -> str:
    """The line after a list cut short."""
    return f"And {count} more (every one is in the JSON report and in the answers below)."


def team_entry(q: TeamQuestion) -> str:
    """A question's figures in a team list, how many answered first: ``5 answered: Yes 3 ·
    No 2; mean 0.60, SD 0.49``."""
    s = q.stats
    return f"{s.answered} answered: {answer_counts(s)}; mean {number(s.mean)}, SD {number(s.sd)}"


def unknown_entry(q: TeamQuestion) -> str:
    """A question in the does-not-know list: ``Don't know 3 of 5 answered (Yes 2 · ...)``."""
    s = q.stats
    return f"Don't know {s.dont_know} of {s.answered} answered: {answer_counts(s)}"


def _figure(f: GroupFigure, is_section: bool) -> str:
    shown = percent(f.value) if is_section else number(f.value)
    counted = f"{f.answered} scored" if is_section else f"{f.answered} answered"
    return f"{group_label(f.group)} {shown} ({counted})"


def difference_entry(d: GroupDifference) -> str:
    """Where two groups differ, highest first: ``exec 0.88 (4 answered) vs board 0.17 (3
    answered): 0.71 apart``."""
    apart = f"{d.difference:.1f} points" if d.is_section else number(d.difference)
    return f"{_figure(d.highest, d.is_section)} vs {_figure(d.lowest, d.is_section)}: {apart} apart"


def difference_title(d: GroupDifference) -> str:
    """What a difference is about: ``Section 2. Money`` or the question's label and text."""
    if d.is_section:
        return f"Section {d.number}. {d.text}"
    return f"{d.label}: {d.text}" if d.label else d.text


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
    return group_label(group.name)


def group_label(name: str | None) -> str:
    """A group's name, or ``not given``."""
    return name if name is not None else "not given"


def groups_note(min_group: int) -> str:
    """Why small groups show no scores or answers of their own."""
    return (
        f"A group of fewer than {min_group} members shows no scores, answers or notes of its "
        "own: too few to show without identifying people. Its members count in the whole team."
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
