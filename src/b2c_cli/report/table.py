"""The guide's ESG table (its last pages) as a layout of the figures: one row per indicator, grouped into the
fixed and the site-specific ones, with the target, the baseline and each following year, the target
status, the user's comment and the KPI definition, and b2c's notes in words. It computes nothing: every
value, change and status is the figures layer's (`b2c_cli.figures`). The writers (Markdown, HTML, XLSX)
only lay this out."""

from __future__ import annotations

from dataclasses import dataclass, field

from b2c_cli.figures import Figures, IndicatorFigures, PeriodFigure, Value
from b2c_cli.figures.model import Group, TargetStatus
from b2c_cli.figures.words import note_text, period_label, period_text, status_text, target_text
from b2c_cli.i18n import Lang
from b2c_cli.models import Part3
from b2c_cli.models.part3 import Indicator


@dataclass(frozen=True)
class PeriodColumn:
    period: str
    year: int
    label: str  # "Baseline (2025)", "År 1 (2026)"
    measured: bool  # any value exists for this period


@dataclass(frozen=True)
class Row:
    indicator: Indicator  # the workbook's: name, KPI, method, comment
    figures: IndicatorFigures
    group: Group
    target_text: str  # "Min. 85 %"
    periods: tuple[PeriodFigure, ...]  # one per period column
    texts: tuple[str, ...]  # each period's value as the guide prints it ("41 %"), "" when not measured
    comment: str  # the user's own, as written
    notes: tuple[str, ...]  # b2c's notes on this row, in words
    status: TargetStatus | None  # None: no target
    status_text: str  # "Ja", "Nej", "Ikke endnu", ""

    @property
    def values(self) -> tuple[Value | None, ...]:
        return tuple(figure.value for figure in self.periods)

    @property
    def target_met(self) -> bool | None:
        """True when met, False when missed at or after the target's period, None otherwise (kept for
        organisations' own templates written before `status`)."""
        return {"met": True, "not-met": False}.get(self.status or "")


@dataclass
class EsgTable:
    lang: Lang
    figures: Figures
    columns: list[PeriodColumn]
    rows: list[Row] = field(default_factory=list)

    def group(self, group: Group) -> list[Row]:
        return [row for row in self.rows if row.group == group]


def build_table(part3: Part3, figures: Figures, lang: Lang) -> EsgTable:
    columns = [PeriodColumn(p.id, p.year, period_label(p, lang), p.measured) for p in figures.periods]
    table = EsgTable(lang, figures, columns)
    workbook = {indicator.id: indicator for indicator in part3.indicators}
    for indicator in figures.indicators:
        table.rows.append(
            Row(
                indicator=workbook[indicator.id],
                figures=indicator,
                group=indicator.group,
                target_text=target_text(indicator, lang),
                periods=indicator.periods,
                texts=tuple(period_text(p, lang) for p in indicator.periods),
                comment=workbook[indicator.id].comment or "",
                notes=tuple(note_text(note, figures, lang) for note in indicator.notes),
                status=indicator.target.status if indicator.target else None,
                status_text=status_text(
                    indicator.target.status if indicator.target else None,
                    lang,
                    indicator.target.uncertain if indicator.target else False,
                ),
            )
        )
    return table
