"""Reading printed documents back, for the tests of the Word, PDF and print output: a PDF's pages with their
text (pypdf) and their lines and words with positions (pdfminer.six), the rows of the HTML's tables and its
headings, and the checks a reader makes of a printed report - no heading alone at the bottom of a page, no
table row split over two pages, nothing cut at a page's edge - shared by WeasyPrint's PDF and Chromium's
print of the same HTML."""

from __future__ import annotations

import io
import os
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pytest
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTPage, LTTextLine
from pypdf import PdfReader

MM = 72 / 25.4  # PDF points per millimetre
FOOTER_ZONE = 14 * MM  # the page's bottom margin holds the footer and the page number, nothing else
EDGE = 8 * MM  # no text closer to the paper's edge than this


def required(what: str, available: bool) -> pytest.MarkDecorator:
    """Skip a test whose tool is missing - except in CI, where .ci/run installs it: there a missing tool
    is a failed install step, and the test runs (and fails) to say so."""
    return pytest.mark.skipif(
        not available and os.environ.get("CI") != "true", reason=f"{what} is not installed"
    )


def normal(text: str) -> str:
    """Text with every run of white space as one space (a PDF breaks lines where the HTML does not)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass
class Page:
    width: float
    height: float
    text: str  # pypdf's text of the page, white space normalised
    lines: list[Line] = field(default_factory=list)  # pdfminer's text lines, top to bottom
    words: Counter[str] = field(default_factory=Counter)

    @property
    def landscape(self) -> bool:
        return self.width > self.height

    def body(self) -> list[Line]:
        """The lines above the footer zone, top to bottom."""
        return [line for line in self.lines if line.y0 > FOOTER_ZONE]


def pdf_pages(data: bytes) -> list[Page]:
    reader = PdfReader(io.BytesIO(data))
    pages = [
        Page(float(page.mediabox.width), float(page.mediabox.height), normal(page.extract_text()))
        for page in reader.pages
    ]
    for page, layout in zip(pages, extract_pages(io.BytesIO(data)), strict=True):
        page.lines = sorted(_lines(layout), key=lambda line: (-line.y1, line.x0))
        page.words = Counter(word for line in page.lines for word in words(line.text))
    return pages


def _lines(layout: LTPage) -> list[Line]:
    found: list[Line] = []

    def walk(item: object) -> None:
        if isinstance(item, LTTextLine):
            chars = [c for c in item if isinstance(c, LTChar)]
            if chars and item.get_text().strip():
                found.append(
                    Line(
                        normal(item.get_text()),
                        min(c.x0 for c in chars),
                        max(c.x1 for c in chars),
                        item.y0,
                        item.y1,
                    )
                )
            return
        for child in item if hasattr(item, "__iter__") else ():
            walk(child)

    walk(layout)
    return found


def words(text: str) -> list[str]:
    """The words of a text, hyphenated compounds as their parts (a PDF may break a line at the hyphen)."""
    return re.findall(r"\w+", text)


def document_text(data: bytes) -> str:
    return " ".join(page.text for page in pdf_pages(data))


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Each font the PDF uses, and whether its glyphs are in the file."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        resources = page.get("/Resources")
        for font in (resources.get_object().get("/Font") or {}).values() if resources else ():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[str(font.get("/BaseFont"))] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


# -- the HTML the PDF is made from ------------------------------------------------------------------------
class _Structure(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self._cell: list[str] | None = None
        self._row: list[str] | None = None
        self._heading: list[str] | None = None
        self._skip = 0  # inside <style>, <title> or an SVG chart

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title", "svg"):
            self._skip += 1
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2", "h3"):
            self._heading = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title", "svg"):
            self._skip -= 1
        elif tag in ("td", "th") and self._cell is not None and self._row is not None:
            self._row.append(normal("".join(self._cell)))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            self.headings.append(normal("".join(self._heading)))
            self._heading = None

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        for part in (self._cell, self._heading):
            if part is not None:
                part.append(data)


def html_structure(html: str) -> tuple[list[list[str]], list[str]]:
    """The HTML's table rows (each a list of cell texts) and its headings (h1 to h3), in order."""
    reader = _Structure()
    reader.feed(html)
    return reader.rows, reader.headings


# -- what a reader checks on paper -------------------------------------------------------------------------
def split_rows(pages: list[Page], rows: list[list[str]]) -> list[str]:
    """The table rows whose text is not all on one page. A row is found by its own words (those no other
    row has): all of them must be on the same page."""
    counts = Counter(word for row in rows for word in set(words(" ".join(row))))
    problems = []
    for row in rows:
        own = {word for word in words(" ".join(row)) if counts[word] == 1 and len(word) > 2}
        if not own:
            continue
        if not any(all(page.words[word] for word in own) for page in pages):
            problems.append(" | ".join(row))
    return problems


def stranded_headings(pages: list[Page], headings: list[str]) -> list[str]:
    """Headings that end their page: the last line above the footer is (the end of) a heading."""
    found = []
    for number, page in enumerate(pages, start=1):
        body = page.body()
        if not body or number == len(pages):
            continue
        last = body[-1].text
        if any(heading.endswith(last) and len(last) > 3 for heading in headings):
            found.append(f"page {number}: {last}")
    return found


def cut_text(pages: list[Page]) -> list[str]:
    """Text that runs off the paper or into its edge (a column cut at the right)."""
    return [
        f"page {number}: {line.text[:40]!r} at x {line.x0:.0f}-{line.x1:.0f} of {page.width:.0f}"
        for number, page in enumerate(pages, start=1)
        for line in page.lines
        if line.x0 < EDGE or line.x1 > page.width - EDGE
    ]


def pdftoppm() -> str | None:
    return shutil.which("pdftoppm")


PAGE_NUMBER = re.compile(r"(\d+) / (\d+)")
