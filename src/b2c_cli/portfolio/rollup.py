"""The organisation's view over its partnerships, as data: a row per partnership with each indicator's
latest value against its target, and per indicator and year a roll-up: how many partnerships measured it,
how many met their target, and the pooled percentage (sum of positives over sum of n) with its Wilson
interval. The disclosure rules of DESIGN.md §3 hold for every number: a value resting on fewer answers than
the threshold is not shown, and neither is one that could be worked out from a total and the others."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from b2c_cli.figures import Value
from b2c_cli.figures.compute import pooled as pool
from b2c_cli.models import FIXED_INDICATOR_IDS
from b2c_cli.models.part3 import DEFAULT_DISCLOSURE_THRESHOLD
from b2c_cli.portfolio.summary import Measured, Summary
from b2c_cli.survey.scoring import suppress


@dataclass(frozen=True)
class IndicatorColumn:
    id: str
    name: str
    kind: str
    esrs: str
    partnerships: int  # how many partnerships have it


@dataclass(frozen=True)
class Shown:
    """A partnership's value as the portfolio may show it."""

    measured: Measured
    suppressed: bool


@dataclass(frozen=True)
class RollupRow:
    indicator: IndicatorColumn
    year: int
    partnerships: int
    with_target: int
    met: int
    pooled: Value | None  # percentages: sum of positives over sum of n; None when not poolable or hidden
    pooled_hidden: bool  # there are answers, but too few to show
    total: Decimal | None  # counts: the sum over partnerships


@dataclass
class Portfolio:
    threshold: int
    year: int | None
    summaries: list[Summary]
    columns: list[IndicatorColumn]
    cells: dict[tuple[str, str], Shown]  # (partnership path, indicator id) -> its latest value
    rollup: list[RollupRow]

    @property
    def valid(self) -> list[Summary]:
        return [s for s in self.summaries if s.valid]

    @property
    def broken(self) -> list[Summary]:
        return [s for s in self.summaries if not s.valid]

    @property
    def years(self) -> list[int]:
        return sorted({row.year for row in self.rollup})


def indicator_columns(summaries: Sequence[Summary]) -> list[IndicatorColumn]:
    """Every indicator id in use: the guide's fixed ones first, then the others by how many use them."""
    seen: dict[str, IndicatorColumn] = {}
    counts: dict[str, int] = {}
    for summary in summaries:
        for info in summary.indicators:
            counts[info.id] = counts.get(info.id, 0) + 1
            seen.setdefault(info.id, IndicatorColumn(info.id, info.name, info.kind, info.esrs, 0))
    columns = [IndicatorColumn(c.id, c.name, c.kind, c.esrs, counts[c.id]) for c in seen.values()]
    fixed_rank = {indicator: index for index, indicator in enumerate(FIXED_INDICATOR_IDS)}
    return sorted(
        columns, key=lambda c: (c.id not in fixed_rank, fixed_rank.get(c.id, 0), -c.partnerships, c.id)
    )


def build_portfolio(summaries: Sequence[Summary], year: int | None = None) -> Portfolio:
    ordered = sorted(summaries, key=lambda s: s.path)
    valid = [s for s in ordered if s.valid]
    threshold = max([DEFAULT_DISCLOSURE_THRESHOLD, *(s.threshold for s in valid)])
    columns = indicator_columns(valid)
    # Per indicator and year, which partnerships' values must stay hidden. Every year, not only the one
    # asked for: with --year, a partnership's latest value can come from an earlier year.
    hidden: set[tuple[str, str, int]] = set()
    rollup: list[RollupRow] = []
    years = sorted({m.year for s in valid for m in s.measured})
    for column in columns:
        for y in years:
            values = {
                s.path: m for s in valid for m in s.measured if m.indicator == column.id and m.year == y
            }
            if not values:
                continue
            kept_back, poolable = _hide(values, threshold)
            hidden.update((path, column.id, y) for path in kept_back)
            if year is None or y == year:
                rollup.append(_rollup_row(column, y, list(values.values()), threshold, poolable))
    cells: dict[tuple[str, str], Shown] = {}
    for summary in valid:
        for column in columns:
            latest = summary.latest(column.id, year)
            if latest is not None:
                cells[(summary.path, column.id)] = Shown(
                    latest, (summary.path, column.id, latest.year) in hidden
                )
    return Portfolio(threshold, year, ordered, columns, cells, rollup)


def _hide(values: dict[str, Measured], threshold: int) -> tuple[set[str], bool]:
    """The partnerships whose value in one indicator-year must stay hidden, and whether the pooled total
    may still be shown. Hidden values whose answers were all positive, or none of them, would each be given
    away by the pooled total less the shown ones (every one of them 100 %, or 0 %): then the next smallest
    is hidden too, and when none is left, the pooled total."""
    sizes = {path: m.value.n for path, m in values.items() if m.value.n is not None}
    hidden = suppress(sizes, threshold)
    while hidden:
        positive = sum(_positives(values[path].value) for path in hidden)
        if 0 < positive < sum(sizes[path] for path in hidden):
            break
        shown = sorted((n, path) for path, n in sizes.items() if path not in hidden)
        if not shown:
            return hidden, False
        hidden.add(shown[0][1])
    return hidden, True


def _positives(value: Value) -> Fraction:
    """The positive answers a share stands for (a share entered by hand: share x n, not rounded)."""
    return value.share * value.n if value.share is not None and value.n else Fraction(0)


def _rollup_row(
    column: IndicatorColumn, year: int, values: list[Measured], threshold: int, poolable: bool = True
) -> RollupRow:
    # Whether a value met its target says something about it: not for one resting on too few answers.
    with_target = [
        m for m in values if m.target is not None and (m.value.n is None or m.value.n >= threshold)
    ]
    combined = pool([m.value for m in values])
    shown = combined if combined is not None and combined.n and combined.n >= threshold and poolable else None
    total = (
        sum((m.value.number or Decimal(0) for m in values), Decimal(0)) if column.kind == "count" else None
    )
    return RollupRow(
        indicator=column,
        year=year,
        partnerships=len(values),
        with_target=len(with_target),
        met=sum(1 for m in with_target if m.met),
        pooled=shown,
        pooled_hidden=combined is not None and shown is None,
        total=total,
    )
