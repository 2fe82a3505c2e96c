"""`b2c score NEW --period P --add` without the period's earlier exports: the period's results file and the
new exports' scores combined into the results one run over all the exports would write.

Every count the results keep is a count over respondents, and the exports' respondents are apart, so the
counts add: an indicator's positives, n, don't-know and blank (the respondent-mean rule decides each
respondent once, inside one export), every statement's positives, n, don't-know, blank and answers per step,
how many answered all, some or too few of the statements, the respondents and the rows left out. The
percentages and Wilson intervals are then computed from the summed counts by the same `Estimate` scoring
uses. An indicator one part did not measure counts that part's respondents as blank, as scoring the
exports together does (their cells are blank).

A period compared with the population (`weight: false`) keeps its answers per category, which is all the
comparison rests on (every weight is 1), so the comparison is made again over both parts' answers.

Combining is refused (exit 4, nothing written; give the earlier exports again) wherever it could not be
exact: a weighted period (the weights rest on every respondent's answers to all the weighting questions
together), a comparison with merged categories or another population, a segment table (its hidden
groups' counts are not kept) or a segment asked for, a figure written without its counts (below the
disclosure threshold), and statements, scales or min_answered that differ between the results file and the
workbook now.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from b2c_cli.errors import Refused
from b2c_cli.i18n import Msg
from b2c_cli.models.part3 import Indicator, Part3, Population
from b2c_cli.models.results import IndicatorResult, ItemResult, Results, ResultWarning, Source
from b2c_cli.models.scale import DEFAULT_SCALE
from b2c_cli.survey.answers import Coding
from b2c_cli.survey.population import Recorded
from b2c_cli.survey.scoring import Estimate, IndicatorScore, ItemScore, oriented
from b2c_cli.survey.weighting import MISSING

IDS_NOT_CHECKED = "ids-not-checked"  # the warning: respondent IDs could not be compared with earlier rows
COLUMN_SEPARATOR = " | "  # how scoring joins the columns an item was read from in several exports


@dataclass(frozen=True)
class Earlier:
    """The period's results file, read: what the new exports are added to."""

    results: Results
    display: str  # results/PERIOD.yaml, as messages name it

    @property
    def files(self) -> str:
        return ", ".join(source.file for source in self.results.every_source())


def refuse(earlier: Earlier, reason: str, **params: object) -> Refused:
    """The refusal: the results file, why its figures cannot be added to, and to give the exports again."""
    from b2c_cli.i18n import Phrase

    return Refused(
        "score-add-from-results",
        where=earlier.display,
        period=earlier.results.period,
        files=earlier.files,
        reason=Phrase(reason, **params) if params else Msg(reason),
    )


def check(earlier: Earlier, part3: Part3, codings: Mapping[str, Coding], segment: str | None) -> None:
    """Refuse (Refused, exit 4) when the results file's counts cannot be combined exactly with new ones."""
    results = earlier.results
    if part3.survey.population is not None and not _comparison_kept(results, part3.survey.population):
        raise refuse(earlier, "score-add-why-weighted")
    if results.segments is not None or segment is not None:
        raise refuse(earlier, "score-add-why-segments")
    check_counts(earlier)
    survey = {i.id: i for i in part3.indicators if i.kind == "survey"}
    for result in results.indicators:
        indicator = survey.get(result.id)
        if indicator is None:
            raise refuse(earlier, "score-add-why-indicators", indicator=result.id)
        _check_indicator(earlier, result, indicator, codings[indicator.id])
    recorded = {i.id for i in results.indicators} | set(results.not_measured)
    for indicator_id in survey:
        if indicator_id not in recorded:
            raise refuse(earlier, "score-add-why-indicators", indicator=indicator_id)


def _comparison_kept(results: Results, population: Population) -> bool:
    """Whether the period's comparison with the population (`weight: false`) can be given again from its
    counts per category: the weights are all 1, so the comparison rests on those counts alone - unless a
    category was merged (which of the merged options had the respondents is not kept) or the population's
    questions or options have changed since. A weighted period never can."""
    record = results.weighting
    if population.weight or record is None or record.applied:
        return False
    if [variable.question for variable in record.variables] != list(population.margins):
        return False
    for variable in record.variables:
        named = [c for c in variable.categories if c.category != MISSING]
        if variable.merged or [c.category for c in named] != list(population.margins[variable.question]):
            return False
        samples = [c.sample for c in variable.categories]
        if None in samples or sum(s or 0 for s in samples) != results.respondents:
            return False  # a category's size held back (disclosure), or the counts do not add up
    return True


