"""Plain: one header row over the data (hand-made sheets, b2c's own data-entry sheet). Every export is one,
so it comes last: no metadata columns, no header texts beyond the header itself, every row a response."""

from __future__ import annotations

from b2c_cli.ingest import Column
from b2c_cli.ingest.profile import Header, Profile


def _recognises(header: Header) -> bool:
    return True


def _columns(header: Header) -> list[Column]:
    return [Column(index, name) for index, name in enumerate(header.names)]


PROFILE = Profile("plain", _recognises, _columns)
