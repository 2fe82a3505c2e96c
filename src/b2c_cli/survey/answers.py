"""From an export's cells to answer codes, in one pass over the rows.

Each matched column's cells become codes (1-5 on the agree scale, DONT_KNOW, BLANK). Text is read as a
label; a number is a code, looked up in the export's own label sheet or, when it has none, in the code table
the workbook states. Anything else is collected, never dropped: an unknown label, a label that merges neutral
and don't-know, a label garbled by the wrong character encoding, a number with no label or with decimals
(also written as text, "4,0"), a date, a yes/no or a formula without a saved value where an answer belongs.
When the pass is over, the first column with such values is reported with each distinct value, how often it
occurs and the first row it is in. Only the codes are kept; no other cell of a row outlives the pass.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from itertools import islice
from operator import itemgetter

from b2c_cli.errors import InputError
from b2c_cli.i18n import Msg, Phrase, Pieces
from b2c_cli.ingest import Cell, Column, Export, Formulas, UncachedFormula
from b2c_cli.ingest.layouts import column_letter, mojibake
from b2c_cli.models.scale import (
    BLANK,
    DEFAULT,
    DEFAULT_SCALE,
    MIXED,
    SCALES,
    Scale,
    fitting,
    is_scale_label,
    label_key,
    normalise,
)
from b2c_cli.survey.matching import Match, clip, problem_lines

FOUR_STEPS = 4
FOUR_STEP_ANSWERS = 20  # answers without a neutral one, on four steps, that make a five-step scale doubtful
SAMPLE_ROWS = 200  # rows looked at to tell whether an unused column holds agree-scale answers
MAX_VALUES_SHOWN = 6

# Why a cell is not an answer, as message keys.
_UNKNOWN = "answer-unknown-label"
_MIXED = "answer-mixed-label"
_NO_LABELS = "answer-code-without-label"
_DATE = "answer-date"
_BOOL = "answer-yes-no"
_FRACTION = "answer-not-whole"
_FORMULA = "answer-formula"
_MOJIBAKE = "answer-mojibake"
_SAME_STEP = "answer-same-step"  # two labels read as one step: the column has another scale
_FOUR_STEP = "answer-four-step"  # agree-4's labels and no neutral answer, on the default five steps
_OFF_SCALE = "answer-code-off-scale"  # a number the (numeric) scale has no step for
_DECIMAL_TEXT = re.compile(r"[+-]?\d+[.,]\d+")  # "4,0" (a Danish decimal comma) or "4.0" typed as text


@dataclass
class Answers:
    respondents: int
    codes: dict[int, array[int]]  # column index -> one code per respondent
    segment: list[str] | None
    unused_scale_columns: list[str] = field(default_factory=list)
    ids: list[str] | None = None  # the respondent id column's values, when asked for


@dataclass
class _Bad:
    count: int = 0
    first_row: int = 0
    values: set[tuple[type, Cell]] = field(default_factory=set)  # the raw cells behind it


@dataclass(frozen=True)
class Coding:
    """How one column's cells become codes: the indicator's scale (`declared`: the workbook names it), the
    workbook's text label mapping (export label -> scale label) and numeric code table."""

    scale: Scale = DEFAULT
    declared: bool = False
    labels: Mapping[str, str] = field(default_factory=dict)
    codes: Mapping[int, str] = field(default_factory=dict)
    scales: Mapping[str, Scale] = field(default_factory=dict)  # every scale, to suggest one that fits
    indicator: str = ""


