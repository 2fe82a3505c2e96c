"""The Word documents, opened with python-docx: every figure of the figures layer in the ESG table as the
figures layer words it, with its note under the table (n, interval, change); Word's own styles; header rows
that repeat on every page and rows that never break over a page; the ESG table on a landscape page; the
footer with the report date, the reporting period and Word's page fields; the agreement's signature block
kept on one page; and bytes that depend on the content only (fixed zip and property timestamps)."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm

from b2c_cli.figures import Figures, build_figures
from b2c_cli.figures.words import period_label, status_text, target_text, value_detail, value_text
from b2c_cli.i18n import LANGS, Lang, tr
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.folder import load_workbook

from .kit import DOCX, EXAMPLE, copy_example, render


@pytest.fixture(scope="module")
def figures() -> Figures:
    part3 = load_workbook(EXAMPLE).part3
    assert part3 is not None
    return build_figures(part3, load_all(EXAMPLE, part3))


def _open(folder: Path, name: str) -> Document:
    return docx.Document(io.BytesIO((folder / name).read_bytes()))


def _period(lang: Lang) -> str:
    return f"{tr('report-baseline', lang)} (2025) – {tr('report-year-n', lang, n=1)} (2026)"


@pytest.mark.parametrize("lang", LANGS)
def test_every_figure_is_in_the_word_table_with_its_note(
    rendered: dict[Lang, Path], figures: Figures, lang: Lang
) -> None:
    doc = _open(rendered[lang], "esg-report.docx")
    table = doc.tables[0]
    labels = [period_label(period, lang) for period in figures.periods]
    header = [cell.text for cell in table.rows[0].cells]
    assert header[:3] == [tr(f"report-col-{c}", lang) for c in ("group", "indicator", "target")]
    assert header[3 : 3 + len(labels)] == labels
    rows = {row.cells[1].text: row for row in table.rows[1:]}
    notes = {
        par.runs[0].text: par.text
        for par in doc.paragraphs
        if par.runs and par.runs[0].font.superscript and par.runs[0].text.isdigit()
    }
    assert list(rows) == [indicator.name for indicator in figures.indicators]
    for indicator in figures.indicators:
        row = rows[indicator.name]
        assert row.cells[2].text == target_text(indicator, lang)
        status = status_text(indicator.target.status if indicator.target else None, lang)
        assert row.cells[3 + len(labels)].text == status
        for index, figure in enumerate(indicator.periods):
            cell = row.cells[3 + index]
            if figure.value is None:
                assert cell.text == ""
                continue
            value, mark = cell.paragraphs[0].runs[0], cell.paragraphs[0].runs[-1]
            assert value.text == value_text(figure.value, lang)
            assert mark.font.superscript and mark.text.isdigit()
            # The note under the table: its number, then n, the interval and the change, in words.
            assert notes[mark.text] == f"{mark.text} {value_detail(figure, figures, lang)}"
    assert len(notes) == 10


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", DOCX)
def test_word_styles_repeating_headers_rows_that_never_split(
    rendered: dict[Lang, Path], lang: Lang, name: str
) -> None:
    doc = _open(rendered[lang], name)
    styles = {par.style.name for par in doc.paragraphs if par.style is not None}
    assert {"Title", "Heading 1"} <= styles
    if name == "esg-report.docx":
        assert "Heading 2" in styles
    assert doc.core_properties.language == lang
    assert doc.tables
    for table in doc.tables:
        assert table.style is not None and table.style.name == "Table Grid"
        first = table.rows[0]._tr.trPr
        assert first is not None and first.find(qn("w:tblHeader")) is not None  # repeats on every page
        for index, row in enumerate(table.rows):
            assert row._tr.trPr.find(qn("w:cantSplit")) is not None  # never breaks over a page
            assert (row._tr.trPr.find(qn("w:tblHeader")) is not None) == (index == 0)
        for cell in first.iter(qn("w:tc")):
            assert cell.find(f"{qn('w:tcPr')}/{qn('w:shd')}") is not None  # shaded like the HTML's


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", DOCX)
def test_the_footer_has_the_date_the_period_and_the_page_number(
    rendered: dict[Lang, Path], lang: Lang, name: str
) -> None:
    doc = _open(rendered[lang], name)
    footer = doc.sections[0].footer
    dated, numbered = footer.paragraphs
    assert dated.text == tr("report-footer", lang, date="2026-09-09", period=_period(lang))
    fields = [node.text.strip() for node in numbered._element.iter(qn("w:instrText"))]
    assert fields == ["PAGE", "NUMPAGES"]
    assert numbered.text == tr(
        "report-page", lang, page="1", pages="1"
    )  # the fields' text until Word updates
    for section in doc.sections[1:]:
        assert section.footer.is_linked_to_previous  # the same footer on every page
    for section in doc.sections:  # A4, upright or landscape
        assert sorted(round(length / Mm(1)) for length in (section.page_width, section.page_height)) == [
            210,
            297,
        ]


@pytest.mark.parametrize("lang", LANGS)
def test_the_esg_table_is_on_a_landscape_page(rendered: dict[Lang, Path], lang: Lang) -> None:
    doc = _open(rendered[lang], "esg-report.docx")
    orientations = [section.orientation for section in doc.sections]
    assert orientations == [WD_ORIENT.PORTRAIT, WD_ORIENT.LANDSCAPE, WD_ORIENT.PORTRAIT]
    body = list(doc.element.body)
    table = body.index(doc.tables[0]._tbl)
    breaks = [i for i, node in enumerate(body) if node.find(f".//{qn('w:sectPr')}") is not None]
    # The first section ends before the table, the landscape one after its notes.
    assert breaks[0] < table < breaks[1]


@pytest.mark.parametrize("lang", LANGS)
def test_the_signature_block_is_kept_on_one_page(rendered: dict[Lang, Path], lang: Lang) -> None:
    doc = _open(rendered[lang], "agreement.docx")
    signatures = doc.tables[-1]
    assert [cell.text for cell in signatures.rows[0].cells] == [
        tr("report-for", lang, party="Bo-Vest"),
        tr("report-for", lang, party="Nortec"),
    ]
    labels = [tr(key, lang) + ":" for key in ("report-col-name", "report-col-date", "report-signature")]
    assert [row.cells[0].text.strip() for row in signatures.rows[1:]] == labels
    for row in signatures.rows[:-1]:  # each row kept with the next: the block moves as one
        for cell in row.cells:
            assert all(par.paragraph_format.keep_with_next for par in cell.paragraphs)
    heading = [par for par in doc.paragraphs if par.text == tr("report-signatures", lang)]
    assert len(heading) == 1 and heading[0].style is not None
    assert heading[0].style.paragraph_format.keep_with_next  # Heading 1 stays with the block


def test_the_esrs_section_lists_the_datapoints_each_indicator_supports(rendered: dict[Lang, Path]) -> None:
    doc = _open(rendered["en"], "esg-report.docx")
    lines = [par.text for par in doc.paragraphs]
    datapoints = [line for line in lines if line.startswith(tr("report-datapoints", "en") + ":")]
    assert len(datapoints) == 5
    assert all("(ESRS 2 MDR-M)" in line and "(ESRS 2 MDR-T)" in line for line in datapoints)
    assert tr("report-esrs-basis-2026", "en") in lines


def test_word_files_depend_only_on_their_content(tmp_path: Path) -> None:
    first = render(copy_example(tmp_path / "one"), "--format", "docx", output=tmp_path / "a")
    second = render(copy_example(tmp_path / "two"), "--format", "docx", output=tmp_path / "b")
    assert first == second and set(first) == set(DOCX)
    for data in first.values():
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            assert {info.date_time for info in package.infolist()} == {(2000, 1, 1, 0, 0, 0)}
            core = package.read("docProps/core.xml").decode("utf-8")
        assert core.count("2000-01-01T00:00:00Z") == 2
        assert "python-docx" not in core  # b2c wrote it, and says nothing of when
