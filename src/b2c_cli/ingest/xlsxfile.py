"""XLSX exports through python-calamine (a Rust reader, far faster than openpyxl): a workbook's sheets found
by name, one sheet streamed row by row, small side sheets read whole. Cells keep calamine's types: str,
float (Excel stores every number as a double, so a code 1 arrives as 1.0), bool, datetime/date/time/
timedelta; '' for an empty cell - also for a formula without a saved value, which `formulas` finds on
demand. Which sheet holds the responses and which side sheets go with it is the profiles' knowledge
(`Profile.sheets`); the reader asks them and tells this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, cast

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Formulas, ProgressCallback

if TYPE_CHECKING:
    from python_calamine import CalamineSheet, CalamineWorkbook

    from b2c_cli.ingest.sniff import ZipFacts

PROGRESS_EVERY = 4096

Rows = Iterator[tuple[int, list[Cell]]]


@dataclass
class XlsxSheet:
    name: str
    rows: Rows  # (row number as Excel shows it; the cells, column A first)
    # The sheet's merged cells, ((first row, first column), (last row, last column)), 0-based.
    merged: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    formulas: Formulas | None = None  # the sheet's formulas without a saved value, found when asked


class XlsxWorkbook:
    """An open workbook. `facts`: what the zip gate found (which sheets hold no formulas and need no
    search for them)."""

    def __init__(self, path: Path | bytes, display: str, facts: ZipFacts | None = None) -> None:
        """`path`: the file, or its bytes (as read once by the reader, so hash and parse agree)."""
        import io

        from python_calamine import CalamineWorkbook

        try:
            if isinstance(path, bytes):
                self._workbook = CalamineWorkbook.from_filelike(io.BytesIO(path))
            else:
                self._workbook = CalamineWorkbook.from_path(path)
        except BaseException as exc:
            raise _broken(exc, display) from None
        self.path, self.display = path, display
        self.sheet_names = list(self._workbook.sheet_names)
        self._formula_free = facts.formula_free if facts is not None else frozenset()

    def find(self, wanted: str) -> str | None:
        """A sheet by name: exactly, else ignoring case and surrounding spaces."""
        if wanted in self.sheet_names:
            return wanted
        folded = wanted.strip().casefold()
        return next((name for name in self.sheet_names if name.strip().casefold() == folded), None)

    def sheet(self, wanted: str | None, progress: ProgressCallback | None) -> XlsxSheet:
        """The sheet named `wanted` (found as `find` does), or the first visible one with data, streamed."""
        if wanted is None:
            name, data = _first_with_data(self._workbook, self.display)
        else:
            found = self.find(wanted)
            if found is None:
                raise InputError(
                    "export-unknown-sheet",
                    where=self.display,
                    sheet=wanted,
                    sheets=", ".join(f"'{n}'" for n in self.sheet_names),
                )
            name, data = found, _load(self._workbook, found, self.display)
        merged = list(data.merged_cell_ranges or ())
        formulas = _formulas(self.path, name, self._formula_free, self.display)
        return XlsxSheet(name, _rows(data, progress), merged, formulas)

    def whole(self, name: str) -> list[list[Cell]]:
        """Every row of a (small) sheet, as calamine gives them."""
        return [cast(list[Cell], row) for row in _load(self._workbook, name, self.display).iter_rows()]


def _formulas(path: Path | bytes, sheet: str, skip: frozenset[str], display: str) -> Formulas:
    def find() -> dict[int, dict[int, str]]:
        from b2c_cli.ingest.formulas import uncached

        try:
            return uncached(path, sheet, skip)
        except Exception:  # the gate read this zip already; anything now is a damaged file
            raise InputError("export-xlsx-corrupt", where=display) from None

    return find


def _load(workbook: CalamineWorkbook, name: str, display: str) -> CalamineSheet:
    try:
        return workbook.get_sheet_by_name(name)
    except BaseException as exc:
        raise _broken(exc, display) from None


def _broken(exc: BaseException, display: str) -> BaseException:
    """What calamine raised, as b2c's error: its own errors, anything else a broken file makes it raise,
    and a Rust panic (pyo3's PanicException derives from BaseException). An interrupt stays one."""
    if isinstance(exc, KeyboardInterrupt | SystemExit):
        return exc
    return InputError("export-xlsx-corrupt", where=display)


def _first_with_data(workbook: CalamineWorkbook, display: str) -> tuple[str, CalamineSheet]:
    """The first visible worksheet that holds anything. Responses split over several visible sheets with
    the same header (a tool that starts a new sheet every so many rows, or someone who pasted a second
    batch) are an error naming them: reading the first alone would score part of the answers without a
    word. Data only on hidden sheets is an error that names them and `--sheet`."""
    from python_calamine import SheetTypeEnum, SheetVisibleEnum

    visible: list[tuple[str, CalamineSheet]] = []
    hidden: list[str] = []
    for meta in workbook.sheets_metadata:
        if meta.typ != SheetTypeEnum.WorkSheet:
            continue
        sheet = _load(workbook, meta.name, display)
        if sheet.start is None or sheet.height == 0:
            continue
        if meta.visible != SheetVisibleEnum.Visible:
            hidden.append(meta.name)
        else:
            visible.append((meta.name, sheet))
    if not visible:
        if hidden:
            names = ", ".join(f"'{name}'" for name in hidden)
            raise InputError("export-hidden-sheets", where=display, sheets=names, sheet=hidden[0])
        raise InputError("export-no-data", where=display)
    name, first = visible[0]
    if len(visible) > 1:
        header = _header(first)
        same = [other for other, sheet in visible[1:] if _header(sheet) == header]
        if header and same:
            names = ", ".join(f"'{n}'" for n in (name, *same))
            raise InputError("export-split-sheets", where=display, sheets=names, sheet=name)
    return name, first


def _header(sheet: CalamineSheet) -> tuple[str, ...]:
    """A sheet's first row with anything in it, as text, for comparing sheets."""
    from b2c_cli.ingest.text import header_text

    for row in cast(Iterator[list[Cell]], sheet.iter_rows()):
        texts = tuple(header_text(cell) for cell in row)
        if any(texts):
            return tuple(text.casefold() for text in texts if text)
    return ()


def _rows(sheet: CalamineSheet, progress: ProgressCallback | None) -> Rows:
    """calamine yields every row from the first one, but each starting at the first used column; rows are
    padded on the left so that cell i is column i (A = 0) whatever the sheet's first column is."""
    start = sheet.start
    first_column = start[1] if start is not None else 0
    pad: list[Cell] = [""] * first_column
    end = sheet.end
    total = end[0] + 1 if end is not None else 0
    number = 0
    rows = cast(Iterator[list[Cell]], sheet.iter_rows())
    if progress is None and not first_column:
        yield from enumerate(rows, 1)  # the common case, without per-row work in Python
        return
    for number, cells in enumerate(rows, 1):
        yield number, (pad + cells if first_column else cells)
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, total)
    if progress is not None:
        progress(number, total)
