"""Markdown: the blank worksheet (``show --format md``), the result report, the team report
(``combine``) and the comparison (``compare``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collabcheck import __version__
from collabcheck.model import Checklist, Question, QuestionKind, Source, Status
from collabcheck.render import wording
from collabcheck.render.escape import md_block, md_inline, md_link
from collabcheck.render.wording import (
    DASH,
    number,
    percent,
    plural,
    points,
    rating,
    rating_move,
)
from collabcheck.result import Outcome, Result

if TYPE_CHECKING:  # imported when used: run and report need neither
    from collabcheck.compare import Comparison, Scorecard
    from collabcheck.team import GroupDifference, Stats, TeamQuestion, TeamResult

BOX = "\u2610"  # ☐ prints as a tick box on paper and on GitHub alike


def worksheet(checklist: Checklist) -> str:
    """Every question with tick boxes for its options and a line for notes."""
    out = [f"# {md_inline(checklist.title)}", ""]
    out.append(
        f"*Source: {_credit(checklist.source)}. Checklist version {md_inline(checklist.version)}.*"
    )
    out += ["", md_block(checklist.description), ""]
    if checklist.staged:
        out += ["| Organisation | Respondent | Role | Date | Stage reached |"]
        out += ["|---|---|---|---|---|", "| | | | | |", ""]
        out += [f"*{md_inline(wording.STAGED_WORKSHEET)}*", ""]
    else:
        out += ["| Organisation | Respondent | Role | Date |", "|---|---|---|---|", "| | | | |", ""]
    for s_index, section in enumerate(checklist.sections, 1):
        out += [f"## {s_index}. {md_inline(section.title)}", ""]
        stage = wording.stage_of(checklist, section.id)
        if stage:
            out += [f"*{md_inline(stage)}*", ""]
        if section.intro:
            out += [md_block(section.intro), ""]
        for question in section.questions:
            out += _question(checklist, question)
    out.append(f"*Checklist `{checklist.id}`, written for collabcheck.*")
    return "\n".join(out) + "\n"


def _question(checklist: Checklist, question: Question) -> list[str]:
    number = checklist.numbers[question.id]
    lines = [f"**{number}** {_question_text(question.label, question.text)}", ""]
    condition = wording.answer_only_if(checklist, question)
    if condition:
        lines += [f"*{md_inline(condition)}*", ""]
    if question.help:
        lines += [f"> {md_inline(question.help)}", ""]
    if question.kind is QuestionKind.SCALE:
        options = [o.label for o in checklist.scale.options]
    elif question.kind is QuestionKind.CHOICE:
        options = [c.label for c in question.choices]
        lines += [f"*{wording.tick(question)}*", ""]
    else:
        options = []
    if options:
        lines += ["\u2003".join(f"{BOX} {md_inline(o)}" for o in options), ""]
    lines += ["Notes: " + "\\_" * 60, ""]
    return lines


def _credit(source: Source) -> str:
    """The source's credit, linked to its page where the checklist gives one."""
    return md_link(source.credit(), source.url)


# --- the result report -----------------------------------------------------------------------


def _question_text(label: str | None, text: str) -> str:
    shown = f"{md_inline(label)}: " if label else ""
    return shown + md_inline(text)


