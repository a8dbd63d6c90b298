"""The command line: options in, one core call, errors out as one line and an exit code.

Heavy modules (rich, questionary, jinja2) are imported inside the commands that need them, so
``collabcheck --version`` and ``list`` start fast. There is deliberately no
``from __future__ import annotations`` here: Typer reads every command's annotations at each
start, and string annotations would have to be evaluated again (about 4 ms).
"""

import functools
import math
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer

from collabcheck import __version__
from collabcheck.errors import (
    CollabcheckError,
    ProblemsError,
    RunInterruptedError,
    UsageError,
)
from collabcheck.options import GroupBy, NotesPolicy
from collabcheck.render import (
    ChecklistFormat,
    ComparisonFormat,
    ResultFormat,
    RunFormat,
    TeamFormat,
    render_checklist,
    render_comparison,
    render_result,
    render_team,
)

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_BELOW_THRESHOLD = 3
EXIT_INTERRUPTED = 130

app = typer.Typer(
    name="collabcheck",
    help="Run collaboration checklists for health and care, score them and write reports.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    # Plain help and usage errors: a usage error is a few plain lines on stderr, not a box, and
    # --help need not import rich (about 45 ms).
    rich_markup_mode=None,
    add_completion=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

F = TypeVar("F", bound=Callable[..., Any])
FormatT = TypeVar("FormatT", bound=StrEnum)


class FormFormat(StrEnum):
    """``form``: one HTML page."""

    HTML = "html"


class SchemaFormat(StrEnum):
    """``schema``: JSON Schema is JSON."""

    JSON = "json"


def _say(line: str) -> None:
    """One line on stderr; file-supplied text in it is shown, never acted on by a terminal."""
    from collabcheck.output import say

    say(line)


def _fail(message: str | CollabcheckError, code: int = EXIT_ERROR) -> typer.Exit:
    # A file with several problems gives a line each; text from files (which may hold line
    # breaks or control sequences) never makes a line of its own.
    if isinstance(message, ProblemsError):
        lines = [str(problem) for problem in message.problems]
    else:
        lines = [str(message)]
    for line in lines:
        _say(f"collabcheck: {line}")
    return typer.Exit(code)


def handles_errors(command: F) -> F:
    """Turn the project's errors into one stderr line each and exit 1, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except RunInterruptedError as exc:
            raise _fail(exc, EXIT_INTERRUPTED) from None
        except UsageError as exc:
            raise _fail(exc, EXIT_USAGE) from None
        except CollabcheckError as exc:
            raise _fail(exc) from None
        except KeyboardInterrupt:
            raise _fail("interrupted", EXIT_INTERRUPTED) from None

    return wrapper  # type: ignore[return-value]


def _version(value: bool) -> None:
    if value:
        _write_stdout(f"collabcheck {__version__}\n")
        raise typer.Exit()


@app.callback()
def main_options(
    ctx: typer.Context,
    checklist_dir: Annotated[
        list[Path] | None,
        typer.Option(
            "--checklist-dir",
            help="Also look for checklists in DIR (repeatable; before COLLABCHECK_PATH).",
            metavar="DIR",
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Run collaboration checklists for health and care, score them and write reports.

    Checklists are found in the bundled set, in each --checklist-dir and in COLLABCHECK_PATH
    (folders separated by the system's path separator), or given as a path to a .yaml file.
    """
    ctx.obj = list(checklist_dir or [])


def _dirs(ctx: typer.Context) -> list[Path]:
    obj = ctx.find_root().obj
    return list(obj) if isinstance(obj, list) else []


def emit(text: str, output: Path | None) -> None:
    """Write a rendered document to ``output`` (see output.py) or to stdout."""
    from collabcheck.output import write_document

    write_document(text, output)


def _write_stdout(text: str) -> None:
    """Write data to stdout as UTF-8 (a terminal gets control sequences shown, not run)."""
    from collabcheck.output import write_stdout

    write_stdout(text)


def _is_terminal(stream: Any) -> bool:
    """Whether ``stream`` is a terminal (a closed stream, None, is not)."""
    try:
        return stream is not None and bool(stream.isatty())
    except ValueError:  # closed
        return False


def _target(
    formats: type[FormatT],
    given: FormatT | None,
    output: Path | None,
    default: FormatT,
    *inputs: Path | str | None,
) -> FormatT:
    """The format to write (--format, else -o's extension, else ``default``), once sure that
    ``-o`` is none of the command's ``inputs``."""
    from collabcheck.output import choose_format, refuse_inputs

    chosen = choose_format(formats, given, output, default)
    refuse_inputs(output, inputs)
    return chosen


def _refuse_inputs(output: Path | None, *inputs: Path | str | None) -> None:
    from collabcheck.output import refuse_inputs

    refuse_inputs(output, inputs)


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE instead of stdout (- for stdout); its extension sets the format, "
        "one of those --format lists.",
        metavar="FILE",
    ),
]
# schema writes JSON only: its -o has no format to set.
SchemaOutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write to FILE (a .json) instead of stdout (- for stdout).",
        metavar="FILE",
    ),
]


