"""`b2c portfolio ROOT` as a library call: find every partnership under ROOT, sum each up (in parallel
processes when there are many: each partnership is parsed once, in one process), build the organisation's
view, and render it as Markdown, HTML, XLSX and JSON."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from b2c_cli.errors import UsageError
from b2c_cli.i18n import Lang
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.portfolio.formats import PORTFOLIO_FORMATS
from b2c_cli.portfolio.rollup import IndicatorColumn, Portfolio, build_portfolio
from b2c_cli.portfolio.summary import Summary, summarise
from b2c_cli.portfolio.view import PortfolioContext, as_dict, benchmark_views, footer_text
from b2c_cli.resources import texts
from b2c_cli.workbook.benchmarks import load_benchmarks
from b2c_cli.workbook.folder import PARTNERSHIP_FILE

OUTPUT_DIR = "portfolio"
PARALLEL_FROM = 40  # below this, starting worker processes costs more than it saves
# Folders that never hold a partnership (besides hidden ones such as .git and .venv): environments and
# caches. A partnership's own folders (surveys/, results/, ...) are never searched at all.
SKIP = frozenset({"node_modules", "__pycache__", "venv", "site-packages"})

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PortfolioRequest:
    root: Path
    today: date
    formats: tuple[str, ...] = PORTFOLIO_FORMATS.defaults
    output: Path | None = None
    lang: Lang = "da"
    year: int | None = None
    dry_run: bool = False
    workers: int | None = None  # None: one per CPU when there are many partnerships
    progress: Progress | None = None


def find_partnerships(root: Path) -> list[Path]:
    """Every folder under `root` with a b2c.yaml, not looking inside hidden or tool folders, nor inside a
    partnership (its own folders are b2c's)."""
    found: list[Path] = []
    for folder, subfolders, files in os.walk(root):
        if PARTNERSHIP_FILE in files:
            found.append(Path(folder))
            subfolders[:] = []
            continue
        subfolders[:] = sorted(d for d in subfolders if not d.startswith(".") and d not in SKIP)
    return sorted(found)


def summarise_all(
    root: Path,
    today: date,
    workers: int | None = None,
    progress: Progress | None = None,
    lang: Lang | None = None,
) -> list[Summary]:
    folders = find_partnerships(root)
    total = len(folders)
    work = partial(summarise, root, today=today, lang=lang)
    count = workers if workers is not None else (os.cpu_count() or 1)
    results: list[Summary] = []
    if count <= 1 or total < PARALLEL_FROM:
        iterator: Iterator[Summary] = map(work, folders)
        for summary in iterator:
            results.append(summary)
            if progress is not None:
                progress(len(results), total)
        return results
    context = (
        multiprocessing.get_context("fork") if "fork" in multiprocessing.get_all_start_methods() else None
    )
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        chunk = max(1, total // (count * 8))
        for summary in pool.map(work, folders, chunksize=chunk):
            results.append(summary)
            if progress is not None:
                progress(len(results), total)
    return results


def build_portfolio_files(request: PortfolioRequest) -> tuple[Portfolio, dict[str, Any], list[Written]]:
    if not request.root.is_dir():
        raise UsageError("portfolio-no-root", path=str(request.root))
    summaries = summarise_all(request.root, request.today, request.workers, request.progress, request.lang)
    portfolio = build_portfolio(summaries, request.year)
    _name_columns(portfolio, request.lang)
    data = as_dict(portfolio, request.lang)
    footer = footer_text(portfolio, request.lang)
    benchmarks = benchmark_views(load_benchmarks(request.root), portfolio, request.lang)
    context = PortfolioContext(portfolio, request.lang, data, footer, benchmarks)
    outputs = PORTFOLIO_FORMATS.render(request.formats, context)
    folder = request.output if request.output is not None else request.root / OUTPUT_DIR
    return portfolio, data, write_outputs(folder, outputs, request.dry_run)


def _name_columns(portfolio: Portfolio, lang: Lang) -> None:
    """The guide's fixed indicators by their names in the report's language (partnerships may differ)."""
    fixed = texts(lang)["fixed_indicators"]
    portfolio.columns = [
        IndicatorColumn(column.id, fixed[column.id]["name"], column.kind, column.esrs, column.partnerships)
        if column.id in fixed
        else column
        for column in portfolio.columns
    ]
    names = {column.id: column for column in portfolio.columns}
    # every other field kept as it is (a positional copy would drop a field added later)
    portfolio.rollup = [replace(row, indicator=names[row.indicator.id]) for row in portfolio.rollup]
