"""Google Forms (CSV or TSV downloaded from Sheets, or XLSX).

First column Timestamp (Danish: Tidsstempel; a date cell in XLSX), then Email Address if collected, then
one column per question; a grid question gives one column per row: "Question [Row]"; a quiz adds Score.

Source: github.com/lesmana/google-sheet-format-form-grid-responses DEMONSTRATION.md.
"""

from __future__ import annotations

from b2c_cli.ingest import Column
from b2c_cli.ingest.profile import Header, Profile
from b2c_cli.ingest.text import bracketed

TIMESTAMPS = {"timestamp", "tidsstempel", "zeitstempel", "tidstämpel", "tidsmerke", "horodateur"}
META = TIMESTAMPS | {"email address", "e-mailadresse", "score", "point", "username"}


def _recognises(header: Header) -> bool:
    return bool(header.folded) and header.folded[0] in TIMESTAMPS


def _columns(header: Header) -> list[Column]:
    columns = []
    for index, (name, folded) in enumerate(zip(header.names, header.folded, strict=True)):
        is_meta = folded in META
        columns.append(Column(index, name, () if is_meta else bracketed(name), metadata=is_meta))
    return columns


PROFILE = Profile("google-forms", _recognises, _columns)
