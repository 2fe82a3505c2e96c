"""The example's XLSX read back with openpyxl, cell by cell: the sheets, a real Excel Table on each, numbers
stored as numbers with their formats (percent as 0.41 shown '0%'), frozen headers and widths, a native bar
chart per indicator drawn from the table itself, the answers per step as in results/*.yaml, the annual
wheel by month, and not one formula anywhere."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.chart import BarChart
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.i18n import LANGS, Lang, tr
from helpers import pct

from .kit import EXAMPLE, PART2, XLSX, load

SHEETS = {
    "da": ["ESG-tabel", "Detaljer", "Udsagn", "Årshjul"],
    "en": ["ESG table", "Details", "Statements", "Annual wheel"],
}
INDICATORS = [
    "Tilhørsforhold (versus isolation)",
    "Tillid (versus mistænksomhed)",
    "Medskabende (versus ikke-deltager)",
    "Unge i virksomhedspraktik",
    "Tryghed",
]
# Baseline, År 1, target (as the spreadsheet holds them: fractions for percent, whole numbers for counts).
VALUES: dict[str, tuple[float, float, float]] = {
    "Tilhørsforhold (versus isolation)": (0.41, 0.43, 0.85),
    "Tillid (versus mistænksomhed)": (0.45, 0.54, 0.80),
    "Medskabende (versus ikke-deltager)": (0.22, 0.31, 0.75),
    "Unge i virksomhedspraktik": (0, 4, 8),
    "Tryghed": (0.38, 0.47, 0.70),
}


@pytest.fixture(scope="module")
def books(rendered: dict[Lang, Path]) -> dict[Lang, Workbook]:
    return {lang: load_workbook(rendered[lang] / XLSX) for lang in LANGS}


def _header(sheet: Worksheet) -> list[Any]:
    return [cell.value for cell in sheet[1]]


def _rows(sheet: Worksheet) -> list[list[Any]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)]


@pytest.mark.parametrize("lang", LANGS)
def test_sheets(books: dict[Lang, Workbook], lang: Lang) -> None:
    book = books[lang]
    assert book.sheetnames == SHEETS[lang]
    keys = ("report-sheet-esg", "report-sheet-details", "report-sheet-items", "report-sheet-wheel")
    assert book.sheetnames == [tr(key, lang) for key in keys]


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_is_one_excel_table_with_a_styled_frozen_header_and_widths(
    books: dict[Lang, Workbook], lang: Lang
) -> None:
    for sheet in books[lang]:
        assert len(sheet.tables) == 1, sheet.title
        table = next(iter(sheet.tables.values()))
        assert table.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}", sheet.title
        header = _header(sheet)
        # Excel repairs a table whose column names do not match its header cells or repeat.
        assert [column.name for column in table.tableColumns] == header
        assert all(isinstance(name, str) and name for name in header)
        assert len(set(header)) == len(header)
        assert table.tableStyleInfo is not None and table.tableStyleInfo.name
        assert table.tableStyleInfo.showRowStripes
        assert all(cell.font.b for cell in sheet[1])
        assert sheet.freeze_panes == ("C2" if sheet.title == SHEETS[lang][0] else "A2")
        for column in range(1, sheet.max_column + 1):
            dimension = sheet.column_dimensions[get_column_letter(column)]
            assert dimension.customWidth and 6 <= dimension.width <= 70, (sheet.title, column)


@pytest.mark.parametrize("lang", LANGS)
def test_esg_sheet_holds_numbers_formatted_as_percent_and_counts(
    books: dict[Lang, Workbook], lang: Lang
) -> None:
    sheet = books[lang].worksheets[0]
    assert _header(sheet) == [
        tr("report-col-group", lang),
        tr("report-col-indicator", lang),
        tr("report-col-target", lang),
        "Baseline (2025)",
        f"{tr('report-year-n', lang, n=1)} (2026)",
        f"{tr('report-year-n', lang, n=2)} (2027)",
        tr("report-col-target-value", lang),
        tr("report-col-met", lang),
        tr("report-col-comment", lang),
        tr("report-col-kpi", lang),
        "ESRS",
    ]
    assert [row[1] for row in _rows(sheet)] == INDICATORS
    fixed, site = tr("report-group-fixed", lang), tr("report-group-site", lang)
    assert [row[0] for row in _rows(sheet)] == [fixed, fixed, fixed, site, site]
    for number, name in enumerate(INDICATORS, start=2):
        baseline, year1, target = (sheet.cell(number, column) for column in (4, 5, 7))
        year2 = sheet.cell(number, 6)
        expected = VALUES[name]
        count = name == "Unge i virksomhedspraktik"
        for cell, value in zip((baseline, year1, target), expected, strict=True):
            assert cell.data_type == "n"
            assert cell.value == value
            if count:
                assert type(cell.value) is int and cell.number_format == "0"
            else:
                assert type(cell.value) is float and cell.number_format == "0%"
        assert year2.value is None
        assert sheet.cell(number, 3).value == (
            f"Min. {expected[2]}" if count else f"Min. {pct(round(expected[2] * 100), lang)}"
        )
        assert sheet.cell(number, 8).value == tr("report-not-yet", lang)  # missed, but due in 2027
        assert sheet.cell(number, 11).value == f"S3 {tr('report-esrs-S3', lang)}"


def _title(chart: BarChart) -> str:
    assert chart.title is not None and chart.title.tx is not None and chart.title.tx.rich is not None
    return "".join(run.t for paragraph in chart.title.tx.rich.p for run in paragraph.r or [])


@pytest.mark.parametrize("lang", LANGS)
def test_one_bar_chart_per_indicator_from_its_row_values_and_target(
    books: dict[Lang, Workbook], lang: Lang
) -> None:
    book = books[lang]
    sheet = book.worksheets[0]
    charts = sheet._charts
    assert len(charts) == len(INDICATORS)
    assert all(not other._charts for other in book.worksheets[1:])
    quoted = f"'{sheet.title}'"
    for number, (chart, name) in enumerate(zip(charts, INDICATORS, strict=True), start=2):
        assert isinstance(chart, BarChart) and chart.type == "col"
        assert _title(chart) == name
        (series,) = chart.series
        assert series.val.numRef.f == f"{quoted}!$D${number}:$G${number}"
        categories = series.cat.strRef or series.cat.numRef  # openpyxl writes a numRef to the headings
        assert categories.f == f"{quoted}!$D$1:$G$1"
        # The range is the row's periods and its target: the headings say so.
        headings = [sheet.cell(1, column).value for column in range(4, 8)]
        assert headings[-1] == tr("report-col-target-value", lang)
        assert headings[0] == "Baseline (2025)"
        percent = name != "Unge i virksomhedspraktik"
        assert chart.y_axis.number_format.formatCode == ("0%" if percent else "0")
        assert chart.y_axis.scaling.min == 0
    # Charts sit below the table, not over it.
    assert min(chart.anchor._from.row for chart in charts) > sheet.max_row


@pytest.mark.parametrize("lang", LANGS)
def test_details_sheet_has_n_interval_and_change(books: dict[Lang, Workbook], lang: Lang) -> None:
    sheet = books[lang].worksheets[1]
    rows = {(row[0], row[1]): row for row in _rows(sheet)}
    assert len(rows) == 10
    year1 = f"{tr('report-year-n', lang, n=1)} (2026)"
    belonging = rows["Tilhørsforhold (versus isolation)", year1]
    assert belonging[2:7] == [100, 43, 0.43, 0.337, 0.528]
    assert belonging[7:12] == ["Baseline (2025)", 2, -11.5, 15.4, tr("report-no", lang)]
    assert "Tilhørsforhold (versus isolation)" in belonging[12]
    baseline = rows["Tilhørsforhold (versus isolation)", "Baseline (2025)"]
    assert baseline[2:7] == [100, 41, 0.41, 0.319, 0.508]
    assert baseline[7:12] == [None, None, None, None, None]
    counts = rows["Unge i virksomhedspraktik", year1]
    assert counts[2:5] == [None, None, 4]
    for number in range(2, sheet.max_row + 1):
        for column, form in ((3, "0"), (4, "0"), (6, "0.0%"), (7, "0.0%"), (9, "0.0")):
            cell = sheet.cell(number, column)
            if cell.value is not None:
                assert cell.number_format == form
                if form == "0":
                    assert type(cell.value) is int


@pytest.mark.parametrize("lang", LANGS)
def test_items_sheet_holds_the_answers_per_step_from_the_results(
    books: dict[Lang, Workbook], lang: Lang
) -> None:
    sheet = books[lang].worksheets[2]
    assert _header(sheet)[5:10] == [tr(f"report-step-{step}", lang) for step in (1, 2, 3, 4, 5)]
    names = {
        indicator["id"]: indicator["name"]
        for indicator in load(EXAMPLE, "part3-evaluation.yaml")["indicators"]
    }
    labels = {"baseline": "Baseline (2025)", "2026": f"{tr('report-year-n', lang, n=1)} (2026)"}
    expected = []
    for period in ("baseline", "2026"):
        for indicator in load(EXAMPLE, f"results/{period}.yaml")["indicators"]:
            for item in indicator["items"]:
                expected.append(
                    [
                        labels[period],
                        names[indicator["id"]],
                        item["text"],
                        item["column"],
                        tr("report-yes" if item["reverse"] else "report-no", lang),
                        *(item["steps"][step] for step in (1, 2, 3, 4, 5)),
                        item["dont_know"],
                        item["blank"],
                        item["n"],
                        item["positive"] / item["n"],
                    ]
                )
    assert _rows(sheet) == expected
    for row in sheet.iter_rows(min_row=2):
        assert all(type(cell.value) is int and cell.number_format == "0" for cell in row[5:13])
        assert row[13].number_format == "0.0%"
        assert sum(cell.value for cell in row[5:10]) == row[12].value  # the five steps make up n


@pytest.mark.parametrize("lang", LANGS)
def test_wheel_sheet_is_sorted_by_month(books: dict[Lang, Workbook], lang: Lang) -> None:
    sheet = books[lang].worksheets[3]
    rows = _rows(sheet)
    wheel = load(EXAMPLE, PART2)["agreement"]["annual_wheel"]
    assert len(rows) == len(wheel)
    months = {tr(f"month-{month}", lang): month for month in range(1, 13)}
    order = [months[row[0]] for row in rows]
    assert order == sorted(order) == [1, 2, 3, 6, 9, 12]
    expected = sorted(wheel, key=lambda entry: entry["date"].month if "date" in entry else entry["month"])
    assert [row[2] for row in rows] == [entry["activity"] for entry in expected]
    assert [row[4] for row in rows] == [entry["role"] for entry in expected]
    dated = sheet.cell(5, 2)
    assert dated.value == datetime(2025, 6, 21) and dated.number_format == "yyyy-mm-dd"
    assert [row[1] for row in rows].count(None) == 5
    assert rows[0][3] == tr("report-both-parties", lang, housing="Bo-Vest", company="Nortec")


@pytest.mark.parametrize("lang", LANGS)
def test_no_formula_anywhere_and_every_text_is_text(
    rendered: dict[Lang, Path], books: dict[Lang, Workbook], lang: Lang
) -> None:
    for sheet in books[lang]:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    assert cell.data_type in ("s", "inlineStr"), cell.coordinate
    with zipfile.ZipFile(io.BytesIO((rendered[lang] / XLSX).read_bytes())) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert not re.search(rb"<(?:\w+:)?f[ >/]", archive.read(name)), name
            if name == "xl/workbook.xml":
                assert not re.search(rb"<definedName[ >]", archive.read(name))
