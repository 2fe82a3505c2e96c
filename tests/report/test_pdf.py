"""The PDFs: the HTML laid out on A4 by WeasyPrint. Read back with pypdf and pdfminer.six, each shows every
figure of the figures layer as the figures layer words it; the pages are what a reader expects (page
count, the ESG table on a landscape page, no heading alone at a page's bottom, no table row split over two
pages, the signature block on one page, nothing cut at the paper's edge, the footer and page number on
every page, fonts embedded); each page converts to a PNG (pdftoppm) that is not blank and has nothing
running off its right edge. Without WeasyPrint, asking for a PDF says how to install it.

PDF bytes are deterministic for one engine and one set of fonts (two runs give the same bytes), but the
installed fonts and the WeasyPrint version shape them; so the committed PDFs are checked by their text
and their pages, not their bytes."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from b2c_cli.errors import UsageError
from b2c_cli.figures import Figures, build_figures
from b2c_cli.figures.words import status_text, target_text, value_detail, value_text
from b2c_cli.i18n import LANGS, Lang, tr
from b2c_cli.pdfutil import engine
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook

from .kit import EXAMPLE, PDF, copy_example, read_png, render, report
from .printed import (
    PAGE_NUMBER,
    Page,
    cut_text,
    document_text,
    embedded_fonts,
    html_structure,
    normal,
    pdf_pages,
    pdftoppm,
    required,
    split_rows,
    stranded_headings,
)


def _usable() -> bool:
    try:
        engine()
    except UsageError:
        return False
    return True


needs_engine = required("WeasyPrint (pip install 'b2c-cli[pdf]') with Pango", _usable())
needs_pdftoppm = required("pdftoppm (poppler-utils)", pdftoppm() is not None)
# Pages as laid out with the fonts .ci/run installs (Liberation Sans): the ESG report has its title page,
# the table on a landscape page, the charts, the method section (with the weighting and representativeness
# part), the comparison with other surveys and the ESRS section.
PAGES: dict[tuple[Lang, str], int] = {
    ("da", "esg-report.pdf"): 7,
    ("da", "agreement.pdf"): 3,
    ("en", "esg-report.pdf"): 7,
    ("en", "agreement.pdf"): 3,
}


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[Lang, Path]:
    """The example's HTML and PDF in both languages: language -> the folder holding them."""
    folder = copy_example(tmp_path_factory.mktemp("printed") / "hedemarken")
    out: dict[Lang, Path] = {}
    for lang in LANGS:
        out[lang] = folder.parent / f"printed-{lang}"
        render(folder, "--lang", lang, "--format", "html,pdf", output=out[lang])
    return out


@pytest.fixture(scope="module")
def figures() -> Figures:
    part3 = load_workbook(EXAMPLE).part3
    assert part3 is not None
    return build_figures(part3, load_all(EXAMPLE, part3))


def _pages(printed: dict[Lang, Path], lang: Lang, name: str) -> list[Page]:
    return pdf_pages((printed[lang] / name).read_bytes())


@needs_engine
@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_in_the_pdf_as_the_figures_layer_words_it(
    printed: dict[Lang, Path], figures: Figures, lang: Lang
) -> None:
    text = document_text((printed[lang] / "esg-report.pdf").read_bytes())
    note = 0
    for indicator in figures.indicators:
        assert target_text(indicator, lang) in text
        assert status_text(indicator.target.status if indicator.target else None, lang) in text
        for figure in indicator.periods:
            if figure.value is None:
                continue
            note += 1
            # The value with its note's number, then the note: n, interval, change against the base.
            assert f"{value_text(figure.value, lang)}{note}" in text, (indicator.name, figure.period)
            assert normal(value_detail(figure, figures, lang)) in text, (indicator.name, note)
    assert note == 10


@needs_engine
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PDF)
def test_pages_are_a4_numbered_and_footed(printed: dict[Lang, Path], lang: Lang, name: str) -> None:
    pages = _pages(printed, lang, name)
    assert len(pages) == PAGES[lang, name]
    period = f"{tr('report-baseline', lang)} (2025) – {tr('report-year-n', lang, n=1)} (2026)"
    footer = tr("report-footer", lang, date="2026-09-09", period=period)
    for number, page in enumerate(pages, start=1):
        assert sorted((round(page.width), round(page.height))) == [595, 842]  # A4, upright or landscape
        assert footer in page.text, number
        assert PAGE_NUMBER.search(page.text) and f"{number} / {len(pages)}" in page.text
    # The ESG table (and its notes) on a landscape page of its own; the rest upright.
    if name == "esg-report.pdf":
        table = tr("report-table-heading", lang)
        assert [page.landscape for page in pages] == [table in page.text for page in pages]
        assert sum(page.landscape for page in pages) == 1
    else:
        assert not any(page.landscape for page in pages)


