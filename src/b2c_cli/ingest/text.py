"""Header cells as text, the same for every profile: trimmed, codes as keys, bracketed parts, garbled
encodings, column letters."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from b2c_cli.ingest import Cell


def header_text(cell: Cell) -> str:
    """A header cell as text: whitespace (also non-breaking spaces and line breaks) trimmed and collapsed,
    otherwise as the file has it. 3.0 (how Excel stores a number) reads as '3'."""
    if cell is None or cell == "":
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime | date | time):
        text = cell.isoformat()
    elif isinstance(cell, timedelta):
        text = str(cell)
    else:
        text = str(cell)
    return " ".join(text.replace("\ufeff", "").split())


def code_text(cell: Cell) -> str:
    """A code from a label sheet as the key Column.labels uses: 1.0 -> '1', ' 2 ' -> '2'."""
    return header_text(cell)


_BRACKETED = re.compile(r"^(.*\S)\s*\[([^\[\]]+)\]$")


def bracketed(name: str) -> tuple[str, ...]:
    """The part in brackets at the end of a heading ('Question [Statement]' -> ('Statement',)), or ()."""
    match = _BRACKETED.match(name)
    return (match.group(2).strip(),) if match else ()


# UTF-8 text decoded as Windows-1252 (or Latin-1) and saved again: each Danish letter becomes two characters,
# the first 'Ã' (or 'Â'), the second what cp1252 makes of a UTF-8 continuation byte (0x80-0xBF): 'æ' -> 'Ã¦',
# 'ø' -> 'Ã¸', 'å' -> 'Ã¥', 'Ø' -> 'Ã˜', 'Å' -> 'Ã…'; typographic quotes and dashes become 'â€' and one more.
_CONTINUATION = "".join(
    bytes([byte]).decode("cp1252") if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(byte)
    for byte in range(0x80, 0xC0)
)
_MOJIBAKE = re.compile(f"[ÂÃ][{re.escape(_CONTINUATION)}]|â€[{re.escape(_CONTINUATION)}]")


def mojibake(text: str) -> tuple[str, str] | None:
    """The first piece of garbled text in `text` ('Ã¸') and the letter it stands for ('ø'), or None."""
    found = _MOJIBAKE.search(text)
    if found is None:
        return None
    garbled = found.group()
    return garbled, b"".join(map(_byte, garbled)).decode("utf-8", "replace")


def _byte(char: str) -> bytes:
    """The byte Windows-1252 has for `char` (a byte it leaves undefined stands for itself)."""
    try:
        return char.encode("cp1252")
    except UnicodeEncodeError:
        return bytes([ord(char)])


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def file_name(name: str) -> str:
    """A file name as text that can be written anywhere (YAML, reports, a terminal). A name that is not
    valid UTF-8 arrives from the OS with its bytes as lone surrogates ('eksport-\\udce6.csv'), which no
    UTF-8 file can hold: its bytes are read as UTF-8 if they are, else as Windows-1252 (a Danish name from
    an old zip or USB stick), with anything undefined shown as U+FFFD."""
    import os

    raw = os.fsencode(name)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")
