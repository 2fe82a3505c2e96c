"""`b2c score` as a library call: a survey export scored against a partnership's indicators for one period.

The steps, in order: the workbook must be valid where scoring depends on it; the export is opened and its
layout detected; every survey item finds its column; one pass turns cells into answer codes; the pure
scoring functions give the figures; the results file is compared with what is there (the same export is a
no-op, another export for the same period is refused unless forced) and written atomically.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from b2c_cli import gitutil
from b2c_cli.__about__ import __version__
from b2c_cli.errors import InputError, Refused, UsageError, WorkbookInvalid
from b2c_cli.i18n import Lang
from b2c_cli.ingest import Column, Export, Opening, ProgressCallback, open_export
from b2c_cli.models.part3 import Indicator, Part3
from b2c_cli.models.results import Results, ResultWarning, Source
from b2c_cli.models.scale import normalise
from b2c_cli.outputs import write_outputs
from b2c_cli.survey.answers import encode
from b2c_cli.survey.matching import Match, header_parts, match_items, wanted_items
from b2c_cli.survey.results import (
    build_results,
    check_release,
    load_all,
    read_results,
    results_path,
    to_yaml,
)
from b2c_cli.survey.scoring import (
    IndicatorScore,
    ItemInput,
    score_indicator,
    segment,
)
from b2c_cli.workbook.folder import PART3_FILE, PARTNERSHIP_FILE
from b2c_cli.workbook.validate import PERIOD_PATTERN, check, require

Action = Literal["written", "updated", "replaced", "unchanged", "dry-run"]


@dataclass(frozen=True)
class ScoreRequest:
    survey: Path
    root: Path
    today: date
    period: str | None = None
    sheet: str | None = None
    segment: str | None = None
    force: bool = False
    dry_run: bool = False
    progress: ProgressCallback | None = None
    opening: Opening | None = None  # the export already being opened in the background, if it is
    lang: Lang | None = None  # the language to speak instead of the workbook's (the results file keeps it)


@dataclass
class ScoreOutcome:
    lang: Lang
    part3: Part3
    results: Results
    path: Path
    action: Action
    indicators: list[Indicator]
    matches: list[Match]
    unused_scale_columns: list[str]
    others: dict[str, Results] = field(default_factory=dict)  # the other periods' results, as read
    export_tracked: bool = False


def score(request: ScoreRequest) -> ScoreOutcome:
    workbook, validation = check(request.root, request.today)
    require(validation, "score-workbook-invalid", (PARTNERSHIP_FILE, PART3_FILE))
    if workbook.part3 is None:  # a missing Part 3 is an error require() has raised for
        raise WorkbookInvalid("score-workbook-invalid", where=PART3_FILE, count=1)
    part3 = workbook.part3
    lang = workbook.lang
    period, known = _resolve_period(request, part3)

    if request.survey.is_dir():
        raise InputError("score-not-a-file", where=str(request.survey))
    if not request.survey.is_file():
        raise InputError("score-no-such-file", where=str(request.survey))
    display = request.survey.name
    if request.opening is not None and request.opening.path == request.survey:
        export = request.opening.result()
    else:
        export = open_export(request.survey, sheet=request.sheet, progress=request.progress)
    survey_indicators = [i for i in part3.indicators if i.kind == "survey"]
    matches = match_items(wanted_items(survey_indicators), export.columns, display)
    segment_column = _segment_column(request.segment, export, part3, display) if request.segment else None
    answers = encode(export, matches, part3.survey.codes, segment_column, display)
    if answers.respondents == 0:
        raise InputError("score-no-rows", where=display)

    by_item = {(m.item.indicator, m.item.index): m for m in matches}

    def inputs(indicator: Indicator) -> list[ItemInput]:
        out = []
        for index, item in enumerate(indicator.items):
            match = by_item[(indicator.id, index)]
            out.append(
                ItemInput(answers.codes[match.column.index], item.reverse, match.column.name, item.text)
            )
        return out

    scores = [score_indicator(indicator.id, inputs(indicator)) for indicator in survey_indicators]
    warnings = _warnings(scores, period, known)
    segments = None
    if segment_column is not None and answers.segment is not None:
        table_input = [(indicator.id, inputs(indicator)) for indicator in survey_indicators]
        order = _group_order(request.segment or "", segment_column, part3)
        segments = segment(table_input, answers.segment, part3.survey.disclosure_threshold, order)

    source = Source(
        file=request.survey.name,
        sha256=export.sha256,
        format=export.format,
        layout=export.layout,
        sheet=export.sheet,
        encoding=export.encoding,
        delimiter=export.delimiter,
        b2c_version=__version__,
    )
    results = build_results(
        period,
        answers.respondents,
        export.excluded_rows,
        source,
        scores,
        warnings,
        segments,
        segment_column.name if segment_column else None,
    )
    # The other periods' results are read before anything is written: a hand-edited one that cannot be read
    # stops the command with nothing changed, not after this period's file was written.
    others = load_all(request.root, part3, skip=results.period)
    path = results_path(request.root, period)
    if request.force:  # without --force another export's results are refused anyway
        check_release(path, results, part3.survey.disclosure_threshold)
    action = _write(path, results, lang, request)
    return ScoreOutcome(
        lang=request.lang or lang,
        part3=part3,
        results=results,
        path=path,
        action=action,
        indicators=survey_indicators,
        matches=matches,
        unused_scale_columns=answers.unused_scale_columns,
        others=others,
        export_tracked=gitutil.is_tracked(request.survey.resolve()),
    )


def _resolve_period(request: ScoreRequest, part3: Part3) -> tuple[str, bool]:
    known = [p.id for p in part3.periods]
    if request.period is None:
        for period in known:
            if not results_path(request.root, period).exists():
                return period, True
        raise UsageError("score-which-period", known=", ".join(known) or "-")
    if not PERIOD_PATTERN.fullmatch(request.period):
        raise UsageError("score-bad-period", period=request.period)
    return request.period, request.period in known


def _segment_column(name: str, export: Export, part3: Part3, file: str) -> Column:
    """The column to break results down by: its header, or a background question's id or text."""
    wanted = {normalise(name)}
    for question in part3.survey.background:
        if normalise(question.id) == normalise(name):
            wanted.add(normalise(question.text))
    found = [
        column
        for column in export.columns
        if any(normalise(h) in wanted or wanted & header_parts(h) for h in (column.name, *column.texts))
    ]
    if len(found) != 1:
        names = " | ".join(c.name[:40] for c in (found or export.columns)[:8])
        raise InputError("score-segment-column", where=file, column=name, columns=names)
    return found[0]


