"""The ESG report's method section, in every format, built from the figures layer: it follows the workbook
(one statement per indicator or several, unweighted), states the responses and don't-know/blank counts of
each measurement, the number of changes tested and Holm's correction, the disclosure rules and the
limitation that changes can also come from outside the partnership - none of it from text a user wrote."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from openpyxl import load_workbook

from report.kit import PART3, XLSX, edit, render

SEVERAL = "Indikatorer med flere udsagn (Tilhørsforhold (versus isolation), Tryghed)"
ONE = "Hver spørgeskemaindikator måles med ét udsagn"
OUTSIDE = "ændringer kan også komme af forhold uden for partnerskabet"


def _texts(files: dict[str, bytes]) -> dict[str, str]:
    sheet = load_workbook(io.BytesIO(files[XLSX]))["Metode"]
    docx = Document(io.BytesIO(files["esg-report.docx"]))
    return {
        "md": files["esg-report.md"].decode("utf-8"),
        "html": files["esg-report.html"].decode("utf-8").replace("&#34;", '"').replace("&#39;", "'"),
        "xlsx": "\n".join(str(row[0].value) for row in sheet.iter_rows()),
        "docx": "\n".join(p.text for p in docx.paragraphs),
    }


def test_the_method_section_follows_the_workbook_in_every_format(example: Path, tmp_path: Path) -> None:
    texts = _texts(render(example, "--format", "md,html,xlsx,docx", output=tmp_path / "a"))
    for kind, text in texts.items():
        assert "Metode" in text, kind
        assert SEVERAL in text and ONE not in text, kind
        assert "Tallene er uvægtede" in text, kind
        assert "Baseline (2025): 104 besvarelser" in text, kind
        assert "Rapporten tester 4 ændringer" in text and "Holm-korrektion" in text, kind
        assert "færre end 5 svar" in text and "1 til 4 besvarelser" in text, kind
        assert OUTSIDE in text, kind

    # One statement per indicator: the respondent-mean rule is not claimed.
    def one_statement(data: Any) -> None:
        for indicator in data["indicators"]:
            if indicator["kind"] == "survey":
                indicator["items"] = indicator["items"][:1]
                indicator["method"] = "Vores egen tekst om metoden."

    edit(example, PART3, one_statement)
    texts = _texts(render(example, "--format", "md,html,xlsx,docx", output=tmp_path / "b"))
    for kind, text in texts.items():
        assert ONE in text and SEVERAL not in text, kind
        assert OUTSIDE in text, kind


def test_the_method_section_in_english(example: Path, tmp_path: Path) -> None:
    md = render(example, "--format", "md", "--lang", "en", output=tmp_path)["esg-report.md"].decode()
    assert "## Method" in md and "The figures are unweighted" in md
    assert "changes can also come from outside the partnership" in md
