"""The ESG report as an Excel workbook an ESG lead can paste from: the table as a real Excel Table
(percentages as numbers formatted as percent, frozen header, sensible widths) with a native bar chart per
indicator (baseline, each year, target); the figures behind each value; the answers per statement over the
five steps; and the annual wheel by month. Every text cell is text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.figures import Value
from b2c_cli.figures.model import Change
from b2c_cli.figures.words import label_of, note_text
from b2c_cli.i18n import tr
from b2c_cli.report.documents import ReportContext
from b2c_cli.xlsxutil import reproducible, set_text, set_value, sheet_title

PERCENT = "0%"
PERCENT_1 = "0.0%"
COUNT = "0"
ONE_DECIMAL = "0.0"
TABLE_STYLE = "TableStyleMedium2"
XLSX_FILE = "esg-report.xlsx"


def render_xlsx(context: ReportContext) -> dict[str, bytes]:
    """The ESG report as an Excel workbook."""
    return {XLSX_FILE: esg_workbook(context)}


def esg_workbook(context: ReportContext) -> bytes:
    lang = context.lang
    workbook = Workbook()
    esg = workbook.active
    assert esg is not None  # a new workbook has one sheet
    esg.title = sheet_title(tr("report-sheet-esg", lang))
    _esg_sheet(esg, context)
    _details_sheet(workbook.create_sheet(sheet_title(tr("report-sheet-details", lang))), context)
    _items_sheet(workbook.create_sheet(sheet_title(tr("report-sheet-items", lang))), context)
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
            cells.append(_level(value, percent))
        target = row.figures.target
        target_value = (
            None if target is None else (float(target.value) / 100 if percent else _number(target.value))
        )
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


def _level(value: Value | None, percent: bool) -> tuple[Any, str | None]:
    """A value as a spreadsheet number: a share as a fraction formatted as percent, or a count."""
    if value is None:
        return None, None
    if percent and value.share is not None:
        return float(value.share), PERCENT
    return (_number(value.number) if value.number is not None else None), COUNT


def _number(value: Decimal) -> int | float:
    return int(value) if value == value.to_integral_value() else float(value)


def _fraction(bound: Decimal | None) -> float | None:
    """An interval bound in percent as the fraction a percent-formatted cell holds."""
    return float(bound / 100) if bound is not None else None


def _change_cells(change: Change | None, context: ReportContext) -> list[tuple[Any, str | None]]:
    """Against which period, the difference in percentage points, its interval, significant or not; a
    change that cannot be computed (other statements) says so instead of a number."""
    lang = context.lang
    if change is None:
        return [("", None), (None, None), (None, None), (None, None), ("", None)]
    against = (label_of(context.table.figures, change.period, lang), None)
    if not change.comparable or change.difference is None or change.ci95 is None:
        return [
            against,
            (tr("report-not-comparable-short", lang), None),
            (None, None),
            (None, None),
            ("", None),
        ]
    return [
        against,
        (float(change.difference), ONE_DECIMAL),
        (float(change.ci95.low), ONE_DECIMAL),
        (float(change.ci95.high), ONE_DECIMAL),
        (tr("report-yes" if change.significant else "report-no", lang), None),
    ]


def _details_sheet(sheet: Worksheet, context: ReportContext) -> None:
    lang = context.lang
    figures = context.table.figures
    headers = [
        tr("report-col-indicator", lang),
        tr("report-col-period", lang),
        tr("report-col-n", lang),
        tr("report-col-positive", lang),
        tr("report-col-percent", lang),
        tr("report-col-ci-low", lang),
        tr("report-col-ci-high", lang),
        tr("report-col-change-against", lang),
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
        for column, figure in zip(context.table.columns, row.periods, strict=True):
            value = figure.value
            if value is None:
                continue
            row_number += 1
            change = figure.vs_base
            notes = [
                note_text(note, figures, lang) for note in row.figures.notes if note.period == column.period
            ]
            share = float(value.share) if value.share is not None else None
            cells: list[tuple[Any, str | None]] = [
                (row.indicator.name, None),
                (column.label, None),
                (value.n, COUNT),
                (value.positive, COUNT),
                (share, PERCENT_1) if share is not None else _level(value, False),
                (_fraction(value.ci95.low) if value.ci95 else None, PERCENT_1),
                (_fraction(value.ci95.high) if value.ci95 else None, PERCENT_1),
                *_change_cells(change, context),
                (" ".join(notes), None),
            ]
            for index, (cell_value, number_format) in enumerate(cells, start=1):
                set_value(sheet.cell(row=row_number, column=index), cell_value, number_format)
    _as_table(sheet, "Details", len(headers), row_number, [34, 16, 8, 9, 9, 11, 11, 18, 14, 12, 12, 11, 60])


def _items_sheet(sheet: Worksheet, context: ReportContext) -> None:
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
    row_number = 1
    for column in context.table.columns:
        for row in context.table.rows:
            figure = row.figures.at(column.period)
            for item in figure.items if figure is not None else ():
                row_number += 1
                value = item.value
                cells: list[tuple[Any, str | None]] = [
                    (column.label, None),
                    (row.indicator.name, None),
                    (item.text, None),
                    (item.column, None),
                    (tr("report-yes" if item.reverse else "report-no", lang), None),
                    *((count, COUNT) for count in item.steps),
                    (item.dont_know, COUNT),
                    (item.blank, COUNT),
                    (value.n if value else 0, COUNT),
                    (float(value.share) if value and value.share is not None else None, PERCENT_1),
                ]
                for index, (cell_value, number_format) in enumerate(cells, start=1):
                    set_value(sheet.cell(row=row_number, column=index), cell_value, number_format)
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
