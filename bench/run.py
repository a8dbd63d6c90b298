"""Start-up and scale figures for collabcheck, as ratios measured side by side in one run.

    uv run python bench/run.py [--repeat N] [--results N]

Each command is timed against a bare interpreter of the same environment, the two runs
interleaved so that load on a shared machine affects both alike; figures are medians. Ratios are
of CPU time (user + system), which the other work on a shared machine disturbs far less than
the wall clock (which also counts waiting for a core); the wall clock's ratio is printed beside
it. This is a benchmark, not a test: it prints and never fails.

Commands read checklists through the checklist cache (in a temporary folder here), warmed by a
first run as a user's is by their first ``list``; ``list`` and ``show`` are also timed with no
usable cache, as on the first run after a checklist changes.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

PYTHON = sys.executable
GOALS = {"--version": 2.0, "list": 7.0, "show": 7.0, "run --answers": 8.0, "combine": 1.3}
"""The most each figure should be, as a multiple of its baseline (issue 9)."""


def collabcheck_command() -> list[str]:
    script = Path(PYTHON).parent / "collabcheck"
    return [str(script)] if script.exists() else [PYTHON, "-m", "collabcheck"]


Timing = tuple[float, float]
"""Seconds of CPU time (user + system) and of wall clock."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command: Sequence[str], env: dict[str, str] | None = None) -> Timing:
    cpu, wall = _children_cpu(), time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    return _children_cpu() - cpu, time.perf_counter() - wall


def side_by_side(
    first: Callable[[], Timing], second: Callable[[], Timing], repeat: int
) -> tuple[Timing, Timing]:
    """Medians of ``first`` and ``second``, run alternately ``repeat`` times each."""
    a: list[Timing] = []
    b: list[Timing] = []
    first(), second()  # warm the file cache
    for _ in range(repeat):
        a.append(first())
        b.append(second())
    return _medians(a), _medians(b)


def _medians(timings: list[Timing]) -> Timing:
    return (
        statistics.median(cpu for cpu, _ in timings),
        statistics.median(wall for _, wall in timings),
    )


def report(name: str, ours: Timing, base: Timing, base_name: str) -> None:
    ratio, wall_ratio = ours[0] / base[0], ours[1] / base[1]
    goal = GOALS.get(name)
    verdict = (
        "" if goal is None else f"  goal <= {goal:g}x: " + ("met" if ratio <= goal else "MISSED")
    )
    print(
        f"{name:14} {ours[0] * 1000:7.1f} ms  {base_name:>11} {base[0] * 1000:6.1f} ms  "
        f"{ratio:5.2f}x (wall {wall_ratio:5.2f}x){verdict}"
    )


def ensure_bytecode() -> None:
    """Compile the environment's packages: PYTHONDONTWRITEBYTECODE would leave them uncompiled,
    and every start-up would pay for compiling its imports again."""
    site = Path(sysconfig.get_paths()["purelib"])
    import collabcheck

    for folder in {site, Path(collabcheck.__file__).parent}:
        compileall.compile_dir(folder, quiet=2, workers=0)