def earlier_answers(results: Results) -> Recorded:
    """The weighting questions' answers of the period's earlier respondents as the comparison counted them
    (`check` has made sure it can): each category's label as often as it had respondents, then the blanks."""
    record = results.weighting
    answers: dict[str, list[str]] = {}
    for variable in record.variables if record is not None else ():
        labels = [
            c.category for c in variable.categories if c.category != MISSING for _ in range(c.sample or 0)
        ]
        answers[variable.question] = labels + [MISSING] * (results.respondents - len(labels))
    return Recorded(answers, [])


def check_counts(earlier: Earlier) -> None:
    """Refuse when a figure of the results file has no counts to add to."""
    for result in earlier.results.indicators:
        if _counts_missing(result) or any(_counts_missing(item) for item in result.items):
            raise refuse(earlier, "score-add-why-no-counts", indicator=result.id)


def _counts_missing(entry: IndicatorResult | ItemResult) -> bool:
    """A figure written without its counts (held back under the disclosure threshold): nothing to add to."""
    return entry.suppressed or entry.counts() is None


def _counts(entry: IndicatorResult | ItemResult) -> tuple[int, int, int, int]:
    """The counts of a figure the file shows (`check_counts` has refused a file with one held back)."""
    counts = entry.counts()
    if counts is None:
        raise ValueError("a held-back figure has no counts to add to")
    return counts


def _check_indicator(earlier: Earlier, result: IndicatorResult, indicator: Indicator, coding: Coding) -> None:
    scale = coding.scale
    if len(result.items) != len(indicator.items):
        raise refuse(earlier, "score-add-why-statements", indicator=result.id)
    for item, now in zip(result.items, indicator.items, strict=True):
        if item.text != now.text or item.reverse != now.reverse or (item.scale or DEFAULT_SCALE) != scale.id:
            raise refuse(earlier, "score-add-why-statements", indicator=result.id)
        steps = item.steps or {}
        if set(steps) != set(range(1, scale.k + 1)):
            if not steps and item.n:
                raise refuse(earlier, "score-add-why-no-counts", indicator=result.id)
            raise refuse(earlier, "score-add-why-statements", indicator=result.id)
        positive = sum(
            c for s, c in steps.items() if oriented(s, item.reverse, scale.k) >= scale.lowest_positive
        )
        if positive != item.positive or sum(steps.values()) != item.n:
            raise refuse(earlier, "score-add-why-statements", indicator=result.id)  # the positive steps moved
    if _min_answered(result) != indicator.min_answered:
        raise refuse(
            earlier,
            "score-add-why-min-answered",
            indicator=result.id,
            before=_min_answered(result),
            now=indicator.min_answered,
        )


def _min_answered(result: IndicatorResult) -> int:
    # A results file leaves `answered` out when min_answered is 1 and every respondent answered everything.
    return result.answered.min_answered if result.answered is not None else 1


def from_results(result: IndicatorResult, coding: Coding) -> IndicatorScore:
    """A results file's indicator as the score it was written from (`check` has made sure it can be)."""
    scale = coding.scale
    answered = result.answered

    def item_score(item: ItemResult) -> ItemScore:
        positive, n, dont_know, blank = _counts(item)
        steps = item.steps or {}
        return ItemScore(
            column=item.column,
            text=item.text,
            reverse=item.reverse,
            estimate=Estimate(positive, n),
            steps=tuple(steps[step] for step in range(1, scale.k + 1)),
            dont_know=dont_know,
            blank=blank,
            scale=scale.id,
        )

    positive, n, dont_know, blank = _counts(result)
    return IndicatorScore(
        id=result.id,
        estimate=Estimate(positive, n),
        dont_know=dont_know,
        blank=blank,
        items=tuple(item_score(item) for item in result.items),
        # Left out, `answered` means every scored respondent answered every statement.
        complete=answered.complete if answered is not None else n,
        partial=answered.partial if answered is not None else 0,
        too_few=answered.too_few if answered is not None else 0,
        min_answered=_min_answered(result),
    )