class _Coder:
    """Turns one column's cells into codes on its scale, remembering each distinct value's code (exports
    repeat a few labels many times), which labels fell on which step, and every value that is not an
    answer."""

    def __init__(self, column: Column, coding: Coding) -> None:
        self.column = column
        self.coding = coding
        self.scale = coding.scale
        self.mapped = {label_key(k): v for k, v in coding.labels.items()}
        self.bad: dict[tuple[str, str], _Bad] = {}  # (reason, value as text) -> occurrences
        self.on_step: dict[int, dict[str, str]] = {}  # step -> label key -> the label as written
        self.seen: dict[str, str] = {}  # every text label met (key -> as written), for suggesting a scale

    def encode_column(self, values: Sequence[Cell], rows: Sequence[int]) -> array[int]:
        """The codes for a whole column: each distinct value is read once, then looked up per cell."""
        distinct = set(values)
        if any(isinstance(value, bool) for value in distinct):
            # True == 1.0 for a dict: a yes/no cell must not pass for the code 1, so key by type too.
            keyed = {(type(value), value): self._one(value) for value in distinct}
            codes = array("b", (keyed[(type(value), value)] for value in values))
        else:
            mapping = {value: self._one(value) for value in distinct}
            codes = array("b", map(mapping.__getitem__, values))
        if self.bad:
            self._locate_bad(values, rows)
        self._check_steps(codes, rows)
        return codes

    def _check_steps(self, codes: array[int], rows: Sequence[int]) -> None:
        """Two labels on one step mean the column has more steps than its scale (a seven-step column read
        as five); and on the guide's default five steps, a column with no neutral answer whose labels are
        all the four-step scale's is that scale until the workbook says which it is."""
        for step, keys in sorted(self.on_step.items(), reverse=True):
            # Per survey language: one step answered in Danish and in Arabic is still one step (issue 16).
            by_language: dict[str, list[str]] = {}
            for key, label in keys.items():
                by_language.setdefault(self.scale.survey_labels.get(key, ""), []).append(label)
            if any(len(labels) > 1 for labels in by_language.values()):
                self._flag(_SAME_STEP, " / ".join(sorted(keys.values())), codes, rows, (step,))
        if self.coding.declared or self.bad or not self.on_step or 3 in self.on_step:
            return
        steps = tuple(self.on_step)
        # Only where the missing neutral says something: all four steps used, by enough answers.
        if (
            self.scale.id == DEFAULT_SCALE
            and len(steps) == FOUR_STEPS
            and sum(codes.count(step) for step in steps) >= FOUR_STEP_ANSWERS
            and "agree-4" in fitting(list(self.seen.values()), SCALES)
        ):
            self._flag(_FOUR_STEP, " / ".join(sorted(self.seen.values())), codes, rows, steps)

    def _flag(
        self, reason: str, text: str, codes: array[int], rows: Sequence[int], steps: tuple[int, ...]
    ) -> None:
        positions = [p for p, code in enumerate(codes) if code in steps]
        first = rows[positions[0]] if positions else 0
        self.bad[(reason, text)] = _Bad(len(positions), first)

    def _one(self, value: Cell) -> int:
        reason, text, code = self._classify(value)
        if reason is None:
            return code
        self.bad.setdefault((reason, text[:60]), _Bad()).values.add((type(value), value))
        return BLANK

    def _locate_bad(self, values: Sequence[Cell], rows: Sequence[int]) -> None:
        """How often each bad value occurs and the first row it is in (one pass, only when there are any)."""
        owner = {key: entry for entry in self.bad.values() for key in entry.values}
        for position, value in enumerate(values):
            entry = owner.get((type(value), value))
            if entry is not None:
                entry.count += 1
                if not entry.first_row:
                    entry.first_row = rows[position]

    def _classify(self, cell: Cell) -> tuple[str | None, str, int]:
        if cell is None:
            return None, "", BLANK
        if isinstance(cell, UncachedFormula):
            return _FORMULA, str(cell), BLANK
        if isinstance(cell, bool):
            return _BOOL, str(cell), BLANK
        if isinstance(cell, date | time | timedelta):
            return _DATE, str(cell), BLANK
        if isinstance(cell, int | float):
            if cell != int(cell):
                return _FRACTION, str(cell), BLANK
            return self._from_code(str(int(cell)))
        text = str(cell).strip()
        if not text:
            return None, "", BLANK
        labels = self.column.labels
        if labels is not None and text in labels:
            return self._from_label(labels[text], text)
        if _is_integer(text) and normalise(text) not in self.scale.missing_keys:
            return self._from_code(str(int(text)))
        return self._from_label(text, text)

    def _from_code(self, code: str) -> tuple[str | None, str, int]:
        labels = self.column.labels
        if labels is not None and code in labels:
            return self._from_label(labels[code], code)
        if code in self.scale.missing_keys:
            return None, code, BLANK
        label = self.coding.codes.get(int(code))
        if label is not None:
            return self._from_label(label, code)
        found = self.scale.codes.get(int(code))
        if found is not None:
            return None, code, found
        if self.scale.codes:
            return _OFF_SCALE, code, BLANK
        return _NO_LABELS, code, BLANK

    def _from_label(self, label: str, shown: str) -> tuple[str | None, str, int]:
        key = label_key(label)
        if key in self.mapped:
            label = self.mapped[key]
            key = label_key(label)
        found = self.scale.classify(label)
        if key:
            self.seen.setdefault(key, label.strip())
        if found is None:
            return _unknown(label, f"{shown} = {label}" if shown != label else label)
        if found == MIXED:
            return _MIXED, label, BLANK
        if found >= 1 and key in self.scale.lookup:
            self.on_step.setdefault(found, {}).setdefault(key, label.strip())
        return None, label, found


def _is_integer(text: str) -> bool:
    return text.lstrip("-").isdigit()


def _unknown(label: str, shown: str) -> tuple[str, str, int]:
    """Why a text is no answer: a number with decimals, text garbled by the wrong encoding, or unknown."""
    if _DECIMAL_TEXT.fullmatch(label.strip()):
        return _FRACTION, shown, BLANK
    if mojibake(label) is not None:
        return _MOJIBAKE, shown, BLANK
    return _UNKNOWN, shown, BLANK