def answers_file(folder: Path) -> Path:
    from collabcheck.catalog import resolve

    checklist = resolve("board-readiness")
    lines = ["answers:"]
    keys = checklist.scale.keys
    for index, question in enumerate(checklist.questions):
        lines.append(f"  {question.id}: {keys[index % len(keys)]}")
    path = folder / "answers.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def make_results(folder: Path, count: int) -> list[Path]:
    """``count`` result files of board-readiness with varied answers, from one real run."""
    template = json.loads(
        subprocess.run(
            [
                *collabcheck_command(),
                "run",
                "board-readiness",
                "--answers",
                str(answers_file(folder)),
                "--format",
                "json",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    values = {"yes": 1.0, "partly": 0.5, "no": 0.0, "dont-know": 0.0, "n/a": None}
    labels = {
        "yes": "Yes",
        "partly": "Partly",
        "no": "No",
        "dont-know": "Don't know",
        "n/a": "Not applicable",
    }
    rng = random.Random(1)
    paths = []
    for index in range(count):
        for answer in template["answers"]:
            key = rng.choice(list(values))
            answer.update(
                answer=key,
                value=values[key],
                answer_label=labels[key],
                dont_know=key == "dont-know",
                status="answered",
            )
        template["meta"]["respondent"] = f"member {index}"
        template["meta"]["role"] = rng.choice(["board", "executive", "partner"])
        path = folder / f"result-{index:05d}.json"
        path.write_text(json.dumps(template), encoding="utf-8")
        paths.append(path)
    return paths


def big_checklist(folder: Path, questions: int) -> Path:
    lines = [
        "id: big",
        "title: Generated",
        'version: "1"',
        "source: {publisher: Bench, title: Generated, year: 2026}",
        "description: A generated checklist.",
        "scale: yes-partly-no",
        "sections:",
    ]
    per_section = 20
    for s in range(questions // per_section):
        lines += [
            f"  - id: s{s}",
            f"    title: Section {s}",
            "    intro: Generated.",
            "    questions:",
        ]
        for q in range(per_section):
            lines += [
                f"      - id: q{q}",
                f"        label: Label {q}",
                f"        text: Is generated question {s}.{q} in place?",
                "        help: Generated help text for this question.",
                f"        weight: {1 + q % 3}",
            ]
    path = folder / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=21, help="runs of each command")
    parser.add_argument("--results", type=int, default=5000, help="results to combine")
    args = parser.parse_args()

    ensure_bytecode()
    cli = collabcheck_command()
    bare = [PYTHON, "-c", "pass"]
    print(f"collabcheck: {' '.join(cli)}\npython: {PYTHON}\n")
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp)
        answers = answers_file(folder)
        out = folder / "out.json"
        commands = {
            "--version": [*cli, "--version"],
            "list": [*cli, "list"],
            "show": [*cli, "show", "board-readiness"],
            "run --answers": [
                *cli,
                "run",
                "board-readiness",
                "--answers",
                str(answers),
                "--format",
                "json",
                "-o",
                str(out),
            ],
        }
        cached = dict(os.environ, XDG_CACHE_HOME=str(folder / "cache"))
        uncached = dict(os.environ, XDG_CACHE_HOME=str(answers))  # a file: no cache there
        runs = [(name, command, cached) for name, command in commands.items()]
        runs += [(f"{name}, no cache", commands[name], uncached) for name in ("list", "show")]
        print("Start-up, against a bare interpreter (python -c pass):")
        for name, command, env in runs:
            ours, base = side_by_side(
                lambda c=command, e=env: timed(c, e), lambda: timed(bare), args.repeat
            )
            report(name, ours, base, "python")

        print(f"\ncombine of {args.results:,} results, against json.load of the same files:")
        paths = make_results(folder, args.results)
        listing = folder / "files.txt"
        listing.write_text("\n".join(map(str, paths)), encoding="utf-8")
        plain = [
            PYTHON,
            "-c",
            "import json,sys\nfor p in open(sys.argv[1]).read().split():\n"
            " json.load(open(p, encoding='utf-8'))",
            str(listing),
        ]
        combine = [
            *cli,
            "combine",
            *map(str, paths),
            "--format",
            "json",
            "-o",
            str(folder / "team.json"),
        ]
        if subprocess.run(combine, capture_output=True, check=False).returncode != 0:
            print("combine        not available in this version")
        else:
            ours, base = side_by_side(
                lambda: timed(combine), lambda: timed(plain), max(3, args.repeat // 4)
            )
            report("combine", ours, base, "json.load")

        print("\nLoading a generated 300-question checklist, in process:")
        big = big_checklist(folder, 300)
        import yaml

        from collabcheck.loader import load_path

        text = big.read_text(encoding="utf-8")
        ours, base = side_by_side(
            lambda: _in_process(lambda: load_path(big)),
            lambda: _in_process(lambda: yaml.load(text, Loader=yaml.CSafeLoader)),
            args.repeat,
        )
        report("load 300 q", ours, base, "yaml C load")


def _in_process(work: Callable[[], object]) -> Timing:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


if __name__ == "__main__":
    main()
