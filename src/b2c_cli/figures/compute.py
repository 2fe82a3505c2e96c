"""The one computation of what b2c reports, from the workbook's Part 3 and the results files.

Per indicator and workbook period: the value (a survey's positive/n with its Wilson interval, or a value
entered by hand); the change against the indicator's base period (`target.base_period`, else the first
period with a value) and against the previous period with a value, each with Newcombe's interval and only
between comparable measurements (the same statements, worded the same way); the target status of the
latest value (met, not met, or - before the target's period - not yet due), decided in exact arithmetic;
and notes for what a reader should know (n under 50, a change within the uncertainty, a comparison that
cannot be made).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from b2c_cli.figures.model import (
    Against,
    Change,
    Figures,
    IndicatorFigures,
    Interval,
    ItemFigure,
    Note,
    PeriodFigure,
    PeriodInfo,
    Spread,
    TargetFigure,
    TargetStatus,
    Value,
)
from b2c_cli.models import FIXED_INDICATOR_IDS, Part3
from b2c_cli.models.part3 import MIN_SAMPLE, Indicator, ManualValue
from b2c_cli.models.results import IndicatorResult, ItemResult, Results, SegmentCellResult
from b2c_cli.models.scale import DEFAULT_SCALE, normalise
from b2c_cli.survey import disclosure, scoring, stats, weighting


def exact(value: float) -> Decimal:
    """A number from YAML (a float) as the decimal it was written as: 72.5 -> Decimal('72.5'), 85.0 -> 85."""
    number = Decimal(repr(value))
    return number.to_integral_value() if number == number.to_integral_value() else number


def _interval(bounds: tuple[float, float]) -> Interval:
    return Interval(Decimal(repr(bounds[0])), Decimal(repr(bounds[1])))


def share_value(
    share: Fraction,
    n: int | None,
    source: Literal["survey", "manual", "pooled"],
    positive: int | None = None,
    dont_know: int | None = None,
    blank: int | None = None,
) -> Value:
    """A share's figure: its percent (one decimal and whole, rounded half up exactly) and, when it rests on
    n answers, its Wilson interval and whether n is under the guide's minimum."""
    return Value(
        source=source,
        share=share,
        n=n,
        percent=Decimal(repr(stats.percent(share, 1))),
        whole=int(stats.percent(share, 0)),
        ci95=_interval(stats.wilson_percent(share, n)) if n else None,
        small=n is not None and n < MIN_SAMPLE,
        positive=positive,
        dont_know=dont_know,
        blank=blank,
    )


def survey_value(positive: int, n: int, dont_know: int | None = None, blank: int | None = None) -> Value:
    """A survey's figure from its counts (n > 0)."""
    return share_value(
        Fraction(positive, n), n, "survey", positive=positive, dont_know=dont_know, blank=blank
    )


def weighted_value(result: IndicatorResult | ItemResult | SegmentCellResult) -> Value:
    """A weighted survey figure (DESIGN.md §3): the weighted share and its Wilson interval on the effective
    n, with the unweighted n and positive count beside them."""
    found = result.weighted
    assert found is not None and result.n is not None and result.positive is not None
    share = Fraction(Decimal(repr(found.share)))
    return Value(
        source="survey",
        share=share,
        n=result.n,
        positive=result.positive,
        percent=Decimal(repr(found.percent)),
        whole=int(stats.percent(share, 0)),
        ci95=_interval((found.ci95[0], found.ci95[1])),
        small=result.n < MIN_SAMPLE,
        dont_know=None if isinstance(result, SegmentCellResult) else result.dont_know,
        blank=None if isinstance(result, SegmentCellResult) else result.blank,
        effective_n=found.effective_n,
    )


def manual_value(indicator: Indicator, entry: ManualValue) -> Value:
    """A value entered by hand: a count, or a percentage (with the n it rests on, when given)."""
    if indicator.kind == "count":
        return Value(source="manual", number=exact(entry.value))
    return share_value(Fraction(exact(entry.value)) / 100, entry.n or None, "manual")


