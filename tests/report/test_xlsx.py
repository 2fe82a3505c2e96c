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
from openpyxl.chart import BarChart, LineChart
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from b2c_cli.i18n import LANGS, Lang, tr
from helpers import pct

from .kit import EXAMPLE, PART2, PART3, XLSX, edit, load, render

SHEETS = {
    "da": ["ESG-tabel", "Detaljer", "Udsagn", "Årshjul", "Diagramdata", "Metode"],
    "en": ["ESG table", "Details", "Statements", "Annual wheel", "Chart data", "Method"],
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
    keys = (
        "report-sheet-esg",
        "report-sheet-details",
        "report-sheet-items",
        "report-sheet-wheel",
        "report-sheet-chart-data",
        "report-method-heading",
    )
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
def test_one_chart_per_indicator_bars_with_intervals_and_the_target_as_a_line(
    books: dict[Lang, Workbook], lang: Lang
) -> None:
    book = books[lang]
    sheet, data = book.worksheets[0], book.worksheets[4]
    charts = sheet._charts
    assert len(charts) == len(INDICATORS)
    assert all(not other._charts for other in book.worksheets[1:])
    quoted, source = f"'{sheet.title}'", f"'{data.title}'"
    for number, (chart, name) in enumerate(zip(charts, INDICATORS, strict=True), start=2):
        assert isinstance(chart, BarChart) and chart.type == "col"
        assert _title(chart) == name
        (series,) = chart.series
        # The bars: the row's periods in the table itself, under the periods' headings.
        assert series.val.numRef.f == f"{quoted}!$D${number}:$F${number}"
        categories = series.cat.strRef or series.cat.numRef  # openpyxl writes a numRef to the headings
        assert categories.f == f"{quoted}!$D$1:$F$1"
        assert [sheet.cell(1, column).value for column in range(4, 7)] == [
            "Baseline (2025)",
            f"{tr('report-year-n', lang, n=1)} (2026)",
            f"{tr('report-year-n', lang, n=2)} (2027)",
        ]
        percent = name != "Unge i virksomhedspraktik"
        # The 95 % interval as error bars (a count has none), from the chart-data sheet.
        if percent:
            bars = series.errBars
            assert (bars.errDir, bars.errBarType, bars.errValType) == ("y", "both", "cust")
            assert bars.plus.numRef.f == f"{source}!$E${number}:$G${number}"
            assert bars.minus.numRef.f == f"{source}!$H${number}:$J${number}"
        else:
            assert series.errBars is None
        # The target as a line over every period.
        (line,) = [other for other in chart._charts if isinstance(other, LineChart)]
        (target,) = line.series
        assert target.val.numRef.f == f"{source}!$K${number}:$M${number}"
        assert chart.y_axis.number_format.formatCode == ("0%" if percent else "0")
        assert chart.y_axis.scaling.min == 0
    # Charts sit below the table, not over it.
    assert min(chart.anchor._from.row for chart in charts) > sheet.max_row


@pytest.mark.parametrize("lang", LANGS)
def test_the_chart_data_are_the_values_their_intervals_and_the_target(
    rendered: dict[Lang, Path], books: dict[Lang, Workbook], lang: Lang
) -> None:
    from b2c_cli.figures import build_figures
    from b2c_cli.survey.results import load_all
    from b2c_cli.workbook.folder import load_workbook as load_partnership

    part3 = load_partnership(EXAMPLE).part3
    assert part3 is not None
    figures = build_figures(part3, load_all(EXAMPLE, part3))
    rows = {row[0]: row for row in _rows(books[lang].worksheets[4])}
    for indicator in figures.indicators:
        row = rows[indicator.name]
        for index, figure in enumerate(indicator.periods):
            value = figure.value
            if value is None:
                assert row[1 + index] is None and row[4 + index] is None
                continue
            if value.ci95 is None:  # a count entered by hand: no error bar
                assert row[1 + index] == value.number and row[4 + index] is None
                continue
            share = float(value.share)
            assert row[1 + index] == share
            assert share + row[4 + index] == pytest.approx(float(value.ci95.high) / 100, abs=1e-12)
            assert share - row[7 + index] == pytest.approx(float(value.ci95.low) / 100, abs=1e-12)
        target = indicator.target
        assert target is not None
        expected = float(target.value) / (1 if indicator.kind == "count" else 100)
        assert row[10:13] == [expected] * 3


@pytest.mark.parametrize("lang", LANGS)
def test_every_sheet_prints_on_a4_landscape_one_page_wide(books: dict[Lang, Workbook], lang: Lang) -> None:
    for sheet in books[lang]:
        setup = sheet.page_setup
        assert (setup.orientation, int(setup.paperSize)) == ("landscape", int(sheet.PAPERSIZE_A4))
        assert (setup.fitToWidth, setup.fitToHeight) == (
            1,
            0,
        ) and sheet.sheet_properties.pageSetUpPr.fitToPage
        assert sheet.print_title_rows == "$1:$1"  # the header row on every printed page
        area = sheet.print_area
        last_column = get_column_letter(sheet.max_column)
        bottom = int(re.fullmatch(rf"'{re.escape(sheet.title)}'!\$A\$1:\${last_column}\$(\d+)", area)[1])
        assert bottom >= sheet.max_row
        # The charts lie inside the print area: they start in it and end above its last row.
        for chart in sheet._charts:
            start = chart.anchor._from
            assert start.col + 1 <= sheet.max_column and start.row + 1 < bottom
            assert start.row + 1 + 13 <= bottom  # 6.5 cm is 13 rows of Excel's default height
        footer = sheet.oddFooter
        assert footer.right.text == tr("report-page", lang, page="&P", pages="&N")
        assert footer.left.text.startswith(tr("report-footer", lang, date="2026-09-09", period="X")[:12])


def test_a_target_with_decimals_shows_them_and_an_indicator_without_data_says_so(
    example: Path, tmp_path: Path
) -> None:
    def change(data: Any) -> None:
        data["indicators"][0]["target"]["value"] = 72.5
        data["indicators"].append(
            {
                "id": "naboskab",
                "name": "Naboskab",
                "kind": "percent",
                "esrs": "S3",
                "kpi": "% der hilser på naboerne",
                "target": {"value": 60, "period": "2027"},
            }
        )

    edit(example, PART3, change)
    book = load_workbook(io.BytesIO(render(example, "--format", "xlsx", output=tmp_path)[XLSX]))
    sheet = book.worksheets[0]
    target = sheet.cell(2, 7)
    assert (target.value, target.number_format) == (0.725, "0.0%")  # reads 72.5 %, as the text says
    assert sheet.cell(2, 3).value == "Min. 72,5 %"
    assert sheet.cell(3, 7).number_format == "0%"  # 80 % stays whole
    # Six indicators, five charts: the new one has no value yet, and says so where its chart would be.
    assert len(sheet._charts) == 5
    said = [cell.value for row in sheet.iter_rows(min_row=8) for cell in row if isinstance(cell.value, str)]
    assert said == [f"Naboskab: {tr('report-no-data-yet', 'da')}"]


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
                # The only names are Excel's own print settings, each a plain range, never a formula.
                names = re.findall(rb"<definedName ([^>]*)>([^<]*)</definedName>", archive.read(name))
                for attributes, value in names:
                    assert re.search(rb'name="_xlnm\.Print_(?:Area|Titles)"', attributes), attributes
                    assert re.fullmatch(rb"'[^']+'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+|'[^']+'!\$1:\$1", value), value
