"""What ESRS asks beside the figures (S3 affected communities, S4 consumers and end-users): per metric the
method and its limitations; per target its level, unit, base period and target period, and the progress
over time, or the reason there is none; and the stakeholder involvement, here the evaluation meetings held.
The base period is the figures layer's: the one every change in the report is taken against."""

from __future__ import annotations

from dataclasses import dataclass

from b2c_cli.figures.model import TargetStatus
from b2c_cli.figures.words import label_of
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.part3 import Indicator
from b2c_cli.report.table import EsgTable, Row


@dataclass(frozen=True)
class Progress:
    label: str  # "Baseline (2025)"
    text: str  # "41 %", or "" when not measured


@dataclass(frozen=True)
class EsrsEntry:
    indicator: Indicator
    standard: str  # "S3"
    standard_name: str  # "Berørte samfund"
    unit: str  # "procent" / "antal"
    target_text: str  # "Min. 85 %", or the no-target sentence
    base_label: str | None  # the period progress is measured from
    target_label: str | None  # the period the target should be reached by
    progress: tuple[Progress, ...]
    status: TargetStatus | None


def esrs_entries(table: EsgTable, lang: Lang) -> list[EsrsEntry]:
    figures = table.figures
    first = figures.periods[0].id if figures.periods else None
    entries = []
    for row in table.rows:
        indicator = row.indicator
        target = row.figures.target
        base = row.figures.base_period or first  # before any value: the period the plan starts from
        entries.append(
            EsrsEntry(
                indicator=indicator,
                standard=indicator.esrs,
                standard_name=tr(f"report-esrs-{indicator.esrs}", lang),
                unit=tr("report-unit-count" if indicator.kind == "count" else "report-unit-percent", lang),
                target_text=row.target_text,
                base_label=label_of(figures, base, lang) if target and base else None,
                target_label=label_of(figures, target.due, lang) if target and target.due else None,
                progress=_progress(row, table),
                status=row.status,
            )
        )
    return entries


def _progress(row: Row, table: EsgTable) -> tuple[Progress, ...]:
    return tuple(Progress(column.label, text) for column, text in zip(table.columns, row.texts, strict=True))