def encode(
    export: Export,
    matches: Sequence[Match],
    codings: Mapping[str, Coding],
    segment_column: Column | None,
    file: str,
    *,
    id_column: Column | None = None,
    languages: Mapping[str, frozenset[str]] | None = None,
) -> Answers:
    """One pass over the export's rows, keeping only the matched columns' cells (and the segment's); then
    each column is coded at once on its indicator's scale (`codings`, by indicator id). Raises InputError
    listing every value that is not an answer, in every column at once."""
    default = Coding()
    coders = {m.column.index: _Coder(m.column, codings.get(m.item.indicator, default)) for m in matches}
    extras = [c for c in (segment_column, id_column) if c is not None]
    wanted = list(coders) + [c.index for c in extras]
    pick = itemgetter(*wanted) if len(wanted) > 1 else (lambda cells: (cells[wanted[0]],))
    sample = {c.index: [0, 0] for c in export.columns if c.index not in wanted}  # scale labels, non-empty
    picked: list[tuple[Cell, ...]] = []
    rows: array[int] = array("l")
    stream = iter(export.rows)
    for row_number, cells in islice(stream, SAMPLE_ROWS):  # the first rows also tell unused columns apart
        rows.append(row_number)
        picked.append(pick(cells))
        _sample(sample, cells)
    for row_number, cells in stream:
        rows.append(row_number)
        picked.append(pick(cells))
    columns: Sequence[Sequence[Cell]] = list(zip(*picked, strict=True)) if picked else [() for _ in wanted]
    del picked
    if export.formulas is not None:
        columns = _with_formulas(export.formulas, columns, rows, list(coders))
    codes = {index: coder.encode_column(columns[k], rows) for k, (index, coder) in enumerate(coders.items())}
    problems = [_bad_values(coder, file) for coder in coders.values() if coder.bad]
    if len(problems) == 1:
        raise problems[0]
    if problems:
        raise InputError("score-problems", where=file, count=len(problems), problems=problem_lines(problems))
    segment = ids = None
    if segment_column is not None:
        segment = [_group_label(value, segment_column.labels) for value in columns[len(coders)]]
    if id_column is not None:
        ids = [_group_label(value, None) for value in columns[len(coders) + len(extras) - 1]]
    if languages is not None and segment_column is None:
        segment = answer_languages(columns[: len(coders)], len(rows), languages)
    unused = [c.name for c in export.columns if c.index in sample and _looks_like_scale(sample[c.index])]
    return Answers(len(rows), codes, segment, unused, ids)


UNDETERMINED = "und"  # BCP 47: the language of a row whose answers fit several languages, or none


def answer_languages(
    columns: Sequence[Sequence[Cell]], count: int, languages: Mapping[str, frozenset[str]]
) -> list[str]:
    """The language each row answered in (issue 16, `--segment language`): the survey language whose labels
    the row's answers use (label key -> the languages that write it). A label several languages share (a
    number, a loanword) does not decide; a row whose labels point to two languages, or to none, is 'und'."""
    found: list[str] = []
    for row in range(count):
        votes: set[str] = set()
        for column in columns:
            value = column[row]
            if isinstance(value, str) and value.strip():
                langs = languages.get(label_key(value), frozenset())
                if len(langs) == 1:
                    votes |= langs
        found.append(next(iter(votes)) if len(votes) == 1 else UNDETERMINED)
    return found


def _with_formulas(
    find: Formulas, columns: Sequence[Sequence[Cell]], rows: array[int], indices: Sequence[int]
) -> Sequence[Sequence[Cell]]:
    """A blank answer may be a formula without a saved value, which calamine reads as empty: when the answer
    columns hold blanks, the sheet is searched for such formulas and each takes its blank's place. A row
    that holds nothing but such formulas was left out as empty; it is added (to `rows` too) for the report."""
    if not any("" in columns[k] for k in range(len(indices))):
        return columns
    wanted = set(indices)
    marks = {}
    for row, found in find().items():
        if cells := {index: text for index, text in found.items() if index in wanted}:
            marks[row] = cells
    if not marks:
        return columns
    at = {row: position for position, row in enumerate(rows) if row in marks}
    patched = [list(column) for column in columns]
    for row, found in sorted(marks.items()):
        position = at.get(row)
        if position is None:
            rows.append(row)
            position = len(rows) - 1
            for column in patched:
                column.append("")
        for k, index in enumerate(indices):
            if index in found and patched[k][position] == "":
                patched[k][position] = UncachedFormula(found[index])
    return patched


