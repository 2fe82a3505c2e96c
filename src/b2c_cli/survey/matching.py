"""Which export column holds which workbook item: by the statement text residents saw (also when the
header wraps it, as in `Hvor enig er du? [statement]` or `question - statement`), or by the column name or
code the workbook states. Never by position. An item that finds no column, or more than one, is an error
that lists the closest headers."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from b2c_cli.errors import InputError
from b2c_cli.ingest import Column
from b2c_cli.models.part3 import Indicator
from b2c_cli.models.scale import normalise

Reason = Literal["column", "text", "text-part"]

# Where a tool puts a statement inside a longer header: "[...]" (Google Forms, LimeSurvey), " - " / " – "
# (Qualtrics, SurveyMonkey), "question: statement", "question? statement".
_BRACKETS = re.compile(r"\[([^\[\]]+)\]")
_SEPARATORS = re.compile(r"\s[-–]\s|:\s|\?\s")
_EDGE_PUNCTUATION = " .:;!?-–\"'«»“”"


@dataclass(frozen=True)
class WantedItem:
    indicator: str
    index: int  # position in the indicator's items
    text: str
    column: str | None
    reverse: bool


@dataclass(frozen=True)
class Match:
    item: WantedItem
    column: Column
    reason: Reason


def wanted_items(indicators: Sequence[Indicator]) -> list[WantedItem]:
    return [
        WantedItem(indicator.id, index, item.text, item.column, item.reverse)
        for indicator in indicators
        if indicator.kind == "survey"
        for index, item in enumerate(indicator.items)
    ]


def _key(text: str) -> str:
    return normalise(text).strip(_EDGE_PUNCTUATION)


def header_parts(text: str) -> set[str]:
    """The header itself and the pieces a tool may have wrapped a statement in, normalised: the text in
    brackets, and what stands before or after each separator (so a statement may itself hold one)."""
    parts = {_key(text)}
    parts.update(_key(inner) for inner in _BRACKETS.findall(text))
    for separator in _SEPARATORS.finditer(text):
        parts.add(_key(text[: separator.start()]))
        parts.add(_key(text[separator.end() :]))
    parts.discard("")
    return parts


def _headers(column: Column) -> tuple[str, ...]:
    return (column.name, *column.texts)


def match_items(items: Sequence[WantedItem], columns: Sequence[Column], file: str) -> list[Match]:
    """One column per item, or an InputError for the first item that has none or several."""
    exact: dict[str, list[Column]] = {}
    partial: dict[str, list[Column]] = {}
    for column in columns:
        whole = {_key(h) for h in _headers(column)}
        pieces = set().union(*(header_parts(h) for h in _headers(column))) - whole
        for key in whole:
            exact.setdefault(key, []).append(column)
        for key in pieces:
            partial.setdefault(key, []).append(column)

    matches: list[Match] = []
    for item in items:
        if item.column:
            found = _unique(exact.get(_key(item.column), []))
            reason: Reason = "column"
            if not found:
                raise _no_match("match-no-column", item, item.column, columns, file)
        else:
            key = _key(item.text)
            found = _unique(exact.get(key, []))
            reason = "text"
            if not found:
                found = _unique(partial.get(key, []))
                reason = "text-part"
            if not found:
                raise _no_match("match-no-statement", item, item.text, columns, file)
        if len(found) > 1:
            raise InputError(
                "match-ambiguous",
                where=file,
                text=item.text[:80],
                columns=" | ".join(c.name[:60] for c in found[:4]),
            )
        matches.append(Match(item, found[0], reason))

    used: dict[int, Match] = {}
    for match in matches:
        other = used.get(match.column.index)
        if other is not None:
            raise InputError(
                "match-shared-column",
                where=file,
                column=match.column.name[:60],
                first=other.item.text[:60],
                second=match.item.text[:60],
            )
        used[match.column.index] = match
    return matches


def _unique(columns: list[Column]) -> list[Column]:
    seen: dict[int, Column] = {}
    for column in columns:
        seen.setdefault(column.index, column)
    return list(seen.values())


def _no_match(key: str, item: WantedItem, wanted: str, columns: Sequence[Column], file: str) -> InputError:
    headers = [h for column in columns if not column.metadata for h in _headers(column)]
    # The closest headers, or else the first few, so the user sees what the export calls its columns.
    close = difflib.get_close_matches(wanted, headers, n=3, cutoff=0.3) or headers[:5]
    return InputError(
        key,
        where=file,
        indicator=item.indicator,
        text=wanted[:80],
        closest=" | ".join(f"'{h[:70]}'" for h in close) or "-",
    )