def not_asked(indicator: Indicator, coding: Coding, respondents: int) -> IndicatorScore:
    """An indicator a part's exports did not ask: its respondents are blank on every statement."""
    k = coding.scale.k
    items = tuple(
        ItemScore("", item.text, item.reverse, Estimate(0, 0), (0,) * k, 0, respondents, coding.scale.id)
        for item in indicator.items
    )
    return IndicatorScore(
        indicator.id, Estimate(0, 0), 0, respondents, items, min_answered=indicator.min_answered
    )


def add(first: IndicatorScore, second: IndicatorScore) -> IndicatorScore:
    """The score of two disjoint sets of respondents together: every count added."""
    items = tuple(_add_item(a, b) for a, b in zip(first.items, second.items, strict=True))
    return IndicatorScore(
        id=first.id,
        estimate=_sum(first.estimate, second.estimate),
        dont_know=first.dont_know + second.dont_know,
        blank=first.blank + second.blank,
        items=items,
        complete=first.complete + second.complete,
        partial=first.partial + second.partial,
        too_few=first.too_few + second.too_few,
        min_answered=first.min_answered,
    )


def _sum(first: Estimate, second: Estimate) -> Estimate:
    return Estimate(first.positive + second.positive, first.n + second.n)


def _add_item(first: ItemScore, second: ItemScore) -> ItemScore:
    return ItemScore(
        column=_columns(first.column, second.column),
        text=first.text,
        reverse=first.reverse,
        estimate=_sum(first.estimate, second.estimate),
        steps=tuple(a + b for a, b in zip(first.steps, second.steps, strict=True)),
        dont_know=first.dont_know + second.dont_know,
        blank=first.blank + second.blank,
        scale=first.scale,
    )


def _columns(first: str, second: str) -> str:
    """The columns an item was read from, as scoring the exports together names them: each once, in order."""
    names = [name for text in (first, second) if text for name in text.split(COLUMN_SEPARATOR)]
    return COLUMN_SEPARATOR.join(dict.fromkeys(names))


def combine(
    earlier: Results,
    scores: Sequence[IndicatorScore],
    respondents: int,
    indicators: Sequence[Indicator],
    codings: Mapping[str, Coding],
) -> tuple[list[IndicatorScore], list[str]]:
    """The earlier results and the new exports' scores (over `respondents`) as one period's scores, in the
    workbook's order, and the indicators neither part measured."""
    before = {result.id: result for result in earlier.indicators}
    now = {score.id: score for score in scores}
    combined = []
    not_measured = []
    for indicator in indicators:
        coding = codings[indicator.id]
        found = before.get(indicator.id)
        if found is None and indicator.id not in now:
            not_measured.append(indicator.id)
            continue
        first = (
            from_results(found, coding)
            if found is not None
            else not_asked(indicator, coding, earlier.respondents)
        )
        second = now.get(indicator.id) or not_asked(indicator, coding, respondents)
        combined.append(add(first, second))
    return combined, not_measured


def sources(earlier: Results, new: Sequence[Source]) -> list[Source]:
    """Every export of the period, each with its rows used and dropped (a period of one export kept those
    as the period's own)."""
    if earlier.sources:
        return [*earlier.sources, *new]
    only = earlier.source.model_copy(
        update={"rows_used": earlier.respondents, "rows_dropped": dict(sorted(earlier.excluded_rows.items()))}
    )
    return [only, *new]


def excluded(earlier: Results, new: Mapping[str, int]) -> dict[str, int]:
    total = dict(earlier.excluded_rows)
    for reason, count in new.items():
        total[reason] = total.get(reason, 0) + count
    return total


def carried_warnings(earlier: Results) -> list[ResultWarning]:
    """The earlier steps' warnings that the counts cannot give again: IDs not checked against other files."""
    return [warning for warning in earlier.warnings if warning.code == IDS_NOT_CHECKED]
