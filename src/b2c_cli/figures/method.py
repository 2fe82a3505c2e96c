"""The facts a report's method section states, taken from the workbook, the results and the figures - never
from text a user wrote - so the method always says what was done: the positive steps, the respondent-mean
rule only when an indicator has several statements (with its minimum of answered statements and who
answered only some or too few), don't-know and blanks left out (with their counts),
the intervals and the random-sample assumption, weighting or its absence, the number of comparisons and
Holm's correction, the disclosure rules, the limitation that changes may come from outside the
partnership, and each measurement's responses and period."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from b2c_cli.figures.model import Figures
from b2c_cli.models import Part3
from b2c_cli.models.results import IndicatorResult, Results


@dataclass(frozen=True)
class Answered:
    """An indicator with several statements in one measurement: who answered only some of them, and who
    was left out for answering fewer than its min_answered."""

    name: str
    min_answered: int
    partial: int
    too_few: int


@dataclass(frozen=True)
class Measurement:
    period: str
    respondents: int
    dont_know: int  # respondents with only don't-know answers, summed over the survey indicators
    blank: int  # respondents with no answer, summed over the survey indicators
    answered: tuple[Answered, ...] = ()  # per indicator with several statements, when the results say


@dataclass(frozen=True)
class Method:
    survey: bool  # any survey indicator
    several: tuple[str, ...]  # survey indicators with more than one statement (the respondent-mean rule)
    # (name, min_answered, statements) for those whose min_answered is above 1
    minimum: tuple[tuple[str, int, int], ...]
    weighted: tuple[str, ...]  # the periods whose figures are weighted (DESIGN §3: weights applied)
    unweighted: tuple[str, ...]  # the measured periods whose figures are not
    threshold: int
    comparisons: int
    holm_kept: int
    measurements: tuple[Measurement, ...]
    languages: tuple[str, ...] = ()  # the survey languages (IETF tags) when there are more than one


def answered_of(part3: Part3, result: Results) -> tuple[Answered, ...]:
    """Per survey indicator with several statements, the measurement's partial and left-out respondents."""
    names = {i.id: i.name for i in part3.indicators if i.kind == "survey" and len(i.items) > 1}
    return tuple(
        Answered(names[r.id], r.answered.min_answered, r.answered.partial, r.answered.too_few)
        for r in result.indicators
        if r.id in names
        and r.answered is not None
        and (r.answered.min_answered > 1 or r.answered.partial)  # the file keeps it only then
    )


def _shown(figures: Figures, period: str, result: Results, ids: set[str]) -> list[IndicatorResult]:
    """The period's survey indicators whose figures are shown: a held-back one's counts are in no total
    (the total less the shown counts would give them)."""
    held = {i.id for i in figures.indicators if (p := i.at(period)) is not None and p.held_back}
    return [r for r in result.indicators if r.id in ids and r.id not in held and not r.suppressed]


def build_method(part3: Part3, figures: Figures, results: Mapping[str, Results]) -> Method:
    survey = [i for i in part3.indicators if i.kind == "survey"]
    several = tuple(i.name for i in survey if len(i.items) > 1)
    ids = {i.id for i in survey}
    measurements = tuple(
        Measurement(
            period=period,
            respondents=result.respondents,
            dont_know=sum(r.dont_know or 0 for r in _shown(figures, period, result, ids)),
            blank=sum(r.blank or 0 for r in _shown(figures, period, result, ids)),
            answered=answered_of(part3, result),
        )
        for period, result in results.items()
        if figures.period(period) is not None
    )
    measured = [m.period for m in measurements]
    weighted = tuple(p for p in measured if (w := results[p].weighting) is not None and w.applied)
    return Method(
        survey=bool(survey),
        several=several,
        minimum=tuple(
            (i.name, i.min_answered, len(i.items)) for i in survey if len(i.items) > 1 and i.min_answered > 1
        ),
        weighted=weighted,
        unweighted=tuple(p for p in measured if p not in weighted),
        threshold=part3.survey.disclosure_threshold,
        comparisons=figures.comparisons,
        holm_kept=figures.holm_significant,
        measurements=measurements,
        languages=tuple(part3.survey.languages) if len(part3.survey.languages) > 1 else (),
    )