def report(result: Result) -> str:
    """The result as a Markdown report that reads well on GitHub and on paper."""
    info, meta, scores = result.checklist, result.meta, result.scores
    numbers = result.numbers
    out = [f"# {md_inline(info.title)}: report", ""]
    out += [
        f"*Source: {_credit(info.source)}. "
        f"Checklist `{info.id}`, version {md_inline(info.version)}.*",
        "",
        f"*{md_inline(wording.ours(info.bands))}*",
        "",
        "| Organisation | Respondent | Role | Completed |",
        "|---|---|---|---|",
        "| "
        + " | ".join(
            md_inline(v) if v else "\u2013"
            for v in (
                meta.organisation,
                meta.respondent,
                meta.role,
                wording.date(meta.completed_at),
            )
        )
        + " |",
        "",
    ]
    stage = wording.stage_reached(info, result.stage)
    if stage:
        out += [f"**{md_inline(stage)}**", ""]
    overall = scores.overall
    out += [
        f"## Overall: {percent(overall.score)} ({rating(overall.rating)})",
        "",
        wording.counts(overall) + ".",
        "",
        "| Section | Score | Rating | Answered | Not applicable | Don't know | Skipped |",
        "|---|---:|---|---:|---:|---:|---:|",
    ]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        shown = wording.section_rating(t.rating, section.id in result.reached)
        out.append(
            f"| {index}. {md_inline(section.title)} | {percent(t.score)} | {shown} "
            f"| {t.answered} | {t.excluded} | {t.dont_know} | {t.skipped} |"
        )
    out += ["", "## Priority gaps", "", f"*{wording.PRIORITY_NOTE}*", ""]
    gaps = result.priority_gaps
    if not gaps:
        out += [wording.NO_PRIORITY_GAPS, ""]
    for o in gaps:
        weight = f" *(weight {o.weight:g})*" if o.weight != 1 else ""
        answer, text = md_inline(o.answer_label or ""), _question_text(o.label, o.text)
        out.append(f"- **{answer}**: {numbers[o.id]} {text}{weight}{_note(o)}")
    out += ["", "## In part", "", f"*{wording.IN_PART_NOTE}*", ""]
    in_part = result.in_part
    if not in_part:
        out += [wording.NO_IN_PART, ""]
    for o in in_part:
        answer, text = md_inline(o.answer_label or ""), _question_text(o.label, o.text)
        out.append(f"- **{answer}**: {numbers[o.id]} {text}{_note(o)}")
    out += ["", "## Knowledge gaps", ""]
    unknown = result.knowledge_gaps
    if not unknown:
        out += [wording.NO_KNOWLEDGE_GAPS, ""]
    for o in unknown:
        out.append(f"- {numbers[o.id]} {_question_text(o.label, o.text)}{_note(o)}")
    out += ["", "## All answers", ""]
    for index, section in enumerate(scores.sections, 1):
        t = section.tally
        if section.id not in result.reached:
            title = f"### {index}. {md_inline(section.title)}: {wording.NOT_REACHED}"
            out += [title, "", f"*{wording.NOT_REACHED_NOTE}*", ""]
            continue
        out += [
            f"### {index}. {md_inline(section.title)}: {percent(t.score)} ({rating(t.rating)})",
            "",
            "| # | Question | Answer | Note |",
            "|---|---|---|---|",
        ]
        for o in result.outcomes:
            if o.section == section.id:
                out.append(
                    f"| {numbers[o.id]} | {_question_text(o.label, o.text)} | {_answer_cell(o)} "
                    f"| {md_inline(o.note) if o.note else ''} |"
                )
        out.append("")
    version = md_inline(meta.tool_version)
    out.append(f"*Written by collabcheck {version}. {md_inline(wording.SCORES_NOTE)}*")
    return "\n".join(out) + "\n"


def _note(o: Outcome) -> str:
    return f" \u2014 *Note: {md_inline(o.note)}*" if o.note else ""


def _answer_cell(o: Outcome) -> str:
    if o.status is Status.HIDDEN:
        return f"*{wording.NOT_ASKED}*"
    if o.status is Status.SKIPPED:
        return f"*{wording.SKIPPED}*"
    return md_inline(o.answer_label or "")


# --- the team report (combine) ---------------------------------------------------------------


