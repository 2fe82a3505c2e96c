"""Formulas without a saved value, in the sheet of an XLSX export that is read.

Excel saves each formula's result next to it (`<c r="B2"><f>A2*2</f><v>8</v></c>`), and calamine reads that
value. A program that writes formulas without calculating them (openpyxl, many scripts) leaves the value out
(`<v/>`), and calamine then reads an empty cell: an answer would silently count as a blank. So when answers
hold blanks, the sheet's XML is searched once more, formula by formula, for cells that have no value (unless
the zip gate, `sniff.check_zip`, searched the sheet and found no formula). The XML is searched, never parsed,
and never has an entity expanded (the gate refused any <!DOCTYPE>).

`uncached(path, sheet, skip)` -> {row number: {column index: "=formula"}} (rows 1-based as Excel shows them,
columns 0-based as the rows' cells are). A formula with a saved value - even an empty text - is no finding.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from pathlib import Path
from typing import IO

CHUNK = 1024 * 1024
MAX_CARRY = 16 * 1024 * 1024  # a cell's XML longer than this is not looked at (Excel's cells hold < 64 KB)

Marks = dict[int, dict[int, str]]

_ATTRIBUTE = re.compile(rb"""([\w.:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_SHEET = re.compile(rb"<(?:[\w.-]+:)?sheet\s([^>]*)>")
_RELATIONSHIP = re.compile(rb"<(?:[\w.-]+:)?Relationship\s([^>]*)>")
_PREFIX = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")
_REF = re.compile(rb"([A-Z]{1,3})(\d{1,7})")


def uncached(path: Path | bytes, sheet: str, skip: frozenset[str]) -> Marks:
    """The cells of sheet `sheet` that hold a formula without a saved value; none when its part is one of
    `skip` (lower-case part names the gate found no formula in). `path`: the file or its bytes."""
    with zipfile.ZipFile(io.BytesIO(path) if isinstance(path, bytes) else path) as archive:
        part = sheet_part(archive, sheet)
        if part is None or part.lower() in skip:
            return {}
        with archive.open(part) as stream:
            return _search(stream)


def sheet_part(archive: zipfile.ZipFile, sheet: str) -> str | None:
    """The zip entry of the sheet named `sheet`, found as calamine finds it: xl/workbook.xml names the sheet
    and its relationship id, xl/_rels/workbook.xml.rels gives the target, relative to xl/ unless it starts
    with /xl/ or xl/; the entry is matched ignoring case."""
    names = {name.lower(): name for name in archive.namelist()}
    workbook = names.get("xl/workbook.xml")
    rels = names.get("xl/_rels/workbook.xml.rels")
    if workbook is None or rels is None:
        return None
    wanted = None
    for found in _SHEET.finditer(archive.read(workbook)):
        attributes = _attributes(found.group(1))
        if attributes.get("name") == sheet:
            wanted = attributes.get("r:id") or attributes.get("relationships:id")
            break
    if wanted is None:
        return None
    for found in _RELATIONSHIP.finditer(archive.read(rels)):
        attributes = _attributes(found.group(1))
        if attributes.get("Id") == wanted:
            target = attributes.get("Target", "")
            if target.startswith("/xl/"):
                target = target[1:]
            elif not target.startswith("xl/"):
                target = "xl/" + target
            return names.get(target.lower())
    return None


def _attributes(text: bytes) -> dict[str, str]:
    return {
        key.decode("utf-8", "replace"): html.unescape((double if double is not None else single).decode())
        for key, double, single in (m.groups() for m in _ATTRIBUTE.finditer(text))
    }


def _search(stream: IO[bytes]) -> Marks:
    """Every cell with a formula and no value, read in chunks that end after a whole cell."""
    buffer = stream.read(CHUNK)
    found = _PREFIX.search(buffer)
    prefix = re.escape(found.group(1) + b":") if found and found.group(1) else b""
    close = b"</" + (found.group(1) + b":" if found and found.group(1) else b"") + b"c>"
    formula = re.compile(b"<" + prefix + rb"f[\s>/]")
    opening = re.compile(b"<" + prefix + rb"c[\s>/]")
    cell = _Cell(prefix)
    marks: Marks = {}
    while True:
        chunk = stream.read(CHUNK)
        buffer += chunk
        cut = buffer.rfind(close) + len(close) if chunk else len(buffer)
        if chunk and cut < len(close):  # no cell ends in what was read: read on (a cell is not this long)
            if len(buffer) > MAX_CARRY:
                buffer = buffer[-CHUNK:]
            continue
        done = 0
        for tag in formula.finditer(buffer, 0, cut):
            if tag.start() < done:
                continue
            start = _last_match(opening, buffer, tag.start())
            end = buffer.find(close, tag.start(), cut)
            if start < 0 or end < 0:
                continue
            cell.read(buffer[start:end], marks)
            done = end
        if not chunk:
            return marks
        buffer = buffer[cut:]


def _last_match(pattern: re.Pattern[bytes], buffer: bytes, before: int) -> int:
    """Where the last match of `pattern` starts before `before` (searching a little way back at a time)."""
    step = 512
    low = before
    while low > 0:
        low = max(0, low - step)
        hits = [m.start() for m in pattern.finditer(buffer, low, before)]
        if hits:
            return hits[-1]
        step *= 4
    return -1


class _Cell:
    def __init__(self, prefix: bytes) -> None:
        self.value = re.compile(
            b"<" + prefix + rb"v(?:\s[^>]*?)?(?:/>|>(.*?)</" + prefix + rb"v>)", re.DOTALL
        )
        self.formula = re.compile(
            b"<" + prefix + rb"f(?:\s[^>]*?)?(?:/>|>(.*?)</" + prefix + rb"f>)", re.DOTALL
        )

    def read(self, xml: bytes, marks: Marks) -> None:
        """A cell's XML (from `<c` to before `</c>`): marked when its formula has no saved value. An empty
        value of a text formula (t="str") is a saved empty text, not a missing value."""
        head = xml[: xml.find(b">") + 1]
        attributes = _attributes(head[head.find(b" ") :] if b" " in head else b"")
        ref = _REF.fullmatch(attributes.get("r", "").encode())
        if ref is None:
            return  # without a reference the cell cannot be placed; calamine places it, this does not
        value = self.value.search(xml)
        if value is not None and (value.group(1) or attributes.get("t") == "str"):
            return
        formula = self.formula.search(xml)
        text = (
            html.unescape(formula.group(1).decode("utf-8", "replace")) if formula and formula.group(1) else ""
        )
        row, column = int(ref.group(2)), _column_index(ref.group(1))
        marks.setdefault(row, {})[column] = "=" + (text or "…")


def _column_index(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number - 1
