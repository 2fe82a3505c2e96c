"""One figure, one computation: the example rendered in every format - the report's Markdown, HTML and
XLSX, `b2c score --json` and its terminal table, and the portfolio's JSON, Markdown, HTML and XLSX - shows
each share, interval, change and target status exactly as the figures layer computed it, in both languages.
The expected values come from `build_figures`; what each output shows is read back from its own bytes."""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from b2c_cli.figures import Figures, build_figures
from b2c_cli.figures.words import period_label, status_text, target_text, value_text
from b2c_cli.i18n import Lang, numbers, tr
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook as load_partnership
from helpers import REPO
from portfolio.kit import html_rows, portfolio, xlsx_sheets
from report.kit import XLSX, copy_example, footnotes, read_html, render, table_after

EXPORTS = REPO / "examples" / "exports"


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_example(tmp_path_factory.mktemp("one-figure") / "hedemarken")


@pytest.fixture(scope="module")
def figures(example: Path) -> Figures:
    part3 = load_partnership(example).part3
    assert part3 is not None
    return build_figures(part3, load_all(example, part3))


def _measured(figures: Figures) -> list[tuple[Any, Any]]:
    return [(i, p) for i in figures.indicators for p in i.periods if p.value is not None]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_report_in_markdown_html_and_xlsx(
    example: Path, figures: Figures, lang: Lang, tmp_path: Path
) -> None:
    files = render(example, "--lang", lang, output=tmp_path)
    text = files["esg-report.md"].decode("utf-8")
    rows = {row[1]: row for row in table_after(text, f"## {tr('report-table-heading', lang)}")[1:]}
    notes = footnotes(text)
    html = files["esg-report.html"].decode("utf-8")
    html_cells = " ".join(read_html(html).text)
    book = load_workbook(io.BytesIO(files[XLSX]))
    esg, details = book.worksheets[0], book.worksheets[1]
    esg_rows = {row[1].value: row for row in esg.iter_rows(min_row=2)}
    detail_rows = {(row[0].value, row[1].value): row for row in details.iter_rows(min_row=2)}
    labels = [period_label(p, lang) for p in figures.periods]
    assert [c.value for c in esg[1]][3:6] == labels
    for indicator in figures.indicators:
        row = rows[indicator.name]
        assert row[2] == target_text(indicator, lang)
        status = status_text(indicator.target.status if indicator.target else None, lang)
        assert row[6] == status and esg_rows[indicator.name][7].value == status
        for index, figure in enumerate(indicator.periods):
            cell = row[3 + index]
            if figure.value is None:
                assert cell == ""
                continue
            shown = value_text(figure.value, lang)
            assert cell.split("[^")[0] == shown
            assert f">{shown}<sup>" in html
            note = notes[int(cell.split("[^")[1].rstrip("]"))]
            xlsx_value = esg_rows[indicator.name][3 + index].value
            detail = detail_rows[(indicator.name, labels[index])]
            if figure.value.share is not None:
                assert xlsx_value == float(figure.value.share)
                assert detail[4].value == float(figure.value.share)
            else:
                assert xlsx_value == figure.value.number
            if figure.value.ci95 is not None:
                interval = numbers.interval(figure.value.ci95.low, figure.value.ci95.high, lang)
                assert interval in note and interval in html_cells
                assert detail[5].value == pytest.approx(float(figure.value.ci95.low) / 100, abs=1e-12)
                assert detail[6].value == pytest.approx(float(figure.value.ci95.high) / 100, abs=1e-12)
            change = figure.vs_base
            if change is not None and change.difference is not None and change.ci95 is not None:
                points = numbers.points(change.difference, lang)
                bounds = (numbers.signed(change.ci95.low, lang), numbers.signed(change.ci95.high, lang))
                assert points in note and all(bound in note for bound in bounds)
                assert detail[8].value == float(change.difference)
                assert (detail[9].value, detail[10].value) == (
                    float(change.ci95.low),
                    float(change.ci95.high),
                )
                significant = tr("report-yes" if change.significant else "report-no", lang)
                assert detail[11].value == significant
    # No other percentage appears in the table than the figures' own.
    shown = {value_text(p.value, lang) for _, p in _measured(figures)} | {
        target_text(i, lang).split(" ", 1)[1] for i in figures.indicators if i.target
    }
    table_text = "\n".join("|".join(row[2:6]) for row in rows.values())
    for found in re.findall(r"\d+(?:[.,]\d+)?\s?%", table_text):
        assert found in shown, found


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_score_table_and_its_json(example: Path, figures: Figures, lang: Lang, run: Any) -> None:
    export = example / "surveys" / "2026.csv"
    shutil.copyfile(EXPORTS / "hedemarken-2026-google-forms.csv", export)
    as_json = run("score", export, "--dir", example, "--period", "2026", "--json", "--lang", lang)
    assert as_json.exit_code == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    table = run("score", export, "--dir", example, "--period", "2026", "--lang", lang)
    assert table.exit_code == 0, table.stderr
    lines = {line.split("│")[1].strip(): line for line in table.stdout.splitlines() if "│" in line}
    for entry in data["indicators"]:
        indicator = figures.indicator(entry["id"])
        assert indicator is not None
        figure = indicator.at("2026")
        value = figure.value
        assert (entry["positive"], entry["n"], entry["percent"]) == (
            value.positive,
            value.n,
            float(value.percent),
        )
        assert entry["ci95"] == [float(value.ci95.low), float(value.ci95.high)]
        (change,) = figure.changes
        assert entry["changes"][0]["difference"] == float(change.difference)
        assert entry["changes"][0]["ci95"] == [float(change.ci95.low), float(change.ci95.high)]
        assert entry["changes"][0]["significant"] is change.significant
        line = lines[indicator.name]
        assert f" {value_text(value, lang)} " in line
        assert numbers.interval(value.ci95.low, value.ci95.high, lang) in line
        assert numbers.signed(change.difference, lang) in line