@app.command("list")
@handles_errors
def list_command(
    ctx: typer.Context,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON array.")] = False,
) -> None:
    """List the checklists you can run, and where each comes from.

    Example: collabcheck list --json | jq -r '.[].id'
    """
    from collabcheck.catalog import listings

    found, broken = listings(_dirs(ctx))
    for error in broken:
        for problem in error.problems:
            _say(f"collabcheck: warning: skipped {problem}")
    if as_json:
        rows = [vars(item) for item in found]
        from collabcheck.render.escape import json_text

        _write_stdout(json_text(rows) + "\n")
    elif _is_terminal(sys.stdout):
        from collabcheck.render.terminal import print_listing

        print_listing(found)
    else:
        from collabcheck.render.escape import one_line

        # A tab or line break inside a field would split it: each field is one tab-free line.
        fields = (
            (item.id, item.title, str(item.questions), item.source, item.origin) for item in found
        )
        lines = ("\t".join(one_line(f).replace("\t", " ") for f in row) for row in fields)
        _write_stdout("".join(line + "\n" for line in lines))


def _format_option(help_text: str) -> Any:
    return typer.Option("--format", "-f", help=help_text)


@app.command()
@handles_errors
def show(
    ctx: typer.Context,
    checklist: Annotated[
        str, typer.Argument(help="Checklist id or path to a .yaml file.", metavar="CHECKLIST")
    ],
    fmt: Annotated[
        ChecklistFormat | None,
        _format_option(
            "text (the default), md (a printable worksheet), json, html, or answers (a blank "
            "answers file for run --answers); -o's extension sets it too."
        ),
    ] = None,
    output: OutputOption = None,
    lines: Annotated[
        int | None,
        typer.Option(
            "--lines",
            min=1,
            max=20,
            metavar="N",
            help="Lines to write on under each question of the html worksheet (default 3).",
        ),
    ] = None,
) -> None:
    """Print a checklist: to read (text), to print as a blank worksheet (md, html), or as JSON.

    The html worksheet is one file to print on A4, with tick boxes and three lines
    for notes under each question (--lines N for more or fewer).

    Example: collabcheck show board-readiness --format html --lines 5 -o worksheet.html
    """
    from collabcheck.catalog import resolve

    chosen = _target(ChecklistFormat, fmt, output, ChecklistFormat.TEXT)
    if lines is not None and chosen is not ChecklistFormat.HTML:
        raise UsageError(f"--lines {lines}: only the html worksheet has lines to write on")
    loaded = resolve(checklist, _dirs(ctx))
    _refuse_inputs(output, loaded.path)
    emit(render_checklist(loaded, chosen, lines), output)


@app.command()
@handles_errors
def form(
    ctx: typer.Context,
    checklist: Annotated[
        str, typer.Argument(help="Checklist id or path to a .yaml file.", metavar="CHECKLIST")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to FILE (default: stdout, or ID-form.html when stdout is a terminal; "
            "- for stdout).",
            metavar="FILE",
        ),
    ] = None,
) -> None:
    """Write a fillable form of a checklist: one HTML file to send to each member of a team.

    It opens in any browser, offline, and sends nothing: answers are kept in the browser
    as they are given, and "Save my answers" downloads an answers file
    (ID-answers-NAME-DATE.json) to send back. Collect those files and combine them:
    collabcheck combine *-answers-*.json. Printed, the form is the paper worksheet.

    Example: collabcheck form board-readiness -o board-readiness-form.html
    """
    from collabcheck.catalog import resolve
    from collabcheck.render.form import form as render_form

    _target(FormFormat, None, output, FormFormat.HTML)  # -o form.md would get HTML
    loaded = resolve(checklist, _dirs(ctx))
    _refuse_inputs(output, loaded.path)
    if output is None and _is_terminal(sys.stdout):
        output = Path(f"{loaded.id}-form.html")
    emit(render_form(loaded), output)
    if output is not None and str(output) != "-":
        _say(
            "Next: send it to each member; each opens it in a browser and sends back the file "
            '"Save my answers" gives. Then: collabcheck combine *-answers-*.json'
        )


