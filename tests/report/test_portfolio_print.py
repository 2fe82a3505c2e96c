"""The portfolio as a Word document and as a PDF, over two copies of the example: each partnership's latest
value of every indicator (with its n) and each pooled value with its interval, as the figures layer words
them; the partnerships' table on a landscape page (a column per indicator), its rows whole on one page and
nothing cut at the paper's edge; the footer with the newest report date and the years covered."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn

from b2c_cli.figures import Figures, build_figures
from b2c_cli.figures.words import interval_text, value_text
from b2c_cli.i18n import LANGS, Lang, tr
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook
from portfolio.kit import portfolio

from .kit import EXAMPLE
from .printed import cut_text, html_structure, normal, pdf_pages, split_rows, stranded_headings
from .test_pdf import needs_engine

FOOTER_PERIOD = "2025–2026"


@pytest.fixture(scope="module")
def figures() -> Figures:
    part3 = load_workbook(EXAMPLE).part3
    assert part3 is not None
    return build_figures(part3, load_all(EXAMPLE, part3))


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[Lang, Path]:
    root = tmp_path_factory.mktemp("organisation")
    for name in ("vest", "oest"):
        shutil.copytree(EXAMPLE, root / name, ignore=shutil.ignore_patterns("reports", "surveys"))
    out: dict[Lang, Path] = {}
    for lang in LANGS:
        out[lang] = root.parent / f"portfolio-{lang}"
        formats = "html,docx,pdf" if _engine() else "html,docx"
        result = portfolio(root, "--lang", lang, "--format", formats, "-o", out[lang])
        assert result.exit_code == 0, result.stderr
    return out


def _engine() -> bool:
    from b2c_cli.errors import UsageError
    from b2c_cli.pdfutil import engine

    try:
        engine()
    except UsageError:
        return False
    return True


def _expected_cells(figures: Figures, lang: Lang) -> dict[str, str]:
    """Each indicator's latest value as the partnerships' table shows it: '43 % (n = 100)' or a count."""
    cells = {}
    for indicator in figures.indicators:
        latest = indicator.latest
        assert latest is not None and latest.value is not None
        n = f" (n = {latest.value.n})" if latest.value.n is not None else ""
        cells[indicator.name] = f"{value_text(latest.value, lang)}{n}"
    return cells


@pytest.mark.parametrize("lang", LANGS)
def test_the_word_portfolio_shows_every_latest_value_and_the_pooled_ones(
    written: dict[Lang, Path], figures: Figures, lang: Lang
) -> None:
    doc = docx.Document(io.BytesIO((written[lang] / "portfolio.docx").read_bytes()))
    rollup, partnerships = doc.tables
    # Every partnership's row: its latest value of each indicator, with n (none of them met yet: no mark).
    header = [cell.text for cell in partnerships.rows[0].cells]
    rows = [
        dict(zip(header, (cell.text for cell in row.cells), strict=True)) for row in partnerships.rows[1:]
    ]
    assert len(rows) == 2
    for row in rows:
        # (by value: in English the fixed indicators carry the guide's English names)
        assert sorted(row[name] for name in header[4:]) == sorted(_expected_cells(figures, lang).values())
    # The roll-up: per indicator and year two partnerships; the pooled value over both (200 answers).
    pooled = {(row.cells[0].text, row.cells[2].text): row for row in rollup.rows[1:]}
    for indicator in figures.indicators:
        for figure in indicator.periods:
            if figure.value is None:
                continue
            name = indicator.name if lang == "da" or indicator.group == "site" else None
            year = {"baseline": "2025"}.get(figure.period, figure.period)
            if name is None:  # a fixed indicator, under its English name
                continue
            row = pooled[(name, year)]
            assert row.cells[3].text == "2"
            if figure.value.share is not None:  # two identical partnerships pool to the same share
                assert row.cells[5].text == value_text(figure.value, lang)
                assert row.cells[7].text == "200"
                assert row.cells[6].text != interval_text(figure.value, lang)  # n = 200: a narrower interval
    # Header rows repeat; the partnerships' table is on a landscape page; the footer has date and years.
    for table in doc.tables:
        assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert [section.orientation for section in doc.sections] == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE]
    footer = doc.sections[0].footer.paragraphs[0].text
    assert footer == (tr("report-footer", lang, date="2026-09-09", period=FOOTER_PERIOD))


@needs_engine
@pytest.mark.parametrize("lang", LANGS)
def test_the_pdf_portfolio_prints_whole_rows_on_a_landscape_page(
    written: dict[Lang, Path], figures: Figures, lang: Lang
) -> None:
    pages = pdf_pages((written[lang] / "portfolio.pdf").read_bytes())
    text = " ".join(page.text for page in pages)
    for cell in _expected_cells(figures, lang).values():
        assert text.count(normal(cell)) >= 2, cell  # once per partnership
    heading = tr("pf-partnerships-heading", lang)
    assert [page.landscape for page in pages] == [heading in page.text for page in pages]
    rows, headings = html_structure((written[lang] / "portfolio.html").read_text("utf-8"))
    assert split_rows(pages, rows) == [] and stranded_headings(pages, headings) == []
    assert cut_text(pages) == []
    footer = tr("report-footer", lang, date="2026-09-09", period=FOOTER_PERIOD)
    assert all(footer in page.text for page in pages)
