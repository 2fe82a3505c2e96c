"""What a file is, by its bytes, never by its name: XLSX (a zip holding xl/workbook.xml), an old Excel or
password-protected workbook (OLE2), or text (CSV/TSV) in some encoding, with some delimiter.

Every check on a file's bytes before it is parsed lives here, so hardening (zip bombs, entry counts) has one
place to grow: `check_zip` is the one gate a workbook passes before python-calamine sees it. It reads the zip
directory, the first bytes of every part and the XML of every sheet calamine may load that is not too big
to search cheaply (searches, no XML parsing), so that calamine cannot be made to exhaust memory.
"""

from __future__ import annotations

import codecs
import csv
import errno
import hashlib
import io
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Literal, NoReturn

from b2c_cli.errors import InputError

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

# Zip directory limits, checked before anything is inflated. The sizes are the ones the zip declares; that
# is enough, because calamine's zip reader stops with an error at an entry's declared size (a zip that lies
# about it is refused as damaged, see tests/hardening/test_spreadsheets.py). Real exports inflate 5-20x (a
# 100,000-row export: a 150 MB sheet from 8 MB) and are rarely over a few hundred MB uncompressed; deflate
# cannot exceed ~1030x, which is what a bomb uses.
MAX_ENTRY_RATIO = 100  # an entry inflating more than this many times ...
MAX_ENTRY_BYTES = 50 * 1024 * 1024  # ... and to more than this is a zip bomb
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # all entries together, whatever their ratio
MAX_ENTRIES = 10_000  # a workbook has tens of parts; a few hundred with many sheets and pictures
MAX_CELLS = 30_000_000  # a sheet's used range, rows x columns (100,000 respondents x 300 columns)
SHEET_HEAD = 4096  # bytes of a part read first: its prolog (no <!DOCTYPE>) and a sheet's <dimension>
PROLOG_LIMIT = 64 * 1024  # an XML part whose root element starts later than this is no Office file
SHEET_FOLDERS = ("worksheets", "chartsheets", "dialogsheets")  # where calamine loads sheets from
SCAN_CHUNK = 1024 * 1024  # bytes of sheet XML searched at a time
# Sheets up to this size (uncompressed, as declared) are searched for the span of their cells: at most ~0.2 s,
# and it covers every export of a few thousand respondents. Searching costs 25-30 % of calamine's own time,
# more than the benchmark leaves for a 100,000-row export (`make bench`: within 1.3x of calamine alone), so a
# bigger sheet has only its declared used range checked; see the report of issue 7.
FULL_SCAN_BYTES = 16 * 1024 * 1024

CHUNK = 1024 * 1024
SAMPLE_CHARS = 2 * 1024 * 1024  # text read to choose the delimiter
SAMPLE_RECORDS = 500
DELIMITERS = (";", ",", "\t")
# Bytes cp1252 leaves undefined: a file holding one is neither UTF-8 nor Windows-1252.
CP1252_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)

Kind = Literal["xlsx", "csv"]


@dataclass(frozen=True)
class ZipFacts:
    """What the zip gate learnt on its way through a workbook, for the reader: the sheet parts (names in
    lower case) it searched and found no formula in, which then need no search for formulas without a
    saved value."""

    formula_free: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Sniffed:
    """What a file is, and for a workbook its bytes: read once, so that the SHA-256 recorded in the results
    is exactly that of what is parsed (a sync client replacing the file meanwhile cannot mix two files)."""

    kind: Kind
    facts: ZipFacts | None = None
    data: bytes | None = None  # the whole workbook


def sniff_export(path: Path, display: str) -> Sniffed:
    """XLSX or CSV by content, and for a workbook its bytes and what its gate found (`ZipFacts`). Raises
    InputError for something that is not a regular file (a FIFO, a pipe, a device: never read, as it
    may not end), an empty file, an old .xls / encrypted workbook, a zip that is no workbook, a broken zip,
    or one that inflates suspiciously."""
    with open_regular(path, display) as handle:
        head = handle.read(8)
        if not head:
            raise InputError("export-empty-file", where=display)
        if head.startswith(OLE2_MAGIC):
            raise InputError("export-old-excel", where=display)
        if not head.startswith(ZIP_MAGICS):
            return Sniffed("csv")
        try:
            data = head + handle.read()
        except OSError as exc:
            raise InputError(
                "export-unreadable", where=display, reason=exc.strerror or type(exc).__name__
            ) from None
    return Sniffed("xlsx", check_zip(io.BytesIO(data), display), data)


