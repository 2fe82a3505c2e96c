"""What a file is, by its bytes, never by its name: XLSX (a zip holding xl/workbook.xml), an old Excel or
password-protected workbook (OLE2), or text (CSV/TSV) in some encoding, with some delimiter.

Every check on a file's bytes before it is parsed lives here, so hardening (zip bombs, entry counts) has one
place to grow: `check_zip` is the one gate a workbook passes before python-calamine sees it.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from b2c_cli.errors import InputError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Zip directory limits, checked before parsing (the sizes a zip declares; issue 7 may tighten them).
MAX_ENTRY_RATIO = 100  # an entry inflating more than this many times ...
MAX_ENTRY_BYTES = 50 * 1024 * 1024  # ... and to more than this is a zip bomb
MAX_TOTAL_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 10_000
MAX_CELLS = 30_000_000  # a sheet's declared used range, rows x columns (100,000 respondents x 300 columns)
SHEET_HEAD = 4096  # bytes of a sheet's XML read to find its <dimension>

CHUNK = 1024 * 1024
SAMPLE_CHARS = 2 * 1024 * 1024  # text read to choose the delimiter
SAMPLE_RECORDS = 500
DELIMITERS = (";", ",", "\t")
# Bytes cp1252 leaves undefined: a file holding one is neither UTF-8 nor Windows-1252.
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)

Kind = Literal["xlsx", "csv"]


def sniff_kind(path: Path, display: str) -> Kind:
    """XLSX or CSV by content. Raises InputError for an empty file, an old .xls / encrypted workbook, a zip
    that is no workbook, a broken zip, or one that inflates suspiciously."""
    head = read_head(path, display, 8)
    if not head:
        raise InputError("export-empty-file", where=display)
    if head.startswith(OLE2_MAGIC):
        raise InputError("export-old-excel", where=display)
    if head.startswith(ZIP_MAGICS):
        check_zip(path, display)
        return "xlsx"
    return "csv"


def read_head(path: Path, display: str, size: int) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(
            "export-unreadable", where=display, reason=exc.strerror or type(exc).__name__
        ) from None


def check_zip(path: Path, display: str) -> None:
    """The gate before a workbook is parsed: a readable zip directory, an Excel workbook inside it, no entry
    or total that would inflate to something huge, and no sheet that says it spans more cells than b2c
    reads (calamine lays a sheet out densely from A1 to its last cell, so one stray cell in XFD1048576
    would need hundreds of gigabytes). Only the zip directory and each sheet's first bytes are read."""
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_entries(entries, display)
            for entry in entries:
                if entry.filename.startswith("xl/worksheets/") and entry.filename.endswith(".xml"):
                    with archive.open(entry) as sheet:
                        _check_dimension(sheet.read(SHEET_HEAD), display)
    except InputError:
        raise
    except OSError as exc:
        raise InputError(
            "export-unreadable", where=display, reason=exc.strerror or type(exc).__name__
        ) from None
    except Exception:  # BadZipFile, NotImplementedError (odd versions), struct/zlib errors: a broken zip
        raise InputError("export-xlsx-corrupt", where=display) from None


def _check_entries(entries: list[zipfile.ZipInfo], display: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise InputError("export-zip-too-many-entries", where=display, count=len(entries), limit=MAX_ENTRIES)
    total = 0
    names = set()
    for entry in entries:
        names.add(entry.filename)
        total += entry.file_size
        inflates = entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1)
        if inflates and entry.file_size > MAX_ENTRY_BYTES:
            raise InputError("export-zip-bomb", where=display, size=_megabytes(entry.file_size))
    if total > MAX_TOTAL_BYTES:
        raise InputError("export-zip-bomb", where=display, size=_megabytes(total))
    if "xl/workbook.xml" not in names:
        raise InputError("export-zip-not-xlsx", where=display)


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _check_dimension(head: bytes, display: str) -> None:
    """A sheet's declared used range (`<dimension ref="A1:XFD1048576"/>`, near the top of its XML) must
    not exceed MAX_CELLS. A sheet that declares none, or declares less than it holds, is not caught here."""
    match = _DIMENSION.search(head)
    if match is None or match.group(3) is None:
        return
    first_col, first_row, last_col, last_row = match.groups()
    rows = int(last_row) - int(first_row) + 1
    columns = _column_number(last_col) - _column_number(first_col) + 1
    if rows * columns > MAX_CELLS:
        used = f"{first_col.decode()}{int(first_row)}:{last_col.decode()}{int(last_row)}"
        raise InputError("export-sheet-too-large", where=display, range=used)


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


def sha256_of(path: Path) -> str:
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


# -- encodings ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextInfo:
    sha256: str
    encoding: str  # the name reported to the user: utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1252
    codec: str  # the codec to open the file with (BOMs are consumed by it)


