"""Survey exports, second round (issue 12): responses split over several sheets, data only on a hidden
sheet, an export replaced or changed while it is scored (the SHA-256 is that of exactly the bytes parsed),
a NUL tail (bounded memory, the line named), a NUL in a cell, old Mac line ends, title rows above the
header, a FIFO as the export, a file name that is not UTF-8."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from b2c_cli.errors import InputError
from b2c_cli.ingest import open_export
from conftest import Run
from helpers import REPO

EXAMPLE = REPO / "examples" / "hedemarken-nortec"
EXPORT = REPO / "examples" / "exports" / "hedemarken-2026-google-forms.csv"
HEADER = ["Tidsstempel", "Hvor gammel er du?", "Jeg føler mig tryg"]


def _rows(count: int, start: int = 0) -> list[list[Any]]:
    return [[f"2026-02-{1 + (start + i) % 28:02d}", "30-39", "Enig"] for i in range(count)]


def _workbook(path: Path, sheets: dict[str, list[list[Any]]], hidden: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


def _error(path: Path, sheet: str | None = None) -> InputError:
    with pytest.raises(InputError) as raised:
        export = open_export(path, sheet=sheet)
        list(export.rows)
    return raised.value


# -- sheets ----------------------------------------------------------------------------------------------
def test_responses_split_over_two_sheets_are_an_error_naming_them(tmp_path: Path) -> None:
    """The old reader scored the first sheet's 100 rows of 150 without a word."""
    path = _workbook(tmp_path / "x.xlsx", {"Svar": [HEADER, *_rows(100)], "Svar (2)": [HEADER, *_rows(50)]})
    error = _error(path)
    assert error.key == "export-split-sheets"
    assert "'Svar', 'Svar (2)'" in error.message("da") and "--sheet" in error.message("da")
    export = open_export(path, sheet="Svar (2)")  # choosing one is the user's to do
    assert len(list(export.rows)) == 50


def test_a_second_sheet_with_other_content_is_fine(tmp_path: Path) -> None:
    path = _workbook(
        tmp_path / "x.xlsx", {"Svar": [HEADER, *_rows(10)], "Noter": [["Indsamlet i februar"], ["af Bo"]]}
    )
    assert len(list(open_export(path).rows)) == 10


def test_data_only_on_a_hidden_sheet_names_it_and_sheet(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "x.xlsx", {"Forside": [], "Data": [HEADER, *_rows(10)]}, hidden=("Data",))
    error = _error(path)
    assert error.key == "export-hidden-sheets"
    assert "--sheet 'Data'" in error.message("da")
    assert len(list(open_export(path, sheet="Data").rows)) == 10


# -- the bytes hashed are the bytes parsed ------------------------------------------------------------------
def _csv(path: Path, rows: list[list[Any]]) -> Path:
    path.write_text("\n".join(",".join(map(str, row)) for row in rows) + "\n", "utf-8")
    return path


def test_a_csv_replaced_while_it_is_read_gives_one_files_hash_and_rows(tmp_path: Path) -> None:
    """A sync client replaces the export (a new file renamed over it) between opening and reading the
    rows: hash and rows must both be the first file's."""
    path = _csv(tmp_path / "x.csv", [HEADER, *_rows(10)])
    first = hashlib.sha256(path.read_bytes()).hexdigest()
    export = open_export(path)
    other = _csv(tmp_path / "y.csv", [HEADER, *_rows(30)])
    other.replace(path)
    assert len(list(export.rows)) == 10
    assert export.sha256 == first


def test_an_xlsx_replaced_while_it_is_read_gives_one_files_hash_and_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from b2c_cli.ingest import xlsxfile

    path = _workbook(tmp_path / "x.xlsx", {"Svar": [HEADER, *_rows(10)]})
    first = hashlib.sha256(path.read_bytes()).hexdigest()
    other = _workbook(tmp_path / "y.xlsx", {"Svar": [HEADER, *_rows(30)]})
    real = xlsxfile.XlsxWorkbook.__init__

    def replaced_first(self: Any, *args: Any, **kwargs: Any) -> None:
        if other.exists():
            other.replace(path)  # the sync client, just before the workbook is parsed
        real(self, *args, **kwargs)

    monkeypatch.setattr(xlsxfile.XlsxWorkbook, "__init__", replaced_first)
    export = open_export(path)
    assert (export.sha256, len(list(export.rows))) == (first, 10)


