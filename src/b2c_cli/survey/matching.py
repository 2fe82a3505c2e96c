"""Which export column holds which workbook item: by the statement text residents saw (also when the
header wraps it, as in `Hvor enig er du? [statement]` or `question - statement`), or by the column name or
code the workbook states. Never by position. An item that finds no column, or more than one, is an error
that lists the closest headers."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from b2c_cli.errors import InputError
from b2c_cli.i18n import Lines, Phrase
from b2c_cli.ingest import Column
from b2c_cli.ingest.text import column_letter
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
    translations: tuple[str, ...] = ()  # the statement in the survey's other languages (issue 16)


@dataclass(frozen=True)
class Match:
    item: WantedItem
    column: Column
    reason: Reason


def wanted_items(indicators: Sequence[Indicator]) -> list[WantedItem]:
    return [
        WantedItem(
            indicator.id,
            index,
            item.text,
            item.column,
            item.reverse,
            tuple(text for text in item.translations.values() if text.strip()),
        )
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


_LETTER = re.compile(r"[A-Z]{1,3}")
CLOSE = 0.75  # a header at least this close to a statement means the statement is misspelt, not absent


def match_items(items: Sequence[WantedItem], columns: Sequence[Column], file: str) -> list[Match]:
    """One column per item, or an InputError listing every item that has none or several."""
    return match_columns(items, columns, file)[0]


def match_columns(
    items: Sequence[WantedItem],
    columns: Sequence[Column],
    file: str,
    *,
    allow_missing: bool = False,
    duplicates: Mapping[str, Exception] | None = None,
) -> tuple[list[Match], set[str]]:
    """One column per item. With `allow_missing`, an indicator none of whose statements is in the export
    (nor anything close to them) is left out and named in the second value: the export does not measure
    it. Every other item without a column, or with several, is an error; all of them are listed at once."""
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
    failed: dict[str, list[tuple[WantedItem, InputError, bool]]] = {}  # indicator -> (item, error, close)
    problems: list[InputError] = []
    for item in items:
        if item.column:
            found = _unique(exact.get(_key(item.column), []))
            reason: Reason = "column"
            if not found and _LETTER.fullmatch(item.column.strip()):
                found = [c for c in columns if column_letter(c.index) == item.column.strip()]
            if not found:
                failed.setdefault(item.indicator, []).append(
                    (item, _no_match("match-no-column", item, item.column, columns, file), True)
                )
                continue
        else:
            # The statement in the workbook's language, else in any survey language (issue 16).
            keys = list(dict.fromkeys(k for k in map(_key, (item.text, *item.translations)) if k))
            key = keys[0] if keys else ""
            found = _unique([c for k in keys for c in exact.get(k, [])])
            reason = "text"
            if not found:
                found = _unique([c for k in keys for c in partial.get(k, [])])
                reason = "text-part"
            if not found:
                close = bool(difflib.get_close_matches(key, [*exact, *partial], n=1, cutoff=CLOSE))
                failed.setdefault(item.indicator, []).append(
                    (item, _no_match("match-no-statement", item, item.text, columns, file), close)
                )
                continue
        duplicate = (duplicates or {}).get(found[0].name.casefold()) if len(found) > 1 else None
        if isinstance(duplicate, InputError):  # one header over several columns: the reader's error
            problems.append(duplicate)
            continue
        if len(found) > 1:
            problems.append(
                InputError(
                    "match-ambiguous",
                    where=file,
                    text=clip(item.text, 80),
                    columns=" | ".join(clip(c.name, 60) for c in found[:4]),
                )
            )
            continue
        matches.append(Match(item, found[0], reason))

    matched = {match.item.indicator for match in matches}
    missing: set[str] = set()
    for indicator, failures in failed.items():
        if allow_missing and indicator not in matched and not any(close for _, _, close in failures):
            missing.add(indicator)
        else:
            problems.extend(error for _, error, _ in failures)
    if not matches and not problems:  # nothing of the workbook is in this export: it is the wrong file
        problems = [error for failures in failed.values() for _, error, _ in failures]
        missing = set()

    used: dict[int, Match] = {}
    for match in matches:
        other = used.get(match.column.index)
        if other is not None:
            problems.append(
                InputError(
                    "match-shared-column",
                    where=file,
                    column=clip(match.column.name, 60),
                    first=clip(other.item.text, 60),
                    second=clip(match.item.text, 60),
                )
            )
        used[match.column.index] = match
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputError("score-problems", where=file, count=len(problems), problems=problem_lines(problems))
    return matches, missing


def problem_lines(errors: Sequence[InputError]) -> Lines:
    """Several errors as the lines of one message, each with its place."""
    return Lines(tuple((e.where or "", Phrase(e.key, **e.params)) for e in errors))


def clip(text: str, length: int) -> str:
    """At most `length` characters, cut between words (never mid-word), with '…' when cut."""
    if len(text) <= length:
        return text
    cut = text[: length - 1]
    space = cut.rfind(" ")
    return (cut[:space] if space > length // 2 else cut).rstrip(" ,.;:-–") + "…"


def _unique(columns: list[Column]) -> list[Column]:
    seen: dict[int, Column] = {}
    for column in columns:
        seen.setdefault(column.index, column)
    return list(seen.values())


def _no_match(key: str, item: WantedItem, wanted: str, columns: Sequence[Column], file: str) -> InputError:
    headers = [h for column in columns if not column.metadata for h in _headers(column)]
    # The closest headers, or else the first few, so the user sees what the export calls its columns.
    near = difflib.get_close_matches(wanted, headers, n=3, cutoff=0.3)
    close = near or headers[:5]
    return InputError(
        key,
        where=file,
        indicator=item.indicator,
        text=clip(wanted, 80),
        closest=" | ".join(f"'{clip(h, 70)}'" for h in close) or "-",
        snippet=_snippet(item, near[0] if near else ""),
    )


def _snippet(item: WantedItem, header: str) -> str:
    """The lines to paste under the statement in part3-evaluation.yaml to give its column."""
    header = header or "..."
    return f'- text: "{item.text}"\n        column: "{header}"'
