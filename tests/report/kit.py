"""Shared by the tests of `b2c report`: a copy of the example partnership, small edits to its YAML, the
command run outside the function-scoped fixtures (so a module can render once), and readers for what the
report writes: Markdown tables split at their unescaped pipes, HTML tags, PNG pixels."""

from __future__ import annotations

import re
import shutil
import struct
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from typer.testing import CliRunner, Result

from b2c_cli.cli.app import app
from b2c_cli.survey.scoring import Estimate
from helpers import REPO, TODAY, files_in

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
PARTNERSHIP, PART2, PART3 = "b2c.yaml", "part2-joint.yaml", "part3-evaluation.yaml"
DOCUMENTS = ("esg-report.md", "esg-report.html", "agreement.md", "agreement.html")
XLSX, ICS = "esg-report.xlsx", "annual-wheel.ics"
# In the order `b2c report` writes and lists them: the formats in the registry's order (md, html, xlsx,
# ics), each format's documents in order.
DOCX = ("esg-report.docx", "agreement.docx")
PDF = ("esg-report.pdf", "agreement.pdf")  # not a default format: it needs WeasyPrint
OUTPUTS = ("esg-report.md", "agreement.md", "esg-report.html", "agreement.html", XLSX, ICS, *DOCX)
# What the autouse fixture of tests/conftest.py pins, for runs from fixtures wider than one test.
ENV: dict[str, str | None] = {"B2C_TODAY": TODAY, "B2C_LANG": None, "COLUMNS": "200"}
# Control characters no text file b2c writes may hold (tab and line breaks are allowed).
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def copy_example(dest: Path, *, reports: bool = False) -> Path:
    """The example partnership (results and all) at `dest`; its committed reports only when asked."""
    ignore = None if reports else shutil.ignore_patterns("reports")
    shutil.copytree(EXAMPLE, dest, ignore=ignore)
    return dest


def report(*args: object, env: dict[str, str | None] | None = None) -> Result:
    """`b2c report ARGS` with the environment of the autouse fixture (and `env` on top)."""
    return CliRunner().invoke(app, ["report", *(str(arg) for arg in args)], env={**ENV, **(env or {})})


def render(
    folder: Path, *args: object, output: Path | None = None, env: dict[str, str | None] | None = None
) -> dict[str, bytes]:
    """Run the report on `folder` (into `output` when given) and return every file written there."""
    extra: tuple[object, ...] = ("-o", output) if output is not None else ()
    result = report(folder, *args, *extra, env=env)
    assert result.exit_code == 0, result.stdout + result.stderr
    return files_in(output if output is not None else folder / "reports")


# -- editing the workbook -------------------------------------------------------------------------------
class _Dumper(yaml.SafeDumper):
    """b2c's loader refuses anchors and aliases; never write them, even for a value used twice."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def load(folder: Path, name: str) -> Any:
    return yaml.safe_load((folder / name).read_text("utf-8"))


def save(folder: Path, name: str, data: Any) -> None:
    text = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10**9)
    (folder / name).write_text(text, "utf-8")


def edit(folder: Path, name: str, change: Callable[[Any], None]) -> None:
    """Load `name` with PyYAML, let `change` modify it in place, and write it back (comments are lost)."""
    data = load(folder, name)
    change(data)
    save(folder, name, data)


def add_indicator(folder: Path, indicator: dict[str, Any], *manual: dict[str, Any]) -> None:
    """Append an indicator to Part 3, with manual values (`{"period": ..., "value": ...}`)."""

    def change(data: Any) -> None:
        data["indicators"].append(indicator)
        data.setdefault("manual_values", [])
        data["manual_values"] += [{"indicator": indicator["id"], **value} for value in manual]

    edit(folder, PART3, change)


def set_result(folder: Path, period: str, indicator: str, positive: int, n: int) -> None:
    """Replace one indicator's figures in results/PERIOD.yaml, keeping the file consistent."""

    def change(data: Any) -> None:
        found = next(item for item in data["indicators"] if item["id"] == indicator)
        estimate = Estimate(positive, n)
        found.update(percent=estimate.percent, positive=positive, n=n, ci95=list(estimate.ci95 or []))

    edit(folder, f"results/{period}.yaml", change)


def set_paths(data: Any, path: tuple[str, ...], value: str) -> int:
    """Set every value at `path` ('*' walks each element of a list); returns how many were set."""
    head, *rest = path
    if head == "*":
        return sum(_set_at(data, index, rest, value) for index in range(len(data)))
    return _set_at(data, head, rest, value)


