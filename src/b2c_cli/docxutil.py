"""Writing Word documents people edit in Word without fighting them: A4 pages, Word's own styles (Title,
Heading 1/2, Table Grid), tables whose header row repeats on every page and whose rows never break across
a page, blocks kept on one page, a footer with the report date, the reporting period and the page number,
and files whose bytes depend only on their content (fixed zip and property timestamps, as for XLSX).

Every text passes through `clean`: a user's text may hold control characters XML cannot carry."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import cast

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from b2c_cli.rendering import strip_controls
from b2c_cli.xlsxutil import reproducible

A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)
MARGIN = Mm(16)
ACCENT = RGBColor(0x2F, 0x6F, 0x8F)  # the HTML's accent (templates/report/_base.html.j2)
HEAD_FILL = "E8EEF2"  # the HTML's table header background
TABLE_STYLE = "Table Grid"
_FIXED = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Footer:
    """What every page's footer says: '2026-03-02 · Baseline (2025) – År 1 (2026) · Side 1 af 3'."""

    left: str  # the report date and the reporting period, in the document's language
    page: str  # 'Side {page} af {pages}': where the page number and the page count go


@dataclass(frozen=True)
class Cell:
    """A table cell: its text and an optional superscript (the number of its note)."""

    text: str
    mark: str = ""
    bold: bool = False
    number: bool = False  # a figure: right-aligned, like the HTML's


def clean(text: object) -> str:
    return strip_controls(str(text))


def document(title: str, lang: str, footer: Footer) -> Document:
    """An empty A4 document with b2c's look on Word's own styles, its title and language set, and the
    footer on every page."""
    doc = new_document()
    section = doc.sections[0]
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)
    styles = doc.styles
    normal = cast(ParagraphStyle, styles["Normal"])
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    _language(normal.element, "da-DK" if lang == "da" else "en-GB")
    for name, size in (("Title", 20), ("Heading 1", 14), ("Heading 2", 11.5)):
        style = cast(ParagraphStyle, styles[name])
        style.font.color.rgb = ACCENT
        style.font.size = Pt(size)
        style.paragraph_format.keep_with_next = True
    properties = doc.core_properties
    properties.title = clean(title)[:250]
    properties.author = properties.last_modified_by = "b2c"
    properties.comments = ""
    properties.language = lang
    properties.created = properties.modified = _FIXED
    properties.revision = 1
    _footer(section, footer)
    return doc


def heading(doc: Document, text: str, level: int) -> Paragraph:
    """A heading (level 0 is the title) that Word keeps on the page of what follows it."""
    found: Paragraph = doc.add_heading(clean(text), level)
    return found


def paragraph(doc: Document, text: str = "", *, style: str | None = None, keep: bool = False) -> Paragraph:
    found = doc.add_paragraph(clean(text), style=style)
    found.paragraph_format.keep_with_next = keep
    return found


def labelled(doc: Document, label: str, text: str, *, keep: bool = False) -> Paragraph:
    """'Label: text' as a bulleted line with the label in bold."""
    found = doc.add_paragraph(style="List Bullet")
    found.add_run(clean(label) + ": ").bold = True
    found.add_run(clean(text))
    found.paragraph_format.keep_with_next = keep
    return found


def note(doc: Document, mark: str, text: str) -> Paragraph:
    """A note under a table: its number in superscript, then its text, in smaller type."""
    found = doc.add_paragraph()
    if mark:
        run = found.add_run(mark)
        run.font.superscript = True
        found.add_run(" ")
    found.add_run(clean(text))
    for run in found.runs:
        run.font.size = Pt(8.5)
    found.paragraph_format.space_after = Pt(1)
    return found


