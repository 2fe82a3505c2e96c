"""The figures b2c reports, as typed values: what every output renders and none recomputes.

Numbers are exact where a rule decides (a share is a Fraction; a target is compared in integers) and
rounded once, half up, where they are shown (`percent` and `whole`, interval bounds and differences as
Decimals with one decimal). Warnings and notes are structured (a kind and its parameters): they are put
into words only when rendered, in the output's language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from b2c_cli.models.scale import DEFAULT_SCALE

Group = Literal["fixed", "site"]  # the guide's three fixed indicators, or the partnership's own
IndicatorKind = Literal["survey", "percent", "count"]
Against = Literal["base", "previous"]
TargetStatus = Literal["met", "not-met", "not-yet-due", "not-measured", "no-target"]
NoteKind = Literal[
    "small-sample",  # n below the guide's minimum of 50
    "change-within-noise",  # the change against the base period is not significant
    "not-comparable",  # the statement (or its reverse wording) differs from the period compared with
    "base-not-measured",  # the declared base period has no value for the indicator
    "below-threshold",  # too few answers to show under the disclosure rules: the period is left out
    # no change against an earlier period (the previous one, or the first): it did not measure the
    # indicator or had too few answers to show (`reason`: "not-measured" or "below-threshold")
    "change-not-measured",
]


@dataclass(frozen=True)
class Interval:
    """A 95 % interval, in percent (of a share) or percentage points (of a change), one decimal."""

    low: Decimal
    high: Decimal


@dataclass(frozen=True)
class Value:
    """One indicator's figure in one period: a share (from a survey, or a percentage entered by hand) or a
    count entered by hand."""

    source: Literal["survey", "manual", "pooled"]  # pooled: over partnerships (the portfolio)
    share: Fraction | None = None  # exact, 0..1; None for a count
    number: Decimal | None = None  # a count, as entered
    positive: int | None = None  # survey: respondents counted as positive
    n: int | None = None  # survey: respondents in the denominator; by hand: the answers a share rests on
    percent: Decimal | None = None  # one decimal, half up: what results files and JSON carry
    whole: int | None = None  # whole percent, half up: what the guide's table prints
    ci95: Interval | None = None  # Wilson, when there is an n
    dont_know: int | None = None  # survey: respondents with only don't-know answers
    blank: int | None = None  # survey: respondents who answered none of the indicator's statements
    small: bool = False  # n below the guide's minimum sample
    # Weighted to the area's population: the share and interval are the weighted ones, on this effective n
    # (Kish); positive and n stay the unweighted counts. None: unweighted.
    effective_n: float | None = None


@dataclass(frozen=True)
class Spread:
    """Shares across partnerships (the portfolio): how many, their median and range, in percent with one
    decimal; and, with two or more, the random-effects heterogeneity: tau² (logit scale) and I² (percent)."""

    partnerships: int
    median: Decimal
    low: Decimal
    high: Decimal
    tau2: Decimal | None = None  # four decimals
    i2: Decimal | None = None  # percent, one decimal


@dataclass(frozen=True)
class Change:
    """`period`'s value subtracted from this period's, in percentage points."""

    against: Against
    period: str  # the earlier period compared with
    comparable: bool
    difference: Decimal | None = None  # one decimal, half up from the exact difference
    ci95: Interval | None = None  # Newcombe's hybrid score interval
    significant: bool | None = None  # the interval excludes 0
    holm: bool | None = None  # still significant after Holm's correction over the report's changes
    p_value: float | None = None  # two-sided, from the Newcombe interval
    reason: str | None = None  # why not comparable: a NoteKind-style code ("statement-changed")


@dataclass(frozen=True)
class ItemFigure:
    """One statement of a survey indicator in one period."""

    text: str
    column: str  # the export's column it was read from
    reverse: bool
    value: Value | None  # None: no valid answers, or too few to show
    steps: tuple[int, ...]  # answers per step as labelled, least to most agreeing; () below the threshold
    dont_know: int | None  # None: held back in its results file (with its n, fewer than the threshold)
    blank: int | None
    scale: str = DEFAULT_SCALE  # the answer scale's id, as the results file gives it


@dataclass(frozen=True)
class PeriodFigure:
    period: str
    value: Value | None  # None: not measured in this period
    vs_base: Change | None = None
    vs_previous: Change | None = None  # only when the previous measured period is not the base
    items: tuple[ItemFigure, ...] = ()  # a survey indicator's statements
    # The period's survey was scored but did not measure this indicator (its results file lists it under
    # `not_measured`): shown as "ikke målt" / "not measured", never as 0 or a blank; value is None, so no
    # change is taken against it and it enters no roll-up.
    not_measured: bool = False
    # Too few answers to show (held back in its results file, or by the disclosure rules here): value is
    # None, and the portfolio counts it among the partnerships with too few answers.
    held_back: bool = False

    @property
    def changes(self) -> tuple[Change, ...]:
        return tuple(c for c in (self.vs_base, self.vs_previous) if c is not None)


@dataclass(frozen=True)
class TargetFigure:
    value: Decimal  # as written in the workbook: 85, 72.5
    direction: Literal["at_least", "at_most"]
    due: str | None  # the period by which it should be reached
    status: TargetStatus  # of the latest measured value
    uncertain: bool = False  # the latest value's 95 % interval holds the target: met or not is not settled


@dataclass(frozen=True)
class Note:
    """Something a reader should know about a figure, translated only when rendered."""

    kind: NoteKind
    indicator: str
    period: str
    n: int | None = None  # small-sample: the answers the figure rests on
    minimum: int | None = None  # small-sample: the guide's minimum; below-threshold: the threshold
    against: str | None = None  # the period a change is against
    difference: Decimal | None = None  # change-within-noise: the change in percentage points
    reason: str | None = None  # not-comparable: why


@dataclass(frozen=True)
class PeriodInfo:
    id: str
    year: int
    index: int  # 0 is the guide's "Baseline", 1 "År 1", ...
    measured: bool  # any indicator has a value in this period


@dataclass(frozen=True)
class IndicatorFigures:
    id: str
    name: str
    kind: IndicatorKind
    esrs: str
    group: Group
    base_period: str | None  # the period changes are taken against (declared, else first measured)
    target: TargetFigure | None
    periods: tuple[PeriodFigure, ...]  # one per workbook period, in the workbook's order
    notes: tuple[Note, ...] = ()

    def at(self, period: str) -> PeriodFigure | None:
        return next((p for p in self.periods if p.period == period), None)

    @property
    def latest(self) -> PeriodFigure | None:
        """The last period with a value."""
        return next((p for p in reversed(self.periods) if p.value is not None), None)


@dataclass(frozen=True)
class Figures:
    periods: tuple[PeriodInfo, ...]
    indicators: tuple[IndicatorFigures, ...] = field(default=())

    @property
    def comparisons(self) -> int:
        """How many changes the figures test (every comparable change of every indicator and period): the
        family Holm's correction is over."""
        return sum(
            1 for i in self.indicators for p in i.periods for c in p.changes if c.significant is not None
        )

    @property
    def holm_significant(self) -> int:
        """How many of those stay significant after Holm's correction."""
        return sum(1 for i in self.indicators for p in i.periods for c in p.changes if c.holm)

    def indicator(self, indicator_id: str) -> IndicatorFigures | None:
        return next((i for i in self.indicators if i.id == indicator_id), None)

    def period(self, period_id: str) -> PeriodInfo | None:
        return next((p for p in self.periods if p.id == period_id), None)

    def group(self, group: Group) -> tuple[IndicatorFigures, ...]:
        return tuple(i for i in self.indicators if i.group == group)

    @property
    def notes(self) -> tuple[Note, ...]:
        return tuple(note for indicator in self.indicators for note in indicator.notes)
