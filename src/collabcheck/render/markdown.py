"""Markdown: the blank worksheet (``show --format md``), the result report, the team report
(``combine``) and the comparison (``compare``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collabcheck import __version__
from collabcheck.model import Checklist, Question, QuestionKind, Status, is_low_answer
from collabcheck.render import condition_text
from collabcheck.render.escape import md_block, md_inline
from collabcheck.result import Outcome, Result
from collabcheck.scoring import Tally, round_half_up

if TYPE_CHECKING:  # imported when used: run and report need neither
    from collabcheck.compare import Comparison, QuestionChange, Scorecard, ScoreChange
    from collabcheck.team import Group, Stats, TeamQuestion, TeamResult, TeamScore

BOX = "\u2610"  # ☐ prints as a tick box on paper and on GitHub alike


def worksheet(checklist: Checklist) -> str:
    """Every question with tick boxes for its options and a line for notes."""
    out = [f"# {md_inline(checklist.title)}", ""]
    out.append(
        f"*Source: {md_inline(checklist.source.credit())}. Checklist version "
        f"{md_inline(checklist.version)}.*"
    )
    out += ["", md_block(checklist.description), ""]
    out += ["| Organisation | Respondent | Role | Date |", "|---|---|---|---|", "| | | | |", ""]
    for s_index, section in enumerate(checklist.sections, 1):
        out += [f"## {s_index}. {md_inline(section.title)}", ""]
        if section.intro:
            out += [md_block(section.intro), ""]
        for q_index, question in enumerate(section.questions, 1):
            out += _question(checklist, f"{s_index}.{q_index}", question)
    out.append(f"*Checklist `{checklist.id}`, written for collabcheck.*")
    return "\n".join(out) + "\n"


def _question(checklist: Checklist, number: str, question: Question) -> list[str]:
    label = f"{md_inline(question.label)}: " if question.label else ""
    lines = [f"**{number}** {label}{md_inline(question.text)}", ""]
    condition = condition_text(checklist, question)
    if condition:
        lines += [f"*Answer only if {md_inline(condition)}.*", ""]
    if question.help:
        lines += [f"> {md_inline(question.help)}", ""]
    if question.kind is QuestionKind.SCALE:
        options = [o.label for o in checklist.scale.options]
    elif question.kind is QuestionKind.CHOICE:
        options = [c.label for c in question.choices]
        lines += ["*Tick all that apply.*" if question.multiple else "*Tick one.*", ""]
    else:
        options = []
    if options:
        lines += ["\u2003".join(f"{BOX} {md_inline(o)}" for o in options), ""]
    lines += ["Notes: " + "\\_" * 60, ""]
    return lines


# --- the result report -----------------------------------------------------------------------


def _percent(score: float | None) -> str:
    return "\u2013" if score is None else f"{round_half_up(score):.1f}%"


def _rating(rating: str | None) -> str:
    return rating or "no score"


def question_numbers(result: Result) -> dict[str, str]:
    """Each question's number as shown on the worksheet (section.question)."""
    numbers: dict[str, str] = {}
    order = [sid for sid, _ in result.checklist.sections]
    counts: dict[str, int] = {}
    for o in result.outcomes:
        counts[o.section] = counts.get(o.section, 0) + 1
        numbers[o.id] = f"{order.index(o.section) + 1}.{counts[o.section]}"
    return numbers


def _question_text(o: Outcome) -> str:
    label = f"{md_inline(o.label)}: " if o.label else ""
    return label + md_inline(o.text)


def _counts(t: Tally) -> str:
    return (
        f"{t.answered} answered \u00b7 {t.excluded} not applicable \u00b7 "
        f"{t.dont_know} don't know \u00b7 {t.skipped} skipped"
    )


def priority_gaps(result: Result) -> list[Outcome]:
    """Low answers to work on: the lowest first (No before Don't know before Partly), then the
    heavier weights, then checklist order."""
    gaps = [
        o
        for o in result.outcomes
        if o.status is Status.ANSWERED
        and o.kind is QuestionKind.SCALE
        and isinstance(o.answer, str)
        and is_low_answer(o.answer, o.value)
    ]
    return sorted(gaps, key=lambda o: (o.value or 0.0, o.dont_know, -o.weight))