def team(team: TeamResult) -> str:
    """The team report: the four lists a workshop discusses first, then scores and answers."""
    info = team.checklist
    out = [f"# {md_inline(info.title)}: team report", ""]
    out += [
        f"*Source: {_credit(info.source)}. Checklist `{info.id}`, "
        f"{md_inline(wording.versions(team.versions))}.*",
        "",
        f"*{md_inline(wording.ours(info.bands))}*",
        "",
    ]
    named = wording.naming(team.options.named)
    out += [f"{plural(team.respondents, 'respondent')}. {named}", ""]
    stages = wording.team_stages(team)
    if stages:
        out += [f"**{md_inline(stages)}**", ""]
    out += _team_list(
        "Where the team disagrees",
        wording.DISAGREEMENT_NOTE,
        [_team_question_line(q) for q in team.disagreements],
        wording.NO_DISAGREEMENTS,
    )
    if team.options.by is not None:
        out += _team_list(
            "Where groups differ",
            wording.differences_note(team.options.min_group),
            [_difference_line(d) for d in team.differences],
            wording.no_differences(team.groups, team.options.min_group),
        )
    out += _team_list(
        "What the team does not know",
        wording.UNKNOWN_NOTE,
        [
            f"**{q.number}** {_question_text(q.label, q.text)} \u2014 "
            f"{md_inline(wording.unknown_entry(q))}"
            for q in team.unknown
        ],
        wording.NO_UNKNOWN,
    )
    out += _team_list(
        "Where the team agrees it is weakest",
        wording.WEAKEST_NOTE,
        [_team_question_line(q) for q in team.weakest],
        wording.NO_WEAKEST,
    )
    out += [*_team_scores(team), *_team_answers(team)]
    if team.groups:
        out += _groups(team)
    if team.roster:
        out += _members(team)
    out.append(f"*Written by collabcheck {md_inline(__version__)}. {wording.TEAM_FOOTNOTE}*")
    return "\n".join(out) + "\n"


def _team_list(title: str, note: str, lines: list[str], empty: str) -> list[str]:
    shown, more = wording.first(lines)
    out = [f"## {title}", "", f"*{note}*", ""]
    if not lines:
        out += [empty, ""]
    out += [f"- {line}" for line in shown]
    if more:
        out += ["", f"*{wording.more(more)}*"]
    return [*out, ""] if lines else out


def _team_question_line(q: TeamQuestion) -> str:
    return (
        f"**{q.number}** {_question_text(q.label, q.text)} \u2014 "
        f"{md_inline(wording.team_entry(q))}"
    )


def _difference_line(d: GroupDifference) -> str:
    title = md_inline(wording.difference_title(d))
    head = f"**{title}**" if d.is_section else f"**{d.number}** {title}"
    return f"{head} \u2014 {md_inline(wording.difference_entry(d))}"


def _notes(questions: list[tuple[TeamQuestion, Stats]]) -> list[str]:
    """Each question's notes under its number, anonymised and in the model's fixed order."""
    out: list[str] = []
    for q, stats in questions:
        if stats.notes:
            out += [f"**{wording.NOTES_HEADING} on {q.number}**", ""]
            out += [f"- {md_inline(note)}" for note in stats.notes]
            out.append("")
    if out:
        out = [f"*{wording.NOTES_NOTE}*", "", *out]
    return out


