"""Scoring as pure functions, to be read beside DESIGN.md §3. No I/O: answers come in as codes per
respondent (1..k on the indicator's scale of k steps, k = most positive; DONT_KNOW, BLANK), figures go out.
Nothing here assumes five steps: the scale's k and its lowest positive step come with the items.

- Item score: the share of valid answers in the scale's positive steps (top-2-box on the guide's five).
  For a reverse-worded item the most positive steps are the least agreeing ones, so its answers are
  mirrored (k + 1 - step) first.
- Indicator score: each respondent with at least one valid answer on the indicator's items gets the mean
  of those (mirrored) answers and counts as positive when that mean reaches the lowest positive step (4.0
  on five steps with two positive). With one item this is the item score.
  A respondent who answered fewer of the items than the indicator's `min_answered` (default 1) is left
  out of n and counted; don't-know and blank are not answers.
- Don't-know and blank answers are never in the denominator; they are counted.
- Every estimate carries n, the positive count and a 95 % Wilson interval; a change between periods carries
  a 95 % Newcombe interval and is significant only when that interval excludes 0.
- A segment (group) below the disclosure threshold is never shown, nor one whose figures could be worked
  out from the others and the total.
"""

from __future__ import annotations

import sys
from array import array
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from fractions import Fraction
from typing import Literal, cast

from b2c_cli.models.part3 import MIN_SAMPLE
from b2c_cli.models.scale import BLANK, DONT_KNOW
from b2c_cli.survey import disclosure, stats

POSITIVE_MEAN = 4  # on the guide's five steps, a respondent is positive when the mean answer reaches this
STEPS = 5  # the guide's scale


@dataclass(frozen=True)
class Estimate:
    """positive out of n, with the derived figures as DESIGN.md §3 prescribes."""

    positive: int
    n: int

    @property
    def percent(self) -> float | None:
        """One decimal, for results files and JSON."""
        return stats.percent_one_decimal(self.positive, self.n) if self.n else None

    @property
    def display(self) -> int | None:
        """A whole number, rounded half up, as the guide's table prints it."""
        return stats.percent_whole(self.positive, self.n) if self.n else None

    @property
    def ci95(self) -> tuple[float, float] | None:
        """The Wilson interval in percent, one decimal."""
        return stats.wilson_percent(Fraction(self.positive, self.n), self.n) if self.n else None

    @property
    def small(self) -> bool:
        return self.n < MIN_SAMPLE


@dataclass(frozen=True)
class ItemInput:
    """One item's answers, one code per respondent, in the same respondent order for every item."""

    codes: Sequence[int]
    reverse: bool = False
    column: str = ""
    text: str = ""
    k: int = STEPS  # the scale's steps; every item of an indicator has the same scale
    lowest_positive: int = POSITIVE_MEAN  # the least positive step that counts as positive
    scale: str = ""  # the scale's id, kept in the results for comparability
    min_answered: int = 1  # the indicator's: a respondent with fewer valid answers is left out


@dataclass(frozen=True)
class ItemScore:
    column: str
    text: str
    reverse: bool
    estimate: Estimate
    steps: tuple[int, ...]  # how many answered step 1..k as labelled, before mirroring
    dont_know: int
    blank: int
    scale: str = ""


@dataclass(frozen=True)
class IndicatorScore:
    id: str
    estimate: Estimate
    dont_know: int  # respondents with no valid answer and at least one don't-know
    blank: int  # respondents who answered none of the indicator's items
    items: tuple[ItemScore, ...]
    # Respondents with at least one valid answer, by how many of the items they answered (don't-know and
    # blank are not answers): all of them, only some (still scored), fewer than the indicator's
    # min_answered (left out of n).
    complete: int = 0
    partial: int = 0
    too_few: int = 0
    min_answered: int = 1


@dataclass(frozen=True)
class Change:
    """later - earlier in percentage points, with the Newcombe interval."""

    difference: float
    ci95: tuple[float, float]
    significant: bool


def oriented(step: int, reverse: bool, k: int = STEPS) -> int:
    """A step with k = most positive for the indicator: reverse-worded items are mirrored."""
    return k + 1 - step if reverse else step


