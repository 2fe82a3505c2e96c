"""The portfolio as data and as text: the stable JSON shape of `b2c portfolio --json` (and portfolio.json),
and each partnership's cell in the tables, from the figures the partnerships computed. Nothing here
computes a figure."""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from b2c_cli.figures import Value
from b2c_cli.figures.benchmarks import BenchmarkView, benchmark_view
from b2c_cli.figures.words import interval_text, value_text
from b2c_cli.i18n import Lang, tr
from b2c_cli.i18n import numbers as num
from b2c_cli.i18n.numbers import number
from b2c_cli.models.benchmark import Benchmark
from b2c_cli.portfolio.rollup import IndicatorColumn, Portfolio, RollupRow
from b2c_cli.portfolio.summary import Measured, Summary


@dataclass(frozen=True)
class PortfolioContext:
    """What every portfolio renderer formats."""

    portfolio: Portfolio
    lang: Lang
    data: dict[str, Any]  # as_dict(portfolio): what portfolio.json holds
    footer: str = ""  # every printed page's footer: the report date and the years covered, in words
    benchmarks: tuple[BenchmarkView, ...] = ()  # other surveys' figures (ROOT/benchmarks.yaml), kept apart


def footer_text(portfolio: Portfolio, lang: Lang) -> str:
    """'Rapportdato 2026-09-09 · Rapporteringsperiode 2025–2026': the newest date any partnership's report
    is as of, and the years of the roll-up; '' when no partnership could be read."""
    dates = [s.as_of for s in portfolio.valid if s.as_of is not None]
    if not dates:
        return ""
    day = max(dates).isoformat()
    years = [str(year) for year in portfolio.years]  # a year is a label: no thousands separator
    if not years:
        return tr("report-footer-date", lang, date=day)
    period = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
    return tr("report-footer", lang, date=day, period=period)


def benchmark_views(
    benchmarks: list[Benchmark], portfolio: Portfolio, lang: Lang
) -> tuple[BenchmarkView, ...]:
    """Each benchmark of an indicator beside the portfolio's latest pooled value of it (statements are a
    partnership's own and are not pooled: such benchmarks belong in the partnership's report)."""
    views = []
    for benchmark in benchmarks:
        if not benchmark.indicator:
            continue
        rows = [r for r in portfolio.rollup if r.indicator.id == benchmark.indicator and r.pooled is not None]
        latest = max(rows, key=lambda r: r.year, default=None)
        own = f"{value_text(latest.pooled, lang)} ({latest.year})" if latest and latest.pooled else ""
        name = next((c.name for c in portfolio.columns if c.id == benchmark.indicator), benchmark.indicator)
        views.append(benchmark_view(benchmark, name, own, lang))
    return tuple(views)


def ci_text(value: Value | None, lang: Lang) -> str:
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


def table_cell(
    portfolio: Portfolio, summary: Summary, column: IndicatorColumn, lang: Lang
) -> CellView | None:
    shown = portfolio.cells.get((summary.path, column.id))
    if (summary.path, column.id) in portfolio.not_measured:
        return CellView(tr("value-not-measured", lang), "", "")
    if shown is None:
        return None
    if shown.suppressed:
        return CellView(tr("score-suppressed", lang), "", "")
    value = shown.measured.value
    marks = {"met": "met", "not-met": "unmet"}
    n = number(value.n, lang) if value.n is not None else ""
    return CellView(value_text(value, lang), n, marks.get(shown.measured.status, ""))


def _not_measured(summary: Summary, year: int, lang: Lang) -> dict[str, Any]:
    """A partnership's latest measurement that did not measure the indicator, in the shape of a value."""
    empty = dict.fromkeys(("percent", "count", "n", "target", "met", "status"))
    return {
        "display": tr("value-not-measured", lang),
        "period": summary.periods.get(year),
        "year": year,
        "suppressed": False,
        "not_measured": True,
        **empty,
    }


def _float(value: Decimal | None) -> float | None:
    return float(value) if value is not None else None


