"""Survey exports fuzzed: whatever the bytes, `open_export` and a full pass over `export.rows` end in
columns and rows or in b2c's own error (a B2CError that names the file and renders in both languages),
never another exception, a crash of the process or a hang.

Inputs that reach python-calamine (anything that starts like a zip) run in a forked sandbox with a time and
memory limit, so an abort in Rust code is reported as a finding instead of ending the test run.
"""

from __future__ import annotations

import re
import time
import zipfile
from datetime import date, datetime, timedelta
from datetime import time as clock
from functools import cache
from io import BytesIO
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from b2c_cli.errors import B2CError, ExitCode
from b2c_cli.ingest import open_export
from b2c_cli.ingest.sniff import ZIP_MAGICS

from . import harness
from .mutations import CSV_BYTES, XML_TOKENS, mutated_bytes, mutated_csv, mutated_xlsx
from .seeds import EXPORTS, csv_seeds, xlsx_seeds

CELL_TYPES = (str, int, float, bool, datetime, date, clock, timedelta)


@cache
def _path() -> Path:
    return harness.scratch("b2c-fuzz-export-") / "export"


def read_export(path: Path) -> str:
    """Open and read the whole export; the outcome as a short key ("rows:<layout>" or the error's key).
    Checks on the way what a caller relies on: rows in file order, one cell per column position, cells
    of the documented types; an error that is b2c's, names the file and renders in both languages."""
    try:
        export = open_export(path)
        width = max(column.index for column in export.columns) + 1
        assert len({column.index for column in export.columns}) == len(export.columns)
        last = 0
        for number, cells in export.rows:
            assert number > last, (number, last)
            last = number
            assert len(cells) >= width, (len(cells), width)
            assert all(isinstance(cell, CELL_TYPES) for cell in cells)
    except B2CError as error:
        assert error.exit_code == ExitCode.INPUT, error.key
        assert error.where is not None and error.where.startswith(str(path)), (error.key, error.where)
        assert error.message("da") and error.message("en")
        return f"error:{error.key}"
    return f"rows:{export.layout}"


def fuzz(target: str, data: bytes) -> None:
    """Write the input and read it: in-process under the deadline, or in the sandbox when calamine will
    see it."""
    path = _path()
    path.write_bytes(data)
    started = time.perf_counter()
    if data.startswith(ZIP_MAGICS):
        outcome = harness.sandboxed(lambda: read_export(path))
    else:
        with harness.deadline():
            outcome = read_export(path)
    harness.record(target, outcome, time.perf_counter() - started)


@harness.fuzz_settings(weight=2)
@given(st.binary(max_size=4000))
def test_arbitrary_bytes(data: bytes) -> None:
    fuzz("export-arbitrary-bytes", data)


@harness.fuzz_settings(weight=2)
@given(st.data())
def test_csv_byte_mutations(data: st.DataObject) -> None:
    fuzz("export-csv-bytes", data.draw(mutated_bytes(csv_seeds(), CSV_BYTES)))


@harness.fuzz_settings(weight=2)
@given(st.data())
def test_csv_text_and_encoding_mutations(data: st.DataObject) -> None:
    fuzz("export-csv-text", data.draw(mutated_csv(csv_seeds())))


@harness.fuzz_settings(weight=0.5)
@given(st.data())
def test_xlsx_byte_mutations(data: st.DataObject) -> None:
    """Bytes of the workbook file itself: mostly a broken zip, sometimes a broken entry in a good one."""
    tokens = (*XML_TOKENS, b"PK\x01\x02", b"PK\x05\x06")
    fuzz("export-xlsx-bytes", data.draw(mutated_bytes(xlsx_seeds(), tokens)))


@harness.fuzz_settings(weight=1)
@given(st.data())
def test_xlsx_zip_and_xml_mutations(data: st.DataObject) -> None:
    """A valid zip every time, with entries dropped, duplicated, renamed, recompressed or garbled, and
    the XML inside edited."""
    fuzz("export-xlsx-zip", data.draw(mutated_xlsx(xlsx_seeds())))


# -- what the fuzzer found --------------------------------------------------------------------------------


def _far_cell(folder: Path, declared: bool) -> Path:
    """The example SurveyXact export with one more cell, in XFD1048576, and its <dimension> left as it is
    (A1:P105) or taken out."""
    source = zipfile.ZipFile(EXPORTS / "hedemarken-baseline-surveyxact.xlsx")
    buffer = BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                if not declared:
                    data = re.sub(rb"<dimension[^>]*/>", b"", data)
                far = b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row></sheetData>'
                data = data.replace(b"</sheetData>", far)
            archive.writestr(info.filename, data)
    path = folder / "far.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


@pytest.mark.parametrize("declared", [False, True], ids=["no-dimension", "small-dimension"])
def test_a_cell_far_beyond_the_declared_used_range_is_refused(tmp_path: Path, declared: bool) -> None:
    """Found by this fuzzer: the zip gate trusted a sheet's <dimension>, and one cell beyond it made
    calamine allocate rows x columns cells (550 GB here) and abort the process."""
    path = _far_cell(tmp_path, declared)
    assert harness.sandboxed(lambda: read_export(path)) == "error:export-sheet-too-large"
