"""What a survey tool's layout is, as data: a `Profile` says how it recognises an export by its header rows
(and a workbook by its sheets), how its header rows become Columns, and which rows it marks as not real
responses. The tools' profiles are in `ingest/profiles/`, tried in the order `profiles.PROFILES` states."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from b2c_cli.ingest import Cell, Column, Layout
from b2c_cli.ingest.text import header_text

Format = Literal["xlsx", "csv"]
BOTH: frozenset[Format] = frozenset(("xlsx", "csv"))
XLSX: frozenset[Format] = frozenset(("xlsx",))
CSV: frozenset[Format] = frozenset(("csv",))

# (reason the row is excluded, reason it is kept but flagged); both None for an ordinary row. Called once per
# data row, with the row's cells (as wide as the columns): keep it to a lookup or two.
RowRule = Callable[[Sequence[Cell]], tuple[str | None, str | None]]


@dataclass(frozen=True)
class Sheets:
    """The sheets of a workbook that a profile knows by name (matched ignoring case and surrounding
    spaces): `responses` holds the data rows; a workbook that has it and every `required` sheet is the
    profile's; the side sheets (`required` and `optional`, where present) are small, read whole, and handed
    to the profile by these names when `responses` is the sheet read."""

    responses: str
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def side(self) -> tuple[str, ...]:
        return (*self.required, *self.optional)

    def in_workbook(self, find: Callable[[str], str | None]) -> bool:
        """Whether a workbook (its sheets found by `find`) has the response sheet and the required ones."""
        return all(find(name) is not None for name in (self.responses, *self.required))

    def were_read(self, side_sheets: Mapping[str, object]) -> bool:
        """Whether these are the side sheets read with the response sheet (so this is the profile's)."""
        return all(name in side_sheets for name in self.required)


@dataclass(frozen=True)
class Header:
    """An export's header as every profile sees it: the first row with anything in it and the rows under
    it (as many as the most any profile reads), as text, plus the side sheets read with it."""

    number: int  # the header row's number in the file (1-based)
    names: tuple[str, ...]  # the header row's cells as text (`header_text`), one per position
    folded: tuple[str, ...]  # the same, case-folded, for comparing with known names
    below: tuple[tuple[str, ...], ...]  # the rows under it, as text
    format: Format
    side_sheets: Mapping[str, Sequence[Sequence[Cell]]]  # by the names a profile's Sheets declares

    @classmethod
    def of(
        cls,
        top: Sequence[tuple[int, Sequence[Cell]]],
        fmt: Format,
        side_sheets: Mapping[str, Sequence[Sequence[Cell]]],
    ) -> Header:
        number, cells = top[0]
        names = tuple(header_text(cell) for cell in cells)
        below = tuple(tuple(header_text(cell) for cell in row) for _, row in top[1:])
        return cls(number, names, tuple(name.casefold() for name in names), below, fmt, side_sheets)


def _one_row(header: Header) -> int:
    return 1


def _no_rule(header: Header) -> RowRule | None:
    return None


@dataclass(frozen=True)
class Profile:
    """One tool's layout. `recognises` is asked in the order of `profiles.PROFILES`, the first that says
    yes reads the export. `columns` gives one Column per header position (a Column named '' is a position
    without a header: left out, and must stay empty); `header_rows` how many rows from the header row down
    are header, not data; `row_rule` which data rows are not real responses (None: every row is one)."""

    layout: Layout
    recognises: Callable[[Header], bool]
    columns: Callable[[Header], list[Column]]
    header_rows: Callable[[Header], int] = _one_row
    row_rule: Callable[[Header], RowRule | None] = _no_rule
    formats: frozenset[Format] = BOTH  # the file formats the tool writes this layout in
    sheets: Sheets | None = None  # a workbook this profile knows by its sheets
    reads_rows: int = 1  # the header row and the rows under it that `recognises` and `columns` look at