def open_regular(path: Path, display: str) -> IO[bytes]:
    """`path` opened for reading, refused unless it is a regular file. Opened without blocking, so a FIFO
    without a writer is refused instead of hanging."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(
            "export-unreadable", where=display, reason=exc.strerror or type(exc).__name__
        ) from None
    mode = os.fstat(fd).st_mode
    if stat.S_ISDIR(mode):
        os.close(fd)
        raise InputError("export-unreadable", where=display, reason=os.strerror(errno.EISDIR))
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise InputError("export-not-a-file", where=display)
    if hasattr(os, "set_blocking"):
        os.set_blocking(fd, True)
    return os.fdopen(fd, "rb")


def check_zip(path: Path | IO[bytes], display: str) -> ZipFacts:
    """The gate before a workbook is parsed. In order, each step cheap enough for a 100,000-row export:

    - the zip directory: not too many entries, no entry that inflates more than MAX_ENTRY_RATIO times to
      more than MAX_ENTRY_BYTES (a zip bomb), not more than MAX_TOTAL_BYTES in all, an Excel workbook inside;
    - the first bytes of every part: no `<!DOCTYPE` (Excel never writes one; it is how entity expansion and
      external entities get into XML). calamine's XML reader (quick-xml) neither expands nor fetches
      entities - it stops at the first one it does not know - so this is defence in depth, and a clear
      message;
    - every sheet calamine may load (any part under xl/worksheets, chartsheets or dialogsheets, in any case):
      its declared used range, and, for a sheet up to FULL_SCAN_BYTES, the span its cells really reach.
      calamine lays a sheet out densely from its first to its last cell, so one stray cell in XFD1048576 -
      declared or not - would make it allocate half a terabyte and abort the process. The XML is inflated
      once and searched, never parsed.

    Returns what the reader needs later (which sheets hold no formulas)."""
    formula_free: set[str] = set()
    try:
        with zipfile.ZipFile(path) as archive:
            entries = archive.infolist()
            _check_entries(entries, display)
            for entry in entries:
                if entry.is_dir():
                    continue
                with archive.open(entry) as stream:
                    head = _check_prolog(stream, entry.filename, display)
                    if not _is_sheet_part(entry.filename):
                        continue
                    _check_dimension(head, display)
                    if entry.file_size > FULL_SCAN_BYTES:
                        continue
                    has_formulas = _scan_sheet(head, stream, display)
                if has_formulas is None:  # not written the usual way: follow it tag by tag, from the start
                    with archive.open(entry) as stream:
                        has_formulas = _follow_tags(stream, display)
                if not has_formulas:
                    formula_free.add(entry.filename.lower())
    except InputError:
        raise
    except OSError as exc:
        raise InputError(
            "export-unreadable", where=display, reason=exc.strerror or type(exc).__name__
        ) from None
    except Exception:  # BadZipFile, NotImplementedError (odd versions), struct/zlib errors: a broken zip
        raise InputError("export-xlsx-corrupt", where=display) from None
    return ZipFacts(frozenset(formula_free))


def _check_entries(entries: list[zipfile.ZipInfo], display: str) -> None:
    if len(entries) > MAX_ENTRIES:
        raise InputError("export-zip-too-many-entries", where=display, count=len(entries), limit=MAX_ENTRIES)
    total = 0
    names = set()
    for entry in entries:
        names.add(entry.filename.lower())  # calamine finds parts by name ignoring case
        total += entry.file_size
        inflates = entry.file_size > MAX_ENTRY_RATIO * max(entry.compress_size, 1)
        if inflates and entry.file_size > MAX_ENTRY_BYTES:
            raise InputError("export-zip-bomb", where=display, size=_megabytes(entry.file_size))
    if total > MAX_TOTAL_BYTES:
        raise InputError("export-zip-bomb", where=display, size=_megabytes(total))
    if "xl/workbook.xml" not in names:
        raise InputError("export-zip-not-xlsx", where=display)


def _is_sheet_part(name: str) -> bool:
    """Whether calamine may load this part as a sheet: it takes the path a relationship gives, which must
    be xl/worksheets/..., xl/chartsheets/... or xl/dialogsheets/..., and finds the part ignoring case."""
    parts = name.lower().split("/")
    return len(parts) > 2 and parts[0] == "xl" and parts[1] in SHEET_FOLDERS


def _check_prolog(stream: IO[bytes], name: str, display: str) -> bytes:
    """The first bytes of a part, read on to its root element: what stands before it (XML declaration,
    comments, processing instructions, white space) must hold no <!DOCTYPE> or other declaration. A part
    that is not XML (a picture) passes as it is. Returns the bytes read."""
    head = stream.read(SHEET_HEAD)
    at_end = len(head) < SHEET_HEAD
    pos = 3 if head.startswith(codecs.BOM_UTF8) else 0
    while True:
        while pos < len(head) and head[pos] in b" \t\r\n":
            pos += 1
        if at_end or len(head) - pos >= len(b"<!DOCTYPE"):
            if head.startswith(b"<?", pos):
                end, step = head.find(b"?>", pos + 2), 2
            elif head.startswith(b"<!--", pos):
                end, step = head.find(b"-->", pos + 4), 3
            elif head.startswith(b"<!", pos):
                raise InputError("export-xml-doctype", where=display, part=name[:80])
            else:
                return head  # the root element starts here, or this is no XML
            if end >= 0:
                pos = end + step
                continue
            if at_end:
                return head  # an unfinished declaration: calamine reports the damage
        if len(head) >= PROLOG_LIMIT:
            raise InputError("export-xlsx-corrupt", where=display)
        more = stream.read(SHEET_HEAD)
        at_end = len(more) < SHEET_HEAD
        head += more


_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?"')


def _check_dimension(head: bytes, display: str) -> None:
    """A sheet's declared used range (`<dimension ref="A1:XFD1048576"/>`, near the top of its XML) must
    not exceed MAX_CELLS: the quick answer for a sheet Excel saved with a stray cell. What the cells really
    span is checked by `_scan_sheet`."""
    match = _DIMENSION.search(head)
    if match is None or match.group(3) is None:
        return
    first_col, first_row, last_col, last_row = match.groups()
    rows = int(last_row) - int(first_row) + 1
    columns = _column_number(last_col) - _column_number(first_col) + 1
    if rows * columns > MAX_CELLS:
        used = f"{first_col.decode()}{int(first_row)}:{last_col.decode()}{int(last_row)}"
        raise InputError("export-sheet-too-large", where=display, range=used)


# -- what a sheet's cells span ---------------------------------------------------------------------------
#
# calamine (src/xlsx/cells_reader.rs, Range::from_sparse) places a cell at its `r` reference, or, without
# one, at a running position (the last row's number plus rows ended since, the last column plus cells since),
# and then allocates one slot for every row and column between the smallest and the largest any cell has.
# `_scan_sheet` bounds that span from above, taking the first row and column to be 1:
#
# - the usual case, every cell written `<c r="B7" ...>` (Excel, LibreOffice, Google Sheets, openpyxl,
#   xlsxwriter, ...): one regular-expression search per chunk of XML finds any cell right of the widest
#   column or below the bottom row seen so far (the chunk's last cell sets the row, the header row the
#   column, so in a normal sheet the search matches nothing) and any cell written otherwise;
# - anything else (cells without `r`, another namespace prefix, odd spacing): every <row> and <c> tag is
#   followed as calamine does, which is slower, but only odd or hostile files take this way.


_REF = re.compile(rb"([A-Z]{1,3})(\d{1,9})\b")
_PREFIX = re.compile(rb"<(?:([A-Za-z_][\w.-]*):)?worksheet[\s>]")


def _scan_sheet(head: bytes, stream: IO[bytes], display: str) -> bool | None:
    """Raise when the cells of this sheet span more than MAX_CELLS; return whether it holds formulas, or
    None when it is not written the usual way (then `_follow_tags` must read it)."""
    match = _PREFIX.search(head)
    span = _Span(match.group(1) + b":" if match and match.group(1) else b"")
    buffer = head
    while True:
        chunk = stream.read(SCAN_CHUNK)
        buffer += chunk
        cut = max(len(buffer) - 64, 0) if chunk else len(buffer)  # a tag after `cut` is read with the next
        if not span.search(buffer, cut):
            return None
        if not chunk:
            break
        buffer = buffer[cut:]
    if span.bottom:
        _check_span(1, span.bottom, 1, _column_number(span.widest.encode()), display)
    return span.formulas


class _Span:
    """The usual case: the bottom row and the widest column of any cell, and whether there are formulas."""

    def __init__(self, prefix: bytes) -> None:
        self.cell = b"<" + prefix + b'c r="'
        self.tag = b"<" + re.escape(prefix) + b"c"
        self.other = re.compile(
            rb"(?<!<" + re.escape(prefix[:-1]) + rb"):c[\s>/]|<c[\s>/]" if prefix else rb":c[\s>/]"
        )
        self.formula = b"</" + prefix + b"f>"  # every formula has one (shared ones: their first cell)
        self.formulas = False
        self.bottom = 0  # the largest row number any cell has (1-based)
        self.widest = ""  # the widest column any cell is in, as letters

    def search(self, buffer: bytes, cut: int) -> bool:
        """Take in the cells starting before `cut`; False when the sheet is not written the usual way."""
        if self.other.search(buffer) is not None:
            return False
        if not self.formulas and self.formula in buffer:
            self.formulas = True
        last = buffer.rfind(self.cell, 0, cut)
        if last >= 0:
            ref = _REF.match(buffer, last + len(self.cell))
            if ref is None:
                return False
            self.bottom = max(self.bottom, int(ref.group(2)))
        pos = 0
        unusual = self._unusual()
        while (found := unusual.search(buffer, pos)) is not None and found.start() < cut:
            ref = _REF.match(buffer, found.end())
            if found.group(1) is not None or found.group(2) is not None or ref is None:
                return False
            letters, row = ref.group(1).decode(), int(ref.group(2))
            if (len(letters), letters) > (len(self.widest), self.widest):
                self.widest = letters
            self.bottom = max(self.bottom, row)
            unusual = self._unusual()
            pos = found.end()
        return True

    def _unusual(self) -> re.Pattern[bytes]:
        """A cell tag that is not `<c r="LETTERS...` (groups 1, 2), or whose reference (after the match) is
        right of `widest` or below `bottom`."""
        beyond = _columns_after(self.widest) + rb"|[A-Z]{1,3}" + _numbers_above(self.bottom)
        return re.compile(self.tag + rb'(?:([>/\t\r\n])|( )(?!r="[A-Z])| r="(?=' + beyond + rb"))")


def _columns_after(letters: str) -> bytes:
    """A regular expression for a column reference right of column `letters` (followed by its row)."""
    if not letters:
        return b"[A-Z]"
    size = len(letters)
    parts = [f"[A-Z]{{{size + 1}}}"]
    for i, letter in enumerate(letters):
        if letter < "Z":
            parts.append(f"{letters[:i]}[{chr(ord(letter) + 1)}-Z][A-Z]{{{size - i - 1}}}\\d")
    return "|".join(parts).encode()


def _numbers_above(number: int) -> bytes:
    """A regular expression for a row number above `number`, ending the reference (a quote follows)."""
    digits = str(number)
    size = len(digits)
    parts = [f"\\d{{{size + 1},}}"]
    for i, digit in enumerate(digits):
        if digit < "9":
            parts.append(f"{digits[:i]}[{chr(ord(digit) + 1)}-9]\\d{{{size - i - 1}}}")
    return ("(?:" + "|".join(parts) + ')"').encode()


_TAG = re.compile(rb"<(/?)(?:[^\s<>/:]+:)?(row|c)(?=[\s/>])([^<>]*)>")
_ANY_FORMULA = re.compile(rb"<(?:[^\s<>/:]+:)?f[\s>/]")
_R_ATTRIBUTE = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Za-z]*)(\d+)["']""")