def _group_label(value: Cell, labels: Mapping[str, str] | None) -> str:
    """A segment value as a group name: a code through the export's labels, Unicode form and spaces made
    uniform, case kept; blank -> ""."""
    if value is None:
        return ""
    text = str(int(value)) if isinstance(value, float) and value == int(value) else str(value)
    if labels is not None and text.strip() in labels:
        text = labels[text.strip()]
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _sample(sample: dict[int, list[int]], cells: Sequence[Cell]) -> None:
    for index, counts in sample.items():
        value = cells[index] if index < len(cells) else None
        if isinstance(value, str) and value.strip():
            counts[1] += 1
            counts[0] += is_scale_label(value)


def _looks_like_scale(counts: list[int]) -> bool:
    scale_labels, non_empty = counts
    return non_empty >= 3 and scale_labels >= 0.8 * non_empty


_DIGIT_RUN = re.compile(r"\d{3}")
_CONTACT = re.compile(r"@|https?:|www\.", re.IGNORECASE)
LABEL_LENGTH = 40


def looks_like_label(text: str) -> bool:
    """Whether an answer may be quoted back in a message: short, no run of three digits or more (a phone
    number, a house number, a date), no e-mail address or link. Scale labels and codes ('Enig', '5',
    'Ved ikke', '3.0') pass; what a resident wrote about themselves does not."""
    return len(text) <= LABEL_LENGTH and not _DIGIT_RUN.search(text) and not _CONTACT.search(text)


def _bad_values(coder: _Coder, file: str) -> InputError:
    ordered = sorted(coder.bad.items(), key=lambda entry: (-entry[1].count, entry[0][1]))
    reasons = {reason for reason, _ in coder.bad}
    # One message key per kind of problem; the most specific one present leads.
    order = (
        _MIXED,
        _MOJIBAKE,
        _FORMULA,
        _DATE,
        _BOOL,
        _FRACTION,
        _SAME_STEP,
        _FOUR_STEP,
        _OFF_SCALE,
        _NO_LABELS,
        _UNKNOWN,
    )
    key = next(k for k in order if k in reasons)
    # Privacy (issue 12): a value is quoted only when it looks like a scale label; anything else may be what
    # a resident wrote (a name, a phone number) and is "a free-text answer" with its row.
    pieces: list[str] = []
    for (reason, text), entry in ordered[:MAX_VALUES_SHOWN]:
        if pieces:
            pieces.append(", ")
        typed = reason in (_DATE, _BOOL, _FRACTION, _FORMULA)  # a value a program wrote, not a resident
        pieces.append(f"'{text}'" if typed or looks_like_label(text) else Msg("answer-free-text"))
        pieces.append(f" ×{entry.count} ({entry.first_row})")
    more = len(ordered) - MAX_VALUES_SHOWN
    if more > 0:
        pieces.append(f" (+{more})")
    shown = Pieces(pieces)
    first_row = min((entry.first_row for entry in coder.bad.values() if entry.first_row), default=1)
    params: dict[str, object] = {}
    if key in (_SAME_STEP, _FOUR_STEP, _OFF_SCALE, _UNKNOWN):
        params["scale"] = f"{coder.scale.id} ({', '.join(coder.scale.labels('da')[: coder.scale.k])})"
        params["hint"] = _hint(coder, [text for (reason, text) in coder.bad if reason == _UNKNOWN])
    return InputError(
        key,
        where=f"{file}:{first_row}",
        column=clip(coder.column.name, 70),
        letter=column_letter(coder.column.index),
        values=shown,
        total=sum(entry.count for entry in coder.bad.values()),
        **params,
    )


def _hint(coder: _Coder, unknown: Sequence[str]) -> Msg:
    """What to write in part3-evaluation.yaml: the scale the column's labels fit (a paste-ready `scale:`
    line), else for each unknown label the nearest one of the scale ("did you mean") as a `labels:` line."""
    scales = dict(coder.coding.scales) or dict(SCALES)
    found = [s for s in fitting(list(coder.seen.values()), scales) if s != coder.scale.id]
    indicator = coder.coding.indicator or "..."
    if found:
        others = ", ".join(found[1:]) or "-"
        return Phrase("answer-hint-scale", indicator=indicator, scale=found[0], others=others)
    known = [label for lang in ("da", "en") for label in coder.scale.labels(lang)]
    lines = []
    for text in unknown[:MAX_VALUES_SHOWN]:
        label = text.split(" = ")[-1]
        if not looks_like_label(label):
            continue  # privacy: what a resident wrote (a name, a phone number) is never repeated
        near = difflib.get_close_matches(label, known, n=1, cutoff=0.5)
        lines.append(f'    "{label}": "{near[0] if near else known[0]}"')
    if not lines:
        return Phrase("answer-hint-none", indicator=indicator, scales=", ".join(sorted(scales)))
    return Phrase("answer-hint-labels", snippet="\n".join(lines), scales=", ".join(sorted(scales)))
