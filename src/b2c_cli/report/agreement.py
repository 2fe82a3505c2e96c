"""The partnership agreement as data, from Part 2 with names looked up (parties, initiatives, indicators,
months): what the printable agreement, the annual wheel sheet and the calendar file are made of."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from b2c_cli.figures.compute import exact
from b2c_cli.figures.words import target_phrase
from b2c_cli.i18n import Lang, tr
from b2c_cli.models import Part2, Part3, Partnership
from b2c_cli.models.common import Responsible
from b2c_cli.models.part3 import Indicator


@dataclass(frozen=True)
class InitiativeRow:
    id: str
    title: str
    description: str
    focus: str
    place: str
    responsible: str
    indicators: str


@dataclass(frozen=True)
class WheelRow:
    month: int
    month_name: str
    date: date | None
    activity: str
    responsible: str
    role: str
    initiative: str


@dataclass(frozen=True)
class ResourceRow:
    source: str
    name: str
    contribution: str


@dataclass(frozen=True)
class IndicatorRow:
    name: str
    esrs: str
    target: str
    kpi: str


@dataclass
class AgreementDoc:
    partnership: Partnership
    part2: Part2
    initiatives: list[InitiativeRow]
    wheel: list[WheelRow]
    meetings: list[date]
    resources: list[ResourceRow]
    indicators: list[IndicatorRow]
    site_indicators: list[str]  # names of the site-specific indicators agreed on
    measurement_month: str


def month_name(month: int, lang: Lang) -> str:
    return tr(f"month-{month}", lang)


def party_name(responsible: Responsible, partnership: Partnership, lang: Lang) -> str:
    if responsible == "housing":
        return partnership.housing.name
    if responsible == "company":
        return partnership.company.name
    return tr("report-both-parties", lang, housing=partnership.housing.name, company=partnership.company.name)


def build_agreement(partnership: Partnership, part2: Part2, part3: Part3, lang: Lang) -> AgreementDoc:
    names = {indicator.id: indicator.name for indicator in part3.indicators}
    agreement = part2.agreement
    titles = {initiative.id: initiative.title for initiative in agreement.initiatives}
    initiatives = [
        InitiativeRow(
            id=i.id,
            title=i.title,
            description=i.description or "",
            focus=tr(f"report-focus-{i.focus}", lang) if i.focus else "",
            place=i.place or "",
            responsible=party_name(i.responsible, partnership, lang),
            indicators=", ".join(names.get(ref, ref) for ref in i.indicators),
        )
        for i in agreement.initiatives
    ]
    wheel = sorted(
        (
            WheelRow(
                month=entry.date.month if entry.date else entry.month or 1,
                month_name=month_name(entry.date.month if entry.date else entry.month or 1, lang),
                date=entry.date,
                activity=entry.activity,
                responsible=party_name(entry.responsible, partnership, lang),
                role=entry.role or "",
                initiative=titles.get(entry.initiative, entry.initiative) if entry.initiative else "",
            )
            for entry in agreement.annual_wheel
        ),
        key=lambda row: (row.month, row.date or date.min),
    )
    resources = [
        ResourceRow(tr(f"report-source-{r.source}", lang), r.name or "", r.contribution or "")
        for r in part2.other_resources
    ]
    indicators = [IndicatorRow(i.name, i.esrs, _target(i, lang), i.kpi) for i in part3.indicators]
    month = agreement.measurement.month
    return AgreementDoc(
        partnership=partnership,
        part2=part2,
        initiatives=initiatives,
        wheel=wheel,
        meetings=list(agreement.evaluation_meetings),
        resources=resources,
        indicators=indicators,
        site_indicators=[names.get(ref, ref) for ref in part2.joint_priorities.site_specific_indicators],
        measurement_month=month_name(month, lang) if month and 1 <= month <= 12 else "",
    )


def _target(indicator: Indicator, lang: Lang) -> str:
    target = indicator.target
    if target is None:
        return tr("report-no-target", lang)
    return target_phrase(target.direction, exact(target.value), indicator.kind == "count", lang)
