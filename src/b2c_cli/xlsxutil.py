"""Writing spreadsheets people will open in Excel: text that can never become a formula, and files whose
bytes depend only on their content (so a re-run leaves git clean)."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell, MergedCell

EXCEL_CELL_LIMIT = 32_767  # characters Excel keeps in one cell
# Text Excel would read as a formula or a command when typed (CSV/formula injection): =, +, -, @, tab, CR.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FIXED_TIME = (2000, 1, 1, 0, 0, 0)
_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")
_SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def set_text(cell: Cell | MergedCell, value: str) -> None:
    """Store `value` as text: never a formula, without characters XML cannot hold, within Excel's limit,
    and marked so that Excel keeps it text even when someone edits the cell."""
    text = ILLEGAL_CHARACTERS_RE.sub("", value)
    if len(text) > EXCEL_CELL_LIMIT:
        text = text[: EXCEL_CELL_LIMIT - 1] + "…"
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_START):
        cell.quotePrefix = True


def set_value(cell: Cell | MergedCell, value: Any, number_format: str | None = None) -> None:
    """A number with its format, text through `set_text`, or an empty cell."""
    if isinstance(value, str):
        set_text(cell, value)
        return
    cell.value = value
    if number_format is not None and value is not None:
        cell.number_format = number_format


def sheet_title(title: str) -> str:
    """A sheet name Excel accepts: none of []:*?/\\ nor control characters, at most 31 characters, no
    apostrophe at either end (also after cutting it short), and not the name Excel reserves."""
    text = _SHEET_TITLE_FORBIDDEN.sub("-", ILLEGAL_CHARACTERS_RE.sub("", title))[:31].strip("'")
    if text.casefold() == "history":
        text += "-"
    return text or "Sheet"


def reproducible(data: bytes) -> bytes:
    """The same workbook with fixed timestamps in its properties and its zip entries."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in entries:
            if name == "docProps/core.xml":
                content = _CORE_TIMES.sub(rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(zipfile.ZipInfo(name, date_time=_FIXED_TIME), content, zipfile.ZIP_DEFLATED)
    return out.getvalue()