@app.command()
@handles_errors
def validate(
    paths: Annotated[
        list[Path], typer.Argument(help="Checklist files to check.", metavar="PATH...")
    ],
    strict: Annotated[
        bool, typer.Option("--strict", help="Fail (exit 1) on warnings too, not only on errors.")
    ] = False,
) -> None:
    """Check checklist files and report every problem as FILE:LINE: FIELD: message.

    Also warns, as FILE:LINE: FIELD: warning: message, about what loads but
    will trip people up: a scored question over 300 characters, a section of
    one question, the same question twice, a question with no '?' on
    yes-partly-no or ending in '?' on agree-5, an id that differs from the file
    name, and options nobody can knowingly pick (two with one label, a scale no
    question uses, a when on free text).

    Exits 0 when all are valid, warnings or not, and 1 otherwise;
    with --strict, warnings exit 1 too.

    Example: collabcheck validate --strict my-checklists/*.yaml
    """
    from collabcheck.lint import check_file

    failed = warned = 0
    for path in paths:
        try:
            checklist, findings = check_file(path)
        except ProblemsError as exc:
            failed += 1
            for problem in exc.problems:
                _say(str(problem))
            continue
        for finding in findings:
            _say(str(finding))
        warned += bool(findings)
        count = len(checklist.questions)
        _say(f"{path}: ok ({checklist.id}, {count} questions)")
    counted = [f"problems in {failed}"] if failed else []
    if strict and warned:
        counted.append(f"warnings in {warned}")
    if counted:
        noun = "file" if len(paths) == 1 else "files"
        strictly = " (--strict)" if strict and warned else ""
        raise _fail(f"{' and '.join(counted)} of {len(paths)} {noun}{strictly}")


def _check_threshold(result: Any, fail_under: float | None) -> None:
    if fail_under is None:
        return
    score = result.scores.overall.score
    if score is None:
        message = (
            f"no overall score (nothing was scored), so --fail-under {fail_under:g} is not met"
        )
        raise _fail(message, EXIT_BELOW_THRESHOLD)
    if score < fail_under:
        # Two decimals where one would round up to the threshold and read as meeting it.
        shown = f"{score:.1f}" if float(f"{score:.1f}") < fail_under else f"{score:.2f}"
        message = f"overall score {shown} is below --fail-under {fail_under:g}"
        raise _fail(message, EXIT_BELOW_THRESHOLD)


def _percentage(value: float | None) -> float | None:
    if value is not None and not (math.isfinite(value) and 0 <= value <= 100):
        raise typer.BadParameter(f"{value} is not a score from 0 to 100")
    return value


FailUnder = Annotated[
    float | None,
    typer.Option(
        "--fail-under",
        help="Exit 3 when the overall score is below N (0 to 100).",
        metavar="N",
        callback=_percentage,
    ),
]