def tally(codes: Sequence[int], values: range) -> Mapping[int, int]:
    """How many of `codes` hold each of `values`. Scoring's codes are one signed byte each (an array
    of 'b'), counted over their raw bytes - several times faster than a Counter on 100,000 answers."""
    if isinstance(codes, array) and codes.typecode == "b":
        raw = codes.tobytes()
        return {value: raw.count(value & 0xFF) for value in values}
    counts = Counter(codes)
    return {value: counts[value] for value in values}


# Bytes per respondent -> the unsigned type that holds them.
_PACKED: dict[int, Literal["B", "H", "I", "Q"]] = {1: "B", 2: "H", 4: "I", 8: "Q"}


def answer_patterns(codes: Sequence[Sequence[int]]) -> Mapping[tuple[int, ...], int]:
    """How many respondents gave each combination of answers (one code per item). Byte codes of up to
    eight items are packed into one integer per respondent and counted as such - a Counter of 100,000
    ints instead of 100,000 tuples - then unpacked; anything else is counted as tuples."""
    items = len(codes)
    if not all(isinstance(c, array) and c.typecode == "b" for c in codes) or not 1 <= items <= 8:
        return Counter(zip(*codes, strict=True))  # pragma: no mutate
    if items == 1:
        raw = cast("array[int]", codes[0]).tobytes()
        return {(b - 256 if b > 127 else b,): raw.count(b) for b in set(raw)}
    width = next(size for size in _PACKED if size >= items)
    packed = bytearray(width * len(codes[0]))
    for index, column in enumerate(codes):
        packed[index::width] = cast("array[int]", column).tobytes()
    counted: Counter[int] = Counter(memoryview(packed).cast(_PACKED[width]))
    return {
        tuple(b - 256 if b > 127 else b for b in key.to_bytes(width, sys.byteorder)[:items]): count
        for key, count in counted.items()
    }


def score_item(item: ItemInput) -> ItemScore:
    counts = tally(item.codes, range(DONT_KNOW, item.k + 1))
    steps = tuple(counts[step] for step in range(1, item.k + 1))
    n = sum(steps)
    positive = sum(
        count
        for step, count in enumerate(steps, start=1)
        if oriented(step, item.reverse, item.k) >= item.lowest_positive
    )
    return ItemScore(
        column=item.column,
        text=item.text,
        reverse=item.reverse,
        estimate=Estimate(positive, n),
        steps=steps,
        dont_know=counts[DONT_KNOW],
        blank=counts[BLANK],
        scale=item.scale,
    )


def score_indicator(indicator_id: str, items: Sequence[ItemInput]) -> IndicatorScore:
    """The respondent-mean rule over the indicator's items (top-2-box when there is one item)."""
    if not items:
        return IndicatorScore(indicator_id, Estimate(0, 0), 0, 0, ())
    respondents = len(items[0].codes)
    if any(len(item.codes) != respondents for item in items):
        raise ValueError("every item needs one code per respondent")
    # Respondents who answered alike count alike: the rule is applied once per distinct combination of
    # answers (a few dozen), weighted by how many gave it, instead of once per respondent.
    n = positive = dont_know = blank = complete = partial = too_few = 0
    reverse = [item.reverse for item in items]
    k, lowest, least = items[0].k, items[0].lowest_positive, items[0].min_answered
    if any(item.k != k or item.lowest_positive != lowest for item in items):
        raise ValueError("every item of an indicator needs the same scale")
    if any(item.min_answered != least for item in items) or not 1 <= least <= len(items):
        raise ValueError("min_answered is the indicator's, from 1 to its number of items")
    # `pragma: no mutate` (make mutation) marks lines whose mutants cannot change a result: the lengths
    # `strict=` checks are checked above, None is as false as False, and only one pattern is all blank.
    patterns = answer_patterns([item.codes for item in items])
    for answers, respondents_alike in patterns.items():
        total = count = 0
        saw_dont_know = False  # pragma: no mutate
        for code, mirrored in zip(answers, reverse, strict=True):  # pragma: no mutate
            if code >= 1:
                total += oriented(code, mirrored, k)
                count += 1
            elif code == DONT_KNOW:
                saw_dont_know = True
        if count and count < least:
            too_few += respondents_alike
        elif count:
            if count == len(items):
                complete += respondents_alike
            else:
                partial += respondents_alike
            n += respondents_alike
            if total >= lowest * count:  # mean >= the lowest positive step, in integers
                positive += respondents_alike
        elif saw_dont_know:
            dont_know += respondents_alike
        else:
            blank += respondents_alike  # pragma: no mutate
    return IndicatorScore(
        id=indicator_id,
        estimate=Estimate(positive, n),
        dont_know=dont_know,
        blank=blank,
        items=tuple(score_item(item) for item in items),
        complete=complete,
        partial=partial,
        too_few=too_few,
        min_answered=least,
    )