def pooled(values: Sequence[Value]) -> Value | None:
    """Shares pooled over partnerships: the positive answers (a share entered by hand counts as share x n,
    exactly, never rounded to whole answers) over all answers. None when no value has an n."""
    counted = [v for v in values if v.share is not None and v.n]
    n = sum(v.n or 0 for v in counted)
    if not n:
        return None
    positive = sum((v.share * (v.n or 0) for v in counted if v.share is not None), Fraction(0))
    whole = positive.numerator if positive.denominator == 1 else None
    return share_value(positive / n, n, "pooled", positive=whole)


def _share_percent(share: float) -> Decimal:
    return Decimal(repr(stats.round_half_up(share * 100)))


def pooled_random(values: Sequence[Value]) -> Value | None:
    """Shares of several partnerships pooled as clusters: one partnership's value as it is; two or more by
    DerSimonian-Laird random effects on the logit scale (each a share x n of positive answers; a share
    entered by hand counts with its n). n is the answers behind it. None when no value has an n."""
    counted = [v for v in values if v.share is not None and v.n]
    if not counted:
        return None
    n = sum(v.n or 0 for v in counted)
    if len(counted) == 1:
        only = counted[0]
        assert only.share is not None
        if only.effective_n is not None:  # weighted: its own share and interval on the effective n
            return replace(only, source="pooled", dont_know=None, blank=None)
        return share_value(only.share, only.n, "pooled", positive=only.positive)
    found = stats.random_effects([_counts(v) for v in counted])
    value = share_value(Fraction(repr(found.share)), n, "pooled")
    return Value(
        source="pooled",
        share=value.share,
        n=n,
        percent=value.percent,
        whole=value.whole,
        ci95=Interval(_share_percent(found.low), _share_percent(found.high)),
        small=value.small,
    )


def _counts(value: Value) -> tuple[float, float]:
    """(positive, n) of a share: a survey's counts; a weighted share stands for share x Kish's effective n
    out of the effective n (DESIGN §3: weighted figures rest on the effective n); a share entered by hand,
    share x n, not rounded."""
    assert value.share is not None and value.n
    if value.effective_n is not None:
        return float(value.share) * value.effective_n, value.effective_n
    if value.positive is not None:
        return value.positive, value.n
    return float(value.share * value.n), value.n


def spread(values: Sequence[Value]) -> Spread | None:
    """The median and range of shares across partnerships, and tau² and I² when two or more have an n."""
    shares = sorted(v.share for v in values if v.share is not None)
    if not shares:
        return None
    middle = len(shares) // 2
    median = shares[middle] if len(shares) % 2 else (shares[middle - 1] + shares[middle]) / 2
    counted = [v for v in values if v.share is not None and v.n]
    tau2 = i2 = None
    if len(counted) >= 2:
        found = stats.random_effects([_counts(v) for v in counted])
        tau2 = Decimal(repr(stats.round_half_up(found.tau2, 4)))
        i2 = _share_percent(found.i2)
    return Spread(
        partnerships=len(shares),
        median=Decimal(repr(stats.percent(median, 1))),
        low=Decimal(repr(stats.percent(shares[0], 1))),
        high=Decimal(repr(stats.percent(shares[-1], 1))),
        tau2=tau2,
        i2=i2,
    )


def meets(value: Value, goal: Decimal, direction: str) -> bool | None:
    """Whether a value reaches its target, exactly: 57 of 100 meets 'Min. 57 %' (100 * 57 >= 57 * 100),
    14 of 100 meets 'Max. 14 %'. None when the value has neither a share nor a number."""
    if value.share is not None:
        level = value.share * 100
    elif value.number is not None:
        level = Fraction(value.number)
    else:
        return None
    return level >= Fraction(goal) if direction == "at_least" else level <= Fraction(goal)


def straddles(value: Value, goal: Decimal) -> bool:
    """Whether a share's 95 % interval holds the target strictly inside it: whether it is met is then
    within the uncertainty (5/6 = 83 % 'meets' Min. 80 % with an interval of 43.6-97.0 %)."""
    return value.ci95 is not None and value.ci95.low < goal < value.ci95.high