def as_dict(portfolio: Portfolio, lang: Lang) -> dict[str, Any]:
    """The stable JSON shape of `b2c portfolio --json` (and portfolio.json)."""
    partnerships = []
    for summary in portfolio.summaries:
        values: dict[str, Any] = {}
        for column in portfolio.columns:
            shown = portfolio.cells.get((summary.path, column.id))
            gap = portfolio.not_measured.get((summary.path, column.id))
            if gap is not None:
                values[column.id] = _not_measured(summary, gap, lang)
                continue
            if shown is None:
                continue
            m = shown.measured
            values[column.id] = {
                "display": _display(m, shown.suppressed, lang),
                "period": m.period,
                "year": m.year,
                "suppressed": shown.suppressed,
                "not_measured": False,
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
        pooled, spread = row.pooled, row.spread
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
                "pooling": pooling_of(row),
                "shown": spread.partnerships if spread else None,
                "median": _float(spread.median) if spread else None,
                "min": _float(spread.low) if spread else None,
                "max": _float(spread.high) if spread else None,
                "tau2": _float(spread.tau2) if spread else None,
                "i2": _float(spread.i2) if spread else None,
                "wordings": row.wordings,
                "not_measured": row.not_measured,
                "too_few": row.too_few,
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


def spread_lines(portfolio: Portfolio, lang: Lang) -> list[str]:
    """Per indicator and year with shown shares: how many partnerships, their median and range, the met
    count, and how the pooled figure was found (DerSimonian-Laird on the logit scale with tau² and I², or one
    partnership's own value) - the rollup's own values, worded once for every document."""
    lines = []
    for row in portfolio.rollup:
        spread = row.spread
        if spread is None:
            continue
        text = tr(
            "pf-spread-line",
            lang,
            name=row.indicator.name,
            year=row.year,
            shown=spread.partnerships,
            median=num.percent(spread.median, lang, 1),
            low=num.percent(spread.low, lang, 1),
            high=num.percent(spread.high, lang, 1),
            met=row.met,
            with_target=row.with_target,
        )
        pooling = pooling_of(row)
        if pooling == "random-effects-dl-logit" and spread.tau2 is not None and spread.i2 is not None:
            text += " " + tr(
                "pf-spread-dl",
                lang,
                tau2=num.number(spread.tau2, lang, 4),
                i2=num.percent(spread.i2, lang, 1),
            )
        elif pooling == "single":
            text += " " + tr("pf-spread-single", lang)
        lines.append(text)
        if row.variants:
            listed = "; ".join(
                tr("pf-wording-variant", lang, text=" / ".join(texts), names=", ".join(names))
                for texts, names in row.variants
            )
            lines.append(tr("pf-wordings", lang, name=row.indicator.name, year=row.year, variants=listed))
    return lines


def not_measured_lines(portfolio: Portfolio, lang: Lang) -> list[str]:
    """'Tryghed, 2026: 1 partnerskab målte den ikke ...': per indicator and year, the partnerships whose
    survey did not measure it (they enter none of that row's figures)."""
    return [
        tr("pf-not-measured", lang, name=row.indicator.name, year=row.year, count=row.not_measured)
        for row in portfolio.rollup
        if row.not_measured
    ] + too_few_lines(portfolio, lang)


def too_few_lines(portfolio: Portfolio, lang: Lang) -> list[str]:
    """'Tryghed, 2026: 1 partnerskab havde for få svar ...': per indicator and year, the partnerships whose
    value is hidden (in `partnerships`, in none of the row's other figures, the met count included)."""
    return [
        tr("pf-too-few", lang, name=row.indicator.name, year=row.year, count=row.too_few)
        for row in portfolio.rollup
        if row.too_few
    ]


def pooling_of(row: RollupRow) -> str | None:
    """How the pooled percentage was found: one partnership's own value ("single"), or DerSimonian-Laird
    random effects on the logit scale over two or more ("random-effects-dl-logit")."""
    if row.pooled is None:
        return None
    return "single" if row.pooled.positive is not None else "random-effects-dl-logit"


def render_json(context: PortfolioContext) -> dict[str, bytes]:
    return {"portfolio.json": (json.dumps(context.data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")}
