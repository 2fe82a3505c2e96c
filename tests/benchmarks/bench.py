"""b2c's benchmarks: each command timed against a floor measured in the same run on the same machine.

    .venv/bin/python tests/benchmarks/bench.py            # the full run (make bench)
    .venv/bin/python tests/benchmarks/bench.py --small    # a quick run that only shows it works

Every measurement is a fresh process, run several times, taking turns with its floor; the table shows
min / median / max seconds and the ratio of the medians against the floor, with the goal from the
portfolio issue. Peak memory is the child process's maximum resident set size. Data (a 100,000-row x
24-column export as XLSX and CSV, and 1,000 and 2,000 generated partnerships) is generated into a
temporary folder first.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
EXAMPLE = REPO / "examples" / "hedemarken-nortec"
PYTHON = sys.executable
# The command as users run it: the console script pip installed beside this Python, else `python -m`.
_SCRIPT = Path(sys.executable).with_name("b2c")
B2C = [str(_SCRIPT)] if _SCRIPT.exists() else [PYTHON, "-m", "b2c_cli"]
LABELS = ("Helt enig", "Delvis enig", "Hverken enig eller uenig", "Delvis uenig", "Helt uenig", "Ved ikke")


@dataclass
class Timing:
    seconds: list[float]
    peak_kb: int

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run(
    command: Sequence[str], repeat: int, cwd: Path | None = None, env: dict[str, str] | None = None
) -> Timing:
    """Run `command` `repeat` times as a fresh process; its wall time and peak memory."""
    seconds, peak = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        process = subprocess.Popen(
            command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
        if process.stderr:
            process.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise SystemExit(f"benchmark command failed ({code}): {' '.join(command)}\n{stderr[-2000:]}")
        seconds.append(elapsed)
        peak = max(peak, usage.ru_maxrss)
    return Timing(seconds, peak)


def statements() -> list[str]:
    """The example's survey statements, so the generated export scores against the example workbook."""
    sys.path.insert(0, str(REPO / "src"))
    from b2c_cli.models import Part3
    from b2c_cli.yamlfile import parse

    part3 = Part3.model_validate(parse((EXAMPLE / "part3-evaluation.yaml").read_bytes()).data)
    return [item.text for indicator in part3.indicators for item in indicator.items]


def make_exports(folder: Path, rows: int, columns: int) -> tuple[Path, Path]:
    """An export of `rows` respondents: the example's statements plus filler columns up to `columns`."""
    texts = statements()
    headers = [*texts, *(f"Andet spørgsmål {k}" for k in range(1, columns - len(texts) + 1))]
    rng = random.Random(7)
    pool = [[rng.choice(LABELS) for _ in headers] for _ in range(512)]  # rows repeat; values are realistic
    csv_path = folder / "export.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for index in range(rows):
            writer.writerow(pool[index % len(pool)])
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Besvarelser")
    sheet.append(headers)
    for index in range(rows):
        sheet.append(pool[index % len(pool)])
    xlsx_path = folder / "export.xlsx"
    workbook.save(xlsx_path)
    return xlsx_path, csv_path