def change(against: Against, period: str, earlier: Value, later: Value, reason: str | None) -> Change | None:
    """The change from `earlier` (in `period`) to `later`; None when either is not a survey's counts."""
    if earlier.positive is None or later.positive is None:
        return None
    assert earlier.n and later.n  # a survey's value always has answers
    if reason is not None:
        return Change(against, period, comparable=False, reason=reason)
    if earlier.effective_n is not None and later.effective_n is not None:
        return _weighted_change(against, period, earlier, later)
    found = scoring.change(
        scoring.Estimate(earlier.positive, earlier.n), scoring.Estimate(later.positive, later.n)
    )
    assert found is not None  # both have answers
    return Change(
        against,
        period,
        comparable=True,
        difference=Decimal(repr(found.difference)),
        ci95=_interval(found.ci95),
        significant=found.significant,
        p_value=stats.change_p_value(earlier.positive, earlier.n, later.positive, later.n),
    )


def holm_corrected(indicators: Sequence[IndicatorFigures]) -> tuple[IndicatorFigures, ...]:
    """Holm's step-down correction over every comparable change of the figures (the report's family of
    comparisons): each change says whether it stays significant at a family-wise 5 %."""
    tested = [c.p_value for i in indicators for p in i.periods for c in p.changes if c.p_value is not None]
    kept = iter(stats.holm(tested))

    def corrected(found: Change | None) -> Change | None:
        if found is None or found.p_value is None:
            return found
        return replace(found, holm=next(kept))

    return tuple(
        replace(
            indicator,
            periods=tuple(
                replace(p, vs_base=corrected(p.vs_base), vs_previous=corrected(p.vs_previous))
                for p in indicator.periods
            ),
        )
        for indicator in indicators
    )


def _weighted_change(against: Against, period: str, earlier: Value, later: Value) -> Change:
    """Newcombe's interval on the weighted shares, each on its period's effective n."""
    assert earlier.share is not None and later.share is not None
    assert earlier.effective_n is not None and later.effective_n is not None
    low, high = weighting.newcombe_effective(
        float(earlier.share), earlier.effective_n, float(later.share), later.effective_n
    )
    return Change(
        against,
        period,
        comparable=True,
        difference=Decimal(repr(stats.round_exact((later.share - earlier.share) * 100))),
        ci95=Interval(
            Decimal(repr(stats.round_half_up(low * 100))), Decimal(repr(stats.round_half_up(high * 100)))
        ),
        significant=not low <= 0 <= high,
    )


def _statements(result: IndicatorResult) -> tuple[tuple[str, bool], ...]:
    return tuple((normalise(item.text), item.reverse) for item in result.items)


def _not_comparable(earlier: IndicatorResult | None, later: IndicatorResult | None) -> str | None:
    """Why two periods' measurements of an indicator cannot be compared, or None when they can."""
    if earlier is None or later is None:  # pragma: no mutate (only survey values, which have both, compare)
        return None
    if _statements(earlier) != _statements(later):
        return "statement-changed"
    if _scales(earlier) != _scales(later):
        return "scale-changed"
    if (earlier.weighted is None) != (later.weighted is None):
        return "weighting-changed"
    return None


def _scales(result: IndicatorResult) -> tuple[str, ...]:
    """The answer scale of each item (a file without one was scored on the guide's five steps)."""
    return tuple(item.scale or DEFAULT_SCALE for item in result.items)


def status(
    goal: Decimal, direction: str, due: str | None, order: Sequence[str], figure: PeriodFigure | None
) -> TargetStatus:
    """The target status of one period's value: met; not yet due (a miss before the target's period is not
    a miss yet); not met; or not measured."""
    if figure is None or figure.value is None:
        return "not-measured"
    if meets(figure.value, goal, direction):
        return "met"
    if due in order and figure.period in order and order.index(figure.period) < order.index(due):
        return "not-yet-due"
    return "not-met"


def status_at(figures: Figures, indicator: IndicatorFigures, period: str) -> TargetStatus:
    """The target status the indicator would have if `period`'s value were its latest (the portfolio's
    view of a year)."""
    target = indicator.target
    if target is None:
        return "no-target"
    order = [p.id for p in figures.periods]
    return status(target.value, target.direction, target.due, order, indicator.at(period))


