"""`b2c score` as a library call: a survey export scored against a partnership's indicators for one period.

The steps, in order: the workbook must be valid where scoring depends on it; the export is opened and its
layout detected; every survey item finds its column; one pass turns cells into answer codes; the pure
scoring functions give the figures; the results file is compared with what is there (the same export is a
no-op, another export for the same period is refused unless forced) and written atomically.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

from b2c_cli import gitutil
from b2c_cli.__about__ import __version__
from b2c_cli.errors import InputError, Refused, UsageError, WorkbookInvalid
from b2c_cli.i18n import Lang, Lines, Phrase, has_message
from b2c_cli.ingest import Column, Export, Opening, ProgressCallback, open_export
from b2c_cli.ingest.text import file_name
from b2c_cli.models.part3 import Indicator, Part3
from b2c_cli.models.results import Results, ResultWarning, Source
from b2c_cli.models.scale import DEFAULT_SCALE, label_key, normalise
from b2c_cli.outputs import write_outputs
from b2c_cli.survey import combine, population
from b2c_cli.survey.answers import Coding, encode
from b2c_cli.survey.matching import Match, header_parts, match_columns, wanted_items
from b2c_cli.survey.results import (
    build_results,
    check_release,
    hold_back,
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
    more: tuple[Path, ...] = ()  # further exports of the same period, scored with `survey` as one sample
    add: bool = False  # the exports add to the period's recorded ones (which must be among them)

    @property
    def surveys(self) -> tuple[Path, ...]:
        return (self.survey, *self.more)


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
    tracked_exports: list[str] = field(default_factory=list)  # exports committed to git (personal data)
    added: list[str] = field(default_factory=list)  # with --add: the exports added to the period's ones

    @property
    def action_message(self) -> str:
        """The catalogue key of what was done (an addition says so: not a re-score of the same exports)."""
        return (
            "score-action-added" if self.action == "updated" and self.added else f"score-action-{self.action}"
        )


@dataclass
class _Scored:
    """One export read and coded: its source record, codes per (indicator, item), segment and ids."""

    export: Export
    display: str
    matches: list[Match]
    missing: set[str]  # indicators none of whose statements this export asks
    respondents: int
    codes: dict[tuple[str, int], array[int]]
    segment: list[str] | None
    ids: list[str] | None
    unused: list[str]
    segment_column: Column | None
    recorded: population.Recorded | None  # the weighting questions' answers (Part 3 gives a population)


SOURCE_SEGMENT = "source"  # --segment source: the exports of the period as groups
# --segment language (or sprog): the survey language each resident answered in (issue 16). An export's own
# language column (SurveyXact/Qualtrics Q_Language, LimeSurvey startlanguage, a 'language' or 'sprog'
# column) is used when there is one; else each row's language is told from the answer labels it uses.
LANGUAGE_SEGMENTS = ("language", "sprog")
_LANGUAGE_HEADERS = ("q_language", "language", "sprog", "startlanguage", "userlanguage", "lang")


def score(request: ScoreRequest) -> ScoreOutcome:
    workbook, validation = check(request.root, request.today)
    require(validation, "score-workbook-invalid", (PARTNERSHIP_FILE, PART3_FILE))
    if workbook.part3 is None:  # a missing Part 3 is an error require() has raised for
        raise WorkbookInvalid("score-workbook-invalid", where=PART3_FILE, count=1)
    part3 = workbook.part3
    lang = workbook.lang
    period, known = _resolve_period(request, part3)

    for survey in request.surveys:
        if survey.is_dir():
            raise InputError("score-not-a-file", where=str(survey))
        if not survey.exists():
            raise InputError("score-no-such-file", where=str(survey))
    survey_indicators = [i for i in part3.indicators if i.kind == "survey"]
    codings = _codings(survey_indicators, part3)
    several = len(request.surveys) > 1
    by_source = request.segment is not None and normalise(request.segment) == SOURCE_SEGMENT and several
    scored = [
        _score_one(request, survey, part3, survey_indicators, codings, None if by_source else request.segment)
        for survey in request.surveys
    ]
    _check_same_export_twice(scored)
    if several:
        _check_ids(scored)
    earlier = _earlier(request, period, scored)
    if earlier is not None:  # added to the results file's counts, without the earlier exports
        combine.check(earlier, part3, codings, request.segment)
    measured = [i for i in survey_indicators if any(i.id not in one.missing for one in scored)]
    not_measured = [i.id for i in survey_indicators if i not in measured]
    respondents = sum(one.respondents for one in scored)
    if respondents == 0:
        where = ", ".join(one.display for one in scored)
        dropped: dict[str, int] = {}
        for one in scored:
            for reason, count in one.export.excluded_rows.items():
                dropped[reason] = dropped.get(reason, 0) + count
        if any(reason != "empty-row" for reason in dropped):
            # Every row was left out: say which and why, not that the export is empty.
            reasons = Lines(
                tuple(("", _excluded(reason, count)) for reason, count in sorted(dropped.items()))
            )
            raise InputError(
                "score-all-rows-dropped", where=where, count=sum(dropped.values()), reasons=reasons
            )
        raise InputError("score-no-rows", where=where)

    def inputs(indicator: Indicator) -> list[ItemInput]:
        scale = codings[indicator.id].scale
        out = []
        for index, item in enumerate(indicator.items):
            codes: array[int] = array("b")
            columns = []
            for one in scored:
                found = one.codes.get((indicator.id, index))
                codes.extend(found if found is not None else array("b", bytes(one.respondents)))
                columns += [
                    m.column.name
                    for m in one.matches
                    if (m.item.indicator, m.item.index) == (indicator.id, index)
                ]
            out.append(
                ItemInput(
                    codes,
                    item.reverse,
                    combine.COLUMN_SEPARATOR.join(dict.fromkeys(columns)),
                    item.text,
                    scale.k,
                    scale.lowest_positive,
                    scale.id,
                    min_answered=indicator.min_answered,
                )
            )
        return out

    scores = [score_indicator(indicator.id, inputs(indicator)) for indicator in measured]
    if earlier is not None:
        scores, not_measured = combine.combine(
            earlier.results, scores, respondents, survey_indicators, codings
        )
        respondents += earlier.results.respondents
    warnings = _warnings(scores, period, known)
    segments = None
    segment_name = None
    groups: list[str] | None = None
    if by_source:
        groups = [one.export.path.name for one in scored for _ in range(one.respondents)]
        segment_name = SOURCE_SEGMENT
        order = [one.export.path.name for one in scored]
    elif request.segment is not None and all(one.segment is not None for one in scored):
        wanted = normalise(request.segment)
        own = next((q.own_options() for q in part3.survey.background if normalise(q.id) == wanted), {})
        groups = [own.get(normalise(group), group) for one in scored for group in (one.segment or [])]
        column = scored[0].segment_column
        segment_name = column.name if column is not None else request.segment
        order = _group_order(request.segment, column, part3) if column is not None else []
        _refuse_free_text_segment(request.segment, groups, part3, ", ".join(one.display for one in scored))
    if groups is not None:
        table_input = [(indicator.id, inputs(indicator)) for indicator in measured]
        segments = segment(table_input, groups, part3.survey.disclosure_threshold, order)

    sources = [_source(one, several or earlier is not None) for one in scored]
    excluded: dict[str, int] = {}
    for one in scored:
        for reason, count in one.export.excluded_rows.items():
            excluded[reason] = excluded.get(reason, 0) + count
    if earlier is not None:
        warnings += combine.carried_warnings(earlier.results)
        if part3.survey.id_column or any(_id_column(one.export) is not None for one in scored):
            # The earlier rows are not here: say so, rather than seem to have checked them.
            new = ", ".join(source.file for source in sources)
            warnings.append(ResultWarning(code=combine.IDS_NOT_CHECKED, file=new, files=earlier.files))
        sources = combine.sources(earlier.results, sources)
        excluded = combine.excluded(earlier.results, excluded)
    results = build_results(
        period,
        respondents,
        excluded,
        sources[0],
        scores,
        warnings,
        segments,
        segment_name,
    )
    if several or earlier is not None:
        results = results.model_copy(update={"sources": sources})
    if not_measured:
        results = results.model_copy(update={"not_measured": not_measured})
    if part3.survey.population is not None:
        parts = [one.recorded for one in scored]
        sizes = [one.respondents for one in scored]
        if earlier is not None:  # compared with the population only (`combine.check`): its counts again
            parts, sizes = (
                [combine.earlier_answers(earlier.results), *parts],
                [earlier.results.respondents, *sizes],
            )
        recorded = population.combine(parts, sizes)
        if recorded is not None:
            results = population.add_weights(
                results, part3.survey.population, recorded, respondents, measured, inputs, groups
            )
    # The file is published: it keeps no figure the disclosure rules would not show (after weighting, so
    # a held-back figure keeps no weighted share either).
    results = hold_back(results, part3.survey.disclosure_threshold)
    # The other periods' results are read before anything is written: a hand-edited one that cannot be read
    # stops the command with nothing changed, not after this period's file was written.
    others = load_all(request.root, part3, skip=results.period, parsed=validation.results)
    path = results_path(request.root, period)
    if request.force or request.add:  # without either another export's results are refused anyway
        check_release(path, results, part3.survey.disclosure_threshold)
    before = _recorded(path) if request.add else set()
    action = _write(path, results, lang, request, others)
    added = [s.file for s in results.every_source() if before and s.sha256 not in before]
    return ScoreOutcome(
        lang=request.lang or lang,
        part3=part3,
        results=results,
        path=path,
        action=action,
        indicators=survey_indicators,
        matches=[m for one in scored for m in one.matches],
        unused_scale_columns=list(dict.fromkeys(c for one in scored for c in one.unused)),
        others=others,
        tracked_exports=[s.name for s in request.surveys if gitutil.is_tracked(s.resolve())],
        added=added,
    )


def _earlier(request: ScoreRequest, period: str, scored: Sequence[_Scored]) -> combine.Earlier | None:
    """With --add, the period's results file when none of the exports given is among its sources: the new
    exports are added to its counts. None otherwise (the exports given are scored as they are, and `_write`
    decides; an unreadable file is its to refuse)."""
    path = results_path(request.root, period)
    if not request.add or request.force or not path.exists():
        return None
    display = f"{path.parent.name}/{path.name}"
    try:
        results = read_results(path, display)
    except InputError:
        return None
    recorded = {source.sha256 for source in results.every_source()}
    if any(one.export.sha256 in recorded for one in scored):
        return None
    return combine.Earlier(results, display)


def _recorded(path: Path) -> set[str]:
    """The SHA-256 of the exports a results file records (none when there is none to read)."""
    if not path.exists():
        return set()
    try:
        return {source.sha256 for source in read_results(path, path.name).every_source()}
    except InputError:
        return set()


def _excluded(reason: str, count: int) -> Phrase:
    key = f"score-excluded-{reason}"
    return Phrase(key if has_message(key) else "score-excluded-other", count=count, reason=reason)


def _codings(indicators: Sequence[Indicator], part3: Part3) -> dict[str, Coding]:
    scales = part3.scales()
    out = {}
    for indicator in indicators:
        scale = scales.get(indicator.scale or DEFAULT_SCALE)
        if scale is None:  # validate reports it; scoring cannot go on without it
            raise WorkbookInvalid("score-workbook-invalid", where=PART3_FILE, count=1)
        out[indicator.id] = Coding(
            scale,
            declared=indicator.scale is not None,
            labels=part3.survey.labels,
            codes=part3.survey.codes,
            scales=scales,
            indicator=indicator.id,
        )
    return out


def _score_one(
    request: ScoreRequest,
    survey: Path,
    part3: Part3,
    indicators: Sequence[Indicator],
    codings: dict[str, Coding],
    segment_name: str | None,
) -> _Scored:
    display = survey.name
    if request.opening is not None and request.opening.path == survey:
        export = request.opening.result()
    else:
        export = open_export(survey, sheet=request.sheet, progress=request.progress)
    matches, missing = match_columns(
        wanted_items(indicators),
        export.columns,
        display,
        allow_missing=True,
        duplicates=export.duplicate_headers,
    )
    by_language = segment_name is not None and normalise(segment_name) in LANGUAGE_SEGMENTS
    if by_language:
        by_name = {normalise(c.name): c for c in export.columns}
        segment_column = next((by_name[h] for h in _LANGUAGE_HEADERS if h in by_name), None)
    else:
        segment_column = _segment_column(segment_name, export, part3, display) if segment_name else None
    languages = _label_languages(indicators, codings) if by_language and segment_column is None else None
    export, recorded = population.record(
        export, part3, lambda question: _segment_column(question, export, part3, display)
    )
    declared = part3.survey.id_column
    id_column = _declared_id_column(export, declared, display) if declared else None
    if id_column is None and request.more:
        id_column = _id_column(export)
    answers = encode(
        export, matches, codings, segment_column, display, id_column=id_column, languages=languages
    )
    codes = {(m.item.indicator, m.item.index): answers.codes[m.column.index] for m in matches}
    return _Scored(
        export,
        display,
        matches,
        missing,
        answers.respondents,
        codes,
        answers.segment,
        answers.ids,
        answers.unused_scale_columns,
        segment_column,
        recorded,
    )


def _label_languages(
    indicators: Sequence[Indicator], codings: dict[str, Coding]
) -> dict[str, frozenset[str]]:
    """Every answer label of the indicators' scales (label key) -> the survey languages that write it."""
    found: dict[str, set[str]] = {}
    for indicator in indicators:
        scale = codings[indicator.id].scale
        groups = [*(step.labels for step in scale.steps), scale.dont_know]
        for labels in groups:
            for lang, texts in labels.items():
                for text in texts:
                    found.setdefault(label_key(text), set()).add(lang)
    return {key: frozenset(langs) for key, langs in found.items()}


