"""`b2c portfolio ROOT` as a library call: find every partnership under ROOT, sum each up (in parallel
processes when there are many: each partnership is parsed once, in one process), build the organisation's
view, and render it as Markdown, HTML, XLSX and JSON."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

from b2c_cli.errors import UsageError
from b2c_cli.figures import Value
from b2c_cli.figures.words import interval_text, value_text
from b2c_cli.i18n import Lang, tr
from b2c_cli.i18n.numbers import number
from b2c_cli.outputs import Written, write_outputs
from b2c_cli.portfolio.rollup import IndicatorColumn, Portfolio, RollupRow, build_portfolio
from b2c_cli.portfolio.summary import Measured, Summary, summarise
from b2c_cli.rendering import environment
from b2c_cli.resources import texts
from b2c_cli.workbook.folder import PARTNERSHIP_FILE

FORMATS = ("md", "html", "xlsx", "json")
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
    formats: tuple[str, ...] = FORMATS
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
    outputs: dict[str, bytes] = {}
    if "json" in request.formats:
        outputs["portfolio.json"] = (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    if "md" in request.formats or "html" in request.formats:
        env = environment("report")
        lang = request.lang
        env.globals["tr"] = lambda key, **params: tr(key, lang, **params)
        env.filters["pct"] = lambda value: value_text(value, lang) if value is not None else ""
        env.filters["ci"] = lambda value: _ci_text(value, lang)
        env.filters["count"] = lambda value: number(value, lang)
        env.globals["cell"] = lambda summary, column: _cell(portfolio, summary, column, lang)
        for kind in ("md", "html"):
            if kind in request.formats:
                template = env.get_template(f"portfolio.{kind}.j2")
                outputs[f"portfolio.{kind}"] = template.render(pf=portfolio, lang=lang).encode("utf-8")
    if "xlsx" in request.formats:
        from b2c_cli.portfolio.sheets import portfolio_workbook

        outputs["portfolio.xlsx"] = portfolio_workbook(portfolio, request.lang)
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
    portfolio.rollup = [
        RollupRow(
            names[row.indicator.id],
            row.year,
            row.partnerships,
            row.with_target,
            row.met,
            row.pooled,
            row.pooled_hidden,
            row.total,
        )
        for row in portfolio.rollup
    ]


def _ci_text(value: Value | None, lang: Lang) -> str:
    return interval_text(value, lang) if value is not None else ""


def _display(m: Measured, suppressed: bool, lang: Lang) -> str:
    """The value as the guide prints it ('41 %', rounded half up from the counts), or a count."""
    return tr("score-suppressed", lang) if suppressed else value_text(m.value, lang)


@dataclass(frozen=True)
class CellView:
    """A partnership's latest value in the portfolio's table: '41 %', its n, and a mark for its target."""

    text: str
    n: str  # '' without an n, or when hidden
    mark: str  # 'met', 'unmet' (missed at or after the target's period) or ''


def _cell(portfolio: Portfolio, summary: Summary, column: IndicatorColumn, lang: Lang) -> CellView | None:
    shown = portfolio.cells.get((summary.path, column.id))
    if shown is None:
        return None
    if shown.suppressed:
        return CellView(tr("score-suppressed", lang), "", "")
    value = shown.measured.value
    marks = {"met": "met", "not-met": "unmet"}
    n = number(value.n, lang) if value.n is not None else ""
    return CellView(value_text(value, lang), n, marks.get(shown.measured.status, ""))


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def as_dict(portfolio: Portfolio, lang: Lang) -> dict[str, Any]:
    """The stable JSON shape of `b2c portfolio --json` (and portfolio.json)."""
    partnerships = []
    for summary in portfolio.summaries:
        values: dict[str, Any] = {}
        for column in portfolio.columns:
            shown = portfolio.cells.get((summary.path, column.id))
            if shown is None:
                continue
            m = shown.measured
            values[column.id] = {
                "display": _display(m, shown.suppressed, lang),
                "period": m.period,
                "year": m.year,
                "suppressed": shown.suppressed,
                "percent": None if shown.suppressed else _float(m.value.percent),
                "count": None if shown.suppressed else _float(m.value.number),
                "n": None if shown.suppressed else m.value.n,
                "target": _float(m.target.value) if m.target else None,
                "met": None if shown.suppressed else m.met,
                "status": None if shown.suppressed else m.status,
            }
        partnerships.append(
            {
                "path": summary.path,
                "name": summary.name,
                "housing": summary.housing,
                "company": summary.company,
                "area": summary.area,
                "size": summary.size,
                "valid": summary.valid,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "problems": [
                    {"location": p.location, "code": p.code, "message": p.message} for p in summary.problems
                ],
                "latest_period": summary.latest_period(portfolio.year),
                "next_step": summary.next_step.removeprefix("step-") if summary.next_step else None,
                "steps_done": summary.steps_done,
                "steps_total": summary.steps_total,
                "indicators": values,
            }
        )
    rollup = []
    for row in portfolio.rollup:
        pooled = row.pooled
        rollup.append(
            {
                "indicator": row.indicator.id,
                "name": row.indicator.name,
                "esrs": row.indicator.esrs,
                "year": row.year,
                "partnerships": row.partnerships,
                "with_target": row.with_target,
                "met_target": row.met,
                "positive": pooled.positive if pooled else None,
                "n": pooled.n if pooled else None,
                "percent": _float(pooled.percent) if pooled else None,
                "ci95": [float(pooled.ci95.low), float(pooled.ci95.high)] if pooled and pooled.ci95 else None,
                "suppressed": row.pooled_hidden,
                "total": _float(row.total),
            }
        )
    return {
        "threshold": portfolio.threshold,
        "year": portfolio.year,
        "partnerships": partnerships,
        "valid": len(portfolio.valid),
        "broken": len(portfolio.broken),
        "rollup": rollup,
    }