def _group_order(name: str, column: Column, part3: Part3) -> list[str]:
    """The order to show groups in: a background question's options, or the export's own labels."""
    for question in part3.survey.background:
        if normalise(question.id) == normalise(name) and question.options:
            return list(question.options)
    return list(column.labels.values()) if column.labels else []


def _warnings(scores: list[IndicatorScore], period: str, known: bool) -> list[ResultWarning]:
    warnings = [] if known else [ResultWarning(code="period-not-in-workbook")]
    for score in scores:
        if score.estimate.n == 0:
            warnings.append(ResultWarning(code="no-answers", indicator=score.id, n=0))
        elif score.estimate.small:
            warnings.append(ResultWarning(code="small-sample", indicator=score.id, n=score.estimate.n))
    return warnings


def _write(path: Path, results: Results, lang: Lang, request: ScoreRequest) -> Action:
    """Write unless it would replace another export's results (exit 4 without --force)."""
    text = to_yaml(results, lang)
    display = f"{path.parent.name}/{path.name}"
    action: Action = "written"
    if path.exists():
        try:
            existing = read_results(path, display)
        except InputError:
            if not request.force:
                raise Refused("score-results-unreadable", where=display) from None
            action = "replaced"
        else:
            if existing.source.sha256 != results.source.sha256:
                if not request.force:
                    raise Refused(
                        "score-other-export",
                        where=display,
                        period=results.period,
                        file=existing.source.file,
                    )
                action = "replaced"
            elif path.read_text("utf-8") == text:
                return "unchanged"
            else:
                action = "updated"
    if request.dry_run:
        return "dry-run"
    write_outputs(path.parent, {path.name: text.encode("utf-8")}, dry_run=False)
    return action