@app.command()
@handles_errors
def run(
    ctx: typer.Context,
    checklist: Annotated[
        str, typer.Argument(help="Checklist id or path to a .yaml file.", metavar="CHECKLIST")
    ],
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers", "-a", help="Take answers from FILE (YAML or JSON).", metavar="FILE"
        ),
    ] = None,
    fmt: Annotated[
        RunFormat | None,
        _format_option("md (the default), json or html; -o's extension sets it too."),
    ] = None,
    output: OutputOption = None,
    org: Annotated[str | None, typer.Option("--org", help="Organisation.")] = None,
    respondent: Annotated[str | None, typer.Option(help="Who is answering.")] = None,
    role: Annotated[str | None, typer.Option(help="The respondent's role.")] = None,
    notes: Annotated[
        NotesPolicy,
        typer.Option(
            help="When to ask for a note: after every answer, low answers only, or never."
        ),
    ] = NotesPolicy.LOW,
    section: Annotated[
        list[str] | None,
        typer.Option("--section", help="Ask only this section (repeatable).", metavar="ID"),
    ] = None,
    resume: Annotated[bool, typer.Option(help="Continue the saved session.")] = False,
    stage: Annotated[
        str | None,
        typer.Option(
            help="In a staged checklist, the stage the work has reached: later stages are not "
            "asked or scored.",
            metavar="ID",
        ),
    ] = None,
    plain: Annotated[
        bool,
        typer.Option(
            "--plain",
            help="Ask line by line with numbered choices, for screen readers (also with "
            "TERM=dumb); reads answers from a pipe too.",
        ),
    ] = False,
    fail_under: FailUnder = None,
) -> None:
    """Answer a checklist and write the scored report (Markdown, JSON or HTML to print).

    Every answer is saved as it is given: Ctrl-C stops, and --resume continues.
    On a terminal, the run ends with a summary and saves the Markdown report and
    the JSON result side by side (it asks where); -o FILE writes one file instead.
    Without a terminal, give the answers with --answers FILE.

    Example: collabcheck run board-readiness --format json -o result.json
    """
    import os

    from collabcheck.catalog import resolve
    from collabcheck.output import check_target
    from collabcheck.runner import RunOptions, how_started
    from collabcheck.runner import run as run_checklist
    from collabcheck.textfiles import mend

    chosen = _target(RunFormat, fmt, output, RunFormat.MD, answers)
    check_target(output)  # before a single question is asked
    loaded = resolve(checklist, _dirs(ctx))
    _refuse_inputs(output, loaded.path)
    plain_mode = plain or os.environ.get("TERM") == "dumb"
    shaping = [f"--checklist-dir={d}" for d in _dirs(ctx)]
    if chosen is not RunFormat.MD:
        shaping.append(f"--format={chosen.value}")
    if output is not None:
        shaping.append(f"-o={output}")
    if plain:
        shaping.append("--plain")
    options = RunOptions(
        checklist=loaded,
        ref=checklist,
        answers_path=answers,
        # An argument in another encoding than UTF-8 is taken as Latin-1, not refused.
        organisation=mend(org) if org else org,
        respondent=mend(respondent) if respondent else respondent,
        role=mend(role) if role else role,
        sections=tuple(section or ()),
        notes=notes,
        resume=resume,
        stage=stage,
        program=how_started(sys.argv, getattr(sys, "orig_argv", sys.argv), os.environ),
        shaping=tuple(shaping),
    )

    def prompter() -> Any:
        from collabcheck.prompting import terminal_prompter

        return terminal_prompter(plain=plain_mode)

    # --plain reads its answers line by line, so it works from a pipe (a screen reader's, a
    # script's); the arrow-key prompts need a terminal.
    terminal = _is_terminal(sys.stdin) or plain
    outcome = run_checklist(options, terminal=terminal, prompter=prompter)
    for warning in outcome.warnings:
        _say(f"collabcheck: warning: {warning}")

    if outcome.interactive and output is None and _is_terminal(sys.stdout):
        _save_beside(outcome, plain_mode)
    else:
        # The saved session stays until the report is written; if writing fails, the message
        # says where the answers are.
        outcome.deliver(lambda: emit(render_result(outcome.result, chosen), output))
        if outcome.interactive:
            from collabcheck.render.terminal import print_summary

            print_summary(outcome.result, plain=plain_mode)
    outcome.close()  # only now that the report is written: until then the answers stay saved
    _check_threshold(outcome.result, fail_under)


def _save_beside(outcome: Any, plain: bool) -> None:
    """The end of a run on a terminal: a summary, then the Markdown report and the JSON result
    saved side by side where the person says, and what to do next."""
    from collabcheck.render.terminal import print_next_steps, print_summary

    print_summary(outcome.result, plain=plain, gaps=5)
    report, data = outcome.save_beside()
    print_next_steps(report, data, outcome.options.program, plain=plain)


