"""CSV and TSV exports, streamed once through the csv module.

The encoding comes from `sniff.scan_text` (BOM, else UTF-8 if the whole file is valid UTF-8, else cp1252)
and the delimiter from a sample of the first records (`sniff.choose_delimiter`) unless the file starts with
Excel's `sep=;` line. Rows come out as they are in the file: lists of str, '' for an empty field. Every
record must have the header's field count; a record that has not, a quote that is never closed, a field over
the size limit or a byte the encoding cannot read stops the pass with the row number.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, cast

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, ProgressCallback
from b2c_cli.ingest.sniff import DELIMITERS, SAMPLE_CHARS, choose_delimiter, open_regular, scan_text

FIELD_LIMIT = 10 * 1024 * 1024  # characters in one field; csv's default (128 KiB) is too tight for free text
PROGRESS_EVERY = 4096  # rows between progress calls

Rows = Iterator[tuple[int, list[Cell]]]


@dataclass
class CsvSource:
    sha256: str
    encoding: str
    delimiter: str
    rows: Rows  # (record number, 1-based, blank lines included; the fields)


def open_csv(path: Path, display: str, progress: ProgressCallback | None) -> CsvSource:
    """The export opened once: the SHA-256, the sample and the rows all come from the same open file, so a
    file replaced meanwhile (a sync client) cannot give one file's hash and another's rows; one changed in
    place while it is read is refused."""
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    raw = open_regular(path, display)
    try:
        before = _identity(raw)
        info = scan_text(raw, display)
        sample, at_end, sep = _sample(raw, info.codec, display)
    except BaseException:
        raw.close()
        raise
    offset = 1 if sep else 0
    try:
        delimiter = sep or choose_delimiter(sample, at_end, display, offset)
    except InputError as exc:
        raw.close()
        raise _real_cause(exc, sample, display) from None
    rows = _rows(raw, info.codec, delimiter, sep, display, progress, before)
    return CsvSource(info.sha256, info.encoding, delimiter, rows)


def _fields(line: str, delimiter: str) -> int:
    """How many fields one line splits into (0 for a blank one or one the csv module cannot read alone)."""
    if not line.strip():
        return 0
    try:
        return len(next(csv.reader([line.rstrip("\r")], delimiter=delimiter), []))
    except csv.Error:
        return 0


def _identity(raw: IO[bytes]) -> tuple[int, int, int]:
    found = os.fstat(raw.fileno())
    return found.st_size, found.st_mtime_ns, found.st_ino


def _sample(raw: IO[bytes], codec: str, display: str) -> tuple[str, bool, str | None]:
    """The first records as text (cut at a line end), whether that is the whole file, and the delimiter an
    Excel `sep=X` first line names (that line is then left out of the sample)."""
    raw.seek(0)
    handle = io.TextIOWrapper(raw, encoding=codec, newline="")
    try:
        text = handle.read(SAMPLE_CHARS + 1)
    except UnicodeDecodeError:
        raise InputError("export-bad-encoding", where=display, encoding=codec) from None
    finally:
        handle.detach()
    at_end = len(text) <= SAMPLE_CHARS
    if "\n" not in text and "\r" in text:
        text = text.replace("\r", "\n")  # old Mac line ends: the csv module reads them as such too
    sep = _sep_line(text)
    if sep is not None:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if not at_end:
        text = text[: text.rfind("\n") + 1] or text[:SAMPLE_CHARS]
    return text, at_end, sep


def _real_cause(exc: InputError, sample: str, display: str) -> InputError:
    """A delimiter that cannot be chosen because of title rows above the header (a report title, a date)
    says so, instead of blaming the delimiter."""
    if exc.key not in ("export-no-delimiter", "export-ragged-row"):
        return exc
    lines = sample.split("\n")[:50]
    for delimiter in DELIMITERS:
        counts = [_fields(line, delimiter) for line in lines]
        wide = [i for i, count in enumerate(counts) if count > 1]
        if not wide or wide[0] == 0:
            continue
        first = wide[0]
        rest = [c for c in counts[first:] if c]
        if len(rest) >= 2 and all(c == rest[0] for c in rest[:10]) and any(counts[:first]):
            return InputError("export-title-rows", where=f"{display}:1", rows=first, header=first + 1)
    return exc


def _sep_line(text: str) -> str | None:
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.lower().startswith("sep=") and len(first) == 5 and first[4] in DELIMITERS:
        return first[4]
    return None


def _rows(
    raw: IO[bytes],
    codec: str,
    delimiter: str,
    sep: str | None,
    display: str,
    progress: ProgressCallback | None,
    before: tuple[int, int, int],
) -> Rows:
    raw.seek(0)
    text = io.TextIOWrapper(raw, encoding=codec, newline="")
    size = before[0]
    number = 0
    try:
        if sep is not None:
            text.readline()
            number = 1
        records = iter(csv.reader(text, delimiter=delimiter, strict=True))
        try:
            width = 0
            for record in records:  # blank lines, then the header
                number += 1
                yield number, cast(list[Cell], record)
                if any(record):
                    width = len(record)
                    break
            for record in records:
                number += 1
                if len(record) != width and record:
                    raise InputError(
                        "export-ragged-row", where=f"{display}:{number}", found=len(record), expected=width
                    )
                yield number, cast(list[Cell], record)
                if progress is not None and not number % PROGRESS_EVERY:
                    progress(raw.tell(), size)
        except csv.Error as exc:
            raise _csv_error(exc, display, number + 1) from None
        except UnicodeDecodeError:
            raise InputError("export-bad-encoding", where=f"{display}:{number + 1}", encoding=codec) from None
        if _identity(raw) != before:
            raise InputError("export-changed-while-reading", where=display)
        if progress is not None:
            progress(size, size)
    finally:
        text.close()


def _csv_error(exc: csv.Error, display: str, number: int) -> InputError:
    reason = str(exc)
    if "field larger than field limit" in reason:
        return InputError(
            "export-field-too-large", where=f"{display}:{number}", limit=FIELD_LIMIT // (1024 * 1024)
        )
    if "unexpected end of data" in reason:
        return InputError("export-unclosed-quote", where=f"{display}:{number}")
    return InputError("export-csv-syntax", where=f"{display}:{number}")