def change(earlier: Estimate, later: Estimate) -> Change | None:
    """The change from `earlier` to `later`; None when either has no answers."""
    if not earlier.n or not later.n:
        return None
    low, high = stats.newcombe(earlier.positive, earlier.n, later.positive, later.n)
    difference = Fraction(later.positive, later.n) - Fraction(earlier.positive, earlier.n)
    return Change(
        difference=stats.round_exact(difference * 100),
        ci95=(stats.round_half_up(low * 100), stats.round_half_up(high * 100)),
        significant=not low <= 0 <= high,
    )


# -- segments ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SegmentCell:
    group: str
    respondents: int
    estimate: Estimate | None  # None: suppressed


@dataclass(frozen=True)
class SegmentRow:
    indicator: str
    cells: tuple[SegmentCell, ...]  # only groups large enough to be named, in a stable order


@dataclass(frozen=True)
class SegmentTable:
    threshold: int
    groups: tuple[tuple[str, int], ...]  # named groups and their sizes
    hidden_groups: int  # groups too small to be named at all
    hidden_respondents: int
    rows: tuple[SegmentRow, ...]


def segment(
    indicators: Sequence[tuple[str, Sequence[ItemInput]]],
    groups: Sequence[str],
    threshold: int,
    order: Sequence[str] = (),
) -> SegmentTable:
    """Indicator scores per group (e.g. afdeling), with the disclosure rules of `survey.disclosure`: a group
    with fewer respondents than `threshold` is not named (nor the smallest named ones, until the unnamed
    hold the threshold's respondents); a dominated cell is held back; and while the hidden part could be
    worked out from the total, the smallest shown cell is held back as well. Groups come in
    `order` (e.g. the answer options' order), then alphabetically, with the blank group last."""
    members: dict[str, list[int]] = {}
    for row, group in enumerate(groups):
        members.setdefault(group, []).append(row)
    rank = {group: index for index, group in enumerate(order)}
    unnamed = disclosure.unnamed_groups({g: len(rows) for g, rows in members.items()}, threshold)
    named = sorted(
        (g for g in members if g not in unnamed),
        key=lambda g: (g == "", rank.get(g, len(rank)), g),
    )
    hidden_rows = sorted(row for g in unnamed for row in members[g])
    table_rows: list[SegmentRow] = []
    for indicator_id, items in indicators:
        scores = {group: _score_rows(items, members[group]) for group in named}
        rest = _score_rows(items, hidden_rows)
        counts = {group: (estimate.positive, estimate.n) for group, estimate in scores.items()}
        suppressed = disclosure.hold_back(counts, threshold, (rest.positive, rest.n))
        cells = tuple(
            SegmentCell(group, len(members[group]), None if group in suppressed else scores[group])
            for group in named
        )
        table_rows.append(SegmentRow(indicator_id, cells))
    return SegmentTable(
        threshold=threshold,
        groups=tuple((group, len(members[group])) for group in named),
        hidden_groups=len(unnamed),
        hidden_respondents=len(hidden_rows),
        rows=tuple(table_rows),
    )


def _score_rows(items: Sequence[ItemInput], rows: Sequence[int]) -> Estimate:
    """The indicator's estimate over some respondents only (a group's rows)."""
    subsets = [replace(item, codes=[item.codes[row] for row in rows]) for item in items]
    return score_indicator("", subsets).estimate  # pragma: no mutate (the id has no part in the estimate)
