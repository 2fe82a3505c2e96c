"""Which tool wrote an export, and its header rows turned into Columns: the first profile in
`profiles.PROFILES` that recognises the header reads it. Nothing here reads a file: the reader hands over
the first rows (and, for a workbook a profile knows by its sheets, the side sheets)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Column, Layout, profiles
from b2c_cli.ingest.profile import Format, Header, Profile, RowRule
from b2c_cli.ingest.text import code_text, column_letter, header_text, mojibake

__all__ = ["Detected", "code_text", "column_letter", "detect", "header_text", "mojibake", "profile_for"]


@dataclass
class Detected:
    layout: Layout
    columns: list[Column]
    header_rows: int  # rows from the header row down that are header, not data (1-3)
    width: int  # cells kept per row: trailing columns without a header are cut off
    ignored: tuple[int, ...]  # positions below `width` without a header; they must stay empty
    rule: RowRule | None = None


def profile_for(header: Header) -> Profile:
    """The first profile, in the declared order, that recognises the header (plain takes any)."""
    return next(p for p in profiles.PROFILES if header.format in p.formats and p.recognises(header))


def detect(
    top: Sequence[tuple[int, Sequence[Cell]]],
    *,
    fmt: Format,
    side_sheets: Mapping[str, Sequence[Sequence[Cell]]],
    display: str,
) -> Detected:
    """The layout and columns from the header row (`top[0]`) and the rows under it."""
    header = Header.of(top, fmt, side_sheets)
    profile = profile_for(header)
    columns = profile.columns(header)
    named = [column for column in columns if column.name]
    width = named[-1].index + 1 if named else 0
    ignored = tuple(column.index for column in columns if not column.name and column.index < width)
    detected = Detected(
        profile.layout, named, profile.header_rows(header), width, ignored, profile.row_rule(header)
    )
    _check_duplicates(detected.columns, f"{display}:{header.number}")
    return detected


def _check_duplicates(columns: Sequence[Column], where: str) -> None:
    seen: dict[str, list[Column]] = {}
    for column in columns:
        seen.setdefault(column.name.casefold(), []).append(column)
    for same in seen.values():
        if len(same) > 1:
            raise InputError(
                "export-duplicate-header",
                where=where,
                name=same[0].name[:80],
                columns=", ".join(column_letter(c.index) for c in same),
            )
