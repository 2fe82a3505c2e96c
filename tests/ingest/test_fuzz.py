"""Broken files of every kind: whatever the bytes, reading an export ends in rows or an InputError, never
another exception. A bounded run here; issue 7's `make fuzz` can raise max_examples."""

from __future__ import annotations

import tempfile
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from b2c_cli.errors import InputError
from b2c_cli.ingest import open_export

from .factories import LAYOUTS, make_export

SPECIAL = b'";,\t\r\n\x00\xff\xfe\xef\xbb\xbfPK'


@cache
def seeds() -> tuple[bytes, ...]:
    folder = Path(tempfile.mkdtemp(prefix="b2c-fuzz-"))
    found = []
    for layout in LAYOUTS:
        for fmt in ("csv", "xlsx"):
            if layout == "surveyxact-csv" and fmt == "xlsx":
                continue
            found.append(make_export(folder, layout, fmt=fmt, filename=f"{layout}.{fmt}").read_bytes())
    return tuple(found)


@st.composite
def mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(seeds())))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        kind = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
        if kind == "flip":
            data[at] = draw(st.integers(0, 255))
        elif kind == "cut":
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == "insert":
            data[at:at] = draw(st.lists(st.sampled_from(list(SPECIAL)), min_size=1, max_size=6))
        else:
            del data[at:]
    return bytes(data)


def _read_all(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export"
        path.write_bytes(data)
        try:
            export = open_export(path)
            for _ in export.rows:
                pass
        except InputError:
            pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_exports_fail_only_with_input_errors(data: bytes) -> None:
    _read_all(data)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_fail_only_with_input_errors(data: bytes) -> None:
    _read_all(data)
