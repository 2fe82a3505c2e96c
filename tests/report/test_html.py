"""The HTML documents: one self-contained file each (nothing fetched: no script, no web font, no remote
image), printable on A4, with the charts as inline SVG; and, when Chromium is installed, rendered headless
to a PNG that shows the page."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from b2c_cli.i18n import LANGS, Lang

from .kit import read_html, read_png
from .printed import cut_text, html_structure, pdf_pages, split_rows, stranded_headings

HTML = ("esg-report.html", "agreement.html")
CHROMIUM = Path("/usr/bin/chromium")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
ACCENT = bytes.fromhex("2f6f8f")  # headings and bars (templates/report/_base.html.j2, report/charts.py)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", HTML)
def test_html_is_self_contained(rendered: dict[Lang, Path], lang: Lang, name: str) -> None:
    text = (rendered[lang] / name).read_text("utf-8")
    doc = read_html(text)
    assert doc.problems == []
    assert text.startswith("<!DOCTYPE html>")
    assert doc.tags["meta"] >= 1 and '<meta charset="utf-8">' in text
    for tag in ("script", "link", "iframe", "object", "embed", "img", "base", "form"):
        assert doc.tags[tag] == 0, tag
    for tag, attribute, value in doc.attributes:
        assert not attribute.startswith("on"), (tag, attribute)  # no event handler
        if attribute in ("src", "href", "srcset", "action", "data", "poster", "xlink:href"):
            pytest.fail(f"<{tag} {attribute}={value!r}> points outside the file")
        if attribute == "style":
            assert "url(" not in value
        if attribute == "xmlns":
            assert value == "http://www.w3.org/2000/svg"
    css = "\n".join(doc.styles)
    assert "@import" not in css and "url(" not in css and "@font-face" not in css
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", text)
    # The only URL in the file is the SVG namespace, which is a name, not something fetched.
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= {"http://www.w3.org/2000/svg"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", HTML)
def test_html_prints_on_a4(rendered: dict[Lang, Path], lang: Lang, name: str) -> None:
    css = "\n".join(read_html((rendered[lang] / name).read_text("utf-8")).styles)
    page = re.search(r"@page\s*\{([^}]*)\}", css)
    assert page and re.search(r"size:\s*A4", page.group(1))


@pytest.mark.parametrize("lang", LANGS)
def test_esg_report_has_an_inline_svg_chart_per_indicator(rendered: dict[Lang, Path], lang: Lang) -> None:
    text = (rendered[lang] / "esg-report.html").read_text("utf-8")
    doc = read_html(text)
    assert doc.tags["svg"] == 5
    assert doc.tags["rect"] == 10  # baseline and År 1 for each; År 2 is not measured yet
    assert doc.tags["figure"] == doc.tags["figcaption"] == 5
    labels = [value for tag, attribute, value in doc.attributes if tag == "svg" and attribute == "aria-label"]
    assert labels[0] == "Tilhørsforhold (versus isolation)"
    assert 'role="img"' in text


def _screenshot(html: Path, png: Path, profile: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            f"--screenshot={png}",
            "--window-size=1000,2000",
            html.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (/usr/bin/chromium)")
@pytest.mark.parametrize("name", HTML)
def test_chromium_renders_the_page(rendered: dict[Lang, Path], tmp_path: Path, name: str) -> None:
    html = tmp_path / name
    shutil.copyfile(rendered["da"] / name, html)  # alone in its folder: it needs nothing beside it
    png = tmp_path / "page.png"
    done = _screenshot(html, png, tmp_path / "profile")
    assert png.is_file(), done.stderr.decode("utf-8", "replace")[-2000:]
    assert png.stat().st_size > 20_000  # a blank page compresses to a few kilobytes
    image = read_png(png.read_bytes())
    assert (image.width, image.height) == (1000, 2000)
    colours = Counter(image.pixels(step=3))
    total = sum(colours.values())
    background, count = colours.most_common(1)[0]
    assert background == b"\xff\xff\xff"
    assert count / total < 0.97, "the page is (nearly) blank"
    assert len(colours) > 50  # text is anti-aliased: many shades
    # The heading (and, in the ESG report, the bars of the charts) in the accent colour.
    assert colours[ACCENT] > (200 if name == "esg-report.html" else 20)


def _print(html: Path, pdf: Path, profile: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            str(CHROMIUM),
            *FLAGS,
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            html.as_uri(),
        ],
        capture_output=True,
        timeout=180,
        check=False,
    )


@pytest.mark.slow
@pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed (/usr/bin/chromium)")
@pytest.mark.parametrize("name", HTML)
def test_the_browser_prints_it_on_a4_with_the_same_page_breaks(
    rendered: dict[Lang, Path], tmp_path: Path, name: str
) -> None:
    """The HTML printed on its own (Chromium's print to PDF, as a user's browser does): the same print
    rules hold as in b2c's PDF - footer and page number on every page, the ESG table on a landscape page,
    no heading alone at a page's bottom, no table row split, the signature block on one page."""
    html = tmp_path / name
    shutil.copyfile(rendered["da"] / name, html)
    pdf = tmp_path / "printed.pdf"
    done = _print(html, pdf, tmp_path / "profile")
    assert pdf.is_file(), done.stderr.decode("utf-8", "replace")[-2000:]
    pages = pdf_pages(pdf.read_bytes())
    rows, headings = html_structure(html.read_text("utf-8"))
    assert 2 <= len(pages) <= 8
    for number, page in enumerate(pages, start=1):
        assert "Rapportdato 2026-09-09" in page.text and f"{number}/{len(pages)}" in page.text.replace(
            " ", ""
        )
    assert stranded_headings(pages, headings) == []
    assert split_rows(pages, rows) == []
    assert cut_text(pages) == []
    if name == "esg-report.html":
        assert [page.landscape for page in pages].count(True) == 1
    else:
        (last,) = [page for page in pages if "Underskrifter" in page.text]
        assert last.text.count("Underskrift:") == 2 and last.text.count("Dato:") == 2
