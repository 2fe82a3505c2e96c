"""Plain text tables for the terminal (`b2c score`, `b2c status`), drawn with box characters like rich's
default table, without importing rich: rich's table and console cost about as much start-up time as the rest
of a short command. Cell text is printed as it is (survey text may hold `[...]`; there is no markup)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

Justify = Literal["left", "right"]


def width(text: str) -> int:
    """How many terminal columns `text` takes: wide (East Asian) characters two, combining marks none."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


@dataclass
class TextTable:
    title: str = ""
    caption: str = ""
    headers: list[str] = field(default_factory=list)
    justify: list[Justify] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)

    def add_column(self, header: str, justify: Justify = "left") -> None:
        self.headers.append(header)
        self.justify.append(justify)

    def add_row(self, *cells: str) -> None:
        self.rows.append([" ".join(str(cell).split("\n")) for cell in cells])

    def render(self) -> str:
        widths = [
            max([width(header), *(width(row[i]) for row in self.rows)])
            for i, header in enumerate(self.headers)
        ]

        def line(cells: Sequence[str], edge: str, justify: Sequence[Justify]) -> str:
            padded = []
            for cell, size, how in zip(cells, widths, justify, strict=True):
                space = " " * (size - width(cell))
                padded.append(f" {space}{cell} " if how == "right" else f" {cell}{space} ")
            return edge + edge.join(padded) + edge

        def rule(left: str, fill: str, middle: str, right: str) -> str:
            return left + middle.join(fill * (size + 2) for size in widths) + right

        lines = [self.title] if self.title else []
        lines += [
            rule("┏", "━", "┳", "┓"),
            line(self.headers, "┃", ["left"] * len(self.headers)),
            rule("┡", "━", "╇", "┩"),
            *(line(row, "│", self.justify) for row in self.rows),
            rule("└", "─", "┴", "┘"),
        ]
        if self.caption:
            lines.append(self.caption)
        return "\n".join(lines)
