"""The printable questionnaire (HTML on A4 with tick boxes, and Markdown) and the text import files, byte for
byte against golden files, plus what must hold whatever the wording: self-contained HTML, one tick box per
statement per answer and per background option, the statements in workbook order and as worded. Rendered in
headless Chromium when it is installed.

After an intended change to the templates or messages, regenerate with
`UPDATE_GOLDEN=1 .venv/bin/pytest tests/questionnaire/test_documents.py` and review the diff like code."""

from __future__ import annotations

import html
import os
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from b2c_cli.i18n import Lang, tr
from conftest import Run
from helpers import TESTS, files_in

from .kit import (
    EXAMPLE,
    EXAMPLE_BACKGROUND,
    EXAMPLE_STATEMENTS,
    LABELS,
    OUTPUT,
    TEXT_FILES,
    copy_example,
    generate,
)

GOLDEN = TESTS / "questionnaire" / "golden"
LANGS: tuple[Lang, ...] = ("da", "en")
Outputs = dict[Lang, dict[str, bytes]]
CHROMIUM = (
    shutil.which("chromium")
    or shutil.which("chromium-browser")
    or ("/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None)
)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Outputs:
    """The example's questionnaire text files in each language, generated once for the module."""
    from typer.testing import CliRunner

    from b2c_cli.cli.app import app

    found: dict[Lang, dict[str, bytes]] = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("B2C_TODAY", "2025-01-15")
        patch.delenv("B2C_LANG", raising=False)
        folder = copy_example(tmp_path_factory.mktemp("documents"))
        for lang in LANGS:
            out = folder.parent / f"out-{lang}"
            result = CliRunner().invoke(
                app, ["questionnaire", str(folder), "--lang", lang, "--format", "md,html,csv", "-o", str(out)]
            )
            assert result.exit_code == 0, result.stdout + result.stderr
            found[lang] = files_in(out)
    return found


def golden_folder(lang: Lang) -> Path:
    """The example is Danish: its committed questionnaire is the Danish golden set; English under tests/."""
    return EXAMPLE / OUTPUT if lang == "da" else GOLDEN / lang


@pytest.mark.parametrize("lang", LANGS)
def test_matches_golden_files(outputs: Outputs, lang: Lang) -> None:
    written = outputs[lang]
    golden = golden_folder(lang)
    if os.environ.get("UPDATE_GOLDEN") == "1":
        golden.mkdir(parents=True, exist_ok=True)
        for name, data in written.items():
            (golden / name).write_bytes(data)
    assert sorted(written) == sorted(TEXT_FILES)
    kept = {name: data for name, data in files_in(golden).items() if name in TEXT_FILES}
    assert kept == written, f"regenerate with UPDATE_GOLDEN=1 and review: {golden}"


def test_the_committed_example_questionnaire_is_up_to_date(run: Run, tmp_path: Path) -> None:
    """examples/hedemarken-nortec/questionnaire/ is what `b2c questionnaire` writes today: a re-run on a
    copy changes nothing."""
    folder = copy_example(tmp_path)
    result = generate(run, folder)
    assert result.stdout.count(tr("report-unchanged", "da", path="").strip()) == 6, result.stdout
    assert files_in(folder / OUTPUT) == files_in(EXAMPLE / OUTPUT)


class _Page(HTMLParser):
    """What a reader of the printed page gets: tick boxes (with the row they are in), tags, text."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.rows: list[list[str]] = []  # per table body row: its cells' texts, then a tick box per label
        self.row_ticks: list[list[str | None]] = []
        self.list_ticks = 0
        self.in_row = self.in_li = False
        self.cells: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        values = dict(attrs)
        if tag == "tr":
            self.in_row = True
            self.cells = []
            self.rows.append(self.cells)
            self.row_ticks.append([])
        elif tag == "li":
            self.in_li = True
        elif tag == "span" and values.get("class") == "tick":
            if self.in_li:
                self.list_ticks += 1
            elif self.in_row:
                self.row_ticks[-1].append(values.get("aria-label"))
        elif tag in ("td", "th"):
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "tr":
            self.in_row = False
        elif tag == "li":
            self.in_li = False

    def handle_data(self, data: str) -> None:
        if self.in_row and self.cells:
            self.cells[-1] += data


def _page(text: str) -> _Page:
    page = _Page()
    page.feed(text)
    page.close()
    return page


@pytest.mark.parametrize("lang", LANGS)
def test_html_is_self_contained_and_printable_on_a4(outputs: Outputs, lang: Lang) -> None:
    text = outputs[lang]["questionnaire.html"].decode("utf-8")
    page = _page(text)

    assert text.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in text
    assert '<meta charset="utf-8">' in text
    # Nothing runs and nothing is fetched: no script, no external resource of any kind.
    assert "script" not in page.tags
    assert not {"link", "img", "iframe", "object", "embed", "base", "form", "input"} & set(page.tags)
    assert not re.search(r"(?i)https?:|//[a-z]|url\(|@import|\bsrc=|\bhref=", text)
    # A4 and large type.
    assert re.search(r"@page\s*\{[^}]*size:\s*A4", text)
    assert re.search(r"html\s*\{[^}]*font-size:\s*1[2-9]pt", text)
    assert text.count(tr("q-title", lang, area="Hedemarken")) == 2  # <title> and <h1>


@pytest.mark.parametrize("lang", LANGS)
def test_html_has_a_tick_box_per_statement_per_answer(outputs: Outputs, lang: Lang) -> None:
    page = _page(outputs[lang]["questionnaire.html"].decode("utf-8"))

    body = [(cells, ticks) for cells, ticks in zip(page.rows, page.row_ticks, strict=True) if ticks]
    # One row per statement, numbered, in workbook order, each statement exactly as worded (the
    # reverse-worded sixth too), with six tick boxes labelled Helt enig ... Helt uenig, Ved ikke.
    assert [(cells[0], cells[1]) for cells, _ in body] == [
        (str(number), statement) for number, statement in enumerate(EXAMPLE_STATEMENTS, start=1)
    ]
    assert all(ticks == list(LABELS[lang]) for _, ticks in body)
    # The header row names the six answers in the same order.
    assert page.rows[0] == ["#", tr("q-col-statement", lang), *LABELS[lang]]
    # One tick box per background option: 4 age bands + 3 lengths of residence.
    assert page.list_ticks == sum(len(options) for options in EXAMPLE_BACKGROUND.values()) == 9
    text = html.unescape(outputs[lang]["questionnaire.html"].decode("utf-8"))
    assert text.count('class="tick"') == 6 * 6 + 9
    for question, options in EXAMPLE_BACKGROUND.items():
        assert question in text
        positions = [text.index(option) for option in options]
        assert positions == sorted(positions)
    # Statements in workbook order in the page as a whole.
    positions = [text.index(statement) for statement in EXAMPLE_STATEMENTS]
    assert positions == sorted(positions)


@pytest.mark.parametrize("lang", LANGS)
def test_markdown_has_a_box_per_statement_per_answer(outputs: Outputs, lang: Lang) -> None:
    text = outputs[lang]["questionnaire.md"].decode("utf-8")
    lines = text.splitlines()

    header = f"| # | {tr('q-col-statement', lang)} | " + " | ".join(LABELS[lang]) + " |"
    assert header in lines
    rows = [line for line in lines if line.startswith("| ") and line.endswith("| ☐ |")]
    assert rows == [
        f"| {number} | {statement} |" + " ☐ |" * 6
        for number, statement in enumerate(EXAMPLE_STATEMENTS, start=1)
    ]
    for question, options in EXAMPLE_BACKGROUND.items():
        start = lines.index(f"**{question}**")
        assert lines[start + 2 : start + 2 + len(options)] == [f"- ☐ {option}" for option in options]
    assert text.count("☐") == 6 * 6 + 9
    assert lines[0] == f"# {tr('q-title', lang, area='Hedemarken')}"
    assert text.endswith(tr("q-thanks", lang) + "\n")


def _png_summary(data: bytes) -> tuple[int, int, int]:
    """(width, height, distinct byte values in the decoded image data) of a PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    offset, width, height, idat = 8, 0, 0, b""
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    return width, height, len(set(zlib.decompress(idat)))


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
@pytest.mark.parametrize("lang", LANGS)
def test_html_renders_in_headless_chromium(outputs: Outputs, tmp_path: Path, lang: Lang) -> None:
    page = tmp_path / "questionnaire.html"
    page.write_bytes(outputs[lang]["questionnaire.html"])
    png = tmp_path / "questionnaire.png"
    assert CHROMIUM is not None
    completed = subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--screenshot={png}",
            "--window-size=900,1400",
            page.as_uri(),
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert png.is_file(), completed.stderr.decode("utf-8", "replace")[-2000:]
    data = png.read_bytes()
    width, height, distinct = _png_summary(data)
    assert (width, height) == (900, 1400)
    # A blank page compresses to a few kilobytes with next to no distinct values; text and boxes do not.
    assert len(data) > 30_000
    assert distinct > 50