def _follow_tags(stream: IO[bytes], display: str) -> bool:
    """Every <row> and <c> tag followed as calamine does (see above), counting every cell, even an empty one
    (calamine leaves those out), which can only make the span larger. Returns whether there are formulas."""
    row = column = 0  # calamine's running position, 0-based
    top, bottom = MAX_CELLS, -1
    low, high = MAX_CELLS, -1
    formulas = False
    cells = 0
    buffer = b""
    while True:
        chunk = stream.read(SCAN_CHUNK)
        buffer += chunk
        cut = max(buffer.rfind(b"<"), 0) if chunk else len(buffer)  # tags before the last '<' are whole
        formulas = formulas or _ANY_FORMULA.search(buffer, 0, cut) is not None
        for tag in _TAG.finditer(buffer, 0, cut):
            closing, name, attributes = tag.groups()
            ref = None if closing else _R_ATTRIBUTE.search(attributes)
            if name == b"row":
                if ref is not None:
                    row = int(ref.group(2)) - 1
                if closing or attributes.endswith(b"/"):
                    row, column = row + 1, 0
                continue
            if closing:
                continue
            if ref is not None and ref.group(1):
                row_at, column = int(ref.group(2)) - 1, _column_number(ref.group(1).upper()) - 1
            else:
                row_at = row
            top, bottom = min(top, row_at), max(bottom, row_at)
            low, high = min(low, column), max(high, column)
            column += 1
            cells += 1
            if cells > MAX_CELLS:  # more cells than allowed, wherever they are
                _too_large(top + 1, bottom + 1, low + 1, high + 1, display)
        if not chunk:
            break
        buffer = buffer[cut:]
    if bottom >= 0:
        _check_span(top + 1, bottom + 1, low + 1, high + 1, display)
    return formulas