def report(result: Result) -> str:
    """The result as a Markdown report that reads well on GitHub and on paper."""
    info, meta, scores = result.checklist, result.meta, result.scores
    numbers = question_numbers(result)
    out = [f"# {md_inline(info.title)}: report", ""]
    out += [
        f"*Source: {md_inline(info.source.credit())}. "
        f"Checklist `{info.id}`, version {md_inline(info.version)}.*",
        "",
        "| Organisation | Respondent | Role | Completed |",
        "|---|---|---|---|",
        "| "
        + " | ".join(
            md_inline(v) if v else "\u2013"
            for v in (meta.organisation, meta.respondent, meta.role, _date(meta.completed_at))
        )
        + " |",
        "",
    ]
    overall = scores.overall
    out += [
        f"## Overall: {_percent(overall.score)} ({_rating(overall.rating)})",
        "",
        _counts(overall) + ".",
        "",
        "| Section | Score | Rating | Answered | Not applicable | Don't know | Skipped |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        out.append(
            f"| {index}. {md_inline(section.title)} | {_percent(t.score)} | {_rating(t.rating)} "
            f"| {t.answered} | {t.excluded} | {t.dont_know} | {t.skipped} |"
        )
    out += ["", "## Priority gaps", ""]
    gaps = priority_gaps(result)
    if not gaps:
        out += ["None: no answer below the top of the scale.", ""]
    for o in gaps:
        weight = f" *(weight {o.weight:g})*" if o.weight != 1 else ""
        out.append(
            f"- **{md_inline(o.answer_label or '')}**: {numbers[o.id]} {_question_text(o)}"
            f"{weight}{_note(o)}"
        )
    out += ["", "## Knowledge gaps", ""]
    unknown = [o for o in result.outcomes if o.dont_know and o.status is Status.ANSWERED]
    if not unknown:
        out += ["None: every question answered was known.", ""]
    for o in unknown:
        out.append(f"- {numbers[o.id]} {_question_text(o)}{_note(o)}")
    out += ["", "## All answers", ""]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        out += [
            f"### {index}. {md_inline(section.title)}: {_percent(t.score)} ({_rating(t.rating)})",
            "",
            "| # | Question | Answer | Note |",
            "|---|---|---|---|",
        ]
        for o in result.outcomes:
            if o.section == section.id:
                out.append(
                    f"| {numbers[o.id]} | {_question_text(o)} | {_answer_cell(o)} "
                    f"| {md_inline(o.note) if o.note else ''} |"
                )
        out.append("")
    out.append(
        f"*Written by collabcheck {md_inline(meta.tool_version)}. Scores are "
        f"100 \u00d7 weighted mean of the answers (Yes or Strongly agree = 1); green at "
        f"{info.bands.green:g} or more, amber at {info.bands.amber:g} or more, red below.*"
    )
    return "\n".join(out) + "\n"


def _note(o: Outcome) -> str:
    return f" \u2014 *Note: {md_inline(o.note)}*" if o.note else ""


def _answer_cell(o: Outcome) -> str:
    if o.status is Status.HIDDEN:
        return "*not asked*"
    if o.status is Status.SKIPPED:
        return "*skipped*"
    return md_inline(o.answer_label or "")


def _date(timestamp: str | None) -> str | None:
    return timestamp[:10] if timestamp else None


# --- the team report (combine) ---------------------------------------------------------------

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


def _number(value: float | None, places: int = 2) -> str:
    return "\u2013" if value is None else f"{round_half_up(value, places):.{places}f}"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def answer_counts(stats: Stats) -> str:
    """The answers given and how often, e.g. ``Yes 3 · Partly 1 · No 2`` (or ``no answers``)."""
    given = [f"{c.label} {c.count}" for c in stats.counts if c.count]
    return " \u00b7 ".join(given) if given else "no answers"


def group_name(group: Group) -> str:
    """A group's name as shown, with members without one as ``not given``."""
    return group.name if group.name is not None else "not given"


def _versions(team: TeamResult) -> str:
    versions = team.versions
    if len(versions) == 1:
        return f"version {md_inline(versions[0])}"
    return "versions " + ", ".join(md_inline(v) for v in versions)


def _score_cell(score: TeamScore) -> str:
    if score.score is None:
        return "no score"
    return f"{_percent(score.score)} {_rating(score.rating)}"


def team(team: TeamResult) -> str:
    """The team report: disagreements and agreed weaknesses first, then scores and answers."""
    info = team.checklist
    out = [f"# {md_inline(info.title)}: team report", ""]
    out += [
        f"*Source: {md_inline(info.source.credit())}. Checklist `{info.id}`, {_versions(team)}.*",
        "",
    ]
    named = (
        "Respondents are named at the facilitator's request."
        if team.options.named
        else "Nobody is named in this report."
    )
    out += [f"{_plural(team.respondents, 'respondent')}. {named}", ""]
    out += ["## Where the team disagrees", "", f"*{DISAGREEMENT_NOTE}*", ""]
    if not team.disagreements:
        out += ["None: no question has answers at both ends of the scale.", ""]
    for q in team.disagreements:
        out.append(f"- {_team_question_line(q)}")
    out += ["", "## Where the team agrees it is weakest", "", f"*{WEAKEST_NOTE}*", ""]
    if not team.weakest:
        out += ["None: the team agrees on no question with a mean below 0.5.", ""]
    for q in team.weakest:
        out.append(f"- {_team_question_line(q)}")
    out += ["", *_team_scores(team), *_team_answers(team)]
    if team.groups:
        out += _groups(team)
    if team.roster:
        out += _members(team)
    out.append(f"*Written by collabcheck {md_inline(__version__)}. {TEAM_FOOTNOTE}*")
    return "\n".join(out) + "\n"


