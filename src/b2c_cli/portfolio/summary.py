"""One partnership, summed up for the organisation's view: who, where, how far in the guide, whether its
workbook is valid, and every indicator's value per measured period. Built from one parse of its files,
and small and picklable, so many partnerships can be summed up in parallel processes."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from b2c_cli.errors import B2CError
from b2c_cli.figures import Value, build_figures
from b2c_cli.figures.compute import as_of, status_at
from b2c_cli.figures.model import TargetFigure, TargetStatus
from b2c_cli.i18n import Lang, tr
from b2c_cli.models.part3 import DEFAULT_DISCLOSURE_THRESHOLD
from b2c_cli.models.scale import normalise
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
    """One indicator's value in one period of one partnership, as the figures layer computed it."""

    indicator: str
    period: str
    year: int
    kind: str  # survey, percent, count
    value: Value
    target: TargetFigure | None
    status: TargetStatus  # as if this period's value were the latest: met, not met, not yet due
    # Held back in its results file (too few answers when scored): `value` has no figure, and the
    # portfolio shows it as hidden and counts it among the partnerships with too few answers.
    held_back: bool = False

    @property
    def met(self) -> bool | None:
        """Whether the value reaches its target (None without a target)."""
        return None if self.target is None else self.status == "met"


@dataclass(frozen=True)
class IndicatorInfo:
    id: str
    name: str
    kind: str
    esrs: str
    statements: tuple[str, ...] = ()  # a survey indicator's statements, normalised for comparing
    texts: tuple[str, ...] = ()  # the same statements as this workbook words them, for showing


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
    # (indicator id, year): a period whose survey did not measure the indicator (its results file says so)
    not_measured: list[tuple[str, int]] = field(default_factory=list)
    periods: dict[int, str] = field(default_factory=dict)  # year -> the period's id
    as_of: date | None = None  # the date of the newest information its report holds

    def latest(self, indicator: str, year: int | None = None) -> Measured | None:
        found = [m for m in self.measured if m.indicator == indicator and (year is None or m.year <= year)]
        return max(found, key=lambda m: m.year) if found else None

    def latest_not_measured(self, indicator: str, year: int | None = None) -> int | None:
        """The year of the partnership's latest measurement (up to `year`) when it did not measure the
        indicator, though an earlier one may have: the cell says "not measured", never the older value."""
        latest = self.latest(indicator, year)
        gaps = [y for i, y in self.not_measured if i == indicator and (year is None or y <= year)]
        gap = max(gaps, default=None)
        return gap if gap is not None and (latest is None or gap > latest.year) else None

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
    summary.indicators = [
        IndicatorInfo(
            i.id,
            i.name,
            i.kind,
            i.esrs,
            tuple(normalise(item.text) for item in i.items),
            tuple(item.text for item in i.items),
        )
        for i in part3.indicators
    ]
    years = {period.id: period.year for period in part3.periods}
    summary.periods = {period.year: period.id for period in part3.periods}
    figures = build_figures(part3, load_all(folder, part3, parsed=validation.results), disclose=False)
    if partnership is not None:
        summary.as_of = as_of(part3, figures, partnership.start_date)
    for indicator in figures.indicators:
        for figure in indicator.periods:
            if figure.not_measured:
                summary.not_measured.append((indicator.id, years[figure.period]))
            # Held back in its results file: measuring, with too few answers to enter any figure.
            held = figure.held_back and figure.value is None
            if figure.value is None and not held:
                continue
            summary.measured.append(
                Measured(
                    indicator=indicator.id,
                    period=figure.period,
                    year=years[figure.period],
                    kind=indicator.kind,
                    value=figure.value if figure.value is not None else Value(source="survey"),
                    target=indicator.target,
                    status="not-measured" if held else status_at(figures, indicator, figure.period),
                    held_back=held,
                )
            )