def _source(one: _Scored, several: bool) -> Source:
    """The export's record; with several exports, each one's rows used and dropped as well."""
    export = one.export
    return Source(
        file=file_name(export.path.name),
        sha256=export.sha256,
        format=export.format,
        layout=export.layout,
        sheet=export.sheet,
        encoding=export.encoding,
        delimiter=export.delimiter,
        b2c_version=__version__,
        rows_used=one.respondents if several else None,
        rows_dropped=dict(sorted(export.excluded_rows.items())) if several else {},
    )


# The tools' respondent id columns, by header (case-folded).
_ID_HEADERS = ("respondentid", "respondent id", "responseid", "response id", "id", "_id", "respondent")


def _id_column(export: Export) -> Column | None:
    by_name = {c.name.casefold(): c for c in export.columns}
    return next((by_name[name] for name in _ID_HEADERS if name in by_name), None)


def _declared_id_column(export: Export, declared: str, file: str) -> Column:
    """The respondent-ID column Part 3 declares (`survey: id_column:`), by its header; an export without
    it stops, naming the column and the headers it has."""
    wanted = normalise(declared)
    found = [c for c in export.columns if normalise(c.name) == wanted]
    if not found:
        headers = " | ".join(c.name for c in export.columns[:MAX_HEADERS_NAMED]) or "-"
        raise InputError("score-id-column-unknown", where=file, column=declared, headers=headers)
    return found[0]