@pytest.mark.parametrize("lang", ["da", "en"])
def test_the_portfolio_in_every_format(example: Path, figures: Figures, lang: Lang, tmp_path: Path) -> None:
    root = tmp_path / "root"
    shutil.copytree(example, root / "hedemarken", ignore=shutil.ignore_patterns("reports", "surveys"))
    result = portfolio(root, "--lang", lang, "-o", tmp_path / "out")
    assert result.exit_code == 0, result.stderr
    out = tmp_path / "out"
    data = json.loads((out / "portfolio.json").read_text("utf-8"))
    (entry,) = data["partnerships"]
    md = (out / "portfolio.md").read_text("utf-8")
    html = html_rows((out / "portfolio.html").read_text("utf-8"))
    sheets = xlsx_sheets((out / "portfolio.xlsx").read_bytes())
    first = next(iter(sheets.values()))
    for indicator in figures.indicators:
        latest = indicator.latest
        assert latest is not None and latest.value is not None
        shown = entry["indicators"][indicator.id]
        assert shown["display"] == value_text(latest.value, lang)
        assert shown["status"] == indicator.target.status if indicator.target else shown["status"] is None
        if latest.value.percent is not None:
            assert shown["percent"] == float(latest.value.percent)
        cell = f"{value_text(latest.value, lang)}"
        assert cell in md and any(cell in " ".join(row) for row in html)
        # The sheet has the partnership's columns, then value, n and target status per indicator, in the
        # portfolio's order of indicators (which the JSON keeps).
        column = 8 + 3 * list(entry["indicators"]).index(indicator.id)
        xlsx_value = first[1][column]
        assert xlsx_value == (
            float(latest.value.share) if latest.value.share is not None else latest.value.number
        )
        assert first[1][column + 2] == status_text(
            indicator.target.status if indicator.target else None, lang
        )