def _set_at(node: Any, key: Any, rest: list[str], value: str) -> int:
    if not rest:
        node[key] = value
        return 1
    if isinstance(node, dict) and key not in node:
        return 0
    return set_paths(node[key], tuple(rest), value)


# -- Markdown -------------------------------------------------------------------------------------------
SEPARATOR = re.compile(r"\|(?: *:?-{3,}:? *\|)+")


def split_row(line: str) -> list[str]:
    """A Markdown line split at its unescaped pipes: the text before the first one, each cell, and the
    text after the last one (both empty for a well-formed row)."""
    pieces: list[str] = []
    current: list[str] = []
    escaped = False
    for char in line:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "|":
            pieces.append("".join(current))
            current = []
            continue
        current.append(char)
    pieces.append("".join(current))
    return pieces


@dataclass
class MarkdownTable:
    line: int  # 1-based line of the header
    rows: list[list[str]]  # header first, then each body row (the separator left out); cells stripped


def markdown_tables(text: str) -> list[MarkdownTable]:
    """Every table in `text` (a header line followed by a separator line, up to the next blank line),
    after checking that each of its lines is one whole row with as many cells as the header: a stray pipe
    adds a cell, a line break inside a cell cuts the row in two."""
    lines = text.split("\n")
    tables: list[MarkdownTable] = []
    index = 0
    while index < len(lines) - 1:
        if not SEPARATOR.fullmatch(lines[index + 1]):
            index += 1
            continue
        header = split_row(lines[index])
        width = len(header) - 2
        assert len(split_row(lines[index + 1])) - 2 == width, f"line {index + 2}: separator width"
        rows: list[list[str]] = []
        end = index + 2
        for number in [index, *range(index + 2, len(lines))]:
            line = lines[number]
            if number > index and not line.strip():
                break
            pieces = split_row(line)
            assert pieces[0] == "" and pieces[-1] == "", f"line {number + 1} is not one whole row: {line!r}"
            assert len(pieces) - 2 == width, f"line {number + 1} has {len(pieces) - 2} cells, not {width}"
            rows.append([cell.strip() for cell in pieces[1:-1]])
            end = number + 1
        tables.append(MarkdownTable(index + 1, rows))
        index = end
    return tables


def table_after(text: str, heading: str) -> list[list[str]]:
    """The rows of the first table after the line `heading`."""
    start = text.split("\n").index(heading) + 1
    return next(table.rows for table in markdown_tables(text) if table.line > start)


def footnotes(text: str) -> dict[int, str]:
    return {int(n): body for n, body in re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.MULTILINE)}


# -- HTML -----------------------------------------------------------------------------------------------
VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)


@dataclass
class HtmlDoc:
    tags: Counter[str] = field(default_factory=Counter)
    attributes: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, name, value)
    problems: list[str] = field(default_factory=list)  # unbalanced tags
    text: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.doc = HtmlDoc()
        self.stack: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.doc.tags[tag] += 1
        self.doc.attributes += [(tag, name, value or "") for name, value in attrs]

    def handle_endtag(self, tag: str) -> None:
        if self.stack and self.stack[-1] == tag:
            self.stack.pop()
        else:
            self.doc.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'} at {self.getpos()}")

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1] == "style":
            self.doc.styles.append(data)
        else:
            self.doc.text.append(data)


def read_html(text: str) -> HtmlDoc:
    reader = _Reader()
    reader.feed(text)
    reader.close()
    reader.doc.problems += [f"<{tag}> never closed" for tag in reader.stack]
    return reader.doc


# -- PNG ------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Image:
    width: int
    height: int
    rows: list[bytes]  # RGB(A) bytes per row
    channels: int

    def pixels(self, step: int = 1) -> Iterator[bytes]:
        """The RGB of every `step`th pixel of every `step`th row."""
        stride = self.channels * step
        for row in self.rows[::step]:
            for x in range(0, len(row), stride):
                yield row[x : x + 3]


def read_png(data: bytes) -> Image:
    """A small PNG decoder (8-bit RGB or RGBA, not interlaced: what Chromium writes), with no library."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], b""
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position : position + 8])
        body = data[position + 8 : position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        elif kind == b"IEND":
            break
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
    channels = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * channels
    rows: list[bytes] = []
    previous = bytearray(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 255
        elif kind == 2:
            line = bytearray((a + b) & 255 for a, b in zip(line, previous, strict=True))
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + (left + previous[i]) // 2) & 255
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        previous = line
    return Image(width, height, rows, channels)