def scan_text(path: Path, display: str) -> TextInfo:
    """One pass over the bytes of a text export: its SHA-256, and its encoding. A BOM decides (UTF-8 or
    UTF-16, either byte order); without one the whole file must be valid UTF-8, or else it is read as
    Windows-1252 (what Excel on Danish Windows writes as 'CSV'); a file with a UTF-8 BOM must be valid
    UTF-8 throughout. NUL bytes without a BOM mean UTF-16 without a BOM (guessed from where the NULs are) or
    no text at all."""
    digest = hashlib.sha256()
    head = read_head(path, display, 4096)
    encoding, codec = _encoding_from_bom(head)
    if encoding is None and b"\x00" in head:
        encoding = codec = _utf16_without_bom(head, display)
    check_utf8 = encoding in (None, "utf-8-sig")
    utf8 = codecs.getincrementaldecoder("utf-8")()
    utf8_bad_line = 0  # the line of the first byte that is not UTF-8 (0: none)
    lines = 1
    cp1252_ok = True
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
            if check_utf8:
                if not utf8_bad_line:
                    try:
                        utf8.decode(chunk)
                    except UnicodeDecodeError as exc:
                        utf8_bad_line = lines + chunk.count(b"\n", 0, exc.start)
                if cp1252_ok and any(byte in chunk for byte in CP1252_UNDEFINED):
                    cp1252_ok = False
                lines += chunk.count(b"\n")
    if check_utf8 and not utf8_bad_line:
        try:
            utf8.decode(b"", final=True)
        except UnicodeDecodeError:
            utf8_bad_line = lines
    if encoding == "utf-8-sig" and utf8_bad_line:
        raise InputError("export-bad-encoding", where=f"{display}:{utf8_bad_line}", encoding="UTF-8")
    if encoding is None:
        if not utf8_bad_line:
            encoding = codec = "utf-8"
        elif cp1252_ok:
            encoding = codec = "cp1252"
        else:
            raise InputError("export-not-text", where=display)
    assert codec is not None
    return TextInfo(digest.hexdigest(), encoding, codec)


def _encoding_from_bom(head: bytes) -> tuple[str | None, str | None]:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", "utf-8-sig"
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, None  # UTF-32 is no export format; the NUL check below refuses it
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", "utf-16"
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", "utf-16"
    return None, None


def _utf16_without_bom(head: bytes, display: str) -> str:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    raise InputError("export-not-text", where=display)


# -- delimiters -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    delimiter: str
    header_fields: int
    bad_row: int | None = None  # first sampled record (1-based) that has another field count ...
    bad_fields: int = 0  # ... and how many fields it has
    error_row: int | None = None  # first record the csv module could not read ...
    error_key: str = "export-unclosed-quote"  # ... and why


def choose_delimiter(sample: str, at_end: bool, display: str, offset: int = 0) -> str:
    """The delimiter among ; , and tab that gives every sampled record (quotes honoured) the header's field
    count, with more than one field; of several, the one giving the most fields. csv.Sniffer guesses from
    character frequencies and reads a semicolon file with decimal commas as comma-separated, so it is not
    used. When none fits, the first bad record of the one that reads furthest is reported. `sample` ends at
    a line end (or the end of the file when `at_end`); `offset` is the number of lines above it (a `sep=`
    line)."""
    candidates = [_try_delimiter(sample, delimiter, at_end, offset) for delimiter in DELIMITERS]
    fitting = [c for c in candidates if c.header_fields > 1 and c.bad_row is None and c.error_row is None]
    if fitting:
        return max(fitting, key=lambda c: c.header_fields).delimiter  # max keeps the first of equals
    widest = max(candidates, key=lambda c: c.header_fields)
    if widest.header_fields == 0:  # only blank lines
        raise InputError("export-no-data", where=display)
    if widest.header_fields == 1:
        raise InputError("export-no-delimiter", where=display)
    # The delimiter that reads furthest before its first bad record is the file's: in a semicolon file
    # whose statements hold commas, the comma splits the header widest but fails at once on row 2, which
    # would point the user at the wrong row. Of equals, the one giving the most fields.
    best = max(
        (c for c in candidates if c.header_fields > 1),
        key=lambda c: (c.bad_row or c.error_row or 0, c.header_fields),
    )
    if best.error_row is not None:
        raise InputError(best.error_key, where=f"{display}:{best.error_row}")
    assert best.bad_row is not None
    raise InputError(
        "export-ragged-row",
        where=f"{display}:{best.bad_row}",
        found=best.bad_fields,
        expected=best.header_fields,
    )


def _try_delimiter(sample: str, delimiter: str, at_end: bool, offset: int) -> Candidate:
    records = iter(csv.reader(io.StringIO(sample), delimiter=delimiter, strict=True))
    header: list[str] | None = None
    number = offset
    while number - offset < SAMPLE_RECORDS:
        try:
            record = next(records, None)
        except csv.Error as exc:
            unclosed = "unexpected end of data" in str(exc)
            if unclosed and not at_end:  # the sample ends inside a quoted field: what was read so far decides
                break
            key = "export-unclosed-quote" if unclosed else "export-csv-syntax"
            return Candidate(delimiter, len(header or ()), error_row=number + 1, error_key=key)
        if record is None:
            break
        number += 1
        if header is None:
            if any(record):
                header = record
        elif record and len(record) != len(header):  # a blank line is an empty row, not a ragged one
            return Candidate(delimiter, len(header), bad_row=number, bad_fields=len(record))
    return Candidate(delimiter, len(header or ()))