def build_figures(part3: Part3, results: Mapping[str, Results], *, disclose: bool = True) -> Figures:
    """Every indicator's figures over the workbook's periods (results for other periods are not shown).
    With `disclose` (every document of one partnership) the disclosure rules leave out what rests on too
    few answers; the portfolio asks without them and applies them itself, at the organisation's threshold."""
    manual = {(m.indicator, m.period): m for m in part3.manual_values}
    periods = tuple(
        PeriodInfo(
            p.id,
            p.year,
            index,
            measured=p.id in results or any(period == p.id for _, period in manual),
        )
        for index, p in enumerate(part3.periods)
    )
    fixed = sorted(
        (i for i in part3.indicators if i.id in FIXED_INDICATOR_IDS),
        key=lambda i: FIXED_INDICATOR_IDS.index(i.id),
    )
    site = [i for i in part3.indicators if i.id not in FIXED_INDICATOR_IDS]
    order = [p.id for p in part3.periods]
    threshold = part3.survey.disclosure_threshold if disclose else 0
    indicators = tuple(
        _indicator(indicator, order, results, manual, threshold) for indicator in (*fixed, *site)
    )
    return Figures(periods, holm_corrected(indicators))


def _indicator(
    indicator: Indicator,
    order: Sequence[str],
    results: Mapping[str, Results],
    manual: Mapping[tuple[str, str], ManualValue],
    threshold: int,
) -> IndicatorFigures:
    measured: dict[str, tuple[Value, IndicatorResult | None]] = {}
    notes: list[Note] = []
    why_none: dict[str, str] = {}  # period -> why it has no value to take a change against
    held: set[str] = set()
    for period in order:
        found = _value(indicator, period, results, manual)
        if _held_back(indicator, period, results) or (
            found is not None
            and (
                disclosure.dominated(found[0].positive, found[0].n, threshold)
                or (
                    found[1] is not None
                    and disclosure.mixes_hidden([(i.positive, i.n) for i in found[1].items], threshold)
                )
            )
        ):
            # Too few answers to show (or all alike at the threshold), held back in its results file or
            # here: the period counts as not measured, so neither its value, its answers per step nor a
            # change against it is shown anywhere.
            notes.append(Note("below-threshold", indicator.id, period, minimum=threshold))
            why_none[period] = "below-threshold"
            held.add(period)
        elif found is not None:
            measured[period] = found
        elif period in results and indicator.id in results[period].not_measured:
            why_none[period] = "not-measured"
    target = indicator.target
    declared = target.base_period if target is not None else None
    base = declared if declared is not None else next(iter(measured), None)
    if declared is not None and declared not in measured and measured:
        notes.append(Note("base-not-measured", indicator.id, declared))
    figures: list[PeriodFigure] = []
    previous: str | None = None
    for period in order:
        if period not in measured:
            scored = results.get(period)
            unmeasured = scored is not None and indicator.id in scored.not_measured
            figures.append(PeriodFigure(period, None, not_measured=unmeasured, held_back=period in held))
            continue
        value, result = measured[period]
        vs_base = vs_previous = None
        after_base = base in measured and order.index(period) > order.index(base)
        if after_base and base is not None:
            vs_base = change(
                "base", base, measured[base][0], value, _not_comparable(measured[base][1], result)
            )
        if previous is not None and previous != base:
            earlier, earlier_result = measured[previous]
            vs_previous = change(
                "previous", previous, earlier, value, _not_comparable(earlier_result, result)
            )
        figure = PeriodFigure(period, value, vs_base, vs_previous, _items(result, threshold))
        figures.append(figure)
        notes.extend(_notes(indicator.id, figure))
        notes.extend(_missing_changes(indicator.id, period, order, why_none, declared, results, manual))
        previous = period
    periods = tuple(figures)
    latest = next((p for p in reversed(periods) if p.value is not None), None)
    target_figure = None
    if target is not None:
        goal = exact(target.value)
        target_figure = TargetFigure(
            value=goal,
            direction=target.direction,
            due=target.period,
            status=status(goal, target.direction, target.period, order, latest),
            uncertain=latest is not None and latest.value is not None and straddles(latest.value, goal),
        )
    return IndicatorFigures(
        id=indicator.id,
        name=indicator.name,
        kind=indicator.kind,
        esrs=indicator.esrs,
        group="fixed" if indicator.id in FIXED_INDICATOR_IDS else "site",
        base_period=base,
        target=target_figure,
        periods=periods,
        notes=tuple(notes),
    )