def table(
    doc: Document,
    headers: Sequence[str],
    rows: Sequence[Sequence[Cell | str]],
    *,
    widths: Sequence[float] | None = None,
    size: float = 9,
    keep_together: bool = False,
) -> Table:
    """A Word table with a header row that repeats on every page, rows that never break across a page,
    and the given column widths (in mm). `keep_together` keeps the whole table on one page (a signature
    block): every row but the last is kept with the next."""
    found: Table = doc.add_table(rows=1, cols=len(headers))
    found.style = doc.styles[TABLE_STYLE]
    found.alignment = WD_TABLE_ALIGNMENT.LEFT
    header = found.rows[0]
    _row_properties(header._tr, repeat=True)
    for cell, text in zip(header.cells, headers, strict=True):
        _fill(cell, Cell(text, bold=True), size)
        _shade(cell, HEAD_FILL)
    for values in rows:
        row = found.add_row()  # type: ignore[no-untyped-call]  # python-docx leaves it unannotated
        _row_properties(row._tr, repeat=False)
        for cell, value in zip(row.cells, values, strict=True):
            _fill(cell, value if isinstance(value, Cell) else Cell(value), size)
    if keep_together:
        for row in found.rows[:-1]:
            for cell in row.cells:
                for par in cell.paragraphs:
                    par.paragraph_format.keep_with_next = True
    if widths is not None:
        found.autofit = False
        for column, width in zip(found.columns, widths, strict=True):
            column.width = Mm(width)  # the table's grid (what LibreOffice lays out by)
        for row in found.rows:
            for cell, width in zip(row.cells, widths, strict=True):
                cell.width = Mm(width)
    return found


def landscape(doc: Document) -> None:
    """Start a new page in landscape (for a table too wide for A4 upright); the footer carries on."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = A4_HEIGHT, A4_WIDTH


def portrait(doc: Document) -> None:
    """Start a new page upright again."""
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT


def landscape_width() -> float:
    """The text width of a landscape page, in mm."""
    return float((A4_HEIGHT - 2 * MARGIN) / Mm(1))


def portrait_width() -> float:
    return float((A4_WIDTH - 2 * MARGIN) / Mm(1))


def to_bytes(doc: Document) -> bytes:
    """The document as a .docx whose bytes depend only on its content."""
    buffer = io.BytesIO()
    doc.save(buffer)
    return reproducible(buffer.getvalue())


# -- the pieces of WordprocessingML python-docx has no API for -------------------------------------------
def _fill(cell: _Cell, value: Cell, size: float) -> None:
    par = cell.paragraphs[0]
    lines = clean(value.text).split("\n")
    for index, line in enumerate(lines):
        run = par.add_run(line)
        run.bold = value.bold
        run.font.size = Pt(size)
        if index < len(lines) - 1:
            run.add_break()
    if value.mark:
        mark = par.add_run(value.mark)
        mark.font.superscript = True
        mark.font.size = Pt(size)
    par.paragraph_format.space_after = Pt(0)
    if value.number:
        par.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _row_properties(tr: object, *, repeat: bool) -> None:
    """<w:cantSplit/> (the row stays on one page) and, on the header, <w:tblHeader/> (it repeats)."""
    properties = tr.get_or_add_trPr()  # type: ignore[attr-defined]
    properties.append(OxmlElement("w:cantSplit"))
    if repeat:
        properties.append(OxmlElement("w:tblHeader"))


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _language(element: object, tag: str) -> None:
    """The spell-checking language of a style (w:lang in its run properties)."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    rpr.append(lang)


def _footer(section: object, footer: Footer) -> None:
    """The footer: the date and period, and under it on the right 'Side 1 af 3' (Word's PAGE and NUMPAGES
    fields, so the numbers stay right when the user edits the document; a line of its own, since the
    footer is shared by upright and landscape pages of different widths)."""
    first = section.footer.paragraphs[0]  # type: ignore[attr-defined]
    first.text = clean(footer.left)
    par = section.footer.add_paragraph()  # type: ignore[attr-defined]
    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    before, _, rest = footer.page.partition("{page}")
    middle, _, after = rest.partition("{pages}")
    par.add_run(before)
    _field(par, "PAGE")
    par.add_run(middle)
    _field(par, "NUMPAGES")
    par.add_run(after)
    for run in (*first.runs, *par.runs):
        run.font.size = Pt(8)


def _field(par: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) as begin/instruction/separate/result/end runs."""
    for kind, text in (
        ("begin", None),
        ("instr", f" {code} "),
        ("separate", None),
        ("text", "1"),
        ("end", None),
    ):
        run = par.add_run()
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
