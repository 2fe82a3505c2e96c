"""Survey exports -> header columns and data rows, whatever tool wrote them (DESIGN.md §7).

`open_export(path)` detects the file format by its bytes (XLSX through python-calamine, CSV through the
csv module), the encoding and delimiter of a CSV, and the tool's layout. It returns the columns at once and
the data rows lazily, so a 100,000-row export is streamed once and never copied. Nothing here knows about
indicators or labels' meaning: matching and scoring happen elsewhere. Every problem is an InputError
(exit 3) naming the file and, where there is one, the row and column.

A layout is a declared profile (`profile.Profile`, one module per tool in `profiles/`): its name, how it
recognises an export by its header rows (and a workbook by its sheets), how its header rows become Columns
(names, further texts to match, the export's own code labels, metadata), and which rows are not real
responses. They are tried in this order, stated once in `profiles.PROFILES` with the reasons:

1. surveyxact-xlsx, by its sheets: `Dataset` beside `Labels` (and `Structure`/`Variables`); the side
   sheets give each variable its question text and code labels; people who never answered are excluded.
2. qualtrics: field names, question texts and ImportIds in three header rows (two in older exports, the
   fields numbered V1, V2, ... in legacy ones); previews and test responses excluded, spam flagged.
3. surveymonkey: question over its columns in row 1, "Response" or the statement in row 2.
4. limesurvey: its own fields (submitdate, lastpage, ...); code, full-text or code-and-text headings.
5. ms-forms: ID, start and completion time; a Likert statement heads its column alone.
6. google-forms: a Timestamp first; grid rows as "Question [Row]".
7. surveyxact-xlsx, by the header: a Dataset sheet without its side sheets (respondentid, stato_4, ...).
8. surveyxact-csv, by the header: dataset.csv, codes only (the workbook says what they mean).
9. plain: one header row over the data; takes any export.

Inside: `reader` (the entry: sniff, open, ask the profiles which sheets to read, find the header, hand out
rows), `sniff` (file type by content, the zip gate before parsing, encodings, delimiters), `csvfile`,
`xlsxfile` (python-calamine: sheets by name, one streamed, side sheets whole), `formulas` (formulas without
a saved value), `layouts` (`detect`: the first profile that recognises the header builds the Columns),
`profile` and `profiles/`, `text` (header cells as text). The readers are imported only when a file is
opened, so importing b2c_cli stays fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Literal

Cell = str | int | float | bool | datetime | date | time | timedelta | None


class UncachedFormula(str):
    """An XLSX cell holding a formula but no saved value (a file written by a program that does not
    calculate, e.g. openpyxl), as its formula's text ("=B2*2"). calamine reads such a cell as empty; the
    answers put this in its place to report it instead of counting a blank (see `Export.formulas`)."""

    __slots__ = ()


# The cells of the sheet read that hold a formula without a saved value: {row number (1-based, as Excel
# shows it): {column index (A = 0): "=formula"}}. Found on demand, by a second pass over the sheet's XML.
Formulas = Callable[[], dict[int, dict[int, str]]]


Layout = Literal[
    "surveyxact-xlsx",
    "surveyxact-csv",
    "ms-forms",
    "google-forms",
    "qualtrics",
    "surveymonkey",
    "limesurvey",
    "plain",
]


@dataclass(frozen=True)
class Column:
    """One column of the export. `index` is its position in the file (column A = 0), which is also its
    position in every row's cells. `name` is its header as the file shows it, whitespace trimmed and
    collapsed (for SurveyXact the variable name, for Qualtrics the first header row, for SurveyMonkey
    "question - statement"); `texts` are further header texts to match workbook items against (SurveyXact's
    question text from `Structure`, Qualtrics' question row, SurveyMonkey's and Google Forms' statement
    alone). `labels` is the export's own code -> label table (SurveyXact's `Labels` sheet), keyed by the code
    as text ("1", "2", ...). `metadata` marks the tool's own columns (ids, times, names, e-mails, IP
    addresses, status flags): never an answer, and identifying."""

    index: int
    name: str
    texts: tuple[str, ...] = ()
    labels: Mapping[str, str] | None = None
    metadata: bool = False


@dataclass
class Export:
    path: Path
    sha256: str
    format: Literal["xlsx", "csv"]
    layout: Layout
    columns: list[Column]
    # Data rows only, header rows removed: (row number in the file, 1-based as a spreadsheet shows it;
    # the cells, indexed by Column.index). An iterator, consumed once; it raises InputError on a row it
    # cannot read (ragged, broken quoting, data under a column without a header).
    # Cells: CSV gives str; XLSX gives calamine's types (str, float - Excel stores every number as a double,
    # so a code 1 is 1.0 - bool, datetime, date, time, timedelta). An empty cell is '' (never None). Every
    # row has one cell per position up to the last column; a position whose column was left out (no
    # header, no data) is always ''.
    rows: Iterator[tuple[int, Sequence[Cell]]]
    sheet: str | None = None
    encoding: str | None = None
    delimiter: str | None = None
    # Rows left out on purpose, by reason (e.g. "survey-preview", "empty-row"), filled in while `rows`
    # is consumed, so the caller can report them: no row is ever skipped silently.
    excluded_rows: dict[str, int] = field(default_factory=dict)
    # Rows kept but worth a warning, by reason (Qualtrics' "spam"), filled in the same way.
    flagged_rows: dict[str, int] = field(default_factory=dict)
    # XLSX: the sheet's formulas without a saved value (they read as ''), to ask for only when a blank
    # matters; None for CSV.
    formulas: Formulas | None = None
    # Headers over more than one column (compared case-folded), each with the error to give should a
    # statement match them: until then they block nothing (a question asked twice, unused).
    duplicate_headers: dict[str, Exception] = field(default_factory=dict)


ProgressCallback = Callable[[int, int], None]  # (done, total) in bytes or rows; total may be 0 if unknown


def open_export(path: Path, sheet: str | None = None, progress: ProgressCallback | None = None) -> Export:
    """Open a survey export. Raises InputError (exit 3) when the file cannot be read as one."""
    from b2c_cli.ingest.reader import open_export as _open

    return _open(path, sheet=sheet, progress=progress)


class Opening:
    """An export being opened in a background thread while the caller does other work (importing the
    models, checking the workbook): the XLSX and CSV parsers release the GIL while they parse, so on a
    large export the two overlap. `result()` gives the Export, or raises what opening it raised."""

    def __init__(
        self, path: Path, sheet: str | None = None, progress: ProgressCallback | None = None
    ) -> None:
        import threading

        self.path, self.sheet = path, sheet
        self._export: Export | None = None
        self._error: BaseException | None = None

        def work() -> None:
            try:
                self._export = open_export(path, sheet=sheet, progress=progress)
            except BaseException as exc:  # handed to the caller's thread by result()
                self._error = exc

        # A daemon thread: if the caller stops first (say, an invalid workbook), it does not wait for it.
        self._thread = threading.Thread(target=work, name="b2c-open-export", daemon=True)
        self._thread.start()

    def result(self) -> Export:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._export is not None
        return self._export