@needs_engine
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PDF)
def test_no_stranded_heading_no_split_row_nothing_cut(
    printed: dict[Lang, Path], lang: Lang, name: str
) -> None:
    pages = _pages(printed, lang, name)
    rows, headings = html_structure((printed[lang] / name.replace(".pdf", ".html")).read_text("utf-8"))
    assert len(rows) > 10 and len(headings) > 5
    assert stranded_headings(pages, headings) == []
    assert split_rows(pages, rows) == []
    assert cut_text(pages) == []
    # Every heading is there, once, whole.
    text = " ".join(page.text for page in pages)
    assert all(heading in text for heading in headings)


@needs_engine
@pytest.mark.parametrize("lang", LANGS)
def test_the_signature_block_is_on_one_page(printed: dict[Lang, Path], lang: Lang) -> None:
    pages = _pages(printed, lang, "agreement.pdf")
    heading = tr("report-signatures", lang)
    (page,) = [page for page in pages if any(line.text == heading for line in page.lines)]
    lines = Counter(line.text for line in page.lines)
    for party in ("Bo-Vest", "Nortec"):
        assert tr("report-for", lang, party=party) in page.text
    for label in ("report-col-name", "report-col-date", "report-signature"):
        text = f"{tr(label, lang)}:"
        assert lines[f"{text} {text}"] == 1 or page.text.count(text) == 2, text


@needs_engine
@pytest.mark.parametrize("name", PDF)
def test_fonts_are_embedded(printed: dict[Lang, Path], name: str) -> None:
    fonts = embedded_fonts((printed["da"] / name).read_bytes())
    assert fonts and all(fonts.values()), fonts


@needs_engine
def test_the_same_html_gives_the_same_pdf_and_the_committed_pdfs_read_the_same(
    printed: dict[Lang, Path], tmp_path: Path
) -> None:
    again = render(copy_example(tmp_path / "again"), "--format", "pdf", output=tmp_path / "out")
    for name in PDF:
        fresh = (printed["da"] / name).read_bytes()
        assert again[name] == fresh, name
        assert b"/CreationDate" not in fresh and b"/ModDate" not in fresh  # nothing says when
        committed = pdf_pages((EXAMPLE / "reports" / name).read_bytes())
        assert [page.text for page in committed] == [page.text for page in pdf_pages(fresh)], name


@needs_engine
@needs_pdftoppm
@pytest.mark.parametrize("name", PDF)
def test_each_page_as_a_picture(printed: dict[Lang, Path], tmp_path: Path, name: str) -> None:
    """The screenshots a reviewer looks at: every page converts to a PNG that shows something and has
    nothing running off its right edge."""
    pdf = printed["da"] / name
    done = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(pdf), str(tmp_path / "page")],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    pictures = sorted(tmp_path.glob("page-*.png"))
    assert len(pictures) == len(pdf_pages(pdf.read_bytes()))
    for picture in pictures:
        image = read_png(picture.read_bytes())
        colours = Counter(image.pixels(step=2))
        assert colours.most_common(1)[0][0] == b"\xff\xff\xff"
        assert sum(n for colour, n in colours.items() if colour != b"\xff\xff\xff") > 500, picture.name
        edge = max(2, image.width // 40)  # the paper's right margin is white: no column runs off it
        for row in image.rows:
            assert set(row[(image.width - edge) * image.channels :]) == {255}, picture.name


def test_without_the_engine_asking_for_a_pdf_says_how_to_install_it(
    example: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # `import weasyprint` raises ImportError
    result = report(example, "--format", "md,pdf", "--lang", "en")
    assert result.exit_code == 2
    message = " ".join(result.stderr.split())
    assert "pip install 'b2c-cli[pdf]'" in message and "apt-get install libpango-1.0-0" in message
    assert "Traceback" not in result.stderr + result.stdout
    assert not (example / "reports").exists()  # nothing half-written: not even the Markdown
