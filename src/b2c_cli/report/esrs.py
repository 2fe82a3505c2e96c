"""What ESRS asks beside the figures (S3 affected communities, S4 consumers and end-users): per metric the
method and its limitations; per target its level, unit, base year and period, and the progress over time,
or the reason there is none; and the stakeholder involvement, here the evaluation meetings held."""

from __future__ import annotations

from dataclasses import dataclass

from b2c_cli.i18n import Lang, tr
from b2c_cli.models import Part3
from b2c_cli.models.part3 import Indicator, MeetingLog
from b2c_cli.report.table import EsgTable, Row


@dataclass(frozen=True)
class Progress:
    label: str  # "Baseline (2025)"
    text: str  # "41%", or "" when not measured


@dataclass(frozen=True)
class EsrsEntry:
    indicator: Indicator
    standard: str  # "S3"
    standard_name: str  # "Berørte samfund"
    unit: str  # "procent" / "antal"
    target_text: str  # "Min. 85%", or the no-target sentence
    base_label: str | None  # the period progress is measured from
    target_label: str | None  # the period the target should be reached by
    progress: tuple[Progress, ...]
    target_met: bool | None


def esrs_entries(part3: Part3, table: EsgTable, lang: Lang) -> list[EsrsEntry]:
    labels = {column.period: column.label for column in table.columns}
    first = table.columns[0].label if table.columns else None
    entries = []
    for row in table.rows:
        indicator = row.indicator
        target = indicator.target
        entries.append(
            EsrsEntry(
                indicator=indicator,
                standard=indicator.esrs,
                standard_name=tr(f"report-esrs-{indicator.esrs}", lang),
                unit=tr("report-unit-count" if indicator.kind == "count" else "report-unit-percent", lang),
                target_text=row.target_text,
                base_label=(
                    labels.get(target.base_period, target.base_period) if target.base_period else first
                )
                if target
                else None,
                target_label=labels.get(target.period, target.period) if target and target.period else None,
                progress=_progress(row, table),
                target_met=row.target_met,
            )
        )
    return entries


def _progress(row: Row, table: EsgTable) -> tuple[Progress, ...]:
    return tuple(
        Progress(column.label, value.text if value is not None else "")
        for column, value in zip(table.columns, row.values, strict=True)
    )


def meetings_held(part3: Part3) -> list[MeetingLog]:
    return list(part3.evaluation_meetings)