def _check_span(first_row: int, last_row: int, first_column: int, last_column: int, display: str) -> None:
    """calamine's range over these rows and columns (1-based) must hold at most MAX_CELLS cells."""
    if (last_row - first_row + 1) * (last_column - first_column + 1) > MAX_CELLS:
        _too_large(first_row, last_row, first_column, last_column, display)


def _too_large(first_row: int, last_row: int, first_column: int, last_column: int, display: str) -> NoReturn:
    used = f"{_column_letters(first_column)}{first_row}:{_column_letters(last_column)}{last_row}"
    raise InputError("export-sheet-too-large", where=display, range=used)


def _column_letters(number: int) -> str:
    letters = ""
    while number > 0:
        number, remainder = divmod(number - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters or "A"


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _megabytes(size: int) -> int:
    return size // (1024 * 1024)


# -- encodings ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextInfo:
    sha256: str
    encoding: str  # the name reported to the user: utf-8, utf-8-sig, utf-16-le, utf-16-be, cp1252
    codec: str  # the codec to open the file with (BOMs are consumed by it)


def scan_text(handle: IO[bytes], display: str) -> TextInfo:
    """One pass over the bytes of a text export, read from `handle` (from its start): its SHA-256, and its
    encoding. A BOM decides (UTF-8 or UTF-16, either byte order); without one the whole file must be valid
    UTF-8, or else it is read as Windows-1252 (what Excel on Danish Windows writes as 'CSV'); a file with a
    UTF-8 BOM must be valid UTF-8 throughout. NUL bytes without a BOM mean UTF-16 without a BOM (guessed
    from where the NULs are) or no text at all; a NUL byte further on in an 8-bit file is refused with its
    line, before the csv module would read a NUL tail of any length as one field."""
    digest = hashlib.sha256()
    handle.seek(0)
    head = handle.read(4096)
    handle.seek(0)
    encoding, codec = _encoding_from_bom(head)
    if encoding is None and b"\x00" in head:
        encoding = codec = _utf16_without_bom(head)
        if encoding is None and head.find(0) < 64:  # binary (a picture, a database): no text at all
            raise InputError("export-not-text", where=display)
        # else a stray NUL in 8-bit text: refused below, with its line
    check_utf8 = encoding in (None, "utf-8-sig")
    utf8 = codecs.getincrementaldecoder("utf-8")()
    utf8_bad_line = 0  # the line of the first byte that is not UTF-8 (0: none)
    lines = 1
    cp1252_ok = True
    for chunk in iter(lambda: handle.read(CHUNK), b""):
        digest.update(chunk)
        if check_utf8:
            nul = chunk.find(b"\x00")
            if nul >= 0:
                line = lines + chunk.count(b"\n", 0, nul)
                raise InputError("export-nul-byte", where=f"{display}:{line}")
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


def _utf16_without_bom(head: bytes) -> str | None:
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    half = len(head) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


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