@app.command()
@handles_errors
def report(
    ctx: typer.Context,
    result_file: Annotated[
        Path,
        typer.Argument(
            help="A result JSON written by run, or an answers file (from the form).",
            metavar="RESULT",
        ),
    ],
    fmt: Annotated[
        ResultFormat | None,
        _format_option(
            "md (the default), json, html or csv (a row per question); -o's extension sets it too."
        ),
    ] = None,
    output: OutputOption = None,
    fail_under: FailUnder = None,
) -> None:
    """Write the report of a saved result again, in another format or to a file.

    An answers file (saved by the offline form, or written by hand) is scored against
    the checklist it names, as run --answers scores it.

    csv is one row per question (checklist, respondent, role, organisation, section,
    question_id, label, answer, value, note, status, answer_label), for spreadsheets.

    Example: collabcheck report result.json --format html -o report.html
    """
    from collabcheck.inputs import read_one

    chosen = _target(ResultFormat, fmt, output, ResultFormat.MD, result_file)
    result = read_one(result_file, _dirs(ctx))
    emit(render_result(result, chosen), output)
    _check_threshold(result, fail_under)


@app.command()
@handles_errors
def combine(
    ctx: typer.Context,
    result_files: Annotated[
        # str, not Path: Click's path conversion costs more than reading when there are
        # thousands of results.
        list[str],
        typer.Argument(
            help="Result JSON files of one checklist, and answers files (from the form).",
            metavar="RESULT...",
        ),
    ],
    fmt: Annotated[
        TeamFormat | None,
        _format_option(
            "text (the default on a terminal: fitted to its width), md (the default otherwise), "
            "json, html (ends with a printable workshop sheet), csv (a row per answer) or "
            "actions (the workshop sheet as CSV)."
        ),
    ] = None,
    output: OutputOption = None,
    by: Annotated[
        GroupBy | None,
        typer.Option(
            "--by",
            help="Set groups side by side, and list where they differ. Names match ignoring "
            "case, spacing and punctuation.",
        ),
    ] = None,
    group_map: Annotated[
        Path | None,
        typer.Option(
            "--group-map",
            metavar="FILE",
            help="YAML mapping each spelling of a role (or organisation) to its group, e.g. "
            "'NED: Non-executive director'. Needs --by.",
        ),
    ] = None,
    named: Annotated[
        bool, typer.Option("--named", help="Name the respondents (otherwise they are numbered).")
    ] = False,
    min_group: Annotated[
        int,
        typer.Option(
            "--min-group",
            metavar="N",
            min=1,
            help="Show a group's scores, answers and notes only if it has N or more members.",
        ),
    ] = 3,
    no_notes: Annotated[
        bool, typer.Option("--no-notes", help="Leave members' notes out of every format.")
    ] = False,
) -> None:
    """Combine a team's results into one report that says what a workshop should talk about:
    where members disagree, where groups differ, what the team does not know and where it agrees
    it is weakest, first; then team scores (mean of members' scores), every question's answers,
    mean and spread, and members' notes without names. Nobody is named unless --named; a group
    smaller than --min-group shows nothing of its own. The same result given twice is refused.

    Takes results (run --format json) and answers files (saved by the offline form of
    collabcheck form, or written by hand), each scored against the checklist it names.

    Example: collabcheck combine results/*.json --by role --format html -o team.html
    """
    from collabcheck.inputs import read_many
    from collabcheck.outcome_pool import no_collection
    from collabcheck.team import TeamOptions
    from collabcheck.team import combine as combine_results

    to_terminal = output is None and _is_terminal(sys.stdout)
    default = TeamFormat.TEXT if to_terminal else TeamFormat.MD
    chosen = _target(TeamFormat, fmt, output, default, *result_files)
    if group_map is not None and by is None:
        raise UsageError("--group-map needs --by role or --by organisation")
    spellings: tuple[tuple[str, str], ...] = ()
    if group_map is not None:
        from collabcheck.group_map import read_group_map

        spellings = read_group_map(group_map)
    options = TeamOptions(
        by=by, named=named, min_group=min_group, notes=not no_notes, group_map=spellings
    )
    with no_collection():
        inputs = read_many(result_files, _dirs(ctx))
        combined = combine_results(inputs.results, result_files, options)
    for warning in combined.warnings:
        _say(f"collabcheck: warning: {warning}")
    if chosen is TeamFormat.TEXT:
        import os
        import shutil

        width = shutil.get_terminal_size().columns if to_terminal else 88
        colour = to_terminal and "NO_COLOR" not in os.environ
        emit(render_team(combined.team, chosen, width, colour), output)
    else:
        emit(render_team(combined.team, chosen), output)
    # Said once the report is out, so that a failed write is the only line (one error, exit 1).
    _say(inputs.counted())


