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
from typing import cast

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, ProgressCallback
from b2c_cli.ingest.sniff import DELIMITERS, SAMPLE_CHARS, choose_delimiter, scan_text

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
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)
    info = scan_text(path, display)
    sample, at_end, sep = _sample(path, info.codec, display)
    offset = 1 if sep else 0
    delimiter = sep or choose_delimiter(sample, at_end, display, offset)
    return CsvSource(
        info.sha256, info.encoding, delimiter, _rows(path, info.codec, delimiter, sep, display, progress)
    )


def _sample(path: Path, codec: str, display: str) -> tuple[str, bool, str | None]:
    """The first records as text (cut at a line end), whether that is the whole file, and the delimiter an
    Excel `sep=X` first line names (that line is then left out of the sample)."""
    try:
        with path.open(encoding=codec, newline="") as handle:
            text = handle.read(SAMPLE_CHARS + 1)
    except UnicodeDecodeError:
        raise InputError("export-bad-encoding", where=display, encoding=codec) from None
    at_end = len(text) <= SAMPLE_CHARS
    sep = _sep_line(text)
    if sep is not None:
        text = text.split("\n", 1)[1] if "\n" in text else ""
    if not at_end:
        text = text[: text.rfind("\n") + 1] or text[:SAMPLE_CHARS]
    return text, at_end, sep


def _sep_line(text: str) -> str | None:
    first = text.split("\n", 1)[0].rstrip("\r")
    if first.lower().startswith("sep=") and len(first) == 5 and first[4] in DELIMITERS:
        return first[4]
    return None


def _rows(
    path: Path, codec: str, delimiter: str, sep: str | None, display: str, progress: ProgressCallback | None
) -> Rows:
    raw = path.open("rb")
    text = io.TextIOWrapper(raw, encoding=codec, newline="")
    size = os.fstat(raw.fileno()).st_size
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