def _team_question_text(q: TeamQuestion) -> str:
    label = f"{md_inline(q.label)}: " if q.label else ""
    return label + md_inline(q.text)


def _team_question_line(q: TeamQuestion) -> str:
    s = q.stats
    return (
        f"**{q.number}** {_team_question_text(q)} \u2014 {md_inline(answer_counts(s))}; "
        f"mean {_number(s.mean)}, SD {_number(s.sd)}"
    )


def _team_scores(team: TeamResult) -> list[str]:
    overall = team.overall
    out = [
        f"## Team score: {_percent(overall.score)} ({_rating(overall.rating)})",
        "",
        f"The mean of the overall scores of {_plural(overall.respondents, 'member')}; lowest "
        f"{_percent(overall.lowest)}, highest {_percent(overall.highest)}.",
        "",
    ]
    head = ["Section", "Team score", "Rating", "Lowest", "Highest"]
    align = ["---", "---:", "---", "---:", "---:"]
    for g in team.groups:
        head.append(f"{md_inline(group_name(g))} ({g.size})")
        align.append("---")
    out += ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    rows = [
        (f"{i}. {md_inline(s.title)}", s.score, [g.sections[i - 1] for g in team.groups])
        for i, s in enumerate(team.sections, 1)
    ]
    rows.append(("**Overall**", team.overall, [g.overall for g in team.groups]))
    for title, score, by_group in rows:
        cells = [
            title,
            _percent(score.score),
            _rating(score.rating),
            _percent(score.lowest),
            _percent(score.highest),
            *(_score_cell(s) for s in by_group),
        ]
        out.append("| " + " | ".join(cells) + " |")
    return [*out, ""]


def _option_columns(team: TeamResult) -> list[str]:
    return [md_inline(o.label) for o in team.scale]


def _stats_cells(stats: Stats, columns: int) -> list[str]:
    counts = [str(c.count) for c in stats.counts[:columns]]
    counts += [""] * (columns - len(counts))
    return [
        str(stats.answered),
        *counts,
        str(stats.skipped + stats.hidden),
        _number(stats.mean),
        _number(stats.sd),
        _number(stats.range),
        "**yes**" if stats.disagreement else "",
    ]


def _answers_table(team: TeamResult, questions: list[tuple[TeamQuestion, Stats]]) -> list[str]:
    options = _option_columns(team)
    head = ["#", "Question", "Answered", *options, "Skipped", "Mean", "SD", "Range", "Disagree"]
    align = ["---", "---", "---:", *["---:"] * len(options), "---:", "---:", "---:", "---:", "---"]
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    others: list[str] = []
    for q, stats in questions:
        if q.scored:
            cells = [q.number, _team_question_text(q), *_stats_cells(stats, len(options))]
            out.append("| " + " | ".join(cells) + " |")
        elif q.kind is QuestionKind.CHOICE:
            others.append(
                f"- {q.number} {_team_question_text(q)} *(choice)* \u2014 "
                f"{md_inline(answer_counts(stats))}; {stats.answered} answered"
            )
        else:
            others.append(
                f"- {q.number} {_team_question_text(q)} *(free text)* \u2014 "
                f"{stats.answered} answered; free text is not shown in team reports"
            )
    if len(out) == 2:
        out = []
    return [*out, *([""] if out and others else []), *others, ""]


def _team_answers(team: TeamResult) -> list[str]:
    out = ["## Answers by question", ""]
    for index, section in enumerate(team.sections, 1):
        score = section.score
        out += [
            f"### {index}. {md_inline(section.title)}: {_percent(score.score)} "
            f"({_rating(score.rating)})",
            "",
        ]
        questions = [(q, q.stats) for q in team.questions if q.section == section.id]
        out += _answers_table(team, questions) if questions else ["No questions.", ""]
    return out


def _groups(team: TeamResult) -> list[str]:
    by = team.options.by.value if team.options.by else "group"
    minimum = team.options.min_group
    out = [
        f"## By {by}",
        "",
        f"*A group of fewer than {minimum} members shows no answers question by question: "
        "too few to show without identifying people.*",
        "",
    ]
    for g in team.groups:
        out += [f"### {md_inline(group_name(g))} ({_plural(g.size, 'member')})", ""]
        if g.questions is None:
            out += [
                f"Too small to show without identifying people (fewer than {minimum} members).",
                "",
            ]
            continue
        out += _answers_table(team, list(zip(team.questions, g.questions, strict=True)))
    return out