def test_a_csv_changed_in_place_while_it_is_read_is_refused(tmp_path: Path) -> None:
    path = _csv(tmp_path / "x.csv", [HEADER, *_rows(10)])
    export = open_export(path)
    rows = iter(export.rows)
    next(rows)
    with path.open("a", encoding="utf-8") as handle:
        handle.write("2026-03-01,40-49,Uenig\n")
    with pytest.raises(InputError) as raised:
        list(rows)
    assert raised.value.key == "export-changed-while-reading"


# -- NUL bytes ------------------------------------------------------------------------------------------
def test_a_huge_nul_tail_is_refused_at_its_line_in_bounded_memory(tmp_path: Path) -> None:
    """A half-synchronised file: the CSV, then 300 MB of zeros (a sparse file, so the test is cheap). The
    old reader held the whole tail in memory as one field (1.2 GB for a 1 GB tail)."""
    path = _csv(tmp_path / "x.csv", [HEADER, *_rows(10)])
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size + 300 * 1024 * 1024)
    tracemalloc.start()
    try:
        error = _error(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert error.key == "export-nul-byte" and error.where == f"{path}:12"
    assert peak < 40 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"


def test_a_nul_in_a_cell_is_named_as_such(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(",".join(HEADER).encode() + b"\n2026-02-01,30-39,Enig\n2026-02-02,\x0030-39,Enig\n")
    error = _error(path)
    assert (error.key, error.where) == ("export-nul-byte", f"{path}:3")


# -- line ends and title rows ---------------------------------------------------------------------------
def test_old_mac_line_ends_are_read(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes("\r".join(",".join(row) for row in [HEADER, *_rows(5)]).encode() + b"\r")
    export = open_export(path)
    assert [c.name for c in export.columns][:3] == HEADER
    assert len(list(export.rows)) == 5


@pytest.mark.parametrize("delimiter", [";", ","])
def test_title_rows_above_the_header_are_named(tmp_path: Path, delimiter: str) -> None:
    path = tmp_path / "x.csv"
    lines = ["Tryghedsmåling Hedemarken 2026", "Udtrukket 2026-03-01", ""]
    lines += [delimiter.join(row) for row in [HEADER, *_rows(5)]]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    error = _error(path)
    assert (error.key, error.where) == ("export-title-rows", f"{path}:1")
    assert "linje 4" in error.message("da")


# -- not a file, not a UTF-8 name -----------------------------------------------------------------------
@pytest.fixture
def folder(tmp_path: Path) -> Path:
    target = tmp_path / "hedemarken"
    shutil.copytree(EXAMPLE, target)
    (target / "results" / "2026.yaml").unlink()
    return target


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_as_the_export(folder: Path, tmp_path: Path, run: Run) -> None:
    fifo = tmp_path / "eksport.csv"
    os.mkfifo(fifo)
    started = time.monotonic()
    result = run("score", fifo, "--dir", folder, "--period", "2026")
    assert result.exit_code == 3, result.stdout + result.stderr
    assert "ikke en almindelig fil" in result.stderr and "findes ikke" not in result.stderr
    assert time.monotonic() - started < 10


@pytest.mark.skipif(os.name != "posix", reason="POSIX file names are bytes")
def test_a_file_name_that_is_not_utf8(folder: Path, tmp_path: Path, run: Run) -> None:
    """Scored, then every report failed (exit 70) on the name written into the results."""
    name = os.fsdecode(b"eksport-\xe6\xf8.csv")  # Latin-1 bytes, as from an old zip file
    shutil.copyfile(EXPORT, tmp_path / name)
    result = run("score", tmp_path / name, "--dir", folder, "--period", "2026")
    assert result.exit_code == 0, result.stdout + result.stderr
    text = (folder / "results" / "2026.yaml").read_text("utf-8")
    assert 'file: "eksport-æø.csv"' in text or "file: eksport-æø.csv" in text
    result = run("report", folder, "--format", "md,html,xlsx")
    assert result.exit_code == 0, result.stdout + result.stderr
