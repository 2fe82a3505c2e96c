"""The readers in kit.py catch what they are meant to catch: otherwise the report tests built on them would
pass for the wrong reason."""

from __future__ import annotations

import struct
import zlib

import pytest

from .kit import markdown_tables, read_html, read_png, split_row


def test_split_row_keeps_escaped_pipes_in_their_cell() -> None:
    assert split_row(r"| a \| b | c\\ |") == ["", r" a \| b ", " c\\\\ ", ""]
    assert split_row("| a | b") == ["", " a ", " b"]


@pytest.mark.parametrize(
    "text",
    [
        "| a | b |\n| --- | --- |\n| x | y | z |\n",  # a stray pipe adds a cell
        "| a | b |\n| --- | --- |\n| x | y\nz |\n",  # a line break cuts the row
        "| a | b |\n| --- | --- |\n| x | y \\|\n",  # the closing pipe escaped
        "| a | b |\n| --- | --- | --- |\n",  # separator wider than the header
    ],
)
def test_broken_tables_are_caught(text: str) -> None:
    with pytest.raises(AssertionError):
        markdown_tables(text)


def test_whole_tables_pass() -> None:
    text = "intro\n\n| a | b |\n| --- | ---: |\n| x \\| y | z<br>w |\n|  | \\\\ |\n\nafter | not a table\n"
    (table,) = markdown_tables(text)
    assert table.line == 3
    assert table.rows == [["a", "b"], ["x \\| y", "z<br>w"], ["", "\\\\"]]


def test_html_reader_finds_unbalanced_tags() -> None:
    assert read_html("<p><b>x</p></b>").problems
    assert read_html("<table><tr><td>x</td></tr>").problems == ["<table> never closed"]
    doc = read_html(
        '<html><head><meta charset="utf-8"><style>p{}</style></head><body><p>x<br>y</p></body></html>'
    )
    assert doc.problems == [] and doc.styles == ["p{}"] and doc.tags["p"] == 1


def _png(width: int, height: int, rows: list[bytes], kind: int) -> bytes:
    def chunk(name: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + name + body + struct.pack(">I", zlib.crc32(name + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    raw = b"".join(bytes([kind]) + row for row in rows)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )


def test_png_reader_undoes_each_filter() -> None:
    # Filter 1 (Sub) stores differences from the pixel to the left: white, then +0 = white, then red.
    sub = [bytes([255, 255, 255, 0, 0, 0, 0, 1, 1])]
    image = read_png(_png(3, 1, sub, 1))
    assert list(image.pixels()) == [b"\xff\xff\xff", b"\xff\xff\xff", b"\xff\x00\x00"]
    # Filter 2 (Up): the second row adds to the first.
    up = [bytes([10, 20, 30]), bytes([1, 1, 1])]
    image = read_png(_png(1, 2, up, 2))
    assert list(image.pixels()) == [bytes([10, 20, 30]), bytes([11, 21, 31])]
    # Filter 4 (Paeth) on the first row is Sub.
    assert list(read_png(_png(3, 1, sub, 4)).pixels()) == [b"\xff\xff\xff", b"\xff\xff\xff", b"\xff\x00\x00"]