def partnership_copy(folder: Path) -> Path:
    target = folder / "partnership"
    shutil.copytree(EXAMPLE, target, ignore=shutil.ignore_patterns("results", "reports", "questionnaire"))
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", action="store_true", help="a quick run: small data, few repeats")
    options = parser.parse_args(argv)
    small = options.small
    repeat = 2 if small else 7
    rows = 2_000 if small else 100_000
    portfolio_sizes = (20, 40) if small else (1_000, 2_000)

    sys.path.insert(0, str(HERE.parent))
    from benchmarks.tree import make_tree

    lines: list[tuple[str, str, Timing, Timing | None, str, float | None]] = []
    with tempfile.TemporaryDirectory(prefix="b2c-bench-") as temp:
        work = Path(temp)
        # As an installed b2c runs: with Python's bytecode cache (this machine's PYTHONDONTWRITEBYTECODE would
        # recompile every module of b2c on every start); each command runs once unmeasured to fill it.
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["B2C_TODAY"] = "2026-11-27"
        print(f"generating {rows:,}-row exports and portfolios of {portfolio_sizes} ...", file=sys.stderr)
        xlsx, csv_file = make_exports(work, rows, 24)
        partnership = partnership_copy(work)
        trees = {}
        for size in portfolio_sizes:
            trees[size] = work / f"tree-{size}"
            make_tree(trees[size], size)

        def measure(
            what: str,
            command: list[str],
            floor_name: str,
            floor: list[str] | None,
            goal: str,
            goal_ratio: float | None,
            cwd: Path | None = None,
            times: int = repeat,
        ) -> None:
            run(command, 1, cwd, env)  # warm-up: bytecode cache and file system cache
            if floor:
                run(floor, 1, cwd, env)
            # Command and floor take turns, so a machine that gets busier or quieter during the run moves
            # both alike rather than the ratio.
            timing, base = Timing([], 0), (Timing([], 0) if floor else None)
            for _ in range(times):
                turns = [(timing, command)] + ([(base, floor)] if base is not None and floor else [])
                for into, argv in turns:
                    one = run(argv, 1, cwd, env)
                    into.seconds += one.seconds
                    into.peak_kb = max(into.peak_kb, one.peak_kb)
            lines.append((what, floor_name, timing, base, goal, goal_ratio))
            print(f"  measured: {what}", file=sys.stderr)

        measure(
            "b2c --help",
            [*B2C, "--help"],
            'python -c "import typer"',
            [PYTHON, "-c", "import typer"],
            "<= 1.3x",
            1.3,
        )
        measure("b2c --version", [*B2C, "--version"], "python -c pass", [PYTHON, "-c", "pass"], "<= 2x", 2.0)
        measure(
            "b2c validate (example)",
            [*B2C, "validate", str(partnership)],
            'python -c "import typer, pydantic, yaml"',
            [PYTHON, "-c", "import typer, pydantic, yaml"],
            "<= 2x",
            2.0,
        )
        measure(
            "b2c status (example)",
            [*B2C, "status", str(partnership)],
            'python -c "import typer, pydantic, yaml"',
            [PYTHON, "-c", "import typer, pydantic, yaml"],
            "<= 2x",
            2.0,
        )
        example_export = EXAMPLE.parent / "exports" / "hedemarken-baseline-surveyxact.xlsx"
        measure(
            "b2c score (example, 104 respondents)",
            [
                *B2C,
                "score",
                str(example_export),
                "--dir",
                str(partnership),
                "--period",
                "baseline",
                "--dry-run",
            ],
            'python -c "import typer, pydantic, yaml"',
            [PYTHON, "-c", "import typer, pydantic, yaml"],
            "<= 2x",
            2.0,
        )
        calamine = (
            "from python_calamine import CalamineWorkbook as W; "
            f"[r for r in W.from_path({str(xlsx)!r}).get_sheet_by_index(0).iter_rows()]"
        )
        score = [*B2C, "score", str(xlsx), "--dir", str(partnership), "--period", "2027", "--dry-run"]
        measure(
            f"b2c score, {rows:,} x 24 XLSX",
            score,
            "python-calamine alone",
            [PYTHON, "-c", calamine],
            "<= 1.3x, memory <= 2x",
            1.3,
            times=max(3, repeat // 2),
        )
        csv_pass = (
            f"import csv; [r for r in csv.reader(open({str(csv_file)!r}, encoding='utf-8', newline=''))]"
        )
        score_csv = [*B2C, "score", str(csv_file), "--dir", str(partnership), "--period", "2027", "--dry-run"]
        measure(
            f"b2c score, {rows:,} x 24 CSV",
            score_csv,
            "one csv module pass",
            [PYTHON, "-c", csv_pass],
            "<= 3x",
            3.0,
            times=max(3, repeat // 2),
        )
        first = portfolio_sizes[0]
        for size in portfolio_sizes:
            command = [
                *B2C,
                "portfolio",
                str(trees[size]),
                "--format",
                "json",
                "-o",
                str(work / f"out-{size}"),
            ]
            measure(
                f"b2c portfolio, {size:,} partnerships",
                command,
                "-",
                None,
                "<= 10 s" if size == first else f"<= 2.2x of {first:,}",
                None,
                times=max(2, repeat // 3),
            )

    print()
    print(
        "| what | measured against | min / median / max (s) | floor median (s) | ratio | peak MB (floor) "
        "| goal |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- |")
    portfolio_medians: list[float] = []
    failures = []
    for what, floor_name, timing, base, goal, goal_ratio in lines:
        spread = " / ".join(
            f"{value:.3f}" for value in (min(timing.seconds), timing.median, max(timing.seconds))
        )
        ratio = ""
        memory = f"{timing.peak_kb / 1024:.0f}"
        if base is not None:
            value = timing.median / base.median
            ratio = f"{value:.2f}x"
            memory += f" ({base.peak_kb / 1024:.0f})"
            if goal_ratio is not None and value > goal_ratio:
                failures.append(what)
            if "memory" in goal and timing.peak_kb > 2 * base.peak_kb:
                failures.append(f"{what} (memory)")
        if what.startswith("b2c portfolio"):
            portfolio_medians.append(timing.median)
            if len(portfolio_medians) == 2:
                ratio = f"{portfolio_medians[1] / portfolio_medians[0]:.2f}x of {first:,}"
        base_median = f"{base.median:.3f}" if base else "-"
        print(f"| {what} | {floor_name} | {spread} | {base_median} | {ratio} | {memory} | {goal} |")
    if not small:
        if portfolio_medians and portfolio_medians[0] > 10:
            failures.append("portfolio 1,000 over 10 s")
        if len(portfolio_medians) == 2 and portfolio_medians[1] > 2.2 * portfolio_medians[0]:
            failures.append("portfolio does not scale linearly")
        print()
        print("goals missed: " + (", ".join(failures) if failures else "none"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
