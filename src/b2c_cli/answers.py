"""From an export's cells to answer codes, in one pass over the rows.

Each matched column's cells become codes (1-5 on the agree scale, DONT_KNOW, BLANK). Text is read as a
label; a number is a code, looked up in the export's own label sheet or, when it has none, in the code table
the workbook states. Anything else is collected, never dropped: an unknown label, a label that merges neutral
and don't-know, a number with no label, a date or a yes/no where an answer belongs. When the pass is over,
the first column with such values is reported with each distinct value, how often it occurs and the first
row it is in. Only the codes are kept; no other cell of a row outlives the pass.
"""

from __future__ import annotations

import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Column, Export
from b2c_cli.matching import Match
from b2c_cli.scale import BLANK, MIXED, classify, is_scale_label

SAMPLE_ROWS = 200  # rows looked at to tell whether an unused column holds agree-scale answers
MAX_VALUES_SHOWN = 6

# Why a cell is not an answer, as message keys.
_UNKNOWN = "answer-unknown-label"
_MIXED = "answer-mixed-label"
_NO_LABELS = "answer-code-without-label"
_DATE = "answer-date"
_BOOL = "answer-yes-no"
_FRACTION = "answer-not-whole"


@dataclass
class Answers:
    respondents: int
    codes: dict[int, array[int]]  # column index -> one code per respondent
    segment: list[str] | None
    unused_scale_columns: list[str] = field(default_factory=list)


@dataclass
class _Bad:
    count: int = 0
    first_row: int = 0


class _Coder:
    """Turns one column's cells into codes, remembering each distinct value's code (exports repeat a few
    labels many times) and every value that is not an answer."""

    def __init__(self, column: Column, workbook_codes: Mapping[int, str]) -> None:
        self.column = column
        self.workbook_codes = workbook_codes
        self.cache: dict[Cell, int] = {}
        self.bad: dict[tuple[str, str], _Bad] = {}  # (reason, value as text) -> occurrences

    def code(self, cell: Cell, row: int) -> int:
        try:
            return self.cache[cell]
        except KeyError:
            pass
        except TypeError:  # an unhashable cell cannot occur, but never let it crash the pass
            return self._bad(_UNKNOWN, str(cell), row)
        reason, text, code = self._classify(cell)
        if reason is not None:
            return self._bad(reason, text, row)
        self.cache[cell] = code
        return code

    def _classify(self, cell: Cell) -> tuple[str | None, str, int]:
        if cell is None:
            return None, "", BLANK
        if isinstance(cell, bool):
            return _BOOL, str(cell), BLANK
        if isinstance(cell, date | time | timedelta):
            return _DATE, str(cell), BLANK
        if isinstance(cell, int | float):
            if cell != int(cell):
                return _FRACTION, str(cell), BLANK
            return self._from_code(str(int(cell)))
        text = str(cell).strip()
        if not text:
            return None, "", BLANK
        labels = self.column.labels
        if labels is not None and text in labels:
            return self._from_label(labels[text], text)
        found = classify(text)
        if found is None and _is_integer(text):
            return self._from_code(str(int(text)))
        if found is None:
            return _UNKNOWN, text, BLANK
        if found == MIXED:
            return _MIXED, text, BLANK
        return None, text, found

    def _from_code(self, code: str) -> tuple[str | None, str, int]:
        labels = self.column.labels
        if labels is not None and code in labels:
            return self._from_label(labels[code], code)
        label = self.workbook_codes.get(int(code))
        if label is None:
            return _NO_LABELS, code, BLANK
        return self._from_label(label, code)

    def _from_label(self, label: str, shown: str) -> tuple[str | None, str, int]:
        found = classify(label)
        if found is None:
            return _UNKNOWN, f"{shown} = {label}" if shown != label else label, BLANK
        if found == MIXED:
            return _MIXED, label, BLANK
        return None, label, found

    def _bad(self, reason: str, text: str, row: int) -> int:
        entry = self.bad.setdefault((reason, text[:60]), _Bad(first_row=row))
        entry.count += 1
        return BLANK


def _is_integer(text: str) -> bool:
    return text.lstrip("-").isdigit()


def encode(
    export: Export,
    matches: Sequence[Match],
    workbook_codes: Mapping[int, str],
    segment_column: Column | None,
    file: str,
) -> Answers:
    """One pass over the export's rows; raises InputError listing every value that is not an answer."""
    coders = {m.column.index: _Coder(m.column, workbook_codes) for m in matches}
    codes: dict[int, array[int]] = {index: array("b") for index in coders}
    segment: list[str] | None = [] if segment_column is not None else None
    used = set(coders) | ({segment_column.index} if segment_column is not None else set())
    sample = {c.index: [0, 0] for c in export.columns if c.index not in used}  # scale labels, non-empty
    respondents = 0
    for row_number, cells in export.rows:
        respondents += 1
        for index, coder in coders.items():
            codes[index].append(coder.code(cells[index] if index < len(cells) else None, row_number))
        if segment is not None and segment_column is not None:
            value = cells[segment_column.index] if segment_column.index < len(cells) else None
            segment.append(_group_label(value, segment_column.labels))
        if respondents <= SAMPLE_ROWS:
            _sample(sample, cells)

    for coder in coders.values():
        if coder.bad:
            raise _bad_values(coder, file)
    unused = [c.name for c in export.columns if c.index in sample and _looks_like_scale(sample[c.index])]
    return Answers(respondents, codes, segment, unused)


def _group_label(value: Cell, labels: Mapping[str, str] | None) -> str:
    """A segment value as a group name: a code through the export's labels, Unicode form and spaces made
    uniform, case kept; blank -> ""."""
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value == int(value) else str(value)
    if labels is not None and text.strip() in labels:
        text = labels[text.strip()]
    return " ".join(unicodedata.normalize("NFKC", text).split())


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: the column as a spreadsheet shows it."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _sample(sample: dict[int, list[int]], cells: Sequence[Cell]) -> None:
    for index, counts in sample.items():
        value = cells[index] if index < len(cells) else None
        if isinstance(value, str) and value.strip():
            counts[1] += 1
            counts[0] += is_scale_label(value)


def _looks_like_scale(counts: list[int]) -> bool:
    scale_labels, non_empty = counts
    return non_empty >= 3 and scale_labels >= 0.8 * non_empty


def _bad_values(coder: _Coder, file: str) -> InputError:
    ordered = sorted(coder.bad.items(), key=lambda entry: (-entry[1].count, entry[0][1]))
    reasons = {reason for reason, _ in coder.bad}
    # One message key per kind of problem; the most specific one present leads.
    key = next(k for k in (_MIXED, _DATE, _BOOL, _FRACTION, _NO_LABELS, _UNKNOWN) if k in reasons)
    shown = ", ".join(
        f"'{text}' ×{entry.count} ({entry.first_row})" for (_, text), entry in ordered[:MAX_VALUES_SHOWN]
    )
    more = len(ordered) - MAX_VALUES_SHOWN
    first_row = min(entry.first_row for entry in coder.bad.values())
    return InputError(
        key,
        where=f"{file}:{first_row}",
        column=coder.column.name[:70],
        letter=column_letter(coder.column.index),
        values=shown + (f" (+{more})" if more > 0 else ""),
        total=sum(entry.count for entry in coder.bad.values()),
    )
