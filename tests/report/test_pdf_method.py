"""The PDF's method section, read back from the laid-out file (pypdf/pdfminer via printed.py), follows the
workbook like the other formats: several statements or one, unweighted, and an indicator's minimum of
answered statements with who answered only some and who was left out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from b2c_cli.errors import UsageError
from b2c_cli.pdfutil import engine

from .kit import PART3, edit, render
from .printed import document_text, normal, required


def _usable() -> bool:
    try:
        engine()
    except UsageError:
        return False
    return True


needs_engine = required("WeasyPrint (pip install 'b2c-cli[pdf]') with Pango", _usable())

SEVERAL = "Indikatorer med flere udsagn (Tilhørsforhold (versus isolation), Tryghed)"
ONE = "Hver spørgeskemaindikator måles med ét udsagn"
FROM_ONE = "En beboer tæller med fra ét besvaret udsagn"
UNWEIGHTED = "Tallene er uvægtede"


def _pdf_text(folder: Path, out: Path) -> str:
    return normal(document_text(render(folder, "--format", "pdf", output=out)["esg-report.pdf"]))


@needs_engine
def test_the_pdf_method_section_follows_the_workbook(example: Path, tmp_path: Path) -> None:
    text = _pdf_text(example, tmp_path / "a")
    assert SEVERAL in text and FROM_ONE in text and ONE not in text
    assert UNWEIGHTED in text

    def minimum(data: Any) -> None:
        next(i for i in data["indicators"] if i["id"] == "tryghed")["min_answered"] = 2

    def answered(data: Any) -> None:
        found = next(i for i in data["indicators"] if i["id"] == "tryghed")
        found["answered"] = {"min_answered": 2, "complete": found["n"], "partial": 0, "too_few": 7}

    edit(example, PART3, minimum)
    edit(example, "results/baseline.yaml", answered)
    text = _pdf_text(example, tmp_path / "b")
    assert SEVERAL in text and FROM_ONE not in text
    assert "Tryghed: en beboer tæller kun med, når vedkommende har svaret på mindst 2 af de 2 udsagn" in text
    assert (
        "Tryghed: 0 svarede kun på nogle af udsagnene; 7 blev udeladt, fordi de svarede på færre end 2."
        in text
    )
    assert UNWEIGHTED in text

    def one_statement(data: Any) -> None:
        for indicator in data["indicators"]:
            if indicator["kind"] == "survey":
                indicator["items"] = indicator["items"][:1]
                indicator.pop("min_answered", None)

    edit(example, PART3, one_statement)
    text = _pdf_text(example, tmp_path / "c")
    assert ONE in text and SEVERAL not in text and "blev udeladt" not in text
