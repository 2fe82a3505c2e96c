"""File type by content, and every file that is refused before parsing."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from b2c_cli.ingest import sniff

from .expect import input_error, read
from .factories import ANSWERS, STATEMENTS, make_export, write_xlsx


def test_sha256_is_of_the_file_bytes(tmp_path: Path) -> None:
    for fmt in ("xlsx", "csv"):
        path = make_export(tmp_path, "plain", fmt=fmt)
        export, _ = read(path)
        assert export.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
        assert export.path == path


def test_csv_renamed_xlsx_is_read_as_csv(tmp_path: Path) -> None:
    path = make_export(tmp_path, "google-forms", fmt="csv", filename="svar.xlsx")
    export, rows = read(path)
    assert (export.format, export.layout, export.encoding, export.delimiter) == (
        "csv",
        "google-forms",
        "utf-8",
        ",",
    )
    assert len(rows) == len(ANSWERS)


def test_xlsx_renamed_csv_is_read_as_xlsx(tmp_path: Path) -> None:
    path = make_export(tmp_path, "ms-forms", fmt="xlsx", filename="svar.csv")
    export, rows = read(path)
    assert (export.format, export.layout, export.sheet, export.encoding) == (
        "xlsx",
        "ms-forms",
        "Sheet1",
        None,
    )
    assert [cells[6] for _, cells in rows] == [answers[0] for answers in ANSWERS]


def test_zero_byte_file(tmp_path: Path) -> None:
    path = tmp_path / "tom.xlsx"
    path.write_bytes(b"")
    with input_error("export-empty-file", str(path)):
        read(path)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    missing = tmp_path / "findes-ikke.csv"
    with input_error("export-unreadable", str(missing)):
        read(missing)
    with input_error("export-unreadable", str(tmp_path)):
        read(tmp_path)


def test_old_xls_or_encrypted_workbook(tmp_path: Path) -> None:
    path = tmp_path / "gammel.xls"
    path.write_bytes(sniff.OLE2_MAGIC + bytes(504) + b"Workbook")
    with input_error("export-old-excel", str(path)):
        read(path)
    renamed = tmp_path / "gammel.xlsx"
    renamed.write_bytes(path.read_bytes())
    with input_error("export-old-excel", str(renamed)):
        read(renamed)


def test_zip_that_is_not_a_workbook(tmp_path: Path) -> None:
    path = tmp_path / "regneark.xlsx"
    with zipfile.ZipFile(path, "w") as archive:  # an OpenDocument spreadsheet, say
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content/>")
    with input_error("export-zip-not-xlsx", str(path)):
        read(path)


@pytest.mark.parametrize("keep", [0.5, 0.9, 0.1])
def test_truncated_xlsx(tmp_path: Path, keep: float) -> None:
    whole = make_export(tmp_path, "surveyxact-xlsx").read_bytes()
    path = tmp_path / "afbrudt.xlsx"
    path.write_bytes(whole[: int(len(whole) * keep)])
    with input_error("export-xlsx-corrupt", str(path)):
        read(path)


def test_zip_with_broken_workbook_xml(tmp_path: Path) -> None:
    path = tmp_path / "ødelagt.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook><sheets><sheet name='x' r:id='")
    with input_error("export-xlsx-corrupt", str(path)):
        read(path)


def test_zip_bomb_is_refused_from_the_directory(tmp_path: Path) -> None:
    path = tmp_path / "bombe.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(60 * 1024 * 1024))  # inflates ~1000x
    assert path.stat().st_size < 1024 * 1024
    with input_error("export-zip-bomb", str(path), size=60):
        read(path)


def test_zip_total_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = make_export(tmp_path, "plain")
    monkeypatch.setattr(sniff, "MAX_TOTAL_BYTES", 1000)
    with input_error("export-zip-bomb", str(path)):
        read(path)


def test_too_many_zip_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "mange.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        for number in range(30):
            archive.writestr(f"xl/media/image{number}.png", b"x")
    monkeypatch.setattr(sniff, "MAX_ENTRIES", 20)
    with input_error("export-zip-too-many-entries", str(path), count=31, limit=20):
        read(path)


def test_binary_file_is_not_text(tmp_path: Path) -> None:
    path = tmp_path / "billede.csv"
    path.write_bytes(bytes(range(256)) * 20)
    with input_error("export-not-text", str(path)):
        read(path)


def test_neither_utf8_nor_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "svar.csv"
    path.write_bytes("Navn;Svar\r\nJørgen;Helt enig\r\n".encode("latin-1") + b"Ole;\x81\r\n")
    with input_error("export-not-text", str(path)):
        read(path)


def test_sheet_option_on_a_csv(tmp_path: Path) -> None:
    path = make_export(tmp_path, "plain", fmt="csv")
    with input_error("export-sheet-in-csv", str(path), sheet="Ark1"):
        read(path, sheet="Ark1")


def test_no_data_at_all(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\r\n\r\n\r\n", encoding="utf-8")
    with input_error("export-no-data", str(path)):
        read(path)
    workbook = write_xlsx(tmp_path / "blank.xlsx", {"Ark1": [], "Ark2": []})
    with input_error("export-no-data", str(workbook)):
        read(workbook)


def test_readers_are_not_imported_with_the_package() -> None:
    code = (
        "import sys, b2c_cli, b2c_cli.ingest; "
        "print(sorted(m for m in sys.modules if m.startswith(('python_calamine', 'b2c_cli.ingest.'))))"
    )
    output = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert output.strip() == "[]"


def test_statements_fixture_is_danish() -> None:
    assert any("ø" in statement for statement in STATEMENTS)


def test_sheet_reaching_xfd1048576_is_refused_before_parsing(tmp_path: Path) -> None:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet["A1"], sheet["B1"], sheet["A2"] = "Navn", "Svar", "Ole"
    sheet["XFD1048576"] = "?"  # one stray cell: calamine would lay out 17 billion cells
    path = tmp_path / "kæmpe.xlsx"
    workbook.save(path)
    with input_error("export-sheet-too-large", str(path), range="A1:XFD1048576"):
        read(path)
