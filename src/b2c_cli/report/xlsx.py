"""The ESG report as an Excel workbook an ESG lead can paste from and print: the table as a real Excel Table
(percentages as numbers formatted as percent, with the decimals the text shows: a 72.5 % target reads
72.5 %; frozen header, sensible widths) with a native chart per indicator (a bar per period with its 95 %
interval as error bars, the target as a line; "no data yet" instead of an empty chart); the figures behind
each value; the answers per statement over the five steps; the annual wheel by month; and the numbers the
charts draw. Every sheet prints on A4 landscape, one page wide, with its header row on every page, the
charts inside the print area, and the report date, the period and the page number in the footer. Every
text cell is text, never a formula."""

from __future__ import annotations

import io
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.chart import BarChart, LineChart, Reference
from openpyxl.chart.data_source import NumDataSource, NumRef
from openpyxl.chart.error_bar import ErrorBars
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.table import Table, TableStyleInfo
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.figures import Value
from b2c_cli.figures.model import Change, ItemFigure
from b2c_cli.figures.words import label_of, note_text
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.scale import DEFAULT_SCALE, Scale
from b2c_cli.report.documents import ReportContext
from b2c_cli.report.table import Row
from b2c_cli.xlsxutil import reproducible, set_text, set_value, sheet_title

PERCENT = "0%"
PERCENT_1 = "0.0%"
COUNT = "0"
ONE_DECIMAL = "0.0"
TABLE_STYLE = "TableStyleMedium2"
XLSX_FILE = "esg-report.xlsx"
FIRST_PERIOD = 4  # the ESG sheet's column D: the first period
CHART_ROWS = 15  # rows one chart takes, with a gap (6.5 cm at Excel's default row height)
CHART_COLUMNS = (1, 8)  # two charts side by side: at column A and column H, inside the table's width


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
    chart_data = workbook.create_sheet(sheet_title(tr("report-sheet-chart-data", lang)))
    _chart_data_sheet(chart_data, context)
    _method_sheet(workbook.create_sheet(sheet_title(tr("report-method-heading", lang))), context)
    last_row = _charts(esg, chart_data, context)
    for sheet in workbook.worksheets:
        _print_setup(sheet, context, last_row if sheet is esg else sheet.max_row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return reproducible(buffer.getvalue())


def _method_sheet(sheet: Worksheet, context: ReportContext) -> None:
    """The method section, a sentence per row, as in the Markdown and HTML report."""
    _header(sheet, [tr("report-method-heading", context.lang)])
    row_number = 1
    for row_number, line in enumerate(context.method, start=2):
        set_value(sheet.cell(row=row_number, column=1), line, None)
        sheet.cell(row=row_number, column=1).alignment = Alignment(wrap_text=True, vertical="top")
    _as_table(sheet, "Method", 1, row_number, [70])


def _header(sheet: Worksheet, headers: Sequence[str], row: int = 1) -> None:
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row=row, column=column)
        set_text(cell, text)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    if row == 1:
        sheet.freeze_panes = "A2"


