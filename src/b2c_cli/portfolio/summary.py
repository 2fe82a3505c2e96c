"""One partnership, summed up for the organisation's view: who, where, how far in the guide, whether its
workbook is valid, and every indicator's value per measured period. Built from one parse of its files,
and small and picklable, so many partnerships can be summed up in parallel processes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from b2c_cli.errors import B2CError
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.part3 import DEFAULT_DISCLOSURE_THRESHOLD
from b2c_cli.survey.results import load_all
from b2c_cli.workbook.status import status_of
from b2c_cli.workbook.validate import check

MAX_PROBLEMS_KEPT = 10


@dataclass(frozen=True)
class Problem:
    location: str
    code: str
    message: str


@dataclass(frozen=True)
class Measured:
    """One indicator's value in one period of one partnership."""

    indicator: str
    period: str
    year: int
    kind: str  # survey, percent, count
    positive: int | None  # survey (and percent with n): the counts behind the share
    n: int | None
    share: float | None  # percent kinds, 0-1
    number: float | None  # counts
    target: float | None
    direction: str  # at_least / at_most

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        level = self.share * 100 if self.share is not None else self.number
        if level is None:
            return None
        return level >= self.target if self.direction == "at_least" else level <= self.target


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    name: str
    kind: str
    esrs: str


@dataclass
class Summary:
    path: str  # relative to the portfolio's root, with forward slashes
    lang: Lang = "da"
    name: str = ""
    housing: str = ""
    company: str = ""
    area: str = ""
    size: str = ""
    threshold: int = DEFAULT_DISCLOSURE_THRESHOLD
    valid: bool = True
    errors: int = 0
    warnings: int = 0
    problems: list[Problem] = field(default_factory=list)
    next_step: str | None = None
    steps_done: int = 0
    steps_total: int = 0
    indicators: list[IndicatorInfo] = field(default_factory=list)
    measured: list[Measured] = field(default_factory=list)

    def latest(self, indicator: str, year: int | None = None) -> Measured | None:
        found = [m for m in self.measured if m.indicator == indicator and (year is None or m.year <= year)]
        return max(found, key=lambda m: m.year) if found else None

    def latest_period(self, year: int | None = None) -> str | None:
        """The last period measured (up to `year`, when the portfolio is for one year)."""
        found = [m for m in self.measured if year is None or m.year <= year]
        return max(found, key=lambda m: m.year).period if found else None


def summarise(root: Path, folder: Path, today: date, lang: Lang | None = None) -> Summary:
    """The summary of the partnership in `folder`; a broken one says what is wrong and never raises.
    Its problems are told in `lang` (the portfolio's language), or else in the partnership's own."""
    summary = Summary(path=folder.relative_to(root).as_posix() or ".")
    try:
        _fill(summary, folder, today, lang)
    except B2CError as exc:  # e.g. a results file that cannot be read
        summary.valid = False
        summary.errors += 1
        summary.problems.append(
            Problem(exc.where or summary.path, exc.key, tr(exc.key, lang or summary.lang, **exc.params))
        )
    return summary


def _fill(summary: Summary, folder: Path, today: date, lang: Lang | None = None) -> None:
    workbook, validation = check(folder, today)
    summary.lang = workbook.lang
    partnership = workbook.partnership
    if partnership is not None:
        summary.name = partnership.name
        summary.housing = partnership.housing.name
        summary.company = partnership.company.name
        summary.area = partnership.area.name
        summary.size = partnership.size
    summary.errors, summary.warnings = len(validation.errors), len(validation.warnings)
    summary.valid = not validation.errors and not any(p.unreadable for p in validation.problems)
    summary.problems = [
        Problem(problem.location, problem.code, problem.message(lang or workbook.lang))
        for problem in validation.problems
        if problem.severity == "error"
    ][:MAX_PROBLEMS_KEPT]
    status = status_of(workbook, validation, today)
    summary.next_step = status.next_step.key if status.next_step else None
    summary.steps_done = sum(step.done for step in status.steps)
    summary.steps_total = len(status.steps)
    part3 = workbook.part3
    if part3 is None:
        return
    summary.threshold = part3.survey.disclosure_threshold
    summary.indicators = [IndicatorInfo(i.id, i.name, i.kind, i.esrs) for i in part3.indicators]
    years = {period.id: period.year for period in part3.periods}
    targets = {i.id: i.target for i in part3.indicators}
    kinds = {i.id: i.kind for i in part3.indicators}

    def measured(
        indicator: str,
        period: str,
        positive: int | None,
        n: int | None,
        share: float | None,
        number: float | None,
    ) -> Measured:
        target = targets.get(indicator)
        return Measured(
            indicator=indicator,
            period=period,
            year=years[period],
            kind=kinds[indicator],
            positive=positive,
            n=n,
            share=share,
            number=number,
            target=target.value if target else None,
            direction=target.direction if target else "at_least",
        )

    for period, result in load_all(folder, part3).items():
        if period not in years:
            continue
        for indicator in result.indicators:
            if indicator.id in kinds and indicator.n:
                share = indicator.positive / indicator.n
                summary.measured.append(
                    measured(indicator.id, period, indicator.positive, indicator.n, share, None)
                )
    for value in part3.manual_values:
        if value.indicator not in kinds or value.period not in years or kinds[value.indicator] == "survey":
            continue
        if kinds[value.indicator] == "count":
            summary.measured.append(measured(value.indicator, value.period, None, None, None, value.value))
        else:
            # A percentage entered by hand pools by the answers it stands for, when n is given.
            positive = round(value.value * value.n / 100) if value.n else None
            summary.measured.append(
                measured(value.indicator, value.period, positive, value.n, value.value / 100, None)
            )
