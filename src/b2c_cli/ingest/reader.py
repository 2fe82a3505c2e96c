"""The entry: sniff what the file is, open it with the matching reader (for a workbook, the sheets a profile
names), find the header and the tool's layout, and hand out the data rows through one generator that counts
what it leaves out."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Export, ProgressCallback, profiles
from b2c_cli.ingest.layouts import Detected, detect
from b2c_cli.ingest.sniff import sniff_export
from b2c_cli.ingest.text import column_letter, mojibake

if TYPE_CHECKING:
    from b2c_cli.ingest.sniff import ZipFacts
    from b2c_cli.ingest.xlsxfile import XlsxSheet

Rows = Iterator[tuple[int, list[Cell]]]
Merged = list[tuple[tuple[int, int], tuple[int, int]]]


def open_export(path: Path, sheet: str | None = None, progress: ProgressCallback | None = None) -> Export:
    path = Path(path)
    display = str(path)
    sniffed = sniff_export(path, display)
    kind = sniffed.kind
    encoding = delimiter = sheet_name = None
    side_sheets: dict[str, list[list[Cell]]] = {}
    merged: Merged = []
    formulas = None
    if sniffed.data is not None:  # a workbook: hashed and parsed from the same bytes, read once
        sha256 = hashlib.sha256(sniffed.data).hexdigest()
        data, side_sheets = _open_workbook(sniffed.data, display, sheet, progress, sniffed.facts)
        rows, sheet_name, merged, formulas = data.rows, data.name, data.merged, data.formulas
    else:
        if sheet is not None:
            raise InputError("export-sheet-in-csv", where=display, sheet=sheet)
        from b2c_cli.ingest.csvfile import open_csv

        text = open_csv(path, display, progress)
        sha256, rows, encoding, delimiter = text.sha256, text.rows, text.encoding, text.delimiter
        side_sheets = _csv_side_files(path, text.encoding, text.delimiter)
    top = _header_block(rows, display)
    detected = detect(top, fmt=kind, side_sheets=side_sheets, display=display)
    if not detected.columns:
        raise InputError("export-no-header", where=f"{display}:{top[0][0]}")
    _check_header_text(top[: detected.header_rows], display)
    export = Export(
        path=path,
        sha256=sha256,
        format=kind,
        layout=detected.layout,
        columns=detected.columns,
        rows=iter(()),
        sheet=sheet_name,
        encoding=encoding,
        delimiter=delimiter,
        formulas=formulas,
        duplicate_headers=detected.duplicates,
    )
    header = _HeaderCells(top[0][0], merged)
    # A column without a header (a pandas index, a note beside the data) is no answer and blocks nothing;
    # only one under a merged header cell is reported, since a statement's header may be what was merged.
    detected.ignored = tuple(index for index in detected.ignored if header.merged_over(index))
    export.rows = _data_rows(chain(top[detected.header_rows :], rows), detected, export, display, header)
    return export


def _open_workbook(
    path: bytes, display: str, sheet: str | None, progress: ProgressCallback | None, facts: ZipFacts | None
) -> tuple[XlsxSheet, dict[str, list[list[Cell]]]]:
    """The sheet to read and the side sheets that go with it. A workbook whose sheets a profile names
    (SurveyXact's Dataset beside Labels) is read from the profile's response sheet unless `sheet` says
    otherwise, and its side sheets are read with it; any other from `sheet`, else its first sheet with
    data."""
    from b2c_cli.ingest.xlsxfile import XlsxWorkbook

    workbook = XlsxWorkbook(path, display, facts)
    known = profiles.sheets_in(workbook.find)
    responses = workbook.find(known.responses) if known is not None else None
    data = workbook.sheet(sheet if sheet is not None else responses, progress)
    side: dict[str, list[list[Cell]]] = {}
    if known is not None and data.name == responses:
        for name in known.side:
            found = workbook.find(name)
            if found is not None:
                side[name] = workbook.whole(found)
    return data, side


# SurveyXact's CSV export is three files: dataset.csv (codes) beside labels.csv (variable, code, label; no
# header row) and structure.csv (the question texts). Read together, no code or column is typed by hand.
_CSV_SIDE_FILES = {"Labels": "labels.csv", "Structure": "structure.csv"}


def _csv_side_files(path: Path, encoding: str | None, delimiter: str | None) -> dict[str, list[list[Cell]]]:
    """The side files that go with a SurveyXact dataset.csv, read whole (they are small) in the dataset's
    encoding and delimiter (SurveyXact writes the three alike; structure.csv's rows may be ragged), by the
    sheet names the SurveyXact profile knows; none for any other CSV. A side file that cannot be read is
    left out: the dataset then needs its codes from the workbook, as before."""
    if path.name.casefold() != "dataset.csv" or not delimiter:
        return {}
    import csv
    import io

    present = {child.name.casefold(): child for child in path.parent.iterdir() if child.is_file()}
    side: dict[str, list[list[Cell]]] = {}
    for sheet, name in _CSV_SIDE_FILES.items():
        found = present.get(name)
        if found is None:
            continue
        try:
            data = found.read_bytes()
            codec = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else (encoding or "utf-8")
            text = data.decode("utf-8-sig" if codec.replace("_", "-").startswith("utf-8") else codec)
        except (OSError, UnicodeDecodeError, LookupError):
            continue
        rows = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        side[sheet] = [list(row) for row in rows]
    return side


def _check_header_text(rows: Sequence[tuple[int, Sequence[Cell]]], display: str) -> None:
    """Header text garbled by the wrong character encoding ('fÃ¸lgende' for 'følgende') would make every
    statement miss its column, or a label unknown: say what happened instead."""
    for number, cells in rows:
        for index, cell in enumerate(cells):
            found = mojibake(cell) if isinstance(cell, str) else None
            if found is not None:
                raise InputError(
                    "export-mojibake",
                    where=f"{display}:{number}:{index + 1}",
                    sample=found[0],
                    fixed=found[1],
                )


def _header_block(rows: Rows, display: str) -> list[tuple[int, list[Cell]]]:
    """The first row with anything in it (the header) and the rows just under it."""
    for number, cells in rows:
        if cells and cells.count("") != len(cells):
            block = [(number, cells)]
            for below in rows:
                block.append(below)
                if len(block) == profiles.HEADER_BLOCK:
                    break
            return block
    raise InputError("export-no-data", where=display)


def _data_rows(
    rows: Iterable[tuple[int, list[Cell]]],
    detected: Detected,
    export: Export,
    display: str,
    header: _HeaderCells,
) -> Iterator[tuple[int, Sequence[Cell]]]:
    """Each data row cut or padded to the columns' width. Empty rows and rows the layout excludes (e.g.
    Qualtrics previews) are counted in export.excluded_rows, flagged ones in export.flagged_rows; anything
    under a column without a header stops the pass."""
    width, ignored, rule = detected.width, detected.ignored, detected.rule
    excluded, flagged = export.excluded_rows, export.flagged_rows
    for number, cells in rows:
        size = len(cells)
        if size > width:
            extra = cells[width:]
            if header.merged and extra.count("") != len(extra):
                first = width + next(i for i, c in enumerate(extra) if c != "")
                if header.merged_over(first):
                    header.blank(display, number, first)
            cells = cells[:width]
        elif size < width:
            cells = cells + cast(list[Cell], [""] * (width - size))
        if cells.count("") == width:
            excluded["empty-row"] = excluded.get("empty-row", 0) + 1
            continue
        for index in ignored:
            if cells[index] != "":
                header.blank(display, number, index)
        if rule is not None:
            reason, flag = rule(cells)
            if reason is not None:
                excluded[reason] = excluded.get(reason, 0) + 1
                continue
            if flag is not None:
                flagged[flag] = flagged.get(flag, 0) + 1
        yield number, cells


class _HeaderCells:
    """The header row's number and the sheet's merged cells, to explain data under a blank header."""

    def __init__(self, row: int, merged: Merged) -> None:
        self.row = row - 1  # 0-based, as calamine gives merged cells
        self.merged = merged

    def merged_over(self, index: int) -> bool:
        """Whether the header cell of column `index` (0-based) is covered by a merged cell to its left."""
        return any(
            top <= self.row <= bottom and left < index <= right
            for (top, left), (bottom, right) in self.merged
        )

    def blank(self, display: str, number: int, index: int) -> NoReturn:
        """Data in row `number`, column `index` (0-based), whose header is blank: a header cell merged with
        its neighbour is the usual cause in a workbook, and is named."""
        where = f"{display}:{number}:{index + 1}"
        for (top, left), (bottom, right) in self.merged:
            if top <= self.row <= bottom and left < index <= right:
                cells = f"{column_letter(left)}{top + 1}:{column_letter(right)}{bottom + 1}"
                raise InputError(
                    "export-merged-header", where=where, column=column_letter(index), cells=cells
                )
        raise InputError("export-blank-header", where=where, column=column_letter(index))