def _members(team: TeamResult) -> list[str]:
    out = [
        "## Respondents",
        "",
        "| # | Respondent | Role | Organisation | Overall |",
        "|---:|---|---|---|---|",
    ]
    for m in team.roster:
        cells = [md_inline(v) if v else "\u2013" for v in (m.respondent, m.role, m.organisation)]
        out.append(
            f"| {m.number} | {' | '.join(cells)} | {_percent(m.score)} {_rating(m.rating)} |"
        )
    return [*out, ""]


# --- the comparison (compare) ----------------------------------------------------------------


def _who(card: Scorecard) -> str:
    if card.kind.value == "team":
        return f"team of {card.respondents}"
    parts = [p for p in (card.respondent, card.organisation) if p]
    return md_inline(", ".join(parts)) if parts else "\u2013"


def points(change: float | None) -> str:
    """A change in score points, signed: ``+7.5``, ``-2.0``, ``0.0`` (none: a dash)."""
    if change is None:
        return "\u2013"
    return f"{change:+.1f}" if change else "0.0"


def rating_move(change: ScoreChange) -> str:
    """``amber`` when it stayed, ``red → amber`` when it moved."""
    before, after = _rating(change.rating_before), _rating(change.rating_after)
    return after if not change.moved else f"{before} \u2192 {after}"


def value_change(q: QuestionChange) -> str:
    """A question's change as words and numbers, e.g. ``Partly → Yes (+0.50)``."""
    before = q.answer_before or _number(q.before)
    after = q.answer_after or _number(q.after)
    change = "" if q.change is None else f" ({q.change:+.2f})"
    return f"{md_inline(before)} \u2192 {md_inline(after)}{change}"


def comparison(comparison: Comparison) -> str:
    """What changed between two results (or team results) of one checklist."""
    before, after = comparison.before, comparison.after
    out = [f"# {md_inline(after.checklist_title)}: what changed", ""]
    version = (
        f"version {md_inline(after.version)}"
        if before.version == after.version
        else f"version {md_inline(before.version)} \u2192 {md_inline(after.version)}"
    )
    out += [f"*Checklist `{after.checklist_id}`, {version}.*", ""]
    out += [
        "| | Before | After |",
        "|---|---|---|",
        f"| File | {md_inline(before.name)} | {md_inline(after.name)} |",
        f"| Who | {_who(before)} | {_who(after)} |",
        f"| Completed | {_date(before.completed_at) or chr(0x2013)} "
        f"| {_date(after.completed_at) or chr(0x2013)} |",
        "",
    ]
    overall = comparison.overall
    out += [
        f"## Overall: {_percent(overall.before)} \u2192 {_percent(overall.after)} "
        f"({points(overall.change)} points), {rating_move(overall)}",
        "",
        "| Section | Before | After | Change | Rating |",
        "|---|---:|---:|---:|---|",
    ]
    for index, s in enumerate(comparison.sections, 1):
        out.append(
            f"| {index}. {md_inline(s.title)} | {_percent(s.before)} | {_percent(s.after)} "
            f"| {points(s.change)} | {rating_move(s)} |"
        )
    out += ["", "## Ratings that moved", ""]
    if not comparison.ratings_moved:
        out.append("None: every rating stayed where it was.")
    for c in comparison.ratings_moved:
        direction = f" ({c.direction})" if c.direction else ""
        out.append(f"- {md_inline(c.title)}: {rating_move(c)}{direction}")
    for title, changes, empty in (
        ("Questions that improved", comparison.improved, "None."),
        ("Questions that got worse", comparison.worse, "None."),
    ):
        out += ["", f"## {title}", ""]
        if not changes:
            out.append(empty)
        for q in changes:
            label = f"{md_inline(q.label)}: " if q.label else ""
            out.append(f"- **{q.number}** {label}{md_inline(q.text)} \u2014 {value_change(q)}")
    missing = len(comparison.not_compared)
    if missing:
        out += [
            "",
            f"*{_plural(missing, 'question')} could not be compared: not answered, not "
            "applicable or not asked in one of the two.*",
        ]
    out += [
        "",
        f"*Written by collabcheck {md_inline(__version__)}. Changes are in score points "
        "(after minus before, as shown); a question's value is the answer's (Yes = 1, Partly = "
        "0.5, No = 0) or, for a team, the mean answer.*",
    ]
    return "\n".join(out) + "\n"
