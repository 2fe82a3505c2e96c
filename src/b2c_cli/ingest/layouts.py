"""Which tool wrote an export, and its header rows turned into Columns: the first profile in
`profiles.PROFILES` that recognises the header reads it. Nothing here reads a file: the reader hands over
the first rows (and, for a workbook a profile knows by its sheets, the side sheets)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

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
    duplicates: dict[str, Exception] = field(default_factory=dict)  # see Export.duplicate_headers


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
    # Two columns under one header are a problem only for a statement that matches them (the matching says
    # so then): an unused question asked twice (Google Forms' sections) blocks nothing.
    duplicates = _duplicates(named, f"{display}:{header.number}")
    return Detected(
        profile.layout,
        named,
        profile.header_rows(header),
        width,
        ignored,
        profile.row_rule(header),
        duplicates,
    )


def _duplicates(columns: Sequence[Column], where: str) -> dict[str, Exception]:
    seen: dict[str, list[Column]] = {}
    for column in columns:
        seen.setdefault(column.name.casefold(), []).append(column)
    return {
        name: InputError(
            "export-duplicate-header",
            where=where,
            name=same[0].name[:80],
            columns=", ".join(column_letter(c.index) for c in same),
        )
        for name, same in seen.items()
        if len(same) > 1
    }