# How many of an export's headers a message names.
MAX_HEADERS_NAMED = 30


def _check_same_export_twice(scored: Sequence[_Scored]) -> None:
    seen: dict[str, str] = {}
    for one in scored:
        if one.export.sha256 in seen:
            raise InputError("score-same-export-twice", where=one.display, other=seen[one.export.sha256])
        seen[one.export.sha256] = one.display


def _check_ids(scored: Sequence[_Scored]) -> None:
    """A respondent id in two exports of one period would count one person twice."""
    owner: dict[str, str] = {}
    for one in scored:
        for respondent in dict.fromkeys(one.ids or ()):
            if not respondent:
                continue
            first = owner.setdefault(respondent, one.display)
            if first != one.display:
                raise InputError(
                    "score-duplicate-respondent", where=one.display, id=respondent[:40], other=first
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
    if request.period not in known:
        # A mistyped period would write a results file no report lists: the periods come from Part 3.
        raise UsageError("score-unknown-period", period=request.period, known=", ".join(known) or "-")
    return request.period, True


def _segment_column(name: str, export: Export, part3: Part3, file: str) -> Column:
    """The column to break results down by: its header, or a background question's id or text."""
    wanted = {normalise(name)}
    for question in part3.survey.background:
        if normalise(question.id) == normalise(name):
            wanted.update(normalise(text) for text in question.texts())  # in any survey language
    found = [
        column
        for column in export.columns
        if any(normalise(h) in wanted or wanted & header_parts(h) for h in (column.name, *column.texts))
    ]
    if len(found) != 1:
        names = " | ".join(c.name[:40] for c in (found or export.columns)[:8])
        raise InputError("score-segment-column", where=file, column=name, columns=names)
    return found[0]


MAX_SEGMENT_GROUPS = 20  # a closed question has a handful of answers; more distinct values is free text


def _refuse_free_text_segment(name: str, groups: list[str], part3: Part3, file: str) -> None:
    """Privacy (issue 12): groups become labels in results/, which is committed. Only a background question
    of the workbook, or a closed column (at most MAX_SEGMENT_GROUPS distinct values, each short and free of
    digit runs and addresses), may be a segment; a free-text column would put residents' comments there."""
    from b2c_cli.survey.answers import looks_like_label

    if any(normalise(question.id) == normalise(name) for question in part3.survey.background):
        return
    distinct = {group for group in groups if group}
    if len(distinct) > MAX_SEGMENT_GROUPS or not all(looks_like_label(group) for group in distinct):
        raise InputError("score-segment-free-text", where=file, column=name[:60], limit=MAX_SEGMENT_GROUPS)


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


def _check_not_elsewhere(results: Results, others: dict[str, Results]) -> None:
    """The same export is never the results of two periods: an export already scored as one period is
    refused as another (a re-run without --period would otherwise invent a year equal to the last)."""
    mine = {source.sha256 for source in results.every_source()}
    for period, other in others.items():
        found = next((s for s in other.every_source() if s.sha256 in mine), None)
        if found is not None:
            raise Refused(
                "score-export-in-other-period", where=found.file, period=period, wanted=results.period
            )


def _write(
    path: Path, results: Results, lang: Lang, request: ScoreRequest, others: dict[str, Results]
) -> Action:
    """Write unless it would replace another export's results (exit 4 without --force). Exports added to
    the ones a period has (all of those given again, and more) need --add."""
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
            before = {s.sha256: s.file for s in existing.every_source()}
            now = {s.sha256 for s in results.every_source()}
            if set(before) != now:
                if set(before) < now and request.add:
                    action = "updated"
                elif not request.force:
                    if set(before) < now:
                        raise Refused("score-add-needed", where=display, period=results.period)
                    if request.add:
                        missing = ", ".join(f for sha, f in before.items() if sha not in now)
                        raise Refused("score-add-all", where=display, period=results.period, files=missing)
                    raise Refused(
                        "score-other-export",
                        where=display,
                        period=results.period,
                        file=", ".join(before.values()),
                    )
                else:
                    action = "replaced"
            elif path.read_text("utf-8") == text:
                return "unchanged"
            else:
                action = "updated"
    _check_not_elsewhere(results, others)
    if request.dry_run:
        return "dry-run"
    write_outputs(path.parent, {path.name: text.encode("utf-8")}, dry_run=False)
    return action
