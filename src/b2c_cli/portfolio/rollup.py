"""The organisation's view over its partnerships, as data: a row per partnership with each indicator's
latest value against its target, and per indicator and year a roll-up: how many partnerships measured it,
the median and range of their values, how many met their target, and a pooled percentage that treats the
partnerships as clusters - a DerSimonian-Laird random-effects estimate on the logit scale, with tau² and
I² (one partnership: its own value and Wilson interval) - never the sum of positives over the sum of n,
which weights partnerships by sample size as if all residents were one random sample.

The disclosure rules of DESIGN.md §3 hold for every number: a value resting on fewer answers than the
threshold (or at it with every answer alike) is not shown, and it is left out of every roll-up figure -
the median, the range, the met count and the pooled estimate - so no total less the shown values gives it
away, and adding a partnership whose value is hidden changes no published figure but the number measuring.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from fractions import Fraction

from b2c_cli.figures import Value
from b2c_cli.figures.compute import pooled_random, spread
from b2c_cli.figures.model import Spread
from b2c_cli.models import FIXED_INDICATOR_IDS
from b2c_cli.models.part3 import DEFAULT_DISCLOSURE_THRESHOLD
from b2c_cli.portfolio.summary import Measured, Summary
from b2c_cli.survey import disclosure


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


Wording = tuple[tuple[str, ...], tuple[str, ...]]  # an indicator's statements, the partnerships using them


@dataclass(frozen=True)
class RollupRow:
    indicator: IndicatorColumn
    year: int
    partnerships: int
    with_target: int
    met: int
    pooled: Value | None  # percentages: the random-effects estimate over the shown values; None: none
    pooled_hidden: bool  # there are answers, but too few to show
    total: Decimal | None  # counts: the sum over partnerships whose value is shown
    spread: Spread | None = None  # percentages: median and range over the shown values, tau² and I²
    wordings: int = 1  # how many different wordings of the statements the shown partnerships use
    not_measured: int = 0  # partnerships whose survey that year did not measure it: in no figure above
    # partnerships measuring it whose value is hidden (too few answers, or held back in their results
    # file): counted in `partnerships` and in no other figure
    too_few: int = 0
    # With more than one wording: each wording (its statements) and the shown partnerships that use it.
    variants: tuple[Wording, ...] = ()


@dataclass
class Portfolio:
    threshold: int
    year: int | None
    summaries: list[Summary]
    columns: list[IndicatorColumn]
    cells: dict[tuple[str, str], Shown]  # (partnership path, indicator id) -> its latest value
    rollup: list[RollupRow]
    # (partnership path, indicator id) -> the year of its latest measurement, which did not measure the
    # indicator: shown as "not measured" (an earlier year's value would pass for the current one)
    not_measured: dict[tuple[str, str], int] = field(default_factory=dict)

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
    years = sorted(
        {m.year for s in valid for m in s.measured} | {y for s in valid for _, y in s.not_measured}
    )
    for column in columns:
        for y in years:
            values = {
                s.path: m for s in valid for m in s.measured if m.indicator == column.id and m.year == y
            }
            unmeasured = sum(1 for s in valid if (column.id, y) in s.not_measured)
            if not values and not unmeasured:
                continue
            kept_back = _hide(values, threshold)
            hidden.update((path, column.id, y) for path in kept_back)
            if year is None or y == year:
                shown = [m for path, m in values.items() if path not in kept_back]
                row = _rollup_row(column, y, len(values), shown, threshold)
                pooled = [s for s in valid if s.path in values and s.path not in kept_back]
                variants = _wordings(pooled, column.id)
                rollup.append(
                    replace(
                        row,
                        wordings=max(1, len(variants)),
                        not_measured=unmeasured,
                        too_few=len(kept_back),
                        variants=variants if len(variants) > 1 else (),
                    )
                )
    cells: dict[tuple[str, str], Shown] = {}
    not_measured: dict[tuple[str, str], int] = {}
    for summary in valid:
        for column in columns:
            latest = summary.latest(column.id, year)
            gap = summary.latest_not_measured(column.id, year)
            if gap is not None:
                not_measured[(summary.path, column.id)] = gap
            elif latest is not None:
                cells[(summary.path, column.id)] = Shown(
                    latest, (summary.path, column.id, latest.year) in hidden
                )
    return Portfolio(threshold, year, ordered, columns, cells, rollup, not_measured)


def _wordings(
    pooled: Sequence[Summary], indicator: str
) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """The different wordings of an indicator's statements among the pooled partnerships (compared
    normalised, shown as the first partnership using it words them), each with the partnerships using it."""
    names: dict[tuple[str, ...], list[str]] = {}
    worded: dict[tuple[str, ...], tuple[str, ...]] = {}
    for summary in pooled:
        for info in summary.indicators:
            if info.id == indicator:
                names.setdefault(info.statements, []).append(summary.name or summary.path)
                worded.setdefault(info.statements, info.texts)
    return tuple((worded[key], tuple(users)) for key, users in names.items())


def _hide(values: dict[str, Measured], threshold: int) -> set[str]:
    """The partnerships whose value in one indicator-year must stay hidden: those resting on fewer answers
    than the threshold, or on exactly the threshold's with every answer alike, and those their own results
    file held back (it keeps no count to pool). No complement is needed: a
    hidden value enters no roll-up figure, so nothing printed can be taken apart to find it."""
    return {
        path
        for path, m in values.items()
        if m.held_back or disclosure.dominated(_positives(m.value), m.value.n, threshold)  # type: ignore[arg-type]
    }


def _positives(value: Value) -> Fraction:
    """The positive answers a share stands for (a share entered by hand: share x n, not rounded)."""
    return value.share * value.n if value.share is not None and value.n else Fraction(0)


def _rollup_row(
    column: IndicatorColumn, year: int, measuring: int, shown: list[Measured], threshold: int
) -> RollupRow:
    # Only shown values count: whether a hidden value met its target says something about it.
    with_target = [m for m in shown if m.target is not None]
    combined = pooled_random([m.value for m in shown])
    visible = combined if combined is not None and combined.n and combined.n >= threshold else None
    total = sum((m.value.number or Decimal(0) for m in shown), Decimal(0)) if column.kind == "count" else None
    return RollupRow(
        indicator=column,
        year=year,
        partnerships=measuring,
        with_target=len(with_target),
        met=sum(1 for m in with_target if m.met),
        pooled=visible,
        pooled_hidden=visible is None and (measuring > len(shown) or combined is not None),
        total=total,
        spread=spread([m.value for m in shown]) if column.kind != "count" else None,
    )