def _team_scores(team: TeamResult) -> list[str]:
    overall = team.overall
    out = [
        f"## Team score: {percent(overall.score)} ({rating(overall.rating)})",
        "",
        wording.team_score(overall),
        "",
    ]
    head = ["Section", "Team score", "Rating", "Lowest", "Highest"]
    align = ["---", "---:", "---", "---:", "---:"]
    for g in team.groups:
        head.append(f"{md_inline(wording.group_name(g))} ({g.size})")
        align.append("---")
    out += ["| " + " | ".join(head) + " |", "|" + "|".join(align) + "|"]
    rows = [
        (
            f"{i}. {md_inline(s.title)}",
            s.score,
            [None if g.sections is None else g.sections[i - 1] for g in team.groups],
            s.reached,
        )
        for i, s in enumerate(team.sections, 1)
    ]
    rows.append(("**Overall**", team.overall, [g.overall for g in team.groups], 1))
    for title, score, by_group, reached in rows:
        cells = [
            title,
            percent(score.score),
            wording.section_rating(score.rating, reached > 0),
            percent(score.lowest),
            percent(score.highest),
            *(wording.score_and_rating(s) for s in by_group),
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
        number(stats.mean),
        number(stats.sd),
        number(stats.range),
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
            cells = [q.number, _question_text(q.label, q.text), *_stats_cells(stats, len(options))]
            out.append("| " + " | ".join(cells) + " |")
        elif q.kind is QuestionKind.CHOICE:
            others.append(
                f"- {q.number} {_question_text(q.label, q.text)} *(choice)* \u2014 "
                f"{md_inline(wording.answer_counts(stats))}; {stats.answered} answered"
            )
        else:
            others.append(
                f"- {q.number} {_question_text(q.label, q.text)} *(free text)* \u2014 "
                f"{stats.answered} answered; free text is not shown in team reports"
            )
    if len(out) == 2:
        out = []
    return [*out, *([""] if out and others else []), *others, ""]


def _team_answers(team: TeamResult) -> list[str]:
    out = ["## Answers by question", ""]
    for index, section in enumerate(team.sections, 1):
        score = section.score
        if not section.reached:
            title = f"### {index}. {md_inline(section.title)}: {wording.NOT_REACHED}"
            out += [title, "", f"*{wording.NOT_REACHED_NOTE}*", ""]
            continue
        out += [
            f"### {index}. {md_inline(section.title)}: {percent(score.score)} "
            f"({rating(score.rating)})",
            "",
        ]
        questions = [(q, q.stats) for q in team.questions if q.section == section.id]
        out += _answers_table(team, questions) if questions else ["No questions.", ""]
        out += _notes(questions)
    return out


def _groups(team: TeamResult) -> list[str]:
    by = team.options.by.value if team.options.by else "group"
    minimum = team.options.min_group
    out = [
        f"## By {by}",
        "",
        f"*{wording.groups_note(minimum)}*",
        "",
    ]
    for g in team.groups:
        out += [f"### {md_inline(wording.group_name(g))} ({plural(g.size, 'member')})", ""]
        if g.questions is None:
            out += [wording.too_small(minimum), ""]
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
        cells = [md_inline(v) if v else DASH for v in (m.respondent, m.role, m.organisation)]
        out.append(f"| {m.number} | {' | '.join(cells)} | {percent(m.score)} {rating(m.rating)} |")
    return [*out, ""]


# --- the comparison (compare) ----------------------------------------------------------------


def _who(card: Scorecard) -> str:
    return md_inline(wording.who(card))


def comparison(comparison: Comparison) -> str:
    """What changed between two results (or team results) of one checklist."""
    before, after = comparison.before, comparison.after
    out = [f"# {md_inline(after.checklist_title)}: what changed", ""]
    version = md_inline(wording.version_change(before.version, after.version))
    credit = f"Source: {_credit(after.source)}. " if after.source else ""
    out += [f"*{credit}Checklist `{after.checklist_id}`, {version}.*", ""]
    out += [f"*{md_inline(wording.ours(after.bands))}*", ""]
    out += [
        "| | Before | After |",
        "|---|---|---|",
        f"| File | {md_inline(before.name)} | {md_inline(after.name)} |",
        f"| Who | {_who(before)} | {_who(after)} |",
        f"| Completed | {wording.date(before.completed_at)} | {wording.date(after.completed_at)} |",
    ]
    if before.stage or after.stage:
        stages = (md_inline(card.stage) if card.stage else DASH for card in (before, after))
        out.append("| Stage reached | {} | {} |".format(*stages))
    out.append("")
    overall = comparison.overall
    out += [
        f"## Overall: {percent(overall.before)} \u2192 {percent(overall.after)} "
        f"({points(overall.change)} points), {rating_move(overall)}",
        "",
        "| Section | Before | After | Change | Rating |",
        "|---|---:|---:|---:|---|",
    ]
    for index, s in enumerate(comparison.sections, 1):
        out.append(
            f"| {index}. {md_inline(s.title)} | {percent(s.before)} | {percent(s.after)} "
            f"| {points(s.change)} | {rating_move(s)} |"
        )
    out += ["", "## Ratings that moved", ""]
    if not comparison.ratings_moved:
        out.append(wording.NO_RATINGS_MOVED)
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
            text = _question_text(q.label, q.text)
            out.append(f"- **{q.number}** {text} \u2014 {md_inline(wording.value_change(q))}")
    missing = len(comparison.not_compared)
    if missing:
        out += ["", f"*{wording.not_compared(missing)}*"]
    out += [
        "",
        f"*Written by collabcheck {md_inline(__version__)}. {wording.COMPARISON_FOOTNOTE}*",
    ]
    return "\n".join(out) + "\n"
