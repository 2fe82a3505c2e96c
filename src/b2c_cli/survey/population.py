"""The weighting step of `b2c score`: the weighting questions' answers are kept while the export streams by,
the weights are computed (`weighting`), and the results gain the weighted figures and a record of the
weights (aggregates only: margins, design effect, representativeness). Nothing here runs when Part 3 gives
no population, so an unweighted period's results are what they always were."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from b2c_cli.errors import InputError
from b2c_cli.ingest import Cell, Column, Export
from b2c_cli.models.part3 import Indicator, Part3, Population
from b2c_cli.models.results import (
    IndicatorResult,
    MissedMargin,
    Results,
    SegmentResult,
    WeightCategory,
    WeightedFigures,
    WeightingResult,
    WeightMerge,
    WeightVariable,
)
from b2c_cli.models.scale import normalise
from b2c_cli.survey import stats
from b2c_cli.survey.scoring import ItemInput
from b2c_cli.survey.weighting import WeightedEstimate, Weighting, group_label, weigh, weighted_estimate


@dataclass
class Recorded:
    answers: dict[str, list[str]]  # weighting question id -> one label per respondent
    missing: list[str]  # weighting questions the export has no column for


def record(export: Export, part3: Part3, find: Callable[[str], Column]) -> tuple[Export, Recorded | None]:
    """The export with its rows passed through a recorder of the weighting questions' answers (found by
    `find`, the column of a background question); unchanged when Part 3 gives no population."""
    population = part3.survey.population
    if population is None:
        return export, None
    columns = {}
    missing = []
    for question in population.margins:
        try:
            columns[question] = find(question)
        except InputError:
            missing.append(question)
    recorded = Recorded({question: [] for question in columns}, missing)
    if not columns:
        return export, recorded  # no weighting question in this export: nothing to record per row
    own = {q.id: q.own_options() for q in part3.survey.background}  # answers in any survey language

    def rows() -> Iterator[tuple[int, Sequence[Cell]]]:
        for row_number, cells in export.rows:
            for question, column in columns.items():
                value = cells[column.index] if column.index < len(cells) else None
                text = group_label(value)
                if column.labels is not None and text in column.labels:
                    text = group_label(column.labels[text])
                recorded.answers[question].append(own.get(question, {}).get(normalise(text), text))
            yield row_number, cells

    return replace(export, rows=rows()), recorded


def combine(recorded: Sequence[Recorded | None], respondents: Sequence[int]) -> Recorded | None:
    """One period's weighting answers from its exports, in the order their respondents are scored; a
    question one export has no column for leaves the whole period unweighted (`add_weights` says so)."""
    if not recorded or any(one is None for one in recorded):
        return None
    found = [one for one in recorded if one is not None]
    if len(found) == 1:
        return found[0]
    missing = sorted({question for one in found for question in one.missing})
    questions = [question for question in found[0].answers if question not in missing]
    answers = {
        question: [
            label
            for one, n in zip(found, respondents, strict=True)
            for label in _padded(one.answers.get(question, []), n)
        ]
        for question in questions
    }
    return Recorded(answers, missing)


def add_weights(
    results: Results,
    population: Population,
    recorded: Recorded,
    respondents: int,
    indicators: Sequence[Indicator],
    inputs: Callable[[Indicator], list[ItemInput]],
    groups: Sequence[str] | None = None,
) -> Results:
    """`results` with the weighted figures of every indicator and statement and the weights' record. An
    export without a column for a weighting question cannot be weighted: its results stay unweighted, with
    the questions named (`weighting_missing`: a warning on screen and a line in the report), never an error
    that stops the period."""
    if recorded.missing:
        if not population.weight:  # nothing is weighted: without the column there is only no comparison
            return results
        return results.model_copy(update={"weighting_missing": list(recorded.missing)})
    answers = {question: _padded(labels, respondents) for question, labels in recorded.answers.items()}
    weighting = weigh(population.margins, answers, population.cap, apply=population.weight)
    if not population.weight:
        return results.model_copy(update={"weighting": _record(weighting, population, respondents)})
    by_id: dict[str, IndicatorResult] = {r.id: r for r in results.indicators}
    updated = []
    for indicator in indicators:
        result = by_id[indicator.id]
        items = inputs(indicator)
        weighted_items = [
            item.model_copy(update={"weighted": _figures(weighted_estimate([source], weighting.weights))})
            for item, source in zip(result.items, items, strict=True)
        ]
        updated.append(
            result.model_copy(
                update={
                    "weighted": _figures(weighted_estimate(items, weighting.weights)),
                    "items": weighted_items,
                }
            )
        )
    kept = [r for r in results.indicators if r.id not in {i.id for i in indicators}]
    segments = results.segments
    if segments is not None and groups is not None:
        by_indicator = {i.id: inputs(i) for i in indicators}
        segments = _weighted_segments(segments, groups, weighting.weights, by_indicator)
    return results.model_copy(
        update={
            "indicators": updated + kept,
            "weighting": _record(weighting, population, respondents),
            "segments": segments,
        }
    )


def _weighted_segments(
    segments: SegmentResult,
    groups: Sequence[str],
    weights: Sequence[float],
    items: dict[str, list[ItemInput]],
) -> SegmentResult:
    """Each shown group's weighted share (the period's weights, Kish's effective n within the group), so a
    weighted period's breakdown is weighted like its overall figures. Which cells are shown stays decided on
    the unweighted counts (the disclosure rules); a hidden cell gets no weighted figure either."""
    members: dict[str, list[int]] = {}
    for row, label in enumerate(groups):
        members.setdefault(label, []).append(row)
    out = []
    for group in segments.groups:
        rows = members.get(group.group, [])
        cells = []
        for cell in group.indicators:
            if cell.suppressed or not cell.n or cell.indicator not in items:
                cells.append(cell)
                continue
            subset = [replace(i, codes=[i.codes[row] for row in rows]) for i in items[cell.indicator]]
            estimate = weighted_estimate(subset, [weights[row] for row in rows])
            cells.append(cell.model_copy(update={"weighted": _figures(estimate)}))
        out.append(group.model_copy(update={"indicators": cells}))
    return segments.model_copy(update={"groups": out})


def _padded(labels: list[str], respondents: int) -> list[str]:
    """Rows the export added after streaming (a row of uncached formulas only) have no recorded answer."""
    return labels[:respondents] + [""] * (respondents - len(labels))


def _figures(estimate: WeightedEstimate) -> WeightedFigures | None:
    ci = estimate.ci95
    if estimate.share is None or estimate.percent is None or ci is None:
        return None
    return WeightedFigures(
        share=round(estimate.share, 6),
        percent=estimate.percent,
        ci95=list(ci),
        effective_n=round(estimate.effective_n, 2),
    )


def _percent(share: float) -> float:
    return stats.round_half_up(share * 100)


def _record(weighting: Weighting, population: Population, respondents: int) -> WeightingResult:
    n = respondents or 1
    return WeightingResult(
        method=weighting.method,
        applied=weighting.applied,
        source=population.source,
        date=population.date.isoformat() if population.date else None,
        cap=population.cap,
        design_effect=round(weighting.design_effect, 3),
        effective_n=round(weighting.effective_n, 2),
        capped=weighting.capped,
        met=weighting.met,
        missed=[
            MissedMargin(question=q, category=c, population=_percent(p), weighted=_percent(w))
            for q, c, p, w in weighting.missed
        ],
        variables=[
            WeightVariable(
                question=variable.id,
                missing=variable.missing,
                merged=[WeightMerge(category=c, into=into) for c, into in variable.merged],
                chi2=round(variable.chi2, 3),
                df=variable.df,
                p_value=round(variable.p_value, 4),
                categories=[
                    WeightCategory(
                        category=category.label,
                        population=_percent(category.population) if category.population is not None else None,
                        sample=category.sample,
                        sample_percent=_percent(category.sample / n),
                        weighted_percent=_percent(category.weighted),
                    )
                    for category in variable.categories
                ],
            )
            for variable in weighting.variables
        ],
    )
