"""What ESRS asks beside the figures (S3 affected communities, S4 consumers and end-users): per metric the
method and its limitations; per target its level, unit, base period and target period, and the progress
over time, or the reason there is none; and the stakeholder involvement, here the evaluation meetings held.
The base period is the figures layer's: the one every change in the report is taken against.

S3 and S4 prescribe no metric for social cohesion, so each indicator is an entity-specific metric with its
methodology (ESRS 2 MDR-M) and a target (ESRS 2 MDR-T). `b2c.yaml` names the set of ESRS (`esrs: 2023` or
`2026`); each entry lists the datapoints it supports with that set's references. A paragraph is named only
where it was checked against the text of the standard (ESRS 2 and S3/S4 of Delegated Regulation (EU)
2023/2772); for the revised set the references stop at the disclosure requirement."""

from __future__ import annotations

from dataclasses import dataclass

from b2c_cli.figures.model import TargetStatus
from b2c_cli.figures.words import label_of
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.part3 import Indicator
from b2c_cli.models.partnership import EsrsBasis
from b2c_cli.report.table import EsgTable, Row

# What each datapoint of an entry is, and where each set of ESRS asks for it.
DATAPOINTS = ("method", "target", "base", "period", "progress", "stakeholders")
REFERENCES: dict[EsrsBasis, dict[str, str]] = {
    "2023": {
        "method": "ESRS 2 MDR-M §77(a)",
        "target": "ESRS 2 MDR-T §80(b)",
        "base": "ESRS 2 MDR-T §80(d)",
        "period": "ESRS 2 MDR-T §80(e)",
        "progress": "ESRS 2 MDR-T §80(j)",
        "stakeholders": "ESRS 2 MDR-T §80(h)",
        "no-target": "ESRS 2 MDR-T §81(a)",
        "S3": "ESRS S3-5 §42",  # the process of setting targets: engagement with the affected communities
        "S4": "ESRS S4-5 §41",  # ... with consumers and/or end-users
    },
    "2026": {
        "method": "ESRS 2 MDR-M",
        "target": "ESRS 2 MDR-T",
        "base": "ESRS 2 MDR-T",
        "period": "ESRS 2 MDR-T",
        "progress": "ESRS 2 MDR-T",
        "stakeholders": "ESRS 2 MDR-T",
        "no-target": "ESRS 2 MDR-T",
    },
}


@dataclass(frozen=True)
class Progress:
    label: str  # "Baseline (2025)"
    text: str  # "41 %", or "" when not measured


@dataclass(frozen=True)
class Datapoint:
    """A datapoint an entry supports: what it is, in words, and where the ESRS ask for it."""

    what: str  # "metode og begrænsninger"
    reference: str  # "ESRS 2 MDR-M §77(a)"


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
    datapoints: tuple[Datapoint, ...] = ()
    datapoints_text: str = (
        ""  # the datapoints in one line: "metode og begrænsninger (ESRS 2 MDR-M §77(a)); ..."
    )


def esrs_entries(table: EsgTable, lang: Lang, basis: EsrsBasis = "2026") -> list[EsrsEntry]:
    figures = table.figures
    first = figures.periods[0].id if figures.periods else None
    entries = []
    for row in table.rows:
        indicator = row.indicator
        target = row.figures.target
        base = row.figures.base_period or first  # before any value: the period the plan starts from
        points = datapoints(indicator, basis, lang)
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
                datapoints=points,
                datapoints_text=datapoints_text(points),
            )
        )
    return entries


def datapoints(indicator: Indicator, basis: EsrsBasis, lang: Lang) -> tuple[Datapoint, ...]:
    """The datapoints one indicator's entry supports under `basis`: the metric's methodology; the target's
    level and unit, baseline, period and progress (or, without a target, the reason there is none); and
    the stakeholder involvement (the evaluation meetings), with the topical standard's own paragraph where
    the set has one."""
    references = REFERENCES[basis]
    kinds = ["method", *(DATAPOINTS[1:5] if indicator.target else ["no-target"]), "stakeholders"]
    found = []
    for kind in kinds:
        reference = references[kind]
        if kind == "stakeholders" and indicator.esrs in references:
            reference = f"{reference}, {references[indicator.esrs]}"
        found.append(Datapoint(tr(f"report-datapoint-{kind}", lang), reference))
    return tuple(found)


def datapoints_text(points: tuple[Datapoint, ...]) -> str:
    """The datapoints in one line, those under the same reference together: 'metode og begrænsninger
    (ESRS 2 MDR-M); målniveau og enhed, basisværdi og basisår (ESRS 2 MDR-T)'."""
    groups: list[tuple[str, list[str]]] = []
    for point in points:
        if groups and groups[-1][0] == point.reference:
            groups[-1][1].append(point.what)
        else:
            groups.append((point.reference, [point.what]))
    return "; ".join(f"{', '.join(whats)} ({reference})" for reference, whats in groups)


def _progress(row: Row, table: EsgTable) -> tuple[Progress, ...]:
    return tuple(Progress(column.label, text) for column, text in zip(table.columns, row.texts, strict=True))
