"""The ESG report as an Excel workbook an ESG lead can paste from: the table as a real Excel Table
(percentages as numbers formatted as percent, frozen header, sensible widths) with a native bar chart per
indicator (baseline, each year, target); the figures behind each value; the answers per statement over the
five steps; and the annual wheel by month. Every text cell is text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.i18n import tr
from b2c_cli.models.results import Results
from b2c_cli.report.documents import ReportContext
from b2c_cli.xlsxutil import reproducible, set_text, set_value, sheet_title

PERCENT = "0%"
PERCENT_1 = "0.0%"
COUNT = "0"
ONE_DECIMAL = "0.0"
TABLE_STYLE = "TableStyleMedium2"


def render_xlsx(context: ReportContext, results: dict[str, Results]) -> bytes:
    lang = context.lang
    workbook = Workbook()
    esg = workbook.active
    assert esg is not None  # a new workbook has one sheet
    esg.title = sheet_title(tr("report-sheet-esg", lang))
    _esg_sheet(esg, context)
    _details_sheet(workbook.create_sheet(sheet_title(tr("report-sheet-details", lang))), context)
    _items_sheet(workbook.create_sheet(sheet_title(tr("report-sheet-items", lang))), context, results)
    _wheel_sheet(workbook.create_sheet(sheet_title(tr("report-sheet-wheel", lang))), context)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())


def _header(sheet: Worksheet, headers: Sequence[str]) -> None:
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=1, column=column)
        set_text(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"


def _as_table(sheet: Worksheet, name: str, columns: int, rows: int, widths: Sequence[float]) -> None:
    """Make rows 1..rows a real Excel Table (filters, banded rows) and set the column widths."""
    reference = f"A1:{get_column_letter(columns)}{max(rows, 2)}"
    table = Table(displayName=name, ref=reference)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    sheet.add_table(table)
    for column, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width


def _esg_sheet(sheet: Worksheet, context: ReportContext) -> None:
    lang = context.lang
    periods = context.table.columns
    headers = [
        tr("report-col-group", lang),
        tr("report-col-indicator", lang),
        tr("report-col-target", lang),
        *(column.label for column in periods),
        tr("report-col-target-value", lang),
        tr("report-col-met", lang),
        tr("report-col-comment", lang),
        tr("report-col-kpi", lang),
        "ESRS",
    ]
    _header(sheet, headers)
    first_period = 4
    target_column = first_period + len(periods)
    for index, view in enumerate(context.rows, start=2):
        row = view.row
        percent = row.indicator.kind != "count"
        cells: list[tuple[Any, str | None]] = [
            (tr(f"report-group-{row.group}", lang), None),
            (row.indicator.name, None),
            (row.target_text, None),
        ]
        for value in row.values:
            if value is None:
                cells.append((None, None))
            elif percent:
                cells.append((value.share, PERCENT))
            else:
                cells.append((value.number, COUNT))
        target = row.indicator.target
        target_value = None if target is None else (target.value / 100 if percent else target.value)
        cells += [
            (target_value, PERCENT if percent else COUNT),
            (view.met, None),
            (row.comment, None),
            (row.indicator.kpi, None),
            (f"{row.indicator.esrs} {tr(f'report-esrs-{row.indicator.esrs}', lang)}", None),
        ]
        for column, (value, number_format) in enumerate(cells, start=1):
            cell = sheet.cell(row=index, column=column)
            set_value(cell, value, number_format)
            cell.alignment = Alignment(wrap_text=isinstance(value, str), vertical="top")
    last_row = len(context.rows) + 1
    widths = [18, 34, 14, *([14] * len(periods)), 11, 10, 30, 40, 26]
    _as_table(sheet, "EsgTable", len(headers), last_row, widths)
    sheet.freeze_panes = "C2"
    _charts(sheet, context, first_period, target_column, last_row)


def _charts(sheet: Worksheet, context: ReportContext, first: int, target: int, last_row: int) -> None:
    """One clustered bar chart per indicator: its period values and its target, from the table itself."""
    categories = Reference(sheet, min_col=first, max_col=target, min_row=1, max_row=1)
    anchor_row = last_row + 3
    for offset, view in enumerate(context.rows):
        row_number = offset + 2
        chart = BarChart()
        chart.type = "col"
        # One line, without the characters XML cannot hold (a control character would corrupt the file).
        chart.title = " ".join(ILLEGAL_CHARACTERS_RE.sub("", view.row.indicator.name).split())[:250]
        chart.legend = None
        chart.height, chart.width = 6.5, 12
        data = Reference(sheet, min_col=first, max_col=target, min_row=row_number, max_row=row_number)
        chart.add_data(data, from_rows=True, titles_from_data=False)
        chart.set_categories(categories)
        percent = view.row.indicator.kind != "count"
        chart.y_axis.number_format = PERCENT if percent else COUNT
        chart.y_axis.scaling.min = 0
        if percent:
            chart.y_axis.scaling.max = 1
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        column = 1 if offset % 2 == 0 else 8
        sheet.add_chart(chart, f"{get_column_letter(column)}{anchor_row + (offset // 2) * 14}")


def _details_sheet(sheet: Worksheet, context: ReportContext) -> None:
    lang = context.lang
    headers = [
        tr("report-col-indicator", lang),
        tr("report-col-period", lang),
        tr("report-col-n", lang),
        tr("report-col-positive", lang),
        tr("report-col-percent", lang),
        tr("report-col-ci-low", lang),
        tr("report-col-ci-high", lang),
        tr("report-col-change", lang),
        tr("report-col-change-low", lang),
        tr("report-col-change-high", lang),
        tr("report-col-significant", lang),
        tr("report-col-notes", lang),
    ]
    _header(sheet, headers)
    row_number = 1
    for view in context.rows:
        row = view.row
        for column, value in zip(context.table.columns, row.values, strict=True):
            if value is None:
                continue
            row_number += 1
            change = value.change
            notes = [note for note in row.notes if f", {column.label}:" in note]
            cells: list[tuple[Any, str | None]] = [
                (row.indicator.name, None),
                (column.label, None),
                (value.n, COUNT),
                (value.positive, COUNT),
                (
                    value.share if value.share is not None else value.number,
                    PERCENT_1 if value.share is not None else COUNT,
                ),
                (round(value.ci95[0] / 100, 4) if value.ci95 else None, PERCENT_1),
                (round(value.ci95[1] / 100, 4) if value.ci95 else None, PERCENT_1),
                (change.difference if change else None, ONE_DECIMAL),
                (change.ci95[0] if change else None, ONE_DECIMAL),
                (change.ci95[1] if change else None, ONE_DECIMAL),
                (tr("report-yes" if change.significant else "report-no", lang) if change else "", None),
                (" ".join(notes), None),
            ]
            for index, (cell_value, number_format) in enumerate(cells, start=1):
                set_value(sheet.cell(row=row_number, column=index), cell_value, number_format)
    _as_table(sheet, "Details", len(headers), row_number, [34, 16, 8, 9, 9, 11, 11, 14, 12, 12, 11, 60])


def _items_sheet(sheet: Worksheet, context: ReportContext, results: dict[str, Results]) -> None:
    lang = context.lang
    headers = [
        tr("report-col-period", lang),
        tr("report-col-indicator", lang),
        tr("report-col-statement", lang),
        tr("report-col-column", lang),
        tr("report-col-reverse", lang),
        *(tr(f"report-step-{step}", lang) for step in (1, 2, 3, 4, 5)),
        tr("report-col-dont-know", lang),
        tr("report-col-blank", lang),
        tr("report-col-n", lang),
        tr("report-col-percent", lang),
    ]
    _header(sheet, headers)
    labels = {column.period: column.label for column in context.table.columns}
    names = {indicator.id: indicator.name for indicator in context.part3.indicators}
    row_number = 1
    for period, result in results.items():
        for indicator in result.indicators:
            for item in indicator.items:
                row_number += 1
                share = item.positive / item.n if item.n else None
                cells: list[tuple[Any, str | None]] = [
                    (labels.get(period, period), None),
                    (names.get(indicator.id, indicator.id), None),
                    (item.text, None),
                    (item.column, None),
                    (tr("report-yes" if item.reverse else "report-no", lang), None),
                    *((item.steps.get(step, 0), COUNT) for step in (1, 2, 3, 4, 5)),
                    (item.dont_know, COUNT),
                    (item.blank, COUNT),
                    (item.n, COUNT),
                    (share, PERCENT_1),
                ]
                for index, (value, number_format) in enumerate(cells, start=1):
                    set_value(sheet.cell(row=row_number, column=index), value, number_format)
    _as_table(
        sheet, "Statements", len(headers), row_number, [16, 30, 60, 30, 8, 11, 11, 13, 11, 11, 9, 8, 7, 9]
    )


def _wheel_sheet(sheet: Worksheet, context: ReportContext) -> None:
    lang = context.lang
    headers = [
        tr("report-col-month", lang),
        tr("report-col-date", lang),
        tr("report-col-activity", lang),
        tr("report-col-responsible", lang),
        tr("report-col-role", lang),
        tr("report-col-initiative", lang),
    ]
    _header(sheet, headers)
    row_number = 1
    for entry in context.agreement.wheel:
        row_number += 1
        cells: list[tuple[Any, str | None]] = [
            (entry.month_name, None),
            (entry.date, "yyyy-mm-dd"),
            (entry.activity, None),
            (entry.responsible, None),
            (entry.role, None),
            (entry.initiative, None),
        ]
        for index, (value, number_format) in enumerate(cells, start=1):
            set_value(sheet.cell(row=row_number, column=index), value, number_format)
    _as_table(sheet, "AnnualWheel", len(headers), row_number, [12, 12, 44, 22, 50, 28])