def _items(result: IndicatorResult | None, threshold: int) -> tuple[ItemFigure, ...]:
    """A survey indicator's statements; one answered by fewer than the threshold shows neither its share
    nor its answers per step (with one respondent they would be that resident's answers)."""
    if result is None:
        return ()
    return tuple(_item(item, threshold) for item in result.items)


def _item(item: ItemResult, threshold: int) -> ItemFigure:
    """One statement's figure; held back in its results file, it has no count at all."""
    if item.n is None or item.positive is None or item.steps is None:
        return ItemFigure(
            item.text, item.column, item.reverse, None, (), None, None, item.scale or DEFAULT_SCALE
        )
    # As any figure: too few answers, or exactly the threshold's all alike (5 of 5 agreeing tells each one's).
    hidden = disclosure.dominated(item.positive, item.n, threshold)
    return ItemFigure(
        text=item.text,
        column=item.column,
        reverse=item.reverse,
        value=(weighted_value(item) if item.weighted else survey_value(item.positive, item.n))
        if item.n and not hidden
        else None,
        steps=() if hidden else tuple(item.steps[step] for step in sorted(item.steps)),
        dont_know=item.dont_know,
        blank=item.blank,
        scale=item.scale or DEFAULT_SCALE,
    )


def _held_back(indicator: Indicator, period: str, results: Mapping[str, Results]) -> bool:
    """Whether the period's results file held the indicator back (too few answers when it was scored)."""
    result = results.get(period) if indicator.kind == "survey" else None
    return result is not None and any(i.id == indicator.id and i.suppressed for i in result.indicators)


def _value(
    indicator: Indicator,
    period: str,
    results: Mapping[str, Results],
    manual: Mapping[tuple[str, str], ManualValue],
) -> tuple[Value, IndicatorResult | None] | None:
    if indicator.kind == "survey":
        result = results.get(period)
        found = next((i for i in result.indicators if i.id == indicator.id), None) if result else None
        if found is None or not found.n or found.positive is None:  # held back: no counts
            return None
        if found.weighted is not None:
            return weighted_value(found), found
        return survey_value(found.positive, found.n, found.dont_know, found.blank), found
    entry = manual.get((indicator.id, period))
    return (manual_value(indicator, entry), None) if entry is not None else None


def _missing_changes(
    indicator: str,
    period: str,
    order: Sequence[str],
    unmeasured: Mapping[str, str],
    declared: str | None,
    results: Mapping[str, Results],
    manual: Mapping[tuple[str, str], ManualValue],
) -> list[Note]:
    """Why a measured period shows no change against the periods a reader looks for - the first period
    measured (when no base period is declared; a declared one has its own note) and the one just before
    it: that period did not measure the indicator, or had too few answers to show."""
    earlier = [
        p
        for p in order[: order.index(period)]
        if p in results or (indicator, p) in manual  # periods with a measurement at all
    ]
    wanted = [
        p
        for p in (earlier[0] if earlier and declared is None else None, earlier[-1] if earlier else None)
        if p
    ]
    return [
        Note("change-not-measured", indicator, period, against=other, reason=unmeasured[other])
        for other in dict.fromkeys(wanted)
        if other in unmeasured and other != declared
    ]


def _notes(indicator: str, figure: PeriodFigure) -> list[Note]:
    notes: list[Note] = []
    value = figure.value
    if value is not None and value.small and value.n is not None:
        notes.append(Note("small-sample", indicator, figure.period, n=value.n, minimum=MIN_SAMPLE))
    for found in figure.changes:
        if not found.comparable:
            notes.append(
                Note("not-comparable", indicator, figure.period, against=found.period, reason=found.reason)
            )
        elif found.against == "base" and not found.significant:
            notes.append(
                Note(
                    "change-within-noise",
                    indicator,
                    figure.period,
                    against=found.period,
                    difference=found.difference,
                )
            )
    return notes


def as_of(part3: Part3, figures: Figures, start: date) -> date:
    """The date a report is as of: that of the newest information it holds (the last evaluation meeting
    logged, or the planned date of the last measured period), else the partnership's start. Not the day
    it is run, so the same workbook gives the same report whenever it is written."""
    measured = {period.id for period in figures.periods if period.measured}
    dates = [p.planned_date for p in part3.periods if p.id in measured and p.planned_date is not None]
    dates += [meeting.date for meeting in part3.evaluation_meetings]
    return max(dates, default=start)
