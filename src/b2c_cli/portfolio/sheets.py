"""The portfolio as an Excel workbook: the partnerships with their latest values, the roll-up per
indicator and year, and the partnerships that could not be read, each sheet a real Excel Table."""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.figures.words import status_text
from b2c_cli.i18n import Lang, tr
from b2c_cli.portfolio.rollup import Portfolio, RollupRow
from b2c_cli.portfolio.view import PortfolioContext, pooling_of
from b2c_cli.xlsxutil import reproducible, set_text, set_value, sheet_title

PERCENT = "0%"
PERCENT_1 = "0.0%"


def _sheet(sheet: Worksheet, name: str, headers: list[str], rows: list[list[tuple[Any, str | None]]]) -> None:
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.column_dimensions[get_column_letter(column)].width = max(10, min(40, len(text) + 4))
    for number, row in enumerate(rows, start=2):
        for column, (value, number_format) in enumerate(row, start=1):
            set_value(sheet.cell(row=number, column=column), value, number_format)
    table = Table(displayName=name, ref=f"A1:{get_column_letter(len(headers))}{max(len(rows) + 1, 2)}")
    table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
    sheet.add_table(table)
    sheet.freeze_panes = "B2"


def _number(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _pooling_name(row: RollupRow, lang: Lang) -> str | None:
    pooling = pooling_of(row)
    return tr(f"pf-pooling-{pooling}", lang) if pooling is not None else None


def render_xlsx(context: PortfolioContext) -> dict[str, bytes]:
    return {"portfolio.xlsx": portfolio_workbook(context.portfolio, context.lang)}


def portfolio_workbook(portfolio: Portfolio, lang: Lang) -> bytes:
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = sheet_title(tr("pf-sheet-partnerships", lang))

    headers = [
        tr("pf-col-partnership", lang),
        tr("pf-col-folder", lang),
        tr("report-party-housing", lang),
        tr("report-party-company", lang),
        tr("report-area", lang),
        tr("pf-col-size", lang),
        tr("pf-col-latest", lang),
        tr("pf-col-steps", lang),
    ]
    for column in portfolio.columns:
        headers += [column.name, f"{column.name}: n", f"{column.name}: {tr('report-col-met', lang)}"]
    rows: list[list[tuple[Any, str | None]]] = []
    for summary in portfolio.valid:
        row: list[tuple[Any, str | None]] = [
            (summary.name, None),
            (summary.path, None),
            (summary.housing, None),
            (summary.company, None),
            (summary.area, None),
            (tr(f"report-size-{summary.size}", lang) if summary.size else "", None),
            (summary.latest_period(portfolio.year) or "", None),
            (f"{summary.steps_done}/{summary.steps_total}", None),
        ]
        for column in portfolio.columns:
            shown = portfolio.cells.get((summary.path, column.id))
            if (summary.path, column.id) in portfolio.not_measured:
                row += [(tr("value-not-measured", lang), None), (None, None), ("", None)]
            elif shown is None:
                row += [(None, None), (None, None), ("", None)]
            elif shown.suppressed:
                row += [(tr("score-suppressed", lang), None), (None, None), ("", None)]
            else:
                m = shown.measured
                value = m.value
                cell = (
                    (float(value.share), PERCENT) if value.share is not None else (_number(value.number), "0")
                )
                row += [cell, (value.n, "0"), (status_text(m.status, lang), None)]
        rows.append(row)
    _sheet(first, "Partnerships", headers, rows)

    rollup = workbook.create_sheet(sheet_title(tr("pf-sheet-rollup", lang)))
    headers = [
        tr("report-col-indicator", lang),
        "ESRS",
        tr("pf-col-year", lang),
        tr("pf-col-measuring", lang),
        tr("pf-col-met", lang),
        tr("pf-col-pooled", lang),
        tr("report-col-ci-low", lang),
        tr("report-col-ci-high", lang),
        tr("report-col-n", lang),
        tr("pf-col-median", lang),
        tr("pf-col-min", lang),
        tr("pf-col-max", lang),
        "τ²",
        "I²",
        tr("pf-col-pooling", lang),
        tr("pf-col-total", lang),
        tr("pf-col-not-measured", lang),
        tr("pf-col-too-few", lang),
    ]
    rows = []
    for r in portfolio.rollup:
        spread = r.spread
        ci = r.pooled.ci95 if r.pooled else None
        share = float(r.pooled.share) if r.pooled and r.pooled.share is not None else None
        rows.append(
            [
                (r.indicator.name, None),
                (r.indicator.esrs, None),
                (r.year, "0"),
                (r.partnerships, "0"),
                (f"{r.met}/{r.with_target}", None),
                (
                    share
                    if share is not None
                    else (tr("score-suppressed", lang) if r.pooled_hidden else None),
                    PERCENT_1,
                ),
                (float(ci.low / 100) if ci else None, PERCENT_1),
                (float(ci.high / 100) if ci else None, PERCENT_1),
                (r.pooled.n if r.pooled else None, "0"),
                (float(spread.median / 100) if spread else None, PERCENT_1),
                (float(spread.low / 100) if spread else None, PERCENT_1),
                (float(spread.high / 100) if spread else None, PERCENT_1),
                (float(spread.tau2) if spread and spread.tau2 is not None else None, "0.0000"),
                (float(spread.i2 / 100) if spread and spread.i2 is not None else None, PERCENT_1),
                (_pooling_name(r, lang), None),
                (_number(r.total), "0"),
                (r.not_measured, "0"),
                (r.too_few, "0"),
            ]
        )
    _sheet(rollup, "Rollup", headers, rows)

    broken = workbook.create_sheet(sheet_title(tr("pf-sheet-problems", lang)))
    headers = [tr("pf-col-folder", lang), tr("pf-col-location", lang), tr("pf-col-problem", lang)]
    rows = [
        [(summary.path, None), (problem.location, None), (problem.message, None)]
        for summary in portfolio.broken
        for problem in summary.problems
    ]
    _sheet(broken, "Problems", headers, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())