def _as_table(
    sheet: Worksheet, name: str, columns: int, rows: int, widths: Sequence[float], first: int = 1
) -> None:
    """Make rows first..rows a real Excel Table (filters, banded rows) and widen the columns to `widths`
    (never narrowing one an earlier table on the sheet widened)."""
    reference = f"A{first}:{get_column_letter(columns)}{max(rows, first + 1)}"
    table = Table(displayName=name, ref=reference)
    table.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
    sheet.add_table(table)
    for column, width in enumerate(widths, start=1):
        dimension = sheet.column_dimensions[get_column_letter(column)]
        if first == 1 or width > (dimension.width or 0):
            dimension.width = width


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
    for index, view in enumerate(context.rows, start=2):
        row = view.row
        percent = row.indicator.kind != "count"
        cells: list[tuple[Any, str | None]] = [
            (tr(f"report-group-{row.group}", lang), None),
            (row.indicator.name, None),
            (row.target_text, None),
        ]
        for figure, text in zip(row.periods, row.texts, strict=True):
            # a period whose survey did not measure the indicator: its words ("ikke målt"), never a number
            cells.append(_level(figure.value, percent) if figure.value is not None else (text or None, None))
        cells += [
            _target(row),
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


def _target(row: Row) -> tuple[Any, str | None]:
    """The target as a number, formatted with the decimals it was written with (72.5 % stays 72.5 %)."""
    target = row.figures.target
    if target is None:
        return None, None
    if row.indicator.kind == "count":
        return _number(target.value), _decimals(target.value, COUNT)
    return float(target.value / 100), _decimals(target.value, PERCENT)


def _decimals(value: Decimal, whole: str) -> str:
    """'0%' or '0' for a whole number; '0.0%', '0.00' ... with as many decimals as `value` has."""
    places = max(0, -int(value.normalize().as_tuple().exponent))
    return whole if places == 0 else whole.replace("0", "0." + "0" * places, 1)


def _chart_data_sheet(sheet: Worksheet, context: ReportContext) -> None:
    """What the charts draw, per indicator: each period's value, how far its 95 % interval reaches above
    and below it (the error bars), and the target (the line). Numbers only; the charts refer to them."""
    lang = context.lang
    labels = [column.label for column in context.table.columns]
    headers = [
        tr("report-col-indicator", lang),
        *labels,
        *(f"{label}: {tr('report-col-ci-plus', lang)}" for label in labels),
        *(f"{label}: {tr('report-col-ci-minus', lang)}" for label in labels),
        *(f"{label}: {tr('report-col-target-line', lang)}" for label in labels),
    ]
    _header(sheet, headers)
    for number, view in enumerate(context.rows, start=2):
        row = view.row
        percent = row.indicator.kind != "count"
        values = [_level(value, percent) for value in row.values]
        above = [_reach(value, "above") for value in row.values]
        below = [_reach(value, "below") for value in row.values]
        target = _target(row)
        cells = [(row.indicator.name, None), *values, *above, *below, *([target] * len(labels))]
        for column, (value, number_format) in enumerate(cells, start=1):
            set_value(sheet.cell(row=number, column=column), value, number_format)
    widths = [34, *([16] * (len(headers) - 1))]
    _as_table(sheet, "ChartData", len(headers), len(context.rows) + 1, widths)


def _reach(value: Value | None, side: str) -> tuple[Any, str | None]:
    """How far a share's 95 % interval reaches above or below it, as a fraction (an error bar's length);
    nothing for a count or a value without an interval."""
    if value is None or value.share is None or value.ci95 is None:
        return None, None
    bound = value.ci95.high if side == "above" else value.ci95.low
    return float(abs(Fraction(bound) / 100 - value.share)), PERCENT_1


def _charts(sheet: Worksheet, data: Worksheet, context: ReportContext) -> int:
    """One chart per indicator below the table: a bar per period with its interval as error bars and
    the target as a line, or, before any value, the words "no data yet" where the chart would be.
    Returns the last row they take (the print area ends there)."""
    periods = len(context.table.columns)
    last_period = FIRST_PERIOD + periods - 1
    categories = Reference(sheet, min_col=FIRST_PERIOD, max_col=last_period, min_row=1, max_row=1)
    anchor_row = len(context.rows) + 4
    source = quote_sheetname(data.title)
    for offset, view in enumerate(context.rows):
        row_number = offset + 2
        column = CHART_COLUMNS[offset % 2]
        at = f"{get_column_letter(column)}{anchor_row + (offset // 2) * CHART_ROWS}"
        if all(value is None for value in view.row.values):
            cell = sheet[at]
            set_text(cell, f"{view.row.indicator.name}: {tr('report-no-data-yet', context.lang)}")
            cell.font = Font(italic=True, color="5B6770")
            continue
        chart = BarChart()
        chart.type = "col"
        # One line, without the characters XML cannot hold (a control character would corrupt the file).
        chart.title = " ".join(ILLEGAL_CHARACTERS_RE.sub("", view.row.indicator.name).split())[:250]
        chart.legend = None
        chart.height, chart.width = 6.5, 12
        values = Reference(sheet, min_col=FIRST_PERIOD, max_col=last_period, min_row=row_number)
        chart.add_data(values, from_rows=True, titles_from_data=False)
        chart.set_categories(categories)
        series = chart.series[0]
        if view.row.indicator.kind != "count":
            series.errBars = ErrorBars(
                errDir="y",
                errBarType="both",
                errValType="cust",
                plus=_numbers(source, row_number, 2 + periods, periods),
                minus=_numbers(source, row_number, 2 + 2 * periods, periods),
            )
        if view.row.figures.target is not None:
            line = LineChart()
            target = Reference(data, min_col=2 + 3 * periods, max_col=1 + 4 * periods, min_row=row_number)
            line.add_data(target, from_rows=True, titles_from_data=False)
            line.series[0].smooth = False
            line.series[0].graphicalProperties.line.solidFill = "C0392B"  # the HTML chart's target colour
            line.series[0].graphicalProperties.line.dashStyle = "dash"
            chart += line
        percent = view.row.indicator.kind != "count"
        chart.y_axis.number_format = PERCENT if percent else COUNT
        chart.y_axis.scaling.min = 0
        if percent:
            chart.y_axis.scaling.max = 1
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        sheet.add_chart(chart, at)
    return anchor_row + ((len(context.rows) + 1) // 2) * CHART_ROWS - 1


def _numbers(sheet: str, row: int, first: int, count: int) -> NumDataSource:
    """A chart's reference to `count` numbers in one row of another sheet."""
    start, end = get_column_letter(first), get_column_letter(first + count - 1)
    return NumDataSource(numRef=NumRef(f=f"{sheet}!${start}${row}:${end}${row}"))


def _print_setup(sheet: Worksheet, context: ReportContext, last_row: int) -> None:
    """A4 landscape, one page wide (as many pages tall as it takes), the header row on every page, the
    print area from A1 to the last column and row in use (charts included), and the footer."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    sheet.print_area = f"A1:{get_column_letter(sheet.max_column)}{max(last_row, 2)}"
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    footer = sheet.oddFooter
    assert footer is not None  # openpyxl gives every sheet one
    footer.left.text = context.footer.replace("&", "&&")  # '&' starts a code in Excel's footers
    footer.left.size = 8
    footer.right.text = tr("report-page", context.lang, page="&P", pages="&N")
    footer.right.size = 8


def _level(value: Value | None, percent: bool) -> tuple[Any, str | None]:
    """A value as a spreadsheet number: a share as a fraction formatted as percent, or a count."""
    if value is None:
        return None, None
    if percent and value.share is not None:
        return float(value.share), PERCENT
    if value.number is None:
        return None, None
    return _number(value.number), _decimals(value.number, COUNT)


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
    """The answers per statement, grouped by answer scale: each group its own Excel Table whose header gives
    that scale's steps (least to most agreeing), so an item on a 4-, 7-step or 0-10 scale has its counts
    under its own steps. The guide's five-step scale comes first; a blank row between groups."""
    lang = context.lang
    groups: dict[str, list[tuple[str, Row, ItemFigure]]] = {}
    for column in context.table.columns:
        for row in context.table.rows:
            figure = row.figures.at(column.period)
            for item in figure.items if figure is not None else ():
                groups.setdefault(item.scale, []).append((column.label, row, item))
    order = sorted(groups, key=lambda scale_id: scale_id != DEFAULT_SCALE)  # stable: else as they come
    scales = context.part3.scales()
    first_row = 1
    for number, scale_id in enumerate(order or [DEFAULT_SCALE], start=1):
        items = groups.get(scale_id, [])
        steps = _step_labels(scale_id, scales.get(scale_id), items, lang)
        headers = [
            tr("report-col-period", lang),
            tr("report-col-indicator", lang),
            tr("report-col-statement", lang),
            tr("report-col-column", lang),
            tr("report-col-reverse", lang),
            *steps,
            tr("report-col-dont-know", lang),
            tr("report-col-blank", lang),
            tr("report-col-n", lang),
            tr("report-col-percent", lang),
        ]
        _header(sheet, headers, first_row)
        row_number = first_row
        for label, row, item in items:
            row_number += 1
            value = item.value
            # below the disclosure threshold an item has no answers per step: its step cells stay empty
            counts = item.steps if len(item.steps) == len(steps) else (None,) * len(steps)
            cells: list[tuple[Any, str | None]] = [
                (label, None),
                (row.indicator.name, None),
                (item.text, None),
                (item.column, None),
                (tr("report-yes" if item.reverse else "report-no", lang), None),
                *((count, COUNT) for count in counts),
                (item.dont_know, COUNT),
                (item.blank, COUNT),
                # held back in its results file (dont_know None): no count at all, not even a 0
                (value.n if value else (0 if item.dont_know is not None else None), COUNT),
                (float(value.share) if value and value.share is not None else None, PERCENT_1),
            ]
            for index, (cell_value, number_format) in enumerate(cells, start=1):
                set_value(sheet.cell(row=row_number, column=index), cell_value, number_format)
        name = "Statements" if number == 1 else f"Statements{number}"
        # the guide's scale keeps the widths it always had (its middle label is the longest)
        step_widths = [11, 11, 13, 11, 11] if scale_id == DEFAULT_SCALE else [11] * len(steps)
        widths = [16, 30, 60, 30, 8, *step_widths, 9, 8, 7, 9]
        _as_table(sheet, name, len(headers), row_number, widths, first_row)
        first_row = max(row_number, first_row + 1) + 2


def _step_labels(
    scale_id: str, scale: Scale | None, items: Sequence[tuple[str, Row, ItemFigure]], lang: Lang
) -> list[str]:
    """A scale's step labels, least to most agreeing: the guide's words for its five-step scale, the
    scale's printed labels for another, 'Trin N' for a scale the workbook no longer declares. Made unique
    (a table's headers must differ)."""
    if scale_id == DEFAULT_SCALE:
        return [tr(f"report-step-{step}", lang) for step in (1, 2, 3, 4, 5)]
    if scale is not None:
        labels = list(reversed(scale.labels(lang)[: scale.k]))
    else:
        k = max((len(item.steps) for _, _, item in items), default=0)
        labels = [tr("report-step-n", lang, n=step) for step in range(1, k + 1)]
    seen: set[str] = set()
    unique = []
    for step, label in enumerate(labels, start=1):
        text = label if label and label not in seen else f"{label} ({step})".strip()
        seen.add(text)
        unique.append(text)
    return unique


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
