"""Results files (`results/PERIOD.yaml`): building them from scores, writing them deterministically and
reading them back for status, reports and the change between periods."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict

from pydantic import ValidationError

from b2c_cli.errors import InputError, Refused
from b2c_cli.i18n import Lang, Phrase, tr
from b2c_cli.models.part3 import Part3
from b2c_cli.models.results import (
    RESULTS_SCHEMA_VERSION,
    AnsweredResult,
    IndicatorResult,
    ItemResult,
    Results,
    ResultWarning,
    SegmentCellResult,
    SegmentGroupResult,
    SegmentResult,
    Source,
    WeightingResult,
)
from b2c_cli.models.scale import DEFAULT_SCALE
from b2c_cli.survey import disclosure
from b2c_cli.survey.scoring import Estimate, IndicatorScore, SegmentTable
from b2c_cli.workbook.folder import RESULTS_DIR
from b2c_cli.yamlfile import YamlDocument, YamlProblem, dump, parse, read_file


def results_path(root: Path, period: str) -> Path:
    return root / RESULTS_DIR / f"{period}.yaml"


class _Figures(TypedDict):
    percent: float | None
    positive: int
    n: int
    ci95: list[float] | None


def _figures(estimate: Estimate) -> _Figures:
    ci = estimate.ci95
    return {
        "percent": estimate.percent,
        "positive": estimate.positive,
        "n": estimate.n,
        "ci95": list(ci) if ci else None,
    }


def build_results(
    period: str,
    respondents: int,
    excluded_rows: dict[str, int],
    source: Source,
    scores: Sequence[IndicatorScore],
    warnings: Sequence[ResultWarning],
    segments: SegmentTable | None = None,
    segment_column: str | None = None,
) -> Results:
    indicators = [
        IndicatorResult(
            id=score.id,
            **_figures(score.estimate),
            dont_know=score.dont_know,
            blank=score.blank,
            items=[
                ItemResult(
                    text=item.text,
                    column=item.column,
                    reverse=item.reverse,
                    **_figures(item.estimate),
                    dont_know=item.dont_know,
                    blank=item.blank,
                    steps=dict(zip(range(1, len(item.steps) + 1), item.steps, strict=True)),
                    scale=item.scale if item.scale and item.scale != DEFAULT_SCALE else None,
                )
                for item in score.items
            ],
            answered=_answered(score),
        )
        for score in scores
    ]
    segment_result = None
    if segments is not None and segment_column is not None:
        segment_result = SegmentResult(
            column=segment_column,
            threshold=segments.threshold,
            hidden_groups=segments.hidden_groups,
            hidden_respondents=segments.hidden_respondents,
            groups=[
                SegmentGroupResult(
                    group=group,
                    respondents=size,
                    indicators=[
                        _segment_cell(row.indicator, next(c for c in row.cells if c.group == group).estimate)
                        for row in segments.rows
                    ],
                )
                for group, size in segments.groups
            ],
        )
    return Results(
        schema_version=RESULTS_SCHEMA_VERSION,
        period=period,
        respondents=respondents,
        excluded_rows=dict(sorted(excluded_rows.items())),
        source=source,
        warnings=list(warnings),
        indicators=indicators,
        segments=segment_result,
    )


def hold_back(results: Results, threshold: int) -> Results:
    """The results as the file may keep them (DESIGN.md §3, `survey.disclosure`): an indicator resting on
    fewer answers than the threshold, or all alike at it, or mixing in a statement hidden for its few
    answers, and a statement answered by fewer than the threshold or all alike at it, are held back
    with none of their counts (their text, column and scale stay, for comparing periods); an indicator's
    warnings that would give its n become one saying it was held back."""
    held: list[str] = []
    indicators = []
    for indicator in results.indicators:
        if (
            indicator.suppressed
            or disclosure.dominated(indicator.positive, indicator.n, threshold)
            or disclosure.mixes_hidden([(i.positive, i.n) for i in indicator.items], threshold)
        ):
            held.append(indicator.id)
            items = [_held_item(item) for item in indicator.items]
            indicators.append(IndicatorResult(id=indicator.id, suppressed=True, items=items))
        else:
            items = [
                _held_item(item)
                if item.suppressed or disclosure.dominated(item.positive, item.n, threshold)
                else item
                for item in indicator.items
            ]
            indicators.append(indicator.model_copy(update={"items": items}))
    warnings = [w for w in results.warnings if w.indicator not in held] + [
        ResultWarning(code="held-back", indicator=indicator, threshold=threshold) for indicator in held
    ]
    weighting = _held_categories(results.weighting, threshold) if results.weighting else None
    return results.model_copy(update={"indicators": indicators, "warnings": warnings, "weighting": weighting})


def _held_categories(weighting: WeightingResult, threshold: int) -> WeightingResult:
    """The comparison with the population prints each background category's respondents: a category of 1
    to threshold-1 would name a small group's size (a segment by the same question hides that group), so
    its size and shares are held back, and so are the next smallest while the held-back ones together hold
    fewer than the threshold (the total less the shown sizes would pin them). Empty categories stay."""
    variables = []
    for variable in weighting.variables:
        sizes = {k: c.sample for k, c in enumerate(variable.categories) if c.sample}
        hidden = disclosure.unnamed_groups(sizes, threshold)
        if not hidden:
            variables.append(variable)
            continue
        categories = [
            c.model_copy(update={"sample": None, "sample_percent": None, "weighted_percent": None})
            if k in hidden
            else c
            for k, c in enumerate(variable.categories)
        ]
        missing_hidden = any(k in hidden and c.category == "" for k, c in enumerate(variable.categories))
        variables.append(
            variable.model_copy(
                update={"categories": categories, "missing": None if missing_hidden else variable.missing}
            )
        )
    if variables == weighting.variables:
        return weighting
    return weighting.model_copy(update={"variables": variables, "threshold": threshold})


def _held_item(item: ItemResult) -> ItemResult:
    return ItemResult(
        text=item.text, column=item.column, reverse=item.reverse, suppressed=True, scale=item.scale
    )


def _segment_cell(indicator: str, estimate: Estimate | None) -> SegmentCellResult:
    if estimate is None:
        return SegmentCellResult(indicator=indicator, suppressed=True)
    return SegmentCellResult(indicator=indicator, **_figures(estimate))


def check_release(path: Path, results: Results, threshold: int) -> None:
    """Differencing (`survey.disclosure`): refuse (exit 4, nothing written) to replace a period's results
    by a sample that differs from the published one by 1 to threshold-1 responses - even with --force -
    because the difference between the two files would be those responses' answers; and a sample of the
    same size whose figures differ from the published ones by 1 to threshold-1 answers in any count the
    two files both show (a swap of one response, a correction of a few)."""
    if not path.exists():
        return
    try:
        earlier = read_results(path, path.name)
    except InputError:
        return  # an unreadable file is the writer's to refuse
    before = earlier.respondents
    where = f"{path.parent.name}/{path.name}"
    if before == results.respondents:
        for figure, old, new in _shown_counts(earlier, results):
            changed = disclosure.least_changed(old, new)
            if not disclosure.correction_allowed(changed, threshold):
                raise Refused(
                    "score-replace-few-changed",
                    where=where,
                    period=results.period,
                    figure=figure,
                    changed=changed,
                    threshold=threshold,
                    respondents=before,
                )
    if not disclosure.replacement_allowed(before, results.respondents, threshold):
        raise Refused(
            "score-replace-too-close",
            where=where,
            period=results.period,
            before=before,
            after=results.respondents,
            below=threshold - 1,
            threshold=threshold,
        )


Counts = dict[str, int]


def _shown_counts(earlier: Results, later: Results) -> list[tuple[Phrase, Counts, Counts]]:
    """Every count vector both files show, named for a message: each statement's answers per step with
    its don't-know and blank (first: that is where a diff shows an answer), each indicator's positive,
    other, don't-know and blank respondents, the segment groups' sizes and each segment cell's positive
    and other answers."""
    found: list[tuple[Phrase, Counts, Counts]] = []
    before = {i.id: i for i in earlier.indicators}
    for indicator in later.indicators:
        old = before.get(indicator.id)
        if old is None:
            continue
        old_items = {item.text: item for item in old.items}
        for item in indicator.items:
            old_item = old_items.get(item.text)
            counts = (_item_counts(old_item) if old_item else None, _item_counts(item))
            if counts[0] is not None and counts[1] is not None:
                phrase = Phrase("score-diff-statement", text=item.text, indicator=indicator.id)
                found.append((phrase, counts[0], counts[1]))
        pair = (_indicator_counts(old), _indicator_counts(indicator))
        if pair[0] is not None and pair[1] is not None:
            found.append((Phrase("score-diff-indicator", indicator=indicator.id), pair[0], pair[1]))
    old_segments, segments = earlier.segments, later.segments
    if old_segments is not None and segments is not None and old_segments.column == segments.column:
        sizes = [
            {**{g.group: g.respondents for g in s.groups}, "\0hidden": s.hidden_respondents}
            for s in (old_segments, segments)
        ]
        found.append((Phrase("score-diff-groups", column=segments.column), sizes[0], sizes[1]))
        old_cells = {(g.group, c.indicator): c for g in old_segments.groups for c in g.indicators}
        for group in segments.groups:
            for cell in group.indicators:
                old_cell = old_cells.get((group.group, cell.indicator))
                if old_cell is None or old_cell.positive is None or cell.positive is None:
                    continue
                assert old_cell.n is not None and cell.n is not None  # a shown cell has both
                found.append(
                    (
                        Phrase("score-diff-cell", indicator=cell.indicator, group=group.group),
                        {"positive": old_cell.positive, "other": old_cell.n - old_cell.positive},
                        {"positive": cell.positive, "other": cell.n - cell.positive},
                    )
                )
    return found


def _indicator_counts(result: IndicatorResult) -> Counts | None:
    counts = result.counts()
    if counts is None:
        return None
    positive, n, dont_know, blank = counts
    return {"positive": positive, "other": n - positive, "dont_know": dont_know, "blank": blank}


def _item_counts(item: ItemResult) -> Counts | None:
    counts = item.counts()
    if counts is None or item.steps is None:
        return None
    steps = {f"step-{step}": count for step, count in item.steps.items()}
    return {**steps, "dont_know": counts[2], "blank": counts[3]}


def _answered(score: IndicatorScore) -> AnsweredResult | None:
    if len(score.items) < 2:
        return None
    return AnsweredResult(
        min_answered=score.min_answered,
        complete=score.complete,
        partial=score.partial,
        too_few=score.too_few,
    )


def to_yaml(results: Results, lang: Lang) -> str:
    """The results file's text: a comment saying what it is, then the figures. No timestamps, so the same
    export scored twice gives the same bytes."""
    header = "\n".join(f"# {line}" for line in tr("results-file-header", lang).splitlines())
    data = results.model_dump()
    # Keys added since the first results files are written only when they say something, so a file scored
    # before stays byte for byte the same.
    if not data["sources"]:
        del data["sources"]
    for source in (data["source"], *data.get("sources", ())):
        if source["rows_used"] is None and not source["rows_dropped"]:
            del source["rows_used"], source["rows_dropped"]
    for warning in data["warnings"]:
        if warning["threshold"] is None:
            del warning["threshold"]
    for indicator in data["indicators"]:
        _held_back_keys(indicator)
        for item in indicator["items"]:
            _held_back_keys(item)
        answered = indicator.get("answered")
        if answered is None or (answered["min_answered"] == 1 and not answered["partial"]):
            indicator.pop(
                "answered", None
            )  # nothing to say: every scored respondent answered every statement
        for item in indicator["items"]:
            if item["scale"] is None:
                del item["scale"]
    if not data["not_measured"]:
        del data["not_measured"]
    for warning in data["warnings"]:
        for key in ("file", "files"):
            if warning[key] is None:
                del warning[key]
    return header + "\n" + dump(_without_unweighted(data))


def _held_back_keys(entry: dict[str, Any]) -> None:
    """A figure shown keeps the keys it always had (no `suppressed: false`); one held back keeps only
    `suppressed: true` and what says which statement it is."""
    if not entry["suppressed"]:
        del entry["suppressed"]
        return
    for key in ("percent", "positive", "n", "ci95", "dont_know", "blank", "steps", "answered"):
        if key in entry and entry[key] is None:
            del entry[key]


def _without_unweighted(data: dict[str, Any]) -> dict[str, Any]:
    """An unweighted period's file keeps the bytes it had before weighting existed: no `weighting` and no
    `weighted` keys at all, rather than empty ones."""
    if data.get("weighting") is None:
        data.pop("weighting", None)
    elif data["weighting"].get("threshold") is None:
        del data["weighting"]["threshold"]  # nothing held back: the bytes of a file written before
    if not data.get("weighting_missing"):
        data.pop("weighting_missing", None)
    for indicator in data.get("indicators", []):
        for entry in (indicator, *indicator.get("items", [])):
            if entry.get("weighted") is None:
                entry.pop("weighted", None)
    for group in (data.get("segments") or {}).get("groups", []):
        for cell in group.get("indicators", []):
            if cell.get("weighted") is None:
                cell.pop("weighted", None)
    return data


def read_results(path: Path, display: str, parsed: YamlDocument | None = None) -> Results:
    """A results file, which must be the period its name says (a copy under another period's name would
    show one year's figures as another's). `parsed`: the file as validate already parsed it."""
    try:
        document = parsed if parsed is not None else parse(read_file(path))
    except OSError as exc:
        raise InputError("results-unreadable", where=display, reason=exc.strerror or str(exc)) from None
    except YamlProblem as problem:
        if problem.key in ("yaml-not-a-file", "yaml-too-large"):
            raise InputError(problem.key, where=display, **problem.params) from None
        raise InputError("results-invalid", where=f"{display}:{problem.line or 1}") from None
    try:
        results = Results.model_validate(document.data)
    except ValidationError as exc:
        loc = tuple(exc.errors()[0]["loc"])
        mark = document.mark(loc)
        raise InputError("results-invalid", where=f"{display}:{mark.line}") from None
    if results.period != path.stem:
        raise InputError(
            "results-period-mismatch",
            where=f"{display}:{document.mark(('period',)).line}",
            period=results.period,
            name=path.stem,
        )
    return results


def load_all(
    root: Path,
    part3: Part3 | None,
    *,
    skip: str | None = None,
    parsed: Mapping[str, YamlDocument] | None = None,
) -> dict[str, Results]:
    """Every results file (but `skip`'s), keyed by period: the workbook's periods in their order, then any
    others. `parsed`: the files validate parsed in this run (`ValidationReport.results`), not read again."""
    folder = root / RESULTS_DIR
    if folder.is_symlink() and not folder.exists():
        raise InputError("results-folder-dangling", where=f"{RESULTS_DIR}/", target=str(folder.readlink()))
    if not folder.exists():
        return {}  # nothing scored yet
    if not folder.is_dir():
        raise InputError("results-folder-not-a-folder", where=RESULTS_DIR)
    known = [p.id for p in part3.periods] if part3 else []
    try:  # not glob(): it reads a folder it may not list as an empty one
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError as exc:
        raise InputError(
            "results-unreadable", where=f"{RESULTS_DIR}/", reason=exc.strerror or str(exc)
        ) from None
    paths = [folder / name for name in names if name.endswith(".yaml") and not name.startswith(".")]
    files = {path.stem: path for path in paths if path.stem != skip}
    order = [p for p in known if p in files] + sorted(p for p in files if p not in known)
    parsed = parsed or {}
    return {
        period: read_results(files[period], f"{RESULTS_DIR}/{files[period].name}", parsed.get(period))
        for period in order
    }
