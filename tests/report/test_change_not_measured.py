"""A change that cannot be computed because the other period has no figure: the baseline did not measure
trust (its export lacked the statement) and co-creation rests on too few answers there. The 2026 report
says why there is no change for each, with a note worded once, in md, html, xlsx, docx and pdf."""

from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import docx
import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from b2c_cli.pdfutil import engine

from .kit import copy_example, edit, render
from .printed import required

NOTES = {
    "da": (
        "Tillid (versus mistænksomhed), År 1 (2026): ingen ændring mod Baseline (2025), for indikatoren "
        "blev ikke målt i Baseline (2025).",
        "Medskabende (versus ikke-deltager), År 1 (2026): ingen ændring mod Baseline (2025), for tallet for "
        "Baseline (2025) hviler på for få svar til at blive vist.",
    ),
    "en": (
        "Tillid (versus mistænksomhed), Year 1 (2026): no change against Baseline (2025), because the "
        "indicator was not measured in Baseline (2025).",
        "Medskabende (versus ikke-deltager), Year 1 (2026): no change against Baseline (2025), because the "
        "figure for Baseline (2025) rests on too few answers to be shown.",
    ),
}


@pytest.fixture(scope="module")
def partnership(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = copy_example(tmp_path_factory.mktemp("change") / "hedemarken")

    def baseline(data: Any) -> None:
        data["indicators"] = [i for i in data["indicators"] if i["id"] != "trust"]
        data["not_measured"] = ["trust"]
        cocreation = next(i for i in data["indicators"] if i["id"] == "co-creation")
        cocreation.update(positive=2, n=4, percent=50.0)

    edit(folder, "results/baseline.yaml", baseline)
    return folder


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("lang", ["da", "en"])
def test_markdown_and_html_say_why_there_is_no_change(partnership: Path, tmp_path: Path, lang: str) -> None:
    files = render(partnership, "--lang", lang, "--format", "md,html", output=tmp_path)
    md = flat(files["esg-report.md"].decode("utf-8"))
    html = flat(files["esg-report.html"].decode("utf-8"))
    for note in NOTES[lang]:
        assert note in md
        assert note in html
    # belonging and tryghed were measured both years: their changes are there, and no such note
    assert md.count("ingen ændring mod" if lang == "da" else "no change against") == 2


def test_the_spreadsheet_and_the_word_document_say_it(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "xlsx,docx", output=tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        book = load_workbook(io.BytesIO(files["esg-report.xlsx"]))
    texts = flat(" ".join(str(c.value) for s in book.worksheets for r in s.iter_rows() for c in r if c.value))
    document = docx.Document(io.BytesIO(files["esg-report.docx"]))
    words = flat(" ".join(p.text for p in document.paragraphs))
    for note in NOTES["da"]:
        assert note in texts
        assert note in words


@required("WeasyPrint with Pango", engine() is not None)
def test_the_pdf_says_it(partnership: Path, tmp_path: Path) -> None:
    files = render(partnership, "--format", "pdf", output=tmp_path)
    text = flat(
        " ".join(page.extract_text() for page in PdfReader(io.BytesIO(files["esg-report.pdf"])).pages)
    )
    for note in NOTES["da"]:
        assert flat(note) in text
