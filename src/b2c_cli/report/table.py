"""The guide's ESG table as data (its last pages): one row per indicator, grouped into the fixed and the
site-specific ones, with the target, the baseline and each following year, the user's comment and the KPI
definition. Beside each value: n, the 95 % interval, the change against the baseline with its interval and
significance, and automatic notes when a change is within noise or n is under 50. Pure: the writers
(Markdown, HTML, XLSX) only lay this out."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from b2c_cli.i18n import Lang, decimal, tr
from b2c_cli.models import FIXED_INDICATOR_IDS, Part3
from b2c_cli.models.part3 import Indicator, ManualValue, Target
from b2c_cli.models.results import Results
from b2c_cli.survey import stats
from b2c_cli.survey.scoring import MIN_SAMPLE, Change, Estimate, change

Group = Literal["fixed", "site"]


@dataclass(frozen=True)
class PeriodColumn:
    period: str
    year: int
    label: str  # "Baseline (2025)", "År 1 (2026)"
    measured: bool  # any value exists for this period


@dataclass(frozen=True)
class Value:
    """One cell of the table. `share` is the percentage as a fraction (0.41) for spreadsheets; `number` is
    a count. `text` is how the guide prints it: '41%' or '4'."""

    text: str
    share: float | None = None
    number: float | None = None
    positive: int | None = None
    n: int | None = None
    ci95: tuple[float, float] | None = None  # percent, one decimal
    change: Change | None = None  # against the baseline
    source: Literal["survey", "manual"] = "survey"

    @property
    def small(self) -> bool:
        return self.n is not None and self.n < MIN_SAMPLE


@dataclass(frozen=True)
class Row:
    indicator: Indicator
    group: Group
    target_text: str
    values: tuple[Value | None, ...]  # one per period column
    comment: str  # the user's own, as written
    notes: tuple[str, ...]  # b2c's automatic notes
    target_met: bool | None  # the latest value against the target; None without either

    @property
    def latest(self) -> Value | None:
        return next((v for v in reversed(self.values) if v is not None), None)


@dataclass
class EsgTable:
    lang: Lang
    columns: list[PeriodColumn]
    rows: list[Row] = field(default_factory=list)

    def group(self, group: Group) -> list[Row]:
        return [row for row in self.rows if row.group == group]


def period_label(index: int, year: int, lang: Lang) -> str:
    name = tr("report-baseline", lang) if index == 0 else tr("report-year-n", lang, n=index)
    return f"{name} ({year})"


def target_text(indicator: Indicator, target: Target | None, lang: Lang) -> str:
    if target is None:
        return tr("report-no-target", lang)
    word = tr("report-min" if target.direction == "at_least" else "report-max", lang)
    return f"{word} {format_value(target.value, indicator.kind != 'count', lang)}"


def format_value(value: float, percent: bool, lang: Lang) -> str:
    """85 -> '85%', 12.5 -> '12,5%' (Danish), a count without a unit."""
    number = (
        str(int(value))
        if value == int(value)
        else decimal(value, lang, places=len(f"{value:g}".split(".")[1]))
    )
    return f"{number}%" if percent else number


def build_table(part3: Part3, results: Mapping[str, Results], lang: Lang) -> EsgTable:
    periods = part3.periods
    manual = {(m.indicator, m.period): m for m in part3.manual_values}
    columns: list[PeriodColumn] = []
    for index, period in enumerate(periods):
        measured = period.id in results or any(p == period.id for _, p in manual)
        columns.append(PeriodColumn(period.id, period.year, period_label(index, period.year, lang), measured))
    table = EsgTable(lang, columns)
    fixed = [i for i in part3.indicators if i.id in FIXED_INDICATOR_IDS]
    fixed.sort(key=lambda i: FIXED_INDICATOR_IDS.index(i.id))
    site = [i for i in part3.indicators if i.id not in FIXED_INDICATOR_IDS]
    for group, indicators in (("fixed", fixed), ("site", site)):
        for indicator in indicators:
            table.rows.append(_row(indicator, group, columns, results, manual, lang))  # type: ignore[arg-type]
    return table


def _row(
    indicator: Indicator,
    group: Group,
    columns: list[PeriodColumn],
    results: Mapping[str, Results],
    manual: Mapping[tuple[str, str], ManualValue],
    lang: Lang,
) -> Row:
    raw = [_value(indicator, column.period, results, manual, lang) for column in columns]
    baseline = next((v for v in raw if v is not None), None)
    values: list[Value | None] = []
    for value in raw:
        if value is not None and baseline is not None and value is not baseline:
            value = _with_change(value, baseline)
        values.append(value)
    notes = _notes(indicator.name, values, columns, lang)
    latest = next((v for v in reversed(values) if v is not None), None)
    return Row(
        indicator=indicator,
        group=group,
        target_text=target_text(indicator, indicator.target, lang),
        values=tuple(values),
        comment=indicator.comment or "",
        notes=tuple(notes),
        target_met=_target_met(indicator.target, latest),
    )


def _value(
    indicator: Indicator,
    period: str,
    results: Mapping[str, Results],
    manual: Mapping[tuple[str, str], ManualValue],
    lang: Lang,
) -> Value | None:
    if indicator.kind == "survey":
        result = results.get(period)
        found = next((i for i in result.indicators if i.id == indicator.id), None) if result else None
        if found is None or not found.n:
            return None
        estimate = Estimate(found.positive, found.n)
        return Value(
            text=f"{estimate.display}%",
            share=found.positive / found.n,
            positive=found.positive,
            n=found.n,
            ci95=estimate.ci95,
        )
    entry = manual.get((indicator.id, period))
    if entry is None:
        return None
    if indicator.kind == "count":
        return Value(text=format_value(entry.value, False, lang), number=entry.value, source="manual")
    ci = None
    if entry.n:
        low, high = stats.wilson_share(entry.value / 100, entry.n)
        ci = (stats.round_half_up(low * 100), stats.round_half_up(high * 100))
    return Value(
        text=f"{stats.round_half_up(entry.value, 0):.0f}%",
        share=entry.value / 100,
        n=entry.n,
        ci95=ci,
        source="manual",
    )


def _with_change(value: Value, baseline: Value) -> Value:
    if value.positive is None or baseline.positive is None or not value.n or not baseline.n:
        return value
    found = change(Estimate(baseline.positive, baseline.n), Estimate(value.positive, value.n))
    return Value(
        text=value.text,
        share=value.share,
        number=value.number,
        positive=value.positive,
        n=value.n,
        ci95=value.ci95,
        change=found,
        source=value.source,
    )


def _notes(name: str, values: list[Value | None], columns: list[PeriodColumn], lang: Lang) -> list[str]:
    notes: list[str] = []
    for value, column in zip(values, columns, strict=True):
        if value is None:
            continue
        if value.small and value.n is not None:
            notes.append(
                tr("report-note-small", lang, name=name, label=column.label, n=value.n, minimum=MIN_SAMPLE)
            )
        if value.change is not None and not value.change.significant:
            difference = decimal(value.change.difference, lang, signed=True)
            notes.append(tr("report-note-noise", lang, name=name, label=column.label, difference=difference))
    return notes


def _target_met(target: Target | None, latest: Value | None) -> bool | None:
    if target is None or latest is None:
        return None
    if latest.share is not None:
        level = latest.share * 100
    elif latest.number is not None:
        level = latest.number
    else:
        return None
    return level >= target.value if target.direction == "at_least" else level <= target.value
