"""An indicator the period's export did not measure: the 2026 export without the trust statement. Its 2026
value is "ikke målt" / "not measured" in every output - the report's md, html, xlsx, docx, pdf and the
VSME template, `b2c score --json`, `b2c status` - for exactly that indicator and period, and no number."""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from pathlib import Path
from typing import Any

import docx
import pytest
import yaml
from openpyxl import load_workbook
from pypdf import PdfReader
from typer.testing import CliRunner

from b2c_cli.cli.app import app
from b2c_cli.pdfutil import engine
from helpers import REPO

from .kit import ENV, copy_example, render
from .printed import required

TRUST = "Tillid (versus mistænksomhed)"
STATEMENT = "Siden Nortec etablerede indendørs mødesteder, har jeg fået større tillid til mine naboer"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
VSME_TEMPLATE = REPO.parent / "shared" / "vsme" / "VSME-Digital-Template-1.3.0.xlsx"
WORDS = {"da": "ikke målt", "en": "not measured"}
NUMBER = re.compile(r"\d+ ?%")


def _b2c(*args: object) -> Any:
    return CliRunner().invoke(app, [str(arg) for arg in args], env=ENV)


@pytest.fixture(scope="module")
def partnership(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example, its 2026 results scored again from the 2026 export without the trust statement."""
    root = tmp_path_factory.mktemp("not-measured")
    folder = copy_example(root / "hedemarken")
    (folder / "results" / "2026.yaml").unlink()
    rows = list(csv.reader(io.StringIO(EXPORT.read_text("utf-8"))))
    drop = [index for index, header in enumerate(rows[0]) if STATEMENT in header]
    assert len(drop) == 1
    trimmed = root / "hedemarken-2026-uden-tillid.csv"
    with trimmed.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerows([c for i, c in enumerate(row) if i not in drop] for row in rows)
    result = _b2c("score", trimmed, "--dir", folder, "--period", "2026")
    assert result.exit_code == 0, result.stdout + result.stderr
    written = yaml.safe_load((folder / "results" / "2026.yaml").read_text("utf-8"))
    assert written["not_measured"] == ["trust"]
    return folder


def _row_lines(text: str, word: str) -> list[str]:
    return [line for line in text.splitlines() if word in line]


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_and_html_say_not_measured_for_that_indicator_and_period(
    partnership: Path, tmp_path: Path, lang: str
) -> None:
    files = render(partnership, "--lang", lang, "--format", "md,html", output=tmp_path)
    md = files["esg-report.md"].decode("utf-8")
    (line,) = [line for line in _row_lines(md, WORDS[lang]) if line.startswith("|")]  # trust's row
    cells = [cell.strip() for cell in line.strip("|").split("|")]
    assert TRUST in cells
    # elsewhere only trust's progress line in the ESRS section: "... (2026) ikke målt · ..."
    others = [other for other in _row_lines(md, WORDS[lang]) if other != line]
    assert len(others) == 1 and f"(2026) {WORDS[lang]}" in others[0]
    assert cells.count(WORDS[lang]) == 1
    # the baseline value is still there, the 2026 cell holds the words and no number
    where = cells.index(WORDS[lang])
    assert NUMBER.search(cells[where - 1]) and not NUMBER.search(cells[where])
    html = files["esg-report.html"].decode("utf-8")
    rows = [row for row in re.findall(r"<tr[ >].*?</tr>", html, re.S) if WORDS[lang] in row]
    assert len(rows) == 1 and TRUST in rows[0]
    assert f">{WORDS[lang]}<" in rows[0]


def test_the_spreadsheet_has_the_words_in_that_cell_and_no_number(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "xlsx", output=tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(files["esg-report.xlsx"]))
    found = [
        (sheet.title, cell.row, cell.column)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value == WORDS["da"]
    ]
    assert len(found) == 1
    title, row, column = found[0]
    sheet = book[title]
    assert any(cell.value == TRUST for cell in sheet[row])
    assert "2026" in str(sheet.cell(row=1, column=column).value)
    assert isinstance(sheet.cell(row=row, column=column - 1).value, float)  # the baseline's share


def test_the_word_document_has_the_words_in_trusts_row(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "docx", output=tmp_path)
    document = docx.Document(io.BytesIO(files["esg-report.docx"]))
    rows = [
        [cell.text for cell in row.cells]
        for table in document.tables
        for row in table.rows
        if any(WORDS["da"] == cell.text for cell in row.cells)
    ]
    assert len(rows) == 1 and TRUST in rows[0][0] + rows[0][1]


@required("WeasyPrint with Pango", engine() is not None)
def test_the_pdf_says_it(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "pdf", output=tmp_path)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(files["esg-report.pdf"])).pages)
    flat = " ".join(text.split())
    # the ESG table's cell and trust's progress line in the ESRS section, as in the Markdown
    assert flat.count(WORDS["da"]) == 2 and f"(2026) {WORDS['da']}" in flat


@required("EFRAG's VSME template (../shared/vsme)", VSME_TEMPLATE.is_file())
def test_the_vsme_cells_hold_no_number_for_it(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "vsme", "--vsme-template", VSME_TEMPLATE, output=tmp_path)
    (name,) = files
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(files[name]))
    texts = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value
    ]
    (table,) = [text for text in texts if TRUST in text and WORDS["da"] in text]
    section = table.split(TRUST, 1)[1].split("\n")
    lines = [line for line in section[1:] if line.startswith("- ")]
    (unmeasured,) = [line for line in lines if WORDS["da"] in line]
    assert "2026" in unmeasured and not NUMBER.search(unmeasured)
    assert NUMBER.search(lines[0])  # the baseline keeps its value


def test_score_json_and_status_say_it(partnership: Path) -> None:
    export = partnership.parent / "hedemarken-2026-uden-tillid.csv"
    result = _b2c("score", export, "--dir", partnership, "--period", "2026", "--json", "--dry-run")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    states = {i["id"]: i["not_measured"] for i in data["indicators"]}
    assert states == {"belonging": False, "trust": True, "co-creation": False, "tryghed": False}
    trust = next(i for i in data["indicators"] if i["id"] == "trust")
    assert (trust["percent"], trust["positive"], trust["n"], trust["ci95"]) == (None, None, None, None)
    shown = _b2c("score", export, "--dir", partnership, "--period", "2026", "--dry-run", "--lang", "en")
    assert shown.exit_code == 0
    (line,) = [line for line in shown.stdout.splitlines() if "not measured" in line]
    assert "Tillid" in line and not NUMBER.search(line)
    status = _b2c("status", partnership)
    assert status.exit_code == 0
    assert f"Ikke målt i 2026: {TRUST}" in status.stdout
    as_json = json.loads(_b2c("status", partnership, "--json").stdout)
    assert as_json["not_measured"] == {"2026": [TRUST]}
