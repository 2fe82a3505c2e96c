"""Results files (`results/PERIOD.yaml`): building them from scores, writing them deterministically and
reading them back for status, reports and the change between periods."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TypedDict

from pydantic import ValidationError

from b2c_cli.errors import InputError, Refused
from b2c_cli.i18n import Lang, tr
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


def _segment_cell(indicator: str, estimate: Estimate | None) -> SegmentCellResult:
    if estimate is None:
        return SegmentCellResult(indicator=indicator, suppressed=True)
    return SegmentCellResult(indicator=indicator, **_figures(estimate))


def check_release(path: Path, results: Results, threshold: int) -> None:
    """Differencing (`survey.disclosure`): refuse (exit 4, nothing written) to replace a period's results
    by a sample that differs from the published one by 1 to threshold-1 responses - even with --force -
    because the difference between the two files would be those responses' answers."""
    if not path.exists():
        return
    try:
        before = read_results(path, path.name).respondents
    except InputError:
        return  # an unreadable file is the writer's to refuse
    if not disclosure.replacement_allowed(before, results.respondents, threshold):
        raise Refused(
            "score-replace-too-close",
            where=f"{path.parent.name}/{path.name}",
            period=results.period,
            before=before,
            after=results.respondents,
            below=threshold - 1,
            threshold=threshold,
        )


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
    for indicator in data["indicators"]:
        answered = indicator["answered"]
        if answered is None or (answered["min_answered"] == 1 and not answered["partial"]):
            del indicator["answered"]  # nothing to say: every scored respondent answered every statement
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


def _without_unweighted(data: dict[str, Any]) -> dict[str, Any]:
    """An unweighted period's file keeps the bytes it had before weighting existed: no `weighting` and no
    `weighted` keys at all, rather than empty ones."""
    if data.get("weighting") is None:
        data.pop("weighting", None)
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