@app.command()
@handles_errors
def compare(
    ctx: typer.Context,
    before: Annotated[
        Path,
        typer.Argument(
            metavar="BEFORE",
            help="The earlier result (or team result, from combine, or answers file).",
        ),
    ],
    after: Annotated[
        Path, typer.Argument(metavar="AFTER", help="The later one, of the same checklist.")
    ],
    fmt: Annotated[
        ComparisonFormat | None,
        _format_option("md (the default), json or html; -o's extension sets it too."),
    ] = None,
    output: OutputOption = None,
) -> None:
    """Show what changed between two results of one checklist: each section's score (points),
    ratings that moved, and questions that improved or got worse.

    Works for two results of run, for two team results (combine --format json), and for
    answers files (from the offline form), scored against the checklist each names.

    Example: collabcheck compare spring.json autumn.json --format html -o change.html
    """
    from collabcheck.compare import compare as compare_scorecards
    from collabcheck.inputs import read_comparable

    chosen = _target(ComparisonFormat, fmt, output, ComparisonFormat.MD, before, after)
    dirs = _dirs(ctx)
    compared = compare_scorecards(read_comparable(before, dirs), read_comparable(after, dirs))
    for warning in compared.warnings:
        _say(f"collabcheck: warning: {warning}")

    emit(render_comparison(compared.comparison, chosen), output)


@app.command()
@handles_errors
def new(
    ctx: typer.Context,
    checklist_id: Annotated[
        str, typer.Argument(metavar="ID", help="Id of the new checklist, e.g. our-board.")
    ],
    from_ref: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="CHECKLIST",
            help="Copy this checklist (an id from 'collabcheck list', or a path) to adapt.",
        ),
    ] = None,
    title: Annotated[
        str | None, typer.Option("--title", help="Title of the new checklist.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write FILE (or ID.yaml in a folder FILE)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it exists.")] = False,
) -> None:
    """Write a new checklist to edit: a starter, or a copy of one to adapt.

    The starter explains every field in a comment (scale, bands, intro, label,
    help, weight, choice and text questions, when). With --from, the copy keeps
    the source's credit, scale and questions under the new id and title.

    The file (./ID.yaml unless -o says otherwise) validates as it is, and an
    existing file is replaced only with --force. Its first line points editors
    at checklist.schema.json in the same folder; write that file with
    collabcheck schema checklist -o checklist.schema.json

    Example: collabcheck new our-board --from board-readiness
    """
    from collabcheck.scaffold import create

    created = create(
        checklist_id,
        output=output,
        force=force,
        from_ref=from_ref,
        title=title,
        extra_dirs=_dirs(ctx),
    )
    _say(f"Wrote {created.path}")
    _say(f"Next: edit it, then run: collabcheck validate {created.path}")
    if created.schema_missing:
        _say(
            "For completion and checks as you type in your editor: "
            f"collabcheck schema checklist -o {created.schema_path}"
        )


def _schema_names(incomplete: str) -> list[str]:
    from collabcheck import schemas

    return [name for name in schemas.names() if name.startswith(incomplete)]


@app.command()
@handles_errors
def schema(
    name: Annotated[
        str,
        typer.Argument(
            metavar="NAME",
            help="checklist (for editors), or result, team or compare (for scripts).",
            autocompletion=_schema_names,
        ),
    ],
    output: SchemaOutputOption = None,
) -> None:
    """Print a JSON Schema (draft 2020-12) that ships with collabcheck.

    checklist: for editors to complete and check checklist files as you type
    (files written by collabcheck new point at ./checklist.schema.json).
    result: the JSON that run --format json writes, for scripts.

    Example: collabcheck schema checklist -o checklist.schema.json
    """
    from collabcheck import schemas

    _target(SchemaFormat, None, output, SchemaFormat.JSON)  # -o x.md would get JSON
    emit(schemas.text(name), output)


def main() -> None:
    """Console-script entry point."""
    try:
        app(prog_name="collabcheck")
    except OSError:  # help or a usage message written to a stdout that is full or gone
        from collabcheck.output import stdout_failed

        stdout_failed()
