"""Benchmarks: a benchmark file (YAML or CSV) adds a comparison table to the report and the portfolio,
marked as another survey; the partnership's own figures and target status do not change."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"


def _partnership(tmp_path: Path, *, benchmarks: bool = True) -> Path:
    folder = tmp_path / "org" / "hedemarken"
    ignore = shutil.ignore_patterns("reports", *([] if benchmarks else ["benchmarks.yaml"]))
    shutil.copytree(EXAMPLE, folder, ignore=ignore)
    return folder


def _report(run: Any, folder: Path) -> str:
    result = run("report", folder, "--format", "md,html")
    assert result.exit_code == 0, result.stderr
    return (folder / "reports" / "esg-report.md").read_text("utf-8")


def _table(text: str) -> str:
    """The guide's table (up to the notes), where only the partnership's own figures belong."""
    section = text.split("\n## ")[1]
    return "\n".join(line for line in section.split("\n\n")[1].splitlines() if line.startswith("|"))


def test_the_example_benchmark_is_a_column_of_its_own(run: Any, tmp_path: Path) -> None:
    with_file = _report(run, _partnership(tmp_path / "a"))
    without = _report(run, _partnership(tmp_path / "b", benchmarks=False))
    assert "Sammenligning med andre undersøgelser" in with_file
    assert "Sammenligning med andre undersøgelser" not in without
    row = next(line for line in with_file.splitlines() if line.startswith("| Tryghed | 4"))
    assert "| 74 % |" in row and "n = 26.088" in row and "https://dagensbyggeri.dk/" in row
    assert "andet spørgeskema" in with_file
    # The partnership's own table and target status are the same with and without the benchmark.
    assert _table(with_file) == _table(without)
    assert "| Tryghed |" in _table(with_file) and "74 %" not in _table(with_file)


def test_a_csv_benchmark_file_with_a_statement(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path, benchmarks=False)
    statement = "Jeg føler mig tryg, når jeg går rundt i Hedemarken om aftenen"
    (folder / "benchmarks.csv").write_text(
        "statement;figure;population;source;year;url\n"
        f"{statement};81,5;Hele landet;Anden undersøgelse;2024;https://example.org/a\n",
        "utf-8",
    )
    text = _report(run, folder)
    row = next(line for line in text.splitlines() if line.startswith(f"| {statement} |"))
    assert "| 81,5 % |" in row and "(2024)" in row
    html = (folder / "reports" / "esg-report.html").read_text("utf-8")
    # The source's address as text: the HTML report links to nothing outside itself.
    assert "example.org/a" in html and "https://" not in html and "<a " not in html


def test_a_broken_benchmark_file_is_an_input_error_naming_file_and_line(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path, benchmarks=False)
    (folder / "benchmarks.csv").write_text(
        "indicator,figure,population,source,year\ntryghed,74,Alle,LBF,2023\ntryghed,,Alle,LBF,2023\n", "utf-8"
    )
    before = sorted(p.name for p in folder.rglob("*"))
    result = run("report", folder, "--format", "md")
    assert result.exit_code == 3
    assert "benchmarks.csv:3" in result.stderr and "figure" in result.stderr
    assert "Traceback" not in result.stderr
    assert sorted(p.name for p in folder.rglob("*")) == before
    (folder / "benchmarks.csv").unlink()
    (folder / "benchmarks.yaml").write_text(
        "benchmarks:\n  - indicator: tryghed\n    figure: 74\n    population: Alle\n    source: LBF\n"
        "    year: 2023\n    url: javascript:alert(1)\n",
        "utf-8",
    )
    result = run("report", folder, "--format", "html")
    assert result.exit_code == 3 and "benchmarks.yaml:" in result.stderr


def test_the_portfolio_shows_a_benchmark_beside_the_pooled_figure(run: Any, tmp_path: Path) -> None:
    folder = _partnership(tmp_path, benchmarks=False)
    root = folder.parent
    shutil.copyfile(EXAMPLE / "benchmarks.yaml", root / "benchmarks.yaml")
    result = run("portfolio", root, "--format", "md")
    assert result.exit_code == 0, result.stderr
    text = (root / "portfolio" / "portfolio.md").read_text("utf-8")
    assert "Sammenligning med andre undersøgelser" in text
    row = next(line for line in text.splitlines() if line.startswith("| Tryghed |") and "74 %" in line)
    assert "(2026)" in row
